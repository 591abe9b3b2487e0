"""Soak test: a steady load through the cluster for a fixed time.

    python -m bot.measure.soak --seconds 600            # make soak: starts its own cluster, stops it after
    python -m bot.measure.soak --seconds 60 --url http://127.0.0.1:5080 --pids 123,456   # an existing cluster

Paced users (bot.measure.loadgen's REST client and Dutch question set) send `--rate` messages per second
in total, each user holding one scripted conversation at a time with a fresh sender. Reports the
message count, errors (target 0), p50/p95/p99 latency, and the resident memory (RSS, summed over
each process group) of every cluster process after a warm-up pass and at the end; growth above
`--max-growth` percent or any error makes the exit code 1.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.measure.loadgen import ConversationSource, RestClient, Sample, load_messages, new_sender, summarize


def group_rss_kb(pgid: int) -> int:
    """Resident memory of every process in a process group (the process and its children), in KiB."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            # Fields after the command name (which may hold spaces) start after the last ')'.
            fields = stat[stat.rindex(")") + 2:].split()
            if int(fields[2]) != pgid:  # field 5 of /proc/pid/stat: process group id
                continue
            for line in (entry / "status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
                    break
        except (OSError, ValueError, IndexError):
            continue
    return total


@dataclass
class SoakReport:
    seconds: float
    rate_target: float
    messages: int
    errors: int
    error_kinds: Dict[str, int]
    rps: float
    p50_ms: Optional[float]
    p95_ms: Optional[float]
    p99_ms: Optional[float]
    max_ms: Optional[float]
    memory_kb_start: Dict[str, int] = field(default_factory=dict)
    memory_kb_end: Dict[str, int] = field(default_factory=dict)

    def growth_percent(self) -> Dict[str, float]:
        return {name: round(100.0 * (self.memory_kb_end.get(name, 0) - start) / start, 1)
                for name, start in self.memory_kb_start.items() if start > 0}

    def max_growth(self) -> float:
        return max(self.growth_percent().values(), default=0.0)

    def format(self) -> str:
        def ms(value: Optional[float]) -> str:
            return "-" if value is None else f"{value:.0f} ms"

        lines = [
            f"Soak: {self.seconds:.0f} s at {self.rate_target:g} msg/s target, {self.messages} messages "
            f"({self.rps:.1f} msg/s), errors {self.errors}"
            + (f" {self.error_kinds}" if self.error_kinds else ""),
            f"Latency: p50 {ms(self.p50_ms)}, p95 {ms(self.p95_ms)}, p99 {ms(self.p99_ms)}, max {ms(self.max_ms)}",
            "Memory (RSS per process group, after warm-up -> end):",
        ]
        growth = self.growth_percent()
        for name, start in self.memory_kb_start.items():
            end = self.memory_kb_end.get(name, 0)
            lines.append(f"  {name:<16} {start / 1024:8.1f} MiB -> {end / 1024:8.1f} MiB  ({growth.get(name, 0):+.1f} %)")
        return "\n".join(lines)


async def _paced_users(url: str, seconds: float, rate: float, users: int, seed: int) -> List[Sample]:
    """`users` users, together `rate` messages per second, for `seconds`; every reply is a sample."""
    source = ConversationSource(load_messages("npo").conversations, seed=seed)
    interval = users / rate  # each user sends one message per interval
    samples: List[Sample] = []
    end = time.monotonic() + seconds

    async def user(offset: float) -> None:
        await asyncio.sleep(offset)
        next_send = time.monotonic()
        while time.monotonic() < end:
            sender = new_sender()
            for turn, message in enumerate(source.next(), 1):
                if time.monotonic() >= end:
                    return
                samples.append(await client.send(sender, message, turn))
                next_send += interval
                await asyncio.sleep(max(0.0, next_send - time.monotonic()))

    async with RestClient(url, connections=users) as client:
        await asyncio.gather(*(user(i * interval / users) for i in range(users)))
    return samples


async def _warm_up(url: str) -> None:
    """Every scripted conversation once, so lazy initialisation is not counted as growth."""
    async with RestClient(url, connections=4) as client:
        for conversation in load_messages("npo").conversations:
            sender = new_sender()
            for turn, message in enumerate(conversation, 1):
                await client.send(sender, message, turn)


def run_soak(url: str, process_groups: Dict[str, int], seconds: float, rate: float = 8.0, users: int = 8,
             seed: int = 11) -> SoakReport:
    asyncio.run(_warm_up(url))
    start_memory = {name: group_rss_kb(pgid) for name, pgid in process_groups.items()}
    started = time.monotonic()
    samples = asyncio.run(_paced_users(url, seconds, rate, users, seed))
    duration = time.monotonic() - started
    end_memory = {name: group_rss_kb(pgid) for name, pgid in process_groups.items()}
    stats = summarize("soak", samples, duration, users)
    return SoakReport(
        seconds=duration, rate_target=rate, messages=stats.messages, errors=stats.errors,
        error_kinds=stats.error_kinds, rps=stats.rps, p50_ms=stats.p50_ms, p95_ms=stats.p95_ms,
        p99_ms=stats.p99_ms, max_ms=stats.max_ms, memory_kb_start=start_memory, memory_kb_end=end_memory,
    )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.measure.soak")
    parser.add_argument("--seconds", type=float, default=600)
    parser.add_argument("--rate", type=float, default=8.0, help="messages per second in total (default 8)")
    parser.add_argument("--users", type=int, default=8)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--action-servers", type=int, default=2)
    parser.add_argument("--model", default=os.environ.get("NPO_MODEL"), help="default: models/npo.tar.gz")
    parser.add_argument("--max-growth", type=float, default=10.0, help="allowed memory growth in percent")
    parser.add_argument("--url", help="soak an already running cluster instead of starting one")
    parser.add_argument("--pids", default="", help="with --url: comma-separated process-group ids to watch")
    parser.add_argument("--json", type=Path, help="also write the report as JSON to this file")
    args = parser.parse_args(argv)

    cluster = None
    if args.url:
        url = args.url
        groups = {f"pid {p}": int(p) for p in args.pids.split(",") if p.strip()}
    else:
        from bot.ops.cluster import Cluster
        from bot.ops.serve import DEFAULT_MODEL, start_or_report

        workdir = Path(tempfile.mkdtemp(prefix="npo-soak-"))
        cluster = Cluster(replicas=args.replicas, action_servers=args.action_servers, workdir=workdir,
                          model=Path(args.model or DEFAULT_MODEL))
        print(f"Starting a cluster ({args.replicas} Rasa replicas, {args.action_servers} action servers) "
              f"in {workdir} ...", flush=True)
        if not start_or_report(cluster):
            return 1
        print(cluster.describe(), flush=True)
        url = cluster.url
        groups = {name: process.pid for name, process in cluster.processes().items()}
    try:
        print(f"Soaking {url} for {args.seconds:.0f} s at {args.rate:g} msg/s ...", flush=True)
        report = run_soak(url, groups, args.seconds, args.rate, args.users)
    finally:
        if cluster is not None:
            cluster.stop()
            if not os.environ.get("NPO_KEEP_LOGS"):
                shutil.rmtree(cluster.workdir, ignore_errors=True)
    print(report.format())
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps({**asdict(report), "growth_percent": report.growth_percent()}, indent=2))
    failed = []
    if report.errors:
        failed.append(f"{report.errors} errors")
    if report.max_growth() > args.max_growth:
        failed.append(f"memory grew {report.max_growth():.1f} % (limit {args.max_growth:g} %)")
    if failed:
        print("error: soak failed: " + "; ".join(failed), file=sys.stderr)
        return 1
    print("Soak passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
