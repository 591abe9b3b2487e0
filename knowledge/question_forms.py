"""What a question asks for, read from its form: a list of themes or actions, a theme by number, a
definition, the user's own future, a superlative. Predicates over :class:`knowledge.question.Question`
that the engine's decisions and the dialogue share."""
from __future__ import annotations

import re
from typing import FrozenSet, Optional, Set

from .question import PREAMBLE, Concept, Question
from .units import SUPERLATIVE_RE, YEAR_RANGE_RE

# "hoi, ik ben docent in het mbo", "wij zijn laagopgeleide ouders, …": the user tells about themselves
_GREETING = r"^\W*(?:(?:hoi|hallo|hey|hee|hi|dag|goedemorgen|goedemiddag|goedenavond)\W+)?"
SELF_DESCRIPTION_RE = re.compile(_GREETING + r"(?:ik|wij|we)\s+(?:ben|zijn|zit|zitten|studeer|studeren|werk|werken"
                                 r"|doe|doen|geef|geven)\b", re.I)
# ... and says who they are, which a question after it is then about
IDENTITY_RE = re.compile(_GREETING + r"(?:ik ben|wij zijn|we zijn)\b", re.I)
# "kun je mijn huiswerk voor wiskunde maken?", "schrijf een brief voor me", "can you do my maths homework?":
# the user asks the bot to do a task of their own, not what the documents say (a word it shares with
# them, "huiswerkbegeleiding", is no answer); "kun je me vertellen wanneer …" asks the documents
_TASK_VERBS_NL = r"(?:maken|schrijven|nakijken|verbeteren|oplossen|vertalen|berekenen|samenvatten|doen)"
TASK_REQUEST_RE = re.compile(
    _GREETING + r"(?:"
    r"(?:kun|kan|wil|zou|kunnen|willen)\s+(?:je|jij|u|jullie)\s+(?:(?:me|mij|ons)\s+)?(?:(?:even|eens|ff|alsjeblieft|aub|"
    r"misschien)\s+)*(?:helpen\s+(?:met|bij)\s+(?:mijn|m'n|mn|onze|ons|een)\b(?!\s+(?:vraag|vraagje|vragen)\s+(?:over|om|of|wat|hoe|wanneer|welke)\b)"
    r"|(?:mijn|m'n|mn|onze|ons|een)\b[^?]*\b" + _TASK_VERBS_NL + r"\b)"
    r"|(?:maak|schrijf|vertaal|verbeter|los|reken|kijk)\s+(?:(?:even|eens|ff|voor\s+mij|voor\s+me)\s+)*(?:mijn|m'n|mn|een|me)\b"
    r"|(?:can|could|will|would)\s+you\s+(?:please\s+)?(?:help\s+me\s+with|do|write|make|solve|fix|translate|check|correct)"
    r"\s+(?:me\s+)?(?:my|a|an|the|this|our)\b(?!\s+questions?\s+(?:about|on)\b)"
    r"|(?:please\s+)?(?:do|write|make|solve|fix|translate)\s+(?:me\s+)?(?:my|a|an)\b)", re.I)
# ... and one for personal advice: "hoe word ik leraar?", "welke studie moet ik kiezen?", "hoe kan ik het
# beste leren voor een toets?", "how do I become a teacher?": the documents advise no one person
ADVICE_REQUEST_RE = re.compile(
    r"\bhoe\s+word\s+(?:ik|je)\s+(?:een\s+)?\w+"
    r"|\b(?:welke|wat\s+voor(?:\s+een)?)\s+\w+(?:\s+\w+)?\s+(?:moet|zou|kan)\s+ik\s+(?:het\s+beste?\s+)?(?:kiezen|nemen|gaan\s+doen|studeren)\b"
    r"|\bhoe\s+(?:kan|moet)\s+ik\s+(?:het\s+)?beste?\b"
    r"|\bhow\s+(?:do|can|should)\s+i\s+become\b|\bhow\s+(?:can|should)\s+i\s+best\b"
    r"|\b(?:which|what)\s+\w+(?:\s+\w+)?\s+should\s+i\s+(?:choose|pick|take|study)\b"
    # ("what's the best way to learn Dutch quickly?", "wat is de beste manier om Nederlands te leren?")
    r"|\bwhat(?:'|’)?s\s+the\s+(?:best|quickest|fastest|easiest)\s+way\s+to\b"
    r"|\bwhat\s+is\s+the\s+(?:best|quickest|fastest|easiest)\s+way\s+to\b"
    r"|\bwat\s+is\s+de\s+(?:beste|snelste|makkelijkste)\s+manier\s+om\b"
    # ("hoe leer ik snel Nederlands?", "how do I learn Dutch?": what a person should do to learn)
    r"|\bhoe\s+leer\s+(?:ik|je)\b|\bhow\s+(?:do|can|should)\s+i\s+learn\b", re.I)
# ... and one about the user's own life or the bot itself ("waar vind ik een goede huisarts?", "heb je
# dit zelf bedacht?", "where can I find people to play football with?"): a question that names the
# person who asks or the bot needs more than one shared word before a fact of the documents answers it
OWN_LIFE_RE = re.compile(r"\b(?:ik|mij|me|mijn|jij|jou|jouw|zelf|i|my|myself|you|your|yourself)\b", re.I)


_NUMBER_WORDS = {"een": 1, "eerste": 1, "twee": 2, "tweede": 2, "drie": 3, "derde": 3, "vier": 4, "vierde": 4,
                 "vijf": 5, "vijfde": 5, "zes": 6, "zesde": 6, "zeven": 7, "zevende": 7, "acht": 8, "achtste": 8}

YEAR_RE = re.compile(r"(19|20)\d\d")


def names_a_year(word: str) -> bool:
    """A year asked, "2023", or a school year or span of years, "2023-2024" (one word: `normalize.words`)."""
    return bool(YEAR_RE.fullmatch(word) or YEAR_RANGE_RE.fullmatch(word))

# Date questions, recognised here only (the ranking and the engine share them):
# - the end by which something must be done or may last: "tot wanneer", "uiterlijk", "deadline";
_DEADLINE_FORMS = r"\btot wanneer\b|\buiterlijk\b|\bdeadline|\buiterste (?:datum|termijn)\b"
# - a deadline, also "voor wanneer moet …", "wanneer moeten …", "hoe lang nog", "wanneer sluit …";
DEADLINE_QUESTION_RE = re.compile(_DEADLINE_FORMS + r"|\b(voor|wanneer)\s+(wanneer|moet|moeten)\b|\bhoe lang nog\b"
                                  r"|\bsluit\b", re.I)
# - a day or a deadline, which a vague time ("op korte termijn", "binnenkort") does not give.
EXACT_DATE_QUESTION_RE = re.compile(_DEADLINE_FORMS + r"|\bwelke datum\b|\bop welke dag\b", re.I)

_THEME_NUMBER_RE = re.compile(r"\bthema\s*(\d|" + "|".join(_NUMBER_WORDS) + r")\b|\b(" + "|".join(_NUMBER_WORDS)
                              + r")\s+thema\b", re.I)

# "wanneer krijg ik …?" asks about the user's future: a sentence dated wholly before its document
# tells what happened already ("tot en met september 2021 hebben 130.000 studenten … gekregen").
PERSONAL_RE = re.compile(r"\b(ik|je|jij|we|wij|i|you)\b", re.I)

# "geldt de korting ook voor mbo-studenten?", "voor wie geldt dit?": a question whether something holds
# for a group, whose "gelden" is no topic (as "krijgen" in a personal question).
SCOPE_RE = re.compile(r"\bgeld(?:t|en)\b.*\b(?:ook|alleen|enkel|niet|wel|uitsluitend)\s+(?:voor|in|op|bij)\b"
                      r"|\bvoor\s+wie\s+geld(?:t|en)\b", re.I)
SCOPE_VERBS = frozenset({"gelden"})

_PAST_QUESTION_RE = re.compile(r"\b(was|waren|werd|werden|had|hadden|kreeg|kregen|heb|hebt|heeft|hebben|"
                               r"did|were|has|have|got|received)\b", re.I)

_DEADLINE_QUESTION_EN_RE = re.compile(r"\buntil when\b|\bdeadline\b|\bby when\b|\bhow long\b", re.I)

DEFINITION_RE = re.compile(PREAMBLE + r"(wat (is|zijn|betekent|betekenen|houdt|houden)|waar staat"
                            r"|wat (wordt|worden) (er )?(bedoeld|verstaan)|wat (bedoel|bedoelt|bedoelen|verstaat|verstaan)\b)\b", re.I)

WHAT_RE = re.compile(r"^\W*((en|maar|oke?|ok)\W+)?(wat|welke)\b", re.I)

_LIST_RE = re.compile(r"\bwelke\b|\bwat (zijn|voor)\b|\bnoem\b|\boverzicht\b|\blijst\b|\balle\b", re.I)


def verb_like(concept: Concept) -> bool:
    """Dutch verb lemmas end in -en ("ondertekenen", "vervullen"): what is done, rarely the thing
    the documents would have to name for the question to be answered."""
    return concept.word.endswith("en") and len(concept.word) > 4 and concept.word not in _NOUNS_IN_EN

_NOUNS_IN_EN = {"examen", "teken", "wapen", "keuken", "molen", "deken", "regen", "leven", "wezen"}


def asks_own_future(question: Question) -> bool:
    """"wanneer krijg ik de tegemoetkoming?": when something will happen to the user."""
    text = question.typed or question.text  # (an English question's tense is in its own words)
    return question.answer_type == "date" and bool(PERSONAL_RE.search(text)) and not _PAST_QUESTION_RE.search(text) \
        and not DEADLINE_QUESTION_RE.search(question.text) and not _DEADLINE_QUESTION_EN_RE.search(text)


def asks_deadline(question: Question) -> bool:
    """"tot wanneer mogen instellingen het geld uitgeven?": a date that ends something."""
    return question.answer_type == "date" and bool(DEADLINE_QUESTION_RE.search(question.text))


def asks_exact_date(question: Question) -> bool:
    """"op welke dag …?", "uiterlijk wanneer …?": a day or deadline, not "op korte termijn"."""
    return question.answer_type == "date" and bool(EXACT_DATE_QUESTION_RE.search(question.text))


def superlative_asked(question: Question) -> bool:
    return bool(SUPERLATIVE_RE.search(question.text))


def theme_number(text: str) -> Optional[int]:
    """"thema 3", "thema vijf", "het zesde thema" -> the number."""
    match = _THEME_NUMBER_RE.search(text or "")
    if not match:
        return None
    word = (match.group(1) or match.group(2)).lower()
    number = int(word) if word.isdigit() else _NUMBER_WORDS[word]
    return number if 1 <= number <= 9 else None

# Words that ask for a list rather than name a subject.
LIST_WORDS = {"thema", "actie", "maatregel", "keuzelijst", "lijst", "soort", "mogelijkheid", "optie", "kiezen",
               "alle", "belangrijk", "zetten", "noemen"}


def subject_words(question: Question) -> Set[str]:
    """The question's topic words, with a synonym of a list word read as that word ("themas",
    "maatregelen" -> "thema", "actie"), so list questions are recognised however they are typed."""
    found = set()
    for c in question.topics:
        if c.kind != "topic":
            continue
        listed = sorted(c.alternatives & LIST_WORDS)
        found.add(c.word if c.word in LIST_WORDS or not listed else listed[0])
    return found


# (the themes answer "how many themes", a count; never a share, a sum, a span or a date)
_NOT_A_COUNT = frozenset({"percentage", "amount", "duration", "date"})


def asks_for_themes(question: Question, concept_words: Set[str], theme: Optional[int],
                     programme_names: FrozenSet[str] = frozenset()) -> bool:
    """"Welke thema's zijn er (voor het hbo)?": themes named, nothing else specific asked. Also what is
    on the list ("wat staat er op de keuzelijst voor ons?") and what the programme does for a sector
    ("wat doet het npo voor het mbo?"): its themes for that sector."""
    if theme:
        return False
    if question.answer_type in _NOT_A_COUNT:
        return False  # ("how often did institutions choose actions outside the themes?" asks a share, not the list)
    if "thema" in concept_words:
        # ("welk thema past bij ons?": the themes, for the user's sector)
        return not (concept_words - LIST_WORDS - {"zijn", "er", "instelling", "school", "geld", "besteden", "inzetten",
                                                   "passen", "geschikt", "handig"})
    if DEFINITION_RE.match(question.text) or question.answer_type:
        return False  # "wat is de keuzelijst?" asks what it is; "hoeveel procent kiest …" a share
    if "keuzelijst" in concept_words and not concept_words - LIST_WORDS and WHAT_RE.match(question.text):
        return True  # (not "mogen we ook acties doen die niet in de keuzelijst staan?")
    return len(question.sectors) == 1 and bool(concept_words) and concept_words <= programme_names


def asks_for_actions(question: Question, concept_words: Set[str]) -> bool:
    """"Welke acties ...?", "wat mag er bij thema 3?": a list of actions, not one fact ("In hoeverre
    zijn de maatregelen voor doorstroom nieuw voor de instellingen?" asks one)."""
    listing = bool(_LIST_RE.search(question.text)) and not question.answer_type
    general = LIST_WORDS | {"mogen", "kunnen", "doen"}
    if concept_words & {"actie", "maatregel", "mogelijkheid", "optie"}:
        return listing or len(concept_words - general) <= 1
    return listing and concept_words <= general


# A question for what something is for or why it exists: "waarom is het npo er gekomen?", "wat is het
# doel van het npo?", "wat wil het npo bereiken?", "waarvoor is het programma bedoeld?"
PURPOSE_QUESTION_RE = re.compile(
    r"\bwaarom\b|\bwaarvoor\b|\bwaar\b.*\bvoor\s+bedoeld\b|\bdoel(?:en)?\b|\bbedoeling\b"
    r"|\bbereiken\b|\bbedoeld\b", re.I)
# The words of such a question that say it asks a purpose, or why the thing came to be ("waarom is
# het npo opgezet?"), not what it is about.
PURPOSE_WORDS = frozenset({"doel", "bedoeling", "bereiken", "bedoelen", "bedoeld", "waarvoor",
                           "opzetten", "oprichten", "starten", "beginnen", "bestaan", "komen", "maken"})

