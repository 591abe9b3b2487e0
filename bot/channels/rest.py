"""The REST channel with input validation, a rate limit, a turn budget and clear failures.

Stock Rasa 3.6 `RestInput` accepts any body: no length limit, `null` senders, non-string
messages, NUL bytes that PostgreSQL refuses to store, and it answers `200 []` when the tracker
or lock store is down (its tracker store even falls back to memory silently). This channel keeps
the URL (`POST /webhooks/rest/webhook`, name "rest") and the response format (a JSON list of bot
messages) and adds:

- validation (`bot.channels.inbound`, the same check as the website channel): a JSON object,
  `sender` a string of 1-128 printable characters, `message` a string of at most 1000
  characters (`max_message_chars`, NPO_MAX_MESSAGE_CHARS), `metadata` an object if present;
  control characters are removed. Bad bodies get 400 (413 when too large) with a JSON error,
  never 500.
- empty or whitespace-only messages get a short hint without touching the tracker.
- the channel's own replies and refusals are in the conversation's language (English for an
  English conversation or an English request; `bot.channels.turn.reply_language`).
- a per-sender rate limit and a cap on turns in flight per sender (429 with Retry-After): Rasa
  queues the turns of one sender behind a lock that it polls once a second, so a burst from one
  sender would otherwise pile up for minutes.
- what both channels share (`bot.channels.turn`): a turn budget with "even niet beschikbaar"
  only for real outages, typed "/commands" only when the bot offered them, and store checks
  (503 at once when the tracker or lock store is down; the health URL `GET /webhooks/rest/`
  says 503 as well, so a load balancer or container platform can take the replica out).
- `POST /webhooks/rest/feedback`: 👍/👎 on an answer that carried an `answer_id`
  (`bot.channels.feedback`), counted against the same per-sender rate limit.

Use it in credentials.yml instead of `rest:`::

    bot.channels.rest.GuardedRestInput:
"""
from __future__ import annotations

import logging
import os
from dataclasses import replace
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

import rasa.utils.endpoints
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.rest import RestInput

from bot.channels import feedback
from bot.channels.inbound import MAX_MESSAGE_CHARS, InputRejected, InputRules, parse_body, refusal
from bot.channels.ratelimit import SlidingWindowRateLimiter
from bot.channels.turn import (
    check_stores, health_response, own_reply, reply_language, run_turn, screen_command, texts_in,
)

logger = logging.getLogger(__name__)

# The REST channel's error codes for reasons bot.channels.inbound names more finely.
REST_CODES = {"missing_sender": "invalid_sender", "missing_message": "invalid_message"}
# An empty message gets a hint as a bot reply (200), not an error.
INPUT_RULES = InputRules(allow_empty=True, codes=REST_CODES)


def _env_float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


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
            max_message_chars=int(credentials.get(
                "max_message_chars", _env_float("NPO_MAX_MESSAGE_CHARS", MAX_MESSAGE_CHARS))),
        )

    def __init__(self, max_per_minute: int = 30, turn_timeout: float = 10.0, max_in_flight: int = 2,
                 max_message_chars: int = MAX_MESSAGE_CHARS) -> None:
        self.input_rules = replace(INPUT_RULES, max_message_chars=max_message_chars)
        self.limiter = SlidingWindowRateLimiter(max_per_minute, window_seconds=60.0)
        self.turn_timeout = turn_timeout
        self.max_in_flight = max_in_flight
        self._in_flight: Dict[str, int] = {}  # senders with a turn running on this replica

    async def _run_turn(self, on_new_message: Callable[[UserMessage], Awaitable[Any]], sender: str, text: str,
                        metadata: Optional[Dict[str, Any]], agent: Any) -> HTTPResponse:
        status, payload = await run_turn(on_new_message, sender, text, self.name(), metadata, self.turn_timeout, agent)
        if status != 200:
            return refusal(payload["error"], headers={"Retry-After": "10"}, language=reply_language(sender=sender))
        return response.json(payload)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return health_response(request)

        @webhook.route("/feedback", methods=["POST"])
        async def receive_feedback(request: Request) -> HTTPResponse:
            agent = getattr(request.app.ctx, "agent", None)
            problem = check_stores(agent)
            if problem:
                logger.error("Refusing feedback: %s", problem)
                return refusal("unavailable", headers={"Retry-After": "10"}, language=reply_language(request))

            def rate_limit(rating: feedback.Feedback) -> Optional[HTTPResponse]:
                decision = self.limiter.hit(rating.sender)
                if decision.allowed:
                    return None
                return refusal("rate_limited", headers={"Retry-After": str(max(1, round(decision.retry_after)))},
                               language=reply_language(request, rating.sender))

            return await feedback.receive(agent, request.body or b"", self.input_rules.sender, rate_limit, request)

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                sender, text, metadata = parse_body(request.body or b"", self.input_rules)
            except InputRejected as rejected:
                return rejected.response(reply_language(request, rejected.sender, rejected.text))
            language = reply_language(request, sender, text)
            if not text:
                return response.json([{"recipient_id": sender, "text": texts_in(language).EMPTY_MESSAGE}])
            if self._in_flight.get(sender, 0) >= self.max_in_flight:
                return refusal("rate_limited", headers={"Retry-After": "1"}, language=language)
            decision = self.limiter.hit(sender)
            if not decision.allowed:
                return refusal("rate_limited", headers={"Retry-After": str(max(1, round(decision.retry_after)))},
                               language=language)
            agent = getattr(request.app.ctx, "agent", None)
            problem = check_stores(agent)
            if problem:
                logger.error("Refusing a turn: %s", problem)
                return refusal("unavailable", headers={"Retry-After": "10"}, language=language)
            screened = await screen_command(agent, sender, text)
            if screened.reply:
                return response.json(own_reply(sender, screened))
            text = screened.text
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
