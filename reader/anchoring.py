"""Annotations follow their claims when an article's text changes: each annotation row carries
its claim's text and position, and is moved to the claim most like it, or kept as an orphan."""

from __future__ import annotations

import difflib

from .ids import row_key
from .model import Claim


def reanchor(rows: dict, claims: list[Claim]) -> tuple[int, int, int]:
    """Move each annotator's annotations whose claim is gone to the most similar claim that
    annotator has not annotated; the rest stay as orphans (marked `orphaned`: kept, shown apart
    in the reader, exported as such, never counted in progress), and an orphan whose claim is
    back loses the mark. Changes `rows` in place; returns how many moved, how many stay
    orphaned and how many marks changed. A pure function of the rows and the claims, so running
    it again on its own result changes nothing."""
    ids = {c.id for c in claims}
    annotated = {(r["annotator"], r["claim_id"]) for r in rows.values()}
    moved = orphans = marked = 0
    for key, row in sorted(rows.items(), key=lambda kv: (kv[1]["annotator"], kv[1]["start"], kv[1]["claim_id"])):
        if row["claim_id"] in ids:
            marked += mark(row, False)
            continue
        best = most_like(row, [c for c in claims if (row["annotator"], c.id) not in annotated])
        if best is None:
            orphans += 1
            marked += mark(row, True)
            continue
        del rows[key]
        rows[row_key(best.id, row["annotator"])] = {**row, "claim_id": best.id, "text": best.text,
                                                     "start": best.start, "end": best.end, "orphaned": False}
        annotated.add((row["annotator"], best.id))
        moved += 1
    return moved, orphans, marked


def most_like(row: dict, claims: list[Claim]) -> Claim | None:
    """The claim whose text is most like the annotation's, if it is like enough (75%)."""
    best, best_score = None, 0.0
    for c in claims:
        score = difflib.SequenceMatcher(None, row["text"], c.text, autojunk=False).ratio()
        if score > best_score:
            best, best_score = c, score
    return best if best_score >= 0.75 else None


def mark(row: dict, orphaned: bool) -> int:
    """Set a row's orphan mark; 1 if it changed."""
    if bool(row.get("orphaned")) == orphaned:
        return 0
    row["orphaned"] = orphaned
    return 1
