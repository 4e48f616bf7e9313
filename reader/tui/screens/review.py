"""Review: the claims the annotators judged differently, one at a time, each annotator's tag and
note side by side, and the final judgement taken with the usual keys (s, d, u, f; x clears it),
stored as the adjudicated annotation with who settled it (Store.settle). `o` also walks the
claims only one annotator judged; `escape` goes back."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...agreement_report import Unit, units_of
from ...changes import values_of
from ...corrections import added_claim
from ...states import claim_state
from ...text import neutralize
from .. import keys

VERDICTS = {"stated": {"tag": "stated"}, "denied": {"tag": "denied"}, "unknown": {"tag": "unknown"},
            "not_a_claim": {"not_a_claim": True, "tag": None}, "clear": {"tag": None, "not_a_claim": False}}


def to_review(units: list[Unit], singles: bool) -> list[Unit]:
    """The disputed claims (and, with `singles`, those only one annotator judged), in order."""
    return [u for u in units if u.disputed or (singles and len(u.notes) == 1)]


class ReviewScreen(Screen):
    BINDINGS = keys.REVIEW
    HELP_TITLE = "review of disagreements"

    def __init__(self, service) -> None:
        super().__init__()
        self.service = service
        self.units: list[Unit] = []
        self.items: list[Unit] = []
        self.current = 0
        self.singles = False
        self.said = ""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="review"):
            yield Static(Text("Review of disagreements", style="bold"), id="review-title")
            yield Static(Text("Finding the claims the annotators judged differently…", style="italic"), id="review-claim")
            yield Static(id="review-judgements")
            yield Static(id="review-final")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    @work(group="review", exclusive=True)
    async def load(self) -> None:
        store = self.service.store
        self.units = await self.service.run(units_of, store, None, 1)
        self.items = to_review(self.units, self.singles)
        self.current = min(self.current, max(0, len(self.items) - 1))
        if self.is_attached:
            self.show()

    # -- drawing ---------------------------------------------------------------------------------
    def show(self) -> None:
        settled = sum(1 for u in self.items if u.final is not None and u.final.done)
        scope = "disagreements and claims one annotator judged" if self.singles else "disagreements"
        if not self.items:
            self.query_one("#review-title", Static).update(Text(f"Review: no {scope} to settle", style="bold"))
            judged = any(len(x.notes) >= 2 for x in self.units)
            said = ("Every claim two annotators judged, they judged alike." if judged
                    else "No claim has been judged by two annotators yet.")
            self.query_one("#review-claim", Static).update(Text(
                said + ("" if self.singles else " o also shows the claims only one annotator judged."), style="italic"))
            self.query_one("#review-judgements", Static).update("")
            self.query_one("#review-final", Static).update("")
            return
        u = self.items[self.current]
        title = Text(f"Review · {self.current + 1} of {len(self.items)} {scope} · {settled} settled", style="bold")
        if self.said:
            title.append(f"  {self.said}", style="bold reverse")
        self.query_one("#review-title", Static).update(title)
        self.query_one("#review-claim", Static).update(self._claim(u))
        self.query_one("#review-judgements", Static).update(self._judgements(u))
        self.query_one("#review-final", Static).update(self._final(u))

    @staticmethod
    def _claim(u: Unit) -> Text:
        text = Text()
        text.append("In: ", style="bold")
        text.append(neutralize(u.title) + "\n", style="italic")
        text.append(neutralize(u.before))
        text.append(neutralize(u.text), style="bold reverse")
        text.append(neutralize(u.after) + "\n")
        text.append(f"Speaker (as found): {neutralize(u.speaker or 'unknown')}")
        return text

    @staticmethod
    def _judgements(u: Unit) -> Table:
        table = Table(box=None, pad_edge=False, header_style="bold")
        table.add_column("Annotator", no_wrap=True)
        table.add_column("Judgement", no_wrap=True)
        table.add_column("Speaker they named")
        table.add_column("Note", ratio=1)
        for name, a in sorted(u.notes.items()):
            table.add_row(Text(neutralize(name)), Text(claim_state(a).text, style="bold"),
                          Text(neutralize(a.speaker or "")), Text(neutralize(a.note), style="italic"))
        return table

    @staticmethod
    def _final(u: Unit) -> Text:
        f = u.final
        if f is None or not f.done:
            return Text("Final: not settled yet (s, d, u or f settles it)", style="italic")
        return Text(f"Final: {claim_state(f).text}, settled by {neutralize(f.settled_by or '?')}", style="bold")

    # -- keys ------------------------------------------------------------------------------------
    def action_move(self, step: int) -> None:
        if self.items:
            self.current = (self.current + step) % len(self.items)
            self.said = ""
            self.show()

    def action_next_unsettled(self) -> None:
        n = len(self.items)
        for k in range(1, n + 1):
            u = self.items[(self.current + k) % n]
            if u.final is None or not u.final.done:
                self.current = (self.current + k) % n
                self.said = ""
                self.show()
                return
        self.said = "every claim here is settled"
        self.show()

    def action_toggle_singles(self) -> None:
        self.singles = not self.singles
        self.items = to_review(self.units, self.singles)
        self.current = 0
        self.said = ""
        self.show()

    def action_settle(self, verdict: str) -> None:
        if self.items:
            self.settle(self.items[self.current], verdict)

    @work(group="settle", exclusive=False)
    async def settle(self, u: Unit, verdict: str) -> None:
        store = self.service.store

        def save():
            article = store.article(u.article)
            claim = next((c for c in article.claims if c.id == u.claim), None)
            if claim is None:  # a claim an annotator added: theirs is the claim
                claim = added_claim(next(a for a in u.notes.values() if a.added))
            seen = values_of(u.final, [*VERDICTS[verdict], "settled_by"])  # (a final settled meanwhile stays)
            return store.settle(u.article, claim, VERDICTS[verdict], seen).after

        try:
            u.final = await self.service.run(save)
        except Exception as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        if not self.is_attached:
            return
        if verdict == "clear":
            self.said = "final judgement cleared"
            self.show()
        else:
            self.action_next_unsettled()

    def action_back(self) -> None:
        self.app.pop_screen()
