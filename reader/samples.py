"""Where the sample articles are: inside an installed package, or `seeds/` in a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def seeds_dir() -> Path | None:
    try:
        found = resources.files("reader.seeds")
        path = Path(str(found))
        if path.is_dir():
            return path
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    checkout = Path(__file__).resolve().parent.parent / "seeds"
    return checkout if checkout.is_dir() else None
