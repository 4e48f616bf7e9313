"""Measure what the extractor's confidence is worth, and write the table that calibrates it.

    python bench/calibrate.py GOLD_DIR [--folds 5] [--write]

GOLD_DIR is a gold corpus in PolNeAR's layout (for example ../shared/corpus/polnear-train). Every
article is extracted with raw scores (no calibration); each claim is judged on its own as
reader/evaluate.py's `judge` does: right when its span lies in a gold attribution and its speaker
shares a content word with the gold source. Where the gold names its source by a pronoun ("he
said"), a claim is right when it names the speaker by the same pronoun and resolved it to someone
(the gold cannot say whether to the right one); other claims in pronoun-sourced gold are not judged.

Cross-validation first: for each fold (assign_folds, fixed shuffle by article), the table is
fitted on the other folds and applied to this one, and the reliability table of the held-out
claims is printed (confidence band against measured share right), with the share right at
confidence >= 0.8. With --write the table fitted on every article is written to
reader/extract/calibration.json (shares only: no article text).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.evaluate import BANDS, assign_folds, band_of, judge  # noqa: E402
from reader.extract import calibration, find_claims  # noqa: E402
from reader.gold import place, read_gold  # noqa: E402
from reader.layouts import parse  # noqa: E402
from reader.text import decode  # noqa: E402

MIN_JUDGED = 15  # fewer judged claims than this: the rule's share stands in
PRIOR = 10  # claims' worth of the rule's share mixed into each score's share
TABLE_PATH = ROOT / "reader" / "extract" / "calibration.json"


def _judged(item: tuple[Path, list]) -> list[tuple[str, float, bool]]:
    """(rule, raw score, right) of every judged claim of one article (see the docstring)."""
    path, gold = item
    data = path.read_bytes()
    doc = parse(decode(data).text)
    claims = find_claims(doc.body, doc.title)
    file_text = data.decode("utf-8", errors="replace")
    return [(j.placed.rule, round(j.placed.confidence, 2), j.right or j.same_pronoun)
            for j in judge(gold, place(file_text, claims)) if j.judged or j.same_pronoun]


def collect(folder: Path, workers: int) -> dict[str, list[tuple[str, float, bool]]]:
    """Per article, its judged claims with raw scores (the table emptied in the workers)."""
    calibration.TABLE = {}
    items = read_gold(folder)
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(_judged, items, chunksize=8)
    return {path.stem: rows for (path, _), rows in zip(items, results, strict=True)}


def fit(rows: list[tuple[str, float, bool]]) -> dict:
    """The shares right per rule, and per (rule, raw score) pulled toward the rule's."""
    by_rule: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_score: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rule, raw, right in rows:
        for tally in (by_rule[rule], by_score[calibration.key(rule, raw)]):
            tally[0] += 1
            tally[1] += right
    rules = {r: n_right / n for r, (n, n_right) in by_rule.items() if n >= MIN_JUDGED}
    scores = {}
    for k, (n, n_right) in by_score.items():
        prior = rules.get(k.split("|")[0])
        if n >= MIN_JUDGED and prior is not None:
            scores[k] = (n_right + PRIOR * prior) / (n + PRIOR)
    return {"rules": _rounded(rules), "scores": _rounded(scores)}


def _rounded(shares: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in sorted(shares.items())}


def reliability(rows: list[tuple[str, float, bool]], table: dict) -> dict[str, list[int]]:
    """Per confidence band: [claims, right] once the table calibrates the raw scores."""
    bands: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for rule, raw, right in rows:
        tally = bands[band_of(calibration.confidence(rule, raw, table))]
        tally[0] += 1
        tally[1] += right
    return bands


def trusted(bands: dict[str, list[int]]) -> tuple[int, float]:
    """Claims at confidence >= 0.8, and the share of them right."""
    high = [bands[label] for floor, label in BANDS if floor >= calibration.TRUSTED]
    n, right = sum(t[0] for t in high), sum(t[1] for t in high)
    return n, right / n if n else 0.0


def print_bands(title: str, bands: dict[str, list[int]]) -> None:
    print(f"\n{title}\nconfidence  judged claims  share right")
    for _, label in BANDS:
        n, right = bands.get(label, [0, 0])
        print(f"{label:<10}  {n:>13}  {right / n if n else 0:11.1%}")


def cross_validate(by_article: dict, folds: int) -> None:
    fold = assign_folds(list(by_article), folds)
    print("fold  claims >= 0.8  right   (table fitted on the other folds)")
    held_all: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for k in range(folds):
        train = [r for a, rows in by_article.items() if fold[a] != k for r in rows]
        held = [r for a, rows in by_article.items() if fold[a] == k for r in rows]
        bands = reliability(held, fit(train))
        for label, (n, right) in bands.items():
            held_all[label][0] += n
            held_all[label][1] += right
        n, share = trusted(bands)
        print(f"{k + 1:>4}  {n:>13}  {share:6.1%}")
    print_bands("held-out claims of every fold, each calibrated by the other folds:", held_all)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--write", action="store_true", help=f"write the table fitted on all to {TABLE_PATH}")
    args = parser.parse_args()
    by_article = collect(args.gold, args.workers)
    every = [r for rows in by_article.values() for r in rows]
    print_bands("raw scores, uncalibrated:", reliability(every, {}))
    print()
    cross_validate(by_article, args.folds)
    if args.write:
        table = fit(every)
        TABLE_PATH.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"\nwrote {TABLE_PATH.relative_to(ROOT)}: {len(table['rules'])} rules, {len(table['scores'])} scores")


if __name__ == "__main__":
    main()
