"""Answer-layer tests on real questions of users (probe round en11): a figure asked for a subject,
group or thing the documents never name is not answered with the figure they give for another one."""
from __future__ import annotations

import pytest

from knowledge import english
from tests.answer_layer import shown


@pytest.mark.parametrize("question", [
    "hoeveel weken vertraging hebben leerlingen bij aardrijkskunde?",
])
def test_weeks_of_delay_for_a_subject_never_named_are_a_near_miss(engine, question):
    # the weeks given are for Dutch reading and arithmetic; "aardrijkskunde" is a third of the question
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing == ("aardrijkskunde",)


def test_weeks_of_delay_for_a_subject_never_named_are_a_near_miss_in_english(engine):
    text = "how many weeks of delay do pupils have in geography?"
    result = engine.answer(text, question=english.analyse_english(text))
    assert result.kind == "near_miss"


@pytest.mark.parametrize("question, fragment", [
    # a typo too far off for the ranking to correct is no subject of its own
    ("hoeveel scholn kiezen voor interventies voor welbevinden", "driekwart"),
    # a verb the documents word otherwise ("zetten … in") is not what is asked
    ("hoeveel geld steken instellingen uit hun eigen reserves erin?", "5 miljoen"),
])
def test_a_typo_or_verb_the_documents_never_use_still_answers(engine, question, fragment):
    result = engine.answer(question)
    assert result.kind == "answer" and fragment in shown(result)
