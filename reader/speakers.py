"""Who said what within one article, with the user's corrections first (model.speaker_of): the
claims of a speaker, what renaming one changes, and the names an article gives its speakers."""

from __future__ import annotations

from .changes import normalised
from .model import Annotation, Claim, speaker_of


def claims_by(claims: list[Claim], notes: dict[str, Annotation], speaker: str) -> list[int]:
    """The positions in `claims` of those `speaker` said (by speaker_of: the correction, else the
    extracted name; the names compared exactly). What `W` renames and `>`/`<` walk through."""
    return [i for i, c in enumerate(claims) if speaker_of(c, notes.get(c.id)) == speaker]


def renamed(claims: list[Claim], notes: dict[str, Annotation], speaker: str, new: str | None) -> list[Claim]:
    """The claims `speaker` said whose speaker changes when each is corrected to `new` (an empty
    `new` restores each one's extracted speaker): what `W` changes, and so what it counts."""
    new = normalised("speaker", new)
    return [claims[i] for i in claims_by(claims, notes, speaker) if (new or claims[i].speaker) != speaker]


def speaker_names(claims: list[Claim], notes: dict[str, Annotation]) -> list[str]:
    """Every name an article gives a speaker, extracted or corrected, once each, in order of first
    appearance (extracted before corrected): the names offered when correcting one. Sources
    (the outlets a story came through) are not speakers."""
    names: dict[str, None] = {}
    for c in claims:
        if c.kind != "source":
            note = notes.get(c.id)
            names.update((n, None) for n in (c.speaker, note.speaker if note else None) if n)
    return list(names)
