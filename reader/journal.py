"""Changes the app has shown but the store may not have saved yet.

The app shows a tag the moment its key is pressed and saves it on a background thread, which may
have to wait for the store's lock while another process saves. So that a kill meanwhile loses
nothing, each change is first appended to this process's journal (a small file in the store's
`.pending/` folder) and fsynced, about a millisecond after the key; only then is it applied to
the store. While its process lives, a journal is held with an exclusive `flock`; a journal that
nobody holds belonged to a process that died, and the next newsreader to open the store replays
it. Which entries were applied is recorded in the annotation files themselves, in the same write
as the change (see Store.change), so replaying never applies an entry twice.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import orjson

from .changes import normalised
from .model import Claim
from .shapes import OPTIONAL_TABLE, TABLE, TEXT, WHOLE, check_row
from .storage import StoreError, try_lock, unlink_if_present

CLAIM_REF = (("id", TEXT), ("kind", TEXT), ("text", TEXT), ("start", WHOLE), ("end", WHOLE))
ENTRY = (("article_id", TEXT), ("annotator", TEXT), ("at", TEXT), ("changes", TABLE),
         ("expect", OPTIONAL_TABLE))

PENDING = ".pending"

@dataclass(frozen=True, slots=True)
class Entry:
    """One change of one annotation, as the user made it."""

    article_id: str
    claim: Claim
    changes: dict
    expect: dict | None
    annotator: str
    at: str

    def to_dict(self) -> dict:
        c = self.claim
        return {"article_id": self.article_id, "annotator": self.annotator, "at": self.at,
                "changes": self.changes, "expect": self.expect,
                "claim": {"id": c.id, "kind": c.kind, "text": c.text, "start": c.start, "end": c.end,
                          "within": c.within}}

    @classmethod
    def from_dict(cls, d: dict) -> Entry:
        """Raises ValueError, KeyError or TypeError for a record that is not an entry."""
        c = d["claim"]
        check_row(c, CLAIM_REF, "the claim")
        check_row(d, ENTRY, "the entry")
        for name, value in d["changes"].items():
            normalised(name, value)
        claim = Claim(id=c["id"], kind=c["kind"], text=c["text"], start=c["start"], end=c["end"],
                      within=c.get("within") if isinstance(c.get("within"), str) else None)
        return cls(d["article_id"], claim, dict(d["changes"]), d["expect"], d["annotator"], d["at"])


class Journal:
    """This process's journal: `append` before applying, `cancel` for a change that failed for
    good (the user was told), `close` once everything is applied."""

    def __init__(self, store_folder: Path) -> None:
        self.folder = Path(store_folder) / PENDING
        self.id = f"{os.getpid()}-{secrets.token_hex(4)}"
        self.path = self.folder / f"{self.id}.jsonl"
        self._fd: int | None = None
        self._seq = 0
        self._lock = threading.Lock()

    def append(self, entry: Entry) -> int:
        """Write an entry to disk (fsynced) and return its number. Raises OSError."""
        return self._write({"seq": None, **entry.to_dict()})

    def cancel(self, seq: int) -> None:
        """An entry that could not be applied and was given up (the user was told): never replay it."""
        try:
            self._write({"seq": None, "cancel": seq})
        except OSError:
            pass

    def _write(self, record: dict) -> int:
        with self._lock:
            if self._fd is None:
                self._open()
            self._seq += 1
            record["seq"] = self._seq
            line = orjson.dumps(record) + b"\n"
            view = memoryview(line)
            while view:
                view = view[os.write(self._fd, view):]
            os.fsync(self._fd)
            return self._seq

    def _open(self) -> None:
        self.folder.mkdir(exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        _hold(fd)  # held for as long as this process lives: the sign that it does
        self._fd = fd

    @property
    def written(self) -> int:
        """How many records this process has written."""
        return self._seq

    def close(self, keep: bool) -> None:
        """Release the journal; remove it unless changes are still waiting in it (`keep`), which
        the next newsreader to open the store then applies."""
        with self._lock:
            if self._fd is None:
                return
            if not keep:
                unlink_if_present(self.path)
                _remove_if_empty(self.folder)
            os.close(self._fd)
            self._fd = None


def orphaned(store_folder: Path) -> Iterator[tuple[str, Path, list[tuple[int, Entry]], int]]:
    """The journals of processes that died: (journal id, path, entries not cancelled, the fd that
    holds it now). The caller replays the entries, then calls `finish`."""
    folder = Path(store_folder) / PENDING
    try:
        paths = sorted(folder.glob("*.jsonl"))
    except OSError:
        return
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        if not _hold(fd):
            os.close(fd)  # its process is alive (or this one wrote it)
            continue
        yield path.stem, path, _entries(path), fd


def _entries(path: Path) -> list[tuple[int, Entry]]:
    entries: dict[int, Entry] = {}
    try:
        lines = path.read_bytes().split(b"\n")
    except OSError:
        return []
    for line in lines:
        try:
            record = orjson.loads(line)
            if "cancel" in record:
                entries.pop(record["cancel"], None)
            else:
                entries[record["seq"]] = Entry.from_dict(record)
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
            continue  # a line cut short by the kill (its change never showed as saved), or junk
    return sorted(entries.items())


def finish(path: Path, fd: int) -> None:
    """A replayed journal is removed (before its marks are, so it is never replayed twice)."""
    unlink_if_present(path)
    os.close(fd)
    _remove_if_empty(path.parent)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass  # another process's journal is in it (or it is gone already)


def _hold(fd: int) -> bool:
    """Take the journal's lock without waiting: False while its process lives."""
    try:
        return try_lock(fd)
    except OSError:
        return False


def replay(store) -> int:
    """Apply the changes that newsreader processes showed but died before saving (see
    this module). A busy store is left for the next time; returns how many were applied."""
    applied = 0
    for jid, path, entries, fd in orphaned(store.folder):
        try:
            for seq, e in entries:
                store.change(e.article_id, e.claim, e.changes, e.expect, at=e.at,
                         annotator=e.annotator, journal=(jid, seq))
                applied += 1
        except StoreError:  # busy, or a damaged file: the journal waits for the next time
            os.close(fd)
            break
        finish(path, fd)
        store.forget_journal(jid)
    return applied


def applied(data: dict, mark: tuple[str, int]) -> bool:
    """Whether an annotation file's data records the journal entry `mark` (its journal's id and
    the entry's number) as applied already."""
    return data["meta"]["1"].get("journals", {}).get(mark[0], -1) >= mark[1]
