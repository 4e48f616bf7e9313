"""The app's import of annotations: the dialog that asks for the file, and the import run on the
store's thread (another annotator's work goes in beside yours; see reader.imports)."""

from __future__ import annotations

from pathlib import Path

from textual import work

from ..text import safe_line
from .dialogs.ask import AskDialog
from .messages import LibraryChanged


class Importing:
    """Mixed into the app (which has store, service, failed, notify, push_screen, post_message)."""

    def action_import_annotations(self) -> None:
        def check(value: str) -> str | None:
            if not value.strip():
                return "Give a file or a brat folder."
            if not Path(value.strip()).expanduser().exists():
                return f"No such file or folder: {safe_line(value.strip(), 80)}"
            return None

        def done(path: str | None) -> None:
            if path and path.strip():
                self.run_import(str(Path(path.strip()).expanduser()))

        self.push_screen(
            AskDialog("Import annotations", "", context="A newsreader JSON, W3C Web Annotation, JSONL or CSV file, or a brat "
                      "folder. Each annotation keeps its annotator; yours are never changed.",
                      placeholder="path/to/annotations.jsonld", hint="enter imports · escape cancels", check=check),
            done,
        )

    @work(group="import", exclusive=True)
    async def run_import(self, path: str) -> None:
        from ..imports import import_files, summary_line

        try:
            report = await self.service.run(import_files, [path], self.store)
        except Exception as exc:
            self.failed("Import failed", exc)
            return
        self.post_message(LibraryChanged())
        message = f"Imported {safe_line(Path(path).name, 60)}: {summary_line(report)}"
        if report.refused:
            reasons = "; ".join(f"{safe_line(where, 60)}: {why}" for where, why in report.refused[:3])
            self.notify(f"{message}. {reasons}", severity="warning", markup=False, timeout=12)
        else:
            self.notify(message, markup=False, timeout=8)
