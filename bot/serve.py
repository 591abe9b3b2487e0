"""Start, supervise and stop the bot's processes: the action server and the Rasa server.

`python -m bot.serve run` is what `make run` calls. `Stack` is the same thing as a context
manager, used by the tests, the benchmark and the cluster scripts so that every caller starts
the bot the same way (own ports, own tracker store, readiness checks, clean shutdown).
"""
from __future__ import annotations

import argparse
import contextlib
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

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MODEL = REPO_ROOT / "models" / "npo.tar.gz"
VENV_BIN = Path(sys.executable).parent
READY_TIMEOUT_S = float(os.environ.get("NPO_READY_TIMEOUT", "180"))


class StartupError(RuntimeError):
    """A process did not come up; the message says which and shows its last log lines."""


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
    env.setdefault("NPO_KB_PATH", str(REPO_ROOT / "knowledge" / "kb.sqlite"))
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
    """A child process with its log in a file; tail() shows why it failed."""

    def __init__(self, name: str, argv: List[str], log_path: Path, env: Dict[str, str]):
        self.name = name
        self.log_path = log_path
        self._log = open(log_path, "ab")
        self.popen = subprocess.Popen(
            argv, cwd=REPO_ROOT, env=env, stdout=self._log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
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

    def stop(self, timeout: float = 15.0) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.popen.pid, signal.SIGTERM)
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


def start_action_server(port: int, log_dir: Path, env: Optional[Dict[str, str]] = None) -> Process:
    argv = [sys.executable, "-m", "bot.action_server", "--port", str(port)]
    process = Process(f"actions:{port}", argv, log_dir / f"actions-{port}.log", env or base_env())
    wait_until(lambda: http_ok(f"http://127.0.0.1:{port}/health"), process, f"Action server on port {port}")
    return process


def start_rasa_server(port: int, endpoints: Path, log_dir: Path, model: Path = DEFAULT_MODEL,
                      env: Optional[Dict[str, str]] = None, extra_args: Optional[List[str]] = None) -> Process:
    argv = [
        str(VENV_BIN / "rasa"), "run", "--model", str(model), "--port", str(port),
        "--interface", "127.0.0.1", "--credentials", str(REPO_ROOT / "credentials.yml"),
        "--endpoints", str(endpoints), *(extra_args or []),
    ]
    process = Process(f"rasa:{port}", argv, log_dir / f"rasa-{port}.log", env or base_env())
    # The model is loaded in a before-server-start listener, so "/" answers only once it is ready.
    wait_until(lambda: http_ok(f"http://127.0.0.1:{port}/"), process, f"Rasa server on port {port}")
    return process


class Stack:
    """An action server and a Rasa server on their own ports, with their own tracker store."""

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
        self.actions = start_action_server(self.action_port, self.workdir, self.env)
        return self.actions

    def start_rasa(self) -> Process:
        assert self.endpoints is not None
        self.rasa = start_rasa_server(self.rasa_port, self.endpoints, self.workdir, self.model, self.env)
        return self.rasa

    def stop(self) -> None:
        for process in (self.rasa, self.actions):
            if process is not None:
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


def run(rasa_port: int, action_port: int) -> int:
    """`make run`: both servers in the foreground until Ctrl+C, logs in var/log/."""
    log_dir = REPO_ROOT / "var" / "log"
    log_dir.mkdir(parents=True, exist_ok=True)
    stack = Stack(rasa_port=rasa_port, action_port=action_port, workdir=REPO_ROOT / "var",
                  tracker_db=REPO_ROOT / "var" / "trackers.db")
    stopping = False

    def _stop(*_):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    print(f"Starting the action server (:{action_port}) and Rasa (:{rasa_port}); logs in var/", flush=True)
    if not start_or_report(stack):
        return 1
    _print_ready(rasa_port)
    try:
        while not stopping:
            for process in (stack.actions, stack.rasa):
                if process and not process.alive():
                    print(f"error: {process.name} stopped; last log lines:\n{process.tail()}", file=sys.stderr)
                    return 1
            time.sleep(0.5)
    finally:
        stack.stop()
    return 0


def rasa_test_stories(action_port: int) -> int:
    """`rasa test core` on tests/test_stories.yml with a live action server."""
    out = REPO_ROOT / "results" / "test-stories"
    out.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="npo-core-test-"))
    endpoints = write_endpoints(workdir / "endpoints.yml", f"http://127.0.0.1:{action_port}/webhook", workdir / "t.db")
    actions = start_action_server(action_port, workdir)
    try:
        argv = [str(VENV_BIN / "rasa"), "test", "core", "--model", str(DEFAULT_MODEL),
                "--stories", "tests/test_stories.yml", "--endpoints", str(endpoints),
                "--out", str(out), "--fail-on-prediction-errors", "--no-plot"]
        return subprocess.call(argv, cwd=REPO_ROOT, env=base_env(), stdin=subprocess.DEVNULL)
    finally:
        actions.stop()
        shutil.rmtree(workdir, ignore_errors=True)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.serve")
    sub = parser.add_subparsers(dest="command", required=True)
    p_run = sub.add_parser("run", help="start the action server and Rasa (make run)")
    p_run.add_argument("--port", type=int, default=int(os.environ.get("NPO_PORT", 5005)))
    p_run.add_argument("--action-port", type=int, default=int(os.environ.get("NPO_ACTION_PORT", 5055)))
    p_act = sub.add_parser("actions", help="start only the action server")
    p_act.add_argument("--port", type=int, default=5055)
    p_core = sub.add_parser("rasa-test-stories", help="run tests/test_stories.yml")
    p_core.add_argument("--action-port", type=int, default=5155)
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.port, args.action_port)
    if args.command == "actions":
        os.execve(sys.executable, [sys.executable, "-m", "bot.action_server", "--port", str(args.port)], base_env())
    if args.command == "rasa-test-stories":
        return rasa_test_stories(args.action_port)
    return 2


if __name__ == "__main__":
    sys.exit(main())
