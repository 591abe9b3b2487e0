"""English questions of our own whose plain verbs, apostrophe-less contractions and "what do … do"
forms must reach the documents' Dutch sentence (probe set en11: the letter's pages on schools' plans,
staff shortage, thuiszitters and pabo students)."""
from __future__ import annotations

import pytest

from knowledge.english import chat_spelled, english_answer_type, translate
from tests.answer_layer import reply_to

SILENT = ("The documents do not", "I don't know for sure", "I can only answer")


@pytest.mark.parametrize("question, fragment", [
    ("How did schools map their pupils' delays?", "schoolscan"),                       # map = in kaart brengen
    ("what do students do in the Rotterdam project?", "rekenbijles"),                 # a description, no procedure
])
def test_plain_english_verbs_reach_the_sentence(question, fragment):
    text = reply_to(question, "en")
    assert not text.startswith(SILENT) and fragment in text, text


def test_what_do_students_do_in_a_project_asks_no_procedure():
    assert english_answer_type("what do students do in the Rotterdam project?") is None
    assert english_answer_type("what do I need to do to get the grant?") == "procedure"
    assert english_answer_type("what should students do to apply?") == "procedure"


@pytest.mark.parametrize("typed, written", [
    ("why didnt the minister pay schools", "why did not the minister pay schools"),
    ("arent pabo students paid", "are not pabo students paid"),
    ("havent the delays grown", "have not the delays grown"),
])
def test_contractions_typed_without_apostrophe_are_written_out(typed, written):
    assert chat_spelled(typed) == written


def test_to_report_is_the_verb():
    assert translate("do schools have to report hiring in their annual report?").dutch.split()[1] == "rapporteren"


def test_job_openings_are_the_documents_vacatures():
    assert "vacatures" in translate("what happened to the number of job openings").dutch.split()
