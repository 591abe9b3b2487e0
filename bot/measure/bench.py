"""`make bench`: speed and cost of the NPO-assistent, side by side with Rasa's own starter bot.

Steps, all in one run so that the machine's speed cancels out of the ratios:
1. `train_s`: full training of this bot from scratch (own temp dir and training cache).
2. This bot (trained model, action server, SQLite tracker store) via `bot.ops.serve.Stack`:
   `ready_s` (start to first answer), latency for one user (`p50_ms` ...), throughput at each
   concurrency level (best level -> `throughput_rps`), one long conversation (`turn1_ms`,
   `turn50_ms`), resident memory after the load.
3. Rasa's starter bot, generated with `rasa init --no-prompt` into a temp dir (never committed),
   served with `rasa run` as generated, measured with the same load generator.

Writes results/bench.json (flat numbers), results/bench.md (tables) and results/bench-details.json
(every run, per-turn latencies, settings). `--quick` is a short smoke run of the same steps.
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

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
    "throughput_ratio": (">=", 1.5),
    "turn50_over_turn1": ("<=", 1.3),
    "rasa_rss_mb": ("<=", 1200),
    "train_s": ("<=", 90),
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


FULL = Plan(latency_messages=150, latency_warmup=10, concurrency=(20, 50), duration_s=20.0, warmup_s=3.0,
            long_turns=50, long_repeats=3)
QUICK = Plan(latency_messages=40, latency_warmup=5, concurrency=(20,), duration_s=6.0, warmup_s=2.0,
             long_turns=50, long_repeats=1)


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

    @property
    def best_load(self) -> Stats:
        return max(self.loads, key=lambda s: s.rps)

    @property
    def errors(self) -> int:
        return self.latency.errors + sum(s.errors for s in self.loads) + self.long_errors

    def turn_ms(self, turn: int) -> Optional[float]:
        return self.turns[turn - 1] if len(self.turns) >= turn else None


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


def train_from_scratch(workdir: Path) -> float:
    """Seconds for `rasa train --force` of this project into a temp dir with an empty training cache."""
    env = {**base_env(), "RASA_CACHE_DIRECTORY": str(workdir / "cache")}
    argv = [str(VENV_BIN / "rasa"), "train", "--out", str(workdir / "models"), "--force", "--quiet"]
    return _run_logged(argv, REPO_ROOT, env, workdir / "train.log", "rasa train")


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


def measure_ours(model: Path, plan: Plan, messages: MessageSet) -> BotResult:
    log(f"NPO-assistent: starting action server and Rasa with {model}")
    start = time.monotonic()
    # The per-sender limit (30/min) protects production; the 50-turn conversation and the load
    # generator's users send faster than any person, so the benchmark lifts it.
    stack = Stack(model=model, env={"NPO_REST_MAX_PER_MINUTE": "100000"})
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
    return BotResult("NPO-assistent", ready_s, latency, loads, turns, long_errors, rss)


def measure_baseline(plan: Plan, messages: MessageSet, workdir: Path) -> Tuple[BotResult, float]:
    """Rasa's starter bot as `rasa init --no-prompt` makes it; returns its result and its init+train seconds."""
    project = workdir / "starter"
    project.mkdir()
    env = {**base_env(), "RASA_CACHE_DIRECTORY": str(workdir / "cache")}
    log("starter bot: rasa init --no-prompt (generates and trains it)")
    init_s = _run_logged([str(VENV_BIN / "rasa"), "init", "--no-prompt", "--init-dir", str(project)],
                         project, env, workdir / "init.log", "rasa init")
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
    return BotResult("starter bot", ready_s, latency, loads, turns, long_errors, rss), init_s


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------

def _ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return round(a / b, 3) if a is not None and b else None


def headline(ours: BotResult, base: BotResult, train_s: Optional[float], base_init_s: float) -> Dict[str, float]:
    """The flat numbers of results/bench.json (keys named by the benchmark issue, then extras)."""
    best, base_best = ours.best_load, base.best_load
    figures: Dict[str, Optional[float]] = {
        "p50_ms": ours.latency.p50_ms,
        "p95_ms": ours.latency.p95_ms,
        "p99_ms": ours.latency.p99_ms,
        "throughput_rps": best.rps,
        "throughput_users": best.concurrency,
        "throughput_p95_ms": best.p95_ms,
        "errors": ours.errors,
        "baseline_throughput_rps": base_best.rps,
        "throughput_ratio": _ratio(best.rps, base_best.rps),
        "turn1_ms": ours.turn_ms(1),
        "turn50_ms": ours.turn_ms(len(ours.turns)),
        "turn50_over_turn1": _ratio(ours.turn_ms(len(ours.turns)), ours.turn_ms(1)),
        "rasa_rss_mb": ours.rss_mb["rasa"],
        "action_rss_mb": ours.rss_mb["actions"],
        "train_s": None if train_s is None else round(train_s, 1),
        "ready_s": round(ours.ready_s, 1),
        # Extras for context.
        "baseline_p50_ms": base.latency.p50_ms,
        "baseline_p95_ms": base.latency.p95_ms,
        "baseline_p99_ms": base.latency.p99_ms,
        "baseline_throughput_users": base_best.concurrency,
        "baseline_throughput_p95_ms": base_best.p95_ms,
        "baseline_errors": base.errors,
        "baseline_turn50_over_turn1": _ratio(base.turn_ms(len(base.turns)), base.turn_ms(1)),
        "baseline_rss_mb": base.rss_mb["rasa"],
        "baseline_ready_s": round(base.ready_s, 1),
        "baseline_init_train_s": round(base_init_s, 1),
        "cpu_count": os.cpu_count() or 0,
    }
    return {key: value for key, value in figures.items() if value is not None}


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


def markdown(figures: Dict[str, float], ours: BotResult, base: BotResult, plan: Plan, quick: bool) -> str:
    met = check_targets(figures)

    def status(key: str) -> str:
        return {True: "yes", False: "**no**", None: "–"}[met.get(key)] if key in met else ""

    def target(key: str) -> str:
        if key not in TARGETS:
            return ""
        op, limit = TARGETS[key]
        return f"{'≤' if op == '<=' else '≥'} {limit:g}"

    rows = [
        ("p50 latency, 1 user (ms)", "p50_ms", "baseline_p50_ms"),
        ("p95 latency, 1 user (ms)", "p95_ms", "baseline_p95_ms"),
        ("p99 latency, 1 user (ms)", "p99_ms", "baseline_p99_ms"),
        ("throughput at saturation (msg/s)", "throughput_rps", "baseline_throughput_rps"),
        ("users at best throughput", "throughput_users", "baseline_throughput_users"),
        ("p95 latency at that load (ms)", "throughput_p95_ms", "baseline_throughput_p95_ms"),
        ("errors", "errors", "baseline_errors"),
        ("throughput ratio (ours / starter)", "throughput_ratio", None),
        ("turn 1 latency (ms)", "turn1_ms", None),
        ("turn 50 latency (ms)", "turn50_ms", None),
        ("turn 50 / turn 1", "turn50_over_turn1", "baseline_turn50_over_turn1"),
        ("Rasa RSS after load (MB)", "rasa_rss_mb", "baseline_rss_mb"),
        ("action server RSS (MB)", "action_rss_mb", None),
        ("full training (s)", "train_s", None),
        ("start to first answer (s)", "ready_s", "baseline_ready_s"),
    ]
    lines = [
        f"# Benchmark{' (quick run)' if quick else ''}",
        "",
        f"{dt.datetime.now():%Y-%m-%d %H:%M}, {figures.get('cpu_count', '?')} CPUs, Python {platform.python_version()}. "
        f"Starter bot = `rasa init --no-prompt`, served as generated (in-memory tracker store, no action server). "
        f"Its training with `rasa init` took {_cell(figures.get('baseline_init_train_s'))} s.",
        "",
        "| figure | NPO-assistent | starter bot | target | met |",
        "|---|---:|---:|---:|:---:|",
    ]
    for title, key, base_key in rows:
        lines.append(f"| {title} | {_cell(figures.get(key))} | {_cell(figures.get(base_key)) if base_key else ''} "
                     f"| {target(key)} | {status(key)} |")
    lines += [
        "",
        f"Runs: one user sends {plan.latency_messages} messages in fresh conversations; then "
        f"{', '.join(map(str, plan.concurrency))} users for {plan.duration_s:g} s each (closed loop, "
        f"{plan.warmup_s:g} s warm-up); then {plan.long_repeats} conversation(s) of {plan.long_turns} messages "
        "(medians per turn).",
        "",
        "```",
        loadgen.format_table([ours.latency, *ours.loads, base.latency, *base.loads]),
        "```",
        "",
    ]
    return "\n".join(lines)


def write_results(out_dir: Path, figures: Dict[str, float], ours: BotResult, base: BotResult, plan: Plan,
                  quick: bool, model: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "bench.json").write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    (out_dir / "bench.md").write_text(markdown(figures, ours, base, plan, quick), encoding="utf-8")
    details = {
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "git_commit": _git_commit(),
        "model": str(model),
        "quick": quick,
        "plan": asdict(plan),
        "targets": {key: {"op": op, "limit": limit, "met": check_targets(figures)[key]}
                    for key, (op, limit) in TARGETS.items()},
        "bots": {
            bot.name: {
                "ready_s": round(bot.ready_s, 2),
                "rss_mb": bot.rss_mb,
                "runs": [bot.latency.as_dict(), *(s.as_dict() for s in bot.loads)],
                "long_conversation_ms": bot.turns,
                "long_conversation_errors": bot.long_errors,
            }
            for bot in (ours, base)
        },
    }
    (out_dir / "bench-details.json").write_text(json.dumps(details, indent=2) + "\n", encoding="utf-8")


def _git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT, capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return ""


def print_summary(figures: Dict[str, float]) -> None:
    met = check_targets(figures)
    print("\nBenchmark (NPO-assistent vs. Rasa starter bot)")
    for key, value in figures.items():
        mark = {True: "ok", False: "MISSED", None: ""}[met[key]] if key in met else ""
        target = f"target {TARGETS[key][0]} {TARGETS[key][1]:g}" if key in TARGETS else ""
        print(f"  {key:<28} {value:>10g}  {target:<16} {mark}")


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.measure.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short loads and one long conversation (~4 min)")
    parser.add_argument("--skip-train", action="store_true", help="do not measure train_s")
    parser.add_argument("--model", type=Path, default=Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL)))
    parser.add_argument("--out", type=Path, default=RESULTS_DIR)
    parser.add_argument("--questions", type=Path, default=loadgen.QUESTIONS_FILE)
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)

    plan = QUICK if args.quick else FULL
    ours_messages = loadgen.load_messages("npo", args.questions)
    base_messages = loadgen.load_messages("baseline", args.questions)
    if not args.model.exists():
        print(f"error: no trained model at {args.model}; run 'make train' first", file=sys.stderr)
        return 1

    workdir = Path(tempfile.mkdtemp(prefix="npo-bench-"))
    try:
        train_s = None
        if not args.skip_train:
            log("training this bot from scratch (rasa train --force, empty cache)")
            train_s = train_from_scratch(workdir)
            log(f"training took {train_s:.1f} s")
        ours = measure_ours(args.model, plan, ours_messages)
        base, base_init_s = measure_baseline(plan, base_messages, workdir)
    except (StartupError, RuntimeError, TimeoutError) as error:
        print(f"error: {error}", file=sys.stderr)
        print(f"logs kept in {workdir}", file=sys.stderr)
        return 1
    shutil.rmtree(workdir, ignore_errors=True)

    figures = headline(ours, base, train_s, base_init_s)
    write_results(args.out, figures, ours, base, plan, args.quick, args.model)
    print(loadgen.format_table([ours.latency, *ours.loads, base.latency, *base.loads]))
    print_summary(figures)
    print(f"\nWritten: {args.out / 'bench.json'}, {args.out / 'bench.md'}, {args.out / 'bench-details.json'}")
    if figures.get("errors"):
        print("error: the bot answered some messages with an error or not at all", file=sys.stderr)
        return 1
    if args.check and not all(v for v in check_targets(figures).values() if v is not None):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
