"""Answer-layer tests on real questions of users (probe round nl7): a sector the question names,
answers in a neighbouring sentence, superlatives, word forms and statements without a question word."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, expected", [
    # a sector named: where the fact is chosen for the po, the vo's sentences that read more like the
    # question are no rival (not "unsure" between the two)
    ("hoeveel weken vertraging hebben basisschoolleerlingen bij rekenen?", "10 weken"),
    ("hebben kleine basisscholen meer vertraging dan grote?", "140 leerlingen"),
    # an open question whose every word the answer sentence holds: that one names the subject, the
    # next one says it
    ("wat vraagt de motie van Kwint en Westerveld?", "eenmalig extra geld"),
    ("hoe gingen de eindexamens in 2021?", "94,8%"),
])
def test_the_answer_is_not_the_sentence_that_only_names_the_subject(engine, question, expected):
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


def test_zich_eenzaam_voelen_asks_about_the_loneliness_not_the_feeling(engine):
    # "voelen" is a perception verb like "vinden" and "merken": the state it names is the subject
    result = engine.answer("wat moet een student doen die zich eenzaam voelt?")
    assert result.kind == "answer" and "melden" in shown(result)


@pytest.mark.parametrize("question", [
    "welke drie regio's zijn de pilotregio's voor thuiszitters?",
    "Which three regions are the pilot regions for thuiszitters?",
])
def test_which_and_a_count_before_a_place_asks_its_names(engine, question):
    # ("welke drie regio's": a count between "welke" and the noun still asks which ones; before, the
    # sentence that only counts them, "de eerste drie pilotregio's", was given as the answer)
    from knowledge.english import analyse_in
    language = "en" if question.startswith("Which") else "nl"
    parsed = analyse_in(question, language)
    assert parsed.answer_type == "who"
    result = engine.answer(question, question=parsed)
    assert result.kind == "near_miss", result.kind


@pytest.mark.parametrize("text, kind", [
    ("hallo, wie levert de cijfers over inschrijvingen?", "who"),
    ("hoi! hoeveel geld krijgt een school?", "amount"),
    ("ok, wanneer komt de volgende rapportage?", "date"),
])
def test_a_greeting_before_the_question_word_keeps_the_kind_of_answer(text, kind):
    # (before: "hallo, wie …" asked no "who": the question word had to open the message)
    from knowledge.question import answer_type
    assert answer_type(text) == kind
