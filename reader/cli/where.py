"""`claims --where QUERY`: the query parsed once (a wrong one is a usage error with its column),
and each claim asked of it as the core reads a claim (claim_items.item_of). Imported only when
a command is given a query."""

from __future__ import annotations

from collections.abc import Callable

from ..claim_items import annotators_of, item_of
from ..query import QueryError, matches, parse
from ..text import safe_line
from .main import UsageError


def query(text: str):
    """The parsed query; a wrong one is a usage error with its column."""
    try:
        return parse(text)
    except QueryError as exc:
        raise UsageError(f"--where: {exc}: {safe_line(text, 120)}") from None


def matcher(text: str, store) -> Callable:
    """asked(article, claim, note): whether the query asks for the claim (who annotated each
    claim read once an article)."""
    from ..roster import names_of

    where, seen, names = query(text), {}, names_of(store)

    def asked(article, claim, note) -> bool:
        if article.id not in seen:
            seen.clear()
            seen[article.id] = annotators_of(store, article.id)
        return matches(where, item_of(article, claim, note, seen[article.id].get(claim.id, ()), names))

    return asked
