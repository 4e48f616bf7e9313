"""The one query language of the library filter, the claims view and `newsreader claims --where`:
parsed once, here, into a tree the views evaluate.

    words and "exact phrases"        full text
    -word, -"phrase", -field:value   not
    speaker:NAME role:ROLE outlet:NAME author:NAME annotator:NAME   (NAME may be "quoted")
    kind:quote|reported|source   tag:stated|denied|unknown|none   is:untagged|tagged|doubtful
    conf:<0.6 (also <=, >, >=, =)    after:2025-05-01   before:2025-06-01
    a b (both) · a OR b · ( ... )

A query that cannot be read raises QueryError with the column (0-based) where it went wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date

KINDS = ("quote", "reported", "source")
TAGS = ("stated", "denied", "unknown", "none")
STATES = ("untagged", "tagged", "doubtful")
TEXT_FIELDS = ("speaker", "role", "outlet", "author", "annotator")
FIELDS = (*TEXT_FIELDS, "kind", "tag", "is", "conf", "after", "before")
OPS = ("<=", ">=", "<", ">", "=")


# What each part of a query asks, for the help screen and the README (tests/unit/test_docs.py).
GUIDE = (
    ("word  \"exact phrase\"", "claims with these words (case and accents aside; a word finds the words it starts), the phrase's in order"),
    ("-word  -field:value", "claims without it"),
    ("speaker:NAME  speaker:\"Dmitry Peskov\"", "claims of that speaker, or of a name merged into them (the speakers view, S)"),
    ("role:ROLE  outlet:NAME  author:NAME", "the speaker's role, the article's outlet or author has these words"),
    ("kind:quote|reported|source", "quotes, reported statements, sources"),
    ("tag:stated|denied|unknown|none", "your tag (none: untagged)"),
    ("is:untagged  is:tagged  is:doubtful", "you have not judged it · you have · the extractor was unsure and nobody settled it"),
    ("conf:<0.6  conf:>=0.8", "how sure the extractor was (<, <=, >, >=, =)"),
    ("after:2025-05-01  before:2025-06-01", "the article's date: on or after, before"),
    ("annotator:NAME", "claims that annotator annotated"),
    ("a b  a OR b  ( ... )", "both (the default) · either · grouped"),
)
LIBRARY_GUIDE = ("In the library each part asks about an article: its words (a phrase: its words anywhere), "
                 "who speaks in it, its outlet, author and date, whether it has a claim of that role, kind or "
                 "confidence, or untagged claims; tag:, annotator:, is:tagged and is:doubtful are the claims view's (c).")


class QueryError(ValueError):
    """What is wrong with a query, and the column where it is."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.message, self.column = message, column

    def __str__(self) -> str:
        return f"{self.message} (at column {self.column + 1})"


@dataclass(frozen=True, slots=True)
class Words:
    text: str
    phrase: bool = False


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    value: object  # str; float for conf; date for after/before
    op: str = ":"
    column: int = field(default=-1, compare=False)  # where it is in the query (for a message)


@dataclass(frozen=True, slots=True)
class Not:
    node: object


@dataclass(frozen=True, slots=True)
class All:
    nodes: tuple


@dataclass(frozen=True, slots=True)
class Any:
    nodes: tuple


EVERYTHING = All(())


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "(", ")", "OR", "-", "phrase", "term"
    text: str
    column: int
    quoted: bool = False


_FIELD = re.compile(r"([A-Za-z]+):")


def tokens(query: str) -> list[Token]:
    out, i, n = [], 0, len(query)
    while i < n:
        ch = query[i]
        if ch.isspace():
            i += 1
        elif ch in "()":
            out.append(Token(ch, ch, i))
            i += 1
        elif ch == "-" and i + 1 < n and not query[i + 1].isspace():
            out.append(Token("-", "-", i))
            i += 1
        elif ch == '"':
            end = query.find('"', i + 1)
            if end < 0:
                raise QueryError("a phrase is not closed: add the closing \"", i)
            out.append(Token("phrase", query[i + 1:end], i))
            i = end + 1
        else:
            i = _term(query, i, out)
    return out


def _term(query: str, i: int, out: list[Token]) -> int:
    """A word, or field:value (the value maybe "quoted"); returns where it ends."""
    m = _FIELD.match(query, i)
    if m and m.end() < len(query) and query[m.end()] == '"':
        end = query.find('"', m.end() + 1)
        if end < 0:
            raise QueryError("a quoted value is not closed: add the closing \"", m.end())
        out.append(Token("term", f"{m.group(1)}:{query[m.end() + 1:end]}", i, quoted=True))
        return end + 1
    j = i
    while j < len(query) and not query[j].isspace() and query[j] not in '()"':
        j += 1
    word = query[i:j]
    out.append(Token("OR" if word == "OR" else "term", word, i))
    return j


def parse(query: str):
    """The tree of a query (EVERYTHING for an empty one); QueryError where it cannot be read."""
    parser = _Parser(tokens(query), len(query))
    if not parser.tokens:
        return EVERYTHING
    node = parser.any_of()
    if parser.at < len(parser.tokens):
        t = parser.tokens[parser.at]
        raise QueryError("a ) with no ( before it" if t.kind == ")" else f"unexpected {t.text!r}", t.column)
    return node


class _Parser:
    def __init__(self, toks: list[Token], end: int) -> None:
        self.tokens, self.at, self.end = toks, 0, end

    def peek(self) -> Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def any_of(self):
        nodes = [self.all_of()]
        while (t := self.peek()) is not None and t.kind == "OR":
            self.at += 1
            if self.peek() is None or self.peek().kind in (")", "OR"):
                raise QueryError("OR needs something after it", t.column)
            nodes.append(self.all_of())
        return nodes[0] if len(nodes) == 1 else Any(tuple(nodes))

    def all_of(self):
        nodes = []
        while (t := self.peek()) is not None and t.kind not in (")", "OR"):
            nodes.append(self.one())
        if not nodes:
            t = self.peek()
            raise QueryError("OR needs something before it" if t and t.kind == "OR" else "nothing here to look for",
                             t.column if t else self.end)
        return nodes[0] if len(nodes) == 1 else All(tuple(nodes))

    def one(self):
        t = self.tokens[self.at]
        self.at += 1
        if t.kind == "-":
            if self.peek() is None or self.peek().kind in (")", "OR"):
                raise QueryError("- needs a word after it", t.column)
            return Not(self.one())
        if t.kind == "(":
            if self.peek() is not None and self.peek().kind == ")":
                raise QueryError("( ) holds nothing", t.column)
            node = self.any_of()
            if self.peek() is None or self.peek().kind != ")":
                raise QueryError("a ( is not closed: add the )", t.column)
            self.at += 1
            return node
        return term(t)


def term(t: Token):
    if t.kind == "phrase":
        return Words(t.text, phrase=True)
    m = _FIELD.match(t.text)
    if not m:
        return Words(t.text)
    name, raw = m.group(1).lower(), t.text[m.end():]
    if name not in FIELDS:
        raise QueryError(f"no field {m.group(1)!r}: the fields are {', '.join(f + ':' for f in FIELDS)}", t.column)
    column = t.column + m.end() + (1 if t.quoted else 0)
    if not raw:
        raise QueryError(f"{name}: needs a value", column)
    return replace(FIELD_RULES[name](name, raw, column), column=t.column)


def _text(name: str, raw: str, column: int) -> Field:
    return Field(name, raw)


def _one_of(choices: tuple[str, ...]):
    def read(name: str, raw: str, column: int) -> Field:
        value = raw.lower()
        if value not in choices:
            raise QueryError(f"{name}: is one of {'|'.join(choices)}, not {raw!r}", column)
        return Field(name, value)
    return read


def _number(name: str, raw: str, column: int) -> Field:
    op = next((o for o in OPS if raw.startswith(o)), "=")
    rest = raw[len(op):] if raw.startswith(op) else raw
    try:
        value = float(rest)
    except ValueError:
        raise QueryError(f"{name}: takes a number from 0 to 1, as in {name}:<0.6", column + len(raw) - len(rest)) from None
    if not 0 <= value <= 1:
        raise QueryError(f"{name}: takes a number from 0 to 1, not {rest}", column + len(raw) - len(rest))
    return Field(name, value, op)


def _date(name: str, raw: str, column: int) -> Field:
    try:
        return Field(name, date.fromisoformat(raw))
    except ValueError:
        raise QueryError(f"{name}: takes a date as 2025-05-01, not {raw!r}", column) from None


FIELD_RULES = {**{f: _text for f in TEXT_FIELDS}, "kind": _one_of(KINDS), "tag": _one_of(TAGS),
               "is": _one_of(STATES), "conf": _number, "after": _date, "before": _date}


# -- evaluating a tree against one item (a claim row of the claims view, say) ----------------------

@dataclass(frozen=True, slots=True)
class Item:
    """What a query may ask of one claim: `text` is what its words are looked for in."""

    text: str
    speaker: str | None = None
    person: str | None = None  # whom the speaker's name stands for (roster.Names), where another
    role: str | None = None
    kind: str | None = None
    tag: str | None = None  # None: untagged
    not_a_claim: bool = False
    doubtful: bool = False
    confidence: float = 1.0
    outlet: str | None = None
    author: str | None = None
    published: date | None = None
    annotators: frozenset[str] = frozenset()


_WORD = re.compile(r"[^\W_]+")  # (the words of SQLite's unicode61 tokenizer: see claims_sql)


def _words(text: str) -> list[str]:
    """The words of a text as they are compared: case and accents aside."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return [w.casefold() for w in _WORD.findall(text)]


def has_words(text: str, words: str, phrase: bool = False) -> bool:
    """Whether `text` holds the words (case ignored; a word matches a word that starts with it),
    one after the other for a phrase."""
    want, have = _words(words), _words(text)
    if not want:
        return True
    if not phrase:
        return all(any(h.startswith(w) for h in have) for w in want)
    n = len(want)
    return any(all(have[i + k].startswith(want[k]) if k == n - 1 else have[i + k] == want[k] for k in range(n))
               for i in range(len(have) - n + 1))


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(name: str) -> str:
    """An annotator's name as `annotator:` compares it: ASCII case aside (as SQLite's lower())."""
    return name.translate(_ASCII_LOWER)


def _text_field(value: str | None, wanted: str) -> bool:
    return value is not None and has_words(value, wanted)


def _compare(a: float, op: str, b: float) -> bool:
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "=": a == b, ":": a == b}[op]


FIELD_TESTS = {
    "speaker": lambda item, f: _text_field(item.speaker, f.value) or _text_field(item.person, f.value),
    "role": lambda item, f: _text_field(item.role, f.value),
    "outlet": lambda item, f: _text_field(item.outlet, f.value),
    "author": lambda item, f: _text_field(item.author, f.value),
    "annotator": lambda item, f: any(ascii_lower(a) == ascii_lower(f.value) for a in item.annotators),
    "kind": lambda item, f: item.kind == f.value,
    "tag": lambda item, f: (item.tag or "none") == f.value and not (item.not_a_claim and f.value == "none"),
    "is": lambda item, f: {"untagged": item.tag is None and not item.not_a_claim,
                           "tagged": item.tag is not None or item.not_a_claim, "doubtful": item.doubtful}[f.value],
    "conf": lambda item, f: _compare(item.confidence, f.op, f.value),
    "after": lambda item, f: item.published is not None and item.published >= f.value,
    "before": lambda item, f: item.published is not None and item.published < f.value,
}


def fields_in(node) -> set[str]:
    """The fields a query asks about (to read only what it needs)."""
    if isinstance(node, Field):
        return {node.name}
    if isinstance(node, Not):
        return fields_in(node.node)
    if isinstance(node, (All, Any)):
        return set().union(*(fields_in(n) for n in node.nodes))
    return set()


def matches(node, item: Item) -> bool:
    """Whether the item is one the query asks for."""
    if isinstance(node, Words):
        return has_words(item.text, node.text, node.phrase)
    if isinstance(node, Field):
        return FIELD_TESTS[node.name](item, node)
    if isinstance(node, Not):
        return not matches(node.node, item)
    if isinstance(node, All):
        return all(matches(n, item) for n in node.nodes)
    return any(matches(n, item) for n in node.nodes)
