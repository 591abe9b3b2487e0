"""Turn a question (intent + what we know of the user) into a grounded Dutch answer.

Pure functions over the `knowledge` query API: no Rasa objects, so they are easy to test and
the Rasa action classes stay thin. Every factual answer carries the sources of what it shows;
`render` turns them into the closing `Bron:` line.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from typing import Callable, Dict, Iterable, List, Optional, Tuple

from actions import texts
from knowledge.extract import sentences
from knowledge.normalize import normalize_tokens, query_terms

PAGE_SIZE = 5
TOPIC_QUOTES_SHOWN = 3
# Search hits at or above this score are shown as an answer; below it the bot says it does not
# know. Tuned on tests/test_actions.py::test_search_threshold_* (see README, "Zoeken").
SEARCH_ANSWER_THRESHOLD = 0.6
# A date question that matches a passage this well shows that passage's dates only.
DATE_MATCH_THRESHOLD = 0.6
MAX_SENTENCE_CHARS = 240
MAX_PASSAGE_CHARS = 520

STUDENT_SECTORS = ("mbo", "hbo", "wo", "ho")
ADVISOR_SECTORS = ("mbo", "hbo", "wo", "ho", "lerarenopleiding", "geneeskunde")
SCHOOL_SECTORS = ("po", "vo", "so")
STUDENT_SCHEMES = (
    "halvering_collegegeld",
    "compensatie_beurs",
    "compensatie_studievertraging",
    "reisrecht",
)
BUDGET_RULES = ("niet_limitatief", "uitloop", "verantwoording", "medezeggenschap")

# Questions answered by curated topics (quotes from the sources), by intent.
TOPIC_INTENTS: Dict[str, Tuple[str, ...]] = {
    "ask_tuition": ("halvering_collegegeld",),
    "ask_grant_compensation": ("compensatie_beurs",),
    "ask_delay_compensation": ("compensatie_studievertraging",),
    "ask_travel_right": ("reisrecht",),
    "ask_budget": ("budget",),
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


@dataclass
class Item:
    """One line (or bullet) of an answer and the source it comes from."""

    text: str
    source: Optional[str] = None


@dataclass
class Answer:
    intro: Optional[str] = None
    items: List[Item] = field(default_factory=list)
    buttons: List[Tuple[str, str]] = field(default_factory=list)  # (title, payload)
    page_size: int = PAGE_SIZE
    # The question kind to remember for follow-ups; None keeps the previous one.
    question: Optional[str] = None

    @property
    def shown(self) -> List[Item]:
        return self.items[: self.page_size]

    @property
    def remaining(self) -> List[Item]:
        return self.items[self.page_size :]


# --------------------------------------------------------------------------- formatting

_SOURCE_RE = re.compile(r"^(?P<doc>.+?), (?P<kind>p\.|Thema) (?P<first>\d+)(?:-(?P<last>\d+))?$")


def _page_runs(numbers: Iterable[int]) -> str:
    """12, 13, 14, 16 -> "12-14, 16" (pages are a range; themes are listed one by one)."""
    runs: List[List[int]] = []
    for n in sorted(set(numbers)):
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)


def combine_sources(sources: Iterable[Optional[str]]) -> Optional[str]:
    """Merge sources into one line: "Kamerbrief ..., p. 11-13; Bijlage 1, Thema 1, 3".

    Keeps first-seen order of documents; numbers are sorted within a document.
    """
    groups: Dict[Tuple[str, str], set] = {}
    plain: List[str] = []
    for source in sources:
        if not source:
            continue
        match = _SOURCE_RE.match(source)
        if match:
            first = int(match["first"])
            last = int(match["last"] or first)
            groups.setdefault((match["doc"], match["kind"]), set()).update(range(first, last + 1))
        elif source not in plain:
            plain.append(source)
    parts = []
    for (doc, kind), numbers in groups.items():
        listed = _page_runs(numbers) if kind == "p." else ", ".join(str(n) for n in sorted(numbers))
        parts.append(f"{doc}, {kind} {listed}")
    parts += plain
    return "; ".join(parts) if parts else None


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
    shown = answer.shown
    lines = [answer.intro] if answer.intro else []
    lines += [item.text for item in shown]
    if answer.remaining:
        lines.append(texts.MORE_QUESTION)
    source = combine_sources(item.source for item in shown)
    if source:
        lines.append(texts.SOURCE_PREFIX + source)
    return "\n".join(lines), answer.remaining


def sector_name(sector: Optional[str]) -> str:
    return texts.SECTOR_NAMES.get(sector or "", sector or "")


def _bullet(text: str) -> str:
    return "• " + text


# --------------------------------------------------------------------------- filters

def topic_items(kb, key: str, sector: Optional[str], strict: bool = False) -> List[Item]:
    """Quotes of a curated topic for `sector`; all quotes when none applies (unless `strict`)."""
    topic = kb.topic(key, sector)
    if topic is None:
        return []
    # With a sector: quotes written for exactly it, then for a sector that covers it, then
    # general ones (stable order within each).
    quotes = list(topic.quotes)
    if sector:
        quotes.sort(key=lambda q: 0 if sector in q.sectors else 1 if q.sectors else 2)
    if not quotes and not strict:
        quotes = list(kb.topic(key).quotes)
    return [Item(q.text, q.source) for q in quotes]


def theme_numbers_for(kb, sector: Optional[str]) -> List[int]:
    return [theme.number for theme in kb.themes(sector)]


def _theme_line(theme) -> str:
    return f"Thema {theme.number}: {theme.title} ({', '.join(theme.sectors)})"


def _theme_buttons(themes) -> List[Tuple[str, str]]:
    return [
        (f"Thema {t.number}: {t.title}", '/ask_actions{"theme":"%d"}' % t.number) for t in themes
    ]


def _action_item(action) -> Item:
    text = _bullet(action.text)
    if action.examples:
        example = action.examples
        if not example.lower().startswith("bijvoorbeeld"):
            example = texts.EXAMPLE_PREFIX + example
        text += "\n  " + shorten(example, MAX_SENTENCE_CHARS)
    return Item(text, action.source)


# --------------------------------------------------------------------------- handlers

@functools.lru_cache(maxsize=4096)
def _token_set(text: str) -> frozenset:
    """Normalised tokens of a KB text; the same quotes and date sentences recur every message."""
    return frozenset(normalize_tokens(text))


def overlap(terms: Iterable[str], text: str) -> int:
    """How many question terms occur in `text`, counting Dutch compounds: "rapportage" matches
    "voortgangsrapportage"."""
    tokens = _token_set(text)
    return sum(1 for t in set(terms) if t in tokens or (len(t) >= 5 and any(t in w for w in tokens)))


def rank_by_question(items: List[Item], question: str) -> List[Item]:
    """Items sharing most words with the question first; the curated order breaks ties."""
    terms = set(query_terms(question))
    if not terms:
        return items
    overlap_of = [overlap(terms, item.text) for item in items]
    order = sorted(range(len(items)), key=lambda i: (-overlap_of[i], i))
    return [items[i] for i in order]


def answer_topics(kb, ctx: Context) -> Answer:
    items: List[Item] = []
    for key in TOPIC_INTENTS[ctx.intent]:
        items += topic_items(kb, key, ctx.sector)
    items = rank_by_question(items, ctx.text)
    if not items:
        return Answer(intro=texts.NOTHING_FOUND)
    return Answer(items=items, page_size=TOPIC_QUOTES_SHOWN, question=ctx.intent)


def answer_third_parties(kb, ctx: Context) -> Answer:
    is_school = ctx.sector in SCHOOL_SECTORS or ctx.role == "school"
    if not is_school and kb.topic("derden_instellingen") is not None:
        items = topic_items(kb, "derden_instellingen", ctx.sector)[:2]
        return Answer(items=items, page_size=2, question=ctx.intent)
    items = topic_items(kb, "derden_scholen", ctx.sector)[:2]
    asks_for_institution = ctx.sector in ADVISOR_SECTORS or ctx.role in ("instelling", "student")
    intro = texts.THIRD_PARTIES_ONLY_SCHOOLS if asks_for_institution else None
    return Answer(intro=intro, items=items, page_size=2, question=ctx.intent)


def answer_budget_rules(kb, ctx: Context) -> Answer:
    if ctx.budget_rule in BUDGET_RULES:
        items = topic_items(kb, ctx.budget_rule, ctx.sector)[:TOPIC_QUOTES_SHOWN]
        return Answer(items=items, page_size=TOPIC_QUOTES_SHOWN, question=ctx.intent)
    items = []
    for key in BUDGET_RULES:
        first = topic_items(kb, key, ctx.sector)[:1]
        items += [Item(_bullet(item.text), item.source) for item in first]
    return Answer(intro=texts.BUDGET_RULES_INTRO, items=items, page_size=len(items), question=ctx.intent)


def answer_themes(kb, ctx: Context) -> Answer:
    themes = kb.themes(ctx.sector)
    if not themes:
        items = topic_items(kb, "menukaart", None)[:1]
        return Answer(
            intro=texts.THEMES_NONE_FOR_SECTOR.format(sector=sector_name(ctx.sector)),
            items=items,
            question=ctx.intent,
        )
    for_sector = f" voor {sector_name(ctx.sector)}" if ctx.sector else ""
    return Answer(
        intro=texts.THEMES_INTRO.format(for_sector=for_sector),
        items=[Item(_theme_line(t), t.source) for t in themes],
        buttons=_theme_buttons(themes),
        page_size=6,
        question=ctx.intent,
    )


def parse_theme(value: Optional[str]) -> Optional[int]:
    if value is None:
        return None
    match = re.search(r"[1-6]", str(value))
    return int(match.group()) if match else None


_THEME_SOURCE_RE = re.compile(r"^Bijlage 1, Thema (\d)$")
THEME_GUESS_THRESHOLD = 0.5


# Words every theme shares: they say "which actions", not "about what".
GENERIC_ACTION_TERMS = {
    "actie", "thema", "keuzelijst", "lijst", "instelling", "school", "mogen", "kunnen", "doen",
    "welk", "opleiding", "student", "voorbeeld", "maatregel", "mbo", "hbo", "wo", "ho",
    "hogeschool", "universiteit", "roc", "onderwijs", "instellingen", "geld", "inzetten", "kiezen",
}


def guess_theme(kb, question: str) -> Optional[int]:
    """The theme whose annex text best matches the question's subject words, when it clearly does."""
    subject = [t for t in query_terms(question) if t not in GENERIC_ACTION_TERMS]
    if not subject:
        return None
    for hit in kb.search(" ".join(subject), limit=1, document="bijlage"):
        match = _THEME_SOURCE_RE.match(hit.source)
        if match and hit.score >= THEME_GUESS_THRESHOLD:
            return int(match.group(1))
    return None


def answer_actions(kb, ctx: Context) -> Answer:
    number = parse_theme(ctx.theme) or guess_theme(kb, ctx.text)
    if number is None:
        themes = kb.themes(ctx.sector)
        if not themes:
            return answer_themes(kb, ctx)
        return Answer(intro=texts.ACTIONS_WHICH_THEME, buttons=_theme_buttons(themes), question=ctx.intent)
    theme = kb.theme(number)
    if theme is None:
        return Answer(intro=texts.INVALID_THEME, question=ctx.intent)
    if ctx.sector and number not in theme_numbers_for(kb, ctx.sector):
        fitting = kb.themes(ctx.sector)
        return Answer(
            intro=texts.ACTIONS_THEME_NOT_FOR_SECTOR.format(number=number, sector=sector_name(ctx.sector)),
            items=[Item(_theme_line(t), t.source) for t in fitting],
            buttons=_theme_buttons(fitting),
            page_size=6,
            question=ctx.intent,
        )
    fits_sector = ctx.sector and ctx.sector in theme.sectors
    for_sector = f" ({sector_name(ctx.sector)})" if fits_sector else ""
    return Answer(
        intro=texts.ACTIONS_INTRO.format(number=number, title=theme.title, for_sector=for_sector),
        items=[_action_item(a) for a in kb.actions(theme=number)],
        question=ctx.intent,
    )


def _date_item(date) -> Item:
    return Item(_bullet(f"{date.text}: {shorten(date.sentence, MAX_SENTENCE_CHARS)}"), date.source)


# Deadlines first; bare years ("in 2020") last: they are the least useful on their own.
DATE_KIND_ORDER = ("deadline", "datum", "moment", "seizoen", "maand", "periode", "jaar")
# Words that ask "when" without saying about what; a question of only these lists every date.
GENERIC_DATE_TERMS = {
    "deadline", "datum", "wanneer", "termijn", "periode", "tijdpad", "planning", "moment", "tot",
    "uiterlijk", "lijst", "overzicht", "alle", "belangrijk", "np", "onderwijs", "npo", "programma",
    "nationaal", "noemen", "staan", "document", "brief", "welk", "zijn", "er", "wat", "data",
    "maand", "jaar", "week", "dag", "tijd", "precies", "ongeveer",
}


def _ordered_dates(dates) -> List:
    seen = set()
    unique = []
    for date in dates:
        key = (date.text.lower(), date.sentence)
        if key not in seen:
            seen.add(key)
            unique.append(date)
    rank = {kind: i for i, kind in enumerate(DATE_KIND_ORDER)}
    return sorted(unique, key=lambda d: rank.get(d.kind, len(rank)))


def _matching_dates(kb, dates, topic_terms: List[str]) -> List:
    """Dates whose sentence shares most topic words with the question.

    A date in a passage that clearly matches the question counts one word more: the topic is
    often in the sentence before the date ("... verdeeld. De Kamer kan begin 2022 ...").
    """
    terms = set(topic_terms)
    hit_ids = {h.passage_id for h in kb.search(" ".join(topic_terms), limit=3) if h.score >= DATE_MATCH_THRESHOLD}
    scored = []
    for date in dates:
        score = overlap(terms, f"{date.text} {date.sentence}")
        score += 1 if date.passage_id in hit_ids else 0
        scored.append((score, date))
    needed = min(2, len(terms))
    best = max((score for score, _ in scored), default=0)
    if best < needed:
        return []
    chosen = [(score, i, date) for i, (score, date) in enumerate(scored) if score >= max(needed, best - 1)]
    return [date for score, i, date in sorted(chosen, key=lambda c: (-c[0], c[1]))]


def answer_dates(kb, ctx: Context) -> Answer:
    dates = kb.dates()
    topic_terms = [t for t in query_terms(ctx.text) if t not in GENERIC_DATE_TERMS]
    matching = _matching_dates(kb, dates, topic_terms) if topic_terms else []
    if matching:
        unique = list({(d.text.lower(), d.sentence): d for d in reversed(matching)}.values())[::-1]
        return Answer(intro=texts.DATES_MATCHING_INTRO, items=[_date_item(d) for d in unique][:3], question=ctx.intent)
    return Answer(intro=texts.DATES_INTRO, items=[_date_item(d) for d in _ordered_dates(dates)], question=ctx.intent)


HANDLERS: Dict[str, Callable[[object, Context], Answer]] = {
    **{intent: answer_topics for intent in TOPIC_INTENTS},
    "ask_third_parties": answer_third_parties,
    "ask_budget_rules": answer_budget_rules,
    "ask_themes": answer_themes,
    "ask_actions": answer_actions,
    "ask_dates": answer_dates,
}


def profile_noted(ctx: Context) -> Answer:
    who = texts.ROLE_NAMES.get(ctx.role or "")
    if ctx.sector:
        where = sector_name(ctx.sector)
        who = f"{who} in {where}" if who else f"het gaat om {where}"
    text = texts.PROFILE_NOTED.format(who=who) if who else texts.PROFILE_NOTED_GENERIC
    return Answer(
        intro=text,
        buttons=[
            ("Wat krijg ik als student?", "/student_check"),
            ("Welke thema's passen?", "/ask_themes"),
            ("Datums", "/ask_dates"),
        ],
    )


# An "inform" message with this many content words is a question NLU did not recognise.
QUESTION_TERMS = 4
# Entities that name the question themselves ("en het reisrecht?", "korting?").
SCHEME_INTENTS = {
    "halvering_collegegeld": "ask_tuition",
    "compensatie_beurs": "ask_grant_compensation",
    "compensatie_studievertraging": "ask_delay_compensation",
    "reisrecht": "ask_travel_right",
}


_FOLLOW_UP_RE = re.compile(r"^\s*(en|maar|ook)\b", re.IGNORECASE)


def is_follow_up(ctx: Context, last_question: Optional[str], new_details: bool) -> bool:
    """"en in het voortgezet onderwijs?": a short message that starts like a follow-up and names a
    new sector or theme repeats the last question, even when NLU picked another intent."""
    return (new_details and last_question in HANDLERS and bool(_FOLLOW_UP_RE.match(ctx.text))
            and len(query_terms(ctx.text)) < QUESTION_TERMS)


def implied_question(ctx: Context) -> Optional[str]:
    """The question an entity in the message stands for, if any."""
    if ctx.scheme in SCHEME_INTENTS:
        return SCHEME_INTENTS[ctx.scheme]
    if ctx.budget_rule in BUDGET_RULES:
        return "ask_budget_rules"
    return None


def answer(kb, ctx: Context, last_question: Optional[str] = None, new_details: bool = True) -> Answer:
    """Answer `ctx.intent`; a bare `inform` repeats the last kind of question with the new details.

    `new_details` says whether the latest message named a sector, role, theme or scheme: an
    "inform" without any is not a follow-up, so the bot searches instead of guessing.
    """
    intent = ctx.intent
    if is_follow_up(ctx, last_question, new_details):
        intent = "inform"
    if intent == "inform" and implied_question(ctx):
        intent = implied_question(ctx)
    elif intent == "inform":
        if not new_details or len(query_terms(ctx.text)) >= QUESTION_TERMS:
            searched = search_answer(kb, ctx.text)
            if searched.items or not new_details:
                return searched
            if last_question not in HANDLERS:
                return profile_noted(ctx)
        if last_question in HANDLERS:
            intent = last_question
        elif ctx.theme:
            intent = "ask_actions"
        else:
            return profile_noted(ctx)
    handler = HANDLERS.get(intent)
    if handler is None:
        return search_answer(kb, ctx.text)
    return handler(kb, replace(ctx, intent=intent))


def best_sentences(passage: str, question: str, count: int = 2) -> str:
    """The `count` sentences of a passage that share most words with the question, in text order."""
    terms = set(query_terms(question))
    spans = sentences(passage)
    scored = []
    for index, (start, end) in enumerate(spans):
        scored.append((overlap(terms, passage[start:end]), -index, start, end))
    best = sorted(scored, reverse=True)[:count]
    chosen = sorted((start, end) for shared, _, start, end in best if shared > 0) or [spans[0]] if spans else []
    return " ".join(" ".join(passage[start:end].split()) for start, end in chosen)


def search_answer(kb, text: str) -> Answer:
    """Best passage when it clearly matches; otherwise "weet ik niet" with topic buttons."""
    hits = kb.search(text or "", limit=1)
    if hits and hits[0].score >= SEARCH_ANSWER_THRESHOLD:
        hit = hits[0]
        excerpt = shorten(best_sentences(hit.text, text), MAX_PASSAGE_CHARS)
        return Answer(intro=texts.SEARCH_INTRO, items=[Item(excerpt, hit.source)])
    return Answer(intro=texts.DONT_KNOW, buttons=[(title, f"/{intent}") for title, intent in texts.SUGGESTIONS])


def fallback_answer(kb, ctx: Context, last_question: Optional[str], new_details: bool) -> Answer:
    """Low NLU confidence: trust what the entities say before searching the passages."""
    implied = implied_question(ctx)
    if implied:  # "krijg ik korting?": the entity names the question
        return answer(kb, replace(ctx, intent=implied))
    if new_details and last_question in HANDLERS:  # "en als ik naar de universiteit ga?"
        return answer(kb, replace(ctx, intent=last_question))
    return search_answer(kb, ctx.text)


def student_check(kb, sector: str, has_grant: Optional[bool]) -> Answer:
    """Every student scheme that applies to `sector`, one quote each."""
    items: List[Item] = []
    for key in STUDENT_SCHEMES:
        if key == "compensatie_beurs" and has_grant is False:
            items.append(Item(_bullet(texts.STUDENT_CHECK_NO_GRANT)))
            continue
        first = topic_items(kb, key, sector, strict=True)[:1]
        items += [Item(_bullet(item.text), item.source) for item in first]
    return Answer(
        intro=texts.STUDENT_CHECK_INTRO.format(sector=sector_name(sector)),
        items=items,
        page_size=len(items),
        question="student_check",
    )


def advisor_result(kb, sector: str, theme_value: str) -> Answer:
    ctx = Context(intent="ask_actions", sector=sector, theme=theme_value)
    result = answer_actions(kb, ctx)
    number = parse_theme(theme_value)
    theme = kb.theme(number) if number else None
    if theme is not None and number in theme_numbers_for(kb, sector):
        result.intro = texts.ADVISOR_INTRO.format(sector=sector_name(sector), number=number, title=theme.title)
    return result
