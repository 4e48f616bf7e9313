"""A damaged store file, whatever the damage, gives every command the same one-line message with
a way to recover, and is never overwritten; files that are not files (a pipe, a folder, a link
to nothing) are refused without hanging; a linked store file stays linked; a read-only store
still lists and exports."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess

import pytest

from helpers import FIXTURES, SEED
from reader.cli.main import main
from trials import Terminal, env, newsreader, one_clear_line, record, run_cli, without_root_powers

ARTICLE = "b2ddbe863c38cdeb"  # the seed's id: its annotations are in annotations-b.json
# A store as the release before the article database wrote it (articles in JSON files), whose
# files a damage can hit before it is migrated; and the store files of today.
OLD_STORE = FIXTURES / "stores" / "json-release"
FILES = {"library": "library.json", "articles": "articles-b.json", "annotations": "annotations-b.json"}
TABLE = {"library": "articles", "articles": "articles", "annotations": f"a-{ARTICLE}"}
FIELD = {"library": "title", "articles": "body", "annotations": "tag"}


def _meta(kind):
    return {"1": {"schema": 2 if kind == "annotations" else 1, "kind": kind}}


def _row(data, kind):
    return next(iter(data[TABLE[kind]].values()))


def _set(path, value):
    def change(data, kind):
        *keys, last = path
        target = data
        for key in keys:
            target = _row(target, kind) if key == "ROW" else target[key]
        target[last] = value
    return change


DAMAGES = {
    "the file is a list": lambda d, k: [],
    "the file is a number": lambda d, k: 5,
    "no meta record": lambda d, k: {n: t for n, t in d.items() if n != "meta"},
    "meta is a list": lambda d, k: {**d, "meta": []},
    "the schema is text": lambda d, k: {**d, "meta": {"1": {**_meta(k)["1"], "schema": "1"}}},
    "the schema is null": lambda d, k: {**d, "meta": {"1": {**_meta(k)["1"], "schema": None}}},
    "the schema is zero": lambda d, k: {**d, "meta": {"1": {**_meta(k)["1"], "schema": 0}}},
    "the kind is missing": lambda d, k: {**d, "meta": {"1": {"schema": 1}}},
    "the kind is another": lambda d, k: {**d, "meta": {"1": {"schema": 1, "kind": "library" if k != "library" else "articles"}}},
    "a table is a list": lambda d, k: {**d, TABLE[k]: list(d[TABLE[k]].values())},
    "a table is text": lambda d, k: {**d, TABLE[k]: "rows"},
    "a row is a list": lambda d, k: {**d, TABLE[k]: {key: list(r.values()) for key, r in d[TABLE[k]].items()}},
    "a row is null": lambda d, k: {**d, TABLE[k]: {key: None for key in d[TABLE[k]]}},
    "a row lacks a field": lambda d, k: {**d, TABLE[k]: {key: {f: v for f, v in r.items() if f != FIELD[k]} for key, r in d[TABLE[k]].items()}},
    "a field has the wrong type": lambda d, k: {**d, TABLE[k]: {key: {**r, FIELD[k]: 5} for key, r in d[TABLE[k]].items()}},
    "a list field is text": lambda d, k: {**d, TABLE[k]: {key: {**r, "speakers" if k == "library" else "claims" if k == "articles" else "start": "x"} for key, r in d[TABLE[k]].items()}},
    "a value is out of its set": lambda d, k: {**d, TABLE[k]: {key: {**r, **({"tag": "maybe"} if k == "annotations" else {"claims": [{"id": "x"}]} if k == "articles" else {"claims": -1.5})} for key, r in d[TABLE[k]].items()}},
    "empty file": None,
    "cut short": "CUT",
}


def _commands(claim_id: str) -> dict[str, list[str]]:
    return {
        "list": ["list"], "list --json": ["list", "--json"], "show": ["show", ARTICLE[:6]],
        "claims": ["claims"], "claims --json": ["claims", "--json"], "tag": ["tag", claim_id, "stated"],
        "export": ["export"], "ingest": ["ingest", str(FIXTURES / "plain" / "bbc_like.txt")],
    }


@pytest.fixture(scope="module")
def old_healthy(tmp_path_factory):
    store = tmp_path_factory.mktemp("old") / "healthy"
    shutil.copytree(OLD_STORE, store)
    claims = json.loads((store / "articles-b.json").read_text())["articles"]
    return store, next(iter(claims.values()))["claims"][1]["id"]


@pytest.fixture(scope="module")
def healthy(tmp_path_factory):
    root = tmp_path_factory.mktemp("damaged")
    store = root / "healthy"
    assert run_cli("--store", str(store), "ingest", str(SEED)).returncode == 0
    claims = json.loads(run_cli("--store", str(store), "claims", "--json").stdout)
    assert claims[0]["article"] == ARTICLE
    assert run_cli("--store", str(store), "tag", claims[0]["id"], "denied", "--note", "mine").returncode == 0
    return store, claims[1]["id"]


def _damaged_copy(healthy, tmp_path, kind, damage):
    store = tmp_path / "store"
    shutil.copytree(healthy[0] if kind == "annotations" else OLD_STORE, store)
    path = store / FILES[kind]
    raw = path.read_bytes()
    change = DAMAGES[damage]
    if change is None:
        blob = b""
    elif change == "CUT":
        blob = raw[: len(raw) // 2]
    else:
        blob = json.dumps(change(json.loads(raw), kind)).encode()
    path.write_bytes(blob)
    for bak in store.glob("*.bak"):
        bak.unlink()  # the hint then has to say how to start afresh
    return store, path, blob


@pytest.mark.parametrize("damage", list(DAMAGES))
@pytest.mark.parametrize("kind", list(FILES))
def test_every_command_gets_one_line_and_the_file_is_kept(healthy, tmp_path, capsys, kind, damage):
    store, path, blob = _damaged_copy(healthy, tmp_path, kind, damage)
    bad = []
    for name, args in _commands(healthy[1]).items():
        code = main(["--store", str(store), *args])
        err = capsys.readouterr().err
        if code == 2:
            fine = one_clear_line(err) and str(path) in err and "left untouched" in err
            if kind == "annotations" and "ingest" in err.split("move it aside", 1)[-1]:
                fine = False  # ingesting again brings articles back, never annotations
        else:  # a command that did not need the damaged file
            fine = code in (0, 1) and "internal error" not in err and "Traceback" not in err
        if not fine:
            bad.append(f"{name}: exit {code}: {err.strip()[:160]}")
    kept = path.read_bytes() == blob
    ok = not bad and kept
    record("a damaged store file", f"{kind}: {damage}", ok, 0 if kept else 1, "; ".join(bad) or "overwritten")
    assert ok, bad


DB_DAMAGES = {
    "empty file": lambda raw: b"",
    "cut short": lambda raw: raw[: len(raw) // 2],
    "not a database": lambda raw: b"{not a database}" * 300,
    "its header overwritten": lambda raw: b"\x00" * 100 + raw[100:],
}


@pytest.mark.parametrize("damage", list(DB_DAMAGES))
def test_a_damaged_article_database_gets_one_line_and_is_kept(healthy, tmp_path, capsys, damage):
    store = tmp_path / "store"
    shutil.copytree(healthy[0], store)
    path = store / "articles.db"
    for side in store.glob("articles.db-*"):
        side.unlink()
    blob = DB_DAMAGES[damage](path.read_bytes())
    path.write_bytes(blob)
    bad = []
    for name, args in _commands(healthy[1]).items():
        code = main(["--store", str(store), *args])
        err = capsys.readouterr().err
        if code not in (1, 2) or not one_clear_line(err) or str(path) not in err or "reindex" not in err:
            bad.append(f"{name}: exit {code}: {err.strip()[:160]}")
    kept = path.read_bytes() == blob
    record("a damaged store file", f"articles.db: {damage}", not bad and kept, 0 if kept else 1, "; ".join(bad))
    assert not bad and kept, "\n".join(bad)


def test_an_article_database_of_a_newer_release_is_refused(healthy, tmp_path, capsys):
    store = tmp_path / "store"
    shutil.copytree(healthy[0], store)
    with sqlite3.connect(store / "articles.db") as db:
        db.execute("PRAGMA user_version = 99")
    assert main(["--store", str(store), "list"]) == 2
    err = capsys.readouterr().err
    assert one_clear_line(err) and "newer newsreader" in err


@pytest.mark.parametrize("kind", ["library", "annotations"])
def test_the_app_says_so_in_one_line(healthy, tmp_path, kind):
    store, path, blob = _damaged_copy(healthy, tmp_path, kind, "a row lacks a field")
    term = Terminal(newsreader("--store", str(store)), size=(100, 30))
    code = term.wait(20)
    term.close()
    out = term.text().decode("utf-8", "replace")
    ok = code == 2 and "Traceback" not in out and str(path) in out and "damaged" in out and path.read_bytes() == blob
    record("a damaged store file", f"{kind}: the app", ok, 0, out[-200:])
    assert ok, out[-500:]


def _special(kind: str, store, tmp_path):
    """A store file replaced by something that is not one."""
    path = store / FILES["annotations"]
    path.unlink()
    if kind == "a named pipe":
        os.mkfifo(path)
    elif kind == "a folder":
        path.mkdir()
    elif kind == "a link to nothing":
        path.symlink_to(tmp_path / "gone.json")
    return path


@pytest.mark.parametrize("kind", ["a named pipe", "a folder", "a link to nothing"])
def test_what_is_not_a_file_is_refused_without_hanging(healthy, tmp_path, kind):
    store = tmp_path / "store"
    shutil.copytree(healthy[0], store)
    path = _special(kind, store, tmp_path)
    results = []
    for args in (["list"], ["claims"], ["tag", healthy[1], "stated"]):
        try:
            done = run_cli("--store", str(store), *args, timeout=15)
            results.append(done.returncode == 2 and one_clear_line(done.stderr) and str(path).encode() in done.stderr)
        except subprocess.TimeoutExpired:
            results.append(False)
    unchanged = path.is_symlink() if kind == "a link to nothing" else path.exists() and not path.is_file()
    ok = all(results) and unchanged
    record("store files that are not files", kind, ok, 0, str(results))
    assert ok, results


def test_a_linked_store_file_stays_linked(healthy, tmp_path):
    store = tmp_path / "store"
    shutil.copytree(healthy[0], store)
    elsewhere = tmp_path / "synced" / FILES["annotations"]
    elsewhere.parent.mkdir()
    shutil.move(store / FILES["annotations"], elsewhere)
    (store / FILES["annotations"]).symlink_to(elsewhere)
    done = run_cli("--store", str(store), "tag", healthy[1], "unknown", "--note", "through the link")
    ok = (done.returncode == 0 and (store / FILES["annotations"]).is_symlink()
          and b"through the link" in elsewhere.read_bytes() and b"mine" in elsewhere.read_bytes())
    record("store files that are not files", "a store file that is a link", ok, 0 if ok else 1)
    assert ok, done.stderr


@pytest.mark.parametrize("which", ["today's", "an old release's"])
def test_a_read_only_store_lists_shows_and_exports(healthy, old_healthy, tmp_path, which):
    healthy = healthy if which == "today's" else old_healthy
    store = tmp_path / "store"
    shutil.copytree(healthy[0], store)
    os.chmod(store, 0o555)
    try:
        results = {}
        for name, args in {"list": ["list"], "show": ["show", ARTICLE[:6]], "claims": ["claims", "--json"],
                           "export": ["export"], "tag": ["tag", healthy[1], "stated"]}.items():
            done = subprocess.run(newsreader("--store", str(store), *args), capture_output=True, env=env(),
                                  preexec_fn=without_root_powers, timeout=30)
            results[name] = done
    finally:
        os.chmod(store, 0o755)
    reads = all(results[n].returncode == 0 for n in ("list", "show", "claims", "export"))
    refused = results["tag"].returncode == 2 and one_clear_line(results["tag"].stderr) and b"read-only" in results["tag"].stderr
    exported = b'"mine"' in results["export"].stdout or b'"checked: RIA"' in results["export"].stdout
    ok = reads and refused and exported
    record("a read-only store", "list, show, claims, export work; tag refused", ok, 0,
           " ".join(f"{n}={r.returncode}" for n, r in results.items()) + results["tag"].stderr.decode()[:100])
    assert ok, {n: (r.returncode, r.stderr[:200]) for n, r in results.items()}
