"""The app's export: the dialog that asks where, and the export run on the store's thread."""

from __future__ import annotations

import os
from pathlib import Path

from textual import work

from .. import export as export_mod
from ..storage import StoreError
from ..text import safe_line
from .dialogs.export import ExportDialog


class Exporting:
    """Mixed into the app (which has store, service, clock, failed, notify, push_screen)."""

    def default_export_path(self) -> str:
        path = self.store.folder / f"export-{self.clock():%Y%m%d-%H%M%S}.json"
        try:
            return os.path.relpath(path)
        except ValueError:
            return str(path)

    def action_export(self) -> None:
        def check(value: str, form: str) -> str | None:
            if not value.strip():
                return "Give a file name."
            try:
                export_mod.check_target(Path(value.strip()).expanduser(), self.store,
                                        folder=export_mod.FORMATS[form].folder)
            except StoreError as exc:
                return safe_line(str(exc), 160)
            return None

        def done(chosen: tuple[str, str] | None) -> None:
            if chosen and chosen[0].strip():
                self.run_export(Path(chosen[0].strip()).expanduser(), chosen[1])

        formats = [(f.name, f.suffix, f.about) for f in export_mod.FORMATS.values()]
        self.push_screen(ExportDialog(self.default_export_path(), formats, check), done)

    @work(group="export", exclusive=True)
    async def run_export(self, path: Path, form: str = "json") -> None:
        def export() -> dict:
            made = export_mod.export(self.store, form, export_mod.Options(clock=self.clock))
            export_mod.write(made, path, self.store)
            return made.counts

        self.notify(f"Exporting to {path} ({form})…", title="Export", markup=False, timeout=3)
        try:
            counts = await self.service.run(export)
        except Exception as exc:
            self.failed("Export failed", exc)
            return
        self.notify(
            f"Saved {counts['annotations']} annotations of {counts['articles']} articles to {path} ({form})",
            title="Exported", markup=False, timeout=6,
        )
