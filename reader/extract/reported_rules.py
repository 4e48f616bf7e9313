"""When a cue's object is not what anyone said: an ordered list of named checks.

A reporting cue ("said", "told", "plans", "found") and the words after it make a reported claim
only when those words read as a statement. Each check below names one way they do not: the
words open with a preposition ("bitter attacks | between studios"), with a verb ("terror
suspects | can be detained"), with a reflexive ("found | herself in trouble"); they are only the
listener ("told | the newspaper:"); a refusal to say anything ("declined | to comment"); what
someone perceived rather than said ("found | a suitable venue"); a phrase of time or place before
the cue ("In 2003, | imports declined"); money raised ("raised | $16 million"); or a name ("known
| as fracking"). The first check that holds vetoes the claim; `REPORTED_VETOES` is the list, in
order, each testable on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from .cues import SPEECH_LEMMAS, Cue
from .lexicon import (
    CLAUSE_OPENERS,
    COGNITION,
    FINITE_AUX,
    JOINING_CONJUNCTIONS,
    NOT_OPENERS,
    NOT_PERSONS_AFTER_DENY,
    NOTHING_SAID,
    OBJECT_PRONOUNS,
    PERCEPTION,
    PERSONAL_PRONOUNS,
    RAISED_MATTERS,
    REFLEXIVES,
    RELATIVES,
    SPEECH_PREPOSITIONS,
    TAKES_OBJECT,
    VERB_PREPOSITIONS,
)

COGNITION_LEMMAS = frozenset(COGNITION.values()) | {"credit"}  # (thought, wish and plan: "hoped for", "best known for")
_STRIP = "\"“”‘’'«»,.;:()[]"
_LISTENER_WORDS = 6

def _words(body: str, start: int, end: int, n: int = 3) -> list[str]:
    """The first `n` words (lower case, without punctuation), read from the start only."""
    return [w.strip(_STRIP).lower() for w in body[start : min(end, start + 24 * n)].split()[:n]]


def _right_after(body: str, cue: Cue, start: int) -> bool:
    """The words are the cue's object, right after it (not a sentence the cue interrupts or
    ends: "At one point, she said, she was ...", "In Pennsylvania, she leads ..., according to")."""
    return not cue.inverted and start >= cue.end and not body[cue.end : start].strip()


def opens_with_preposition(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    if not first or first[0] not in NOT_OPENERS or not _right_after(body, cue, start):
        return False
    if first[0] in VERB_PREPOSITIONS and cue.lemma not in COGNITION_LEMMAS and _plainly_a_verb(cue):
        return False  # "pushed | for immediate action", "agree | with them": the verb's own preposition
    return not (cue.lemma in SPEECH_LEMMAS and first[0] in SPEECH_PREPOSITIONS)


def _plainly_a_verb(cue: Cue) -> bool:
    """A cue form that is no noun: a past form ("pushed"), or after "to" or a modal ("agree")."""
    word = cue.verb.split(" ")[-1].lower()
    return word.endswith("ed") or (word != cue.lemma.split(" ")[-1] and not word.endswith("s"))


def adverbial_only(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"In 2003, imports declined", "At Gatwick, the company has written", "Among the biggest
    laggards, according to the report, are ...": the words before the cue are a phrase of time,
    place or manner, not what anyone said."""
    if end > cue.start or not first or first[0] not in NOT_OPENERS:
        return False
    words = _words(body, start, end, 7)
    return len(words) <= 6 and FINITE_AUX.isdisjoint(words)


def opens_with_conjunction(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"setting up voice | and data networks"; a capital "And" opens a sentence of its own."""
    word = body[start : min(end, start + 24)].split()[:1]
    return bool(word) and word[0] in JOINING_CONJUNCTIONS and _right_after(body, cue, start)


def opens_with_verb(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"terror suspects | can be detained": a noun read as a cue. After a relative pronoun the
    verb continues the clause: "which he believes | will make it impossible"."""
    if not first or first[0] not in FINITE_AUX or not _right_after(body, cue, start):
        return False
    before = [w.strip(_STRIP).lower() for w in body[max(0, cue.start - 60) : cue.start].split()[-4:]]
    return RELATIVES.isdisjoint(before)


def nothing_said(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"declined to comment", "refused to elaborate": no one said anything."""
    if cue.lemma not in ("decline", "refuse"):
        return False
    words = _words(body, start, end, 5)
    return (cue.lemma in ("decline", "refuse") and 2 <= len(words) <= 4 and words[0] == "to"
            and words[1] in NOTHING_SAID)


def perceived(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"found herself in trouble", "problems finding a suitable venue", "she had discovered her
    husband", "found out": what someone came upon, not a statement. A finding of a body or a study is one
    ("the SEC found similar problems", "the committee found those ... were")."""
    if cue.lemma in ("see", "decide") and first and first[0] in ("how", "whether", "if") and _right_after(body, cue, start):
        return True  # "seeing how much cash you have got", "would decide how to fish it": looking, choosing
    if cue.lemma not in PERCEPTION or cue.that:
        return False
    if first and first[0] == "out" and _right_after(body, cue, start):
        return True  # "as Microsoft found | out last year": found out, came to know
    subject = cue.subject
    personal = subject is None or subject.pronoun in PERSONAL_PRONOUNS or (first and first[0] in REFLEXIVES)
    return bool(personal)


def raised_no_concern(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"raised $16 million", "raised two sons", "raising rates": to raise is to voice something
    only with a concern, a question or a doubt ("raised concerns about the deal")."""
    if cue.lemma != "raise" or not _right_after(body, cue, start):
        return False
    words = _words(body, start, end, 3)
    return not RAISED_MATTERS.intersection(words)


def known_as(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"a method known as fracking", "known as Queen of the Sky": a name, not what anyone holds."""
    if cue.lemma != "know" or cue.that or not first or not _right_after(body, cue, start):
        return False
    return first[0] == "as"


def aim_not_said(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"it aims to be the hub": an aim, not a statement."""
    return cue.lemma == "aim" and bool(first) and first[0] in ("to", "at", "for")


def denied_someone(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"Ferreira denied Gerrard with a last-ditch tackle", "denied him the chance": to deny
    someone something is no denial of a claim ("denied the allegations", "denied that ...")."""
    if cue.lemma != "deny" or cue.that or not first or not _right_after(body, cue, start):
        return False
    word = body[start : min(end, start + 40)].split()[0]
    return first[0] in OBJECT_PRONOUNS or (word[0].isupper() and first[0] not in NOT_PERSONS_AFTER_DENY)


def after_listener(body: str, cue: Cue, start: int) -> bool:
    """Do the words start right after a cue that takes a listener ("told | MPs ...")? Where the
    cue's reading found the clause after the listener ("told reporters | he would"), they do not."""
    return cue.lemma in TAKES_OBJECT and not cue.that and _right_after(body, cue, start)


def listener_only(body: str, cue: Cue, start: int, end: int, first: list[str]) -> bool:
    """"told the newspaper:", "told BBC Radio Five Live": the words after "told" are who heard it.
    ("told Megyn not to worry" reports what was said: an instruction.)"""
    if not after_listener(body, cue, start) or listener_end(body, start, end) is not None:
        return False
    words = body[start : min(end, start + 200)].split()
    return "to" not in words and (len(words) <= 5 or body[end : end + 1] == ":")


def listener_end(body: str, start: int, end: int) -> int | None:
    """Where the clause after a listener starts ("told MPs | a new White Paper was ..."), or None
    when the words are the listener alone."""
    pos = start
    for n, word in enumerate(body[start : min(end, start + 200)].split()):
        pos = body.index(word, pos)
        low = word.strip(_STRIP).lower()
        if n >= _LISTENER_WORDS or low == "to":
            return None  # "asked Rosneft | to repay": an instruction, not a listener
        if low in FINITE_AUX:
            return _subject_after_name(body, start, pos)  # "told BBC News | schools had been ..."
        if n and low in CLAUSE_OPENERS and body[pos - 2 : pos - 1] not in ("'", "’"):
            return pos
        if n and word[:1] in "\"“":
            return pos  # the listener, then a quotation: "telling the BBC | "there is ..."
        pos += len(word)
    return None


def _subject_after_name(body: str, start: int, verb: int) -> int | None:
    """Where the clause's subject starts when a name is the listener and a verb (at `verb`)
    follows: "told BBC News | schools had been crying out" -- after the capitalised words
    that open the words, if lower-case words stand between them and the verb; else None
    ("promised | there will be no repeat")."""
    pos = start
    for word in body[start:verb].split():
        pos = body.index(word, pos)
        if not word[:1].isupper():
            return pos if pos > start else None
        pos += len(word)
    return None


class Veto(NamedTuple):
    name: str
    test: Callable[[str, Cue, int, int, list[str]], bool]  # (body, cue, start, end, [first word])


REPORTED_VETOES: tuple[Veto, ...] = (
    Veto("opens-with-preposition", opens_with_preposition),
    Veto("adverbial-only", adverbial_only),
    Veto("opens-with-conjunction", opens_with_conjunction),
    Veto("opens-with-verb", opens_with_verb),
    Veto("nothing-said", nothing_said),
    Veto("perceived", perceived),
    Veto("listener-only", listener_only),
    Veto("denied-someone", denied_someone),
    Veto("raised-no-concern", raised_no_concern),
    Veto("known-as", known_as),
    Veto("an-aim", aim_not_said),
)


# What some check looks at: a first word, or a cue. A claim with neither passes every check.
_FIRST_WORDS = NOT_OPENERS | FINITE_AUX | JOINING_CONJUNCTIONS
_CUE_LEMMAS = frozenset({"decline", "refuse", "deny", "raise", "know", "aim", "see", "decide"}) | PERCEPTION | frozenset(TAKES_OBJECT)


def veto(body: str, cue: Cue, start: int, end: int) -> str | None:
    """The name of the first check that says these words are not what anyone said, or None."""
    first = _words(body, start, end, 1)
    if (not first or first[0] not in _FIRST_WORDS) and cue.lemma not in _CUE_LEMMAS:
        return None  # (most claims: no check can hold, none is asked)
    for rule in REPORTED_VETOES:
        if rule.test(body, cue, start, end, first):
            return rule.name
    return None
