"""Fact extraction from clean passage text: sentences, euro amounts, dates, figures."""
from __future__ import annotations

import re
from typing import Iterator, List, Optional, Tuple

_ABBREVIATIONS = ("ca.", "m.n.", "o.a.", "bijv.", "nr.", "t/m.", "e.d.", "d.w.z.", "resp.", "z.g.")

_SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z€0-9‘“(])")


def sentences(text: str) -> List[Tuple[int, int]]:
    """(start, end) offsets of the sentences in ``text``."""
    spans: List[Tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text):
        before = text[start: m.start()]
        if before.lower().endswith(_ABBREVIATIONS):
            continue
        spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def sentence_at(text: str, offset: int) -> str:
    for start, end in sentences(text):
        if start <= offset < end or offset == end:
            return text[start:end].strip()
    return text.strip()


# ----------------------------------------------------------------------------- amounts

AMOUNT_RE = re.compile(
    r"€\s?(?P<num>\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?)(?:\s?(?P<scale>miljard|miljoen|duizend|mln|mld))?"
)
_SCALES = {"miljard": 1e9, "mld": 1e9, "miljoen": 1e6, "mln": 1e6, "duizend": 1e3, None: 1.0}


def parse_number(num: str) -> float:
    """Dutch number notation: "1.500" -> 1500, "63,5" -> 63.5."""
    return float(num.replace(".", "").replace(",", "."))


def amounts(text: str) -> Iterator[Tuple[int, str, float]]:
    """(offset, text, value in euros) for every euro amount."""
    for m in AMOUNT_RE.finditer(text):
        value = parse_number(m.group("num")) * _SCALES[m.group("scale")]
        yield m.start(), m.group(0), value


# ----------------------------------------------------------------------------- dates

_MONTH = r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)"
_SEASON = r"(?:voorjaar|najaar|zomer|winter)"
_YEAR = r"(?:19|20)\d\d"
_SCHOOLYEAR = _YEAR + r"\s?[-/]\s?(?:" + _YEAR + r"|\d\d)\b"

_DATE_PATTERNS: List[Tuple[str, str]] = [
    # deadlines first: "tot en met 24 december", "tot en met september 2021"
    ("deadline", r"(?:uiterlijk|vóór|voor)\s+\d{1,2}\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?"),
    ("periode", _MONTH + r"(?:\s+" + _YEAR + r")?\s+tot\s+en\s+met\s+(?:\d{1,2}\s+)?" + _MONTH + r"(?:\s+" + _YEAR + r")?"),
    ("deadline", r"tot\s+en\s+met\s+(?:\d{1,2}\s+)?" + _MONTH + r"(?:\s+" + _YEAR + r")?"),
    ("periode", r"sinds\s+" + _YEAR + r"\s+tot\s+en\s+met\s+" + _YEAR),
    ("periode", r"(?:school-\s+en\s+collegejaar|schooljaar|studiejaar|collegejaar|studiejaren|schooljaren)\s+"
                + _SCHOOLYEAR + r"(?:\s+en\s+" + _SCHOOLYEAR + r")?"),
    ("periode", r"(?:de\s+)?periode\s+" + _YEAR + r"\s?-\s?" + _YEAR),
    ("periode", r"(?:de\s+)?jaren\s+" + _YEAR + r"\s+en\s+" + _YEAR),
    ("seizoen", r"(?:in\s+)?(?:het\s+)?" + _SEASON + r"\s+(?:van\s+)?" + _YEAR),
    ("seizoen", r"(?:dit|vorig|volgend|komend)\s+" + _SEASON),
    ("seizoen", r"in\s+het\s+" + _SEASON),
    ("moment", r"(?:later|eind|begin)\s+dit\s+jaar"),
    ("periode", r"de\s+komende\s+(?:twee|drie|vier|\d+)\s+jaar"),
    ("periode", r"(?:dit|het\s+afgelopen|vorig)\s+(?:school|studie)jaar"),
    ("moment", r"(?:begin|eind|medio|half)\s+(?:" + _YEAR + r"|dit\s+jaar|" + _MONTH + r"(?:\s+" + _YEAR + r")?)"),
    ("datum", r"\d{1,2}\s+" + _MONTH + r"(?:\s+" + _YEAR + r")?(?!-)"),
    ("maand", _MONTH + r"\s+(?:van\s+dit\s+jaar|" + _YEAR + r")"),
    ("jaar", r"(?:in|voor|over\s+het\s+jaar|sinds)\s+" + _YEAR + r"(?![\d/-])"),
    ("schooljaar", r"(?<![/\w])" + _SCHOOLYEAR + r"(?!/)"),
]
_DATE_RE = re.compile(
    "|".join(f"(?P<k{i}>{pattern})" for i, (_, pattern) in enumerate(_DATE_PATTERNS)), re.IGNORECASE
)


def dates(text: str) -> Iterator[Tuple[int, str, str]]:
    """(offset, text, kind) for dates, deadlines and periods, leftmost-longest by pattern order."""
    for m in _DATE_RE.finditer(text):
        if "Kamerstukken" in sentence_at(text, m.start()) or "://" in text[max(0, m.start() - 80): m.start()].split(" ")[-1]:
            continue  # parliamentary document numbers and URLs are not dates
        kind = next(_DATE_PATTERNS[i][0] for i in range(len(_DATE_PATTERNS)) if m.group(f"k{i}"))
        yield m.start(), m.group(0), kind


# ----------------------------------------------------------------------------- figures

_FIG_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?"
_WORD_NUMBERS = r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|honderd|honderdelf)"
# A count said in a word ("gemiddeld acht interventies"); not "een", which is mostly the article.
NUMBER_WORDS = {"twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9, "tien": 10,
                "elf": 11, "twaalf": 12}
_COUNT_WORDS = "|".join(NUMBER_WORDS)
_FIGURE_RE = re.compile(
    r"(?<![\w€.,/-])"
    r"(?P<num>(?:" + _FIG_NUMBER + r")(?:\s+(?:en|tot)\s+(?:" + _FIG_NUMBER + r"))?"
    r"|" + _WORD_NUMBERS + r"\s+tot\s+" + _WORD_NUMBERS + r"|(?P<word>" + _COUNT_WORDS + r"))"
    r"\s?(?P<unit>%|(?:procent|weken|week|maanden|maand|studenten|onderzoekers|leerlingen|scholen|plekken|"
    r"plannen|interventies|fte|pilotregio[’']s)\b)",
    re.IGNORECASE,
)
_FIGURE_KIND = {
    "%": "percentage", "procent": "percentage", "weken": "duur", "week": "duur", "maanden": "duur",
    "maand": "duur", "fte": "omvang",
}


# Shares said in words, not digits ("ruim driekwart van de pabostudenten", "het collegegeld is
# gehalveerd"): the word's value as a fraction of the whole (a change, "gehalveerd", as the factor).
SHARE_WORDS = {"driekwart": 0.75, "de helft": 0.5, "een kwart": 0.25, "tweederde": 2 / 3, "eenderde": 1 / 3,
               "gehalveerd": 0.5, "halvering": 0.5, "verdubbeld": 2.0}
SHARE_QUALIFIERS = ("meer dan", "ruim", "ongeveer", "circa", "bijna", "minder dan", "zo'n")
_SHARE_RE = re.compile(r"\b(?:(?P<qualifier>" + "|".join(map(re.escape, SHARE_QUALIFIERS)) + r")\s+)?(?P<word>"
                       + "|".join(map(re.escape, SHARE_WORDS)) + r")\b", re.IGNORECASE)
SHARE_KIND = "aandeel"


def figures(text: str) -> Iterator[Tuple[int, str, str, Optional[float], str]]:
    """(offset, text, kind, first value, unit) for counts, percentages and durations, and shares
    in words (kind "aandeel", the word as unit: "ruim driekwart" -> 0.75, "driekwart")."""
    for m in _FIGURE_RE.finditer(text):
        unit = m.group("unit").lower()
        first = re.match(_FIG_NUMBER, m.group("num"))
        value = parse_number(first.group(0)) if first else NUMBER_WORDS.get((m.group("word") or "").lower())
        kind = _FIGURE_KIND.get(unit, "aantal")
        yield m.start(), m.group(0), kind, value, "%" if unit == "procent" else unit
    for m in _SHARE_RE.finditer(text):
        word = m.group("word").lower()
        yield m.start(), m.group(0), SHARE_KIND, SHARE_WORDS[word], word
