"""The library's table of articles: date, outlet, headline, author, progress, read.

A line-API widget over a list of rows: only the rows on screen are drawn, so ten thousand
articles open, sort and filter at once (a DataTable takes over a second to fill with 10k rows).
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...library import Order, Row
from ...text import neutralize
from ..keys import TABLE

HEADERS = {"date": "Date", "outlet": "Outlet", "headline": "Headline", "author": "Author", "progress": "Tagged", "read": ""}


def _date(row: Row, wide: bool) -> str:
    p = row.summary.published
    if not p:
        return "—"
    if not wide or row.summary.date_only:
        return p[:10]
    return f"{p[:10]} {p[11:16]}"


def outlet_of(row: Row) -> str:
    s = row.summary
    if s.outlet:
        return s.outlet
    if s.sources:
        return s.sources[0]
    parts = s.path.replace("\\", "/").rsplit("/", 2)
    return parts[-2] if len(parts) >= 2 else ""


class ArticleTable(ScrollView, can_focus=True):
    BINDINGS = TABLE
    COMPONENT_CLASSES = {
        "article-table--header",
        "article-table--cursor",
        "article-table--unread",
        "article-table--done",
    }

    cursor = reactive(0, always_update=True)

    class Opened(Message):
        def __init__(self, row: Row) -> None:
            super().__init__()
            self.row = row

    class SortClicked(Message):
        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[Row] = []
        self.order = Order()
        self._columns: list[tuple[str, int]] = []

    # -- data --------------------------------------------------------------------------------
    def set_rows(self, rows: list[Row], order: Order, keep: str | None = None) -> None:
        self.rows = rows
        self.order = order
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        target = 0
        if keep is not None:
            target = next((i for i, r in enumerate(rows) if r.id == keep), 0)
        self.cursor = min(target, max(len(rows) - 1, 0))
        self._scroll_cursor_into_view()
        self.refresh()

    @property
    def current(self) -> Row | None:
        return self.rows[self.cursor] if 0 <= self.cursor < len(self.rows) else None

    # -- layout ------------------------------------------------------------------------------
    def _layout(self, width: int) -> list[tuple[str, int]]:
        wide = width >= 100
        cols = [("date", 16 if wide else 10), ("outlet", 18 if wide else 12)]
        tail = [("progress", 7), ("read", 2)]
        author = 18 if width >= 110 else 0
        fixed = sum(w for _, w in cols + tail) + author + len(cols + tail) + (1 if author else 0)
        headline = max(width - fixed, 12)
        cols.append(("headline", headline))
        if author:
            cols.append(("author", author))
        return cols + tail

    def on_resize(self, event: Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self.refresh()

    def _cells(self, row: Row, width: int) -> dict[str, str]:
        s = row.summary
        return {
            "date": _date(row, width >= 100),
            "outlet": outlet_of(row),
            "headline": s.title,
            "author": s.author or "",
            "progress": f"{row.tagged}/{s.claims}",
            "read": "" if row.read else "●",
        }

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self._layout(width)
        if y == 0:
            style = base + self.get_component_rich_style("article-table--header")
            segs = []
            for name, w in columns:
                title = HEADERS[name]
                if name == self.order.column:
                    title += " ▼" if self.order.reverse else " ▲"
                segs.append(Segment(set_cell_size(title, w) + " ", style))
            return Strip(segs).adjust_cell_length(width, style)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.rows):
            return Strip.blank(width, base)
        row = self.rows[index]
        style = base
        if not row.read:
            style += self.get_component_rich_style("article-table--unread")
        if row.done:
            style += self.get_component_rich_style("article-table--done")
        if index == self.cursor:
            style += self.get_component_rich_style("article-table--cursor")
        cells = self._cells(row, width)
        segs = []
        for name, w in columns:
            text = neutralize(cells[name]).replace("\n", " ")
            if name == "progress":
                text = text.rjust(w) if cell_len(text) <= w else text
            if cell_len(text) > w:
                text = set_cell_size(text, w - 1) + "…"
            segs.append(Segment(set_cell_size(text, w) + " ", style))
        return Strip(segs).adjust_cell_length(width, style)

    # -- cursor ------------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()

    def _scroll_cursor_into_view(self) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _move(self, delta: int) -> None:
        if self.rows:
            self.cursor = max(0, min(len(self.rows) - 1, self.cursor + delta))

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(max(self.scrollable_content_region.height - 2, 1))

    def action_page_up(self) -> None:
        self._move(-max(self.scrollable_content_region.height - 2, 1))

    def action_first(self) -> None:
        self._move(-len(self.rows))

    def action_last(self) -> None:
        self._move(len(self.rows))

    # -- mouse -------------------------------------------------------------------------------
    def on_click(self, event: Click) -> None:
        if event.y == 0:
            x = 0
            for name, w in self._layout(self.scrollable_content_region.width):
                if x <= event.x < x + w + 1:
                    self.post_message(self.SortClicked(name))
                    return
                x += w + 1
            return
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.post_message(self.Opened(self.rows[index]))
