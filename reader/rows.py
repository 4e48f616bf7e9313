"""The rows the commands print, built once: the JSON shapes of `extract`, `list` and `claims`
(stable contracts, see README), and the outlet rule the library, `list` and `export` share.

Pure data from model objects; the CLI only prints what these return.
"""

from __future__ import annotations

from typing import Protocol

from .model import Annotation, Article, Claim, Progress, speaker_of

NO_OUTLET = "—"  # what a table shows for an article whose outlet is not known

EXTRACT_CLAIM_KEYS = ("id", "kind", "part", "text", "speaker", "mention", "role", "cue", "start", "end",
                      "confidence", "rule")


class HasOutlet(Protocol):
    outlet: str | None


def outlet_of(item: HasOutlet) -> str | None:
    """The newsroom that published an article (a Document's or a Summary's `outlet`, as its
    layout read it), or None when it is not known. Never guessed from the folder the file was in
    nor from a source the story came through: a folder named `politics` is not a newsroom."""
    outlet = item.outlet
    return outlet.strip() or None if isinstance(outlet, str) else None


def outlet_label(item: HasOutlet) -> str:
    """The outlet for a table cell: NO_OUTLET when not known."""
    return outlet_of(item) or NO_OUTLET


def extract_row(path: str, article: Article) -> dict:
    """One article of `newsreader extract --json`."""
    d = article.doc
    return {
        "path": path,
        "title": d.title,
        "author": d.author,
        "published": d.published.isoformat() if d.published else None,
        "body": d.body,
        "claims": [_extract_claim(c.to_dict()) for c in article.claims],
    }


def _extract_claim(claim: dict) -> dict:
    return {k: claim[k] for k in EXTRACT_CLAIM_KEYS}


def list_row(summary, progress: Progress, read: bool) -> dict:
    """One article of `newsreader list --json` (`summary` is the store's Summary): `claims`
    counts the statements to judge, the ones you added included."""
    s = summary
    return {
        "id": s.id, "published": s.published, "outlet": outlet_of(s), "title": s.title,
        "author": s.author, "claims": s.claims + progress.added, "tagged": progress.done, "read": read,
        "path": s.path,
    }


def claim_row(article_id: str, c: Claim, a: Annotation | None) -> dict:
    """One claim of `newsreader claims --json`, with this user's annotation of it."""
    return {
        "id": c.id, "article": article_id, "kind": c.kind, "speaker": speaker_of(c, a),
        "role": c.role, "cue": c.cue, "text": c.text, "start": c.start, "end": c.end,
        "confidence": round(c.confidence, 2), "tag": a.tag if a else None, "note": a.note if a else "",
        "not_a_claim": bool(a and a.not_a_claim), "within": c.within,
    }
