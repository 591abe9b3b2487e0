"""CountVectorsFeaturizer with `bot.nlp.count_vectors` gives Rasa's (sklearn's) matrices exactly.

Every NLU example and evaluation question is parsed by the trained model; for each call of
either featurizer (word lemmas, char n-grams) Rasa's own `_create_features` runs beside ours and
the sequence and sentence matrices must be identical (shape, dtype, rows, columns, values)."""
from __future__ import annotations

import asyncio
import os
from pathlib import Path

import numpy as np
import pytest
from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer
from sklearn.feature_extraction.text import CountVectorizer

from bot.nlp import count_vectors, rasa_speedups  # noqa: F401  (installs it)
from bot.ops.serve import DEFAULT_MODEL
from tests.test_perf_model_load import texts

MODEL = Path(os.environ.get("NPO_MODEL", DEFAULT_MODEL))


def same_matrix(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.shape == b.shape and a.dtype == b.dtype and a.format == b.format
            and all(np.array_equal(getattr(a, k), getattr(b, k)) and getattr(a, k).dtype == getattr(b, k).dtype
                    for k in ("row", "col", "data")))


@pytest.mark.skipif(not MODEL.exists(), reason="no trained model (make train)")
def test_counts_equal_sklearns_for_every_text(monkeypatch):
    from rasa.core.agent import Agent

    ours = CountVectorsFeaturizer._create_features
    checked = []

    def both(self, attribute, all_tokens):
        mine = ours(self, attribute, all_tokens)
        rasas = count_vectors.rasa_create_features(self, attribute, all_tokens)
        checked.append((self.vectorizers[attribute].analyzer, all(
            same_matrix(a, b) for mine_list, rasa_list in zip(mine, rasas) for a, b in zip(mine_list, rasa_list))))
        return mine

    monkeypatch.setattr(CountVectorsFeaturizer, "_create_features", both)
    agent = Agent.load(str(MODEL))
    sentences = texts()

    async def run():
        for text in sentences:
            await agent.parse_message(text)

    asyncio.run(run())
    assert {analyzer for analyzer, _ in checked} == {"word", "char_wb"}
    assert len(checked) >= 2 * len(sentences) > 4000
    assert all(ok for _, ok in checked)


def test_counts_follow_sklearn_on_binary_and_unknown_words():
    vectorizer = CountVectorizer(analyzer="char_wb", ngram_range=(2, 3), binary=True).fit(["collegegeld halvering"])
    docs = ["collegegeld", "collegegeld collegegeld", "xyz", "", "Halvering!"]
    assert same_matrix(count_vectors.Counts(vectorizer).transform(docs).tocoo(), vectorizer.transform(docs).tocoo())
    vectorizer = CountVectorizer().fit(["de halvering van het collegegeld"])
    assert same_matrix(count_vectors.Counts(vectorizer).transform(docs).tocoo(), vectorizer.transform(docs).tocoo())
    assert not count_vectors.Counts.applies_to(CountVectorizer())  # not fitted
