"""A trial that fails before it records its outcome (a crash, a hang) still counts as failed."""

from __future__ import annotations

import pytest

import trials


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    before = trials.RECORDED[0]
    outcome = yield
    if outcome.excinfo is not None and trials.RECORDED[0] == before:
        error = outcome.excinfo[1]
        trials.record(item.module.__name__.rsplit(".", 1)[-1].removeprefix("test_").replace("_", " "),
                      item.name, False, 0, f"{type(error).__name__}: {error}")
