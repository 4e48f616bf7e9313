"""The store: ingest bookkeeping, annotations, atomic saves, locking, damaged files."""

import os
import subprocess
import sys
import time

import orjson
import pytest

from helpers import FIXTURES, SEED, fixed_clock
from reader.ingest import ingest, read_article
from reader.model import Claim
from reader.storage import StoreError, StoreLocked
from reader.store import Store


def seed_article():
    return read_article(str(SEED), SEED.read_bytes())


def test_ingesting_the_same_file_twice_is_a_no_op(store):
    first = ingest([str(SEED)], store)
    before = _stamps(store.folder)
    second = ingest([str(SEED)], store)
    assert (len(first.new), len(second.new), len(second.unchanged)) == (1, 0, 1)
    assert _stamps(store.folder) == before  # nothing written: the file was not even read again
    assert len(store.summaries()) == 1


def _stamps(folder):
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.iterdir() if p.is_file()}


def test_a_changed_file_updates_its_article_and_keeps_annotations(store, tmp_path):
    path = tmp_path / "article.txt"
    text = SEED.read_text()
    path.write_text(text)
    ingest([str(path)], store)
    (summary,) = store.summaries()
    article = store.article(summary.id)
    kept = next(c for c in article.claims if c.text == "I don’t know")
    store.annotate(article.id, kept, tag="unknown", note="he dodged")
    edited = next(c for c in article.claims if c.text.startswith("This requires continued"))
    store.annotate(article.id, edited, tag="stated")
    gone = next(c for c in article.claims if c.text.startswith("I’ll have to think"))
    store.annotate(article.id, gone, tag="unknown")

    # The outlet fixes a typo in one quote and drops another paragraph.
    text = text.replace("which have already begun and are ongoing", "which have already begun and are continuing")
    text = text.replace('Trump added: "I’ll have to think about it. I haven’t thought about it yet."\n', "")
    path.write_text(text)
    report = ingest([str(path)], store)

    assert report.updated == [str(path.resolve())] and report.reanchored == 1 and report.orphaned == 1
    assert len(store.summaries()) == 1
    notes = store.annotations(article.id)
    assert notes[kept.id].tag == "unknown" and notes[kept.id].note == "he dodged"
    moved = next(a for a in notes.values() if a.text.endswith("are continuing"))
    assert moved.tag == "stated"
    orphan = notes[gone.id]
    assert orphan.tag == "unknown" and orphan.text.startswith("I’ll have to think")


def test_same_file_with_a_new_headline_keeps_its_id(store, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SEED.read_text())
    ingest([str(path)], store)
    (first,) = store.summaries()
    path.write_text(SEED.read_text().replace("says meeting with Trump is necessary", "calls meeting with Trump necessary"))
    report = ingest([str(path)], store)
    (second,) = store.summaries()
    assert report.updated and second.id == first.id and second.title.endswith("calls meeting with Trump necessary")


def test_annotation_records_claim_tag_note_annotator_and_time(store):
    store.save_articles([seed_article()])
    article = store.article(store.summaries()[0].id)
    claim = article.claims[3]
    store.annotate(article.id, claim, tag="stated", note="confirmed by RIA")
    reopened = Store(store.folder, annotator="someone-else", clock=fixed_clock)
    assert reopened.annotations(article.id) == {}  # another annotator's view: their own work only
    a = reopened.annotations(article.id, annotator="tester")[claim.id]
    assert (a.claim_id, a.text, a.start, a.end) == (claim.id, claim.text, claim.start, claim.end)
    assert (a.tag, a.note, a.annotator, a.at) == ("stated", "confirmed by RIA", "tester", "2026-01-02T03:04:05+00:00")


def test_clearing_everything_deletes_the_annotation(store):
    store.save_articles([seed_article()])
    article = store.article(store.summaries()[0].id)
    claim = article.claims[0]
    store.annotate(article.id, claim, tag="denied", note="x")
    assert store.annotate(article.id, claim, tag=None, note="") is None
    assert store.annotations(article.id) == {}


def test_unknown_tag_is_refused(store):
    store.save_articles([seed_article()])
    article = store.article(store.summaries()[0].id)
    with pytest.raises(StoreError, match="unknown tag 'maybe'"):
        store.annotate(article.id, article.claims[0], tag="maybe")


def test_tagging_never_rewrites_article_bodies(store):
    store.save_articles([seed_article()])
    article = store.article(store.summaries()[0].id)
    files = list(store.folder.glob("articles.db*"))
    stamps = [f.stat().st_mtime_ns for f in files]
    store.annotate(article.id, article.claims[0], tag="stated")
    assert files and [f.stat().st_mtime_ns for f in files] == stamps
    assert b"Kremlin spokesman" not in (store.folder / f"annotations-{article.id[0]}.json").read_bytes()


def test_a_damaged_store_file_is_never_overwritten(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    damaged = b'{"meta": {"1": {"schema": 1, "kind": "annotations"}}, "a-1": {"1": {"tag": "sta'
    (folder / "annotations-1.json").write_bytes(damaged)
    store = Store(folder)
    claim = Claim(id="2" * 16, kind="quote", text="x", start=0, end=1)
    for attempt in (lambda: store.annotations("1" * 16), lambda: store.annotate("1" * 16, claim, tag="stated")):
        with pytest.raises(StoreError) as err:
            attempt()
        message = str(err.value)
        assert "annotations-1.json is damaged" in message and "left untouched" in message and "mv " in message
    assert (folder / "annotations-1.json").read_bytes() == damaged
    store.annotate("2" * 16, claim, tag="stated")  # the other files still work
    assert store.annotations("2" * 16)[claim.id].tag == "stated"


def test_a_damaged_library_is_reported_when_the_store_opens(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "library.json").write_bytes(b"\x00garbage")
    with pytest.raises(StoreError, match=r"library\.json is damaged"):
        Store(folder)
    assert (folder / "library.json").read_bytes() == b"\x00garbage"


def test_a_store_from_a_newer_version_is_left_alone(tmp_path):
    folder = tmp_path / "s"
    folder.mkdir()
    newer = orjson.dumps({"meta": {"1": {"schema": 99, "kind": "library"}}})
    (folder / "library.json").write_bytes(newer)
    with pytest.raises(StoreError, match=r"newer newsreader.*schema 99"):
        Store(folder)
    assert (folder / "library.json").read_bytes() == newer


def test_the_file_before_a_session_s_first_change_is_kept_as_a_backup(store):
    store.save_articles([seed_article()])
    article = store.article(store.summaries()[0].id)
    store.annotate(article.id, article.claims[0], tag="stated")
    later = Store(store.folder, annotator="later", clock=fixed_clock)
    later.annotate(article.id, article.claims[0], tag="denied")
    later.annotate(article.id, article.claims[1], tag="unknown")
    backup = orjson.loads((store.folder / f"annotations-{article.id[0]}.json.bak").read_bytes())
    (doc,) = backup[f"a-{article.id}"].values()
    assert doc["tag"] == "stated"


WRITER = """
import sys
from reader.store import Store
from reader.model import Claim
store = Store(sys.argv[1], annotator="writer")
i = int(sys.argv[2])
while True:
    i += 1
    claim = Claim(id=f"{i % 3000:016x}", kind="quote", text="x" * 50, start=0, end=50)
    store.annotate("0" * 16, claim, tag="stated", note=str(i))
    print(i, flush=True)
"""


def _count_and_max(folder):
    data = orjson.loads((folder / "annotations-0.json").read_bytes())
    notes = [int(d["note"]) for d in data.get("a-" + "0" * 16, {}).values()]
    return len(notes), max(notes, default=0)


def test_killing_a_writer_mid_save_never_breaks_the_store(tmp_path):
    folder = tmp_path / "s"
    Store(folder)  # creates the folder
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    last = 0
    kills = 0
    for round_ in range(25):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(last)], stdout=subprocess.PIPE, env=env)
        # Let it get going (it prints each saved counter), then kill it at an arbitrary moment.
        for _ in range(3 + round_ % 7):
            if not proc.stdout.readline():
                break
        time.sleep((round_ % 5) * 0.003)
        proc.kill()
        proc.wait()
        kills += 1
        _count, top = _count_and_max(folder)  # always parses
        assert top >= last, "a kill lost an earlier save"
        last = top
        Store(folder).annotations("0" * 16)  # and opens cleanly
    assert kills == 25 and last > 25
    Store(folder)  # temporary files of killed writers are cleaned up on open
    assert not list(folder.glob(".*.tmp"))


HOLDER = """
import sys, time
from reader.store import Store
store = Store(sys.argv[1])
with store.lock:
    print("locked", flush=True)
    time.sleep(5)
"""


def test_a_second_process_gets_a_clear_message_while_the_store_is_busy(tmp_path):
    folder = tmp_path / "s"
    store = Store(folder, lock_timeout=0.3)
    store.save_articles([seed_article()])
    article = store.article(store.summaries()[0].id)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(folder)], stdout=subprocess.PIPE, env=env)
    try:
        assert holder.stdout.readline().strip() == b"locked"
        with pytest.raises(StoreLocked, match=rf"busy: another newsreader \(pid {holder.pid}"):
            store.annotate(article.id, article.claims[0], tag="stated")
    finally:
        holder.kill()
        holder.wait()
    assert store.annotations(article.id) == {}
    store.annotate(article.id, article.claims[0], tag="stated")  # free again
    assert store.annotations(article.id)[article.claims[0].id].tag == "stated"


TAGGER = """
import sys
from reader.store import Store
store = Store(sys.argv[1], annotator=sys.argv[2])
(summary,) = store.summaries()
article = store.article(summary.id)
for claim in article.claims[int(sys.argv[3])::2]:
    store.annotate(article.id, claim, tag="stated", note=sys.argv[2])
"""


def test_two_processes_tagging_at_once_lose_nothing(tmp_path):
    folder = tmp_path / "s"
    store = Store(folder)
    store.save_articles([seed_article()])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    procs = [subprocess.Popen([sys.executable, "-c", TAGGER, str(folder), name, str(i)], env=env) for i, name in enumerate(("ann", "bob"))]
    assert [p.wait() for p in procs] == [0, 0]
    article = store.article(store.summaries()[0].id)
    notes = store.everyone(article.id)
    assert len(notes) == len(article.claims)
    assert {a.note for a in notes} == {"ann", "bob"}
    assert all(a.note == a.annotator for a in notes)


def test_another_process_s_changes_are_seen(store):
    store.save_articles([seed_article()])
    other = Store(store.folder, annotator=store.annotator)  # the same user in another terminal
    article = store.article(store.summaries()[0].id)
    assert store.annotations(article.id) == {}
    other.annotate(article.id, article.claims[1], tag="denied")
    assert store.annotations(article.id)[article.claims[1].id].tag == "denied"
    store.annotate(article.id, article.claims[2], tag="stated")
    assert set(other.annotations(article.id)) == {article.claims[1].id, article.claims[2].id}


def test_up_variants_all_go_in(store):
    report = ingest([str(FIXTURES / "up")], store)
    assert [name for name, _ in report.refused] == [str(FIXTURES / "up" / "listing.txt")]
    assert len(report.new) == len(list((FIXTURES / "up").glob("*.txt"))) - 1


def test_ids_may_be_given_by_any_unique_prefix(store):
    article = seed_article()
    article.claims[0].id = "ab" + "0" * 14
    article.claims[1].id = "ab" + "1" * 14
    store.save_articles([article])
    assert store.find_claim("ab1")[1].text == article.claims[1].text
    with pytest.raises(StoreError, match="'ab' matches 2 claims; give more of the id"):
        store.find_claim("ab")
    assert store.find_article(article.id[:3]).id == article.id


def test_two_files_with_the_same_headline_but_other_text_are_two_articles(store, tmp_path):
    text = (FIXTURES / "plain" / "bbc_like.txt").read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text.replace("3.9%", "4.1%"))
    (tmp_path / "c.txt").write_text(text)
    report = ingest([str(tmp_path)], store)
    assert len(report.new) == 2 and not report.unchanged and not report.updated
    assert report.duplicates == [(str(tmp_path / "c.txt"), str(tmp_path / "a.txt"))]
    assert sorted(s.path.rsplit("/", 1)[-1] for s in store.summaries()) == ["a.txt", "b.txt"]
    again = ingest([str(tmp_path)], store)
    assert len(again.unchanged) == 2 and len(again.duplicates) == 1


def test_article_bodies_are_read_one_article_at_a_time(store, tmp_path):
    ingest([str(FIXTURES / "up")], store)
    fresh = Store(store.folder)
    asked: list[str] = []
    fresh.articles.db.set_trace_callback(asked.append)
    summary = fresh.summaries()[0]
    assert not any("body" in sql for sql in asked)  # the library reads no article bodies
    fresh.article(summary.id)
    (read,) = [sql for sql in asked if "body" in sql]
    assert "WHERE id = " in read


def test_a_copy_of_a_stored_file_is_a_duplicate_not_unchanged(store, tmp_path):
    ingest([str(SEED)], store)
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    report = ingest([str(copy)], store)
    assert report.duplicates == [(str(copy), str(SEED.resolve()))] and not report.unchanged
    assert report.files == 1 and len(store.summaries()) == 1  # still stored once
    assert len(ingest([str(SEED)], store).unchanged) == 1  # the stored file itself is unchanged


def test_a_moved_file_is_the_same_article_not_a_duplicate(store, tmp_path):
    first = tmp_path / "first.txt"
    first.write_bytes(SEED.read_bytes())
    ingest([str(first)], store)
    moved = first.rename(tmp_path / "moved.txt")
    report = ingest([str(moved)], store)
    assert len(report.unchanged) == 1 and not report.duplicates
