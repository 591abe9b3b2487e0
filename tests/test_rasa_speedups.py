"""The Rasa speed-ups keep Rasa's behaviour: same validation outcome, durable SQLite file."""
from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from sqlalchemy import create_engine, text

import bot.rasa_speedups  # noqa: F401


def action() -> RemoteAction:
    return RemoteAction("action_answer", None)


def test_valid_action_result_passes():
    result = {"events": [{"event": "slot", "name": "sector", "value": "mbo"}],
              "responses": [{"text": "Hoi", "buttons": []}]}
    assert action()._validate_action_result(result) is True


@pytest.mark.parametrize("result", [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": "nope"},
])
def test_invalid_action_result_raises_the_same_error_as_rasa(result):
    with pytest.raises(ValidationError) as raised:
        action()._validate_action_result(result)
    assert "Failed to validate Action server response" in raised.value.message


def test_sqlite_connections_use_wal(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'trackers.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
