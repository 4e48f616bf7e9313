"""Undo and redo of annotation changes. Pure data: each step remembers, for the fields one change
touched, their values before and after it. Undoing sets the fields back only where they still
hold what the change put there (the store checks, see model.apply_change), so an undo never
takes back what somebody else did meanwhile."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Claim


@dataclass(frozen=True, slots=True)
class Change:
    article_id: str
    claim: Claim
    before: dict  # field: value, for the fields the change touched
    after: dict
    what: str  # for messages: "tag stated", "note", ...


class History:
    def __init__(self, limit: int = 500) -> None:
        self._undo: list[Change] = []
        self._redo: list[Change] = []
        self.limit = limit

    def record(self, change: Change) -> None:
        self._undo.append(change)
        del self._undo[: -self.limit]
        self._redo.clear()

    def undo(self) -> Change | None:
        if not self._undo:
            return None
        change = self._undo.pop()
        self._redo.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._redo:
            return None
        change = self._redo.pop()
        self._undo.append(change)
        return change
