"""Every key of the screen below, generated from its bindings (and the app's)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from ...query import GUIDE
from .. import keys
from ..actions import screen_actions, shown_keys


def key_rows(screen: Screen) -> list[tuple[str, str, str, str]]:
    """(group, keys, description, what it does) for every action of `screen` (see actions.py)."""
    return [(a.group, a.label, a.description, a.tooltip) for a in screen_actions(screen)]


def query_guide(note: str) -> Table:
    """The query language (query.GUIDE), and what the screen's queries are asked of (`note`)."""
    table = Table(box=None, show_header=False, pad_edge=False, expand=True)
    table.add_column("Query", no_wrap=True)
    table.add_column("", ratio=1)
    table.add_row(Text("Queries (/)", style="bold underline"), "")
    for syntax, meaning in GUIDE:
        table.add_row(Text(syntax, style="bold"), Text(meaning))
    if note:
        table.add_row("", Text(note, style="italic"))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = keys.HELP

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
            guide = getattr(self.under, "QUERY_GUIDE", None)
            if guide is not None:
                yield Static(query_guide(guide), id="help-queries")
            yield Static(Text(self._hint(), style="italic"), id="help-hint")

    def _hint(self) -> str:
        """"esc ? q closes this · ^p searches every action", from the keys themselves."""
        palette = next(b for b in keys.APP if b.action == "command_palette")
        return f"{shown_keys(self, keys.HELP[0])} closes this · {shown_keys(self, palette)} searches every action"

    def action_close(self) -> None:
        self.dismiss(None)
