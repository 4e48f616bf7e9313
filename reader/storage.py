"""Safe files for the store: a TinyDB storage that never leaves a broken file, and a lock.

Every write goes to a temporary file in the same folder, is fsynced, and replaces the old file
with `os.replace`; the folder is fsynced too. A crash or kill at any moment leaves either the old
or the new file. The file as it was before a session's first change is kept as `NAME.bak`.

The data stays in memory between writes (TinyDB would otherwise re-read the file for every
query) and is reloaded when another process has replaced the file.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import time
from pathlib import Path

import orjson
from tinydb.storages import Storage

SCHEMA = 1


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
            self._data = {"meta": {"1": {"schema": SCHEMA, "kind": self.kind}}}
            self._sig = None
            return
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {exc.strerror}") from exc
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise StoreError(
                f"{self.path} is damaged (not valid JSON: {exc}); it was left untouched. "
                + recovery_hint(self.path)
            ) from None
        meta = (data.get("meta") or {}).get("1") if isinstance(data, dict) else None
        if not isinstance(meta, dict) or meta.get("kind") != self.kind:
            raise StoreError(
                f"{self.path} is not a newsreader {self.kind} file; it was left untouched. "
                + recovery_hint(self.path)
            )
        schema = meta.get("schema")
        if not isinstance(schema, int) or schema > SCHEMA:
            raise StoreError(
                f"{self.path} was written by a newer newsreader (store schema {schema}; this one "
                f"reads up to {SCHEMA}); it was left untouched. Upgrade newsreader to open it."
            )
        self._data = data
        self._sig = sig


def recovery_hint(path: Path) -> str:
    bak = path.with_name(path.name + ".bak")
    if bak.exists():
        return f"To recover the previous save: mv '{bak}' '{path}' (keep a copy of both first)."
    return f"To start afresh, move it aside (mv '{path}' '{path}.broken') and ingest again."


def write_atomic(path: Path, blob: bytes, backup: bool = False) -> None:
    """Write bytes to `path` so that a crash leaves the old file or the new one, never a mix."""
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
        _unlink(tmp)
        raise
    os.close(fd)
    try:
        if backup and path.exists():
            bak_tmp = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
            _unlink(bak_tmp)
            try:
                os.link(path, bak_tmp)
                os.replace(bak_tmp, path.with_name(path.name + ".bak"))
            except OSError:
                _unlink(bak_tmp)  # a backup is a nicety; the save itself must go on
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _unlink(path: Path) -> None:
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
        self._thread_lock.acquire()
        if self._depth == 0:
            try:
                self._acquire()
            except BaseException:
                self._thread_lock.release()
                raise
        self._depth += 1
        return self

    def __exit__(self, *exc) -> None:
        self._depth -= 1
        if self._depth == 0 and self._fd is not None:
            _unlock(self._fd)
            os.close(self._fd)
            self._fd = None
        self._thread_lock.release()

    def _acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot open the store lock {self.path}: {exc.strerror}") from exc
        deadline = time.monotonic() + self.timeout
        while True:
            if _try_lock(fd):
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

    def _try_lock(fd: int) -> bool:
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

    def _try_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
