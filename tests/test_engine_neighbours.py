"""Answer-layer tests on questions right next to a fact that holds for one sector, year, step or
group only (probe round nl11): the fact for another sector, year or step is no answer."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


def test_a_value_in_the_clause_of_another_sector_is_no_answer_for_the_sector_asked(engine):
    # "Inmiddels is 40 procent van de scholen in het po aangemeld bij NCO, in het vo start de pilot eind
    # dit jaar": the percentage is the po's
    result = engine.answer("hoeveel procent van de middelbare scholen is aangemeld bij het nco?")
    assert result.kind == "near_miss" and "40 procent" in shown(result)
    assert engine.answer("hoeveel procent van de basisscholen is aangemeld bij het nco?").kind == "answer"


def test_value_sectors_reads_the_clause_that_gives_the_value():
    from knowledge.lexicon import load_lexicon
    from knowledge.units import value_sectors
    text = "Inmiddels is 40 procent van de scholen in het po aangemeld bij NCO, in het vo start de pilot eind dit jaar."
    assert value_sectors(text, {"percentage"}, load_lexicon()) == {"po"}
    # (a value in a clause that names no sector: the sentence's own sectors hold)
    assert value_sectors("Ongeveer de helft van de scholen verwacht knelpunten.", {"percentage"}, load_lexicon()) == set()


def test_kleine_scholen_are_the_schools_with_fewer_than_140_pupils(engine):
    result = engine.answer("is de vertraging op kleine scholen groter?")
    assert result.kind == "answer" and "140 leerlingen" in shown(result)


def test_hoeveel_extra_geld_asks_for_an_amount(engine):
    from knowledge.question import answer_type
    assert answer_type("hoeveel extra geld is er voor de lerarenopleidingen?") == "amount"
    result = engine.answer("hoeveel extra geld is er voor de lerarenopleidingen?")
    assert result.kind == "answer" and "38 miljoen" in shown(result)


def test_a_total_asked_is_not_the_part_of_some_sectors(engine):
    # "hogeronderwijsinstellingen en mbo-scholen … in totaal € 516 miljoen" is not what all schools get
    assert engine.answer("hoeveel geld krijgen de scholen in totaal?").kind == "near_miss"
    result = engine.answer("hoeveel geld krijgen hogescholen en mbo-scholen in totaal?")
    assert result.kind == "answer" and "516 miljoen" in shown(result)


def test_a_total_asked_for_one_sector_is_the_value_called_a_total_not_one_added_to_it(engine):
    # "daarnaast € 7,3 miljoen van de corona-enveloppe" is spent besides; "in totaal € 516 miljoen" is the total
    result = engine.answer("hoeveel geld is er in totaal voor het mbo?")
    assert result.kind == "answer" and "516 miljoen" in shown(result) and "7,3" not in shown(result)


@pytest.mark.parametrize("question", [
    # "Voor de zomer is aan scholen gevraagd … een schoolscan": the spending is in the sentences around it
    "tot wanneer mogen basisscholen hun npo-geld uitgeven?",
    # "Deze plannen zullen op korte termijn alsnog worden opgeleverd": no date
    "voor welke datum moeten scholen hun schoolprogramma klaar hebben?",
])
def test_a_date_for_another_step_or_no_date_at_all_is_no_deadline(engine, question):
    assert engine.answer(question).kind == "near_miss"


def test_the_rest_of_a_school_year_is_a_deadline_for_the_sectors_its_heading_names(engine):
    from knowledge.units import unit_types
    assert "deadline" in unit_types("de uitloop voor de rest van het studiejaar 2022-2023 te benutten")
    result = engine.answer("tot wanneer mogen hogescholen en mbo's hun npo-geld uitgeven?")
    assert result.kind == "answer" and "2022-2023" in shown(result)


def test_a_date_whose_event_is_in_its_own_sentence_still_answers_a_follow_up(engine):
    # (the event is what must be in the dated sentence; the subject may be in the sentences around it)
    result = engine.answer("wanneer hadden de meeste medezeggenschapsraden ingestemd met het schoolprogramma?")
    assert result.kind == "answer" and "In september van dit jaar" in shown(result)
    # ("wanneer was dat?" after "moeten wij instemmen met het schoolprogramma?": the plan is named only
    # around the sentence that dates the consent)
    from actions import answers
    from knowledge import open_kb
    context = answers.Context(intent="nlu_fallback", text="wanneer was dat?", language="nl")
    reply = answers.render(answers.respond(open_kb(), context,
                                           last_question="moeten wij instemmen met het schoolprogramma?"))[0]
    assert reply.startswith("In september van dit jaar")


def test_a_unit_without_an_end_is_no_rival_of_the_one_that_gives_it(engine):
    # (before: unsure between the uitloop and "Voor de volgende jaren … jaarverslag", and over REST
    # NLU's topic picked the annual report)
    result = engine.answer("tot wanneer mogen instellingen de npo middelen uitgeven")
    assert result.kind == "answer" and not result.unsure
    assert "2022-2023" in result.shown[0].text


@pytest.mark.parametrize("question", ["wanneer moet het npo geld op zijn?",
                                      "wanneer moeten de instellingen het geld uitgegeven hebben?"])
def test_when_something_must_be_done_asks_for_a_deadline(engine, question):
    # (before: "tot en met september 2021 … 32.000 studenten", a date of something else)
    result = engine.answer(question)
    assert result.kind == "answer" and "2022-2023" in result.shown[0].text


@pytest.mark.parametrize("question", ["hoeveel kost het npo in totaal?", "wat kost het nationaal programma onderwijs?"])
def test_what_the_programme_costs_is_not_a_cost_named_inside_it(engine, question):
    # (before: "kost" was no money word, so the € 12 miljoen of the researchers' contracts answered)
    result = engine.answer(question)
    assert result.kind == "near_miss"
    assert "12 miljoen" not in result.shown[0].text and "516 miljoen" in result.shown[0].text


def test_a_mid_sentence_time_reference_brings_the_sentence_that_names_the_time():
    # "… afgesproken dat op dat moment … wordt afgewogen of …" is the spring of 2022 the sentence
    # before names; "in die periode" after a period of its own sentence points to that one
    from knowledge.units import points_back
    before = "De eerstvolgende rapportage wordt in het voorjaar van 2022 met u gedeeld."
    sentence = ("Naar aanleiding van twee moties is met de Kamer afgesproken dat op dat moment (en voor aanvang "
                "van schooljaar 2022-2023) wordt afgewogen of het nodig en uitvoerbaar is om het programma te "
                "verlengen met één of twee schooljaren.")
    assert points_back(sentence, before)
    own = ("Daarnaast geldt voor alle ho-studenten die in de periode maart tot en met december 2020 een opleiding "
           "volgden en in die periode minimaal een maand recht hadden op een studentenreisproduct.")
    assert not points_back(own, "Inmiddels zijn de instellingen in 2021 gecompenseerd.")


def test_the_extension_answer_shows_when_it_is_weighed(engine):
    result = engine.answer("met hoeveel schooljaren kan het programma eventueel verlengd worden?")
    assert "één of twee schooljaren" in shown(result) and "voorjaar van 2022" in shown(result)
