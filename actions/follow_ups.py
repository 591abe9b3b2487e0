"""How a message reads against the conversation's last question.

"en voor het hbo?", "hoeveel kost dat?", "en een blokstage?", "ook volgend jaar?": a message that
repeats the last question with a changed detail, substitutes a phrase in it, or asks about its
subject in few words is answered as that question (see :func:`read_in_context`). Everything else is
a question of its own. Pure functions over text; English arrives in the glossary's Dutch.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any, Optional, Tuple

from knowledge import Question, analyse
from knowledge.english import analyse_in
from knowledge.lexicon import load_lexicon
from knowledge.question import PERSON_WORDS, QUESTION_WORDS, het_points_back, is_about_money
from knowledge.question_forms import PERSONAL_RE, YEAR_RE, theme_number, verb_like
from knowledge.units import COMPARATIVES


@dataclass(frozen=True)
class Reading:
    """What a message asks, read against the last question."""
    text: str                 # the question to answer (the last one, or it merged with this message)
    question: Question
    theme: Optional[int]
    follow_up: bool           # it continues the last question
    certain: bool             # it is a question whatever NLU's act says


def read_in_context(dutch: str, typed: str, last_question: Optional[str], *, language: str, intent: str,
                    new_details: bool, sector: Optional[str], theme: Optional[int], dialogue_theme: Optional[int],
                    engine) -> Reading:
    """`dutch`: the message as the Dutch-side steps read it; `typed`: as the user wrote it; `theme`:
    the one the message or the dialogue names, `dialogue_theme` the dialogue's own."""
    # A follow-up repeats a question, so it is one, whatever NLU called it and however the last
    # question was worded ("ik zit op het mbo, krijg ik ook extra reisrecht" has no question form).
    substitute = substituted(dutch, last_question) or _defined(dutch, typed, last_question, engine)
    if substitute is not None:
        return Reading(substitute, analyse(substitute), theme_number(substitute) or dialogue_theme, True, True)
    if is_follow_up(dutch, last_question, new_details, intent, theme, typed):
        new_sector = analyse(dutch).sectors[:1] or ((sector,) if sector else ())
        question = analyse(last_question).with_sector(new_sector[0] if new_sector else None)
        return Reading(last_question, question, theme, True, True)
    if is_elliptical(dutch, last_question, typed):
        # (NLU's act still has its say unless it asks a kind of answer: "wie ben jij?" is excluded;
        # "how long does it run?" asks a duration, however much it reads like "how does it work?")
        text, question = with_last_question(dutch, last_question)
        return Reading(text, question, theme, True, bool(analyse(dutch).answer_type))
    return Reading(dutch, analyse_in(typed, language), theme, False, False)


# "en welke acties zijn er …?", "en wat kunnen ze doen aan …?": a question word after the opening conjunction
# ("hoelang" as typed in one word)
_ASKS_ITSELF_RE = re.compile(r"^\W*(en|maar)\s+(%s|hoelang)\b" % "|".join(QUESTION_WORDS), re.IGNORECASE)
# "geldt dat ook voor het mbo?", "is dat ook zo voor masterstudenten?": the last question, for another
_APPLIES_TOO_RE = re.compile(r"^\W*((en|maar)\s+)?(geldt|gelden|telt|tellen|is|zijn)\s+(dat|dit|het|die|deze)\s+(ook|dan ook)\b",
                             re.IGNORECASE)
_FOLLOW_UP_RE = re.compile(r"^\s*(en|maar|ook|of|dus)\b|" + _APPLIES_TOO_RE.pattern, re.IGNORECASE)
_FRAME_VERBS = {"gelden", "tellen", "zo"}
FOLLOW_UP_MAX_TOPICS = 2
_TOO_RE = re.compile(r"\b(ook|too|also)\b", re.IGNORECASE)
# "nee, ik bedoel het mbo", "no, I mean for hbo students": the last question again, for what the user meant
_CORRECTION_RE = re.compile(r"^\W*((nee|neen|nope|no|sorry|oh|oeps|oops)\W+)*(ik\s+bedoel(de)?|bedoel(de)?\s+ik|i\s+mean(t)?"
                            r"|ik\s+had\s+het\s+over|i\s+was\s+asking\s+about)\b", re.IGNORECASE)


def is_follow_up(text: str, last_question: Optional[str], new_details: bool, intent: str = "",
                 theme: Optional[int] = None, typed: str = "") -> bool:
    """"en als ik naar het hbo ga?", "en de vwo-leerlingen?", "thema 6": a short message that starts
    like a follow-up (or that NLU read as giving a detail) and names a new detail (sector, theme)
    repeats the last question with it. So does one that points back and says "ook" ("krijgen
    mbo-studenten dat ook?", "do mbo students get it too?"; `typed`: as the user wrote it)."""
    points_back_too = bool(_TOO_RE.search(text or "")) and bool(_POINTS_BACK_RE.search(f"{text} {typed}")) \
        and len((text or "").split()) <= ELLIPSIS_MAX_WORDS
    # ("no, I mean mbo" reaches here as "mbo": the correction is read as typed)
    corrects = bool(_CORRECTION_RE.match(text or "") or _CORRECTION_RE.match(typed or ""))
    if not last_question or not (_FOLLOW_UP_RE.match(text or "") or intent == "inform" or points_back_too or corrects):
        return False
    question = analyse(text)
    new_sector_or_theme = bool(question.sectors) or theme is not None or theme_number(text) is not None
    if not new_sector_or_theme and _names_another_topic(question, analyse(last_question)):
        return False  # "and what about my travel product?" after a tuition question asks anew
    if theme is not None and not question.sectors \
            and _ASKS_ITSELF_RE.match(text) and _names_another_topic(question, analyse(last_question)):
        # "en welke acties zijn er voor welzijn?" after a question about the teacher training's money,
        # "en hoelang duurt een coschap?" after one about what is done for them, "en wat is thema 3?"
        # after one about the travel product: a question of its own about a subject (NLU may read a
        # theme from it), not the last one for that theme
        return False
    named = new_details or new_sector_or_theme
    return named and len(question.topics) <= FOLLOW_UP_MAX_TOPICS


# "en wanneer?", "per student?", "hoeveel kost dat?", "waarom?": a short question that names no
# subject of its own, or one word and a pointer back ("dat", "dit", "daarvan"), asks about the last
# question's subject. (English arrives here in the glossary's Dutch: "and when?" is "en wanneer?".)
# A question to the bot itself ("wie ben jij?", "hoe gaat het met je?") is none.
_POINTS_BACK_RE = re.compile(r"\b(dat|dit|die|ie|daar\w*|hier\w*|er(aan|bij|door|in|mee|na|op|over|tegen|uit|van|voor)"
                             r"|ze|zij|hen|hun|hij|hem|zulke|dan"
                             r"|that|this|it|about it|they|them|their|those|these|ones)\b", re.IGNORECASE)
# ... of which these never introduce a clause ("dat" and "die" may: "hoe weet ik dat ik recht heb?")
# (nor "dat" as the subject right after a verb: "waar mag *dat* aan besteed worden?", "hoe lang duurt dat?")
_STRONG_POINTER_RE = re.compile(r"\b(daar(aan|bij|door|in|mee|na|op|over|tegen|uit|van|voor|om)?|er(aan|bij|door|in|mee|na|op|over"
                                r"|tegen|uit|van|voor)|hen|hem|zulke"
                                r"|(mag|mogen|moet|moeten|kan|kunnen|kun|zou|zouden|wordt|worden|werd|is|was|zijn|gaat|gaan"
                                r"|kost|kosten|kostte|geldt|gelden|duurt|betekent|werkt|helpt|komt|blijft|blijven)\s+(dat|dit|die))\b", re.IGNORECASE)
STRONG_POINTER_MAX_WORDS = 8
_ALWAYS_BACK_RE = re.compile(r"(?<![\w'])(ie|'ie|'m)\b", re.IGNORECASE)   # spoken "hij"/"hem": never a relative pronoun
# ("wie ben jij?", "hoe gaat het met je?", "are you a bot?"; not the generic "je"/"you" of "hoeveel krijg
# je dan?", "how do you apply for it?")
_TO_THE_BOT_RE = re.compile(r"\b(jij|jou|jouw|jullie|your|yourself)\b|\b(ben|bent|heet|heb|kun|kan|wil)\s+(je|u)(\s+zelf)?\W*$"
                            r"|\b(kun|kan|wil)\s+(je|u)\s+(me|mij|ons)\b"
                            r"|\b(ben|bent|heet)\s+(je|u)\b|\b(met|over|van|aan|bij|tegen|about|with|to|of)\s+(je|u|you)\W*$"
                            r"|\b(are|were)\s+(you|u)\b|\byou\s+(called|a bot|real|human)\b", re.IGNORECASE)
# ("waarover vooral?", "waarvoor dan?": a pronominal adverb asks what the last question's verb is about or for)
_ONLY_QUESTION_WORDS_RE = re.compile(r"^\W*((en|maar|of|and|but)\s+)?(waarom|hoe|wanneer|waar|wie|wat|hoeveel|why|how|when|where|who|what"
                                     r"|waar(over|voor|mee|in|op|aan|door|van))"
                                     r"(\s+(dan|precies|lang|vaak|dan precies|niet|dan niet|eigenlijk|vooral))?\W*$", re.IGNORECASE)
ELLIPSIS_MAX_WORDS = 5
# "in welke sectoren vooral?", "voor welke jaren?", "which ones?": which of what the last question was about
_WHICH_OF_THEM_RE = re.compile(r"^\W*((en|maar|and|but)\s+)?((in|voor|bij|op|van|uit|aan|naar|for|in|at|of)\s+)?"
                               r"(welke?|which)(\s+[\w'’-]+)?(\s+(dan|precies|vooral|allemaal|especially|mostly|exactly|then"
                               r"|(het\s+)?(meest|vaakst)|the\s+most))?\W*$",
                               re.IGNORECASE)
# "ook volgend jaar?", "en vorig schooljaar?", "and next year?" (in the glossary's Dutch): the last
# question for another time
_OTHER_TIME_RE = re.compile(r"^\W*((en|maar|ook|of)\s+)*(ook\s+)?((voor|in)\s+)?(het\s+)?(volgend|volgende|komend|komende|"
                            r"vorig|vorige|afgelopen)\s+(studie|school|college)?jaar(\s+ook)?\W*$", re.IGNORECASE)
# "en wat is dat?", "what does that mean?": what the last question's rarest word means
_WHAT_IS_THAT_RE = re.compile(r"^\W*((en|maar|oké?|ok|and|but)\W+)?(wat\s+(is|betekent|houdt)\s+(dat|dit|die|het)(\s+(precies|eigenlijk))?"
                              r"(\s+in)?|what\s+(is|does)\s+(that|this|it)(\s+mean)?)\W*$", re.IGNORECASE)
# "en voor masterstudenten?", "and for international students?": the last question, for someone else
_FOR_WHOM_RE = re.compile(r"^\W*((en|maar|of|and|but)\s+)?((ook|also)\s+)?(voor|for)\s+"
                          r"(?!(wie|wat|wanneer|hoe|hoelang|welke?|waar|who|whom|what|when|how|which|where)\b)", re.IGNORECASE)


# "en naar welzijn?" after "hoeveel procent van het geld gaat naar stages?", "en met lezen?" after "…
# achterstand met rekenen?", "en docenten?" after "wat vinden studenten van de plannen?": the new
# phrase takes the place of the one after the same preposition, or of the same kind of person.
_SUBSTITUTE_RE = re.compile(r"^\W*(en|maar|and|but)\s+(?:(?P<preposition>naar|voor|over|met|bij|op|in|van|aan|uit|tegen"
                            r"|onder|tijdens|na)\s+)?(?P<phrase>[\w'’-]+(?:\s+[\w'’-]+){0,2})\W*$", re.IGNORECASE)


def substituted(text: str, last_question: Optional[str]) -> Optional[str]:
    """The last question with this follow-up's phrase in the place of its parallel one, or None."""
    match = _SUBSTITUTE_RE.match(text or "")
    if not match or not last_question:
        return None
    phrase, preposition = match.group("phrase"), (match.group("preposition") or "").lower()
    if _ONLY_QUESTION_WORDS_RE.match(phrase) or phrase.lower() in _QUESTION_WORDS or analyse(phrase).sectors:
        return None  # (a new sector is is_follow_up's: "mbo en hoger onderwijs" gives way as a whole)
    tokens = last_question.split()
    if preposition:
        places = [i for i, token in enumerate(tokens[:-1]) if token.lower() == preposition]
        if not places:
            return None
        # as many words as the new phrase, and the old one's article when the new has none ("naar de
        # lerarenopleidingen" -> "naar stages"); a Dutch verb may follow ("in 2021 geslaagd")
        start = places[-1] + 1
        if YEAR_RE.fullmatch(phrase) and not YEAR_RE.fullmatch(tokens[start].strip(",.;:?!")):
            # ("en in 2015?" after "… werken al in het onderwijs?": a time, not another place; the year
            # is added to the last question, or replaces its year, by with_last_question)
            return None
        size = len(phrase.split())
        if tokens[start].lower() in _DETERMINERS and phrase.split()[0].lower() not in _DETERMINERS:
            size += 1
        end = min(start + size, len(tokens))
    elif phrase.split()[0].lower() in _ARTICLES and len(phrase.split()) > 1:
        # "en een blokstage?" after "wat is een lintstage?": the noun after the same article
        places = [i for i, token in enumerate(tokens[:-1]) if token.lower() == phrase.split()[0].lower()]
        if not places:
            return None
        start, end = places[-1], min(places[-1] + len(phrase.split()), len(tokens))
    else:
        new = analyse(phrase)
        if not new.topics or not all(_is_people(c) for c in new.topics):
            return None
        people = [i for i, token in enumerate(tokens) if any(_is_people(c) for c in analyse(token).topics)]
        if len(people) != 1:
            return None
        start, end = people[0], people[0] + 1
    trailing = re.search(r"[,.;:?!]*$", tokens[end - 1]).group(0)
    return " ".join(tokens[:start] + [phrase + trailing] + tokens[end:])


_ARTICLES = {"de", "het", "een", "the", "a", "an"}
_DETERMINERS = {"de", "het", "een", "mijn", "m'n", "je", "jouw", "hun", "haar", "zijn", "ons", "onze", "die", "deze", "dat", "dit",
                "the", "a", "an", "my", "your", "their", "our"}


def _defined(text: str, typed: str, last_question: Optional[str], engine) -> Optional[str]:
    """"en wat is dat?" after "hoeveel scholen hebben een schoolscan gebruikt?" asks "wat is een
    schoolscan?": the last question's rarest word (the engine's weighing), asked as a definition."""
    if not last_question or not (_WHAT_IS_THAT_RE.match(text or "") or _WHAT_IS_THAT_RE.match(typed or "")):
        return None
    rarest = engine.rarest_topic(analyse(last_question))
    return f"wat is {rarest.surface}?" if rarest is not None else None


_QUESTION_WORDS = {"waarom", "hoe", "wanneer", "waar", "wie", "wat", "hoeveel", "welke", "welk", "why", "how", "when",
                   "where", "who", "what", "which", "dan", "zo", "nu", "verder", "ook", "daarna", "toen"}


def _is_people(concept) -> bool:
    """"masterstudenten", "internationale studenten", "ouders": a group of people (or a compound
    ending in one)."""
    return any(word.endswith(PERSON_WORDS) for word in concept.alternatives | {concept.word})


def is_elliptical(text: str, last_question: Optional[str], typed: str = "") -> bool:
    """`text` in Dutch; `typed` as the user wrote it (the glossary drops "that" from "how much
    does that cost?")."""
    text = text or ""
    either = f"{text} {typed or ''}"
    # ("blijft ie bestaan na het npo?": "ie" always points back, whatever the message's length)
    if not last_question or _TO_THE_BOT_RE.search(either):
        return False
    question = analyse(text)
    # (the programme is the subject only when nothing else is: "wat doet het npo voor ze?" names none)
    # ("hoeveel krijg ik dan?": receiving in a question about oneself is no subject either, lexicon
    # `light:`, as in the ranking; "en wie betaalt?" asks who pays)
    lexicon = load_lexicon()
    light = lexicon.light if PERSONAL_RE.search(text) else frozenset()
    own = [c for c in question.topics if c.kind == "topic" and c.word not in lexicon.programme_names | light]
    if question.sectors:
        # another sector is is_follow_up's; but "wat doen de universiteiten daaraan?" (a pointer that can
        # only point back, and nothing but a sector of its own) is the last question's subject, for it
        return not own and question.is_question and bool(_STRONG_POINTER_RE.search(either))
    rate = any(c.kind == "rate" for c in question.concepts)
    asks = bool(question.answer_type) or rate or any(c.kind == "number" for c in question.concepts) \
        or bool(_ONLY_QUESTION_WORDS_RE.match(text))
    pointer = bool(_POINTS_BACK_RE.search(either)) or het_points_back(text)
    # ("wat doet het npo nou eigenlijk voor ze?": a pointer and no subject of its own, at any length)
    # ("krijg ik daar iets voor terug?": a pointer that can only point back and one word of its own)
    # ("hoeveel geld zetten ze daarvoor in?": the money asked for is the answer's unit, no subject)
    # ("waarvoor is dat geld bedoeld?" after "hoeveel subsidie is er …?": the money is the last one's)
    money_before = question.answer_type == "amount" or is_about_money(analyse(last_question))
    subject = [c for c in own if not (money_before and c.word in _MONEY_UNIT_WORDS)]
    short = len(text.split()) <= STRONG_POINTER_MAX_WORDS
    strong = bool(_STRONG_POINTER_RE.search(either)) and len(subject) <= 1 and short
    # ("waarvoor willen ze het vooral gebruiken?": someone pointed back to and only a verb of its own)
    they_do = bool(_PERSON_POINTER_RE.search(either)) and short and all(_verb(c) for c in subject)
    if len(text.split()) > ELLIPSIS_MAX_WORDS and not _ALWAYS_BACK_RE.search(either) \
            and not (pointer and not own and question.is_question) and not ((strong or they_do) and question.is_question):
        return False
    if (_WHICH_OF_THEM_RE.match(text) and len(own) <= 1) or _OTHER_TIME_RE.match(text):
        return True
    if asks and own and all(c.word in _UNIT_WORDS for c in own):
        own = []  # "met hoeveel jaar?", "hoeveel procent?": the unit of the answer, not a subject
    own = [c for c in own if c in subject]
    if not own:
        return asks or (pointer and question.is_question)
    if _AND_ASKS_RE.match(typed or text) and len(own) == 1 and len(text.split()) <= 4:
        return True  # "and who paid?", "en wie betaalt?": the last question's event, asked another way
    if (_FOR_WHOM_RE.match(text) or _FOLLOW_UP_RE.match(text)) and len(own) <= 2 and any(_is_people(c) for c in own):
        # "en (voor) masterstudenten?", "what about master students?": the last question for someone
        # else; "en voor welzijn?", "and what about my travel product?" ask about another subject
        return True
    if _APPLIES_TOO_RE.match(text) and len([c for c in own if c.word not in _FRAME_VERBS]) <= 2:
        return True
    if _ALSO_FOR_FOLLOW_UP_RE.match(text) and len(own) <= 2:
        return True  # "ook voor de master?" after "is het collegegeld gehalveerd?": the same, for the master
    if len(own) == 1 and names_a_field(text, typed):
        # "en bij rekenen?", "and in maths?" after a question about reading: the last question in
        # another field, not a new question about "rekenen" alone
        return True
    if pointer and question.is_question and len(own) <= 2 and not _names_another_topic(question, analyse(last_question)):
        # "do all schools use it?" after "what share of primary schools uses the NCO school report?":
        # only words the last question had, and a pointer: its subject asked again, no new question
        return True
    return len(own) == 1 and ((rate and asks) or (pointer and question.is_question))


_MONEY_UNIT_WORDS = {"geld", "euro", "bedrag"}
# ("waarvoor willen ze het gebruiken?": a personal pronoun, the subject or object of the last question)
_PERSON_POINTER_RE = re.compile(r"(?<![\w'])(ze|zij|hij|hem|hen|they|them)\b", re.IGNORECASE)


def _verb(concept) -> bool:
    return verb_like(concept) or verb_like(replace(concept, word=concept.surface.lower()))


_UNIT_WORDS = {"jaar", "maand", "week", "dag", "uur", "keer", "procent", "percentage", "euro", "schooljaar", "studiejaar"}
# "and who paid?", "en wanneer begint het?": a conjunction and a question word that asks about the last
# question's event (not "en wie is Kim Putters?", "and what is the NRO?": a new thing named; nor "en
# hoeveel X?", whose X may be a new subject)
_AND_ASKS_RE = re.compile(r"^\W*(en|maar|and|but)\s+(wie|wanneer|waar|waarom|who|when|where|why)\b"
                          r"(?!\s+(is|zijn|was|waren|are|were)\b)", re.IGNORECASE)
_ALSO_FOR_FOLLOW_UP_RE = re.compile(r"^\W*((en|maar)\s+)?ook\s+(voor|bij|in|op|aan)\s+", re.IGNORECASE)


# "en bij rekenen?", "and in maths?", "en in de zorg?": a field named after "in"/"bij", asking
# nothing of its own
_AND_IN_RE = re.compile(r"^\W*(en|maar|and|but)\s+((ook|also)\s+)?(in|bij|at|within)\s+", re.IGNORECASE)
_ASKS_RE = re.compile(r"\b(wat|welke?|wie|hoe|hoeveel|waar\w*|wanneer|waarom|what|which|who|how|where|when|why)\b",
                      re.IGNORECASE)


def names_a_field(text: str, typed: str = "") -> bool:
    """`text` in Dutch; `typed` as the user wrote it (the glossary drops English "in")."""
    said = typed or text or ""
    return bool(_AND_IN_RE.match(said)) and not _ASKS_RE.search(said)


# "en het jaar daarna?", "what about the year after?" (glossary: "jaar daarna") after a question about
# 2020: the year counted from the last question's one year
_RELATIVE_YEAR_RE = re.compile(r"\b(?:het\s+)?jaar\s+(daarna|erna|erop|daarop|daarvoor|ervoor)\b", re.IGNORECASE)


def _counted_year(text: str, last_question: str) -> str:
    found = _RELATIVE_YEAR_RE.search(text or "")
    years = {m.group(0) for m in re.finditer(r"\b(?:19|20)\d\d\b(?!\s*[/-])", last_question or "")}
    if not found:
        return text
    shift = -1 if found.group(1).lower() in ("daarvoor", "ervoor") else 1
    if not years:
        # ("en het jaar daarna?" after "is mijn lesgeld gehalveerd?", a fact of this year: the next one)
        return text[:found.start()] + ("volgend jaar" if shift > 0 else "vorig jaar") + text[found.end():]
    if len(years) != 1:
        return text
    return text[:found.start()] + str(int(years.pop()) + shift) + text[found.end():]


# ", en in 2015?", ", and in 2020?" (the glossary's Dutch): a follow-up that only named a year, as merged
_YEAR_ONLY_FOLLOW_UP_RE = re.compile(r",\s*((en|maar|ook|of)\s+)?((in|voor|rond)\s+)?(19|20)\d\d\s*\??(?=,|$)", re.IGNORECASE)


def with_last_question(text: str, last_question: str) -> Tuple[str, Any]:
    """The last question's concepts and sectors, asked the way this message asks (its answer type,
    its rate, its year). Merged as concepts, not as one text: read as one text, "hoeveel studenten
    kregen een tegemoetkoming" + "hoeveel geld was dat?" would ask what *one* receiver gets."""
    text = _counted_year(text, last_question)
    if _ASKS_RE.search(text) and not YEAR_RE.search(text) and not _COMPARED_RE.search(text):
        # "als wat werken ze?" after "…?, en in 2015?": the year that follow-up asked about was its
        # own detail; a question of another kind is about the subject, not about that year (kept, a
        # sentence naming the subject but not the year would read as silence). ("waarom was dat
        # hoger?" compares: the year stays.)
        last_question = _YEAR_ONLY_FOLLOW_UP_RE.sub("", last_question)
    last, own = analyse(last_question), analyse(text)
    kept = last.concepts
    if any(YEAR_RE.fullmatch(c.word) for c in own.concepts):
        # "en in 2020?" after "… geslaagd in 2021?": the new year replaces the old one
        kept = tuple(c for c in kept if not YEAR_RE.fullmatch(c.word))
    if (own.answer_type and own.answer_type != last.answer_type) or any(c.kind == "rate" for c in own.concepts):
        # "per leerling" asked for the amount, not the date; "en per student?" after "hoeveel krijgt
        # elke universiteit?" asks another rate instead of that one
        kept = tuple(c for c in kept if c.kind != "rate")
    # "wie vult die aan?", "blijft die bestaan?" after "wat is de menukaart?" and "waar is die op
    # gebaseerd?": the last follow-up's own verb ("baseren") asked something else of the subject; the
    # new verb takes its place, in the concepts and in the question kept for the next follow-up
    earlier, _, asked = last_question.rpartition(", ")
    replaces_asked = bool(earlier) and bool(_ASKS_ITS_OWN_WAY_RE.match(asked)) and any(
        c.kind == "topic" and verb_like(c) and c.word not in {k.word for k in kept} for c in own.topics)
    if replaces_asked:
        dropped = {c.word for c in analyse(asked).topics if verb_like(c)} - {c.word for c in analyse(earlier).concepts}
        kept = tuple(c for c in kept if c.word not in dropped)
    known = {c.word for c in kept}
    if _APPLIES_TOO_RE.match(text):
        known |= _FRAME_VERBS  # ("geldt dat ook voor scholen?" asks nothing about "gelden")
    renamed = {c.word for c in own.topics if c.kind == "topic"} & known
    if renamed:
        # "hoeveel is die tegemoetkoming?" after "kan ik bij duo een tegemoetkoming aanvragen?": the
        # message names its subject again; the rest of the last question is its context, and the
        # documents not saying "duo" beside an amount does not make them silent about it
        kept = tuple(c if c.word in renamed or c.kind != "topic" else replace(c, situation=True) for c in kept)
    # ("ook volgend jaar?": the time is judged by its frame, which the combined text names; as words
    # "volgend" and "jaar" would outweigh the last question's subject)
    concepts = kept + (() if _OTHER_TIME_RE.match(text) else tuple(c for c in own.concepts if c.word not in known))
    combined = f"{(earlier if replaces_asked else last_question).rstrip(' ?.!')}, {text}"
    light = load_lexicon().light
    # "welke vooral?", "waarom?", "wat doen ze eraan?" after "hoeveel …?" ask another kind of thing
    # than a number: only a message that asks no way of its own ("en in 2020?", "per student?")
    # keeps the last question's kind of answer.
    kind = own.answer_type or (None if _ASKS_ITS_OWN_WAY_RE.match(text) else last.answer_type)
    if kind is None and _WHY_RE.match(text) and not _COMPARED_RE.search(text) and all(
            c.word in known or (c.kind == "topic" and (verb_like(c) or verb_like(replace(c, word=c.surface.lower()))
                                                       or c.word in light or c.word in _SIZE_WORDS))
            for c in own.concepts):
        # "waarom?", "waarom is die zo groot?", "waarvoor is die bedoeld?" after "hoeveel weken …?": a
        # cause or a purpose of the last question's subject, not its number again; where no sentence
        # about it gives one, the documents give no reason (not "waarom lager dan in 2020?", which
        # names a year of its own, nor "waarom was dat hoger?": both compare)
        kind = "reason"
        # (the size said again, "zo groot", "hoe groot", is no subject: the reason of what is asked)
        concepts = tuple(c for c in concepts if c.word not in _SIZE_WORDS)
    if kind is None and _REMEDY_RE.match(text):
        # "wat doet het kabinet daaraan?", "wat kunnen scholen eraan doen?" after "waarom is het lastig
        # om personeel te werven?" / "in welke sector is het tekort het grootst?": what is done about
        # the last question's subject, not its frame - neither its size nor its way of asking (a
        # reason, a superlative) - so the sentence that answered it is not given again
        concepts = tuple(c for c in concepts if c.word not in _SIZE_WORDS | _FRAME_WORDS)
        subject = " ".join(c.surface for c in concepts if c.kind in ("topic", "sector") and c.word in known)
        combined = f"{subject}, {text}" if subject else text
    if kind == "number" and last.answer_type != "number" and is_about_money(last) \
            and not [c for c in own.topics if c.word not in light]:  # ("hoeveel krijg ik dan?")
        kind = "amount"  # "hoeveel?" / "how much?" after a question about the grant asks what it is worth
    return combined, replace(last, text=combined, concepts=concepts, is_question=True, answer_type=kind)


# "wat doet het kabinet daaraan?", "wat kunnen we eraan doen?", "what can schools do about it?" (in the
# glossary's Dutch): what is done about what the last question was about
_REMEDY_RE = re.compile(r"^\W*((en|maar|of|and|but)\s+)?wat\s+(doe|doet|doen|kan|kun|kunnen|gaat|gaan|wordt|worden|zou|zouden)\b"
                        r".*\b(daar|er|hier)(aan|tegen)\b", re.IGNORECASE)
# ("in welke sector is het tekort het grootst?", "waarom is het lastig …?": how the last question asked)
_FRAME_WORDS = {"sector", "lastig", "moeilijk", "meest", "vaak"}
# ("waarom is die zo groot?": the size the last question asked about, said again)
_SIZE_WORDS = {"groot", "hoog", "laag", "klein", "veel", "weinig", "lang", "kort", "zoveel", "zo"}
# ("waarom was dat hoger?" compares: the sentence that compares may give its cause in a clause)
_COMPARED_RE = re.compile(r"\b" + COMPARATIVES + r"\b", re.IGNORECASE)
_WHY_RE = re.compile(r"^\W*((en|maar|of|and|but)\s+)?(waarom|waarvoor|waartoe|why|what\s+for)\b", re.IGNORECASE)
_ASKS_ITS_OWN_WAY_RE = re.compile(r"^\W*((en|maar|of|and|but)\s+)?(waarom|hoe|wat|welke?|wie|waar\w*|why|how|what|which|who|where)\b",
                                  re.IGNORECASE)

def _names_another_topic(question, last) -> bool:
    """Does the message name a topic the last question did not have (NLU's scheme entity for it
    is a new subject, not a detail that repeats the last question)?"""
    known = {word for concept in last.topics for word in concept.alternatives | {concept.word}}
    return any(not (concept.alternatives | {concept.word}) & known for concept in question.topics)
