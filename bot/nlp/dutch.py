"""Dutch spaCy pipeline for Rasa: `nl_core_news_sm` when installed, else an offline pipeline.

`nl_core_news_sm` is published only outside PyPI, so it cannot be installed on machines without
internet. The offline pipeline is `spacy.blank("nl")` plus spaCy's lookup lemmatiser with the
tables from `spacy-lookups-data` (a PyPI package). It is provisioned to a folder once
(`python -m bot.nlp.dutch provision DIR`, done by `make`) and loaded from there.

`DutchSpacyNLP` is a drop-in `SpacyNLP` for config.yml that picks the first available of:
1. the package named in `model` (default `nl_core_news_sm`);
2. the offline pipeline in `NPO_SPACY_OFFLINE_DIR` (default `.cache/spacy/nl_offline`),
   provisioned on the fly when the folder is missing.

Memory: the offline pipeline keeps its ~213k-word lemma table as a `CompactLookupTable` (sorted
arrays, ~4 MB) written at provisioning (`LEMMA_FILE`); the pipeline folder itself holds an empty
`lemma_lookup` table, so loading never builds spaCy's ~90 MB dict. A process loads the pipeline
once: Rasa creates the component twice (the model provider and the message processor).
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
# The lemma table as CompactLookupTable arrays, inside the provisioned folder.
LEMMA_FILE = "lemma_lookup.npz"

_loaded: Dict[Text, SpacyModel] = {}


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
    """Write the offline pipeline to `target` (atomically) unless it is already there.

    A folder provisioned before the compact lemma file existed is replaced by a new one."""
    if (target / "config.cfg").exists() and (target / LEMMA_FILE).exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + f".tmp-{os.getpid()}")
    nlp = build_offline_pipeline()
    lookups = nlp.get_pipe("lemmatizer").lookups
    table = lookups.remove_table("lemma_lookup")
    # spaCy's lookup lemmatiser requires the table to exist; ours replaces it after loading.
    lookups.add_table("lemma_lookup", {})
    nlp.to_disk(tmp)
    CompactLookupTable.from_table(table).save(tmp / LEMMA_FILE)
    import shutil

    old = None
    if target.exists():  # an older layout: move it aside, then drop it
        old = target.with_name(target.name + f".old-{os.getpid()}")
        try:
            target.rename(old)
        except OSError:
            old = None
    try:
        tmp.rename(target)
    except OSError:
        # Another process provisioned it at the same time; keep theirs.
        shutil.rmtree(tmp, ignore_errors=True)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return target


def load_dutch_model(package: Text | None) -> SpacyModel:
    """Load `package` when installed, else the offline pipeline; once per process."""
    import spacy

    if package and spacy.util.is_package(package):
        if package not in _loaded:
            logger.info("Using the installed spaCy package '%s'.", package)
            _loaded[package] = SpacyNLP.load_model(package)
        return _loaded[package]
    path = provision(offline_dir())
    key = str(path.resolve())
    if key not in _loaded:
        logger.info("spaCy package '%s' not installed; using the offline pipeline at %s.", package, path)
        _loaded[key] = SpacyModel(model=load_offline_pipeline(path), model_name=OFFLINE_MODEL_NAME)
    return _loaded[key]


def load_offline_pipeline(path: Path) -> Any:
    """The provisioned pipeline with its lemma table as a CompactLookupTable."""
    import spacy

    language = spacy.load(path, disable=["parser"])
    lookups = language.get_pipe("lemmatizer").lookups
    if (path / LEMMA_FILE).exists():
        lookups.remove_table("lemma_lookup")
        lookups._tables["lemma_lookup"] = CompactLookupTable.load(path / LEMMA_FILE)
    else:  # provisioned by an older version: the full table was loaded, compact it now
        compact_lemma_lookup(language)
    return language


class CompactLookupTable:
    """A read-only spaCy lookup `Table` (`get` only) in a fraction of the memory.

    spaCy keeps the Dutch `lemma_lookup` table as an OrderedDict of ~213k hashed words, ~90 MB of
    Python objects in every Rasa process (tracemalloc; Rasa's starter bot has no spaCy at all).
    Here the keys are a sorted uint64 array, the values indexes into the sorted distinct lemmas,
    and the lemmas one UTF-8 blob with offsets (~4 MB in all); `get` answers what `Table.get`
    answers for every key (tests/test_perf_lemmas.py checks the whole table)."""

    def __init__(self, keys: Any, values: Any, blob: Any, offsets: Any, name: Text = "lemma_lookup") -> None:
        import numpy

        self.name = name
        self._keys = keys
        self._values = values
        self._blob = bytes(blob)
        self._offsets = offsets
        # A Python int above 2**63 makes numpy compare the whole array as objects (~170 us a word).
        self._uint64 = numpy.uint64

    @classmethod
    def from_table(cls, table: Any) -> "CompactLookupTable":
        import numpy

        items = sorted(table.items())
        lemmas = sorted({value for _, value in items})
        position = {lemma: index for index, lemma in enumerate(lemmas)}
        encoded = [lemma.encode("utf-8") for lemma in lemmas]
        offsets = numpy.zeros(len(encoded) + 1, dtype=numpy.uint64)
        offsets[1:] = numpy.cumsum([len(b) for b in encoded], dtype=numpy.uint64)
        return cls(
            numpy.fromiter((key for key, _ in items), dtype=numpy.uint64, count=len(items)),
            numpy.fromiter((position[value] for _, value in items), dtype=numpy.uint32, count=len(items)),
            b"".join(encoded),
            offsets,
            getattr(table, "name", "") or "lemma_lookup",
        )

    def save(self, path: Path) -> None:
        import numpy

        with open(path, "wb") as out:
            numpy.savez(out, keys=self._keys, values=self._values,
                        blob=numpy.frombuffer(self._blob, dtype=numpy.uint8), offsets=self._offsets)

    @classmethod
    def load(cls, path: Path) -> "CompactLookupTable":
        import numpy

        with numpy.load(path, allow_pickle=False) as data:
            return cls(data["keys"], data["values"], data["blob"].tobytes(), data["offsets"])

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: Any) -> bool:
        return self._index(key) is not None

    def _index(self, key: Any) -> Any:
        from spacy.strings import get_string_id

        key = get_string_id(key)
        index = int(self._keys.searchsorted(self._uint64(key)))
        return index if index < len(self._keys) and int(self._keys[index]) == key else None

    def lemma(self, position: int) -> Text:
        return self._blob[int(self._offsets[position]):int(self._offsets[position + 1])].decode("utf-8")

    def get(self, key: Any, default: Any = None) -> Any:
        index = self._index(key)
        return default if index is None else self.lemma(self._values[index])


def compact_lemma_lookup(language: Any) -> None:
    """Swap the lookup lemmatiser's `lemma_lookup` table for a CompactLookupTable (same lemmas)."""
    if "lemmatizer" not in language.pipe_names:
        return
    lookups = language.get_pipe("lemmatizer").lookups
    if lookups.has_table("lemma_lookup") and all(isinstance(v, str) for v in lookups.get_table("lemma_lookup").values()):
        table = lookups.remove_table("lemma_lookup")
        lookups._tables["lemma_lookup"] = CompactLookupTable.from_table(table)


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
