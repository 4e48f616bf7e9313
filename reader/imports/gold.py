"""Gold attributions (brat standoff as in PolNeAR) as an article's claims: pre-annotations that
replace what the extractor found, so that a user can read and correct an existing corpus. The
article is the gold file's text, ingested first where the store does not have it; each gold
content is found in the article's body by its words, with the file's words around it and its
position as the hint (quote_anchor); one not found is refused by name, the others go in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..ids import claim_ids
from ..ingest import ingest
from ..model import Claim
from ..quote_anchor import anchor, quote_at
from ..store import Store
from .readers import Unreadable
from .standoff import ann_files, gold_claims, text_of_ann


@dataclass(slots=True)
class GoldReport:
    articles: int = 0
    claims: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    reanchored: int = 0
    orphaned: int = 0


def import_gold(paths: list[str], store: Store) -> GoldReport:
    report = GoldReport()
    for path in paths:
        try:
            anns = ann_files(Path(path))
        except Unreadable as exc:
            report.refused.append((path, str(exc)))
            continue
        for ann in anns:
            try:
                _one(ann, store, report)
            except (Unreadable, OSError, UnicodeDecodeError) as exc:
                report.refused.append((str(ann), getattr(exc, "strerror", None) or str(exc)))
    return report


def _one(ann: Path, store: Store, report: GoldReport) -> None:
    txt = text_of_ann(ann)
    real = os.path.realpath(txt)
    summary = store.articles.by_path(real)
    if summary is None:
        ingested = ingest([str(txt)], store, parallel=False)
        if ingested.refused:
            raise Unreadable(f"its article {txt} could not be ingested: {ingested.refused[0][1]}")
        summary = store.articles.by_path(real)
    article = store.article(summary.id)
    file_text = txt.read_text(encoding="utf-8")
    shift = max(0, file_text.find(article.body[:40]))  # where the body starts in the file
    claims = []
    for g in gold_claims(ann, file_text):
        where = anchor(article.body, quote_at(file_text, g.start, g.end, g.start - shift))
        if where is None:
            report.refused.append((f"{ann}: {g.text[:60]}", "its words are not in the article as stored"))
            continue
        claims.append(Claim(id="", kind=g.kind, text=article.body[where[0]:where[1]], start=where[0], end=where[1],
                            speaker=g.source or None, mention=g.source or None, confidence=1.0, rule="gold"))
    article.claims = claim_ids(article.id, sorted(claims, key=lambda c: (c.start, c.end)))
    done = store.replace_claims(article)
    report.articles += 1
    report.claims += len(claims)
    report.reanchored += done.reanchored
    report.orphaned += done.orphaned
