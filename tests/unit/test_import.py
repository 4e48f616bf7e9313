"""`newsreader import` as the core does it: another annotator's work goes in beside yours and
never over it, a look-alike quote is never taken for the annotated one, and a bad file or record
is one line naming it while the rest goes in."""

import json

import pytest

from helpers import fixed_clock
from reader import export
from reader.formats.items import article_urn, document_text
from reader.imports import import_files, summary_line
from reader.ingest import ingest
from reader.store import Store
from team import team_store


@pytest.fixture
def team(tmp_path):
    return team_store(tmp_path)


def w3c_file(path, article_id, annotations):
    """A W3C file of annotations given as (creator, exact, prefix, start, tag, created)."""
    items = [{
        "type": "Annotation", "creator": {"type": "Person", "name": who}, "created": at, "motivation": "assessing",
        "body": [{"type": "TextualBody", "purpose": "assessing", "value": tag}],
        "target": {"source": article_urn(article_id), "selector": [
            {"type": "TextQuoteSelector", "exact": exact, "prefix": prefix, "suffix": ""},
            *([{"type": "TextPositionSelector", "start": start, "end": start + len(exact)}] if start is not None else [])]},
    } for who, exact, prefix, start, tag, at in annotations]
    path.write_text(json.dumps({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationPage", "items": items}))
    return str(path)


def rows(store, article_id):
    return {(a.claim_id, a.annotator): a for a in store.everyone(article_id)}


def test_an_import_never_changes_your_own_annotations(team, tmp_path):
    store, article = team.store, team.article
    peskov = next(c for c in article.claims if c.part == "body" and c.speaker == "Dmitry Peskov")
    before = rows(store, article.id)
    path = w3c_file(tmp_path / "mine.jsonld", article.id, [("me", peskov.text, "", None, "denied", "2030-01-01T00:00:00+00:00")])
    report = import_files([path], store)
    assert report.verdicts == {"kept yours": 1} and rows(store, article.id) == before


def test_another_annotators_later_work_replaces_their_earlier_only(team, tmp_path):
    store, article = team.store, team.article
    peskov = next(c for c in article.claims if c.part == "body" and c.speaker == "Dmitry Peskov")
    later = w3c_file(tmp_path / "later.jsonld", article.id, [("them", peskov.text, "", None, "stated", "2030-01-01T00:00:00+00:00")])
    earlier = w3c_file(tmp_path / "earlier.jsonld", article.id, [("them", peskov.text, "", None, "denied", "2001-01-01T00:00:00+00:00")])
    assert import_files([earlier], store).verdicts == {"kept newer": 1}
    assert rows(store, article.id)[(peskov.id, "them")].tag == "unknown"
    assert import_files([later], store).verdicts == {"updated": 1}
    assert rows(store, article.id)[(peskov.id, "them")].tag == "stated"
    assert rows(store, article.id)[(peskov.id, "me")].tag == "stated"  # yours, as it was


def test_a_quote_found_twice_is_never_attached_to_the_look_alike(tmp_path):
    text = ("Twice told\n\n\"We will win,\" said the general on Monday.\n"
            "On Friday the minister repeated: \"We will win,\" she said.\n")
    (tmp_path / "a.txt").write_text(text)
    store = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(tmp_path / "a.txt")], store)
    (summary,) = store.summaries()
    article = store.article(summary.id)
    doc = document_text(article)
    second = doc.rindex("We will win,")
    unclear = w3c_file(tmp_path / "unclear.jsonld", article.id, [("them", "We will win,", "", None, "stated", "")])
    report = import_files([unclear], store)
    assert report.how == {"orphaned": 1}  # kept, listed, and on no claim
    assert [a.orphaned for a in store.everyone(article.id)] == [True]
    told = w3c_file(tmp_path / "told.jsonld", article.id, [("them", "We will win,", "repeated: \"", None, "denied", "")])
    import_files([told], store)
    (claim_id,) = [a.claim_id for a in store.everyone(article.id) if not a.orphaned]
    claim = next(c for c in article.claims if c.id == claim_id)
    assert claim.start + len(article.title) + 2 <= second < claim.end + len(article.title) + 2


def test_words_edited_since_the_export_are_still_found(team, tmp_path):
    out = tmp_path / "team.jsonld"
    export.write(export.export(team.store, "w3c"), out, team.store)
    edited = team.path.read_text().replace("a meeting between Russian leader", "a meeting between the Russian leader")
    team.path.write_text(edited)
    other = Store(tmp_path / "other", annotator="x")
    ingest([str(team.path)], other)
    report = import_files([str(out)], other)
    peskov = [a for a in other.everyone(team.article.id) if a.tag in ("stated", "unknown") and a.note != ""]
    assert {a.annotator for a in peskov} == {"me", "them"} and not any(a.orphaned for a in peskov)
    assert report.how["anchored"] == 5


def test_annotations_of_an_article_not_in_the_store_are_kept_until_it_comes(team, tmp_path):
    out = tmp_path / "team.json"
    export.write(export.export(team.store, "json"), out, team.store)
    other = Store(tmp_path / "other", annotator="x")
    report = import_files([str(out)], other)
    assert report.how == {"unknown article": 7} and report.unknown_articles == {team.article.id}
    assert "7 for 1 articles not in the store" in summary_line(report)
    ingest([str(team.path)], other)  # the article arrives: its annotations find their claims
    found = other.everyone(team.article.id)
    assert len(found) == 7 and sum(a.orphaned for a in found) <= 2


def test_bad_files_and_records_are_one_line_each_and_the_rest_goes_in(team, tmp_path):
    store, article = team.store, team.article
    (tmp_path / "junk.json").write_bytes(b"\x00\xff not json at all")
    (tmp_path / "other.json").write_text('{"hello": "world"}')
    good = json.dumps({"text": article.title, "spans": [{"start": 0, "end": 5, "label": "STATED"}], "answer": "accept",
                       "meta": {"article": article.id, "annotator": "them", "offset": 0}})
    (tmp_path / "lines.jsonl").write_text("\n".join([
        good, "{not json", json.dumps({"text": "x", "spans": [], "meta": {}}),
        json.dumps({"text": article.title, "spans": [{"start": 0, "end": 5, "label": "MAYBE"}],
                    "meta": {"article": article.id, "annotator": "them", "tag": "maybe"}}),
        json.dumps({"text": article.title, "spans": [{"start": 0, "end": 5, "label": "STATED"}], "meta": {"article": article.id}}),
    ]))
    report = import_files([str(tmp_path / n) for n in ("junk.json", "other.json", "lines.jsonl", "missing.json")], store)
    reasons = dict(report.refused)
    assert reasons[str(tmp_path / "junk.json")] == "not newsreader JSON, W3C Web Annotation or JSONL in Prodigy's shape"
    assert reasons[str(tmp_path / "other.json")] == "not newsreader JSON, W3C Web Annotation or JSONL in Prodigy's shape"
    assert reasons[str(tmp_path / "missing.json")].startswith("cannot read")
    lines = str(tmp_path / "lines.jsonl")
    assert reasons[f"{lines}: line 2"] == "not JSON"
    assert reasons[f"{lines}: line 3"] == "not an annotation of the shape its format has"
    assert reasons[f"{lines}: line 4"] == "unknown tag 'maybe'"
    assert reasons[f"{lines}: line 5"] == "it names no annotator (give one with --as NAME)"
    assert report.how == {"orphaned": 1}  # line 1 went in (5 letters of the headline are no claim)
    assert import_files([lines], store, annotator="carol").how == {"orphaned": 2}  # --as names line 5's


def test_text_from_a_file_is_cleaned_of_what_a_terminal_obeys(team, tmp_path):
    store, article = team.store, team.article
    peskov = next(c for c in article.claims if c.part == "body" and c.speaker == "Dmitry Peskov")
    path = tmp_path / "evil.jsonld"
    w3c_file(path, article.id, [("mallory", peskov.text, "", None, "stated", "")])
    doc = json.loads(path.read_text())
    doc["items"][0]["body"].append({"type": "TextualBody", "purpose": "commenting", "value": "hi \x1b]52;c;ZXZpbA==\x07 there"})
    path.write_text(json.dumps(doc))
    import_files([str(path)], store)
    assert rows(store, article.id)[(peskov.id, "mallory")].note == "hi ]52;c;ZXZpbA== there"


def test_a_file_cannot_pass_off_a_made_up_time_or_a_hostile_name(team, tmp_path):
    store, article = team.store, team.article
    peskov = next(c for c in article.claims if c.part == "body" and c.speaker == "Dmitry Peskov")
    bogus = w3c_file(tmp_path / "bogus.jsonld", article.id, [("them", peskov.text, "", None, "stated", "zzz, trust me")])
    assert import_files([bogus], store).verdicts == {"kept newer": 1}  # no time is the oldest time
    evil = w3c_file(tmp_path / "evil.jsonld", article.id, [("\x1b[2Jmallory\n", peskov.text, "", None, "stated", "")])
    import_files([evil], store)
    assert "[2Jmallory" in {a.annotator for a in store.everyone(article.id)}
