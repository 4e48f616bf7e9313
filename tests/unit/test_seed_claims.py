"""The first real input: every quote and reported statement of the seed with the right speaker."""

import pytest

from helpers import SEED
from reader.ingest import read_article
from reader.model import statements


@pytest.fixture(scope="module")
def article():
    return read_article(str(SEED), SEED.read_bytes())


def claims(article, kind):
    """The body's statements of one kind (a quote inside a reported statement is part of it)."""
    return [(c.speaker, c.text) for c in article.claims if c.kind == kind and c.part == "body" and c.within is None]


def test_every_claim_indexes_the_body_or_the_headline(article):
    for c in article.claims:
        assert (article.body if c.part == "body" else article.title)[c.start : c.end] == c.text


def test_the_headline_claim_is_the_spokesman_s(article):
    (claim,) = [c for c in article.claims if c.part == "title"]
    assert (claim.kind, claim.speaker, claim.text, claim.cue) == (
        "reported", "Dmitry Peskov", "meeting with Trump is necessary", "says")
    assert claim.mention == "Putin's spokesperson"


def test_peskov_three_direct_quotes_and_trump_two(article):
    quotes = claims(article, "quote")
    assert quotes == [
        (
            "Dmitry Peskov",
            "We have repeatedly said that such a meeting [between Putin and Trump – ed.] is clearly on "
            "the radar, and in many ways we believe that it is certainly necessary.",
        ),
        ("Dmitry Peskov", "there are no specifics yet"),
        (
            "Dmitry Peskov",
            "This requires continued contacts between Moscow and Washington, which have already begun and are ongoing",
        ),
        ("Donald Trump", "I don’t know"),
        ("Donald Trump", "I’ll have to think about it. I haven’t thought about it yet."),
    ]


def test_reported_statements_of_peskov_trump_rubio_and_the_state_department(article):
    reported = claims(article, "reported")
    assert reported == [
        (
            "Dmitry Peskov",
            "a meeting between Russian leader Vladimir Putin and US President Donald Trump is necessary, "
            "though no concrete details are available at this stage",
        ),
        ("Dmitry Peskov", "such a meeting would require proper preparation"),
        ("Dmitry Peskov", "Putin has no plans to visit the Middle East in mid-May"),
        ("Donald Trump", "he did not yet know whether a meeting with Putin could take place during his visit to Saudi Arabia"),
        (
            "Marco Rubio",
            'Washington would withdraw from its "mediator role" between Russia and Ukraine if there is no progress toward peace',
        ),
        (
            "US State Department",
            'the country would "change its approach" and take on a less active role in attempts to stop the war',
        ),
        (
            "Donald Trump",
            "reaching a peace agreement between Ukraine and Russia might be undoable due to what he described as "
            '"tremendous hatred" between the two sides',
        ),
    ]


def test_two_sources(article):
    sources = [(c.speaker, c.role, c.text) for c in article.claims if c.kind == "source"]
    assert sources == [
        ("RIA Novosti", "Russian propaganda outlet", "Russian propaganda outlet RIA Novosti"),
        ("Interfax", "Russian news agency", "Russian news agency Interfax"),
    ]


def test_roles_and_cues(article):
    peskov = next(c for c in article.claims if c.speaker == "Dmitry Peskov" and c.part == "body")
    assert peskov.role == "Kremlin spokesman" and peskov.cue == "stated that"
    rubio = next(c for c in article.claims if c.speaker == "Marco Rubio")
    assert rubio.role == "US Secretary of State"
    trump_colon = next(c for c in article.claims if c.text.startswith("I’ll have"))
    assert trump_colon.cue == "added"


def test_quote_block_takes_the_main_speaker_and_marks_the_editors_insertion(article):
    block = next(c for c in article.claims if c.text.startswith("We have repeatedly"))
    assert block.rule == "quote-label" and block.speaker == "Dmitry Peskov"
    (start, end), = block.editorial
    assert article.body[start:end] == "[between Putin and Trump – ed.]"


def test_pronoun_he_resolves_to_the_last_speaker(article):
    he_told = next(c for c in article.claims if c.text == "I don’t know")
    assert he_told.speaker == "Donald Trump" and he_told.cue == "told"
    he_added = next(c for c in article.claims if c.text == "there are no specifics yet")
    assert he_added.speaker == "Dmitry Peskov" and he_added.cue == "added that"


def test_quoted_words_inside_reported_speech_are_quotes_of_that_statement(article):
    by_id = {c.id: c for c in article.claims}
    within = [(c.speaker, c.text, by_id[c.within].text[:30]) for c in article.claims if c.within]
    assert within == [
        ("Marco Rubio", "mediator role", 'Washington would withdraw from'),
        ("US State Department", "change its approach", 'the country would "change its '),
        ("Donald Trump", "tremendous hatred", "reaching a peace agreement bet"),
    ]
    assert all(c.kind == "quote" for c in article.claims if c.within)
    # One statement is one claim to judge: the quotes inside do not count again.
    assert len(statements(article.claims)) == len(article.claims) - 3


def test_claim_ids_are_stable_and_unique(article):
    again = read_article(str(SEED), SEED.read_bytes())
    assert [c.id for c in article.claims] == [c.id for c in again.claims]
    assert len({c.id for c in article.claims}) == len(article.claims)
    assert article.id == again.id
