"""`newsreader serve`: the app in a browser, through textual-serve (so it lives with the UI).
Each browser tab runs its own app process on the shared store (the store's lock keeps everyone's
work), bound to localhost
unless told otherwise. textual-serve has no authentication: see the README for an SSH tunnel or a
reverse proxy with a password.

With `--annotator-from-url`, a tab opened at `/?annotator=NAME` works as NAME: the page's
websocket goes to `/ws/NAME`, and that session's process gets `--annotator NAME`.
"""

from __future__ import annotations

import re
import shlex
import sys
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import quote, unquote

NAME = re.compile(r"[\w.@ -]{1,40}")  # an annotator's name as a URL may give it
_session_annotator: ContextVar[str | None] = ContextVar("session_annotator", default=None)


def annotator_from(value: str | None) -> str | None:
    """The annotator a URL names, if it is a plain name (letters, digits, . @ - _ and spaces)."""
    value = unquote(value or "")
    return value if NAME.fullmatch(value) and value == value.strip() else None


def app_command(store: Path, annotator: str | None) -> str:
    """The command each session runs: this Python, this package, this store."""
    parts = [sys.executable, "-m", "reader", "--store", str(store)]
    if annotator:
        parts += ["--annotator", annotator]
    return shlex.join(parts)


def make_server(store: Path, host: str, port: int, annotator: str | None, from_url: bool,
                public_url: str | None = None):
    import aiohttp_jinja2
    from aiohttp import web
    from textual_serve.server import Server

    class NewsreaderServer(Server):
        """textual-serve's server, whose sessions may each be another annotator (from the URL)."""

        @property
        def command(self) -> str:
            return app_command(store, _session_annotator.get() or annotator)

        @command.setter
        def command(self, value: str) -> None:  # (textual-serve sets it; ours is worked out per session)
            pass

        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            if from_url:
                app.add_routes([web.get("/ws/{annotator}", self.handle_websocket)])
            return app

        @aiohttp_jinja2.template("app_index.html")
        async def handle_index(self, request: web.Request) -> dict:
            context = await Server.handle_index.__wrapped__(self, request)
            who = annotator_from(request.query.get("annotator")) if from_url else None
            if who:
                context["app_websocket_url"] += "/" + quote(who)
            return context

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            _session_annotator.set(annotator_from(request.match_info.get("annotator")) if from_url else None)
            return await super().handle_websocket(request)

    return NewsreaderServer(app_command(store, annotator), host=host, port=port, title="newsreader",
                            public_url=public_url.rstrip("/") if public_url else None)
