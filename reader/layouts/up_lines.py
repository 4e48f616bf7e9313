"""The Ukrainska Pravda layout's line rules, as data: the export header, the byline, captions,
boilerplate, side bars and the other lines that are never the article's text. Read by up.py.
See ../shared/docs/up-format.md for the layout and its variants.
"""

from __future__ import annotations

import re

from ..dates import MONTHS, WEEKDAYS
from .common import Rule

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
_REPUBLISHED_BY = re.compile(r"^pravda ukraine$", re.I)

# --- Line rules: each matches a whole stripped line. ------------------------------------------

# Boilerplate: never the article's text, wherever it stands.
_BOILERPLATE: tuple[Rule, ...] = (
    ("advertisement", re.compile(r"advertisement(?:\s*[:–—-].*)?", re.I)),
    ("donation", re.compile(
        r"support (?:ukrainska pravda|up)\b.*|.*\bbecome (?:our|a) patron\b.*|support us[.!]?", re.I
    )),
    ("social", re.compile(r"follow us on \w+.*", re.I)),
    ("sharing widget", re.compile(r"like this:?|like loading\.*|share this:?", re.I)),
    ("aggregator widget", re.compile(r"oops!?\s+something went wrong\b.*|please try again later\b.*", re.I)),
)
# An aggregator's own lines at the top of its copy (also dropped further down: never article text).
_AGGREGATOR: tuple[Rule, ...] = (
    ("outlet name", re.compile(
        r"(?:ukrainska|ukrayinska) pravda(?: \(english\)| english)?|pravda ukraine", re.I
    )),
    ("reading time", re.compile(r"[·•]?\s*\d{1,3}\s*min(?:ute)?s?\s+read", re.I)),
    ("repost date", re.compile(
        r"[•·]\s*\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?:\s*[AP]M)?)?", re.I
    )),
)
# A bare number is an aggregator's comment count only among the first lines (front matter).
_COMMENT_COUNT: Rule = ("comment count", re.compile(r"\d{1,6}"))
_JUNK = _BOILERPLATE + _AGGREGATOR
_FRONT_JUNK = (*_JUNK, _COMMENT_COUNT)

# Body lines that are not text: what the body reader does with each is named in `_read_body`.
_RELATED = "related headline"  # `Read also: <headline>`: that one line is another article's
_SIDEBAR = "side bar"  # `RECENT NEWS`, `Read also`: the heading of a block of other headlines
_SUBJECTS = "subjects"  # `Subjects:` tags footer; what follows it is a side bar too
_COMMENTS = "reader comments"  # the start of reader comments: the article has ended
_BODY_RULES: tuple[Rule, ...] = (
    *_JUNK,
    (_RELATED, re.compile(r"(?:read|see) (?:also|more)\s*:\s*\S.*", re.I)),
    (_SIDEBAR, re.compile(
        r"(?:(?:recent|latest|more|related|popular|top) news|read also|see also|most read"
        r"|related(?: articles| stories)?)\s*:?",
        re.I,
    )),
    (_SUBJECTS, re.compile(r"subjects:.*", re.I)),
    (_COMMENTS, re.compile(
        r"\d+\s+(?:comments?|responses?|thoughts?|replies)\b.*"
        r"|(?:leave a (?:reply|comment)|comments?|reader comments|responses?)\s*:?",
        re.I,
    )),
)
_SUBJECTS_TAGS = re.compile(r"subjects:\s*(.*)", re.I)

# Where a side bar ends: at the first line that is clearly the article's prose again. Headlines
# are short and never end with a full stop; article paragraphs do, or are labelled (`Quote:`,
# `Details:` ...) or bulleted, or are longer than any headline.
_ARTICLE_LABEL = re.compile(
    r"(?:Quote(?: from [^:]{1,80})?|Details|Background|Sources?|Update|Reminder)\s*:|\s*[•·▪●◦‣∙]\s"
)
_FULL_STOP = re.compile(r"(?:\.|…)[\"'”’»)\]]*$")
_PROSE_WORDS = 4  # a full-stopped line of at least this many words is prose
_HEADLINE_WORDS = 25  # no headline runs this long

# A section label glued to the header: a few capitalised words ("All Sections", "Economy").
_SECTION_CONNECTORS = {"and", "of", "the", "&", "-", "–", "—", "/"}
_SECTION_MAX_WORDS = 5
_SECTION_PUNCTUATION = re.compile(r"[.,;:!?\"“”«»()\[\]]")

# `Source RBC-Ukraine`: the `Source:` line without its colon. Only an outlet-like name, not prose:
# it starts with a capital or a digit, has no colon, no full stop at the end, no verb, few words.
_SOURCE_NO_COLON = re.compile(r"(Sources?)[ \t]+([A-Z0-9«\"“][^:]*)")
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could|may|might|must"
    r"|shall|should|says?|said|told|tells?|reports?|reported|claims?|claimed|states?|stated|adds?|added"
    r"|notes?|noted|writes?|wrote|confirms?|confirmed|denies|denied|shows?|showed|revealed|leaked)\b",
    re.I,
)
_SOURCE_MAX_WORDS = 20
