"""DIET loaded for prediction without Rasa's one-step training predicts exactly what Rasa's load does.

`bot.nlp.rasa_speedups` replaces `RasaModel.load` for prediction (see its point 10). This loads the
trained model both ways and compares intent rankings and entities for every NLU training example and
every evaluation question. DIET classifies intents only (`entity_recognition: false`; the entities
come from the lookup tables), so the rankings are what this proves; the entities are compared
because they are part of what a parse returns."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.tensorflow.models import RasaModel

from bot.nlp import rasa_speedups
from bot.ops.serve import DEFAULT_MODEL

REPO_ROOT = Path(__file__).resolve().parent.parent
MODEL = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))


def texts() -> list:
    examples = [m.get("text") for m in load_data(str(REPO_ROOT / "data" / "nlu")).intent_examples]
    questions = yaml.safe_load((REPO_ROOT / "tests" / "eval" / "questions.yml").read_text(encoding="utf-8"))
    items = questions.get("questions", questions) if isinstance(questions, dict) else questions
    examples += [q["q"] for q in items if isinstance(q, dict) and q.get("q")]
    return sorted({t for t in examples if t})


def parse_all(sentences: list) -> list:
    from rasa.core.agent import Agent

    agent = Agent.load(str(MODEL))

    async def run():
        return [await agent.parse_message(text) for text in sentences]

    parsed = asyncio.run(run())
    return [
        (
            [(i["name"], i["confidence"]) for i in p["intent_ranking"]],
            [(e["entity"], e["value"], e["start"], e["end"], e.get("confidence_entity")) for e in p["entities"]],
        )
        for p in parsed
    ]


@pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)")
def test_inference_load_predicts_like_rasas_load(monkeypatch):
    sentences = texts()
    assert len(sentences) > 2000
    rasa_loads = []
    rasa_load = rasa_speedups._rasa_model_load
    monkeypatch.setattr(rasa_speedups, "_rasa_model_load", lambda *a, **k: rasa_loads.append(a) or rasa_load(*a, **k))
    ours = parse_all(sentences)
    assert not rasa_loads  # DIET was loaded without Rasa's one-step training
    monkeypatch.setattr(RasaModel, "load", classmethod(rasa_load))
    rasas = parse_all(sentences)
    differing = [(s, a, b) for s, a, b in zip(sentences, ours, rasas) if a != b]
    assert not differing, differing[:3]
