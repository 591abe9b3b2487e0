"""What both channels do with a message once it is accepted: one turn, the same way.

- `check_stores`: the tracker store (SQL) and the lock store (Redis) answer, else the channel
  refuses at once with 503 (Rasa would silently keep the conversation in memory); the channels'
  health URLs use the same probe (`health_response`).
- `screen_command`: Rasa runs any message that starts with "/" (`/restart`, `/inform{...}`) as an
  intent, skipping NLU. Such a message passes when the bot offered it as a button in this
  conversation (or it is in ALLOWED_COMMANDS). Typed commands a user may give are mapped to their
  intent (`/restart` clears the conversation with a confirmation, `/stop`, `/help`); any other
  "/word" gets the channel's own "unknown command" reply in the conversation's language (never
  read as a question, never run); a sentence after a slash reaches Rasa as plain text.
- `reply_language`: the language of the channel's own replies and refusals: the conversation's
  (remembered from the bot's replies on this replica), else the message's function words, else
  the request's Accept-Language, else Dutch.
- `run_turn`: the turn within a budget. When it fails inside Rasa without a reply (the action
  server is down) or takes longer than the budget (it hangs), the user gets a short Dutch "even
  niet beschikbaar" reply. A turn that simply produced no reply is logged with its cause and
  answered with the bot's not-understood reply: "niet beschikbaar" is only said when something
  is down.
- `ReplyCollector`: the channels' output; a factual answer carries its `answer_id` (the id the
  action recorded, `actions.record`), which a client sends back with 👍/👎 (`bot.channels.feedback`).
"""
from __future__ import annotations

import asyncio
from collections import OrderedDict
from contextvars import ContextVar
import logging
import re
from typing import Any, Awaitable, Callable, Dict, FrozenSet, Iterable, List, NamedTuple, Optional, Tuple

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered

from actions import record, referral
from actions import texts as bot_texts
from actions import texts_en as bot_texts_en
from actions.language import LANGUAGES, function_word_language

logger = logging.getLogger(__name__)

TEXT_UNAVAILABLE = bot_texts.UNAVAILABLE
# What the bot says when it does not understand (action_search_fallback), for turns that end
# without any reply. Its buttons are not stored in the tracker, hence ALLOWED_COMMANDS.
TEXT_NOT_UNDERSTOOD = bot_texts.DONT_KNOW
NOT_UNDERSTOOD_BUTTONS = [{"title": title, "payload": payload} for title, payload in bot_texts.SUGGESTIONS]

# Rasa's INTENT_MESSAGE_PREFIX: a message "/intent{...}" is run as that intent without NLU.
COMMAND_PREFIX = "/"
# Typed commands accepted even when not offered in the conversation: the buttons of the
# channel's own not-understood reply (harmless questions). Everything else must be offered.
ALLOWED_COMMANDS: FrozenSet[str] = frozenset(button["payload"] for button in NOT_UNDERSTOOD_BUTTONS)
_LEADING_SLASHES = re.compile(r"^[\s/]+")
# Commands a user may type, by the intent they run (Dutch and English words).
TYPED_COMMANDS: Dict[str, str] = {
    "restart": "/restart", "reset": "/restart", "opnieuw": "/restart", "herstart": "/restart",
    "stop": "/stop", "stoppen": "/stop",
    "help": "/help", "hulp": "/help",
}
# What a command looks like after its slash: one word, perhaps with JSON ("inform{...}").
_COMMAND_SHAPE = re.compile(r"[^\W\d][\w-]*(\{.*\})?", re.DOTALL)
UNKNOWN_COMMAND = "unknown_command"


def texts_in(language: Optional[str]):
    """The module with the bot's sentences in `language` (Dutch unless "en")."""
    return bot_texts_en if language == "en" else bot_texts


# --------------------------------------------------------------------------- the reply language
# The conversation's language per sender, as the bot's latest reply on this replica said it
# (actions.record carries it). Bounded: the oldest senders are forgotten first.
_LANGUAGE_MEMORY_SIZE = 10_000
_languages: "OrderedDict[str, str]" = OrderedDict()
_WORDS = re.compile(r"[^\W\d_]+", re.UNICODE)
_ACCEPT_LANGUAGE = re.compile(r"^\s*([a-z]{2})\b", re.IGNORECASE)


def remember_language(sender: str, language: Optional[str]) -> None:
    if language not in LANGUAGES:
        return
    _languages[sender] = language
    _languages.move_to_end(sender)
    while len(_languages) > _LANGUAGE_MEMORY_SIZE:
        _languages.popitem(last=False)


def conversation_language_of(sender: Optional[str]) -> Optional[str]:
    return _languages.get(sender) if sender else None


def header_language(request: Optional[Request]) -> Optional[str]:
    """The client's first choice in Accept-Language, when it is Dutch or English."""
    if request is None:
        return None
    match = _ACCEPT_LANGUAGE.match(request.headers.get("accept-language") or "")
    language = match.group(1).lower() if match else None
    return language if language in LANGUAGES else None


def reply_language(request: Optional[Request] = None, sender: Optional[str] = None,
                   text: Optional[str] = None) -> str:
    """The language of a reply the channel gives itself (a refusal, an unknown command): the
    conversation's, else the message's own when its function words are clearly of one language
    (cheap: no language model in the Rasa process), else the request's, else Dutch."""
    return (conversation_language_of(sender)
            or (function_word_language(_WORDS.findall(text or "")) if text else None)
            or header_language(request)
            or "nl")


def check_stores(agent: Any) -> Optional[str]:
    """None when the tracker store and the lock store answer, else what is wrong.

    Rasa wraps every tracker store in a FailSafeTrackerStore that swallows errors and keeps the
    conversation in memory instead, which would silently fork conversations across replicas.
    A one-round-trip probe before each turn turns "database down" into a clear 503.
    """
    if agent is None:
        return "the model is not loaded"
    store = getattr(agent, "tracker_store", None)
    store = getattr(store, "_tracker_store", store)
    engine = getattr(store, "engine", None)
    if engine is not None:
        from sqlalchemy import exc, text

        for attempt in (1, 2):  # after a database restart the first pooled connection is stale
            try:
                with engine.connect() as connection:
                    connection.execute(text("SELECT 1"))
                break
            except exc.DBAPIError as error:
                if attempt == 2 or not error.connection_invalidated:
                    return f"tracker store unreachable: {error.__class__.__name__}"
            except Exception as error:  # noqa: BLE001 - any failure means "not usable"
                return f"tracker store unreachable: {error.__class__.__name__}"
    lock_store = getattr(agent, "lock_store", None)
    redis_client = getattr(lock_store, "red", None)
    if redis_client is not None:
        try:
            redis_client.ping()
        except Exception as error:  # noqa: BLE001
            return f"lock store unreachable: {error.__class__.__name__}"
    return None


def health_response(request: Request) -> HTTPResponse:
    """A channel's health URL: 200, or 503 with the reason when a store is down, so that a load
    balancer takes the replica out."""
    problem = check_stores(getattr(request.app.ctx, "agent", None))
    if problem:
        return response.json({"status": "unavailable", "reason": problem}, status=503)
    return response.json({"status": "ok"})


async def _stored_conversation(agent: Any, sender: str, whole_session: bool = False) -> Any:
    """The sender's tracker from the agent's tracker store, or None.

    A turn's tracker holds the latest messages of the current session (see
    bot/nlp/rasa_speedups.py); `whole_session` reads every event of that session.
    The tracker store is what every replica shares (PostgreSQL when scaled out), so this works
    whichever replica served the previous turn."""
    store = getattr(agent, "tracker_store", None)
    retrieve = getattr(store, "retrieve_full_tracker" if whole_session else "retrieve", None)
    if retrieve is None:
        return None
    try:
        return await retrieve(sender)
    except Exception as error:  # noqa: BLE001 - a store failure must not break the turn here
        logger.warning("Could not read the conversation of sender %r: %s", sender, error.__class__.__name__)
        return None


def _current_session(events: Iterable[Any]) -> List[Any]:
    """The events from the latest SessionStarted on (all of them when there is none)."""
    events = list(events)
    starts = [index for index, event in enumerate(events) if isinstance(event, SessionStarted)]
    return events[starts[-1]:] if starts else events


def _offered(tracker: Any) -> FrozenSet[str]:
    """Payloads of every button the bot sent in the tracker's current session."""
    if tracker is None:
        return frozenset()
    return frozenset(
        button["payload"].strip()
        for event in _current_session(tracker.events) if isinstance(event, BotUttered)
        for button in (event.data or {}).get("buttons") or ()
        if isinstance(button, dict) and isinstance(button.get("payload"), str)
    )


async def offered_payloads(agent: Any, sender: str) -> FrozenSet[str]:
    """Payloads of every button the bot sent in the sender's current session."""
    return _offered(await _stored_conversation(agent, sender, whole_session=True))


class Screened(NamedTuple):
    """What to do with a message: hand `text` to Rasa, or answer it with the channel's own
    `reply` (UNKNOWN_COMMAND) in `language`."""

    text: str
    reply: Optional[str] = None
    language: str = "nl"


async def screen_command(agent: Any, sender: str, text: str) -> Screened:
    """The one decision on typed commands: what Rasa gets for a user's message.

    A message that starts with "/" is run by Rasa as an intent: `/session_start` or
    `/inform{"sector":"mbo"}` would change the conversation. It passes unchanged when it is the
    payload of a button the bot offered in this conversation (read from the tracker store, only
    for messages that start with "/") or in ALLOWED_COMMANDS. A typed command of TYPED_COMMANDS
    runs its intent ("/restart", "/ /Reset" -> "/restart"). Any other "/word" (or "/word{...}")
    is answered by the channel: "unknown command", in the conversation's language; it never
    reaches Rasa. A slash before a sentence is dropped and the sentence goes to NLU. Other
    messages are returned unchanged without any extra work.
    """
    command = text.strip()
    if not command.startswith(COMMAND_PREFIX):
        return Screened(text)
    if command in ALLOWED_COMMANDS:
        return Screened(text)
    tracker = await _stored_conversation(agent, sender, whole_session=True)
    if command in _offered(tracker):
        return Screened(text)
    # A lone "/" is not a command for Rasa (it needs a name after the slash), so keep it as is.
    name = _LEADING_SLASHES.sub("", command) or COMMAND_PREFIX
    if name.lower() in TYPED_COMMANDS:
        return Screened(TYPED_COMMANDS[name.lower()])
    if _COMMAND_SHAPE.fullmatch(name):
        logger.info("Sender %r typed a command that was not offered (%.60s); answered as unknown.", sender, command)
        slot = tracker.get_slot("language") if tracker is not None else None
        language = slot if slot in LANGUAGES else reply_language(sender=sender)
        return Screened("", UNKNOWN_COMMAND, language)
    return Screened(name)


def own_reply(sender: str, screened: Screened) -> List[Dict[str, Any]]:
    """The channel's own reply to a screened message (an unknown command)."""
    return [{"recipient_id": sender, "text": texts_in(screened.language).UNKNOWN_COMMAND}]


# Warnings and errors Rasa logs while a turn runs (it logs a failing custom action and carries on
# without a reply); run_turn reads them to tell "the action server is down" from "nothing to say".
_turn_log: ContextVar[Optional[List[Tuple[int, str]]]] = ContextVar("npo_turn_log", default=None)
_TURN_LOG_MAX = 5


class _TurnLogRecorder(logging.Handler):
    """Adds WARNING and ERROR records of the `rasa` loggers to the running turn's list (per
    asyncio task: the list lives in a context variable that the turn's task inherits)."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)

    def emit(self, record: logging.LogRecord) -> None:
        records = _turn_log.get()
        if records is not None and len(records) < _TURN_LOG_MAX:
            records.append((record.levelno, f"{record.name}: {record.getMessage()}"[:300]))


def _install_turn_log_recorder() -> None:
    rasa_logger = logging.getLogger("rasa")
    if not any(isinstance(handler, _TurnLogRecorder) for handler in rasa_logger.handlers):
        rasa_logger.addHandler(_TurnLogRecorder())


async def _describe_silent_turn(agent: Any, sender: str, warnings: List[str]) -> str:
    """Why a turn said nothing, for the log: what Rasa warned about, the intent and the actions."""
    tracker = await _stored_conversation(agent, sender)
    if tracker is None:
        return "; ".join(warnings + ["conversation not readable"])
    turn: List[Any] = []
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            break
        turn.append(event)
    actions = [event.action_name for event in reversed(turn) if isinstance(event, ActionExecuted)]
    intent = (tracker.latest_message.intent or {}).get("name") if tracker.latest_message else None
    return "; ".join(warnings + [f"intent {intent}, actions {', '.join(filter(None, actions)) or 'none'}"])


class ReplyCollector(CollectingOutputChannel):
    """Collects the bot's messages; a factual answer gets `"answer_id"` for feedback."""

    async def send_response(self, recipient_id: str, message: Dict[str, Any]) -> None:
        before = len(self.messages)
        await super().send_response(recipient_id, message)
        info = record.read(message)
        if info:
            remember_language(recipient_id, info.get("language"))
        if info and info.get("kind") in record.RATED and len(self.messages) > before:
            self.messages[-1]["answer_id"] = info["id"]


def unavailable_reply(sender: str) -> List[Dict[str, Any]]:
    return [{"recipient_id": sender, "text": texts_in(reply_language(sender=sender)).UNAVAILABLE}]


def not_understood_reply(sender: str) -> List[Dict[str, Any]]:
    """The bot's not-understood reply (with the operator's referral, as the actions add it)."""
    language = reply_language(sender=sender)
    t = texts_in(language)
    extra = referral.line(language=language)
    text = f"{t.DONT_KNOW}\n{extra}" if extra else t.DONT_KNOW
    buttons = [{"title": title, "payload": payload} for title, payload in t.SUGGESTIONS]
    return [{"recipient_id": sender, "text": text, "buttons": buttons}]


async def run_turn(on_new_message: Callable[[UserMessage], Awaitable[Any]], sender: str, text: str,
                   input_channel: str, metadata: Optional[Dict[str, Any]] = None,
                   turn_timeout: float = 10.0, agent: Any = None) -> Tuple[int, Any]:
    """One turn as (HTTP status, JSON payload): the bot's messages, or a defined failure.

    - no reply within `turn_timeout` (a hung action server), or no reply after Rasa logged an
      error (a failed custom action: the action server is down) -> 200 with TEXT_UNAVAILABLE;
    - no reply and no error (e.g. the predicted actions say nothing, Rasa's circuit breaker) ->
      logged with its cause (Rasa's warnings, the intent and the actions, read via `agent`) and
      answered with the not-understood reply;
    - an exception (tracker or lock store failing mid-turn) -> 503 {"error": "unavailable", ...}.
    Both channels call this after `check_stores` and `screen_command`.
    """
    _install_turn_log_recorder()
    collector = ReplyCollector()
    message = UserMessage(text, collector, sender, input_channel=input_channel, metadata=metadata)
    logged: List[Tuple[int, str]] = []
    token = _turn_log.set(logged)
    try:
        # A hung action server would hold the turn for Rasa's fixed 5-minute timeout. Cancelling
        # at the budget drops the whole turn (Rasa saves the tracker only at the end of a turn,
        # and the conversation lock is released in a finally block).
        await asyncio.wait_for(on_new_message(message), timeout=turn_timeout)
    except asyncio.TimeoutError:
        logger.error("Turn for sender %r exceeded %.1f s; answered 'niet beschikbaar'.", sender, turn_timeout)
        return 200, unavailable_reply(sender)
    except Exception:  # noqa: BLE001 - tracker/lock store failures raise here
        logger.exception("Turn for sender %r failed.", sender)
        return 503, {"error": "unavailable", "message": texts_in(reply_language(sender=sender)).UNAVAILABLE}
    finally:
        _turn_log.reset(token)
    if collector.messages:
        return 200, collector.messages
    errors = [text for level, text in logged if level >= logging.ERROR]
    if errors:
        logger.error("Turn for sender %r produced no reply after an error (%s); answered 'niet beschikbaar'.",
                     sender, errors[0])
        return 200, unavailable_reply(sender)
    logger.warning("Turn for sender %r produced no reply (%s); answered 'niet begrepen'.",
                   sender, await _describe_silent_turn(agent, sender, [text for _, text in logged]))
    return 200, not_understood_reply(sender)
