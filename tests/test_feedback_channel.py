"""The website channel's feedback URL keeps the webhook's rules: allowed origins only (CORS),
the widget's UUID as sender, a Dutch JSON error for a bad body. Against the channel in Rasa's own
app setup with a stand-in agent (no trained model); storing is tested through the real bot in
tests/test_operations.py."""
from __future__ import annotations

import json

import pytest

from tests.test_website_channel import (
    FOREIGN_ORIGIN, PREFIX, BotServer, assert_dutch_error, call, new_sender,
)

FEEDBACK = f"{PREFIX}/feedback"


@pytest.fixture(scope="module")
def server():
    with BotServer() as running:
        yield running


def post_feedback(server, body, origin=None):
    headers = {"Content-Type": "application/json"}
    if origin:
        headers["Origin"] = origin
    return call(server.url, "POST", FEEDBACK, body=json.dumps(body).encode(), headers=headers)


def test_preflight_from_an_allowed_origin(server):
    reply = call(server.url, "OPTIONS", FEEDBACK, headers={
        "Origin": "http://localhost:8000", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type"})
    assert reply.status == 204
    assert reply.headers["access-control-allow-origin"] == "http://localhost:8000"


def test_a_foreign_origin_is_refused(server):
    body = {"sender": new_sender(), "answer_id": "abc", "rating": "up"}
    reply = post_feedback(server, body, origin=FOREIGN_ORIGIN)
    assert_dutch_error(reply, 403, "forbidden_origin")
    assert "access-control-allow-origin" not in reply.headers


@pytest.mark.parametrize("body", [
    {"sender": "not-a-uuid", "answer_id": "abc", "rating": "up"},
    {"sender": "@@", "answer_id": "abc", "rating": "up"},
    {"answer_id": "abc", "rating": "up"},
    ["sender", "answer_id"],
])
def test_a_bad_body_gets_a_dutch_400(server, body):
    reply = post_feedback(server, body, origin="http://localhost:8000")
    assert_dutch_error(reply, 400, "invalid_feedback")
    assert reply.headers["access-control-allow-origin"] == "http://localhost:8000"
