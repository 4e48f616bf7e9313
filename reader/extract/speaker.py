"""A speaker as the rules find one: the name, the role, the registry entry, how sure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    DOCUMENTS,
    NOT_SPEAKER_HEADS,
    QUANTITY_SPEAKERS,
    SHARE_WORDS,
    SPEAKER_NOUNS,
    TRAILING_WORDS,
    WEEKDAY_NAMES,
)
from .names import Entity, source_link


@dataclass(slots=True)
class Speaker:
    name: str | None
    role: str | None
    entity: Entity | None
    confidence: float
    mention: str | None = None  # how the text names the speaker here, when not by the name itself


NOBODY = Speaker(None, None, None, 0.3)

_SHARE = re.compile(r"^(?:\S+\s+){0,3}?(?:percent|per cent|%|in (?:\d+|ten|five|four|three))\s+of\s+(?P<group>.+)$", re.I)


def trails(word: str) -> bool:
    """A word after a name that is not part of it (a capitalised one only if a weekday: "Kristen
    Day" keeps her name)."""
    bare = word.strip(".,;:")
    return (bare.islower() and bare in TRAILING_WORDS) or bare in WEEKDAY_NAMES or word.endswith(("n't", "n’t"))


_PART_OF = re.compile(r"(?i)(?:one|some|all|many|most|each|none|several|few|both|two|three|four|five) of\b")


def unnamed_source(name: str) -> bool:
    """Words that stand for someone who said it without naming them: a share of people ("70 %",
    "Six in 10", "Nearly half"), or a document ("the document said"). The claim stands, with no
    speaker; other words that cannot speak (a rule, an event) make no claim at all."""
    words = name.replace("%", " % ").lower().split()
    if not words:
        return False
    return (words[-1] in SHARE_WORDS or words[-1] in DOCUMENTS or words[-1].isdigit()
            or " in " in f" {name.lower()} " or _PART_OF.match(name) is not None)


def _after_possessive(words: list[str]) -> list[str]:
    """"Xbox's Peter Moore" -> "Peter Moore", "France's Mauresmo" -> "Mauresmo", "Savage's" ->
    "Savage": the name, not whose it is. "Authenti-corp's CEO" stays (a role, not a name)."""
    for k in range(len(words) - 1, -1, -1):
        if words[k].endswith(("'s", "’s")):
            rest = words[k + 1 :]
            if not rest:
                return [*words[:k], words[k][:-2]]
            if all(w[:1].isupper() and not w.isupper() for w in rest):
                return rest
            return words
    return words


def _head(words: list[str]) -> str:
    """The word a speaker's phrase is about: its last, or the one before what ties an unnamed
    source to the story ("officials briefed on the plan" -> "officials")."""
    link = source_link([w.lower() for w in words])
    return words[link - 1] if link else words[-1]


@lru_cache(maxsize=16384)
def speaker_name(name: str | None) -> str | None:
    """The words of a speaker as the extractor found them, as a speaker's name: trailing words
    that are not the name dropped, a share of a group made the group ("24 percent of Republicans"
    -> "Republicans"); None when what is left cannot speak (see NOT_SPEAKER_HEADS). One rule for every
    claim the extractor makes."""
    if not name:
        return None
    share = _SHARE.match(name.replace("%", " % ").strip())
    if share:
        name = share.group("group")
    words = _after_possessive(name.split())
    while words and trails(words[-1]):
        words.pop()
    if not words:
        return None
    return None if _cannot_speak(words, _head(words).strip(".,;:'’")) else " ".join(words)


def _cannot_speak(words: list[str], last: str) -> bool:
    """The words end on what cannot speak: a number or a share ("70 %"), a head of
    NOT_SPEAKER_HEADS (capitalised, "Law" and "Story" are names: Jack Law), a lone verb
    ("questioned", "polled"); but a broadcaster's name may end with its number ("ABC 7")."""
    if last.isdigit() and len(last) <= 3 and len(words) > 1 and words[-2][:1].isupper():
        return False
    if last in NOT_SPEAKER_HEADS or last.replace(",", "").isdigit() or "%" in words[-1]:
        return True
    return len(words) == 1 and last.endswith("ed") and last.islower()


@lru_cache(maxsize=16384)
def names_no_one(name: str) -> bool:
    """A reported claim needs someone to have said it: this is the check that its speaker's
    words (speaker_name's answer) name no one, and the cue was a noun or a verb of some other
    sense ("the clear support given to", "a pick-up in global demand for")."""
    return _no_one(name.split())


def _no_one(words: list[str]) -> bool:
    """Words that name no one: no capitalised word, no noun for a person, a group, an
    organisation or a text ("the clear support", "a pick-up in global demand", "the speeds
    offer"), no quantity of people ("both", "most"), no age ("a 64-year-old")."""
    bare = [w.strip(".,;:'’\"").lower() for w in words]
    if any(w[:1].isupper() for w in words):
        return False  # (a capital may be a name, "Full" as much as "Peskov": the name rules judge it)
    if not SPEAKER_NOUNS.isdisjoint(bare) or not SPEAKER_NOUNS.isdisjoint(w.removesuffix("'s").removesuffix("’s") for w in bare):
        return False
    last = bare[-1]
    return not (last in QUANTITY_SPEAKERS or last in SHARE_WORDS or last.isdigit() or last.endswith("-old"))
