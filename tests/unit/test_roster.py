"""The speakers across the store: one person's names merged, and what each has said counted."""

from helpers import FIXTURES, SEED, fixed_clock
from reader.claims_view import rows_of
from reader.ingest import ingest
from reader.roster import canonical_names, roster
from reader.store import Store


def test_a_one_word_name_is_the_one_full_name_that_ends_with_it():
    merged = canonical_names({"Dmitry Peskov", "Peskov", "Trump", "Donald Trump", "Smith", "John Smith", "Anna Smith",
                              "Rubio", "Dimension Data", "data"})
    assert merged["peskov"] == "Dmitry Peskov" and merged["trump"] == "Donald Trump"
    assert merged["smith"] == "Smith"  # two full names end with it: which one is not known
    assert merged["rubio"] == "Rubio" and merged["dmitry peskov"] == "Dmitry Peskov"
    assert merged["data"] == "data"  # a word, not a name: never merged into "Dimension Data"


def test_the_roster_counts_claims_tags_dates_and_outlets(tmp_path):
    me = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "up")], me)
    rows = rows_of(me)
    peskov_rows = [r for r in rows if r.claim.speaker == "Dmitry Peskov"]
    me.annotate(peskov_rows[0].article.id, peskov_rows[0].claim, tag="denied")
    speakers = {s.name: s for s in roster(rows_of(me))}
    peskov = speakers["Dmitry Peskov"]
    assert peskov.claims == len(peskov_rows) and peskov.tags["denied"] == 1
    assert peskov.outlets == {"Ukrainska Pravda": len(peskov_rows)}
    assert peskov.first <= peskov.last and peskov.last.isoformat() == "2025-05-05"
    assert next(iter(speakers)) == max(speakers.values(), key=lambda s: s.claims).name


def test_merges_and_splits_by_hand_are_yours_kept_and_applied(tmp_path):
    me = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "up")], me)
    before = {s.name: s for s in roster(rows_of(me))}
    assert "Yurii Ushakov" in before and "Dmitry Peskov" in before
    me.name_speaker("Yurii Ushakov", "Dmitry Peskov")  # (a wrong merge, to see it applied)
    again = Store(tmp_path / "store", annotator="me")  # a later session: the merge was kept
    after = {s.name: s for s in roster(rows_of(again), again.speaker_names())}
    assert "Yurii Ushakov" not in after and "Yurii Ushakov" in after["Dmitry Peskov"].aliases
    assert after["Dmitry Peskov"].claims == before["Dmitry Peskov"].claims + before["Yurii Ushakov"].claims
    assert Store(tmp_path / "store", annotator="them").speaker_names() == {}  # yours, not theirs
    again.name_speaker("Yurii Ushakov", "Yurii Ushakov")  # undone: as the extractor had it
    assert again.speaker_names() == {}


def test_a_split_keeps_apart_what_was_merged_automatically():
    from reader.claims_view import ClaimRow
    from reader.model import Article, Claim, Document

    doc = Document(title="t", body="x", layout="plain")
    rows = [ClaimRow(Article("a", doc, [], "p", "f"), Claim("c1", "quote", "x", 0, 1, speaker="UKIP"), None),
            ClaimRow(Article("a", doc, [], "p", "f"), Claim("c2", "quote", "x", 0, 1, speaker="London UKIP"), None)]
    assert [s.name for s in roster(rows)] == ["London UKIP"]
    assert sorted(s.name for s in roster(rows, {"ukip": None})) == ["London UKIP", "UKIP"]


def test_a_merge_by_hand_is_applied_in_the_claims_view_the_statistics_and_the_exports(tmp_path):
    import csv
    import io

    import orjson

    from reader.claim_listing import listing_of
    from reader.claim_pages import ClaimPages
    from reader.export import Options, export
    from reader.query import parse
    from reader.stats import stats

    me = Store(tmp_path / "store", annotator="me", clock=fixed_clock)
    ingest([str(SEED), str(FIXTURES / "up")], me)
    said = {r.claim.speaker: 0 for r in rows_of(me)}
    for r in rows_of(me):
        said[r.claim.speaker] += 1
    me.name_speaker("Yurii Ushakov", "Dmitry Peskov")
    again = Store(tmp_path / "store", annotator="me", clock=fixed_clock)  # a later session

    def asked(store, text):
        return {r.claim.speaker for r in ClaimPages(listing_of(store).ask(parse(text)), ("date", True))}

    assert asked(again, 'speaker:"Dmitry Peskov"') == {"Dmitry Peskov", "Yurii Ushakov"}
    by_speaker = stats(again).by_speaker
    assert sum(by_speaker["Dmitry Peskov"].values()) == said["Dmitry Peskov"] + said["Yurii Ushakov"]
    assert "Yurii Ushakov" not in by_speaker

    def people(store):
        data = orjson.loads(export(store, "json", Options(clock=fixed_clock)).payload)
        persons = {c["speaker"]: c["person"] for a in data["articles"] for c in a["claims"] if c["speaker"]}
        table = csv.DictReader(io.StringIO(export(store, "csv", Options(clock=fixed_clock)).payload.decode()))
        return persons, {r["speaker"]: r["person"] for r in table}, data["speaker_merges"]

    persons, cells, merges = people(again)
    assert persons["Yurii Ushakov"] == cells["Yurii Ushakov"] == "Dmitry Peskov" == persons["Dmitry Peskov"]
    assert merges == {"me": {"yurii ushakov": "Dmitry Peskov"}}
    theirs, _, _ = people(Store(tmp_path / "store", annotator="them", clock=fixed_clock))  # yours, not theirs
    assert theirs["Yurii Ushakov"] == "Yurii Ushakov"
    again.name_speaker("Yurii Ushakov", None)  # split off again (the speakers view's x)
    persons, cells, _ = people(Store(tmp_path / "store", annotator="me", clock=fixed_clock))
    assert persons["Yurii Ushakov"] == cells["Yurii Ushakov"] == "Yurii Ushakov"
    assert asked(again, 'speaker:"Dmitry Peskov"') == {"Dmitry Peskov"}


def test_the_roster_counted_by_the_database_is_the_cores(tmp_path):
    """roster_db over the claims table gives the speakers roster.roster gives over the core's rows:
    names merged (by hand too), claims, tags, roles, outlets, first and last seen, weeks."""
    from annotated import annotated_store

    from reader.claim_listing import listing_of
    from reader.roster_db import roster_of, weeks_of

    again = annotated_store(tmp_path)
    core = roster(rows_of(again), again.speaker_names())
    listing = listing_of(again)
    counted = roster_of(listing)

    def shape(speakers):
        return [(s.name, s.claims, dict(s.tags), dict(s.roles), dict(s.outlets), s.first, s.last, sorted(s.aliases))
                for s in speakers]

    assert shape(counted) == shape(core)
    assert all(weeks_of(listing, s) == s.weeks for s in core)
    assert any(s.aliases for s in counted) and any(s.tags.get("denied") for s in counted)
