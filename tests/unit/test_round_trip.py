"""Export from one store, import into another: the same tags, notes, speakers, corrected spans,
added claims and orphans come back, for each annotator, in every format that can be read back."""

import pytest

from reader import export
from reader.imports import import_files
from reader.ingest import ingest
from reader.store import Store
from team import judgements, team_store


def exported_and_imported(tmp_path, form):
    """The team's store exported in `form`, and another store with the same article that imported
    it: (team, the export, the other store, the import's report)."""
    team = team_store(tmp_path)
    out = tmp_path / f"export.{form}"
    export.write(export.export(team.store, form), out, team.store)
    other = Store(tmp_path / "other", annotator="someone else")
    ingest([str(team.path)], other)
    return team, out, other, import_files([str(out)], other)


@pytest.mark.parametrize("form", ["json", "w3c", "jsonl", "csv", "brat"])
def test_what_one_store_exports_another_imports(tmp_path, form):
    team, _, other, report = exported_and_imported(tmp_path, form)
    expected = judgements(team.store, team.article.id)
    if form == "brat":  # (an orphan's words are no longer in the text: brat, marks of the text, leaves it out)
        expected = {j for j in expected if not j[-1]}
    placed = {"anchored": 5, "added claim": 1, "orphaned": 1} if form != "brat" else {"anchored": 5, "added claim": 1}
    assert report.refused == [] and report.how == placed
    assert judgements(other, team.article.id) == expected


@pytest.mark.parametrize("form", ["json", "w3c", "jsonl", "csv", "brat"])
def test_the_same_file_imported_twice_changes_nothing(tmp_path, form):
    _, out, other, first = exported_and_imported(tmp_path, form)
    files = {p.name: p.read_bytes() for p in (tmp_path / "other").glob("annotations-*.json")}
    again = import_files([str(out)], other)
    assert again.verdicts == {"unchanged": sum(first.how.values())}
    assert {p.name: p.read_bytes() for p in (tmp_path / "other").glob("annotations-*.json")} == files


@pytest.mark.parametrize("form", ["json", "w3c", "jsonl", "csv", "brat"])
def test_a_final_judgement_travels_beside_the_annotators_own(tmp_path, form):
    from reader.model import ADJUDICATED

    team = team_store(tmp_path)
    peskov = next(c for c in team.article.claims if c.part == "body" and c.speaker == "Dmitry Peskov")
    Store(team.store.folder, annotator="carol").settle(team.article.id, peskov, {"tag": "denied"})
    out = tmp_path / f"export.{form}"
    export.write(export.export(team.store, form), out, team.store)
    other = Store(tmp_path / "other", annotator="someone else")
    ingest([str(team.path)], other)
    import_files([str(out)], other)
    rows = {a.annotator: a for a in other.everyone(team.article.id) if a.claim_id == peskov.id}
    assert set(rows) == {"me", "them", ADJUDICATED}
    assert (rows[ADJUDICATED].tag, rows["me"].tag, rows["them"].tag) == ("denied", "stated", "unknown")
    assert rows[ADJUDICATED].settled_by == (None if form == "brat" else "carol")  # (brat has no place for it)
