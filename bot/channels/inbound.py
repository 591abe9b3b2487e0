"""The one check of what the channels receive, and the one shape of their refusals.

Both webhooks (`POST /webhooks/rest/webhook` and `POST /webhooks/website/webhook`) take the same
body: a JSON object with `sender` and `message` strings and, if present, a `metadata` object.
`parse_body` checks it in this order, the first failure wins:

1. the body is at most `InputRules.max_body_bytes` (16 KiB, more only when the message limit is
   raised) and is UTF-8 JSON holding an object;
2. `sender` and `message` are strings;
3. the sender passes the channel's own rule (REST: 1-128 printable characters; website: the
   widget's random UUID4, lower-cased);
4. `metadata` is an object when it is there;
5. control characters are removed from the message (C0/C1 except tab and newline, NUL included:
   PostgreSQL cannot store it, and the noncharacters U+FFFE/U+FFFF) and it is stripped; then it
   holds at most `max_message_chars` characters (1,000 unless configured) and is not empty;
6. personal data (e-mail addresses, phone numbers, BSNs, IBANs, postcodes with house numbers)
   in the message and in every metadata string is replaced by a placeholder
   (`bot.channels.redact`), so neither NLU nor the tracker store ever holds it; a sender id
   holding such data is replaced by a stable stand-in.

A failure raises `InputRejected` with its reason (and the sender and message when they were
read before it failed). The reason picks the status and the sentence (`actions.texts.REFUSALS`,
in English `actions.texts_en.REFUSALS`: the channel picks the language with
`bot.channels.turn.reply_language`); a channel may publish a reason under another error code
(`InputRules.codes`), so each keeps the codes its clients know.
"""
from __future__ import annotations

from dataclasses import dataclass, field
import json
import re
from typing import Any, Callable, Dict, Mapping, NamedTuple, Optional

from sanic import response
from sanic.response import HTTPResponse

from actions import texts, texts_en
from bot.channels.redact import redact, redact_values, safe_sender

MAX_MESSAGE_CHARS = 1000
MAX_SENDER_CHARS = 128
MAX_BODY_BYTES = 16 * 1024
# A JSON body never needs more than this for a message within the limit (worst case every
# character escaped as \uXXXX, plus the sender id and metadata).
BODY_BYTES_PER_CHAR = 12
BODY_OVERHEAD_BYTES = 1024

# C0/C1 control characters except tab and newline, plus the Unicode noncharacters U+FFFE/U+FFFF.
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]")
UUID4_PATTERN = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", re.IGNORECASE
)

# HTTP status of each refusal; every other reason is a 400.
STATUS: Dict[str, int] = {
    "body_too_large": 413,
    "message_too_long": 413,
    "forbidden_origin": 403,
    "rate_limited": 429,
    "unavailable": 503,
}


def clean_text(text: str) -> str:
    """Remove control characters (NUL included: PostgreSQL cannot store it); keep tab and newline."""
    return CONTROL_CHARS.sub("", text)


def printable_sender(sender: str) -> Optional[str]:
    """A sender id chosen by the client: 1-128 printable characters, not only spaces."""
    if 0 < len(sender) <= MAX_SENDER_CHARS and sender.isprintable() and sender.strip():
        return sender
    return None


def uuid4_sender(sender: str) -> Optional[str]:
    """A random UUID4, as the widget makes one per conversation; lower-cased."""
    return sender.lower() if UUID4_PATTERN.match(sender) else None


@dataclass(frozen=True)
class InputRules:
    """What one channel accepts on top of the common contract."""

    # The sender id to use for a sender string, or None when the channel refuses it ...
    sender: Callable[[str], Optional[str]] = printable_sender
    # ... and the reason given then.
    sender_reason: str = "invalid_sender"
    max_message_chars: int = MAX_MESSAGE_CHARS
    # An empty message is returned (the channel answers it itself) instead of refused.
    allow_empty: bool = False
    # Reasons this channel publishes under another error code.
    codes: Mapping[str, str] = field(default_factory=dict)

    @property
    def max_body_bytes(self) -> int:
        return max(MAX_BODY_BYTES, self.max_message_chars * BODY_BYTES_PER_CHAR + BODY_OVERHEAD_BYTES)


def refusal_texts(language: str = "nl"):
    """The module with the refusals in `language` (Dutch unless "en")."""
    return texts_en if language == "en" else texts


def error_response(code: str, message: str, status: int, headers: Optional[Dict[str, str]] = None) -> HTTPResponse:
    """A refusal as both channels send it: `{"error": code, "message": sentence}`."""
    return response.json({"error": code, "message": message}, status=status, headers=headers)


def refusal(reason: str, headers: Optional[Dict[str, str]] = None, language: str = "nl",
            **values: Any) -> HTTPResponse:
    """The response for a reason the channel itself decides (origin, rate limit, outage)."""
    message = refusal_texts(language).REFUSALS[reason].format(**values)
    return error_response(reason, message, STATUS.get(reason, 400), headers)


class InputRejected(Exception):
    """A body `parse_body` refuses: the reason, the channel's error code, status and sentence;
    the sender and the message when they were read before the check failed."""

    def __init__(self, reason: str, rules: InputRules, sender: Optional[str] = None,
                 text: Optional[str] = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = rules.codes.get(reason, reason)
        self.status = STATUS.get(reason, 400)
        self.sender = sender
        self.text = text
        self._limit = rules.max_message_chars

    def message_in(self, language: str = "nl") -> str:
        t = refusal_texts(language)
        return t.REFUSALS[self.reason].format(limit=t.number(self._limit), max_sender=MAX_SENDER_CHARS)

    @property
    def message(self) -> str:
        return self.message_in("nl")

    def response(self, language: str = "nl") -> HTTPResponse:
        return error_response(self.code, self.message_in(language), self.status)


class Inbound(NamedTuple):
    sender: str
    text: str
    metadata: Optional[Dict[str, Any]]


def parse_body(raw: bytes, rules: InputRules) -> Inbound:
    """The accepted message of a webhook body, or InputRejected (see the module doc for the order)."""
    if len(raw) > rules.max_body_bytes:
        raise InputRejected("body_too_large", rules)
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputRejected("invalid_json", rules) from None
    if not isinstance(body, dict):
        raise InputRejected("not_an_object", rules)
    sender, message, metadata = body.get("sender"), body.get("message"), body.get("metadata")
    if not isinstance(sender, str):
        raise InputRejected("missing_sender", rules)
    if not isinstance(message, str):
        raise InputRejected("missing_message", rules)
    sender_id = rules.sender(sender)
    if sender_id is None:
        raise InputRejected(rules.sender_reason, rules)
    sender_id = safe_sender(sender_id)
    if metadata is not None and not isinstance(metadata, dict):
        raise InputRejected("invalid_metadata", rules, sender_id)
    text = clean_text(message).strip()
    if len(text) > rules.max_message_chars:
        # Only the start is kept, to tell the language of the refusal.
        raise InputRejected("message_too_long", rules, sender_id, text[:rules.max_message_chars])
    if not text and not rules.allow_empty:
        raise InputRejected("empty_message", rules, sender_id)
    return Inbound(sender_id, redact(text), redact_values(metadata) if metadata else metadata)
