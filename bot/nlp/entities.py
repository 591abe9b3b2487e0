"""Entities from lookup tables and regexes: keep the longest of overlapping matches.

Rasa's `RegexEntityExtractor` runs every lookup table and regex on its own and returns every
match, grouped by pattern. Surface forms of different entities contain each other ("tegemoetkoming
voor studievertraging" is a scheme, "studievertraging" alone a theme; "mbo-student" a sector,
"student" a role; "thema lerarenopleidingen" a theme, "lerarenopleidingen" a sector), so without
this one message would carry both. `LongestEntityMatch` drops every entity that overlaps a longer
one (the earlier one on a tie) and returns the rest in text order, as DIET did: the actions read
the last value of an entity (`actions.actions.latest_entity`).

Within one lookup table Rasa joins the entries into one alternation, which takes the first entry
that matches at a position, so `data/nlu/lookups.yml` lists longer forms before the forms they
start with ("mbo-student" before "mbo"); `tests/test_entity_lookup.py` checks that.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message


def longest_matches(entities: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The entities that no longer (or equally long, earlier) entity overlaps, in text order."""
    ranked = sorted(entities, key=lambda e: (-(e["end"] - e["start"]), e["start"]))
    kept: List[Dict[Text, Any]] = []
    for entity in ranked:
        if all(entity["end"] <= other["start"] or other["end"] <= entity["start"] for other in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: (e["start"], e["end"]))


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class LongestEntityMatch(GraphComponent):
    """Keeps the longest of overlapping entities (put it after `RegexEntityExtractor`)."""

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "LongestEntityMatch":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES)
            if entities:
                message.set(ENTITIES, longest_matches(entities), add_to_output=True)
        return messages
