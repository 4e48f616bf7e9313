"""Every claim of the store in one list, as the claims view shows it: each claim as you see it
(your corrections), with your annotation and who else annotated it; chosen by the query
language and sorted by any column.

These are the core's rows, read whole into memory (the statistics, the reshaped articles of
claim_listing, and the reference the database's answers are held to); the claims view itself
reads a million claims a page at a time (claim_listing, claim_pages).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .claim_items import annotators_of, item_of
from .corrections import as_seen
from .marks import claim_order
from .model import Annotation, Article, Claim, speaker_of
from .query import EVERYTHING, Item, matches
from .rows import outlet_of
from .states import claim_state


@dataclass(slots=True)
class ClaimRow:
    article: Article  # as you see it (your corrections)
    claim: Claim
    note: Annotation | None
    annotators: frozenset[str] = field(default_factory=frozenset)
    index: int = 0  # where the claim is in the reader's list of this article's claims

    def item(self, names=None) -> Item:
        return item_of(self.article, self.claim, self.note, self.annotators, names)

    @property
    def key(self) -> tuple[str, str]:
        return self.article.id, self.claim.id


def rows_of(store) -> list[ClaimRow]:
    """Every claim of every article, in the library's order and each article's reading order."""
    return [row for s in store.summaries() for row in article_rows(store, s.id)]


def article_rows(store, article_id: str) -> list[ClaimRow]:
    """One article's claims as you see them, in reading order (what rows_of lists for it)."""
    notes = store.annotations(article_id)
    article = as_seen(store.article(article_id), notes)
    who = annotators_of(store, article_id)
    return [ClaimRow(article, c, notes.get(c.id), frozenset(who.get(c.id, ())), i)
            for i, c in enumerate(claim_order(article.claims))]


def _date(r: ClaimRow) -> str:
    published = r.article.doc.published
    return published.isoformat() if published else ""


# The columns a list is sorted by: each one's key of a row.
SORTS = {
    "date": _date,
    "outlet": lambda r: (outlet_of(r.article.doc) or "").casefold(),
    "speaker": lambda r: (speaker_of(r.claim, r.note) or "").casefold(),
    "kind": lambda r: r.claim.kind,
    "claim": lambda r: r.claim.text.casefold(),
    "tag": lambda r: claim_state(r.note).key,
    "conf": lambda r: r.claim.confidence,
}
ORDER = tuple(SORTS)


def chosen(rows: list[ClaimRow], query=EVERYTHING, order: str = "date", reverse: bool = True,
           names=None) -> list[ClaimRow]:
    """The rows the query asks for, sorted by a column (ties keep the library's order); `names`
    (roster.Names): whom each speaker's name stands for."""
    picked = [r for r in rows if query is EVERYTHING or matches(query, r.item(names))]
    return sorted(picked, key=SORTS[order], reverse=reverse)
