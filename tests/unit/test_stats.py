"""`newsreader stats`: the figures over the claims a query asks for, as you see them."""

from helpers import FIXTURES, SEED, fixed_clock
from reader.ingest import ingest
from reader.query import parse
from reader.stats import stats, week_of
from reader.stats_text import share_bar, sparkline, stats_text
from reader.store import Store


def store_with_tags(tmp_path):
    me = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "plain" / "bbc_like.txt")], me)
    seed = next(s for s in me.summaries() if s.outlet == "Ukrainska Pravda")
    article = me.article(seed.id)
    peskov = [c for c in article.claims if c.speaker == "Dmitry Peskov"]
    me.annotate(article.id, peskov[0], tag="stated")
    me.annotate(article.id, peskov[1], tag="denied")
    me.annotate(article.id, next(c for c in article.claims if c.kind == "source"), not_a_claim=True)
    Store(tmp_path / "store", annotator="them", clock=fixed_clock).annotate(article.id, peskov[2], tag="unknown")
    return me, article, peskov


def test_the_figures_count_every_claim_as_you_see_it(tmp_path):
    me, article, peskov = store_with_tags(tmp_path)
    s = stats(me)
    total = sum(len(me.article(x.id).claims) for x in me.summaries())
    assert s.claims == total
    assert s.tags == {"stated": 1, "denied": 1, "unknown": 0, "not_a_claim": 1, "untagged": total - 3}  # theirs not
    assert s.weeks == {"2025-05-05": len(article.claims)}  # the seed's week (the other article has no date)
    assert s.judged_weeks == {"2025-05-05": 3}
    assert s.progress == {week_of(fixed_clock().date()): 3}
    assert next(iter(s.by_speaker)) == "Dmitry Peskov" and sum(s.by_speaker["Dmitry Peskov"].values()) == len(peskov)
    assert set(s.by_outlet) == {"Ukrainska Pravda", "(outlet not known)"}


def test_a_query_narrows_every_figure(tmp_path):
    me, _, _ = store_with_tags(tmp_path)
    s = stats(me, parse("speaker:peskov is:tagged"))
    assert s.claims == 2 and s.tags["stated"] == s.tags["denied"] == 1 and list(s.by_speaker) == ["Dmitry Peskov"]
    assert stats(me, parse("annotator:them")).claims == 1


def test_bars_and_the_text():
    assert sparkline([0, 1, 2, 4]) == " ▂▄█" and sparkline([]) == "" and sparkline([0, 0]) == "  "
    assert share_bar({"stated": 1, "denied": 1, "unknown": 0, "not_a_claim": 0, "untagged": 2}, 8) == "██▓▓····"
    assert week_of(__import__("datetime").date(2025, 5, 7)) == "2025-05-05"


def test_the_text_says_each_figure(tmp_path):
    me, _, _ = store_with_tags(tmp_path)
    text = stats_text(stats(me))
    assert "stated 1  denied 1  unknown 0  not a claim 1" in text
    assert "Claims per week, 2025-05-05 to 2025-05-05" in text and "Dmitry Peskov" in text
    assert stats_text(stats(me, parse("colour OR nothing-like-this"))) == "No claims: nothing to count.\n"
