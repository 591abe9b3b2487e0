"""Bad input and abuse on the REST channel: every request gets a defined answer, never a 500.

A defined answer is a 200 with a list of bot messages that say something (in Dutch), or a 4xx
with a JSON error that carries a Dutch message. After all of it the bot still answers normally
and every stored tracker is intact.
"""
from __future__ import annotations

import asyncio
import json
import sqlite3
import urllib.error
import urllib.request
import uuid

import aiohttp
import pytest

pytestmark = pytest.mark.http

WEBHOOK = "/webhooks/rest/webhook"
DUTCH_MARKERS = (" je ", " ik ", " de ", " het ", " een ", " over ", " niet ", "sorry", "hoi", "graag", "oké")


def post_raw(url: str, body: bytes, content_type: str = "application/json", timeout: float = 60.0):
    request = urllib.request.Request(url + WEBHOOK, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def post_json(url: str, payload) -> tuple:
    return post_raw(url, json.dumps(payload).encode("utf-8"))


# The bot answers in the user's language (Dutch or English); the channels' refusals are Dutch.
ENGLISH_MARKERS = (" the ", " you ", " not ", "sorry")


def looks_dutch(text: str) -> bool:
    padded = f" {text.lower()} "
    return any(marker in padded for marker in DUTCH_MARKERS)


def looks_like_the_bot(text: str) -> bool:
    padded = f" {text.lower()} "
    return looks_dutch(text) or any(marker in padded for marker in ENGLISH_MARKERS)


def assert_defined(status: int, body: bytes, allowed=(200, 400, 413, 429)):
    assert status in allowed, f"status {status}: {body[:300]!r}"
    payload = json.loads(body)
    if status == 200:
        assert isinstance(payload, list) and payload, f"empty reply: {payload!r}"
        texts = [m.get("text") or "" for m in payload if isinstance(m, dict)]
        assert any(texts), payload
        assert any(looks_like_the_bot(t) for t in texts), texts
    else:
        assert isinstance(payload, dict) and payload.get("error"), payload
        assert looks_dutch(payload.get("message", "")), payload
    return payload


def sender() -> str:
    return f"robust-{uuid.uuid4().hex[:12]}"


MESSAGES = {
    "empty": "",
    "whitespace": "   \t\n  ",
    "null-bytes": "wat is\x00 het\x00 collegegeld?\x00",
    "control-chars": "\x01\x02\x1b[31mwelke thema's\x07 zijn er?\x7f",
    "only-control-chars": "\x00\x01\x02\x03",
    "emoji": "🎓📚 krijg ik korting op mijn collegegeld? 🤔",
    "only-emoji": "🙂🙂🙂",
    "rtl": "ما هي المواضيع؟ \u202eטקסט מימין לשמאל\u202c",
    "html-js": "<script>alert('x')</script><img src=x onerror=alert(1)> welke thema's?",
    "sql": "'; DROP TABLE events; -- welke acties zijn er?",
    "sql-union": "1 UNION SELECT sender_id, data FROM events --",
    "fts-operators": 'collegegeld AND NOT (mbo OR "hbo" NEAR/2 wo*) ^beurs',
    "fts-unbalanced": '"collegegeld OR (mbo',
    "english": "What does the National Education Programme pay for?",
    "long-word": "a" * 999,
    "unicode-normalisation": "ﬁnanciëring van de scholen ﬀ",
    "newlines": "welke\n\n\nthema's\r\nzijn er?",
}


@pytest.mark.parametrize("name", list(MESSAGES))
def test_odd_messages_get_a_defined_answer(bot_url, name):
    status, body = post_json(bot_url, {"sender": sender(), "message": MESSAGES[name]})
    assert_defined(status, body, allowed=(200,))


def test_empty_message_gets_a_hint_not_a_turn(bot_url):
    status, body = post_json(bot_url, {"sender": sender(), "message": "  "})
    payload = assert_defined(status, body, allowed=(200,))
    assert "leeg" in payload[0]["text"]


@pytest.mark.parametrize("payload,expected", [
    ({"sender": "x", "message": "a" * 10_000}, 413),
    ({"sender": "x", "message": "a" * 1001}, 413),
    ({"sender": "x"}, 400),
    ({"message": "hoi"}, 400),
    ({}, 400),
    ({"sender": None, "message": "hoi"}, 400),
    ({"sender": "", "message": "hoi"}, 400),
    ({"sender": "x" * 129, "message": "hoi"}, 400),
    ({"sender": "a\x00b", "message": "hoi"}, 400),
    ({"sender": 12, "message": "hoi"}, 400),
    ({"sender": "x", "message": 12}, 400),
    ({"sender": "x", "message": None}, 400),
    ({"sender": "x", "message": ["hoi"]}, 400),
    ({"sender": "x", "message": {"text": "hoi"}}, 400),
    ({"sender": "x", "message": True}, 400),
    ({"sender": "x", "message": "hoi", "metadata": "not an object"}, 400),
    ([{"sender": "x", "message": "hoi"}], 400),
    ("just a string", 400),
    (42, 400),
    (None, 400),
], ids=["10000-chars", "1001-chars", "no-message", "no-sender", "empty-object", "null-sender", "empty-sender",
        "long-sender", "sender-null-byte", "int-sender", "int-message", "null-message", "list-message",
        "object-message", "bool-message", "bad-metadata", "array-body", "string-body", "number-body", "null-body"])
def test_wrong_shapes_are_rejected_with_4xx(bot_url, payload, expected):
    status, body = post_json(bot_url, payload)
    assert status == expected, body[:300]
    assert_defined(status, body)


@pytest.mark.parametrize("body,content_type,expected", [
    (b"{not json", "application/json", 400),
    (b"", "application/json", 400),
    (b"\xff\xfe\x00garbage", "application/json", 400),
    (b'{"sender": "x", "message": "hoi"', "application/json", 400),
    (b"sender=x&message=hoi", "application/x-www-form-urlencoded", 400),
    (b'{"sender": "x", "message": "' + b"a" * (1024 * 1024) + b'"}', "application/json", 413),
], ids=["invalid-json", "empty-body", "binary", "truncated-json", "form-encoded", "1MB-body"])
def test_bad_bodies_are_rejected_with_4xx(bot_url, body, content_type, expected):
    status, response_body = post_raw(bot_url, body, content_type)
    assert status == expected, response_body[:300]
    assert_defined(status, response_body)


def test_burst_from_one_sender_gets_defined_answers(bot_url, bot_stack):
    """100 messages within about a second from one sender: each a Dutch reply or a 429."""
    who = sender()

    async def burst():
        timeout = aiohttp.ClientTimeout(total=120)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async def one(i):
                await asyncio.sleep(i / 100)  # spread over one second
                async with session.post(bot_url + WEBHOOK, json={"sender": who, "message": "welke thema's zijn er?"}) as r:
                    return r.status, await r.read()
            return await asyncio.gather(*(one(i) for i in range(100)))

    results = asyncio.run(burst())
    statuses = [status for status, _ in results]
    for status, body in results:
        assert_defined(status, body, allowed=(200, 429))
    assert statuses.count(200) >= 1
    assert statuses.count(429) >= 1, "a burst of 100 messages from one sender must be limited"
    # Every accepted turn is stored once, and nothing else from this sender is.
    answered = sum(1 for status, body in results if status == 200 and "niet beschikbaar" not in body.decode())
    assert len(user_texts(bot_stack, who)) == answered


def user_texts(bot_stack, who: str):
    with sqlite3.connect(bot_stack.tracker_db) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (who,)).fetchall()
    return [json.loads(data)["text"] for (data,) in rows]


def test_server_stays_healthy_and_trackers_intact(bot_url, bot_stack):
    # A sender that sent control characters continues its conversation normally.
    who = sender()
    for message in ("wat is\x00 het collegegeld?", "\x1b[2J", "welke thema's zijn er?"):
        status, body = post_json(bot_url, {"sender": who, "message": message})
        assert_defined(status, body, allowed=(200,))
    assert all("\x00" not in text and "\x1b" not in text for text in user_texts(bot_stack, who))

    assert urllib.request.urlopen(bot_url + "/", timeout=30).status == 200
    assert urllib.request.urlopen(bot_url + "/webhooks/rest/", timeout=30).status == 200

    # Every event of every stored conversation is valid JSON of the type its row says.
    with sqlite3.connect(bot_stack.tracker_db) as connection:
        rows = connection.execute("SELECT type_name, data FROM events ORDER BY id").fetchall()
    assert rows
    for type_name, data in rows:
        assert json.loads(data)["event"] == type_name
