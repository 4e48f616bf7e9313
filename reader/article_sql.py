"""The query language (reader.query) asked of articles: the library's filter. Each part of a
query is a question about an article:

    words, "phrases"            the article's words (headline, author, outlet, speakers, sources,
                                body; the index keeps no positions, so a phrase asks for its words)
    speaker:NAME                NAME speaks in it (a name from its start)
    outlet: author: after: before:   the article's own
    role: kind: conf:           it has a claim of that role, kind, confidence (claims_sql)
    is:untagged                 it has claims you have not judged
    -, OR, ( )                  as everywhere

tag:, annotator:, is:tagged and is:doubtful ask about annotations of claims: the claims view (c)
answers them; here they are a QueryError that says so.
"""

from __future__ import annotations

from . import claims_sql
from .query import All, Any, Field, Not, QueryError, Words

CLAIMS_VIEW_ONLY = ("tag", "annotator")
CLAIMS_VIEW_STATES = ("tagged", "doubtful")


def check(node) -> None:
    """QueryError for a part the library cannot answer (see the module's note)."""
    if isinstance(node, Field) and (node.name in CLAIMS_VIEW_ONLY or (node.name == "is" and node.value in CLAIMS_VIEW_STATES)):
        what = f"{node.name}:" if node.name != "is" else f"is:{node.value}"
        raise QueryError(f"{what} asks about annotations of claims: the claims view (c) answers it",
                         max(node.column, 0))
    for child in _children(node):
        check(child)


def _children(node) -> tuple:
    if isinstance(node, Not):
        return (node.node,)
    return node.nodes if isinstance(node, (All, Any)) else ()


CLAIM_FIELDS = ("role", "kind", "conf")  # (asked of an article's claims: claims_db)


def asks_claims(node) -> bool:
    """Whether a query has a part asked of an article's claims."""
    if isinstance(node, Field):
        return node.name in CLAIM_FIELDS
    return any(asks_claims(child) for child in _children(node))


def parts(node) -> list:
    """The parts a query's articles must all have (its top level)."""
    return list(node.nodes) if isinstance(node, All) else [node]


def is_untagged(node) -> bool:
    return isinstance(node, Field) and node.name == "is" and node.value == "untagged"


class Compiler:
    """A part as SQL over the articles (a) and your marks (m). `words(text)` is the FTS5 query of
    the words (listing.fts_words), `keys(column, value)` the keys of a column that match."""

    def __init__(self, words, keys, untagged_sql: str) -> None:
        self.words, self.keys, self.untagged_sql = words, keys, untagged_sql
        self.args: list = []

    def sql(self, node) -> str:
        if isinstance(node, Words):
            return self.fts("words", self.words(node.text))
        if isinstance(node, Field):
            return self.field(node)
        if isinstance(node, Not):
            return f"NOT ({self.sql(node.node)})"
        joined = " AND " if isinstance(node, All) else " OR "
        return joined.join(f"({self.sql(n)})" for n in node.nodes) or "1"

    def fts(self, table: str, match: str | None) -> str:
        if match is None:
            return "1"
        self.args.append(match)
        return f"a.date_key IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)"

    def field(self, f: Field) -> str:
        if f.name == "speaker":
            from .listing import fts_words

            return self.fts("people", fts_words(f.value, phrase=True))
        if f.name in ("outlet", "author"):
            self.args.append(claims_sql.as_json(self.keys(f"{f.name}_key", f.value)))
            return f"a.{f.name}_key IN (SELECT value FROM json_each(?))"
        if f.name in ("after", "before"):
            self.args.append(claims_sql.day_key(f.value))
            return "a.date_key >= ?" if f.name == "after" else f"(a.date_key < ? AND a.date_key >= {claims_sql.FIRST_DATED})"
        if is_untagged(f):
            return self.untagged_sql
        sql, args = claims_sql.where(f, None, plain=True)
        self.args.extend(args)
        return f"a.n IN (SELECT c.article FROM claims c WHERE {sql})"


def where(nodes: list, words, keys, untagged_sql: str) -> tuple[list[str], list]:
    """The SQL conditions of the parts, and their arguments."""
    c = Compiler(words, keys, untagged_sql)
    return [f"({c.sql(n)})" for n in nodes], c.args
