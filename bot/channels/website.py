"""The website channel: a Rasa input channel over plain HTTP plus the embeddable chat widget.

Registered in ``credentials.yml`` as ``bot.channels.website.WebsiteInput``; Rasa mounts it under
``/webhooks/website/``:

- ``GET  /``            health check (503 when the tracker or lock store is down)
- ``GET  widget.js``    the widget (one ``<script>`` tag embeds it; its stylesheet is inlined)
- ``GET  widget.css``   the same stylesheet, for browsers without constructable stylesheets
- ``GET  demo``         a demo school page that embeds the widget under a strict CSP
- ``POST webhook``      ``{"sender": <uuid4>, "message": <text>}`` -> list of bot messages
- ``POST feedback``     👍/👎 on a factual answer (``bot.channels.feedback``), same origin and rate rules

The webhook only accepts browser requests from allowed origins, limits message rate, and
checks its input with the same validator as the REST channel (``bot.channels.inbound``; here the
sender must be the widget's UUID4), so bad input gets a 4xx with a Dutch explanation and never
reaches NLU. Like the guarded REST channel it uses ``bot.channels.turn``'s store check
and turn budget: when the tracker store or the lock store is down the webhook answers 503 at
once (instead of Rasa silently keeping the conversation in memory), and a turn that fails,
yields no reply after an error (action server down) or outlasts the budget gets a short Dutch
"even niet beschikbaar" answer. It also shares the decision on typed "/commands"
(``screen_command``): only button payloads the bot offered in the conversation run as intents.
Settings come from ``credentials.yml`` and can be overridden by environment variables (see
:class:`WebsiteSettings`).
"""

from dataclasses import dataclass, field
import hashlib
import html
import json
import logging
import math
import os
from pathlib import Path
import re
from typing import Any, Awaitable, Callable, Dict, List, Optional, Sequence, Text, Tuple
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import texts, texts_en
from bot.channels import feedback
from bot.channels.inbound import MAX_MESSAGE_CHARS, InputRejected, InputRules, parse_body, refusal, uuid4_sender
from bot.channels.ratelimit import SlidingWindowRateLimiter
from bot.channels.turn import check_stores, health_response, own_reply, reply_language, run_turn, screen_command

import bot.nlp.rasa_speedups  # noqa: F401  (active in every Rasa server process)

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
CSS_PLACEHOLDER = '"__NPO_WIDGET_CSS__"'
MAX_CHARS_PLACEHOLDER = '"__NPO_MAX_MESSAGE_CHARS__"'
TEXT_PLACEHOLDER = '"__NPO_WIDGET_TEXT__"'

DEFAULT_ALLOWED_ORIGINS = ("self", "http://localhost:*", "http://127.0.0.1:*")
DEFAULT_RATE_LIMIT_PER_MINUTE = 20
DEFAULT_IP_RATE_LIMIT_PER_MINUTE = 120
DEFAULT_MAX_MESSAGE_CHARS = MAX_MESSAGE_CHARS
DEFAULT_TURN_TIMEOUT = 10.0
# Seconds a client should wait before retrying after a 503.
RETRY_AFTER_UNAVAILABLE = "10"

ENV_ALLOWED_ORIGINS = "NPO_ALLOWED_ORIGINS"
ENV_RATE_LIMIT = "NPO_RATE_LIMIT_PER_MINUTE"
ENV_IP_RATE_LIMIT = "NPO_IP_RATE_LIMIT_PER_MINUTE"
ENV_MAX_MESSAGE_CHARS = "NPO_MAX_MESSAGE_CHARS"
ENV_TURN_TIMEOUT = "NPO_TURN_TIMEOUT"  # shared with the guarded REST channel

# The website channel's error codes for reasons bot.channels.inbound names more finely.
WEBSITE_CODES = {
    "body_too_large": "message_too_long",
    "not_an_object": "invalid_json",
    "missing_sender": "invalid_fields",
    "missing_message": "invalid_fields",
    "invalid_metadata": "invalid_fields",
    "invalid_conversation": "invalid_sender",
}


# --------------------------------------------------------------------------- settings


def _split_origins(value: Any) -> List[Text]:
    if value is None:
        return []
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, (list, tuple)):
        items = [str(item) for item in value]
    else:
        raise ValueError(f"allowed_origins must be a list or a comma-separated string, not {value!r}")
    return [item.strip() for item in items if item and item.strip()]


def _number_setting(name: Text, value: Any, minimum: float, kind: type = int) -> Any:
    try:
        number = kind(str(value).strip())
    except (TypeError, ValueError):
        what = "a whole number" if kind is int else "a number"
        raise ValueError(f"{name} must be {what}, not {value!r}") from None
    if not math.isfinite(number) or number < minimum:
        raise ValueError(f"{name} must be at least {minimum}, not {number}")
    return number


@dataclass(frozen=True)
class WebsiteSettings:
    """Configuration of the website channel.

    ``credentials.yml`` keys, each overridden by an environment variable when that is set:

    - ``allowed_origins`` (``NPO_ALLOWED_ORIGINS``, comma-separated): origins whose pages may
      call the webhook. ``self`` is the bot's own origin (always allowed), ``*`` allows any
      origin, ``http://localhost:*`` any port, ``https://*.example.nl`` any subdomain.
    - ``rate_limit_per_minute`` (``NPO_RATE_LIMIT_PER_MINUTE``): messages per sender id per
      minute; 0 switches the limit off.
    - ``ip_rate_limit_per_minute`` (``NPO_IP_RATE_LIMIT_PER_MINUTE``): messages per client IP
      per minute (keep it generous: a whole school can share one IP); 0 switches it off.
    - ``max_message_chars`` (``NPO_MAX_MESSAGE_CHARS``): longest accepted message.
    - ``turn_timeout`` (``NPO_TURN_TIMEOUT``, seconds, the same variable as the REST channel):
      the budget of one turn; a slower turn is cut off and answered with "even niet beschikbaar".
    """

    allowed_origins: Tuple[Text, ...] = DEFAULT_ALLOWED_ORIGINS
    rate_limit_per_minute: int = DEFAULT_RATE_LIMIT_PER_MINUTE
    ip_rate_limit_per_minute: int = DEFAULT_IP_RATE_LIMIT_PER_MINUTE
    max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS
    turn_timeout: float = DEFAULT_TURN_TIMEOUT

    @classmethod
    def from_sources(
        cls,
        credentials: Optional[Dict[Text, Any]] = None,
        environ: Optional[Dict[Text, Text]] = None,
    ) -> "WebsiteSettings":
        credentials = dict(credentials or {})
        environ = os.environ if environ is None else environ

        def pick(key: Text, env_name: Text, default: Any) -> Any:
            env_value = environ.get(env_name)
            if env_value is not None and env_value.strip():
                return env_value
            value = credentials.get(key)
            return default if value is None else value

        origins = _split_origins(pick("allowed_origins", ENV_ALLOWED_ORIGINS, DEFAULT_ALLOWED_ORIGINS))
        settings = cls(
            allowed_origins=tuple(origins),
            rate_limit_per_minute=_number_setting(
                "rate_limit_per_minute",
                pick("rate_limit_per_minute", ENV_RATE_LIMIT, DEFAULT_RATE_LIMIT_PER_MINUTE),
                0,
            ),
            ip_rate_limit_per_minute=_number_setting(
                "ip_rate_limit_per_minute",
                pick("ip_rate_limit_per_minute", ENV_IP_RATE_LIMIT, DEFAULT_IP_RATE_LIMIT_PER_MINUTE),
                0,
            ),
            max_message_chars=_number_setting(
                "max_message_chars",
                pick("max_message_chars", ENV_MAX_MESSAGE_CHARS, DEFAULT_MAX_MESSAGE_CHARS),
                1,
            ),
            turn_timeout=_number_setting(
                "turn_timeout", pick("turn_timeout", ENV_TURN_TIMEOUT, DEFAULT_TURN_TIMEOUT), 0.1, float
            ),
        )
        OriginPolicy(settings.allowed_origins)  # fail at startup on a malformed origin
        return settings


# --------------------------------------------------------------------------- origins

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _host_port(scheme: Text, netloc: Text) -> Optional[Tuple[Text, int]]:
    """(host, port) of a netloc, with the scheme's default port filled in."""
    try:
        parts = urlsplit(f"{scheme}://{netloc}")
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    if port is None:
        port = _DEFAULT_PORTS.get(scheme)
    if port is None:
        return None
    return host, port


@dataclass(frozen=True)
class _OriginPattern:
    scheme: Text
    host: Text  # exact host, or ".example.nl" for "*.example.nl"
    port: Optional[int]  # None: any port

    def matches(self, scheme: Text, host: Text, port: int) -> bool:
        if scheme != self.scheme:
            return False
        if self.host.startswith("."):
            if not host.endswith(self.host):
                return False
        elif host != self.host:
            return False
        return self.port is None or port == self.port


@dataclass
class OriginPolicy:
    """Decides which browser origins may call the webhook."""

    patterns: Sequence[Text]
    allow_any: bool = field(init=False, default=False)
    allow_null: bool = field(init=False, default=False)
    _parsed: List[_OriginPattern] = field(init=False, default_factory=list)

    def __post_init__(self) -> None:
        for raw in self.patterns:
            pattern = raw.strip().rstrip("/")
            lowered = pattern.lower()
            if lowered in ("self", ""):
                continue  # the bot's own origin is always allowed
            if lowered == "*":
                self.allow_any = True
                continue
            if lowered == "null":
                self.allow_null = True
                continue
            self._parsed.append(self._parse(pattern))

    @staticmethod
    def _parse(pattern: Text) -> _OriginPattern:
        match = re.fullmatch(r"(https?)://(\*\.)?([a-z0-9.\-\[\]:]+?)(?::(\d+|\*))?", pattern.lower())
        if not match:
            raise ValueError(
                f"Invalid allowed origin {pattern!r}: use scheme://host[:port], "
                f"for example https://www.school.nl or http://localhost:*"
            )
        scheme, wildcard, host, port = match.groups()
        if port is None:
            port_number: Optional[int] = _DEFAULT_PORTS[scheme]
        elif port == "*":
            port_number = None
        else:
            port_number = int(port)
        return _OriginPattern(scheme, f".{host}" if wildcard else host, port_number)

    def allows(self, origin: Text, request_host: Text) -> bool:
        """Whether a request with ``Origin: origin`` to ``Host: request_host`` is allowed."""
        origin = origin.strip()
        if origin.lower() == "null":
            return self.allow_any or self.allow_null
        if self.allow_any:
            return True
        match = re.fullmatch(r"(https?)://([^/?#@\s]+)", origin, flags=re.IGNORECASE)
        if not match:
            return False
        scheme = match.group(1).lower()
        origin_hp = _host_port(scheme, match.group(2))
        if origin_hp is None:
            return False
        # The bot's own origin: the page was served by the host this request goes to.
        if request_host and _host_port(scheme, request_host) == origin_hp:
            return True
        return any(p.matches(scheme, *origin_hp) for p in self._parsed)


# --------------------------------------------------------------------------- static files


@dataclass(frozen=True)
class _Asset:
    body: bytes
    content_type: Text
    etag: Text

    @classmethod
    def of(cls, body: bytes, content_type: Text) -> "_Asset":
        return cls(body, content_type, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')


def _read_static(name: Text) -> Text:
    return (STATIC_DIR / name).read_text(encoding="utf-8")


def load_assets(max_message_chars: int = DEFAULT_MAX_MESSAGE_CHARS) -> Dict[Text, _Asset]:
    """Read the widget and demo files once; inline the stylesheet, the length limit and the wording
    (actions/texts.py) into widget.js."""
    css = _read_static("widget.css")
    script = _read_static("widget.js")
    values = {
        CSS_PLACEHOLDER: json.dumps(css),
        MAX_CHARS_PLACEHOLDER: str(int(max_message_chars)),
        TEXT_PLACEHOLDER: json.dumps({"nl": {**texts.WIDGET, **texts.WIDGET_FEEDBACK},
                                      "en": {**texts_en.WIDGET, **texts_en.WIDGET_FEEDBACK}}),
    }
    for placeholder, value in values.items():
        if placeholder not in script:
            raise RuntimeError(f"widget.js lacks the placeholder {placeholder}")
        script = script.replace(placeholder, value, 1)
    return {
        "widget.js": _Asset.of(script.encode("utf-8"), "application/javascript; charset=utf-8"),
        "widget.css": _Asset.of(css.encode("utf-8"), "text/css; charset=utf-8"),
        "demo.css": _Asset.of(_read_static("demo.css").encode("utf-8"), "text/css; charset=utf-8"),
    }


# The demo page's policy: only its own origin (which is the bot's origin) may supply scripts,
# styles and fetch targets. ``frame-ancestors`` only works as a header, not in <meta>.
DEMO_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; font-src 'self'; base-uri 'none'; form-action 'self'"
)
DEMO_CSP_HEADER = DEMO_CSP + "; frame-ancestors 'none'"
_SAFE_HOST = re.compile(r"^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$")


def render_demo(template: Text, scheme: Text, host: Text, base_path: Text) -> Text:
    """Fill in the demo page: the widget tag as a site owner would paste it."""
    if host and _SAFE_HOST.match(host) and scheme in ("http", "https"):
        widget_src = f"{scheme}://{host}{base_path}widget.js"
    else:
        widget_src = f"{base_path}widget.js"  # odd Host header: never reflect it
    snippet = f'<script src="{widget_src}" defer></script>'
    values = {
        "{{CSP}}": DEMO_CSP,
        "{{BASE}}": base_path,
        "{{WIDGET_SRC}}": widget_src,
        "{{SNIPPET}}": snippet,
    }
    for key, value in values.items():
        template = template.replace(key, html.escape(value, quote=True))
    return template


# --------------------------------------------------------------------------- channel


def client_ip(request: Request) -> Text:
    """The client address; honours proxy headers only as configured in Sanic
    (``SANIC_PROXIES_COUNT`` / ``SANIC_REAL_IP_HEADER`` / ``SANIC_FORWARDED_SECRET``)."""
    return request.remote_addr or request.ip or "unknown"


class WebsiteInput(InputChannel):
    """HTTP input channel for the embeddable website widget."""

    @classmethod
    def name(cls) -> Text:
        return "website"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "InputChannel":
        return cls(WebsiteSettings.from_sources(credentials))

    def __init__(
        self,
        settings: Optional[WebsiteSettings] = None,
        clock: Optional[Callable[[], float]] = None,
    ) -> None:
        self.settings = settings or WebsiteSettings.from_sources()
        self.origins = OriginPolicy(self.settings.allowed_origins)
        self.input_rules = InputRules(
            sender=uuid4_sender, sender_reason="invalid_conversation",
            max_message_chars=self.settings.max_message_chars, codes=WEBSITE_CODES,
        )
        limiter_args = {"window_seconds": 60.0}
        if clock is not None:
            limiter_args["clock"] = clock
        self.sender_limiter = SlidingWindowRateLimiter(self.settings.rate_limit_per_minute, **limiter_args)
        self.ip_limiter = SlidingWindowRateLimiter(self.settings.ip_rate_limit_per_minute, **limiter_args)
        self.assets = load_assets(self.settings.max_message_chars)
        self.demo_template = _read_static("demo.html")

    # -- helpers --------------------------------------------------------------------------

    def origin_allowed(self, request: Request) -> bool:
        origin = request.headers.get("origin")
        if origin is None:
            return True  # not a browser cross-origin call: curl, server-to-server, same-origin GET
        return self.origins.allows(origin, request.headers.get("host", ""))

    def _serve_asset(self, request: Request, name: Text, extra: Optional[Dict[Text, Text]] = None) -> HTTPResponse:
        asset = self.assets[name]
        headers = {
            "ETag": asset.etag,
            "Cache-Control": "public, max-age=300",
            "Cross-Origin-Resource-Policy": "cross-origin",
        }
        headers.update(extra or {})
        if request.headers.get("if-none-match") == asset.etag:
            return response.empty(status=304, headers=headers)
        return response.raw(asset.body, content_type=asset.content_type, headers=headers)

    def _apply_cors(self, request: Request, resp: HTTPResponse) -> Optional[HTTPResponse]:
        """Set CORS headers for the webhook (replacing any set by Rasa's sanic-cors)."""
        origin = request.headers.get("origin")
        allowed = self.origin_allowed(request)
        if request.method == "OPTIONS":
            if not allowed:
                return refusal("forbidden_origin", {"Vary": "Origin"}, language=reply_language(request))
            resp = response.empty(status=204)
        for key in [k for k in resp.headers.keys() if k.lower().startswith("access-control-")]:
            del resp.headers[key]
        resp.headers["Vary"] = "Origin"
        if origin is not None and allowed:
            resp.headers["Access-Control-Allow-Origin"] = origin
            resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
            resp.headers["Access-Control-Allow-Headers"] = "Content-Type"
            resp.headers["Access-Control-Max-Age"] = "600"
        return resp

    # -- blueprint ------------------------------------------------------------------------

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        website = Blueprint(f"website_channel_{type(self).__name__}", __name__)

        @website.route("/", methods=["GET", "OPTIONS"])
        async def health(request: Request) -> HTTPResponse:
            if request.method == "GET":
                return health_response(request)
            return response.json({"status": "ok"})

        @website.route("/widget.js", methods=["GET"])
        async def widget_js(request: Request) -> HTTPResponse:
            return self._serve_asset(request, "widget.js")

        @website.route("/widget.css", methods=["GET"])
        async def widget_css(request: Request) -> HTTPResponse:
            return self._serve_asset(request, "widget.css")

        @website.route("/demo.css", methods=["GET"])
        async def demo_css(request: Request) -> HTTPResponse:
            return self._serve_asset(request, "demo.css")

        @website.route("/demo", methods=["GET"])
        async def demo(request: Request) -> HTTPResponse:
            base_path = request.path[: -len("demo")] if request.path.endswith("demo") else "/"
            page = render_demo(self.demo_template, request.scheme, request.headers.get("host", ""), base_path)
            return response.html(
                page,
                headers={
                    "Content-Security-Policy": DEMO_CSP_HEADER,
                    "Cache-Control": "no-cache",
                    "Referrer-Policy": "strict-origin-when-cross-origin",
                },
            )

        @website.route("/webhook", methods=["POST", "OPTIONS"])
        async def webhook(request: Request) -> HTTPResponse:
            refused = self._admit(request)
            if refused is not None:
                return refused
            try:
                sender, text, _ = parse_body(request.body or b"", self.input_rules)
            except InputRejected as rejected:
                return rejected.response(reply_language(request, rejected.sender, rejected.text))
            language = reply_language(request, sender, text)
            retry = self.sender_limiter.hit(sender)
            if not retry.allowed:
                return self._rate_limited(retry.retry_after, language)
            agent = getattr(request.app.ctx, "agent", None)
            problem = check_stores(agent)
            if problem:
                logger.error("website: refusing a turn: %s", problem)
                return self._unavailable(language)

            screened = await screen_command(agent, sender, text)
            if screened.reply:
                return response.json(own_reply(sender, screened), headers={"Cache-Control": "no-store"})
            status, payload = await run_turn(
                on_new_message, sender, screened.text, self.name(), turn_timeout=self.settings.turn_timeout,
                agent=agent
            )
            if status != 200:
                return self._unavailable(reply_language(request, sender, text))
            return response.json(payload, headers={"Cache-Control": "no-store"})

        @website.route("/feedback", methods=["POST", "OPTIONS"])
        async def receive_feedback(request: Request) -> HTTPResponse:
            refused = self._admit(request)
            if refused is not None:
                return refused
            agent = getattr(request.app.ctx, "agent", None)
            problem = check_stores(agent)
            if problem:
                logger.error("website: refusing feedback: %s", problem)
                return self._unavailable(reply_language(request))

            def rate_limit(rating: feedback.Feedback) -> Optional[HTTPResponse]:
                decision = self.sender_limiter.hit(rating.sender)
                if decision.allowed:
                    return None
                return self._rate_limited(decision.retry_after, reply_language(request, rating.sender))

            return await feedback.receive(agent, request.body or b"", self.input_rules.sender, rate_limit, request)

        @website.on_response
        async def finish(request: Request, resp: HTTPResponse) -> Optional[HTTPResponse]:
            resp.headers["X-Content-Type-Options"] = "nosniff"
            if request.path.rstrip("/").endswith(("/webhook", "/feedback")):
                return self._apply_cors(request, resp)
            if request.route is not None and request.route.name.endswith(".health"):
                # Readable cross-origin only for allowed origins: the widget uses this to tell
                # "this site is not allowed" apart from "the bot is down".
                return self._apply_cors(request, resp)
            return None

        return website

    def _admit(self, request: Request) -> Optional[HTTPResponse]:
        """What the webhook and the feedback URL refuse first: a preflight is answered (its CORS
        headers come from finish()), a page from an origin not allowed and a client IP over its
        limit are refused; None lets the request in."""
        if request.method == "OPTIONS":
            return response.empty(status=204)
        if not self.origin_allowed(request):
            logger.info("website: refused a request from origin %r", request.headers.get("origin"))
            return refusal("forbidden_origin", language=reply_language(request))
        retry = self.ip_limiter.hit(client_ip(request))
        if not retry.allowed:
            return self._rate_limited(retry.retry_after, reply_language(request))
        return None

    def _unavailable(self, language: str = "nl") -> HTTPResponse:
        return refusal("unavailable", {"Retry-After": RETRY_AFTER_UNAVAILABLE}, language=language)

    def _rate_limited(self, retry_after: float, language: str = "nl") -> HTTPResponse:
        seconds = str(max(1, int(retry_after + 0.999)))
        return refusal("rate_limited", {"Retry-After": seconds}, language=language)
