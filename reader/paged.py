"""Rows read a page at a time as they are drawn (the library's, the claims view's): a sequence
whose subclass reads a page (`_page`) and knows how many rows there are (`_count`)."""

from __future__ import annotations

from collections.abc import Sequence

PAGE = 100  # rows read at a time


class Paged(Sequence):
    size = PAGE  # rows a page

    def __init__(self) -> None:
        self._count = 0
        self._pages: dict[int, list] = {}

    def _page(self, number: int) -> list:
        raise NotImplementedError

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError(index)
        return self._page(index // self.size)[index % self.size]

    def loaded(self) -> list:
        """The rows of the pages read so far."""
        return [row for page in self._pages.values() for row in page]
