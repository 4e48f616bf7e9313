"""Articles in SQLite: a store of the release before is migrated on first open with nothing lost;
an unchanged file is not extracted again; `reindex` rebuilds the articles from their files."""

from __future__ import annotations

import json
import shutil

import pytest

from helpers import FIXTURES, SEED, fixed_clock
from reader import ingest as ingest_mod
from reader.ingest import ingest, reindex
from reader.migrate import OLD
from reader.store import Store

OLD_STORE = FIXTURES / "stores" / "json-release"  # written by the release before, with alice's tag


@pytest.fixture
def old_store(tmp_path):
    folder = tmp_path / "store"
    shutil.copytree(OLD_STORE, folder)
    return folder


def _old_articles(folder):
    return {a["id"]: a for key in "0123456789abcdef" if (folder / f"articles-{key}.json").exists()
            for a in json.loads((folder / f"articles-{key}.json").read_text())["articles"].values()}


def test_an_old_store_is_migrated_with_nothing_lost(old_store):
    before = _old_articles(old_store)
    library = json.loads((old_store / "library.json").read_text())["articles"]
    store = Store(old_store, annotator="alice", clock=fixed_clock)
    assert {s.id for s in store.summaries()} == set(before)
    for article_id, old in before.items():
        assert store.article(article_id).to_dict() == old  # body, claims, every field
    ingested = {d["id"]: d["ingested"] for d in library.values()}
    assert {s.id: s.ingested for s in store.summaries()} == ingested
    (note,) = [a for notes in store.all_annotations().values() for a in notes.values()]
    assert (note.tag, note.note) == ("denied", "checked: RIA")
    kept = sorted(p.name for p in (old_store / OLD).iterdir())
    assert kept == sorted(["library.json", *(f"articles-{k[0]}.json" for k in {i[0] for i in before})])
    assert not (old_store / "library.json").exists()


def test_a_migration_cut_short_is_finished_by_the_next_open(old_store, monkeypatch):
    def killed(files, target):
        raise SystemExit("killed after the transaction")

    monkeypatch.setattr("reader.migrate._keep", killed)
    with pytest.raises(SystemExit):
        Store(old_store)
    monkeypatch.undo()
    store = Store(old_store)
    assert len(store.summaries()) == len(_old_articles(old_store / OLD)) == 2
    assert (old_store / OLD / "library.json").exists() and not (old_store / "library.json").exists()


def test_an_unchanged_file_is_not_extracted_again(tmp_path, monkeypatch):
    store = Store(tmp_path / "store", clock=fixed_clock)
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(FIXTURES / "up" / "named_quote.txt" if name == "a.txt" else SEED, tmp_path / "in" / name)
    assert len(ingest([str(tmp_path / "in")], store).new) == 2
    read = []
    real = ingest_mod.read_article
    monkeypatch.setattr(ingest_mod, "read_article", lambda name, data: read.append(name) or real(name, data))
    again = ingest([str(tmp_path / "in")], store)
    assert read == [] and len(again.unchanged) == 2
    changed = tmp_path / "in" / "b.txt"
    changed.write_text(changed.read_text().replace("Peskov said", "Peskov says"))  # same size, other bytes
    third = ingest([str(tmp_path / "in")], store)
    assert read == [str(changed)] and len(third.updated) == 1 and len(third.unchanged) == 1


def test_reindex_rebuilds_a_lost_article_database(tmp_path):
    store = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(SEED)], store)
    (summary,) = store.summaries()
    claim = store.article(summary.id).claims[3]
    store.annotate(summary.id, claim, tag="stated", note="kept")
    store.articles.close()
    for path in (tmp_path / "store").glob("articles.db*"):
        path.rename(path.with_name(path.name + ".broken"))
    fresh = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    assert fresh.summaries() == []
    report = reindex(fresh, [str(SEED)])
    assert len(report.new) == 1
    assert fresh.annotations(summary.id)[claim.id].note == "kept"
    assert fresh.article(summary.id).to_dict() == store.article(summary.id).to_dict()


def test_reindex_reads_every_known_file_again(tmp_path):
    store = Store(tmp_path / "store", clock=fixed_clock)
    copy = tmp_path / "gone.txt"
    shutil.copy(FIXTURES / "up" / "named_quote.txt", copy)
    ingest([str(SEED), str(copy)], store)
    copy.unlink()
    report = reindex(store)
    assert len(report.unchanged) == 1  # read again, and the same
    assert [w for _, w in report.warnings] == ["the file is gone: its article is kept as it was stored"]
    assert len(store.summaries()) == 2


def test_rows_packed_the_way_the_release_before_packed_them_still_read(tmp_path):
    """Claims were compressed on their own and every extra field was written out; a store of
    then reads the same today, and an article put again over such a row replaces it cleanly."""
    import sqlite3
    import zlib

    import orjson

    from reader.packing import CLAIM_FIELDS

    store = Store(tmp_path / "store", clock=fixed_clock)
    ingest([str(SEED)], store)
    (summary,) = store.summaries()
    article = store.article(summary.id)
    rows = [[c.to_dict()[k] for k in CLAIM_FIELDS] for c in article.claims]
    extra = {"caption": article.doc.caption, "subjects": [], "warnings": [], "editorial": [list(e) for e in article.editorial]}
    db = sqlite3.connect(tmp_path / "store" / "articles.db", isolation_level=None)
    db.execute("UPDATE articles SET claims = ?, extra = ?", (zlib.compress(orjson.dumps(rows), 6), orjson.dumps(extra)))
    db.close()
    again = Store(tmp_path / "store", clock=fixed_clock)
    assert again.article(summary.id).to_dict() == article.to_dict()
    with again.articles.transaction():
        again.articles.put(article, summary.ingested)  # the old row's claim ids are found and replaced
    assert again.article(summary.id).to_dict() == article.to_dict()
    assert again.find_claim(article.claims[0].id[:8])[1].id == article.claims[0].id
