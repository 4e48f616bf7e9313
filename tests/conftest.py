"""Shared test setup: no test ever sees the real store, $HOME or the wall clock."""

from __future__ import annotations

import pytest

from helpers import fixed_clock


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory, monkeypatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NEWSREADER_STORE", str(home / "store-from-env"))
    monkeypatch.setenv("NEWSREADER_CONFIG", str(home / "config" / "settings.json"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    monkeypatch.delenv("NEWSREADER_ANNOTATOR", raising=False)
    monkeypatch.chdir(home)


@pytest.fixture
def store(tmp_path):
    from reader.store import Store

    return Store(tmp_path / "store", annotator="tester", clock=fixed_clock)
