"""Who "he", "she" and a shared surname refer to (names.Registry, through find_claims)."""

from reader.extract import find_claims
from reader.extract.names import gender_of, split_words


def speaker_of(body, text):
    found = [c for c in find_claims(body) if c.text == text]
    assert found, f"no claim {text!r} in {[c.text for c in find_claims(body)]}"
    return found[0].speaker


def test_a_given_name_tells_the_gender():
    assert gender_of(None, ["Sharon", "Osbourne"]) == "f"
    assert gender_of(None, ["Paul", "Miller"]) == "m"
    assert gender_of(None, ["Gordon"]) is None  # a lone word may be a surname


def test_a_person_of_an_organisation_is_the_person():
    words = tuple("Detective Inspector Paul Miller of Thames Valley Police".split())
    assert split_words(words) == ("Paul Miller", "Detective Inspector of Thames Valley Police", "person")
    assert split_words(("Bank", "of", "England"))[2] == "org"


def test_a_surname_two_people_bear_is_the_one_named_last_before():
    body = ('Rock star Ozzy Osbourne tackled a burglar. "I acted on impulse," Osbourne said. '
            'Later, Sharon Osbourne gave details of the stolen items.')
    assert speaker_of(body, "I acted on impulse") == "Ozzy Osbourne"


def test_he_is_not_a_woman_named_before():
    body = ('Sharon Osbourne said the rings were gone. Detective Inspector Paul Miller of Thames '
            'Valley Police said a ladder was used. "The burglar was disturbed," he said.')
    assert speaker_of(body, "The burglar was disturbed") == "Paul Miller"


def test_he_is_the_person_a_new_sentence_is_about():
    body = ('"We will appeal," said coach Luis Aragones. The storm grew after the game. '
            "Spain's minister of sport Jaime Lissavetzky was quick to give his backing. "
            '"Everyone has to consider their declarations," he said.')
    assert speaker_of(body, "Everyone has to consider their declarations") == "Jaime Lissavetzky"


def test_he_is_still_the_speaker_when_the_new_name_is_no_subject():
    body = ('"We will win," said Tom Walsh, who was appointed by President Barack Obama. '
            '"It is our year," he said.')
    assert speaker_of(body, "It is our year") == "Tom Walsh"


def test_she_is_the_spokeswoman():
    body = ('On the programme Mr Johnson was asked about it. He replied: "It was time to move on." '
            "A department spokeswoman confirmed he was still in post. "
            '"No date was ever given," she said adding that the post had been advertised.')
    assert speaker_of(body, "No date was ever given") == "department spokeswoman"


def test_a_reported_claim_needs_someone_who_said_it():
    from reader.extract.speaker import names_no_one

    assert names_no_one("pick-up in global") and names_no_one("cost")
    assert not names_no_one("analysts") and not names_no_one("nearly half") and not names_no_one("both")
    body = ("The economy is benefiting from a pick-up in global demand for technology products. "
            "Analysts said the outlook was better.")
    assert [c.speaker for c in find_claims(body)] == ["Analysts"]


def test_places_and_events_are_no_one_a_pronoun_means():
    assert split_words(("Carrow", "Road"))[2] == "place"
    assert split_words(("Grand", "Prix"))[2] == "place"
    body = ('Kelly Holmes will start the year in Glasgow. She will also run in the Grand Prix in '
            'Birmingham. "I am still competitive," she said.')
    assert speaker_of(body, "I am still competitive") == "Kelly Holmes"


def test_and_inside_an_organisations_name():
    assert split_words(tuple("Department of Trade and Industry".split())) == ("Department of Trade and Industry", None, "org")
    assert split_words(tuple("Department for Work and Pensions".split()))[0] == "Department for Work and Pensions"
    assert split_words(("Smith", "and", "Jones"))[0] == "Jones"  # two people, no organisation


def test_it_is_the_organisation_named_by_its_noun():
    body = ('The US government denied the claims, saying it condemned torture. In a statement, '
            'it said: "He was properly detained."')
    assert speaker_of(body, "He was properly detained.") == "US government"


def test_a_name_after_an_article_is_no_subject():
    body = ('Boss Graeme Souness felt Newcastle were never in danger. An early goal followed by an '
            'Alan Shearer strike earned them a win. "We got our goals early," he said.')
    assert speaker_of(body, "We got our goals early") == "Graeme Souness"


def test_a_gerund_after_after_is_said_by_the_sentences_subject():
    body = '"Every single thing is on the table," Carson told the AP after hinting that "personnel changes" could come.'
    assert speaker_of(body, '"personnel changes" could come') == "Carson"
    body = ("Shortly after the vote ended, Rubio's campaign sent out a press release saying Murphy "
            "owes Florida an explanation.")
    assert speaker_of(body, "Murphy owes Florida an explanation") == "Rubio's campaign"


def test_a_gerund_that_is_no_speech_makes_no_claim():
    body = "Ireland coach Eddie O'Sullivan heaped praise on Italy after seeing his side stutter to a win."
    assert find_claims(body) == []


def test_whose_response_it_was():
    body = 'Hillary Clinton wrote back to the aide. Clinton’s response was: “Is Dalton Brody off Conn or Wisconsin?”'
    assert speaker_of(body, "Is Dalton Brody off Conn or Wisconsin?") == "Clinton"


def test_a_gerund_before_a_title_is_part_of_it():
    body = '"I have never been prouder," former State policy planning director Anne-Marie Slaughter wrote to Clinton.'
    assert speaker_of(body, "I have never been prouder") == "Anne-Marie Slaughter"
    body = '"The train has left the station," wrote Time magazine.'
    assert speaker_of(body, "The train has left the station") == "Time magazine"


def test_a_possessive_inside_a_name_names_its_owner():
    body = ("Chancellor Gordon Brown spoke first. In Wednesday's Budget, Mr Brown doubled stamp duty. "
            'Defending the plans, he told Today: "I will take no risks with the economy."')
    assert speaker_of(body, "I will take no risks with the economy.") == "Gordon Brown"


def test_an_mep_is_a_person():
    assert split_words(tuple("MEP Robert Kilroy-Silk".split())) == ("Robert Kilroy-Silk", "MEP", "person")
    assert split_words(tuple("Labour MP Diane Abbott".split()))[:2] == ("Diane Abbott", "Labour MP")


def test_a_role_tied_to_whom_it_serves_is_the_speaker():
    assert speaker_of("A senior adviser to the president said the plan was dead.", "the plan was dead") == "senior adviser to the president"
    assert speaker_of("A spokesman for the campaign said the plan was dead.", "the plan was dead") == "spokesman for the campaign"


def test_a_subject_that_counts_people_shares_its_participle():
    body = 'About 50 protesters had gathered on Wednesday morning, chanting "no contract, no peace" after the talks failed.'
    assert speaker_of(body, "no contract, no peace") == "About 50 protesters"
    body = 'Outside the hall, Hundreds of demonstrators marched on Monday, chanting "Bernie or bust," for hours.'
    assert speaker_of(body, "Bernie or bust") == "Hundreds of demonstrators"


def test_a_broadcaster_with_a_number_can_speak():
    body = "Local news affiliate ABC 7 is reporting that a husband and wife were surprised."
    assert speaker_of(body, "a husband and wife were surprised") == "ABC 7"
    assert find_claims("Among the over-65s, 70 said they would vote.")[0].speaker is None


def test_a_contracted_pronoun_is_no_name():
    body = "We've drawn up a pensioners' manifesto. They will be asked what they would support, she said."
    assert all(c.speaker != "We've" for c in find_claims(body))


def test_it_is_not_a_description_that_said_nothing():
    body = ("Fiat can sell its car unit to General Motors, part of an alliance agreed in 2000. "
            "General Motors said it no longer wants the unit. It has argued the deal was voided by Fiat.")
    assert speaker_of(body, "the deal was voided by Fiat") == "General Motors"


def test_two_names_joined_by_and_the_speak_together():
    body = "Labour and the Liberal Democrats say the party's sums do not add up."
    assert speaker_of(body, "the party's sums do not add up") == "Labour and the Liberal Democrats"


def test_the_firms_are_not_one_of_them():
    body = ("Technology firms Sony, Philips and Samsung set up an alliance. In a joint statement the firms "
            "said they wanted to end the fragmentation of formats.")
    assert speaker_of(body, "they wanted to end the fragmentation of formats") == "firms"
