"""The documents in a sources folder: each ``<slug>.txt`` or ``<slug>.pdf`` with its sidecar
``<slug>.yml`` (``title:``, ``date:`` ISO; optional ``kind:`` and ``supersedes:`` slugs).

:func:`load_documents` checks everything a build needs before anything is written and stops at
the first problem with a one-line :class:`~knowledge.parse.SourceError` that names the file and
what to do about it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import yaml

from .parse import Page, SourceError, layout_of, split_pages
from .pdf import read_pdf

TEXT_SUFFIXES = (".txt", ".pdf")
SIDECAR_SUFFIX = ".yml"
SIDECAR_KEYS = ("title", "date", "kind", "supersedes")
KINDS = ("letter", "annex")
# A text file with more control characters than this share is binary, whatever its name.
MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True)
class Document:
    slug: str
    path: Path                 # the .txt or .pdf
    title: str
    date: dt.date
    kind: str                  # letter | annex: what the document is (and how it is read)
    supersedes: Tuple[str, ...]
    text: str                  # the whole text (an annex is parsed from it)
    pages: Tuple[Page, ...]    # a letter's numbered pages
    sha256: str


def load_documents(sources_dir: Path) -> List[Document]:
    """Every document in `sources_dir`, newest first (then by slug): the order of the passages, so
    that where two documents answer a question equally well, the newer one comes first."""
    sources_dir = Path(sources_dir)
    if not sources_dir.is_dir():
        raise SourceError(f"sources folder not found: {sources_dir}")
    files: Dict[str, List[Path]] = {}
    sidecars: Dict[str, Path] = {}
    for path in sorted(sources_dir.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES:
            files.setdefault(path.stem, []).append(path)
        elif suffix == SIDECAR_SUFFIX:
            sidecars[path.stem] = path
        else:
            raise SourceError(f"{path}: not a document: add documents as .txt or .pdf with a .yml sidecar, "
                              f"or move this file out of {sources_dir}")
    if not files:
        raise SourceError(f"no documents in {sources_dir}: add <name>.txt or <name>.pdf with a <name>.yml sidecar")
    for slug, paths in files.items():
        if len(paths) > 1:
            names = " and ".join(p.name for p in paths)
            raise SourceError(f"{sources_dir}: two documents named '{slug}' ({names}): keep one, or rename one "
                              f"with its own sidecar")
    for slug, sidecar in sidecars.items():
        if slug not in files:
            raise SourceError(f"{sidecar}: sidecar without a document: add {slug}.txt or {slug}.pdf, or remove it")
    documents = []
    for slug, (path,) in sorted(files.items()):
        meta = read_sidecar(sources_dir / f"{slug}{SIDECAR_SUFFIX}", path)
        documents.append(_read(slug, path, meta))
    slugs = {d.slug for d in documents}
    for d in documents:
        unknown = [s for s in d.supersedes if s not in slugs or s == d.slug]
        if unknown:
            raise SourceError(f"{sources_dir / (d.slug + SIDECAR_SUFFIX)}: 'supersedes' names {unknown}, which is "
                              f"not another document here: use the file names without extension")
    return sorted(documents, key=lambda d: (-d.date.toordinal(), d.slug))


def read_sidecar(sidecar: Path, document: Path) -> dict:
    """The sidecar's title, date, kind and supersedes, checked."""
    if not sidecar.is_file():
        raise SourceError(f"{document}: no sidecar: write {sidecar} with 'title:' and 'date:' (YYYY-MM-DD)")
    try:
        data = yaml.safe_load(sidecar.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise SourceError(f"{sidecar}: not UTF-8 text: save it as UTF-8") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise SourceError(f"{sidecar}: not valid YAML{where}: write 'title: ...' and 'date: YYYY-MM-DD' "
                          f"on lines of their own") from None
    if not isinstance(data, dict):
        raise SourceError(f"{sidecar}: expected 'title:' and 'date:' (YYYY-MM-DD) as keys")
    unknown = [str(k) for k in data if k not in SIDECAR_KEYS]
    if unknown:
        raise SourceError(f"{sidecar}: unknown key(s) {unknown}: use {', '.join(SIDECAR_KEYS)}")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise SourceError(f"{sidecar}: no 'title:': add the document's title, e.g. title: Kamerbrief ...")
    date = _date(data.get("date"), sidecar)
    kind = data.get("kind")
    if kind is not None and kind not in KINDS:
        raise SourceError(f"{sidecar}: 'kind: {kind}' is not one of {', '.join(KINDS)}: fix it or leave it out "
                          f"(it is then read from the text)")
    supersedes = data.get("supersedes") or []
    if isinstance(supersedes, str):
        supersedes = [supersedes]
    if not isinstance(supersedes, list) or not all(isinstance(s, str) and s for s in supersedes):
        raise SourceError(f"{sidecar}: 'supersedes:' must be a list of document names, e.g. [kamerbrief-2021]")
    return {"title": " ".join(title.split()), "date": date, "kind": kind, "supersedes": tuple(supersedes)}


def _date(value: object, sidecar: Path) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None:
        raise SourceError(f"{sidecar}: no 'date:': add the document's date as YYYY-MM-DD, e.g. date: 2022-11-17")
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SourceError(f"{sidecar}: 'date: {value}' is not an ISO date: write it as YYYY-MM-DD, "
                          f"e.g. 2022-11-17") from None


def _read(slug: str, path: Path, meta: dict) -> Document:
    if path.suffix.lower() == ".pdf":
        pages = read_pdf(path)
        text = "\n".join(line for _, lines in pages for line in lines)
    else:
        text = _read_text(path)
        pages = None
    if not any(ch.isalpha() for ch in text):
        raise SourceError(f"{path}: holds no text: add the document's text, or remove it with its sidecar")
    layout = layout_of(text)
    kind = meta["kind"] or layout
    if kind == "annex" and layout != "annex":
        raise SourceError(f"{path}: 'kind: annex' but no 'Thema N: title (sectors)' headings found: "
                          f"fix the headings or set kind: letter")
    if kind == "letter":
        pages = pages if pages is not None else split_pages(text)
    return Document(slug=slug, path=path, title=meta["title"], date=meta["date"], kind=kind,
                    supersedes=meta["supersedes"], text=text, pages=tuple(pages or ()),
                    sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"{path}: cannot be read ({exc.strerror or exc}): check its permissions") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    control = sum(1 for ch in (text or "") if ord(ch) < 32 and ch not in "\n\r\t\f")
    if text is None or "\x00" in text or control > MAX_CONTROL_SHARE * max(1, len(text)):
        if text is None and not _looks_binary(data):
            raise SourceError(f"{path}: not UTF-8 text: save it as UTF-8")
        raise SourceError(f"{path}: not a text file (binary content): save the text as UTF-8, or add a PDF "
                          f"as {path.with_suffix('.pdf').name}")
    return text


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample or sum(b < 9 or 13 < b < 32 for b in sample) > MAX_CONTROL_SHARE * max(1, len(sample))

