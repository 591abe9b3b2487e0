"""make bench reports training CPU time beside wall time (no servers, no training)."""
from __future__ import annotations

import sys
import subprocess
from pathlib import Path

from bot.measure import bench
from tests.test_loadgen import _bot


def test_headline_has_training_cpu_and_its_ratio():
    ours = _bot("ours", rps=60.0, p50=30.0, turns=[40.0, 45.0], rss={"rasa": 700.0, "actions": 120.0})
    base = _bot("starter", rps=30.0, p50=35.0, turns=[30.0, 60.0], rss={"rasa": 1000.0})
    figures = bench.headline(ours, base, 90.0, 100.0, train_cpu_s=70.04, base_train_cpu_s=100.0)
    assert figures["train_cpu_s"] == 70.0 and figures["baseline_train_cpu_s"] == 100.0
    assert figures["train_cpu_ratio"] == 0.7
    assert "train_cpu_s" not in bench.headline(ours, base, 90.0, 100.0)
    table = bench.markdown(*bench.summarise_runs([figures]), [ours], [base], bench.QUICK, quick=True)
    assert "| training CPU, user + system (s) | 70.0 | 100.0 |" in table


def test_train_from_scratch_counts_the_childs_cpu(tmp_path, monkeypatch):
    burn = "import time\nt = time.process_time()\nwhile time.process_time() - t < 0.3: pass\n"
    monkeypatch.setattr(bench, "VENV_BIN", tmp_path)
    rasa = tmp_path / "rasa"
    rasa.write_text(f"#!{sys.executable}\n{burn}")
    rasa.chmod(0o755)
    wall, cpu = bench.train_from_scratch(tmp_path, project=Path(tmp_path))
    assert 0.25 <= cpu <= wall + 0.5


def test_load_profile_names_each_component_of_the_trained_model():
    import pytest
    from bot.ops.serve import DEFAULT_MODEL, base_env

    if not DEFAULT_MODEL.exists():
        pytest.skip("no trained model (make train)")
    out = subprocess.run([sys.executable, "-m", "bot.measure.bench", "--load-profile"], cwd=bench.REPO_ROOT,
                         env=base_env(), capture_output=True, text=True, timeout=600, check=True).stdout
    lines = out[out.index("step "):].splitlines()
    names = [line.split()[0] + " " + line.split()[1] for line in lines[1:]]
    assert "load provide_bot.nlp.dutch.DutchSpacyNLP0" in names and "load run_DIETClassifier6" in names
    # the spaCy pipeline is loaded once, by the model provider
    assert "load run_bot.nlp.dutch.DutchSpacyNLP0" not in names
    assert lines[-1].startswith("malloc_trim") and float(lines[-1].split()[1]) < 1000
