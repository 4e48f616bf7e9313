"""The newsreader command line, as a script would use it."""

import importlib
import json
import os
import subprocess
import sys

import pytest

from helpers import FIXTURES, SEED
from reader.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def store_dir(tmp_path):
    return str(tmp_path / "store")


def test_extract_json_is_the_documented_contract(capsys):
    code, out, err = run(capsys, "extract", str(SEED), str(FIXTURES / "plain" / "bbc_like.txt"), "--json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert [a["title"] for a in data] == ["Putin's spokesperson says meeting with Trump is necessary", "Rail fares to rise above inflation"]
    seed = data[0]
    assert set(seed) == {"path", "title", "author", "published", "body", "claims"}
    assert [c["part"] for c in seed["claims"]][:2] == ["title", "body"]
    assert seed["published"] == "2025-05-05T13:16:00+03:00" and data[1]["published"] is None
    for article in data:
        for c in article["claims"]:
            assert {"id", "kind", "part", "text", "speaker", "role", "cue", "start", "end"} <= set(c)
            assert article[c["part"]][c["start"] : c["end"]] == c["text"]
            assert c["kind"] in ("quote", "reported", "source")


def test_extract_never_touches_the_store(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    run(capsys, "extract", str(SEED), "--json")
    assert not (tmp_path / "annotations").exists()


def test_ingest_summary_and_exit_codes(capsys, store_dir, tmp_path):
    code, out, err = run(capsys, "--store", store_dir, "ingest", str(SEED))
    assert code == 0 and out.strip() == "1 file: 1 new, 0 updated, 0 unchanged, 0 refused"
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "--store", store_dir, "ingest", str(SEED), str(bad))
    assert code == 1
    assert out.strip() == "2 files: 0 new, 0 updated, 1 unchanged, 1 refused"
    assert err.strip() == f"newsreader: refused {bad}: binary file (contains NUL bytes)"


def test_list_claims_tag_and_prefixes(capsys, store_dir):
    run(capsys, "--store", store_dir, "ingest", str(SEED), str(FIXTURES / "plain" / "bbc_like.txt"))
    code, out, _ = run(capsys, "--store", store_dir, "list", "--json")
    articles = json.loads(out)
    assert next(a["title"] for a in articles) == "Putin's spokesperson says meeting with Trump is necessary"  # newest first
    seed_id = articles[0]["id"]
    code, out, _ = run(capsys, "--store", store_dir, "claims", seed_id[:6], "--json")
    claims = json.loads(out)
    assert len(claims) == 18 and all(c["tag"] is None for c in claims)
    assert len([c for c in claims if c["within"]]) == 3  # quotes inside reported statements
    target = next(c for c in claims if c["text"] == "I don’t know")
    code, out, _ = run(capsys, "--store", store_dir, "tag", target["id"][:7], "unknown", "--note", "evasive")
    assert code == 0 and out.startswith(f"{target['id']}  ? unknown, note: evasive")
    code, out, _ = run(capsys, "--store", store_dir, "claims", "--tag", "unknown", "--json")
    (tagged,) = json.loads(out)
    assert (tagged["id"], tagged["note"], tagged["speaker"]) == (target["id"], "evasive", "Donald Trump")
    code, out, _ = run(capsys, "--store", store_dir, "claims", seed_id, "--untagged", "--json")
    assert len(json.loads(out)) == 17
    code, out, _ = run(capsys, "--store", store_dir, "list", "--json")
    assert json.loads(out)[0]["tagged"] == 1
    code, out, _ = run(capsys, "--store", store_dir, "tag", target["id"], "none", "--note", "")
    assert json.loads(run(capsys, "--store", store_dir, "claims", "--tag", "unknown", "--json")[1]) == []


def test_speaker_correction_and_not_a_claim(capsys, store_dir):
    run(capsys, "--store", store_dir, "ingest", str(SEED))
    claims = json.loads(run(capsys, "--store", store_dir, "claims", "--json")[1])
    first = claims[0]
    run(capsys, "--store", store_dir, "tag", first["id"], "--speaker", "Dmitrii Peskov")
    run(capsys, "--store", store_dir, "tag", claims[1]["id"], "--not-a-claim")
    after = json.loads(run(capsys, "--store", store_dir, "claims", "--json")[1])
    assert after[0]["speaker"] == "Dmitrii Peskov" and after[1]["not_a_claim"] is True


def test_errors_are_one_line(capsys, store_dir):
    run(capsys, "--store", store_dir, "ingest", str(SEED), str(FIXTURES / "plain" / "bbc_like.txt"))
    for args, message in [
        (("show", "zzzz"), "newsreader: no article id starts with 'zzzz' (see: newsreader list)"),
        (("tag", "zz", "stated"), "newsreader: no claim id starts with 'zz' (see: newsreader claims)"),
        (("show", ""), "newsreader: give an article id (or a unique prefix of one)"),
    ]:
        code, _out, err = run(capsys, "--store", store_dir, *args)
        assert (code, err.strip()) == (2, message)


def test_show_plain_lists_claims_with_speakers(capsys, store_dir):
    run(capsys, "--store", store_dir, "ingest", str(SEED))
    code, out, _ = run(capsys, "--store", store_dir, "show", json.loads(run(capsys, "--store", store_dir, "list", "--json")[1])[0]["id"][:5])
    assert code == 0
    assert out.startswith("Putin's spokesperson says meeting with Trump is necessary\nStanislav Pohorilov · Ukrainska Pravda · All Sections · Mon 5 May 2025, 13:16 (+03:00)")
    assert "Sources: RIA Novosti; Interfax" in out
    assert "quote    Dmitry Peskov (Kremlin spokesman) [untagged] We have repeatedly said" in out
    assert "\x1b" not in out


HOSTILE_ARTICLE = (
    b"Headline [bold]x[/] \x1b]52;c;ZXZpbA==\x07\n\n"
    b'"Run [@click=app.quit]this[/] now \x1b[2J \xc2\x9b31m please," said Mallory Evil.\n'
)


def _hostile_show(capsys, store_dir, tmp_path) -> tuple[int, str]:
    hostile = tmp_path / "hostile.txt"
    hostile.write_bytes(HOSTILE_ARTICLE)
    run(capsys, "--store", store_dir, "ingest", str(hostile))
    aid = json.loads(run(capsys, "--store", store_dir, "list", "--json")[1])[0]["id"]
    claim = json.loads(run(capsys, "--store", store_dir, "claims", "--json")[1])[0]["id"]
    # A note and a speaker are kept as typed: only the way out can make them safe.
    run(capsys, "--store", store_dir, "tag", claim, "stated", "--note", "note \x1b]2;PWNED\x07 \x1b[2J",
        "--speaker", "Eve \x1b[?1049h")
    code, out, _err = run(capsys, "--store", store_dir, "show", aid)
    return code, out


def test_hostile_text_is_shown_not_obeyed_when_piped(capsys, store_dir, tmp_path):
    code, out = _hostile_show(capsys, store_dir, tmp_path)
    assert code == 0 and "\x1b" not in out and "\x9b" not in out and "\x07" not in out
    assert "Headline [bold]x[/]" in out and "[@click=app.quit]this[/]" in out


def test_hostile_text_reaches_no_terminal(capsys, store_dir, tmp_path, monkeypatch):
    """On a terminal `show` draws with Rich's colours: those, and nothing from the article."""
    from rich.console import Console

    from reader.cli import show
    from trials import unsafe_in_cli_output

    monkeypatch.setattr(show, "_is_tty", lambda: True)
    monkeypatch.setattr(show, "_console", lambda plain=False, wrap=True: Console(
        force_terminal=True, color_system="256", width=100, highlight=False, markup=False, emoji=False))
    code, out = _hostile_show(capsys, store_dir, tmp_path)
    assert code == 0 and "\x1b[" in out  # it did take the terminal path: Rich's colours are there
    assert unsafe_in_cli_output(out.encode()) == []  # no escape but colours: the payload is shown as text
    assert "[@click=app.quit]this[/]" in out


def test_export_file_has_schema_tags_and_orphans(capsys, store_dir, tmp_path):
    run(capsys, "--store", store_dir, "ingest", str(SEED))
    claims = json.loads(run(capsys, "--store", store_dir, "claims", "--json")[1])
    run(capsys, "--store", store_dir, "tag", claims[0]["id"], "stated", "--note", "lead")
    target = tmp_path / "out" / "export.json"
    code, out, err = run(capsys, "--store", store_dir, "export", "-o", str(target))
    assert code == 0 and err.strip() == f"exported 1 articles, 15 statements (18 claims with the quotes inside them), 1 annotations to {target}"
    data = json.loads(target.read_text())
    assert data["schema"] == "newsreader-export/1" and data["counts"]["annotations"] == 1
    (article,) = data["articles"]
    first = article["claims"][0]  # the headline's claim comes first
    assert first["part"] == "title" and first["annotation"]["tag"] == "stated" and first["annotation"]["note"] == "lead"
    assert first["speaker"] == "Dmitry Peskov" and "body" not in article
    # A quote inside a reported statement is exported as a quote of that statement.
    by_id = {c["id"]: c for c in article["claims"]}
    within = [c for c in article["claims"] if c["within"]]
    assert [c["text"] for c in within] == ["mediator role", "change its approach", "tremendous hatred"]
    assert all(c["kind"] == "quote" and by_id[c["within"]]["kind"] == "reported" for c in within)
    assert data["counts"]["statements"] == 15 and data["counts"]["claims"] == 18
    code, out, _ = run(capsys, "--store", store_dir, "export", "--bodies")
    assert json.loads(out)["articles"][0]["body"].startswith("Kremlin spokesman")


@pytest.mark.parametrize("name", ["library.json", "articles.db"])  # an old store's, the article database
def test_a_damaged_store_gives_one_line_and_no_traceback(tmp_path, name):
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / name).write_text("{not json" * 200)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    proc = subprocess.run([sys.executable, "-m", "reader", "--store", str(folder), "list"], capture_output=True, text=True, env=env)
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{name} is damaged" in lines[0] and "Traceback" not in proc.stderr


def test_store_location_defaults_and_overrides(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSREADER_STORE")
    run(capsys, "ingest", str(SEED))
    assert (tmp_path / "annotations" / "articles.db").exists()
    monkeypatch.setenv("NEWSREADER_STORE", str(tmp_path / "env-store"))
    run(capsys, "ingest", str(SEED))
    assert (tmp_path / "env-store" / "articles.db").exists()
    run(capsys, "--store", str(tmp_path / "flag-store"), "ingest", str(SEED))
    assert (tmp_path / "flag-store" / "articles.db").exists()


def test_export_format_is_chosen_from_the_table_of_formats(capsys, store_dir, tmp_path):
    from reader.export import FORMATS

    run(capsys, "--store", store_dir, "ingest", str(SEED))
    code, default, _ = run(capsys, "--store", store_dir, "export")
    code_json, chosen, _ = run(capsys, "--store", store_dir, "export", "--format", "json")
    default, chosen = json.loads(default), json.loads(chosen)
    default.pop("exported_at"), chosen.pop("exported_at")  # the only field that differs run to run
    assert code == code_json == 0 and default == chosen
    assert "json" in FORMATS and FORMATS["json"].suffix == ".json"
    with pytest.raises(SystemExit) as refused:
        main(["--store", store_dir, "export", "--format", "yaml"])
    assert refused.value.code == 2 and "invalid choice: 'yaml'" in capsys.readouterr().err


def test_list_claims_export_and_the_library_share_one_order(capsys, store_dir, tmp_path):
    from reader.library import Library
    from reader.store import Store

    for name, title in (("a.txt", "apple growers said prices rose"), ("b.txt", "Banana prices fall")):
        (tmp_path / name).write_text(f"{title}\n\nThe growers said prices would rise again next year.\n")
    run(capsys, "--store", store_dir, "ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    listed = [r["title"] for r in json.loads(run(capsys, "--store", store_dir, "list", "--json")[1])]
    exported = [a["title"] for a in json.loads(run(capsys, "--store", store_dir, "export")[1])["articles"]]
    library = Library(Store(store_dir).listing())
    library.refresh()
    assert listed == exported == [r.summary.title for r in library.visible] == ["Banana prices fall", "apple growers said prices rose"]


def test_not_a_claim_reads_the_same_in_the_tag_confirmation_and_claims(capsys, store_dir):
    run(capsys, "--store", store_dir, "ingest", str(SEED))
    claim = json.loads(run(capsys, "--store", store_dir, "claims", "--json")[1])[3]
    run(capsys, "--store", store_dir, "tag", claim["id"], "stated")
    code, out, _ = run(capsys, "--store", store_dir, "tag", claim["id"], "--not-a-claim")
    assert code == 0 and out.startswith(f"{claim['id']}  ✕ not a claim  — ")
    _, out, _ = run(capsys, "--store", store_dir, "claims")
    line = next(x for x in out.splitlines() if claim["id"] in x)
    assert "✕ not a claim" in line and "stated" not in line
    assert out.count("untagged") == 17
    _, out, _ = run(capsys, "--store", store_dir, "show", claim["article"])
    assert "[✕ not a claim]" in out


def test_claims_text_is_grouped_under_each_article(capsys, store_dir):
    run(capsys, "--store", store_dir, "ingest", str(SEED), str(FIXTURES / "plain" / "bbc_like.txt"))
    rows = json.loads(run(capsys, "--store", store_dir, "claims", "--json")[1])
    _, out, _ = run(capsys, "--store", store_dir, "claims")
    lines = out.splitlines()
    headers = [x for x in lines if not x.startswith(" ")]
    assert headers == ["b2ddbe863c  Putin's spokesperson says meeting with Trump is necessary",
                       f"{rows[-1]['article'][:10]}  Rail fares to rise above inflation"]
    assert len(lines) == len(rows) + 2
    first_of_bbc = lines.index(headers[1])
    assert all(rows[-1]["article"] == r["article"] for r in rows[first_of_bbc - 1:])


def test_a_copy_of_a_stored_file_is_reported_as_a_duplicate(capsys, store_dir, tmp_path):
    run(capsys, "--store", store_dir, "ingest", str(SEED))
    copy = tmp_path / "copy.txt"
    copy.write_bytes(SEED.read_bytes())
    code, out, err = run(capsys, "--store", store_dir, "ingest", str(copy))
    assert code == 0
    assert out.strip() == "1 file: 0 new, 0 updated, 0 unchanged, 1 duplicate of a file already in the store, 0 refused"
    assert err.strip() == f"newsreader: duplicate: {copy} has the same text as {SEED.resolve()} (not stored twice)"


def test_a_readme_is_refused_and_the_articles_go_in(capsys, store_dir, tmp_path):
    corpus = tmp_path / "bbc"
    corpus.mkdir()
    (corpus / "README.TXT").write_text("Consists of 2225 documents from the BBC news website.\n\nFive areas.\n")
    (corpus / "001.txt").write_bytes((FIXTURES / "plain" / "bbc_like.txt").read_bytes())
    code, out, err = run(capsys, "--store", store_dir, "ingest", str(corpus))
    assert code == 1 and out.strip() == "2 files: 1 new, 0 updated, 0 unchanged, 1 refused"
    assert err.strip() == f"newsreader: refused {corpus / 'README.TXT'}: not an article (a README, by its name)"


def test_an_outlet_is_a_newsroom_in_list_and_export_never_a_folder(capsys, store_dir, tmp_path):
    folder = tmp_path / "politics"
    folder.mkdir()
    (folder / "001.txt").write_bytes((FIXTURES / "plain" / "bbc_like.txt").read_bytes())
    run(capsys, "--store", store_dir, "ingest", str(folder), str(SEED))
    listed = {r["title"][:4]: r["outlet"] for r in json.loads(run(capsys, "--store", store_dir, "list", "--json")[1])}
    exported = {a["title"][:4]: a["outlet"] for a in json.loads(run(capsys, "--store", store_dir, "export")[1])["articles"]}
    assert listed == exported == {"Rail": None, "Puti": "Ukrainska Pravda"}
    _, out, _ = run(capsys, "--store", store_dir, "list")
    assert "politics" not in out


def test_ctrl_c_that_python_cannot_raise_where_it_lands_still_stops_the_command(capsys, store_dir, monkeypatch):
    """Ctrl-C in a callback (the import machinery's, a finaliser) was printed as a traceback by
    Python itself, and lost: the command went on. It stops it, in one line, like Ctrl-C anywhere."""
    import time
    import weakref

    cli_main = importlib.import_module("reader.cli.main")  # (the package names its function main too)

    def working(args):
        class Thing:
            pass

        def callback(_):
            raise KeyboardInterrupt

        thing = Thing()
        ref = weakref.ref(thing, callback)
        del thing  # (the callback runs here, where nothing can catch what it raises)
        for _ in range(500):
            time.sleep(0.01)
        return ref and 0  # not reached: interrupted

    monkeypatch.setitem(cli_main.COMMANDS, "list", working)
    assert main(["--store", str(store_dir), "list"]) == 130
    err = capsys.readouterr().err
    assert err == "newsreader: interrupted\n"


def test_another_exception_python_cannot_raise_is_one_line(capsys, store_dir, monkeypatch):
    import weakref

    cli_main = importlib.import_module("reader.cli.main")  # (the package names its function main too)

    def working(args):
        class Thing:
            pass

        thing = Thing()
        ref = weakref.ref(thing, lambda _: 1 / 0)
        del thing
        return ref and 0

    monkeypatch.setitem(cli_main.COMMANDS, "list", working)
    assert main(["--store", str(store_dir), "list"]) == 0
    assert capsys.readouterr().err == "newsreader: ignored: ZeroDivisionError: division by zero\n"
