"""How an article's body divides into plain text, claims and editor's notes, for display.

Pure data: the TUI and `newsreader show` both draw from this, each in its own way.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .model import Article, Claim, Document
from .rows import outlet_of


@dataclass(frozen=True, slots=True)
class Segment:
    start: int
    end: int
    claim: Claim | None
    editorial: bool


def _cuts(body: str, claims: list[Claim], notes: list[tuple[int, int]]) -> list[int]:
    """Every place a claim or a note starts or ends, with the body's ends, in order."""
    cuts = {0, len(body)}
    for c in claims:
        cuts.update((c.start, c.end))
    for s, e in notes:
        cuts.update((s, e))
    return sorted(p for p in cuts if 0 <= p <= len(body))


def segments(article: Article) -> list[Segment]:
    """The body cut at every claim and editorial boundary, covering it end to end. Where claims
    nest, the innermost shows: a quote inside a reported statement is drawn as a quote."""
    claims = sorted((c for c in article.claims if c.part == "body"), key=lambda c: (c.start, -c.end))
    notes = list(article.editorial) + [s for c in claims for s in c.editorial]
    out: list[Segment] = []
    ci = 0
    covering: list[Claim] = []  # the claims covering the current point, outermost first
    for a, b in itertools.pairwise(_cuts(article.body, claims, notes)):
        covering = [c for c in covering if c.end > a]
        while ci < len(claims) and claims[ci].start <= a:
            if claims[ci].end > a:
                covering.append(claims[ci])
            ci += 1
        out.append(Segment(a, b, covering[-1] if covering else None, any(s <= a < e for s, e in notes)))
    return out


def claim_order(claims: list[Claim]) -> list[Claim]:
    """The order claims are read and listed in: the headline's, then the body's by position (a
    statement before the quotes inside it)."""
    return sorted(claims, key=lambda c: (c.part != "title", c.start, -c.end))


def claim_at(claims: list[Claim], offset: int) -> int | None:
    """The position in `claims` of the innermost body claim holding a body offset (the one drawn
    there, as in segments), or None outside every claim."""
    best = None
    for i, c in enumerate(claims):
        if c.part == "body" and c.start <= offset < c.end:
            if best is None or c.end - c.start < claims[best].end - claims[best].start:
                best = i
    return best


def speaker_order(claims: list[Claim], speaker=lambda c: c.speaker) -> dict[str, int]:
    """Each speaker's index in order of first appearance (for a stable colour per speaker).
    Sources (outlets a story came through) are not speakers. `speaker(claim)` says who said a
    claim (the reader passes the rule that puts the user's correction first)."""
    order: dict[str, int] = {}
    for c in claims:
        name = speaker(c)
        if name and c.kind != "source" and name not in order:
            order[name] = len(order)
    return order


def byline(doc: Document) -> str:
    """Author, outlet, section and when, as the reader and `newsreader show` both print them:
    "Stanislav Pohorilov · Ukrainska Pravda · All Sections · Mon 5 May 2025, 13:16 (+03:00)"."""
    parts = [p for p in (doc.author, outlet_of(doc), doc.section) if p]
    if doc.published:
        when = doc.published.strftime("%a %-d %b %Y")
        if not doc.date_only:
            offset = doc.published.strftime("%z")
            when += doc.published.strftime(", %H:%M") + (f" ({offset[:3]}:{offset[3:]})" if offset else "")
        parts.append(when)
    return " · ".join(parts)
