"""Answer-layer tests on real questions about what someone thinks (answer type `opinion`): only a
sentence that gives a view answers; a group whose view the documents do not give is a near miss."""
from __future__ import annotations

import pytest

from tests.answer_layer import reply_to


@pytest.mark.parametrize("question, kind", [
    ("wat vinden ouders van het npo?", "opinion"),
    ("hoe kijken studenten aan tegen het tempo?", "opinion"),
    ("wat is hun mening over de plannen?", "opinion"),
    # what a document says is no one's opinion
    ("wat zegt de voortgangsrapportage over de noodzaak van de investering?", None),
])
def test_a_question_for_a_view_asks_an_opinion(question, kind):
    from knowledge.question import answer_type
    assert answer_type(question) == kind


def test_a_sentence_that_gives_a_view_is_an_opinion():
    from knowledge.units import unit_types
    assert "opinion" in unit_types("De vertegenwoordigers van de studenten vinden dat de kwaliteit minder optimaal is geweest.")
    assert "opinion" in unit_types("In het voortgezet onderwijs maken schoolleiders zich de meeste zorgen over het welzijn.")
    assert "opinion" not in unit_types("Ook leerlingen met ouders met een laag inkomen hebben meer vertraging opgelopen.")


def test_a_group_whose_view_the_documents_do_not_give_is_a_near_miss(engine):
    # (before: "Ook leerlingen … met ouders met een laag inkomen …" answered, as it names parents)
    assert engine.answer("wat vinden ouders van het npo?").kind == "near_miss"
    assert reply_to("wat vinden ouders van het npo?").startswith("De documenten noemen hier geen mening")
    assert reply_to("what do parents think of the npo?", "en").startswith("The documents do not give an opinion")


@pytest.mark.parametrize("question, language, fragment", [
    ("wat vinden studenten van de npo plannen?", "nl", "vertegenwoordigers van de studenten vinden"),
    ("hoe kijken studentenvertegenwoordigers aan tegen het tempo waarin het geld op moet?", "nl", "zeer kort tijdsbestek"),
    ("how do student representatives view the pace of spending?", "en", "zeer kort tijdsbestek"),
])
def test_the_view_the_documents_give_answers(question, language, fragment):
    reply = reply_to(question, language)
    assert fragment in reply and not reply.startswith(("De documenten", "The documents"))
