"""A new document over HTTP: the trained bot, unchanged, answers from a letter added by a rebuild.

The stack starts on a KB of the project's two documents (NPO_KB_PATH selects it); the KB is then
rebuilt in place with the third letter of test data (tests/fixtures/documents/) while the action
server runs. Without a restart or retraining the bot answers its new fact, puts its conflicting fact
first (dated) and still answers a fact only the first letter has.
"""
from __future__ import annotations

import time
import uuid

import pytest

from bot.measure.conversations import send
from bot.ops.serve import DEFAULT_MODEL, Stack
from knowledge import api
from knowledge.build import build
from tests.test_documents import FIRST_TITLE, THIRD_TITLE, sources_with_third

NEW_FACT = "Tot wanneer kunnen scholen een aanvraag doen voor het Testfonds Zomerscholen?"


@pytest.fixture(scope="module")
def stack_and_kb(tmp_path_factory):
    if not DEFAULT_MODEL.exists():
        pytest.fail(f"no trained model at {DEFAULT_MODEL}: run 'make train'")
    folder = tmp_path_factory.mktemp("newdoc")
    kb_path = folder / "kb.sqlite"
    build(kb_path)
    stack = Stack(model=DEFAULT_MODEL, env={"NPO_KB_PATH": str(kb_path)}).start()
    yield stack, kb_path, folder
    stack.stop()


def ask(url: str, message: str) -> str:
    return send(url, f"newdoc-{uuid.uuid4().hex}", message)


@pytest.mark.http
def test_running_bot_answers_a_document_added_by_a_rebuild(stack_and_kb):
    stack, kb_path, folder = stack_and_kb
    assert "30 september 2022" not in ask(stack.url, NEW_FACT)

    build(kb_path, sources_dir=sources_with_third(folder / "sources"))
    time.sleep(api.RELOAD_CHECK_S + 0.5)

    new = ask(stack.url, NEW_FACT)
    assert "30 september 2022" in new, new
    assert new.splitlines()[-1] == f"Bron: {THIRD_TITLE}, p. 2"

    conflict = ask(stack.url, "Hoeveel maanden extra reisrecht krijgen ho-studenten?").splitlines()
    assert conflict[0].startswith("Volgens de brief van 20 mei 2022: ") and "18 maanden" in conflict[0], conflict
    assert "28 oktober 2021 (nu vervangen)" in conflict[1] and "12 maanden" in conflict[1], conflict
    assert conflict[-1] == f"Bron: {THIRD_TITLE}, p. 1; {FIRST_TITLE}, p. 12"

    old = ask(stack.url, "Hoeveel studenten kregen een tegemoetkoming voor de extra kosten van studievertraging?")
    assert "130.000" in old and "vervangen" not in old, old
    assert old.splitlines()[-1] == f"Bron: {FIRST_TITLE}, p. 12"
