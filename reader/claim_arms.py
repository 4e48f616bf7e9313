"""The claims view's rows as three arms of one list (see claim_listing): what each sort key is
in each arm, the orders of the view's columns, and the conditions on those keys (a keyset: the
rows after a row, in an order)."""

from __future__ import annotations

# The keys of each column's order, first to last; every order ends with the article's date key and
# the claim's place in it (unique), that place always first to last.
ORDERS = {
    "date": ("date_key",),
    "outlet": ("outlet_key", "date_key"),
    "speaker": ("speaker_key", "date_key"),
    "kind": ("kind", "date_key"),
    "claim": ("text_key", "date_key"),
    "tag": ("state", "date_key"),
    "conf": ("conf", "date_key"),
}
KEYS = ("date_key", "ord", "outlet_key", "speaker_key", "kind", "text_key", "state", "conf")
UNTAGGED = "untagged"
STATES = ("denied", "not_a_claim", "stated", "unknown", UNTAGGED)  # the order by tag (states.ClaimState.key)

class Arm:
    """One of the three kinds of row (see the module's note): what each KEY is in it, and where
    its rows come from."""

    def __init__(self, src: int, k: str, columns: dict[str, str], source: str) -> None:
        self.src, self.k, self.columns, self.source = src, k, columns, source

    def select(self) -> str:
        return f"SELECT {self.src} AS src, {self.k} AS k, " + ", ".join(f"{v} AS {k}" for k, v in self.columns.items())


PLAIN = Arm(0, "c.k", {k: f"c.{k}" for k in KEYS} | {"state": f"'{UNTAGGED}'"},
            "FROM claims c WHERE c.k NOT IN (SELECT k FROM noted)")
# (`noted` has each of its claims' columns and your annotation's: the arm reads no other table)
NOTED = Arm(1, "c.k", {k: f"c.{k}" for k in KEYS} | {"speaker_key": "coalesce(c.my_speaker_key, c.speaker_key)"},
            "FROM noted c WHERE NOT c.shaped")
EXTRA = Arm(2, "x", {k: k for k in KEYS}, "FROM extra WHERE gen = ?")  # (the rows of one ask)


EVERY = "FROM claims c WHERE 1"  # (the plain arm's rows: these claims less those in `noted`)
NOTED_CLAIMS = "FROM noted c WHERE 1"


def keys_of(order: tuple[str, bool], flip: bool = False) -> list[tuple[str, bool]]:
    """(key, descending) of an order ((column, reverse)), first to last; `flip`: the other way."""
    column, reverse = order
    return [(k, reverse != flip) for k in ORDERS[column]] + [("ord", flip)]


def order_by(keys: list[tuple[str, bool]]) -> str:
    return ", ".join(k + (" DESC" if desc else "") for k, desc in keys)


def keyset(keys: list[tuple[str, bool]], values: tuple, after: bool = True):
    """The condition of the rows after (or before) a row with these (src, k, *KEYS) values, in the
    order: a function of an arm's columns to (SQL, arguments). Led by a bound on the first key,
    so that an index on it reads only from the row on."""
    known = dict(zip(KEYS, values[2:], strict=True))

    def cond(col: dict[str, str]) -> tuple[str, list]:
        parts, args = [], []
        for i, (k, desc) in enumerate(keys):
            later = "<" if desc == after else ">"
            parts.append(" AND ".join([*(f"{col[p]} = ?" for p, _ in keys[:i]), f"{col[k]} {later} ?"]))
            args.extend([*(known[p] for p, _ in keys[:i]), known[k]])
        first, desc = keys[0]
        lead = f"{col[first]} {'<=' if desc == after else '>='} ?"
        return f"({lead} AND ({' OR '.join(f'({p})' for p in parts)}))", [known[first], *args]

    return cond


def untagged(col: dict[str, str]) -> tuple[str, list]:
    """(a further condition) The rows you have not judged."""
    return f"{col['state']} = '{UNTAGGED}'", []


def both(a, b):
    def cond(col: dict[str, str]) -> tuple[str, list]:
        (sa, aa), (sb, ab) = a(col), b(col)
        return f"({sa} AND {sb})", [*aa, *ab]
    return cond
