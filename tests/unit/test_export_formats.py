"""Each export format read by its own kind of reader: the CSV by the csv module and frictionless,
the JSONL line by line, brat's standoff with every span equal to the text it marks, and the W3C
collection against the Web Annotation test suite's JSON schemas and expanded as JSON-LD with the
W3C context (a local copy: tests never reach the network)."""

import csv
import io
import json
import tarfile

import pytest

from helpers import FIXTURES, fixed_clock
from reader import export
from reader.formats.items import document_text
from reader.formats.table import COLUMNS
from team import FORMULA, team_store


@pytest.fixture
def team(tmp_path):
    return team_store(tmp_path)


def made(team, form, **options):
    return export.export(team.store, form, export.Options(clock=fixed_clock, **options))


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
    theirs = files[f"them/{team.article.id}.ann"].decode()
    assert r"not sure\nasked twice" in theirs and "not sure" not in mine and "Added T" in mine
    assert "he did think" not in theirs  # an orphan's words are not in the text: no brat mark can hold it


def test_brat_to_standard_output_is_a_tar_of_the_same_files(team):
    exported = made(team, "brat")
    with tarfile.open(fileobj=io.BytesIO(export.as_stream(exported))) as tar:
        assert {m.name: tar.extractfile(m).read() for m in tar.getmembers()} == exported.payload


WEB_ANNOTATION = FIXTURES / "web_annotation"


def _web_annotation_checks(test_file: str) -> list[tuple[str, dict]]:
    """The assertions of one of the W3C test suite's .test files: (file, schema), the schemas'
    references to the suite's definitions resolved locally, by their ids."""
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    definitions = [json.loads(p.read_text()) for p in sorted((WEB_ANNOTATION / "definitions").glob("*.json"))]
    registry = Registry().with_resources((d["id"], Resource.from_contents(d, default_specification=DRAFT4))
                                         for d in definitions)
    listed = json.loads((WEB_ANNOTATION / "annotations" / test_file).read_text())["assertions"]
    return [(name, json.loads((WEB_ANNOTATION / name).read_text())) for name in listed], registry


def _annotations(team):
    doc = json.loads(made(team, "w3c").payload)
    pages = [g for g in doc["@graph"] if g["type"] == "AnnotationPage"]
    # An annotation on its own carries the context its collection gives it.
    return doc, [{"@context": doc["@context"], **a} for page in pages for a in page["items"]]


def test_w3c_annotations_pass_every_must_of_the_web_annotation_test_suite(team):
    from jsonschema import Draft4Validator, FormatChecker

    doc, annotations = _annotations(team)
    assert len(annotations) == 7 == doc["@graph"][0]["total"]
    checks, registry = _web_annotation_checks("annotationMusts.test")
    assert len(checks) == 14
    for name, schema in checks:
        validator = Draft4Validator(schema, registry=registry, format_checker=FormatChecker())
        for a in annotations:
            expected = schema.get("expectedResult", "valid") == "valid"
            assert validator.is_valid(a) == expected, (name, a["id"], [e.message for e in validator.iter_errors(a)][:3])


def test_w3c_annotations_say_who_made_them_when_and_why(team):
    from jsonschema import Draft4Validator, FormatChecker

    _, annotations = _annotations(team)
    checks, registry = _web_annotation_checks("annotationOptionals.test")
    ours = {"annotations/3.3.1-annotationCreatorImplemented.json", "annotations/3.3.1-annotationCreatedImplemented.json",
            "annotations/3.3.5-annotationMotivationImplemented.json"}
    for name, schema in (c for c in checks if c[0] in ours):
        validator = Draft4Validator(schema, registry=registry, format_checker=FormatChecker())
        assert all(validator.is_valid(a) for a in annotations), name


def test_w3c_collection_expands_as_json_ld_with_the_w3c_context_and_loses_nothing(team):
    from pyld import jsonld

    context = json.loads((WEB_ANNOTATION / "anno.jsonld").read_text())

    def loader(url, options=None):
        assert url == "http://www.w3.org/ns/anno.jsonld", url  # nothing else is fetched
        return {"contextUrl": None, "documentUrl": url, "document": context}

    doc = json.loads(made(team, "w3c").payload)
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    oa = "http://www.w3.org/ns/oa#"
    flat = jsonld.flatten(doc, None, {"documentLoader": loader})
    types = [t for n in flat for t in n.get("@type", [])]
    assert types.count(f"{oa}Annotation") == 7 and types.count(f"{oa}TextQuoteSelector") == 7
    assert types.count("http://www.w3.org/ns/activitystreams#OrderedCollection") == 1
    # Every key was a term of the context: compacted again, the document is what was written.
    again = jsonld.compact(expanded, "http://www.w3.org/ns/anno.jsonld", {"documentLoader": loader})
    assert again == doc


def test_brat_files_parse_with_a_brat_parser_of_its_own(team, tmp_path):
    from pybrat.parser import BratParser

    export.write(made(team, "brat"), tmp_path / "brat", team.store)
    for annotator in ("me", "them"):
        (example,) = BratParser(error="raise").parse(tmp_path / "brat" / annotator)
        for entity in example.entities:
            assert " ".join(example.text[s.start:s.end] for s in entity.spans) == entity.mention
        said = {(r.arg1.mention, r.arg2.mention) for r in example.relations}
        assert ("Kremlin spokesman Dmitry Peskov", next(c.text for c in team.article.claims
                if c.part == "body" and c.speaker == "Dmitry Peskov")) in said
