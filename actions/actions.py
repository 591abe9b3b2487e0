"""Rasa custom actions: thin classes that read the tracker, ask `actions.answers`, and reply.

The knowledge base is opened lazily once per process (read-only). When it cannot be read, the
user gets a short Dutch apology instead of silence, and the error is logged.
"""
from __future__ import annotations

import json
import logging
from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers, texts
from knowledge import SECTORS, KnowledgeBaseError, open_kb

logger = logging.getLogger(__name__)

ROLES = ("student", "instelling", "school")
THEMES = tuple(str(n) for n in range(1, 7))
FOLLOW_UP_ENTITIES = ("sector", "role", "theme", "scheme", "budget_rule", "year")
MORE_SEPARATOR = "\u241f"  # stores (source, text) pairs in the list slot `more_items`


def get_kb():
    """The shared read-only knowledge base (opened on first use, then reused)."""
    return open_kb()


def latest_entity(tracker: Tracker, name: str) -> Optional[str]:
    """The entity's value in the latest user message (after synonym mapping), if any."""
    values = [e.get("value") for e in tracker.latest_message.get("entities", []) if e.get("entity") == name]
    return str(values[-1]) if values and values[-1] is not None else None


def latest_intent(tracker: Tracker) -> Text:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def _valid(value: Optional[str], allowed) -> Optional[str]:
    return value if value in allowed else None


def build_context(tracker: Tracker, intent: Optional[str] = None) -> answers.Context:
    """Profile slots persist; question-specific details come from the latest message only.

    Values NLU could not map to a canonical one (e.g. "medische" without its synonym) are
    ignored rather than passed on as an unknown sector.
    """
    def pick(name: str, allowed) -> Optional[str]:
        return _valid(latest_entity(tracker, name), allowed) or _valid(tracker.get_slot(name), allowed)

    return answers.Context(
        intent=intent or latest_intent(tracker),
        text=tracker.latest_message.get("text") or "",
        sector=pick("sector", SECTORS),
        role=pick("role", ROLES),
        theme=pick("theme", THEMES),
        scheme=latest_entity(tracker, "scheme"),
        budget_rule=latest_entity(tracker, "budget_rule"),
        year=latest_entity(tracker, "year"),
    )


def has_new_details(tracker: Tracker) -> bool:
    return any(latest_entity(tracker, name) for name in FOLLOW_UP_ENTITIES)


def _buttons(pairs) -> List[Dict[Text, Text]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def send(dispatcher: CollectingDispatcher, answer: answers.Answer) -> List[EventType]:
    """Utter an answer's first page; remember the rest for "meer"."""
    text, remaining = answers.render(answer)
    buttons = _buttons(answer.buttons)
    if remaining:
        buttons.append({"title": texts.MORE_BUTTON, "payload": "/more"})
    dispatcher.utter_message(text=text, buttons=buttons or None)
    stored = [f"{item.source or ''}{MORE_SEPARATOR}{item.text}" for item in remaining]
    events: List[EventType] = [SlotSet("more_items", stored or None)]
    if answer.question:
        events.append(SlotSet("last_question", answer.question))
    return events


def leave_active_form(tracker: Tracker) -> List[EventType]:
    """A question in the middle of a form ends the form: the user changed their mind."""
    if tracker.active_loop.get("name"):
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
    return []


def apologise(dispatcher: CollectingDispatcher, error: Exception) -> List[EventType]:
    logger.error("Knowledge base unavailable: %s", error)
    dispatcher.utter_message(text=texts.KB_UNAVAILABLE)
    return []


class ActionAnswer(Action):
    """Answers every question intent (and follow-ups) from the knowledge base."""

    def name(self) -> Text:
        return "action_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        ctx = build_context(tracker)
        try:
            answer = answers.answer(get_kb(), ctx, last_question=tracker.get_slot("last_question"),
                                    new_details=has_new_details(tracker))
        except KnowledgeBaseError as error:
            return apologise(dispatcher, error)
        return leave_active_form(tracker) + send(dispatcher, answer)


class ActionMore(Action):
    """Shows the next page of the last long list."""

    def name(self) -> Text:
        return "action_more"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        stored = tracker.get_slot("more_items") or []
        if not stored:
            text = tracker.latest_message.get("text") or ""
            if len(text.split()) > 2:  # "meer" inside a longer message is not a request for more
                try:
                    return send(dispatcher, answers.search_answer(get_kb(), text))
                except KnowledgeBaseError as error:
                    return apologise(dispatcher, error)
            dispatcher.utter_message(text=texts.NO_MORE)
            return []
        items = []
        for entry in stored:
            source, _, text = str(entry).partition(MORE_SEPARATOR)
            items.append(answers.Item(text, source or None))
        return send(dispatcher, answers.Answer(items=items))


class ActionSearchFallback(Action):
    """Low NLU confidence: answer from the best passage only when it clearly matches."""

    def name(self) -> Text:
        return "action_search_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            answer = answers.fallback_answer(get_kb(), build_context(tracker), tracker.get_slot("last_question"),
                                             new_details=has_new_details(tracker))
        except KnowledgeBaseError as error:
            return apologise(dispatcher, error)
        return leave_active_form(tracker) + send(dispatcher, answer)


class ActionStudentCheck(Action):
    """Result of the student form: every scheme that applies."""

    def name(self) -> Text:
        return "action_student_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            answer = answers.student_check(get_kb(), tracker.get_slot("sector"), tracker.get_slot("has_grant"))
        except KnowledgeBaseError as error:
            return apologise(dispatcher, error)
        return send(dispatcher, answer) + [SlotSet("role", "student")]


class ActionAdvisorResult(Action):
    """Result of the institution advisor: actions for a sector and a theme."""

    def name(self) -> Text:
        return "action_advisor_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            answer = answers.advisor_result(get_kb(), tracker.get_slot("sector"), tracker.get_slot("theme"))
        except KnowledgeBaseError as error:
            return apologise(dispatcher, error)
        return send(dispatcher, answer)


def _inform_buttons(slot: Text, pairs) -> List[Dict[Text, Text]]:
    buttons = [
        {"title": title, "payload": "/inform" + json.dumps({slot: value}, separators=(",", ":"))}
        for title, value in pairs
    ]
    return buttons + [{"title": texts.STOP, "payload": "/stop"}]


class AskWithButtons(Action, metaclass=ABCMeta):
    """Asks for a form slot with quick-reply buttons (Rasa calls `action_ask_<form>_<slot>`)."""

    action_name: Text
    question: Text

    def name(self) -> Text:
        return self.action_name

    @abstractmethod
    def buttons(self, tracker: Tracker) -> List[Dict[Text, Text]]:
        """The quick replies; may read the knowledge base."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            buttons = self.buttons(tracker)
        except KnowledgeBaseError as error:
            return apologise(dispatcher, error)
        dispatcher.utter_message(text=self.question, buttons=buttons)
        return []


class AskStudentSector(AskWithButtons):
    action_name = "action_ask_student_form_sector"
    question = texts.ASK_STUDENT_SECTOR

    def buttons(self, tracker: Tracker) -> List[Dict[Text, Text]]:
        return _inform_buttons("sector", texts.STUDENT_SECTOR_BUTTONS)


class AskHasGrant(AskWithButtons):
    action_name = "action_ask_student_form_has_grant"
    question = texts.ASK_HAS_GRANT

    def buttons(self, tracker: Tracker) -> List[Dict[Text, Text]]:
        return _buttons([(texts.YES, "/affirm"), (texts.NO, "/deny"), (texts.STOP, "/stop")])


class AskAdvisorSector(AskWithButtons):
    action_name = "action_ask_advisor_form_sector"
    question = texts.ASK_ADVISOR_SECTOR

    def buttons(self, tracker: Tracker) -> List[Dict[Text, Text]]:
        return _inform_buttons("sector", texts.ADVISOR_SECTOR_BUTTONS)


class AskAdvisorTheme(AskWithButtons):
    action_name = "action_ask_advisor_form_theme"
    question = texts.ASK_ADVISOR_THEME

    def buttons(self, tracker: Tracker) -> List[Dict[Text, Text]]:
        themes = get_kb().themes(tracker.get_slot("sector"))
        return _inform_buttons("theme", [(f"{t.number}. {t.title}", str(t.number)) for t in themes])


class ValidateStudentForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_student_form"

    async def extract_has_grant(self, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        """"Ik heb een aanvullende beurs" in the opening message answers the question already."""
        if tracker.get_slot("has_grant") is None and latest_entity(tracker, "scheme") == "compensatie_beurs":
            if latest_intent(tracker) != "deny":
                return {"has_grant": True}
        return {}

    def validate_sector(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value in answers.STUDENT_SECTORS:
            return {"sector": slot_value}
        dispatcher.utter_message(text=texts.INVALID_STUDENT_SECTOR)
        return {"sector": None}


class ValidateAdvisorForm(FormValidationAction):
    def name(self) -> Text:
        return "validate_advisor_form"

    def validate_sector(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value in answers.ADVISOR_SECTORS:
            return {"sector": slot_value}
        dispatcher.utter_message(text=texts.INVALID_ADVISOR_SECTOR)
        return {"sector": None}

    def validate_theme(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        number = answers.parse_theme(slot_value)
        if number is not None:
            return {"theme": str(number)}
        dispatcher.utter_message(text=texts.INVALID_THEME)
        return {"theme": None}
