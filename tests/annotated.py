"""A store two annotators worked on, for the tests that hold the database's answers about claims
and speakers to the core's: tags, a speaker corrected, a not-a-claim mark, a note alone, a claim
added and an extent corrected (yours), a merge of speakers by hand."""

from helpers import FIXTURES, SEED, fixed_clock
from reader.claims_view import rows_of
from reader.corrections import new_claim, span_change
from reader.ingest import ingest
from reader.store import Store


def annotated_store(folder):
    """The store (yours, opened again as a later session would)."""
    me = Store(folder / "store", annotator="me", clock=fixed_clock)
    them = Store(folder / "store", annotator="them", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "up"), str(FIXTURES / "plain")], me)
    rows = rows_of(me)
    for i, r in enumerate(rows[::3]):
        me.annotate(r.article.id, r.claim, tag=("stated", "denied", "unknown")[i % 3])
    for r in rows[1::4]:
        them.annotate(r.article.id, r.claim, tag="denied")
    me.annotate(rows[4].article.id, rows[4].claim, speaker="Donald Trump")
    me.annotate(rows[7].article.id, rows[7].claim, not_a_claim=True)
    me.annotate(rows[10].article.id, rows[10].claim, note="only a note")
    article = me.article(rows[20].article.id)
    added = new_claim(article, "me", 0, 20)
    me.change(article.id, added, {"added": added.kind, "speaker": "Yurii Ushakov", "tag": "stated"})
    quote = next(c for c in article.claims if c.end - c.start > 4)
    me.change(article.id, quote, {"span": span_change(quote, article.body, quote.start + 1, quote.end - 1)})
    me.name_speaker("Yurii Ushakov", "Dmitry Peskov")
    return Store(folder / "store", annotator="me")
