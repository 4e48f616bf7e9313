"""Constants and helpers shared by the tests (importable: tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).parent.parent / "seeds" / "000_44b2449007d2afe5.txt"
FIXED_NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED_NOW


HOSTILE = (
    b"Breaking [bold]news[/] and [@click=app.quit]click me[/] \x1b]52;c;ZXZpbA==\x07\n\n"
    b'"Run [@click=app.screenshot()]this[/] now, \x1b[2J\xc2\x9b31m please [red]" said Mallory Evil, '
    b"a spokesman for [link=https://evil.example]the group[/link].\n"
)

# A few articles of different layouts for the app's tests.
SOME = [SEED, FIXTURES / "up" / "named_quote.txt", FIXTURES / "up" / "curly_quotes.txt",
        FIXTURES / "plain" / "bbc_like.txt", FIXTURES / "up" / "editorial_notes.txt"]


async def open_reader(pilot):
    """Open the library's first article in the app under test: the reader's screen."""
    from reader.tui.screens.article import ArticleScreen

    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ArticleScreen)
    return pilot.app.screen


def help_text(screen, width: int) -> str:
    """What a screen's texts say, as plain text `width` columns wide."""
    import io

    from rich.console import Console
    from textual.widgets import Static

    console = Console(width=width, record=True, file=io.StringIO())
    for static in screen.query(Static):
        console.print(static.content)
    return console.export_text()
