"""The reader's search: `/` opens the search bar, typing highlights the matches in the text,
enter goes to the first from the current claim on, F3/ctrl+g and shift+F3 step through them,
escape closes. Part of ArticleScreen (a mixin, to keep the screen's module small): the bar keeps
what was found, the view draws it, and this moves the current claim to the match's claim."""

from __future__ import annotations

from ...marks import claim_at
from ..widgets.article_view import ArticleView
from ..widgets.search_bar import SearchBar


class SearchKeys:
    """Mixed into ArticleScreen (see the module's docstring)."""

    def action_search(self) -> None:
        self.query_one(SearchBar).open(self.query_one(ArticleView).body)

    def on_search_bar_changed(self, _event: SearchBar.Changed) -> None:
        self.query_one(ArticleView).set_matches(self.query_one(SearchBar).spans)

    def on_search_bar_submitted(self, _event: SearchBar.Submitted) -> None:
        """Enter: the first match from the current claim on; the keys go back to the text."""
        bar = self.query_one(SearchBar)
        if bar.spans:
            claim = self.claims[self.current] if self.current >= 0 else None
            offset = claim.start if claim is not None and claim.part == "body" else 0
            index = bar.first_from(offset)
            if bar.spans[index][0] < offset:
                self.notify("No match after the current claim: went round to the first.", timeout=3)
            self._show_match(index)
            self.query_one(ArticleView).focus()

    def action_search_step(self, step: int) -> None:
        bar = self.query_one(SearchBar)
        if not bar.spans:
            self.notify(bar.status or "Nothing to find yet: / searches the text.", timeout=3, markup=False)
            return
        if bar.step(step):
            self.notify("Went round to the " + ("first" if step > 0 else "last") + " match.", timeout=2)
        self._show_match(bar.index)

    def _show_match(self, index: int) -> None:
        """Show a match, making the claim it lies in (if any) the current one."""
        bar = self.query_one(SearchBar)
        holder = claim_at(self.claims, bar.spans[index][0])
        if holder is not None and holder != self.current:
            self.go_to(holder)
        # after the claim's own scroll, so that the match is what ends up in view
        self.call_after_refresh(self.query_one(ArticleView).set_matches, bar.spans, index)

    def on_search_bar_closed(self, _event: SearchBar.Closed) -> None:
        view = self.query_one(ArticleView)
        view.set_matches([])
        view.focus()

