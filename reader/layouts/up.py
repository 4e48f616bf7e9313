"""The Ukrainska Pravda plain-text layout and its variants (see docs in ../shared/docs/up-format.md).

    " date 2025-05-05 All Sections"          export header (optional); instead of the section there
                                             may be nothing, a photo caption, or the lead itself
    "Headline"                               (optional)
    "STANISLAV POHORILOVMonday, 5 May 2025, 13:16"   byline: author glued to the weekday (optional)
    "Headline"                               repeated: dropped
    "Putin. Photo: Getty Images"             photo caption: metadata
    paragraphs, `Source:`, `Quote:`, `Details:`, `Background:` and bullets
    boilerplate (ads, donation and social lines, `Like this:`), side bars of other articles'
    headlines (`RECENT NEWS`, `Read also`), a `Subjects:` footer, reader comments

Aggregators' copies add their own lines at the top (the outlet's name alone, `·1 min read`, a
repost date, a comment count) and widget text at the end; the headline is the line before them.

`parse` reads a file in small steps: the header, the front matter (headline, byline or an
aggregator's lines), the lead (repeated headline, caption), the body lines (run through the
named line rules below), then the dates and the outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..dates import MONTHS, local_time, weekday_warning
from ..model import Document
from .common import first_rule, paragraphs, short_title, split_glued
from .up_lines import (  # the line rules, as data
    _AGGREGATOR,
    _ARTICLE_LABEL,
    _BODY_RULES,
    _BYLINE,
    _BYLINE_HINT,
    _CAPTION,
    _COMMENT_COUNT,
    _COMMENTS,
    _FRONT_JUNK,
    _FULL_STOP,
    _HEADER,
    _HEADLINE_WORDS,
    _PROSE_WORDS,
    _RELATED,
    _REPUBLISHED_BY,
    _SECTION_CONNECTORS,
    _SECTION_MAX_WORDS,
    _SECTION_PUNCTUATION,
    _SIDEBAR,
    _SOURCE_MAX_WORDS,
    _SOURCE_NO_COLON,
    _SUBJECTS,
    _SUBJECTS_TAGS,
    _VERB,
)

OUTLET = "Ukrainska Pravda"

# --- Detection ----------------------------------------------------------------------------------


def _is_byline(line: str) -> bool:
    return len(line) < 300 and bool(_BYLINE_HINT.search(line)) and bool(_BYLINE.match(line.strip()))


def _aggregator_signals(lines: list[str]) -> bool:
    """The outlet's name alone on a line and another aggregator line (reading time, repost date,
    comment count): an aggregator's copy even without the export header or byline."""
    names = {first_rule((*_AGGREGATOR, _COMMENT_COUNT), line.strip()) for line in lines}
    return "outlet name" in names and len(names - {None}) >= 2


NAME = "up"


def detect(text: str) -> bool:
    """True when the first lines carry this outlet's export header, its glued byline, or an
    aggregator's lines around the outlet's name."""
    lines = [line for line in text.split("\n", 40)[:40] if line.strip()][:8]
    if any(_HEADER.match(line) or _is_byline(line) for line in lines):
        return True
    return _aggregator_signals(lines)


# --- The export header --------------------------------------------------------------------------


@dataclass(slots=True)
class _Header:
    at: int | None = None  # row of the header line
    day: date | None = None
    section: str | None = None
    caption: str | None = None  # a photo caption on the header line
    glued: str = ""  # a lead on the header line: the first line of the text
    warnings: list[str] = field(default_factory=list)


def _is_section_label(text: str) -> bool:
    """A few capitalised words without sentence punctuation ("All Sections", "Economy"), as
    opposed to a lead sentence or a photo caption glued to the header."""
    words = text.split()
    if not 0 < len(words) <= _SECTION_MAX_WORDS or len(text) > 40 or _SECTION_PUNCTUATION.search(text):
        return False
    label = (w[0].isupper() or w[0].isdigit() or w in _SECTION_CONNECTORS for w in words)
    return words[0][0].isupper() and all(label)


def _read_header(rows: list[str], nonempty: list[int]) -> _Header:
    at = next((i for i in nonempty[:5] if _HEADER.match(rows[i])), None)
    if at is None:
        return _Header()
    m = _HEADER.match(rows[at])
    header = _Header(at=at)
    try:
        header.day = date.fromisoformat(m.group(1))
    except ValueError:
        header.warnings.append(f"export header has an impossible date {m.group(1)}")
    rest = m.group(2)
    if _is_section_label(rest):
        header.section = rest
    elif len(rest) < 300 and _CAPTION.search(rest):
        header.caption = rest
    else:
        header.glued = rest
    return header


# --- Front matter: headline, byline, an aggregator's lines ----------------------------------------


@dataclass(slots=True)
class _Front:
    title: str = ""
    site: list[str] = field(default_factory=list)  # lines above the headline: a republisher's name
    byline: re.Match[str] | None = None
    body_from: int = 0


def _from_byline(rows: list[str], nonempty: list[int], byline_at: int) -> _Front:
    """The headline is the last line above the byline that is not junk; lines above it name the site."""
    prelude = [rows[i].strip() for i in nonempty if i < byline_at]
    prelude = [line for line in prelude if not first_rule(_FRONT_JUNK, line)]
    front = _Front(byline=_BYLINE.match(rows[byline_at].strip()), body_from=byline_at + 1)
    if prelude:
        front.title, front.site = prelude[-1], prelude[:-1]
    return front


def _headlines_only(lines: list[str]) -> bool:
    """At most a site line and a headline: short lines that are not prose."""
    return len(lines) <= 2 and not any(len(line) > 300 or _is_prose(line) for line in lines)


def _from_aggregator(rows: list[str], window: list[int]) -> _Front | None:
    """An aggregator's copy without a byline: the headline is the line before its lines (at most a
    site line above that), and the text starts after the last of them. A bare number alone is no
    sign of an aggregator, and article paragraphs above its lines mean these are not its lines."""
    signs = [i for i in window if first_rule(_AGGREGATOR, rows[i].strip())]
    if not signs:
        return None
    above = [rows[i].strip() for i in window if i < signs[-1]]
    above = [line for line in above if not first_rule(_FRONT_JUNK, line)]
    if not _headlines_only(above):
        return None
    front = _Front(body_from=signs[-1] + 1)
    if above:
        front.title, front.site = above[-1], above[:-1]
    return front


def _read_front(rows: list[str], nonempty: list[int], start: int) -> _Front:
    window = [i for i in nonempty[:10] if i >= start]
    byline_at = next((i for i in window if _BYLINE.match(rows[i].strip())), None)
    if byline_at is not None:
        return _from_byline(rows, nonempty, byline_at)
    return _from_aggregator(rows, window) or _Front(body_from=start)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _take_caption(rows: list[str], title: str, caption: str | None) -> str | None:
    """Blank the headline repeated under the byline, an aggregator's lines and the photo caption
    at the top of the text, up to its first line of text; return the caption (the header's, when
    it had one glued)."""
    for i in [i for i, line in enumerate(rows) if line.strip()][:6]:
        line = rows[i].strip()
        if (title and _same(line, title)) or first_rule(_FRONT_JUNK, line):
            rows[i] = ""
        elif caption is None and len(line) < 300 and _CAPTION.search(line):
            rows[i], caption = "", line
        else:
            break
    return caption


# --- The body -------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Body:
    kept: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    in_sidebar: bool = False
    want_tags: bool = False  # `Subjects:` alone: the tags are on the next line
    sidebar_lines: int = 0
    warnings: list[str] = field(default_factory=list)


def _is_prose(line: str) -> bool:
    """Clearly the article's text again, which ends a side bar (see the rule above `_ARTICLE_LABEL`)."""
    words = len(line.split())
    if _ARTICLE_LABEL.match(line) or words >= _HEADLINE_WORDS:
        return True
    return words >= _PROSE_WORDS and bool(_FULL_STOP.search(line))


def _source_line(line: str) -> str:
    """`Source RBC-Ukraine` -> `Source: RBC-Ukraine`, so the extractor sees one form; prose that
    starts with the word ("Source code was leaked") is left alone."""
    m = _SOURCE_NO_COLON.fullmatch(line)
    if not m or _VERB.search(m.group(2)) or re.search(r"[.!?]\W*$", m.group(2)):
        return line
    if len(m.group(2).split()) > _SOURCE_MAX_WORDS:
        return line
    return f"{m.group(1)}: {m.group(2)}"


def _keep(body: _Body, line: str) -> None:
    body.in_sidebar = False
    body.kept.append(line.strip() if line.lstrip().startswith("•") else _source_line(line.lstrip()))


def _take_tags(body: _Body, stripped: str) -> None:
    body.subjects = split_glued(_SUBJECTS_TAGS.match(stripped).group(1))
    body.want_tags = not body.subjects
    body.in_sidebar = True  # other articles' headlines often follow the tags


def _read_line(body: _Body, line: str, rule: str | None) -> None:
    """One non-blank body line, by the rule it matched (None: a line of text)."""
    stripped = line.strip()
    if rule == _SUBJECTS:
        _take_tags(body, stripped)
    elif rule in (_RELATED, _SIDEBAR):
        body.sidebar_lines += 1
        body.in_sidebar = body.in_sidebar or rule == _SIDEBAR
    elif rule is not None:
        pass  # boilerplate
    elif body.want_tags and not _is_prose(stripped):
        body.subjects, body.want_tags = split_glued(stripped), False
    elif body.in_sidebar and not _is_prose(stripped):
        body.sidebar_lines += 1
    else:
        _keep(body, line)


def _read_body(rows: list[str]) -> _Body:
    """Run the body lines through `_BODY_RULES`. A side bar (`RECENT NEWS`, `Read also`, what
    follows `Subjects:`) runs until a line that `_is_prose`, or to the end; `Read also: X` is one
    line. Reader comments end the article."""
    body = _Body()
    for i, line in enumerate(rows):
        stripped = line.strip()
        if not stripped:
            continue
        rule = first_rule(_BODY_RULES, stripped)
        if rule == _COMMENTS and body.kept:
            dropped = sum(1 for rest in rows[i:] if rest.strip())
            body.warnings.append(f"dropped {dropped} lines of reader comments after the article")
            break
        # A comments-like line before any text cannot end the article: it is read as text.
        _read_line(body, line, None if rule == _COMMENTS else rule)
    if body.sidebar_lines:
        n = body.sidebar_lines
        lines = "line" if n == 1 else "lines"
        body.warnings.insert(0, f"dropped {n} {lines} of other articles' headlines (side bars)")
    return body


# --- Dates, author, outlet ------------------------------------------------------------------------


@dataclass(slots=True)
class _When:
    published: datetime | None = None
    date_only: bool = False
    warnings: list[str] = field(default_factory=list)


def _byline_day(byline: re.Match[str], warnings: list[str]) -> date | None:
    try:
        day = date(int(byline.group("year")), MONTHS[byline.group("month")], int(byline.group("day")))
    except ValueError:
        warnings.append(f"byline has an impossible date: {byline.group(0)[-40:]}")
        return None
    warn = weekday_warning(byline.group("weekday"), day)
    if warn:
        warnings.append(warn)
    return day


def _byline_time(byline: re.Match[str], day: date, warnings: list[str]) -> tuple[datetime, bool]:
    """The published time, and whether it is only a date (no valid time in the byline)."""
    hour, minute = byline.group("hour"), byline.group("minute")
    if hour is None or int(hour) >= 24 or int(minute) >= 60:
        return local_time(day.year, day.month, day.day)[0], True
    published, warn = local_time(day.year, day.month, day.day, int(hour), int(minute))
    if warn:
        warnings.append(warn)
    return published, False


def _when(byline: re.Match[str] | None, header_day: date | None) -> _When:
    """The byline's date and time; else the export header's date (date only)."""
    when = _When()
    day = _byline_day(byline, when.warnings) if byline else None
    if day is not None:
        when.published, when.date_only = _byline_time(byline, day, when.warnings)
        if header_day and header_day != day:
            when.warnings.append(f"export header says {header_day} but the byline says {day}")
    if when.published is None and header_day:
        when.published = local_time(header_day.year, header_day.month, header_day.day)[0]
        when.date_only = True
    return when


def _author(byline: re.Match[str] | None) -> str | None:
    name = byline.group("author").strip(" ,|-–—") if byline else ""
    if not name or _REPUBLISHED_BY.match(name):
        return None
    return name.title() if name.isupper() else name


def _outlet(front: _Front) -> str:
    """The outlet, and the site that republished the story when the copy names one."""
    if front.site:
        return f"{OUTLET} via {re.split(r' [–—|-] ', ' '.join(front.site))[0]}"
    if front.byline and _REPUBLISHED_BY.match(front.byline.group("author").strip()):
        return f"{OUTLET} via Pravda Ukraine"
    return OUTLET


# --- The parser -----------------------------------------------------------------------------------


def parse(text: str) -> Document:
    """Read clean text in this layout: header, front matter, lead, body, then dates and outlet."""
    rows = [line.rstrip() for line in text.split("\n")]
    nonempty = [i for i, line in enumerate(rows) if line.strip()]
    header = _read_header(rows, nonempty)
    start = 0
    if header.at is not None:
        rows[header.at] = header.glued  # a lead glued to the header is text like any other
        start = header.at if header.glued else header.at + 1
        nonempty = [i for i in nonempty if rows[i].strip()]
    front = _read_front(rows, nonempty, start)
    body_rows = rows[front.body_from:]
    caption = _take_caption(body_rows, front.title, header.caption)
    body = _read_body(body_rows)
    text_body = paragraphs(body.kept)
    when = _when(front.byline, header.day)
    return Document(
        title=front.title or short_title(text_body),
        body=text_body,
        layout=NAME,
        author=_author(front.byline),
        published=when.published,
        date_only=when.date_only,
        section=header.section,
        outlet=_outlet(front),
        caption=caption,
        subjects=body.subjects,
        warnings=header.warnings + body.warnings + when.warnings,
    )
