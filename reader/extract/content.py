"""What a reporting cue reports: a that-clause, a bare clause, an object, or -- when the cue closes
or interrupts its sentence -- the rest of the sentence.

The readings are tried in turn, in the order of `_READINGS`; the first that gives a content wins.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .lexicon import (
    BARE_CLAUSE,
    FINITE_AUX,
    FINITE_VERB_ADVERBS,
    NOT_NAMES,
    NOUN_DETERMINERS,
    SUBJECT_PRONOUNS,
    TAKES_OBJECT,
    VENUES,
    past_or_speech_verb,
)
from .names import Phrase, Tokens

if TYPE_CHECKING:
    from .cues import Cue

Span = tuple[int, int]

_PREPOSITIONS = {
    "in", "on", "at", "during", "after", "before", "to", "with", "of", "about", "for", "from",
    "via", "through", "over", "under", "by", "as", "last", "this", "earlier", "later", "late",
    "early", "yesterday", "today", "tonight", "when", "while", "again", "also", "however",
    "repeatedly", "publicly", "then", "once", "too", "recently", "previously", "privately",
}
_CLAUSE_STARTERS = {
    "he", "she", "they", "it", "we", "i", "you", "there", "the", "a", "an", "this", "these",
    "those", "his", "her", "its", "their", "our", "my", "your", "some", "no", "all", "many",
    "most", "several", "any", "each", "every", "nobody", "nothing", "everyone", "everything",
    "one", "both", "neither", "none", "such", "what", "if", "whether", "why", "how",
}
_QUOTE_MARKS = set("\"“”‘’«»")

# Verbs that report only with a clause ("maintained that ..."): their plain objects are not what
# anyone said ("maintained a lead", "continued the tour", "wrote a book", "wrote the letter").
CLAUSE_ONLY = {
    "maintain", "remember", "forget", "imagine", "regard", "judge", "determine", "assume",
    "guess", "reckon", "read", "sing", "laugh", "begin", "go on", "wonder", "reason", "react",
    "look to", "look forward to", "put it", "muse", "interrupt", "continue", "respond", "write",
}
# Verbs whose object is a to-infinitive: "declined to comment", "plans to run ads".
_TO_VERBS = {
    "refuse", "decline", "plan", "want", "seek", "try", "hope", "intend", "aim", "promise", "vow",
    "threaten", "pledge", "agree", "ask", "urge", "expect", "prefer", "wish", "offer", "propose",
    "decide", "dare", "vote",
}

# Where the look for a clause after the cue stops (a comma too, unless an adverb follows it:
# ", however").
_CONTENT_STOPS = _QUOTE_MARKS | {":", ";", ".", "\n", "?", "!", "(", "—", "–", ","}
_NOT_CLAUSES = {"and", "or", "but", "so", "yes", "no", "nothing", "goodbye"}


# Words that open a sentence with a clause before the main one: "While Ramos said that ..., he".
_SUBORDINATORS = {"while", "although", "though", "whereas", "even", "if", "because", "since", "as", "when", "after", "before", "once", "unless", "until"}

# Words that, after a comma, turn from what was said to the writer’s own aside: "..., which stood
# at 263", "..., compared with four in 10 ...", "..., according to ..." (a concession, "..., though
# no details are available", is still what was said).
_ASIDE_OPENERS = {
    "which", "whose", "who", "while", "whereas", "however", "compared",
    "despite", "meanwhile", "according", "as",
}

_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weeks",
    "month", "months", "year", "years", "weekend", "day", "days", "night", "morning", "afternoon",
    "evening", "today", "tonight", "yesterday", "tomorrow", "jan", "feb", "march", "april", "may",
    "june", "july", "aug", "sept", "oct", "nov", "dec", "january", "february", "august",
    "september", "october", "november", "december", "hours", "decades", "time", "track",
}

# Verbs of saying whose complement is almost always a clause, even with no "that".
_SAYING = {"say", "add", "argue", "claim", "insist", "contend", "maintain", "assert", "believe", "think", "note", "explain", "predict", "warn", "suggest", "acknowledge", "admit", "concede"}

# Prepositions that open what a verb is about, unlike time and place ("in", "at", "during").
_CONTENT_PREPOSITIONS = {"about", "for", "against", "on", "over", "of", "with", "to", "as", "into"}

# Words that open an adverbial after an object, ending what the verb is about.
_ADVERBIAL_STARTS = {"when", "while", "because", "although", "though", "even", "since", "compared", "during", "after", "before", "despite", "amid", "until"}

# The words _ends_object looks at (every other word goes on with the object).
_OBJECT_WATCH = _ADVERBIAL_STARTS | {"on", "and", "but"}
# What ends an object, outside quotation marks (and a hyphen with a space before it).
_OBJECT_STOPS = (",", ";", ":", "(", "—", "–", "\n")
# What ends the source of "according to": "according to a just-released poll, ...".
_SOURCE_STOPS = (",", ".", ";", ":", "(", "—")


def read_content(body: str, toks: Tokens, cue: Cue, ss: int, se: int) -> None:
    """What the cue reports, in `cue.content` (and `cue.that`), for the sentence from ss to se:
    the first reading that gives a content, then trimmed to what the speaker said."""
    if cue.according:
        _according_content(body, toks, cue, ss, se)
    else:
        cue.content = _reported(body, toks, cue, ss, se)
    if cue.content is None:
        return
    if toks.lows[toks.index(ss)] in _SUBORDINATORS:
        _end_subordinate(body, toks, cue, ss)
    elif _in_relative(toks, cue, ss):
        _end_subordinate(body, toks, cue, ss, inner=True)
    if not cue.according and cue.content[0] > cue.start and body.find(", ", *cue.content) >= 0:
        _end_before_aside(toks, cue)  # (what comes before a cue ends at the cue, asides and all)
    if not cue.according:
        _end_before_concession(toks, cue)


# A reading's answer when the cue reports nothing at all ("spoke with voters"): stop looking.
_SILENT = ()


def _reported(body: str, toks: Tokens, cue: Cue, ss: int, se: int) -> Span | None:
    """The content the first of `_READINGS` to give one gives (None if the cue is `_SILENT`).

    Each reading is given the sentence (ss to se; tokens up to hi), the token k where what the
    cue reports can start (after the cue, or after its subject: "said Peskov that"), and the
    token `stop` where the look for a clause after it stops."""
    k = toks.index(cue.subject.end if cue.inverted and cue.subject else cue.end)
    hi = toks.index(se)
    stop = _look_end(toks, cue, k, hi)
    for read in _READINGS:
        content = read(body, toks, cue, ss, se, k, hi, stop)
        if content is not None:
            return None if content is _SILENT else content
    return None


def _look_end(toks: Tokens, cue: Cue, k: int, hi: int) -> int:
    """Where the look for "that" or a clause after the cue (from token k) stops: it skips time
    and place phrases ("in a statement on Monday") and, for "told" and the like, the listener
    ("told reporters"), up to a stop or a comma (but not ", however"), at most 12 tokens on; a
    first word that is none of these stops it at once."""
    texts = toks.texts
    j = k
    if k < hi and texts[k] not in _CONTENT_STOPS:
        low = toks.lows[k]
        if low == "to" and cue.lemma in _TO_VERBS:
            return k  # "agreed | to divide the primaries in ways that ...": an infinitive, no clause after it
        if not (low in _PREPOSITIONS or low.rstrip(".") in _TIME_WORDS or cue.lemma in TAKES_OBJECT):
            return k
        j = k + 1
    limit = min(hi, k + 12)
    while j < limit:
        if texts[j] in _CONTENT_STOPS:
            past = _appositive_then_that(toks, j, hi) if cue.lemma in TAKES_OBJECT else -1
            if past >= 0:
                j, limit = past, min(hi, past + 2)
                continue
            if not _comma_adverb(toks, j, hi):
                break
            j += 1  # (and past the adverb)
        j += 1
    return j


def _appositive_then_that(toks: Tokens, j: int, hi: int) -> int:
    """"told the President of the Parliament, Josep Borrell, that ...": at the comma at token j,
    a name between commas and then "that" -- the token of that "that", else -1."""
    if toks.texts[j] != ",":
        return -1
    for n in range(j + 2, min(hi - 1, j + 6)):
        if toks.texts[n] == ",":
            named = all(t[:1].isupper() for t in toks.texts[j + 1 : n])
            return n + 1 if named and toks.lows[n + 1] == "that" else -1
    return -1


def _clause_at_cue(body: str, toks: Tokens, cue: Cue, ss: int, se: int, k: int, hi: int, stop: int) -> Span | None:
    """A clause right after the cue: "said that ...", "said he would ...", "says millions lost
    their homes ..."."""
    if k >= hi or toks.texts[k] in _CONTENT_STOPS:
        return None
    low = toks.lows[k]
    if low == "that" and k + 1 < hi and toks.texts[k + 1][0] not in ",.;":
        cue.that = True
        return (toks.starts[k + 1], se)
    if low == "that" and k + 2 < hi and toks.texts[k + 1] == "," and toks.texts[k + 2][:1].islower():
        cue.that = True  # "admit that, given the partisan divide, these goals will not be easy"
        return (toks.starts[k + 2], se)
    if not cue.inverted and _bare_clause(toks, cue, k, hi, low):
        return (toks.starts[k], se)
    return None


def _clause_further_on(body: str, toks: Tokens, cue: Cue, ss: int, se: int, k: int, hi: int, stop: int) -> Span | None:
    """"that" and its clause, or a clause opening with its subject, before the look for a clause
    stops: "said in a statement on Monday that ...", "told reporters he would ..."."""
    lows = toks.lows
    # (worked out once for the loop)
    clause_after_object = cue.lemma in TAKES_OBJECT or cue.lemma in BARE_CLAUSE
    for j in range(k + 1, stop):
        low = lows[j]
        if low in FINITE_AUX or (low == "to" and cue.lemma in TAKES_OBJECT):
            return None  # "promised there will be no repeat of the incident that sparked ...",
            # "asked Rosneft to repay a loan that ...": a "that" after a verb is a relative
        if low == "that" and j + 1 < hi:
            cue.that = True
            return (toks.starts[j + 1], se)
        if clause_after_object and (low in SUBJECT_PRONOUNS or (("'" in low or "’" in low) and _contraction(low))):
            return (toks.starts[j], se)  # "told reporters he would ..."
    return None


def _spoke_without_words(body: str, toks: Tokens, cue: Cue, ss: int, se: int, k: int, hi: int, stop: int) -> Span | None:
    """"spoke with voters", "spoke on the condition of anonymity": no one's words."""
    if cue.lemma == "speak" and k < hi and toks.lows[k] not in ("about", "of", "against"):
        return _SILENT
    return None


def _object(body: str, toks: Tokens, cue: Cue, ss: int, se: int, k: int, hi: int, stop: int) -> Span | None:
    """What the verb is about: its object, "talked about the plan", "declined to comment" (not
    a time: "on Jan. 27")."""
    if cue.inverted or k >= hi or cue.lemma in CLAUSE_ONLY:
        return None
    if cue.lemma in TAKES_OBJECT and _only_listener(toks, k, hi) and _comma_before(toks, cue, ss) >= 0:
        return None  # "..., Defense Secretary Ash Carter told | reporters.": the listener; what was said comes before
    if not _object_start(toks.texts[k], toks.lows[k]) or _time_phrase(toks, k, hi):
        return None
    end = _object_end(body, toks, k, hi, se)
    if end > toks.starts[k] and (cue.lemma in _TO_VERBS or toks.lows[k] != "to"):
        return (toks.starts[k], end)
    return None


def _rest_of_sentence(body: str, toks: Tokens, cue: Cue, ss: int, se: int, k: int, hi: int, stop: int) -> Span | None:
    """The cue ends or interrupts its sentence: "The plan is dead, he said." /
    "In a merger, he said, the brand would survive."."""
    if cue.participle and cue.subject is None:
        return None  # (not a participle's phrase: "Meanwhile, speaking to MSNBC, Trump said ..." is Trump's)
    comma = _comma_before(toks, cue, ss)
    if comma < 0:
        return None
    if cue.inverted and cue.subject is not None and cue.subject.appositive:
        return (ss, toks.starts[comma])  # what follows is about the speaker: '..., said Wilcox, an Orlando Republican who ...'
    interrupts = not cue.inverted and stop + 1 < hi and toks.texts[stop] == ","
    if _tail_is_short(toks, stop, hi) and not interrupts:
        if k < hi - 1 and not cue.inverted and _opens_adverbial_clause(toks, ss):
            return None  # "When pressed by the moderators, Sanders did apologize to Clinton": no statement before
        return (ss, toks.starts[comma])  # "The plan is dead, he said."
    return _after_comma(toks, stop, hi, ss, se)  # "In a merger, he said, the brand would survive."


def _only_listener(toks: Tokens, k: int, hi: int) -> bool:
    """From token k to the sentence end, a listener alone: "reporters", "the BBC", "BBC Radio 4"
    (not "the Supreme Court for quick action")."""
    return hi - k <= 4 and all(toks.lows[j] not in _PREPOSITIONS for j in range(k, hi))


def _opens_adverbial_clause(toks: Tokens, ss: int) -> bool:
    """The sentence opens with a clause or phrase of time, condition or place ("When pressed ...,",
    "Even after the complaint was filed,", "But Thursday night at the convention,")."""
    i = toks.index(ss)
    low = toks.lows[i]
    if low in ("but", "and", "even") and i + 1 < toks.n:
        low = toks.lows[i + 1]
    return low in _SUBORDINATORS or low in _PREPOSITIONS or low.rstrip(".") in _TIME_WORDS


def _as_someone_said(body: str, toks: Tokens, cue: Cue, ss: int, se: int, k: int, hi: int, stop: int) -> Span | None:
    """"As Comey noted, people involved in the case could still be ...": after "as", the subject
    and the cue, what follows the comma is what was said."""
    if cue.subject is None or cue.inverted or not (stop < hi - 1 and toks.texts[stop] == ","):
        return None
    a = toks.index(cue.subject.start) - 1
    if a < 0 or toks.lows[a] != "as" or not (toks.starts[a] == ss or (a > 0 and toks.starts[a - 1] == ss and toks.lows[a - 1] in ("but", "and"))):
        return None  # (opening the sentence: "Sales fell, as the company said, because ..." is not so)
    return (toks.starts[stop + 1], se)


_READINGS = (_clause_at_cue, _clause_further_on, _spoke_without_words, _object, _as_someone_said, _rest_of_sentence)


def _bare_clause(toks: Tokens, cue: Cue, k: int, hi: int, low: str) -> bool:
    """A clause with no "that" at token k (`low` its lower case), right after the cue."""
    lemma = cue.lemma
    if lemma in CLAUSE_ONLY and low in NOUN_DETERMINERS and not _verb_follows(toks, k + 1, hi):
        return False  # "maintains a wide lead", "has written a book": an object, not a clause
    if lemma in BARE_CLAUSE and lemma not in TAKES_OBJECT:
        if low in _CLAUSE_STARTERS or _contraction(low):
            if _starts_clause(toks, k, hi):
                return True
        elif _name_then_verb(toks, k, hi):
            return True
    # "Sanders says millions lost their homes ..."
    return lemma in _SAYING and lemma not in CLAUSE_ONLY and _plain_word(toks.texts[k], low)


def _verb_follows(toks: Tokens, k: int, hi: int) -> bool:
    """A verb within a few words from token k: "maintained the case | has no place"."""
    return any(toks.lows[j] in FINITE_AUX or past_or_speech_verb(toks.texts[j], toks.lows[j]) for j in range(k, min(hi, k + 6)))


def _name_then_verb(toks: Tokens, k: int, hi: int) -> bool:
    """"said Russia would ..." (a clause) versus "said Peskov." (an inverted subject): capitalised
    words from token k, then a lower-case word that is no preposition."""
    text = toks.texts[k]
    if not text[0].isupper() or text in NOT_NAMES:
        return False
    n = k + 1
    while n < hi and toks.texts[n][0].isupper():
        n += 1
    return n < hi and toks.texts[n][0].islower() and toks.lows[n] not in _PREPOSITIONS and toks.lows[n] not in ("and", "of")


def _plain_word(text: str, low: str) -> bool:
    """A lower-case word that can start a clause: no preposition, no "and", "yes" or "nothing"."""
    return text.isalpha() and text.islower() and low not in _PREPOSITIONS and low not in _NOT_CLAUSES


def _comma_adverb(toks: Tokens, j: int, hi: int) -> bool:
    """", however", ", though", ", too" at token j: the look for a clause goes on past them."""
    return toks.texts[j] == "," and j + 1 < hi and toks.lows[j + 1] in ("however", "though", "too")


def _comma_before(toks: Tokens, cue: Cue, ss: int) -> int:
    """The comma right before the cue and its subject, well into the sentence: its token, or -1."""
    begin = cue.start if cue.inverted or not cue.subject else min(cue.start, cue.subject.start)
    kk = toks.index(begin)
    if kk > 1 and toks.texts[kk - 1] in ('"', "”") and toks.texts[kk - 2] == ",":
        kk -= 1  # '... "capital investment," Ben Carson said.'
    if kk > 0 and toks.texts[kk - 1] == "," and (toks.starts[kk - 1] > ss + 5 or kk - 2 == toks.index(ss)):
        return kk - 1  # (or after one word: "But, he said, it is a risky strategy")
    return -1


def _after_comma(toks: Tokens, j: int, hi: int, ss: int, se: int) -> Span | None:
    """"In a merger, he said, the brand would survive.": when a comma at token j follows the cue,
    what comes after it if that is long enough, else the whole sentence."""
    if not (j + 1 < hi and toks.texts[j] == ","):
        return None
    if toks.texts[j + 1] in ('"', "“"):
        return None  # '..., Adelson said, "They have got to win."': the quote is what was said
    after = toks.starts[j + 1]
    if (se - after) * 5 >= (se - ss) * 2:
        return (after, se)
    return (ss, se)


def _quoted(mark: str, quoted: bool) -> bool:
    """Whether what follows the quotation mark is quoted: “ opens, ” closes, " does the other."""
    return mark == "“" or (mark == '"' and not quoted)


def _commas_outside_quotes(toks: Tokens, k: int, hi: int) -> Iterator[int]:
    """The tokens k < j < hi that are commas outside quotation marks."""
    quoted = False
    for j in range(k, hi):
        t = toks.texts[j]
        if t in ('"', "“", "”"):
            quoted = t == "“" or (t == '"' and not quoted)
        elif t == "," and not quoted and j > k:
            yield j


def _end_subordinate(body: str, toks: Tokens, cue: Cue, ss: int, inner: bool = False) -> None:
    """"While Ramos said that journalists cannot take sides, he appears uneasy": when the cue is in
    the clause opening its sentence, what it reports ends at the first comma outside quotation
    marks, where the main clause begins."""
    assert cue.content is not None
    start, end = cue.content
    if not inner and body.find(",", ss, cue.start) >= 0:
        return  # the cue is in the main clause
    for j in _commas_outside_quotes(toks, toks.index(start), toks.index(end)):
        cue.content = (start, toks.starts[j])
        return


def _in_relative(toks: Tokens, cue: Cue, ss: int) -> bool:
    """"Juanita Broaddrick, who said Clinton raped her in 1978, recounted ...": the cue is in a
    clause set off by commas after the sentence's subject (", who", ", though"), which a comma
    will close."""
    k = toks.index(cue.start)
    lo = max(toks.index(ss), k - 10)
    before = toks.texts[lo:k]
    if "," not in before:
        return False  # (most cues: no comma just before them)
    j = lo + len(before) - 1 - before[::-1].index(",")
    return j + 1 < k and toks.lows[j + 1] in ("who", "though", "although")


def _end_before_aside(toks: Tokens, cue: Cue) -> None:
    """What was said ends at the first comma (outside quotation marks) that opens an aside."""
    assert cue.content is not None
    start, end = cue.content
    hi = toks.index(end)
    for j in _commas_outside_quotes(toks, toks.index(start), hi - 1):
        if toks.lows[j + 1] in _ASIDE_OPENERS or (j + 2 < hi and toks.lows[j + 2] in ("whom", "which")):
            cue.content = (start, toks.starts[j])
            return


def _end_before_concession(toks: Tokens, cue: Cue) -> None:
    """"announced they would back the plans | although Michael Howard was forced to deny ...":
    what was said ends before a concession the writer adds, with no comma before it."""
    assert cue.content is not None
    start, end = cue.content
    k, hi = toks.index(start), toks.index(end)
    words = toks.lows[k + 2 : hi - 1]
    if "although" not in words and "whereas" not in words:
        return  # (nearly every content: asked in C)
    for j in range(k + 2, hi - 1):
        if toks.lows[j] in ("although", "whereas") and toks.lows[j - 1] not in (",", "and", "but"):
            cue.content = (start, toks.ends[j - 1])
            return


def _time_phrase(toks: Tokens, k: int, hi: int) -> bool:
    """"on Jan. 27", "for months", "over the weekend", "Friday": when, not what."""
    n = k
    if toks.lows[n] in ("on", "for", "over", "in", "at", "during", "since", "until", "by", "last", "next", "this"):
        n += 1
    while n < hi and toks.lows[n] in ("the", "a", "an", "several", "many", "two", "three", "recent", "past", "last", "next", "this", "that"):
        n += 1
    return n < hi and toks.lows[n].rstrip(".") in _TIME_WORDS


def _contraction(low: str) -> bool:
    """he's, they're, I'm, we'll, she'd: a subject pronoun and its verb."""
    for mark in ("'", "’"):
        if mark in low:
            return low.split(mark, 1)[0] in SUBJECT_PRONOUNS
    return False


def _object_start(text: str, low: str) -> bool:
    """A token that can start the object of a verb: a word, a number, or an opening quote."""
    if low in _CONTENT_PREPOSITIONS:
        return True  # "talked about the plan", "pushed for reform", "voted against it"
    return (text[0].isalnum() or text in ('"', "“", "$")) and low not in _PREPOSITIONS


def _object_end(body: str, toks: Tokens, k: int, hi: int, se: int) -> int:
    """Where an object that starts at token k ends: the first comma, semicolon, colon, dash or
    parenthesis outside quotation marks (see `_ends_object`), or the sentence end."""
    texts, starts, lows = toks.texts, toks.starts, toks.lows
    quote_open = False
    for n in range(k, hi):
        t = texts[n]
        if t in ('"', "“", "”"):
            quote_open = _quoted(t, quote_open)
        elif quote_open or (t[0].isalnum() and lows[n] not in _OBJECT_WATCH):
            continue  # (most tokens: a plain word none of the checks looks at)
        elif _ends_object(body, toks, k, n, hi):
            return starts[n]
    return se


def _ends_object(body: str, toks: Tokens, k: int, n: int, hi: int) -> bool:
    """Does the object that starts at token k end at token n (outside quotation marks)?"""
    t = toks.texts[n]
    if t == ",":
        return not _list_comma(toks, n, hi)  # (not "images of candles, cake, trophies and fireworks")
    if t in _OBJECT_STOPS or (t == "-" and n + 1 < hi and body[toks.starts[n] - 1] == " "):
        return True
    if n > k + 1 and toks.lows[n] in _ADVERBIAL_STARTS and _clause_opener(toks, n, hi):
        return True  # "expressed solidarity for her | even as he alluded to her failings"
    if n > k + 1 and toks.lows[n] == "on" and n + 1 < hi and toks.texts[n + 1][:1].isupper() and _venue(toks, n + 1, hi):
        return True  # "criticised the rivalry | on GMTV's Sunday Programme"
    return n > k and _new_predicate(toks, n, hi)  # "denied the charges | and counter-accused her"


def _clause_opener(toks: Tokens, n: int, hi: int) -> bool:
    """A word of _ADVERBIAL_STARTS at token n opens a clause: "even" only with the word that
    makes it one ("even as he alluded", "even if"; not "is | even valid")."""
    if toks.lows[n] != "even":
        return True
    return n + 1 < hi and toks.lows[n + 1] in ("as", "if", "though", "when", "after", "before", "while", "so")


def _venue(toks: Tokens, j: int, hi: int) -> bool:
    """A broadcast or a paper named from token j: "GMTV's Sunday Programme", "BBC Radio 4"."""
    for n in range(j, min(hi, j + 5)):
        if toks.lows[n] in VENUES:
            return True
        if not toks.texts[n][:1].isupper() and toks.texts[n] not in ("'s", "’s"):
            return False
    return False


def _list_comma(toks: Tokens, n: int, hi: int) -> bool:
    """The comma at token n joins the items of a list: a few words, then another comma or "and"
    / "or" ("candles, cake, trophies and fireworks"); not a cue after it (", said Geert Wilders,")."""
    if n + 1 < hi and past_or_speech_verb(toks.texts[n + 1], toks.lows[n + 1]):
        return False
    for j in range(n + 1, min(hi, n + 5)):
        low = toks.lows[j]
        if low in ("and", "or") or toks.texts[j] == ",":
            return j > n + 1 and (low != "and" or (j + 1 < hi and not past_or_speech_verb(toks.texts[j + 1], toks.lows[j + 1])))
        if not toks.texts[j][:1].isalnum():
            return False
    return False


def _new_predicate(toks: Tokens, n: int, hi: int) -> bool:
    """"and" at token n, then an auxiliary or a verb in the past or of saying: the subject's next
    predicate ("talked about the stock market | and made comments", "supports Clinton | but is
    not working for her"), not more of the object ("Cruz and Kasich")."""
    if toks.lows[n] not in ("and", "but") or n + 1 >= hi:
        return False
    j = n + 1
    if toks.lows[j] in SUBJECT_PRONOUNS and j + 1 < hi:
        j += 1  # "will attack Labour's record | and he will set out ...": a clause of its own
    if toks.lows[j] in FINITE_VERB_ADVERBS and j + 1 < hi:
        j += 1
    return toks.lows[j] in FINITE_AUX or past_or_speech_verb(toks.texts[j], toks.lows[j])


def _starts_clause(toks: Tokens, j: int, hi: int) -> bool:
    t = toks.lows[j]
    if t in ("what", "if", "whether", "why", "how", "there"):
        return True
    if t in SUBJECT_PRONOUNS:
        if j + 1 >= hi:
            return False
        nxt = toks.texts[j + 1]
        return (nxt[0].islower() and toks.lows[j + 1] not in ("and", "or")) or nxt == ","
    return j + 1 < hi and toks.texts[j + 1][0].isalnum()


def _tail_is_short(toks: Tokens, j: int, hi: int) -> bool:
    return hi - j <= 8 and _QUOTE_MARKS.isdisjoint(toks.texts[j:hi])


def _according_content(body: str, toks: Tokens, cue: Cue, ss: int, se: int) -> None:
    """"According to X, CONTENT." / "CONTENT, according to X." / "A, according to X, B."
    X is everything up to the next comma: "a just-released poll from Florida Atlantic University"."""
    hi = toks.index(se)
    k = toks.index(cue.end)
    n = _source_end(toks, k, hi)
    if n == k:
        return
    cue.subject = Phrase(toks.starts[k], toks.ends[n - 1], toks.texts[k:n], literal=True)
    before = _before_according(body, cue, ss)
    after = (toks.starts[n + 1], se) if n + 1 < hi and toks.texts[n] == "," else None
    options = [span for span in (before, after) if span and span[1] - span[0] > 3]
    if options:
        cue.content = max(options, key=lambda span: span[1] - span[0])


def _source_end(toks: Tokens, k: int, hi: int) -> int:
    """The token after the source of "according to" that starts at token k (at most 25 words)."""
    n = k
    while n < hi and toks.texts[n] not in _SOURCE_STOPS and n - k < 25:
        n += 1
    return n


def _before_according(body: str, cue: Cue, ss: int) -> Span | None:
    """"CONTENT, according to X": what comes before the comma before the cue, if anything does
    (not just "but" or "and")."""
    before_end = body.rfind(",", ss, cue.start)
    lead = body[ss : cue.start].strip(" \t\"“,")
    if not lead or lead.lower() in ("but", "and", "yet", "also", "so"):
        return None
    return (ss, before_end) if before_end > ss and not body[before_end : cue.start].strip(", ") else None
