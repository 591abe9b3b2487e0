"""Closed-loop load generator for Rasa's REST channel (asyncio + aiohttp).

N workers each hold one conversation at a time: a fresh uuid4 sender sends the messages of one
scripted conversation in order, waiting for each reply, then starts the next conversation.
Every message is one sample with its end-to-end latency. A sample is an error when the HTTP
status is not 200, the request fails or times out, or the reply holds no message at all.

    python -m bot.measure.loadgen --url http://127.0.0.1:5005 --concurrency 1 20 50 --duration 20

`bot.measure.bench` uses the same functions for `make bench`.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import random
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional, Sequence

import aiohttp
import yaml

QUESTIONS_FILE = Path(__file__).with_name("bench_questions.yml")
WEBHOOK_PATH = "/webhooks/rest/webhook"
DEFAULT_TIMEOUT_S = 30.0


# --------------------------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Sample:
    """One message and its reply."""

    latency_ms: float
    status: int  # HTTP status; 0 when there was no response at all
    error: str = ""  # empty when the reply was good
    turn: int = 1  # 1-based position of the message in its conversation
    finished: float = 0.0  # time.monotonic() when the reply was complete

    @property
    def ok(self) -> bool:
        return not self.error


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), linear interpolation between closest ranks (numpy's default)."""
    if not values:
        raise ValueError("percentile of an empty sequence")
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {q}")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Stats:
    """Summary of one run. Latency figures cover successful messages only (None when there were none)."""

    label: str
    concurrency: int
    messages: int
    errors: int
    duration_s: float
    rps: float  # successful messages per second
    p50_ms: Optional[float]
    p95_ms: Optional[float]
    p99_ms: Optional[float]
    mean_ms: Optional[float]
    max_ms: Optional[float]
    error_kinds: Dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> Dict[str, Any]:
        return asdict(self)


def summarize(label: str, samples: Sequence[Sample], duration_s: float, concurrency: int = 1) -> Stats:
    good = [s.latency_ms for s in samples if s.ok]
    kinds: Dict[str, int] = {}
    for sample in samples:
        if not sample.ok:
            kinds[sample.error] = kinds.get(sample.error, 0) + 1

    latency: Dict[str, Optional[float]] = dict.fromkeys(("p50_ms", "p95_ms", "p99_ms", "mean_ms", "max_ms"))
    if good:
        latency = {
            "p50_ms": percentile(good, 50), "p95_ms": percentile(good, 95), "p99_ms": percentile(good, 99),
            "mean_ms": sum(good) / len(good), "max_ms": max(good),
        }
    return Stats(
        label=label,
        concurrency=concurrency,
        messages=len(samples),
        errors=len(samples) - len(good),
        duration_s=round(duration_s, 3),
        rps=round(len(good) / duration_s, 2) if duration_s > 0 else 0.0,
        **{key: None if value is None else round(value, 2) for key, value in latency.items()},
        error_kinds=kinds,
    )


def format_table(rows: Iterable[Stats]) -> str:
    """A plain-text table, one line per run."""
    header = ("run", "users", "msgs", "errors", "msg/s", "p50 ms", "p95 ms", "p99 ms", "max ms")

    def fmt(value: Optional[float]) -> str:
        return "-" if value is None else f"{value:.1f}"

    lines = [header] + [
        (r.label, str(r.concurrency), str(r.messages), str(r.errors), f"{r.rps:.1f}",
         fmt(r.p50_ms), fmt(r.p95_ms), fmt(r.p99_ms), fmt(r.max_ms))
        for r in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i])
                             for i, cell in enumerate(line)))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Messages
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class MessageSet:
    """Scripted conversations plus the messages of one long conversation."""

    conversations: List[List[str]]
    long: List[str]

    def long_conversation(self, turns: int) -> List[str]:
        """`turns` messages: the long script repeated as often as needed."""
        if not self.long:
            raise ValueError("this message set has no long conversation")
        return [self.long[i % len(self.long)] for i in range(turns)]


def load_messages(name: str, path: Path = QUESTIONS_FILE) -> MessageSet:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if name not in data:
        raise ValueError(f"{path} has no message set {name!r} (it has: {', '.join(data)})")
    section = data[name] or {}
    conversations = [[str(m) for m in conv] for conv in section.get("conversations") or [] if conv]
    if not conversations:
        raise ValueError(f"message set {name!r} in {path} has no conversations")
    return MessageSet(conversations=conversations, long=[str(m) for m in section.get("long") or []])


class ConversationSource:
    """Hands out scripted conversations in a shuffled, reproducible, endless order."""

    def __init__(self, conversations: Sequence[Sequence[str]], seed: int = 5):
        if not conversations:
            raise ValueError("no conversations")
        self._conversations = [list(c) for c in conversations]
        self._rng = random.Random(seed)
        self._queue: List[List[str]] = []

    def next(self) -> List[str]:
        if not self._queue:
            self._queue = list(self._conversations)
            self._rng.shuffle(self._queue)
        return self._queue.pop()


# --------------------------------------------------------------------------------------------
# HTTP
# --------------------------------------------------------------------------------------------

def reply_has_content(payload: Any) -> bool:
    """True when Rasa's REST reply holds at least one message with something to show."""
    if not isinstance(payload, list):
        return False
    keys = ("text", "image", "buttons", "custom", "attachment")
    return any(isinstance(m, dict) and any(m.get(k) for k in keys) for m in payload)


class RestClient:
    """One aiohttp session with keep-alive connections to a Rasa REST channel."""

    def __init__(self, base_url: str, connections: int = 100, timeout_s: float = DEFAULT_TIMEOUT_S):
        self.url = base_url.rstrip("/") + WEBHOOK_PATH
        self._connections = connections
        self._timeout = aiohttp.ClientTimeout(total=timeout_s)
        self._session: Optional[aiohttp.ClientSession] = None

    async def __aenter__(self) -> "RestClient":
        connector = aiohttp.TCPConnector(limit=self._connections, force_close=False)
        self._session = aiohttp.ClientSession(connector=connector, timeout=self._timeout)
        return self

    async def __aexit__(self, *exc) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def send(self, sender: str, message: str, turn: int = 1) -> Sample:
        assert self._session is not None, "use RestClient as 'async with'"
        status, error = 0, ""
        start = time.perf_counter()
        try:
            async with self._session.post(self.url, json={"sender": sender, "message": message}) as response:
                status = response.status
                body = await response.read()
            if status != 200:
                error = f"HTTP {status}"
            else:
                try:
                    payload = json.loads(body)
                except ValueError:
                    payload = None
                if not reply_has_content(payload):
                    error = "empty reply"
        except asyncio.TimeoutError:
            error = "timeout"
        except aiohttp.ClientError as exc:
            error = exc.__class__.__name__
        latency_ms = (time.perf_counter() - start) * 1000.0
        return Sample(latency_ms=latency_ms, status=status, error=error, turn=turn, finished=time.monotonic())


def new_sender() -> str:
    return uuid.uuid4().hex


# --------------------------------------------------------------------------------------------
# Load patterns
# --------------------------------------------------------------------------------------------

async def run_conversation(client: RestClient, messages: Sequence[str], sender: Optional[str] = None) -> List[Sample]:
    """One conversation, message after message, by one sender."""
    sender = sender or new_sender()
    return [await client.send(sender, message, turn) for turn, message in enumerate(messages, 1)]


async def closed_loop(client: RestClient, source: ConversationSource, concurrency: int, duration_s: float,
                      warmup_s: float = 0.0, label: Optional[str] = None) -> Stats:
    """`concurrency` users for warmup_s + duration_s seconds; only the last duration_s count.

    A message counts when its reply arrives inside the measuring window. Workers start no
    message after the window closes and finish the one they are waiting for.
    """
    if concurrency < 1 or duration_s <= 0:
        raise ValueError("need at least one user and a positive duration")
    loop_start = time.monotonic()
    window_start = loop_start + warmup_s
    window_end = window_start + duration_s
    samples: List[Sample] = []

    async def worker() -> None:
        while time.monotonic() < window_end:
            sender = new_sender()
            for turn, message in enumerate(source.next(), 1):
                if time.monotonic() >= window_end:
                    return
                sample = await client.send(sender, message, turn)
                if window_start <= sample.finished <= window_end:
                    samples.append(sample)

    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return summarize(label or f"{concurrency} users", samples, duration_s, concurrency)


async def sequential(client: RestClient, source: ConversationSource, messages: int, warmup: int = 0,
                     label: str = "1 user") -> Stats:
    """One user, fresh conversations one after another, until `messages` have been measured."""
    if messages < 1:
        raise ValueError("need at least one message")
    samples: List[Sample] = []
    seen = 0
    start = None
    while len(samples) < messages:
        sender = new_sender()
        for turn, message in enumerate(source.next(), 1):
            if len(samples) >= messages:
                break
            if seen == warmup and start is None:
                start = time.monotonic()
            sample = await client.send(sender, message, turn)
            seen += 1
            if seen > warmup:
                samples.append(sample)
    duration = time.monotonic() - (start if start is not None else time.monotonic())
    return summarize(label, samples, duration, 1)


def turn_latencies(conversations: Sequence[Sequence[Sample]]) -> List[Optional[float]]:
    """Median latency per turn position over several long conversations (None where all failed)."""
    turns = max((len(c) for c in conversations), default=0)
    result: List[Optional[float]] = []
    for index in range(turns):
        values = [c[index].latency_ms for c in conversations if len(c) > index and c[index].ok]
        result.append(round(percentile(values, 50), 2) if values else None)
    return result


async def wait_for_answer(client: RestClient, message: str, timeout_s: float, interval_s: float = 0.25) -> Sample:
    """Send `message` (fresh sender each try) until a good reply arrives; raise TimeoutError."""
    deadline = time.monotonic() + timeout_s
    while True:
        sample = await client.send(new_sender(), message)
        if sample.ok:
            return sample
        if time.monotonic() >= deadline:
            raise TimeoutError(f"no answer within {timeout_s:.0f} s (last: {sample.error})")
        await asyncio.sleep(interval_s)


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------

async def _main(args: argparse.Namespace) -> int:
    messages = load_messages(args.set, Path(args.questions))
    rows: List[Stats] = []
    async with RestClient(args.url, connections=max(args.concurrency) + 5, timeout_s=args.timeout) as client:
        for concurrency in args.concurrency:
            source = ConversationSource(messages.conversations, seed=args.seed)
            rows.append(await closed_loop(client, source, concurrency, args.duration, args.warmup))
            print(f"{rows[-1].label}: {rows[-1].rps:.1f} msg/s, {rows[-1].errors} errors", file=sys.stderr, flush=True)
    print(format_table(rows))
    if args.json:
        Path(args.json).write_text(json.dumps([r.as_dict() for r in rows], indent=2), encoding="utf-8")
    return 1 if any(r.errors for r in rows) else 0


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.measure.loadgen", description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="Rasa server base URL")
    parser.add_argument("--set", default="npo", help="message set in the questions file (npo, baseline)")
    parser.add_argument("--questions", default=str(QUESTIONS_FILE))
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 20, 50])
    parser.add_argument("--duration", type=float, default=20.0, help="measured seconds per concurrency level")
    parser.add_argument("--warmup", type=float, default=2.0, help="unmeasured seconds before each level")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per request")
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--json", help="also write the rows as JSON to this file")
    args = parser.parse_args(argv)
    if min(args.concurrency) < 1:
        parser.error("--concurrency values must be at least 1")
    return asyncio.run(_main(args))


if __name__ == "__main__":
    sys.exit(main())
