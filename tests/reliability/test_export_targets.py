"""`export -o` writes a new file or replaces a regular one, and nothing else: never a device, a
pipe, a link, a folder, or one of the store's own files; `-` is standard output."""

from __future__ import annotations

import json
import os
import stat

import pytest

from helpers import SEED
from trials import one_clear_line, record, run_cli


@pytest.fixture
def store(tmp_path):
    folder = tmp_path / "store"
    assert run_cli("--store", str(folder), "ingest", str(SEED)).returncode == 0
    claim = json.loads(run_cli("--store", str(folder), "claims", "--json").stdout)[0]["id"]
    assert run_cli("--store", str(folder), "tag", claim, "stated", "--note", "keep me").returncode == 0
    return folder


def _annotations_file(store):
    return next(store.glob("annotations-*.json"))


def _make(kind: str, tmp_path, store):
    """A target of one kind, and a check that it is as it was."""
    if kind == "symlink":
        target = tmp_path / "target.json"
        target.write_text("precious")
        link = tmp_path / "link.json"
        link.symlink_to(target)
        return link, lambda: link.is_symlink() and target.read_text() == "precious"
    if kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        dev = tmp_path / "null"
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        return dev, lambda: stat.S_ISCHR(os.lstat(dev).st_mode)
    if kind == "fifo":
        fifo = tmp_path / "pipe"
        os.mkfifo(fifo)
        return fifo, lambda: stat.S_ISFIFO(os.lstat(fifo).st_mode)
    if kind == "folder":
        folder = tmp_path / "a-folder"
        folder.mkdir()
        return folder, folder.is_dir
    if kind == "hard link to a store file":
        link = tmp_path / "looks-harmless.json"
        os.link(_annotations_file(store), link)
        return link, lambda: b"keep me" in link.read_bytes()
    name = {"the article database": "articles.db", "an annotations file": _annotations_file(store).name,
            "a store file yet to be": "annotations-f.json" if not (store / "annotations-f.json").exists() else "annotations-0.json",
            "the database's journal": "articles.db-wal", "a backup": f"{_annotations_file(store).name}.bak",
            "the lock": ".lock"}[kind]
    path = store / name
    before = path.read_bytes() if path.exists() else None
    return path, lambda: (path.read_bytes() if path.exists() else None) == before


REFUSED = ["symlink", "device", "fifo", "folder", "hard link to a store file", "the article database",
           "an annotations file", "a store file yet to be", "the database's journal", "a backup", "the lock"]


@pytest.mark.parametrize("kind", REFUSED)
def test_refused_targets(store, tmp_path, kind):
    target, unchanged = _make(kind, tmp_path, store)
    done = run_cli("--store", str(store), "export", "-o", str(target), timeout=20)
    notes = run_cli("--store", str(store), "claims", "--json")
    kept = notes.returncode == 0 and any(c["note"] == "keep me" for c in json.loads(notes.stdout))
    ok = done.returncode == 2 and one_clear_line(done.stderr) and unchanged() and kept
    record("export targets", kind, ok, 0 if kept else 1, done.stderr.decode()[:200])
    assert ok, done.stderr


def test_dash_is_standard_output(store, tmp_path):
    done = run_cli("--store", str(store), "export", "-o", "-", cwd=tmp_path)
    ok = done.returncode == 0 and json.loads(done.stdout)["counts"]["annotations"] == 1 and not (tmp_path / "-").exists()
    record("export targets", "-o - is standard output", ok)
    assert ok


def test_regular_and_new_files_are_written(store, tmp_path):
    old = tmp_path / "old.json"
    old.write_text("an older export")
    new = tmp_path / "new" / "folder" / "export.json"
    results = [run_cli("--store", str(store), "export", "-o", str(p)) for p in (old, new)]
    ok = all(r.returncode == 0 for r in results) and all(json.loads(p.read_bytes())["counts"]["annotations"] == 1 for p in (old, new))
    record("export targets", "a regular file and a new path", ok)
    assert ok


async def test_the_app_s_export_dialog_refuses_a_store_file(store):
    from reader.tui.app import make_app
    from reader.tui.dialogs.ask import AskDialog

    library = store / "articles.db"
    before = library.read_bytes()
    app = make_app(store, annotator="tester", samples=False)
    app.blink = False
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("e", "ctrl+u", *str(library), "enter")
        await pilot.pause()
        still_asking = isinstance(app.screen, AskDialog)
        hint = str(app.screen.query_one("#ask-hint").render()) if still_asking else ""
    ok = still_asking and "store's own files" in hint and library.read_bytes() == before
    record("export targets", "the app's dialog: the article database", ok, 0, hint)
    assert ok, hint
