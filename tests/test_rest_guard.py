"""Unit tests of the guarded REST channel's building blocks (no server needed)."""
from __future__ import annotations

import asyncio
import json
import logging

import pytest
import sqlalchemy as sa
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.inbound import MAX_MESSAGE_CHARS, InputRejected, clean_text, parse_body
from bot.channels.rest import INPUT_RULES
from bot.channels.website import WebsiteInput, WebsiteSettings
from bot.channels.turn import (
    ALLOWED_COMMANDS, NOT_UNDERSTOOD_BUTTONS, TEXT_NOT_UNDERSTOOD, TEXT_UNAVAILABLE, UNKNOWN_COMMAND, Screened,
    check_stores, run_turn, screen_command,
)


def body(**fields) -> bytes:
    return json.dumps(fields).encode()


def test_parse_body_accepts_a_normal_message():
    assert parse_body(body(sender="abc", message="welke thema's?"), INPUT_RULES) == ("abc", "welke thema's?", None)
    assert parse_body(body(sender="abc", message="hoi", metadata={"a": 1}), INPUT_RULES) == ("abc", "hoi", {"a": 1})


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
        parse_body(raw, INPUT_RULES)
    assert rejected.value.code == code


def test_message_of_exactly_the_cap_is_accepted():
    assert len(parse_body(body(sender="a", message="x" * MAX_MESSAGE_CHARS), INPUT_RULES)[1]) == MAX_MESSAGE_CHARS


def test_both_channels_check_input_with_the_same_rules():
    website = WebsiteInput(WebsiteSettings()).input_rules
    for rules, sender in ((INPUT_RULES, "abc"), (website, "0b6a8f0e-3c1d-4f2a-9b7e-5d4c3b2a1f00")):
        assert parse_body(body(sender=sender, message=" a\x00b\ufffe\uffff "), rules).text == "ab"
        with pytest.raises(InputRejected) as rejected:
            parse_body(body(sender=sender, message="x" * (MAX_MESSAGE_CHARS + 1)), rules)
        assert (rejected.value.status, rejected.value.code) == (413, "message_too_long")


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


async def _action_server_down(message):
    """What Rasa does when a custom action cannot reach the action server: log, carry on, say nothing."""
    logging.getLogger("rasa.core.processor").error("Encountered an exception while running action 'action_answer'.")


async def _fails(message):
    raise RuntimeError("tracker store down")


async def _hangs(message):
    await asyncio.Event().wait()


def turn(behaviour, budget=30.0):
    return asyncio.run(run_turn(Recorder(behaviour), "s1", "hoi", "rest", None, budget))


def test_run_turn_returns_the_bot_messages():
    assert turn(_answers) == (200, [{"recipient_id": "s1", "text": "Hoi!"}])


def test_run_turn_without_reply_is_not_understood_not_an_outage(caplog):
    with caplog.at_level(logging.WARNING, logger="bot.channels.turn"):
        assert turn(_silent) == (200, [{"recipient_id": "s1", "text": TEXT_NOT_UNDERSTOOD, "buttons": NOT_UNDERSTOOD_BUTTONS}])
    assert any("produced no reply" in record.getMessage() for record in caplog.records)
    assert "niet beschikbaar" not in TEXT_NOT_UNDERSTOOD


def test_run_turn_without_reply_after_a_failed_action_says_unavailable(caplog):
    with caplog.at_level(logging.ERROR, logger="bot.channels.turn"):
        assert turn(_action_server_down) == (200, [{"recipient_id": "s1", "text": TEXT_UNAVAILABLE}])
    assert any("while running action" in record.getMessage() for record in caplog.records)


def test_errors_of_one_turn_do_not_leak_into_another():
    async def both():
        return await asyncio.gather(
            run_turn(Recorder(_action_server_down), "a", "hoi", "rest", None, 30.0),
            run_turn(Recorder(_silent), "b", "hoi", "rest", None, 30.0),
        )
    (_, down), (_, silent) = asyncio.run(both())
    assert down[0]["text"] == TEXT_UNAVAILABLE and silent[0]["text"] == TEXT_NOT_UNDERSTOOD


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


# --------------------------------------------------------------------------- typed commands


class ConversationStore:
    """A tracker store holding one conversation; counts how often it is read."""

    def __init__(self, *events, fail=False):
        self.events = list(events)
        self.fail = fail
        self.reads = 0

    async def retrieve(self, sender):
        self.reads += 1
        if self.fail:
            raise ConnectionError("database gone")
        return DialogueStateTracker.from_events(sender, self.events) if self.events else None

    retrieve_full_tracker = retrieve  # the buttons of the whole session are read this way


class Agent:
    def __init__(self, store):
        self.tracker_store = store


SECTOR_BUTTONS = [{"title": "mbo", "payload": '/inform{"sector":"mbo"}'}, {"title": "Stoppen", "payload": "/stop"}]


def asked_for_sector():
    return ConversationStore(
        ActionExecuted("action_listen"), UserUttered("/student_check"), ActionExecuted("student_form"),
        BotUttered("Wat voor opleiding volg je?", data={"buttons": SECTOR_BUTTONS}), ActionExecuted("action_listen"),
    )


def screen(store, text):
    return asyncio.run(screen_command(Agent(store), "s1", text))


def test_buttons_of_an_earlier_session_are_not_offered_any_more():
    earlier = asked_for_sector().events
    store = ConversationStore(*earlier, ActionExecuted("action_session_start"), SessionStarted(),
                              ActionExecuted("action_listen"))
    # /stop is a command a user may type; its payload was offered only in the earlier session
    assert screen(store, "/stop") == Screened("/stop")
    assert screen(store, '/inform{"sector":"mbo"}').reply == UNKNOWN_COMMAND


def test_offered_button_payloads_pass_unchanged():
    store = asked_for_sector()
    assert screen(store, '/inform{"sector":"mbo"}') == Screened('/inform{"sector":"mbo"}')
    assert screen(store, " /stop ") == Screened(" /stop ")


@pytest.mark.parametrize("typed,intent", [
    ("/restart", "/restart"),
    ("/Restart ", "/restart"),
    ("  //restart", "/restart"),
    ("/ /restart", "/restart"),
    ("/opnieuw", "/restart"),
    ("/reset", "/restart"),
    ("/stop", "/stop"),
    ("/hulp", "/help"),
])
def test_commands_a_user_may_type_run_their_intent(typed, intent):
    assert screen(asked_for_sector(), typed) == Screened(intent)


@pytest.mark.parametrize("typed", [
    "/session_start",
    '/inform{"sector":"wo"}',
    '/inform{"sector": "mbo"}',  # not the offered payload
    "/foo",
    "/ask_nco",
])
def test_other_commands_get_the_channels_own_reply_and_never_reach_rasa(typed):
    screened = screen(asked_for_sector(), typed)
    assert (screened.text, screened.reply, screened.language) == ("", UNKNOWN_COMMAND, "nl")


def test_a_slash_before_a_sentence_is_dropped_and_a_lone_slash_stays():
    assert screen(asked_for_sector(), "/ hoeveel geld krijgen scholen?") == Screened("hoeveel geld krijgen scholen?")
    assert screen(asked_for_sector(), "/") == Screened("/")


def test_ordinary_messages_never_read_the_store():
    store = asked_for_sector()
    assert screen(store, "welke thema's zijn er? /x") == Screened("welke thema's zijn er? /x")
    assert store.reads == 0
    screen(store, "/restart")
    assert store.reads == 1


def test_allowed_commands_pass_without_being_offered():
    assert "/help" in ALLOWED_COMMANDS
    assert {b["payload"] for b in NOT_UNDERSTOOD_BUTTONS} == ALLOWED_COMMANDS
    assert screen(ConversationStore(), "/help") == Screened("/help")


def test_unreadable_or_missing_conversation_means_not_offered():
    assert screen(ConversationStore(fail=True), '/inform{"sector":"mbo"}').reply == UNKNOWN_COMMAND
    assert screen(ConversationStore(), "/restart") == Screened("/restart")
    assert asyncio.run(screen_command(None, "s1", "/restart")) == Screened("/restart")
    assert asyncio.run(screen_command(None, "s1", "/x")).reply == UNKNOWN_COMMAND
