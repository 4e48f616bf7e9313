"""Each check that sets aside words after a cue that no one said, one by one, and the claims
the same cues still make where the words are a statement."""

import pytest

from reader.extract import find_claims
from reader.extract.claims import _Extraction
from reader.extract.reported_rules import REPORTED_VETOES


def claims_of(body):
    return [(c.kind, c.speaker, c.text) for c in find_claims(body)]


def vetoes_of(body):
    extraction = _Extraction(body)
    extraction.run()
    return [name for name, _, _ in extraction.vetoed]


@pytest.mark.parametrize(
    ("veto", "body"),
    [
        ("opens-with-preposition", "The campaigns spilled over into bitter attacks between studios."),
        ("adverbial-only", "Sales rose. In 2003, imports declined."),
        ("opens-with-conjunction", "The firm overcame the problems of setting up voice and data networks."),
        ("opens-with-verb", "Under the act, foreign terror suspects can be detained without trial."),
        ("nothing-said", "Akamai declined to comment."),
        ("perceived", "The veteran Martinez found herself in trouble early on against Vinci."),
        ("listener-only", "Ms Hewitt told GMTV's Sunday programme."),
        ("denied-someone", "Paulo Ferreira denied Gerrard with a last-ditch tackle."),
        ("raised-no-concern", "The campaign raised $16 million in the first half of the year."),
        ("known-as", "It uses a drilling method known as fracking."),
        ("an-aim", "The website aims to be the hub for bloggers."),
    ],
)
def test_each_veto_sets_aside_what_no_one_said(veto, body):
    assert [c for c in find_claims(body) if c.kind == "reported"] == []
    assert vetoes_of(body) == [veto]


def test_the_same_cues_still_report_statements():
    assert claims_of("He warned of annual losses of six million pounds.") == [("reported", None, "of annual losses of six million pounds")]
    assert claims_of("The SEC found similar problems at the bank.") == [("reported", "SEC", "similar problems at the bank")]
    assert claims_of("The minister denied the allegations of fraud.") == [("reported", "minister", "the allegations of fraud")]
    assert claims_of("The plan, which he believes will fail, was dropped.") != []
    body = "Martin Scorsese, whose film won, said being honoured in the UK meant a lot to him."
    assert claims_of(body) == [("reported", "Martin Scorsese", "being honoured in the UK meant a lot to him")]


def test_the_listener_is_not_what_was_said():
    body = "Shadow foreign secretary Michael Ancram told MPs a new White Paper was part of a plan."
    assert claims_of(body) == [("reported", "Michael Ancram", "a new White Paper was part of a plan")]
    # After "told BBC Sport:" the quote is the spokesman's, and the listener no claim at all.
    body = 'An FA spokesman told BBC Sport: "We will look at the incident again next week."'
    assert claims_of(body) == [("quote", "FA spokesman", "We will look at the incident again next week.")]
    body = 'He denied the claim, telling the BBC "there is a recognition that something is wrong".'
    assert ("quote", "there is a recognition that something is wrong") in [(k, t) for k, _, t in claims_of(body)]


def test_veto_names_are_unique():
    names = [v.name for v in REPORTED_VETOES]
    assert len(names) == len(set(names))


def test_words_before_the_cue_are_no_object_to_veto():
    # "After ..., police said, he went ...": the sentence the cue interrupts may open with a preposition
    body = "After being told he would be charged, police said, he went to the police station on his own."
    assert vetoes_of(body) == []
    assert [t for k, _, t in claims_of(body)] == ["he went to the police station on his own"]
    body = "In the north, the party leads by nine points, according to the poll."
    assert vetoes_of(body) == []
    assert ("reported", "poll", "In the north, the party leads by nine points") in claims_of(body)


def test_a_verb_of_stance_keeps_its_own_preposition():
    assert claims_of("Creditors have been pushing for a greater say in how the club is run.") == [
        ("reported", "Creditors", "for a greater say in how the club is run")]
    assert claims_of("The club has pleaded with visiting fans not to protest.") == [
        ("reported", "club", "with visiting fans not to protest")]
    # (not a wish or a thought: "investors hoped for a recovery")
    assert [c for c in claims_of("Shares rose as investors hoped for a recovery in demand.") if c[0] == "reported"] == []


def test_raising_a_concern_is_still_said():
    assert claims_of("The senator raised concerns about the cost of the deal.") == [
        ("reported", "senator", "concerns about the cost of the deal")]


def test_found_out_is_no_statement():
    from reader.extract import find_claims

    body = "The system breaks down, as Microsoft found out last year when it lost a case."
    assert [c for c in find_claims(body) if c.kind == "reported"] == []


def test_a_stand_someone_should_take_is_no_ones_yet():
    from reader.extract import find_claims

    body = "UK Muslims should accept that people of Islamic appearance are more likely to be stopped."
    assert [c for c in find_claims(body) if c.kind == "reported"] == []
    body = "Ministers accepted that people of Islamic appearance are more likely to be stopped."
    assert [c.speaker for c in find_claims(body) if c.kind == "reported"] == ["Ministers"]


def test_seeing_how_much_is_looking_not_saying():
    from reader.extract import find_claims

    body = "Then work out your tactics, seeing how much cash, if any, you have got to splash."
    assert [c for c in find_claims(body) if c.kind == "reported"] == []


def test_deciding_how_is_choosing_not_saying():
    from reader.extract import find_claims

    assert [c for c in find_claims("Local people would decide how to fish it.") if c.kind == "reported"] == []
    assert [c.speaker for c in find_claims("The board decided that the plan was sound.")] == ["board"]


def test_a_cue_word_after_a_measure_and_before_a_name_is_a_title():
    from reader.extract import find_claims

    body = "Britain's former European 100m champion Dwain Chambers is currently serving a two-year ban."
    assert find_claims(body) == []
