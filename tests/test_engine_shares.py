"""Answer-layer tests on questions for a share of a group (probe round num2): the share asked is of
the whole group, not of those the sentence already narrows to what is asked; a hyphenated question
word finds the documents' closed compound; a sentence that goes on about the one before is about
that one's group too."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, assert_near_miss


@pytest.mark.parametrize("question", [
    # "In 2015 bleek 5% werkzaam …, dat aandeel is gestegen naar 17% in 2020", not "Ruim driekwart van de
    # pabostudenten die in het primair onderwijs werkt, werkt als onderwijsondersteunend personeel"
    "hoeveel procent van de pabo-studenten werkt al in het onderwijs?",
    "hoeveel procent van de pabostudenten werkt in het onderwijs?",
])
def test_a_share_of_those_who_already_do_it_is_not_the_share_asked(engine, question):
    assert_answers(engine, question, "17%")


def test_a_question_that_narrows_the_group_the_same_way_gets_that_share(engine):
    assert_answers(engine, "welk deel van de pabostudenten die in het po werken doet dat als onderwijsondersteuner?",
                   "driekwart")


@pytest.mark.parametrize("question", [
    # "het les-, cursus- en wettelijk collegegeld voor studenten gehalveerd": the documents name no
    # "instellingscollegegeld" (its parts only apart: "de instellingen", "collegegelden") and no
    # "tweede studie"
    "wordt het instellingscollegegeld ook gehalveerd?",
    "wordt het collegegeld ook gehalveerd voor een tweede studie?",
])
def test_a_kind_the_documents_never_name_asked_with_ook_is_a_near_miss(engine, question):
    assert_near_miss(engine, question)


@pytest.mark.parametrize("question", [
    "wordt het collegegeld ook gehalveerd voor de hbo studenten?",
    "wordt het lesgeld ook gehalveerd?",
])
def test_a_sector_or_a_synonym_asked_with_ook_still_gets_the_halving(engine, question):
    assert_answers(engine, question, "gehalveerd")
