"""Your annotations of this article whose claim vanished when its file changed: each with its
text, tag and note; re-attach one to the claim that is current in the reader, or discard it.
Returns ("reattach" | "discard", claim id of the orphan), or None."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from ...model import Annotation, Claim
from ...text import neutralize
from .. import keys


def orphan_line(a: Annotation) -> Text:
    """How an orphan is listed: its tag or state, its text, its note (all shown, never obeyed)."""
    state = "not a claim" if a.not_a_claim else a.tag or "untagged"
    line = Text(f"{state:<11} ", style="bold")
    line.append(f"“{neutralize(a.text)}”")
    if a.note:
        line.append(f"  · note: {neutralize(a.note)}", style="italic")
    return line


class OrphansDialog(ModalScreen[tuple[str, str] | None]):
    BINDINGS = keys.ORPHANS

    def __init__(self, orphans: list[Annotation], current: Claim | None) -> None:
        super().__init__()
        self.orphans = orphans
        self.current = current
        self.armed: str | None = None  # the orphan whose discard waits for a second press

    def compose(self) -> ComposeResult:
        with Vertical(id="orphans"):
            yield Label(Text("Annotations whose claim is gone", style="bold"), id="orphans-title")
            target = f"“{neutralize(self.current.text)[:120]}”" if self.current else "no claim (this article has none)"
            yield Label(Text(f"r re-attaches the highlighted one to the current claim: {target}"), id="orphans-target")
            yield OptionList(*[Option(orphan_line(a), id=a.claim_id) for a in self.orphans], id="orphans-list")
            yield Label(Text("r re-attach · x discard (press twice) · escape close"), id="orphans-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _highlighted(self) -> Annotation | None:
        index = self.query_one(OptionList).highlighted
        return self.orphans[index] if index is not None and 0 <= index < len(self.orphans) else None

    def action_reattach(self) -> None:
        orphan = self._highlighted()
        if orphan is not None and self.current is not None:
            self.dismiss(("reattach", orphan.claim_id))

    def action_discard(self) -> None:
        orphan = self._highlighted()
        if orphan is None:
            return
        if self.armed == orphan.claim_id:
            self.dismiss(("discard", orphan.claim_id))
            return
        self.armed = orphan.claim_id
        self.query_one("#orphans-hint", Label).update(
            Text("Press x again to discard it for good (only yours; others' annotations stay).", style="bold"))

    def action_close(self) -> None:
        self.dismiss(None)
