"""Answer-layer tests on questions for one subgroup next to a value for a wider group (probe round
nlhonest): a value counts what its own sentence (or one before it) names, not a case the paragraph
names only after it."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, shown


@pytest.mark.parametrize("question", [
    # "… 94,8% van de kandidaten slaagde in 2021 …", and later "in afwachting van … de staatsexamenresultaten"
    "wat was het slagingspercentage bij de staatsexamens in 2021?",
    "hoeveel kandidaten haalden in 2021 het staatsexamen?",
    # "Het tekort aan stage- en leerbanen in het mbo … 7.800 plekken", then "De meeste tekorten spelen
    # onder … in de sector zorg"
    "hoeveel stageplekken zijn er tekort in de zorg?",
    # "Aan zeker 1.500 onderzoekers …", then "Vooral bij de academische ziekenhuizen ontbreken … de cijfers"
    "hoeveel onderzoekers van academische ziekenhuizen kregen verlenging van hun contract?",
])
def test_a_case_named_only_after_the_value_is_not_what_it_counts(engine, question):
    assert engine.answer(question).kind == "near_miss"


@pytest.mark.parametrize("question, fact", [
    ("hoeveel procent van de kandidaten slaagde in 2021?", "94,8%"),
    ("hoeveel stageplekken waren er eind september tekort in het mbo?", "7.800"),
    ("hoeveel onderzoekers met een tijdelijk contract kregen verlenging?", "1.500"),
    # a name question: the sentence after the name describes what was named
    ("welke gemeente laat studenten rekenbijles geven op basisscholen?", "Rotterdam"),
])
def test_the_value_for_the_case_its_own_sentence_names_is_still_the_answer(engine, question, fact):
    assert_answers(engine, question, fact)


@pytest.mark.parametrize("question", [
    # "omtrent 130.000 studenten" under the heading of the mbo and ho together
    "hoeveel wo-studenten kregen een tegemoetkoming voor de extra kosten van studievertraging?",
    "hoeveel mbo studenten kregen een tegemoetkoming voor de extra kosten van studievertraging?",
    # "ongeveer 32.000 studenten" of the mbo and ho
    "hoeveel hbo-studenten kregen een tegemoetkoming voor het wegvallen van hun beurs?",
])
def test_a_count_for_several_sectors_together_is_no_count_for_one(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.other_sector


def test_the_count_for_all_sectors_together_still_answers_the_question_for_all(engine):
    assert_answers(engine, "hoeveel studenten kregen een tegemoetkoming voor de extra kosten van studievertraging?",
                   "130.000")


@pytest.mark.parametrize("question", [
    "hoe groot is de leervertraging van vwo-leerlingen?",
    "hoe groot is de leesachterstand van vwo'ers?",
])
def test_hoe_groot_asks_a_size_not_for_a_sentence_with_de_grootste(engine, question):
    # not "Leerlingen in het vmbo en de havo hebben gemiddeld de grootste leervertragingen opgelopen."
    assert_answers(engine, question, "9 en 5 weken")


def test_hoe_groot_is_no_topic_word():
    from knowledge.question import analyse
    assert "groot" not in {c.word for c in analyse("hoe groot is de leervertraging van vwo-leerlingen?").concepts}


@pytest.mark.parametrize("question, fact", [
    # "dit jaar" is the letter's own year (2021), not the topic "studiejaar"
    ("wat is het slagingspercentage dit jaar?", "94,8%"),
    ("hoeveel leerlingen zijn dit jaar geslaagd?", "94,8%"),
    ("wordt het collegegeld dit jaar gehalveerd?", "gehalveerd"),
])
def test_dit_jaar_is_the_letters_year_not_the_study_year_as_a_topic(engine, question, fact):
    assert_answers(engine, question, fact)


@pytest.mark.parametrize("question, fact", [
    # "In 2015 bleek 5% werkzaam te zijn in het primair onderwijs, dat aandeel is gestegen naar 17% in 2020.",
    # not "Ruim driekwart van de pabostudenten die in het primair onderwijs werkt …" right after it
    ("hoeveel procent van de pabostudenten werkte in 2015 in het basisonderwijs?", "5%"),
    ("hoeveel procent van de pabostudenten werkte er in 2020 al in het basisonderwijs?", "17%"),
])
def test_a_year_asked_is_answered_by_the_sentence_of_the_paragraph_that_names_it(engine, question, fact):
    assert_answers(engine, question, fact)


@pytest.mark.parametrize("question", [
    "hoeveel collegegeld moet ik dit studiejaar nog betalen?",
    "hoeveel lesgeld betaal ik nog in het mbo?",
])
def test_hoeveel_collegegeld_asks_an_amount_the_halving_does_not_give(engine, question):
    from knowledge.question import answer_type
    assert answer_type(question) == "amount"
    result = engine.answer(question)
    assert result.kind == "near_miss" and "gehalveerd" in shown(result)
