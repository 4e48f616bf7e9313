"""Annotation files to Incoming records: newsreader's own JSON, W3C Web Annotation (JSON-LD) and
JSON Lines in Prodigy's shape, from newsreader or from another tool. Which one a file is, is
told by its content. A record that cannot be read is refused with its place and reason; the rest
of the file still goes in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote

import orjson

from ..formats.items import URN
from ..formats.table import COLUMNS, DEFUSED
from ..formats.w3c import NOT_A_CLAIM
from ..model import ADJUDICATED, TAGS
from ..quote_anchor import Quote, quote_at
from ..text import safe_line

MAX_BYTES = 512 * 1024 * 1024


class Unreadable(ValueError):
    """A whole file that cannot be read; str() is the reason."""


@dataclass(slots=True)
class Incoming:
    """One annotation from a file: which article (its id, or None), the quote that finds it again
    (its `start` a position in `part`: "title", "body", or "document" for items.document_text),
    and what the annotator said."""

    where: str
    article: str | None
    quote: Quote
    part: str
    annotator: str | None
    at: str = ""
    tag: str | None = None
    note: str = ""
    speaker: str | None = None
    not_a_claim: bool = False
    kind: str | None = None
    added: bool = False
    claim_id: str | None = None
    settled_by: str | None = None  # a final judgement settled in review (annotator model.ADJUDICATED)


Refusal = tuple[str, str]  # (where, why)


def read(name: str, data: bytes) -> Iterator[Incoming | Refusal]:
    """The records of a file, and a refusal for each one that cannot be read."""
    if len(data) > MAX_BYTES:
        raise Unreadable(f"too large for an annotation file (over {MAX_BYTES // 2**20} MB)")
    if data.startswith(",".join(COLUMNS[:4]).encode()):
        yield from _csv(name, data)
        return
    try:
        doc = orjson.loads(data)
    except orjson.JSONDecodeError:
        yield from _jsonl(name, data)
        return
    if isinstance(doc, dict) and str(doc.get("schema", "")).startswith("newsreader-export/"):
        yield from _newsreader(name, doc)
    elif _w3c_like(doc):
        yield from _w3c(name, doc)
    elif isinstance(doc, dict) and "spans" in doc and "text" in doc:
        yield from _jsonl(name, data)
    else:
        raise Unreadable("not newsreader JSON, W3C Web Annotation or JSONL in Prodigy's shape")


# -- newsreader's own JSON -------------------------------------------------------------------------

def _newsreader(name: str, doc: dict) -> Iterator[Incoming | Refusal]:
    for n, entry in enumerate(doc.get("articles") or [], start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            yield f"{name}: article {n}", "no article id"
            continue
        for claim in entry.get("claims") or []:
            for a in claim.get("annotations") or []:
                yield _guarded(f"{name}: claim {claim.get('id')}", _from_claim, entry["id"], claim, a)
        for a in entry.get("orphaned_annotations") or []:
            yield _guarded(f"{name}: orphan {a.get('claim_id')}", _from_orphan, entry["id"], a)


def _from_claim(where: str, article: str, claim: dict, a: dict) -> Incoming:
    span = a.get("span") if isinstance(a.get("span"), dict) else None
    text, start = (span["text"], span["start"]) if span else (claim["text"], claim["start"])
    return _judged(Incoming(where, article, Quote(text, start=start), claim.get("part") or "body", a.get("annotator"),
                            kind=claim.get("kind"), added=claim.get("rule") == "added", claim_id=claim.get("id")), a)


def _from_orphan(where: str, article: str, a: dict) -> Incoming:
    return _judged(Incoming(where, article, Quote(a["text"], start=a.get("start")), "body", a.get("annotator"),
                            claim_id=a.get("claim_id")), a)


def _judged(rec: Incoming, a: dict) -> Incoming:
    rec.at, rec.tag, rec.note = a.get("at") or "", a.get("tag"), a.get("note") or ""
    rec.speaker, rec.not_a_claim = a.get("speaker"), bool(a.get("not_a_claim"))
    rec.settled_by = a.get("settled_by")
    return checked(rec)


# -- W3C Web Annotation ----------------------------------------------------------------------------

def _types(d: dict) -> set[str]:
    t = d.get("type", d.get("@type"))
    return set(t) if isinstance(t, list) else {t}


def _w3c_like(doc: object) -> bool:
    if isinstance(doc, list):
        return any(isinstance(d, dict) and _w3c_like(d) for d in doc[:10])
    return isinstance(doc, dict) and ("@context" in doc or bool(
        _types(doc) & {"Annotation", "AnnotationPage", "AnnotationCollection"}))


def annotations_in(doc: object) -> Iterator[dict]:
    """Every Annotation in a document: alone, in a list, in pages, in a collection, in @graph."""
    if isinstance(doc, list):
        for d in doc:
            yield from annotations_in(d)
    elif isinstance(doc, dict):
        if "Annotation" in _types(doc):
            yield doc
            return
        for key in ("@graph", "items", "first"):
            if isinstance(doc.get(key), (list, dict)):
                yield from annotations_in(doc[key])


def _w3c(name: str, doc: object) -> Iterator[Incoming | Refusal]:
    for n, a in enumerate(annotations_in(doc), start=1):
        yield _guarded(f"{name}: annotation {n}", _from_w3c, a)


def _from_w3c(where: str, a: dict) -> Incoming:
    source, quote = _target(a.get("target"))
    rec = Incoming(where, _article_of(source), quote, "document", _creator(a.get("creator")),
                   at=str(a.get("created") or ""))
    motivations = a.get("motivation") or []
    motivations = motivations if isinstance(motivations, list) else [motivations]
    rec.added = "highlighting" in motivations
    if "moderating" in motivations:  # a final judgement: its creator is who settled it
        rec.annotator, rec.settled_by = ADJUDICATED, rec.annotator
    ours = f"{URN}annotation:"
    if isinstance(a.get("id"), str) and a["id"].startswith(ours) and a["id"].count(":") >= 5:
        rec.claim_id = a["id"].split(":")[-2]  # (formats.w3c.annotation_id: the claim it was made on)
    for body in _bodies(a):
        _read_body(rec, body)
    return checked(rec)


def _target(target: object) -> tuple[object, Quote]:
    """The source a target names and the quote its selectors give (ValueError without one)."""
    target = target[0] if isinstance(target, list) and target else target
    selectors = target.get("selector") or [] if isinstance(target, dict) else []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    by_type = {s.get("type"): s for s in selectors if isinstance(s, dict)}
    quote, position = by_type.get("TextQuoteSelector"), by_type.get("TextPositionSelector") or {}
    if not quote or not isinstance(quote.get("exact"), str):
        raise ValueError("its target names no words (no TextQuoteSelector)")
    start = position.get("start")
    return target.get("source"), Quote(quote["exact"], str(quote.get("prefix") or ""), str(quote.get("suffix") or ""),
                                       start if isinstance(start, int) else None)


def _article_of(source: object) -> str | None:
    prefix = f"{URN}article:"
    return source[len(prefix):] if isinstance(source, str) and source.startswith(prefix) else None


def _creator(creator: object) -> str | None:
    if isinstance(creator, list) and creator:
        creator = creator[0]
    if isinstance(creator, dict):
        named = creator.get("name") or creator.get("nickname")
        creator = named if named else creator.get("id")
    if isinstance(creator, str) and creator.startswith(f"{URN}annotator:"):
        return unquote(creator[len(URN) + len("annotator:"):])
    return creator if isinstance(creator, str) and creator else None


def _bodies(a: dict) -> list[dict]:
    body = a.get("body", [])
    bodies = [b for b in (body if isinstance(body, list) else [body]) if isinstance(b, dict)]
    if isinstance(a.get("bodyValue"), str):
        bodies.append({"purpose": "commenting", "value": a["bodyValue"]})
    return bodies


def _read_body(rec: Incoming, body: dict) -> None:
    value, purpose = body.get("value"), body.get("purpose")
    if not isinstance(value, str):
        return
    if purpose in ("assessing", "tagging") and value == NOT_A_CLAIM:
        rec.not_a_claim = True
    elif purpose in ("assessing", "tagging") and value in TAGS:
        rec.tag = value
    elif purpose == "identifying":
        rec.speaker = value
    elif purpose == "classifying":
        rec.kind = value
    elif purpose in ("commenting", "describing", None):
        rec.note = f"{rec.note}\n{value}".strip()


# -- JSON Lines, Prodigy's shape -------------------------------------------------------------------

def _jsonl(name: str, data: bytes) -> Iterator[Incoming | Refusal]:
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}: line {n}"
        try:
            d = orjson.loads(line)
        except orjson.JSONDecodeError:
            if n == 1:
                raise Unreadable("not newsreader JSON, W3C Web Annotation or JSONL in Prodigy's shape") from None
            yield where, "not JSON"
            continue
        record = _guarded(where, _from_line, d)
        if record is not None:
            yield record


def _from_line(where: str, d: dict) -> Incoming | None:
    meta = d.get("meta") or {}
    text, spans = d["text"], d["spans"]
    claim = next(s for s in spans if s.get("label") != "SPEAKER")
    label = str(claim.get("label", "")).lower()
    rec = Incoming(where, meta.get("article"),
                   quote_at(text, claim["start"], claim["end"], int(meta.get("offset") or 0) + claim["start"]),
                   "document", meta.get("annotator"), at=str(meta.get("at") or ""),
                   tag=meta.get("tag") or (label if label in TAGS else None), note=meta.get("note") or "",
                   speaker=meta.get("speaker"), not_a_claim=d.get("answer") == "reject",
                   kind=meta.get("kind"), added=bool(meta.get("added")), claim_id=meta.get("claim"),
                   settled_by=meta.get("settled_by"))
    if d.get("answer") == "ignore" and not (rec.tag or rec.note):
        return None  # nobody judged it: nothing to bring in
    return checked(rec)


# -- CSV (formats.table) --------------------------------------------------------------------------

def _csv(name: str, data: bytes) -> Iterator[Incoming | Refusal]:
    try:
        rows = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
        for n, row in enumerate(rows, start=2):
            if row.get("annotator"):  # (a claim nobody annotated has nothing to bring in)
                yield _guarded(f"{name}: row {n}", _from_row, row)
    except (UnicodeDecodeError, csv.Error) as exc:
        yield f"{name}", f"not a CSV newsreader can read ({exc})"


def _from_row(where: str, row: dict) -> Incoming:
    cell = {k: _undefused(v or "") for k, v in row.items() if isinstance(k, str)}
    return checked(Incoming(
        where, cell["article"] or None, Quote(cell["claim"], start=int(cell["start"])), cell["part"] or "body",
        cell["annotator"], at=cell["at"], tag=cell["tag"] or None, note=cell["note"], speaker=cell["speaker"] or None,
        not_a_claim=cell["not_a_claim"] == "yes", kind=cell["kind"] or None, added=cell["added"] == "yes",
        claim_id=cell["claim_id"] or None, settled_by=cell.get("settled_by") or None))


def _undefused(cell: str) -> str:
    """A cell as it was before the export defused it (formats.table.safe_cell)."""
    return cell[1:] if cell.startswith(DEFUSED) else cell


# -- checks ----------------------------------------------------------------------------------------

def checked(rec: Incoming) -> Incoming:
    """The record, or ValueError saying what is wrong with it."""
    if rec.tag is not None and rec.tag not in TAGS:
        raise ValueError(f"unknown tag '{rec.tag}'")
    for field in ("note", "at"):
        if not isinstance(getattr(rec, field), str):
            raise ValueError(f"its {field} is not text")
    if rec.speaker is not None and not isinstance(rec.speaker, str):
        raise ValueError("its speaker is not text")
    if not isinstance(rec.article, (str, type(None))) or not isinstance(rec.annotator, (str, type(None))):
        raise ValueError("its article or annotator is not text")
    rec.annotator = safe_line(rec.annotator, 100).strip() or None if rec.annotator else None
    rec.at = rec.at if _is_time(rec.at) else ""  # (a time that is none is the oldest: it replaces nothing)
    return rec


def _is_time(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _guarded(where: str, make, *args) -> Incoming | Refusal | None:
    """make(where, *args), or (where, why) when the record is not what it should be."""
    try:
        return make(where, *args)
    except ValueError as exc:
        return where, str(exc)
    except (KeyError, TypeError, IndexError, AttributeError, StopIteration):
        return where, "not an annotation of the shape its format has"
