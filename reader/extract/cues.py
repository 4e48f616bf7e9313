"""Reporting cues ("said", "has stated that", "according to") with their speaker and content."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import compress

from .content import CLAUSE_ONLY, read_content
from .lexicon import (
    ADJECTIVE_ENDINGS,
    ADJECTIVES,
    AUX,
    AUX_VERBS,
    BACK_MOTION,
    BACK_PARTICLES,
    CUES,
    DATA_SOURCES,
    GIVEN_NAME_GENDER,
    INTENTIONS,
    NAMING,
    NOT_ADJECTIVES,
    NOT_NAMES,
    NOT_SUBJECT_OPENERS,
    PEOPLE_NOUNS,
    PLACES,
    ROLE_NOUNS,
    SENTENCE_OPENING_CUES,
    SPEECH,
    STATING,
    SUBJECT_PRONOUNS,
    TAKES_OBJECT,
    past_or_speech_verb,
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
        form = texts[k]
        tails = CUE_REST.get(form)
        e = _longer_form_end(body, toks, k, tails) if tails else -1
        if e >= 0:
            form = body[s:e]
        elif form in CUES:
            e = ends[k]
        else:
            continue  # only the first word of a longer form ("according")
        if e < len(body) and body[e] in _JOINERS:
            continue  # "said-"
        done = e
        found.append((k, s, e, form))
    return found


def _longer_form_end(body: str, toks: Tokens, k: int, tails: list[tuple[str, ...]]) -> int:
    """Where the longest form of several words ("according to", "called for", "made clear")
    that starts at token k ends, its words apart by single spaces; -1 if none does."""
    texts, starts, ends = toks.texts, toks.starts, toks.ends
    for tail in tails:
        n = len(tail)
        if tuple(texts[k + 1 : k + 1 + n]) == tail and all(
            starts[j] == ends[j - 1] + 1 and body[ends[j - 1]] == " " for j in range(k + 1, k + 1 + n)
        ):
            return ends[k + n]
    return -1


_SAYS = {"say", "tell", "write", "add", "note", "argue", "claim", "warn", "insist"}
_SAYS_FORMS = frozenset(form for form, lemma in CUES.items() if lemma in _SAYS and form.islower())
# Words after which a cue form is an infinitive or a passive, not someone speaking.
_NOT_AFTER = {"to", "be", "been", "being"}


def find_cues(body: str, toks: Tokens, sentences: Sentences, inside_quote) -> list[Cue]:
    """Every cue outside quotation marks that has a speaker, in body order."""
    cues: list[Cue] = []
    for k, s, e, verb in cue_matches(body, toks):
        if k and toks.lows[k - 1] in _NOT_AFTER and not _progressive(toks, k):
            continue  # "plans to support", "has been asked": no one speaks here
        if inside_quote(s) or _after_determiner(toks, k):
            continue  # quoted, or after a determiner: "the report", "his call", "a claim" are nouns
        lemma = _speaking(toks, sentences, k, s, e, verb)
        if lemma is None:
            continue
        cue = Cue(s, e, lemma, verb)
        if _progressive(toks, k):
            k -= 1  # "has been warning": the cue is "been warning", its subject before "has been"
            cue = Cue(toks.starts[k], e, lemma, body[toks.starts[k] : e])
        if _read_cue(body, toks, sentences, cue, k):
            cues.append(cue)
    _coordinate(cues, sentences, toks)
    return cues


def _read_cue(body: str, toks: Tokens, sentences: Sentences, cue: Cue, k: int) -> bool:
    """The cue's subject and content, for the cue at token k; False when it has no speaker."""
    ss, se = sentences.bounds(cue.start)
    if cue.according:
        cue.subject = phrase_after(body, toks, cue.end, se)
    else:
        _find_subject(body, toks, cue, k, ss, se)
    if cue.subject is None and not cue.coordinated and not cue.according:
        return cue.lemma in STATING and _opening_subject(body, toks, sentences, cue, ss, se)
    named = cue.subject is not None
    read_content(body, toks, cue, ss, se)  # ("according to his family": the source is read with it)
    if cue.subject is None:
        return cue.coordinated
    return not (cue.according and not named and _data_source(cue.subject))


def _opening_subject(body: str, toks: Tokens, sentences: Sentences, cue: Cue, ss: int, se: int) -> bool:
    """A cue of saying whose subject is too long to find ("some voters who have listened to his
    speeches over the decades said he ..."): when it reports a clause after it, its subject is
    the phrase opening the sentence, if that is a name or a noun phrase ending before the cue.
    True when the cue has content and a subject so."""
    word = cue.verb.split(" ")[0].lower()
    if not (_never_noun(word) or (cue.participle and cue.lemma in _SAYS)) or body.startswith(" by ", cue.end):
        return False  # "denied claims that", "musical notes": a noun
    phrase = sentence_subject(sentences, toks, cue.start)
    if phrase is None or phrase.end > cue.start or phrase.pronoun or phrase.words[0].lower() in NOT_SUBJECT_OPENERS:
        return False
    read_content(body, toks, cue, ss, se)
    if cue.content is None or cue.content[0] < cue.end or not (cue.that or _has_verb(toks, *cue.content)):
        return False  # (", says a new MPs' report": the subject after the cue, no clause)
    cue.subject = phrase
    return True


def _data_source(source: Phrase) -> bool:
    """"according to studio estimates", "according to exit polls": figures, not anyone speaking
    (the speaker of a claim is a person, a group or an organisation)."""
    return source.words[-1].lower().strip(".,") in DATA_SOURCES


def _has_verb(toks: Tokens, start: int, end: int) -> bool:
    """A verb among the first words from start to end: "the rules were incompatible"."""
    k, hi = toks.index(start), toks.index(end)
    return any(toks.lows[j] in AUX_VERBS or past_or_speech_verb(toks.texts[j], toks.lows[j]) for j in range(k, min(hi, k + 8)))


def _progressive(toks: Tokens, k: int) -> bool:
    """"has been warning", "will be asking": the -ing form after "be" or "been" is someone
    speaking, not a passive (but "would be seeking" is a plan, no one speaking)."""
    low = toks.lows[k]
    return k > 0 and toks.lows[k - 1] in ("be", "been") and low.endswith("ing") and CUES.get(low) not in INTENTIONS


def _back_as_adverb(toks: Tokens, k: int) -> bool:
    """"back" at token k is an adverb or a particle: "went back to", "backed down", "backing up"."""
    nxt = toks.lows[k + 1] if k + 1 < toks.n else ""
    return nxt in BACK_PARTICLES or (k > 0 and toks.lows[k - 1] in BACK_MOTION)


def _named_thing(toks: Tokens, k: int) -> bool:
    """"a company called Cambridge Analytica", "a group of Ethiopians called Ginbot 7": the cue
    at token k names the thing before it (after "a" and words in lower case)."""
    if k + 1 >= toks.n or not toks.texts[k + 1][:1].isupper():
        return False
    for j in range(k - 1, max(-1, k - 5), -1):
        low = toks.lows[j]
        if low in ("a", "an"):
            return j < k - 1 and j > 0 and toks.texts[j - 1] not in (".", "!", "?", '"', "“", "”")  # (not "A senator called ...")
        if not (toks.texts[j].isalpha() and toks.texts[j].islower()) or low in AUX:
            return False
    return False


def _speaking(toks: Tokens, sentences: Sentences, k: int, s: int, e: int, verb: str) -> str | None:
    """The lemma of the cue form `verb` at token k (from s to e), or None where it is no one
    speaking."""
    if _part_of_a_noun_phrase(toks, sentences, k, s, e, verb):
        return None
    lemma = "according to" if verb.lower() == "according to" else CUES[verb]
    if lemma == "back" and _back_as_adverb(toks, k):
        return None  # "gone back to", "backed down", "cut back": no one backing anyone
    if lemma in NAMING and _named_thing(toks, k):
        return None  # "a company called Cambridge Analytica": a name given, not words said
    if _passive(toks, k, verb):
        return None  # "is expected to", "was planned": the subject is not the one who speaks
    if lemma not in SPEECH_LEMMAS and k and toks.lows[k - 1] in _MODALS:
        return None  # "UK Muslims should accept that", "local people would decide": no one's stand yet
    if lemma in SPEECH_LEMMAS and _negated(toks, k):
        return None  # "did not say how much": nothing was said (but "does not support" is a stand)
    return lemma


def _part_of_a_noun_phrase(toks: Tokens, sentences: Sentences, k: int, s: int, e: int, verb: str) -> bool:
    """The cue form is a word of a noun phrase, not a verb: "abortion rights advocates | said"
    (a noun before the verb; but "she said adding that" is a verb and a participle), "Edward
    Said" (a name, unless it opens the sentence), "policy planning | director Anne-Marie
    Slaughter" (a title's modifier)."""
    if k + 1 >= toks.n:
        return False
    nxt = toks.lows[k + 1]
    if nxt in _SAYS_FORMS and toks.starts[k + 1] == e + 1 and not nxt.endswith("ing"):
        return True
    if verb in SENTENCE_OPENING_CUES and sentences.bounds(s)[0] != s:
        return True
    if nxt in ROLE_NOUNS and verb.endswith("ing") and k + 2 < toks.n and toks.texts[k + 2][0].isupper():
        return True
    # "former European 100m champion Dwain Chambers": after a measure, before a given name, a title
    return k > 0 and toks.lows[k - 1][:1].isdigit() and verb in _BARE_FORMS and toks.texts[k + 1] in GIVEN_NAME_GENDER


_MODALS = frozenset({"should", "must"})  # (not "would", "could": "would support" is a stand PolNeAR counts)
_DETERMINERS = {
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those",
    "whose", "every", "each", "no", "any", "another",
}
_NOUN_ADJECTIVES = {
    "new", "latest", "recent", "major", "first", "second", "final", "initial", "official", "public",
    "own", "full", "annual", "joint", "written", "formal", "brief", "previous", "earlier",
    "similar", "separate", "detailed", "big", "key", "main", "same",
}


# Cue forms that are their lemma, or their lemma and an "s" ("claim", "reports"): the forms
# that can be a noun after an article and a word ("a big claim"). The only forms
# `_noun_after_article` can answer yes for, so the others need not ask it.
_BARE_FORMS = frozenset(form for form, lemma in CUES.items() if lemma in (form, form[:-1]))
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
    if word in _BARE_FORMS and (_noun_after_article(toks, k, word) or _noun_after_modifiers(toks, k, word)):
        return True
    if prev in _NOUN_ADJECTIVES:
        if _never_noun(word):
            return False  # "the official said": a noun of persons, then a verb that is never a noun
        if k == 1 or toks.texts[k - 2] in (".", "!", "?", "\n", "\"", "”", ")"):
            return word in _BARE_FORMS  # "Full details of the new powers", "Recent reports suggest"
        prev = toks.lows[k - 2]
    return prev in _DETERMINERS or prev.endswith(("'s", "’s"))


def _noun_after_modifiers(toks: Tokens, k: int, word: str) -> bool:
    """"the clear support given to", "its central claim that", "a pick-up in global demand for",
    "amid renewed reports of": the cue word at token k, after an adjective that follows a
    determiner, a possessive or a preposition, is a noun (not "the official said")."""
    if k < 2 or _never_noun(word) or not _adjective(toks.texts[k - 1], toks.lows[k - 1]):
        return False
    low = toks.lows[k - 2]
    if low in _DETERMINERS or low.endswith(("'s", "’s")):
        return CUES.get(word) == word  # (a singular noun takes "hopes": "the president hopes")
    return low in _AFTER_PREPOSITIONS


def _adjective(text: str, low: str) -> bool:
    """A word in lower case that reads as an adjective: "clear", "central", "renewed" (not
    "five", "general")."""
    return (text.isalpha() and text.islower() and low not in NOT_ADJECTIVES
            and (low in ADJECTIVES or low.endswith(ADJECTIVE_ENDINGS)))


def _never_noun(word: str) -> bool:
    """A cue form that is a verb, never a noun: "said", "told", "claimed"."""
    return word.endswith("ed") or word in ("said", "told", "wrote", "says", "tells", "writes")


def _noun_after_article(toks: Tokens, k: int, word: str) -> bool:
    """The cue word at token k (`word`, in lower case) is a noun after an article and a word."""
    if k > 1 and toks.lows[k - 2] in ("a", "an", "another", "every", "each") and toks.texts[k - 1].isalpha() and CUES.get(word) == word:
        # "a big claim", "an open question": a bare form after "a" and a word is a noun (but "a
        # spokesman said" is a subject and its verb)
        return True
    # "after the Paris attacks", "in the Benghazi hearings": a name before a noun
    return (k > 2 and toks.texts[k - 1][0].isupper() and toks.lows[k - 2] in ("the", "a", "an")
            and toks.lows[k - 3] in _AFTER_PREPOSITIONS and CUES.get(word) in (word, word[:-1]))


# Words before a gerund whose subject is the sentence's: "told the AP | after | hinting that".
_BEFORE_GERUND = frozenset({"after", "before", "while", "when", "since", "without", "upon", "by"})


def _find_subject(body: str, toks: Tokens, cue: Cue, k: int, ss: int, se: int) -> None:
    """Who speaks, for the cue at token k: the subject before it, or (with `cue.coordinated`)
    the subject of the clause before, or one after it ('"...," said Peskov', `cue.inverted`)."""
    gerund = toks.lows[k - 1] in _BEFORE_GERUND and cue.lemma in SPEECH_LEMMAS  # (not "after seeing")
    if cue.participle and (k <= toks.index(ss) + 1 or toks.texts[k - 1] == "," or gerund):
        # "Citing last week's attack, Will urged ...": the subject comes after the comma;
        # "Trump went after Bush, calling him ...", "Carson told the AP after hinting that":
        # the sentence's subject
        cue.coordinated = True
        return
    cue.subject = subject_before(body, toks, cue.start, ss)
    if cue.subject is None:
        _subject_not_before(body, toks, cue, k, ss, se)
    else:
        _participle(toks, cue)


def _subject_not_before(body: str, toks: Tokens, cue: Cue, k: int, ss: int, se: int) -> None:
    """The cue at token k has no subject right before it: past adverbials, "and", "who", or an
    inverted subject after the cue, else a looser subject before it."""
    k = skip_adverbials(toks, k, toks.index(ss))
    prev = toks.texts[k - 1] if k > 0 else "\n"
    if prev.lower() in ("and", "but") or (prev in (",", "—", "–") and cue.participle):
        # "... and noted that", "..., saying that": the subject of the clause before
        cue.coordinated = True
        return
    if _relative_subject(prev.lower(), cue.lemma):
        # "Mike Lee, who declared", "Rikkie Wells who tweeted", "voters who think"; not a wish
        # or a plan ("investors who hope to")
        cue.subject = _subject_before_who(body, toks, k, ss)
        return
    if _may_invert(toks, cue, k, prev, ss):
        phrase = _inverted_subject(body, toks, cue, se)
        if phrase is not None:
            cue.subject, cue.inverted = phrase, True
            return
    cue.subject = loose_subject(body, toks, cue.start, ss)
    if cue.subject is not None:
        _participle(toks, cue)


def _relative_subject(prev: str, lemma: str) -> bool:
    """A cue after a relative pronoun speaks for the phrase before it: "Mike Lee, who declared",
    "voters who think" (not a plan or wish: "investors who hope to"); after "which" or "that",
    only a verb of speech ("Labour, which denies", not "a fund which supports students")."""
    if prev == "who":
        return lemma not in INTENTIONS
    return prev in ("which", "that") and lemma in SPEECH_LEMMAS


def _subject_before_who(body: str, toks: Tokens, k: int, ss: int) -> Phrase | None:
    """The subject before "who" (token k - 1) and the comma before it, if there is one."""
    prev2 = toks.lows[k - 2] if k > 1 else ""
    return subject_before(body, toks, toks.starts[k - 1] if prev2 != "," else toks.starts[k - 2], ss)


def _may_invert(toks: Tokens, cue: Cue, k: int, prev: str, ss: int) -> bool:
    """The cue, after `prev` (token k - 1), can stand before its subject: '"...," said Peskov' --
    but not 'told researchers: "..."' (an object, then a quote)."""
    invertible = cue.lemma in _INVERTIBLE or (cue.lemma in SPEECH_LEMMAS and cue.lemma not in TAKES_OBJECT)
    return (prev in _BEFORE_INVERTED or toks.starts[k - 1] <= ss) and invertible and not cue.participle


def _inverted_subject(body: str, toks: Tokens, cue: Cue, se: int) -> Phrase | None:
    """The phrase after the cue, if it is the cue's subject: '"...," said Peskov.'"""
    phrase = phrase_after(body, toks, cue.end, se)
    if phrase is None:
        return None
    after = toks.index(phrase.end)
    nxt_text = toks.texts[after] if after < toks.n and toks.starts[after] < se else "."
    if phrase.pronoun and nxt_text.isalpha():
        return None  # "Jim Poolman, said he was": "he" begins the content ('"No," said he.' is rare)
    if nxt_text.lower() in _AFTER_INVERTED or (cue.lemma not in TAKES_OBJECT and nxt_text.isalpha() and nxt_text.islower()):
        return phrase
    return None


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


_BE = {"is", "are", "was", "were", "be", "been", "being", "'s", "’s", "get", "got", "gets"}


def _passive(toks: Tokens, k: int, verb: str) -> bool:
    """"is expected", "was widely reported", "has been criticized": a form of "be" (and perhaps
    an adverb) right before the past participle at token k."""
    if not verb.endswith(("ed", "en", "wn", "id", "ld", "ght", "ne")) or verb in ("said", "told"):
        return False
    k -= 1
    if k >= 0 and toks.lows[k] in ("not", "n't", "never"):
        k -= 1  # "is not expected to happen"
    if k >= 0 and toks.lows[k].endswith("ly"):
        k -= 1
    return k >= 0 and toks.lows[k] in _BE


def _negated(toks: Tokens, k: int) -> bool:
    """"did not say", "has never claimed" (the cue at token k): no claim is reported."""
    for low in toks.lows[max(0, k - 3) : k]:
        if low in ("not", "never", "n't", "didn't", "hasn't", "haven't", "wouldn't", "won't", "doesn't", "don't", "refused", "declined"):
            return True
    return False


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
        if outer is not None and outer.content is not None and outer.content[0] <= cue.start < outer.content[1]:
            if not _cut_short(body, toks, outer, cue):
                continue  # nested inside what the outer speaker said
        elif cue.subject is None and not _takes_shared_subject(kept, cue, sentences, toks):
            continue  # (a participle with content stays: its speaker is for the reader to say)
        kept.append(cue)
        outer = cue
    cues[:] = kept


def _takes_shared_subject(kept: list[Cue], cue: Cue, sentences: Sentences, toks: Tokens) -> bool:
    """A cue with no subject of its own, outside other cues' content, stays: with the subject
    it shares if it is coordinated, or with none if it is a participle with content."""
    if cue.coordinated:
        cue.subject = _shared_subject(kept, cue, sentences, toks)
    return cue.subject is not None or bool(cue.coordinated and cue.content)


def _shared_subject(kept: list[Cue], cue: Cue, sentences: Sentences, toks: Tokens) -> Phrase | None:
    """The subject a coordinated cue outside other cues' content shares: the last cue's in the
    same sentence (not after "by", "after" and the like), else the sentence's."""
    k = toks.index(cue.start)
    adverbial = k > 0 and toks.lows[k - 1] in _BEFORE_GERUND
    same = kept and sentences.bounds(kept[-1].start) == sentences.bounds(cue.start)
    if same and not adverbial:
        return kept[-1].subject
    # ('"...," Carson told the AP after hinting that': the sentence's subject is the last cue's)
    return sentence_subject(sentences, toks, cue.start) or (kept[-1].subject if same else None)


def _cut_short(body: str, toks: Tokens, outer: Cue, cue: Cue) -> bool:
    """Where a cue inside the outer cue's content begins a claim of its own, end that content
    there (without the joiners before it); False when the cue is nested in what the outer
    speaker said."""
    assert outer.content is not None
    if cue.coordinated:
        k = toks.index(cue.start)
        if k and toks.lows[k - 1] in _BE:
            return False  # "supporters are endorsing Rubio": a verb inside what was said, not a second claim
        if cue.participle and toks.texts[k - 1] != ",":
            return False  # "can cut crime without asking", "not using adverts and offering": inside what was said
        if cue.lemma in CLAUSE_ONLY and not cue.that:
            return False  # "she hoped to get it back, and then would continue to spread ...": no new claim
        cue.subject = outer.subject
        cut = toks.starts[skip_adverbials(toks, k, toks.index(outer.content[0]))]  # "fraud | and will testify"
    elif cue.subject is not None and cue.subject.start > outer.content[0] + 1 and _new_speaker(body, outer, cue):
        # "..., but Z insisted that ...", "... filing papers, John said ...": a new speaker
        cut = cue.subject.start
    else:
        return False
    start = outer.content[0]
    outer.content = (start, start + len(_without_joiners(body[start:cut].rstrip())))
    return True


def _new_speaker(body: str, outer: Cue, cue: Cue) -> bool:
    """The cue's subject, inside the outer cue's content, begins a new clause with a speaker of
    its own."""
    assert outer.content is not None and cue.subject is not None
    subject = cue.subject
    before = body[outer.content[0] : subject.start].rstrip()
    if before.endswith(_CLAUSE_BREAKS) or before.endswith(_AFTER_QUOTE):
        return True
    if body.startswith(":", cue.end):
        return True  # "..., to which O'Malley interjected: ..." opens a quote
    if subject.pronoun:
        return False
    return ((subject.words[0][0].isupper() and before.endswith((",", " and")))
            or (cue.lemma == "say" and outer.lemma == "say" and before.endswith(" and")))


# Words that join what was said to the cue that cuts it short: "X said that Y, but Z insisted"
# ends what X said at "Y" (taken off the end twice: "..., and").
_TRAILING_JOINERS = (" to which", " at which", " which", " who", " and", " but", " while", " whereas",
                     " although", " though", " because", " as", ",", ";")


def _without_joiners(text: str) -> str:
    """The text without the joiners at its end."""
    for _ in range(2):
        for joiner in _TRAILING_JOINERS:
            if text.endswith(joiner):
                text = text[: -len(joiner)].rstrip()
    return text


_OPENERS = {
    "in", "on", "at", "after", "before", "during", "since", "when", "while", "as", "by", "with",
    "without", "for", "from", "despite", "although", "though", "because", "if", "meanwhile",
    "still", "but", "and", "yet", "so", "later", "earlier", "instead", "however", "also",
    "speaking", "asked", "citing", "according", "last", "this", "next", "then", "now", "once",
    "outside", "inside", "across", "throughout", "amid", "following", "ahead", "under",
}


_SUBJECT_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my"}
# Words that open a subject counting people: "About 50 protesters", "Hundreds of pro-Sanders
# demonstrators", "One operative inside Trump Tower".
_COUNT_OPENERS = frozenset(
    "about around nearly almost some several many hundreds thousands dozens scores one two three four five six".split()
)


def sentence_subject(sentences: Sentences, toks: Tokens, pos: int) -> Phrase | None:
    """The subject a participle or coordinated verb shares: the name, role or pronoun opening its
    sentence, after an opening adverbial ("In an interview with the Journal, Trump ...")."""
    body = sentences.body
    ss, _ = sentences.bounds(pos)
    i, hi = toks.index(ss), toks.index(pos)
    i = _past_quote(toks, _after_dateline(toks, i, hi), hi)
    while i < hi and toks.texts[i] in ('"', "“", "‘", "(", "—"):
        i += 1
    for _ in range(3):  # "On Thursday, after remaining neutral, Warren appeared ..."
        while i < hi and toks.lows[i] in _CONJUNCTIONS:
            i += 1  # "And then Trump went on the attack, saying"
        if not (i < hi and _opens_adverbial(toks, i, hi)):
            break
        i = _past_comma(toks, i, hi)
        if i < 0:
            return None
        i = _after_place(toks, i, hi)  # "Speaking in Salem, New Hampshire, Trump ..."
    if i >= hi:
        return None
    return _counted_people(toks, i, hi) or phrase_after(body, toks, toks.starts[i], toks.ends[hi - 1])


def _counted_people(toks: Tokens, i: int, hi: int) -> Phrase | None:
    """A subject that counts people, up to the noun for them: "About 50 protesters had
    gathered", "Hundreds of pro-Sanders demonstrators marched"; None for any other opening."""
    if toks.lows[i] not in _COUNT_OPENERS:
        return None
    for j in range(i + 1, min(hi, i + 6)):
        if toks.lows[j] in ROLE_NOUNS or toks.lows[j] in PEOPLE_NOUNS:
            return Phrase(toks.starts[i], toks.ends[j], toks.texts[i : j + 1])
        if not (toks.lows[j][:1].isalnum() or toks.lows[j] == "-"):
            return None
    return None


_CONJUNCTIONS = {"and", "but", "so", "then", "yet", "still"}


def _past_quote(toks: Tokens, i: int, hi: int) -> int:
    """Past a quotation opening the sentence at token i and the comma after it ('"...," he
    will say before arguing': the subject is "he", not the quote's first words), else i."""
    if i >= hi or toks.texts[i] not in ('"', "“"):
        return i
    for j in range(i + 1, hi):
        if toks.texts[j] in ('"', "”"):
            return j + 1 + (j + 1 < hi and toks.texts[j + 1] == ",")
    return i


def _after_dateline(toks: Tokens, i: int, hi: int) -> int:
    """Past a dateline opening the sentence at token i ("WASHINGTON, Dec. 8 (UPI) — ..."), else i."""
    if i < hi and toks.texts[i].isupper() and len(toks.texts[i]) > 2:
        for j in range(i, min(hi, i + 14)):
            if toks.texts[j] in ("—", "–", "-", "--"):
                return j + 1
    return i


def _opens_adverbial(toks: Tokens, i: int, hi: int) -> bool:
    """Token i opens an adverbial before the subject: "In an interview ...,", "Two weeks ago,",
    "Holding signs ...,", or a capitalised word that is no name, pronoun or determiner."""
    low = toks.lows[i]
    if low in _COUNT_OPENERS and _counted_people(toks, i, hi) is not None:
        return False  # "One operative inside Trump Tower tried ..., saying": the subject
    return low in _OPENERS or _time_opener(toks, i, hi) or _participle_opener(toks, i, hi) or _adverb_opener(toks, i, hi) or (
        toks.texts[i] in NOT_NAMES and low not in SUBJECT_PRONOUNS and low not in _SUBJECT_DETERMINERS
    )


def _past_comma(toks: Tokens, i: int, hi: int) -> int:
    """The token after the first comma within 30 tokens of token i, or -1."""
    for j in range(i, min(hi, i + 30)):
        if toks.texts[j] == ",":
            return j + 1
    return -1


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


def _adverb_opener(toks: Tokens, i: int, hi: int) -> bool:
    """An adverb opening the sentence before a time clause: "Shortly after the vote ended,"
    (not "Kelly said": the word after it decides)."""
    return toks.lows[i].endswith("ly") and i + 1 < hi and toks.lows[i + 1] in ("after", "before", "afterwards", ",")


def _time_opener(toks: Tokens, i: int, hi: int) -> bool:
    """A time phrase and a comma opening the sentence: "A few days later,", "Two weeks ago,"."""
    for j in range(i + 1, min(hi, i + 6)):
        if toks.texts[j] == ",":
            return toks.lows[j - 1] in ("later", "ago", "earlier")
    return False


_AFTER_QUOTE = (',"', ",”", '?"', "?”", '!"', "!”")
# What ends a clause before a new speaker: "X said that Y, but Z insisted".
_CLAUSE_BREAKS = (", but", ", while", ", whereas", ";", ", and", " but", " while")
