"""The app's export: the dialog that asks where, and the export run on the store's thread."""

from __future__ import annotations

import os
from pathlib import Path

from textual import work

from .. import export as export_mod
from ..storage import StoreError
from ..text import safe_line
from .dialogs.ask import AskDialog


class Exporting:
    """Mixed into the app (which has store, service, clock, failed, notify, push_screen)."""

    def default_export_path(self) -> str:
        path = self.store.folder / f"export-{self.clock():%Y%m%d-%H%M%S}.json"
        try:
            return os.path.relpath(path)
        except ValueError:
            return str(path)

    def action_export(self) -> None:
        def check(value: str) -> str | None:
            if not value.strip():
                return "Give a file name."
            try:
                export_mod.check_target(Path(value.strip()).expanduser(), self.store)
            except StoreError as exc:
                return safe_line(str(exc), 160)
            return None

        def done(path: str | None) -> None:
            if path and path.strip():
                self.run_export(Path(path.strip()).expanduser())

        self.push_screen(
            AskDialog("Export annotations", self.default_export_path(),
                      context="Every article with its claims and every annotator's annotations, as JSON.",
                      hint="enter exports · escape cancels", check=check),
            done,
        )

    @work(group="export", exclusive=True)
    async def run_export(self, path: Path) -> None:
        def export() -> dict:
            made = export_mod.export(self.store, "json", export_mod.Options(clock=self.clock))
            export_mod.write(made, path, self.store)
            return made.counts

        try:
            counts = await self.service.run(export)
        except Exception as exc:
            self.failed("Export failed", exc)
            return
        self.notify(
            f"Saved {counts['annotations']} annotations of {counts['articles']} articles to {path}",
            title="Exported", markup=False, timeout=6,
        )
