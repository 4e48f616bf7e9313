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


def _headline(rows: list[str]) -> tuple[str, list[str]]:
    """The first non-blank line and the rows after it; no headline when that line is too long to be
    one (it is already a paragraph)."""
    first = next((i for i, line in enumerate(rows) if line.strip()), len(rows))
    title = rows[first].strip() if first < len(rows) else ""
    if len(title) > 300:
        return "", rows[first:]
    return title, rows[first + 1 :]


def _blocks(rows: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (stripped)."""
    blocks: list[list[str]] = [[]]
    for line in map(str.strip, rows):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _without_comments(lines: list[str], warnings: list[str]) -> list[str]:
    """The lines before reader comments (never the first line), with a warning when some were cut."""
    for i, line in enumerate(lines):
        if i > 0 and line[:1] in _COMMENTS_FIRST and _COMMENTS.match(line):
            warnings.append(f"dropped {len(lines) - i} paragraphs of reader comments after the article")
            return lines[:i]
    return lines


NAME = "plain"


def detect(text: str) -> bool:
    """Any text can be read as a headline and paragraphs: the layout of last resort."""
    return True


def parse(text: str) -> Document:
    title, rest = _headline([line.rstrip() for line in text.split("\n")])
    blocks = _blocks(rest)
    if _hard_wrapped(blocks):
        lines = [" ".join(b) for b in blocks]
    else:
        lines = [line for b in blocks for line in b]
    warnings: list[str] = []
    body = paragraphs(_without_comments(lines, warnings))
    return Document(title=title or short_title(body), body=body, layout=NAME, warnings=warnings)
