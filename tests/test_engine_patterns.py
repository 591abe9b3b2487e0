"""Answer-layer tests on real questions of users (probe round nl7): a sector the question names,
answers in a neighbouring sentence, superlatives, word forms and statements without a question word."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


def test_a_sentence_of_the_sector_asked_beats_an_equally_covering_one_of_another_sector(engine):
    # the vo's weeks for rekenen read more like the question; the po's 10 weeks answer it
    result = engine.answer("hoeveel weken vertraging hebben basisschoolleerlingen bij rekenen?")
    assert result.kind == "answer" and "10 weken" in shown(result)


@pytest.mark.parametrize("question, expected", [
    ("wat vraagt de motie van Kwint en Westerveld?", "eenmalig extra geld"),
    ("hoe gingen de eindexamens in 2021?", "94,8%"),
])
def test_an_open_question_whose_words_the_answer_names_gets_the_next_sentence_too(engine, question, expected):
    # the sentence that holds every word of the question names the subject; the next one says it
    result = engine.answer(question)
    assert result.kind == "answer" and expected in shown(result)


def test_what_can_be_done_about_a_themes_subject_is_its_list_of_actions(engine):
    # the sentence that opens theme 4's list fits as well as the best; the list answers it
    result = engine.answer("wat kunnen universiteiten doen aan de vertraging bij coschappen?")
    assert result.kind == "actions" and result.theme == 4


def test_is_er_iets_geregeld_voor_asks_about_what_follows_not_about_regelen(engine):
    # "regelen" frames the question (like "regeling"): the action for tandheelkunde answers it
    result = engine.answer("is er ook iets geregeld voor de opleiding tandheelkunde?")
    assert result.kind in ("answer", "actions") and "tandheelkunde" in shown(result)


def test_waar_moet_je_op_letten_asks_for_a_point_of_attention(engine):
    result = engine.answer("waar moet je op letten bij peer-tutoring?")
    assert result.kind == "answer" and "professionaliseren van de peers" in shown(result)


def test_niet_te_voorkomen_is_onoverkomelijk(engine):
    result = engine.answer("waarom was vertraging bij de coschappen niet te voorkomen?")
    text = shown(result)
    assert result.kind == "answer" and ("wachttijd" in text or "fysieke karakter" in text)


def test_het_kiezen_van_een_studie_is_studiekeuze(engine):
    # the annex names the action "studiekeuze activiteiten"; the user writes the verb
    result = engine.answer("hoe helpen instellingen scholieren bij het kiezen van een studie")
    assert result.kind in ("answer", "actions") and "meeloopdagen" in shown(result)
