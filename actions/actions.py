"""Rasa custom actions: thin classes that read the tracker, ask `actions.answers`, and reply.

The knowledge base is opened lazily once per process (read-only). Every action that reads it
derives from `KnowledgeAction` (form validators from `KnowledgeFormValidation`): when it cannot
be read, the user gets a short Dutch apology instead of silence, and the error is logged.
"""
from __future__ import annotations

import json
import logging
import re
from abc import ABCMeta, abstractmethod
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, FormValidationAction, Tracker, ValidationAction
from rasa_sdk.events import ActionExecuted, ActiveLoop, EventType, FollowupAction, Restarted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import answers, record, referral
from actions.language import DEFAULT as DEFAULT_LANGUAGE, conversation_language, requested_language
from bot.channels.redact import without_placeholders
from knowledge import SECTORS, KnowledgeBaseError, open_kb

logger = logging.getLogger(__name__)

ROLES = ("student", "instelling", "school")
FOLLOW_UP_ENTITIES = ("sector", "role", "theme", "scheme", "budget_rule", "year")


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


# A theme as NLU's synonyms give it ("3") or as typed ("thema 3"); "2021" is no theme.
_THEME_VALUE_RE = re.compile(r"(?:thema\s*)?([1-9])", re.IGNORECASE)


def theme_value(value: Any) -> Any:
    """"thema 3" as "3"; any other value as it is."""
    number = _THEME_VALUE_RE.fullmatch(str(value).strip()) if value is not None else None
    return number.group(1) if number else value


def _theme_values() -> Tuple[str, ...]:
    try:
        return tuple(str(t.number) for t in get_kb().themes())
    except KnowledgeBaseError:
        return ()


def _earlier_user_message(tracker: Tracker) -> bool:
    """Did the user say anything in this session before the latest message?"""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            break
        if event.get("event") == "user":
            users += 1
            if users > 1:
                return True
    return False


def language_of(tracker: Tracker) -> str:
    """The conversation's language after the latest message (kept in the `language` slot, which
    does not influence the dialogue). A button payload ("/inform{...}") keeps the language.

    Only a session's first message is read on its own (then there is no language to keep). The
    slot stays empty while the conversation is Dutch (the default), so a later message with an
    empty slot is in a Dutch conversation: it switches only when it is clearly English ("mbo
    please" after two Dutch questions is short and mixed, not a switch)."""
    current = tracker.get_slot("language")
    if current is None and _earlier_user_message(tracker):
        current = DEFAULT_LANGUAGE
    # (without the redaction's placeholders: "[e-mail]" has brackets, which read as code)
    return conversation_language(without_placeholders(tracker.latest_message.get("text") or ""), current)


def language_event(tracker: Tracker) -> List[EventType]:
    """Remember the language when this message set or changed it."""
    language = language_of(tracker)
    unchanged = (tracker.get_slot("language") or DEFAULT_LANGUAGE) == language
    return [] if unchanged else [SlotSet("language", language)]


def build_context(tracker: Tracker, intent: Optional[str] = None) -> answers.Context:
    """Profile slots persist; question-specific details come from the latest message only.

    Values NLU could not map to a canonical one (e.g. "medische" without its synonym) are
    ignored rather than passed on as an unknown sector; the profile's value is not used for that
    message either ("ik ben roc'er" is not about the wo the user named before), but the slot
    keeps it for the next (ValidateSlotMappings).
    """
    def pick(name: str, allowed) -> Optional[str]:
        named = latest_entity(tracker, name)
        if named is not None and name == "theme":
            named = theme_value(named)
        if named is not None:
            return _valid(named, allowed)
        return _valid(tracker.get_slot(name), allowed)

    return answers.Context(
        intent=intent or latest_intent(tracker),
        text=without_placeholders(tracker.latest_message.get("text") or ""),
        sector=pick("sector", SECTORS),
        role=pick("role", ROLES),
        theme=pick("theme", _theme_values()),
        scheme=latest_entity(tracker, "scheme"),
        budget_rule=latest_entity(tracker, "budget_rule"),
        year=latest_entity(tracker, "year"),
        language=language_of(tracker),
    )


def has_new_details(tracker: Tracker) -> bool:
    return any(latest_entity(tracker, name) for name in FOLLOW_UP_ENTITIES)


def _buttons(pairs) -> List[Dict[Text, Text]]:
    return [{"title": title, "payload": payload} for title, payload in pairs]


def utter(dispatcher: CollectingDispatcher, text: Text, buttons: Optional[List[Dict[Text, Text]]], kind: Text,
          citations=(), language: Text = DEFAULT_LANGUAGE) -> None:
    """Say a reply with its record for the report (actions.record); a reply that says the bot
    does not know gets the operator's referral (actions.referral), if one is configured."""
    if kind in record.NOT_KNOWN:
        extra = referral.line(language=language)
        if extra:
            text = f"{text}\n{extra}"
    dispatcher.utter_message(text=text, buttons=buttons or None,
                             **record.reply_metadata(kind, citations, language))


def send(dispatcher: CollectingDispatcher, answer: answers.Answer) -> List[EventType]:
    """Utter an answer's first page; remember the rest for "meer"."""
    text, remaining = answers.render(answer)
    buttons = _buttons(answer.buttons)
    if remaining:
        buttons.append({"title": answers.texts_for(answer.language).MORE_BUTTON, "payload": "/more"})
    citations = [item.cite for item in answer.shown if item.cite is not None]
    # A factual answer shows its source; without one it is a question back ("which theme?").
    kind = answer.kind if answer.kind != record.ANSWERED or citations else record.DIALOGUE
    utter(dispatcher, text, buttons, kind, citations, answer.language)
    events: List[EventType] = [SlotSet("more_items", answers.stored_items(remaining) or None)]
    if answer.question:
        events.append(SlotSet("last_question", answer.question))
    return events


def leave_active_form(tracker: Tracker) -> List[EventType]:
    """A question in the middle of a form ends the form: the user changed their mind."""
    if tracker.active_loop.get("name"):
        return [ActiveLoop(None), SlotSet("requested_slot", None)]
    return []


def answered_this_turn(tracker: Tracker) -> bool:
    """Did action_answer already run since the user's latest message?"""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "action" and event.get("name") == "action_answer":
            return True
    return False


class KnowledgeAction(Action, metaclass=ABCMeta):
    """Every action that reads the knowledge base: one place for the "cannot read it" apology."""

    @abstractmethod
    def name(self) -> Text:
        """The action's name in the domain."""

    @abstractmethod
    async def respond(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        """Reply using the knowledge base; may raise KnowledgeBaseError."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[EventType]:
        try:
            return await self.respond(dispatcher, tracker, domain)
        except KnowledgeBaseError as error:
            logger.error("Knowledge base unavailable: %s", error)
            language = language_of(tracker)
            utter(dispatcher, answers.texts_for(language).KB_UNAVAILABLE, None, record.ERROR, language=language)
            return []


class KnowledgeFormValidation(KnowledgeAction, FormValidationAction):
    """A form's validator that reads the knowledge base (its messages name KB facts)."""

    async def respond(self, dispatcher, tracker, domain) -> List[EventType]:
        return await FormValidationAction.run(self, dispatcher, tracker, domain)


# Dialogue acts that have their own response; a message NLU files under one of them is still
# answered from the documents when it clearly holds a question they answer ("hoi, krijg ik
# korting op mijn lesgeld?").
ACT_REPLIES = {
    "greet": "greet",
    "goodbye": "goodbye",
    "thank": "thank",
    "help": "help",
    "out_of_scope": "out_of_scope",
    "affirm": "affirm_without_context",
    "deny": "affirm_without_context",
    "stop": "affirm_without_context",
}


# A question NLU filed as a request for a form (action_route_form sent it here) is answered as
# the question it is: "welke acties mag mijn mbo-school kiezen voor stages?" asks for actions.
ROUTED_INTENTS = {"institution_advice": "ask_actions"}
FORM_ROUTE_SLOT = "form_route"


class ActionRouteForm(Action):
    """Runs before the student check and the advisor: a request for the check itself starts the
    form, a question about one subject goes to the answer engine (the rules branch on the
    `form_route` slot)."""

    def name(self) -> Text:
        return "action_route_form"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        route = "form" if answers.starts_form(build_context(tracker)) else "answer"
        return [SlotSet(FORM_ROUTE_SLOT, route)]


# Acts that close or open a conversation. NLU falls back when two of them tie ("thanks, bye":
# goodbye 0.49, thank 0.45), but either reply fits better than "Dat kan ik niet vinden".
SOCIAL_ACTS = ("greet", "thank", "goodbye")


def settled_act(tracker: Tracker) -> Optional[Text]:
    """The top act when NLU fell back between two social acts, else None (NLU's intent stands)."""
    if latest_intent(tracker) != "nlu_fallback":
        return None
    ranking = [r.get("name") for r in tracker.latest_message.get("intent_ranking") or []
               if r.get("name") != "nlu_fallback"]
    return ranking[0] if len(ranking) >= 2 and ranking[0] in SOCIAL_ACTS and ranking[1] in SOCIAL_ACTS else None


class ActionAnswer(KnowledgeAction):
    """Every message outside the forms: the answer engine decides, NLU's dialogue act is a prior."""

    def name(self) -> Text:
        return "action_answer"

    async def respond(self, dispatcher, tracker, domain) -> List[EventType]:
        if answered_this_turn(tracker):
            # Rasa predicted this action again for the same message (its core fallback): one
            # reply per message, then listen.
            return [FollowupAction("action_listen")]
        ctx = build_context(tracker, ROUTED_INTENTS.get(latest_intent(tracker)) or settled_act(tracker))
        if requested_language(ctx.text):  # "in het Nederlands graag", "do you speak English?"
            utter(dispatcher, answers.texts_for(ctx.language).LANGUAGE_SET, None, record.DIALOGUE, language=ctx.language)
            return language_event(tracker)
        act_reply = ACT_REPLIES.get(ctx.intent)
        # "Giving a detail" without any detail ("zullen we een spelletje doen") is answered from the
        # documents only when it clearly holds a question, like the other dialogue acts.
        empty_inform = ctx.intent == "inform" and not has_new_details(tracker)
        answer = answers.respond(get_kb(), ctx, last_question=tracker.get_slot("last_question"),
                                 new_details=has_new_details(tracker), strict=act_reply is not None or empty_inform)
        if answer is None and act_reply is None:
            answer = answers.dont_know(ctx.language)
        if answer is None:
            text, buttons = answers.act_reply(get_kb(), act_reply, ctx.language)
            kind = record.OUT_OF_SCOPE if act_reply == "out_of_scope" else record.DIALOGUE
            utter(dispatcher, text, _buttons(buttons), kind, language=ctx.language)
            return language_event(tracker)
        return leave_active_form(tracker) + send(dispatcher, answer) + language_event(tracker)


class ActionMore(KnowledgeAction):
    """Shows the next page of the last long list."""

    def name(self) -> Text:
        return "action_more"

    async def respond(self, dispatcher, tracker, domain) -> List[EventType]:
        stored = tracker.get_slot("more_items") or []
        language = language_of(tracker)
        if not answers.asks_for_more(tracker.latest_message.get("text") or "", language):
            # "and next year?", "meer over stages": a question NLU read as "more"
            return await ActionAnswer().respond(dispatcher, tracker, domain)
        if not stored:
            dispatcher.utter_message(text=answers.texts_for(language).NO_MORE)
            return language_event(tracker)
        page = answers.Answer(intro=answers.texts_for(language).MORE_INTRO, items=answers.restored_items(stored),
                              language=language)
        return send(dispatcher, page) + language_event(tracker)


class ActionStudentCheck(KnowledgeAction):
    """Result of the student form: every scheme that applies."""

    def name(self) -> Text:
        return "action_student_check"

    async def respond(self, dispatcher, tracker, domain) -> List[EventType]:
        answer = answers.student_check(get_kb(), tracker.get_slot("sector"), tracker.get_slot("has_grant"),
                                       language_of(tracker))
        return send(dispatcher, answer) + [SlotSet("role", "student")] + language_event(tracker)


class ActionAdvisorResult(KnowledgeAction):
    """Result of the institution advisor: actions for a sector and a theme."""

    def name(self) -> Text:
        return "action_advisor_result"

    async def respond(self, dispatcher, tracker, domain) -> List[EventType]:
        answer = answers.advisor_result(get_kb(), tracker.get_slot("sector"), tracker.get_slot("theme"),
                                        language_of(tracker))
        return send(dispatcher, answer) + language_event(tracker)


def _inform_buttons(slot: Text, pairs, language: str) -> List[Dict[Text, Text]]:
    buttons = [
        {"title": title, "payload": "/inform" + json.dumps({slot: value}, separators=(",", ":"))}
        for title, value in pairs
    ]
    return buttons + [{"title": answers.texts_for(language).STOP, "payload": "/stop"}]


class AskWithButtons(KnowledgeAction):
    """Asks for a form slot with quick-reply buttons (Rasa calls `action_ask_<form>_<slot>`), in the
    conversation's language."""

    action_name: Text
    question: Text  # the name of the question in actions.texts / texts_en

    def name(self) -> Text:
        return self.action_name

    def ask(self, language: str = DEFAULT_LANGUAGE) -> Text:
        """The question; may read the knowledge base."""
        return getattr(answers.texts_for(language), self.question)

    @abstractmethod
    def buttons(self, tracker: Tracker, language: str) -> List[Dict[Text, Text]]:
        """The quick replies; may read the knowledge base."""

    async def respond(self, dispatcher, tracker, domain) -> List[EventType]:
        language = language_of(tracker)
        dispatcher.utter_message(text=self.ask(language), buttons=self.buttons(tracker, language))
        return language_event(tracker)


class AskStudentSector(AskWithButtons):
    action_name = "action_ask_student_form_sector"
    question = "ASK_STUDENT_SECTOR"

    def buttons(self, tracker: Tracker, language: str) -> List[Dict[Text, Text]]:
        sectors = answers.sector_buttons(answers.student_sectors(get_kb()), language)
        return _inform_buttons("sector", sectors, language)


class AskHasGrant(AskWithButtons):
    action_name = "action_ask_student_form_has_grant"

    def ask(self, language: str = DEFAULT_LANGUAGE) -> Text:
        return answers.ask_has_grant(get_kb(), language)

    def buttons(self, tracker: Tracker, language: str) -> List[Dict[Text, Text]]:
        t = answers.texts_for(language)
        return _buttons([(t.YES, "/affirm"), (t.NO, "/deny"), (t.STOP, "/stop")])


class AskAdvisorSector(AskWithButtons):
    action_name = "action_ask_advisor_form_sector"
    question = "ASK_ADVISOR_SECTOR"

    def buttons(self, tracker: Tracker, language: str) -> List[Dict[Text, Text]]:
        sectors = answers.sector_buttons(answers.advisor_sectors(get_kb()), language)
        return _inform_buttons("sector", sectors, language)


class AskAdvisorTheme(AskWithButtons):
    action_name = "action_ask_advisor_form_theme"
    question = "ASK_ADVISOR_THEME"

    def buttons(self, tracker: Tracker, language: str) -> List[Dict[Text, Text]]:
        themes = get_kb().themes(tracker.get_slot("sector"))
        choice = answers.texts_for(language).THEME_CHOICE
        return _inform_buttons("theme", [(choice.format(number=t.number, title=t.title), str(t.number))
                                         for t in themes], language)


class ActionFormStopped(Action):
    """Said when the user stops a form halfway."""

    def name(self) -> Text:
        return "action_form_stopped"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        dispatcher.utter_message(text=answers.texts_for(language_of(tracker)).FORM_STOPPED)
        return language_event(tracker)


class ValidateStudentForm(KnowledgeFormValidation):
    def name(self) -> Text:
        return "validate_student_form"

    async def extract_has_grant(self, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        """"Ik heb een aanvullende beurs" in the opening message answers the question already; a
        question about the grant ("wat is een aanvullende beurs?") does not, and is answered; a
        request for the check that asks what it gives ("ik heb een aanvullende beurs, wat krijg ik")
        still says so."""
        if tracker.get_slot("has_grant") is None and latest_entity(tracker, "scheme") == "compensatie_beurs":
            intent = latest_intent(tracker)
            asks_about_it = intent != "student_check" and answers.is_a_question(build_context(tracker))
            if intent != "deny" and not asks_about_it:
                return {"has_grant": True}
        return {}

    def validate_sector(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value in answers.STUDENT_SECTORS:
            return {"sector": slot_value}
        dispatcher.utter_message(text=answers.invalid_student_sector(get_kb(), language_of(tracker)))
        return {"sector": None}


class ValidateAdvisorForm(KnowledgeFormValidation):
    def name(self) -> Text:
        return "validate_advisor_form"

    def validate_sector(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        if slot_value in answers.ADVISOR_SECTORS:
            return {"sector": slot_value}
        dispatcher.utter_message(text=answers.invalid_advisor_sector(get_kb(), language_of(tracker)))
        return {"sector": None}

    def validate_theme(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        number = answers.parse_theme(slot_value)
        if number is not None:
            return {"theme": str(number)}
        invalid = answers.texts_for(language_of(tracker)).INVALID_THEME
        dispatcher.utter_message(text=invalid.format(count=len(get_kb().themes())))
        return {"theme": None}


def _previous_value(tracker: Tracker, name: Text) -> Any:
    """The slot's value before this message's slot candidates (the trailing slot events)."""
    events = list(tracker.events)
    end = len(events)
    while end and events[end - 1].get("event") == "slot":
        end -= 1
    for event in reversed(events[:end]):
        if event.get("event") == "slot" and event.get("name") == name:
            return event.get("value")
        if event.get("event") in ("restart", "session_started"):
            break
    return None


VALIDATED_SLOTS = ("sector", "role", "theme")


class ValidateSlotMappings(ValidationAction):
    """Every slot filled from an entity, outside the forms too: a value that is not a known sector,
    role or theme (an entity NLU could not map, "medische" without its synonym) keeps the value the
    slot had, instead of overwriting a good profile. Themes are stored as their number."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> List[Text]:
        return [slot for slot in domain_slots if slot in VALIDATED_SLOTS]

    @staticmethod
    def _keep_valid(tracker: Tracker, name: Text, value: Any, allowed) -> Dict[Text, Any]:
        if value is None or str(value) in allowed:
            return {name: value}
        previous = _previous_value(tracker, name)
        logger.info("Slot %s: %r is not a known value; kept %r.", name, value, previous)
        return {name: previous}

    def validate_sector(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._keep_valid(tracker, "sector", slot_value, SECTORS)

    def validate_role(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._keep_valid(tracker, "role", slot_value, ROLES)

    def validate_theme(self, slot_value: Any, dispatcher, tracker: Tracker, domain: DomainDict) -> Dict[Text, Any]:
        return self._keep_valid(tracker, "theme", theme_value(slot_value), _theme_values())


class ActionRestart(Action):
    """Replaces Rasa's action_restart (a typed "/restart", bot.channels.turn): the conversation is
    cleared and the user gets a short confirmation. Rasa starts a new session right after it
    (ActionSessionStart keeps the language)."""

    def name(self) -> Text:
        return "action_restart"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        language = tracker.get_slot("language") or DEFAULT_LANGUAGE
        utter(dispatcher, answers.texts_for(language).RESTARTED, None, record.DIALOGUE, language=language)
        # Restarted empties every slot; the language is set again for the session that follows.
        return [Restarted(), SlotSet("language", language)]


class ActionSessionStart(Action):
    """Replaces Rasa's action_session_start: a new session (after a restart or an idle hour) keeps
    only the conversation's language; every other slot is forgotten, as the domain's session
    config says (carry_over_slots_to_new_session: false)."""

    def name(self) -> Text:
        return "action_session_start"

    async def run(self, dispatcher, tracker, domain) -> List[EventType]:
        events: List[EventType] = [SessionStarted()]
        language = tracker.get_slot("language")
        if language:
            events.append(SlotSet("language", language))
        return events + [ActionExecuted("action_listen")]
