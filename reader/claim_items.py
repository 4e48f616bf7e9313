"""A claim as the query language sees it (query.Item): the one place its fields are read from
the article, the annotation and the others' annotations, for every view that filters claims."""

from __future__ import annotations

from collections.abc import Iterable

from .extract.calibration import doubtful
from .model import Annotation, Article, Claim, speaker_of
from .query import Item
from .rows import outlet_of


def item_of(article: Article, claim: Claim, note: Annotation | None, annotators: Iterable[str] = (),
            names=None) -> Item:
    """`note` is the viewer's own annotation; `annotators` everyone who annotated the claim;
    `names` (a roster.Names) whom each speaker's name stands for."""
    d = article.doc
    speaker = speaker_of(claim, note)
    return Item(
        text=claim.text, speaker=speaker, person=names.person(speaker) if names else None, role=claim.role, kind=claim.kind,
        tag=note.tag if note else None, not_a_claim=bool(note and note.not_a_claim), doubtful=doubtful(claim, note),
        confidence=claim.confidence, outlet=outlet_of(d), author=d.author,
        published=d.published.date() if d.published else None, annotators=frozenset(annotators),
    )


def annotators_of(store, article_id: str) -> dict[str, set[str]]:
    """Who annotated each claim of an article (claim id to names)."""
    out: dict[str, set[str]] = {}
    for a in store.everyone(article_id):
        out.setdefault(a.claim_id, set()).add(a.annotator)
    return out
