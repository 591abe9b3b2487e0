"""The answer engine: decide from the ranking (:mod:`knowledge.ranking`) what to answer.

The decision says one of:

- ``answer``: the best unit holds what was asked;
- ``near_miss``: the question is about the documents' topics but asks for something no unit
  holds (a concept or a kind of answer is missing): say so, then show the nearest fact as such;
- ``unknown``: nothing in the documents is about this;
- ``themes`` / ``actions`` / ``dates``: the question asks for a list the KB holds as structure.

Pure functions over data loaded once per knowledge base; no Rasa, no I/O per question.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Dict, Iterable, List, Optional, Set, Tuple

from . import extract
from .gaps import (ALSO_FOR_RE, ANSWER_THRESHOLD, RELATED_THRESHOLD, SEMANTIC_CONFIDENT, TOTAL_RE, TYPED_THRESHOLD, Case,
                   GapFinder, Result, counts_only_vaguely)
from .normalize import lemma, normalize_tokens
from .question import Concept, Question, analyse
from .question_forms import (DEADLINE_QUESTION_RE, LIST_WORDS, PURPOSE_QUESTION_RE, PURPOSE_WORDS, WHAT_RE,
                             asks_deadline, asks_for_actions, asks_for_themes, names_a_year, subject_words,
                             superlative_asked, theme_number)
from .ranking import (MEASURE_QUESTION_RE, PARTS, SATISFIES, THEME_WORD, Scored, asks_difficulty, asks_effect,
                      asks_reason, wanted_types)
from .schema import applies_to
from .units import (SIGNATURE_RE, Unit, cause_is_before, gives_cause, gives_effect, opens_with_demonstrative,
                    points_back, states_cause, value_sectors)

# ----------------------------------------------------------------------------- tuning
# Chosen on the dev split of tests/eval/questions.yml (make eval); see README "Measuring";
# the thresholds the near-miss side shares live in knowledge.gaps.
STRICT_THRESHOLD = 0.75      # the same for a message NLU took for chit-chat or out of scope
STRICT_TYPED_WORDS = 2        # ... unless the answer gives the kind asked for and holds this many of its words
NEIGHBOUR_SOURCES = 3       # well-matched sentences whose neighbours may hold the typed answer
THEME_TITLE_MARGIN = 0.15     # ... and a theme whose title holds the heaviest word asked, this close
LIST_LEAD_MARGIN = 0.05       # a theme's list lead-in this close to the best answers "what can be done" with the list
SECTOR_SWAP_MARGIN = 0.40     # a fact for the sector asked this close beats one for another sector
TOTAL_MARGIN = 0.15           # a value that says it is a total this close beats a part, for "in totaal"
AMBIGUOUS_MARGIN = 0.10       # a unit of another passage scores this close to the best: unsure which
AMBIGUOUS_SIMILARITY = 3.0    # ... unless the best reads clearly like the question (SDs)
DOMINATED_BEST_LACKS = 0.30    # a best lacking at most this share of the question's weight ...
DOMINATED_EXTRA_WEIGHT = 3.0   # ... holding this much weight more than a unit that holds nothing else: no tie
SPLIT_COVERAGE = 0.55         # a best this weak, and a rival holding the word it lacks: unsure (no embedding)
READS_NO_CLOSER = 0.25        # a rival that adds nothing is still one where the embedding reads it this much closer
_MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"}
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
# A sentence that says what is or can be done ("kansrijk als instellingen … extra begeleiding geven")
_DOES_SOMETHING_RE = re.compile(r"\b(kansrijk|extra|inzetten|in te zetten|aanbieden|bieden|begeleiding|ondersteuning"
                                r"|ondersteunen)\b", re.I)
_URL_ONLY_RE = re.compile(r"^\s*https?://\S+\s*$")
# "wat doet de uni tegen …?", "wat kan mijn school eraan doen?": what is done, an action of the annex.
# The sentence that opens a theme's list of actions in the annex.
_LIST_LEAD_RE = re.compile(r"\bvolgende\b(?:\s+\w+)*\s+acties\s*:\s*$", re.I)
# A question after the way something is done ("hoe helpt het mbo ...?", "how do colleges ...?"), not
# after a measure ("hoe lang", "hoeveel", "how many"): where its answer announces a theme's list of
# actions, the list is the way.
_ASKS_HOW_RE = re.compile(r"^\W*(?:(?:and|but|en|maar|dus)\s+)?(?:hoe|how|op welke manier|in what way)\b"
                          r"(?!\s*(?:veel|lang|laat|groot|hoog|vaak|ver|oud|zit|staat|heet|many|much|long|often|far|old|late|big|high)\b)",
                          re.I)
# A sentence that opens with one of these adds another thing to the one before it.
_ADDS_ANOTHER_RE = re.compile(r"(daarnaast|ook|verder|tevens|bovendien|daarbij|andere)\b", re.I)


def _refers_back(unit: Unit) -> bool:
    """Does one of the unit's first words point back ("Meestal moeten ze *daarvoor* …", "Het doel van
    *deze* motie …")?"""
    return any(w.strip(",.:;") in BACK_REFERENCES for w in unit.text.lower().split()[:4])
# ... or that opens with "ook" and goes on about the same thing ("Ook wordt scholen gevraagd *hierover* te
# rapporteren in hun jaarverslag": about the hiring of third parties the sentences before it are about)
_ABOUT_THE_SAME_RE = re.compile(r"^\W*(?:[\w-]+\s+){0,5}(?:hierover|hiervan|hiermee|daarover|daarvan|daarmee)\b", re.I)
_NAMES_A_THEME = {"thema", "keuzelijst", "actie"}
# (also after "en", "hoi": "en wat is de keuzelijst eigenlijk?")
# "wie is de minister van VWS?", "hoe heet de staatssecretaris?": a person is asked for.
_PERSON_QUESTION_RE = re.compile(r"\b(wie|hoe heet|naam(\s+van)?)\s+(is|was|zijn|waren)?\s*(de|het)?\s*([\w-]+\s+)?"
                                 r"(minister|ministers|staatssecretaris|staatssecretarissen|bewindspersoon|"
                                 r"bewindspersonen|voorzitter|directeur|premier|minister-president)\b", re.I)
_THEME_WORDS = {"heten", "naam", "inhouden", "betekenen", "gaan", "over", "sector", "gelden", "bedoelen", "zesde", "vijfde", "vierde", "derde",
                "tweede", "eerste", "vijf", "zes", "vier", "drie", "twee", "een"}
_HYPHENED_THEME_RE = re.compile(r"([\w-]+)-thema(?:'s)?")   # "coschappen-thema"
_ABOUT_WORDS = {"over", "van", "rond", "rondom"}   # "het thema *over* stages"


class Engine(GapFinder):
    """Decisions over one knowledge base's ranked units (built once, read-only)."""

    def __init__(self, kb, units: Optional[List[Unit]] = None) -> None:
        super().__init__(kb, units)
        self._theme_units = {u.theme: u for u in self.units if u.kind == "theme"}
        self._footnote_parents = {r["id"]: r["parent_id"] for r in kb._query(
            "SELECT id, parent_id FROM passages WHERE kind = 'footnote' AND parent_id IS NOT NULL")}

    def _typed_neighbour(self, ranked: List[Scored], question: Question, wanted: Set[str],
                         weights: Dict[str, float]) -> Optional[Scored]:
        """A sentence one or two places after a well-matched one in its passage that gives the kind
        of answer asked for, shares one of the question's words with it (so it goes on about the
        same thing), and together with it holds enough of the question."""
        for near in ranked[:NEIGHBOUR_SOURCES]:
            if near.coverage < TYPED_THRESHOLD or near.unit.kind != "sentence":
                continue
            # (only after it, and not one that adds another thing: "Daarnaast kiezen veel scholen voor
            # instructie in kleine groepen." is not counted by the sentence before it, nor is the
            # grant of "Ook hebben … 130.000 studenten een tegemoetkoming … voor de extra kosten
            # studievertraging" the one for a lost grant)
            # (and the one before it, where it points back at that one: "Een mooi voorbeeld is het initiatief
            # van de gemeente Rotterdam, met … Hogeschool Rotterdam …" names who runs "dit project")
            back = wanted == SATISFIES["who"] and bool(near.unit.antecedent) and opens_with_demonstrative(near.unit.text)
            for step in (1, 2) + ((-1,) if back else ()):
                unit = self._neighbour(near.unit, step)
                if unit is None or not self._gives(unit, question, wanted) \
                        or (_ADDS_ANOTHER_RE.match(unit.text) and not _ABOUT_THE_SAME_RE.match(unit.text)):
                    continue
                # (one it points back at is what it goes on about: no shared word needed)
                joined = self._together(near, unit, question, weights, shared=step > 0)
                if joined:
                    return joined
        return None

    def _together(self, near: Scored, unit: Unit, question: Question, weights: Dict[str, float],
                  shared: bool = True) -> Optional[Scored]:
        """`unit`, next to `near`, as the answer where the two together hold enough of the question
        (and, with `shared`, share one of its words, so that it goes on about the same thing)."""
        own = {c.word for c in question.topics if near.unit.id in self._concept_units(c)[0]}
        theirs = {c.word for c in question.topics if unit.id in self._concept_units(c)[0]}
        if shared and not own & theirs:
            return None
        missing = tuple(c for c in question.concepts if c.word not in own | theirs
                        and unit.id not in self._concept_units(c)[0])
        coverage = 1.0 - sum(weights.get(c.word, 0.0) for c in missing) / (sum(weights.values()) or 1.0)
        return Scored(unit, near.score, coverage, missing, near.similarity) if coverage >= TYPED_THRESHOLD else None

    def _exact_beside_vague(self, best: Scored, question: Question, wanted: Set[str],
                            weights: Dict[str, float]) -> Optional[Scored]:
        """For a count, the sentence next to a best that counts only vaguely ("Slechts een *handvol*
        plannen … was nog niet aangeleverd") that counts the same thing exactly ("*Honderd* van de in
        potentie honderdelf plannen zijn meegenomen …"), where together they hold enough of the question:
        "hoeveel instellingen hebben hun plan ingeleverd?" is answered as well as the documents can."""
        if best.unit.kind != "sentence" or not counts_only_vaguely(best.unit):
            return None
        for step in (-1, 1):
            unit = self._neighbour(best.unit, step)
            if unit is None or not self._gives(unit, question, wanted) or counts_only_vaguely(unit):
                continue
            joined = self._together(best, unit, question, weights)
            if joined:
                return joined
        return None

    def _dated_in_passage(self, best: Scored, question: Question, wanted: Set[str], years: List[Concept],
                          weights: Dict[str, float]) -> Optional[Scored]:
        """The sentence of the best unit's paragraph that names the years asked and gives the kind of
        answer asked for, where together with the best unit it holds enough of the question."""
        total = sum(weights.values()) or 1.0
        for unit in self._by_passage.get(best.unit.passage_id, []):
            if unit.id == best.unit.id or not self._gives(unit, question, wanted) \
                    or not all(unit.id in self._concept_units(c)[0] for c in years):
                continue
            missing = tuple(c for c in question.concepts if not {best.unit.id, unit.id} & self._concept_units(c)[0])
            coverage = 1.0 - sum(weights.get(c.word, 0.0) for c in missing) / total
            if coverage >= TYPED_THRESHOLD:
                return Scored(unit, best.score, coverage, missing, best.similarity)
        return None

    def answer(self, text: str, sector: Optional[str] = None, prior_topics: Iterable[str] = (),
               question: Optional[Question] = None, theme: Optional[int] = None,
               theme_hint: Optional[int] = None) -> Result:
        """Decide what to answer to `text` for a user in `sector` (the profile; a sector named in
        the question itself wins). `theme`: the theme the user named or chose; `theme_hint`: one NLU
        read from a subject word, a prior only."""
        question = question or analyse(text)
        case = Case(question, sector, question.sectors[0] if question.sectors else sector, tuple(prior_topics), theme,
                     theme or theme_number(question.text) or self._theme_named(question), subject_words(question),
                     theme_hint)
        listed = self._structure_asked(case)
        if listed is not None:
            return listed
        case.ranked, case.weights = self._rank(question, case.asked_sector, case.prior_topics, 12, case.explicit_theme,
                                               None if case.explicit_theme else case.theme_hint)
        listed = self._theme_asked(case)
        if listed is not None:
            return listed
        if not case.ranked:
            return case.result("unknown")
        case.wanted = wanted_types(question)
        if question.answer_type == "who" and _PERSON_QUESTION_RE.search(question.text):
            case.wanted = {"person"}  # "wie is de minister van VWS?": a person's name, not the ministerie
        best, chosen_for_sector = self._choose_best(case)
        listed = self._list_instead(case, best)
        if listed is not None:
            return listed
        best, link = self._with_citing_sentence(best, case.ranked)
        if link is None and self._bare_link(best.unit):
            # (a web address whose citing sentence is not among the ranked is neither an answer nor a
            # related fact: "What's the best way to learn Dutch quickly?" showed "https://…/po-en-vo")
            return case.result("unknown")
        if self._about_nothing(case, best):
            # Nothing in the documents is about it, or its main word never occurs in them.
            return case.result("unknown")
        gap = self._gap(case, best)
        # A fact for other sectors than the one asked about, or (nothing named) the user's own:
        # a po school leader asking "hoeveel geld krijgen we?" is not answered with the mbo/ho budget.
        asking = case.sectors_asked
        other_sector = bool(asking) and bool(best.unit.sectors) and not any(
            applies_to(best.unit.sectors, s) for s in asking)
        if asking and case.wanted and len(best.unit.sectors) > 1 and not other_sector:
            # ("hoeveel procent van de middelbare scholen is aangemeld bij het nco?": the 40 procent is
            # the po's; the same sentence's vo clause gives no percentage)
            given_for = value_sectors(best.unit.text, case.wanted, self.lexicon)
            other_sector = bool(given_for) and not any(applies_to(sorted(given_for), s) for s in asking)
        if asking and not other_sector and not gap.silent and self._wider_count(question, best.unit, asking):
            # ("hoeveel wo-studenten kregen een tegemoetkoming?": "130.000 studenten" of the mbo and ho
            # together is no count of the wo's students)
            other_sector = True
        if asking and not other_sector and self._thing_for_other_sectors(question, best.unit, asking):
            # ("krijgen hbo-studenten ook een laptop?": "… in het mbo het verstrekken van devices")
            other_sector = True
        if not other_sector:
            mismatch = self._mismatch(case, best)
            if mismatch is not None:
                return mismatch
        if gap.silent or other_sector:
            return self._not_answered(case, best, gap, asking[0] if other_sector else None)
        if self._no_reason_near(case, best):
            # "wat is het effect van de ophoging van de subsidieregeling praktijkleren voor werkgevers?":
            # the letter's sentence that says it was raised gives no effect; theme 3's action that holds
            # as much of the question does ("… wordt het voor werkgevers aantrekkelijker …"), and a unit
            # that gives none is no rival to it
            giving = next((s for s in case.ranked[:NEIGHBOUR_SOURCES] if s is not best
                           and s.coverage >= best.coverage and s.unit.kind in ("sentence", "action")
                           and self._gives_what_why_asks(question, s.unit)), None)
            if giving is not None:
                return self._shaped_answer(case, giving, None)
            # "waarom werken de meeste pabostudenten als onderwijsondersteuner?": the sentence that says
            # they do gives no reason, nor does any sentence beside it - the documents give none
            return case.result("near_miss", shown=[self._with_antecedent(best.unit)],
                               missing_type="effect" if asks_effect(question) else "reason")
        settled = self._settle_ties(case, best, link, chosen_for_sector)
        if settled is None:
            # Two places in the documents fit equally well: say so rather than pick one as the answer.
            # (the research named for "welk onderzoek laat zien …?" even so: it is what was asked)
            return case.result("near_miss", shown=self._with_source(case, [best.unit], best.unit), unsure=True)
        return self._shaped_answer(case, settled, link)

    def _structure_asked(self, case: Case) -> Optional[Result]:
        """A question for a list the KB holds as structure, decided before ranking: every theme,
        every date."""
        question = case.question
        if asks_for_themes(question, case.concept_words, case.explicit_theme, self.lexicon.programme_names):
            # ("voor mbo en ho": several sectors named, every theme of theirs: the whole list)
            return case.result("themes", sector=case.asked_sector if len(question.sectors) <= 1 else None)
        if question.answer_type == "date" and case.concept_words <= LIST_WORDS:
            return case.result("dates")
        if not question.answer_type and PURPOSE_QUESTION_RE.search(question.text) \
                and self._only_the_programme(question, besides=PURPOSE_WORDS):
            # "waarom is het npo er gekomen?", "wat wil het npo bereiken?": the sentence that says what the
            # programme is for, wherever the ranking puts the sentences that name a purpose of a part of it
            purpose = next((u for u in self._programme_units if u.types & {"purpose", "reason"}), None)
            if purpose is not None:
                return case.result("answer", shown=[purpose])
        return None

    def _theme_asked(self, case: Case) -> Optional[Result]:
        """A question about the theme it names: its actions, or the theme itself."""
        question, concept_words = case.question, case.concept_words
        # ("wat staat er op de keuzelijst over stages?": what the list holds for that theme is its actions)
        on_the_list = "keuzelijst" in concept_words and not question.answer_type and bool(WHAT_RE.match(question.text))
        listed_theme = case.explicit_theme or case.theme_hint  # ("welke acties zijn er voor stages?")
        if listed_theme and (asks_for_actions(question, concept_words) or on_the_list):
            return case.result("actions", theme=listed_theme)
        theme_unit = self._theme_units.get(case.explicit_theme)
        if theme_unit and question.answer_type in (None, "who") \
                and self._only_about(theme_unit, question, concept_words):  # ("hoe lang duurt een coschap?" asks a duration)
            # "thema vijf, wat is dat?", "hoe heet het zesde thema?", "voor wie is thema 3 over
            # stages bedoeld?": the theme itself.
            return case.result("answer", shown=[theme_unit])
        return None

    def _choose_best(self, case: Case) -> Tuple[Scored, bool]:
        """The unit that answers, if any does: the best ranked, or one close to it that NLU's topic
        names, that gives the kind of answer asked for, or that is for the sector asked about; and
        whether it was chosen for that sector."""
        question, ranked, wanted = case.question, case.ranked, case.wanted
        best = ranked[0]
        if best.coverage < RELATED_THRESHOLD and best.similarity < SEMANTIC_CONFIDENT:
            # Too little about the question to be even related, however much the embedding lifted
            # it: the unit NLU's topic names wins when it is related ("geldt de korting op het
            # lesgeld ook voor mbo?" -> the halving of tuition fees, not the grant).
            prior = self._prior_units(case.prior_topics)
            best = next((s for s in ranked if s.unit.id in prior and s.coverage >= RELATED_THRESHOLD), best)
        # (nor does one that counts only vaguely and holds too little of the question: "Een deel van de
        # instellingen heeft in de plannen nog geen fasering opgenomen" for "hoeveel instellingen hebben
        # hun plan ingeleverd?")
        if wanted and (not (best.unit.types & wanted) or (best.coverage < TYPED_THRESHOLD and counts_only_vaguely(best.unit))):
            # (a year the typed unit lacks does not keep it out: it is said as not given - "en in 2023?"
            # after "hoeveel geld is er voor de lerarenopleidingen?" is the € 38 miljoen and no amount for
            # 2023, not the uitloop whose "2022-2023" holds 2023 and which gives no amount)
            total = sum(case.weights.values()) or 1.0
            typed = [s for s in ranked if self._gives(s.unit, question, wanted) and (
                s.coverage + sum(case.weights.get(c.word, 0.0) for c in s.missing if names_a_year(c.word)) / total
                >= TYPED_THRESHOLD)]
            # (one that names the sector asked about, or is next to a sentence that does, first: "hoeveel
            # extra krijgen de lerarenopleidingen?" is not the € 50 miljoen of the students' grants)
            # (for "tot wanneer", an end date first: "de uitloop voor de rest van het studiejaar 2022-2023",
            # under the heading of mbo and ho, not the "€ 516 miljoen … in de jaren 2021 en 2022" that names them)
            deadline = asks_deadline(question)
            typed.sort(key=lambda s: (deadline and "deadline" not in s.unit.types,
                                      any(c.kind == "sector" for c in s.missing)))
            if typed:
                best = self._exact_beside_vague(typed[0], question, wanted, case.weights) or typed[0]
            else:
                # "hoeveel studenten kregen een tegemoetkoming omdat hun beurs wegviel?": the count is
                # a sentence or two after the one that names the grant's case, on the same subject
                best = self._typed_neighbour(ranked, question, wanted, case.weights) or best
        if asks_difficulty(question) and "difficulty" not in best.unit.types:
            # "wat vonden studenten in het hoger onderwijs moeilijker?": a sentence nearly as good that says
            # what was hard ("… vinden dat het moeilijker was om …"), not one that only holds the word
            # ("studenten die normaal lastig een stageplek weten te bemachtigen")
            best = next((s for s in ranked if "difficulty" in s.unit.types and best.score - s.score < AMBIGUOUS_MARGIN), best)
        if wanted and TOTAL_RE.search(question.text) and "purpose" in best.unit.types \
                and not TOTAL_RE.search(best.unit.text):
            # "hoeveel geld is er in totaal voor het mbo?": the value the documents call a total ("in
            # totaal € 516 miljoen"), not one set aside for a purpose ("€ 7,3 miljoen … voor de aanpak
            # van de jeugdwerkloosheid"; but "€ 38 miljoen … specifiek voor de lerarenopleidingen" is theirs)
            best = next((s for s in ranked if TOTAL_RE.search(s.unit.text) and s.coverage >= best.coverage
                         and best.score - s.score <= TOTAL_MARGIN and self._gives(s.unit, question, wanted)), best)
        # "welk percentage pabostudenten werkte in 2015 in het onderwijs?": the year asked is answered by
        # the sentence of the paragraph that names it ("In 2015 bleek 5% …"), not by the one next to it
        years = [c for c in question.concepts if names_a_year(c.word)]
        if wanted and years and not all(best.unit.id in self._concept_units(c)[0] for c in years):
            best = self._dated_in_passage(best, question, wanted, years, case.weights) or best
        # "zijn de acties voor coschappen ook voor hbo opleidingen?": the thing asked "ook voor" a sector
        # is what the question is about; a unit for that sector without the thing is no answer, the one
        # that holds the thing (and lacks only the sector) is, where it ranks close
        also = {w.lower() for m in ALSO_FOR_RE.finditer(question.text) for w in m.groups() if w}
        rarest = self.rarest_topic(question)
        if rarest is not None and rarest in best.missing and any(
                c.kind == "sector" and c.surface.lower().split()[0] in also for c in question.concepts):
            # (it holds more of the question than the best, which lacks the thing)
            holder = next((s for s in ranked[:NEIGHBOUR_SOURCES] if rarest not in s.missing and s.coverage > best.coverage
                           and s.coverage >= ANSWER_THRESHOLD and all(c.kind == "sector" for c in s.missing)), None)
            if holder is not None:
                best = holder
        # (the sector asked: the one named, or else the user's own: "ik ben moeder van een kind in
        # groep 7" … "hoeveel weken is dat?")
        asked = case.sectors_asked
        if asked and best.unit.sectors and not any(applies_to(best.unit.sectors, s) for s in asked):
            # "how many weeks behind are primary school pupils in maths?": the vmbo sentence holds every
            # word, but the 10 weeks of primary education, next to the sentence that names maths, is
            # almost as close: the fact for the sector asked for wins over a near miss for another
            own_sector = next((s for s in ranked if s.unit.sectors and best.score - s.score <= SECTOR_SWAP_MARGIN
                               and s.coverage >= (TYPED_THRESHOLD if wanted else ANSWER_THRESHOLD)
                               and any(s.unit.sectors == (x,) for x in asked)
                               and (not wanted or self._gives(s.unit, question, wanted)
                                    # (where the best gives no such answer either, the own sector's fact is the
                                    # related one: "waarom?" after the po's 10 weeks is no near miss for the po)
                                    or not self._gives(best.unit, question, wanted))), None)
            if own_sector is not None:
                return own_sector, True
        return best, False

    def _list_instead(self, case: Case, best: Scored) -> Optional[Result]:
        """A theme's list of actions where that answers better than the best unit alone."""
        question, ranked = case.question, case.ranked
        # "wat kunnen universiteiten doen aan de vertraging bij coschappen?": where the sentence that
        # opens a theme's list of actions ("Om de studievertraging ten aanzien van coschappen te
        # beperken …, kunnen instellingen kiezen uit … de volgende aanvullende acties:") fits as well as
        # the best, what can be done is that list.
        # "welke vormen van extra onderwijs kunnen lerarenopleidingen bieden?": an action of a theme for
        # every sector that does not name the group asked about is not what the list holds for that
        # group, where one theme is for it alone (thema 5 lerarenopleidingen, thema 4 geneeskunde) and
        # one of its units is among the ranked: that theme's actions are the answer.
        # (not when the question names a theme itself: "mag mijn lerarenopleiding thema 3 gebruiken?")
        if not case.wanted and not case.explicit_theme and best.unit.kind == "action":
            own_theme = self._group_theme(best, ranked)
            if own_theme is not None:
                return case.result("actions", theme=own_theme)
        if not case.wanted and MEASURE_QUESTION_RE.search(question.text):
            lead = next((s for s in ranked if best.score - s.score <= LIST_LEAD_MARGIN and s.unit.theme is not None
                         and s.coverage >= ANSWER_THRESHOLD and _LIST_LEAD_RE.search(s.unit.text)), None)
            if lead is not None:
                return case.result("actions", theme=lead.unit.theme)
            # "wat kan een mbo-school doen tegen jeugdwerkloosheid?": a theme whose title holds the
            # question's heaviest word ("Thema 6: Aanpak jeugdwerkloosheid"), ranked close to the best,
            # is what can be done: its actions
            heaviest = max((c for c in question.topics if c.kind == "topic"),
                           key=lambda c: case.weights.get(c.word, 0.0), default=None)
            titled = next((s for s in ranked if s.unit.kind == "theme" and best.score - s.score <= THEME_TITLE_MARGIN
                           and heaviest is not None and heaviest not in s.missing), None)
            if titled is not None:
                return case.result("actions", theme=titled.unit.theme)
            # "wat kan een roc doen tegen werkloosheid onder schoolverlaters?": where the best is a
            # sentence that tells the problem, not what is done about it, the theme NLU read from the
            # subject ("werkloosheid" -> thema 6), whose own units rank this close, is what can be done
            problem = best.unit.kind == "sentence" and not _DOES_SOMETHING_RE.search(best.unit.text)
            hinted = next((s for s in ranked if problem and case.theme_hint is not None
                           and s.unit.theme == case.theme_hint and best.score - s.score <= THEME_TITLE_MARGIN), None)
            if hinted is not None:
                return case.result("actions", theme=case.theme_hint)
            if best.unit.kind == "sentence" and best.unit.theme is not None and best.coverage >= ANSWER_THRESHOLD \
                    and not _DOES_SOMETHING_RE.search(best.unit.text):
                # "ik wacht al maanden op mijn coschap, wat wordt daaraan gedaan?": the sentence of the
                # annex that tells the problem is not what is done about it; its theme's actions are
                # (one that says what helps is: "… is het kansrijk als instellingen laatstejaars extra
                # begeleiding geven")
                return case.result("actions", theme=best.unit.theme)
        if best.unit.kind in ("theme", "action") and asks_for_actions(question, case.concept_words) \
                and best.coverage >= ANSWER_THRESHOLD:
            return case.result("actions", theme=best.unit.theme)
        return None

    def _settle_ties(self, case: Case, best: Scored, link: Optional[Unit], chosen_for_sector: bool) -> Optional[Scored]:
        """The best unit, or None where a unit of another passage fits as well and the embedding
        cannot tell them apart."""
        question, ranked = case.question, case.ranked

        # (a unit for none of the sectors the question names is no rival of one for them: it does not
        # answer it - where the question names one sector, or the best was chosen for the one named)
        def for_asked(unit: Unit) -> bool:
            return not unit.sectors or any(applies_to(unit.sectors, x) for x in question.sectors)

        judge_sectors = len(set(question.sectors)) == 1 or chosen_for_sector
        # (nor is a unit without the end a "tot wanneer" question asks, beside one that gives it: "tot
        # wanneer mogen instellingen de npo-middelen uitgeven?" - the uitloop to 2022-2023, not the
        # annual report "voor de volgende jaren")
        # (nor, for a number, date or name, a unit ranked below the best that gives no such answer: "welk
        # deel van het geld … gaat naar inzet van studenten?" - the 7%, not the teacher training's plans
        # for the money)
        typed_best = bool(case.wanted) and self._gives(best.unit, question, case.wanted)
        deadline_given = "deadline" in best.unit.types and bool(DEADLINE_QUESTION_RE.search(question.text))
        # (nor, for a question after the top one - "where are most internship shortages?", "what is the
        # biggest priority?" - a unit ranked below a best that says which is the most ("De meeste tekorten
        # spelen ... in de sector zorg", "Men kiest vooral voor ...") but says no most itself, or says one
        # but lacks a word asked that the best holds ("Vooral bij de academische ziekenhuizen ...": no sector))
        most_given = "superlative" in best.unit.types and superlative_asked(question)
        # (nor, for "wat was lastig …?", a unit beside a best that says what was hard, that says none:
        # "Voor mbo-studenten was het vooral lastig dat …", not "De overgang … is lastiger geworden")
        hard_given = "difficulty" in best.unit.types and asks_difficulty(question)
        dominated = self._dominated_by(best, case.weights)
        # (nor a unit that holds no word of the question the best lacks, beside a best that holds every
        # topic word asked (a sector the best's passage is about counts as held): where it lacks a word
        # the best holds and ranks below it, or gives no answer of the kind asked that the best gives -
        # "bij basisscholen van welke grootte zijn de vertragingen groter?": "po-scholen met minder dan
        # 140 leerlingen", not "grote gezinnen"; "hoeveel plannen van mbo en ho instellingen zitten in de
        # voortgangsrapportage?": "Honderd van de … plannen", not the plans without a count. Not for a
        # deadline asked that the best does not give, nor against a rival that says the most asked, nor
        # against one the embedding reads as clearly closer to the question: "did more students have
        # mental problems in covid" - the best has "corona" but is about internships.)
        best_lacks = {c.word for c in best.missing
                      if not (c.kind == "sector" and best.unit.sectors and for_asked(best.unit))}
        holds_all = not any(c.kind == "topic" for c in best.missing)
        kind_given = typed_best and not (DEADLINE_QUESTION_RE.search(question.text) and "deadline" not in best.unit.types)

        def adds_nothing(s: Scored) -> bool:
            rival_lacks = {c.word for c in s.missing}
            if not holds_all or (superlative_asked(question) and "superlative" in s.unit.types
                                 and "superlative" not in best.unit.types):
                return False
            return (best_lacks < rival_lacks and s.score < best.score
                    and s.similarity <= best.similarity + READS_NO_CLOSER) \
                or (best_lacks <= rival_lacks and kind_given and not self._gives(s.unit, question, case.wanted))

        # (nor a unit that lacks the heaviest topic word of the question - the word it is most about -
        # where the best holds it and the embedding reads the best at least as close: "hoe lang wordt
        # gevolgd of leerlingen na de overstap naar het vo op de goede plek zitten?" - "monitoren we de
        # eerste drie jaar van het vo of leerlingen op de goede plek terecht zijn gekomen", not a sentence
        # without "plek". Not where two words weigh the same, nor without the embedding, nor for a best
        # that holds no more than about half the question: "mijn zoon zit al een jaar thuis ...", where
        # the thuiszitters' sentence says what the money is meant for, not what is done.)
        topic_weights = {c.word: case.weights.get(c.word, 0.0) for c in question.concepts if c.kind == "topic"}
        heaviest = max(topic_weights, key=topic_weights.get) if topic_weights else None
        if heaviest is not None and sorted(topic_weights.values())[-2:-1] == [topic_weights[heaviest]]:
            heaviest = None  # two words weigh the same: neither is the one the question is about
        held_heaviest = heaviest is not None and heaviest not in {c.word for c in best.missing}

        def misses_heaviest(s: Scored) -> bool:
            return held_heaviest and bool(best.similarity) and best.coverage > SPLIT_COVERAGE \
                and s.similarity <= best.similarity and heaviest in {c.word for c in s.missing}

        # (nor, where the question itself names the theme the best is in, a unit outside it: "What extra
        # facilities can institutions offer students under the wellbeing theme?" is theme 2's action,
        # not the letter's "extra faciliteiten … via speciale apps" of the wo)
        named_theme = theme_number(question.text) or self._theme_named(question)
        in_named_theme = named_theme is not None and best.unit.theme == named_theme
        # (nor, for a number, date or name, a unit that would be no answer itself, holding too little of
        # the question, beside a best that holds enough: "hoeveel instellingen hebben hun plan
        # ingeleverd?" - "Honderd van de … plannen", not "Een deel van de instellingen heeft in de plannen
        # nog geen fasering", which the embedding reads as close)
        def too_little(s: Scored) -> bool:
            return best.coverage >= TYPED_THRESHOLD > s.coverage and s.similarity < SEMANTIC_CONFIDENT

        rival = next((s for s in ranked if s.unit.passage_id != best.unit.passage_id and s.unit.text != best.unit.text
                      and s.unit is not link
                      and not (in_named_theme and s.unit.theme != named_theme)
                      and not dominated(s)
                      and not adds_nothing(s)
                      and not misses_heaviest(s)
                      and not (deadline_given and "deadline" not in s.unit.types)
                      and not (hard_given and "difficulty" not in s.unit.types)
                      and not (most_given and s.score <= best.score and ("superlative" not in s.unit.types
                                                                          or {c.word for c in best.missing} < {c.word for c in s.missing}))
                      and not (judge_sectors and not for_asked(s.unit) and for_asked(best.unit))
                      and not (typed_best and s.score <= best.score and not self._gives(s.unit, question, case.wanted))
                      and not (typed_best and too_little(s))), None)
        # (Judged only where the embedding has read the question.)
        # (Without the embedding, two units that each hold a question word the other lacks are as
        # unsure - "doorstroomplannen … aansluiten": one sentence has the plans, another the joining -
        # where the best holds no more than about half the question, and not for a month it lacks: a
        # sentence with another date corrects "toch in maart?".)
        split = rival is not None and not best.similarity and best.missing and rival.missing \
            and best.coverage <= SPLIT_COVERAGE and not any(c.word in _MONTHS for c in best.missing) \
            and {c.word for c in best.missing}.isdisjoint(c.word for c in rival.missing)
        # (NLU's topic does not settle such a tie: on the dev split and the conversation suite it picked
        # the answer three times and a merely related sentence five times - a confident wrong answer
        # where "Dat weet ik niet zeker" with the best fit was honest)
        if rival is not None and best.score - rival.score < AMBIGUOUS_MARGIN and (split or best.similarity \
                and best.similarity < AMBIGUOUS_SIMILARITY):
            if superlative_asked(question) and not chosen_for_sector \
                    and "superlative" in rival.unit.types and "superlative" not in best.unit.types \
                    and {c.word for c in rival.missing if c.kind == "topic"} <= {c.word for c in best.missing if c.kind == "topic"}:
                # "in which sector are the internship shortages the worst?": of two units that fit as
                # well, the one that says which is the most ("De meeste tekorten spelen ... in de sector
                # zorg") answers it, where it holds every word the other holds (and the best was not
                # chosen for the user's sector: "hoeveel weken is dat?" of a po parent is not the vo's 27)
                return rival
            return None
        return best

    @staticmethod
    def _dominated_by(best: Scored, weights: Dict[str, float]):
        """Whether a unit is no rival of `best` because the best holds every topic word of the question
        it holds, and more weight of them besides ("is de medezeggenschap betrokken bij de plannen?":
        the sentence with medezeggenschap, betrokken and plannen, not one with only the plans that
        the embedding reads as close) - where the best itself lacks little of the question."""
        topics = {c.word for c in best.missing if c.kind == "topic"}
        total = sum(weights.values()) or 1.0
        best_lacks = sum(weights.get(w, 0.0) for w in topics) / total

        def dominated(s: Scored) -> bool:
            if best_lacks > DOMINATED_BEST_LACKS:
                return False
            rival_lacks = {c.word for c in s.missing if c.kind == "topic"}
            if not topics < rival_lacks:
                return False
            return sum(weights.get(w, 0.0) for w in rival_lacks - topics) >= DOMINATED_EXTRA_WEIGHT
        return dominated

    def _shaped_answer(self, case: Case, best: Scored, link: Optional[Unit]) -> Result:
        """The answer first (focused, with the sentence it points back to), then at most one unit of
        context, and the other well-matched units for "meer"."""
        shown = [self._with_cause(self._with_antecedent(self._focused(best.unit, case.question, case.weights)),
                                  best.unit, case.question)] \
            + ([link] if link is not None else self._context_for(best, case.ranked, case.question))
        shown = self._with_source(case, shown, best.unit)
        if all(SIGNATURE_RE.match(u.text) for u in shown):
            shown.sort(key=lambda u: u.id)  # the signatories in the letter's order
        lead = next((u for u in shown if u.theme is not None and _LIST_LEAD_RE.search(u.text)), None)
        own_words = {c.word for c in case.question.topics if c.kind == "topic"} - best.unit.tokens
        if lead is not None and lead is shown[-1] and _ASKS_HOW_RE.search(case.question.text):
            # "hoe helpt het mbo jongeren die bijna klaar zijn aan werk?": the answer ends "… kiezen uit
            # de volgende aanvullende acties:", so the actions are how
            return case.result("actions", theme=lead.theme)
        if lead is not None and any(self.units[i].kind == "action" and self.units[i].theme == lead.theme
                                    for w in own_words for i in self._postings.get(w, ())):
            # "welke soort coaching noemt de bijlage voor laatstejaars?": the answer goes on with "… kiezen
            # uit de volgende aanvullende acties:", and a word asked that the answer holds only as a
            # synonym ("begeleiding") is in that list itself ("coaching"): the list is the answer
            return case.result("actions", theme=lead.theme)
        more: List[Unit] = []
        texts_seen = {u.text for u in shown}
        for s in case.ranked:
            if s.unit.text not in texts_seen and s.coverage >= ANSWER_THRESHOLD and len(more) < MORE_LIMIT:
                texts_seen.add(s.unit.text)
                more.append(s.unit)
        return case.result("answer", shown=shown, more=more)

    def _with_source(self, case: Case, shown: List[Unit], unit: Unit) -> List[Unit]:
        """For "welk onderzoek laat zien dat …?", the claim with what names its source: the footnote it
        cites shown after it instead of other context, or the sentence before it that names the research
        ("Dit beeld sluit aan op het onderzoek van NCO.") put in front of it."""
        if case.question.answer_type != "evidence" or unit.source is None:
            return shown
        source = self.units[unit.source]
        if source.text in shown[0].text:
            return shown
        if source.kind == "footnote":
            return [shown[0], source]
        return [replace(shown[0], text=f"{source.text} {shown[0].text}")] + shown[1:]

    @staticmethod
    def _gives_what_why_asks(question: Question, unit: Unit) -> bool:
        """Does the unit itself give the effect (or, for "waarom", the cause or purpose) asked?"""
        text = f"{unit.text} {unit.notes}"  # (an action's sub-bullets are part of it)
        if asks_effect(question):
            return gives_effect(text)
        return bool(unit.types & {"reason", "purpose"}) or gives_cause(text)

    def _no_reason_near(self, case: Case, best: Scored) -> bool:
        """A question why whose answer sentence gives no cause or purpose, nor the sentences around it
        in its paragraph ("omdat", "om … te", "Daarom", "toen", "wanneer", "redenen", "is belangrijk")."""
        question, unit = case.question, best.unit
        why, effect = asks_reason(question), asks_effect(question)
        if question.answer_type or not (why or effect) or unit.kind != "sentence":
            return False
        near = [unit] + [n for n in (self._neighbour(unit, step) for step in (-1, 1, 2)) if n is not None]
        if effect:
            # ("wat is het effect van de halvering van het collegegeld op de inschrijvingen?": an effect,
            # "effect", "waardoor", "vergroten", "toegenomen" …)
            return not any(gives_effect(n.text) for n in near)
        asked = frozenset(w.lower() for w in re.findall(r"\w+", question.text))
        # (the sentence two on gives a cause only by saying so: "Dit om enige flexibiliteit te behouden"
        # is the purpose of the sentence before it, not of the answer's)
        two_on = self._neighbour(unit, 2)
        return not any(n.types & {"reason", "purpose"} or gives_cause(n.text, asked) for n in near if n is not two_on) \
            and not (two_on is not None and states_cause(two_on.text))

    def _with_cause(self, shown: Unit, unit: Unit, question: Question) -> Unit:
        """For a question why, a sentence that opens with what it follows from ("Daarom is met het NP
        Onderwijs de aanpak jeugdwerkloosheid verlengd.") is shown after the sentence before it, which
        holds the cause ("De overgang van school naar werk is … lastiger geworden")."""
        if shown.text != unit.text or not asks_reason(question) or not cause_is_before(unit.text):
            return shown
        before = self._neighbour(unit, -1) if unit.kind == "sentence" and unit.index > 0 else None
        return shown if before is None else replace(shown, text=f"{before.text} {shown.text}")

    def _theme_named(self, question: Question) -> Optional[int]:
        """The theme a question names by its subject instead of its number: "het thema over stages",
        "het stagethema" - the one theme whose title holds every other topic word of the question and
        that is for every sector it names."""
        topics = [c for c in question.topics if c.kind == "topic"]
        # ("is het coschappen-thema alleen voor het wo?": written with a hyphen, the compound is read as
        # its parts, and "thema" is in every theme's title; what names the theme is its first part)
        hyphened = [c for c in topics if _HYPHENED_THEME_RE.fullmatch(c.word)]
        topics = [c for c in topics if c not in hyphened] + [
            m for c in hyphened for m in analyse(_HYPHENED_THEME_RE.fullmatch(c.word).group(1)).topics]
        # ("wat staat er op de keuzelijst over stages?", "welke acties zijn er voor studentenwelzijn?":
        # the list's or its actions' subject names the theme as well)
        names_theme = bool(hyphened) or any(
            c.word in _NAMES_A_THEME or any(w.endswith(PARTS + "thema") for w in self._concept_words(c)) for c in topics)
        others = [c for c in topics if c.word not in LIST_WORDS | _THEME_WORDS]
        if not names_theme or not others:
            return None
        sectors = [c.word for c in question.concepts if c.kind == "sector"]  # (the theme is for each one named)
        found = [n for n, u in self._theme_units.items()
                 if all(u.id in self._concept_units(c)[0] for c in others) and all(s in u.sectors for s in sectors)]
        if len(found) != 1:
            # ("is there anything for dentistry students in *the coschap theme*?", "welke faciliteiten
            # noemt *het thema over welzijn*?": the word beside "thema" names it, whatever else is asked)
            beside = self._theme_modifiers(question, others)
            found = [n for n, u in self._theme_units.items()
                     if beside and all(u.id in self._concept_units(c)[0] for c in beside)
                     and all(s in u.sectors for s in sectors)]
        return found[0] if len(found) == 1 else None

    @staticmethod
    def _theme_modifiers(question: Question, topics: List[Concept]) -> List[Concept]:
        """The topic words right before "thema" ("het coschap thema", an English question's "wellbeing
        theme" in its Dutch reading) or after "thema over/van" ("het thema over stages")."""
        tokens = normalize_tokens(question.text)
        by_word = {c.word: c for c in topics}
        by_word.update({lemma(c.surface.lower()): c for c in topics if c.surface and " " not in c.surface})
        found: List[Concept] = []
        for i, token in enumerate(tokens):
            if token != THEME_WORD:
                continue
            near = [i - 1] + ([i + 2] if i + 2 < len(tokens) and tokens[i + 1] in _ABOUT_WORDS else [])
            found += [by_word[tokens[k]] for k in near if k >= 0 and tokens[k] in by_word]
        return found

    @staticmethod
    def _bare_link(unit: Unit) -> bool:
        return unit.kind == "footnote" and bool(_URL_ONLY_RE.match(unit.text))

    def _with_citing_sentence(self, best: Scored, ranked: List[Scored]) -> Tuple[Scored, Optional[Unit]]:
        """A footnote that is only a web address is no answer by itself: it is the link of a sentence
        of the passage that cites it ("Scholen hebben een handreiking gekregen met tips voor de inhuur
        van derden …" + its address). Sentence and link together hold what either holds; the sentence
        is shown first, then the link. (best, None) where there is no such sentence among the ranked."""
        if not self._bare_link(best.unit):
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
        text = f"{unit.text} {unit.notes}".strip()  # (its sub-bullets may hold the answer)
        spans = extract.sentences(text)
        if len(spans) <= FOCUS_SENTENCES:
            return unit
        sentences = [text[start:end].strip() for start, end in spans]

        def found(sentence: str) -> float:
            tokens = set(normalize_tokens(sentence))
            return sum(weights.get(c.word, 0.0) for c in question.concepts if tokens & self._concept_words(c))

        scores = [found(sentence) for sentence in sentences[1:]]
        best = 1 + max(range(len(scores)), key=lambda i: (scores[i], -i))
        if best < FOCUS_SENTENCES or not scores[best - 1]:
            return unit  # the answer is in the first sentences anyway
        # (with the sentence it points back to, or the one after that points back to it: "… het ophogen
        # van de begroting van de subsidieregeling praktijkleren. Door deze subsidieregeling wordt voor
        # werkgevers aantrekkelijker om leerbanen aan te bieden.")
        shown = [sentences[best]]
        if best - 1 > 0 and points_back(sentences[best], sentences[best - 1]):
            shown.insert(0, sentences[best - 1])
        if best + 1 < len(sentences) and points_back(sentences[best + 1], sentences[best]):
            shown.append(sentences[best + 1])
        return replace(unit, text=f"{sentences[0]} … " + " ".join(shown))

    def clearly_about(self, result: Result, least: float = STRICT_THRESHOLD) -> bool:
        """Strong evidence that a message NLU took for chit-chat or out of scope is a question the
        documents answer: `least` of its weight found in the answer (most, by default), with at
        least two topic words or one from the domain lexicon."""
        # (a list of actions shows no unit, and a theme named in the question is shown unranked: the
        # best ranked unit is then what the evidence is)
        unranked = result.kind == "actions" or (result.shown and result.shown[0].kind == "theme")
        best = next((s for s in result.ranked if result.shown and s.unit is result.shown[0]), None) \
            or (result.ranked[0] if result.ranked and unranked else None)
        if best is None:
            return False
        found = [c for c in result.question.topics if c not in best.missing]
        # (a question after a name, number or date that the answer gives, with two of its words in it,
        # needs less: "wie levert de cijfers over inschrijvingen?" -> "… 1 oktober-cijfers van DUO …")
        typed = len(found) >= STRICT_TYPED_WORDS \
            and bool(wanted_types(result.question) & best.unit.types)
        if best.coverage < (min(TYPED_THRESHOLD, least) if typed else least):
            return False
        in_lexicon = [c for c in found if c.word in self.lexicon.groups]
        return len(found) >= 2 or bool(in_lexicon)

    def shared_words(self, result: Result) -> Optional[List[str]]:
        """The question's topic words the unit shown holds, not counting light ones ("krijgen"); None
        when no ranked unit is shown. One word means the unit is about that word, not about what was
        asked: "waar vind ik een goede huisarts?" and an action naming "huisartsen" for coschappen."""
        # (an action shown focused is a copy of the ranked unit)
        best = next((s for s in result.ranked if result.shown and s.unit.id == result.shown[0].id), None)
        if best is None:
            return None
        return [c.word for c in result.question.topics
                if c not in best.missing and c.word not in self.lexicon.light]

    def in_lexicon(self, word: str) -> bool:
        return word in self.lexicon.groups

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
        if asks_reason(question) and not states_cause(best.unit.text):
            # "waarom ervaren instellingen het incidentele karakter als een risico?": the sentence that
            # holds the question's words restates what is asked; why follows it ("Nieuw te werven
            # personeel kan geen vast contract worden geboden, is de gedachte.")
            return [following]
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
                best.unit.id not in self._concept_units(c)[0] for c in question.topics
                if c.kind == "topic" and not c.situation):
            return [following]
        question_words = {c.word for c in best.missing} | {c.word for c in ranked[0].missing} \
            | {c.word for c in question.concepts if best.unit.id not in self._concept_units(c)[0]}
        found = [c for c in question.concepts
                 if c.word in question_words and following.id in self._concept_units(c)[0]]
        return [following] if found else []


__all__ = ["ANSWER_THRESHOLD", "Engine", "Result", "SATISFIES", "Scored", "wanted_types"]
