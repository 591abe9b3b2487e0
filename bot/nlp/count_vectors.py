"""Rasa's CountVectorsFeaturizer for one message, without sklearn's per-call overhead.

For every message Rasa calls `CountVectorizer.transform` twice per featurizer (the tokens, then
the tokens joined as one sentence). Each call checks the fitted vocabulary, builds the analyzer
anew and analyses every token again (the char n-grams of "collegegeld" on every message that has
it): ~7 % of Rasa's CPU under load (py-spy, 20 users, 2026-12-06), for two rows of counts.

`Counts.transform` is sklearn's `CountVectorizer._count_vocab` with the fixed vocabulary, step for
step (same counts, index order, dtypes, sorted indices, `binary`), with the vectorizer's own
analyzer and its results kept per text (tokens repeat across messages). Only a fitted plain
`CountVectorizer` takes this path. `tests/test_count_vectors.py` compares both featurizers'
sequence and sentence matrices with Rasa's for every NLU example and evaluation question.
"""
from __future__ import annotations

import array
import functools
from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer

ANALYSED_TEXTS_KEPT = 50_000
rasa_create_features: Any = None  # Rasa's own method, once installed


class Counts:
    """The document-term counts of one fitted CountVectorizer."""

    def __init__(self, vectorizer: CountVectorizer):
        self.vocabulary = vectorizer.vocabulary_
        self.dtype = vectorizer.dtype
        self.binary = vectorizer.binary
        analyze = vectorizer.build_analyzer()
        self.analyze = functools.lru_cache(maxsize=ANALYSED_TEXTS_KEPT)(lambda text: tuple(analyze(text)))

    @staticmethod
    def applies_to(vectorizer: Any) -> bool:
        return type(vectorizer) is CountVectorizer and hasattr(vectorizer, "vocabulary_")

    def transform(self, documents: Sequence[Text]) -> sp.csr_matrix:
        vocabulary = self.vocabulary
        j_indices: List[int] = []
        indptr = [0]
        values = array.array("i")
        for document in documents:
            counter: Dict[int, int] = {}
            for feature in self.analyze(document):
                index = vocabulary.get(feature)
                if index is not None:
                    counter[index] = counter.get(index, 0) + 1
            j_indices.extend(counter.keys())
            values.extend(counter.values())
            indptr.append(len(j_indices))
        index_dtype = np.int64 if indptr[-1] > np.iinfo(np.int32).max else np.int32
        matrix = sp.csr_matrix(
            (np.frombuffer(values, dtype=np.intc), np.asarray(j_indices, dtype=index_dtype),
             np.asarray(indptr, dtype=index_dtype)),
            shape=(len(indptr) - 1, len(vocabulary)), dtype=self.dtype)
        matrix.sort_indices()
        if self.binary:
            matrix.data.fill(1)
        return matrix


def install() -> None:
    from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES
    from rasa.nlu.featurizers.sparse_featurizer.count_vectors_featurizer import CountVectorsFeaturizer

    global rasa_create_features
    if getattr(CountVectorsFeaturizer._create_features, "_cached_counts", False):
        return
    rasa_create_features = CountVectorsFeaturizer._create_features

    def _create_features(self: Any, attribute: Text, all_tokens: List[List[Text]]
                         ) -> Tuple[List[Optional[Any]], List[Optional[Any]]]:
        vectorizer = self.vectorizers.get(attribute) if self.vectorizers else None
        if not Counts.applies_to(vectorizer):
            return rasa_create_features(self, attribute, all_tokens)
        counts_by_attribute = self.__dict__.setdefault("_npo_counts", {})
        counts = counts_by_attribute.get(attribute)
        if counts is None or counts.vocabulary is not vectorizer.vocabulary_:
            counts = counts_by_attribute[attribute] = Counts(vectorizer)
        sequence_features: List[Optional[Any]] = []
        sentence_features: List[Optional[Any]] = []
        for tokens in all_tokens:
            if not tokens:
                sequence_features.append(None)
                sentence_features.append(None)
                continue
            sequence_features.append(counts.transform(tokens).tocoo())
            if attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
                sentence_features.append(counts.transform([" ".join(tokens)]).tocoo())
            else:
                sentence_features.append(None)
        return sequence_features, sentence_features

    _create_features._cached_counts = True  # type: ignore[attr-defined]
    CountVectorsFeaturizer._create_features = _create_features
