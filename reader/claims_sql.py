"""The query language (reader.query) asked of a million claims at once: a query's tree as the
WHERE clause of the claims table (claims_db, as `c`) with the annotations laid over it (the
`notes` table of claim_listing, as `n`). Each field here means what query.FIELD_TESTS says of
one claim; tests/unit/test_claims_sql.py holds the two to the same answers, field by field.

Text fields are answered by the database's indexes: the claim's words by its full-text index,
a speaker's name by the speakers' (and the merges of roster.Names), an outlet or author by the
few keys that match. `plain=True` asks it of claims nobody annotated (no annotation's column):
how a count over the whole table stays a count of an index.
"""

from __future__ import annotations

import re
from datetime import date

from .extract.calibration import DOUBTFUL
from .packing import N_BITS, date_key
from .query import All, Any, Field, Not, Words, ascii_lower, has_words

FTS_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str, phrase: bool = False) -> str | None:
    """The FTS5 query of query.has_words: every word the start of a word; a phrase's words one
    after the other, the last the start of a word. None when the text has no word."""
    words = FTS_WORD.findall(text.lower())
    if not words:
        return None
    if phrase:
        return '"' + " ".join(words) + '"*'
    return " AND ".join(f'"{w}"*' for w in words)


def as_json(values) -> str:
    import orjson

    return orjson.dumps(list(values)).decode()


class Compiler:
    """`lookup` answers the text fields: speakers(value), outlets(value) and authors(value) ->
    the keys (casefolded names) that match."""

    def __init__(self, lookup, plain: bool = False, note: str = "n.", ordered: bool = False) -> None:
        self.lookup, self.plain, self.prefix, self.ordered = lookup, plain, note, ordered
        self.args: list = []

    def words(self, match: str) -> str:
        """The claims whose words the full-text query finds. For rows read in an order, the
        words that many claims have are asked of each claim read in that order's index ("+":
        not looked up through the list the index makes, then sorted): the first page is then
        found after a few thousand claims, not after every claim with the words."""
        common = self.ordered and self.lookup.common(match)
        return f"{'+' if common else ''}c.k IN (SELECT rowid FROM claim_words WHERE claim_words MATCH {self.arg(match)})"

    def note(self, column: str) -> str:
        return "NULL" if self.plain else f"{self.prefix}{column}"

    def arg(self, value) -> str:
        self.args.append(value)
        return "?"

    def sql(self, node) -> str:
        if isinstance(node, Words):
            found = fts_query(node.text, node.phrase)
            return "1" if found is None else self.words(found)
        if isinstance(node, Field):
            return FIELDS[node.name](self, node)
        if isinstance(node, Not):
            return f"NOT ({self.sql(node.node)})"
        if isinstance(node, (All, Any)):
            return self.joined(node)
        raise TypeError(node)

    def joined(self, node) -> str:
        """All or Any: their words asked of the full-text index in one query (where that is the
        same question), the rest each in its own condition."""
        word = " AND " if isinstance(node, All) else " OR "
        words = [n for n in node.nodes if isinstance(n, Words) and fts_query(n.text, n.phrase)]
        rest = [n for n in node.nodes if not (isinstance(n, Words) and fts_query(n.text, n.phrase))]
        parts = []
        if len(words) > 1 and (isinstance(node, All) or not rest):
            parts.append(self.words(word.join(f"({fts_query(n.text, n.phrase)})" for n in words)))
        else:
            rest = list(node.nodes)
        parts.extend(self.sql(n) for n in rest)
        return word.join(f"({p})" for p in parts) or "1"


def register(db, names=None) -> None:
    """The functions these conditions call, on a connection: has_words (query.has_words) and,
    given a roster.Names, speaker_is (Names.matches)."""
    db.create_function("has_words", 2, lambda v, w: v is not None and has_words(v, w), deterministic=True)
    if names is not None:
        db.create_function("speaker_is", 2, names.matches, deterministic=True)


def where(node, lookup, plain: bool = False, note: str = "n.", ordered: bool = False) -> tuple[str, list]:
    """The SQL condition of a query's tree, and its arguments; `note`: where the annotation's
    columns are (the table's alias and a dot); `ordered`: for reading rows in an order."""
    c = Compiler(lookup, plain, note, ordered)
    return f"({c.sql(node)})", c.args


def _speaker(c: Compiler, f: Field) -> str:
    def extracted() -> str:
        return f"c.speaker_key IN (SELECT value FROM json_each({c.arg(as_json(c.lookup.speakers(f.value)))}))"

    if c.plain:
        return extracted()
    # (placeholders are made in the order they appear)
    mine = c.note("speaker")
    return f"(CASE WHEN {mine} IS NOT NULL THEN speaker_is({mine}, {c.arg(f.value)}) ELSE {extracted()} END)"


def _outlet(c: Compiler, f: Field) -> str:
    return f"c.outlet_key IN (SELECT value FROM json_each({c.arg(as_json(c.lookup.outlets(f.value)))}))"


def _author(c: Compiler, f: Field) -> str:
    return (f"c.article IN (SELECT n FROM articles WHERE author_key IN "
            f"(SELECT value FROM json_each({c.arg(as_json(c.lookup.authors(f.value)))})))")


def _untagged(c: Compiler) -> str:
    return f"({c.note('tag')} IS NULL AND NOT coalesce({c.note('not_a_claim')}, 0))"


def _tag(c: Compiler, f: Field) -> str:
    if f.value == "none":
        return _untagged(c)
    return f"coalesce({c.note('tag')}, '') = {c.arg(f.value)}"


def _is(c: Compiler, f: Field) -> str:
    if f.value == "doubtful":
        return f"(c.conf < {c.arg(DOUBTFUL)} AND NOT coalesce({c.note('settled')}, 0))"
    return _untagged(c) if f.value == "untagged" else f"NOT {_untagged(c)}"


def _annotator(c: Compiler, f: Field) -> str:
    return f"instr(coalesce({c.note('who')}, ''), {c.arg(who_mark(f.value))}) > 0"


def who_mark(name: str) -> str:
    """How a name is found in noted.who: every annotator's name (ASCII case aside, as SQLite's
    lower() has it: query.ascii_lower), each between \\x1f."""
    return "\x1f" + ascii_lower(name) + "\x1f"


def day_key(day: date) -> int:
    return date_key(day.isoformat(), 0)


FIRST_DATED = 1 << N_BITS  # the date keys below it are of articles without a date

FIELDS = {
    "speaker": _speaker,
    "role": lambda c, f: f"has_words(c.role, {c.arg(f.value)})",
    "outlet": _outlet,
    "author": _author,
    "annotator": _annotator,
    # (three kinds: a third of the claims is never the way in; "+" keeps SQLite from taking it)
    "kind": lambda c, f: f"+c.kind = {c.arg(f.value)}",
    "tag": _tag,
    "is": _is,
    "conf": lambda c, f: f"c.conf {'=' if f.op == ':' else f.op} {c.arg(f.value)}",
    "after": lambda c, f: f"c.date_key >= {c.arg(day_key(f.value))}",
    "before": lambda c, f: f"(c.date_key < {c.arg(day_key(f.value))} AND c.date_key >= {FIRST_DATED})",
}
