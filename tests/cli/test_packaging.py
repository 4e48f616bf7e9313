"""The wheel that `pip install .` builds holds everything an installed newsreader needs."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_wheel_has_every_module_the_samples_and_the_styles(tmp_path):
    # Build from a clean copy: a stale build/ folder would hide a missing package.
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(".venv", "build", "*.egg-info", ".git", "annotations", "__pycache__"))
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(source)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("newsreader-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"reader/{p.relative_to(ROOT / 'reader')}"
        for p in (ROOT / "reader").rglob("*")
        if p.suffix in (".py", ".tcss") and "__pycache__" not in p.parts
    }
    expected |= {f"reader/seeds/{p.name}" for p in (ROOT / "seeds").glob("*.txt")}
    assert expected - names == set()
    assert any(n.endswith("entry_points.txt") for n in names)
