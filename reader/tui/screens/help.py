"""Every key of the screen below, generated from its bindings (and the app's)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from .. import keys

GROUPS = ("This screen", "Everywhere", "Moving in the list")


def key_rows(screen: Screen) -> list[tuple[str, str, str, str]]:
    """(group, keys, description, what it does) for every binding active on `screen`: the
    screen's own keys first, then the app's, then those of the focused widget. Only newsreader's
    keys (keys.py): not the ones Textual adds to every screen (tab, super+c, ...)."""
    rows: dict[tuple[str, str], list] = {}
    for active in screen.active_bindings.values():
        b = active.binding
        if b.system or not b.description or not keys.ours(b):
            continue
        node = active.node
        group = GROUPS[0] if node is screen else GROUPS[1] if node is screen.app else GROUPS[2]
        label = b.key_display or screen.app.get_key_display(b)
        ident = (group, b.description)
        if ident in rows:
            if label not in rows[ident][1]:
                rows[ident][1].append(label)
        else:
            rows[ident] = [group, [label], b.description, b.tooltip or ""]
    ordered = sorted(rows.values(), key=lambda r: GROUPS.index(r[0]))
    return [(group, " ".join(keys), desc, tip) for group, keys, desc, tip in ordered]


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,question_mark,q", "close", "Close", id="close-help"),
    ]

    def __init__(self, under: Screen, title: str) -> None:
        super().__init__()
        self.under = under
        self.title_text = title

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False, expand=True)
        table.add_column("Key", no_wrap=True)
        table.add_column("Action", no_wrap=True)
        table.add_column("", ratio=1)
        group = None
        for section, shown, desc, tip in key_rows(self.under):
            if section != group:
                if group is not None:
                    table.add_row("", "", "")
                table.add_row(Text(section, style="bold underline"), "", "")
                group = section
            table.add_row(Text(shown, style="bold"), Text(desc), Text(tip, style="italic"))
        with VerticalScroll(id="help"):
            yield Static(Text(f"Keys: {self.title_text}", style="bold"), id="help-title")
            yield Static(table)
            yield Static(Text("escape or ? closes this · ctrl+p searches every action", style="italic"), id="help-hint")

    def action_close(self) -> None:
        self.dismiss(None)
