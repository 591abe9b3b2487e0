"""Answer-layer tests on questions whether something holds for one sector or group (probe round
sector): "geldt X ook voor Y?" asks about X, and a run of compounds that share their tail
("les-, cursus- en collegegeld") holds each compound whole."""
from __future__ import annotations

import pytest

from knowledge.normalize import expand_elided_compounds
from tests.answer_layer import assert_answers, shown


@pytest.mark.parametrize("question", [
    # the halving sentence writes "les-, cursus- en wettelijk collegegeld"; "geldt … ook voor" is no topic
    "geldt de korting op collegegeld ook voor mbo-studenten?",
    "geldt die korting op het collegegeld ook voor mbo'ers?",
])
def test_a_scope_question_is_answered_by_the_fact_it_asks_about(engine, question):
    assert_answers(engine, question, "gehalveerd")


@pytest.mark.parametrize("text, expected", [
    ("het les-, cursus- en wettelijk collegegeld", "het lesgeld, cursusgeld en wettelijk collegegeld"),
    ("ontstane leer- en studievertragingen", "ontstane leervertragingen en studievertragingen"),
    ("afgestudeerde mbo- en ho-studenten", "afgestudeerde mbo-studenten en ho-studenten"),
    ("hoger opgeleiden - en docenten", "hoger opgeleiden - en docenten"),
    # the shared tail is the last compound's head, not its longest ending that is a word
    ("de eindtoets- en eindexamenresultaten", "de eindtoetsresultaten en eindexamenresultaten"),
    ("loopbaanoriëntatie- en begeleidingslessen", "loopbaanoriëntatielessen en begeleidingslessen"),
    # (a name's words share the word after them: left as written, not "Basisgezet")
    ("de sectorraad Basis- en Voortgezet Onderwijs", "de sectorraad Basis- en Voortgezet Onderwijs"),
])
def test_a_run_of_elided_compounds_is_written_whole(text, expected):
    assert expand_elided_compounds(text) == expected


@pytest.mark.parametrize("question", [
    # the thing asked is in a clause (or the next sentence) for the mbo only, in a passage for more sectors
    "krijgen hbo-studenten ook een laptop?",
    "krijgen hbo-studenten ook een device of tablet van school?",
])
def test_a_thing_named_only_for_another_sector_is_a_near_miss(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.other_sector == "hbo"


def test_a_thing_named_for_the_sector_asked_is_answered(engine):
    assert_answers(engine, "krijg je op het mbo een laptop door het npo?", "devices aan mbo-studenten")


def test_a_sentence_that_names_the_sector_asked_in_another_clause_still_answers(engine):
    # "40 procent van de scholen in het po aangemeld bij NCO, in het vo start de pilot"
    assert_answers(engine, "doen middelbare scholen ook mee met het NCO?", "in het vo start de pilot")


@pytest.mark.parametrize("question", [
    # the vmbo sentence holds every word; the po's 10 weeks, next to the sentence naming rekenen, is
    # the fact for the sector asked
    "hoeveel weken lopen kinderen op de basisschool achter met rekenen?",
    "hoeveel weken leervertraging hebben leerlingen op de basisschool bij rekenen?",
])
def test_the_fact_for_the_sector_asked_wins_over_a_closer_one_for_another(engine, question):
    assert_answers(engine, question, "10 weken")


def test_a_sentence_without_a_sector_goes_on_about_the_sectors_of_the_one_before(engine):
    # "… in de sector zorg (zowel mbo als hbo). Het kabinet heeft voor de aanpak van stagetekorten in de
    # zorg …": the second sentence is for those sectors, not for the wo
    result = engine.answer("hebben wo-studenten ook stagetekorten in de zorg?")
    assert result.kind == "near_miss" and result.other_sector == "wo"
    # (for a sector it names, it still answers)
    assert_answers(engine, "hebben mbo-studenten stagetekorten in de zorg?", "stagetekorten")


def test_the_thing_asked_ook_voor_a_sector_outranks_that_sectors_own_list(engine):
    # the coschappen are for the wo (thema 4); thema 5 is for the hbo, but says nothing of coschappen
    result = engine.answer("zijn de acties voor coschappen ook voor hbo opleidingen?")
    assert result.kind == "near_miss" and result.other_sector == "hbo"
    assert "coschappen" in shown(result)


def test_a_thing_named_by_a_compound_of_the_sector_asked_is_that_sectors(engine):
    # NLU reads the lerarenopleiding from "pabo"; before, the sentence before the answer ("… pabostudenten
    # die in het primair onderwijs werkt …") made the average appointment the po's: "not for teacher training"
    result = engine.answer("wat is de gemiddelde aanstelling van pabostudenten die in het onderwijs werken?",
                           sector="lerarenopleiding")
    assert result.kind == "answer" and "0,6 fte" in shown(result)
