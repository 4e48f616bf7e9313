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


# --- Header glued to the lead ---------------------------------------------------------------------


def test_lead_glued_to_the_header_is_body_text_and_makes_the_headline():
    doc = read(UP / "glued_lead.txt")
    assert doc.layout == "up" and doc.section is None
    assert doc.body.startswith("Russian forces attacked Kharkiv overnight with guided aerial bombs, injuring")
    assert doc.body.endswith("the school would reopen after repairs.")
    assert doc.title.startswith("Russian forces attacked Kharkiv overnight")
    assert "Source" not in doc.title and "Telegram" not in doc.title
    assert "\n\nSource: Chornyi on Telegram\n\n" in doc.body
    assert doc.published.isoformat() == "2024-05-14T00:00:00+03:00" and doc.date_only
    assert doc.author is None and doc.outlet == "Ukrainska Pravda"


def test_caption_glued_to_the_header_is_the_caption_and_the_lead_makes_the_headline():
    doc = read(UP / "glued_caption.txt")
    assert doc.caption == "Rescuers at the site. Photo: State Emergency Service"
    assert doc.section is None
    assert "Rescuers at the site" not in doc.body and "Photo:" not in doc.body
    assert doc.body.startswith("Rescuers in Poltava Oblast have pulled four people")
    assert doc.body.endswith("empty for most of the day.")
    assert doc.title.startswith("Rescuers in Poltava Oblast") and "Photo" not in doc.title


@pytest.mark.parametrize(
    "after_date, section",
    [
        ("All Sections", "All Sections"),
        ("Economy", "Economy"),
        ("Ukraine and the World", "Ukraine and the World"),
        ("The Russians attacked Kharkiv overnight, injuring three people.", None),
        ("Explosions were heard in Kyiv.", None),
        ("Zelenskyy: the talks will go on", None),
        ("Rescuers at the site. Photo: State Emergency Service", None),
    ],
)
def test_text_after_the_header_date_is_a_section_only_when_it_is_a_short_label(after_date, section):
    lead = "The regional council said on Tuesday that the bridge would reopen in June."
    doc = parse(f" date 2024-05-14 {after_date}\n\n{lead}\n")
    assert doc.section == section
    if section:
        assert doc.body == lead and doc.title == lead
    elif "Photo:" in after_date:
        assert doc.caption == after_date and doc.body == lead
    else:
        assert doc.body == f"{after_date}\n\n{lead}"  # the glued lead is not lost


# --- Side bars and related headlines ----------------------------------------------------------------


def test_side_bars_that_interrupt_the_article_are_dropped_and_the_text_around_them_kept():
    doc = read(UP / "sidebar.txt")
    assert doc.title == "Ministry of Education promises heated classrooms by November"
    assert doc.body.startswith("Deputy Education Minister Ostap Kravets has said")
    # The article's paragraphs on both sides of each side bar are adjacent, nothing between them.
    assert 'by November.\n\nQuote: "We have replaced the boilers' in doc.body
    assert 'finished in October."\n\nDetails: Kravets added' in doc.body
    assert doc.body.endswith("pay for generators in all kindergartens.")
    for other in ("Read also", "RECENT NEWS", "the money has not arrived", "no tax rises", "Power cuts",
                  "Przemyśl", "Subjects", "the metro is ready", "school buses"):
        assert other not in doc.body and other not in doc.title
    assert doc.subjects == ["Ostap Kravets", "Schools", "Heating season"]
    assert any("headlines" in w for w in doc.warnings)


def test_recent_news_block_runs_to_the_end_and_read_also_heading_takes_its_headline():
    doc = read(UP / "recent_news_footer.txt")
    assert doc.body.startswith("Lviv Mayor Bohdan Lysak has opened")
    assert '"This is not charity. It is what the city owes them," Lysak said at the opening.' in doc.body
    assert doc.body.endswith("The centre will also train physiotherapists from other regions.")
    for other in ("Read also", "ambulances", "RECENT NEWS", "under control", "bread", "mobilisation"):
        assert other not in doc.body


# --- Aggregators' copies ------------------------------------------------------------------------------


def test_aggregator_copy_without_header_or_byline():
    doc = read(UP / "aggregator.txt")
    assert doc.layout == "up"
    assert doc.title == "Kyiv council approves money for new bomb shelters"
    assert doc.outlet == "Ukrainska Pravda" and doc.author is None and doc.published is None
    assert doc.body.startswith("Kyiv City Council has approved funding for forty new bomb shelters")
    assert doc.body.endswith("publish the list of addresses next week.")
    for junk in ("14", "Ukrainska Pravda", "min read", "03/09/2025", "Oops", "try again"):
        assert junk not in doc.body


def test_aggregator_copy_with_header_and_byline_names_the_republishing_site():
    doc = read(UP / "aggregator_byline.txt")
    assert doc.title == "Farmers in Mykolaiv Oblast start spring sowing early"
    assert doc.author == "Olena Rozum"
    assert doc.published.isoformat() == "2025-03-09T11:40:00+02:00"
    assert doc.outlet == "Ukrainska Pravda via NewsHub.example"
    assert doc.caption == "A tractor in a field. Photo: Mykolaiv Oblast Military Administration"
    assert doc.body.startswith("Farmers in Mykolaiv Oblast have started sowing")
    assert doc.body.endswith('cleared of mines," Koval said.')
    for junk in ("37", "Ukrainska Pravda", "min read", "Oops", "NewsHub"):
        assert junk not in doc.body


@pytest.mark.parametrize(
    "top, layout",
    [
        ("Headline of the story\nUkrainska Pravda\n·1 min read", "up"),
        ("5\nHeadline of the story\nPravda Ukraine\n• 03/09/2025", "up"),
        ("Headline of the story\nUkrainska Pravda", "plain"),  # the outlet's name alone: no sign
        ("Headline of the story\n12", "plain"),
    ],
)
def test_an_aggregator_copy_is_recognised_by_the_outlets_name_and_another_of_its_lines(top, layout):
    doc = parse(f"{top}\n\nThe regional council said on Tuesday that the bridge would reopen in June.\n")
    assert doc.layout == layout
    assert doc.title == "Headline of the story"  # never the comment count or the outlet's name


# --- Source lines, editors' notes, advertisements -----------------------------------------------------


def test_source_without_a_colon_is_written_with_one_and_prose_is_left_alone():
    doc = read(UP / "source_no_colon.txt")
    assert "\n\nSource: RBC-Ukraine; sources in the Defence Intelligence of Ukraine\n\n" in doc.body
    assert "\n\nSource code of the plant's accounting software was also leaked, the group said.\n\n" in doc.body


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Source RBC-Ukraine", "Source: RBC-Ukraine"),
        ("Sources Interfax-Ukraine; Suspilne", "Sources: Interfax-Ukraine; Suspilne"),
        ("Source: Suspilne", "Source: Suspilne"),
        ("Source code was leaked", "Source code was leaked"),
        ("Source Code was leaked to journalists", "Source Code was leaked to journalists"),
        ("Sources close to the president deny this.", "Sources close to the president deny this."),
        ("Source Ukrainska Pravda reported that talks had stalled", "Source Ukrainska Pravda reported that talks had stalled"),
        ("Source Ministry of Defence.", "Source Ministry of Defence."),
    ],
)
def test_source_line_normalisation(line, expected):
    doc = parse(f" date 2024-12-05 All Sections\n\nThe lead says what happened yesterday in the city.\n\n{line}\n")
    assert doc.body.split("\n\n")[1] == expected


def test_nb_note_after_a_paragraph_stays_in_the_body_verbatim():
    doc = read(UP / "nb_note.txt")
    note = (
        "[N.B. Russian officials often report that fires have been put out within hours, before"
        " independent sources can confirm the damage – ed.]"
    )
    assert f'Nobody was hurt."\n\n{note}\n\nUkraine\'s General Staff has not commented' in doc.body


def test_advertisement_inside_a_quote_with_one_opening_mark_is_dropped_and_the_quote_kept_whole():
    doc = read(UP / "quote_own_convention.txt")
    assert (
        'since March.\n\nEvery unit that we repair is attacked again within weeks.\n\nWe ask people'
        in doc.body
    )
    assert doc.body.split("\n\n")[1:5] == [
        'Quote: "We have lost almost half of our generating capacity since March.',
        "Every unit that we repair is attacked again within weeks.",
        'We ask people to save electricity in the evening hours, when the load is highest."',
        "Sahaidak said that two units would return to service in August.",
    ]
    assert "Advertisement" not in doc.body


@pytest.mark.parametrize(
    "line, kept",
    [
        ("Advertisement:", False),
        ("Advertisement: Subscribe to our newsletter", False),
        ("ADVERTISEMENT", False),
        ("Advertisement spending by state companies fell by a third, the ministry said.", True),
    ],
)
def test_advertisement_lines_are_dropped_but_prose_about_advertising_is_not(line, kept):
    doc = parse(f" date 2024-03-02 Economy\n\nThe lead says what happened yesterday in the city.\n\n{line}\n")
    assert (line in doc.body) is kept


def test_layouts_are_a_registry_tried_in_order_with_plain_text_last():
    from reader import layouts

    names = [layout.NAME for layout in layouts.LAYOUTS]
    assert names[-1] == "plain" and "up" in names and len(set(names)) == len(names)
    assert layouts.layout_of("Some headline\n\nSome paragraph of text.\n").NAME == "plain"
    assert layouts.layout_of(decode(SEED.read_bytes()).text).NAME == "up"
    for layout in layouts.LAYOUTS:  # every entry has the Layout protocol's three parts
        assert isinstance(layout.NAME, str) and callable(layout.detect) and callable(layout.parse)


def test_a_new_layout_is_a_new_entry_in_the_registry(monkeypatch):
    from types import SimpleNamespace

    from reader import layouts
    from reader.model import Document

    wire = SimpleNamespace(NAME="wire", detect=lambda text: text.startswith("WIRE"),
                           parse=lambda text: Document(title="Wire", body=text[4:], layout="wire"))
    monkeypatch.setattr(layouts, "LAYOUTS", (wire, *layouts.LAYOUTS))
    assert parse("WIRE Officials said the talks would go on.").layout == "wire"
    assert parse("A headline\n\nA paragraph.\n").layout == "plain"
