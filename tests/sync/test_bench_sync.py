"""`bench/sync.py --quick` runs end to end (a smoke run of the benchmark, not a
measurement): a real registry server on PostgreSQL, the engine's push and pull, the
desktop's GUI probe, and the last line of JSON with every figure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = ("push_ops_per_s", "pull_rows_per_s", "max_gui_stall_ms", "baseline_rows_per_s",
        "naive_post_ops_per_s", "max_save_during_pull_ms", "median_save_during_pull_ms")  # fmt: skip


@pytest.mark.slow
def test_quick_benchmark_runs_and_ends_with_its_json_line(tmp_path: Path) -> None:
    if not os.environ.get("REGISTRY_TEST_POSTGRES_URL"):
        if os.environ.get("CI"):
            pytest.fail("REGISTRY_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL (set REGISTRY_TEST_POSTGRES_URL or run .ci/run)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "sync.py"), "--quick"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    last = json.loads(done.stdout.strip().splitlines()[-1])
    assert last["bench"] == "sync"
    for key in KEYS:
        assert isinstance(last[key], int | float) and last[key] >= 0, (key, last)
    assert last["push_ops_per_s"] > 0 and last["pull_rows_per_s"] > 0
    assert "load average" in done.stdout
