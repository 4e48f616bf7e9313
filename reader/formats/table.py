"""CSV for a spreadsheet: one row a claim and annotation (a claim nobody annotated, once).

A cell that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a carriage
return) gets a leading apostrophe: CSV formula injection is a real attack on the editor who
opens the file, and article text and notes come from anyone. Cells are also cleaned of the
characters a terminal obeys (the file may be printed).
"""

from __future__ import annotations

import csv
import io

from ..model import Annotation
from ..rows import outlet_of
from ..text import clean
from .items import Item, article_urn, body_offset

COLUMNS = ("article", "title", "published", "outlet", "speaker", "person", "kind", "claim", "tag", "not_a_claim", "added",
           "note", "annotator", "settled_by", "at", "claim_id", "part", "start", "end", "link")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DEFUSED = "'"  # put before such a cell (and before one that starts with it: an import takes one off)


def safe_cell(value: object) -> object:
    """A cell as written: text cleaned and defused (see the module's note); numbers as they are."""
    if not isinstance(value, str):
        return value
    value = clean(value)
    return DEFUSED + value if value.startswith((*FORMULA_STARTS, DEFUSED)) else value


NOBODY = Annotation(claim_id="", article_id="", text="", start=0, end=0)  # the cells of a claim nobody annotated


def row(item: Item) -> list:
    article, a = item.article, item.annotation or NOBODY
    d = article.doc
    shift = 0 if item.claim is not None and item.claim.part == "title" else body_offset(article)
    start, end = item.start - shift, item.end - shift
    part = "title" if shift == 0 else "body"
    return [
        article.id, article.title, d.published.isoformat() if d.published else "", outlet_of(d) or "",
        *_speaker_cells(item), item.kind or ("orphaned" if item.orphaned else ""), item.text,
        a.tag or "", "yes" if a.not_a_claim else "", "yes" if a.added else "", a.note, a.annotator,
        a.settled_by or "", a.at,
        item.claim_id, part, start, end,
        f"{article_urn(article.id)}#{part}={start},{end}",
    ]


def _speaker_cells(item: Item) -> tuple[str, str]:
    """The speaker as named, and whom the name stands for (roster.People)."""
    return item.speaker or "", item.person or item.speaker or ""


def table(articles) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for _, items in articles:
        writer.writerows([safe_cell(v) for v in row(i)] for i in items)
    return out.getvalue().encode("utf-8")
