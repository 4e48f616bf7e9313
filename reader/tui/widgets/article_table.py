"""The library's table of articles: date, outlet, headline, author, progress, read."""

from __future__ import annotations

from collections.abc import Sequence

from ...library import Order, Row
from ...rows import outlet_label
from .virtual_table import VirtualTable

TITLES = {"date": "Date", "outlet": "Outlet", "headline": "Headline", "author": "Author", "progress": "Tagged", "read": ""}


AUTHOR_LEAST, AUTHOR_MOST = 18, 30  # the author column's cells, from 110 columns on


def author_width(width: int) -> int:
    """No author column below 110 columns; 18 cells up to 136, then one more every two columns,
    to 30 from 160 on (the headline keeps the most room)."""
    if width < 110:
        return 0
    return min(AUTHOR_MOST, AUTHOR_LEAST + max(0, width - 136) // 2)


class ArticleTable(VirtualTable):
    right_aligned = frozenset({"progress"})

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.order = Order()

    def set_rows(self, rows: Sequence[Row], order: Order, cursor: int = 0) -> None:
        """The rows (read a page at a time as they are drawn, see library.Rows), the cursor on one."""
        self.order = order
        self.set_items(rows, cursor)

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        wide = width >= 100
        cols = [("date", 16 if wide else 10), ("outlet", 18 if wide else 12)]
        tail = [("progress", 7), ("read", 2)]
        author = author_width(width)
        fixed = sum(w for _, w in cols + tail) + author + len(cols + tail) + (1 if author else 0)
        cols.append(("headline", max(width - fixed, 12)))
        if author:
            cols.append(("author", author))
        return [(key, TITLES[key], w) for key, w in cols + tail]

    def header_title(self, key: str, title: str) -> str:
        if key == self.order.column:
            return f"{title} {'▼' if self.order.reverse else '▲'}"
        return title

    def cells(self, row: Row, index: int) -> dict[str, str]:
        s = row.summary
        p = s.published
        wide = self.scrollable_content_region.width >= 100
        date = "—" if not p else p[:10] if (s.date_only or not wide) else f"{p[:10]} {p[11:16]}"
        return {
            "date": date,
            "outlet": outlet_label(row.summary),
            "headline": s.title,
            "author": s.author or "",
            "progress": f"{row.tagged}/{row.claims}",
            "read": "" if row.read else "●",
        }

    def row_classes(self, row: Row, index: int) -> tuple[str, ...]:
        classes = () if row.read else ("table--strong",)
        return classes + (("table--dim",) if row.done else ())
