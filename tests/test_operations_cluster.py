"""The operations script (tests/operations_script.py) through the scaled-out shape: nginx, a Rasa
replica, PostgreSQL and Redis. Personal data never reaches PostgreSQL, feedback is stored there,
and `python -m bot.report --endpoints deploy/endpoints.cluster.yml` reads it with exact counts.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from bot.ops.cluster import ENDPOINTS, Cluster
from tests import operations_script as script
from tests.test_operations import assert_no_personal_data
from tests.test_scale import MODEL

pytestmark = pytest.mark.scale
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seeded_cluster():
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run 'make train'")
    workdir = Path(tempfile.mkdtemp(prefix="npo-ops-"))
    instance = Cluster(replicas=1, action_servers=1, model=MODEL, workdir=workdir, rate_per_second=1000,
                       rate_burst=1000)
    try:
        instance.start()
        yield instance, script.run_script(instance.url)
    finally:
        instance.stop()
        if not os.environ.get("NPO_KEEP_LOGS"):
            shutil.rmtree(workdir, ignore_errors=True)


def test_postgres_holds_no_personal_data_and_the_feedback(seeded_cluster):
    cluster, _ = seeded_cluster
    connection = cluster.pg.connect()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT sender_id, type_name, data FROM events ORDER BY id")
            rows = cursor.fetchall()
    finally:
        connection.close()
    assert_no_personal_data(rows)
    feedback = [json.loads(data)["data"]["npo_feedback"] for _, type_name, data in rows if type_name == "agent"]
    assert sorted(f["rating"] for f in feedback) == ["down", "up"]
    assert "Te kort. Bel me op [telefoonnummer]" in [f["comment"] for f in feedback]


def test_report_from_postgres_counts_exactly(seeded_cluster, tmp_path):
    cluster, _ = seeded_cluster
    out = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "bot.report", "--endpoints", str(ENDPOINTS), "--since", "1h", "--out", str(out)],
        cwd=REPO_ROOT, env=cluster.rasa_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"Report of 3 conversations and {len(script.SCRIPT)} messages" in done.stdout, done.stdout
    html = out.read_text(encoding="utf-8")
    assert '<div class="value">3</div><div class="label">conversations</div>' in html
    assert f'<div class="value">{len(script.SCRIPT)}</div><div class="label">messages</div>' in html
    assert re.search(r'<td class=n>2</td><td>' + re.escape(script.UNANSWERED_GEMEENTE), html)
    assert "Te kort. Bel me op [telefoonnummer]" in html
    assert "postgresql" in html and cluster._secrets["NPO_DB_PASSWORD"] not in html
    for value in script.PERSONAL:
        assert value not in html
