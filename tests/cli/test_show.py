"""`newsreader show`: the article as the reader shows it, your corrections included, under a
header that says only what is known."""

import json

from helpers import FIXTURES, SEED, fixed_clock
from reader.cli import main
from reader.corrections import new_claim, span_change
from reader.store import Store

MISSED = "planning a trip to the region from 13 to 16 May"
SHORT = "there are no specifics yet"


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_show_has_your_added_claims_and_corrected_extents(capsys, tmp_path):
    folder = str(tmp_path / "store")
    run(capsys, "--store", folder, "ingest", str(SEED))
    store = Store(folder, annotator="me", clock=fixed_clock)
    article = store.article(store.summaries()[0].id)
    start = article.body.index(MISSED)
    added = new_claim(article, "me", start, start + len(MISSED))
    store.change(article.id, added, {"added": added.kind, "speaker": "Donald Trump", "tag": "stated"})
    quote = next(c for c in article.claims if c.text == SHORT)
    store.change(article.id, quote, {"span": span_change(quote, article.body, quote.start - 1, quote.end + 1)})
    listed = json.loads(run(capsys, "--annotator", "me", "--store", folder, "claims", "--json")[1])
    code, out, _ = run(capsys, "--annotator", "me", "--store", folder, "show", article.id[:8])
    assert code == 0
    lines = out.splitlines()
    claims = lines[lines.index(f"Claims ({len(listed)})") + 1:]
    assert [line.split()[1] for line in claims] == [c["id"][:8] for c in listed]
    line = next(x for x in claims if added.id[:8] in x)
    assert "Donald Trump [✓ stated] " in line and line.endswith(MISSED)
    assert next(x for x in claims if quote.id[:8] in x).endswith(f'"{SHORT}"')


def test_show_header_has_no_stray_separator_without_author_or_date(capsys, tmp_path):
    folder = str(tmp_path / "store")
    run(capsys, "--store", folder, "ingest", str(FIXTURES / "plain" / "bbc_like.txt"), str(SEED))
    rows = {r["title"][:4]: r["id"] for r in json.loads(run(capsys, "--store", folder, "list", "--json")[1])}
    out = run(capsys, "--store", folder, "show", rows["Rail"])[1]
    assert out.splitlines()[1] == f"id {rows['Rail']}"
    out = run(capsys, "--store", folder, "show", rows["Puti"])[1]
    assert out.splitlines()[1].startswith("Stanislav Pohorilov · Ukrainska Pravda · ")
    assert out.splitlines()[1].endswith(f" · id {rows['Puti']}")
