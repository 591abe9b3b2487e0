"""`make bench`: speed and cost of the NPO-assistent, side by side with Rasa's own starter bot.

Steps, all in one run so that the machine's speed cancels out of the ratios:
1. `train_s`: full training of this bot from scratch (own temp dir and training cache).
2. This bot (trained model, action server, SQLite tracker store) via `bot.ops.serve.Stack`:
   `ready_s` (start to first answer), latency for one user (`p50_ms` ...), throughput at each
   concurrency level (best level -> `throughput_rps`), long conversations (`turn1_ms`,
   `turn50_ms`, `turn200_ms`), resident memory after the load.
3. Rasa's starter bot, generated with `rasa init --no-prompt` into a temp dir (never committed),
   trained the same way and served with `rasa run` as generated, under the same load.

A long conversation repeats a short script, so single turns ask different questions; `turnN_ms`
is the median of the script's turns that end at turn N (the same questions as turns 1..length).

All of it runs `--runs` times (3 by default): the figures are the medians over the runs, each with
its min-max, so a single noisy run cannot decide. Writes results/bench.json (medians, and every
run's figures), results/bench.md (tables and results/bench.png: latency by turn, throughput by
users) and results/bench-details.json (every load run, per-turn latencies, settings). `--quick`
is a short smoke run of the same steps, once.

`--load-profile [MODEL]` only loads a model the way `rasa run` does, in this process, and prints
the resident memory and CPU time each graph component's load adds (README: "Memory").
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bot.measure import loadgen
from bot.measure.loadgen import ConversationSource, MessageSet, RestClient, Stats
from bot.ops.serve import (
    DEFAULT_MODEL, REPO_ROOT, VENV_BIN, Process, Stack, StartupError, base_env, free_port, http_ok, wait_until,
)

RESULTS_DIR = REPO_ROOT / "results"
READY_TIMEOUT_S = 300.0

# Targets from the benchmark issue: key -> (comparison, limit).
TARGETS: Dict[str, Tuple[str, float]] = {
    "p50_ms": ("<=", 40),
    "p95_ms": ("<=", 100),
    "errors": ("<=", 0),
    "throughput_ratio": (">=", 2.0),
    "p95_20_users_ms": ("<=", 300),
    "turn50_over_turn1": ("<=", 1.15),
    "rss_ratio": ("<=", 1.0),
    "train_ratio": ("<=", 1.0),
    "ready_s": ("<=", 45),
}


@dataclass(frozen=True)
class Plan:
    latency_messages: int  # measured messages for one user
    latency_warmup: int  # unmeasured messages before those
    concurrency: Tuple[int, ...]  # closed-loop levels for the throughput figure
    duration_s: float  # measured seconds per level
    warmup_s: float  # unmeasured seconds before each level
    long_turns: int  # messages in the long conversation
    long_repeats: int  # long conversations; turn latencies are medians over them
    runs: int  # everything this often; figures are medians over the runs


FULL = Plan(latency_messages=150, latency_warmup=10, concurrency=(20, 50), duration_s=20.0, warmup_s=3.0,
            long_turns=200, long_repeats=2, runs=3)
QUICK = Plan(latency_messages=40, latency_warmup=5, concurrency=(20,), duration_s=6.0, warmup_s=2.0,
             long_turns=50, long_repeats=1, runs=1)


@dataclass
class BotResult:
    """Everything measured for one bot."""

    name: str
    ready_s: float
    latency: Stats
    loads: List[Stats]
    turns: List[Optional[float]]  # median latency per turn of the long conversation
    long_errors: int
    rss_mb: Dict[str, float] = field(default_factory=dict)
    script_length: int = 1  # the long conversation repeats a script of this many messages

    @property
    def best_load(self) -> Stats:
        return max(self.loads, key=lambda s: s.rps)

    @property
    def errors(self) -> int:
        return self.latency.errors + sum(s.errors for s in self.loads) + self.long_errors

    def turn_ms(self, turn: int) -> Optional[float]:
        """Median latency of the script's turns that end at `turn` (turn 1: the first script).

        Every such stretch asks the same questions, so only the conversation's length differs."""
        end = max(turn, self.script_length)
        if len(self.turns) < end:
            return None
        values = [value for value in self.turns[end - self.script_length:end] if value is not None]
        return round(loadgen.percentile(values, 50), 2) if values else None


def log(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Memory
# --------------------------------------------------------------------------------------------

def _children(pid: int) -> List[int]:
    children: List[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children += [int(c) for c in (task / "children").read_text().split()]
        except (OSError, ValueError):
            continue
    return children


def rss_mb(pid: int) -> float:
    """Resident memory (VmRSS) of a process and all its descendants, in MB."""
    total_kb, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            for line in Path(f"/proc/{current}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
                    break
        except (OSError, ValueError):
            continue
        todo += _children(current)
    return round(total_kb / 1024.0, 1)


# --------------------------------------------------------------------------------------------
# Steps
# --------------------------------------------------------------------------------------------

def _run_logged(argv: List[str], cwd: Path, env: Dict[str, str], log_path: Path, what: str) -> float:
    """Run a command to completion with its output in log_path; seconds taken."""
    start = time.monotonic()
    with open(log_path, "wb") as out:
        code = subprocess.call(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    elapsed = time.monotonic() - start
    if code != 0:
        tail = "\n".join(log_path.read_text(errors="replace").splitlines()[-25:])
        raise RuntimeError(f"{what} failed (exit {code}); last log lines:\n{tail}")
    return elapsed


def _children_cpu_s() -> float:
    """User + system CPU seconds of this process's finished (waited-for) children so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def train_from_scratch(workdir: Path, project: Path = REPO_ROOT) -> Tuple[float, float]:
    """Wall and CPU (user + system) seconds for `rasa train --force` of a project into a temp dir
    with an empty training cache. CPU time barely depends on what else the machine runs."""
    cache = Path(tempfile.mkdtemp(prefix="cache-", dir=workdir))
    env = {**base_env(), "RASA_CACHE_DIRECTORY": str(cache)}
    argv = [str(VENV_BIN / "rasa"), "train", "--out", str(workdir / f"models-{cache.name}"), "--force", "--quiet"]
    cpu_before = _children_cpu_s()
    try:
        wall = _run_logged(argv, project, env, workdir / "train.log", f"rasa train in {project}")
        return wall, _children_cpu_s() - cpu_before
    finally:
        shutil.rmtree(cache, ignore_errors=True)


async def _measure(url: str, messages: MessageSet, plan: Plan, name: str) -> Tuple[Stats, List[Stats], List[Optional[float]], int]:
    async with RestClient(url, connections=max(plan.concurrency) + 5) as client:
        log(f"{name}: one user, {plan.latency_messages} messages")
        latency = await loadgen.sequential(client, ConversationSource(messages.conversations),
                                           plan.latency_messages, plan.latency_warmup, label=f"{name}, 1 user")
        loads = []
        for users in plan.concurrency:
            log(f"{name}: {users} users for {plan.duration_s:.0f} s")
            loads.append(await loadgen.closed_loop(client, ConversationSource(messages.conversations), users,
                                                   plan.duration_s, plan.warmup_s, label=f"{name}, {users} users"))
        log(f"{name}: {plan.long_repeats} x one conversation of {plan.long_turns} messages")
        long_runs = [await loadgen.run_conversation(client, messages.long_conversation(plan.long_turns))
                     for _ in range(plan.long_repeats)]
    long_errors = sum(1 for run in long_runs for sample in run if not sample.ok)
    return latency, loads, loadgen.turn_latencies(long_runs), long_errors


async def _first_answer(url: str, message: str) -> None:
    async with RestClient(url) as client:
        await loadgen.wait_for_answer(client, message, timeout_s=READY_TIMEOUT_S)


def workers_endpoints(workdir: Path, redis_port: int, redis_password: str) -> Path:
    """endpoints.yml with a Redis lock store: Rasa 3.6 runs `SANIC_WORKERS` > 1 only with a lock
    store that all workers share (`rasa.core.utils.number_of_sanic_workers`)."""
    config = yaml.safe_load((REPO_ROOT / "endpoints.yml").read_text(encoding="utf-8")) or {}
    config["lock_store"] = {"type": "redis", "url": "127.0.0.1", "port": redis_port,
                            "password": redis_password, "db": 0}
    path = workdir / "endpoints-workers.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


def measure_ours(model: Path, plan: Plan, messages: MessageSet, sanic_workers: int = 1,
                 workdir: Optional[Path] = None) -> BotResult:
    log(f"NPO-assistent: starting action server and Rasa with {model}"
        f"{f' ({sanic_workers} Sanic workers, Redis lock store)' if sanic_workers > 1 else ''}")
    start = time.monotonic()
    # The per-sender limit (30/min) protects production; the long conversation and the load
    # generator's users send faster than any person, so the benchmark lifts it.
    env = {"NPO_REST_MAX_PER_MINUTE": "100000"}
    redis = None
    endpoints_base = REPO_ROOT / "endpoints.yml"
    if sanic_workers > 1:
        from bot.ops.cluster import RedisServer

        redis_dir = Path(tempfile.mkdtemp(prefix="redis-", dir=workdir))
        redis = RedisServer(redis_dir, free_port(), secrets.token_hex(16))
        redis.start()
        endpoints_base = workers_endpoints(redis_dir, redis.port, redis.password)
        env["SANIC_WORKERS"] = str(sanic_workers)
    stack = Stack(model=model, env=env, endpoints_base=endpoints_base)
    try:
        stack.start()
        asyncio.run(_first_answer(stack.url, messages.conversations[0][0]))
        ready_s = time.monotonic() - start
        log(f"NPO-assistent: first answer after {ready_s:.1f} s")
        latency, loads, turns, long_errors = asyncio.run(_measure(stack.url, messages, plan, "NPO-assistent"))
        assert stack.rasa is not None and stack.actions is not None
        rss = {"rasa": rss_mb(stack.rasa.pid), "actions": rss_mb(stack.actions.pid)}
    finally:
        stack.stop()
        if redis is not None:
            redis.stop()
    return BotResult("NPO-assistent", ready_s, latency, loads, turns, long_errors, rss, len(messages.long))


def init_starter(workdir: Path) -> Tuple[Path, float]:
    """Rasa's starter bot as `rasa init --no-prompt` makes it (generated and trained); its folder and seconds."""
    project = workdir / "starter"
    project.mkdir()
    env = {**base_env(), "RASA_CACHE_DIRECTORY": str(workdir / "cache")}
    log("starter bot: rasa init --no-prompt (generates and trains it)")
    init_s = _run_logged([str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
                         project, env, workdir / "init.log", "rasa init")
    return project, init_s


def measure_baseline(project: Path, plan: Plan, messages: MessageSet, workdir: Path) -> BotResult:
    """The starter bot served as generated, under the same load as ours."""
    env = {**base_env(), "RASA_CACHE_DIRECTORY": str(workdir / "cache")}
    port = free_port()
    argv = [str(VENV_BIN / "rasa"), "run", "--model", str(project / "models"), "--port", str(port),
            "--interface", "127.0.0.1", "--credentials", str(project / "credentials.yml"),
            "--endpoints", str(project / "endpoints.yml")]
    log(f"starter bot: rasa run on port {port}")
    start = time.monotonic()
    process = Process(f"starter:{port}", argv, workdir / "starter-rasa.log", env)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until(lambda: http_ok(url + "/"), process, "starter bot", timeout=READY_TIMEOUT_S)
        asyncio.run(_first_answer(url, messages.conversations[0][0]))
        ready_s = time.monotonic() - start
        latency, loads, turns, long_errors = asyncio.run(_measure(url, messages, plan, "starter bot"))
        rss = {"rasa": rss_mb(process.pid)}
    finally:
        process.stop()
    return BotResult("starter bot", ready_s, latency, loads, turns, long_errors, rss, len(messages.long))


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------

def _ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return round(a / b, 3) if a is not None and b else None


def _load_at(bot: BotResult, users: int) -> Optional[Stats]:
    return next((stats for stats in bot.loads if stats.concurrency == users), None)


def headline(ours: BotResult, base: BotResult, train_s: Optional[float], base_train_s: Optional[float],
             train_cpu_s: Optional[float] = None, base_train_cpu_s: Optional[float] = None) -> Dict[str, float]:
    """The flat numbers of one run (keys named by the benchmark issue, then extras)."""
    best, base_best = ours.best_load, base.best_load
    at20 = _load_at(ours, 20)
    figures: Dict[str, Optional[float]] = {
        "p50_ms": ours.latency.p50_ms,
        "p95_ms": ours.latency.p95_ms,
        "p99_ms": ours.latency.p99_ms,
        "throughput_rps": best.rps,
        "throughput_users": best.concurrency,
        "throughput_p95_ms": best.p95_ms,
        "p95_20_users_ms": at20.p95_ms if at20 else None,
        "errors": ours.errors,
        "baseline_throughput_rps": base_best.rps,
        "throughput_ratio": _ratio(best.rps, base_best.rps),
        "turn1_ms": ours.turn_ms(1),
        "turn50_ms": ours.turn_ms(50),
        "turn200_ms": ours.turn_ms(200),
        "turn50_over_turn1": _ratio(ours.turn_ms(50), ours.turn_ms(1)),
        "turn200_over_turn1": _ratio(ours.turn_ms(200), ours.turn_ms(1)),
        "rasa_rss_mb": ours.rss_mb["rasa"],
        "action_rss_mb": ours.rss_mb["actions"],
        "rss_ratio": _ratio(ours.rss_mb["rasa"], base.rss_mb["rasa"]),
        "train_s": None if train_s is None else round(train_s, 1),
        "train_ratio": _ratio(train_s, base_train_s),
        "train_cpu_s": None if train_cpu_s is None else round(train_cpu_s, 1),
        "train_cpu_ratio": _ratio(train_cpu_s, base_train_cpu_s),
        "ready_s": round(ours.ready_s, 1),
        # Extras for context.
        "baseline_p50_ms": base.latency.p50_ms,
        "baseline_p95_ms": base.latency.p95_ms,
        "baseline_p99_ms": base.latency.p99_ms,
        "baseline_throughput_users": base_best.concurrency,
        "baseline_throughput_p95_ms": base_best.p95_ms,
        "baseline_p95_20_users_ms": (_load_at(base, 20) or base_best).p95_ms,
        "baseline_errors": base.errors,
        "baseline_turn1_ms": base.turn_ms(1),
        "baseline_turn50_ms": base.turn_ms(50),
        "baseline_turn200_ms": base.turn_ms(200),
        "baseline_turn50_over_turn1": _ratio(base.turn_ms(50), base.turn_ms(1)),
        "baseline_turn200_over_turn1": _ratio(base.turn_ms(200), base.turn_ms(1)),
        "baseline_rss_mb": base.rss_mb["rasa"],
        "baseline_ready_s": round(base.ready_s, 1),
        "baseline_train_s": None if base_train_s is None else round(base_train_s, 1),
        "baseline_train_cpu_s": None if base_train_cpu_s is None else round(base_train_cpu_s, 1),
        "cpu_count": os.cpu_count() or 0,
    }
    return {key: value for key, value in figures.items() if value is not None}


def summarise_runs(runs: Sequence[Dict[str, float]]) -> Tuple[Dict[str, float], Dict[str, Tuple[float, float]]]:
    """Median of every figure over the runs, and its (min, max)."""
    medians: Dict[str, float] = {}
    spans: Dict[str, Tuple[float, float]] = {}
    for key in dict.fromkeys(key for run in runs for key in run):
        values = [run[key] for run in runs if key in run]
        medians[key] = round(loadgen.percentile(values, 50), 3)
        spans[key] = (min(values), max(values))
    return medians, spans


def check_targets(figures: Dict[str, float]) -> Dict[str, Optional[bool]]:
    """key -> met (None when the figure was not measured)."""
    result: Dict[str, Optional[bool]] = {}
    for key, (op, limit) in TARGETS.items():
        value = figures.get(key)
        result[key] = None if value is None else (value <= limit if op == "<=" else value >= limit)
    return result


def _cell(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def _with_span(key: Optional[str], figures: Dict[str, float], spans: Dict[str, Tuple[float, float]]) -> str:
    if key is None:
        return ""
    cell = _cell(figures.get(key))
    low, high = spans.get(key, (None, None))
    if low is not None and high is not None and low != high:
        cell += f" ({_cell(low)}–{_cell(high)})"
    return cell


ROWS = [
    ("p50 latency, 1 user (ms)", "p50_ms", "baseline_p50_ms"),
    ("p95 latency, 1 user (ms)", "p95_ms", "baseline_p95_ms"),
    ("p99 latency, 1 user (ms)", "p99_ms", "baseline_p99_ms"),
    ("throughput at saturation (msg/s)", "throughput_rps", "baseline_throughput_rps"),
    ("users at best throughput", "throughput_users", "baseline_throughput_users"),
    ("p95 latency at that load (ms)", "throughput_p95_ms", "baseline_throughput_p95_ms"),
    ("p95 latency, 20 users (ms)", "p95_20_users_ms", "baseline_p95_20_users_ms"),
    ("errors", "errors", "baseline_errors"),
    ("throughput ratio (ours / starter)", "throughput_ratio", None),
    ("turn 1 latency (ms)", "turn1_ms", "baseline_turn1_ms"),
    ("turn 50 latency (ms)", "turn50_ms", "baseline_turn50_ms"),
    ("turn 200 latency (ms)", "turn200_ms", "baseline_turn200_ms"),
    ("turn 50 / turn 1", "turn50_over_turn1", "baseline_turn50_over_turn1"),
    ("turn 200 / turn 1", "turn200_over_turn1", "baseline_turn200_over_turn1"),
    ("Rasa RSS after load (MB)", "rasa_rss_mb", "baseline_rss_mb"),
    ("RSS ratio (ours / starter)", "rss_ratio", None),
    ("action server RSS (MB)", "action_rss_mb", None),
    ("full training (s)", "train_s", "baseline_train_s"),
    ("training ratio (ours / starter)", "train_ratio", None),
    ("training CPU, user + system (s)", "train_cpu_s", "baseline_train_cpu_s"),
    ("training CPU ratio (ours / starter)", "train_cpu_ratio", None),
    ("start to first answer (s)", "ready_s", "baseline_ready_s"),
]


def markdown(figures: Dict[str, float], spans: Dict[str, Tuple[float, float]], ours: Sequence[BotResult],
             base: Sequence[BotResult], plan: Plan, quick: bool, chart: Optional[str] = None,
             init_s: Optional[float] = None, sanic_workers: int = 1) -> str:
    met = check_targets(figures)

    def status(key: str) -> str:
        return {True: "yes", False: "**no**", None: "–"}[met.get(key)] if key in met else ""

    def target(key: str) -> str:
        if key not in TARGETS:
            return ""
        op, limit = TARGETS[key]
        return f"{'≤' if op == '<=' else '≥'} {limit:g}"

    runs = len(ours)
    lines = [
        f"# Benchmark{' (quick run)' if quick else ''}",
        "",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {figures.get('cpu_count', '?'):g} CPUs, Python {platform.python_version()}, "
        f"load average at the end {_load_average()}. Starter bot = `rasa init --no-prompt`, served as generated "
        f"(in-memory tracker store, no action server){'' if init_s is None else f'; `rasa init` took {_cell(init_s)} s'}. "
        f"{runs} run(s): median{' (min–max)' if runs > 1 else ''}."
        f"{f' This bot ran {sanic_workers} Sanic workers with a Redis lock store.' if sanic_workers > 1 else ''}",
        "",
        "| figure | NPO-assistent | starter bot | target | met |",
        "|---|---:|---:|---:|:---:|",
    ]
    for title, key, base_key in ROWS:
        lines.append(f"| {title} | {_with_span(key, figures, spans)} | {_with_span(base_key, figures, spans)} "
                     f"| {target(key)} | {status(key)} |")
    lines += [
        "",
        f"Each run: one user sends {plan.latency_messages} messages in fresh conversations; then "
        f"{', '.join(map(str, plan.concurrency))} users for {plan.duration_s:g} s each (closed loop, "
        f"{plan.warmup_s:g} s warm-up); then {plan.long_repeats} conversation(s) of {plan.long_turns} messages "
        f"(medians per turn; turn N = median of the script's turns ending at N).",
        "",
    ]
    if chart:
        lines += [f"![latency by turn and throughput by users]({chart})", ""]
    for index, (mine, theirs) in enumerate(zip(ours, base), 1):
        lines += [f"Run {index}:", "", "```", loadgen.format_table([mine.latency, *mine.loads, theirs.latency, *theirs.loads]),
                  "```", ""]
    return "\n".join(lines)


def _load_average() -> str:
    try:
        return " / ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "?"


def draw_chart(path: Path, ours: Sequence[BotResult], base: Sequence[BotResult]) -> Path:
    """results/bench.png: latency by turn of the long conversation, throughput by users (median, min–max)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (by_turn, by_users) = plt.subplots(1, 2, figsize=(10, 3.6))
    for results, colour in ((ours, "#154273"), (base, "#c0392b")):
        turns = max(len(result.turns) for result in results)
        medians = []
        for index in range(turns):
            values = [r.turns[index] for r in results if len(r.turns) > index and r.turns[index] is not None]
            medians.append(loadgen.percentile(values, 50) if values else float("nan"))
        by_turn.plot(range(1, turns + 1), medians, color=colour, linewidth=1, label=results[0].name)
        levels = sorted({1, *(s.concurrency for r in results for s in r.loads)})
        rates = [[(r.latency if users == 1 else _load_at(r, users)) for r in results] for users in levels]
        values = [[s.rps for s in level if s is not None] for level in rates]
        middle = [loadgen.percentile(v, 50) for v in values]
        by_users.errorbar(levels, middle, yerr=[[m - min(v) for m, v in zip(middle, values)],
                                                [max(v) - m for m, v in zip(middle, values)]],
                          color=colour, marker="o", capsize=3, label=results[0].name)
    by_turn.set(title="Latency by turn (one conversation)", xlabel="turn", ylabel="ms")
    by_users.set(title="Throughput by users (closed loop)", xlabel="users", ylabel="messages/s")
    for axes in (by_turn, by_users):
        axes.grid(alpha=0.3)
        axes.legend(fontsize=8)
    by_turn.set_ylim(bottom=0)
    by_users.set_ylim(bottom=0)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def write_results(out_dir: Path, runs: List[Dict[str, float]], ours: List[BotResult], base: List[BotResult],
                  plan: Plan, quick: bool, model: Path, init_s: Optional[float],
                  sanic_workers: int = 1) -> Dict[str, float]:
    out_dir.mkdir(parents=True, exist_ok=True)
    figures, spans = summarise_runs(runs)
    chart = draw_chart(out_dir / "bench.png", ours, base)
    (out_dir / "bench.json").write_text(json.dumps({**figures, "runs": runs}, indent=2) + "\n", encoding="utf-8")
    (out_dir / "bench.md").write_text(markdown(figures, spans, ours, base, plan, quick, chart.name, init_s,
                                                           sanic_workers),
                                      encoding="utf-8")
    details = {
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "git_commit": _git_commit(),
        "model": str(model),
        "quick": quick,
        "sanic_workers": sanic_workers,
        "plan": asdict(plan),
        "targets": {key: {"op": op, "limit": limit, "met": check_targets(figures)[key]}
                    for key, (op, limit) in TARGETS.items()},
        "runs": [
            {
                bot.name: {
                    "ready_s": round(bot.ready_s, 2),
                    "rss_mb": bot.rss_mb,
                    "runs": [bot.latency.as_dict(), *(s.as_dict() for s in bot.loads)],
                    "long_conversation_ms": bot.turns,
                    "long_conversation_errors": bot.long_errors,
                }
                for bot in pair
            }
            for pair in zip(ours, base)
        ],
    }
    (out_dir / "bench-details.json").write_text(json.dumps(details, indent=2) + "\n", encoding="utf-8")
    return figures


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def print_summary(figures: Dict[str, float]) -> None:
    met = check_targets(figures)
    print("\nBenchmark (NPO-assistent vs. Rasa starter bot), medians over the runs")
    for key, value in figures.items():
        mark = {True: "ok", False: "MISSED", None: ""}[met[key]] if key in met else ""
        target = f"target {TARGETS[key][0]} {TARGETS[key][1]:g}" if key in TARGETS else ""
        print(f"  {key:<28} {value:>10g}  {target:<16} {mark}")


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def _vm_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024.0
    return 0.0


def load_profile(model: Path) -> List[Tuple[str, float, float]]:
    """(step, RSS in MB after it, CPU seconds it took) for loading `model` as `rasa run` does:
    TensorFlow and Rasa's server imports, every graph component's load, one message, then the heap
    trim `bot.nlp.rasa_speedups` does after a load."""
    steps: List[Tuple[str, float, float]] = [("start", _vm_rss_mb(), 0.0)]

    def step(name: str, started: float) -> None:
        steps.append((name, _vm_rss_mb(), time.process_time() - started))

    started = time.process_time()
    import tensorflow  # noqa: F401
    step("import tensorflow", started)
    started = time.process_time()
    import rasa.core.agent
    import rasa.server  # noqa: F401
    from rasa.engine.graph import GraphNode
    step("import rasa server", started)

    rasa_load_component = GraphNode._load_component

    def load_component(node: Any, **kwargs: Any) -> Any:
        begun = time.process_time()
        loaded = rasa_load_component(node, **kwargs)
        step(f"load {node._node_name}", begun)
        return loaded

    GraphNode._load_component = load_component
    try:
        async def load_and_answer() -> None:
            agent = await rasa.core.agent.load_agent(model_path=str(model))
            begun = time.process_time()
            await agent.parse_message("welke acties zijn er voor het mbo")
            step("one message (NLU)", begun)

        asyncio.run(load_and_answer())
    finally:
        GraphNode._load_component = rasa_load_component
    begun = time.process_time()
    from bot.nlp.rasa_speedups import release_free_heap
    release_free_heap()
    step("malloc_trim", begun)
    return steps


def print_load_profile(steps: List[Tuple[str, float, float]]) -> None:
    print(f"{'step':48s} {'RSS MB':>8s} {'+MB':>7s} {'CPU s':>6s}")
    previous = steps[0][1]
    for name, rss, cpu in steps:
        if rss - previous >= 0.5 or cpu >= 0.05 or name in ("start", "malloc_trim"):
            print(f"{name:48s} {rss:8.1f} {rss - previous:+7.1f} {cpu:6.2f}")
        previous = rss


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.measure.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short loads, one 50-turn conversation, one run (~4 min)")
    parser.add_argument("--runs", type=int, help="how often to run everything (default: 3, --quick: 1)")
    parser.add_argument("--skip-train", action="store_true", help="do not measure train_s")
    parser.add_argument("--model", type=Path, default=Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL)))
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument("--questions", type=Path, default=loadgen.QUESTIONS_FILE)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--sanic-workers", type=int, default=1,
                        help="Sanic workers for this bot's Rasa server (> 1 starts a Redis lock store; "
                             "README: Sanic workers or replicas?)")
    parser.add_argument("--load-profile", nargs="?", type=Path, const=Path(""), metavar="MODEL",
                        help="only print RSS and CPU per component while loading a model (default: --model)")
    args = parser.parse_args(argv)

    if args.load_profile is not None:
        os.chdir(REPO_ROOT)  # the model's custom components are imported from the project
        print_load_profile(load_profile(args.load_profile if str(args.load_profile) not in ("", ".") else args.model))
        return 0

    plan = QUICK if args.quick else FULL
    if args.runs is not None:
        plan = Plan(**{**asdict(plan), "runs": max(1, args.runs)})
    ours_messages = loadgen.load_messages("npo", args.questions)
    base_messages = loadgen.load_messages("baseline", args.questions)
    if not args.model.exists():
        print(f"error: no trained model at {args.model}; run 'make train' first", file=sys.stderr)
        return 1

    workdir = Path(tempfile.mkdtemp(prefix="npo-bench-"))
    runs: List[Dict[str, float]] = []
    ours: List[BotResult] = []
    base: List[BotResult] = []
    try:
        project, init_s = init_starter(workdir)
        for run in range(1, plan.runs + 1):
            log(f"run {run} of {plan.runs}")
            train_s = base_train_s = train_cpu_s = base_train_cpu_s = None
            if not args.skip_train:
                log("training this bot and the starter bot from scratch (rasa train --force, empty cache)")
                train_s, train_cpu_s = train_from_scratch(workdir)
                base_train_s, base_train_cpu_s = train_from_scratch(workdir, project)
                log(f"training took {train_s:.1f} s, {train_cpu_s:.1f} s CPU "
                    f"(starter bot: {base_train_s:.1f} s, {base_train_cpu_s:.1f} s CPU)")
            ours.append(measure_ours(args.model, plan, ours_messages, args.sanic_workers, workdir))
            base.append(measure_baseline(project, plan, base_messages, workdir))
            runs.append(headline(ours[-1], base[-1], train_s, base_train_s, train_cpu_s, base_train_cpu_s))
    except (StartupError, RuntimeError, TimeoutError) as error:
        print(f"error: {error}", file=sys.stderr)
        print(f"logs kept in {workdir}", file=sys.stderr)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)

    figures = write_results(args.out, runs, ours, base, plan, args.quick, args.model, init_s, args.sanic_workers)
    for mine, theirs in zip(ours, base):
        print(loadgen.format_table([mine.latency, *mine.loads, theirs.latency, *theirs.loads]))
    print_summary(figures)
    print(f"\nWritten: {args.out / 'bench.json'}, {args.out / 'bench.md'}, {args.out / 'bench.png'}, "
          f"{args.out / 'bench-details.json'}")
    if figures.get("errors"):
        print("error: the bot answered some messages with an error or not at all", file=sys.stderr)
        return 1
    if args.check and not all(v for v in check_targets(figures).values() if v is not None):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
