"""Run the reliability suite and print its table: trials, failures and data lost, per case.

    .venv/bin/python bench/reliability.py                 # this checkout, the issue's sizes (x2)
    .venv/bin/python bench/reliability.py --scale 1       # the sizes CI runs
    .venv/bin/python bench/reliability.py --code DIR      # another checkout's reader/ (say, an
                                                          # older commit in a git worktree)

The suite is tests/reliability; each trial records its outcome (see tests/trials.py). With
--code, the trials of this checkout run against the package found in DIR, so one suite gives
the figures before and after a change.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose reader/ is tried")
    parser.add_argument("--scale", type=float, default=2.0, help="trials per case, times CI's count")
    parser.add_argument("pytest_args", nargs="*", help="passed to pytest (say, -k kill)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "trials.jsonl"
        environ = {
            **os.environ,
            "NEWSREADER_TRIALS": str(report),
            "NEWSREADER_TRIALS_SCALE": str(args.scale),
            "PYTHONPATH": os.pathsep.join([str(args.code.resolve()), str(ROOT / "tests")]),
        }
        subprocess.run([sys.executable, "-m", "pytest", "-q", str(ROOT / "tests" / "reliability"),
                        *args.pytest_args], env=environ, cwd=tmp)
        rows = [json.loads(line) for line in report.read_text().splitlines()] if report.exists() else []
    print_table(rows, args.code)
    return 0


def print_table(rows: list[dict], code: Path) -> None:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        groups[row["group"]].append(row)
    print(f"\nReliability trials of {code}:\n")
    print("| case | trials | failures | data lost | first failure |")
    print("|---|---:|---:|---:|---|")
    for group, trials in groups.items():
        failed = [t for t in trials if not t["ok"]]
        lost = sum(t["lost"] for t in trials)
        first = " ".join(failed[0]["detail"].replace("|", "/").split()) if failed else ""
        print(f"| {group} | {len(trials)} | {len(failed)} | {lost or ''} | {first[:140]} |")
    total = len(rows)
    print(f"\n{total} trials, {sum(not r['ok'] for r in rows)} failed.")


if __name__ == "__main__":
    sys.exit(main())
