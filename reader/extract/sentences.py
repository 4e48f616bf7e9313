"""Sentence boundaries with offsets, aware of abbreviations, initials and closing quotes."""

from __future__ import annotations

import re
from bisect import bisect_right

# Terminal punctuation (and closing quotes) before a capital, or newlines: one pattern for each
# character that begins an end, each beginning with that character, which Python's re finds with a
# plain scan for it (a pattern beginning with a class tests the class at every character: three
# times the cost). Together they give what one pattern over all of them would, with the matches
# that start inside an earlier one left out (see Sentences).
_AFTER_MARK = r"[.!?…]*[\"”’'»)\]]*\s+(?=(?:''|``|[\"“‘'«(\[])?[A-Z0-9\u00c0-\u00de])"
_ENDS = (*((mark, re.compile(re.escape(mark) + _AFTER_MARK)) for mark in ".!?…"), ("\n", re.compile(r"\n\n*")))
_SPAN = re.Match.span
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "col", "lt", "sgt", "capt", "adm",
    "maj", "jr", "sr", "prof", "rev", "inc", "co", "corp", "ltd", "no", "vs", "etc", "u.s", "u.k",
    "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "a.m", "p.m", "e.g",
    "i.e", "ft", "mt", "d.c", "u.n", "e.u", "hon", "est", "approx", "dept", "univ", "assn",
}


class Sentences:
    """Sentence spans of a body; `bounds(pos)` gives the sentence holding a position."""

    def __init__(self, body: str) -> None:
        self.body = body
        spans: list[tuple[int, int]] = []
        for mark, pattern in _ENDS:
            if mark in body:
                spans += map(_SPAN, pattern.finditer(body))
        spans.sort()
        starts = [0]
        done = 0
        for start, end in spans:
            if start < done:
                continue  # inside the last end: '?!', or the newlines of '.\n\nThe'
            done = end
            if body[start] == "." and "\n" not in body[start:end] and self._abbreviation(start, end):
                continue
            starts.append(end)
        self.starts = starts
        # Every sentence's (start, end), its trailing white space left out: worked out once, as
        # bounds() is asked of the same few sentences again and again.
        self._spans = [(a, a + len(body[a:b].rstrip())) for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]

    def _abbreviation(self, dot: int, after: int) -> bool:
        body = self.body
        if body[dot] != ".":
            return False
        k = dot
        while k > 0 and ((ch := body[k - 1]) == "." or ch.isalpha()):
            k -= 1
        word = body[k:dot].lower()
        if word in _ABBREVIATIONS or (len(word) == 1 and body[k].isupper()):
            return True
        # initials before a name: "J.J. MacNab" (but not '... U.S.A. "This')
        return (len(word) >= 3 and word[1] == "." and body[k].isupper() and after < len(body)
                and body[after].isalpha() and all(len(part) == 1 for part in word.split(".")))

    def bounds(self, pos: int) -> tuple[int, int]:
        return self._spans[bisect_right(self.starts, pos) - 1]

    def paragraph(self, pos: int) -> tuple[int, int]:
        start = self.body.rfind("\n", 0, pos) + 1
        end = self.body.find("\n", pos)
        return start, (len(self.body) if end < 0 else end)
