"""English questions on the Dutch knowledge base: the glossary (``glossary.yml``) and the step that
turns an English question into the Dutch side's :class:`~knowledge.question.Question`.

An English question is read as English lemmas (simplemma), its words and phrases are replaced by
the Dutch words of the glossary (longest phrase first), English stop words are dropped and other
words are kept as typed: names, numbers and Dutch words ("mbo", "collegegeld") match the documents,
and an English word the glossary lacks counts as missing, so the reply says the documents do not
name it rather than answering a smaller question (dropping such words was measured: more right
answers, but far more wrong ones; README, "English"). The Dutch text that results
goes through the same :func:`knowledge.question.analyse` as a Dutch question, so the engine ranks
the same Dutch units. The concepts keep the user's English words (for "the documents do not say
anything about ‘…’"), and the kind of answer asked for is read from the English wording first.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Pattern, Tuple


from .lexicon import load_lexicon, read_data_file
from .normalize import is_dutch_word, is_stop_word, join_school_years
from .question import MAX_PHRASE, PERSON_WORDS, Question, analyse, without_help_request, yes_no_opposites
from .wordparts import closed_compound, kb_vocabulary

GLOSSARY_PATH = Path(__file__).resolve().parent / "glossary.yml"
_TOKEN_RE = re.compile(r"[a-z0-9€%]+(?:[-'][a-z0-9]+)*")
_CONTRACTIONS = ((re.compile(r"n't\b"), " not"), (re.compile(r"'(m|re|ve|ll|d)\b"), ""), (re.compile(r"'s\b"), ""))
_QUESTION_START_RE = re.compile(
    r"^\s*(?:(?:and|but|so|ok|okay|hi|hello|hey)[\s,!]+)*(what|who|when|where|why|how|which|whom|whose|is|are|am|"
    r"do|does|did|can|could|may|might|must|should|will|would|have|has|tell|explain|list|give|show)\b", re.I)


# Words after which a question word that is also a term ("list") is still a command: "pls list", "can you list"
_BEFORE_COMMAND = frozenset({"please", "pls", "plz", "you", "u", "and", "also", "just", "then", "now", "ok", "okay",
                             "so", "hi", "hello", "hey"})


class GlossaryError(RuntimeError):
    """glossary.yml is missing or malformed."""


Phrase = Tuple[str, ...]


@dataclass(frozen=True)
class Glossary:
    phrases: Dict[Phrase, str]                       # English lemmas -> Dutch text ("" drops them)
    exact: Dict[Phrase, str]                         # the same, by the words as written: they win
    answer_types: Tuple[Tuple[str, Pattern], ...]
    stop_words: FrozenSet[str]
    words: FrozenSet[str] = frozenset()              # every lemma of a term or question word
    asking: FrozenSet[Phrase] = frozenset()          # question words of two or more words ("which month")
    singles: Tuple[str, ...] = ()                    # one-word entries, for typos ("tution")
    # "extend: verlengen | uitbreiden": the Dutch words after the first that also match it
    others: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()
    # a question word that is also a term ("list": noem | lijst): the term where it is no command
    shadowed: Tuple[Tuple[Phrase, str], ...] = ()
    # chat spelling -> the word(s) written out ("whats": "what is", "yr": "year")
    chat_spellings: Tuple[Tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Translation:
    dutch: str                       # the question in the Dutch words the analysis reads
    surfaces: Dict[str, str]         # Dutch word -> the English words it stands for
    answer_type: Optional[str]
    is_question: bool
    others: Tuple[Tuple[str, Tuple[str, ...]], ...] = ()   # Dutch word -> the entry's other Dutch words


@functools.lru_cache(maxsize=1)
def _sector_words() -> FrozenSet[str]:
    from .lexicon import load_lexicon

    return frozenset(load_lexicon().sector_words)


@functools.lru_cache(maxsize=65536)
def english_lemma(word: str) -> str:
    # The sectors' Dutch names are no English words to lemmatize ("wo" is not "will").
    if not word.isalpha() or word in _sector_words():
        return word
    if word in _IRREGULAR_LEMMAS:
        return _IRREGULAR_LEMMAS[word]
    import simplemma

    return simplemma.lemmatize(word, lang="en").lower()


# Forms simplemma reads wrongly ("gone" -> "gan", "rose" -> "rose"): "has the shortage gone down?",
# "the number rose" are "go down" and "rise".
_IRREGULAR_LEMMAS = {"gone": "go", "rose": "rise"}


def english_words(text: str) -> List[str]:
    """Lower-case words of an English text, contractions and possessives removed."""
    text = join_school_years((text or "").lower().replace("’", "'"))
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return _TOKEN_RE.findall(text)


def _lemmas(entry: str) -> Phrase:
    return tuple(english_lemma(w) for w in english_words(str(entry)))


@functools.lru_cache(maxsize=4)
def load_glossary(path: Optional[str] = None) -> Glossary:
    source = Path(path) if path else GLOSSARY_PATH
    data = read_data_file(source, GlossaryError)
    phrases: Dict[Phrase, str] = {}
    exact: Dict[Phrase, str] = {}
    others: Dict[str, Tuple[str, ...]] = {}
    asking = set()
    terms: Dict[Phrase, str] = {}
    shadowed: Dict[Phrase, str] = {}
    # Question words win over terms spelled the same ("list", "which").
    for section in ("terms", "question_words"):
        table = data.get(section)
        if not isinstance(table, dict):
            raise GlossaryError(f"{source.name}: '{section}' must be a mapping of English to Dutch")
        for english, dutch in table.items():
            key = _lemmas(english)
            if not key or len(key) > MAX_PHRASE:
                raise GlossaryError(f"{source.name}: '{english}' must be one to {MAX_PHRASE} words")
            # ("extend: verlengen | uitbreiden": one English word, two of the documents' words)
            first, *rest = [part.strip() for part in str(dutch or "").split("|")]
            if section == "terms":
                terms[key] = first
            elif key in terms:
                shadowed[key] = terms[key]
            phrases[key] = exact[tuple(english_words(str(english)))] = first
            if rest:
                others[first] = tuple(rest)
            if section == "question_words" and len(key) > 1:
                asking.add(key)
    try:
        answer_types = tuple((str(kind), re.compile(pattern, re.I))
                             for kind, patterns in (data.get("answer_types") or {}).items() for pattern in patterns)
    except re.error as exc:
        raise GlossaryError(f"{source.name}: answer_types: {exc}") from None
    stop_words = frozenset(english_lemma(w) for entry in data.get("stop_words") or [] for w in english_words(str(entry)))
    words = frozenset(w for key in phrases for w in key)
    singles = tuple(sorted(key[0] for key in phrases if len(key) == 1 and len(key[0]) >= TYPO_MIN))
    chat = data.get("chat_spellings") or {}
    if not isinstance(chat, dict) or not all(re.fullmatch(r"[a-z]+", str(k)) and v for k, v in chat.items()):
        raise GlossaryError(f"{source.name}: 'chat_spellings' must map one lower-case word to its written-out words")
    return Glossary(phrases, exact, answer_types, stop_words, words, frozenset(asking), singles,
                    tuple(sorted(others.items())), tuple(sorted(shadowed.items())),
                    tuple(sorted((str(k), str(v)) for k, v in chat.items())))


@functools.lru_cache(maxsize=8)
def _chat_spellings(keep: FrozenSet[str]) -> Tuple[Dict[str, str], Optional[Pattern]]:
    """The glossary's chat spellings but those in `keep`, and the pattern that finds them (built once
    per `keep`, not per message)."""
    spellings = {w: full for w, full in load_glossary().chat_spellings if w not in keep}
    pattern = re.compile(r"(?<!['’-])\b(" + "|".join(map(re.escape, sorted(spellings))) + r")\b(?!['’-])", re.I) \
        if spellings else None
    return spellings, pattern


def chat_spelled(text: str, keep: FrozenSet[str] = frozenset()) -> str:
    """`text` with the glossary's chat spellings written out ("whats the npo" -> "what is the npo",
    "next yr" -> "next year"), except the words in `keep`."""
    spellings, pattern = _chat_spellings(keep)
    return pattern.sub(lambda m: spellings[m.group(1).lower()], text or "") if pattern else (text or "")


# Endings simplemma leaves on some words ("travelling", "cancelled", "refunded", "payments",
# "bigger", "financially"): each is tried off, with a final "e" put back or a doubled consonant undone, and only a
# base form the glossary has is taken. British and American spellings count as one
# ("organisation"/"organization", "labour"/"labor", "counselling"/"counseling").
_ENDINGS = (("ies", ("y",)), ("ied", ("y",)), ("ier", ("y",)), ("iest", ("y",)), ("ing", ("", "e")),
            ("ed", ("", "e")), ("est", ("", "e")), ("er", ("", "e")), ("es", ("",)), ("s", ("",)),
            ("ily", ("y",)), ("ly", ("", "e")))
_SPELLINGS = (("isation", "ization"), ("ization", "isation"), ("ise", "ize"), ("ize", "ise"),
              ("our", "or"), ("or", "our"), ("ll", "l"), ("l", "ll"))
MIN_BASE = 3


# A comparative's or an adverb's ending is often part of another word ("offer", "under", "only"):
# cut off, it may only reach a content word of the glossary, never a stop word.
_COMPARATIVES = ("er", "est", "ier", "iest", "ily", "ly")


def _base_forms(word: str):
    """Possible base forms of an English word, the word itself first, each with whether it was
    reached by cutting off a comparative's ending."""
    yield word, False
    for ending, replacements in _ENDINGS:
        if not word.endswith(ending) or (ending == "s" and word.endswith(("ss", "us", "is"))):
            continue
        stem, comparative = word[: -len(ending)], ending in _COMPARATIVES
        for replacement in replacements:
            if len(stem + replacement) >= MIN_BASE:
                yield stem + replacement, comparative
        if len(stem) > MIN_BASE and stem[-1] == stem[-2] and stem[-1] not in "aeiouyls":
            yield stem[:-1], comparative  # "bigger", "running"
        if ending in ("ed", "ing", "er") and stem.endswith("ll"):
            yield stem[:-1], comparative  # "cancelled", "travelling" (British)


def _spellings(word: str):
    yield word
    for old, new in _SPELLINGS:
        if old in word:
            yield word.replace(old, new)


def glossary_lemma(surface: str, glossary: Glossary) -> str:
    """The lemma of a word as the glossary knows it: simplemma's, else a base form of the word the
    glossary has or a stop word ("finding" is "find"; "offer" is not "off")."""
    base = english_lemma(surface)
    if base in glossary.words or base in glossary.stop_words or surface in glossary.words or not surface.isalpha():
        return base
    for form, comparative in _base_forms(surface):
        for spelling in _spellings(form):
            if spelling in glossary.words and spelling not in glossary.stop_words:
                return spelling
            if spelling in glossary.stop_words and not comparative and spelling != surface:
                return spelling
    return _typo_fix(surface, glossary) or base


# A word of at least this many letters that is neither English nor Dutch (simplemma's word lists)
# is read as a typo of the one-word entry closest to it ("tution" -> "tuition", "recieve" ->
# "receive"); Dutch words ("collegegeld") and the documents' terms are never changed here.
TYPO_MIN = 5
TYPO_CUTOFF = 0.85


def _typo_fix(surface: str, glossary: Glossary) -> Optional[str]:
    if len(surface) < TYPO_MIN or not surface.isalpha():
        return None
    import difflib
    import simplemma

    if simplemma.is_known(surface, lang="en") or is_dutch_word(surface) or surface in _dutch_words():
        return None
    # a typo changes the length by a letter or two, and rarely the first letter
    candidates = [w for w in glossary.singles if abs(len(w) - len(surface)) <= 2 and w[0] == surface[0]]
    close = difflib.get_close_matches(surface, candidates, n=1, cutoff=TYPO_CUTOFF)
    return close[0] if close else None


@functools.lru_cache(maxsize=1)
def dutch_terms() -> FrozenSet[str]:
    """The lexicon's single-word terms ("lesgeld", "ov-chipkaart", "stufi") and sector words: the
    programme's vocabulary beyond the documents' own words (not the glossary's Dutch, which holds
    everyday verbs, nor the words of the lexicon's phrases: "langer studeren")."""
    from .lexicon import load_lexicon

    lexicon = load_lexicon()
    return frozenset(lexicon.groups) | frozenset(lexicon.sector_words)


def english_spelling(word: str) -> str:
    """The English glossary word a typo stands for ("tuiton" -> "tuition"), else the word as typed."""
    return _typo_fix(word.lower(), load_glossary()) or word


@functools.lru_cache(maxsize=1)
def _dutch_words() -> FrozenSet[str]:
    """Words the Dutch side knows: the lexicon's and the glossary's Dutch ("reisrecht", "mbo")."""
    from .lexicon import load_lexicon

    lexicon = load_lexicon()
    words = set(lexicon.groups) | set(lexicon.sector_words)
    words.update(w for phrase in lexicon.phrases for w in phrase)
    words.update(w for dutch in load_glossary().phrases.values() for w in dutch.split())
    return frozenset(words)


def english_answer_type(text: str, glossary: Optional[Glossary] = None) -> Optional[str]:
    glossary = glossary or load_glossary()
    # ("what's the unemployment rate?", "whats …" ask as "what is the … rate?" does)
    lowered = _WH_IS_RE.sub(r"\1 is", (text or "").lower().replace("’", "'"))
    if _DEADLINE_CHANGED_EN_RE.search(lowered) and not _ASKS_WHEN_EN_RE.search(lowered):
        # ("did NWO adjust the deadline?", "was the deadline extended?": whether it changed, not a date)
        lowered = re.sub(r"\bdeadlines?\b", " ", lowered)
    return next((kind for kind, pattern in glossary.answer_types if pattern.search(lowered)), None)


_CHANGING = r"(?:adjust|extend|change|move|postpone|shift|relax|push)(?:s|ed|ing)?"
_DEADLINE_CHANGED_EN_RE = re.compile(rf"\bdeadlines?\b[^?]*\b{_CHANGING}\b|\b{_CHANGING}\b[^?]*\bdeadlines?\b")
_ASKS_WHEN_EN_RE = re.compile(r"\b(?:when|how long|what date|which date|until|till|by how)\b")


# ("whats the budget?" typed without the apostrophe asks the same)
_WH_IS_RE = re.compile(r"\b(what|who|when|where|how)'?s\b")


# (with the Dutch ones people mix in or type for the English: "school scan wat is that")
_QUESTION_WORDS = frozenset({"what", "who", "when", "where", "why", "how", "which", "whom", "whose",
                             "wat", "hoe", "hoeveel", "wanneer", "waarom", "welke", "welk", "wie"})


# "students who lose their grant", "what happens when it stops": after a word that is not a
# preposition, conjunction or auxiliary, these join a clause and ask nothing.
_RELATIVE = frozenset({"who", "whom", "whose", "which", "where", "when"})
_CONDITIONAL_WHEN_RE = re.compile(
    r"(?:^|[,;:?!.(]\s*)(?:(?:and|but|so|ok|okay|then|also)\s+)*(when)\b(?=[^?]*,\s*(?:what|which|who|how|why|where|"
    r"do|does|did|can|could|is|are|was|were|will|would|should)\b)", re.I)
_BEFORE_A_QUESTION_WORD = frozenset(
    "in on at for from by to of about with until till since after before during and or but so then also "
    "is are was were do does did can could will would should may might must know tell ask me us".split())


def _relative_pronouns(text: str, count: int) -> FrozenSet[int]:
    """Positions (in english_words(text), `count` words) of relative pronouns: not at a clause's
    start and not after a preposition, conjunction or auxiliary ("in which year", "and when")."""
    found, position = set(), 0
    for clause in re.split(r"[,;:.?!()]+", text or ""):
        words = english_words(clause)
        for j, word in enumerate(words):
            if j and word in _RELATIVE and words[j - 1] not in _BEFORE_A_QUESTION_WORD:
                found.add(position + j)
        position += len(words)
    # "When schools hire agencies, what is it for?": a clause that opens with "when" before the
    # question proper sets a case and asks no date.
    for match in _CONDITIONAL_WHEN_RE.finditer(text or ""):
        found.add(len(english_words(text[:match.start(1)])))
    # Punctuation inside a word ("e.g.", "1.5") splits it differently: then nothing is dropped.
    return frozenset(found) if position == count else frozenset()


# "How much does a school get?", "what does a travel product cost?", "the salary of a teacher":
# an amount asked for one of something asks for a rate, as the Dutch "hoeveel krijgt een school?"
# does ("per school"): the total for all schools does not answer it. English puts the article after
# an auxiliary or after "of"/"for" and an amount noun, where the Dutch rule (a receiving verb
# before "een") cannot see it, so the article is read as "per" here.
_ONE = frozenset({"a", "an", "one", "1"})  # ("how much does 1 student get")
_AUXILIARIES = frozenset("do does did will would can could should is are was were".split())
_AMOUNT_NOUNS = frozenset("salary salaries wage wages pay price cost costs fee fees budget amount".split())


def _rate_articles(surfaces: List[str], answer_type: Optional[str]) -> FrozenSet[int]:
    """Positions of "a"/"an"/"one" that name the one thing an amount question is asked for."""
    if answer_type != "amount" or any(w in ("per", "each", "every") for w in surfaces):
        return frozenset()  # (the question names its rate: "how much does a school get per pupil")
    return frozenset(
        i for i, word in enumerate(surfaces)
        if word in _ONE and 0 < i < len(surfaces) - 1 and not surfaces[i + 1].isdigit()
        and surfaces[i + 1] != "single"  # ("a single school": the glossary's 'elke' makes the rate)
        and (surfaces[i - 1] in _AUXILIARIES
             or (i > 1 and surfaces[i - 1] in ("of", "for") and surfaces[i - 2] in _AMOUNT_NOUNS)))


# "I'm a master student from Germany at UvA, do I also pay half?", "I study medicine in Leiden,
# how long …": a first clause in which the asker says who they are, before the question. Its
# names of places and schools are no topic the documents fail to name; its words the Dutch side
# knows ("master", "hogeschool", "mbo") still count.
_I_AM = r"(?:i'm|i\s+am|im)\s+(?:a|an|the|one\s+of|from|currently|studying|enrolled|doing|working|teaching)\b"
_SELF_DESCRIPTION_RE = re.compile(
    r"^\s*(?:(?:hi|hello|hey|dear \w+|good (?:morning|afternoon|evening))(?: there)?[\s,!.]+)?"
    r"(?:" + _I_AM +
    r"|i\s+(?:study|work|teach|live|studied|worked|taught|lived)\b|my\s+name\s+is\b"
    # ("As a teacher in special education I wonder, what …", "as a parent, how …": the asker's role)
    r"|as\s+an?\s+(?!(?:result|rule|whole|matter|consequence|example|reminder|start|first|follow)\b)"
    # (a parent: "My daughter is in group 6. How big is the delay …?")
    r"|my\s+(?:son|daughter|child|kid|boy|girl|children|kids)\s+(?:is|are|goes|go|attends|attend|started)\b)"
    r"[^?.;:!,]*[,.;:!]\s*", re.I)


_SECTOR_PEOPLE = frozenset({"leerling", "leerlingen", "scholier", "scholieren", "kind", "kinderen"})
_SELF_VERBS = frozenset("study studying work working teach teaching live living enrolled".split())


# The same description after the question: "…? I'm an exchange student at a uni in Utrecht".
_SELF_DESCRIPTION_AFTER_RE = re.compile(
    r"[?!.]\s*(" + _I_AM +
    r"[^?]*)$", re.I)


_ALSO_RE = re.compile(r"\b(also|too|as well)\b", re.I)
# A place the asker says they study, live or work in ("I studied in Belgium"); not where they come
# from nor the school they are at ("from Germany at UvA": a student in the Netherlands all the same).
_PLACE_RE = re.compile(r"\bin\s+([a-z][a-z'-]{2,})\b")
_PEOPLE_IN_RE = re.compile(r"\b(students?|pupils?|children|kids|teachers?|researchers?|schools?|universities)\s+(?:in|from)\s+"
                           r"(?:the\s+)?([a-z][a-z'-]{2,})\b")
_INSTITUTION_RE = re.compile(r"(?:school|universiteit|instelling|opleiding)$")


def self_description(text: str) -> Tuple[str, str]:
    """(the clause in which the asker describes themselves, the rest) when the rest is a question;
    else ("", text)."""
    found = _SELF_DESCRIPTION_RE.match((text or "").replace("’", "'"))
    rest = text[found.end():] if found else ""
    after = _SELF_DESCRIPTION_AFTER_RE.search((text or "").replace("’", "'")) if not found else None
    if after and after.start() > 0 and "?" in text[:after.start(1)]:
        # ("is collegegeld halved this year?? im an international student at a uni in utrecht")
        return text[after.start(1):], text[:after.start(1)].rstrip()
    if not found or not rest.strip() or not ("?" in rest or _QUESTION_START_RE.match(rest)):
        return "", text
    return text[:found.end()], rest


# "Is it true that tuition is free?", "I heard the institutions were compensated, is that right?",
# "I read that ... correct?": the asker checks a claim. The frame says nothing about what is asked,
# and its words do harm when translated ("right" is 'recht', "complete" 'afronden', "told" 'vertel'):
# the claim is the question. (A bare tag needs a comma before it: "the travel right?" is a term.)
_CHECK_OPENING_RE = re.compile(
    r"^\s*(?:(?:hi|hello|hey|so|ok|okay|and|but)[\s,!.]+)*"
    r"(?:(?:is|isn't)\s+it\s+(?:really\s+)?(?:true|correct|right|the\s+case)|am\s+i\s+(?:right|correct)(?:\s+in\s+thinking)?"
    r"|(?:can|could)\s+you\s+(?:please\s+)?confirm|please\s+confirm|true\s+or\s+false"
    r"|i\s+(?:have\s+|'ve\s+|just\s+)?(?:heard|read)|i\s+was\s+told|(?:someone|somebody|people|a\s+friend|my\s+\w+)\s+(?:told\s+me|said|says))"
    r"\s*(?:that\b|:)?[\s,]*", re.I)
_CHECK_TAG_RE = re.compile(
    r"(?:[\s,.;:!-]*\b(?:is|isn't)\s+(?:that|this|it)\s+(?:really\s+)?(?:true|correct|right|so)|[\s,.;:!-]*\bam\s+i\s+right"
    r"|\s*[,.;:!-]\s*(?:right|correct|true|isn't\s+it|yes\s+or\s+no))\s*[?!.]*\s*$", re.I)


# A yes/no question opens with its auxiliary ("is the menukaart going away?", "will it disappear?").
_YES_NO_EN_RE = re.compile(r"^\W*(?:(?:and|but|so|ok|okay)[\s,]+)?(?:is|are|was|were|will|would|does|do|did|has|have|had|"
                           r"can|could|should)\b", re.I)
_SET_ASIDE_EN_RE = re.compile(r"\b(?:besides|beside|apart from|in addition to|other than|except for|except)\s+"
                              r"(?=(?:the\s+)?(?:€|eur|euro)?\s*\d)", re.I)
# "what problem is the NPO supposed to fix?", "which issues is it meant to tackle?", "what is it meant to
# solve?": the problem a thing is meant to solve is what it is for, as the Dutch "waarvoor is het npo
# bedoeld?" (the documents name the delays it is for, not a "probleem" it "oplost")
_SOLVING = r"(?:fix|solve|tackle|address|resolve)(?:es|s|ed|ing)?"
_PURPOSE_EN_RE = re.compile(
    rf"\b(?:what|which)\s+(?:problems?|issues?)\s+(?:is|are|was|were|does|do|did|should|must|will|would)\s+(.+?)\s+"
    rf"(?:(?:supposed|meant|intended|designed|trying|going)\s+)?(?:to\s+)?{_SOLVING}\b"
    rf"|\b(?:supposed|meant|intended|designed)\s+to\s+{_SOLVING}\b", re.I)
# "the figures on researchers are still missing": figures said to be missing a few words later are the
# letter's "ontbreken de cijfers" (a glossary phrase, "missing figures"); "figure" alone asks nothing
_MISSING_FIGURES_RE = re.compile(r"\b(figures|numbers|statistics|stats)\b((?:\s+[\w'-]+){0,4}?)\s+(?:still\s+)?"
                                 r"(?:missing|lacking|unavailable|not available)\b", re.I)


# "when will DUO transfer the tuition discount?", "when do they transfer my compensation": money
# transferred is paid out (the glossary's "transfer" is the move from po to vo, 'overstap')
_TRANSFER_MONEY_RE = re.compile(
    r"\btransfer(?:s|red|ring)?\b(?=(?:\s+[\w'-]+){0,3}?\s+(?:money|compensation|discount|grant|refund|amount|"
    r"tegemoetkoming|korting|payment|it|them)\b)", re.I)


def _as_purpose(match: "re.Match") -> str:
    return f"what is {match.group(1)} meant for" if match.group(1) else "meant for"


# The Dutch words that make the Dutch side read a question as a premise checked (question.checks_premise).
PREMISE_DUTCH = "klopt het dat"


def claim_checked(text: str) -> str:
    """The claim an asker checks, as a question ("Is it true that X?" -> "X?"), or the text."""
    text = text or ""
    claim = _CHECK_TAG_RE.sub("", _CHECK_OPENING_RE.sub("", text.replace("’", "'"), count=1)).strip()
    if claim == text.replace("’", "'").strip() or len(claim.split()) < 2:
        return text
    return claim.rstrip(" ?.!") + "?"


# "what can a uni do for students' wellbeing?", "what is being done about …", "what are unis doing
# to …": what is done, an action of the annex, as "wat kan een universiteit doen voor …" asks in Dutch
# (the English auxiliaries and "do" are stop words, so the Dutch side would not see the question).
_MEASURE_RE = re.compile(r"^\W*(?:(?:and|but|so|ok|okay)[\s,]+)?what\s+(?:can|could|should|do|does|did|will|would|"
                         r"is|are|was|were)\b(?:\s+[\w'-]+){1,6}?\s+(?:do|doing|done)\s+(?:about|for|against|to)\b", re.I)


# A comparison ("worse in mbo or in hbo?", "more than last year?") keeps its "or"/"than" (stop words
# elsewhere), so that the Dutch side reads it as a comparison.
_COMPARATIVE_DUTCH = {"more": "meer", "less": "minder", "fewer": "minder", "worse": "erger", "better": "beter",
                      "bigger": "groter", "larger": "groter", "greater": "groter", "higher": "hoger",
                      "lower": "lager", "smaller": "kleiner", "harder": "zwaarder", "heavier": "zwaarder",
                      "stronger": "sterker", "weaker": "zwakker"}
_COMPARATIVES = "|".join(_COMPARATIVE_DUTCH)
_COMPARISON_RE = re.compile(rf"\b({_COMPARATIVES}|more often)\b.*\b(or|than)\b", re.I)
_COMPARING = {"or": "of", "than": "dan"}
# The two things compared may come first: "is the mbo or higher ed more behind?", "mbo or hbo, where is it
# worse?". The Dutch side reads a comparative before "of", so the comparative's Dutch goes there.
_COMPARISON_AFTER_RE = re.compile(rf"\bor\b.*?\b({_COMPARATIVES})\b(?!\s+(?:ed|edu|education|educational)\b)", re.I)


@functools.lru_cache(maxsize=1024)
def translate(text: str) -> Translation:
    """The Dutch words for an English question (see the module's docstring)."""
    checked = claim_checked(text)
    if checked != text:
        # ("is it true that the menukaart will disappear?", "I heard …, is that right?": a premise the
        # documents may contradict, as the Dutch "klopt het dat …" - its opposites count, "blijven")
        claim = translate(checked)
        return replace(claim, dutch=f"{PREMISE_DUTCH} {claim.dutch}")
    own, asked = self_description(text)
    if own:
        about_me, question = translate(own.rstrip(" ,.;:!")), translate(asked)
        from .normalize import lemma

        # (who they are, "a (master) student", "a teacher", and how, "I work / study / teach", is no
        # topic of the question: "I'm a teacher at a primary school, how much extra money is there
        # for salaries?" asked for an amount for 'teacher'; the school, sector or programme still
        # count, also before the person: "an mbo student")
        words = about_me.dutch.split()
        # (a plural the lemmatiser does not know, "deeltijdstudenten", by its plural ending)
        person = [lemma(w).endswith(PERSON_WORDS) or re.sub(r"(?:en|s)$", "", w).endswith(PERSON_WORDS) for w in words]
        # ("I'm an exchange student, do I *also* get the discount?": whether it holds for the group they
        # name is what is asked, as in Dutch)
        also = bool(_ALSO_RE.search(asked))
        kept = [w for i, w in enumerate(words) if (also and (person[i] or (i + 1 < len(words) and person[i + 1])))
                or (w in _dutch_words() and not is_stop_word(w) and not person[i]
                    and not (i + 1 < len(words) and person[i + 1] and w not in _sector_words())
                    and not set(english_words(about_me.surfaces.get(w, ""))) & _SELF_VERBS)]
        # ("I studied in Belgium, do I *also* get the extra months?": where they are is part of whom it is
        # asked for, as the Dutch "ook in België"; a place the documents' words do not hold stays a topic)
        places = [w for w in _PLACE_RE.findall(own.lower()) if also and w not in _dutch_words()
                  and (english_lemma(w),) not in load_glossary().phrases and not is_stop_word(w)
                  and english_lemma(w) not in load_glossary().stop_words]
        kept += [part for place in places for part in ("ook", "in", place)]
        # ("I'm an erasmus student, do I also get …?", "I study at a private university of applied
        # sciences, is my fee halved as well?": a word before the person or the school that the
        # documents never use names the kind of them asked about, as the Dutch "ook voor
        # erasmusstudenten", "ook voor een private hogeschool"; the English gloss alone, "erasmus
        # student ook", is read word by word and would not say so)
        kinds = [w for i, w in enumerate(words) if also and i + 1 < len(words) and w not in _dutch_words()
                 and (person[i + 1] or words[i + 1] in _sector_words() or _INSTITUTION_RE.search(words[i + 1]))
                 and not is_stop_word(w) and english_lemma(w) not in load_glossary().stop_words
                 and not set(english_words(about_me.surfaces.get(w, ""))) & _SELF_VERBS]
        if kinds:
            kept = ["ook", "voor"] + [w for w in words if w in kinds] + [w for w in kept if w not in kinds]
        return replace(question, dutch=" ".join(kept + [question.dutch]),
                       surfaces={**about_me.surfaces, **question.surfaces})
    glossary = load_glossary()
    # ("besides the 516 million", "apart from € 38m": an amount set aside, as the Dutch "bovenop")
    text = _SET_ASIDE_EN_RE.sub("on top of ", text or "")
    text = _PURPOSE_EN_RE.sub(_as_purpose, text)
    text = _MISSING_FIGURES_RE.sub(r"missing \1\2", text)
    text = _TRANSFER_MONEY_RE.sub("pay out", text)
    surfaces = english_words(text)
    lemmas = [glossary_lemma(w, glossary) for w in surfaces]
    relative = _relative_pronouns(text, len(surfaces))
    kind = english_answer_type(text, glossary)
    rate = _rate_articles(surfaces, kind)
    dutch: List[str] = []
    where: Dict[str, str] = {}
    # "catch-up classes or crash courses": two terms joined by "or" are one topic that either word
    # names (the reply holds one of them, not both); the second is the first's alternative
    either: Dict[str, Tuple[str, ...]] = {}
    spans: List[Tuple[int, int]] = []   # the words each Dutch entry stands for
    determined: List[int] = []           # entries after "the"/"these"/"those"/"all": nouns
    each_at: Optional[int] = None
    comparison = bool(_COMPARISON_RE.search(text or ""))
    compared_first = None if comparison else _COMPARISON_AFTER_RE.search(text or "")
    comparison = comparison or bool(compared_first)
    i = 0
    while i < len(lemmas):
        if surfaces[i] in _EACH and _each_alone(surfaces, lemmas, i, glossary):
            # "how much do each of them get, the teacher training colleges?": 'elke' goes before
            # the noun it stands for, not before the verb ("per krijgen")
            each_at = len(dutch)
            i += 3 if i + 1 < len(surfaces) and surfaces[i + 1] == "of" else 1
            continue
        # "launched which month?": "which" before a noun that the glossary's question words name
        # asks, even after a verb ("who" before a verb never does: "students who get a grant")
        if i in relative and not (surfaces[i] == "which" and any(
                tuple(lemmas[i:i + size]) in glossary.asking for size in range(2, MAX_PHRASE + 1))):
            i += 1
            continue
        if i in rate:
            dutch.append("per")
            i += 1
            continue
        for size in range(min(MAX_PHRASE, len(lemmas) - i), 0, -1):
            # "what is" and "what are" share their lemmas ("what be"); as written they differ.
            found = glossary.exact.get(tuple(surfaces[i:i + size]), glossary.phrases.get(tuple(lemmas[i:i + size])))
            if found is None:
                # simplemma reads an entry and its plural differently ("meeting" -> "meet", but
                # "meetings" -> "meeting"): the plural's lemma is then the entry as written
                found = glossary.exact.get(tuple(lemmas[i:i + size]))
            if found is not None and not (size == 1 and _dutch_function_word(surfaces[i], lemmas[i])):
                break
        else:
            size, found = 1, None
        if found is not None and i > 0 and surfaces[i - 1] not in _BEFORE_COMMAND:
            # "list the actions" asks; "the menu list", "is it on the list?" names the list
            found = dict(glossary.shadowed).get(tuple(lemmas[i:i + size]), found)
        typed = " ".join(surfaces[i:i + size])
        if found is None and "-" in surfaces[i]:
            # "secondary-school", "first-year": English parts the glossary knows, each translated
            parts = surfaces[i].split("-")
            # ("catch-up" is the entry "catch up", whose parts alone mean something else)
            joined = glossary.phrases.get(tuple(glossary_lemma(part, glossary) for part in parts))
            if joined is not None:
                found = joined
            elif all((glossary_lemma(part, glossary),) in glossary.phrases or part in glossary.stop_words for part in parts):
                found = translate(" ".join(parts)).dutch
        if found is None:
            if surfaces[i] == "before" and i == len(surfaces) - 1:
                # "was it halved before?": an earlier time, as "previously" (not "before corona")
                found = "eerder"
            elif surfaces[i] in _COMPARING and comparison:
                # "is the delay worse in mbo or in higher ed?", "bigger than": the Dutch side asks
                # a comparison by "of"/"dan" after the comparative ("erger in het mbo of in het ho")
                dutch.append(_COMPARING[surfaces[i]])
                i += 1
                continue
            elif lemmas[i] in glossary.stop_words:
                i += 1
                continue
            else:
                found = surfaces[i]
        if found and spans and _joined_by_or(surfaces, spans[-1], i) and i + size not in {
                start for start, _ in spans} and not (i + size < len(surfaces) and _is_term(surfaces, lemmas, i + size, glossary)) \
                and not (spans[-1][0] and spans[-1][0] - 1 == (spans[-2][1] if len(spans) > 1 else -2)) \
                and _one_term(dutch[-1]) and _one_term(found) and dutch[-1] != found:
            either[dutch[-1]] = either.get(dutch[-1], ()) + (found,)
            where.setdefault(found, typed)
            i += size
            continue
        if found:
            if i and surfaces[i - 1] in _DETERMINERS and found not in _NO_RATE_NOUNS:
                determined.append(len(dutch))
            spans.append((i, i + size - 1))
            dutch.append(found)
            where.setdefault(found, typed)
            for word in found.split():
                where.setdefault(word, typed)
        i += size
    dutch = _closed_compounds(dutch, where)
    if compared_first and "of" in dutch:
        dutch.insert(dutch.index("of"), _COMPARATIVE_DUTCH[compared_first.group(1).lower()])
    if each_at is not None and determined:
        # (the noun named after "each of them", else the one before it; none: "each" asks no rate,
        # as "hoeveel krijgt elk van hen?" does not)
        noun = next((k for k in determined if k >= each_at), determined[-1])
        dutch.insert(noun, "elke")
    for k in range(len(dutch) - 2):
        # "how much does each university get": the verb goes before 'elke', as in "hoeveel krijgt elke
        # universiteit" (after a sector word it would be read as the noun: "elke mbo school")
        if dutch[k] == "elke" and dutch[k + 2] in _RECEIVING_DUTCH:
            dutch[k:k + 3] = [dutch[k + 2], "elke", dutch[k + 1]]
    # "primary school pupils", "mbo students": the people of a sector are the sector, as in the Dutch
    # compounds ("basisschoolleerlingen", "mbo-studenten" read as the sector alone); a separate
    # 'leerling' would ask for sentences that name pupils over the sector's own sentences
    sectors = _sector_words()
    # (also before it: "children in primary school", "pupils at secondary schools")
    def names_sector(k: int, side: int) -> bool:
        return 0 <= k < len(dutch) and (dutch[k].split()[side] in sectors or bool(analyse(dutch[k]).sectors))

    dutch = [word for k, word in enumerate(dutch)
             if not (word in _SECTOR_PEOPLE and (names_sector(k - 1, -1) or names_sector(k + 1, 0)))]
    if dutch and dutch[0].split()[0] == "wat" and _MEASURE_RE.match(text or ""):
        dutch[0] = "wat kan doen"   # (not "wat zijn": "what are unis doing …" is no definition question)
    # ("travel rights extension how long", "subsidy healthcare 2022 how much": a question word
    # anywhere asks, as "hoeveel" does in Dutch, unless it joins a clause: "students who …")
    is_question = "?" in (text or "") or bool(_QUESTION_START_RE.match(text or "")) or any(
        word in _QUESTION_WORDS and i not in relative for i, word in enumerate(surfaces))
    others = dict(glossary.others)
    if _YES_NO_EN_RE.match(text or "") and not any(word in _QUESTION_WORDS for word in surfaces):
        # ("is the menukaart going away?": a yes/no question is answered by the documents' opposite too,
        # "ook daarna beschikbaar blijven", as a Dutch "verdwijnt de menukaart?")
        from .normalize import lemma

        lexicon = load_lexicon()
        for word in dutch:
            opposites = yes_no_opposites(lemma(word), lexicon) if len(word.split()) == 1 else frozenset()
            if opposites:
                others[word] = others.get(word, ()) + tuple(sorted(opposites))
    for word, alternatives in either.items():
        if word in dutch:
            others[word] = others.get(word, ()) + alternatives
    # ("which students in the Caribbean Netherlands get …?": people in a place the documents' words do
    # not hold are another group, glossed with its "in" as the Dutch "studenten in België" is read)
    def unknown_place(place: str) -> bool:
        """A place word left as typed in the gloss that is no Dutch or glossary word."""
        return place in dutch and place not in _dutch_words() and not is_stop_word(place) \
            and place not in glossary.stop_words and (english_lemma(place),) not in glossary.phrases

    for person, place in _PEOPLE_IN_RE.findall((text or "").lower()):
        if unknown_place(place):
            at = dutch.index(place)
            if at and dutch[at - 1] != "in":
                dutch.insert(at, "in")
    if _ALSO_RE.search(text or ""):
        # ("can I use the travel product in Belgium too?": a place the documents' words do not hold,
        # asked "also" about, is the case asked, as the Dutch "ook in België" and as a place in the
        # asker's description of themselves)
        for place in _PLACE_RE.findall((text or "").lower()):
            if unknown_place(place) and dutch[dutch.index(place) - 1] != "in":  # (not people in it: "student in belgium")
                dutch = [w for w in dutch if w != place] + ["ook", "in", place]
    return Translation(" ".join(dutch) + ("?" if "?" in (text or "") else ""), where, kind, is_question,
                       tuple((word, others[word]) for word in dict.fromkeys(dutch) if word in others))


def _closed_compounds(dutch: List[str], where: Dict[str, str]) -> List[str]:
    """"lint internships" -> "lintstages": see `wordparts.closed_compound`."""
    vocabulary = kb_vocabulary()
    closed: List[str] = []
    for word in dutch:
        before = closed[-1] if closed else ""
        joined = None if not before or before in _sector_words() else closed_compound(before, word, vocabulary)
        if joined:
            closed[-1] = joined
            where[joined] = f"{where.get(before, before)} {where.get(word, word)}"
            continue
        closed.append(word)
    return closed


# "each"/"every" as a pronoun ("each of them", "they each get", "how much does each receive?"):
# the noun it stands for is named elsewhere, or not at all.
_EACH = frozenset({"each", "every"})
_EACH_OF = frozenset("them these those you us".split())
_DETERMINERS = frozenset({"the", "these", "those", "all"})
_NO_RATE_NOUNS = frozenset({"geld", "bedrag", "budget"})
_RECEIVING = frozenset("get receive pay cost earn spend have".split())
_RECEIVING_DUTCH = frozenset("krijgen ontvangen betalen kosten verdienen besteden".split())


def _each_alone(surfaces: List[str], lemmas: List[str], i: int, glossary: Glossary) -> bool:
    if i + 1 >= len(surfaces):
        return True
    if surfaces[i + 1] == "of":
        return i + 2 < len(surfaces) and surfaces[i + 2] in _EACH_OF
    return lemmas[i + 1] in _RECEIVING or lemmas[i + 1] in glossary.stop_words


def _joined_by_or(surfaces: List[str], before: Tuple[int, int], start: int) -> bool:
    """Whether the words between an entry (its span) and the word at `start` are "or" and articles."""
    between = surfaces[before[1] + 1:start]
    return "or" in between and all(w in ("or", "a", "an", "the", "other") for w in between)


def _is_term(surfaces: List[str], lemmas: List[str], k: int, glossary: Glossary) -> bool:
    """Whether the word at k is part of a term (not a stop word): "an extra exam" goes on after "extra"."""
    if lemmas[k] in glossary.stop_words or surfaces[k] in glossary.stop_words or not surfaces[k].isalpha():
        return False
    dutch = glossary.phrases.get((lemmas[k],))
    return not (dutch is not None and all(is_stop_word(w) for w in dutch.split()))  # ("for": 'voor')


def _one_term(dutch: str) -> bool:
    """One Dutch content word that is no sector ("is the delay worse in mbo or in hbo?" compares two)."""
    return " " not in dutch and dutch.isalpha() and len(dutch) > 2 and not is_stop_word(dutch) \
        and dutch not in _sector_words() and not analyse(dutch).sectors


def _dutch_function_word(surface: str, lemma: str) -> bool:
    """A Dutch function word in an English question ("keuzelijst met acties") that the English
    lemmatizer turns into an English word ("met" -> "meet"): kept as typed, not translated."""
    return surface != lemma and is_stop_word(surface)


def is_document_term(word: str, vocabulary: FrozenSet[str]) -> bool:
    """A content word of the documents ("arbeidsmarkttoelage", "keuzelijst", "coaching"): people
    write these in questions of either language, so they say nothing about the language a message
    is in. Function words of either language ("ik", "mijn", "the", "what") are not such terms."""
    from .normalize import lemma

    word = word.lower()
    if len(word) < 3 or not word.isalpha() or english_lemma(word) in load_glossary().stop_words:
        return False
    base = lemma(word)
    if is_stop_word(base) or is_stop_word(word):
        return False
    return base in vocabulary or word in vocabulary or _is_compound_of_a_term(word, vocabulary) \
        or _is_singular_of_a_term(word, vocabulary)


# The documents may use a term only in the plural ("zogenoemde “dakpanconstructies”"), which the
# lemma tables do not know; its singular ("what is a dakpanconstructie?") is that term all the same.
SINGULAR_MIN = 8


def _is_singular_of_a_term(word: str, vocabulary: FrozenSet[str]) -> bool:
    return len(word) >= SINGULAR_MIN and (word + "s" in vocabulary or word + "en" in vocabulary)


# A Dutch compound ends with a word of its own ("instellingscollegegeld" ends with "collegegeld"):
# one that ends with a document term of at least this many letters is a term too.
COMPOUND_HEAD_MIN = 6
COMPOUND_MIN = 10


def _is_compound_of_a_term(word: str, vocabulary: FrozenSet[str]) -> bool:
    if len(word) < COMPOUND_MIN or (english_lemma(word),) in load_glossary().phrases:
        return False
    return any(word[i:] in vocabulary for i in range(3, len(word) - COMPOUND_HEAD_MIN + 1))


@functools.lru_cache(maxsize=1)
def _glossary_english() -> Dict[str, str]:
    """Dutch of the glossary's phrases of two or more words -> the English written there ("per persoon": "per person")."""
    found: Dict[str, str] = {}
    for english_words_, dutch in load_glossary().exact.items():
        if len(english_words_) > 1 and len(dutch.split()) > 1:
            found.setdefault(dutch, " ".join(english_words_))
    return found


def analyse_english(text: str) -> Question:
    """The Dutch side's analysis of an English question, with the user's English words as surfaces."""
    text = without_help_request(chat_spelled((text or "")[:5000]))
    translation = translate(text)
    question = analyse(translation.dutch)
    def english(surface: str) -> str:
        if surface.lower() in _glossary_english() \
                and not all(part in translation.surfaces for part in surface.lower().split()):
            # a concept the Dutch side adds itself ("krijg ik" -> "per persoon"): the glossary's English
            return _glossary_english()[surface.lower()]
        if surface.startswith("per "):  # a rate: "per leerling" -> "per pupil"
            return "per " + english(surface[4:])
        found = translation.surfaces.get(surface.lower())
        parts = surface.lower().split()
        if found is None and len(parts) > 1 and all(part in translation.surfaces for part in parts):
            # a concept of several Dutch words ("per basisschool leraar"): each one's English,
            # a phrase said once ("aanvullende beurs" are both "supplementary grant")
            words = [translation.surfaces[part] for part in parts]
            found = " ".join(w for j, w in enumerate(words) if not j or w != words[j - 1])
        return found or surface

    from .normalize import lemma

    others = {lemma(word): {lemma(w) for w in alternatives} for word, alternatives in translation.others}
    concepts = tuple(replace(c, surface=english(c.surface), alternatives=c.alternatives | others.get(c.word, set()))
                     for c in question.concepts)
    return replace(question, concepts=concepts, answer_type=translation.answer_type or question.answer_type,
                   is_question=translation.is_question, typed=self_description(text)[1])


def analyse_in(text: str, language: Optional[str]) -> Question:
    """A question in the conversation's language ("nl" or "en") as the engine reads it."""
    return analyse_english(text) if language == "en" else analyse(text)


def dutch_text(text: str, language: Optional[str]) -> str:
    """The text the Dutch-side steps read (follow-up check, the question kept for follow-ups)."""
    return translate(chat_spelled((text or "")[:5000])).dutch if language == "en" else text


__all__ = ["Glossary", "GlossaryError", "Translation", "analyse_english", "analyse_in", "chat_spelled", "dutch_text",
           "english_answer_type", "english_spelling", "is_document_term", "load_glossary", "translate"]
