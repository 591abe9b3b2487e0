"""Answer-layer tests on real questions from probe round tail1: an annex action's sub-bullet ("o Onderdeel
van het NPO is ook het ophogen van de begroting van de subsidieregeling praktijkleren. Door deze
subsidieregeling wordt voor werkgevers aantrekkelijker om leerbanen aan te bieden.") is part of the action
and is shown when it holds the answer, with the sentence its "Door deze …" points back to."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question", [
    "welke subsidie maakt het voor bedrijven aantrekkelijker om leerbanen aan te bieden?",
    "hoe kunnen werkgevers gestimuleerd worden om leerbanen aan te bieden?",
    "welke regeling maakt leerbanen aantrekkelijker voor werkgevers?",
])
def test_a_sub_bullet_of_an_action_answers(engine, question):
    texts = " ".join(u.text for u in engine.answer(question).shown)
    assert "subsidieregeling praktijkleren" in texts
    assert "aantrekkelijker om leerbanen aan te bieden" in texts


def test_an_action_answered_by_its_own_sentences_does_not_show_the_sub_bullet(engine):
    texts = " ".join(u.text for u in engine.answer(
        "mag mijn opleiding ook buiten onze eigen stad of regio naar stageplekken zoeken?").shown)
    assert "buiten de eigen gemeente of regio" in texts
    assert "subsidieregeling" not in texts


@pytest.mark.parametrize("question", [
    "Waarom wordt de subsidieregeling praktijkleren verhoogd?",                      # probe action act-05
    "waarom staat het ophogen van de subsidieregeling praktijkleren op de keuzelijst?",
])
def test_the_sentence_after_that_points_back_to_the_answer_is_shown(engine, question):
    # (the sentence that answers names the raise; the one after it, "Door deze subsidieregeling …",
    # says what it is for)
    texts = " ".join(u.text for u in engine.answer(question).shown)
    assert "ophogen van de begroting" in texts
    assert "aantrekkelijker om leerbanen aan te bieden" in texts
