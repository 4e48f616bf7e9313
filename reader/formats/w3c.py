"""The W3C Web Annotation Data Model (JSON-LD): an AnnotationCollection and its pages, one
Annotation per annotator's annotation of a claim.

The target is the article (`urn:newsreader:article:ID`, as the articles carry no web address),
found by a TextQuoteSelector (the words, with up to CONTEXT characters before and after) and a
TextPositionSelector (code points of items.document_text, end exclusive). The bodies say what the
annotator said: the tag or "not a claim" (purpose `tagging`), the note (`commenting`), the
speaker they named (`identifying`) and the claim's kind (`classifying`). A final judgement
settled in review is `moderating`, its creator who settled it. (`tagging` rather than
`assessing`: the W3C's JSON-LD context defines the one and not the other, so a JSON-LD reader
would not know `assessing`; an import takes either.) A claim the annotator added is
`highlighting` as well: the words are theirs to mark as a claim.

The file is one JSON-LD document whose `@graph` holds the collection and its pages (PAGE
annotations a page), linked by `first`, `last`, `next`, `prev` and `partOf`.
"""

from __future__ import annotations

from urllib.parse import quote

from ..model import ADJUDICATED, Annotation
from ..quote_anchor import quote_at
from .items import URN, Item, annotator_urn, article_urn, document_text

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
PAGE = 1000
NOT_A_CLAIM = "not a claim"  # the value of the assessing body of a claim marked as not one


def annotation_id(item: Item) -> str:
    a = item.annotation
    return f"{URN}annotation:{item.article.id}:{item.claim_id}:{quote(a.annotator, safe='')}"


def selectors(text: str, start: int, end: int) -> list[dict]:
    quote = quote_at(text, start, end)
    return [
        {"type": "TextQuoteSelector", "exact": quote.exact, "prefix": quote.prefix, "suffix": quote.suffix},
        {"type": "TextPositionSelector", "start": start, "end": end},
    ]


def target_selectors(item: Item, text: str) -> list[dict]:
    """The selectors of a claim's words; an orphan's words are no longer in the text, so they are
    given as they were, with the position they had."""
    if not item.orphaned:
        return selectors(text, item.start, item.end)
    return [{"type": "TextQuoteSelector", "exact": item.text, "prefix": "", "suffix": ""},
            {"type": "TextPositionSelector", "start": item.start, "end": item.start + len(item.text)}]


def bodies(item: Item) -> list[dict]:
    a = item.annotation
    found = [("tagging", a.tag), ("tagging", NOT_A_CLAIM if a.not_a_claim else None),
             ("commenting", a.note), ("identifying", a.speaker), ("classifying", item.kind)]
    return [{"type": "TextualBody", "purpose": purpose, "value": value} for purpose, value in found if value]


def motivation(a: Annotation) -> str | list[str]:
    main = ("tagging" if a.tag or a.not_a_claim else "commenting" if a.note
            else "identifying" if a.speaker else "editing")
    first = ["highlighting"] if a.added else ["moderating"] if a.annotator == ADJUDICATED else []
    return [*first, main] if first else main


def creator(a: Annotation) -> dict:
    """Who made it; a final judgement settled in review is made by who settled it (and is
    `moderating`)."""
    name = a.settled_by if a.annotator == ADJUDICATED and a.settled_by else a.annotator
    return {"id": annotator_urn(name), "type": "Person", "name": name}


def annotation(item: Item, text: str) -> dict:
    a = item.annotation
    out = {
        "id": annotation_id(item),
        "type": "Annotation",
        "motivation": motivation(a),
        "creator": creator(a),
        "body": bodies(item),
        "target": {"source": article_urn(item.article.id), "selector": target_selectors(item, text)},
    }
    if a.at:
        out["created"] = a.at
    return out


def collection(articles, exported_at: str) -> dict:
    """The JSON-LD document of an export: `articles` as items.exported gives them."""
    annotations = []
    for article, items in articles:
        text = document_text(article)
        annotations.extend(annotation(i, text) for i in items if i.annotation is not None)
    base = f"{URN}export:{exported_at}"
    pages = [annotations[i:i + PAGE] for i in range(0, len(annotations), PAGE)] or [[]]
    page_ids = [f"{base}:page:{n + 1}" for n in range(len(pages))]
    graph = [{"id": base, "type": "AnnotationCollection", "label": "newsreader annotations",
              "total": len(annotations), "first": page_ids[0], "last": page_ids[-1]}]
    for n, items in enumerate(pages):
        page = {"id": page_ids[n], "type": "AnnotationPage", "partOf": base, "startIndex": n * PAGE, "items": items}
        if n:
            page["prev"] = page_ids[n - 1]
        if n + 1 < len(pages):
            page["next"] = page_ids[n + 1]
        graph.append(page)
    return {"@context": CONTEXT, "@graph": graph}
