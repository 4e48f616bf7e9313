"""Annotations whose claim vanished when the article's file changed: kept, marked, never counted
in progress, and re-attached or discarded by their own annotator only."""

import pytest

from helpers import SEED, fixed_clock
from reader.ingest import ingest
from reader.model import orphans
from reader.storage import StoreError
from reader.store import Store

DROPPED = 'Trump added: "I’ll have to think about it. I haven’t thought about it yet."\n'


@pytest.fixture
def changed(tmp_path):
    """A store where you and another annotator tagged a quote that the outlet then removed."""
    path = tmp_path / "article.txt"
    path.write_text(SEED.read_text())
    mine = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    theirs = Store(tmp_path / "store", annotator="them", clock=fixed_clock)
    ingest([str(path)], mine)
    (summary,) = mine.summaries()
    article = mine.article(summary.id)
    kept = next(c for c in article.claims if c.text == "I don’t know")
    gone = next(c for c in article.claims if c.text.startswith("I’ll have to think"))
    mine.annotate(article.id, kept, tag="stated")
    mine.annotate(article.id, gone, tag="unknown", note="asked twice")
    theirs.annotate(article.id, gone, tag="denied")
    path.write_text(SEED.read_text().replace(DROPPED, ""))
    report = ingest([str(path)], mine)
    assert report.orphaned == 2
    return mine, theirs, mine.article(article.id), gone, path


def test_an_orphan_is_marked_and_not_counted_in_progress(changed):
    mine, theirs, article, gone, _ = changed
    assert mine.progress() == {article.id: (1, 0)}  # "I don't know" only, not 2 of N
    (orphan,) = orphans(article.claims, mine.annotations(article.id))
    assert orphan.claim_id == gone.id and orphan.orphaned and orphan.note == "asked twice"
    assert theirs.progress().get(article.id, (0, 0)).done == 0


def test_reattaching_an_orphan_moves_only_your_annotation(changed):
    mine, theirs, article, gone, _ = changed
    target = next(c for c in article.claims if c.id not in mine.annotations(article.id))
    moved = mine.reattach(article.id, gone.id, target)
    assert (moved.claim_id, moved.tag, moved.note, moved.orphaned) == (target.id, "unknown", "asked twice", False)
    assert moved.text == target.text
    assert mine.progress()[article.id].done == 2
    assert orphans(article.claims, mine.annotations(article.id)) == []
    (their_orphan,) = orphans(article.claims, theirs.annotations(article.id))
    assert their_orphan.tag == "denied" and their_orphan.orphaned


def test_reattaching_onto_a_claim_you_annotated_changes_nothing(changed):
    mine, _, article, gone, _ = changed
    annotated = next(c for c in article.claims if c.text == "I don’t know")
    with pytest.raises(StoreError, match="annotated that claim already"):
        mine.reattach(article.id, gone.id, annotated)
    assert mine.annotations(article.id)[gone.id].orphaned


def test_discarding_an_orphan_leaves_the_other_annotators(changed):
    mine, theirs, article, gone, _ = changed
    assert mine.discard(article.id, gone.id)
    assert gone.id not in mine.annotations(article.id)
    assert theirs.annotations(article.id)[gone.id].tag == "denied"
    assert not mine.discard(article.id, gone.id)


def test_an_orphan_whose_claim_comes_back_counts_again(changed):
    mine, theirs, article, gone, path = changed
    path.write_text(SEED.read_text())
    ingest([str(path)], mine)
    assert not mine.annotations(article.id)[gone.id].orphaned
    assert mine.progress()[article.id].done == 2 and theirs.progress()[article.id].done == 1
