"""The reader's annotations whose claim vanished when the article's file changed: the notice
under the text says how many, `o` lists them to re-attach one to the current claim or discard it
(in the store, under its lock). Part of ArticleScreen (a mixin, to keep the screen's module small)."""

from __future__ import annotations

from ...model import Annotation, Claim, orphans
from ...storage import StoreError
from ..dialogs.orphans import OrphansDialog
from ..widgets.orphan_notice import OrphanNotice


class OrphanKeys:
    """Mixed into ArticleScreen, which gives `article`, `notes`, `claims`, `current`, `session`
    and `_set_note`."""

    @property
    def orphans(self) -> list[Annotation]:
        return orphans(self.claims, self.notes)

    def _show_orphans(self) -> None:
        """(Nothing while the app tears the screen down: a poll of the store can land then.)"""
        for notice in self.query(OrphanNotice):
            notice.show(len(self.orphans))

    def action_orphans(self) -> None:
        lost = self.orphans
        if not lost:
            self.notify("None of your annotations of this article has lost its claim.", timeout=3)
            return
        current = self.claims[self.current] if self.current >= 0 else None
        self.app.push_screen(OrphansDialog(lost, current), self._orphan_chosen)

    def _orphan_chosen(self, choice: tuple[str, str] | None) -> None:
        if choice is not None and self.current >= 0:
            self.run_worker(self._settle_orphan(*choice, self.claims[self.current]), group="orphans")

    async def _settle_orphan(self, what: str, orphan_id: str, claim: Claim) -> None:
        """Re-attach an orphan to `claim` or discard it, in the store (under its lock), then here."""
        store = self.session.store
        try:
            if what == "reattach":
                moved = await self.session.service.run(store.reattach, self.article.id, orphan_id, claim)
            else:
                await self.session.service.run(store.discard, self.article.id, orphan_id)
        except StoreError as exc:
            self.notify(str(exc), severity="error", markup=False, timeout=8)
            return
        self.notes.pop(orphan_id, None)
        if what == "reattach":
            self._set_note(claim, moved)
            self.notify("Re-attached to the current claim.", timeout=3)
        else:
            self.notify("Discarded.", timeout=3)
        self._show_orphans()
