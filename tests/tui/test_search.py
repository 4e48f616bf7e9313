"""Finding words in the reader: `/` opens the search bar, typing highlights the matches, enter goes
to the first from the current claim on, F3/ctrl+g and shift+F3 step, escape closes and clears."""

from __future__ import annotations

from helpers import SEED, open_reader
from reader.marks import claim_at
from reader.tui.screens.library import LibraryScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.search_bar import SearchBar

SIZE = (120, 40)


def found(body: str, word: str) -> list[int]:
    low, at, out = body.lower(), 0, []
    while (at := low.find(word, at)) >= 0:
        out.append(at)
        at += len(word)
    return out


def highlighted(view: ArticleView) -> str:
    """The body text drawn with the search's highlight, match by match."""
    match = view.get_component_rich_style("article-view--match").bgcolor
    current = view.get_component_rich_style("article-view--match-current").bgcolor
    runs = []
    for block, line in view._rows:
        if block == -1:
            runs.extend((text, style.bgcolor) for text, style, _o, _c in view.pieces(line))
    return "|".join(text + ("*" if bg == current else "") for text, bg in runs if bg in (match, current))


async def test_typing_highlights_every_match_and_enter_goes_to_the_first(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        view, bar = screen.query_one(ArticleView), screen.query_one(SearchBar)
        starts = found(view.body, "trump")
        assert len(starts) == 6
        await pilot.press("slash", *"TRUMP")  # case ignored
        await pilot.pause()
        assert bar.is_open and bar.status == "6 matches · enter goes to the first"
        assert highlighted(view) == "|".join(["Trump"] * 6)
        await pilot.press("enter")
        await pilot.pause()
        assert bar.status == "match 1 of 6" and app.focused is view
        assert highlighted(view) == "|".join(["Trump*"] + ["Trump"] * 5)
        assert screen.current == claim_at(screen.claims, starts[0])  # the claim the match is in
        await pilot.press("f3")
        await pilot.pause()
        assert bar.status == "match 2 of 6" and screen.current == claim_at(screen.claims, starts[1])
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert bar.status == "match 3 of 6"
        await pilot.press("shift+f3", "ctrl+r", "shift+f3")
        await pilot.pause()
        assert bar.status == "match 6 of 6"
        assert "Went round to the last match." in [str(n.message) for n in app._notifications]
        await pilot.press("escape")  # closes the search, clears the highlights, stays in the reader
        await pilot.pause()
        assert not bar.is_open and highlighted(view) == "" and app.screen is screen
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.query_one("#search-input").value == ""
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)


async def test_enter_goes_to_the_first_match_after_the_current_claim(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        view, bar = screen.query_one(ArticleView), screen.query_one(SearchBar)
        later = next(i for i, c in enumerate(screen.claims) if c.speaker == "Donald Trump")
        screen.go_to(later)
        starts = found(view.body, "putin")
        after = next(k for k, s in enumerate(starts) if s >= screen.claims[later].start)
        await pilot.press("slash", *"putin", "enter")
        await pilot.pause()
        assert after > 0 and bar.status == f"match {after + 1} of {len(starts)}"
        assert view.current_match == after


async def test_no_match_is_said_and_what_is_typed_is_never_a_pattern(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_reader(pilot)
        bar, view = screen.query_one(SearchBar), screen.query_one(ArticleView)
        before = screen.current
        await pilot.press("slash", *"P.tin")
        await pilot.pause()
        assert bar.status == "no match for 'P.tin'" and highlighted(view) == ""
        await pilot.press("enter")  # nothing to go to: the typing stays in the bar
        await pilot.pause()
        assert screen.current == before and app.focused is screen.query_one("#search-input")
        await pilot.press("ctrl+u", *"[/]")
        await pilot.pause()
        assert bar.status == "no match for '[/]'"
        assert "no match for '[/]'" in str(screen.query_one("#search-status").render())


async def test_the_view_scrolls_to_a_match_further_down(app_factory):
    app = app_factory(SEED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_reader(pilot)
        view = screen.query_one(ArticleView)
        assert view.scroll_offset.y == 0
        await pilot.press("slash", *"hatred", "enter")
        await pilot.pause()
        await pilot.pause()
        (start,) = found(view.body, "hatred")
        row = view.row_of(start)
        assert view.scroll_offset.y > 0
        assert view.scroll_offset.y <= row < view.scroll_offset.y + view.scrollable_content_region.height
