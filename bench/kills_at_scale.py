"""Benchmark: the README's promises on a big store (issue 11): kill -9 at random moments while
tagging (40 trials) and during an ingest of new files (20 trials) leaves every store file
readable and every acknowledged tag there; an ingest run again after the kills ends with every
article in.

    python bench/kills_at_scale.py --store STORE [--corpus ../shared/corpus/bbc] [--new 3000]

STORE is a store to try it on (say one bench/store_tui.py --stores kept, of 100,000 articles);
it is copied first, never changed. The same trials run in CI on a small store
(tests/reliability/test_store_kills.py, test_ingest_kills.py).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "bench"))

from ingest_and_tag import make_corpus  # noqa: E402

from reader.store import Store  # noqa: E402
from trials import env, kill_a_tagger, newsreader, readable  # noqa: E402


def tag_kills(folder: Path, trials: int) -> tuple[int, int, list[str]]:
    acknowledged = lost = 0
    problems = []
    for n in range(trials):
        a, lost_now, problem = kill_a_tagger(folder, 1000 + n)
        acknowledged += a
        lost += lost_now
        if problem:
            problems.append(problem)
    return acknowledged, lost, problems


def ingest_kills(folder: Path, new: Path, trials: int, tagged: dict) -> tuple[int, list[str]]:
    """Kill an ingest of `new` at random moments; after each, every file reads and every tag of
    `tagged` ((article, claim): tag) is there."""
    rng = random.Random(5)
    lost, problems = 0, []
    for _ in range(trials):
        proc = subprocess.Popen(newsreader("--store", str(folder), "ingest", "-q", str(new)),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env())
        time.sleep(rng.uniform(0.3, 3.0))
        proc.kill()
        proc.wait()
        problem = readable(folder)
        if problem:
            problems.append(problem)
        store = Store(folder, annotator="tagger")
        lost += sum(1 for (article, claim), tag in tagged.items()
                    if getattr(store.annotations(article).get(claim), "tag", None) != tag)
    return lost, problems


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--store", type=Path, required=True)
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus" / "bbc")
    p.add_argument("--new", type=int, default=3000, help="new files for the ingest that is killed")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        shutil.copytree(args.store, folder)
        before = len(Store(folder).summaries())
        t = time.perf_counter()
        acknowledged, lost, problems = tag_kills(folder, 40)
        print(f"{before:,} articles: 40 kills while tagging: {acknowledged} tags acknowledged, {lost} lost, "
              f"{len(problems)} unreadable files {problems[:2]} ({time.perf_counter() - t:.0f} s)", flush=True)
        store = Store(folder, annotator="tagger")
        tagged = {(aid, cid): a.tag for aid in {s.id for s in store.summaries()}
                  for cid, a in store.annotations(aid).items() if a.annotator == "tagger" and a.tag}
        new = Path(tmp) / "new"
        new.mkdir()
        make_corpus(new, args.new, args.corpus)
        for path in new.rglob("*.txt"):  # not copies of the store's own articles
            path.write_text(path.read_text() + "\nA line of the kill trials.\n")
        t = time.perf_counter()
        lost, problems = ingest_kills(folder, new, 20, tagged)
        again = subprocess.run(newsreader("--store", str(folder), "ingest", "-q", str(new)), capture_output=True,
                               env=env())
        after = len(Store(folder).summaries())
        print(f"20 kills during an ingest of {args.new:,} new files: {len(tagged)} tags checked after each, "
              f"{lost} lost, {len(problems)} unreadable files {problems[:2]}; the ingest run again: exit "
              f"{again.returncode}, {after - before:,} articles added ({time.perf_counter() - t:.0f} s)")


if __name__ == "__main__":
    main()
