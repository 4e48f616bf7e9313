"""Benchmark: exports and imports at size (issue 12). Builds a store of N distinct articles from a
corpus (see ingest_and_tag.make_corpus), gives two annotators annotations (alice the first two
claims of every article, a tag and a note; bob the first claim, another tag), then times, as a
user runs them (whole commands, fresh processes):

    `newsreader export --format F -o FILE` for every format, with the file's size;
    `newsreader import FILE` of the w3c and jsonl exports into the same store as another user
    (every annotation found again, nothing to change: the anchoring's cost).

    python bench/interchange.py --corpus ../shared/corpus/bbc --articles 1000 10000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest_and_tag import make_corpus  # noqa: E402
from reader.model import Annotation  # noqa: E402
from reader.store import Store  # noqa: E402

FORMATS = ("json", "w3c", "jsonl", "csv", "brat")


def newsreader(*args: str) -> tuple[float, subprocess.CompletedProcess]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env={
        **env, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    if proc.returncode != 0:
        raise SystemExit(f"newsreader {' '.join(args)} failed: {proc.stderr.strip()}")
    return time.perf_counter() - t, proc


def annotate(store: Store) -> int:
    rows = []
    for s in store.summaries():
        claims = [c for c in store.article(s.id).claims if c.part == "body"][:2]
        for n, c in enumerate(claims):
            for who, tag in (("alice", "stated"), ("bob", "denied"))[: 2 - n]:
                a = Annotation(claim_id=c.id, article_id=s.id, text=c.text, start=c.start, end=c.end, tag=tag,
                               note=f"{who} checked this" if who == "alice" else "", annotator=who,
                               at="2026-01-02T03:04:05+00:00", within=c.within)
                rows.append((s.id, a.to_dict()))
    return sum(store.merge_rows(rows, lambda old, new: "added").values())


def size(path: Path) -> int:
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def one_size(n: int, corpus: Path, tmp: Path) -> None:
    src = tmp / f"in-{n}"
    src.mkdir()
    make_corpus(src, n, corpus)
    folder = tmp / f"store-{n}"
    newsreader("--store", str(folder), "ingest", "-q", str(src))
    annotations = annotate(Store(folder, annotator="alice"))
    print(f"\n{n:,} articles, {annotations:,} annotations by 2 annotators\n")
    print("| command | time | output |")
    print("|---|---|---|")
    for form in FORMATS:
        out = tmp / f"export-{n}.{form}"
        spent, _ = newsreader("--store", str(folder), "export", "--format", form, "-o", str(out))
        print(f"| export --format {form} | {spent:.2f} s | {size(out) / 1e6:.1f} MB |", flush=True)
    for form in ("w3c", "jsonl"):
        spent, proc = newsreader("--store", str(folder), "--annotator", "carol", "import", "-q", str(tmp / f"export-{n}.{form}"))
        print(f"| import {form} ({annotations / spent:,.0f} annotations/s) | {spent:.2f} s | {proc.stdout.strip()} |", flush=True)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.articles:
            one_size(n, args.corpus, Path(tmp))


if __name__ == "__main__":
    main()
