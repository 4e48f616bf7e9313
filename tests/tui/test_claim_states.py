"""A claim marked not a claim (✕) in the reader: a tag key makes it a claim again with that tag
(what the status line, the claim list and the store say), and one undo brings back the ✕."""

from __future__ import annotations

import pytest

from helpers import SEED, fixed_clock
from reader.store import Store
from reader.tui.screens.article import ArticleScreen
from reader.tui.widgets.claim_detail import ClaimDetail

SIZE = (120, 40)


def stored(app, article_id: str) -> dict:
    app.service.call(lambda: None)  # the store thread has applied what was sent before
    return Store(app.store.folder, annotator=app.store.annotator, clock=fixed_clock).annotations(article_id)


def status(screen) -> str:
    return str(screen.query_one(ClaimDetail).render())


@pytest.mark.parametrize(("key", "mark", "tag"), [("d", "✗", "denied"), ("S", "✓", "stated")])
async def test_a_tag_key_on_a_claim_marked_not_a_claim_makes_it_a_claim_again(app_factory, key, mark, tag):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ArticleScreen)
        await pilot.press("n", "n", "n", "u", "f")
        await pilot.pause()
        claim = screen.claims[3]
        assert "✕ not a claim" in status(screen)
        await pilot.press(key)
        await pilot.pause()
        if key == "d":  # (S goes on to the next untagged claim)
            assert status(screen).startswith("A claim again, tagged denied  4/")
            assert status(screen).endswith(" · ✗ denied")
        table = screen.query_one("#claims")
        assert table.cells(claim, 3)["tag"] == mark
        note = stored(app, screen.article.id)[claim.id]
        assert (note.tag, note.not_a_claim) == (tag, False)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert screen.current == 3 and "✕ not a claim" in status(screen)
        note = stored(app, screen.article.id)[claim.id]
        assert (note.tag, note.not_a_claim) == ("unknown", True)


async def test_clearing_the_tag_of_a_claim_marked_not_a_claim_makes_it_an_untagged_claim(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        await pilot.press("n", "n", "n", "u", "f", "x")
        await pilot.pause()
        claim = screen.claims[3]
        assert status(screen).startswith("A claim again, untagged  4/") and status(screen).endswith(" · untagged")
        assert claim.id not in stored(app, screen.article.id)  # nothing left of the annotation
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "✕ not a claim" in status(screen)
        note = stored(app, screen.article.id)[claim.id]
        assert (note.tag, note.not_a_claim) == ("unknown", True)
