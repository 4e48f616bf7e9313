"""A claim's state as the user sees it: one mark and one label, from its annotation.

The one place that spells the states. The reader's status line, its gutter and claim list, and
the CLI's `tag`, `claims` and `show` all draw from here, so a claim marked not a claim reads the
same everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Annotation


@dataclass(frozen=True, slots=True)
class ClaimState:
    """`key` is a tag, "not_a_claim" or "untagged"; `mark` a one-character glyph ("" when
    untagged); `label` the words."""

    key: str
    mark: str
    label: str

    @property
    def text(self) -> str:
        """Mark and label together: "✓ stated", "✕ not a claim", "untagged"."""
        return f"{self.mark} {self.label}" if self.mark else self.label

    @property
    def done(self) -> bool:
        return self.key != "untagged"


NOT_A_CLAIM = ClaimState("not_a_claim", "✕", "not a claim")
UNTAGGED = ClaimState("untagged", "", "untagged")
TAGGED = {
    "stated": ClaimState("stated", "✓", "stated"),
    "denied": ClaimState("denied", "✗", "denied"),
    "unknown": ClaimState("unknown", "?", "unknown"),
}


def state_of(tag: str | None, not_a_claim: bool = False) -> ClaimState:
    """The state of a claim with this tag and not-a-claim mark: not a claim wins over a tag
    (the user said there is nothing to judge)."""
    if not_a_claim:
        return NOT_A_CLAIM
    return TAGGED.get(tag, UNTAGGED) if tag else UNTAGGED


def claim_state(annotation: Annotation | None) -> ClaimState:
    """The state of a claim with this annotation (None: never annotated)."""
    if annotation is None:
        return UNTAGGED
    return state_of(annotation.tag, annotation.not_a_claim)
