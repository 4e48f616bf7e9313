"""Stable ids derived from content.

An article's id comes from its headline and publication time (or, without a time, the start of
its body), so the same article ingested twice gets the same id and an edited body keeps it.
A claim's id comes from its article, kind and text, so a claim keeps its id (and its
annotation) when the article around it changes.
"""

from __future__ import annotations

import hashlib

from .model import Claim, Document, nest

# Bump when parsing or extraction changes, so re-ingesting a file refreshes its claims.
EXTRACTOR_VERSION = "5"


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_id(doc: Document) -> str:
    when = doc.published.isoformat() if doc.published else doc.body[:300]
    return _hash(" ".join(doc.title.split()).casefold(), when)


def derived_id(article: str, path: str) -> str:
    """The id of a second, different article that shares the first one's headline and date."""
    return _hash(article, path)


def fingerprint(text: str) -> str:
    return _hash(EXTRACTOR_VERSION, text)


def file_digest(data: bytes) -> str:
    """A file's bytes as this release reads them: the same digest means nothing to extract again."""
    return hashlib.sha256(EXTRACTOR_VERSION.encode() + b"\x1f" + data).hexdigest()[:32]


def claim_ids(article: str, claims: list[Claim]) -> list[Claim]:
    seen: dict[tuple[str, str, str], int] = {}
    for c in claims:
        key = (c.part, c.kind, c.text)
        n = seen.get(key, 0)
        seen[key] = n + 1
        parts = (article, c.kind, c.text, str(n)) if c.part == "body" else (article, c.part, c.kind, c.text, str(n))
        c.id = _hash(*parts)
    return nest(claims)


def added_claim_id(article: str, annotator: str, start: int, end: int) -> str:
    """The id of a claim an annotator added by hand (see corrections.py): theirs, and stable."""
    return _hash("added", article, annotator, str(start), str(end))


def row_key(*parts: str) -> str:
    """A TinyDB document id (a decimal number) for a row known by its parts: an annotation by its
    claim and annotator, a read mark by its article and annotator."""
    return str(int(_hash(*parts)[:15], 16) + 1)


def orphan_id(article: str, text: str, start: int) -> str:
    """The id an imported annotation keeps when its claim cannot be found: stable, so that the
    same file imported twice gives the same row."""
    return "orphan-" + _hash("orphan", article, text, str(start))
