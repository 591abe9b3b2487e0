"""DIET's intent scores computed in numpy (bot.nlp.diet_numpy) equal Rasa's TensorFlow prediction.

Every NLU training example and every evaluation question is parsed by the trained model twice in
one process: through the numpy head (what `rasa run` uses) and through Rasa's own `_predict`. The
intent ranking must be the same (order may differ only between confidences closer than float32
rounding) and every confidence equal within 1e-5."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
from rasa.nlu.classifiers.diet_classifier import DIETClassifier

from bot.nlp import diet_numpy, rasa_speedups  # noqa: F401  (installs the head)
from bot.ops.serve import DEFAULT_MODEL
from tests.test_perf_model_load import texts

MODEL = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))
TOLERANCE = 1e-5


def diet_of(agent) -> DIETClassifier:
    nodes = agent.processor.graph_runner._instantiated_nodes.values()
    return next(n._component for n in nodes if isinstance(getattr(n, "_component", None), DIETClassifier))


def rankings(agent, sentences):
    async def run():
        return [await agent.parse_message(text) for text in sentences]
    return [{i["name"]: i["confidence"] for i in p["intent_ranking"]} | {"": p["intent"]["name"]}
            for p in asyncio.run(run())]


def same_prediction(ours: dict, rasas: dict) -> bool:
    names = (set(ours) | set(rasas)) - {""}
    for name in names:
        if name in ours and name in rasas:
            if abs(ours[name] - rasas[name]) > TOLERANCE:
                return False
        else:  # only at the ranking's cut-off, between equal confidences
            cut = min(v for k, v in (ours if name in ours else rasas).items() if k)
            if abs((ours.get(name) or rasas.get(name)) - cut) > TOLERANCE:
                return False
    top = ours[""] == rasas[""] or abs(ours[ours[""]] - ours.get(rasas[""], -1)) <= TOLERANCE
    return top


@pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)")
def test_numpy_intent_head_predicts_like_tensorflow():
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))
    diet = diet_of(agent)
    sentences = texts()
    assert len(sentences) > 2000
    ours = rankings(agent, sentences)
    assert isinstance(diet._npo_intent_head, diet_numpy.IntentHead)  # the numpy path answered
    diet._npo_intent_head = None  # Rasa's own TensorFlow path from here on
    rasas = rankings(agent, sentences)
    differing = [(s, a, b) for s, a, b in zip(sentences, ours, rasas) if not same_prediction(a, b)]
    assert not differing, differing[:3]


def test_head_refuses_other_diet_shapes():
    class Component:
        component_config = {"intent_classification": True, "entity_recognition": True,
                            "number_of_transformer_layers": 0, "hidden_layers_sizes": {"text": []},
                            "model_confidence": "softmax", "similarity_type": "inner"}
        model = type("Model", (), {"all_labels_embed": [[0.0]], "weights": []})()

    assert diet_numpy.IntentHead.for_model(Component()) is None  # entity recognition on
    Component.component_config = {**Component.component_config, "entity_recognition": False,
                                  "number_of_transformer_layers": 2}
    assert diet_numpy.IntentHead.for_model(Component()) is None  # a transformer
    Component.component_config = {**Component.component_config, "number_of_transformer_layers": 0,
                                  "hidden_layers_sizes": {"text": [256]}}
    assert diet_numpy.IntentHead.for_model(Component()) is None  # hidden layers
