"""The lexicon (reader/lexicon.py): the filter finds the words a prefix stands for in it, never
by reading the articles that have them; it has every word of every article put, none of a put
that was rolled back; a store gets one when it grows big, a database of the release before on
first open (when big)."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from helpers import FIXTURES, SEED, fixed_clock
from reader import articles_db, lexicon
from reader.ingest import ingest
from reader.library import Library, Query
from reader.store import Store


@pytest.fixture(autouse=True)
def _big(monkeypatch):
    """A store of two articles is as big as a store needs to be to have a lexicon."""
    monkeypatch.setattr(lexicon, "FROM", 2)


def _lexicon(folder) -> set[str]:
    with sqlite3.connect(folder / "articles.db") as db:
        return {t for (t,) in db.execute("SELECT term FROM lexicon")} - {lexicon.COMPLETE}


def _index_words(folder) -> set[str]:
    with sqlite3.connect(folder / "articles.db") as db:
        db.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, 'words', 'row')")
        return {t for (t,) in db.execute("SELECT term FROM temp.v")}


def _titles(store, text: str) -> list[str]:
    library = Library(store.listing())
    library.query = Query.parse(text)
    library.refresh()
    return sorted(r.summary.title for r in library.visible)


def test_the_lexicon_has_every_word_of_the_index(store, tmp_path):
    ingest([str(SEED), str(FIXTURES / "up"), str(FIXTURES / "plain")], store, parallel=False)
    folder = tmp_path / "store"
    assert _lexicon(folder) == _index_words(folder) and "peskov" in _lexicon(folder)
    assert "ulker" not in _lexicon(folder)  # (none of these has Ülker)


def test_a_store_gets_its_lexicon_when_it_grows_big(store, tmp_path):
    ingest([str(SEED)], store, parallel=False)
    with sqlite3.connect(tmp_path / "store" / "articles.db") as db:
        assert db.execute("SELECT count(*) FROM lexicon").fetchone()[0] == 0  # one article: small
    assert _titles(store, "pesk")  # (found through FTS5's own list of words)
    ingest([str(FIXTURES / "up" / "named_quote.txt")], store, parallel=False)
    assert _lexicon(tmp_path / "store") == _index_words(tmp_path / "store") and "peskov" in _lexicon(tmp_path / "store")


def test_a_prefix_is_expanded_from_the_lexicon_not_from_the_articles(store):
    ingest([str(SEED), str(FIXTURES / "up" / "named_quote.txt")], store, parallel=False)
    listing = store.listing()
    asked = []
    listing.db.set_trace_callback(asked.append)
    assert listing._starting("pesk") == ["peskov"]
    assert any("lexicon" in sql for sql in asked) and not any("vocabulary" in sql for sql in asked)


def test_a_put_that_is_rolled_back_leaves_no_words(store, tmp_path):
    ingest([str(SEED)], store, parallel=False)
    other = Store(tmp_path / "other", clock=fixed_clock)
    ingest([str(FIXTURES / "up" / "named_quote.txt")], other, parallel=False)
    (summary,) = other.summaries()
    article = other.article(summary.id)
    article.doc.title = "Zanzibarian headline"
    with pytest.raises(RuntimeError), store.articles.transaction() as db:
        db.put(article, summary.ingested)
        raise RuntimeError("killed")
    assert "zanzibarian" not in _lexicon(tmp_path / "store")
    ingest([str(FIXTURES / "plain")], store, parallel=False)  # the next transaction adds only its own
    assert "zanzibarian" not in _lexicon(tmp_path / "store")
    assert _lexicon(tmp_path / "store") == _index_words(tmp_path / "store")


def test_a_database_of_the_release_before_gets_its_lexicon_on_first_open(tmp_path, monkeypatch):
    folder = tmp_path / "store"
    ingest([str(SEED), str(FIXTURES / "up")], Store(folder, clock=fixed_clock), parallel=False)
    with sqlite3.connect(folder / "articles.db") as db:  # as the release before wrote it
        db.execute("DROP TABLE lexicon")
        db.execute("PRAGMA user_version = 1")
    kept = tmp_path / "read-only copy"
    shutil.copytree(folder, kept)
    with monkeypatch.context() as m:  # a store that cannot be written is not upgraded, and still filters
        m.setattr("reader.store.os.access", lambda path, mode: False)
        old = _titles(Store(kept, clock=fixed_clock), "pesk")
    assert old and _titles(Store(folder, clock=fixed_clock), "pesk") == old
    with sqlite3.connect(kept / "articles.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    with sqlite3.connect(folder / "articles.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == articles_db.SCHEMA
    assert _lexicon(folder) == _index_words(folder)
