"""Answer-layer tests from probe round oos: a question about the user's own life or the bot itself
whose one shared word a unit happens to hold ("huisarts", "tandarts", "schrijven") gets no fact and
no source; a near miss still says what the documents lack. Short factual questions stay answered."""
from __future__ import annotations

import pytest

from bot.measure.question_eval import ask_engine


@pytest.mark.parametrize("question", [
    "waar vind ik een goede huisarts?",
    "heb je dat zelf geschreven?",
    "hoe maak ik een afspraak bij de tandarts?",
    "welke sport past bij mij?",
    "moet ik belasting betalen over mijn bijbaan?",
])
def test_a_question_about_ones_own_life_gets_no_source(question):
    reply = ask_engine(question)
    assert "Bron:" not in reply


def test_a_near_miss_about_ones_own_life_still_names_what_is_missing():
    reply = ask_engine("krijg ik huurtoeslag als student?")
    assert "huurtoeslag" in reply and "Bron:" not in reply and "Wel staat erin" not in reply


@pytest.mark.parametrize("question, wanted", [
    ("hoeveel extra reisrecht krijg ik?", "12 maanden"),
    ("hoe groot is het stagetekort nog?", "7.800"),
    ("mist mijn uni nu geld doordat wij minder collegegeld betalen?", "gecompenseerd"),
    ("kunnen 2 studenten samen 1 stageplek delen? las ik ergens", "stageplek delen"),
])
def test_a_short_or_personal_question_the_documents_answer_stays_answered(question, wanted):
    reply = ask_engine(question)
    assert wanted in reply and "Bron:" in reply


def test_a_near_miss_for_a_kind_of_answer_keeps_its_related_fact():
    # (the subject was found; only the procedure is missing)
    reply = ask_engine("hoe moet mijn roc de nazorgsubsidie aanvragen?")
    assert "24 december" in reply and "Bron:" in reply


def test_a_near_miss_whose_related_fact_holds_a_domain_word_keeps_it():
    reply = ask_engine("Do I need a BSN to receive the tegemoetkoming?")
    assert "bsn" in reply.lower() and "Source:" in reply
