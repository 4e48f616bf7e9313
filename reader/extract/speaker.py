"""A speaker as the rules find one: the name, the role, the registry entry, how sure."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .names import Entity


@dataclass(slots=True)
class Speaker:
    name: str | None
    role: str | None
    entity: Entity | None
    confidence: float
    mention: str | None = None  # how the text names the speaker here, when not by the name itself


NOBODY = Speaker(None, None, None, 0.3)

# Words a speaker's name never ends in: a speaker is a person, a group or an organisation, never a
# number or a share ("70%", "Six in 10"), a word of the sentence's grammar ("reviews came", "those
# questioned", "mean anyone"), or a text, rule or event ("the ministerial code", "Benghazi terror").
_NOT_HEADS = frozenset(
    (
        # numbers and shares
        "percent per cent % 0 1 2 3 4 5 6 7 8 9 10 000 half quarter dozen hundred hundreds thousand "
        "one two three four five six seven eight nine ten twenty thirty forty fifty hundred "
        "thousands million millions billion "
        # grammar: prepositions, conjunctions, pronoun objects and indefinites
        "on over to by of for in at with from into about than and or anyone anything everyone "
        "everything someone something nobody nothing us them him her it me you "
        # texts, rules and events that do not speak
        "code law laws rule rules act bill constitution treaty clause guidelines regulations "
        "policy plan plans system process deal move debate control spending terror murder name "
        "issue issues evidence event meeting trial game match contest contests story "
        "document documents outline draft memo dossier leaflet"
    ).split()
)
# Words that trail a name without being part of it: "Trump last week", "Carter however", "the
# Brookings Institution last year", "Donald Trump didn't".
_TRAILING = frozenset(
    (
        "week weeks month months year years day days night morning afternoon evening time minutes "
        "hours decade monday tuesday wednesday thursday friday saturday sunday today yesterday "
        "tonight last this next earlier later then now also still however meanwhile always ever "
        "never just only even quite again too often usually released taken published himself herself "
        "themselves itself"
    ).split()
)
_SHARE = re.compile(r"^(?:\S+\s+){0,3}?(?:percent|per cent|%|in (?:\d+|ten|five|four|three))\s+of\s+(?P<group>.+)$", re.I)


_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


def _trails(word: str) -> bool:
    """A word after a name that is not part of it (a capitalised one only if a weekday: "Kristen
    Day" keeps her name)."""
    bare = word.strip(".,;:")
    return (bare.islower() and bare in _TRAILING) or bare in _WEEKDAYS or word.endswith(("n't", "n’t"))


_PART_OF = re.compile(r"(?i)(?:one|some|all|many|most|each|none|several|few|both|two|three|four|five) of\b")
_SHARE_WORDS = frozenset("percent % cent half quarter third majority minority most many".split())


# Texts that carry someone's words without being their author: "The document reportedly said".
_DOCUMENTS = frozenset("document documents outline draft memo dossier leaflet".split())


def unnamed_source(name: str) -> bool:
    """Words that stand for someone who said it without naming them: a share of people ("70 %",
    "Six in 10", "Nearly half"), or a document ("the document said"). The claim stands, with no
    speaker; other words that cannot speak (a rule, an event) make no claim at all."""
    words = name.replace("%", " % ").lower().split()
    if not words:
        return False
    return (words[-1] in _SHARE_WORDS or words[-1] in _DOCUMENTS or words[-1].isdigit()
            or " in " in f" {name.lower()} " or _PART_OF.match(name) is not None)


@lru_cache(maxsize=16384)
def speaker_name(name: str | None) -> str | None:
    """The words of a speaker as the extractor found them, as a speaker's name: trailing words
    that are not the name dropped, a share of a group made the group ("24 percent of Republicans"
    -> "Republicans"); None when what is left cannot speak (see _NOT_HEADS). One rule for every
    claim the extractor makes."""
    if not name:
        return None
    share = _SHARE.match(name.replace("%", " % ").strip())
    if share:
        name = share.group("group")
    words = name.split()
    while words and _trails(words[-1]):
        words.pop()
    if not words:
        return None
    last = words[-1].strip(".,;:'’")
    if last in _NOT_HEADS or last.replace(",", "").isdigit() or "%" in words[-1]:
        return None  # (capitalised, "Law" and "Story" are names: Jack Law)
    if len(words) == 1 and last.endswith("ed") and last.islower():
        return None  # "questioned", "polled": a verb
    return " ".join(words)
