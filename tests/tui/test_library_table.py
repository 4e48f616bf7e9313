"""The library's table at every size: rows down to the footer (no horizontal scrollbar, the
columns fit the width), and an author column that grows on a wide terminal."""

from __future__ import annotations

import pytest

from helpers import FIXTURES
from reader.tui.widgets.article_table import ArticleTable


def lines(table: ArticleTable) -> list[str]:
    return [table.render_line(y).text for y in range(table.scrollable_content_region.height)]


@pytest.mark.parametrize("width", [80, 120, 200])
async def test_the_table_has_rows_down_to_the_footer_and_no_horizontal_scrollbar(app_factory, width):
    app = app_factory(FIXTURES / "up", FIXTURES / "plain")  # more articles than the screen holds
    async with app.run_test(size=(width, 16)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        assert table.show_vertical_scrollbar and not table.show_horizontal_scrollbar
        assert table.scrollable_content_region.height == table.size.height  # no row given to a scrollbar
        shown = lines(table)
        assert len(shown) == table.size.height and shown[-1].strip()  # the last row above the footer is an article
        assert table.region.bottom == app.screen.query_one("Footer").region.y


@pytest.mark.parametrize(("width", "author"), [(120, "Stanislav Pohoril…"), (200, "Stanislav Pohorilov")])
async def test_the_author_column_grows_with_the_width(app_factory, width, author):
    app = app_factory(FIXTURES / "up", FIXTURES / "plain")
    async with app.run_test(size=(width, 40)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(ArticleTable)
        widths = {key: w for key, _, w in table.columns(table.scrollable_content_region.width)}
        assert widths["author"] == (18 if width == 120 else 30) and widths["headline"] > widths["author"]
        row = next(line for line in lines(table) if "Pohori" in line)
        assert f" {author} " in row


async def test_a_filter_shows_its_first_rows_at_once_and_its_count_when_counted(app_factory, monkeypatch):
    """On a big store the filter's first page is on screen before its matches are counted (on
    another thread); the count then comes in, and the table grows to every match."""
    import threading

    from reader import library as library_mod

    monkeypatch.setattr(library_mod.Rows, "size", 4)
    go = threading.Event()
    count = library_mod.Rows.count
    monkeypatch.setattr(library_mod.Rows, "count", lambda rows: go.wait(10) and count(rows))
    app = app_factory(FIXTURES / "up", FIXTURES / "plain")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        title = lambda: str(app.screen.query_one("#library-title").render())  # noqa: E731
        matches = app.store.listing().count(library_mod.Query.parse("the"))
        assert matches > 4
        await pilot.press("/", "t", "h", "e")
        await pilot.pause(0.1)
        table = app.screen.query_one(ArticleTable)
        assert "4+ shown (counting)" in title() and len(table.items) == 4
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert f"{matches} shown" in title() and "counting" not in title()
        await pilot.press("enter", "end")
        assert table.cursor == matches - 1 and table.current.id == table.items[matches - 1].id
