"""The reader's layout at the sizes users have: whole speaker names in the claim list and in the
list of speakers, and notifications clear of the status line and the footer (issue 10)."""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from textual.widgets._toast import Toast, ToastRack

from helpers import SEED, open_reader
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.claim_detail import ClaimDetail
from reader.tui.widgets.claim_table import CLAIM_LEAST, SPEAKER_MOST, ClaimTable
from reader.tui.wrap import wrap_between

SIZES = [(80, 24), (120, 36), (200, 50)]
SPEAKERS = ["Dmitry Peskov", "Donald Trump", "Marco Rubio", "US State Department"]  # the seed's


def shown_lines(widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_claim_list_shows_whole_speaker_names(app_factory, size):
    app = app_factory(SEED)
    async with app.run_test(size=size) as pilot:
        screen = await open_reader(pilot)
        table = screen.query_one(ClaimTable)
        width = table.scrollable_content_region.width
        assert table.columns(width)[2][2] >= len("US State Department")
        for y, line in enumerate(shown_lines(table)[1:]):
            index = table.scroll_offset.y + y
            if index < len(table.items):
                name = table.cells(table.items[index], index)["speaker"]
                assert f" {name} " in line, f"{name!r} is cut in the claim list at {size}: {line!r}"
        claim_width = table.columns(width)[-1][2]
        assert claim_width >= CLAIM_LEAST  # the excerpt gave up the room, and kept some


async def test_a_corrected_speaker_widens_the_speaker_column_up_to_its_most(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(200, 50)) as pilot:
        screen = await open_reader(pilot)
        table = screen.query_one(ClaimTable)
        width = table.scrollable_content_region.width
        assert table.columns(width)[2][2] == len("US State Department")
        await pilot.press("w", "ctrl+u", *"Maria Vladimirovna Zakharova", "enter")
        await pilot.pause()
        assert table.longest == len("Maria Vladimirovna Zakharova")
        assert table.columns(width)[2][2] == SPEAKER_MOST
        assert "Maria Vladimirovna Zakh…" in "\n".join(shown_lines(table))
        await pilot.press("ctrl+z")  # undone: the column is as wide as the names again
        await pilot.pause()
        assert table.columns(width)[2][2] == len("US State Department")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_list_of_speakers_breaks_between_names_only(app_factory, size):
    app = app_factory(SEED)
    async with app.run_test(size=size) as pilot:
        screen = await open_reader(pilot)
        lines = shown_lines(screen.query_one(ArticleView))
        legend = [line for line in lines if "■" in line]
        assert legend and legend[0].strip().startswith("Speakers: ■ Dmitry Peskov")
        for name in SPEAKERS:
            assert any(f"■ {name}" in line for line in legend), f"{name!r} broken across lines at {size}: {legend}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_list_of_sources_breaks_between_sources_only(app_factory, size):
    app = app_factory(SEED)
    async with app.run_test(size=size) as pilot:
        screen = await open_reader(pilot)
        lines = [line.strip() for line in shown_lines(screen.query_one(ArticleView))]
        start = next(i for i, line in enumerate(lines) if line.startswith("Sources: "))
        block = " ".join(lines[start:start + 2])
        for source in ("RIA Novosti (Russian propaganda outlet)", "Interfax (Russian news agency)"):
            assert any(source in line for line in lines[start:start + 2]), f"{source!r} broken at {size}: {block}"


def test_wrap_between_breaks_only_at_the_given_offsets():
    text = "Speakers: ■ Dmitry Peskov  ■ Donald Trump  ■ US State Department"
    starts = [text.index("■ Donald"), text.index("■ US")]
    lines = [text[line.start : line.end] for line in wrap_between(text, 44, starts)]
    assert lines == ["Speakers: ■ Dmitry Peskov  ■ Donald Trump  ", "■ US State Department"]
    assert [text[x.start : x.end] for x in wrap_between(text, 200, starts)] == [text]


def test_wrap_between_word_wraps_an_entry_wider_than_the_line():
    text = "Speakers: ■ A  ■ The Ministry of Foreign Affairs of the Russian Federation  ■ B"
    starts = [text.index("■ The"), text.index("■ B")]
    lines = [text[line.start : line.end] for line in wrap_between(text, 24, starts)]
    assert lines[0] == "Speakers: ■ A  "
    assert lines[-1] == "■ B"
    assert all(len(line.rstrip()) <= 24 for line in lines)
    assert "".join(lines) == text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_notifications_never_cover_the_status_line_or_the_footer(app_factory, size):
    app = app_factory(SEED)
    async with app.run_test(size=size, notifications=True) as pilot:
        screen = await open_reader(pilot)
        await pilot.press("p")  # "This is the first claim of the article."
        for n in range(8):  # more than fit: they must not pile down onto the bottom lines
            app.notify(f"Message {n} with a few words to make it wrap onto a second line of the toast.", timeout=30)
        await pilot.pause()
        rack = screen.get_child_by_type(ToastRack)
        assert list(rack.query(Toast))
        for region in (screen.query_one(ClaimDetail).region, screen.query_one(Footer).region):
            assert region.height > 0
            for y in range(region.y, region.bottom):
                for x in range(region.x, region.right):
                    widget, _ = screen.get_widget_at(x, y)
                    assert not isinstance(widget, Toast), f"a toast covers ({x}, {y}) at {size}"


async def test_notifications_stand_clear_of_the_status_line_in_the_library_too(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        for n in range(4):
            app.notify(f"Message {n}", timeout=30)
        await pilot.pause()
        footer = app.screen.query_one(Footer).region
        for x in range(footer.x, footer.right):
            widget, _ = app.screen.get_widget_at(x, footer.y)
            assert not isinstance(widget, Toast)
