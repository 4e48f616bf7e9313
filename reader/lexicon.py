"""The lexicon: every word the article database's full-text index (`words`) has had, one row a
word, so that the filter finds the words a prefix stands for ("ukrain": ukraine, ukrainian)
by reading a few rows. FTS5's own list of its words (fts5vocab) reads, for each word, every
article that has it: a common word costs tens of milliseconds at a million articles.

The words of the articles put in a transaction are gathered by a full-text table of the
connection's own, with the same tokenizer as `words` (so they are the words `words` has, to
the letter), and added to the lexicon when the transaction commits. A word whose last article
went stays: it stands for nothing in a query, and costs a row.

A small store has none: there FTS5's own list is quick, and a lexicon would be a tenth of the
store. The transaction that brings a store to FROM articles makes it, from FTS5's list (about
0.2 s then); from then on every transaction adds its words. A lexicon is complete, and used,
when it has the word COMPLETE.
"""

from __future__ import annotations

import sqlite3

TOKENIZER = "tokenize='unicode61 remove_diacritics 2'"  # the tokenizer of `words` (articles_db)
FROM = 50_000  # articles: a store this big has a lexicon
COMPLETE = ""  # (no word of the index is empty)


def complete(db: sqlite3.Connection) -> bool:
    return db.execute("SELECT 1 FROM lexicon WHERE term = ?", (COMPLETE,)).fetchone() is not None


class Terms:
    """The words of the articles being put, on one writing connection, until they are added."""

    def __init__(self) -> None:
        self._ready: sqlite3.Connection | None = None  # the connection whose scratch table is made
        self.pending = 0  # texts added since the last flush
        self.kept: bool | None = None  # whether this store has a lexicon (asked once a transaction)

    def add(self, db: sqlite3.Connection, text: str) -> None:
        if self.kept is None:
            self.kept = complete(db)
        if not self.kept:
            return
        if self._ready is not db:
            db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.new_words USING fts5(text, content='', "
                       f"detail=none, columnsize=0, {TOKENIZER})")
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.new_terms USING fts5vocab(temp, 'new_words', 'row')")
            self._ready = db
        self.pending += 1
        db.execute("INSERT INTO temp.new_words (rowid, text) VALUES (?, ?)", (self.pending, text))

    def flush(self, db: sqlite3.Connection) -> None:
        """Into the lexicon, or the lexicon made if the store is now big enough (within the
        transaction that put the articles)."""
        if self.pending:
            db.execute("INSERT OR IGNORE INTO lexicon (term) SELECT term FROM temp.new_terms")
            db.execute("INSERT INTO temp.new_words (new_words) VALUES ('delete-all')")
        elif self.kept is False:
            fill_if_big(db)
        self.forget()

    def forget(self) -> None:
        """The transaction ended (rolled back: the scratch table's rows with it)."""
        self.pending, self.kept = 0, None


def fill_if_big(db: sqlite3.Connection) -> None:
    if db.execute("SELECT count(*) FROM articles").fetchone()[0] >= FROM:
        fill(db)


def fill(db: sqlite3.Connection) -> None:
    """Every word of the index, read once from FTS5's own list (0.2 s at 50,000 articles, four
    seconds at a million: a store of the release before is done so when first opened)."""
    db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.all_terms USING fts5vocab(main, 'words', 'row')")
    db.execute("INSERT OR IGNORE INTO lexicon (term) SELECT term FROM temp.all_terms")
    db.execute("INSERT OR IGNORE INTO lexicon (term) VALUES (?)", (COMPLETE,))
    db.execute("DROP TABLE temp.all_terms")
