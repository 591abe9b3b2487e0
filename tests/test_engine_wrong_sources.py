"""Answer-layer tests on real questions of users (probe round "wrong", 2026-12-07): questions that
tempted a confident reply with a source line while the documents answer something else."""
from __future__ import annotations

import pytest

from tests.answer_layer import reply_to, shown


@pytest.mark.parametrize("question", [
    # the payment moment is an event a date must name: "in de jaren 2021 en 2022" says for which
    # years the money is, not when it is on the account
    "wanneer krijgen scholen de arbeidsmarkttoelage op hun rekening?",
    "wanneer staat de 516 miljoen bij de hogescholen op de rekening?",
    "wanneer wordt de 38 miljoen voor de lerarenopleidingen gestort?",
])
def test_a_payment_moment_is_not_the_years_the_money_is_for(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing


def test_the_years_the_money_is_for_are_still_answered(engine):
    result = engine.answer("voor welke jaren is die 38 miljoen voor de lerarenopleidingen bedoeld?")
    assert result.kind == "answer" and "2021 en 2022" in shown(result)


def test_worrying_about_something_is_no_payment(engine):
    # ("zich zorgen maken over" must not be read as "overmaken", a payment)
    result = engine.answer("waar maken ze zich in het speciaal onderwijs het meest zorgen over")
    assert result.kind == "answer" and "welbevinden" in shown(result)


@pytest.mark.parametrize("question, language", [
    ("kun je mijn huiswerk voor wiskunde maken", "nl"),
    ("kun je me helpen met mijn huiswerk voor geschiedenis?", "nl"),
    ("can you do my maths homework?", "en"),
    # (its "helpen" is the request, not the documents' "begeleiding")
    ("kun je me helpen met mijn huiswerk?", "nl"),
    ("can you help me with my homework?", "en"),
    ("can you help me with a question?", "en"),
])
def test_a_task_for_the_bot_gets_no_source(question, language):
    # (a sentence about "huiswerkbegeleiding" by hired staff is no answer to it)
    reply = reply_to(question, language)
    assert "Bron:" not in reply and "Source:" not in reply


@pytest.mark.parametrize("question, language, fragment", [
    # a request for help before the question: what follows it is asked (before: "Dat kan ik niet vinden")
    ("kun je me helpen met een vraag over hoeveel geld mbo-scholen krijgen uit het npo?", "nl", "516 miljoen"),
    ("kun je me helpen met een vraag over het collegegeld?", "nl", "gehalveerd"),
    ("ik heb een vraag: wanneer is het npo gepresenteerd?", "nl", "februari"),
    ("can you help me with a question about the tuition fee?", "en", "gehalveerd"),
])
def test_a_request_for_help_before_a_question_is_answered(question, language, fragment):
    reply = reply_to(question, language)
    assert fragment in reply and ("Bron:" in reply or "Source:" in reply)


def test_a_request_about_the_documents_is_still_answered():
    reply = reply_to("kun je me vertellen wanneer de volgende voortgangsrapportage komt?")
    assert "voorjaar van 2022" in reply and "Bron:" in reply


def test_the_country_alone_is_no_subject():
    # ("Netherlands" shares only letters with "Nederlands onderzoek")
    reply = reply_to("How do I get a residence permit for the Netherlands?", "en")
    assert "Source:" not in reply


def test_dutch_as_a_language_is_still_a_subject(engine):
    result = engine.answer("hoeveel achterstand hebben vmbo leerlingen bij Nederlands lezen?")
    assert result.kind == "answer" and "heel schooljaar" in shown(result)


@pytest.mark.parametrize("question", [
    # the 10 weeks are rekenen's, which the documents list beside spelling: "de kernvakken
    # (begrijpend lezen, spelling en rekenen/wiskunde)"
    "hoeveel weken vertraging hebben basisschoolleerlingen bij spelling?",
    "hoeveel weken lopen kinderen op de basisschool achter met spelling?",
])
def test_a_value_of_another_listed_item_is_no_answer(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing == ("spelling",)


def test_the_listed_item_the_value_is_for_is_still_answered(engine):
    result = engine.answer("hoeveel weken leervertraging hebben basisschoolleerlingen bij rekenen?")
    assert result.kind == "answer" and "10 weken" in shown(result)


@pytest.mark.parametrize("question", [
    # ("recht" of "rechten" is no right to a grant; "leren voor een toets" no action for internships)
    "welke studie moet ik kiezen, geneeskunde of rechten?",
    "hoe kan ik het beste leren voor een toets?",
])
def test_personal_advice_gets_no_source(question):
    assert "Bron:" not in reply_to(question)


def test_a_choice_the_documents_describe_is_still_answered():
    reply = reply_to("welke interventies moet ik kiezen als school?")
    assert "interventies" in reply and "Bron:" in reply
