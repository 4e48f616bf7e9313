"""The Ukrainska Pravda plain-text layout and its variants (see docs in ../shared/docs/up-format.md).

    " date 2025-05-05 All Sections"          export header (optional)
    "Headline"                               (optional)
    "STANISLAV POHORILOVMonday, 5 May 2025, 13:16"   byline: author glued to the weekday (optional)
    "Headline"                               repeated: dropped
    "Putin. Photo: Getty Images"             photo caption: metadata
    paragraphs, `Source:`, `Quote:`, `Details:`, `Background:` and bullets
    boilerplate (ads, donation and social lines, `Like this:`), a `Subjects:` footer, reader comments
"""

from __future__ import annotations

import re
from datetime import date

from ..dates import MONTHS, WEEKDAYS, local_time, weekday_warning
from ..model import Document
from .common import paragraphs, short_title, split_glued

OUTLET = "Ukrainska Pravda"

_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*?)\s*$", re.I)
_BYLINE = re.compile(
    rf"^(?P<author>.*?)\s*(?P<weekday>{'|'.join(WEEKDAYS)}),?\s+(?P<day>\d{{1,2}})\s+"
    rf"(?P<month>{'|'.join(MONTHS)})\s+(?P<year>\d{{4}})(?:,?\s+(?P<hour>\d{{1,2}}):(?P<minute>\d{{2}}))?\s*$"
)
# What every byline holds: a weekday and a day of the month ("Monday, 3 March 2025").
_BYLINE_HINT = re.compile(r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+\d")
_CAPTION = re.compile(
    r"\b(?:Photo|Photos|Photograph|Image|Picture|Video|Collage|Illustration)(?: by)?:\s*\S", re.I
)
_BOILERPLATE = re.compile(
    r"^\s*(?:advertisement\b.*|support (?:ukrainska pravda|up)\b.*|.*\bbecome (?:our|a) patron\b.*"
    r"|follow us on \w+.*|support us[.!]?|like this:?|like loading\.*|share this:?|pravda ukraine)\s*$",
    re.I,
)
_COMMENTS = re.compile(
    r"^\s*(?:\d+\s+(?:comments?|responses?|thoughts?|replies)\b.*"
    r"|(?:leave a (?:reply|comment)|comments?|reader comments|responses?)\s*:?)\s*$",
    re.I,
)
_SUBJECTS = re.compile(r"^\s*Subjects:\s*(.*)$", re.I)
_REPUBLISHED_BY = re.compile(r"^pravda ukraine$", re.I)


def detect(text: str) -> bool:
    """True when the first lines carry this outlet's export header or glued byline."""
    seen = 0
    for line in text.split("\n", 40)[:40]:
        if not line.strip():
            continue
        if _HEADER.match(line) or (len(line) < 300 and _BYLINE_HINT.search(line) and _BYLINE.match(line.strip())):
            return True
        seen += 1
        if seen >= 8:
            break
    return False


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _author(raw: str) -> str | None:
    name = raw.strip(" ,|-–—")
    if not name or _REPUBLISHED_BY.match(name):
        return None
    return name.title() if name.isupper() else name


def parse(text: str) -> Document:
    rows = [line.rstrip() for line in text.split("\n")]
    warnings: list[str] = []
    nonempty = [i for i, line in enumerate(rows) if line.strip()]

    header_at = next((i for i in nonempty[:5] if _HEADER.match(rows[i])), None)
    header_date: date | None = None
    section = None
    if header_at is not None:
        m = _HEADER.match(rows[header_at])
        try:
            header_date = date.fromisoformat(m.group(1))
        except ValueError:
            warnings.append(f"export header has an impossible date {m.group(1)}")
        section = m.group(2) or None

    start = header_at + 1 if header_at is not None else 0
    byline_at = next(
        (i for i in nonempty[:10] if i >= start and _BYLINE.match(rows[i].strip())), None
    )

    title = ""
    site: list[str] = []
    byline = None
    if byline_at is not None:
        prelude = [
            rows[i].strip()
            for i in nonempty
            if i < byline_at and i != header_at and not _BOILERPLATE.match(rows[i])
        ]
        if prelude:
            title = prelude[-1]
            site = prelude[:-1]
        byline = _BYLINE.match(rows[byline_at].strip())
        body_from = byline_at + 1
    else:
        body_from = start

    body_rows = rows[body_from:]
    # The headline repeated under the byline, then an optional photo caption.
    lead = [i for i, line in enumerate(body_rows) if line.strip()][:3]
    caption = None
    for i in lead:
        line = body_rows[i].strip()
        if title and _same(line, title):
            body_rows[i] = ""
        elif caption is None and len(line) < 300 and _CAPTION.search(line):
            caption = line
            body_rows[i] = ""
            break
        else:
            break

    kept: list[str] = []
    subjects: list[str] = []
    for i, line in enumerate(body_rows):
        stripped = line.strip()
        if not stripped or _BOILERPLATE.match(stripped):
            continue
        m = _SUBJECTS.match(stripped)
        if m:
            subjects = split_glued(m.group(1))
            continue
        if _COMMENTS.match(stripped) and kept:
            dropped = sum(1 for rest in body_rows[i:] if rest.strip())
            warnings.append(f"dropped {dropped} lines of reader comments after the article")
            break
        kept.append(line.lstrip() if not line.lstrip().startswith("•") else line.strip())
    body = paragraphs(kept)

    author = None
    published = None
    date_only = False
    outlet = OUTLET
    if site:
        outlet = f"{OUTLET} via {re.split(r' [–—|-] ', ' '.join(site))[0]}"
    if byline:
        author = _author(byline.group("author"))
        if _REPUBLISHED_BY.match(byline.group("author").strip()) and not site:
            outlet = f"{OUTLET} via Pravda Ukraine"
        try:
            day = date(int(byline.group("year")), MONTHS[byline.group("month")], int(byline.group("day")))
        except ValueError:
            warnings.append(f"byline has an impossible date: {byline.group(0)[-40:]}")
            day = None
        warn = day and weekday_warning(byline.group("weekday"), day)
        if warn:
            warnings.append(warn)
        if day is None:
            pass
        elif byline.group("hour") is not None and int(byline.group("hour")) < 24 and int(byline.group("minute")) < 60:
            published, warn = local_time(
                day.year, day.month, day.day, int(byline.group("hour")), int(byline.group("minute"))
            )
            if warn:
                warnings.append(warn)
        else:
            published, _ = local_time(day.year, day.month, day.day)
            date_only = True
        if header_date and day and header_date != day:
            warnings.append(f"export header says {header_date} but the byline says {day}")
    if published is None and header_date:
        published, _ = local_time(header_date.year, header_date.month, header_date.day)
        date_only = True

    if not title:
        title = short_title(body)
    return Document(
        title=title,
        body=body,
        layout="up",
        author=author,
        published=published,
        date_only=date_only,
        section=section,
        outlet=outlet,
        caption=caption,
        subjects=subjects,
        warnings=warnings,
    )
