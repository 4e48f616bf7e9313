"""Speakers: reading the noun phrase that names one, and tracking who is who across an article.

`subject_before` reads the phrase that ends just before a cue ("Kremlin spokesman Dmitry Peskov"
+ "has stated"), `phrase_after` the one that follows it ("said Geoff Garin, a pollster").
`Phrase.split` separates the name from the role. `Registry` remembers every person and
organisation named so far, so that "Peskov", "he" or "the spokesman" can be resolved to
"Dmitry Peskov".
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache, partial
from itertools import accumulate, compress
from operator import methodcaller, ne
from typing import NamedTuple

from .lexicon import (
    AUX,
    GIVEN_NAME_GENDER,
    GIVEN_NAMES_TOO,
    NOT_NAMES,
    ORG_HEADS,
    ORGANISATION_NOUNS,
    PERSON_ROLE_GENDER,
    PLACE_HEADS,
    PLACE_PREPOSITIONS,
    PLACES,
    PRONOUNS,
    ROLE_NOUNS,
    ROLE_PREFIXES,
    SOURCE_LINKS,
    SUBJECT_PRONOUNS,
    TEXT_NOUNS,
    TITLES,
    WEEKDAY_NAMES,
)

_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Prof|Rev|Gov|Sen|Rep|Gen|Col|Lt|Sgt|Capt|Adm|Maj|Cmdr|Hon|St|Jr|Sr|Inc|Corp|Co|Ltd|No|vs"
)
# Words (with an optional possessive), punctuation marks one by one, and newlines (so that
# phrases never cross a paragraph). The pattern begins with one character class (anything but
# white space other than a newline), which lets Python's re skip the spaces between tokens without
# trying a match at each; what that first character was is then asked looking back: a letter or
# digit starts a word (written without backtracking), anything else but "_" is a mark of its own.
_TOKEN_SPLIT = re.compile(r"([\S\n](?:(?<=[^\W_])[^\W_]*+(?:[_'’\-]+[^\W_]+)*+|(?<=[^\w\s])|(?<=\n)))")
_ABBREVIATION_WORDS = frozenset(_ABBREVIATIONS.split("|"))
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_NEXT_CAPITAL = re.compile(r"\s+[A-Z]")


def _kept_stops(body: str, parts: list[str], texts: list[str], ends: list[int]) -> list[tuple[int, int]]:
    """(first, last) token index of each abbreviation or initials that keeps its full stop:
    "Mr.", "U.S.", "J. Smith". Only the full stops are looked at, each against the word before it
    (which must touch it), in the order a regex with these branches first would take them."""
    merges: list[tuple[int, int]] = []
    done = -1
    n = len(texts)
    d = 0
    while True:
        try:
            d = texts.index(".", d + 1)  # C scan; "." is one shared object, compared by identity
        except ValueError:
            break
        w = d - 1
        if w <= done or parts[2 * d]:
            continue  # already taken, or no word right before the stop
        word = texts[w]
        if word in _LETTERS:
            last = d  # a run of capital-and-stop pairs with nothing between: "U.S.A."
            while last + 2 < n and texts[last + 1] in _LETTERS and texts[last + 2] == "." and not parts[2 * last + 2] and not parts[2 * last + 4]:
                last += 2
            if last > d or _NEXT_CAPITAL.match(body, ends[d]):
                merges.append((w, last))  # initials, or one before a capital: "J. Smith"
                done = last
        elif word in _ABBREVIATION_WORDS:
            merges.append((w, d))
            done = d
    return merges


_PARTICLES = {"de", "da", "del", "der", "di", "du", "van", "von", "bin", "ibn", "al", "el", "la", "le", "dos", "ben", "abu"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "that", "these", "those", "another", "one", "two", "three", "some", "many", "several", "other"}
# Lower-case words that may sit inside a role before a name or a role noun.
_ROLE_MODIFIERS = {
    "former", "senior", "top", "chief", "deputy", "acting", "longtime", "then", "current", "new",
    "leading", "prominent", "local", "federal", "state", "national", "international", "military",
    "political", "economic", "foreign", "press", "campaign", "presidential", "vice", "assistant",
    "associate", "executive", "general", "regional", "district", "defense", "defence", "interior",
    "justice", "finance", "health", "education", "energy", "trade", "security", "intelligence",
    "government", "party", "news", "propaganda", "opposition", "independent", "outgoing",
    "incoming", "unnamed", "anonymous", "high-ranking", "white", "house", "republican",
    "democratic", "conservative", "liberal", "progressive", "veteran", "legal", "communications",
    "spokesman", "public", "private", "media", "ukrainian", "russian", "american", "british",
    "first", "second", "third", "fellow", "retired", "agency", "policy", "polling", "research",
    "senate", "congressional", "gubernatorial", "city", "county", "town", "police", "fire",
    "elections", "election", "world", "global", "european", "western", "eastern",
}


# Words that are also first names: "Will Estrada said", "May Smith said".
_FIRST_NAMES_TOO = {"Will", "May"}
_MODIFIERS_ONLY = _ROLE_MODIFIERS - ROLE_NOUNS
_APPOSITIVE_START = {"a", "an", "the", "who"}


class Tokens:
    """All tokens of a body as parallel lists: `texts[k]` starts at `starts[k]` and ends at
    `ends[k]`; `lows[k]` is its lower case. Lists rather than a tuple per token: a body's
    thousand tokens are made in C, and no tuple is built for the many never looked at."""

    __slots__ = ("ends", "index", "lows", "n", "skipped", "starts", "texts")

    def __init__(self, body: str) -> None:
        # Splitting on the token pattern gives gap, token, gap, token, ... as strings; their
        # running lengths are the offsets. Every step runs in C.
        parts = _TOKEN_SPLIT.split(body)
        bounds = list(accumulate(map(len, parts)))
        texts = parts[1::2]
        starts = bounds[0::2]
        del starts[len(texts):]
        ends = bounds[1::2]
        for a, b in reversed(_kept_stops(body, parts, texts, ends)):
            texts[a : b + 1] = ["".join(texts[a : b + 1])]
            del starts[a + 1 : b + 1]
            ends[a : b + 1] = [ends[b]]
        self.starts: list[int] = starts
        self.ends: list[int] = ends
        self.texts: list[str] = texts
        self.lows: list[str] = list(map(str.lower, texts))
        self.n = len(texts)
        self.skipped: dict[tuple[int, int], int] = {}  # skip_adverbials' answers
        # index(pos): the first token starting at or after `pos`. A partial of the C bisect,
        # not a method: it is called a few hundred times an article.
        self.index = partial(bisect_left, starts)


# Capitals that can start a name (Latin-1 letters included: "Élise", "Ørsted").
_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "".join(map(chr, range(0xC0, 0xDF)))) - {"×"}  # (× is no letter)
NEVER_NAMES = frozenset(w for w in NOT_NAMES if w.lower() not in TITLES)  # capitalised, yet never a name
_RUN_PARTICLES = {"de", "da", "del", "der", "di", "du", "van", "von", "bin", "ibn", "al", "el", "la", "le", "of"}


def name_runs(body: str, toks: Tokens) -> list[tuple[int, int, str]]:
    """(first token, start, text) of every run of capitalised words ("Dmitry Peskov", "Jean de
    la Fontaine", "Secretary of State John Kerry"), words apart by spaces only, read from the
    tokens: only capitalised tokens are looked at, which costs a fraction of scanning the text
    again. A lone word that is never a name ("The", "But") is left out."""
    texts, starts, ends = toks.texts, toks.starts, toks.ends
    # A token with a capital differs from its lower case: compared in C, which leaves a tenth of
    # the tokens to look at the first letter of.
    caps = [k for k in compress(range(len(texts)), map(ne, texts, toks.lows)) if texts[k][0] in _CAPITALS]
    runs = []
    i, n = 0, len(caps)
    while i < n:
        k = caps[i]
        start = starts[k]
        i += 1
        if start:
            ch = body[start - 1]
            if ch.isalnum() or ch in "_'’":
                continue  # inside a word
        last = k
        if i < n and caps[i] - k <= 2:  # (most runs are one word: no call for them)
            last, i = _run_end(body, toks, caps, i, k)
        if last == k:  # one word (most runs): its token is its text
            if texts[k] not in NEVER_NAMES:
                runs.append((k, start, texts[k]))
        else:
            runs.append((k, start, body[start : ends[last]]))
    return runs


def _run_end(body: str, toks: Tokens, caps: list[int], i: int, last: int) -> tuple[int, int]:
    """The last token of the run that `last` starts (the capitalised tokens from caps[i] on
    that follow it, apart by spaces only or joined by a particle), and where caps goes on."""
    texts, starts, ends = toks.texts, toks.starts, toks.ends
    n = len(caps)
    while i < n:
        nxt = caps[i]
        if nxt == last + 1:
            a, b = ends[last], starts[nxt]
            if not ((b == a + 1 and body[a] == " ") or (b > a + 1 and not body[a:b].strip(" \t"))):
                break
        elif nxt == last + 2 and texts[last + 1] in _RUN_PARTICLES:
            if not (_spaced(body, ends[last], starts[last + 1]) and _spaced(body, ends[last + 1], starts[nxt])):
                break
        else:
            break
        last = nxt
        i += 1
    return last, i


def _spaced(body: str, a: int, b: int) -> bool:
    """Only spaces or tabs (at least one) between two offsets."""
    return (b == a + 1 and body[a] == " ") or (b > a and not body[a:b].strip(" \t"))


def _is_word(text: str) -> bool:
    return text[0].isalnum()


def is_name_token(text: str) -> bool:
    return text[0].isupper() and text[0].isalpha()


@lru_cache(maxsize=16384)
def role_word(low: str) -> bool:
    """A noun of persons or a word of a role ("spokesman", "aides", "senior"). Cached: it is
    asked of the same few hundred words all the time."""
    base = low[:-2] if low.endswith(("'s", "’s")) else low
    if base in ROLE_NOUNS or base in _ROLE_MODIFIERS:
        return True
    prefix, dash, rest = base.partition("-")
    if dash and prefix in ROLE_PREFIXES:
        return role_word(rest)  # "co-host", "ex-minister", "vice-chair"
    # plurals: "advisers", "officials", "spokespeople" are listed; "aides" -> "aide"
    return base.endswith("s") and (base[:-1] in ROLE_NOUNS or (base.endswith("es") and base[:-2] in ROLE_NOUNS))


@dataclass(slots=True)
class Phrase:
    """A noun phrase that names a speaker, with its position in the body."""

    start: int
    end: int
    words: list[str]
    pronoun: str | None = None
    appositive: str | None = None
    literal: bool = False  # a source named by a whole phrase ("a poll from Florida Atlantic University")

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def split(self) -> tuple[str | None, str | None, str]:
        """(name, role, kind) where kind is 'person', 'org' or 'role' (a role with no name)."""
        return split_words(tuple(self.words))


@lru_cache(maxsize=16384)
def split_words(given: tuple[str, ...]) -> tuple[str | None, str | None, str]:
    """(name, role, kind) of a phrase's words: the name is the trailing run of capitalised words
    (with particles and inner "of"); titles at its front and the words before it are the role;
    kind is person, org, place or role."""
    words = _without_determiners(list(given))
    if not words:
        return None, None, "role"
    if words[-1][:1].isdigit() and _channel(words):
        # "Local news affiliate ABC 7": a broadcaster's name ends with its number
        i = _name_run_start(words[:-1])
        return " ".join(words[i:]), _clean_role(words[:i]), "org"
    i = _name_run_start(words)
    head, role_words = words[i:], words[:i]
    if not head:
        return None, _clean_role(words), "role"
    if i >= 3 and words[i - 2] == "and":
        i = _coordinated_start(words, i)
    if i < len(words) - len(head):
        # "Labour and the Liberal Democrats": two names joined speak together
        return " ".join(words[i:]), _clean_role(words[:i]), "org"
    if head[-1] in PLACE_HEADS:
        return " ".join(head), _clean_role(role_words), "place"  # "Carrow Road", "the Grand Prix"
    # (each test asked in C first: most runs are a plain name with none of these)
    person = _person_of(head) if "of" in head else None
    if person is not None:
        # "Detective Inspector Paul Miller of Thames Valley Police": the person, with the rest as role.
        name_words, title_words = person
        return " ".join(name_words), _clean_role(role_words + title_words), "person"
    if _organisation(head) and not _titled_person(head):
        # "the US State Department", "RIA Novosti": the whole capitalised run is the name.
        return " ".join(head), _clean_role(role_words), "org"
    head, role_words, titled = _titles_to_role(head, role_words)
    if not head:
        return None, _clean_role(role_words), "role"
    head, role_words = _person_name(head, role_words, titled)
    name = " ".join(head)
    return name, _clean_role(role_words), "place" if name in PLACES else "person"


def _coordinated_start(words: list[str], i: int) -> int:
    """Where a name joined to the run at `i` by "and the" starts ("Labour and the | Liberal
    Democrats" -> the index of "Labour"), else i."""
    if i >= 3 and words[i - 1].lower() == "the" and words[i - 2] == "and" and words[i - 3][:1].isupper():
        j = i - 3
        while j > 0 and words[j - 1][:1].isupper() and _inside_a_name(words, j - 1):
            j -= 1
        return j
    return i


def _inside_a_name(words: list[str], k: int) -> bool:
    """A capitalised word of a name: not one that is never a name, unless a name word stands
    before it ("The League Against | Cruel Sports")."""
    return words[k] not in NOT_NAMES or (k > 0 and words[k - 1][:1].isupper() and words[k - 1] not in NOT_NAMES)


def _channel(words: list[str]) -> bool:
    last = words[-1]
    return last.isdigit() and len(last) <= 3 and len(words) > 1 and words[-2][:1].isupper()


def _name_run_start(words: list[str]) -> int:
    """Where the trailing run of capitalised words (with particles and inner "of") starts."""
    i = len(words)
    while i > 0:
        w = words[i - 1]
        if w[0].isupper() or (w.lower() in _PARTICLES and i < len(words)):
            i -= 1
        elif w == "of" and i - 1 > 0 and words[i - 2][0].isupper() and i < len(words):
            i -= 1
        elif _joins_organisation(words, i - 1):
            i -= 1  # "Department of Trade and Industry", "Department for Work and Pensions"
        else:
            break  # (also "a spokesman for | the campaign": "for", "at", "with", "to" after a role)
    return i


def _joins_organisation(words: list[str], k: int) -> bool:
    """Is words[k] an "and" or "for" inside an organisation's name: between capitalised words,
    in a run with an organisation's head word ("Finance and Economy Ministry"), "for" right
    after that head ("Department for Education")?"""
    w = words[k]
    if w not in ("and", "for") or not 0 < k < len(words) - 1 or not words[k - 1][0].isupper():
        return False
    if w == "for":
        return words[k - 1] in ORG_HEADS and words[k + 1][0].isupper()
    return not ORG_HEADS.isdisjoint(words)


def _organisation(head: list[str]) -> bool:
    return (not ORG_HEADS.isdisjoint(head)
            or (any(w[-1] in "’'s" for w in head) and not ORG_HEADS.isdisjoint(map(_STRIP_POSSESSIVE, head)))
            or (any(map(str.isupper, head)) and _acronym(head)))


def _person_of(head: list[str]) -> tuple[list[str], list[str]] | None:
    """(name, the rest) where a run is a person "of" an organisation: titles, then a given name
    and a surname (or a title and a name of two or three words), then "of" and the body; not
    "Bank of England", "Secretary of State Marco Rubio"."""
    cut = head.index("of")
    k = 0
    while k < cut and head[k].lower() in TITLES:
        k += 1
    name = head[k:cut]
    if not (2 <= len(name) <= 3 and (k or name[0] in GIVEN_NAME_GENDER) and cut + 1 < len(head)):
        return None
    if not ORG_HEADS.isdisjoint(name) or not all(w[0].isupper() and w.isalpha() for w in name):
        return None
    return name, head[:k] + head[cut:]


def _titles_to_role(head: list[str], role_words: list[str]) -> tuple[list[str], list[str], bool]:
    """Titles at the front of the run belong to the role: "US President | Donald Trump";
    "Secretary of State Marco Rubio": the name is the last two words."""
    lows = list(map(str.lower, head))
    if TITLES.isdisjoint(lows):
        return head, role_words, False
    last_title = max(k for k, w in enumerate(lows) if w in TITLES)
    role_words = role_words + head[: last_title + 1]
    head = head[last_title + 1 :]
    if head and head[0] == "of":
        keep = 3 if len(head) >= 4 and len(head[-2]) <= 2 else 2
        role_words += head[: len(head) - keep]
        head = head[len(head) - keep :]
    return head, role_words, True


def _person_name(head: list[str], role_words: list[str], titled: bool) -> tuple[list[str], list[str]]:
    """The person's name in what is left: "Jason Gilbert | of Cheyenne"; a long run with no
    title keeps its last two or three words ("... for Human Rights | Dmytro Lubinets")."""
    if head[0] == "of":
        head = head[1:]
    if "of" in head[1:] and not titled:
        cut = head.index("of", 1)
        role_words = role_words + head[cut:]
        head = head[:cut]
    if len(head) > 3:
        keep = 3 if len(head[-2]) <= 2 or head[-2].lower() in _PARTICLES else 2
        role_words = role_words + head[: len(head) - keep]
        head = head[len(head) - keep :]
    return head, role_words


def _titled_person(head: list[str]) -> bool:
    """A title, then a person's name of two or three words with no organisation in it: "Energy
    Minister Taras Melnyk", "Justice Secretary Ann Cole" (not "Ministry of Energy")."""
    lows = [w.lower() for w in head]
    last = max((k for k, w in enumerate(lows) if w in TITLES), default=-1)
    rest = head[last + 1 :]
    return (last >= 0 and 2 <= len(rest) <= 3 and ORG_HEADS.isdisjoint(rest)
            and all(w[0].isupper() and w.replace("-", "").replace("'", "").isalpha() and not w.isupper() for w in rest))


def _without_determiners(words: list[str]) -> list[str]:
    """Words after the leading determiners ("the", "a", "his"), but a proportion keeps its number:
    "one in four", "one of them"."""
    i, n = 0, len(words)
    while i < n and words[i].lower() in _DETERMINERS and not (i + 1 < n and words[i + 1] in ("in", "of")):
        i += 1
    return words[i:]


def _acronym(words: Sequence[str]) -> bool:
    return len(words) <= 4 and any(2 <= len(w) <= 6 and w.isupper() and w.isalpha() and w not in ("US", "UK", "EU", "UN") for w in words)


_STRIP_POSSESSIVE = methodcaller("rstrip", "’'s")
_HONORIFIC_WORDS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr."}


def _clean_role(words: Sequence[str]) -> str | None:
    if not words:
        return None
    words = _without_determiners(list(words))
    words = [w for w in words if w.lower() not in _HONORIFIC_WORDS]
    text = " ".join(words).strip(" ,")
    return text or None


_ASIDES = {"however", "though", "too", "meanwhile", "instead", "also", "then", "now", "still", "moreover"}


def subject_before(body: str, toks: Tokens, pos: int, floor: int) -> Phrase | None:
    """The noun phrase that ends just before `pos` (a cue), skipping auxiliaries and adverbs
    ("has", "later", "also"), and an appositive between commas ("Peskov, the spokesman, said")."""
    lo = toks.index(floor)
    k = _before_brackets(toks, lo, skip_adverbials(toks, toks.index(pos), lo))
    if k > lo and toks.texts[k - 1] == ",":
        return _before_appositives(body, toks, lo, k - 1)
    if k > lo + 1 and toks.texts[k - 1] in ("—", "–", "-"):
        return _between_dashes(body, toks, lo, k)
    return _linked_source(toks, lo, k) or _np_backward(toks, lo, k) or _plural_possessive(toks, lo, k)


def source_link(lows: Sequence[str], lo: int = 1, hi: int | None = None) -> int | None:
    """Where the words that tie an unnamed source to the story begin ("familiar with", "close
    to", "with knowledge of"; see SOURCE_LINKS): the last such place in lows[lo:hi], or None."""
    for j in range((len(lows) if hi is None else hi) - 2, lo - 1, -1):
        if SOURCE_LINKS.get(lows[j]) == lows[j + 1]:
            return j - 1 if lows[j] == "knowledge" and lows[j - 1] == "with" else j
    return None


def _linked_source(toks: Tokens, lo: int, k: int) -> Phrase | None:
    """An unnamed source with what ties them to the story, ending at token k: "a source familiar
    with the matter said", "people close to Cruz say", "an official with knowledge of the talks
    said": the whole phrase names them."""
    first = max(lo, k - 9) + 1
    for j in range(k - 2, first - 1, -1):
        if not toks.texts[j][0].isalnum():
            first = j + 1  # the phrase does not cross punctuation
            break
    end = source_link(toks.lows, first, k)
    if end is None:
        return None
    role = _np_backward(toks, lo, end)
    if role is None or role.pronoun or not (role_word(role.words[-1].lower()) or role.words[-1].lower() in ("people", "person")):
        return None
    return Phrase(role.start, toks.ends[k - 1], role.words + toks.texts[end:k], literal=True)


def _before_brackets(toks: Tokens, lo: int, k: int) -> int:
    """Back past what stands between a subject and its verb: "Sen. Jack Reed (D-R.I.), said",
    "Others, however, say", "Rep. Earl Blumenauer (D-Ore.) said"."""
    if k > lo + 1 and toks.texts[k - 1] == "," and toks.texts[k - 2] == ")":
        k -= 1
    if k > lo + 3 and toks.texts[k - 1] == "," and toks.lows[k - 2] in _ASIDES and toks.texts[k - 3] == ",":
        k -= 3
    if k > lo and toks.texts[k - 1] == ")":
        j = k - 1
        while j > lo and toks.texts[j] != "(" and k - j < 12:
            j -= 1
        if toks.texts[j] == "(":
            k = j
    return k


def _opening_dash(toks: Tokens, lo: int, k: int, close: int, dash: str, double: bool) -> int | None:
    """The token of the dash that opens the aside closed at `close`, if there is one."""
    j = close - 1
    while j > lo and not (toks.texts[j] == dash and (not double or toks.texts[j - 1] == "-")) and k - j < 30:
        j -= 1
    return j if j > lo and toks.texts[j] == dash else None


def _between_dashes(body: str, toks: Tokens, lo: int, k: int) -> Phrase | None:
    """"Jason Sims — a teacher from Mount Pleasant — says", "A former candidate -- John
    McCain, who lost in 2008 -- said"."""
    double = toks.texts[k - 1] == "-"
    if double and toks.texts[k - 2] != "-":
        return None
    dash = toks.texts[k - 1]
    close = k - 2 if double else k - 1  # the closing dash's first token
    j = _opening_dash(toks, lo, k, close, dash, double)
    if j is None:
        return _np_backward(toks, lo, k) or _plural_possessive(toks, lo, k)
    opening = j - 1 if double else j
    phrase = _np_backward(toks, lo, opening)
    if phrase is not None:
        phrase.appositive = body[toks.starts[j + 1] : toks.ends[close - 1]]
        return phrase
    if close - j - 1 <= 5 and all(map(is_name_token, toks.texts[j + 1 : close])):
        return _np_backward(toks, j + 1, close)  # the name is the appositive
    if toks.texts[close - 1] != ",":
        return None
    return _before_appositives(body, toks, j + 1, close - 1)  # "-- John McCain, who lost the 2008 election to Obama --"


def _plural_possessive(toks: Tokens, lo: int, k: int) -> Phrase | None:
    """"Sanders' team said": a plural or s-final possessive, then the noun ("Sanders'" is
    tokenised as a word and an apostrophe)."""
    if k - 3 < lo or toks.texts[k - 2] not in ("'", "’") or not toks.texts[k - 1].islower():
        return None
    owner = toks.texts[k - 3]
    if not (is_name_token(owner) and owner.endswith("s") and toks.ends[k - 3] == toks.starts[k - 2]):
        return None
    return Phrase(toks.starts[k - 3], toks.ends[k - 1], [owner + toks.texts[k - 2], toks.texts[k - 1]])


def _before_appositives(body: str, toks: Tokens, lo: int, comma: int) -> Phrase | None:
    """"NAME, appositive, [appositive,] cue": step back over up to three comma-separated
    appositives ("Yin Myint May, 60, a doctor, said"; "Humphrey, who calls Trump a "sociopath,"
    said") to the name they describe."""
    end = comma  # index of the comma that closes the last appositive
    for _ in range(3):
        j = _appositive_comma(toks, lo, end)
        if j is None:
            return None
        if end == comma:
            phrase = _named_appositive(body, toks, lo, j, end)
            if phrase is not None:
                return phrase
        phrase = _np_backward(toks, lo, j)
        if phrase is not None and _object_of_preposition(toks, lo, phrase):
            phrase = None  # "Clinton, during a meeting in Columbus, Ohio, said": not Columbus
        if phrase is not None and (end == comma or _at_phrase_edge(toks, lo, phrase)):
            # the usual "NAME, appositive, said" (any phrase will do), or a name further back
            phrase.appositive = body[toks.starts[j + 1] : toks.ends[comma - 1]]
            return phrase
        end = j
    return None


def _object_of_preposition(toks: Tokens, lo: int, phrase: Phrase) -> bool:
    """A phrase right after "in", "at", "during" and the like is no subject."""
    i = toks.index(phrase.start)
    return i > lo and toks.lows[i - 1] in PLACE_PREPOSITIONS


def _appositive_comma(toks: Tokens, lo: int, end: int) -> int | None:
    """The comma that opens the appositive closed by the comma at `end`."""
    j = end - 1
    while j >= lo and toks.texts[j] not in (",", "(", "—", "–", "\n", ";") and end - j < 40:
        j -= 1
    return None if j < lo + 1 or toks.texts[j] != "," or end - j < 2 else j


def _named_appositive(body: str, toks: Tokens, lo: int, j: int, end: int) -> Phrase | None:
    """The name is the appositive: "Another delegate on the Cruz slate, Jim Poolman, said"."""
    if end - j > 5 or not all(is_name_token(t) and t not in NOT_NAMES for t in toks.texts[j + 1 : end]):
        return None
    phrase = _np_backward(toks, j + 1, end)
    if phrase is None or len(phrase.words) < 2 or _np_backward(toks, lo, j) is not None:
        return None
    phrase.appositive = body[toks.starts[lo] : toks.ends[j - 1]]
    return phrase


def _at_phrase_edge(toks: Tokens, lo: int, phrase: Phrase) -> bool:
    """A name or pronoun that starts where a phrase can start (after punctuation, "and", ...)."""
    if not (phrase.words[-1][0].isupper() or phrase.pronoun):
        return False
    i = toks.index(phrase.start)
    return i == lo or toks.texts[i - 1] in _NP_EDGES or toks.lows[i - 1] in _NP_EDGE_WORDS


_NP_EDGES = {",", ";", ":", "(", "—", "–", "\n", '"', "“", "”", "'", "’"}
_NP_EDGE_WORDS = {"and", "but", "while", "as", "because", "although", "though", "so", "when", "where", "that"}


_TIME_NOUNS = {"past", "time", "week", "weeks", "month", "months", "year", "years", "day", "days",
               "weekend", "moment", "end", "meantime", "interim", "morning", "evening", "night",
               "statement", "interview", "speech", "email", "letter", "tweet", "post"}
_ADVERBIAL_PREPOSITIONS = {"in", "at", "on", "over", "during", "for", "last", "this", "that", "late", "early"}


def skip_adverbials(toks: Tokens, k: int, lo: int) -> int:
    """Step back over what may stand between a subject and its verb: auxiliaries, adverbs, and
    short time or manner phrases ("has in the past described", "also said", "later wrote").
    Remembered per token list: a cue asks it up to three times."""
    key = (k, lo)
    found = toks.skipped.get(key)
    if found is None:
        found = toks.skipped[key] = _skip_adverbials(toks, k, lo)
    return found


def _adverb(toks: Tokens, j: int) -> bool:
    """Token j is an adverb in -ly ("later", "also" are listed elsewhere): "quickly", "publicly";
    not after a determiner ("the family", "an ally") and not capitalised ("Italy")."""
    low = toks.lows[j]
    return low.endswith("ly") and len(low) > 4 and not toks.texts[j][0].isupper() and (j < 1 or toks.lows[j - 1] not in _DETERMINERS)


def _skip_adverbials(toks: Tokens, k: int, lo: int) -> int:
    while k > lo:
        low = toks.lows[k - 1]
        if low in AUX or _adverb(toks, k - 1) or toks.texts[k - 1] in WEEKDAY_NAMES:
            k -= 1  # "also said", "publicly said", "Priebus later Thursday told"
            continue
        j = _time_phrase_start(toks, k, lo) if low in _TIME_NOUNS else None
        if j is None:
            j = _phrase_after_name(toks, k, lo)
        if j is None:
            break
        k = j
    return k


def _time_phrase_start(toks: Tokens, k: int, lo: int) -> int | None:
    """Where a time phrase ending at k starts: "in the past", "last week", "in a statement"."""
    j = k - 1
    if j > lo and toks.lows[j - 1] in ("the", "a", "an", "his", "her", "their", "last", "this"):
        j -= 1
    return j - 1 if j > lo and toks.lows[j - 1] in _ADVERBIAL_PREPOSITIONS else None


def _phrase_after_name(toks: Tokens, k: int, lo: int) -> int | None:
    """A short prepositional phrase after a name: "Trump in his announcement speech called",
    "Cruz on Thursday said"; where it starts, or None."""
    last, low = toks.texts[k - 1], toks.lows[k - 1]
    if (last[0].isupper() and last not in NOT_NAMES) or low in SUBJECT_PRONOUNS or not last[0].isalnum():
        return None  # a name, a pronoun or punctuation right before the verb: nothing to skip
    j = k - 1
    while (j > lo and k - j <= 5 and toks.lows[j] not in _PHRASE_PREPOSITIONS and toks.texts[j][0].isalnum()
           and toks.lows[j] not in ("and", "or", "but")):  # "Reid caucused in Nevada and says": no phrase
        j -= 1
    if not (j > lo and k - j >= 2 and toks.lows[j] in _PHRASE_PREPOSITIONS):
        return None
    return j if _names_someone(toks, j - 1) else None


def _names_someone(toks: Tokens, j: int) -> bool:
    """A name, a subject pronoun or a noun of persons at token j."""
    text, low = toks.texts[j], toks.lows[j]
    return (is_name_token(text) and text not in NOT_NAMES) or low in SUBJECT_PRONOUNS or role_word(low)


_PHRASE_PREPOSITIONS = {"in", "at", "on", "during", "over", "from"}


_CONTRACTION = re.compile(r"(\w+)['’](?:ve|re|ll|d|m)$")


def _uncontracted(low: str) -> str:
    """A pronoun with its verb contracted, as the pronoun: "we've" -> "we" (else the word)."""
    if "'" not in low and "’" not in low:
        return low
    m = _CONTRACTION.match(low)
    return m.group(1) if m else low


def _np_backward(toks: Tokens, lo: int, k: int) -> Phrase | None:
    """The noun phrase that ends at token `k`, read backward: a pronoun, or a name or a noun of
    persons with what may stand before it (titles, roles, "of", determiners, adjectives)."""
    if k <= lo:
        return None
    low = toks.lows[k - 1]
    if "'" in low or "’" in low:
        low = _uncontracted(low)
    if low in SUBJECT_PRONOUNS:
        return Phrase(toks.starts[k - 1], toks.ends[k - 1], [toks.texts[k - 1]], pronoun=low)
    i = _np_start(toks, lo, k)
    if i == k:
        return None
    return _np_phrase(toks, i, k)


def _np_start(toks: Tokens, lo: int, k: int) -> int:
    """Where the phrase ending at `k` starts (`k` when there is none): each token before it is
    offered to the steps back in turn; the first that takes it says where the phrase starts now,
    whether a head was seen, and whether to go on; a token no step takes ends the phrase."""
    i = k
    saw_head = False
    channel = _back_channel(toks, lo, k, i, saw_head)  # (asked once: only at the phrase's end)
    if channel is not None:
        i, saw_head, _ = channel
    while i > lo:
        for step in _STEPS_BACK:
            taken = step(toks, lo, k, i, saw_head)
            if taken is not None:
                i, saw_head, go_on = taken
                break
        else:
            break
        if not go_on:
            break
    return i


Step = tuple[int, bool, bool] | None


def _back_name(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    text, low = toks.texts[i - 1], toks.lows[i - 1]
    if not (is_name_token(text) and (text not in NOT_NAMES or (i < k and low not in ("the", "a", "an")))):
        return None
    if text in NOT_NAMES and low not in TITLES and not (text in _FIRST_NAMES_TOO and saw_head):
        return i, saw_head, False
    return i - 1, True, True


def _back_particle(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """"van", "de" before a name."""
    return (i - 1, saw_head, True) if toks.lows[i - 1] in _PARTICLES and i < k and is_name_token(toks.texts[i]) else None


def _back_of(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """"Secretary of State", "the head of the agency"."""
    if toks.lows[i - 1] == "of" and i < k and i - 1 > lo and (is_name_token(toks.texts[i - 2]) or role_word(toks.lows[i - 2])):
        return i - 1, saw_head, True
    return None


def _back_for(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """"a spokesman for the campaign", "a senior adviser to the president", "an email to his
    supporters" (the one who speaks is before the preposition)."""
    if i < k and i - 1 > lo and saw_head and _linked_to_role(toks, i):
        return i - 2, saw_head, True  # (the preposition and the role or text before it)
    return None


def _back_role(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """A noun of persons, or a possessive before the head."""
    low = toks.lows[i - 1]
    if role_word(low) or (low.endswith(("'s", "’s")) and saw_head is False and i < k):
        return i - 1, True, True
    return None


def _back_determiner(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """A determiner opens the phrase: the last token taken, unless a role and its preposition
    stand before it ("a spokesman for | the campaign", "an adviser to | the president")."""
    if toks.lows[i - 1] not in _DETERMINERS or i >= k:
        return None
    return i - 1, saw_head, i - 2 > lo and (_linked_to_role(toks, i - 1) or _joined_to_name(toks, i - 1))


def _joined_to_name(toks: Tokens, i: int) -> bool:
    """Is token i - 1 an "and" after a name, before "the ..." at token i ("Labour and | the
    Liberal Democrats")?"""
    return toks.lows[i - 1] == "and" and i >= 2 and is_name_token(toks.texts[i - 2]) and toks.texts[i - 2] not in NOT_NAMES


def _linked_to_role(toks: Tokens, i: int) -> bool:
    """Is token i - 1 a preposition tying the phrase from token i to a role or a text before it?"""
    prep, before = toks.lows[i - 1], toks.lows[i - 2]
    if prep not in ("for", "at", "with", "to"):
        return False
    return role_word(before) or (prep == "to" and before in TEXT_NOUNS)


def _back_number(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """"a 2008 Clinton veteran"."""
    return (i - 1, saw_head, True) if toks.texts[i - 1][0].isdigit() and i < k and saw_head else None


def _back_and(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """"the Florida senator and Republican presidential candidate"."""
    if toks.lows[i - 1] == "and" and saw_head and i - 1 > lo and (role_word(toks.lows[i - 2]) or is_name_token(toks.texts[i - 2])):
        return i - 1, saw_head, True
    return None


def _back_hyphen(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    if toks.texts[i - 1] in ("-", "–") and i < k and i > lo + 1 and _is_word(toks.texts[i - 2]):
        return i - 1, saw_head, True
    return None


def _back_adjectives(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """Adjectives between a determiner and the head (the last step taken)."""
    text, low = toks.texts[i - 1], toks.lows[i - 1]
    if saw_head and i < k and low[0].isalpha() and text[0].islower() and low not in AUX and low not in _STOP:
        return _adjectives_back(toks, lo, i), saw_head, False
    return None


def _back_channel(toks: Tokens, lo: int, k: int, i: int, saw_head: bool) -> Step:
    """A number ending a broadcaster's name: "ABC 7", "Radio 4", "Channel 5"."""
    if i != k:
        return None
    text = toks.texts[i - 1]
    if text.isdigit() and len(text) <= 3 and i - 2 >= lo and is_name_token(toks.texts[i - 2]):
        return i - 1, False, True
    return None


_STEPS_BACK = (_back_name, _back_particle, _back_of, _back_for, _back_role, _back_determiner,
               _back_number, _back_and, _back_hyphen, _back_adjectives)


def _adjectives_back(toks: Tokens, lo: int, i: int) -> int:
    """Adjectives between a determiner and the head: "the presumptive Republican presidential
    nominee", "a conservative-leaning newspaper" (only when an article opens them)."""
    texts, lows = toks.texts, toks.lows
    j = i - 1
    while j > lo and j > i - 3 and texts[j - 1][0].islower() and lows[j - 1] not in _DETERMINERS and lows[j - 1] not in _STOP:
        j -= 1
    return j - 1 if j > lo and lows[j - 1] in ("the", "a", "an") else i


def _not_opening(words: list[str]) -> bool:
    """A capitalised word that cannot open a speaker's phrase ("However", "Asked"), unless an
    article, a title, or a first name that is also a word ("Will Smith")."""
    first = words[0]
    if first not in NOT_NAMES or first.lower() in ("the", "a", "an") or first.lower() in TITLES:
        return False
    return not (first in _FIRST_NAMES_TOO and len(words) > 1 and words[1][0].isupper())


def _np_phrase(toks: Tokens, i: int, k: int) -> Phrase | None:
    """The phrase of tokens i..k, without leading non-names, if it ends in a name or a noun of
    persons ("a new" is no speaker)."""
    words = toks.texts[i:k]
    while words and _not_opening(words):
        words = words[1:]
        i += 1
    content = [w for w in words if w.lower() not in _DETERMINERS]
    if not content:
        return None
    head = content[-1]
    named = head[0].isupper() or role_word(head.lower())  # (most phrases: no need to look further)
    if not named and not any(w[0].isupper() or role_word(w.lower()) for w in content):
        return None
    if not (named or head[0].isdigit()) or head.lower() in _MODIFIERS_ONLY:
        return None
    return Phrase(toks.starts[i], toks.ends[k - 1], words)


_LOOSE_BREAK = {
    "and", "or", "but", "that", "which", "who", "whom", "whose", "when", "where", "while", "if",
    "because", "as", "since", "after", "before", "although", "though", "is", "was", "are", "were",
    "be", "been", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
    "must", "did", "does", "do", "not", "said", "says", "told", "it", "he", "she", "they", "we",
    "i", "you", "to", "so", "then", "than", "what", "how", "why", "also", "there", "here", "with",
}
_TIME_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
               "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December", "Today", "Yesterday", "Meanwhile", "Later", "Earlier"}
_LOOSE_DETERMINERS = {"the", "a", "an", "some", "many", "most", "other", "several", "all", "both", "each", "these", "those", "his", "her", "their", "its", "our", "few"}
_CLAUSE_EDGE = {
    ",", ";", ":", "(", "—", "–", "\n", '"', "“", "”", "and", "but", "while", "although", "though",
    "because", "if", "when", "whereas", "since",
}


_NEVER_ALONE = {"the", "a", "an", "his", "her", "their", "its", "our"}


def loose_subject(body: str, toks: Tokens, pos: int, floor: int) -> Phrase | None:
    """A subject the stricter reading missed, taken as the words between a clause edge and the cue:
    "75 percent of Democrats said", ", people familiar with the session said". Only words, at most
    nine, none of them a function word that would make it a clause of its own."""
    lo = toks.index(floor)
    k = skip_adverbials(toks, toks.index(pos), lo)
    i, determined = _loose_start(toks, lo, k)
    texts = toks.texts
    if i == k or k - i >= 9 or (k - i == 1 and toks.lows[i] in _NEVER_ALONE):
        return None  # nothing, too long, or an article alone ("Some said" stands)
    if not determined and i > lo and toks.lows[i - 1] not in _CLAUSE_EDGE and toks.texts[i - 1] not in _CLAUSE_EDGE:
        return None  # stopped inside a clause ("the bill that Congress passed said")
    words = texts[i:k]
    if _adverb(toks, k - 1) or _no_speaker(words):
        return None
    return Phrase(toks.starts[i], toks.ends[k - 1], words)


def _loose_start(toks: Tokens, lo: int, k: int) -> tuple[int, bool]:
    """Back from k over plain words (at most nine) to a clause edge or a determiner: (start,
    ended on a determiner: "the oil industry says", "other senators said")."""
    i = k
    while i > lo and k - i < 9:
        text, low = toks.texts[i - 1], toks.lows[i - 1]
        if not (text[0].isalnum() or text.endswith("%")) or low in _LOOSE_BREAK:
            break
        i -= 1
        if low in _LOOSE_DETERMINERS:
            return i, True
    return i, False


def _no_speaker(words: list[str]) -> bool:
    """"a Sunday", "... Meanwhile": a time or a connective; ", raising fresh questions": a
    participle's clause, not a subject."""
    first = words[0]
    return first.lower() in _PARTICLES or words[-1] in _TIME_NAMES or (first.islower() and first.endswith("ing"))


def phrase_after(body: str, toks: Tokens, pos: int, ceiling: int) -> Phrase | None:
    """The noun phrase that starts at `pos` ("said Geoff Garin, a Democratic pollster")."""
    a = toks.index(pos)
    b = toks.index(ceiling)
    hi = min(b, a + 14)
    if a >= hi:
        return None
    low = toks.lows[a]
    if "'" in low or "’" in low:
        low = _uncontracted(low)
    if low in SUBJECT_PRONOUNS:
        return Phrase(toks.starts[a], toks.ends[a], [toks.texts[a]], pronoun=low)
    words, i = _phrase_words(toks, a, hi)
    words, i = _trimmed(words, i)
    if not words or not any(w[0].isupper() or w.lower() in ROLE_NOUNS or (w.islower() and w.lower() not in _DETERMINERS) for w in words):
        return None
    phrase = Phrase(toks.starts[a], toks.ends[i - 1], words)
    # An appositive after the name gives the role: "said Geoff Garin, a Democratic pollster".
    if i < hi and toks.texts[i] == ",":
        phrase.appositive = _appositive_after(body, toks, i, b)
    return phrase


def _phrase_words(toks: Tokens, a: int, hi: int) -> tuple[list[str], int]:
    """The words of a noun phrase from token `a`, and the token after them."""
    texts, lows = toks.texts, toks.lows
    i = a
    words: list[str] = []
    saw_name = False
    while i < hi:
        text, low = texts[i], lows[i]
        if is_name_token(text) and (text not in NOT_NAMES or low in TITLES or (i == a and _opens_name(toks, i, hi))):
            words.append(text)
            if low not in ("the", "a", "an"):
                saw_name = True
        elif low in _DETERMINERS and not words:
            words.append(text)
        elif _role_before_name(toks, i, hi, words, saw_name):
            # "Clinton’s top foreign policy aide Jake Sullivan"
            words.append(text)
            saw_name = False
        elif _goes_on(toks, i, hi, words, saw_name):
            words.append(text)
        else:
            break
        i += 1
    return words, i


def _opens_name(toks: Tokens, i: int, hi: int) -> bool:
    """A phrase's first word that NOT_NAMES holds but opens it: an article ("The Associated
    Press"), or a given name before a surname ("said Will Doyle")."""
    if toks.lows[i] in ("the", "a", "an"):
        return True
    text = toks.texts[i]
    return text in GIVEN_NAMES_TOO and i + 1 < hi and is_name_token(toks.texts[i + 1]) and toks.texts[i + 1] not in NOT_NAMES


def _role_before_name(toks: Tokens, i: int, hi: int, words: list[str], saw_name: bool) -> bool:
    low = toks.lows[i]
    role = role_word(low)
    if not (role or _leads_to_name(toks, i, hi)):
        return False
    return not saw_name or words[-1].endswith(("'s", "’s")) or (role and _leads_to_name(toks, i, hi))


def _goes_on(toks: Tokens, i: int, hi: int, words: list[str], saw_name: bool) -> bool:
    """Other words a noun phrase goes on with: plain words after an article ("said a former
    U.S. law enforcement official": trimmed back to the last noun of persons later), a particle
    before a name ("van", "de"), "of" before a name, an organisation's noun after a name ("Time
    magazine"), "for"/"at" after a role ("a spokesman for")."""
    low = toks.lows[i]
    if _plain_after_article(toks.texts[i], low, words):
        return True
    if low in _PARTICLES and i + 1 < hi and is_name_token(toks.texts[i + 1]):
        return True
    if low == "of" and words and i + 1 < hi and (is_name_token(toks.texts[i + 1]) or toks.lows[i + 1] == "the"):
        return True
    return _after_name_or_role(low, words, saw_name)


def _after_name_or_role(low: str, words: list[str], saw_name: bool) -> bool:
    """An organisation's noun after a name ("wrote Time magazine", "said the Clinton campaign"),
    or "for"/"at" after a role ("a spokesman for")."""
    if saw_name and low in ORGANISATION_NOUNS and words[-1][0].isupper():
        return True
    return low in ("for", "at") and bool(words) and not saw_name and words[-1].lower() in ROLE_NOUNS


def _plain_after_article(text: str, low: str, words: list[str]) -> bool:
    if not (words and words[0].lower() in ("a", "an", "the", "another", "one") and len(words) < 8):
        return False
    plain = (text.replace("-", "").isalpha() and text.islower()) or (text[0].isdigit() and len(words) == 1)
    return plain and low not in _STOP and low not in _PREPOSITIONS_AFTER


def _trimmed(words: list[str], i: int) -> tuple[list[str], int]:
    """No trailing "of", "for", articles; after an article, end on the last name or noun of
    persons: "a source involved" -> "a source"."""
    while words and words[-1].lower() in ("of", "for", "at", "the", "a", "an"):
        words.pop()
        i -= 1
    if words and words[0].lower() in ("a", "an", "the", "another", "one") and words[-1].islower():
        keep = len(words)
        while keep > 1 and not (role_word(words[keep - 1].lower()) or words[keep - 1][0].isupper()):
            keep -= 1
        if keep > 1:
            i -= len(words) - keep
            words = words[:keep]
    return words, i


def _appositive_after(body: str, toks: Tokens, i: int, b: int) -> str | None:
    """The appositive after a name's comma, if it gives a role: ", a Democratic pollster"."""
    hi = min(b, i + 27)
    j = i + 1
    while j < hi and toks.texts[j] not in (",", ".", ";", "“", '"', "”", "—") and j - i < 25:
        j += 1
    if j > i + 1 and (toks.lows[i + 1] in _APPOSITIVE_START or role_word(toks.lows[i + 1])):
        return body[toks.starts[i + 1] : toks.ends[j - 1]]
    return None


def _leads_to_name(toks: Tokens, i: int, hi: int) -> bool:
    """A lower-case word in front of a name ("councillor Maria Lopez"): up to three such words,
    then a capitalised one."""
    texts, lows = toks.texts, toks.lows
    for k in range(i, min(i + 4, hi)):
        text, low = texts[k], lows[k]
        if is_name_token(text):
            return text not in NOT_NAMES
        if low == "of" and k > i:
            continue  # "master of ceremonies Asab Al-Tabchi"
        if not text.replace("-", "").isalpha() or not text.islower() or low in _DETERMINERS or low in _STOP:
            return False
    return False


_PREPOSITIONS_AFTER = {"about", "after", "before", "during", "later", "earlier", "recently", "once", "also", "then"}
_STOP = {"and", "or", "but", "that", "which", "who", "in", "on", "at", "to", "of", "for", "with", "by", "from", "as", "is", "was", "are", "were", "has", "had", "have", "not", "it", "he", "she", "they", "we"}


@dataclass(slots=True)
class Entity:
    name: str
    kind: str  # person, org, place, role
    role: str | None = None
    gender: str | None = None
    last_spoke: int = -1
    mentions: list[int] = field(default_factory=list)  # body offsets, kept in order

    def last_before(self, pos: int) -> int:
        """The last mention before `pos`, or -1."""
        i = bisect_left(self.mentions, pos)
        return self.mentions[i - 1] if i else -1

    @property
    def last_name(self) -> str:
        return self.name.split()[-1]


_ROLE_ABBREVIATIONS = {
    "sen.": "senator", "sen": "senator", "rep.": "representative", "gov.": "governor",
    "gen.": "general", "lt.": "lieutenant", "sec.": "secretary", "pres.": "president",
    "amb.": "ambassador", "adm.": "admiral", "col.": "colonel", "capt.": "captain",
}


@lru_cache(maxsize=4096)
def _role_words(role: str) -> frozenset[str]:
    """The words of a role, lower case, abbreviations written out ("Sen." -> "senator")."""
    return frozenset(_ROLE_ABBREVIATIONS.get(w, w) for w in role.lower().split())


def _learn(entity: Entity, name: str, kind: str, role: str | None, gender: str | None) -> None:
    """A known entity named again: the longer name, and a role or gender it lacked."""
    if len(name.split()) > len(entity.name.split()) and kind == entity.kind:
        entity.name = name
    if role and not entity.role:
        entity.role = role
    if gender and not entity.gender:
        entity.gender = gender


def _may_be(e: Entity, kinds: tuple[str, ...], gender: str, roles: bool = True) -> bool:
    """Can a pronoun of that gender refer to the entity: one of those kinds, of that gender or of
    none known; or a role of that very gender ("a spokeswoman" is "she"); or, for "it", an
    organisation named by its noun ("the US government")."""
    if e.kind in kinds:
        if e.gender is None or e.gender == gender or gender not in ("m", "f"):
            return True
    elif e.kind != "role" or not roles:
        return False
    return e.gender == gender or (gender == "n" and e.name.rsplit(None, 1)[-1].lower() in ORGANISATION_NOUNS)


def _named_before(e: Entity, pos: int, outside: Callable[[int], bool] | None) -> int:
    """Its last mention before pos (outside quotes, where `outside` tells), or -1."""
    mentions = e.mentions
    i = bisect_left(mentions, pos) if mentions[-1] >= pos else len(mentions)
    while i and outside is not None and not outside(mentions[i - 1]):
        i -= 1
    return mentions[i - 1] if i else -1


def _same_name(parts: list[str], e: Entity, kind: str | None) -> bool:
    """Can the words name that entity: one of the two is a lone surname, or the first names
    begin alike ("G. Brown", "Gordon Brown"); of another kind only as a lone word."""
    if kind and e.kind != kind and len(parts) > 1:
        return False
    eparts = e.name.split()
    return len(parts) == 1 or len(eparts) == 1 or parts[0].rstrip(".")[:1] == eparts[0][:1]


def _named_last(found: list[Entity], pos: int | None) -> Entity:
    if pos is None or len(found) == 1:
        return found[-1]
    return max(found, key=lambda e: e.last_before(pos))


class Where(NamedTuple):
    """What the pronoun rule asks of the text about a position: is it outside quotes, where does
    its sentence start, does an article or "by" come right before it ("an Alan Shearer strike")."""

    outside: Callable[[int], bool]
    sentence_start: Callable[[int], int]
    after_article: Callable[[int], bool]


class Registry:
    """Everyone named in an article so far, and who spoke last."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_token: dict[str, list[Entity]] = {}
        self._exact: dict[tuple[str, str], Entity] = {}
        self._shared_tokens: set[str] = set()  # last words several entities bear

    def add(self, name: str, kind: str, role: str | None, pos: int, gender: str | None = None) -> Entity:
        """Register a mention, linking it to an earlier entity when the names match."""
        entity = self._exact.get((name, kind))
        if entity is None or (role and not entity.role) or (gender and not entity.gender) or (self._shared_tokens and self._shared(name)):
            # not the same name again (the common case, kept cheap), or a surname two people
            # bear ("Ozzy Osbourne", "Sharon Osbourne"): find or make its entity
            entity = self.find(name, kind, pos)
            if entity is None:
                entity = self._new(name, kind, role, gender)
            else:
                _learn(entity, name, kind, role, gender)
            self._exact[(name, kind)] = entity
        mentions = entity.mentions  # kept in order; positions mostly come in order
        if not mentions or pos >= mentions[-1]:
            mentions.append(pos)
        else:
            insort(mentions, pos)
        return entity

    def _new(self, name: str, kind: str, role: str | None, gender: str | None) -> Entity:
        """A new entity, found later by its last word (an organisation by each long word too)."""
        entity = Entity(name, kind, role, gender)
        self.entities.append(entity)
        last = name.split()[-1].lower()
        bearers = self._by_token.setdefault(last, [])
        bearers.append(entity)
        if len(bearers) > 1:
            self._shared_tokens.add(last)
        if kind == "org":
            for w in name.split():
                if len(w) > 3 and w not in ORG_HEADS:
                    self._by_token.setdefault(w.lower(), []).append(entity)
        return entity

    def _shared(self, name: str) -> bool:
        if not self._shared_tokens:
            return False  # (most articles: no two entities share a last word)
        return name.rsplit(None, 1)[-1].lower() in self._shared_tokens

    def find(self, name: str, kind: str | None = None, pos: int | None = None) -> Entity | None:
        """The entity a name refers to; where several bear it, the one named last before `pos`
        (without `pos`, the one the article named last)."""
        if kind is None and " " not in name:
            # One word: the latest entity known by it (the common case, kept cheap); "Clinton’s
            # response was:" names Clinton.
            low = name.strip().lower()
            found = self._by_token.get(low) or self._by_token.get(low.removesuffix("’s").removesuffix("'s"))
            return _named_last(found, pos) if found else None
        parts = name.split()
        if not parts:
            return None
        candidates = self._by_token.get(parts[-1].lower())
        if not candidates:
            return None
        if len(candidates) == 1:  # (the common case: one entity bears that last word)
            return candidates[0] if _same_name(parts, candidates[0], kind) else None
        matches = [e for e in candidates if _same_name(parts, e, kind)]
        return _named_last(matches, pos) if matches else None

    def by_role(self, noun: str, pos: int) -> Entity | None:
        """The latest entity before `pos` whose role contains `noun` ("the spokesman")."""
        best, best_pos = None, -1
        nouns = {noun} | ({"spokesman", "spokeswoman", "spokesperson"} if noun.startswith("spokes") else set())
        for e in self.entities:
            if e.role and not nouns.isdisjoint(_role_words(e.role)):
                last = e.last_before(pos)
                if last > best_pos:
                    best, best_pos = e, last
        return best

    def pronoun(self, word: str, pos: int, where: Where | None = None) -> Entity | None:
        """Resolve a subject pronoun: the most recent speaker of a matching kind, else the most
        recently mentioned person. `where` tells whether a position is inside a quote and where
        its sentence starts: with it, a mention in a quote does not count, and a person named as
        the subject of a sentence after the last speaker spoke is who "he" is ("Spain's minister
        of sport Jaime Lissavetzky was quick to give his backing. "...," he said")."""
        gender = PRONOUNS.get(word)
        if gender in ("1", "2", None):
            return None
        # "it": an organisation; "they": an organisation, a group or a person; "he", "she": a
        # person of that gender or of none known.
        kinds = ("org",) if gender == "n" else ("org", "role", "person") if gender == "p" else ("person",)
        outside = where.outside if where else None
        recent_speaker, recent_person, named_at = self._recent(kinds, gender, pos, outside)
        if gender == "n" and recent_speaker is not None and recent_speaker.kind == "role":
            recent_speaker = self._named_organisation(kinds, pos, outside) or recent_speaker
        if recent_person is None:
            return recent_speaker
        if recent_speaker is None:
            return recent_person
        if where and self._newly_named_subject(recent_person, named_at, recent_speaker, gender, pos, where):
            return recent_person
        if recent_speaker.last_spoke >= pos - 1500 or recent_person.kind != "person":
            return recent_speaker
        return recent_person

    def _named_organisation(self, kinds: tuple[str, ...], pos: int, outside: Callable[[int], bool] | None) -> Entity | None:
        """For "it": an organisation named by its name that spoke lately beats one named by a
        noun ("the firm")."""
        named = self._recent(kinds, "n", pos, outside, roles=False)[0]
        return named if named is not None and named.last_spoke >= pos - 1500 else None

    def _recent(self, kinds: tuple[str, ...], gender: str, pos: int, outside: Callable[[int], bool] | None,
                roles: bool = True) -> tuple[Entity | None, Entity | None, int]:
        """(the last to speak before pos, the last mentioned before pos (outside quotes, where
        `outside` tells), a person of some standing, and where it was mentioned) among the
        entities of those kinds and that gender."""
        recent_speaker, spoke = None, -1
        recent_person, best = None, -1
        for e in self.entities:
            if not _may_be(e, kinds, gender, roles):
                continue
            last_spoke = e.last_spoke
            if spoke < last_spoke < pos:
                recent_speaker, spoke = e, last_spoke  # (the first of equals, as max gives)
            if not (e.role or " " in e.name or last_spoke >= 0 or e.gender):
                continue
            mentions = e.mentions
            if mentions[0] >= pos or (mentions[-1] < pos and mentions[-1] <= best):
                continue  # (named later, or not after the best so far even counting quotes)
            named = _named_before(e, pos, outside)
            if named > best:
                recent_person, best = e, named
        return recent_speaker, recent_person, best

    def _newly_named_subject(self, person: Entity, at: int, speaker: Entity, gender: str, pos: int,
                             where: Where) -> bool:
        """Is `person` (a man or a woman, who spoke before or whose gender is known) named at
        `at` as the subject of a sentence before the pronoun's, after `speaker` last spoke?"""
        if gender not in ("m", "f") or at <= speaker.last_spoke or not (person.gender or person.last_spoke >= 0):
            return False
        start = where.sentence_start(at)
        return start < where.sentence_start(pos) and not where.after_article(at) and self._first_named(person, at, start, where)

    def _first_named(self, entity: Entity, at: int, start: int, where: Where) -> bool:
        """Is the mention at `at` the first person its sentence (from `start`) names outside
        quotes (so likely its subject, not "appointed by President Obama")?"""
        for e in self.entities:
            if e is entity or e.kind != "person":
                continue
            i = bisect_left(e.mentions, start)
            if i < len(e.mentions) and e.mentions[i] < at and where.outside(e.mentions[i]):
                return False
        return True


def gender_of(role: str | None, words: Sequence[str]) -> str | None:
    """"he" or "she" by a word of the role or the name ("spokeswoman", "Mr"), or None."""
    return _gender_of(role, tuple(words))


@lru_cache(maxsize=16384)
def _gender_of(role: str | None, words: tuple[str, ...]) -> str | None:
    for w in ([*(role or "").lower().split()] + [w.lower() for w in words]):
        g = PERSON_ROLE_GENDER.get(w)
        if g:
            return g
    # A given name with a surname after it: "Sharon Osbourne" (a lone "Gordon" may be a surname).
    return next((GIVEN_NAME_GENDER[w] for w in words[:-1] if w in GIVEN_NAME_GENDER), None)
