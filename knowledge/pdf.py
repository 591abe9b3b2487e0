"""Read a PDF into pages of text lines, with running headers and footers removed.

Two extractors are kept so they can be compared (``bot.measure.pdf_quality``); the build uses
:data:`LIBRARY`, the one that measured best on a PDF made from the Kamerbrief text (README,
"Adding a document"). Only that library is a runtime requirement; the other is a test one.

A page is ``(number, lines)``: ``number`` is the page's position in the PDF (1-based), unless the
page says "Pagina N van M", then N. An empty string in ``lines`` marks a vertical gap (a new
paragraph) and :data:`FOOTNOTE_RULE` the start of the footnotes at the foot of a page, like the
few-spaces and many-spaces lines of the text extracts (:func:`knowledge.parse.scan`).
"""
from __future__ import annotations

import re
import statistics
from collections import Counter
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from .parse import SourceError

LIBRARY = "pdfplumber"

Page = Tuple[int, List[str]]
GAP = " "
FOOTNOTE_RULE = " " * 20

GAP_FACTOR = 1.6          # a gap this many times the usual line distance opens a paragraph
EDGE_LINES = 2            # how many lines at the top and bottom of a page can be running text
RUNNING_SHARE = 0.5       # a line repeated at the edge of this share of pages is a header/footer
_PAGE_OF_RE = re.compile(r"^\s*Pagina (\d+) van \d+\s*$")
SIDEBAR_SHARE = 0.55      # a right-hand column starts beyond this share of the text's width
COLUMN_GAP = 20.0         # points between two pieces of one line that make them two columns
SMALL_TYPE = 0.92         # type this much smaller than the body's is footnote (or footer) type
_FOOTNOTE_START_RE = re.compile(r"^\d{1,2} \S")
MIN_TEXT_CHARS = 20       # fewer letters than this in the whole PDF: no text layer


def _usual_step(pages: List[List[Tuple[float, str]]]) -> float:
    """The document's usual distance between two lines (the median over all pages)."""
    steps = sorted(b[0] - a[0] for lines in pages for a, b in zip(lines, lines[1:]) if b[0] > a[0])
    return steps[len(steps) // 2] if steps else 0.0


def _gapped(lines: List[Tuple[float, str]], usual: float) -> List[str]:
    """Lines (top, text) in reading order with a gap line where the vertical gap is large."""
    out: List[str] = []
    for i, (top, text) in enumerate(lines):
        if i and usual and top - lines[i - 1][0] > GAP_FACTOR * usual:
            out.append(GAP)
        out.append(text)
    return out


def _sidebar_x(lines: List[dict], width: float) -> Optional[float]:
    """Where a right-hand column starts (a letter's "Datum", "Onze referentie" beside the text):
    the leftmost text that starts in the right part of the page after a wide gap or on a line
    of its own, when there are at least two such pieces; None without one."""
    if not lines:
        return None
    left = min(line["x0"] for line in lines)
    right_part = left + SIDEBAR_SHARE * (width - left)
    starts = []
    for line in lines:
        chars = line["chars"]
        if line["x0"] > right_part:
            starts.append(line["x0"])
            continue
        for a, b in zip(chars, chars[1:]):
            if b["x0"] - a["x1"] > COLUMN_GAP and b["x0"] > right_part:
                starts.append(b["x0"])
                break
    return min(starts) - 0.5 if len(starts) >= 2 else None


def _pdfplumber_pages(path: Path) -> List[List[str]]:
    """Lines by position; a right-hand column is left out (its "Pagina N van M" kept for the
    page number); the footnotes are the smaller-type lines at the foot of a page that start with
    a number."""
    import pdfplumber

    raw_pages = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            column = _sidebar_x(page.extract_text_lines(), page.width)
            body = page if column is None else page.within_bbox((0, 0, column, page.height))
            lines = [(line["top"], line["text"], round(statistics.median(c["size"] for c in line["chars"]), 1))
                     for line in body.extract_text_lines() if line["text"].strip() and line["chars"]]
            if column is not None:
                side = page.within_bbox((column, 0, page.width, page.height)).extract_text() or ""
                lines += [(page.height, text, 0.0) for text in side.splitlines() if _PAGE_OF_RE.match(text)]
            raw_pages.append(lines)
    sizes = Counter(size for lines in raw_pages for _, _, size in lines)
    body_size = sizes.most_common(1)[0][0] if sizes else 0.0
    usual = _usual_step([[(top, text) for top, text, size in lines if size >= SMALL_TYPE * body_size]
                         for lines in raw_pages])
    pages = []
    for lines in raw_pages:
        foot = len(lines)
        while foot > 0 and lines[foot - 1][2] < SMALL_TYPE * body_size:
            foot -= 1
        while foot < len(lines) and not _FOOTNOTE_START_RE.match(lines[foot][1]):
            foot += 1
        text = _gapped([(top, line) for top, line, _ in lines[:foot]], usual)
        if foot < len(lines):
            text += [FOOTNOTE_RULE] + [line for _, line, _ in lines[foot:]]
        pages.append(text)
    return pages


def _pypdf_pages(path: Path) -> List[List[str]]:
    import pypdf

    pages = []
    for page in pypdf.PdfReader(str(path)).pages:
        raw = page.extract_text(extraction_mode="layout").splitlines()
        lines: List[str] = []
        for line in raw:
            text = " ".join(line.split())
            if text:
                lines.append(text)
            elif lines and lines[-1] != GAP:
                lines.append(GAP)
        while lines and lines[-1] == GAP:
            lines.pop()
        pages.append(lines)
    return pages


EXTRACTORS: Dict[str, Callable[[Path], List[List[str]]]] = {
    "pdfplumber": _pdfplumber_pages,
    "pypdf": _pypdf_pages,
}


def _shape(line: str) -> str:
    """A line with its numbers blanked: "Pagina 3 van 16" and "Pagina 4 van 16" are one shape."""
    return re.sub(r"\d+", "#", " ".join(line.split()).lower())


def drop_running_lines(pages: List[List[str]]) -> List[Page]:
    """Number the pages and remove headers and footers: lines at the top or bottom of a page
    whose shape recurs there on at least half of the pages (and on two or more)."""
    def edges(lines: List[str]) -> List[int]:
        real = [i for i, line in enumerate(lines) if line.strip()]
        return sorted(set(real[:EDGE_LINES] + real[-EDGE_LINES:]))

    counts: Counter = Counter()
    for lines in pages:
        counts.update({_shape(lines[i]) for i in edges(lines)})
    needed = max(2, int(RUNNING_SHARE * len(pages) + 0.999))
    running = {shape for shape, n in counts.items() if n >= needed}
    result: List[Page] = []
    for index, lines in enumerate(pages, 1):
        number = index
        drop = set()
        for i in edges(lines):
            m = _PAGE_OF_RE.match(lines[i])
            if m:
                number = int(m.group(1))
                drop.add(i)
            elif _shape(lines[i]) in running:
                drop.add(i)
        kept = [line for i, line in enumerate(lines) if i not in drop]
        while kept and not kept[0].strip():
            kept.pop(0)
        result.append((number, kept))
    return result


def read_pdf(path: Path, library: str = LIBRARY) -> List[Page]:
    """The PDF's pages as numbered lines; SourceError when it cannot be read or holds no text."""
    try:
        raw = EXTRACTORS[library](path)
    except ImportError:
        raise SourceError(f"{path}: reading PDFs needs the '{library}' package: run 'make install'") from None
    except Exception as exc:  # the libraries raise many types for broken files
        reason = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
        raise SourceError(f"{path} cannot be read as a PDF ({reason}): export it again or add its text as "
                          f"{path.with_suffix('.txt').name}") from None
    letters = sum(ch.isalpha() for lines in raw for line in lines for ch in line)
    if letters < MIN_TEXT_CHARS:
        raise SourceError(f"{path} has no text layer (a scan?): run OCR on it first or add its text as "
                          f"{path.with_suffix('.txt').name}")
    return drop_running_lines(raw)
