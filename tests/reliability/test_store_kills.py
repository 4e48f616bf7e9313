"""A tagging process killed at random moments leaves every store file readable and every tag it
was told was saved; an ingest that meets a full disk stops with one line, and what the store
held before is all there (the article database and the annotations).

The store here is the trials' made-up corpus; bench/reliability.py runs the same trials more
times, and bench/store_tui.py's stores are the big ones."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from reader.articles_db import NAME
from reader.store import Store
from trials import (
    build_corpus,
    env,
    kill_a_tagger,
    make_article,
    newsreader,
    one_clear_line,
    readable,
    record,
    scaled,
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("tag-kills"), n_edited=0)


@pytest.mark.parametrize("n", range(scaled(40)))
def test_a_killed_tagger_loses_no_acknowledged_tag(corpus, n):
    acknowledged, lost, problem = kill_a_tagger(corpus.copy_store(f"tagger-{n}"), n)
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
