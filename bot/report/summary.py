"""What the report says, computed from turns (`bot.report.store`): counts, shares, groups.

Pure functions over `Turn` lists, so they are tested without a database.
"""
from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from actions import record
from bot.report.store import NO_REPLY, Turn
from knowledge import Citation, format_citations

# The order of reply kinds in the report; NO_REPLY: nothing stored (the channel's own reply).
KIND_ORDER = (record.ANSWERED, record.NOT_IN_DOCUMENTS, record.UNSURE, record.OUT_OF_SCOPE, record.FALLBACK,
              record.DIALOGUE, record.ERROR, NO_REPLY)
KIND_LABELS = {
    record.ANSWERED: "answered from the documents",
    record.NOT_IN_DOCUMENTS: "not in the documents",
    record.UNSURE: "unsure (several facts fit)",
    record.OUT_OF_SCOPE: "out of scope",
    record.FALLBACK: "fallback (nothing found)",
    record.DIALOGUE: "dialogue (greeting, form question …)",
    record.ERROR: "error (knowledge base unreadable)",
    NO_REPLY: "no reply stored (not understood / outage)",
}
# Questions the bot could not answer: listed for review.
UNANSWERED = record.NOT_KNOWN + (NO_REPLY,)
# Two normalised questions this similar are one group ("near-duplicates together").
SIMILARITY = 0.9
TOP = 10


@dataclass
class Group:
    """Questions that are the same but for case, accents, punctuation or a small variation."""

    text: str                        # the most frequent wording
    count: int = 0
    variants: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    intents: Counter = field(default_factory=Counter)


@dataclass
class Summary:
    since: dt.datetime
    until: dt.datetime
    conversations: int
    messages: int
    per_day: List[Tuple[dt.date, int, int]]           # (day, conversations, messages)
    kinds: List[Tuple[str, int]]                       # in KIND_ORDER, zeros included
    unanswered: List[Group]
    ratings: Counter
    thumbs_down: List[Turn]
    topics: List[Tuple[str, int]]
    sources: List[Tuple[str, int]]
    latency_ms: Optional[Dict[str, float]]
    languages: List[Tuple[str, int]]

    @property
    def empty(self) -> bool:
        return self.messages == 0

    def share(self, kind: str) -> float:
        return dict(self.kinds).get(kind, 0) / self.messages if self.messages else 0.0


def normalise(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: "Krijg ik  korting?" -> "krijg ik korting"."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w\[\]]+", " ", text).split())


def _close(matcher: difflib.SequenceMatcher, key: str) -> bool:
    """Whether `key` is within SIMILARITY of the matcher's anchor (its second sequence, analysed once)."""
    matcher.set_seq1(key)
    return matcher.real_quick_ratio() >= SIMILARITY and matcher.quick_ratio() >= SIMILARITY \
        and matcher.ratio() >= SIMILARITY


def group_questions(turns: Iterable[Turn]) -> List[Group]:
    """Questions grouped with their near-duplicates (the same words in any order, or a
    character similarity of SIMILARITY), the most asked first."""
    by_key: Dict[str, List[Turn]] = {}
    for turn in turns:
        key = normalise(turn.text)
        if key:
            by_key.setdefault(key, []).append(turn)
    groups: List[Group] = []
    by_words: Dict[Tuple[str, ...], Group] = {}
    by_length: Dict[int, List[Tuple[FrozenSet[str], difflib.SequenceMatcher, Group]]] = {}
    for key, members in sorted(by_key.items(), key=lambda item: (-len(item[1]), item[0])):
        words = tuple(sorted(key.split()))
        word_set = frozenset(words)
        target = by_words.get(words)
        if target is None:
            # Two strings can only be SIMILARITY alike when their lengths are close enough.
            low = int(len(key) * SIMILARITY / (2 - SIMILARITY))
            high = int(len(key) * (2 - SIMILARITY) / SIMILARITY) + 1
            # ... and share at least half of the shorter one's words (a cheap test before the costly one).
            target = next((group for length in range(low, high + 1)
                           for anchor_words, matcher, group in by_length.get(length, ())
                           if 2 * len(word_set & anchor_words) >= min(len(word_set), len(anchor_words))
                           and _close(matcher, key)), None)
        if target is None:
            target = Group(text="")
            groups.append(target)
            matcher = difflib.SequenceMatcher(None, "", key, autojunk=False)
            by_length.setdefault(len(key), []).append((word_set, matcher, target))
        by_words.setdefault(words, target)
        target.count += len(members)
        target.variants.update(t.text for t in members)
        target.kinds.update(t.kind for t in members)
        target.intents.update(t.intent or "" for t in members)
    for group in groups:
        group.text = group.variants.most_common(1)[0][0]
    return sorted(groups, key=lambda g: (-g.count, g.text.lower()))


def source_label(source: Dict[str, object]) -> str:
    """"Kamerbrief voortgang NP Onderwijs, p. 3" / "Bijlage 1, Thema 2", as the Bron line says it."""
    title = str(source.get("title") or "?")
    cite = Citation.from_dict({**source, "document": title, "title": title})
    return format_citations([cite]) or title


def percentiles(values: Sequence[float]) -> Optional[Dict[str, float]]:
    if not values:
        return None
    ordered = sorted(values)

    def at(q: float) -> float:  # nearest rank: the smallest value with at least q of them at or below it
        return ordered[min(len(ordered), max(1, math.ceil(q * len(ordered) - 1e-9))) - 1]

    return {"count": len(ordered), "p50": at(0.50), "p90": at(0.90), "p95": at(0.95), "max": ordered[-1]}


def summarise(turns: List[Turn], since: dt.datetime, until: dt.datetime, tz: dt.tzinfo) -> Summary:
    days: Dict[dt.date, List[Turn]] = {}
    first_day: Dict[tuple, dt.date] = {}
    for turn in turns:
        day = dt.datetime.fromtimestamp(turn.timestamp, tz).date()
        days.setdefault(day, []).append(turn)
        first_day.setdefault(turn.conversation, day)
    conversations_per_day = Counter(first_day.values())
    per_day = []
    day = since.astimezone(tz).date()
    while day <= (until - dt.timedelta(microseconds=1)).astimezone(tz).date():
        per_day.append((day, conversations_per_day.get(day, 0), len(days.get(day, ()))))
        day += dt.timedelta(days=1)
    kinds = Counter(t.kind for t in turns)
    rated = [t for t in turns if t.rating]
    sources = Counter(source_label(s) for t in turns if t.kind == record.ANSWERED for s in t.sources)
    topics = Counter(t.intent for t in turns if t.intent and t.kind != NO_REPLY)
    return Summary(
        since=since, until=until,
        conversations=len(first_day), messages=len(turns), per_day=per_day,
        kinds=[(kind, kinds.get(kind, 0)) for kind in KIND_ORDER] + sorted(
            (k, n) for k, n in kinds.items() if k not in KIND_ORDER),
        unanswered=group_questions(t for t in turns if t.kind in UNANSWERED),
        ratings=Counter(t.rating for t in rated),
        thumbs_down=sorted((t for t in rated if t.rating == "down"), key=lambda t: t.timestamp),
        topics=topics.most_common(TOP),
        sources=sources.most_common(TOP),
        latency_ms=percentiles([t.latency_ms for t in turns if t.latency_ms is not None]),
        languages=Counter(t.language for t in turns if t.language).most_common(),
    )
