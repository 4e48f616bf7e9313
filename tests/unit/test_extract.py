"""Claim extraction patterns, each on a small article written for the purpose."""

from helpers import FIXTURES
from reader.extract import find_claims
from reader.ingest import read_article


def claims_of(body):
    found = find_claims(body)
    for c in found:
        assert body[c.start : c.end] == c.text
    return [(c.kind, c.speaker, c.text) for c in found]


def fixture(name):
    path = FIXTURES / name
    return read_article(str(path), path.read_bytes())


def test_quote_split_around_the_attribution_keeps_the_speaker():
    body = '"We will not accept this," Peskov said. "The position of Moscow is well known."'
    assert claims_of(body) == [
        ("quote", "Peskov", "We will not accept this"),
        ("quote", "Peskov", "The position of Moscow is well known."),
    ]


def test_colon_led_quote_without_a_verb():
    body = 'Kremlin spokesman Dmitry Peskov was asked about the talks.\n\nPeskov: "There is nothing to add at this stage."'
    assert ("quote", "Dmitry Peskov", "There is nothing to add at this stage.") in claims_of(body)


def test_quote_running_over_paragraphs():
    body = (
        'Mayor Anna Kovalenko said:\n\n"The first phase is finished.\n\n'
        '"The second phase starts in spring.\n\n"We will report every month."\n\nThe council agreed.'
    )
    (kind, speaker, text), = claims_of(body)
    assert (kind, speaker) == ("quote", "Anna Kovalenko")
    assert text.startswith("The first phase") and text.endswith("We will report every month.")
    assert text.count("\n\n") == 2


def test_nested_quote_stays_inside_its_quote():
    body = 'Senator Maria Diaz said: "When they told us \'no deal\', we walked out of the room."'
    assert claims_of(body) == [("quote", "Maria Diaz", "When they told us 'no deal', we walked out of the room.")]


def test_curly_nested_quote():
    body = "He had been asked about the plan. “I heard him say ‘never again’ and I believed him,” said Tom Reed."
    assert claims_of(body) == [("quote", "Tom Reed", "I heard him say ‘never again’ and I believed him")]


def test_scare_quotes_and_titles_are_not_claims():
    body = (
        'Russia calls the invasion a "special military operation". The so-called "peace plan" was '
        'published on Monday. She appeared on "Saturday Night Live" last year, and the book "The Art '
        'of the Deal" sold well.'
    )
    # Russia's own term, quoted inside what Russia is reported to say, is Russia's words; the
    # scare quote, the show and the book are nobody's.
    assert [c for c in claims_of(body) if c[0] == "quote"] == [("quote", "Russia", "special military operation")]
    (within,) = [c for c in find_claims(body) if c.kind == "quote"]
    assert within.rule == "quote-within"


def test_dash_attribution():
    body = 'The statement ended with a warning.\n\n"We are watching every move you make." - Olena Bilyk'
    assert ("quote", "Olena Bilyk", "We are watching every move you make.") in claims_of(body)


def test_speaker_after_the_cue_and_according_to():
    body = (
        '"The talks were useful," said Finnish President Anna Virtanen. '
        "According to the Finnish Foreign Ministry, the next round will be in Helsinki."
    )
    got = claims_of(body)
    assert ("quote", "Anna Virtanen", "The talks were useful") in got
    assert ("reported", "Finnish Foreign Ministry", "the next round will be in Helsinki") in got


def test_role_noun_resolves_to_the_named_person():
    body = (
        "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday.\n\n"
        '"Nothing has been decided yet," the spokesman said.'
    )
    assert claims_of(body) == [("quote", "Dmitry Peskov", "Nothing has been decided yet")]


def test_organisation_as_speaker():
    body = "The State Department said that it was reviewing the request."
    assert claims_of(body) == [("reported", "State Department", "it was reviewing the request")]


def test_sentence_final_attribution_without_quotes():
    body = "The plan was dead and nobody would revive it, Foreign Minister Jan Novak said."
    assert claims_of(body) == [("reported", "Jan Novak", "The plan was dead and nobody would revive it")]


def test_did_not_say_is_not_a_claim():
    assert claims_of("Minister Anna Berg did not say how much the programme would cost.") == []


def test_nested_attribution_belongs_to_the_outer_speaker():
    body = "Shop owner David Brown said that he feared losing customers, and added that the council had not listened."
    assert claims_of(body) == [
        ("reported", "David Brown", "he feared losing customers"),
        ("reported", "David Brown", "the council had not listened"),
    ]


def body_claims(article):
    return [c for c in article.claims if c.part == "body"]


def test_up_named_quote_labels():
    article = fixture("up/named_quote.txt")
    got = [(c.kind, c.speaker, c.cue) for c in body_claims(article)]
    assert got == [
        ("reported", "Volodymyr Zelenskyy", "thanked"),
        ("source", "Volodymyr Zelenskyy", "Source"),
        ("quote", "Volodymyr Zelenskyy", "Quote from"),
        ("reported", "Donald Trump", "said that"),
        ("quote", "Donald Trump", "Quote from"),
    ]


def test_up_multi_paragraph_quote_block_takes_the_lead_speaker():
    article = fixture("up/multi_paragraph_quote.txt")
    (claim,) = body_claims(article)
    assert claim.speaker == "Oleksii Marchenko" and claim.role == "Defence Minister"
    assert claim.text.endswith("The first recruits will start in July.")


def test_up_editorial_notes_are_the_editors():
    article = fixture("up/editorial_notes.txt")
    quote = next(c for c in article.claims if c.kind == "quote")
    (start, end), = quote.editorial
    assert article.body[start:end] == "[with Ukraine – ed.]"
    notes = [article.body[s:e] for s, e in article.editorial]
    assert notes[0] == "[with Ukraine – ed.]" and notes[1].startswith("[NB: Russia uses")
    # The note quotes a phrase, but it is the editor's gloss, not anyone's claim.
    assert all("realities on the ground" not in c.text or (c.kind == "quote" and c.text.startswith("We are ready")) for c in article.claims)


def test_up_curly_quotes_and_guillemets():
    article = fixture("up/curly_quotes.txt")
    got = [(c.kind, c.speaker, c.within is not None) for c in article.claims if c.kind == "quote"]
    # Peskov's “under control” is quoted inside what he is reported to have said.
    assert got == [("quote", "Dmitry Peskov", True), ("quote", "Dmitry Peskov", False), ("quote", "Mykhailo Podoliak", False)]


def test_up_reader_comments_give_no_claims():
    article = fixture("up/republished.txt")
    assert [c.speaker for c in body_claims(article)] == ["Dmytro Lubinets", "Dmytro Lubinets"]


def test_plain_article_speakers_and_roles():
    article = fixture("plain/bbc_like.txt")
    quotes = [(c.speaker, c.role) for c in article.claims if c.kind == "quote"]
    assert quotes[0] == ("George Muir", "Atoc chief executive")
    assert quotes[1][0] == "Anthony Smith"
    assert quotes[2:] == [("Alistair Darling", "Transport Secretary")] * 2


def test_every_claim_says_how_sure_it_is():
    article = fixture("plain/bbc_like.txt")
    for c in article.claims:
        assert 0 < c.confidence <= 1 and c.rule
    inherited = next(c for c in article.claims if c.text.startswith("But the money"))
    direct = next(c for c in article.claims if c.text.startswith("Nobody likes"))
    assert inherited.confidence < direct.confidence


def test_headline_claims_index_the_headline():
    article = fixture("up/named_quote.txt")
    (claim,) = [c for c in article.claims if c.part == "title"]
    assert article.title[claim.start : claim.end] == claim.text == "partners for new aid package"
    assert (claim.speaker, claim.cue, claim.rule) == ("Volodymyr Zelenskyy", "thanks", "headline-verb")
    plain = fixture("plain/bbc_like.txt")
    assert [c for c in plain.claims if c.part == "title"] == []  # "Rail fares to rise ..." claims nothing


def test_tokens_keep_the_full_stop_of_abbreviations_and_initials():
    from reader.extract.names import Tokens

    body = "Mr. Smith of the U.S.A. met J. K. Rowling and J.J. MacNab.\nCo-op vs. Corp. B. end."
    toks = Tokens(body)
    assert toks.texts == [
        "Mr.", "Smith", "of", "the", "U.S.A.", "met", "J.", "K.", "Rowling", "and", "J.J.", "MacNab", ".",
        "\n", "Co-op", "vs.", "Corp.", "B", ".", "end", ".",
    ]
    assert all(body[s:e] == text for s, e, text in zip(toks.starts, toks.ends, toks.texts, strict=True))


def test_sentences_end_once_at_runs_of_marks_and_at_paragraph_breaks():
    from reader.extract.sentences import Sentences

    body = 'Is it?! Yes... "Sure." Mr. Smith left.\n\nThe end. 3.5 B\n\n\nNo. \n Next'
    starts = Sentences(body).starts
    sentences = [body[a:b].strip() for a, b in zip(starts, [*starts[1:], len(body)], strict=True)]
    assert sentences == ["Is it?!", "Yes...", '"Sure."', "Mr. Smith left.", "The end.", "3.5 B", "No.", "Next"]


def test_initials_before_a_name_do_not_end_the_sentence():
    body = '"You would not have had Bundy Ranch if not for Santilli," says J.J. MacNab, an expert on militias.'
    assert claims_of(body)[0][:2] == ("quote", "J.J. MacNab")


def test_dash_attribution_on_the_line_after_the_quote():
    body = 'The ad ran for a week.\n\n"Great speech. She is tested. She is ready."\n\n-President Obama, tweeting after the speech.'
    assert claims_of(body) == [("quote", "Obama", "Great speech. She is tested. She is ready.")]


def test_an_indefinite_speaker_after_the_quote():
    body = '"Governor Romney has no plans to attend convention," a spokesman said Thursday.'
    assert claims_of(body) == [("quote", "spokesman", "Governor Romney has no plans to attend convention")]


def test_the_name_in_the_appositive_is_the_speaker():
    assert claims_of('Another delegate on the Cruz slate, Jim Poolman, said he was only "leaning Cruz."')[0][:2] == (
        "reported", "Jim Poolman")
    body = 'A former Republican candidate -- John McCain, who lost the 2008 election -- said the president "offered no changes."'
    assert claims_of(body)[0][:2] == ("reported", "John McCain")


def test_a_verb_opening_the_sentence_before_its_speaker():
    body = 'Said Dorothy Poynter, who grew up with Ali in the neighborhood, "We were all so proud of him."'
    assert claims_of(body) == [("quote", "Dorothy Poynter", "We were all so proud of him.")]


def test_a_quote_goes_to_the_cue_after_its_closing_comma_not_the_relative_clause_before():
    body = 'Nothing the president said "will assuage people\'s fears," the Florida senator said.'
    assert claims_of(body) == [("quote", "Florida senator", "will assuage people's fears")]


def test_a_second_verb_after_and_keeps_the_sentence_subject():
    body = "Senator Harry Reid spoke on Friday.\n\nReid caucused in Nevada on Saturday and says he voted for no one."
    assert ("reported", "Harry Reid", "he voted for no one") in claims_of(body)


def test_an_opening_participle_phrase_is_not_what_the_main_clause_says():
    body = "Meanwhile, speaking to a radio host on Monday, Mayor Ann Cole said the vote was complex."
    assert claims_of(body) == [("reported", "Ann Cole", "the vote was complex")]


def test_a_new_speaker_with_a_colon_inside_reported_speech():
    body = (
        "Mayor Ann Cole said that the plan was sound, to which Councillor Ben Ruiz interjected: "
        '"It is just not true."'
    )
    claims = claims_of(body)
    assert ("quote", "Ben Ruiz", "It is just not true.") in claims
    assert ("reported", "Ann Cole", "the plan was sound") in claims


def test_an_opening_time_phrase_is_not_the_subject_of_a_participle():
    body = "Governor Ann Cole spoke in May.\n\nA few days later, Cole changed course, telling reporters that the tax would stay."
    assert ("reported", "Ann Cole", "the tax would stay") in claims_of(body)


def test_the_official_said_is_a_subject_and_its_verb():
    body = '"We found young people have begun to adopt these arguments," the official said.'
    assert claims_of(body) == [("quote", "official", "We found young people have begun to adopt these arguments")]


def test_a_quote_after_said_and_a_comma_is_not_swallowed_by_reported_speech():
    body = (
        "Asked what he would like the party's nominee to embody, the donor Sheldon Adelson said, "
        "“They have got to be able to win.”"
    )
    assert claims_of(body) == [("quote", "Sheldon Adelson", "They have got to be able to win.")]


def test_a_quote_closed_by_a_comma_then_a_name_and_any_verb():
    body = "Sean Hannity hosted the show.\n\n“The Times is claiming today that you spoke to them,” Hannity started."
    assert claims_of(body) == [("quote", "Sean Hannity", "The Times is claiming today that you spoke to them")]


def test_a_name_with_its_role_in_the_appositive_of_a_role():
    body = "Her husband, longtime party aide Tom Baker, announced they were separated."
    assert claims_of(body) == [("reported", "Tom Baker", "they were separated")]
    body = "Two military analysts, Ann Lee and Tom Baker, found that the air force was the best."
    assert claims_of(body)[0][1] != "Tom Baker"  # two people: not the last one alone


def test_a_participle_after_a_comma_is_said_by_the_sentence_subject():
    body = "Speaking at a town hall in Salem, New Hampshire, Donald Trump went after Jeb Bush, calling him “a total stiff.”"
    assert claims_of(body) == [("reported", "Donald Trump", "him “a total stiff.”"), ("quote", "Donald Trump", "a total stiff.")]


def test_a_cue_in_an_opening_clause_reports_only_up_to_the_main_clause():
    body = "While Mayor Ann Cole said that the plan was sound, her critics argue that it will fail."
    assert claims_of(body) == [
        ("reported", "Ann Cole", "the plan was sound"),
        ("reported", "critics", "it will fail"),
    ]


def test_verbs_whose_object_is_not_what_anyone_said():
    assert claims_of("Senator Ann Cole continued her assault on the bill.") == []
    assert claims_of("Senator Ann Cole maintains close ties with the unions.") == []
    assert claims_of("Senator Ann Cole spoke with voters outside the polling station.") == []
    assert claims_of("Senator Ann Cole responded on Twitter.") == []


def test_what_was_said_ends_before_the_writers_aside():
    body = "Mayor Ann Cole said her streak is proof she can close the gap, which stood at 263 on Tuesday."
    assert claims_of(body) == [("reported", "Ann Cole", "her streak is proof she can close the gap")]


def test_a_second_speaker_after_and_is_not_inside_the_first_object():
    body = "A woman asked for a photo and Governor Ann Cole said, “as long as we are not breaking any laws.”"
    assert ("quote", "Ann Cole", "as long as we are not breaking any laws.") in claims_of(body)


def test_a_number_after_the_article_of_a_speaker_after_the_verb():
    body = "“She did not like that,” said a 2008 campaign veteran."
    assert claims_of(body) == [("quote", "2008 campaign veteran", "She did not like that")]


def test_a_participle_opening_the_sentence_is_no_name():
    body = "Holding signs calling Ann Cole “the biggest loser,” the protesters chanted “Cole out!”"
    assert all(speaker != "Holding" for _, speaker, _ in claims_of(body))


def test_two_speakers_saying_things_joined_by_and():
    body = "Most voters said the party did not care and many said the party was hostile."
    assert claims_of(body) == [
        ("reported", "voters", "the party did not care"),
        ("reported", "many", "the party was hostile"),
    ]


def test_a_relative_clause_after_a_preposition_is_an_aside():
    body = "Mayor Ann Cole said she is partial to Ted Cruz, for whom she campaigned in 2016."
    assert claims_of(body) == [("reported", "Ann Cole", "she is partial to Ted Cruz")]


def test_proportions_and_numbers_as_speakers():
    # A share of people said it, but a share is not a speaker: the claim stays, without a name.
    assert claims_of("One in four said the party was hostile.") == [("reported", None, "the party was hostile")]
    assert claims_of("One of them said the plan was dead.") == [("reported", None, "the plan was dead")]
    assert claims_of("Three in ten voters said the party did not care.") == [("reported", "voters", "the party did not care")]


def test_function_words_are_never_speakers_and_nouns_in_ly_are_nouns():
    assert claims_of("The family said it was sad.") == [("reported", "family", "it was sad")]
    assert claims_of("And there are fears that the trend could grow.") == []
    assert claims_of("It has led to a crunch, with demand outstripping supply.") == []
    assert claims_of("Senator Ann Cole quickly said the plan was dead.") == [("reported", "Ann Cole", "the plan was dead")]


def test_a_progressive_verb_inside_what_was_said_does_not_split_it():
    body = "The Cole campaign says two dozen state lawmakers are endorsing Cole."
    assert claims_of(body) == [("reported", "Cole campaign", "two dozen state lawmakers are endorsing Cole")]


def test_curly_quotes_inside_a_straight_quote_are_nested():
    body = ('Dr. Ward stated:\n\n"The Department isn’t about “Equal Justice Under Law” anymore. It is about '
            'politics.\n\n"The solution is personal property."')
    quotes = [(kind, text) for kind, _, text in claims_of(body) if kind == "quote"]
    assert quotes[0][1].startswith("The Department isn’t about “Equal Justice Under Law” anymore.")


def test_a_word_the_writer_glosses_is_no_quote():
    body = 'He told a news conference that Veritas - Latin for "truth" - would avoid the old parties\' "lies and spin".'
    quotes = [text for kind, _, text in claims_of(body) if kind == "quote"]
    assert quotes == ["lies and spin"]
