"""Citations as values: which document, and where in it, a fact comes from.

Answers carry :class:`Citation` objects; :func:`format_citations` turns the citations of what an
answer shows into the one ``Bron:`` line, each document by title and date, then where in it
("Kamerbrief eerste voortgangsrapportage NP Onderwijs (28 oktober 2021), p. 11-12; Bijlage 1:
keuzelijst met acties (17 februari 2021), Thema 1, 3"). Nothing parses that line back.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Dict, Iterable, List, Optional, Tuple


@dataclass(frozen=True)
class Citation:
    document: str                   # document id in the knowledge base
    title: str                      # the document's title, as shown to users
    date: Optional[str] = None      # the document's date, ISO (2022-11-17)
    page: Optional[int] = None
    page_end: Optional[int] = None
    theme: Optional[int] = None     # a theme of the annex
    part: Optional[str] = None      # a named part without page or theme ("inleiding")

    def to_dict(self) -> Dict[str, object]:
        return {k: v for k, v in asdict(self).items() if v is not None}

    @classmethod
    def from_dict(cls, data: Dict[str, object]) -> "Citation":
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)  # type: ignore[arg-type]

    def pages(self) -> range:
        if self.page is None:
            return range(0)
        return range(self.page, (self.page_end or self.page) + 1)


MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
}


def date_text(iso: Optional[str], language: Optional[str] = "nl") -> str:
    """"2022-11-17" -> "17 november 2022" ("17 November 2022" in English; "" for no date)."""
    if not iso:
        return ""
    year, month, day = (int(part) for part in str(iso)[:10].split("-"))
    return f"{day} {MONTHS.get(language or 'nl', MONTHS['nl'])[month - 1]} {year}"


def page_runs(numbers: Iterable[int]) -> str:
    """12, 13, 14, 16 -> "12-14, 16"."""
    runs: List[List[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


# The words of a citation's location per language; document titles stay as the documents have them.
THEME_WORD = {"nl": "Thema", "en": "Theme"}
PART_NAMES = {"en": {"inleiding": "introduction"}}


def format_citations(citations: Iterable[Optional[Citation]], language: Optional[str] = "nl") -> Optional[str]:
    """One line for several citations; documents in first-seen order, locations sorted.
    `language` ("nl" or "en") names the locations (Thema 3 / Theme 3)."""
    language = language if language in THEME_WORD else "nl"
    part_names = PART_NAMES.get(language, {})
    order: List[str] = []
    found: Dict[str, Tuple[str, set, set, List[str]]] = {}
    for cite in citations:
        if cite is None:
            continue
        if cite.document not in found:
            order.append(cite.document)
            dated = f"{cite.title} ({date_text(cite.date, language)})" if cite.date else cite.title
            found[cite.document] = (dated, set(), set(), [])
        _, pages, themes, parts = found[cite.document]
        pages.update(cite.pages())
        if cite.theme is not None:
            themes.add(cite.theme)
        part = part_names.get(cite.part, cite.part) if cite.part else None
        if part and part not in parts:
            parts.append(part)
    lines = []
    for doc in order:
        title, pages, themes, parts = found[doc]
        where = list(parts)
        if pages:
            where.append("p. " + page_runs(pages))
        if themes:
            where.append(THEME_WORD[language] + " " + ", ".join(str(n) for n in sorted(themes)))
        lines.append(", ".join([title] + where))
    return "; ".join(lines) if lines else None
