"""Build the SQLite knowledge base from the two source texts (``python -m knowledge build``)."""
from __future__ import annotations

import hashlib
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

from . import extract, semantic
from .normalize import normalize, normalize_tokens
from .schema import SCHEMA_VERSION, SECTORS
from .parse import (
    BIJLAGE_FILE, BIJLAGE_ID, KAMERBRIEF_FILE, KAMERBRIEF_ID, Footnote, Para, SourceError,
    parse_bijlage, parse_kamerbrief, read_source,
)

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_DIR = PACKAGE_DIR / "sources"
CURATED_PATH = PACKAGE_DIR / "curated.yml"

KAMERBRIEF_TITLE = "Kamerbrief voortgang NP Onderwijs"
BIJLAGE_TITLE = "Bijlage 1: keuzelijst met acties"
BIJLAGE_SHORT = "Bijlage 1"


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


def kamerbrief_source(page: Optional[int], page_end: Optional[int] = None) -> str:
    if page_end and page_end != page:
        return f"{KAMERBRIEF_TITLE}, p. {page}-{page_end}"
    return f"{KAMERBRIEF_TITLE}, p. {page}"


def kamerbrief_citation(source: str, section: Optional[str]) -> str:
    return f"{source} ({section})" if section else source


def _passages(sources_dir: Path) -> Tuple[List[Passage], dict, list]:
    kb_text = read_source(sources_dir / KAMERBRIEF_FILE)
    bij_text = read_source(sources_dir / BIJLAGE_FILE)
    paras, kb_footnotes, pages = parse_kamerbrief(kb_text)
    if pages != 16:
        raise SourceError(f"expected 16 pages in the Kamerbrief, found {pages}")
    bijlage = parse_bijlage(bij_text)
    passages: List[Passage] = []

    def add(**kwargs) -> Passage:
        passage = Passage(id=len(passages) + 1, **kwargs)
        passages.append(passage)
        return passage

    def add_footnotes(parent: Passage, numbers: Sequence[int], notes: Dict[int, Footnote], doc: str) -> None:
        for number in numbers:
            fn = notes[number]
            para = Para(fn.text, [(0, fn.page)], parent.section_path, [], "footnote")
            if doc == KAMERBRIEF_ID:
                source = kamerbrief_source(fn.page)
                citation = f"{source}, voetnoot {number}"
            else:
                source, citation = parent.source, f"{parent.citation}, voetnoot {number}"
            add(document=doc, kind="footnote", para=para, section=parent.section,
                section_path=parent.section_path, source=source, citation=citation,
                parent_id=parent.id, footnote_number=number, theme=parent.theme)

    kb_notes = {f.number: f for f in kb_footnotes}
    for para in paras:
        section = para.section_path[-1] if para.section_path else None
        source = kamerbrief_source(para.page, para.page_end)
        passage = add(document=KAMERBRIEF_ID, kind="paragraph", para=para, section=section,
                      section_path=para.section_path, source=source,
                      citation=kamerbrief_citation(source, section))
        add_footnotes(passage, para.footnotes, kb_notes, KAMERBRIEF_ID)
    linked = {p.footnote_number for p in passages if p.kind == "footnote"}
    missing = sorted(set(kb_notes) - linked)
    if missing:
        raise SourceError(f"Kamerbrief footnote(s) {missing} are not cited anywhere in the text")

    bij_notes = {f.number: f for f in bijlage.footnotes}
    intro_source = f"{BIJLAGE_SHORT}, inleiding"
    for para in bijlage.intro:
        passage = add(document=BIJLAGE_ID, kind="intro", para=para, section="Inleiding",
                      section_path=("Inleiding",), source=intro_source, citation=intro_source)
        add_footnotes(passage, para.footnotes, bij_notes, BIJLAGE_ID)
    theme_rows, action_rows = [], []
    for theme in bijlage.themes:
        heading = f"Thema {theme.number}: {theme.title}"
        source = f"{BIJLAGE_SHORT}, Thema {theme.number}"
        citation = f"{BIJLAGE_SHORT}, {heading}"
        intro_ids = []
        for i, text in enumerate(theme.intro_paragraphs + theme.closing_notes):
            fns = theme.intro_footnotes if i == 0 else []
            passage = add(document=BIJLAGE_ID, kind="theme_intro", para=Para(text, [(0, None)], (heading,), fns),
                          section=heading, section_path=(heading,), source=source, citation=citation,
                          theme=theme.number)
            intro_ids.append(passage.id)
            add_footnotes(passage, fns, bij_notes, BIJLAGE_ID)
        sectors = list(theme.sectors)
        theme_rows.append({
            "number": theme.number, "title": theme.title, "sectors": json.dumps(sectors),
            "programme": theme.programme, "extends": json.dumps(list(theme.extends)),
            "intro": "\n\n".join(theme.intro_paragraphs + theme.closing_notes),
            "passage_id": intro_ids[0] if intro_ids else None, "source": source, "citation": citation,
        })
        for action in (a for a in bijlage.actions if a.theme == theme.number):
            path = (heading,) + ((action.group,) if action.group else ())
            body = " ".join([f"{action.group}:" if action.group else "", action.full_text] + action.notes).strip()
            passage = add(document=BIJLAGE_ID, kind="action", para=Para(body, [(0, None)], path, action.footnotes),
                          section=heading, section_path=path, source=source, citation=citation,
                          theme=theme.number)
            add_footnotes(passage, action.footnotes, bij_notes, BIJLAGE_ID)
            notes = list(action.notes) + [bij_notes[n].text for n in action.footnotes]
            action_sectors = sectors + ([theme.programme] if theme.programme else [])
            action_rows.append({
                "id": len(action_rows) + 1, "theme": theme.number, "position": action.position,
                "group_title": action.group, "text": action.text, "examples": action.examples,
                "note": " ".join(notes) if notes else None, "sectors": json.dumps(action_sectors),
                "passage_id": passage.id, "source": source, "citation": citation,
            })
    documents = [
        {"id": KAMERBRIEF_ID, "title": KAMERBRIEF_TITLE, "short_title": KAMERBRIEF_TITLE,
         "description": "Kamerbrief over de eerste voortgangsrapportage van het Nationaal Programma "
                        "Onderwijs (najaar 2021), met als bijlage de afhandeling van moties.",
         "filename": KAMERBRIEF_FILE, "pages": pages, "sha256": _sha(kb_text)},
        {"id": BIJLAGE_ID, "title": BIJLAGE_TITLE, "short_title": BIJLAGE_SHORT,
         "description": bijlage.title, "filename": BIJLAGE_FILE, "pages": None, "sha256": _sha(bij_text)},
    ]
    return passages, {"themes": theme_rows, "actions": action_rows}, documents


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _squeeze(text: str) -> Tuple[str, List[int]]:
    """Text without whitespace/hyphens (quotes normalised), plus a map to original offsets."""
    chars, index = [], []
    for i, ch in enumerate(text):
        if ch.isspace() or ch in "-\u00ad":
            continue
        chars.append({"’": "'", "‘": "'", "“": '"', "”": '"'}.get(ch, ch))
        index.append(i)
    return "".join(chars), index


def _facts(passages: Sequence[Passage]) -> Dict[str, List[dict]]:
    rows: Dict[str, List[dict]] = {"amounts": [], "dates": [], "figures": []}
    for p in passages:
        text = p.para.text

        def located(offset: int) -> dict:
            page = p.para.page_at(offset)
            if p.document == KAMERBRIEF_ID:
                source = kamerbrief_source(page)
                citation = kamerbrief_citation(source, p.section)
            else:
                source, citation = p.source, p.citation
            sentence = extract.sentence_at(text, offset)
            return {"sentence": sentence, "norm_sentence": normalize(sentence), "passage_id": p.id,
                    "page": page, "source": source, "citation": citation}

        for offset, found, value in extract.amounts(text):
            rows["amounts"].append({"id": len(rows["amounts"]) + 1, "text": found, "value_eur": value,
                                    **located(offset)})
        for offset, found, kind in extract.dates(text):
            rows["dates"].append({"id": len(rows["dates"]) + 1, "text": found, "kind": kind, **located(offset)})
        for offset, found, kind, value, unit in extract.figures(text):
            rows["figures"].append({"id": len(rows["figures"]) + 1, "text": found, "kind": kind,
                                    "value": value, "unit": unit, **located(offset)})
    return rows


def load_curated(path: Path, passages: Sequence[Passage]) -> Tuple[List[dict], List[dict]]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BuildError(f"curated file not found: {path}") from None
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
                raise BuildError(f"curated quote not found in the sources (topic '{key}'): \"{text}\"")
            p, start, end = hit
            page = p.para.page_at(start)
            if p.document == KAMERBRIEF_ID:
                source = kamerbrief_source(page, p.para.page_at(end - 1))
                citation = kamerbrief_citation(source, p.section)
            else:
                source, citation = p.source, p.citation
            quote_rows.append({
                "id": len(quote_rows) + 1, "topic": key, "position": qpos, "text": p.para.text[start:end],
                "sectors": json.dumps(sectors), "passage_id": p.id, "page": page, "page_end": p.para.page_at(end - 1), "section": p.section,
                "source": source, "citation": citation,
            })
    return topic_rows, quote_rows


def _unit_vectors(path: Path) -> List[dict]:
    """Sentence vectors of every answer unit, so a server embeds only the question."""
    from .api import KnowledgeBase
    from .engine import build_units

    kb = KnowledgeBase(path)
    try:
        return semantic.vector_rows(unit.text for unit in build_units(kb))
    finally:
        kb.close()


def inputs(sources_dir: Path = SOURCES_DIR) -> List[Path]:
    """Every file a build reads or is made by: this package's code and data, and the sources."""
    return sorted([*PACKAGE_DIR.glob("*.py"), *PACKAGE_DIR.glob("*.yml"), *Path(sources_dir).glob("*.txt")])


def is_stale(output: Path, sources_dir: Path = SOURCES_DIR) -> bool:
    """Is `output` missing or older than one of its inputs (what `make kb` asks)?"""
    try:
        built = Path(output).stat().st_mtime
    except OSError:
        return True
    return any(path.stat().st_mtime > built for path in inputs(sources_dir))


def build(output: Path, sources_dir: Path = SOURCES_DIR, curated: Path = CURATED_PATH) -> Dict[str, int]:
    """Parse the sources and write the knowledge base to ``output`` (atomically)."""
    passages, structure, documents = _passages(sources_dir)
    topics, quotes = load_curated(curated, passages)
    facts = _facts(passages)
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
        db["themes"].insert_all(structure["themes"], pk="number")
        db["actions"].insert_all(structure["actions"], pk="id")
        db["actions"].create_index(["theme", "position"], unique=True)
        for table in ("amounts", "dates", "figures"):
            db[table].insert_all(facts[table], pk="id")
        db["topics"].insert_all(topics, pk="key")
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
        "passages": len(passage_rows), "themes": len(structure["themes"]),
        "actions": len(structure["actions"]), "amounts": len(facts["amounts"]),
        "dates": len(facts["dates"]), "figures": len(facts["figures"]), "topics": len(topics),
        "quotes": len(quotes),
    }
