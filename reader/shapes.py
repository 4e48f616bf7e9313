"""The shape of every row the store keeps, as data, and one checker for them.

A store file can be valid JSON and still not be a store file: a table turned into a list, a row
without its title, a number where a name should be. Every file is checked against these shapes
when it is read, so such a file gives the same one-line "damaged" message as broken JSON, never a
crash somewhere later. The shapes are the one place that says what a row holds.
"""

from __future__ import annotations

from collections.abc import Mapping

from .model import KINDS, TAGS

TEXT = (str,)
OPTIONAL_TEXT = (str, type(None))
NUMBER = (int, float)
WHOLE = (int,)
FLAG = (bool,)
LIST = (list,)
TABLE = (dict,)
OPTIONAL_TABLE = (dict, type(None))

Shape = tuple[tuple[str, tuple[type, ...]], ...]

SUMMARY: Shape = (
    ("id", TEXT), ("title", TEXT), ("author", OPTIONAL_TEXT), ("published", OPTIONAL_TEXT),
    ("date_only", FLAG), ("outlet", OPTIONAL_TEXT), ("section", OPTIONAL_TEXT), ("path", TEXT),
    ("fingerprint", TEXT), ("claims", WHOLE), ("speakers", LIST), ("sources", LIST),
    ("words", WHOLE), ("layout", TEXT), ("ingested", TEXT),
)

ARTICLE: Shape = (
    ("id", TEXT), ("path", TEXT), ("fingerprint", TEXT), ("title", TEXT), ("body", TEXT),
    ("author", OPTIONAL_TEXT), ("published", OPTIONAL_TEXT), ("claims", LIST),
)

CLAIM: Shape = (
    ("id", TEXT), ("kind", TEXT), ("text", TEXT), ("start", WHOLE), ("end", WHOLE),
    ("speaker", OPTIONAL_TEXT),
)

ANNOTATION: Shape = (
    ("claim_id", TEXT), ("article_id", TEXT), ("text", TEXT), ("start", WHOLE), ("end", WHOLE),
    ("tag", OPTIONAL_TEXT), ("note", TEXT), ("speaker", OPTIONAL_TEXT), ("not_a_claim", FLAG),
    ("annotator", TEXT), ("at", TEXT),
)

READ: Shape = (("article_id", TEXT), ("at", TEXT))

META: Shape = (("schema", WHOLE), ("kind", TEXT))


class Damaged(ValueError):
    """A row (or table) that is not what the store writes; str() says where and what."""


def check_row(row: object, shape: Shape, where: str) -> None:
    if _test(shape)(row):
        return
    if type(row) is not dict:
        raise Damaged(f"{where} is a {_kind_of(row)}, not a record")
    for name, types in shape:
        value = row.get(name, _MISSING)
        if value is _MISSING:
            raise Damaged(f"{where} has no '{name}'")
        if type(value) not in types:
            raise Damaged(f"{where}: '{name}' is a {_kind_of(value)}")


_TESTS: dict[Shape, object] = {}


def _test(shape: Shape):
    """A function that says in one expression whether a row has the shape: the check runs on
    every row of every file read, and a loop over the fields costs about seven times as much.
    `check_row` then looks for what is wrong only in a row that fails it."""
    test = _TESTS.get(shape)
    if test is None:
        names = {f"t{i}": frozenset(types) for i, (_, types) in enumerate(shape)}
        terms = " and ".join(f"type(get({name!r}, missing)) in t{i}" for i, (name, _) in enumerate(shape))
        source = f"def test(row):\n    if type(row) is not dict:\n        return False\n    get = row.get\n    return {terms}\n"
        scope = {**names, "missing": _MISSING}
        exec(source, scope)  # the names and types are this module's constants, never data
        test = _TESTS[shape] = scope["test"]
    return test


def check_table(table: object, name: str) -> Mapping:
    if type(table) is not dict:
        raise Damaged(f"table '{name}' is a {_kind_of(table)}, not a table")
    return table


def _kind_of(value: object) -> str:
    return {dict: "record", list: "list", str: "text", int: "number", float: "number",
            bool: "true/false", type(None): "null"}.get(type(value), type(value).__name__)


_MISSING = object()


# -- whole files -------------------------------------------------------------------------------


def _rows(data: dict, table: str, shape: Shape, extra=None) -> None:
    rows = check_table(data.get(table, {}), table)
    for key, row in rows.items():
        where = f"row {key} of '{table}'"
        check_row(row, shape, where)
        if extra is not None:
            extra(row, where)


def _claims(article: dict, where: str) -> None:
    for i, claim in enumerate(article["claims"]):
        check_row(claim, CLAIM, f"claim {i} of {where}")
        if claim["kind"] not in KINDS:
            raise Damaged(f"claim {i} of {where} has the unknown kind '{claim['kind']}'")


def _tag(row: dict, where: str) -> None:
    if row["tag"] is not None and row["tag"] not in TAGS:
        raise Damaged(f"{where} has the unknown tag '{row['tag']}'")


def _library(data: dict) -> None:
    _rows(data, "articles", SUMMARY)


def _articles(data: dict) -> None:
    _rows(data, "articles", ARTICLE, _claims)


def _annotations(data: dict) -> None:
    for name in data:
        if name.startswith("a-"):
            _rows(data, name, ANNOTATION, _tag)
    _rows(data, "read", READ)


CHECKS = {"library": _library, "articles": _articles, "annotations": _annotations}


def check_meta(data: object) -> dict:
    """The file's own record (its kind and schema), checked before anything else in it."""
    if type(data) is not dict:
        raise Damaged(f"it holds a {_kind_of(data)}, not tables")
    meta = check_table(data.get("meta", {}), "meta").get("1")
    if meta is None:
        raise Damaged("it has no 'meta' record")
    check_row(meta, META, "the 'meta' record")
    return meta


def check_rows(data: dict, kind: str) -> None:
    """Every table and row of a file of `kind`; raises Damaged with the first thing wrong."""
    for name, table in data.items():
        check_table(table, name)
    CHECKS[kind](data)
