"""The speakers view (`S` in the library): every speaker across the store, the names that are
one person merged (reader.roster), most claims first; `enter` shows their claims in the claims
view, `escape` goes back. The line under the list says the current speaker's other names,
roles and outlets in full."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from ...claims_view import rows_of
from ...roster import Speaker, roster
from ...text import neutralize
from .. import keys
from ..session import Session
from ..widgets.speakers_table import SpeakersTable


class RosterScreen(Screen):
    BINDINGS = keys.ROSTER
    HELP_TITLE = "speakers"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.speakers: list[Speaker] = []

    def compose(self) -> ComposeResult:
        yield Static(Text("Speakers · reading the store…", style="bold"), id="roster-title")
        yield SpeakersTable(id="roster-table")
        yield Static(id="roster-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SpeakersTable).focus()
        self.load()

    @work(group="roster", exclusive=True)
    async def load(self) -> None:
        rows = await self.session.service.run(rows_of, self.session.store)
        self.speakers = roster(rows)
        if self.is_attached:
            self.query_one(SpeakersTable).set_items(self.speakers)
            self.query_one("#roster-title", Static).update(Text(
                f"Speakers · {len(self.speakers):,} across {len({r.article.id for r in rows}):,} articles · most claims first",
                style="bold"))
            self._detail()

    def on_virtual_table_cursor_moved(self, event: SpeakersTable.CursorMoved) -> None:
        self._detail()

    def _detail(self) -> None:
        s = self.query_one(SpeakersTable).current
        if s is None:
            self.query_one("#roster-detail", Static).update(Text("No speakers found yet.", style="italic"))
            return
        text = Text(neutralize(s.name), style="bold")
        if s.aliases:
            text.append(f" · also named {neutralize(', '.join(sorted(s.aliases)))}")
        if s.roles:
            text.append(f" · {neutralize(', '.join(r for r, _ in s.roles.most_common(3)))}")
        text.append(f" · {s.claims:,} claims: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in s.tags.most_common()))
        self.query_one("#roster-detail", Static).update(text)

    def on_virtual_table_chosen(self, event: SpeakersTable.Chosen) -> None:
        self.action_open()

    def action_open(self) -> None:
        s = self.query_one(SpeakersTable).current
        if s is not None:
            from .claims import ClaimsScreen

            names = [s.name, *sorted(s.aliases)]  # (every name merged into this speaker)
            self.app.push_screen(ClaimsScreen(self.session, query=" OR ".join(f'speaker:"{n}"' for n in names)))

    def action_back(self) -> None:
        self.app.pop_screen()
