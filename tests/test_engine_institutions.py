"""Answer-layer tests on what the letter says about the mbo and ho institutions (probe round mboho):
their plans handed in, and the shares of their money per priority."""
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


def test_a_programme_named_among_the_priorities_of_all_institutions_is_no_other_sector(engine):
    # "Daarna volgen stages en praktijkleren en het bestrijden van achterstanden bij de lerarenopleidingen
    # als prioriteiten (elk circa 10 procent)", under the heading of mbo and ho: not the teacher training's alone
    result = engine.answer("welk deel van het npo-geld gaat bij mbo en hbo naar stages en praktijkleren?")
    assert result.kind == "answer" and result.other_sector is None
    assert "elk circa 10 procent" in result.shown[0].text


def test_the_opening_sentence_of_a_paragraph_is_context_of_its_later_sentences(engine):
    # "Uit de plannen van de instellingen blijkt een duidelijke prioritering. Men kiest vooral … Daarna
    # volgen stages en praktijkleren … (elk circa 10 procent)."
    assert_answers(engine, "Welk percentage van de middelen besteden de instellingen aan stages en praktijkleren?",
                   "elk circa 10 procent", first=True)
