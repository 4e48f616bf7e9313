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

from .articles_db import damaged
from .claim_arms import KEYS, UNTAGGED
from .claim_asked import Asked
from .claim_items import item_of
from .claim_lookup import Lookup
from .claims_db import TEXT_KEY, key_of
from .claims_sql import register, where, who_mark
from .claims_view import ClaimRow, article_rows
from .corrections import reshapes
from .extract.calibration import settles
from .model import Annotation, speaker_of
from .packing import SUMMARY_COLUMNS
from .query import EVERYTHING, matches
from .rows import outlet_of
from .states import claim_state

_CLAIM_COLUMNS = ("k", "article", "date_key", "ord", "kind", "role", "conf", "outlet_key", "speaker_key", "text_key")
_NOTE_COLUMNS = ("tag", "not_a_claim", "speaker", "my_speaker_key", "settled", "state", "who", "shaped")
_TEMP = f"""
CREATE TEMP TABLE IF NOT EXISTS noted (k INTEGER PRIMARY KEY, {', '.join(_CLAIM_COLUMNS[1:])},
    tag TEXT, not_a_claim INTEGER, speaker TEXT, my_speaker_key TEXT, settled INTEGER, state TEXT NOT NULL,
    who TEXT NOT NULL, shaped INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS temp.noted_by_date ON noted(date_key, ord);
CREATE TEMP TABLE IF NOT EXISTS shaped (n INTEGER PRIMARY KEY);
CREATE TEMP TABLE IF NOT EXISTS extra (gen INTEGER NOT NULL, x INTEGER NOT NULL, date_key INTEGER, ord INTEGER,
    outlet_key TEXT, speaker_key TEXT, kind TEXT, text_key TEXT, state TEXT, conf REAL, PRIMARY KEY (gen, x));
CREATE TEMP TABLE IF NOT EXISTS wanted (article TEXT NOT NULL, claim TEXT NOT NULL);
"""
_PUT_ROW = (f"INSERT OR REPLACE INTO noted ({', '.join(_CLAIM_COLUMNS)}, {', '.join(_NOTE_COLUMNS)}) "
            f"VALUES ({', '.join('?' * (len(_CLAIM_COLUMNS) + len(_NOTE_COLUMNS)))})")
_PUT_NOTE = (f"INSERT OR REPLACE INTO noted ({', '.join(_CLAIM_COLUMNS)}, {', '.join(_NOTE_COLUMNS)}) "
             f"SELECT {', '.join('c.' + c for c in _CLAIM_COLUMNS)}{', ?' * len(_NOTE_COLUMNS)} FROM claims c WHERE c.k = ?")


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
        self.mine: dict[int, Annotation] = {}  # your annotation of each claim (by k)
        self.who: dict[int, frozenset[str]] = {}  # who annotated each claim
        self._gen = 0

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
    def lay_over(self, me: str, everyone: Iterable[dict], shaped_rows: Iterable[ClaimRow]) -> None:
        """Every annotator's annotations (their rows as stored), you being `me`; `shaped_rows`
        the rows of your reshaped articles, as the core makes them."""
        self.me = me
        self._shaped_rows = list(shaped_rows)
        with self.db:
            self._run("BEGIN")
            for table in ("noted", "shaped", "extra"):
                self._run(f"DELETE FROM {table}")
            self.db.executemany("INSERT OR IGNORE INTO shaped (n) SELECT n FROM articles WHERE id = ?",
                                [(a,) for a in {r.article.id for r in self._shaped_rows}])
            self._put_notes(list(everyone))
        self._keys = {r.article.id: key for r in self._shaped_rows
                      for (key,) in self._run("SELECT date_key FROM articles WHERE id = ?", (r.article.id,))}

    def _put_notes(self, rows: list[dict]) -> None:
        self.mine, self.who = {}, {}
        self.db.executemany("INSERT INTO wanted (article, claim) VALUES (?, ?)",
                            {(d["article_id"], d["claim_id"]) for d in rows})
        claims = {(aid, cid): values for aid, cid, *values in self._run(
            f"SELECT w.article, w.claim, {', '.join('c.' + c for c in _CLAIM_COLUMNS)} FROM wanted w "
            "JOIN articles a ON a.id = w.article JOIN claims c ON c.article = a.n AND c.id = w.claim")}
        self._run("DELETE FROM wanted")
        columns: dict[int, list] = {values[0]: values for values in claims.values()}
        for d in rows:
            values = claims.get((d["article_id"], d["claim_id"]))
            if values is not None:
                k = values[0]
                self.who[k] = self.who.get(k, frozenset()) | {d["annotator"]}
                if d["annotator"] == self.me:
                    self.mine[k] = Annotation.from_dict(d)
        shaped = self._run(f"SELECT {', '.join('c.' + c for c in _CLAIM_COLUMNS)} FROM shaped s "
                           "CROSS JOIN claims c ON c.article = s.n")
        columns.update((values[0], values) for values in shaped)
        shaped_ks = {values[0] for values in shaped}
        self.db.executemany(_PUT_ROW, [(*values, *self._note_row(k, k in shaped_ks)) for k, values in columns.items()])

    def _note_row(self, k: int, shaped: bool = False) -> tuple:
        """_NOTE_COLUMNS of a claim: your annotation's, who annotated it."""
        mine, who = self.mine.get(k), "".join(who_mark(a) for a in sorted(self.who.get(k, ())))
        if mine is None:
            return (None, 0, None, None, 0, UNTAGGED, who, int(shaped))
        return (mine.tag, int(mine.not_a_claim), mine.speaker or None, key_of(mine.speaker) if mine.speaker else None,
                int(settles(mine)), claim_state(mine).key, who, int(shaped))

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
        k = self.k_of(row.article.id, row.claim.id)
        if k is None:
            return
        if row.note is None:
            self.mine.pop(k, None)
        else:
            self.mine[k] = row.note
        self.who[k] = frozenset(row.annotators)
        self._run(_PUT_NOTE, (*self._note_row(k), k))

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
                     extra, keys)

    def _extra_keys(self, r: ClaimRow) -> tuple:
        speaker = speaker_of(r.claim, r.note)
        return (self._keys[r.article.id], r.index, (outlet_of(r.article.doc) or "").casefold(), key_of(speaker),
                r.claim.kind, r.claim.text[:TEXT_KEY].casefold(), claim_state(r.note).key, r.claim.confidence)

    # -- counts and pages -----------------------------------------------------------------------
    def total(self) -> int:
        """Every claim: the extractor's, your reshaped articles' as you see them."""
        reshaped = self._run("SELECT count(*) FROM shaped s CROSS JOIN claims c ON c.article = s.n")[0][0]
        return self._run("SELECT count(*) FROM claims")[0][0] - reshaped + len(self._shaped_rows)

    def row_of(self, article_id: str, claim_id: str) -> ClaimRow | None:
        """A claim's row, whether a query keeps it or not."""
        asked = self.ask(EVERYTHING)
        values = asked.key_of_claim(article_id, claim_id)
        return asked.claim_rows([values])[0] if values is not None else None

    def close(self) -> None:
        if self.owns_db:
            self.db.close()


def listing_of(store) -> ClaimListing:
    """The store's claims with every annotation laid over them, as you see them (on the store's
    thread: it reads the annotations)."""
    from .roster import Names

    db = store.articles.reader()
    db.execute(f"PRAGMA cache_size = -{CACHE_KB}")
    if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'claims'").fetchone():
        _fill_temp(db)  # (a read-only store of an earlier release: its claims in tables of this connection)
    rows = store.annotation_rows()
    names = Names(lambda: store.speaker_names_seen(rows), store.speaker_names())
    listing = ClaimListing(db, store.articles.path, names, owns_db=db is not store.articles.db)
    shaped = sorted({d["article_id"] for d in rows if d["annotator"] == store.annotator and reshapes(_Shape(d))})
    listing.lay_over(store.annotator, rows, [r for aid in shaped for r in article_rows(store, aid)])
    return listing


CACHE_KB = 65_536  # the listing connection's page cache: the indexes a view reads again and again


class _Shape:
    """(corrections.reshapes asks these of a stored annotation row)"""

    def __init__(self, d: dict) -> None:
        self.span, self.added, self.orphaned = d.get("span"), d.get("added"), d.get("orphaned", False)


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
