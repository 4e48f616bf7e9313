"""The Ukrainska Pravda layout, each of its variants, and the generic plain-text reading."""

from datetime import datetime, timedelta

import pytest

from helpers import FIXTURES, SEED
from reader.layouts import NotAnArticle, parse
from reader.text import decode

UP = FIXTURES / "up"


def read(path):
    return parse(decode(path.read_bytes()).text)


def offset(doc) -> timedelta:
    return doc.published.utcoffset()


def test_seed_metadata():
    doc = read(SEED)
    assert doc.layout == "up"
    assert doc.title == "Putin's spokesperson says meeting with Trump is necessary"
    assert doc.author == "Stanislav Pohorilov"
    assert doc.published.isoformat() == "2025-05-05T13:16:00+03:00"
    assert doc.section == "All Sections"
    assert doc.outlet == "Ukrainska Pravda"
    assert doc.caption == "Putin. Photo: Getty Images"
    # The repeated headline and the caption are not body text; the body starts with the lead.
    assert doc.body.startswith("Kremlin spokesman Dmitry Peskov has stated")
    assert doc.title not in doc.body and "Getty Images" not in doc.body
    assert "\n• Previously, US Secretary of State Marco Rubio" in doc.body
    assert doc.warnings == []


def test_no_header_or_byline_goes_straight_into_the_body():
    doc = read(UP / "no_header.txt")
    assert doc.author is None and doc.date_only
    assert doc.published.isoformat() == "2024-11-18T00:00:00+02:00"
    assert doc.body.startswith("Ukraine's Foreign Ministry spokesman Heorhii Tykhyi")
    assert doc.title.startswith("Ukraine's Foreign Ministry spokesman")


def test_advertisement_lines_are_dropped():
    doc = read(UP / "advertisement.txt")
    assert "Advertisement" not in doc.body and "newsletter" not in doc.body
    assert doc.caption == "A grain terminal. Photo: Ministry of Finance"
    assert doc.section == "Economy"
    assert doc.body.count("\n\n") == 2  # three paragraphs left


def test_donation_and_social_footers_are_dropped():
    doc = read(UP / "footers.txt")
    for boilerplate in ("Support", "Patreon", "patron", "Follow us"):
        assert boilerplate not in doc.body
    assert doc.title == "Mayor promises new shelters in Kharkiv schools"
    assert doc.body.endswith('"Children must be able to study safely," Bondar said.')


def test_flattened_background_keeps_its_paragraphs():
    doc = read(UP / "flattened_background.txt")
    assert "Background:\n\nEarlier, the national grid operator said" in doc.body
    assert "•" not in doc.body


def test_multi_paragraph_quote_keeps_all_paragraphs():
    doc = read(UP / "multi_paragraph_quote.txt")
    assert 'Quote: "We will open twelve new training centres this year.\n\n"Each centre' in doc.body


def test_named_quote_label_stays_in_the_body():
    doc = read(UP / "named_quote.txt")
    assert 'Quote from Zelenskyy: "This package' in doc.body


def test_mixed_case_byline():
    doc = read(UP / "mixed_case_byline.txt")
    assert doc.author == "Roman Petrenko"
    assert doc.published.isoformat() == "2024-02-24T10:15:00+02:00"  # winter: +02:00


def test_byline_without_author():
    doc = read(UP / "byline_no_author.txt")
    assert doc.author is None
    assert doc.published == datetime.fromisoformat("2024-02-24T11:20:00+02:00")
    assert not doc.date_only


def test_subjects_footer_is_split_and_dropped():
    doc = read(UP / "subjects.txt")
    assert doc.subjects == ["Vladimir Putin", "Donald Trump", "Russia", "Prisoner exchange"]
    assert "Subjects" not in doc.body


def test_editorial_notes_stay_in_the_body():
    doc = read(UP / "editorial_notes.txt")
    assert "[with Ukraine – ed.]" in doc.body
    assert "[NB: Russia uses the phrase" in doc.body


def test_curly_quotes_and_guillemets_are_kept_verbatim():
    doc = read(UP / "curly_quotes.txt")
    assert "“under control”" in doc.body and "«Russia will" in doc.body


def test_republished_copy_drops_site_widgets_and_comments():
    doc = read(UP / "republished.txt")
    assert doc.title == "Ombudsman reports return of twelve children"
    assert doc.author is None
    assert doc.outlet == "Ukrainska Pravda via UkraineNewsDaily.example"
    assert "Like" not in doc.body and "Oksana" not in doc.body and "thoughts on" not in doc.body
    assert any("reader comments" in w for w in doc.warnings)


def test_listing_page_is_refused():
    with pytest.raises(NotAnArticle, match="listing page of 3"):
        read(UP / "listing.txt")


def test_time_in_the_spring_gap_is_moved_forward_with_a_warning():
    doc = read(UP / "spring_gap.txt")
    assert doc.published.isoformat() == "2025-03-30T04:30:00+03:00"
    assert any("does not exist" in w for w in doc.warnings)


def test_ambiguous_autumn_time_is_the_first_with_a_warning():
    doc = read(UP / "autumn_fold.txt")
    assert doc.published.isoformat() == "2025-10-26T03:30:00+03:00"
    assert any("happens twice" in w for w in doc.warnings)


def test_wrong_weekday_keeps_the_date_and_warns():
    doc = read(UP / "wrong_weekday.txt")
    assert doc.published.isoformat() == "2025-01-15T08:00:00+02:00"
    assert doc.warnings == ["byline says Tuesday but 15 January 2025 was a Wednesday; kept the date"]


def test_plain_article_headline_then_paragraphs():
    doc = read(FIXTURES / "plain" / "bbc_like.txt")
    assert doc.layout == "plain"
    assert doc.title == "Rail fares to rise above inflation"
    assert doc.author is None and doc.published is None
    assert doc.body.startswith("Rail fares in England will rise by 3.9%")


def test_hard_wrapped_plain_text_is_unwrapped():
    doc = read(FIXTURES / "plain" / "hard_wrapped.txt")
    first = doc.body.split("\n\n")[0]
    assert first.startswith("The city council approved") and first.endswith("main shopping streets.")


@pytest.mark.parametrize("text, reason", [("", "empty"), ("   \n\n  ", "empty"), ("Headline only\n", "no article text")])
def test_empty_articles_are_refused(text, reason):
    with pytest.raises(NotAnArticle, match=reason):
        parse(text)


def test_absurdly_large_text_is_refused():
    with pytest.raises(NotAnArticle, match="too large"):
        parse("Headline\n\n" + "word " * 1_000_000)
