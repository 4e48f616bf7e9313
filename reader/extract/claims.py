"""Putting it together: quotes, cues, labels and speakers into a list of claims."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from ..model import Claim
from .cues import Cue, find_cues, sentence_subject
from .headline import headline_claims
from .lexicon import ATTITUDE, NOT_NAMES, ORG_HEADS, TITLE_CUES
from .names import (
    NEVER_NAMES,
    Entity,
    Phrase,
    Registry,
    Tokens,
    gender_of,
    name_runs,
    phrase_after,
    role_word,
    split_words,
    subject_before,
)
from .quotes import Quote, find_quotes
from .sentences import Sentences

ATTITUDE_LEMMAS = frozenset(ATTITUDE.values())
_EDITORIAL = re.compile(r"\[[^\[\]\n]{1,500}\]")
_EDITORS_NOTE = re.compile(r"\[[^\[\]\n]{1,1000}?[–—-]\s*ed(?:itor)?s?\.?\s*\]|\[\s*NB\b[^\[\]\n]{0,1000}\]", re.I)
_SOURCE_LINE = re.compile(r"^Sources?:[ \t]*(.+)$", re.M)
_QUOTE_LABEL = re.compile(r"^Quote(?:\s+from\s+(?P<who>[^:\n]{1,120}))?:[ \t]*", re.M)
_HONORIFICS = {"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Sir", "Lord", "Lady", "Dame"}
_ABBREVIATIONS = {"Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "St", "Gov", "Sen", "Rep", "Gen", "Prof", "Rev"}
_PUNCT_END = set(",.;:!?\"”“()—–")
_INTRO_GAP = re.compile(
    r"^(?:\s*that\s*|\s*[:,]?\s*|\s+[^\"“”«».;!?\n]{1,70}?[:,]\s*|\s+[^\"“”«».;!?\n:]{1,40}?\s+that\s*)$"
)
_AFTER_GAP = re.compile(r"^[\s,]*$")
# A long subject between a quote and its verb: '"...," former George W. Bush speechwriter Noam Neusner wrote'
_AFTER_NAMING = re.compile(r"^[\s,]+(?:(?:the|a|an|former|then|[A-Z][\w.'’-]*|[a-z][\w-]*er|[a-z][\w-]*ist)\s+){1,6}$")
# '"...," election law expert Rick Hasen tweeted': a few more words of the subject's phrase.
_AFTER_WORDS = re.compile(
    r"^[\s,]*(?!(?:while|when|as|because|but|and|or|which|who|that|if|after|before|since|though|although|so|until|where|in|on|at)\b)"
    r"(?:[\w'’\-.]+\s+){1,5}$"
)
_NAME_THEN_VERB = re.compile(r" ((?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’-]*) ([a-z]{3,}ed)[.;]")
_DASH_NAME = re.compile(r"\s[-—–]+\s*([A-Z][\w.'’\- ]{1,60}?)\s*:\s*$")
_DASH_GAP = re.compile(r"\s*[—–-]{1,2}\s*")
_COLON_BREAK = re.compile(r"^[^\n\"“”]{0,60}:\s*\n\s*$")
_COLON_LEAD = re.compile(r"(?:^|[.!?][\"”’']?\s+)([^.!?\n\"“”:]{2,240}):\s*$", re.M)


@lru_cache(maxsize=16384)
def _name_words(run: str) -> tuple[str, ...]:
    """A capitalised run as name words: a sentence's full stop and leading non-names removed."""
    words = run.split()
    last = words[-1]
    if last.endswith(".") and not (len(last) == 2 or last[:-1] in _ABBREVIATIONS):
        words[-1] = last[:-1]
    while words and words[0] in NEVER_NAMES:
        words.pop(0)
    return tuple(words)


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
    gender = gender_of(role_text, list(words)) if role_text or words[0] in _HONORIFICS else None
    return (name, kind, role_text, gender)


_BY_PLACE = attrgetter("start", "end")
# Words that make an appositive more than a name with its role: "led by X", "like X", "A and B".
_APPOSITIVE_BREAKS = frozenset({"and", "by", "for", "like", "with", "or"})
# How sure each rule that gives a quote its speaker is.
_QUOTE_RULE_CONFIDENCE = {
    "label-named": 0.95, "cue-after": 0.95, "cue-before": 0.95, "dash": 0.9, "colon": 0.85,
    "label": 0.8, "same-paragraph": 0.85, "continued": 0.65, "nearby": 0.5, "colon-sentence": 0.7,
    "sentence": 0.75,
}


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


@dataclass(slots=True)
class _Speaker:
    name: str | None
    role: str | None
    entity: Entity | None
    confidence: float
    mention: str | None = None  # how the text names the speaker here, when not by the name itself


class _Extraction:
    def __init__(self, body: str) -> None:
        self.body = body
        self.quotes = find_quotes(body)
        self._quote_starts = [q.open_at for q in self.quotes]
        self.sentences = Sentences(body)
        self.toks = Tokens(body)
        self.registry = Registry()
        self.claims: list[Claim] = []
        self.quote_speaker: dict[int, _Speaker] = {}

    # -- helpers ---------------------------------------------------------------------------
    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self._quote_starts, pos) - 1
        return i >= 0 and self.quotes[i].open_at <= pos < self.quotes[i].after

    def resolve(self, phrase: Phrase | None, pos: int) -> _Speaker:
        """Turn a subject phrase into a speaker, using what the article said before `pos`."""
        if phrase is None:
            return _Speaker(None, None, None, 0.3)
        if phrase.pronoun:
            entity = self.registry.pronoun(phrase.pronoun, pos)
            if entity is None:
                return _Speaker(None, None, None, 0.4)
            return _Speaker(entity.name, entity.role, entity, 0.8, mention=phrase.text)
        name, role, kind = phrase.split()
        if phrase.literal and not (kind in ("person", "org", "place") and name and len(name.split()) >= len(phrase.words) - 1):
            words = [w for w in phrase.words if w.lower() not in ("the", "a", "an")]
            text = " ".join(words[:10])
            entity = self.registry.add(text, "role", None, pos)
            return _Speaker(text, None, entity, 0.8)
        appositive_role = _appositive_role(phrase.appositive)
        role = role or appositive_role
        person = _appositive_person(phrase, role) if kind == "role" and phrase.appositive else None
        if person is not None:
            person_name, person_role, lead = person
            entity = self.registry.add(person_name, "person", person_role, pos, gender_of(person_role, lead))
            return _Speaker(entity.name, entity.role or person_role, entity, 0.9, mention=phrase.text)
        if kind == "role":
            words = (role or "").lower().split()
            definite = phrase.words[0].lower() == "the"
            head = next((w for w in reversed(words) if w not in ("of", "for", "at")), None)
            if definite and head and len(words) <= 3:
                entity = self.registry.by_role(head, pos)
                if entity is not None:
                    return _Speaker(entity.name, entity.role, entity, 0.75, mention=phrase.text)
            label = role or phrase.text
            entity = self.registry.add(label, "role", None, pos)
            return _Speaker(label, None, entity, 0.7)
        assert name is not None  # a person or an organisation always has a name
        entity = self.registry.add(name, kind, role, pos, gender_of(role, phrase.words))
        mention = phrase.text if phrase.text != entity.name else None
        return _Speaker(entity.name, entity.role or role, entity, 0.95, mention=mention)

    def spoke(self, who: _Speaker, pos: int) -> None:
        if who.entity is not None:
            who.entity.last_spoke = max(who.entity.last_spoke, pos)

    def add(self, kind: str, start: int, end: int, who: _Speaker, cue: str | None, rule: str, confidence: float) -> Claim | None:
        body = self.body
        trailing = " \t\n,;:" if kind == "quote" else " \t\n,;:."
        while end > start and body[end - 1] in trailing:
            end -= 1
        while start < end and body[start] in " \t\n":
            start += 1
        if end - start < 2:
            return None
        # Inside a quote any [bracketed] words are the editor's; elsewhere only marked notes are.
        pattern = _EDITORIAL if kind == "quote" else _EDITORS_NOTE
        editorial = tuple((m.start(), m.end()) for m in pattern.finditer(body, start, end)) if body.find("[", start, end) >= 0 else ()
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
            editorial,
            who.mention if who.name else None,  # mention
        )
        self.claims.append(claim)
        return claim

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
            plan = _name_plan(role, words)
            if plan is None:
                continue
            name, kind, role_text, gender = plan
            if kind == "person?":
                # A lone capitalised word with no role: only a name already known.
                if registry.find(name) is None:
                    continue
                kind = "person"
            registry.add(name, kind, role_text, start, gender)

    def sources(self) -> None:
        for m in _SOURCE_LINE.finditer(self.body) if "Source" in self.body else ():
            pos = m.start(1)
            for part in re.split(r";", m.group(1)):
                stripped = part.strip()
                start = pos + part.index(stripped[:1]) if stripped else pos
                pos += len(part) + 1
                if not stripped:
                    continue
                who = self._source_speaker(start, start + len(stripped)) or _Speaker(stripped, None, None, 0.9)
                self.add("source", start, start + len(stripped), who, "Source", "source-line", 0.95)

    def _source_speaker(self, start: int, end: int) -> _Speaker | None:
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
        return _Speaker(entity.name, role, entity, 0.95)

    def run(self) -> list[Claim]:
        self.register_names()
        self.sources()
        source_ids = {id(c) for c in self.claims}
        cues = find_cues(self.body, self.toks, self.sentences, self.inside_quote)
        self._cue_starts = [c.start for c in cues]
        # Quotes and cues in body order (a quote before a cue at the same place).
        events = sorted([(c.start, 1, i) for i, c in enumerate(cues)] + [(q.open_at, 0, i) for i, q in enumerate(self.quotes)])
        cue_speaker: dict[int, _Speaker] = {}

        def speaker_of(cue: Cue) -> _Speaker:
            key = id(cue)
            if key not in cue_speaker:
                cue_speaker[key] = self.resolve(cue.subject, cue.start)
            return cue_speaker[key]

        consumed: set[int] = set()
        for _, is_cue, index in events:
            if not is_cue:
                self.attribute_quote(index, cues, speaker_of, consumed)
            else:
                cue = cues[index]
                who = speaker_of(cue)
                if cue.content and not cue.used:
                    self.reported(cue, who, consumed)
                if who.name:
                    self.spoke(who, cue.start)
        self.claims.sort(key=_BY_PLACE)
        sources = [c for c in self.claims if id(c) in source_ids]
        others = [c for c in self.claims if id(c) not in source_ids]
        return sorted(sources + _drop_overlaps(others), key=_BY_PLACE)

    # -- reported speech -------------------------------------------------------------------
    def reported(self, cue: Cue, who: _Speaker, consumed: set[int]) -> None:
        assert cue.content is not None
        start, end = cue.content
        if self.inside_quote(start) and not cue.that:
            return
        body = self.body
        # A content that is one quotation is that quotation: `added that "there are no ..."`.
        first = max(bisect_right(self._quote_starts, start) - 1, 0)
        for i in range(first, len(self.quotes)):
            q = self.quotes[i]
            if q.open_at > end:
                break
            if q.after < start:
                continue
            if q.open_at <= start + 1 and q.after >= end - 2:
                return  # the quote pass attributes it (it will see this cue before it)
            if q.end > end:
                end = q.after  # the sentence splitter stopped inside a quote
            consumed.add(i)
        if body[start] in "-—–":
            return  # "-President Obama, tweeting after the speech": a dash attribution line
        words = body[start:end].split()
        if len(words) < 2 and not (words and cue.lemma in ATTITUDE_LEMMAS and words[0][:1].isalnum()):
            return  # one word is too little, except the object of a stand: "endorsed Clinton"
        cue_text = body[cue.start : cue.end] + (" that" if cue.that else "")
        confidence = 0.85 if cue.that or cue.according else 0.7
        self.add("reported", start, end, who, cue_text, "reported-" + ("that" if cue.that else "according" if cue.according else "clause"), confidence)

    # -- direct quotes ---------------------------------------------------------------------
    def attribute_quote(self, index: int, cues: list[Cue], speaker_of, consumed: set[int]) -> None:
        body = self.body
        q = self.quotes[index]
        if index in consumed:
            return
        text = body[q.start : q.end]
        words = len(text.split())
        ps, pe = self.sentences.paragraph(q.open_at)
        who: _Speaker | None = None
        cue_text = None
        rule = ""

        # A short title or name: `dubbed "Little Marco"`, `who goes by "Vito,"`.
        if words <= 5 and self._after_title_cue(q.open_at):
            return
        # Labels: `Quote from X:` / `Quote:` (Ukrainska Pravda).
        label = _QUOTE_LABEL.match(body, ps)
        if label and label.end() <= q.open_at + 1:
            if label.group("who"):
                phrase = phrase_after(body, self.toks, label.start("who"), label.end("who"))
                who = self.resolve(phrase, q.open_at) if phrase else _Speaker(label.group("who").strip(), None, None, 0.8)
                cue_text, rule = "Quote from", "label-named"
            else:
                who = self.main_speaker(q.open_at)
                cue_text, rule = "Quote", "label"
                if who.name is None:
                    who = None

        # A cue right after the quote: `"...," Peskov said` / `"...," said the spokesman`.
        if who is None:
            # Not bounded by the sentence: '"...!" LeVell declared' splits after the "!".
            for k in range(bisect_left(self._cue_starts, q.after), len(cues)):
                cue = cues[k]
                if cue.start > q.after + 200 or "\n" in body[q.after : cue.start]:
                    break
                if cue.participle and cue.coordinated:
                    break  # '"...," raising fresh questions': the sentence goes on, its speaker is before
                begin = cue.start if cue.inverted or cue.coordinated or cue.subject is None else min(cue.start, cue.subject.start)
                gap = body[q.after : begin]
                comma = "," in gap[:3] or text.rstrip().endswith(",")
                adjacent = _AFTER_GAP.match(gap) or (comma and (_AFTER_NAMING.match(gap) or _AFTER_WORDS.match(gap)))
                if adjacent and not (text.rstrip().endswith(".") and cue.subject and not cue.inverted and cue.subject.words[0][0].isupper() and "," not in gap):
                    who = speaker_of(cue)
                    cue_text, rule = cue.verb, "cue-after"
                    cue.used = True
                    break
                break
        # A comma closing the quote, then a name and a verb of any kind ending the sentence:
        # `"...," Hannity started.` (the comma says the sentence goes on with who spoke).
        if who is None and text.rstrip().endswith(",") and body.startswith(" ", q.after):
            m = _NAME_THEN_VERB.match(body, q.after, pe)
            if m:
                phrase = subject_before(body, self.toks, m.end(1), q.after)
                if phrase is not None and not phrase.pronoun and phrase.split()[2] == "person":
                    who = self.resolve(phrase, q.after)
                    cue_text, rule = m.group(2), "cue-after"
        # A dash attribution: `"..." - John Smith`, on the same line or the next.
        if who is None:
            m = _DASH_GAP.match(body, q.after, pe)
            dash_end = pe
            if not (m and m.end() < pe) and not body[q.after : pe].strip(" .,"):
                ns, dash_end = self.sentences.paragraph(min(pe + 2, len(body)))
                m = _DASH_GAP.match(body, ns, dash_end) if ns > pe and dash_end - ns < 120 else None
                m = m if m and m.start() == ns and m.end() > ns else None
            if m and m.end() < dash_end:
                phrase = phrase_after(body, self.toks, m.end(), dash_end)
                if phrase is not None and not phrase.pronoun and phrase.split()[0]:
                    who = self.resolve(phrase, q.after)
                    cue_text, rule = "—", "dash"
        # A cue right before the quote: `Trump added: "...`, `he said "...`, `added that "...`.
        if who is None:
            for k in range(bisect_right(self._cue_starts, q.open_at) - 1, -1, -1):
                cue = cues[k]
                if cue.end > q.open_at:
                    continue
                gap = body[cue.end : q.open_at]
                if cue.inverted and cue.subject:
                    gap = body[cue.subject.end : q.open_at]
                if cue.end < ps:
                    # "Mayor Anna Kovalenko said:" ending the previous paragraph.
                    if _COLON_BREAK.match(gap):
                        who = speaker_of(cue)
                        cue_text, rule = body[cue.start : cue.end], "cue-before"
                        cue.used = True
                    break
                dash = _DASH_NAME.search(gap)
                if dash:
                    # "Pollsters agree - Carl Bialik: "...": the name after the dash speaks
                    start = cue.end + dash.start(1)
                    phrase = phrase_after(body, self.toks, start, cue.end + dash.end(1))
                    if phrase is not None and phrase.split()[0]:
                        who = self.resolve(phrase, start)
                        cue_text, rule = ":", "colon"
                        break
                if _INTRO_GAP.match(gap) and self.sentences.bounds(cue.start)[0] == self.sentences.bounds(q.open_at)[0]:
                    who = speaker_of(cue)
                    cue_text = body[cue.start : cue.end] + (" that" if gap.strip() == "that" else "")
                    rule = "cue-before"
                    cue.used = True
                break
        # A name and a colon: `Peskov: "...`; or a whole sentence leading to a colon:
        # `McConnell delivered a blunt message to Trump: "...`.
        if who is None:
            m = _COLON_LEAD.search(body, ps, q.open_at)
            if m and body[m.end():q.open_at].strip() == "":
                phrase = subject_before(body, self.toks, m.end(1), m.start(1))
                if phrase is not None and (phrase.pronoun or phrase.split()[0]):
                    who = self.resolve(phrase, q.open_at)
                    cue_text, rule = ":", "colon"
                else:
                    who = self.known_subject(sentence_subject(self.sentences, self.toks, m.start(1)), q.open_at)
                    if who is not None:
                        cue_text, rule = ":", "colon-sentence"
        # Is it someone's words at all? Titles and scare quotes are not.
        if who is None and self._is_not_speech(q, text, words):
            return
        # A quote inside a sentence that reports someone's words: `Will claims the speech affirmed
        # "the foundational belief"`, `"Many would consider that an embarrassment" if she lost
        # narrowly, said David Wasserman`.
        if who is None:
            sentence_cue = self.sentence_cue(q, cues)
            if sentence_cue is not None:
                who = speaker_of(sentence_cue)
                cue_text, rule = sentence_cue.verb, "sentence"
        # Unattributed: the speaker of an earlier quote in this paragraph, or of the quote that
        # ended the previous paragraph.
        if who is None:
            who, rule = self.inherit(index, ps)
            cue_text = None
        if who is None:
            if words < 6:
                return
            who, rule = self.nearby_speaker(q.open_at), "nearby"
            if who is None:
                who, rule = _Speaker(None, None, None, 0.3), "unattributed"
        confidence = _QUOTE_RULE_CONFIDENCE.get(rule, 0.3)
        claim = self.add("quote", q.start, q.end, who, cue_text, "quote-" + rule, confidence)
        if claim is not None:
            self.quote_speaker[index] = who
            self.spoke(who, q.open_at)

    def sentence_cue(self, q: Quote, cues: list[Cue]) -> Cue | None:
        """The cue of the sentence a quote sits in, when what it reports holds the quote: the
        nearest before it, else the nearest after it (in the sentence where the quote ends)."""
        ss = self.sentences.bounds(q.open_at)[0]
        se = self.sentences.bounds(q.after)[1]

        def reports_it(c: Cue) -> bool:
            return (c.subject is not None or c.coordinated)

        first = bisect_left(self._cue_starts, ss)
        before = [c for c in cues[first : bisect_left(self._cue_starts, q.open_at)] if c.end <= q.open_at and reports_it(c)]
        if before:
            return before[-1]
        for c in cues[bisect_left(self._cue_starts, q.after) :]:
            if c.start >= se:
                break
            if not c.coordinated and reports_it(c):
                return c
        return None

    def _after_title_cue(self, pos: int) -> bool:
        before = self.body[max(0, pos - 30) : pos].lower().split()
        return bool(before) and (before[-1].strip(",:") in TITLE_CUES or before[-2:] == ["goes", "by"])

    def _is_not_speech(self, q: Quote, text: str, words: int) -> bool:
        if words > 5 and self._after_title_cue(q.open_at):
            return True  # (shorter quotes after a title word were set aside first)
        if q.single and words < 6:
            return True
        content = [w for w in text.split() if w[:1].isalpha()]
        if words <= 5 and content and all(w[0].isupper() for w in content) and len(content) > 1:
            return True  # a title: "Saturday Night Live"
        if words <= 4 and not re.search(r"[.!?,]\W*$", text):
            return True  # a scare quote or a label
        return False

    def inherit(self, index: int, ps: int) -> tuple[_Speaker | None, str]:
        q = self.quotes[index]
        prev = index - 1
        while prev >= 0 and prev not in self.quote_speaker:
            prev -= 1
        if prev < 0:
            return None, ""
        pq = self.quotes[prev]
        who = self.quote_speaker[prev]
        if pq.open_at >= ps:
            return who, "same-paragraph"
        # The previous paragraph ended with that quote (and its attribution), and this paragraph
        # starts with this one.
        _prev_par_start, prev_par_end = self.sentences.paragraph(pq.open_at)
        lead = self.body[ps : q.open_at].strip()
        between = self.body[prev_par_end:ps].strip()
        if not lead and not between and pq.after >= prev_par_end - 60:
            return who, "continued"
        return None, ""

    def title_claims(self, title: str) -> list[Claim]:
        """The headline's claim, its speaker resolved against what the body says about them."""
        out = []
        for who, start, end, cue, rule in headline_claims(title):
            words = who.split()
            name, role, kind = split_words(tuple(words))
            speaker = None
            if name:
                entity = self.registry.find(name) if kind not in ("org", "place") else None
                speaker = _Speaker(entity.name if entity else name, (entity.role if entity else None) or role, entity, 0.8)
            elif role:
                entity = self.registry.by_role(_role_head(role), len(self.body))
                speaker = _Speaker(entity.name, entity.role, entity, 0.7, mention=who) if entity else _Speaker(role, None, None, 0.6)
            if speaker is None:
                continue
            kind_ = "quote" if title[max(start - 1, 0) : start] in "'‘\"“" and start > 0 else "reported"
            out.append(
                Claim(id="", kind=kind_, text=title[start:end], start=start, end=end, speaker=speaker.name,
                      role=speaker.role, cue=cue, confidence=round(0.7 * speaker.confidence, 2), rule=rule,
                      mention=speaker.mention or (who if who != speaker.name else None), part="title")
            )
        return out

    def known_subject(self, phrase: Phrase | None, pos: int) -> _Speaker | None:
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

    def nearby_speaker(self, pos: int) -> _Speaker | None:
        """A quote with no attribution at all usually belongs to whoever the sentence before it is
        about ("The DNC issued a statement apologizing. "On behalf of ...""), else to the person
        the text has just named, else to the last speaker."""
        ss = self.sentences.bounds(pos)[0]
        if ss > 0:
            who = self.known_subject(sentence_subject(self.sentences, self.toks, max(ss - 2, 0)), pos)
            if who is not None:
                return _Speaker(who.name, who.role, who.entity, 0.5)
        window = pos - 600
        best_pos, best = -1, None
        for c in reversed(self.claims):
            if c.start < window:
                break
            if c.kind != "source" and c.speaker and c.start < pos:
                best_pos, best = c.start, _Speaker(c.speaker, c.role, None, 0.5)
                break
        ps = self.sentences.paragraph(pos)[0]
        for entity in self.registry.entities:
            if entity.kind != "person" or not (entity.role or entity.last_spoke >= 0 or entity.gender):
                continue  # a bare capitalised pair may be a place ("Fort Pierce", "North Korea")
            last = entity.last_before(pos)
            last = last if last >= max(window, ps - 300) else -1
            if last > best_pos:
                best_pos, best = last, _Speaker(entity.name, entity.role, entity, 0.45)
        return best

    def main_speaker(self, pos: int) -> _Speaker:
        """For a `Quote:` block with no name: the latest speaker before it, else the first source."""
        best: Claim | None = None
        for c in self.claims:
            if c.kind != "source" and c.speaker and c.start < pos and (best is None or c.start > best.start):
                best = c
        if best is None:
            for c in self.claims:
                if c.kind == "source" and c.speaker and c.start < pos:
                    best = c
                    break
        if best is None:
            # The first person the article names with a role ("Defence Minister Oleksii ...").
            for entity in self.registry.entities:
                if entity.kind == "person" and entity.role and entity.mentions[0] < pos:
                    return _Speaker(entity.name, entity.role, entity, 0.6)
            return _Speaker(None, None, None, 0.3)
        found = self.registry.find(best.speaker) if best.speaker else None
        return _Speaker(best.speaker, best.role, found, 0.8)


_ROLE_SYNONYMS = {"spokesperson": "spokesman", "spokeswoman": "spokesman", "spokespeople": "spokesman"}


def _role_head(role: str) -> str:
    """The noun a role ends in, with synonyms folded: "Putin's spokesperson" -> "spokesman"."""
    head = role.split()[-1].lower()
    return _ROLE_SYNONYMS.get(head, head)


def _appositive_role(appositive: str | None) -> str | None:
    if not appositive:
        return None
    text = appositive.strip()
    for det in ("a ", "an ", "the "):
        if text.lower().startswith(det):
            text = text[len(det):]
            break
    if text.lower().startswith(("who ", "which ")) or text[:1].isdigit():
        return None
    return text[:80] if text else None


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
    return extraction.title_claims(title) + claims if title else claims
