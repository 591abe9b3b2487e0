"""`python -m bot.ops.purge`: whole conversations idle longer than N days are deleted, nothing else."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time

import pytest
import sqlalchemy as sa

from bot.ops.purge import purge
from bot.ops.serve import REPO_ROOT, base_env

DAY = 86400.0
NOW = 1_700_000_000.0


def make_store(path, conversations):
    """A tracker table as Rasa's SQLTrackerStore creates it, with events at the given ages (days)."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255) NOT NULL, "
            "type_name VARCHAR(255) NOT NULL, timestamp FLOAT, intent_name VARCHAR(255), "
            "action_name VARCHAR(255), data TEXT)")
        for sender, ages in conversations.items():
            for age in ages:
                connection.execute("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                                   (sender, "user", NOW - age * DAY, json.dumps({"event": "user"})))


def senders(path):
    with sqlite3.connect(path) as connection:
        return dict(connection.execute("SELECT sender_id, COUNT(*) FROM events GROUP BY sender_id").fetchall())


def test_purge_deletes_only_whole_idle_conversations(tmp_path):
    db = tmp_path / "trackers.db"
    make_store(db, {"old": [40, 35], "recently-active": [40, 2], "new": [0.5]})
    engine = sa.create_engine(f"sqlite:///{db}")
    assert purge(engine, 30, dry_run=True, now=NOW).conversations == 1
    assert senders(db) == {"old": 2, "recently-active": 2, "new": 1}
    result = purge(engine, 30, now=NOW)
    assert (result.conversations, result.events) == (1, 2)
    assert senders(db) == {"recently-active": 2, "new": 1}
    assert purge(engine, 30, now=NOW).conversations == 0


def test_purge_without_tracker_table_does_nothing(tmp_path):
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    assert purge(engine, 1, now=NOW).conversations == 0


@pytest.mark.parametrize("dry_run", [True, False])
def test_command_line_reads_the_endpoints_file(tmp_path, dry_run):
    db = tmp_path / "trackers.db"
    make_store(db, {"ancient": [(time.time() - NOW) / DAY + 100]})
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f"tracker_store:\n  type: SQL\n  dialect: sqlite\n  db: {db}\n")
    argv = [sys.executable, "-m", "bot.ops.purge", "--older-than-days", "30", "--endpoints", str(endpoints)]
    result = subprocess.run(argv + (["--dry-run"] if dry_run else []), cwd=REPO_ROOT, env=base_env(),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "1 conversations (1 events)" in result.stdout
    assert senders(db) == ({"ancient": 1} if dry_run else {})


def test_command_line_refuses_a_store_that_is_not_sql(tmp_path):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text("tracker_store:\n  type: redis\n  url: localhost\n")
    result = subprocess.run([sys.executable, "-m", "bot.ops.purge", "--older-than-days", "30", "--endpoints", str(endpoints)],
                            cwd=REPO_ROOT, env=base_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.startswith("error:")
