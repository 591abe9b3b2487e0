"""Answer-layer tests on real questions of users (probe round nl10): what the documents say in other
words (enough teachers: the shortage; appeared: published) and a period written as a span of years."""
from __future__ import annotations

from tests.answer_layer import shown


def test_asking_whether_there_are_enough_teachers_asks_about_the_shortage(engine):
    # "genoeg leraren" is the lexicon's shortage group; "uit te voeren" is the verb "uitvoeren" (a
    # lexicon word), not the noun "voer" that "het voeren van het goede gesprek" has
    result = engine.answer("zijn er wel genoeg leraren om het npo uit te voeren?")
    assert result.kind == "answer" and "krapte" in shown(result)


def test_a_span_of_years_answers_how_long(engine):
    # "die sinds 2018 tot en met 2025 met extra middelen wordt ondersteund" gives the duration asked
    result = engine.answer("hoe lang loopt de regionale samenwerking voor doorstroom met extra middelen nog?")
    assert result.kind == "answer" and "2018 tot en met 2025" in shown(result)


def test_appeared_is_published(engine):
    # lexicon: "verschenen" is the documents' "gepubliceerd"
    result = engine.answer("wanneer is de handreiking schooladvisering van de SLO verschenen?")
    assert result.kind == "answer" and "vorig najaar" in shown(result)


def test_poor_families_are_families_with_a_low_income(engine):
    result = engine.answer("hebben kinderen uit arme gezinnen meer vertraging?")
    assert result.kind == "answer" and "laag inkomen" in shown(result)


def test_poverty_itself_is_not_what_the_documents_speak_of(engine):
    # (not "armoede" in the group: the income sentences do not say what the NPO does against poverty)
    result = engine.answer("wat doet het npo tegen armoede?")
    assert result.kind != "answer"


def test_gelden_is_the_verb_to_apply_not_money(engine):
    # lexicon lemmas: "gelden" is "to apply" ("de acties gelden als …"), not the plural of "geld"
    result = engine.answer("gelden de acties op de keuzelijst als bewezen effectief?")
    assert result.kind == "answer" and "al bewezen hebben" in shown(result)


def test_which_requirements_apply_is_answered_by_what_must_be(engine):
    # lexicon: "eisen" is the noun (requirements), an answer kind the documents give with "moet"
    result = engine.answer("welke eisen gelden voor alternatieve vormen van praktijkleren?")
    assert result.kind == "answer" and "onderwijskwaliteit vergelijkbaar" in shown(result)


def test_a_lesson_in_something_is_a_training(engine):
    result = engine.answer("krijg ik op de lerarenopleiding les in hoe je omgaat met leerachterstanden van kinderen door corona?")
    assert result.kind == "answer" and "werken met achterstanden" in shown(result)
