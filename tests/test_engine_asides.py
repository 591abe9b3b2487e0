"""Answer-layer tests on real questions: a sentence whose subject is the sentence before it
("Dat komt bovenop … de halvering van collegegeld …") names the question's subject only on the
side, and a clause that tells who asks is no part of what the embedding reads."""
from __future__ import annotations

import pytest

from knowledge.question import asked_part
from tests.answer_layer import shown


@pytest.mark.parametrize("question", [
    "krijg ik korting op collegegeld?",
    "krijg ik korting op mijn collegegeld?",
    # (the REST channel has replaced the BSN and e-mail address by placeholders and removed those)
    "mijn bsn is en mijn mail is, krijg ik korting op collegegeld?",
])
def test_the_halving_comes_first_not_the_salaries_that_mention_it_on_the_side(engine, question):
    result = engine.answer(question)
    assert result.shown, result.kind
    assert "gehalveerd" in result.shown[0].text
    assert "Algemene Politieke Beschouwingen" not in shown(result)
    assert "gecompenseerd" not in result.shown[0].text


def test_a_side_mention_still_answers_when_its_own_subject_is_asked(engine):
    result = engine.answer("hoeveel geld is er bij de algemene politieke beschouwingen vrijgemaakt voor salarissen?")
    assert result.kind == "answer" and "500 miljoen" in shown(result)


def test_the_asked_part_drops_the_clauses_that_tell_who_asks():
    assert asked_part("mijn bsn is en mijn mail is, krijg ik korting op collegegeld?") == \
        "krijg ik korting op collegegeld?"
    assert asked_part("krijg ik korting op collegegeld?") == "krijg ik korting op collegegeld?"
    # (a last clause that points back needs what was told: nothing is dropped)
    assert asked_part("mijn paspoort verloopt, hoe verleng ik die?") == "mijn paspoort verloopt, hoe verleng ik die?"
