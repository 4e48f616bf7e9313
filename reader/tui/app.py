"""The newsreader app: screens, app-wide keys, the command palette, and saving."""

from __future__ import annotations

import asyncio
import importlib
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.screen import Screen

if TYPE_CHECKING:
    from .screens.article import ArticleScreen

from .. import settings as settings_mod
from ..journal import Entry
from ..library import Library, Order
from ..model import Annotation, Progress
from ..samples import seeds_dir
from ..storage import StoreError
from ..store import Store, default_store_dir, utc_now
from ..summary import Changes
from ..text import safe_line
from . import keys
from .actions import screen_actions
from .exporting import Exporting
from .history import History
from .importing import Importing
from .messages import (
    Failed,
    LibraryChanged,
    NextUntagged,
    OpenArticle,
    OpenClaims,
    OpenSpeakers,
    ProgressChanged,
    Remember,
)
from .screens.help import HelpScreen
from .screens.library import LibraryScreen
from .service import StoreService
from .session import Session

READER = "reader.tui.screens.article"  # the reader's module, imported when the first article opens


def reading(screen) -> ArticleScreen | None:
    """The screen, if it is the reader (which cannot be before its module is loaded)."""
    module = sys.modules.get(READER)
    return screen if module is not None and isinstance(screen, module.ArticleScreen) else None


POLL_SECONDS = 1.0  # how often the app looks for changes other processes made to the store


class NewsreaderApp(Exporting, Importing, App):
    CSS_PATH = "app.tcss"
    BINDINGS = keys.APP
    TITLE = "newsreader"
    blink = True  # text cursors blink (tests turn it off for stable snapshots)

    def __init__(self, store: Store, *, clock: Callable[[], datetime] = utc_now, samples: Path | None = None,
                 config: Path | None = None) -> None:
        super().__init__()
        self.config_path = config or settings_mod.config_path()
        self.settings, self._settings_warning = settings_mod.load(self.config_path)
        self.store = store
        self.clock = clock
        self.samples = samples
        self.service = StoreService(store, on_busy=self._store_busy)
        self.history = History()
        self.session = Session(self.service, self.history, lambda: self.settings, self.save)
        self.library = Library(order=Order(self.settings.sort_column, self.settings.sort_reverse))
        self.saving: Counter[str] = Counter()  # claim id: saves under way
        self.left_unsaved = 0  # changes still waiting for a busy store when the app closed
        self._loop: asyncio.AbstractEventLoop | None = None
        self._polling = False
        self._article_check = False  # articles changed elsewhere: is the open one of them?
        self._last_error = ""
        self._settings_unsaved = False

    # -- start -------------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._loop = self.service.loop = asyncio.get_running_loop()
        self._apply_settings()
        for name in ("SIGTERM", "SIGHUP"):
            # Told to stop, or the terminal went away: leave the way quitting does, restoring
            # the terminal (tags are saved already, or journaled).
            if hasattr(signal, name):
                self._loop.add_signal_handler(getattr(signal, name), self.exit, None, 128 + getattr(signal, name))
        self.set_interval(POLL_SECONDS, self.poll_store)
        self.library.listing = self.service.call(self.store.listing)
        self.show_mine(self.service.call(self._mine))
        samples = False
        if not self.library.total and self.samples is not None and self.store.writable:
            from ..ingest import ingest  # (the extractor: only when it is needed, see cli.main)

            report = self.service.call(ingest, [str(self.samples)], self.store)
            self.show_mine(self.service.call(self._mine))
            samples = bool(report.new)
        if not self.store.writable:
            self.notify(f"The store {self.store.folder} is read-only: you can read and export, not tag.",
                        severity="warning", timeout=10, markup=False)
        self.push_screen(LibraryScreen(self.library, self.service, samples=samples))
        self.set_timer(0.3, self._load_reader)

    @staticmethod
    def _load_reader() -> None:
        """The reader's code, loaded once the library is on screen (not before: start-up is
        quicker; not at the first article: it opens as quickly as the next)."""
        importlib.import_module(READER)

    def _apply_settings(self) -> None:
        """The saved theme (the rest is read by the screens), and from now on every theme change saved."""
        if self._settings_warning:
            self.notify(safe_line(self._settings_warning, 300), severity="warning", timeout=10, markup=False)
        theme = self.settings.theme
        if theme and theme != self.theme:
            if theme in self.available_themes:
                self.theme = theme
            else:
                self.notify(safe_line(f"The saved theme {theme!r} is not available: using the default.", 200),
                            severity="warning", timeout=10, markup=False)
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme) -> None:
        self.remember(theme=theme.name)

    def remember(self, **values) -> None:
        """Change some settings and save them: only those, into the file as it is now, so that
        another newsreader's choices are kept (a file that cannot be written is said once)."""
        changed = {k: v for k, v in values.items() if getattr(self.settings, k) != v}
        if not changed:
            return
        self.settings = self.settings.changed(**changed)
        try:
            settings_mod.save_changes(changed, self.config_path)
        except OSError as exc:
            if not self._settings_unsaved:
                self._settings_unsaved = True
                self.notify(safe_line(f"Cannot save your settings to {self.config_path}: {exc}", 300),
                            severity="warning", timeout=10, markup=False)

    def _mine(self) -> tuple[dict[str, Progress], set[str]]:
        """Your progress and read marks, as the annotations on disk say (on the store's thread)."""
        return self.store.progress(), self.store.read_ids()

    def show_mine(self, mine: tuple[dict[str, Progress], set[str]]) -> None:
        self.library.listing.set_mine(*mine)
        self.library.refresh()

    async def reload_library(self) -> None:
        self.show_mine(await self.service.run(self._mine))
        screen = self.library_screen
        if screen is not None:
            screen.reload()

    async def poll_store(self) -> None:
        """Show what other processes changed (articles ingested, tags and notes given)."""
        if self._polling:
            return
        self._polling = True
        try:
            await self._show_changes(await self.service.run(self.store.changes))
            self._last_error = ""
        except StoreError as exc:
            if str(exc) != self._last_error:  # say it once, not every second
                self._last_error = str(exc)
                self.failed("", exc)
        finally:
            self._polling = False

    async def _show_changes(self, changed: Changes) -> None:
        self._article_check = self._article_check or changed.library  # (done once the reader is on top)
        if not changed and not self._article_check:
            return
        if changed.library:
            await self.reload_library()
        elif changed:
            self.library.listing.set_mine(*await self.service.run(self._mine))
            self.library.reread()
            if self.library_screen is not None:
                self.library_screen.refresh_counts()
        screen = reading(self.screen)
        if screen is None:
            return
        busy = {cid for cid, n in self.saving.items() if n}
        if self._article_check and await self._reread_article(screen, busy):
            return
        if changed.of(screen.article.id):
            notes = await self.service.run(self.store.annotations, screen.article.id)
            if screen is self.screen and screen.is_attached:  # (not closed while the store was read)
                screen.others_changed(notes, busy)

    async def _reread_article(self, screen: ArticleScreen, busy: set[str]) -> bool:
        """If the open article itself changed (its file was ingested again elsewhere), show it as
        it is now; returns whether it did."""
        self._article_check = False
        summary = await self.service.run(self.store.summary, screen.article.id)
        if summary is None or summary.fingerprint == screen.article.fingerprint:
            return False
        article = await self.service.run(self.store.article, screen.article.id)
        notes = await self.service.run(self.store.annotations, screen.article.id)
        if screen is self.screen and screen.is_attached:
            screen.article_changed(article, notes, busy)
        return True

    @property
    def library_screen(self) -> LibraryScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, LibraryScreen)), None)

    # -- what the screens ask (see messages.py) -----------------------------------------------
    def on_open_article(self, message: OpenArticle) -> None:
        self.open_article(message.article_id, message.claim, message.untagged)

    def on_open_claims(self, _message: OpenClaims) -> None:
        from .screens.claims import ClaimsScreen

        self.push_screen(ClaimsScreen(self.session))

    def on_open_speakers(self, _message: OpenSpeakers) -> None:
        from .screens.roster import RosterScreen

        self.push_screen(RosterScreen(self.session))

    def on_next_untagged(self, message: NextUntagged) -> None:
        self.open_next_untagged(message.after)

    def on_remember(self, message: Remember) -> None:
        self.remember(**message.choices)

    def on_progress_changed(self, message: ProgressChanged) -> None:
        self.progress_changed(message.article_id, message.progress)

    def on_failed(self, message: Failed) -> None:
        self.failed(message.what, message.error)

    async def on_library_changed(self, _message: LibraryChanged) -> None:
        await self.reload_library()

    # -- reading -----------------------------------------------------------------------------
    @work(group="open", exclusive=True)
    async def open_article(self, article_id: str, claim: int | None = None, untagged: bool = False) -> None:
        try:
            article = await self.service.run(self.store.article, article_id)
            notes = await self.service.run(self.store.annotations, article_id)
        except Exception as exc:
            self.failed("Cannot open the article", exc)
            return
        from .screens.article import ArticleScreen  # (loaded with the first article: see reading)

        screen = ArticleScreen(article, notes, 0, session=self.session)
        if untagged:
            screen.current = screen.first_untagged() or 0
        elif claim is not None:
            screen.current = claim
        if reading(self.screen):
            self.switch_screen(screen)
        else:
            await self.push_screen(screen)
        if self.library_screen is not None:
            self.library_screen.select(article_id)
        self.service.submit(self.store.mark_read, article_id)
        self.library.mark(article_id, read=True)

    def open_next_untagged(self, after: str | None) -> None:
        """The next article (in the library's order) with an untagged claim, at that claim."""
        found = self.library.next_untagged(after)
        if found is not None:
            self.open_article(found, untagged=True)
        else:
            self.notify("Every claim of every article in the list is tagged.", timeout=4)

    def progress_changed(self, article_id: str, progress) -> None:
        if self.library_screen is not None:
            self.library_screen.refresh_progress(article_id, progress)

    # -- saving ------------------------------------------------------------------------------
    def save(self, entry: Entry, shown_before: Annotation | None) -> None:
        """Save a change (the screen already shows it): journaled at once, then applied to the
        store on its thread. The outcome comes back to the event loop without blocking either."""
        screen = reading(self.screen)
        claim_id = entry.claim.id
        self.saving[claim_id] += 1
        future = self.service.save(entry)

        def finished(f) -> None:
            self.from_store(self._saved, screen, entry, shown_before, f)

        future.add_done_callback(finished)

    def from_store(self, fn, *args) -> None:
        self.service.to_loop(fn, *args)

    def _saved(self, screen: ArticleScreen | None, entry: Entry, shown_before: Annotation | None, future) -> None:
        claim_id = entry.claim.id
        self.saving[claim_id] -= 1
        error = future.exception()
        ours = screen is not None and screen.is_attached and screen.article.id == entry.article_id
        if error is not None:
            if self.service.closing:
                return
            if ours:
                screen.save_failed(entry.claim, shown_before, error)
            else:
                self.failed("Not saved", error)
            return
        applied = future.result()
        if ours and not self.saving[claim_id]:
            screen.saved(entry.claim, applied.after)
        if applied.conflicts:
            fields = " and ".join(f.replace("_", " ") for f in applied.conflicts)
            kept = "both notes are kept" if applied.conflicts == ("note",) else "their change is kept"
            self.notify(f"The {fields} of that claim had been changed elsewhere meanwhile: {kept}.",
                        severity="warning", timeout=8, markup=False)

    def _store_busy(self, message: str) -> None:
        self.from_store(self.notify, f"{safe_line(message, 200)}. Your change is kept and will be "
                         "saved as soon as the store is free.", severity="warning", timeout=8, markup=False)

    def failed(self, what: str, error: Exception) -> None:
        """Any failure of background work becomes a message: never a traceback, never silence."""
        text = str(error) if isinstance(error, StoreError) else f"{what}: {type(error).__name__}: {error}"
        self.notify(safe_line(text, 400), severity="error", markup=False, timeout=15)

    # -- app-wide actions --------------------------------------------------------------------
    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        title = "reader" if reading(self.screen) else getattr(self.screen, "HELP_TITLE", "library")
        self.push_screen(HelpScreen(self.screen, title))

    async def action_quit(self) -> None:
        self.close_store()  # waits for saves still on their way
        self.exit()

    def close_store(self) -> None:
        """Finish the saves under way (once; also after a signal or a crash)."""
        self.left_unsaved = self.service.close()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette: the theme, and every newsreader action of the current screen
        (not Textual's own commands: keys panel, maximize, screenshot, copy, focus next)."""
        yield SystemCommand("Theme", "Change the colour theme (remembered)", self.action_change_theme)
        for a in screen_actions(screen):
            if a.action == "command_palette":
                continue  # (the palette is open already)
            yield SystemCommand(a.description, f"{a.label} · {a.tooltip}" if a.tooltip else a.label,
                                partial(self._run_from_palette, a.node, a.action))

    async def _run_from_palette(self, node, action: str) -> None:
        await self.run_action(action, node)


def make_app(store_dir: str | Path | None = None, *, annotator: str | None = None,
             clock: Callable[[], datetime] = utc_now, samples: Path | bool | None = True,
             config: Path | None = None) -> NewsreaderApp:
    """The app over a store folder; the CLI and the tests both build it here. `config` is the
    settings file (default: $NEWSREADER_CONFIG, else the user's config folder)."""
    store = Store(store_dir or default_store_dir(), annotator=annotator, clock=clock)
    sample_dir = seeds_dir() if samples is True else (samples or None)
    return NewsreaderApp(store, clock=clock, samples=sample_dir, config=config)


def run(store: Store) -> int:
    app = NewsreaderApp(store, samples=seeds_dir())
    try:
        app.run()
    finally:
        app.close_store()
    if app.left_unsaved:
        print(f"newsreader: the store was busy to the end: {app.left_unsaved} change(s) are kept in "
              f"{app.store.folder / '.pending'} and will be saved the next time newsreader opens the store",
              file=sys.stderr)
    return app.return_code or 0
