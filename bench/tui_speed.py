"""Benchmark: how the app feels. Start-up with 10,000 articles, opening an article, moving
between claims, and opening a 1 MB article.

    python bench/tui_speed.py [--articles 10000] [--corpus ../shared/corpus/bbc]

Everything is timed as a user sees it: newsreader runs in a real terminal (tmux), keys are sent
to it, and the clock stops when the screen shows the result (polled every few ms). Start-up
includes Python's and Textual's own start-up (about 0.3 s here).

Goals (issue 3): start-up well under a second with 10k articles; opening an article and moving
between claims feel instant; a 1 MB article opens in under a second.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ingest_and_tag import make_corpus  # noqa: E402

from reader.ingest import ingest  # noqa: E402
from reader.store import Store  # noqa: E402


def big_article(path: Path, size: int = 1_000_000) -> None:
    paragraph = (
        'Officials said that the talks would continue next week. "We are making progress, but there '
        'is a lot of work left," Foreign Minister Anna Virtanen told reporters in Helsinki. '
        "According to the ministry, the next round will focus on energy and trade. {n}\n\n"
    )
    parts = ["A very long transcript of the negotiations (benchmark zqxbench)\n\n"]
    n = 0
    while sum(map(len, parts)) < size:
        parts.append(paragraph.format(n=n))
        n += 1
    path.write_text("".join(parts))


class Terminal:
    """newsreader in a real terminal (tmux), driven by keys, timed until the screen changes."""

    def __init__(self, store: Path, width: int = 120, height: int = 40) -> None:
        self.session = "nr-bench"
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)
        self.started = time.perf_counter()
        subprocess.run(["tmux", "new", "-d", "-s", self.session, "-x", str(width), "-y", str(height),
                        f"{sys.executable} -m reader --store {store}"], check=True)

    def screen(self) -> str:
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", self.session], capture_output=True, text=True).stdout

    def wait(self, predicate, since: float, timeout: float = 30) -> float:
        while time.perf_counter() - since < timeout:
            if predicate(self.screen()):
                return time.perf_counter() - since
            time.sleep(0.002)
        raise TimeoutError("the screen did not change")

    def press(self, *keys: str) -> float:
        t = time.perf_counter()
        subprocess.run(["tmux", "send-keys", "-t", self.session, *keys], check=True)
        return t

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.session], capture_output=True)


def detail(screen: str) -> str:
    lines = [line for line in screen.splitlines() if re.match(r"^ \d+/\d+ ", line)]
    return lines[-1] if lines else ""


def in_terminal(store: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    starts = []
    for _ in range(3):
        term = Terminal(store)
        starts.append(term.wait(lambda s: "newsreader ·" in s and "Headline" in s, term.started))
        term.close()
    out["start-up to the library on screen (best of 3)"] = min(starts)
    term = Terminal(store)
    try:
        term.wait(lambda s: "Headline" in s, term.started)
        opens, moves = [], []
        while len(opens) < 5:
            opens.append(term.wait(lambda s: detail(s).startswith(" 1/"), term.press("Enter")))
            total = int(detail(term.screen()).split("/")[1].split()[0])
            for k in range(2, min(total, 7) + 1):
                moves.append(term.wait(lambda s, k=k: detail(s).startswith(f" {k}/"), term.press("n")))
            term.wait(lambda s: "Headline" in s, term.press("Escape"))
            for _ in range(7):
                term.press("Down")
        out["open an article (median of 5)"] = statistics.median(opens)
        out[f"next claim, n (median of {len(moves)})"] = statistics.median(moves)
        t = term.press("/", *"zqxbench")
        out["filter as you type, 9 keys, until one row is left"] = term.wait(lambda s: "1 shown" in s, t)
        term.press("Enter")
        out["open the 1 MB article"] = term.wait(lambda s: detail(s).startswith(" 1/"), term.press("Enter"))
        time.sleep(0.5)  # let the opening finish drawing, so the next timing is the tag's alone
        out["1 MB article: tag a claim"] = term.wait(lambda s: "stated" in detail(s), term.press("s"))
        out["1 MB article: next claim"] = term.wait(lambda s: detail(s).startswith(" 2/"), term.press("n"))
        before = term.screen()
        out["1 MB article: page down"] = term.wait(lambda s: s != before, term.press("PageDown"))
    finally:
        term.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, store_dir = Path(tmp) / "in", Path(tmp) / "store"
        src.mkdir()
        make_corpus(src, args.articles, args.corpus)
        big = Path(tmp) / "big.txt"
        big_article(big)
        store = Store(store_dir)
        ingest([str(src), str(big)], store)
        print(f"store: {len(store.summaries()):,} articles, 1 of them {big.stat().st_size / 1e6:.1f} MB")
        if not shutil.which("tmux"):
            sys.exit("tmux is needed: the timings are taken in a real terminal")
        for name, seconds in in_terminal(store_dir).items():
            print(f"{name}: {seconds * 1000:.0f} ms")


if __name__ == "__main__":
    main()
