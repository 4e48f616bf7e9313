"""Nothing typed by a user, read from an article or found in a hand-edited store file reaches the
terminal as a control or escape sequence: every command's output, on a terminal and piped, and
the app's dialogs. The store keeps the text as it was typed."""

from __future__ import annotations

import json
import sqlite3
import zlib
from pathlib import Path

import pytest

from helpers import HOSTILE, SEED
from reader.packing import CLAIM_FIELDS
from trials import Terminal, env, newsreader, record, run_cli, unsafe_in_cli_output

PAYLOAD = "\x1b]2;PWNED\x07\x1b[?1049h\x1b[?1000h\x9b31m\u202eevil\x7f"


def _edit_by_hand(database: Path) -> None:
    """What a user could put into the article database with the sqlite3 shell."""
    with sqlite3.connect(database) as db:
        speakers = json.dumps([PAYLOAD])
        db.execute("UPDATE articles SET title = ?, author = ?, outlet = ?, speakers = ?",
                   (f"Headline {PAYLOAD}", PAYLOAD, PAYLOAD, speakers))
        for n, body, blob in db.execute("SELECT n, body, claims FROM articles").fetchall():
            claims = zlib.decompressobj(zdict=zlib.decompress(body))  # (the body is the claims' dictionary)
            claims = json.loads(claims.decompress(blob) + claims.flush())
            for claim in claims:
                for field in ("speaker", "role"):
                    claim[CLAIM_FIELDS.index(field)] = PAYLOAD
            db.execute("UPDATE articles SET claims = ? WHERE n = ?", (zlib.compress(json.dumps(claims).encode()), n))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A store whose note, speaker correction, headline, speakers and role hold escapes."""
    root = tmp_path_factory.mktemp("escapes")
    store = root / "store"
    s = str(store)
    assert run_cli("--store", s, "ingest", str(SEED)).returncode == 0
    claims = json.loads(run_cli("--store", s, "claims", "--json").stdout)
    first, second = claims[1]["id"], claims[2]["id"]
    assert run_cli("--store", s, "tag", first, "stated", "--note", PAYLOAD).returncode == 0
    assert run_cli("--store", s, "tag", second, "--speaker", PAYLOAD).returncode == 0
    article = claims[0]["article"]

    _edit_by_hand(store / "articles.db")
    weird = root / f"name {PAYLOAD}.txt"
    weird.write_bytes(b"\x00\x01binary")
    (root / f"article {PAYLOAD}.txt").write_bytes(HOSTILE)
    return store, article, first, weird


def commands(store, article, claim, weird):
    s = str(store)
    return {
        "tag --note": ["--store", s, "tag", claim, "stated", "--note", PAYLOAD],
        "tag --speaker": ["--store", s, "tag", claim, "--speaker", PAYLOAD],
        "claims": ["--store", s, "claims"],
        "claims ARTICLE": ["--store", s, "claims", article],
        "claims --json": ["--store", s, "claims", "--json"],
        "show": ["--store", s, "show", article],
        "show --plain": ["--store", s, "show", "--plain", article],
        "list": ["--store", s, "list"],
        "list --json": ["--store", s, "list", "--json"],
        "export": ["--store", s, "export"],
        "ingest (a refused file's name)": ["--store", s, "ingest", str(weird)],
        "extract (a hostile article and its name)": ["extract", str(weird.parent / f"article {PAYLOAD}.txt")],
        "extract --json": ["extract", "--json", str(weird.parent / f"article {PAYLOAD}.txt")],
        "an error naming what was typed": ["--store", s, "show", PAYLOAD],
    }


NAMES = list(commands("s", "a", "c", Path("w")))


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("where", ["terminal", "pipe"])
def test_command_output_is_clean(hostile, name, where):
    args = commands(*hostile)[name]
    if where == "terminal":
        term = Terminal(newsreader(*args), size=(200, 50))
        code = term.wait(30)
        term.close()
        output = term.text()
    else:
        done = run_cli(*args)
        code, output = done.returncode, done.stdout + done.stderr
    bad = unsafe_in_cli_output(output)
    ok = code is not None and not bad
    record("escapes in command output", f"{name} ({where})", ok, 0, repr(bad[:5]))
    assert ok, bad[:5]


def test_the_store_keeps_the_note_as_typed(hostile):
    store, _, claim, _ = hostile
    rows = json.loads(run_cli("--store", str(store), "claims", "--json").stdout)
    assert next(r for r in rows if r["id"] == claim)["note"] == PAYLOAD


def test_the_app_s_dialogs_show_hostile_text_without_obeying_it(hostile):
    store, _article, _claim, _ = hostile
    term = Terminal(newsreader("--store", str(store)), size=(120, 40), environ=env())
    try:
        assert term.wait_for(b"newsreader", 20)
        term.press("\r", b"Stated")  # open the article (the library's only one)
        term.press("n", b"2/")  # the second claim: the one with the hostile note
        term.press("a", b"enter saves")  # the note dialog, holding the note
        term.send("\x1b", 0.5)
        term.press("w", b"Who said it")  # the speaker dialog, holding the speaker
        term.send("\x1b", 0.5)
        term.send("q", 0.5)
        term.wait(10)
    finally:
        term.close()
    out = term.text()
    # The payload's sequences as they would reach the terminal if it were passed on; the app's
    # own sequences (it switches screens and mouse modes too) are never next to its text.
    passed_on = [seq for seq in (b"\x1b]2;PWNED", b"PWNED\x07", b"\x07\x1b[?1049h", b"\x1b[?1049h\x1b[?1000h\xc2",
                                 b"\xc2\x9b", b"\xe2\x80\xae") if seq in out]
    ok = b"PWNED" in out and not passed_on  # shown, and not obeyed
    record("escapes in the app", "note and speaker dialogs", ok, 0, repr(passed_on))
    assert ok, passed_on
