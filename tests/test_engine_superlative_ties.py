"""Answer-layer tests on real questions from probe rounds tail1 and wrong: a question after the top one ("het
grootst", "most") is answered by the sentence that says which is the most, not left unsure beside a
sentence that says no most, or says one but lacks a word asked that the answer holds."""
from __future__ import annotations

import pytest

from tests.answer_layer import reply_to


@pytest.mark.parametrize("question, language, fact", [
    ("where are most internship shortages, which sector?", "en", "sector zorg"),
    ("bij welk vak was de achterstand op de basisschool het grootst?", "nl", "Bij rekenen"),
])
def test_the_sentence_that_names_the_most_answers(question, language, fact):
    reply = reply_to(question, language)
    assert fact in reply
    assert not reply.startswith(("Dat weet ik niet zeker", "I don't know for sure"))
