"""Layout parsers: clean article text in, a `Document` out.

Each layout is a module with a `NAME`, a `detect(text)` that says whether the text is in its
layout, and a `parse(text)` that reads it (the `Layout` protocol). `LAYOUTS` is tried in order:
the first that detects the text reads it; the plain-text reading (headline on the first line,
then paragraphs) comes last and takes anything. A new outlet's layout is a new module in this
list, not a new branch.
"""

from __future__ import annotations

from typing import Protocol

from ..model import Document
from . import plain, up
from .common import NotAnArticle, check_article

__all__ = ["LAYOUTS", "Layout", "NotAnArticle", "parse"]


class Layout(Protocol):
    NAME: str

    def detect(self, text: str) -> bool: ...

    def parse(self, text: str) -> Document: ...


LAYOUTS: tuple[Layout, ...] = (up, plain)


def layout_of(text: str) -> Layout:
    """The first layout of LAYOUTS that detects the text (plain, last, detects anything)."""
    return next(layout for layout in LAYOUTS if layout.detect(text))


def parse(text: str) -> Document:
    """Read clean text as an article. Raises NotAnArticle with a one-line reason."""
    check_article(text)
    doc = layout_of(text).parse(text)
    if not doc.body.strip():
        raise NotAnArticle("no article text after the headline")
    return doc
