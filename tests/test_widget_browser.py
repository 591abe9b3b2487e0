"""The chat widget in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright).

Most tests run the demo page against a small echo bot (the website channel in Rasa's own app
setup, see ``tests/test_website_channel.py``), so they need no trained model. One test uses
the real bot (``bot_url`` from ``tests/conftest.py``). Screenshots go to ``results/``.
"""

from __future__ import annotations

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import os
from pathlib import Path
import re
import threading

import pytest
from playwright.sync_api import expect

from tests.test_website_channel import BotServer

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("NPO_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # A second, foreign site name for the embed test; it lives on this machine.
    "--host-resolver-rules=MAP andere-school.test 127.0.0.1",
]
RESULTS = Path(__file__).resolve().parent.parent / "results"
DEMO = "/webhooks/website/demo"
INJECTION = "<img src=x onerror=alert(1)>"
QUESTION = "Krijg ik extra reisrecht als hbo-student?"

ACTIVE = """() => {
  const root = document.querySelector('npo-assistent').shadowRoot;
  const el = root.activeElement;
  return el ? el.className : null;
}"""


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run 'make sysdeps' (apt-get install chromium)")
    RESULTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def fake_bot_url():
    with BotServer() as server:
        yield server.url


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.dialogs = []  # type: ignore[attr-defined]
    page.console_errors = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


def open_widget(page, base_url: str) -> None:
    page.goto(base_url + DEMO)
    page.locator(".launcher").click()
    page.locator(".panel").wait_for(state="visible")
    page.evaluate(
        "() => Promise.all(document.querySelector('npo-assistent').shadowRoot"
        ".querySelector('.panel').getAnimations().map((a) => a.finished))"
    )


def ask(page, text: str) -> None:
    page.locator(".input").fill(text)
    page.locator(".input").press("Enter")


def bot_bubbles(page):
    return page.locator(".message.bot .bubble")


def test_conversation_quick_replies_and_history(page, fake_bot_url):
    open_widget(page, fake_bot_url)
    assert page.evaluate(ACTIVE) == "input"  # focus moved into the panel
    assert bot_bubbles(page).count() == 1  # the start message from data-start-message
    assert "Hogeschool Voorbeeld" in bot_bubbles(page).first.inner_text()

    ask(page, QUESTION)
    answer = bot_bubbles(page).nth(1)
    answer.wait_for()
    assert f"Je vroeg: {QUESTION}" in answer.inner_text()
    source = answer.locator("p.source")
    assert source.inner_text() == "Bron: Testbron, pagina 1"
    link = answer.locator("a")
    assert link.get_attribute("href") == "https://www.example.org/npo"
    assert link.get_attribute("rel") == "noopener noreferrer"
    assert link.get_attribute("target") == "_blank"
    live = page.locator("[aria-live=polite]")
    page.wait_for_function(
        "() => document.querySelector('npo-assistent').shadowRoot"
        ".querySelector('[aria-live=polite]').textContent.includes('Je vroeg')"
    )
    assert live.inner_text().startswith("NPO-assistent:")

    ask(page, "hallo")
    page.locator(".quick-reply", has_text="Collegegeld").wait_for()
    page.screenshot(path=str(RESULTS / "widget-open.png"))
    page.locator(".quick-reply", has_text="Collegegeld").click()
    page.locator(".message.user .bubble", has_text="Collegegeld").wait_for()
    bot_bubbles(page).filter(has_text="Je vroeg: Hoeveel collegegeld betaal ik?").wait_for()
    assert page.locator(".quick-reply").count() == 0  # used quick replies disappear
    assert page.evaluate(ACTIVE) == "input"

    before = page.locator(".message").all_inner_texts()
    page.reload()
    page.locator(".panel").wait_for(state="visible")  # the open chat is restored
    assert page.locator(".message").all_inner_texts() == before

    page.get_by_role("button", name="Nieuw gesprek").click()
    assert bot_bubbles(page).count() == 1
    assert page.locator(".message.user").count() == 0
    assert page.evaluate(ACTIVE) == "input"
    assert page.console_errors == []  # no CSP violations, no script errors


def test_whole_flow_by_keyboard_only(page, fake_bot_url):
    page.goto(fake_bot_url + DEMO)
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE) == "launcher":
            break
    else:
        pytest.fail("the launcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    assert page.evaluate(ACTIVE) == "input"

    page.keyboard.type("hallo")
    page.keyboard.press("Enter")
    page.locator(".quick-reply").first.wait_for()
    page.keyboard.press("Shift+Tab")  # the last quick reply sits right before the input
    assert page.evaluate(ACTIVE) == "quick-reply"
    page.keyboard.press("Enter")
    bot_bubbles(page).filter(has_text="Je vroeg: Hoeveel collegegeld betaal ik?").wait_for()
    assert page.evaluate(ACTIVE) == "input"

    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    bot_bubbles(page).filter(has_text=f"Je vroeg: {QUESTION}").wait_for()

    focus_ring = page.evaluate(
        """() => {
          const root = document.querySelector('npo-assistent').shadowRoot;
          root.querySelector('.reset').focus();
          return getComputedStyle(root.querySelector('.reset')).outlineStyle;
        }"""
    )
    assert focus_ring == "solid"  # visible focus
    page.screenshot(path=str(RESULTS / "widget-keyboard.png"))

    page.keyboard.press("Escape")
    page.locator(".panel").wait_for(state="hidden")
    assert page.evaluate(ACTIVE) == "launcher"  # focus back on the launcher


def test_injection_is_shown_as_text(page, fake_bot_url):
    open_widget(page, fake_bot_url)
    ask(page, INJECTION)
    page.locator(".message.user .bubble", has_text=INJECTION).wait_for()
    bot_bubbles(page).filter(has_text=f"Je vroeg: {INJECTION}").wait_for()
    images = page.evaluate("() => document.querySelector('npo-assistent').shadowRoot.querySelectorAll('img').length")
    assert images == 0
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0
    assert page.dialogs == []


def test_usable_at_320px_and_200_percent_zoom(browser, fake_bot_url):
    # 320 CSS px wide (WCAG reflow) and 1280x800 at 200 % zoom (= 640x400 CSS px).
    for name, viewport in (("320", {"width": 320, "height": 640}), ("zoom200", {"width": 640, "height": 400})):
        context = browser.new_context(viewport=viewport, device_scale_factor=2 if name == "zoom200" else 1)
        page = context.new_page()
        open_widget(page, fake_bot_url)
        ask(page, QUESTION)
        bot_bubbles(page).nth(1).wait_for()
        box = page.locator(".panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 0.5
        assert box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"] + 0.5
        assert page.get_by_role("button", name="Nieuw gesprek").is_visible()
        assert page.get_by_role("button", name="Chat sluiten").is_visible()
        assert page.get_by_role("textbox", name="Je vraag").is_visible()
        for part in (".input", ".send", ".close", ".reset"):
            part_box = page.locator(part).bounding_box()
            assert part_box["x"] >= 0 and part_box["x"] + part_box["width"] <= viewport["width"] + 0.5, part
        overflow = page.evaluate(
            """() => {
              const list = document.querySelector('npo-assistent').shadowRoot.querySelector('.messages');
              return list.scrollWidth - list.clientWidth;
            }"""
        )
        assert overflow <= 0  # no horizontal scrolling inside the panel
        page.screenshot(path=str(RESULTS / f"widget-{name}.png"))
        context.close()


CONTRAST = """(selector) => {
  const root = document.querySelector('npo-assistent').shadowRoot;
  const node = root.querySelector(selector);
  if (!node) return -1;
  const rgb = (value) => value.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = null;
  for (let el = node; el; el = el.parentElement || (el.getRootNode() && el.getRootNode().host)) {
    const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] === 1) { if (!(c.length === 4 && c[3] === 0)) { bg = c.slice(0, 3); break; } }
  }
  bg = bg || [255, 255, 255];
  const fg = rgb(getComputedStyle(node).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}"""

TEXT_PARTS = [
    ".title",
    ".subtitle",
    ".header-button.reset",
    ".message.bot .bubble p",
    ".message.bot p.source",
    ".message.user .bubble p",
    ".quick-reply",
    ".send",
    ".disclaimer",
    ".typing",
]


def check_contrast(page) -> None:
    for selector in TEXT_PARTS:
        ratio = page.evaluate(CONTRAST, selector)
        assert ratio >= 4.5, (selector, ratio)


def test_text_contrast_is_at_least_4_5(page, fake_bot_url):
    open_widget(page, fake_bot_url)
    ask(page, QUESTION)
    page.locator(".message.bot p.source").first.wait_for()
    ask(page, "hallo")
    page.locator(".quick-reply").first.wait_for()
    page.evaluate("() => { document.querySelector('npo-assistent').shadowRoot.querySelector('.typing').hidden = false; }")
    check_contrast(page)


class HostSite:
    """Another website (its own origin) that embeds the widget with one script tag."""

    def __init__(self, widget_src: str, lang: str = "nl",
                 attributes: str = 'data-colour="#ffdd00" data-title="Vraag het ons"') -> None:
        page = (
            f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>Andere site</title></head>'
            f'<body><h1>Andere site</h1><script src="{widget_src}" defer {attributes}></script></body></html>'
        ).encode("utf-8")

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)

            def log_message(self, *args) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> "HostSite":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def test_embed_on_another_origin(page, fake_bot_url):
    """A cross-origin embed (CORS preflight) on an allowed origin works; a light data-colour
    is darkened to keep contrast; a site that is not on the allowlist gets the Dutch 403 text."""
    with HostSite(f"{fake_bot_url}/webhooks/website/widget.js") as site:
        page.goto(f"http://localhost:{site.port}/")
        page.locator(".launcher").click()
        assert page.locator(".title").inner_text() == "Vraag het ons"
        ask(page, QUESTION)
        page.locator(".message.bot p.source").first.wait_for()
        ask(page, "hallo")
        page.locator(".quick-reply").first.wait_for()
        check_contrast(page)
        page.screenshot(path=str(RESULTS / "widget-other-site.png"))

        page.goto(f"http://andere-school.test:{site.port}/")
        page.locator(".launcher").click()
        ask(page, QUESTION)
        notice = page.locator(".notice")
        notice.wait_for()
        assert "Deze website mag de assistent niet gebruiken." in notice.inner_text()
        assert page.locator(".retry").count() == 0


def test_reduced_motion_is_respected(browser, fake_bot_url):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    open_widget(page, fake_bot_url)
    animation = page.evaluate(
        "() => getComputedStyle(document.querySelector('npo-assistent').shadowRoot.querySelector('.panel')).animationName"
    )
    assert animation == "none"
    context.close()


def test_unreachable_bot_shows_error_and_retry(page, fake_bot_url):
    open_widget(page, fake_bot_url)
    page.route(re.compile(r".*/webhooks/website/webhook$"), lambda route: route.abort("connectionrefused"))
    ask(page, QUESTION)
    notice = page.locator(".notice")
    notice.wait_for()
    assert "Het lukt nu niet om de assistent te bereiken" in notice.inner_text()
    page.wait_for_function(
        "() => document.querySelector('npo-assistent').shadowRoot"
        ".querySelector('[aria-live=polite]').textContent.includes('Het lukt nu niet')"
    )
    page.screenshot(path=str(RESULTS / "widget-unreachable.png"))

    page.unroute(re.compile(r".*/webhooks/website/webhook$"))
    page.locator(".retry", has_text="Opnieuw proberen").click()
    bot_bubbles(page).filter(has_text=f"Je vroeg: {QUESTION}").wait_for()
    assert page.locator(".notice").count() == 0
    assert page.locator(".message.user").count() == 1  # the retry did not repeat the question


def test_real_bot_answer_with_source(page, bot_url):
    open_widget(page, bot_url)
    ask(page, QUESTION)
    source = page.locator(".message.bot p.source").first
    source.wait_for(timeout=60_000)
    assert source.inner_text().startswith("Bron")
    page.screenshot(path=str(RESULTS / "widget-real-bot.png"))

    ask(page, "wat kun je")
    page.locator(".quick-reply").first.wait_for(timeout=60_000)
    title = page.locator(".quick-reply").first.inner_text()
    page.locator(".quick-reply").first.click()
    expect(page.locator(".message.user")).to_have_count(3)
    assert page.locator(".message.user p").last.inner_text() == title
    assert page.console_errors == []


def test_english_page_gets_english_labels_and_replies_follow_the_user(page, bot_url):
    """On a page with lang="en" the widget's own labels are English; the bot answers an English
    question in English with a `Source:` line, and a Dutch question in Dutch, in one conversation."""
    with HostSite(f"{bot_url}/webhooks/website/widget.js", lang="en", attributes="") as site:
        page.goto(f"http://localhost:{site.port}/")
        page.locator(".launcher").click()
        assert page.locator(".launcher").inner_text() == "Ask a question"
        assert page.locator(".input").get_attribute("placeholder") == "Type your question…"
        assert page.locator(".send").inner_text() == "Send"
        assert page.locator(".close").get_attribute("aria-label") == "Close chat"
        ask(page, "Do higher education students get 12 extra months of travel rights?")
        source = page.locator(".message.bot p.source").first
        source.wait_for(timeout=60_000)
        assert source.inner_text().startswith("Source")
        assert "(in Dutch)" in bot_bubbles(page).last.inner_text()
        ask(page, "Krijg ik als mbo-student korting op mijn lesgeld?")
        expect(page.locator(".message.bot p.source")).to_have_count(2, timeout=60_000)
        assert page.locator(".message.bot p.source").last.inner_text().startswith("Bron")
        page.screenshot(path=str(RESULTS / "widget-english.png"))
        assert page.console_errors == []


def test_data_lang_chooses_english_labels_on_a_dutch_page(page, fake_bot_url):
    with HostSite(f"{fake_bot_url}/webhooks/website/widget.js", lang="nl", attributes='data-lang="en"') as site:
        page.goto(f"http://localhost:{site.port}/")
        page.locator(".launcher").click()
        assert page.locator(".title").inner_text() == "NPO assistant"
        assert page.locator(".send").inner_text() == "Send"
    with HostSite(f"{fake_bot_url}/webhooks/website/widget.js", lang="nl", attributes="") as site:
        page.goto(f"http://localhost:{site.port}/")
        page.locator(".launcher").click()
        assert page.locator(".send").inner_text() == "Verstuur"
