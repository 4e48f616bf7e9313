"""The core rules behind the reader's search and speaker keys: plain-text matches, stepping round,
the claims of one speaker (corrected else extracted), the names offered, the claim at an offset,
and undo steps that hold several changes."""

from __future__ import annotations

from reader.find import cycle, first_from, matches
from reader.marks import claim_at
from reader.model import Annotation, Claim
from reader.speakers import claims_by, renamed, speaker_names
from reader.tui.history import Change, History


def claim(cid: str, start: int, end: int, speaker: str | None, kind: str = "quote") -> Claim:
    return Claim(id=cid, kind=kind, text="x" * (end - start), start=start, end=end, speaker=speaker)


def note(c: Claim, speaker: str | None) -> Annotation:
    return Annotation(claim_id=c.id, article_id="a", text=c.text, start=c.start, end=c.end, speaker=speaker)


def test_matches_ignore_case_and_take_the_query_literally():
    text = "Putin met putin. PUTIN? a.b aXb (x) [/]"
    assert matches(text, "putin") == [(0, 5), (10, 15), (17, 22)]
    assert matches(text, "a.b") == [(24, 27)]  # the dot is a dot
    assert matches(text, "(x)") == [(32, 35)] and matches(text, "[/]") == [(36, 39)]
    assert matches(text, ".*") == [] and matches(text, "") == []
    assert matches("aaaa", "aa") == [(0, 2), (2, 4)]  # no overlaps


def test_first_from_and_cycle_go_round():
    spans = [(3, 5), (10, 12), (20, 22)]
    assert [first_from(spans, o) for o in (0, 3, 4, 10, 21)] == [0, 0, 1, 1, 0]
    assert first_from([], 0) == -1
    assert cycle(-1, 3, 1) == (0, False) and cycle(-1, 3, -1) == (2, False)
    assert cycle(1, 3, 1) == (2, False) and cycle(2, 3, 1) == (0, True) and cycle(0, 3, -1) == (2, True)


def test_the_claims_of_a_speaker_are_by_the_corrected_else_the_extracted_name():
    a, b, c, d = claim("a", 0, 5, "Peskov"), claim("b", 6, 9, "he"), claim("c", 10, 12, "Peskov"), claim("d", 13, 15, "Trump")
    claims = [a, b, c, d]
    notes = {"b": note(b, "Peskov"), "c": note(c, "Lavrov")}
    assert claims_by(claims, notes, "Peskov") == [0, 1]
    assert claims_by(claims, notes, "Lavrov") == [2] and claims_by(claims, notes, "peskov") == []
    assert renamed(claims, notes, "Peskov", "Dmitry Peskov") == [a, b]
    assert renamed(claims, notes, "Peskov", " Peskov ") == []  # nothing would change
    assert renamed(claims, notes, "Peskov", "") == [b]  # restoring: only b showed a correction


def test_speaker_names_are_extracted_and_corrected_once_each_without_sources():
    a, b, s = claim("a", 0, 5, "Peskov"), claim("b", 6, 9, "Trump"), claim("s", 10, 12, "RIA Novosti", kind="source")
    notes = {"b": note(b, "Donald Trump"), "a": note(a, "Peskov")}
    assert speaker_names([a, b, s], notes) == ["Peskov", "Trump", "Donald Trump"]


def test_claim_at_is_the_innermost_body_claim():
    outer, inner = claim("o", 0, 20, "P", kind="reported"), claim("i", 5, 10, "P")
    title = Claim(id="t", kind="quote", text="x", start=0, end=30, part="title")
    claims = [title, outer, inner]
    assert claim_at(claims, 2) == 1 and claim_at(claims, 5) == 2 and claim_at(claims, 10) == 1
    assert claim_at(claims, 25) is None


def test_a_history_step_can_hold_several_changes_undone_as_one():
    history = History()
    one, two = (Change("a", claim(i, 0, 1, "P"), {"speaker": None}, {"speaker": "Q"}, "speaker of 2 claims")
                for i in "xy")
    history.record(one)
    history.record(one, two)
    history.record()  # nothing done: no step
    assert history.undo() == (one, two)
    assert history.undo() == (one,)
    assert history.undo() is None
    assert history.redo() == (one,)
