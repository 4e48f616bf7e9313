"""Putting it together: quotes, cues, labels and speakers into a list of claims."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter

from ..model import Claim
from . import calibration
from .cues import Cue, find_cues, sentence_subject
from .headline import headline_claims
from .lexicon import (
    ANSWERS,
    APPOSITIVE_NOT_ROLES,
    ATTITUDE,
    FINITE_AUX,
    GIVEN_NAME_GENDER,
    GLOSS_WORDS,
    NOT_NAMES,
    NOT_SUBJECT_BEFORE,
    ORG_HEADS,
    SPOKEN_CONTRACTIONS,
    TITLE_CUES,
    TITLE_SMALL_WORDS,
)
from .names import (
    NEVER_NAMES,
    Phrase,
    Registry,
    Tokens,
    Where,
    gender_of,
    name_runs,
    phrase_after,
    role_word,
    split_words,
    subject_before,
)
from .quote_rules import NOT_SPEECH, QUOTE_RULES, At
from .quotes import Quote, find_quotes
from .reported_rules import after_listener, listener_end, veto
from .sentences import Sentences
from .speaker import NOBODY, Speaker, names_no_one, speaker_name, trails, unnamed_source

ATTITUDE_LEMMAS = frozenset(ATTITUDE.values())
_EDITORIAL = re.compile(r"\[[^\[\]\n]{1,500}\]")
_EDITORS_NOTE = re.compile(r"\[[^\[\]\n]{1,1000}?[–—-]\s*ed(?:itor)?s?\.?\s*\]|\[\s*NB\b[^\[\]\n]{0,1000}\]", re.I)
_SOURCE_LINE = re.compile(r"^Sources?:[ \t]*(.+)$", re.M)
_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Gov", "Sen", "Rep", "Gen", "Prof", "Rev"}
_PUNCT_END = set(",.;:!?\"”“()—–")


@lru_cache(maxsize=16384)
def _name_words(run: str) -> tuple[str, ...]:
    """A capitalised run as name words: a sentence's full stop and leading non-names removed."""
    words = run.split()
    last = words[-1]
    if last.endswith(".") and not (len(last) == 2 or last[:-1] in _ABBREVIATIONS):
        words[-1] = last[:-1]
    while words and (words[0] in NEVER_NAMES or (("'" in words[0] or "’" in words[0]) and _never_a_name(words[0]))):
        words.pop(0)  # (also "September's Hartlepool by-election", "Monday's", "We've")
    if "'" not in run and "’" not in run:
        return tuple(words)  # (most runs: no possessive inside)
    return tuple(_possessor(words))


def _never_a_name(word: str) -> bool:
    if word in NEVER_NAMES:
        return True
    if "'" not in word and "’" not in word:
        return False
    return word.removesuffix("'s").removesuffix("’s") in NEVER_NAMES or _PRONOUN_CONTRACTION.match(word) is not None


_PRONOUN_CONTRACTION = re.compile(r"(?i)(?:i|we|you|they|he|she|it|that|there|what|who)['’]")


def _possessor(words: list[str]) -> list[str]:
    """A run with a possessive inside names its owner: "Gordon Brown's Budget" is Gordon Brown
    (but "St Mary's Hospital" is an organisation's name)."""
    for k, w in enumerate(words[:-1]):
        if w.endswith(("'s", "’s")) and ORG_HEADS.isdisjoint(words[k + 1 :]):
            return [*words[:k], w[:-2]]
    return words


def _role_before(body: str, start: int) -> tuple[str, ...]:
    """The role written before a name: "spokesman Dmitry Peskov", "Kremlin spokesman"."""
    role: list[str] = []
    for w in reversed(body[max(0, start - 80) : start].split()[-5:]):
        if w[-1] in _PUNCT_END:
            break
        if role_word(w.lower()) or (role and w[0].isupper() and w not in NOT_NAMES):
            role.insert(0, w)
        else:
            break
    return tuple(role)


@lru_cache(maxsize=16384)
def _name_plan(role: tuple[str, ...], words: tuple[str, ...]) -> tuple[str, str, str | None, str | None] | None:
    """(name, kind, role, gender) to register for a name with the role before it; kind is
    "person?" for a lone word that counts only if the name is already known."""
    name, role_text, kind = split_words(role + words)
    if not name or kind == "role":
        return None
    if " " not in name and not role_text and kind not in ("org", "place"):
        if not name.isupper():
            return (name, "person?", None, None)
        kind = "org"
    gender = gender_of(role_text, list(words)) if role_text or words[0] in _GENDERED_FIRST else None
    return (name, kind, role_text, gender)


_BY_PLACE = attrgetter("start", "end")
_SENTENCE_GAPS = {". ", "? ", "! ", '." ', ".” "}
# A person with their age and where they are from: "Harry Bond, 30, of Raleigh, N.C.".
_AGED_FROM = re.compile(r"(?P<name>(?:[A-Z][\w.'’-]*\s){1,3}[A-Z][\w'’-]+), (?P<age>\d{1,3}), (?:of|from) (?:[A-Z][\w.'’-]*,? ){0,3}$")


# First words that tell a person's gender: honorifics and given names ("Mr Brown", "Sharon Osbourne").
_GENDERED_FIRST = frozenset(GIVEN_NAME_GENDER) | {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Sir", "Lord", "Lady", "Dame"}


def _IN_READING_ORDER(c: Claim) -> tuple[int, int]:
    """By place, a statement before the quotes inside it."""
    return (c.start, -c.end)
# Words that make an appositive more than a name with its role: "led by X", "like X", "A and B".
_APPOSITIVE_BREAKS = frozenset({"and", "by", "for", "like", "with", "or"})


def _appositive_person(phrase: Phrase, role: str | None) -> tuple[str, str | None, list[str]] | None:
    """(name, role, words) of the person named in the appositive of a role: "A former candidate --
    John McCain, who lost in 2008 -- said", "The other candidate, former Secretary of State Hillary
    Clinton, said"; None when it names no one person ("Two analysts, A and B, found")."""
    assert phrase.appositive is not None
    lead = phrase.appositive.split(",")[0].split()
    if 2 <= len(lead) <= 4 and all(w[0].isupper() and w not in NOT_NAMES for w in lead):
        return " ".join(lead), role, lead
    singular = not (role or phrase.text).lower().endswith("s")
    if 2 <= len(lead) <= 8 and lead[-1][0].isupper() and singular and _APPOSITIVE_BREAKS.isdisjoint(lead):
        name, lead_role, kind = split_words(tuple(lead))
        if kind == "person" and name and " " in name:
            return name, lead_role or role, lead
    return None


class _Extraction:
    def __init__(self, body: str) -> None:
        self.body = body
        self.quotes = find_quotes(body)
        self._quote_starts = [q.open_at for q in self.quotes]
        self.sentences = Sentences(body)
        self.toks = Tokens(body)
        self.registry = Registry()
        self.claims: list[Claim] = []
        self.quote_speaker: dict[int, Speaker] = {}
        self.nested: list[tuple[Claim, Claim]] = []  # (reported claim, a quote inside it)
        self.vetoed: list[tuple[str, int, int]] = []  # (check, start, end) of reported words set aside
        self.not_speakers: list[tuple[str, int, int, str]] = []  # claims whose "speaker" cannot speak

    # -- helpers ---------------------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i].open_at <= pos < self.quotes[i].after

    def resolve(self, phrase: Phrase | None, pos: int) -> Speaker:
        """Turn a subject phrase into a speaker, using what the article said before `pos`."""
        if phrase is None:
            return Speaker(None, None, None, 0.3)
        if phrase.pronoun:
            return self._pronoun(phrase, pos)
        aged = self._aged_person(phrase, pos)
        if aged is not None:
            return aged
        name, role, kind = phrase.split()
        if phrase.literal and not (kind in ("person", "org", "place") and name and len(name.split()) >= len(phrase.words) - 1):
            return self._literal(phrase, pos)
        role = role or _appositive_role(phrase.appositive)
        if kind == "role":
            return self._named_in_appositive(phrase, role, pos) or self._role(phrase, role, pos)
        assert name is not None  # a person or an organisation always has a name
        entity = self.registry.add(name, kind, role, pos, gender_of(role, phrase.words))
        mention = phrase.text if phrase.text != entity.name else None
        return Speaker(entity.name, entity.role or role, entity, 0.95, mention=mention)

    def _aged_person(self, phrase: Phrase, pos: int) -> Speaker | None:
        """"Cory James, 22, of Flint, Mich., said": the person, not the place they are from."""
        window = self.body[max(0, phrase.start - 60) : phrase.start]
        if ", of " not in window and ", from " not in window:
            return None  # (nearly every phrase: no age and home town before it)
        m = _AGED_FROM.search(self.body, max(0, phrase.start - 120), phrase.start)
        if m is None or m.end() != phrase.start:
            return None
        words = tuple(m.group("name").split())
        name, role, kind = split_words(words)
        if kind != "person" or not name:
            return None
        entity = self.registry.add(name, "person", role, pos, gender_of(role, list(words)))
        return Speaker(entity.name, entity.role or role, entity, 0.9, mention=f"{m.group('name')}, {m.group('age')}")

    def _pronoun(self, phrase: Phrase, pos: int) -> Speaker:
        """"he", "they": whoever the article last named that the pronoun can refer to."""
        assert phrase.pronoun is not None
        # (made for the call, not kept: kept on self, it would tie self in a reference cycle,
        # and every article's extraction would wait for the garbage collector)
        where = Where(self._outside_quotes, self._sentence_start, self._after_article)
        entity = self.registry.pronoun(phrase.pronoun, pos, where)
        if entity is None:
            return Speaker(None, None, None, 0.4)
        return Speaker(entity.name, entity.role, entity, 0.8, mention=phrase.text)

    def _outside_quotes(self, pos: int) -> bool:
        return not self.inside_quote(pos)

    def _sentence_start(self, pos: int) -> int:
        return self.sentences.bounds(pos)[0]

    def _after_article(self, pos: int) -> bool:
        """Is the word before `pos` an article or "by" ("an Alan Shearer strike", "by Obama")?"""
        k = self.toks.index(pos)
        return k > 0 and self.toks.lows[k - 1] in NOT_SUBJECT_BEFORE

    def _literal(self, phrase: Phrase, pos: int) -> Speaker:
        """A phrase taken as written ("the sprint duo's lawyers"): its words, without the article."""
        words = phrase.words[1:] if phrase.words[0].lower() in ("the", "a", "an") else phrase.words
        text = " ".join(words[:10])
        return Speaker(text, None, self.registry.add(text, "role", None, pos, gender_of(text, ())), 0.8)

    def _named_in_appositive(self, phrase: Phrase, role: str | None, pos: int) -> Speaker | None:
        """"The other candidate, former Secretary of State Hillary Clinton, said": the person."""
        person = _appositive_person(phrase, role) if phrase.appositive else None
        if person is None:
            return None
        person_name, person_role, lead = person
        entity = self.registry.add(person_name, "person", person_role, pos, gender_of(person_role, lead))
        return Speaker(entity.name, entity.role or person_role, entity, 0.9, mention=phrase.text)

    def _role(self, phrase: Phrase, role: str | None, pos: int) -> Speaker:
        """"the spokesman": the person the article named with that role, else the role itself."""
        words = (role or "").lower().split()
        definite = phrase.words[0].lower() == "the"
        head = next((w for w in reversed(words) if w not in ("of", "for", "at")), None)
        plural = bool(head) and head.endswith("s") and not head.endswith(("ss", "'s", "’s"))  # "the firms": not one of them
        if definite and head and len(words) <= 3 and not plural:
            entity = self.registry.by_role(head, pos)
            if entity is not None:
                return Speaker(entity.name, entity.role, entity, 0.75, mention=phrase.text)
        label = role or phrase.text
        return Speaker(label, None, self.registry.add(label, "role", None, pos, gender_of(label, ())), 0.7)

    def spoke(self, who: Speaker, pos: int) -> None:
        if who.entity is not None:
            who.entity.last_spoke = max(who.entity.last_spoke, pos)

    def add(self, kind: str, start: int, end: int, who: Speaker, cue: str | None, rule: str, confidence: float) -> Claim | None:
        body = self.body
        checked = self._checked(kind, start, end, who) if who.name else who
        if checked is None:
            return None
        who = checked
        trailing = " \t\n,;:" if kind == "quote" else " \t\n,;:."
        while end > start and body[end - 1] in trailing:
            end -= 1
        while start < end and body[start] in " \t\n":
            start += 1
        if end - start < 2:
            return None
        # (positional, in the order of Claim's fields: keywords cost a microsecond a claim)
        claim = Claim(
            "",  # id
            kind,
            body[start:end],  # text
            start,
            end,
            who.name,  # speaker
            who.role,  # role
            cue,
            round(confidence * (who.confidence if who.name else 0.3), 2),  # confidence
            rule,
            self._editorial(kind, start, end),
            who.mention if who.name else None,  # mention
        )
        self.claims.append(claim)
        return claim

    def _checked(self, kind: str, start: int, end: int, who: Speaker) -> Speaker | None:
        """The speaker as a speaker's name (speaker.speaker_name); None when the words are no
        one's: "according to the ministerial code" is a text, not anyone's words."""
        assert who.name is not None
        name = speaker_name(who.name)
        if name and kind == "reported" and names_no_one(name):
            self.not_speakers.append((kind, start, end, who.name))
            return None
        if name == who.name:
            return who
        self.not_speakers.append((kind, start, end, who.name))
        if name is None and kind == "reported" and not unnamed_source(who.name):
            return None
        return Speaker(name, who.role, who.entity, who.confidence, who.mention or who.name) if name else NOBODY

    def _editorial(self, kind: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
        """Inside a quote any [bracketed] words are the editor's; elsewhere only marked notes are."""
        body = self.body
        if body.find("[", start, end) < 0:
            return ()
        pattern = _EDITORIAL if kind == "quote" else _EDITORS_NOTE
        return tuple((m.start(), m.end()) for m in pattern.finditer(body, start, end))

    # -- passes ----------------------------------------------------------------------------
    def register_names(self) -> None:
        """Every capitalised name, with the role written before it, so that later mentions
        ("Peskov", "the spokesman", "he") can be resolved. This runs for every name in every
        article, so what depends only on the words is worked out once (and cached)."""
        body = self.body
        registry = self.registry
        by_token = registry._by_token
        toks = self.toks
        for k, start, run in name_runs(body, toks):
            words = _name_words(run)
            if not words:
                continue
            role: tuple[str, ...] = ()
            if k and toks.ends[k - 1] == start - 1 and body[start - 1] == " ":
                # The role written before a name: "spokesman Dmitry Peskov" (most have none).
                if toks.texts[k - 1][-1].islower() and role_word(toks.lows[k - 1]):
                    role = _role_before(body, start)
            if len(words) == 1 and not role:
                # A lone capitalised word: a later mention of someone known, an acronym (NATO,
                # FBI; longer capitals are datelines), or a place or name not seen before.
                found = by_token.get(words[0].lower())
                if found:
                    found[-1].mentions.append(start)  # (positions come in order here)
                elif words[0].isupper() and 1 < len(words[0]) <= 6:
                    registry.add(words[0], "org", None, start)
                continue
            self._register(_name_plan(role, words), start)

    def _register(self, plan: tuple[str, str, str | None, str | None] | None, start: int) -> None:
        if plan is None:
            return
        name, kind, role_text, gender = plan
        if kind == "person?":
            # A lone capitalised word with no role: only a name already known.
            if self.registry.find(name) is None:
                return
            kind = "person"
        self.registry.add(name, kind, role_text, start, gender)

    def sources(self) -> None:
        for m in _SOURCE_LINE.finditer(self.body) if "Source" in self.body else ():
            pos = m.start(1)
            for part in re.split(r";", m.group(1)):
                stripped = part.strip()
                start = pos + part.index(stripped[:1]) if stripped else pos
                pos += len(part) + 1
                if not stripped:
                    continue
                who = self._source_speaker(start, start + len(stripped)) or Speaker(stripped, None, None, 0.9)
                self.add("source", start, start + len(stripped), who, "Source", "source-line", 0.95)

    def _source_speaker(self, start: int, end: int) -> Speaker | None:
        """"Russian propaganda outlet RIA Novosti" -> RIA Novosti, role "Russian propaganda
        outlet"; "Zelenskyy on Telegram" -> Zelenskyy."""
        phrase = subject_before(self.body, self.toks, end, start)
        if phrase is None or phrase.start > start:
            phrase = phrase_after(self.body, self.toks, start, end)
        if phrase is None or phrase.pronoun:
            return None
        name, role, kind = phrase.split()
        if not name:
            return None
        if any(w in ORG_HEADS for w in name.split()):
            kind = "org"
        entity = self.registry.add(name, kind, role, start)
        return Speaker(entity.name, role, entity, 0.95)

    def run(self) -> list[Claim]:
        self.register_names()
        self.sources()
        source_ids = {id(c) for c in self.claims}
        cues = find_cues(self.body, self.toks, self.sentences, self.inside_quote)
        self.cue_starts = [c.start for c in cues]
        # Quotes and cues in body order (a quote before a cue at the same place).
        events = sorted([(c.start, 1, i) for i, c in enumerate(cues)] + [(q.open_at, 0, i) for i, q in enumerate(self.quotes)])
        cue_speaker: dict[int, Speaker] = {}

        def speaker_of(cue: Cue) -> Speaker:
            key = id(cue)
            if key not in cue_speaker:
                cue_speaker[key] = self.resolve(cue.subject, cue.start)
            return cue_speaker[key]

        consumed: set[int] = set()
        for _, is_cue, index in events:
            if not is_cue:
                self.attribute_quote(index, cues, speaker_of, consumed)
            else:
                self._cue(cues[index], speaker_of, consumed)
        return self._kept(source_ids)

    def _cue(self, cue: Cue, speaker_of, consumed: set[int]) -> None:
        who = speaker_of(cue)
        said = cue.used or (cue.content is not None and self.reported(cue, who, consumed))
        if who.name and (said or who.entity is None or who.entity.kind != "role"):
            self.spoke(who, cue.start)  # (not "an alliance | agreed in 2000", which made no claim)

    def _kept(self, source_ids: set[int]) -> list[Claim]:
        """The claims, disjoint (see _drop_overlaps) but for the quotes inside kept statements."""
        self.claims.sort(key=_BY_PLACE)
        sources = [c for c in self.claims if id(c) in source_ids]
        kept = _drop_overlaps([c for c in self.claims if id(c) not in source_ids])
        alive = {id(c) for c in kept}
        nested = [quote for parent, quote in self.nested if id(parent) in alive]
        return sorted(sources + kept + nested, key=_IN_READING_ORDER)

    # -- reported speech -------------------------------------------------------------------
    def reported(self, cue: Cue, who: Speaker, consumed: set[int]) -> bool:
        """The claim a cue reports, if its words are one; whether the cue said something (a
        quotation of its own, which the quote rules attribute, counts)."""
        span = self._reported_span(cue)
        if span is None:
            return True
        start, end, inside = span
        body = self.body
        if body[start] in "-—–":
            return True  # "-President Obama, tweeting after the speech": a dash attribution line
        vetoed = veto(body, cue, start, end)
        if vetoed:
            self.vetoed.append((vetoed, start, end))
            return False
        words = body[start:end].split(None, 2)
        if len(words) < 2 and not (words and (cue.lemma in ATTITUDE_LEMMAS or words[0].strip(".,").lower() in ANSWERS) and words[0][:1].isalnum()):
            return False  # one word is too little, except the object of a stand ("endorsed Clinton") or an answer ("said yes")
        cue_text = body[cue.start : cue.end] + (" that" if cue.that else "")
        confidence = 0.85 if cue.that or cue.according else 0.7
        rule = "reported-" + ("that" if cue.that else "according" if cue.according else "clause")
        claim = self.add("reported", start, end, who, cue_text, rule, confidence)
        if claim is not None:
            consumed.update(inside)
            self.quoted_within(claim, inside, who)
        return claim is not None

    def _reported_span(self, cue: Cue) -> tuple[int, int, list[int]] | None:
        """Where what a cue reports starts and ends, and the quotes inside it; None when it is
        a quotation of its own (the quote rules attribute it) or inside one."""
        assert cue.content is not None
        start, end = cue.content
        if self.inside_quote(start) and not cue.that:
            return None
        if after_listener(self.body, cue, start):
            start = listener_end(self.body, start, end) or start  # "told MPs | a new White Paper was ..."
        first = max(bisect_right(self._quote_starts, start) - 1, 0)
        inside: list[int] = []
        for i in range(first, len(self.quotes)):
            q = self.quotes[i]
            if q.open_at > end:
                break
            if q.after < start:
                continue
            if q.open_at <= start + 1 and q.after >= end - 2:
                return None  # one quotation: `added that "there are no ..."` (it sees this cue first)
            if self._opens_sentence(q, start):
                end = q.open_at - 1  # '... at M&S. "Either way, ...": a new sentence, quoted
                break
            if q.end > end:
                end = q.after  # the sentence splitter stopped inside a quote
            inside.append(i)
        if end <= cue.start and self._quote_ends_at(cue):
            return None  # '"...," it added.': what was added is the quote (the quote rules say so)
        return start, end, inside

    def _opens_sentence(self, q: Quote, start: int) -> bool:
        return q.open_at > start and self.body[q.open_at - 2 : q.open_at] in _SENTENCE_GAPS

    def _quote_ends_at(self, cue: Cue) -> bool:
        """Does a quote end right before the cue ('"...," it added')?"""
        begin = cue.subject.start if cue.subject is not None and not cue.inverted else cue.start
        i = bisect_right(self._quote_starts, begin) - 1
        return i >= 0 and self.quotes[i].after <= begin and not self.body[self.quotes[i].after : begin].strip(" ,")

    def quoted_within(self, claim: Claim, inside: list[int], who: Speaker) -> None:
        """The speaker's own words quoted inside what they are reported to have said: `He added
        that "there are no specifics yet"`, `its "mediator role"`. Each is a quote of its own (a
        part of the reported statement, not another statement), with the statement's speaker."""
        for i in inside:
            q = self.quotes[i]
            if q.start < claim.start or q.end > claim.end or q.end - q.start < 2 or self.is_title(q) or self._glossed(q):
                continue
            nested = Claim("", "quote", self.body[q.start : q.end], q.start, q.end, claim.speaker, claim.role,
                           claim.cue, claim.confidence, "quote-within", (), claim.mention)
            self.nested.append((claim, nested))

    def _glossed(self, q: Quote) -> bool:
        """A word the writer glosses or names, not the speaker's: 'Latin for "truth"', 'dubbed
        "the Iron Lady"', 'known as "fracking"'."""
        before = self.body[max(0, q.open_at - 20) : q.open_at].split()
        return bool(before) and (before[-1].lower() in GLOSS_WORDS or " ".join(before[-2:]).lower() in GLOSS_WORDS)

    # -- direct quotes ---------------------------------------------------------------------
    def attribute_quote(self, index: int, cues: list[Cue], speaker_of, consumed: set[int]) -> None:
        """Ask the quote rules in order; the first that answers gives the speaker (or says the
        quote is no one's words)."""
        if index in consumed:
            return
        q = self.quotes[index]
        text = self.body[q.start : q.end]
        ps, pe = self.sentences.paragraph(q.open_at)
        at = At(index, q, text, len(text.split()), ps, pe, cues, speaker_of)
        for rule in QUOTE_RULES:
            found = rule.find(self, at)
            if found is None:
                continue
            if found is NOT_SPEECH:
                return
            claim = self.add("quote", q.start, q.end, found.who, found.cue, "quote-" + rule.name, rule.confidence)
            if claim is not None:
                self.quote_speaker[index] = found.who
                self.spoke(found.who, q.open_at)
            return

    def sentence_cue(self, q: Quote, cues: list[Cue]) -> Cue | None:
        """The cue of the sentence a quote sits in, when what it reports holds the quote: the
        nearest before it, else the nearest after it (in the sentence where the quote ends)."""
        ss = self.sentences.bounds(q.open_at)[0]
        se = self.sentences.bounds(q.after)[1]

        def reports_it(c: Cue) -> bool:
            return (c.subject is not None or c.coordinated)

        first = bisect_left(self.cue_starts, ss)
        before = [c for c in cues[first : bisect_left(self.cue_starts, q.open_at)] if c.end <= q.open_at and reports_it(c)]
        if before:
            return before[-1]
        for c in cues[bisect_left(self.cue_starts, q.after) :]:
            if c.start >= se:
                break
            if not c.coordinated and reports_it(c):
                return c
        return None

    def after_title_cue(self, pos: int) -> bool:
        before = self.body[max(0, pos - 30) : pos].lower().split()
        return bool(before) and (before[-1].strip(",:") in TITLE_CUES or before[-2:] == ["goes", "by"])

    def is_title(self, q: Quote) -> bool:
        """A name or a title in quotation marks: `so-called "peace plan"`, "Saturday Night Live"."""
        return self.after_title_cue(q.open_at) or title_case(self.body[q.start : q.end])

    def is_not_speech(self, q: Quote, text: str, words: int) -> bool:
        if words > 5 and self.after_title_cue(q.open_at):
            return True  # (shorter quotes after a title word were set aside first)
        if q.single and words < 6:
            return True
        if title_case(text):
            return True  # a title: "Saturday Night Live", "The Late Show With Stephen Colbert"
        if words <= 4 and not re.search(r"[.!?,]\W*$", text):
            return True  # a scare quote or a label
        return False

    def previous_attributed(self, index: int) -> int | None:
        """The nearest quote before this one that was given a speaker."""
        prev = index - 1
        while prev >= 0 and prev not in self.quote_speaker:
            prev -= 1
        return prev if prev >= 0 else None

    def title_claims(self, title: str) -> list[Claim]:
        """The headline's claim, its speaker resolved against what the body says about them."""
        out = []
        for who, start, end, cue, rule in headline_claims(title):
            words = _headline_name(who.split())
            if not words:
                continue
            name, role, kind = split_words(tuple(words))
            speaker = self._headline_speaker(name, role, kind, who)
            if speaker is None:
                continue  # a headline's speaker is someone its article speaks of: "Ready to", "The Only" are not
            kind_ = "quote" if title[max(start - 1, 0) : start] in "'‘\"“" and start > 0 else "reported"
            out.append(
                Claim(id="", kind=kind_, text=title[start:end], start=start, end=end, speaker=speaker.name,
                      role=speaker.role, cue=cue, confidence=round(0.7 * speaker.confidence, 2), rule=rule,
                      mention=speaker.mention or (who if who != speaker.name else None), part="title")
            )
        return out

    def _headline_speaker(self, name: str | None, role: str | None, kind: str, who: str) -> Speaker | None:
        """Who a headline's claim is by, as the article names them; None for a person the article
        never names (the words before the verb are then no one: "Ready to", "Breton Will")."""
        if name:
            entity = self.registry.find(name) if kind not in ("org", "place") else None
            last = name.split()[-1]
            if entity is None and kind == "person" and (last in NOT_NAMES or last.lower() not in self.body.lower()):
                return None
            return Speaker(entity.name if entity else name, (entity.role if entity else None) or role, entity, 0.8)
        if role and role_word(_role_head(role).lower()):
            entity = self.registry.by_role(_role_head(role), len(self.body))
            return Speaker(entity.name, entity.role, entity, 0.7, mention=who) if entity else Speaker(role, None, None, 0.6)
        return None

    def known_subject(self, phrase: Phrase | None, pos: int) -> Speaker | None:
        """A sentence's subject as a speaker, if it is someone: a pronoun that resolves, a name
        or a role the article knows, not just any capitalised word ("Boos rained down")."""
        if phrase is None:
            return None
        if phrase.pronoun:
            who = self.resolve(phrase, pos)
            return who if who.name else None
        name, role, kind = phrase.split()
        if kind == "role" or (name and (self.registry.find(name) or kind in ("org", "place") or role)):
            who = self.resolve(phrase, pos)
            return who if who.name else None
        return None

    def nearby_speaker(self, pos: int) -> Speaker | None:
        """A quote with no attribution at all usually belongs to whoever the sentence before it is
        about ("The DNC issued a statement apologizing. "On behalf of ...""), else to the person
        the text has just named, else to the last speaker."""
        ss = self.sentences.bounds(pos)[0]
        if ss > 0:
            who = self.known_subject(sentence_subject(self.sentences, self.toks, max(ss - 2, 0)), pos)
            if who is not None:
                return Speaker(who.name, who.role, who.entity, 0.5)
        window = pos - 600
        best_pos, best = -1, None
        for c in reversed(self.claims):
            if c.start < window:
                break
            if c.kind != "source" and c.speaker and c.start < pos:
                best_pos, best = c.start, Speaker(c.speaker, c.role, None, 0.5)
                break
        ps = self.sentences.paragraph(pos)[0]
        for entity in self.registry.entities:
            if entity.kind != "person" or not (entity.role or entity.last_spoke >= 0 or entity.gender):
                continue  # a bare capitalised pair may be a place ("Fort Pierce", "North Korea")
            last = entity.last_before(pos)
            last = last if last >= max(window, ps - 300) else -1
            if last > best_pos:
                best_pos, best = last, Speaker(entity.name, entity.role, entity, 0.45)
        return best

    def main_speaker(self, pos: int) -> Speaker:
        """For a `Quote:` block with no name: the latest speaker before it, else the first source,
        else the first person the article names with a role ("Defence Minister Oleksii ...")."""
        before = [c for c in self.claims if c.speaker and c.start < pos]
        spoken = [c for c in before if c.kind != "source"]
        best = max(spoken, key=attrgetter("start"), default=None) or next((c for c in before if c.kind == "source"), None)
        if best is not None:
            return Speaker(best.speaker, best.role, self.registry.find(best.speaker) if best.speaker else None, 0.8)
        for entity in self.registry.entities:
            if entity.kind == "person" and entity.role and entity.mentions[0] < pos:
                return Speaker(entity.name, entity.role, entity, 0.6)
        return Speaker(None, None, None, 0.3)


_ROLE_SYNONYMS = {"spokesperson": "spokesman", "spokeswoman": "spokesman", "spokespeople": "spokesman"}


def _role_head(role: str) -> str:
    """The noun a role ends in, with synonyms folded: "Putin's spokesperson" -> "spokesman"."""
    head = role.split()[-1].lower()
    return _ROLE_SYNONYMS.get(head, head)


def _headline_name(words: list[str]) -> list[str]:
    """A headline's words before its verb without the Title Case words around the name: "Trump
    Just", "Donald Trump Finally", "Trump Is Now", "How Paul Ryan" -> the name."""
    while words and (trails(words[-1].lower()) or words[-1].lower() in FINITE_AUX or words[-1] in NOT_NAMES):
        words = words[:-1]
    while words and words[0] in NOT_NAMES:
        words = words[1:]
    return words


def _appositive_role(appositive: str | None) -> str | None:
    if not appositive:
        return None
    text = appositive.strip()
    for det in ("a ", "an ", "the "):
        if text.lower().startswith(det):
            text = text[len(det):]
            break
    first = text.split(None, 1)[0].lower() if text else ""
    if first in ("who", "which", "whose") or first in APPOSITIVE_NOT_ROLES or text[:1].isdigit():
        return None  # "who lost in 2008", "during a meeting in Columbus", "however": no role
    return text[:80] if text else None


_SENTENCE_INSIDE = re.compile(r"[.!?;]\s+\S")


def title_case(text: str) -> bool:
    """Words of a title or a name, not a sentence: two to twelve words, every one capitalised but
    the short ones a title leaves small, no sentence ending inside ("The Late Show With Stephen
    Colbert", "Eye of the Tiger."; not "Lock her up!")."""
    words = [w.strip("\"'“”‘’()[],.:;!?-–—") for w in text.split()]
    words = [w for w in words if w]
    if not 2 <= len(words) <= 12 or _SENTENCE_INSIDE.search(text):
        return False
    if any(w.lower().replace("’", "'") in SPOKEN_CONTRACTIONS for w in words):
        return False  # "That's Jeb Bush and Marco Rubio.": a sentence
    return _capitalised_as_a_title([w for w in words if w.lower() not in TITLE_SMALL_WORDS or w == words[0]])


def _capitalised_as_a_title(big: list[str]) -> bool:
    """Every word a title capitalises is, and not all in capitals ("LOCK HER UP" is shouted)."""
    return len(big) >= 2 and all(w[0].isupper() or w[0].isdigit() for w in big) and not all(w.isupper() for w in big)


def _drop_overlaps(claims: list[Claim]) -> list[Claim]:
    """Keep claims disjoint: where two overlap, the one found first by position wins, except
    that a quote beats a reported claim that only wraps it."""
    out: list[Claim] = []
    for c in sorted(claims, key=lambda c: (c.start, -(c.end - c.start))):
        if out and c.start < out[-1].end:
            prev = out[-1]
            if prev.kind == "reported" and c.kind == "quote" and c.end - c.start >= 0.8 * (prev.end - prev.start):
                out[-1] = c
            continue
        out.append(c)
    return out


def editorial_spans(body: str) -> tuple[tuple[int, int], ...]:
    """Editor's notes in the body: `[NB: ... – ed.]`, `[... – ed.]`."""
    return tuple((m.start(), m.end()) for m in _EDITORS_NOTE.finditer(body)) if "[" in body else ()


def find_claims(body: str, title: str = "") -> list[Claim]:
    """All claims of an article, without ids: the headline's first (offsets into the title,
    part "title"), then the body's in body order."""
    extraction = _Extraction(body)
    claims = extraction.run()
    return calibration.apply(extraction.title_claims(title) + claims if title else claims)
