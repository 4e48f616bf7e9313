"""Who said a direct quote: an ordered list of named rules, the first that answers wins.

Each rule reads the extraction (its body, tokens, sentences, cues, registry) and the quote at
hand, and answers with the speaker and the cue (`Found`), with `NOT_SPEECH` (a title, a scare
quote: no claim at all), or with None (the next rule is asked). A rule's confidence stands beside
it in `QUOTE_RULES`, as the patterns of spaCy's EntityRuler stand in one list; a claim's
confidence is the rule's times how sure the speaker's resolution is.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple

from .cues import Cue, sentence_subject
from .lexicon import ROLE_NOUNS
from .names import phrase_after, subject_before
from .quotes import Quote
from .speaker import NOBODY, Speaker

if TYPE_CHECKING:
    from .claims import _Extraction

QUOTE_LABEL = re.compile(r"^Quote(?:\s+from\s+(?P<who>[^:\n]{1,120}))?:[ \t]*", re.M)
# A topic before a quote, not its speaker: `About the talks: "..."`, `On sanctions: "..."`.
TOPIC_LABEL = re.compile(
    r"(?:About|On|Regarding|Concerning|As for|As to|(?:When )?[Aa]sked about|Speaking (?:about|of)"
    r"|Commenting on|On the (?:subject|question|issue) of)\b[^:\"“”\n]{1,80}:\s*$"
)
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
# A name and a verb in -ed ending the sentence, or with a phrase of when or how after it:
# '"...," Hannity started.', '"...," Kelly charged in her opening question.', '"...," an angry
# Hollande retaliated.'
_NAME_THEN_VERB = re.compile(
    r" ((?:(?:an?|the) (?:[a-z][\w-]* ){1,2})?(?:[A-Z][\w'’.-]*\s){0,2}[A-Z][\w'’-]*) ([a-z]{3,}ed)"
    r"(?:[.;]| (?:in|on|at|during|as|after|before|while|when|from)\b)"
)
# '"...," the Republican vice-presidential nominee riffed on ...': an article, up to three words,
# a role noun (checked after), an -ed verb, then the sentence's end or a phrase of when or how.
_ROLE_THEN_VERB = re.compile(
    r" ((?:an?|the) (?:[\w'’-]+ ){0,3}([a-z][\w-]*)) ([a-z]{3,}ed)"
    r"(?:[.;]| (?:in|on|at|during|as|after|before|while|when|from)\b)"
)
_OPENS_QUOTE = re.compile(r"[^\"“”:.;\n]{0,30}?:\s*[\"“]")
_OWN_QUOTE = re.compile(r"[^\"“”:.;\n]{0,30}?[:,]\s*[\"“]")  # "writes back, “..."
_DASH_NAME = re.compile(r"\s[-—–]+\s*([A-Z][\w.'’\- ]{1,60}?)\s*:\s*$")
_DASH_GAP = re.compile(r"\s*[—–-]{1,2}\s*")
_COLON_BREAK = re.compile(r"^[^\n\"“”]{0,60}:\s*\n\s*$")
_COLON_LEAD = re.compile(r"(?:^|[.!?][\"”’']?\s+)([^.!?\n\"“”:]{2,240}):\s*$", re.M)


@dataclass(slots=True)
class At:
    """The quote a rule is asked about, and what every rule reads of it."""

    index: int
    quote: Quote
    text: str  # inside the marks
    words: int
    ps: int  # its paragraph
    pe: int
    cues: list[Cue]
    speaker_of: Callable[[Cue], Speaker]
    # What several rules read, worked out once (UNSEEN until then).
    label: Any = None
    cue_before: Any = None
    colon_lead: Any = None

    def __post_init__(self) -> None:
        self.label = self.cue_before = self.colon_lead = UNSEEN


class Found(NamedTuple):
    who: Speaker
    cue: str | None


NOT_SPEECH: Any = object()  # a rule's answer: no one's words, no claim
UNSEEN: Any = object()


class QuoteRule(NamedTuple):
    name: str
    confidence: float
    find: Callable[[_Extraction, At], Found | None]


# -- the rules, in the order they are asked ----------------------------------------------------


def title_word(ex: _Extraction, at: At):
    """A short title or name: `dubbed "Little Marco"`, `who goes by "Vito,"`."""
    return NOT_SPEECH if at.words <= 5 and ex.after_title_cue(at.quote.open_at) else None


def _label(ex: _Extraction, at: At):
    if at.label is UNSEEN:
        label = QUOTE_LABEL.match(ex.body, at.ps)
        at.label = label if label and label.end() <= at.quote.open_at + 1 else None
    return at.label


def label_named(ex: _Extraction, at: At):
    """`Quote from Zelenskyy: "..."` (Ukrainska Pravda): the label names the speaker."""
    label = _label(ex, at)
    if label is None or not label.group("who"):
        return None
    phrase = phrase_after(ex.body, ex.toks, label.start("who"), label.end("who"))
    who = ex.resolve(phrase, at.quote.open_at) if phrase else Speaker(label.group("who").strip(), None, None, 0.8)
    return Found(who, "Quote from")


def label(ex: _Extraction, at: At):
    """`Quote: "..."` (Ukrainska Pravda): the article's main speaker so far."""
    found = _label(ex, at)
    if found is None or found.group("who"):
        return None
    who = ex.main_speaker(at.quote.open_at)
    return Found(who, "Quote") if who.name else None


def topic_label(ex: _Extraction, at: At):
    """`About the talks: "..."` opening a paragraph: the label is the topic; the speaker is the
    one the text before it names (the latest speaker, else the source)."""
    if not TOPIC_LABEL.fullmatch(ex.body, at.ps, at.quote.open_at):
        return None
    who = ex.main_speaker(at.quote.open_at)
    return Found(who, None) if who.name else None


def _cue_after_adjacent(ex: _Extraction, at: At, cue: Cue) -> bool:
    q, text = at.quote, at.text
    begin = cue.start if cue.inverted or cue.coordinated or cue.subject is None else min(cue.start, cue.subject.start)
    gap = ex.body[q.after : begin]
    comma = "," in gap[:3] or text.rstrip().endswith(",")
    adjacent = _AFTER_GAP.match(gap) or (comma and (_AFTER_NAMING.match(gap) or _AFTER_WORDS.match(gap)))
    # '"... ended." Smith went on': a full stop, then a new sentence with its own subject; but
    # '"... missing." Trump said.' says nothing of its own, so it says who spoke the quote.
    return bool(adjacent) and not _new_sentence(ex, text.rstrip(), cue, gap)


def _new_sentence(ex: _Extraction, text: str, cue: Cue, gap: str) -> bool:
    """Does the cue after the quote begin a sentence of its own ('"... ended." Smith went on to
    ...')? After a full stop, when it says more than who spoke ('"... missing." Trump said.' says
    who spoke the quote); after a question or exclamation mark, only when it goes on to a
    that-clause or a quote of its own ('"Why now?" Mills then writes back, "You look cute."')."""
    if not (cue.subject and not cue.inverted and cue.subject.words[0][0].isupper() and "," not in gap):
        return False
    if text.endswith("."):
        return not _says_nothing_more(ex, cue)
    if not text.endswith(("?", "!")):
        return False
    infinitive = cue.content is not None and ex.body.startswith("to ", cue.content[0])  # "has also agreed to commentate"
    return cue.that or infinitive or _OWN_QUOTE.match(ex.body, cue.end) is not None


def _says_nothing_more(ex: _Extraction, cue: Cue) -> bool:
    """Does the cue say nothing of its own ('Trump said.'), rather than say more words ('Smith
    went on to ...') or open a quote of its own with a colon ('Williams added: "...')?"""
    return cue.content is None and _OPENS_QUOTE.match(ex.body, cue.subject.end if cue.inverted and cue.subject else cue.end) is None


def cue_after(ex: _Extraction, at: At):
    """A cue right after the quote: `"...," Peskov said` / `"...," said the spokesman`. Not
    bounded by the sentence: '"...!" LeVell declared' splits after the "!"."""
    q = at.quote
    k = bisect_left(ex.cue_starts, q.after)
    if k == len(at.cues):
        return None
    cue = at.cues[k]
    if cue.start > q.after + 200 or "\n" in ex.body[q.after : cue.start]:
        return None
    if cue.participle and cue.coordinated:
        return None  # '"...," raising fresh questions': the sentence goes on, its speaker is before
    if not _cue_after_adjacent(ex, at, cue):
        return None
    cue.used = True
    return Found(at.speaker_of(cue), cue.verb)


def name_verb_after(ex: _Extraction, at: At):
    """A comma closing the quote, then a name and a verb of any kind ending the sentence or
    followed by when or how: `"...," Hannity started.`, `"...," Kelly charged in her question.`
    (the comma says the sentence goes on with who spoke)."""
    q, body = at.quote, ex.body
    if not (at.text.rstrip().endswith(",") and body.startswith(" ", q.after)):
        return None
    m = _NAME_THEN_VERB.match(body, q.after, at.pe)
    if not m:
        return _role_verb_after(ex, at)
    phrase = subject_before(body, ex.toks, m.end(1), q.after)
    if phrase is None or phrase.pronoun or phrase.split()[2] != "person":
        return None
    return Found(ex.resolve(phrase, q.after), m.group(2))


def _role_verb_after(ex: _Extraction, at: At):
    """'"...," the Republican vice-presidential nominee riffed on ...': a role and any -ed verb."""
    m = _ROLE_THEN_VERB.match(ex.body, at.quote.after, at.pe)
    if not m or m.group(2) not in ROLE_NOUNS:
        return None
    phrase = subject_before(ex.body, ex.toks, m.end(1), at.quote.after)
    if phrase is None or phrase.pronoun:
        return None
    return Found(ex.resolve(phrase, at.quote.after), m.group(3))


def _dash_after(ex: _Extraction, at: At) -> tuple[re.Match | None, int]:
    """The dash after a quote, on its line or alone at the start of the next short one."""
    body, q, pe = ex.body, at.quote, at.pe
    m = _DASH_GAP.match(body, q.after, pe)
    if (m and m.end() < pe) or body[q.after : pe].strip(" .,"):
        return m, pe
    ns, dash_end = ex.sentences.paragraph(min(pe + 2, len(body)))
    m = _DASH_GAP.match(body, ns, dash_end) if ns > pe and dash_end - ns < 120 else None
    return (m if m and m.start() == ns and m.end() > ns else None), dash_end


def dash(ex: _Extraction, at: At):
    """A dash attribution: `"..." - John Smith`, on the same line or the next."""
    m, dash_end = _dash_after(ex, at)
    if not (m and m.end() < dash_end):
        return None
    phrase = phrase_after(ex.body, ex.toks, m.end(), dash_end)
    if phrase is None or phrase.pronoun or not phrase.split()[0]:
        return None
    return Found(ex.resolve(phrase, at.quote.after), "—")


def _cue_before(ex: _Extraction, at: At) -> Cue | None:
    """The nearest cue that ends before the quote opens."""
    if at.cue_before is UNSEEN:
        at.cue_before = None
        for k in range(bisect_right(ex.cue_starts, at.quote.open_at) - 1, -1, -1):
            if at.cues[k].end <= at.quote.open_at:
                at.cue_before = at.cues[k]
                break
    return at.cue_before


def _gap_before(ex: _Extraction, at: At, cue: Cue) -> str:
    start = cue.subject.end if cue.inverted and cue.subject else cue.end
    return ex.body[start : at.quote.open_at]


def dash_name_colon(ex: _Extraction, at: At):
    """'Pollsters agree - Carl Bialik: "...': the name after the dash speaks."""
    cue = _cue_before(ex, at)
    if cue is None or cue.end < at.ps:
        return None
    m = _DASH_NAME.search(_gap_before(ex, at, cue))
    if not m:
        return None
    start = cue.end + m.start(1)
    phrase = phrase_after(ex.body, ex.toks, start, cue.end + m.end(1))
    if phrase is None or not phrase.split()[0]:
        return None
    return Found(ex.resolve(phrase, start), ":")


def cue_before(ex: _Extraction, at: At):
    """A cue right before the quote in its sentence: `Trump added: "...`, `he said "...`,
    `added that "...`; or "Mayor Anna Kovalenko said:" ending the previous paragraph."""
    cue = _cue_before(ex, at)
    if cue is None:
        return None
    gap = _gap_before(ex, at, cue)
    if cue.end < at.ps:
        if not _COLON_BREAK.match(gap):
            return None
        cue.used = True
        return Found(at.speaker_of(cue), ex.body[cue.start : cue.end])
    same_sentence = ex.sentences.bounds(cue.start)[0] == ex.sentences.bounds(at.quote.open_at)[0]
    if not (_INTRO_GAP.match(gap) and same_sentence):
        return None
    cue.used = True
    return Found(at.speaker_of(cue), ex.body[cue.start : cue.end] + (" that" if gap.strip() == "that" else ""))


def _colon_lead(ex: _Extraction, at: At) -> re.Match | None:
    if at.colon_lead is UNSEEN:
        m = _COLON_LEAD.search(ex.body, at.ps, at.quote.open_at)
        at.colon_lead = m if m and ex.body[m.end() : at.quote.open_at].strip() == "" else None
    return at.colon_lead


def colon(ex: _Extraction, at: At):
    """A name and a colon: `Peskov: "...`."""
    m = _colon_lead(ex, at)
    if m is None:
        return None
    phrase = subject_before(ex.body, ex.toks, m.end(1), m.start(1))
    if phrase is None or not (phrase.pronoun or phrase.split()[0]):
        return None
    return Found(ex.resolve(phrase, at.quote.open_at), ":")


def colon_sentence(ex: _Extraction, at: At):
    """A whole sentence leading to a colon: `McConnell delivered a blunt message to Trump: "...`
    (the sentence as the splitter sees it: "Sen. Mitch McConnell, R-Ky., delivered ...:")."""
    lead = ex.body[at.ps : at.quote.open_at].rstrip()
    colon = at.ps + len(lead) - 1
    if not lead.endswith(":") or ex.sentences.bounds(colon)[0] < at.ps:
        return None
    who = ex.known_subject(sentence_subject(ex.sentences, ex.toks, colon), at.quote.open_at)
    return Found(who, ":") if who is not None else None


def not_speech(ex: _Extraction, at: At):
    """Is it someone's words at all? Titles and scare quotes are not."""
    return NOT_SPEECH if ex.is_not_speech(at.quote, at.text, at.words) else None


def sentence(ex: _Extraction, at: At):
    """A quote inside a sentence that reports someone's words: `Will claims the speech affirmed
    "the foundational belief"`, `"Many would consider that an embarrassment" if she lost
    narrowly, said David Wasserman`."""
    cue = ex.sentence_cue(at.quote, at.cues)
    return Found(at.speaker_of(cue), cue.verb) if cue is not None else None


def same_paragraph(ex: _Extraction, at: At):
    """Unattributed: the speaker of an earlier quote in this paragraph."""
    prev = ex.previous_attributed(at.index)
    if prev is None or ex.quotes[prev].open_at < at.ps:
        return None
    return Found(ex.quote_speaker[prev], None)


def continued(ex: _Extraction, at: At):
    """Unattributed, opening its paragraph: the speaker of the quote (and its attribution) that
    ended the previous paragraph."""
    prev = ex.previous_attributed(at.index)
    if prev is None:
        return None
    pq = ex.quotes[prev]
    prev_par_end = ex.sentences.paragraph(pq.open_at)[1]
    lead = ex.body[at.ps : at.quote.open_at].strip()
    between = ex.body[prev_par_end : at.ps].strip()
    if lead or between or pq.after < prev_par_end - 60:
        return None
    return Found(ex.quote_speaker[prev], None)


def too_short(ex: _Extraction, at: At):
    """A few words with no attribution are rarely anyone's statement."""
    return NOT_SPEECH if at.words < 6 else None


def nearby(ex: _Extraction, at: At):
    """Whoever the text around it is about (see `nearby_speaker`)."""
    who = ex.nearby_speaker(at.quote.open_at)
    return Found(who, None) if who is not None else None


def unattributed(ex: _Extraction, at: At):
    return Found(NOBODY, None)


QUOTE_RULES: tuple[QuoteRule, ...] = (
    QuoteRule("title-word", 0.0, title_word),
    QuoteRule("label-named", 0.95, label_named),
    QuoteRule("label", 0.8, label),
    QuoteRule("cue-after", 0.95, cue_after),
    QuoteRule("name-verb-after", 0.95, name_verb_after),
    QuoteRule("dash", 0.9, dash),
    QuoteRule("dash-name-colon", 0.85, dash_name_colon),
    QuoteRule("cue-before", 0.95, cue_before),
    QuoteRule("topic-label", 0.8, topic_label),
    QuoteRule("colon", 0.85, colon),
    QuoteRule("colon-sentence", 0.7, colon_sentence),
    QuoteRule("not-speech", 0.0, not_speech),
    QuoteRule("sentence", 0.75, sentence),
    QuoteRule("same-paragraph", 0.85, same_paragraph),
    QuoteRule("continued", 0.65, continued),
    QuoteRule("too-short", 0.0, too_short),
    QuoteRule("nearby", 0.5, nearby),
    QuoteRule("unattributed", 0.3, unattributed),
)
