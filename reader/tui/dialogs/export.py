"""The export dialog: where to, and in which format (tab and shift+tab go through them; the
file name's suffix follows). Returns (path, format name) or None."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Input, Static

from .. import keys
from .ask import AskDialog


class ExportDialog(AskDialog):
    BINDINGS = keys.EXPORT_DIALOG

    def __init__(self, path: str, formats: list[tuple[str, str, str]], check: Callable[[str, str], str | None]) -> None:
        """`formats`: (name, suffix, about) of each, the first chosen; `check(path, name)` says
        what is wrong with a target, or None."""
        super().__init__("Export annotations", path, hint="tab / shift+tab change the format · enter exports · escape cancels")
        self.formats = formats
        self.chosen = 0
        self.check_target = check

    def more(self) -> ComposeResult:
        yield Static(self._formats_text(), id="export-formats")

    def _formats_text(self) -> Text:
        line = Text("Format: ")
        for n, (name, _, _) in enumerate(self.formats):
            line.append(f" {name} ", style="reverse bold" if n == self.chosen else "")
            line.append(" ")
        line.append("\n" + self.formats[self.chosen][2], style="italic")
        return line

    def action_format(self, step: int) -> None:
        old_suffix = self.formats[self.chosen][1]
        self.chosen = (self.chosen + step) % len(self.formats)
        field = self.query_one(Input)
        value = field.value
        if old_suffix and value.endswith(old_suffix):
            value = value[: -len(old_suffix)]
        field.value = value + self.formats[self.chosen][1]
        field.cursor_position = len(field.value)
        self.query_one("#export-formats", Static).update(self._formats_text())

    def problem(self, value: str) -> str | None:
        return self.check_target(value, self.formats[self.chosen][0])

    def result(self, value: str) -> tuple[str, str]:
        return value, self.formats[self.chosen][0]
