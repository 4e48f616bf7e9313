"""The scorer itself, on two small gold articles written by hand (tests/fixtures/gold)."""

import pytest

from helpers import FIXTURES
from reader.evaluate import (
    assign_folds,
    content_words,
    evaluate,
    is_pronoun,
    names_someone,
    read_gold,
)
from reader.gold import read_ann
from reader.model import Claim

GOLD = FIXTURES / "gold"


def claim(text, kind, speaker, body, start=None):
    start = body.index(text) if start is None else start
    return Claim(id="x", kind=kind, text=text, start=start, end=start + len(text), speaker=speaker, rule="test")


def fake_extract(name, data):
    body = data.decode()
    if name == "a1.txt":
        return [
            claim("The budget is balanced", "quote", "Anna Kovalenko", body),
            claim("taxes would not rise", "reported", "Anna Kovalenko", body),
            # called a quote, but no quotation mark around it: scored as reported speech, and it is
            # only in an attribution-no-source event, so a false alarm
            claim("Critics disagreed", "quote", "Critics", body),
            claim("Critics", "reported", "nobody", body),
            claim("This is a fantasy", "quote", "Critics", body),  # a pronoun source: not judged
        ]
    return [
        claim('the figures were "incomplete"', "reported", "Officials", body),  # quote marks: a quote
        claim("fell", "reported", "Officials", body),  # inside, but covers too little of its gold
        claim("exports fell", "reported", "Officials", body, start=0),  # offsets wrong: found by text
    ]


@pytest.fixture(scope="module")
def score():
    return evaluate(GOLD, fake_extract, keep_errors=True)


def test_gold_reading_takes_the_first_annotator_and_only_attributions():
    (a1, gold1), (a2, gold2) = read_gold(GOLD)
    assert (a1.name, a2.name) == ("a1.txt", "a2.txt")
    assert [g.source for g in gold1] == ["Mayor Anna Kovalenko", "She", "he"]
    assert [g.quoted for g in gold1] == [True, False, True]
    assert [g.quoted for g in gold2] == [True, False]


def test_direct_quotes(score):
    q = score.quotes
    assert (q.predicted, q.correct, q.gold, q.found) == (3, 3, 3, 3)
    assert q.precision == 1.0 and q.recall == 1.0 and q.f1 == 1.0


def test_speakers_are_judged_on_named_sources_only(score):
    assert (score.speakers_judged, score.speakers_right) == (2, 1)
    assert score.errors.wrong_speakers[0][1].startswith("gold 'The ministry', predicted 'Officials'")


def test_reported_speech(score):
    r = score.reported
    assert (r.predicted, r.correct, r.gold, r.found) == (5, 3, 2, 2)
    assert r.precision == pytest.approx(0.6) and r.recall == 1.0 and r.f1 == pytest.approx(0.75)


def test_errors_name_the_false_alarms(score):
    contexts = [c for _, c in score.errors.false_reported]
    assert len(contexts) == 2
    assert "[[Critics disagreed]]" in contexts[0] and "[[Critics]]" in contexts[1]
    assert score.errors.false_quotes == [] and score.errors.missed_quotes == []


def test_multi_span_content_and_words():
    (g,) = read_ann("T1\tSource 0 2\tHe\nT2\tContent 5 9;12 20\tabcd\nT3\tAttribution 3 4\tx\nE1\tAttribution:T3 Content:T2 Source:T1\n")
    assert g.content_spans == ((5, 9), (12, 20))
    assert is_pronoun("He\xa0") and is_pronoun("their") and not is_pronoun("the spokesman")
    assert content_words("The US State Department's spokesman") == {"state", "department's", "spokesman"}


def test_a_source_that_names_nobody_is_not_judged():
    # "who" and a stray "said" name no one: no speaker could be scored right against them
    assert not names_someone("who") and not names_someone("said") and not names_someone("According to")
    assert not names_someone("she") and names_someone("the man's lawyer") and names_someone("Trump")


def test_repeated_runs_score_the_same_and_report_the_fastest(score):
    again = evaluate(GOLD, fake_extract, keep_errors=True, repeat=3)
    assert len(again.runs) == 3 and again.seconds == min(again.runs)
    assert (again.quotes, again.reported, again.speakers_right) == (score.quotes, score.reported, score.speakers_right)


def test_kind_at_its_word_counts_only_what_the_extractor_called_a_quote(score):
    # a1's "Critics disagreed" is called a quote but lies in no attribution proper; a2's quoted gold
    # is covered only by a claim the extractor called reported, so it is not found.
    s = score.quotes_said
    assert (s.predicted, s.correct, s.gold, s.found) == (3, 2, 3, 2)


def test_each_rule_reports_its_claims_and_how_many_were_right(score):
    (rule,) = score.rules
    v = score.rules[rule]
    assert rule == "test" and v.claims == 8 and v.span_right == 6
    # Claims inside pronoun-sourced gold ("She", "he") cannot have their speaker judged.
    assert v.judged == 6 and v.right == 3
    assert sum(b.claims for b in score.bands.values()) == 8


def test_folds_split_by_article_with_a_fixed_shuffle_and_add_up_to_the_whole(score):
    names = [f"article{i}" for i in range(11)]
    folds = assign_folds(names, 5)
    assert folds == assign_folds(list(reversed(names)), 5)  # the same folds whatever the order
    sizes = sorted(list(folds.values()).count(k) for k in range(5))
    assert sizes == [2, 2, 2, 2, 3]
    split = evaluate(GOLD, fake_extract, folds=2)
    assert [f.articles for f in split.folds] == [1, 1]
    assert sum(f.quotes.predicted for f in split.folds) == score.quotes.predicted
    assert sum(f.reported.found for f in split.folds) == score.reported.found
