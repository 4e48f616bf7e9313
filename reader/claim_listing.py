"""The claims view's rows at a million claims: which claims a query keeps (claims_sql), in which
column's order, read from the article database a page at a time (claim_pages).

The extractor's claims are the `claims` table (claims_db). What the annotators made of them is
laid over it in tables of this connection's own, a few rows however big the store:

    noted    a row per claim anyone annotated (and per claim of your reshaped articles): the
             claim's columns, your tag, not-a-claim mark, speaker and whether you settled it
             (calibration.settles), who annotated it
    shaped   the articles whose claims you reshaped (corrections.reshapes: an extent corrected,
             a claim added): their rows are the core's (claims_view.article_rows), asked the
             query one by one (query.matches), and those kept are in `extra`

Your annotations themselves, and who annotated each claim, are kept here by (article, claim)
(`mine`, `who`): what a row shows.

So every row is in one of three arms: a claim nobody annotated (`plain`: answered by the
indexes alone), an annotated one (`noted`), or one of your reshaped articles (`extra`). A page
is their merge in the order asked for (SQLite merges the arms, each read in an index's order).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from . import claims_db
from .articles_db import damaged
from .claim_arms import KEYS, UNTAGGED
from .claim_asked import Asked
from .claim_items import item_of
from .claim_lookup import Lookup
from .claims_db import TEXT_KEY, key_of
from .claims_sql import register, where
from .claims_view import ClaimRow, article_rows
from .corrections import reshapes
from .model import Annotation, Article, Claim, speaker_of
from .packing import SUMMARY_COLUMNS, claims_from_blobs, summary_from_row
from .query import EVERYTHING, matches
from .rows import outlet_of
from .states import claim_state

_CLAIM_COLUMNS = ("k", "article", "date_key", "ord", "kind", "role", "conf", "outlet_key", "speaker_key", "text_key")
_TEMP = f"""
CREATE TEMP TABLE IF NOT EXISTS noted (k INTEGER PRIMARY KEY, {', '.join(_CLAIM_COLUMNS[1:])},
    tag TEXT, not_a_claim INTEGER, speaker TEXT, my_speaker_key TEXT, settled INTEGER, state TEXT NOT NULL,
    who TEXT NOT NULL, shaped INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS temp.noted_by_date ON noted(date_key, ord);
CREATE TEMP TABLE IF NOT EXISTS shaped (n INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS extra (gen INTEGER NOT NULL, x INTEGER NOT NULL, date_key INTEGER, ord INTEGER,
    outlet_key TEXT, speaker_key TEXT, kind TEXT, text_key TEXT, state TEXT, conf REAL, PRIMARY KEY (gen, x));
CREATE TEMP TABLE IF NOT EXISTS wanted (article TEXT NOT NULL, claim TEXT NOT NULL, annotator TEXT NOT NULL,
    tag TEXT, not_a_claim INTEGER, speaker TEXT);
CREATE TEMP TABLE IF NOT EXISTS placed (k INTEGER NOT NULL, r INTEGER NOT NULL, PRIMARY KEY (k, r)) WITHOUT ROWID;
"""
_WANTED = "INSERT INTO wanted (article, claim, annotator, tag, not_a_claim, speaker) VALUES (?, ?, ?, ?, ?, ?)"
# (CROSS JOIN: from the few annotations to their claims, never the other way round)
_PLACED = ("INSERT INTO placed (k, r) SELECT c.k, w.rowid FROM wanted w CROSS JOIN articles a ON a.id = w.article "
           "CROSS JOIN claims c ON c.article = a.n AND c.id = w.claim ORDER BY c.k")
# Each claim's row: its columns, and your annotation's (the mirror in SQL of states.state_of and
# calibration.settles, held to them by tests/unit/test_claims_sql.py), who annotated it.
_NOTED = f"""
INSERT OR REPLACE INTO noted ({', '.join(_CLAIM_COLUMNS)}, tag, not_a_claim, speaker, my_speaker_key, settled, state,
    who, shaped)
SELECT {', '.join('c.' + c for c in _CLAIM_COLUMNS)}, m.tag, m.nac, m.speaker, lower(m.speaker),
    (m.tag IS NOT NULL OR m.nac OR m.speaker IS NOT NULL),
    CASE WHEN m.tag IS NOT NULL THEN m.tag WHEN m.nac THEN 'not_a_claim' ELSE '{UNTAGGED}' END,
    m.who, c.article IN (SELECT n FROM shaped)
FROM (SELECT p.k AS k, max(CASE WHEN w.annotator = :me THEN w.tag END) AS tag,
             coalesce(max(CASE WHEN w.annotator = :me THEN w.not_a_claim END), 0) AS nac,
             max(CASE WHEN w.annotator = :me THEN w.speaker END) AS speaker,
             group_concat(char(31) || lower(w.annotator) || char(31), '') AS who
      FROM placed p CROSS JOIN wanted w ON w.rowid = p.r GROUP BY p.k) m
CROSS JOIN claims c ON c.k = m.k
"""
_SHAPED = f"""
INSERT OR IGNORE INTO noted ({', '.join(_CLAIM_COLUMNS)}, settled, state, who, shaped)
SELECT {', '.join('c.' + c for c in _CLAIM_COLUMNS)}, 0, '{UNTAGGED}', '', 1 FROM shaped s
CROSS JOIN claims c ON c.article = s.n
"""


class ClaimListing:
    """Counts and pages of the store's claims under a query and an order, on a connection of its
    own (articles_db.ArticleDB.reader); `lay_over` puts the annotations over them."""

    def __init__(self, db: sqlite3.Connection, path, names, owns_db: bool = True) -> None:
        self.db, self.path, self.names, self.owns_db = db, path, names, owns_db
        self._run_script(_TEMP)
        register(db, names)
        self.lookup = Lookup(self._run, names)
        self.me = ""
        self.pending: dict[tuple[str, str], ClaimRow] = {}  # rows you changed here, laid over at the next ask
        self._shaped_rows: list[ClaimRow] = []
        self.mine: dict[tuple[str, str], dict] = {}  # your annotations (as stored) by (article, claim)
        self.who: dict[tuple[str, str], frozenset[str]] = {}  # who annotated each claim
        self.ready = False  # whether the annotations are laid over (see quick_listing)
        self._gen = 0
        self._total: int | None = None  # (see total)

    def _run(self, sql: str, args=()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None

    run = _run  # (for the readers of this connection's tables: claim_asked, roster_db)

    def _run_script(self, sql: str) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                self._run(statement)

    # -- the annotations laid over the claims -------------------------------------------------
    def lay_over(self, me: str, everyone: Iterable[dict], shaped_rows: Iterable[ClaimRow]) -> None:
        """Every annotator's annotations (their rows as stored), you being `me`; `shaped_rows`
        the rows of your reshaped articles, as the core makes them."""
        rows = list(everyone)
        self.know(me, rows)
        self._shaped_rows = list(shaped_rows)
        with self.db:
            self._run("BEGIN")
            for table in ("noted", "shaped", "extra"):
                self._run(f"DELETE FROM {table}")
            self.db.executemany("INSERT OR IGNORE INTO shaped (n) SELECT n FROM articles WHERE id = ?",
                                [(a,) for a in {r.article.id for r in self._shaped_rows}])
            self._put_notes(rows)
        self._keys = {r.article.id: key for r in self._shaped_rows
                      for (key,) in self._run("SELECT date_key FROM articles WHERE id = ?", (r.article.id,))}
        self._total = None
        self.ready = True

    def know(self, me: str, rows: list[dict]) -> None:
        """Your annotations and who annotated each claim, by (article, claim): what a row shows."""
        self.me, self.mine, self.who = me, {}, {}
        self._know(rows)

    def _know(self, rows: list[dict]) -> None:
        who: dict[tuple[str, str], set[str]] = {}
        for d in rows:
            key = (d["article_id"], d["claim_id"])
            who.setdefault(key, set(self.who.get(key, ()))).add(d["annotator"])
            if d["annotator"] == self.me:
                self.mine[key] = d
        self.who.update((key, frozenset(names)) for key, names in who.items())

    def _put_notes(self, rows: list[dict]) -> None:
        """A row of `noted` per claim anyone annotated (and per claim of your reshaped articles)."""
        self._put(rows)
        self._run(_SHAPED)

    def _put(self, rows: list[dict]) -> None:
        self.db.executemany(_WANTED, [(d["article_id"], d["claim_id"], d["annotator"], d.get("tag"),
                                       int(bool(d.get("not_a_claim"))), d.get("speaker") or None) for d in rows])
        self._run(_PLACED)
        self._run(_NOTED, {"me": self.me})
        self._run("DELETE FROM wanted")
        self._run("DELETE FROM placed")

    def refresh(self, article_id: str, rows: list[dict], shaped: list[ClaimRow]) -> None:
        """One article's annotations laid over it again (article_overlay: after the reader)."""
        found = self._run("SELECT n, date_key FROM articles WHERE id = ?", (article_id,))
        self.pending = {key: row for key, row in self.pending.items() if key[0] != article_id}
        self.mine = {key: d for key, d in self.mine.items() if key[0] != article_id}
        self.who = {key: names for key, names in self.who.items() if key[0] != article_id}
        self._know(rows)
        self._total = None
        self._shaped_rows = [r for r in self._shaped_rows if r.article.id != article_id] + shaped
        self._keys.pop(article_id, None)
        if not found:
            return
        n, key = found[0]
        with self.db:
            self._run("BEGIN")
            self._run("DELETE FROM noted WHERE article = ?", (n,))
            self._run("DELETE FROM shaped WHERE n = ?", (n,))
            if shaped:
                self._run("INSERT INTO shaped (n) VALUES (?)", (n,))
                self._keys[article_id] = key
            self._put_notes(rows)

    def noted(self, row: ClaimRow) -> None:
        """Your annotation of a row changed (tagged from the claims view): rows read from now on
        show it; which rows the query keeps follows at the next ask (so that the list on screen
        stays as it is until the query or the order changes)."""
        self.pending[row.key] = row

    def _lay_over_pending(self) -> None:
        for row in self.pending.values():
            self._put_row(row)
        self.pending.clear()

    def _put_row(self, row: ClaimRow) -> None:
        if row.article.id in self._keys:  # (a reshaped article's row is the core's own object)
            return
        if row.note is None:
            self.mine.pop(row.key, None)
        else:
            self.mine[row.key] = row.note.to_dict()
        self.who[row.key] = frozenset(row.annotators)
        others = [{"article_id": row.article.id, "claim_id": row.claim.id, "annotator": a}
                  for a in sorted(row.annotators) if a != self.me]
        self._run("DELETE FROM noted WHERE k = ?", (self.k_of(*row.key),))
        self._put([*(others), *([self.mine[row.key]] if row.note is not None else [])])

    def shaped_rows(self) -> list[ClaimRow]:
        """The core's rows of your reshaped articles (laid over by the core, not by SQL)."""
        return list(self._shaped_rows)

    def k_of(self, article_id: str, claim_id: str) -> int | None:
        found = self._run("SELECT c.k FROM articles a CROSS JOIN claims c ON c.article = a.n WHERE a.id = ? AND c.id = ?",
                          (article_id, claim_id))
        return found[0][0] if found else None

    # -- the query ------------------------------------------------------------------------------
    def ask(self, query) -> Asked:
        """The query asked of the rows as they are now (your changes here laid over first; your
        reshaped articles' rows asked it one by one, as the core asks)."""
        self._lay_over_pending()
        self._gen += 1
        extra = [r for r in self._shaped_rows
                 if query is EVERYTHING or matches(query, item_of(r.article, r.claim, r.note, r.annotators, self.names))]
        keys = [self._extra_keys(r) for r in extra]
        with self.db:
            self._run("BEGIN")
            self._run("DELETE FROM extra WHERE gen < ?", (self._gen - 1,))  # (the one before may still be counted)
            self.db.executemany(f"INSERT INTO extra (gen, x, {', '.join(KEYS)}) VALUES (?, ?{', ?' * len(KEYS)})",
                                [(self._gen, x, *values) for x, values in enumerate(keys)])
        return Asked(self, query, self._gen, where(query, self.lookup, plain=True), where(query, self.lookup, note="c."),
                     where(query, self.lookup, plain=True, ordered=True), where(query, self.lookup, note="c.", ordered=True),
                     extra, keys)

    def _extra_keys(self, r: ClaimRow) -> tuple:
        speaker = speaker_of(r.claim, r.note)
        return (self._keys[r.article.id], r.index, (outlet_of(r.article.doc) or "").casefold(), key_of(speaker),
                r.claim.kind, r.claim.text[:TEXT_KEY].casefold(), claim_state(r.note).key, r.claim.confidence)

    # -- counts and pages -----------------------------------------------------------------------
    def total(self) -> int:
        """Every claim: the extractor's, your reshaped articles' as you see them (counted once
        a lay-over: the view's title asks on every tag)."""
        if self._total is None:
            reshaped = self._run("SELECT count(*) FROM shaped s CROSS JOIN claims c ON c.article = s.n")[0][0]
            self._total = self._run("SELECT count(*) FROM claims")[0][0] - reshaped + len(self._shaped_rows)
        return self._total

    def row_of(self, article_id: str, claim_id: str) -> ClaimRow | None:
        """A claim's row, whether the view's query keeps it or not (undo of a change made under
        another query), without asking a query: the view's own stays as it is."""
        found = next((r for r in self._shaped_rows if r.key == (article_id, claim_id)), None)
        if found is not None:
            return found
        k = self.k_of(article_id, claim_id)
        return self.rows_by_k([k]).get(k) if k is not None else None

    def rows_by_k(self, ks: list[int]) -> dict[int, ClaimRow]:
        """The extractor's claims of these numbers as the view shows them (each article's claims
        read from its row once), with your annotation, who annotated them, your changes here."""
        read, articles = {}, {}
        if not ks:
            return read
        for k, ord_, cid, *summary, body, packed in self._run(
                f"SELECT c.k, c.ord, c.id, {', '.join('a.' + c for c in SUMMARY_COLUMNS)}, a.body, a.claims "
                f"FROM claims c JOIN articles a ON a.n = c.article WHERE c.k IN ({', '.join('?' * len(ks))})", ks):
            if summary[0] not in articles:
                header = _header(summary)
                articles[header.id] = header, {d["id"]: d for d in claims_from_blobs(header.title, body, packed)}
            header, claims = articles[summary[0]]
            mine = self.mine.get((header.id, cid))
            read[k] = ClaimRow(header, Claim.from_dict(claims[cid]), Annotation.from_dict(mine) if mine else None,
                               self.who.get((header.id, cid), frozenset()), ord_)
        for row in read.values():
            changed = self.pending.get(row.key)
            if changed is not None:
                row.note, row.annotators = changed.note, changed.annotators
        return read

    def close(self) -> None:
        if self.owns_db:
            self.db.close()


def _header(summary: list) -> Article:
    """An article's header (what a row shows of it: its body is not read)."""
    return Article.from_dict({**summary_from_row(tuple(summary)).to_dict(), "body": "", "claims": []})


def quick_listing(store, rows: list[dict] | None = None) -> ClaimListing:
    """The store's claims as they are listed by date, each row with your annotation and who
    annotated it, before the annotations are laid over them for queries and other orders (that
    takes a few hundred milliseconds at tens of thousands of annotations: listing_of). The
    claims view shows this at once, and takes listing_of's when it is ready."""
    listing = _bare(store)
    listing.know(store.annotator, store.annotation_rows() if rows is None else rows)
    return listing


def _bare(store) -> ClaimListing:
    from .roster import names_of

    db = store.articles.reader()
    db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    claims_db.ensure(db)
    return ClaimListing(db, store.articles.path, names_of(store), owns_db=db is not store.articles.db)


def listing_of(store, rows: list[dict] | None = None) -> ClaimListing:
    """The store's claims with every annotation laid over them (or these of its annotation
    rows), as you see them (on the store's thread: it reads the annotations)."""
    rows = store.annotation_rows() if rows is None else rows
    listing = _bare(store)
    listing.lay_over(store.annotator, rows, shaped_rows(store, rows))
    return listing


def shaped_rows(store, rows: list[dict]) -> list[ClaimRow]:
    """The core's rows of the articles whose claims you reshaped (among these annotation rows)."""
    shaped = sorted({d["article_id"] for d in rows if d["annotator"] == store.annotator and reshapes(_Shape(d))})
    return [r for aid in shaped for r in article_rows(store, aid)]


def article_overlay(store, article_id: str) -> tuple[list[dict], list[ClaimRow]]:
    """(on the store's thread) One article's annotation rows and, if you reshaped it, its rows:
    what ClaimListing.refresh lays over it again."""
    rows = [a.to_dict() for a in store.everyone(article_id)]
    return rows, shaped_rows(store, rows)


CACHE_KB = 65_536  # the listing connection's page cache: the indexes a view reads again and again


class _Shape:
    """(corrections.reshapes asks these of a stored annotation row)"""

    def __init__(self, d: dict) -> None:
        self.span, self.added, self.orphaned = d.get("span"), d.get("added"), d.get("orphaned", False)
