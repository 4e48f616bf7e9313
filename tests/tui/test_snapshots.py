"""What the user sees, as snapshots (fixed clock, fixed size, no blinking, no animations).

Update after a deliberate change with `make test ARGS="--snapshot-update"`, and look at
snapshot_report.html first.
"""

from __future__ import annotations

import pytest

from helpers import FIXTURES, SEED, SOME

READER = (120, 36)


def test_first_run_on_an_empty_store(snap_compare, app_factory):
    assert snap_compare(app_factory(samples=True), terminal_size=(100, 24))


def test_library(snap_compare, app_factory):
    assert snap_compare(app_factory(*SOME), terminal_size=(120, 24))


def test_a_long_library_at_200_columns(snap_compare, app_factory):
    """Rows down to the footer (no horizontal scrollbar under the table), whole author names."""
    assert snap_compare(app_factory(FIXTURES / "up", FIXTURES / "plain"), terminal_size=(200, 20))


def test_export_dialog_with_a_format_chosen(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["e", "tab"], terminal_size=(100, 24))


def test_review_of_a_disagreement(snap_compare, app_factory, tmp_path):
    from team import disagree

    app = app_factory(SEED)
    disagree(tmp_path / "store", claims=1)

    async def wait(pilot):
        await pilot.press("R")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app, run_before=wait, terminal_size=(100, 30))


def test_the_claims_view_with_a_query(snap_compare, app_factory):
    async def query(pilot):
        await pilot.press("c")
        await pilot.app.workers.wait_for_complete()
        await pilot.press("slash", *"speaker:peskov OR kind:source")
        await pilot.pause(0.4)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app_factory(*SOME), run_before=query, terminal_size=(120, 24))


def test_statistics_of_every_claim(snap_compare, app_factory):
    async def wait(pilot):
        await pilot.press("number_sign")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app_factory(*SOME), run_before=wait, terminal_size=(100, 40))


def test_the_charts_at_80x24_in_the_light_theme(snap_compare, app_factory):
    """The speakers view's chart of the current speaker's claims per week, in textual-light."""
    async def wait(pilot):
        pilot.app.theme = "textual-light"
        await pilot.press("S")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app_factory(*SOME), run_before=wait, terminal_size=(80, 24))


def test_the_speakers_view(snap_compare, app_factory):
    async def wait(pilot):
        await pilot.press("S")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(app_factory(*SOME), run_before=wait, terminal_size=(110, 24))


def test_filter_in_use(snap_compare, app_factory):
    async def type_filter(pilot):
        await pilot.press("slash", *"speaker:peskov")
        await pilot.pause(0.3)  # the filter runs after a pause in the typing

    assert snap_compare(app_factory(*SOME), run_before=type_filter, terminal_size=(120, 24))


def test_reader_highlights_quotes_and_speakers(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter"], terminal_size=READER)


@pytest.mark.parametrize("key", ["s", "d", "u"])
def test_claim_tagged(snap_compare, app_factory, key):
    assert snap_compare(app_factory(SEED), press=["enter", "n", "n", "n", key], terminal_size=READER)


def test_note_modal(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter", "n", "n", "n", "a", *"checked the"], terminal_size=READER)


def test_help_screen(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter", "question_mark"], terminal_size=(100, 36))


def test_narrow_80x24(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter", "n", "n", "n", "n"], terminal_size=(80, 24))


def test_hostile_text(snap_compare, app_factory, hostile_file):
    assert snap_compare(app_factory(hostile_file), press=["enter"], terminal_size=(100, 24))


def test_narrow_80x24_without_the_claims_panel(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter", "n", "n", "n", "n", "c"], terminal_size=(80, 24))


def test_reader_without_speaker_labels(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter", "v"], terminal_size=READER)


def test_add_a_claim_dialog(snap_compare, app_factory):
    assert snap_compare(app_factory(SEED), press=["enter", "plus", *"planning a trip ... 16 May"], terminal_size=READER)


def test_an_added_claim_in_the_text(snap_compare, app_factory):
    keys = ["enter", "plus", *"planning a trip ... 16 May", "enter", "w", "ctrl+u", *"Donald Trump", "enter"]
    assert snap_compare(app_factory(SEED), press=keys, terminal_size=READER)


def test_reader_at_200x50(snap_compare, app_factory):
    """Whole speaker names in the claim list, the list of speakers on one line."""
    assert snap_compare(app_factory(SEED), press=["enter"], terminal_size=(200, 50))


@pytest.mark.parametrize("size", [(80, 24), READER], ids=["80x24", "120x36"])
def test_a_notification_sits_at_the_top_right(snap_compare, app_factory, size):
    """Clear of the current claim's line and the footer at the bottom."""

    async def notify(pilot):
        await pilot.press("enter")
        await pilot.pause()
        pilot.app.notify("This is the first claim of the article.", timeout=60)

    assert snap_compare(app_factory(SEED), run_before=notify, terminal_size=size)


@pytest.mark.parametrize("term", ["xterm-256color", "xterm"], ids=["256", "16"])
def test_reader_in_fewer_colours(snap_compare, app_factory, monkeypatch, term):
    """The speakers' colours picked for a 256- or 16-colour terminal (the SVG draws the rest of
    the screen in truecolor: only the speakers' colours are the terminal's own)."""
    monkeypatch.setenv("TERM", term)
    monkeypatch.delenv("COLORTERM")
    assert snap_compare(app_factory(SEED), press=["enter", "n", "n", "n", "n"], terminal_size=READER)


def test_search_highlights_matches(snap_compare, app_factory):
    # Every "trump" of the text highlighted, the second (f3 after enter) the most; the bar says which.
    assert snap_compare(app_factory(SEED), press=["enter", "slash", *"trump", "enter", "f3"], terminal_size=READER)


def test_speaker_completion(snap_compare, app_factory):
    async def complete(pilot):
        await pilot.press("enter", *"n" * 9, "w", "ctrl+u", *"dmi")
        await pilot.pause(0.2)  # the suggestion comes from a worker

    assert snap_compare(app_factory(SEED), run_before=complete, terminal_size=READER)
