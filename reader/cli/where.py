"""`claims --where QUERY`: the query parsed once (a wrong one is a usage error with its column),
and each claim asked of it as the core reads a claim (claim_items.item_of)."""

from __future__ import annotations

from ..text import safe_line
from .main import UsageError


def query(text: str | None):
    """The parsed --where query (None without one); a wrong one is a usage error with its column."""
    if text is None:
        return None
    from ..query import QueryError, parse

    try:
        return parse(text)
    except QueryError as exc:
        raise UsageError(f"--where: {exc}: {safe_line(text, 120)}") from None


def asked(where, article, claim, note, annotators) -> bool:
    from ..claim_items import item_of
    from ..query import matches

    return matches(where, item_of(article, claim, note, annotators))
