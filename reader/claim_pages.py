"""The claims view's rows as a sequence read a page at a time as they are drawn (see
claim_listing): however many claims the store holds, only what is on screen is read.

A page next to one already read starts where that one ends (a keyset: the index reads on from
there); any other from the nearest of every STEP-th row once they are marked (`mark`), else
from its offset, from the nearer end. The order by tag is one segment
per tag, each in date order: the claims nobody annotated are all in the "untagged" one.
"""

from __future__ import annotations

from .claim_arms import KEYS, STATES, UNTAGGED, both, keys_of, keyset, untagged
from .claim_asked import Asked
from .claims_view import ClaimRow
from .paged import Paged

STEP = 10_000  # rows between two milestones (see ClaimPages.mark)
STATE = KEYS.index("state")


class ClaimPages(Paged):
    """The rows a query keeps (ClaimListing.ask), in an order ((column, reverse)).

    `count_later`: the first page is read at once and the rows are counted by `count()`, on
    another thread, after it is on screen; until then there are as many rows as it holds."""

    def __init__(self, asked: Asked, order: tuple[str, bool], count_later: bool = False) -> None:
        super().__init__()
        self.asked, self.order = asked, order
        column, reverse = order
        by_tag = column == "tag"
        self.segments: list[str | None] = list(reversed(STATES) if reverse else STATES) if by_tag else [None]
        self.inner = ("date", reverse) if by_tag else order  # (the order within a segment)
        self._found: dict[int, list[tuple]] = {}  # (src, k, *KEYS) of each page read
        self._marks: dict[str | None, list[tuple]] = {}  # (see mark)
        self.counted = not (count_later and not by_tag)
        if self.counted:
            self.count()
        else:
            first = self._found[0] = asked.rows(keys_of(self.inner), limit=self.size)
            self.counts, self._count = [len(first)], len(first)
            self.counted = len(first) < self.size

    def count(self) -> bool:
        """Count the rows (on a thread other than the one reading pages, while the first page is
        on screen)."""
        self.counts = [self.asked.count(s) for s in self.segments]
        self._count, self.counted = sum(self.counts), True
        return True

    # -- pages ----------------------------------------------------------------------------------
    def _page(self, number: int) -> list[ClaimRow]:
        page = self._pages.get(number)
        if page is None:
            found = self._found[number] = self._read(number * self.size, min(self.size, self._count - number * self.size))
            page = self._pages[number] = self.asked.claim_rows(found)
        return page

    def _read(self, offset: int, limit: int) -> list[tuple]:
        out: list[tuple] = []
        start = 0
        for segment, n in zip(self.segments, self.counts, strict=True):
            if offset < start + n and len(out) < limit:
                at = max(offset - start, 0)
                want = min(limit - len(out), n - at)
                out.extend(self._piece(segment, n, at, want, start + at))
            start += n
        return out

    def _piece(self, segment: str | None, n: int, at: int, want: int, index: int) -> list[tuple]:
        """`want` rows of a segment (of n rows) from its row `at` (row `index` of the whole)."""
        keys = keys_of(self.inner)
        before = self._known(index - 1) if at > 0 else None
        if before is not None:  # (on from the row before)
            return self.asked.rows(keys, keyset(keys, before), want, 0, segment)
        marks = self._marks.get(segment, [])
        near = min(at // STEP, len(marks))  # (the milestones before row `at`: every STEP-th row)
        far = n - at - want
        if near and at - near * STEP < min(at, far):  # (on from the nearest milestone)
            return self.asked.rows(keys, keyset(keys, marks[near - 1]), want, at - near * STEP, segment)
        if at > n // 2:  # (from the far end)
            rows = self.asked.rows(keys_of(self.inner, flip=True), limit=want, offset=n - at - want, state=segment)
            return rows[::-1]
        return self.asked.rows(keys, limit=want, offset=at, state=segment)

    def mark(self) -> None:
        """Every STEP-th row's sort keys, so that a page anywhere is read from the nearest of
        them (on a thread of its own: a statement a milestone, each reading STEP rows on from
        the one before, so that the pages drawn meanwhile are read between them)."""
        keys = keys_of(self.inner)
        for segment, n in zip(self.segments, self.counts, strict=True):
            marks: list[tuple] = []
            while len(marks) < n // STEP:
                more = keyset(keys, marks[-1]) if marks else None
                found = self.asked.rows(keys, more, limit=1, offset=STEP - 1, state=segment)
                if not found:
                    break
                marks.append(found[0])
                self._marks[segment] = marks

    def _known(self, index: int) -> tuple | None:
        found = self._found.get(index // self.size)
        return found[index % self.size] if found and index % self.size < len(found) else None

    # -- finding rows ---------------------------------------------------------------------------
    def holds(self, article_id: str, claim_id: str) -> tuple | None:
        """The (src, k, *KEYS) of a claim's row if the query keeps it, else None."""
        values = self.asked.key_of_claim(article_id, claim_id)
        return values if values is not None and self.asked.keeps(values) else None

    def position(self, article_id: str, claim_id: str) -> int | None:
        """Where a claim is among the rows (None if the query leaves it out)."""
        values = self.holds(article_id, claim_id)
        return None if values is None else self._rank(values)

    def _rank(self, values: tuple) -> int:
        state = values[2 + STATE]
        at = 0 if self.segments == [None] else self.segments.index(state)
        return sum(self.counts[:at]) + self.asked.before(keys_of(self.inner), values, self.segments[at])

    def next_untagged(self, after: int) -> int | None:
        """The next row after `after`, in this order, that you have not judged; round to the top
        at the end. None if there is none."""
        if not self._count:
            return None
        keys = keys_of(self.inner)
        current = None
        if 0 <= after < self._count:
            self._page(after // self.size)
            current = self._known(after)
        segment = None if self.segments == [None] else UNTAGGED
        found = []
        if current is not None and (segment is None or current[2 + STATE] == UNTAGGED):
            found = self.asked.rows(keys, both(untagged, keyset(keys, current)), 1, 0, segment)
        if not found:
            found = self.asked.rows(keys, untagged, 1, 0, segment)
        if not found:
            return None
        i = self._rank(found[0])
        return None if i == after else i
