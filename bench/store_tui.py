"""Benchmark: the app on a big store (issue 11), beside a bare Textual app, in a real terminal.

For each size: start-up to the library on screen (best of 3) against a bare Textual app showing a
DataTable (best of 3, same run); opening an article after start-up (median of 5); the filter as
you type (a word of the headlines and bodies, and a body-only word), from the last key to the
rows on screen; the app's memory after those filters; each sort (o), from the key to the rows
in their new order on screen; and, on the biggest store, `newsreader
tag` as a whole command against a one-article store, and one new file into it.

Stores up to --real articles are ingested from the corpus (see ingest_and_tag.make_corpus);
bigger ones are synthetic: the biggest real store's rows copied (each copy its own id, words and
claim ids), as the issue allows.

    python bench/store_tui.py --corpus ../shared/corpus/bbc --articles 1000 10000 100000 1000000
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
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
from tui_speed import Terminal, detail  # noqa: E402

from reader import articles_db, packing  # noqa: E402
from reader.library import COLUMNS  # noqa: E402

BARE = ROOT / "bench" / "bare_app.py"


def synthetic(source: Path, target: Path, n: int) -> None:
    """A store of n articles made of copies of the rows of `source` (a real store)."""
    target.mkdir()
    shutil.copy(source / articles_db.NAME, target / articles_db.NAME)
    db = sqlite3.connect(target / articles_db.NAME, isolation_level=None)
    rows = db.execute("SELECT * FROM articles").fetchall()
    names = [d[0] for d in db.execute("SELECT * FROM articles LIMIT 1").description]
    at = {name: i for i, name in enumerate(names)}
    claims = {}
    for article, cid in db.execute("SELECT article, id FROM claim_ids"):
        claims.setdefault(article, []).append(cid)
    words = {}
    for row in rows:
        s = packing.summary_from_row(tuple(row[at[c]] for c in packing.SUMMARY_COLUMNS))
        words[row[0]] = (packing.words_text(s, packing.unpack_body(row[at["body"]])), packing.names_text(s))
    lexicon = db.execute("SELECT 1 FROM sqlite_schema WHERE name = 'lexicon'").fetchone()
    db.execute("BEGIN")
    copy, made = 1, db.execute("SELECT max(n) FROM articles").fetchone()[0]
    while made < n:
        for row in rows:
            if made >= n:
                break
            made += 1
            new = list(row)
            new[0] = made
            new[at["date_key"]] = key = packing.date_key(row[at["published"]], made)
            new[at["id"]] = f"{copy:05x}{row[at['id']][5:]}"
            new[at["path"]] = f"copy{copy}/{row[at['path']]}"
            new[at["title"]] = f"{row[at['title']]} (copy {copy})"
            db.execute(f"INSERT INTO articles VALUES ({', '.join('?' * len(new))})", new)
            db.executemany("INSERT OR IGNORE INTO claim_ids VALUES (?, ?)",
                           ((f"{copy:05x}{cid[5:]}", made) for cid in claims.get(row[0], ())))
            text, names_ = words[row[0]]
            db.execute("INSERT INTO words (rowid, text) VALUES (?, ?)", (key, f"{text}\ncopy{copy}"))
            db.execute("INSERT INTO people (rowid, names) VALUES (?, ?)", (key, names_))
        if lexicon:  # (the copies' own word; a store of before the lexicon gets it when first opened)
            db.execute("INSERT OR IGNORE INTO lexicon VALUES (?)", (f"copy{copy}",))
        copy += 1
        if copy % 20 == 0:
            db.execute("COMMIT")
            db.execute("BEGIN")
    db.execute("COMMIT")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def rss_mib(session: str) -> float:
    pid = subprocess.run(["tmux", "display", "-p", "-t", session, "#{pane_pid}"], capture_output=True,
                         text=True).stdout.strip()
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start(command: str, ready) -> float:
    times = []
    for _ in range(3):
        term = Terminal.__new__(Terminal)
        term.session = "nr-bench"
        subprocess.run(["tmux", "kill-session", "-t", term.session], capture_output=True)
        term.started = time.perf_counter()
        subprocess.run(["tmux", "new", "-d", "-s", term.session, "-x", "120", "-y", "40", command], check=True)
        times.append(term.wait(ready, term.started))
        term.close()
    return min(times)


def filtered(term: Terminal, word: str) -> float:
    term.wait(lambda s: "shown" not in s.splitlines()[0], term.press("Escape"))
    time.sleep(0.3)  # (an escape followed at once by a key reads as alt+key: the terminal waits)
    t = term.press("/", *word)
    took = term.wait(lambda s: "shown" in s.splitlines()[0] and word in s.splitlines()[1], t)
    term.press("Enter")
    return took


def in_terminal(store: Path, env: str) -> dict[str, float]:
    out = {"bare Textual app start": start(f"env -u PYTHONDONTWRITEBYTECODE {sys.executable} {BARE}",
                                           lambda s: "Headline" in s)}
    out["newsreader start"] = start(f"{env} {sys.executable} -m reader --store {store}",
                                    lambda s: "newsreader ·" in s and "Headline" in s)
    term = Terminal.__new__(Terminal)
    term.session = "nr-bench"
    term.started = time.perf_counter()
    subprocess.run(["tmux", "new", "-d", "-s", term.session, "-x", "120", "-y", "40",
                    f"{env} {sys.executable} -m reader --store {store}"], check=True)
    try:
        term.wait(lambda s: "Headline" in s, term.started)
        opens = []
        for _ in range(5):
            opens.append(term.wait(lambda s: detail(s).startswith(" 1/"), term.press("Enter")))
            term.wait(lambda s: "Headline" in s, term.press("Escape"))
            for _ in range(7):
                term.press("Down")
        out["open an article"] = statistics.median(opens)
        time.sleep(1)  # the last Down keys done, so the filter's time is its own
        out["filter: 'benchmark' (every body)"] = filtered(term, "benchmark")
        out["filter: 'minister' (headlines and bodies)"] = filtered(term, "minister")
        out["filter: 'copy 7' (two words)"] = filtered(term, "copy 7")
        out["memory after the filters (MiB)"] = rss_mib(term.session)
        term.wait(lambda s: "shown" not in s.splitlines()[0], term.press("Escape"))
        time.sleep(0.3)
        for column in COLUMNS[1:]:  # o: the next column's order, from the first row
            out[f"sort by {column}"] = term.wait(lambda s, c=column: f"sorted by {c} " in s.splitlines()[0],
                                                 term.press("o"))
    finally:
        term.close()
    return out


def cli(store: Path, env: dict, *args: str) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reader", "--store", str(store), *args], env=env, capture_output=True,
                   cwd=ROOT, check=True)
    return time.perf_counter() - t


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--corpus", type=Path, required=True)
    p.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    p.add_argument("--real", type=int, default=100_000, help="the biggest store ingested for real")
    p.add_argument("--stores", type=Path, help="keep the stores in this folder, and use those already there")
    p.add_argument("--build-only", action="store_true", help="make the stores, measure nothing")
    args = p.parse_args()
    # Both apps run with their bytecode cached, as an installed program does (pip compiles it);
    # a machine that sets PYTHONDONTWRITEBYTECODE would make newsreader compile itself at every start.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"PYTHONPATH": str(ROOT)}
    shell_env = f"env -u PYTHONDONTWRITEBYTECODE PYTHONPATH={ROOT} NEWSREADER_CONFIG={{}}/c.toml"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        kept = args.stores or tmp
        kept.mkdir(exist_ok=True)
        biggest_real = None
        for n in args.articles:
            store = kept / f"store-{n}"
            if store.exists():
                biggest_real = store if n <= args.real else biggest_real
            elif n <= args.real:
                src = tmp / f"in-{n}"
                src.mkdir()
                make_corpus(src, n, args.corpus)
                subprocess.run([sys.executable, "-m", "reader", "--store", str(store), "ingest", "-q", str(src)],
                               env=env, capture_output=True, cwd=ROOT)
                shutil.rmtree(src)
                biggest_real = store
            else:
                t = time.perf_counter()
                synthetic(biggest_real, store, n)
                print(f"(a synthetic store of {n:,} articles made in {time.perf_counter() - t:.0f} s)", flush=True)
            if args.build_only:
                continue
            results = in_terminal(store, shell_env.format(tempfile.mkdtemp()))  # (settings of its own: the date order)
            bare = results["bare Textual app start"]
            print(f"\n{n:,} articles:")
            for name, value in results.items():
                if "MiB" in name:
                    print(f"  {name}: {value:.0f}")
                else:
                    print(f"  {name}: {value * 1000:.0f} ms" + (f" ({value / bare:.2f}x the bare app)"
                                                                if name == "newsreader start" else ""))
            sys.stdout.flush()
        if args.build_only:
            return
        one = tmp / "one"
        seed = ROOT / "seeds" / "000_44b2449007d2afe5.txt"
        cli(one, env, "ingest", "-q", str(seed))
        claim = json.loads(subprocess.run([sys.executable, "-m", "reader", "--store", str(one), "claims", "--json"],
                                          env=env, cwd=ROOT, capture_output=True, text=True).stdout)[0]["id"]
        small = min(cli(one, env, "tag", claim, "stated") for _ in range(3))
        with sqlite3.connect(store / articles_db.NAME) as db:  # a claim of an article ingested for real
            (big_claim,) = db.execute("SELECT c.id FROM claim_ids c JOIN articles a ON a.n = c.article "
                                      "WHERE a.path NOT LIKE 'copy%' LIMIT 1").fetchone()
        big = min(cli(store, env, "tag", big_claim, "denied") for _ in range(3))
        extra = tmp / "new.txt"
        extra.write_text(seed.read_text().replace("necessary", "needed now"))
        new = cli(store, env, "ingest", "-q", str(extra))
        print(f"\n{n:,} articles: tag {big * 1000:.0f} ms, one-article store {small * 1000:.0f} ms "
              f"({big / small:.2f}x); one new file {new:.2f} s")


if __name__ == "__main__":
    main()
