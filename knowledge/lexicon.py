"""The domain lexicon (``lexicon.yml``): synonyms, sector words and generic words, normalised.

Loaded once per process. Every entry goes through the same normaliser as the knowledge base,
so "hogescholen" in a question and "hogeschool" in the lexicon are the same word.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, FrozenSet, List, Optional, Tuple

import yaml

from .normalize import normalize_tokens

LEXICON_PATH = Path(__file__).resolve().parent / "lexicon.yml"


class LexiconError(RuntimeError):
    """lexicon.yml is missing or malformed."""


Phrase = Tuple[str, ...]


@dataclass(frozen=True)
class Lexicon:
    # normalised word -> the synonym group (normalised words) it belongs to
    groups: Dict[str, FrozenSet[str]]
    # multi-word phrases (normalised token tuples) -> the single token that stands for them
    phrases: Dict[Phrase, str]
    # normalised sector word or phrase head -> canonical sector
    sector_words: Dict[str, str]
    sector_phrases: Dict[Phrase, str]
    sector_groups: Dict[Phrase, Tuple[str, ...]]
    generic: FrozenSet[str]
    programme: FrozenSet[str]
    typed_terms: FrozenSet[str]
    # the documents' background (corona): in most of their passages, so asked about it says little
    background: FrozenSet[str] = frozenset()
    # light verbs ("krijgen"): weighed like the background
    light: FrozenSet[str] = frozenset()
    # adjectives of judgement, whose superlative asks for the top one ("de belangrijkste")
    judgements: FrozenSet[str] = frozenset()
    # group heads that the documents use in one place and say by the group's phrase in another: a
    # sentence with the phrase holds the head too, though the documents use the word elsewhere
    spoken_phrases: FrozenSet[str] = frozenset()
    programme_names: FrozenSet[str] = frozenset()
    # verbs of the programme's own start, which for the programme itself means its presentation
    programme_start: FrozenSet[str] = frozenset()
    # sector words that name a part of a sector the documents speak of by that name ("de instroom in
    # de BBL"): a subject as well as a filter
    sector_subjects: FrozenSet[str] = frozenset()
    # words whose opposite a premise may state ("verdwijnt" where the documents say "blijft"):
    # matched only when a question checks a premise ("klopt het dat …?")
    opposites: Dict[str, FrozenSet[str]] = field(default_factory=dict)
    # words naming two cases of one thing (a contract is "vast" or "tijdelijk"): a sentence about the
    # one is no answer about the other; for a premise they are opposites too
    other_cases: Dict[str, FrozenSet[str]] = field(default_factory=dict)
    # nouns that, after "welk(e)" / "wat voor", name the kind of answer asked ("in welke functie",
    # "welke rol") -> the words of a sentence that gives that kind ("werkt *als* onderwijsondersteunend
    # personeel")
    answer_kinds: Dict[str, Tuple[Phrase, ...]] = field(default_factory=dict)

    def answer_kind_words(self, noun: str) -> FrozenSet[str]:
        """The words by which a sentence gives the kind of answer `noun` names (empty for other words)."""
        return frozenset(t for phrase in self.answer_kinds.get(noun, ()) for t in phrase)

    def alternatives(self, token: str) -> FrozenSet[str]:
        return self.groups.get(token, frozenset((token,)))


def _norm(entry: str) -> Phrase:
    return tuple(normalize_tokens(str(entry)))


def _entries(data: dict, key: str, kind) -> object:
    value = data.get(key)
    if not isinstance(value, kind):
        raise LexiconError(f"{LEXICON_PATH.name}: '{key}' must be a {kind.__name__}")
    return value


def read_data_file(source: Path, error: type) -> dict:
    """A YAML data file of this package (lexicon, glossary) as a mapping; `error` names what failed."""
    try:
        return yaml.safe_load(source.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise error(f"cannot read {source}: {str(exc).splitlines()[0]}") from None


@functools.lru_cache(maxsize=4)
def load_lexicon(path: Optional[str] = None) -> Lexicon:
    source = Path(path) if path else LEXICON_PATH
    data = read_data_file(source, LexiconError)
    groups: Dict[str, set] = {}
    phrases: Dict[Phrase, str] = {}
    for group in _entries(data, "synonyms", list):
        if not isinstance(group, list) or len(group) < 2:
            raise LexiconError(f"{source.name}: each synonym group needs two or more words: {group}")
        normalised = [_norm(e) for e in group]
        # the group's first single word stands for its phrases ("tweede kamer" first made "twee" the
        # head, so every "twee" of the documents matched "Kamer")
        head = next((phrase[0] for phrase in normalised if len(phrase) == 1), None)
        if head is None:
            raise LexiconError(f"{source.name}: a synonym group needs one single word to stand for its phrases: {group}")
        members = set()
        for phrase in normalised:
            if not phrase:
                continue
            if len(phrase) == 1:
                members.add(phrase[0])
            else:
                phrases[phrase] = head  # a phrase stands for the group's first word
        members.add(head)
        merged = set(members)
        for word in members:  # a word in two groups joins them
            merged |= groups.get(word, set())
        for word in merged:
            groups[word] = merged
    sector_words: Dict[str, str] = {}
    sector_phrases: Dict[Phrase, str] = {}
    for sector, words in _entries(data, "sectors", dict).items():
        for phrase in (_norm(w) for w in words):
            if len(phrase) == 1:
                sector_words[phrase[0]] = str(sector)
            elif phrase:
                sector_phrases[phrase] = str(sector)
    sector_groups = {_norm(k): tuple(str(s) for s in v) for k, v in (data.get("sector_groups") or {}).items()}
    generic = frozenset(t for e in _entries(data, "generic", list) for t in _norm(e))
    typed = frozenset(t for e in _entries(data, "typed_terms", list) for t in _norm(e))
    programme = frozenset(t for e in _entries(data, "programme", list) for t in _norm(e))
    background = frozenset(t for e in (data.get("background") or []) for t in _norm(e))
    programme_names = frozenset(t for e in (data.get("programme_names") or []) for t in _norm(e))
    programme_start = frozenset(t for e in (data.get("programme_start") or []) for t in _norm(e))
    light = frozenset(t for e in (data.get("light") or []) for t in _norm(e))
    judgements = frozenset(t for e in (data.get("judgements") or []) for t in _norm(e))
    spoken_phrases = frozenset(t for e in (data.get("spoken_phrases") or []) for t in _norm(e))
    sector_subjects = frozenset(t for e in (data.get("sector_subjects") or []) for t in _norm(e))
    answer_kinds = {_norm(k)[0]: tuple(dict.fromkeys([_norm(k)] + [_norm(e) for e in v]))
                    for k, v in (data.get("answer_kinds") or {}).items()}

    def pairs(key: str) -> Dict[str, set]:
        found: Dict[str, set] = {}
        for pair in data.get(key) or []:
            if not isinstance(pair, list) or len(pair) != 2:
                raise LexiconError(f"{source.name}: each of {key} is a pair of words: {pair}")
            one, other = (_norm(w) for w in pair)
            if len(one) != 1 or len(other) != 1:
                raise LexiconError(f"{source.name}: {key} are single words: {pair}")
            for word, opposite in ((one[0], other[0]), (other[0], one[0])):
                for member in groups.get(word, {word}):
                    found.setdefault(member, set()).update(groups.get(opposite, {opposite}))
        return found

    other_cases = pairs("other_cases")
    opposites = pairs("opposites")
    for word, others in other_cases.items():
        opposites.setdefault(word, set()).update(others)
    return Lexicon(
        groups={w: frozenset(g) for w, g in groups.items()}, phrases=phrases,
        sector_words=sector_words, sector_phrases=sector_phrases, sector_groups=sector_groups, generic=generic, programme=programme, typed_terms=typed,
        background=background, programme_names=programme_names, programme_start=programme_start, light=light, judgements=judgements,
        spoken_phrases=spoken_phrases,
        sector_subjects=sector_subjects, opposites={w: frozenset(o) for w, o in opposites.items()},
        other_cases={w: frozenset(o) for w, o in other_cases.items()}, answer_kinds=answer_kinds,
    )


def sector_names() -> List[str]:
    return sorted(set(load_lexicon().sector_words.values()))
