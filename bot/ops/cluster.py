"""A scale-out cluster on one machine: PostgreSQL, Redis, N Rasa replicas, M action servers, nginx.

Everything listens on 127.0.0.1 only and lives under one work directory (default
`var/cluster/`): a private PostgreSQL cluster (`pg/`), a Redis without persistence, the logs, the
generated nginx config and `secrets.env` (generated passwords, mode 0600, git-ignored). The Rasa
replicas read `deploy/endpoints.cluster.yml`, which takes every value from the environment, so
the same file works with a managed PostgreSQL/Redis on a container platform.

    python -m bot.ops.cluster start [--replicas 2] [--action-servers 2]   # make cluster
    python -m bot.ops.cluster status
    python -m bot.ops.cluster stop

`Cluster` is the same thing as a Python object; the scale tests and the soak use it.
"""
from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import json
import os
import secrets
import shutil
import signal
import string
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from bot.ops.serve import (
    DEFAULT_MODEL, REPO_ROOT, Process, StartupError, base_env, free_port, http_ok, start_or_report,
    start_action_server, start_rasa_server, wait_until,
)

ENDPOINTS = REPO_ROOT / "deploy" / "endpoints.cluster.yml"
NGINX_TEMPLATE = REPO_ROOT / "deploy" / "nginx.conf.template"
DEFAULT_WORKDIR = REPO_ROOT / "var" / "cluster"
DB_NAME = "npo"
DB_USER = "npo"


def _pg_bin() -> Path:
    candidates = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name))
    if not candidates:
        raise StartupError("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); run 'make sysdeps'.")
    return candidates[-1].parent


def _which(name: str, *fallbacks: str) -> str:
    found = shutil.which(name) or next((f for f in fallbacks if os.access(f, os.X_OK)), None)
    if not found:
        raise StartupError(f"{name} is not installed; run 'make sysdeps'.")
    return found


def _as_postgres(argv: List[str]) -> List[str]:
    """PostgreSQL refuses to run as root: drop to the 'postgres' user when we are root.

    setpriv execs (no extra parent process), so the postmaster is our direct child: a hard kill
    is reaped at once and a restart does not trip over a zombie holding postmaster.pid.
    """
    if os.geteuid() == 0:
        return [_which("setpriv", "/usr/bin/setpriv"), "--reuid=postgres", "--regid=postgres", "--init-groups",
                "--", *argv]
    return argv


def _load_secrets(workdir: Path) -> Dict[str, str]:
    """Passwords generated once per cluster directory, kept in secrets.env (mode 0600)."""
    path = workdir / "secrets.env"
    values: Dict[str, str] = {}
    if path.exists():
        for line in path.read_text().splitlines():
            key, _, value = line.partition("=")
            if key and value:
                values[key.strip()] = value.strip()
    changed = False
    for key in ("NPO_DB_PASSWORD", "NPO_REDIS_PASSWORD"):
        if key not in values:
            values[key] = secrets.token_urlsafe(24)
            changed = True
    if changed:
        path.write_text("".join(f"{k}={v}\n" for k, v in values.items()))
        path.chmod(0o600)
    return values


class PostgresServer:
    """A private PostgreSQL cluster in `<workdir>/pg`, TCP on 127.0.0.1 only (no Unix socket)."""

    def __init__(self, workdir: Path, port: int, password: str):
        self.workdir = workdir
        self.data = workdir / "pg"
        self.port = port
        self.password = password
        self.bin = _pg_bin()
        self.process: Optional[Process] = None

    def _chown(self, path: Path) -> None:
        if os.geteuid() == 0:
            shutil.chown(path, "postgres", "postgres")

    def init(self) -> None:
        if (self.data / "PG_VERSION").exists():
            return
        self.data.mkdir(parents=True, exist_ok=True)
        self.data.chmod(0o700)
        self._chown(self.data)
        pwfile = self.workdir / "pg-initpw"
        pwfile.write_text(self.password + "\n")
        pwfile.chmod(0o600)
        self._chown(pwfile)
        try:
            subprocess.run(
                _as_postgres([str(self.bin / "initdb"), "-D", str(self.data), "-U", DB_USER,
                              f"--pwfile={pwfile}", "--auth-host=scram-sha-256", "--auth-local=reject",
                              "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]),
                check=True, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                cwd="/", timeout=120,
            )
        except subprocess.CalledProcessError as error:
            raise StartupError(f"initdb failed:\n{error.stdout.decode(errors='replace')}") from error
        finally:
            pwfile.unlink(missing_ok=True)

    def connect(self, dbname: str = DB_NAME, timeout: int = 2):
        import psycopg2

        return psycopg2.connect(host="127.0.0.1", port=self.port, user=DB_USER, password=self.password,
                                dbname=dbname, connect_timeout=timeout)

    def _ready(self) -> bool:
        try:
            self.connect("postgres").close()
            return True
        except Exception:  # noqa: BLE001 - not ready yet
            return False

    def start(self) -> Process:
        self.init()
        argv = _as_postgres([
            str(self.bin / "postgres"), "-D", str(self.data), "-p", str(self.port),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "max_connections=100", "-c", "shared_buffers=64MB", "-c", "fsync=on",
        ])
        self.process = Process(f"postgres:{self.port}", argv, self.workdir / "postgres.log", base_env())
        wait_until(self._ready, self.process, f"PostgreSQL on port {self.port}", timeout=60)
        connection = self.connect("postgres")
        try:
            connection.autocommit = True
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (DB_NAME,))
                if cursor.fetchone() is None:
                    cursor.execute(f'CREATE DATABASE "{DB_NAME}"')  # constant name, not user input
        finally:
            connection.close()
        self.create_tracker_table()
        return self.process

    def create_tracker_table(self) -> None:
        """Rasa's `events` table, created from Rasa's own model before any replica starts, so
        replicas can start in parallel without racing on CREATE TABLE."""
        import sqlalchemy as sa
        from rasa.core.tracker_store import SQLTrackerStore

        url = sa.engine.URL.create("postgresql", username=DB_USER, password=self.password, host="127.0.0.1",
                                   port=self.port, database=DB_NAME)
        engine = sa.create_engine(url)
        try:
            SQLTrackerStore.SQLEvent.metadata.create_all(engine)
        finally:
            engine.dispose()

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.alive():
            # Fast shutdown: disconnect clients, checkpoint, exit (SIGTERM would wait for clients).
            self._signal_postmaster(signal.SIGINT)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.popen.wait(20)
        self.process.stop()

    def _signal_postmaster(self, sig: int) -> None:
        pidfile = self.data / "postmaster.pid"
        try:
            os.kill(int(pidfile.read_text().splitlines()[0]), sig)
        except (OSError, ValueError, IndexError):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, sig)  # type: ignore[union-attr]

    def kill(self) -> None:
        """SIGKILL to the postmaster and all its backends, as a crash of the database host would."""
        if self.process is not None:
            self.process.kill()


class RedisServer:
    """Redis for the lock store only: no persistence, password, loopback."""

    def __init__(self, workdir: Path, port: int, password: str):
        self.workdir = workdir
        self.port = port
        self.password = password
        self.process: Optional[Process] = None

    def client(self):
        import redis

        return redis.Redis(host="127.0.0.1", port=self.port, password=self.password, socket_timeout=2,
                           socket_connect_timeout=2)

    def _ready(self) -> bool:
        try:
            return bool(self.client().ping())
        except Exception:  # noqa: BLE001
            return False

    def start(self) -> Process:
        conf = self.workdir / "redis.conf"
        # The password goes in a 0600 file, not on the command line (visible in ps).
        conf.write_text(
            f"bind 127.0.0.1\nport {self.port}\nprotected-mode yes\nsave \"\"\nappendonly no\n"
            f"dir {self.workdir}\nrequirepass {self.password}\nmaxmemory 64mb\n"
        )
        conf.chmod(0o600)
        argv = [_which("redis-server", "/usr/bin/redis-server"), str(conf)]
        self.process = Process(f"redis:{self.port}", argv, self.workdir / "redis.log", base_env())
        wait_until(self._ready, self.process, f"Redis on port {self.port}", timeout=30)
        return self.process

    def stop(self) -> None:
        if self.process is not None:
            self.process.stop()

    def kill(self) -> None:
        if self.process is not None:
            self.process.kill()


@dataclass
class Cluster:
    """The whole scale-out shape on loopback; ports are free ones unless given."""

    replicas: int = 2
    action_servers: int = 2
    model: Path = DEFAULT_MODEL
    workdir: Path = DEFAULT_WORKDIR
    public_port: Optional[int] = None
    actions_port: Optional[int] = None
    pg_port: Optional[int] = None
    redis_port: Optional[int] = None
    rate_per_second: int = int(os.environ.get("NPO_CLUSTER_RATE", "50"))
    rate_burst: int = 100
    credentials: Optional[Path] = None
    extra_env: Dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.workdir = Path(self.workdir)
        self.model = Path(self.model)
        self.public_port = self.public_port or free_port()
        self.actions_port = self.actions_port or free_port()
        self.rasa_ports = [free_port() for _ in range(self.replicas)]
        self.action_ports = [free_port() for _ in range(self.action_servers)]
        self.pg: Optional[PostgresServer] = None
        self.redis: Optional[RedisServer] = None
        self.rasa: Dict[int, Process] = {}
        self.actions: Dict[int, Process] = {}
        self.nginx: Optional[Process] = None
        self._secrets: Dict[str, str] = {}

    # ------------------------------------------------------------------ addresses
    @property
    def url(self) -> str:
        """The public entry (nginx)."""
        return f"http://127.0.0.1:{self.public_port}"

    def replica_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.rasa_ports[index]}"

    def rasa_env(self) -> Dict[str, str]:
        assert self.pg is not None and self.redis is not None
        return {
            **base_env(),
            "NPO_ACTION_URL": f"http://127.0.0.1:{self.actions_port}/webhook",
            "NPO_DB_HOST": "127.0.0.1", "NPO_DB_PORT": str(self.pg.port), "NPO_DB_NAME": DB_NAME,
            "NPO_DB_USER": DB_USER, "NPO_DB_PASSWORD": self._secrets["NPO_DB_PASSWORD"],
            "NPO_DB_SSLMODE": "disable",
            "NPO_REDIS_HOST": "127.0.0.1", "NPO_REDIS_PORT": str(self.redis.port),
            "NPO_REDIS_PASSWORD": self._secrets["NPO_REDIS_PASSWORD"], "NPO_REDIS_DB": "0",
            **self.extra_env,
        }

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> "Cluster":
        if not self.model.exists():
            raise StartupError(f"No trained model at {self.model}; run 'make train' first.")
        self.workdir.mkdir(parents=True, exist_ok=True)
        # The postgres user must be able to reach its data directory.
        for path in [self.workdir, *self.workdir.parents]:
            if path == Path("/"):
                break
            if os.geteuid() == 0 and not os.stat(path).st_mode & 0o001:
                path.chmod(os.stat(path).st_mode | 0o011)
        self._secrets = _load_secrets(self.workdir)
        try:
            self.pg = PostgresServer(self.workdir, self.pg_port or free_port(), self._secrets["NPO_DB_PASSWORD"])
            self.pg.start()
            self.redis = RedisServer(self.workdir, self.redis_port or free_port(), self._secrets["NPO_REDIS_PASSWORD"])
            self.redis.start()
            with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, self.action_servers)) as pool:
                for port, process in zip(self.action_ports, pool.map(self._start_actions, self.action_ports)):
                    self.actions[port] = process
            self.nginx = self._start_nginx()
            with concurrent.futures.ThreadPoolExecutor(max_workers=self.replicas) as pool:
                list(pool.map(self.start_replica, range(self.replicas)))
            wait_until(lambda: http_ok(self.url + "/"), self.nginx, "nginx", timeout=30)
        except BaseException:
            self.stop()
            raise
        return self

    def _start_actions(self, port: int) -> Process:
        return start_action_server(port, self.workdir, {**base_env(), **self.extra_env})

    def start_actions(self, index: int) -> Process:
        port = self.action_ports[index]
        self.actions[port] = self._start_actions(port)
        return self.actions[port]

    def start_replica(self, index: int) -> Process:
        port = self.rasa_ports[index]
        extra = ["--credentials", str(self.credentials)] if self.credentials else []
        self.rasa[port] = start_rasa_server(port, ENDPOINTS, self.workdir, self.model, self.rasa_env(), extra)
        return self.rasa[port]

    def replica(self, index: int) -> Process:
        return self.rasa[self.rasa_ports[index]]

    def action_server(self, index: int) -> Process:
        return self.actions[self.action_ports[index]]

    def _start_nginx(self) -> Process:
        tmp = self.workdir / "nginx-tmp"
        tmp.mkdir(exist_ok=True)
        conf = self.workdir / "nginx.conf"
        conf.write_text(string.Template(NGINX_TEMPLATE.read_text()).safe_substitute(
            WORKDIR=str(self.workdir), PUBLIC_PORT=self.public_port, ACTIONS_PORT=self.actions_port,
            RATE_PER_SECOND=self.rate_per_second, RATE_BURST=self.rate_burst,
            RASA_SERVERS="\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in self.rasa_ports),
            ACTION_SERVERS="\n".join(f"        server 127.0.0.1:{p} max_fails=1 fail_timeout=5s;" for p in self.action_ports),
        ))
        nginx = _which("nginx", "/usr/sbin/nginx")
        check = subprocess.run([nginx, "-t", "-q", "-p", str(self.workdir), "-e", str(self.workdir / "nginx-error.log"),
                                "-c", str(conf)], capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if check.returncode != 0:
            raise StartupError(f"nginx config invalid:\n{check.stderr}")
        process = Process("nginx", [nginx, "-p", str(self.workdir), "-e", str(self.workdir / "nginx-error.log"),
                                    "-c", str(conf)], self.workdir / "nginx.log", base_env())
        wait_until(lambda: _port_open(self.public_port), process, "nginx", timeout=30)
        return process

    def processes(self) -> Dict[str, Process]:
        found: Dict[str, Process] = {}
        if self.pg and self.pg.process:
            found["postgres"] = self.pg.process
        if self.redis and self.redis.process:
            found["redis"] = self.redis.process
        for port, process in self.actions.items():
            found[f"actions:{port}"] = process
        for port, process in self.rasa.items():
            found[f"rasa:{port}"] = process
        if self.nginx:
            found["nginx"] = self.nginx
        return found

    def stop(self) -> None:
        if self.nginx:
            self.nginx.stop()
        for process in [*self.rasa.values(), *self.actions.values()]:
            process.stop()
        if self.redis:
            self.redis.stop()
        if self.pg:
            self.pg.stop()

    def describe(self) -> str:
        rows = [("nginx (public: channel webhooks)", self.url),
                ("nginx (internal: action servers)", f"http://127.0.0.1:{self.actions_port}/webhook")]
        rows += [(f"Rasa replica {i + 1}", f"http://127.0.0.1:{p}") for i, p in enumerate(self.rasa_ports)]
        rows += [(f"action server {i + 1}", f"http://127.0.0.1:{p}/webhook") for i, p in enumerate(self.action_ports)]
        if self.pg:
            rows.append(("PostgreSQL (tracker store)", f"127.0.0.1:{self.pg.port} db={DB_NAME} user={DB_USER}"))
        if self.redis:
            rows.append(("Redis (lock store)", f"127.0.0.1:{self.redis.port}"))
        width = max(len(name) for name, _ in rows)
        lines = [f"  {name.ljust(width)}  {where}" for name, where in rows]
        lines.append(f"  {'logs, config, secrets.env'.ljust(width)}  {self.workdir}")
        return "\n".join(lines)

    def state(self) -> Dict[str, object]:
        return {
            "url": self.url,
            "workdir": str(self.workdir),
            "processes": [{"name": name, "pid": p.pid} for name, p in self.processes().items()],
            "pg_data": str(self.pg.data) if self.pg else None,
            "description": self.describe(),
        }

    def __enter__(self) -> "Cluster":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _port_open(port: int) -> bool:
    import socket

    with contextlib.closing(socket.socket()) as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


# ---------------------------------------------------------------------- command line
STATE_FILE = "cluster.json"


def cli_start(args: argparse.Namespace) -> int:
    workdir = Path(args.workdir)
    state_path = workdir / STATE_FILE
    if state_path.exists():
        state = json.loads(state_path.read_text())
        if any(_pid_alive(p["pid"]) for p in state["processes"]):
            print(f"error: a cluster is already running from {workdir}; stop it with 'scripts/cluster.sh stop'",
                  file=sys.stderr)
            return 1
    cluster = Cluster(replicas=args.replicas, action_servers=args.action_servers, model=Path(args.model),
                      workdir=workdir, public_port=args.port, actions_port=args.port + 1,
                      pg_port=args.port + 2, redis_port=args.port + 3)
    print(f"Starting {args.replicas} Rasa replicas and {args.action_servers} action servers "
          f"behind nginx, with PostgreSQL and Redis; this takes a minute or two.", flush=True)
    if not start_or_report(cluster):
        return 1
    state_path.write_text(json.dumps(cluster.state(), indent=2))
    env_file = workdir / "cluster.env"
    env_file.write_text("".join(f"{k}={v}\n" for k, v in cluster.rasa_env().items() if k.startswith("NPO_")
                                and not k.startswith(("NPO_KB", "NPO_SPACY"))))
    env_file.chmod(0o600)
    print(f"\nCluster ready. What runs where:\n{cluster.describe()}\n\n"
          f"The replicas' settings (for bot.ops.purge with --endpoints {ENDPOINTS.relative_to(REPO_ROOT)}):\n"
          f"  set -a; . {env_file}; set +a\n\n"
          f"Try: curl -s {cluster.url}/webhooks/rest/webhook -d '{{\"sender\": \"u1\", \"message\": \"hoi\"}}'\n"
          f"Stop with: scripts/cluster.sh stop", flush=True)
    return 0


def _stop_pid(pid: int, sig: int, timeout: float) -> bool:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, sig)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return True
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)
        time.sleep(0.2)
    return not _pid_alive(pid)


def _saved_state(args: argparse.Namespace) -> Tuple[Path, Optional[dict]]:
    """Where `start` saved what it runs, and that state (None when no cluster was started)."""
    state_path = Path(args.workdir) / STATE_FILE
    return state_path, json.loads(state_path.read_text()) if state_path.exists() else None


def cli_stop(args: argparse.Namespace) -> int:
    state_path, state = _saved_state(args)
    if state is None:
        print("No cluster state found; nothing to stop.")
        return 0
    order = sorted(state["processes"], key=lambda p: ["nginx", "rasa", "actions", "redis", "postgres"].index(
        p["name"].split(":")[0]))
    for proc in order:
        if not _pid_alive(proc["pid"]):
            continue
        if proc["name"] == "postgres" and state.get("pg_data"):
            with contextlib.suppress(OSError, ValueError, ProcessLookupError):
                os.kill(int((Path(state["pg_data"]) / "postmaster.pid").read_text().split()[0]), signal.SIGINT)
        if not _stop_pid(proc["pid"], signal.SIGTERM, 20):
            _stop_pid(proc["pid"], signal.SIGKILL, 5)
        print(f"stopped {proc['name']} (pid {proc['pid']})")
    state_path.unlink()
    return 0


def cli_status(args: argparse.Namespace) -> int:
    _, state = _saved_state(args)
    if state is None:
        print("No cluster running (start one with 'make cluster').")
        return 1
    print(state["description"])
    healthy = True
    for proc in state["processes"]:
        alive = _pid_alive(proc["pid"])
        healthy &= alive
        print(f"  {proc['name']:<16} pid {proc['pid']:<8} {'running' if alive else 'STOPPED'}")
    ok = http_ok(state["url"] + "/webhooks/rest/")
    print(f"  health {state['url']}/webhooks/rest/: {'ok' if ok else 'NOT OK'}")
    return 0 if healthy and ok else 1


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.ops.cluster")
    parser.add_argument("--workdir", default=os.environ.get("NPO_CLUSTER_DIR", str(DEFAULT_WORKDIR)))
    sub = parser.add_subparsers(dest="command", required=True)
    p_start = sub.add_parser("start", help="start the cluster in the background")
    p_start.add_argument("--replicas", type=int, default=int(os.environ.get("NPO_REPLICAS", 2)))
    p_start.add_argument("--action-servers", type=int, default=int(os.environ.get("NPO_ACTION_SERVERS", 2)))
    p_start.add_argument("--port", type=int, default=int(os.environ.get("NPO_CLUSTER_PORT", 5080)),
                         help="public nginx port; +1 action-server balancer, +2 PostgreSQL, +3 Redis")
    p_start.add_argument("--model", default=os.environ.get("NPO_MODEL", str(DEFAULT_MODEL)))
    sub.add_parser("stop", help="stop every process of the cluster")
    sub.add_parser("status", help="show what runs where and whether it is healthy")
    args = parser.parse_args(argv)
    return {"start": cli_start, "stop": cli_stop, "status": cli_status}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
