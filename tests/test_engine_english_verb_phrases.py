"""Answer-layer tests on real questions of users (probe round en9, 2026-12-07): English wording whose
words stand apart from each other ("the figures … are still missing") must still reach the Dutch
letter's words ("ontbreken de cijfers")."""
from __future__ import annotations

import pytest

from tests.answer_layer import reply_to

SILENT = ("The documents do not", "I don't know for sure")


@pytest.mark.parametrize("question, fragment", [
    # (figures said to be missing a few words later: "figure" alone asks nothing, "missing" alone is
    # a shortage of places; together they are the letter's "ontbreken de cijfers")
    ("which figures are still missing for the researchers?", "academische ziekenhuizen"),
])
def test_english_verb_phrases_reach_the_dutch_sentence(question, fragment):
    reply = reply_to(question, "en")
    assert not reply.startswith(SILENT) and fragment in reply, reply
