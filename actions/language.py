"""Which language a conversation is in: Dutch (the default) or English.

Each message is classified with lingua-language-detector (its models ship in the wheel),
restricted to Dutch and English. A message switches the conversation's language only when the detector is sure of it;
short or mixed messages ("ok", "mbo", "thanks!", "Utrecht") keep the language the conversation
has. The documents' own terms ("arbeidsmarkttoelage", "keuzelijst", "coaching") are left out before
detection: people write them in questions of either language. The thresholds were chosen on `tests/data/language_messages.yml` (see README, "English",
and `python -m bot.measure.language_eval`).
"""
from __future__ import annotations

import functools
import re
from typing import FrozenSet, List, Optional, Tuple

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
# The detector's probability (of the two languages) a message needs to change the language.
MIN_PROBABILITY = 0.8
# A conversation's first message has no language to keep: the likelier one wins sooner.
MIN_PROBABILITY_FIRST = 0.7
# A one-word message is rarely enough to tell ("Utrecht" reads as Dutch at 0.994): it never switches.
MIN_WORDS = 2
_WORD_RE = re.compile(r"[^\W\d_]+", re.UNICODE)
# Characters of code, markup or queries ("SELECT * FROM users;", "<script>"), not of a chat message:
# such a message says nothing about the user's language.
# (A semicolon between clauses, "… at a Dutch uni; do I get …", is a writer's, not code's.)
_CODE_RE = re.compile(r"[=*{}<>\[\]|\\`]|--|;(?!\s+[^\W\d_])")
# English contractions as words ("I'm" -> "I am"); Dutch "'s" (thema's) is left alone.
_CONTRACTIONS = {"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "n't": "not"}
_CONTRACTION_RE = re.compile(r"('m|'re|'ve|'ll|n't)\b", re.IGNORECASE)


# Function words only one of the two languages has: a second opinion when the detector is unsure
# ("is collegegeld halved this year?? im an international student at a uni in utrecht": the
# documents' terms, names and chat spelling leave it too few words to be sure). Words both
# languages have ("in", "is", "was", "we", "me", "over", "of", "door") are in neither list.
_FUNCTION_WORDS = {
    "en": frozenset("the a an this that these those my your our their its it he she they i you am are "
                    "does do did have has will would can could should at to for from with about and or not "
                    "what which who when where why how there".split()),
    "nl": frozenset("de het een dit deze die mijn je jouw jij ons onze hun ik u uw zijn ben wordt worden "
                    "heb hebt hebben kan kun kunnen mag mogen moet moeten bij naar voor van met om te aan en "
                    "niet geen wat welke wie wanneer waar waarom hoe hoeveel er ook nog wel dat dan maar als toch".split()),
}
# How many of one language's function words, with none of the other's, decide a message; where the
# detector leans the same way at all (LEANING), two do: "wat betekent dat precies?" is left "wat dat
# precies" once the documents' own words are set aside (detector: Dutch, 0.66); "wat is de
# menukaart?" is left "wat is de" (Dutch, 0.55).
MIN_FUNCTION_WORDS = 3
MIN_FUNCTION_WORDS_LEANING = 2
LEANING = 0.5


def function_word_language(words: List[str], leaning: Optional[str] = None) -> Optional[str]:
    """The language whose function words the message uses, when it uses no other's."""
    counts = {language: sum(w.lower() in vocabulary for w in words) for language, vocabulary in _FUNCTION_WORDS.items()}
    for language, other in (("en", "nl"), ("nl", "en")):
        needed = MIN_FUNCTION_WORDS_LEANING if language == leaning else MIN_FUNCTION_WORDS
        if counts[language] >= needed and counts[other] == 0:
            return language
    return None


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


def _vocabulary() -> FrozenSet[str]:
    """The knowledge base's words and the Dutch terms of the lexicon and glossary ("lesgeld",
    "ov-chipkaart": the documents write "les-, cursus- en collegegeld", but people type the term in
    English questions too). Only the lexicon's and glossary's when the KB cannot be read; a rebuilt
    KB brings its own words."""
    from knowledge.wordparts import kb_vocabulary

    return _with_dutch_terms(kb_vocabulary())


@functools.lru_cache(maxsize=2)
def _with_dutch_terms(vocabulary: FrozenSet[str]) -> FrozenSet[str]:
    from knowledge.english import dutch_terms

    return vocabulary | dutch_terms()


_HYPHENATED_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+", re.UNICODE)


def _is_hyphenated_term(word: str, vocabulary: FrozenSet[str]) -> bool:
    from knowledge.english import is_document_term
    from knowledge.normalize import lemma

    word = word.lower()
    return word in vocabulary or lemma(word) in vocabulary or is_document_term(word.replace("-", ""), vocabulary)


def language_words(text: str, first: bool = False) -> List[str]:
    """The words that tell the language: the message's words without the documents' own terms and
    without names (a capitalised word after the first: "Utrecht", "Rijksmuseum") and acronyms
    ("NPO", "SELECT"). A message of little
    else ("thema 3 acties", "student check") keeps the conversation's language; only a first message
    is then read whole ("hoeveel geld krijgen scholen" is Dutch all the same)."""
    from knowledge.english import chat_spelled, english_spelling, is_document_term

    vocabulary = _vocabulary()
    # ("whats the npo", "hows it going": English chat spelling is English words; "u" is Dutch too)
    text = chat_spelled(text or "", _dutch_chat_spellings())
    text = _CONTRACTION_RE.sub(lambda m: " " + _CONTRACTIONS[m.group(1).lower()], text.replace("’", "'"))
    # A hyphenated term is one term ("zij-instromer", "ov-chipkaart"): its parts are not words of
    # their own ("zij" is Dutch for "she").
    text = _HYPHENATED_RE.sub(lambda m: " " if _is_hyphenated_term(m.group(0), vocabulary) else m.group(0), text)
    words = _WORD_RE.findall(text)
    if any(w.islower() or w.istitle() for w in words):
        # Upper-case words are acronyms and names ("NPO", "NCO", "SBB") or keywords ("SELECT"):
        # no evidence of a language, unless the whole message is in capitals.
        words = [w for w in words if not (len(w) > 1 and w.isupper())]
    kept = [w for i, w in enumerate(words)
            if not is_document_term(w, vocabulary) and not (i > 0 and len(w) > 1 and w[0].isupper())]
    # A typo of an English glossary word is that word ("is tuiton halfed this yr?": "tuiton" is no
    # word of either language, and left as typed it leaves the detector unsure).
    kept = [english_spelling(w) for w in kept]
    return words if first and len(kept) < MIN_WORDS else kept


@functools.lru_cache(maxsize=1)
def _dutch_chat_spellings() -> FrozenSet[str]:
    """The glossary's chat spellings that are Dutch words as well ("u"): no evidence of English."""
    import simplemma
    from knowledge.english import load_glossary

    return frozenset(w for w, _ in load_glossary().chat_spellings
                     if w in _FUNCTION_WORDS["nl"] or simplemma.is_known(w, lang="nl"))


def _is_word(word: str) -> bool:
    """Is `word` a word of Dutch or English at all (a function word, or one simplemma's dictionary
    of either language knows)? Keyboard mashing ("asdfgh qwerty 12345 !!!") is letters, not words:
    lingua still calls it a language, but it says nothing about the user's."""
    import simplemma

    word = word.lower()
    return any(word in vocabulary for vocabulary in _FUNCTION_WORDS.values()) \
        or any(simplemma.is_known(word, lang=language) for language in LANGUAGES) \
        or word in _domain_words()


@functools.lru_cache(maxsize=1)
def _domain_words() -> FrozenSet[str]:
    """The programme's own terms, words in either language ("mbo please" is two words)."""
    from knowledge.lexicon import load_lexicon

    lexicon = load_lexicon()
    return frozenset(lexicon.sector_words) | frozenset(lexicon.programme_names)


def detect(text: str, min_probability: float = MIN_PROBABILITY, first: bool = False) -> Optional[str]:
    """"nl" or "en" when the message clearly is in that language, else None (keep the current one).
    `first`: the conversation's first message (nothing to keep). Code or markup ("SELECT * FROM
    users;") and messages without two words of letters ("????") or without two words either
    language knows ("asdfgh qwerty 12345 !!!") never decide."""
    if _CODE_RE.search(text or ""):
        return None
    words = language_words(text, first)
    # (a word said twice is one word of evidence: "hallo hallo" reads as English at 0.80)
    distinct = {w.lower() for w in words}
    if len(distinct) < MIN_WORDS or sum(map(_is_word, distinct)) < MIN_WORDS:
        return None
    language, probability = classify(" ".join(words))
    if probability >= min_probability:
        return language
    return function_word_language(words, language if probability >= LEANING else None)


def one_word_language(text: str) -> Optional[str]:
    """The language of a one-word message whose word only that language's dictionary (simplemma)
    knows: "hello", "thanks", "morning" are English, "hoi", "bedankt", "goedemorgen" Dutch; "hi",
    "ok", "help" or "mbo" are either or neither (None). The detector cannot tell one word ("hallo"
    reads as English at 0.80), so this is asked only of a conversation's first message, which has
    no language to keep: an English greeting is then greeted in English."""
    words = {w.lower() for w in _WORD_RE.findall(text or "")}   # ("hello hello!" is one word)
    if len(words) != 1 or _CODE_RE.search(text or ""):
        return None
    import simplemma

    word = words.pop()
    known = [language for language in LANGUAGES if simplemma.is_known(word, lang=language)]
    return known[0] if len(known) == 1 else None


# "in het Nederlands graag", "do you speak English?", "kun je in het Engels antwoorden?": a message
# of only a language's name and words of asking. A question that names a language among other
# words ("krijgen scholen geld voor Engels?") is a question, not a request.
_LANGUAGE_NAMES = {"nederlands": "nl", "dutch": "nl", "engels": "en", "english": "en"}
_REQUEST_WORDS = frozenset(
    "in het de graag alsjeblieft aub please pls kun kan kunt je jij u jullie you can could would do does "
    "speak spreek spreekt praat praten talk answer antwoord antwoorden reply write schrijf schrijven ok oke oké "
    "en and ook also switch to naar wissel ja yes liever rather i ik want wil prefer verder continue now nu "
    "dan then me mij with met bot".split())


def requested_language(text: str) -> Optional[str]:
    """The language the message asks the bot to speak, or None."""
    words = [w.lower() for w in _WORD_RE.findall(text or "")]
    named = {_LANGUAGE_NAMES[w] for w in words if w in _LANGUAGE_NAMES}
    if len(named) != 1 or any(w not in _REQUEST_WORDS and w not in _LANGUAGE_NAMES for w in words):
        return None
    return named.pop()


def conversation_language(text: str, current: Optional[str]) -> str:
    """The conversation's language after this message: the message's own when it is clear,
    otherwise the one it had (Dutch for a new conversation)."""
    if (text or "").startswith("/"):
        return current if current in LANGUAGES else DEFAULT  # a button's payload, not words
    requested = requested_language(text)
    if requested:
        return requested
    if current not in LANGUAGES:
        return detect(text, MIN_PROBABILITY_FIRST, first=True) or one_word_language(text) or DEFAULT
    return detect(text) or current
