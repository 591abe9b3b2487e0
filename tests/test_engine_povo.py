"""Answer-layer tests on real questions of parents, teachers and pupils about the letter's po/vo part
(probe round povo): their everyday words for the documents' own, and the minister as the letter's
speaker."""
from __future__ import annotations

import pytest

from tests.answer_layer import assert_answers


@pytest.mark.parametrize("question, fragment", [
    # "alleenstaande moeder" is the letter's "eenoudergezinnen" (before: the sentence about schools
    # with a high achterstandsscore)
    ("ik ben alleenstaande moeder, lopen kinderen zoals de mijne meer achterstand op?", "eenoudergezinnen"),
    # "thuis geen Nederlands spreken" is the letter's "anderstalige gezinnen"
    ("zijn schoolleiders bezorgd over leerlingen die thuis geen Nederlands spreken?", "anderstalige gezinnen"),
    # "in beeld brengen" is the letter's "in kaart brengen", and "hoe heet …" asks for a name, no
    # subject (before: "een nauwkeuriger beeld te krijgen", another sentence's "beeld")
    ("hoe heet dat ding waarmee scholen de achterstanden van leerlingen in beeld brengen?", "schoolscan"),
    # "speciale scholen" are the (v)so (before: "De documenten noemen geen percentage over ‘speciale’")
    ("hoe vaak kiezen speciale scholen voor iets met welbevinden?", "92 procent"),
])
def test_everyday_words_of_the_po_vo_part(engine, question, fragment):
    assert_answers(engine, question, fragment)


def test_the_letters_own_phrase_holds_the_word_its_group_names_elsewhere(engine):
    # "niet te voorkomen" (the letter) is the group of "onoverkomelijk" (the annex's word): the letter's
    # sentence holds it too; "uit de naad werken" is its "enorme inspanningen" (before: "Dat kan ik
    # niet vinden")
    assert_answers(engine, "ik ben docent op een basisschool en we hebben ons echt uit de naad gewerkt tijdens "
                           "corona, zegt de minister nou dat die achterstanden toch niet te voorkomen waren?",
                   "niet te voorkomen", first=True)


def test_the_minister_who_says_it_is_no_subject(engine):
    # the letter is the minister speaking: "schrijft de minister …" asks about the rest (before: unsure,
    # with the minister's signature)
    assert_answers(engine, "schrijft de minister iets over het lerarentekort?", "lerarentekort", first=True)


@pytest.mark.parametrize("question", [
    # what "maakt het lastig om personeel te werven" is why it is hard (before: "De documenten noemen
    # hier geen reden of doel bij", or nothing about 'npo-klussen')
    "waarom vinden scholen zo moeilijk mensen voor npo-klussen?",
    # and "mensen te vinden" is the letter's "personeel te werven" (before: the sentence that the
    # knelpunten scholen expect are "reden tot zorg")
    "waarom is het zo moeilijk om mensen te vinden voor het npo op school?",
])
def test_what_makes_it_hard_is_why(engine, question):
    assert_answers(engine, question, "maakt het lastig om personeel te werven", first=True)


def test_whether_it_was_made_up_themselves_asks_what_it_is_based_on(engine):
    # "zelf bedacht" asks where it comes from: "gebaseerd op … de toolkit" (before: the annex's
    # "alternatieven te bedenken" for stages)
    assert_answers(engine, "waar komt die menukaart eigenlijk vandaan, is die zelf bedacht?",
                   "Education Endowment Foundation", first=True)
