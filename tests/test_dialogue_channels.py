"""The channels' own replies and refusals speak the conversation's or the request's language
(`bot.channels.turn.reply_language`; texts in `actions.texts` / `actions.texts_en`)."""
from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid
from typing import Any, Dict, Optional, Tuple

import pytest

from actions import texts, texts_en
from bot.channels.inbound import InputRejected, parse_body, refusal
from bot.channels.rest import INPUT_RULES
from bot.channels.turn import conversation_language_of, remember_language, reply_language
from bot.measure.conversations import send


class Request:
    """What reply_language reads of a Sanic request: its headers."""

    def __init__(self, accept_language: Optional[str] = None) -> None:
        self.headers = {"accept-language": accept_language} if accept_language else {}


def test_every_refusal_has_an_english_twin():
    assert set(texts.REFUSALS) == set(texts_en.REFUSALS)


def test_the_conversation_decides_then_the_message_then_the_request():
    sender = f"s-{uuid.uuid4()}"
    assert reply_language() == "nl"
    assert reply_language(Request("en-US,en;q=0.9")) == "en"
    assert reply_language(Request("nl-NL,en;q=0.8")) == "nl"
    assert reply_language(Request("de-DE")) == "nl"
    assert reply_language(text="what is the budget for the schools in my town") == "en"
    assert reply_language(Request("en"), text="wat is het budget voor de scholen in mijn stad") == "nl"
    remember_language(sender, "en")
    assert conversation_language_of(sender) == "en"
    assert reply_language(Request("nl"), sender, "wat is het budget voor de scholen in mijn stad") == "en"
    remember_language(sender, "xx")  # not a language of the bot: ignored
    assert conversation_language_of(sender) == "en"


def test_input_refusals_in_both_languages():
    raw = json.dumps({"sender": "abc", "message": "x" * 1001}).encode()
    with pytest.raises(InputRejected) as rejected:
        parse_body(raw, INPUT_RULES)
    assert rejected.value.sender == "abc" and rejected.value.text == "x" * 1000
    assert rejected.value.message == "Je bericht is te lang. Gebruik maximaal 1.000 tekens."
    assert json.loads(rejected.value.response("en").body)["message"] == \
        "Your message is too long. Use at most 1,000 characters."
    assert json.loads(refusal("rate_limited", language="en").body)["message"].startswith("You are sending")
    assert json.loads(refusal("rate_limited").body)["message"].startswith("Je stuurt")


# --------------------------------------------------------------------------- over REST

def post(bot_url: str, payload: Any, accept_language: Optional[str] = None,
         raw: Optional[bytes] = None) -> Tuple[int, Any]:
    headers: Dict[str, str] = {"Content-Type": "application/json"}
    if accept_language:
        headers["Accept-Language"] = accept_language
    body = raw if raw is not None else json.dumps(payload).encode()
    request = urllib.request.Request(f"{bot_url}/webhooks/rest/webhook", data=body, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.http
def test_rest_refusals_follow_the_conversation_and_the_request(bot_url):
    english, dutch = f"en-{uuid.uuid4()}", f"nl-{uuid.uuid4()}"
    assert "Source:" in send(bot_url, english, "Is my tuition fee halved this year?")
    assert "Bron:" in send(bot_url, dutch, "Wordt mijn collegegeld dit jaar gehalveerd?")
    status, data = post(bot_url, {"sender": english, "message": "x" * 1001})
    assert (status, data["message"]) == (413, "Your message is too long. Use at most 1,000 characters.")
    status, data = post(bot_url, {"sender": dutch, "message": "x" * 1001})
    assert (status, data["message"]) == (413, "Je bericht is te lang. Gebruik maximaal 1.000 tekens.")
    status, data = post(bot_url, None, accept_language="en", raw=b"{not json")
    assert status == 400 and data["message"].startswith("Your message could not be read")
    status, data = post(bot_url, {"sender": english, "message": "   "})
    assert status == 200 and data[0]["text"] == texts_en.EMPTY_MESSAGE


def test_feedback_refusals_and_thanks_in_both_languages():
    from bot.channels.feedback import FeedbackRejected

    assert json.loads(FeedbackRejected("comment_too_long").response("en").body)["message"] == \
        "Your comment is too long. Use at most 500 characters."
    assert json.loads(FeedbackRejected("comment_too_long").response().body)["message"] == \
        "Je opmerking is te lang. Gebruik maximaal 500 tekens."
