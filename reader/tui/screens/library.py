"""The library: every article in a table, newest first; filter, sort, open, ingest."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Key
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, ProgressBar, Static

from ...library import COLUMNS, Library, Query, Rows
from ...query import LIBRARY_GUIDE, QueryError
from ...report import counts, named_duplicates
from ...storage import StoreError
from ...text import safe_line
from .. import keys
from ..dialogs.ask import AskDialog
from ..messages import (
    Failed,
    LibraryChanged,
    NextUntagged,
    OpenArticle,
    OpenClaims,
    OpenSpeakers,
    Remember,
)
from ..service import StoreService
from ..widgets.article_table import ArticleTable

SAMPLE_HINT = "These are the sample articles. Press i to ingest your own: a file or a folder of articles."
FILTER_PAUSE = 0.02  # seconds without a key before the filter is applied (a burst of keys, a paste: once)
EMPTY_HINT = "The store is empty. Press i to ingest a file or a folder of articles."


class RowsCounted(Message):
    """(From the thread that counts a filter's rows) They are counted."""

    def __init__(self, rows: Rows) -> None:
        super().__init__()
        self.rows = rows


class LibraryScreen(Screen):
    BINDINGS = keys.LIBRARY
    QUERY_GUIDE = LIBRARY_GUIDE  # (the help screen shows the query language, as the filter asks it)

    def __init__(self, library: Library, service: StoreService, *, samples: bool = False) -> None:
        super().__init__()
        self.library = library
        self.service = service  # every read and write of the store, on the store's thread
        self.showing_samples = samples  # the store held nothing: the sample articles were put in
        self.filtering = False  # typing into the filter
        self.filter_text = ""
        self.untagged_only = False  # the t key's choice; "is:untagged" typed in the filter adds to it
        self._filter_timer = None

    def compose(self) -> ComposeResult:
        # Each line made with what it says, so that the first frame drawn is the whole screen.
        yield Static(self._title(), id="library-title")
        text = self._hint()
        hint = Static(text or "", id="hint")
        hint.display = text is not None
        yield hint
        yield Static(self._filter_line(), id="filter")
        problem = Static(id="filter-problem")
        problem.display = False
        yield problem
        yield ArticleTable(id="articles")
        bar = Horizontal(Static(id="ingest-label"), ProgressBar(id="ingest-progress", show_eta=False), id="ingest-bar")
        bar.display = False
        yield bar
        yield Footer()

    def on_mount(self) -> None:
        self.table.set_rows(self.library.visible, self.library.order, 0)
        self.table.focus()

    # -- rows --------------------------------------------------------------------------------
    @property
    def table(self) -> ArticleTable:
        return self.query_one(ArticleTable)

    def refresh_counts(self) -> None:
        """Redraw the progress column; nothing while the app tears the screen down (a poll of
        the store can land then)."""
        for table in self.query(ArticleTable):
            table.refresh()

    def show_rows(self, keep: str | None = None, top: bool = False) -> None:
        """Read the rows again (the query, the order or the store changed), the cursor staying
        on the article it was on where the rows still have it; `top`: on the first row (a new
        filter shows its first match, and is not slowed by looking for the old one, nor by
        counting its matches: they are counted once the first are on screen)."""
        current = self.table.current
        keep = None if top else keep or (current.id if current else None)
        self.library.refresh(count_later=top)
        index = self.library.index_of(keep) if keep else None
        rows = self.library.visible
        self.table.set_rows(rows, self.library.order, index or 0)
        self.update_title()
        if isinstance(rows, Rows) and not rows.counted:
            self.count_rows(rows)

    @work(thread=True, exclusive=True, group="count")
    def count_rows(self, rows: Rows) -> None:
        try:
            if rows.count():
                self.post_message(RowsCounted(rows))
        except StoreError as exc:
            self.post_message(Failed("", exc))

    def on_rows_counted(self, message: RowsCounted) -> None:
        if message.rows is self.library.visible:
            self.table.items_changed()
            self.update_title()

    def update_title(self) -> None:
        self.query_one("#library-title", Static).update(self._title())
        hint = self.query_one("#hint", Static)
        text = self._hint()
        if text is not None:
            hint.update(text)
        hint.display = text is not None

    def _title(self) -> Text:
        lib = self.library
        total = lib.total
        shown = len(lib.visible)
        order = f"sorted by {lib.order.column} {'▼' if lib.order.reverse else '▲'}"
        parts = [f"{total:,} article{'s' if total != 1 else ''}"]
        if shown != total or not lib.query.empty:
            counted = getattr(lib.visible, "counted", True)
            parts.append(f"{shown:,} shown" if counted else f"{shown:,}+ shown (counting)")
        if lib.query.untagged:
            parts.append("untagged only")
        parts.append(order)
        parts.append(f"you: {safe_line(self.service.store.annotator, 40)}")
        return Text("newsreader · " + " · ".join(parts), style="bold")

    def _hint(self) -> Text | None:
        if self.showing_samples:
            return Text(SAMPLE_HINT)
        return Text(EMPTY_HINT) if self.library.total == 0 else None

    def refresh_progress(self, article_id: str, progress) -> None:
        self.library.mark(article_id, progress, read=True)
        self.table.refresh()

    def on_screen_resume(self) -> None:
        self.update_title()
        self.table.refresh()

    # -- opening -----------------------------------------------------------------------------
    def on_virtual_table_chosen(self, event: ArticleTable.Chosen) -> None:
        self.post_message(OpenArticle(self.library.visible[event.index].id))

    def action_open(self) -> None:
        row = self.table.current
        if row is not None:
            self.post_message(OpenArticle(row.id))

    def action_next_untagged(self) -> None:
        self.post_message(NextUntagged(after=None))

    def select(self, article_id: str) -> None:
        index = self.library.index_of(article_id)
        if index is not None:
            self.table.move_to(index, quiet=True)

    # -- filter and sort ---------------------------------------------------------------------
    def action_filter(self) -> None:
        self.filtering = True
        self.show_filter()

    def show_filter(self) -> None:
        self.query_one("#filter", Static).update(self._filter_line())

    def _filter_line(self) -> Text:
        text = Text("Filter: ", style="bold" if self.filtering else "")
        if self.filter_text or self.filtering:
            text.append(self.filter_text)
            if self.filtering:
                text.append("▏", style="blink" if getattr(self.app, "blink", True) else "")
                text.append("   enter: done · escape: clear", style="italic")
        else:
            text.append("/ types a query: words · speaker:NAME · is:untagged · ? lists all", style="italic")
        return text

    def on_key(self, event: Key) -> None:
        """The filter is typed here, not in an input that would have to take the focus first:
        keys typed right after / are never lost, and keep their order."""
        if not self.filtering:
            if event.character == "/":
                event.stop()
                event.prevent_default()
                self.action_filter()
            elif event.key == "escape" and self.filter_text:
                event.stop()
                self.set_filter("")
            return
        if event.key == "escape":
            self.filtering = False
            self.set_filter("")
        elif event.key == "enter":
            self.filtering = False
            self.show_filter()
        elif event.key == "backspace":
            self.set_filter(self.filter_text[:-1])
        elif event.key == "ctrl+u":
            self.set_filter("")
        elif event.is_printable and event.character:
            self.set_filter(self.filter_text + event.character)
        else:
            return  # arrows and page keys still move in the table
        event.stop()
        event.prevent_default()

    def set_filter(self, text: str) -> None:
        self.filter_text = text
        self.show_filter()
        if self._filter_timer is not None:
            self._filter_timer.stop()
            self._filter_timer = None
        if text:
            # Wait for a pause in the typing (keys come faster than this) before searching.
            self._filter_timer = self.set_timer(FILTER_PAUSE, self.apply_filter)
        else:
            self.apply_filter()

    def apply_filter(self) -> None:
        self._filter_timer = None
        query = self._parsed()
        if query is not None:
            self.library.query = query
            self.show_rows(top=True)

    def _parsed(self) -> Query | None:
        """The filter as a query; None (and the reason shown under the filter, at its column)
        while it cannot be read: the rows stay those of the last query that could."""
        problem = self.query_one("#filter-problem", Static)
        try:
            query = Query.parse(self.filter_text, untagged=self.untagged_only)
        except QueryError as exc:
            problem.update(Text(" " * (len("Filter: ") + exc.column) + "^ " + exc.message, style="bold"))
            problem.display = True
            return None
        problem.display = False
        return query

    def action_toggle_untagged(self) -> None:
        self.untagged_only = not self.library.query.untagged
        if not self.untagged_only and self.library.query.untagged:
            # "is:untagged" typed in the filter: t turns it off by taking it out of the text.
            self.filter_text = " ".join(w for w in self.filter_text.split() if w.lower() not in ("is:untagged", "untagged:"))
            self.show_filter()
        query = self._parsed()
        if query is None:
            return
        self.library.query = query
        self.show_rows()
        self.notify("Showing only articles with untagged claims" if self.untagged_only else "Showing all articles", timeout=2)

    def action_sort_next(self) -> None:
        order = self.library.order
        order.column = COLUMNS[(COLUMNS.index(order.column) + 1) % len(COLUMNS)]
        order.reverse = order.column in ("date", "progress")
        self._order_changed()

    def action_sort_reverse(self) -> None:
        self.library.order.reverse = not self.library.order.reverse
        self._order_changed()

    def _order_changed(self) -> None:
        """Show the rows in the new order, and remember it for the next run."""
        self.show_rows()
        order = self.library.order
        self.post_message(Remember(sort_column=order.column, sort_reverse=order.reverse))

    def on_virtual_table_header_clicked(self, event: ArticleTable.HeaderClicked) -> None:
        order = self.library.order
        if order.column == event.column:
            order.reverse = not order.reverse
        else:
            order.column = event.column
            order.reverse = event.column in ("date", "progress")
        self._order_changed()

    # -- ingest ------------------------------------------------------------------------------
    def action_claims(self) -> None:
        self.post_message(OpenClaims())

    def action_speakers(self) -> None:
        self.post_message(OpenSpeakers())

    def action_statistics(self) -> None:
        from .statistics import StatisticsScreen

        self.app.push_screen(StatisticsScreen(self.service))

    def action_review(self) -> None:
        from .review import ReviewScreen

        self.app.push_screen(ReviewScreen(self.service))

    def action_agreement(self) -> None:
        from .agreement import AgreementScreen

        self.app.push_screen(AgreementScreen(self.service))

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
                      placeholder="path/to/articles", hint="enter ingests · escape cancels", check=check),
            done,
        )

    @work(group="ingest", exclusive=True)
    async def run_ingest(self, path: str) -> None:
        from ...ingest import ingest  # (the extractor: only when it is needed, see cli.main)

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
                self.service.to_loop(partial(bar.update, total=total, progress=done))

        try:
            report = await self.service.run(ingest, [path], self.service.store, progress, parallel=False)
        except Exception as exc:
            self.post_message(Failed("Ingest failed", exc))
            return
        finally:
            self.query_one("#ingest-bar").display = False
        self.post_message(LibraryChanged())
        message = f"Ingested {counts(report)}"
        if report.duplicates:
            message += f" ({safe_line(named_duplicates(report.duplicates), 200)})"
        if report.refused:
            reasons = "; ".join(f"{Path(name).name}: {reason}" for name, reason in report.refused[:3])
            more = f" (and {len(report.refused) - 3} more)" if len(report.refused) > 3 else ""
            self.notify(f"{message}. Refused {len(report.refused)}: {reasons}{more}", severity="warning", markup=False, timeout=12)
        else:
            self.notify(message + ".", markup=False)
        if report.new:
            self.showing_samples = False
            self.update_title()

    def reload(self) -> None:
        if self.query(ArticleTable):  # (not while the app tears the screen down)
            self.show_rows()
