"""Shared fixtures: one trained bot for every HTTP, conversation and browser test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.ops.serve import DEFAULT_MODEL, Stack

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def bot_stack():
    """The action server and Rasa with the trained model, on free ports, with a fresh tracker store."""
    model = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))
    if not model.exists():
        pytest.fail(f"no trained model at {model}: run 'make train' (make test does it)")
    stack = Stack(model=model).start()
    yield stack
    stack.stop()


@pytest.fixture(scope="session")
def bot_url(bot_stack) -> str:
    return bot_stack.url


@pytest.fixture(scope="session")
def engine():
    """The answer engine over the built knowledge base (no Rasa)."""
    from knowledge import open_kb
    return open_kb().engine()
