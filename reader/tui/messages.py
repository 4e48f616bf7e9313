"""What a screen asks of the app, as messages: the screens never reach into the app for these.
The app (reader/tui/app.py) handles each in one place."""

from __future__ import annotations

from textual.message import Message


class OpenArticle(Message):
    """Open an article in the reader: at a claim (its index), or at its first untagged one."""

    def __init__(self, article_id: str, claim: int | None = None, untagged: bool = False) -> None:
        super().__init__()
        self.article_id, self.claim, self.untagged = article_id, claim, untagged


class NextUntagged(Message):
    """Open the next article of the library's order with an untagged claim, after `after`."""

    def __init__(self, after: str | None) -> None:
        super().__init__()
        self.after = after


class ProgressChanged(Message):
    """How far the user is with an article changed (shown in the library; a model.Progress)."""

    def __init__(self, article_id: str, progress) -> None:
        super().__init__()
        self.article_id, self.progress = article_id, progress


class Remember(Message):
    """The user made a choice the app keeps for the next run (settings.py: sort, panels...)."""

    def __init__(self, **choices) -> None:
        super().__init__()
        self.choices = choices


class Failed(Message):
    """Background work failed: the app says so in one line, never a traceback."""

    def __init__(self, what: str, error: Exception) -> None:
        super().__init__()
        self.what, self.error = what, error


class LibraryChanged(Message):
    """Articles were added or changed: the app reloads the library's rows."""


class OpenClaims(Message):
    """Show the claims view (every claim of the store)."""


class OpenSpeakers(Message):
    """Show the speakers view (every speaker across the store)."""
