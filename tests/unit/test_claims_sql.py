"""The claims view's database answers (claims_sql, claim_listing, claim_pages) held to the core's
(query.matches over claims_view.rows_of): the same claims for every operator, in the column's
order, with your tags, others' annotations, your reshaped articles and your speaker merges."""

import itertools

import pytest
from annotated import annotated_store

from helpers import FIXTURES, SEED, fixed_clock
from reader.claim_listing import listing_of
from reader.claim_pages import ClaimPages
from reader.claims_db import TEXT_KEY
from reader.claims_view import ORDER, chosen, rows_of
from reader.ingest import ingest
from reader.paged import PAGE
from reader.query import parse
from reader.roster import names_of
from reader.store import Store

QUERIES = [
    "", "trump", "said", "meeting putin", '"no specifics"', "-trump", "speaker:peskov", 'speaker:"Dmitry Peskov"', "speaker:trump",
    "role:spokesman", "kind:quote", "kind:reported", "kind:source", "tag:stated", "tag:denied", "tag:none",
    "tag:unknown", "is:untagged", "is:tagged", "is:doubtful", "conf:<0.6", "conf:>=0.8", "conf:=1",
    "outlet:pravda", "outlet:ukrainska", "author:shevchuk", "after:2025-05-01", "before:2025-05-01",
    "annotator:them", "annotator:ME", "-annotator:them", "trump OR meeting", "not -meeting", "(kind:quote OR kind:source) -tag:none",
    "speaker:ushakov", "-speaker:peskov is:doubtful", "zzzz",
]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    return annotated_store(tmp_path_factory.mktemp("sql"))


def _keys(rows):
    return [r.key for r in rows]


@pytest.mark.parametrize("text", QUERIES)
def test_the_database_keeps_the_claims_the_core_keeps(store, text):
    listing, tree = listing_of(store), parse(text)
    asked = listing.ask(tree)
    pages = ClaimPages(asked, ("date", True))
    want = chosen(rows_of(store), tree, names=names_of(store))
    assert sorted(_keys(pages)) == sorted(_keys(want))
    assert len(pages) == len(want) and listing.total() == len(rows_of(store))
    later = ClaimPages(asked, ("date", True), count_later=True)  # (counted on a thread once the first page shows)
    assert len(later) == min(len(want), PAGE) and later.counted == (len(want) < PAGE)
    assert later.count() and len(later) == len(want) and _keys(later) == _keys(pages)
    got = {r.key: r for r in pages}
    for r in want:  # each as you see it: your annotation, who annotated it, its text
        g = got[r.key]
        assert (g.note.to_dict() if g.note else None) == (r.note.to_dict() if r.note else None)
        assert g.annotators == r.annotators and g.claim.text == r.claim.text and g.index == r.index


def test_the_queries_asked_here_find_something_and_leave_something_out(store):
    sizes = {}
    for text in QUERIES:
        listing = listing_of(store)
        asked = listing.ask(parse(text))
        sizes[text] = len(ClaimPages(asked, ("date", True)))
    total = sizes[""]
    missing = [t for t, n in sizes.items() if t and t != "zzzz" and not 0 < n < total]
    assert not missing and sizes["zzzz"] == 0
    assert sizes['speaker:"Dmitry Peskov"'] > sizes["speaker:ushakov"] > 0  # the merge by hand counts


def _monotonic(values, reverse):
    return all((a >= b) if reverse else (a <= b) for a, b in itertools.pairwise(values))


SORT_KEYS = {
    "date": lambda r: r.article.doc.published.replace(second=0, microsecond=0) if r.article.doc.published else None,
    "outlet": lambda r: (r.article.doc.outlet or "").casefold(),
    "speaker": lambda r: " ".join(((r.note and r.note.speaker) or r.claim.speaker or "").split()).casefold(),
    "kind": lambda r: r.claim.kind,
    "claim": lambda r: r.claim.text[:TEXT_KEY].casefold(),
    "tag": lambda r: (r.note.tag if r.note and r.note.tag else "not_a_claim" if r.note and r.note.not_a_claim
                      else "untagged"),
    "conf": lambda r: r.claim.confidence,
}


@pytest.mark.parametrize("order", ORDER)
@pytest.mark.parametrize("reverse", [True, False])
def test_every_column_sorts_the_rows_both_ways(store, order, reverse):
    listing = listing_of(store)
    asked = listing.ask(parse(""))
    pages = ClaimPages(asked, (order, reverse))
    rows = list(pages)
    assert len(rows) == len(rows_of(store)) and len(set(_keys(rows))) == len(rows)
    values = [SORT_KEYS[order](r) for r in rows]
    if order == "date":
        values = [v for v in values if v is not None]
    assert _monotonic(values, reverse)


@pytest.mark.parametrize("order", ["date", "tag", "speaker"])
@pytest.mark.parametrize("marked", [False, True])
def test_pages_read_on_from_the_one_before_or_from_the_far_end_are_the_same_rows(store, order, marked, monkeypatch):
    monkeypatch.setattr(ClaimPages, "size", 7)
    monkeypatch.setattr("reader.claim_pages.STEP", 11)  # (a milestone every 11 rows, when marked)
    listing = listing_of(store)
    asked = listing.ask(parse(""))
    forwards = list(ClaimPages(asked, (order, True)))
    jumping = ClaimPages(asked, (order, True))
    if marked:
        jumping.mark()
        assert jumping._marks and all(len(jumping._marks[s]) == n // 11
                                      for s, n in zip(jumping.segments, jumping.counts, strict=True) if n > 11)
    backwards = [jumping[i] for i in reversed(range(len(jumping)))][::-1]  # (each page from an offset or a milestone)
    assert _keys(forwards) == _keys(backwards)


def test_a_claim_is_found_where_it_is_and_the_next_untagged_follows_it(store):
    listing = listing_of(store)
    asked = listing.ask(parse("kind:quote"))
    for order in ("date", "tag", "conf"):
        pages = ClaimPages(asked, (order, True))
        rows = list(pages)
        for i in (0, len(rows) // 2, len(rows) - 1):
            assert pages.position(*rows[i].key) == i
        untagged = [i for i, r in enumerate(rows) if not (r.note and (r.note.tag or r.note.not_a_claim))]
        assert pages.next_untagged(untagged[0]) == untagged[1]
        assert pages.next_untagged(untagged[-1]) == untagged[0]  # round to the top
    left_out = next(r for r in rows_of(store) if r.claim.kind != "quote")
    assert ClaimPages(asked, ("date", True)).position(*left_out.key) is None


def test_a_tag_given_in_the_view_is_in_its_rows_at_once(store, tmp_path):
    listing = listing_of(store)
    asked = listing.ask(parse("tag:denied"))
    before = len(ClaimPages(asked, ("date", True)))
    row = next(r for r in ClaimPages(asked, ("date", True)))
    asked = listing.ask(parse("is:untagged"))
    untagged = list(ClaimPages(asked, ("date", True)))
    target = untagged[3]
    from reader.model import Annotation

    target.note = Annotation(target.claim.id, target.article.id, target.claim.text, target.claim.start,
                             target.claim.end, tag="denied", annotator="me")
    listing.noted(target)
    asked = listing.ask(parse("tag:denied"))
    assert len(ClaimPages(asked, ("date", True))) == before + 1 and row is not None


def test_a_changed_article_is_found_by_its_claims_new_words_only(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text('Grain deal\n\nThe minister said: "The grain deal is over for this year."\n')
    me = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(path)], me, parallel=False)
    path.write_text('Grain deal\n\nThe minister said: "The sea corridor is open for this year."\n')
    ingest([str(path)], me, parallel=False)
    found = {}
    for text in ("over", "corridor", '"this year"'):
        listing = listing_of(me)
        asked = listing.ask(parse(text))
        found[text] = [r.claim.text for r in ClaimPages(asked, ("date", True))]
    assert found["over"] == [] and found["corridor"] == found['"this year"'] == ["The sea corridor is open for this year."]


def test_one_articles_annotations_laid_over_again_are_what_a_fresh_view_shows(store):
    from reader.claim_listing import article_overlay

    listing = listing_of(store)
    rows = list(ClaimPages(listing.ask(parse("")), ("date", True)))
    reshaped = next(r for r in rows_of(store) if r.claim.rule == "added").article.id
    plain = next(r for r in rows if r.article.id != reshaped and not r.note)
    inside = next(r for r in rows_of(store) if r.article.id == reshaped and r.claim.rule != "added")
    before = inside.note.to_dict() if inside.note else None
    for target in (plain, inside):
        store.annotate(target.article.id, target.claim, tag="unknown", note="seen in the reader")
        listing.refresh(target.article.id, *article_overlay(store, target.article.id))
    for text in ("", "tag:unknown", "annotator:me", "is:untagged"):
        again = {r.key: (r.note.to_dict() if r.note else None, r.annotators)
                 for r in ClaimPages(listing.ask(parse(text)), ("date", True))}
        fresh = {r.key: (r.note.to_dict() if r.note else None, r.annotators)
                 for r in ClaimPages(listing_of(store).ask(parse(text)), ("date", True))}
        assert again == fresh, text
    store.annotate(plain.article.id, plain.claim, tag=None, note="")  # (as they were: the module shares the store)
    store.annotate(inside.article.id, inside.claim, tag=before["tag"] if before else None,
                   note=before["note"] if before else "")


def test_the_quick_listing_shows_by_date_what_the_full_one_shows(store):
    from reader.claim_listing import quick_listing

    quick, full = quick_listing(store), listing_of(store)
    assert not quick.ready and full.ready
    shaped = {r.article.id for r in full.ask(parse("")).extra_rows}
    seen = [(r.key, r.note.to_dict() if r.note else None, r.annotators)
            for r in ClaimPages(quick.ask(parse("")), ("date", True)) if r.article.id not in shaped]
    want = [(r.key, r.note.to_dict() if r.note else None, r.annotators)
            for r in ClaimPages(full.ask(parse("")), ("date", True)) if r.article.id not in shaped]
    assert seen == want and any(note for _, note, _ in seen) and any(len(who) > 1 for *_, who in seen)


@pytest.mark.parametrize("text", ["said", "trump OR meeting", "meeting putin", '"no specifics"', "not -meeting",
                                  "said kind:quote"])
def test_common_words_read_in_order_give_the_same_pages_as_words_looked_up(store, text, monkeypatch):
    pages = {}
    for common in (0, 10 ** 12):  # (every word common; none)
        monkeypatch.setattr("reader.claim_lookup.COMMON", common)
        listing = listing_of(store)
        pages[common] = [r.key for r in ClaimPages(listing.ask(parse(text)), ("date", True))]
    assert pages[0] == pages[10 ** 12] and pages[0]


def test_a_read_only_store_of_the_release_before_has_its_claims_view_too(tmp_path, monkeypatch):
    import shutil
    import sqlite3

    folder = tmp_path / "store"
    me = Store(folder, annotator="me", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "up")], me)
    want = sorted(_keys(rows_of(me)))
    me.articles.close()  # (its write-ahead log folded into the file)
    db = sqlite3.connect(folder / "articles.db")  # as the release before wrote it
    for table in ("claim_words", "speaker_words", "speakers", "claims"):
        db.execute(f"DROP TABLE {table}")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    kept = tmp_path / "read-only copy"
    shutil.copytree(folder, kept)
    monkeypatch.setattr("reader.store.os.access", lambda path, mode: False)
    old = Store(kept, annotator="me")
    from reader.library import Library, Query

    library = Library(old.listing())  # (its filter asks of the claims too)
    library.query = Query.parse("kind:quote")
    library.refresh()
    assert {r.id for r in library.visible} == {r.article.id for r in rows_of(old) if r.claim.kind == "quote"}
    assert sorted(_keys(ClaimPages(listing_of(old).ask(parse("")), ("date", True)))) == want
    assert len(ClaimPages(listing_of(old).ask(parse("speaker:peskov")), ("date", True))) > 0


def test_a_row_found_for_an_undo_leaves_the_views_query_as_it_was(store):
    listing = listing_of(store)
    asked = listing.ask(parse(""))
    shaped = listing.shaped_rows()
    assert shaped and asked.extra_rows  # (a reshaped article's claim is in this view)
    rows = [r.key for r in ClaimPages(asked, ("date", True))]
    for r in rows_of(store)[:3] + shaped[:2]:  # (an undo of several changes made under other queries)
        assert listing.row_of(*r.key).key == r.key
    assert [r.key for r in ClaimPages(asked, ("date", True))] == rows
