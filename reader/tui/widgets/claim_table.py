"""The article's claims beside (or under) the text: tag, kind, speaker and a short excerpt."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ...model import Annotation, Claim
from ...text import neutralize

TAG_TEXT = {"stated": "✓ stated", "denied": "✗ denied", "unknown": "? unknown"}
TAG_GLYPH = {"stated": "✓", "denied": "✗", "unknown": "?"}
KIND_SHORT = {"quote": "quote", "reported": "said", "source": "src"}


def excerpt(text: str, limit: int = 70) -> str:
    one = " ".join(neutralize(text).split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


class ClaimTable(DataTable):
    """One row per claim, in body order. The screen keeps its cursor on the current claim."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=False)
        self.claims: list[Claim] = []

    def on_mount(self) -> None:
        self.add_column("", key="tag", width=1)
        self.add_column("Kind", key="kind", width=5)
        self.add_column("Speaker", key="speaker", width=16)
        self.add_column("Claim", key="claim")

    def show(self, claims: list[Claim], notes: dict[str, Annotation], current: int) -> None:
        self.claims = claims
        self.clear()
        for claim in claims:
            self.add_row(*self._cells(claim, notes.get(claim.id)), key=claim.id)
        if 0 <= current < len(claims):
            self.move_cursor(row=current, animate=False)

    def _cells(self, claim: Claim, note: Annotation | None) -> list[Text]:
        tag = TAG_GLYPH.get(note.tag, "") if note and note.tag else ""
        if note and note.not_a_claim:
            tag = "✕"
        speaker = note.speaker if note and note.speaker else claim.speaker
        text = excerpt(claim.text) + (" ✎" if note and note.note else "")
        return [
            Text(tag),
            Text(KIND_SHORT.get(claim.kind, claim.kind)),
            Text(excerpt(speaker or "?", 16), style="italic" if note and note.speaker else ""),
            Text(text, style="strike dim" if note and note.not_a_claim else ""),
        ]

    def update_claim(self, claim: Claim, note: Annotation | None) -> None:
        tag, kind, speaker, text = self._cells(claim, note)
        self.update_cell(claim.id, "tag", tag)
        self.update_cell(claim.id, "speaker", speaker)
        self.update_cell(claim.id, "claim", text, update_width=False)
