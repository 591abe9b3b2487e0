"""Answer-layer tests on NLU's topic as a prior: it may lift a unit in the ranking, but where two
units of different passages fit a question equally well it does not pick one as the answer."""
from __future__ import annotations

import pytest

from actions.answers import INTENT_TOPICS


@pytest.mark.parametrize("question, intent", [
    # (before: "Deze middelen zijn bedoeld om de impact van corona …" from the annex, as the answer to
    # a question about what the letter says)
    ("Wat is het doel van het Nationaal Programma Onderwijs volgens de voortgangsbrief?", "ask_programme"),
    # (before: the staff shortage schools name, as if it said which schools suffer most)
    ("hebben moeilijke scholen meer last van het lerarentekort?", "ask_staff_shortage"),
    # (before: what the NPO money for unregistered children is meant for, as if it said what is done)
    ("mijn zoon zit al een jaar thuis zonder school, wordt er iets met npo geld gedaan voor zulke kinderen?",
     "ask_thuiszitters"),
])
def test_nlus_topic_does_not_settle_a_tie_between_two_passages(engine, question, intent):
    result = engine.answer(question, prior_topics=INTENT_TOPICS[intent])
    assert result.kind != "answer", result.shown[0].text
