"""Who said what on the outlet's real layout and in other newsrooms' prose: the cases real pages
showed (see ../shared/docs/up-format.md), each on a fixture or a sentence written for it."""

from helpers import FIXTURES
from reader.extract import find_claims
from reader.extract.names import split_words
from reader.ingest import read_article


def article(name):
    path = FIXTURES / name
    return read_article(str(path), path.read_bytes())


def body_claims(a):
    return [c for c in a.claims if c.part == "body"]


def test_a_quote_block_with_one_opening_mark_is_one_quote_by_the_lead_speaker():
    # The outlet's own pages: only the first paragraph opens with a mark, only the last closes;
    # an advertisement line stood between two of them.
    a = article("up/quote_block_one_mark.txt")
    quote = next(c for c in body_claims(a) if c.rule == "quote-label")
    assert quote.text.startswith("Crews worked through the weekend")
    assert quote.text.endswith("but the grid will hold.")
    assert "Advertisement" not in quote.text
    assert (quote.speaker, quote.role) == ("Taras Melnyk", "Energy Minister")
    # No paragraph of the quote is read as reported speech of its own.
    inside = [c for c in body_claims(a) if c is not quote and quote.start <= c.start < quote.end]
    assert inside == []


def test_a_topic_label_before_a_quote_is_not_its_speaker():
    a = article("up/quote_block_one_mark.txt")
    quote = next(c for c in body_claims(a) if c.text.startswith("Blackouts will be announced"))
    assert quote.speaker == "Taras Melnyk" and quote.rule == "quote-topic-label"


def test_a_long_quote_left_open_without_a_label_is_not_run_into_the_next_paragraphs():
    body = ('"We have done what we could for the town this year.\n\nMayor Anna Kovalenko.\n\n'
            'The council met again on Friday and "nothing was decided," a clerk said.')
    first = find_claims(body)[0]
    assert first.text == "We have done what we could for the town this year."


def test_a_title_before_a_name_makes_a_person_even_after_an_organisation_word():
    assert split_words(tuple("Energy Minister Taras Melnyk".split())) == ("Taras Melnyk", "Energy Minister", "person")
    assert split_words(tuple("Labour Party Chairman Ian McCartney".split()))[:2] == ("Ian McCartney", "Labour Party Chairman")
    assert split_words(tuple("Ministry of Energy".split())) == ("Ministry of Energy", None, "org")


def test_a_headline_phrasal_verb_is_not_part_of_the_claim():
    claims = find_claims("Officials in Brasilia said no state money would go to the airline.", "Brazil plays down Varig rescue")
    (title,) = [c for c in claims if c.part == "title"]
    assert title.text == "Varig rescue" and title.cue == "plays down"


def test_a_headline_speaker_is_a_name_its_article_knows_without_the_title_case_words_around_it():
    def title_claims(body, title):
        return [(c.speaker, c.text) for c in find_claims(body, title) if c.part == "title"]

    body = "Donald Trump spoke to reporters on Monday about the race."
    assert title_claims(body, "Trump Just Announced Who He Would Love To See Run") == [("Donald Trump", "Who He Would Love To See Run")]
    assert title_claims(body, "Ready to Endorse Clinton, Obama Works to Unite Dems") == []


def test_a_headline_makes_a_claim_only_with_a_verb_of_speech_or_stance():
    def title_claims(title):
        return [(c.speaker, c.cue, c.text) for c in find_claims("Morton Blackwell spoke in Iowa.", title) if c.part == "title"]

    assert title_claims("Conservative Icon Morton Blackwell Endorses Ted Cruz") == [("Morton Blackwell", "endorses", "Ted Cruz")]
    for title in ("Lib Dems highlight problem debt", "Movie body targets children's PCs",
                  "MP attacked by muggers in Kenya", "Labour accused of broken pledge"):
        assert title_claims(title) == [], title


def test_a_speaker_is_never_a_number_a_share_a_text_or_a_word_of_the_grammar():
    from reader.extract.speaker import speaker_name

    assert speaker_name("70 %") is None and speaker_name("34") is None and speaker_name("Six in 10") is None
    assert speaker_name("24 percent of Republicans") == "Republicans"
    assert speaker_name("ministerial code") is None and speaker_name("2012 Benghazi terror") is None
    assert speaker_name("questioned") is None and speaker_name("mean anyone") is None
    assert speaker_name("Donald Trump didn't") == "Donald Trump" and speaker_name("Trump last week") == "Trump"
    assert speaker_name("Jack Law") == "Jack Law" and speaker_name("Kristen Day") == "Kristen Day"
    assert speaker_name("Xbox's Peter Moore") == "Peter Moore" and speaker_name("Savage's") == "Savage"
    assert speaker_name("Putin's spokesperson") == "Putin's spokesperson"  # a role, not a name
    # an unnamed source is judged by who they are, not by what they know about
    assert speaker_name("officials briefed on the plan") == "officials briefed on the plan"
    assert speaker_name("an official with knowledge of the deal") == "an official with knowledge of the deal"
    body = "In the survey carried out by ICM Research, 14% of people aged between 18 and 34 said they never voted. Among the over-65s, 70% said they would be certain to vote."
    speakers = [c.speaker for c in find_claims(body)]
    assert "70 %" not in speakers and "34" not in speakers and "70%" not in speakers


def test_a_quote_whose_every_sentence_opens_with_a_mark_is_one_quote():
    # BBC copy opens each quoted sentence again and closes only the last.
    body = ('Wenger said: "The only positive is that we are still in the tie. "The players are really '
            'down in the dressing-room. I feel we really turned in a bad performance. "At 3-0 we faced '
            'a real struggle, but 3-1 at least gives us a chance."')
    (quote,) = find_claims(body)
    assert quote.kind == "quote" and quote.speaker == "Wenger"
    assert quote.text.startswith("The only positive") and quote.text.endswith("gives us a chance.")
    # Two quotes side by side stay two.
    body = 'He said: "We will win." "They will lose," his aide added.'
    assert [c.text for c in find_claims(body)] == ["We will win.", "They will lose"]


def test_titles_of_shows_books_and_songs_are_nobody_s_words():
    from reader.extract.claims import title_case

    for title in ("The Late Show With Stephen Colbert", "Eye of the Tiger.", "Meet the Press.",
                  "Those Guys Have All the Fun: Inside the World of ESPN."):
        assert title_case(title), title
    for words in ("Lock her up!", "That's Jeb Bush and Marco Rubio.", "We will win.", "LOCK HER UP"):
        assert not title_case(words), words
    body = "Mrs. Clinton said on ''The Late Show With Stephen Colbert'' last month that jobs come first."
    assert [c for c in find_claims(body) if c.kind == "quote"] == []


def test_what_a_cue_reports_ends_where_a_quoted_sentence_begins():
    body = ('The bank said the cuts could indicate a longer term change at the firm. '
            '"Either way, this cannot be good news for its margin," it added.')
    reported, quote = find_claims(body)
    assert reported.text == "the cuts could indicate a longer term change at the firm"
    assert (quote.kind, quote.cue, quote.within) == ("quote", "added", None)
    assert quote.text == "Either way, this cannot be good news for its margin"


def test_a_person_given_with_age_and_home_town_is_the_speaker_not_the_town():
    body = '"Both of them scare me," Harry Bond, 30, of Raleigh, N.C., who was among those polled, said.'
    assert [(c.speaker, c.mention) for c in find_claims(body)] == [("Harry Bond", "Harry Bond, 30")]
    assert find_claims("Cory James, 22, of Flint, Mich., said he had not given up hope.")[0].speaker == "Cory James"


def test_a_plural_possessive_subject_speaks():
    body = "Clinton was accused. Sanders' team said the committee appears to skirt legal limits on donations."
    assert [(c.speaker, c.text) for c in find_claims(body)] == [("Sanders' team", "the committee appears to skirt legal limits on donations")]
