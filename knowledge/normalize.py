"""Dutch text normaliser shared by the index builder and the query side.

Both the indexed passages and the user's questions go through :func:`normalize_tokens`,
so that "Hogescholen", "hogescholen" and "hogeschool" end up as the same token.

Pipeline per word: lower case -> lemma from spaCy's Dutch lookup lemmatiser
(``spacy.blank("nl")`` + the ``lemmatizer`` pipe in ``lookup`` mode, tables from
``spacy-lookups-data``; works offline) -> accents folded (NFKD, combining marks dropped).

The lookup table is read once per process straight from spacy-lookups-data (the table the
lemmatiser would load), with a small regex tokeniser, instead of running a spaCy ``Doc``
through a pipeline for every query: no spaCy/TensorFlow import, ~1 µs per word.
"""
from __future__ import annotations

import functools
import gzip
import importlib.util
import json
import os
import re
import threading
import unicodedata
from typing import Dict, List, Optional

# Word tokens: letters and digits, with inner hyphens/apostrophes ("mbo-scholen", "thema's").
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)

# A few extra function words that are frequent in questions but carry no topic.
_EXTRA_STOP_WORDS = frozenset(
    """
    graag vraag vragen weet weten wil willen mag mogen moet moeten kun kunt kan
    iets welke welk waar wanneer hoeveel hoe wat wie waarom hallo hoi
    """.split()
)

_lock = threading.Lock()
_lemma_table: Optional["_TableView"] = None
_lemma_fixes: Dict[str, str] = {}
_stop_words: Optional[frozenset] = None


class NormalizerError(RuntimeError):
    """The Dutch lemmatiser could not be set up (spaCy or spacy-lookups-data missing)."""


def fold_accents(text: str) -> str:
    """Remove diacritics: "geïnformeerd" -> "geinformeerd", "één" -> "een"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _package_file(package: str, *parts: str) -> str:
    """Path of a file inside an installed package, without importing the package.

    Importing spaCy pulls in thinc and TensorFlow (seconds and ~500 MB per process); the
    normaliser needs only two data files that spaCy and spacy-lookups-data ship.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise NormalizerError(f"{package} is not installed")
    path = os.path.join(list(spec.submodule_search_locations)[0], *parts)
    if not os.path.exists(path):
        raise NormalizerError(f"{package} has no {'/'.join(parts)}")
    return path


def _load() -> None:
    global _lemma_table, _stop_words
    with _lock:
        if _lemma_table is not None:
            return
        # The same table spaCy's Dutch lookup lemmatiser uses (spacy.blank("nl") + lemmatizer
        # in lookup mode), read directly.
        with gzip.open(_package_file("spacy_lookups_data", "data", "nl_lemma_lookup.json.gz"), "rt",
                       encoding="utf-8") as handle:
            table = json.load(handle)
        stop_words_spec = importlib.util.spec_from_file_location(
            "_nl_stop_words", _package_file("spacy", "lang", "nl", "stop_words.py"))
        module = importlib.util.module_from_spec(stop_words_spec)
        stop_words_spec.loader.exec_module(module)  # a plain set literal, no spaCy import
        _stop_words = frozenset(fold_accents(w.lower()) for w in module.STOP_WORDS) | _EXTRA_STOP_WORDS
        _lemma_fixes.update(_read_lemma_fixes())
        _lemma_table = _TableView(table)  # type: ignore[assignment]


def _read_lemma_fixes() -> Dict[str, str]:
    """Where both lemma tables are wrong or split one verb ("lopen" -> "loop" but "liepen" ->
    "lopen"): the corrections kept as data, in the lexicon's `lemmas` section (word: lemma)."""
    from .lexicon import LEXICON_PATH, LexiconError, read_data_file  # (the lexicon normalises with this module)

    try:
        fixes = read_data_file(LEXICON_PATH, LexiconError).get("lemmas") or {}
    except LexiconError:
        return {}  # the lexicon's own loader reports a broken file
    return {str(word).lower(): str(fixed).lower() for word, fixed in fixes.items()}


class _TableView:
    """Read-only, memoising view on spaCy's lemma lookup table."""

    __slots__ = ("_table", "_cache")

    def __init__(self, table) -> None:
        self._table = table
        self._cache: Dict[str, str] = {}

    def get(self, word: str) -> str:
        cached = self._cache.get(word)
        if cached is None:
            cached = self._table.get(word, word)
            if not isinstance(cached, str) or not cached:
                cached = word
            if cached == word and not word.isdigit():
                # spaCy's table lacks most verb forms ("krijgt", "houdt"); simplemma's Dutch
                # dictionary (shipped in its wheel) has them.
                cached = _simplemma_lemma(word)
            if len(self._cache) < 200_000:
                self._cache[word] = cached
        return cached


def _simplemma_lemma(word: str) -> str:
    try:
        import simplemma
    except ImportError:  # optional: without it only the spaCy table is used
        return word
    found = simplemma.lemmatize(word, lang="nl")
    return found.lower().replace("_", "") if isinstance(found, str) and found else word


@functools.lru_cache(maxsize=8192)
def is_dutch_word(word: str) -> bool:
    """Is `word` in simplemma's Dutch dictionary? (A real word is no typo: "verdienen" is not
    "verdiepen".) False without simplemma."""
    try:
        import simplemma
    except ImportError:
        return False
    return simplemma.is_known(word, lang="nl")


def words(text: str) -> List[str]:
    """Plain word tokens of ``text`` (no normalisation); a school year is one word however it is
    written ("2022/23", "2022/2023", "2022-2023" -> "2022-2023"); a compound whose shared tail is
    left out is written whole ("les-, cursus- en collegegeld" -> "lesgeld cursusgeld collegegeld")."""
    return _WORD_RE.findall(expand_elided_compounds(join_school_years(text or "")))


def written_words(text: str) -> List[str]:
    """The word tokens of ``text`` as it is written, elided compounds left as they are ("les-")."""
    return _WORD_RE.findall(join_school_years(text or ""))


# A run of compounds' first parts whose shared tail only the last compound writes: "les-, cursus- en
# (wettelijk) collegegeld", "leer- en studievertragingen", "mbo- en ho-studenten". An adjective may
# stand before the last compound ("wettelijk"), never a word of its own run.
_ELIDED_RUN_RE = re.compile(
    r"(?<![\w-])((?:[^\W\d_]+-,?\s+)+)(en|of|en/of)\s+((?:[^\W\d_]+(?:lijk|ig|isch|baar|ele|aal)\s+)?)"
    r"([^\W\d_]+(?:-[^\W\d_]+)*)", re.UNICODE)
_ELIDED_PART_RE = re.compile(r"([^\W\d_]+)-", re.UNICODE)
MIN_ELIDED_TAIL = 3


def compound_tail(word: str) -> Optional[str]:
    """The shared tail of a compound: after its last hyphen ("ho-studenten" -> "studenten"), else its
    shortest ending that is a Dutch word after a part that is one too, a linking "s" allowed
    ("collegegeld" -> "geld", "eindexamenresultaten" -> "resultaten", "begeleidingslessen" ->
    "lessen"); None for a word that is no compound."""
    if "-" in word:
        return word.rsplit("-", 1)[1]
    lowered = word.lower()
    for cut in range(len(lowered) - MIN_ELIDED_TAIL, MIN_ELIDED_TAIL - 1, -1):
        head, tail = lowered[:cut], lowered[cut:]
        if is_dutch_word(tail) and (is_dutch_word(head) or (head.endswith("s") and is_dutch_word(head[:-1]))):
            return word[cut:]
    return None


def expand_elided_compounds(text: str) -> str:
    """``text`` with each elided compound of a run written whole: "les-, cursus- en wettelijk
    collegegeld" -> "lesgeld, cursusgeld en wettelijk collegegeld"."""
    if "-" not in text:
        return text

    def whole(match: "re.Match") -> str:
        # (not a name's words: "Basis- en Voortgezet Onderwijs" shares the word after it)
        tail = None if match.group(1)[0].isupper() else compound_tail(match.group(4))
        if tail is None:
            return match.group(0)
        joiner = "-" if "-" in match.group(4) else ""
        run = _ELIDED_PART_RE.sub(lambda part: part.group(1) + joiner + tail, match.group(1))
        return run + match.group(2) + " " + match.group(3) + match.group(4)

    return _ELIDED_RUN_RE.sub(whole, text)


def join_school_years(text: str) -> str:
    """"2022/23", "2022/2023", "2022 - 2023" -> "2022-2023": a school year written as one word."""
    return _SCHOOL_YEAR_RE.sub(_school_year, text)


# Two years in a row, the second perhaps short: one school year.
_SCHOOL_YEAR_RE = re.compile(r"(?<![\w/-])((?:19|20)\d\d)\s*[/-]\s*((?:19|20)?\d\d)(?![\w/-])")


def _school_year(match: "re.Match") -> str:
    first, second = int(match.group(1)), match.group(2)
    following = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return f"{first}-{following}" if following == first + 1 else match.group(0)


def lemma(word: str) -> str:
    """Normalised form of one word: lower case, lemma, accents folded."""
    if _lemma_table is None:
        _load()
    lower = word.lower().replace("’", "'")
    found = _lemma_fixes.get(lower) or _lemma_table.get(lower)  # type: ignore[union-attr]
    if found == lower and lower.endswith("'s") and len(lower) >= 4:
        # The plural of a word on a vowel or an abbreviation: "pabo's", "mbo's", "thema's".
        found = _lemma_table.get(lower[:-2])  # type: ignore[union-attr]
    if found == lower and len(lower) > 6:
        found = _separable_participle(lower) or found
    if found.endswith("ster") and lower.endswith("er") and not lower.endswith("ster"):
        # The tables give a man's agent noun the woman's form ("werkgever" -> "werkgeefster",
        # "onderzoeker" -> "onderzoekster") but its plural the man's ("werkgevers" -> "werkgever"):
        # the singular is its own lemma, so "een werkgever" finds "werkgevers".
        found = lower
    return fold_accents(found)


def _separable_participle(word: str) -> Optional[str]:
    """The lemma of a separable verb's participle the tables lack: "opgezet" is read as "opzetten",
    "aangevraagd" as "aanvragen" (the particle, then the participle of the verb itself)."""
    for particle in PARTICLES:
        if word.startswith(particle + "ge") and len(word) > len(particle) + 4:
            verb = _lemma_table.get(word[len(particle):])  # type: ignore[union-attr]
            if verb != word[len(particle):] and verb.endswith("en"):
                # (the tables read "gewogen" as "afwegen" already: no second "af")
                joined = verb if verb.startswith(particle) else particle + verb
                return _lemma_fixes.get(joined) or _lemma_table.get(joined)  # type: ignore[union-attr]
    return None


# Particles of separable verbs: "lopen kinderen achter" is "achterlopen", "in te halen" is "inhalen".
PARTICLES = frozenset({"achter", "tegenaan", "aan", "af", "bij", "door", "in", "mee", "mis", "na", "onder", "op",
                       "over", "samen", "tegen", "terug", "toe", "uit", "weg", "voor"})


def te_infinitives(tokens: List[str]) -> Dict[int, str]:
    """{index of the verb: the whole verb} for each "particle te verb" in `tokens` (lower case words
    in order): "om de vertraging *in te halen*" -> inhalen, "geld *aan te vragen*" -> aanvragen.
    The question and the documents are read alike, so either spelling finds the other."""
    found: Dict[int, str] = {}
    for k in range(len(tokens) - 2):
        if tokens[k] in PARTICLES and tokens[k + 1] == "te":
            joined = lemma(tokens[k] + tokens[k + 2])
            if is_dutch_word(joined):
                found[k + 2] = joined
    return found


def normalize_tokens(text: str) -> List[str]:
    """All normalised tokens of ``text`` in order (stop words kept)."""
    return [lemma(w) for w in words(text)]


def normalize(text: str) -> str:
    """Normalised text as one space-separated string (what the FTS index stores)."""
    return " ".join(normalize_tokens(text))


def is_stop_word(token: str) -> bool:
    """True for Dutch function words (token must already be normalised)."""
    if _stop_words is None:
        _load()
    return token in _stop_words  # type: ignore[operator]


def query_terms(text: str, limit: int = 32) -> List[str]:
    """Distinct normalised content tokens of a user question, in order, at most ``limit``.

    Stop words and one-letter tokens are dropped.
    """
    tokens = normalize_tokens(text[:5000] if text else "")
    seen: List[str] = []
    for tok in tokens:
        if len(tok) < 2 or is_stop_word(tok) or tok in seen:
            continue
        seen.append(tok)
        if len(seen) >= limit:
            break
    return seen
