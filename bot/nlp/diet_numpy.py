"""DIET's intent prediction in numpy, for the shape of DIET this project trains.

With no transformer layers, no hidden layers for the text and no entity recognition (config.yml),
DIET's intent scores depend on the message's sentence-level sparse features alone: Rasa's
sequence layer puts the sentence vector after the tokens, the zero-layer "transformer" passes it
through unchanged, and the intent head reads exactly that position. So the scores are

    softmax(similarity(embed_text(x_sentence @ K + b), label_embeddings))

with K and b the `sparse_to_dense.text_sentence` weights. Rasa computes this by building DIET's
model data for a batch of one (scipy hstacks, padding, index arrays) and calling a `tf.function`
(signature matching and dispatch): ~20 % of Rasa's CPU per message under load (py-spy, 20 users,
2026-12-06). Here it is a few small numpy products on the weights Rasa loaded.

`IntentHead.for_model` returns None for any other shape (dense features, hidden layers, a
transformer, entity recognition, diagnostic data, cosine or linear-norm confidences are checked
for, not assumed), and `predict` returns None for a message it cannot read the same way; Rasa's
own path answers then. `tests/test_diet_numpy.py` compares every NLU example and evaluation
question with Rasa's prediction (same ranking, confidences within float32 rounding).
"""
from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

import numpy as np

logger = logging.getLogger(__name__)

TEXT = "text"
SENTENCE = "sentence"
# The only weights DIET's text sequence layer may hold for the numpy path to be exact.
_SENTENCE_KERNEL = "sparse_to_dense.text_sentence/kernel"
_SENTENCE_BIAS = "sparse_to_dense.text_sentence/bias"
_SEQUENCE_WEIGHTS = ("sparse_to_dense.text_sequence/kernel", "sparse_to_dense.text_sequence/bias")


def _transformer_layers(config: Dict[Text, Any]) -> int:
    layers = config.get("number_of_transformer_layers", 0)
    return int(layers.get(TEXT, 0)) if isinstance(layers, dict) else int(layers)


def _weights_by_suffix(model: Any) -> Dict[Text, np.ndarray]:
    return {w.name.split(":")[0]: w for w in model.weights}


class IntentHead:
    """The intent scores of one loaded DIET model, computed from a message's sentence features."""

    def __init__(self, kernel: np.ndarray, bias: np.ndarray, embed_kernel: np.ndarray,
                 embed_bias: np.ndarray, label_embeddings: np.ndarray, cosine: bool,
                 featurizers: List[Text]):
        self.kernel = kernel
        self.bias = bias
        self.embed_kernel = embed_kernel
        self.embed_bias = embed_bias
        self.cosine = cosine
        self.labels = _l2_normalise(label_embeddings) if cosine else label_embeddings
        self.featurizers = featurizers

    @classmethod
    def for_model(cls, component: Any) -> Optional["IntentHead"]:
        """The head for a DIETClassifier whose model is built, or None when its shape differs."""
        config = component.component_config
        model = component.model
        if model is None or getattr(model, "all_labels_embed", None) is None:
            return None
        if not config.get("intent_classification", True) or config.get("entity_recognition", True):
            return None
        if _transformer_layers(config) != 0 or list(config.get("hidden_layers_sizes", {}).get(TEXT, [])):
            return None
        if config.get("model_confidence") != "softmax" or config.get("similarity_type") not in ("inner", "cosine"):
            return None
        weights = _weights_by_suffix(model)
        text_layer = {name: w for name, w in weights.items() if name.startswith("rasa_sequence_layer_text/")}
        allowed = (_SENTENCE_KERNEL, _SENTENCE_BIAS) + _SEQUENCE_WEIGHTS
        if not text_layer or any(not name.endswith(allowed) for name in text_layer):
            return None
        kernel = next((w for n, w in text_layer.items() if n.endswith(_SENTENCE_KERNEL)), None)
        bias = next((w for n, w in text_layer.items() if n.endswith(_SENTENCE_BIAS)), None)
        embed_kernel = weights.get("embed_text/embed_layer_text/kernel")
        embed_bias = weights.get("embed_text/embed_layer_text/bias")
        if kernel is None or bias is None or embed_kernel is None or embed_bias is None:
            return None
        if embed_kernel.shape[0] != kernel.shape[1]:
            return None  # something besides the sparse sentence features feeds the embedding
        return cls(kernel.numpy(), bias.numpy().astype(np.float64), embed_kernel.numpy().astype(np.float64),
                   embed_bias.numpy().astype(np.float64), np.asarray(model.all_labels_embed, dtype=np.float64), config.get("similarity_type") == "cosine",
                   list(config.get("featurizers") or []))

    def _sentence_vector(self, message: Any) -> Optional[np.ndarray]:
        """x_sentence @ K + b, reading the sparse features in the order Rasa concatenates them."""
        hidden = np.zeros(self.kernel.shape[1], dtype=np.float64)
        offset = 0
        found = False
        for feature in message.features:
            if feature.attribute != TEXT or feature.type != SENTENCE:
                continue
            if self.featurizers and feature.origin not in self.featurizers:
                continue
            if not feature.is_sparse():
                return None  # dense features are concatenated, not projected: Rasa's path
            matrix = feature.features.tocoo()
            if matrix.shape[0] != 1:
                return None
            rows = matrix.col + offset
            offset += matrix.shape[1]
            if offset > self.kernel.shape[0]:
                return None
            if matrix.nnz:
                hidden += _weighted_sum(matrix.data, self.kernel[rows])
            found = True
        if not found or offset != self.kernel.shape[0]:
            return None
        return hidden + self.bias

    def predict(self, message: Any) -> Optional[Dict[Text, np.ndarray]]:
        """DIET's `_predict` output for the intent ("i_scores", shape (1, 1, labels)), or None."""
        sentence = self._sentence_vector(message)
        if sentence is None:
            return None
        embedded = _weighted_sum(sentence, self.embed_kernel) + self.embed_bias
        if self.cosine:
            embedded = _l2_normalise(embedded)
        similarities = (self.labels * embedded).sum(axis=1)
        exp = np.exp(similarities - similarities.max())
        return {"i_scores": (exp / exp.sum()).astype(np.float32)[np.newaxis, np.newaxis, :]}


def _weighted_sum(weights: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """weights @ rows in float64 without BLAS: BLAS's float32 products changed in the last bit
    between two runs of the same message (alignment-dependent summation), numpy's row sum does not."""
    return (weights.astype(np.float64)[:, np.newaxis] * rows).sum(axis=0)


def _l2_normalise(x: np.ndarray) -> np.ndarray:
    norm = np.sqrt(np.maximum(np.sum(x * x, axis=-1, keepdims=True), 1e-12))
    return x / norm


def install() -> None:
    """Route DIETClassifier._predict through IntentHead where the model's shape allows it."""
    from rasa.nlu.classifiers.diet_classifier import DIETClassifier

    if getattr(DIETClassifier._predict, "_numpy_head", False):
        return
    rasa_predict = DIETClassifier._predict

    def _predict(self: Any, message: Any) -> Any:
        head = self.__dict__.get("_npo_intent_head", False)
        if head is False:
            # The first prediction builds the model's weights (rasa_speedups point 10): Rasa's
            # path runs it, then the head is read from the built model.
            out = rasa_predict(self, message)
            self._npo_intent_head = IntentHead.for_model(self)
            logger.debug("DIET intent prediction in numpy: %s", self._npo_intent_head is not None)
            return out
        if head is not None and not self._execution_context.should_add_diagnostic_data:
            out = head.predict(message)
            if out is not None:
                return out
        return rasa_predict(self, message)

    _predict._numpy_head = True  # type: ignore[attr-defined]
    DIETClassifier._predict = _predict
