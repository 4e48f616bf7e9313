"""An annotation made elsewhere, found again in an article: by its quote first and its position
second, as the W3C model orders them (the exact words with the words before and after them; the
position only a hint), with fuzzy matching for small edits. Where the words are not there, or are
there several times and nothing tells which, it is not anchored: better an orphan, kept and
listed, than a tag on a look-alike quote somewhere else.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

CONTEXT_CHARS = 32  # characters of the words before and after a quote that are kept to find it
FUZZY_ENOUGH = 0.85  # how alike (difflib ratio) edited words must be to the quote
PROBE = 8  # characters of the quote looked for to find where an edited quote may be
SLACK = 8  # how many characters an edited quote may have gained or lost


@dataclass(frozen=True, slots=True)
class Quote:
    """What an annotation says of where it is: its words, the words around them, and a position
    (start in the same text, or None)."""

    exact: str
    prefix: str = ""
    suffix: str = ""
    start: int | None = None


def quote_at(text: str, start: int, end: int, position: int | None = None) -> Quote:
    """The quote of text[start:end]: its words with CONTEXT_CHARS either side; `position` where
    it says it is (start by default)."""
    return Quote(text[start:end], text[max(0, start - CONTEXT_CHARS):start], text[end:end + CONTEXT_CHARS],
                 start if position is None else position)


def anchor(text: str, quote: Quote) -> tuple[int, int] | None:
    """Where the quote is in `text` (start, end), or None."""
    if not quote.exact.strip():
        return None
    found = _occurrences(text, quote.exact)
    if found:
        best = _pick(text, quote, [(at, at + len(quote.exact)) for at in found])
        return best
    return _fuzzy(text, quote)


def _occurrences(text: str, words: str) -> list[int]:
    found, at = [], text.find(words)
    while at >= 0:
        found.append(at)
        at = text.find(words, at + 1)
    return found


def _context(text: str, quote: Quote, span: tuple[int, int]) -> int:
    """How many characters of the quote's prefix and suffix the text has around `span`."""
    before = text[max(0, span[0] - len(quote.prefix)):span[0]]
    after = text[span[1]:span[1] + len(quote.suffix)]
    same_before = next((n for n in range(len(before), 0, -1) if quote.prefix.endswith(before[-n:])), 0)
    same_after = next((n for n in range(len(after), 0, -1) if quote.suffix.startswith(after[:n])), 0)
    return same_before + same_after


def _pick(text: str, quote: Quote, spans: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The span the context and the position point to; None when several are equally likely."""
    if len(spans) == 1:
        return spans[0]
    ranked = sorted(spans, key=lambda s: (-_context(text, quote, s), _distance(quote, s)))
    first, second = ranked[0], ranked[1]
    if _context(text, quote, first) > _context(text, quote, second):
        return first
    if quote.start is not None and _distance(quote, first) < _distance(quote, second):
        return first
    return None


def _distance(quote: Quote, span: tuple[int, int]) -> int:
    return abs(span[0] - quote.start) if quote.start is not None else 0


def _fuzzy(text: str, quote: Quote) -> tuple[int, int] | None:
    """The best place for a quote that was edited a little: each place a piece of it (PROBE
    characters, from its start to its end) or its position points to, scored, then the best few with their ends moved a
    few characters either way."""
    words = quote.exact
    starts = set() if quote.start is None else {quote.start}
    for offset in {*range(0, max(1, len(words) - PROBE), PROBE), max(0, len(words) - PROBE)}:
        piece = words[offset:offset + PROBE]
        starts.update(at - offset for at in _occurrences(text, piece))
    first = sorted((_score(words, text, s, s + len(words)) for s in starts if 0 <= s < len(text)), reverse=True)
    good = [_refined(words, text, t) for t in first[:3] if t[0] >= FUZZY_ENOUGH - 0.1]
    good = [t for t in good if t[0] >= FUZZY_ENOUGH]
    if not good:
        return None
    top = max(good)
    rivals = [(t[1], t[2]) for t in good if t[0] >= top[0] - 0.02 and abs(t[1] - top[1]) > len(words) // 2]
    return _pick(text, quote, [(top[1], top[2]), *rivals]) if rivals else (top[1], top[2])


def _score(words: str, text: str, start: int, end: int) -> tuple[float, int, int]:
    return difflib.SequenceMatcher(None, words, text[start:end], autojunk=False).ratio(), start, end


def _refined(words: str, text: str, best: tuple[float, int, int]) -> tuple[float, int, int]:
    """The start, then the end, moved to where the words fit best."""
    _, start, end = best
    best = max(_score(words, text, s, end) for s in range(max(0, start - SLACK), min(end, start + SLACK + 1)))
    start = best[1]
    return max(_score(words, text, start, e) for e in range(max(start + 1, end - SLACK), min(len(text), end + SLACK) + 1))
