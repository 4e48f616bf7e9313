"""Turning untrusted bytes into clean text.

Everything that enters newsreader passes through here once: bytes are decoded, line endings
normalised, and every control or escape character that could reach a terminal is removed. After
this, text can be shown anywhere (as long as it is not parsed as markup).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# C0 controls except tab and newline, DEL, C1 controls, and the bidi overrides/isolates that can
# make text display in an order other than the one stored.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile("\r\n|\r|\u2028|\u2029|\x85")


class DecodeError(ValueError):
    """The bytes are not text newsreader can read (binary, or an unknown encoding)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def clean(text: str) -> str:
    """Normalise line endings to \\n and drop characters that must never reach a terminal."""
    return _UNSAFE.sub("", _newlines(text))


def _newlines(text: str) -> str:
    if "\r" in text or "\u2028" in text or "\u2029" in text or "\x85" in text:
        text = _NEWLINES.sub("\n", text)
    return text


def safe_line(text: str, limit: int = 200) -> str:
    """A single printable line for messages: cleaned, newlines folded, shortened."""
    one = clean(str(text)).replace("\n", " ").replace("\t", " ")
    return one if len(one) <= limit else one[: limit - 1] + "…"


def _looks_utf16_le(data: bytes) -> bool:
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return False
    half = len(sample) // 2
    return sample[1::2].count(0) > 0.3 * half and sample[0::2].count(0) < 0.02 * half


def decode(data: bytes) -> Decoded:
    """Decode article bytes: UTF-8 (BOM or not), UTF-16/32 with BOM, else cp1252 with a warning.

    Raises DecodeError for binary data. The text is returned cleaned (see `clean`).
    """
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(clean(data[3:].decode("utf-8", errors="replace")), "utf-8-sig")
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name.upper()} mark but is not {name.upper()}") from exc
            return Decoded(clean(text), name)
    if _looks_utf16_le(data):
        try:
            text = data.decode("utf-16-le")
        except UnicodeDecodeError:
            pass
        else:
            return Decoded(clean(text), "utf-16-le", "UTF-16 without a byte-order mark; read as UTF-16-LE")
    head = data[:65536]
    if head.count(0) > max(1, len(head) // 1000):
        raise DecodeError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
        encoding, warning = "utf-8", None
    except UnicodeDecodeError as exc:
        # The five bytes cp1252 leaves undefined become U+FFFD: visible, and honest about it.
        text = data.decode("cp1252", errors="replace")
        encoding = "cp1252"
        warning = f"not valid UTF-8 (byte 0x{data[exc.start]:02X} at offset {exc.start}); read as Windows-1252"
    if text.replace("\n", "").replace("\t", "").isprintable():
        return Decoded(_newlines(text), encoding, warning)  # nothing unsafe (the common case, checked in C)
    controls = len(_UNSAFE.findall(text[:65536]))
    if controls > max(8, len(text[:65536]) // 100):
        raise DecodeError("binary file (too many control characters)")
    if not controls and len(text) <= 65536:
        return Decoded(_newlines(text), encoding, warning)  # already known to hold nothing unsafe
    return Decoded(clean(text), encoding, warning)



def neutralize(text: str) -> str:
    """Replace unsafe characters one for one, keeping offsets (and tabs by spaces): for text read
    back from a store file that may have been edited by hand, just before it is drawn."""
    if _UNSAFE.search(text):
        text = _UNSAFE.sub("\ufffd", text)
    return text.replace("\t", " ") if "\t" in text else text


_JSON_UNSAFE = re.compile(rb"\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]")


def terminal_safe_json(blob: bytes) -> bytes:
    """JSON with the characters a terminal would obey (DEL, C1 controls, bidi overrides) written
    as \\u escapes. The same JSON value, safe to print: JSON writers escape C0 controls already,
    and these characters can only occur inside strings."""
    if not _JSON_UNSAFE.search(blob):
        return blob
    return _JSON_UNSAFE.sub(lambda m: b"\\u%04x" % ord(m.group().decode()), blob)
