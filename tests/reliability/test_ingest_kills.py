"""An ingest killed at any moment, then run again, ends where an uninterrupted one ends: every
annotation there and attached to its claim (or orphaned exactly as it would have been)."""

from __future__ import annotations

import random
import signal
import subprocess
import time

import pytest

from reader.ingest import ingest
from reader.store import Store
from trials import (
    build_corpus,
    compare,
    env,
    kill_after_first_write,
    newsreader,
    record,
    scaled,
    state,
    store_files,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("kills"))


@pytest.fixture(scope="module")
def reference(corpus):
    """The state an ingest of the edited folder reaches when nothing interrupts it."""
    folder = corpus.copy_store("reference")
    started = time.perf_counter()
    proc = subprocess.Popen(newsreader("--store", str(folder), "ingest", "-q", str(corpus.articles)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    first_write = started
    before = store_files(folder)
    while proc.poll() is None and store_files(folder) == before:
        first_write = time.perf_counter()
    stdout, stderr = proc.communicate()
    finished = time.perf_counter()
    assert proc.returncode == 0, stderr
    assert b"re-attached" in stdout and b"kept without their claim" in stdout
    # Random kills fall between half-way to the first write and the end: before that the
    # process is only starting up, and a kill there tells nothing about the store.
    return state(folder), (first_write - started) / 2, finished - started


def _trial(corpus, reference, group: str, case: str, interrupt) -> None:
    expected = reference[0]
    folder = corpus.copy_store(case)
    proc = subprocess.Popen(newsreader("--store", str(folder), "ingest", "-q", str(corpus.articles)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env())
    try:
        interrupted = interrupt(proc, folder)
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert b"Traceback" not in stderr
    state(folder)  # every file of the store still reads after the interruption
    ingest([str(corpus.articles)], Store(folder))  # the same ingest again, to the end
    lost, detail = compare(expected, state(folder))
    record(group, case, lost == 0, lost, detail if lost else ("" if interrupted else "finished before the kill"))
    assert lost == 0, detail


@pytest.mark.parametrize("n", range(scaled(20)))
def test_killed_at_a_random_moment(corpus, reference, n):
    delay = random.Random(n).uniform(reference[1], reference[2])

    def interrupt(proc, folder):
        time.sleep(delay)
        proc.kill()
        return True

    _trial(corpus, reference, "ingest: kill -9 at a random moment", f"random-{n}", interrupt)


@pytest.mark.parametrize("n", range(scaled(20)))
def test_killed_right_after_the_first_write(corpus, reference, n):
    jitter = n * 0.002  # 0 to 40 ms into the writes that follow the first one

    def interrupt(proc, folder):
        return kill_after_first_write(proc, folder, jitter)

    _trial(corpus, reference, "ingest: kill -9 after the first write", f"first-write-{n}", interrupt)


@pytest.mark.parametrize("n", range(scaled(10)))
def test_ctrl_c_while_it_saves(corpus, reference, n):
    def interrupt(proc, folder):
        return kill_after_first_write(proc, folder, n * 0.003, sig=signal.SIGINT)

    _trial(corpus, reference, "ingest: Ctrl-C while it saves", f"ctrl-c-{n}", interrupt)
