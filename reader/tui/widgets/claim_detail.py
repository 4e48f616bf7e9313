"""One line about the current claim: kind, speaker and role, cue, how sure, tag and note; first,
what the last key did, where that needs saying ("claim 3 of 5 by NAME")."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...extract.calibration import TRUSTED
from ...extract.calibration import doubtful as is_doubtful
from ...model import Annotation, Claim, speaker_of
from ...states import claim_state
from ...text import neutralize


class ClaimDetail(Static):
    def show(self, claim: Claim | None, note: Annotation | None, position: str, said: str = "",
             others: list[Annotation] | None = None) -> None:
        """`others`: the other annotators' annotations of the claim, when they are to be shown."""
        if claim is None:
            self.update(Text("No claims found in this article.", style="italic"))
            return
        text = Text()
        if said:
            text.append(neutralize(said), style="bold reverse")
            text.append("  ")
        text.append(f"{position}  ", style="bold")
        text.append(claim.kind, style="bold")
        _who(text, claim, note)
        _how_sure(text, claim, note)
        text.append(" · ")
        text.append(claim_state(note).text, style="bold")
        if note and note.note:
            text.append(" · note: ")
            text.append(neutralize(note.note), style="italic")
        if others is not None:
            _others(text, others)
        self.update(text)


def _who(text: Text, claim: Claim, note: Annotation | None) -> None:
    """The speaker (the user's correction first), the role, the cue."""
    text.append(" · ")
    text.append(neutralize(speaker_of(claim, note) or "speaker unknown"), style="bold")
    if note and note.added:
        text.append(" (a claim you added)", style="italic")
    elif note and note.speaker:
        text.append(f" (corrected; found: {neutralize(claim.speaker or '?')})", style="italic")
    elif claim.role:
        text.append(f" ({neutralize(claim.role)})")
    if claim.cue:
        text.append(f" · {neutralize(claim.cue)}")
    if note and note.span and claim.text == note.span["text"]:
        text.append(" · extent corrected", style="italic")


def _others(text: Text, others: list[Annotation]) -> None:
    """A compact mark per other annotator: "· others: bob ✗ denied (note), carol ? unknown"."""
    text.append(" · others: ", style="bold")
    if not others:
        text.append("none", style="italic")
    for n, a in enumerate(sorted(others, key=lambda a: a.annotator)):
        text.append(", " if n else "")
        text.append(f"{neutralize(a.annotator)} {claim_state(a).text}")
        if a.note:
            text.append(f" ({neutralize(a.note)})", style="italic")


def _how_sure(text: Text, claim: Claim, note: Annotation | None) -> None:
    if is_doubtful(claim, note):
        text.append(f" · doubtful ({claim.confidence:.0%}): check who said it", style="bold reverse")
    elif claim.confidence < TRUSTED:
        text.append(f" · sure {claim.confidence:.0%}")
