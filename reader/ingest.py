"""From paths to stored articles: read files, folders and stdin; refuse what is not an article.

Nothing here raises for a bad file: each file either becomes an Article or a refusal with a
one-line reason, and the others still go in.
"""

from __future__ import annotations

import errno
import functools
import gc
import os
import re
import signal
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .identity import same_text
from .ids import article_id, claim_ids, file_digest, fingerprint
from .model import Article
from .store import IngestReport, Store
from .text import DecodeError, decode, safe_line

MAX_FILE_BYTES = 8 * 1024 * 1024
SAVE_EVERY = 5000  # articles between saves during a long ingest
PARALLEL_FROM = 200  # files in a batch before reading on several cores pays off


class Refused(ValueError):
    """A file that is not an article; str() is the reason."""


# Files that come with a collection of articles and are not articles themselves, by their name
# (the name before its first dot, in lower case; what such a file is).
NOT_ARTICLE_NAMES = (
    ("readme", "a README"),
    ("license", "a licence"),
    ("licence", "a licence"),
    ("copying", "a licence"),
    ("changelog", "a change log"),
    ("authors", "a list of authors"),
    ("contributors", "a list of contributors"),
    ("contributing", "a guide for contributors"),
)


def not_an_article_by_name(name: str) -> str | None:
    """The reason a file is not an article, judged by its name alone (NOT_ARTICLE_NAMES); None
    for any other name. `README.TXT` beside a corpus describes it; it is not a story."""
    stem = re.split(r"[\\/]", name)[-1].split(".", 1)[0].lower()
    what = dict(NOT_ARTICLE_NAMES).get(stem)
    return f"not an article ({what}, by its name)" if what else None


@dataclass(slots=True)
class Item:
    """One input: a display name and a way to get its bytes."""

    name: str
    path: Path | None  # None for stdin


def expand(paths: Iterable[str]) -> tuple[list[Item], list[tuple[str, str]]]:
    """Files, folders (recursively, skipping hidden entries) and '-' for stdin. What cannot be
    looked at (a missing path, a folder that cannot be read) is refused with its reason."""
    items: list[Item] = []
    errors: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            items.append(Item("-", None))
            continue
        try:
            mode = os.stat(raw).st_mode
        except OSError as exc:
            errors.append((raw, "no such file or folder" if exc.errno == errno.ENOENT else f"cannot read: {exc.strerror}"))
            continue
        if stat.S_ISDIR(mode):
            found = _walk(Path(raw), errors)
            if not found and not any(name.startswith(raw) for name, _ in errors):
                errors.append((raw, "folder has no files"))
            items.extend(Item(str(f), f) for f in found)
        elif stat.S_ISREG(mode):
            items.append(Item(raw, Path(raw)))
        else:
            errors.append((raw, "not a regular file"))
    return items, errors


def _walk(folder: Path, errors: list[tuple[str, str]]) -> list[Path]:
    def unreadable(exc: OSError) -> None:
        errors.append((str(exc.filename), f"cannot read the folder: {exc.strerror}"))

    found = []
    for parent, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(parent)
        found.extend(base.joinpath(f) for f in files if not f.startswith("."))
    return sorted(found, key=_parts)


def _parts(path: Path) -> tuple[str, ...]:
    return path.parts  # (the order of Path's own comparison, asked in C)


def read_bytes(item: Item) -> bytes:
    """An input's bytes, at most MAX_FILE_BYTES; Refused with the reason otherwise."""
    if item.path is None:
        if sys.stdin is None:
            raise Refused("standard input is closed")
        try:
            data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            raise Refused(f"cannot read standard input: {exc.strerror or exc}") from None
    else:
        data = _read_file(item.path)
    if len(data) > MAX_FILE_BYTES:
        raise Refused(f"too large for an article (over {MAX_FILE_BYTES / 1e6:.0f} MB)")
    return data


def _read_file(path: Path) -> bytes:
    try:
        # Opened without blocking, so that a named pipe or a device found in a folder is
        # refused instead of waiting for ever.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise Refused(f"cannot read: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused("not a regular file")
        if st.st_size > MAX_FILE_BYTES:
            raise Refused(f"too large for an article ({st.st_size / 1e6:.1f} MB; the limit is {MAX_FILE_BYTES / 1e6:.0f} MB)")
        return _read_to_end(fd, st.st_size)
    except OSError as exc:
        raise Refused(f"cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _read_to_end(fd: int, size: int) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes (a file may grow while it is read): in one read where
    the file is as large as it said."""
    parts, total = [], 0
    while total <= MAX_FILE_BYTES:
        part = os.read(fd, max(size + 1 - total, 65536) if not parts else MAX_FILE_BYTES + 1 - total)
        if not part:
            break
        parts.append(part)
        total += len(part)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def read_article(name: str, data: bytes) -> Article:
    """Bytes to an Article with its claims. Raises Refused with the reason."""
    from .extract import editorial_spans, find_claims  # (see _load_readers)
    from .layouts import NotAnArticle, parse

    by_name = not_an_article_by_name(name)
    if by_name:
        raise Refused(by_name)
    try:
        decoded = decode(data)
        doc = parse(decoded.text)
    except (DecodeError, NotAnArticle) as exc:
        raise Refused(str(exc)) from None
    except Exception as exc:  # a bug must not stop a batch: report it on one line
        raise Refused(f"could not be read ({type(exc).__name__}: {safe_line(str(exc), 80)})") from None
    if decoded.warning:
        doc.warnings.insert(0, decoded.warning)
    aid = article_id(doc)
    try:
        claims = claim_ids(aid, find_claims(doc.body, doc.title))
    except Exception as exc:
        claims = []
        doc.warnings.append(f"claims could not be found ({type(exc).__name__}: {safe_line(str(exc), 80)})")
    return Article(
        id=aid,
        doc=doc,
        claims=claims,
        path=name,
        fingerprint=fingerprint(decoded.text),
        editorial=editorial_spans(doc.body),
        size=len(data),
        digest=file_digest(data),
    )


def stored_path(item: Item) -> str:
    """The path an item is stored under: the real path of its file (its folder looked up once)."""
    if item.path is None:
        return "-"
    if item.path.is_symlink():
        return str(item.path.resolve())
    return os.path.join(_real_folder(os.path.dirname(os.path.abspath(item.path))), item.path.name)


@functools.lru_cache(maxsize=4096)
def _real_folder(folder: str) -> str:
    return os.path.realpath(folder)


def _load_readers() -> None:
    """The extractor and the layouts, imported when there is something to read (and before
    the workers start, so that they share them): a re-ingest of unchanged files, `tag`
    and the app never wait for them."""
    from . import layouts  # noqa: F401
    from .extract import claims  # noqa: F401


def _read_one(item: Item) -> Article | tuple[str, str]:
    """Worker: one item to an Article, or (name, reason) when refused."""
    try:
        article = read_article(item.name, read_bytes(item))
    except Refused as exc:
        return item.name, str(exc)
    article.path = stored_path(item)
    return article


def _read_all(items: list[Item], parallel: bool = True) -> Iterator[Article | tuple[str, str]]:
    """Read items in order; large batches on every core (reading is CPU-bound)."""
    if items:
        _load_readers()
    workers = min(os.cpu_count() or 1, 8)
    if not parallel or workers < 2 or len(items) < PARALLEL_FROM or any(i.path is None for i in items):
        yield from map(_read_one, items)
        return
    import multiprocessing  # (here: a re-ingest of unchanged files never needs them)
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # fork is fastest, but only safe while this process has a single thread (the CLI);
    # the app ingests from a thread and uses forkserver.
    methods = multiprocessing.get_all_start_methods()
    method = "fork" if threading.active_count() == 1 and "fork" in methods else (
        "forkserver" if "forkserver" in methods else "spawn")
    done = 0
    try:
        parent = os.getpid() if method == "fork" else None  # under forkserver, that server is the parent
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context(method),
                                 initializer=worker_setup, initargs=(parent,)) as pool:
            for result in pool.map(_read_one, items, chunksize=32):
                done += 1
                yield result
    except (BrokenProcessPool, OSError, ValueError):
        # Workers could not start (or died): read the rest here.
        yield from map(_read_one, items[done:])


def worker_setup(parent: int | None = None) -> None:
    """In a process that only reads articles: end with the process that started it (a killed
    ingest leaves no workers behind), and collect garbage less often (extraction makes many
    short-lived tuples and no cycles worth chasing; the default threshold spends about 2% of the
    time on collections)."""
    die_with_parent(parent)
    gc.freeze()
    gc.set_threshold(20_000, 50, 50)


def die_with_parent(parent: int | None) -> None:
    """Make this process end when its parent does: the kernel's parent-death signal on Linux,
    and elsewhere a thread that watches the parent's id."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    first = os.getppid()
    if parent is not None and first != parent:
        os._exit(1)  # the parent died before this process got here

    def watch() -> None:
        while os.getppid() == first:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="newsreader-parent-watch").start()


def _not_known(items: list[Item], store: Store, report: IngestReport) -> list[Item]:
    """The items to read: a file the store has read before, byte for byte the same (its size,
    then its digest), is unchanged and not extracted again."""
    inside = _store_files(store)
    items = [item for item in items if item.path is None or not inside(item.path)]  # (the store's own files)
    paths = [stored_path(item) for item in items]
    known = store.articles.known_files([p for p, item in zip(paths, items, strict=True) if item.path is not None])
    todo = []
    for item, path in zip(items, paths, strict=True):
        size, digest, stored = known.get(path, (None, None, None)) if item.path is not None else (None, None, None)
        if stored is not None and _same_bytes(item.path, size, digest):
            same_text(report, stored, path)
        else:
            todo.append(item)
    return todo


def _store_files(store: Store) -> Callable[[Path], bool]:
    """Whether a path lies inside the store's folder (judged by its folder, one look a folder)."""
    root = os.path.realpath(store.folder)
    seen: dict[str, bool] = {}

    def inside(path: Path) -> bool:
        parent = os.path.dirname(os.path.abspath(path))
        if parent not in seen:
            real = os.path.realpath(parent)
            seen[parent] = real == root or real.startswith(root + os.sep)
        return seen[parent]

    return inside


def _same_bytes(path: Path, size: int, digest: str) -> bool:
    try:
        data = _read_file(path)
    except Refused:
        return False
    return len(data) == size and file_digest(data) == digest


def ingest(
    paths: Iterable[str],
    store: Store,
    progress: Callable[[int, int], None] | None = None,
    parallel: bool = True,
) -> IngestReport:
    """Ingest files and folders into the store, saving every SAVE_EVERY articles.
    `parallel=False` reads in this process only (the app: its stdio cannot be handed to
    worker processes)."""
    _real_folder.cache_clear()  # (a link may point elsewhere since this process last ingested)
    items, errors = expand(paths)
    report = IngestReport(refused=list(errors))
    items = _not_known(items, store, report)
    batch: list[Article] = []
    total = len(items)
    for done, result in enumerate(_read_all(items, parallel), start=1):
        if isinstance(result, tuple):
            report.refused.append(result)
        else:
            report.warnings.extend((result.path if result.path == "-" else items[done - 1].name, w) for w in result.doc.warnings)
            batch.append(result)
        if len(batch) >= SAVE_EVERY:
            report.merge(store.save_articles(batch))
            batch = []
        if progress:
            progress(done, total)
    if batch:
        report.merge(store.save_articles(batch))
    return report


def reindex(store: Store, paths: Iterable[str] = (), progress: Callable[[int, int], None] | None = None,
            parallel: bool = True) -> IngestReport:
    """Read article files again whatever the store knows of them: the given ones, else every
    file the store's articles came from (an article whose file is gone is kept as it is). With a
    damaged or lost article database moved aside, this rebuilds it; annotations are untouched
    and follow their claims as on any ingest."""
    paths = list(paths)
    gone: list[str] = []
    if not paths:
        known = sorted({s.path for s in store.summaries() if s.path not in ("", "-")})
        paths = [p for p in known if os.path.exists(p)]
        gone = [p for p in known if not os.path.exists(p)]
    store.forget_files()
    report = ingest(paths, store, progress, parallel) if paths else IngestReport()
    report.warnings.extend((p, "the file is gone: its article is kept as it was stored") for p in gone)
    return report
