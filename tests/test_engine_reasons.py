"""Answer-layer tests on questions why: where the sentence that answers opens with what it follows
from ("Daarom …", "Hierdoor …"), the cause is the sentence before it, shown with it."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, assert_near_miss


@pytest.mark.parametrize("question, cause", [
    # (before: only "Daarom is met het NP Onderwijs de aanpak jeugdwerkloosheid verlengd.")
    ("Waarom is de aanpak jeugdwerkloosheid met het NP Onderwijs verlengd?", "lastiger geworden"),
    # (before: only "Daarom organiseren de ministeries van OCW en SZW de nodige bijeenkomsten …")
    ("waarom organiseren ocw en szw bijeenkomsten over nazorg?", "kennisdeling"),
    # (before: only "Hierdoor lopen studenten meer risico om een verkeerde studiekeuze te maken …")
    ("hoezo lopen studenten meer risico om een verkeerde studie te kiezen?", "fysiek te kunnen oriënteren"),
])
def test_a_why_question_shows_the_cause_a_daarom_sentence_follows_from(engine, question, cause):
    assert_answers(engine, question, cause, first=True)


def test_a_question_that_does_not_ask_why_shows_the_daarom_sentence_alone(engine):
    result = assert_answers(engine, "welke bijeenkomsten organiseren ocw en szw over nazorg?", "bijeenkomsten", first=True)
    assert "kennisdeling" not in result.shown[0].text


@pytest.mark.parametrize("question", [
    # (before: "Ruim driekwart van de pabostudenten … werkt als onderwijsondersteunend personeel." as the answer)
    "Waarom werken de meeste pabostudenten als onderwijsondersteunend personeel en niet als leraar?",
])
def test_a_why_question_no_sentence_near_the_fact_gives_a_reason_for_is_a_near_miss(engine, question):
    result = assert_near_miss(engine, question)
    assert result.missing_type == "reason"
    assert "onderwijsondersteunend" in result.shown[0].text  # the fact itself, marked as related


@pytest.mark.parametrize("question, reason", [
    # the reason is beside the fact, in words the unit types do not read
    ("waarom slaagde bijna iedereen in 2020?", "geen doorgang"),
    ("Waarom zijn stagetekorten extra zorgwekkend voor studenten verpleegkunde?", "niet aan de slag in de zorg"),
    ("waarom moet ik dit jaar knokken om een stageplek met studenten van vorig jaar?", "concurreren"),
])
def test_a_why_question_with_a_cause_beside_the_fact_stays_answered(engine, question, reason):
    assert_answers(engine, question, reason)


def test_an_effect_question_no_sentence_near_the_fact_gives_an_effect_for_is_a_near_miss(engine):
    # (before: the Rotterdam tutoring project itself, as if it were its effect)
    result = assert_near_miss(engine, "Wat is het effect van de rekenbijles door studenten in Rotterdam op de leerlingen?")
    assert result.missing_type == "effect"


@pytest.mark.parametrize("question, effect", [
    ("Welk effect heeft het economisch herstel op stages en leerwerkbanen?", "positief effect"),
    ("Wat is het effect van het bevorderen van sociale binding?", "studentsucces"),
])
def test_an_effect_question_with_an_effect_beside_the_fact_stays_answered(engine, question, effect):
    assert_answers(engine, question, effect)


def test_a_yes_no_question_with_waardoor_inside_is_no_why_question(engine):
    # ("waardoor" joins a clause: the question asks whether, and the sentence answers it)
    assert_answers(engine, "kiezen veel scholen voor activiteiten waardoor kinderen zich beter voelen?", "welbevinden")
