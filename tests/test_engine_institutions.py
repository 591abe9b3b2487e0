"""Answer-layer tests on what the letter says about the mbo and ho institutions (probe round mboho):
how many of their plans were handed in."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers


@pytest.mark.parametrize("question", [
    # "ingeleverd" is the letter's "aangeleverd" (lexicon); "Slechts een handvol plannen … was nog niet
    # aangeleverd" counts only vaguely, the sentence before it counts the plans: "Honderd van de in
    # potentie honderdelf plannen zijn meegenomen …" (and "Een deel van de instellingen heeft in de plannen
    # nog geen fasering", too little of the question to answer itself, is no rival of it)
    "hoeveel instellingen hebben hun npo plan al ingeleverd?",
    "hoeveel instellingen hebben hun plan ingediend?",
])
def test_a_count_beside_a_vague_one_answers_how_many(engine, question):
    assert_answers(engine, question, "Honderd van de in potentie honderdelf plannen", first=True)
