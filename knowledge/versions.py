"""Several documents over time: document dates, relative dates, and which statement is newest.

- :func:`resolve_relative` reads a relative date in a document ("februari van dit jaar", "dit
  studiejaar") against the document's date ("februari 2021", "2021/2022").
- :func:`newest_first` takes the units an answer shows and, where another document states the same
  fact differently, orders the statements newest first and marks the older ones as superseded.
  A fact only an older document has is left alone: it stays the answer.

Pure functions over engine units and the ``documents`` table; the engine and the actions call them
at one point each.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, List, Optional, Sequence, Tuple

# ----------------------------------------------------------------------------- relative dates

_MONTH = r"(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_SEASON = r"(voorjaar|najaar|zomer|winter)"
_SHIFT = {"dit": 0, "deze": 0, "komend": 1, "komende": 1, "volgend": 1, "volgende": 1, "vorig": -1,
          "vorige": -1, "afgelopen": -1, "het afgelopen": -1}
SCHOOL_YEAR_START_MONTH = 8   # a school or study year runs from August/September to the summer
_RELATIVE_RE = [
    (re.compile(_MONTH + r"\s+van\s+dit\s+jaar", re.I), lambda m, d: f"{m.group(1).lower()} {d.year}"),
    (re.compile(r"(later|eind|begin|medio|half)\s+dit\s+jaar", re.I),
     lambda m, d: f"{m.group(1).lower()}{' in' if m.group(1).lower() == 'later' else ''} {d.year}"),
    (re.compile(r"(dit|vorig|volgend|komend)\s+" + _SEASON, re.I),
     lambda m, d: f"{m.group(2).lower()} {d.year + _SHIFT[m.group(1).lower()]}"),
    (re.compile(r"(?:in\s+)?het\s+" + _SEASON + r"$", re.I), lambda m, d: _next_season(m.group(1).lower(), d)),
    (re.compile(r"(dit|het\s+afgelopen|vorig|volgend|komend)\s+(?:school|studie|college)jaar", re.I),
     lambda m, d: _school_year(d, _SHIFT[" ".join(m.group(1).lower().split())])),
    (re.compile(r"(dit|vorig|volgend)\s+jaar", re.I), lambda m, d: str(d.year + _SHIFT[m.group(1).lower()])),
    (re.compile(r"(\d{1,2})\s+" + _MONTH + r"$", re.I), lambda m, d: _nearest_day(int(m.group(1)), m.group(2), d)),
]


def _nearest_day(day: int, month: str, date: dt.date) -> Optional[str]:
    """A day without a year ("tot en met 24 december"): the one nearest the document's date."""
    number = _MONTHS.index(month.lower()) + 1
    try:
        options = [dt.date(date.year + shift, number, day) for shift in (-1, 0, 1)]
    except ValueError:
        return None
    nearest = min(options, key=lambda option: abs((option - date).days))
    return f"{day} {month.lower()} {nearest.year}"


_MONTHS = _MONTH.strip("()").split("|")


# The last month of each season: "in het voorjaar" in a letter of October means next spring.
_SEASON_END = {"voorjaar": 5, "zomer": 8, "najaar": 11, "winter": 14}


def _next_season(season: str, date: dt.date) -> str:
    year = date.year + (1 if date.month > _SEASON_END[season] else 0)
    return f"{season} {year}"


def _school_year(date: dt.date, shift: int) -> str:
    start = (date.year if date.month >= SCHOOL_YEAR_START_MONTH else date.year - 1) + shift
    return f"{start}/{start + 1}"


def resolve_relative(text: str, date: Optional[dt.date]) -> Optional[str]:
    """The absolute date a relative one means in a document of `date`; None when `text` is not
    relative (or there is no date)."""
    if date is None or re.search(r"(?:19|20)\d\d", text):
        return None
    for regex, absolute in _RELATIVE_RE:
        match = regex.search(text)
        if match:
            return absolute(match, date)
    return None


def relative_dates(text: str, date: Optional[dt.date]) -> List[Tuple[str, str]]:
    """(as written, absolute) for every relative date in a sentence of a document of `date`."""
    from . import extract  # late: extract is heavier than this module needs at import

    found = []
    for _, written, _ in extract.dates(text):
        absolute = resolve_relative(written, date)
        if absolute:
            found.append((written, absolute))
    return found


# ----------------------------------------------------------------------------- newest first

SAME_FACT = 0.6        # share of a statement's content words the other must share to be about the same fact
SAME_ANSWER = 0.35     # the same, for two statements that both give the kind of answer asked for
MIN_SHARED = 3         # and at least this many words
VALUE_TYPES = frozenset({"amount", "percentage", "duration", "date"})
# Words that say what kind of value a sentence gives, not what it is about: without them "De kosten
# bedragen in totaal circa € 50 miljoen" shared enough with the annex's "in totaal € 516 miljoen".
_VALUE_WORDS = frozenset({"euro", "€", "miljoen", "miljard", "procent", "%", "totaal", "circa", "ongeveer",
                          "jaar", "maand", "week", "dag", "bedrag", "bedragen", "kosten"})


@dataclass(frozen=True)
class Version:
    """A unit as one document's statement, with that document's date and kind."""

    unit: object            # an engine Unit
    date: str               # ISO
    kind: str               # letter | annex
    superseded: bool = False


def _values(text: str) -> Tuple[str, ...]:
    """The facts a sentence states: amounts, dates, numbers (what can disagree)."""
    from . import extract

    found = [m.group(0) for m in extract.AMOUNT_RE.finditer(text)]
    found += [written for _, written, _ in extract.dates(text)]
    found += re.findall(r"\b\d+(?:[.,]\d+)?\b", text)
    return tuple(sorted({" ".join(v.lower().split()) for v in found}))


def _content(unit) -> set:
    from .normalize import is_stop_word

    return {t for t in unit.tokens if not t[:1].isdigit() and not is_stop_word(t) and t not in _VALUE_WORDS}


def _same_fact(a, b, wanted: FrozenSet[str] = frozenset()) -> bool:
    """Do two units state the same kind of fact about the same thing? Most content words shared,
    or, when both give the kind of answer the question asks for (a date, an amount), a good part."""
    words_a, words_b = _content(a), _content(b)
    shared = words_a & words_b
    share = len(shared) / (min(len(words_a), len(words_b)) or 1)
    if len(shared) < MIN_SHARED or not a.types & b.types & VALUE_TYPES:
        return False  # two statements disagree only about a value of the same kind
    both_answer = bool(wanted) and bool(a.types & wanted) and bool(b.types & wanted)
    return share >= (SAME_ANSWER if both_answer else SAME_FACT)


def newest_first(shown: Sequence, candidates: Sequence, documents: Dict[str, dict],
                 wanted: FrozenSet[str] = frozenset()) -> List[Version]:
    """The answer's units as dated versions, newest document first.

    `candidates` are other units that answer the question well (ranked, best first); `wanted` the
    unit types that answer it (a date, an amount). When a candidate comes from another document,
    states the same fact as the answer (see :func:`_same_fact`) and gives different values, both statements are shown: the newest first, the older ones
    marked superseded. Otherwise the answer is returned as it was (one version per unit).
    """
    if not shown:
        return []
    first = shown[0]

    def version(unit, superseded: bool = False) -> Version:
        doc = documents.get(unit.cite.document, {})
        return Version(unit, doc.get("date") or "", doc.get("kind") or "", superseded)

    rivals = []
    seen_docs = {first.cite.document}
    for unit in candidates:
        doc = unit.cite.document
        if doc in seen_docs or unit.kind not in ("sentence", "footnote", "action"):
            continue
        if _same_fact(first, unit, wanted) and _values(first.text) != _values(unit.text):
            rivals.append(unit)
            seen_docs.add(doc)
    if not rivals:
        return [version(u) for u in shown]
    statements = sorted([first] + rivals, key=lambda u: _order(documents, u.cite.document), reverse=True)
    newest = statements[0]
    rest = [u for u in shown[1:] if u.cite.document == newest.cite.document]
    return ([version(newest)] + [version(u) for u in rest]
            + [version(u, superseded=True) for u in statements[1:]])


def _order(documents: Dict[str, dict], slug: str) -> Tuple[str, int]:
    """Newer date first; on the same date, a document that supersedes another wins."""
    doc = documents.get(slug, {})
    return (doc.get("date") or "", len(doc.get("supersedes") or ()))
