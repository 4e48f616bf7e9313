"""Annotations follow their claims when an article's text changes: each annotation row carries
its claim's text and position, and is moved to the claim most like it, or kept as an orphan."""

from __future__ import annotations

import difflib

from .corrections import relocate
from .ids import row_key
from .model import Claim


def reanchor(rows: dict, claims: list[Claim], body: str) -> tuple[int, int, int]:
    """Move each annotator's annotations whose claim is gone to the most similar claim that
    annotator has not annotated; the rest stay as orphans (marked `orphaned`: kept, shown apart
    in the reader, exported as such, never counted in progress), and an orphan whose claim is
    back loses the mark. A claim the annotator added, and a span they corrected, follow their
    own text in the new body (see corrections.py). Changes `rows` in place; returns how many
    moved, how many stay orphaned and how many rows changed otherwise. A pure function of the
    rows, the claims and the body, so running it again on its own result changes nothing."""
    ids = {c.id for c in claims}
    annotated = {(r["annotator"], r["claim_id"]) for r in rows.values()}
    moved = orphans = marked = 0
    for key, row in sorted(rows.items(), key=lambda kv: (kv[1]["annotator"], kv[1]["start"], kv[1]["claim_id"])):
        if row.get("added"):
            found, followed = _follow_added(row, body)
            marked += followed
        elif row["claim_id"] in ids:
            found = True
        else:
            best = most_like(row, [c for c in claims if (row["annotator"], c.id) not in annotated])
            found = best is not None
            if found:
                del rows[key]
                row = rows[row_key(best.id, row["annotator"])] = {
                    **row, "claim_id": best.id, "text": best.text, "start": best.start, "end": best.end}
                annotated.add((row["annotator"], best.id))
                moved += 1
        orphans += not found
        marked += mark(row, not found) + (_follow_span(row, body) if found else 0)
    return moved, orphans, marked


def _follow_added(row: dict, body: str) -> tuple[bool, int]:
    """An added claim's text found again in the body, moved with it: whether it is still there,
    and 1 if it moved (a change of the row, to be saved like any other)."""
    where = relocate(body, row["text"], row["start"])
    if where is None:
        return False, 0
    if where == (row["start"], row["end"]):
        return True, 0
    row["start"], row["end"] = where
    return True, 1


def _follow_span(row: dict, body: str) -> int:
    """A corrected span moved with its text; 1 if it moved. A span whose text is gone stays as it
    was (kept and exported, no longer applied: see corrections.corrected)."""
    span = row.get("span")
    where = relocate(body, span["text"], span["start"]) if span else None
    if where is None or where == (span["start"], span["end"]):
        return 0
    row["span"] = {**span, "start": where[0], "end": where[1]}
    return 1


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
