"""The website channel over real HTTP.

Most tests need no trained model: they build the Sanic app exactly as ``rasa run`` does
(``rasa.core.run.configure_app`` without the API, so Rasa's sanic-cors is in the chain too),
mount :class:`bot.channels.website.WebsiteInput`, and replace the agent by a small echo agent. The
tests marked ``http`` talk to the real bot started by ``tests/conftest.py``.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import logging
import socket
import threading
from typing import Any, Dict, List, Optional
import uuid

import pytest
from sanic import Sanic
import sqlalchemy as sa

from bot.channels.ratelimit import SlidingWindowRateLimiter
from rasa.shared.core.events import BotUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.channels.turn import NOT_UNDERSTOOD_BUTTONS, TEXT_NOT_UNDERSTOOD, TEXT_UNAVAILABLE
from bot.channels.website import (
    DEFAULT_ALLOWED_ORIGINS,
    OriginPolicy,
    WebsiteInput,
    WebsiteSettings,
)

PREFIX = "/webhooks/website"
FOREIGN_ORIGIN = "https://evil.example"


# --------------------------------------------------------------------------- helpers


class FakeClock:
    """A controllable monotonic clock for the rate limiters."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class EchoAgent:
    """Stands in for ``rasa.core.agent.Agent``: answers through the message's output channel.

    "hallo" gets quick-reply buttons, "boom" raises, "stil" logs a failed action and answers
    nothing (what Rasa does when the action server is down), "niets" answers nothing without an
    error, "hang" never finishes, anything else is echoed with a source line. ``tracker_store`` and ``lock_store`` are what ``check_stores`` probes; None (the
    default) means an in-memory store with nothing to probe.
    """

    def __init__(self) -> None:
        self.received: List[Any] = []
        self.tracker_store: Any = None
        self.lock_store: Any = None

    async def handle_message(self, message: Any) -> None:
        self.received.append(message)
        out = message.output_channel
        text = message.text.strip()
        if text.lower() in ("hallo", "/greet"):
            await out.send_text_with_buttons(
                message.sender_id,
                "Hoi! Waar gaat je vraag over?",
                [
                    {"title": "Reisrecht", "payload": "/vraag_reisrecht"},
                    {"title": "Collegegeld", "payload": "Hoeveel collegegeld betaal ik?"},
                ],
            )
            return
        if text == "boom":
            raise RuntimeError("simulated failure inside Rasa")
        if text == "stil":
            logging.getLogger("rasa.core.processor").error("Encountered an exception while running action 'x'.")
            return
        if text == "niets":
            return
        if text == "hang":
            await asyncio.Event().wait()
        await out.send_text_message(
            message.sender_id,
            f"Je vroeg: {text}\nMeer info: https://www.example.org/npo\nBron: Testbron, pagina 1",
        )


class BotServer:
    """A Rasa-style Sanic app with the website channel, served on a free port in a thread."""

    def __init__(
        self,
        settings: Optional[WebsiteSettings] = None,
        clock: Optional[FakeClock] = None,
        cors: Any = None,
    ) -> None:
        from rasa.core.run import configure_app

        Sanic.test_mode = True  # several apps named like Rasa's in one process
        self.agent = EchoAgent()
        self.channel = WebsiteInput(settings or WebsiteSettings(), clock=clock)
        self.app = configure_app([self.channel], cors=cors, enable_api=False, use_uvloop=False)
        self.app.ctx.agent = self.agent
        self.loop = asyncio.new_event_loop()
        self._server: Any = None
        self._thread = threading.Thread(target=self._run, name="website-test-server", daemon=True)
        self._ready = threading.Event()
        self._error: Optional[BaseException] = None
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        asyncio.set_event_loop(self.loop)
        try:
            self._server = self.loop.run_until_complete(
                self.app.create_server(sock=self.sock, return_asyncio_server=True, access_log=False)
            )
            self.loop.run_until_complete(self._server.startup())
            self.loop.run_until_complete(self._server.before_start())
            self.loop.run_until_complete(self._server.after_start())
        except BaseException as error:  # surfaced in start()
            self._error = error
            self._ready.set()
            return
        self._ready.set()
        self.loop.run_forever()
        pending = [task for task in asyncio.all_tasks(self.loop) if not task.done()]
        for task in pending:
            task.cancel()
        self.loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
        self.loop.close()

    async def _shutdown(self) -> None:
        await self._server.before_stop()
        self._server.server.close()
        for connection in list(self._server.connections):
            connection.close_if_idle() or connection.close()
        await self._server.wait_closed()
        await asyncio.sleep(0)  # let transports report connection_lost
        await self._server.after_stop()

    def start(self) -> "BotServer":
        self._thread.start()
        if not self._ready.wait(30) or self._error:
            raise RuntimeError(f"test server did not start: {self._error!r}")
        return self

    def stop(self) -> None:
        asyncio.run_coroutine_threadsafe(self._shutdown(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(30)

    def __enter__(self) -> "BotServer":
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()


class Reply:
    def __init__(self, status: int, headers: Dict[str, str], body: bytes) -> None:
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body.decode("utf-8"))


def call(
    base_url: str,
    method: str,
    path: str,
    body: Optional[bytes] = None,
    headers: Optional[Dict[str, str]] = None,
) -> Reply:
    host, port = base_url.replace("http://", "").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return Reply(resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read())
    finally:
        conn.close()


def post_json(base_url: str, payload: Any, origin: Optional[str] = None, raw: Optional[bytes] = None) -> Reply:
    headers = {"Content-Type": "application/json"}
    if origin is not None:
        headers["Origin"] = origin
    body = raw if raw is not None else json.dumps(payload).encode("utf-8")
    return call(base_url, "POST", f"{PREFIX}/webhook", body, headers)


def new_sender() -> str:
    return str(uuid.uuid4())


def assert_dutch_error(reply: Reply, status: int, code: str) -> Dict[str, str]:
    assert reply.status == status, reply.text
    data = reply.json()
    assert data["error"] == code
    assert isinstance(data["message"], str) and data["message"].endswith(".")
    return data


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def server():
    with BotServer() as running:
        yield running


@pytest.fixture
def fresh(server):
    """The shared server with empty rate limiters and a clean list of received messages."""
    server.channel.sender_limiter.reset()
    server.channel.ip_limiter.reset()
    server.agent.received.clear()
    server.agent.tracker_store = None
    server.agent.lock_store = None
    return server


# --------------------------------------------------------------------------- static routes


def test_health(fresh):
    reply = call(fresh.url, "GET", f"{PREFIX}/")
    assert reply.status == 200
    assert reply.json() == {"status": "ok"}


def test_health_is_readable_cross_origin_only_for_allowed_origins(fresh):
    allowed = call(fresh.url, "GET", f"{PREFIX}/", headers={"Origin": "http://localhost:3000"})
    assert allowed.status == 200
    assert allowed.headers["access-control-allow-origin"] == "http://localhost:3000"
    foreign = call(fresh.url, "GET", f"{PREFIX}/", headers={"Origin": FOREIGN_ORIGIN})
    assert foreign.status == 200
    assert "access-control-allow-origin" not in foreign.headers


def test_widget_js_is_served_with_inlined_stylesheet(fresh):
    reply = call(fresh.url, "GET", f"{PREFIX}/widget.js")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("application/javascript")
    assert reply.headers["x-content-type-options"] == "nosniff"
    assert reply.headers["cross-origin-resource-policy"] == "cross-origin"
    assert 'var CSS_TEXT = "__NPO_WIDGET_CSS__"' not in reply.text
    assert 'var CSS_TEXT = "/* NPO-assistent chat widget.' in reply.text
    assert 'var MAX_MESSAGE_CHARS = Number(1000) || 1000;' in reply.text
    assert ".launcher" in reply.text and "attachShadow" in reply.text
    assert "innerHTML" not in reply.text and "eval(" not in reply.text

    cached = call(fresh.url, "GET", f"{PREFIX}/widget.js", headers={"If-None-Match": reply.headers["etag"]})
    assert cached.status == 304
    assert cached.body == b""


def test_widget_css_is_served(fresh):
    reply = call(fresh.url, "GET", f"{PREFIX}/widget.css")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/css")
    assert "prefers-reduced-motion" in reply.text


def test_demo_page_embeds_widget_with_one_tag_under_strict_csp(fresh):
    reply = call(fresh.url, "GET", f"{PREFIX}/demo")
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/html")
    csp = reply.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp and "connect-src 'self'" in csp
    assert "unsafe-inline" not in csp
    page = reply.text
    assert page.count("<script") == 1
    assert f'src="{fresh.url}{PREFIX}/widget.js"' in page
    assert "<style" not in page and " style=" not in page
    assert '<html lang="nl">' in page
    # The snippet for site owners is shown as text.
    assert f"&lt;script src=&quot;{fresh.url}{PREFIX}/widget.js&quot; defer&gt;&lt;/script&gt;" in page

    css = call(fresh.url, "GET", f"{PREFIX}/demo.css")
    assert css.status == 200 and css.headers["content-type"].startswith("text/css")


def test_demo_page_never_reflects_a_strange_host_header(fresh):
    reply = call(fresh.url, "GET", f"{PREFIX}/demo", headers={"Host": 'x"><img src=y onerror=alert(1)>'})
    assert reply.status in (200, 400)
    assert "onerror=alert(1)>" not in reply.text
    if reply.status == 200:
        assert f'src="{PREFIX}/widget.js"' in reply.text


# --------------------------------------------------------------------------- webhook: happy path


def test_webhook_replies_like_the_rest_channel(fresh):
    sender = new_sender()
    reply = post_json(fresh.url, {"sender": sender, "message": "  Krijg ik reisrecht?  "})
    assert reply.status == 200
    assert reply.headers["cache-control"] == "no-store"
    messages = reply.json()
    assert messages == [
        {
            "recipient_id": sender,
            "text": "Je vroeg: Krijg ik reisrecht?\nMeer info: https://www.example.org/npo\nBron: Testbron, pagina 1",
        }
    ]
    received = fresh.agent.received[-1]
    assert received.text == "Krijg ik reisrecht?"
    assert received.sender_id == sender
    assert received.input_channel == "website"


def test_webhook_passes_buttons_on(fresh):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "hallo"})
    assert reply.status == 200
    [message] = reply.json()
    assert message["buttons"][0] == {"title": "Reisrecht", "payload": "/vraag_reisrecht"}


def test_uppercase_uuid_is_accepted_and_normalised(fresh):
    sender = new_sender()
    reply = post_json(fresh.url, {"sender": sender.upper(), "message": "test"})
    assert reply.status == 200
    assert fresh.agent.received[-1].sender_id == sender


def test_message_of_exactly_the_limit_is_accepted(fresh):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "a" * 1000})
    assert reply.status == 200


# --------------------------------------------------------------------------- origins and CORS


@pytest.mark.parametrize("origin", ["http://localhost:3000", "http://localhost", "http://127.0.0.1:8080"])
def test_default_allowlist_accepts_localhost(fresh, origin):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "hoi"}, origin=origin)
    assert reply.status == 200
    assert reply.headers["access-control-allow-origin"] == origin
    assert "Origin" in reply.headers["vary"]


def test_bot_own_origin_is_accepted(fresh):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "hoi"}, origin=fresh.url)
    assert reply.status == 200


def test_request_without_origin_is_accepted(fresh):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "hoi"})
    assert reply.status == 200
    assert "access-control-allow-origin" not in reply.headers


@pytest.mark.parametrize(
    "origin", [FOREIGN_ORIGIN, "null", "https://localhost:3000", "http://localhost.evil.example", "garbage"]
)
def test_foreign_origin_gets_403_and_never_reaches_rasa(fresh, origin):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "hoi"}, origin=origin)
    data = assert_dutch_error(reply, 403, "forbidden_origin")
    assert "website" in data["message"]
    assert "access-control-allow-origin" not in reply.headers
    assert fresh.agent.received == []


def test_preflight_for_allowed_origin(fresh):
    reply = call(
        fresh.url,
        "OPTIONS",
        f"{PREFIX}/webhook",
        headers={
            "Origin": "http://localhost:8000",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert reply.status == 204
    assert reply.headers["access-control-allow-origin"] == "http://localhost:8000"
    assert "POST" in reply.headers["access-control-allow-methods"]
    assert reply.headers["access-control-allow-headers"].lower() == "content-type"
    assert "access-control-allow-credentials" not in reply.headers


def test_preflight_for_foreign_origin_is_refused(fresh):
    reply = call(
        fresh.url,
        "OPTIONS",
        f"{PREFIX}/webhook",
        headers={"Origin": FOREIGN_ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    assert_dutch_error(reply, 403, "forbidden_origin")
    assert "access-control-allow-origin" not in reply.headers


def test_configured_allowlist_replaces_localhost_but_keeps_own_origin():
    settings = WebsiteSettings(allowed_origins=("https://www.school.nl", "https://*.mbo-voorbeeld.nl"))
    with BotServer(settings) as srv:
        ok = {"sender": new_sender(), "message": "hoi"}
        assert post_json(srv.url, ok, origin="https://www.school.nl").status == 200
        assert post_json(srv.url, ok, origin="https://portal.mbo-voorbeeld.nl").status == 200
        assert post_json(srv.url, ok, origin=srv.url).status == 200
        assert post_json(srv.url, ok, origin="http://localhost:3000").status == 403
        assert post_json(srv.url, ok, origin="http://www.school.nl").status == 403
        assert post_json(srv.url, ok, origin="https://mbo-voorbeeld.nl").status == 403


def test_rasa_cors_option_does_not_widen_the_allowlist():
    """``rasa run --cors "*"`` configures sanic-cors for every route; the webhook keeps its own rules."""
    with BotServer(cors="*") as srv:
        refused = post_json(srv.url, {"sender": new_sender(), "message": "hoi"}, origin=FOREIGN_ORIGIN)
        assert refused.status == 403
        assert "access-control-allow-origin" not in refused.headers
        preflight = call(
            srv.url,
            "OPTIONS",
            f"{PREFIX}/webhook",
            headers={"Origin": FOREIGN_ORIGIN, "Access-Control-Request-Method": "POST"},
        )
        assert preflight.status == 403
        allowed = post_json(srv.url, {"sender": new_sender(), "message": "hoi"}, origin="http://localhost:4000")
        assert allowed.headers["access-control-allow-origin"] == "http://localhost:4000"
        assert "access-control-allow-credentials" not in allowed.headers


# --------------------------------------------------------------------------- bad input


SENDER = "0b6a8f0e-3c1d-4f2a-9b7e-5d4c3b2a1f00"

BAD_BODIES = {
    "empty body": b"",
    "not json": b"hallo",
    "truncated json": b'{"sender": "x", "message": ',
    "json list": b"[]",
    "json string": b'"hallo"',
    "json null": b"null",
    "json number": b"42",
    "not utf-8": b'{"sender": "' + SENDER.encode() + b'", "message": "\xff\xfe"}',
}

BAD_PAYLOADS = {
    "missing sender": {"message": "hoi"},
    "missing message": {"sender": SENDER},
    "sender not a string": {"sender": 12345, "message": "hoi"},
    "message not a string": {"sender": SENDER, "message": 42},
    "message is a list": {"sender": SENDER, "message": ["hoi"]},
    "message is null": {"sender": SENDER, "message": None},
    "message is an object": {"sender": SENDER, "message": {"text": "hoi"}},
    "sender default": {"sender": "default", "message": "hoi"},
    "sender empty": {"sender": "", "message": "hoi"},
    "sender uuid1": {"sender": "c232ab00-9414-11ec-b3c8-9e6bdeced846", "message": "hoi"},
    "sender uuid without dashes": {"sender": SENDER.replace("-", ""), "message": "hoi"},
    "sender with spaces": {"sender": f" {SENDER} ", "message": "hoi"},
    "sender with injection": {"sender": SENDER + "' OR 1=1 --", "message": "hoi"},
    "empty message": {"sender": SENDER, "message": ""},
    "whitespace message": {"sender": SENDER, "message": " \n\t "},
    "control characters only": {"sender": SENDER, "message": "\x00\x07\x1b"},
}

EXPECTED_CODES = {
    "missing sender": "invalid_fields",
    "missing message": "invalid_fields",
    "sender not a string": "invalid_fields",
    "message not a string": "invalid_fields",
    "message is a list": "invalid_fields",
    "message is null": "invalid_fields",
    "message is an object": "invalid_fields",
    "empty message": "empty_message",
    "whitespace message": "empty_message",
    "control characters only": "empty_message",
}


@pytest.mark.parametrize("name", sorted(BAD_BODIES))
def test_unreadable_body_gets_400(fresh, name):
    reply = post_json(fresh.url, None, raw=BAD_BODIES[name])
    assert_dutch_error(reply, 400, "invalid_json")
    assert fresh.agent.received == []


@pytest.mark.parametrize("name", sorted(BAD_PAYLOADS))
def test_invalid_payload_gets_400(fresh, name):
    reply = post_json(fresh.url, BAD_PAYLOADS[name])
    assert_dutch_error(reply, 400, EXPECTED_CODES.get(name, "invalid_sender"))
    assert fresh.agent.received == []


def test_configured_length_limit_applies_to_channel_and_widget():
    with BotServer(WebsiteSettings(max_message_chars=200)) as srv:
        assert "Number(200)" in call(srv.url, "GET", f"{PREFIX}/widget.js").text
        assert post_json(srv.url, {"sender": new_sender(), "message": "a" * 200}).status == 200
        data = assert_dutch_error(
            post_json(srv.url, {"sender": new_sender(), "message": "a" * 201}), 413, "message_too_long"
        )
        assert "maximaal 200 tekens" in data["message"]


def test_too_long_message_gets_413_and_never_reaches_rasa(fresh):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "a" * 1001})
    data = assert_dutch_error(reply, 413, "message_too_long")
    assert "te lang" in data["message"] and "1.000" in data["message"]
    assert fresh.agent.received == []


def test_huge_body_gets_413_unread(fresh):
    reply = post_json(fresh.url, None, raw=b'{"sender": "x", "message": "' + b"a" * 500_000 + b'"}')
    assert_dutch_error(reply, 413, "message_too_long")
    assert fresh.agent.received == []


@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE", "PATCH"])
def test_wrong_method_is_a_client_error(fresh, method):
    reply = call(fresh.url, method, f"{PREFIX}/webhook", b"{}", {"Content-Type": "application/json"})
    assert 400 <= reply.status < 500


def test_no_bad_input_ever_yields_a_server_error(fresh):
    odd_requests = [
        ("POST", f"{PREFIX}/webhook", b"\x00" * 64, {"Content-Type": "application/octet-stream"}),
        ("POST", f"{PREFIX}/webhook", b"{" * 10_000, {"Content-Type": "application/json"}),
        ("POST", f"{PREFIX}/webhook", b'{"sender": [], "message": []}', {}),
        ("POST", f"{PREFIX}/webhook", b'{"sender": "%s", "message": "\\ud800"}' % SENDER.encode(), {}),
        ("POST", f"{PREFIX}/webhook?stream=true", b"{}", {}),
        ("POST", f"{PREFIX}/webhook", b"{}", {"Origin": "http://[::1"}),
        ("POST", f"{PREFIX}/webhook", b"{}", {"Origin": "http://localhost:99999"}),
        ("OPTIONS", f"{PREFIX}/webhook", None, {}),
        ("GET", f"{PREFIX}/widget.js/../../", None, {}),
        ("GET", f"{PREFIX}/demo", None, {"If-None-Match": "\x7f"}),
        ("GET", f"{PREFIX}/nope", None, {}),
    ]
    for method, path, body, headers in odd_requests:
        reply = call(fresh.url, method, path, body, headers)
        assert reply.status < 500, (method, path, body[:40] if body else None, reply.status, reply.text)


# --------------------------------------------------------------------------- rate limits and failures


def test_rate_limit_per_sender_and_per_ip():
    clock = FakeClock()
    settings = WebsiteSettings(rate_limit_per_minute=3, ip_rate_limit_per_minute=5)
    with BotServer(settings, clock=clock) as srv:
        sender = new_sender()
        for _ in range(3):
            assert post_json(srv.url, {"sender": sender, "message": "hoi"}).status == 200
        limited = post_json(srv.url, {"sender": sender, "message": "hoi"})
        data = assert_dutch_error(limited, 429, "rate_limited")
        assert "Wacht even" in data["message"]
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert len(srv.agent.received) == 3

        # Another sender from the same IP still has room until the IP limit (5) is reached.
        other = new_sender()
        assert post_json(srv.url, {"sender": other, "message": "hoi"}).status == 200
        assert post_json(srv.url, {"sender": new_sender(), "message": "hoi"}).status == 429
        assert len(srv.agent.received) == 4

        clock.advance(61)  # the window slides: everyone may talk again
        assert post_json(srv.url, {"sender": sender, "message": "hoi"}).status == 200


def test_failure_inside_rasa_gets_a_dutch_503_and_is_logged(fresh, caplog):
    with caplog.at_level(logging.ERROR, logger="bot.channels.turn"):
        reply = post_json(fresh.url, {"sender": new_sender(), "message": "boom"}, origin="http://localhost:3000")
    data = assert_dutch_error(reply, 503, "unavailable")
    assert data["message"] == TEXT_UNAVAILABLE and "niet beschikbaar" in data["message"]
    assert reply.headers["retry-after"] == "10"
    assert reply.headers["access-control-allow-origin"] == "http://localhost:3000"  # the widget can read it
    assert any("failed" in r.getMessage() and r.exc_info for r in caplog.records)


def test_turn_without_any_reply_says_unavailable(fresh):
    """The action server is down: Rasa logs the failed action and answers nothing at all."""
    sender = new_sender()
    reply = post_json(fresh.url, {"sender": sender, "message": "stil"})
    assert reply.status == 200
    assert reply.json() == [{"recipient_id": sender, "text": TEXT_UNAVAILABLE}]


def test_turn_without_reply_or_error_is_not_understood_not_an_outage(fresh):
    sender = new_sender()
    reply = post_json(fresh.url, {"sender": sender, "message": "niets"})
    assert reply.status == 200
    assert reply.json() == [{"recipient_id": sender, "text": TEXT_NOT_UNDERSTOOD, "buttons": NOT_UNDERSTOOD_BUTTONS}]


class OfferedStore:
    """A tracker store whose conversations all end with the bot offering one button."""

    async def retrieve(self, sender: str) -> DialogueStateTracker:
        offered = BotUttered("Hoi!", data={"buttons": [{"title": "Reisrecht", "payload": "/vraag_reisrecht"}]})
        return DialogueStateTracker.from_events(sender, [offered])

    retrieve_full_tracker = retrieve


def test_typed_commands_run_only_when_offered(fresh):
    fresh.agent.tracker_store = OfferedStore()
    sender = new_sender()
    for typed, passed_on in [("/vraag_reisrecht", "/vraag_reisrecht"), ("/restart", "/restart"),
                             ("/help", "/help")]:
        assert post_json(fresh.url, {"sender": sender, "message": typed}).status == 200
        assert fresh.agent.received[-1].text == passed_on
    before = len(fresh.agent.received)
    reply = post_json(fresh.url, {"sender": sender, "message": '/inform{"sector":"mbo"}'})  # not offered
    assert reply.status == 200 and reply.json()[0]["text"].startswith("Dat commando ken ik niet")
    assert len(fresh.agent.received) == before


def test_hanging_turn_is_cut_off_at_the_turn_timeout():
    with BotServer(WebsiteSettings(turn_timeout=0.2)) as srv:
        sender = new_sender()
        reply = post_json(srv.url, {"sender": sender, "message": "hang"})
        assert reply.status == 200
        assert reply.headers["cache-control"] == "no-store"
        assert reply.json() == [{"recipient_id": sender, "text": TEXT_UNAVAILABLE}]
        # The cut-off turn holds nothing: the same conversation goes on normally.
        follow_up = post_json(srv.url, {"sender": sender, "message": "hoi"})
        assert follow_up.status == 200
        assert follow_up.json()[0]["text"].startswith("Je vroeg: hoi")


class Store:
    """A tracker store as Rasa wraps it (FailSafeTrackerStore around an SQL store)."""

    def __init__(self, engine: Any) -> None:
        self._tracker_store = type("SQLTrackerStore", (), {"engine": engine})()


class Locks:
    """A Redis lock store whose server is up or down."""

    def __init__(self, up: bool) -> None:
        self.up = up
        self.red = self

    def ping(self) -> bool:
        if not self.up:
            raise ConnectionError("Connection refused")
        return True


@pytest.mark.parametrize("broken", ["tracker store", "lock store"])
def test_store_down_gets_a_dutch_503_at_once_and_never_reaches_rasa(fresh, tmp_path, broken):
    if broken == "tracker store":
        fresh.agent.tracker_store = Store(sa.create_engine(f"sqlite:///{tmp_path / 'missing-dir' / 't.db'}"))
        fresh.agent.lock_store = Locks(up=True)
    else:
        fresh.agent.tracker_store = Store(sa.create_engine(f"sqlite:///{tmp_path / 'tracker.db'}"))
        fresh.agent.lock_store = Locks(up=False)
    sender = new_sender()

    reply = post_json(fresh.url, {"sender": sender, "message": "hoi"}, origin="http://localhost:3000")
    data = assert_dutch_error(reply, 503, "unavailable")
    assert data["message"] == TEXT_UNAVAILABLE
    assert reply.headers["retry-after"] == "10"
    assert reply.headers["access-control-allow-origin"] == "http://localhost:3000"
    assert fresh.agent.received == []
    health = call(fresh.url, "GET", f"{PREFIX}/")
    assert health.status == 503
    assert broken in health.json()["reason"]

    # The checks still come first: bad input gets its own answer, not 503.
    assert_dutch_error(post_json(fresh.url, {"sender": "default", "message": "hoi"}), 400, "invalid_sender")

    # Once the store is back, the conversation goes on.
    fresh.agent.tracker_store = Store(sa.create_engine(f"sqlite:///{tmp_path / 'tracker.db'}"))
    fresh.agent.lock_store = Locks(up=True)
    assert call(fresh.url, "GET", f"{PREFIX}/").json() == {"status": "ok"}
    assert post_json(fresh.url, {"sender": sender, "message": "hoi"}).status == 200
    assert len(fresh.agent.received) == 1


# --------------------------------------------------------------------------- units: settings, origins, limiter


def test_settings_from_credentials_and_environment():
    creds = {
        "allowed_origins": ["https://a.nl"], "rate_limit_per_minute": 7, "max_message_chars": 500, "turn_timeout": 4,
    }
    settings = WebsiteSettings.from_sources(creds, environ={})
    assert settings.allowed_origins == ("https://a.nl",)
    assert settings.rate_limit_per_minute == 7
    assert settings.max_message_chars == 500
    assert settings.turn_timeout == 4.0

    env = {
        "NPO_ALLOWED_ORIGINS": "https://b.nl, https://*.c.nl",
        "NPO_RATE_LIMIT_PER_MINUTE": "9",
        "NPO_IP_RATE_LIMIT_PER_MINUTE": "0",
        "NPO_MAX_MESSAGE_CHARS": "",
        "NPO_TURN_TIMEOUT": "2.5",
    }
    settings = WebsiteSettings.from_sources(creds, environ=env)
    assert settings.turn_timeout == 2.5  # the same variable as the REST channel
    assert settings.allowed_origins == ("https://b.nl", "https://*.c.nl")
    assert settings.rate_limit_per_minute == 9
    assert settings.ip_rate_limit_per_minute == 0
    assert settings.max_message_chars == 500  # empty variable: credentials win

    defaults = WebsiteSettings.from_sources(None, environ={})
    assert defaults.allowed_origins == DEFAULT_ALLOWED_ORIGINS
    assert defaults.max_message_chars == 1000
    assert defaults.turn_timeout == 10.0


@pytest.mark.parametrize(
    "creds",
    [
        {"rate_limit_per_minute": "veel"},
        {"max_message_chars": 0},
        {"allowed_origins": ["ftp://files.nl"]},
        {"allowed_origins": ["www.school.nl"]},
        {"allowed_origins": 5},
        {"turn_timeout": 0},
        {"turn_timeout": "lang"},
        {"turn_timeout": "nan"},
        {"turn_timeout": "inf"},
    ],
)
def test_invalid_settings_fail_at_startup(creds):
    with pytest.raises(ValueError):
        WebsiteSettings.from_sources(creds, environ={})


def test_origin_policy():
    policy = OriginPolicy(["self", "http://localhost:*", "https://www.school.nl", "https://*.roc.nl:8443"])
    assert policy.allows("http://localhost:5173", "bot.nl")
    assert policy.allows("https://www.school.nl", "bot.nl")
    assert policy.allows("https://WWW.School.NL:443", "bot.nl")
    assert policy.allows("https://bot.nl", "bot.nl")  # own origin
    assert policy.allows("http://bot.nl:5005", "bot.nl:5005")
    assert policy.allows("https://intranet.roc.nl:8443", "bot.nl")
    assert not policy.allows("https://intranet.roc.nl", "bot.nl")
    assert not policy.allows("https://www.school.nl.evil.example", "bot.nl")
    assert not policy.allows("https://evilschool.nl", "bot.nl")
    assert not policy.allows("null", "bot.nl")
    assert not policy.allows("https://bot.nl:8443", "bot.nl")
    assert OriginPolicy(["*"]).allows("https://anything.example", "bot.nl")


def test_rate_limiter_slides_and_bounds_memory():
    clock = FakeClock()
    limiter = SlidingWindowRateLimiter(2, window_seconds=60, max_keys=3, clock=clock)
    assert limiter.hit("a").allowed
    clock.advance(30)
    assert limiter.hit("a").allowed
    refused = limiter.hit("a")
    assert not refused.allowed and refused.retry_after == pytest.approx(30)
    clock.advance(30)  # the first hit leaves the window
    assert limiter.hit("a").allowed

    for key in ("b", "c", "d", "e"):
        limiter.hit(key)
    assert len(limiter) == 3  # least recently used keys were dropped

    assert SlidingWindowRateLimiter(0).hit("x").allowed  # 0 disables the limit


# --------------------------------------------------------------------------- the real bot


@pytest.mark.http
def test_real_bot_answers_with_a_source(bot_url):
    assert call(bot_url, "GET", f"{PREFIX}/").json() == {"status": "ok"}
    reply = post_json(
        bot_url,
        {"sender": new_sender(), "message": "Krijg ik extra reisrecht als hbo-student?"},
        origin="http://localhost:8080",
    )
    assert reply.status == 200, reply.text
    texts = "\n".join(m.get("text", "") for m in reply.json())
    assert "Bron:" in texts
    assert reply.headers["access-control-allow-origin"] == "http://localhost:8080"


@pytest.mark.http
def test_real_bot_enforces_the_channel_rules(bot_url):
    sender = new_sender()
    assert post_json(bot_url, {"sender": sender, "message": "hoi"}, origin=FOREIGN_ORIGIN).status == 403
    assert post_json(bot_url, {"sender": sender, "message": "x" * 1001}).status == 413
    assert post_json(bot_url, {"sender": "default", "message": "hoi"}).status == 400
    assert call(bot_url, "GET", f"{PREFIX}/demo").status == 200
    # Rasa's own HTTP API stays off.
    assert call(bot_url, "GET", "/status").status == 404


# --------------------------------------------------------------------------- English refusals


def post_english(base_url: str, payload: Any, raw: Optional[bytes] = None, origin: Optional[str] = None) -> Reply:
    headers = {"Content-Type": "application/json", "Accept-Language": "en-GB,en;q=0.9,nl;q=0.5"}
    if origin is not None:
        headers["Origin"] = origin
    body = raw if raw is not None else json.dumps(payload).encode("utf-8")
    return call(base_url, "POST", f"{PREFIX}/webhook", body, headers)


def test_refusals_are_english_for_an_english_request(fresh):
    assert post_english(fresh.url, None, raw=b"{").json()["message"].startswith("Your message could not be read")
    too_long = post_english(fresh.url, {"sender": new_sender(), "message": "a" * 1001}).json()["message"]
    assert too_long == "Your message is too long. Use at most 1,000 characters."
    refused = post_english(fresh.url, {"sender": new_sender(), "message": "hi"}, origin=FOREIGN_ORIGIN)
    assert refused.status == 403 and refused.json()["message"] == "This website may not use the NPO assistant."
    assert fresh.agent.received == []


def test_a_long_english_message_is_refused_in_english_without_any_header(fresh):
    text = "Could you please tell me what the rules are for the money that my school gets? " * 20
    data = assert_dutch_error(post_json(fresh.url, {"sender": new_sender(), "message": text}), 413, "message_too_long")
    assert data["message"].startswith("Your message is too long")


def test_refusals_follow_an_english_conversation():
    from bot.channels.turn import remember_language

    clock = FakeClock()
    with BotServer(WebsiteSettings(rate_limit_per_minute=1), clock=clock) as srv:
        english, dutch = new_sender(), new_sender()
        remember_language(english, "en")  # as the bot's English reply recorded it
        for sender in (english, dutch):
            assert post_json(srv.url, {"sender": sender, "message": "ok"}).status == 200
        assert post_json(srv.url, {"sender": english, "message": "ok"}).json()["message"].startswith("You are sending")
        assert post_json(srv.url, {"sender": dutch, "message": "ok"}).json()["message"].startswith("Je stuurt")
        too_long = post_json(srv.url, {"sender": english, "message": "x" * 1001}).json()["message"]
        assert too_long.startswith("Your message is too long")


def test_an_unknown_typed_command_gets_the_channels_reply_and_never_reaches_rasa(fresh):
    reply = post_json(fresh.url, {"sender": new_sender(), "message": "/foo"})
    assert reply.status == 200
    assert reply.json()[0]["text"].startswith("Dat commando ken ik niet")
    assert fresh.agent.received == []
