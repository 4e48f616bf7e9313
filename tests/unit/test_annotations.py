"""Annotations: changes field by field, one row per claim and annotator, the journal that keeps
the app's changes through a kill, and the upgrade of stores written before annotators."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import orjson
from tinydb import TinyDB

from helpers import SEED, fixed_clock
from reader.changes import apply_change
from reader.ids import row_key
from reader.ingest import ingest, read_article
from reader.journal import PENDING, Entry, Journal
from reader.model import Annotation, Claim
from reader.store import Store

CLAIM = Claim(id="c" * 16, kind="quote", text="words", start=0, end=5)


def _change(current, changes, expect=None):
    return apply_change(current, CLAIM, "a" * 16, annotator="me", at="t", changes=changes, expect=expect)


def test_a_change_touches_only_its_fields():
    first = _change(None, {"tag": "denied", "note": "theirs"}).after
    after = _change(first, {"tag": "stated"}).after
    assert (after.tag, after.note) == ("stated", "theirs")


def test_an_undo_leaves_a_field_somebody_changed_meanwhile():
    now = _change(None, {"tag": "denied", "note": "n"}).after  # another process set denied
    undo = _change(now, {"tag": None}, expect={"tag": "stated"})  # undoing our "stated"
    assert undo.conflicts == ("tag",) and undo.after == now and not undo.changed


def test_a_note_edited_from_an_old_view_keeps_both_texts():
    now = _change(None, {"note": "theirs"}).after
    edited = _change(now, {"note": "mine"}, expect={"note": ""})
    assert edited.conflicts == ("note",) and edited.after.note == "theirs · mine"
    # Editing the note as it stands is no conflict.
    assert _change(now, {"note": "theirs, and more"}, expect={"note": "theirs"}).after.note == "theirs, and more"


def test_nothing_left_means_no_annotation():
    now = _change(None, {"tag": "unknown"}).after
    assert _change(now, {"tag": None}).after is None


def _seed_store(tmp_path, who="alice"):
    store = Store(tmp_path / "store", annotator=who, clock=fixed_clock)
    ingest([str(SEED)], store)
    article = store.article(store.summaries()[0].id)
    return store, article


def test_annotators_have_rows_of_their_own(tmp_path):
    alice, article = _seed_store(tmp_path)
    bob = Store(alice.folder, annotator="bob", clock=fixed_clock)
    claim = article.claims[2]
    alice.annotate(article.id, claim, tag="denied", note="alice disagrees")
    bob.annotate(article.id, claim, tag="unknown")
    alice.annotate(article.id, claim, tag=None, note="")  # alice takes hers back
    assert alice.annotations(article.id) == {}
    assert bob.annotations(article.id)[claim.id].tag == "unknown"
    assert [a.annotator for a in alice.everyone(article.id)] == ["bob"]


def test_the_files_stay_tinydb_files(tmp_path):
    store, article = _seed_store(tmp_path)
    store.annotate(article.id, article.claims[0], tag="stated")
    db = TinyDB(store.folder / f"annotations-{article.id[0]}.json")
    (row,) = db.table(f"a-{article.id}").all()
    assert (row["tag"], row["annotator"], row.doc_id) == ("stated", "alice", int(row_key(article.claims[0].id, "alice")))


def test_a_store_from_before_annotators_is_upgraded_as_read(tmp_path):
    folder = tmp_path / "store"
    article = read_article(str(SEED), SEED.read_bytes())
    Store(folder, annotator="x").save_articles([article])
    claim = article.claims[1]
    old_row = Annotation(claim.id, article.id, claim.text, claim.start, claim.end, tag="denied", note="old",
                         annotator="carol", at="2025-01-01T00:00:00+00:00").to_dict()
    path = folder / f"annotations-{article.id[0]}.json"
    old = {"meta": {"1": {"schema": 1, "kind": "annotations"}},
           f"a-{article.id}": {str(int(claim.id, 16) + 1): old_row},
           "read": {"7": {"article_id": article.id, "at": "2025-01-01T00:00:00+00:00"}}}
    path.write_bytes(orjson.dumps(old))
    carol = Store(folder, annotator="carol")
    assert carol.annotations(article.id)[claim.id].note == "old"
    assert path.read_bytes() == orjson.dumps(old)  # reading changes nothing on disk
    assert article.id in carol.read_ids() and article.id in Store(folder, annotator="dave").read_ids()
    carol.annotate(article.id, article.claims[2], tag="stated")
    data = json.loads(path.read_bytes())
    assert data["meta"]["1"]["schema"] == 2 and len(data[f"a-{article.id}"]) == 2
    assert json.loads((path.parent / (path.name + ".bak")).read_bytes()) == old


def test_annotations_of_each_annotator_follow_an_edited_claim(tmp_path):
    path = tmp_path / "a.txt"
    text = SEED.read_text()
    path.write_text(text)
    alice = Store(tmp_path / "store", annotator="alice")
    ingest([str(path)], alice)
    article = alice.article(alice.summaries()[0].id)
    claim = next(c for c in article.claims if c.text.startswith("This requires continued"))
    alice.annotate(article.id, claim, tag="stated")
    Store(alice.folder, annotator="bob").annotate(article.id, claim, tag="denied")
    path.write_text(text.replace("already begun and are ongoing", "already begun and are continuing"))
    report = ingest([str(path)], alice)
    assert report.reanchored == 2
    moved = {a.annotator: (a.tag, a.text.endswith("continuing")) for a in alice.everyone(article.id)}
    assert moved == {"alice": ("stated", True), "bob": ("denied", True)}


JOURNAL_THEN_DIE = """
import os, sys
from reader.journal import Entry, Journal
from reader.model import Claim
from reader.store import Store
folder, claim_id, article_id, apply = sys.argv[1:5]
store = Store(folder, annotator="app-user")
journal = Journal(store.folder)
claim = Claim(id=claim_id, kind="quote", text="t", start=0, end=1)
entry = Entry(article_id, claim, {"tag": "stated", "note": "from the app"}, None, "app-user", "2026-01-01T00:00:00+00:00")
seq = journal.append(entry)
if apply == "yes":
    store.change(article_id, claim, entry.changes, at=entry.at, annotator=entry.annotator, journal=(journal.id, seq))
cancelled = journal.append(Entry(article_id, claim, {"tag": "denied"}, None, "app-user", entry.at))
journal.cancel(cancelled)
os._exit(9)  # killed: the journal stays behind
"""


def _die_with_a_journal(store, article, apply: str):
    claim = article.claims[0]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", JOURNAL_THEN_DIE, str(store.folder), claim.id, article.id, apply], env=env)
    assert done.returncode == 9 and len(list((store.folder / PENDING).glob("*.jsonl"))) == 1
    return claim


def test_a_dead_app_s_journal_is_applied_by_the_next_newsreader(tmp_path):
    store, article = _seed_store(tmp_path, who="app-user")
    claim = _die_with_a_journal(store, article, apply="no")
    after = Store(store.folder, annotator="app-user").annotations(article.id)[claim.id]
    assert (after.tag, after.note) == ("stated", "from the app")  # the cancelled entry was not applied
    assert not list((store.folder / PENDING).glob("*.jsonl"))
    marks = [json.loads(p.read_bytes())["meta"]["1"].get("journals") for p in store.folder.glob("annotations-*.json")]
    assert not any(marks)


def test_an_entry_already_applied_is_never_applied_again(tmp_path):
    store, article = _seed_store(tmp_path, who="app-user")
    claim = _die_with_a_journal(store, article, apply="yes")  # applied, then killed before the journal went
    # Before anyone replays it, the user changes the tag in the same store from elsewhere.
    folder = store.folder
    data = json.loads((folder / f"annotations-{article.id[0]}.json").read_bytes())
    (row,) = data[f"a-{article.id}"].values()
    row["tag"] = "unknown"
    (folder / f"annotations-{article.id[0]}.json").write_text(json.dumps(data))
    assert Store(folder, annotator="app-user").annotations(article.id)[claim.id].tag == "unknown"
    assert not list((folder / PENDING).glob("*.jsonl"))


def test_the_journal_of_a_live_process_is_left_alone(tmp_path):
    store, article = _seed_store(tmp_path)
    journal = Journal(store.folder)
    journal.append(Entry(article.id, article.claims[0], {"tag": "stated"}, None, "alice", "t"))
    assert Store(store.folder, annotator="alice").annotations(article.id) == {}  # not ours to apply
    journal.close(keep=False)
    assert not list((store.folder / PENDING).glob("*.jsonl"))


def test_a_tag_makes_a_claim_marked_not_a_claim_a_claim_again():
    marked = _change(None, {"tag": "unknown", "not_a_claim": True}).after
    tagged = _change(marked, {"tag": "denied"}).after  # s/d/u, `newsreader tag`, an old journal entry
    assert (tagged.tag, tagged.not_a_claim) == ("denied", False)
    undone = _change(tagged, {"tag": "unknown", "not_a_claim": True}, expect={"tag": "denied", "not_a_claim": False})
    assert (undone.after.tag, undone.after.not_a_claim) == ("unknown", True)
    cleared = _change(marked, {"tag": None}).after  # x, `tag none`: untagged, a claim again
    assert cleared is None  # nothing left in it
    noted = _change(_change(marked, {"note": "n"}).after, {"tag": None}).after
    assert (noted.tag, noted.not_a_claim, noted.note) == (None, False, "n")
    assert _change(None, {"tag": "stated", "not_a_claim": True}).after.not_a_claim  # said outright
