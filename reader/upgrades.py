"""Store files written by an older newsreader, brought up to the current schema as they are read.

Each upgrade takes a file's data at one schema to the next; the file itself is rewritten (with a
`.bak` of the old one) only at its next save, so merely reading a store never changes it.
"""

from __future__ import annotations

from collections.abc import Callable

from .ids import row_key

# The schema each kind of file is written with now.
CURRENT = {"library": 1, "articles": 1, "annotations": 2}


def _annotations_1_to_2(data: dict) -> dict:
    """Schema 1 kept one annotation per claim; schema 2 keeps one per claim and annotator, so two
    people's judgements of a claim never overwrite each other. Rows are keyed anew."""
    for name in [n for n in data if n.startswith("a-")]:
        data[name] = {row_key(r["claim_id"], r["annotator"]): r for r in data[name].values()}
    return data


UPGRADES: dict[tuple[str, int], Callable[[dict], dict]] = {
    ("annotations", 1): _annotations_1_to_2,
}


def upgrade(data: dict, kind: str) -> dict:
    meta = data["meta"]["1"]
    while meta["schema"] < CURRENT[kind]:
        data = UPGRADES[(kind, meta["schema"])](data)
        meta["schema"] += 1
    return data
