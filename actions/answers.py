"""Compose the bot's reply from what the answer engine decides.

The engine (`knowledge.engine`) ranks the whole knowledge base and says what kind of reply fits:
an answer, a near miss ("the documents do not name that"), unknown, or a list. This module turns
that into lines with their citations, for the user's profile and the dialogue so far. Pure
functions: no Rasa objects, so they are easy to test and the action classes stay thin.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Dict, Iterable, List, Optional, Tuple

from actions import facts_en, record, texts, texts_en
from actions.follow_ups import read_in_context
from knowledge import SECTORS, Citation, Result, format_citations, versions
from knowledge.citation import date_text
from knowledge.engine import ANSWER_THRESHOLD, wanted_types
from knowledge.normalize import words
from knowledge.question import QUESTION_WORDS
from knowledge.question_forms import (ADVICE_REQUEST_RE, LIST_WORDS, OWN_LIFE_RE, SELF_DESCRIPTION_RE, TASK_REQUEST_RE, WHAT_RE,
                                      subject_words, theme_number)
from knowledge.english import analyse_in, dutch_text

PAGE_SIZE = 5
MAX_SENTENCE_CHARS = 400
MAX_EXAMPLE_CHARS = 240

STUDENT_SECTORS = ("mbo", "hbo", "wo", "ho")
ADVISOR_SECTORS = ("mbo", "hbo", "wo", "ho", "lerarenopleiding", "geneeskunde")
# Programmes the advisor offers beside the sectors, when the keuzelijst has themes for them.
ADVISOR_PROGRAMMES = ("lerarenopleiding",)
STUDENT_SCHEMES = (
    "halvering_collegegeld",
    "compensatie_beurs",
    "compensatie_studievertraging",
    "reisrecht",
)

# What an intent (or an entity) tells the ranking: the curated topics it is probably about.
# A prior only: the engine still ranks the whole knowledge base.
INTENT_TOPICS: Dict[str, Tuple[str, ...]] = {
    "ask_tuition": ("halvering_collegegeld",),
    "ask_grant_compensation": ("compensatie_beurs",),
    "ask_delay_compensation": ("compensatie_studievertraging",),
    "ask_travel_right": ("reisrecht",),
    "ask_budget": ("budget",),
    "ask_budget_rules": ("niet_limitatief", "uitloop", "verantwoording", "medezeggenschap"),
    "ask_third_parties": ("derden_scholen", "derden_instellingen"),
    "ask_progress": ("prioriteiten", "besteding"),
    "ask_staff_shortage": ("personeelstekort",),
    "ask_menukaart": ("menukaart",),
    "ask_learning_delays": ("leervertragingen",),
    "ask_arbeidsmarkttoelage": ("arbeidsmarkttoelage",),
    "ask_nco": ("nco",),
    "ask_thuiszitters": ("thuiszitters",),
    "ask_school_advice": ("schooladvies",),
    "ask_programme": ("programma",),
    "ask_letter": ("brief",),
}
ENTITY_TOPICS = {
    "halvering_collegegeld": "halvering_collegegeld",
    "compensatie_beurs": "compensatie_beurs",
    "compensatie_studievertraging": "compensatie_studievertraging",
    "reisrecht": "reisrecht",
    "niet_limitatief": "niet_limitatief",
    "uitloop": "uitloop",
    "verantwoording": "verantwoording",
    "medezeggenschap": "medezeggenschap",
}


@dataclass(frozen=True)
class Context:
    """What the bot knows when it answers: the question and the user's profile."""

    intent: str
    text: str = ""
    sector: Optional[str] = None
    role: Optional[str] = None
    theme: Optional[str] = None
    scheme: Optional[str] = None
    budget_rule: Optional[str] = None
    year: Optional[str] = None
    language: str = "nl"            # the conversation's language (actions.language)


@dataclass
class Item:
    """One line (or bullet) of an answer and where it comes from."""

    text: str
    cite: Optional[Citation] = None


@dataclass
class Answer:
    intro: Optional[str] = None
    items: List[Item] = field(default_factory=list)
    buttons: List[Tuple[str, str]] = field(default_factory=list)  # (title, payload)
    page_size: int = PAGE_SIZE
    # The question to repeat for follow-ups ("en voor het wo?"); None keeps the previous one.
    question: Optional[str] = None
    # What sort of reply this is, for the operators' report (actions.record).
    kind: str = record.ANSWERED
    language: str = "nl"
    # A line after the shown items (an English answer's numbers and dates in English).
    outro: Optional[str] = None

    @property
    def shown(self) -> List[Item]:
        return self.items[: self.page_size]

    @property
    def remaining(self) -> List[Item]:
        return self.items[self.page_size :]


# --------------------------------------------------------------------------- formatting

def texts_for(language: Optional[str]):
    """The module with the bot's own sentences in a language (Dutch unless "en")."""
    return texts_en if language == "en" else texts


def shorten(text: str, limit: int) -> str:
    """Cut at a sentence end (or word) before `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    end = max(cut.rfind(". "), cut.rfind("; "))
    if end > limit // 2:
        return cut[: end + 1]
    return cut[: cut.rfind(" ")].rstrip(",;:") + " …"


def render(answer: Answer) -> Tuple[str, List[Item]]:
    """The message text for the first page, and the items left for "meer"."""
    t = texts_for(answer.language)
    shown = answer.shown
    lines = [answer.intro] if answer.intro else []
    lines += [item.text for item in shown]
    if answer.outro:
        lines.append(answer.outro)
    if answer.remaining:
        lines.append(t.MORE_QUESTION)
    source = format_citations((item.cite for item in shown), answer.language)
    if source:
        lines.append(t.SOURCE_PREFIX + source)
    return "\n".join(lines), answer.remaining


def sector_name(sector: Optional[str], language: str = "nl") -> str:
    return texts_for(language).SECTOR_NAMES.get(sector or "", sector or "")


def _bullet(text: str) -> str:
    return texts.BULLET + text


def _unit_item(unit) -> Item:
    if unit.kind == "action":
        return Item(_bullet(shorten(unit.text, MAX_SENTENCE_CHARS)), unit.cite)
    return Item(shorten(unit.text, MAX_SENTENCE_CHARS), unit.cite)


def sector_list(sectors: Iterable[str], language: str = "nl") -> str:
    """"het mbo, hbo en wo"."""
    return texts_for(language).listing([sector_name(s, language) for s in sectors])


# --------------------------------------------------------------------------- what the wording says
# about the documents: counts, sectors and periods come from the knowledge base, never from texts.

def _in_sector_order(named: Iterable[str]) -> List[str]:
    named = set(named)
    return [s for s in SECTORS if s in named]


def keuzelijst_sectors(kb) -> List[str]:
    """The sectors the keuzelijst's themes are for."""
    return _in_sector_order(s for theme in kb.themes() for s in theme.sectors)


def student_sectors(kb) -> List[str]:
    """The sectors the student schemes name."""
    topics = [kb.topic(key) for key in STUDENT_SCHEMES]
    return _in_sector_order(s for topic in topics if topic for quote in topic.quotes for s in quote.sectors)


def advisor_sectors(kb) -> List[str]:
    """What the institution advisor offers: the keuzelijst's sectors and the programmes it has themes for."""
    return keuzelijst_sectors(kb) + [p for p in ADVISOR_PROGRAMMES if kb.themes(p)]


def sector_buttons(sectors: Iterable[str], language: str = "nl") -> List[Tuple[str, str]]:
    """(title, sector) quick replies."""
    return [(texts_for(language).SECTOR_BUTTONS.get(s, s), s) for s in sectors]


def grant_period(kb) -> Optional[str]:
    """When the student grants stop, as the scheme's own sentence says it."""
    topic = kb.topic("compensatie_beurs")
    if topic is None or not topic.quotes:
        return None
    return next((d.text for d in kb.dates() if d.sentence == topic.quotes[0].text), None)


def ask_has_grant(kb, language: str = "nl") -> str:
    t = texts_for(language)
    period = grant_period(kb)
    if period and language == "en":
        period = facts_en.date_in_english(period) or period
    return t.ASK_HAS_GRANT.format(period=period) if period else t.ASK_HAS_GRANT_NO_PERIOD


def invalid_student_sector(kb, language: str = "nl") -> str:
    t = texts_for(language)
    sectors = student_sectors(kb)
    return t.INVALID_STUDENT_SECTOR.format(sectors=sector_list(sectors, language), count=t.count(len(sectors)))


def invalid_advisor_sector(kb, language: str = "nl") -> str:
    return texts_for(language).INVALID_ADVISOR_SECTOR.format(sectors=sector_list(advisor_sectors(kb), language))


def act_reply(kb, act: str, language: str = "nl") -> Tuple[str, List[Tuple[str, str]]]:
    """The reply to a dialogue act (greeting, help ...): its text and quick replies."""
    t = texts_for(language)
    text, buttons = t.ACT_REPLIES[act]
    documents = t.listing([f"{d['title']} ({date_text(d['date'], language)})" for d in kb.documents.values()])
    return text.format(theme_count=t.count(len(kb.themes())), documents=documents), list(buttons)


# --------------------------------------------------------------------------- lists

def _theme_line(theme, language: str = "nl") -> str:
    return texts_for(language).THEME_LINE.format(number=theme.number, title=theme.title,
                                                 sectors=texts_for(language).listing(theme.sectors))


def _theme_buttons(themes, language: str = "nl") -> List[Tuple[str, str]]:
    button = texts_for(language).THEME_BUTTON
    return [(button.format(number=t.number, title=t.title), '/ask_actions{"theme":"%d"}' % t.number) for t in themes]


def _action_item(action) -> Item:
    text = _bullet(action.text)
    if action.examples:
        example = action.examples
        if not example.lower().startswith(texts.EXAMPLE_PREFIX.strip(" :").lower()):
            example = texts.EXAMPLE_PREFIX + example
        text += "\n  " + shorten(example, MAX_EXAMPLE_CHARS)
    return Item(text, action.cite)


def answer_themes(kb, sector: Optional[str], language: str = "nl") -> Answer:
    t = texts_for(language)
    themes = kb.themes(sector)
    if not themes:
        intro = t.THEMES_NONE_FOR_SECTOR.format(sectors=sector_list(keuzelijst_sectors(kb), language),
                                                sector=sector_name(sector, language))
        return Answer(intro=intro, items=topic_items(kb, "menukaart", None)[:1], language=language)
    for_sector = t.FOR_SECTOR.format(sector=sector_name(sector, language)) if sector else ""
    return Answer(
        intro=t.THEMES_INTRO.format(themes=t.THEME_COUNT[len(themes) != 1].format(n=len(themes)), for_sector=for_sector),
        items=[Item(_theme_line(theme, language), theme.cite) for theme in themes],
        buttons=_theme_buttons(themes, language),
        page_size=len(themes),
        language=language,
    )


def parse_theme(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    match = re.search(r"[1-9]", str(value))
    return int(match.group()) if match else None


def answer_actions(kb, number: Optional[int], sector: Optional[str], language: str = "nl") -> Answer:
    t = texts_for(language)
    if number is None:
        themes = kb.themes(sector)
        if not themes:
            return answer_themes(kb, sector, language)
        return Answer(intro=t.ACTIONS_WHICH_THEME, buttons=_theme_buttons(themes, language), language=language)
    theme = kb.theme(number)
    if theme is None:
        return Answer(intro=t.INVALID_THEME.format(count=len(kb.themes())), language=language)
    if sector and number not in [th.number for th in kb.themes(sector)]:
        fitting = kb.themes(sector)
        return Answer(
            intro=t.ACTIONS_THEME_NOT_FOR_SECTOR.format(number=number, sector=sector_name(sector, language)),
            items=[Item(_theme_line(th, language), th.cite) for th in fitting],
            buttons=_theme_buttons(fitting, language),
            page_size=max(1, len(fitting)),
            language=language,
        )
    in_sector = sector and sector in theme.sectors
    for_sector = t.IN_SECTOR.format(sector=sector_name(sector, language)) if in_sector else ""
    return Answer(
        intro=t.ACTIONS_INTRO.format(number=number, title=theme.title, for_sector=for_sector),
        items=[_action_item(a) for a in kb.actions(theme=number)],
        language=language,
    )


# Deadlines first; bare years ("in 2020") last: they are the least useful on their own.
DATE_KIND_ORDER = ("deadline", "datum", "moment", "seizoen", "maand", "periode", "jaar")


def answer_dates(kb, language: str = "nl") -> Answer:
    seen, unique = set(), []
    for date in kb.dates():
        key = (date.text.lower(), date.sentence)
        if key not in seen:
            seen.add(key)
            unique.append(date)
    rank = {kind: i for i, kind in enumerate(DATE_KIND_ORDER)}
    ordered = sorted(unique, key=lambda d: rank.get(d.kind, len(rank)))
    items = [Item(_bullet(f"{_date_label(d, language)}: {shorten(d.sentence, 240)}"), d.cite) for d in ordered]
    return Answer(intro=texts_for(language).DATES_INTRO, items=items, language=language)


def _date_label(date, language: str = "nl") -> str:
    """A date as the documents write it, with the date it means when it is relative ("dit
    studiejaar (2021/2022)"); in English followed by its English wording when known."""
    label = texts.RELATIVE_DATE.format(written=date.text, absolute=date.resolved) if date.resolved else date.text
    english = facts_en.date_in_english(date.text) if language == "en" else None
    return f"{label} ({english})" if english else label


# --------------------------------------------------------------------------- engine replies

def _near_miss_intro(result: Result, language: str = "nl") -> str:
    t = texts_for(language)
    noun = t.TYPE_NOUNS.get(result.missing_type or "")
    if result.missing_rate:  # the most specific thing asked
        return (t.NEAR_MISS_RATE_TYPE.format(noun=noun, rate=result.missing_rate) if noun
                else t.NEAR_MISS_RATE.format(rate=result.missing_rate))
    if result.other_sector:
        return t.NEAR_MISS_SECTOR.format(sector=sector_name(result.other_sector, language))
    missing = ", ".join(f"‘{m}’" for m in result.missing)
    if noun and missing:
        return t.NEAR_MISS_TYPE_AND_WORDS.format(noun=noun, words=missing)
    if noun:
        return t.NEAR_MISS_TYPE.format(noun=noun)
    if missing:
        return t.NEAR_MISS_WORDS.format(words=missing)
    return t.NEAR_MISS_PLAIN


def _with_years(text: str, iso_date: str) -> str:
    """Relative dates in a statement with the date they mean in its document (inside the
    documents' Dutch, so in Dutch in either language)."""
    date = dt.date.fromisoformat(iso_date) if iso_date else None
    for written, absolute in versions.relative_dates(text, date):
        text = text.replace(written, texts.RELATIVE_DATE.format(written=written, absolute=absolute), 1)
    return text


def dated_items(kb, result: Result, language: str = "nl") -> List[Item]:
    """The answer's units as items: newest document first where documents disagree (the older
    statement marked as replaced), relative dates with the date they mean."""
    t = texts_for(language)
    candidates = [s.unit for s in result.ranked if s.coverage >= ANSWER_THRESHOLD]
    wanted = frozenset(wanted_types(result.question))
    ordered = versions.newest_first(result.shown, candidates, kb.documents, wanted)
    disagree = any(v.superseded for v in ordered)
    items = []
    for index, v in enumerate(ordered):
        item = _unit_item(v.unit)
        item.text = _with_years(item.text, v.date)
        if disagree and (index == 0 or v.superseded):
            frame = t.VERSION_SUPERSEDED if v.superseded else t.VERSION_NEWEST
            document = t.DOCUMENT_NAMES.get(v.kind, t.DOCUMENT_NAME_OTHER)
            item.text = frame.format(document=document, date=date_text(v.date, language), text=item.text)
        items.append(item)
    return items


def dont_know(language: str = "nl") -> Answer:
    t = texts_for(language)
    return Answer(intro=t.DONT_KNOW, buttons=list(t.SUGGESTIONS), language=language, kind=record.FALLBACK)


def _fact_intro(kb, first, language: str) -> Optional[str]:
    """What introduces a fact: nothing in Dutch; in English, that the letter (or annex, by the
    document's kind) says it in Dutch."""
    t = texts_for(language)
    if first.kind == "action" and first.theme:
        return None  # the action intro names the theme
    kind = kb.documents.get(first.cite.document, {}).get("kind")
    return t.FACT_INTROS.get(kind, t.FACT_INTRO) or None


def from_result(kb, result: Result, question_text: str, language: str = "nl") -> Answer:
    """The reply for an engine decision."""
    t = texts_for(language)
    if result.kind == "themes":
        answer = answer_themes(kb, result.sector, language)
    elif result.kind == "actions":
        answer = answer_actions(kb, result.theme, result.sector, language)
    elif result.kind == "dates":
        answer = answer_dates(kb, language)
    elif result.kind == "answer":
        shown = dated_items(kb, result, language)
        first = result.shown[0]
        intro = _fact_intro(kb, first, language)
        if first.kind == "action" and first.theme:
            theme = kb.theme(first.theme)
            intro = t.ACTION_ANSWER_INTRO.format(number=first.theme, title=theme.title if theme else "")
        outro = facts_en.facts_line(kb, [u.text for u in result.shown]) if language == "en" else None
        answer = Answer(intro=intro, items=shown + [_unit_item(u) for u in result.more],
                        page_size=len(shown), language=language, outro=outro)
    elif result.kind == "near_miss":
        related = [_unit_item(u) for u in result.shown]
        intro = t.UNSURE if result.unsure else _near_miss_intro(result, language) + "\n" + t.RELATED_INTRO
        answer = Answer(intro=intro, items=related, page_size=len(related), language=language,
                        kind=record.UNSURE if result.unsure else record.NOT_IN_DOCUMENTS)
    else:
        return dont_know(language)
    answer.question = question_text
    return answer


# --------------------------------------------------------------------------- the dialogue


# The words of a request for the next page ("laat de rest zien", "volgende pagina", "show more").
# A message with any other word asks a question, whatever NLU called it: "and next year?" is no
# "next", "meer over stages" is about stages. tests/test_actions.py checks every "more" example
# of the NLU data against this list.
MORE_WORDS = frozenset({"actie", "ander", "aub", "doorgaan", "lijst", "more", "overig", "paar", "pagina",
                        "rest", "show", "toon", "tonen", "volgen", "volgend", "zien"})


def is_a_question(ctx: Context) -> bool:
    return analyse_in(ctx.text, ctx.language).is_question


# ("waar gaat de rest heen?" asks where the rest of the money goes; "hoe gaat de lijst verder?" is a request)
_ASKS_ELSEWHERE_RE = re.compile(r"\b(waar|waarheen|wanneer|waarom|hoeveel|wie|where|when|why|who|how much|how many)\b",
                                re.IGNORECASE)


def asks_for_more(text: str, language: str = "nl") -> bool:
    return not _ASKS_ELSEWHERE_RE.search(text or "") \
        and all(c.word in MORE_WORDS for c in analyse_in(text or "", language).concepts)




def prior_topics(ctx: Context) -> List[str]:
    topics = list(INTENT_TOPICS.get(ctx.intent, ()))
    for value in (ctx.scheme, ctx.budget_rule):
        if value in ENTITY_TOPICS:
            topics.append(ENTITY_TOPICS[value])
    return topics


# (one or more: "top, dank je. en hoe zit het met …?")
_SOCIAL_OPENING_RE = re.compile(r"^\W*(?:(bedankt|dank je( wel)?|dankjewel|dank u( wel)?|thanks|thank you|oké|oke|ok|okay|"
                                r"top|super|fijn|prima|helder|duidelijk|cool|great|nice|perfect)"
                                # ("bedankt en hoe lang?", "ok and when?": typed without a comma before "en/and")
                                r"(\s*[,.!]+\s+(?=\S)|\s+(?=(en|and|maar|but)\s+\S)))+", re.IGNORECASE)


# A message of this many words or fewer, without a question mark or question word, is typed as
# keywords ("coschappen mbo"): NLU's dialogue act is all that says what is asked.
KEYWORD_WORDS = 3


# "zijn de acties voor lerarenopleidingen ook voor het wo?": whether something holds for a group,
# which the documents answer in a sentence, not by a list ("welke acties zijn er ook voor het wo?" is one).
_FOR_WHOM_TOO_RE = re.compile(r"\b(?:ook|alleen|enkel|uitsluitend)\s+(?:voor|in|op|bij)\b", re.I)


def _asks_whether_for(text: str) -> bool:
    return bool(_FOR_WHOM_TOO_RE.search(text)) and not WHAT_RE.match(text)


def _typed_as_keywords(text: str) -> bool:
    found = words(text)
    return "?" not in text and len(found) <= KEYWORD_WORDS and not any(w.lower() in QUESTION_WORDS for w in found)


def respond(kb, ctx: Context, last_question: Optional[str] = None, new_details: bool = False,
            strict: bool = False) -> Optional[Answer]:
    """The reply to a message, or None when `strict` (a greeting, goodbye, out-of-scope message
    ...) and the message holds no question the documents answer: then the dialogue act's own
    response fits better."""
    engine = kb.engine()
    language = ctx.language
    # What the Dutch-side steps read: an English message in the glossary's Dutch words. The
    # question kept for follow-ups is that text, so a follow-up works across a language switch.
    # ("bedankt, en wat doen mbo scholen?": the thanks is said; what follows is the message)
    dutch = _SOCIAL_OPENING_RE.sub("", dutch_text(ctx.text, language), count=1)
    typed = _SOCIAL_OPENING_RE.sub("", ctx.text, count=1)
    reading = read_in_context(dutch, typed, last_question, language=language, intent=ctx.intent,
                              new_details=new_details, sector=ctx.sector,
                              theme=parse_theme(ctx.theme) or theme_number(dutch), dialogue_theme=parse_theme(ctx.theme),
                              engine=engine)
    text, question, theme, follow_up = reading.text, reading.question, reading.theme, reading.follow_up
    if not follow_up and ctx.sector in question.passed_sectors:
        # ("hoe lang volgen ze leerlingen na de basisschool?": NLU's sector entity, or the profile's,
        # is the stage left behind; what is asked is about the one after it)
        ctx = replace(ctx, sector=None)
    strict = strict and not reading.certain
    if ctx.intent == "ask_themes" and not question.topics:
        named = question.sectors
        answer = answer_themes(kb, named[0] if len(named) == 1 else None if named else ctx.sector, language)
        answer.question = text
        return answer
    # "Ik studeer in het hbo": noted. Only when this message gave the detail; a statement with
    # nothing to note ("mijn adres is …") is not confirmed as the profile said earlier.
    if ctx.intent == "inform" and not (follow_up or question.is_question) and new_details and (ctx.sector or ctx.role):
        return profile_noted(ctx)
    # (a message with no word left, "mijn adres is [adres]", asks for no list)
    list_only = subject_words(question) <= LIST_WORDS and bool(question.topics or question.sectors)
    # A list of actions without asking the engine only where nothing else is asked: a chosen theme's
    # button, keywords ("coschappen mbo") or "welke acties zijn er?". A question with a subject is
    # the engine's to decide: NLU reads thema 2 from "laptop" in "krijgen hbo-studenten ook een
    # laptop?", whose answer is that the devices are for the mbo, not theme 2's list for the hbo.
    if ctx.intent == "ask_actions" and (theme or list_only) and len(question.topics) <= 2 \
            and (list_only or ctx.text.startswith("/") or _typed_as_keywords(text)) \
            and not question.answer_type \
            and not _asks_whether_for(text):  # "hoeveel hbo-studenten hadden geen stageplaats?" asks one fact
        answer = answer_actions(kb, theme, question.sectors[0] if question.sectors else ctx.sector, language)
        answer.question = text
        return answer
    # A theme the message names ("thema 3"), the user chose or a follow-up changes to ("en welke voor
    # stages?" after the actions for welzijn) decides; one NLU read from a subject word of a question
    # ("stages" -> thema 3) only lifts that theme's units.
    named_theme = theme if theme_number(text) is not None or ctx.text.startswith("/") or follow_up else None
    result = engine.answer(text, sector=ctx.sector, prior_topics=prior_topics(ctx), question=question,
                           theme=named_theme, theme_hint=None if named_theme else theme)
    if strict and not _holds_a_question(ctx, question, result, engine):
        return None
    if not (follow_up or question.is_question) and new_details and (ctx.sector or ctx.role) \
            and (result.kind == "unknown" or (SELF_DESCRIPTION_RE.match(dutch) and len(question.topics) <= 1)):
        # ("hoi, ik ben docent in het mbo" tells who asks; one shared word with an action about
        # "docenturen" in the mbo is no question)
        return profile_noted(ctx)
    if not follow_up and (TASK_REQUEST_RE.search(typed) or ADVICE_REQUEST_RE.search(typed)) \
            and result.kind in ("answer", "near_miss") \
            and not (result.kind == "answer" and engine.clearly_about(result)):
        # "kun je mijn huiswerk voor wiskunde maken?", "can you do my maths homework?": a task for the
        # bot, not a question about the documents, nor is personal advice ("welke studie moet ik
        # kiezen?"); a sentence that shares "huiswerk(begeleiding)" or "recht" is no answer, and an
        # unsure or related fact with a source would present it as one
        return dont_know(language)
    # (a near miss for a kind of answer the documents lack - a procedure, a rate, another sector - found
    # its subject: "hoe moet mijn roc de nazorgsubsidie aanvragen?" shows the deadline; so did one whose
    # related fact holds a word of the domain: "Do I need a BSN to receive the tegemoetkoming?")
    shared = engine.shared_words(result)
    subject_found = result.kind == "near_miss" and not result.unsure \
        and (bool(result.missing_type or result.missing_rate or result.other_sector)
             or any(engine.in_lexicon(w) for w in shared or ()))
    if not follow_up and OWN_LIFE_RE.search(typed) and result.kind in ("answer", "near_miss") \
            and not subject_found and shared is not None and len(shared) <= 1 \
            and not engine.clearly_about(result):
        # "waar vind ik een goede huisarts?", "krijg ik huurtoeslag als student?", "heb je dat zelf
        # geschreven?": one shared word (an action naming "huisartsen", a sentence about students) is
        # no answer to a question about the user's own life or the bot; a near miss still says what
        # the documents lack, without a related fact and source that would read as an answer
        if result.kind == "near_miss" and not result.unsure:
            t = texts_for(language)
            return Answer(intro=_near_miss_intro(result, language), buttons=list(t.SUGGESTIONS),
                          language=language, kind=record.NOT_IN_DOCUMENTS)
        return dont_know(language)
    if ctx.intent == "nlu_fallback" and not (follow_up or question.is_question) and result.kind == "answer" \
            and not engine.clearly_about(result):
        # Neither NLU nor the wording makes it a question ("zullen we een spelletje doen"): one
        # shared word is no evidence that the documents answer it.
        return dont_know(language)
    return from_result(kb, _missing_as_typed(result, typed, language), text, language)


def _missing_as_typed(result: Result, typed: str, language: str) -> Result:
    """A follow-up in English is read in the glossary's Dutch; what a near miss says is missing is
    named as the user typed it ("who pays for that?" lacks 'pays for', not 'betalen')."""
    if language == "nl" or not (result.missing or result.missing_rate):
        return result
    as_typed = {c.word: c.surface for c in analyse_in(typed, language).concepts}
    word_of = {c.surface: c.word for c in result.question.concepts}
    # (the rate too: "and per pupil?" lacks 'per pupil', not 'per leerling')
    rate = result.missing_rate and as_typed.get(word_of.get(result.missing_rate, ""), result.missing_rate)
    return replace(result, missing=tuple(as_typed.get(word_of.get(m, ""), m) for m in result.missing),
                   missing_rate=rate)


# A message this long that is shaped like a question is one, whatever act NLU gave it.
LONG_QUESTION_WORDS = 6


def _holds_a_question(ctx: Context, question, result: Result, engine) -> bool:
    """Does a message NLU filed as chit-chat or out of scope hold a question the documents answer?
    Out of scope needs strong evidence; a greeting, thanks or "oké" that is a long question is one
    (NLU reads the act from the first words)."""
    if result.kind not in ("answer", "near_miss", "actions") or not question.is_question:
        return False
    if ctx.intent == "out_of_scope":
        # (NLU learnt out of scope from few messages per topic and files questions about the documents
        # there with full confidence - "what is meant by a warm handover to work?", "zijn studenten
        # blij dat ze weer naar de campus mogen?" - so the engine's own answer, which passed its checks
        # for a subject the documents never name, is enough; a list of actions or a near miss is not)
        return result.kind in ("answer", "actions") and engine.clearly_about(result, least=ANSWER_THRESHOLD)
    long_question = len(ctx.text.split()) >= LONG_QUESTION_WORDS
    return long_question or (result.kind == "answer" and engine.clearly_about(result))


def profile_noted(ctx: Context) -> Answer:
    t = texts_for(ctx.language)
    who = t.ROLE_NAMES.get(ctx.role or "")
    if ctx.sector:
        where = sector_name(ctx.sector, ctx.language)
        who = (t.PROFILE_ROLE_IN_SECTOR.format(who=who, sector=where) if who
               else t.PROFILE_SECTOR_ONLY.format(sector=where))
    text = t.PROFILE_NOTED.format(who=who) if who else t.PROFILE_NOTED_GENERIC
    return Answer(intro=text, buttons=list(t.PROFILE_BUTTONS), language=ctx.language, kind=record.DIALOGUE)


# --------------------------------------------------------------------------- forms

def topic_items(kb, key: str, sector: Optional[str]) -> List[Item]:
    """Curated quotes of a topic that apply to `sector`, those written for it first."""
    topic = kb.topic(key, sector)
    if topic is None:
        return []
    quotes = list(topic.quotes)
    if sector:
        quotes.sort(key=lambda q: 0 if sector in q.sectors else 1 if q.sectors else 2)
    return [Item(q.text, q.cite) for q in quotes]


def student_check(kb, sector: str, has_grant: Optional[bool], language: str = "nl") -> Answer:
    """Every student scheme that applies to `sector`, one quote each (a fixed check)."""
    t = texts_for(language)
    items: List[Item] = []
    for key in STUDENT_SCHEMES:
        if key == "compensatie_beurs" and has_grant is False:
            items.append(Item(_bullet(t.STUDENT_CHECK_NO_GRANT)))
            continue
        first = topic_items(kb, key, sector)[:1]
        items += [Item(_bullet(item.text), item.cite) for item in first]
    return Answer(
        intro=t.STUDENT_CHECK_INTRO.format(sector=sector_name(sector, language)),
        items=items,
        page_size=len(items),
        language=language,
    )


def advisor_result(kb, sector: str, theme_value: str, language: str = "nl") -> Answer:
    number = parse_theme(theme_value)
    result = answer_actions(kb, number, sector, language)
    theme = kb.theme(number) if number else None
    if theme is not None and number in [t.number for t in kb.themes(sector)]:
        result.intro = texts_for(language).ADVISOR_INTRO.format(sector=sector_name(sector, language), number=number,
                                                                title=theme.title)
    return result


def stored_items(items: Iterable[Item]) -> List[str]:
    """Items as strings for the `more_items` slot (JSON: text and citation)."""
    return [json.dumps({"t": i.text, "c": i.cite.to_dict() if i.cite else None}, ensure_ascii=False) for i in items]


def restored_items(stored: Iterable[object]) -> List[Item]:
    items = []
    for entry in stored:
        try:
            data = json.loads(str(entry))
            cite = Citation.from_dict(data["c"]) if data.get("c") else None
            items.append(Item(str(data["t"]), cite))
        except (ValueError, KeyError, TypeError):
            continue  # an entry from an older version: skip it rather than fail the turn
    return items


# --------------------------------------------------------------------------- the check or a question
# NLU files "doe de studentencheck" and "welke compensatie krijg ik als student voor
# studievertraging?" under the same act. The forms fit a request for the check itself; a question
# about one subject is the answer engine's. The words of such a request, as `analyse` normalises
# them: what is left after them is a subject the user asks about.
FORM_WORDS = {
    "student_check": frozenset(
        "studentencheck check checken student studeren zitten gelden aanmerking krijgen recht regeling "
        "studentenregeling tegemoetkoming compensatie financieel geld hulp voordeel overzicht allemaal "
        "iets aanvragen aanvraag weten uitzoeken bekijken zoon dochter kind mogelijkheid beurs aanvullend "
        "aanvullende basisbeurs".split()),
    "institution_advice": frozenset(
        "advies adviseren adviseur instellingsadvies raad raden aanraden helpen hulp kiezen keuze actie "
        "maatregel keuzelijst lijst instelling opleiding school plan herstelplan meedenken begeleiden maat "
        "beste passen passend doen zoeken starten werken werkzaam geld middelen suit".split()),
}
# Asking for the check or for advice in so many words: the form, even when a problem is named
# ("wij zijn een roc met een stagetekort, wat adviseer je": the advisor has both answers).
_ASKS_FOR_FORM_RE = re.compile(r"\b(studentencheck|check\w*|advi\w*|raad|raden|aanraden)\b",
                               re.IGNORECASE)
# Details NLU tags that a check request never needs (the grant is a question of the check itself).
_FORM_SCHEMES = frozenset({"compensatie_beurs"})


def starts_form(ctx: Context) -> bool:
    """Does a message NLU read as a request for the student check or the advisor (`ctx.intent`)
    start that form, or is it a question for the answer engine? A button's payload and a request
    for the check itself start it; a message that asks for a kind of answer (hoeveel, wanneer ...),
    names a scheme, budget rule or year, or names a subject beyond the request's own words is a
    question."""
    text = ctx.text or ""
    if text.lstrip().startswith("/"):
        return True
    question = analyse_in(text, ctx.language)
    if question.answer_type:
        return False
    if (ctx.scheme and ctx.scheme not in _FORM_SCHEMES) or ctx.budget_rule or ctx.year:
        return False
    if _ASKS_FOR_FORM_RE.search(text):
        return True
    own = FORM_WORDS.get(ctx.intent, frozenset())
    return not [c for c in question.topics if c.kind == "topic" and c.word not in own]
