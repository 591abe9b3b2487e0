"""What a question asks: its topic concepts, the sectors it names and the kind of answer it wants.

Pure functions of the text and the lexicon; no knowledge-base access.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import FrozenSet, List, Optional, Set, Tuple

from .lexicon import Lexicon, load_lexicon
from .normalize import PARTICLES, is_stop_word, lemma, te_infinitives, words
from .schema import SECTOR_COVERED_BY
from .wordparts import closed_compound, kb_vocabulary

MAX_CONCEPTS = 24
MAX_PHRASE = 4
# Words (and compound heads: "masterstudent") for people. "en masterstudenten?" asks the last
# question for them (actions/answers.py); "I'm a teacher at a primary school, …" says who asks.
PERSON_WORDS = ("student", "leerling", "scholier", "docent", "leraar", "leerkracht", "onderzoeker",
                "instromer", "promovendus", "stagiair", "deeltijder", "jongere", "kind", "ouder", "werkgever",
                "medewerker", "deelnemer", "cursist")
# "in welke maand", "welk deel": the noun names the kind of answer asked for, not what it is about
# ... as does "groot" in "hoe groot is het tekort?" (a figure asked, not something large)
SIZE_WORDS = {"groot", "omvangrijk"}
# ... also where no figure is asked: "hoe groot *is* de leervertraging van vwo-leerlingen?" asks how much
# delay, not for a sentence with "de grootste"
_SIZE_VERBS = {"is", "zijn", "was", "waren", "wordt", "worden"}
_FIGURE_KINDS = ("number", "percentage", "amount")
_ASKED_KIND_NOUNS = {"maand", "jaar", "periode", "datum", "dag", "deel", "aandeel", "percentage", "bedrag", "aantal",
                     # ("welk bureau heeft het rapport gemaakt?": a name asked)
                     "bureau", "onderzoeksbureau",
                     # ("welk onderzoek laat zien …?": the kind of source asked, not what it is about)
                     "onderzoek", "studie", "bron", "rapport"}

# The words that ask where a claim comes from ("waaruit blijkt …", "waar halen ze vandaan …", "welk
# onderzoek laat zien …", "waar baseert de minister op …"): the kind of answer, not what it is about.
_EVIDENCE_WORDS = {"waaruit", "blijken", "halen", "vandaan", "baseren", "gebaseerd", "zeggen", "laten", "zien",
                   "weten", "tonen", "toon", "onderbouwen", "grondslag", "bron", "onderzoek", "studie", "rapport"}

# "wie krijgt / heeft recht op / komt in aanmerking …" asks for whom (a group), not for a name.
_FOR_WHOM = (r"(krijgt|krijgen|heeft recht|hebben recht|komt in aanmerking|komen in aanmerking|kan|kunnen|"
             r"mag|mogen|valt|vallen|geldt|gelden)\b")

# "wie loopt er meer achter, mbo'ers of studenten?" offers the choice: a comparison, no name asked.
_A_CHOICE = r"(?![^?]*\b(meer|minder|meeste?|vaker|eerder)\b[^?]*\bof\b)"

# The kind of answer a question asks for, from its wording (first match wins).
ANSWER_TYPES: Tuple[Tuple[str, "re.Pattern[str]"], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
        # ("hoe laat gaat de bieb dicht?", "hoe laat vertrekt de trein?": a time of day, which the
        # documents never give)
        ("clock", r"\bhoe laat\b|\bom hoeveel uur\b|\bwelk tijdstip\b|\bopeningstijden\b|\bvertrektijden?\b"),
        ("percentage", r"\bhoe ?veel procent\b|(?<!\bin )\bwelk(e)? (percentage|deel|aandeel)\b|\bhoe groot (is )?(het|een) (deel|aandeel)\b"
                       r"|\bwat is het (percentage|aandeel)\b|\bhoeveel %"
                       # ("hoe vaak kiezen instellingen iets buiten de lijst?": how often is a share of them)
                       r"|\bhoe vaak\b"
                       r"|\bwat (is|was|wordt|werd) (het|de) \w+percentage\b"   # ("wat was het slagingspercentage …?")
                       r"|^\W*(het |de )?\w+percentage\b"),   # (typed as a search: "slagingspercentage 2021")
        ("amount", r"\bhoe ?veel (extra |meer )?((?:npo? )?[\w-]*geld|euro|miljoen|budget|subsidie)\b|\bwelk bedrag\b|\bhoe ?veel (extra |meer )?(krijgt|krijgen|kost|kosten|ontvang|is er|gaat er|verdien|verdient|verdienen)\b"
                   r"|\bhoe (hoog|groot) is (het|de) (bedrag|budget|som|pot|opslag|tegemoetkoming)\b|\bhoe hoog (is|zijn|was|wordt)\b|\bwat (kost|kostte|kosten|verdient|verdienen|verdien)\b"
                   # ("hoeveel krijg ik?", "hoeveel tegemoetkoming krijg je dan?": what one gets)
                   r"|\bhoe ?veel ((tegemoetkoming|toelage|subsidie|beurs|vergoeding|compensatie) )?(krijg|ontvang) (ik|je|jij)\b"
                   r"|\bhoe ?veel (\w+ )?(moet|moeten|ga|gaan) (ik|je|jij|we|wij) .*\b(betalen|kwijt)\b"
                   r"|\bhoeveel bedra|\bom hoeveel geld\b|\bwat is het (bedrag|budget)\b|\bhoe ?veel (middelen|poen)\b"
                   r"|\bhoe ?veel (\w+ )?(betaal|betaalt|betalen|betaalde|kost|kostte|kosten)\b"
                   # (the perfect tense: "wat heeft het verlengen van de contracten gekost?")
                   r"|\b(wat|hoe ?veel)\b[^?.]{0,120}\b(gekost|uitgetrokken|gereserveerd)\b"),
        # ("hoe ver zijn kinderen achter met rekenen?": how far behind is a span, "10 weken")
        ("duration", r"\bhoe ?lang\b|\bhoe ?veel (maanden|maand|weken|week|jaar|jaren|dagen)\b|\bhoelang\b"
                     r"|\bhoe ?ver (\w+ ){0,6}(achter|achterlopen|achterlop\w*)\b"
                     # ("hoeveel vertraging hebben geneeskundestudenten?": a delay is counted in weeks or months)
                     r"|\bhoe ?veel (\w+ )?(vertraging|vertragingen|achterstand|achterstanden)\b"),
        ("date", r"\bwanneer\b|\bwelke datum\b|\bdeadlines?\b|\bwelke data\b|\bdatums?\b|\buiterlijk\b|\bin welk (jaar|studiejaar|schooljaar|maand|collegejaar)\b"
                 r"|\bwelk (studie|school|college)?jaar\b|\bvanaf welk\b|\btot welk\b|\bper wanneer\b|\bop welke dag\b"
                 r"|\bwelke maand\b|\buiterste (datum|termijn)\b"),
        # ("hoe groot is het tekort aan stageplaatsen?": the size of a shortfall is a figure; not that of
        # a delay, which the documents give as weeks for some school types and in words for others)
        ("number", r"\bhoe (groot|omvangrijk) (is|zijn|was|waren|wordt|worden) (het|de|die|dat|dit|deze) \w*(tekort|tekorten)\b|"
                   r"\bhoe ?veel\b|^\W*(wat|hoe groot) (is|was|wordt) het aantal\b|\bwelk aantal\b|\bhoe groot is het aantal\b"),
        ("who", r"^\s*wie\b(?!\s+" + _FOR_WHOM + r")" + _A_CHOICE + r"|\b(door|met) wie\b"
                # ("voor wie is die aanpak bedoeld?" asks for a group, which no proper name gives; asked with
                # "ook voor X" it checks a group and stays a question for whom the documents name)
                r"|\bvoor wie\b(?=[^?]*\book voor\b)"
                r"|(?<!\bvoor )\bwie (?!" + _FOR_WHOM + r")(is|zijn|heeft|hebben|doet|gaat|moet|betaalt|schreef|stuurt|ondertekent)\b"
                + _A_CHOICE
                # ("welk" before a neuter noun: "welk bureau heeft de plannen geanalyseerd?")
                # (a count between them too: "welke drie regio's zijn de pilotregio's?")
                + r"|\bwelke? ((twee|drie|vier|vijf|zes|\d+) )?(organisatie|instantie|partij|partijen|organisaties|onderzoeksbureau|bureau|hogescholen|bewindspersonen|ministers?|"
                r"universiteit(en)?|hogeschool|scholen|school|instelling(en)?|regio('?s)?|gemeenten?|mbo'?s|bedrijf|bedrijven|"
                r"ministerie|instituut)\b"),
        # (after a count or a name asked: "waaruit blijkt hoeveel leraren …?" asks how many)
        # ("welk onderzoek laat zien dat …?", "waaruit blijkt dat …?", "waar is de menukaart op gebaseerd?",
        # "waar komt dat cijfer vandaan?": where a claim comes from, the source the documents name)
        ("evidence", r"\bwelke? (onderzoek|onderzoeken|studie|studies|bron|bronnen|rapport|rapporten)\b"
                     r"|\bop (welk|welke) (onderzoek|onderzoeken|studie|studies|bron|bronnen|gegevens)\b"
                     r"|\bwaaruit (blijkt|bleek|blijken|bleken)\b|\bop gebaseerd\b|\bwaar (baseert|baseren|baseerde)\b"
                     r"|\bwaar (komt|komen|kwam|haalt|halen|haal) [^?]*\bvandaan\b|\bvan wie (komt|komen|kwam)\b"
                     r"|\bhoe weten (jullie|ze|we|zij)\b"),
        ("procedure", r"\b(hoe|waar) (vraag|kan|moet|meld) (ik|je|we|mijn \w+) .*\b(aan|aanvragen|aanmelden|regelen)\b"
                      r"|\bbij (welk|welke) (loket|instantie|organisatie)\b.*\b(aanvragen|aanmelden|indienen)\b"
                      r"|\bbij wie\b.*\b(aanvragen|aanmelden|indienen|vraag|vragen)\b"
                      r"|\bhoe werkt (de|het) aanvra|\baanvraagprocedure\b"
                      r"|\b(moet|hoef) (ik|je|jij|we|wij) \b.*\b(aanvragen|aan te vragen|aanmelden|indienen)\b"),
        # ("waar moeten scholen rapporteren over de inhuur?": the document or site it goes in, "in hun
        # jaarverslag" - the English glossary's "where must … report" says the same)
        ("place", r"\bwaar (moet|moeten|moest|moesten|zal|zullen|kan|kunnen|wordt|worden|werd|werden|gaat|gaan)\b[^?]*"
                  r"\b(rapporteren|gerapporteerd|verantwoorden|verantwoord|publiceren|gepubliceerd|verslag doen)\b"
                  r"|\bin (welk|welke) (document|documenten|verslag|rapport|publicatie)\b"),
        # ("wat vinden ouders van het npo?", "hoe kijken studenten aan tegen het tempo?": what someone thinks)
        ("opinion", r"\bwat (vind|vindt|vinden|vond|vonden|denkt|denken|dacht|dachten) ([\w'-]+ ){1,4}?"
                    r"(van|over|ervan|erover|daarvan|daarover|hiervan|hierover)\b"
                    r"|\bhoe (denkt|denken|kijkt|kijken|staat|staan|reageert|reageren|oordeelt|oordelen) ([\w'-]+ ){1,5}?"
                    r"(over|tegen|tegenover|aan|op)\b|\bwat is (de|hun|zijn|haar) (mening|reactie|oordeel)\b"),
    )
)

# A message that is a question (not a statement like "ik ben mbo-student").
# What may come before a question's first word: "en", "maar", a greeting.
PREAMBLE = r"^\s*(?:(?:en|maar|ook|dus|oké|ok|hoi|hallo|hey|beste|goedemorgen|goedemiddag)[\s,!]+)*"
_QUESTION_START_RE = re.compile(
    PREAMBLE +
    r"(wat|wie|wanneer|waar|waarom|waarvoor|waaraan|waarmee|hoe|hoeveel|welk|welke|mag|mogen|kan|kun|kunnen|"
    r"krijg|krijgt|krijgen|moet|moeten|is|zijn|heb|heeft|hebben|geldt|gelden|klopt|wordt|worden|word|"
    r"komt|komen|zit|zitten|staat|staan|ga|gaat|gaan|betaal|betaalt|valt|vallen|bestaat|telt|weet|vertel|leg|"
    r"noem|geef|zeg)\b",
    re.IGNORECASE,
)
QUESTION_WORDS = ("wat", "wie", "wanneer", "waarom", "hoeveel", "hoe", "welke", "welk")
_QUESTION_WORD_RE = re.compile(r"\b(%s)\b" % "|".join(QUESTION_WORDS), re.IGNORECASE)
# A yes/no question typed without "?" opens with its verb, the subject next: "kiezen instellingen
# vaak acties buiten de lijst", "stijgt het aantal bbl-studenten", "doet de overheid zelf iets".
# (a finite verb ends in -t or is the plural -en; the subject is a pronoun, an article or a plural;
# not "die"/"deze": "werken die …" may be a noun with a relative clause; "zullen we …", "laten we …" propose;
# an adverb may stand between them: "tellen ook studenten van … mee", "krijgen dan alle scholen …")
_VERB_FIRST_RE = re.compile(
    PREAMBLE +
    r"(?!(?:zullen|laten|dat|het|niet|met|tot|want|echt|goed|toch|eerst|laatst|bedankt|groeten|tenminste|vanmiddag|"
    r"vanavond|morgen|studenten|leerlingen|scholen|instellingen|docenten|leraren|ouders)\b)"
    r"[^\W\d_]{3,}(?:en|t)\s+(?:(?:ook|nog|dan|al)\s+)?(?:de|het|een|er|ik|je|jij|u|we|wij|ze|zij|hij|jullie|mijn|onze|ons|"
    r"alle|veel|mbo|hbo|wo|ho|po|vo|[^\W\d_]{3,}(?:en|s))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Concept:
    """One thing the question is about, with the words that count as a match."""

    word: str                       # normalised word (or a phrase's head word)
    surface: str                    # as the user typed it, for "not found" messages
    alternatives: FrozenSet[str]    # normalised words that match it (synonyms included)
    kind: str = "topic"             # topic | sector | number | rate ("per leerling")
    # Only in a clause where the user tells their situation ("mijn dochter zit in groep 6, hoe …"):
    # it helps find the answer, but the documents not naming it does not make them silent.
    situation: bool = False
    # A verb with the particle the question puts before its "te" ("in te grijpen": "ingrijpen") that no
    # lexicon group joins: the word where the documents never use the verb alone
    particle_form: str = ""


@dataclass(frozen=True)
class Question:
    text: str
    concepts: Tuple[Concept, ...]
    answer_type: Optional[str]
    sectors: Tuple[str, ...]
    is_question: bool
    # A follow-up that changes the sector ("en voor het vo?"): the sector is what is asked.
    sector_focus: bool = False
    # The question as typed when `text` is its Dutch rendering (an English question): the
    # multilingual sentence embedding reads the original.
    typed: Optional[str] = None
    # Sectors named as the stage left behind ("leerlingen *na de basisschool*"): not what is asked.
    passed_sectors: Tuple[str, ...] = ()

    @property
    def topics(self) -> Tuple[Concept, ...]:
        return tuple(c for c in self.concepts if c.kind != "sector")

    def with_sector(self, sector: Optional[str]) -> "Question":
        """The same question about another sector (a follow-up such as "en voor het wo?"): the
        last question's sector words are replaced by the new sector's, as if it had been asked so
        ("hoeveel geld is er voor de lerarenopleidingen?" holds the word, not only the filter)."""
        if not sector:
            return self
        kept = tuple(c for c in self.concepts if c.kind != "sector") + (_sector_concept(sector, sector),)
        return replace(self, concepts=kept, sectors=(sector,), sector_focus=True)




def _sector_concept(sector: str, surface: str) -> Concept:
    lexicon = load_lexicon()
    # A sector's words also match those of the sectors that speak for it (schema's one sector
    # rule): "hogeronderwijsinstelling" speaks for the hbo, "hogeschool" for the hoger onderwijs.
    covered = set(SECTOR_COVERED_BY.get(sector, {sector}))
    alternatives = frozenset(w for w, s in lexicon.sector_words.items() if s in covered) | covered
    return Concept(sector, surface, alternatives, "sector")


# "moeten instellingen verantwoorden hoeveel ze uitgeven?", "is al bekend hoeveel …?": a yes/no
# question (its verb first) about a "hoeveel/wanneer/wie" clause asks whether, not how much.
# ("kun je me vertellen wanneer …", "weet jij wie …" ask the clause's question: not these verbs.)
_EMBEDDED_RE = re.compile(
    PREAMBLE + r"(moet|moeten|is|zijn|wordt|worden|hoeft|hoeven|zal|zullen)\b(?!(?:\s+(?:al|er|het|nu|ook))*\s+bekend\b)"
    r"[^?]*?\b(hoe ?veel|wanneer|wie)\b",   # ("is al bekend hoeveel …" asks the clause's question too)
    re.IGNORECASE)


# A greeting before the question word: "hallo, wie levert de cijfers …?" asks who. (Not "en": "and who
# paid for that?" after the € 12 miljoen for researchers' contracts is answered by "… de instellingen …
# gekost", which names no organisation as such.)
_GREETING_RE = re.compile(r"^\s*(?:(?:oké|ok|hoi|hallo|hey|beste|goedemorgen|goedemiddag|goedenavond)[\s,!]+)+", re.I)


# "hebben NWO en ZonMw de deadlines aangepast?", "is de deadline verschoven?": a deadline that was
# changed is what the question asks about (whether), not a date it asks for - unless a question word
# asks one ("tot wanneer is de deadline verlengd?").
_DEADLINE_CHANGED_RE = re.compile(
    r"\bdeadlines?\b[^?]*\b(?:aangepast|verlengd|verschoven|veranderd|opgeschoven|uitgesteld|aanpassen|verlengen|"
    r"verschuiven|veranderen|uitstellen)\b|\b(?:aangepast|verlengd|verschoven|veranderd|opgeschoven|uitgesteld|aanpassen|"
    r"verlengen|verschuiven|veranderen|uitstellen)\b[^?]*\bdeadlines?\b", re.IGNORECASE)
_ASKS_WHEN_RE = re.compile(r"\b(?:wanneer|hoe ?lang|welke datum|welke data|tot welk|vanaf welk|per wanneer)\b", re.IGNORECASE)


def answer_type(text: str) -> Optional[str]:
    text = _GREETING_RE.sub("", text or "", count=1)
    if _EMBEDDED_RE.match(text):
        return None
    if _DEADLINE_CHANGED_RE.search(text) and not _ASKS_WHEN_RE.search(text):
        text = re.sub(r"\bdeadlines?\b", " ", text, flags=re.IGNORECASE)
    for kind, pattern in ANSWER_TYPES:
        match = pattern.search(text)
        if match and kind == "date" and _NOUN_DATE_RE.fullmatch(match.group()) and (_VERB_FIRST_RE.match(text) or _AUXILIARY_FIRST_RE.match(text)):
            # ("hebben NWO en ZonMw hun deadlines aangepast?" asks whether, not when: a yes/no question
            # names a deadline as its subject)
            continue
        if match:
            return kind
    return None


_NOUN_DATE_RE = re.compile(r"deadlines?|datums?", re.IGNORECASE)
_AUXILIARY_FIRST_RE = re.compile(PREAMBLE + r"(heeft|hebben|had|hadden|is|zijn|was|waren|wordt|worden|werd|werden|"
                                 r"kan|kunnen|moet|moeten|gaat|gaan|zal|zullen|doet|doen|deed|deden)\b", re.IGNORECASE)



def looks_like_question(text: str) -> bool:
    text = text or ""
    return "?" in text or bool(_QUESTION_START_RE.match(text)) or bool(_QUESTION_WORD_RE.search(text)) \
        or bool(_VERB_FIRST_RE.match(text))


_HET_THEN_ONE_WORD_RE = re.compile(r"\bhet\s+([^\W\d_]+)\W*$", re.IGNORECASE)


# What a question about money names: "geld" and its synonyms, and the schemes that are money.
_MONEY_WORDS = ("geld", "tegemoetkoming", "collegegeld", "basisbeurs", "subsidie", "kosten", "toelage")


@functools.lru_cache(maxsize=1)
def _money() -> FrozenSet[str]:
    lexicon = load_lexicon()
    # (the word as listed too: "kost" is read as the verb "kosten", whose lemma table entry is "kost")
    return frozenset(w for word in _MONEY_WORDS for w in lexicon.alternatives(lemma(word)) | {word})


def _counts_other_than_money(before: List[str]) -> bool:
    """Does "hoeveel" before the verb count something other than money ("hoeveel *studenten* kregen
    een …"), not "hoeveel (geld) krijgt een …"?"""
    if "hoeveel" not in before:
        return False
    counted = before[len(before) - before[::-1].index("hoeveel"):]  # (the words after the last "hoeveel")
    money = _money()
    # ("hoeveel npo-geld / coronageld krijgt een …", "hoeveel npo geld": the programme's money is still money)
    programme = load_lexicon().programme_names
    return any(not is_stop_word(w) and w not in money and w.rsplit("-", 1)[-1] not in money and not w.endswith("geld")
               and w not in programme
               and w not in ("extra", "meer", "geld", "euro") for w in counted)


def is_about_money(question: "Question") -> bool:
    """Does the question name money or a scheme that is money (the grant, the compensation)?"""
    money = _money()
    return any(c.word in money or c.alternatives & money for c in question.concepts if c.kind == "topic")


def het_points_back(text: str) -> bool:
    """Is "het" a pronoun for something said before: "waarom is *het* opgezet?", "wanneer wordt *het*
    uitbetaald?" (a verb form follows and ends the message), not the article of "wat is het npo?"."""
    found = _HET_THEN_ONE_WORD_RE.search(text or "")
    if not found:
        return False
    word = found.group(1).lower()
    base = lemma(word)
    return base != word and base.endswith("en")


# Any determiner in a phrase stands for any other: "niet op *die* keuzelijst" is "niet op de keuzelijst".
_DETERMINERS = {"de", "het", "die", "deze", "dat", "dit", "een"}


def _match_phrase(tokens: List[str], start: int, table) -> Tuple[int, Optional[str]]:
    for size in range(min(MAX_PHRASE, len(tokens) - start), 1, -1):
        found = table.get(tuple(tokens[start:start + size]))
        if not found and _DETERMINERS & set(tokens[start:start + size]):
            found = table.get(tuple("de" if t in _DETERMINERS else t for t in tokens[start:start + size]))
        if found:
            return size, found
    return 0, None


# Question words a misspelling of which opens a clause ("hoevel scholen …", "wanner komt …"). A
# letter left out, doubled or two swapped; not one replaced: "waarop", "waarin" are words.
_LONG_QUESTION_WORDS = ("hoeveel", "wanneer", "waarom", "hoelang")
_CLAUSE_OPENING_WORD_RE = re.compile(r"(^\s*|[,.?!;:]\s*)([^\W\d_]{4,9})\b")


def _one_slip(typed: str, word: str) -> bool:
    """Is `typed` `word` with one letter left out or added, or two neighbours swapped?"""
    if typed == word or abs(len(typed) - len(word)) > 1:
        return False
    if len(typed) == len(word):
        differ = [i for i in range(len(word)) if typed[i] != word[i]]
        return len(differ) == 2 and differ[1] == differ[0] + 1 \
            and typed[differ[0]] == word[differ[1]] and typed[differ[1]] == word[differ[0]]
    short, long_ = (typed, word) if len(typed) < len(word) else (word, typed)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


# "kun je me helpen met een vraag over het collegegeld?", "ik heb een vraag: …", "can you help me with a
# question about …": a request for help before what is asked. Its "helpen" is no topic (it matched the
# documents' "begeleiding"); what follows it is the question.
_HELP_REQUEST_RE = re.compile(
    r"^\W*(?:(?:hoi|hallo|hey|hi|hello|dag|goedemorgen|goedemiddag|goedenavond)\W+)?(?:"
    r"(?:kun|kunt|kan|wil|zou)\s+(?:je|jij|u)\s+(?:me|mij|ons)\s+(?:(?:even|misschien|alsjeblieft|aub)\s+)*"
    r"helpen\s+(?:met|bij)(?:\s+(?:een|mijn)\s+(?:vraag|vraagje|vragen)(?:\s+over)?)?"
    r"|ik\s+heb\s+(?:een\s+)?(?:vraag|vraagje|vragen)(?:\s+over)?"
    r"|(?:can|could|would)\s+you\s+(?:please\s+)?help\s+me\s+with(?:\s+(?:a|my)\s+questions?(?:\s+(?:about|on))?)?"
    r"|i\s+have\s+(?:a\s+)?questions?(?:\s+(?:about|on))?"
    r")\s*[:,]?\s+(?=\S)", re.IGNORECASE)


def without_help_request(text: str) -> str:
    """The question after a request for help ("kun je me helpen met een vraag over X?" -> "X?").
    (Not where a clause follows: "ik heb een vraag over de stufi, wordt mijn collegegeld nog
    gehalveerd?" tells its subject before it asks, which `asked_part` reads.)"""
    rest = _HELP_REQUEST_RE.sub("", text, count=1)
    return text if "," in rest else rest


_WORD_AND_REST_RE = re.compile(r"^([^\W\d_]+)(\W*)$")


def close_split_compounds(text: str) -> str:
    """"wat zijn lint stages?" -> "wat zijn lintstages?": see `wordparts.closed_compound`."""
    vocabulary = kb_vocabulary()
    tokens = text.split(" ")
    i = 0
    while vocabulary and i < len(tokens) - 1:
        first, second = _WORD_AND_REST_RE.match(tokens[i]), _WORD_AND_REST_RE.match(tokens[i + 1])
        joined = first and not first.group(2) and second \
            and closed_compound(first.group(1).lower(), second.group(1).lower(), vocabulary)
        if joined:
            tokens[i:i + 2] = [joined + second.group(2)]
        i += 1
    return " ".join(tokens)


def fix_question_words(text: str) -> str:
    """The text with a misspelt question word at a clause's start written right: "hoevel scholen
    verwachten problemen?" asks "hoeveel"; read as a topic word, the typo outweighed the rest."""
    def fixed(match: "re.Match") -> str:
        typed = match.group(2).lower()
        right = next((w for w in _LONG_QUESTION_WORDS if _one_slip(typed, w)), None)
        return match.group(1) + right if right else match.group(0)
    return _CLAUSE_OPENING_WORD_RE.sub(fixed, text)


def analyse(text: str, lexicon: Optional[Lexicon] = None) -> Question:
    """Concepts, sectors and answer type of a question (at most MAX_CONCEPTS concepts).

    With the project's lexicon the result is cached: one message is analysed by several steps
    (follow-up check, the answer, the act check) and a Question is immutable."""
    text = fix_question_words(close_split_compounds(without_help_request((text or "")[:5000])))
    if lexicon is None:
        return _analyse_cached(text)
    return _analyse(text, lexicon)


@functools.lru_cache(maxsize=1024)
def _analyse_cached(text: str) -> Question:
    return _analyse(text, load_lexicon())


# Personal-data words carry no topic ("mijn bsn is …, wanneer …?", lexicon `generic:`), unless the
# question asks for one: "wat is het telefoonnummer van DUO?" asks what the documents do not give.
# (An English question reaches it translated: "what's the phone number of DUO?" is "wat telefoonnummer duo?".)
CONTACT_WORDS = frozenset({"telefoonnummer", "nummer", "mailadres", "e-mailadres", "emailadres", "adres", "postcode"})
_ASKS_CONTACT_RE = re.compile(r"\b(wat( (is|zijn))?|welk|welke|geef|heb (je|jij|jullie))\s+(me\s+)?((het|de|jullie|hun|een|uw)\s+)?"
                              r"(" + "|".join(sorted(CONTACT_WORDS, key=len, reverse=True)) + r")\b", re.I)
# ... and so does one about getting an identity or account number: "hoe krijg ik een bsn?" is not
# "hoe krijg ik …?" about anything the documents say. Only where the user does not give their own:
# "mijn bsn is …", "bsn 123456782".
_IDENTITY_WORDS = frozenset({"bsn", "burgerservicenummer", "sofinummer", "iban", "rekeningnummer", "bankrekening"})
_OWN = {"mijn", "m'n", "mn", "ons", "onze", "je", "jouw", "uw", "zijn", "haar", "hun"}


def _told_own(tokens: List[str], i: int) -> bool:
    before = tokens[i - 1] if i > 0 else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else ""
    return before in _OWN or after in ("is", "zijn", "ben") or after.isdigit()


# "iets specifieks", "niets bijzonders": the adjective after them names no subject.
_SOMETHING = {"iets", "niets"}
# "Hoeveel krijgt elke school?" asks for a rate, like "per school".
_EACH = {"elk", "elke", "ieder", "iedere"}
_RECEIVE = {"krijgen", "ontvangen", "kosten", "betalen"}
_ONESELF = {"ik", "je", "jij"}
_MODALS = {"moeten", "kunnen", "mogen", "gaan", "zullen"}
_PER_PERSON = frozenset({"per persoon", "per student", "per leerling", "per deelnemer", "per docent"})
_YEARLY = {"jaarlijks", "jaarlijkse"}
# "per" in a fixed adverb names no rate: "moet het per se van de lijst?", "per saldo", "per definitie"
_PER_ADVERBS = {"se", "saldo", "definitie", "direct", "ongeluk", "abuis", "omgaande", "toeval", "vergissing"}
# A question that checks a premise: "klopt het dat …?", "is het waar dat …?", "ik hoorde dat …, klopt dat?"
_CHECKS_PREMISE_RE = re.compile(r"\bklopt (het|dat|dit)\b|\bis (het|dat) waar\b|\b(hoorde|las|gelezen|gehoord) dat\b", re.I)


# Opposites of degree: a yes/no question about one ("lager advies") is not answered by the other.
_DEGREE_WORDS = frozenset({"meer", "minder", "hoger", "lager", "groter", "kleiner", "hoog", "laag", "groot", "klein"})


def yes_no_opposites(word: str, lexicon: Lexicon) -> FrozenSet[str]:
    """The documents' words that answer a yes/no question about `word` by their opposite
    ("verdwijnen" -> "blijven"), none for a word of degree."""
    return frozenset() if word in _DEGREE_WORDS else lexicon.opposites.get(word, frozenset())


def checks_premise(text: str) -> bool:
    """Does the question check something the user heard ("klopt het dat …", "ik hoorde dat …")?"""
    return bool(_CHECKS_PREMISE_RE.search(text))
# Words of applying say how to apply only in a question that asks so ("hoe meld ik me aan?"); in
# "hoeveel basisscholen zijn aangemeld bij NCO?" being signed up is the subject.
_PROCEDURE_TERMS = {"aanvragen", "aanvraag", "aanmelden"}
# ... and in "wanneer moet ik de tegemoetkoming aanvragen?" the request is the event whose date is
# asked (the engine wants a sentence that dates it, as it does for a verb); so is paying, also when an
# English question's "paid out" / "pay" was translated ("when will the compensation be paid out?")
DATED_EVENTS = _PROCEDURE_TERMS | {"uitbetalen", "betalen"}
# How long something runs is asked by its answer type ("tot wanneer loopt …", "hoe lang duurt …").
_RUN_VERBS = {"lopen", "duren"}

# ... of which these also head a phrase ("stage lopen *in* een andere sector"): a particle only
# where they end the clause.
# A student's "ik studeer geneeskunde en …" states the profile (the sector is read from it); the
# verb is not the subject of the question that follows. Only the finite verb right after "ik".
_PROFILE_VERBS = {"studeer": "ik"}
# "ik werk bij een universitaire lerarenopleiding, …" states the profile too, where it names a
# sector ("ik werk op een klein dorpsschooltje, …" may be what is asked about).
_WORK_VERBS = {"werk"}
PROFILE_SPAN = 4


def _names_sector(tokens: List[str], lexicon: Lexicon) -> bool:
    return any(t in lexicon.sector_words for t in tokens) \
        or any(_match_phrase(tokens, at, lexicon.sector_phrases)[1] for at in range(len(tokens)))


_PREPOSITIONS = {"aan", "af", "bij", "door", "in", "na", "op", "over", "uit", "voor"}
_CLAUSE_END_RE = re.compile(r"[,.?!;:]")


def _clauses(text: str, tokens: List[str]):
    """(position of the first token, the clause's tokens) for each clause of `text`; `tokens` are
    the text's normalised words, in order."""
    position = 0
    for clause in _CLAUSE_END_RE.split(text):
        size = len(words(clause))
        yield position, tokens[position:position + size]
        position += size


# A clause that tells the user's situation opens with a first-person word and asks nothing itself.
_SITUATION_OPENERS = {"ik", "mijn", "m'n", "mn", "wij", "we", "ons", "onze"}


# The people of the user's own life, named after "mijn"/"onze" ("loopt *mijn dochter* achter met
# rekenen?"): they tell who is asked about, wherever the clause; what is asked is the rest.
_OWN_PEOPLE = {"zoon", "zoontje", "dochter", "dochtertje", "kind", "kindje", "kinderen", "moeder", "vader", "man",
               "vrouw", "partner", "broer", "broertje", "zus", "zusje", "oma", "opa", "kleinkind", "kleinzoon",
               "kleindochter", "neef", "nicht", "vriend", "vriendin"}
_POSSESSIVES = {"mijn", "m'n", "mn", "onze", "ons"}


_POINTERS = {"die", "dat", "dit", "deze", "hem", "hij", "ze", "zij", "ie", "'m", "eraan", "ervoor", "ermee", "erbij",
             "erover", "erop", "ervan", "erin"}


def _situation_positions(text: str, tokens: List[str]) -> Set[int]:
    """Positions of the words in clauses that tell the user's situation, when a later clause asks
    the question: "ik werk op een klein dorpsschooltje, zijn de achterstanden op kleine scholen
    groter?", "mijn zoon zit al een jaar thuis, wordt er iets gedaan voor zulke kinderen?"."""
    clauses = [(position, clause) for position, clause in _clauses(text, tokens) if clause]
    if clauses and any(w in _POINTERS or w.startswith("daar") for w in clauses[-1][1]):
        return set()  # "mijn paspoort verloopt, hoe verleng ik *die*?": what it asks about is told before
    # ("ik ben uitwisselingsstudent, krijg ik *ook* korting?": whether it holds for the group the user
    # names is what is asked; the documents not naming that group is the answer's first line)
    asks_also = "ook" in clauses[-1][1] if clauses else False
    found: Set[int] = set()
    for position, clause in clauses[:-1]:
        if asks_also and any(w.endswith(PERSON_WORDS) for w in clause):
            continue
        if clause[0] in _SITUATION_OPENERS and not _QUESTION_WORD_RE.search(" ".join(clause)):
            found.update(range(position, position + len(clause)))
    return found


def _own_people_positions(tokens: List[str]) -> Set[int]:
    """Positions of the people of the user's life and their "mijn"/"onze" ("loopt *mijn dochter*
    achter met rekenen?", "*mijn zoon* zit in de brugklas, hoeveel vertraging heeft hij …?")."""
    return {i + step for i, (word, after) in enumerate(zip(tokens, tokens[1:]))
            if word in _POSSESSIVES and after in _OWN_PEOPLE for step in (0, 1)}


def _source_positions(tokens: List[str]) -> Set[int]:
    """The position of who said it, after "volgens" ("hoe ver achter zijn vmbo-leerlingen met lezen
    volgens *cito*?", "volgens de *inspectie*"): it may help find the sentence, but a sentence
    without it still answers what is asked."""
    found: Set[int] = set()
    for i, word in enumerate(tokens[:-1]):
        if word == "volgens":
            at = i + 2 if tokens[i + 1] in ("de", "het", "een") else i + 1
            if at < len(tokens):
                found.add(at)
    return found


# "zegt de minister nou dat …?", "wat vindt het kabinet van …?": the letter is the minister speaking ("ik",
# "wij"), so who says it is every sentence's speaker and names no subject
_SAYING = {"zegt", "zeggen", "zei", "zeiden", "schrijft", "schrijven", "schreef", "vindt", "vinden", "vond",
           "denkt", "denken", "dacht", "stelt", "meldt", "beweert"}
_SPEAKERS = {"minister", "ministers", "staatssecretaris", "bewindspersoon", "bewindspersonen", "kabinet",
             "regering", "ministerie"}


def _speaker_positions(tokens: List[str]) -> Set[int]:
    """The positions of the letter's speaker and the verb of saying beside it ("*zegt* de *minister* dat …")."""
    found: Set[int] = set()
    for i, word in enumerate(tokens):
        if word not in _SPEAKERS:
            continue
        before = i - 2 if i >= 2 and tokens[i - 1] in ("de", "het") else i - 1
        if before >= 0 and tokens[before] in _SAYING:
            found |= {before, i}
        elif i + 1 < len(tokens) and tokens[i + 1] in _SAYING:
            found |= {i, i + 1}
    return found


def asked_part(text: str) -> str:
    """The question without the clauses that tell the user's situation ("mijn bsn is … en mijn mail
    is …, krijg ik korting op collegegeld?" -> "krijg ik korting op collegegeld?")."""
    surfaces = words(text)
    lowered = [w.lower() for w in surfaces]
    told = _situation_positions(text, lowered) | _own_people_positions(lowered)
    if not told:
        return text
    return " ".join(w for i, w in enumerate(surfaces) if i not in told) + ("?" if text.rstrip().endswith("?") else "")


def _split_phrases(text: str, tokens: List[str], lexicon: Lexicon) -> dict:
    """{index: the lexicon word, or "" for a word used up} for a two-word lexicon phrase with a verb
    whose words stand apart in one clause: "betaal ik dit jaar *minder*" is "minder betalen"."""
    found: dict = {}
    for position, clause_lemmas in _clauses(text, tokens):
        for phrase, head in lexicon.phrases.items():
            if len(phrase) != 2 or not any(p.endswith("en") and len(p) > 4 for p in phrase):
                continue
            if phrase[0] in clause_lemmas and phrase[1] in clause_lemmas:
                first, second = clause_lemmas.index(phrase[0]), clause_lemmas.index(phrase[1])
                if abs(first - second) > 1 and position + first not in found and position + second not in found:
                    found[position + min(first, second)] = head
                    found[position + max(first, second)] = ""
    return found


def separable_verbs(text: str, lexicon: Lexicon, infinitives: bool = False) -> dict:
    """{index of a verb's word: the lexicon word it forms with a particle later in its clause}; the
    particle's index maps to "" (used up). The particle nearest the clause's end is tried first:
    in "lopen kinderen in po nog achter" it is "achter", not the preposition "in". With
    `infinitives` (a question's words) also "in te halen" -> "inhalen"; the documents' own "in te
    lopen" stay as written (joined there, they matched more sentences and lowered the word's weight
    for every question: dev lost two answers)."""
    found = {}
    for position, clause_words in _clauses(text, [w.lower() for w in words(text)]):
        # The infinitive with "te" puts the particle first: "om de achterstand *in te halen*",
        # "het geld *uit te geven*" are "inhalen", "uitgeven".
        for verb, joined in (te_infinitives(clause_words).items() if infinitives else ()):
            if joined in lexicon.groups:
                found.update({position + verb - 2: "", position + verb: joined})
        done = False
        for end in range(len(clause_words) - 1, 0, -1):
            if clause_words[end] not in PARTICLES or (clause_words[end] in _PREPOSITIONS
                                                        and end < len(clause_words) - 1):
                continue
            for offset, word in enumerate(clause_words[:end]):
                joined = lemma(clause_words[end] + word)
                if joined in lexicon.groups and position + offset not in found and position + end not in found:
                    found[position + offset] = joined
                    found[position + end] = ""
                    done = True
                    break
            if done:
                break
    return found


# "wat bedoelen ze met de kernvakken?", "wat wordt verstaan onder nazorg?": the verb asks what a word
# means; the word is the subject.
_MEANING_VERBS = {"bedoelen", "verstaan"}
_MEANING_QUESTION_RE = re.compile(r"\bwat\b.*\b(bedoel\w*|versta\w*)\b.*\b(met|onder)\b", re.I)


# "hoeveel krijgen de lerarenopleidingen bovenop de 516 miljoen?": an amount the question sets aside
# is no topic of it (the answer is another amount: "nog eens tweemaal € 38 miljoen"); the question's
# text keeps it, so that a sentence giving only that amount still does not answer.
_SET_ASIDE_AMOUNT_RE = re.compile(
    r"\b(?:bovenop|naast|behalve|buiten|exclusief)\s+(?:(?:de|het|die|dat|deze)\s+)?(?:€|eur|euro)?\s*\d[\d.,]*"
    r"(?:\s*(?:miljoen|miljard|euro|procent|%))?", re.IGNORECASE)


def _after_which(tokens: List[str], i: int) -> bool:
    """Does the word at `i` follow "welk(e)" or "wat voor" ("in welke functie", "wat voor rol")?"""
    return (i >= 1 and tokens[i - 1] in ("welk", "welke")) or (i >= 2 and tokens[i - 2:i] == ["wat", "voor"])


# "wat gebeurt er als de mr nog niet heeft ingestemd?", "… de instellingen die hun plan nog niet af
# hadden?": what is not yet done is asked about; a sentence that says so ("Waar dat nog niet gebeurd
# was … zal het alsnog gebeuren", "… was nog niet aangeleverd") holds it as the word NOT_YET.
NOT_YET = "nog niet"
NOT_YET_QUESTION_RE = re.compile(r"\bnog (?:niet|geen)\b", re.I)
NOT_YET_SENTENCE_RE = re.compile(r"\bnog (?:niet|geen)\b|\balsnog\b", re.I)


def _analyse(text: str, lexicon: Lexicon) -> Question:
    asked = text
    text = _SET_ASIDE_AMOUNT_RE.sub(" ", text)
    surfaces = words(text)
    meaning_asked = bool(_MEANING_QUESTION_RE.search(text))
    tokens = [lemma(w) for w in surfaces]
    kind = answer_type(text)
    concepts: List[Concept] = []
    sectors: List[str] = []
    passed: List[str] = []
    seen = set()
    programme: List[Concept] = []

    lowered = [w.lower() for w in surfaces]
    situation = _situation_positions(text, lowered) | _own_people_positions(lowered) | _source_positions(lowered)
    speakers = _speaker_positions(lowered)

    def add(concept: Concept) -> None:
        told = start in situation
        if concept.word in seen:
            if not told:  # (named again where the question asks: not only the situation)
                concepts[:] = [replace(c, situation=False) if c.word == concept.word else c for c in concepts]
        elif len(concepts) < MAX_CONCEPTS:
            seen.add(concept.word)
            concepts.append(replace(concept, situation=told) if told else concept)

    contact = _ASKS_CONTACT_RE.search(text)
    asks_contact = contact.group(8).lower() if contact else None
    separable = {**_split_phrases(text, tokens, lexicon), **separable_verbs(text, lexicon, infinitives=True)}
    i = 0
    while i < len(tokens):
        start = i
        if i in separable:
            if separable[i]:
                add(Concept(separable[i], surfaces[i], lexicon.alternatives(separable[i])))
            i += 1
            continue
        # "leerlingen *na de basisschool*": the school left behind, not the sector asked about
        after_a_stage = (i >= 1 and tokens[i - 1] == "na") or (i >= 2 and tokens[i - 1] in ("de", "het")
                                                               and tokens[i - 2] == "na")
        size, sector = _match_phrase(tokens, i, lexicon.sector_phrases)
        if sector and after_a_stage:
            passed.append(sector)
            i += size
            continue
        if sector:
            sectors.append(sector)
            add(_sector_concept(sector, " ".join(surfaces[i:i + size])))
            i += size
            continue
        if i in speakers:
            i += 1
            continue
        size, head = _match_phrase(tokens, i, lexicon.phrases)
        if head and kind in _FIGURE_KINDS and tokens[i:i + size] == ["dit", "jaar"]:
            # "wat is het slagingspercentage dit jaar?": a figure of the letter's own year, not one about
            # the study year ("dit jaar" is "dit studiejaar" where something holds for it: the halving)
            i += size
            continue
        if head:
            add(Concept(head, " ".join(surfaces[i:i + size]), lexicon.alternatives(head)))
            i += size
            continue
        token, surface = tokens[i], surfaces[i]
        i += 1
        if surface.lower() in _PROFILE_VERBS and i >= 2 and surfaces[i - 2].lower() == _PROFILE_VERBS[surface.lower()]:
            continue  # "ik studeer geneeskunde en …": who asks, not what
        if i >= 2 and surfaces[i - 2].lower() in _SOMETHING and surface.lower().endswith("s") and len(surface) > 3:
            continue  # "moeite met iets specifieks", "niets nieuws": a placeholder, not a subject
        if surface.lower() in _WORK_VERBS and i >= 2 and surfaces[i - 2].lower() == "ik" \
                and _names_sector(tokens[i:i + PROFILE_SPAN], lexicon):
            continue  # "ik werk bij een roc als loopbaanbegeleider": who asks (where a sector is named)
        # "Hoeveel geld krijgt een gemeente?" asks what one gets: a rate too.
        one_receiver = token == "een" and kind == "amount" and i >= 2 and tokens[i - 2] in _RECEIVE \
            and "per" not in tokens \
            and not _counts_other_than_money(tokens[:i - 2])
        if token in _ONESELF and kind == "amount" and i >= 2 and "per" not in tokens \
                and (tokens[i - 2] in _RECEIVE or (tokens[i - 2] in _MODALS and _RECEIVE & set(tokens[i:]))) \
                and not _counts_other_than_money(tokens[:i - 2]):
            # "hoeveel tegemoetkoming krijg ik?", "hoeveel krijg je dan?": what one person gets, which a
            # total for all of them ("130.000 studenten … in totaal circa € 50 miljoen") does not say
            add(Concept("per persoon", "per persoon", _PER_PERSON, "rate"))
            continue
        # ("hoeveel krijgt een gemeente per inwoner": the rate is named; "hoeveel studenten kregen een
        # tegemoetkoming": the students are counted, and "een tegemoetkoming" is what they got)
        if token == "per" and i < len(tokens) and tokens[i] in _PER_ADVERBS:
            i += 1
            continue
        rate = token == "per" or (token in _EACH and kind in ("amount", "number", "percentage")) or one_receiver
        unit = i
        while rate and unit < len(tokens) and tokens[unit] in lexicon.generic:
            unit += 1  # "elke afzonderlijke school"
        if rate and unit < len(tokens) and not is_stop_word(tokens[unit]) and not tokens[unit].isdigit():
            # "per leerling", "per gemeente": only a rate answers it, not any sentence about pupils
            noun, surface_noun = tokens[unit], surfaces[unit]
            nouns = set(lexicon.alternatives(noun))
            if "-" in noun and noun in lexicon.sector_words:
                nouns |= lexicon.alternatives(noun.rsplit("-", 1)[1])  # "per mbo-student" is also "per student"
            elif noun in lexicon.sector_words and unit + 1 < len(tokens) and not is_stop_word(tokens[unit + 1]) \
                    and tokens[unit + 1] not in lexicon.programme_names:
                # "elke mbo school": per school (of the mbo), not "per mbo"
                # (not "elke universiteit npo", the gloss of "each university get from the NPO": per university)
                noun, surface_noun = tokens[unit + 1], f"{surfaces[unit]} {surfaces[unit + 1]}"
                nouns = set(lexicon.alternatives(noun))
            add(Concept(f"per {noun}", f"per {surface_noun}", frozenset(f"per {alt}" for alt in nouns), "rate"))
            continue
        if token in _YEARLY and kind in ("amount", "number"):
            # "welk bedrag is er jaarlijks?" asks for a rate, like "per jaar"
            add(Concept("per jaar", surface, frozenset({"per jaar"}), "rate"))
        elif token in lexicon.sector_words and after_a_stage:
            passed.append(lexicon.sector_words[token])
            continue
        elif token in lexicon.sector_words:
            sector = lexicon.sector_words[token]
            sectors.append(sector)
            add(_sector_concept(sector, surface))
            if token in lexicon.sector_subjects:
                # ("komen er meer bbl studenten bij?": the BBL is what is asked about, not only where)
                add(Concept(token, surface, lexicon.alternatives(token)))
        elif "-" in token and token.split("-", 1)[0] in lexicon.sector_words and len(token.split("-", 1)[1]) >= 4:
            # "vo-scholen", "hbo-docenten": the sector is asked about (the word itself stays the topic)
            sector = lexicon.sector_words[token.split("-", 1)[0]]
            sectors.append(sector)
            add(_sector_concept(sector, surface))
            add(Concept(token, surface, lexicon.alternatives(token)))
        elif token in lexicon.programme:
            if token not in {c.word for c in programme}:
                programme.append(Concept(token, surface, lexicon.alternatives(token)))
        elif len(token) < 2 or is_stop_word(token) or (token in lexicon.typed_terms and not (
                token in _PROCEDURE_TERMS and kind != "procedure")) \
                or (token in _MEANING_VERBS and meaning_asked) \
                or (token in lexicon.generic and not (asks_contact and surface.lower() == asks_contact)
                    and not (token in _IDENTITY_WORDS and not _told_own(tokens, i - 1))) \
                or (kind and token in _ASKED_KIND_NOUNS and i >= 2 and tokens[i - 2] in ("welk", "welke")) \
                or (token in SIZE_WORDS and i >= 2 and tokens[i - 2] == "hoe"
                    and (kind == "number" or (i < len(surfaces) and surfaces[i].lower() in _SIZE_VERBS))) \
                or (token in lexicon.judgements and re.search(r"ste?$", surface.lower())) \
                or (token in _RUN_VERBS and kind in ("date", "duration")) \
                or (token in _EVIDENCE_WORDS and kind == "evidence") \
                or (token == "tijd" and kind in ("date", "duration")):  # "tot wanneer *loopt* het NPO?", "… de *tijd* om …"
            continue
        elif token in lexicon.answer_kinds and _after_which(tokens, i - 1):
            # "in welke functie werken …?": the kind of answer asked, given by a sentence that need not
            # use the word ("werkt als onderwijsondersteunend personeel"); one without any of its
            # words does not give it (see gaps: a missing answer kind)
            add(Concept(token, surface, lexicon.alternatives(token) | lexicon.answer_kind_words(token)))
        elif re.fullmatch(r"\d+(e|ste|de)", token):
            continue  # ordinals ("mijn 2e jaar") say when, not what
        elif token.isdigit():
            add(Concept(token, surface, frozenset((token,)), "number"))
        else:
            add(Concept(token, surface, lexicon.alternatives(token)))
    if NOT_YET_QUESTION_RE.search(text) and any(c.kind == "topic" for c in concepts):
        start = -1
        add(Concept(NOT_YET, "nog niet", frozenset({NOT_YET})))
    topics = [c for c in concepts if c.kind == "topic"]
    if kind == "date" and topics and all(c.word in lexicon.programme_start for c in topics) \
            and any(c.word in lexicon.programme_names | {"nationaal", "programma"} for c in programme):
        # "wanneer is het npo gestart?": the programme's start is the day it was presented
        concepts[:] = [replace(c, alternatives=frozenset({"presenteren"})) if c.kind == "topic" else c
                       for c in concepts]
    if not any(c.kind == "topic" for c in concepts):
        named = [c for c in programme if c.word in lexicon.programme_names | {"nationaal", "programma"}]
        if named:  # the programme itself is the subject ("wat is het NPO?", "wat houdt het NP Onderwijs in?")
            add(Concept(named[0].word, " ".join(c.surface for c in programme), lexicon.programme_names))
        else:  # the documents ("waar gaat de brief over?")
            for concept in programme:
                add(concept)
    # "om nu *in te grijpen*": a particle verb no lexicon group joins (see separable_verbs) may be that
    # verb with its particle in the documents ("Indien er nu niet wordt ingegrepen"); the bare verb stays
    # the word, for the documents' own "aan te bieden" is read as "bieden"
    with_particle = {lemma(surfaces[k]): joined for k, joined in te_infinitives(lowered).items()
                     if joined not in lexicon.groups}
    if with_particle:
        concepts[:] = [replace(c, particle_form=with_particle[c.word])
                       if c.kind == "topic" and c.word in with_particle else c for c in concepts]
    unique_sectors = tuple(dict.fromkeys(sectors))
    # "ik hoorde dat de menukaart verdwijnt, klopt dat?": the documents may say the opposite ("blijft
    # beschikbaar"); that sentence is what answers it. So does a yes/no question whose verb has one
    # ("verdwijnt de menukaart na het programma?"), but not for a comparison: "gaven scholen een lager
    # advies?" is not answered by a "hoger toetsadvies".
    opposites = (lambda word: lexicon.opposites.get(word, frozenset())) if _CHECKS_PREMISE_RE.search(text) \
        else (lambda word: yes_no_opposites(word, lexicon)) \
        if _VERB_FIRST_RE.match(text) and not _QUESTION_WORD_RE.search(text) else None
    if opposites is not None:
        concepts = [replace(c, alternatives=c.alternatives | opposites(c.word)) if c.kind == "topic" else c
                    for c in concepts]
    return Question(asked, tuple(concepts), kind, unique_sectors, looks_like_question(asked),
                    passed_sectors=tuple(s for s in dict.fromkeys(passed) if s not in unique_sectors))
