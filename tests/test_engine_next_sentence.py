"""Answer-layer tests on questions whose detail is in the sentence next to the one that names the
subject (probe round nextsent): the partner after "samen met", the clause after "op grond waarvan"."""
from __future__ import annotations

from knowledge import analyse
from tests.answer_layer import shown


def test_a_partner_named_after_in_samenwerking_met_answers_met_wie(engine):
    # "Naast de plannen van scholen wordt ook op gemeentelijk niveau gewerkt aan plannen … Dit doen
    # gemeentes in samenwerking met scholen.": the partner is who they work with, not a missing name
    result = engine.answer("met wie maken gemeenten hun plannen om vertragingen in te lopen?")
    assert result.kind == "answer" and "samenwerking met scholen" in shown(result)


def test_waarvan_is_a_question_word_not_a_topic(engine):
    assert "waarvan" not in {c.word for c in analyse("op grond waarvan moesten instellingen zich verantwoorden?").concepts}
    result = engine.answer("op grond waarvan moesten instellingen zich over 2020 verantwoorden voor onderzoek?")
    assert result.kind == "answer" and "bestuursakkoord Onderzoek" in shown(result)


def test_a_question_about_what_is_not_done_yet_finds_the_sentence_that_says_so(engine):
    # "In september … hadden op de meeste scholen de medezeggenschapsraden al ingestemd. Waar dat nog
    # niet gebeurd was … zal het alsnog gebeuren": "nog niet" is what is asked about, and the sentence
    # that says it is shown with the one its "dat" points back to
    result = engine.answer("wat gebeurt er op scholen waar de medezeggenschapsraad nog niet heeft ingestemd?")
    assert result.kind == "answer" and "alsnog" in shown(result) and "al ingestemd" in shown(result)


def test_a_condition_on_dat_points_back_to_the_sentence_before():
    from knowledge.units import points_back
    before = "In september van dit jaar hadden op de meeste scholen de medezeggenschapsraden al ingestemd."
    assert points_back("Waar dat nog niet gebeurd was, zal het alsnog gebeuren.", before)
    assert points_back("Als dat niet lukt, kan de school hulp vragen.", before)
