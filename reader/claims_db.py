"""Every claim of the store a row of the article database (schema 4), for the claims view of a
million claims: the columns its query language asks about and its columns sort by, with their
indexes, and the claims' words in a full-text index of their own. The claim itself is read from
its article's row (packing), where it is packed once.

    claims        a row per extracted claim: its article (articles.n), the article's date key,
                  the claim's place in the article's reading order, its kind, speaker, role,
                  confidence, the outlet, the sort keys
    speakers      a row per speaker's name ever extracted (the claims name it by its key), and
                  speaker_words, their words by speakers.n (a name stays when its claims go)
    claim_words   the words of each claim's text (with positions, for phrases), by claims.k

Only the extractor's claims are here, as extracted: what an annotator makes of them (tags,
speakers, added claims, corrected extents) stays in the annotations, and the claims view lays it
over these rows (claim_listing).
"""

from __future__ import annotations

import sqlite3

from .marks import claim_order
from .model import Article, Claim

TABLES = """
CREATE TABLE IF NOT EXISTS claims (
    k INTEGER PRIMARY KEY,
    article INTEGER NOT NULL,  -- articles.n
    date_key INTEGER NOT NULL,  -- the article's (packing.date_key)
    ord INTEGER NOT NULL,  -- where the claim is in the article's reading order (marks.claim_order)
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    conf REAL NOT NULL,
    outlet_key TEXT NOT NULL,
    speaker_key TEXT NOT NULL,  -- the speaker's name casefolded ('' for nobody named)
    text_key TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS claims_by_article ON claims(article, id);
CREATE INDEX IF NOT EXISTS claims_by_date ON claims(date_key, ord);
-- (by speaker, then role and outlet: the speakers view's counts, roster_db, read from it alone)
CREATE INDEX IF NOT EXISTS claims_by_speaker ON claims(speaker_key, role, outlet_key, date_key, ord);
CREATE INDEX IF NOT EXISTS claims_by_conf ON claims(conf, date_key, ord);
CREATE INDEX IF NOT EXISTS claims_by_outlet ON claims(outlet_key, date_key, ord);
CREATE INDEX IF NOT EXISTS claims_by_kind ON claims(kind, date_key, ord);
CREATE INDEX IF NOT EXISTS claims_by_text ON claims(text_key);
CREATE TABLE IF NOT EXISTS speakers (n INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE VIRTUAL TABLE IF NOT EXISTS speaker_words USING fts5(name, content='', detail=full, columnsize=0,
    tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE IF NOT EXISTS claim_words USING fts5(text, content='', detail=full, columnsize=0,
    tokenize='unicode61 remove_diacritics 2');
"""

ORD_BITS = 21  # a claim's number k: its article's n, then its place (an 8 MB file has fewer claims)
TEXT_KEY = 24  # characters of a claim's text its order by claim compares


def key_of(name: str | None) -> str:
    """A speaker's name as the claims table keys it (roster's key: case and spaces aside)."""
    return " ".join((name or "").split()).casefold()


def _speaker(db: sqlite3.Connection, name: str | None) -> str:
    if name and db.execute("SELECT 1 FROM speakers WHERE name = ?", (name,)).fetchone() is None:
        n = db.execute("INSERT INTO speakers (name) VALUES (?)", (name,)).lastrowid
        db.execute("INSERT INTO speaker_words (rowid, name) VALUES (?, ?)", (n, name))
    return key_of(name)


def put(db: sqlite3.Connection, n: int, key: int, article: Article) -> None:
    """An article's claims (its number n, its date key)."""
    outlet = (article.doc.outlet or "").strip().casefold()
    rows, words = [], []
    for i, c in enumerate(claim_order(article.claims)):
        k = (n << ORD_BITS) | i
        rows.append((k, n, key, i, c.id, c.kind, c.role, c.confidence, outlet, _speaker(db, c.speaker),
                     c.text[:TEXT_KEY].casefold()))
        words.append((k, c.text))
    db.executemany("INSERT INTO claims (k, article, date_key, ord, id, kind, role, conf, outlet_key, "
                   "speaker_key, text_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    db.executemany("INSERT INTO claim_words (rowid, text) VALUES (?, ?)", words)


def forget(db: sqlite3.Connection, n: int, claims: list[Claim]) -> None:
    """Take an article's claims out (a full-text table without its text forgets a row by being
    told the text it was given: `claims` are the article's, as they were put)."""
    k_of = dict(db.execute("SELECT id, k FROM claims WHERE article = ?", (n,)).fetchall())
    db.executemany("INSERT INTO claim_words (claim_words, rowid, text) VALUES ('delete', ?, ?)",
                   [(k_of[c.id], c.text) for c in claims if c.id in k_of])
    db.execute("DELETE FROM claims WHERE article = ?", (n,))


def fill(db: sqlite3.Connection, articles) -> None:
    """The claims of the articles already in a store of an earlier schema: (n, date key, Article),
    in place of whatever the tables held."""
    db.execute("DELETE FROM claims")
    db.execute("INSERT INTO claim_words (claim_words) VALUES ('delete-all')")
    for n, key, article in articles:
        put(db, n, key, article)


def ensure(db: sqlite3.Connection) -> None:
    """The claims tables on a connection to a store of an earlier release opened read-only (it
    has none, and may not be given them): made in tables of the connection's own, from the
    articles, the first time they are needed."""
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims' UNION ALL "
                  "SELECT 1 FROM sqlite_temp_master WHERE name = 'claims'").fetchone():
        return
    from .packing import SUMMARY_COLUMNS, article_from_row

    temp = (TABLES.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TEMP TABLE IF NOT EXISTS ")
            .replace("CREATE INDEX IF NOT EXISTS ", "CREATE INDEX IF NOT EXISTS temp.")
            .replace("CREATE VIRTUAL TABLE IF NOT EXISTS ", "CREATE VIRTUAL TABLE IF NOT EXISTS temp."))
    for statement in temp.split(";\n"):
        if statement.strip():
            db.execute(statement)
    rows = db.execute(f"SELECT n, date_key, {', '.join(SUMMARY_COLUMNS)}, extra, body, claims FROM articles").fetchall()
    fill(db, ((n, key, article_from_row(tuple(row))) for n, key, *row in rows))
