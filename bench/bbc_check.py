"""Keep a hand-checked sample of BBC claims re-measurable: draw it, judge it, score it again.

    .venv/bin/python bench/bbc_check.py sample BBC_DIR [--n 200] [--seed 7] [--code DIR]
    .venv/bin/python bench/bbc_check.py check BBC_DIR [--n 200] [--seed 7] [--code DIR]
    .venv/bin/python bench/bbc_check.py check BBC_DIR --draw random --code /tmp/before   # the
        session-start figure: 122 of 200 right (61.0%), judged in bench/bbc_verdicts.jsonl
    .venv/bin/python bench/bbc_check.py check BBC_DIR --n 50 --seed 11    # fresh samples, judged
    .venv/bin/python bench/bbc_check.py check BBC_DIR --n 100 --seed 13   # after the rules were
        fitted to the first: no rule was written from them, so they say what the first one, fitted
        to, no longer can (2026-12-02, session start -> end: 31 -> 33 of 50, 70 -> 75 of 100).
    .venv/bin/python bench/bbc_check.py check BBC_DIR --n 60 --seed 17    # a third, judged at the
        start of the next session with the code of the end of that one: 38 of 60 (63.3%).
        Judge a new seed before fitting to these.

BBC_DIR is the BBC corpus (<topic>/<NNN>.txt, headline on line 1), for example
../shared/corpus/bbc. Every article is read and its claims found as ingest does (decode, parse,
find_claims); the claims of all articles, articles sorted by path, are pooled and N of them drawn
with the seed: by default the N whose place hashes lowest ("stable": a claim the extractor still
finds keeps its place in the sample, so its verdict still counts after a change), or with
--draw random uniformly by index (how the session-start figure was drawn).

`sample` prints, for each drawn claim that bench/bbc_verdicts.jsonl does not judge yet, a block
for a human judge: the claim's key as one JSON line to complete and append to the verdict file,
its kind, rule, confidence, speaker and role, and the paragraph around it with the claim marked
by ⟦ ⟧. `check` scores the judged claims of the same sample: share right (95% Wilson interval),
not claims at all, span and speaker errors, and tables by rule, by error class and by confidence
band; it lists the drawn claims no verdict covers yet, to be judged with `sample`.

A verdict row holds no article text (the corpus is the BBC's): path, part, start, end, kind and
speaker_sha (the first 12 hex digits of the sha256 of the predicted speaker, "" for none) say
which claim it judges, and is_claim, span_ok, speaker_ok, right and why (a few words naming the
error class) give the verdict. A claim the extractor finds differently after a change (other
offsets, another speaker) is a new claim: it needs a new verdict.

With --code DIR the claims come from the reader/ package in DIR (say, an older commit in a git
worktree) instead of this checkout's, so one verdict file measures the extractor before and after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import multiprocessing
import random
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VERDICTS = ROOT / "bench" / "bbc_verdicts.jsonl"
KEY_FIELDS = ("path", "part", "start", "end", "kind", "speaker_sha")
VERDICT_FIELDS = ("is_claim", "span_ok", "speaker_ok", "right")
BANDS = ((0.0, 0.5), (0.5, 0.8), (0.8, 1.0))
CONTEXT = 700  # characters of the paragraph shown either side of a claim, at most
WORKERS = 2


@dataclass(frozen=True)
class Drawn:
    """One claim of the sample, without its text: where it is and what the extractor said."""

    path: str
    part: str
    start: int
    end: int
    kind: str
    speaker: str | None
    role: str | None
    cue: str | None
    confidence: float
    rule: str

    @property
    def key(self) -> tuple:
        return (self.path, self.part, self.start, self.end, self.kind, speaker_sha(self.speaker))


def speaker_sha(speaker: str | None) -> str:
    return hashlib.sha256(speaker.encode("utf-8")).hexdigest()[:12] if speaker else ""


# --- extraction -------------------------------------------------------------------------------

def use_code(code: Path) -> None:
    """Put the checkout DIR first on sys.path, so `import reader` finds its package."""
    where = str(code.resolve())
    if not sys.path or sys.path[0] != where:
        sys.path.insert(0, where)


def read_article(path: Path):
    """The article as ingest reads it: bytes decoded, then parsed (title and body)."""
    from reader.layouts import parse
    from reader.text import decode

    return parse(decode(path.read_bytes()).text)


def extract_one(job: tuple[str, str]) -> tuple[str, list[Drawn] | None]:
    """A worker's task: one article's claims, or None when it is no article (with the reason
    left out: `sample` and `check` only count such files)."""
    from reader.extract import find_claims

    full, rel = job
    try:
        doc = read_article(Path(full))
    except Exception:
        return rel, None
    return rel, [Drawn(rel, c.part, c.start, c.end, c.kind, c.speaker, c.role, c.cue,
                       float(c.confidence), c.rule) for c in find_claims(doc.body, doc.title)]


def article_jobs(corpus: Path) -> list[tuple[str, str]]:
    paths = sorted(p for p in corpus.glob("*/*.txt"))
    return [(str(p), p.relative_to(corpus).as_posix()) for p in paths]


def extract_all(corpus: Path, code: Path) -> tuple[list[Drawn], int, int]:
    """All claims of all articles, articles in path order; with the articles read and skipped."""
    jobs = article_jobs(corpus)
    if not jobs:
        sys.exit(f"bbc_check: no <topic>/<NNN>.txt articles under {corpus}")
    with multiprocessing.Pool(WORKERS, initializer=use_code, initargs=(code,)) as pool:
        results = pool.map(extract_one, jobs, chunksize=16)
    claims = [c for _, found in sorted(results, key=lambda r: r[0]) if found for c in found]
    skipped = sum(found is None for _, found in results)
    return claims, len(jobs), skipped


def draw(claims: list[Drawn], n: int, seed: int, how: str = "stable") -> list[Drawn]:
    """N claims drawn without replacement, given in the pool's order. "stable": the N whose
    place (path, part, offsets) hashes lowest with the seed, so a change of the extractor keeps
    every claim it did not touch in the sample (and its verdict), and a claim it changed stays
    there to be judged again; "random": uniformly from the pool by index (the session-start
    figure was measured so; any change of the pool redraws the whole sample)."""
    if how == "random":
        picked = random.Random(seed).sample(range(len(claims)), min(n, len(claims)))
    else:
        rank = sorted(range(len(claims)), key=lambda i: _place_hash(claims[i], seed))
        picked = rank[:n]
    return [claims[i] for i in sorted(picked)]


def _place_hash(claim: Drawn, seed: int) -> str:
    return hashlib.sha256(f"{seed}|{claim.path}|{claim.part}|{claim.start}|{claim.end}".encode()).hexdigest()


# --- verdicts ---------------------------------------------------------------------------------

def load_verdicts(path: Path) -> dict[tuple, dict]:
    """The verdict file as a dict by claim key; a malformed row stops the script with its line."""
    verdicts: dict[tuple, dict] = {}
    if not path.exists():
        return verdicts
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = parse_row(line, path, number)
        verdicts[tuple(row[f] for f in KEY_FIELDS)] = row
    return verdicts


def parse_row(line: str, path: Path, number: int) -> dict:
    try:
        row = json.loads(line)
    except json.JSONDecodeError as e:
        sys.exit(f"bbc_check: {path}:{number}: not JSON ({e})")
    missing = [f for f in (*KEY_FIELDS, *VERDICT_FIELDS) if f not in row]
    if missing:
        sys.exit(f"bbc_check: {path}:{number}: no {', '.join(missing)}")
    if any(not isinstance(row[f], bool) for f in VERDICT_FIELDS):
        sys.exit(f"bbc_check: {path}:{number}: {', '.join(VERDICT_FIELDS)} must be true or false")
    if row["right"] != (row["is_claim"] and row["span_ok"] and row["speaker_ok"]):
        sys.exit(f"bbc_check: {path}:{number}: right must be is_claim and span_ok and speaker_ok")
    return row


def blank_verdict(claim: Drawn) -> dict:
    row = dict(zip(KEY_FIELDS, claim.key, strict=True))
    return {**row, "is_claim": None, "span_ok": None, "speaker_ok": None, "right": None, "why": ""}


# --- sample -----------------------------------------------------------------------------------

def terminal_safe(text: str) -> str:
    """Text with control and format characters dropped (tabs as spaces, newlines kept)."""
    out = []
    for ch in text:
        if ch == "\t":
            out.append(" ")
        elif ch == "\n" or unicodedata.category(ch)[0] != "C":
            out.append(ch)
    return "".join(out)


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph(s) holding text[start:end], the claim marked ⟦ ⟧, cut to CONTEXT a side."""
    left = text.rfind("\n\n", 0, start)
    right = text.find("\n\n", end)
    left = 0 if left < 0 else left + 2
    right = len(text) if right < 0 else right
    lo, hi = max(left, start - CONTEXT), min(right, end + CONTEXT)
    head = "…" if lo > left else ""
    tail = "…" if hi < right else ""
    return (head + terminal_safe(text[lo:start]) + "⟦" + terminal_safe(text[start:end]) + "⟧"
            + terminal_safe(text[end:hi]) + tail)


def show(claim: Drawn, doc, number: int, total: int) -> None:
    text = doc.title if claim.part == "title" else doc.body
    print(f"\n=== {number}/{total}  {claim.path}  {claim.part} {claim.start}-{claim.end}")
    print(json.dumps(blank_verdict(claim), ensure_ascii=False))
    print(f"kind {claim.kind}   rule {claim.rule}   confidence {claim.confidence:.2f}")
    print(f"speaker {terminal_safe(repr(claim.speaker))}   role {terminal_safe(repr(claim.role))}"
          f"   cue {terminal_safe(repr(claim.cue))}")
    if claim.part == "title":
        print(f"title: {paragraph_around(text, claim.start, claim.end)}")
        print(f"body starts: {terminal_safe(doc.body[:CONTEXT])}…")
    else:
        print(paragraph_around(text, claim.start, claim.end))


def run_sample(args, drawn: list[Drawn], verdicts: dict[tuple, dict]) -> None:
    todo = [(i, c) for i, c in enumerate(drawn, 1) if c.key not in verdicts]
    print(f"{len(drawn)} claims drawn (seed {args.seed}); {len(drawn) - len(todo)} judged already, "
          f"{len(todo)} to judge below. Complete each JSON line and append it to {args.verdicts}.")
    docs: dict[str, object] = {}
    for number, claim in todo:
        if claim.path not in docs:
            docs[claim.path] = read_article(args.corpus / claim.path)
        show(claim, docs[claim.path], number, len(drawn))


# --- check ------------------------------------------------------------------------------------

def wilson(right: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a share right/n."""
    if n == 0:
        return 0.0, 1.0
    p = right / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "-"


def print_summary(judged: list[tuple[Drawn, dict]], unjudged: list[Drawn]) -> None:
    n = len(judged)
    right = sum(v["right"] for _, v in judged)
    not_claims = sum(not v["is_claim"] for _, v in judged)
    span = sum(v["is_claim"] and not v["span_ok"] for _, v in judged)
    speaker = sum(v["is_claim"] and not v["speaker_ok"] for _, v in judged)
    lo, hi = wilson(right, n)
    print(f"judged {n}, unjudged {len(unjudged)}")
    print(f"right: {right} of {n} = {share(right, n)}  (95% Wilson interval {lo:.1%} to {hi:.1%})")
    print(f"not claims at all: {not_claims} ({share(not_claims, n)} of judged)")
    print(f"span errors (real claims, span wrong): {span} ({share(span, n)} of judged)")
    print(f"speaker errors (real claims, speaker wrong): {speaker} ({share(speaker, n)} of judged)")


def print_table(title: str, head: str, rows: list[tuple[str, int, int]]) -> None:
    print(f"\n{title}\n")
    print(f"| {head} | claims | right | share right |")
    print("|---|---:|---:|---:|")
    for name, claims, right in rows:
        print(f"| {name} | {claims} | {right} | {share(right, claims)} |")


def by_rule(judged: list[tuple[Drawn, dict]]) -> list[tuple[str, int, int]]:
    groups: dict[str, list[bool]] = defaultdict(list)
    for claim, verdict in judged:
        groups[f"{claim.kind} / {claim.rule or '?'}"].append(verdict["right"])
    return sorted(((k, len(v), sum(v)) for k, v in groups.items()), key=lambda r: (-r[1], r[0]))


def by_band(judged: list[tuple[Drawn, dict]]) -> list[tuple[str, int, int]]:
    rows = []
    for lo, hi in BANDS:
        inside = [v["right"] for c, v in judged
                  if lo <= c.confidence < hi or (hi == BANDS[-1][1] and c.confidence >= hi)]
        rows.append((f"{lo:.1f}-{hi:.1f}", len(inside), sum(inside)))
    return rows


def print_why(judged: list[tuple[Drawn, dict]]) -> None:
    wrong = Counter((v.get("why") or "(no class given)").strip() for _, v in judged if not v["right"])
    print("\nErrors by class\n")
    print("| why | claims | share of judged |")
    print("|---|---:|---:|")
    for why, count in sorted(wrong.items(), key=lambda r: (-r[1], r[0])):
        print(f"| {terminal_safe(why).replace('|', '/')} | {count} | {share(count, len(judged))} |")


def run_check(args, drawn: list[Drawn], verdicts: dict[tuple, dict]) -> None:
    judged = [(c, verdicts[c.key]) for c in drawn if c.key in verdicts]
    unjudged = [c for c in drawn if c.key not in verdicts]
    print_summary(judged, unjudged)
    print_table("By rule", "kind / rule", by_rule(judged))
    print_why(judged)
    print_table("Reliability by confidence band", "confidence", by_band(judged))
    stale = len(verdicts) - len(judged)
    if stale:
        print(f"\n{stale} verdicts of the file judge claims this output does not draw (kept, unused).")
    if unjudged:
        print(f"\nUnjudged claims of the sample ({len(unjudged)}; judge them with `sample`):")
        for c in unjudged:
            print(f"- {c.path} {c.part} {c.start}-{c.end} {c.kind}")


# --- main -------------------------------------------------------------------------------------

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("sample", "check"))
    parser.add_argument("corpus", type=Path, metavar="BBC_DIR", help="the BBC corpus: <topic>/<NNN>.txt")
    parser.add_argument("--n", type=int, default=200, help="claims drawn (default 200)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the draw (default 7)")
    parser.add_argument("--draw", choices=("stable", "random"), default="stable",
                        help="how the sample is drawn (default stable; see draw())")
    parser.add_argument("--code", type=Path, default=ROOT,
                        help="the checkout whose reader/ extracts (default: this one)")
    parser.add_argument("--verdicts", type=Path, default=VERDICTS,
                        help=f"the verdict file (default {VERDICTS.relative_to(ROOT)})")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        parser.error(f"{args.corpus} is no folder")
    if not (args.code / "reader").is_dir():
        parser.error(f"{args.code} has no reader/ package")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    use_code(args.code)
    verdicts = load_verdicts(args.verdicts)
    claims, articles, skipped = extract_all(args.corpus, args.code)
    import reader

    print(f"{articles} articles ({skipped} not read as articles), {len(claims)} claims; "
          f"extractor {Path(reader.__file__).parent}")
    drawn = draw(claims, args.n, args.seed, args.draw)
    (run_sample if args.command == "sample" else run_check)(args, drawn, verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
