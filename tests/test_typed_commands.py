"""Typed "/commands" on both channels of the real bot.

Rasa runs a message that starts with "/" as an intent without NLU. A user who types
`/session_start` or `/inform{"sender":"mbo"}` must not change the conversation, and must not get
the outage message or an answer from the documents; a button payload the bot offered must still
work. A typed `/restart` clears the conversation with a short confirmation; any other unknown
command gets a short reply in the conversation's language.
"""
from __future__ import annotations

import json
import sqlite3
import urllib.request
import uuid
from typing import Any, Dict, List, Tuple

import pytest

from bot.channels.turn import TEXT_UNAVAILABLE

pytestmark = pytest.mark.http

WEBHOOKS = {"rest": "/webhooks/rest/webhook", "website": "/webhooks/website/webhook"}
MBO_PAYLOAD = '/inform{"sector":"mbo"}'


def say(bot_url: str, channel: str, sender: str, message: str) -> List[Dict[str, Any]]:
    body = json.dumps({"sender": sender, "message": message}).encode("utf-8")
    request = urllib.request.Request(bot_url + WEBHOOKS[channel], data=body, method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        assert response.status == 200
        reply = json.loads(response.read())
    texts = " ".join(message.get("text") or "" for message in reply)
    assert texts.strip(), f"no reply to {message!r}: {reply!r}"
    assert TEXT_UNAVAILABLE not in texts and "niet beschikbaar" not in texts, f"outage reply to {message!r}"
    return reply


def payloads(reply: List[Dict[str, Any]]) -> List[str]:
    return [button["payload"] for message in reply for button in message.get("buttons") or []]


def stored(bot_stack, sender: str) -> List[Tuple[str, Dict[str, Any]]]:
    with sqlite3.connect(bot_stack.tracker_db) as connection:
        rows = connection.execute("SELECT type_name, data FROM events WHERE sender_id = ? ORDER BY id",
                                  (sender,)).fetchall()
    return [(type_name, json.loads(data)) for type_name, data in rows]


def slot(events, name: str) -> Any:
    values = [data["value"] for type_name, data in events if type_name == "slot" and data["name"] == name]
    return values[-1] if values else None


def texts_of(reply: List[Dict[str, Any]]) -> str:
    return " ".join(message.get("text") or "" for message in reply)


@pytest.mark.parametrize("channel", list(WEBHOOKS))
def test_typed_commands_that_were_not_offered_keep_the_conversation(bot_url, bot_stack, channel):
    sender = str(uuid.uuid4())
    say(bot_url, channel, sender, "Ik ben hbo-student")
    assert slot(stored(bot_stack, sender), "sector") == "hbo"

    for typed in ("/session_start", MBO_PAYLOAD, "/foo", " /ask_nco"):
        reply = texts_of(say(bot_url, channel, sender, typed))
        assert reply.startswith("Dat commando ken ik niet") and "Bron:" not in reply, reply

    events = stored(bot_stack, sender)
    kinds = [type_name for type_name, _ in events]
    assert "restart" not in kinds and kinds.count("session_started") == 1, kinds
    assert slot(events, "sector") == "hbo"
    users = [data for type_name, data in events if type_name == "user"]
    assert [user["text"] for user in users] == ["Ik ben hbo-student"]  # the commands never reached Rasa


@pytest.mark.parametrize("channel", list(WEBHOOKS))
def test_a_typed_restart_clears_the_conversation_with_a_confirmation(bot_url, bot_stack, channel):
    sender = str(uuid.uuid4())
    say(bot_url, channel, sender, "Ik ben hbo-student")
    reply = texts_of(say(bot_url, channel, sender, "/restart"))
    assert reply.startswith("Oké, we beginnen opnieuw") and "Bron:" not in reply, reply
    events = stored(bot_stack, sender)
    after = [type_name for type_name, _ in events][[type_name for type_name, _ in events].index("restart"):]
    assert slot(events[len(events) - len(after):], "sector") is None
    # the next question is answered without the old profile
    assert "het hbo" not in texts_of(say(bot_url, channel, sender, "welke thema's zijn er?"))


def test_typed_commands_follow_an_english_conversation(bot_url):
    sender = str(uuid.uuid4())
    assert "Source:" in texts_of(say(bot_url, "rest", sender, "Is my tuition fee halved this year?"))
    assert texts_of(say(bot_url, "rest", sender, "/foo")).startswith("I don't know that command")
    assert texts_of(say(bot_url, "rest", sender, "/restart")).startswith("OK, let's start over")
    # the language stays after the restart
    assert "What would you like" in texts_of(say(bot_url, "rest", sender, "ok"))


@pytest.mark.parametrize("channel", list(WEBHOOKS))
def test_offered_buttons_still_work(bot_url, bot_stack, channel):
    sender = str(uuid.uuid4())
    greeting = say(bot_url, channel, sender, "hoi")
    assert "/student_check" in payloads(greeting)

    question = say(bot_url, channel, sender, "/student_check")  # the greeting's button
    assert MBO_PAYLOAD in payloads(question), question  # the form asks for the sector

    say(bot_url, channel, sender, MBO_PAYLOAD)  # the form's button, right after the question
    events = stored(bot_stack, sender)
    last_user = [data for type_name, data in events if type_name == "user"][-1]
    assert last_user["text"] == MBO_PAYLOAD
    assert last_user["parse_data"]["intent"] == {"name": "inform", "confidence": 1.0}
    assert slot(events, "sector") == "mbo"


def test_asking_for_the_student_check_again_while_it_runs_asks_once(bot_url):
    sender = str(uuid.uuid4())
    greeting = say(bot_url, "rest", sender, "hoi")
    assert "/student_check" in payloads(greeting)
    first = say(bot_url, "rest", sender, "/student_check")
    for typed in ("/student_check", "student check"):  # Rasa used to loop its fallback 10 times here
        again = say(bot_url, "rest", sender, typed)
        assert len(again) == 1, f"one reply per message, got {len(again)}: {again!r}"
    assert first[0]["text"] == "Wat voor opleiding volg je?"
