"""Choices that survive a restart (theme, library order, claims panel, speaker labels), and keys
lists (help, command palette) that hold newsreader's keys only. Every app here uses the settings
file of $NEWSREADER_CONFIG, a temp file set by tests/conftest.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

from helpers import SEED, SOME, help_text, open_reader
from reader.library import Order
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.claim_detail import ClaimDetail
from reader.tui.widgets.claim_table import ClaimTable

NARROW = (80, 24)


def config() -> Path:
    return Path(os.environ["NEWSREADER_CONFIG"])


def body_text(view: ArticleView) -> str:
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def test_theme_and_sort_order_chosen_in_one_run_are_there_in_the_next(app_factory):
    app = app_factory(*SOME)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        default_theme = app.theme
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == "nord" != default_theme
        await pilot.press("o", "O")  # by outlet (A to Z), then reversed
        await pilot.pause()
        assert app.library.order == Order("outlet", True)
        shown = [r.id for r in app.library.visible]
    saved = json.loads(config().read_text())
    assert (saved["theme"], saved["sort_column"], saved["sort_reverse"]) == ("nord", "outlet", True)
    again = app_factory()
    async with again.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"
        assert again.library.order == Order("outlet", True)
        assert [r.id for r in again.library.visible] == shown
        assert "sorted by outlet ▼" in str(again.screen.query_one("#library-title").render())


async def test_the_claims_panel_hides_at_80x24_and_stays_hidden_in_the_next_run(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        with_panel = view.size.height
        await pilot.press("c")
        await pilot.pause()
        assert not screen.query_one(ClaimTable).display
        assert view.size.height >= with_panel + 9  # the claim list's rows go to the text
        assert screen.query_one(ClaimDetail).display and screen.query_one(ClaimDetail).size.height >= 1
        await pilot.press("n", "s")  # keys still work on the claims without the list
        await pilot.pause()
        assert screen.notes[screen.claims[1].id].tag == "stated"
    assert json.loads(config().read_text())["claims_panel"] is False
    again = app_factory()
    async with again.run_test(size=NARROW) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        assert not screen.query_one(ClaimTable).display and view.size.height >= with_panel + 9
        await pilot.press("c")
        await pilot.pause()
        assert screen.query_one(ClaimTable).display and view.size.height == with_panel


async def test_speaker_labels_turn_off_and_stay_off_in_the_next_run(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        assert "⟨Dmitry Peskov⟩" in body_text(view)  # on by default
        await pilot.press("v")
        await pilot.pause()
        assert "⟨" not in body_text(view)
        assert "Peskov" in str(screen.query_one(ClaimDetail).render())  # the speaker is still told
    again = app_factory()
    async with again.run_test(size=(120, 36)) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        assert "⟨" not in body_text(view)
        await pilot.press("v")
        await pilot.pause()
        assert "⟨Dmitry Peskov⟩" in body_text(view)
    assert json.loads(config().read_text())["speaker_labels"] is True


async def test_two_apps_with_one_settings_file_keep_each_others_choices(app_factory):
    other = app_factory(SEED)  # started first: it read the file before the v below
    app = app_factory()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_reader(pilot)
        await pilot.press("v")  # speaker labels off
        await pilot.pause()
    async with other.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("o")  # the other app sorts by the next column
        await pilot.pause()
    third = app_factory()
    async with third.run_test(size=(120, 36)) as pilot:
        screen = await open_reader(pilot)
        assert "⟨" not in body_text(screen.query_one(ArticleView))  # the v of the first app holds
        assert third.library.order.column == other.library.order.column != "date"


async def test_a_damaged_settings_file_gives_one_warning_and_the_defaults(app_factory):
    config().parent.mkdir(parents=True, exist_ok=True)
    config().write_text('{"theme": "nord", ')
    app = app_factory(SEED)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        warnings = [n for n in app._notifications if "settings file" in str(n.message)]
        assert len(warnings) == 1 and warnings[0].severity == "warning"
        assert app.theme != "nord" and app.library.order == Order()
        await pilot.press("o")  # a change writes a good file again
        await pilot.pause()
    assert json.loads(config().read_text())["sort_column"] == "outlet"


async def test_help_lists_newsreader_keys_not_textual_internals(app_factory):
    from reader.tui.screens.help import HelpScreen

    app = app_factory(SEED)
    async with app.run_test(size=(100, 60)) as pilot:
        for opened in (False, True):  # the library's help, then the reader's
            if opened:
                await open_reader(pilot)
            await pilot.press("question_mark")
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            text = help_text(app.screen, 100)
            for internal in ("Focus Next", "Focus Previous", "super+c", "Copy selected text", "tab"):
                assert internal not in text, internal
            assert "Export" in text and "Quit" in text
            if opened:
                assert "Claims panel" in text and "Speaker labels" in text
            await pilot.press("escape")
            await pilot.pause()


async def test_palette_offers_newsreader_actions_and_theme_not_textual_internals(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_reader(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for internal in ("Focus Next", "Focus Previous", "Maximize", "Keys", "Copy selected text", "Screenshot"):
            assert internal not in titles, internal
        for wanted in ("Theme", "Quit", "Stated", "Claims panel", "Speaker labels", "Export", "Help"):
            assert wanted in titles, wanted
        assert len(titles) == len(set(titles))
        quit_command = next(c for c in app.get_system_commands(app.screen) if c.title == "Quit")
        assert quit_command.help.startswith("q ^c ^q · ")


async def test_settings_that_cannot_be_saved_are_said_once_and_the_app_goes_on(app_factory, tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(blocker / "settings.json"))  # its folder is a file
    app = app_factory(*SOME)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("o", "o", "O")
        await pilot.pause()
        warnings = [n for n in app._notifications if "Cannot save your settings" in str(n.message)]
        assert len(warnings) == 1 and app.is_running
        assert app.library.order == Order("headline", True)


async def test_a_saved_theme_that_no_longer_exists_gives_a_warning_and_the_default(app_factory):
    config().parent.mkdir(parents=True, exist_ok=True)
    config().write_text(json.dumps({"theme": "no-such-theme", "sort_column": "headline"}))
    app = app_factory(SEED)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert any("'no-such-theme' is not available" in str(n.message) for n in app._notifications)
        assert app.theme == "textual-dark" and app.library.order.column == "headline"
