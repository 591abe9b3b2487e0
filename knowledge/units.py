"""Answer units: what the engine ranks. Every sentence of every passage (with its passage as
context), every footnote, action and theme of the knowledge base, each with its words, the
sectors it is for, its citation and the kinds of answer it holds (an amount, a date, a name, ...).
Built once per knowledge base (:func:`build_units`)."""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Callable, Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

from . import extract
from .citation import Citation
from .lexicon import Lexicon, load_lexicon
from .normalize import is_stop_word, normalize_tokens, words
from .parse import page_at
from .question import NOT_YET, NOT_YET_SENTENCE_RE, separable_verbs

_PERCENT_RE = re.compile(r"\d\s?%|\bprocent\b|\bde helft\b|\bgehalveerd\b|\bhalvering\b|\bdriekwart\b|\bkwart\b|\btweederde\b|\beenderde\b", re.I)

DURATION_RE = re.compile(r"\b(\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf)\s+(heel\s+)?"
                          r"(maanden|maand|weken|week|jaar|jaren|dagen|(school|studie|college)jaar|(school|studie|college)jaren)\b",
                          re.I)
# a span of years is a duration too: "die sinds 2018 tot en met 2025 … wordt ondersteund"
YEAR_SPAN_RE = re.compile(r"\b(sinds|van(af)?)\s+(19|20)\d\d\s+tot\s+(en met\s+)?(19|20)\d\d\b", re.I)


MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"

# A count, not a year, a school year ("2021/2022") or a day of a month ("24 december").
# (a number joined to a word by a hyphen names a kind, not a count: "100-dagen programma's")
NUMBER_RE = re.compile(r"(?<![/-])\b(?!(?:19|20)\d\d\b)\d[\d.,]*\b(?!\s?(?:/|-)\s?\d)(?!-[^\W\d_])(?!\s+(?:" + MONTHS + r")\b)|\b(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|honderd|duizend|handvol|meeste|merendeel)\b", re.I)

# A count given in words, vaguely: "een deel van de instellingen", "enkele leerlingen", "aanmerkelijk meer
# studenten", "minder onderzoeksgegevens". It answers "hoeveel …?" as well as the documents can. (Not a bare
# "meer X": "meer ondersteuning" asks for more of something and counts nothing.)
_VAGUE_COUNT_RE = re.compile(r"\b(?:een (?:groot |klein )?deel van (?:de|het)|enkele|(?:aanmerkelijk|beduidend|aanzienlijk|fors|flink) (?:meer|minder)"
                             r"|minder(?= \w+(?:en|s)\b))\s+[^\W\d_]+", re.I)

_WHO_RE = re.compile(  # (a role also capitalised: "tussen de Minister en de …")
    r"\b((?i:minister|staatssecretaris|kabinet|inspectie|ministerie)|OCW|DUO|NRO|JOB|ISO|LSVb|Berenschot|Oberon|"
    r"MBO Raad|VH|UNL|VSNU|PO-Raad|VO-raad|NCO|Kamer|CvB|college van bestuur|bestuur|besturen|"
    r"onderzoeksbureau|Rijksoverheid|gemeente|gemeenten|Steunpunt|SLO|Kennisnet|OC&W|Raad|"
    # people by their role: "Docenten, schoolleiders en bestuurders hebben ... plannen gemaakt"
    r"[Dd]ocenten|[Ll]eraren|[Ss]choolleiders|[Bb]estuurders|[Dd]irecteuren|[Oo]nderzoekers|[Ww]erkgevers|"
    r"[Ss]tudentenvertegenwoordigers|[Oo]uders|"
    # bodies by their role: "De plannen … moeten voorgelegd zijn aan de medezeggenschapsraad."
    r"[Mm]edezeggenschapsraad|[Mm]edezeggenschapsraden|[Ss]tudentenraden)\b"
)
# A partner named after "in samenwerking met", "in overleg met" answers "met wie …?" ("Dit doen gemeentes in
# samenwerking met scholen."); not "samen met", which often only adds to whoever acts ("… samen met de
# docententeams"). Only "met wie" asks for a partner (ranking.wanted_types).
_PARTNER_RE = re.compile(r"\bin (?:samenwerking|overleg|samenspraak|gesprek)\s+met\b", re.I)

# A name: capitalised words not at the start of a sentence ("het Platform Perspectief Jongeren,
# onder leiding van Kim Putters"). One the documents use everywhere ("NP Onderwijs") is their
# subject, not an answer to "wie".
_NAME_RE = re.compile(r"(?<=[a-z,;:(] )((?:[A-Z][\w'’-]+ )+(?:(?:van|de|der|den) )?[A-Z][\w'’-]+)")

COMMON_NAME_UNITS = 5

# A last day: "tot en met 24 december", "uiterlijk 1 maart", "vóór 1 oktober", "deadline".
_DEADLINE_RE = re.compile(r"\b(tot en met|uiterlijk|v[oó]{2}r) \d{1,2} (" + MONTHS + r")\b|\bdeadline|\bsluit\b"
                          # ("de uitloop voor de rest van het studiejaar 2022-2023": the last year it may be used)
                          r"|\bde rest van het (studie|school|college)jaar\b", re.I)

# "How do I apply" is answered by a sentence about applying, a form, a counter or "automatisch".
# "Where must schools report on it?" is answered by the document or site something goes in: "in hun
# jaarverslag", "op onderwijskennis.nl", "op de website", "als bijlage bij deze brief".
_PLACE_RE = re.compile(r"\b(in|via) (hun|het|de|een|zijn|haar) (jaarverslag|jaarverslagen|website|voortgangsrapportage)\b"
                       r"|\bop (de |een )?(website|[\w-]+\.nl)\b|\bals bijlage bij\b", re.I)
_PROCEDURE_RE = re.compile(r"\baanvra(ag|gen)\b|\baangevraagd\b|\bformulier|\bautomatisch\b|\bloket\b|\baanmelden\b",
                           re.I)


# "When" can be answered by a named event: "Tijdens de Algemene Politieke Beschouwingen ...".
_EVENT_RE = re.compile(r"\b(tijdens|bij|na|voor) (de|het) ([A-Z][a-zë]+ )+[A-Z][a-zë]+")

# ... or by a time without a date: "voor de zomer", "aan het begin van dit schooljaar".
_TIME_PHRASE_RE = re.compile(
    r"\b(voor|na|in|tijdens|sinds|vanaf) de (zomer|zomervakantie|herfstvakantie|kerstvakantie|meivakantie|"
    r"voorjaarsvakantie|winter)\b|\baan het (begin|eind|einde) van (dit|het|deze|dat)\b"
    # ("Op korte termijn zullen de eerste calls uitgaan", "we verwachten later dit jaar het eerste advies")
    r"|\bop korte termijn\b|\bbinnenkort\b|\blater dit jaar\b|\b(eind|begin) (dit|volgend) jaar\b", re.I)


# "welke leerlingen lopen het meest achter?" is answered by "… hebben de grootste vertragingen".
SUPERLATIVE_RE = re.compile(r"\b(vooral|met name|voornamelijk|bovenal|meest|meeste|grootste?|hoogste?|sterkste?|vaakst|minste?|kleinste?|laagste?|"
                             r"zwaarste?|belangrijkste?|moeilijkste?|snelste?|ergste?|slechtste?)\b", re.I)


# "meer … dan", "groter dan": a comparison; asked by "is de vertraging erger in het mbo of in het ho?"
COMPARATIVES = r"(meer|minder|groter|kleiner|hoger|lager|erger|sterker|zwakker|beter|slechter|zwaarder|vaker)"

_COMPARATIVE_RE = re.compile(r"\b" + COMPARATIVES + r"\b(?:\W+\w+){0,8}?\W+dan\b", re.I)

# "De vertegenwoordigers van de studenten vinden dat …", "schoolleiders maken zich zorgen", "geven aan
# dat hun achterban erg blij is": what someone thinks of something
# Also a judgement of a thing ("Leraren vonden de beperkingen … een risico"), a thing seen as a risk ("zien
# de krapte … als een risico", "wordt … als een risico ervaren"), an expectation or a claim ("verwachten dat",
# "stellen zij dat"); "zorgen" only as worries, not "zorgen voor / ervoor zorgen dat" (to ensure)
_OPINION_RE = re.compile(r"\b(vind|vindt|vinden|vond|vonden)\s+(dat|het)\b|\b(geven|geeft|gaven|gaf)\s+aan\b"
                         r"|\bzorgen\b(?!\s+(voor|dat|ervoor)\b)(?<!ervoor zorgen)"
                         r"|\b(vind|vindt|vinden|vond|vonden)\b(?:\s+[\w()-]+){1,6}?\s+(een\s+risico|belangrijk|zorgelijk|"
                         r"lastig|moeilijk|goed|nuttig|zinvol|waardevol|onvoldoende|te\s+kort)\b"
                         r"|\bals\s+(een\s+)?(groot\s+)?(risico|knelpunt|probleem|bedreiging|belemmering)\b"
                         r"|\b(verwacht|verwachten|verwachtte|verwachtten)\s+dat\b|\b(stelt|stellen|stelde|stelden)\s+(zij\s+|ze\s+)?dat\b"
                         r"|\b(positief|kritisch|kritische|tevreden|ontevreden|blij|bezorgd)\b|\bvoorzien\s+problemen\b"
                         r"|\bschatten\s+in\b|\broep\s+om\b|\bvan\s+mening\b", re.I)
# "Voor mbo-studenten was het vooral lastig dat …", "vinden dat het moeilijker was om …", "veel lastiger te
# organiseren", "viel ze veelal zwaar": what was hard (not "studenten die normaal lastig een stageplek …")
_DIFFICULTY_RE = re.compile(r"\b(lastig|lastiger|moeilijk|moeilijker|zwaar|zwaarder)\b(?:\s+\w+){0,2}?\s+(om|dat|te)\b"
                            r"|\b(viel|vielen|valt|vallen)\s+(?:\w+\s+){0,2}zwaar\b|\bmoeilijkheden\s+met\b|\bmoeite\s+(met|om)\b",
                            re.I)
_REASON_RE = re.compile(r"\b(omdat|doordat|vanwege|wegens|dankzij|daardoor|hierdoor|daarom|zodat|gezien|indien|oorzaak|reden|"
                        r"als gevolg van|ten gevolge van|door de|door het)\b", re.I)


# ... or a purpose, "om … te"; not "het is lastig om … te" ("om" after such a word says what is lastig).
_PURPOSE_RE = re.compile(r"(\w+)?[\s,]*\bom\b[^.;:]{0,80}\bte\b", re.I)

# ... or what something is meant or used for: "die is bedoeld om …", "willen het geld gebruiken voor …"
_MEANT_FOR_RE = re.compile(r"\b(bedoeld|bestemd)\s+(om|voor)\b|\b(gebruiken|gebruikt|inzetten|ingezet|besteden|besteed)\s+voor\b", re.I)

_NOT_PURPOSE = {"lastig", "moeilijk", "makkelijk", "gemakkelijk", "mogelijk", "onmogelijk", "nodig", "belangrijk", "zwaar",
                "kans", "tijd", "ruimte", "moeite", "goed", "beter", "lastiger", "moeilijker", "makkelijker", "nodig", "erom",
                "gaat", "gaan", "ging", "vragen", "vraagt", "verzoek", "besluit", "besloten", "geprobeerd", "poging"}


_YEAR_OF_DATE_RE = re.compile(r"(?:\b(" + MONTHS + r")\s+)?(?<![/-])\b((?:19|20)\d\d)\b(?!\s*[/-])", re.I)

_PRONOUN_SUBJECTS = {"deze", "dit", "zij", "ze", "hij", "die", "dat"}

_COMMON_VERBS = {"is", "zijn", "was", "waren", "heeft", "hebben", "had", "hadden", "wordt", "worden", "werd", "werden",
                 "kan", "kunnen", "zal", "zullen", "moet", "moeten", "gaat", "gaan", "lopen", "loopt", "liep", "liepen",
                 "geldt", "gelden", "krijgen", "krijgt", "komen", "komt", "blijven", "blijft", "vormen", "vormt",
                 "betreft", "betreffen", "leidt", "leiden", "biedt", "bieden", "maakt", "maken", "staat", "staan"}


_DEMONSTRATIVES = {"deze", "dit"}
_CONDITION_WORDS = {"waar", "als", "wanneer", "indien", "zodra"}

# (and of means: "Door deze subsidieregeling wordt ... aantrekkelijker" names the scheme only before)
_PLACE_PREPOSITIONS = {"in", "bij", "met", "binnen", "via", "uit", "onder", "op", "door"}

ANTECEDENT_MAX_CHARS = 400     # a sentence and the one it points back to, shown whole as one answer
# Words for "of / for / about that" that stand for what the sentence before named ("De kosten
# daarvan …"; not "daarom", "daarbij": they join a new statement to the last).
_POINTING_ADVERBS = {"daarvan", "hiervan", "daarvoor", "hiervoor", "daarover", "hierover"}
POINTING_WORDS = 4             # ... among a sentence's first words


# A time phrase that points back mid-sentence ("… is afgesproken dat op dat moment wordt afgewogen of …"
# after "De eerstvolgende rapportage wordt in het voorjaar van 2022 met u gedeeld."): the moment is the
# one the sentence before names - unless the sentence names a time itself ahead of the phrase ("in de
# periode maart tot en met december 2020 … en in die periode …").
_TIME_BACK_RE = re.compile(r"\b(?:op|tot|vanaf|na) (?:dat|die) (?:moment|tijdstip|datum)\b|\btegen die tijd\b|"
                           r"\bin (?:die|dat|deze) (?:periode|jaar|maand|fase)\b", re.I)
_NAMED_TIME_RE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:" + MONTHS + r"|voorjaar|najaar|zomer|winter|herfst)\b", re.I)


def _points_back_in_time(sentence: str, before: str) -> bool:
    """Does a time phrase in the middle of `sentence` stand for a time that `before` names?"""
    found = _TIME_BACK_RE.search(sentence)
    return bool(found) and not _NAMED_TIME_RE.search(sentence[:found.start()]) \
        and bool(_NAMED_TIME_RE.search(before)) and len(before) + 1 + len(sentence) <= ANTECEDENT_MAX_CHARS


# "In 2015 bleek 5% werkzaam te zijn" (a bare share whose whole the sentence before names)
_NO_OWN_SUBJECT_RE = re.compile(r"^(?:In|Eind|Begin) (?:19|20)\d\d (?:bleek|bleken|was|waren|is|zijn) \d+(?:,\d+)?\s?(?:%|procent)(?! van)")


PHRASE_WORDS = 3   # (two-word phrases are mostly a modifier and its word: read as the words they are)


def holds_phrase(tokens: Sequence[str], phrase: Sequence[str]) -> bool:
    """Do `tokens` hold the words of `phrase` next to each other, in its order?"""
    phrase = tuple(phrase)
    return any(tuple(tokens[i:i + len(phrase)]) == phrase for i in range(len(tokens) - len(phrase) + 1))


def _phrase_heads(tokens: Sequence[str], lexicon: Lexicon) -> List[str]:
    """The lexicon words whose phrases of three or more words the sentence holds, as a question's
    phrases are read: "onder leiding van Kim Putters" holds "voorzitter"."""
    return [head for phrase, head in lexicon.phrases.items() if len(phrase) >= PHRASE_WORDS and holds_phrase(tokens, phrase)]


# A time of day: "om 9.00 uur", "17:30 uur", "tot 12 uur".
_CLOCK_RE = re.compile(r"\b(?:om|tot|vanaf|voor|na)\s+\d{1,2}(?:[.:]\d{2})?\s*uur\b|\b\d{1,2}[.:]\d{2}\s*uur\b", re.I)


# A sentence that opens by naming what it follows from: "Daarom is … verlengd.", "Hierdoor lopen studenten
# meer risico …" - the cause is the sentence before it.
_CAUSE_BEFORE_RE = re.compile(r"^\W*(daarom|hierdoor|daardoor|hierom|dit komt|dat komt|als gevolg hiervan|als gevolg daarvan)\b", re.I)


# ... or says so further on: "De instellingen konden daarom nog geen rekening houden …"
_CAUSE_BEFORE_INSIDE_RE = re.compile(r"\b(daarom|hierom)\b", re.I)


def cause_is_before(sentence: str) -> bool:
    """Does the sentence say it follows from the one before ("Daarom organiseren de ministeries …",
    "De instellingen konden daarom …")?"""
    return bool(_CAUSE_BEFORE_RE.match(sentence) or _CAUSE_BEFORE_INSIDE_RE.search(sentence))


# "de tijdelijke aard van het NP onderwijs maakt het lastig om personeel te werven": what makes it hard is why
_MAKES_HARD = r"(?:maakt|maken|maakte|maakten) het (?:erg |zeer |extra )?(?:lastig|lastiger|moeilijk|moeilijker|zwaar|zwaarder)"


# Words by which a sentence itself states a cause. Narrower than the reason type: "door de" there is as
# often the agent of a passive ("wordt door de instellingen als een risico ervaren") as a cause.
_STATES_CAUSE_RE = re.compile(r"\b(omdat|doordat|vanwege|wegens|dankzij|daardoor|hierdoor|daarom|hierom|aangezien|immers|"
                              r"want|oorzaak|reden|redenen|als gevolg van|ten gevolge van|door gebrek aan|" + _MAKES_HARD + r")\b", re.I)


def states_cause(sentence: str) -> bool:
    """Does the sentence itself say why ("omdat", "vanwege", "immers", "daarom" …)?"""
    return bool(_STATES_CAUSE_RE.search(sentence))


# Words beside which a sentence gives a cause or a condition, besides the reason and purpose types':
# "… (98,7%) toen de centraal examens geen doorgang vonden", "wanneer studenten verpleegkunde geen
# beroepservaring opdoen, mogen zij …", "Hiervoor zijn enkele redenen", "is het belangrijk dat …"
_CAUSE_WORDS_RE = re.compile(r"\b(toen|wanneer|indien|aangezien|redenen|belangrijk|noodzakelijk|nodig|want|"
                             r"randvoorwaarde|risico|zorgwekkend|zorgelijk|waardoor|leidt tot|leiden tot|door|" + _MAKES_HARD + r")\b", re.I)


def gives_cause(sentence: str, asked: FrozenSet[str] = frozenset()) -> bool:
    """Does the sentence name a cause, condition or need in words the unit types do not read? Not in a
    word the question holds itself (`asked`, lower case): "waarom kiezen scholen interventies waarvoor
    extra personeel nodig is?" - the "nodig" of the sentence that says they do is what is asked."""
    return any(m.group(0).lower() not in asked for m in _CAUSE_WORDS_RE.finditer(sentence)) or cause_is_before(sentence)


# Words in which a sentence gives what follows from something: "… positief effect op de beschikbaarheid
# van stages", "waardoor meer ruimte … ontstaat", "kan het studentsucces aanzienlijk vergroten"
_EFFECT_WORDS_RE = re.compile(r"\b(effect|effecten|gevolg|gevolgen|waardoor|daardoor|hierdoor|leidt|leiden|leidde|zorgt|zorgen|"
                              r"vergroten|vergroot|verbeteren|verbetert|voorkomen|beperken|verminderen|opleveren|oplevert|"
                              r"toegenomen|afgenomen|gestegen|gedaald|aantrekkelijker|bijgedragen|impact)\b", re.I)


def gives_effect(sentence: str) -> bool:
    """Does the sentence name an effect or a consequence?"""
    return bool(_EFFECT_WORDS_RE.search(sentence))


def points_back(sentence: str, before: str) -> bool:
    """Does a sentence point back to `before`, the sentence ahead of it: a pronoun as subject ("Dit
    heeft de instellingen circa € 12 miljoen gekost.") or a demonstrative ("Dit percentage ligt
    lager dan in 2020", "Deze financiële prikkel heeft niet de voorkeur") - the latter only when both
    fit in one answer (a long list after "Deze middelen zijn bedoeld voor" is an answer of its own)."""
    opening = sentence.split()[:2]
    if not before or len(opening) < 2:
        return False
    first, second = opening[0].lower(), opening[1].lower().strip(",")
    if first in _PRONOUN_SUBJECTS and second in _COMMON_VERBS:
        return True
    if first == "het" and second == "gaat":
        return True  # "Het gaat gemiddeld om 10 weken leervertraging": "het gaat om" is about the sentence before
    if first in _CONDITION_WORDS and second in ("dat", "dit"):
        return True  # "Waar dat nog niet gebeurd was … zal het alsnog gebeuren": "dat" is what the sentence before names
    if first == "men":
        return True  # "Men kiest vooral voor …": the impersonal subject is whoever the sentence before is about
    if _points_back_in_time(sentence, before):
        return True  # "… afgesproken dat op dat moment … wordt afgewogen": the time the sentence before names
    # (a sentence without a subject of its own: "In 2015 bleek 5% werkzaam te zijn …" after "… hoeveel
    # pabostudenten …")
    if _NO_OWN_SUBJECT_RE.match(sentence) and len(before) + 1 + len(sentence) <= ANTECEDENT_MAX_CHARS:
        return True
    # (or a word for "of/for/about that" among its first: "De kosten daarvan bedragen in totaal
    # circa € 50 miljoen.", "Meestal moeten ze daarvoor extra personeel aantrekken.")
    adverb = any(w.strip(",.:;") in _POINTING_ADVERBS for w in sentence.lower().split()[:POINTING_WORDS])
    return (opens_with_demonstrative(sentence) or adverb) and len(before) + 1 + len(sentence) <= ANTECEDENT_MAX_CHARS


def opens_with_demonstrative(sentence: str) -> bool:
    """Does the sentence open with "Dit"/"Deze", also behind a preposition ("In dit project worden
    studenten als tutors ingezet"): what it is about is named only in the sentence before."""
    opening = [w.strip(",") for w in sentence.lower().split()[:2]]
    if len(opening) == 2 and opening[0] in _PLACE_PREPOSITIONS and opening[1] in _DEMONSTRATIVES:
        return True
    return bool(opening) and opening[0] in _DEMONSTRATIVES


@dataclass(frozen=True)
class Unit:
    id: int
    kind: str                      # sentence | footnote | action | theme
    text: str
    passage_id: int
    index: int                     # position of the sentence in its passage
    cite: Citation
    sectors: Tuple[str, ...]
    tokens: FrozenSet[str]
    context: FrozenSet[str]
    types: FrozenSet[str]
    theme: Optional[int] = None
    heading: FrozenSet[str] = frozenset()
    borrowed: FrozenSet[str] = frozenset()   # the words of the sentence it points back to (`points_back`)
    antecedent: str = ""                     # ... and that sentence
    notes: str = ""                          # an action's sub-bullets ("o Onderdeel van het NPO is ook ..."):
    #                                          not shown nor embedded with it, but its answer when they hold it
    source: Optional[int] = None             # the unit that names where this sentence's claim comes from:
    #                                          a footnote of its paragraph or the sentence before it


# A number that labels rather than counts: "paragraaf 3", "thema's 1-3", "groep 8", "niveau 2",
# "als genoemd onder 3".
_LABEL_NUMBER_RE = re.compile(r"\b(paragraaf|paragrafen|thema|thema['’]s|hoofdstuk|artikel|groep|groepen|niveau|bijlage|leerjaar|klas"
                              r"|(genoemd|vermeld|beschreven) onder)"
                              r"\s+\d+(\s*(-|en|t/m|tot en met)\s*\d+)?\*?", re.I)


# A sentence about what was done before: "eerdere investeringen", "de eerder opgezette regeling"
# (not "eerder de ondergrens": rather).
EARLIER_RE = re.compile(r"\beerdere\b|\beerder\s+\w+(?:de|te|den|ten)\b", re.I)


def unit_types(text: str) -> FrozenSet[str]:
    found: Set[str] = set()
    text = _LABEL_NUMBER_RE.sub(" ", text)
    if extract.AMOUNT_RE.search(text):
        found.add("amount")
    if _PERCENT_RE.search(text):
        found.add("percentage")
    if DURATION_RE.search(text) or YEAR_SPAN_RE.search(text):
        found.add("duration")
    if next(extract.dates(text), None) is not None or _EVENT_RE.search(text) or _TIME_PHRASE_RE.search(text):
        found.add("date")
    if found & {"amount", "percentage", "duration"} or NUMBER_RE.search(text) or _VAGUE_COUNT_RE.search(text):
        found.add("number")
    if "date" in found and _DEADLINE_RE.search(text):
        found.add("deadline")
    if _CLOCK_RE.search(text):
        found.add("clock")
    if _WHO_RE.search(text):
        found.add("who")
    if _PARTNER_RE.search(text):
        found.add("partner")
    if _PROCEDURE_RE.search(text):
        found.add("procedure")
    if _PLACE_RE.search(text):
        found.add("place")
    if SUPERLATIVE_RE.search(text):
        found.add("superlative")
    if _COMPARATIVE_RE.search(text):
        found.add("comparative")
    if EARLIER_RE.search(text):
        found.add("earlier")
    if _REASON_RE.search(text):
        found.add("reason")
    if _DIFFICULTY_RE.search(text):
        found.add("difficulty")
    if _OPINION_RE.search(text):
        found.add("opinion")
    if any((m.group(1) or "").lower() not in _NOT_PURPOSE for m in _PURPOSE_RE.finditer(text)) or _MEANT_FOR_RE.search(text):
        found.add("purpose")
    return frozenset(found)


# A letter's signature line: "De minister van Onderwijs, Cultuur en Wetenschap, Ingrid van Engelshoven".
SIGNATURE_RE = re.compile(r"^(De )?([Mm]inister|[Ss]taatssecretaris)\b[^.]*, ([A-Z][\w-]*\s?)+(van |de |der |den )*[A-Z][\w-]+$")

SIGNATURE_WORDS = ["ondertekenen", "ondertekend", "ondertekening", "handtekening", "tekenen", "afzender",
                   "schrijven", "schrijver"]  # the writer of a letter is who signs it


def _symbol_words(text: str) -> List[str]:
    """"€" and "%" as the words people type for them."""
    return (["euro"] if "€" in text else []) + (["procent"] if "%" in text else [])


def _rates(tokens: Sequence[str], text: str = "") -> List[str]:
    """"per leerling" as one word: a question asking for a rate matches only a sentence with it.
    An amount for each year is one "per jaar" too: "tweemaal (voor de jaren 2021 en 2022) € 38
    miljoen", "Voor 2022 is € 63,5 miljoen" - not "in de jaren 2021 en 2022 in totaal € 516 miljoen"."""
    found = [f"per {following}" for word, following in zip(tokens, tokens[1:]) if word == "per"]
    if extract.AMOUNT_RE.search(text) and not _IN_TOTAL_RE.search(text) and (
            _EACH_YEAR_RE.search(text) or len(set(_ONE_YEAR_RE.findall(text))) == 1 == len(set(_ANY_YEAR_RE.findall(text)))):
        found.append("per jaar")
    return found


_IN_TOTAL_RE = re.compile(r"\b(in totaal|totaal|samen|tot en met)\b", re.I)
_EACH_YEAR_RE = re.compile(r"\b(jaarlijks|tweemaal|driemaal|twee keer|elk jaar|ieder jaar|per jaar)\b", re.I)
_ONE_YEAR_RE = re.compile(r"\b(?:voor|in) ((?:19|20)\d\d)\b(?!\s*[/-])", re.I)
_ANY_YEAR_RE = re.compile(r"\b((?:19|20)\d\d)\b")


def _year_ranges(tokens: Sequence[str]) -> List[str]:
    """"de periode 2015-2019" names 2015 and 2019 ("tussen 2015 en 2019", "in 2015"): its years as
    words. A school year ("studiejaar 2022-2023", "2022/23": one word, `normalize.words`) keeps its own
    name and holds its two years too: a bare year lies inside it ("mag het geld in 2023 nog op?"),
    while another school year ("2023-2024") is another name, which it does not hold."""
    return [year for token in tokens if YEAR_RANGE_RE.fullmatch(token) for year in token.split("-")]


# A list of three or more short items, "begrijpend lezen, spelling en rekenen/wiskunde": an item of
# one or two words ("/" joins two names of one item), the last one word after "en"/"of".
_LIST_WORD = r"[^\W\d_][\w/-]*"
_ENUMERATION_RE = re.compile(rf"(?<![\w/-])((?:{_LIST_WORD}(?:\s+{_LIST_WORD})?,\s+)+{_LIST_WORD}(?:\s+{_LIST_WORD})?"
                             rf"\s+(?:en|of)\s+{_LIST_WORD})(?![\w/-])")


def enumerations(text: str) -> List[List[Tuple[FrozenSet[str], FrozenSet[str]]]]:
    """The lists a sentence gives, each item as its words and its heads (the last word, or each name
    of "a/b"): "de kernvakken (begrijpend lezen, spelling en rekenen/wiskunde)" -> items ({begrijpend,
    lezen}, {lezen}), ({spelling}, {spelling}), ({rekenen, wiskunde}, {rekenen, wiskunde}). The items
    of one list are cases of one kind (subjects, groups of people): a value the documents give for
    one is not given for another."""
    found = []
    for match in _ENUMERATION_RE.finditer(text):
        items = []
        for part in re.split(r",\s+|\s+(?:en|of)\s+", match.group(1)):
            tokens = normalize_tokens(part.replace("/", " "))
            if tokens:
                items.append((frozenset(tokens), frozenset(tokens if "/" in part else tokens[-1:])))
        if len(items) >= 3:
            found.append(items)
    return found


# A span of years, "2015-2019", or a school year, "2022-2023" (named whole, not by its years).
YEAR_RANGE_RE = re.compile(r"(19|20)\d\d-(19|20)\d\d")


def _heading_sectors(section_path: str, lexicon: Lexicon) -> List[str]:
    """The sectors of the deepest heading that names any: "Funderend onderwijs > Vertragingen in het
    primair onderwijs" is about the po, not about all of the funderend onderwijs."""
    for heading in reversed(section_path.split(" > ")):
        found = sectors_in(normalize_tokens(heading), lexicon)
        if found:
            return found
    return []


def sectors_in(tokens: Sequence[str], lexicon: Lexicon) -> List[str]:
    """The sectors `tokens` name; a phrase's words are not read again on their own
    ("middelbaar beroepsonderwijs" is the mbo, not also the "middelbare" school)."""
    found: List[str] = []
    i = 0
    while i < len(tokens):
        for size in (4, 3, 2):
            phrase = tuple(tokens[i:i + size])
            if phrase in lexicon.sector_groups:
                found += lexicon.sector_groups[phrase]
            elif phrase in lexicon.sector_phrases:
                found.append(lexicon.sector_phrases[phrase])
            else:
                continue
            i += size
            break
        else:
            if tokens[i] in lexicon.sector_words:
                found.append(lexicon.sector_words[tokens[i]])
            elif "-" in tokens[i] and tokens[i].split("-", 1)[0] in lexicon.sector_words:
                found.append(lexicon.sector_words[tokens[i].split("-", 1)[0]])  # "po-scholen", "vo-wo"
            i += 1
    return list(dict.fromkeys(found))


# Where a sentence speaks of several sectors, the clause that gives a value says whom it is for.
_CLAUSE_SPLIT_RE = re.compile(r"[,;:]\s+|\s+[–-]\s+")


def value_sectors(text: str, wanted: Set[str], lexicon: Lexicon) -> Set[str]:
    """The sectors named in the clauses of `text` that give a value of a kind in `wanted`; empty
    where such a clause names no sector (then the sentence's own sectors hold): "Inmiddels is 40
    procent van de scholen in het po aangemeld bij NCO, in het vo start de pilot eind dit jaar" gives
    a percentage for the po only."""
    return _sectors_of_clauses(text, lambda clause: bool(unit_types(clause) & wanted), lexicon)


def clause_sectors(text: str, held: Set[str], lexicon: Lexicon) -> Set[str]:
    """The sectors named in the clauses of `text` that hold a word of `held`; empty where such a
    clause names no sector or none holds one: "… groepsactiviteiten en in het mbo het verstrekken van
    devices" gives the devices for the mbo only."""
    return _sectors_of_clauses(text, lambda clause: bool(set(normalize_tokens(clause)) & held), lexicon)


def _sectors_of_clauses(text: str, chosen: Callable[[str], bool], lexicon: Lexicon) -> Set[str]:
    """The sectors the `chosen` clauses of `text` name; empty where one of them names none."""
    found: Set[str] = set()
    for clause in _CLAUSE_SPLIT_RE.split(text):
        if not chosen(clause):
            continue
        named = sectors_in(normalize_tokens(clause), lexicon)
        if not named:
            return set()
        found.update(named)
    return found


def without_phrase_modifiers(tokens: List[str], lexicon: Lexicon) -> List[str]:
    """`tokens` without the first word of a lexicon phrase that ends in its group's word: in "de
    Tweede Kamer" the word "tweede" is part of the name, so "de tweede voortgangsrapportage" does not
    match it (the phrase's own word "kamer" stays)."""
    used = {i for i in range(len(tokens) - 1)
            if lexicon.phrases.get((tokens[i], tokens[i + 1])) == tokens[i + 1]}
    return [t for i, t in enumerate(tokens) if i not in used]


# who a theme's lead-in says can choose its actions: "kunnen instellingen kiezen uit", "kunnen
# lerarenopleidingen hbo en wo kiezen uit"
_CHOOSER_RE = re.compile(r"\b(?:kunnen|zullen)\s+([^,.:]+?)\s+kiezen uit\b")


def build_units(kb) -> List[Unit]:
    """Every answer unit of the knowledge base, in document order."""
    lexicon = load_lexicon()
    themes = {r["number"]: r for r in kb._query("SELECT * FROM themes")}
    actions_by_passage = {r["passage_id"]: r for r in kb._query("SELECT * FROM actions")}
    units: List[Unit] = []

    def add(**kw) -> None:
        units.append(Unit(id=len(units), **kw))

    theme_sectors_of = {n: tuple(json.loads(r["sectors"])) + ((r["programme"],) if r["programme"] else ())
                        for n, r in themes.items()}
    # Each action is one the theme's lead-in says someone can choose ("… kunnen instellingen kiezen uit
    # onder andere de volgende aanvullende acties:"): who chooses it is its context ("can colleges pay
    # for psychologists?" named 'instelling' as missing from the action that lists them).
    lead_in_of = {n: [t for chooser in _CHOOSER_RE.findall(r["intro"] or "") for t in normalize_tokens(chooser)]
                  for n, r in themes.items()}
    for number, row in sorted(themes.items()):
        sectors = theme_sectors_of[number]
        named = json.loads(row["sectors"])
        listed = " en ".join([", ".join(named[:-1]), named[-1]]) if len(named) > 1 else "".join(named)
        text = f"Thema {number}: {row['title']} ({listed})"  # as the annex writes it: "(mbo, hbo en wo)"
        tokens = normalize_tokens(text)
        add(kind="theme", text=text, passage_id=row["passage_id"] or 0, index=0,
            cite=kb._theme_cite(number),
            # (the brackets list the sectors the theme is for: "voor welke sectoren is thema 5?")
            sectors=sectors, tokens=frozenset(tokens) | {"thema", "sector"},
            context=frozenset(normalize_tokens(row["intro"] or "")), types=frozenset(), theme=number)

    # "volgens de keuzelijst": a unit is in the document its title names (context, not text)
    title_tokens = {slug: normalize_tokens(doc.get("title") or "") for slug, doc in kb.documents.items()}
    footnote_parents: Dict[int, int] = {}   # a footnote's passage -> the passage that cites it
    for p in kb._query("SELECT * FROM passages ORDER BY id"):
        if p["kind"] == "footnote" and p["parent_id"] is not None:
            footnote_parents[p["id"]] = p["parent_id"]
        theme = int(p["theme"]) if p["theme"] is not None else None
        heading_tokens = normalize_tokens((p["section_path"] or "").replace(" > ", " "))
        document_tokens = title_tokens.get(p["document"], [])
        passage_tokens = without_phrase_modifiers(normalize_tokens(p["text"]), lexicon)
        theme_sectors = theme_sectors_of.get(theme, ())
        if p["kind"] == "action" and p["id"] in actions_by_passage:
            action = actions_by_passage[p["id"]]
            text = action["text"] + (f" {action['examples']}" if action["examples"] else "")
            add(kind="action", text=" ".join(text.split()), passage_id=p["id"], index=0,
                cite=kb.cite(p["id"]), sectors=theme_sectors,
                tokens=frozenset(passage_tokens + _symbol_words(p["text"]) + _rates(passage_tokens, p["text"])
                                 + _year_ranges(passage_tokens)
                                 + [w for w in separable_verbs(text, lexicon).values() if w]),
                context=frozenset(heading_tokens + document_tokens + lead_in_of.get(theme, [])),
                types=unit_types(p["text"]), theme=theme, heading=frozenset(heading_tokens), notes=" ".join((action["note"] or "").split()))
            continue
        segments = json.loads(p["segments"] or "[]")
        spans = extract.sentences(p["text"])
        heading_sectors = _heading_sectors(p["section_path"] or "", lexicon)
        sentence_tokens = [without_phrase_modifiers(normalize_tokens(p["text"][start:end]), lexicon)
                           for start, end in spans]
        for index, (start, end) in enumerate(spans):
            sentence = " ".join(p["text"][start:end].split())
            if len(sentence) < 3:
                continue
            text_sectors = sectors_in(sentence_tokens[index], lexicon)
            # (+ the sectors its words name: "in het primair onderwijs" holds "po"; + its separable
            # verbs read as in a question: "nemen dit jaar toe" is "toenemen")
            tokens = sentence_tokens[index] + _symbol_words(sentence) + _rates(sentence_tokens[index], sentence) \
                + _year_ranges(sentence_tokens[index]) \
                + text_sectors + [w for w in separable_verbs(sentence, lexicon).values() if w] \
                + ([NOT_YET] if NOT_YET_SENTENCE_RE.search(sentence) else [])
            if SIGNATURE_RE.match(sentence):
                tokens += normalize_tokens(" ".join(SIGNATURE_WORDS))  # who signed the letter
            previous = sentence_tokens[index - 1] if index > 0 else []
            following = sentence_tokens[index + 1] if index + 1 < len(spans) else []
            before = " ".join(p["text"][spans[index - 1][0]:spans[index - 1][1]].split()) if index > 0 else ""
            # ("Dit percentage ligt lager dan in 2020 (98,7%)" is about the pass rate the sentence
            # before names; it is shown after that sentence, so its words count as its own - though
            # not in how rare a word is)
            antecedent = before if points_back(sentence, before) else ""
            borrowed = frozenset(previous) if antecedent else frozenset()
            cite = kb.cite(p["id"], page_at(segments, start, p["page"]))
            sectors = theme_sectors or tuple(text_sectors or heading_sectors)
            if antecedent and text_sectors and not theme_sectors:
                # (a sentence that goes on about the one before is about that one's group too: "In 2015
                # bleek 5% werkzaam te zijn in het primair onderwijs" is a share of the pabostudenten
                # the sentence before counts, under a heading about them)
                sectors += tuple(s for s in (sectors_in(previous, lexicon) or heading_sectors) if s not in sectors)
            own_heading = _heading_part_named(p["section_path"] or "", sentence_tokens[index]) or heading_tokens
            add(kind="footnote" if p["kind"] == "footnote" else "sentence", text=sentence,
                passage_id=p["id"], index=index, cite=cite, sectors=sectors,
                tokens=frozenset(tokens),
                context=frozenset(own_heading + document_tokens) | frozenset(previous) | frozenset(following),
                types=unit_types(sentence), theme=theme, heading=frozenset(heading_tokens),
                borrowed=borrowed - frozenset(tokens), antecedent=antecedent)
    return _with_sources(_with_names(_with_phrase_words(units, lexicon)), footnote_parents)


# A sentence or footnote that names where a claim comes from: "Dat blijkt uit onderzoek van het JOB",
# "Uit Cito-onderzoek … blijkt", "Dit beeld sluit aan op het onderzoek van NCO", "is door Cito gemeten",
# "De menukaart is gebaseerd op …", "zie onder andere: Wolff 2020", "… het onderliggende onderzoeksrapport
# van Berenschot".
SOURCE_RE = re.compile(r"\bonderzoek(?:ers)? van\b|\bblijkt uit\b|^uit\b[^.;]*\b(?:blijkt|bleek|gebleken)\b"
                       r"|\b(?:laat|laten)\s+(?:\w+\s+){0,3}zien\b|\bgebaseerd op\b|\bzie onder andere\b"
                       r"|\bgemeten\b|\bonderzoeksrapport\b|[\w-]+-onderzoek\b"
                       # ("… het onderzoek naar de gevolgen van 16 maanden COVID door de Inspectie …")
                       r"|\bonderzoek\b[^.;]{0,80}\bdoor (?:de|het) (?-i:[A-Z])", re.I)


def _with_sources(units: List[Unit], parents: Dict[int, int]) -> List[Unit]:
    """Each sentence learns the unit that names its source, and then gives the kind of answer "welk
    onderzoek laat zien dat …?" asks ("evidence"): itself when it names one; else a footnote of its
    paragraph that names one ("Vooral studenten in een kwetsbare positie hebben het extra moeilijk
    gehad." cites "Dat blijkt uit onderzoek van het JOB …"); else the sentence before it when that one
    names a source and this one goes on about its findings ("Dit beeld sluit aan op het onderzoek van
    NCO. De vertraging bij leerlingen met gemiddeld- of laagopgeleide ouders …")."""
    notes_of = {}
    for u in units:
        if u.kind == "footnote" and u.passage_id in parents and SOURCE_RE.search(u.text):
            notes_of.setdefault(parents[u.passage_id], u.id)
    out = []
    for u in units:
        if u.kind not in ("sentence", "footnote", "action"):
            out.append(u)
            continue
        if SOURCE_RE.search(u.text):
            out.append(replace(u, types=u.types | {"evidence"}))
            continue
        before = units[u.id - 1] if u.id > 0 and u.kind == "sentence" and u.index > 0 else None
        source = notes_of.get(u.passage_id)
        if source is None and before is not None and before.passage_id == u.passage_id \
                and before.kind == "sentence" and SOURCE_RE.search(before.text):
            source = before.id
        out.append(replace(u, types=u.types | {"evidence"}, source=source) if source is not None else u)
    return out


def _with_phrase_words(units: List[Unit], lexicon: Lexicon) -> List[Unit]:
    """A word the documents never use, nor any word of its lexicon group, that they say by a phrase of
    its group ("onder leiding van Kim Putters" for "voorzitter") is a word of the sentences with that
    phrase (not "personeelstekort" for "tekort aan personeel": its group's "lerarentekort" is theirs)."""
    used = set().union(*(u.tokens for u in units))
    out = []
    for u in units:
        heads = [h for h in _phrase_heads(normalize_tokens(u.text), lexicon)
                 if not ({h} | set(lexicon.alternatives(h))) & (used if h not in lexicon.spoken_phrases else u.tokens)]
        out.append(replace(u, tokens=u.tokens | frozenset(heads)) if heads else u)
    return out


# the parts of a heading that names two or more things ("Korting op les-, cursus- en collegegeld en de
# verlenging reisproduct"), not inside a run of compounds' first parts ("les-, cursus- en collegegeld")
_HEADING_PARTS_RE = re.compile(r"(?<!-),\s+|(?<!-)\s+en\s+")


def _heading_part_named(section_path: str, sentence: Sequence[str]) -> List[str]:
    """The heading's words for a sentence that names the words of only some of the things its deepest
    heading names: "… dat zij 12 maanden extra reisrecht krijgen" is about the "verlenging reisproduct"
    of its heading, not about its "korting op collegegeld". Empty where it names none or all of them."""
    levels = section_path.split(" > ")
    # (a label stays: "Thema 4: Ondersteuning en begeleiding …"; and a part of one word is no thing of
    # its own, "Ondersteuning en begeleiding", "Overgangen en studievertraging" name one matter)
    label, _, named_things = levels[-1].rpartition(":")
    parts = [{t for t in normalize_tokens(part) if not is_stop_word(t)} for part in _HEADING_PARTS_RE.split(named_things)]
    if len(parts) < 2 or any(len(part) < 2 for part in parts):
        return []
    own = set(sentence)

    def named(part: Set[str]) -> bool:
        return any(t == w or (len(w) >= 5 and t.endswith(w)) for w in part for t in own)

    chosen = [part for part in parts if named(part)]
    if not chosen or len(chosen) == len(parts):
        return []
    return normalize_tokens(" ".join(levels[:-1] + [label])) + sorted(set().union(*chosen))



def _with_names(units: List[Unit]) -> List[Unit]:
    """Units that name a person or organisation by its proper name answer "wie"."""
    names = [set(_NAME_RE.findall(u.text)) for u in units]
    counts = Counter(n for found in names for n in found)
    common = tuple(n for n, count in counts.items() if count >= COMMON_NAME_UNITS)

    def proper(name: str) -> bool:  # ("NP Onderwijsmiddelen" is the common name too)
        return not name.startswith(common)

    units = [replace(u, types=u.types | {"who"}) if any(map(proper, found)) else u for u, found in zip(units, names)]
    return _with_people(units)


# A person's name: capitalised words the documents never write in lower case ("Ingrid van
# Engelshoven", "Kim Putters", "Van Baarle"), unlike "Nationaal Programma" or "Hogeschool Rotterdam".
_CAPITALISED_RUN_RE = re.compile(r"\b([A-Z][\w'’-]+)((?:\s+(?:van|de|der|den|ten|ter))*)\s+([A-Z][\w'’-]+)\b")

_NAME_PARTICLES = {"van", "de", "der", "den", "ten", "ter"}


def _with_people(units: List[Unit]) -> List[Unit]:
    """Units that name a person answer "wie is de minister …?" (type "person")."""
    lower = {w for u in units for w in words(u.text) if w.islower()}

    def person(m: "re.Match[str]") -> bool:
        first, last = m.group(1), m.group(3)
        return last.lower() not in lower and (first.lower() not in lower or first.lower() in _NAME_PARTICLES)

    return [replace(u, types=u.types | {"person"}) if any(map(person, _CAPITALISED_RUN_RE.finditer(u.text))) else u
            for u in units]


def dated_before_document(unit: Unit) -> bool:
    """Are all the unit's dates before its document's month ("tot en met september 2021" in a
    letter of October 2021)? A date without a year ("dit studiejaar", "24 december") or a year
    alone in the document's own year is not before it."""
    written = [text for _, text, _ in extract.dates(unit.text)]
    if not written or not unit.cite.date:
        return False
    document = (int(unit.cite.date[:4]), int(unit.cite.date[5:7]))
    for text in written:
        match = _YEAR_OF_DATE_RE.search(text)
        if not match:
            return False
        month = MONTHS.split("|").index(match.group(1).lower()) + 1 if match.group(1) else 12
        if (int(match.group(2)), month) >= document:
            return False
    return True
