"""How an article is packed into its row of the article database (articles_db), and read back:
the library's columns, the keys it sorts by, the texts the full-text indexes get, the body and
the claims compressed."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

import orjson

from .model import Article
from .summary import Summary

SUMMARY_COLUMNS = ("id", "title", "author", "published", "date_only", "outlet", "section", "path",
                   "fingerprint", "statements", "speakers", "sources", "words", "layout", "ingested")

# A claim packed as a list in this order; its text is left out where body[start:end] (or the
# headline's, for a claim of the headline) gives it back.
CLAIM_FIELDS = ("id", "kind", "part", "speaker", "mention", "role", "cue", "start", "end", "confidence",
                "rule", "editorial", "within", "text")


N_BITS = 30  # a date key's low bits: the article's number n (see date_key)


def date_key(published: str | None, n: int) -> int:
    """The library's date order as one number: the date and time as the article gives them, to the
    minute, then the order articles came into the store (n). Unique, so the full-text indexes use
    it as their rowid and list what they find newest first by themselves."""
    minutes = 0
    if published:
        y, mo, d, h, mi = ([int(x) for x in re.findall(r"\d+", published)[:5]] + [0, 0, 0, 0, 0])[:5]
        minutes = (((y * 13 + mo) * 32 + d) * 24 + h) * 60 + mi
    return (minutes << N_BITS) | n


def day_of_key(key: int):
    """The date of a date key (None for an article without a date)."""
    from datetime import date

    m = key >> N_BITS
    if not m:
        return None
    m //= 24 * 60
    d, m = m % 32, m // 32
    mo, y = m % 13, m // 13
    return date(y, mo, d)


# The article number n of a date key, in SQL (the full-text indexes' rowid is the date key).
N_OF_KEY = f"& {(1 << N_BITS) - 1}"


def sort_keys(s: Summary) -> tuple[str, str, str]:
    """The headline, author and outlet as the library sorts them (see listing.ORDERS)."""
    return s.title.casefold(), (s.author or "").casefold(), (s.outlet or "").casefold()


def words_text(s: Summary, body: str) -> str:
    """What the filter's words are looked for in: see library.Query."""
    return "\n".join([s.title, s.author or "", s.outlet or "", *s.speakers, *s.sources, body])


def names_text(s: Summary) -> str:
    return "\n".join(s.speakers)


def summary_from_row(row: tuple) -> Summary:
    d = dict(zip(SUMMARY_COLUMNS, row, strict=True))
    d["date_only"] = bool(d["date_only"])
    d["published"] = d["published"] or None
    d["claims"] = d.pop("statements")
    d["speakers"] = orjson.loads(d["speakers"])
    d["sources"] = orjson.loads(d["sources"])
    return Summary.from_dict(d)


def article_from_row(row: tuple) -> Article:
    s = summary_from_row(row[: len(SUMMARY_COLUMNS)])
    extra, body, claims = row[len(SUMMARY_COLUMNS):]
    extra = orjson.loads(extra)
    raw = zlib.decompress(body)
    body = text_of(raw)
    d = {**s.to_dict(), **extra, "body": body, "claims": list(unpack_claims(claim_rows(claims, raw), body, s.title))}
    return Article.from_dict(d)


def pack(article: Article) -> tuple[bytes, bytes]:
    """The body and the claims, compressed. The claims' names and roles are mostly words of the body:
    compressed with the body as their dictionary, they take a sixth less. (Rows written before they
    were are read the same way: a stream made without a dictionary ignores the one it is given.)"""
    raw = article.body.encode("utf-8", "surrogatepass")
    rows = []
    for c in article.claims:
        d = c.to_dict()
        source = article.title if c.part == "title" else article.body
        d["text"] = None if source[c.start:c.end] == c.text else c.text
        rows.append([d[k] for k in CLAIM_FIELDS])
    claims = zlib.compressobj(6, zdict=raw)
    return zlib.compress(raw, 6), claims.compress(orjson.dumps(rows)) + claims.flush()


def text_of(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogatepass")


def unpack_body(blob: bytes) -> str:
    return text_of(zlib.decompress(blob))


def claim_rows(blob: bytes, raw_body: bytes) -> list:
    claims = zlib.decompressobj(zdict=raw_body)
    return orjson.loads(claims.decompress(blob) + claims.flush())


def unpack_claims(rows: list, body: str, title: str) -> Iterator[dict]:
    for values in rows:
        d = dict(zip(CLAIM_FIELDS, values, strict=True))
        if d["text"] is None:
            d["text"] = (title if d["part"] == "title" else body)[d["start"]:d["end"]]
        yield d


def claims_from_blobs(title: str, body: bytes, claims: bytes) -> list[dict]:
    """An article's claims (as dicts) from its row's body and claims."""
    raw = zlib.decompress(body)
    return list(unpack_claims(claim_rows(claims, raw), text_of(raw), title))
