"""A claim's state: one mark and one label from its annotation, whoever shows it."""

import pytest

from reader.model import TAGS, Annotation
from reader.states import TAGGED, claim_state, state_of


def note(**fields) -> Annotation:
    return Annotation(claim_id="c", article_id="a", text="t", start=0, end=1, **fields)


@pytest.mark.parametrize(("annotation", "text", "mark"), [
    (None, "untagged", ""),
    (note(note="only a note"), "untagged", ""),
    (note(tag="stated"), "✓ stated", "✓"),
    (note(tag="denied"), "✗ denied", "✗"),
    (note(tag="unknown"), "? unknown", "?"),
    (note(not_a_claim=True), "✕ not a claim", "✕"),
    (note(tag="stated", not_a_claim=True), "✕ not a claim", "✕"),  # not a claim wins over a tag
])
def test_each_annotation_has_one_state(annotation, text, mark):
    state = claim_state(annotation)
    assert (state.text, state.mark) == (text, mark)
    assert state.done == (annotation is not None and annotation.done)


def test_every_tag_has_a_state_and_rows_read_the_same():
    assert tuple(TAGGED) == TAGS
    assert state_of("denied", True) == claim_state(note(tag="denied", not_a_claim=True))
    assert state_of(None) == claim_state(None)
