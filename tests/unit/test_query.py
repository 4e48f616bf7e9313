"""The query language (issue 14), parsed once in the core: every operator, and a wrong query
told at the column where it went wrong, never an exception of another kind."""

from datetime import date

import pytest

from reader.query import EVERYTHING, All, Any, Field, Item, Not, QueryError, Words, matches, parse

PESKOV = Item("We have repeatedly said that such a meeting is necessary", speaker="Dmitry Peskov",
              role="Kremlin spokesman", kind="quote", tag=None, confidence=0.55, doubtful=True,
              outlet="Ukrainska Pravda", author="Stanislav Pohorilov", published=date(2025, 5, 5),
              annotators=frozenset({"alice"}))
RUBIO = Item("Washington will not wait for ever", speaker="Marco Rubio", kind="reported", tag="denied",
             confidence=0.9, outlet="BBC", published=date(2025, 4, 1), annotators=frozenset({"alice", "bob"}))


def found(query: str) -> list[str]:
    node = parse(query)
    return [i.speaker for i in (PESKOV, RUBIO) if matches(node, i)]


def test_every_operator_parses_to_its_tree():
    assert parse("") is EVERYTHING
    assert parse('meeting "such a meeting" -wait') == All((Words("meeting"), Words("such a meeting", phrase=True),
                                                           Not(Words("wait"))))
    assert parse('speaker:"Dmitry Peskov" OR role:spokesman') == Any((Field("speaker", "Dmitry Peskov"),
                                                                       Field("role", "spokesman")))
    assert parse("(kind:quote OR kind:source) tag:none") == All((Any((Field("kind", "quote"), Field("kind", "source"))),
                                                                 Field("tag", "none")))
    assert parse("conf:<0.6") == Field("conf", 0.6, "<") and parse("conf:>=0.8") == Field("conf", 0.8, ">=")
    assert parse("after:2025-05-01 before:2025-06-01") == All((Field("after", date(2025, 5, 1)),
                                                               Field("before", date(2025, 6, 1))))
    assert parse("is:untagged -speaker:trump annotator:alice outlet:bbc author:smith") == All((
        Field("is", "untagged"), Not(Field("speaker", "trump")), Field("annotator", "alice"),
        Field("outlet", "bbc"), Field("author", "smith")))


@pytest.mark.parametrize(("query", "speakers"), [
    ("meeting", ["Dmitry Peskov"]),
    ('"such a meeting"', ["Dmitry Peskov"]),
    ('"a such meeting"', []),
    ("-meeting", ["Marco Rubio"]),
    ("speaker:peskov", ["Dmitry Peskov"]),
    ('speaker:"marco rubio"', ["Marco Rubio"]),
    ("role:spokesman", ["Dmitry Peskov"]),
    ("kind:reported", ["Marco Rubio"]),
    ("tag:denied", ["Marco Rubio"]),
    ("tag:none", ["Dmitry Peskov"]),
    ("is:untagged", ["Dmitry Peskov"]),
    ("is:tagged", ["Marco Rubio"]),
    ("is:doubtful", ["Dmitry Peskov"]),
    ("conf:<0.6", ["Dmitry Peskov"]),
    ("conf:>0.6", ["Marco Rubio"]),
    ("outlet:bbc", ["Marco Rubio"]),
    ("author:pohorilov", ["Dmitry Peskov"]),
    ("after:2025-05-01", ["Dmitry Peskov"]),
    ("before:2025-05-01", ["Marco Rubio"]),
    ("annotator:bob", ["Marco Rubio"]),
    ("meeting OR washington", ["Dmitry Peskov", "Marco Rubio"]),
    ("(meeting OR washington) outlet:bbc", ["Marco Rubio"]),
    ("meeting washington", []),
])
def test_every_operator_finds_what_it_says(query, speakers):
    assert found(query) == speakers


@pytest.mark.parametrize(("query", "column", "says"), [
    ('"no plans', 0, "a phrase is not closed"),
    ('speaker:"Peskov', 8, "a quoted value is not closed"),
    ("(peskov", 0, "a ( is not closed"),
    ("peskov)", 6, "a ) with no ( before it"),
    ("()", 0, "( ) holds nothing"),
    ("OR peskov", 0, "OR needs something before it"),
    ("peskov OR", 7, "OR needs something after it"),
    ("peskov -", 7, None),  # a lone dash is a word like any
    ("speaker:", 8, "speaker: needs a value"),
    ("colour:red", 0, "no field 'colour'"),
    ("kind:rumour", 5, "kind: is one of quote|reported|source"),
    ("tag:maybe", 4, "tag: is one of stated|denied|unknown|none"),
    ("is:wrong", 3, "is: is one of untagged|tagged|doubtful"),
    ("conf:<high", 6, "conf: takes a number from 0 to 1"),
    ("conf:1.5", 5, "conf: takes a number from 0 to 1, not 1.5"),
    ("after:May", 6, "after: takes a date as 2025-05-01"),
])
def test_a_wrong_query_says_where_it_went_wrong(query, column, says):
    if says is None:
        parse(query)
        return
    with pytest.raises(QueryError) as wrong:
        parse(query)
    assert wrong.value.column == column and wrong.value.message.startswith(says)
    assert str(wrong.value).endswith(f"(at column {column + 1})")
