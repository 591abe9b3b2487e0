"""Answer-layer tests on real questions of users at schools and institutions (probe round nl4):
answers in the sentence after the one naming the subject, school types, rates per year, questions
embedded in a longer sentence, "zorg" (care) and "zorgen" (worries)."""
from __future__ import annotations

import pytest

from knowledge import open_kb


@pytest.fixture(scope="module")
def engine():
    return open_kb().engine()


def shown(result) -> str:
    return " ".join(u.text for u in result.shown)


@pytest.mark.parametrize("question, expected", [
    # the subject is in the answer's sentence only through its neighbour: the next one is shown too
    ("hoeveel procent van de speciaal onderwijs scholen kiest interventies voor welbevinden", "92 procent"),
    ("wanneer komen de nieuwe cijfers over pabostudenten die in het onderwijs werken?", "Eind 2021"),
    ("waar hebben mbo-scholen behoefte aan nu ze met nazorg beginnen?", "kennisdeling"),
])
def test_the_next_sentence_is_shown_when_it_holds_a_word_the_answer_has_only_from_its_neighbours(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer" and expected in shown(result)
