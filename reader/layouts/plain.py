"""The generic plain-text reading: headline on the first line, then paragraphs.

Paragraphs are separated by blank lines or are one a line. Text hard-wrapped at a fixed width
(every paragraph broken into lines of similar length) is unwrapped first.
"""

from __future__ import annotations

import re

from ..model import Document
from .common import paragraphs, short_title

_COMMENTS = re.compile(
    r"^\s*(?:\d+\s+(?:comments?|responses?|thoughts? on\b)\b.*|(?:leave a (?:reply|comment)|reader comments)\s*:?)\s*$",
    re.I,
)
_COMMENTS_FIRST = set("0123456789lLrR")  # what a line _COMMENTS matches can start with (lines are stripped)


def _hard_wrapped(blocks: list[list[str]]) -> bool:
    multi = [b for b in blocks if len(b) > 1]
    if len(multi) < max(2, len(blocks) // 3):
        return False
    inner = [len(line) for b in multi for line in b[:-1]]
    return bool(inner) and sum(40 <= n <= 100 for n in inner) >= 0.8 * len(inner)


def parse(text: str) -> Document:
    rows = [line.rstrip() for line in text.split("\n")]
    while rows and not rows[0].strip():
        rows.pop(0)
    title = rows[0].strip() if rows else ""
    rest = rows[1:]
    if len(title) > 300:
        # No headline: the first line is already a paragraph.
        rest = rows
        title = ""

    blocks: list[list[str]] = [[]]
    for line in map(str.strip, rest):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]

    warnings: list[str] = []
    lines: list[str] = []
    if _hard_wrapped(blocks):
        lines = [" ".join(b) for b in blocks]
    else:
        lines = [line for b in blocks for line in b]
    for i, line in enumerate(lines):
        if i > 0 and line[:1] in _COMMENTS_FIRST and _COMMENTS.match(line):
            warnings.append(f"dropped {len(lines) - i} paragraphs of reader comments after the article")
            lines = lines[:i]
            break

    body = paragraphs(lines)
    if not title:
        title = short_title(body)
    return Document(title=title, body=body, layout="plain", warnings=warnings)
