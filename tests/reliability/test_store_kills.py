"""A tagging process killed at random moments leaves every store file readable and every tag it
was told was saved; an ingest that meets a full disk stops with one line, and what the store
held before is all there (the article database and the annotations).

The store here is the trials' made-up corpus; bench/reliability.py runs the same trials more
times, and bench/store_tui.py's stores are the big ones."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
import sys
import time

import pytest

from reader.articles_db import NAME
from reader.store import Store
from trials import build_corpus, env, make_article, newsreader, one_clear_line, record, scaled

TAGGER = """
import sys, random
from reader.store import Store
store = Store(sys.argv[1], annotator="tagger")
rng = random.Random(int(sys.argv[2]))
articles = [s.id for s in store.summaries()]
done = set()  # each claim once: a later, unacknowledged save of it would hide the acknowledged one
while True:
    article = store.article(rng.choice(articles))
    claim = rng.choice(article.claims)
    if claim.id in done:
        continue
    done.add(claim.id)
    tag = rng.choice(["stated", "denied", "unknown"])
    store.annotate(article.id, claim, tag=tag, note=f"n{rng.random()}")
    print(article.id, claim.id, tag, flush=True)  # acknowledged: the save returned
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("tag-kills"), n_edited=0)


def readable(folder) -> str:
    """'' when every store file reads; else what does not."""
    with sqlite3.connect(f"file:{folder / NAME}?mode=ro", uri=True) as db:
        check = db.execute("PRAGMA integrity_check").fetchone()[0]
    if check != "ok":
        return f"articles.db: {check}"
    for path in folder.glob("annotations-*.json"):
        try:
            json.loads(path.read_bytes())
        except ValueError as exc:
            return f"{path.name}: {exc}"
    return ""


@pytest.mark.parametrize("n", range(scaled(40)))
def test_a_killed_tagger_loses_no_acknowledged_tag(corpus, n):
    folder = corpus.copy_store(f"tagger-{n}")
    proc = subprocess.Popen([sys.executable, "-c", TAGGER, str(folder), str(n)], stdout=subprocess.PIPE,
                            env=env())
    rng = random.Random(n)
    acknowledged = {}
    for _ in range(rng.randrange(1, 12)):
        line = proc.stdout.readline().split()
        if not line:
            break
        acknowledged[(line[0].decode(), line[1].decode())] = line[2].decode()
    time.sleep(rng.random() * 0.02)  # somewhere inside the next save
    proc.kill()
    said = proc.communicate()[0].decode()  # what it said before it died; a line cut short is not said
    for line in said.split("\n")[:-1]:
        article, claim, tag = line.split()
        acknowledged[(article, claim)] = tag
    problem = readable(folder)
    store = Store(folder, annotator="tagger")
    lost = sum(1 for (article, claim), tag in acknowledged.items()
               if getattr(store.annotations(article).get(claim), "tag", None) != tag)
    record("kill -9 while tagging", "a tagger killed at a random moment", not problem and not lost, lost, problem)
    assert acknowledged and not problem and not lost


FULL = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) as on a full disk
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), int(sys.argv[1])))
from reader.cli.main import main
sys.exit(main(sys.argv[2:]))
"""


def test_a_full_disk_during_ingest_gives_one_line_and_keeps_the_store(corpus, tmp_path):
    folder = corpus.copy_store("full-disk")
    before = Store(folder)
    articles = {s.id: before.article(s.id).to_dict() for s in before.summaries()}
    notes = {aid: {k: v.to_dict() for k, v in before.annotations(aid).items()} for aid in articles}
    more = tmp_path / "more"
    more.mkdir()
    rng = random.Random(3)
    for i in range(400):  # far more than the room left
        (more / f"{i:03d}.txt").write_text(make_article(rng, 1000 + i) * 3, encoding="utf-8")
    limit = (folder / NAME).stat().st_size + 64 * 1024
    proc = subprocess.run([sys.executable, "-c", FULL, str(limit), "--store", str(folder), "ingest", "-q", str(more)],
                          capture_output=True, env=env(), timeout=120)
    assert proc.returncode != 0 and one_clear_line(proc.stderr), proc.stderr
    assert b"cannot write" in proc.stderr and str(folder).encode() in proc.stderr
    assert not readable(folder)
    after = Store(folder)
    kept = {s.id: after.article(s.id).to_dict() for s in after.summaries() if s.id in articles}
    assert kept == articles
    assert {aid: {k: v.to_dict() for k, v in after.annotations(aid).items()} for aid in articles} == notes
    # With room again, the same command brings the rest in.
    again = subprocess.run(newsreader("--store", str(folder), "ingest", "-q", str(more)), capture_output=True,
                           env=env(), timeout=120)
    assert again.returncode == 0, again.stderr
    assert len(Store(folder).summaries()) == len(articles) + 400
