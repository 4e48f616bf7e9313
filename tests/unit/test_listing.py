"""The library's rows from the article database: every order and filter gives what the rules of
library.Row and Order say, a page at a time, reading only the pages drawn; the filter's words
are found through the full-text index (and no longer found once an article changed)."""

from __future__ import annotations

from datetime import date

import pytest

from helpers import SEED
from reader import lexicon
from reader import library as library_mod
from reader import listing as listing_mod
from reader.ingest import ingest
from reader.library import COLUMNS, Library, Order, Query, Row
from reader.model import Progress
from reader.query import QueryError

AUTHORS = ["ANNA EK", "ÉMILE ZOLA", "BOB STONE"]
TOPICS = ["grain", "gas", "Ülker"]


def _write(folder, n: int) -> None:
    """n articles: two in three in the outlet's layout (an outlet, an author, a date; the seed's
    text with another headline), the others plain text (none of these)."""
    folder.mkdir()
    seed = SEED.read_text()
    for i in range(n):
        title = f"Headline number {i:03d} about {TOPICS[i % 3]}"
        if i % 3 == 2:
            text = f"{title}\n\nThe minister said the talks on item{i} went well.\n"
        else:
            day = date(2025, 1 + i % 12, 1 + i % 28)
            stamp = f"{day:%A}, {day.day} {day:%B %Y}, {10 + i % 9}:{i % 60:02d}"
            text = (seed.replace("Putin's spokesperson says meeting with Trump is necessary", title)
                    .replace("STANISLAV POHORILOVMonday, 5 May 2025, 13:16", AUTHORS[i % 3] + stamp)
                    .replace("at this stage.", f"at this stage on item{i}."))
        (folder / f"{i:03d}.txt").write_text(text)


@pytest.fixture
def many(store, tmp_path):
    _write(tmp_path / "in", 2 * library_mod.Rows.size + 37)  # three pages, the last one part full
    ingest([str(tmp_path / "in"), str(SEED)], store, parallel=False)
    return store


@pytest.fixture(params=["small store", "big store"])
def worded(request, store, tmp_path, monkeypatch):
    """`many`, as a small store (prefixes expanded by FTS5's own list of words) and as a big one
    (by the lexicon: see reader/lexicon.py)."""
    if request.param == "big store":
        monkeypatch.setattr(lexicon, "FROM", 1)
    many = request.getfixturevalue("many")
    assert lexicon.complete(many.articles.db) == (request.param == "big store")
    return many


def _key(r: Row, column: str):
    """The order of each column as Row and Summary say it (library.Order)."""
    s = r.summary
    return {
        "date": (s.published or "")[:16],  # to the minute (then the order they came in)
        "outlet": ((s.outlet or "").casefold(), s.published or ""),
        "headline": (s.title.casefold(),),
        "author": ((s.author or "").casefold(), s.published or ""),
        "progress": (r.tagged / r.claims if r.claims else 1.0, r.claims),
        "read": (r.read, (s.published or "")[:16]),  # (to the minute, then the order they came in)
    }[column]


def _mine(store) -> tuple[dict, set]:
    ids = [s.id for s in store.summaries()]
    progress = {ids[i]: Progress(i % 3, i % 2) for i in range(0, len(ids), 5)}
    return progress, set(ids[::7])


@pytest.mark.parametrize("column", COLUMNS)
@pytest.mark.parametrize("reverse", [True, False])
@pytest.mark.parametrize("text", ["", "headline", "is:untagged", "is:untagged headline"])
def test_every_order_is_the_rows_own_order_page_by_page(many, column, reverse, text):
    library = Library(many.listing(), Order(column, reverse))
    progress, read = _mine(many)
    library.listing.set_mine(progress, read)
    library.query = Query.parse(text)
    library.refresh()
    rows = list(library.visible)
    every = [Row(s, tagged=progress.get(s.id, Progress()).done, added=progress.get(s.id, Progress()).added)
             for s in many.summaries()]
    expected = {r.id for r in every if ("headline" not in text or "Headline" in r.summary.title)
                and ("untagged" not in text or r.has_untagged)}
    assert {r.id for r in rows} == expected and len(rows) == len(expected) == len(library.visible)
    for r in rows:  # your marks are beside every row
        assert (r.tagged, r.added, r.read) == (*progress.get(r.id, Progress()), r.id in read)
    keys = [_key(r, column) for r in rows]
    assert keys == sorted(keys, reverse=reverse)
    assert len(set(keys)) > 3  # (an order to check)
    got = [r.id for r in rows]
    for i in (0, 57, library_mod.Rows.size, len(got) - 1):  # the cursor finds its article again
        assert library.index_of(got[i]) == i
    if column in listing_mod.SPLITS:  # (an order served by segments: every row's place, and a page anywhere)
        assert [library.index_of(g) for g in got] == list(range(len(got)))
        assert [s.id for s, *_ in library.listing.page(library.query, library.order, 93, 50)] == got[93:143]


def test_untagged_only_is_the_rows_own_rule(many):
    library = Library(many.listing())
    ids = [s.id for s in many.summaries()]
    claims = {s.id: s.claims for s in many.summaries()}
    progress = {aid: Progress(claims[aid], 0) for aid in ids[:40]}  # done
    progress[ids[1]] = Progress(claims[ids[1]], 1)  # a claim you added is left
    progress[ids[2]] = Progress(max(claims[ids[2]] - 1, 0), 0)
    library.listing.set_mine(progress, set())
    library.query = Query.parse("is:untagged")
    library.refresh()
    kept = {r.id for r in library.visible}
    rows = [Row(s, tagged=progress.get(s.id, Progress()).done, added=progress.get(s.id, Progress()).added)
            for s in many.summaries()]
    assert kept == {r.id for r in rows if r.has_untagged}
    assert ids[1] in kept and ids[0] not in kept


def test_only_the_pages_drawn_are_read(many, monkeypatch):
    library = Library(many.listing())
    library.refresh()
    read = []
    page = library.listing.page
    monkeypatch.setattr(library.listing, "page", lambda *a, **k: read.append(a[2]) or page(*a, **k))
    library.visible[0], library.visible[5], library.visible[len(library.visible) - 1]
    assert read == [0, 2 * library_mod.Rows.size]


def test_words_are_found_in_the_headline_the_people_and_the_body(worded):
    library = Library(worded.listing())
    found = {}
    for text in ["item17", "ukrai", "peskov", "ulker", "speaker:peskov", "speaker:\"dmitry pes\"", "minister item17",
                 "headline gas", "zzzz", "is", "-"]:
        library.query = Query.parse(text)
        library.refresh()
        found[text] = {r.summary.title for r in library.visible}
    # A body word, or a word that starts so (as you type it)
    assert {t.split()[2] for t in found["item17"]} == {"017", *(f"{n}" for n in range(170, 180))}
    assert {t.split()[2] for t in found["minister item17"]} == {"017", "170", "173", "176", "179"}  # every word
    assert len(found["ukrai"]) == len(found["peskov"]) == len(found["speaker:peskov"]) == 1 + 158  # the seed and its copies
    assert found["speaker:\"dmitry pes\""] == found["peskov"]  # a speaker's name, from its start
    assert len(found["ulker"]) == 79  # the headline's word, without its accent
    assert len(found["headline gas"]) == 79
    assert found["zzzz"] == set() and len(found["is"]) == 1 + 158
    assert len(found["-"]) == library.total  # no word at all: everything


def test_a_changed_article_is_found_by_its_new_words_only(store, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Grain deal\n\nThe minister said the grain deal was over.\n")
    ingest([str(path)], store, parallel=False)
    path.write_text("Grain deal\n\nThe minister said the corridor was open.\n")
    ingest([str(path)], store, parallel=False)
    library = Library(store.listing())
    for text, count in (("over", 0), ("corridor", 1), ("grain", 1)):
        library.query = Query.parse(text)
        library.refresh()
        assert len(library.visible) == count, text


def test_next_untagged_follows_the_order_and_goes_round(many):
    library = Library(many.listing(), Order("headline", False))
    ids = [s.id for s in sorted(many.summaries(), key=lambda s: s.title.casefold())]
    claims = {s.id: s.claims for s in many.summaries()}
    library.listing.set_mine({aid: Progress(claims[aid], 0) for aid in ids[1:4]}, set())
    library.refresh()
    assert library.next_untagged(None) == ids[0]
    assert library.next_untagged(ids[0]) == ids[4]  # the done ones skipped
    assert library.next_untagged(ids[2]) == ids[4]  # from a done one too
    assert library.next_untagged(ids[-1]) == ids[0]  # round to the top


def test_a_prefix_is_asked_for_as_the_words_it_stands_for(worded, monkeypatch):
    """A word being typed stands for the indexed words it starts (read once per change of the
    store): the same articles as the index's own prefix search, which reads them all first."""
    from reader import listing as listing_mod

    library = Library(worded.listing())
    by_words = {}
    for text in ("headl", "ülk", "pesk kreml", "item17"):
        library.query = Query.parse(text)
        library.refresh()
        by_words[text] = [r.id for r in library.visible]
    assert library.listing._starting("headl") == ["headline"]
    monkeypatch.setattr(listing_mod, "MAX_WORDS", 0)  # every prefix left to the index
    library.listing._known.clear()
    for text, ids in by_words.items():
        library.query = Query.parse(text)
        library.refresh()
        assert [r.id for r in library.visible] == ids and ids, text


def test_a_filter_shows_its_first_page_before_its_rows_are_counted(many):
    library = Library(many.listing())
    library.query = Query.parse("headline")  # every article but the seed
    library.refresh(count_later=True)
    rows = library.visible
    assert (len(rows), rows.counted) == (library_mod.Rows.size, False)  # the first page, and no more yet
    counted_at_once = library_mod.Rows(many.listing(), library.query, library.order)
    assert [r.id for r in rows] == [r.id for r in counted_at_once[:library_mod.Rows.size]]
    assert rows.count() and rows.counted and len(rows) == 2 * library_mod.Rows.size + 37
    assert rows[-1].summary.title == "Headline number 002 about Ülker"  # the oldest: read from the far end
    library.query = Query.parse("item5")  # item5, item50 to item59...: fewer than a page, counted by the page itself
    library.refresh(count_later=True)
    assert library.visible.counted and len(library.visible) == many.listing().count(library.query) == 11


def test_a_count_stops_when_a_newer_one_is_asked_for(many, monkeypatch):
    """Filtering as one types: the count of what was typed before gives way to the newest at
    once (a count on the thread of the pages, not stoppable, never stops)."""
    from reader import listing as listing_mod

    monkeypatch.setattr(listing_mod, "STEPS", 10)
    stale = listing_mod.Listing._stale

    def newer_asked(self):  # as if another thread asked for a count at this moment
        self._last_ticket = -1
        return stale(self)

    monkeypatch.setattr(listing_mod.Listing, "_stale", newer_asked)
    listing = many.listing()
    query = Query.parse("headline")
    assert listing.count(query, stoppable=True) is None
    assert listing.count(query) == 2 * library_mod.Rows.size + 37


def test_untagged_only_leaves_out_articles_without_statements(store, tmp_path):
    """An article with nothing to tag has no untagged claim: not counted, not listed, with words
    or without (it was counted, and listed when words were typed)."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "calm.txt").write_text("Grain news\n\nThe harvest was large this year and prices fell.\n")
    ingest([str(tmp_path / "in"), str(SEED)], store, parallel=False)
    assert sorted(s.claims for s in store.summaries())[0] == 0
    library = Library(store.listing())
    for text in ("is:untagged", "is:untagged the", "is:untagged grain"):
        library.query = Query.parse(text)
        library.refresh()
        titles = [r.summary.title for r in library.visible]
        assert "Grain news" not in titles and len(library.visible) == len(titles) == (0 if "grain" in text else 1), text


LIBRARY_QUERIES = {
    "outlet:pravda": lambda s, a: "pravda" in (s.outlet or "").lower(),
    "-outlet:pravda": lambda s, a: "pravda" not in (s.outlet or "").lower(),
    "author:zola": lambda s, a: "zola" in (s.author or "").lower(),
    "after:2025-06-01": lambda s, a: bool(s.published) and s.published[:10] >= "2025-06-01",
    "before:2025-06-01": lambda s, a: bool(s.published) and s.published[:10] < "2025-06-01",
    "kind:quote": lambda s, a: any(c.kind == "quote" for c in a.claims),
    "-kind:quote": lambda s, a: not any(c.kind == "quote" for c in a.claims),
    "conf:<0.6": lambda s, a: any(c.confidence < 0.6 for c in a.claims),
    # (each part a question of its own: a claim above, a claim below, maybe not the same one)
    "conf:>0.9 -conf:<0.6": lambda s, a: (any(c.confidence > 0.9 for c in a.claims)
                                          and not any(c.confidence < 0.6 for c in a.claims)),
    "role:spokes": lambda s, a: any("spokes" in (c.role or "").lower() for c in a.claims),
    "role:\"secretary of state\"": lambda s, a: any("secretary of state" in (c.role or "").lower() for c in a.claims),
    "grain OR gas": lambda s, a: "grain" in s.title or "gas" in s.title,
    "(grain OR ulker) -speaker:peskov": lambda s, a: ("grain" in s.title or "Ülker" in s.title) and "Dmitry Peskov" not in s.speakers,
    '"the talks"': lambda s, a: "the talks" in a.body,
    "minister is:untagged outlet:pravda": lambda s, a: False,
}


@pytest.mark.parametrize("text", LIBRARY_QUERIES)
def test_every_part_of_the_query_language_asks_its_question_of_an_article(many, text):
    library = Library(many.listing())
    library.query = Query.parse(text)
    library.refresh()
    want = {s.id for s in many.summaries() if LIBRARY_QUERIES[text](s, many.article(s.id))}
    got = [r.id for r in library.visible]
    assert set(got) == want and len(got) == len(library.visible)
    assert 0 < len(want) < library.total or text.startswith("minister")
    for i in (0, len(got) - 1) if got else ():  # the cursor finds its article again
        assert library.index_of(got[i]) == i


@pytest.mark.parametrize(("text", "column", "says"), [
    ("tag:stated", 0, "tag: asks about annotations of claims: the claims view (c) answers it"),
    ("grain annotator:me", 6, "annotator: asks about annotations"),
    ("gas -is:doubtful", 5, "is:doubtful asks about annotations"),
    ('speaker:"pes', 8, "a quoted value is not closed"),
])
def test_what_only_the_claims_view_answers_is_said_at_its_column(text, column, says):
    with pytest.raises(QueryError) as caught:
        Query.parse(text)
    assert caught.value.column == column and says in caught.value.message
