"""The keys a user can press, as the help screen and the palette list them: every key that works
is listed, in one order for both, and tab never changes what the reader's keys do."""

from __future__ import annotations

from helpers import SEED, help_text, open_reader
from reader.tui import keys
from reader.tui.screens.help import HelpScreen, key_rows
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.claim_table import ClaimTable

SIZE = (120, 40)


async def test_tab_leaves_the_keys_on_the_text_and_the_current_claim(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        for key in ("tab", "shift+tab"):
            await pilot.press(key, "j")
            await pilot.pause()
            assert app.focused is view and screen.current == 0  # j scrolled the text, no claim moved
        assert view.scroll_offset.y == 2
        await pilot.press("n")
        await pilot.pause()
        assert screen.current == 1
        await pilot.click(ClaimTable, offset=(4, 3))  # a row of the list: the third claim
        await pilot.pause()
        assert screen.current == 2 and app.focused is view


def test_every_key_has_an_id_of_its_own():
    assert len(keys.IDS) == len(keys.ALL)


async def test_help_lists_every_key_that_works_and_q_closes_it(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(140, 80)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        library = help_text(app.screen, 140)
        assert "ctrl+u clears the text" in library
        await pilot.press("q")  # closes the help, does not quit
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen) and app.is_running
        await open_reader(pilot)
        listed = {desc: shown for _, shown, desc, _ in key_rows(app.screen)}
        for desc, shown in [("Scroll down", "↓ j"), ("Scroll up", "↑ k"), ("Page down", "pgdn space"),
                            ("Page up", "pgup b"), ("Top", "home"), ("Bottom", "end"), ("Quit", "q ^c ^q"),
                            ("palette", "^p"), ("Previous match", "shift+f3 ^r")]:
            assert listed[desc] == shown, desc
        await pilot.press("question_mark")
        await pilot.pause()
        assert "esc ? q closes this · ^p searches every action" in help_text(app.screen, 140)
        assert "added claim or extent" in help_text(app.screen, 140)  # what undo takes back


async def test_the_palette_gives_each_action_the_keys_help_gives_it_in_the_same_order(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        for opened in (False, True):
            if opened:
                await open_reader(pilot)
            helped = {desc: shown for _, shown, desc, _ in key_rows(app.screen) if desc != "palette"}
            offered = {c.title: c.help.split(" · ")[0] for c in app.get_system_commands(app.screen)
                       if c.title != "Theme"}
            assert offered == helped
        assert offered["Previous match"] == "shift+f3 ^r" and offered["Quit"] == "q ^c ^q"


async def test_the_review_and_agreement_screens_list_their_own_keys(app_factory, tmp_path):
    from team import disagree

    app = app_factory(SEED)
    disagree(tmp_path / "store", claims=1)
    async with app.run_test(size=(140, 60)) as pilot:
        await pilot.press("R")
        await app.workers.wait_for_complete()
        listed = {desc: shown for _, shown, desc, _ in key_rows(app.screen)}
        assert (listed["Next unsettled"], listed["One annotator"], listed["Clear"]) == ("N", "o", "x")
        await pilot.press("question_mark")
        await pilot.pause()
        assert help_text(app.screen, 140).startswith("Keys: review of disagreements")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("K")
        await app.workers.wait_for_complete()
        await pilot.press("question_mark")
        await pilot.pause()
        assert help_text(app.screen, 140).startswith("Keys: agreement") and "Back to the library" in help_text(app.screen, 140)
