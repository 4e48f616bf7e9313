"""A one-line progress bar for long batches on a terminal (drawn on stderr)."""

from __future__ import annotations

import time
from typing import TextIO


class Bar:
    def __init__(self, out: TextIO, label: str, width: int = 30, min_total: int = 20) -> None:
        self.out = out
        self.label = label
        self.width = width
        self.min_total = min_total
        self.started = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def update(self, done: int, total: int) -> None:
        if total < self.min_total:
            return
        now = time.monotonic()
        if done < total and now - self._last < 0.1:
            return
        self._last = now
        filled = int(self.width * done / total)
        rate = done / max(now - self.started, 1e-6)
        self.out.write(f"\r{self.label} [{'#' * filled}{'.' * (self.width - filled)}] {done}/{total}  {rate:,.0f}/s ")
        self.out.flush()
        self._drawn = True

    def close(self) -> None:
        if self._drawn:
            self.out.write("\r" + " " * (self.width + 40) + "\r")
            self.out.flush()
