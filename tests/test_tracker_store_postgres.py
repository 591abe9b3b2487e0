"""The tracker store's plain-SQL queries (bot/nlp/rasa_speedups.py) on PostgreSQL, as the cluster
uses them: the same trackers as Rasa's own ORM queries, and a save appends only the new events.
Starts a private PostgreSQL (make sysdeps), hence the scale marker."""
from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

import bot.nlp.rasa_speedups as speedups
from bot.ops.cluster import DB_NAME, DB_USER, PostgresServer
from bot.ops.serve import free_port
from tests.test_rasa_speedups import DOMAIN, conversation, long_conversation, snapshot, user

pytestmark = pytest.mark.scale


@pytest.fixture(scope="module")
def postgres():
    workdir = Path(tempfile.mkdtemp(prefix="npo-pg-"))
    os.chmod(workdir, 0o777)  # initdb runs as the postgres user when the tests run as root
    server = PostgresServer(workdir / "pg", free_port(), "npo-test")
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.mark.parametrize("events", [
    long_conversation(40, loop_at=5, loop_until=7),  # bounded
    conversation() + long_conversation(30),  # two sessions, bounded
    long_conversation(40, loop_at=3),  # a loop active at the window's start: whole session
    long_conversation(40, restart_at=20),  # a restart before the window: whole session
], ids=["bounded", "two-sessions", "active-loop", "restart"])
def test_postgres_trackers_equal_rasas(postgres, events):
    async def check() -> None:
        store = SQLTrackerStore(domain=DOMAIN, dialect="postgresql", host="127.0.0.1", port=postgres.port,
                                db=DB_NAME, username=DB_USER, password=postgres.password)
        sender = f"pg-{id(events)}"
        await store.save(DialogueStateTracker.from_events(sender, events, DOMAIN.slots))
        tracker, whole = await store.retrieve(sender), await speedups._rasa_sql_retrieve(store, sender, False)
        assert tracker.current_slot_values() == whole.current_slot_values()
        assert tracker.active_loop == whole.active_loop
        assert [e.as_dict() for e in tracker.events][-8:] == [e.as_dict() for e in whole.events][-8:]
        assert snapshot(await store.retrieve_full_tracker(sender)) == \
            snapshot(await speedups._rasa_sql_retrieve(store, sender, True))
        new = user("nog een", "greet", timestamp=9e5)
        tracker.update(new)
        await store.save(tracker)
        after = await speedups._rasa_sql_retrieve(store, sender, False)
        assert [e.as_dict() for e in after.events] == [e.as_dict() for e in whole.events] + [new.as_dict()]

    asyncio.run(check())
