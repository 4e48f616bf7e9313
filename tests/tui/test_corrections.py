"""Correcting the extractor in the reader: `+` adds a claim it missed, `E` moves where a claim
starts and ends; both saved with your annotations and undone with ctrl+z."""

from __future__ import annotations

from helpers import SEED, fixed_clock, open_reader
from reader.corrections import as_seen
from reader.store import Store
from reader.tui.dialogs.ask import AskDialog

SIZE = (120, 40)
MISSED = "planning a trip to the region from 13 to 16 May"


def stored(app) -> Store:
    return Store(app.store.folder, annotator=app.store.annotator, clock=fixed_clock)


async def test_adding_a_missed_claim_then_saying_who_said_it(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        before = len(screen.claims)
        await pilot.press("plus", *"planning a trip ... 16 May", "enter")
        await pilot.pause()
        assert len(screen.claims) == before + 1
        claim = screen.claims[screen.current]
        assert claim.text == MISSED  # the new claim is the current one
        await pilot.press("w", "ctrl+u", *"Donald Trump", "enter", "s")
        await app.workers.wait_for_complete()
        await app.service.run(lambda: None)
        store = stored(app)
        article = store.article(screen.article.id)
        note = store.annotations(article.id)[claim.id]
        assert (note.added, note.speaker, note.tag, note.text) == ("reported", "Donald Trump", "stated", MISSED)
        assert claim.id in {c.id for c in as_seen(article, store.annotations(article.id)).claims}
        await pilot.press("escape")
        await pilot.pause()
        row = app.library.by_id(article.id)
        assert (row.tagged, row.added, row.claims) == (1, 1, row.summary.claims + 1)  # 1/N+1 in the library


async def test_undo_takes_an_added_claim_away(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        before = [c.id for c in screen.claims]
        await pilot.press("plus", *MISSED, "enter")
        await pilot.pause()
        added = screen.claims[screen.current].id
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [c.id for c in screen.claims] == before
        await app.service.run(lambda: None)
        assert added not in stored(app).annotations(screen.article.id)


async def test_words_that_are_not_in_the_text_keep_the_dialog_open(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        before = len(screen.claims)
        await pilot.press("plus", *"words nobody wrote", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AskDialog)
        assert "Not in the text" in str(app.screen.query_one("#ask-hint").render())
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and len(screen.claims) == before


async def test_correcting_where_a_claim_starts_and_ends(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        index = next(i for i, c in enumerate(screen.claims) if c.text == "there are no specifics yet")
        screen.go_to(index)
        await pilot.press("E")
        await pilot.pause()
        assert app.screen.query_one("#ask-input").value == "there are no specifics yet"
        await pilot.press("ctrl+u", *'"there are no specifics yet"', "enter")
        await pilot.pause()
        claim = screen.claims[screen.current]
        assert claim.text == '"there are no specifics yet"'
        await app.service.run(lambda: None)
        note = stored(app).annotations(screen.article.id)[claim.id]
        assert note.span["text"] == '"there are no specifics yet"' and note.added is None
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.claims[screen.current].text == "there are no specifics yet"


async def test_a_corrected_speaker_gets_their_own_colour_and_legend_entry(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one("#body")
        assert "Jane Roe" not in view._speakers
        await pilot.press("w", "ctrl+u", *"Jane Roe", "enter")
        await pilot.pause()
        assert "Jane Roe" in view._speakers
        assert any("Jane Roe" in entry[0] for entry in view._header)
