"""The library's rows: which articles match a filter, in what order. Pure data, shared by the
TUI's library screen and anything else that lists articles."""

from __future__ import annotations

from dataclasses import dataclass, field

from .store import Summary


def date_key(s: Summary) -> tuple[str, str]:
    """The one order of articles by date (then headline): the library's default, `list`,
    `claims` and the export."""
    return (s.published or "", s.title.lower())


def newest_first(summaries) -> list[Summary]:
    return sorted(summaries, key=date_key, reverse=True)


@dataclass(slots=True)
class Row:
    summary: Summary
    tagged: int = 0
    read: bool = False
    added: int = 0  # claims you added to the article (they join its statements)
    _haystack: str = ""
    body: str | None = None  # lower-cased body, once loaded

    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def haystack(self) -> str:
        if not self._haystack:
            s = self.summary
            self._haystack = " ".join(
                [s.title, s.author or "", s.outlet or "", " ".join(s.speakers or ()), " ".join(s.sources or ())]
            ).lower()
        return self._haystack

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

    def set_progress(self, progress) -> None:
        self.tagged, self.added = progress


@dataclass(frozen=True, slots=True)
class Query:
    """`words` must all appear (headline, author, speakers, sources or body);
    `speaker:NAME` keeps articles where NAME speaks; `untagged` keeps articles with untagged claims."""

    words: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    untagged: bool = False
    text: str = ""

    @classmethod
    def parse(cls, text: str, untagged: bool = False) -> Query:
        words: list[str] = []
        speakers: list[str] = []
        for part in text.split():
            low = part.lower()
            if low.startswith("speaker:") and len(low) > 8:
                speakers.append(low[8:].replace("_", " "))
            elif low in ("is:untagged", "untagged:"):
                untagged = True
            else:
                words.append(low)
        return cls(tuple(words), tuple(speakers), untagged, text)

    @property
    def empty(self) -> bool:
        return not (self.words or self.speakers or self.untagged)

    def matches(self, row: Row) -> bool:
        if self.untagged and not row.has_untagged:
            return False
        if self.speakers:
            names = " | ".join(row.summary.speakers or ()).lower()
            if not all(s in names for s in self.speakers):
                return False
        hay = row.haystack
        for w in self.words:
            if w not in hay and (row.body is None or w not in row.body):
                return False
        return True


COLUMNS = ("date", "outlet", "headline", "author", "progress", "read")


@dataclass
class Order:
    column: str = "date"
    reverse: bool = True  # newest first

    def key(self, row: Row):
        s = row.summary
        if self.column == "date":
            return date_key(s)
        if self.column == "outlet":
            return ((s.outlet or "").lower(), s.published or "")
        if self.column == "headline":
            return s.title.lower()
        if self.column == "author":
            return ((s.author or "").lower(), s.published or "")
        if self.column == "progress":
            return (row.tagged / row.claims if row.claims else 1.0, row.claims)
        return (row.read, s.published or "")


@dataclass
class Library:
    """All rows, and the visible ones under the current query and order."""

    rows: list[Row] = field(default_factory=list)
    query: Query = field(default_factory=Query)
    order: Order = field(default_factory=Order)
    visible: list[Row] = field(default_factory=list)
    _sorted: list[Row] = field(default_factory=list)
    _sorted_by: tuple = ()

    def refresh(self) -> None:
        """Recompute the visible rows: sorting only when the order (or the rows) changed."""
        by = (self.order.column, self.order.reverse, id(self.rows), len(self.rows))
        if by != self._sorted_by or self.order.column == "progress":
            self._sorted = sorted(self.rows, key=self.order.key, reverse=self.order.reverse)
            self._sorted_by = by
        query = self.query
        self.visible = list(self._sorted) if query.empty else [r for r in self._sorted if query.matches(r)]

    def index_of(self, article_id: str) -> int | None:
        for i, r in enumerate(self.visible):
            if r.id == article_id:
                return i
        return None

    def by_id(self, article_id: str) -> Row | None:
        for r in self.rows:
            if r.id == article_id:
                return r
        return None
