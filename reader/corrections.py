"""The user's corrections of the extractor's claims: a claim it missed, added by hand, and where a
claim starts and ends.

Both are kept in the user's annotation of the claim (see model.Annotation: `added`, `span`), so
they are saved, journalled, exported and undone like a tag, and they follow the text when the
article is ingested again (see anchoring.py). `as_seen` is the one rule for the claims a user
sees: the reader, the claims list and the export all take them from here.
"""

from __future__ import annotations

import dataclasses
import re

from .ids import added_claim_id
from .model import Annotation, Article, Claim

ELLIPSIS = re.compile(r"\s*(?:\.\.\.|…)\s*")
QUOTES = "\"“”„«»‘’'"


def as_seen(article: Article, notes: dict[str, Annotation]) -> Article:
    """The article with one annotator's corrections applied: each corrected span in place of the
    extracted one, and the claims they added. `notes` are that annotator's, by claim id."""
    claims = [corrected(c, notes.get(c.id), article.body) for c in article.claims]
    claims += [corrected(added_claim(a), a, article.body) for a in notes.values() if a.added and not a.orphaned]
    return dataclasses.replace(article, claims=claims)


def reshapes(note: Annotation) -> bool:
    """Whether an annotation changes its article's claims as its annotator sees them (as_seen):
    an extent corrected, a claim added."""
    return bool(note.span) or bool(note.added and not note.orphaned)


def corrected(claim: Claim, note: Annotation | None, body: str) -> Claim:
    """The claim with the annotator's span where they gave one (and it still holds its text)."""
    span = note.span if note is not None else None
    if not span or body[span["start"]:span["end"]] != span["text"]:
        return claim
    return dataclasses.replace(claim, start=span["start"], end=span["end"], text=span["text"], editorial=())


def added_claim(note: Annotation) -> Claim:
    """The claim an annotator added, as the reader shows it (who said it is their `speaker`)."""
    return Claim(id=note.claim_id, kind=note.added or "reported", text=note.text, start=note.start,
                 end=note.end, confidence=1.0, rule="added")


def new_claim(article: Article, annotator: str, start: int, end: int) -> Claim:
    """A claim the annotator adds over body[start:end]: a quote when the words are in quote marks."""
    text = article.body[start:end]
    kind = "quote" if len(text) > 1 and text[0] in QUOTES and text[-1] in QUOTES else "reported"
    return Claim(id=added_claim_id(article.id, annotator, start, end), kind=kind, text=text, start=start,
                 end=end, confidence=1.0, rule="added")


def span_change(extracted: Claim, body: str, start: int, end: int) -> dict | None:
    """The `span` of an annotation for a claim now running from start to end (None: as found)."""
    if (start, end) == (extracted.start, extracted.end):
        return None
    return {"start": start, "end": end, "text": body[start:end]}


def locate(body: str, words: str, near: int = 0) -> tuple[int, int] | None:
    """Where the words a user typed are in the body, nearest to `near`: the words as they are
    (spaces and line breaks match any run of white space), or "first words … last words" for a
    longer span (the first `last words` after the first words). None if they are not there."""
    parts = [p for p in ELLIPSIS.split(words.strip()) if p]
    if not parts or len(parts) > 2:
        return None
    spans = [(m.start(), m.end()) for m in _pattern(parts[0]).finditer(body)]
    if len(parts) == 2:
        tail = _pattern(parts[1])
        spans = [(s, m.end()) for s, e in spans if (m := tail.search(body, e)) is not None]
    if not spans:
        return None
    return min(spans, key=lambda span: (abs(span[0] - near), span[0]))


def relocate(body: str, text: str, start: int) -> tuple[int, int] | None:
    """A span's text in a changed body: where it was, else its occurrence nearest to where it was."""
    if not text:
        return None
    found, at = [], body.find(text)
    while at >= 0:
        found.append(at)
        at = body.find(text, at + 1)
    if not found:
        return None
    best = min(found, key=lambda a: (abs(a - start), a))
    return best, best + len(text)


def _pattern(words: str) -> re.Pattern:
    return re.compile(r"\s+".join(re.escape(w) for w in words.split()))
