"""Bad input gets a clear one-line refusal naming the file, the rest still goes in, and nothing
is left behind: unreadable files and folders, closed or full standard streams, a terminal that
is not there, and the workers of a killed ingest."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from helpers import FIXTURES, SEED
from trials import (
    alive,
    build_corpus,
    children,
    env,
    newsreader,
    one_clear_line,
    record,
    run_cli,
    without_root_powers,
)

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc and file permissions")


@pytest.fixture
def unreadable(tmp_path):
    """An unreadable file, a file in a folder that cannot be entered, a folder with an unreadable
    sub-folder, and good files beside them."""
    good = tmp_path / "good.txt"
    shutil.copy(SEED, good)
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(FIXTURES / "plain" / "bbc_like.txt", locked / "inside.txt")
    secret = tmp_path / "secret.txt"
    secret.write_text("A headline\n\nA body.")
    tree = tmp_path / "tree"
    (tree / "open").mkdir(parents=True)
    (tree / "closed").mkdir()
    shutil.copy(FIXTURES / "up" / "named_quote.txt", tree / "open" / "a.txt")
    shutil.copy(FIXTURES / "up" / "curly_quotes.txt", tree / "closed" / "b.txt")
    for path in (secret, locked, tree / "closed"):
        path.chmod(0)
    yield tmp_path
    for path in (locked, tree / "closed"):
        path.chmod(0o755)


CASES = {
    "an unreadable file": (["secret.txt", "good.txt"], ["secret.txt"], 1),
    "a file in a folder that cannot be entered": (["locked/inside.txt", "good.txt"], ["locked/inside.txt"], 1),
    "a folder with an unreadable sub-folder": (["tree", "good.txt"], ["tree/closed"], 2),
}


@linux
@pytest.mark.parametrize("case", list(CASES))
def test_unreadable_inputs_are_refused_and_the_rest_go_in(unreadable, case):
    paths, refused, new = CASES[case]
    store = unreadable / "store"
    done = subprocess.run(newsreader("--store", str(store), "ingest", *paths), cwd=unreadable, capture_output=True,
                          env=env(), preexec_fn=without_root_powers, timeout=60)
    listed = run_cli("--store", str(store), "list", "--json")
    stderr = done.stderr.decode()
    ok = (done.returncode == 1 and one_clear_line(stderr) and all(f"refused {r}:" in stderr for r in refused)
          and listed.stdout.count(b'"id"') == new)
    record("unreadable inputs", case, ok, 0 if listed.stdout.count(b'"id"') == new else 1, stderr[:200])
    assert ok, (done.returncode, stderr, listed.stdout[:200])


def test_a_named_pipe_in_a_folder_is_refused_not_waited_for(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / "good.txt")
    os.mkfifo(folder / "pipe")
    done = run_cli("--store", str(tmp_path / "store"), "ingest", str(folder), timeout=30)
    ok = done.returncode == 1 and b"pipe: not a regular file" in done.stderr and b"1 new" in done.stdout
    record("unreadable inputs", "a named pipe in a folder", ok, 0, done.stderr.decode()[:200])
    assert ok, done.stderr


STREAMS = {
    "export > /dev/full": (["export"], {"stdout": "/dev/full"}),
    "list --json > /dev/full": (["list", "--json"], {"stdout": "/dev/full"}),
    "export with standard output closed": (["export"], {"stdout": "closed"}),
    "claims --json with standard output closed": (["claims", "--json"], {"stdout": "closed"}),
    "ingest - with standard input closed": (["ingest", "-"], {"stdin": "closed"}),
    "newsreader with no terminal": ([], {"stdin": "/dev/null", "stdout": "file"}),
}


@pytest.mark.parametrize("case", list(STREAMS))
def test_closed_and_full_streams_give_one_line(tmp_path, case):
    args, streams = STREAMS[case]
    store = tmp_path / "store"
    assert run_cli("--store", str(store), "ingest", str(SEED)).returncode == 0
    redirect = {"stdout": "", "stdin": ""}
    for name, how in streams.items():
        fd = "1" if name == "stdout" else "0"
        redirect[name] = {"closed": f"{fd}>&-" if fd == "1" else "0<&-", "file": f"> {tmp_path / 'out'}"}.get(
            how, f"{'>' if fd == '1' else '<'} {how}")
    command = " ".join(f"'{a}'" for a in newsreader("--store", str(store), *args))
    shell = subprocess.Popen(f"{command} {redirect['stdout']} {redirect['stdin']}", shell=True, stderr=subprocess.PIPE,
                             env=env(), start_new_session=True)
    try:
        _, stderr = shell.communicate(timeout=30)
    except subprocess.TimeoutExpired:  # a program that waits for ever: it and its children go
        os.killpg(shell.pid, signal.SIGKILL)
        _, stderr = shell.communicate()
    done = subprocess.CompletedProcess(shell.args, shell.returncode, None, stderr)
    wrote = (tmp_path / "out").read_bytes() if (tmp_path / "out").exists() else b""
    ok = done.returncode != 0 and one_clear_line(done.stderr) and b"\x1b" not in wrote
    record("closed and full streams", case, ok, 0, done.stderr.decode()[:200])
    assert ok, (done.returncode, done.stderr)


@linux
def test_a_killed_ingest_leaves_no_workers(tmp_path):
    corpus = build_corpus(tmp_path / "c", n_articles=400, n_annotations=0, n_edited=0)
    proc = subprocess.Popen(newsreader("--store", str(tmp_path / "store"), "ingest", "-q", str(corpus.articles)),
                            env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and len(workers) < 2 and proc.poll() is None:
        workers = children(proc.pid)
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    time.sleep(2)
    left = {pid for pid in workers if alive(pid)}
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    ok = len(workers) >= 2 and not left
    record("workers of a killed ingest", "kill -9 of an ingest", ok, 0, f"{len(workers)} workers, {len(left)} left running")
    assert ok, (workers, left)
