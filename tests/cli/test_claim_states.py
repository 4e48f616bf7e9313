"""A claim marked not a claim has no tag state (reader/states.py), on the command line as in the
reader: `claims --tag` never lists it, and a tag given to it makes it a claim again."""

import json

import pytest

from helpers import SEED
from reader.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def marked(capsys, tmp_path):
    """A store with the seed, its fourth claim tagged stated and then marked not a claim."""
    store = str(tmp_path / "store")
    run(capsys, "--store", store, "ingest", str(SEED))
    claim = json.loads(run(capsys, "--store", store, "claims", "--json")[1])[3]
    run(capsys, "--store", store, "tag", claim["id"], "stated")
    run(capsys, "--store", store, "tag", claim["id"], "--not-a-claim")
    return store, claim


def test_claims_by_tag_leave_out_a_claim_marked_not_a_claim(capsys, marked):
    store, claim = marked
    for tag in ("stated", "denied", "unknown"):
        assert json.loads(run(capsys, "--store", store, "claims", "--tag", tag, "--json")[1]) == []
        assert claim["id"] not in run(capsys, "--store", store, "claims", "--tag", tag)[1]
    untagged = json.loads(run(capsys, "--store", store, "claims", "--untagged", "--json")[1])
    assert claim["id"] not in {c["id"] for c in untagged}  # it is done: judged not a claim


def test_a_tag_given_to_a_claim_marked_not_a_claim_makes_it_a_claim_again(capsys, marked):
    store, claim = marked
    code, out, _ = run(capsys, "--store", store, "tag", claim["id"], "denied")
    assert code == 0
    assert out.startswith(f"{claim['id']}  ✗ denied (a claim again: no longer marked not a claim)  — ")
    (row,) = json.loads(run(capsys, "--store", store, "claims", "--tag", "denied", "--json")[1])
    assert (row["id"], row["tag"], row["not_a_claim"]) == (claim["id"], "denied", False)
    _, out, _ = run(capsys, "--store", store, "tag", claim["id"], "unknown")  # a claim already: no remark
    assert "a claim again" not in out and "? unknown" in out


def test_tag_none_on_a_claim_marked_not_a_claim_leaves_an_untagged_claim(capsys, marked):
    store, claim = marked
    code, out, _ = run(capsys, "--store", store, "tag", claim["id"], "none")
    assert code == 0 and out.startswith(f"{claim['id']}  cleared (a claim again: no longer marked not a claim)  — ")
    (row,) = [c for c in json.loads(run(capsys, "--store", store, "claims", "--untagged", "--json")[1])
              if c["id"] == claim["id"]]
    assert (row["tag"], row["not_a_claim"]) == (None, False)
