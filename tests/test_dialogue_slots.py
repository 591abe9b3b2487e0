"""Slots filled from NLU entities are validated (`action_validate_slot_mappings`): a value that is not
a known sector, role or theme keeps the value the slot had."""
from __future__ import annotations

import asyncio
import json
import sqlite3
import uuid
from pathlib import Path
from typing import Any, Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as act
from bot.measure.conversations import send

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def domain() -> Dict[str, Any]:
    return yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))


def tracker(earlier: Dict[str, Any], extracted: Dict[str, Any], text: str = "") -> Tracker:
    """A conversation whose slots were `earlier`, then a message whose entities Rasa put into the
    slots `extracted` (the trailing slot events the validation action checks)."""
    events: List[Dict[str, Any]] = [{"event": "user", "text": "eerder"}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in earlier.items()]
    events += [{"event": "action", "name": "action_answer"}, {"event": "action", "name": "action_listen"},
               {"event": "user", "text": text}]
    events += [{"event": "slot", "name": k, "value": v} for k, v in extracted.items()]
    return Tracker(
        sender_id="slots-test", slots={**earlier, **extracted, "requested_slot": None},
        latest_message={"intent": {"name": "inform"}, "entities": [], "text": text}, events=events,
        paused=False, followup_action=None, active_loop={}, latest_action_name="action_listen",
    )


def validated(domain, earlier: Dict[str, Any], extracted: Dict[str, Any]) -> Dict[str, Any]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(act.ValidateSlotMappings().run(dispatcher, tracker(earlier, extracted), domain))
    assert dispatcher.messages == []  # silent
    return {e["name"]: e["value"] for e in events}


def test_the_validation_action_is_in_the_domain(domain):
    assert "action_validate_slot_mappings" in domain["actions"]


@pytest.mark.parametrize("slot,good,bad", [
    ("sector", "hbo", "medische"),
    ("sector", "wo", "roc'er"),
    ("role", "student", "ouder"),
    ("theme", "3", "thema"),
    ("theme", "2", "2021"),
])
def test_an_unknown_value_keeps_the_previous_one(domain, slot, good, bad):
    assert validated(domain, {slot: good}, {slot: bad}) == {slot: good}


def test_an_unknown_value_without_a_previous_one_leaves_the_slot_empty(domain):
    assert validated(domain, {}, {"sector": "hbo-v"}) == {"sector": None}


def test_known_values_are_taken_and_themes_stored_as_their_number(domain):
    assert validated(domain, {"sector": "hbo"}, {"sector": "mbo"}) == {"sector": "mbo"}
    assert validated(domain, {"role": "student"}, {"role": "instelling"}) == {"role": "instelling"}
    assert validated(domain, {}, {"theme": "thema 4"}) == {"theme": "4"}


def test_other_slots_are_left_to_rasa(domain):
    assert validated(domain, {}, {"scheme": "reisrecht", "year": "2021"}) == {}


def test_a_message_with_an_unknown_sector_is_not_answered_for_the_kept_one():
    """"ik ben roc'er" after "ik ben wo-student": the slot keeps wo, but this message is not
    confirmed or answered as if the user had said wo."""
    trk = tracker({"sector": "wo"}, {"sector": "wo"}, "ik ben roc'er")
    trk.latest_message["entities"] = [{"entity": "sector", "value": "roc'er"}]
    assert act.build_context(trk).sector is None
    trk.latest_message["entities"] = []
    assert act.build_context(trk).sector == "wo"


# --------------------------------------------------------------------------- over REST

def slot_values(bot_stack, sender: str, name: str) -> List[Any]:
    with sqlite3.connect(bot_stack.tracker_db) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? AND type_name = 'slot' ORDER BY id",
                                  (sender,)).fetchall()
    return [json.loads(data)["value"] for (data,) in rows if json.loads(data)["name"] == name]


@pytest.mark.http
def test_an_entity_nlu_cannot_map_does_not_overwrite_the_profile(bot_url, bot_stack):
    user = f"slots-{uuid.uuid4()}"
    send(bot_url, user, "ik ben wo-student")
    reply = send(bot_url, user, "ik studeer medische")  # NLU tags "medische" as a sector, unmapped
    assert "het wo" not in reply  # not confirmed as the kept sector
    assert slot_values(bot_stack, user, "sector")[-1] == "wo"
    assert "medische" not in slot_values(bot_stack, user, "sector")
    reply = send(bot_url, user, "welke thema's zijn er voor mij?")
    assert "voor het wo" in reply and "Thema 4" in reply
