"""brat standoff: for each annotator, a folder with a `.txt` (items.document_text) and an `.ann`
per article, and one `annotation.conf` that tells brat the types.

In an `.ann`: a `T` entity for each claim (Quote, Reported or Source; Claim for an orphaned
annotation) and for the words naming its speaker (Speaker) where they are on the claim's lines,
an `R` relation `Said` from the speaker to the claim, `A` attributes for the tag, for "not a
claim" and for a claim the annotator added, and a `#` note for the annotator's note (and the
speaker they named). An orphaned annotation is left out: its words are no longer in the text,
and a brat mark is words of the text. brat marks have
no line breaks, so a span over several lines is written as one fragment a line; the text of
every fragment is `text[start:end]`.
"""

from __future__ import annotations

import re

from ..export import BRAT_CONF
from ..model import ADJUDICATED
from ..text import safe_line
from .items import Item, bare, document_text, mention_span

CONF = """[entities]
Quote
Reported
Source
Claim
Speaker

[relations]
Said\tArg1:Speaker, Arg2:Quote|Reported|Source|Claim

[events]

[attributes]
Tag\tArg:Quote|Reported|Source|Claim, Value:stated|denied|unknown
NotAClaim\tArg:Quote|Reported|Source|Claim
Added\tArg:Quote|Reported|Source|Claim
"""

LABELS = {"quote": "Quote", "reported": "Reported", "source": "Source"}
_UNSAFE_NAME = re.compile(r"[^\w.@-]+")


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span in pieces that hold no line break (blank pieces left out)."""
    out, at = [], start
    for line in text[start:end].split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((at + lead, at + lead + len(stripped)))
        at += len(line) + 1
    return out or [(start, start)]


class Ann:
    """The lines of one `.ann` file, numbered as they are added."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.count = {"T": 0, "A": 0, "R": 0, "#": 0}
        self.marked: dict[tuple[str, str], str] = {}  # (label, where) to its entity: the same words are one mark

    def add(self, kind: str, body: str) -> str:
        self.count[kind] += 1
        ref = f"{kind}{self.count[kind]}"
        self.lines.append(f"{ref}\t{body}")
        return ref

    def entity(self, label: str, text: str, start: int, end: int) -> str:
        pieces = fragments(text, start, end)
        where = ";".join(f"{s} {e}" for s, e in pieces)
        if (label, where) not in self.marked:
            self.marked[label, where] = self.add("T", f"{label} {where}\t{' '.join(text[s:e] for s, e in pieces)}")
        return self.marked[label, where]

    def item(self, item: Item, text: str) -> None:
        claim = self.entity(LABELS.get(item.kind or "", "Claim"), text, item.start, item.end)
        mention = mention_span(item, text)
        if mention:
            self.add("R", f"Said Arg1:{self.entity('Speaker', text, *mention)} Arg2:{claim}")
        a = item.annotation
        if a is None:
            return
        if a.tag:
            self.add("A", f"Tag {claim} {a.tag}")
        if a.not_a_claim:
            self.add("A", f"NotAClaim {claim}")
        if a.added:
            self.add("A", f"Added {claim}")
        note = note_text(a.note, a.speaker)
        if note:
            self.add("#", f"AnnotatorNotes {claim}\t{note}")


SPEAKER_NOTE = "speaker: "
SEPARATOR = " · "


def note_text(note: str, speaker: str | None) -> str:
    """An annotator's note and the speaker they named as one line of a brat note (line breaks
    and backslashes written as \\n and \\\\, so that they come back; see read_note)."""
    escaped = note.replace("\\", "\\\\").replace("\n", "\\n")
    parts = [safe_line(escaped, 10_000) if note else "", f"{SPEAKER_NOTE}{safe_line(speaker, 200)}" if speaker else ""]
    return SEPARATOR.join(p for p in parts if p)


def read_note(text: str) -> tuple[str, str | None]:
    """(note, speaker) of a brat note that note_text wrote (any other text is all note)."""
    note, speaker = text, None
    if text.startswith(SPEAKER_NOTE):
        note, speaker = "", text[len(SPEAKER_NOTE):]
    elif SEPARATOR + SPEAKER_NOTE in text:
        note, _, speaker = text.rpartition(SEPARATOR + SPEAKER_NOTE)
    unescaped = note.replace("\\\\", "\x00").replace("\\n", "\n").replace("\x00", "\\")
    return unescaped.strip(), (speaker or "").strip() or None


def own_view(items: list[Item], annotator: str) -> list[Item]:
    """An article's claims as one annotator has them: with their annotation, else bare (the
    claims others added, and others' orphans, left out)."""
    chosen: dict[str, Item] = {}
    for i in items:
        if i.annotation is not None and i.annotation.annotator == annotator:
            chosen[i.claim_id] = i
        elif i.claim is not None and not i.added:
            chosen.setdefault(i.claim_id, bare(i))
    return [i for i in chosen.values() if not i.orphaned]


ADJUDICATED_FOLDER = "adjudicated"  # the folder of the final judgements settled in review


def folder_name(annotator: str) -> str:
    if annotator == ADJUDICATED:
        return ADJUDICATED_FOLDER
    return _UNSAFE_NAME.sub("_", annotator).strip("._") or "annotator"


def files(articles, annotator: str) -> dict[str, bytes]:
    """Every file of the export by its path inside the export folder."""
    out = {BRAT_CONF: CONF.encode()}
    docs = [(article, document_text(article), items) for article, items in articles]
    who = sorted({i.annotation.annotator for _, _, items in docs for i in items if i.annotation}) or [annotator]
    for name in who:
        folder = folder_name(name)
        for article, text, items in docs:
            ann = Ann()
            for i in own_view(items, name):
                ann.item(i, text)
            out[f"{folder}/{article.id}.txt"] = text.encode("utf-8")
            out[f"{folder}/{article.id}.ann"] = "".join(line + "\n" for line in ann.lines).encode("utf-8")
    return out
