"""Finding words in an article's text, and stepping through what was found. Plain text, whatever
the user types: no pattern syntax, case ignored, offsets into the text as it is."""

from __future__ import annotations

import re
from bisect import bisect_left

Span = tuple[int, int]


def matches(text: str, query: str) -> list[Span]:
    """Where `query` occurs in `text`, ignoring case, without overlaps, in order. The query is
    taken literally (escaped, never a regular expression); an empty one finds nothing."""
    if not query:
        return []
    return [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE)]


def first_from(spans: list[Span], offset: int) -> int:
    """The first span starting at or after `offset`, else the first of all (-1 if none)."""
    if not spans:
        return -1
    i = bisect_left(spans, (offset, -1))
    return i if i < len(spans) else 0


def cycle(index: int, count: int, step: int) -> tuple[int, bool]:
    """One step forwards (+1) or back (-1) among `count` places, going round at the ends:
    the new index, and whether it went round."""
    if index < 0:
        return (0 if step > 0 else count - 1), False
    new = index + step
    return new % count, not 0 <= new < count
