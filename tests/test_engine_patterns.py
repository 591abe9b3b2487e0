"""Answer-layer tests on real questions of users (probe round nl7): a sector the question names,
answers in a neighbouring sentence, superlatives, word forms and statements without a question word."""
from __future__ import annotations

from tests.answer_layer import shown


def test_a_sentence_of_the_sector_asked_beats_an_equally_covering_one_of_another_sector(engine):
    # the vo's weeks for rekenen read more like the question; the po's 10 weeks answer it
    result = engine.answer("hoeveel weken vertraging hebben basisschoolleerlingen bij rekenen?")
    assert result.kind == "answer" and "10 weken" in shown(result)
