"""What a claim's confidence means: measured, not guessed.

The rules give each claim a raw score (the rule's confidence times how sure the speaker's
resolution is). `bench/calibrate.py` measures, on gold articles, how often the claims of each rule
at each raw score are right (span and speaker both), and writes `calibration.json`: for each
(rule, raw score) seen often enough, the measured share right. `apply` turns that share into the
confidence a user sees, on one documented scale:

    confidence >= 0.8   right at least 95% of the time (trust it)
    0.5 - 0.8           right 60-95% of the time (worth a look)
    below 0.5           right less than 60% of the time (check it: the reader marks it doubtful)

A (rule, score) the table does not know keeps its rule's measured share, else its raw score
scaled the same way. Pure: the table is read once, at import.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from ..model import Annotation, Claim

DOUBTFUL = 0.5  # below this, the reader marks a claim for checking first
TRUSTED = 0.8  # at or above this, claims were right at least 95% of the time
# (measured share right, confidence) points of the scale; linear between them.
SCALE = ((0.0, 0.0), (0.6, DOUBTFUL), (0.95, TRUSTED), (1.0, 1.0))


def _load() -> dict:
    try:
        return json.loads((Path(__file__).parent / "calibration.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


TABLE: dict = _load()  # {"rules": {rule: share}, "scores": {"rule|raw": share}}


def scaled(share: float) -> float:
    """A measured share right as a confidence on the scale above."""
    for (a, ca), (b, cb) in itertools.pairwise(SCALE):
        if share <= b:
            return round(ca + (cb - ca) * (share - a) / (b - a), 2)
    return 1.0


def key(rule: str, raw: float) -> str:
    return f"{rule}|{raw:.2f}"


def confidence(rule: str, raw: float, table: dict | None = None) -> float:
    table = TABLE if table is None else table
    share = table.get("scores", {}).get(key(rule, raw))
    if share is None:
        share = table.get("rules", {}).get(rule)
    return scaled(share) if share is not None else raw


_KNOWN: dict[tuple[str, float], float] = {}  # (rule, raw) -> confidence, with the shipped table


def apply(claims: list[Claim], table: dict | None = None) -> list[Claim]:
    """Every claim's raw score replaced by its calibrated confidence."""
    known = _KNOWN if table is None and TABLE else {}
    for c in claims:
        k = (c.rule, c.confidence)
        found = known.get(k)
        if found is None:
            found = known[k] = confidence(c.rule, c.confidence, table)
        c.confidence = found
    return claims


def doubtful(claim: Claim, annotation: Annotation | None) -> bool:
    """An attribution to check first: the extractor was unsure (below DOUBTFUL) and nobody has
    judged or corrected it yet. The one rule for the reader's marks and its `!` key."""
    return claim.confidence < DOUBTFUL and not (annotation and settles(annotation))


def settles(annotation: Annotation) -> bool:
    """Whether an annotation answers the extractor's doubt: judged, or its speaker corrected."""
    return bool(annotation.done or annotation.speaker)
