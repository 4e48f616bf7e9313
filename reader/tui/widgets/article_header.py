"""The header of the reader's text: what is drawn above the article's body. Lists (sources,
speakers) break between their entries, never inside a name."""

from __future__ import annotations

from ...marks import byline as format_byline
from ...model import Article, Claim
from ...text import neutralize


def header_lines(a: Article, claims: list[Claim], speakers: list[str]) -> list[tuple]:
    """The lines above the text: headline, byline, sources, caption and the speakers' legend, each
    as (text, style class, coloured parts or None, where it may break or None: anywhere)."""
    d = a.doc
    header: list = [(neutralize(d.title), "article-view--headline", None, None)]
    byline = format_byline(a.doc)
    if byline:
        header.append((neutralize(byline), "article-view--meta", None, None))
    sources = [c for c in claims if c.kind == "source"]
    if sources:
        header.append(_sources(sources))
    if d.caption:
        header.append((neutralize(d.caption), "article-view--meta", None, None))
    if speakers:
        header.append(_legend(speakers))
    return header


def _sources(sources: list[Claim]) -> tuple:
    names = [neutralize(c.speaker + (f" ({c.role})" if c.role else "") if c.speaker else c.text) for c in sources]
    parts = [("Sources: ", None)] + [(n + ("; " if i < len(names) - 1 else ""), None) for i, n in enumerate(names)]
    return ("".join(p for p, _ in parts), "article-view--meta", None, _starts(parts)[1:])


def _legend(speakers: list[str]) -> tuple:
    """The legend, "Speakers: ■ A  ■ B", each square in the speaker's colour."""
    parts: list[tuple[str, int | None]] = [("Speakers: ", None)]
    for i, name in enumerate(speakers):
        parts.append(("■ ", i))
        parts.append((neutralize(name) + ("  " if i < len(speakers) - 1 else ""), None))
    return ("".join(p for p, _ in parts), "article-view--meta", parts, _entry_starts(parts))


def _starts(parts: list[tuple[str, int | None]]) -> list[int]:
    """Where each part begins in the text they make."""
    starts, pos = [], 0
    for part, _ in parts:
        starts.append(pos)
        pos += len(part)
    return starts


def _entry_starts(parts: list[tuple[str, int | None]]) -> list[int]:
    """Where the list of speakers may break: before each entry ("■ Name"), but the first, which
    stays with "Speakers:"."""
    starts, pos = [], 0
    for part, speaker in parts:
        if speaker is not None:
            starts.append(pos)
        pos += len(part)
    return starts
