"""For the people who run it, through the running bot with its SQLite tracker store: personal data
never reaches the store, feedback is stored with the answer it rates, and the report and the
review export count exactly the conversations that were held.

The PostgreSQL version of the same script is in tests/test_operations_cluster.py.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from actions import record
from bot.ops.serve import Stack
from bot.report.store import NO_REPLY
from tests import operations_script as script

pytestmark = pytest.mark.http
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """A bot of its own (so the counts are exact), the script sent through it."""
    workdir = tmp_path_factory.mktemp("ops")
    with Stack(workdir=workdir) as stack:
        result = script.run_script(stack.url)
        yield stack, result


def stored_rows(db: Path):
    with sqlite3.connect(db) as connection:
        return connection.execute("SELECT sender_id, type_name, data FROM events ORDER BY id").fetchall()


def run_cli(module: str, db: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", module, "--db-url", f"sqlite:///{db}", "--since", "1h",
                           "--out", str(out), *extra], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)


def assert_no_personal_data(rows) -> None:
    everything = "\n".join(str(value) for row in rows for value in row)
    for value in script.PERSONAL:
        assert value not in everything
    for placeholder in ("[e-mail]", "[telefoonnummer]", "[bsn]", "[iban]", "[adres]"):
        assert placeholder in everything


# --------------------------------------------------------------------------- redaction and feedback

def test_personal_data_is_not_stored(seeded):
    stack, _ = seeded
    assert_no_personal_data(stored_rows(stack.tracker_db))


def test_nlu_still_reads_the_redacted_message(seeded):
    stack, _ = seeded
    users = [json.loads(data) for _, type_name, data in stored_rows(stack.tracker_db) if type_name == "user"]
    redacted = next(u for u in users if "[e-mail]" in u["text"])
    assert redacted["text"] == "Mijn e-mail is [e-mail], krijg ik korting op mijn collegegeld?"
    assert redacted["parse_data"]["intent"]["name"] == "ask_tuition"


def test_only_factual_answers_carry_an_answer_id(seeded):
    _, result = seeded
    kinds = {(conv, message): kind for _, conv, message, kind in script.SCRIPT}
    for key, answer_id in result["answer_ids"].items():
        assert (answer_id is not None) == (kinds[key] == record.ANSWERED), key


def test_feedback_is_an_event_linked_to_its_answer(seeded):
    stack, result = seeded
    rows = stored_rows(stack.tracker_db)
    feedback = [(sender, json.loads(data)) for sender, type_name, data in rows if type_name == "agent"]
    assert len(feedback) == len(script.RATINGS)
    answer_ids = {json.loads(data)["metadata"]["npo_reply"]["id"]: sender for sender, type_name, data in rows
                  if type_name == "bot" and "npo_reply" in json.loads(data).get("metadata", {})}
    for sender, event in feedback:
        rating = event["data"]["npo_feedback"]
        assert answer_ids[rating["answer_id"]] == sender  # same conversation as the answer it rates
    down = next(e["data"]["npo_feedback"] for _, e in feedback if e["data"]["npo_feedback"]["rating"] == "down")
    assert down["comment"] == "Te kort. Bel me op [telefoonnummer]"


@pytest.mark.parametrize("body,status", [
    ({"answer_id": "0000000000000000", "rating": "up"}, 404),      # not an answer of this conversation
    ({"answer_id": "x", "rating": "meh"}, 400),
    ({"rating": "up"}, 400),
    ({"answer_id": "../etc", "rating": "down"}, 400),
    ({"answer_id": "abc", "rating": "down", "comment": 5}, 400),
    ({"answer_id": "abc", "rating": "down", "comment": "x" * 501}, 413),
])
def test_bad_feedback_gets_a_dutch_error_not_a_crash(seeded, body, status):
    stack, result = seeded
    sender = result["senders"]["a"]
    code, payload = script.post(stack.url + script.REST + "/feedback", {"sender": sender, **body})
    assert code == status and payload["message"]


@pytest.mark.parametrize("channel", [script.REST, script.WEBSITE])
def test_feedback_that_is_not_json_gets_400(seeded, channel):
    import urllib.error
    import urllib.request

    stack, _ = seeded
    request = urllib.request.Request(stack.url + channel + "/feedback", data=b"{not json", method="POST",
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as error:
        urllib.request.urlopen(request, timeout=30)
    assert error.value.code == 400
    assert json.loads(error.value.read())["error"] == "invalid_feedback"


def test_feedback_of_another_conversation_is_refused(seeded):
    stack, result = seeded
    answer_id = result["answer_ids"][("c", script.DOWN_QUESTION)]
    code, payload = script.post(stack.url + script.REST + "/feedback",
                                {"sender": result["senders"]["a"], "answer_id": answer_id, "rating": "up"})
    assert code == 404, payload


# --------------------------------------------------------------------------- the report

@pytest.fixture(scope="module")
def report(seeded, tmp_path_factory):
    stack, _ = seeded
    out = tmp_path_factory.mktemp("report") / "report.html"
    done = run_cli("bot.report", stack.tracker_db, out)
    assert done.returncode == 0, done.stderr[-2000:]
    return out.read_text(encoding="utf-8")


def test_report_counts_exactly(seeded):
    from bot.report.store import read_turns
    from bot.report.summary import summarise
    import sqlalchemy as sa

    stack, _ = seeded
    engine = sa.create_engine(f"sqlite:///{stack.tracker_db}")
    now = dt.datetime.now(dt.timezone.utc)
    since = now - dt.timedelta(hours=1)
    summary = summarise(read_turns(engine, since.timestamp(), now.timestamp()), since, now, dt.timezone.utc)
    engine.dispose()
    assert summary.conversations == 3
    assert summary.messages == len(script.SCRIPT)
    expected = script.expected_kinds()
    assert {k: n for k, n in summary.kinds if n} == dict(expected), summary.kinds
    assert dict(summary.kinds)[NO_REPLY] == 0
    assert summary.ratings == {"up": 1, "down": 1}
    assert [t.text for t in summary.thumbs_down] == [script.DOWN_QUESTION]
    groups = {g.text: g.count for g in summary.unanswered}
    # the two wordings of the municipality question are one group
    assert groups[script.UNANSWERED_GEMEENTE] == 2
    assert sum(groups.values()) == expected[record.NOT_IN_DOCUMENTS] + expected[record.FALLBACK]
    assert sum(n for _, c, n in summary.per_day) == len(script.SCRIPT)
    assert summary.latency_ms and summary.latency_ms["count"] == len(script.SCRIPT)
    assert any("Kamerbrief" in label for label, _ in summary.sources)


def test_report_lists_what_to_fix(report):
    assert re.search(r'<td class=n>2</td><td>' + re.escape(script.UNANSWERED_GEMEENTE), report)
    assert "Te kort. Bel me op [telefoonnummer]" in report
    assert '<div class="value">3</div><div class="label">conversations</div>' in report
    assert f'<div class="value">{len(script.SCRIPT)}</div><div class="label">messages</div>' in report
    assert "1 / 1" in report
    assert report.count("<svg") >= 4
    for value in script.PERSONAL:
        assert value not in report


def test_report_is_self_contained(report):
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", report, re.I)
    assert not re.search(r"<script|<link|<iframe|<img|<object|<embed|@import|@font-face", report, re.I)
    # url() only for references inside the page (the charts' clip paths: url(#p1a2b3c))
    assert not re.search(r"""url\(\s*(?!['"]?#)""", report, re.I)
    assert not re.search(r"""(?:xlink:)?href\s*=\s*["'](?!#)""", report, re.I)


def test_review_export_is_deduplicated_nlu_yaml(seeded, tmp_path):
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    stack, _ = seeded
    out = tmp_path / "review.yml"
    done = run_cli("bot.report.review", stack.tracker_db, out)
    assert done.returncode == 0, done.stderr[-2000:]
    text = out.read_text(encoding="utf-8")
    data = RasaYAMLReader().reads(text)
    examples = [m.get("text") for m in data.training_examples]
    lowered = [e.lower().rstrip("?") for e in examples]
    assert len(lowered) == len(set(lowered))
    assert lowered.count(script.UNANSWERED_GEMEENTE.lower().rstrip("?")) == 1
    assert script.DOWN_QUESTION in examples  # rated 👎
    assert "is het collegegeld gehalveerd?" not in examples  # rated 👍, answered
    assert "hoi" not in examples
    assert yaml.safe_load(text)["version"] == "3.1"


def test_an_empty_period_gives_a_report_that_says_so(tmp_path):
    out = tmp_path / "report.html"
    done = run_cli("bot.report", tmp_path / "no-such.db", out)
    assert done.returncode == 0, done.stderr[-2000:]
    html = out.read_text(encoding="utf-8")
    assert "No conversations in this period" in html
    review = tmp_path / "review.yml"
    assert run_cli("bot.report.review", tmp_path / "no-such.db", review).returncode == 0
    assert yaml.safe_load(review.read_text(encoding="utf-8"))["nlu"] == []


def test_a_period_before_the_traffic_is_empty_too(seeded, tmp_path):
    stack, _ = seeded
    out = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "bot.report", "--db-url", f"sqlite:///{stack.tracker_db}",
                           "--since", "2020-01-01", "--until", "2020-01-08", "--out", str(out)],
                          cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "No conversations in this period" in out.read_text(encoding="utf-8")


# Last in this module: it adds a message after the report tests counted them.
def test_the_conversation_goes_on_after_feedback(seeded):
    stack, result = seeded
    status, payload = script.post(stack.url + script.WEBSITE + "/webhook",
                                  {"sender": result["senders"]["c"], "message": "is het collegegeld gehalveerd?"})
    assert status == 200 and any(m.get("answer_id") for m in payload), payload
