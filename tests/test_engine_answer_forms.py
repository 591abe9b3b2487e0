"""Answer-layer tests on real questions whose answer the documents give, but whose form was read
as asking another kind of answer: "voor wie" asks for a group (no proper name), "hoe vaak" for a
share, "hoeveel vertraging" for a span of weeks or months, a yes/no question names a deadline as
its subject, consent has more words than "ingestemd" (toestemming, goedgekeurd, voorgelegd), a sentence
without a subject of its own takes it from the sentence before, and a superlative of a judgement
("de belangrijkste") says the top one is asked."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, expected", [
    # (before: a question for a name; the group the money is for was "not precisely in the documents")
    ("Voor wie zijn de extra middelen van de lerarenopleidingen bedoeld?", "studenten en zij-instromers"),
    ("voor wie is de tegemoetkoming voor het wegvallen van de beurs?", "uit hun recht voor basisbeurs"),
    # (a share: "slechts 3 procent")
    ("ik studeer aan de uni, hoe vaak kiezen instellingen acties buiten de thema's?", "3 procent"),
    # (a delay is counted in months, not as a number of things)
    ("hoeveel vertraging hebben geneeskundestudenten opgelopen door corona?", "twee tot vier maanden"),
    # (a yes/no question about deadlines asks whether, not when)
    ("hebben NWO en ZonMw hun deadlines aangepast vanwege corona?", "starttermijnen en deadlines"),
    # (also when it opens with "doen": "deden … iets aan hun deadlines?" - before: "geen datum of termijn")
    ("deden nwo en zonmw iets aan hun deadlines vanwege corona?", "starttermijnen en deadlines"),
    # (consent in other words; "gesproken" is "in gesprek gegaan")
    ("heeft de medezeggenschapsraad de plannen voor inhuur van derden goedgekeurd?", "voorgelegd zijn aan de medezeggenschapsraad"),
    ("Met welke partijen is gesproken over het inzetten van pabostudenten?", "VSNU"),
    # (money set aside for something is an amount)
    ("hoeveel heeft het kabinet uitgetrokken voor de tegemoetkoming van de 130.000 studenten?", "50 miljoen"),
    # (a sentence without a subject of its own takes it from the sentence before: "In 2015 bleek 5%
    # werkzaam …" after "… hoeveel pabostudenten …", "Men kiest vooral …" after "Uit de plannen van de
    # instellingen …")
    ("werken pabostudenten eigenlijk al in het onderwijs tijdens hun opleiding?", "17%"),
    # (the superlative says the top one is asked; "belangrijk" is no topic word the answer must hold)
    ("Wat zijn de belangrijkste prioriteiten in de plannen van de mbo- en ho-instellingen?", "Men kiest vooral"),
    ("wat was voor mbo studenten het moeilijkste aan de coronatijd?", "in de praktijk te oefenen"),
])
def test_the_form_of_the_question_asks_the_kind_of_answer_the_documents_give(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer", (result.kind, shown(result)[:200])
    assert expected in shown(result)


def test_for_whom_checked_against_another_group_is_still_no_plain_answer(engine):
    # "voor wie is die aanpak …, ook voor hbo'ers?" checks a group: the documents name the aanpak's
    # parties, not hbo students, so it is not answered as if they did
    result = engine.answer("voor wie is die aanpak van jeugdwerkloosheid, ook voor hbo'ers?")
    assert result.kind != "answer" or "mbo" in shown(result)


@pytest.mark.parametrize("question, place", [
    # (before: the 12 months of travel right, as if it held for a university in Belgium)
    ("ik studeerde in 2020 aan een universiteit in belgië, krijg ik ook 12 maanden extra reisrecht?", "belgië"),
    ("ik zit op een hogeschool in Duitsland, krijg ik ook korting op collegegeld?", "Duitsland"),
])
def test_where_the_user_studies_is_the_case_asked_with_ook(engine, question, place):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing == (place,)


@pytest.mark.parametrize("question, kind, fact", [
    # (before: the halving, as if it held for a part-time programme the documents never name)
    ("ik ben 30 en doe een deeltijdopleiding aan de hogeschool, krijg ik ook korting op mijn collegegeld?",
     "deeltijdopleiding", "gehalveerd"),
    ("ik doe een deeltijdstudie aan de universiteit, krijg ik ook 12 maanden extra reisrecht?",
     "deeltijdstudie", "reisrecht"),
])
def test_the_kind_of_programme_the_user_follows_is_the_case_asked_with_ook(engine, question, kind, fact):
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing == (kind,)
    assert fact in shown(result)  # the general fact, as related information
    # (a programme the documents do name is still answered)
    assert engine.answer("ik doe een opleiding op het mbo, krijg ik ook korting op het lesgeld?").kind == "answer"


@pytest.mark.parametrize("question", [
    "hoe vraag je als mbo school die nazorg subsidie eigenlijk aan? waar moet dat formulier heen",
    "hoe vraag ik als mbo-school subsidie aan voor nazorg?",
])
def test_how_to_apply_is_not_given_by_rules_still_to_be_published(engine, question):
    # "Mbo-scholen kunnen tot en met 24 december subsidie aanvragen … op basis van een nog te publiceren
    # regeling": until when, not how (before: the deadline as if it were the procedure)
    result = engine.answer(question)
    assert result.kind == "near_miss" and result.missing_type == "procedure"
    assert "24 december" in shown(result)  # the deadline, as related information
    assert engine.answer("tot wanneer kan een mbo school subsidie voor nazorg aanvragen").kind == "answer"


def test_who_with_a_choice_asks_which_of_the_two_not_a_name(engine):
    # (before: "De documenten noemen geen naam van een persoon of organisatie" beside the answer)
    result = engine.answer("wie loopt er meer achter, mbo'ers of studenten op hogeschool en uni?")
    assert result.kind == "answer" and "meer dan in het ho" in shown(result)
    from knowledge.question import answer_type
    assert answer_type("wie heeft de meeste vertraging, vmbo of vwo?") is None
    assert answer_type("wie hebben die plannen gemaakt?") == answer_type("wie betaalt dat?") == "who"
