"""Build the SQLite knowledge base from the documents in ``knowledge/sources/`` (``python -m knowledge build``).

Every document is read the same way (:mod:`knowledge.documents`): a letter into paragraphs with
pages and footnotes, an annex into themes and actions. Nothing here knows a document by name.
"""
from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import sqlite_utils
import yaml

from . import extract, semantic, versions
from .documents import Document, load_documents
from .normalize import normalize, normalize_tokens
from .schema import SCHEMA_VERSION, SECTORS
from .parse import Footnote, Para, SourceError, parse_annex, parse_letter

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = PACKAGE_DIR / "sources"
CURATED_PATH = PACKAGE_DIR / "curated.yml"


class BuildError(RuntimeError):
    """The knowledge base cannot be built (bad source, bad curated entry, unwritable output)."""


@dataclass
class Passage:
    id: int
    document: str
    kind: str
    para: Para
    section: Optional[str]
    section_path: Tuple[str, ...]
    source: str
    citation: str
    parent_id: Optional[int] = None
    footnote_number: Optional[int] = None
    theme: Optional[int] = None


def page_source(title: str, page: Optional[int], page_end: Optional[int] = None) -> str:
    if page_end and page_end != page:
        return f"{title}, p. {page}-{page_end}"
    return f"{title}, p. {page}"


def with_section(source: str, section: Optional[str]) -> str:
    return f"{source} ({section})" if section else source


class _Passages:
    """Passages of all documents, numbered in the order they are added."""

    def __init__(self) -> None:
        self.rows: List[Passage] = []

    def add(self, **kwargs) -> Passage:
        passage = Passage(id=len(self.rows) + 1, **kwargs)
        self.rows.append(passage)
        return passage

    def footnotes(self, parent: Optional[Passage], numbers: Sequence[int], notes: Dict[int, Footnote],
                  doc: Document) -> None:
        for number in numbers:
            fn = notes[number]
            para = Para(fn.text, [(0, fn.page)], parent.section_path if parent else (), [], "footnote")
            if fn.page is not None:
                source = page_source(doc.title, fn.page)
                citation = f"{source}, voetnoot {number}"
            else:
                source = parent.source if parent else doc.title
                citation = f"{parent.citation if parent else doc.title}, voetnoot {number}"
            self.add(document=doc.slug, kind="footnote", para=para, section=parent.section if parent else None,
                     section_path=para.section_path, source=source, citation=citation,
                     parent_id=parent.id if parent else None, footnote_number=number,
                     theme=parent.theme if parent else None)


def _letter(doc: Document, out: _Passages) -> dict:
    paras, footnotes = parse_letter(doc.pages)
    notes = {f.number: f for f in footnotes}
    linked = set()
    for para in paras:
        section = para.section_path[-1] if para.section_path else None
        source = page_source(doc.title, para.page, para.page_end)
        passage = out.add(document=doc.slug, kind="paragraph", para=para, section=section,
                          section_path=para.section_path, source=source, citation=with_section(source, section))
        out.footnotes(passage, para.footnotes, notes, doc)
        linked.update(para.footnotes)
    # A footnote whose marker was not found in the text is still content: keep it on its own.
    out.footnotes(None, sorted(set(notes) - linked), notes, doc)
    pages = [number for number, _ in doc.pages]
    return {"pages": max(pages) if pages else None, "description": None}


def _annex(doc: Document, out: _Passages, themes: Dict[int, dict], actions: Dict[int, List[dict]]) -> dict:
    """An annex's passages, themes and actions; a theme number a newer annex (built before it)
    already has stays that annex's (the older theme's passages stay searchable)."""
    annex = parse_annex(doc.text)
    notes = {f.number: f for f in annex.footnotes}
    intro_source = f"{doc.title}, inleiding"
    for para in annex.intro:
        passage = out.add(document=doc.slug, kind="intro", para=para, section="Inleiding",
                          section_path=("Inleiding",), source=intro_source, citation=intro_source)
        out.footnotes(passage, para.footnotes, notes, doc)
    for theme in annex.themes:
        heading = f"Thema {theme.number}: {theme.title}"
        source = f"{doc.title}, Thema {theme.number}"
        citation = f"{doc.title}, {heading}"
        intro_ids = []
        for i, text in enumerate(theme.intro_paragraphs + theme.closing_notes):
            fns = theme.intro_footnotes if i == 0 else []
            passage = out.add(document=doc.slug, kind="theme_intro",
                              para=Para(text, [(0, None)], (heading,), fns), section=heading,
                              section_path=(heading,), source=source, citation=citation, theme=theme.number)
            intro_ids.append(passage.id)
            out.footnotes(passage, fns, notes, doc)
        sectors = list(theme.sectors)
        newer = theme.number in themes
        row = {
            "number": theme.number, "document": doc.slug, "title": theme.title, "sectors": json.dumps(sectors),
            "programme": theme.programme, "extends": json.dumps(list(theme.extends)),
            "intro": "\n\n".join(theme.intro_paragraphs + theme.closing_notes),
            "passage_id": intro_ids[0] if intro_ids else None, "source": source, "citation": citation,
        }
        theme_actions: List[dict] = []
        if not newer:
            themes[theme.number], actions[theme.number] = row, theme_actions
        for action in (a for a in annex.actions if a.theme == theme.number):
            path = (heading,) + ((action.group,) if action.group else ())
            body = " ".join([f"{action.group}:" if action.group else "", action.full_text] + action.notes).strip()
            passage = out.add(document=doc.slug, kind="action",
                              para=Para(body, [(0, None)], path, action.footnotes), section=heading,
                              section_path=path, source=source, citation=citation, theme=theme.number)
            out.footnotes(passage, action.footnotes, notes, doc)
            note = list(action.notes) + [notes[n].text for n in action.footnotes]
            theme_actions.append({
                "theme": theme.number, "position": action.position, "group_title": action.group,
                "text": action.text, "examples": action.examples, "note": " ".join(note) if note else None,
                "sectors": json.dumps(sectors + ([theme.programme] if theme.programme else [])),
                "passage_id": passage.id, "source": source, "citation": citation,
            })
    return {"pages": None, "description": annex.title}


def _passages(documents: Sequence[Document]) -> Tuple[List[Passage], dict, list]:
    out = _Passages()
    themes: Dict[int, dict] = {}
    actions: Dict[int, List[dict]] = {}
    rows = []
    for doc in documents:  # newest first
        try:
            shape = _letter(doc, out) if doc.kind == "letter" else _annex(doc, out, themes, actions)
        except SourceError as exc:
            raise SourceError(f"{doc.path}: {exc}") from None
        rows.append({"id": doc.slug, "title": doc.title, "date": doc.date.isoformat(), "kind": doc.kind,
                     "supersedes": json.dumps(list(doc.supersedes)), "filename": doc.path.name,
                     "sha256": doc.sha256, **shape})
    action_rows = [a for number in sorted(actions) for a in actions[number]]
    for i, row in enumerate(action_rows, 1):
        row["id"] = i
    return out.rows, {"themes": [themes[n] for n in sorted(themes)], "actions": action_rows}, rows


def _squeeze(text: str) -> Tuple[str, List[int]]:
    """Text without whitespace/hyphens (quotes normalised), plus a map to original offsets."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "-\u00ad":
            continue
        chars.append({"’": "'", "‘": "'", "“": '"', "”": '"'}.get(ch, ch))
        index.append(i)
    return "".join(chars), index


def _located_source(p: Passage, title: str, start: int, end: Optional[int] = None) -> Tuple[str, str]:
    """Source and citation text for characters of a passage: their own pages in a paged one."""
    page = p.para.page_at(start)
    if page is None:
        return p.source, p.citation
    source = page_source(title, page, p.para.page_at(end) if end is not None else None)
    return source, with_section(source, p.section)


def _facts(passages: Sequence[Passage], documents: Sequence[Document]) -> Dict[str, List[dict]]:
    rows: Dict[str, List[dict]] = {"amounts": [], "dates": [], "figures": []}
    by_slug = {d.slug: d for d in documents}
    for p in passages:
        text = p.para.text
        doc = by_slug[p.document]

        def located(offset: int) -> dict:
            page = p.para.page_at(offset)
            source, citation = _located_source(p, doc.title, offset)
            sentence = extract.sentence_at(text, offset)
            return {"sentence": sentence, "norm_sentence": normalize(sentence), "passage_id": p.id,
                    "page": page, "source": source, "citation": citation}

        for offset, found, value in extract.amounts(text):
            rows["amounts"].append({"id": len(rows["amounts"]) + 1, "text": found, "value_eur": value,
                                    **located(offset)})
        for offset, found, kind in extract.dates(text):
            rows["dates"].append({"id": len(rows["dates"]) + 1, "text": found, "kind": kind,
                                  "resolved": versions.resolve_relative(found, doc.date), **located(offset)})
        for offset, found, kind, value, unit in extract.figures(text):
            rows["figures"].append({"id": len(rows["figures"]) + 1, "text": found, "kind": kind,
                                    "value": value, "unit": unit, **located(offset)})
    return rows


def load_curated(path: Path, passages: Sequence[Passage], titles: Dict[str, str]) -> Tuple[List[dict], List[dict]]:
    """The curated topics and their quotes, each found verbatim in a passage. Optional: without
    the file there are no topics, and a document needs no entry to be answerable."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return [], []
    except (OSError, yaml.YAMLError) as exc:
        raise BuildError(f"cannot read curated file {path}: {str(exc).splitlines()[0]}") from None
    topics = (data or {}).get("topics")
    if not isinstance(topics, list) or not topics:
        raise BuildError(f"{path}: expected a non-empty 'topics' list")
    squeezed = [(p, *_squeeze(p.para.text)) for p in passages]
    topic_rows, quote_rows, seen = [], [], set()
    for position, topic in enumerate(topics, 1):
        key = topic.get("key") if isinstance(topic, dict) else None
        if not key or key in seen:
            raise BuildError(f"{path}: topic #{position} has a missing or duplicate key")
        seen.add(key)
        quotes = topic.get("quotes") or []
        if not quotes:
            raise BuildError(f"{path}: topic '{key}' has no quotes")
        topic_rows.append({"key": key, "title": str(topic.get("title") or key),
                           "audience": str(topic.get("audience") or "algemeen"), "position": position})
        for qpos, quote in enumerate(quotes, 1):
            if isinstance(quote, str):
                quote = {"text": quote}
            text = " ".join(str(quote.get("text") or "").split())
            sectors = [str(s) for s in (quote.get("sectors") or [])]
            bad = [s for s in sectors if s not in SECTORS]
            if bad:
                raise BuildError(f"curated topic '{key}': unknown sector(s) {bad} in quote \"{text[:60]}\"")
            needle, _ = _squeeze(text)
            hit = None
            if needle:
                for p, hay, index in squeezed:
                    at = hay.find(needle)
                    if at >= 0:
                        hit = (p, index[at], index[at + len(needle) - 1] + 1)
                        break
            if hit is None:
                raise BuildError(f"{path}: quote of topic '{key}' not found in the sources: fix or remove it: "
                                 f"\"{text}\"")
            p, start, end = hit
            page = p.para.page_at(start)
            source, citation = _located_source(p, titles[p.document], start, end - 1)
            quote_rows.append({
                "id": len(quote_rows) + 1, "topic": key, "position": qpos, "text": p.para.text[start:end],
                "sectors": json.dumps(sectors), "passage_id": p.id, "page": page, "page_end": p.para.page_at(end - 1), "section": p.section,
                "source": source, "citation": citation,
            })
    return topic_rows, quote_rows


def _unit_vectors(path: Path) -> List[dict]:
    """Sentence vectors of every answer unit, so a server embeds only the question."""
    from .api import KnowledgeBase
    from .units import build_units

    kb = KnowledgeBase(path)
    try:
        return semantic.vector_rows(unit.text for unit in build_units(kb))
    finally:
        kb.close()


def inputs(sources_dir: Path = SOURCES_DIR) -> List[Path]:
    """Every file a build reads or is made by: this package's code and data, and the sources."""
    sources_dir = Path(sources_dir)
    return sorted([*PACKAGE_DIR.glob("*.py"), *PACKAGE_DIR.glob("*.yml"), sources_dir,
                   *(p for p in sources_dir.glob("*") if not p.name.startswith("."))])


def is_stale(output: Path, sources_dir: Path = SOURCES_DIR) -> bool:
    """Is `output` missing or older than one of its inputs (what `make kb` asks)? The sources
    folder itself counts: adding, renaming or removing a document changes its time."""
    try:
        built = Path(output).stat().st_mtime
    except OSError:
        return True
    return any(path.stat().st_mtime > built for path in inputs(sources_dir))


def build(output: Path, sources_dir: Path = SOURCES_DIR, curated: Path = CURATED_PATH) -> Dict[str, int]:
    """Parse the sources and write the knowledge base to ``output``: into a temporary file beside
    it, swapped in only when complete, so a failed build leaves the previous one in place."""
    sources = load_documents(sources_dir)
    passages, structure, documents = _passages(sources)
    topics, quotes = load_curated(curated, passages, {d.slug: d.title for d in sources})
    facts = _facts(passages, sources)
    passage_rows, df = [], Counter()
    for p in passages:
        norm_tokens = normalize_tokens(p.para.text)
        section_norm = normalize(" ".join(p.section_path))
        df.update(set(norm_tokens) | set(section_norm.split()))
        passage_rows.append({
            "id": p.id, "document": p.document, "kind": p.kind, "page": p.para.page,
            "page_end": p.para.page_end, "theme": p.theme, "section": p.section,
            "section_path": " > ".join(p.section_path), "text": p.para.text,
            "segments": json.dumps(p.para.segments), "parent_id": p.parent_id,
            "footnote_number": p.footnote_number, "source": p.source, "citation": p.citation,
            "norm": " ".join(norm_tokens), "section_norm": section_norm,
        })

    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".kb-", suffix=".sqlite", dir=str(output.parent))
        os.close(fd)
    except OSError as exc:
        raise BuildError(f"cannot write to {output.parent}: {exc.strerror or exc}") from None
    tmp = Path(tmp_name)
    try:
        db = sqlite_utils.Database(str(tmp), recreate=True)
        db["meta"].insert_all([{"key": "schema_version", "value": str(SCHEMA_VERSION)}], pk="key")
        db["documents"].insert_all(documents, pk="id")
        db["passages"].insert_all(passage_rows, pk="id", foreign_keys=[("document", "documents", "id")])
        db["passages"].enable_fts(["section_norm", "norm"], tokenize="unicode61 remove_diacritics 2",
                                  create_triggers=False)
        db["terms"].insert_all(({"term": t, "df": n} for t, n in sorted(df.items())), pk="term")
        # Created explicitly: a knowledge base of letters only has no themes or actions.
        db["themes"].create({"number": int, "document": str, "title": str, "sectors": str, "programme": str,
                             "extends": str, "intro": str, "passage_id": int, "source": str, "citation": str},
                            pk="number")
        db["themes"].insert_all(structure["themes"], pk="number")
        db["actions"].create({"id": int, "theme": int, "position": int, "group_title": str, "text": str,
                              "examples": str, "note": str, "sectors": str, "passage_id": int, "source": str,
                              "citation": str}, pk="id")
        db["actions"].insert_all(structure["actions"], pk="id")
        db["actions"].create_index(["theme", "position"], unique=True)
        for table in ("amounts", "dates", "figures"):
            db[table].insert_all(facts[table], pk="id")
        db["topics"].create({"key": str, "title": str, "audience": str, "position": int}, pk="key")
        db["topics"].insert_all(topics, pk="key")
        db["quotes"].create({"id": int, "topic": str, "position": int, "text": str, "sectors": str,
                             "passage_id": int, "page": int, "page_end": int, "section": str, "source": str,
                             "citation": str}, pk="id")
        db["quotes"].insert_all(quotes, pk="id")
        db["quotes"].create_index(["topic", "position"])
        db.conn.commit()
        db["unit_vectors"].create({"key": str, "vector": bytes}, pk="key")
        db["unit_vectors"].insert_all(_unit_vectors(tmp), pk="key")
        db.conn.commit()
        db.vacuum()
        db.conn.close()
        os.replace(tmp, output)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BuildError(f"cannot write the knowledge base {output}: {exc}") from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return {
        "documents": len(documents), "passages": len(passage_rows), "themes": len(structure["themes"]),
        "actions": len(structure["actions"]), "amounts": len(facts["amounts"]),
        "dates": len(facts["dates"]), "figures": len(facts["figures"]), "topics": len(topics),
        "quotes": len(quotes),
    }
