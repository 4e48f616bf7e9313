"""An open article whose file changes and is ingested again from another shell: the reader shows
it as it is now, at the same claim, with your corrected extents in place, and says so once."""

from __future__ import annotations

import shutil

from helpers import SEED, fixed_clock
from reader.corrections import span_change
from reader.ingest import ingest
from reader.store import Store
from reader.tui.screens.article import ArticleScreen
from reader.tui.widgets.article_view import ArticleView

SIZE = (120, 40)
SHORT = "there are no specifics yet"
INSERTED = "The Kremlin's spokesman, "


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_an_open_article_is_shown_again_when_its_file_changes(app_factory, tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(SEED, path)
    app = app_factory(path)
    outside = Store(app.store.folder, annotator="tester", clock=fixed_clock)  # another shell
    article = outside.article(outside.summaries()[0].id)
    quote = next(c for c in article.claims if c.text == SHORT)
    outside.change(article.id, quote, {"span": span_change(quote, article.body, quote.start - 1, quote.end + 1)})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        screen.go_to(next(i for i, c in enumerate(screen.claims) if c.id == quote.id) + 1)
        current = screen.claims[screen.current].id
        await app.poll_store()  # what the app has seen so far
        path.write_text(SEED.read_text().replace("Kremlin spokesman", INSERTED + "Kremlin spokesman"))
        ingest([str(path)], outside)
        await app.poll_store()
        await pilot.pause()
        view = screen.query_one(ArticleView)
        assert INSERTED in view.body and screen.article.body == outside.article(article.id).body
        assert screen.claims[screen.current].id == current  # still on the claim you were on
        seen = next(c for c in screen.claims if c.id == quote.id)
        assert seen.text == f'"{SHORT}"' == screen.article.body[seen.start:seen.end]  # your extent holds
        said = [m for m in messages(app) if "changed" in m]
        assert said == ["This article's file changed and was read again: shown as it is now."]
        await pilot.press("s")  # a tag given now lands on the claim as it is now
        await pilot.pause()
    app.service.close()
    note = Store(app.store.folder, annotator="tester", clock=fixed_clock).annotations(article.id)[current]
    claim = next(c for c in outside.article(article.id).claims if c.id == current)
    assert (note.tag, note.start, note.text) == ("stated", claim.start, claim.text)


async def test_a_change_seen_under_a_dialog_is_shown_once_the_dialog_closes(app_factory, tmp_path):
    path = tmp_path / "article.txt"
    shutil.copy(SEED, path)
    app = app_factory(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        await app.poll_store()
        await pilot.press("question_mark")
        await pilot.pause()
        path.write_text(SEED.read_text().replace("Kremlin spokesman", INSERTED + "Kremlin spokesman"))
        ingest([str(path)], Store(app.store.folder, annotator="tester", clock=fixed_clock))
        await app.poll_store()  # the help is on top: nothing is redrawn under it
        assert INSERTED not in screen.query_one(ArticleView).body
        await pilot.press("escape")
        await pilot.pause()
        await app.poll_store()
        await pilot.pause()
        assert app.screen is screen and INSERTED in screen.query_one(ArticleView).body
        assert sum("file changed" in m for m in messages(app)) == 1


async def test_a_change_seen_as_the_reader_closes_is_not_shown_on_it(app_factory):
    """The app reads another shell's change from the store while you leave the article: it is
    not drawn on the screen that went (that was a crash: the screen's widgets were gone)."""
    app = app_factory(SEED)
    outside = Store(app.store.folder, annotator="tester", clock=fixed_clock)
    article = outside.article(outside.summaries()[0].id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        await app.poll_store()
        outside.change(article.id, article.claims[1], {"tag": "denied"})
        read = app.service.run

        async def leaving_meanwhile(fn, *args):
            if getattr(fn, "__name__", "") == "annotations":
                await app.pop_screen()  # (escape, pressed while the store is read)
            return await read(fn, *args)

        app.service.run = leaving_meanwhile
        await app.poll_store()
        app.service.run = read
        await pilot.pause()
        assert not isinstance(app.screen, ArticleScreen) and app.library.by_id(article.id).tagged == 1
