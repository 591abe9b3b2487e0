"""Answer-layer tests on real questions whose noun after "welk(e)" names the kind of answer asked
("in welke functie", "welke rol", "welk effect", lexicon `answer_kinds`): the sentence that gives
that kind answers without using the noun ("werkt als onderwijsondersteunend personeel"), and a
sentence that does not give it is no answer, however many of the other words it holds."""
from __future__ import annotations

import pytest

from tests.answer_layer import shown


@pytest.mark.parametrize("question, expected", [
    # (before: "Dat staat niet precies in de documenten", for want of the word "functie")
    ("in welke functie zijn pabostudenten met een baan op de basisschool meestal werkzaam?", "onderwijsondersteunend personeel"),
    ("wat voor functie hebben de meeste pabostudenten die al in het po werken?", "onderwijsondersteunend personeel"),
    ("welke rol gaat het NRO spelen bij het onderzoek naar het programma?", "overkoepelende en verbindende rol"),
])
def test_a_sentence_that_gives_the_kind_asked_answers(engine, question, expected):
    result = engine.answer(question)
    assert result.kind == "answer", (result.kind, shown(result)[:200])
    assert expected in shown(result)


@pytest.mark.parametrize("question", [
    # (before: the stage action that names a "functiebeperking", as the answer)
    "in welke functie werken de meeste mbo studenten naast hun opleiding?",
    "in welke functie worden de zij-instromers op scholen ingezet?",
])
def test_a_sentence_without_the_kind_asked_is_no_answer(engine, question):
    result = engine.answer(question)
    assert result.kind == "near_miss", (result.kind, shown(result)[:200])
    assert "onderwijsondersteunend" not in shown(result)
