"""The action server refuses to start without a usable knowledge base, with a one-line reason."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.ops.serve import REPO_ROOT, base_env, free_port


def start_action_server(kb_path: Path) -> subprocess.CompletedProcess:
    env = {**base_env(), "NPO_KB_PATH": str(kb_path)}
    return subprocess.run(
        [sys.executable, "-m", "bot.ops.action_server", "--port", str(free_port())],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )


def assert_refused(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 1, f"exit code {result.returncode}; stderr:\n{result.stderr}"
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line on stderr, got:\n{result.stderr}"
    assert lines[0].startswith("error:"), lines[0]
    assert result.stdout.strip() == ""
    return lines[0]


def test_missing_kb_file_is_refused(tmp_path):
    line = assert_refused(start_action_server(tmp_path / "does-not-exist.sqlite"))
    assert "make kb" in line or "does-not-exist" in line


@pytest.mark.parametrize("content", [
    b"this is not a database\n" * 100,
    b"SQLite format 3\x00" + b"\xff" * 4000,  # a SQLite header followed by garbage
    b"",
], ids=["text", "garbage-after-header", "empty-file"])
def test_corrupt_kb_file_is_refused(tmp_path, content):
    kb = tmp_path / "kb.sqlite"
    kb.write_bytes(content)
    assert_refused(start_action_server(kb))


def test_kb_with_another_schema_is_refused(tmp_path):
    kb = tmp_path / "kb.sqlite"
    with sqlite3.connect(kb) as connection:
        connection.execute("CREATE TABLE unrelated (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO unrelated (name) VALUES ('x')")
    assert_refused(start_action_server(kb))


def test_action_server_runs_numpy_on_one_thread():
    # OpenBLAS's second thread spun on the core Rasa needs (knowledge/__init__.py).
    env = {k: v for k, v in base_env().items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    code = ("import bot.ops.action_server, numpy; from threadpoolctl import threadpool_info; "
            "print(max(p['num_threads'] for p in threadpool_info()))")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "1", out.stderr[-500:]


def test_action_server_loads_what_the_first_questions_need_before_it_serves():
    # (the language detector's models loaded on the first message took 4 s on an idle machine; on a
    # busy one the first user's turn overran the 10 s turn budget and got "even niet beschikbaar")
    code = ("import bot.ops.action_server as server; from actions.language import _detector; "
            "from knowledge import semantic; "
            "assert server.check_knowledge_base() is None; "
            "print(_detector.cache_info().currsize, semantic.embed_query.cache_info().currsize > 0)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, env=base_env(), capture_output=True, text=True,
                         timeout=120)
    assert out.stdout.strip() == "1 True", out.stderr[-500:]
