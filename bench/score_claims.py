"""Score the claim extractor against a gold corpus in brat standoff (PolNeAR's layout).

    python bench/score_claims.py GOLD_DIR [--errors [N]] [--workers N] [--repeat N]

GOLD_DIR holds text/<article>.txt and attributions/<article>_<annotator>.ann (for example
../shared/corpus/polnear-train). The protocol is ../shared/corpus/README.md's "How who-said-what
is scored", implemented in reader/evaluate.py. With --errors it lists misses and false alarms with
their context (N of each, default 25).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.evaluate import evaluate, slim  # noqa: E402
from reader.extract import find_claims  # noqa: E402
from reader.ingest import worker_setup  # noqa: E402
from reader.layouts import parse  # noqa: E402
from reader.text import decode  # noqa: E402


def extract(name: str, data: bytes):
    """What is timed: the file's bytes decoded, read as an article (plain-text layout), and its
    claims found. Ids, fingerprints and the store, which ingest adds, are not extraction."""
    doc = parse(decode(data).text)
    return slim(find_claims(doc.body, doc.title))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--errors", type=int, nargs="?", const=25, default=0, metavar="N")
    parser.add_argument("--seed", type=int, default=1, help="which errors are sampled")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the extraction (default: every core); 1 for a single core")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs of the extraction, each in fresh processes; the fastest is reported (default 3)")
    args = parser.parse_args()
    if not (args.gold / "text").is_dir() or not (args.gold / "attributions").is_dir():
        sys.exit(f"score_claims: {args.gold} has no text/ and attributions/ folders")
    score = evaluate(args.gold, extract, keep_errors=bool(args.errors), workers=args.workers, setup=worker_setup,
                     repeat=args.repeat)
    q, r = score.quotes, score.reported
    runs = f"best of {len(score.runs)} runs, median {score.median_per_second:,.0f}; " if len(score.runs) > 1 else ""
    print(f"articles: {score.articles}, extraction {score.per_second:,.0f} articles/s "
          f"({runs}{args.workers} process{'es' if args.workers > 1 else ''}; "
          f"{score.per_cpu_second:,.0f} articles per processor-second)")
    print(f"direct quotes:   P {q.precision:6.1%}  R {q.recall:6.1%}  F1 {q.f1:6.1%}   "
          f"(predicted {q.predicted}, correct {q.correct}; gold {q.gold}, found {q.found})")
    print(f"speakers, named: {score.speaker_accuracy:6.1%}   ({score.speakers_right} of {score.speakers_judged})")
    print(f"reported speech: P {r.precision:6.1%}  R {r.recall:6.1%}  F1 {r.f1:6.1%}   "
          f"(predicted {r.predicted}, correct {r.correct}; gold {r.gold}, found {r.found})")
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
