"""The server's prediction graph run by `SequentialGraphRunner` gives what Rasa's dask runner gives.

The trained model is loaded once; every NLU example and evaluation question is parsed, and a
conversation's trackers are predicted on, with the sequential runner and then with dask's, in
the same process (DIET's numpy head on in both, so only the runner differs)."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from rasa.engine.exceptions import GraphRunError
from rasa.engine.runner.dask import DaskGraphRunner

from bot.nlp import rasa_speedups  # noqa: F401  (installs the runner)
from bot.nlp.sequential_runner import SequentialGraphRunner
from bot.ops.serve import DEFAULT_MODEL
from tests.test_perf_model_load import texts

MODEL = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))


def parses(agent, sentences):
    async def run():
        return [await agent.parse_message(text) for text in sentences]
    return asyncio.run(run())


def predictions(agent, sentences):
    """The next action's policy prediction after each message of one conversation."""
    async def run():
        out = []
        tracker = await agent.processor.fetch_tracker_and_update_session("runner-test")
        for text in sentences:
            from rasa.core.channels.channel import UserMessage
            message = UserMessage(text, sender_id="runner-test")
            await agent.processor._handle_message_with_tracker(message, tracker)
            prediction = agent.processor._predict_next_with_tracker(tracker)
            out.append((prediction.max_confidence_index, prediction.policy_name, prediction.probabilities))
        return out
    return asyncio.run(run())


@pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)")
def test_sequential_runner_parses_and_predicts_like_dask():
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    parses(agent, ["hoi"])  # DIET's first prediction builds its weights (and the numpy head)
    runner = agent.processor.graph_runner
    assert type(runner) is SequentialGraphRunner  # the server's processor got the sequential runner
    sentences = texts()
    conversation = ["hoi", "ik ben mbo-student", "krijg ik korting op mijn collegegeld?", "en voor het wo?",
                    "check of ik compensatie krijg", "mbo", "ja", "bedankt", "doei"]
    ours = parses(agent, sentences), predictions(agent, conversation)
    runner.__class__ = DaskGraphRunner
    try:
        theirs = parses(agent, sentences), predictions(agent, conversation)
    finally:
        runner.__class__ = SequentialGraphRunner
    assert len(ours[0]) == len(theirs[0]) > 2000
    assert [p for p, q in zip(ours[0], theirs[0]) if p != q] == []
    assert ours[1] == theirs[1]


def test_plan_puts_needs_first_and_inputs_replace_nodes():
    class Node:
        def __init__(self, needs):
            self.needs = needs

    class Schema:
        nodes = {"a": Node({}), "b": Node({"x": "a"}), "c": Node({"x": "b", "y": "a", "z": "__in__"})}
        target_names = ["c"]

    runner = SequentialGraphRunner.__new__(SequentialGraphRunner)
    runner._graph_schema = Schema()
    calls = []
    runner._instantiated_nodes = {n: (lambda *args, n=n: calls.append((n, args)) or (n, n.upper())) for n in "abc"}
    assert runner.run(inputs={"__in__": 1}) == {"c": "C"}
    assert calls == [("a", ()), ("b", (("a", "A"),)), ("c", (("b", "B"), ("a", "A"), ("__in__", 1)))]
    calls.clear()
    assert runner.run(inputs={"a": 7}, targets=["b"]) == {"b": "B"}
    assert calls == [("b", (("a", 7),))]
    Schema.nodes["a"] = Node({"x": "c"})
    runner._plans = {}
    with pytest.raises(GraphRunError):
        runner.run(targets=["c"])
    with pytest.raises(GraphRunError):
        runner.run(inputs={"__in__": "b"}, targets=["b"])
