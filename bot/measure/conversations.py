"""The conversation suite's runner: the cases in tests/conversations.yml against a running bot.

Each case is a fresh conversation (new sender id) over the REST channel. A turn passes when the
bot's replies, joined with newlines, contain the expected words and have (or lack) the closing
`Bron:` line. `tests/test_conversations.py` runs it as a test (with its pass-rate floor) and
`bot.measure.evaluate` for `make eval`; both read the cases and checks from here.
"""
from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List, Optional

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
CASES_PATH = REPO_ROOT / "tests" / "conversations.yml"

TOPICS = ("studenten", "instellingen", "scholen", "datums", "programma", "dialoog", "buiten_bereik")
OUT_OF_SCOPE_TOPIC = "buiten_bereik"
CONCURRENCY = 4
REQUEST_TIMEOUT_S = 60
SOURCE_PREFIX = "Bron:"
CASE_KEYS = {"id", "topic", "turns"}
TURN_KEYS = {"user", "expect_any", "expect_all", "expect_none", "source"}
EXPECT_KEYS = ("expect_any", "expect_all", "expect_none")


# --------------------------------------------------------------------------- cases

def load_cases(path: Path = CASES_PATH) -> List[dict]:
    with path.open(encoding="utf-8") as handle:
        data = yaml.safe_load(handle)
    return data["cases"]


def case_errors(case: object) -> List[str]:
    """Everything wrong with one case definition (empty when it is valid)."""
    if not isinstance(case, dict):
        return ["case is not a mapping"]
    name = case.get("id", "<no id>")
    errors = [f"{name}: unknown key {key!r}" for key in set(case) - CASE_KEYS]
    if not isinstance(case.get("id"), str) or not case.get("id"):
        errors.append(f"{name}: missing id")
    if case.get("topic") not in TOPICS:
        errors.append(f"{name}: topic {case.get('topic')!r} is not one of {TOPICS}")
    turns = case.get("turns")
    if not isinstance(turns, list) or not turns:
        return errors + [f"{name}: no turns"]
    for number, turn in enumerate(turns, 1):
        where = f"{name} turn {number}"
        if not isinstance(turn, dict):
            errors.append(f"{where}: not a mapping")
            continue
        errors += [f"{where}: unknown key {key!r}" for key in set(turn) - TURN_KEYS]
        if not isinstance(turn.get("user"), str) or not turn["user"].strip():
            errors.append(f"{where}: empty user message")
        for key in EXPECT_KEYS:
            value = turn.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                errors.append(f"{where}: {key} must be a list of non-empty strings")
        if "source" in turn and not isinstance(turn["source"], bool):
            errors.append(f"{where}: source must be true or false")
        if not any(turn.get(key) for key in EXPECT_KEYS) and "source" not in turn:
            errors.append(f"{where}: checks nothing")
        if case.get("topic") == OUT_OF_SCOPE_TOPIC and turn.get("source") is not False:
            errors.append(f"{where}: out-of-scope turns must have source: false")
    return errors


# --------------------------------------------------------------------------- checking a reply

def normalise(text: str) -> str:
    """Lowercase, non-breaking spaces as spaces, runs of whitespace as one space."""
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip().lower()


def source_lines(reply: str) -> List[str]:
    return [line.strip() for line in reply.splitlines() if line.strip().startswith(SOURCE_PREFIX)]


def turn_problems(turn: dict, reply: str) -> List[str]:
    """Why `reply` does not satisfy `turn` (empty when it does)."""
    problems: List[str] = []
    text = normalise(reply)
    expect_any = turn.get("expect_any") or []
    if expect_any and not any(normalise(word) in text for word in expect_any):
        problems.append(f"none of {expect_any} in reply")
    missing = [word for word in turn.get("expect_all") or [] if normalise(word) not in text]
    if missing:
        problems.append(f"missing {missing}")
    present = [word for word in turn.get("expect_none") or [] if normalise(word) in text]
    if present:
        problems.append(f"should not contain {present}")
    if turn.get("source") is True:
        lines = [line.strip() for line in reply.splitlines() if line.strip()]
        if not lines or not lines[-1].startswith(SOURCE_PREFIX):
            problems.append("last line is not a 'Bron:' line")
    elif turn.get("source") is False and source_lines(reply):
        problems.append("has a 'Bron:' line")
    return problems


# --------------------------------------------------------------------------- talking to the bot

def send(bot_url: str, sender: str, message: str) -> str:
    """One user message over the REST channel; the bot's texts joined with newlines."""
    request = urllib.request.Request(
        f"{bot_url.rstrip('/')}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode("utf-8"),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=REQUEST_TIMEOUT_S) as response:
        messages = json.loads(response.read().decode("utf-8"))
    return "\n".join(m["text"] for m in messages if isinstance(m, dict) and m.get("text"))


def run_case(bot_url: str, case: dict) -> dict:
    """Play one case in a fresh conversation; every turn is checked, the case passes if all do."""
    sender = f"conv-{case['id']}-{uuid.uuid4().hex}"
    turns = []
    for turn in case["turns"]:
        try:
            reply: Optional[str] = send(bot_url, sender, turn["user"])
            problems = turn_problems(turn, reply)
        except (urllib.error.URLError, OSError, ValueError) as error:
            reply, problems = None, [f"request failed: {error}"]
        turns.append({"user": turn["user"], "reply": reply, "problems": problems})
    has_source = any(t["reply"] and source_lines(t["reply"]) for t in turns)
    return {
        "id": case["id"],
        "topic": case["topic"],
        "passed": all(not t["problems"] for t in turns),
        "answered_with_source": has_source,
        "turns": turns,
    }


def run_cases(bot_url: str, cases: List[dict], workers: int = CONCURRENCY) -> List[dict]:
    """Every case, `workers` conversations at a time, in the order of `cases`."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda case: run_case(bot_url, case), cases))


def summarise(results: List[dict]) -> dict:
    per_topic: Dict[str, Counter] = defaultdict(Counter)
    for result in results:
        per_topic[result["topic"]]["cases"] += 1
        per_topic[result["topic"]]["passed"] += int(result["passed"])
    topics = {
        topic: {
            "cases": counts["cases"],
            "passed": counts["passed"],
            "pass_rate": round(counts["passed"] / counts["cases"], 4),
        }
        for topic, counts in sorted(per_topic.items(), key=lambda item: TOPICS.index(item[0]))
    }
    passed = sum(int(r["passed"]) for r in results)
    oos_with_source = [
        r["id"] for r in results if r["topic"] == OUT_OF_SCOPE_TOPIC and r["answered_with_source"]
    ]
    return {
        "cases": len(results),
        "passed": passed,
        "pass_rate": round(passed / len(results), 4) if results else 0.0,
        "out_of_scope_with_source": oos_with_source,
        "topics": topics,
    }


def report(summary: dict, results: List[dict]) -> str:
    lines = [f"{'topic':<15}{'cases':>7}{'passed':>8}{'rate':>8}"]
    for topic, row in summary["topics"].items():
        lines.append(f"{topic:<15}{row['cases']:>7}{row['passed']:>8}{row['pass_rate']:>8.1%}")
    lines.append(f"{'totaal':<15}{summary['cases']:>7}{summary['passed']:>8}{summary['pass_rate']:>8.1%}")
    failures = [r for r in results if not r["passed"]]
    if failures:
        lines.append(f"\n{len(failures)} failing case(s):")
    for result in failures:
        lines.append(f"- {result['id']} ({result['topic']})")
        for turn in result["turns"]:
            if turn["problems"]:
                reply = " | ".join((turn["reply"] or "<no reply>").splitlines())
                lines.append(f"    user:  {turn['user']}")
                lines.append(f"    bot:   {reply[:300]}")
                lines.append(f"    wrong: {'; '.join(turn['problems'])}")
    return "\n".join(lines)
