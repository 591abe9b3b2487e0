"""NPO-assistent knowledge base: built from the source documents, queried read-only.

Build with ``python -m knowledge build``; query with :func:`open_kb`; answer questions with
``open_kb().engine().answer(question)``.
"""
from .api import (
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
