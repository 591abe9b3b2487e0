"""Answer-layer tests on questions why: where the sentence that answers opens with what it follows
from ("Daarom …", "Hierdoor …"), the cause is the sentence before it, shown with it."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers


@pytest.mark.parametrize("question, cause", [
    # (before: only "Daarom is met het NP Onderwijs de aanpak jeugdwerkloosheid verlengd.")
    ("Waarom is de aanpak jeugdwerkloosheid met het NP Onderwijs verlengd?", "lastiger geworden"),
    # (before: only "Daarom organiseren de ministeries van OCW en SZW de nodige bijeenkomsten …")
    ("waarom organiseren ocw en szw bijeenkomsten over nazorg?", "kennisdeling"),
    # (before: only "Hierdoor lopen studenten meer risico om een verkeerde studiekeuze te maken …")
    ("hoezo lopen studenten meer risico om een verkeerde studie te kiezen?", "fysiek te kunnen oriënteren"),
])
def test_a_why_question_shows_the_cause_a_daarom_sentence_follows_from(engine, question, cause):
    assert_answers(engine, question, cause, first=True)


def test_a_question_that_does_not_ask_why_shows_the_daarom_sentence_alone(engine):
    result = assert_answers(engine, "welke bijeenkomsten organiseren ocw en szw over nazorg?", "bijeenkomsten", first=True)
    assert "kennisdeling" not in result.shown[0].text
