"""The store: articles, a library index, and the user's annotations, in three TinyDB JSON files.

    library.json      one small summary per article (what the library screen lists)
    articles-X.json   the full articles, body and claims, in 16 files by the id's first digit
                      (opening an article reads one of them, never all)
    annotations-X.json every annotator's tags, notes and corrections, one table per article and
                      a row per claim and annotator, and what each has read, in 16 files by
                      the article id's first digit

Articles and annotations are kept apart so saving one tag never rewrites article bodies.
Every change takes the store lock, first reloads any file another process replaced, applies the
change to what is on disk, and writes each file it changed once, atomically (see storage.py).
Each annotator's rows are their own: nothing one annotator does changes another's.
"""

from __future__ import annotations

import contextlib
import difflib
import getpass
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB

from . import journal
from .ids import claim_ids, derived_id, row_key
from .model import UNSET, Annotation, Applied, Article, Claim, apply_change, statements
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
        self.writable = os.access(self.folder, os.W_OK)
        if self.writable:
            _remove_stale_temp_files(self.folder)
        self.annotator = annotator or default_annotator()
        self.clock = clock
        self.lock = StoreLock(self.folder, lock_timeout)
        self._files: dict[str, TinyDB] = {}  # every file, opened when first needed
        self._external: set[str] = set()  # files another process replaced since changes() was asked
        self._library = self._db("library.json", "library")
        self._library.storage.read()  # fail now, with a clear message, on a damaged or newer file
        if self.writable:
            self.replay_journals()

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
        for name, db in self._files.items():
            if db.storage.changed_on_disk():
                db.storage.forget()
                self._external.add(name)

    @contextlib.contextmanager
    def _changing(self, wait: float | None = None) -> Iterator[None]:
        """Every change: the store must be writable; take the lock (waiting at most `wait`
        seconds, default the store's lock timeout), then see the disk as it is."""
        if not self.writable:
            raise StoreError(f"the store {self.folder} is read-only: nothing was changed")
        with self.lock.held(wait):
            self._refresh()
            yield

    def changes(self) -> set[str]:
        """Which kinds of data other processes changed since the last call: "library" (articles
        came or went) and, per shard key, "annotations-X" (tags, notes, read marks)."""
        self._refresh()
        names, self._external = self._external, set()
        return {n.removesuffix(".json") for n in names if not n.startswith("articles-")}

    def owns(self, path: Path) -> bool:
        """Whether `path` is (or would be) one of this store's own files: never to be written by
        anything but the store. Hard links to them count too."""
        try:
            same_folder = Path(os.path.realpath(path.parent)) == Path(os.path.realpath(self.folder))
        except OSError:
            same_folder = False
        if same_folder and (_STORE_FILE.fullmatch(path.name) or path.name.startswith(".")):
            return True
        try:
            target = os.stat(path)
        except OSError:
            return False
        return any(_same_file(target, self.folder / name) for name in _listdir(self.folder) if _STORE_FILE.fullmatch(name))

    def check(self) -> None:
        """Read every file of the store now: a damaged one is reported before any work starts."""
        self._library.storage.read()
        for key in SHARDS:
            self._notes_db(key).storage.read()

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
        file it came from. Annotations follow their claims: those of vanished claims are moved to
        the most similar new claim, or kept as orphans.

        Each file is written once, articles first and annotations last, so an interrupted save
        leaves each file whole, and running the same ingest again finishes the work: the
        annotations of every article in the batch, changed or not, are checked against its claims.
        """
        report = IngestReport()
        with self._changing():
            library = self._library.storage.read().setdefault("articles", {})
            touched: set[str] = set()
            by_path = {s["path"]: s["id"] for s in library.values() if s["path"] and s["path"] != "-"}
            now = self._now()
            batch: list[Article] = []
            for article in articles:
                article, old = self._identify(article, library, by_path)
                batch.append(article)
                if old is not None and old["fingerprint"] == article.fingerprint:
                    _same_text(report, old, article)
                    continue
                key = str(_doc_id(article.id))
                self._shard(article.id)[key] = article.to_dict()
                touched.add(article.id[:1])
                library[key] = Summary.of(article, old["ingested"] if old else now).to_dict()
                if article.path and article.path != "-":
                    by_path[article.path] = article.id
                (report.updated if old else report.new).append(article.path)
            if report.new or report.updated:
                for key in sorted(touched):
                    self._save(self._articles_db(key))
                self._save(self._library)
            self._follow_claims(batch, report)
        return report

    def _identify(self, article: Article, library: dict, by_path: dict) -> tuple[Article, dict | None]:
        """The article as the store knows it (its id kept across edits) and its library entry."""
        old = library.get(str(_doc_id(article.id)))
        if old is not None and _other_file(old, article):
            # Another file with the same headline and date but other text: a different
            # article, never an update of the first.
            article = _renumber(article, derived_id(article.id, article.path))
            old = library.get(str(_doc_id(article.id)))
        if old is None and article.path in by_path:
            article = _renumber(article, by_path[article.path])
            old = library.get(str(_doc_id(article.id)))
        return article, old

    def _follow_claims(self, batch: list[Article], report: IngestReport) -> None:
        """Re-attach the annotations of each article's vanished claims; one write per shard."""
        touched = set()
        changed = {*report.new, *report.updated}
        for article in batch:
            data = self._notes_db(article.id).storage.read()
            rows = data.get(f"a-{article.id}")
            if not rows:
                continue
            moved, orphans, marked = _reanchor(rows, article.claims)
            report.reanchored += moved
            if article.path in changed:  # orphans of an article that did not change are old news
                report.orphaned += orphans
            if moved or marked:
                touched.add(article.id[:1])
        for key in sorted(touched):
            self._save(self._notes_db(key))

    # -- annotations ---------------------------------------------------------------------------
    def _rows(self, article_id: str) -> dict:
        """Every annotator's annotation rows of an article, by row key."""
        self._refresh()
        return self._notes_db(article_id).storage.read().get(f"a-{article_id}", {})

    def annotations(self, article_id: str, annotator: str | None = None) -> dict[str, Annotation]:
        """One annotator's annotations of an article (yours by default), by claim id."""
        who = annotator or self.annotator
        return {d["claim_id"]: Annotation.from_dict(d) for d in self._rows(article_id).values() if d["annotator"] == who}

    def everyone(self, article_id: str) -> list[Annotation]:
        """Every annotator's annotations of an article, in claim and annotator order."""
        rows = sorted(self._rows(article_id).values(), key=lambda d: (d["start"], d["claim_id"], d["annotator"]))
        return [Annotation.from_dict(d) for d in rows]

    def all_annotations(self) -> dict[str, dict[str, Annotation]]:
        """Your annotations of every article: article id to claim id to annotation."""
        self._refresh()
        return {
            name[2:]: {d["claim_id"]: Annotation.from_dict(d) for d in table.values() if d["annotator"] == self.annotator}
            for data in self._all_notes()
            for name, table in data.items()
            if name.startswith("a-")
        }

    def tagged_counts(self) -> dict[str, int]:
        """Per article id, how many of its statements you have done (see Annotation.done; a quote
        inside a statement is part of it, see model.statements)."""
        return {aid: sum(1 for a in notes.values() if a.counts) for aid, notes in self.all_annotations().items()}

    def annotate(self, article_id: str, claim: Claim, *, tag=UNSET, note=UNSET, speaker=UNSET,
                 not_a_claim=UNSET) -> Annotation | None:
        """Change some fields of your annotation of a claim; returns it (None once it is empty,
        when it is deleted). `tag` is one of TAGS or None to clear it."""
        given = {"tag": tag, "note": note, "speaker": speaker, "not_a_claim": not_a_claim}
        return self.change(article_id, claim, {k: v for k, v in given.items() if v is not UNSET}).after

    def change(self, article_id: str, claim: Claim, changes: dict, expect: dict | None = None, *,
               at: str | None = None, annotator: str | None = None,
               journal: tuple[str, int] | None = None, wait: float | None = None) -> Applied:
        """Apply a change to an annotation as it is on disk, under the lock, field by field (see
        model.apply_change); the one way annotations are changed. `journal` (its id and the
        entry's number) records the entry as applied in the same write, so that replaying a
        journal never applies an entry twice. `wait`: how long to wait for a busy store."""
        who = annotator or self.annotator
        with self._changing(wait):
            db = self._notes_db(article_id)
            data = db.storage.read()
            table = data.get(f"a-{article_id}", {})
            key = row_key(claim.id, who)
            current = Annotation.from_dict(table[key]) if key in table else None
            if journal is not None and _applied(data, journal):
                return Applied(current, current)
            try:
                applied = apply_change(current, claim, article_id, annotator=who, at=at or self._now(),
                                       changes=changes, expect=expect)
            except ValueError as exc:
                raise StoreError(str(exc)) from None
            if not applied.changed and journal is None:
                return applied
            if applied.after is None:
                table.pop(key, None)
            else:
                table[key] = applied.after.to_dict()
            _set_table(data, f"a-{article_id}", table)
            if journal is not None:
                data["meta"]["1"].setdefault("journals", {})[journal[0]] = journal[1]
            self._save(db)
            return applied

    def reattach(self, article_id: str, orphan_id: str, claim: Claim) -> Annotation:
        """Move your orphaned annotation (its claim id `orphan_id`) onto `claim`, which you have
        not annotated; another annotator's rows are never touched. Raises StoreError if the
        orphan is gone or the claim is annotated already (nothing changes then)."""
        with self._changing():
            db, data, table = self._table(article_id)
            key, target = row_key(orphan_id, self.annotator), row_key(claim.id, self.annotator)
            if key not in table:
                raise StoreError("that annotation is no longer in the store: nothing was changed")
            if target in table and target != key:
                raise StoreError("you have annotated that claim already: discard one of the two first")
            row = {**table.pop(key), "claim_id": claim.id, "text": claim.text, "start": claim.start,
                   "end": claim.end, "within": claim.within, "orphaned": False, "at": self._now()}
            table[target] = row
            _set_table(data, f"a-{article_id}", table)
            self._save(db)
            return Annotation.from_dict(row)

    def discard(self, article_id: str, claim_id: str) -> bool:
        """Delete your annotation of a claim (an orphan you no longer want); others' stay.
        Returns whether there was one."""
        with self._changing():
            db, data, table = self._table(article_id)
            if table.pop(row_key(claim_id, self.annotator), None) is None:
                return False
            _set_table(data, f"a-{article_id}", table)
            self._save(db)
            return True

    def _table(self, article_id: str) -> tuple[TinyDB, dict, dict]:
        """An article's annotation file, its data and its table of annotation rows (under the lock)."""
        db = self._notes_db(article_id)
        data = db.storage.read()
        return db, data, data.get(f"a-{article_id}", {})

    def replay_journals(self) -> int:
        """Apply the changes that newsreader processes showed but died before saving (see
        journal.py). A busy store is left for the next time; returns how many were applied."""
        applied = 0
        for jid, path, entries, fd in journal.orphaned(self.folder):
            try:
                for seq, e in entries:
                    self.change(e.article_id, e.claim, e.changes, e.expect, at=e.at,
                                annotator=e.annotator, journal=(jid, seq))
                    applied += 1
            except StoreError:  # busy, or a damaged file: the journal waits for the next time
                os.close(fd)
                break
            journal.finish(path, fd)
            self.forget_journal(jid)
        return applied

    def forget_journal(self, journal_id: str) -> None:
        """A journal fully applied and gone: its marks in the annotation files are dropped."""
        with self._changing():
            for key in SHARDS:
                db = self._notes_db(key)
                marks = db.storage.read()["meta"]["1"].get("journals", {})
                if journal_id in marks:
                    del marks[journal_id]
                    self._save(db)

    def now(self) -> str:
        """The store's clock, as written into annotations."""
        return self._now()

    # -- reading state -------------------------------------------------------------------------
    @staticmethod
    def body_parts() -> int:
        """Article bodies are read in this many parts (so that a reader of all of them can let
        other work in between): part 0 to part n - 1, see part_bodies."""
        return len(SHARDS)

    def part_bodies(self, part: int) -> dict[str, str]:
        """The bodies of one part of the store, by article id."""
        self._refresh()
        return {d["id"]: d["body"] for d in self._shard(SHARDS[part]).values()}

    def read_ids(self) -> set[str]:
        """The articles you have opened (a mark from before annotators were told apart counts
        for everyone)."""
        self._refresh()
        return {
            d["article_id"] for data in self._all_notes() for d in data.get("read", {}).values()
            if d.get("annotator", self.annotator) == self.annotator
        }

    def mark_read(self, article_id: str) -> None:
        with self._changing():
            db = self._notes_db(article_id)
            data = db.storage.read()
            table = data.get("read", {})
            key = row_key(article_id, self.annotator)
            if key not in table:
                table[key] = {"article_id": article_id, "annotator": self.annotator, "at": self._now()}
                _set_table(data, "read", table)
                self._save(db)


_STORE_FILE = re.compile(r"(library|articles-[0-9a-f]|annotations-[0-9a-f])\.json(\.bak)?")


def _listdir(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _same_file(st: os.stat_result, other: Path) -> bool:
    try:
        o = os.stat(other)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (o.st_dev, o.st_ino)


def _set_table(data: dict, name: str, table: dict) -> None:
    """Put a table back into a file's data; an empty table is dropped."""
    if table:
        data[name] = table
    else:
        data.pop(name, None)


def _applied(data: dict, journal: tuple[str, int]) -> bool:
    return data["meta"]["1"].get("journals", {}).get(journal[0], -1) >= journal[1]


def _reanchor(rows: dict, claims: list[Claim]) -> tuple[int, int, int]:
    """Move each annotator's annotations whose claim is gone to the most similar claim that
    annotator has not annotated; the rest stay as orphans (marked `orphaned`: kept, shown apart
    in the reader, exported as such, never counted in progress), and an orphan whose claim is
    back loses the mark. Changes `rows` in place; returns how many moved, how many stay
    orphaned and how many marks changed. A pure function of the rows and the claims, so running
    it again on its own result changes nothing."""
    ids = {c.id for c in claims}
    annotated = {(r["annotator"], r["claim_id"]) for r in rows.values()}
    moved = orphans = marked = 0
    for key, row in sorted(rows.items(), key=lambda kv: (kv[1]["annotator"], kv[1]["start"], kv[1]["claim_id"])):
        if row["claim_id"] in ids:
            marked += _mark(row, False)
            continue
        best = _most_like(row, [c for c in claims if (row["annotator"], c.id) not in annotated])
        if best is None:
            orphans += 1
            marked += _mark(row, True)
            continue
        del rows[key]
        rows[row_key(best.id, row["annotator"])] = {**row, "claim_id": best.id, "text": best.text,
                                                     "start": best.start, "end": best.end, "orphaned": False}
        annotated.add((row["annotator"], best.id))
        moved += 1
    return moved, orphans, marked


def _most_like(row: dict, claims: list[Claim]) -> Claim | None:
    """The claim whose text is most like the annotation's, if it is like enough (75%)."""
    best, best_score = None, 0.0
    for c in claims:
        score = difflib.SequenceMatcher(None, row["text"], c.text, autojunk=False).ratio()
        if score > best_score:
            best, best_score = c, score
    return best if best_score >= 0.75 else None


def _mark(row: dict, orphaned: bool) -> int:
    """Set a row's orphan mark; 1 if it changed."""
    if bool(row.get("orphaned")) == orphaned:
        return 0
    row["orphaned"] = orphaned
    return 1


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


def _same_text(report: IngestReport, old: dict, article: Article) -> None:
    """A file with the text of a stored article: that file again (unchanged), or another file, a
    duplicate, not stored twice. A stored file that is gone was moved, not copied: unchanged."""
    stored = old.get("path") or ""
    if stored not in ("", article.path) and (stored == "-" or os.path.exists(stored)):
        report.duplicates.append((article.path, stored))
    else:
        report.unchanged.append(article.path)


def _renumber(article: Article, new_id: str) -> Article:
    """The same file ingested again after its headline changed keeps its first id."""
    article.id = new_id
    article.claims = claim_ids(new_id, article.claims)
    return article
