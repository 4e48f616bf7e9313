"""The article as a reader wants it: headline, byline, sources and speakers, then the body with
every claim highlighted in its speaker's colour and the speaker named after it.

A line-API widget: the body is wrapped into offset ranges once per width, and only the lines on
screen are styled, so a 1 MB article opens and scrolls as fast as a short one.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections.abc import Iterator
from contextlib import contextmanager

from rich.segment import Segment
from rich.style import Style
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ...marks import claim_order, segments, speaker_order
from ...model import Annotation, Article, Claim, speaker_of
from ...states import claim_state
from ...text import neutralize
from ..colours import ClaimStyles
from ..wrap import Line, wrap, wrap_between
from .article_header import header_lines

GUTTER = 2


class ArticleView(ScrollView, can_focus=True, inherit_bindings=False):
    """Scrollable article text with claims highlighted. Its keys are the reader's (keys.ARTICLE:
    up/down, j/k, page keys, home/end), not a scroll view's own, so help lists every one."""

    COMPONENT_CLASSES = {
        "article-view--headline",
        "article-view--meta",
        "article-view--gutter",
        "article-view--match",
        "article-view--match-current",
    }

    class ClaimClicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.body = ""
        self.claims: list[Claim] = []
        self.notes: dict[str, Annotation] = {}
        self.current = -1
        self._segments = []
        self._segment_starts: list[int] = []
        self._speakers: dict[str, int] = {}
        # each line of the header: its text, style class, coloured parts and where it may break
        self._header: list[tuple[str, str, list[tuple[str, int | None]] | None, list[int] | None]] = []
        self._rows: list[tuple[int, Line]] = []  # (block: -1 body, else header index, line)
        self._width = 0
        self._styles: ClaimStyles | None = None
        self._claim_starts: list[int] = []
        self.show_labels = True  # " ⟨Speaker⟩" after each claim
        self._matches: list[tuple[int, int]] = []  # what the search found (body offsets)
        self._match_starts: list[int] = []
        self.current_match = -1
        self._wrapped_labels: dict[int, str] = {}  # each claim's label as the text was wrapped
        self._holding = False
        self._stale = False

    # -- data --------------------------------------------------------------------------------
    def show(self, article: Article, notes: dict[str, Annotation], current: int = -1) -> None:
        self.article = article
        self.body = neutralize(article.body)
        self.claims = claim_order(article.claims)
        self._titled = sum(1 for c in self.claims if c.part == "title")  # the headline's come first
        self._claim_starts = [c.start for c in self.claims[self._titled :]]
        self._segments = segments(article)
        self._segment_starts = [s.start for s in self._segments]
        self.notes = notes
        self.current = current
        self._speakers = speaker_order(self.claims, self.speaker_of)
        self._styles = None
        self._build_header()
        self._rewrap()
        self.scroll_to(y=0, animate=False)
        if current >= 0:
            self.scroll_to_claim(current)

    def set_note(self, claim: Claim, notes: dict[str, Annotation]) -> None:
        """After `claim`'s annotation changed: rewrap only if its label (the speaker) is not the
        one the text was wrapped around (`notes` is often the dict the view already holds)."""
        index = self._claim_index(claim)
        self.notes = notes
        speakers = speaker_order(self.claims, self.speaker_of)
        if list(speakers.items()) != list(self._speakers.items()):  # a corrected speaker: their colour, their entry
            self._speakers = speakers
            self._build_header()
            self._stale = True
        elif index >= 0 and self._label(index) != self._wrapped_labels.get(index, ""):
            self._stale = True
        if self._stale and not self._holding:
            self._rewrap()
        self.refresh()

    @contextmanager
    def holding(self) -> Iterator[None]:
        """Many annotation changes at once (a speaker renamed on all their claims): the text is
        rewrapped once at the end, not after each."""
        self._holding = True
        try:
            yield
        finally:
            self._holding = False
            if self._stale and self.article is not None:
                self._rewrap()

    def set_labels(self, shown: bool) -> None:
        """Show or hide the speaker label after each claim (the text rewraps around them)."""
        if shown != self.show_labels:
            self.show_labels = shown
            if self.article is not None:
                self._rewrap()
                if self.current >= 0:
                    self.scroll_to_claim(self.current)

    def set_matches(self, spans: list[tuple[int, int]], current: int = -1) -> None:
        """Highlight what the search found (body offsets), `current` the most; scroll to it."""
        if spans is not self._matches:
            self._matches = spans
            self._match_starts = [a for a, _ in spans]
        self.current_match = current
        self.refresh()
        if 0 <= current < len(spans):
            self.scroll_to_span(*spans[current])

    def set_current(self, index: int) -> None:
        self.current = index
        self.refresh()
        if index >= 0:
            self.scroll_to_claim(index)

    def speaker_of(self, claim: Claim) -> str | None:
        note = self.notes.get(claim.id)
        return speaker_of(claim, note)

    # -- layout ------------------------------------------------------------------------------
    def _build_header(self) -> None:
        self._header = header_lines(self.article, self.claims, list(self._speakers))

    def _label(self, index: int) -> str:
        claim = self.claims[index]
        if claim.kind == "source" or not self.show_labels:
            return ""
        return f" ⟨{neutralize(self.speaker_of(claim) or 'speaker?')}⟩"

    def _rewrap(self) -> None:
        width = max(self.scrollable_content_region.width - GUTTER, 10) if self.size.width else 80
        self._width = width
        rows = self._header_rows(width)
        rows.append((-2, Line(0, 0)))  # a blank line under the header
        # (a quote inside a statement is labelled with it: one label a statement)
        ends = sorted((c.end, i) for i, c in enumerate(self.claims)
                      if c.kind != "source" and c.part == "body" and c.within is None) if self.show_labels else []
        labels = {i: self._label(i) for i in range(len(self.claims))}
        self._wrapped_labels, self._stale = labels, False
        rows.extend((-1, line) for line in wrap(self.body, width, ends, lambda i: len(labels[i])))
        self._rows = rows
        self._body_rows = [k for k, (block, _) in enumerate(rows) if block == -1]
        self._body_row_starts = [rows[k][1].start for k in self._body_rows]
        self.virtual_size = Size(width + GUTTER, len(rows))
        self.refresh()

    def _header_rows(self, width: int) -> list[tuple[int, Line]]:
        """The header's lines; the list of speakers breaks between names only."""
        rows: list[tuple[int, Line]] = []
        for i, (text, _cls, _parts, breaks) in enumerate(self._header):
            lines = wrap(text, width) if breaks is None else wrap_between(text, width, breaks)
            rows.extend((i, line) for line in lines)
        return rows

    def on_resize(self, event: Resize) -> None:
        if self.article is not None and max(self.scrollable_content_region.width - GUTTER, 10) != self._width:
            self._rewrap()
            if self.current >= 0:
                self.scroll_to_claim(self.current, animate=False)

    def row_of(self, offset: int) -> int:
        """The screen row (in virtual lines) holding a body offset."""
        i = bisect_right(self._body_row_starts, offset) - 1
        return self._body_rows[max(i, 0)] if self._body_rows else 0

    def scroll_to_claim(self, index: int, animate: bool = False) -> None:
        claim = self.claims[index]
        if claim.part == "title":
            self.scroll_to(y=0, animate=animate)
            return
        self.scroll_to_span(claim.start, claim.end, animate)

    def scroll_to_span(self, start: int, end: int, animate: bool = False) -> None:
        """Bring a span of the body into view (a third down the screen), unless it is in view."""
        top, bottom = self.row_of(start), self.row_of(end)
        height = self.scrollable_content_region.height or 10
        y = self.scroll_offset.y
        if top < y or bottom >= y + height:
            self.scroll_to(y=max(0, top - height // 3), animate=animate)

    # -- rendering ---------------------------------------------------------------------------
    @property
    def styles_for_claims(self) -> ClaimStyles:
        if self._styles is None:
            self._styles = ClaimStyles(self.app)
        return self._styles

    def notify_style_update(self) -> None:
        self._styles = None
        super().notify_style_update()

    def _claim_index(self, claim: Claim) -> int:
        if claim.part == "title":
            return next((i for i in range(self._titled) if self.claims[i].id == claim.id), -1)
        i = bisect_right(self._claim_starts, claim.start) - 1 + self._titled
        while i >= self._titled and self.claims[i] is not claim and self.claims[i].id != claim.id:
            i -= 1
        return i if i >= self._titled else -1

    def _holds_current(self, claim: Claim) -> bool:
        """Is the claim a quote inside the current statement (drawn as current with it)?"""
        return claim.within is not None and 0 <= self.current < len(self.claims) and self.claims[self.current].id == claim.within

    def pieces(self, line: Line) -> list[tuple[str, Style, int | None, int | None]]:
        """(text, style, body offset, claim index) for each run of a body line."""
        out: list[tuple[str, Style, int | None, int | None]] = []
        label_at: dict[int, list[int]] = {}
        for offset, index in line.labels:
            label_at.setdefault(offset, []).append(index)
        k = max(bisect_right(self._segment_starts, line.start) - 1, 0)
        for a, b in itertools.pairwise(self._line_cuts(line, label_at)):
            while k + 1 < len(self._segments) and self._segments[k].end <= a:
                k += 1
            seg = self._segments[k] if self._segments else None
            style, claim_index = self._segment_style(seg)
            if self._matches:
                style = style + self._match_style(a)
            out.append((self.body[a:b], style, a, claim_index))
            out.extend(self._label_piece(index) for index in label_at.pop(b, ()))
        out.extend(self._label_piece(index) for indices in label_at.values() for index in indices)
        return out

    def _line_cuts(self, line: Line, label_at: dict[int, list[int]]) -> list[int]:
        """Where a body line's runs change: at labels and at segment ends."""
        cuts = {line.start, line.end, *label_at}
        k = max(bisect_right(self._segment_starts, line.start) - 1, 0)
        while k < len(self._segments) and self._segments[k].start < line.end:
            seg = self._segments[k]
            cuts.add(max(seg.start, line.start))
            cuts.add(min(seg.end, line.end))
            k += 1
        m = max(bisect_right(self._match_starts, line.start) - 1, 0)
        for a, b in self._matches[m:]:
            if a >= line.end:
                break
            cuts.update((a, b))
        return sorted(p for p in cuts if line.start <= p <= line.end)

    def _match_style(self, offset: int) -> Style:
        """The search's highlight at a body offset (none outside what it found)."""
        m = bisect_right(self._match_starts, offset) - 1
        if m < 0 or self._matches[m][1] <= offset:
            return Style()
        current = "article-view--match-current" if m == self.current_match else "article-view--match"
        return self.get_component_rich_style(current)

    def _segment_style(self, seg) -> tuple[Style, int | None]:
        styles = self.styles_for_claims
        style = Style()
        claim_index = None
        if seg is not None and seg.claim is not None:
            claim_index = self._claim_index(seg.claim)
            speaker = self._speakers.get(self.speaker_of(seg.claim) or "")
            style = styles.claim(seg.claim.kind, speaker, claim_index == self.current or self._holds_current(seg.claim))
        if seg is not None and seg.editorial:
            style = style + styles.editorial
        return style, claim_index

    def _label_piece(self, index: int) -> tuple[str, Style, None, int]:
        speaker = self._speakers.get(self.speaker_of(self.claims[index]) or "")
        return (self._label(index), self.styles_for_claims.label(speaker, index == self.current), None, index)

    def _title_pieces(self, text: str, line: Line, style: Style) -> list[Segment]:
        """The headline, with its claims highlighted like the body's."""
        styles = self.styles_for_claims
        cuts = {line.start, line.end}
        for c in self.claims[: self._titled]:
            cuts.update(p for p in (c.start, c.end) if line.start < p < line.end)
        points = sorted(cuts)
        out = []
        for a, b in itertools.pairwise(points):
            index = next((i for i in range(self._titled) if self.claims[i].start <= a < self.claims[i].end), None)
            piece = style
            if index is not None:
                claim = self.claims[index]
                piece = style + styles.claim(claim.kind, self._speakers.get(self.speaker_of(claim) or ""), index == self.current)
            out.append(Segment(text[a:b], piece))
        return out

    def _gutter(self, line: Line) -> Segment:
        style = self.get_component_rich_style("article-view--gutter")
        i = bisect_right(self._claim_starts, line.end - 1) - 1 + self._titled if line.end > line.start else -1
        glyph = " "
        while i >= self._titled and self.claims[i].start >= line.start:
            claim = self.claims[i]
            if i == self.current:
                glyph = "▶"
                break
            glyph = claim_state(self.notes.get(claim.id)).mark or glyph
            i -= 1
        if glyph == " " and self._titled <= self.current < len(self.claims):
            c = self.claims[self.current]
            if c.start < line.start < c.end:
                glyph = "│"
        return Segment(glyph + " ", style)

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._rows) or self.article is None:
            return Strip.blank(width, base)
        block, line = self._rows[index]
        if block == -2:
            return Strip.blank(width, base)
        if block >= 0:
            text, cls, parts, _breaks = self._header[block]
            style = self.get_component_rich_style(cls)
            segs = [Segment(" " * GUTTER, base)]
            if block == 0 and self._titled:
                segs.extend(self._title_pieces(text, line, base + style))
            elif parts is None:
                segs.append(Segment(text[line.start : line.end], base + style))
            else:
                pos = 0
                styles = self.styles_for_claims
                for part, speaker in parts:
                    a, b = max(pos, line.start), min(pos + len(part), line.end)
                    if a < b:
                        s = base + style if speaker is None else base + styles.legend(speaker)
                        segs.append(Segment(text[a:b], s))
                    pos += len(part)
            return Strip(segs).adjust_cell_length(width, base)
        segs = [self._gutter(line), Segment(" " * line.indent, base)]
        for text, style, _offset, _claim in self.pieces(line):
            segs.append(Segment(text, base + style))
        return Strip(segs).adjust_cell_length(width, base).crop(0, width)

    # -- mouse -------------------------------------------------------------------------------
    def on_click(self, event: Click) -> None:
        index = self.scroll_offset.y + event.y
        if index >= len(self._rows):
            return
        block, line = self._rows[index]
        if block != -1:
            return
        x = GUTTER + line.indent
        from rich.cells import cell_len

        for text, _style, _offset, claim in self.pieces(line):
            w = cell_len(text)
            if x <= event.x < x + w and claim is not None:
                self.post_message(self.ClaimClicked(claim))
                return
            x += w
