"""What the store tells about articles without their bodies (the library's rows) and about an
ingest (what came in, what was refused)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Article, statements


def doc_id(hex_id: str) -> int:
    """The TinyDB document id of an article id."""
    return int(hex_id, 16) + 1


@dataclass(slots=True)
class Summary:
    """What the library needs to know about an article, without its body."""

    id: str
    title: str
    author: str | None
    published: str | None
    date_only: bool
    outlet: str | None
    section: str | None
    path: str
    fingerprint: str
    claims: int
    speakers: list[str]
    sources: list[str]
    words: int
    layout: str
    ingested: str

    @classmethod
    def of(cls, article: Article, ingested: str) -> Summary:
        d = article.doc
        return cls(
            id=article.id,
            title=d.title,
            author=d.author,
            published=d.published.isoformat() if d.published else None,
            date_only=d.date_only,
            outlet=d.outlet,
            section=d.section,
            path=article.path,
            fingerprint=article.fingerprint,
            claims=len(statements(article.claims)),
            speakers=article.speakers,
            sources=article.sources,
            words=len(d.body.split()),
            layout=d.layout,
            ingested=ingested,
        )

    def to_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__slots__}

    @classmethod
    def from_dict(cls, d: dict) -> Summary:
        return cls(**{k: d.get(k) for k in cls.__slots__})


@dataclass(frozen=True, slots=True)
class Changes:
    """What other processes changed in the store since the last look (see Store.changes)."""

    library: bool = False  # articles came or went
    parts: frozenset[str] = frozenset()  # where annotations changed (the store's own division)

    def __bool__(self) -> bool:
        return self.library or bool(self.parts)

    def of(self, article_id: str) -> bool:
        """Whether annotations of this article may have changed (tags, notes, read marks)."""
        return article_id[:1] in self.parts


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    reanchored: int = 0
    orphaned: int = 0
    # (file, the stored file it is a byte-for-byte copy of): not stored twice
    duplicates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def files(self) -> int:
        """Every file the ingest looked at."""
        return len(self.new) + len(self.updated) + len(self.unchanged) + len(self.duplicates) + len(self.refused)

    def merge(self, other: IngestReport) -> None:
        for name in ("new", "updated", "unchanged", "refused", "warnings", "duplicates"):
            getattr(self, name).extend(getattr(other, name))
        self.reanchored += other.reanchored
        self.orphaned += other.orphaned
