"""Scale-out and faults with real servers: PostgreSQL, Redis, nginx, 2 Rasa replicas, 2 action servers.

One cluster (module scope) serves every test; tests that stop a part start it again before they
end. Conversations are checked in the tracker store itself (PostgreSQL or SQLite), not only in
the replies. `make test-scale` runs this module.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import tempfile
import time
import uuid
from pathlib import Path
from typing import Dict, List, Tuple

import aiohttp
import pytest

from bot.ops.cluster import Cluster
from bot.channels.turn import TEXT_UNAVAILABLE
from bot.ops.serve import (
    DEFAULT_MODEL, free_port, http_ok, start_action_server, start_rasa_server, write_endpoints,
)
from bot.measure.soak import run_soak
from tests.operations_script import post

pytestmark = pytest.mark.scale

WEBHOOK = "/webhooks/rest/webhook"
MODEL = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))
CREDENTIALS = os.environ.get("NPO_CREDENTIALS")  # default: the project's credentials.yml
RECOVERY_TIMEOUT_S = 90.0
FAST_FAILURE_S = 5.0  # a request while a store is down must be answered within this


@pytest.fixture(scope="module")
def cluster():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run 'make train'")
    workdir = Path(tempfile.mkdtemp(prefix="npo-scale-"))
    instance = Cluster(replicas=2, action_servers=2, model=MODEL, workdir=workdir, rate_per_second=1000,
                       rate_burst=1000, credentials=Path(CREDENTIALS) if CREDENTIALS else None)
    try:
        instance.start()
        yield instance
    finally:
        instance.stop()
        if not os.environ.get("NPO_KEEP_LOGS"):
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------- helpers
def send(base_url: str, sender: str, message: str, timeout: float = 60.0) -> Tuple[int, object]:
    return post(base_url + WEBHOOK, {"sender": sender, "message": message}, timeout)


def reply_text(payload) -> str:
    assert isinstance(payload, list), payload
    return "\n".join(m.get("text") or "" for m in payload if isinstance(m, dict))


def answered(base_url: str, sender: str, message: str) -> str:
    """Send one turn that must get a real answer (not 'niet beschikbaar')."""
    status, payload = send(base_url, sender, message)
    assert status == 200, payload
    text = reply_text(payload)
    assert text.strip() and TEXT_UNAVAILABLE not in text, payload
    return text


def new_sender(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def pg_events(cluster: Cluster, sender: str) -> List[Dict]:
    connection = cluster.pg.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT data FROM events WHERE sender_id = %s ORDER BY id", (sender,))
            return [json.loads(data) for (data,) in cursor.fetchall()]
    finally:
        connection.close()


def sqlite_events(db: Path, sender: str) -> List[Dict]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    return [json.loads(data) for (data,) in rows]


def user_texts(events: List[Dict]) -> List[str]:
    return [e["text"] for e in events if e["event"] == "user"]


def actions_run(events: List[Dict]) -> List[str]:
    return [e["name"] for e in events if e["event"] == "action"]


def slot_values(events: List[Dict], name: str) -> List:
    return [e["value"] for e in events if e["event"] == "slot" and e["name"] == name]


def wait_for(check, what: str, timeout: float = RECOVERY_TIMEOUT_S, interval: float = 1.0):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = check()
        if last:
            return last
        time.sleep(interval)
    pytest.fail(f"{what} did not happen within {timeout:.0f} s (last result: {last!r})")


STUDENT_CHECK = ["voor welke regelingen kom ik als student in aanmerking", "hbo", "ja"]


def assert_student_check_completed(events: List[Dict]):
    """The form ran over three turns and its result action ran after the last answer."""
    assert user_texts(events) == STUDENT_CHECK
    names = actions_run(events)
    assert "student_form" in names
    assert "action_student_check" in names
    assert names.index("action_student_check") > max(i for i, n in enumerate(names) if n == "student_form")
    assert slot_values(events, "has_grant")[-1] is True
    assert slot_values(events, "sector") and slot_values(events, "sector")[-1]


# --------------------------------------------------------------------------- scale-out
def test_turns_alternate_between_replicas_and_keep_form_state(cluster):
    who = new_sender("alternate")
    replies = [answered(cluster.replica_url(turn % 2), who, message) for turn, message in enumerate(STUDENT_CHECK)]
    assert len(set(replies)) == 3, replies  # each turn moved the form on
    assert_student_check_completed(pg_events(cluster, who))


def test_follow_up_works_on_the_other_replica(cluster):
    who = new_sender("follow-up")
    first = answered(cluster.replica_url(0), who, "welke thema's zijn er voor het hbo")
    second = answered(cluster.replica_url(1), who, "en voor het wo?")
    assert first != second
    events = pg_events(cluster, who)
    assert actions_run(events).count("action_answer") == 2
    # The follow-up kept the question of the first turn and changed only the sector.
    assert len(set(slot_values(events, "last_question"))) == 1
    sectors = [v for v in slot_values(events, "sector") if v]
    assert len(sectors) >= 2 and sectors[0] != sectors[-1]


CONVERSATION = [
    "hoi", "welke thema's zijn er?", "wat kan een hogeschool doen voor het welzijn van studenten?",
    "en voor het mbo?", "wordt het collegegeld gehalveerd?", "hoe lang krijg ik extra reisrecht?",
    "mogen we een extern bureau inhuren?", "wat is de menukaart?", "bedankt", "doei",
]


def test_concurrent_conversations_lose_no_event_and_keep_order(cluster):
    """20 conversations x 10 turns at the same time through nginx; every turn stored once, in order."""
    conversations = {new_sender("concurrent"): CONVERSATION[i % 10:] + CONVERSATION[:i % 10] for i in range(20)}
    failures: List[str] = []

    async def converse(session: aiohttp.ClientSession, who: str, messages: List[str]):
        for message in messages:
            async with session.post(cluster.url + WEBHOOK, json={"sender": who, "message": message}) as response:
                payload = await response.json(content_type=None)
                if response.status != 200 or not reply_text(payload).strip() or TEXT_UNAVAILABLE in reply_text(payload):
                    failures.append(f"{who} {message!r}: {response.status} {payload!r}")

    async def run_all():
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            await asyncio.gather(*(converse(session, who, msgs) for who, msgs in conversations.items()))

    asyncio.run(run_all())
    assert failures == []
    for who, messages in conversations.items():
        events = pg_events(cluster, who)
        assert user_texts(events) == messages, who
        # Every user turn is followed by the bot's answer before the next user turn.
        kinds = [e["event"] for e in events]
        user_positions = [i for i, k in enumerate(kinds) if k == "user"]
        for start, end in zip(user_positions, user_positions[1:] + [len(kinds)]):
            assert "bot" in kinds[start:end], (who, start)


# --------------------------------------------------------------------------- faults
def test_action_servers_down_gives_dutch_reply_and_recovers(cluster):
    for index in range(cluster.action_servers):
        cluster.action_server(index).stop()
    try:
        status, payload = send(cluster.url, new_sender("actions-down"), "welke thema's zijn er?", timeout=FAST_FAILURE_S)
        assert status == 200
        assert "even niet beschikbaar" in reply_text(payload)
    finally:
        for index in range(cluster.action_servers):
            cluster.start_actions(index)

    def answers_again():
        status, payload = send(cluster.url, new_sender("actions-back"), "welke thema's zijn er?")
        return status == 200 and TEXT_UNAVAILABLE not in reply_text(payload) and reply_text(payload).strip()

    wait_for(answers_again, "answers after the action servers came back")


@pytest.mark.parametrize("store", ["redis", "pg"])
def test_store_down_fails_fast_and_recovers(cluster, store):
    """Redis (lock store) or PostgreSQL (tracker store) down: every replica answers 503 at once
    with a Dutch message and reports unhealthy; when the store is back the conversation continues
    where it was, with nothing from the outage in it."""
    server = getattr(cluster, store)
    who = new_sender(f"{store}-down")
    answered(cluster.url, who, STUDENT_CHECK[0])
    server.kill()
    try:
        for index in range(cluster.replicas):
            status, payload = send(cluster.replica_url(index), who, STUDENT_CHECK[1], timeout=FAST_FAILURE_S)
            assert status == 503, payload
            assert payload["error"] == "unavailable" and "niet beschikbaar" in payload["message"]
            assert not http_ok(cluster.replica_url(index) + "/webhooks/rest/")
    finally:
        server.start()
    wait_for(lambda: all(http_ok(cluster.replica_url(i) + "/webhooks/rest/") for i in range(cluster.replicas)),
             f"health after {store} came back")
    answered(cluster.replica_url(0), who, STUDENT_CHECK[1])
    answered(cluster.replica_url(1), who, STUDENT_CHECK[2])
    assert_student_check_completed(pg_events(cluster, who))


def test_killed_replica_conversation_continues_postgres(cluster):
    who = new_sender("kill-pg")
    answered(cluster.replica_url(0), who, STUDENT_CHECK[0])
    cluster.replica(0).kill()
    # nginx moves the conversation to the surviving replica.
    answered(cluster.url, who, STUDENT_CHECK[1])
    cluster.start_replica(0)
    answered(cluster.replica_url(0), who, STUDENT_CHECK[2])
    assert_student_check_completed(pg_events(cluster, who))


def test_killed_rasa_conversation_continues_sqlite(tmp_path):
    """The embedded default: one Rasa with the SQLite tracker store, killed with SIGKILL mid-conversation."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run 'make train'")
    tracker_db = tmp_path / "trackers.db"
    action_port, rasa_port = free_port(), free_port()
    endpoints = write_endpoints(tmp_path / "endpoints.yml", f"http://127.0.0.1:{action_port}/webhook", tracker_db)
    extra = ["--credentials", CREDENTIALS] if CREDENTIALS else []
    actions = start_action_server(action_port, tmp_path)
    rasa = None
    try:
        rasa = start_rasa_server(rasa_port, endpoints, tmp_path, MODEL, extra_args=extra)
        url = f"http://127.0.0.1:{rasa_port}"
        who = new_sender("kill-sqlite")
        answered(url, who, STUDENT_CHECK[0])
        answered(url, who, STUDENT_CHECK[1])
        rasa.kill()
        rasa = start_rasa_server(rasa_port, endpoints, tmp_path, MODEL, extra_args=extra)
        answered(url, who, STUDENT_CHECK[2])
        assert_student_check_completed(sqlite_events(tracker_db, who))
    finally:
        if rasa is not None:
            rasa.stop()
        actions.stop()


# --------------------------------------------------------------------------- soak
def test_soak_60_seconds(cluster):
    groups = {name: process.pid for name, process in cluster.processes().items()}
    report = run_soak(cluster.url, groups, seconds=float(os.environ.get("NPO_SOAK_SECONDS", 60)), rate=5.0, users=5)
    print("\n" + report.format())
    results = Path(__file__).resolve().parent.parent / "results"
    results.mkdir(exist_ok=True)
    (results / "soak-test.json").write_text(json.dumps(
        {**report.__dict__, "growth_percent": report.growth_percent()}, indent=2))
    assert report.messages > 0
    assert report.errors == 0, report.error_kinds
    assert report.max_growth() <= 10.0, report.growth_percent()
