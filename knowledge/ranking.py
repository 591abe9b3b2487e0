"""Ranking: every answer unit of the knowledge base scored for one question.

Answer units are the sentences of every passage (with their passage as context), the actions and
the themes of the annex. A question (see :mod:`knowledge.question`) is a set of concepts, each a
group of interchangeable words (lemmas, synonyms from ``lexicon.yml``, compound parts), plus the
kind of answer it wants (an amount, a date, ...) and the sectors it names.

A unit's score is the IDF-weighted share of the question's concepts it contains (words in the
unit count fully, words only in its passage or heading count half), plus small terms for the
answer type, the sector, the dialogue's topic prior and, for questions of three or more topic
words, the unit's sentence-embedding similarity to the question (:mod:`knowledge.semantic`;
paraphrases the words miss). What to answer from the ranking is :mod:`knowledge.engine`'s decision.

Index built once per knowledge base; no Rasa, no I/O per question.
"""
from __future__ import annotations

import difflib
import functools
import math
import re
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np

from . import semantic
from .lexicon import load_lexicon
from .normalize import PARTICLES, is_dutch_word, is_stop_word, lemma, normalize_tokens, words, written_words
from .question import PREAMBLE, Concept, Question, asked_part
from .question_forms import (DEFINITION_RE, IDENTITY_RE, PERSONAL_RE, SCOPE_RE, SCOPE_VERBS, YEAR_RE,
                             asks_deadline, superlative_asked, theme_number)
from .schema import applies_to
from .units import COMPARATIVES, NUMBER_RE, YEAR_RANGE_RE, Unit, build_units
from .wordparts import MIN_STEM, compound_cuts, is_compound_part, stem

# ----------------------------------------------------------------------------- tuning
# Chosen on the dev split of tests/eval/questions.yml (make eval); see README "Measuring".
CONTEXT_WEIGHT = 0.35         # a concept found only in the unit's passage or heading
SECTOR_CONCEPT_WEIGHT = 0.4  # sector words say "for whom", not "what"
THEME_WORD = "thema"
SITUATION_WEIGHT = 0.5       # a thing named in a clause that tells the user's situation
TYPE_BONUS = 0.10
TYPE_PENALTY = 0.06
REASON_BONUS = 0.05           # "waarom": a sentence that gives a cause or purpose
DIFFICULTY_BONUS = 0.10       # "wat was lastig …?": a sentence that says what was hard
SECTOR_BONUS = 0.05
SECTOR_PENALTY = 0.12
THEME_BONUS = 0.15            # the question names the annex theme ("volgens thema 2") the unit is in
PRIOR_BONUS = 0.3            # divided by the number of topic words: a short question leans on NLU
PRIOR_SLACK = 0.3            # ... and only for units that hold nearly as much of the question as the best
HEADING_BONUS = 0.1          # the unit's section heading names the question's subject too
FOOTNOTE_PENALTY = 0.03
_PREDICATE_ON_BEFORE_RE = re.compile(
    r"(?:Dat|Dit|Deze|Die)\s+(?:is|was|zijn|waren|komt|kwam|komen|heeft|had|hebben|wordt|werd|worden|gaat|ging|"
    r"betekent|geldt|staat|kost|kostte)\b")
# "is het collegegeld eerder gehalveerd?", "previously": what was done before (not "eerder dan")
_EARLIER_QUESTION_RE = re.compile(r"\b(eerder|voorheen|vroeger)\b(?!\s+dan\b)", re.I)
ASIDE_PENALTY = 0.2           # a sentence that goes on about the one before, which the question's words miss
TYPO_CUTOFF = 0.84
UNKNOWN_WORD_UNITS = 5        # a word found nowhere weighs as one found in this many units
SEMANTIC_WEIGHT = 0.2         # per standard deviation of a unit's embedding similarity above the mean
SEMANTIC_FULL_TOPICS = 3      # shorter questions: the words and NLU's prior decide alone
SEMANTIC_CANDIDATES = 12      # units the embedding adds to the lexical candidates
PARTS = "+"                   # joins the two KB parts of a compound question word
COMPOUND_TAIL_UNITS = 20      # a compound's plural tail in more units than this is too common to count by its lemma
# Which unit types satisfy which answer type.
SATISFIES = {
    "amount": {"amount"},
    "percentage": {"percentage"},
    "duration": {"duration"},
    "number": {"number", "amount", "percentage", "duration"},
    "date": {"date"},
    "clock": {"clock"},
    "who": {"who"},
    "procedure": {"procedure"},
    "place": {"place"},         # "where must schools report on it?": "in hun jaarverslag"
    # (asked only by a bare "waarom?" / "waarvoor?" after another question: `actions.follow_ups`)
    "reason": {"reason", "purpose"},
    "opinion": {"opinion"},
    "evidence": {"evidence"},   # "welk onderzoek laat zien dat …?": a sentence that names its source
}
# "met wie werken gemeenten samen?": a partner named after "in samenwerking met" answers it too, though
# not "wie maakt de plannen?" (the partner only joins whoever acts).
_WITH_WHOM_RE = re.compile(r"\bmet wie\b", re.I)


def wanted_types(question: Question) -> Set[str]:
    """The unit types that give the kind of answer the question asks for."""
    wanted = set(SATISFIES.get(question.answer_type or "", set()))
    if question.answer_type == "who" and _WITH_WHOM_RE.search(question.text):
        wanted.add("partner")
    return wanted


_TIME_UNIT_AFTER_RE = re.compile(r"\s*(?:tot\s+\w+\s+)?(?:maand|maanden|week|weken|jaar|jaren|dag|dagen|uur|schooljaren|studiejaren)\b", re.I)
_COMPARATIVE_QUESTION_RE = re.compile(r"\b" + COMPARATIVES + r"\b.*\b(of|dan)\b", re.I)
# (not a question after what a word means: "wat wordt bedoeld met het stuwmeer aan studenten?")
MEASURE_QUESTION_RE = re.compile(r"\bwat (doe|doet|doen|kan|kunnen|gaat|gaan|wordt)\b(?!\s+(?:er\s+|hier\s+|daar\s+)?(?:bedoeld|verstaan)\b)"
                                 r".*\b(doen|gedaan|aan|tegen|(daar|er|hier)(aan|tegen))\b",
                                 re.I)  # ("wat doen de universiteiten eraan?")
# "hoeveel studenten …?" counts students: "ongeveer 32.000 studenten", "17% van de pabostudenten".
# "waarom …?" is answered by a sentence that gives a cause or a purpose: "… door de korte termijn
# waarop …", "omdat …", "om de … vertragingen in te halen".
_WHY_WORDS = r"\b(waarom|hoezo)\b|\bhoe komt het\b|\bwat is de (reden|oorzaak)\b"
_REASON_QUESTION_RE = re.compile(_WHY_WORDS + r"|\bwaardoor\b", re.I)
# ("hoe groot is het tekort aan stageplekken?" counts the stageplekken short)
_HOW_MANY_RE = re.compile(r"\bhoe ?veel\s+(.*)|\bhoe (?:groot|omvangrijk) (?:is|zijn|was|waren|wordt) (?:het|de) \w*tekort(?:en)?"
                          r"\s+(?:aan|van)\s+(.*)", re.I)
_COUNT_WORDS = {"twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien", "twaalf", "twintig",
                "honderd", "duizend", "honderden", "duizenden", "procent"}
_COUNT_MODIFIERS = {"extra", "ruim", "circa", "bijna", "zeker", "nieuw", "ander"}   # "1.500 extra plekken"
# "Ruim driekwart van de pabostudenten die in het primair onderwijs werkt, werkt als …": a share of a
# group a relative clause narrows down (up to its comma)
_SHARE_OF_NARROWED_RE = re.compile(r"(?:\d+(?:,\d+)?\s*(?:%|procent)|\b(?:driekwart|kwart|helft|derde|meerderheid))"
                                   r"\s+van\s+(?:de|het|alle)\s+[\w-]+\s+(?:die|dat)\s+([^,.]+),", re.I)
# "hoeveel procent van de pabo-studenten werkt al in het onderwijs?": the group and what is asked of it
_SHARE_ASKED_RE = re.compile(r"\b(?:procent|percentage|deel|aandeel)\s+(?:van\s+)?(?:de|het|alle)\s+[\w-]+\s+(.+)", re.I)
COUNT_GAP = 3                 # words that may stand between a number and what it counts ("17% van de …")
_ARTICLES = {"de", "het", "een"}
SCHOOL_TYPE_RE = re.compile(r"\b(vmbo|havo|vwo|praktijkonderwijs)")
# ... and the words users have for them: "havisten", "vwo'ers", "een praktijkschool"
_SCHOOL_TYPE_WORDS = {"havist": "havo", "havisten": "havo", "vwo'er": "vwo", "vwo'ers": "vwo", "vmbo'er": "vmbo",
                      "vmbo'ers": "vmbo", "gymnasium": "vwo", "atheneum": "vwo", "praktijkschool": "praktijkonderwijs",
                      "praktijkscholen": "praktijkonderwijs"}


# "wat is het effect van …?", "welk effect heeft …?", "wat levert … op?": what follows from something
_EFFECT_QUESTION_RE = re.compile(r"\bwat (is|was|zijn|waren) (het|de) (effect|effecten|gevolg|gevolgen)\b|\bwelk effect\b"
                                 r"|\bwat levert\b[^?]*\bop\b", re.I)


def asks_effect(question: Question) -> bool:
    """Does the question ask what follows from something ("wat is het effect van …?")?"""
    return bool(_EFFECT_QUESTION_RE.search(question.text))


# A question that asks why: "waardoor" only as its first word ("kiezen scholen voor activiteiten
# waardoor kinderen zich beter voelen?" asks whether, its "waardoor" joins a clause)
_WHY_QUESTION_RE = re.compile(_WHY_WORDS + r"|\bwat was de (reden|oorzaak)\b|^\W*waardoor\b", re.I)


# "wat was voor mbo-studenten lastig?", "wat vonden studenten moeilijker?", "what did they find hard?":
# what was hard is asked (not why it was: "waarom vinden hogescholen het lastig om …?")
_DIFFICULTY_QUESTION_RE = re.compile(r"^\W*(?:en\s+)?(wat|welke|welk|waarmee)\b[^?]*\b(lastig|lastiger|lastigst|lastigste|moeilijk|"
                                     r"moeilijker|moeilijkst|moeilijkste|zwaar|zwaarder|zwaarst|zwaarste)\b"
                                     r"|\bmoeite (met|om)\b", re.I)


def asks_difficulty(question: Question) -> bool:
    """Does the question ask what was hard ("wat was lastig …?", "hadden ze moeite met iets?")?"""
    return bool(_DIFFICULTY_QUESTION_RE.search(question.text)) and not asks_reason(question)


def asks_reason(question: Question) -> bool:
    """Does the question ask why ("waarom …?", "hoezo …?", "hoe komt het dat …?")?"""
    return bool(_WHY_QUESTION_RE.search(question.text))


def school_types(text: str) -> Set[str]:
    """The school types of the vo a text names, as the documents write them."""
    lowered = text.lower()
    return set(SCHOOL_TYPE_RE.findall(lowered)) | {_SCHOOL_TYPE_WORDS[w] for w in words(lowered) if w in _SCHOOL_TYPE_WORDS}
DEFINITION_OPENING = 8         # words of a unit's opening read for "X is …"
_DEFINING_VERBS = {"is", "zijn", "betekent", "houdt", "bevat", "omvat"}
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


class Ranker:
    """One knowledge base's answer units, indexed once (read-only), ranked for a question."""

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
        # words the documents hold only as an elided compound written whole ("lesgeld" of "les-,
        # cursus- en collegegeld"): the embedding does not read them in the unit's text
        self._only_elided = frozenset(
            set().union(*(normalize_tokens(u.text) for u in self.units))
            - {lemma(w) for u in self.units for w in written_words(u.text)})
        self._hyphenated = [v for v in self._long_vocabulary if "-" in v.strip("-")]
        # separable verbs the documents write as "af te leggen": {"afleggen": "leggen"}
        self._split_verbs: Dict[str, str] = {}
        for unit in self.units:
            sequence = [w.lower() for w in words(unit.text)]
            for particle, te, verb in zip(sequence, sequence[1:], sequence[2:]):
                if particle in PARTICLES and te == "te" and lemma(verb) in self._postings:
                    self._split_verbs[lemma(particle + verb)] = lemma(verb)
                elif te == "te" and particle.isalpha() and len(particle) >= 3 and not is_stop_word(particle) \
                        and is_dutch_word(lemma(particle + verb)) and lemma(verb) in self._postings:
                    # ("hybride lesgeven": "studenten leren *les te geven*"; a noun and its verb, both held)
                    self._split_verbs.setdefault(lemma(particle + verb), f"{lemma(particle)}{PARTS}{lemma(verb)}")
        self._by_passage: Dict[int, List[Unit]] = {}
        for unit in self.units:
            self._by_passage.setdefault(unit.passage_id, []).append(unit)
        self._vectors = semantic.unit_matrix([u.text for u in self.units], self._stored_vectors())
        self._pointing = np.array([u.id for u in self.units if u.antecedent and u.id > 0
                                   and self.units[u.id - 1].passage_id == u.passage_id], dtype=int)
        # sentences whose subject is the one before ("Dat komt bovenop …", "Dit is …")
        self._predicates = {int(uid) for uid in self._pointing if _PREDICATE_ON_BEFORE_RE.match(self.units[uid].text)}
        self._topic_units = self._curated_units()

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
        if "-" in word and len(word) >= 6:
            # (and the closed form of a hyphenated question word: "pabo-student" is "pabostudenten")
            joined = word.replace("-", "")
            found.update(v for v in self._long_vocabulary if v == joined or lemma(v) == joined
                         or (v.startswith(joined) and len(v) - len(joined) <= 2))
        if not found and len(word) >= 8:
            for head, tails in compound_cuts(word, 5):
                # (a plural tail counts by its lemma, "onderzoekerscontracten" is "contract", unless
                # the lemma is a word of many units: "zomerscholen" is no "zomer" with any "school")
                tail = next((x for t in tails for x in (t, lemma(t)) if x in self._postings
                             and (x == t or len(self._postings[x]) <= COMPOUND_TAIL_UNITS)), None)
                # (the head by its lemma too: "jongerenplatform" is the "Platform Perspectief Jongeren")
                known_head = next((x for x in (head, lemma(head)) if x in self._postings), None)
                if known_head and tail:
                    found.add(f"{known_head}{PARTS}{tail}")
                    break
        if not found and len(word) >= 9:
            # (or a head the documents write only in hyphenated words, with a short tail:
            # "enveloppegeld" is the "enveloppe-middelen" of the "corona-enveloppe")
            for head, tails in compound_cuts(word, 4):
                tail = next((t for t in tails if t in self._postings), None)
                if len(head) >= 5 and head not in self._postings and self._hyphen_words(head) and tail:
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
        # (a typo rarely changes the first letter; a name does not look like a word: "utrecht" is
        # no "terecht" - English questions reach here in lower case, so a capital cannot tell)
        close = [w for w in difflib.get_close_matches(word, self._long_vocabulary, n=3, cutoff=TYPO_CUTOFF)
                 if w[0] == word[0]]
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
        if not found and concept.particle_form:
            # ("om nu in te grijpen": "Indien er nu niet wordt ingegrepen"; only where the documents never
            # use the verb alone - they write "leerbanen aan te bieden" apart, read as "bieden")
            found |= self._vocab_matches(concept.particle_form)
        if not found and concept.kind == "topic" and "-" in concept.word.strip("-") \
                and not YEAR_RANGE_RE.fullmatch(concept.word):
            # "coschappen-thema", "npo-geld": the parts, each as the KB writes it (after the
            # lexicon, whose own hyphenated words are meant whole; a school year, "2023-2024", is
            # one name: the documents' 2023 of "2022-2023" is not in it)
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
        if concept.kind == "topic" and "-" in concept.word.strip("-") and not YEAR_RANGE_RE.fullmatch(concept.word) \
                and not self._held_in_a_unit(found):
            # "nazorg-geld", "thuiszitters-project", "jeugdwerkloosheids-bestrijding": a hyphenated word
            # of the user's own whose parts no sentence holds together is about what its first part
            # names, where the documents write about that ("… subsidie aanvragen voor het bieden van nazorg")
            first = next((p for p in concept.word.split("-") if len(p) >= 3
                          and p not in self.lexicon.programme | self.lexicon.generic), "")
            for part in dict.fromkeys((first, lemma(first), first[:-1] if first.endswith("s") else "") if first else ()):
                if len(part) >= 4 and (part in self._postings or lemma(part) in self._postings):
                    for alt in self.lexicon.alternatives(lemma(part) if lemma(part) in self._postings else part):
                        found |= self._vocab_matches(alt)
                    break
        return frozenset(found)

    @functools.lru_cache(maxsize=8192)
    def _particle_variants(self, word: str) -> FrozenSet[str]:
        """The documents' verbs of the same verb as `word` (a verb lemma) with a particle before it or
        another one: "grijpen" -> "ingrijpen", "inleveren" -> "aanleveren", "opleveren"."""
        if not word.endswith("en") or len(word) < 6 or "-" in word:
            return frozenset()
        bases = {word} | {word[len(p):] for p in PARTICLES if word.startswith(p) and len(word) - len(p) >= 6}
        return frozenset(p + b for b in bases for p in PARTICLES if p + b != word and p + b in self._postings)

    def _held_in_a_unit(self, found: Iterable[str]) -> bool:
        """Does some unit hold one of these KB words (a "head+tail" entry: both parts, each as itself
        or a word of its lexicon group)?"""
        for w in found:
            if PARTS in w:
                parts = [set().union(*(self._postings.get(x, set()) for x in self._part_words(p)))
                         for p in w.split(PARTS)]
                if parts[0] & parts[1]:
                    return True
            elif self._postings.get(w) or self._context_postings.get(w):
                return True
        return False

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

    def _synonym_pairs(self, question: Question) -> List[Tuple[Concept, Concept, FrozenSet[str]]]:
        """Pairs of topic concepts that match the same words (one lexicon group) and name two things:
        apart in the question (next to each other they name one: "de inhuur van derden") and both
        in one sentence of the documents; with the words and stems they match by."""
        topics = [c for c in question.concepts if c.kind == "topic"]
        tokens = [lemma(t) for t in normalize_tokens(question.text)]
        def at(c: Concept) -> Optional[int]:
            return next((i for i, t in enumerate(tokens) if t == c.word),
                        next((i for i, t in enumerate(tokens) if t in c.alternatives), None))
        pairs = []
        for k, first in enumerate(topics):
            for second in topics[k + 1:]:
                ends = sorted(p for p in (at(first), at(second)) if p is not None)
                if first.alternatives & second.alternatives and len(ends) == 2 \
                        and any(not is_stop_word(t) for t in tokens[ends[0] + 1:ends[1]]) \
                        and self._postings.get(first.word, set()) & self._postings.get(second.word, set()):
                    words = self._concept_words(first) | self._concept_words(second)
                    stems = {stem(a) for a in first.alternatives | second.alternatives if len(stem(a)) >= MIN_STEM}
                    pairs.append((first, second, frozenset(words) | frozenset(stems)))
        return pairs

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
                # each part as itself or a word of its lexicon group: "studievertragingsvergoeding"
                # is a "tegemoetkoming … studievertraging"
                parts = [self._part_words(part) for part in w.split(PARTS)]
                in_text = [set().union(*(self._postings.get(x, set()) for x in ws)) for ws in parts]
                text_ids |= in_text[0] & in_text[1]
                anywhere = [in_text[i].union(*(self._context_postings.get(x, set()) for x in ws))
                            for i, ws in enumerate(parts)]
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

    @functools.lru_cache(maxsize=8192)
    def _part_words(self, part: str) -> FrozenSet[str]:
        """A compound part of a question word and the words of its lexicon group."""
        words = {part} | set(self.lexicon.alternatives(part))
        # (and, for a part the documents write only inside hyphenated words, those words:
        # "enveloppe" in "corona-enveloppe")
        if part in self._postings or len(part) < 5:
            return frozenset(words)
        return frozenset(words | self._hyphen_words(part))

    @functools.lru_cache(maxsize=8192)
    def _hyphen_words(self, part: str) -> FrozenSet[str]:
        """The documents' hyphenated words that have `part` as one of their parts ("enveloppe" in
        "corona-enveloppe" and "enveloppe-middel")."""
        return frozenset(v for v in self._hyphenated if part in v.split("-"))

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
            # (an English question's surfaces are English, "executive skills": its Dutch by lemma)
            lemmas = [lemma(w) for w in surfaces]
            at = [surfaces.index(c.surface.lower()) if c.surface.lower() in surfaces
                  else lemmas.index(c.word) if c.word in lemmas else -9 for c in topics]
            if at[1] - at[0] == 2 and min(at) >= 0 and surfaces[at[0] + 1] == "voor":
                # ("wat is de arbeidsmarkttoelage voor leraren?": the first is defined, the second
                # says for whom)
                topics = topics[:1]
            elif at[1] - at[0] != 1:
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
        if any(re.search(rf"\b{re.escape(w)}\b(?:\s+\w+){{0,2}},\s+die\s+(?:is|zijn|wordt|worden)\s+bedoeld\b",
                         unit.text, re.I) for w in defined if len(w) > 3):
            return TYPE_BONUS / 2  # "een arbeidsmarkttoelage toegekend, die is bedoeld om …"
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
        instead lost their sense ("krijg ik halveren op …").
        (Only for the words of the part that asks: "ik heb een vraag over de stufi, wordt mijn
        collegegeld nog gehalveerd?" is read without its preamble, and "basisbeurs" for "stufi" would
        bring it back.)"""
        asked = asked_part(question.text)
        asked_words = {w.lower() for w in words(asked)}
        added = []
        for c in question.topics:
            if c.kind != "topic" or (c.word in self._postings and c.word not in self._only_elided) \
                    or (asked != question.text and not {w.lower() for w in words(c.surface)} <= asked_words):
                continue
            others = [o for o in question.topics if o is not c]
            used = sorted((alt for alt in c.alternatives | {c.particle_form} - {""}
                           if alt != c.word and " " not in alt and alt in self._postings
                           and alt not in self._only_elided),
                          key=lambda alt: (-len(self._postings[alt]), alt))  # (ties: the same word every run)
            if used:
                beside = max(used, key=lambda alt: (self._beside(alt, others), -used.index(alt)))
                added += [used[0]] if beside == used[0] else [used[0], beside]
        return " ".join([asked] + added)

    def _beside(self, word: str, others: Sequence[Concept]) -> float:
        """How much of the rest of the question the documents say in one sentence with `word`: the
        sense of a synonym. "schadeloos gesteld voor het collegegeld" is "gecompenseerd" (said of the
        collegegeld), not the documents' most frequent synonym "tegemoetkoming" (said of grants)."""
        units = self._postings.get(word, set())
        return sum(self._idf(len(self._concept_units(o)[0])) for o in others if units & self._concept_units(o)[0])

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

    def rank(self, question: Question, sector: Optional[str] = None,
             prior_topics: Iterable[str] = (), limit: int = 12, theme: Optional[int] = None) -> List[Scored]:
        """The best `limit` units for a question, best first."""
        return self._rank(question, sector, prior_topics, limit, theme)[0]

    def _rank(self, question: Question, sector: Optional[str], prior_topics: Iterable[str],
              limit: int, theme: Optional[int] = None,
              theme_hint: Optional[int] = None) -> Tuple[List[Scored], Dict[str, float]]:
        """`theme`: the one the user named, which the units of other themes lose to; `theme_hint`:
        the one NLU read from a subject word ("stages" -> thema 3), which only lifts its own units
        ("hoe kunnen lerarenopleidingen studenten extra begeleiden bij hun stages?" is thema 5's)."""
        concepts = question.concepts
        if not concepts:
            return [], {}
        matches = {c.word: self._concept_units(c) for c in concepts}
        n_topics = len([c for c in concepts if c.kind == "topic"])
        weights: Dict[str, float] = {}
        # "krijg ik korting?" asks about the discount; "hoeveel krijgt een gemeente?" about receiving
        light = self._light_words if PERSONAL_RE.search(question.text) else self.lexicon.background
        if SCOPE_RE.search(question.text):
            light = light | SCOPE_VERBS  # ("geldt de korting ook voor mbo-studenten?" asks about the discount)
        identity = bool(IDENTITY_RE.match(question.text))
        numbered_theme = theme_number(question.text) is not None
        for c in concepts:
            text_ids, context_ids = matches[c.word]
            weight = self._idf(len(self._own_units(c)[0]))
            if not text_ids and not context_ids:
                # A word the documents never use is evidence of nothing; at full weight it drowns
                # the rest of a chatty question ("mijn dochter zit in groep 6, ...").
                weight = min(weight, self._idf(UNKNOWN_WORD_UNITS))
                if c.situation:
                    weight = 0.0  # ("mijn *dochter* zit in groep 6, …": it tells who asks, not what)
            elif c.situation and not identity:
                # ("ik heb een vraag over de stufi, wordt mijn collegegeld nog gehalveerd?": what the
                # clause that tells the situation names helps find the answer; what is asked is the
                # rest. Not where it says who the user is: "wij zijn laagopgeleide ouders, hebben onze
                # kinderen meer vertraging?" asks about that group.)
                weight *= SITUATION_WEIGHT
            if c.kind in ("sector", "rate") or c.word in light:
                weight *= SECTOR_CONCEPT_WEIGHT  # "for whom" and "per what" qualify what is asked
            elif c.word == THEME_WORD and numbered_theme:
                # ("welke studenten lopen volgens *thema 2* extra risico?": the number says where to look,
                # which the named theme's lift does; the word does not make the theme's title the answer)
                weight *= SECTOR_CONCEPT_WEIGHT
            weights[c.word] = weight
        total = sum(weights.values()) or 1.0
        candidates: Dict[int, float] = {}
        for c in concepts:
            text_ids, context_ids = matches[c.word]
            for uid in text_ids:
                candidates[uid] = candidates.get(uid, 0.0) + weights[c.word]
            for uid in context_ids - text_ids:
                candidates[uid] = candidates.get(uid, 0.0) + CONTEXT_WEIGHT * weights[c.word]
        for first, second, shared in self._synonym_pairs(question):
            # One word of a sentence answers one word of the question: "verantwoorden in hun
            # jaarverslag" (one lexicon group) is held by a sentence with both words ("in het
            # jaarverslag verantwoord"), not twice by one "verantwoording".
            for uid in matches[first.word][0] & matches[second.word][0]:
                unit = self.units[uid]
                if len({t for t in unit.tokens | unit.borrowed if t in shared or stem(t) in shared}) < 2:
                    candidates[uid] -= min(weights[first.word], weights[second.word])
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
        top_coverage = max(candidates.values(), default=0.0) / total
        wanted = wanted_types(question)
        deadline_asked = asks_deadline(question)
        sector = sector or (question.sectors[0] if question.sectors else None)
        superlative = superlative_asked(question)
        comparative = bool(_COMPARATIVE_QUESTION_RE.search(question.text))
        measures = bool(MEASURE_QUESTION_RE.search(question.text))
        reason = bool(_REASON_QUESTION_RE.search(question.text))
        difficulty = asks_difficulty(question)
        earlier = bool(_EARLIER_QUESTION_RE.search(question.text))
        # the sector word as the user typed it, where it is narrower than the sector ("vmbo" in the vo)
        own_sector_words = {lemma(part) for c in concepts if c.kind == "sector"
                            for part in re.split(r"[-\s]+", c.surface.lower())} & self._narrow_sector_words \
            | school_types(question.text)
        # "hoeveel studenten …?": where the documents count that, only a count of it is a number
        counted = self._counted_words(question)
        counting = {uid for uid in candidates if self._counts(self.units[uid], counted)} if counted else set()
        presumed = self._share_presumes_predicate(question, candidates) if wanted else set()
        # the question's own topic words, where a clause before it tells the user's situation
        asked_topics = [c for c in concepts if c.kind == "topic" and not c.situation and weights[c.word]] \
            if any(c.situation for c in concepts) else []
        scored: List[Scored] = []
        for uid, matched in candidates.items():
            unit = self.units[uid]
            coverage = matched / total
            score = coverage
            if wanted:
                gives = uid in counting if counting else unit.types & wanted
                if uid in presumed:
                    gives = False  # a share of those who already do what is asked: another share
                score += TYPE_BONUS if gives else -TYPE_PENALTY
                if deadline_asked and "deadline" in unit.types:
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
            # ("Dat komt bovenop eerdere investeringen in …": for a question about what was done before,
            # the earlier measures are the sentence's own content, no side mention of the one before)
            before = earlier and "earlier" in unit.types
            if before:
                score += TYPE_BONUS
            if reason and unit.types & {"reason", "purpose"}:
                score += REASON_BONUS if "reason" in unit.types else REASON_BONUS / 2  # a cause before a purpose
            elif reason and unit.kind == "theme":
                # ("waarom is het volgens thema 2 nodig om nu in te grijpen …?": a theme's title says what
                # it is about, never why)
                score -= TYPE_PENALTY
            if difficulty and "difficulty" in unit.types:
                score += DIFFICULTY_BONUS
            if uid in prior and coverage >= top_coverage - PRIOR_SLACK and (before or not earlier):
                # (NLU's topic breaks a near tie; it does not make up for the question's own words:
                # "hoeveel plannen hadden er in totaal moeten komen?" is the count of plans, not the
                # progress report's quote about what the plans chose; nor, for a question about what was
                # done before, does it lift its topic's quote about now: "is het collegegeld voor
                # lerarenopleidingen eerder gehalveerd?" is the earlier halving, not this year's)
                score += prior_bonus
            if theme is not None and unit.theme is not None and unit.kind != "theme":
                # (the theme's title answers "what is theme 5", decided before ranking)
                score += THEME_BONUS if unit.theme == theme else -2 * THEME_BONUS  # the user named it
            elif theme_hint is not None and unit.theme == theme_hint and unit.kind != "theme" and not wanted:
                # (not for a number or date: the annex's actions give none - "hoeveel stageplekken zijn er
                # tekort in het hbo?" is no list of stage actions)
                score += THEME_BONUS
            if similarity is not None:
                # Reorders what the words found; it never lifts a unit that shares no words.
                score += SEMANTIC_WEIGHT * max(0.0, float(similarity[uid]))
            in_heading = sum(weights[c.word] for c in concepts
                             if c.kind == "topic" and unit.heading & self._concept_words(c))
            score += HEADING_BONUS * in_heading / total
            if unit.kind == "footnote":
                score -= FOOTNOTE_PENALTY
            if uid in self._predicates and not before and not any(uid - 1 in matches[c.word][0] for c in concepts
                                                     if c.kind == "topic" and weights[c.word]):
                # ("Dat komt bovenop … de halvering van collegegeld …" is about the € 500 miljoen before
                # it; the question's subject is a side mention, and the answer would open with the other)
                score -= ASIDE_PENALTY
            if asked_topics and any(uid in matches[c.word][0] for c in concepts if c.situation) \
                    and not any(uid in matches[c.word][0] for c in asked_topics):
                # ("mijn aanvullende beurs loopt af, wordt het collegegeld gehalveerd?": the grant that
                # ends is what the user tells; a sentence about it alone does not answer what is asked)
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

    def _counted_words(self, question: Question) -> FrozenSet[str]:
        """For "hoeveel X …?": the words that name X (its synonyms included); else empty."""
        if question.answer_type not in ("number", "percentage"):
            return frozenset()
        match = _HOW_MANY_RE.search(question.text)
        if not match:
            return frozenset()
        after = words(match.group(1) or match.group(2))[:3]
        following = [lemma(w) for w in after]
        # ("hoeveel mbo-instellingen zetten …": a sector's compound is read as the sector; its head is
        # what is counted, not the verb after it)
        if after and "-" in after[0] and any(c.kind == "sector" for c in question.concepts):
            head = lemma(after[0].rsplit("-", 1)[1].lower())
            if len(head) >= 4 and head in self._postings:
                return frozenset({head})
        for concept in question.concepts:
            if concept.kind == "topic" and concept.word in following:
                return self._concept_words(concept)
        return frozenset()

    def _share_presumes_predicate(self, question: Question, candidates) -> Set[int]:
        """Units whose share is of a group narrowed by what the question asks the share of.

        "hoeveel procent van de pabostudenten werkt in het onderwijs?" asks the share that works; "Ruim
        driekwart van de pabostudenten die in het primair onderwijs werkt, werkt als
        onderwijsondersteunend personeel" is a share of those who work already ("In 2015 bleek 5%
        werkzaam …, … naar 17% in 2020" answers). Not where the question narrows the group the same
        way ("welk deel van de pabostudenten die in het po werken …")."""
        asked = _SHARE_ASKED_RE.search(question.text)
        if question.answer_type != "percentage" or not asked or re.match(r"(?:die|dat)\b", asked.group(1), re.I):
            return set()
        predicate = [c for c in question.concepts if c.kind == "topic" and not c.situation
                     and c.surface and c.surface.lower() in asked.group(1).lower()]
        if not predicate:
            return set()
        found = set()
        for uid in candidates:
            narrowed = _SHARE_OF_NARROWED_RE.search(self.units[uid].text)
            if narrowed is None:
                continue
            clause = set(normalize_tokens(narrowed.group(1)))
            if all(clause & self._concept_words(c) for c in predicate):
                found.add(uid)
        return found

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

    def _neighbour(self, unit: Unit, step: int) -> Optional[Unit]:
        """The sentence `step` places from `unit` in its passage (of the same kind), if any."""
        return next((u for u in self._by_passage.get(unit.passage_id, [])
                     if u.kind == unit.kind and u.index == unit.index + step), None)


__all__ = ["Ranker", "SATISFIES", "Scored", "asks_difficulty", "asks_effect", "asks_reason", "school_types", "wanted_types"]
