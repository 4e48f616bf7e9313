"""Export: every article with its claims and the user's annotations, as one JSON document.

The layout is a contract documented in the README; `schema` changes when it does. `FORMATS` is
the table of the forms an export can be written in (the CLI's --format and the app offer what
it holds): a new format is a new row, not a new branch.
"""

from __future__ import annotations

import io
import os
import shutil
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from .corrections import added_claim
from .model import Annotation, Article, speaker_of, statements
from .roster import People
from .rows import outlet_of
from .storage import StoreError, write_atomic
from .store import Store, utc_now
from .text import terminal_safe_json

SCHEMA = "newsreader-export/1"
BRAT_CONF = "annotation.conf"  # what tells an earlier brat export's folder (formats.brat writes it)


def _annotation(a: Annotation, people: People | None = None) -> dict:
    return {
        "tag": a.tag,
        "note": a.note,
        "speaker": a.speaker,
        **({"person": people.person(a.speaker, a.annotator)} if people is not None and a.speaker else {}),
        "not_a_claim": a.not_a_claim,
        "annotator": a.annotator,
        "at": a.at,
        "span": a.span,
        **({"settled_by": a.settled_by} if a.settled_by else {}),
    }


def build(store: Store, *, bodies: bool = False, tagged_only: bool = False,
          clock: Callable[[], datetime] = utc_now, progress: Callable[[int, int], None] | None = None) -> dict:
    """Every article with its claims and every annotator's annotations of them. A claim's
    `annotation` is the exporting annotator's own; `annotations` holds everyone's."""
    summaries = store.summaries()
    people = People(store)
    out = []
    counts = {"articles": 0, "claims": 0, "statements": 0, "annotations": 0, "orphaned": 0, "added": 0}
    annotators: set[str] = set()
    for done, summary in enumerate(summaries, start=1):
        if progress:
            progress(done, len(summaries))
        notes = store.everyone(summary.id)
        if tagged_only and not notes:
            continue
        article = store.article(summary.id)
        by_claim: dict[str, list[Annotation]] = {}
        for a in notes:
            by_claim.setdefault(a.claim_id, []).append(a)
            annotators.add(a.annotator)
        added = [added_claim(a) for a in notes if a.added and not a.orphaned]
        claims = [_claim(c, by_claim.pop(c.id, []), store.annotator, people) for c in article.claims + added]
        counts["annotations"] += sum(len(c["annotations"]) for c in claims)
        orphaned = [
            {"claim_id": a.claim_id, "text": a.text, "start": a.start, "end": a.end, **_annotation(a)}
            for rest in by_claim.values() for a in rest
        ]
        out.append(_entry(article, claims, orphaned, bodies))
        counts["articles"] += 1
        counts["claims"] += len(claims)
        counts["statements"] += len(statements(article.claims)) + len(added)
        counts["added"] += len(added)
        counts["orphaned"] += len(orphaned)
    return {
        "schema": SCHEMA,
        "exported_at": clock().isoformat(timespec="seconds"),
        "store": str(store.folder),
        "annotator": store.annotator,
        "annotators": sorted(annotators),
        "speaker_merges": store.every_speaker_name(),
        "counts": counts,
        "articles": out,
    }


def _claim(c, theirs: list[Annotation], annotator: str, people: People) -> dict:
    """A claim with everyone's annotations of it, the exporting annotator's first; `person`: whom
    its speaker's name stands for, as the exporting annotator merged the names (roster.People)."""
    own = next((a for a in theirs if a.annotator == annotator), None)
    return {**c.to_dict(), "person": people.person(speaker_of(c, own)), "added_by": theirs[0].annotator if c.rule == "added" else None,
            "annotation": _annotation(own, people) if own else None,
            "annotations": [_annotation(a, people) for a in theirs]}


def _entry(article: Article, claims: list[dict], orphaned: list[dict], bodies: bool) -> dict:
    d = article.doc
    entry = {
        "id": article.id,
        "path": article.path,
        "title": d.title,
        "author": d.author,
        "published": d.published.isoformat() if d.published else None,
        "outlet": outlet_of(d),
        "section": d.section,
        "sources": article.sources,
        "claims": claims,
        "orphaned_annotations": orphaned,
    }
    if bodies:
        entry["body"] = d.body
    return entry


def to_bytes(data: dict) -> bytes:
    return terminal_safe_json(orjson.dumps(data, option=orjson.OPT_INDENT_2)) + b"\n"


@dataclass(frozen=True, slots=True)
class Options:
    """What an export holds: article bodies (json only: the other formats carry the text they
    point into), only the articles someone annotated, the clock, and progress(done, total)."""

    bodies: bool = False
    tagged_only: bool = False
    clock: Callable[[], datetime] = utc_now
    progress: Callable[[int, int], None] | None = None


@dataclass(slots=True)
class Exported:
    """An export made: the bytes of its file, or (a format of several files) each file's bytes
    by its path in the export folder; and what it holds (counts)."""

    payload: bytes | dict[str, bytes]
    counts: dict[str, int]


@dataclass(frozen=True, slots=True)
class Format:
    """A form of export: its name (for --format), the usual file suffix ('' for a folder), a line
    about it, and how a store becomes it."""

    name: str
    suffix: str
    about: str
    make: Callable[[Store, Options], Exported]

    @property
    def folder(self) -> bool:
        return not self.suffix


def _json(store: Store, o: Options) -> Exported:
    data = build(store, bodies=o.bodies, tagged_only=o.tagged_only, clock=o.clock, progress=o.progress)
    return Exported(to_bytes(data), data["counts"])


def _from_items(encode: Callable) -> Callable[[Store, Options], Exported]:
    """A format written from formats.items: `encode(articles, store, options)` to its payload.
    (The formats' modules are imported when one is used: start-up never waits for them.)"""
    def make(store: Store, o: Options) -> Exported:
        from .formats.items import exported

        counts = {"articles": 0, "claims": 0, "annotations": 0, "orphaned": 0}
        return Exported(encode(counting(exported(store, tagged_only=o.tagged_only, progress=o.progress), counts),
                               store, o), counts)
    return make


def counting(articles: Iterable, counts: dict[str, int]) -> Iterator:
    for article, items in articles:
        counts["articles"] += 1
        counts["claims"] += len({i.claim_id for i in items if i.claim is not None})
        counts["annotations"] += sum(1 for i in items if i.annotation is not None)
        counts["orphaned"] += sum(1 for i in items if i.orphaned)
        yield article, items


def _w3c(articles, store: Store, o: Options) -> bytes:
    from .formats import w3c

    return to_bytes(w3c.collection(articles, o.clock().isoformat(timespec="seconds")))


def _jsonl(articles, store: Store, o: Options) -> bytes:
    from .formats import prodigy

    return terminal_safe_json(prodigy.lines(articles))


def _csv(articles, store: Store, o: Options) -> bytes:
    from .formats import table

    return table.table(articles)


def _brat(articles, store: Store, o: Options) -> dict[str, bytes]:
    from .formats import brat

    return brat.files(articles, store.annotator)


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("json", ".json", f"newsreader's own JSON ({SCHEMA}), every claim and annotation", _json),
        Format("w3c", ".jsonld", "W3C Web Annotation (JSON-LD): an AnnotationCollection, an Annotation a claim",
               _from_items(_w3c)),
        Format("jsonl", ".jsonl", "JSON Lines in Prodigy's shape (text, spans, answer, meta), a line a claim",
               _from_items(_jsonl)),
        Format("csv", ".csv", "CSV for a spreadsheet, a row a claim (formulas defused)",
               _from_items(_csv)),
        Format("brat", "", "brat standoff: a folder per annotator, a .txt and an .ann per article",
               _from_items(_brat)),
    )
}


def export(store: Store, form: str = "json", options: Options | None = None) -> Exported:
    return FORMATS[form].make(store, options or Options())


def as_stream(made: Exported) -> bytes:
    """What goes to standard output: the file, or a folder's files as a tar archive."""
    if isinstance(made.payload, bytes):
        return made.payload
    import tarfile

    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w") as tar:
        for name, data in sorted(made.payload.items()):
            info = tarfile.TarInfo(name)
            info.size, info.mtime, info.mode = len(data), 0, 0o644
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


def check_target(path: Path, store: Store, folder: bool = False) -> None:
    """An export goes to a new path or over a regular file (a folder format: over the folder of an
    earlier export), never over a device, a pipe, a link, another folder, or one of the store's
    own files. Raises StoreError saying why."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise StoreError(f"cannot export to {path}: {exc.strerror}") from exc
    what = _refusal(path, store, mode, folder)
    if what:
        raise StoreError(f"will not export to {path}: it is {what}; give a new "
                         f"{'folder' if folder else 'file'} name (or - for standard output)")


def _refusal(path: Path, store: Store, mode: int | None, folder: bool) -> str | None:
    if mode is not None and stat.S_ISLNK(mode):
        return "a symbolic link"
    if mode is not None and stat.S_ISDIR(mode):
        if folder:
            return None if (path / BRAT_CONF).is_file() else "a folder that is not an earlier export"
        return "a folder"
    if mode is not None and not stat.S_ISREG(mode):
        return "not a regular file (a device, a pipe or a socket)"
    if mode is not None and folder:
        return "a file (this format is written as a folder)"
    return "one of the store's own files" if store.owns(path) else None


def write_folder(path: Path, files: dict[str, bytes]) -> None:
    """The files written into a new folder beside `path`, which then takes its place: a reader
    of `path` sees the old export or the new one, never half of one."""
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    old = path.with_name(f".{path.name}.old-{os.getpid()}")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        for name, data in files.items():
            target = partial / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if path.exists():
            os.replace(path, old)
        os.replace(partial, path)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)


def write(made: Exported, path: Path, store: Store) -> None:
    """Write an export atomically (an interrupted export never leaves half a file, nor half a
    folder), to a target check_target allows."""
    check_target(path, store, folder=not isinstance(made.payload, bytes))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(made.payload, bytes):
            write_atomic(path, made.payload)
        else:
            write_folder(path, made.payload)
    except OSError as exc:
        raise StoreError(f"cannot write the export to {path}: {exc.strerror or exc}") from exc
