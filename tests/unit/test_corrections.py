"""The user's corrections of the extractor: a claim it missed, added by hand, and where a claim
starts and ends. Kept in the user's annotations, counted, exported, and following the text when
the article's file changes."""

import pytest

from helpers import SEED, fixed_clock
from reader import export
from reader.changes import normalised
from reader.corrections import as_seen, locate, new_claim, span_change
from reader.ingest import ingest
from reader.journal import Entry
from reader.storage import StoreError
from reader.store import Store

MISSED = "planning a trip to the region from 13 to 16 May"
SHORT = "there are no specifics yet"


def _seed_store(tmp_path):
    """The seed in a file of its own, ingested into a fresh store: (file, store, article)."""
    path = tmp_path / "article.txt"
    path.write_text(SEED.read_text())
    store = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(path)], store)
    (summary,) = store.summaries()
    return path, store, store.article(summary.id)


@pytest.fixture
def corrected(tmp_path):
    """The seed, with a claim you added and a quote whose extent you corrected."""
    path, store, article = _seed_store(tmp_path)
    start = article.body.index(MISSED)
    added = new_claim(article, "me", start, start + len(MISSED))
    store.change(article.id, added, {"added": added.kind, "speaker": "Donald Trump", "tag": "stated"})
    quote = next(c for c in article.claims if c.text == SHORT)
    wider = (quote.start - 1, quote.end + 1)  # with its quote marks
    store.change(article.id, quote, {"span": span_change(quote, article.body, *wider)})
    return store, path, article, added, quote


def test_locate_finds_typed_words_nearest_the_current_claim():
    body = "He said no.  Then he said\nno again. She said no."
    assert locate(body, "HE SAID") is None  # case counts: the words as in the text
    assert locate(body, "he said no again") == (18, 34)  # a line break matches a space
    assert locate(body, "said no", near=40) == (40, 47)  # the occurrence nearest the claim
    assert locate(body, "Then … again.") == (13, 35)  # first words … last words
    assert locate(body, "Then ... She") == (13, 39)
    assert locate(body, "absent words") is None and locate(body, " … ") is None


def test_an_added_claim_is_seen_counted_and_tagged_like_any(corrected):
    store, _, article, added, _ = corrected
    notes = store.annotations(article.id)
    seen = {c.id: c for c in as_seen(article, notes).claims}
    assert seen[added.id].text == MISSED and seen[added.id].rule == "added"
    assert store.progress()[article.id] == (1, 1)  # one done, of the article's statements and one more
    _, claim = store.find_claim(added.id[:10])  # the CLI's tag and note reach it
    assert claim.text == MISSED


def test_a_corrected_span_is_what_the_reader_shows(corrected):
    store, _, article, _, quote = corrected
    seen = next(c for c in as_seen(article, store.annotations(article.id)).claims if c.id == quote.id)
    assert seen.text == f'"{SHORT}"' and article.body[seen.start:seen.end] == seen.text
    assert quote.text == SHORT  # the article keeps what the extractor found


def test_corrections_are_exported(corrected):
    store, _, _, added, quote = corrected
    (entry,) = export.build(store, clock=fixed_clock)["articles"]
    by_id = {c["id"]: c for c in entry["claims"]}
    assert by_id[added.id]["added_by"] == "me" and by_id[added.id]["text"] == MISSED
    assert by_id[added.id]["annotation"]["speaker"] == "Donald Trump"
    assert by_id[quote.id]["annotation"]["span"]["text"] == f'"{SHORT}"'
    assert by_id[quote.id]["added_by"] is None


def test_corrections_follow_the_text_when_the_file_changes(corrected):
    store, path, article, added, quote = corrected
    path.write_text(SEED.read_text().replace("Kremlin spokesman", "The Kremlin's spokesman, Kremlin spokesman"))
    ingest([str(path)], store)
    changed = store.article(article.id)
    assert changed.body != article.body
    seen = {c.id: c for c in as_seen(changed, store.annotations(article.id)).claims}
    assert seen[added.id].text == MISSED == changed.body[seen[added.id].start:seen[added.id].end]
    assert seen[added.id].start > added.start
    assert seen[quote.id].text == f'"{SHORT}"' == changed.body[seen[quote.id].start:seen[quote.id].end]
    assert store.progress()[article.id] == (1, 1)


def test_an_added_claim_whose_words_are_gone_is_kept_as_an_orphan(corrected):
    store, path, article, added, _ = corrected
    path.write_text(SEED.read_text().replace(MISSED, "travelling"))
    report = ingest([str(path)], store)
    assert report.orphaned == 1
    note = store.annotations(article.id)[added.id]
    assert note.orphaned and note.added and note.tag == "stated"
    assert added.id not in {c.id for c in as_seen(store.article(article.id), store.annotations(article.id)).claims}
    assert store.progress()[article.id] == (0, 0)


def test_another_annotator_does_not_see_your_additions(corrected):
    store, _, article, added, quote = corrected
    theirs = Store(store.folder, annotator="them", clock=fixed_clock)
    seen = as_seen(article, theirs.annotations(article.id)).claims
    assert added.id not in {c.id for c in seen}
    assert next(c for c in seen if c.id == quote.id).text == SHORT
    assert theirs.progress().get(article.id, (0, 0)) == (0, 0)


def test_undoing_an_addition_removes_it(corrected):
    store, _, article, added, _ = corrected
    store.change(article.id, added, {"added": None, "speaker": None, "tag": None})
    assert added.id not in store.annotations(article.id)


@pytest.mark.parametrize("span", [{"start": 5, "end": 2, "text": "abc"}, {"start": 0, "end": 3, "text": "ab"},
                                  {"start": "0", "end": 3, "text": "abc"}, [0, 3]])
def test_a_span_that_is_not_one_is_refused(span, corrected):
    store, _, article, _, quote = corrected
    with pytest.raises(ValueError):
        normalised("span", span)
    with pytest.raises(StoreError):
        store.change(article.id, quote, {"span": span})
    with pytest.raises(ValueError):  # a journal holding one is not replayed
        Entry.from_dict({**Entry(article.id, quote, {"span": None}, None, "me", "t").to_dict(),
                         "changes": {"span": span}})


@pytest.mark.parametrize("correction", ["added", "span"])
def test_a_lone_correction_follows_its_words_and_is_saved(tmp_path, correction):
    """Text inserted before an added claim (or a corrected extent), and nothing else of yours to
    move: a fresh store's export still gives body[start:end] == text, at the new place."""
    path, store, article = _seed_store(tmp_path)
    if correction == "added":
        start = article.body.index(MISSED)
        claim = new_claim(article, "me", start, start + len(MISSED))
        store.change(article.id, claim, {"added": claim.kind, "tag": "stated"})
        words = MISSED
    else:
        claim = next(c for c in article.claims if c.text == SHORT)
        store.change(article.id, claim, {"span": span_change(claim, article.body, claim.start - 1, claim.end + 1)})
        words = f'"{SHORT}"'
    path.write_text(SEED.read_text().replace("Kremlin spokesman", "The Kremlin's spokesman, Kremlin spokesman"))
    ingest([str(path)], store)
    (entry,) = export.build(Store(store.folder, annotator="me", clock=fixed_clock), bodies=True,
                            clock=fixed_clock)["articles"]
    shown = next(c for c in entry["claims"] if c["id"] == claim.id)
    if correction == "added":
        assert entry["body"][shown["start"]:shown["end"]] == shown["text"] == words
        assert shown["start"] > claim.start
    else:
        span = shown["annotation"]["span"]
        assert entry["body"][span["start"]:span["end"]] == span["text"] == words
    seen = next(c for c in as_seen(store.article(article.id), store.annotations(article.id)).claims
                if c.id == claim.id)
    assert seen.text == words  # what the reader highlights
