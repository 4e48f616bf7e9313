"""Gold attributions (brat standoff, as in PolNeAR) and predicted claims placed in the same file
text: what the scorer (evaluate.py) compares. Pure Python: no I/O beyond reading the gold folder.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from .model import Claim

QUOTE_MARKS = re.compile(r'["“”]')

Spans = tuple[tuple[int, int], ...]


@dataclass(slots=True)
class Gold:
    id: str
    source: str
    source_spans: Spans
    content: str
    content_spans: Spans
    quoted: bool


@dataclass(slots=True)
class Placed:
    """A predicted claim placed in the file text. `kind` is the gold's surface test (quote marks
    in or around the span); `said` is the kind the extractor gave it."""

    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    rule: str = ""
    mention: str | None = None
    said: str = ""
    confidence: float = 0.0


# -- reading gold --------------------------------------------------------------------------------


def _spans(field_: str) -> Spans:
    # "Content 120 211" or "Content 10 20;25 40"
    _, _, rest = field_.partition(" ")
    out = []
    for part in rest.split(";"):
        a, b = part.split()
        out.append((int(a), int(b)))
    return tuple(out)


def read_ann(text: str) -> list[Gold]:
    """The attributions of one brat .ann file."""
    spans: dict[str, tuple[Spans, str]] = {}
    events: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if line.startswith("T"):
            parts = line.split("\t")
            if len(parts) >= 2:
                spans[parts[0]] = (_spans(parts[1]), parts[2] if len(parts) > 2 else "")
        elif line.startswith("E"):
            ident, _, args = line.partition("\t")
            pairs = [a.partition(":") for a in args.split() if ":" in a]
            # Only attributions proper: "Attribution-no-source" and other event types are not.
            if pairs and pairs[0][0] == "Attribution":
                events.append((ident, {role: ref for role, _, ref in pairs}))
    out = []
    for ident, roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""), ((), ""))
        out.append(Gold(ident, source[1], source[0], content[1], content[0], bool(QUOTE_MARKS.search(content[1]))))
    return out


def read_gold(folder: Path) -> list[tuple[Path, list[Gold]]]:
    """(text file, attributions) for every text, from the first annotator's file of each."""
    texts = sorted((folder / "text").glob("*.txt"))
    anns: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(article, ann)
    out = []
    for text in texts:
        found = anns.get(text.stem)
        gold = read_ann(found.read_text(encoding="utf-8")) if found else []
        out.append((text, gold))
    return out


# -- placing predictions --------------------------------------------------------------------------


def _kind(file_text: str, start: int, end: int) -> str:
    """Quote or reported, by the same surface test that sorts the gold."""
    return "quote" if QUOTE_MARKS.search(file_text, max(start - 1, 0), end + 1) else "reported"


class Prediction(NamedTuple):
    """What the scorer needs of a claim: small to send back from a worker process."""

    kind: str
    start: int
    end: int
    text: str
    speaker: str | None
    mention: str | None
    rule: str
    confidence: float = 0.0


def slim(claims: Iterable[Claim]) -> list[tuple]:
    """A Prediction's fields as plain tuples: what a worker process sends back (a plain tuple
    pickles in C, a named one through Python); `evaluate` makes them Predictions."""
    return [(c.kind, c.start, c.end, c.text, c.speaker, c.mention, c.rule, c.confidence) for c in claims]


def place(file_text: str, claims: Iterable[Claim | Prediction]) -> list[Placed]:
    placed: list[Placed] = []
    previous = 0
    for c in sorted(claims, key=lambda c: c.start):
        if file_text[c.start : c.end] == c.text:
            start = c.start
        else:
            start = file_text.find(c.text, previous)
            if start < 0:
                start = file_text.find(c.text)
            if start < 0:
                continue
        end = start + len(c.text)
        kind = c.kind if c.kind == "source" else _kind(file_text, start, end)
        placed.append(Placed(kind, start, end, c.text, c.speaker, c.rule, c.mention, c.kind, c.confidence))
        previous = start
    return placed


def _inside(a: int, b: int, spans: Spans) -> int:
    return sum(max(0, min(b, e) - max(a, s)) for s, e in spans)
