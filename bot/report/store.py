"""Read conversations from the tracker store as turns: a user message, the replies, the feedback.

Reads Rasa's `events` table directly with SQLAlchemy (SQLite of `make run` or PostgreSQL of the
cluster; see `bot.ops.trackerdb`): the `data` column holds each event as Rasa serialised it.
Nothing is written.

- a conversation is one session of one sender (Rasa starts a new session after 60 idle minutes);
- a turn is a user message and the bot messages up to the next user message; its kind is the
  one the action recorded (`actions.record`), `dialogue` for a reply without a record (a form's
  question) and `no_reply` when nothing was stored (the channel's own "not understood" or
  "not available" reply, which does not go through Rasa's tracker);
- feedback is an `agent` event with `npo_feedback` (`bot.channels.feedback`), linked to the turn
  whose answer it names; a later rating of the same answer replaces an earlier one.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional

import sqlalchemy as sa

from actions import record
from bot.channels.feedback import read_feedback

EVENTS = sa.table(
    "events", sa.column("id"), sa.column("sender_id"), sa.column("type_name"),
    sa.column("timestamp"), sa.column("data"),
)
NO_REPLY = "no_reply"
SENDER_CHUNK = 500


@dataclass
class Turn:
    sender: str
    session: int
    timestamp: float
    text: str
    intent: Optional[str]
    channel: Optional[str]
    kind: str = NO_REPLY
    reply: str = ""
    answer_id: Optional[str] = None
    sources: List[Dict[str, Any]] = field(default_factory=list)
    language: Optional[str] = None
    latency_ms: Optional[float] = None
    rating: Optional[str] = None
    comment: Optional[str] = None
    rated_at: Optional[float] = None

    @property
    def conversation(self) -> tuple:
        return (self.sender, self.session)


def _json(value: Any) -> Dict[str, Any]:
    if isinstance(value, dict):
        return value
    try:
        data = json.loads(value or "{}")
    except (TypeError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def turns_from_events(rows: Iterable[tuple]) -> List[Turn]:
    """Turns from (sender_id, type_name, timestamp, data) rows, in the store's order."""
    turns: List[Turn] = []
    current: Dict[str, Turn] = {}
    sessions: Dict[str, int] = {}
    answers: Dict[tuple, Turn] = {}
    for sender, type_name, timestamp, raw in rows:
        data = _json(raw)
        if type_name == "session_started":
            sessions[sender] = sessions.get(sender, 0) + 1
            current.pop(sender, None)
        elif type_name == "user":
            parse = data.get("parse_data") or {}
            intent = (parse.get("intent") or {}).get("name")
            turn = Turn(sender, sessions.get(sender, 0), float(timestamp), str(data.get("text") or ""),
                        intent, data.get("input_channel"))
            turns.append(turn)
            current[sender] = turn
        elif type_name == "bot":
            turn = current.get(sender)
            if turn is None:
                continue
            info = record.read(data.get("metadata"))
            if turn.latency_ms is None:
                turn.latency_ms = max(0.0, (float(timestamp) - turn.timestamp) * 1000.0)
                turn.reply = str(data.get("text") or "")
                turn.kind = record.DIALOGUE
            if info and turn.answer_id is None:  # the first recorded reply of the turn says its kind
                turn.kind = str(info.get("kind") or record.DIALOGUE)
                turn.answer_id = info["id"]
                turn.reply = str(data.get("text") or "")
                turn.sources = [s for s in info.get("sources") or [] if isinstance(s, dict)]
                turn.language = info.get("language")
                answers[(sender, info["id"])] = turn
        elif type_name == "agent":
            feedback = read_feedback(data.get("data"))
            rated = answers.get((sender, str((feedback or {}).get("answer_id"))))
            if feedback and rated is not None:
                rated.rating = feedback["rating"]
                rated.comment = feedback.get("comment") or None
                rated.rated_at = float(timestamp)
    return turns


def _senders_since(connection, since: float, until: float) -> List[str]:
    query = (sa.select(EVENTS.c.sender_id).distinct()
             .where(EVENTS.c.timestamp >= since, EVENTS.c.timestamp < until, EVENTS.c.type_name == "user"))
    return [row[0] for row in connection.execute(query)]


def _rows(connection, senders: List[str]) -> Iterator[tuple]:
    for start in range(0, len(senders), SENDER_CHUNK):  # bounded IN lists
        chunk = senders[start:start + SENDER_CHUNK]
        query = (sa.select(EVENTS.c.sender_id, EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
                 .where(EVENTS.c.sender_id.in_(chunk))
                 .where(EVENTS.c.type_name.in_(("session_started", "user", "bot", "agent")))
                 .order_by(EVENTS.c.sender_id, EVENTS.c.id))
        yield from connection.execute(query)


def read_turns(engine: sa.engine.Engine, since: float, until: float) -> List[Turn]:
    """The turns whose user message lies in [since, until), with feedback given at any time
    after them (an answer may be rated after the period ends)."""
    if not sa.inspect(engine).has_table("events"):
        return []
    with engine.connect() as connection:
        senders = _senders_since(connection, since, until)
        turns = turns_from_events(_rows(connection, senders))
    return sorted((t for t in turns if since <= t.timestamp < until), key=lambda t: t.timestamp)
