"""An Incoming record to an annotation row of this store: its article found by id, its words
found again in the article (quote_anchor), and the claim there that they are (the one they cover
most of). Words found where the article has no claim make a claim the annotator added, if they
added it; otherwise, and wherever the words are not found, the row is kept as an orphan.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..formats.items import body_offset, document_text, part_of
from ..ids import added_claim_id, orphan_id
from ..model import ADJUDICATED, Annotation, Article, Claim
from ..quote_anchor import Quote, anchor
from ..text import clean
from .readers import Incoming

ENOUGH_OVERLAP = 0.5  # of the words and the claim together, the share both cover


@dataclass(slots=True)
class Placed:
    row: dict
    how: str  # "anchored", "added claim", "orphaned", "unknown article"


def place(rec: Incoming, annotator: str, article: Article | None, article_id: str) -> Placed:
    """The row for a record (`annotator`: the record's, or the one the user gave for records
    that name none); `article` None when the store does not have it."""
    if article is None:
        return Placed(_orphan(rec, annotator, article_id, rec.quote.start or 0), "unknown article")
    where = _found(rec, article)
    if where is None:
        return Placed(_orphan(rec, annotator, article.id, _hint(rec, article)), "orphaned")
    part, start, end = where
    claim = best_claim(article, part, start, end)
    if claim is not None:
        return Placed(_row(rec, annotator, article, claim, part, start, end), "anchored")
    if rec.added and part == "body":
        kind = rec.kind if rec.kind in ("quote", "reported", "source") else "reported"
        added = Claim(added_claim_id(article.id, annotator, start, end), kind, article.body[start:end], start, end)
        row = _row(rec, annotator, article, added, part, start, end)
        row["added"] = kind
        return Placed(row, "added claim")
    return Placed(_orphan(rec, annotator, article.id, start if part == "body" else 0), "orphaned")


def _hint(rec: Incoming, article: Article) -> int:
    """Where the record says it was, in the body (0 if it does not say)."""
    start = rec.quote.start or 0
    return max(0, start - body_offset(article)) if rec.part == "document" else start


def _found(rec: Incoming, article: Article) -> tuple[str, int, int] | None:
    """Where the words are: (part, start, end)."""
    quote = rec.quote
    if rec.part != "document" and quote.start is not None:  # a position in the headline or the body
        shift = 0 if rec.part == "title" else body_offset(article)
        quote = Quote(quote.exact, quote.prefix, quote.suffix, quote.start + shift)
    span = anchor(document_text(article), quote)
    return part_of(article, *span) if span else None


def best_claim(article: Article, part: str, start: int, end: int) -> Claim | None:
    """The claim of that part the span is: the one it shares most of their words with, if they
    share at least ENOUGH_OVERLAP of them."""
    best, share = None, 0.0
    for c in article.claims:
        if c.part != part:
            continue
        both = min(end, c.end) - max(start, c.start)
        either = max(end, c.end) - min(start, c.start)
        if both > 0 and both / either > share:
            best, share = c, both / either
    return best if share >= ENOUGH_OVERLAP else None


def _row(rec: Incoming, annotator: str, article: Article, claim: Claim, part: str, start: int, end: int) -> dict:
    span = None
    if part == "body" and (start, end) != (claim.start, claim.end):
        span = {"start": start, "end": end, "text": article.body[start:end]}
    speaker = _text(rec.speaker) or None
    a = Annotation(claim_id=claim.id, article_id=article.id, text=claim.text, start=claim.start, end=claim.end,
                   tag=rec.tag, note=_text(rec.note), speaker=None if speaker == claim.speaker else speaker,
                   not_a_claim=rec.not_a_claim and rec.tag is None, annotator=annotator, at=rec.at,
                   within=claim.within, span=span, settled_by=rec.settled_by if annotator == ADJUDICATED else None)
    return a.to_dict()


def _orphan(rec: Incoming, annotator: str, article_id: str, start: int) -> dict:
    text = clean(rec.quote.exact)
    claim_id = rec.claim_id or orphan_id(article_id, text, start)
    a = Annotation(claim_id=claim_id, article_id=article_id, text=text, start=start, end=start + len(text),
                   tag=rec.tag, note=_text(rec.note), speaker=_text(rec.speaker) or None,
                   not_a_claim=rec.not_a_claim and rec.tag is None, annotator=annotator, at=rec.at, orphaned=True)
    return a.to_dict()


def _text(value: str | None) -> str:
    return clean(value or "").strip()
