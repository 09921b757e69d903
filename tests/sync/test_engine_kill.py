"""The client killed with SIGKILL at random points of a sync (issue 4, item 6, first point).

A child process opens the store, saves a few ops (new persons and updates of earlier
ones) and runs the engine; the test kills it at a random moment of that work, 50 times,
restarting it on the same store. After a final clean sync: no op lost (every op is
applied, every record is on the server exactly as last saved), none applied twice (the
registry's `applied_ops` has each op_id once, and each record's version equals the
number of ops made on it).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sync.engine import SyncEngine
from sync.outbox import OpState
from sync.store import LocalStore
from tests.sync.conftest import OFFICER, Registry
from tests.sync.test_engine_basic import login, server_rows

RUNS = 50
ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import os, sys, uuid
    from pathlib import Path
    from sync.api import ApiClient
    from sync.engine import SyncEngine
    from sync.local_first import LocalWriter
    from sync.store import LocalStore

    path = Path(os.environ["STORE"])
    run = int(os.environ["RUN"])
    api = ApiClient(os.environ["BASE_URL"], device_id="ws-kill", timeout=10)
    api.token = os.environ["TOKEN"]
    store = LocalStore.open(path, None)
    writer = LocalWriter(store, os.environ["OFFICER"])
    engine = SyncEngine(lambda: LocalStore.open(path, None), api,
                        officer=os.environ["OFFICER"], device_id="ws-kill", batch_size=2)
    print("ready", flush=True)
    known = [r[0] for r in store.read(lambda c: c.exec_driver_sql(
        "SELECT id FROM records WHERE collection = 'persons' AND data LIKE '%KILLTEST%'"
    ).all())]
    for k in range(2):
        writer.save("persons", str(uuid.uuid4()), {
            "given_names_latin": "KILLTEST", "surname_latin": "OZOLS", "sex": "M",
            "nationalities": [{"country": "UKR", "type": "citizen"}],
            "date_of_birth": "1980-01-01", "place_of_birth": f"Vieta {run}-{k}",
        })
    for k, rid in enumerate(known[-3:]):
        writer.save("persons", rid, {"place_of_birth": f"Vieta {run}-u{k}"}, kind="update")
    for _ in range(3):
        if engine.run_once().ok:
            break
    engine.stop()
    store.close()
    print("done", flush=True)
    """
)


@pytest.mark.slow
def test_sigkill_at_random_points_loses_nothing_applies_nothing_twice(
    registry: Registry, tmp_path: Path
) -> None:
    api = login(registry, device="ws-kill")
    path = tmp_path / "killed.db"
    LocalStore.open(path, None).close()
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    rng = random.Random(4)
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "STORE": str(path),
        "BASE_URL": registry.base_url,
        "TOKEN": str(api.token),
        "OFFICER": OFFICER,
    }
    killed = finished = 0
    for run in range(RUNS):
        child = subprocess.Popen(
            [sys.executable, str(script)],
            env={**env, "RUN": str(run)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "ready", child.stderr.read() if child.stderr else ""
        try:
            child.wait(timeout=rng.uniform(0.0, 0.9))
        except subprocess.TimeoutExpired:
            child.send_signal(signal.SIGKILL)
            child.wait()
            killed += 1
        else:
            err = child.stderr.read() if child.stderr else ""
            assert child.returncode == 0, err
            finished += 1
        for stream in (child.stdout, child.stderr):
            if stream is not None:
                stream.close()
    assert killed >= RUNS // 3, (killed, finished)

    # The final clean sync, in this process.
    engine = SyncEngine(
        lambda: LocalStore.open(path, None), api, officer=OFFICER, device_id="ws-kill"
    )
    report = engine.run_once()
    assert report.ok, report.error
    engine.stop()
    store = LocalStore.open(path, None)
    ops = store.outbox(OFFICER, include_applied=True)
    assert ops and all(o.state == OpState.APPLIED for o in ops), [
        (o.state, o.last_error_code) for o in ops if o.state != OpState.APPLIED
    ]
    op_ids = [o.op_id for o in ops]
    assert len(set(op_ids)) == len(op_ids)
    marks = ",".join(f"'{i}'" for i in op_ids)
    applied = server_rows(
        registry,
        f"SELECT op_id, count(*) FROM applied_ops WHERE op_id IN ({marks}) GROUP BY op_id",
    )
    assert len(applied) == len(op_ids) and all(n == 1 for _, n in applied)
    per_record: dict[str, int] = {}
    for o in ops:
        per_record[o.record_id] = per_record.get(o.record_id, 0) + 1
    for record_id, n_ops in per_record.items():
        local = store.get("persons", record_id)
        remote = api.get("persons", record_id)
        assert local is not None and store.record_state("persons", record_id) == "synced"
        assert remote["version"] == n_ops == local["version"]
        last = [o for o in ops if o.record_id == record_id][-1]
        for name, value in last.fields.items():
            assert remote[name] == value == local[name]
    store.close()
    api.close()
    print(f"sigkill: {killed} killed, {finished} finished, {len(op_ids)} ops")
