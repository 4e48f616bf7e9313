"""Finding an annotation's words again: the quote first, its context and position to choose,
small edits forgiven, and never a look-alike taken when nothing tells which one."""

from reader.quote_anchor import Quote, anchor

TEXT = "He said the war will end soon. Later he said the war will end soon, again. Then nothing."


def test_words_found_once_are_anchored_there():
    assert anchor(TEXT, Quote("Then nothing")) == (75, 87)


def test_words_found_twice_with_nothing_to_tell_which_are_not_anchored():
    assert anchor(TEXT, Quote("the war will end soon")) is None


def test_the_words_around_them_tell_which_one():
    assert anchor(TEXT, Quote("the war will end soon", prefix="Later he said ")) == (45, 66)
    assert anchor(TEXT, Quote("the war will end soon", suffix=". Later")) == (8, 29)


def test_the_position_tells_which_one_when_the_context_does_not():
    assert anchor(TEXT, Quote("the war will end soon", start=44)) == (45, 66)
    assert anchor(TEXT, Quote("the war will end soon", start=3)) == (8, 29)


def test_words_edited_a_little_are_found_where_they_are_now():
    assert anchor(TEXT, Quote("the war would end soon", prefix="Later he said ")) == (45, 66)
    edited = TEXT.replace("Then nothing.", "Then, nothing at all happened.")
    assert anchor(edited, Quote("Then nothing at all happened")) is not None


def test_words_that_are_not_there_are_not_anchored():
    assert anchor(TEXT, Quote("peace talks begin on Monday")) is None
    assert anchor(TEXT, Quote("Then nothing at all, said nobody, ever")) is None
    assert anchor(TEXT, Quote("   ")) is None
