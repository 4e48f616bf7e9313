"""The store folder's own files: which names are the store's, and the temporary files a killed
writer left behind."""

from __future__ import annotations

import getpass
import os
import re
from pathlib import Path

STORE_FILE = re.compile(r"(library|articles-[0-9a-f]|annotations-[0-9a-f])\.json(\.bak)?|articles\.db(-wal|-shm|-journal)?")


def listdir(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def same_file(st: os.stat_result, other: Path) -> bool:
    try:
        o = os.stat(other)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (o.st_dev, o.st_ino)


def remove_stale_temp_files(folder: Path) -> None:
    """Temporary files left by a writer that was killed mid-save (its pid is gone)."""
    for tmp in folder.glob(".*.tmp"):
        parts = tmp.name.split(".")
        pid = next((int(p) for p in parts if p.isdigit()), None)
        if pid is None or pid == os.getpid() or alive(pid):
            continue
        try:
            tmp.unlink()
        except OSError:
            pass


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def owned(folder: Path, path: Path) -> bool:
    """Whether `path` is (or would be) one of this store's own files: never to be written by
    anything but the store. Hard links to them count too."""
    try:
        same_folder = Path(os.path.realpath(path.parent)) == Path(os.path.realpath(folder))
    except OSError:
        same_folder = False
    if same_folder and (STORE_FILE.fullmatch(path.name) or path.name.startswith(".")):
        return True
    try:
        target = os.stat(path)
    except OSError:
        return False
    return any(same_file(target, folder / name) for name in listdir(folder) if STORE_FILE.fullmatch(name))


def default_store_dir() -> Path:
    env = os.environ.get("NEWSREADER_STORE")
    return Path(env) if env else Path.cwd() / "annotations"


def default_annotator() -> str:
    """Who annotates when --annotator does not say: $NEWSREADER_ANNOTATOR, else the OS user."""
    named = os.environ.get("NEWSREADER_ANNOTATOR", "").strip()
    if named:
        return named
    try:
        return getpass.getuser()
    except Exception:  # no user name in this environment
        return "unknown"
