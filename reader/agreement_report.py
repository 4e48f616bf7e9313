"""`newsreader agree`: how far the store's annotators agree, worked out once for the command
line (text or --json) and the app's screen.

A unit is a claim still in its article (orphans left out). Two questions are measured:
  tag    which tag each annotator gave it (stated, denied, unknown), over the claims they tagged;
  claim  whether it is a claim at all ("claim", or "not a claim" for those marked so), over the
         claims they judged either way: reported only when someone marked a false claim.
Overall, per article, per speaker (as the extractor found them) and per outlet: Krippendorff's
alpha over every annotator, Cohen's kappa and a confusion matrix for each pair, and the list of
disagreements with each annotator's tag and note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from .agreement import (
    Figure,
    Units,
    cohen_kappa,
    confusion,
    krippendorff_alpha,
    pair_units,
    pairs_of,
)
from .model import ADJUDICATED, TAGS, Annotation
from .rows import outlet_of

NOT_A_CLAIM, A_CLAIM = "not a claim", "claim"

# What each question takes of an annotation: its value, or None where it says nothing of it.
QUESTIONS: dict[str, Callable[[Annotation], str | None]] = {
    "tag": lambda a: a.tag if not a.not_a_claim else None,
    "claim": lambda a: (NOT_A_CLAIM if a.not_a_claim else A_CLAIM) if a.done else None,
}


@dataclass(slots=True)
class Unit:
    article: str
    claim: str
    text: str
    speaker: str | None
    outlet: str | None
    title: str
    notes: dict[str, Annotation] = field(default_factory=dict)  # by annotator
    final: Annotation | None = None  # the judgement settled in review (model.ADJUDICATED's)
    before: str = ""  # the words before and after the claim, to read it in ("…" where they go on)
    after: str = ""

    @property
    def disputed(self) -> bool:
        """Whether the annotators who judged it judged it differently."""
        return len({_judgement(a) for a in self.notes.values() if a.done}) > 1


@dataclass(slots=True)
class Pair:
    a: str
    b: str
    kappa: Figure
    confusion: dict[str, int]  # "stated/denied": how often a said stated where b said denied


@dataclass(slots=True)
class Measured:
    alpha: Figure
    pairs: list[Pair]


@dataclass(slots=True)
class Group:
    key: str
    label: str
    alpha: Figure
    kappas: list[tuple[str, str, Figure]] = field(default_factory=list)  # (a, b, their kappa) in the group


@dataclass(slots=True)
class Report:
    annotators: list[str]
    units: int
    questions: dict[str, Measured]
    by: dict[str, list[Group]]
    disagreements: list[dict]

    def to_dict(self) -> dict:
        return asdict(self)


CONTEXT = 160  # characters of the article shown before and after a claim in review


def units_of(store, annotators: set[str] | None = None, least: int = 2) -> list[Unit]:
    """Every claim that `least` or more of the annotators (all, by default) annotated, with its
    final judgement where one was settled."""
    out = []
    for article_id, rows in sorted(store.every_annotation().items()):
        notes = [a for a in rows if not a.orphaned and a.annotator != ADJUDICATED
                 and (annotators is None or a.annotator in annotators)]
        if len({a.annotator for a in notes}) >= least:
            finals = {a.claim_id: a for a in rows if a.annotator == ADJUDICATED}
            out.extend(_article_units(store, article_id, notes, finals, least))
    return out


def _article_units(store, article_id: str, notes: list[Annotation], finals: dict[str, Annotation],
                   least: int) -> list[Unit]:
    article, summary = store.article(article_id), store.summary(article_id)
    claims = {c.id: c for c in article.claims}
    by_claim: dict[str, dict[str, Annotation]] = {}
    for a in notes:
        by_claim.setdefault(a.claim_id, {})[a.annotator] = a
    out = []
    for claim_id, theirs in by_claim.items():
        if len(theirs) < least:
            continue
        c, first = claims.get(claim_id), next(iter(theirs.values()))
        start, end, text = (c.start, c.end, c.text) if c else (first.start, first.end, first.text)
        source = article.title if c and c.part == "title" else article.body
        out.append(Unit(article_id, claim_id, text, c.speaker if c else None, outlet_of(summary) if summary else None,
                        article.title, theirs, finals.get(claim_id),
                        ("…" if start > CONTEXT else "") + source[max(0, start - CONTEXT):start],
                        source[end:end + CONTEXT] + ("…" if end + CONTEXT < len(source) else "")))
    return out


def values(units: list[Unit], question: str) -> Units:
    take = QUESTIONS[question]
    return {f"{u.article}/{u.claim}": {name: v for name, a in u.notes.items() if (v := take(a)) is not None}
            for u in units}


def measured(units: list[Unit], question: str) -> Measured:
    judged = values(units, question)
    pairs = [Pair(a, b, cohen_kappa(pair_units(judged, a, b)),
                  {f"{x}/{y}": n for (x, y), n in sorted(confusion(judged, a, b).items())})
             for a, b in pairs_of(judged)]
    return Measured(krippendorff_alpha(judged), pairs)


GROUPINGS: dict[str, Callable[[Unit], tuple[str, str]]] = {
    "article": lambda u: (u.article, u.title),
    "speaker": lambda u: (u.speaker or "", u.speaker or "(no speaker found)"),
    "outlet": lambda u: (u.outlet or "", u.outlet or "(outlet not known)"),
}


def grouped(units: list[Unit], by: str) -> list[Group]:
    """The tag's alpha in each group, most items first."""
    groups: dict[tuple[str, str], list[Unit]] = {}
    for u in units:
        groups.setdefault(GROUPINGS[by](u), []).append(u)
    out = []
    for (key, label), members in groups.items():
        judged = values(members, "tag")
        kappas = [(a, b, cohen_kappa(pair_units(judged, a, b))) for a, b in pairs_of(judged)]
        out.append(Group(key, label, krippendorff_alpha(judged), kappas))
    return sorted((g for g in out if g.alpha.items), key=lambda g: (-g.alpha.items, g.label))


def disagreements(units: list[Unit]) -> list[dict]:
    """The claims the annotators judged differently (tag, or claim or not), each one's judgement."""
    out = []
    for u in units:
        if u.disputed:
            out.append({"article": u.article, "claim": u.claim, "title": u.title, "text": u.text, "speaker": u.speaker,
                        "annotations": {name: {"tag": a.tag, "not_a_claim": a.not_a_claim, "note": a.note}
                                        for name, a in sorted(u.notes.items())},
                        "final": None if u.final is None else {"tag": u.final.tag, "not_a_claim": u.final.not_a_claim,
                                                               "settled_by": u.final.settled_by}})
    return out


def _judgement(a: Annotation) -> str:
    return NOT_A_CLAIM if a.not_a_claim else a.tag or ""


def report(store, annotators: set[str] | None = None) -> Report:
    units = units_of(store, annotators)
    questions = {"tag": measured(units, "tag")}
    if any(a.not_a_claim for u in units for a in u.notes.values()):
        questions["claim"] = measured(units, "claim")
    names = sorted({name for u in units for name in u.notes})
    return Report(names, len(units), questions, {by: grouped(units, by) for by in GROUPINGS}, disagreements(units))


TAG_ORDER = (*TAGS, NOT_A_CLAIM, A_CLAIM)
