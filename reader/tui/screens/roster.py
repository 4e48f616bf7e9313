"""The speakers view (`S` in the library): every speaker across the store, the names that are
one person merged (reader.roster), most claims first; `enter` shows their claims in the claims
view, `m` says the speaker is the same person as another (→ completes the name), `x` splits
off the names merged into them; both yours alone, kept with your annotations. `escape` goes
back. The line under the list says the current speaker's other names, roles and outlets."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from ...claim_listing import listing_of
from ...dates import every_week
from ...roster import Speaker
from ...roster_db import articles_of, roster_of, weeks_of
from ...text import neutralize
from .. import keys
from ..dialogs.ask import AskDialog
from ..session import Session
from ..widgets.speakers_table import SpeakersTable


class RosterScreen(Screen):
    BINDINGS = keys.ROSTER
    HELP_TITLE = "speakers"

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.speakers: list[Speaker] = []
        self.listing = None  # (claim_listing: the claims with the annotations laid over them)

    def compose(self) -> ComposeResult:
        yield Static(Text("Speakers · reading the store…", style="bold"), id="roster-title")
        yield SpeakersTable(id="roster-table")
        yield Static(id="roster-detail")
        yield Static(id="roster-weeks-label")
        yield Sparkline([], id="roster-weeks")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SpeakersTable).focus()
        self.load()

    @work(group="roster", exclusive=True)
    async def load(self, keep: str | None = None) -> None:
        """Every speaker, counted by the database over the claims with the annotations laid
        over them (roster_db: a pass over a million claims, not every article read)."""
        listing = await self.session.service.run(listing_of, self.session.store)
        speakers = await self.session.service.run(roster_of, listing)
        articles = await self.session.service.run(articles_of, listing)
        if not self.is_attached:
            listing.close()
            return
        if self.listing is not None:
            self.listing.close()
        self.listing, self.speakers = listing, speakers
        at = next((i for i, s in enumerate(self.speakers) if s.name == keep), 0)
        self.query_one(SpeakersTable).set_items(self.speakers, at)
        self.query_one("#roster-title", Static).update(Text(
            f"Speakers · {len(self.speakers):,} across {articles:,} article{'s' if articles != 1 else ''} · most claims first", style="bold"))
        self._detail()

    def on_unmount(self) -> None:
        if self.listing is not None:
            self.listing.close()

    def on_virtual_table_cursor_moved(self, event: SpeakersTable.CursorMoved) -> None:
        self._detail()

    def _detail(self) -> None:
        s = self.query_one(SpeakersTable).current
        if s is None:
            self.query_one("#roster-detail", Static).update(Text("No speakers found yet.", style="italic"))
            self._weeks(None)
            return
        text = Text(neutralize(s.name), style="bold")
        if s.aliases:
            text.append(f" · also named {neutralize(', '.join(sorted(s.aliases)))}")
        if s.roles:
            text.append(f" · {neutralize(', '.join(r for r, _ in s.roles.most_common(3)))}")
        text.append(f" · {s.claims:,} claims: " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in s.tags.most_common()))
        if s.first:
            text.append(f" · seen {s.first.isoformat()} to {s.last.isoformat()}")
        self.query_one("#roster-detail", Static).update(text)
        self._weeks(s)

    def _weeks(self, s: Speaker | None) -> None:
        """The speaker's claims per week, as a sparkline."""
        if s is not None and not s.weeks and s.claims and self.listing is not None:
            s.weeks = weeks_of(self.listing, s)  # (read for the speaker shown)
        weeks = every_week(dict(s.weeks)) if s is not None else {}
        label = self.query_one("#roster-weeks-label", Static)
        if weeks:
            label.update(Text(f"Claims per week, {min(weeks)} to {max(weeks)} (most {max(weeks.values()):,})",
                              style="bold"))
        else:
            label.update(Text("Claims per week: no dated articles", style="bold"))
        chart = self.query_one("#roster-weeks", Sparkline)
        chart.data = list(weeks.values())
        chart.display = bool(weeks)

    def on_virtual_table_chosen(self, event: SpeakersTable.Chosen) -> None:
        self.action_open()

    def action_open(self) -> None:
        s = self.query_one(SpeakersTable).current
        if s is not None:
            from .claims import ClaimsScreen

            names = [s.name, *sorted(s.aliases)]  # (every name merged into this speaker)
            self.app.push_screen(ClaimsScreen(self.session, query=" OR ".join(f'speaker:"{n}"' for n in names)))

    # -- merging and splitting by hand (yours, kept with your annotations) ----------------------
    def action_merge(self) -> None:
        s = self.query_one(SpeakersTable).current
        if s is None:
            return

        def done(into: str | None) -> None:
            if into and into.strip():
                self.rename(s.name, [s.name, *s.aliases], into.strip(), keep=into.strip())

        self.app.push_screen(AskDialog(
            f"{s.name}: the same person as…", "", context="The name of the speaker they are; → completes it.",
            placeholder="a speaker's name", offer=[x.name for x in self.speakers if x is not s],
            hint="enter merges · escape cancels"), done)

    def action_split(self) -> None:
        s = self.query_one(SpeakersTable).current
        if s is None or not s.aliases:
            self.notify("Nothing merged into this speaker to split.", timeout=3)
            return
        self.rename(s.name, sorted(s.aliases), None, keep=s.name)

    @work(group="roster-names", exclusive=False)
    async def rename(self, name: str, names: list[str], into: str | None, keep: str) -> None:
        store = self.session.store
        for n in names:
            await self.session.service.run(store.name_speaker, n, into)
        self.notify(f"{name}: " + (f"one person with {into}" if into else "the names merged into it are apart again"),
                    timeout=4, markup=False)
        self.load(keep)

    def action_back(self) -> None:
        self.app.pop_screen()
