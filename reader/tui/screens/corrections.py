"""The reader's corrections of the extractor: `+` adds a claim it missed, `E` moves where the
current claim starts and ends. Both are typed as the words of the text ("first words … last
words" for a long span), found in the body by corrections.locate, and saved as a change of the
annotation like a tag (so they are journalled, undone with ctrl+z and exported)."""

from __future__ import annotations

from ...corrections import added_claim, as_seen, locate, new_claim, span_change
from ...marks import claim_order
from ...model import Claim
from ...text import neutralize
from ..dialogs.ask import AskDialog
from ..widgets.article_view import ArticleView
from ..widgets.claim_table import ClaimTable, excerpt

HOW = "Type the words as they are in the text, or the first words … the last words."


def as_typed(text: str, words: int = 6) -> str:
    """A claim's text as the dialog offers it: whole when short, else its ends around an ellipsis."""
    parts = text.split()
    if len(parts) <= 2 * words:
        return " ".join(parts)
    return " ".join(parts[:words]) + " … " + " ".join(parts[-words:])


class Corrections:
    """Mixed into the reader screen (see screens/article.py), which gives `article`, `notes`,
    `claims`, `current`, `positions` and `send_change`."""

    def found(self, claim: Claim) -> Claim:
        """A claim as the extractor found it, or as the user added it (before any span correction):
        what an annotation is anchored to."""
        if claim.id in self._extracted:
            return self._extracted[claim.id]
        note = self.notes.get(claim.id)
        return added_claim(note) if note is not None and note.added else claim

    def _seen_claims(self) -> list[Claim]:
        return claim_order(as_seen(self.article, self.notes).claims)

    def _rebuild(self, force: bool = False) -> bool:
        """Show the claims again if the user's corrections changed them (a claim added or gone, a
        span moved), or always (`force`: the article itself changed); the current claim stays
        current while it is there. Returns whether anything changed."""
        claims = self._seen_claims()
        if not force and [(c.id, c.start, c.end) for c in claims] == [(c.id, c.start, c.end) for c in self.claims]:
            return False
        current = self.claims[self.current].id if self.current >= 0 else None
        self.claims = claims
        ids = [c.id for c in claims]
        self.current = ids.index(current) if current in ids else min(max(self.current, 0), len(claims) - 1)
        self.positions = {c.id: i for i, c in enumerate(claims)}
        self.query_one(ArticleView).show(as_seen(self.article, self.notes), self.notes, self.current)
        self.query_one(ClaimTable).show(self.claims, self.notes, self.current)
        self._show_progress()
        return True

    def _near(self) -> int:
        claim = self.claims[self.current] if self.current >= 0 else None
        return claim.start if claim is not None and claim.part == "body" else 0

    def action_add_claim(self) -> None:
        body = self.article.body

        def check(value: str) -> str | None:
            where = locate(body, value, self._near())
            if where is None:
                return f"Not in the text: “{excerpt(neutralize(value), 60)}”. {HOW}"
            if any((c.start, c.end) == where and c.part == "body" for c in self.claims):
                return "That is a claim already."
            return None

        def done(value: str | None) -> None:
            where = locate(body, value, self._near()) if value is not None else None
            if where is not None:
                claim = new_claim(self.article, self.session.store.annotator, *where)
                self.send_change(claim, {"added": claim.kind}, "add a claim")
                self.go_to(next(i for i, c in enumerate(self.claims) if c.id == claim.id))
                self.notify("Claim added. w says who said it.", timeout=3)

        self.app.push_screen(
            AskDialog("Add a claim the extractor missed", context=HOW, check=check,
                      placeholder="the words of the claim"),
            done,
        )

    def action_edit_span(self) -> None:
        if self.current < 0:
            return
        claim = self.claims[self.current]
        if claim.part != "body":
            self.notify("Only the claims of the body can be moved.", timeout=3)
            return
        body = self.article.body

        def check(value: str) -> str | None:
            if locate(body, value, claim.start) is None:
                return f"Not in the text: “{excerpt(neutralize(value), 60)}”. {HOW}"
            return None

        def done(value: str | None) -> None:
            where = locate(body, value, claim.start) if value is not None else None
            if where is not None and where != (claim.start, claim.end):
                found: Claim = self.found(claim)
                self.send_change(found, {"span": span_change(found, body, *where)}, "claim's extent")

        self.app.push_screen(
            AskDialog("Where does the claim start and end?", as_typed(claim.text),
                      context=f"{HOW} The words first found put it back as found.", check=check,
                      placeholder="the words of the claim"),
            done,
        )
