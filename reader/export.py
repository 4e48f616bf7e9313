"""Export: every article with its claims and the user's annotations, as one JSON document.

The layout is a contract documented in the README; `schema` changes when it does. `FORMATS` is
the table of the forms an export can be written in (the CLI's --format and the app offer what
it holds): a new format is a new row, not a new branch.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import orjson

from .corrections import added_claim
from .model import Annotation, Article, statements
from .rows import outlet_of
from .storage import StoreError, write_atomic
from .store import Store, utc_now
from .text import terminal_safe_json

SCHEMA = "newsreader-export/1"


def _annotation(a: Annotation) -> dict:
    return {
        "tag": a.tag,
        "note": a.note,
        "speaker": a.speaker,
        "not_a_claim": a.not_a_claim,
        "annotator": a.annotator,
        "at": a.at,
        "span": a.span,
    }


def build(store: Store, *, bodies: bool = False, tagged_only: bool = False,
          clock: Callable[[], datetime] = utc_now) -> dict:
    """Every article with its claims and every annotator's annotations of them. A claim's
    `annotation` is the exporting annotator's own; `annotations` holds everyone's."""
    summaries = store.summaries()
    out = []
    counts = {"articles": 0, "claims": 0, "statements": 0, "annotations": 0, "orphaned": 0, "added": 0}
    annotators: set[str] = set()
    for summary in summaries:
        notes = store.everyone(summary.id)
        if tagged_only and not notes:
            continue
        article = store.article(summary.id)
        by_claim: dict[str, list[Annotation]] = {}
        for a in notes:
            by_claim.setdefault(a.claim_id, []).append(a)
            annotators.add(a.annotator)
        added = [added_claim(a) for a in notes if a.added and not a.orphaned]
        claims = [_claim(c, by_claim.pop(c.id, []), store.annotator) for c in article.claims + added]
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
        "counts": counts,
        "articles": out,
    }


def _claim(c, theirs: list[Annotation], annotator: str) -> dict:
    """A claim with everyone's annotations of it, the exporting annotator's first."""
    own = next((a for a in theirs if a.annotator == annotator), None)
    return {**c.to_dict(), "added_by": theirs[0].annotator if c.rule == "added" else None,
            "annotation": _annotation(own) if own else None, "annotations": [_annotation(a) for a in theirs]}


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
class Format:
    """A form of export: its name (for --format), the usual file suffix, a line about it, and
    how the built export (see build) becomes the bytes written."""

    name: str
    suffix: str
    about: str
    encode: Callable[[dict], bytes]


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("json", ".json", f"newsreader's own JSON ({SCHEMA}), every claim and annotation", to_bytes),
    )
}


def check_target(path: Path, store: Store) -> None:
    """An export goes to a new path or over a regular file, never over a device, a pipe, a link,
    a folder, or one of the store's own files. Raises StoreError saying why."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise StoreError(f"cannot export to {path}: {exc.strerror}") from exc
    what = None
    if mode is not None and stat.S_ISLNK(mode):
        what = "a symbolic link"
    elif mode is not None and not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file (a device, a pipe or a socket)"
    elif store.owns(path):
        what = "one of the store's own files"
    if what:
        raise StoreError(f"will not export to {path}: it is {what}; give a new file name (or - for standard output)")


def write(data: dict, path: Path, store: Store, form: str = "json") -> None:
    """Write an export file atomically (an interrupted export never leaves half a file), to a
    target check_target allows, in one of FORMATS."""
    check_target(path, store)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, FORMATS[form].encode(data))
    except OSError as exc:
        raise StoreError(f"cannot write the export to {path}: {exc.strerror or exc}") from exc
