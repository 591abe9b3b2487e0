"""A question NLU files under `student_check` or `institution_advice` is answered; only a request
for the check itself (or its button) starts the form (`action_route_form`, `answers.starts_form`).
"""
from __future__ import annotations

import asyncio
import uuid
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import actions as act
from actions import answers
from bot.measure.conversations import send

ASKS_SECTOR = "Wat voor opleiding volg je?"
ASKS_THEME = "Waar wil je iets aan doen?"

CHECK_REQUESTS = [
    "doe de studentencheck",
    "wat geldt er voor mij als student?",
    "voor welke regelingen kom ik als student in aanmerking",
    "check wat ik als student krijg",
    "wat kan ik als student allemaal krijgen",
    "welke regelingen zijn er eigenlijk voor mij",
    "ik heb een aanvullende beurs, wat krijg ik",
    "/student_check",
]
STUDENT_QUESTIONS = [
    "welke compensatie krijg ik als student voor studievertraging?",
    "hoeveel korting krijg ik op mijn collegegeld als hbo-student?",
    "krijg ik als student geld terug voor mijn ov?",
]
ADVICE_REQUESTS = [
    "kun je ons helpen kiezen welke acties we moeten doen",
    "wij zijn een roc en willen iets doen aan het stagetekort, wat raden jullie aan",
    "wij zijn een roc met een flink tekort aan stageplekken, wat adviseer je",
    "onze universiteit zoekt advies over passende acties",
    "help ons kiezen",
    "advies voor onze onderwijsinstelling graag",
    "/institution_advice",
]
ADVICE_QUESTIONS = [
    "welke acties mag mijn mbo-school kiezen voor stages?",
    "welke acties moeten wij als universiteit kiezen tegen studievertraging",
    "mogen wij als hogeschool externe bureaus inhuren voor stagebegeleiding?",
    "hoeveel geld krijgt onze hogeschool voor de acties",
]


def context(intent: str, text: str, language: str = "nl", **entities: str) -> answers.Context:
    return answers.Context(intent=intent, text=text, language=language, **entities)


CASES = ([("student_check", text, True) for text in CHECK_REQUESTS]
         + [("student_check", text, False) for text in STUDENT_QUESTIONS]
         + [("institution_advice", text, True) for text in ADVICE_REQUESTS]
         + [("institution_advice", text, False) for text in ADVICE_QUESTIONS])


@pytest.mark.parametrize("intent,text,form", CASES)
def test_a_request_starts_the_form_and_a_question_is_answered(intent, text, form):
    assert answers.starts_form(context(intent, text)) is form


def test_a_named_scheme_makes_a_question_but_a_grant_belongs_to_the_check():
    assert not answers.starts_form(context("student_check", "wat krijg ik", scheme="reisrecht"))
    assert answers.starts_form(context("student_check", "wat krijg ik", scheme="compensatie_beurs"))


def test_english_requests_and_questions():
    assert answers.starts_form(context("student_check", "I'm a student, which schemes apply to me", "en"))
    assert answers.starts_form(context("student_check", "what can I claim as a student", "en"))
    assert answers.starts_form(context("institution_advice", "could you advise our university on the actions", "en"))
    assert not answers.starts_form(context("student_check", "do I get a discount on my tuition fee as a student",
                                           "en"))


# --------------------------------------------------------------------------- the actions

def tracker(intent: str, text: str, entities: Optional[Dict[str, str]] = None) -> Tracker:
    ents = [{"entity": k, "value": v} for k, v in (entities or {}).items()]
    return Tracker(
        sender_id="routing-test", slots={"requested_slot": None, "language": "nl"},
        latest_message={"intent": {"name": intent, "confidence": 0.9}, "entities": ents, "text": text},
        events=[{"event": "user", "text": text}], paused=False, followup_action=None, active_loop={},
        latest_action_name="action_listen",
    )


def run(action, trk: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, trk, {}))
    return dispatcher.messages, events


def route(intent: str, text: str, entities: Optional[Dict[str, str]] = None) -> List[Dict[str, Any]]:
    messages, events = run(act.ActionRouteForm(), tracker(intent, text, entities))
    assert messages == []
    return events


def test_the_routing_action_sets_the_slot_the_rules_branch_on():
    assert route("student_check", "doe de studentencheck") == [
        {"event": "slot", "timestamp": None, "name": "form_route", "value": "form"}]
    assert route("institution_advice", "welke acties mag mijn mbo-school kiezen voor stages?",
                 {"sector": "mbo", "theme": "3"})[0]["value"] == "answer"


def test_an_advice_question_is_answered_as_a_question_about_actions():
    trk = tracker("institution_advice", "welke acties mag mijn mbo-school kiezen voor stages?",
                  {"sector": "mbo", "theme": "3"})
    messages, _ = run(act.ActionAnswer(), trk)
    text = messages[0]["text"]
    assert text.startswith("Acties bij thema 3") and "(het mbo)" in text and ASKS_THEME not in text


# --------------------------------------------------------------------------- over REST

def new_user() -> str:
    return f"route-{uuid.uuid4()}"


@pytest.mark.http
def test_a_question_nlu_reads_as_a_student_check_gets_the_answer(bot_url):
    reply = send(bot_url, new_user(), "welke compensatie krijg ik als student voor studievertraging?")
    assert ASKS_SECTOR not in reply
    assert "studievertraging" in reply and "Bron:" in reply


@pytest.mark.http
def test_a_question_nlu_reads_as_advice_gets_the_answer(bot_url):
    reply = send(bot_url, new_user(), "welke acties moeten wij als universiteit kiezen tegen studievertraging")
    assert ASKS_THEME not in reply and "Bron:" in reply


@pytest.mark.http
def test_the_check_and_the_advisor_still_start_when_asked_for(bot_url):
    assert ASKS_SECTOR in send(bot_url, new_user(), "doe de studentencheck")
    assert ASKS_SECTOR in send(bot_url, new_user(), "wat geldt er voor mij als student?")
    user = new_user()
    assert "Voor welke sector" in send(bot_url, user, "kun je ons helpen kiezen welke acties we moeten doen")
    reply = send(bot_url, new_user(), "wij zijn een roc en willen iets doen aan het stagetekort, wat raden jullie aan")
    assert reply.startswith("Passende acties voor het mbo bij thema 3")
