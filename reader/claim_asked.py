"""One query asked of the claims view's rows (ClaimListing.ask): counts, pages, where a row
is. Each holds what it was asked, so that a count on a thread of its own answers the query it
was started for, whatever is asked meanwhile."""

from __future__ import annotations

from dataclasses import dataclass, field

from .claim_arms import (
    EVERY,
    EXTRA,
    NOTED,
    NOTED_CLAIMS,
    PLAIN,
    STATES,
    UNTAGGED,
    Arm,
    keyset,
    order_by,
)
from .claims_view import ClaimRow


@dataclass
class Asked:
    listing: object  # the ClaimListing
    query: object
    gen: int  # (the rows of your reshaped articles it keeps are those of `extra` with this gen)
    plain: tuple[str, list]  # the query's condition on a claim nobody annotated
    full: tuple[str, list]  # and on an annotated one (claims_sql)
    plain_rows: tuple[str, list]  # the same, for reading rows in an order (common words: claims_sql.Compiler)
    full_rows: tuple[str, list]
    extra_rows: list[ClaimRow] = field(default_factory=list)
    keys: list = field(default_factory=list)  # the KEYS values of each extra row
    _judged: int | None = None  # (see judged)

    def _run(self, sql: str, args=()) -> list[tuple]:
        return self.listing.run(sql, args)

    def count(self, state: str | None = None, more=None) -> int:
        """How many rows the query keeps (of one state, for the order by tag; `more`: a further
        condition, see keyset). The claims nobody annotated are counted as all the claims the
        query keeps less those annotated (an index's count, however many claims there are)."""
        n = 0
        for arm in self._arms(state):
            sql, args = self._arm(arm, state, more)
            if arm is PLAIN:
                n += self._run(f"SELECT count(*) {sql.replace(PLAIN.source, EVERY)}", args)[0][0]
                sql = sql.replace(PLAIN.source, NOTED_CLAIMS)
            n += (-1 if arm is PLAIN else 1) * self._run(f"SELECT count(*) {sql}", args)[0][0]
        return n

    def _arms(self, state: str | None) -> list[Arm]:
        return [PLAIN, NOTED, EXTRA] if state in (None, UNTAGGED) else [NOTED, EXTRA]

    def _arm(self, arm: Arm, state: str | None, more=None, rows: bool = False) -> tuple[str, list]:
        """An arm's FROM and WHERE for the query (and a state, a further condition)."""
        sql, args = f"{arm.source}", []
        if arm is not EXTRA:
            cond, cond_args = (self.plain_rows if rows else self.plain) if arm is PLAIN else \
                (self.full_rows if rows else self.full)
            sql += f" AND {cond}"
            args += cond_args
        else:
            args.append(self.gen)
        if state is not None and arm is not PLAIN:
            sql += f" AND {arm.columns['state']} = ?"
            args.append(state)
        if more is not None:
            extra_sql, extra_args = more(arm.columns)
            sql += f" AND {extra_sql}"
            args += extra_args
        return sql, args

    def rows(self, keys: list[tuple[str, bool]], more=None, limit: int = 100, offset: int = 0,
             state: str | None = None) -> list[tuple]:
        """(src, k, *KEYS) of the rows in an order (keys_of), from `offset`; `more`: a further
        condition (see keyset). The arms merged, each read in its index's order."""
        parts, args = [], []
        for arm in self._arms(state):
            sql, arm_args = self._arm(arm, state, more, rows=True)
            parts.append(f"{arm.select()} {sql}")
            args += arm_args
        return self._run(f"{' UNION ALL '.join(parts)} ORDER BY {order_by(keys)} LIMIT ? OFFSET ?",
                         (*args, limit, offset))

    def before(self, keys: list[tuple[str, bool]], values: tuple, state: str | None = None) -> int:
        """How many rows come before one with these (src, k, *KEYS) values, in the order."""
        return self.count(state, keyset(keys, values, after=False))

    def key_of_claim(self, article_id: str, claim_id: str) -> tuple | None:
        """The (src, k, *KEYS) of a claim's row, whether the query keeps it or not (None: no such row)."""
        for x, r in enumerate(self.extra_rows):
            if r.key == (article_id, claim_id):
                return (EXTRA.src, x, *self.keys[x])
        k = self.listing.k_of(article_id, claim_id)
        for arm in (PLAIN, NOTED):
            found = self._run(f"{arm.select()} {arm.source} AND c.k = ?", (k,))
            if found:
                return found[0]
        return None

    def keeps(self, values: tuple) -> bool:
        """Whether the query keeps the row of these (src, k, ...) values."""
        if values[0] == EXTRA.src:
            return True
        arm = PLAIN if values[0] == PLAIN.src else NOTED
        sql, args = self._arm(arm, None)
        return bool(self._run(f"SELECT 1 {sql} AND c.k = ?", (*args, values[1])))

    def claim_rows(self, found: list[tuple]) -> list[ClaimRow]:
        """The rows of (src, k, ...) as the claims view shows them."""
        read = self.listing.rows_by_k([k for src, k, *_ in found if src != EXTRA.src])
        return [self.extra_rows[k] if src == EXTRA.src else read[k] for src, k, *_ in found]

    def judged(self) -> int:
        """How many of the rows the query keeps you had judged when it was asked (counted once:
        the view's title asks on every tag, and adds what was judged since)."""
        if self._judged is None:
            self._judged = sum(self.count(s) for s in STATES if s != UNTAGGED)
        return self._judged
