"""Building the app for Pilot and snapshot tests: a store in a temp folder, a fixed clock, no
blinking cursor, no animations, truecolor, and never the real store or $HOME."""

from __future__ import annotations

import pytest

from helpers import HOSTILE, fixed_clock
from reader.ingest import ingest
from reader.store import Store
from reader.tui.app import NewsreaderApp, make_app


@pytest.fixture
def app_factory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # The speakers' palette depends on the terminal's colours: truecolor, whatever runs the tests
    # (a test of 256 or 16 colours sets TERM and COLORTERM itself before building the app).
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.delenv("NO_COLOR", raising=False)

    def build(*paths, samples: bool = False) -> NewsreaderApp:
        folder = tmp_path / "store"
        if paths:
            ingest([str(p) for p in paths], Store(folder, annotator="tester", clock=fixed_clock))
        app = make_app(folder, annotator="tester", clock=fixed_clock, samples=samples)
        app.blink = False
        return app

    return build


@pytest.fixture
def hostile_file(tmp_path):
    path = tmp_path / "hostile.txt"
    path.write_bytes(HOSTILE)
    return path

