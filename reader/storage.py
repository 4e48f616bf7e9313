"""Safe files for the store: a TinyDB storage that never leaves a broken file, and a lock.

Every write goes to a temporary file in the same folder, is fsynced, and replaces the old file
with `os.replace`; the folder is fsynced too. A crash or kill at any moment leaves either the old
or the new file. The file as it was before a session's first change is kept as `NAME.bak`.

The data stays in memory between writes (TinyDB would otherwise re-read the file for every
query) and is reloaded when another process has replaced the file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
from tinydb.storages import Storage

from . import shapes, upgrades


class StoreError(Exception):
    """A problem with the store, with a message fit for one line of output."""


class StoreLocked(StoreError):
    pass


def _stat_sig(path: Path) -> tuple | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


class AtomicJSONStorage(Storage):
    """TinyDB storage: one JSON file, cached in memory, replaced atomically on every write."""

    def __init__(self, path: str | Path, kind: str) -> None:
        self.path = Path(path)
        self.kind = kind
        self._data: dict | None = None
        self._sig: tuple | None = None
        self._backed_up = False

    # TinyDB interface -----------------------------------------------------------------------
    def read(self) -> dict:
        if self._data is None:
            self._load()
        return self._data

    def write(self, data: dict) -> None:
        try:
            blob = orjson.dumps(data)
            # The backup is the file as it was before this process's first change: one step
            # back is always there, and later saves stay cheap.
            write_atomic(self.path, blob, backup=not self._backed_up)
            self._backed_up = True
        except (OSError, TypeError) as exc:
            self._data = None  # TinyDB changed our cached dict in place: read the disk again
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StoreError(f"could not save {self.path}: {reason}; the file on disk is unchanged") from exc
        self._data = data
        self._sig = _stat_sig(self.path)

    def close(self) -> None:
        pass

    # Ours -----------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        return self._data is not None and _stat_sig(self.path) != self._sig

    def forget(self) -> None:
        self._data = None

    def _load(self) -> None:
        sig = _stat_sig(self.path)
        if sig is None:
            _check_not_dangling(self.path)
            self._data = {"meta": {"1": {"schema": upgrades.CURRENT[self.kind], "kind": self.kind}}}
            self._sig = None
            return
        self._data = read_store_file(self.path, self.kind)
        self._sig = sig


def read_store_file(path: Path, kind: str) -> dict:
    """A store file's data, checked; a StoreError with a way to recover for anything else."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
    if not stat.S_ISREG(mode):
        raise StoreError(f"{path} is not a regular file (it is {_file_type(mode)}); it was left "
                         f"untouched. Move it aside and put the store file back.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        data = orjson.loads(raw)
        meta = shapes.check_meta(data)
    except (orjson.JSONDecodeError, shapes.Damaged) as exc:
        raise _damaged(path, kind, f"not valid JSON: {exc}" if isinstance(exc, orjson.JSONDecodeError) else str(exc)) from None
    if meta["kind"] != kind:
        raise _damaged(path, kind, f"it is a newsreader {meta['kind']} file, not a {kind} file")
    current = upgrades.CURRENT[kind]
    if meta["schema"] > current:
        raise StoreError(
            f"{path} was written by a newer newsreader (store schema {meta['schema']}; this one "
            f"reads up to {current}); it was left untouched. Upgrade newsreader to open it."
        )
    if meta["schema"] < 1:
        raise _damaged(path, kind, f"store schema {meta['schema']} has never existed")
    try:
        shapes.check_rows(data, kind)
    except shapes.Damaged as exc:
        raise _damaged(path, kind, str(exc)) from None
    return upgrades.upgrade(data, kind)


def _damaged(path: Path, kind: str, what: str) -> StoreError:
    return StoreError(f"{path} is damaged ({what}); it was left untouched. " + recovery_hint(path, kind))


def _check_not_dangling(path: Path) -> None:
    if os.path.islink(path):
        raise StoreError(f"{path} is a symbolic link to {os.readlink(path)}, which does not exist; "
                         f"it was left untouched. Restore its target, or remove the link to start afresh.")


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe"),
                       (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a file"


# What is lost by moving a damaged file aside, by kind: articles come back by ingesting the files
# again; annotations are the user's own work and come back only from a backup.
REBUILD = {
    "library": "ingest your articles again to rebuild it (your annotations are in other files and are kept)",
    "articles": "ingest your articles again to rebuild it (your annotations are in other files and are kept)",
    "annotations": "the annotations it held are then lost unless you have a copy or an export of them",
}


def recovery_hint(path: Path, kind: str = "annotations") -> str:
    bak = path.with_name(path.name + ".bak")
    if bak.exists():
        return f"To recover the previous save: mv '{bak}' '{path}' (keep a copy of both first)."
    return f"To start afresh, move it aside (mv '{path}' '{path}.broken'); {REBUILD.get(kind, REBUILD['annotations'])}."


def write_atomic(path: Path, blob: bytes, backup: bool = False) -> None:
    """Write bytes to `path` so that a crash leaves the old file or the new one, never a mix.
    A symbolic link is written through: its target is replaced and the link stays."""
    if os.path.islink(path):
        path = Path(os.path.realpath(path))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(blob)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        unlink_if_present(tmp)
        raise
    os.close(fd)
    try:
        if backup and path.exists():
            bak_tmp = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
            unlink_if_present(bak_tmp)
            try:
                os.link(path, bak_tmp)
                os.replace(bak_tmp, path.with_name(path.name + ".bak"))
            except OSError:
                unlink_if_present(bak_tmp)  # a backup is a nicety; the save itself must go on
        os.replace(tmp, path)
    except BaseException:
        unlink_if_present(tmp)
        raise
    _fsync_dir(path.parent)


def unlink_if_present(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class StoreLock:
    """An exclusive lock on a store folder, held only while a change is being made.

    Re-entrant within a process (and across its threads, one at a time). Another process
    waits up to `timeout` seconds, then gets a StoreLocked error naming the holder.
    """

    def __init__(self, folder: Path, timeout: float = 10.0) -> None:
        self.path = folder / ".lock"
        self.timeout = timeout
        self._fd: int | None = None
        self._depth = 0
        self._thread_lock = threading.RLock()

    def __enter__(self) -> StoreLock:
        self.acquire(self.timeout)
        return self

    def __exit__(self, *exc) -> None:
        self.release()

    @contextlib.contextmanager
    def held(self, timeout: float | None = None) -> Iterator[StoreLock]:
        """The lock, waiting at most `timeout` seconds for it (default: the lock's own)."""
        self.acquire(self.timeout if timeout is None else timeout)
        try:
            yield self
        finally:
            self.release()

    def acquire(self, timeout: float) -> None:
        self._thread_lock.acquire()
        if self._depth == 0:
            try:
                self._acquire(timeout)
            except BaseException:
                self._thread_lock.release()
                raise
        self._depth += 1

    def release(self) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
        self._thread_lock.release()

    def _acquire(self, timeout: float) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the store lock {self.path}: {exc.strerror}") from exc
        deadline = time.monotonic() + timeout
        while True:
            if try_lock(fd):
                break
            if time.monotonic() >= deadline:
                holder = _read_holder(fd)
                os.close(fd)
                raise StoreLocked(
                    f"the store {self.path.parent} is busy: another newsreader ({holder}) is "
                    f"writing to it; nothing was changed, try again when it has finished"
                )
            time.sleep(0.02)
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"pid {os.getpid()}: {' '.join(os.path.basename(a) for a in sys.argv[:3])}".encode())
        except OSError:
            pass
        self._fd = fd


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "unknown process"


try:
    import fcntl

    def try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                return False
            raise

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)

except ImportError:  # Windows
    import msvcrt

    def try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)


def set_table(data: dict, name: str, table: dict) -> None:
    """Put a table back into a file's data; an empty table is dropped."""
    if table:
        data[name] = table
    else:
        data.pop(name, None)
