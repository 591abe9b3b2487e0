"""Start, supervise and stop the bot's processes: the action server and the Rasa server.

`python -m bot.ops.serve run` is what `make run` calls. `Stack` is the same thing as a context
manager, used by the tests, the benchmark and the cluster scripts so that every caller starts
the bot the same way (own ports, own tracker store, readiness checks, clean shutdown).

Shutdown: the servers started by `Stack` (and by `run`) die with the process that started them,
also when it is killed with SIGKILL (Linux parent-death signal). `run` stops both servers on
SIGTERM, SIGINT and SIGHUP, also during start-up, and stops when its own parent (`make`) dies.
"""
from __future__ import annotations

import argparse
import contextlib
import ctypes
import errno
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_MODEL = REPO_ROOT / "models" / "npo.tar.gz"
VENV_BIN = Path(sys.executable).parent
READY_TIMEOUT_S = float(os.environ.get("NPO_READY_TIMEOUT", "180"))


class StartupError(RuntimeError):
    """A process did not come up; the message says which and shows its last log lines."""


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _prctl():
    """libc's prctl, looked up before any fork; None where there is none (not Linux)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        return None


def die_with_parent(sig: int = signal.SIGTERM) -> bool:
    """Have Linux send `sig` to this process when its parent exits (however it exits).

    Returns whether it is armed: False where prctl is missing or the parent is already gone."""
    prctl = _prctl()
    parent = os.getppid()
    if prctl is None or prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0) != 0:
        return False
    return os.getppid() == parent and parent != 1


def _preexec_die_with_parent():
    """A preexec_fn that makes the child get SIGKILL when the thread that starts it exits.

    Only for children started from the main thread (Linux signals the child when the *thread*
    that forked it ends). SIGKILL, because this fires only when the parent could not stop its
    children itself (it was killed with SIGKILL or crashed)."""
    prctl = _prctl()
    if prctl is None:
        return None
    parent = os.getpid()

    def preexec() -> None:
        prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before prctl took effect
            os.kill(os.getpid(), signal.SIGKILL)

    return preexec


def free_port() -> int:
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_ok(url: str, timeout: float = 2.0) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def base_env() -> Dict[str, str]:
    env = dict(os.environ)
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("NPO_SPACY_OFFLINE_DIR", str(REPO_ROOT / ".cache" / "spacy" / "nl_offline"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


def write_endpoints(target: Path, action_url: str, tracker_db: Optional[Path],
                    base: Path = REPO_ROOT / "endpoints.yml") -> Path:
    """endpoints.yml with this stack's action server URL and SQLite tracker file."""
    config = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    config["action_endpoint"] = {**(config.get("action_endpoint") or {}), "url": action_url}
    if tracker_db is not None:
        config["tracker_store"] = {"type": "SQL", "dialect": "sqlite", "db": str(tracker_db)}
    target.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return target


class Process:
    """A child process with its log in a file; tail() shows why it failed.

    It runs in its own session, so a Ctrl+C in the terminal reaches only the supervisor, which
    then stops it in order. With `die_with_parent` it is killed when its parent dies (start
    such a child from the main thread); without it, it outlives its parent (`make cluster`)."""

    def __init__(self, name: str, argv: List[str], log_path: Path, env: Dict[str, str],
                 die_with_parent: bool = False):
        self.name = name
        self.log_path = log_path
        self._log = open(log_path, "ab")
        self.popen = subprocess.Popen(
            argv, cwd=REPO_ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
            preexec_fn=_preexec_die_with_parent() if die_with_parent else None,
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def tail(self, lines: int = 25) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def terminate(self) -> None:
        """Ask the process (and its group) to stop; stop() waits for it."""
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)

    def stop(self, timeout: float = 15.0) -> None:
        if self.alive():
            self.terminate()
            try:
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait(5)
        self._log.close()

    def kill(self) -> None:
        """Hard kill (SIGKILL), as a crash would."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(10)


def wait_until(check, process: Process, what: str, timeout: float = READY_TIMEOUT_S) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if check():
            return time.monotonic() - start
        if not process.alive():
            raise StartupError(f"{what} exited during start-up; last log lines:\n{process.tail()}")
        time.sleep(0.25)
    raise StartupError(f"{what} not ready after {timeout:.0f} s; last log lines:\n{process.tail()}")


def start_action_server(port: int, log_dir: Path, env: Optional[Dict[str, str]] = None,
                        die_with_parent: bool = False) -> Process:
    argv = [sys.executable, "-m", "bot.ops.action_server", "--port", str(port)]
    process = Process(f"actions:{port}", argv, log_dir / f"actions-{port}.log", env or base_env(), die_with_parent)
    wait_until(lambda: http_ok(f"http://127.0.0.1:{port}/health"), process, f"Action server on port {port}")
    return process


def start_rasa_server(port: int, endpoints: Path, log_dir: Path, model: Path = DEFAULT_MODEL,
                      env: Optional[Dict[str, str]] = None, extra_args: Optional[List[str]] = None,
                      die_with_parent: bool = False) -> Process:
    argv = [
        str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(port),
        "--interface", "127.0.0.1", "--credentials", str(REPO_ROOT / "credentials.yml"),
        "--endpoints", str(endpoints), *(extra_args or []),
    ]
    process = Process(f"rasa:{port}", argv, log_dir / f"rasa-{port}.log", env or base_env(), die_with_parent)
    # The model is loaded in a before-server-start listener, so "/" answers only once it is ready.
    wait_until(lambda: http_ok(f"http://127.0.0.1:{port}/"), process, f"Rasa server on port {port}")
    return process


class Stack:
    """An action server and a Rasa server on their own ports, with their own tracker store.

    Start it from the main thread: its servers die with that thread's process (see Process)."""

    def __init__(self, rasa_port: Optional[int] = None, action_port: Optional[int] = None,
                 model: Path = DEFAULT_MODEL, workdir: Optional[Path] = None,
                 tracker_db: Optional[Path] = None, endpoints_base: Path = REPO_ROOT / "endpoints.yml",
                 env: Optional[Dict[str, str]] = None):
        self.rasa_port = rasa_port or free_port()
        self.action_port = action_port or free_port()
        self.model = Path(model)
        self._own_workdir = workdir is None
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="npo-stack-"))
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.tracker_db = tracker_db or (self.workdir / "trackers.db")
        self.endpoints_base = endpoints_base
        self.env = {**base_env(), **(env or {})}
        self.actions: Optional[Process] = None
        self.rasa: Optional[Process] = None
        self.endpoints: Optional[Path] = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    def start(self) -> "Stack":
        if not self.model.exists():
            raise StartupError(f"No trained model at {self.model}; run 'make train' first.")
        self.endpoints = write_endpoints(
            self.workdir / "endpoints.yml", f"http://127.0.0.1:{self.action_port}/webhook",
            self.tracker_db, self.endpoints_base,
        )
        try:
            self.start_actions()
            self.start_rasa()
        except BaseException:
            self.stop()
            raise
        return self

    def start_actions(self) -> Process:
        self.actions = start_action_server(self.action_port, self.workdir, self.env, die_with_parent=True)
        return self.actions

    def start_rasa(self) -> Process:
        assert self.endpoints is not None
        self.rasa = start_rasa_server(self.rasa_port, self.endpoints, self.workdir, self.model, self.env,
                                      die_with_parent=True)
        return self.rasa

    def stop(self) -> None:
        processes = [process for process in (self.rasa, self.actions) if process is not None]
        for process in processes:  # both stop at the same time
            process.terminate()
        for process in processes:
            process.stop()
        if self._own_workdir and not os.environ.get("NPO_KEEP_LOGS"):
            shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def start_or_report(startable) -> bool:
    """Start a Stack or Cluster; on failure print the one-line reason (with its log tail) and
    return False, for command-line entry points that exit 1."""
    try:
        startable.start()
    except StartupError as error:
        print(f"error: {error}", file=sys.stderr)
        return False
    return True


def _print_ready(port: int) -> None:
    base = f"http://localhost:{port}"
    print(
        "\nNPO-assistent is klaar / ready.\n"
        f"  REST:      POST {base}/webhooks/rest/webhook  {{\"sender\": \"...\", \"message\": \"...\"}}\n"
        f"  Demo page: {base}/webhooks/website/demo\n"
        "  Embed on your site with one tag:\n"
        f"    <script src=\"{base}/webhooks/website/widget.js\" defer></script>\n"
        "Stop with Ctrl+C.\n",
        flush=True,
    )


RASA_INTERFACE = "127.0.0.1"  # start_rasa_server's --interface
ACTION_INTERFACE = "0.0.0.0"  # rasa_sdk's default interface


def port_problem(port: int, interface: str, setting: str, command: str = "make run") -> Optional[str]:
    """None when the server can bind `port`, else a one-line Dutch/English error that names the
    setting to change."""
    with contextlib.closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the servers do
        try:
            sock.bind((interface, port))
        except (OSError, OverflowError) as error:
            if getattr(error, "errno", None) == errno.EADDRINUSE:
                what = f"poort {port} is al in gebruik / port {port} is already in use"
            else:
                what = f"poort {port} kan niet worden gebruikt / port {port} cannot be used ({error})"
            return (f"error: {what}; kies een vrije poort met / choose a free port with {setting}, "
                    f"e.g. {setting}={port + 1 if 0 < port < 65535 else 5006} {command}")
    return None


def ports_problem(rasa_port: int, action_port: int) -> Optional[str]:
    if rasa_port == action_port:
        return (f"error: NPO_PORT en NPO_ACTION_PORT zijn allebei / are both {rasa_port}; "
                "kies twee verschillende poorten / choose two different ports")
    return (port_problem(rasa_port, RASA_INTERFACE, "NPO_PORT")
            or port_problem(action_port, ACTION_INTERFACE, "NPO_ACTION_PORT"))


STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)


class _Stop(BaseException):
    """Raised in the main thread by a stop signal, so that it also cuts start-up short."""


def _on_stop_signal(signum: int, _frame) -> None:
    for sig in STOP_SIGNALS:  # one stop at a time: let the servers shut down in order
        signal.signal(sig, signal.SIG_IGN)
    raise _Stop(signum)


def _say(message: str) -> None:
    with contextlib.suppress(OSError):  # the terminal may be gone when make was killed
        print(message, file=sys.stderr, flush=True)


def run(rasa_port: int, action_port: int, workdir: Path = REPO_ROOT / "var") -> int:
    """`make run`: both servers in the foreground until Ctrl+C; logs and conversations in var/.

    Stops both servers on SIGTERM, SIGINT and SIGHUP (during start-up as well) and when its
    parent (make) dies; the servers die with it even when it is killed with SIGKILL."""
    problem = ports_problem(rasa_port, action_port)
    if problem:
        _say(problem)
        return 1
    for sig in STOP_SIGNALS:
        signal.signal(sig, _on_stop_signal)
    die_with_parent(signal.SIGTERM)
    stack = Stack(rasa_port=rasa_port, action_port=action_port, workdir=workdir, tracker_db=workdir / "trackers.db")
    try:
        print(f"Starting the action server (:{action_port}) and Rasa (:{rasa_port}); logs in {workdir}/", flush=True)
        if not start_or_report(stack):
            return 1
        _print_ready(rasa_port)
        while True:
            for process in (stack.actions, stack.rasa):
                if process and not process.alive():
                    _say(f"error: {process.name} stopped; last log lines:\n{process.tail()}")
                    return 1
            time.sleep(0.5)
    except _Stop as stop:
        _say(f"Stopping ({signal.Signals(stop.args[0]).name}) / NPO-assistent stopt.")
        return 0
    finally:
        stack.stop()


def rasa_test_stories(action_port: int) -> int:
    """`rasa test core` on tests/test_stories.yml with a live action server."""
    out = REPO_ROOT / "results" / "test-stories"
    out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="npo-core-test-"))
    endpoints = write_endpoints(workdir / "endpoints.yml", f"http://127.0.0.1:{action_port}/webhook", workdir / "t.db")
    actions = start_action_server(action_port, workdir, die_with_parent=True)
    try:
        argv = [str(VENV_BIN / "rasa"), "test", "core", "--model", str(DEFAULT_MODEL),
                "--stories", "tests/test_stories.yml", "--endpoints", str(endpoints),
                "--out", str(out), "--fail-on-prediction-errors", "--no-plot"]
        return subprocess.call(argv, cwd=REPO_ROOT, env=base_env(), stdin=subprocess.DEVNULL)
    finally:
        actions.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.ops.serve")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="start the action server and Rasa (make run)")
    p_run.add_argument("--port", type=int, default=int(os.environ.get("NPO_PORT", 5005)))
    p_run.add_argument("--action-port", type=int, default=int(os.environ.get("NPO_ACTION_PORT", 5055)))
    p_run.add_argument("--workdir", type=Path, default=Path(os.environ.get("NPO_VAR_DIR", REPO_ROOT / "var")),
                       help="logs and conversations (NPO_VAR_DIR, default var/)")
    p_act = sub.add_parser("actions", help="start only the action server")
    p_act.add_argument("--port", type=int, default=int(os.environ.get("NPO_ACTION_PORT", 5055)))
    p_core = sub.add_parser("rasa-test-stories", help="run tests/test_stories.yml")
    p_core.add_argument("--action-port", type=int, default=5155)
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.port, args.action_port, args.workdir)
    if args.command == "actions":
        problem = port_problem(args.port, ACTION_INTERFACE, "NPO_ACTION_PORT", "make actions")
        if problem:
            _say(problem)
            return 1
        die_with_parent(signal.SIGTERM)  # kept across exec: the server stops when make dies
        os.execve(sys.executable, [sys.executable, "-m", "bot.ops.action_server", "--port", str(args.port)], base_env())
    if args.command == "rasa-test-stories":
        return rasa_test_stories(args.action_port)
    return 2


if __name__ == "__main__":
    sys.exit(main())
