"""Answer-layer tests on real questions of users (probe round "wrong3", 2026-12-07): a value of
another kind in the same passage (a sum of money for a count, a name's number for a count, a
cardinal for an ordinal) is no answer."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_near_miss, reply_to, shown


@pytest.mark.parametrize("question", [
    # a sum of money for an institution is not how many institutions there are
    "hoeveel zorginstellingen krijgen die subsidie voor stagebegeleiding?",
    "hoeveel instellingen zetten geld uit eigen reserves in?",
    # a sector's compound names what is counted, not the verb after it
    "hoeveel mbo-instellingen zetten geld in voor de jeugdwerkloosheid?",
])
def test_money_is_no_count_of_institutions(engine, question):
    assert_near_miss(engine, question)


def test_a_count_of_people_is_still_answered(engine):
    result = engine.answer("hoeveel onderzoekers met een tijdelijk contract kregen verlenging?")
    assert result.kind == "answer" and "1.500" in shown(result)


def test_how_much_institutions_added_is_an_amount():
    # ("how much … add" asks for money, not for how many institutions)
    reply = reply_to("How much did institutions add from their own reserves?", "en")
    assert "5 miljoen" in reply and "Source:" in reply and not reply.startswith("The documents")


def test_a_number_in_a_name_is_no_count(engine):
    # "100-dagen programma's" names a kind of programme; it counts no introductieweken
    assert_near_miss(engine, "hoeveel introductieweken organiseren hogescholen?")


@pytest.mark.parametrize("question", [
    # an ordinal is no cardinal: "de eerste drie pilotregio's" says nothing of a third report
    "wanneer komt de derde voortgangsrapportage van het NP Onderwijs uit?",
    # and the first advice is not the second one
    "wanneer komt het tweede advies van het platform perspectief jongeren?",
    # "sinds 2018 tot en met 2025" is how long the regional cooperation is funded, not whether the
    # programme's money may be spent in 2025
    "mogen universiteiten het geld in 2025 nog besteden?",
    "mogen hogescholen hun npo-geld in 2025 nog uitgeven?",
])
def test_an_ordinal_or_a_year_of_something_else_is_no_answer(question):
    reply = reply_to(question)
    assert reply.startswith(("De documenten noemen", "Dat staat niet"))


def test_the_second_school_year_is_still_found(engine):
    result = engine.answer("hoe worden de middelen in het tweede schooljaar verdeeld?")
    assert "tweede schooljaar" in shown(result)


def test_the_related_fact_is_for_the_very_sector_asked():
    # (no duration of the medical studies: the related fact is the theme on them, not the lead-in
    # of the teacher training theme, which is for all of wo)
    reply = reply_to("hoe lang duurt de opleiding geneeskunde?")
    assert reply.startswith("De documenten noemen") and "coschappen" in reply and "lerarenopleidingen" not in reply


def test_a_year_with_its_subject_is_still_answered():
    reply = reply_to("is de regionale samenwerking tot 2025 gesteund?")
    assert "2018 tot en met 2025" in reply and not reply.startswith(("De documenten noemen", "Dat staat niet"))


def test_the_same_group_of_another_field_is_another_case():
    # "studenten verpleegkunde" are not the "studenten geneeskunde" whose delay the annex gives
    reply = reply_to("hoeveel maanden vertraging hebben studenten verpleegkunde opgelopen?")
    assert reply.startswith("De documenten noemen") and "twee tot vier maanden" not in reply


def test_the_field_named_is_still_answered(engine):
    result = engine.answer("hoeveel maanden vertraging hebben studenten geneeskunde?")
    assert result.kind == "answer" and "twee tot vier maanden" in shown(result)
