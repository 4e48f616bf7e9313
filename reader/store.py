"""The store folder: articles in SQLite (articles.db, see articles_db.py) and every annotator's
annotations in 16 TinyDB JSON files by the article id's first digit (a save writes one).

Every change takes the store lock, first reloads any file another process replaced, applies the
change to what is on disk, and writes each file it changed once, atomically (see storage.py).
Each annotator's rows are their own: nothing one annotator does changes another's.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from tinydb import TinyDB

from . import journal, migrate
from .anchoring import reanchor
from .articles_db import ArticleDB
from .changes import UNSET, Applied, apply_change
from .corrections import added_claim
from .folder import default_annotator, default_store_dir, owned, remove_stale_temp_files
from .identity import Known, identify, same_text
from .ids import row_key
from .journal import applied as already_applied
from .listing import Listing
from .merging import Merging
from .model import ADJUDICATED, Annotation, Article, Claim, Progress, progress
from .storage import AtomicJSONStorage, StoreError, StoreLock, set_table
from .summary import Changes, IngestReport, Summary

__all__ = ["IngestReport", "Store", "StoreError", "Summary", "default_store_dir"]

SHARDS = "0123456789abcdef"


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store(Merging):
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
            remove_stale_temp_files(self.folder)
        self.annotator = annotator or default_annotator()
        self.clock = clock
        self.lock = StoreLock(self.folder, lock_timeout)
        self._files: dict[str, TinyDB] = {}  # every file, opened when first needed
        self._external: set[str] = set()  # files another process replaced since changes() was asked
        self.articles = ArticleDB(self.folder, self.writable)
        self.articles.changed()  # fail now, with a clear message, on a damaged or newer file
        if self.writable:
            migrate.from_json(self)
            journal.replay(self)
        else:
            migrate.read_only(self)

    # -- plumbing ------------------------------------------------------------------------------
    def _db(self, name: str, kind: str) -> TinyDB:
        db = self._files.get(name)
        if db is None:
            db = self._files[name] = TinyDB(storage=AtomicJSONStorage, path=self.folder / name, kind=kind)
        return db

    def _notes_db(self, article_id: str) -> TinyDB:
        """Annotations live in 16 files by the article id's first hex digit: a save writes one."""
        return self._db(f"annotations-{article_id[:1]}.json", "annotations")

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

    def changes(self) -> Changes:
        """What other processes changed since the last call: articles, or annotations of which
        articles (see Changes)."""
        self._refresh()
        names, self._external = self._external, set()
        parts = frozenset(n[len("annotations-")] for n in names if n.startswith("annotations-"))
        return Changes(self.articles.changed(), parts)

    def owns(self, path: Path) -> bool:
        """Whether `path` is (or would be) one of this store's own files: never to be written by
        anything but the store. Hard links to them count too."""
        return owned(self.folder, path)

    def check(self) -> None:
        """Read every file of the store now: a damaged one is reported before any work starts."""
        self.articles.count()
        for key in SHARDS:
            self._notes_db(key).storage.read()

    def _now(self) -> str:
        return self.clock().isoformat(timespec="seconds")

    # -- articles ------------------------------------------------------------------------------
    def summaries(self) -> list[Summary]:
        """Every article, newest first (the library's first order)."""
        return Listing(self.articles.db, self.articles.path).summaries()

    def summary(self, article_id: str) -> Summary | None:
        return self.articles.summary(article_id)

    def listing(self) -> Listing:
        """The library's rows, a page at a time, on a connection of their own (see listing.py)."""
        return Listing(self.articles.reader(), self.articles.path)

    def article(self, article_id: str) -> Article:
        article = self.articles.article(article_id)
        if article is None:
            raise StoreError(f"no article {article_id} in the store")
        return article

    def find_article(self, prefix: str) -> Summary:
        """The article whose id starts with `prefix` (or whose title is exactly `prefix`)."""
        prefix = prefix.strip().lower()
        if not prefix:
            raise StoreError("give an article id (or a unique prefix of one)")
        found = self.articles.ids_with_prefix(prefix) or self.articles.ids_titled(prefix)
        if not found:
            raise StoreError(f"no article id starts with '{prefix}' (see: newsreader list)")
        if len(found) > 1:
            raise StoreError(f"'{prefix}' matches {len(found)} articles; give more of the id")
        return self.articles.summary(found[0])

    def find_claim(self, prefix: str) -> tuple[Article, Claim]:
        prefix = prefix.strip().lower()
        if len(prefix) < 2:
            raise StoreError("give a claim id (at least two characters of it)")
        matches = self.articles.find_claims(prefix)
        matches += self._added_claims(prefix)  # yours
        if not matches:
            raise StoreError(f"no claim id starts with '{prefix}' (see: newsreader claims)")
        if len(matches) > 1:
            raise StoreError(f"'{prefix}' matches {len(matches)} claims; give more of the id")
        article_id, claim_id = matches[0]
        article = self.article(article_id)
        claim = next((c for c in article.claims if c.id == claim_id), None)
        if claim is None:  # one you added
            claim = added_claim(self.annotations(article_id)[claim_id])
        return article, claim

    def _added_claims(self, prefix: str) -> list[tuple[str, str]]:
        self._refresh()
        return [(d["article_id"], d["claim_id"]) for data in self._all_notes() for name, table in data.items()
                if name.startswith("a-") for d in table.values()
                if d.get("added") and d["annotator"] == self.annotator and d["claim_id"].startswith(prefix)]

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
            now = self._now()
            batch: list[Article] = []
            known = Known(self.articles)
            with self.articles.transaction() as db:
                for article in articles:
                    article, old = identify(article, known)
                    batch.append(article)
                    if old is not None and old["fingerprint"] == article.fingerprint:
                        same_text(report, old.get("path") or "", article.path)
                    else:
                        db.put(article, old["ingested"] if old else now)
                        (report.updated if old else report.new).append(article.path)
            self._follow_claims(batch, report)
            # Last, the files as read: once here, the next ingest skips them (a kill before this
            # point leaves them to be read again, and their annotations to be checked again).
            with self.articles.transaction() as db:
                for article in batch:
                    if article.digest:
                        db.put_file(article.path, article.size, article.digest, article.id)
        return report

    def forget_files(self) -> None:
        """Forget which files were read (the next ingest reads every file again)."""
        with self._changing(), self.articles.transaction() as db:
            db.forget_files()

    def _follow_claims(self, batch: list[Article], report: IngestReport) -> None:
        """Re-attach the annotations of each article's vanished claims; one write per shard."""
        touched = set()
        changed = {*report.new, *report.updated}
        for article in batch:
            data = self._notes_db(article.id).storage.read()
            rows = data.get(f"a-{article.id}")
            if not rows:
                continue
            moved, orphans, marked = reanchor(rows, article.claims, article.body)
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

    def every_annotation(self) -> dict[str, list[Annotation]]:
        """Every annotator's annotations of every article: article id to its annotations."""
        self._refresh()
        return {name[2:]: [Annotation.from_dict(d) for d in table.values()]
                for data in self._all_notes() for name, table in data.items() if name.startswith("a-") and table}

    def annotation_rows(self) -> list[dict]:
        """Every annotator's annotations as stored (rows, not Annotations: for a view of every claim)."""
        self._refresh()
        return [d for data in self._all_notes() for name, table in data.items() if name.startswith("a-")
                for d in table.values()]

    def progress(self) -> dict[str, Progress]:
        """Per article id, how far you are with it (see model.progress)."""
        return {aid: progress(notes.values()) for aid, notes in self.all_annotations().items()}

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
        changes.apply_change); the one way annotations are changed. `journal` (its id and the
        entry's number) records the entry as applied in the same write, so that replaying a
        journal never applies an entry twice. `wait`: how long to wait for a busy store."""
        who = annotator or self.annotator
        with self._changing(wait):
            db = self._notes_db(article_id)
            data = db.storage.read()
            table = data.get(f"a-{article_id}", {})
            key = row_key(claim.id, who)
            current = Annotation.from_dict(table[key]) if key in table else None
            if journal is not None and already_applied(data, journal):
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
            set_table(data, f"a-{article_id}", table)
            if journal is not None:
                data["meta"]["1"].setdefault("journals", {})[journal[0]] = journal[1]
            self._save(db)
            return applied

    def settle(self, article_id: str, claim: Claim, changes: dict, expect: dict | None = None) -> Applied:
        """The final judgement of a claim the annotators disagree on (its tag, or not a claim),
        stored as the ADJUDICATED annotator's with who settled it: the annotators' own stay.
        `expect`: the final as the one settling saw it; one settled meanwhile by someone else is
        kept (changes.apply_change), never overwritten unseen."""
        return self.change(article_id, claim, {**changes, "settled_by": self.annotator}, expect, annotator=ADJUDICATED)

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
                   "end": claim.end, "within": claim.within, "orphaned": False, "span": None, "added": None,
                   "at": self._now()}
            table[target] = row
            set_table(data, f"a-{article_id}", table)
            self._save(db)
            return Annotation.from_dict(row)

    def discard(self, article_id: str, claim_id: str) -> bool:
        """Delete your annotation of a claim (an orphan you no longer want); others' stay.
        Returns whether there was one."""
        with self._changing():
            db, data, table = self._table(article_id)
            if table.pop(row_key(claim_id, self.annotator), None) is None:
                return False
            set_table(data, f"a-{article_id}", table)
            self._save(db)
            return True

    def _table(self, article_id: str) -> tuple[TinyDB, dict, dict]:
        """An article's annotation file, its data and its table of annotation rows (under the lock)."""
        db = self._notes_db(article_id)
        data = db.storage.read()
        return db, data, data.get(f"a-{article_id}", {})

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
                set_table(data, "read", table)
                self._save(db)
