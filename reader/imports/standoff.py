"""brat standoff read back: newsreader's own brat export (a folder per annotator, a `.txt` and an
`.ann` per article; see formats.brat), and gold attributions as PolNeAR has them (`Source`,
`Cue` and `Content` spans tied by `Attribution` events), which become an article's claims.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..formats.brat import ADJUDICATED_FOLDER, LABELS, read_note
from ..gold import QUOTE_MARKS, read_ann
from ..model import ADJUDICATED
from ..quote_anchor import Quote
from .readers import Incoming, Refusal, Unreadable, checked

KINDS = {label: kind for kind, label in LABELS.items()}


def ann_files(path: Path) -> list[Path]:
    """The .ann files of a path: itself, or those in a folder and its folders."""
    if path.is_dir():
        return sorted(path.rglob("*.ann"))
    if path.suffix == ".ann":
        return [path]
    raise Unreadable("not a brat .ann file nor a folder of them")


def read_brat(path: Path) -> Iterator[Incoming | Refusal]:
    """The annotations of newsreader's brat files: the annotator is the folder's name, the
    article the file's; positions index its .txt (the export's document text)."""
    for ann in ann_files(path):
        txt = ann.with_suffix(".txt")
        try:
            text, lines = txt.read_text(encoding="utf-8"), ann.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            yield str(ann), f"cannot read it with its .txt ({getattr(exc, 'strerror', None) or exc})"
            continue
        who = ADJUDICATED if ann.parent.name == ADJUDICATED_FOLDER else ann.parent.name
        yield from _brat_file(str(ann), ann.stem, who, text, lines)


def _brat_file(name: str, article: str, annotator: str, text: str, lines: list[str]) -> Iterator[Incoming | Refusal]:
    entities: dict[str, Incoming] = {}
    for line in lines:
        ref, _, rest = line.partition("\t")
        fields = rest.split("\t")
        try:
            if ref.startswith("T"):
                label, *where = fields[0].replace(";", " ").split()
                if label in KINDS or label == "Claim":
                    start, end = int(where[0]), int(where[-1])
                    entities[ref] = Incoming(f"{name}: {ref}", article, Quote(text[start:end], start=start), "document",
                                             annotator, kind=KINDS.get(label))
            elif ref.startswith(("A", "#")):
                _attribute(entities, fields)
        except (ValueError, IndexError):
            yield f"{name}: {ref}", "not a brat line of the shape it should have"
    for rec in entities.values():
        if rec.tag or rec.note or rec.speaker or rec.not_a_claim or rec.added:
            yield checked(rec)


def _attribute(entities: dict[str, Incoming], fields: list[str]) -> None:
    kind, target, *value = fields[0].split()
    rec = entities.get(target)
    if rec is None:
        return
    if kind == "Tag" and value:
        rec.tag = value[0]
    elif kind == "NotAClaim":
        rec.not_a_claim = True
    elif kind == "Added":
        rec.added = True
    elif kind == "AnnotatorNotes" and len(fields) > 1:
        rec.note, rec.speaker = read_note(fields[1])


# -- gold ------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class GoldClaim:
    """A gold attribution: the content's words (file offsets) and who said them."""

    kind: str
    start: int
    end: int
    text: str
    source: str


def text_of_ann(ann: Path) -> Path:
    """The article file a gold .ann file is about: beside it with the same name, or PolNeAR's
    layout (`attributions/NAME_ANNOTATOR.ann` for `text/NAME.txt`)."""
    for candidate in (ann.with_suffix(".txt"), ann.parent.parent / "text" / f"{ann.stem.rsplit('_', 1)[0]}.txt",
                      ann.parent / f"{ann.stem.rsplit('_', 1)[0]}.txt"):
        if candidate.is_file():
            return candidate
    raise Unreadable("its article's text is not beside it (NAME.txt, or ../text/NAME.txt)")


def gold_claims(ann: Path, file_text: str) -> list[GoldClaim]:
    out = []
    for g in read_ann(ann.read_text(encoding="utf-8")):
        start, end = min(s for s, _ in g.content_spans), max(e for _, e in g.content_spans)
        quoted = bool(QUOTE_MARKS.search(file_text, max(start - 1, 0), end + 1))
        out.append(GoldClaim("quote" if quoted else "reported", start, end, file_text[start:end], g.source))
    return out
