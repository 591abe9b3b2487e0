"""👍/👎 on a factual answer, from the widget or a REST client, stored in the tracker store.

Both channels mount `POST feedback` beside their webhook (`/webhooks/rest/feedback`,
`/webhooks/website/feedback`) and call `receive` with their own sender rule:

    {"sender": "<the conversation's sender id>", "answer_id": "<answer_id of the rated answer>",
     "rating": "up" | "down", "comment": "<optional, at most 500 characters>"}

A factual answer carries its `answer_id` in the channel's reply (`bot.channels.turn`). The rating
is stored as an event of that conversation in the same tracker store, under the conversation's
lock (as Rasa's own "append events" endpoint does), so it cannot interleave with a turn:
Rasa's `agent` event (`AgentUttered`, an event type Rasa defines and never acts on, so it changes
no prediction and every Rasa process can read it back) with
`data = {"npo_feedback": {"answer_id", "rating", "comment"}}`. The comment goes through the same
redaction as messages. Only answers of this conversation's current session can be rated; rating
one again replaces the earlier rating in the report.

Answers: 200 `{"status": "ok", "message": <thanks>}`; 400/413 for a bad body; 404 when the answer
is not in the conversation; 503 when a store is down. Every error is `{"error", "message"}`, in
the conversation's or the request's language.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Callable, NamedTuple, Optional

from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.shared.core.events import AgentUttered, BotUttered

from actions import record
from bot.channels.inbound import clean_text, error_response
from bot.channels.redact import redact, safe_sender
from bot.channels.turn import reply_language, texts_in

logger = logging.getLogger(__name__)

FEEDBACK_KEY = "npo_feedback"
RATINGS = ("up", "down")
MAX_COMMENT_CHARS = 500
MAX_BODY_BYTES = 8 * 1024
STATUS = {"invalid_feedback": 400, "comment_too_long": 413, "unknown_answer": 404}


class Feedback(NamedTuple):
    sender: str
    answer_id: str
    rating: str
    comment: Optional[str]


class FeedbackRejected(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    def response(self, language: str = "nl") -> HTTPResponse:
        message = texts_in(language).FEEDBACK_REFUSALS[self.reason].format(limit=MAX_COMMENT_CHARS)
        return error_response(self.reason, message, STATUS[self.reason])


def parse_feedback(raw: bytes, sender_rule: Callable[[str], Optional[str]]) -> Feedback:
    """The feedback in a request body, or FeedbackRejected."""
    if len(raw) > MAX_BODY_BYTES:
        raise FeedbackRejected("comment_too_long")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise FeedbackRejected("invalid_feedback") from None
    if not isinstance(body, dict):
        raise FeedbackRejected("invalid_feedback")
    sender, answer_id, rating, comment = (body.get(k) for k in ("sender", "answer_id", "rating", "comment"))
    sender_id = sender_rule(sender) if isinstance(sender, str) else None
    if sender_id is None or rating not in RATINGS:
        raise FeedbackRejected("invalid_feedback")
    sender_id = safe_sender(sender_id)  # the same stand-in as its messages got
    if not isinstance(answer_id, str) or not (0 < len(answer_id) <= 64) or not answer_id.isalnum():
        raise FeedbackRejected("invalid_feedback")
    if comment is not None and not isinstance(comment, str):
        raise FeedbackRejected("invalid_feedback")
    comment = clean_text(comment or "").strip()
    if len(comment) > MAX_COMMENT_CHARS:
        raise FeedbackRejected("comment_too_long")
    return Feedback(sender_id, answer_id, rating, redact(comment) or None)


def feedback_event(feedback: Feedback) -> AgentUttered:
    return AgentUttered(data={FEEDBACK_KEY: {
        "answer_id": feedback.answer_id, "rating": feedback.rating, "comment": feedback.comment,
    }})


def read_feedback(event_data: Any) -> Optional[dict]:
    """The feedback in a stored `agent` event's data, if it is one."""
    value = event_data.get(FEEDBACK_KEY) if isinstance(event_data, dict) else None
    return value if isinstance(value, dict) and value.get("rating") in RATINGS else None


def rated_answer_ids(tracker: Any) -> set:
    return {
        info["id"] for event in tracker.events if isinstance(event, BotUttered)
        for info in [record.read(event.metadata)] if info and info.get("kind") in record.RATED
    }


async def store_feedback(agent: Any, feedback: Feedback) -> bool:
    """Append the feedback to its conversation under the conversation's lock; False when the
    conversation has no such answer. Store failures raise."""
    async with agent.lock_store.lock(feedback.sender, wait_time_in_seconds=0.1):
        tracker = await agent.tracker_store.retrieve(feedback.sender)
        if tracker is None or feedback.answer_id not in rated_answer_ids(tracker):
            return False
        tracker.update(feedback_event(feedback))
        await agent.tracker_store.save(tracker)
    return True


async def receive(agent: Any, raw: bytes, sender_rule: Callable[[str], Optional[str]],
                  before_store: Callable[[Feedback], Optional[HTTPResponse]] = lambda _: None,
                  request: Optional[Request] = None) -> HTTPResponse:
    """The feedback endpoint of a channel: parse, let the channel refuse (rate limit), store.

    The caller has checked origin and stores; `before_store` may return a refusal. Replies are in
    the conversation's or the request's language (`turn.reply_language`)."""
    try:
        feedback = parse_feedback(raw, sender_rule)
    except FeedbackRejected as rejected:
        return rejected.response(reply_language(request))
    language = reply_language(request, feedback.sender)
    refused = before_store(feedback)
    if refused is not None:
        return refused
    try:
        stored = await store_feedback(agent, feedback)
    except Exception as error:  # noqa: BLE001 - a store failing mid-request
        logger.error("Storing feedback failed: %s", error.__class__.__name__)
        return error_response("unavailable", texts_in(language).UNAVAILABLE, 503, {"Retry-After": "10"})
    if not stored:
        return FeedbackRejected("unknown_answer").response(language)
    return response.json({"status": "ok", "message": texts_in(language).FEEDBACK_THANKS},
                         headers={"Cache-Control": "no-store"})
