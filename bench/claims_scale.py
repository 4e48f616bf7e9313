"""Benchmark: the claims view at a million claims (issue 14). Builds a store of distinct articles
from a corpus (ingest_and_tag.make_corpus) until it holds --claims claims, annotates a share of
them as two annotators (you and another), then measures what the claims view does, as it does it
(claim_listing, claim_pages), and the speakers view (roster_db): opening (the annotations laid over the claims, the count and the
first screen of rows), each query of QUERIES (count and first screen), a page deep in the list,
the next page from there, finding a claim's row, the next untagged claim, and each column's order.

    python bench/claims_scale.py --corpus ../shared/corpus/bbc --claims 1000000 [--store DIR]

--store keeps the store built there (and uses it when it is already built).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest_and_tag import make_corpus  # noqa: E402
from reader.claim_listing import listing_of, quick_listing  # noqa: E402
from reader.claim_pages import STEP, ClaimPages  # noqa: E402
from reader.claims_view import ORDER  # noqa: E402
from reader.ingest import ingest  # noqa: E402
from reader.model import Annotation  # noqa: E402
from reader.query import parse  # noqa: E402
from reader.roster_db import roster_of, weeks_of  # noqa: E402
from reader.store import Store  # noqa: E402

SCREEN = 40  # rows on a screen
QUERIES = ["", "government", '"prime minister"', "speaker:blair", "speaker:brown kind:quote (tax OR taxes)",
           "is:untagged", "tag:denied", "is:doubtful conf:<0.6", "kind:quote -speaker:blair", "annotator:them",
           "outlet:bbc", "after:2005-01-01", "economy OR growth", "-tag:none is:doubtful"]


def build(folder: Path, corpus: Path, claims: int) -> Store:
    store = Store(folder / "store", annotator="me")
    if store.summaries():
        return store
    sample = folder / "sample"
    sample.mkdir()
    make_corpus(sample, 300, corpus)
    probe = Store(folder / "probe", annotator="me")
    ingest([str(sample)], probe)
    per = sum(s.claims for s in probe.summaries()) / max(len(probe.summaries()), 1)
    n = int(claims / per) + 1
    src = folder / "in"
    src.mkdir()
    make_corpus(src, n, corpus)
    t = time.perf_counter()
    ingest([str(src)], store)
    print(f"ingested {n:,} articles in {time.perf_counter() - t:.0f} s")
    annotate(store)
    return store


def annotate(store: Store) -> None:
    """2% of the claims tagged by you, 1% by another (drawn apart), put in as an import puts them."""
    rng = random.Random(14)
    rows = []
    for s in store.summaries():
        article = store.article(s.id)
        for c in article.claims:
            for who, share in (("me", 0.02), ("them", 0.01)):
                if rng.random() < share:
                    a = Annotation(c.id, article.id, c.text, c.start, c.end, tag=rng.choice(["stated", "denied", "unknown"]),
                                   annotator=who, at="2026-12-01T10:00:00")
                    rows.append((article.id, a.to_dict()))
    store.merge_rows(rows, lambda old, new: "added")
    print(f"annotated {len(rows):,} claims")


def timed(fn, runs: int = 3):
    times, out = [], None
    for _ in range(runs):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


def screen(listing, query, order=("date", True)):
    """What the view shows first: the query asked, its first screen of rows (counted after)."""
    pages = ClaimPages(listing.ask(parse(query)), order, count_later=True)
    return pages, pages[:SCREEN]


def measure(store: Store) -> None:
    cold, _ = timed(lambda: quick_listing(store), 1)  # (the annotation files read for the first time)
    quick, first_listing = timed(lambda: quick_listing(store))  # (as in the app, which has read them already)
    first, _ = timed(lambda: screen(first_listing, ""))
    print(f"open (every claim by date with your annotations, first screen): {quick + first:.0f} ms "
          f"({cold + first:.0f} ms with the annotation files read cold)")
    ms, listing = timed(lambda: listing_of(store))
    total = listing.total()
    anyone = listing.db.execute("SELECT count(*) FROM noted WHERE NOT shaped").fetchone()[0]
    print(f"{total:,} claims, {len(store.summaries()):,} articles, {len(listing.mine):,} claims you annotated, "
          f"{anyone:,} anyone did")
    print(f"then every annotation laid over them, for queries and other orders (on the store's thread, "
          f"the first screen showing): {ms:.0f} ms")
    rows = store.annotation_rows()
    for n in (0, 5_000, 10_000, 20_000, len(rows)):
        laid, _ = timed(lambda n=n: listing_of(store, rows[:n]))
        print(f"  laid over with {min(n, len(rows)):>6,} annotations: {laid:.0f} ms")
    print(f"{'query':44} {'claims':>9} {'first screen ms':>16} {'count ms':>9}")
    for q in QUERIES:
        ms, (pages, _) = timed(lambda q=q: screen(listing, q))
        counting, _ = timed(pages.count)
        print(f"{q or '(every claim)':44} {len(pages):>9,} {ms:>16.0f} {counting:>9.0f}")
    asked = listing.ask(parse(""))
    pages = ClaimPages(asked, ("date", True))
    middle = len(pages) // 2
    ms, _ = timed(lambda: ClaimPages(asked, ("date", True))[middle], 1)
    print(f"a page in the middle (row {middle:,}) from its offset: {ms:.0f} ms")
    marking, _ = timed(pages.mark, 1)
    ms, _ = timed(lambda: [pages[i] for i in (middle + 3_333, middle // 3, len(pages) - 5_000)], 1)
    print(f"every {STEP:,}th row marked (on the count's thread): {marking:.0f} ms; then a page anywhere "
          f"(a scroll bar dragged): {ms / 3:.0f} ms")
    _ = pages[middle]
    ms, _ = timed(lambda: pages[middle + 100], 1)
    print(f"the next page from there (on from the one before): {ms:.1f} ms")
    row = pages[middle]
    ms, at = timed(lambda: pages.position(*row.key))
    print(f"finding a claim's row (back from the reader): {ms:.0f} ms (row {at:,})")
    ms, _ = timed(lambda: pages.next_untagged(middle))
    print(f"the next untagged claim: {ms:.0f} ms")
    ms, speakers = timed(lambda: roster_of(listing), 1)
    weekly, _ = timed(lambda: weeks_of(listing, speakers[0]), 1)
    print(f"the speakers view: {len(speakers):,} speakers counted in {ms:.0f} ms; the chart of the first "
          f"({speakers[0].name}, {speakers[0].claims:,} claims) in {weekly:.0f} ms")
    for column in ORDER:
        for reverse in (True, False):
            ms, _ = timed(lambda c=column, r=reverse: ClaimPages(asked, (c, r))[:SCREEN])
            print(f"sorted by {column} {'▼' if reverse else '▲'}: {ms:.0f} ms")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--store", type=Path, help="build the store here and keep it (or use the one built there)")
    args = ap.parse_args()
    if args.store:
        args.store.mkdir(parents=True, exist_ok=True)
        measure(build(args.store, args.corpus, args.claims))
        return
    with tempfile.TemporaryDirectory() as tmp:
        measure(build(Path(tmp), args.corpus, args.claims))


if __name__ == "__main__":
    main()
