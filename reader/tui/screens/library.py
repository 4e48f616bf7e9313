"""The library: every article in a table, newest first; filter, sort, open, ingest."""

from __future__ import annotations

import time
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, ProgressBar, Static

from ...ingest import ingest
from ...library import COLUMNS, Library, Query, Row
from ...storage import StoreError
from ...text import safe_line
from .. import keys
from ..dialogs.ask import AskDialog
from ..widgets.article_table import ArticleTable

SAMPLE_HINT = "These are the sample articles. Press i to ingest your own: a file or a folder of articles."
EMPTY_HINT = "The store is empty. Press i to ingest a file or a folder of articles."


class LibraryScreen(Screen):
    BINDINGS = keys.LIBRARY

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.bodies_loaded = False

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield Static(id="hint")
        with Horizontal(id="filter-bar"):
            yield Static(Text("Filter: "), id="filter-label")
            field = Input(placeholder="words · speaker:NAME · is:untagged   (enter: back to the list, escape: clear)", id="filter")
            field.cursor_blink = getattr(self.app, "blink", True)
            yield field
        yield ArticleTable(id="articles")
        with Horizontal(id="ingest-bar"):
            yield Static(id="ingest-label")
            yield ProgressBar(id="ingest-progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#filter-bar").display = False
        self.query_one("#ingest-bar").display = False
        self.show_rows()
        self.query_one(ArticleTable).focus()
        self.load_bodies()

    # -- rows --------------------------------------------------------------------------------
    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def show_rows(self, keep: str | None = None) -> None:
        current = self.table.current
        self.library.refresh()
        self.table.set_rows(self.library.visible, self.library.order, keep or (current.id if current else None))
        self.update_title()

    def update_title(self) -> None:
        lib = self.library
        total = len(lib.rows)
        shown = len(lib.visible)
        order = f"sorted by {lib.order.column} {'▼' if lib.order.reverse else '▲'}"
        parts = [f"{total:,} article{'s' if total != 1 else ''}"]
        if shown != total or not lib.query.empty:
            parts.append(f"{shown:,} shown")
        if lib.query.untagged:
            parts.append("untagged only")
        parts.append(order)
        self.query_one("#library-title", Static).update(Text("newsreader · " + " · ".join(parts), style="bold"))
        hint = self.query_one("#hint", Static)
        if getattr(self.app, "showing_samples", False):
            hint.update(Text(SAMPLE_HINT))
            hint.display = True
        elif total == 0:
            hint.update(Text(EMPTY_HINT))
            hint.display = True
        else:
            hint.display = False

    def refresh_progress(self, article_id: str, done: int) -> None:
        row = self.library.by_id(article_id)
        if row is not None:
            row.tagged = done
            row.read = True
            self.table.refresh()

    def on_screen_resume(self) -> None:
        self.update_title()
        self.table.refresh()

    @work(group="bodies", exclusive=True)
    async def load_bodies(self) -> None:
        """Article bodies for the filter, loaded after the first frame."""
        try:
            bodies = await self.app.service.run(self.app.store.bodies)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        for row in self.library.rows:
            body = bodies.get(row.id)
            row.body = body.lower() if body else ""
        self.bodies_loaded = True
        if not self.library.query.empty:
            self.show_rows()

    # -- opening -----------------------------------------------------------------------------
    def on_article_table_opened(self, event: ArticleTable.Opened) -> None:
        self.app.open_article(event.row.id)

    def action_open(self) -> None:
        row = self.table.current
        if row is not None:
            self.app.open_article(row.id)

    def action_next_untagged(self) -> None:
        self.app.open_next_untagged(after=None)

    def select(self, article_id: str) -> None:
        index = self.library.index_of(article_id)
        if index is not None:
            self.table.cursor = index

    # -- filter and sort ---------------------------------------------------------------------
    def action_filter(self) -> None:
        bar = self.query_one("#filter-bar")
        bar.display = True
        self.query_one("#filter", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "filter":
            self.library.query = Query.parse(event.value, untagged=self.library.query.untagged and "is:untagged" not in event.value)
            self.show_rows()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "filter":
            if not event.value.strip():
                self.query_one("#filter-bar").display = False
            self.table.focus()

    def key_escape(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.has_focus or not self.library.query.empty:
            filter_input.value = ""
            self.library.query = Query()
            self.query_one("#filter-bar").display = False
            self.show_rows()
            self.table.focus()

    def action_toggle_untagged(self) -> None:
        q = self.library.query
        self.library.query = Query(q.words, q.speakers, not q.untagged, q.text)
        self.show_rows()
        self.notify("Showing only articles with untagged claims" if not q.untagged else "Showing all articles", timeout=2)

    def action_sort_next(self) -> None:
        order = self.library.order
        order.column = COLUMNS[(COLUMNS.index(order.column) + 1) % len(COLUMNS)]
        order.reverse = order.column in ("date", "progress")
        self.show_rows()

    def action_sort_reverse(self) -> None:
        self.library.order.reverse = not self.library.order.reverse
        self.show_rows()

    def on_article_table_sort_clicked(self, event: ArticleTable.SortClicked) -> None:
        order = self.library.order
        if order.column == event.column:
            order.reverse = not order.reverse
        else:
            order.column = event.column
            order.reverse = event.column in ("date", "progress")
        self.show_rows()

    # -- ingest ------------------------------------------------------------------------------
    def action_ingest(self) -> None:
        def check(value: str) -> str | None:
            if not value.strip():
                return "Give a file or a folder."
            if not Path(value.strip()).expanduser().exists():
                return f"No such file or folder: {safe_line(value.strip(), 80)}"
            return None

        def done(path: str | None) -> None:
            if path:
                self.run_ingest(str(Path(path.strip()).expanduser()))

        self.app.push_screen(
            AskDialog("Ingest articles", "", context="A file or a folder (read recursively).",
                      placeholder="path/to/articles", check=check),
            done,
        )

    @work(group="ingest", exclusive=True)
    async def run_ingest(self, path: str) -> None:
        bar = self.query_one("#ingest-progress", ProgressBar)
        label = self.query_one("#ingest-label", Static)
        self.query_one("#ingest-bar").display = True
        label.update(Text(f"Ingesting {safe_line(path, 60)} "))
        bar.update(total=None, progress=0)
        last = [0.0]

        def progress(done: int, total: int) -> None:
            now = time.monotonic()
            if done == total or now - last[0] > 0.1:
                last[0] = now
                self.app.call_from_thread(bar.update, total=total, progress=done)

        try:
            report = await self.app.service.run(ingest, [path], self.app.store, progress)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=10)
            return
        finally:
            self.query_one("#ingest-bar").display = False
        await self.app.reload_library()
        message = f"Ingested {len(report.new)} new, {len(report.updated)} updated, {len(report.unchanged)} unchanged"
        if report.refused:
            reasons = "; ".join(f"{Path(name).name}: {reason}" for name, reason in report.refused[:3])
            more = f" (and {len(report.refused) - 3} more)" if len(report.refused) > 3 else ""
            self.notify(f"{message}. Refused {len(report.refused)}: {reasons}{more}", severity="warning", markup=False, timeout=12)
        else:
            self.notify(message + ".", markup=False)
        if report.new:
            self.app.showing_samples = False
            self.update_title()

    def reload(self, rows: list[Row]) -> None:
        self.library.rows = rows
        self.show_rows()
