"""The store: articles, a library index, and the user's annotations, in three TinyDB JSON files.

    library.json      one small summary per article (what the library screen lists)
    articles-X.json   the full articles, body and claims, in 16 files by the id's first digit
                      (opening an article reads one of them, never all)
    annotations-X.json the user's tags, notes and corrections, one table per article, and the
                      read/unread state, in 16 files by the article id's first digit

Articles and annotations are kept apart so saving one tag never rewrites article bodies, and
annotations are split into a table per article so a save costs little however many there are.
Every change takes the store lock, first reloads any file another process replaced, and writes
atomically (see storage.py).
"""

from __future__ import annotations

import difflib
import getpass
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.table import Document

from .ids import claim_ids, derived_id
from .model import UNSET, Annotation, Article, Claim, apply_change
from .storage import AtomicJSONStorage, StoreError, StoreLock

__all__ = ["IngestReport", "Store", "StoreError", "Summary", "default_store_dir"]

SHARDS = "0123456789abcdef"


def default_store_dir() -> Path:
    env = os.environ.get("NEWSREADER_STORE")
    return Path(env) if env else Path.cwd() / "annotations"


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "unknown"


def utc_now() -> datetime:
    return datetime.now(UTC)


def _doc_id(hex_id: str) -> int:
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
            claims=len(article.claims),
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


@dataclass
class IngestReport:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    reanchored: int = 0
    orphaned: int = 0

    def merge(self, other: IngestReport) -> None:
        for name in ("new", "updated", "unchanged", "refused", "warnings"):
            getattr(self, name).extend(getattr(other, name))
        self.reanchored += other.reanchored
        self.orphaned += other.orphaned


class Store:
    """The user's store folder. Safe to use from several processes at once."""

    def __init__(
        self,
        folder: str | Path | None = None,
        *,
        annotator: str | None = None,
        clock: Callable[[], datetime] = utc_now,
        lock_timeout: float = 10.0,
    ) -> None:
        self.folder = Path(folder) if folder is not None else default_store_dir()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create the store folder {self.folder}: {exc.strerror}") from exc
        if not os.access(self.folder, os.W_OK):
            raise StoreError(f"the store folder {self.folder} is not writable")
        _remove_stale_temp_files(self.folder)
        self.annotator = annotator or default_annotator()
        self.clock = clock
        self.lock = StoreLock(self.folder, lock_timeout)
        self._files: dict[str, TinyDB] = {}  # every file, opened when first needed
        self._library = self._db("library.json", "library")
        self._library.storage.read()  # fail now, with a clear message, on a damaged or newer file

    # -- plumbing ------------------------------------------------------------------------------
    def _db(self, name: str, kind: str) -> TinyDB:
        db = self._files.get(name)
        if db is None:
            db = self._files[name] = TinyDB(storage=AtomicJSONStorage, path=self.folder / name, kind=kind)
        return db

    def _articles_db(self, article_id: str) -> TinyDB:
        """Article bodies and claims live in 16 files by the id's first hex digit."""
        return self._db(f"articles-{article_id[:1]}.json", "articles")

    def _notes_db(self, article_id: str) -> TinyDB:
        """Annotations live in 16 files by the article id's first hex digit: a save writes one."""
        return self._db(f"annotations-{article_id[:1]}.json", "annotations")

    def _shard(self, article_id: str) -> dict:
        return self._articles_db(article_id).storage.read().setdefault("articles", {})

    def _all_shards(self) -> list[dict]:
        return [self._shard(key) for key in SHARDS]

    def _all_notes(self) -> list[dict]:
        return [self._notes_db(key).storage.read() for key in SHARDS]

    @staticmethod
    def _save(db: TinyDB) -> None:
        db.storage.write(db.storage.read())

    def _refresh(self) -> None:
        """Reload files another process has replaced since we read them."""
        for db in self._files.values():
            if db.storage.changed_on_disk():
                db.storage.forget()
                db._tables.clear()  # TinyDB caches tables (and their queries) per instance

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    # -- articles ------------------------------------------------------------------------------
    def summaries(self) -> list[Summary]:
        self._refresh()
        raw = self._library.storage.read().get("articles", {})
        return [Summary.from_dict(d) for d in raw.values()]

    def article(self, article_id: str) -> Article:
        self._refresh()
        raw = self._shard(article_id).get(str(_doc_id(article_id)))
        if raw is None:
            raise StoreError(f"no article {article_id} in the store")
        return Article.from_dict(raw)

    def find_article(self, prefix: str) -> Summary:
        """The article whose id starts with `prefix` (or whose title is exactly `prefix`)."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise StoreError("give an article id (or a unique prefix of one)")
        found = [s for s in self.summaries() if s.id.startswith(prefix)]
        if not found:
            found = [s for s in self.summaries() if s.title.lower() == prefix]
        if not found:
            raise StoreError(f"no article id starts with '{prefix}' (see: newsreader list)")
        if len(found) > 1:
            raise StoreError(f"'{prefix}' matches {len(found)} articles; give more of the id")
        return found[0]

    def find_claim(self, prefix: str) -> tuple[Article, Claim]:
        prefix = prefix.strip().lower()
        if len(prefix) < 2:
            raise StoreError("give a claim id (at least two characters of it)")
        matches: list[tuple[dict, dict]] = []
        self._refresh()
        for raw in (a for shard in self._all_shards() for a in shard.values()):
            for c in raw.get("claims", ()):
                if c["id"].startswith(prefix):
                    matches.append((raw, c))
        if not matches:
            raise StoreError(f"no claim id starts with '{prefix}' (see: newsreader claims)")
        if len(matches) > 1:
            raise StoreError(f"'{prefix}' matches {len(matches)} claims; give more of the id")
        raw, c = matches[0]
        return Article.from_dict(raw), Claim.from_dict(c)

    def save_articles(self, articles: Iterable[Article]) -> IngestReport:
        """Add new articles and update changed ones; an article is matched by id, then by the
        file it came from. Annotations of claims that are still there stay attached; those of
        vanished claims are re-attached to the most similar new claim, or kept as orphans."""
        report = IngestReport()
        with self.lock:
            self._refresh()
            library = self._library.storage.read().setdefault("articles", {})
            touched: set[str] = set()
            by_path = {s["path"]: s["id"] for s in library.values() if s.get("path") and s["path"] != "-"}
            now = self._now()
            changed: list[tuple[Article, dict | None]] = []
            for article in articles:
                key = str(_doc_id(article.id))
                old = library.get(key)
                if old is not None and _other_file(old, article):
                    # Another file with the same headline and date but other text: a different
                    # article, never an update of the first.
                    article = _renumber(article, derived_id(article.id, article.path))
                    key = str(_doc_id(article.id))
                    old = library.get(key)
                if old is None and article.path in by_path:
                    old_id = by_path[article.path]
                    article = _renumber(article, old_id)
                    key = str(_doc_id(old_id))
                    old = library.get(key)
                if old is not None and old.get("fingerprint") == article.fingerprint:
                    report.unchanged.append(article.path)
                    continue
                shard = self._shard(article.id)
                previous = shard.get(key)
                shard[key] = article.to_dict()
                touched.add(article.id[:1])
                library[key] = Summary.of(article, old["ingested"] if old else now).to_dict()
                if article.path and article.path != "-":
                    by_path[article.path] = article.id
                (report.updated if old else report.new).append(article.path)
                if old is not None:
                    changed.append((article, previous))
            if report.new or report.updated:
                # Bodies first: a crash between the two writes leaves a library entry missing,
                # which the next ingest of that file repairs.
                for key in sorted(touched):
                    self._save(self._articles_db(key))
                self._save(self._library)
            for article, _previous in changed:
                moved, orphans = self._reanchor(article)
                report.reanchored += moved
                report.orphaned += orphans
        return report

    # -- annotations ---------------------------------------------------------------------------
    def _annotation_table(self, article_id: str):
        return self._notes_db(article_id).table(f"a-{article_id}", cache_size=0)

    def annotations(self, article_id: str) -> dict[str, Annotation]:
        self._refresh()
        raw = self._notes_db(article_id).storage.read().get(f"a-{article_id}", {})
        return {d["claim_id"]: Annotation.from_dict(d) for d in raw.values()}

    def all_annotations(self) -> dict[str, dict[str, Annotation]]:
        self._refresh()
        return {
            name[2:]: {d["claim_id"]: Annotation.from_dict(d) for d in table.values()}
            for data in self._all_notes()
            for name, table in data.items()
            if name.startswith("a-")
        }

    def tagged_counts(self) -> dict[str, int]:
        """Per article id, how many claims are done: tagged, or marked not a claim."""
        self._refresh()
        return {
            name[2:]: sum(1 for d in table.values() if d.get("tag") or d.get("not_a_claim"))
            for data in self._all_notes()
            for name, table in data.items()
            if name.startswith("a-")
        }

    def annotate(
        self,
        article_id: str,
        claim: Claim,
        *,
        tag=UNSET,
        note=UNSET,
        speaker=UNSET,
        not_a_claim=UNSET,
    ) -> Annotation | None:
        """Change the user's annotation of a claim; returns it (None once it is empty, when
        it is deleted). `tag` is one of TAGS or None to clear it."""
        with self.lock:
            self._refresh()
            raw = self._annotation_table(article_id).get(doc_id=_doc_id(claim.id))
            current = Annotation.from_dict(raw) if raw else None
            try:
                after = apply_change(
                    current, claim, article_id, annotator=self.annotator, at=self._now(),
                    tag=tag, note=note, speaker=speaker, not_a_claim=not_a_claim,
                )
            except ValueError as exc:
                raise StoreError(str(exc)) from None
            self.put_annotation(article_id, claim, after)
            return after

    def put_annotation(self, article_id: str, claim: Claim, annotation: Annotation | None) -> None:
        """Store an annotation exactly as given (None or an empty one deletes it)."""
        with self.lock:
            self._refresh()
            table = self._annotation_table(article_id)
            doc_id = _doc_id(claim.id)
            if annotation is None or annotation.is_empty:
                if table.get(doc_id=doc_id) is not None:
                    table.remove(doc_ids=[doc_id])
            else:
                table.upsert(Document(annotation.to_dict(), doc_id=doc_id))

    def now(self) -> str:
        """The store's clock, as written into annotations."""
        return self._now()

    def _reanchor(self, article: Article) -> tuple[int, int]:
        """After an article changed: move annotations whose claim is gone to the most similar
        new claim that has none; the rest stay as orphans (kept, and exported as such)."""
        table = self._annotation_table(article.id)
        rows = table.all()
        if not rows:
            return 0, 0
        ids = {c.id: c for c in article.claims}
        annotated = {r["claim_id"] for r in rows}
        moved = orphans = 0
        for row in rows:
            if row["claim_id"] in ids:
                continue
            best, best_score = None, 0.0
            for c in article.claims:
                if c.id in annotated:
                    continue
                score = difflib.SequenceMatcher(None, row["text"], c.text, autojunk=False).ratio()
                if score > best_score:
                    best, best_score = c, score
            if best is not None and best_score >= 0.75:
                table.remove(doc_ids=[row.doc_id])
                new = {**row, "claim_id": best.id, "text": best.text, "start": best.start, "end": best.end}
                table.upsert(Document(new, doc_id=_doc_id(best.id)))
                annotated.add(best.id)
                moved += 1
            else:
                orphans += 1
        return moved, orphans

    # -- reading state -------------------------------------------------------------------------
    def bodies(self) -> dict[str, str]:
        """Every article's body by id (for searching; loads all article bodies)."""
        self._refresh()
        return {d["id"]: d["body"] for shard in self._all_shards() for d in shard.values()}

    def shard_bodies(self, key: str) -> dict[str, str]:
        """The bodies of one shard: the app loads them one shard at a time."""
        self._refresh()
        return {d["id"]: d["body"] for d in self._shard(key).values()}

    def read_ids(self) -> set[str]:
        self._refresh()
        return {d["article_id"] for data in self._all_notes() for d in data.get("read", {}).values()}

    def mark_read(self, article_id: str) -> None:
        with self.lock:
            self._refresh()
            table = self._notes_db(article_id).table("read", cache_size=0)
            doc_id = _doc_id(article_id)
            if table.get(doc_id=doc_id) is None:
                table.upsert(Document({"article_id": article_id, "at": self._now()}, doc_id=doc_id))


def _remove_stale_temp_files(folder: Path) -> None:
    """Temporary files left by a writer that was killed mid-save (its pid is gone)."""
    for tmp in folder.glob(".*.tmp"):
        parts = tmp.name.split(".")
        pid = next((int(p) for p in parts if p.isdigit()), None)
        if pid is None or pid == os.getpid() or _alive(pid):
            continue
        try:
            tmp.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _other_file(old: dict, article: Article) -> bool:
    return (
        old.get("fingerprint") != article.fingerprint
        and article.path not in ("", "-")
        and old.get("path") not in ("", "-", article.path)
    )


def _renumber(article: Article, new_id: str) -> Article:
    """The same file ingested again after its headline changed keeps its first id."""
    article.id = new_id
    article.claims = claim_ids(new_id, article.claims)
    return article
