"""NPO-assistent knowledge base: built from the Kamerbrief and Bijlage 1, queried read-only.

Build with ``python -m knowledge build``; query with :func:`open_kb`.
"""
from .api import (
    Action, Amount, DateFact, Figure, Hit, KnowledgeBase, KnowledgeBaseError, Quote, Theme, Topic,
    open_kb, resolve_path,
)
from .schema import SCHEMA_VERSION, SECTORS

__all__ = [
    "Action", "Amount", "DateFact", "Figure", "Hit", "KnowledgeBase", "KnowledgeBaseError", "Quote",
    "SCHEMA_VERSION", "SECTORS", "Theme", "Topic", "open_kb", "resolve_path",
]
