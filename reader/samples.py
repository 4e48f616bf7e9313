"""Where the sample articles are: `reader/seeds/` in an installed package (the wheel maps the
project's `seeds/` there), or `seeds/` beside the package in a checkout."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def seeds_dir() -> Path | None:
    for candidate in (_HERE / "seeds", _HERE.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None
