"""JSON Lines in Prodigy's shape, to train a model on the tags: one line a claim and annotation.

`text` is the lines of the article the claim is on; `spans` mark the claim (labelled with its
tag in capitals, CLAIM while untagged) and, where the words are on those lines, the speaker
(SPEAKER); `answer` is `accept` for a claim, `reject` for one marked as not a claim and `ignore`
while nobody has judged it. `meta` links back: the article, the claim, where `text` starts in
the document text (items.document_text), and the annotation itself.
"""

from __future__ import annotations

import orjson

from .items import Item, article_urn, document_text, mention_span, paragraph

UNTAGGED = "CLAIM"


def line(item: Item, text: str) -> dict:
    if item.orphaned:  # its words are no longer in the text: they are the line's text, `offset` where they were
        shown, low, mention = item.text, item.start, None
    else:
        low, high = paragraph(text, item.start, item.end)
        shown, mention = text[low:high], mention_span(item, text)
    a = item.annotation
    spans = [{"start": item.start - low, "end": item.end - low, "label": (a.tag if a and a.tag else UNTAGGED).upper()}]
    if mention:
        spans.append({"start": mention[0] - low, "end": mention[1] - low, "label": "SPEAKER"})
    answer = "ignore" if a is None or not a.done else "reject" if a.not_a_claim else "accept"
    meta = {
        "source": article_urn(item.article.id), "article": item.article.id, "title": item.article.title,
        "claim": item.claim_id, "kind": item.kind, "speaker": item.speaker, "person": item.person or item.speaker,
        "offset": low,
        "tag": a.tag if a else None, "not_a_claim": bool(a and a.not_a_claim), "note": a.note if a else "",
        "annotator": a.annotator if a else None, "at": a.at if a else None,
        "added": item.added, "orphaned": item.orphaned, "settled_by": a.settled_by if a else None,
    }
    return {"text": shown, "spans": spans, "answer": answer, "meta": meta}


def lines(articles) -> bytes:
    out = []
    for article, items in articles:
        text = document_text(article)
        out.extend(orjson.dumps(line(i, text)) + b"\n" for i in items)
    return b"".join(out)
