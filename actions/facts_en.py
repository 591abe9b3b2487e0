"""The numbers, dates and amounts of a Dutch fact, said in English.

Generated from the knowledge base's structured rows (the `amounts`, `dates` and `figures` tables
that the build extracts from the same sentences), never typed per answer: an amount from its value
in euros, a figure from its value and unit, a date from its Dutch words through the word table in
`actions.texts_en`, with the date it means when it is relative ("this academic year (2021/2022)").
A date with a word the table lacks is left out rather than half translated. A share the sentence
says in words rather than digits ("gehalveerd", "ruim driekwart") is a figure row too (kind
"aandeel", its Dutch word as unit), said through the same kind of word table.
"""
from __future__ import annotations

import re
from typing import Iterable, List, Optional

from actions import texts_en
from knowledge.extract import SHARE_KIND

_NUMBER_RE = re.compile(r"^\d+(?:[.,]\d+)?$")
_MAX_FACTS = 4


def euros(value: float) -> str:
    """500000000 -> "€500 million", 63500000 -> "€63.5 million", 2500 -> "€2,500"."""
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"€{value / size:,.2f}".rstrip("0").rstrip(".") + f" {word}"
    return f"€{value:,.2f}".replace(".00", "")


def _plain_number(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".")


def figure_in_english(value: Optional[float], unit: str, text: str) -> Optional[str]:
    """"12 maanden" -> "12 months", "94,8%" -> "94.8%"; None when a word is not in the table."""
    english_unit = texts_en.FIGURE_UNITS.get(unit)
    if english_unit is None:
        return None
    if value is not None:
        number = _plain_number(value)
        return f"{number}%" if english_unit == "%" else f"{number} {english_unit}"
    words = []
    for word in text.lower().split():
        if word == unit:
            words.append(english_unit)
        elif word in texts_en.FIGURE_WORDS:
            words.append(texts_en.FIGURE_WORDS[word])
        else:
            return None
    return " ".join(words)


def date_in_english(text: str) -> Optional[str]:
    """"tot en met 24 december" -> "up to and including 24 December"; None when a word is unknown."""
    words = text.split()
    out: List[str] = []
    i = 0
    phrases = sorted(texts_en.DATE_WORDS, key=lambda p: -len(p.split()))
    while i < len(words):
        for phrase in phrases:
            size = len(phrase.split())
            if [w.lower() for w in words[i:i + size]] == phrase.split():
                out.append(texts_en.DATE_WORDS[phrase])
                i += size
                break
        else:
            word = words[i].strip(",.")
            if re.fullmatch(r"\d{1,4}(?:[/-]\d{2,4})?", word):
                out.append(word)
                i += 1
            else:
                return None
    english = " ".join(out)
    return english[:1].upper() + english[1:] if text[:1].isupper() else english


def dated_in_english(text: str, resolved: Optional[str]) -> Optional[str]:
    """A date row in English, with the date a relative one means: "dit studiejaar" read in a
    letter of October 2021 -> "this academic year (2021/2022)"."""
    # (an item of the "In English:" list, not a sentence: "Voor 2022" is "for 2022" there)
    written = date_in_english(text[:1].lower() + text[1:])
    absolute = date_in_english(resolved) if written and resolved else None
    if absolute and absolute.lower() != written.lower():
        return texts_en.RELATIVE_DATE.format(written=written, absolute=absolute)
    return written


def share_in_english(text: str, unit: str) -> Optional[str]:
    """A share row in English: "ruim driekwart" (unit "driekwart") -> "more than three quarters";
    None when a word is not in the table."""
    word = texts_en.SHARE_WORDS.get(unit)
    qualifier = " ".join(text.lower().split()[:-len(unit.split())])
    if word is None or (qualifier and qualifier not in texts_en.SHARE_QUALIFIERS):
        return None
    return f"{texts_en.SHARE_QUALIFIERS[qualifier]} {word}" if qualifier else word


def _same(sentence: str, shown: Iterable[str]) -> bool:
    sentence = " ".join(sentence.split())
    return any(sentence and (sentence in s or s in sentence) for s in shown)


def facts_in_english(kb, shown_texts: Iterable[str]) -> List[str]:
    """The amounts, figures and dates of the shown sentences, in English, in document order."""
    shown = [" ".join(t.split()) for t in shown_texts]
    found: List[str] = []

    def add(kind: str, value: Optional[str]) -> None:
        line = texts_en.FACT_KINDS[kind].format(value=value) if value else None
        if line and line not in found and len(found) < _MAX_FACTS:
            found.append(line)

    for amount in kb.amounts():
        if _same(amount.sentence, shown):
            add("amount", euros(amount.value_eur))
    figures = [f for f in kb.figures() if _same(f.sentence, shown)]
    for figure in figures:
        if figure.kind != SHARE_KIND:
            add("figure", figure_in_english(figure.value, figure.unit, figure.text))
    for date in kb.dates():
        if _same(date.sentence, shown):
            add("date", dated_in_english(date.text, date.resolved))
    for figure in figures:  # ("this academic year (2021/2022); halved": what it is said of first)
        if figure.kind == SHARE_KIND:
            add("figure", share_in_english(figure.text, figure.unit))
    return found


def facts_line(kb, shown_texts: Iterable[str]) -> Optional[str]:
    """"In English: amount €500 million; 12 months." for the shown sentences, or None."""
    facts = facts_in_english(kb, shown_texts)
    return texts_en.FACTS_IN_ENGLISH.format(facts="; ".join(facts)) if facts else None
