"""Personal data out of what users type, before Rasa sees or stores it: the one list of patterns.

`redact(text)` replaces, in this order (earlier patterns win where two overlap):

| what | example | placeholder |
|---|---|---|
| e-mail address | `jan.jansen@school.nl` | `[e-mail]` |
| IBAN | `NL91 ABNA 0417 1643 00` (any country when the check digits are right; a Dutch-shaped one always) | `[iban]` |
| phone number | `06-12345678`, `+31 6 1234 5678`, `020 123 45 67`, `0800-1234` | `[telefoonnummer]` |
| postcode (+ house number) | `1234 AB 12a`, `1234ab` | `[adres]` |
| BSN | nine digits that pass the elfproef (`111222333`, `1112.22.333`), not after `€` | `[bsn]` |

Numbers that only look alike stay: years and school years ("2021/2022", "2022-2023"), amounts
("€ 516 miljoen", "€ 516.000.000"), counts ("12 maanden", "100.000 studenten"), the letter's
reference number (8 digits). A postcode is only read as one with capital letters ("1234 AB") or
written together ("1234ab"): "in 2021 en" is not a postcode.

Both channels call this through `bot.channels.inbound.parse_body`, for the message and every
string in its metadata, so NLU and the tracker store only ever see the placeholders; a sender id
holding personal data is replaced by a stable stand-in (`safe_sender`).
"""
from __future__ import annotations

import hashlib
import re
from typing import Any, Callable, List, Match, Pattern, Tuple

EMAIL = "[e-mail]"
IBAN = "[iban]"
PHONE = "[telefoonnummer]"
ADDRESS = "[adres]"
BSN = "[bsn]"

# Not part of a longer token: no letter, digit or joining punctuation right before/after.
_BEFORE = r"(?<![\w@./-])"
_AFTER = r"(?![\w@]|[./-]\w)"

_EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}", re.UNICODE)

# Dutch: NL, two check digits, a four-letter bank code and ten digits, with or without spaces.
_DUTCH_IBAN = re.compile(r"(?<![\w@])[Nn][Ll]\d{2}[ ]?[A-Za-z]{4}[ ]?\d{4}[ ]?\d{4}[ ]?\d{2}(?![\w@])")
# Any country: two capitals, two check digits, then groups of four (validated by `iban_valid`).
_IBAN = re.compile(r"(?<![\w@])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?(?![\w@])")

_SEP = r"[ .-]?"
_PHONE = re.compile(
    _BEFORE + r"(?:"
    # international: +31 6 12345678, 0031 (0)20 1234567, +32 470 12 34 56
    r"(?:\+|00)[1-9]\d{0,2}[ -]?(?:\(0\)[ -]?)?\d(?:" + _SEP + r"\d){7,11}"
    # Dutch mobile and landline: ten digits starting with 0 (06-12345678, 020 123 45 67)
    r"|0(?:" + _SEP + r"\d){9}"
    # ... with the area code in brackets: (020) 123 45 67
    r"|\(0\d{1,3}\)[ ]?\d(?:" + _SEP + r"\d){5,7}"
    # information numbers: 0800-1234, 0900 1234567
    r"|0[89]0[09]" + _SEP + r"\d{4,7}"
    r")" + _AFTER
)

# 1000-9999 + two letters (never SA, SD, SS), then optionally a house number with an addition.
_POSTCODE = re.compile(
    r"(?:(?<=[A-Za-z] )\d{1,5}(?:[a-zA-Z]|-\d{1,4})?,?[ ])?"  # a house number written before it
    r"(?<![\w€])[1-9]\d{3}(?:[ ]?(?!SA|SD|SS)[A-Z]{2}|(?!sa|sd|ss)[a-z]{2})\b"
    r"(?:,?[ ]?(?:nr\.?[ ]?)?\d{1,5}(?:[ -]?[A-Za-z]\b|-\d{1,4})?\b)?"
)

_BSN = re.compile(r"(?<![\w€$])(?<!€ )(?<!€\xa0)(?<!EUR )(\d{4}[. ]?\d{2}[. ]?\d{3}|\d{3}[. ]?\d{3}[. ]?\d{3})(?!\w|[.,/-]\d)")


def elfproef(digits: str) -> bool:
    """The BSN check: 9×d1 + 8×d2 + … + 2×d8 − d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) != 9 or not digits.isdigit() or set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits, (9, 8, 7, 6, 5, 4, 3, 2, -1)))
    return total % 11 == 0


def iban_valid(value: str) -> bool:
    """ISO 13616 check digits: the rearranged number modulo 97 is 1."""
    compact = re.sub(r"\s", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", compact):
        return False
    rearranged = compact[4:] + compact[:4]
    return int("".join(str(int(ch, 36)) for ch in rearranged)) % 97 == 1


def _iban(match: Match[str]) -> str:
    return IBAN if iban_valid(match.group(0)) else match.group(0)


def _bsn(match: Match[str]) -> str:
    digits = re.sub(r"\D", "", match.group(1))
    return BSN if elfproef(digits) else match.group(0)


PATTERNS: List[Tuple[str, Pattern[str], Callable[[Match[str]], str]]] = [
    ("email", _EMAIL, lambda m: EMAIL),
    # A Dutch-shaped IBAN is personal even with a typo in it; another one must check out.
    ("iban", _DUTCH_IBAN, lambda m: IBAN),
    ("iban", _IBAN, _iban),
    ("phone", _PHONE, lambda m: PHONE),
    ("address", _POSTCODE, lambda m: ADDRESS),
    ("bsn", _BSN, _bsn),
]


def redact(text: str) -> str:
    """The text with personal data (see the module doc) replaced by placeholders."""
    if not text:
        return text
    for _, pattern, replace in PATTERNS:
        text = pattern.sub(replace, text)
    return text


_PLACEHOLDERS = re.compile(r"\s*(?:" + "|".join(re.escape(p) for p in (EMAIL, IBAN, PHONE, ADDRESS, BSN)) + r")")


def without_placeholders(text: str) -> str:
    """The text without the placeholders, for the answer engine: "[telefoonnummer]" is not a
    topic the documents fail to mention."""
    return _PLACEHOLDERS.sub("", text or "").strip()


def safe_sender(sender: str) -> str:
    """A sender id without personal data: a REST client that names conversations by e-mail
    address or phone number gets a stable stand-in ("redacted-" and a hash), so the
    conversation continues and the tracker store never holds the address."""
    if redact(sender) == sender:
        return sender
    return "redacted-" + hashlib.sha256(sender.encode("utf-8")).hexdigest()[:24]


def redact_values(value: Any, depth: int = 0) -> Any:
    """`redact` applied to every string in a JSON-like value (dict keys stay as they are)."""
    if isinstance(value, str):
        return redact(value)
    if depth > 20:
        return value
    if isinstance(value, dict):
        return {key: redact_values(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [redact_values(item, depth + 1) for item in value]
    return value
