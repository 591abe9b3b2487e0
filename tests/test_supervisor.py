"""`make run`'s supervisor (`python -m bot.ops.serve run`): ports, start-up and shutdown.

A taken port gives one line that names the setting to change. Killed the hard way (SIGTERM to
its process group, SIGKILL two seconds later, as a service manager or test harness does) it
leaves no server behind, so the next start on the same ports works; when `make` itself is
killed or stopped, everything stops. The tests with a real start need the trained model.
"""
from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import List, Optional

import pytest

from bot.ops.serve import ACTION_INTERFACE, DEFAULT_MODEL, REPO_ROOT, base_env, free_port, http_ok, port_problem

START_TIMEOUT_S = 240


def state(pid: int) -> Optional[str]:
    """The process state letter from /proc, or None when the process is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[0]


def running(pid: int) -> bool:
    return state(pid) not in (None, "Z", "X")


def children(pid: int) -> List[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def port_free(port: int) -> bool:
    return port_problem(port, ACTION_INTERFACE, "X") is None


def wait_for(condition, timeout: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if condition():
            return time.monotonic() - start
        time.sleep(0.1)
    raise AssertionError(f"{what}: not within {timeout:.0f} s")


class Started:
    """A supervisor (or make) started in its own session, as a service manager starts it."""

    def __init__(self, argv: List[str], log: Path, env: Optional[dict] = None):
        self.log = log
        with open(log, "wb") as out:
            self.popen = subprocess.Popen(argv, cwd=REPO_ROOT, env={**base_env(), **(env or {})}, stdout=out,
                                          stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def wait(self, timeout: float) -> int:
        return self.popen.wait(timeout)

    def __enter__(self) -> "Started":
        return self

    def __exit__(self, *exc) -> None:
        """Whatever the test did: nothing of it keeps running."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.popen.wait(10)


def supervisor(tmp_path: Path, rasa_port: int, action_port: int) -> Started:
    argv = [sys.executable, "-m", "bot.ops.serve", "run", "--port", str(rasa_port), "--action-port", str(action_port),
            "--workdir", str(tmp_path / "var")]
    return Started(argv, tmp_path / "supervisor.log")


def make_run(tmp_path: Path, rasa_port: int, action_port: int) -> Started:
    """`make run`, told not to rebuild the KB or retrain (others may be editing their inputs)."""
    argv = ["make", "--no-print-directory", "-o", "kb", "-o", "models/npo.tar.gz", "run"]
    env = {"NPO_PORT": str(rasa_port), "NPO_ACTION_PORT": str(action_port), "NPO_VAR_DIR": str(tmp_path / "make-var")}
    return Started(argv, tmp_path / "make.log", env)


def wait_ready(started: Started, rasa_port: int) -> None:
    def ready() -> bool:
        if started.popen.poll() is not None:
            raise AssertionError(f"exited during start-up:\n{started.output()[-3000:]}")
        return http_ok(f"http://127.0.0.1:{rasa_port}/")
    wait_for(ready, START_TIMEOUT_S, "bot ready")


def servers(started: Started) -> List[int]:
    """The action server and Rasa: children of the supervisor (which may be make's child)."""
    pids = children(started.popen.pid)
    for pid in list(pids):
        pids += children(pid)
    return pids


def gone(pids: List[int], *ports: int) -> bool:
    return not any(running(pid) for pid in pids) and all(port_free(port) for port in ports)


@pytest.fixture()
def ports():
    return free_port(), free_port()


# --------------------------------------------------------------------------- ports (no model needed)


@pytest.mark.parametrize("taken,setting", [("rasa", "NPO_PORT"), ("action", "NPO_ACTION_PORT")])
def test_taken_port_gives_one_line_error(tmp_path, ports, taken, setting):
    rasa_port, action_port = ports
    port = rasa_port if taken == "rasa" else action_port
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", port))
        blocker.listen()
        with supervisor(tmp_path, rasa_port, action_port) as started:
            assert started.wait(60) == 1
    lines = started.output().strip().splitlines()
    assert len(lines) == 1, lines
    assert f"poort {port} is al in gebruik" in lines[0] and f"port {port} is already in use" in lines[0]
    assert f"{setting}=" in lines[0]
    assert not (tmp_path / "var").exists()  # refused before anything started


def test_same_port_twice_is_refused(tmp_path):
    port = free_port()
    with supervisor(tmp_path, port, port) as started:
        assert started.wait(60) == 1
    assert "NPO_ACTION_PORT" in started.output() and len(started.output().strip().splitlines()) == 1


def test_children_die_with_a_killed_parent(tmp_path):
    """What keeps `make run`'s servers from outliving a SIGKILLed supervisor; `make cluster`
    children (started without it) outlive the command that started them, as they must."""
    code = (
        "import time\n"
        "from pathlib import Path\n"
        "from bot.ops.serve import Process, base_env\n"
        f"kept = Process('kept', ['sleep', '60'], Path({str(tmp_path / 'kept.log')!r}), base_env())\n"
        f"tied = Process('tied', ['sleep', '60'], Path({str(tmp_path / 'tied.log')!r}), base_env(), die_with_parent=True)\n"
        "print(kept.pid, tied.pid, flush=True)\n"
        "time.sleep(60)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=REPO_ROOT, env=base_env(), stdout=subprocess.PIPE,
                              text=True)
    kept, tied = map(int, parent.stdout.readline().split())
    try:
        assert running(kept) and running(tied)
        parent.kill()
        parent.wait(10)
        wait_for(lambda: not running(tied), 5, "the tied child killed with its parent")
        assert running(kept)
    finally:
        for pid in (kept, tied):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        parent.stdout.close()


# --------------------------------------------------------------------------- real start-up and shutdown


def require_model() -> None:
    if not DEFAULT_MODEL.exists():
        pytest.fail(f"no trained model at {DEFAULT_MODEL}: run 'make train'")


@pytest.mark.http
def test_hard_kill_leaves_nothing_and_the_next_start_works(tmp_path, ports):
    require_model()
    rasa_port, action_port = ports
    with supervisor(tmp_path, rasa_port, action_port) as first:
        wait_ready(first, rasa_port)
        pids = servers(first)
        assert len(pids) == 2, pids
        os.killpg(first.popen.pid, signal.SIGTERM)  # a service manager: TERM, then KILL 2 s later
        time.sleep(2)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(first.popen.pid, signal.SIGKILL)
        first.wait(10)
        wait_for(lambda: gone(pids, rasa_port, action_port), 5, "servers gone and ports free after the kill")

    # The next start on the same ports works; this time through make, which is then killed.
    with make_run(tmp_path, rasa_port, action_port) as second:
        wait_ready(second, rasa_port)
        pids = servers(second)
        assert len(pids) == 3, pids  # the supervisor (make's child) and its two servers
        second.popen.send_signal(signal.SIGKILL)  # make alone, not its process group
        second.wait(10)
        wait_for(lambda: gone(pids, rasa_port, action_port), 30, "supervisor and servers gone after make was killed")


@pytest.mark.http
def test_stopping_make_during_start_up_stops_everything(tmp_path, ports):
    """A plain `kill` of make while Rasa is still loading the model: nothing is left behind."""
    require_model()
    rasa_port, action_port = ports
    with make_run(tmp_path, rasa_port, action_port) as started:
        wait_for(lambda: http_ok(f"http://127.0.0.1:{action_port}/health") and len(servers(started)) == 3,
                 START_TIMEOUT_S, "action server up and Rasa starting")
        pids = servers(started)
        assert not http_ok(f"http://127.0.0.1:{rasa_port}/"), "Rasa was already ready; the test needs it loading"
        started.popen.send_signal(signal.SIGTERM)
        started.wait(30)
        took = wait_for(lambda: gone(pids, rasa_port, action_port), 30, "everything stopped after make was stopped")
        assert took < 20
        assert "Traceback" not in started.output(), started.output()[-3000:]
