"""Checks and helpers shared by the layout parsers."""

from __future__ import annotations

import re

MAX_CHARS = 4_000_000  # about 4 MB of text: far beyond any news article

_READ_MORE = re.compile(r"^.*\bRead more\b\s*(?:[:>»→]\s*)?(?:https?://\S+)?\s*$", re.I | re.M)
_BULLETS = "•·▪●◦‣∙"
_BULLET = re.compile(rf"^\s*[{_BULLETS}]\s*")


# A named line rule: (name, pattern). Layout parsers keep ordered tuples of them and ask
# `first_rule` which one a line is, so each rule can be read, tested and changed on its own.
Rule = tuple[str, re.Pattern[str]]


class NotAnArticle(ValueError):
    """The text is not one article; the message says why in a few words."""


def check_article(text: str) -> None:
    if len(text) > MAX_CHARS:
        raise NotAnArticle(
            f"too large for an article ({len(text) / 1e6:.1f} million characters; the limit is "
            f"{MAX_CHARS / 1e6:.0f} million)"
        )
    if not text or text.isspace():
        raise NotAnArticle("empty file")
    hint = "ead more" in text or "ead More" in text or "EAD MORE" in text
    links = len(_READ_MORE.findall(text)) if hint else 0
    if links >= 2:
        raise NotAnArticle(
            f"a listing page of {links} truncated articles ('Read More' links), not one article"
        )


def paragraphs(lines: list[str]) -> str:
    """Join body lines into the body text: one paragraph a line, blank lines between paragraphs,
    consecutive bullet items on consecutive lines."""
    joined = "\n\n".join(lines)
    if not any(map(joined.__contains__, _BULLETS)):
        return joined  # no bullet anywhere (most articles): paragraphs apart by blank lines
    out: list[str] = []
    prev_bullet = False
    for line in lines:
        is_bullet = line.lstrip()[:1] in _BULLETS and bool(_BULLET.match(line))
        if is_bullet:
            line = "• " + _BULLET.sub("", line, count=1)
        if out:
            out.append("\n" if is_bullet and prev_bullet else "\n\n")
        out.append(line)
        prev_bullet = is_bullet
    return "".join(out)


def split_glued(tags: str) -> list[str]:
    """`Vladimir PutinDonald TrumpRussia` -> ['Vladimir Putin', 'Donald Trump', 'Russia']."""
    parts = re.split(r"(?<=[a-z0-9)])(?=[A-Z])", tags.strip())
    return [p.strip(" ,;") for p in parts if p.strip(" ,;")]


def short_title(body: str, limit: int = 120) -> str:
    """A headline made from the first sentence, for articles that come without one."""
    first = body.strip().split("\n", 1)[0]
    m = re.match(r"(.{20,}?[.!?])(?:\s|$)", first)
    title = m.group(1) if m else first
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


def first_rule(rules: tuple[Rule, ...], line: str) -> str | None:
    """The name of the first rule whose pattern matches the whole of `line`, else None."""
    return next((name for name, pattern in rules if pattern.fullmatch(line)), None)
