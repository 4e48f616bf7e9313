"""Benchmark: ingest throughput end to end, and the cost of saving one tag.

    python bench/ingest_and_tag.py [--articles N] [--corpus DIR]

1. Writes N varied articles (the seeds, the test fixtures and, with --corpus, the files of a
   corpus such as ../shared/corpus/bbc, each copy made distinct) to a temp folder and times
   `newsreader ingest` on them as a user runs it: a fresh process, wall clock.
2. For stores holding 1k, 10k and 50k annotations, times `Store.annotate` (one tag, saved
   durably: temp file, fsync, rename) in-process, and `newsreader tag` as a whole command.

Goals (issue 2): ingest >= 1,000 articles/s; one tag saved within 10 ms at 10k annotations.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ids import row_key  # noqa: E402
from reader.model import Annotation  # noqa: E402
from reader.store import Store  # noqa: E402
from reader.upgrades import CURRENT  # noqa: E402


def templates(corpus: Path | None) -> list[bytes]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures").rglob("*.txt"))
    files = [f for f in files if "listing" not in f.name]
    if corpus:
        files += sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    return [f.read_bytes() for f in files]


def make_corpus(folder: Path, n: int, corpus: Path | None) -> None:
    base = templates(corpus)
    for i in range(n):
        text = base[i % len(base)].decode("utf-8", "replace")
        lines = text.split("\n")
        # Make every copy a distinct article: its own headline, and a line of its own.
        for k, line in enumerate(lines):
            if line.strip() and not line.lstrip().startswith("date "):
                lines[k] = f"{line} (copy {i})"
                break
        lines.append(f"\nThis is copy {i} of the benchmark set.")
        sub = folder / f"{i // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:06d}.txt").write_text("\n".join(lines))


def bench_ingest(n: int, corpus: Path | None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        make_corpus(src, n, corpus)
        store = Path(tmp) / "store"
        exe = [sys.executable, "-m", "reader"]
        t = time.perf_counter()
        proc = subprocess.run([*exe, "--store", str(store), "ingest", "-q", str(src)], capture_output=True, text=True)
        wall = time.perf_counter() - t
        print(f"ingest {n} articles: {wall:.2f} s wall, {n / wall:,.0f} articles/s  ({proc.stdout.strip()})")
        t = time.perf_counter()
        subprocess.run([*exe, "--store", str(store), "ingest", "-q", str(src)], capture_output=True)
        wall = time.perf_counter() - t
        print(f"re-ingest (all unchanged): {wall:.2f} s, {n / wall:,.0f} articles/s")


def store_with_annotations(folder: Path, count: int) -> tuple[Store, str, list]:
    """A store holding `count` annotations, ten per article, over the 16 annotation files."""
    from reader.ingest import ingest

    seed = ROOT / "seeds" / "000_44b2449007d2afe5.txt"
    store = Store(folder, annotator="bench")
    ingest([str(seed)], store)
    (summary,) = store.summaries()
    article = store.article(summary.id)
    files: dict[str, dict] = {}
    for n in range(count):
        aid = hashlib.sha256(str(n // 10).encode()).hexdigest()[:16]
        claim_id = f"{n:016x}"
        a = Annotation(claim_id=claim_id, article_id=aid, text="x" * 80, start=100, end=180,
                       tag="stated", note="", annotator="bench", at="2026-01-01T00:00:00+00:00")
        data = files.setdefault(aid[0], {"meta": {"1": {"schema": CURRENT["annotations"], "kind": "annotations"}}})
        data.setdefault(f"a-{aid}", {})[row_key(claim_id, "bench")] = a.to_dict()
    for key, data in files.items():
        (folder / f"annotations-{key}.json").write_bytes(orjson.dumps(data))
    return Store(folder, annotator="bench"), article.id, article.claims


def bench_tag() -> None:
    for count in (1_000, 10_000, 50_000):
        with tempfile.TemporaryDirectory() as tmp:
            store, aid, claims = store_with_annotations(Path(tmp) / "store", count)
            times = []
            for i in range(60):
                claim = claims[i % len(claims)]
                t = time.perf_counter()
                store.annotate(aid, claim, tag=("stated", "denied", "unknown")[(i // len(claims)) % 3])
                times.append((time.perf_counter() - t) * 1000)
            size = sum(p.stat().st_size for p in (Path(tmp) / "store").glob("annotations-*.json")) / 1e6
            cli = []
            for i in range(5):
                t = time.perf_counter()
                subprocess.run([sys.executable, "-m", "reader", "--store", str(Path(tmp) / "store"), "tag",
                                claims[i].id, "denied"], capture_output=True, check=True)
                cli.append(time.perf_counter() - t)
            print(
                f"tag with {count:>6,} annotations ({size:.1f} MB): save median {statistics.median(times):.1f} ms, "
                f"p95 {sorted(times)[int(len(times) * 0.95)]:.1f} ms; `newsreader tag` command {statistics.median(cli) * 1000:.0f} ms"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--corpus", type=Path, help="a folder of real articles to vary (e.g. ../shared/corpus/bbc)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores")
    bench_ingest(args.articles, args.corpus)
    bench_tag()


if __name__ == "__main__":
    main()
