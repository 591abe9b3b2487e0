"""The load generator's statistics, and its behaviour against a small fake Rasa REST channel."""
from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from pathlib import Path

import pytest
from aiohttp import web

from bot.measure import loadgen
from bot.measure.loadgen import (
    ConversationSource, MessageSet, RestClient, Sample, Stats, closed_loop, format_table,
    load_messages, percentile, reply_has_content, run_conversation, sequential, summarize,
    turn_latencies, wait_for_answer,
)


def run(coro):
    return asyncio.run(coro)


# ---------------------------------------------------------------------------------------------
# Statistics
# ---------------------------------------------------------------------------------------------

def test_percentile_interpolates_like_numpy():
    values = [4.0, 1.0, 3.0, 2.0]
    assert percentile(values, 0) == 1.0
    assert percentile(values, 100) == 4.0
    assert percentile(values, 50) == 2.5
    assert percentile(values, 95) == pytest.approx(3.85)
    assert percentile([7.0], 99) == 7.0
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)


@pytest.mark.parametrize("values, q", [([], 50), ([1.0], -1), ([1.0], 101)])
def test_percentile_rejects_bad_input(values, q):
    with pytest.raises(ValueError):
        percentile(values, q)


def test_summarize_leaves_errors_out_of_the_latency_figures():
    samples = [Sample(latency_ms=ms, status=200) for ms in (10.0, 20.0, 30.0, 40.0)]
    samples += [Sample(latency_ms=1.0, status=500, error="HTTP 500"),
                Sample(latency_ms=5000.0, status=0, error="timeout"),
                Sample(latency_ms=2.0, status=500, error="HTTP 500")]
    stats = summarize("mixed", samples, duration_s=2.0, concurrency=3)
    assert stats.messages == 7
    assert stats.errors == 3
    assert stats.error_kinds == {"HTTP 500": 2, "timeout": 1}
    assert stats.rps == 2.0  # 4 good messages in 2 seconds
    assert stats.p50_ms == 25.0
    assert stats.mean_ms == 25.0
    assert stats.max_ms == 40.0
    assert stats.concurrency == 3


def test_summarize_without_any_good_message_has_no_latency():
    stats = summarize("down", [Sample(latency_ms=3.0, status=0, error="ClientConnectorError")], 1.0)
    assert stats.errors == 1 and stats.rps == 0.0
    assert stats.p50_ms is None and stats.p99_ms is None and stats.max_ms is None
    assert "-" in format_table([stats]).splitlines()[-1]


def test_format_table_has_a_header_and_one_line_per_run():
    rows = [summarize(label, [Sample(latency_ms=12.0, status=200)], 1.0) for label in ("ours", "baseline")]
    lines = format_table(rows).splitlines()
    assert lines[0].split()[:3] == ["run", "users", "msgs"]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].startswith("ours") and lines[3].startswith("baseline")
    assert "12.0" in lines[2]


def test_turn_latencies_are_medians_per_position():
    ok = lambda ms: Sample(latency_ms=ms, status=200)  # noqa: E731
    bad = Sample(latency_ms=1.0, status=500, error="HTTP 500")
    conversations = [[ok(10), ok(30), bad], [ok(20), ok(50), bad], [ok(90), bad, bad]]
    assert turn_latencies(conversations) == [20.0, 40.0, None]
    assert turn_latencies([]) == []


@pytest.mark.parametrize("payload, expected", [
    ([{"recipient_id": "a", "text": "Hoi!"}], True),
    ([{"recipient_id": "a", "buttons": [{"title": "x", "payload": "/x"}]}], True),
    ([{"recipient_id": "a", "image": "https://example.org/x.png"}], True),
    ([{"recipient_id": "a", "text": ""}], False),
    ([{"recipient_id": "a"}], False),
    ([], False),
    ({"text": "not a list"}, False),
    (None, False),
])
def test_reply_has_content(payload, expected):
    assert reply_has_content(payload) is expected


# ---------------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------------

def test_conversation_source_is_reproducible_and_uses_every_script_per_round():
    scripts = [[f"q{i}"] for i in range(7)]
    first = [ConversationSource(scripts, seed=3).next()[0] for _ in range(1)]
    a, b = ConversationSource(scripts, seed=3), ConversationSource(scripts, seed=3)
    order_a = [a.next()[0] for _ in range(14)]
    order_b = [b.next()[0] for _ in range(14)]
    assert order_a == order_b
    assert order_a[0] == first[0]
    assert sorted(order_a[:7]) == sorted(order_a[7:]) == sorted(s[0] for s in scripts)
    with pytest.raises(ValueError):
        ConversationSource([])


def test_long_conversation_cycles_the_long_script():
    messages = MessageSet(conversations=[["a"]], long=["x", "y", "z"])
    assert messages.long_conversation(7) == ["x", "y", "z", "x", "y", "z", "x"]
    with pytest.raises(ValueError):
        MessageSet(conversations=[["a"]], long=[]).long_conversation(3)


def test_the_shipped_question_sets_load():
    npo = load_messages("npo")
    baseline = load_messages("baseline")
    assert len(npo.conversations) >= 20
    assert len(npo.long_conversation(50)) == 50
    assert baseline.conversations and baseline.long
    assert all(message.strip() for conversation in npo.conversations for message in conversation)
    with pytest.raises(ValueError, match="no message set"):
        load_messages("nonexistent")


def test_load_messages_rejects_a_set_without_conversations(tmp_path: Path):
    path = tmp_path / "q.yml"
    path.write_text("empty:\n  long: [a]\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no conversations"):
        load_messages("empty", path)


# ---------------------------------------------------------------------------------------------
# Against a fake Rasa REST channel
# ---------------------------------------------------------------------------------------------

class FakeRasa:
    """Replies like Rasa's REST channel; a few magic messages misbehave on purpose."""

    def __init__(self):
        self.received = defaultdict(list)  # sender -> messages in arrival order
        self.in_flight = 0
        self.max_in_flight = 0
        self.failures_left = 0  # answer this many requests with HTTP 503 first
        self.release = asyncio.Event()

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        sender, message = body["sender"], body["message"]
        self.received[sender].append(message)
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            await asyncio.sleep(0)  # let other requests in, as a real server would
            if self.failures_left > 0:
                self.failures_left -= 1
                return web.json_response({"error": "starting"}, status=503)
            if message == "boom":
                return web.json_response({"error": "internal"}, status=500)
            if message == "silent":
                return web.json_response([])
            if message == "hang":
                await self.release.wait()
            return web.json_response([{"recipient_id": sender, "text": f"antwoord op: {message}"}])
        finally:
            self.in_flight -= 1


@contextlib.asynccontextmanager
async def fake_rasa():
    fake = FakeRasa()
    app = web.Application()
    app.router.add_post(loadgen.WEBHOOK_PATH, fake.webhook)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    try:
        yield f"http://{host}:{port}", fake
    finally:
        fake.release.set()
        await runner.cleanup()


def test_a_conversation_keeps_one_sender_and_numbers_its_turns():
    async def scenario():
        async with fake_rasa() as (url, fake), RestClient(url) as client:
            samples = await run_conversation(client, ["hoi", "collegegeld?", "meer"])
            return samples, dict(fake.received)

    samples, received = run(scenario())
    assert [s.turn for s in samples] == [1, 2, 3]
    assert all(s.ok and s.status == 200 and s.latency_ms > 0 for s in samples)
    assert list(received.values()) == [["hoi", "collegegeld?", "meer"]]


def test_errors_are_http_failures_and_empty_replies():
    async def scenario():
        async with fake_rasa() as (url, _), RestClient(url) as client:
            return await run_conversation(client, ["boom", "silent", "goed"])

    boom, silent, good = run(scenario())
    assert (boom.status, boom.error) == (500, "HTTP 500")
    assert (silent.status, silent.error) == (200, "empty reply")
    assert good.ok


def test_a_server_that_does_not_answer_in_time_is_a_timeout():
    async def scenario():
        async with fake_rasa() as (url, _), RestClient(url, timeout_s=0.2) as client:
            return await client.send("s", "hang")

    sample = run(scenario())
    assert sample.error == "timeout" and sample.status == 0 and not sample.ok


def test_a_server_that_is_not_there_is_a_connection_error():
    async def scenario():
        async with fake_rasa() as (url, _):
            pass  # started and stopped: nothing listens on this port any more
        async with RestClient(url) as client:
            return await client.send("s", "hoi")

    sample = run(scenario())
    assert sample.status == 0 and sample.error.startswith("Client")


def test_sequential_uses_a_fresh_sender_per_conversation_and_skips_the_warmup():
    scripts = [["a1", "a2"], ["b1"], ["c1", "c2", "c3"]]

    async def scenario():
        async with fake_rasa() as (url, fake), RestClient(url) as client:
            stats = await sequential(client, ConversationSource(scripts, seed=1), messages=10, warmup=2)
            return stats, dict(fake.received)

    stats, received = run(scenario())
    assert stats.messages == 10 and stats.errors == 0 and stats.concurrency == 1
    assert sum(len(m) for m in received.values()) == 12  # 2 warm-up messages + 10 measured
    for messages in received.values():  # every sender holds (a prefix of) exactly one script
        assert any(script[:len(messages)] == messages for script in scripts)
    assert len(received) >= 5


def test_closed_loop_never_exceeds_its_users_and_keeps_scripts_in_order():
    scripts = [["a1", "a2"], ["b1", "b2", "b3"], ["c1"]]

    async def scenario():
        async with fake_rasa() as (url, fake), RestClient(url) as client:
            stats = await closed_loop(client, ConversationSource(scripts), concurrency=3, duration_s=0.3,
                                      warmup_s=0.05, label="fake")
            return stats, fake

    stats, fake = run(scenario())
    assert stats.label == "fake" and stats.concurrency == 3
    assert stats.messages > 0 and stats.errors == 0
    assert stats.rps == pytest.approx(stats.messages / 0.3, rel=0.01)
    assert 1 <= fake.max_in_flight <= 3
    for messages in fake.received.values():
        assert any(script[:len(messages)] == messages for script in scripts)


def test_closed_loop_rejects_nonsense_settings():
    async def scenario():
        async with RestClient("http://127.0.0.1:9") as client:
            await closed_loop(client, ConversationSource([["x"]]), concurrency=0, duration_s=1)

    with pytest.raises(ValueError):
        run(scenario())


def test_wait_for_answer_retries_until_the_server_is_ready():
    async def scenario():
        async with fake_rasa() as (url, fake), RestClient(url) as client:
            fake.failures_left = 2
            sample = await wait_for_answer(client, "hoi", timeout_s=30, interval_s=0)
            return sample, fake

    sample, fake = run(scenario())
    assert sample.ok
    assert sum(len(m) for m in fake.received.values()) == 3
    assert len(fake.received) == 3  # each try is a fresh conversation


def test_wait_for_answer_gives_up():
    async def scenario():
        async with fake_rasa() as (url, _), RestClient(url) as client:
            await wait_for_answer(client, "boom", timeout_s=0, interval_s=0)

    with pytest.raises(TimeoutError, match="HTTP 500"):
        run(scenario())


def test_stats_serialise_to_plain_numbers():
    stats = summarize("x", [Sample(latency_ms=5.0, status=200)], 1.0)
    data = stats.as_dict()
    assert isinstance(stats, Stats)
    assert data["p95_ms"] == 5.0 and data["messages"] == 1 and data["error_kinds"] == {}


# ---------------------------------------------------------------------------------------------
# The harness around it: bench figures and eval report parsing (no servers, no training)
# ---------------------------------------------------------------------------------------------

def _bot(name: str, rps: float, p50: float, turns, rss, script_length: int = 1) -> "bench.BotResult":
    from bot.measure import bench

    def stats(label, users, rate, ms):
        return summarize(label, [Sample(latency_ms=ms, status=200)] * 10, 10 / rate, users)

    return bench.BotResult(name=name, ready_s=30.0, latency=stats("1 user", 1, 25.0, p50),
                           loads=[stats("20", 20, rps / 2, 300.0), stats("50", 50, rps, 900.0)],
                           turns=turns, long_errors=0, rss_mb=rss, script_length=script_length)


def test_bench_headline_has_the_issue_keys_as_numbers():
    from bot.measure import bench

    ours = _bot("ours", rps=60.0, p50=30.0, turns=[40.0] + [45.0] * 48 + [48.0], rss={"rasa": 900.0, "actions": 120.0})
    base = _bot("starter", rps=30.0, p50=35.0, turns=[30.0, 60.0], rss={"rasa": 1000.0})
    figures = bench.headline(ours, base, train_s=80.04, base_train_s=100.0)
    required = {"p50_ms", "p95_ms", "p99_ms", "throughput_rps", "errors", "baseline_throughput_rps",
                "throughput_ratio", "turn1_ms", "turn50_ms", "turn50_over_turn1", "rasa_rss_mb",
                "action_rss_mb", "train_s", "ready_s", "throughput_p95_ms", "p95_20_users_ms", "rss_ratio",
                "train_ratio"}
    assert required <= set(figures)
    assert all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in figures.values())
    assert figures["throughput_rps"] == 60.0 and figures["throughput_users"] == 50
    assert figures["throughput_ratio"] == 2.0 and figures["p95_20_users_ms"] == 300.0
    assert (figures["turn1_ms"], figures["turn50_ms"], figures["turn50_over_turn1"]) == (40.0, 48.0, 1.2)
    assert "turn200_ms" not in figures  # the conversation was shorter
    assert figures["baseline_turn1_ms"] == 30.0 and "baseline_turn50_ms" not in figures
    assert figures["rss_ratio"] == 0.9 and figures["train_ratio"] == 0.8
    assert figures["train_s"] == 80.0 and figures["errors"] == 0
    met = bench.check_targets(figures)
    assert met["p50_ms"] is True and met["throughput_ratio"] is True and met["turn50_over_turn1"] is False
    assert met["rss_ratio"] is True and met["train_ratio"] is True
    assert "train_s" not in bench.headline(ours, base, train_s=None, base_train_s=None)
    assert bench.check_targets({"p50_ms": 41.0})["p50_ms"] is False
    assert bench.check_targets({})["ready_s"] is None


def test_turn_figures_compare_the_same_questions():
    # A script of 3 messages whose second is slow: turn N is the median of turns N-2..N.
    ours = _bot("ours", rps=1.0, p50=1.0, turns=[10.0, 50.0, 12.0] * 20, rss={"rasa": 1.0, "actions": 1.0},
                script_length=3)
    assert ours.turn_ms(1) == 12.0 and ours.turn_ms(50) == 12.0
    assert ours.turn_ms(60) == 12.0 and ours.turn_ms(61) is None


def test_runs_are_summarised_by_median_and_span():
    from bot.measure import bench

    medians, spans = bench.summarise_runs([{"a": 1.0, "b": 5.0}, {"a": 3.0}, {"a": 2.0, "b": 7.0}])
    assert medians == {"a": 2.0, "b": 6.0}
    assert spans == {"a": (1.0, 3.0), "b": (5.0, 7.0)}


def test_bench_markdown_marks_missed_targets_and_shows_the_span(tmp_path):
    from bot.measure import bench

    ours = [_bot("ours", rps=40.0, p50=p50, turns=[40.0, 80.0], rss={"rasa": 900.0, "actions": 120.0})
            for p50 in (55.0, 50.0, 60.0)]
    base = [_bot("starter", rps=30.0, p50=35.0, turns=[30.0, 30.0], rss={"rasa": 1000.0})] * 3
    runs = [bench.headline(mine, theirs, train_s=None, base_train_s=None) for mine, theirs in zip(ours, base)]
    figures, spans = bench.summarise_runs(runs)
    text = bench.markdown(figures, spans, ours, base, bench.FULL, quick=False, chart="bench.png")
    row = next(line for line in text.splitlines() if line.startswith("| p50 latency"))
    assert "55.0 (50.0–60.0)" in row and "**no**" in row
    assert "| full training (s) | – |" in text
    assert "![latency by turn and throughput by users](bench.png)" in text
    chart = bench.draw_chart(tmp_path / "bench.png", ours, base)
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_sanic_workers_get_a_shared_redis_lock_store_and_say_so(tmp_path):
    import yaml
    from bot.measure import bench

    config = yaml.safe_load(bench.workers_endpoints(tmp_path, 6400, "secret").read_text(encoding="utf-8"))
    assert config["lock_store"] == {"type": "redis", "url": "127.0.0.1", "port": 6400, "password": "secret", "db": 0}
    assert config["tracker_store"]["type"] == "SQL"  # the rest of endpoints.yml is kept
    ours = [_bot("ours", rps=40.0, p50=30.0, turns=[40.0], rss={"rasa": 900.0, "actions": 120.0})]
    base = [_bot("starter", rps=30.0, p50=35.0, turns=[30.0], rss={"rasa": 1000.0})]
    figures, spans = bench.summarise_runs([bench.headline(ours[0], base[0], None, None)])
    assert "2 Sanic workers" in bench.markdown(figures, spans, ours, base, bench.QUICK, True, sanic_workers=2)
    assert "Sanic workers" not in bench.markdown(figures, spans, ours, base, bench.QUICK, True)


def test_rss_of_this_process_and_of_a_missing_one():
    import os
    from bot.measure.bench import rss_mb

    assert rss_mb(os.getpid()) > 1.0
    assert rss_mb(2 ** 22 + 12345) == 0.0


def test_eval_parses_rasa_reports(tmp_path: Path):
    import json
    from bot.measure import evaluate

    intent = {
        "greet": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 10},
        "ask_budget": {"precision": 0.5, "recall": 1.0, "f1-score": 0.6667, "support": 4,
                       "confused_with": {"ask_budget_rules": 2}},
        "accuracy": 0.9,
        "macro avg": {"precision": 0.75, "recall": 1.0, "f1-score": 0.83335, "support": 14},
        "weighted avg": {"precision": 0.86, "recall": 1.0, "f1-score": 0.9, "support": 14},
    }
    entity = {
        "sector": {"precision": 1.0, "recall": 0.9, "f1-score": 0.95, "support": 20},
        "micro avg": {"precision": 0.9, "recall": 0.9, "f1-score": 0.91, "support": 30},
        "macro avg": {"precision": 0.8, "recall": 0.8, "f1-score": 0.85, "support": 30},
    }
    (tmp_path / "intent_report.json").write_text(json.dumps(intent))
    (tmp_path / "DIETClassifier_report.json").write_text(json.dumps(entity))
    figures = evaluate.nlu_figures(tmp_path)
    assert figures["intent_macro_f1"] == 0.8334 and figures["intent_accuracy"] == 0.9
    assert figures["intents"] == 2
    assert figures["weakest_intents"][0] == {"intent": "ask_budget", "f1": 0.6667, "support": 4,
                                             "confused_with": {"ask_budget_rules": 2}}
    assert figures["entity_f1"] == 0.91 and figures["entity_macro_f1"] == 0.85
    assert figures["entity_extractor"] == "DIETClassifier"
    with pytest.raises(RuntimeError):
        evaluate.nlu_figures(tmp_path / "missing")
