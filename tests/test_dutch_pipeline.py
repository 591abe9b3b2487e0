"""The offline Dutch pipeline's compact lemma table gives spaCy's lemmas."""
from __future__ import annotations

import pytest
from spacy.lookups import Table

from bot.nlp.dutch import CompactLookupTable, compact_lemma_lookup, offline_dir


def test_compact_table_answers_like_spacys_table():
    table = Table.from_dict({"hogescholen": "hogeschool", "krijgt": "krijgen", "kreeg": "krijgen"}, name="lemma_lookup")
    compact = CompactLookupTable.from_table(table)
    assert len(compact) == 3
    for word in ("hogescholen", "krijgt", "kreeg", "school", ""):
        assert compact.get(word, word) == table.get(word, word)
        assert (word in compact) == (word in table)


def test_offline_pipeline_lemmatises_with_the_compact_table():
    from bot.nlp.dutch import build_offline_pipeline, load_offline_pipeline

    if not (offline_dir() / "meta.json").exists():
        pytest.skip("offline pipeline not provisioned (make nlp)")
    plain = build_offline_pipeline()
    compact = load_offline_pipeline(offline_dir())
    spacy_table = plain.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    ours = compact.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")
    assert isinstance(ours, CompactLookupTable) and len(ours) == len(spacy_table)
    assert all(ours.get(key) == value for key, value in list(spacy_table.items())[::25])
    text = "De hogescholen krijgen extra geld voor studenten die vertraging kregen"
    assert [t.lemma_ for t in compact(text)] == [t.lemma_ for t in plain(text)]
    assert "hogeschool" in [t.lemma_ for t in compact(text)]


def test_compacting_a_loaded_dict_table_gives_the_same_lemmas():
    """Folders provisioned before the compact file: the loaded dict table is compacted in place."""
    from bot.nlp.dutch import build_offline_pipeline

    plain = build_offline_pipeline()
    compact = build_offline_pipeline()
    compact_lemma_lookup(compact)
    assert isinstance(compact.get_pipe("lemmatizer").lookups.get_table("lemma_lookup"), CompactLookupTable)
    text = "De hogescholen krijgen extra geld voor studenten die vertraging kregen"
    assert [t.lemma_ for t in compact(text)] == [t.lemma_ for t in plain(text)]
