"""A speaker as the rules find one: the name, the role, the registry entry, how sure."""

from __future__ import annotations

from dataclasses import dataclass

from .names import Entity


@dataclass(slots=True)
class Speaker:
    name: str | None
    role: str | None
    entity: Entity | None
    confidence: float
    mention: str | None = None  # how the text names the speaker here, when not by the name itself


NOBODY = Speaker(None, None, None, 0.3)
