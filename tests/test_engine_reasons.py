"""Answer-layer tests on questions why: where the sentence that answers opens with what it follows
from ("Daarom …", "Hierdoor …"), the cause is the sentence before it, shown with it; where it only
restates what is asked, the cause is the sentence after it; where no sentence near it gives one, a
near miss. And questions what was hard ("wat was lastig …?")."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers, assert_near_miss, reply_to


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


@pytest.mark.parametrize("question", [
    # (before: "Ruim driekwart van de pabostudenten … werkt als onderwijsondersteunend personeel." as the answer)
    "Waarom werken de meeste pabostudenten als onderwijsondersteunend personeel en niet als leraar?",
])
def test_a_why_question_no_sentence_near_the_fact_gives_a_reason_for_is_a_near_miss(engine, question):
    result = assert_near_miss(engine, question)
    assert result.missing_type == "reason"
    assert "onderwijsondersteunend" in result.shown[0].text  # the fact itself, marked as related


@pytest.mark.parametrize("question, reason", [
    # the reason is beside the fact, in words the unit types do not read
    ("waarom slaagde bijna iedereen in 2020?", "geen doorgang"),
    ("Waarom zijn stagetekorten extra zorgwekkend voor studenten verpleegkunde?", "niet aan de slag in de zorg"),
    ("waarom moet ik dit jaar knokken om een stageplek met studenten van vorig jaar?", "concurreren"),
])
def test_a_why_question_with_a_cause_beside_the_fact_stays_answered(engine, question, reason):
    assert_answers(engine, question, reason)


def test_an_effect_question_no_sentence_near_the_fact_gives_an_effect_for_is_a_near_miss(engine):
    # (before: the Rotterdam tutoring project itself, as if it were its effect)
    result = assert_near_miss(engine, "Wat is het effect van de rekenbijles door studenten in Rotterdam op de leerlingen?")
    assert result.missing_type == "effect"


@pytest.mark.parametrize("question, effect", [
    ("Welk effect heeft het economisch herstel op stages en leerwerkbanen?", "positief effect"),
    ("Wat is het effect van het bevorderen van sociale binding?", "studentsucces"),
])
def test_an_effect_question_with_an_effect_beside_the_fact_stays_answered(engine, question, effect):
    assert_answers(engine, question, effect)


def test_a_yes_no_question_with_waardoor_inside_is_no_why_question(engine):
    # ("waardoor" joins a clause: the question asks whether, and the sentence answers it)
    assert_answers(engine, "kiezen veel scholen voor activiteiten waardoor kinderen zich beter voelen?", "welbevinden")


@pytest.mark.parametrize("question, cause", [
    # the sentence with the question's words restates what is asked; why is the next sentence
    # (before: "… wordt door de instellingen als een risico ervaren." alone, its passive "door de" read as a cause)
    ("Waarom ervaren instellingen het incidentele karakter van de middelen als een risico?", "vast contract"),
])
def test_a_why_question_whose_sentence_states_no_cause_shows_the_next_sentence(engine, question, cause):
    assert_answers(engine, question, cause)


def test_an_english_why_question_whose_sentence_states_no_cause_shows_the_next_sentence():
    assert "vast contract" in reply_to("Why do institutions see the temporary nature of the funds as a risk?", "en")


def test_a_why_question_shows_the_cause_a_daarom_inside_the_sentence_follows_from(engine):
    # (before: only "De instellingen konden daarom nog geen rekening houden met deze verantwoordingsvraag …")
    assert_answers(engine, "Waarom konden instellingen in hun administratie over 2020 nog geen rekening houden met de "
                           "verantwoording over het NP Onderwijs?", "in 2021 aan de instellingen gevraagd", first=True)


@pytest.mark.parametrize("question", [
    # (before: the sentence that says they do, its own "nodig" - a word of the question - read as a cause)
    "Waarom kiezen scholen vaak interventies waarvoor extra personeel nodig is, ondanks het lerarentekort?",
])
def test_a_why_question_whose_cause_word_is_the_question_s_own_is_a_near_miss(engine, question):
    assert assert_near_miss(engine, question).missing_type == "reason"


def test_a_purpose_two_sentences_on_is_no_reason_for_the_fact():
    # (before: "Ook leerlingen uit eenoudergezinnen of met ouders met een laag inkomen hebben meer vertraging
    # opgelopen." as the answer; "De onderzoekers van NCO doen vervolgonderzoek om …" two sentences on)
    reply = reply_to("Why did students from low-income families fall further behind?", "en")
    assert reply.startswith("The documents do not give a reason"), reply


@pytest.mark.parametrize("question, hard", [
    # what was hard: the sentence that says so ("lastig dat …"), not one where something got "lastiger"
    ("Wat was voor mbo-studenten in het bijzonder lastig tijdens de coronaperiode?", "in de praktijk te oefenen"),
    # (before: the annex's "studenten die normaal lastig een stageplek weten te bemachtigen", a shade higher)
    ("Wat vonden studenten in het hoger onderwijs moeilijker tijdens corona?", "persoonlijke vaardigheden"),
])
def test_a_question_what_was_hard_is_answered_by_the_sentence_that_says_what_was(engine, question, hard):
    assert_answers(engine, question, hard, first=True)


def test_a_why_question_with_a_separable_te_infinitive_is_answered_by_the_condition_sentence(engine):
    # "in te grijpen" is read as "ingrijpen" (the documents' "ingegrepen"); "Indien er nu niet wordt
    # ingegrepen, zal …" says why; the theme's title says what it is about, never why
    # (before: "De documenten noemen niets over ‘grijpen’", and then the title of theme 2)
    assert_answers(engine, "Waarom is het volgens thema 2 nodig om nu in te grijpen in het welzijn van studenten?",
                   "hele generatie", first=True)


@pytest.mark.parametrize("question, cause", [
    # (before: "The documents do not say anything about ‘cause’")
    ("Why did clerkships cause delays for medical students?", "wachttijd"),
    ("What caused the delays for medical students?", "wachttijd"),
])
def test_an_english_verb_cause_asks_a_cause_and_is_no_missing_word(question, cause):
    assert cause in reply_to(question, "en")
