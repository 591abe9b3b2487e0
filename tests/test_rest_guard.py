"""Unit tests of the guarded REST channel's building blocks (no server needed)."""
from __future__ import annotations

import asyncio
import json

import pytest
import sqlalchemy as sa

from bot.rest_guard import (
    MAX_MESSAGE_CHARS, TEXT_UNAVAILABLE, InputRejected, check_stores, clean_text, parse_body, run_turn,
)


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_parse_body_accepts_a_normal_message():
    assert parse_body(body(sender="abc", message="welke thema's?")) == ("abc", "welke thema's?", None)
    assert parse_body(body(sender="abc", message="hoi", metadata={"a": 1})) == ("abc", "hoi", {"a": 1})


@pytest.mark.parametrize("raw,code", [
    (b"{", "invalid_json"),
    (b"\xff\xfe", "invalid_json"),
    (b"[1]", "not_an_object"),
    (body(message="hoi"), "invalid_sender"),
    (body(sender="   ", message="hoi"), "invalid_sender"),
    (body(sender="a\nb", message="hoi"), "invalid_sender"),
    (body(sender="a", message=None), "invalid_message"),
    (body(sender="a", message="x" * (MAX_MESSAGE_CHARS + 1)), "message_too_long"),
    (body(sender="a", message="hoi", metadata=[1]), "invalid_metadata"),
    (b" " * 20_000, "body_too_large"),
])
def test_parse_body_rejects(raw, code):
    with pytest.raises(InputRejected) as rejected:
        parse_body(raw)
    assert rejected.value.code == code


def test_message_of_exactly_the_cap_is_accepted():
    assert len(parse_body(body(sender="a", message="x" * MAX_MESSAGE_CHARS))[1]) == MAX_MESSAGE_CHARS


def test_clean_text_removes_control_characters_but_keeps_text():
    assert clean_text("a\x00b\x1b[1mc\x7fd\u0085e\tf\ng 🎓 שלום") == "ab[1mcde\tf\ng 🎓 שלום"


class Recorder:
    def __init__(self, behaviour):
        self.behaviour = behaviour

    async def __call__(self, message):
        await self.behaviour(message)


async def _answers(message):
    await message.output_channel.send_text_message(message.sender_id, "Hoi!")


async def _silent(message):
    return None


async def _fails(message):
    raise RuntimeError("tracker store down")


async def _hangs(message):
    await asyncio.Event().wait()


def turn(behaviour, budget=30.0):
    return asyncio.run(run_turn(Recorder(behaviour), "s1", "hoi", "rest", None, budget))


def test_run_turn_returns_the_bot_messages():
    assert turn(_answers) == (200, [{"recipient_id": "s1", "text": "Hoi!"}])


def test_run_turn_without_reply_says_unavailable():
    assert turn(_silent) == (200, [{"recipient_id": "s1", "text": TEXT_UNAVAILABLE}])


def test_run_turn_failure_is_a_503():
    status, payload = turn(_fails)
    assert status == 503 and payload["error"] == "unavailable"


def test_run_turn_that_hangs_is_cut_at_the_budget():
    assert turn(_hangs, budget=0.2) == (200, [{"recipient_id": "s1", "text": TEXT_UNAVAILABLE}])


class FakeAgent:
    def __init__(self, engine=None, redis=None):
        self.tracker_store = type("FailSafe", (), {"_tracker_store": type("Store", (), {"engine": engine})()})()
        self.lock_store = type("Locks", (), {"red": redis})()


class FakeRedis:
    def __init__(self, up):
        self.up = up

    def ping(self):
        if not self.up:
            raise ConnectionError("refused")
        return True


def test_check_stores(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 't.db'}")
    assert check_stores(FakeAgent(engine, FakeRedis(True))) is None
    assert "lock store" in check_stores(FakeAgent(engine, FakeRedis(False)))
    broken = sa.create_engine(f"sqlite:///{tmp_path / 'missing-dir' / 't.db'}")
    assert "tracker store" in check_stores(FakeAgent(broken, None))
    assert check_stores(None) == "the model is not loaded"
