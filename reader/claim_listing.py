"""The claims view's rows at a million claims: which claims a query keeps (claims_sql), in which
column's order, read from the article database a page at a time (claim_pages).

The extractor's claims are the `claims` table (claims_db). What the annotators made of them is
laid over it in tables of this connection's own, a few rows however big the store:

    notes    a row per claim anyone annotated: your tag, not-a-claim mark, speaker and whether
             you settled it (calibration.settles), who annotated it, your annotation itself
    shaped   the articles whose claims you reshaped (corrections.reshapes: an extent corrected,
             a claim added): their rows are the core's (claims_view.article_rows), asked the
             query one by one (query.matches), and those kept are in `extra`

So every row is in one of three arms: a claim nobody annotated (`plain`: answered by the
indexes alone), an annotated one (`noted`), or one of your reshaped articles (`extra`). A page
is their merge in the order asked for (SQLite merges the arms, each read in an index's order).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

import orjson

from .articles_db import damaged
from .claim_items import item_of
from .claims_db import TEXT_KEY, key_of, unpacked
from .claims_sql import fts_query, where, who_mark
from .claims_view import ClaimRow, article_rows
from .corrections import reshapes
from .extract.calibration import settles
from .model import Annotation, Article, speaker_of
from .packing import SUMMARY_COLUMNS, summary_from_row
from .query import EVERYTHING, has_words, matches
from .rows import outlet_of
from .states import claim_state

# The keys of each column's order, first to last; every order ends with the article's date key and
# the claim's place in it (unique), that place always first to last.
ORDERS = {
    "date": ("date_key",),
    "outlet": ("outlet_key", "date_key"),
    "speaker": ("speaker_key", "date_key"),
    "kind": ("kind", "date_key"),
    "claim": ("text_key", "date_key"),
    "tag": ("state", "date_key"),
    "conf": ("conf", "date_key"),
}
KEYS = ("date_key", "ord", "outlet_key", "speaker_key", "kind", "text_key", "state", "conf")
UNTAGGED = "untagged"
STATES = ("denied", "not_a_claim", "stated", "unknown", UNTAGGED)  # the order by tag (states.ClaimState.key)

_TEMP = """
CREATE TEMP TABLE IF NOT EXISTS notes (k INTEGER PRIMARY KEY, tag TEXT, not_a_claim INTEGER, speaker TEXT,
    speaker_key TEXT, settled INTEGER, state TEXT NOT NULL, who TEXT NOT NULL, names BLOB NOT NULL, mine BLOB);
CREATE TEMP TABLE IF NOT EXISTS shaped (n INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS special (k INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS extra (x INTEGER PRIMARY KEY, date_key INTEGER, ord INTEGER, outlet_key TEXT,
    speaker_key TEXT, kind TEXT, text_key TEXT, state TEXT, conf REAL);
"""
_PLAIN = (f"SELECT 0 AS src, c.k AS k, {', '.join('c.' + k if k != 'state' else repr(UNTAGGED) + ' AS state' for k in KEYS)} "
          "FROM claims c WHERE c.k NOT IN (SELECT k FROM special)")
_NOTED = ("SELECT 1 AS src, c.k AS k, c.date_key, c.ord, c.outlet_key, coalesce(n.speaker_key, c.speaker_key) AS speaker_key, "
          "c.kind, c.text_key, n.state, c.conf FROM notes n CROSS JOIN claims c ON c.k = n.k "
          "WHERE c.article NOT IN (SELECT n FROM shaped)")
_PUT_NOTE = ("INSERT OR REPLACE INTO notes (k, tag, not_a_claim, speaker, speaker_key, settled, state, who, names, mine) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_EXTRA = f"SELECT 2 AS src, x AS k, {', '.join(KEYS)} FROM extra"


class ClaimListing:
    """Counts and pages of the store's claims under a query and an order, on a connection of its
    own (articles_db.ArticleDB.reader); `lay_over` puts the annotations over them."""

    def __init__(self, db: sqlite3.Connection, path, names) -> None:
        self.db, self.path, self.names = db, path, names
        self._run_script(_TEMP)
        db.create_function("has_words", 2, lambda v, w: v is not None and has_words(v, w), deterministic=True)
        db.create_function("speaker_is", 2, lambda v, w: names.matches(v, w), deterministic=True)
        self.me = ""
        self.extra_rows: list[ClaimRow] = []  # (`extra`'s x is an index here)
        self._shaped_rows: list[ClaimRow] = []
        self._found: dict[tuple, list[str]] = {}

    def _run(self, sql: str, args=()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None

    def _run_script(self, sql: str) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                self._run(statement)

    # -- the annotations laid over the claims -------------------------------------------------
    def lay_over(self, me: str, everyone: dict[str, list[Annotation]], shaped_rows: Iterable[ClaimRow]) -> None:
        """Every annotator's annotations (article id to them), you being `me`; `shaped_rows` the
        rows of your reshaped articles, as the core makes them."""
        self.me = me
        self._shaped_rows = list(shaped_rows)
        with self.db:
            self._run("BEGIN")
            for table in ("notes", "shaped", "special", "extra"):
                self._run(f"DELETE FROM {table}")
            self._put_notes(everyone)
            shaped = {r.article.id for r in self._shaped_rows}
            self.db.executemany("INSERT OR IGNORE INTO shaped (n) SELECT n FROM articles WHERE id = ?",
                                [(a,) for a in shaped])
            self._run("INSERT OR IGNORE INTO special (k) SELECT k FROM notes")
            self._run("INSERT OR IGNORE INTO special (k) SELECT c.k FROM shaped s CROSS JOIN claims c ON c.article = s.n")
        self._keys = {r.article.id: key for r in self._shaped_rows
                      for (key,) in self._run("SELECT date_key FROM articles WHERE id = ?", (r.article.id,))}

    def _put_notes(self, everyone: dict[str, list[Annotation]]) -> None:
        rows = []
        for article_id, notes in everyone.items():
            ks = dict(self._run("SELECT c.id, c.k FROM articles a CROSS JOIN claims c ON c.article = a.n WHERE a.id = ?",
                                (article_id,)))
            by_claim: dict[str, list[Annotation]] = {}
            for a in notes:
                if a.claim_id in ks:
                    by_claim.setdefault(a.claim_id, []).append(a)
            rows.extend(self._note_row(ks[cid], next((a for a in theirs if a.annotator == self.me), None),
                                       {a.annotator for a in theirs}) for cid, theirs in by_claim.items())
        self.db.executemany(_PUT_NOTE, rows)

    @staticmethod
    def _note_row(k: int, mine: Annotation | None, names: Iterable[str]) -> tuple:
        names = sorted(names)
        who = "".join(who_mark(a) for a in names)
        if mine is None:
            return (k, None, 0, None, None, 0, UNTAGGED, who, orjson.dumps(names), None)
        return (k, mine.tag, int(mine.not_a_claim), mine.speaker or None, key_of(mine.speaker) if mine.speaker else None,
                int(settles(mine)), claim_state(mine).key, who, orjson.dumps(names), orjson.dumps(mine.to_dict()))

    def noted(self, row: ClaimRow) -> None:
        """Your annotation of a row changed (tagged from the claims view): the rows say so when next read."""
        if row.article.id in self._keys:  # (a reshaped article's row is the core's own object)
            return
        k = self._run("SELECT c.k FROM articles a CROSS JOIN claims c ON c.article = a.n WHERE a.id = ? AND c.id = ?",
                      (row.article.id, row.claim.id))
        if not k:
            return
        names = {a for a in row.annotators if a != self.me} | ({self.me} if row.note is not None else set())
        with self.db:
            self._run("BEGIN")
            self._run(_PUT_NOTE, self._note_row(k[0][0], row.note, names))
            self._run("INSERT OR IGNORE INTO special (k) VALUES (?)", (k[0][0],))

    # -- the query ------------------------------------------------------------------------------
    def ask(self, query) -> None:
        """The query the rows are read under from now on: your reshaped articles' rows asked it."""
        self.query = query
        self.extra_rows = [r for r in self._shaped_rows
                           if query is EVERYTHING or matches(query, item_of(r.article, r.claim, r.note, r.annotators,
                                                                             self.names))]
        with self.db:
            self._run("BEGIN")
            self._run("DELETE FROM extra")
            self.db.executemany(f"INSERT INTO extra (x, {', '.join(KEYS)}) VALUES (?{', ?' * len(KEYS)})",
                                [(x, *self._extra_keys(r)) for x, r in enumerate(self.extra_rows)])
        self._plain = where(query, self, plain=True)
        self._full = where(query, self)

    def _extra_keys(self, r: ClaimRow) -> tuple:
        speaker = speaker_of(r.claim, r.note)
        return (self._keys[r.article.id], r.index, (outlet_of(r.article.doc) or "").casefold(), key_of(speaker),
                r.claim.kind, r.claim.text[:TEXT_KEY].casefold(), claim_state(r.note).key, r.claim.confidence)

    # (claims_sql's lookup: the keys a text field's words find)
    def speakers(self, value: str) -> list[str]:
        found = self._found.get(("speaker", value))
        if found is None:
            fts = fts_query(value)
            named = [n for (n,) in self._run("SELECT s.name FROM speaker_words w CROSS JOIN speakers s ON s.n = w.rowid "
                                             "WHERE speaker_words MATCH ?", (fts,))] if fts else []
            merged = [k for k, person in self.names.merged().items() if has_words(person, value)]
            found = self._found["speaker", value] = sorted({key_of(n) for n in named} | set(merged))
        return found

    def outlets(self, value: str) -> list[str]:
        return self._distinct("outlet_key", value)

    def authors(self, value: str) -> list[str]:
        return self._distinct("author_key", value)

    def _distinct(self, column: str, value: str) -> list[str]:
        found = self._found.get((column, value))
        if found is None:
            found = self._found[column, value] = [
                k for (k,) in self._run(f"SELECT DISTINCT {column} FROM articles") if k and has_words(k, value)]
        return found

    # -- counts and pages -----------------------------------------------------------------------
    def total(self) -> int:
        return self._run("SELECT count(*) FROM claims")[0][0] - self._run("SELECT count(*) FROM special")[0][0] + \
            len(self._shaped_rows)

    def count(self, state: str | None = None) -> int:
        """How many rows the query keeps (of one state, for the order by tag)."""
        n = len([r for r in self.extra_rows if state is None or claim_state(r.note).key == state])
        sql, args = self._full
        n += self._run(f"SELECT count(*) FROM ({_NOTED} AND {sql}{_state(state)})", args)[0][0]
        if _with_plain(state):
            sql, args = self._plain
            n += self._run(f"SELECT count(*) FROM claims c WHERE {sql}", args)[0][0]
            n -= self._run(f"SELECT count(*) FROM special s CROSS JOIN claims c ON c.k = s.k WHERE {sql}", args)[0][0]
        return n

    def rows(self, keys: list[tuple[str, bool]], more: str = "", args: tuple = (), limit: int = 100,
             offset: int = 0, state: str | None = None) -> list[tuple]:
        """(src, k, *KEYS) of the rows in an order (keys_of), from `offset`; `more`: a condition
        on KEYS (a keyset: after a row)."""
        return self._run(f"SELECT * FROM ({self._union(state)}) {('WHERE ' + more) if more else ''} "
                         f"ORDER BY {order_by(keys)} LIMIT ? OFFSET ?", (*self._union_args(state), *args, limit, offset))

    def _union(self, state: str | None) -> str:
        arms = [f"{_NOTED} AND {self._full[0]}{_state(state)}", f"{_EXTRA}{_state(state, 'WHERE')}"]
        if _with_plain(state):
            arms.insert(0, f"{_PLAIN} AND {self._plain[0]}")
        return " UNION ALL ".join(arms)

    def _union_args(self, state: str | None) -> list:
        return [*(self._plain[1] if _with_plain(state) else []), *self._full[1]]

    def before(self, keys: list[tuple[str, bool]], values: tuple, state: str | None = None) -> int:
        """How many rows come before one with these (src, k, *KEYS) values, in the order."""
        more, args = keyset(keys, values, after=False)
        return self._run(f"SELECT count(*) FROM ({self._union(state)}) WHERE {more}",
                         (*self._union_args(state), *args))[0][0]

    def key_of_claim(self, article_id: str, claim_id: str) -> tuple | None:
        """The KEYS values of a claim's row, whether the query keeps it or not (None: no such row)."""
        for x, r in enumerate(self.extra_rows):
            if r.key == (article_id, claim_id):
                return (2, x, *self._extra_keys(r))
        found = self._run(f"SELECT * FROM ({_PLAIN} UNION ALL {_NOTED}) WHERE k = (SELECT c.k FROM articles a "
                          "CROSS JOIN claims c ON c.article = a.n WHERE a.id = ? AND c.id = ?)", (article_id, claim_id))
        return found[0] if found else None

    def keeps(self, values: tuple) -> bool:
        """Whether the query keeps the row of these (src, k, ...) values."""
        return bool(self._run(f"SELECT 1 FROM ({self._union(None)}) WHERE src = ? AND k = ?",
                              (*self._union_args(None), values[0], values[1])))

    def claim_rows(self, found: list[tuple]) -> list[ClaimRow]:
        """The rows of (src, k, ...) as the claims view shows them."""
        ks = [k for src, k, *_ in found if src != 2]
        read = {}
        if ks:
            for k, ord_, blob, mine, who, *summary in self._run(
                    f"SELECT c.k, c.ord, c.claim, n.mine, n.names, {', '.join('a.' + c for c in SUMMARY_COLUMNS)} "
                    "FROM claims c JOIN articles a ON a.n = c.article LEFT JOIN notes n ON n.k = c.k "
                    f"WHERE c.k IN ({', '.join('?' * len(ks))})", ks):
                read[k] = ClaimRow(_header(summary), unpacked(blob), _note(mine), _who(who), ord_)
        return [self.extra_rows[k] if src == 2 else read[k] for src, k, *_ in found]


def _with_plain(state: str | None) -> bool:
    """Whether the rows of one state (None: all) have claims nobody annotated (all untagged)."""
    return state in (None, UNTAGGED)


def _state(state: str | None, word: str = "AND") -> str:
    return f" {word} state = {state!r}" if state is not None else ""


def keys_of(order: tuple[str, bool], flip: bool = False) -> list[tuple[str, bool]]:
    """(key, descending) of an order ((column, reverse)), first to last; `flip`: the other way."""
    column, reverse = order
    return [(k, reverse != flip) for k in ORDERS[column]] + [("ord", flip)]


def order_by(keys: list[tuple[str, bool]]) -> str:
    return ", ".join(k + (" DESC" if desc else "") for k, desc in keys)


def keyset(keys: list[tuple[str, bool]], values: tuple, after: bool = True) -> tuple[str, list]:
    """The condition of the rows after (or before) a row with these (src, k, *KEYS) values."""
    known = dict(zip(KEYS, values[2:], strict=True))
    parts, args = [], []
    for i, (k, desc) in enumerate(keys):
        later = "<" if desc == after else ">"
        parts.append(" AND ".join([*(f"{p} = ?" for p, _ in keys[:i]), f"{k} {later} ?"]))
        args.extend([*(known[p] for p, _ in keys[:i]), known[k]])
    return "(" + " OR ".join(f"({p})" for p in parts) + ")", args


def _header(summary: list) -> Article:
    """An article's header (what a row shows of it: its body is not read)."""
    return Article.from_dict({**summary_from_row(tuple(summary)).to_dict(), "body": "", "claims": []})


def _note(blob: bytes | None) -> Annotation | None:
    return Annotation.from_dict(orjson.loads(blob)) if blob else None


def _who(names: bytes | None) -> frozenset[str]:
    return frozenset(orjson.loads(names)) if names else frozenset()


def listing_of(store) -> ClaimListing:
    """The store's claims with every annotation laid over them, as you see them (on the store's
    thread: it reads the annotations)."""
    from .roster import names_of

    db = store.articles.reader()
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims'").fetchone():
        _fill_temp(db)  # (a read-only store of an earlier release: its claims in tables of this connection)
    listing = ClaimListing(db, store.articles.path, names_of(store))
    everyone = store.every_annotation()
    shaped = sorted(aid for aid, notes in everyone.items() if any(a.annotator == store.annotator and reshapes(a)
                                                                  for a in notes))
    listing.lay_over(store.annotator, everyone, [r for aid in shaped for r in article_rows(store, aid)])
    return listing


def _fill_temp(db: sqlite3.Connection) -> None:
    from . import claims_db
    from .packing import article_from_row

    temp = (claims_db.TABLES.replace("CREATE TABLE IF NOT EXISTS ", "CREATE TEMP TABLE IF NOT EXISTS ")
            .replace("CREATE INDEX IF NOT EXISTS ", "CREATE INDEX IF NOT EXISTS temp.")
            .replace("CREATE VIRTUAL TABLE IF NOT EXISTS ", "CREATE VIRTUAL TABLE IF NOT EXISTS temp."))
    for statement in temp.split(";\n"):
        if statement.strip():
            db.execute(statement)
    rows = db.execute(f"SELECT n, date_key, {', '.join(SUMMARY_COLUMNS)}, extra, body, claims FROM articles").fetchall()
    claims_db.fill(db, ((n, key, article_from_row(tuple(row))) for n, key, *row in rows))
