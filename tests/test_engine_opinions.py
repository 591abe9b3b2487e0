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


@pytest.mark.parametrize("sentence, is_opinion", [
    # a judgement of a thing, a thing seen or felt as a risk, a claim
    ("Leraren vonden de beperkingen voor stages en praktijklessen een risico.", True),
    ("De instellingen zien de krapte op de arbeidsmarkt voor hoger opgeleiden - en docenten in het bijzonder - "
     "als een risico voor het uitvoeren van hun acties.", True),
    ("Ook het feit dat de middelen incidenteel van aard zijn wordt door de instellingen als een risico ervaren.", True),
    ("Wel stellen zij dat het voor de studenten een flinke omschakeling is.", True),
    # "zorgen voor" / "ervoor zorgen dat" is to ensure, not to worry; "geen doorgang vonden" is no view
    ("Zorgen voor een ‘warme overdracht’ naar werk, waarbij naast werkgevers ook gemeenten betrokken kunnen zijn.", False),
    ("Scholen werken aan het wegwerken van de vertragingen en ervoor zorgen dat leerlingen een goede start maken.", False),
    ("Dit is iets hoger dan in 2020, toen de centraal examens geen doorgang vonden.", False),
])
def test_a_judgement_or_risk_is_an_opinion_and_to_ensure_is_not(sentence, is_opinion):
    from knowledge.units import unit_types
    assert ("opinion" in unit_types(sentence)) == is_opinion


def test_a_group_whose_view_the_documents_do_not_give_is_a_near_miss(engine):
    # (before: "Ook leerlingen … met ouders met een laag inkomen …" answered, as it names parents)
    assert engine.answer("wat vinden ouders van het npo?").kind == "near_miss"
    assert reply_to("wat vinden ouders van het npo?").startswith("De documenten noemen hier geen mening")
    assert reply_to("what do parents think of the npo?", "en").startswith("The documents do not give an opinion")
    # (before: the annex action "Zorgen voor een warme overdracht … gemeenten" answered as a view)
    assert reply_to("hoe kijken gemeenten aan tegen het NP Onderwijs?").startswith("De documenten noemen hier geen mening")


@pytest.mark.parametrize("question, language, fragment", [
    ("wat vinden studenten van de npo plannen?", "nl", "vertegenwoordigers van de studenten vinden"),
    ("hoe kijken studentenvertegenwoordigers aan tegen het tempo waarin het geld op moet?", "nl", "zeer kort tijdsbestek"),
    ("how do student representatives view the pace of spending?", "en", "zeer kort tijdsbestek"),
    # (before: "The documents do not give an opinion", as "vonden … een risico" was no view)
    ("what did teachers in special ed think of the limits on internships and practical lessons?", "en", "een risico"),
    # (before: unsure, with a sentence about a positive effect on internships)
    ("hoe kijken de instellingen aan tegen de krapte op de arbeidsmarkt voor docenten?", "nl", "als een risico voor het uitvoeren"),
])
def test_the_view_the_documents_give_answers(question, language, fragment):
    reply = reply_to(question, language)
    assert fragment in reply and not reply.startswith(("De documenten", "The documents"))
