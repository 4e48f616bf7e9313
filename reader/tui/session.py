"""What the screens are given by the app, instead of reaching into it: the store service (every
read and write on the store's thread), the undo history, the settings as they were at start and
the way to save a change (journalled at once: app.save). Choices the user makes go back to the
app as messages (messages.Remember); a change is saved by a call, not a message, so that a key
pressed right after it (quit, say) can never overtake it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..journal import Entry
from ..model import Annotation
from ..settings import Settings
from ..store import Store
from .history import History
from .service import StoreService


@dataclass(frozen=True, slots=True)
class Session:
    service: StoreService
    history: History
    settings: Callable[[], Settings]  # the settings now
    save: Callable[[Entry, Annotation | None], None]

    @property
    def store(self) -> Store:
        return self.service.store
