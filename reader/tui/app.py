"""The newsreader app: screens, app-wide keys, the command palette, and saving."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

from .. import export as export_mod
from ..ingest import ingest
from ..library import Library, Row
from ..model import Annotation, Claim
from ..samples import seeds_dir
from ..storage import StoreError
from ..store import Store, default_store_dir, utc_now
from . import keys
from .dialogs.ask import AskDialog
from .history import History
from .screens.article import ArticleScreen
from .screens.help import HelpScreen
from .screens.library import LibraryScreen
from .service import StoreService


class NewsreaderApp(App):
    CSS_PATH = "app.tcss"
    BINDINGS = keys.APP
    TITLE = "newsreader"
    blink = True  # text cursors blink (tests turn it off for stable snapshots)

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now, samples: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.clock = clock
        self.samples = samples
        self.service = StoreService(store)
        self.history = History()
        self.library = Library()
        self.showing_samples = False

    # -- start -------------------------------------------------------------------------------
    def on_mount(self) -> None:
        rows = self.service.call(self._load_rows)
        if not rows and self.samples is not None:
            report = self.service.call(ingest, [str(self.samples)], self.store)
            rows = self.service.call(self._load_rows)
            self.showing_samples = bool(report.new)
        self.library.rows = rows
        gc.freeze()  # the library's rows live as long as the app (see LibraryScreen.load_bodies)
        self.push_screen(LibraryScreen(self.library))

    def _load_rows(self) -> list[Row]:
        tagged = self.store.tagged_counts()
        read = self.store.read_ids()
        return [Row(s, tagged.get(s.id, 0), s.id in read) for s in self.store.summaries()]

    async def reload_library(self) -> None:
        rows = await self.service.run(self._load_rows)
        screen = self.library_screen
        if screen is not None:
            screen.reload(rows)
            screen.load_bodies()

    @property
    def library_screen(self) -> LibraryScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)

    # -- reading -----------------------------------------------------------------------------
    @work(group="open", exclusive=True)
    async def open_article(self, article_id: str, claim: int | None = None, untagged: bool = False) -> None:
        try:
            article = await self.service.run(self.store.article, article_id)
            notes = await self.service.run(self.store.annotations, article_id)
        except Exception as exc:
            self.failed("Cannot open the article", exc)
            return
        screen = ArticleScreen(article, notes, 0)
        if untagged:
            screen.current = screen.first_untagged() or 0
        elif claim is not None:
            screen.current = claim
        if isinstance(self.screen, ArticleScreen):
            self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        if self.library_screen is not None:
            self.library_screen.select(article_id)
        self.service.submit(self.store.mark_read, article_id)
        row = self.library.by_id(article_id)
        if row is not None:
            row.read = True

    def open_next_untagged(self, after: str | None) -> None:
        """The next article (in the library's order) with an untagged claim, at that claim."""
        visible = self.library.visible or self.library.rows
        start = 0
        if after is not None:
            ids = [r.id for r in visible]
            start = ids.index(after) + 1 if after in ids else 0
        candidates = visible[start:] + visible[:start]
        for row in candidates:
            if row.id != after and row.has_untagged:
                self.open_article(row.id, untagged=True)
                return
        self.notify("Every claim of every article in the list is tagged.", timeout=4)

    def progress_changed(self, article_id: str, done: int) -> None:
        if self.library_screen is not None:
            self.library_screen.refresh_progress(article_id, done)

    # -- saving ------------------------------------------------------------------------------
    def save(self, screen: ArticleScreen | None, claim: Claim, before: Annotation | None,
             after: Annotation | None, article_id: str | None = None) -> None:
        """Save an annotation on the store thread; the screen already shows it."""
        aid = article_id or (screen.article.id if screen else "")
        future = self.service.submit(self.store.put_annotation, aid, claim, after)

        def finished(f) -> None:
            error = f.exception()
            if error is None:
                return
            if not isinstance(error, StoreError):
                error = StoreError(f"{type(error).__name__}: {error}")
            try:
                if screen is not None:
                    self.call_from_thread(screen.save_failed, claim, before, error)
                else:
                    self.call_from_thread(self.notify, f"Not saved: {error}", severity="error", markup=False)
            except RuntimeError:  # the app has already gone
                pass

        future.add_done_callback(finished)

    def failed(self, what: str, error: Exception) -> None:
        """Any failure of background work becomes a message: never a traceback, never silence."""
        text = str(error) if isinstance(error, StoreError) else f"{what}: {type(error).__name__}: {error}"
        self.notify(text, severity="error", markup=False, timeout=15)

    # -- app-wide actions --------------------------------------------------------------------
    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        title = "reader" if isinstance(self.screen, ArticleScreen) else "library"
        self.push_screen(HelpScreen(self.screen, title))

    def default_export_path(self) -> str:
        path = self.store.folder / f"export-{self.clock():%Y%m%d-%H%M%S}.json"
        try:
            return os.path.relpath(path)
        except ValueError:
            return str(path)

    def action_export(self) -> None:
        def done(path: str | None) -> None:
            if path and path.strip():
                self.run_export(Path(path.strip()).expanduser())

        self.push_screen(
            AskDialog("Export annotations", self.default_export_path(),
                      context="Every article with its claims and your annotations, as JSON.",
                      hint="enter exports · escape cancels"),
            done,
        )

    @work(group="export", exclusive=True)
    async def run_export(self, path: Path) -> None:
        def export() -> dict:
            data = export_mod.build(self.store, clock=self.clock)
            export_mod.write(data, path)
            return data["counts"]

        try:
            counts = await self.service.run(export)
        except Exception as exc:
            self.failed("Export failed", exc)
            return
        self.notify(
            f"Saved {counts['annotations']} annotations of {counts['articles']} articles to {path}",
            title="Exported", markup=False, timeout=6,
        )

    async def action_quit(self) -> None:
        self.service.close()  # waits for saves still on their way
        self.exit()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette offers every action of the current screen."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            b = active.binding
            if b.system or not b.description or b.action in seen or b.action == "quit":
                continue
            seen.add(b.action)
            key = b.key_display or self.get_key_display(b)
            yield SystemCommand(b.description, f"{key} · {b.tooltip}" if b.tooltip else key,
                                partial(self._run_from_palette, active.node, b.action))

    async def _run_from_palette(self, node, action: str) -> None:
        await self.run_action(action, node)


def make_app(store_dir: str | Path | None = None, *, annotator: str | None = None,
             clock: Callable[[], datetime] = utc_now, samples: Path | bool | None = True) -> NewsreaderApp:
    """The app over a store folder; the CLI and the tests both build it here."""
    store = Store(store_dir or default_store_dir(), annotator=annotator, clock=clock)
    sample_dir = seeds_dir() if samples is True else (samples or None)
    return NewsreaderApp(store, clock=clock, samples=sample_dir)


def run(store_dir: str | None = None, annotator: str | None = None) -> int:
    app = make_app(store_dir, annotator=annotator)

    def hang_up(signum, frame) -> None:
        # The terminal went away (or we were told to stop): finish the saves under way, then go.
        app.service.close()
        os._exit(128 + signum)

    for name in ("SIGHUP", "SIGTERM"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), hang_up)
    try:
        app.run()
    finally:
        app.service.close()
    return app.return_code or 0
