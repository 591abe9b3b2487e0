"""Dutch spaCy pipeline for Rasa: `nl_core_news_sm` when installed, else an offline pipeline.

`nl_core_news_sm` is published only outside PyPI, so it cannot be installed on machines without
internet. The offline pipeline is `spacy.blank("nl")` plus spaCy's lookup lemmatiser with the
tables from `spacy-lookups-data` (a PyPI package). It is provisioned to a folder once
(`python -m bot.nlp.dutch provision DIR`, done by `make`) and loaded from there.

`DutchSpacyNLP` is a drop-in `SpacyNLP` for config.yml that picks the first available of:
1. the package named in `model` (default `nl_core_news_sm`);
2. the offline pipeline in `NPO_SPACY_OFFLINE_DIR` (default `.cache/spacy/nl_offline`),
   provisioned on the fly when the folder is missing.
"""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import Any, Dict, Text

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.utils.spacy_utils import SpacyModel, SpacyNLP

import bot.nlp.rasa_speedups  # noqa: F401  (active in every Rasa server process)

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OFFLINE_DIR = REPO_ROOT / ".cache" / "spacy" / "nl_offline"
OFFLINE_MODEL_NAME = "nl_offline_lookup"


def offline_dir() -> Path:
    return Path(os.environ.get("NPO_SPACY_OFFLINE_DIR") or DEFAULT_OFFLINE_DIR)


def build_offline_pipeline():
    """A blank Dutch pipeline with the lookup lemmatiser ("hogescholen" -> "hogeschool")."""
    import spacy

    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # Reads the Dutch lookup table from the spacy-lookups-data package; no network.
    nlp.initialize()
    nlp.meta["name"] = OFFLINE_MODEL_NAME
    nlp.meta["description"] = "Blank Dutch pipeline with the lookup lemmatiser (offline)"
    return nlp


def provision(target: Path) -> Path:
    """Write the offline pipeline to `target` (atomically) unless it is already there."""
    if (target / "config.cfg").exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".tmp-{os.getpid()}")
    build_offline_pipeline().to_disk(tmp)
    try:
        tmp.rename(target)
    except OSError:
        # Another process provisioned it at the same time; keep theirs.
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return target


def load_dutch_model(package: Text | None) -> SpacyModel:
    """Load `package` when installed, else the offline pipeline."""
    import spacy

    if package and spacy.util.is_package(package):
        logger.info("Using the installed spaCy package '%s'.", package)
        return SpacyNLP.load_model(package)
    path = provision(offline_dir())
    logger.info("spaCy package '%s' not installed; using the offline pipeline at %s.", package, path)
    language = spacy.load(path, disable=["parser"])
    compact_lemma_lookup(language)
    return SpacyModel(model=language, model_name=OFFLINE_MODEL_NAME)


class CompactLookupTable:
    """A read-only spaCy lookup `Table` (`get` only) in a fraction of the memory.

    spaCy keeps the Dutch `lemma_lookup` table as an OrderedDict of ~300k hashed words, ~90 MB of
    Python objects in every Rasa process (tracemalloc; Rasa's starter bot has no spaCy at all).
    Here the keys are a sorted uint64 array, the values indexes into the distinct lemmas, and
    `get` answers what `Table.get` answers for every key."""

    def __init__(self, table: Any) -> None:
        import numpy

        items = sorted(table.items())
        lemmas = sorted({value for _, value in items})
        position = {lemma: index for index, lemma in enumerate(lemmas)}
        self.name = getattr(table, "name", "")
        self._keys = numpy.fromiter((key for key, _ in items), dtype=numpy.uint64, count=len(items))
        self._values = numpy.fromiter((position[value] for _, value in items), dtype=numpy.uint32, count=len(items))
        self._lemmas = lemmas
        self._search = numpy.searchsorted

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: Any) -> bool:
        return self._index(key) is not None

    def _index(self, key: Any) -> Any:
        from spacy.strings import get_string_id

        key = get_string_id(key)
        index = int(self._search(self._keys, key))
        return index if index < len(self._keys) and int(self._keys[index]) == key else None

    def get(self, key: Any, default: Any = None) -> Any:
        index = self._index(key)
        return default if index is None else self._lemmas[self._values[index]]


def compact_lemma_lookup(language: Any) -> None:
    """Swap the lookup lemmatiser's `lemma_lookup` table for a CompactLookupTable (same lemmas)."""
    if "lemmatizer" not in language.pipe_names:
        return
    lookups = language.get_pipe("lemmatizer").lookups
    if lookups.has_table("lemma_lookup") and all(isinstance(v, str) for v in lookups.get_table("lemma_lookup").values()):
        table = lookups.remove_table("lemma_lookup")
        lookups._tables["lemma_lookup"] = CompactLookupTable(table)


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.MODEL_LOADER,
        DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER,
    ],
    is_trainable=False,
    model_from="DutchSpacyNLP",
)
class DutchSpacyNLP(SpacyNLP):
    """`SpacyNLP` that falls back to the offline Dutch pipeline."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**SpacyNLP.get_default_config(), "model": "nl_core_news_sm"}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "DutchSpacyNLP":
        config = {**cls.get_default_config(), **config}
        model = load_dutch_model(config.get("model"))
        cls.ensure_proper_language_model(model.model)
        return cls(model, config)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.nlp.dutch", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    prov = sub.add_parser("provision", help="write the offline Dutch pipeline to DIR")
    prov.add_argument("dir", nargs="?", type=Path, default=None)
    show = sub.add_parser("lemmas", help="print the lemmas of a text (check the lemmatiser)")
    show.add_argument("text")
    args = parser.parse_args(argv)
    if args.command == "provision":
        target = provision(args.dir or offline_dir())
        print(f"Offline Dutch spaCy pipeline ready in {target}")
        return 0
    model = load_dutch_model("nl_core_news_sm")
    print(" ".join(token.lemma_ or token.text for token in model.model(args.text)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
