"""Word-wrapping an article body into screen lines that remember their body offsets.

Lines keep offsets, not text, so highlights are resolved only for the lines on screen, and a
1 MB article wraps in a fraction of a second. Speaker labels ("⟨Dmitry Peskov⟩") are drawn after
the word where a claim ends and take part in the wrapping.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*")


@dataclass(slots=True)
class Line:
    start: int  # offset of the first character in its text
    end: int
    indent: int = 0
    labels: tuple[tuple[int, int], ...] = ()  # (offset after which a label is drawn, claim index)


def wrap(text: str, width: int, label_ends: list[tuple[int, int]] | None = None,
         label_width=lambda claim: 0) -> list[Line]:
    """Wrap `text` (paragraphs separated by newlines) to `width` cells.

    `label_ends` is a sorted list of (offset, claim index): a label of `label_width(claim)` cells
    is drawn after the word holding the character before that offset.
    """
    width = max(width, 8)
    lines: list[Line] = []
    ends = label_ends or []
    k = 0  # next label
    pos = 0
    for raw in text.split("\n"):
        start, end = pos, pos + len(raw)
        pos = end + 1
        if not raw.strip():
            lines.append(Line(start, end))
            continue
        hang = 2 if raw.startswith("• ") else 0
        line_start, x, avail, indent = start, 0, width, 0
        labels: list[tuple[int, int]] = []
        for m in _WORD.finditer(raw):
            ws, we = m.start() + start, m.end() + start
            word = m.group()
            visible_end = ws + len(word.rstrip())
            mine: list[tuple[int, int]] = []
            while k < len(ends) and ends[k][0] <= we:
                mine.append((visible_end, ends[k][1]))
                k += 1
            visible = cell_len(word.rstrip()) + sum(label_width(c) for _, c in mine)
            if x > 0 and x + visible > avail:
                lines.append(Line(line_start, ws, indent, tuple(labels)))
                line_start, x, labels = ws, 0, []
                indent, avail = hang, width - hang
            while x == 0 and cell_len(word.rstrip()) > avail:
                # A word longer than the line (a URL): cut it.
                cut = _fit(word, avail)
                lines.append(Line(ws, ws + cut, indent, ()))
                ws += cut
                word = word[cut:]
                line_start = ws
                indent, avail = hang, width - hang
                visible = cell_len(word.rstrip()) + sum(label_width(c) for _, c in mine)
            labels.extend(mine)
            x += visible + (len(word) - len(word.rstrip()))
        lines.append(Line(line_start, end, indent, tuple(labels)))
    return lines


def wrap_between(text: str, width: int, breaks: list[int]) -> list[Line]:
    """Wrap one line of `text` to `width` cells, breaking only at the offsets in `breaks`: a
    list of speakers breaks between its entries, never inside a name. An entry wider than the
    line alone (a name longer than the screen is wide) is word-wrapped on lines of its own."""
    width = max(width, 8)
    lines: list[Line] = []
    start = 0  # of the line being filled
    bounds = [0, *sorted(b for b in breaks if 0 < b < len(text)), len(text)]
    for a, b in itertools.pairwise(bounds):
        if a > start and cell_len(text[start:b].rstrip()) > width:
            lines.append(Line(start, a))
            start = a
        if cell_len(text[start:b].rstrip()) > width:
            lines.extend(Line(start + line.start, start + line.end, line.indent) for line in wrap(text[start:b], width))
            start = b
    if start < len(text) or not lines:
        lines.append(Line(start, len(text)))
    return lines


def _fit(word: str, cells: int) -> int:
    total = 0
    for i, ch in enumerate(word):
        total += cell_len(ch)
        if total > cells:
            return max(i, 1)
    return len(word)
