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

