"""Finding quoted stretches of text.

Handles straight (") and curly (“ ”) double quotes, guillemets (« »), the doubled apostrophes some
newspapers use (''...''), single curly quotes (‘...’) at the top level, nested quotes (ignored
inside their outer quote), and quotes that run over several paragraphs: each paragraph opens with
a mark and only the last one closes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from operator import attrgetter

_DOUBLE_MARKS = ('"', "“", "”", "„", "«", "»", "''", "``")
_SINGLE = re.compile(r"[‘’]")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}
_SENTENCE_GAPS = {". ", "? ", "! "}  # (some newsrooms open each quoted sentence again, closing only the last)
_BEFORE_OPEN = set(" \t([{—–-/:;\n")
_AFTER_CLOSE = set(" \t,.;:!?)]}—–-…\n")


@dataclass(slots=True)
class Quote:
    """A quotation: `start:end` is the text inside the marks (across all its paragraphs)."""

    open_at: int  # index of the opening mark
    start: int
    end: int = -1
    after: int = -1  # index just past the closing mark (or the paragraph end when unclosed)
    closed: bool = True
    paragraphs: int = 1
    single: bool = False


def double_marks(body: str) -> list[tuple[int, int, str]]:
    """(start, end, mark) of every double quotation mark, '' and `` included, in order. Found
    with str.find, mark by mark: a regex would stop at every apostrophe."""
    found = []
    for mark in _DOUBLE_MARKS:
        i = body.find(mark)
        while i >= 0:
            found.append((i, i + len(mark), mark))
            i = body.find(mark, i + len(mark))
    found.sort()
    return found


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line of the body."""
    spans = []
    pos = 0
    for line in body.split("\n"):
        end = pos + len(line)
        if line.strip():
            spans.append((pos, end))
        pos = end + 1
    return spans


def _side(body: str, i: int, j: int) -> str:
    """'open', 'close' or 'either' for a straight mark at body[i:j], from its neighbours."""
    prev = body[i - 1] if i > 0 else "\n"
    nxt = body[j] if j < len(body) else "\n"
    opens = prev in _BEFORE_OPEN or prev in "“‘«'\""
    closes = nxt in _AFTER_CLOSE or nxt in "”’»\"'"
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def _opens_paragraph(body: str, span: tuple[int, int], marks: list[tuple[int, int, str]]) -> bool:
    start = span[0]
    while start < span[1] and body[start] in " \t":
        start += 1
    return bool(marks) and marks[0][0] == start and marks[0][2] not in _CLOSERS


def _unclosed(quote: Quote, body: str, end: int) -> Quote:
    while end > quote.start and body[end - 1] in " \t":
        end -= 1
    quote.end = quote.after = end
    quote.closed = False
    return quote


MAX_QUOTE_PARAGRAPHS = 8


def _opens_block(body: str, span: tuple[int, int], quote: Quote) -> bool:
    """Does the quote open its paragraph after a label (`Quote: "`, `About the talks: "`)? Where
    the outlet writes a long quote with one opening mark, a label introduces it; a bare quote
    left open is more often a broken one (a tweet's text, then its author's name)."""
    lead = body[span[0] : quote.open_at].strip()
    return lead.endswith(":") and len(lead) <= 80 and '"' not in lead


def _closed_later(body: str, spans: list[tuple[int, int]], buckets: list[list[tuple[int, int, str]]], p: int) -> int | None:
    """The outlet's own convention for a long quote: only its first paragraph opens with a mark,
    only its last closes, at its end; the paragraphs between have no mark at all. The paragraph
    that closes the quote opened in paragraph `p`, if that is how the next paragraphs read."""
    for k in range(p + 1, min(p + MAX_QUOTE_PARAGRAPHS, len(buckets))):
        if "\n\n" not in body[spans[k - 1][1] : spans[k][0] + 1]:
            return None  # paragraphs of one quote stand apart; a line break is something else
        if not buckets[k]:
            continue
        (i, j, mark), last = buckets[k][0], buckets[k][-1]
        closes = mark in _CLOSERS or (mark not in _OPENERS and _side(body, i, j) == "close")
        at_end = i == last[0] and not body[j : spans[k][1]].strip()
        sentence = len(body[spans[k][0] : i].split()) >= 3
        return k if closes and at_end and sentence else None
    return None


def _buckets(body: str, spans: list[tuple[int, int]]) -> list[list[tuple[int, int, str]]]:
    """The double marks of each paragraph."""
    buckets: list[list[tuple[int, int, str]]] = [[] for _ in spans]
    k = 0
    for i, j, mark in double_marks(body):
        while k < len(spans) and i >= spans[k][1]:
            k += 1
        if k < len(spans):
            buckets[k].append((i, j, mark))
    return buckets


def _mark_side(body: str, i: int, j: int, mark: str) -> str:
    if mark in _OPENERS:
        return "open"
    if mark in _CLOSERS:
        return "close"
    return _side(body, i, j)


def _nested(body: str, inside: Quote, j: int, end: int) -> bool:
    """Does the opening curly mark ending at j open a quote inside `inside`: two closing marks
    follow in the paragraph (its own and the outer quote's), or `inside` opened with a straight
    mark and a closing curly one follows ('"The Department isn’t about “Equal Justice Under Law”
    anymore.': an opening curly mark never closes a straight quote)."""
    if body.count("”", j, end) >= 2:
        return True
    return body[inside.open_at] == '"' and body.find("”", j, end) >= 0


class _Reader:
    """Paragraph by paragraph, the quotations of a body (see find_quotes)."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.spans = paragraph_spans(body)
        self.buckets = _buckets(body, self.spans)
        self.quotes: list[Quote] = []
        self.carry: Quote | None = None  # a quote whose next paragraph opens with a mark again
        self.resume: dict[int, int] = {}  # paragraph -> its first mark not yet read (one closed a quote)

    def read(self) -> list[Quote]:
        for p, marks in enumerate(self.buckets):
            if marks or self.carry is not None:  # (most paragraphs: nothing to do)
                self.paragraph(p)
        if self.carry is not None:
            self.quotes.append(_unclosed(self.carry, self.body, self.spans[-1][1]))
        return [q for q in self.quotes if q.end > q.start]

    def paragraph(self, p: int) -> None:
        span, marks = self.spans[p], self.buckets[p]
        inside = None
        first = self.resume.get(p, 0)
        if self.carry is not None:
            if _opens_paragraph(self.body, span, marks):
                inside, first = self.carry, 1
                inside.paragraphs += 1
            else:
                self.quotes.append(_unclosed(self.carry, self.body, self.spans[p - 1][1]))
            self.carry = None
        inside = self.marks(span, marks[first:], inside)
        if inside is not None:
            self.left_open(p, inside)

    def marks(self, span: tuple[int, int], marks: list[tuple[int, int, str]], inside: Quote | None) -> Quote | None:
        """Read a paragraph's marks, opening and closing quotes; the quote still open after them."""
        body = self.body
        depth = 0
        for i, j, mark in marks:
            if inside is None:
                if _mark_side(body, i, j, mark) != "close":
                    inside, depth = Quote(i, j), 0
                continue
            if mark in _OPENERS and _nested(body, inside, j, span[1]):
                depth += 1  # a nested “...” inside the quote
                continue
            if depth and mark in _CLOSERS:
                depth -= 1
                continue
            if mark == '"' and body[i - 2 : i] in _SENTENCE_GAPS and _side(body, i, j) == "open":
                continue  # 'in the tie. "The players ...': the next sentence of the same quote
            inside.end, inside.after = i, j
            self.quotes.append(inside)
            inside = None
        return inside

    def left_open(self, p: int, inside: Quote) -> None:
        """A quote still open at the end of paragraph `p`: it goes on in the next (which opens with
        a mark), runs to the paragraph that closes it (the outlet's one-mark block), or ends here."""
        body, spans, buckets = self.body, self.spans, self.buckets
        if p + 1 < len(spans) and _opens_paragraph(body, spans[p + 1], buckets[p + 1]):
            self.carry = inside
            return
        closing = _closed_later(body, spans, buckets, p) if _opens_block(body, spans[p], inside) else None
        if closing is None:
            self.quotes.append(_unclosed(inside, body, spans[p][1]))
            return
        inside.end, inside.after = buckets[closing][0][:2]
        inside.paragraphs += closing - p
        self.quotes.append(inside)
        self.resume[closing] = 1


def find_quotes(body: str) -> list[Quote]:
    """Every top-level quotation in the body, in order."""
    quotes = _Reader(body).read()
    quotes.extend(_single_quotes(body, quotes))
    quotes.sort(key=attrgetter("start"))
    return quotes


def _single_quotes(body: str, doubles: list[Quote]) -> list[Quote]:
    """‘Single-quoted’ passages outside double quotes (British style or headline quotes)."""
    out: list[Quote] = []
    if "‘" not in body:
        return out  # no opening mark: every ’ is an apostrophe
    opens = [q.open_at for q in doubles]  # in order, and apart
    opener = None
    for m in _SINGLE.finditer(body):
        i = m.start()
        k = bisect_right(opens, i) - 1
        if k >= 0 and i < doubles[k].after:
            continue  # inside a double quote
        ch = m.group(0)
        prev = body[i - 1] if i else "\n"
        nxt = body[i + 1] if i + 1 < len(body) else "\n"
        if ch == "‘":
            if prev in _BEFORE_OPEN and (nxt.isalnum()):
                opener = i
            continue
        if opener is None:
            continue
        if "\n" in body[opener:i]:
            opener = None
            continue
        if nxt.isalpha():  # an apostrophe: don’t, Russia’s
            continue
        if i - opener < 2:
            opener = None
            continue
        out.append(Quote(open_at=opener, start=opener + 1, end=i, after=i + 1, single=True))
        opener = None
    return out
