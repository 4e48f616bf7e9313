"""Every speaker across the store (the speakers view), with the names that are one person merged:
within an article the extractor already names a speaker the same way each time ("Peskov" after
"Dmitry Peskov"); across articles a capitalised name of one word is the one full name of the store that
ends with it, where there is exactly one. Per speaker: the roles seen, the claims, the tags' share,
first and last seen, the outlets.

The user's own merges and splits (Store.speaker_names) go over the automatic ones. `Names` is
the one rule of which person a name stands for: the speakers view, the claims view's `speaker:`,
the statistics and the exports ask it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from .claims_db import key_of
from .claims_view import ClaimRow
from .dates import week_of
from .model import speaker_of
from .query import has_words
from .rows import outlet_of
from .states import claim_state


@dataclass(slots=True)
class Speaker:
    name: str
    aliases: set[str] = field(default_factory=set)  # the other names merged into this one
    roles: Counter = field(default_factory=Counter)
    claims: int = 0
    tags: Counter = field(default_factory=Counter)  # states.ClaimState keys
    first: date | None = None
    last: date | None = None
    outlets: Counter = field(default_factory=Counter)
    weeks: Counter = field(default_factory=Counter)  # claims by the week of their article's date (dates.week_of)


def canonical_names(names: set[str]) -> dict[str, str]:
    """Each name's key to the name it is merged into: a one-word name (capitalised: a name, not a
    word) to the one full name that ends with it (where exactly one does), every other name to
    itself (case and spaces aside)."""
    full: dict[str, list[str]] = {}
    for name in names:
        words = key_of(name).split()
        if len(words) > 1:
            full.setdefault(words[-1], []).append(name)
    out = {}
    for name in names:
        key = key_of(name)
        proper = name.strip()[:1].isupper()  # (a name, not a word such as "data" or "officials")
        matches = full.get(key, []) if " " not in key and proper else []
        out[key] = matches[0] if len({key_of(m) for m in matches}) == 1 else name
    return out


class Names:
    """Which person each speaker's name stands for: the automatic merges of canonical_names over
    `names` (every name of the store; or a function that reads them, when first needed), then
    `by_hand`, the user's own merges (a name's key to the name it is one person with) and splits
    (to None: the name stands for itself)."""

    def __init__(self, names, by_hand: dict[str, str | None] | None = None) -> None:
        self._names, self._auto = names, None
        self.by_hand = by_hand or {}

    @property
    def auto(self) -> dict[str, str]:
        if self._auto is None:
            self._auto = canonical_names(set(self._names() if callable(self._names) else self._names))
        return self._auto

    def person(self, name: str | None) -> str | None:
        if not name:
            return name
        key = key_of(name)
        if key in self.by_hand:
            into = self.by_hand[key]
            return name if into is None else into
        return self.auto.get(key, name)

    def merged(self) -> dict[str, str]:
        """Every name that stands for another person than itself, to that person."""
        found = {k: self.person(k) for k in set(self.auto) | set(self.by_hand)}
        return {k: p for k, p in found.items() if key_of(p) != k}

    def matches(self, name: str | None, wanted: str) -> bool:
        """Whether `speaker:wanted` asks for a claim of this name: its words, or its person's."""
        return bool(name) and (has_words(name, wanted) or has_words(self.person(name), wanted))


def names_of(store, annotator: str | None = None) -> Names:
    """The store's names as one annotator (you, by default) merged them."""
    return Names(store.speaker_names_seen, store.speaker_names(annotator))


class People:
    """Whom a speaker's name stands for as each annotator merged the store's names (the exports:
    each annotation's speaker as its own annotator sees them; a claim's as you do)."""

    def __init__(self, store) -> None:
        self.store, self._seen, self._names = store, None, {}

    def person(self, speaker: str | None, annotator: str | None = None) -> str | None:
        who = annotator or self.store.annotator
        names = self._names.get(who)
        if names is None:
            names = self._names[who] = Names(self._every_name, self.store.speaker_names(who))
        return names.person(speaker)

    def _every_name(self) -> set[str]:
        if self._seen is None:
            self._seen = self.store.speaker_names_seen()
        return self._seen


def roster(rows: list[ClaimRow], by_hand: dict[str, str | None] | None = None) -> list[Speaker]:
    """The speakers of these claims, most claims first, merged by Names (`by_hand`: see there)."""
    said = [(r, speaker_of(r.claim, r.note)) for r in rows]
    names = Names({name for _, name in said if name}, by_hand)
    speakers: dict[str, Speaker] = {}
    for row, name in said:
        if not name:
            continue
        target = names.person(name)
        s = speakers.setdefault(key_of(target), Speaker(target))
        if key_of(name) != key_of(target):
            s.aliases.add(name)
        count_row(s, row)
    return sorted(speakers.values(), key=lambda s: (-s.claims, s.name.casefold()))


def count_row(s: Speaker, row: ClaimRow) -> None:
    s.claims += 1
    s.tags[claim_state(row.note).key] += 1
    if row.claim.role:
        s.roles[row.claim.role] += 1
    outlet = outlet_of(row.article.doc)
    if outlet:
        s.outlets[outlet] += 1
    published = row.article.doc.published
    if published:
        day = published.date()
        s.weeks[week_of(day)] += 1
        s.first = min(s.first, day) if s.first else day
        s.last = max(s.last, day) if s.last else day
