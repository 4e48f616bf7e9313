"""Layout parsers: clean article text in, a `Document` out.

`parse` tries the Ukrainska Pravda layout first and falls back to the generic plain-text
reading (headline on the first line, then paragraphs).
"""

from __future__ import annotations

from ..model import Document
from . import plain, up
from .common import NotAnArticle, check_article

__all__ = ["NotAnArticle", "parse"]


def parse(text: str) -> Document:
    """Read clean text as an article. Raises NotAnArticle with a one-line reason."""
    check_article(text)
    doc = up.parse(text) if up.detect(text) else plain.parse(text)
    if not doc.body.strip():
        raise NotAnArticle("no article text after the headline")
    return doc
