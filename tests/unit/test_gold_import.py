"""Gold attributions in brat standoff (as PolNeAR has them) imported as pre-annotations: they
replace the extractor's claims for their article, annotations follow their claims, and a gold
content whose words are not in the article's body is refused by name."""

from helpers import fixed_clock
from reader.imports.gold import import_gold
from reader.ingest import ingest
from reader.store import Store
from team import gold_file


def test_gold_replaces_the_extractors_claims_and_annotations_follow(tmp_path):
    ann = gold_file(tmp_path)
    store = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(tmp_path / "text" / "rail.txt")], store)
    (summary,) = store.summaries()
    before = store.article(summary.id)
    muir = next(c for c in before.claims if c.text.startswith("Passengers will see"))
    store.annotate(before.id, muir, tag="stated", note="checked with Atoc")
    report = import_gold([str(tmp_path / "attributions")], store)
    assert (report.articles, report.claims) == (1, 3)
    assert report.refused == [(f"{ann}: Rail fares to rise above inflation", "its words are not in the article as stored")]
    article = store.article(summary.id)
    assert [(c.text, c.speaker, c.kind, c.rule) for c in article.claims] == [
        ("Rail fares in England will rise by 3.9% in January", "the rail industry body", "reported", "gold"),
        ("the increase was needed to pay for new trains", "The Association of Train Operating Companies (Atoc)",
         "reported", "gold"),
        ("Passengers will see the benefits of this investment within two years", "Atoc chief executive George Muir",
         "quote", "gold"),
    ]
    for c in article.claims:
        assert article.body[c.start:c.end] == c.text
    (note,) = store.everyone(article.id)
    assert note.tag == "stated" and not note.orphaned and note.claim_id == article.claims[2].id


def test_gold_for_an_article_not_yet_in_the_store_ingests_it_first(tmp_path):
    gold_file(tmp_path)
    store = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    report = import_gold([str(tmp_path / "attributions" / "rail_a1.ann")], store)
    (summary,) = store.summaries()
    assert report.articles == 1 and summary.claims == 3
    assert {c.rule for c in store.article(summary.id).claims} == {"gold"}
