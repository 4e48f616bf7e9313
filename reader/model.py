"""The objects newsreader works with: articles, the claims found in them, and annotations.

Plain dataclasses with a dict form for storage and export; nothing here knows about files,
TinyDB or Textual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

KINDS = ("quote", "reported", "source")
TAGS = ("stated", "denied", "unknown")
# The annotator of a final judgement settled in the review of disagreements (who settled it is the
# annotation's `settled_by`): a row beside the annotators' own, never one of theirs.
ADJUDICATED = "(adjudicated)"

Span = tuple[int, int]


@dataclass(slots=True)
class Claim:
    """A span of an article's body that someone is reported to have said.

    `text == body[start:end]`. `editorial` holds the spans (body offsets) of editor's insertions
    inside the text, such as `[between Putin and Trump – ed.]`. `confidence` (0-1) and `rule`
    say how sure the extractor is and which rule found the claim.
    """

    id: str
    kind: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    role: str | None = None
    cue: str | None = None
    confidence: float = 1.0
    rule: str = ""
    editorial: tuple[Span, ...] = ()
    mention: str | None = None  # how the text names the speaker here ("the spokesman", "he")
    part: str = "body"  # "title" for a claim of the headline: its offsets index the title
    within: str | None = None  # a quote inside a reported statement: that statement's id (see nest)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "kind": self.kind,
            "part": self.part,
            "text": self.text,
            "speaker": self.speaker,
            "mention": self.mention,
            "role": self.role,
            "cue": self.cue,
            "start": self.start,
            "end": self.end,
            "confidence": round(self.confidence, 2),
            "rule": self.rule,
            "editorial": [list(s) for s in self.editorial],
            "within": self.within,
        }

    @classmethod
    def from_dict(cls, d: dict) -> Claim:
        return cls(
            id=d["id"],
            kind=d["kind"],
            text=d["text"],
            start=d["start"],
            end=d["end"],
            speaker=d.get("speaker"),
            role=d.get("role"),
            cue=d.get("cue"),
            confidence=d.get("confidence", 1.0),
            rule=d.get("rule", ""),
            editorial=tuple(tuple(s) for s in d.get("editorial", ())),
            mention=d.get("mention"),
            part=d.get("part", "body"),
            within=d.get("within"),
        )


@dataclass(slots=True)
class Document:
    """An article as a layout parser reads it, before claims are found."""

    title: str
    body: str
    layout: str
    author: str | None = None
    published: datetime | None = None
    date_only: bool = False
    section: str | None = None
    outlet: str | None = None
    caption: str | None = None
    subjects: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Article:
    """A stored article: the parsed document, its identity and its claims."""

    id: str
    doc: Document
    claims: list[Claim]
    path: str
    fingerprint: str
    editorial: tuple[Span, ...] = ()
    size: int = 0  # bytes of the file it was read from (not stored with the article)
    digest: str = ""  # ids.file_digest of those bytes: an unchanged file is not read again

    @property
    def title(self) -> str:
        return self.doc.title

    @property
    def body(self) -> str:
        return self.doc.body

    @property
    def sources(self) -> list[str]:
        return [c.speaker or c.text for c in self.claims if c.kind == "source"]

    @property
    def speakers(self) -> list[str]:
        seen: dict[str, None] = {}
        for c in self.claims:
            if c.speaker and c.kind != "source":
                seen.setdefault(c.speaker, None)
        return list(seen)

    def to_dict(self) -> dict:
        d = self.doc
        return {
            "id": self.id,
            "path": self.path,
            "fingerprint": self.fingerprint,
            "layout": d.layout,
            "title": d.title,
            "author": d.author,
            "published": d.published.isoformat() if d.published else None,
            "date_only": d.date_only,
            "section": d.section,
            "outlet": d.outlet,
            "caption": d.caption,
            "subjects": list(d.subjects),
            "warnings": list(d.warnings),
            "body": d.body,
            "editorial": [list(s) for s in self.editorial],
            "claims": [c.to_dict() for c in self.claims],
        }

    @classmethod
    def from_dict(cls, d: dict) -> Article:
        published = datetime.fromisoformat(d["published"]) if d.get("published") else None
        doc = Document(
            title=d["title"],
            body=d["body"],
            layout=d.get("layout", "plain"),
            author=d.get("author"),
            published=published,
            date_only=d.get("date_only", False),
            section=d.get("section"),
            outlet=d.get("outlet"),
            caption=d.get("caption"),
            subjects=list(d.get("subjects", ())),
            warnings=list(d.get("warnings", ())),
        )
        return cls(
            id=d["id"],
            doc=doc,
            claims=[Claim.from_dict(c) for c in d.get("claims", ())],
            path=d.get("path", ""),
            fingerprint=d.get("fingerprint", ""),
            editorial=tuple(tuple(s) for s in d.get("editorial", ())),
        )


@dataclass(slots=True)
class Annotation:
    """The user's judgement of one claim.

    It repeats the claim's text and position so that it can be found again if the article
    changes, and survives (marked orphaned in exports) if the claim disappears.
    `speaker` is the user's correction of the extracted speaker; `not_a_claim` marks a false claim.
    """

    claim_id: str
    article_id: str
    text: str
    start: int
    end: int
    tag: str | None = None
    note: str = ""
    speaker: str | None = None
    not_a_claim: bool = False
    annotator: str = ""
    at: str = ""
    within: str | None = None  # the claim is a quote inside this statement (Claim.within)
    orphaned: bool = False  # its claim is gone from the article (set when the article is re-read)
    span: dict | None = None  # where the claim really starts and ends: {"start", "end", "text"}
    added: str | None = None  # a claim the annotator added (its kind): this annotation is the claim
    settled_by: str | None = None  # for the ADJUDICATED annotator's rows: who settled the claim

    def to_dict(self) -> dict:
        return {
            "claim_id": self.claim_id,
            "article_id": self.article_id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "tag": self.tag,
            "note": self.note,
            "speaker": self.speaker,
            "not_a_claim": self.not_a_claim,
            "annotator": self.annotator,
            "at": self.at,
            "within": self.within,
            "orphaned": self.orphaned,
            "span": self.span,
            "added": self.added,
            **({"settled_by": self.settled_by} if self.settled_by else {}),  # (only on a final judgement)
        }

    @classmethod
    def from_dict(cls, d: dict) -> Annotation:
        return cls(**{k: d[k] for k in cls.__slots__ if k in d})

    @property
    def done(self) -> bool:
        """A claim is done once it is tagged or marked as not a claim: the one rule for progress,
        `N` and `--untagged` alike."""
        return self.tag is not None or self.not_a_claim

    @property
    def counts(self) -> bool:
        """Whether it counts in an article's progress: a done statement whose claim is still in
        the article (an orphan is kept and shown apart, never counted)."""
        return self.done and self.within is None and not self.orphaned

    @property
    def is_empty(self) -> bool:
        return (self.tag is None and not self.note and self.speaker is None and not self.not_a_claim
                and self.span is None and self.added is None)


def nest(claims: list[Claim]) -> list[Claim]:
    """Mark each quote that lies inside a reported statement of the body as part of it
    (`within` = the statement's id): the speaker's own words quoted in what they are reported to
    have said. The one rule for what a statement is; ids must be set."""
    holder: Claim | None = None
    for c in sorted((c for c in claims if c.part == "body"), key=lambda c: (c.start, -c.end)):
        inside = holder is not None and c.kind == "quote" and holder.start <= c.start and c.end <= holder.end
        c.within = holder.id if inside and holder is not None else None
        if c.kind == "reported" and (holder is None or c.start >= holder.end):
            holder = c
    return claims


def statements(claims: list[Claim]) -> list[Claim]:
    """The claims that are statements of their own: not a quote inside another (see nest). What
    progress counts: one statement is one claim to judge, however many quotes it holds."""
    return [c for c in claims if c.within is None]


def orphans(claims: list[Claim], notes: dict[str, Annotation]) -> list[Annotation]:
    """The annotations whose claim is no longer among the article's claims (the file changed and
    no claim like it was found), in the order of the text: kept, shown apart, never counted."""
    ids = {c.id for c in claims}
    return sorted((a for a in notes.values() if a.claim_id not in ids), key=lambda a: (a.start, a.claim_id))


class Progress(NamedTuple):
    """How far one annotator is with an article: the statements done, and the claims they added
    (which join the article's statements to judge)."""

    done: int = 0
    added: int = 0


def progress(notes) -> Progress:
    """The one rule for progress, in the library, `list` and the reader alike (see Annotation.counts)."""
    notes = list(notes)
    return Progress(sum(1 for a in notes if a.counts), sum(1 for a in notes if a.added and not a.orphaned))


def speaker_of(claim: Claim, annotation: Annotation | None) -> str | None:
    """Who said a claim: the annotator's correction where there is one, else the extracted speaker.
    The one rule for the reader, the claim list, the CLI and the exports."""
    return annotation.speaker if annotation is not None and annotation.speaker else claim.speaker
