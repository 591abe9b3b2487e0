"""Answer-layer tests on real questions about time (probe round `when`): a bare year inside a school
year, a payment moment the documents do not give, a value of another listed case, and the date
questions recognised in one place (knowledge.question_forms)."""
from __future__ import annotations

import pytest

from knowledge.question import analyse
from knowledge.question_forms import asks_deadline, asks_exact_date
from knowledge.units import enumerations
from tests.answer_layer import assert_near_miss, reply_to, shown


@pytest.mark.parametrize("question", [
    "mogen instellingen het geld ook in 2023 nog uitgeven?",
    "mogen hogescholen hun npo-geld in 2023 nog uitgeven of moet het eerder op?",
])
def test_a_bare_year_lies_inside_the_school_year_that_holds_it(engine, question):
    result = engine.answer(question)
    assert result.kind == "answer" and "2022-2023" in shown(result)


@pytest.mark.parametrize("question", [
    "kunnen mbo scholen de npo middelen ook nog in studiejaar 2023-2024 gebruiken?",
    "mijn basisbeurs loopt af in studiejaar 2024/2025, krijg ik dan ook een tegemoetkoming?",
])
def test_another_school_year_is_not_inside_it(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing and result.missing[0] in ("2023-2024", "2024-2025")


@pytest.mark.parametrize("question", [
    "can my college still use the money in the 2023-2024 academic year?",
    "will the tuition fee be halved again in 2023/24 as well?",
])
def test_another_school_year_in_english_is_not_inside_it(question):
    assert reply_to(question, language="en").startswith("The documents do not say anything about ‘2023-2024’")


def test_a_school_year_is_one_word_however_written():
    from knowledge.normalize import words
    assert words("in de studiejaren 2021/2022 en 2022/23, periode 2015-2019") == [
        "in", "de", "studiejaren", "2021-2022", "en", "2022-2023", "periode", "2015-2019"]


def test_a_missing_year_is_named_for_a_typed_question(engine):
    # (2023 lies inside the documents' 2022-2023, but they give no count of pabostudenten for it)
    result = engine.answer("hoeveel pabostudenten werkten er in 2023 in het onderwijs")
    assert result.kind == "near_miss" and result.missing == ("2023",)


@pytest.mark.parametrize("question", [
    "wanneer krijgen de lerarenopleidingen die 38 miljoen op hun rekening?",
    "wanneer staat de 516 miljoen bij de hogescholen op de rekening?",
    "wanneer krijgen scholen de arbeidsmarkttoelage op hun rekening?",
])
def test_a_payment_moment_is_an_event_the_documents_do_not_date(engine, question):
    assert engine.answer(question).kind == "near_miss"


def test_the_years_of_the_money_still_answer_when_no_payment_is_asked(engine):
    result = engine.answer("in welke jaren krijgen mbo-scholen en hogescholen die 516 miljoen?")
    assert result.kind == "answer" and "2021 en 2022" in shown(result)


def test_lists_name_cases_of_one_kind():
    items = enumerations("Uit het NCO blijkt dat bij de kernvakken (begrijpend lezen, spelling en rekenen/wiskunde) "
                         "over het algemeen sprake is van vertragingen.")
    assert len(items) == 1 and [sorted(heads) for _, heads in items[0]] == [["lezen"], ["spelling"], ["rekenen", "wiskunde"]]


@pytest.mark.parametrize("question", [
    "hoeveel weken achterstand hebben leerlingen op de basisschool bij spelling?",
    "hoeveel weken vertraging is er in groep 8 bij begrijpend lezen",
    "hoeveel weken achter bij spelling in het po?",
    "hoeveel weken lopen basisschoolkinderen achter met spelling?",
])
def test_a_value_of_another_listed_subject_is_no_answer(engine, question):
    # (the 10 weeks are of rekenen, listed beside spelling and begrijpend lezen among the kernvakken)
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing and result.missing[0] in ("spelling", "begrijpend")


def test_a_value_of_another_listed_subject_is_no_answer_in_english():
    reply = reply_to("how many weeks behind are primary school pupils in spelling?", language="en")
    assert reply.startswith("The documents do not give a duration for ‘spelling’")


def test_the_listed_subject_the_value_is_for_still_answers(engine):
    result = engine.answer("hoeveel weken lopen basisschoolkinderen achter met rekenen?")
    assert result.kind == "answer" and "10 weken" in shown(result)


def test_date_questions_are_recognised_in_one_place():
    assert asks_deadline(analyse("tot wanneer mag het geld op?"))
    assert asks_deadline(analyse("wat is de uiterste termijn om de middelen op te maken?"))
    assert asks_exact_date(analyse("op welke dag wordt het geld overgemaakt?"))
    assert not asks_exact_date(analyse("wanneer komt de volgende rapportage?"))


@pytest.mark.parametrize("question", [
    "hoeveel studenten hebben na september 2021 een tegemoetkoming gekregen?",
    "hoeveel studenten kregen na september 2021 een tegemoetkoming voor studievertraging?",
])
def test_a_value_for_a_period_that_ends_before_the_time_asked_is_no_answer(engine, question):
    # "Ook hebben tot en met september 2021 omtrent 130.000 studenten …" counts up to that month
    assert_near_miss(engine, question)


def test_a_value_for_the_period_asked_still_answers(engine):
    result = engine.answer("hoeveel studenten kregen tot en met september 2021 een tegemoetkoming voor studievertraging?")
    assert result.kind == "answer" and "130.000" in shown(result)


@pytest.mark.parametrize("question", [
    "wanneer is het npo gestart?",
    "wanneer begon het nationaal programma onderwijs?",
    "in welke maand is het np onderwijs gelanceerd",
])
def test_the_programmes_own_start_is_the_month_it_was_presented(question):
    # (before: "de stand bij de start van het school- en collegejaar 2021/2022", or not found)
    assert "februari" in reply_to(question)


def test_the_programmes_own_start_in_english():
    assert "February" in reply_to("when did the npo actually start? like which month", language="en")


def test_a_start_of_something_else_in_the_programme_keeps_its_own_date():
    # (the pilots start in the autumn of 2021, not when the programme was presented)
    assert "najaar van 2021" in reply_to("wanneer start het npo met de pilotregio's?")


@pytest.mark.parametrize("question, language", [
    ("om hoeveel uur begint het extra reisrecht?", "nl"),
    ("hoe laat begint de nieuwe regeling voor de tegemoetkoming?", "nl"),
    ("what time does the extra travel right start?", "en"),
])
def test_a_time_of_day_is_not_in_the_documents(question, language):
    # (a clock time is no date: before, "hoe laat" had no answer type and the sentence about the
    # compensation or the travel right answered as if it gave the time)
    reply = reply_to(question, language=language)
    # (and the kind of answer is what is missing, not a word of the question: "… over ‘nieuwe’")
    assert reply.split("\n")[0] in ("De documenten noemen hier geen tijdstip bij.",
                                     "The documents do not give a time of day for this."), reply


def test_a_clock_time_in_a_sentence_is_one():
    from knowledge.units import unit_types
    assert "clock" in unit_types("Het loket is open vanaf 9.00 uur.")
    assert "clock" not in unit_types("De regeling loopt tot 1 januari 2022.")
    assert analyse("hoe laat gaat de bieb dicht?").answer_type == "clock"
