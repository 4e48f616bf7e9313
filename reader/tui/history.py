"""Undo and redo of annotation changes. Pure data: each step remembers, for the fields one change
touched, their values before and after it. Undoing sets the fields back only where they still
hold what the change put there (the store checks, see changes.apply_change), so an undo never
takes back what somebody else did meanwhile.

A step is one thing the user did: usually one claim's change, or several claims' changes made by
one key (`W` renames a speaker on every claim of theirs), undone and redone together."""

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


Step = tuple[Change, ...]  # one user action: its changes, in the order they were made


class History:
    def __init__(self, limit: int = 500) -> None:
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self.limit = limit

    def record(self, *changes: Change) -> None:
        """Remember one user action (one change, or a group undone as one)."""
        if not changes:
            return
        self._undo.append(tuple(changes))
        del self._undo[: -self.limit]
        self._redo.clear()

    def undo(self) -> Step | None:
        if not self._undo:
            return None
        step = self._undo.pop()
        self._redo.append(step)
        return step

    def redo(self) -> Step | None:
        if not self._redo:
            return None
        step = self._redo.pop()
        self._undo.append(step)
        return step
