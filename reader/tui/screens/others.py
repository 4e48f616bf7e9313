"""The other annotators' judgements of the current claim, on the status line only when asked
(`A` toggles): your own judgement comes first. Read from the store when shown, and again when the
store says the article's annotations changed."""

from __future__ import annotations

from textual import work

from ...model import Annotation


class OtherAnnotators:
    """Mixed into ArticleScreen (which has article, session, claims, current, _show_detail)."""

    showing_others: bool = False
    others: dict[str, list[Annotation]] = {}  # claim id -> the others' annotations of it

    def action_toggle_others(self) -> None:
        self.showing_others = not self.showing_others
        if self.showing_others:
            self.load_others()
        else:
            self._show_detail()

    @work(group="others", exclusive=True)
    async def load_others(self) -> None:
        store = self.session.store
        rows = await self.session.service.run(store.everyone, self.article.id)
        others: dict[str, list[Annotation]] = {}
        for a in rows:
            if a.annotator != store.annotator and not a.orphaned:
                others.setdefault(a.claim_id, []).append(a)
        self.others = others
        if self.is_attached:
            self._show_detail()

    def others_of_current(self) -> list[Annotation] | None:
        """The others' annotations of the current claim while they are shown, else None."""
        if not self.showing_others or self.current < 0:
            return None
        return self.others.get(self.claims[self.current].id, [])
