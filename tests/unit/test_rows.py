"""The rows `extract`, `list` and `claims` print (stable contracts) and the outlet rule."""

from helpers import FIXTURES, SEED
from reader.ingest import read_article
from reader.model import Annotation, Progress
from reader.rows import NO_OUTLET, claim_row, extract_row, list_row, outlet_label, outlet_of
from reader.store import Summary

EXTRACT_KEYS = ["path", "title", "author", "published", "body", "claims"]
EXTRACT_CLAIM_KEYS = ["id", "kind", "part", "text", "speaker", "mention", "role", "cue", "start", "end",
                      "confidence", "rule"]
LIST_KEYS = ["id", "published", "outlet", "title", "author", "claims", "tagged", "read", "path"]
CLAIM_KEYS = ["id", "article", "kind", "speaker", "role", "cue", "text", "start", "end", "confidence", "tag",
              "note", "not_a_claim", "within"]


def seed():
    return read_article(str(SEED), SEED.read_bytes())


def test_extract_row_keys_in_order():
    row = extract_row("seeds/x.txt", seed())
    assert list(row) == EXTRACT_KEYS and row["path"] == "seeds/x.txt"
    assert all(list(c) == EXTRACT_CLAIM_KEYS for c in row["claims"])
    assert row["published"] == "2025-05-05T13:16:00+03:00"


def test_list_row_keys_in_order():
    row = list_row(Summary.of(seed(), "2026-01-02T03:04:05+00:00"), Progress(2, 0), True)
    assert list(row) == LIST_KEYS
    assert (row["outlet"], row["tagged"], row["read"]) == ("Ukrainska Pravda", 2, True)


def test_claim_row_keys_in_order_with_and_without_an_annotation():
    article = seed()
    claim = article.claims[1]
    bare = claim_row(article.id, claim, None)
    assert list(bare) == CLAIM_KEYS and (bare["tag"], bare["note"], bare["not_a_claim"]) == (None, "", False)
    a = Annotation(claim.id, article.id, claim.text, claim.start, claim.end, tag="denied", note="n",
                   speaker="Someone", not_a_claim=True)
    row = claim_row(article.id, claim, a)
    assert (row["tag"], row["note"], row["speaker"], row["not_a_claim"]) == ("denied", "n", "Someone", True)


def test_the_outlet_is_the_newsroom_never_the_folder_or_a_source():
    plain = read_article(str(FIXTURES / "plain" / "bbc_like.txt"), (FIXTURES / "plain" / "bbc_like.txt").read_bytes())
    summary = Summary.of(plain, "2026-01-02T03:04:05+00:00")
    assert outlet_of(summary) is None and outlet_label(summary) == NO_OUTLET
    assert outlet_of(seed().doc) == "Ukrainska Pravda" == outlet_label(Summary.of(seed(), ""))
    summary.outlet = "  "
    assert outlet_of(summary) is None
