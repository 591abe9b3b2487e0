"""The same question gets the same reply in every process.

Python salts string hashes per process (PYTHONHASHSEED), so anything the engine picks from a set or
frozenset without an order of its own can change between a restart and the next. A synonym choice
did, until it was sorted by name as well as by frequency. Three processes with different salts
answer the dev questions (Dutch and English) here; their replies, the text the embedding reads and
the five best units with their scores must be identical."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = """
import json, sys
from bot.measure import question_eval as qe
from actions import answers
from knowledge import open_kb
from knowledge.english import analyse_in
kb = open_kb()
engine = kb.engine()
replies = {}
for q in qe.load_all():
    if qe.split_name(q) in ("dev", "en-dev"):
        language = qe.language_of(q)
        answer = answers.respond(kb, answers.Context(intent="nlu_fallback", text=q["q"], language=language))
        question = analyse_in(q["q"], language)
        ranked = engine.rank(question)
        # the reply, and what decided it: the text the embedding read and the top five with scores
        replies[q["id"]] = [answers.render(answer)[0] if answer else "", engine._in_document_words(question),
                            [(s.unit.id, s.score) for s in ranked[:5]]]
json.dump(replies, sys.stdout)
"""


def replies_with_hash_seed(seed: str) -> dict:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=600, check=True)
    return json.loads(done.stdout)


def test_replies_do_not_depend_on_the_hash_seed():
    runs = [replies_with_hash_seed(seed) for seed in ("1", "2", "3")]
    assert len(runs[0]) > 400
    differing = [key for key in runs[0] if any(run.get(key) != runs[0][key] for run in runs[1:])]
    assert not differing, [(key, [run[key][1:] for run in runs]) for key in differing[:3]]
