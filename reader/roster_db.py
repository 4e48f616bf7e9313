"""The speakers view at a million claims: the same Speakers as roster.roster (tests hold the two
together), counted by SQLite over the claims table (claims_db) with the annotations laid over it
(claim_listing): one pass over the claims grouped by speaker, role and outlet; your tags from
`noted`; the claims whose speaker you corrected, and your reshaped articles' rows, one by one."""

from __future__ import annotations

from collections import Counter

from .claim_arms import UNTAGGED
from .claims_db import key_of
from .claims_sql import FIRST_DATED, as_json
from .dates import week_of
from .model import speaker_of
from .packing import day_of_key
from .roster import Speaker, count_row

_AS_EXTRACTED = "c.k NOT IN (SELECT k FROM noted WHERE speaker IS NOT NULL OR shaped)"
_GROUPS = f"""
SELECT c.speaker_key, c.role, c.outlet_key, count(*),
    min(CASE WHEN c.date_key >= {FIRST_DATED} THEN c.date_key END), max(c.date_key)
FROM claims c WHERE c.speaker_key != '' AND {_AS_EXTRACTED} GROUP BY 1, 2, 3
"""


class _Roster:
    def __init__(self, listing) -> None:
        self.run = listing.run
        self.names = listing.names
        self.speakers: dict[str, Speaker] = {}
        self.named = {}  # a speaker's key to the name the claims give it first
        for (name,) in self.run("SELECT name FROM speakers ORDER BY n"):
            self.named.setdefault(key_of(name), name)
        self.outlets = {key: (outlet or "").strip() or None
                        for key, outlet in self.run("SELECT DISTINCT outlet_key, outlet FROM articles")}

    def speaker(self, name: str) -> Speaker:
        person = self.names.person(name)
        s = self.speakers.setdefault(key_of(person), Speaker(person))
        if key_of(name) != key_of(person):
            s.aliases.add(name)
        return s

    def add(self, name: str, role: str | None, outlet_key: str, n: int, first: int | None, last: int) -> None:
        s = self.speaker(name)
        s.claims += n
        if role:
            s.roles[role] += n
        outlet = self.outlets.get(outlet_key)
        if outlet:
            s.outlets[outlet] += n
        for day in (day_of_key(first) if first else None, day_of_key(last)):
            if day is not None:
                s.first = min(s.first, day) if s.first else day
                s.last = max(s.last, day) if s.last else day


def roster_of(listing) -> list[Speaker]:
    """Every speaker across the store, most claims first (listing: a ClaimListing laid over)."""
    r = _Roster(listing)
    for key, role, outlet, n, first, last in r.run(_GROUPS):
        r.add(r.named.get(key, key), role, outlet, n, first, last)
    for name, role, outlet, key in r.run("SELECT speaker, role, outlet_key, date_key FROM noted "
                                         "WHERE speaker IS NOT NULL AND NOT shaped"):
        r.add(name, role, outlet, 1, key if key >= FIRST_DATED else None, key)
    for key, speaker, state, n in r.run("SELECT speaker_key, speaker, state, count(*) FROM noted "
                                        f"WHERE NOT shaped AND state != '{UNTAGGED}' GROUP BY 1, 2, 3"):
        r.speaker(speaker or r.named.get(key, key)).tags[state] += n
    for row in listing.shaped_rows():
        name = speaker_of(row.claim, row.note)
        if name:
            count_row(r.speaker(name), row)
    for s in r.speakers.values():
        s.tags[UNTAGGED] += s.claims - sum(s.tags.values())
        if not s.tags[UNTAGGED]:
            del s.tags[UNTAGGED]
    return sorted(r.speakers.values(), key=lambda s: (-s.claims, s.name.casefold()))


def weeks_of(listing, s: Speaker) -> Counter:
    """A speaker's claims by week (of their articles' dates), for the chart of the one shown."""
    keys = sorted({key_of(n) for n in (s.name, *s.aliases)})
    weeks: Counter = Counter()
    for (key,) in listing.run(
            f"SELECT c.date_key FROM claims c WHERE c.speaker_key IN (SELECT value FROM json_each(?)) AND {_AS_EXTRACTED}",
            (as_json(keys),)):
        if key >= FIRST_DATED:
            weeks[week_of(day_of_key(key))] += 1
    for name, key in listing.run("SELECT speaker, date_key FROM noted WHERE speaker IS NOT NULL AND NOT shaped"):
        if key_of(name) in keys and key >= FIRST_DATED:
            weeks[week_of(day_of_key(key))] += 1
    for row in listing.shaped_rows():
        name, published = speaker_of(row.claim, row.note), row.article.doc.published
        if name and key_of(name) in keys and published:
            weeks[week_of(published.date())] += 1
    return weeks


def articles_of(listing) -> int:
    """How many articles the roster's claims are in (those with claims)."""
    return listing.run("SELECT count(*) FROM (SELECT DISTINCT article FROM claims)")[0][0]
