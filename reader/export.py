"""Export: every article with its claims and the user's annotations, as one JSON document.

The layout is a contract documented in the README; `schema` changes when it does.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import orjson

from .model import Annotation
from .storage import StoreError, write_atomic
from .store import Store, utc_now

SCHEMA = "newsreader-export/1"


def _annotation(a: Annotation) -> dict:
    return {
        "tag": a.tag,
        "note": a.note,
        "speaker": a.speaker,
        "not_a_claim": a.not_a_claim,
        "annotator": a.annotator,
        "at": a.at,
    }


def build(store: Store, *, bodies: bool = False, tagged_only: bool = False,
          clock: Callable[[], datetime] = utc_now) -> dict:
    annotations = store.all_annotations()
    summaries = sorted(store.summaries(), key=lambda s: (s.published or "", s.title), reverse=True)
    out = []
    counts = {"articles": 0, "claims": 0, "annotations": 0, "orphaned": 0}
    for summary in summaries:
        notes = dict(annotations.get(summary.id, {}))
        if tagged_only and not notes:
            continue
        article = store.article(summary.id)
        claims = []
        for c in article.claims:
            a = notes.pop(c.id, None)
            claims.append({**c.to_dict(), "annotation": _annotation(a) if a else None})
            counts["annotations"] += a is not None
        orphaned = [
            {"claim_id": a.claim_id, "text": a.text, "start": a.start, "end": a.end, **_annotation(a)}
            for a in notes.values()
        ]
        d = article.doc
        entry = {
            "id": article.id,
            "path": article.path,
            "title": d.title,
            "author": d.author,
            "published": d.published.isoformat() if d.published else None,
            "outlet": d.outlet,
            "section": d.section,
            "sources": article.sources,
            "claims": claims,
            "orphaned_annotations": orphaned,
        }
        if bodies:
            entry["body"] = d.body
        out.append(entry)
        counts["articles"] += 1
        counts["claims"] += len(claims)
        counts["orphaned"] += len(orphaned)
    return {
        "schema": SCHEMA,
        "exported_at": clock().isoformat(timespec="seconds"),
        "store": str(store.folder),
        "counts": counts,
        "articles": out,
    }


def to_bytes(data: dict) -> bytes:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


def write(data: dict, path: Path) -> None:
    """Write an export file atomically (an interrupted export never leaves half a file)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, to_bytes(data))
    except OSError as exc:
        raise StoreError(f"cannot write the export to {path}: {exc.strerror or exc}") from exc
