"""Do the entities the NLU pipeline extracts match the annotations in `data/nlu/`?

For every NLU example, the annotated entities (entity name + canonical value, i.e. after the
synonym mapping the trained model also applies) are compared with the extracted ones, as
multisets; values are compared lowercased ("MBO" and "mbo" are the same sector).

    python -m bot.measure.entity_match                         # the lookup tables and regexes as data
    python -m bot.measure.entity_match --model models/npo.tar.gz   # through a trained model

Without `--model` the extraction is Rasa's own `RegexEntityExtractor` (configured as in
`config.yml`), `bot.nlp.entities.LongestEntityMatch` when the pipeline has it, and
`EntitySynonymMapper`, built from the training data without training anything,
so it takes seconds (`tests/test_entity_lookup.py`). With `--model` every example is parsed by
the model, whatever its pipeline (also one whose entities come from DIET).
"""
from __future__ import annotations

import argparse
import asyncio
import collections
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Counter, Dict, Iterable, List, Optional, Tuple

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = REPO_ROOT / "data" / "nlu"
CONFIG = REPO_ROOT / "config.yml"

Entity = Tuple[str, str]  # (entity name, canonical value, lowercased)


@dataclass
class Report:
    examples: int = 0
    annotated_examples: int = 0
    annotations: int = 0
    found: int = 0  # annotated (entity, value) pairs that were extracted
    extra: int = 0  # extracted pairs that no annotation asked for
    exact_examples: int = 0  # examples whose extracted multiset equals the annotated one
    misses: List[Tuple[str, List[Entity], List[Entity]]] = field(default_factory=list)

    def add(self, text: str, expected: Counter, got: Counter) -> None:
        self.examples += 1
        self.annotated_examples += bool(expected)
        self.annotations += sum(expected.values())
        self.found += sum((expected & got).values())
        self.extra += sum((got - expected).values())
        if expected == got:
            self.exact_examples += 1
        else:
            self.misses.append((text, sorted((expected - got).elements()), sorted((got - expected).elements())))

    def summary(self) -> str:
        return (f"{self.examples} examples ({self.annotated_examples} annotated): "
                f"{self.exact_examples}/{self.examples} with exactly the annotated entities, "
                f"{self.found}/{self.annotations} annotations found, {self.extra} extra entities")


def training_data():
    from rasa.shared.nlu.training_data.loading import load_data

    return load_data(str(NLU_DIR))


def synonym_mapper(data):
    """Rasa's mapper trained on the data (the synonyms plus annotations whose value differs)."""
    from rasa.nlu.extractors.entity_synonyms import EntitySynonymMapper

    mapper = EntitySynonymMapper({}, None, None)
    mapper._persist = lambda: None  # nothing to store: it is used in memory only
    mapper.train(data)
    return mapper


def _pairs(entities: Iterable[Dict[str, Any]]) -> Counter:
    """(entity name, value lowercased) of each entity, as a multiset."""
    return collections.Counter((e["entity"], str(e["value"]).lower()) for e in entities)


def expected_entities(example, mapper) -> Counter:
    entities = [dict(e) for e in example.get("entities") or []]
    mapper.replace_synonyms(entities)
    return _pairs(entities)


def _pipeline() -> List[Dict[str, Any]]:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8")).get("pipeline") or []


def _pipeline_config(name: str) -> Dict[str, Any]:
    for component in _pipeline():
        if component.get("name") == name:
            return {k: v for k, v in component.items() if k != "name"}
    raise SystemExit(f"{CONFIG} has no {name}; use --model")


def regex_extractor(data):
    """Rasa's RegexEntityExtractor with config.yml's settings and the data's patterns."""
    from rasa.nlu.extractors.regex_entity_extractor import RegexEntityExtractor
    from rasa.nlu.utils import pattern_utils

    extractor = RegexEntityExtractor(_pipeline_config("RegexEntityExtractor"), None, None)
    extractor.patterns = pattern_utils.extract_patterns(
        data,
        use_lookup_tables=extractor._config["use_lookup_tables"],
        use_regexes=extractor._config["use_regexes"],
        use_only_entities=True,
        use_word_boundaries=extractor._config["use_word_boundaries"],
    )
    return extractor


def extract_from_data(texts: Iterable[str], data, mapper) -> List[Counter]:
    from rasa.shared.nlu.training_data.message import Message

    from bot.nlp.entities import LongestEntityMatch

    extractor = regex_extractor(data)
    messages = [Message(data={"text": t}) for t in texts]
    extractor.process(messages)
    if any(c.get("name") == LongestEntityMatch.__module__ + "." + LongestEntityMatch.__name__ for c in _pipeline()):
        LongestEntityMatch().process(messages)
    mapper.process(messages)
    return [_pairs(m.get("entities") or []) for m in messages]


def extract_with_model(texts: List[str], model: Path) -> List[Counter]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))

    async def run():
        return [await agent.parse_message(t) for t in texts]

    return [_pairs(p.get("entities") or []) for p in asyncio.run(run())]


def measure(model: Optional[Path] = None) -> Report:
    data = training_data()
    mapper = synonym_mapper(data)
    examples = [m for m in data.intent_examples if m.get("text")]
    texts = [m.get("text") for m in examples]
    got = extract_with_model(texts, model) if model else extract_from_data(texts, data, mapper)
    report = Report()
    for example, extracted in zip(examples, got):
        report.add(example.get("text"), expected_entities(example, mapper), extracted)
    return report


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="parse through this trained model instead")
    parser.add_argument("--misses", type=int, default=40, help="list at most this many differing examples")
    args = parser.parse_args(argv)
    report = measure(args.model)
    for text, missing, extra in report.misses[: args.misses]:
        print(f"{text!r}: missing {missing}, extra {extra}")
    print(report.summary())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
