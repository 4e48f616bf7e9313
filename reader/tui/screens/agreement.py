"""How far the store's annotators agree (the figures of `newsreader agree`), on a screen of its
own: read on the store's thread, then shown; `escape` goes back."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...agreement_report import report
from ...agreement_text import agreement_text
from .. import keys


class AgreementScreen(Screen):
    BINDINGS = keys.AGREEMENT
    HELP_TITLE = "agreement"

    def __init__(self, service) -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="agreement"):
            yield Static(Text("Agreement of the annotators", style="bold"), id="agreement-title")
            yield Static(Text("Working it out…", style="italic"), id="agreement-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
        self.measure()

    @work(group="agreement", exclusive=True)
    async def measure(self) -> None:
        r = await self.service.run(report, self.service.store)
        if self.is_attached:
            # (agreement_text cleans every text it prints; a Text is never read as markup)
            self.query_one("#agreement-text", Static).update(Text(agreement_text(r)))

    def action_back(self) -> None:
        self.app.pop_screen()
