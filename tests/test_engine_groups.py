"""Answer-layer tests on real questions from probe round nl6: a group of people the documents never
name, asked about as the main point, is an honest near miss with the general fact as related
information; a group they do name still gets its answer."""
from __future__ import annotations

import pytest

from knowledge.english import analyse_english
from tests.answer_layer import shown


@pytest.mark.parametrize("question, group, fact", [
    ("wordt het collegegeld ook gehalveerd voor promovendi?", "promovendi", "gehalveerd"),
    ("krijgen deeltijdstudenten ook extra reisrecht?", "deeltijdstudenten", "reisrecht"),
    ("geldt de tegemoetkoming voor internationale studenten?", "internationale studenten", "tegemoetkoming"),
    ("worden ook postdocs met een tijdelijk contract verlengd?", "postdocs", "tijdelijk contract"),
    ("geldt de halvering van het lesgeld ook voor studenten uit Belgie?", "studenten uit Belgie", "gehalveerd"),
    ("hebben gepensioneerde leraren recht op een npo-vergoeding?", "gepensioneerde leraren", "recht"),
    # (where they are, a place the documents never name: another case than the Dutch pupils' weeks)
    ("hoeveel weken leervertraging hebben kinderen in Duitsland opgelopen?", "kinderen in Duitsland", "weken"),
    ("hebben studenten in belgie ook last van mentale problemen?", "studenten in belgie", "mentale problemen"),
])
def test_a_group_the_documents_never_name_is_a_near_miss(engine, question, group, fact):
    result = engine.answer(question)
    assert result.kind == "near_miss"
    assert result.missing == (group,)
    assert fact in shown(result)  # the general fact, as related information


@pytest.mark.parametrize("question, fact", [
    ("krijgen hbo studenten ook 12 maanden extra reisrecht?", "12 maanden extra reisrecht"),
    ("wordt het collegegeld ook gehalveerd voor mbo studenten?", "gehalveerd"),
    ("krijgen zij-instromers ook extra begeleiding?", "zij-instromers"),
    ("hoeveel weken achterstand hebben leerlingen in groep 8 bij rekenen?", "10 weken"),
])
def test_a_group_or_sector_the_documents_name_still_answers(engine, question, fact):
    result = engine.answer(question)
    assert result.kind == "answer" and fact in shown(result)


def test_the_word_before_a_person_noun_in_an_english_gloss_is_no_group(engine):
    # ("supervise student": the Dutch gloss of an English question keeps English words in its order)
    question = analyse_english("How much money is there in 2022 for healthcare organisations "
                               "to supervise student placements in new ways?")
    assert engine._unnamed_groups(question, list(question.topics)) == []


# The answer a sentence or two after the one that names the subject.

@pytest.mark.parametrize("question, fact", [
    ("hoeveel studenten kregen een tegemoetkoming omdat hun beurs wegviel?", "32.000"),
    ("hoeveel geld was er gemoeid met de tegemoetkoming voor het wegvallen van de beurs?", "47 miljoen"),
])
def test_a_count_in_the_sentence_after_the_one_naming_the_subject_answers(engine, question, fact):
    result = engine.answer(question)
    assert result.kind == "answer" and fact in result.shown[0].text


def test_a_count_in_the_sentence_before_is_not_the_answer(engine):
    # "Meer dan driekwart van de scholen kiest daarbij voor interventies voor het welbevinden" is
    # followed by "Daarnaast kiezen veel scholen voor instructie in kleine groepen": no count of those
    result = engine.answer("hoeveel scholen kiezen voor instructie in kleine groepen?")
    assert not (result.kind == "answer" and "driekwart" in shown(result))


def test_a_span_of_time_is_no_count_of_people(engine):
    # "… dat zij 12 maanden extra reisrecht krijgen" says how long, not how many students
    result = engine.answer("hoeveel studenten kregen extra reisrecht?")
    assert result.kind == "near_miss" and result.missing_type == "number"


def test_how_much_delay_is_still_answered_by_a_span_of_time(engine):
    result = engine.answer("hoeveel vertraging lopen geneeskunde studenten op door corona")
    assert result.kind == "answer" and "twee tot vier maanden" in shown(result)
