"""Constants and helpers shared by the tests (importable: tests/ is on pytest's pythonpath)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).parent.parent / "seeds" / "000_44b2449007d2afe5.txt"
FIXED_NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def fixed_clock() -> datetime:
    return FIXED_NOW
