"""How a question's word matches a word of the documents beyond equality: as a part of a compound
("stage" in "lintstages") or through its Snowball stem."""
from __future__ import annotations

import functools
import threading
from typing import FrozenSet, Iterable, Optional

from .normalize import PARTICLES, is_dutch_word, is_stop_word, lemma

MIN_STEM = 5                 # shorter Snowball stems over-reach ("korting" -> "kort")

# Short endings that may follow a word inside a longer word of the documents and keep it that
# word: what the lemma tables leave on a compound ("lintstages", "bovenschoolse", "onderzoeker").
ENDINGS = ("", "s", "en", "n", "e", "es", "se", "er", "ers", "'s", "tje", "tjes")

MIN_MODIFIER = 3   # "ge-middel-d", "in-middel-s", "on-voldoende": a short prefix makes another word


def is_compound_part(word: str, longer: str) -> bool:
    """Is `word` a part of the longer word of the documents, as its modifier ("stage" in
    "stageplaats"), its head ("rapportage" in "voortgangsrapportage") or a middle part ("examen" in
    "eindexamenresultaten")? Not merely letters inside it: "middel" is no part of "gemiddeld" or
    "inmiddels", "motie" none of "emotieregulatie", "actie" none of "actief"."""
    start = longer.find(word)
    while start != -1:
        left, right = longer[:start], longer[start + len(word):]
        verb = word.endswith("en") or word.startswith("ge")
        left_ok = not left or left.endswith("-") or len(left) > MIN_MODIFIER or (
            len(left) == MIN_MODIFIER and is_dutch_word(left))
        if verb and left in PARTICLES:  # ("toegeschreven" is not "geschreven")
            left_ok = False
        right_ok = right in ENDINGS or right.startswith("-") or len(right) >= MIN_MODIFIER
        if left_ok and right_ok:
            return True
        start = longer.find(word, start + 1)
    return False


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """Snowball's Dutch stem (the snowballstemmer package); the word itself without it."""
    stemmer = _stemmer()
    if stemmer is None:
        return word
    # A snowball stemmer keeps its cursor on the object; concurrent callers (the eval's thread
    # pool, a threaded server) would corrupt each other's words ("string index out of range").
    with _STEM_LOCK:
        return stemmer.stemWord(word)


_STEM_LOCK = threading.Lock()


@functools.lru_cache(maxsize=1)
def _stemmer():
    try:
        import snowballstemmer
    except ImportError:
        return None
    return snowballstemmer.stemmer("dutch")


def compound_cuts(word: str, shortest: int):
    """Each split of `word` into a head and a tail of at least `shortest` letters: the head, and the
    tail as written plus, after a linking "s" or hyphen, without it ("leerlingsbegeleiding")."""
    for cut in range(shortest, len(word) - shortest + 1):
        head, rest = word[:cut], word[cut:]
        tails = [rest] + ([rest[1:]] if rest[0] in "s-" else [])
        yield head, [t for t in tails if len(t) >= shortest]


# "lint stages", "menu kaart", "lint internships" ("lint" + "stages"): a user writes apart what the
# documents close into one word. A word the documents never use alone, before one they do, is closed
# with it where the documents have that compound; kept apart, it was named as missing.
_CLOSING_ENDINGS = ("", "s", "en", "e")


def kb_vocabulary() -> FrozenSet[str]:
    """The words of the knowledge base's units (empty where none is built); a rebuilt knowledge base,
    opened anew, brings its own."""
    from . import KnowledgeBaseError, open_kb

    try:
        return _vocabulary_of(open_kb().engine())
    except KnowledgeBaseError:
        return frozenset()


@functools.lru_cache(maxsize=2)
def _vocabulary_of(engine) -> FrozenSet[str]:
    return frozenset(engine.vocabulary)


def closed_compound(before: str, word: str, vocabulary: Iterable[str]) -> Optional[str]:
    """The documents' compound of two words written apart ("lint", "stages" -> "lintstages"), where
    the documents never use the first alone; else None."""
    # (two content words: "voldoen de acties" is no "voldoende")
    if min(len(before), len(word)) < 3 or not (before + word).isalpha() or is_stop_word(before) or is_stop_word(word) \
            or before in vocabulary or lemma(before) in vocabulary:
        return None
    return next((before + word + e for e in _CLOSING_ENDINGS if before + word + e in vocabulary), None)
