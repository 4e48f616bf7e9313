"""The README's key table and the store folder's README say what the code does: every key the
app binds is in the table, and every kind of file the store writes is described."""

import re
from pathlib import Path

from textual.binding import Binding

from reader.tui import keys

ROOT = Path(__file__).resolve().parents[2]
NAMES = {"slash": "/", "question_mark": "?", "exclamation_mark": "!", "plus": "+", "minus": "-",
         "less_than_sign": "<", "greater_than_sign": ">", "left_square_bracket": "[",
         "right_square_bracket": "]", "left_curly_bracket": "{", "right_curly_bracket": "}", "number_sign": "#"}


def key_table() -> set[str]:
    """Every key written in backticks in the first column of the README's key table."""
    text = (ROOT / "README.md").read_text()
    table = text[text.index("| key | where | action |"):]
    table = table[: table.index("\n\n")]
    return {k for row in table.splitlines()[2:] for k in re.findall(r"`([^`]+)`", row.split("|")[1])}


def bound_keys() -> set[str]:
    out = set()
    for value in vars(keys).values():
        if isinstance(value, list) and value and all(isinstance(b, Binding) for b in value):
            for b in value:
                out.update(NAMES.get(k.strip(), k.strip()) for k in b.key.split(","))
    return out


def test_the_readme_key_table_lists_every_key_the_app_binds():
    missing = sorted(bound_keys() - key_table())
    assert not missing, f"keys bound in reader/tui/keys.py but not in the README's key table: {missing}"


def test_the_store_readme_names_every_kind_of_file_the_store_writes():
    text = (ROOT / "annotations" / "README.md").read_text()
    for name in ("articles.db", "annotations-0.json", ".bak", ".pending", ".lock", "articles-json.old"):
        assert name in text
    assert "articles-0.json" not in text  # the layout of an old release


def test_every_part_of_the_query_language_is_in_the_readme():
    from reader.query import FIELDS, GUIDE

    text = (ROOT / "README.md").read_text()
    table = text[text.index("| part | finds |"):]
    table = table[: table.index("\n\n")]
    table = table.replace("\\|", "|")  # (a | inside a cell of the table is escaped)
    for syntax, _ in GUIDE:
        assert syntax.split()[0] in table, syntax
    assert all(f"`{name}:" in table for name in FIELDS)  # (every field the parser knows)
