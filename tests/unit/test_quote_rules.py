"""Each quote rule, one by one: a text where it is the rule that answers, and the speaker it gives."""

import pytest

from reader.extract import find_claims
from reader.extract.quote_rules import QUOTE_RULES

CASES = [
    ("label-named", 'Officials met on Monday.\n\nQuote from Zelenskyy: "We will not give up our land, not now and not ever."', "Zelenskyy"),
    ("label", 'Defence Minister Oleksii Marchenko spoke on Monday about the plan.\n\nQuote: "We will open twelve new centres this year, all of them in the west."', "Oleksii Marchenko"),
    ("cue-after", '"The budget is balanced and taxes will not rise," Mayor Anna Kovalenko said.', "Anna Kovalenko"),
    ("name-verb-after", '"We expected far more people to come out tonight," Hannity started.', "Hannity"),
    ("dash", '"Nothing about us without us, ever, in any talks about our future." - John Smith', "John Smith"),
    ("cue-before", 'Senator Maria Lopez said: "The vote will happen next week whatever the others do."', "Maria Lopez"),
    ("colon", 'Peskov: "There are no specifics yet about the place or the time of any meeting."', "Peskov"),
    ("name-verb-after", '"You have called your rivals fools and worse," Kelly charged in her first question.', "Kelly"),
    ("cue-after", '"It is a costly way to run a college," said Will Doyle, a professor of education.', "Will Doyle"),
    ("cue-after", '"Imagine a third candidate on that stage," mused radio co-host Stu Barnes.', "Stu Barnes"),
    ("cue-before", 'Priebus later Thursday told Fox News: "Both men are meeting next week to talk it over."', "Priebus"),
    ("cue-before", 'A source familiar with the talks said, "I think he will try to be friendlier now."', "source familiar with the talks"),
    ("cue-before", 'People close to the governor said: "He has no plans to run for the Senate at all."', "People close to the governor"),
    ("colon-sentence", 'Ohio Gov. John Kasich was asked to act. Kasich resisted: "Governors do not have the power to suspend the law."', "John Kasich"),
    ("name-verb-after", 'He said the country had changed. "France will always be France, whatever they say," an angry Hollande retaliated.', "Hollande"),
    ("cue-before", 'Jones, leader of the group, said: "This reshuffle is changing the deckchairs on the Titanic." Kirsty Williams added: "Changing the minister will serve no purpose."', "Kirsty Williams"),
    ("cue-after", 'The hack was news. "Russia, if you are listening, I hope you find the emails." Trump said. Clinton laughed.', "Trump"),
    ("colon-sentence", 'Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message: "It is time to quit attacking people and get on message."', "Mitch McConnell"),
    ("cue-before", 'Another source speaking to Fox News said, "The agents are looking at the donations and the contracts."', "source speaking to Fox News"),
    ("same-paragraph", 'Mayor Anna Kovalenko said: "The budget is balanced." Then she paused. "Taxes will not rise this year or the next."', "Anna Kovalenko"),
]


@pytest.mark.parametrize(("rule", "text", "speaker"), CASES, ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_each_rule_answers_where_it_should(rule, text, speaker):
    quotes = [c for c in find_claims(text) if c.kind == "quote"]
    assert quotes, text
    last = quotes[-1]
    assert (last.rule, last.speaker) == ("quote-" + rule, speaker)
    # A claim's confidence is its rule's and its speaker's, calibrated on measured precision.
    assert 0 < last.confidence <= 1 and any(r.name == rule for r in QUOTE_RULES)


@pytest.mark.parametrize(
    "text",
    [
        'The senator was dubbed "Little Marco" by his rival.',  # title-word
        'The show "Saturday Night Live" returns.',  # not-speech: a title
        'It was a "historic" day for the town.',  # not-speech: a scare quote
    ],
)
def test_rules_that_say_a_quote_is_no_ones_words(text):
    assert [c for c in find_claims(text) if c.kind == "quote"] == []


def test_rule_names_are_unique_and_every_rule_has_a_confidence():
    names = [r.name for r in QUOTE_RULES]
    assert len(names) == len(set(names))
    assert all(0.0 <= r.confidence <= 1.0 for r in QUOTE_RULES)
    assert names[-1] == "unattributed"  # the last word: a quote with no one found


def test_an_aside_of_place_or_time_between_commas_is_neither_the_speaker_nor_a_role():
    text = 'Clinton, during a town hall meeting in Columbus, Ohio, said she was "going to put coal miners out of business."'
    claims = find_claims(text)
    assert {(c.kind, c.speaker, c.role) for c in claims} == {("reported", "Clinton", None), ("quote", "Clinton", None)}


def test_a_cue_that_opens_its_own_quote_with_a_colon_does_not_take_the_quote_before():
    text = 'Jones, leader of the group, said: "This reshuffle is changing the deckchairs on the Titanic." Kirsty Williams added: "Changing the minister will serve no purpose."'
    assert [c.speaker for c in find_claims(text) if c.kind == "quote"] == ["Jones", "Kirsty Williams"]


def test_after_a_question_a_cue_opening_its_own_quote_begins_a_new_sentence():
    from reader.extract import find_claims

    body = ('Mills writes that she is at her desk. Clinton responds to Mills with, "Why now? That was '
            'on my way to Libya?" Mills then writes back, "You look cute."')
    speakers = {c.text: c.speaker for c in find_claims(body)}
    assert speakers["Why now? That was on my way to Libya?"] == "Clinton"
    assert speakers["You look cute."] == "Mills"
    # (but after a question a cue that only says who asked it still does)
    body = '"You think I am going to change?" Trump asked reporters at a news conference.'
    assert [c.speaker for c in find_claims(body) if c.kind == "quote"] == ["Trump"]


def test_a_role_and_any_verb_after_the_quote():
    from reader.extract import find_claims

    body = '"Let me help you out - the answer is no," the Republican vice-presidential nominee riffed on her answer.'
    assert [c.speaker for c in find_claims(body)] == ["Republican vice-presidential nominee"]
    body = '"Let me help you out," the big storm passed on Monday.'  # (no role: no speaker)
    assert [c.speaker for c in find_claims(body)] != ["big storm"]


def test_after_a_question_a_cue_with_an_infinitive_begins_a_new_sentence():
    from reader.extract import find_claims

    body = ('Director David Felgate told BBC Sport: "Why would he stake his reputation on it?" '
            "Connors has also agreed to commentate for the BBC.")
    assert [c.speaker for c in find_claims(body) if c.kind == "quote"] == ["David Felgate"]
