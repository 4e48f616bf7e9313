"""Each export format read by its own kind of reader: the CSV by the csv module and frictionless,
the JSONL line by line, brat's standoff with every span equal to the text it marks, and the W3C
collection against the Web Annotation test suite's JSON schemas and expanded as JSON-LD with the
W3C context (a local copy: tests never reach the network)."""

import csv
import io
import json
import tarfile

import pytest

from reader import export
from reader.formats.items import document_text
from reader.formats.table import COLUMNS
from team import FORMULA, team_store


@pytest.fixture
def team(tmp_path):
    return team_store(tmp_path)


def made(team, form, **options):
    return export.export(team.store, form, export.Options(**options))


def test_csv_reads_back_with_the_csv_module_and_formulas_defused(team):
    data = made(team, "csv").payload.decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data, newline="")))
    assert tuple(rows[0]) == COLUMNS
    mine = [r for r in rows if r["annotator"] == "me" and r["tag"] == "stated" and r["note"]]
    assert [r["note"] for r in mine] == ["'" + FORMULA]  # never run by the spreadsheet
    theirs = next(r for r in rows if r["annotator"] == "them" and r["tag"] == "unknown")
    assert theirs["note"] == "not sure\nasked twice" and theirs["speaker"] == "Dmitry Peskov"
    body = team.article.body
    for r in rows:
        if r["part"] == "body" and r["kind"] != "orphaned":
            assert body[int(r["start"]):int(r["end"])] == r["claim"]
    assert {r["kind"] for r in rows} == {"quote", "reported", "source", "orphaned"}


def test_csv_is_valid_for_frictionless(team, tmp_path, monkeypatch):
    import frictionless

    export.write(made(team, "csv"), tmp_path / "claims.csv", team.store)
    monkeypatch.chdir(tmp_path)  # (frictionless reads only paths below the working folder)
    report = frictionless.validate("claims.csv")
    assert report.valid, report.flatten(["rowNumber", "fieldNumber", "type", "note"])


def test_jsonl_has_a_claim_a_line_with_its_spans_in_its_text(team):
    lines = [json.loads(x) for x in made(team, "jsonl").payload.decode().splitlines()]
    assert len(lines) == len(team.article.claims) + 3  # + their view of Peskov, the claim I added, their orphan
    doc = document_text(team.article)
    for line in lines:
        claim = line["spans"][0]
        words = line["text"][claim["start"]:claim["end"]]
        if not line["meta"]["orphaned"]:
            at = line["meta"]["offset"] + claim["start"]
            assert doc[at:at + len(words)] == words
        for span in line["spans"]:
            assert 0 <= span["start"] < span["end"] <= len(line["text"])
    answers = {(line["meta"]["annotator"], line["answer"]) for line in lines}
    assert ("me", "reject") in answers and ("them", "accept") in answers and (None, "ignore") in answers
    labels = {s["label"] for line in lines for s in line["spans"]}
    assert labels == {"STATED", "DENIED", "UNKNOWN", "CLAIM", "SPEAKER"}


def _ann(text):
    out = []
    for line in text.splitlines():
        ref, rest = line.split("\t", 1)
        out.append((ref, rest.split("\t")))
    return out


def test_brat_spans_are_the_text_they_mark_and_every_reference_holds(team, tmp_path):
    files = made(team, "brat").payload
    assert set(files) >= {"annotation.conf", f"me/{team.article.id}.ann", f"them/{team.article.id}.txt"}
    for name in [n for n in files if n.endswith(".ann")]:
        text = files[name[:-4] + ".txt"].decode()
        entities = {}
        for ref, fields in _ann(files[name].decode()):
            if ref.startswith("T"):
                label, *where = fields[0].replace(";", " ").split()
                pieces = list(zip(map(int, where[::2]), map(int, where[1::2]), strict=True))
                assert " ".join(text[s:e] for s, e in pieces) == fields[1]
                assert all("\n" not in text[s:e] for s, e in pieces)
                entities[ref] = label
            elif ref.startswith("R"):
                kind, arg1, arg2 = fields[0].split()
                assert kind == "Said" and entities[arg1[5:]] == "Speaker" and entities[arg2[5:]] != "Speaker"
            elif ref.startswith(("A", "#")):
                assert fields[0].split()[1] in entities
    mine = files[f"me/{team.article.id}.ann"].decode()
    assert "\tTag T" in mine and "NotAClaim T" in mine and "speaker: Donald J. Trump" in mine
    assert "he did think" not in mine and "he did think" in files[f"them/{team.article.id}.ann"].decode()


def test_brat_to_standard_output_is_a_tar_of_the_same_files(team):
    exported = made(team, "brat")
    with tarfile.open(fileobj=io.BytesIO(export.as_stream(exported))) as tar:
        assert {m.name: tar.extractfile(m).read() for m in tar.getmembers()} == exported.payload
