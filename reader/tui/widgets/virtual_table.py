"""A table that draws only the rows on screen: for ten thousand articles, or the thousands of
claims of a very long article (a DataTable takes over a second to fill with 10k rows).

Subclasses say which columns fit a width (`columns`), what each cell of an item says (`cells`)
and how a row looks (`row_classes`). The header stays on the first line.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...text import neutralize
from ..keys import TABLE


class VirtualTable(ScrollView, can_focus=True):
    BINDINGS = TABLE
    COMPONENT_CLASSES = {
        "table--header",
        "table--cursor",
        "table--strong",
        "table--dim",
        "table--doubtful",
    }

    cursor = reactive(0, always_update=True)

    class CursorMoved(Message):
        def __init__(self, table: VirtualTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

    class Chosen(Message):
        """Enter, or a double click, on a row."""

        def __init__(self, table: VirtualTable, index: int) -> None:
            super().__init__()
            self.table = table
            self.index = index

    class HeaderClicked(Message):
        def __init__(self, table: VirtualTable, column: str) -> None:
            super().__init__()
            self.table = table
            self.column = column

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: Sequence[Any] = []  # a list, or rows read as they are drawn
        self._quiet = False

    # -- for subclasses ----------------------------------------------------------------------
    def columns(self, width: int) -> list[tuple[str, str, int]]:
        """(key, title, width) of the columns that fit `width`."""
        raise NotImplementedError

    def cells(self, item: Any, index: int) -> dict[str, str]:
        raise NotImplementedError

    def row_classes(self, item: Any, index: int) -> tuple[str, ...]:
        return ()

    right_aligned: frozenset[str] = frozenset()

    # -- data --------------------------------------------------------------------------------
    def set_items(self, items: Sequence[Any], cursor: int = 0) -> None:
        self.items = items
        self.virtual_size = Size(self.size.width, len(items) + 1)
        self.move_to(cursor, quiet=True)
        self.refresh()

    def items_changed(self) -> None:
        """The items are as before, more or fewer of them (rows counted after they were shown)."""
        self.virtual_size = Size(self.size.width, len(self.items) + 1)
        self.refresh()

    def move_to(self, index: int, quiet: bool = False) -> None:
        """Put the cursor on a row; `quiet` does not announce it (the caller knows)."""
        self._quiet = quiet
        self.cursor = max(0, min(index, len(self.items) - 1)) if self.items else 0
        self._quiet = False

    def refresh_item(self, index: int) -> None:
        y = index - self.scroll_offset.y + 1
        if 1 <= y < self.size.height:
            self.refresh_line(y)

    @property
    def current(self) -> Any | None:
        return self.items[self.cursor] if 0 <= self.cursor < len(self.items) else None

    # -- drawing -----------------------------------------------------------------------------
    def on_resize(self, event: Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.items) + 1)
        self._scroll_cursor_into_view()
        self.refresh()

    def header_title(self, key: str, title: str) -> str:
        return title

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        columns = self.columns(width)
        if y == 0:
            style = base + self.get_component_rich_style("table--header")
            segs = [Segment(set_cell_size(self.header_title(key, title), w) + " ", style) for key, title, w in columns]
            return Strip(segs).adjust_cell_length(width, style)
        index = self.scroll_offset.y + y - 1
        if index >= len(self.items):
            return Strip.blank(width, base)
        item = self.items[index]
        style = base
        for name in self.row_classes(item, index):
            style += self.get_component_rich_style(name)
        if index == self.cursor:
            style += self.get_component_rich_style("table--cursor")
        cells = self.cells(item, index)
        segs = []
        for key, _title, w in columns:
            text = neutralize(cells.get(key, "")).replace("\n", " ")
            if cell_len(text) > w:
                text = set_cell_size(text, w - 1) + "…"
            elif key in self.right_aligned:
                text = " " * (w - cell_len(text)) + text
            segs.append(Segment(set_cell_size(text, w) + " ", style))
        return Strip(segs).adjust_cell_length(width, style)

    # -- cursor ------------------------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh_item(old)
        self.refresh_item(new)
        if not self._quiet and self.items:
            self.post_message(self.CursorMoved(self, new))

    def _scroll_cursor_into_view(self) -> None:
        height = max(self.scrollable_content_region.height - 1, 1)
        top = self.scroll_offset.y
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def _move(self, delta: int) -> None:
        if self.items:
            self.move_to(self.cursor + delta)

    def action_cursor_down(self) -> None:
        self._move(1)

    def action_cursor_up(self) -> None:
        self._move(-1)

    def action_page_down(self) -> None:
        self._move(max(self.scrollable_content_region.height - 2, 1))

    def action_page_up(self) -> None:
        self._move(-max(self.scrollable_content_region.height - 2, 1))

    def action_first(self) -> None:
        self._move(-len(self.items))

    def action_last(self) -> None:
        self._move(len(self.items))

    # -- mouse -------------------------------------------------------------------------------
    def on_click(self, event: Click) -> None:
        if event.y == 0:
            x = 0
            for key, _title, w in self.columns(self.scrollable_content_region.width):
                if x <= event.x < x + w + 1:
                    self.post_message(self.HeaderClicked(self, key))
                    return
                x += w + 1
            return
        index = self.scroll_offset.y + event.y - 1
        if 0 <= index < len(self.items):
            self.move_to(index)
            if event.chain >= 2:
                self.post_message(self.Chosen(self, index))
