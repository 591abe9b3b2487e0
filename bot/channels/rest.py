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
- what both channels share (`bot.channels.turn`): a turn budget with "even niet beschikbaar"
  only for real outages, typed "/commands" only when the bot offered them, and store checks
  (503 at once when the tracker or lock store is down; the health URL `GET /webhooks/rest/`
  says 503 as well, so a load balancer or container platform can take the replica out).

Use it in credentials.yml instead of `rest:`::

    bot.channels.rest.GuardedRestInput:
"""
from __future__ import annotations

import json
import logging
import os
import re
from typing import Any, Awaitable, Callable, Dict, Optional, Text, Tuple

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

import rasa.utils.endpoints
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput

from bot.channels.ratelimit import SlidingWindowRateLimiter
from bot.channels.turn import TEXT_UNAVAILABLE, check_stores, health_response, run_turn, screen_command

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 16 * 1024
MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128

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
