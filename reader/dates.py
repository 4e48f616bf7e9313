"""Publication times: local wall-clock times made into aware datetimes.

Bylines give a local time without an offset. The offset depends on the date (Kyiv is +02:00 in
winter, +03:00 in summer); times in the spring gap do not exist and times in the autumn overlap
happen twice. dateutil resolves both; we say so in a warning rather than guess silently.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil import tz

KYIV = ZoneInfo("Europe/Kyiv")

MONTHS = {
    m: i
    for i, m in enumerate(
        "January February March April May June July August September October November December".split(),
        start=1,
    )
}
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def local_time(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, zone=KYIV
) -> tuple[datetime, str | None]:
    """An aware datetime for a wall-clock time in `zone`, with a warning when it was adjusted.

    Raises ValueError for impossible dates (31 February).
    """
    naive = datetime(year, month, day, hour, minute)
    aware = naive.replace(tzinfo=zone)
    if not tz.datetime_exists(aware):
        fixed = tz.resolve_imaginary(aware)
        return fixed, (
            f"{naive:%Y-%m-%d %H:%M} does not exist in {zone} (clocks went forward); "
            f"read as {fixed:%H:%M%z}"
        )
    if tz.datetime_ambiguous(aware):
        return aware, f"{naive:%Y-%m-%d %H:%M} happens twice in {zone} (clocks went back); read as the first"
    return aware, None


def weekday_warning(weekday: str, when: date) -> str | None:
    """A warning when a byline's weekday does not match its date (the date wins)."""
    actual = WEEKDAYS[when.weekday()]
    if weekday.lower() != actual.lower():
        return f"byline says {weekday} but {when:%-d %B %Y} was a {actual}; kept the date"
    return None


def week_of(day: date) -> str:
    """The Monday a day's week starts on, as 2025-05-05."""
    return (day - timedelta(days=day.weekday())).isoformat()


MAX_WEEKS = 5_000  # (about a century: a range wider than this is left with its gaps)


def every_week(counts: dict[str, int]) -> dict[str, int]:
    """Counts by week (week_of), in order, with the weeks between that have none as 0: a
    sparkline of them is a line over time."""
    if not counts:
        return {}
    first, last = date.fromisoformat(min(counts)), date.fromisoformat(max(counts))
    if (last - first).days // 7 > MAX_WEEKS:
        return dict(sorted(counts.items()))
    out, day = {}, first
    while day <= last:
        out[day.isoformat()] = counts.get(day.isoformat(), 0)
        day += timedelta(days=7)
    return out
