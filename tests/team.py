"""A store two annotators worked on, for the tests of exports and imports: every kind of
annotation there is (tags, notes, a speaker named, not a claim, a corrected span, an added claim,
an orphan), and a note that a spreadsheet would run as a formula."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from helpers import FIXTURES, SEED, fixed_clock
from reader.corrections import new_claim, span_change
from reader.ingest import ingest
from reader.model import Article
from reader.store import Store

MISSED = "planning a trip to the region from 13 to 16 May"
SHORT = "there are no specifics yet"
DROPPED = 'Trump added: "I’ll have to think about it. I haven’t thought about it yet."\n'
FORMULA = '=HYPERLINK("http://evil.example","checked")'


@dataclass
class Team:
    store: Store  # as "me"
    path: Path  # the article's file, as it is now
    article: Article


def team_store(tmp_path: Path, name: str = "store") -> Team:
    path = tmp_path / "article.txt"
    path.write_text(SEED.read_text())
    me = Store(tmp_path / name, annotator="me", clock=fixed_clock)
    them = Store(tmp_path / name, annotator="them", clock=fixed_clock)
    ingest([str(path)], me)
    (summary,) = me.summaries()
    article = me.article(summary.id)
    claims = {c.text: c for c in article.claims}
    peskov = next(c for c in article.claims if c.part == "body" and c.speaker == "Dmitry Peskov")
    me.annotate(article.id, peskov, tag="stated", note=FORMULA)
    them.annotate(article.id, peskov, tag="unknown", note="not sure\nasked twice")
    know = claims["I don’t know"]
    me.annotate(article.id, know, tag="denied", speaker="Donald J. Trump")
    source = next(c for c in article.claims if c.kind == "source")
    me.annotate(article.id, source, not_a_claim=True)
    short = claims[SHORT]
    me.change(article.id, short, {"span": span_change(short, article.body, short.start - 1, short.end + 1), "tag": "unknown"})
    start = article.body.index(MISSED)
    added = new_claim(article, "me", start, start + len(MISSED))
    me.change(article.id, added, {"added": added.kind, "speaker": "Donald Trump", "tag": "stated"})
    gone = next(c for c in article.claims if c.text.startswith("I’ll have to think"))
    them.annotate(article.id, gone, tag="denied", note="he did think")
    path.write_text(SEED.read_text().replace(DROPPED, ""))
    ingest([str(path)], me)
    return Team(me, path, me.article(article.id))


def judgements(store: Store, article_id: str, with_orphan_ids: bool = True) -> set[tuple]:
    """Every annotator's annotations of an article, as what they said of which words."""
    out = set()
    for a in store.everyone(article_id):
        span = (a.span["start"], a.span["end"]) if a.span else None
        claim = a.claim_id if with_orphan_ids or not a.orphaned else None
        out.add((claim, a.annotator, a.text, a.tag, a.note, a.speaker, a.not_a_claim, span, a.added, a.orphaned))
    return out


GOLD_TEXT = (FIXTURES / "plain" / "bbc_like.txt").read_text()


def span(words):
    start = GOLD_TEXT.index(words)
    return start, start + len(words)


def gold_file(folder):
    """A small gold file in PolNeAR's layout: text/NAME.txt and attributions/NAME_a1.ann."""
    (folder / "text").mkdir()
    (folder / "attributions").mkdir()
    (folder / "text" / "rail.txt").write_text(GOLD_TEXT)
    lines, n = [], 0
    for source, cue, content in [
        ("the rail industry body", "has announced", "Rail fares in England will rise by 3.9% in January"),
        ("The Association of Train Operating Companies (Atoc)", "said", "the increase was needed to pay for new trains"),
        ("Atoc chief executive George Muir", "said", "Passengers will see the benefits of this investment within two years"),
        ("Rail", "to rise", "Rail fares to rise above inflation"),  # the headline: not in the body
    ]:
        refs = []
        for label, words in (("Source", source), ("Cue", cue), ("Content", content)):
            n += 1
            s, e = span(words)
            lines.append(f"T{n}\t{label} {s} {e}\t{words}")
            refs.append(f"T{n}")
        lines.append(f"E{n}\tAttribution:{refs[1]} Content:{refs[2]} Cue:{refs[1]} Source:{refs[0]}")
    (folder / "attributions" / "rail_a1.ann").write_text("\n".join(lines) + "\n")
    return folder / "attributions" / "rail_a1.ann"


def disagree(folder: Path, claims: int = 2):
    """alice and bob judge the first claims of the store's first article differently: (article, claims)."""
    alice, bob = Store(folder, annotator="alice", clock=fixed_clock), Store(folder, annotator="bob", clock=fixed_clock)
    article = alice.article(alice.summaries()[0].id)
    body = [c for c in article.claims if c.part == "body"][:claims]
    for c in body:
        alice.annotate(article.id, c, tag="stated", note="alice read it so")
        bob.annotate(article.id, c, tag="denied")
    return article, body
