"""Which stored article a file is: the same article again (its id kept across edits of its
headline), another article with the same headline and date, or a byte-for-byte copy."""

from __future__ import annotations

import os

from .ids import claim_ids, derived_id
from .model import Article
from .summary import IngestReport


def identify(article: Article, known) -> tuple[Article, dict | None]:
    """The article as the store knows it (its id kept across edits) and its summary as stored.
    `known` looks stored articles up: `get(id)` their summary (a dict), `path_id(path)` the id
    of the article a file became."""
    old = known.get(article.id)
    if old is not None and other_file(old, article):
        # Another file with the same headline and date but other text: a different
        # article, never an update of the first.
        article = renumber(article, derived_id(article.id, article.path))
        old = known.get(article.id)
    if old is None and article.path not in ("", "-"):
        stored = known.path_id(article.path)
        if stored is not None:
            article = renumber(article, stored)
            old = known.get(article.id)
    return article, old


def other_file(old: dict, article: Article) -> bool:
    return (
        old.get("fingerprint") != article.fingerprint
        and article.path not in ("", "-")
        and old.get("path") not in ("", "-", article.path)
    )


def same_text(report: IngestReport, stored: str, path: str) -> None:
    """A file with the text of a stored article (read from `stored`): that file again
    (unchanged), or another file, a duplicate, not stored twice. A stored file that is gone was
    moved, not copied: unchanged."""
    if stored not in ("", path) and (stored == "-" or os.path.exists(stored)):
        report.duplicates.append((path, stored))
    else:
        report.unchanged.append(path)


def renumber(article: Article, new_id: str) -> Article:
    """The same file ingested again after its headline changed keeps its first id."""
    article.id = new_id
    article.claims = claim_ids(new_id, article.claims)
    return article


class Known:
    """The stored articles (an ArticleDB), as identify looks them up (a batch sees its own writes)."""

    def __init__(self, db) -> None:
        self.db = db

    def get(self, article_id: str) -> dict | None:
        summary = self.db.summary(article_id)
        return summary.to_dict() if summary is not None else None

    def path_id(self, path: str) -> str | None:
        summary = self.db.by_path(path)
        return summary.id if summary is not None else None
