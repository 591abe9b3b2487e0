"""The REST channel with input validation, a rate limit, a turn budget and clear failures.

Stock Rasa 3.6 `RestInput` accepts any body: no length limit, `null` senders, non-string
messages, NUL bytes that PostgreSQL refuses to store, and it answers `200 []` when the tracker
or lock store is down (its tracker store even falls back to memory silently). This channel keeps
the URL (`POST /webhooks/rest/webhook`, name "rest") and the response format (a JSON list of bot
messages) and adds:

- validation: a JSON object, `sender` a string of 1-128 printable characters, `message` a
  string of at most 1000 characters, `metadata` an object if present; control characters are
  removed. Bad bodies get 400 (413 when too large) with a Dutch JSON error, never 500.
- empty or whitespace-only messages get a short Dutch hint without touching the tracker.
- a per-sender rate limit and a cap on turns in flight per sender (429 with Retry-After): Rasa
  queues the turns of one sender behind a lock that it polls once a second, so a burst from one
  sender would otherwise pile up for minutes.
- a turn budget: when a turn fails inside Rasa without a reply (the action server is down) or
  takes longer than the budget (it hangs), the user gets a short Dutch "even niet beschikbaar"
  reply. A turn that simply produced no reply is logged with its cause and answered with the
  bot's not-understood reply: "niet beschikbaar" is only said when something is down.
- typed commands: Rasa runs any message that starts with "/" (`/restart`, `/inform{...}`) as an
  intent, skipping NLU. `screen_command` lets such a message through only when the bot offered
  it as a button in this conversation (or it is in ALLOWED_COMMANDS); anything else reaches
  Rasa as plain text without the slash.
- store checks: when the tracker store (SQL) or the lock store (Redis) cannot be reached the
  request fails fast with 503 and a Dutch error; the health URL `GET /webhooks/rest/` says 503
  as well, so a load balancer or container platform can take the replica out.

Use it in credentials.yml instead of `rest:`::

    bot.channels.rest.GuardedRestInput:
"""
from __future__ import annotations

import asyncio
from contextvars import ContextVar
import json
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, FrozenSet, List, Optional, Text, Tuple

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

import rasa.utils.endpoints
from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from actions import texts as bot_texts
from bot.channels.ratelimit import SlidingWindowRateLimiter

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128

TEXT_UNAVAILABLE = "Sorry, ik ben even niet beschikbaar. Probeer het over een paar minuten opnieuw."
# What the bot says when it does not understand (action_search_fallback), for turns that end
# without any reply. Its buttons are not stored in the tracker, hence ALLOWED_COMMANDS.
TEXT_NOT_UNDERSTOOD = bot_texts.DONT_KNOW
NOT_UNDERSTOOD_BUTTONS = [{"title": title, "payload": payload} for title, payload in bot_texts.SUGGESTIONS]
TEXT_EMPTY = "Je bericht is leeg. Stel je vraag in een paar woorden, bijvoorbeeld: Wat zijn de thema's?"
ERRORS: Dict[str, Tuple[int, str]] = {
    "body_too_large": (413, "Je bericht is te groot."),
    "message_too_long": (413, f"Je bericht is te lang. Gebruik maximaal {MAX_MESSAGE_CHARS} tekens."),
    "invalid_json": (400, "Het verzoek is geen geldige JSON. Stuur een JSON-object met 'sender' en 'message'."),
    "not_an_object": (400, "Stuur een JSON-object met de velden 'sender' en 'message'."),
    "invalid_sender": (400, f"Zet in het veld 'sender' een naam of code van 1 tot {MAX_SENDER_CHARS} tekens, "
                            "zonder stuurtekens."),
    "invalid_message": (400, "Stuur je vraag als tekst in het veld 'message'."),
    "invalid_metadata": (400, "Het veld 'metadata' moet een JSON-object zijn."),
    "rate_limited": (429, "Je stuurt te veel berichten achter elkaar. Wacht even en probeer het dan opnieuw."),
    "unavailable": (503, TEXT_UNAVAILABLE),
}

# Rasa's INTENT_MESSAGE_PREFIX: a message "/intent{...}" is run as that intent without NLU.
COMMAND_PREFIX = "/"
# Typed commands accepted even when not offered in the conversation: the buttons of the
# channel's own not-understood reply (harmless questions). Everything else must be offered.
ALLOWED_COMMANDS: FrozenSet[str] = frozenset(button["payload"] for button in NOT_UNDERSTOOD_BUTTONS)
_LEADING_SLASHES = re.compile(r"^[\s/]+")

# C0/C1 control characters except tab and newline, plus the Unicode "noncharacters" U+FFFE/U+FFFF.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


class InputRejected(Exception):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


def error_response(code: str, headers: Optional[Dict[str, str]] = None) -> HTTPResponse:
    status, message = ERRORS[code]
    return response.json({"error": code, "message": message}, status=status, headers=headers)


def clean_text(text: str) -> str:
    """Remove control characters (NUL included: PostgreSQL cannot store it); keep tab and newline."""
    return _CONTROL.sub("", text)


def parse_body(raw: bytes) -> Tuple[str, str, Optional[Dict[str, Any]]]:
    """(sender, message, metadata) from a REST body, or InputRejected with the reason."""
    if len(raw) > MAX_BODY_BYTES:
        raise InputRejected("body_too_large")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputRejected("invalid_json")
    if not isinstance(body, dict):
        raise InputRejected("not_an_object")
    sender = body.get("sender")
    if not isinstance(sender, str) or not 0 < len(sender) <= MAX_SENDER_CHARS \
            or not sender.isprintable() or not sender.strip():
        raise InputRejected("invalid_sender")
    message = body.get("message")
    if not isinstance(message, str):
        raise InputRejected("invalid_message")
    if len(message) > MAX_MESSAGE_CHARS:
        raise InputRejected("message_too_long")
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise InputRejected("invalid_metadata")
    return sender, clean_text(message), metadata


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


async def _stored_conversation(agent: Any, sender: str) -> Any:
    """The sender's tracker (current session) from the agent's tracker store, or None.

    The tracker store is what every replica shares (PostgreSQL when scaled out), so this works
    whichever replica served the previous turn."""
    retrieve = getattr(getattr(agent, "tracker_store", None), "retrieve", None)
    if retrieve is None:
        return None
    try:
        return await retrieve(sender)
    except Exception as error:  # noqa: BLE001 - a store failure must not break the turn here
        logger.warning("Could not read the conversation of sender %r: %s", sender, error.__class__.__name__)
        return None


async def offered_payloads(agent: Any, sender: str) -> FrozenSet[str]:
    """Payloads of every button the bot sent in the sender's current session."""
    tracker = await _stored_conversation(agent, sender)
    if tracker is None:
        return frozenset()
    return frozenset(
        button["payload"].strip()
        for event in tracker.events if isinstance(event, BotUttered)
        for button in (event.data or {}).get("buttons") or ()
        if isinstance(button, dict) and isinstance(button.get("payload"), str)
    )


async def screen_command(agent: Any, sender: str, text: str) -> str:
    """The text to hand to Rasa for a user's message; the one decision on typed commands.

    A message that starts with "/" is run by Rasa as an intent: `/restart` would wipe the
    conversation, `/inform{"sector":"mbo"}` set a slot. It passes only when it is the payload of
    a button the bot offered in this conversation (read from the tracker store, only for
    messages that start with "/") or in ALLOWED_COMMANDS; otherwise the leading slashes are
    removed and Rasa's NLU reads it as ordinary text. Other messages are returned unchanged
    without any extra work.
    """
    command = text.strip()
    if not command.startswith(COMMAND_PREFIX):
        return text
    if command in ALLOWED_COMMANDS or command in await offered_payloads(agent, sender):
        return text
    logger.info("Sender %r typed a command that was not offered (%.60s); passed on as text.", sender, command)
    # A lone "/" is not a command for Rasa (it needs a name after the slash), so keep it as is.
    return _LEADING_SLASHES.sub("", command) or COMMAND_PREFIX


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


def unavailable_reply(sender: str) -> List[Dict[str, Any]]:
    return [{"recipient_id": sender, "text": TEXT_UNAVAILABLE}]


def not_understood_reply(sender: str) -> List[Dict[str, Any]]:
    return [{"recipient_id": sender, "text": TEXT_NOT_UNDERSTOOD, "buttons": NOT_UNDERSTOOD_BUTTONS}]


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
    collector = CollectingOutputChannel()
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
        return 503, {"error": "unavailable", "message": TEXT_UNAVAILABLE}
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


class GuardedRestInput(RestInput):
    """`rest` channel with validation, rate limit, turn budget and store checks (see module doc)."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        return cls(
            max_per_minute=int(credentials.get("max_per_minute", _env_float("NPO_REST_MAX_PER_MINUTE", 30))),
            turn_timeout=float(credentials.get("turn_timeout", _env_float("NPO_TURN_TIMEOUT", 10.0))),
            max_in_flight=int(credentials.get("max_in_flight", _env_float("NPO_REST_MAX_IN_FLIGHT", 2))),
        )

    def __init__(self, max_per_minute: int = 30, turn_timeout: float = 10.0, max_in_flight: int = 2) -> None:
        self.limiter = SlidingWindowRateLimiter(max_per_minute, window_seconds=60.0)
        self.turn_timeout = turn_timeout
        self.max_in_flight = max_in_flight
        self._in_flight: Dict[str, int] = {}  # senders with a turn running on this replica

    async def _run_turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], sender: str, text: str,
                        metadata: Optional[Dict[str, Any]], agent: Any) -> HTTPResponse:
        status, payload = await run_turn(on_new_message, sender, text, self.name(), metadata, self.turn_timeout, agent)
        if status != 200:
            return error_response(payload["error"], headers={"Retry-After": "10"})
        return response.json(payload)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return health_response(request)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_body(request.body or b"")
            except InputRejected as rejected:
                return error_response(rejected.code)
            if not text.strip():
                return response.json([{"recipient_id": sender, "text": TEXT_EMPTY}])
            if self._in_flight.get(sender, 0) >= self.max_in_flight:
                return error_response("rate_limited", headers={"Retry-After": "1"})
            decision = self.limiter.hit(sender)
            if not decision.allowed:
                return error_response("rate_limited", headers={"Retry-After": str(max(1, round(decision.retry_after)))})
            agent = getattr(request.app.ctx, "agent", None)
            problem = check_stores(agent)
            if problem:
                logger.error("Refusing a turn: %s", problem)
                return error_response("unavailable", headers={"Retry-After": "10"})
            text = await screen_command(agent, sender, text)
            if rasa.utils.endpoints.bool_arg(request, "stream", default=False):
                return response.stream(
                    self.stream_response(on_new_message, text, sender, self.name(), metadata),
                    content_type="text/event-stream",
                )
            self._in_flight[sender] = self._in_flight.get(sender, 0) + 1
            try:
                return await self._run_turn(on_new_message, sender, text, metadata, agent)
            finally:
                remaining = self._in_flight.pop(sender) - 1
                if remaining > 0:
                    self._in_flight[sender] = remaining

        return webhook
