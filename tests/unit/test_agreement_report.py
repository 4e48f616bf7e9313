"""`newsreader agree` over a store: two annotators tag the seed and a folder of BBC-style
articles differently, and the figures are the reference implementation's on the same tags."""

import random
from pathlib import Path

import krippendorff
import numpy as np
import pytest

from helpers import FIXTURES, SEED, fixed_clock
from reader.agreement_report import report
from reader.ingest import ingest
from reader.store import Store


@pytest.fixture
def two_annotators(tmp_path):
    """alice and bob tag every claim of the seed and of the plain fixtures; bob agrees with alice
    on most, differs on some, marks two as not claims and leaves some untagged."""
    alice = Store(tmp_path / "store", annotator="alice", clock=fixed_clock)
    bob = Store(tmp_path / "store", annotator="bob", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "plain")], alice)
    rng = random.Random(7)
    tags = ("stated", "denied", "unknown")
    said = {}
    for s in alice.summaries():
        article = alice.article(s.id)
        for n, c in enumerate(article.claims):
            a = rng.choice(tags)
            alice.annotate(article.id, c, tag=a, note="checked" if n % 5 == 0 else "")
            roll = rng.random()
            if roll < 0.1:
                continue  # bob did not get to it
            if roll < 0.15 and len([v for v in said.values() if v[1] == "not"]) < 2:
                bob.annotate(article.id, c, not_a_claim=True)
                said[article.id, c.id] = (a, "not")
                continue
            b = a if roll < 0.75 else rng.choice(tags)
            bob.annotate(article.id, c, tag=b)
            said[article.id, c.id] = (a, b)
    return alice, said


def test_alpha_and_kappa_are_the_reference_implementations(two_annotators):
    store, said = two_annotators
    r = report(store)
    tagged = [(a, b) for a, b in said.values() if b != "not"]
    codes = {"stated": 1, "denied": 2, "unknown": 3}
    data = np.array([[codes[a] for a, _ in tagged], [codes[b] for _, b in tagged]], dtype=float)
    expected = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    tag = r.questions["tag"]
    assert tag.alpha.items == len(tagged) > 20
    assert tag.alpha.value == pytest.approx(expected, abs=1e-9)
    (pair,) = tag.pairs
    assert (pair.a, pair.b, pair.kappa.items) == ("alice", "bob", len(tagged))
    assert sum(pair.confusion.values()) == len(tagged)
    assert pair.confusion.get("stated/stated", 0) == sum(1 for a, b in tagged if a == b == "stated")
    assert "claim" in r.questions and r.questions["claim"].alpha.items == len(said)


def test_disagreements_list_each_annotators_tag_and_note(two_annotators):
    store, said = two_annotators
    r = report(store)
    differ = {(aid, cid) for (aid, cid), (a, b) in said.items() if a != b}
    assert {(d["article"], d["claim"]) for d in r.disagreements} == differ
    d = r.disagreements[0]
    assert set(d["annotations"]) == {"alice", "bob"} and {"tag", "note", "not_a_claim"} <= set(d["annotations"]["alice"])


def test_figures_by_article_speaker_and_outlet_rest_on_their_claims(two_annotators):
    store, said = two_annotators
    r = report(store)
    tagged = sum(1 for _, b in said.values() if b != "not")
    for by in ("article", "speaker", "outlet"):
        assert sum(g.alpha.items for g in r.by[by]) == tagged
        assert sum(k.items for g in r.by[by] for _, _, k in g.kappas) == tagged  # (two annotators: one pair)
    assert any(g.label == "Ukrainska Pravda" for g in r.by["outlet"])


def test_one_annotator_is_no_agreement(tmp_path):
    store = Store(tmp_path / "store", annotator="alice", clock=fixed_clock)
    ingest([str(SEED)], store)
    article = store.article(store.summaries()[0].id)
    store.annotate(article.id, article.claims[0], tag="stated")
    r = report(store)
    assert r.units == 0 and r.questions["tag"].alpha.value is None and r.disagreements == []


def test_a_settled_final_is_no_annotator_and_is_reported_with_its_disagreement(two_annotators, tmp_path):
    store, said = two_annotators
    (aid, cid), _ = next(((k, v) for k, v in said.items() if v[0] != v[1] and v[1] != "not"))
    claim = next(c for c in store.article(aid).claims if c.id == cid)
    before = report(store)
    Store(store.folder, annotator="carol", clock=fixed_clock).settle(aid, claim, {"tag": "unknown"})
    after = report(store)
    assert after.annotators == ["alice", "bob"] and after.questions["tag"].alpha == before.questions["tag"].alpha
    settled = next(d for d in after.disagreements if d["claim"] == cid)
    assert settled["final"] == {"tag": "unknown", "not_a_claim": False, "settled_by": "carol"}
    from reader.agreement_text import agreement_text

    assert "→ final: unknown (settled by carol)" in agreement_text(after)


BBC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc"


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not on this machine")
def test_two_annotators_on_a_bbc_folder_match_the_reference(tmp_path):
    folder = sorted(p for p in BBC.iterdir() if p.is_dir())[0]
    files = sorted(folder.glob("*.txt"))[:25]
    alice = Store(tmp_path / "store", annotator="alice", clock=fixed_clock)
    bob = Store(tmp_path / "store", annotator="bob", clock=fixed_clock)
    ingest([str(f) for f in files], alice)
    rng, tags, pairs = random.Random(11), ("stated", "denied", "unknown"), []
    for s in alice.summaries():
        for c in alice.article(s.id).claims[:4]:
            a = rng.choice(tags)
            b = a if rng.random() < 0.7 else rng.choice(tags)
            alice.annotate(s.id, c, tag=a)
            bob.annotate(s.id, c, tag=b)
            pairs.append((a, b))
    codes = {t: n for n, t in enumerate(tags, start=1)}
    data = np.array([[codes[a] for a, _ in pairs], [codes[b] for _, b in pairs]], dtype=float)
    tag = report(alice).questions["tag"]
    assert tag.alpha.items == len(pairs) > 40
    assert tag.alpha.value == pytest.approx(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def test_a_final_settled_meanwhile_by_someone_else_is_never_overwritten_unseen(two_annotators):
    store, said = two_annotators
    (aid, cid), _ = next(((k, v) for k, v in said.items() if v[0] != v[1] and v[1] != "not"))
    claim = next(c for c in store.article(aid).claims if c.id == cid)
    Store(store.folder, annotator="carol", clock=fixed_clock).settle(aid, claim, {"tag": "stated"})
    dave = Store(store.folder, annotator="dave", clock=fixed_clock)
    dave.settle(aid, claim, {"tag": "denied"}, expect={"tag": None, "settled_by": None})  # he saw it unsettled
    (final,) = [a for a in dave.everyone(aid) if a.claim_id == cid and a.settled_by]
    assert (final.tag, final.settled_by) == ("stated", "carol")
    dave.settle(aid, claim, {"tag": "denied"}, expect={"tag": "stated", "settled_by": "carol"})  # seen: his call
    (final,) = [a for a in dave.everyone(aid) if a.claim_id == cid and a.settled_by]
    assert (final.tag, final.settled_by) == ("denied", "dave")
