"""Which PDF library reads a letter best: ``python -m bot.measure.pdf_quality``.

Writes a PDF from a letter's text extract (:func:`write_pdf`: one PDF page per source page, a
running header, a "Pagina N van M" footer, paragraph gaps, footnotes in smaller type below a
rule), reads it back with each extractor of :mod:`knowledge.pdf` and compares with the text:

- ``words``: similarity of the word sequence per page (difflib ratio, 1.0 = identical);
- ``pages``: pages whose number came back right;
- ``furniture``: pages where the running header or footer was left in the text;
- ``gaps``: paragraph gaps found / paragraph gaps written;
- ``footnotes``: footnote blocks found / footnote blocks written;
- ``seconds``: time to read the PDF.

The tests use :func:`write_pdf` to make PDF sources (fpdf2, a test requirement).
"""
from __future__ import annotations

import argparse
import difflib
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from knowledge.parse import FOOTNOTE_RULE_MIN, split_pages
from knowledge.pdf import EXTRACTORS, drop_running_lines

REPO_ROOT = Path(__file__).resolve().parents[2]
LETTER = REPO_ROOT / "knowledge" / "sources" / "kamerbrief-voortgang-np-onderwijs.txt"
FONTS = (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),)
HEADER = "Rijksoverheid | Ministerie van Onderwijs, Cultuur en Wetenschap"
BODY_PT, SMALL_PT, LINE_MM = 9.5, 7.0, 4.6


def _font() -> Optional[Path]:
    found = [f for f in FONTS if f.is_file()]
    if not found:
        try:
            import matplotlib

            found = [Path(matplotlib.get_data_path()) / "fonts" / "ttf" / "DejaVuSans.ttf"]
        except ImportError:
            return None
    return found[0] if found[0].is_file() else None


def page_parts(lines: Sequence[str]) -> Tuple[List[str], List[str]]:
    """A text page's body lines ("" for a paragraph gap) and footnote lines."""
    body: List[str] = []
    notes: List[str] = []
    for raw in lines:
        text = " ".join(raw.split())
        if raw == "" or text.startswith("Pagina "):
            continue
        if not text:
            if len(raw) >= FOOTNOTE_RULE_MIN:
                notes = notes or ["<rule>"]
            elif not notes and body and body[-1]:
                body.append("")
            continue
        (notes if notes else body).append(text)
    return body, [n for n in notes if n != "<rule>"]


def write_pdf(path: Path, pages: Sequence[Tuple[List[str], List[str]]], header: Optional[str] = HEADER,
              sidebar: Sequence[str] = ()) -> Path:
    """A PDF with one page per (body lines, footnote lines); "" in the body is a paragraph gap.
    `sidebar`: lines in a right-hand column of the first page, beside the text (as a letter's
    "Datum" and "Onze referentie")."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    font = _font()
    family = "Helvetica"
    if font:
        pdf.add_font("body", "", str(font))
        family = "body"
    total = len(pages)
    for number, (body, notes) in enumerate(pages, 1):
        pdf.add_page()
        if header:
            pdf.set_font(family, size=SMALL_PT)
            pdf.set_xy(20, 10)
            pdf.cell(0, 4, header)
        if number == 1:
            pdf.set_font(family, size=SMALL_PT)
            for i, line in enumerate(sidebar):
                pdf.set_xy(168, 24 + i * 4)
                pdf.cell(0, 4, line)
        pdf.set_font(family, size=BODY_PT)
        y = 24.0
        for line in body:
            if line:
                pdf.set_xy(20, y)
                pdf.cell(0, LINE_MM, line)
            y += LINE_MM
        if notes:
            y += 2
            pdf.line(20, y, 70, y)
            y += 1.5
            pdf.set_font(family, size=SMALL_PT)
            for note in notes:
                pdf.set_xy(20, y)
                pdf.cell(0, 3.4, note)
                y += 3.4
        pdf.set_font(family, size=SMALL_PT)
        pdf.set_xy(20, 284)
        pdf.cell(0, 4, f"Pagina {number} van {total}")
    pdf.output(str(path))
    return path


def letter_pdf(path: Path, text_path: Path = LETTER, header: Optional[str] = HEADER) -> List[Tuple[List[str], List[str]]]:
    """Write a letter's text extract as a PDF; its pages as written (body, footnotes)."""
    pages = [page_parts(lines) for _, lines in split_pages(text_path.read_text(encoding="utf-8"))]
    write_pdf(path, pages, header)
    return pages


def measure(pdf_path: Path, written: Sequence[Tuple[List[str], List[str]]], library: str) -> Dict[str, float]:
    started = time.perf_counter()
    pages = drop_running_lines(EXTRACTORS[library](pdf_path))
    seconds = time.perf_counter() - started
    ratios, right_pages, furniture, gaps_found, notes_found = [], 0, 0, 0, 0
    for index, ((number, lines), (body, notes)) in enumerate(zip(pages, written), 1):
        expected = " ".join(body + notes).split()
        got = " ".join(line for line in lines if line.strip()).split()
        ratios.append(difflib.SequenceMatcher(None, expected, got, autojunk=False).ratio())
        right_pages += number == index
        furniture += any(HEADER in line or line.startswith("Pagina ") for line in lines)
        gaps_found += sum(1 for line in lines if line.strip() == "" and 0 < len(line) < FOOTNOTE_RULE_MIN)
        notes_found += any(len(line) >= FOOTNOTE_RULE_MIN and not line.strip() for line in lines)
    gaps_written = sum(body.count("") for body, _ in written)
    notes_written = sum(1 for _, notes in written if notes)
    return {
        "words": round(sum(ratios) / len(ratios), 4), "pages": f"{right_pages}/{len(written)}",
        "furniture": furniture, "gaps": f"{gaps_found}/{gaps_written}", "footnotes": f"{notes_found}/{notes_written}",
        "seconds": round(seconds, 2),
    }


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "results" / "kamerbrief.pdf")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    written = letter_pdf(args.out)
    print(f"{'library':12} {'words':>6} {'pages':>6} {'furniture':>9} {'gaps':>8} {'footnotes':>9} {'seconds':>7}")
    for library in EXTRACTORS:
        r = measure(args.out, written, library)
        print(f"{library:12} {r['words']:>6} {r['pages']:>6} {r['furniture']:>9} {r['gaps']:>8} "
              f"{r['footnotes']:>9} {r['seconds']:>7}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
