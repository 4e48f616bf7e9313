"""What a reporting cue's reported span holds: where it starts and where it stops, one reading
at a time (reader/extract/content.py), each shown by a sentence."""

from reader.extract import find_claims


def reported(body):
    return [(c.speaker, c.text) for c in find_claims(body) if c.kind == "reported"]


def test_an_object_stops_before_the_subjects_next_verb():
    body = "The mayor denied the charges and counter-sued the newspaper."
    assert reported(body) == [("mayor", "the charges")]
    body = "The senator talked about the stock market and then made remarks on trade."
    assert ("senator", "the stock market") in reported(body)


def test_an_object_keeps_its_own_coordination():
    body = "The union endorsed Smith and Jones for the board."
    assert reported(body) == [("union", "Smith and Jones for the board")]


def test_who_before_a_cue_of_belief_gives_the_subject():
    body = "There are some lawyers who think the case against the firm is clear."
    assert reported(body) == [("lawyers", "the case against the firm is clear")]


def test_who_before_a_wish_gives_no_claim():
    body = "It will please investors who want to see higher dividends next year."
    assert reported(body) == []


def test_a_cue_in_the_progressive_is_someone_speaking():
    body = "The island has been warning that it is running out of cash."
    assert reported(body) == [("island", "it is running out of cash")]
    # (a passive is not: "has been asked to leave")
    assert reported("The manager has been asked to leave the club.") == []
    # nor a plan in the progressive: "would be seeking"
    assert reported("Asked if the firm would be seeking damages, he smiled.") == []


def test_a_cue_word_after_an_adjective_is_a_noun():
    assert reported("It ended there, with the clear support given to the chairman by the board.") == []
    assert reported("Growth came from a pick-up in global demand for software.") == []
    assert reported("The party got into trouble over its central claim that taxes would rise.") == []
    # (a verb after a noun of persons stays a verb)
    assert reported("The official said the bill is dead.") == [("official", "the bill is dead")]
    assert reported("The senators claim the bill is dead.") == [("senators", "the bill is dead")]


def test_that_after_a_verb_is_a_relative_not_what_was_said():
    body = "The holding company asked the bank to repay a loan that the unit had secured."
    assert reported(body) == [("holding company", "the bank to repay a loan that the unit had secured")]
    body = "Organisers have promised there will be no repeat of the stunt that sparked complaints."
    assert reported(body) == [("Organisers", "there will be no repeat of the stunt that sparked complaints")]


def test_the_listener_is_left_out():
    body = "Jane Smith, head of the trust, told BBC News schools had been crying out for help."
    assert reported(body) == [("Jane Smith", "schools had been crying out for help")]
    body = "The president told the head of the parliament, John Doe, that the bill would go ahead."
    assert [text for _, text in reported(body)] == ["the bill would go ahead"]


def test_a_participle_inside_what_was_said_does_not_cut_it_short():
    body = "The Tories, he said, can cut crime and improve services without asking people to pay more."
    assert [text for _, text in reported(body)] == ["can cut crime and improve services without asking people to pay more"]
    # (after a comma it is a claim of its own)
    assert [text for _, text in reported("He criticised the plan, saying it was too costly.")] == ["the plan", "it was too costly"]


def test_which_before_a_verb_of_speech_gives_the_subject():
    body = "The rise was criticised by the Low Pay Commission, which said the number of jobs had grown."
    assert reported(body) == [("Low Pay Commission", "the number of jobs had grown")]
    # (not another verb: "the fund, which supports students with grants")
    assert reported("The money goes to the award fund, which supports students with grants.") == []


def test_more_verbs_of_speech_report_what_was_said():
    assert reported("The party chairman likened the two men to squabbling schoolboys.") == [
        ("party chairman", "the two men to squabbling schoolboys")]
    assert reported("The minister echoed criticisms of the way the rules were introduced.") == [
        ("minister", "criticisms of the way the rules were introduced")]
    assert reported("The senator railed against irresponsible drinks promotions.") == [
        ("senator", "irresponsible drinks promotions")]
    assert reported("The actor has hit out at the quality of current films.") == [("actor", "the quality of current films")]
    assert reported("The coach has made it clear he will pick his squad on form.") == [("coach", "he will pick his squad on form")]


def test_an_object_stops_before_an_auxiliary_of_the_subject():
    body = "It was a blow, said the chairman, who supports Smith but is not working for him."
    assert ("chairman", "Smith") in reported(body)


def test_back_as_an_adverb_is_no_cue():
    assert reported("The Russian fought back brilliantly to win the final.") == []
    assert reported("The state party eventually backed down over the data.") == []
    assert reported("The union backed Smith for the leadership.") == [("union", "Smith for the leadership")]


def test_what_someone_wrote_is_a_claim_only_as_a_clause():
    assert reported("The athlete has written a book about her career.") == []
    assert reported("The columnist wrote that the plan would fail.") == [("columnist", "the plan would fail")]
    assert reported("The candidate maintains a wide lead over her rival.") == []
    assert reported("The bank maintains the case has no place in a US court.") == [("bank", "the case has no place in a US court")]


def test_that_after_an_infinitive_is_a_relative():
    body = "The two rivals have agreed to divide the primaries in ways that might help them both."
    assert reported(body) == [("rivals", "to divide the primaries in ways that might help them both")]


def test_a_long_subject_before_a_verb_of_saying_is_the_sentences_opening_phrase():
    body = "Lord Bingham - a senior law lord - said the rules were incompatible with the convention."
    assert [text for _, text in reported(body)] == ["the rules were incompatible with the convention"]
    # (not a noun, nor the subject after the cue)
    assert reported("The firm has denied claims that it broke the law.") == []


def test_according_to_a_source_in_lower_case():
    body = "The singer had died peacefully at home, according to his family."
    assert reported(body) == [("his family", "The singer had died peacefully at home")]
    # (figures are no speaker)
    assert reported("The film took $44m over three days, according to studio estimates.") == []


def test_what_follows_as_someone_said_or_an_opening_word():
    body = "It was odd. As the director noted, staff involved could still face sanctions."
    assert reported(body) == [("director", "staff involved could still face sanctions")]
    body = "It was odd. But, he said, it is a risky strategy at a time of doubt."
    assert [text for _, text in reported(body)] == ["it is a risky strategy at a time of doubt"]


def test_a_negated_passive_is_no_one_speaking():
    assert reported("The final closure of the plant is not expected to happen until 2019.") == []


def test_an_object_keeps_the_items_of_its_list():
    body = "The group taunted the firm, posting images of candles, cake, trophies and fireworks."
    assert ("group", "images of candles, cake, trophies and fireworks") in reported(body)


def test_a_thing_called_by_its_name_is_no_cue():
    assert reported("They paid a company called Cambridge Analytica for the data.") == []
    assert reported("A senator called Trump a liar.") == [("senator", "Trump a liar")]
    assert reported("He spoke. Full details of the new powers will not be revealed until May.") == []


def test_an_object_stops_before_the_programme_it_was_said_on():
    body = "The former minister criticised the rivalry between the pair on GMTV's Sunday Programme."
    assert reported(body) == [("former minister", "the rivalry between the pair")]


def test_what_was_said_ends_before_a_concession_without_comma():
    body = "The party announced it would back the plans although its leader was forced to deny a split."
    assert reported(body) == [("party", "it would back the plans")]
    body = "It was late. Lord Smith - a senior judge - admitted that the project was over budget."
    assert reported(body) == [("Smith", "the project was over budget")]


def test_that_and_a_comma_still_open_what_was_said():
    body = "It was late. The minister admitted that, given the divide, these goals will not be easy."
    assert reported(body) == [("minister", "given the divide, these goals will not be easy")]


def test_a_verb_that_reports_only_a_clause_does_not_cut_what_was_said():
    body = "It was late. Ms Smith said she hoped to get her account back, and then would continue to post."
    assert reported(body) == [("Smith", "she hoped to get her account back, and then would continue to post")]


def test_what_was_said_in_a_clause_between_commas_ends_with_it():
    body = "It was late. Ms Brown, who said the senator had lied to her in 1978, recounted the incident on radio."
    assert ("Brown", "the senator had lied to her in 1978") in reported(body)
    body = "It was late. The official said the FBI had secured his help, who worked on the campaign before."
    assert ("official", "the FBI had secured his help") in reported(body)


def test_told_at_the_end_of_the_sentence_reports_what_came_before():
    body = "It was late. All four men held abroad will be returned within weeks, the minister told MPs."
    assert reported(body) == [("minister", "All four men held abroad will be returned within weeks")]


def test_an_answer_of_one_word_is_a_claim():
    assert [text for _, text in reported("Asked if it was legal, most voters said yes.")] == ["yes"]


def test_a_list_comma_is_not_one_before_an_inverted_cue():
    from reader.extract import find_claims

    body = 'The rejection signals "the beginning of the end" for the EU, said Geert Wilders, founder of the party.'
    said = [c for c in find_claims(body) if c.kind == "reported"]
    assert [(c.speaker, c.text) for c in said] == [("Geert Wilders", 'The rejection signals "the beginning of the end" for the EU')]


def test_an_opening_adverbial_is_not_what_was_said():
    assert reported("It was late. When pressed by the moderators, he did apologize to his rival for the leak.") == []
    assert [t for _, t in reported("It was late. In a merger, he said, the brand would survive.")] == ["the brand would survive"]
    assert [t for _, t in reported("It was late. After the vote, the plan is dead, he said.")] == ["After the vote, the plan is dead"]
    body = "It was late. After the court refused, the attorney general asked the Supreme Court for quick action."
    assert ("attorney general", "the Supreme Court for quick action") in reported(body)


def test_an_object_ends_before_a_clause_of_its_own():
    from reader.extract import find_claims

    body = "He will attack Labour's record on tax and he will set out Tory plans for a quota."
    assert next(c.text for c in find_claims(body) if c.kind == "reported") == "Labour's record on tax"


def test_a_cue_word_after_an_adjective_opening_a_sentence_after_a_quote_is_a_noun():
    from reader.extract import find_claims

    body = 'Lord Falconer said: "Tagging may be going too far." Full details of the new powers will not be revealed.'
    assert [c.kind for c in find_claims(body)] == ["quote"]


def test_what_comes_before_a_cue_keeps_its_asides_and_even_stays_inside():
    from reader.extract import find_claims

    body = ('One-time increases in tobacco prices, which "are no indication of pressure", were '
            "responsible for the increase, he said.")
    assert [c.text for c in find_claims(body) if c.kind == "reported"] == [
        'One-time increases in tobacco prices, which "are no indication of pressure", were responsible for the increase']
    body = "Others are questioning whether the concept of owning music is even valid in the digital age."
    assert [c.text for c in find_claims(body)] == ["whether the concept of owning music is even valid in the digital age"]
