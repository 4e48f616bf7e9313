"""All store access of the app on one background thread.

The store is not meant for concurrent use from several threads; one thread keeps every read and
write in order, and keeps saves off the event loop so a keypress never waits for the disk.
`close()` waits for pending saves: quitting right after a tag still saves it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

from ..store import Store

T = TypeVar("T")


class StoreService:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsreader-store")
        self._closed = False

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        return self._pool.submit(fn, *args, **kwargs)

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run on the store thread and await the result from the event loop."""
        return await asyncio.wrap_future(self.submit(fn, *args, **kwargs))

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run on the store thread and wait (only at start-up, before the first frame)."""
        return self.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._pool.shutdown(wait=True)
