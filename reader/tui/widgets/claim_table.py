"""The article's claims beside (or under) the text: tag, kind, speaker and the claim."""

from __future__ import annotations

from rich.cells import cell_len

from ...extract.calibration import doubtful as is_doubtful
from ...model import Annotation, Claim, speaker_of
from ...states import claim_state
from ...text import neutralize
from .virtual_table import VirtualTable

KIND_SHORT = {"quote": "quote", "reported": "said", "source": "src"}
SPEAKER_MOST = 24  # cells for the speaker column at most: past that a name is cut
CLAIM_LEAST = 16  # cells the excerpt keeps before the speaker column stops growing
FIXED = 10  # the tag and kind columns, and the space after each column


def excerpt(text: str, limit: int = 70) -> str:
    one = " ".join(neutralize(text).split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


class ClaimTable(VirtualTable, can_focus=False):
    """One row per claim, in body order. The screen keeps its cursor on the current claim. It
    never takes the focus (tab does not move into it): the reader's keys always act on the text
    and the current claim, and a click on a row makes that claim current."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.notes: dict[str, Annotation] = {}
        self.longest = 0  # cells of the longest speaker's name

    def show(self, claims: list[Claim], notes: dict[str, Annotation], current: int) -> None:
        self.notes = notes
        self.items = claims
        self.longest = self._longest()
        self.set_items(claims, max(current, 0))

    def note_changed(self, index: int) -> None:
        """A claim's annotation changed: redraw its row, or all rows if a corrected speaker
        changed the width of the speaker column."""
        longest = self._longest()
        if longest != self.longest:
            self.longest = longest
            self.refresh()
        else:
            self.refresh_item(index)

    def _longest(self) -> int:
        return max((cell_len(neutralize(speaker_of(c, self.notes.get(c.id)) or "?")) for c in self.items), default=0)

    def columns(self, width: int) -> list[tuple[str, str, int]]:
        """The speaker column as wide as the longest name (up to SPEAKER_MOST, and leaving the
        excerpt CLAIM_LEAST cells); the excerpt takes the rest."""
        speaker = max(min(self.longest, SPEAKER_MOST, width - FIXED - CLAIM_LEAST), len("Speaker"))
        return [("tag", "", 1), ("kind", "Kind", 5), ("speaker", "Speaker", speaker),
                ("claim", "Claim", max(width - speaker - FIXED, 10))]

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
