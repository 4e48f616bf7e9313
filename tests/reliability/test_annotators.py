"""Several annotators on one store: every annotation belongs to its annotator, one annotator's
change never touches another's, and exports carry each."""

from __future__ import annotations

import json

import pytest

from helpers import SEED
from trials import annotation_rows, record, run_cli


@pytest.fixture
def claim(tmp_path):
    store = tmp_path / "store"
    assert run_cli("--store", str(store), "ingest", str(SEED)).returncode == 0
    claims = json.loads(run_cli("--store", str(store), "claims", "--json").stdout)
    return store, claims[3]["id"]


def test_two_annotators_tag_one_claim(claim):
    store, claim_id = claim
    s = str(store)
    assert run_cli("--store", s, "--annotator", "alice", "tag", claim_id, "denied", "--note", "alice disagrees").returncode == 0
    assert run_cli("--store", s, "--annotator", "bob", "tag", claim_id, "unknown").returncode == 0
    assert run_cli("--store", s, "--annotator", "bob", "tag", claim_id, "--speaker", "Bob's Speaker").returncode == 0
    rows = {r["annotator"]: r for r in annotation_rows(store) if r["claim_id"] == claim_id}
    kept = (set(rows) == {"alice", "bob"}
            and (rows["alice"]["tag"], rows["alice"]["note"], rows["alice"]["speaker"]) == ("denied", "alice disagrees", None)
            and (rows["bob"]["tag"], rows["bob"]["note"], rows["bob"]["speaker"]) == ("unknown", "", "Bob's Speaker"))
    record("annotators", "alice then bob tag one claim (CLI)", kept, 0 if kept else 1, json.dumps(rows)[:300])
    assert kept, rows


def test_each_annotator_sees_their_own_and_the_export_carries_each(claim):
    store, claim_id = claim
    s = str(store)
    run_cli("--store", s, "--annotator", "alice", "tag", claim_id, "denied", "--note", "alice disagrees")
    run_cli("--store", s, "--annotator", "bob", "tag", claim_id, "unknown")
    mine = {who: next(c for c in json.loads(run_cli("--store", s, "--annotator", who, "claims", "--json").stdout)
                      if c["id"] == claim_id)["tag"] for who in ("alice", "bob", "carol")}
    export = json.loads(run_cli("--store", s, "--annotator", "alice", "export").stdout)
    (c,) = [c for a in export["articles"] for c in a["claims"] if c["id"] == claim_id]
    ok = (mine == {"alice": "denied", "bob": "unknown", "carol": None}
          and c["annotation"]["annotator"] == "alice"
          and sorted((a["annotator"], a["tag"]) for a in c["annotations"]) == [("alice", "denied"), ("bob", "unknown")]
          and export["counts"]["annotations"] == 2 and export["annotators"] == ["alice", "bob"])
    record("annotators", "each sees their own; the export carries each", ok, 0 if ok else 1)
    assert ok, (mine, c)
