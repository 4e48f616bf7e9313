"""The article's claims beside (or under) the text: tag, kind, speaker and the claim."""

from __future__ import annotations

from ...extract.calibration import doubtful as is_doubtful
from ...model import Annotation, Claim, speaker_of
from ...states import claim_state
from ...text import neutralize
from .virtual_table import VirtualTable

KIND_SHORT = {"quote": "quote", "reported": "said", "source": "src"}


def excerpt(text: str, limit: int = 70) -> str:
    one = " ".join(neutralize(text).split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


class ClaimTable(VirtualTable):
    """One row per claim, in body order. The screen keeps its cursor on the current claim."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: dict[str, Annotation] = {}

    def show(self, claims: list[Claim], notes: dict[str, Annotation], current: int) -> None:
        self.notes = notes
        self.set_items(claims, max(current, 0))

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        speaker = 16 if width >= 50 else 10
        return [("tag", "", 1), ("kind", "Kind", 5), ("speaker", "Speaker", speaker),
                ("claim", "Claim", max(width - speaker - 10, 10))]

    def cells(self, claim: Claim, index: int) -> dict[str, str]:
        note = self.notes.get(claim.id)
        tag = claim_state(note).mark or ("!" if is_doubtful(claim, note) else "")  # doubtful: check it first
        speaker = speaker_of(claim, note)
        return {
            "tag": tag,
            "kind": "↳ quo" if claim.within else KIND_SHORT.get(claim.kind, claim.kind),  # inside the statement above
            "speaker": speaker or "?",
            "claim": excerpt(claim.text, 200) + (" ✎" if note and note.note else ""),
        }

    def row_classes(self, claim: Claim, index: int) -> tuple[str, ...]:
        note = self.notes.get(claim.id)
        if claim_state(note).done:
            return ("table--dim",)
        return ("table--doubtful",) if is_doubtful(claim, note) else ()
