"""Read-only query API over the knowledge base built by :mod:`knowledge.build`.

Usage::

    from knowledge import open_kb
    kb = open_kb()                       # NPO_KB_PATH or <repo>/knowledge/kb.sqlite
    kb.themes(sector="hbo")
    kb.search("extra reisrecht")

All SQL is parameterised. One SQLite connection (read-only URI, ``check_same_thread=False``)
is opened per path and reused; queries are serialised with a lock.
"""
from __future__ import annotations

import json
import logging
import math
import os
import sqlite3
import threading
import time
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from .citation import Citation
from .schema import SCHEMA_VERSION, SECTORS, applies_to
from .normalize import normalize_tokens, query_terms

DEFAULT_PATH = Path(__file__).resolve().parent / "kb.sqlite"
# Words for a kind of document, for search(document=...): a slug names one document, these all of a kind.
DOCUMENT_KINDS = {
    "kamerbrief": "letter", "brief": "letter", "letter": "letter",
    "bijlage": "annex", "keuzelijst": "annex", "annex": "annex",
}
MAX_QUERY_TERMS = 32
RELOAD_CHECK_S = 2.0       # how often open_kb() looks whether the file was rebuilt
_CANDIDATES = 60


logger = logging.getLogger(__name__)


class KnowledgeBaseError(RuntimeError):
    """The knowledge base file is missing, unreadable or from another schema version."""


# ----------------------------------------------------------------------------- records

@dataclass(frozen=True)
class Theme:
    number: int
    title: str
    sectors: Tuple[str, ...]
    intro: str
    source: str
    citation: str
    cite: Citation


@dataclass(frozen=True)
class Action:
    theme: int
    position: int
    group: Optional[str]
    text: str
    examples: Optional[str]
    note: Optional[str]
    sectors: Tuple[str, ...]
    source: str
    citation: str
    cite: Citation


@dataclass(frozen=True)
class _Fact:
    """Something found in one sentence of one passage, with where it stands."""

    text: str
    sentence: str
    passage_id: int
    page: Optional[int]
    source: str
    citation: str


@dataclass(frozen=True)
class Amount(_Fact):
    value_eur: float
    cite: Citation


@dataclass(frozen=True)
class DateFact(_Fact):
    kind: str
    resolved: Optional[str]     # a relative date read against its document's date ("februari 2021")
    cite: Citation


@dataclass(frozen=True)
class Figure(_Fact):
    kind: str
    value: Optional[float]
    unit: str
    cite: Citation


@dataclass(frozen=True)
class Quote:
    text: str
    sectors: Tuple[str, ...]
    passage_id: int
    page: Optional[int]
    section: Optional[str]
    source: str
    citation: str
    cite: Citation


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    audience: str
    quotes: Tuple[Quote, ...]


@dataclass(frozen=True)
class Hit:
    passage_id: int
    document: str
    page: Optional[int]
    section: Optional[str]
    text: str
    score: float
    source: str
    citation: str


# ----------------------------------------------------------------------------- opening

_cache: Dict[str, "KnowledgeBase"] = {}
_cache_lock = threading.Lock()


def resolve_path(path: Optional[os.PathLike] = None) -> Path:
    if path is not None:
        return Path(path)
    env = os.environ.get("NPO_KB_PATH")
    return Path(env) if env else DEFAULT_PATH


def open_kb(path: Optional[os.PathLike] = None) -> "KnowledgeBase":
    """Open (once per path, then cached) the knowledge base; raises KnowledgeBaseError.

    A rebuild replaces the file atomically (a new inode); the next call after that opens the new
    file (checked at most every RELOAD_CHECK_S seconds), so a running action server answers from
    the rebuilt KB without a restart. If the new file cannot be opened, the old one stays in use.
    """
    resolved = resolve_path(path).resolve()
    key = str(resolved)
    with _cache_lock:
        kb = _cache.get(key)
        if kb is None:
            kb = KnowledgeBase(resolved)
            _cache[key] = kb
        elif time.monotonic() - kb._checked >= RELOAD_CHECK_S:
            kb._checked = time.monotonic()
            if not kb.is_current():
                try:
                    kb = _cache[key] = KnowledgeBase(resolved)
                    kb.engine()  # build it now: the old one answers until this one is ready
                except KnowledgeBaseError as exc:
                    logger.warning("knowledge base %s was replaced but cannot be opened (%s): keeping the "
                                   "one in use", resolved, exc)
        return kb


def _identity(path: Path) -> Optional[Tuple[int, int, int]]:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_mtime_ns)


def _connect(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise KnowledgeBaseError(f"knowledge base not found: {path} (run 'make kb')")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.DatabaseError as exc:
        raise KnowledgeBaseError(f"not a knowledge base file: {path} ({exc})") from None
    if row is None or str(row["value"]) != str(SCHEMA_VERSION):
        found = row["value"] if row is not None else "none"
        conn.close()
        raise KnowledgeBaseError(
            f"knowledge base {path} has schema version {found}, expected {SCHEMA_VERSION} (run 'make kb')"
        )
    return conn


def _sectors(value: Optional[str]) -> Tuple[str, ...]:
    return tuple(json.loads(value)) if value else ()


# ----------------------------------------------------------------------------- API

class KnowledgeBase:
    """Query API. Create with :func:`open_kb`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity = _identity(path)  # before opening: a swap in between is seen next time
        self._conn = _connect(path)
        self._lock = threading.Lock()
        with self._lock:
            rows = self._conn.execute("SELECT term, df FROM terms").fetchall()
            self._df = {r["term"]: r["df"] for r in rows}
            self._n_passages = self._conn.execute("SELECT count(*) FROM passages").fetchone()[0]
            theme_rows = self._conn.execute("SELECT * FROM themes ORDER BY number").fetchall()
            passages = self._conn.execute("SELECT id, document, theme FROM passages").fetchall()
            documents = self._conn.execute("SELECT * FROM documents ORDER BY date, id").fetchall()
        self._theme_rows = [dict(r) for r in theme_rows]
        self._passage_places = {r["id"]: (r["document"], r["theme"]) for r in passages}
        self.documents: Dict[str, dict] = {
            r["id"]: {**dict(r), "supersedes": tuple(json.loads(r["supersedes"] or "[]"))} for r in documents
        }
        self._engine = None
        self._checked = time.monotonic()

    def cite(self, passage_id: Optional[int], page: Optional[int] = None,
             page_end: Optional[int] = None) -> Citation:
        """Where a passage (or a page of it) stands: a page of a letter, a theme or the
        introduction of the annex."""
        document, theme = self._passage_places.get(passage_id, ("", None))
        doc = self.documents.get(document, {})
        title, date = doc.get("title", document), doc.get("date")
        if theme is not None:
            return Citation(document, title, date, theme=theme)
        if page is None:
            return Citation(document, title, date, part="inleiding")
        return Citation(document, title, date, page=page, page_end=page_end if page_end != page else None)

    def _theme_cite(self, number: int) -> Citation:
        row = next(r for r in self._theme_rows if r["number"] == number)
        if row["passage_id"] is not None:
            return self.cite(row["passage_id"])
        doc = self.documents.get(row["document"], {})
        return Citation(row["document"], doc.get("title", row["document"]), doc.get("date"), theme=number)

    def is_current(self) -> bool:
        """Is this still the file at its path (not replaced by a rebuild since it was opened)?"""
        return _identity(self.path) == self._identity

    def engine(self):
        """The answer engine over this knowledge base (built on first use, then reused)."""
        with self._lock:
            engine = self._engine
        if engine is None:
            from .engine import Engine  # imported late: the builder does not need it
            engine = Engine(self)
            with self._lock:
                self._engine = engine
        return engine

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _query(self, sql: str, params: Sequence = ()) -> List[sqlite3.Row]:
        with self._lock:
            try:
                return self._conn.execute(sql, tuple(params)).fetchall()
            except sqlite3.DatabaseError as exc:
                raise KnowledgeBaseError(f"knowledge base query failed: {exc}") from None

    # -- themes and actions ---------------------------------------------------------
    def _theme_numbers(self, sector: Optional[str]) -> List[int]:
        rows = self._theme_rows
        if sector is None:
            return [r["number"] for r in rows]
        sector = sector.strip().lower()
        wanted = {"ho": {"hbo", "wo"}}.get(sector, {sector})
        result = set()
        for r in rows:
            sectors = set(json.loads(r["sectors"]))
            programme = r["programme"]
            if sector in ("lerarenopleiding", "geneeskunde"):
                if programme == sector:
                    result.add(r["number"])
                    result.update(json.loads(r["extends"]))
                elif sector == "geneeskunde" and programme is None and "wo" in sectors:
                    result.add(r["number"])
            elif sectors & wanted:
                result.add(r["number"])
        return sorted(result)

    def themes(self, sector: Optional[str] = None) -> List[Theme]:
        """Themes of the annexes in order; ``sector`` keeps the themes that sector may choose.

        'ho' means hbo or wo; 'lerarenopleiding' gives Thema 5 plus the themes it builds on
        (1-3, as Thema 5 says); 'geneeskunde' gives Thema 4 plus the general wo themes.
        po/vo/so schools use the menukaart instead: no themes.
        """
        numbers = set(self._theme_numbers(sector))
        return [
            Theme(r["number"], r["title"], _sectors(r["sectors"]), r["intro"], r["source"], r["citation"],
                  self._theme_cite(r["number"]))
            for r in self._theme_rows if r["number"] in numbers
        ]

    def theme(self, number: int) -> Optional[Theme]:
        found = [t for t in self.themes() if t.number == number]
        return found[0] if found else None

    def actions(self, theme: Optional[int] = None, sector: Optional[str] = None) -> List[Action]:
        """Leaf actions ordered by theme and position, filtered like :meth:`themes`."""
        numbers = self._theme_numbers(sector)
        if theme is not None:
            numbers = [n for n in numbers if n == theme]
        if not numbers:
            return []
        marks = ",".join("?" for _ in numbers)
        rows = self._query(f"SELECT * FROM actions WHERE theme IN ({marks}) ORDER BY theme, position", numbers)
        return [
            Action(r["theme"], r["position"], r["group_title"], r["text"], r["examples"], r["note"],
                   _sectors(r["sectors"]), r["source"], r["citation"], self.cite(r["passage_id"]))
            for r in rows
        ]

    # -- facts ------------------------------------------------------------------------
    def _facts(self, table: str, query: Optional[str]) -> List[sqlite3.Row]:
        rows = self._query(f"SELECT * FROM {table} ORDER BY id")  # table name is a fixed literal
        if not query or not query.strip():
            return rows
        terms = query_terms(query, MAX_QUERY_TERMS)
        if not terms:
            return rows
        scored = [(sum(t in set(r["norm_sentence"].split()) for t in terms), r) for r in rows]
        best = max((s for s, _ in scored), default=0)
        return [r for s, r in scored if s == best and best > 0]

    def amounts(self, query: Optional[str] = None) -> List[Amount]:
        """Euro amounts in document order.

        With ``query``: the amounts whose sentence contains all (normalised) query words;
        if none has all of them, those with the most matching words; none if no word matches.
        """
        return self._facts_as(Amount, "amounts", query)

    def dates(self, query: Optional[str] = None) -> List[DateFact]:
        """Dates, deadlines and periods in document order; ``query`` filters like :meth:`amounts`."""
        return self._facts_as(DateFact, "dates", query)

    def figures(self, query: Optional[str] = None) -> List[Figure]:
        """Numbers with a unit (weeks, %, counts) in document order; ``query`` as in :meth:`amounts`."""
        return self._facts_as(Figure, "figures", query)

    def _facts_as(self, record, table: str, query: Optional[str]) -> list:
        names = [f.name for f in fields(record) if f.name != "cite"]
        return [record(**{name: row[name] for name in names}, cite=self.cite(row["passage_id"], row["page"]))
                for row in self._facts(table, query)]

    # -- curated topics -------------------------------------------------------------------
    def topic(self, key: str, sector: Optional[str] = None) -> Optional[Topic]:
        """Curated topic; with ``sector`` only quotes tagged with it (or untagged) are kept.

        Coverage follows :func:`knowledge.schema.applies_to` ('ho' keeps hbo, wo and ho quotes;
        'lerarenopleiding' keeps hbo and wo quotes).
        """
        rows = self._query("SELECT * FROM topics WHERE key = ?", [key])
        if not rows:
            return None
        t = rows[0]
        quotes = []
        for q in self._query("SELECT * FROM quotes WHERE topic = ? ORDER BY position", [key]):
            sectors = _sectors(q["sectors"])
            if not applies_to(sectors, sector):
                continue
            quotes.append(Quote(q["text"], sectors, q["passage_id"], q["page"], q["section"],
                                q["source"], q["citation"], self.cite(q["passage_id"], q["page"], q["page_end"])))
        return Topic(t["key"], t["title"], t["audience"], tuple(quotes))

    def topics(self) -> List[Topic]:
        keys = [r["key"] for r in self._query("SELECT key FROM topics ORDER BY position")]
        return [t for t in (self.topic(k) for k in keys) if t is not None]

    # -- search ------------------------------------------------------------------------------
    def _idf(self, term: str) -> float:
        return math.log(1.0 + self._n_passages / (1 + self._df.get(term, 0)))

    def search(self, question: str, limit: int = 5, document: Optional[str] = None) -> List[Hit]:
        """Ranked passages for a free-text question. Never raises on user input.

        The question is normalised like the index (lower case, lemma, accents folded),
        stop words are dropped and at most 32 distinct words are used; each word is quoted
        for FTS5 and the words are OR-ed, so no FTS syntax from the user is interpreted.

        ``Hit.score`` is in (0, 1], higher is better and comparable across questions:
        ``0.8 * coverage + 0.2 * b / (b + 5)`` where *coverage* is the IDF-weighted share
        of the question's words found in the passage or its section heading (words that
        occur nowhere in the sources count as missing) and *b* is the FTS5 bm25 relevance
        (section headings weigh double). Rule of thumb: >= 0.6 means the passage contains
        most of the distinctive words of the question; < 0.3 is a weak, partial match.
        """
        try:
            text = question if isinstance(question, str) else ""
            terms = query_terms(text[:5000], MAX_QUERY_TERMS)
            limit = max(0, min(int(limit), 50))
        except Exception:  # defensive: odd input types must not break the caller
            return []
        if not terms or limit == 0:
            return []
        docs: List[str] = []
        if document is not None:
            wanted = str(document).strip().lower()
            kind = DOCUMENT_KINDS.get(wanted.split(" ")[0])
            docs = [slug for slug, d in self.documents.items() if slug == wanted or d["kind"] == kind]
            if not docs:
                return []
        match = " OR ".join('"' + t.replace('"', "") + '"' for t in terms)
        in_docs = (" AND p.document IN (" + ",".join("?" for _ in docs) + ")") if docs else ""
        sql = (
            "SELECT p.id, p.document, p.page, p.page_end, p.section, p.text, p.norm, p.section_norm, "
            "p.segments, p.source, p.citation, -bm25(passages_fts, 2.0, 1.0) AS rel "
            "FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
            "WHERE passages_fts MATCH ?" + in_docs + " ORDER BY bm25(passages_fts, 2.0, 1.0) LIMIT ?"
        )
        params: List = [match] + docs + [_CANDIDATES]
        try:
            rows = self._query(sql, params)
        except KnowledgeBaseError:
            return []
        weights = {t: self._idf(t) for t in terms}
        total = sum(weights.values()) or 1.0
        hits = []
        for r in rows:
            present = set(r["norm"].split()) | set(r["section_norm"].split())
            coverage = sum(w for t, w in weights.items() if t in present) / total
            rel = max(0.0, float(r["rel"]))
            score = round(0.8 * coverage + 0.2 * rel / (rel + 5.0), 4)
            hits.append((score, rel, r))
        hits.sort(key=lambda h: (-h[0], -h[1], h[2]["id"]))
        result = []
        for score, _, r in hits[:limit]:
            page, source, citation = r["page"], r["source"], r["citation"]
            if page is not None and r["page_end"] != r["page"]:
                page = self._best_page(r["text"], json.loads(r["segments"]), terms) or page
                source = f"{self.documents[r['document']]['title']}, p. {page}"
                citation = source + (f" ({r['section']})" if r["section"] else "")
            result.append(Hit(r["id"], r["document"], page, r["section"], r["text"], score, source, citation))
        return result

    @staticmethod
    def _best_page(text: str, segments: List[List], terms: Sequence[str]) -> Optional[int]:
        """For a passage spanning pages: the page holding most of the query words."""
        best, best_count = None, -1
        bounds = [s[0] for s in segments[1:]] + [len(text)]
        for (start, page), end in zip(segments, bounds):
            tokens = set(normalize_tokens(text[start:end]))
            count = sum(t in tokens for t in terms)
            if count > best_count:
                best, best_count = page, count
        return best

    def stats(self) -> Dict[str, int]:
        tables = ("documents", "passages", "themes", "actions", "amounts", "dates", "figures", "topics", "quotes")
        return {t: self._query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}


__all__ = [
    "Action", "Amount", "DateFact", "Figure", "Hit", "KnowledgeBase", "KnowledgeBaseError", "Quote",
    "SECTORS", "Theme", "Topic", "open_kb", "resolve_path",
]
