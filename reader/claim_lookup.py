"""The keys a text field's words find, for claims_sql and article_sql: the speakers' (through
their full-text index, and the merges of roster.Names), the outlets' and the authors' (the few
the articles have). Each answer is kept until `forget` (a claims view's for its life; the
library's until the store changes)."""

from __future__ import annotations

from .claims_db import key_of
from .claims_sql import fts_query
from .query import has_words

# (measured at 1.2 million claims, for a page of 100: a claim looked up and sorted 1.4 us, a claim
# read in order 60 ns; bench/claims_scale.py)
COMMON = 4.3


class Lookup:
    def __init__(self, run, names) -> None:
        self.run, self.names = run, names  # run(sql, args) -> rows
        self._found: dict[tuple[str, str], list[str]] = {}
        self._counts: dict[str, int] = {}
        self._columns: dict[str, list[str]] = {}  # an article column's keys
        self._total: int | None = None

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

    def common(self, match: str) -> bool:
        """Whether so many claims have these words (a full-text query) that the first page of
        them is sooner found by reading claims in order than by sorting all of them: more than
        about the square root of COMMON x the claims (2,200 of a million)."""
        found = self._counts.get(match)
        if found is None:
            if self._total is None:
                self._total = self.run("SELECT count(*) FROM claims", ())[0][0]
            found = self._counts[match] = self.run(
                "SELECT count(*) FROM claim_words WHERE claim_words MATCH ?", (match,))[0][0]
        return found * found > COMMON * self._total

    def outlets(self, value: str) -> list[str]:
        return self.keys("outlet_key", value)

    def authors(self, value: str) -> list[str]:
        return self.keys("author_key", value)

    def keys(self, column: str, value: str) -> list[str]:
        """The keys of an article column (outlet_key, author_key: the few the articles have)
        whose words are asked for."""
        if column not in self._columns:
            self._columns[column] = [k for (k,) in self.run(f"SELECT DISTINCT {column} FROM articles", ()) if k]
        return [k for k in self._columns[column] if has_words(k, value)]

    def forget(self) -> None:
        """Read everything again when next asked (the store changed)."""
        self._found.clear()
        self._counts.clear()
        self._columns.clear()
        self._total = None
