"""Answer-layer tests on questions for what the programme itself is for or why it exists: the
sentence that says so, not a sentence that names a purpose of one part of it."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, reply_to

PURPOSE = "leer- en studievertragingen in te halen"


@pytest.mark.parametrize("question", [
    # (before: the arbeidsmarkttoelage "die is bedoeld om tijdens het NP Onderwijs …")
    "waarvoor is het nationaal programma onderwijs eigenlijk bedoeld?",
    # (before: the NPO money for unregistered children, "Daarom is het wenselijk …")
    "waarom is het npo opgezet?",
    # (before: "Dat kan ik niet vinden": only "bereiken" was left to rank)
    "wat willen ze met het npo bereiken?",
    "wat is het doel van het np onderwijs?",
])
def test_a_question_for_the_programmes_purpose_gets_the_sentence_that_says_it(engine, question):
    assert_answers(engine, question, PURPOSE, first=True)


def test_an_english_question_for_the_programmes_purpose_gets_it_too():
    assert PURPOSE in reply_to("why did they set up the NPO?", language="en")


@pytest.mark.parametrize("question, not_shown", [
    # a purpose of a part of the programme is that part's own
    ("wat is het doel van de arbeidsmarkttoelage?", PURPOSE),
    ("waarom krijgen scholen npo geld?", PURPOSE),
])
def test_a_purpose_question_about_a_part_of_the_programme_is_ranked_as_before(engine, question, not_shown):
    result = engine.answer(question)
    assert not_shown not in " ".join(u.text for u in result.shown)
