"""`newsreader export --format F` and `newsreader import` as a script runs them: every format to
a file and to standard output, the summary line and exit codes of an import, and one line for
each thing refused."""

import csv
import io
import json
import tarfile

import pytest

from reader.cli import main
from team import gold_file, team_store


def run(capsysbinary, *args):
    code = main(list(args))
    out, err = capsysbinary.readouterr()
    return code, out, err.decode()


@pytest.fixture
def team(tmp_path):
    return team_store(tmp_path)


@pytest.mark.parametrize("form", ["json", "w3c", "jsonl", "csv", "brat"])
def test_every_format_goes_to_standard_output_and_to_a_file_alike(capsysbinary, team, tmp_path, form):
    store = str(team.store.folder)
    code, out, err = run(capsysbinary, "--store", store, "export", "--format", form, "-o", "-")
    assert code == 0 and err == "" and out
    target = tmp_path / f"out-{form}"
    code, _, err = run(capsysbinary, "--store", store, "export", "--format", form, "-o", str(target))
    assert code == 0 and err.startswith("exported 1 articles") and err.rstrip().endswith(str(target))
    if form == "brat":
        with tarfile.open(fileobj=io.BytesIO(out)) as tar:
            names = {m.name for m in tar.getmembers()}
        assert names == {str(p.relative_to(target)) for p in target.rglob("*") if p.is_file()}
    elif form == "json":
        assert json.loads(out)["counts"] == json.loads(target.read_bytes())["counts"]
    else:
        assert out.replace(b"2026-01-02T03:04:05+00:00", b"") == target.read_bytes().replace(b"2026-01-02T03:04:05+00:00", b"")


def test_csv_to_standard_output_is_a_table_a_spreadsheet_opens(capsysbinary, team):
    _, out, _ = run(capsysbinary, "--store", str(team.store.folder), "export", "--format", "csv", "--tagged-only")
    rows = list(csv.reader(io.StringIO(out.decode(), newline="")))
    assert rows[0][:5] == ["article", "title", "published", "outlet", "speaker"] and len(rows) == 21
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_brat_goes_to_a_new_folder_or_over_an_earlier_export_only(capsysbinary, team, tmp_path):
    store = str(team.store.folder)
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "thesis.txt").write_text("mine")
    code, _, err = run(capsysbinary, "--store", store, "export", "--format", "brat", "-o", str(tmp_path / "papers"))
    assert code == 2 and "it is a folder that is not an earlier export" in err
    assert (tmp_path / "papers" / "thesis.txt").read_text() == "mine"
    assert run(capsysbinary, "--store", store, "export", "--format", "brat", "-o", str(tmp_path / "b"))[0] == 0
    assert run(capsysbinary, "--store", store, "export", "--format", "brat", "-o", str(tmp_path / "b"))[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".b", "b"))) == ["b"]  # nothing left over


def test_import_says_what_it_did_and_exits_1_when_something_was_refused(capsysbinary, team, tmp_path):
    store = str(team.store.folder)
    out = tmp_path / "team.jsonl"
    assert run(capsysbinary, "--store", store, "export", "--format", "jsonl", "-o", str(out))[0] == 0
    other = str(tmp_path / "other")
    assert run(capsysbinary, "--store", other, "ingest", "-q", str(team.path))[0] == 0
    code, said, err = run(capsysbinary, "--store", other, "import", str(out))
    assert code == 0 and err == (f"newsreader: orphaned (kept, not attached: its words are not in the article) {out}: "
                                 "line 20: I’ll have to think about it. I haven’t thought about it yet.\n")
    assert said.decode().strip() == ("1 file: 7 annotations, 5 anchored, 1 added claims, 1 orphaned, 0 for 0 articles "
                                     "not in the store; 7 new, 0 updated, 0 unchanged, 0 kept as they were; 0 refused")
    (tmp_path / "broken.json").write_text("{")
    code, said, err = run(capsysbinary, "--store", other, "import", "-q", str(out), str(tmp_path / "broken.json"))
    assert code == 1 and said.decode().startswith("2 files: 7 annotations") and "7 unchanged" in said.decode()
    assert err.strip() == (f"newsreader: refused {tmp_path / 'broken.json'}: not newsreader JSON, W3C Web Annotation "
                           "or JSONL in Prodigy's shape")


def test_import_gold_says_how_many_claims_took_the_extractors_place(capsysbinary, tmp_path):
    ann = gold_file(tmp_path)
    code, said, err = run(capsysbinary, "--store", str(tmp_path / "store"), "import", "--gold", str(ann))
    assert code == 1  # the headline's content is refused: it is not in the body
    assert said.decode().strip() == "gold: 1 articles, 3 claims in place of the extractor's; 1 refused"
    assert err.strip().endswith("rail_a1.ann: Rail fares to rise above inflation: its words are not in the article as stored")


def test_an_export_to_a_file_draws_a_progress_bar_on_a_terminal(capsysbinary, tmp_path, monkeypatch):
    import sys

    from reader.ingest import ingest
    from reader.store import Store

    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(25):
        (folder / f"{n:02}.txt").write_text(f"Headline number {n}\n\n\"We will see,\" said Minister {n}.\n")
    ingest([str(folder)], Store(tmp_path / "store"))
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    code, _, err = run(capsysbinary, "--store", str(tmp_path / "store"), "export", "--format", "csv",
                       "-o", str(tmp_path / "out.csv"))
    assert code == 0 and "export [" in err and "25/25" in err


def test_brat_never_sends_its_tar_archive_to_a_terminal(capsysbinary, team, monkeypatch):
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, out, err = run(capsysbinary, "--store", str(team.store.folder), "export", "--format", "brat")
    assert code == 2 and out == b"" and "brat is a folder of files: give -o FOLDER" in err


def test_agree_reports_the_figures_as_text_and_as_json(capsysbinary, team):
    store = str(team.store.folder)
    code, out, _ = run(capsysbinary, "--store", store, "agree")
    text = out.decode()
    assert code == 0 and text.startswith("Agreement of 2 annotators (me, them) on 1 claims annotated by two or more")
    assert "me and them: Cohen's kappa" in text and "Disagreements: 1" in text and "me: stated" in text
    code, out, _ = run(capsysbinary, "--store", store, "agree", "--json")
    data = json.loads(out)
    assert data["annotators"] == ["me", "them"] and data["questions"]["tag"]["alpha"]["items"] == 1
    assert data["disagreements"][0]["annotations"]["them"]["tag"] == "unknown"
    code, out, _ = run(capsysbinary, "--store", store, "agree", "--annotators", "me")
    assert out.decode().startswith("Agreement needs two annotators")


def test_the_annotator_is_the_option_else_the_environment(capsysbinary, team, monkeypatch):
    store = str(team.store.folder)
    claim = next(c for c in team.article.claims if c.kind == "quote").id
    monkeypatch.setenv("NEWSREADER_ANNOTATOR", "from-env")
    assert run(capsysbinary, "--store", store, "tag", claim, "stated")[0] == 0
    assert run(capsysbinary, "--store", store, "--annotator", "from-option", "tag", claim, "denied")[0] == 0
    said = {a.annotator: a.tag for a in team.store.everyone(team.article.id) if a.claim_id == claim}
    assert said == {"from-env": "stated", "from-option": "denied"}


def test_claims_where_a_query_and_a_wrong_query_told_by_its_column(capsysbinary, team):
    store = str(team.store.folder)
    code, out, _ = run(capsysbinary, "--store", store, "claims", "--json", "--where", 'speaker:peskov kind:quote -"no specifics"')
    rows = json.loads(out)
    assert code == 0 and rows and all(r["speaker"] == "Dmitry Peskov" and r["kind"] == "quote" for r in rows)
    assert not any("no specifics" in r["text"] for r in rows)
    _, out, _ = run(capsysbinary, "--store", store, "claims", "--json", "--where", "annotator:them")
    assert {r["text"][:20] for r in json.loads(out)} == {"a meeting between Ru"}  # their orphan is no claim
    code, out, err = run(capsysbinary, "--store", store, "claims", "--where", "kind:rumour")
    assert code == 2 and out == b""
    assert err.strip() == "newsreader: --where: kind: is one of quote|reported|source, not 'rumour' (at column 6): kind:rumour"


def test_stats_prints_the_figures_and_json_for_scripts(capsysbinary, team):
    store = str(team.store.folder)
    code, out, _ = run(capsysbinary, "--store", store, "stats", "--where", "speaker:peskov")
    assert code == 0 and "Tags  (█ stated" in out.decode() and "Dmitry Peskov" in out.decode()
    _, out, _ = run(capsysbinary, "--store", store, "--annotator", "me", "stats", "--json")
    data = json.loads(out)
    assert data["tags"]["stated"] == 2 and data["tags"]["not_a_claim"] == 1 and "2025-05-05" in data["weeks"]
