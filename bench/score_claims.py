"""Score the claim extractor against a gold corpus in brat standoff (PolNeAR's layout).

    python bench/score_claims.py GOLD_DIR [--folds 5] [--rules] [--errors [N]] [--workers N] [--repeat N]

GOLD_DIR holds text/<article>.txt and attributions/<article>_<annotator>.ann (for example
../shared/corpus/polnear-train). The protocol is ../shared/corpus/README.md's "How who-said-what
is scored", implemented in reader/evaluate.py. With --errors it lists misses and false alarms with
their context (N of each, default 25). With --folds K the articles are split into K folds by
article (a fixed shuffle, reader/evaluate.py's assign_folds) and every fold is reported on its own:
a rule is kept only if it helps on folds it was not written from. Every run also prints how the
claims of each rule fared and a reliability table (confidence band against the share of claims
whose span and speaker are both right), so work goes where the errors are.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.evaluate import BANDS, evaluate  # noqa: E402
from reader.extract import find_claims  # noqa: E402
from reader.gold import slim  # noqa: E402
from reader.ingest import worker_setup  # noqa: E402
from reader.layouts import parse  # noqa: E402
from reader.text import decode  # noqa: E402


def extract(name: str, data: bytes):
    """What is timed: the file's bytes decoded, read as an article (plain-text layout), and its
    claims found. Ids, fingerprints and the store, which ingest adds, are not extraction."""
    doc = parse(decode(data).text)
    return slim(find_claims(doc.body, doc.title))


def print_totals(score) -> None:
    q, r, s = score.quotes, score.reported, score.quotes_said
    print(f"direct quotes:   P {q.precision:6.1%}  R {q.recall:6.1%}  F1 {q.f1:6.1%}   "
          f"(predicted {q.predicted}, correct {q.correct}; gold {q.gold}, found {q.found})")
    print(f"  kind at word:  P {s.precision:6.1%}  R {s.recall:6.1%}  F1 {s.f1:6.1%}   "
          f"(predicted {s.predicted}, correct {s.correct}; gold {s.gold}, found {s.found})")
    print(f"speakers, named: {score.speaker_accuracy:6.1%}   ({score.speakers_right} of {score.speakers_judged})")
    print(f"reported speech: P {r.precision:6.1%}  R {r.recall:6.1%}  F1 {r.f1:6.1%}   "
          f"(predicted {r.predicted}, correct {r.correct}; gold {r.gold}, found {r.found})")


def print_folds(score) -> None:
    print("\nfold  articles  quote F1  quote F1 (kind at word)  named speakers  reported F1")
    for i, f in enumerate(score.folds, 1):
        print(f"{i:>4}  {f.articles:>8}  {f.quotes.f1:8.1%}  {f.quotes_said.f1:23.1%}  "
              f"{f.speaker_accuracy:14.1%}  {f.reported.f1:11.1%}")
    worst = (min(f.quotes.f1 for f in score.folds), min(f.quotes_said.f1 for f in score.folds),
             min(f.speaker_accuracy for f in score.folds), min(f.reported.f1 for f in score.folds))
    print(f"{'min':>4}  {'':>8}  {worst[0]:8.1%}  {worst[1]:23.1%}  {worst[2]:14.1%}  {worst[3]:11.1%}")


def print_groups(title: str, groups: dict, key) -> None:
    """Claims, span precision, and span-and-speaker right (over the claims whose speaker can be
    judged: a wrong span, or a gold source named, not a pronoun) per rule or per band."""
    print(f"\n{title:<24} claims  span right  judged  span+speaker right")
    for name, v in sorted(groups.items(), key=key):
        print(f"{name:<24} {v.claims:>6}  {v.precision:10.1%}  {v.judged:>6}  {v.accuracy:18.1%}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--errors", type=int, nargs="?", const=25, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=1, help="which errors are sampled")
    parser.add_argument("--folds", type=int, default=0, metavar="K",
                        help="also score K folds of the articles, each on its own (say 5)")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the extraction (default: every core); 1 for a single core")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the extraction, each in fresh processes; the fastest is reported (default 3)")
    args = parser.parse_args()
    if not (args.gold / "text").is_dir() or not (args.gold / "attributions").is_dir():
        sys.exit(f"score_claims: {args.gold} has no text/ and attributions/ folders")
    score = evaluate(args.gold, extract, keep_errors=bool(args.errors), workers=args.workers, setup=worker_setup,
                     repeat=args.repeat, folds=args.folds)
    runs = f"best of {len(score.runs)} runs, median {score.median_per_second:,.0f}; " if len(score.runs) > 1 else ""
    print(f"articles: {score.articles}, extraction {score.per_second:,.0f} articles/s "
          f"({runs}{args.workers} process{'es' if args.workers > 1 else ''}; "
          f"{score.per_cpu_second:,.0f} articles per processor-second)")
    print_totals(score)
    if score.folds:
        print_folds(score)
    print_groups("rule", score.rules, key=lambda item: -item[1].claims)
    order = [label for _, label in BANDS]
    print_groups("confidence", score.bands, key=lambda item: order.index(item[0]))
    if args.errors:
        rng = random.Random(args.seed)
        e = score.errors
        for title, rows in (("missed quotes", e.missed_quotes), ("false quotes", e.false_quotes),
                            ("wrong speakers", e.wrong_speakers), ("missed reported", e.missed_reported),
                            ("false reported", e.false_reported)):
            print(f"\n== {title}: {len(rows)} (showing {min(len(rows), args.errors)})")
            for article, context in rng.sample(rows, min(len(rows), args.errors)):
                print(f"- {article}: {context}")


if __name__ == "__main__":
    main()
