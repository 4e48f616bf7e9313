"""The real app in a terminal: told to stop (SIGTERM) or hung up on (SIGHUP), it leaves the
terminal as it found it and keeps its tags; killed (-9) while another process holds the store's
lock, it still keeps the tag already on screen."""

from __future__ import annotations

import json
import signal
import time

import pytest

from helpers import SEED
from reader.storage import StoreLock
from trials import Terminal, newsreader, record, run_cli

RESTORED = [b"\x1b[?1049l", b"\x1b[?1000l", b"\x1b[?25h"]  # main screen, mouse off, cursor shown


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / "store"
    assert run_cli("--store", str(folder), "ingest", str(SEED)).returncode == 0
    return folder


def _tags(store) -> dict:
    done = run_cli("--store", str(store), "claims", "--json")
    return {c["id"]: c["tag"] for c in json.loads(done.stdout) if c["tag"]}


def _open(term: Terminal) -> None:
    assert term.wait_for(b"newsreader", 20), term.text()[-300:]
    term.press("\r", b"Stated")  # the reader's keys in its footer


def _open_and_tag(term: Terminal) -> None:
    _open(term)
    term.press("s", b"stated")
    time.sleep(0.3)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP", "SIGHUP after the terminal closed"])
def test_a_signal_restores_the_terminal_and_keeps_the_tag(store, how):
    term = Terminal(newsreader("--store", str(store)), size=(100, 30))
    try:
        _open_and_tag(term)
        mark = len(term.text())
        if how.endswith("closed"):
            term.close_master()
        term.signal(signal.SIGHUP if how.startswith("SIGHUP") else signal.SIGTERM)
        code = term.wait(15)
    finally:
        term.close()
    after = term.text()[mark:]
    restored = how.endswith("closed") or all(seq in after for seq in RESTORED)
    kept = len(_tags(store)) == 1
    ok = code is not None and restored and kept
    record("signals to the app", how, ok, 0 if kept else 1,
           f"exit {code}; restored: {[seq in after for seq in RESTORED]}")
    assert ok, (code, [seq in after for seq in RESTORED], kept)


def test_kill_while_another_process_holds_the_lock_keeps_the_tag_on_screen(store):
    lock = StoreLock(store)
    term = Terminal(newsreader("--store", str(store)), size=(100, 30))
    try:
        _open(term)
        with lock:  # another newsreader is saving, and goes on saving
            mark = len(term.text())
            term.send("s", 0.2)
            shown = term.wait_for(b"stated", 5, start=mark)
            time.sleep(0.3)
            term.signal(signal.SIGKILL)
            term.wait(10)
    finally:
        term.close()
    kept = len(_tags(store)) == 1  # the next newsreader to open the store saves it
    ok = shown and kept
    record("kill -9 of the app", "while another process holds the lock", ok, 0 if kept else 1)
    assert ok, (shown, kept)


def test_kill_right_after_tags_keeps_those_shown(store):
    term = Terminal(newsreader("--store", str(store)), size=(100, 30))
    try:
        _open(term)
        for key in "snsnsnd":
            term.send(key, 0.05)
        time.sleep(0.3)
        term.signal(signal.SIGKILL)
        term.wait(10)
    finally:
        term.close()
    kept = len(_tags(store))
    ok = kept == 4
    record("kill -9 of the app", "right after four tags", ok, 4 - kept)
    assert ok, kept
