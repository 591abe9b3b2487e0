"""Answer-layer tests on real questions from probe round nlw (and dev): where the question names the group one
annex theme is for alone (thema 5 lerarenopleidingen, thema 4 geneeskunde), a general action of
thema 1 that does not name that group is not the answer; the actions of the group's own theme are."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, theme", [
    ("hoe kunnen lerarenopleidingen studenten met vertraging extra onderwijs geven?", 5),
    ("welk extra onderwijs kan een pabo bieden als studenten achterlopen", 5),
    ("welke extra stages kunnen medische faculteiten aanbieden om vertraging in te halen", 4),
])
def test_the_groups_own_theme_answers(engine, question, theme):
    result = engine.answer(question)
    assert result.kind == "actions"
    assert result.theme == theme


def test_a_theme_named_in_the_question_is_not_replaced(engine):
    result = engine.answer("ik zit op de ulo (universitaire lerarenopleiding), mag mijn opleiding "
                           "de stagebegeleiding uit thema 3 ook gebruiken?")
    assert result.theme != 5


def test_a_next_paragraph_that_points_back_is_shown(engine):
    # "De motie roept op …" ends its paragraph (a footnote follows); "Het doel van deze motie
    # ondersteun ik, maar …" opens the next and is the answer to whether schools get the money
    result = engine.answer("krijgt een school extra geld als ze een thuiszitter inschrijven?")
    texts = [u.text for u in result.shown]
    assert any(t.startswith("De motie roept op") for t in texts)
    assert any("andere weg" in t for t in texts)


def test_what_is_done_about_a_problem_the_annex_tells_is_its_themes_actions(engine):
    # (before: the sentence that gives the reasons for the wait, "een toename van de wachttijd vóór de coschappen")
    result = engine.answer("Ik studeer geneeskunde en wacht al maanden op mijn coschap, wat wordt daaraan gedaan?")
    assert result.kind == "actions" and result.theme == 4


@pytest.mark.parametrize("question, theme", [
    # (before: the theme 5 lead-in "In aanvulling op … thema's 1-3": "thema" is in every title)
    ("is het coschappen-thema alleen voor de universiteiten?", 4),
    ("voor wie is het welzijns-thema bedoeld?", 2),
])
def test_a_theme_named_by_a_hyphened_compound_is_that_theme(engine, question, theme):
    result = engine.answer(question)
    assert result.shown and result.shown[0].theme == theme, [u.text for u in result.shown]


def test_third_parties_are_no_ordinal():
    # (before: "De derde voortgangsrapportage" of the SBB for hiring "derden", once ordinals kept their form)
    from tests.answer_layer import reply_to
    assert "voortgangsrapportage" not in reply_to("mag een hogeschool externe bureaus inhuren met dit geld?")
