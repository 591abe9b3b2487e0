"""Answer-layer tests on real questions after the source of a claim ("welk onderzoek laat zien dat …?",
"waaruit blijkt dat …?", "which research shows …?"): the answer names the research the documents
give for it - in the sentence itself, in the footnote the sentence cites, or in the sentence before it
("Dit beeld sluit aan op het onderzoek van NCO.") - and a count asked stays a count."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_near_miss, reply_to, shown


@pytest.mark.parametrize("question, expected", [
    # (before: the finding without "Dit beeld sluit aan op het onderzoek van NCO")
    ("waaruit blijkt dat kinderen van laag of middelbaar opgeleide ouders meer achterstand hebben?", "NCO"),
    # (the inspectorate's research is named in the sentence, "door de Inspectie", not "van")
    ("Welk onderzoek van de Inspectie van het Onderwijs is gebruikt voor de eerste rapportage?", "16 maanden COVID"),
])
def test_the_answer_names_its_source(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer", (result.kind, shown(result)[:200])
    assert expected in shown(result)


@pytest.mark.parametrize("question, expected", [
    # (before: "The documents do not say exactly that" and the claim without its footnote)
    ("Which research shows that students in a vulnerable position had a particularly hard time?", "JOB"),
    # (before: the finding without "Het onderzoek van Cito laat dat zien …")
    ("what research shows that vmbo and havo pupils have the biggest delays?", "Cito"),
])
def test_an_english_question_after_research_gets_it(question, expected):
    reply = reply_to(question, "en")
    assert expected in reply and not reply.startswith("The documents do not"), reply[:300]


def test_a_study_year_is_no_research():
    # ("which study years" asks for years, not for a study that shows something)
    reply = reply_to("I am an mbo student losing my basisbeurs. For which study years is there a tegemoetkoming?", "en")
    assert "2021/2022" in reply and not reply.startswith("The documents do not"), reply[:300]


def test_where_a_count_comes_from_is_still_a_count_asked(engine):
    # "waaruit blijkt hoeveel …" asks how many; the documents give no number of teachers hired
    assert_near_miss(engine, "Waaruit blijkt hoeveel leraren er door het NP Onderwijs extra zijn aangenomen?")


def test_an_unsure_answer_to_an_evidence_question_still_names_the_research(engine):
    # (two passages fit "kwetsbare studenten": the reply says it is unsure; before, the claim it
    # showed lacked the footnote that names the research, which is what was asked)
    result = engine.answer("welk onderzoek laat zien dat kwetsbare studenten het moeilijk hadden?")
    assert "kwetsbare positie" in shown(result)
    assert "onderzoek van het JOB" in shown(result)
