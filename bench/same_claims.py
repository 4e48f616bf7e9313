"""Check that a change to the extractor (made to be faster, say) finds the very same claims:
every article of some folders read and extracted, its whole Article written as a JSON line;
`--save` keeps them in a file (outside the repository: the corpora are third-party), `--compare`
reads the file again and names each article whose extraction differs. Also prints the time per
article.

    python bench/same_claims.py --save /tmp/claims.jsonl ../shared/corpus/bbc ../shared/corpus/polnear-train
    (change the extractor)
    python bench/same_claims.py --compare /tmp/claims.jsonl ../shared/corpus/bbc ../shared/corpus/polnear-train
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.ingest import Refused, read_article  # noqa: E402


def extracted(folders: list[Path]) -> tuple[dict[str, bytes], float]:
    out, spent = {}, 0.0
    for path in sorted(p for folder in folders for p in folder.rglob("*.txt")):
        data = path.read_bytes()
        t = time.perf_counter()
        try:
            result = read_article(str(path), data).to_dict()
        except Refused as exc:
            result = {"refused": str(exc)}
        spent += time.perf_counter() - t
        out[str(path)] = orjson.dumps(result, option=orjson.OPT_SORT_KEYS)
    return out, spent


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("folders", type=Path, nargs="+")
    way = p.add_mutually_exclusive_group(required=True)
    way.add_argument("--save", type=Path)
    way.add_argument("--compare", type=Path)
    args = p.parse_args()
    now, spent = extracted(args.folders)
    print(f"{len(now)} files, {1000 * spent / max(len(now), 1):.3f} ms each to read and extract")
    if args.save:
        args.save.write_bytes(b"".join(orjson.dumps([k, v.decode()]) + b"\n" for k, v in now.items()))
        return 0
    before = dict(orjson.loads(line) for line in args.compare.read_bytes().splitlines())
    differ = sorted(k for k in before.keys() | now.keys() if before.get(k) != (now[k].decode() if k in now else None))
    for name in differ[:20]:
        print("differs:", name)
    print(f"{len(differ)} of {len(before)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
