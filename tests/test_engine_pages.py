"""Answer-layer tests on real questions of users (probe round "pages", written page by page over the
whole letter and annex): question forms that named a kind of answer or a rate they do not ask for."""
from __future__ import annotations

import pytest

from knowledge import analyse
from tests.answer_layer import reply_to, shown


def test_per_se_names_no_rate(engine):
    # "per se" is an adverb, not "per ..." a unit (before: "De documenten noemen dit niet per se.")
    question = "moet een instelling per se iets van de keuzelijst kiezen of mag het ook wat anders zijn"
    assert not any(c.kind == "rate" for c in analyse(question).concepts)
    result = engine.answer(question)
    assert result.kind == "answer" and "niet op de keuzelijst staat" in shown(result)


def test_in_which_part_asks_where_not_a_share(engine):
    # "in welk deel van het vo" asks where, "welk deel van het geld" a share (before: "De documenten
    # noemen geen percentage over ‘bovenbouw’")
    question = "in welk deel van het vo zijn de achterstanden het grootst, onderbouw of bovenbouw?"
    assert analyse(question).answer_type != "percentage"
    assert analyse("welk deel van het geld gaat naar stages?").answer_type == "percentage"
    result = engine.answer(question)
    assert result.kind == "answer" and "onderbouw" in shown(result)


def test_the_lower_years_are_no_verb():
    # "onderbouw" (the lower years) is not the verb "onderbouwen" of "wetenschappelijk onderbouwd"
    assert "onderbouw" in {c.word for c in analyse("hoe groot is de achterstand in de onderbouw?").concepts}


def test_which_bureau_asks_a_name(engine):
    # "welk bureau" names the kind of answer (before: "Dat staat niet precies in de documenten" with
    # the sentence that names Berenschot as the related one)
    result = engine.answer("Welk bureau heeft het onderzoeksrapport over de plannen van de instellingen opgesteld?")
    assert result.kind == "answer" and "Berenschot" in shown(result)


def test_a_verb_first_question_with_an_adverb_before_its_subject_is_a_question():
    # "tellen ook studenten … mee" opens with its verb; "ook" before the subject (before: "Dat kan ik
    # niet vinden in de documenten": without "?" it was taken for no question)
    question = "tellen ook studenten van croho onderwijs opleidingen mee voor het lerarenopleidingen geld"
    assert analyse(question).is_question
    assert "Croho Onderwijs" in reply_to(question)


def test_an_answer_that_opens_a_list_holding_the_word_asked_is_that_list(engine):
    # the intro of theme 6 holds "begeleiding" for "coaching" and goes on with "… kiezen uit de
    # volgende aanvullende acties:"; the list holds "coaching" itself (before: the intro and the
    # sentence ending in a colon, without the list)
    result = engine.answer("welke soort coaching noemt de bijlage voor laatstejaars mbo")
    assert result.kind == "actions" and result.theme == 6
    # (where the intro holds what is asked, it stays the answer)
    result = engine.answer("welke studenten moeten extra begeleiding krijgen om jeugdwerkloosheid aan te pakken?")
    assert result.kind == "answer" and "laatstejaars" in shown(result)


@pytest.mark.parametrize("question", [
    "hoe helpt het mbo jongeren die bijna klaar zijn aan werk?",
    "hoe helpen scholen laatstejaars die richting werk gaan?",
])
def test_a_how_question_whose_answer_announces_a_list_of_actions_gets_the_list(question):
    # the answer is theme 6's intro, which ends "… kiezen uit de volgende aanvullende acties:"; asked
    # how it is done, the actions are the way (before: the intro and the colon sentence, list behind "meer")
    reply = reply_to(question)
    assert "loopbaanoriëntatie" in reply and "warme overdracht" in reply



@pytest.mark.parametrize("question", [
    "wat wordt bedoeld met het stuwmeer aan studenten?",
    "wat wordt er verstaan onder het stuwmeer aan stagiairs?",
])
def test_a_meaning_question_with_aan_is_no_question_after_what_is_done(question):
    # "wat wordt ... aan" read as "what is done about it" gave theme 3's list of actions; asked what a
    # word means, the sentence with the word is the answer
    assert "stuwmeer" in reply_to(question)
