"""One line under the article text for finding words in it: what to find, and which match is
shown ("match 2 of 7", "no match for 'x'"). It keeps what it found; the reader screen says which
match to show, since only it knows where the reader is, and draws the highlights."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from ...find import Span, cycle, first_from, matches
from ...text import neutralize
from ..keys import SEARCH


class SearchBar(Horizontal):
    BINDINGS = SEARCH

    class Changed(Message):
        """What to find changed: new matches, none of them chosen yet."""

    class Submitted(Message):
        """Enter in the search field."""

    class Closed(Message):
        """The search was closed and cleared."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""  # what is searched (the article's body, as drawn)
        self.query = ""
        self.spans: list[Span] = []
        self.index = -1  # the match shown, -1 before enter

    def compose(self) -> ComposeResult:
        yield Label(Text("Find:", style="bold"), id="search-label")
        field = Input(placeholder="words in the text", id="search-input", select_on_focus=False)
        field.cursor_blink = getattr(self.app, "blink", True)
        yield field
        yield Label(id="search-status")

    @property
    def is_open(self) -> bool:
        return self.has_class("-open")

    def open(self, text: str) -> None:
        """Show the bar and take the typing (what was typed before is kept)."""
        self.text = text
        self.add_class("-open")
        self.query_one(Input).focus()

    def close(self) -> None:
        self.remove_class("-open")
        self.query, self.spans, self.index = "", [], -1
        with self.prevent(Input.Changed):
            self.query_one(Input).value = ""
        self._show_status()
        self.post_message(self.Closed())

    def action_close(self) -> None:
        self.close()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.query = neutralize(event.value)
        self.spans = matches(self.text, self.query)
        self.index = -1
        self._show_status()
        self.post_message(self.Changed())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted())

    # -- which match -----------------------------------------------------------------------
    def first_from(self, offset: int) -> int:
        """Show the first match at or after a body offset (else the first); -1 if none."""
        self.choose(first_from(self.spans, offset))
        return self.index

    def step(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) match; whether that went round the end."""
        index, wrapped = cycle(self.index, len(self.spans), step)
        self.choose(index)
        return wrapped

    def choose(self, index: int) -> None:
        self.index = index if 0 <= index < len(self.spans) else -1
        self._show_status()

    @property
    def status(self) -> str:
        if not self.query:
            return ""
        if not self.spans:
            return f"no match for '{self.query}'"
        if self.index < 0:
            return f"{len(self.spans)} match{'es' if len(self.spans) > 1 else ''} · enter goes to the first"
        return f"match {self.index + 1} of {len(self.spans)}"

    def _show_status(self) -> None:
        self.query_one("#search-status", Label).update(Text(self.status))
