"""Answer-layer tests on real questions from probe round wrong2: a fact about another case than the one
asked is no answer - a span of time that belongs to another noun, a sentence that names the other case
of a pair ("vast" / "tijdelijk"), a sentence about the other item its heading names."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question", [
    "hoe lang duurt de opleiding geneeskunde?",
    "hoe lang duurt de pabo eigenlijk?",
])
def test_a_span_of_time_of_another_noun_is_no_duration_of_the_thing_asked(engine, question):
    # ("… dat zij 12 maanden extra reisrecht krijgen" is how long the travel right lasts)
    result = engine.answer(question)
    assert result.kind in ("near_miss", "unknown")


def test_a_span_of_time_of_the_noun_asked_still_answers(engine):
    result = engine.answer("hoe lang krijgen ho-studenten extra reisrecht?")
    assert result.kind == "answer" and "12 maanden" in shown(result)


@pytest.mark.parametrize("question", [
    "hoeveel onderzoekers met een vaste aanstelling kregen verlenging?",
    "hoeveel onderzoekers in vaste dienst kregen een verlenging?",
])
def test_the_other_case_of_a_pair_is_no_answer(engine, question):
    # "Aan zeker 1.500 onderzoekers aangesteld op een tijdelijk contract …" counts the temporary ones
    result = engine.answer(question)
    assert result.kind == "near_miss"


@pytest.mark.parametrize("question, fact", [
    ("hoeveel onderzoekers met een tijdelijk contract hebben verlenging gekregen?", "1.500"),
    # a premise may state the other case: the sentence that says which one corrects it
    ("klopt het dat onderzoekers met een vaste aanstelling verlenging kregen?", "tijdelijk contract"),
])
def test_the_case_named_or_a_premise_about_the_other_still_answers(engine, question, fact):
    result = engine.answer(question)
    assert result.kind == "answer" and fact in shown(result)


def test_a_sentence_about_the_other_item_of_its_heading_does_not_hold_the_first(engine):
    # heading "Korting op les-, cursus- en collegegeld en de verlenging reisproduct": the sentence on the
    # extra travel right is not about the discount on the fees
    result = engine.answer("krijgen hbo-studenten korting op hun collegegeld?")
    assert result.kind == "answer" and "gehalveerd" in shown(result)
    assert "reisrecht" not in shown(result)


def test_a_kind_of_institution_the_documents_never_name_is_a_near_miss(engine):
    # "studenten aan een private hogeschool" are not the students whose statutory fee was halved
    result = engine.answer("geldt de halvering van het collegegeld ook voor studenten aan een private hogeschool?")
    assert result.kind == "near_miss"
    assert result.missing == ("private hogeschool",)
    assert "gehalveerd" in shown(result)


@pytest.mark.parametrize("question, group", [
    ("hoeveel maanden studievertraging hebben tandheelkundestudenten?", "tandheelkundestudenten"),
    ("hoeveel studievertraging lopen diergeneeskundestudenten op?", "diergeneeskundestudenten"),
])
def test_a_kind_of_students_the_answer_does_not_name_is_a_near_miss(engine, question, group):
    # "… specifiek voor studenten geneeskunde een toename van vertraging … twee tot vier maanden"
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing == (group,)


def test_the_kind_of_students_the_answer_names_still_answers(engine):
    result = engine.answer("hoeveel maanden studievertraging hebben geneeskundestudenten?")
    assert result.kind == "answer" and "vier maanden" in shown(result)
