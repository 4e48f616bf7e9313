"""The core never imports Textual or Rich: it must stay usable from scripts and the CLI alone."""

import subprocess
import sys

import pytest

CORE = [
    "reader.text", "reader.model", "reader.dates", "reader.layouts", "reader.extract", "reader.ids",
    "reader.storage", "reader.store", "reader.ingest", "reader.export", "reader.marks", "reader.samples",
    "reader.shapes", "reader.upgrades", "reader.journal", "reader.settings", "reader.library",
]


@pytest.mark.parametrize("module", CORE)
def test_core_module_imports_no_ui_library(module):
    code = f"import sys, {module}; bad = [m for m in ('textual', 'rich') if m in sys.modules]; print(bad); sys.exit(bool(bad))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
