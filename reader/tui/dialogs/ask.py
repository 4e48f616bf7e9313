"""A small modal that asks for one line of text: a note, a speaker, a path.
Enter saves, escape cancels; it returns the text or None. Given names to offer (a speaker's),
it completes what is typed from them, case ignored: → takes the completion."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from ...text import neutralize


class AskDialog(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def __init__(
        self,
        title: str,
        value: str = "",
        *,
        context: str = "",
        placeholder: str = "",
        hint: str = "enter saves · escape cancels",
        check: Callable[[str], str | None] | None = None,
        offer: Iterable[str] = (),
    ) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.context = context
        self.placeholder = placeholder
        self.hint = hint
        self.check = check
        self.offer = [neutralize(name) for name in offer]  # shown, so made safe like the rest

    def compose(self) -> ComposeResult:
        with Vertical(id="ask"):
            # Every text here may come from an article or a store file: shown, never obeyed.
            yield Label(Text(neutralize(self.title_text), style="bold"), id="ask-title")
            if self.context:
                yield Static(Text(neutralize(self.context)), id="ask-context")
            suggester = SuggestFromList(self.offer, case_sensitive=False) if self.offer else None
            field = Input(value=neutralize(self.value), placeholder=self.placeholder, id="ask-input",
                          select_on_focus=False, suggester=suggester)
            field.cursor_blink = getattr(self.app, "blink", True)
            yield field
            yield from self.more()
            yield Label(Text(("→ completes · " if self.offer else "") + self.hint), id="ask-hint")

    def more(self) -> ComposeResult:
        """What a dialog built on this one shows between the field and the hint."""
        return iter(())

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        problem = self.problem(event.value)
        if problem:
            self.query_one("#ask-hint", Label).update(Text(problem, style="bold"))
            return
        self.dismiss(self.result(event.value))

    def problem(self, value: str) -> str | None:
        """What is wrong with the text typed (shown, and the dialog stays), or None."""
        return self.check(value) if self.check else None

    def result(self, value: str):
        """What the dialog returns for the text typed."""
        return value

    def action_cancel(self) -> None:
        self.dismiss(None)
