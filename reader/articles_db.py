"""The articles, their claims and the files they came from, in one SQLite database.

    articles.db   an `articles` row per article (its summary, its body compressed, its claims
                  packed), a `claim_ids` index to find a claim by its id, and a `files` row per
                  source file (so an unchanged file is never extracted again)

SQLite (the standard library's, WAL mode) is made for this: a row is read by its key without
reading the rest, a change is a transaction, several processes read while one writes. Everything
here can be rebuilt from the source files (`newsreader reindex`); the user's annotations are not
here but in TinyDB JSON beside it (see store.py).
"""

from __future__ import annotations

import sqlite3
import weakref
import zlib
from collections.abc import Iterable
from pathlib import Path

import orjson

from . import claims_db, lexicon
from .model import Article, Claim
from .packing import (
    SUMMARY_COLUMNS,
    article_from_row,
    claim_rows,
    date_key,
    names_text,
    pack,
    sort_keys,
    summary_from_row,
    text_of,
    unpack_claims,
    words_text,
)
from .storage import StoreError
from .summary import Summary

NAME = "articles.db"
SCHEMA = 4  # PRAGMA user_version of the database this release writes (2: the lexicon, 3: by statements, 4: claims)

_TABLES = """
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    layout TEXT NOT NULL,
    title TEXT NOT NULL,
    author TEXT,
    published TEXT NOT NULL,  -- '' for an article without a date (it sorts first, as None did)
    date_only INTEGER NOT NULL,
    section TEXT,
    outlet TEXT,
    ingested TEXT NOT NULL,
    statements INTEGER NOT NULL,
    words INTEGER NOT NULL,
    speakers TEXT NOT NULL,
    sources TEXT NOT NULL,
    date_key INTEGER NOT NULL,  -- see date_key(): the library's date order, and the full-text rowid
    title_key TEXT NOT NULL,
    author_key TEXT NOT NULL,
    outlet_key TEXT NOT NULL,
    extra BLOB NOT NULL,
    body BLOB NOT NULL,
    claims BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_by_path ON articles(path);
CREATE UNIQUE INDEX IF NOT EXISTS articles_by_date ON articles(date_key);
CREATE INDEX IF NOT EXISTS articles_by_headline ON articles(title_key);
CREATE INDEX IF NOT EXISTS articles_by_outlet ON articles(outlet_key, published);
CREATE INDEX IF NOT EXISTS articles_by_author ON articles(author_key, published);
-- (the order by progress: see mark_orders)
CREATE INDEX IF NOT EXISTS articles_by_statements ON articles(statements);
CREATE TABLE IF NOT EXISTS claim_ids (id TEXT PRIMARY KEY, article INTEGER NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5(text, content='', detail=none, columnsize=0,
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS people USING fts5(names, content='', detail=full, columnsize=0,
    tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS lexicon (term TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    digest TEXT NOT NULL,
    article TEXT NOT NULL
) WITHOUT ROWID;
""" + claims_db.TABLES

# The full-text indexes hold no text (content=''), only which words are in which article:
# `words` has the headline, author, outlet, speakers, sources and body (no positions, so it
# stays small: phrases are checked on the body), `people` the speakers' names (with positions,
# for a whole name). `lexicon` lists every word `words` has had (see lexicon.Terms), so that the
# filter finds the words a prefix stands for without reading the articles that have them.

class ArticleDB:
    """One store's article database. Reads need no lock; writes happen under the store's lock."""

    def __init__(self, folder: Path, writable: bool) -> None:
        self.path = folder / NAME
        self.writable = writable
        self._db: sqlite3.Connection | None = None
        self._version: int | None = None
        self._terms = lexicon.Terms()  # the words of the articles put in this transaction

    # -- plumbing ------------------------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
            # Closed when this goes, or at exit: the last connection to close folds the
            # write-ahead log into the database and removes it.
            self._closer = weakref.finalize(self, self._db.close)
        return self._db

    def _open(self) -> sqlite3.Connection:
        if self.path.is_file() and self.path.stat().st_size == 0:
            raise damaged(self.path, "the file is empty")
        try:
            db = self._connect()
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA:
                raise StoreError(f"{self.path} was written by a newer newsreader (schema {version}); "
                                 "upgrade newsreader to read it. It was left untouched.")
            if version < SCHEMA and self.writable:
                _upgrade(db)
            elif version == 0:  # (the stand-in for a read-only store without a database)
                db.executescript(_TABLES)
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None
        return db

    def _connect(self) -> sqlite3.Connection:
        if self.writable:
            new = not self.path.exists()
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            if new:  # big pages: an article's row (about its text's size) wastes little of one
                db.execute("PRAGMA page_size=16384")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA journal_size_limit=4194304")  # the write-ahead log kept small between writes
            db.execute("PRAGMA temp_store=MEMORY")  # (the words of the articles being put: see lexicon.Terms)
            return db
        # A read-only folder: nobody writes it, and SQLite may not create its side files.
        if not self.path.exists():
            return sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        return sqlite3.connect(f"file:{self.path}?immutable=1", uri=True, isolation_level=None,
                               check_same_thread=False)

    def reader(self) -> sqlite3.Connection:
        """A connection of its own that only reads (for the library's pages, read on another
        thread than the store's writes). It has the same tables as this one."""
        db = self.db
        if not self.writable or not self.path.exists():
            return db
        try:
            return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                   check_same_thread=False)
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None

    def close(self) -> None:
        if self._db is not None:
            self._closer()
            self._db = None

    def _rows(self, sql: str, args: tuple = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None

    def changed(self) -> bool:
        """Whether another process committed a change since the last call."""
        version = self._rows("PRAGMA data_version")[0][0]
        changed = self._version is not None and version != self._version
        self._version = version
        return changed

    # -- reading -------------------------------------------------------------------------------
    def summary(self, article_id: str) -> Summary | None:
        rows = self._rows(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM articles WHERE id = ?", (article_id,))
        return summary_from_row(rows[0]) if rows else None

    def by_path(self, path: str) -> Summary | None:
        rows = self._rows(f"SELECT {', '.join(SUMMARY_COLUMNS)} FROM articles WHERE path = ? LIMIT 1", (path,))
        return summary_from_row(rows[0]) if rows else None

    def article(self, article_id: str) -> Article | None:
        rows = self._rows(f"SELECT {', '.join(SUMMARY_COLUMNS)}, extra, body, claims FROM articles WHERE id = ?",
                          (article_id,))
        return article_from_row(rows[0]) if rows else None

    def speaker_names(self) -> list[str]:
        """Every speaker's name the extractor gave (claims_db.speakers)."""
        return [name for (name,) in self._rows("SELECT name FROM speakers")]

    def find_claims(self, prefix: str, limit: int = 2) -> list[tuple[str, str]]:
        """(article id, claim id) of the claims whose id starts with `prefix` (lower-case hex)."""
        return self._rows("SELECT a.id, c.id FROM claim_ids c JOIN articles a ON a.n = c.article "
                          "WHERE c.id >= ? AND c.id < ? LIMIT ?", (prefix, prefix + "\uffff", limit))

    def ids_with_prefix(self, prefix: str, limit: int = 2) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT ?",
                                         (prefix, prefix + "\uffff", limit))]

    def ids_titled(self, title: str, limit: int = 2) -> list[str]:
        return [r[0] for r in self._rows("SELECT id FROM articles WHERE lower(title) = ? LIMIT ?", (title, limit))]

    def known_files(self, paths: list[str]) -> dict[str, tuple[int, str, str]]:
        """For the source files of these paths that were ingested before: (size, digest, the
        path its article is stored with) as they were last ingested (ids.file_digest); read
        a few hundred at a time."""
        found = {}
        for i in range(0, len(paths), 500):
            some = paths[i:i + 500]
            found.update((r[0], r[1:]) for r in self._rows(
                f"SELECT f.path, f.size, f.digest, a.path FROM files f JOIN articles a ON a.id = f.article "
                f"WHERE f.path IN ({', '.join('?' * len(some))})", tuple(some)))
        return found

    def count(self) -> int:
        return self._rows("SELECT count(*) FROM articles")[0][0]

    # -- writing (under the store's lock) ------------------------------------------------------
    def transaction(self) -> _Transaction:
        return _Transaction(self)

    def put(self, article: Article, ingested: str) -> None:
        """Add or replace an article (by id), its claim index, its words and its file."""
        s = Summary.of(article, ingested)
        d = article.doc
        extra = {"caption": d.caption, "subjects": d.subjects, "warnings": d.warnings,
                 "editorial": [list(e) for e in article.editorial]}
        extra = orjson.dumps({k: v for k, v in extra.items() if v})  # what is left out reads as empty
        db = self.db
        values = (s.id, s.path, s.fingerprint, s.layout, s.title, s.author, s.published or "", int(s.date_only),
                  s.section, s.outlet, s.ingested, s.claims, s.words, orjson.dumps(s.speakers).decode(),
                  orjson.dumps(s.sources).decode(), *sort_keys(s), extra, *pack(article))
        n = self._forget(article.id) or db.execute("SELECT coalesce(max(n), 0) + 1 FROM articles").fetchone()[0]
        key = date_key(s.published, n)
        db.execute(f"INSERT INTO articles (n, date_key, {', '.join(_WRITTEN)}) VALUES (?, ?{', ?' * len(_WRITTEN)})",
                   (n, key, *values))
        db.executemany("INSERT OR IGNORE INTO claim_ids (id, article) VALUES (?, ?)", ((c.id, n) for c in article.claims))
        words = words_text(s, d.body)
        db.execute("INSERT INTO words (rowid, text) VALUES (?, ?)", (key, words))
        self._terms.add(db, words)
        db.execute("INSERT INTO people (rowid, names) VALUES (?, ?)", (key, names_text(s)))
        claims_db.put(db, n, key, article)

    def _forget(self, article_id: str) -> int | None:
        """Take an article out (to be put back changed): its row number, None if it was not in."""
        db = self.db
        old = db.execute(f"SELECT n, date_key, {', '.join(SUMMARY_COLUMNS)}, body, claims FROM articles WHERE id = ?",
                         (article_id,)).fetchone()
        if old is None:
            return None
        n, key, row, raw = old[0], old[1], old[2:-2], zlib.decompress(old[-2])
        s, body = summary_from_row(row), text_of(raw)
        # A table without its text forgets a row by being told the text it was given.
        db.execute("INSERT INTO words (words, rowid, text) VALUES ('delete', ?, ?)", (key, words_text(s, body)))
        db.execute("INSERT INTO people (people, rowid, names) VALUES ('delete', ?, ?)", (key, names_text(s)))
        db.executemany("DELETE FROM claim_ids WHERE id = ?", ((v[0],) for v in claim_rows(old[-1], raw)))
        claims_db.forget(db, n, [Claim.from_dict(d) for d in unpack_claims(claim_rows(old[-1], raw), body, s.title)])
        db.execute("DELETE FROM articles WHERE n = ?", (n,))
        return n

    def forget_files(self) -> None:
        self.db.execute("DELETE FROM files")

    def put_file(self, path: str, size: int, digest: str, article_id: str) -> None:
        if path and path != "-":
            self.db.execute("INSERT OR REPLACE INTO files (path, size, digest, article) VALUES (?, ?, ?, ?)",
                            (path, size, digest, article_id))


class _Transaction:
    """`with db.transaction():` one write transaction, committed at the end or rolled back."""

    def __init__(self, owner: ArticleDB) -> None:
        self.owner = owner

    def __enter__(self) -> ArticleDB:
        try:
            self.owner.db.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise damaged(self.owner.path, exc) from None
        return self.owner

    def __exit__(self, kind, exc, tb) -> None:
        db = self.owner.db
        if kind is None:
            try:
                self.owner._terms.flush(db)
                db.execute("COMMIT")
            except sqlite3.DatabaseError as error:
                self._roll_back()
                raise damaged(self.owner.path, error) from None
        else:
            self._roll_back()
            if isinstance(exc, sqlite3.DatabaseError):
                raise damaged(self.owner.path, exc) from None

    def _roll_back(self) -> None:
        """Undo the transaction, if SQLite has not already (it does itself on a full disk)."""
        self.owner._terms.forget()
        db = self.owner.db
        if db.in_transaction:
            try:
                db.execute("ROLLBACK")
            except sqlite3.DatabaseError:
                pass  # the database is as it was before the transaction all the same


def _upgrade(db: sqlite3.Connection) -> None:
    """Make the tables of a new database, or add those of this release to an earlier one (in one
    transaction; another process may have done it meanwhile)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA:
            for statement in _TABLES.split(";\n"):
                if statement.strip():
                    db.execute(statement)
            if version == 1:
                lexicon.fill_if_big(db)
            if 0 < version < 4:
                claims_db.fill(db, ((n, key, article_from_row(row)) for n, key, *row in db.execute(
                    f"SELECT n, date_key, {', '.join(SUMMARY_COLUMNS)}, extra, body, claims FROM articles")))
            db.execute(f"PRAGMA user_version={SCHEMA}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def damaged(path: Path, exc: Exception) -> StoreError:
    what = str(exc) or type(exc).__name__
    if ("disk" in what and "full" in what) or "disk I/O" in what:
        return StoreError(f"cannot write {path}: {what} (is the disk full?); the store is as it was before this "
                          "write, with everything stored until then: make room and run the command again")
    return StoreError(f"{path} is damaged ({what}); it was left untouched. Move it aside and run newsreader "
                      "reindex FILES... to rebuild the articles; your annotations are kept apart and are safe.")


_WRITTEN = ("id", "path", "fingerprint", "layout", "title", "author", "published", "date_only", "section",
            "outlet", "ingested", "statements", "words", "speakers", "sources", "title_key", "author_key",
            "outlet_key", "extra", "body", "claims")


def put_all(db: ArticleDB, articles: Iterable[tuple[Article, str]]) -> int:
    """Many articles with their ingest dates in one transaction (a migration, a reindex)."""
    n = 0
    with db.transaction():
        for article, ingested in articles:
            db.put(article, ingested)
            n += 1
    return n
