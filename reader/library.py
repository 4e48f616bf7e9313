"""The library's rows: which articles match a filter, in what order. Pure data, shared by the
TUI's library screen and anything else that lists articles; the store answers the query
(listing.Listing), a page at a time."""

from __future__ import annotations

from dataclasses import dataclass

from .article_sql import check, is_untagged, parts
from .paged import Paged
from .query import EVERYTHING, All, parse
from .summary import Summary


@dataclass(slots=True)
class Row:
    summary: Summary
    tagged: int = 0
    read: bool = False
    added: int = 0  # claims you added to the article (they join its statements)

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def claims(self) -> int:
        """The statements to judge: the extracted ones and those you added."""
        return self.summary.claims + self.added

    @property
    def done(self) -> bool:
        return self.claims > 0 and self.tagged >= self.claims

    @property
    def has_untagged(self) -> bool:
        return self.tagged < self.claims


@dataclass(frozen=True, slots=True)
class Query:
    """The library's filter: a query of the one language (reader.query) asked of articles (what
    each part asks: article_sql), and `untagged`, the t key's choice (an `is:untagged` at the top
    of the query is the same). Answered by the store's indexes (listing.Listing)."""

    tree: object = EVERYTHING
    untagged: bool = False
    text: str = ""

    @classmethod
    def parse(cls, text: str, untagged: bool = False) -> Query:
        """QueryError (with its column) for a query that cannot be read, or asks what only the
        claims view answers."""
        tree = parse(text)
        check(tree)
        rest = [n for n in parts(tree) if not is_untagged(n)]
        if len(rest) < len(parts(tree)):
            tree, untagged = (rest[0] if len(rest) == 1 else All(tuple(rest))), True
        return cls(tree, untagged, text)

    @property
    def empty(self) -> bool:
        return self.tree == EVERYTHING and not self.untagged

    def with_untagged(self) -> Query:
        return Query(self.tree, True, self.text)


COLUMNS = ("date", "outlet", "headline", "author", "progress", "read")


@dataclass
class Order:
    column: str = "date"
    reverse: bool = True  # newest first





class Rows(Paged):
    """The rows a query keeps, in an order, read from the store a page at a time as they are
    drawn: however many articles the store holds, only what is on screen is read.

    `count_later`: the first page is read at once and the rows are counted by `count()`, on
    another thread, after the first page is on screen. Until then there are as many rows as the
    first page holds (exactly so when it is not full)."""

    def __init__(self, listing, query: Query, order: Order, count: int | None = None,
                 count_later: bool = False) -> None:
        self.listing, self.query, self.order = listing, query, order
        self._pages: dict[int, list[Row]] = {}
        self._count, self.counted = count, True
        if count is None and count_later:
            self.counted = False
            self._count = len(self._page(0))
            self.counted = self._count < self.size
        elif count is None:
            self._count = listing.count(query)

    def count(self) -> bool:
        """Count the rows (on a thread other than the one reading pages, while the first page is
        on screen); False if a newer count was asked for first, and this one stopped."""
        count = self.listing.count(self.query, stoppable=True)
        if count is None:
            return False
        self._count, self.counted = count, True
        return True

    def _page(self, number: int) -> list[Row]:
        page = self._pages.get(number)
        if page is None:
            page = self._pages[number] = [
                Row(summary, tagged=tagged, read=bool(read), added=added)
                for summary, tagged, added, read in self.listing.page(self.query, self.order, number * self.size, self.size,
                                                                      self._count if self.counted else None)
            ]
        return page

    def forget(self) -> None:
        """Read the rows again when next drawn (a progress or read mark changed)."""
        self._pages.clear()


class Library:
    """The library's rows under the current query and order (see listing.Listing)."""

    def __init__(self, listing=None, order: Order | None = None) -> None:
        self.listing = listing
        self.query = Query()
        self.order = order or Order()
        self.total = 0
        self.visible: Rows | list[Row] = []

    def refresh(self, count_later: bool = False) -> None:
        """Count and show the rows again (the query, the order or the store changed);
        `count_later`: see Rows."""
        if self.listing is None:
            return
        self.total = self.listing.total()
        self.visible = Rows(self.listing, self.query, self.order, self.total if self.query.empty else None,
                            count_later)

    def index_of(self, article_id: str) -> int | None:
        return self.listing.position(self.query, self.order, article_id) if self.listing else None

    def by_id(self, article_id: str) -> Row | None:
        """The row of an article if it is on a page read (to be redrawn)."""
        rows = self.visible.loaded() if isinstance(self.visible, Rows) else self.visible
        return next((r for r in rows if r.id == article_id), None)

    def mark(self, article_id: str, progress=None, read: bool | None = None) -> None:
        """Your progress on an article, or its read mark, changed: the rows show it when drawn."""
        self.listing.mark(article_id, progress, read)
        self.reread()

    def reread(self) -> None:
        """Read the rows again when they are next drawn (your marks changed)."""
        if isinstance(self.visible, Rows):
            self.visible.forget()

    def next_untagged(self, after: str | None) -> str | None:
        """The first article after `after` (or from the top), in this order and under this query,
        with a claim left to tag; round to the top at the end. None if there is none."""
        query = self.query.with_untagged()
        rows = Rows(self.listing, query, self.order)
        if not len(rows):
            return None
        start = 0
        if after is not None:
            start = self.listing.rank(query, self.order, after) or 0
            if start < len(rows) and rows[start].id == after:
                start += 1
        found = rows[start % len(rows)].id
        return None if found == after else found
