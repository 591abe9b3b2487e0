"""What the best unit lacks of a question, for the answer engine (:mod:`knowledge.engine`).

The near-miss side of a decision: whether nothing in the documents is about the question, what the
best unit lacks (a concept, the kind of answer asked, a year, a rate), whether it is for another
sector or case than the one asked, and what to show beside "the documents do not give it".

Pure functions over data loaded once per knowledge base; no Rasa, no I/O per question.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field, replace
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

from . import extract
from .normalize import is_stop_word, lemma, normalize_tokens, words
from .question import (CONTACT_WORDS, DATED_EVENTS, PERSON_WORDS, QUESTION_WORDS, SIZE_WORDS, Concept, Question,
                       asked_part, checks_premise, is_about_money)
from .question_forms import YEAR_RE, asks_exact_date, asks_own_future, names_a_year, superlative_asked, verb_like
from .ranking import DEFINITION_OPENING, PARTS, SATISFIES, SCHOOL_TYPE_RE, Ranker, Scored, school_types
from .schema import applies_to
from .units import (DURATION_RE, MONTHS, NUMBER_RE, YEAR_RANGE_RE, YEAR_SPAN_RE, Unit, clause_sectors,
                    dated_before_document, enumerations, holds_phrase, points_back, sectors_in, value_sectors)
from .wordparts import compound_cuts

# ----------------------------------------------------------------------------- tuning
# Chosen on the dev split of tests/eval/questions.yml (make eval); see README "Measuring".
ANSWER_THRESHOLD = 0.50      # coverage the best unit needs to count as the answer
TYPED_THRESHOLD = 0.6        # the same for questions that ask for a number, date or name
COUNTED_THRESHOLD = 0.5      # ... where the unit counts the very thing "hoeveel X" asks about
UNNAMED_OUT_OF_SCOPE = 2      # a question with this many words the documents never use ...
OUT_OF_SCOPE_COVERAGE = 0.50  # ... whose best unit holds less than this is about nothing in them
RELATED_THRESHOLD = 0.30     # below this, nothing in the documents is about the question
RELATED_CANDIDATES = 8       # units ranked for the related fact beside a near miss
FOCAL_SHARE = 0.40           # a missing concept this heavy (share of weight) makes a near miss
TYPED_NEVER_USED_SHARE = 0.30  # ... or this heavy, for a number, date or name, where the documents never use it
NAMED_AFTER_SHARE = 0.30     # a word this heavy that only a later sentence of the answer's paragraph names is another case
LOOSE_TYPO_CUTOFF = 0.70      # ... and it is spelled less like one of their words than this
YEAR_RELATED_MARGIN = 0.05    # a year the documents do not name: a dated sentence this close is shown beside it
SEMANTIC_CONFIDENT = 4.0      # this similarity (in SDs) plus CONFIDENT_COVERAGE answers below the thresholds
CONFIDENT_COVERAGE = 0.3
OWN_WORDS_SIMILARITY = 3.0    # ... and this, where the best unit lacks only light words the documents never use
EVENT_VERB_UNITS = 10         # a "wanneer" question's verb in fewer units than this names its event
# A vague time, which answers no question for a day or deadline (question_forms.asks_exact_date).
_VAGUE_TIME_RE = re.compile(r"\bop korte termijn\b|\bbinnenkort\b", re.I)
TOTAL_RE = re.compile(r"\b(in )?totaal\b|\bbij elkaar\b|\balles samen\b", re.I)
_AVERAGE_RE = re.compile(r"\bgemiddeld(e)?\b", re.I)
_ARTICLES = r"(?:de|het|een|die|dat|deze|dit)"
# "hoeveel wo-studenten …", "hoeveel procent van de hbo studenten …": a count of one sector's group
_SECTOR_GROUP_COUNT_RE = re.compile(
    r"\bhoe ?veel\s+(?:procent\s+(?:van\s+)?(?:de\s+)?)?([a-z]{2,4})(?:-|\s)?"
    r"(?:studenten|leerlingen|scholen|instellingen|docenten|leraren)\b", re.I)
def _sector_parts(sectors: Iterable[str]) -> Set[str]:
    """Sectors with the ho read as its two parts, so that "wo" is only part of "mbo, ho"."""
    return {part for s in sectors for part in (("hbo", "wo") if s == "ho" else (s,))}
def _after_article(concept: Concept, text: str) -> bool:
    """Is the question's word used as a noun: after an article, perhaps with one word between?"""
    return bool(re.search(rf"\b{_ARTICLES}\s+(?:\w+\s+)?{re.escape(concept.surface)}\b", text, re.I))
# The verb of an amount question: "hoeveel *verdient* …", "wat *verdienen* …".
_AMOUNT_VERB_RE = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:hoe ?veel|wat)\s+(?:geld\s+|euro\s+)?(\w+)", re.I)
_VAGUE_QUANTITIES = {"meeste", "merendeel", "handvol"}


def counts_only_vaguely(unit: Unit) -> bool:
    """Does the unit count only vaguely ("een handvol", "de meeste"), with no number, amount, share or
    span?"""
    quantities = {m.group(0).lower() for m in NUMBER_RE.finditer(unit.text)}
    return "number" in unit.types and quantities <= _VAGUE_QUANTITIES \
        and not unit.types & {"amount", "percentage", "duration"}
# A question word anywhere, "waar" too: no yes/no question.
_QUESTION_WORD_RE = re.compile(r"\b(%s|waar)\b" % "|".join(QUESTION_WORDS), re.I)
# "hoe lang duurt …?", "wat is de duur van …?": how long something named lasts
_LASTS_RE = re.compile(r"\b(duur|duurt|duren|duurde|duurden|hoe ?lang)\b", re.I)
# words between a span of time and the noun it belongs to ("12 maanden *extra* reisrecht")
_DURATION_QUALIFIERS = {"extra", "meer", "langer", "aanvullend", "aanvullende"}
# (not a phrase that only sounds like a place: "ook in aanmerking", "in plaats van", "in het kader van")
_ASKED_THING_RE = re.compile(r"^\W*(?:(?:and|but|en|maar)\s+)?(?:what|which|welke?|wat voor(?: een)?)\s+([\w'-]+(?:\s+[\w'-]+)?)")
# The head of a word for a group of people ("deeltijdstudenten", "promovendi", "postdocs").
_GROUP_HEAD_RE = re.compile(r"(?:%s|postdoc|promovend(?:us|i)|kleuter|conci[eë]rge|vluchteling|alumn[iu]s?)(?:en|s|eren|i)?$"
                            % "|".join(PERSON_WORDS))
# A group of people followed by a noun: "studenten geneeskunde", "leerlingen met …".
_GROUP_THEN = r"\b(?:%s)\w*\s+" % "|".join(PERSON_WORDS)
_GROUP_THEN_WORD_RE = re.compile(_GROUP_THEN + r"(\w+)", re.I)
def _names_people(word: str) -> bool:
    """A person noun as typed or as its lemma ("gepensioneerde *leraren*" -> leraar)."""
    return bool(_GROUP_HEAD_RE.search(word) or _GROUP_HEAD_RE.search(lemma(word)))
# What "hoeveel X" counts as a number of: people or institutions.
_COUNTABLE_RE = re.compile(_GROUP_HEAD_RE.pattern.replace("(?:", "(?:school|instelling|gemeente|", 1))
ALSO_FOR_RE = re.compile(r"\book\s+(?:in|voor|bij|op|aan|als|met|naar)\s+(?:(?:de|het|een|mijn|m'n)\s+)?"
                          r"(?!(?:aanmerking|staat|plaats|geval|kader|orde|principe|totaal|feite|praktijk)\b)([\w'-]+)"
                          # ("ook voor studenten *in België*": where they are is part of whom it is asked for)
                          # (and in the glossary's Dutch of English, without the "in": "ook voor student belgium")
                          r"(?:\s+(?:in\s+(?:(?:de|het)\s+)?)?([\w'-]+))?", re.I)
_ALSO_RE = re.compile(r"\book\b", re.I)
# "ook voor een tweede studie": the word before the noun a case asked "ook" about
_ALSO_KIND_RE = re.compile(r"\b(?:voor|bij)\s+(?:een|de|het|mijn|je)\s+([a-z]+)\s+([a-z]+)\b")
_NOT_KIND_WORDS = frozenset({"andere", "ander", "hele", "heel", "zelfde", "eigen"})
# The kind of programme a user says they follow: "een *deeltijdopleiding*", "een *avondstudie*".
_STUDY_KIND_RE = re.compile(r"..(?:opleiding|studie|school|traject|cursus)$")
_STUDIES_RE = re.compile(r"\b(?:studeer\w*|studeren|zit|zat|volg|volgde|school|universiteit|hogeschool|uni|opleiding)\b", re.I)
# The start of something as a dated event, and how a sentence dates a start.
START_EVENTS = frozenset({"starten", "beginnen", "ingaan"})
_START_DATE_RE = re.compile(r"\b(vanaf|per\s+\d|met ingang van|gaat\s+\w*\s*in|ingaan|ingegaan|start|starten|"
                            r"begint|beginnen|begon|gestart|begonnen)\b", re.I)
_OUTCOME_QUESTION_RE = re.compile(r"\b(uitkomst(en)?|resultaten|resultaat|conclusies?|bevindingen|opgeleverd|"
                                  r"wat (bleek|bleken|kwam|kwamen) (er )?uit)\b", re.I)
# a plan, not what came of it: "wordt in het najaar een evaluatie uitgevoerd", "zal … worden onderzocht"
_PLANNED_RE = re.compile(r"\b(zal|zullen|gaat|gaan)\b.*\b(worden|uitvoeren|onderzoeken|evalueren|bekijken)\b"
                         r"|\bwordt\b.*\b(uitgevoerd|onderzocht|geëvalueerd|bekeken|gemonitord)\b|\bin het najaar\b", re.I)
# "voor wie geldt de halvering niet?", "wat mag níet met het geld?": the question asks for an exception
# (the negation in its own clause, not in a relative one: "... voor laatstejaars die geen werk vinden")
_EXCEPTION_QUESTION_RE = re.compile(
    r"^\W*(?:(?:en|maar|dus)\s+)?(?:voor wie|wie|wat|welke?\s+\w+)\b"
    r"(?:(?!\b(?:die|dat|toen|als|wanneer|omdat|zodat|waar|wie)\b)[^?,])*?\b(?:niet|níet|geen)\b(?!-)", re.I)
# ... which only a sentence that denies or excludes something answers
# "een nog te publiceren regeling": what is still to happen, so a date beside it is not its date
# "ik heb de tegemoetkoming te laat aangevraagd, krijg ik hem nog?": what happens when one is late is
# said only by a sentence about being late or doing it afterwards ("… zal het alsnog gebeuren")
_LATE_QUESTION_RE = re.compile(r"\bte laat\b|\bdeadline\s+(?:gemist|verstreken|voorbij)\b"
                               r"|\bvergeten\s+(?:aan\s+te\s+vragen|in\s+te\s+dienen|aan\s+te\s+melden)\b", re.I)
_LATE_ANSWER_RE = re.compile(r"\balsnog\b|\bte laat\b|\bachteraf\b|\bna afloop\b", re.I)
_STILL_TO_COME_RE = re.compile(r"\bnog te (\w+)", re.I)
_NOT_YET_RE = re.compile(r"\bnog (niet|geen)\b", re.I)
_EXCLUDES_RE = re.compile(r"\b(niet|geen|nooit|uitgezonderd|behalve|uitzondering|alleen|slechts|nauwelijks)\b", re.I)
# A time relative to the document ("dit studiejaar", "volgend jaar", "vorig schooljaar"): which one.
_RELATIVE_TIME_RE = re.compile(r"\b(dit|deze|volgend|volgende|komend|komende|vorig|vorige|afgelopen) "
                               r"((?:studie|school|college)?jaar)\b", re.I)
_RELATIVE_FRAMES = {"dit": "this", "deze": "this", "volgend": "next", "volgende": "next", "komend": "next",
                    "komende": "next", "vorig": "last", "vorige": "last", "afgelopen": "last"}
_FRAME_YEARS = {"next": 1, "last": -1}
_YEAR_IN_TEXT_RE = re.compile(r"\b(20\d\d)\b")
def relative_times(text: str) -> Dict[str, str]:
    """The relative times a text names, by frame: {"next": "volgend studiejaar"}."""
    return {_RELATIVE_FRAMES[m.group(1).lower()]: m.group(0) for m in _RELATIVE_TIME_RE.finditer(text)}
_BEFORE_A_NAME = {"het", "de", "van", "in", "uit", "binnen", "met", "voor", "via", "onder"}
@dataclass
class Result:
    kind: str                                  # answer | near_miss | unknown | themes | actions | dates
    question: Question
    ranked: List[Scored] = field(default_factory=list)
    shown: List[Unit] = field(default_factory=list)   # answer first, then at most one of context
    more: List[Unit] = field(default_factory=list)    # for "meer"
    missing: Tuple[str, ...] = ()              # what the documents do not name (as the user typed it)
    missing_type: Optional[str] = None         # the kind of answer no unit gives
    missing_rate: Optional[str] = None         # the rate asked for that no unit gives ("per leerling")
    unsure: bool = False                       # near miss because two facts fit equally well
    theme: Optional[int] = None
    sector: Optional[str] = None
    other_sector: Optional[str] = None         # the sector asked about, when the fact is for another
@dataclass
class Case:
    """What one decision works on: the question, who asks, and (once ranked) the ranking."""
    question: Question
    sector: Optional[str]              # the user's profile
    asked_sector: Optional[str]        # the sector the question names, else the profile's
    prior_topics: Tuple[str, ...]      # NLU's topics
    theme: Optional[int]               # the theme the dialogue is about
    explicit_theme: Optional[int]      # ... or the one the question names
    concept_words: Set[str]
    theme_hint: Optional[int] = None   # the theme NLU read from a subject word ("stages")
    ranked: List[Scored] = field(default_factory=list)
    weights: Dict[str, float] = field(default_factory=dict)
    wanted: Set[str] = field(default_factory=set)   # the unit types that give the kind of answer asked

    @property
    def sectors_asked(self) -> Tuple[str, ...]:
        """The sectors the question names, else the user's own."""
        return tuple(self.question.sectors) or ((self.sector,) if self.sector else ())

    def result(self, kind: str, **details) -> Result:
        return Result(kind, self.question, **{"ranked": self.ranked, "sector": self.asked_sector, **details})
@dataclass(frozen=True)
class Gap:
    """What the best unit lacks of what the question asks."""
    silent: bool                       # it does not answer
    focal: List[Concept]               # the missing words that say what is asked
    heaviest: List[Concept]            # every missing word, heaviest first
    type_missing: bool                 # it gives no answer of the kind asked for
    missing_year: Optional[Concept]
    missing_rate: Optional[str]
_MONTH_ORDER = tuple(MONTHS.split("|"))
_TIME_POINT_RE = re.compile(r"\b(na|vanaf|sinds|in)\s+(?:(" + MONTHS + r")\s+)?(20\d\d)\b", re.I)
_PERIOD_END_RE = re.compile(r"\btot en met\s+(?:(" + MONTHS + r")\s+)?(20\d\d)\b", re.I)
def _time_after_period(question: str, sentence: str, only_after: bool = False) -> str:
    """The time the question asks about ("na september 2021") when it lies after the end of every
    period the sentence gives ("tot en met september 2021"); "" otherwise."""
    def point(month: Optional[str], year: str) -> Tuple[int, int]:
        return int(year), _MONTH_ORDER.index(month.lower()) + 1 if month else 0

    ends = [point(m.group(1), m.group(2)) for m in _PERIOD_END_RE.finditer(sentence)]
    years = [int(y.group(0)[:4]) for y in YEAR_RE.finditer(sentence)]
    if not ends or (len(ends) != len(years) and not only_after):
        return ""  # (a sentence that names other years too may speak of the time asked)
    for m in _TIME_POINT_RE.finditer(question):
        asked = point(m.group(2), m.group(3))
        after = m.group(1).lower() == "na"
        if only_after and (not after or any(year > asked[0] for year in years)):
            continue  # ("sinds 2018 tot en met 2025" says nothing of the time after 2025)
        if all(asked > end if not after else asked >= end for end in ends) \
                and all(asked[1] or asked[0] > end[0] or (only_after and asked[0] == end[0]) for end in ends):
            return " ".join(m.group(0).split()[1:]) if not after else m.group(0)
    return ""
def _document_year(question: Question, unit: Unit) -> str:
    """The year a unit's present tense speaks of: its document's (none for a count or amount,
    which still needs its year: "hoeveel studenten hadden in 2021 geen stage?")."""
    if question.answer_type in ("number", "amount", "percentage", "duration"):
        return ""
    return (unit.cite.date or "")[:4]


class GapFinder(Ranker):
    """What the ranked units lack of a question (built once, read-only)."""

    def __init__(self, kb, units: Optional[List[Unit]] = None) -> None:
        super().__init__(kb, units)
        # those only inside a school year (2023 of "2022-2023"), which a reply may name as not given
        self._named_years = {year for unit in self.units for w in words(unit.text)
                             for year in ([w] if YEAR_RE.fullmatch(w) else w.split("-") if YEAR_RANGE_RE.fullmatch(w)
                                          and int(w[5:]) - int(w[:4]) > 1 else [])}
        # the kinds of answer some unit gives (no sentence gives a time of day)
        self._given_types = set().union(*(unit.types for unit in self.units))
        # each word of an item of a list the documents give -> the heads of the list's other items
        self._listed_beside: Dict[str, Set[str]] = {}
        for unit in self.units:
            for items in enumerations(unit.text):
                for words_, _ in items:
                    others = set().union(*(heads for w, heads in items if w != words_)) - words_
                    for w in words_:
                        self._listed_beside.setdefault(w, set()).update(others)

    def _unnamed_groups(self, question: Question, concepts: List[Concept]) -> List[Tuple[Concept, str]]:
        """The question's words that name a group of people the documents never name: a person noun
        they never use ("promovendi", "deeltijdstudenten", "postdocs"), or a word they never use
        right before one ("internationale studenten"); each with the words that name the group."""
        found = []
        for c in concepts:
            if c.kind != "topic" or c.situation or any(self._concept_units(c)) or self._compound_of_known_words(c.word) \
                    or " " in c.word:
                continue
            # (an English phrase the glossary turns into one Dutch person noun: "PhD candidates" ->
            # promovendi; other phrases are not: "ICT tools so students" is about the tools)
            if _GROUP_HEAD_RE.search(c.word) or (" " not in c.surface and _GROUP_HEAD_RE.search(c.surface.lower())):
                found.append((c, c.surface))
                continue
            if " " in c.surface:
                continue
            if question.typed is not None and not re.search(r"\bin\s+" + re.escape(c.surface.lower()) + r"\b",
                                                            question.text.lower()):
                # (the Dutch of an English question is a word-for-word gloss: "supervise student"; its
                # "in" before a place is kept only after people: "student in caribbean")
                continue
            # (or of institutions, after an article: "studenten aan een *private hogeschool*" are not all
            # students; "hoeveel geld steken instellingen …" names no kind of them)
            after = re.search(r"(\b(?:een|de|het|aan|op|bij|voor)\s+)?\b" + re.escape(c.surface.lower()) + r"\s+([\w-]+)",
                              question.text.lower())
            if after and not verb_like(c) and (_names_people(after.group(2))
                                               or (after.group(1) and _COUNTABLE_RE.search(after.group(2)))):
                found.append((c, f"{c.surface} {after.group(2)}"))
                continue
            # ("studenten uit België", "leraren zonder diploma"; where they are: "kinderen in Duitsland",
            # "scholen in België" - a place the documents never name is another case than theirs)
            before = re.search(r"([\w-]+)\s+((?:uit|met|zonder|in)\s+(?:(?:een|de|het)\s+)?)" + re.escape(c.surface.lower())
                               + r"\b", question.text.lower())
            if before and not verb_like(c) and (_names_people(before.group(1)) or (
                    before.group(2).startswith("in") and _COUNTABLE_RE.search(before.group(1)))):
                found.append((c, c.surface if question.typed is not None  # (the gloss is no text to quote)
                               else f"{before.group(1)} {before.group(2)}{c.surface}"))
        return found

    def _heaviest_missing(self, case: Case, best: Scored) -> List[Concept]:
        """The question's words the best unit lacks (not its sector or situation), heaviest first."""
        missing = [c for c in best.missing if c.kind != "sector" and not c.situation]
        return sorted(missing, key=lambda c: -case.weights.get(c.word, 0.0))

    def _about_nothing(self, case: Case, best: Scored) -> bool:
        """Is nothing in the documents about the question, or does its main subject never occur in them?"""
        question = case.question
        # Half or more of what the question is about never occurs in the documents.
        # (a year never counts as absent: one the documents do not cover is said below, "no amount for
        # 2023"; it still counts as a subject: "wat staat er gepland voor het voorjaar van 2022?")
        subjects = [c for c in question.topics if c.kind != "rate" and not c.situation]
        absent = [c for c in subjects if not names_a_year(c.word) and not any(self._concept_units(c))]
        if len(absent) * 2 < len(subjects):
            absent = []
        if best.unit.id in self._prior_units(case.prior_topics):
            absent = []  # NLU named the topic and the best unit is about it
        related = best.similarity >= SEMANTIC_CONFIDENT or self._holds_enough(case, best)
        return not related or bool(absent and best.coverage < ANSWER_THRESHOLD + 0.2)

    def _holds_enough(self, case: Case, best: Scored) -> bool:
        """Does a unit among the best ranked hold enough of the question to be related to it, a thing
        it names among it? (Where the kind of answer asked lifted the best above one that holds more:
        "mijn basisbeurs stopt, hoeveel krijg ik dan?" ranks "in totaal circa € 50 miljoen" first; a
        kind no unit gives, a time of day, lifted none.)"""
        return best.coverage >= RELATED_THRESHOLD or bool(case.wanted & self._given_types) and any(
            s.coverage >= RELATED_THRESHOLD and any(c.kind == "topic" and not verb_like(c) and c not in s.missing
                                                   for c in case.question.topics)
            for s in case.ranked[:RELATED_CANDIDATES])

    def _never_used(self, case: Case, heaviest: List[Concept]) -> List[Concept]:
        """The words of the question that say what it is about (by weight, by place or as a group of
        people) and that the documents never use: what they say about the rest is not the answer."""
        question, weights = case.question, case.weights
        total = sum(weights.values()) or 1.0
        # "Krijgen mbo-docenten ook een salarisverhoging?": what it is mostly about is a word the
        # documents never use (nor two of their words joined); what they say about the rest is not the answer.
        # (for a number, date or name a third of the question is enough: "how many weeks of delay do
        # pupils have in geography?" - the weeks given are for Dutch and arithmetic, a subject the
        # documents never name has none)
        # (a thing, not a verb the documents word otherwise - "hoeveel geld steken instellingen …" -
        # nor a Dutch typo the ranking could not correct: "hoeveel scholn kiezen …")
        def lighter_focal(c: Concept) -> bool:
            return bool(SATISFIES.get(question.answer_type or "")) and not verb_like(c) \
                and not c.surface.lower().endswith("en") \
                and not self._spelled_like_a_kb_word(c.word)
        never_used = [c for c in heaviest if c.kind == "topic" and not any(self._concept_units(c))
                      and (weights.get(c.word, 0.0) / total >= FOCAL_SHARE
                           or (weights.get(c.word, 0.0) / total >= TYPED_NEVER_USED_SHARE and lighter_focal(c)))
                      and not self._compound_of_known_words(c.word)]
        # "mag ik het reisrecht ook in België gebruiken?": the case the question adds ("ook in/voor X")
        # is what it asks about; where the documents never name X, they do not say.
        also = {w.lower() for m in ALSO_FOR_RE.finditer(question.text) for w in m.groups() if w}
        never_used += [c for c in heaviest if c.kind == "topic" and c.surface.lower() in also and c not in never_used
                       and not any(self._concept_units(c)) and not self._compound_of_known_words(c.word)]
        # "wordt het instellingscollegegeld ook gehalveerd?", "… ook voor een tweede studie?": a kind of a
        # thing the documents write about that they never name as one is the case the question asks
        # "ook" about; that its parts occur apart ("de instellingen", "collegegelden") does not say it applies.
        if _ALSO_RE.search(question.text):
            never_used += [replace(c, surface=kind) for c, kind in self._unnamed_kinds(question)
                           if c not in never_used]
        # "ik studeerde in België, krijg ik ook extra reisrecht?": the place the user tells they were in
        # is the case the question asks "ook" about; where the documents never name it, they do not say
        # (where they study: "ik woon in Utrecht" says nothing about the scheme asked)
        if _ALSO_RE.search(question.text) and _STUDIES_RE.search(question.text):
            text = question.text.lower()
            never_used += [c for c in question.concepts if c.kind == "topic" and c.situation and c not in never_used
                           and not verb_like(c) and not any(self._concept_units(c))
                           and not self._compound_of_known_words(c.word)
                           and (re.search(r"\b(?:in|uit)\s+(?:(?:de|het|een)\s+)?" + re.escape(c.surface.lower()) + r"\b", text)
                                # ("ik doe een deeltijdopleiding, krijg ik ook korting?": the kind of
                                # programme the user follows is the case asked, as a place is)
                                or _STUDY_KIND_RE.search(c.word))]
        # "hoeveel verdient een onderzoeker met een tijdelijk contract?": the verb right after the
        # question word says what the amount is for; one the documents never use is not answered by
        # another amount about the rest (not a verb further on: "… studenten die hun beurs kwijtraken").
        asked_verb = _AMOUNT_VERB_RE.search(question.text) if question.answer_type == "amount" else None
        if asked_verb:
            never_used += [c for c in heaviest if c.kind == "topic" and c.surface.lower() == asked_verb.group(1).lower()
                           and verb_like(c) and c not in never_used and not any(self._concept_units(c))
                           and not self._compound_of_known_words(c.word)]
        # "What pay rise does a teacher get from the 500 million?", "welke salarisverhoging …": the
        # thing named right after the question word is what is asked; where the documents never
        # name it, what they say about the rest is not the answer
        named = _ASKED_THING_RE.match((question.typed or question.text or "").lower())
        never_used += [c for c in heaviest if named and c.kind == "topic" and c not in never_used
                       and (named.group(1) + " ").startswith(c.surface.lower() + " ")
                       and not any(self._concept_units(c)) and not self._compound_of_known_words(c.word)]
        # "wordt het collegegeld ook gehalveerd voor promovendi?", "geldt de tegemoetkoming voor
        # internationale studenten?": a group of people the documents never name (nor describe with
        # that word) is what the question is about; what they say about students in general does not
        # say it applies to that group.
        never_used += [replace(c, surface=group) for c, group in self._unnamed_groups(question, heaviest)
                       if c not in never_used]
        return never_used

    def _spelled_like_a_kb_word(self, word: str) -> bool:
        """Could `word` be a misspelling of a word the documents use, too far off for the ranking to
        correct ("scholn" for "scholen")?"""
        return any(w[0] == word[0] for w in
                   difflib.get_close_matches(word, self._long_vocabulary, n=3, cutoff=LOOSE_TYPO_CUTOFF))

    def _gap(self, case: Case, best: Scored) -> Gap:
        """What the best unit lacks of what the question asks: a word, a kind of answer, a year,
        an event, a rate, a contact detail, a top one, a total or an outcome."""
        question, weights, wanted = case.question, case.weights, case.wanted
        total = sum(weights.values()) or 1.0
        heaviest = self._heaviest_missing(case, best)
        never_used = self._never_used(case, heaviest)
        # Most of the question's words found, and a sentence that reads like its answer.
        confident = best.similarity >= SEMANTIC_CONFIDENT and best.coverage >= CONFIDENT_COVERAGE
        # "waar zijn hogescholen bang voor bij het uitvoeren van hun acties?": a light word the
        # documents never use ("bang") no sentence can hold; where the best one holds all the rest and
        # reads like the answer ("… zien de krapte … als een risico voor het uitvoeren van hun acties"),
        # it says the same in its own words (a heavy one is the subject, judged as never used below)
        # (one word: two never used, "scholen op Bonaire en Curaçao", "a student visa or residence
        # permit", are a case of their own)
        if best.similarity >= OWN_WORDS_SIMILARITY and len(heaviest) == 1 and heaviest[0].kind == "topic" \
                and not any(self._concept_units(heaviest[0])) \
                and weights.get(heaviest[0].word, 0.0) / total < FOCAL_SHARE:
            confident = True
        if wanted:
            # A question that asks for a number, date or name: the unit must give that kind of
            # answer and hold every heavy word of the question.
            type_missing = not self._gives(best.unit, question, wanted) or self._no_answer_of_its_kind(question, best.unit)
            # (and the question's heaviest word: "hoeveel weken achterstand bij *Engels*?" is not
            # answered by the weeks for Dutch and arithmetic)
            top = max((c for c in question.topics if c.kind == "topic"), key=lambda c: weights.get(c.word, 0.0), default=None)
            another_case = top is not None and self._another_case_named(top, best.unit, question.text)
            if top is not None and not another_case and (
                    any(u.id in self._concept_units(top)[0] for u in self._by_passage.get(best.unit.passage_id, [])
                        if u.id <= best.unit.id)
                    or top.word in best.unit.text.lower()
                    or not any(self.units[uid].heading == best.unit.heading for uid in self._concept_units(top)[0])):
                # (named in the answer's paragraph up to the answer, it may well be about it; named nowhere
                # in its section, the question may use another word: "programme period" for "looptijd".
                # Named only after the value, it is another case: "94,8% van de kandidaten slaagde" is no
                # pass rate of the staatsexamens the paragraph names later as still to come)
                top = None
            # (a word after an article is a thing, whatever its ending: "voor het staatsexamen")
            focal = [c for c in heaviest if (weights.get(c.word, 0.0) / total >= FOCAL_SHARE or c is top)
                     and (not verb_like(c) or (c is top and _after_article(c, question.text)))] or never_used
            if not focal and heaviest and case.explicit_theme and best.unit.theme != case.explicit_theme:
                # "hoeveel geld gaat er naar thema 2 welzijn?": a value outside the theme named, lacking a
                # word asked ("toegeschreven aan thema's ... € 12 miljoen"), is no value for that theme
                focal = heaviest[:1]
            if another_case:
                # (held only by a sentence beside it, "In de bovenbouw is op het gebied van spelling …",
                # the word still asks for another case than the value's)
                focal = [top] + [c for c in focal if c is not top]
            # (a count of the very thing "hoeveel X" asks about is its answer with fewer of the other
            # words: "in hoeveel regios beginnen ze met de thuiszitters aanpak?" -> "… de eerste drie
            # pilotregio's", which lacks only "aanpak"; not where it lacks a word the documents never
            # use as such, which may be the case asked: "… tekort aan stageplaatsen bij zorgopleidingen?")
            counts_asked = not type_missing and self._counts(best.unit, self._counted_words(question)) \
                and all(c.word in self._postings for c in heaviest)
            threshold = COUNTED_THRESHOLD if counts_asked else TYPED_THRESHOLD
            silent = type_missing or bool(focal) or (best.coverage < threshold and not confident)
            # "hoeveel stageplekken zijn er tekort in de zorg?": a heavy word the answer holds only
            # through a later sentence ("De meeste tekorten spelen … in de sector zorg") is another case
            # than the one the value counts (unless that sentence gives a value itself)
            named_after = [c for c in question.topics if c.kind == "topic" and not c.situation
                           and question.answer_type in ("number", "amount", "percentage", "duration")
                           and weights.get(c.word, 0.0) / total >= NAMED_AFTER_SHARE
                           and (not verb_like(c) or _after_article(c, question.text))
                           and self._named_only_after(c, best.unit, question, wanted)]
            if named_after and not silent:
                silent, focal = True, named_after[:1]
        else:
            type_missing, focal = False, never_used
            silent = bool(focal) or (best.coverage < ANSWER_THRESHOLD and not confident)
            # "mogen universiteiten het geld in 2025 nog besteden?": a year is a rare word, so a
            # sentence holding it may seem to answer with little else ("De regionale samenwerking die
            # sinds 2018 tot en met 2025 met extra middelen wordt ondersteund …"); without the year it
            # must still hold enough of the question, or the year is another subject's (a yes/no
            # question: one with a question word asks what its words say of the year)
            years = [c for c in question.concepts if names_a_year(c.word) and best.unit.id in self._concept_units(c)[0]]
            if years and not silent and not confident and not _QUESTION_WORD_RE.search(question.text):
                rest = {c.word: weights.get(c.word, 0.0) for c in question.concepts if c not in years}
                held = sum(w for word, w in rest.items() if word not in {c.word for c in best.missing})
                if sum(rest.values()) and held / sum(rest.values()) < ANSWER_THRESHOLD:
                    silent = True
                    focal = [c for c in heaviest if c.kind == "topic"][:1]
        # "hoeveel maanden studievertraging hebben tandheelkundestudenten?": a group word joined of two
        # words of the documents names a kind of people ("tandheelkunde" students); a unit that does not
        # name that kind ("studenten geneeskunde") is about another group
        other_group = [c for c in heaviest if c.kind == "topic" and not c.situation and not any(self._concept_units(c))
                       and self._kind_of_group_unnamed(c, best.unit)]
        if other_group and not silent:
            silent, focal = True, other_group[:1]
        # A year the question names and the answer does not: the documents may not cover it.
        # (in the sentence itself: "Ruim driekwart …" is no percentage for 2020 because the next sentence names 2020)
        document_year = _document_year(question, best.unit)
        # (a school year too: "studiejaar 2024/2025" is not the "2022/23" of the answer)
        missing_year = next((c for c in question.concepts if names_a_year(c.word) and c.word != document_year
                             and best.unit.id not in self._concept_units(c)[0]), None)
        if missing_year is not None:
            silent, focal = True, [missing_year]
        # "hoeveel studenten kregen na september 2021 een tegemoetkoming?": a value for a period that
        # ends before the time asked ("tot en met september 2021") says nothing of that time
        # (a yes/no question is answered by the period: "geldt het ook als ik in 2021 begon?" - no)
        # ("wat gebeurt er met het npo na 2025?": any question about the time after a period is not
        # answered by the period, "tot en met 2025")
        later = _time_after_period(question.text, best.unit.text) \
            if question.answer_type in ("number", "amount", "percentage") else \
            _time_after_period(question.text, best.unit.text, only_after=True) if question.answer_type is None else ""
        if later and not silent:
            # (named in the user's words: "after 2025", not the Dutch gloss's "na 2025")
            said = re.search(r"\b(?:after|from|since|beyond)\s+(?:[a-z]+\s+)?" + re.escape(later.split()[-1]),
                             question.typed or "", re.I) if question.typed else None
            surface = said.group(0) if said else later
            silent, focal = True, [Concept(word=later, surface=surface, alternatives=frozenset((later,)))]
        # "Wanneer wordt de tegemoetkoming uitbetaald?": a date answers only with its event; a
        # sentence that dates the scheme but not the paying is not the answer.
        # (a translated verb is a guess, except applying: "claim", "apply for" are "aanvragen")
        missing_event = [c for c in heaviest if c.kind == "topic"
                         and ((verb_like(c) and question.typed is None) or c.word in DATED_EVENTS)
                         and len(self._concept_units(c)[0]) < EVENT_VERB_UNITS
                         # (one the sentence holds with a particle is its event: "gesteund" - "ondersteund")
                         and not self._particle_variants(c.word) & best.unit.tokens] \
            if question.answer_type == "date" else []
        if missing_event and not silent:
            silent, focal = True, missing_event[:1]
        # "from what date does my extra year of travel start?": a start is dated by a sentence that says
        # when it starts ("vanaf", "per", "met ingang van"), not by the period it is for ("maart tot en
        # met december 2020"), however common the word for starting is in the documents
        missing_start = [c for c in heaviest if c.kind == "topic" and c.word in START_EVENTS and not c.situation] \
            if question.answer_type == "date" and not _START_DATE_RE.search(best.unit.text) else []
        if missing_start and not silent:
            silent, focal = True, missing_start[:1]
        if question.answer_type == "date" and not silent:
            # ("tot wanneer mogen basisscholen hun npo-geld uitgeven?": "Voor de zomer is aan scholen
            # gevraagd … een schoolscan" dates the scan; the spending is only in the sentences around it.
            # A date answers for the event its own sentence names.)
            around = [c for c in question.concepts if c.kind == "topic" and not c.situation and verb_like(c)
                      and c not in best.missing and best.unit.id not in self._concept_units(c)[0]
                      and weights.get(c.word, 0.0) / total >= FOCAL_SHARE]
            if around:
                silent, focal = True, around[:1]
        if asks_exact_date(question) and _VAGUE_TIME_RE.search(best.unit.text) and not list(extract.dates(best.unit.text)):
            # "voor welke datum moeten scholen hun plan klaar hebben?": "op korte termijn" is no date
            silent, type_missing = True, True
        # "Hoeveel krijgt een school per leerling?": only a rate answers a question about one.
        missing_rate = [c for c in best.missing if c.kind == "rate"]
        if missing_rate:
            silent, focal = True, missing_rate
        # "geef me het nummer van de LSVb": a contact detail asked for (personal-data words carry a
        # topic only then) is answered only by a sentence that gives it, not by one about the LSVb.
        missing_contact = [c for c in best.missing if c.word in CONTACT_WORDS]
        if missing_contact:
            silent, focal = True, missing_contact
        # "hoeveel onderzoekers met een vaste aanstelling kregen verlenging?": a sentence that names the
        # opposite of a word asked ("aangesteld op een tijdelijk contract") and not the word is about
        # another case (only a question that checks a premise is answered by the opposite)
        opposed = [c for c in question.concepts if c.kind == "topic" and best.unit.id not in self._concept_units(c)[0]
                   and self.lexicon.other_cases.get(c.word, frozenset()) & best.unit.tokens] \
            if not checks_premise(question.text) else []
        if opposed:
            silent, focal = True, opposed[:1]
        # "Welke gemeente krijgt het meeste geld?" asks for a top one: a name or number without a
        # superlative ("het meest", "vooral") does not answer it.
        # (the sentence an answer points back to says it too: "Bij rekenen was de vertraging … het
        # grootst. Het gaat gemiddeld om 10 weken leervertraging.")
        if wanted and superlative_asked(question) and "superlative" not in best.unit.types \
                and not self._antecedent_says_most(best.unit):
            silent = True
        # "Hoeveel interventies staan er in totaal op de menukaart?" asks for a total: an average
        # ("een mix van gemiddeld acht interventies") is not one.
        if wanted and TOTAL_RE.search(question.text) and _AVERAGE_RE.search(best.unit.text) \
                and not TOTAL_RE.search(best.unit.text):
            silent = True
        # "Hoeveel geld krijgen de scholen in totaal?" asks for the whole: a value the sentence gives
        # for some sectors only ("hogeronderwijsinstellingen en mbo-scholen … € 516 miljoen") is a part.
        if wanted and TOTAL_RE.search(question.text) and not case.sectors_asked \
                and value_sectors(best.unit.text, wanted, self.lexicon):
            silent, type_missing = True, True
        # "Wat was de uitkomst van de evaluatie?": a sentence that says it will be done is no outcome.
        if _OUTCOME_QUESTION_RE.search(question.text) and _PLANNED_RE.search(best.unit.text) \
                and not _OUTCOME_QUESTION_RE.search(best.unit.text):
            silent = True
        # "in welke functie werken de meeste mbo-studenten?": a sentence with none of the words by which
        # one gives the kind of answer asked (lexicon `answer_kinds`: "werkt *als* …") does not give it
        kind_missing = [c for c in question.concepts if self.asks_answer_kind(c)
                        and not self.gives_answer_kind(c, best.unit)]
        if kind_missing and not silent:
            silent, focal = True, kind_missing[:1]
        return Gap(silent, focal, heaviest, type_missing, missing_year,
                    missing_rate[0].surface if missing_rate else None)

    def asks_answer_kind(self, concept: Concept) -> bool:
        """Is the concept a noun naming the kind of answer asked ("in welke *functie*")?"""
        markers = self.lexicon.answer_kind_words(concept.word)
        return bool(markers) and markers <= concept.alternatives

    def gives_answer_kind(self, concept: Concept, unit: Unit) -> bool:
        """Does the unit say it the way that kind of answer is given ("werkt *als* …" for a function)?"""
        tokens = normalize_tokens(unit.text)
        return any(holds_phrase(tokens, phrase) for phrase in self.lexicon.answer_kinds[concept.word])

    def _another_case_named(self, concept: Concept, unit: Unit, question_text: str = "") -> bool:
        """Does the unit (with the sentence it points back to) name another item of a list the documents
        give the concept in, and not the concept? "Bij rekenen was de vertraging … het grootst. Het gaat
        gemiddeld om 10 weken" gives no weeks for spelling, listed beside rekenen among the kernvakken."""
        own = set(self._concept_words(concept)) | set(concept.alternatives) | {concept.word}
        beside = set().union(*(self._listed_beside.get(w, set()) for w in own)) - own
        held = unit.tokens | unit.borrowed
        if own & held:
            return False
        # ("studenten *verpleegkunde*" asks for another field than "studenten *geneeskunde*": the same
        # group followed by another noun of the documents)
        field = self._field_of_group(unit.text)
        if field and concept.word not in field and field - own and concept.word in self._postings:
            return bool(re.search(_GROUP_THEN + re.escape(concept.surface) + r"\b", question_text, re.I))
        return bool(beside & held)

    def _field_of_group(self, text: str) -> Set[str]:
        """The nouns of the documents right after a group of people: "studenten geneeskunde" -> geneeskunde."""
        found = set()
        for m in _GROUP_THEN_WORD_RE.finditer(text):
            word = lemma(m.group(1))
            if len(word) >= 6 and not is_stop_word(word) and word in self._postings and not word.endswith("en"):
                found.add(word)
        return found

    def _wider_count(self, question: Question, unit: Unit, asking: Sequence[str]) -> bool:
        """Does the question count a group of one sector ("hoeveel wo-studenten …") that the unit counts
        only for more sectors together, without naming any in its own text?"""
        group = _SECTOR_GROUP_COUNT_RE.search(question.text)
        if question.answer_type not in ("number", "percentage") or not group \
                or not sectors_in(normalize_tokens(group.group(1)), self.lexicon) \
                or sectors_in(normalize_tokens(unit.text), self.lexicon):
            return False
        return bool(_sector_parts(unit.sectors) - _sector_parts(asking))

    def _thing_for_other_sectors(self, question: Question, unit: Unit, asking: Sequence[str]) -> bool:
        """Do the clauses that name the question's rarest topic word, in the unit or (where the unit
        holds it only around it) in the neighbouring sentence that does, name only other sectors than
        the ones asked? The sentence may be for several sectors while the thing asked is for one."""
        concept = self.rarest_topic(question)
        if concept is None:
            return False
        held = set(self._concept_words(concept))
        texts = [u.text for u in (unit, self._neighbour(unit, -1), self._neighbour(unit, 1))
                 if u is not None and held & u.tokens]
        if not texts:
            return False
        before = self._neighbour(unit, -1)
        if held & unit.tokens and not sectors_in(normalize_tokens(unit.text), self.lexicon) \
                and not self._names_sector_asked(concept.word, asking) \
                and before is not None and held & before.tokens:
            # "De meeste tekorten spelen … in de sector zorg (zowel mbo als hbo). Het kabinet heeft voor
            # de aanpak van stagetekorten in de zorg …": a sentence that names no sector goes on about
            # the thing the sentence before it gave for some sectors
            texts = [before.text]
        if any(applies_to(sectors_in(normalize_tokens(texts[0]), self.lexicon), s) for s in asking):
            return False  # (its other clause may speak of the same thing: "…, in het vo start de pilot")
        given_for = clause_sectors(texts[0], held, self.lexicon)
        return bool(given_for) and not any(applies_to(sorted(given_for), s) for s in asking)

    def _names_sector_asked(self, word: str, asking: Sequence[str]) -> bool:
        """Is `word` a compound of a word for a sector asked about ("pabostudenten" for the
        lerarenopleiding)? Then the thing asked is that sector's, whatever the sentence before says
        ("Ruim driekwart van de pabostudenten die in het primair onderwijs werkt …")."""
        return any(word.startswith(w) and len(w) >= 3 and applies_to([sector], s)
                   for w, sector in self.lexicon.sector_words.items() for s in asking)

    def _named_only_after(self, concept: Concept, unit: Unit, question: Question, wanted: Set[str]) -> bool:
        """Does the unit's passage name `concept` only in sentences after the unit (not in it, before
        it or in its heading), none of which gives the kind of answer asked for?"""
        holding = self._concept_units(concept)[0]
        if unit.id in holding or self._concept_words(concept) & unit.heading or concept.word in unit.text.lower():
            return False
        passage = self._by_passage.get(unit.passage_id, [])
        if any(u.id in holding for u in passage if u.id < unit.id):
            return False
        later = [u for u in passage if u.id > unit.id and u.id in holding]
        # (a vague quantity gives no value: "De meeste tekorten spelen … in de sector zorg")
        return bool(later) and not any(self._gives(u, question, wanted) and (
            u.types & {"amount", "percentage"}
            or {m.group(0).lower() for m in NUMBER_RE.finditer(u.text)} - _VAGUE_QUANTITIES) for u in later)

    def _no_answer_of_its_kind(self, question: Question, unit: Unit) -> bool:
        """Does a unit that gives the kind of answer asked for still not answer: a duration or amount
        of some sectors for the whole programme, a span of time or a vague quantity for a count?"""
        # "hoe lang duurt het npo?", "hoeveel geld heeft het npo?": about the programme as a whole,
        # which nearly every sentence names. A duration or amount is its own only in a sentence
        # that opens with it ("Het Nationaal Programma Onderwijs is in februari … gepresenteerd"),
        # not one that names it on the side ("… de komende twee jaar een arbeidsmarkttoelage …
        # tijdens het NP Onderwijs").
        # (nor one that opens with it but counts what some sectors get: "In het kader van het NP
        # Onderwijs ontvangen hogeronderwijsinstellingen en mbo-scholen … € 516 miljoen" is no total budget)
        if self._only_the_programme(question) and (
                not self._opens_with_programme(unit) or (unit.sectors and not question.sectors)):
            return True
        # "when will the aftercare regulation be published?": "… tot en met 24 december … op basis van
        # een nog te publiceren regeling" says the asked event is still to come; its date is another's
        if question.answer_type == "date":
            pending = {lemma(m.group(1)) for m in _STILL_TO_COME_RE.finditer(unit.text)}
            if pending and any(pending & (self._concept_words(c) | {c.word}) for c in question.concepts
                               if c.kind == "topic"):
                return True
        # "hoe vraag je als mbo-school die nazorgsubsidie aan?": "… kunnen tot en met 24 december subsidie
        # aanvragen … op basis van een nog te publiceren regeling" says until when one may apply and that
        # the rules it is done by are still to come; how to apply is not given yet
        if question.answer_type == "procedure" and _STILL_TO_COME_RE.search(unit.text):
            return True
        # "hoe lang duurt de opleiding geneeskunde?": "… dat zij 12 maanden extra reisrecht krijgen" is
        # how long the travel right lasts; a span of time followed by its own noun belongs to that noun,
        # and answers only a question that names it
        if question.answer_type == "duration" and _LASTS_RE.search(question.text) \
                and self._durations_of_others(question, unit):
            return True
        # "hoeveel studenten zitten in een studentenraad?": a vague quantity that counts
        # something else ("op de meeste scholen") is no count of them
        counted = self._counted_words(question)
        quantities = {m.group(0).lower() for m in NUMBER_RE.finditer(unit.text)}
        # ("hoeveel studenten kregen extra reisrecht?": "12 maanden extra reisrecht" is how long, not how many)
        # (people or institutions counted, not "hoeveel vertraging …?", which a span of time answers)
        if counted and any(_COUNTABLE_RE.search(w) for w in counted) \
                and self._only_spans_of_time(unit) and not self._counts(unit, counted):
            return True
        # ("hoeveel zorginstellingen krijgen de subsidie?": "€ 63,5 miljoen subsidie … voor
        # zorginstellingen" is how much money, not how many of them)
        if counted and any(_COUNTABLE_RE.search(w) for w in counted) \
                and self._only_money(unit) and not self._counts(unit, counted):
            return True
        return bool(counted and quantities and counts_only_vaguely(unit) and not self._counts(unit, counted))

    @staticmethod
    def _only_money(unit: Unit) -> bool:
        """Is every number in the unit part of a sum of money ("€ 7,3 miljoen"), so no count?"""
        amounts = [m.span() for m in extract.AMOUNT_RE.finditer(unit.text)]
        found = list(NUMBER_RE.finditer(unit.text))
        return bool(amounts) and bool(found) and all(
            any(start <= m.start() < end for start, end in amounts) for m in found)

    def _unnamed_kinds(self, question: Question) -> List[Tuple[Concept, str]]:
        """Kinds of a thing the question names that the documents never name as one: a compound of
        two of their words whose tail is no person ("instellings|collegegeld"; "achterstandsleerlingen"
        are described in other words), or the noun after "ook voor" with a word before it that the
        documents never put before it ("een tweede studie")."""
        found = []
        for c in question.concepts:
            # (not a word they use, nor one the lexicon gives their word for: "coassistent" is "coschap")
            if c.kind != "topic" or c.situation or len(c.word) < 10 or "-" in c.word \
                    or any(alt in self._postings or any(alt in v for v in self._long_vocabulary)
                           for alt in set(c.alternatives) | {c.word}):
                continue
            for first, tails in compound_cuts(c.word, 4):
                known = [t for t in tails if t in self._postings or lemma(t) in self._postings]
                # (nor two words they write side by side: "sport evenementen")
                apart = re.compile(r"\b" + re.escape(first) + r"[\s-]+" + "(?:" + "|".join(map(re.escape, known))
                                   + r")", re.I) if known else None
                if (first in self._postings or lemma(first) in self._postings) and known \
                        and not any(_names_people(t) for t in known) \
                        and not any(apart.search(u.text) for u in self.units):
                    found.append((c, c.surface))
                    break
        text = question.text.lower()
        for m in _ALSO_KIND_RE.finditer(text):
            before, noun = m.group(1), m.group(2)
            concept = next((c for c in question.concepts if c.kind == "topic" and c.surface.lower() == noun), None)
            # (an adjective or ordinal before it: "een tweede studie", not "de opleiding tandheelkunde")
            if concept is None or not before.endswith("e") or is_stop_word(before) or before in _NOT_KIND_WORDS \
                    or lemma(before) not in self._postings \
                    or any(c.kind == "sector" and before in c.surface.lower().split() for c in question.concepts):
                continue
            pair = re.compile(r"\b" + re.escape(before) + r"\s+" + re.escape(noun), re.I)
            if not any(pair.search(u.text) for u in self.units):
                found.append((concept, f"{before} {noun}"))
        return found

    def _kind_of_group_unnamed(self, concept: Concept, unit: Unit) -> bool:
        """Is the concept a person noun joined to a word of the documents ("tandheelkunde|studenten")
        whose first part the unit does not name?"""
        for first, tails in compound_cuts(concept.word, 4):
            if (first in self._postings or lemma(first) in self._postings) \
                    and any(_names_people(t) and (t in self._postings or lemma(t) in self._postings) for t in tails):
                # (named in a compound of the unit too: "achterstandsleerlingen" in "achterstandsscore")
                return not any(t.startswith(w) or t.endswith(w) for t in unit.tokens | unit.borrowed
                               for w in (first, lemma(first)))
        return False

    def _durations_of_others(self, question: Question, unit: Unit) -> bool:
        """Is every span of time in the unit followed by a noun of its own ("12 maanden extra reisrecht",
        "een maand recht") that the question does not name?"""
        spans = list(DURATION_RE.finditer(unit.text))
        if not spans or YEAR_SPAN_RE.search(unit.text):
            return False
        named = set()
        for c in question.concepts:
            named |= set(self._concept_words(c)) | set(c.alternatives) | {c.word}
        named = {w.split(PARTS)[-1] for w in named if len(w) >= 4}

        def owner(span) -> Optional[str]:
            following = [t for t in normalize_tokens(unit.text[span.end():span.end() + 60])
                         if t not in _DURATION_QUALIFIERS]
            first = following[0] if following else ""
            return first if first.isalpha() and not is_stop_word(first) and first in self._postings else None

        owners = [owner(span) for span in spans]
        return all(o is not None and not any(o == w or o.endswith(w) for w in named) for o in owners)

    def _mismatch(self, case: Case, best: Scored) -> Optional[Result]:
        """A near miss where the best unit is about another school type, excludes no one for a
        question after an exception, or speaks of another year than the one asked about."""
        question = case.question
        # "hoeveel weken achter lopen havoleerlingen bij rekenen?": the school type asked (all of them
        # are "vo" to the lexicon) is not the one a count for other types is about ("16 weken bij
        # rekenen … voor vmbo-leerlingen, 5 weken voor vwo-leerlingen": no number for havo)
        asked_types = school_types(question.text)
        given_types = set(SCHOOL_TYPE_RE.findall(best.unit.text.lower()))
        # (nor is a figure for all of them: "gemiddeld 94,8% van de kandidaten slaagde" is no pass rate of the vmbo)
        if case.wanted and asked_types and not asked_types & given_types:
            return case.result("near_miss", shown=[best.unit], missing=(sorted(asked_types)[0],),
                               missing_type=question.answer_type)
        # "voor wie geldt de halvering van het collegegeld niet?": a sentence that excludes no one does
        # not say for whom (nor may it be shown as if it did)
        # ("nog niet" says "not yet", no exclusion, unless that is what is asked: "wat is nog niet toegeschreven?")
        excluding = best.unit.text if _NOT_YET_RE.search(question.text) else _NOT_YET_RE.sub(" ", best.unit.text)
        if _EXCEPTION_QUESTION_RE.search(question.text) and not _EXCLUDES_RE.search(excluding):
            return case.result("near_miss", shown=[best.unit])
        # (nor does a sentence that says who may get something say what happens to one who asked too late)
        if _LATE_QUESTION_RE.search(question.text) and not _LATE_ANSWER_RE.search(best.unit.text):
            return case.result("near_miss", shown=[best.unit])
        # "klopt het dat het collegegeld volgend studiejaar weer gehalveerd wordt?": a sentence about
        # "dit studiejaar" does not confirm it for the next one (nor for last year); the documents say
        # nothing about the time asked. (A sentence that names no such time is judged as before.)
        asked_times = relative_times(question.text)
        given_times = relative_times(best.unit.text)
        # (nor does a sentence about another year than the one meant: "ook volgend jaar?" after the pass
        # rate of 2021, in a letter of 2021)
        # (the time the question asks about, not one in the clause that tells who asks; an English
        # question's Dutch gloss keeps no clauses: "I lost my grant last year. Is there money for 2022/23?")
        document_year = _document_year(question, best.unit)
        meant_years = {frame: int(document_year or (best.unit.cite.date or "0")[:4]) + _FRAME_YEARS[frame]
                       for frame in relative_times(asked_part(question.text)) if frame in _FRAME_YEARS} \
            if asked_times and question.typed is None else {}
        given_years = {int(y) for y in _YEAR_IN_TEXT_RE.findall(best.unit.text)}
        other_time = next((phrase for frame, phrase in asked_times.items()
                           if (given_times and frame not in given_times)
                           or (not given_times and frame in meant_years and given_years
                               and meant_years[frame] not in given_years)), None)
        if other_time:
            return case.result("near_miss", shown=[best.unit], missing=(other_time,))
        return None

    def _not_answered(self, case: Case, best: Scored, gap: Gap, other_sector: Optional[str]) -> Result:
        """The best unit does not answer (something asked is missing, or it is for another sector):
        say what the documents do not give and show the related fact as such, or, where little in
        them is about the question at all, that it is not known."""
        question, ranked, wanted = case.question, case.ranked, case.wanted
        if other_sector is None:
            # ("how do I open a Dutch bank account?": two of its words the documents never use, and the
            # best unit holds little else: nothing in them is about it, whatever shares 'student')
            unnamed = [c for c in question.concepts if c.kind == "topic" and not any(self._concept_units(c))]
            if len(unnamed) >= UNNAMED_OUT_OF_SCOPE and best.coverage < OUT_OF_SCOPE_COVERAGE:
                return case.result("unknown")
            if not self._holds_enough(case, best):
                # Not the answer, and only the embedding found it related ("hoe laat begint de les morgen?"
                # -> weeks of learning delay): nothing in the documents is about the question.
                return case.result("unknown")

        # Name a missing word only where it is true: the documents never use it, or (for a
        # question after a number, date or name) no sentence that uses it gives one.
        def untrue_elsewhere(c: Concept) -> bool:
            return bool(wanted) and not any(self.units[u].types & wanted for u in self._concept_units(c)[0])

        # (a year the answer lacks is named too: the documents' "2022-2023" holds 2023, but gives no
        # number of pabostudenten for it)
        named = [c for c in gap.focal or gap.heaviest[:2] if not any(self._concept_units(c)) or untrue_elsewhere(c)
                 or (c is gap.missing_year and (bool(wanted) or c.word not in self._named_years))]
        typed_gap = bool(named) and (untrue_elsewhere(named[0]) or named[0] is gap.missing_year) \
            or (gap.type_missing and not named)
        # (for another sector, or a missing word or rate, the best fit is the related fact)
        # (so is a typed unit that holds too little of the question: "hoeveel?" after "krijg ik korting
        # op collegegeld?" is no amount of the grants, the halving is what the documents say)
        weak = wanted and best.coverage < TYPED_THRESHOLD
        # (a rate no unit gives: the total that is given, for what is asked - "hoeveel krijgt een
        # mbo-instelling per student?" shows the € 516 miljoen for mbo and ho, not an action for students)
        total = next((s.unit for s in ranked if wanted & s.unit.types and s.coverage >= RELATED_THRESHOLD
                      and all(c.kind == "rate" for c in s.missing)), None) if gap.missing_rate else None
        if total is None and gap.type_missing and other_sector is None and self._only_the_programme(question):
            # ("hoeveel kost het npo in totaal?": no total is given; what is, is what the programme
            # gives some sectors - "In het kader van het NP Onderwijs ontvangen … € 516 miljoen")
            total = next((u for u in self._programme_units if wanted & u.types), None)
        if total is not None and other_sector is None:
            related = total
        else:
            related = self._related(best, question, case.asked_sector, case.theme, named) \
                if (typed_gap or weak) and other_sector is None else best.unit
        if gap.missing_year is not None and other_sector is None and "date" not in related.types:
            # "krijgen de instellingen het geld pas in 2023?": the sentence as close to the question that
            # says when ("in de jaren 2021 en 2022") corrects it; another one does not
            # (not one that holds the year asked, inside its school year: the grants for students who
            # lose them "in de studiejaren 2021/2022 en 2022/23" do not say when the institutions get money)
            related = next((s.unit for s in ranked if "date" in s.unit.types
                            and s.coverage >= best.coverage - YEAR_RELATED_MARGIN
                            and s.unit.id not in self._concept_units(gap.missing_year)[0]), related)
        # (a kind of answer no sentence gives is what is missing, not a word: "hoe laat begint de
        # nieuwe regeling?" lacks a time of day, not 'nieuwe')
        never_given = typed_gap and bool(wanted) and not wanted & self._given_types
        return case.result("near_miss", shown=[self._with_antecedent(related)],
                           missing=() if never_given else tuple(c.surface for c in named[:1]),
                           missing_rate=gap.missing_rate, missing_type=question.answer_type if typed_gap else None,
                           other_sector=other_sector)

    def _related(self, best: Scored, question: Question, sector: Optional[str], theme: Optional[int],
                 named: Sequence[Concept] = ()) -> Unit:
        """What to show beside "the documents do not give it": for a question after a number, date or
        name none of them gives, the unit most about its subject ("hoeveel kost de halvering?": the
        halving, not another sentence with an amount)."""
        about, _ = self._rank(replace(question, answer_type=None), sector, (), RELATED_CANDIDATES, theme)
        # (the subject the documents do write about, without the number asked: "hoeveel zij-instromers
        # zijn er in 2021 op de pabo begonnen?" shows a sentence about zij-instromers, not one that only
        # shares the year and "beginnen")
        # (a thing, not what is done or how much: "gerealiseerd", "betaal" or "hoe groot" name no subject)
        subject = [c for c in named if c.kind == "topic" and any(self._concept_units(c))
                   and not c.word.endswith("en") and c.word not in SIZE_WORDS]
        if subject and any(c in best.missing for c in subject):
            # (and something else the question asks about: "nederland" alone is no subject's fact)
            holding = next((s for s in about if not any(c in s.missing for c in subject)
                            and s.coverage >= RELATED_THRESHOLD
                            and len(question.concepts) - len(s.missing) > len(subject)), None)
            if holding is not None:
                return holding.unit
        if sector and about and sector not in about[0].unit.sectors:
            # (a unit for the very sector asked before one for a wider sector: "hoe lang duurt de
            # opleiding geneeskunde?" shows the theme on the medical studies, not the lead-in of the
            # theme for teacher training, which is for all of wo)
            about = [next((s for s in about if s.coverage >= about[0].coverage and sector in s.unit.sectors),
                          about[0])]
        about = about[:1]
        if not about or about[0].coverage < best.coverage:
            return best.unit
        # (nor one of another sector than the best, which is for the sector asked: "waarom?" after the
        # po's 10 weeks shows those, not the vmbo's weeks)
        if sector and best.unit.sectors and applies_to(best.unit.sectors, sector) \
                and about[0].unit.sectors and not applies_to(about[0].unit.sectors, sector):
            return best.unit
        return about[0].unit

    @staticmethod
    def _gives(unit: Unit, question: Question, wanted: Set[str]) -> bool:
        """Does the unit give the kind of answer asked for? A count must be another number than
        the ones the question itself names ("hoeveel studenten gebruiken de 12 maanden extra
        reisrecht?" is not answered by the sentence that grants the 12 months); a date for "wanneer
        krijg ik …?" must not lie wholly before the document."""
        if not unit.types & wanted:
            return False
        if wanted == {"date"} and asks_own_future(question) and dated_before_document(unit):
            return False
        if not wanted & {"number", "amount", "percentage", "duration"}:
            return True
        asked = {m.group(0).lower() for m in NUMBER_RE.finditer(question.text)}
        return not asked or any(m.group(0).lower() not in asked for m in NUMBER_RE.finditer(unit.text))

    def _only_the_programme(self, question: Question, besides: Iterable[str] = ()) -> bool:
        """Is the programme all the question names, besides the kind of answer ("hoeveel *geld*") and
        the words `besides`?"""
        named = {w.lower() for w in words(question.text)} & (self.lexicon.programme_names | {"nationaal"})
        # ("het nationaal programma onderwijs" is read as "nationaal", whose synonyms are the programme's names)
        rest = [c for c in question.topics if c.kind == "topic" and c.word not in besides
                and not ({c.word} | set(c.alternatives)) & self.lexicon.programme_names
                and not (question.answer_type == "amount" and is_about_money(replace(question, concepts=(c,))))]
        return bool(named) and not rest

    @functools.cached_property
    def _programme_units(self) -> List[Unit]:
        """The units that open with the programme itself, in document order (read once)."""
        return [u for u in self.units if self._opens_with_programme(u)]

    def _opens_with_programme(self, unit: Unit) -> bool:
        """Does the unit name the programme as itself in its opening: "Het Nationaal Programma
        Onderwijs is …", "In het kader van het NP Onderwijs ontvangen …", not as part of another
        name ("Deze eerste voortgangsrapportage NP Onderwijs …")?"""
        opening = [w.lower() for w in words(unit.text)[:DEFINITION_OPENING]]
        return any(w in ("npo", "np", "nationaal") and (i == 0 or opening[i - 1] in _BEFORE_A_NAME)
                   for i, w in enumerate(opening))

    def _antecedent_says_most(self, unit: Unit) -> bool:
        """Is the sentence `unit` points back to a superlative ("… het grootst")?"""
        before = self._neighbour(unit, -1) if unit.kind == "sentence" and unit.index > 0 else None
        return before is not None and "superlative" in before.types and points_back(unit.text, before.text)

    def _with_antecedent(self, unit: Unit) -> Unit:
        """A sentence whose subject is a pronoun ("Deze lopen nog eens extra risico …") is shown after
        the sentence of its passage that it points back to, as one answer."""
        before = self._neighbour(unit, -1) if unit.kind == "sentence" and unit.index > 0 else None
        if before is None or not points_back(unit.text, before.text):
            return unit
        return replace(unit, text=f"{before.text} {unit.text}")
