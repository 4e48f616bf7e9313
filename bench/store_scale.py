"""Benchmark: the store at size (issue 11). Builds N distinct articles from a corpus (each copy
made unique, see ingest_and_tag.make_corpus) and measures, for the code in --code (default this
checkout), each as a user runs it, in fresh processes:

    ingest (whole process), re-ingest of the unchanged files, one new file into the store,
    `newsreader tag` as a whole command (and on a one-article store, the baseline), `list --json`,
    and the store's bytes on disk per byte of article text.

    python bench/store_scale.py --corpus ../shared/corpus/bbc --articles 1000 10000 [--code DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest_and_tag import make_corpus  # noqa: E402


def timed(code: Path, *args: str) -> tuple[float, subprocess.CompletedProcess]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, env=env,
                          cwd=code)  # (python -m puts the working folder first on the path)
    return time.perf_counter() - t, proc


def best(code: Path, runs: int, *args: str) -> float:
    return min(timed(code, *args)[0] for _ in range(runs))


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def one_size(code: Path, n: int, corpus: Path, tmp: Path) -> dict:
    src = tmp / f"in-{n}"
    src.mkdir()
    make_corpus(src, n, corpus)
    text = sum(p.stat().st_size for p in src.rglob("*.txt"))
    store = tmp / f"store-{n}"
    s = ["--store", str(store)]
    ingest, proc = timed(code, *s, "ingest", "-q", str(src))
    again, _ = timed(code, *s, "ingest", "-q", str(src))
    extra = tmp / f"extra-{n}.txt"
    extra.write_text((ROOT / "seeds" / "000_44b2449007d2afe5.txt").read_text().replace("necessary", "needed now"))
    one_new, _ = timed(code, *s, "ingest", "-q", str(extra))
    claim = json.loads(timed(code, *s, "claims", "--json", json.loads(timed(code, *s, "list", "--json")[1].stdout)[0]["id"])[1].stdout)[0]["id"]
    tag = best(code, 3, *s, "tag", claim, "stated")
    small = tmp / f"small-{n}"
    timed(code, "--store", str(small), "ingest", "-q", str(extra))
    small_claim = json.loads(timed(code, "--store", str(small), "claims", "--json")[1].stdout)[0]["id"]
    tag_one = best(code, 3, "--store", str(small), "tag", small_claim, "stated")
    listing = best(code, 2, *s, "list", "--json")
    return {"articles": n, "ingest_per_s": n / ingest, "reingest_per_s": n / again, "one_new_s": one_new,
            "tag_s": tag, "tag_one_article_s": tag_one, "list_s": listing,
            "bytes_per_text_byte": size_of(store) / text, "ingest_output": proc.stdout.strip()}


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--code", type=Path, default=ROOT, help="a checkout of newsreader to measure")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        print("| articles | ingest/s | re-ingest/s | one new file | tag | tag, 1-article store | list --json | bytes per text byte |")
        print("|---|---|---|---|---|---|---|---|")
        for n in args.articles:
            r = one_size(args.code.resolve(), n, args.corpus, Path(tmp))
            print(f"| {n:,} | {r['ingest_per_s']:,.0f} | {r['reingest_per_s']:,.0f} | {r['one_new_s']:.2f} s | "
                  f"{r['tag_s'] * 1000:.0f} ms | {r['tag_one_article_s'] * 1000:.0f} ms | {r['list_s'] * 1000:.0f} ms | "
                  f"{r['bytes_per_text_byte']:.2f} |", flush=True)


if __name__ == "__main__":
    main()
