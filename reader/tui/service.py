"""All store access of the app on one background thread, and the journal in front of it.

The store is not meant for concurrent use from several threads; one thread keeps every read and
write in order, and keeps saves off the event loop so a keypress never waits for the disk.

A change of an annotation goes through two steps: the journal thread writes it to this process's
journal (fsynced, about a millisecond), then the store thread applies it under the store lock,
waiting as long as another process holds the lock. From the first step on, the change survives
a kill of the app (see reader/journal.py). `close()` waits for changes under way; those still
waiting for a busy store at the end stay in the journal for the next newsreader to apply.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from ..changes import Applied
from ..journal import Entry, Journal
from ..storage import StoreError, StoreLocked
from ..store import Store

T = TypeVar("T")
TRY_SECONDS = 0.5  # how long one try waits for a lock another process holds
CLOSE_SECONDS = 2.0  # how long quitting waits for a busy store before leaving changes in the journal


class StoreService:
    def __init__(self, store: Store, on_busy: Callable[[str], None] | None = None) -> None:
        self.store = store
        self.journal = Journal(store.folder) if store.writable else None
        self.on_busy = on_busy  # told (from the store thread) once a save has to wait for the lock
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsreader-store")
        self._journal_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsreader-journal")
        self._closing = threading.Event()
        self._closed = False
        self._count = threading.Lock()
        self.waiting = 0  # changes given to save() and not yet applied or given up
        self.loop: asyncio.AbstractEventLoop | None = None  # the app's event loop, once it runs

    def _settled(self) -> None:
        with self._count:
            self.waiting -= 1

    def to_loop(self, fn: Callable[..., Any], *args: Any) -> None:
        """Call fn on the app's event loop from the store thread, never waiting for it (the loop
        may be waiting for the store thread itself, when quitting)."""
        try:
            if self.loop is not None:
                self.loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:  # the app has already gone
            pass

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        return self._pool.submit(fn, *args, **kwargs)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run on the store thread and await the result from the event loop."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run on the store thread and wait (only at start-up, before the first frame)."""
        return self.submit(fn, *args, **kwargs).result()

    # -- changes of annotations -----------------------------------------------------------------
    def save(self, entry: Entry) -> Future[Applied]:
        """Journal a change at once, then apply it to the store; the future has the outcome."""
        outcome: Future[Applied] = Future()
        with self._count:
            self.waiting += 1
        self._journal_pool.submit(self._journal_then_apply, entry, outcome)
        return outcome

    def _journal_then_apply(self, entry: Entry, outcome: Future) -> None:
        seq = None
        if self.journal is not None:
            try:
                seq = self.journal.append(entry)
            except OSError:
                seq = None  # no journal (a full disk, say): the change is still applied below
        self._pool.submit(self._apply, entry, seq, outcome)

    def _apply(self, entry: Entry, seq: int | None, outcome: Future) -> None:
        told = False
        mark = (self.journal.id, seq) if seq is not None else None
        while True:
            closing = self._closing.is_set()
            try:
                applied = self.store.change(entry.article_id, entry.claim, entry.changes, entry.expect,
                                            at=entry.at, annotator=entry.annotator, journal=mark,
                                            wait=0 if closing else TRY_SECONDS)
            except StoreLocked as exc:
                if closing:
                    outcome.set_exception(exc)  # kept in the journal: applied by the next newsreader
                    return
                if not told and self.on_busy is not None:
                    self.on_busy(str(exc))
                    told = True
                continue
            except BaseException as exc:
                if seq is not None:
                    self.journal.cancel(seq)  # the user is told it was not saved: never replay it
                self._settled()
                outcome.set_exception(exc if isinstance(exc, StoreError) else StoreError(f"{type(exc).__name__}: {exc}"))
                return
            self._settled()
            outcome.set_result(applied)
            return

    @property
    def closing(self) -> bool:
        return self._closed

    def close(self) -> int:
        """Finish what is under way; returns how many changes are left waiting in the journal
        (the store was busy to the end)."""
        if self._closed:
            return self.waiting
        self._closed = True
        self._journal_pool.shutdown(wait=True)
        try:
            self._pool.submit(lambda: None).result(timeout=CLOSE_SECONDS)
        except TimeoutError:
            pass
        self._closing.set()  # changes still waiting for the lock get one last try, then stay journaled
        self._pool.shutdown(wait=True)
        left = self.waiting
        if self.journal is not None:
            self.journal.close(keep=left > 0)
            if left == 0 and self.journal.written:
                try:
                    self.store.forget_journal(self.journal.id)
                except StoreError:
                    pass  # its marks stay: harmless, and dropped by a later replay
        return left
