"""The reader: one article with its claims highlighted, the claim list, and tagging by keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from textual.app import ComposeResult
from textual.containers import Container
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer

from ...changes import Applied, apply_change, implied, values_of
from ...corrections import as_seen
from ...extract.calibration import doubtful
from ...journal import Entry
from ...model import Annotation, Article, Claim, progress
from ...storage import StoreError
from ...text import neutralize, safe_line
from .. import keys
from ..dialogs.ask import AskDialog
from ..history import Change, History, Step
from ..messages import NextUntagged, ProgressChanged, Remember
from ..session import Session
from ..widgets.article_view import ArticleView
from ..widgets.claim_detail import ClaimDetail
from ..widgets.claim_table import ClaimTable, excerpt
from ..widgets.orphan_notice import OrphanNotice
from ..widgets.search_bar import SearchBar
from .corrections import Corrections
from .orphans import OrphanKeys
from .others import OtherAnnotators
from .search import SearchKeys
from .speakers import SpeakerKeys

WIDE = 120  # columns from which the claims sit beside the text


def is_done(note: Annotation | None) -> bool:
    return note is not None and note.done


class ArticleScreen(Corrections, OrphanKeys, SpeakerKeys, SearchKeys, OtherAnnotators, Screen):
    BINDINGS = keys.ARTICLE

    def __init__(self, article: Article, notes: dict[str, Annotation], current: int = 0, *,
                 session: Session) -> None:
        super().__init__()
        self.session = session  # the store, the history, the settings and saving (see session.py)
        self.article = article
        self.notes = dict(notes)
        self._extracted = {c.id: c for c in article.claims}
        self.claims: list[Claim] = self._seen_claims()
        self.current = current if self.claims else -1
        self.said = ""  # what the last key did, on the status line until the next move
        self.positions = {c.id: i for i, c in enumerate(self.claims)}  # claim id: index in claims
        self._many = False

    @property
    def history(self) -> History:
        return self.session.history

    def compose(self) -> ComposeResult:
        with Container(id="panes"):
            yield ArticleView(id="body")
            yield ClaimTable(id="claims")
        yield SearchBar(id="search")
        yield OrphanNotice(id="orphan-notice")
        yield ClaimDetail(id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self._layout(self.app.size.width)
        settings = self.session.settings()
        self.set_class(not settings.claims_panel, "-no-claims")
        self.query_one(ArticleView).show_labels = settings.speaker_labels
        self.query_one(ArticleView).show(as_seen(self.article, self.notes), self.notes, self.current)
        self.query_one(ClaimTable).show(self.claims, self.notes, self.current)
        self._show_detail()
        self._show_orphans()
        self.query_one(ArticleView).focus()

    def on_resize(self, event: Resize) -> None:
        self._layout(event.size.width)

    def _layout(self, width: int) -> None:
        self.set_class(width >= WIDE, "-wide")

    # -- the current claim -------------------------------------------------------------------
    def _show_detail(self) -> None:
        claim = self.claims[self.current] if self.current >= 0 else None
        position = f"{self.current + 1}/{len(self.claims)}" if claim else ""
        self.query_one(ClaimDetail).show(claim, self.notes.get(claim.id) if claim else None, position, self.said,
                                         others=self.others_of_current())

    def say(self, text: str) -> None:
        """Put a line on the status line (until the claim changes)."""
        self.said = safe_line(text, 160)
        self._show_detail()

    def go_to(self, index: int) -> None:
        if not self.claims:
            return
        self.current = max(0, min(len(self.claims) - 1, index))
        self.said = ""
        self.query_one(ArticleView).set_current(self.current)
        self.query_one(ClaimTable).move_to(self.current, quiet=True)
        self._show_detail()

    def on_virtual_table_cursor_moved(self, event: ClaimTable.CursorMoved) -> None:
        if event.index != self.current:
            self.current = event.index
            self.said = ""
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
            self.post_message(NextUntagged(after=self.article.id))
        elif index == self.current:
            self.notify("This is the last untagged claim of this article.", timeout=3)
        else:
            self.go_to(index)

    def action_next_doubtful(self) -> None:
        """The next claim whose speaker the extractor was unsure of and nobody has checked."""
        order = list(range(self.current + 1, len(self.claims))) + list(range(0, self.current + 1))
        index = next((i for i in order if doubtful(self.claims[i], self.notes.get(self.claims[i].id))), None)
        if index is None:
            self.notify("No doubtful attribution left in this article.", timeout=3)
        else:
            self.go_to(index)

    # -- changes ---------------------------------------------------------------------------
    def change(self, what: str, changes: dict, expect: dict | None = None) -> None:
        """The user changed some fields of the current claim's annotation: show it at once,
        remember it for undo, and save it (field by field, onto what is on disk)."""
        if self.current < 0:
            self.notify("This article has no claims to tag.", timeout=2)
            return
        self.history.record(self._changed(self.found(self.claims[self.current]), what, changes, expect))

    def send_change(self, claim: Claim, changes: dict, what: str, expect: dict | None = None) -> None:
        """Change a claim of this article (as found: see `found`), remembered for undo."""
        self.history.record(self._changed(claim, what, changes, expect))

    def _changed(self, claim: Claim, what: str, changes: dict, expect: dict | None) -> Change:
        """Change one claim of this article (shown, then saved): the step undo takes back."""
        before = self.notes.get(claim.id)
        changes = implied(changes)  # every field the change touches, for undo to set back
        shown = self.send(self.article.id, claim, changes, expect)
        return Change(self.article.id, claim, values_of(before, changes), values_of(shown.after, changes), what)

    def send(self, article_id: str, claim: Claim, changes: dict, expect: dict | None) -> Applied:
        """Apply a change to what this screen shows (the same rule the store applies) and save it."""
        store = self.session.store
        entry = Entry(article_id, claim, changes, expect, store.annotator, store.now())
        shown = Applied(None, None)
        if article_id == self.article.id:
            shown = apply_change(self.notes.get(claim.id), claim, article_id, annotator=entry.annotator,
                                 at=entry.at, changes=changes, expect=expect)
            self._set_note(claim, shown.after)
        self.session.save(entry, shown.before)
        return shown

    def _set_note(self, claim: Claim, annotation: Annotation | None) -> None:
        if annotation is None:
            self.notes.pop(claim.id, None)
        else:
            self.notes[claim.id] = annotation
        if self._rebuild():
            return
        self.query_one(ArticleView).set_note(claim, self.notes)
        if claim.id in self.positions:
            self.query_one(ClaimTable).note_changed(self.positions[claim.id])
        if not self._many:
            self._show_progress()

    def _show_progress(self) -> None:
        self._show_detail()
        self.post_message(ProgressChanged(self.article.id, progress(self.notes.values())))

    @contextmanager
    def many(self) -> Iterator[None]:
        """Changes of many claims at once (a speaker renamed, its undo): the text is rewrapped,
        and the progress counted, once at the end instead of once a claim."""
        self._many = True
        try:
            with self.query_one(ArticleView).holding():
                yield
        finally:
            self._many = False
            self._show_progress()

    # -- what the store says ---------------------------------------------------------------
    def saved(self, claim: Claim, annotation: Annotation | None) -> None:
        """What the store holds after a save (other processes' changes to other fields included)."""
        if self.notes.get(claim.id) != annotation:
            self._set_note(claim, annotation)

    def save_failed(self, claim: Claim, previous: Annotation | None, error: StoreError) -> None:
        self._set_note(claim, previous)
        self.notify(f"Not saved: {error}", severity="error", markup=False, timeout=15)

    def others_changed(self, notes: dict[str, Annotation], busy: set[str]) -> None:
        """Annotations another process changed, shown (claims with saves under way wait for them)."""
        changed = [c for c in self.claims if c.id not in busy and self.notes.get(c.id) != notes.get(c.id)]
        known = {c.id for c in self.claims}
        self.notes.update({cid: a for cid, a in notes.items() if cid not in known})  # orphans
        for gone in [cid for cid in self.notes if cid not in known and cid not in notes]:
            del self.notes[gone]
        for claim in changed:
            self._set_note(claim, notes.get(claim.id))
        self._rebuild()
        self._show_orphans()
        if self.showing_others:
            self.load_others()
        if changed:
            self.notify(f"{len(changed)} annotation{'s' if len(changed) > 1 else ''} of this article "
                        "changed elsewhere: shown as saved now.", timeout=4)

    def article_changed(self, article: Article, notes: dict[str, Annotation], busy: set[str]) -> None:
        """The article's file changed and was ingested again (from another shell, say): show it as
        it is now, with its annotations as the store has them (claims with saves under way keep
        what they show), at the same claim while it is still there; said in one toast."""
        current = self.claims[self.current].id if self.current >= 0 else None
        self.article = article
        self._extracted = {c.id: c for c in article.claims}
        self.notes = {**notes, **{cid: a for cid, a in self.notes.items() if cid in busy}}
        if self.query_one(SearchBar).is_open:
            self.query_one(SearchBar).close()  # its matches were found in the old text
        self._rebuild(force=True)
        self.said = ""
        self._show_detail()
        self._show_orphans()
        kept = current is None or current in self.positions
        self.notify("This article's file changed and was read again: shown as it is now"
                    + ("." if kept else "; the claim you were on is gone."), timeout=6, markup=False)

    def action_tag(self, tag: str | None) -> None:
        """Tag the current claim (None: clear its tag); one marked not a claim becomes a claim
        again (changes.implied), and the status line says so."""
        note = self.notes.get(self.claims[self.current].id) if self.current >= 0 else None
        self.change(f"tag {tag}" if tag else "clear tag", {"tag": tag})
        if note is not None and note.not_a_claim:
            self.say(f"A claim again, {f'tagged {tag}' if tag else 'untagged'}")

    def action_tag_and_next(self, tag: str) -> None:
        """Tag the claim and go on, as s/d/u then N (to the next article once this one is done)."""
        if self.current < 0:
            self.action_tag(tag)  # says there is nothing to tag
            return
        self.action_tag(tag)
        self.action_next_untagged()

    def action_clear_tag(self) -> None:
        self.action_tag(None)

    def action_not_a_claim(self) -> None:
        if self.current < 0:
            return
        note = self.notes.get(self.claims[self.current].id)
        self.change("not a claim", {"not_a_claim": not (note and note.not_a_claim)})

    def action_note(self) -> None:
        if self.current < 0:
            return
        claim = self.claims[self.current]
        note = self.notes.get(claim.id)

        shown = note.note if note else ""

        def done(value: str | None) -> None:
            if value is not None and value.strip() != neutralize(shown):
                # The note as it was when the dialog opened: if another process changes it
                # meanwhile, both texts are kept.
                self.change("note", {"note": value}, expect={"note": shown})

        self.app.push_screen(
            AskDialog("Note", shown, context=f"{neutralize(claim.speaker or '?')}: “{excerpt(claim.text, 160)}”",
                      placeholder="what you found, a source, a link"),
            done,
        )

    def action_undo(self) -> None:
        step = self.history.undo()
        if step is None:
            self.notify("Nothing to undo.", timeout=2)
            return
        self._replay(step, True, f"Undone: {step[0].what}")

    def action_redo(self) -> None:
        step = self.history.redo()
        if step is None:
            self.notify("Nothing to redo.", timeout=2)
            return
        self._replay(step, False, f"Redone: {step[0].what}")

    def _replay(self, step: Step, back: bool, message: str) -> None:
        """Set a step's fields back (or again), only where they still hold what the user left."""
        first = step[0]
        if first.article_id == self.article.id:
            index = self.positions.get(first.claim.id)
            if index is not None:
                self.go_to(index)
        with self.many():
            shown = [self.send(c.article_id, c.claim, *((c.before, c.after) if back else (c.after, c.before)))
                     for c in step]
        self._say_replayed(shown, message)

    def _say_replayed(self, shown: list[Applied], message: str) -> None:
        """Undone (or redone), unless every change of the step was changed elsewhere since."""
        left = [s for s in shown if s.conflicts and not s.changed]  # left as somebody else made them
        if len(left) < len(shown):
            also = f" ({len(left)} changed elsewhere since: left as they are)" if left else ""
            self.notify(safe_line(message + also), timeout=2, markup=False)
            return
        fields = " and ".join(sorted({f.replace("_", " ") for s in left for f in s.conflicts}))
        self.notify(f"Not {message.split(':')[0].lower()}: the {fields} has been changed elsewhere since; "
                    "it is left as it is.", severity="warning", timeout=5, markup=False)

    # -- what the reader shows (remembered for the next run) ---------------------------------
    def action_toggle_claims(self) -> None:
        shown = self.has_class("-no-claims")
        self.set_class(not shown, "-no-claims")
        self.post_message(Remember(claims_panel=shown))
        self.call_after_refresh(self._keep_current_in_view)

    def _keep_current_in_view(self) -> None:
        if self.current >= 0:
            self.query_one(ArticleView).scroll_to_claim(self.current)

    def action_toggle_speaker_labels(self) -> None:
        view = self.query_one(ArticleView)
        view.set_labels(not view.show_labels)
        self.post_message(Remember(speaker_labels=view.show_labels))

    # -- scrolling and leaving ---------------------------------------------------------------
    def action_scroll_down(self) -> None:
        self.query_one(ArticleView).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        self.query_one(ArticleView).scroll_up(animate=False)

    def action_page_down(self) -> None:
        self.query_one(ArticleView).scroll_page_down(animate=False)

    def action_page_up(self) -> None:
        self.query_one(ArticleView).scroll_page_up(animate=False)

    def action_scroll_top(self) -> None:
        self.query_one(ArticleView).scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        self.query_one(ArticleView).scroll_end(animate=False)

    def action_back(self) -> None:
        bar = self.query_one(SearchBar)
        if bar.is_open:
            bar.close()
            return
        self.app.pop_screen()
