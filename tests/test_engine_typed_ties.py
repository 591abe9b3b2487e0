"""Answer-layer tests on real questions (probe round nlfact): a unit ranked below the best that
gives no answer of the kind asked is no rival that makes the reply unsure, and everyday words
for the documents' own ("hulp nodig hebben" is a "behoefte", "reservegeld" is "eigen reserves",
"basisschoolkinderen" are pupils of the po)."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers


def test_a_percentage_asked_is_not_unsure_because_of_a_sentence_without_one(engine):
    # (before: "Dat weet ik niet zeker": the teacher training's plans for "het geld", ranked lower
    # and without a percentage, counted as a rival)
    assert_answers(engine, "welk deel van het geld van de regeling extra hulp voor de klas gaat naar inzet van studenten",
                   "7%", first=True)


def test_a_rival_ranked_above_the_typed_best_still_makes_it_unsure(engine):
    # the documents give no share of mbo students with mental problems; "driekwart van de middelen"
    # is no answer, and the sentences about mental problems rank above it
    result = engine.answer("hoeveel procent van de mbo studenten heeft mentale problemen")
    assert result.kind != "answer", result.shown[0].text if result.shown else result.kind


@pytest.mark.parametrize("question, fragment", [
    # (before: "Dat staat niet precies in de documenten": "nodig" was not the documents' "behoefte")
    ("hoeveel scholen zeggen dat ze hulp nodig hebben bij het organiseren van het npo", "10%"),
    # (before: "Dat kan ik niet vinden": "reservegeld" was a word the documents never use)
    ("hoeveel eigen reservegeld stoppen instellingen er zelf in?", "€ 5 miljoen"),
])
def test_everyday_words_for_the_documents_own(engine, question, fragment):
    assert_answers(engine, question, fragment, first=True)


def test_basisschoolkinderen_are_pupils_of_the_po(engine):
    assert engine.answer("hoeveel weken lopen basisschoolkinderen achter met rekenen?").question.sectors == ("po",)


@pytest.mark.parametrize("question, fragment", [
    # (before: "Dat weet ik niet zeker", the 10 weeks shown only as the best fit)
    ("mijn dochter zit in groep 6, hoe ver zijn kinderen gemiddeld achter met rekenen door corona", "10 weken"),
    ("hoe ver is mijn zoon op het vmbo achter met rekenen", "16 weken"),
])
def test_how_far_behind_asks_for_a_span(engine, question, fragment):
    result = assert_answers(engine, question, fragment)
    assert result.question.answer_type == "duration"


def test_the_most_is_said_by_the_sentence_the_answer_points_back_to(engine):
    # (before: "Dat staat niet precies in de documenten": "Het gaat gemiddeld om 10 weken" has no
    # superlative of its own; "Bij rekenen was de vertraging … het grootst" before it has)
    assert_answers(engine, "klopt het dat basisschoolkinderen het meest achterlopen met rekenen? hoeveel weken is dat",
                   "10 weken", first=True)


def test_the_time_to_spend_it_is_the_date_asked(engine):
    # (before: "De documenten noemen geen datum of termijn over ‘tijd’": in a "tot wanneer" question,
    # "de tijd hebben om" says what kind of answer is asked, like "welke datum")
    assert_answers(engine, "tot wanneer hebben hogescholen en unis de tijd om het geld te besteden", "2022-2023",
                   first=True)
