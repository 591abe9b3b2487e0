"""Answer-layer tests on real questions from probe round nl5: questions that check a premise
("klopt het dat …"), two questions in one message, and deadlines of a request."""
from __future__ import annotations

import pytest

from knowledge.gaps import relative_times
from tests.answer_layer import shown


def test_relative_times_are_read_by_frame():
    assert relative_times("is het volgend studiejaar weer zo?") == {"next": "volgend studiejaar"}
    assert relative_times("aan het einde van vorig schooljaar") == {"last": "vorig schooljaar"}
    assert relative_times("Onder het NP Onderwijs is dit studiejaar het collegegeld gehalveerd.") == {"this": "dit studiejaar"}


@pytest.mark.parametrize("question", [
    "klopt het dat het collegegeld volgend studiejaar weer gehalveerd wordt?",
    "wordt het lesgeld komend schooljaar ook gehalveerd?",
])
def test_a_sentence_about_this_year_does_not_confirm_a_premise_about_next_year(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss"
    assert result.missing and result.missing[0].split()[0] in ("volgend", "komend")
    assert "dit studiejaar" in shown(result)  # the fact that corrects it is still shown, as such


def test_the_same_year_frame_still_answers(engine):
    result = engine.answer("wordt het collegegeld dit studiejaar gehalveerd?")
    assert result.kind == "answer" and "gehalveerd" in shown(result)


def test_hoeveel_counting_students_before_een_is_no_rate(engine):
    from knowledge.question import analyse
    question = "hoeveel studenten kregen een tegemoetkoming voor de extra kosten van studievertraging en wat kostte dat?"
    assert not any(c.kind == "rate" for c in analyse(question).concepts)
    result = engine.answer(question)
    assert result.kind == "answer" and "50 miljoen" in shown(result)
    # (money before the verb still asks what one gets)
    assert any(c.kind == "rate" for c in analyse("hoeveel geld krijgt een gemeente?").concepts)


def test_the_date_of_a_request_needs_a_sentence_about_the_request(engine):
    result = engine.answer("wanneer moet ik de tegemoetkoming voor mijn aanvullende beurs aanvragen?")
    assert result.kind == "near_miss"
    # (where the documents date the request, that is the answer)
    result = engine.answer("tot wanneer kunnen mbo-scholen subsidie voor nazorg aanvragen?")
    assert result.kind == "answer" and "24 december" in shown(result)


def test_a_decision_is_also_a_weighing(engine):
    # "wordt afgewogen of het nodig en uitvoerbaar is om het programma te verlengen": when that is decided
    result = engine.answer("wanneer wordt besloten of het programma wordt verlengd?")
    assert result.kind == "answer" and "afgewogen" in shown(result)


def test_an_exception_asked_is_not_answered_by_a_sentence_that_excludes_nothing(engine):
    result = engine.answer("voor wie geldt de halvering van het collegegeld niet?")
    assert result.kind == "near_miss"
    # ("nog niet alle middelen zijn toegeschreven" says "not yet": it names nothing that may not be done)
    assert engine.answer("wat mag níet met het npo-geld?").kind == "near_miss"
    # (a sentence that does exclude answers: "Niet alle instellingen hebben (volledig) gerapporteerd")
    result = engine.answer("welk deel van de enveloppe-middelen is nog niet aan thema's of acties toegeschreven?")
    assert result.kind == "answer" and "2 procent" in shown(result)
    # (a negation in a relative clause is no exception asked)
    result = engine.answer("wat kan een mbo doen voor laatstejaars die geen werk vinden")
    assert result.kind != "near_miss"


def test_a_search_typed_compound_percentage_asks_for_a_percentage(engine):
    from knowledge.question import answer_type
    assert answer_type("slagingspercentage 2021") == "percentage"
    result = engine.answer("slagingspercentage 2021")
    assert result.kind == "answer" and "94,8%" in shown(result)


def test_a_year_the_documents_do_not_name_is_corrected_by_the_dated_sentence(engine):
    result = engine.answer("krijgen mbo-scholen en hogescholen het npo-geld pas in 2023?")
    assert result.kind == "near_miss" and result.missing == ("2023",)
    assert "in de jaren 2021 en 2022" in shown(result)


def test_a_premise_checked_may_state_the_opposite_of_what_the_documents_say(engine):
    from knowledge.lexicon import load_lexicon
    from knowledge.question import analyse
    assert "blijven" in load_lexicon().opposites["verdwijnen"]
    result = engine.answer("ik hoorde dat de menukaart verdwijnt als het NP Onderwijs afgelopen is, klopt dat?")
    assert result.kind == "answer" and "ook daarna beschikbaar blijven" in shown(result)
    # (only a question that checks a premise: otherwise "verdwijnen" is not "blijven")
    concept = next(c for c in analyse("wanneer verdwijnt de menukaart?").concepts if c.word == "verdwijnen")
    assert "blijven" not in concept.alternatives


@pytest.mark.parametrize("question", [
    "hoeveel npo-geld krijgt een universiteit?",
    "hoeveel npo geld krijgt een hogeschool?",
    "hoeveel coronageld krijgt een school?",
])
def test_the_programmes_money_for_one_institution_asks_a_rate(engine, question):
    # ("npo-geld" is money: a total for all institutions is no answer to what one of them gets)
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing and result.missing[0].startswith("per ")
    assert "516 miljoen" in shown(result)  # the total is still shown, as a related fact


@pytest.mark.parametrize("question, fact", [
    # (before: who has a right to the grant, as if it said what happens to one who applied too late)
    ("ik heb de tegemoetkoming voor mijn aanvullende beurs te laat aangevraagd, krijg ik hem nu nog?",
     "tegemoetkoming"),
    ("wat als een mbo school te laat is met de nazorg subsidie aanvragen?", "24 december"),
])
def test_what_happens_when_one_is_too_late_is_not_said_by_who_may_apply(engine, question, fact):
    result = engine.answer(question)
    assert result.kind == "near_miss"
    assert fact in shown(result)  # the rule itself, as related information
