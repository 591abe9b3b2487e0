"""Answer-layer tests on real questions from probe round tail2: ordinals. The letter is the first
progress report, so "de tweede rapportage" is the one it calls "de volgende"; the "tweede" of "de
Tweede Kamer" is part of a name and no ordinal; "het eerste advies" does not answer a question about
the second one."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question", [
    "komt er nog een tweede rapportage en zo ja wanneer",
    "wanneer verschijnt de tweede voortgangsrapportage van het npo?",
])
def test_the_second_report_is_the_next_one(engine, question):
    result = engine.answer(question)
    assert "voorjaar van 2022" in shown(result)
    assert "Tweede Kamer" not in shown(result)


def test_the_first_advice_is_no_answer_about_the_second(engine):
    result = engine.answer("wanneer komt het tweede advies van het platform perspectief jongeren?")
    assert result.kind in ("near_miss", "unknown")
