"""The keys a text field's words find, for claims_sql: the speakers' (through their full-text
index, and the merges of roster.Names), the outlets' and the authors' (the few the articles have).
Each answer is kept for the life of the connection's view (claim_listing)."""

from __future__ import annotations

from .claims_db import key_of
from .claims_sql import fts_query
from .query import has_words


class Lookup:
    def __init__(self, run, names) -> None:
        self.run, self.names = run, names  # run(sql, args) -> rows
        self._found: dict[tuple[str, str], list[str]] = {}

    def speakers(self, value: str) -> list[str]:
        """The keys of the names `speaker:value` asks for: those it names, and those merged into
        a person it names."""
        found = self._found.get(("speaker", value))
        if found is None:
            fts = fts_query(value)
            named = [n for (n,) in self.run("SELECT s.name FROM speaker_words w CROSS JOIN speakers s ON s.n = w.rowid "
                                            "WHERE speaker_words MATCH ?", (fts,))] if fts else []
            merged = [k for k, person in self.names.merged().items() if has_words(person, value)]
            found = self._found["speaker", value] = sorted({key_of(n) for n in named} | set(merged))
        return found

    def outlets(self, value: str) -> list[str]:
        return self._distinct("outlet_key", value)

    def authors(self, value: str) -> list[str]:
        return self._distinct("author_key", value)

    def _distinct(self, column: str, value: str) -> list[str]:
        found = self._found.get((column, value))
        if found is None:
            found = self._found[column, value] = [
                k for (k,) in self.run(f"SELECT DISTINCT {column} FROM articles", ()) if k and has_words(k, value)]
        return found
