"""The core never imports Textual or Rich: it must stay usable from scripts and the CLI alone.

Every module of the package is checked except the two clients (reader.tui, reader.cli) and the
entry point that starts them: the list is walked, not kept by hand, so a new core module is
checked the day it is added."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import reader

CLIENTS = ("reader.tui", "reader.cli", "reader.__main__")


def core_modules() -> list[str]:
    names = [m.name for m in pkgutil.walk_packages(reader.__path__, "reader.")]
    return sorted(n for n in names if not any(n == c or n.startswith(c + ".") for c in CLIENTS))


def test_the_walk_finds_the_core_modules_that_a_hand_kept_list_missed():
    found = core_modules()
    for module in ("reader.library", "reader.evaluate", "reader.store", "reader.extract.names"):
        assert module in found
    assert not any(m.startswith("reader.tui") for m in found)


@pytest.mark.parametrize("module", core_modules())
def test_core_module_imports_no_ui_library(module):
    code = f"import sys, {module}; bad = [m for m in ('textual', 'rich') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_screens_and_widgets_do_not_reach_into_the_app():
    """They are given what they need (a Session, the store service) and send messages back; only
    Textual's own screen stack and size are asked of the app."""
    import re

    allowed = {"push_screen", "pop_screen", "size"}
    tui = Path(reader.__file__).parent / "tui"
    reached = {(p.name, m) for folder in ("screens", "widgets", "dialogs") for p in (tui / folder).glob("*.py")
               for m in re.findall(r"self\.app\.([a-z_]+)", p.read_text()) if m not in allowed}
    assert not reached, sorted(reached)


def test_the_app_and_the_tag_command_start_without_the_extractor():
    """The extractor and the outlets' layouts are a third of the start-up: the library (and
    `tag`, `list`...) start without them, and the reader's screen comes once it is on screen."""
    code = ("import sys, reader.cli.main, reader.tui.app; "
            "print(sorted(m for m in sys.modules if m.startswith(('reader.extract.claims', 'reader.layouts', "
            "'reader.ingest', 'reader.tui.screens.article'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
