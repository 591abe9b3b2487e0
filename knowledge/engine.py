"""The answer engine: rank every answer unit of the knowledge base for a question, then decide.

Answer units are the sentences of every passage (with their passage as context), the actions and
the themes of the annex. A question (see :mod:`knowledge.question`) is a set of concepts, each a
group of interchangeable words (lemmas, synonyms from ``lexicon.yml``, compound parts), plus the
kind of answer it wants (an amount, a date, ...) and the sectors it names.

A unit's score is the IDF-weighted share of the question's concepts it contains (words in the
unit count fully, words only in its passage or heading count half), plus small terms for the
answer type, the sector, the dialogue's topic prior and, for questions of three or more topic
words, the unit's sentence-embedding similarity to the question (:mod:`knowledge.semantic`;
paraphrases the words miss). The decision then says one of:

- ``answer``: the best unit holds what was asked;
- ``near_miss``: the question is about the documents' topics but asks for something no unit
  holds (a concept or a kind of answer is missing): say so, then show the nearest fact as such;
- ``unknown``: nothing in the documents is about this;
- ``themes`` / ``actions`` / ``dates``: the question asks for a list the KB holds as structure.

Pure functions over data loaded once per knowledge base; no Rasa, no I/O per question.
"""
from __future__ import annotations

import difflib
import functools
import math
import re
from dataclasses import dataclass, field, replace
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np

from . import extract, semantic
from .lexicon import load_lexicon
from .normalize import PARTICLES, is_dutch_word, is_stop_word, lemma, normalize_tokens, words
from .question import (CONTACT_WORDS, DATED_EVENTS, PERSON_WORDS, PREAMBLE, Concept, Question, analyse,
                       asked_part, is_about_money)
from .question_forms import (DEADLINE_QUESTION_RE, DEFINITION_RE, LIST_WORDS, PERSONAL_RE, YEAR_RE, asks_for_actions,
                             asks_for_themes, asks_own_future, subject_words, superlative_asked, theme_number,
                             verb_like, WHAT_RE)
from .schema import applies_to
from .units import (COMPARATIVES, NUMBER_RE, SIGNATURE_RE, Unit, build_units,
                    dated_before_document, points_back)
from .wordparts import MIN_STEM, compound_cuts, is_compound_part, stem

# ----------------------------------------------------------------------------- tuning
# Chosen on the dev split of tests/eval/questions.yml (make eval); see README "Measuring".
ANSWER_THRESHOLD = 0.50      # coverage the best unit needs to count as the answer
STRICT_THRESHOLD = 0.75      # the same for a message NLU took for chit-chat or out of scope
TYPED_THRESHOLD = 0.6        # the same for questions that ask for a number, date or name
UNNAMED_OUT_OF_SCOPE = 2      # a question with this many words the documents never use ...
OUT_OF_SCOPE_COVERAGE = 0.50  # ... whose best unit holds less than this is about nothing in them
RELATED_THRESHOLD = 0.30     # below this, nothing in the documents is about the question
FOCAL_SHARE = 0.40           # a missing concept this heavy (share of weight) makes a near miss
NEIGHBOUR_SOURCES = 3       # well-matched sentences whose neighbours may hold the typed answer
CONTEXT_WEIGHT = 0.35         # a concept found only in the unit's passage or heading
SECTOR_CONCEPT_WEIGHT = 0.4  # sector words say "for whom", not "what"
TYPE_BONUS = 0.10
TYPE_PENALTY = 0.06
REASON_BONUS = 0.05           # "waarom": a sentence that gives a cause or purpose
SECTOR_BONUS = 0.05
SECTOR_PENALTY = 0.12
LIST_LEAD_MARGIN = 0.05       # a theme's list lead-in this close to the best answers "what can be done" with the list
THEME_BONUS = 0.15            # the question names the annex theme ("volgens thema 2") the unit is in
PRIOR_BONUS = 0.3            # divided by the number of topic words: a short question leans on NLU
HEADING_BONUS = 0.1          # the unit's section heading names the question's subject too
FOOTNOTE_PENALTY = 0.03
_PREDICATE_ON_BEFORE_RE = re.compile(
    r"(?:Dat|Dit|Deze|Die)\s+(?:is|was|zijn|waren|komt|kwam|komen|heeft|had|hebben|wordt|werd|worden|gaat|ging|"
    r"betekent|geldt|staat|kost|kostte)\b")
ASIDE_PENALTY = 0.2           # a sentence that goes on about the one before, which the question's words miss
YEAR_RELATED_MARGIN = 0.05    # a year the documents do not name: a dated sentence this close is shown beside it
TYPO_CUTOFF = 0.84
UNKNOWN_WORD_UNITS = 5        # a word found nowhere weighs as one found in this many units
SEMANTIC_WEIGHT = 0.2         # per standard deviation of a unit's embedding similarity above the mean
SEMANTIC_CONFIDENT = 4.0      # this similarity (in SDs) plus CONFIDENT_COVERAGE answers below the thresholds
CONFIDENT_COVERAGE = 0.3
EVENT_VERB_UNITS = 10         # a "wanneer" question's verb in fewer units than this names its event
SECTOR_SWAP_MARGIN = 0.30     # a fact for the sector asked this close beats one for another sector
AMBIGUOUS_MARGIN = 0.10       # a unit of another passage scores this close to the best: unsure which
AMBIGUOUS_SIMILARITY = 3.0    # ... unless the best reads clearly like the question (SDs)
SEMANTIC_FULL_TOPICS = 3      # shorter questions: the words and NLU's prior decide alone
SEMANTIC_CANDIDATES = 12      # units the embedding adds to the lexical candidates
PARTS = "+"                   # joins the two KB parts of a compound question word
SPLIT_COVERAGE = 0.55         # a best this weak, and a rival holding the word it lacks: unsure (no embedding)
_MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"}
COMPOUND_TAIL_UNITS = 20      # a compound's plural tail in more units than this is too common to count by its lemma
MORE_LIMIT = 4
FOCUS_SENTENCES = 2           # an action longer than this is shown as its name and the sentence that answers
# A sentence that starts with one of these continues the one before it.
CONTINUATION_WORDS = {
    "dit", "deze", "dat", "die", "daarvoor", "hiervoor", "daarmee", "hiermee", "daarbij", "hierbij",
    "daardoor", "hierdoor", "daarnaast", "ook", "zij", "ze", "het", "hierover", "daarover", "wel",
    "toch", "echter", "maar", "zo", "daarom", "bovendien", "hierin", "daarin",
}
BACK_REFERENCES = {"daarvoor", "daarvan", "daarmee", "daarbij", "daardoor", "daarin", "daarop", "daarover",
                   "hiervoor", "hiervan", "hiermee", "hierbij", "hierdoor", "hierin", "hierop", "deze"}
CONTINUATION_PHRASES = {"op die", "op deze", "op dat", "in dat", "in die", "als gevolg"}

_TOTAL_RE = re.compile(r"\b(in )?totaal\b|\bbij elkaar\b|\balles samen\b", re.I)
_AVERAGE_RE = re.compile(r"\bgemiddeld(e)?\b", re.I)
# The verb of an amount question: "hoeveel *verdient* …", "wat *verdienen* …".
_AMOUNT_VERB_RE = re.compile(r"^\W*(?:\w+\W+){0,2}?(?:hoe ?veel|wat)\s+(?:geld\s+|euro\s+)?(\w+)", re.I)

# Which unit types satisfy which answer type.
SATISFIES = {
    "amount": {"amount"},
    "percentage": {"percentage"},
    "duration": {"duration"},
    "number": {"number", "amount", "percentage", "duration"},
    "date": {"date"},
    "who": {"who"},
    "procedure": {"procedure"},
}

_TIME_UNIT_AFTER_RE = re.compile(r"\s*(?:tot\s+\w+\s+)?(?:maand|maanden|week|weken|jaar|jaren|dag|dagen|uur|schooljaren|studiejaren)\b", re.I)
_VAGUE_QUANTITIES = {"meeste", "merendeel", "handvol"}
_URL_ONLY_RE = re.compile(r"^\s*https?://\S+\s*$")
_COMPARATIVE_QUESTION_RE = re.compile(r"\b" + COMPARATIVES + r"\b.*\b(of|dan)\b", re.I)
# "wat doet de uni tegen …?", "wat kan mijn school eraan doen?": what is done, an action of the annex.
# The sentence that opens a theme's list of actions in the annex.
_LIST_LEAD_RE = re.compile(r"\bvolgende\b(?:\s+\w+)*\s+acties\s*:\s*$", re.I)
_MEASURE_QUESTION_RE = re.compile(r"\bwat (doe|doet|doen|kan|kunnen|gaat|gaan|wordt)\b.*\b(doen|gedaan|aan|tegen)\b", re.I)
# (not a phrase that only sounds like a place: "ook in aanmerking", "in plaats van", "in het kader van")
_ASKED_THING_RE = re.compile(r"^\W*(?:(?:and|but|en|maar)\s+)?(?:what|which|welke?|wat voor(?: een)?)\s+([\w'-]+(?:\s+[\w'-]+)?)")
# A sentence that opens with one of these adds another thing to the one before it.
_ADDS_ANOTHER_RE = re.compile(r"(daarnaast|ook|verder|tevens|bovendien|daarbij|andere)\b", re.I)
# The head of a word for a group of people ("deeltijdstudenten", "promovendi", "postdocs").
_GROUP_HEAD_RE = re.compile(r"(?:%s|postdoc|promovend(?:us|i)|kleuter|conci[eë]rge|vluchteling|alumn[iu]s?)(?:en|s|eren|i)?$"
                            % "|".join(PERSON_WORDS))


def _names_people(word: str) -> bool:
    """A person noun as typed or as its lemma ("gepensioneerde *leraren*" -> leraar)."""
    return bool(_GROUP_HEAD_RE.search(word) or _GROUP_HEAD_RE.search(lemma(word)))


# What "hoeveel X" counts as a number of: people or institutions.
_COUNTABLE_RE = re.compile(_GROUP_HEAD_RE.pattern.replace("(?:", "(?:school|instelling|gemeente|", 1))
_ALSO_FOR_RE = re.compile(r"\book\s+(?:in|voor|bij|op|aan|als|met|naar)\s+(?:(?:de|het|een|mijn|m'n)\s+)?"
                          r"(?!(?:aanmerking|staat|plaats|geval|kader|orde|principe|totaal|feite|praktijk)\b)([\w'-]+)", re.I)
# "hoeveel studenten …?" counts students: "ongeveer 32.000 studenten", "17% van de pabostudenten".
# "waarom …?" is answered by a sentence that gives a cause or a purpose: "… door de korte termijn
# waarop …", "omdat …", "om de … vertragingen in te halen".
_REASON_QUESTION_RE = re.compile(r"\bwaarom\b|\bhoe komt het\b|\bwat is de (reden|oorzaak)\b|\bwaardoor\b", re.I)
_HOW_MANY_RE = re.compile(r"\bhoe ?veel\s+(.*)", re.I)
_COUNT_WORDS = {"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "twaalf", "twintig",
                "honderd", "duizend", "honderden", "duizenden", "procent"}
_COUNT_MODIFIERS = {"extra", "ruim", "circa", "bijna", "zeker", "nieuw", "ander"}   # "1.500 extra plekken"
COUNT_GAP = 3                 # words that may stand between a number and what it counts ("17% van de …")
_OUTCOME_QUESTION_RE = re.compile(r"\b(uitkomst(en)?|resultaten|resultaat|conclusies?|bevindingen|opgeleverd|"
                                  r"wat (bleek|bleken|kwam|kwamen) (er )?uit)\b", re.I)
# a plan, not what came of it: "wordt in het najaar een evaluatie uitgevoerd", "zal … worden onderzocht"
_PLANNED_RE = re.compile(r"\b(zal|zullen|gaat|gaan)\b.*\b(worden|uitvoeren|onderzoeken|evalueren|bekijken)\b"
                         r"|\bwordt\b.*\b(uitgevoerd|onderzocht|geëvalueerd|bekeken|gemonitord)\b|\bin het najaar\b", re.I)
_ARTICLES = {"de", "het", "een"}
# "voor wie geldt de halvering niet?", "wat mag níet met het geld?": the question asks for an exception
# (the negation in its own clause, not in a relative one: "... voor laatstejaars die geen werk vinden")
_EXCEPTION_QUESTION_RE = re.compile(
    r"^\W*(?:(?:en|maar|dus)\s+)?(?:voor wie|wie|wat|welke?\s+\w+)\b"
    r"(?:(?!\b(?:die|dat|toen|als|wanneer|omdat|zodat|waar|wie)\b)[^?,])*?\b(?:niet|níet|geen)\b(?!-)", re.I)
# ... which only a sentence that denies or excludes something answers
_NOT_YET_RE = re.compile(r"\bnog (niet|geen)\b", re.I)
_EXCLUDES_RE = re.compile(r"\b(niet|geen|nooit|uitgezonderd|behalve|uitzondering|alleen|slechts|nauwelijks)\b", re.I)
# A time relative to the document ("dit studiejaar", "volgend jaar", "vorig schooljaar"): which one.
_RELATIVE_TIME_RE = re.compile(r"\b(dit|deze|volgend|volgende|komend|komende|vorig|vorige|afgelopen) "
                               r"((?:studie|school|college)?jaar)\b", re.I)
_RELATIVE_FRAMES = {"dit": "this", "deze": "this", "volgend": "next", "volgende": "next", "komend": "next",
                    "komende": "next", "vorig": "last", "vorige": "last", "afgelopen": "last"}


_FRAME_YEARS = {"next": 1, "last": -1}
_YEAR_IN_TEXT_RE = re.compile(r"\b(20\d\d)\b")


def _refers_back(unit: Unit) -> bool:
    """Does one of the unit's first words point back ("Meestal moeten ze *daarvoor* …", "Het doel van
    *deze* motie …")?"""
    return any(w.strip(",.:;") in BACK_REFERENCES for w in unit.text.lower().split()[:4])


def relative_times(text: str) -> Dict[str, str]:
    """The relative times a text names, by frame: {"next": "volgend studiejaar"}."""
    return {_RELATIVE_FRAMES[m.group(1).lower()]: m.group(0) for m in _RELATIVE_TIME_RE.finditer(text)}


_SCHOOL_TYPE_RE = re.compile(r"\b(vmbo|havo|vwo|praktijkonderwijs)")
# ... and the words users have for them: "havisten", "vwo'ers", "een praktijkschool"
_SCHOOL_TYPE_WORDS = {"havist": "havo", "havisten": "havo", "vwo'er": "vwo", "vwo'ers": "vwo", "vmbo'er": "vmbo",
                      "vmbo'ers": "vmbo", "gymnasium": "vwo", "atheneum": "vwo", "praktijkschool": "praktijkonderwijs",
                      "praktijkscholen": "praktijkonderwijs"}


def school_types(text: str) -> Set[str]:
    """The school types of the vo a text names, as the documents write them."""
    lowered = text.lower()
    return set(_SCHOOL_TYPE_RE.findall(lowered)) | {_SCHOOL_TYPE_WORDS[w] for w in words(lowered) if w in _SCHOOL_TYPE_WORDS}


_NAMES_A_THEME = {"thema", "keuzelijst", "actie"}
_BEFORE_A_NAME = {"het", "de", "van", "in", "uit", "binnen", "met", "voor", "via", "onder"}
DEFINITION_OPENING = 8         # words of a unit's opening read for "X is …"
_DEFINING_VERBS = {"is", "zijn", "betekent", "houdt", "bevat", "omvat"}
# (also after "en", "hoi": "en wat is de keuzelijst eigenlijk?")
# "wie is de minister van VWS?", "hoe heet de staatssecretaris?": a person is asked for.
_PERSON_QUESTION_RE = re.compile(r"\b(wie|hoe heet|naam(\s+van)?)\s+(is|was|zijn|waren)?\s*(de|het)?\s*([\w-]+\s+)?"
                                 r"(minister|ministers|staatssecretaris|staatssecretarissen|bewindspersoon|"
                                 r"bewindspersonen|voorzitter|directeur|premier|minister-president)\b", re.I)
# A definition opens with its subject after an article ("De menukaart is …") or after these
# ("Voorbeelden van executieve vaardigheden zijn: …", "Onder nazorg wordt verstaan …").
_DEFINITION_OPENERS = _ARTICLES | {"voorbeelden", "onder", "met"}
_PREAMBLE_RE = re.compile(PREAMBLE, re.I)   # "en", "hoi": nothing for the embedding to read


@dataclass(frozen=True)
class Scored:
    unit: Unit
    score: float
    coverage: float
    missing: Tuple[Concept, ...]
    similarity: float = 0.0        # sentence-embedding similarity, in SDs above the mean unit


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


# ----------------------------------------------------------------------------- units


# ----------------------------------------------------------------------------- index

class Engine:
    """Ranking and decisions over one knowledge base's units (built once, read-only)."""

    def __init__(self, kb, units: Optional[List[Unit]] = None) -> None:
        self.kb = kb
        self.lexicon = load_lexicon()
        self._light_words = self.lexicon.background | self.lexicon.light
        # sector words narrower than their sector ("vmbo" in the vo), as a user may type them
        self._narrow_sector_words = frozenset(self.lexicon.sector_words) - frozenset(self.lexicon.sector_words.values())
        self.units = units if units is not None else build_units(kb)
        self._postings: Dict[str, Set[int]] = {}
        self._context_postings: Dict[str, Set[int]] = {}
        self._stem_postings: Dict[str, Set[int]] = {}
        self._stem_context_postings: Dict[str, Set[int]] = {}
        self._borrowed_postings: Dict[str, Set[int]] = {}
        self._stem_borrowed_postings: Dict[str, Set[int]] = {}
        for unit in self.units:
            for token in unit.borrowed:
                self._borrowed_postings.setdefault(token, set()).add(unit.id)
                if len(stem(token)) >= MIN_STEM:
                    self._stem_borrowed_postings.setdefault(stem(token), set()).add(unit.id)
            for token in unit.tokens:
                self._postings.setdefault(token, set()).add(unit.id)
                if len(stem(token)) >= MIN_STEM:
                    self._stem_postings.setdefault(stem(token), set()).add(unit.id)
            for token in unit.context:
                self._context_postings.setdefault(token, set()).add(unit.id)
                if len(stem(token)) >= MIN_STEM:
                    self._stem_context_postings.setdefault(stem(token), set()).add(unit.id)
        # (a rate, "per leerling", is matched whole, never as a substring or a typo's correction)
        self.vocabulary = sorted(w for w in set(self._postings) | set(self._context_postings) if " " not in w)
        self._long_vocabulary = [v for v in self.vocabulary if len(v) >= 5]
        self._hyphenated = [v for v in self._long_vocabulary if "-" in v.strip("-")]
        # separable verbs the documents write as "af te leggen": {"afleggen": "leggen"}
        self._split_verbs: Dict[str, str] = {}
        for unit in self.units:
            sequence = [w.lower() for w in words(unit.text)]
            for particle, te, verb in zip(sequence, sequence[1:], sequence[2:]):
                if particle in PARTICLES and te == "te" and lemma(verb) in self._postings:
                    self._split_verbs[lemma(particle + verb)] = lemma(verb)
        self._by_passage: Dict[int, List[Unit]] = {}
        for unit in self.units:
            self._by_passage.setdefault(unit.passage_id, []).append(unit)
        self._vectors = semantic.unit_matrix([u.text for u in self.units], self._stored_vectors())
        self._pointing = np.array([u.id for u in self.units if u.antecedent and u.id > 0
                                   and self.units[u.id - 1].passage_id == u.passage_id], dtype=int)
        # sentences whose subject is the one before ("Dat komt bovenop …", "Dit is …")
        self._predicates = {int(uid) for uid in self._pointing if _PREDICATE_ON_BEFORE_RE.match(self.units[uid].text)}
        self._topic_units = self._curated_units()
        self._theme_units = {u.theme: u for u in self.units if u.kind == "theme"}
        self._footnote_parents = {r["id"]: r["parent_id"] for r in kb._query(
            "SELECT id, parent_id FROM passages WHERE kind = 'footnote' AND parent_id IS NOT NULL")}

    # -- matching -------------------------------------------------------------------
    @functools.lru_cache(maxsize=8192)
    def _vocab_matches(self, word: str) -> FrozenSet[str]:
        """KB words that count as `word`: itself, compounds that contain it ("rapportage" ->
        "voortgangsrapportage") and, for a compound question word, its KB parts as one entry
        "head+tail" (a unit must hold both: "cohortonderzoek" is not any "onderzoek")."""
        found = {word} if word in self._postings or word in self._context_postings else set()
        if len(word) >= 5:
            found.update(v for v in self._long_vocabulary if word in v and is_compound_part(word, v))
            # (and one the documents hyphenate: "patiëntcontact" in "patiënt-contactmomenten")
            found.update(v for v in self._hyphenated if word in v.replace("-", "")
                         and is_compound_part(word, v.replace("-", "")))
        if not found and len(word) >= 8:
            for head, tails in compound_cuts(word, 5):
                # (a plural tail counts by its lemma, "onderzoekerscontracten" is "contract", unless
                # the lemma is a word of many units: "zomerscholen" is no "zomer" with any "school")
                tail = next((x for t in tails for x in (t, lemma(t)) if x in self._postings
                             and (x == t or len(self._postings[x]) <= COMPOUND_TAIL_UNITS)), None)
                if head in self._postings and tail:
                    found.add(f"{head}{PARTS}{tail}")
                    break
        return frozenset(found)

    @functools.lru_cache(maxsize=8192)
    def _compound_of_known_words(self, word: str) -> bool:
        """Is `word` two words of the documents joined ("achterstandsleerlingen")? Then the documents
        may well speak of it, in other words."""
        def known(part: str) -> bool:
            return part in self._postings or lemma(part) in self._postings

        return any(known(head) and any(known(t) for t in tails) for head, tails in compound_cuts(word, 4))

    @functools.lru_cache(maxsize=8192)
    def _typo_fix(self, word: str) -> Optional[str]:
        """The KB word a misspelt question word stands for; a real Dutch word is no typo
        ("verdienen" is not "verdiepen")."""
        if len(word) < 5 or word.isdigit() or is_dutch_word(word):
            return None
        close = difflib.get_close_matches(word, self._long_vocabulary, n=1, cutoff=TYPO_CUTOFF)
        return close[0] if close else None

    @functools.lru_cache(maxsize=8192)
    def _concept_words(self, concept: Concept) -> FrozenSet[str]:
        """KB words that match a concept; a topic word found nowhere is tried as a typo."""
        found: Set[str] = set()
        heads: Set[str] = set()
        for alt in concept.alternatives:
            for w in self._vocab_matches(alt):
                if PARTS in w and alt != concept.word:
                    # A synonym the documents lack as one word counts by its head, the last part of
                    # the compound ("studiebeurs" is a kind of "beurs", not any "studie") - unless
                    # another synonym is in the documents as it is: "lesgeld" is "collegegeld",
                    # not any "kosten" of "studiekosten" or "gelden" of "cursusgelden".
                    heads.add(w.split(PARTS)[-1])
                else:
                    found.add(w)
        if not found or concept.kind != "topic":  # (a sector word is weighed by the unit's sectors too)
            found |= heads
        if not found and concept.kind == "topic" and "-" in concept.word.strip("-"):
            # "coschappen-thema", "npo-geld": the parts, each as the KB writes it (after the
            # lexicon, whose own hyphenated words are meant whole)
            for part in map(lemma, concept.word.split("-")):
                if len(part) >= 3 and part not in self.lexicon.programme | self.lexicon.generic:
                    for alt in self.lexicon.alternatives(part):
                        found |= self._vocab_matches(alt)
        if not found and concept.kind == "topic":
            fixed = self._typo_fix(concept.word)
            for alt in self.lexicon.alternatives(fixed) if fixed else ():
                found |= self._vocab_matches(alt)
        if not found and concept.kind == "topic":
            # "leesachterstand": a compound the documents never use, of a word they begin with
            # ("leesvaardigheid") and a word of the lexicon ("achterstand"), is a kind of the latter.
            for alt in self.lexicon.alternatives(self._lexicon_head(concept.word) or ""):
                found |= self._vocab_matches(alt)
        if not found and concept.kind == "topic":
            # "verantwoording afleggen": a separable verb the documents write apart ("af te leggen")
            # is its verb, where they use the particle too
            verb = self._split_verbs.get(concept.word)
            if verb:
                found |= {verb}
        return frozenset(found)

    @functools.lru_cache(maxsize=8192)
    def _lexicon_head(self, word: str) -> Optional[str]:
        """The last part of a compound that is a word of the lexicon, where the first part begins a
        word of the documents; None for any other word ("salarisverhoging": no lexicon word)."""
        if len(word) < 8:
            return None
        for cut in range(3, len(word) - 4):
            first, last = word[:cut], word[cut:]
            for tail in (last, last[1:] if last[0] in "s-" else None):
                if tail and len(tail) >= 5 and tail in self.lexicon.groups \
                        and any(v.startswith(first) for v in self._long_vocabulary):
                    return tail
        return None

    @functools.lru_cache(maxsize=8192)
    def _concept_units(self, concept: Concept) -> Tuple[FrozenSet[int], FrozenSet[int]]:
        """Units holding a concept in their text (or in the sentence they point back to), and units
        holding it in their context."""
        text_ids, context_ids = self._own_units(concept)
        borrowed: Set[int] = set()
        for w in self._concept_words(concept):
            if PARTS not in w:
                borrowed |= self._borrowed_postings.get(w, set())
        if concept.kind == "topic":
            for alt in concept.alternatives:
                if len(stem(alt)) >= MIN_STEM:
                    borrowed |= self._stem_borrowed_postings.get(stem(alt), set())
        return text_ids | frozenset(borrowed), context_ids

    @functools.lru_cache(maxsize=8192)
    def _own_units(self, concept: Concept) -> Tuple[FrozenSet[int], FrozenSet[int]]:
        """Units holding a concept in their own text, and units holding it in their context."""
        text_ids: Set[int] = set()
        context_ids: Set[int] = set()
        for w in self._concept_words(concept):
            if PARTS in w:
                head, tail = w.split(PARTS)
                text_ids |= self._postings.get(head, set()) & self._postings.get(tail, set())
                anywhere = [self._postings.get(part, set()) | self._context_postings.get(part, set())
                            for part in (head, tail)]
                context_ids |= anywhere[0] & anywhere[1]
                continue
            text_ids |= self._postings.get(w, set())
            context_ids |= self._context_postings.get(w, set())
        if concept.kind == "topic":
            # Same stem, other word class: "uitvoering" and "uitvoeren", "problemen" and "probleem".
            for alt in concept.alternatives:
                if len(stem(alt)) >= MIN_STEM:
                    text_ids |= self._stem_postings.get(stem(alt), set())
                    context_ids |= self._stem_context_postings.get(stem(alt), set())
        return frozenset(text_ids), frozenset(context_ids)

    @staticmethod
    def _defined_words(question: Question) -> Set[str]:
        """For "wat is/betekent/houdt X (in)?" with one subject: X as written, so a unit that opens
        with it ("De menukaart is gebaseerd op …") can be preferred."""
        topics = [c for c in question.topics if c.kind == "topic"]
        if question.answer_type or not DEFINITION_RE.match(question.text):
            return set()
        # (one subject, or an adjective and its noun: "wat zijn executieve vaardigheden?")
        surfaces = [w.lower() for w in words(question.text)]
        if len(topics) == 2:
            at = [surfaces.index(c.surface.lower()) if c.surface.lower() in surfaces else -9 for c in topics]
            if at[1] - at[0] != 1:
                return set()
        elif len(topics) != 1:
            return set()
        return {w for c in topics for w in ({c.surface.lower()} & set(surfaces)) | set(c.alternatives)}

    @staticmethod
    def _defines(unit: Unit, defined: Set[str]) -> float:
        """How much the unit reads like a definition of the defined words: it opens with them (after
        an article: "De menukaart …", "Het Nationaal Programma Onderwijs (NP Onderwijs) …"), and
        more so when a defining verb follows ("… is", "… houdt in"). "In het NPO zijn …" does not."""
        opening = [w.lower() for w in words(unit.text)[:DEFINITION_OPENING]]
        if any(re.search(rf"\b{re.escape(w)} \((?![A-Z]{{2,}}\))", unit.text, re.I) for w in defined if len(w) > 3):
            return TYPE_BONUS / 2  # "de kernvakken (begrijpend lezen, spelling en rekenen/wiskunde)"
        if not opening or not (opening[0] in _DEFINITION_OPENERS or opening[0] in defined):
            return 0.0
        verb_at = next((i for i, w in enumerate(opening) if w in _DEFINING_VERBS), None)
        subject = opening[:verb_at] if verb_at is not None else opening[:3]
        if not set(subject) & defined:
            return 0.0
        return TYPE_BONUS if verb_at is not None else TYPE_BONUS / 2

    def rarest_topic(self, question: Question) -> Optional[Concept]:
        """The question's topic word the fewest units hold (and some do): what a "wat is dat?" after
        it asks about."""
        found = [(len(self._own_units(c)[0]), i, c) for i, c in enumerate(question.topics)
                 if c.kind == "topic" and self._own_units(c)[0]]
        return min(found)[2] if found else None

    def _idf(self, count: int) -> float:
        return math.log(1.0 + len(self.units) / (1.0 + count))

    def _stored_vectors(self) -> Dict[str, bytes]:
        try:
            return {r["key"]: r["vector"] for r in self.kb._query("SELECT key, vector FROM unit_vectors")}
        except Exception:  # a KB built before vectors were stored: embedded at start instead
            return {}

    def _similarity(self, question: Question) -> Optional[np.ndarray]:
        """Each unit's similarity to the question, in standard deviations above the mean."""
        if self._vectors is None:
            return None
        query = semantic.embed_query(question.typed or _PREAMBLE_RE.sub("", self._in_document_words(question)))
        if query is None:
            return None
        sims = self._vectors @ query
        z = (sims - sims.mean()) / (sims.std() + 1e-9)
        # A sentence that points back is shown after, and read as, the one before it ("Dit heeft de
        # instellingen circa € 12 miljoen gekost." alone is about nothing to the embedding).
        z[self._pointing] = np.maximum(z[self._pointing], z[self._pointing - 1])
        return z

    def _in_document_words(self, question: Question) -> str:
        """The question as typed, followed by the documents' word for each of its words they
        lack: "korting op mijn lesgeld? halvering collegegeld" (the lexicon's synonym the documents
        use most). The embedding then reads the documents' words too; replacing the user's words
        instead lost their sense ("krijg ik halveren op …")."""
        added = []
        for c in question.topics:
            if c.kind != "topic" or c.word in self._postings:
                continue
            others = [o for o in question.topics if o is not c]
            used = sorted((alt for alt in c.alternatives if alt != c.word and " " not in alt and alt in self._postings),
                          key=lambda alt: (-len(self._postings[alt]), alt))  # (ties: the same word every run)
            if used:
                beside = max(used, key=lambda alt: (self._beside(alt, others), -used.index(alt)))
                added += [used[0]] if beside == used[0] else [used[0], beside]
        return " ".join([asked_part(question.text)] + added)

    def _beside(self, word: str, others: Sequence[Concept]) -> float:
        """How much of the rest of the question the documents say in one sentence with `word`: the
        sense of a synonym. "schadeloos gesteld voor het collegegeld" is "gecompenseerd" (said of the
        collegegeld), not the documents' most frequent synonym "tegemoetkoming" (said of grants)."""
        units = self._postings.get(word, set())
        return sum(self._idf(len(self._concept_units(o)[0])) for o in others if units & self._concept_units(o)[0])

    # -- curated prior ----------------------------------------------------------------
    def _curated_units(self) -> Dict[str, Set[int]]:
        """Units that hold a curated quote, per topic key (the NLU intent's prior)."""
        found: Dict[str, Set[int]] = {}
        for q in self.kb._query("SELECT topic, passage_id, text FROM quotes"):
            quote = " ".join(q["text"].split())
            for unit in self._by_passage.get(q["passage_id"], []):
                if unit.text in quote or quote[:60] in unit.text:
                    found.setdefault(q["topic"], set()).add(unit.id)
        return found

    def _prior_units(self, prior_topics: Iterable[str]) -> Set[int]:
        found: Set[int] = set()
        for key in prior_topics:
            found |= self._topic_units.get(key, set())
        return found

    # -- ranking ---------------------------------------------------------------------
    def rank(self, question: Question, sector: Optional[str] = None,
             prior_topics: Iterable[str] = (), limit: int = 12, theme: Optional[int] = None) -> List[Scored]:
        """The best `limit` units for a question, best first."""
        return self._rank(question, sector, prior_topics, limit, theme)[0]

    def _rank(self, question: Question, sector: Optional[str], prior_topics: Iterable[str],
              limit: int, theme: Optional[int] = None) -> Tuple[List[Scored], Dict[str, float]]:
        concepts = question.concepts
        if not concepts:
            return [], {}
        matches = {c.word: self._concept_units(c) for c in concepts}
        n_topics = len([c for c in concepts if c.kind == "topic"])
        weights: Dict[str, float] = {}
        # "krijg ik korting?" asks about the discount; "hoeveel krijgt een gemeente?" about receiving
        light = self._light_words if PERSONAL_RE.search(question.text) else self.lexicon.background
        for c in concepts:
            text_ids, context_ids = matches[c.word]
            weight = self._idf(len(self._own_units(c)[0]))
            if not text_ids and not context_ids:
                # A word the documents never use is evidence of nothing; at full weight it drowns
                # the rest of a chatty question ("mijn dochter zit in groep 6, ...").
                weight = min(weight, self._idf(UNKNOWN_WORD_UNITS))
                if c.situation:
                    weight = 0.0  # ("mijn *dochter* zit in groep 6, …": it tells who asks, not what)
            if c.kind in ("sector", "rate") or c.word in light:
                weight *= SECTOR_CONCEPT_WEIGHT  # "for whom" and "per what" qualify what is asked
            weights[c.word] = weight
        total = sum(weights.values()) or 1.0
        candidates: Dict[int, float] = {}
        for c in concepts:
            text_ids, context_ids = matches[c.word]
            for uid in text_ids:
                candidates[uid] = candidates.get(uid, 0.0) + weights[c.word]
            for uid in context_ids - text_ids:
                candidates[uid] = candidates.get(uid, 0.0) + CONTEXT_WEIGHT * weights[c.word]
        # The embedding of a two-word question is noise ("krijg ik korting?"): not computed (it
        # costs 10-25 ms); for longer questions it only adds.
        defined = self._defined_words(question)
        # ("wat is een schoolscan?": which of the sentences naming it explains it, the embedding reads;
        # "wat is het NPO?" is named by nearly every sentence, and its opening defines it)
        by_meaning = n_topics >= SEMANTIC_FULL_TOPICS or bool(defined - self.lexicon.programme_names)
        similarity = self._similarity(question) if by_meaning else None
        if similarity is not None:
            for uid in np.argsort(-similarity)[:SEMANTIC_CANDIDATES]:
                candidates.setdefault(int(uid), 0.0)
        prior = self._prior_units(prior_topics)
        # The less a question says itself, the more NLU's reading of it counts.
        prior_bonus = PRIOR_BONUS / max(1, n_topics)
        wanted = SATISFIES.get(question.answer_type or "", set())
        asks_deadline = question.answer_type == "date" and bool(DEADLINE_QUESTION_RE.search(question.text))
        sector = sector or (question.sectors[0] if question.sectors else None)
        superlative = superlative_asked(question)
        comparative = bool(_COMPARATIVE_QUESTION_RE.search(question.text))
        measures = bool(_MEASURE_QUESTION_RE.search(question.text))
        reason = bool(_REASON_QUESTION_RE.search(question.text))
        # the sector word as the user typed it, where it is narrower than the sector ("vmbo" in the vo)
        own_sector_words = {lemma(part) for c in concepts if c.kind == "sector"
                            for part in re.split(r"[-\s]+", c.surface.lower())} & self._narrow_sector_words \
            | school_types(question.text)
        # "hoeveel studenten …?": where the documents count that, only a count of it is a number
        counted = self._counted_words(question)
        counting = {uid for uid in candidates if self._counts(self.units[uid], counted)} if counted else set()
        scored: List[Scored] = []
        for uid, matched in candidates.items():
            unit = self.units[uid]
            coverage = matched / total
            score = coverage
            if wanted:
                gives = uid in counting if counting else unit.types & wanted
                score += TYPE_BONUS if gives else -TYPE_PENALTY
                if asks_deadline and "deadline" in unit.types:
                    score += TYPE_BONUS  # "tot wanneer": "tot en met 1 maart", not "in 2023"
            if sector and unit.sectors:
                if question.sector_focus and not applies_to(unit.sectors, sector):
                    score -= SECTOR_PENALTY  # a follow-up about another sector: twice as strict
                if sector in unit.sectors and len(unit.sectors) <= 2:
                    score += SECTOR_BONUS
                elif applies_to(unit.sectors, sector):
                    score += SECTOR_BONUS / 2
                else:
                    score -= SECTOR_PENALTY
            if own_sector_words & unit.tokens:
                score += SECTOR_BONUS  # "vmbo-leerlingen": a sentence about the vmbo, not any of the vo
            if superlative and "superlative" in unit.types:
                score += TYPE_BONUS / 2
            elif comparative and unit.types & {"comparative", "superlative"}:
                score += TYPE_BONUS / 2  # ("vooral in het mbo" answers which of the two too)
            if measures and unit.kind == "action":
                score += TYPE_BONUS  # "wat doet de uni tegen eenzaamheid?" asks for what is done: an action
            if reason and unit.types & {"reason", "purpose"}:
                score += REASON_BONUS if "reason" in unit.types else REASON_BONUS / 2  # a cause before a purpose
            if uid in prior:
                score += prior_bonus
            if theme is not None and unit.theme is not None and unit.kind != "theme":
                # (the theme's title answers "what is theme 5", decided before ranking)
                score += THEME_BONUS if unit.theme == theme else -2 * THEME_BONUS  # the user named it
            if similarity is not None:
                # Reorders what the words found; it never lifts a unit that shares no words.
                score += SEMANTIC_WEIGHT * max(0.0, float(similarity[uid]))
            in_heading = sum(weights[c.word] for c in concepts
                             if c.kind == "topic" and unit.heading & self._concept_words(c))
            score += HEADING_BONUS * in_heading / total
            if unit.kind == "footnote":
                score -= FOOTNOTE_PENALTY
            if uid in self._predicates and not any(uid - 1 in matches[c.word][0] for c in concepts
                                                     if c.kind == "topic" and weights[c.word]):
                # ("Dat komt bovenop … de halvering van collegegeld …" is about the € 500 miljoen before
                # it; the question's subject is a side mention, and the answer would open with the other)
                score -= ASIDE_PENALTY
            if defined and unit.kind != "theme":
                score += self._defines(unit, defined)
            missing = tuple(c for c in concepts if uid not in matches[c.word][0] and uid not in matches[c.word][1])
            scored.append(Scored(unit, round(score, 4), round(coverage, 4), missing,
                                 round(float(similarity[uid]), 3) if similarity is not None else 0.0))
        # (an exact tie: the unit that holds the question's own words rather than their synonyms -
        # "wie is de minister?" is the minister's signature, not a sentence about a ministerie)
        def order(s: Scored, tie_breaker: Optional[np.ndarray] = None):
            return (-s.score, -s.coverage, -sum(c.word in s.unit.tokens for c in concepts),
                    -float(tie_breaker[s.unit.id]) if tie_breaker is not None else 0.0, s.unit.id)

        scored.sort(key=order)
        if similarity is None and not defined and len(scored) > 1 and scored[1].score == scored[0].score \
                and scored[1].unit.passage_id != scored[0].unit.passage_id:
            # A short question whose words several places hold alike ("tot wanneer mag het geld op?"):
            # the order of the documents would pick one; the embedding reads which fits the question.
            # (Not for "wat is/houdt X in?": there the first sentence that opens with X defines it.)
            # (Only the order: whether the best is clear enough is still judged on the words.)
            tie_breaker = self._similarity(question)
            if tie_breaker is not None:
                scored.sort(key=lambda s: order(s, tie_breaker))
        return scored[:limit], weights

    def _typed_neighbour(self, ranked: List[Scored], question: Question, wanted: Set[str],
                         weights: Dict[str, float]) -> Optional[Scored]:
        """A sentence one or two places after a well-matched one in its passage that gives the kind
        of answer asked for, shares one of the question's words with it (so it goes on about the
        same thing), and together with it holds enough of the question."""
        total = sum(weights.values()) or 1.0
        for near in ranked[:NEIGHBOUR_SOURCES]:
            if near.coverage < TYPED_THRESHOLD or near.unit.kind != "sentence":
                continue
            own = {c.word for c in question.topics if near.unit.id in self._concept_units(c)[0]}
            # (only after it, and not one that adds another thing: "Daarnaast kiezen veel scholen voor
            # instructie in kleine groepen." is not counted by the sentence before it, nor is the
            # grant of "Ook hebben … 130.000 studenten een tegemoetkoming … voor de extra kosten
            # studievertraging" the one for a lost grant)
            for step in (1, 2):
                unit = self._neighbour(near.unit, step)
                if unit is None or not self._gives(unit, question, wanted) or _ADDS_ANOTHER_RE.match(unit.text):
                    continue
                theirs = {c.word for c in question.topics if unit.id in self._concept_units(c)[0]}
                if not own & theirs:
                    continue
                missing = tuple(c for c in question.concepts if c.word not in own | theirs
                                and unit.id not in self._concept_units(c)[0])
                coverage = 1.0 - sum(weights.get(c.word, 0.0) for c in missing) / total
                if coverage >= TYPED_THRESHOLD:
                    return Scored(unit, near.score, coverage, missing, near.similarity)
        return None

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
            if question.typed is not None:
                continue  # (the Dutch of an English question is a word-for-word gloss: "supervise student")
            after = re.search(r"\b" + re.escape(c.surface.lower()) + r"\s+([\w-]+)", question.text.lower())
            if after and not verb_like(c) and _names_people(after.group(1)):
                found.append((c, f"{c.surface} {after.group(1)}"))
                continue
            # ("studenten uit België", "leraren zonder diploma")
            before = re.search(r"([\w-]+)\s+((?:uit|met|zonder)\s+(?:(?:een|de|het)\s+)?)" + re.escape(c.surface.lower())
                               + r"\b", question.text.lower())
            if before and not verb_like(c) and _names_people(before.group(1)):
                found.append((c, f"{before.group(1)} {before.group(2)}{c.surface}"))
        return found

    # -- decision --------------------------------------------------------------------
    def answer(self, text: str, sector: Optional[str] = None, prior_topics: Iterable[str] = (),
               question: Optional[Question] = None, theme: Optional[int] = None) -> Result:
        """Decide what to answer to `text` for a user in `sector` (the profile; a sector named in
        the question itself wins)."""
        question = question or analyse(text)
        asked_sector = question.sectors[0] if question.sectors else sector
        explicit_theme = theme or theme_number(question.text) or self._theme_named(question)
        concept_words = subject_words(question)
        if asks_for_themes(question, concept_words, explicit_theme, self.lexicon.programme_names):
            # ("voor mbo en ho": several sectors named, every theme of theirs: the whole list)
            return Result("themes", question, sector=asked_sector if len(question.sectors) <= 1 else None)
        if question.answer_type == "date" and concept_words <= LIST_WORDS:
            return Result("dates", question, sector=asked_sector)
        ranked, weights = self._rank(question, asked_sector, prior_topics, 12, explicit_theme)
        # ("wat staat er op de keuzelijst over stages?": what the list holds for that theme is its actions)
        on_the_list = "keuzelijst" in concept_words and not question.answer_type and bool(WHAT_RE.match(question.text))
        if explicit_theme and (asks_for_actions(question, concept_words) or on_the_list):
            return Result("actions", question, ranked=ranked, theme=explicit_theme, sector=asked_sector)
        theme_unit = self._theme_units.get(explicit_theme)
        if theme_unit and question.answer_type in (None, "who") \
                and self._only_about(theme_unit, question, concept_words):  # ("hoe lang duurt een coschap?" asks a duration)
            # "thema vijf, wat is dat?", "hoe heet het zesde thema?", "voor wie is thema 3 over
            # stages bedoeld?": the theme itself.
            return Result("answer", question, ranked=ranked, shown=[theme_unit], sector=asked_sector)
        if not ranked:
            return Result("unknown", question, sector=asked_sector)
        total = sum(weights.values()) or 1.0
        best = ranked[0]
        if best.coverage < RELATED_THRESHOLD and best.similarity < SEMANTIC_CONFIDENT:
            # Too little about the question to be even related, however much the embedding lifted
            # it: the unit NLU's topic names wins when it is related ("geldt de korting op het
            # lesgeld ook voor mbo?" -> the halving of tuition fees, not the grant).
            prior = self._prior_units(prior_topics)
            best = next((s for s in ranked if s.unit.id in prior and s.coverage >= RELATED_THRESHOLD), best)
        wanted = SATISFIES.get(question.answer_type or "", set())
        if question.answer_type == "who" and _PERSON_QUESTION_RE.search(question.text):
            wanted = {"person"}  # "wie is de minister van VWS?": a person's name, not the ministerie
        if wanted and not (best.unit.types & wanted):
            typed = [s for s in ranked if self._gives(s.unit, question, wanted) and s.coverage >= TYPED_THRESHOLD]
            # (one that names the sector asked about, or is next to a sentence that does, first: "hoeveel
            # extra krijgen de lerarenopleidingen?" is not the € 50 miljoen of the students' grants)
            typed.sort(key=lambda s: any(c.kind == "sector" for c in s.missing))
            if typed:
                best = typed[0]
            else:
                # "hoeveel studenten kregen een tegemoetkoming omdat hun beurs wegviel?": the count is
                # a sentence or two after the one that names the grant's case, on the same subject
                best = self._typed_neighbour(ranked, question, wanted, weights) or best
        chosen_for_sector = False
        if question.sectors and best.unit.sectors and not any(applies_to(best.unit.sectors, s) for s in question.sectors):
            # "how many weeks behind are primary school pupils in maths?": the vmbo sentence holds every
            # word, but the 10 weeks of primary education, next to the sentence that names maths, is
            # almost as close: the fact for the sector asked for wins over a near miss for another
            own_sector = next((s for s in ranked if s.unit.sectors and best.score - s.score <= SECTOR_SWAP_MARGIN
                               and s.coverage >= (TYPED_THRESHOLD if wanted else ANSWER_THRESHOLD)
                               and any(s.unit.sectors == (x,) for x in question.sectors)
                               and (not wanted or self._gives(s.unit, question, wanted))), None)
            if own_sector is not None:
                best, chosen_for_sector = own_sector, True
        # "wat kunnen universiteiten doen aan de vertraging bij coschappen?": where the sentence that
        # opens a theme's list of actions ("Om de studievertraging ten aanzien van coschappen te
        # beperken …, kunnen instellingen kiezen uit … de volgende aanvullende acties:") fits as well as
        # the best, what can be done is that list.
        # "welke vormen van extra onderwijs kunnen lerarenopleidingen bieden?": an action of a theme for
        # every sector that does not name the group asked about is not what the list holds for that
        # group, where one theme is for it alone (thema 5 lerarenopleidingen, thema 4 geneeskunde) and
        # one of its units is among the ranked: that theme's actions are the answer.
        # (not when the question names a theme itself: "mag mijn lerarenopleiding thema 3 gebruiken?")
        if not wanted and not explicit_theme and best.unit.kind == "action":
            own_theme = self._group_theme(best, ranked)
            if own_theme is not None:
                return Result("actions", question, ranked=ranked, theme=own_theme, sector=asked_sector)
        if not wanted and _MEASURE_QUESTION_RE.search(question.text):
            lead = next((s for s in ranked if best.score - s.score <= LIST_LEAD_MARGIN and s.unit.theme is not None
                         and s.coverage >= ANSWER_THRESHOLD and _LIST_LEAD_RE.search(s.unit.text)), None)
            if lead is not None:
                return Result("actions", question, ranked=ranked, theme=lead.unit.theme, sector=asked_sector)
        if best.unit.kind in ("theme", "action") and asks_for_actions(question, concept_words) \
                and best.coverage >= ANSWER_THRESHOLD:
            return Result("actions", question, ranked=ranked, theme=best.unit.theme, sector=asked_sector)
        best, link = self._with_citing_sentence(best, ranked)
        missing = [c for c in best.missing if c.kind != "sector" and not c.situation]
        heaviest = sorted(missing, key=lambda c: -weights.get(c.word, 0.0))
        # Half or more of what the question is about never occurs in the documents.
        # (a year never counts as absent: one the documents do not cover is said below, "no amount for
        # 2023"; it still counts as a subject: "wat staat er gepland voor het voorjaar van 2022?")
        subjects = [c for c in question.topics if c.kind != "rate" and not c.situation]
        absent = [c for c in subjects if not YEAR_RE.fullmatch(c.word) and not any(self._concept_units(c))]
        if len(absent) * 2 < len(subjects):
            absent = []
        if best.unit.id in self._prior_units(prior_topics):
            absent = []  # NLU named the topic and the best unit is about it
        related = best.coverage >= RELATED_THRESHOLD or best.similarity >= SEMANTIC_CONFIDENT
        if not related or (absent and best.coverage < ANSWER_THRESHOLD + 0.2):
            # Nothing in the documents is about it, or its main word never occurs in them.
            return Result("unknown", question, ranked=ranked, sector=asked_sector)
        # Most of the question's words found, and a sentence that reads like its answer.
        confident = best.similarity >= SEMANTIC_CONFIDENT and best.coverage >= CONFIDENT_COVERAGE
        # "Krijgen mbo-docenten ook een salarisverhoging?": what it is mostly about is a word the
        # documents never use (nor two of their words joined); what they say about the rest is not the answer.
        never_used = [c for c in heaviest if weights.get(c.word, 0.0) / total >= FOCAL_SHARE
                      and c.kind == "topic" and not any(self._concept_units(c))
                      and not self._compound_of_known_words(c.word)]
        # "mag ik het reisrecht ook in België gebruiken?": the case the question adds ("ook in/voor X")
        # is what it asks about; where the documents never name X, they do not say.
        also = {m.group(1).lower() for m in _ALSO_FOR_RE.finditer(question.text)}
        never_used += [c for c in heaviest if c.kind == "topic" and c.surface.lower() in also and c not in never_used
                       and not any(self._concept_units(c)) and not self._compound_of_known_words(c.word)]
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
        if wanted:
            # A question that asks for a number, date or name: the unit must give that kind of
            # answer and hold every heavy word of the question.
            type_missing = not self._gives(best.unit, question, wanted)
            # "hoe lang duurt het npo?", "hoeveel geld heeft het npo?": about the programme as a whole,
            # which nearly every sentence names. A duration or amount is its own only in a sentence
            # that opens with it ("Het Nationaal Programma Onderwijs is in februari … gepresenteerd"),
            # not one that names it on the side ("… de komende twee jaar een arbeidsmarkttoelage …
            # tijdens het NP Onderwijs").
            # (nor one that opens with it but counts what some sectors get: "In het kader van het NP
            # Onderwijs ontvangen hogeronderwijsinstellingen en mbo-scholen … € 516 miljoen" is no total budget)
            if not type_missing and self._only_the_programme(question) and (
                    not self._opens_with_programme(best.unit) or (best.unit.sectors and not question.sectors)):
                type_missing = True
            # "hoeveel studenten zitten in een studentenraad?": a vague quantity that counts
            # something else ("op de meeste scholen") is no count of them
            counted = self._counted_words(question)
            quantities = {m.group(0).lower() for m in NUMBER_RE.finditer(best.unit.text)}
            # ("hoeveel studenten kregen extra reisrecht?": "12 maanden extra reisrecht" is how long, not how many)
            # (people or institutions counted, not "hoeveel vertraging …?", which a span of time answers)
            if counted and not type_missing and any(_COUNTABLE_RE.search(w) for w in counted) \
                    and self._only_spans_of_time(best.unit) and not self._counts(best.unit, counted):
                type_missing = True
            if counted and not type_missing and quantities and quantities <= _VAGUE_QUANTITIES \
                    and not best.unit.types & {"amount", "percentage", "duration"} \
                    and not self._counts(best.unit, counted):
                type_missing = True
            # (and the question's heaviest word: "hoeveel weken achterstand bij *Engels*?" is not
            # answered by the weeks for Dutch and arithmetic)
            top = max((c for c in question.topics if c.kind == "topic"), key=lambda c: weights.get(c.word, 0.0), default=None)
            if top is not None and (
                    any(u.id in self._concept_units(top)[0] for u in self._by_passage.get(best.unit.passage_id, []))
                    or not any(self.units[uid].heading == best.unit.heading for uid in self._concept_units(top)[0])):
                # (named in the answer's paragraph, it may well be about it; named nowhere in its
                # section, the question may use another word: "programme period" for "looptijd")
                top = None
            focal = [c for c in heaviest if (weights.get(c.word, 0.0) / total >= FOCAL_SHARE or c is top)
                     and not verb_like(c)] or never_used
            silent = type_missing or bool(focal) or (best.coverage < TYPED_THRESHOLD and not confident)
        else:
            type_missing, focal = False, never_used
            silent = bool(focal) or (best.coverage < ANSWER_THRESHOLD and not confident)
        # A year the question names and the answer does not: the documents may not cover it.
        # (The document's own year is the time its present tense speaks of; a count or amount
        # still needs its year: "hoeveel studenten hadden in 2021 geen stage?")
        counts = question.answer_type in ("number", "amount", "percentage", "duration")
        document_year = "" if counts else (best.unit.cite.date or "")[:4]
        # (in the sentence itself: "Ruim driekwart …" is no percentage for 2020 because the next sentence names 2020)
        missing_year = next((c for c in question.concepts if YEAR_RE.fullmatch(c.word) and c.word != document_year
                             and best.unit.id not in self._concept_units(c)[0]), None)
        if missing_year is not None:
            silent, focal = True, [missing_year]
        # "Wanneer wordt de tegemoetkoming uitbetaald?": a date answers only with its event; a
        # sentence that dates the scheme but not the paying is not the answer.
        # (a translated verb is a guess, except applying: "claim", "apply for" are "aanvragen")
        missing_event = [c for c in heaviest if c.kind == "topic"
                         and ((verb_like(c) and question.typed is None) or c.word in DATED_EVENTS)
                         and len(self._concept_units(c)[0]) < EVENT_VERB_UNITS] \
            if question.answer_type == "date" else []
        if missing_event and not silent:
            silent, focal = True, missing_event[:1]
        # "Hoeveel krijgt een school per leerling?": only a rate answers a question about one.
        missing_rate = [c for c in best.missing if c.kind == "rate"]
        if missing_rate:
            silent, focal = True, missing_rate
        # "geef me het nummer van de LSVb": a contact detail asked for (personal-data words carry a
        # topic only then) is answered only by a sentence that gives it, not by one about the LSVb.
        missing_contact = [c for c in best.missing if c.word in CONTACT_WORDS]
        if missing_contact:
            silent, focal = True, missing_contact
        # "Welke gemeente krijgt het meeste geld?" asks for a top one: a name or number without a
        # superlative ("het meest", "vooral") does not answer it.
        if wanted and superlative_asked(question) and "superlative" not in best.unit.types:
            silent = True
        # "Hoeveel interventies staan er in totaal op de menukaart?" asks for a total: an average
        # ("een mix van gemiddeld acht interventies") is not one.
        if wanted and _TOTAL_RE.search(question.text) and _AVERAGE_RE.search(best.unit.text) \
                and not _TOTAL_RE.search(best.unit.text):
            silent = True
        # "Wat was de uitkomst van de evaluatie?": a sentence that says it will be done is no outcome.
        if _OUTCOME_QUESTION_RE.search(question.text) and _PLANNED_RE.search(best.unit.text) \
                and not _OUTCOME_QUESTION_RE.search(best.unit.text):
            silent = True
        # A fact for other sectors than the one asked about, or (nothing named) the user's own:
        # a po school leader asking "hoeveel geld krijgen we?" is not answered with the mbo/ho budget.
        asking = question.sectors or ((sector,) if sector else ())
        other_sector = bool(asking) and bool(best.unit.sectors) and not any(
            applies_to(best.unit.sectors, s) for s in asking)
        # "hoeveel weken achter lopen havoleerlingen bij rekenen?": the school type asked (all of them
        # are "vo" to the lexicon) is not the one a count for other types is about ("16 weken bij
        # rekenen … voor vmbo-leerlingen, 5 weken voor vwo-leerlingen": no number for havo)
        asked_types = school_types(question.text)
        given_types = set(_SCHOOL_TYPE_RE.findall(best.unit.text.lower()))
        # (nor is a figure for all of them: "gemiddeld 94,8% van de kandidaten slaagde" is no pass rate of the vmbo)
        if wanted and asked_types and not asked_types & given_types and not other_sector:
            return Result("near_miss", question, ranked=ranked, shown=[best.unit], sector=asked_sector,
                          missing=(sorted(asked_types)[0],), missing_type=question.answer_type)
        # "voor wie geldt de halvering van het collegegeld niet?": a sentence that excludes no one does
        # not say for whom (nor may it be shown as if it did)
        # ("nog niet" says "not yet", no exclusion, unless that is what is asked: "wat is nog niet toegeschreven?")
        excluding = best.unit.text if _NOT_YET_RE.search(question.text) else _NOT_YET_RE.sub(" ", best.unit.text)
        if _EXCEPTION_QUESTION_RE.search(question.text) and not _EXCLUDES_RE.search(excluding) and not other_sector:
            return Result("near_miss", question, ranked=ranked, shown=[best.unit], sector=asked_sector)
        # "klopt het dat het collegegeld volgend studiejaar weer gehalveerd wordt?": a sentence about
        # "dit studiejaar" does not confirm it for the next one (nor for last year); the documents say
        # nothing about the time asked. (A sentence that names no such time is judged as before.)
        asked_times = relative_times(question.text)
        given_times = relative_times(best.unit.text)
        # (nor does a sentence about another year than the one meant: "ook volgend jaar?" after the pass
        # rate of 2021, in a letter of 2021)
        # (the time the question asks about, not one in the clause that tells who asks; an English
        # question's Dutch gloss keeps no clauses: "I lost my grant last year. Is there money for 2022/23?")
        meant_years = {frame: int(document_year or (best.unit.cite.date or "0")[:4]) + _FRAME_YEARS[frame]
                       for frame in relative_times(asked_part(question.text)) if frame in _FRAME_YEARS} \
            if asked_times and question.typed is None else {}
        given_years = {int(y) for y in _YEAR_IN_TEXT_RE.findall(best.unit.text)}
        other_time = next((phrase for frame, phrase in asked_times.items()
                           if (given_times and frame not in given_times)
                           or (not given_times and frame in meant_years and given_years
                               and meant_years[frame] not in given_years)), None)
        if other_time and not other_sector:
            return Result("near_miss", question, ranked=ranked, shown=[best.unit], sector=asked_sector,
                          missing=(other_time,))
        # ("how do I open a Dutch bank account?": two of its words the documents never use, and the
        # best unit holds little else: nothing in them is about it, whatever shares 'student')
        unnamed = [c for c in question.concepts if c.kind == "topic" and not any(self._concept_units(c))]
        if silent and len(unnamed) >= UNNAMED_OUT_OF_SCOPE and best.coverage < OUT_OF_SCOPE_COVERAGE and not other_sector:
            return Result("unknown", question, ranked=ranked, sector=asked_sector)
        if silent and best.coverage < RELATED_THRESHOLD and not other_sector:
            # Not the answer, and only the embedding found it related ("hoe laat begint de les morgen?"
            # -> weeks of learning delay): nothing in the documents is about the question.
            return Result("unknown", question, ranked=ranked, sector=asked_sector)
        if silent or other_sector:
            # Name a missing word only where it is true: the documents never use it, or (for a
            # question after a number, date or name) no sentence that uses it gives one.
            def untrue_elsewhere(c: Concept) -> bool:
                return bool(wanted) and not any(self.units[u].types & wanted for u in self._concept_units(c)[0])

            named = [c for c in focal or heaviest[:2] if not any(self._concept_units(c)) or untrue_elsewhere(c)]
            typed_gap = bool(named) and untrue_elsewhere(named[0]) or (type_missing and not named)
            # (for another sector, or a missing word or rate, the best fit is the related fact)
            # (so is a typed unit that holds too little of the question: "hoeveel?" after "krijg ik korting
            # op collegegeld?" is no amount of the grants, the halving is what the documents say)
            weak = wanted and best.coverage < TYPED_THRESHOLD
            related = self._related(best, question, asked_sector, theme) if (typed_gap or weak) and not other_sector \
                else best.unit
            if missing_year is not None and not other_sector and "date" not in related.types:
                # "krijgen de instellingen het geld pas in 2023?": the sentence as close to the question that
                # says when ("in de jaren 2021 en 2022") corrects it; another one does not
                related = next((s.unit for s in ranked if "date" in s.unit.types
                                and s.coverage >= best.coverage - YEAR_RELATED_MARGIN), related)
            return Result("near_miss", question, ranked=ranked, shown=[related],
                          missing=tuple(c.surface for c in named[:1]),
                          missing_rate=missing_rate[0].surface if missing_rate else None,
                          missing_type=question.answer_type if typed_gap else None, sector=asked_sector,
                          other_sector=asking[0] if other_sector else None)
        # (a unit for none of the sectors the question names is no rival of one for them: it does not
        # answer it - where the question names one sector, or the best was chosen for the one named)
        def for_asked(unit: Unit) -> bool:
            return not unit.sectors or any(applies_to(unit.sectors, x) for x in question.sectors)

        judge_sectors = len(set(question.sectors)) == 1 or chosen_for_sector
        rival = next((s for s in ranked if s.unit.passage_id != best.unit.passage_id and s.unit.text != best.unit.text
                      and s.unit is not link
                      and not (judge_sectors and not for_asked(s.unit) and for_asked(best.unit))), None)
        # (Judged only where the embedding has read the question.)
        # (Without the embedding, two units that each hold a question word the other lacks are as
        # unsure - "doorstroomplannen … aansluiten": one sentence has the plans, another the joining -
        # where the best holds no more than about half the question, and not for a month it lacks: a
        # sentence with another date corrects "toch in maart?".)
        split = rival is not None and not best.similarity and best.missing and rival.missing \
            and best.coverage <= SPLIT_COVERAGE and not any(c.word in _MONTHS for c in best.missing) \
            and {c.word for c in best.missing}.isdisjoint(c.word for c in rival.missing)
        if rival is not None and best.score - rival.score < AMBIGUOUS_MARGIN and (split or best.similarity \
                and best.similarity < AMBIGUOUS_SIMILARITY):
            # Two places in the documents fit equally well: NLU's topic decides, else say so rather
            # than pick one as the answer.
            prior = self._prior_units(prior_topics)
            close = [s for s in ranked if best.score - s.score < AMBIGUOUS_MARGIN]
            chosen = next((s for s in close if s.unit.id in prior), None)
            if chosen is None:
                return Result("near_miss", question, ranked=ranked, shown=[best.unit], sector=asked_sector,
                              unsure=True)
            best = chosen
        shown = [self._with_antecedent(self._focused(best.unit, question, weights))] \
            + ([link] if link is not None else self._context_for(best, ranked, question))
        if all(SIGNATURE_RE.match(u.text) for u in shown):
            shown.sort(key=lambda u: u.id)  # the signatories in the letter's order
        more: List[Unit] = []
        texts_seen = {u.text for u in shown}
        for s in ranked:
            if s.unit.text not in texts_seen and s.coverage >= ANSWER_THRESHOLD and len(more) < MORE_LIMIT:
                texts_seen.add(s.unit.text)
                more.append(s.unit)
        return Result("answer", question, ranked=ranked, shown=shown, more=more, sector=asked_sector)

    def _related(self, best: Scored, question: Question, sector: Optional[str], theme: Optional[int]) -> Unit:
        """What to show beside "the documents do not give it": for a question after a number, date or
        name none of them gives, the unit most about its subject ("hoeveel kost de halvering?": the
        halving, not another sentence with an amount)."""
        about, _ = self._rank(replace(question, answer_type=None), sector, (), 1, theme)
        return about[0].unit if about and about[0].coverage >= best.coverage else best.unit

    def _theme_named(self, question: Question) -> Optional[int]:
        """The theme a question names by its subject instead of its number: "het thema over stages",
        "het stagethema" - the one theme whose title holds every other topic word of the question and
        that is for every sector it names."""
        topics = [c for c in question.topics if c.kind == "topic"]
        # ("wat staat er op de keuzelijst over stages?", "welke acties zijn er voor studentenwelzijn?":
        # the list's or its actions' subject names the theme as well)
        names_theme = any(c.word in _NAMES_A_THEME or any(w.endswith(PARTS + "thema") for w in self._concept_words(c))
                          for c in topics)
        others = [c for c in topics if c.word not in LIST_WORDS | _THEME_WORDS]
        if not names_theme or not others:
            return None
        sectors = [c.word for c in question.concepts if c.kind == "sector"]  # (the theme is for each one named)
        found = [n for n, u in self._theme_units.items()
                 if all(u.id in self._concept_units(c)[0] for c in others) and all(s in u.sectors for s in sectors)]
        return found[0] if len(found) == 1 else None

    def _with_citing_sentence(self, best: Scored, ranked: List[Scored]) -> Tuple[Scored, Optional[Unit]]:
        """A footnote that is only a web address is no answer by itself: it is the link of a sentence
        of the passage that cites it ("Scholen hebben een handreiking gekregen met tips voor de inhuur
        van derden …" + its address). Sentence and link together hold what either holds; the sentence
        is shown first, then the link. (best, None) where there is no such sentence among the ranked."""
        if best.unit.kind != "footnote" or not _URL_ONLY_RE.match(best.unit.text):
            return best, None
        parent = self._footnote_parents.get(best.unit.passage_id)
        citing = next((s for s in ranked if s.unit.passage_id == parent and s.unit.kind == "sentence"), None)
        if citing is None:
            return best, None
        merged = replace(citing, score=max(citing.score, best.score), coverage=max(citing.coverage, best.coverage),
                         missing=tuple(c for c in citing.missing if c in best.missing),
                         similarity=max(citing.similarity, best.similarity))
        return merged, best.unit

    def _focused(self, unit: Unit, question: Question, weights: Dict[str, float]) -> Unit:
        """An action of several sentences, cut to its name and the sentence that answers: "Meer
        ondersteuning. … hogescholen kunnen … een intermediaire rol vervullen". Shown whole, a long
        action is cut after its first sentences, before the one that answers."""
        if unit.kind != "action":
            return unit
        spans = extract.sentences(unit.text)
        if len(spans) <= FOCUS_SENTENCES:
            return unit
        sentences = [unit.text[start:end].strip() for start, end in spans]

        def found(sentence: str) -> float:
            tokens = set(normalize_tokens(sentence))
            return sum(weights.get(c.word, 0.0) for c in question.concepts if tokens & self._concept_words(c))

        scores = [found(sentence) for sentence in sentences[1:]]
        best = 1 + max(range(len(scores)), key=lambda i: (scores[i], -i))
        if best < FOCUS_SENTENCES or not scores[best - 1]:
            return unit  # the answer is in the first sentences anyway
        return replace(unit, text=f"{sentences[0]} … {sentences[best]}")

    def _counted_words(self, question: Question) -> FrozenSet[str]:
        """For "hoeveel X …?": the words that name X (its synonyms included); else empty."""
        if question.answer_type not in ("number", "percentage"):
            return frozenset()
        match = _HOW_MANY_RE.search(question.text)
        if not match:
            return frozenset()
        following = [lemma(w) for w in words(match.group(1))[:3]]
        for concept in question.concepts:
            if concept.kind == "topic" and concept.word in following:
                return self._concept_words(concept)
        return frozenset()

    @staticmethod
    def _only_spans_of_time(unit: Unit) -> bool:
        """Is every number in the unit a span of time ("12 maanden", "twee jaar"), so no count?"""
        found = list(NUMBER_RE.finditer(unit.text))
        return bool(found) and all(_TIME_UNIT_AFTER_RE.match(unit.text, m.end()) for m in found)

    def _counts(self, unit: Unit, counted: FrozenSet[str]) -> bool:
        """Does the unit give a number of the counted thing ("32.000 studenten")?"""
        tokens = self._unit_sequence(unit.id)
        for i, token in enumerate(tokens):
            if (token.isdigit() and not YEAR_RE.fullmatch(token)) or token in _COUNT_WORDS:
                for after in tokens[i + 1:i + 1 + COUNT_GAP + 1]:
                    # (a compound's head counts it too: "7.800 plekken" is how many stageplekken)
                    if after in counted or any(after.endswith(w) for w in counted if len(w) >= 4) \
                            or (len(after) >= 4 and any(w.endswith(after) for w in counted)):
                        return True
                    if not (after.isdigit() or is_stop_word(after) or after in _COUNT_MODIFIERS):
                        break  # the number counts this word ("twee studenten die één stageplek delen")
        return False

    @functools.lru_cache(maxsize=4096)
    def _unit_sequence(self, uid: int) -> Tuple[str, ...]:
        return tuple(normalize_tokens(self.units[uid].text))

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

    def _only_the_programme(self, question: Question) -> bool:
        """Is the programme all the question names, besides the kind of answer ("hoeveel *geld*")?"""
        named = {w.lower() for w in words(question.text)} & (self.lexicon.programme_names | {"nationaal"})
        # ("het nationaal programma onderwijs" is read as "nationaal", whose synonyms are the programme's names)
        rest = [c for c in question.topics if c.kind == "topic"
                and not ({c.word} | set(c.alternatives)) & self.lexicon.programme_names
                and not (question.answer_type == "amount" and is_about_money(replace(question, concepts=(c,))))]
        return bool(named) and not rest

    def _opens_with_programme(self, unit: Unit) -> bool:
        """Does the unit name the programme as itself in its opening: "Het Nationaal Programma
        Onderwijs is …", "In het kader van het NP Onderwijs ontvangen …", not as part of another
        name ("Deze eerste voortgangsrapportage NP Onderwijs …")?"""
        opening = [w.lower() for w in words(unit.text)[:DEFINITION_OPENING]]
        return any(w in ("npo", "np", "nationaal") and (i == 0 or opening[i - 1] in _BEFORE_A_NAME)
                   for i, w in enumerate(opening))

    def clearly_about(self, result: Result) -> bool:
        """Strong evidence that a message NLU took for chit-chat or out of scope is a question the
        documents answer: most of its weight found in the answer, with at least two topic words
        or one from the domain lexicon."""
        # (a list of actions shows no unit, and a theme named in the question is shown unranked: the
        # best ranked unit is then what the evidence is)
        unranked = result.kind == "actions" or (result.shown and result.shown[0].kind == "theme")
        best = next((s for s in result.ranked if result.shown and s.unit is result.shown[0]), None) \
            or (result.ranked[0] if result.ranked and unranked else None)
        if best is None or best.coverage < STRICT_THRESHOLD:
            return False
        found = [c for c in result.question.topics if c not in best.missing]
        in_lexicon = [c for c in found if c.word in self.lexicon.groups]
        return len(found) >= 2 or bool(in_lexicon)

    def _with_antecedent(self, unit: Unit) -> Unit:
        """A sentence whose subject is a pronoun ("Deze lopen nog eens extra risico …") is shown after
        the sentence of its passage that it points back to, as one answer."""
        before = self._neighbour(unit, -1) if unit.kind == "sentence" and unit.index > 0 else None
        if before is None or not points_back(unit.text, before.text):
            return unit
        return replace(unit, text=f"{before.text} {unit.text}")

    def _group_theme(self, best, ranked) -> Optional[int]:
        """The theme that is for the group the question names (a sector only that theme names) when
        `best` does not name it and a unit of that theme is among `ranked`; else None."""
        groups = {c.word for c in best.missing if c.kind == "sector"} - set(best.unit.sectors or ())
        for group in groups:
            themes = [t for t, u in self._theme_units.items() if group in (u.sectors or ())]
            if len(themes) == 1 and themes[0] != best.unit.theme \
                    and any(s.unit.theme == themes[0] for s in ranked):
                return themes[0]
        return None

    def _only_about(self, theme_unit: Unit, question: Question, concept_words: Set[str]) -> bool:
        """Does the question name nothing but the theme: list words, theme words and words of its
        title, as written or matched ("studentenwelzijn" for "Welzijn studenten")?"""
        matched = {c.word for c in question.concepts if theme_unit.id in self._concept_units(c)[0]}
        return concept_words - matched <= LIST_WORDS | _THEME_WORDS | theme_unit.tokens

    def _neighbour(self, unit: Unit, step: int) -> Optional[Unit]:
        """The sentence `step` places from `unit` in its passage (of the same kind), if any."""
        return next((u for u in self._by_passage.get(unit.passage_id, [])
                     if u.kind == unit.kind and u.index == unit.index + step), None)

    def _context_for(self, best: Scored, ranked: List[Scored], question: Question) -> List[Unit]:
        """At most one sentence after the answer: the next sentence of its passage when it
        continues it ("Dit ...", "De kosten ...") or holds another word of the question; the
        answer to "what did X cost" is often the sentence after the one that names X."""
        if best.unit.kind not in ("sentence", "footnote"):
            return []
        after = self.units[best.unit.id + 1] if best.unit.id + 1 < len(self.units) else None
        before = self.units[best.unit.id - 1] if best.unit.id > 0 else None
        for other in (after, before):  # the letter's signatories, together
            if other is not None and SIGNATURE_RE.match(best.unit.text) and SIGNATURE_RE.match(other.text):
                return [other]
        following = self._neighbour(best.unit, 1)
        while after is not None and after.kind == "footnote" and best.unit.kind != "footnote":
            after = self.units[after.id + 1] if after.id + 1 < len(self.units) else None  # (a footnote between)
        if following is None and after is not None and after.kind == best.unit.kind \
                and after.heading == best.unit.heading and after.passage_id != best.unit.passage_id \
                and _refers_back(after):
            # "De motie roept op om scholen … extra geld te geven …" ends its paragraph; the next one
            # opens "Het doel van deze motie ondersteun ik, maar …": a paragraph that points back
            # at the answer's sentence is its sequel.
            return [after]
        if following is None or following.text == best.unit.text:
            return []
        first_words = following.text.lower().split(" ", 2)
        first_word = first_words[0].strip(",.:;")
        if first_word in CONTINUATION_WORDS or " ".join(first_words[:2]) in CONTINUATION_PHRASES:
            return [following]
        # "Meestal moeten ze daarvoor ...", "Naar aanleiding daarvan ...": it points back
        if _refers_back(following):
            return [following]
        # (a word the answer holds only through its neighbours counts as lacking: "Eind 2021 volgen
        # de nieuwe cijfers" after the sentence about pabostudenten that answered "wanneer komen de
        # nieuwe cijfers over pabostudenten?", "In het (v)so gaat het zelfs om 92 procent.")
        # "wat vraagt de motie van Kwint en Westerveld?", "hoe gingen de eindexamens in 2021?": an open
        # question whose every word the answer holds itself is often answered by the next sentence; the
        # one that holds them names the subject ("Het betrof o.a. een motie van Kwint en Westerveld …")
        if question.answer_type is None and question.topics and not any(
                best.unit.id not in self._concept_units(c)[0] for c in question.topics if c.kind == "topic"):
            return [following]
        question_words = {c.word for c in best.missing} | {c.word for c in ranked[0].missing} \
            | {c.word for c in question.concepts if best.unit.id not in self._concept_units(c)[0]}
        found = [c for c in question.concepts
                 if c.word in question_words and following.id in self._concept_units(c)[0]]
        return [following] if found else []


_THEME_WORDS = {"heten", "naam", "inhouden", "betekenen", "gaan", "over", "sector", "gelden", "bedoelen", "zesde", "vijfde", "vierde", "derde",
                "tweede", "eerste", "vijf", "zes", "vier", "drie", "twee", "een"}


__all__ = ["ANSWER_THRESHOLD", "Engine", "Result", "SATISFIES", "Scored"]
