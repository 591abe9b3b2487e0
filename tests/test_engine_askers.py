"""Answer-layer tests on real questions from probe round nl9: askers who name their own child
("loopt mijn dochter achter met rekenen?") and a misspelt question word ("hoevel scholen …")."""
from __future__ import annotations

import pytest

from knowledge.question import analyse, asked_part, fix_question_words
from tests.answer_layer import shown


def test_a_child_named_after_mijn_tells_who_is_asked_about_not_what():
    question = analyse("loopt mijn dochter achter met rekenen? ze zit op de basisschool")
    dochter = next(c for c in question.concepts if c.word == "dochter")
    assert dochter.situation
    assert not next(c for c in question.concepts if c.word == "rekenen").situation
    # (what the embedding reads leaves the child out too)
    assert "dochter" not in asked_part("loopt mijn dochter achter met rekenen?")
    # (a thing of one's own is what is asked about: "mijn uni", "mijn mbo school")
    assert not any(c.situation for c in analyse("mag mijn mbo school npo geld uitgeven aan stagebegeleiding?").concepts)


@pytest.mark.parametrize("question, wanted", [
    ("loopt mijn dochter achter met rekenen? ze zit op de basisschool", "10 weken"),
    ("mijn zoon zit in de brugklas van het vmbo, hoeveel vertraging heeft hij gemiddeld met lezen?", "heel schooljaar"),
])
def test_a_question_about_ones_child_is_answered(engine, question, wanted):
    result = engine.answer(question)
    assert result.kind == "answer" and wanted in shown(result)


def test_a_misspelt_question_word_at_a_clause_start_is_read_as_meant():
    assert fix_question_words("hoevel scholen verwachten problemen") == "hoeveel scholen verwachten problemen"
    assert fix_question_words("Wanner komt de rapportage?") == "wanneer komt de rapportage?"
    assert fix_question_words("ok, waarm is dat?") == "ok, waarom is dat?"
    # (one letter replaced makes another word: "waarop", "waarin" stay)
    assert fix_question_words("waarop is dat gebaseerd?") == "waarop is dat gebaseerd?"
    assert fix_question_words("Hoeveel scholen") == "Hoeveel scholen"


def test_a_question_with_a_misspelt_hoeveel_is_answered(engine):
    result = engine.answer("hoevel scholen verwachten problemen bij het uitvoeren van het npo")
    assert result.kind == "answer" and "helft van de scholen" in shown(result)


def test_who_said_it_after_volgens_is_no_topic_the_answer_must_hold():
    concepts = analyse("hoeveel weken achter zijn vmbo leerlingen met lezen volgens cito?").concepts
    assert next(c for c in concepts if c.word == "cito").situation
    assert not next(c for c in concepts if c.word == "lezen").situation


@pytest.mark.parametrize("question, wanted", [
    ("lopen brugklassers veel achter met lezen?", "27 weken"),   # the documents say "leesvaardigheid"
    ("mijn kind zit in de brugklas op het vwo, hoe groot is de vertraging bij lezen?", "leesvaardigheid"),
])
def test_lezen_is_the_documents_leesvaardigheid(engine, question, wanted):
    result = engine.answer(question)
    assert result.kind == "answer" and wanted in shown(result)


def test_an_english_reading_question_according_to_cito_is_answered():
    from knowledge import open_kb
    from tests.test_english_questions import SILENT, reply
    text = reply(open_kb(), "how far behind are vmbo students in dutch reading according to cito")
    assert not text.startswith(SILENT) and "heel schooljaar" in text, text


def test_keeping_track_is_the_verb_monitoren_not_the_report():
    concepts = analyse("wordt er in de gaten gehouden hoe het gaat met kinderen op de middelbare school?").concepts
    group = next(c for c in concepts if "monitoren" in c.alternatives).alternatives
    assert {"bijhouden", "volgen"} <= group
    assert "monitor" not in group and "voortgangsrapportage" not in group  # (the report is another word)


@pytest.mark.parametrize("question, wanted", [
    ("hoe worden de plannen van gemeentes gevolgd?", "verdiepend onderzoek"),
    ("wordt gevolgd hoe gemeenten scholen helpen met vertragingen?", "verdiepend onderzoek"),
    ("wordt er in de gaten gehouden hoe het gaat met kinderen die naar de middelbare school zijn gegaan?", "overstap"),
])
def test_questions_about_keeping_track_find_monitoren(engine, question, wanted):
    result = engine.answer(question)
    assert result.kind == "answer" and wanted in shown(result)


def test_the_school_left_behind_after_na_is_no_sector_asked_about(engine):
    question = "hoe wordt gevolgd of leerlingen na de basisschool op de goede plek terecht komen?"
    assert not analyse(question).sectors
    assert analyse("hoeveel vertraging is er in de basisschool?").sectors == ("po",)
    result = engine.answer(question)
    assert result.kind == "answer" and "eerste drie jaar van het vo" in shown(result)


def test_vertraging_opgelopen_asks_for_the_delay_not_for_oplopen(engine):
    question = "wij zijn laagopgeleide ouders, hebben onze kinderen meer vertraging opgelopen?"
    assert "oplopen" not in {c.word for c in analyse(question).concepts}
    result = engine.answer(question)
    assert result.kind == "answer" and "laagopgeleide ouders" in shown(result)


def test_a_child_named_in_the_question_does_not_block_the_sentence_that_goes_on():
    # (an open question whose every asked word the answer holds also gets the next sentence; the
    # daughter is who is asked about, which no sentence names: before, "bij welk vak het meest?"
    # after "loopt mijn dochter achter?" lost "Bij rekenen was de vertraging … het grootst")
    from actions import answers
    from knowledge import open_kb
    ctx = answers.Context(intent="nlu_fallback", text="bij welk vak het meest?")
    reply = answers.render(answers.respond(open_kb(), ctx, last_question="loopt mijn dochter achter?"))[0]
    assert "Bij rekenen was de vertraging" in reply
