"""NPO-assistent knowledge base: built from the source documents, queried read-only.

Build with ``python -m knowledge build``; query with :func:`open_kb`; answer questions with
``open_kb().engine().answer(question)``.
"""
import os

# One BLAS and OpenMP thread per process, set before numpy loads: a chat turn embeds one short
# text and ranks ~480 vectors, and the server's other work needs the second core. With OpenBLAS's
# default (a thread per core) its spinning worker burned ~3.4 ms of CPU per message under 20 users
# on the core Rasa needs (the action server's CPU per message: 7.8 -> 3.8 ms; every dev reply the
# same). Scale out with processes, not threads.
for _threads in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_threads, "1")

from .api import (  # noqa: E402
    Action, Amount, DateFact, Figure, Hit, KnowledgeBase, KnowledgeBaseError, Quote, Theme, Topic,
    open_kb, resolve_path,
)
from . import versions
from .citation import Citation, format_citations
from .engine import Result
from .question import Question, analyse
from .schema import SCHEMA_VERSION, SECTORS

__all__ = [
    "Action", "Amount", "Citation", "DateFact", "Figure", "Hit", "KnowledgeBase", "KnowledgeBaseError",
    "Question", "Quote", "Result", "SCHEMA_VERSION", "SECTORS", "Theme", "Topic", "analyse",
    "format_citations", "open_kb", "resolve_path", "versions",
]
