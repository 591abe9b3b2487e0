"""A Dutch conversation stays Dutch on a short or mixed message ("mbo please" after a follow-up):
only a session's first message is read on its own (`actions.actions.language_of`); later messages
keep the conversation's language (Dutch while the slot is empty) unless they are clearly another."""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as act
from bot.measure.conversations import send

ENGLISH = ("Thanks, I'll remember", "The letter says", "Source:", "There is more", "What would you like")


def tracker(texts: List[str], language: Optional[str], intent: str = "inform",
            entities: Optional[Dict[str, str]] = None, session_start: bool = False) -> Tracker:
    events: List[Dict[str, Any]] = []
    if session_start:
        events.append({"event": "session_started"})
    for text in texts:
        events += [{"event": "user", "text": text}, {"event": "action", "name": "action_answer"}]
    events.pop()
    ents = [{"entity": k, "value": v} for k, v in (entities or {}).items()]
    return Tracker(
        sender_id="language-test", slots={"language": language, "requested_slot": None},
        latest_message={"intent": {"name": intent, "confidence": 0.9}, "entities": ents, "text": texts[-1]},
        events=events, paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )


def test_only_a_sessions_first_message_is_read_on_its_own():
    assert act.language_of(tracker(["mbo please"], None)) == "en"  # nothing to keep: the likelier one
    assert act.language_of(tracker(["hallo", "mbo please"], None)) == "nl"  # a Dutch conversation


@pytest.mark.parametrize("junk", ["mbo please", "hbo okay", "mbo student okay", "yes mbo", "mbo right"])
def test_a_short_mixed_message_later_in_a_conversation_keeps_dutch(junk):
    earlier = ["krijg ik korting op mijn collegegeld?", "en voor het mbo?"]
    assert act.language_of(tracker(earlier + [junk], "nl")) == "nl"
    # a conversation stored before the language was recorded for Dutch: not read as a first message
    assert act.language_of(tracker(earlier + [junk], None)) == "nl"


def test_clear_english_switches_a_dutch_conversation_or_session():
    assert act.language_of(tracker(["Is my tuition fee halved this year?"], None)) == "en"
    old_session = tracker(["hallo", "Is my tuition fee halved this year?"], None, session_start=True)
    old_session.events.insert(0, {"event": "user", "text": "hoi"})
    assert act.language_of(old_session) == "en"  # clear English switches anyway


def test_the_profile_statement_is_confirmed_in_the_conversations_language():
    trk = tracker(["hallo", "hbo okay"], None, entities={"sector": "hbo"})
    dispatcher = CollectingDispatcher()
    events = asyncio.run(act.ActionAnswer().run(dispatcher, trk, {}))
    text = dispatcher.messages[0]["text"]
    assert text.startswith("Fijn, dat onthoud ik: het gaat om het hbo"), text
    assert not [e for e in events if e.get("name") == "language"]


# --------------------------------------------------------------------------- over REST

def dutch(reply: str) -> str:
    assert not [frame for frame in ENGLISH if frame in reply], reply
    return reply


@pytest.mark.http
def test_junk_after_a_follow_up_keeps_the_conversation_dutch(bot_url):
    user = f"lang-{uuid.uuid4()}"
    dutch(send(bot_url, user, "krijg ik korting op mijn collegegeld?"))
    dutch(send(bot_url, user, "en voor het mbo?"))
    assert "Bron:" in dutch(send(bot_url, user, "mbo please"))


@pytest.mark.http
def test_a_profile_statement_after_a_greeting_is_confirmed_in_dutch(bot_url):
    user = f"lang-{uuid.uuid4()}"
    dutch(send(bot_url, user, "hallo"))
    assert "Fijn, dat onthoud ik" in dutch(send(bot_url, user, "mbo please"))
    assert "Fijn, dat onthoud ik" in dutch(send(bot_url, user, "hbo okay"))


@pytest.mark.http
def test_an_english_conversation_stays_english_on_junk(bot_url):
    user = f"lang-{uuid.uuid4()}"
    assert "Source:" in send(bot_url, user, "Is my tuition fee halved this year?")
    reply = send(bot_url, user, "mbo ok")
    assert "Fijn" not in reply and "Bron:" not in reply
