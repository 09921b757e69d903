"""A bad link between client and registry (issue 4, item 6, second point).

Through `fault_proxy.FaultProxy` (dropped requests and answers, delays beyond the
client's timeout, 502/503, truncated bodies) the engine keeps trying; once the faults
stop, client and server agree and every op was applied exactly once.
"""

from __future__ import annotations

import random
from pathlib import Path
from urllib.parse import urlparse

from sync.api import ApiClient
from sync.engine import SyncEngine
from sync.local_first import LocalWriter
from sync.outbox import OpState
from sync.store import LocalStore
from tests.sync.conftest import OFFICER, Registry
from tests.sync.fault_proxy import FaultProxy
from tests.sync.test_engine_basic import login, new_id, person_fields, server_rows


def test_faults_then_agreement_exactly_once(registry: Registry, tmp_path: Path) -> None:
    direct = login(registry, device="ws-faults")
    port = urlparse(registry.base_url).port
    assert port is not None
    with FaultProxy(port, seed=7, delay=1.2) as proxy:
        api = ApiClient(f"http://127.0.0.1:{proxy.port}/api/v1", device_id="ws-faults", timeout=0.8)
        api.token = direct.token
        path = tmp_path / "faults.db"
        store = LocalStore.open(path, None)
        writer = LocalWriter(store, OFFICER)
        engine = SyncEngine(
            lambda: LocalStore.open(path, None), api, officer=OFFICER, device_id="ws-faults",
            batch_size=3,
        )  # fmt: skip
        rng = random.Random(3)
        ids: list[str] = []
        proxy.faults = True
        failures = 0
        for round_no in range(25):
            for _ in range(2):
                if ids and rng.random() < 0.5:
                    writer.save(
                        "persons", rng.choice(ids), {"place_of_birth": f"Vieta {round_no}-{_}"},
                        kind="update",
                    )  # fmt: skip
                else:
                    ids.append(new_id())
                    writer.save("persons", ids[-1], person_fields("FAULTS"))
            report = engine.run_once()
            failures += 0 if report.ok else 1
        assert failures >= 5, proxy.seen  # the faults did bite
        assert {"drop_request", "drop_response", "delay", "gateway", "truncate"} <= set(
            proxy.seen
        ), proxy.seen

        proxy.faults = False
        report = engine.run_once()
        assert report.ok, report.error
        engine.stop()

        ops = store.outbox(OFFICER, include_applied=True)
        assert ops and all(o.state == OpState.APPLIED for o in ops)
        marks = ",".join(f"'{o.op_id}'" for o in ops)
        applied = server_rows(
            registry,
            f"SELECT op_id, count(*) FROM applied_ops WHERE op_id IN ({marks}) GROUP BY op_id",
        )
        assert len(applied) == len(ops) and all(n == 1 for _, n in applied)
        assert sum(o.attempts for o in ops) > len(ops)  # many were sent more than once
        per_record: dict[str, int] = {}
        for o in ops:
            per_record[o.record_id] = per_record.get(o.record_id, 0) + 1
        for record_id, n_ops in per_record.items():
            remote = direct.get("persons", record_id)
            local = store.get("persons", record_id)
            assert local is not None and remote["version"] == n_ops == local["version"]
            content = {k: v for k, v in remote.items() if not k.endswith(("_at", "_by"))}
            assert {k: local.get(k) for k in content} == content
        # The whole cache agrees with the registry on every record it holds.
        server = dict(server_rows(registry, "SELECT id, version FROM records"))
        local_versions = store.read(
            lambda c: c.exec_driver_sql("SELECT id, version FROM records").all()
        )
        assert local_versions
        assert all(server[rid] == v for rid, v in local_versions), [
            (rid, v, server.get(rid)) for rid, v in local_versions if server.get(rid) != v
        ]
        store.close()
        api.close()
    direct.close()
