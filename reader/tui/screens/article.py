"""The reader: one article with its claims highlighted, the claim list, and tagging by keyboard."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Container
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer

from ...marks import claim_order
from ...model import Annotation, Article, Claim, apply_change
from ...storage import StoreError
from ...text import neutralize
from .. import keys
from ..dialogs.ask import AskDialog
from ..history import Change, History
from ..widgets.article_view import ArticleView
from ..widgets.claim_detail import ClaimDetail
from ..widgets.claim_table import ClaimTable, excerpt

WIDE = 120  # columns from which the claims sit beside the text


def is_done(note: Annotation | None) -> bool:
    return bool(note and (note.tag or note.not_a_claim))


class ArticleScreen(Screen):
    BINDINGS = keys.ARTICLE

    def __init__(self, article: Article, notes: dict[str, Annotation], current: int = 0) -> None:
        super().__init__()
        self.article = article
        self.claims: list[Claim] = claim_order(article.claims)
        self.notes = dict(notes)
        self.current = current if self.claims else -1

    @property
    def history(self) -> History:
        return self.app.history

    def compose(self) -> ComposeResult:
        with Container(id="panes"):
            yield ArticleView(id="body")
            yield ClaimTable(id="claims")
        yield ClaimDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self._layout(self.app.size.width)
        self.query_one(ArticleView).show(self.article, self.notes, self.current)
        self.query_one(ClaimTable).show(self.claims, self.notes, self.current)
        self._show_detail()
        self.query_one(ArticleView).focus()

    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")

    # -- the current claim -------------------------------------------------------------------
    def _show_detail(self) -> None:
        claim = self.claims[self.current] if self.current >= 0 else None
        position = f"{self.current + 1}/{len(self.claims)}" if claim else ""
        self.query_one(ClaimDetail).show(claim, self.notes.get(claim.id) if claim else None, position)

    def go_to(self, index: int) -> None:
        if not self.claims:
            return
        self.current = max(0, min(len(self.claims) - 1, index))
        self.query_one(ArticleView).set_current(self.current)
        self.query_one(ClaimTable).move_to(self.current, quiet=True)
        self._show_detail()

    def on_virtual_table_cursor_moved(self, event: ClaimTable.CursorMoved) -> None:
        if event.index != self.current:
            self.current = event.index
            self.query_one(ArticleView).set_current(self.current)
            self._show_detail()

    def on_article_view_claim_clicked(self, event: ArticleView.ClaimClicked) -> None:
        self.go_to(event.index)

    def action_next_claim(self) -> None:
        if self.current >= len(self.claims) - 1:
            self.notify("That was the last claim of this article. N goes on to the next untagged one.", timeout=3)
            return
        self.go_to(self.current + 1)

    def action_previous_claim(self) -> None:
        if self.current <= 0:
            self.notify("This is the first claim of the article.", timeout=2)
            return
        self.go_to(self.current - 1)

    def first_untagged(self, after: int = -1) -> int | None:
        order = list(range(after + 1, len(self.claims))) + list(range(0, after + 1))
        return next((i for i in order if not is_done(self.notes.get(self.claims[i].id))), None)

    def action_next_untagged(self) -> None:
        index = self.first_untagged(self.current)
        if index is None:
            self.app.open_next_untagged(after=self.article.id)
        elif index == self.current:
            self.notify("This is the last untagged claim of this article.", timeout=3)
        else:
            self.go_to(index)

    # -- changes -----------------------------------------------------------------------------
    def change(self, what: str, **changes) -> None:
        if self.current < 0:
            self.notify("This article has no claims to tag.", timeout=2)
            return
        claim = self.claims[self.current]
        before = self.notes.get(claim.id)
        after = apply_change(before, claim, self.article.id, annotator=self.app.store.annotator, at=self.app.store.now(), **changes)
        self.history.record(Change(self.article.id, claim, before, after, what))
        self.apply(claim, after)

    def apply(self, claim: Claim, annotation: Annotation | None) -> None:
        """Show a change at once, and save it on the store thread."""
        before = self.notes.get(claim.id)
        self._set_note(claim, annotation)
        self.app.save(self, claim, before, annotation)

    def _set_note(self, claim: Claim, annotation: Annotation | None) -> None:
        if annotation is None:
            self.notes.pop(claim.id, None)
        else:
            self.notes[claim.id] = annotation
        self.query_one(ArticleView).set_note(claim, self.notes)
        table = self.query_one(ClaimTable)
        table.refresh_item(next(i for i, c in enumerate(self.claims) if c is claim or c.id == claim.id))
        self._show_detail()
        done = sum(1 for c in self.claims if is_done(self.notes.get(c.id)))
        self.app.progress_changed(self.article.id, done)

    def save_failed(self, claim: Claim, previous: Annotation | None, error: StoreError) -> None:
        self._set_note(claim, previous)
        self.notify(f"Not saved: {error}", severity="error", markup=False, timeout=15)

    def action_tag(self, tag: str) -> None:
        self.change(f"tag {tag}", tag=tag)

    def action_clear_tag(self) -> None:
        self.change("clear tag", tag=None)

    def action_not_a_claim(self) -> None:
        if self.current < 0:
            return
        note = self.notes.get(self.claims[self.current].id)
        self.change("not a claim", not_a_claim=not (note and note.not_a_claim))

    def action_note(self) -> None:
        if self.current < 0:
            return
        claim = self.claims[self.current]
        note = self.notes.get(claim.id)

        def done(value: str | None) -> None:
            if value is not None and value.strip() != (note.note if note else ""):
                self.change("note", note=value)

        self.app.push_screen(
            AskDialog("Note", note.note if note else "", context=f"{neutralize(claim.speaker or '?')}: “{excerpt(claim.text, 160)}”",
                      placeholder="what you found, a source, a link"),
            done,
        )

    def action_speaker(self) -> None:
        if self.current < 0:
            return
        claim = self.claims[self.current]
        note = self.notes.get(claim.id)

        def done(value: str | None) -> None:
            if value is not None:
                self.change("speaker", speaker=value)

        self.app.push_screen(
            AskDialog("Who said it?", (note.speaker if note and note.speaker else claim.speaker) or "",
                      context=f"Found: {neutralize(claim.speaker or 'nobody')}. An empty answer restores it.",
                      placeholder="the speaker's name"),
            done,
        )

    def action_undo(self) -> None:
        step = self.history.undo()
        if step is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._replay(step.article_id, step.claim, step.before, f"Undone: {step.what}")

    def action_redo(self) -> None:
        step = self.history.redo()
        if step is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self._replay(step.article_id, step.claim, step.after, f"Redone: {step.what}")

    def _replay(self, article_id: str, claim: Claim, annotation: Annotation | None, message: str) -> None:
        if article_id == self.article.id:
            index = next((i for i, c in enumerate(self.claims) if c.id == claim.id), None)
            if index is not None:
                self.go_to(index)
            self.apply(claim, annotation)
        else:
            self.app.save(None, claim, None, annotation, article_id=article_id)
        self.notify(Text(message).plain, timeout=2, markup=False)

    # -- scrolling and leaving ---------------------------------------------------------------
    def action_scroll_down(self) -> None:
        self.query_one(ArticleView).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one(ArticleView).scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.query_one(ArticleView).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.query_one(ArticleView).scroll_page_up(animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()
