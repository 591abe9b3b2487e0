"""Answer-layer tests on questions whether something holds for one sector or group (probe round
sector): "geldt X ook voor Y?" asks about X, and a run of compounds that share their tail
("les-, cursus- en collegegeld") holds each compound whole."""
from __future__ import annotations

import pytest

from knowledge.normalize import expand_elided_compounds
from tests.answer_layer import shown


@pytest.mark.parametrize("question", [
    # the halving sentence writes "les-, cursus- en wettelijk collegegeld"; "geldt … ook voor" is no topic
    "geldt de korting op collegegeld ook voor mbo-studenten?",
    "geldt die korting op het collegegeld ook voor mbo'ers?",
])
def test_a_scope_question_is_answered_by_the_fact_it_asks_about(engine, question):
    result = engine.answer(question)
    assert result.kind == "answer" and "gehalveerd" in shown(result)


@pytest.mark.parametrize("text, expected", [
    ("het les-, cursus- en wettelijk collegegeld", "het lesgeld, cursusgeld en wettelijk collegegeld"),
    ("ontstane leer- en studievertragingen", "ontstane leervertragingen en studievertragingen"),
    ("afgestudeerde mbo- en ho-studenten", "afgestudeerde mbo-studenten en ho-studenten"),
    ("hoger opgeleiden - en docenten", "hoger opgeleiden - en docenten"),
])
def test_a_run_of_elided_compounds_is_written_whole(text, expected):
    assert expand_elided_compounds(text) == expected

