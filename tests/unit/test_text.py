"""Decoding and cleaning of untrusted bytes."""

import codecs

import pytest

from reader.text import DecodeError, clean, decode, safe_line

SAMPLE = "Peskov said: “It’s necessary.” Ціна — 5 €\n"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (SAMPLE.encode("utf-16-le"), "utf-16-le"),
    ],
)
def test_unicode_encodings_decode_to_the_same_text(data, encoding):
    decoded = decode(data)
    assert decoded.text == SAMPLE
    assert decoded.encoding == encoding


def test_cp1252_fallback_is_reported_as_a_warning():
    decoded = decode("Price: 5 £, “quoted” — café\n".encode("cp1252"))
    assert decoded.text == "Price: 5 £, “quoted” — café\n"
    assert decoded.encoding == "cp1252"
    assert "not valid UTF-8" in decoded.warning and "Windows-1252" in decoded.warning


def test_latin1_pound_sign_like_the_bbc_file():
    decoded = decode(b"Costs rose to \xa3100m.\n")
    assert decoded.text == "Costs rose to £100m.\n"


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_line_endings_are_normalised():
    assert decode(b"a\r\nb\rc\n").text == "a\nb\nc\n"


def test_escape_sequences_and_controls_never_survive():
    hostile = "ok\x1b]52;c;ZXZpbA==\x07 \x1b[2J \x9b31m \u202eevil\u202c \x00\x08\x7f end\ttab"
    cleaned = clean(hostile)
    for bad in ("\x1b", "\x07", "\x9b", "\u202e", "\u202c", "\x00", "\x08", "\x7f"):
        assert bad not in cleaned
    assert cleaned.endswith("end\ttab")
    article = "Headline\n\n" + "A normal paragraph of news text. " * 40 + hostile + "\n"
    assert decode(article.encode()).text == clean(article)


def test_text_that_is_mostly_control_characters_is_binary():
    with pytest.raises(DecodeError, match="control characters"):
        decode(b"\x1b[31m\x07\x01\x02\x03\x04\x05\x06\x0e\x0f\x10\x11" * 5)


def test_safe_line_is_one_short_line():
    line = safe_line("a\nb\x1b[31m" + "x" * 500, limit=50)
    assert "\n" not in line and "\x1b" not in line and len(line) == 50


def test_one_byline_for_the_reader_and_show():
    from datetime import datetime, timedelta, timezone

    from reader.marks import byline
    from reader.model import Document

    kyiv = timezone(timedelta(hours=3))
    doc = Document(title="t", body="b", layout="up", author="Stanislav Pohorilov", outlet="Ukrainska Pravda",
                   section="All Sections", published=datetime(2025, 5, 5, 13, 16, tzinfo=kyiv))
    assert byline(doc) == "Stanislav Pohorilov · Ukrainska Pravda · All Sections · Mon 5 May 2025, 13:16 (+03:00)"
    doc.date_only, doc.author = True, None
    assert byline(doc) == "Ukrainska Pravda · All Sections · Mon 5 May 2025"
    assert byline(Document(title="t", body="b", layout="plain")) == ""
