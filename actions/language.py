"""Which language a conversation is in: Dutch (the default) or English.

Each message is classified with lingua-language-detector (its models ship in the wheel),
restricted to Dutch and English. A message switches the conversation's language only when the detector is sure of it;
short or mixed messages ("ok", "mbo", "thanks!", "Utrecht") keep the language the conversation
has. The thresholds were chosen on `tests/data/language_messages.yml` (see README, "English",
and `python -m bot.measure.language_eval`).
"""
from __future__ import annotations

import functools
import re
from typing import Optional, Tuple

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
# The detector's probability (of the two languages) a message needs to set the language.
MIN_PROBABILITY = 0.8
# A one-word message is rarely enough to tell ("Utrecht" reads as Dutch at 0.994): it never switches.
MIN_WORDS = 2
_WORD_RE = re.compile(r"[^\W\d_]{2,}", re.UNICODE)


@functools.lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    # Both models loaded at once (~130 MB, 0.5 s) rather than on the first message of each.
    return LanguageDetectorBuilder.from_languages(Language.DUTCH, Language.ENGLISH) \
        .with_preloaded_language_models().build()


def classify(text: str) -> Tuple[str, float]:
    """The likelier of Dutch and English for `text`, with its confidence (0.5-1; 0 for no letters)."""
    best = _detector().compute_language_confidence_values(text or "")[0]
    return ("nl" if best.language.name == "DUTCH" else "en"), float(best.value)


def detect(text: str) -> Optional[str]:
    """"nl" or "en" when the message clearly is in that language, else None (keep the current one)."""
    words = _WORD_RE.findall(text or "")
    if len(words) < MIN_WORDS:
        return None
    language, probability = classify(text)
    return language if probability >= MIN_PROBABILITY else None


def conversation_language(text: str, current: Optional[str]) -> str:
    """The conversation's language after this message: the message's own when it is clear,
    otherwise the one it had (Dutch for a new conversation)."""
    return detect(text) or (current if current in LANGUAGES else DEFAULT)
