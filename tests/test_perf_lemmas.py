"""The offline Dutch pipeline's compact lemma table gives spaCy's lemma for every word.

The table is provisioned as arrays (`bot.nlp.dutch.LEMMA_FILE`) and never built as spaCy's dict at
load time. Lemmas feed DIET's word features, so they must not change: these tests compare the
provisioned table with spaCy's own lookup table for every word of spacy-lookups-data's Dutch table,
and the whole pipeline with spaCy's pipeline on the NLU data and the evaluation questions."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import spacy_lookups_data
import yaml

from bot.nlp import dutch

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def provisioned(tmp_path_factory) -> Path:
    return dutch.provision(tmp_path_factory.mktemp("spacy") / "nl_offline")


@pytest.fixture(scope="module")
def spacy_pipeline():
    """spaCy's own offline pipeline: blank Dutch, lookup lemmatiser with its dict table."""
    return dutch.build_offline_pipeline()


def test_provisioned_folder_has_no_dict_table(provisioned):
    assert (provisioned / dutch.LEMMA_FILE).exists()
    # The folder's own table is empty: loading it builds no 200k-entry dict.
    assert (provisioned / "lemmatizer" / "lookups" / "lookups.bin").stat().st_size < 1000


def test_every_word_of_the_dutch_table_gets_spacys_lemma(provisioned, spacy_pipeline):
    path = Path(spacy_lookups_data.__file__).parent / "data" / "nl_lemma_lookup.json.gz"
    words = json.loads(gzip.decompress(path.read_bytes()))
    spacy_table = spacy_pipeline.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    compact = dutch.CompactLookupTable.load(provisioned / dutch.LEMMA_FILE)
    assert len(compact) == len(spacy_table) > 200_000
    for word in words:
        assert compact.get(word, word) == spacy_table.get(word, word), word
        assert compact.get(word.upper(), word.upper()) == spacy_table.get(word.upper(), word.upper()), word
    # every key (spaCy stores hashes), not only the words the JSON still spells out
    assert all(compact.get(key) == value for key, value in spacy_table.items())
    for missing in ("", "npo-assistent", "xqzw", "Hogescholen2021"):
        assert compact.get(missing, missing) == spacy_table.get(missing, missing)
        assert (missing in compact) == (missing in spacy_table)


def _texts() -> list:
    texts = []
    for path in sorted((REPO_ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                texts.append(line.lstrip("- ").strip())
    questions = yaml.safe_load((REPO_ROOT / "tests" / "eval" / "questions.yml").read_text(encoding="utf-8"))
    texts += [q["q"] for q in questions["questions"]]
    return [t for t in texts if t]


def test_pipeline_lemmatises_like_spacys(provisioned, spacy_pipeline):
    ours = dutch.load_offline_pipeline(provisioned)
    assert isinstance(ours.get_pipe("lemmatizer").lookups.get_table("lemma_lookup"), dutch.CompactLookupTable)
    texts = _texts()
    assert len(texts) > 2500
    for text in texts:
        assert [t.lemma_ for t in ours(text)] == [t.lemma_ for t in spacy_pipeline(text)], text
    assert [t.lemma_ for t in ours("De hogescholen kregen extra geld")][1] == "hogeschool"


def test_saved_table_loads_back_the_same(tmp_path):
    from spacy.lookups import Table

    table = Table.from_dict({"hogescholen": "hogeschool", "krijgt": "krijgen", "kreeg": "krijgen", "één": "één"},
                            name="lemma_lookup")
    dutch.CompactLookupTable.from_table(table).save(tmp_path / "t.npz")
    loaded = dutch.CompactLookupTable.load(tmp_path / "t.npz")
    for word in ("hogescholen", "krijgt", "kreeg", "één", "school", ""):
        assert loaded.get(word, word) == table.get(word, word)


def test_an_older_folder_is_reprovisioned(tmp_path, provisioned):
    import shutil

    old = tmp_path / "nl_offline"
    shutil.copytree(provisioned, old)
    (old / dutch.LEMMA_FILE).unlink()  # the layout before the compact file
    assert dutch.provision(old) == old
    assert (old / dutch.LEMMA_FILE).exists()
    assert [p.name for p in tmp_path.iterdir()] == ["nl_offline"]


def test_the_pipeline_is_loaded_once_per_process(monkeypatch, provisioned):
    monkeypatch.setenv("NPO_SPACY_OFFLINE_DIR", str(provisioned))
    monkeypatch.setattr(dutch, "_loaded", {})
    first = dutch.load_dutch_model("a_package_that_is_not_installed")
    assert dutch.load_dutch_model("a_package_that_is_not_installed") is first


def test_a_lookup_does_not_scan_the_table(provisioned):
    """numpy compares a Python int above 2**63 with a uint64 array as objects, a scan of all
    ~213k keys per word (~170 us); the table searches with a uint64 (~1-3 us)."""
    import time

    compact = dutch.CompactLookupTable.load(provisioned / dutch.LEMMA_FILE)
    words = [f"hogescholen{i}" for i in range(10_000)] + ["hogescholen"] * 10_000
    started = time.perf_counter()
    for word in words:
        compact.get(word, word)
    assert time.perf_counter() - started < 1.5
