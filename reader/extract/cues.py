"""Reporting cues ("said", "has stated that", "according to") with their speaker and content."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress

from .lexicon import (
    BARE_CLAUSE,
    CUES,
    NOT_NAMES,
    PLACES,
    SENTENCE_OPENING_CUES,
    SPEECH,
    SUBJECT_PRONOUNS,
    TAKES_OBJECT,
)
from .names import (
    Phrase,
    Tokens,
    loose_subject,
    phrase_after,
    skip_adverbials,
    subject_before,
)
from .sentences import Sentences

SPEECH_LEMMAS = frozenset(SPEECH.values())



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


@dataclass(slots=True)
class Cue:
    start: int
    end: int
    lemma: str
    verb: str
    subject: Phrase | None = None
    inverted: bool = False  # "said Peskov"
    coordinated: bool = False  # "... and noted that": the subject is the previous cue's
    content: tuple[int, int] | None = None
    that: bool = False
    used: bool = False  # taken by a direct quote
    # "saying", "referring to": the -ing form, whose subject is usually elsewhere
    participle: bool = field(init=False)
    according: bool = field(init=False)  # "according to X"

    def __post_init__(self) -> None:
        self.participle = self.verb.split(" ", 1)[0].endswith("ing")
        self.according = self.lemma == "according to"


# Speech verbs that can stand before their subject: '"...," said Peskov', '"...?" asked Smith'.
_INVERTIBLE = {
    "say", "add", "continue", "ask", "write", "explain", "note", "reply", "respond", "tweet",
    "declare", "insist", "argue", "claim", "warn", "quip", "joke", "chant", "shout", "exclaim",
    "recall", "conclude", "observe", "remark", "counter", "retort", "wonder", "muse", "complain",
    "admit", "acknowledge", "concede", "announce", "state", "agree", "predict", "suggest",
    "confirm", "tell", "post", "snap", "scoff", "yell", "whisper", "mutter", "laugh", "offer",
    "remember", "recount", "reflect", "boast", "gush", "lament", "assert", "caution",
}
_AFTER_INVERTED = {".", ",", ";", "!", "?", "\n", "(", "—", "–", "in", "on", "at", "during", "after", "before", "to", "of", "who"}
_BEFORE_INVERTED = {",", "”", '"', "’", "'", "—", "–", "\n", "!", "?"}
# Verbs that report only with a clause ("maintained that ..."): their plain objects are not what
# anyone said ("maintained a lead", "continued the tour", "wrote a book").
CLAUSE_ONLY = {
    "maintain", "remember", "forget", "imagine", "regard", "judge", "determine", "assume",
    "guess", "reckon", "read", "sing", "laugh", "begin", "go on", "wonder", "reason", "react",
    "look to", "look forward to", "put it", "muse", "interrupt", "continue", "respond",
}
# Verbs whose object is a to-infinitive: "declined to comment", "plans to run ads".
_TO_VERBS = {
    "refuse", "decline", "plan", "want", "seek", "try", "hope", "intend", "aim", "promise", "vow",
    "threaten", "pledge", "agree", "ask", "urge", "expect", "prefer", "wish", "offer", "propose",
    "decide", "dare", "vote",
}


def _cue_forms() -> tuple[frozenset[str], dict[str, list[tuple[str, ...]]]]:
    """The first words of all cue forms, and the rest of each form of several words (longest
    first) by its first word."""
    forms = [*CUES, "according to", "According to"]
    rest: dict[str, list[tuple[str, ...]]] = {}
    for form in forms:
        first, *more = form.split(" ")
        if more:
            rest.setdefault(first, []).append(tuple(more))
    for tails in rest.values():
        tails.sort(key=len, reverse=True)
    return frozenset(f.split(" ")[0] for f in forms), rest


CUE_FIRST, CUE_REST = _cue_forms()
_JOINERS = "_'’-"


def cue_matches(body: str, toks: Tokens) -> list[tuple[int, int, int, str]]:
    """(token index, start, end, form) of every cue form in the body: looked up token by token,
    which costs a tenth of scanning the text with one regex for all forms."""
    texts, starts, ends = toks.texts, toks.starts, toks.ends
    found = []
    done = 0  # where the last form found ends: forms do not overlap
    for k in compress(range(len(texts)), map(CUE_FIRST.__contains__, texts)):
        s = starts[k]
        if s < done or (s and body[s - 1] in _JOINERS):
            continue  # inside the last form, or part of a longer word: "-said", "'said"
        e = ends[k]
        form = texts[k]
        tails = CUE_REST.get(form)
        if tails:
            for tail in tails:
                n = len(tail)
                if tuple(texts[k + 1 : k + 1 + n]) == tail and all(
                    starts[j] == ends[j - 1] + 1 and body[ends[j - 1]] == " " for j in range(k + 1, k + 1 + n)
                ):
                    e = ends[k + n]
                    form = body[s:e]
                    break
            if form not in CUES and " " not in form:
                continue  # only the first word of a longer form ("according")
        if e < len(body) and body[e] in _JOINERS:
            continue  # "said-"
        done = e
        found.append((k, s, e, form))
    return found


_SAYS = {"say", "tell", "write", "add", "note", "argue", "claim", "warn", "insist"}
# Words after which a cue form is an infinitive or a passive, not someone speaking.
_NOT_AFTER = {"to", "be", "been", "being"}


def find_cues(body: str, toks: Tokens, sentences: Sentences, inside_quote) -> list[Cue]:
    """Every cue outside quotation marks that has a speaker, in body order."""
    cues: list[Cue] = []
    for k, s, e, verb in cue_matches(body, toks):
        if inside_quote(s) or _not_speaking(toks, sentences, k, s, e, verb):
            continue
        cue = Cue(s, e, "according to" if verb.lower() == "according to" else CUES[verb], verb)
        ss, se = sentences.bounds(s)
        if cue.according:
            cue.subject = phrase_after(body, toks, e, se)
        else:
            _find_subject(body, toks, cue, ss, se)
        if cue.subject is None and not cue.coordinated:
            continue
        _content(body, toks, cue, ss, se)
        cues.append(cue)
    _coordinate(cues, sentences, toks)
    return cues


def _not_speaking(toks: Tokens, sentences: Sentences, k: int, s: int, e: int, verb: str) -> bool:
    """A cue form where no one speaks."""
    if k and toks.lows[k - 1] in _NOT_AFTER:
        return True  # "plans to support", "has been asked": no one speaks here
    if _after_determiner(toks, k):
        return True  # "the report", "his call", "a claim": a noun, not a verb
    if k + 1 < toks.n and CUES.get(toks.texts[k + 1]) in _SAYS and toks.starts[k + 1] == e + 1:
        return True  # "abortion rights advocates said": a noun before the verb
    if verb in SENTENCE_OPENING_CUES and sentences.bounds(s)[0] != s:
        return True  # "Edward Said": a name, unless it opens the sentence
    if _passive(toks, k, verb):
        return True  # "is expected to", "was planned": the subject is not the one who speaks
    lemma = "according to" if verb.lower() == "according to" else CUES[verb]
    return lemma in SPEECH_LEMMAS and _negated(toks, k)  # "did not say how much" (but "does not support" is a stand)


def _content(body: str, toks: Tokens, cue: Cue, ss: int, se: int) -> None:
    """What the cue reports, ended before a subordinate clause's main clause and a writer's aside."""
    _read_content(body, toks, cue, ss, se)
    if cue.content is not None and toks.lows[toks.index(ss)] in _SUBORDINATORS:
        _end_subordinate(body, toks, cue, ss)
    if cue.content is not None and not cue.according and body.find(", ", *cue.content) >= 0:
        _end_before_aside(toks, cue)


_DETERMINERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "whose", "every", "each", "no", "any", "another",
}
_NOUN_ADJECTIVES = {
    "new", "latest", "recent", "major", "first", "second", "final", "initial", "official", "public",
    "own", "full", "annual", "joint", "written", "formal", "brief", "previous", "earlier",
    "similar", "separate", "detailed", "big", "key", "main", "same",
}


_NOUN_PREPOSITIONS = {"in", "of", "for", "without", "under", "into", "from"}
_AFTER_PREPOSITIONS = _NOUN_PREPOSITIONS | {"after", "before", "since", "following", "during", "amid", "despite", "about", "over", "on", "with", "to"}


def _after_determiner(toks: Tokens, k: int) -> bool:
    """"the report", "his call", "Trump's latest claim", "an open question", "in question": the
    cue word at token k is a noun."""
    if k == 0:
        return False
    prev = toks.lows[k - 1]
    word = toks.lows[k]
    if prev in _NOUN_PREPOSITIONS and not word.endswith("ing"):
        return True  # "in question", "for comment", "of support" (but "by saying")
    if _noun_after_a_word(toks, k, word):
        return True
    if prev in _NOUN_ADJECTIVES and k > 1:
        if word.endswith("ed") or word in ("said", "told", "wrote", "says", "tells", "writes"):
            return False  # "the official said": a noun of persons, then a verb that is never a noun
        prev = toks.lows[k - 2]
    return prev in _DETERMINERS or prev.endswith(("'s", "’s"))


def _noun_after_a_word(toks: Tokens, k: int, word: str) -> bool:
    """"a big claim", "an open question": a bare form after "a" and a word is a noun (but "a
    spokesman said" is a subject and its verb); "after the Paris attacks", "in the Benghazi
    hearings": a name before a noun."""
    if k > 1 and toks.lows[k - 2] in ("a", "an", "another", "every", "each") and toks.texts[k - 1].isalpha() and CUES.get(word) == word:
        return True
    return (k > 2 and toks.texts[k - 1][0].isupper() and toks.lows[k - 2] in ("the", "a", "an")
            and toks.lows[k - 3] in _AFTER_PREPOSITIONS and CUES.get(word) in (word, word[:-1]))


def _find_subject(body: str, toks: Tokens, cue: Cue, ss: int, se: int) -> None:
    s = cue.start
    k = toks.index(s)
    if cue.participle and (k <= toks.index(ss) + 1 or toks.texts[k - 1] == ","):
        # "Citing last week's attack, Will urged ...": the subject comes after the comma;
        # "Trump went after Bush, calling him ...": the sentence's subject
        cue.coordinated = True
        return
    cue.subject = subject_before(body, toks, s, ss)
    if cue.subject is not None:
        _participle(toks, cue)
        return
    k = skip_adverbials(toks, k, toks.index(ss))
    prev = toks.texts[k - 1] if k > 0 else "\n"
    prev2 = toks.lows[k - 2] if k > 1 else ""
    if prev.lower() in ("and", "but") or (prev in (",", "—", "–") and cue.participle):
        # "... and noted that", "..., saying that": the subject of the clause before
        cue.coordinated = True
        return
    if prev.lower() == "who" and cue.lemma in SPEECH_LEMMAS:
        # "Mike Lee, who declared", "Rikkie Wells who tweeted"
        cue.subject = subject_before(body, toks, toks.starts[k - 1] if prev2 != "," else toks.starts[k - 2], ss)
        return
    _subject_elsewhere(body, toks, cue, k, prev, ss, se)


def _subject_elsewhere(body: str, toks: Tokens, cue: Cue, k: int, prev: str, ss: int, se: int) -> None:
    """The subject after the verb ('"...," said Peskov'), else a looser reading before it."""
    if (prev in _BEFORE_INVERTED or toks.starts[k - 1] <= ss) and _inverted_subject(body, toks, cue, se):
        return
    cue.subject = loose_subject(body, toks, cue.start, ss)
    if cue.subject is not None:
        _participle(toks, cue)


def _inverted_subject(body: str, toks: Tokens, cue: Cue, se: int) -> bool:
    """'"...," said Peskov': the subject after the verb -- but not 'told researchers: "..."' (an
    object, then a quote). Sets it and says whether it found one."""
    invertible = cue.lemma in _INVERTIBLE or (cue.lemma in SPEECH_LEMMAS and cue.lemma not in TAKES_OBJECT)
    if not invertible or cue.participle:
        return False
    phrase = phrase_after(body, toks, cue.end, se)
    if phrase is None:
        return False
    after = toks.index(phrase.end)
    nxt_text = toks.texts[after] if after < toks.n and toks.starts[after] < se else "."
    if phrase.pronoun and nxt_text.isalpha():
        return False  # "Jim Poolman, said he was": "he" begins the content ('"No," said he.' is rare)
    if nxt_text.lower() in _AFTER_INVERTED or (cue.lemma not in TAKES_OBJECT and nxt_text.isalpha() and nxt_text.islower()):
        cue.subject, cue.inverted = phrase, True
        return True
    return False


_OBJECT_PREPOSITIONS = {"on", "in", "at", "to", "with", "from", "for", "by", "of", "about", "into", "onto"}


def _participle(toks: Tokens, cue: Cue) -> None:
    """A participle ("saying", "writing") whose phrase before it is a thing ("issued a statement
    saying") or the object of a preposition ("responded on Facebook writing") is said by the
    sentence's subject, not by that phrase."""
    if not cue.participle or cue.subject is None or cue.subject.pronoun:
        return
    k = toks.index(cue.subject.start)
    # "with Donald Trump tweeting that": the phrase after "with" is the participle's subject
    after_preposition = k > 0 and toks.lows[k - 1] in _OBJECT_PREPOSITIONS and toks.lows[k - 1] != "with"
    if cue.subject.words[-1].islower() or after_preposition:
        cue.subject, cue.coordinated = None, True


_CONTENT_STOPS = _QUOTE_MARKS | {":", ";", ".", "\n", "?", "!", "(", "—", "–"}
_NOT_CLAUSES = {"and", "or", "but", "so", "yes", "no", "nothing", "goodbye"}


# Words that open a sentence with a clause before the main one: "While Ramos said that ..., he".
_SUBORDINATORS = {"while", "although", "though", "whereas", "even", "if", "because", "since", "as", "when", "after", "before", "once", "unless", "until"}


def _commas_outside_quotes(toks: Tokens, k: int, hi: int) -> Iterator[int]:
    """The tokens k < j < hi that are commas outside quotation marks."""
    quoted = False
    for j in range(k, hi):
        t = toks.texts[j]
        if t in ('"', "“", "”"):
            quoted = t == "“" or (t == '"' and not quoted)
        elif t == "," and not quoted and j > k:
            yield j


def _end_subordinate(body: str, toks: Tokens, cue: Cue, ss: int) -> None:
    """"While Ramos said that journalists cannot take sides, he appears uneasy": when the cue is in
    the clause opening its sentence, what it reports ends at the first comma outside quotation
    marks, where the main clause begins."""
    assert cue.content is not None
    start, end = cue.content
    if body.find(",", ss, cue.start) >= 0:
        return  # the cue is in the main clause
    for j in _commas_outside_quotes(toks, toks.index(start), toks.index(end)):
        cue.content = (start, toks.starts[j])
        return


# Words that, after a comma, turn from what was said to the writer’s own aside: "..., which stood
# at 263", "..., compared with four in 10 ...", "..., according to ..." (a concession, "..., though
# no details are available", is still what was said).
_ASIDE_OPENERS = {
    "which", "whose", "while", "whereas", "however", "compared",
    "despite", "meanwhile", "according", "as",
}


def _end_before_aside(toks: Tokens, cue: Cue) -> None:
    """What was said ends at the first comma (outside quotation marks) that opens an aside."""
    assert cue.content is not None
    start, end = cue.content
    hi = toks.index(end)
    for j in _commas_outside_quotes(toks, toks.index(start), hi - 1):
        if toks.lows[j + 1] in _ASIDE_OPENERS or (j + 2 < hi and toks.lows[j + 2] in ("whom", "which")):
            cue.content = (start, toks.starts[j])
            return


def _read_content(body: str, toks: Tokens, cue: Cue, ss: int, se: int) -> None:
    """What the cue reports, read in turn as: a that-clause or a bare clause after the cue (with
    time phrases and the listener skipped), an object, or -- when the cue closes or interrupts its
    sentence -- the rest of the sentence. The first reading that finds a content sets it."""
    if cue.according:
        _according_content(body, toks, cue, ss, se)
        return
    k = toks.index(cue.subject.end if cue.inverted and cue.subject else cue.end)
    hi = toks.index(se)
    found, j = _clause_after(toks, cue, k, hi, se)
    if found:
        return
    if cue.lemma == "speak" and k < hi and toks.lows[k] not in ("about", "of", "against"):
        return  # "spoke with voters", "spoke on the condition of anonymity": no one's words
    if _object_content(body, toks, cue, k, hi, se):
        return
    _closing_content(toks, cue, ss, se, j, hi)


def _clause_after(toks: Tokens, cue: Cue, k: int, hi: int, se: int) -> tuple[bool, int]:
    """Look past time and place phrases ("in a statement on Monday") and, for "told" and the
    like, the listener ("told reporters"), for "that" or a clause. (found, where the look stopped)"""
    object_taker = cue.lemma in TAKES_OBJECT
    j = k
    limit = min(hi, k + 12)
    # (what the loop asks of the cue, worked out once)
    first_clause = not cue.inverted and cue.lemma in BARE_CLAUSE and not object_taker
    saying = not cue.inverted and cue.lemma in _SAYING and cue.lemma not in CLAUSE_ONLY
    clause_after_object = object_taker or cue.lemma in BARE_CLAUSE
    texts, starts = toks.texts, toks.starts
    while j < limit:
        text = texts[j]
        if _that_clause(toks, cue, j, k, hi, se):
            return True, j
        if text in _CONTENT_STOPS:
            break
        if text == ",":
            if not _aside_after(toks, j, hi):
                break
            j += 2  # ", however": an aside, not the end of the cue's words
            continue
        if j == k:
            at_cue = _at_cue(toks, cue, j, hi, se, first_clause, saying)
            if at_cue is not None:
                return at_cue, j
        elif clause_after_object and _subject_after_object(toks, j):
            cue.content = (starts[j], se)  # "told reporters he would ..."
            return True, j
        j += 1
    return False, j


def _that_clause(toks: Tokens, cue: Cue, j: int, k: int, hi: int, se: int) -> bool:
    """"said that ...": the clause after "that" (not "said that, ..." where "that" is an object)."""
    if toks.lows[j] == "that" and j + 1 < hi and not (j == k and toks.texts[j + 1][0] in ",.;"):
        cue.that = True
        cue.content = (toks.starts[j + 1], se)
        return True
    return False


def _aside_after(toks: Tokens, j: int, hi: int) -> bool:
    return j + 1 < hi and toks.lows[j + 1] in ("however", "though", "too")


def _subject_after_object(toks: Tokens, j: int) -> bool:
    """A pronoun subject after the listener or object: "told reporters | he would ..."."""
    low = toks.lows[j]
    return (low in SUBJECT_PRONOUNS or (("'" in low or "’" in low) and _contraction(low))) and toks.texts[j - 1] != ","


def _at_cue(toks: Tokens, cue: Cue, j: int, hi: int, se: int, first_clause: bool, saying: bool) -> bool | None:
    """The word right after the cue: True when a clause starts there (content set), False when
    the look stops there, None when it goes on past a time or place phrase or a listener."""
    if _clause_at_cue(toks, cue, j, hi, se, first_clause, saying):
        return True
    low = toks.lows[j]
    if not (low in _PREPOSITIONS or low.rstrip(".") in _TIME_WORDS or cue.lemma in TAKES_OBJECT):
        return False
    return None


def _clause_at_cue(toks: Tokens, cue: Cue, j: int, hi: int, se: int, first_clause: bool, saying: bool) -> bool:
    """A clause right after the cue: "said Russia would ...", "Sanders says millions lost ..."."""
    low, text, start = toks.lows[j], toks.texts[j], toks.starts[j]
    if first_clause:
        if low in _CLAUSE_STARTERS or _contraction(low):
            if _starts_clause(toks, j, hi):
                cue.content = (start, se)
                return True
        elif text[0].isupper() and text not in NOT_NAMES and _name_then_verb(toks, j, hi):
            cue.content = (start, se)
            return True
    if saying and text.isalpha() and text.islower() and low not in _PREPOSITIONS and low not in _NOT_CLAUSES:
        cue.content = (start, se)  # "Sanders says millions lost their homes ..."
        return True
    return False


def _name_then_verb(toks: Tokens, j: int, hi: int) -> bool:
    """"said Russia would ..." (a clause) versus "said Peskov." (an inverted subject)."""
    n = j + 1
    while n < hi and toks.texts[n][0].isupper():
        n += 1
    return n < hi and toks.texts[n][0].islower() and toks.lows[n] not in _PREPOSITIONS and toks.lows[n] not in ("and", "of")


def _object_content(body: str, toks: Tokens, cue: Cue, k: int, hi: int, se: int) -> bool:
    """The cue's object: "endorsed Clinton", "plans to run ads"."""
    if cue.inverted or k >= hi or cue.lemma in CLAUSE_ONLY or not _object_start(toks.texts[k], toks.lows[k]) or _time_phrase(toks, k, hi):
        return False
    end = _object_end(body, toks, k, hi, se)
    if end > toks.starts[k] and (cue.lemma in _TO_VERBS or toks.lows[k] != "to"):
        cue.content = (toks.starts[k], end)
        return True
    return False


def _comma_before(toks: Tokens, cue: Cue, ss: int) -> int | None:
    """The token after the comma that sets the cue (and its subject) off from what came before
    in its sentence, if one does."""
    begin = cue.start if cue.inverted or not cue.subject else min(cue.start, cue.subject.start)
    kk = toks.index(begin)
    if kk > 1 and toks.texts[kk - 1] in ('"', "”") and toks.texts[kk - 2] == ",":
        kk -= 1  # '... "capital investment," Ben Carson said.'
    if kk > 0 and toks.texts[kk - 1] == "," and toks.starts[kk - 1] > ss + 5 and not (cue.participle and cue.subject is None):
        return kk  # (not a participle's phrase: "Meanwhile, speaking to MSNBC, Trump said ..." is Trump's)
    return None


def _closing_content(toks: Tokens, cue: Cue, ss: int, se: int, j: int, hi: int) -> None:
    """The cue ends or interrupts its sentence: "The plan is dead, he said." / "In a merger, he
    said, the brand would survive."."""
    kk = _comma_before(toks, cue, ss)
    if kk is None:
        return
    tail_start = j
    if _tail_is_short(toks, tail_start, hi) or (cue.inverted and cue.subject is not None and cue.subject.appositive):
        # what comes after is short, or is about the speaker: '..., said Wilcox, an Orlando
        # Republican who founded ...'
        cue.content = (ss, toks.starts[kk - 1])
    elif tail_start < hi and toks.texts[tail_start] == "," and tail_start + 1 < hi:
        if toks.texts[tail_start + 1] in ('"', "“"):
            return  # '..., Adelson said, "They have got to win."': the quote is what was said
        after = toks.starts[tail_start + 1]
        cue.content = (after, se) if (se - after) * 5 >= (se - ss) * 2 else (ss, se)


_TIME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weeks",
    "month", "months", "year", "years", "weekend", "day", "days", "night", "morning", "afternoon",
    "evening", "today", "tonight", "yesterday", "tomorrow", "jan", "feb", "march", "april", "may",
    "june", "july", "aug", "sept", "oct", "nov", "dec", "january", "february", "august",
    "september", "october", "november", "december", "hours", "decades", "time", "track",
}


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


# Verbs of saying whose complement is almost always a clause, even with no "that".
_SAYING = {"say", "add", "argue", "claim", "insist", "contend", "maintain", "assert", "believe", "think", "note", "explain", "predict", "warn", "suggest", "acknowledge", "admit", "concede"}

# Prepositions that open what a verb is about, unlike time and place ("in", "at", "during").
_CONTENT_PREPOSITIONS = {"about", "for", "against", "on", "over", "of", "with", "to", "as", "into"}


def _object_end(body: str, toks: Tokens, k: int, hi: int, se: int) -> int:
    """Where an object that starts at token k ends: the first comma, semicolon, colon, dash or
    parenthesis outside quotation marks, or the sentence end."""
    quote_open = False
    for n in range(k, hi):
        t = toks.texts[n]
        if t in ('"', "“", "”"):
            quote_open = t == "“" or (t == '"' and not quote_open)
            continue
        if quote_open:
            continue
        if t in (",", ";", ":", "(", "—", "–", "\n") or (t == "-" and n + 1 < hi and body[toks.starts[n] - 1] == " "):
            return toks.starts[n]
        if n > k + 1 and toks.lows[n] in _ADVERBIAL_STARTS:
            return toks.starts[n]  # "expressed solidarity for her | even as he alluded to her failings"
    return se


# Words that open an adverbial after an object, ending what the verb is about.
_ADVERBIAL_STARTS = {"when", "while", "because", "although", "though", "even", "since", "compared", "during", "after", "before", "despite", "amid", "until"}


_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets"}


def _passive(toks: Tokens, k: int, verb: str) -> bool:
    """"is expected", "was widely reported", "has been criticized": a form of "be" (and perhaps
    an adverb) right before the past participle at token k."""
    if not verb.endswith(("ed", "en", "wn", "id", "ld", "ght", "ne")) or verb in ("said", "told"):
        return False
    k -= 1
    if k >= 0 and toks.lows[k].endswith("ly"):
        k -= 1
    return k >= 0 and toks.lows[k] in _BE


def _negated(toks: Tokens, k: int) -> bool:
    """"did not say", "has never claimed" (the cue at token k): no claim is reported."""
    for low in toks.lows[max(0, k - 3) : k]:
        if low in ("not", "never", "n't", "didn't", "hasn't", "haven't", "wouldn't", "won't", "doesn't", "don't", "refused", "declined"):
            return True
    return False


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
    n = k
    while n < hi and toks.texts[n] not in (",", ".", ";", ":", "(", "—") and n - k < 25:
        n += 1
    if n == k:
        return
    cue.subject = Phrase(toks.starts[k], toks.ends[n - 1], toks.texts[k:n], literal=True)
    before_end = body.rfind(",", ss, cue.start)
    lead = body[ss : cue.start].strip(" \t\"“,")
    before = (ss, before_end) if before_end > ss and not body[before_end:cue.start].strip(", ") else None
    after = (toks.starts[n + 1], se) if n + 1 < hi and toks.texts[n] == "," else None
    if not lead or lead.lower() in ("but", "and", "yet", "also", "so"):
        before = None
    options = [span for span in (before, after) if span and span[1] - span[0] > 3]
    if options:
        cue.content = max(options, key=lambda span: span[1] - span[0])


def _coordinate(cues: list[Cue], sentences: Sentences, toks: Tokens) -> None:
    """Sort out cues inside another cue's content.

    "He added that X and noted that Y": "noted" shares the subject, and the first content stops
    before "and noted". "X said that Kyiv expects ...": "expects" is part of what X said, not a
    claim of its own, and is dropped. "X said that Y, but Z insisted that W": a new clause with
    its own subject ends the first content.
    """
    kept: list[Cue] = []
    outer: Cue | None = None
    body = sentences.body
    for cue in cues:
        if outer is None or outer.content is None or not (outer.content[0] <= cue.start < outer.content[1]):
            if _stands_alone(cue, kept, sentences, toks):
                kept.append(cue)
                outer = cue
            continue
        cut = _cut_at(body, toks, outer, cue)
        if cut is None:
            continue  # nested inside what the outer speaker said
        _end_content(body, outer, cut)
        kept.append(cue)
        outer = cue
    cues[:] = kept


def _stands_alone(cue: Cue, kept: list[Cue], sentences: Sentences, toks: Tokens) -> bool:
    """A cue outside any other's content: give a coordinated one its subject; keep it if it has
    a subject (a participle with content stays: its speaker is for the reader to say)."""
    if cue.coordinated and cue.subject is None:
        k = toks.index(cue.start)
        adverbial = k > 0 and toks.lows[k - 1] in ("by", "after", "before", "while", "when", "since")
        if kept and sentences.bounds(kept[-1].start) == sentences.bounds(cue.start) and not adverbial:
            cue.subject = kept[-1].subject
        else:
            cue.subject = sentence_subject(sentences, toks, cue.start)
    return not (cue.subject is None and not (cue.coordinated and cue.content))


def _cut_at(body: str, toks: Tokens, outer: Cue, cue: Cue) -> int | None:
    """Where a cue inside another's content ends that content: at the cue when it shares the
    subject ("... and noted that"), at its subject when a new speaker starts; None when it is part
    of what the outer speaker said."""
    assert outer.content is not None
    if cue.coordinated:
        k = toks.index(cue.start)
        if k and toks.lows[k - 1] in _BE:
            return None  # "supporters are endorsing Rubio": a verb inside what was said, not a second claim
        cue.subject = outer.subject
        return cue.start
    if cue.subject is not None and cue.subject.start > outer.content[0] + 1 and _new_speaker(body, outer, cue):
        return cue.subject.start  # "..., but Z insisted that ...", "... filing papers, John said ..."
    return None


def _new_speaker(body: str, outer: Cue, cue: Cue) -> bool:
    assert outer.content is not None and cue.subject is not None
    before = body[outer.content[0] : cue.subject.start].rstrip()
    named = not cue.subject.pronoun
    return bool(
        _clause_break(body, outer.content[0], cue.subject.start)
        or (named and cue.subject.words[0][0].isupper() and before.endswith((",", " and")))
        or before.endswith(_AFTER_QUOTE)
        or body.startswith(":", cue.end)  # "..., to which O'Malley interjected: ..." opens a quote
        or (named and cue.lemma == "say" and outer.lemma == "say" and before.endswith(" and"))
    )


_JOINERS_AT_END = (" to which", " at which", " which", " who", " and", " but", " while", " whereas",
                   " although", " though", " because", " as", ",", ";")


def _end_content(body: str, outer: Cue, cut: int) -> None:
    """End the outer content at `cut`, without the words that joined the next clause to it."""
    assert outer.content is not None
    text = body[outer.content[0] : cut].rstrip()
    for _ in range(2):
        for joiner in _JOINERS_AT_END:
            if text.endswith(joiner):
                text = text[: -len(joiner)].rstrip()
    outer.content = (outer.content[0], outer.content[0] + len(text))


_OPENERS = {
    "in", "on", "at", "after", "before", "during", "since", "when", "while", "as", "by", "with",
    "without", "for", "from", "despite", "although", "though", "because", "if", "meanwhile",
    "still", "but", "and", "yet", "so", "later", "earlier", "instead", "however", "also",
    "speaking", "asked", "citing", "according", "last", "this", "next", "then", "now", "once",
}


_SUBJECT_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my"}


def sentence_subject(sentences: Sentences, toks: Tokens, pos: int) -> Phrase | None:
    """The subject a participle or coordinated verb shares: the name, role or pronoun opening its
    sentence, after an opening adverbial ("In an interview with the Journal, Trump ...")."""
    ss, _ = sentences.bounds(pos)
    i, hi = toks.index(ss), toks.index(pos)
    i = _after_dateline(toks, i, hi)
    while i < hi and toks.texts[i] in ('"', "“", "‘", "(", "—"):
        i += 1
    for _ in range(3):  # "On Thursday, after remaining neutral, Warren appeared ..."
        while i < hi and toks.lows[i] in _CONJUNCTIONS:
            i += 1  # "And then Trump went on the attack, saying"
        if not (i < hi and _opens_adverbial(toks, i, hi)):
            break
        comma = next((j for j in range(i, min(hi, i + 30)) if toks.texts[j] == ","), None)
        if comma is None:
            return None
        i = _after_place(toks, comma + 1, hi)  # "Speaking in Salem, New Hampshire, Trump ..."
    if i >= hi:
        return None
    return phrase_after(sentences.body, toks, toks.starts[i], toks.ends[hi - 1])


def _after_dateline(toks: Tokens, i: int, hi: int) -> int:
    """Past a dateline: "WASHINGTON, Dec. 8 (UPI) — ..."."""
    if i < hi and toks.texts[i].isupper() and len(toks.texts[i]) > 2:
        for j in range(i, min(hi, i + 14)):
            if toks.texts[j] in ("—", "–", "-", "--"):
                return j + 1
    return i


def _opens_adverbial(toks: Tokens, i: int, hi: int) -> bool:
    """Does an opening adverbial start here ("In an interview ...,", "Speaking in Salem,")?"""
    low, text = toks.lows[i], toks.texts[i]
    return (low in _OPENERS or _time_opener(toks, i, hi) or _participle_opener(toks, i, hi)
            or (text in NOT_NAMES and low not in SUBJECT_PRONOUNS and low not in _SUBJECT_DETERMINERS))


_CONJUNCTIONS = {"and", "but", "so", "then", "yet", "still"}


def _after_place(toks: Tokens, i: int, hi: int) -> int:
    """Past a place name and its comma at token i ("New Hampshire,"), else i."""
    for j in range(i + 1, min(hi, i + 4)):
        if toks.texts[j] == ",":
            return j + 1 if " ".join(toks.texts[i:j]) in PLACES else i
    return i


def _participle_opener(toks: Tokens, i: int, hi: int) -> bool:
    """A participle opening the sentence: "Holding signs calling him a loser, the protesters ..."."""
    low = toks.lows[i]
    return low.endswith("ing") and len(low) > 4 and i + 1 < hi and toks.texts[i + 1][0].islower()


def _time_opener(toks: Tokens, i: int, hi: int) -> bool:
    """A time phrase and a comma opening the sentence: "A few days later,", "Two weeks ago,"."""
    for j in range(i + 1, min(hi, i + 6)):
        if toks.texts[j] == ",":
            return toks.lows[j - 1] in ("later", "ago", "earlier")
    return False


_AFTER_QUOTE = (',"', ",”", '?"', "?”", '!"', "!”")


def _clause_break(body: str, start: int, pos: int) -> bool:
    before = body[start:pos].rstrip()
    return before.endswith((", but", ", while", ", whereas", ";", ", and", " but", " while"))
