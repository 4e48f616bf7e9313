"""The app and the CLI (another process) change one claim: neither loses what the other did.
A change is applied to the annotation as it is on disk, field by field; an undo takes back only
what the app itself did; and the app shows what the other process changed."""

from __future__ import annotations

import asyncio
import contextlib

import pytest

from helpers import SEED, fixed_clock
from reader.ingest import ingest
from reader.store import Store
from reader.tui.app import make_app
from reader.tui.screens.article import ArticleScreen
from trials import annotation_rows, record, run_cli

SIZE = (120, 40)


def has(*parts: str):
    return lambda value: value is not None and all(p in value for p in parts)


TYPE = list  # keys that type text: list("abc") is "a", "b", "c"

# name, app keys before the CLI changes the claim, the CLI's `tag` arguments, app keys after,
# and what the stored annotation must hold then.
VARIANTS = [
    ("a note after a CLI tag and note", [], ["denied", "--note", "CLI NOTE"],
     ["a", *TYPE(" APP NOTE"), "enter"], {"tag": "denied", "note": has("CLI NOTE", "APP NOTE")}),
    ("s after a CLI note", [], ["--note", "CLI NOTE"], ["s"], {"tag": "stated", "note": "CLI NOTE"}),
    ("d after a CLI speaker correction", [], ["--speaker", "Someone Else"], ["d"],
     {"tag": "denied", "speaker": "Someone Else"}),
    ("s after a CLI tag and note", [], ["denied", "--note", "CLI NOTE"], ["s"], {"tag": "stated", "note": "CLI NOTE"}),
    ("undo after a CLI tag", ["s"], ["denied", "--note", "CLI NOTE"], ["ctrl+z"], {"tag": "denied", "note": "CLI NOTE"}),
    ("undo after a CLI note", ["s"], ["--note", "CLI NOTE"], ["ctrl+z"], {"tag": None, "note": "CLI NOTE"}),
    ("redo after a CLI tag", ["s", "ctrl+z"], ["unknown"], ["ctrl+y"], {"tag": "unknown"}),
    ("a speaker correction after a CLI note", [], ["--note", "CLI NOTE"],
     ["w", "ctrl+u", *TYPE("Other Person"), "enter"], {"speaker": "Other Person", "note": "CLI NOTE"}),
    ("not a claim after a CLI tag", [], ["stated"], ["f"], {"tag": "stated", "not_a_claim": True}),
    ("clearing the tag after a CLI note", ["s"], ["--note", "CLI NOTE"], ["x"], {"tag": None, "note": "CLI NOTE"}),
]


@pytest.fixture
def store_dir(tmp_path):
    folder = tmp_path / "store"
    ingest([str(SEED)], Store(folder, annotator="tester", clock=fixed_clock))
    return folder


@contextlib.asynccontextmanager
async def reading(store_dir):
    """The app on the store, its first article open: (app, pilot, the reader screen)."""
    app = make_app(store_dir, annotator="tester", clock=fixed_clock, samples=False)
    app.blink = False
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ArticleScreen)
        yield app, pilot, app.screen


async def settle(app) -> None:
    """Until every save the app started has reached the store."""
    if not hasattr(app, "saving"):  # a version that does not say (bench/reliability.py --code)
        await asyncio.sleep(0.5)
        return
    for _ in range(200):
        await asyncio.sleep(0.02)
        if not any(app.saving.values()):
            return
    raise AssertionError("saves never finished")


async def cli(*args: str) -> None:
    done = await asyncio.to_thread(run_cli, *args)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(("name", "before", "cli_args", "after", "expected"), VARIANTS, ids=[v[0] for v in VARIANTS])
async def test_the_app_keeps_what_the_cli_did(store_dir, name, before, cli_args, after, expected):
    async with reading(store_dir) as (app, pilot, screen):
        await pilot.press("n", "n")
        claim = screen.claims[screen.current]
        await pilot.press(*before)
        await settle(app)
        await cli("--store", str(store_dir), "--annotator", "tester", "tag", claim.id, *cli_args)
        await pilot.press(*after)
        await pilot.pause()
        await settle(app)
        stored = Store(store_dir, annotator="tester").annotations(screen.article.id).get(claim.id)
        shown = screen.notes.get(claim.id)
    got = {f: getattr(stored, f) if stored else None for f in expected}
    wrong = [f for f, want in expected.items() if not (want(got[f]) if callable(want) else got[f] == want)]
    record("app and CLI change one claim", name, not wrong, len(wrong), f"{wrong}: stored {got}" if wrong else "")
    assert not wrong, f"stored {got}"
    assert shown == stored, "the app shows what the store holds"


async def test_the_app_shows_what_another_process_changed(store_dir):
    async with reading(store_dir) as (app, pilot, screen):
        claim = screen.claims[1]
        await cli("--store", str(store_dir), "--annotator", "tester", "tag", claim.id, "denied", "--note", "from the CLI")
        for _ in range(100):  # the app looks every second
            await asyncio.sleep(0.05)
            if screen.notes.get(claim.id) is not None:
                break
        shown = screen.notes.get(claim.id)
        await pilot.press("escape")
        await pilot.pause()
        row = app.library.by_id(screen.article.id)
    ok = shown is not None and (shown.tag, shown.note) == ("denied", "from the CLI") and row.tagged == 1
    record("app and CLI change one claim", "the app shows the CLI's change", ok, 0 if ok else 1)
    assert ok, shown


async def test_another_annotator_s_work_is_never_touched(store_dir):
    async with reading(store_dir) as (app, pilot, screen):
        claim = screen.claims[0]
        await cli("--store", str(store_dir), "--annotator", "bob", "tag", claim.id, "denied", "--note", "bob's")
        await pilot.press("s", "a", *TYPE("mine"), "enter", "ctrl+z", "ctrl+z", "u")
        await settle(app)
        await pilot.pause(1.3)  # a poll of the store: bob's tag must not appear as the app user's
        shown = screen.notes.get(claim.id)
    rows = {r["annotator"]: (r["tag"], r["note"]) for r in annotation_rows(store_dir) if r["claim_id"] == claim.id}
    ok = rows == {"bob": ("denied", "bob's"), "tester": ("unknown", "")} and shown is not None and shown.tag == "unknown"
    record("annotators", "the app and another annotator's CLI on one claim", ok, 0 if ok else 1)
    assert ok, rows
