"""Answer-layer tests on questions for a share of a group (probe round num2): the share asked is of
the whole group, not of those the sentence already narrows to what is asked; a hyphenated question
word finds the documents' closed compound; a sentence that goes on about the one before is about
that one's group too."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers


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
