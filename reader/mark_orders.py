"""The library's orders by your marks (progress, read) served by indexes, however big the store.

Sorting a million articles by your progress would read every one of them. But an article you
have not touched (no row in `mine`, see listing.py) has keys that are its own columns: its
progress is 0 (1.0 without statements) and comes with its number of statements; it is unread,
and comes by its date. So the order is a few segments: the untouched articles of one first key
in an index's order, merged by SQLite (MERGE (UNION ALL)) with those of yours that have that
key, and your other articles (a few) between them. The keys are those of listing.ORDERS: this
module only reads them faster.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Group:
    """The untouched articles whose first key is `value`: those that `untouched` keeps."""

    value: float
    untouched: str


@dataclass(frozen=True)
class Split:
    first: str  # the first key, as listing.ORDERS has it (for your articles)
    rest: tuple[str, ...]  # the other keys, for your articles
    untouched_rest: tuple[str, ...]  # the same keys for an untouched article (an index's columns)
    groups: tuple[Group, ...]  # by value, lowest first
    untagged: str  # which untouched articles have a claim left to tag


@dataclass(frozen=True)
class Segment:
    """Rows next to each other in the order: `sql` lists their numbers (as k) in the order
    (then LIMIT and OFFSET), `count` counts them, `has` says whether article :n is one of them,
    and `before` counts those that come before the article of keys :k0 (the first), :k1... and
    number :n (see keys)."""

    sql: str
    count: str
    has: str
    before: str


def keys(values: tuple, n: int) -> dict:
    """The arguments of `has` and `before` for article n, whose keys (first, rest...) are `values`."""
    return {"n": n, **{f"k{i}": v for i, v in enumerate(values)}}


# (CROSS JOIN: your few rows first, then each one's article; SQLite would otherwise read every
# article and look for it among yours)
def segments(split: Split, untagged: bool, mine_untagged: str, reverse: bool) -> list[Segment]:
    """The segments of the order, first to last."""
    way, before = (" DESC", ">") if reverse else ("", "<")
    mine = f"FROM mine m CROSS JOIN articles a ON a.n = m.n WHERE {mine_untagged if untagged else '1'}"
    out: list[Segment] = []
    below = None
    for group in split.groups:
        between = f"{split.first} < {group.value}" + (f" AND {split.first} > {below}" if below is not None else "")
        out.append(_mine_only(split, f"{mine} AND {between}", way, before))
        out.append(_merged(split, group, mine, untagged, way, before))
        below = group.value
    out.append(_mine_only(split, f"{mine} AND {split.first} > {below}", way, before))
    return out[::-1] if reverse else out


def _keys(keys: tuple[str, ...]) -> str:
    return f"({', '.join((*keys, 'a.n'))})"


def _places(first: int, count: int) -> str:
    """The named arguments of `count` keys from the `first` (0: the first key), then :n."""
    return f"({', '.join([*(f':k{i}' for i in range(first, first + count)), ':n'])})"


def _mine_only(split: Split, mine: str, way: str, before: str) -> Segment:
    keys = (split.first, *split.rest)
    order = ", ".join(f"{k}{way}" for k in (*keys, "a.n"))
    return Segment(f"SELECT a.n AS k {mine} ORDER BY {order} LIMIT ? OFFSET ?", f"SELECT count(*) {mine}",
                   f"SELECT 1 {mine} AND a.n = :n",
                   f"SELECT count(*) {mine} AND {_keys(keys)} {before} {_places(0, len(keys))}")


def _merged(split: Split, group: Group, mine: str, untagged: bool, way: str, before: str) -> Segment:
    held = f"{group.untouched}{f' AND {split.untagged}' if untagged else ''}"  # (what the index answers)
    keep = f"{held} AND a.n NOT IN (SELECT n FROM mine)"
    yours = f"{mine} AND {split.first} = {group.value}"
    names = [f"r{i}" for i in range(len(split.rest))]
    them = ", ".join(f"{k} AS {r}" for k, r in zip(split.untouched_rest, names, strict=True))
    order = ", ".join(f"{r}{way}" for r in (*names, "k"))
    places = _places(1, len(split.rest))  # (the first key is the group's value)
    ahead = f"{_keys(split.untouched_rest)} {before} {places}"
    # Untouched articles are counted as the index's rows less yours (a few), not one by one.
    untouched = (f"(SELECT count(*) FROM articles a WHERE {held}{{more}}) - "
                 f"(SELECT count(*) FROM mine m CROSS JOIN articles a ON a.n = m.n WHERE {held}{{more}})")
    return Segment(
        f"SELECT a.n AS k, {them} FROM articles a WHERE {keep} UNION ALL SELECT a.n, {', '.join(split.rest)} {yours} "
        f"ORDER BY {order} LIMIT ? OFFSET ?",
        f"SELECT {untouched.format(more='')} + (SELECT count(*) {yours})",
        f"SELECT 1 FROM articles a WHERE {keep} AND a.n = :n UNION ALL SELECT 1 {yours} AND a.n = :n",
        f"SELECT {untouched.format(more=f' AND {ahead}')} + "
        f"(SELECT count(*) {yours} AND {_keys(split.rest)} {before} {places})")


def window(counts: list[int], offset: int, limit: int) -> list[tuple[int, int, int]]:
    """(segment, offset in it, how many) for the rows offset to offset + limit - 1 of segments
    of these sizes, one after the other."""
    out = []
    start = 0
    for i, n in enumerate(counts):
        lo, hi = max(offset, start), min(offset + limit, start + n)
        if lo < hi:
            out.append((i, lo - start, hi - lo))
        start += n
    return out
