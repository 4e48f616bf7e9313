"""What every export format writes, worked out once: each article's text as the formats show it,
and each claim with each annotator's annotation of it, as that annotator sees it.

The formats that point into the text (W3C, JSONL, brat) share one document text per article: the
headline, a blank line, the body (`document_text`). A claim of the headline is then at its own
offsets, a claim of the body after them, and the import reads positions back the same way
(`part_of`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import quote

from ..corrections import added_claim, corrected
from ..model import Annotation, Article, Claim, speaker_of

SEPARATOR = "\n\n"
URN = "urn:newsreader:"


def document_text(article: Article) -> str:
    return article.title + SEPARATOR + article.body


def body_offset(article: Article) -> int:
    return len(article.title) + len(SEPARATOR)


def part_of(article: Article, start: int, end: int) -> tuple[str, int, int] | None:
    """A span of the document text as (part, start, end) in that part; None if it crosses the
    blank line between the headline and the body."""
    head = len(article.title)
    if end <= head:
        return "title", start, end
    skip = body_offset(article)
    if start >= skip:
        return "body", start - skip, end - skip
    return None


def article_urn(article_id: str) -> str:
    return f"{URN}article:{article_id}"


def annotator_urn(name: str) -> str:
    return f"{URN}annotator:{quote(name, safe='')}"


@dataclass(frozen=True, slots=True)
class Item:
    """One claim of an article, with one annotator's annotation of it (None: nobody's), or an
    orphaned annotation (claim None). `start`/`end` index the document text; `text` is the
    claim as that annotator sees it (their span, where they corrected it)."""

    article: Article
    claim: Claim | None
    annotation: Annotation | None
    start: int
    end: int
    text: str
    person: str | None = None  # whom the speaker's name stands for, as the annotator merged names (roster.People)

    @property
    def kind(self) -> str | None:
        return self.claim.kind if self.claim else None

    @property
    def speaker(self) -> str | None:
        if self.claim is None:
            return self.annotation.speaker if self.annotation else None
        return speaker_of(self.claim, self.annotation)

    @property
    def claim_id(self) -> str:
        return self.claim.id if self.claim else self.annotation.claim_id

    @property
    def orphaned(self) -> bool:
        return self.claim is None

    @property
    def added(self) -> bool:
        return bool(self.annotation and self.annotation.added)


def items_of(article: Article, notes: list[Annotation], people=None) -> list[Item]:
    """Every claim of the article (the ones annotators added included) once per annotation of it,
    once alone where nobody annotated it; then the orphaned annotations. `people`: a
    roster.People, for each item's person."""
    by_claim: dict[str, list[Annotation]] = {}
    for a in notes:
        by_claim.setdefault(a.claim_id, []).append(a)
    claims = article.claims + [added_claim(a) for a in notes if a.added and not a.orphaned]
    out = []
    for c in claims:
        for a in by_claim.pop(c.id, None) or [None]:
            out.append(_item(article, c, a, people))
    skip = body_offset(article)
    for rest in by_claim.values():
        out.extend(Item(article, None, a, a.start + skip, a.end + skip, a.text) for a in rest)
    return out


def bare(item: Item) -> Item:
    """The item's claim as found, without its annotation."""
    return _item(item.article, item.claim, None)


def _item(article: Article, claim: Claim, note: Annotation | None, people=None) -> Item:
    seen = corrected(claim, note, article.body) if claim.part == "body" else claim
    shift = 0 if claim.part == "title" else body_offset(article)
    person = people.person(speaker_of(claim, note), note.annotator if note else None) if people else None
    return Item(article, claim, note, seen.start + shift, seen.end + shift, seen.text, person)


def exported(store, *, tagged_only: bool = False,
             progress: Callable[[int, int], None] | None = None) -> Iterator[tuple[Article, list[Item]]]:
    """Each article of the store in the library's order with its items (articles nobody annotated
    left out with `tagged_only`), with progress(done, total) after each article."""
    from ..roster import People

    summaries, people = store.summaries(), People(store)
    for done, summary in enumerate(summaries, start=1):
        notes = store.everyone(summary.id)
        if notes or not tagged_only:
            article = store.article(summary.id)
            yield article, items_of(article, notes, people)
        if progress:
            progress(done, len(summaries))


def paragraph(text: str, start: int, end: int) -> tuple[int, int]:
    """The lines of the document text a span lies on: from the line break before it to the one
    after it."""
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def mention_span(item: Item, text: str) -> tuple[int, int] | None:
    """Where the words naming the claim's speaker are (the mention the extractor read, else the
    speaker's name), on the claim's own lines, outside the claim and nearest to it; None if they
    are not there."""
    words = [w for w in ((item.claim.mention if item.claim else None), item.speaker) if w]
    low, high = paragraph(text, item.start, item.end)
    for word in words:
        found = []
        at = text.find(word, low, high)
        while at >= 0:
            if at + len(word) <= item.start or at >= item.end:
                found.append(at)
            at = text.find(word, at + 1, high)
        if found:
            best = min(found, key=lambda a: min(abs(a - item.end), abs(a + len(word) - item.start)))
            return best, best + len(word)
    return None
