"""Answer-layer tests on real questions of users (probe round nl8): compounds the documents never use
whose parts they do, and two sentences that each hold half of the question."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, expected", [
    # a plural tail counts by its lemma: "contracten" is the documents' "contract"
    ("hoeveel onderzoekerscontracten zijn er verlengd?", "1.500"),
    ("wat doen universiteiten met de coschapwachttijden?", "wachttijd"),
    ("mogen hogescholen de stagecontacten van het mbo gebruiken?", "contacten uit het mbo"),
    # probe round ante: a head the documents write by its lemma ("jongeren" -> "jong") or only in
    # hyphenated words ("enveloppe" in "corona-enveloppe", "enveloppe-middelen")
    ("wanneer komt het jongerenplatform met zijn eerste advies?", "later dit jaar"),
    ("hoeveel enveloppegeld steken mbo-instellingen in jeugdwerkloosheid?", "7,3 miljoen"),
    ("hoe heet dat studentenplatform dat scholieren helpt?", "Studenten helpen Scholieren"),
])
def test_a_compound_is_its_parts_as_the_documents_write_them(engine, question, expected):
    result = engine.answer(question)
    assert result.kind in ("answer", "actions") and expected in shown(result)


def test_a_compound_whose_tail_is_a_common_word_is_not_any_sentence_with_both(engine):
    # "scholen" is in too many sentences: "Voor de zomer is aan scholen gevraagd" is no summer school
    result = engine.answer("wanneer beginnen de zomerscholen?")
    assert result.kind != "answer"


def test_two_sentences_each_holding_half_of_the_question_make_it_unsure(engine):
    # one sentence has the plans for doorstroom, another one something 'aangesloten': neither answers
    result = engine.answer("moeten die doorstroomplannen aansluiten bij dingen die al bestaan?")
    assert result.kind != "answer"


def test_a_month_the_best_lacks_is_corrected_not_unsure(engine):
    result = engine.answer("het nationaal programma onderwijs is toch in maart gepresenteerd?")
    assert result.kind == "answer" and "februari" in shown(result)


@pytest.mark.parametrize("question, expected", [
    # probe round nl10: the tail "vergoeding" is the documents' "tegemoetkoming" (one lexicon group)
    ("hoeveel studenten kregen een studievertragingsvergoeding?", "130.000"),
    ("hoeveel is er in studievertragingsvergoedingen uitgekeerd aan studenten?", "130.000"),
    # probe round nomention: a hyphenated word of the user's own whose parts no sentence holds together
    # is about its first part ("nazorg", "jeugdwerkloosheid" with its linking s), not a missing topic
    ("tot welke datum kan een mbo-school nazorg-geld aanvragen?", "24 december"),
    ("hoeveel geld stoppen mbo-scholen uit de coronapot in jeugdwerkloosheids-bestrijding?", "7,3 miljoen"),
    # a dated event the sentence holds with a particle is its event: "gesteund" - "ondersteund"
    ("tot wanneer wordt de regionale samenwerking met extra geld gesteund?", "2025"),
])
def test_a_compound_part_counts_through_its_lexicon_group(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer" and expected in shown(result)


@pytest.mark.parametrize("question", [
    # probe round nomention: a hyphenated word whose first part the documents never use still names
    # what they lack
    "hoeveel ventilatiesubsidie krijgen scholen uit het npo?",
    "hoeveel krijgt een school voor schoolzwem-lessen?",
    "hoeveel bijles-uren krijgt elke leerling per week?",
])
def test_a_hyphenated_coinage_of_a_missing_thing_stays_a_near_miss(engine, question):
    assert engine.answer(question).kind in ("near_miss", "unknown")



@pytest.mark.parametrize("question, language", [
    # a compound written apart whose first part the documents never use alone is their compound
    # (before: "Dat kan ik niet vinden" for the Dutch; English had its own copy of the rule)
    ("wat zijn lint stages", "nl"),
    ("wat is een blok stage?", "nl"),
    ("what r lint internships", "en"),
])
def test_a_compound_written_apart_is_the_documents_compound(question, language):
    from tests.answer_layer import reply_to
    assert "lintstages in plaats van blokstages" in reply_to(question, language)


def test_two_words_that_only_spell_a_compound_are_not_closed():
    # ("voldoen de acties" is no "voldoende"; a function word is never a part)
    from knowledge.question import close_split_compounds
    assert close_split_compounds("Aan welke voorwaarden voldoen de acties?") == "Aan welke voorwaarden voldoen de acties?"
    assert close_split_compounds("wat zijn lint stages?") == "wat zijn lintstages?"
