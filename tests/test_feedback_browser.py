"""👍/👎 under a factual answer in the widget (headless Chromium, the real bot), by keyboard only,
with screen-reader names; the rating and its comment then show up in the operators' report."""
from __future__ import annotations

import subprocess
import sys

import pytest

from actions import texts
from tests.test_widget_browser import ACTIVE, RESULTS, browser, open_widget, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.browser

QUESTION = "Krijg ik extra reisrecht als hbo-student?"
COMMENT = "Ik zoek het reisrecht voor het mbo. Mail me: kees@voorbeeld.nl"
LABELS = texts.WIDGET_FEEDBACK


def tab_to(page, class_name: str, key: str = "Shift+Tab", limit: int = 25) -> None:
    for _ in range(limit):
        if class_name in (page.evaluate(ACTIVE) or "").split():
            return
        page.keyboard.press(key)
    pytest.fail(f"{class_name} cannot be reached with {key}")


def test_feedback_by_keyboard_reaches_the_report(page, bot_url, bot_stack, tmp_path):
    open_widget(page, bot_url)
    assert page.evaluate(ACTIVE) == "input"
    page.keyboard.type(QUESTION)
    page.keyboard.press("Enter")
    group = page.get_by_role("group", name=LABELS["feedbackQuestion"])
    group.wait_for(timeout=60_000)
    assert group.count() == 1  # the start message and the question itself get none
    up = page.get_by_role("button", name=LABELS["feedbackUp"])
    down = page.get_by_role("button", name=LABELS["feedbackDown"])
    assert up.count() == 1 and down.count() == 1
    # The drawn thumbs are hidden from screen readers; the button's name is its label.
    assert page.locator(".feedback-button svg[aria-hidden=true]").count() == 2

    tab_to(page, "down")  # back from the input, past the quick replies
    page.keyboard.press("Enter")
    field = page.get_by_label(LABELS["feedbackCommentLabel"])
    field.wait_for()
    assert page.evaluate(ACTIVE) == "feedback-field"  # focus moved into the comment
    page.keyboard.type(COMMENT)
    page.keyboard.press("Tab")
    assert "feedback-send" in page.evaluate(ACTIVE)
    page.screenshot(path=str(RESULTS / "widget-feedback-comment.png"))
    page.keyboard.press("Enter")
    thanks = page.locator(".feedback-thanks")
    thanks.wait_for()
    assert thanks.inner_text() == LABELS["feedbackThanks"]
    assert page.evaluate(ACTIVE) == "feedback-thanks"  # focus is not lost
    page.wait_for_function(
        "(text) => document.querySelector('npo-assistent').shadowRoot"
        ".querySelector('[aria-live=polite]').textContent === text", arg=LABELS["feedbackThanks"])
    assert page.get_by_role("button", name=LABELS["feedbackDown"]).count() == 0  # asked once

    page.reload()  # the rating is part of the kept conversation
    page.locator(".feedback-thanks").wait_for()
    assert page.get_by_role("button", name=LABELS["feedbackUp"]).count() == 0
    assert page.console_errors == []

    out = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "bot.report", "--db-url", f"sqlite:///{bot_stack.tracker_db}",
                           "--since", "1h", "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    html = out.read_text(encoding="utf-8")
    section = html[html.index("Answers rated not helpful"):]
    assert QUESTION in section
    assert "Ik zoek het reisrecht voor het mbo. Mail me: [e-mail]" in section
    assert "kees@voorbeeld.nl" not in html
