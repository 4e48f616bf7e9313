"""Terminal output of the CLI: Rich on a terminal, plain text when piped.

Every string that comes from data (articles, the user's notes and corrections, a store file
that may have been edited by hand) is shown through `shown()`: as `rich.text.Text`, never
markup, and with every control or escape character replaced, whatever its origin. The store
keeps the text as it was typed.
"""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..marks import byline, claim_order, segments, speaker_order
from ..model import Annotation, Article, speaker_of
from ..rows import NO_OUTLET
from ..states import claim_state, state_of
from ..text import neutralize, safe_line

PALETTE = ["cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta", "bright_green", "bright_blue"]


def shown(value: object) -> str:
    """Any text from data, safe to print: unsafe characters replaced one for one."""
    return neutralize("" if value is None else str(value))


def _console(plain: bool = False, wrap: bool = True) -> Console:
    return Console(highlight=False, markup=False, emoji=False, no_color=plain, soft_wrap=not wrap)


def _is_tty() -> bool:
    return sys.stdout.isatty()


def print_article(article: Article, notes: dict[str, Annotation], plain: bool = False) -> None:
    """The article as the user sees it (`article` with their corrections: corrections.as_seen)."""
    plain = plain or not _is_tty()
    console = _console(plain, wrap=not plain)
    colours = speaker_order(article.claims, lambda c: speaker_of(c, notes.get(c.id)))
    _print_header(console, article)
    console.print(Text(shown(article.doc.body)) if plain else _highlighted(article, notes, colours))
    console.print()
    console.print(Text(f"Claims ({len(article.claims)})", style="bold"))
    for i, c in enumerate(claim_order(article.claims), start=1):
        note = notes.get(c.id)
        console.print(_claim_line(i, c, note, None if plain else _colour(colours, speaker_of(c, note))))


def _colour(colours: dict[str, int], speaker: str | None) -> str:
    return PALETTE[colours.get(speaker or "", 0) % len(PALETTE)]


def _print_header(console: Console, article: Article) -> None:
    d = article.doc
    console.print(Text(shown(d.title), style="bold"))
    console.print(Text(shown(" · ".join(p for p in (byline(article.doc), f"id {article.id}") if p)), style="dim"))
    sources = [c for c in article.claims if c.kind == "source"]
    if sources:
        console.print(Text(shown("Sources: " + "; ".join(c.speaker or c.text for c in sources)), style="dim"))
    if d.caption:
        console.print(Text(shown(f"Caption: {d.caption}"), style="dim italic"))
    console.print()


def _highlighted(article: Article, notes: dict[str, Annotation], colours: dict[str, int]) -> Text:
    """The body with each claim in its speaker's colour and the speaker named after it."""
    body = Text()
    for seg in segments(article):
        claim = seg.claim if seg.claim is not None and seg.claim.kind != "source" else None
        style = ""
        if claim is not None:
            who = speaker_of(claim, notes.get(claim.id))
            colour = _colour(colours, who) if who else "white"
            style = f"bold {colour}" if claim.kind == "quote" else f"{colour} underline"
        if seg.editorial:
            style = (style + " " if style else "") + "italic dim"
        body.append(shown(article.doc.body[seg.start : seg.end]), style=style or None)
        if claim is not None and seg.end == claim.end:
            note = notes.get(claim.id)
            label = speaker_of(claim, note) or "speaker?"
            state = claim_state(note)
            if state.done:
                label += " " + state.text
            body.append(shown(f" ⟨{label}⟩"), style="dim")
    return body


def _claim_line(i: int, c, note: Annotation | None, colour: str | None) -> Text:
    tag = claim_state(note).text
    line = Text(shown(f"{i:>3}. {c.id[:8]} {c.kind:<8} "))
    line.append(shown(speaker_of(c, note) or "?"), style=f"bold {colour}" if colour else None)
    if c.role:
        line.append(shown(f" ({c.role})"), style="dim")
    line.append(f" [{tag}] ", style="dim")
    line.append(_excerpt(c.text, 90))
    if note and note.note:
        line.append(shown(f"  note: {note.note}"), style="italic")
    return line


def _excerpt(text: str, n: int) -> str:
    one = " ".join(shown(text).split())
    return one if len(one) <= n else one[: n - 1] + "…"


def print_list(rows: list[dict]) -> None:
    if not _is_tty():
        for r in rows:
            print("\t".join(shown(v) for v in [r["id"], (r["published"] or "")[:16], r["outlet"] or "", r["title"], f"{r['tagged']}/{r['claims']}", "read" if r["read"] else "unread"]))
        return
    table = Table(show_edge=False, header_style="bold")
    for col in ("id", "published", "outlet", "headline", "tagged", ""):
        table.add_column(col, overflow="ellipsis", no_wrap=True)
    for r in rows:
        table.add_row(
            Text(shown(r["id"][:10])), Text(shown((r["published"] or "")[:16].replace("T", " "))), Text(shown(r["outlet"] or NO_OUTLET)),
            Text(shown(r["title"])), Text(f"{r['tagged']}/{r['claims']}"), Text("" if r["read"] else "new", style="bold"),
        )
    _console().print(table)
    print(f"{len(rows)} articles", file=sys.stderr)


def print_claims(rows: list[dict], titles: dict[str, str]) -> None:
    """Claims under a header line per article: its short id and headline."""
    console = _console(not _is_tty(), wrap=False)
    article = None
    for r in rows:
        if r["article"] != article:
            article = r["article"]
            console.print(Text(safe_line(f"{article[:10]}  {titles.get(article, '')}", 110), style="bold"))
        kind = "↳ quote" if r.get("within") else r["kind"]  # a quote inside the statement above
        state = state_of(r["tag"], r["not_a_claim"]).text
        line = Text(shown(f"  {r['id']}  {kind:<8} {state:<13} "))
        line.append(shown(r["speaker"] or "?"), style="bold")
        line.append(": ")
        line.append(_excerpt(r["text"], 100))
        if r["note"]:
            line.append(shown(f"  note: {r['note']}"), style="italic")
        console.print(line)


def print_extract(articles: list[dict]) -> None:
    console = _console(not _is_tty(), wrap=False)
    for a in articles:
        console.print(Text(shown(f"{a['path']}: {a['title']}"), style="bold"))
        for c in a["claims"]:
            line = Text(f"  {c['kind']:<8} ")
            line.append(shown(c["speaker"] or "?"), style="bold")
            line.append(shown(f" [{c['cue'] or ''}] "), style="dim")
            line.append(_excerpt(c["text"], 100))
            console.print(line)
