"""The third-party corpora (../shared/corpus), when present: every BBC file goes in or is refused
with a reason, with a plausible number of claims. Skipped where the corpus is absent."""

import hashlib
from pathlib import Path

import pytest

from reader.ingest import ingest
from reader.store import Store

BBC = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "bbc"


@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not on this machine")
def test_the_bbc_corpus_ingests_completely(tmp_path):
    files = [p for p in BBC.rglob("*") if p.is_file() and not p.name.startswith(".")]
    store = Store(tmp_path / "store")
    report = ingest([str(BBC)], store)
    assert report.files == len(files) and not report.unchanged
    assert [(Path(name).name, reason) for name, reason in report.refused] == [
        ("README.TXT", "not an article (a README, by its name)")]
    articles = [p for p in files if p.name != "README.TXT"]
    copies = len(articles) - len({hashlib.sha256(p.read_bytes()).digest() for p in articles})
    assert len(report.duplicates) == copies > 0  # byte-identical files, each stored once
    summaries = store.summaries()
    counts = sorted(s.claims for s in summaries)
    assert counts[len(counts) // 2] >= 3  # the median article has a few claims
    assert sum(c == 0 for c in counts) < 0.1 * len(counts)
    assert max(counts) < 150
