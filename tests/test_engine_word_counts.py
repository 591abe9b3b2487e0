"""Answer-layer tests on real "hoeveel …?" questions whose answer the documents give in words, vaguely
("een deel van de instellingen", "aanmerkelijk meer studenten", "minder onderzoeksgegevens"): that
sentence answers, rather than "De documenten noemen hier geen aantal bij" over it. A question after a
count the documents do not give stays honest."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, expected", [
    # (before: "De documenten noemen hier geen aantal bij. Wel staat erin: Een deel van de instellingen …")
    ("hoeveel instellingen hebben nog geen fasering in hun plannen staan?", "Een deel van de instellingen"),
    ("Hoeveel studenten hebben last van mentale problemen door corona?", "aanmerkelijk meer studenten"),
    ("hoeveel onderzoeksgegevens zijn er over de vertragingen in de bovenbouw?", "minder onderzoeksgegevens"),
])
def test_a_count_given_in_words_answers(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer", (result.kind, shown(result)[:200])
    assert expected in shown(result)


@pytest.mark.parametrize("question", [
    "hoeveel psychologen worden er extra aangenomen op scholen?",
])
def test_a_count_the_documents_do_not_give_stays_honest(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss", (result.kind, shown(result)[:200])
