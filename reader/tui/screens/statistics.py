"""Figures rather than rows (`#` in the library, and in the claims view for its query): the tag's
share overall, per speaker and per outlet as bars, claims per week and your annotations per week
as sparklines (Textual's Sparkline, drawn in the theme's colours, light or dark). The same
figures as `newsreader stats`."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from ...query import EVERYTHING
from ...stats import Stats, stats
from ...stats_text import LABELS, STATES, share_bar
from ...text import safe_line
from .. import keys


class StatisticsScreen(Screen):
    BINDINGS = keys.STATISTICS
    HELP_TITLE = "statistics"

    def __init__(self, service, query=EVERYTHING, label: str = "every claim") -> None:
        super().__init__()
        self.service, self.where, self.label = service, query, label  # (not self.query: a Screen's own)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="statistics"):
            yield Static(Text(f"Statistics · {safe_line(self.label, 80)} · working them out…", style="bold"),
                         id="stats-title")
            yield Static(id="stats-tags")
            yield Static(id="stats-weeks-label")
            yield Sparkline([], id="stats-weeks")
            yield Static(id="stats-groups")
            yield Static(id="stats-progress-label")
            yield Sparkline([], id="stats-progress")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).focus()
        self.measure()

    @work(group="statistics", exclusive=True)
    async def measure(self) -> None:
        s = await self.service.run(stats, self.service.store, self.where)
        if self.is_attached:
            self.show(s)

    def show(self, s: Stats) -> None:
        self.query_one("#stats-title", Static).update(Text(
            f"Statistics · {safe_line(self.label, 80)} · {s.claims:,} claims", style="bold"))
        tags = Text("The tags  (█ stated  ▓ denied  ▒ unknown  ░ not a claim  · untagged)\n", style="bold")
        tags.append(f"{share_bar(s.tags)}\n" + "  ".join(f"{LABELS[k]} {s.tags[k]:,}" for k in STATES))
        self.query_one("#stats-tags", Static).update(tags)
        weeks = list(s.weeks)
        self.query_one("#stats-weeks-label", Static).update(Text(
            f"Claims per week, {weeks[0]} to {weeks[-1]} (most {max(s.weeks.values()):,})" if weeks
            else "Claims per week: no dated articles", style="bold"))
        self.query_one("#stats-weeks", Sparkline).data = list(s.weeks.values())
        self.query_one("#stats-weeks", Sparkline).display = bool(weeks)
        self.query_one("#stats-groups", Static).update(self._groups(s))
        self.query_one("#stats-progress-label", Static).update(Text(
            f"Your annotations per week, {min(s.progress)} to {max(s.progress)} ({sum(s.progress.values()):,} in all)"
            if s.progress else "Your annotations per week: none yet", style="bold"))
        self.query_one("#stats-progress", Sparkline).data = list(s.progress.values())
        self.query_one("#stats-progress", Sparkline).display = bool(s.progress)

    @staticmethod
    def _groups(s: Stats) -> Text:
        out = Text()
        for title, groups in (("By speaker", s.by_speaker), ("By outlet", s.by_outlet)):
            out.append(f"{title} (most claims first)\n", style="bold")
            for name, counts in groups.items():
                out.append(f"  {safe_line(name, 28):<28} {sum(counts.values()):>6,}  {share_bar(counts, 30)}\n")
        return out

    def action_back(self) -> None:
        self.app.pop_screen()
