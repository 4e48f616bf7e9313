"""What the app does, driven by keys: assertions on the store and on the app's state."""

from __future__ import annotations

import json

from helpers import FIXTURES, SEED, SOME, fixed_clock, help_text, open_reader
from reader.ingest import ingest
from reader.model import statements
from reader.store import Store
from reader.tui.screens.article import ArticleScreen
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.article_table import ArticleTable
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.claim_detail import ClaimDetail

SIZE = (120, 40)


def fresh_store(app) -> Store:
    return Store(app.store.folder, annotator=app.store.annotator, clock=fixed_clock)


async def test_first_run_on_an_empty_store_opens_the_samples(app_factory):
    app = app_factory(samples=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert [r.summary.title for r in app.library.visible] == ["Putin's spokesperson says meeting with Trump is necessary"]
        assert app.screen.showing_samples
        assert "sample" in str(app.screen.query_one("#hint").render()).lower()


async def test_tagging_is_saved_and_a_fresh_app_sees_it(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("n", "n", "n", "s", "n", "d", "n", "u")
        await pilot.pause()
        tagged = {c.text[:20]: t for c, t in zip(screen.claims[3:6], ("stated", "denied", "unknown"), strict=False)}
    app.service.close()
    notes = fresh_store(app).annotations(screen.article.id)
    assert {n.text[:20]: n.tag for n in notes.values()} == tagged
    again = app_factory()
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert again.library.visible[0].tagged == 3
        screen = await open_reader(pilot)
        table = screen.query_one("#claims")
        assert table.cells(table.items[3], 3)["tag"] == "✓"


async def test_quitting_right_after_a_tag_keeps_it(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("s", "q")
    article_id = screen.article.id
    assert [n.tag for n in fresh_store(app).annotations(article_id).values()] == ["stated"]


async def test_note_modal_saves_on_enter_and_cancels_on_escape(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("a", *"per RIA", "enter")
        await pilot.press("n", "a", *"discard me", "escape")
        await pilot.pause()
        claims = screen.claims
    app.service.close()
    notes = fresh_store(app).annotations(screen.article.id)
    assert notes[claims[0].id].note == "per RIA" and notes[claims[0].id].tag is None
    assert claims[1].id not in notes


async def test_undo_and_redo_tags_and_notes(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        first = screen.claims[0]
        await pilot.press("s", "d", "a", *"hm", "enter")
        await pilot.pause()
        assert (screen.notes[first.id].tag, screen.notes[first.id].note) == ("denied", "hm")
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert (screen.notes[first.id].tag, screen.notes[first.id].note) == ("denied", "")
        await pilot.press("ctrl+z", "ctrl+z")
        await pilot.pause()
        assert first.id not in screen.notes
        app.service.call(lambda: None)  # let the store thread catch up
        assert fresh_store(app).annotations(screen.article.id) == {}
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert screen.notes[first.id].tag == "stated"
        app.service.call(lambda: None)
        assert fresh_store(app).annotations(screen.article.id)[first.id].tag == "stated"


async def test_next_untagged_crosses_to_the_next_article(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        order = [r.id for r in app.library.visible]
        first = await open_reader(pilot)
        assert first.article.id == order[0]
        for _ in first.claims:
            await pilot.press("s", "N")
            await pilot.pause()
        await pilot.pause()
        second = app.screen
        assert isinstance(second, ArticleScreen) and second.article.id == order[1]
        assert second.current == 0 and second.claims
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        assert table.current.id == order[1]
        # Every claim tagged: every statement done (the quotes inside statements are part of them).
        assert table.items[0].tagged == len(statements(first.claims)) < len(first.claims)


async def test_escape_keeps_the_library_cursor_and_filter(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"trump", "enter")
        await pilot.pause()
        titles = [r.summary.title for r in app.library.visible]
        assert sorted(titles) == ["Putin's spokesperson says meeting with Trump is necessary",
                                  "Zelenskyy thanks partners for new aid package"]
        await pilot.press("down", "enter")
        await pilot.pause()
        opened = app.screen.article.id
        await pilot.press("escape")
        await pilot.pause()
        library = app.screen
        assert isinstance(library, LibraryScreen)
        assert [r.summary.title for r in app.library.visible] == titles
        assert library.query_one(ArticleTable).current.id == opened
        assert library.filter_text == "trump"


async def test_filter_by_speaker_and_untagged(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"speaker:peskov", "enter")
        await pilot.pause()
        assert sorted(r.summary.title for r in app.library.visible) == [
            "Kremlin reacts to Kursk incursion", "Putin's spokesperson says meeting with Trump is necessary"]
        await pilot.press("escape", "t")
        await pilot.pause()
        assert len(app.library.visible) == app.library.total  # nothing tagged yet


def tag_every_claim(app, title: str) -> str:
    """Tag every statement of one article through another process's store; its id."""
    store = fresh_store(app)
    summary = next(s for s in store.summaries() if s.title == title)
    article = store.article(summary.id)
    for claim in statements(article.claims):
        store.annotate(article.id, claim, tag="stated")
    return summary.id


async def test_untagged_only_hides_an_article_whose_claims_are_all_tagged(app_factory):
    app = app_factory(*SOME)
    done = tag_every_claim(app, "Kremlin reacts to Kursk incursion")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("t")
        await pilot.pause()
        ids = [r.id for r in app.library.visible]
        assert done not in ids and len(ids) == app.library.total - 1
        await pilot.press("t")
        await pilot.pause()
        assert len(app.library.visible) == app.library.total


async def test_is_untagged_typed_in_the_filter_goes_when_the_text_goes(app_factory):
    app = app_factory(*SOME)
    tag_every_claim(app, "Kremlin reacts to Kursk incursion")
    everything = None
    async with app.run_test(size=SIZE) as pilot:
        everything = app.library.total
        await pilot.press("slash", *"is:untagged", "enter")
        await pilot.pause(0.3)
        assert app.library.query.untagged and len(app.library.visible) == everything - 1
        await pilot.press("escape")  # clears the filter
        await pilot.pause(0.3)
        assert not app.library.query.untagged and len(app.library.visible) == everything
        await pilot.press("slash", *"is:untagged")
        await pilot.pause(0.3)
        await pilot.press(*["backspace"] * len("is:untagged"), "enter")
        await pilot.pause(0.3)
        assert not app.library.query.untagged and len(app.library.visible) == everything
        await pilot.press("t", "slash", *"is:untagged", "escape")  # t's own choice stays
        await pilot.pause(0.3)
        assert app.library.query.untagged


async def test_filter_searches_bodies(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.press("slash", *"punctuality")
        await pilot.pause(0.3)  # the filter waits for a pause in the typing
        assert [r.summary.title for r in app.library.visible] == ["Rail fares to rise above inflation"]


async def test_export_writes_valid_json_with_the_tags(app_factory, tmp_path):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("u", "e")
        await pilot.pause()
        assert app.screen.query_one("#ask-input").value == "store/export-20260102-030405.json"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    data = json.loads((tmp_path / "store" / "export-20260102-030405.json").read_text())
    assert data["schema"] == "newsreader-export/1"
    first = data["articles"][0]["claims"][0]
    assert first["id"] == screen.claims[0].id and first["annotation"]["tag"] == "unknown"


async def test_export_format_is_chosen_with_tab_and_the_name_follows(app_factory, tmp_path):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await pilot.press("s", "e")
        await pilot.pause()
        field = app.screen.query_one("#ask-input")
        await pilot.press("tab", "tab", "tab")  # json, w3c, jsonl, csv
        assert field.value == "store/export-20260102-030405.csv"
        await pilot.press("tab", "shift+tab", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    lines = (tmp_path / "store" / "export-20260102-030405.csv").read_text().splitlines()
    assert lines[0].startswith("article,title,published") and ",stated," in lines[1]


async def test_annotations_imported_from_the_app_go_in_beside_yours(app_factory, tmp_path):
    from reader import export
    from team import team_store

    (tmp_path / "team").mkdir()
    team = team_store(tmp_path / "team")
    out = tmp_path / "team.jsonld"
    export.write(export.export(team.store, "w3c"), out, team.store)
    app = app_factory(team.path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("I")
        await pilot.pause()
        app.screen.query_one("#ask-input").value = str(out)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = [n.message for n in app._notifications]
    rows = app.store.everyone(team.article.id)
    assert {a.annotator for a in rows} == {"me", "them"} and len(rows) == 7
    assert any("5 anchored, 1 added claims, 1 orphaned" in m for m in said)


async def test_others_tags_show_on_the_status_line_only_when_asked(app_factory, tmp_path):
    from reader.store import Store

    app = app_factory(SEED)
    bob = Store(tmp_path / "store", annotator="bob")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        claim = screen.claims[0]
        bob.annotate(screen.article.id, claim, tag="denied", note="he said the opposite")
        await pilot.press("s")
        await pilot.pause()
        detail = str(screen.query_one("#detail").render())
        assert "others:" not in detail and "✓ stated" in detail
        await pilot.press("A")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "others: bob ✗ denied (he said the opposite)" in str(screen.query_one("#detail").render())
        await pilot.press("A")
        await pilot.pause()
        assert "others:" not in str(screen.query_one("#detail").render())
        title = str(app.screen_stack[1].query_one("#library-title").render())
    assert title.endswith("you: tester")


async def test_review_settles_every_disagreement_by_keyboard(app_factory, tmp_path):
    from reader.model import ADJUDICATED
    from team import disagree

    app = app_factory(SEED)
    article, body = disagree(tmp_path / "store")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert "1 of 2 disagreements · 0 settled" in str(app.screen.query_one("#review-title").render())
        await pilot.press("u")
        await app.workers.wait_for_complete()
        await pilot.press("f")
        await app.workers.wait_for_complete()
        await pilot.pause()
        title = str(app.screen.query_one("#review-title").render())
        await pilot.press("escape")
        await pilot.pause()
    finals = {a.claim_id: a for a in app.store.everyone(article.id) if a.annotator == ADJUDICATED}
    assert (finals[body[0].id].tag, finals[body[1].id].not_a_claim) == ("unknown", True)
    assert {a.settled_by for a in finals.values()} == {"tester"}
    assert "2 settled" in title and "every claim here is settled" in title
    theirs = {(a.annotator, a.tag) for a in app.store.everyone(article.id) if a.annotator != ADJUDICATED}
    assert theirs == {("alice", "stated"), ("bob", "denied")}  # the annotators' own, as they were


async def test_the_claims_view_queries_tags_undoes_opens_and_comes_back(app_factory):
    from reader.tui.screens.article import ArticleScreen
    from reader.tui.screens.claims import ClaimsScreen

    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ClaimsScreen) and len(screen.shown) == screen.listing.total() > 20
        await pilot.press("slash", *"speaker:peskov kind:rumour")
        await pilot.pause(0.4)
        problem = str(screen.query_one("#claims-problem").render())
        assert "^ kind: is one of quote|reported|source, not 'rumour'" in problem
        screen.query_one("#claims-query").value = "speaker:peskov kind:quote"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.shown and all(r.claim.speaker == "Dmitry Peskov" and r.claim.kind == "quote" for r in screen.shown)
        await pilot.press("down", "s")
        await app.workers.wait_for_complete()
        row = screen.current
        assert app.store.annotations(row.article.id)[row.claim.id].tag == "stated"
        assert "· 1 judged by you" in str(screen.query_one("#claims-title").render())
        await pilot.press("ctrl+z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert row.claim.id not in app.store.annotations(row.article.id)
        assert "· 0 judged by you" in str(screen.query_one("#claims-title").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ArticleScreen) and reader.claims[reader.current].id == row.claim.id
        await pilot.press("d")
        await pilot.press("escape")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and screen.current.key == row.key and screen.current.note.tag == "denied"


async def test_statistics_show_the_figures_of_the_claims_views_query(app_factory):
    from reader.tui.screens.statistics import StatisticsScreen

    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("number_sign")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StatisticsScreen)
        everything = str(app.screen.query_one("#stats-title").render())
        await pilot.press("escape", "c")
        await app.workers.wait_for_complete()
        await pilot.press("slash")
        app.screen.query_one("#claims-query").value = "speaker:peskov"
        await pilot.press("enter")
        await pilot.pause()
        shown = len(app.screen.shown)
        await pilot.press("number_sign")
        await app.workers.wait_for_complete()
        await pilot.pause()
        title = str(app.screen.query_one("#stats-title").render())
        weeks = app.screen.query_one("#stats-weeks").data
    assert "every claim" in everything and title == f"Statistics · speaker:peskov · {shown} claims"
    assert sum(weeks) == shown  # (every claim of Peskov's is in a dated article)


async def test_the_speakers_view_lists_speakers_and_opens_their_claims(app_factory):
    from reader.tui.screens.claims import ClaimsScreen
    from reader.tui.screens.roster import RosterScreen

    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        first = app.screen.speakers[0]
        assert first.name == "Dmitry Peskov" and "Dmitry Peskov" in str(app.screen.query_one("#roster-detail").render())
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        claims = app.screen
        assert isinstance(claims, ClaimsScreen) and claims.query_one("#claims-query").value == 'speaker:"Dmitry Peskov"'
        assert len(claims.shown) == first.claims
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)


async def test_a_merge_and_a_split_in_the_speakers_view_are_kept(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        second = screen.speakers[1].name
        await pilot.press("down", "m")
        await pilot.pause()
        app.screen.query_one("#ask-input").value = "Dmitry Peskov"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        first = screen.speakers[0]
        assert first.name == "Dmitry Peskov" and second in first.aliases
        assert app.store.speaker_names() == {second.casefold(): "Dmitry Peskov"}
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not screen.speakers[0].aliases and second in {s.name for s in screen.speakers}
        assert app.store.speaker_names() == {second.casefold(): None}


async def test_help_lists_every_key_of_the_screen(app_factory):
    from reader.tui.screens.help import HelpScreen, key_rows

    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        rows = key_rows(app.screen)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        listed = {desc: keys for _, keys, desc, _ in rows}
        for desc, key in [("Next", "n"), ("Previous", "p"), ("Next untagged", "N"), ("Stated", "s"),
                          ("Denied", "d"), ("Unknown", "u"), ("Clear", "x"), ("Note", "a"),
                          ("Undo", "^z"), ("Redo", "^y"), ("Library", "esc"), ("Export", "e"),
                          ("Help", "?"), ("Quit", "q")]:
            assert key in listed[desc].split(), (desc, listed.get(desc))


async def test_command_palette_offers_the_screen_actions(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Stated", "Denied", "Unknown", "Note", "Next untagged", "Export", "Help"):
            assert wanted in titles
        command = next(c for c in app.get_system_commands(app.screen) if c.title == "Denied")
        await command.callback()
        await pilot.pause()
        assert screen.notes[screen.claims[0].id].tag == "denied"


async def test_hostile_text_is_shown_literally_and_triggers_nothing(app_factory, hostile_file):
    app = app_factory(hostile_file)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        row_text = "".join(table.render_line(y).text for y in range(2))
        assert "Breaking [bold]news[/] and [@click=app.quit]click me[" in row_text
        await pilot.press("enter")
        await pilot.pause()
        view = app.screen.query_one(ArticleView)
        lines = [view.render_line(y).text for y in range(view.size.height)]
        shown = "\n".join(lines)
        assert "[@click=app.screenshot()]this[/]" in shown and "[red]" in shown and "[link=https://evil.example]" in shown
        for strip in (view.render_line(y) for y in range(view.size.height)):
            for segment in strip:
                assert not any(ch in segment.text for ch in "\x1b\x07\x9b"), segment
        # Clicking the fake link does nothing but select the claim.
        y = next(i for i, line in enumerate(lines) if "[@click=app.screenshot()]" in line)
        x = lines[y].index("[@click")
        await pilot.click(ArticleView, offset=(x + 3, y))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ArticleScreen)
        assert not list(app.store.folder.parent.glob("*.svg"))


async def test_keys_typed_right_after_slash_all_reach_the_filter(app_factory):
    from textual import events

    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for ch in "/trump":  # one burst, as a fast typist or a paste sends them
            app.post_message(events.Key("slash" if ch == "/" else ch, ch))
        await pilot.pause(0.3)
        assert app.screen.filter_text == "trump"
        assert not app.library.query.untagged  # "t" was typed, not taken as the untagged key
        assert len(app.library.visible) == 2


async def test_ingest_a_folder_from_the_app(app_factory, tmp_path):
    from helpers import FIXTURES

    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *str(FIXTURES / "up"), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        titles = {r.summary.title for r in app.library.visible}
        files = list((FIXTURES / "up").glob("*.txt"))
        # The seed, and every fixture but the refused listing page.
        assert app.library.total == 1 + len(files) - 1 and "Lavrov repeats claims about negotiations" in titles
        assert any("Refused 1: listing.txt: a listing page" in str(n.message) for n in app._notifications)


async def test_the_doubtful_key_goes_to_the_attributions_to_check_first(app_factory, tmp_path):
    article = tmp_path / "bridge.txt"
    article.write_text(
        "Bridge opens\n\nMayor Anna Kovalenko said the bridge had cost less than planned.\n\n"
        "Residents gathered at both ends before dawn.\n\n"
        '"Nobody should ever have to wait two hours to cross the river again in this town."\n\n'
        "Some residents were still unhappy about the tolls.\n",
        encoding="utf-8",
    )
    app = app_factory(article)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        # The quote nobody is named for is the one claim the extractor was unsure of.
        (doubtful,) = [i for i, c in enumerate(screen.claims) if c.confidence < 0.5]
        assert screen.current != doubtful
        await pilot.press("exclamation_mark")
        await pilot.pause()
        assert screen.current == doubtful
        assert "doubtful" in str(screen.query_one(ClaimDetail).render())
        await pilot.press("s", "exclamation_mark")  # judged: nothing left to check first
        await pilot.pause()
        assert screen.current == doubtful
        assert any("No doubtful attribution left" in str(n.message) for n in app._notifications)


async def test_orphaned_annotations_are_shown_apart_and_can_be_reattached_or_discarded(app_factory, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SEED.read_text())
    app = app_factory(path)
    store = fresh_store(app)
    (summary,) = store.summaries()
    article = store.article(summary.id)
    gone = next(c for c in article.claims if c.text.startswith("I’ll have to think"))
    also = next(c for c in article.claims if c.text == "I don’t know")
    store.annotate(article.id, gone, tag="denied", note="asked twice")
    store.annotate(article.id, also, tag="stated")
    path.write_text(SEED.read_text().replace('Trump added: "I’ll have to think about it. I haven’t thought about it yet."\n', ""))
    ingest([str(path)], store)
    async with app.run_test(size=SIZE) as pilot:
        row = app.library.visible[0]
        assert row.tagged == 1  # the orphan does not count
        screen = await open_reader(pilot)
        notice = screen.query_one("#orphan-notice")
        assert notice.display and "1 of your annotations lost its claim" in str(notice.render())
        current = screen.claims[screen.current]
        await pilot.press("o")
        await pilot.pause()
        listed = str(app.screen.query_one("#orphans-list").get_option_at_index(0).prompt)
        assert "denied" in listed and "I’ll have to think" in listed and "asked twice" in listed
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        notes = fresh_store(app).annotations(article.id)
        assert gone.id not in notes and notes[current.id].tag == "denied" and notes[current.id].note == "asked twice"
        assert not screen.query_one("#orphan-notice").display
        assert app.library.visible[0].tagged == 2  # the library counts it again


async def test_discarding_an_orphan_asks_twice(app_factory, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(SEED.read_text())
    app = app_factory(path)
    store = fresh_store(app)
    (summary,) = store.summaries()
    article = store.article(summary.id)
    gone = next(c for c in article.claims if c.text.startswith("I’ll have to think"))
    store.annotate(article.id, gone, tag="denied")
    path.write_text(SEED.read_text().replace('Trump added: "I’ll have to think about it. I haven’t thought about it yet."\n', ""))
    ingest([str(path)], store)
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(pilot)
        await pilot.press("o", "x")
        await pilot.pause()
        assert gone.id in fresh_store(app).annotations(article.id)  # one press only arms it
        await pilot.press("x")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert gone.id not in fresh_store(app).annotations(article.id)


async def test_a_stated_claim_marked_not_a_claim_reads_not_a_claim_everywhere(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("n", "n", "n", "s", "f")
        await pilot.pause()
        marked = screen.claims[screen.current]
        status = str(screen.query_one(ClaimDetail).render())
        assert "✕ not a claim" in status and "stated" not in status
        table = screen.query_one("#claims")
        assert table.cells(marked, screen.current)["tag"] == "✕"
        await pilot.press("p", "p", "p", "p")  # the headline's claim: no ▶ in the body's gutter
        await pilot.pause()
        view = screen.query_one(ArticleView)
        gutter = [view._gutter(line).text for block, line in view._rows if block == -1]
        assert "✕ " in gutter and "✓ " not in gutter


async def test_the_library_outlet_is_the_newsroom_never_the_folder(app_factory, tmp_path):
    folder = tmp_path / "politics"
    folder.mkdir()
    (folder / "001.txt").write_bytes((FIXTURES / "plain" / "bbc_like.txt").read_bytes())
    app = app_factory(folder, SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        outlets = {row.summary.title[:4]: table.cells(row, i)["outlet"] for i, row in enumerate(app.library.visible)}
        assert outlets == {"Rail": "—", "Puti": "Ukrainska Pravda"}


async def test_the_app_ingest_message_counts_duplicates(app_factory, tmp_path):
    folder = tmp_path / "copies"
    folder.mkdir()
    (folder / "copy.txt").write_bytes(SEED.read_bytes())
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("i", *str(folder), "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.library.total == 1
        messages = [str(n.message) for n in app._notifications]
        assert ("Ingested 0 new, 0 updated, 0 unchanged, 1 duplicate of a file already in the store "
                f"(copy.txt has the same text as {SEED.name}).") in messages


async def test_a_new_filter_starts_at_its_first_row(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        assert table.cursor == 2
        await pilot.press("slash", *"zelenskyy")
        await pilot.pause(0.2)
        assert table.cursor == 0 and table.current.id == app.library.visible[0].id
        assert "Zelenskyy" in table.current.summary.title


async def test_the_library_filter_is_the_query_language_and_says_where_a_query_went_wrong(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"speaker:peskov -kind:quote", "enter")
        await pilot.pause()
        kept = sorted(r.summary.title for r in app.library.visible)
        everything = {s.id: s for s in app.store.summaries()}
        want = sorted(everything[i].title for i in everything
                      if "Dmitry Peskov" in everything[i].speakers
                      and not any(c.kind == "quote" for c in app.store.article(i).claims))
        assert kept == want and len(kept) < app.library.total
        await pilot.press("escape", "slash", *"peskov tag:denied")
        await pilot.pause(0.3)
        problem = app.screen.query_one("#filter-problem")
        said = str(problem.render())
        assert problem.display and said.index("^") == len("Filter: peskov ")
        assert "tag: asks about annotations of claims: the claims view (c) answers it" in said
        assert app.library.query.text == "peskov tag"  # (the rows of the last query that could be read, as typed)
        await pilot.press(*["backspace"] * len("tag:denied"), "enter")
        await pilot.pause(0.3)
        assert not problem.display and 0 < len(app.library.visible) < app.library.total


async def test_help_shows_the_query_language_where_queries_are_typed(app_factory):
    from reader.query import GUIDE, LIBRARY_GUIDE

    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        library_help = help_text(app.screen, 200)
        await pilot.press("escape", "c")
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        await pilot.pause()
        claims_help = help_text(app.screen, 200)
        await pilot.press("escape", "escape")
        await open_reader(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert not app.screen.query("#help-queries")  # (the reader has no queries)
    for syntax, _ in GUIDE:
        assert syntax.split()[0] in library_help and syntax.split()[0] in claims_help
    assert LIBRARY_GUIDE[:40] in " ".join(library_help.split()) and LIBRARY_GUIDE[:40] not in claims_help


async def test_the_claims_view_lists_claims_at_once_and_answers_queries_once_annotations_are_laid_over(
        app_factory, monkeypatch):
    import threading

    from reader.claim_listing import listing_of
    from reader.tui.screens import claims as claims_screen

    app = app_factory(*SOME)
    first = next(s for s in app.store.summaries() if s.claims)
    article = app.store.article(first.id)
    app.store.annotate(article.id, article.claims[0], tag="denied")
    laid = threading.Event()

    def slow(store):  # (the annotations of a big store take a while to lay over)
        laid.wait(5)
        return listing_of(store)

    monkeypatch.setattr(claims_screen, "listing_of", slow)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause(0.3)
        screen = app.screen
        assert not screen.listing.ready and len(screen.shown) > 20  # every claim by date, at once
        assert any(r.note and r.note.tag == "denied" for r in screen.shown)  # with your tags
        assert "laying the annotations over" in str(screen.query_one("#claims-title").render())
        screen.query_one("#claims-query").value = "tag:denied"
        await pilot.press("slash", "enter")
        await pilot.pause()
        laid.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.listing.ready and [r.claim.id for r in screen.shown] == [article.claims[0].id]


async def test_undoing_a_tag_given_under_another_query_does_not_change_this_lists_count(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        screen.query_one("#claims-query").value = "kind:reported"
        await pilot.press("slash", "enter")
        await pilot.pause()
        await pilot.press("s")
        await app.workers.wait_for_complete()
        row = screen.current
        screen.query_one("#claims-query").value = "kind:quote"
        await pilot.press("slash", "enter")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert row.claim.id not in app.store.annotations(row.article.id)  # (undone, out of sight)
        assert "· 0 judged by you" in str(screen.query_one("#claims-title").render())
