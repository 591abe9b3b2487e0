"""Answer-layer tests on informal questions of students and teachers (probe round silent): typos,
fillers and loose wording around a question whose answer the documents give."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, fragment", [
    # the sentence counts the very thing asked ("drie pilotregio's") and lacks only "aanpak", a word
    # of the documents' own (before: "Dat staat niet precies in de documenten", with this sentence)
    ("in hoeveel regios beginnen ze met de thuiszitters aanpak", "drie pilotregio"),
    ("met hoeveel regio's start de aanpak voor thuiszitters", "drie pilotregio"),
])
def test_a_count_of_what_is_asked_answers_a_loosely_worded_question(engine, question, fragment):
    result = engine.answer(question)
    assert result.kind == "answer" and fragment in shown(result)


def test_a_count_that_lacks_a_word_the_documents_never_use_stays_a_near_miss(engine):
    # the 7.800 places short are the mbo's; the documents give no figure for care programmes
    result = engine.answer("hoe groot is het tekort aan stageplaatsen bij zorgopleidingen?")
    assert result.kind != "answer"


@pytest.mark.parametrize("question, fragment", [
    # "meer geworden", "komen … bij": an increase, which the documents state as "toegenomen", "nemen toe"
    # (before: the staff shortage, a sentence with "vacature"'s group word but nothing about growth)
    ("hoe zit het nu met de vacatures, zijn dat er meer geworden", "explosief toegenomen"),
    ("is het aantal vacatures meer geworden?", "explosief toegenomen"),
    # a sector word that names a part of the mbo is also what is asked about (before: the basisbeurs)
    ("komen er meer bbl studenten bij dit jaar", "instroom in de BBL"),
])
def test_more_than_before_is_an_increase_of_the_part_of_a_sector_named(engine, question, fragment):
    result = engine.answer(question)
    assert result.kind == "answer" and fragment in shown(result)
