"""The library's rows read from the article database a page at a time: which articles a
library.Query keeps (its words through the full-text indexes), in which library.Order (through
the indexes of articles_db), with your progress and read marks beside them.

Nothing is read that is not shown: a count, the page on screen, the position of one article.
Your progress and read marks (from the annotations, a few rows however big the store) are put
in a table of this connection's own (`mine`), so that "untagged only" and the order by progress
are answered by the database too.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
import threading
from collections.abc import Sequence

from . import article_sql, claims_db, claims_sql, lexicon, mark_orders
from .articles_db import damaged
from .claim_lookup import Lookup
from .mark_orders import Group, Split
from .model import Progress
from .packing import N_OF_KEY, SUMMARY_COLUMNS, summary_from_row
from .query import EVERYTHING, Field, Words
from .storage import StoreError
from .summary import Summary

# The order of each library column: the keys compared, first to last (see articles_db's
# indexes). The one definition of these orders, for the library, `list`, `claims` and the export.
CLAIMS = "(a.statements + coalesce(m.added, 0))"  # library.Row.claims
TAGGED = "coalesce(m.tagged, 0)"
PROGRESS = f"(CASE WHEN {CLAIMS} = 0 THEN 1.0 ELSE {TAGGED} * 1.0 / {CLAIMS} END)"  # library.Order
UNTAGGED = f"{TAGGED} < {CLAIMS}"  # library.Row.has_untagged
ORDERS = {
    "date": ("a.date_key",),  # the date to the minute, then the order they came in (packing.date_key)
    "outlet": ("a.outlet_key", "a.published"),
    "headline": ("a.title_key",),
    "author": ("a.author_key", "a.published"),
    "progress": (PROGRESS, CLAIMS),
    "read": ("coalesce(m.read, 0)", "a.date_key"),
}
# The same orders, for those two, as untouched articles (not in `mine`) have them: in indexes.
SPLITS = {
    "progress": Split(PROGRESS, (CLAIMS,), ("a.statements",),
                      (Group(0.0, "a.statements > 0"), Group(1.0, "a.statements = 0")), "a.statements > 0"),
    "read": Split("coalesce(m.read, 0)", ("a.date_key",), ("a.date_key",), (Group(0, "1"),), "a.statements > 0"),
}
_COLUMNS = ", ".join(f"a.{c}" for c in SUMMARY_COLUMNS) + f", {TAGGED}, coalesce(m.added, 0), coalesce(m.read, 0)"
_FROM = "FROM articles a LEFT JOIN mine m ON m.n = a.n"
MAX_WORDS = 300  # a prefix standing for more words than this is left to the index as a prefix
STEPS = 50_000  # a count that may stop looks at whether to, every this many steps of SQLite's
SHORT = 3  # a word shorter than this is a whole word; longer ones are the start of a word


def fts_words(text: str, phrase: bool = False, starting=None) -> str | None:
    """An FTS5 query for what the user typed: every word in it, each a whole word if it is short,
    else any word that starts so ("ukrain" finds Ukraine and Ukrainian); `phrase`: the words in
    this order, one after the other. None when the text has no word at all. `starting(prefix)`,
    when given, lists the indexed words a prefix stands for (None when there are too many): they
    are asked for by name, which the index answers a page at a time, where a prefix makes it read
    every article the prefix finds first."""
    words = [w for w in re.findall(r"[^\W_]+", text.lower())]
    if not words:
        return None
    if phrase:
        return '"' + " ".join(words) + '"*'  # (a name is typed from its start)
    return " AND ".join(_word(w, starting) for w in words)


def _word(word: str, starting) -> str:
    if len(word) < SHORT:
        return f'"{word}"'
    found = starting(word) if starting is not None else None
    if found:
        return "(" + " OR ".join(f'"{w}"' for w in found) + ")"
    return f'"{word}"*'


class Listing:
    """Counts and pages of the store's articles under a query and an order, on a connection of
    its own (articles_db.ArticleDB.reader)."""

    def __init__(self, db: sqlite3.Connection, path) -> None:
        self.db = db
        self.path = path  # for messages
        self._run("CREATE TEMP TABLE IF NOT EXISTS mine (n INTEGER PRIMARY KEY, tagged INTEGER NOT NULL, "
                  "added INTEGER NOT NULL, read INTEGER NOT NULL)")
        self._run("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocabulary USING fts5vocab(main, 'words', 'row')")
        self._known: dict[str, list[str] | None] = {}  # prefix: the words it stands for
        self._known_at = None  # the database's data_version they were read at
        self._lookup = Lookup(self._run, None)  # (outlets' and authors' keys)
        self._lookup_at = None  # the database's data_version it was read at
        self._has_lexicon: bool | None = None  # (a small store, or one of an earlier release, has none: see lexicon)
        # Counts that may stop (see count): each has a ticket; the last one asked for goes on.
        self._tickets = itertools.count(1)
        self._last_ticket = 0
        self._mine = threading.local()  # the ticket of this thread's count
        db.set_progress_handler(self._stale, STEPS)
        claims_sql.register(db)

    def _stale(self) -> int:
        """(SQLite asks, every STEPS steps of a statement) Stop this thread's count: a newer one
        was asked for."""
        ticket = getattr(self._mine, "ticket", None)
        return int(ticket is not None and ticket != self._last_ticket)

    def _starting(self, prefix: str) -> list[str] | None:
        """The indexed words that start with `prefix` (None if more than MAX_WORDS)."""
        version = self._run("PRAGMA data_version")[0][0]
        if version != self._known_at:
            self._known, self._known_at, self._has_lexicon = {}, version, None
        if prefix not in self._known:
            if self._has_lexicon is None:
                self._has_lexicon = self._run("PRAGMA user_version")[0][0] >= 2 and lexicon.complete(self.db)
            words = "lexicon" if self._has_lexicon else "vocabulary"  # (FTS5's own list of its words)
            found = [w for (w,) in self._run(f"SELECT term FROM {words} WHERE term >= ? AND term < ? LIMIT ?",
                                             (prefix, prefix + "\U0010ffff", MAX_WORDS + 1))]
            self._known[prefix] = found if len(found) <= MAX_WORDS else None
        return self._known[prefix]

    def _where(self, query, *more: str) -> tuple[str, list]:
        if article_sql.asks_claims(query.tree):
            claims_db.ensure(self.db)
        return _where(query, *more, starting=self._starting, keys=self._column_keys)

    def _column_keys(self, column: str, value: str) -> list[str]:
        """The keys of an article column (outlet_key, author_key) whose words are asked for."""
        version = self._run("PRAGMA data_version")[0][0]
        if version != self._lookup_at:
            self._lookup.forget()
            self._lookup_at = version
        return self._lookup.keys(column, value)

    def _run(self, sql: str, args: Sequence | dict = ()) -> list[tuple]:
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None

    # -- your marks ----------------------------------------------------------------------------
    def set_mine(self, progress: dict[str, Progress], read: set[str]) -> None:
        """Your progress and read marks, all of them (what the annotations say now)."""
        rows = [(aid, *progress.get(aid, Progress()), int(aid in read)) for aid in set(progress) | read]
        try:
            with self.db:
                self.db.execute("BEGIN")
                self.db.execute("DELETE FROM mine")
                self._put_mine(rows)
        except sqlite3.DatabaseError as exc:
            raise damaged(self.path, exc) from None

    def mark(self, article_id: str, progress: Progress | None = None, read: bool | None = None) -> None:
        """One article's progress or read mark changed."""
        old = self._run(f"SELECT {TAGGED}, coalesce(m.added, 0), coalesce(m.read, 0) {_FROM} WHERE a.id = ?",
                        (article_id,))
        if not old:
            return
        tagged, added, was_read = old[0]
        if progress is not None:
            tagged, added = progress
        self._put_mine([(article_id, tagged, added, int(was_read if read is None else read))])

    def _put_mine(self, rows: list[tuple]) -> None:
        self.db.executemany("INSERT OR REPLACE INTO mine (n, tagged, added, read) "
                            "SELECT n, ?, ?, ? FROM articles WHERE id = ?", [(*r[1:], r[0]) for r in rows])

    # -- rows ----------------------------------------------------------------------------------
    def total(self) -> int:
        return self._run("SELECT count(*) FROM articles")[0][0]

    def count(self, query, stoppable: bool = False) -> int | None:
        """How many rows the query keeps: counted in the full-text indexes alone when it has
        words (never article by article). `stoppable`: for a count on a thread of its own, which
        stops (and gives None) as soon as a newer stoppable count is asked for."""
        if _plain(query):  # (your marks alone: the indexes' counts)
            total = self.total()
            return total - self._run(f"SELECT count(*) FROM ({_DONE})")[0][0] if query.untagged else total
        hits = _hits(query, starting=self._starting)
        if hits is not None:
            sql, args = f"SELECT count(*) FROM ({hits[0]})", hits[1]
        else:
            where, args = self._where(query)
            sql = f"SELECT count(*) {_FROM} {where}"
        if not stoppable:
            return self._run(sql, args)[0][0]
        self._mine.ticket = self._last_ticket = next(self._tickets)
        try:
            return self._run(sql, args)[0][0]
        except StoreError:
            if self._mine.ticket != self._last_ticket:
                return None  # (interrupted: a newer count was asked for)
            raise
        finally:
            self._mine.ticket = None

    def page(self, query, order, offset: int, limit: int, count: int | None = None) -> list[tuple]:
        """(summary, tagged, added, read) of the rows offset to offset + limit - 1. From the far
        end when that is nearer (`count`: how many rows there are), so the last page is as quick
        to read as the first."""
        if order.column in SPLITS and _plain(query):
            return self._split_page(query, order, offset, limit)
        reverse = order.reverse
        backwards = count is not None and offset > count // 2
        if backwards:
            offset, limit, reverse = max(count - offset - limit, 0), min(limit, count - offset), not reverse
        hits = _hits(query, "DESC" if reverse else "", starting=self._starting) if order.column == "date" else None
        if hits is not None:  # the full-text index lists them in this order itself
            sql, args = hits
            rows = self._run(f"SELECT {_COLUMNS} FROM ({sql} LIMIT ? OFFSET ?) h JOIN articles a ON a.date_key = h.k "
                             f"LEFT JOIN mine m ON m.n = a.n ORDER BY {_order_by('date', reverse)}",
                             (*args, limit, offset))
        else:
            where, args = self._where(query)
            rows = self._run(f"SELECT {_COLUMNS} {_FROM} {where} ORDER BY {_order_by(order.column, reverse)} "
                             "LIMIT ? OFFSET ?", (*args, limit, offset))
        if backwards:
            rows.reverse()
        return [(summary_from_row(r[:-3]), *r[-3:]) for r in rows]

    def _segments(self, query, order) -> list[mark_orders.Segment]:
        return mark_orders.segments(SPLITS[order.column], query.untagged, UNTAGGED, order.reverse)

    def _split_page(self, query, order, offset: int, limit: int) -> list[tuple]:
        """A page of an order by your marks, through the indexes (see mark_orders)."""
        segments = self._segments(query, order)
        counts: list[int] = []
        for segment in segments:  # (counted as far as the page goes)
            counts.append(self._run(segment.count)[0][0])
            if sum(counts) >= offset + limit:
                break
        numbers = [k for i, start, n in mark_orders.window(counts, offset, limit)
                   for k, *_ in self._run(segments[i].sql, (n, start))]
        found = {r[-1]: r for r in self._run(f"SELECT {_COLUMNS}, a.n {_FROM} WHERE a.n IN "
                                             f"({', '.join('?' * len(numbers))})", numbers)}
        return [(summary_from_row(found[k][:-4]), *found[k][-4:-1]) for k in numbers]

    def _split_rank(self, query, order, n: int, values: tuple) -> int:  # values: the keys, first to last
        """(see rank) Through the segments: the one the article is in (the query aside), the
        rows of those before it, and those before it in its own."""
        plain = mark_orders.segments(SPLITS[order.column], False, UNTAGGED, order.reverse)
        args = mark_orders.keys(values, n)
        at = next(i for i, segment in enumerate(plain) if self._run(segment.has, args))
        kept = self._segments(query, order)
        return sum(self._run(segment.count)[0][0] for segment in kept[:at]) + self._run(kept[at].before, args)[0][0]

    def position(self, query, order, article_id: str) -> int | None:
        """Where an article is among the rows (None if the query leaves it out)."""
        where, args = self._where(query, "a.id = ?")
        if not self._run(f"SELECT 1 {_FROM} {where}", (*args, article_id)):
            return None
        return self.rank(query, order, article_id)

    def rank(self, query, order, article_id: str) -> int | None:
        """How many of the rows come before an article in the order (whether the query keeps it
        or not); None if there is no such article."""
        keys = (*ORDERS[order.column], "a.n")
        found = self._run(f"SELECT {', '.join(keys)} {_FROM} WHERE a.id = ?", (article_id,))
        if not found:
            return None
        if order.column in SPLITS and _plain(query):
            return self._split_rank(query, order, found[0][-1], found[0][:-1])
        before = ">" if order.reverse else "<"
        hits = _hits(query, more=f"rowid {before} ?", starting=self._starting) if order.column == "date" else None
        if hits is not None:
            return self._run(f"SELECT count(*) FROM ({hits[0]})", (*hits[1], found[0][0]))[0][0]
        where, args = self._where(query, f"({', '.join(keys)}) {before} ({', '.join('?' * len(keys))})")
        return self._run(f"SELECT count(*) {_FROM} {where}", (*args, *found[0]))[0][0]

    def summaries(self, column: str = "date", reverse: bool = True) -> list[Summary]:
        """Every article in an order (for `list`, `claims` and the export)."""
        rows = self._run(f"SELECT {_COLUMNS} {_FROM} ORDER BY {_order_by(column, reverse)}")
        return [summary_from_row(r[:-3]) for r in rows]


def _order_by(column: str, reverse: bool) -> str:
    way = " DESC" if reverse else ""
    return ", ".join(k + way for k in (*ORDERS[column], "a.n"))


# The articles with nothing left to tag, by number: yours that are done (a few rows, however big
# the store), and those without statements that you have not touched (read from an index alone).
_DONE = (f"SELECT a.n FROM mine m CROSS JOIN articles a ON a.n = m.n WHERE NOT ({UNTAGGED}) "
         "UNION ALL SELECT a.n FROM articles a WHERE a.statements = 0 AND a.n NOT IN (SELECT n FROM mine)")


def _drivers(query, starting=None) -> tuple[list[tuple[str, str]], list]:
    """(full-text table, FTS5 query) of the words and speakers a query's articles must have (the
    full-text indexes list those articles, in date order), and the query's other parts."""
    found, rest = [], []
    for node in article_sql.parts(query.tree):
        if isinstance(node, Words):
            words = fts_words(node.text, starting=starting)
            if words:
                found.append(("words", words))
        elif isinstance(node, Field) and node.name == "speaker" and fts_words(node.value, phrase=True):
            found.append(("people", fts_words(node.value, phrase=True)))
        else:
            rest.append(node)
    return found, rest


def _hits(query, way: str | None = None, more: str = "", starting=None) -> tuple[str, list] | None:
    """For a query of words and speakers alone: a query of the date keys (as k) of the articles it
    keeps, read from the full-text index of its first words (in date order, `way` "DESC" or "",
    when given); None for any other query."""
    matches, rest = _drivers(query, starting)
    if not matches or rest:
        return None
    (table, _), *others = matches
    parts = [f"{table} MATCH ?", *(f"rowid IN (SELECT rowid FROM {t} WHERE {t} MATCH ?)" for t, _ in others)]
    if query.untagged:
        parts.append(f"(rowid {N_OF_KEY}) NOT IN ({_DONE})")
    if more:
        parts.append(more)
    order = f" ORDER BY rowid {way}" if way is not None else ""
    return f"SELECT rowid AS k FROM {table} WHERE {' AND '.join(parts)}{order}", [m for _, m in matches]


def _plain(query) -> bool:
    """A query of your marks alone (every article, or those with claims left to judge)."""
    return query.tree == EVERYTHING


def _where(query, *more: str, starting=None, keys=None) -> tuple[str, list]:
    """The WHERE clause of a library.Query over articles a (and your marks m), and its arguments."""
    matches, rest = _drivers(query, starting)
    parts = [f"a.date_key IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)" for table, _ in matches]
    others, args = article_sql.where(rest, lambda text: fts_words(text, starting=starting), keys, UNTAGGED)
    parts.extend(others)
    if query.untagged:
        parts.append(UNTAGGED)
    parts.extend(more)
    return ("WHERE " + " AND ".join(parts)) if parts else "", [*(m for _, m in matches), *args]
