"""The claims view (`c` in the library): every claim of the store in one list, chosen by a query
(the one language, see reader.query; a wrong query is told at its column), sorted by any column,
tagged with the reader's keys and undo history, `enter` opening the article at the claim and
`escape` coming back to the same row."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from ...changes import apply_change, implied, values_of
from ...claim_listing import ClaimListing, article_overlay, listing_of, quick_listing
from ...claim_pages import STEP, ClaimPages
from ...claims_view import ORDER, ClaimRow
from ...journal import Entry
from ...query import EVERYTHING, QueryError, parse
from ...states import claim_state
from ...text import neutralize
from .. import keys
from ..history import Change
from ..messages import OpenArticle
from ..session import Session
from ..widgets.claims_table import ClaimsTable

TYPING_PAUSE = 0.3  # seconds after the last key before the query runs


class ClaimsCounted(Message):
    """(From the thread that counts a query's rows) They are counted."""

    def __init__(self, pages: ClaimPages) -> None:
        super().__init__()
        self.pages = pages


class ClaimsScreen(Screen):
    BINDINGS = keys.CLAIMS
    HELP_TITLE = "claims"
    QUERY_GUIDE = ""  # (the help screen shows the query language: asked of each claim)

    def __init__(self, session: Session, query: str = "") -> None:
        super().__init__()
        self.session = session
        self.start_query = query  # what the query field holds at first (the speakers view sets it)
        self.listing: ClaimListing | None = None  # every claim, your and the others' annotations over them
        self.shown: ClaimPages | list[ClaimRow] = []
        self.query_tree = EVERYTHING
        self.order, self.reverse = "date", True
        self._timer = None
        self._opened: str | None = None  # the article opened in the reader from here
        self._judged = 0  # claims you judged or unjudged here since the rows were asked for

    def compose(self) -> ComposeResult:
        yield Static(Text("Claims · reading the store…", style="bold"), id="claims-title")
        yield Input(placeholder="a query: words, \"phrases\", speaker:NAME, tag:none, is:doubtful, conf:<0.6, OR …",
                    id="claims-query", select_on_focus=False)
        yield Static(id="claims-problem")
        yield ClaimsTable(id="claims-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(Input).cursor_blink = getattr(self.app, "blink", True)
        table = self.query_one(ClaimsTable)
        table.me = self.session.store.annotator
        table.focus()
        if self.start_query:
            self.query_one(Input).value = self.start_query
            self.query_tree = parse(self.start_query)
        self.load()

    @work(group="claims", exclusive=True)
    async def load(self) -> None:
        """Every claim by date with your annotations at once (quick_listing), then with every
        annotation laid over them for queries and the other orders (listing_of)."""
        store = self.session.store
        if self._plain_view():
            self._take(await self.session.service.run(quick_listing, store))
            if self.is_attached:
                self.show(None)
        self._take(await self.session.service.run(listing_of, store), keep=True)

    def _plain_view(self) -> bool:
        """Whether the view is of every claim by date (what a quick listing answers)."""
        return self.query_tree == EVERYTHING and self.order == "date"

    def _take(self, listing: ClaimListing, keep: bool = False) -> None:
        if not self.is_attached:
            listing.close()
            return
        current, at = (self.current.key if self.current else None), self.query_one(ClaimsTable).cursor
        if self.listing is not None:
            listing.pending.update(self.listing.pending)  # (tagged here meanwhile)
            self.listing.close()
        self.listing = listing
        if keep:
            self.show(keep=current, at=at)

    def on_unmount(self) -> None:
        if self.listing is not None:
            self.listing.close()

    # -- the list -------------------------------------------------------------------------------
    def show(self, keep: tuple[str, str] | None, at: int = 0) -> None:
        """The rows the query asks for in the chosen order, the cursor on `keep` if it is there
        (else on row `at`: where it was, when the claim no longer belongs to the list)."""
        if self.listing is None:
            return
        if not self.listing.ready and not self._plain_view():
            self._title()  # (shown once the annotations are laid over: see load)
            return
        asked = self.listing.ask(self.query_tree)
        self._judged = 0  # (your judgements made here since: the ask counts them from now on)
        found = None
        if keep:
            self.shown = ClaimPages(asked, (self.order, self.reverse))
            found = self.shown.position(*keep)
        else:  # (a new query: its first rows at once, counted after)
            self.shown = ClaimPages(asked, (self.order, self.reverse), count_later=True)
        self.query_one(ClaimsTable).set_items(self.shown, at if found is None else found)
        self._title()
        if not self.shown.counted or len(self.shown) > 2 * STEP:
            self.count_rows(self.shown)

    @work(thread=True, exclusive=True, group="claims-count")
    def count_rows(self, pages: ClaimPages) -> None:
        """Count the rows (after the first page is on screen), then mark every STEP-th of them
        (so that a page anywhere, a scroll bar dragged, is read from the nearest)."""
        if not pages.counted:
            pages.count()
            self.post_message(ClaimsCounted(pages))
        if len(pages) > 2 * STEP:
            pages.mark()

    def on_claims_counted(self, message: ClaimsCounted) -> None:
        if message.pages is self.shown and self.is_attached:
            self.query_one(ClaimsTable).items_changed()
            self._title()

    def _title(self) -> None:
        if self.listing is None or not isinstance(self.shown, ClaimPages):
            return
        arrow = "▼" if self.reverse else "▲"
        shown = f"{len(self.shown):,}" if self.shown.counted else f"{len(self.shown):,}+ (counting)"
        judged = f" · {self.shown.asked.judged() + self._judged:,} judged by you" if self.shown.counted and self.listing.ready \
            else " · laying the annotations over…" if not self.listing.ready else ""
        self.query_one("#claims-title", Static).update(Text(
            f"Claims · {shown} of {self.listing.total():,}{judged} · sorted by {self.order} {arrow}", style="bold"))

    @property
    def current(self) -> ClaimRow | None:
        return self.query_one(ClaimsTable).current

    # -- the query ------------------------------------------------------------------------------
    def on_input_changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(TYPING_PAUSE, self._run_query)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._run_query()
        self.query_one(ClaimsTable).focus()

    def _run_query(self) -> None:
        text = self.query_one(Input).value
        problem = self.query_one("#claims-problem", Static)
        try:
            tree = parse(text)
        except QueryError as exc:
            caret = " " * exc.column + "^"
            problem.update(Text(f"{neutralize(text)}\n{caret} {exc.message}", style="bold"))
            return
        problem.update("")
        if tree == self.query_tree and isinstance(self.shown, ClaimPages):
            return  # (the same query: the rows stay, and the cursor where it is)
        self.query_tree = tree
        self.show(None)

    def action_query(self) -> None:
        self.query_one(Input).focus()

    def action_statistics(self) -> None:
        from .statistics import StatisticsScreen

        text = self.query_one(Input).value.strip()
        self.app.push_screen(StatisticsScreen(self.session.service, self.query_tree, text or "every claim"))

    def action_back(self) -> None:
        if self.query_one(Input).has_focus:
            self.query_one(ClaimsTable).focus()
        else:
            self.app.pop_screen()

    # -- sorting and moving ---------------------------------------------------------------------
    def action_sort_next(self) -> None:
        self.order = ORDER[(ORDER.index(self.order) + 1) % len(ORDER)]
        self.show(self.current.key if self.current else None)

    def action_sort_reverse(self) -> None:
        self.reverse = not self.reverse
        self.show(self.current.key if self.current else None)

    def action_next_untagged(self) -> None:
        table = self.query_one(ClaimsTable)
        if self.listing is not None and not self.listing.ready:
            self.notify("One moment: the annotations are being laid over the claims.", timeout=2)
            return
        i = self.shown.next_untagged(table.cursor) if isinstance(self.shown, ClaimPages) else None
        if i is None:
            self.notify("Every claim of this list is judged.", timeout=3)
        else:
            table.move_to(i)

    def on_virtual_table_chosen(self, event: ClaimsTable.Chosen) -> None:
        self.action_open()

    def action_open(self) -> None:
        row = self.current
        if row is not None:
            self._opened = row.article.id
            self.post_message(OpenArticle(row.article.id, row.index))

    def on_screen_resume(self) -> None:
        """Back from the reader: what was done there to the article is shown here too, on the same row."""
        if self._opened is not None:
            self.refresh_article(self._opened)
            self._opened = None

    @work(group="claims-article", exclusive=True)
    async def refresh_article(self, article_id: str) -> None:
        current, at = (self.current.key if self.current else None), self.query_one(ClaimsTable).cursor
        rows, shaped = await self.session.service.run(article_overlay, self.session.store, article_id)
        if self.is_attached and self.listing is not None:
            self.listing.refresh(article_id, rows, shaped)
            self.show(keep=current, at=at)

    # -- tagging, with the reader's undo history ------------------------------------------------
    def action_tag(self, tag: str | None) -> None:
        self._change(f"tag {tag}" if tag else "clear tag", {"tag": tag})

    def action_not_a_claim(self) -> None:
        row = self.current
        self._change("not a claim", {"not_a_claim": not (row and row.note and row.note.not_a_claim)})

    def _change(self, what: str, changes: dict) -> None:
        row = self.current
        if row is None:
            return
        changes = implied(changes)
        before = row.note
        after = self._send(row, changes)
        self.session.history.record(Change(row.article.id, row.claim, values_of(before, changes),
                                           values_of(after, changes), what))

    def _send(self, row: ClaimRow, changes: dict, expect: dict | None = None, shown_here: bool = True):
        """Show a change at once and save it (journalled, then applied on the store's thread);
        `shown_here`: the row is one of this list's (its judgement counts in the title)."""
        store = self.session.store
        entry = Entry(row.article.id, row.claim, changes, expect, store.annotator, store.now())
        shown = apply_change(row.note, row.claim, row.article.id, annotator=entry.annotator, at=entry.at,
                             changes=changes, expect=expect)
        if shown_here:  # (until the next ask)
            self._judged += claim_state(shown.after).done - claim_state(row.note).done
        row.note = shown.after
        if shown.after is not None:
            row.annotators = row.annotators | {store.annotator}
        else:
            row.annotators = row.annotators - {store.annotator}
        self.listing.noted(row)
        self.session.save(entry, shown.before)
        table = self.query_one(ClaimsTable)
        table.refresh_item(table.cursor)
        self._title()
        return shown.after

    def action_undo(self) -> None:
        self._replay(self.session.history.undo(), True)

    def action_redo(self) -> None:
        self._replay(self.session.history.redo(), False)

    def _replay(self, step, back: bool) -> None:
        if step is None:
            self.notify(f"Nothing to {'undo' if back else 'redo'}.", timeout=2)
            return
        by_key = {r.key: r for r in self.shown.loaded()} if isinstance(self.shown, ClaimPages) else {}
        for c in step:
            key = (c.article_id, c.claim.id)
            row = by_key.get(key) or self.listing.row_of(*key)
            if row is not None:  # (only where the fields still hold what the step left: see History)
                here = key in by_key or (isinstance(self.shown, ClaimPages) and self.shown.holds(*key) is not None)
                self._send(row, *((c.before, c.after) if back else (c.after, c.before)), shown_here=here)
        self.query_one(ClaimsTable).refresh()
        self.notify(f"{'Undone' if back else 'Redone'}: {step[0].what}", timeout=2)
