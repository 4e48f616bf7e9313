"""`newsreader stats`: the figures a researcher would rather look at than read, worked out once
for the command line (--json, or text with bars) and the app's charts. Over the claims a query
asks for (every claim by default), as you see them (your tags and corrections):

    claims per week (of the article's date), and how many you have judged
    the tag's share (stated, denied, unknown, not a claim, untagged), overall, per speaker and
    per outlet (most claims first)
    your annotations per week (when you made them): progress over time
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime

from .claim_items import annotators_of, item_of
from .corrections import as_seen
from .dates import every_week, week_of
from .model import Annotation
from .query import EVERYTHING, fields_in, matches
from .roster import names_of
from .states import claim_state

STATES = ("stated", "denied", "unknown", "not_a_claim", "untagged")
SHOWN = 10  # speakers and outlets listed, most claims first


@dataclass(slots=True)
class Stats:
    claims: int = 0
    tags: dict[str, int] = field(default_factory=dict)
    weeks: dict[str, int] = field(default_factory=dict)  # week -> claims in articles of that week
    judged_weeks: dict[str, int] = field(default_factory=dict)  # week -> of those, judged by you
    by_speaker: dict[str, dict[str, int]] = field(default_factory=dict)
    by_outlet: dict[str, dict[str, int]] = field(default_factory=dict)
    progress: dict[str, int] = field(default_factory=dict)  # week -> your annotations made that week

    def to_dict(self) -> dict:
        return asdict(self)


def stats(store, where=EVERYTHING) -> Stats:
    tags, weeks, judged, progress = Counter(), Counter(), Counter(), Counter()
    speakers: dict[str, Counter] = {}
    outlets: dict[str, Counter] = {}
    claims = 0
    names = names_of(store)
    for s in store.summaries():
        notes = store.annotations(s.id)
        article = as_seen(store.article(s.id), notes)
        annotators = annotators_of(store, s.id) if "annotator" in fields_in(where) else {}
        for c in article.claims:
            note = notes.get(c.id)
            item = item_of(article, c, note, annotators.get(c.id, ()), names)
            if not matches(where, item):
                continue
            claims += 1
            state = claim_state(note).key
            tags[state] += 1
            speakers.setdefault(item.person or item.speaker or "(no speaker found)", Counter())[state] += 1
            outlets.setdefault(item.outlet or "(outlet not known)", Counter())[state] += 1
            if item.published:
                weeks[week_of(item.published)] += 1
                judged[week_of(item.published)] += state != "untagged"
            _progress(progress, note)
    return Stats(claims, {k: tags[k] for k in STATES}, every_week(weeks), every_week(judged),
                 _top(speakers), _top(outlets), every_week(progress))


def _progress(progress: Counter, note: Annotation | None) -> None:
    if note is not None and note.done and note.at:
        try:
            progress[week_of(datetime.fromisoformat(note.at).date())] += 1
        except ValueError:
            pass


def _top(groups: dict[str, Counter]) -> dict[str, dict[str, int]]:
    ranked = sorted(groups.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))[:SHOWN]
    return {name: {k: counts[k] for k in STATES} for name, counts in ranked}
