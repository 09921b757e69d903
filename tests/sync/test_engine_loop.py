"""The engine's loop: backoff with jitter, the link coming back, pause/resume, one sync
at a time."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
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


def wait_for(check: Callable[[], bool], seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_backoff_is_exponential_with_full_jitter(tmp_path: Path) -> None:
    engine = SyncEngine(
        lambda: LocalStore.open(tmp_path / "x.db", None),
        ApiClient("http://127.0.0.1:9/api/v1", device_id="d"),
        officer=OFFICER,
        device_id="d",
        backoff_base=1.0,
        backoff_cap=60.0,
        rng=random.Random(1),
    )
    for failures, top in ((1, 1.0), (2, 2.0), (4, 8.0), (10, 60.0), (30, 60.0)):
        delays = [engine.backoff_delay(failures) for _ in range(200)]
        assert all(0 <= d <= top for d in delays)
        assert max(delays) > top * 0.8 and min(delays) < top * 0.2  # spread, not fixed


def test_link_returns_and_the_loop_resumes_by_itself(registry: Registry, tmp_path: Path) -> None:
    direct = login(registry, device="ws-loop")
    port = urlparse(registry.base_url).port
    assert port is not None
    with FaultProxy(port, weights={"gateway": 1}) as proxy:
        api = ApiClient(f"http://127.0.0.1:{proxy.port}/api/v1", device_id="ws-loop", timeout=2)
        api.token = direct.token
        path = tmp_path / "loop.db"
        store = LocalStore.open(path, None)
        engine = SyncEngine(
            lambda: LocalStore.open(path, None), api, officer=OFFICER, device_id="ws-loop",
            poll=0.05, backoff_base=0.05, offline_cap=0.3,
        )  # fmt: skip
        proxy.faults = True
        rid = new_id()
        LocalWriter(store, OFFICER).save("persons", rid, person_fields("ATGRIEZTA"))
        engine.start()
        wait_for(lambda: engine.status().online is False)
        tries = sum(proxy.seen.values())
        wait_for(lambda: sum(proxy.seen.values()) >= tries + 2)  # it keeps trying
        assert store.record_state("persons", rid) == "pending"
        assert engine.status().last_error == "net.gateway"
        proxy.faults = False  # the link is back; nobody presses anything
        wait_for(lambda: store.record_state("persons", rid) == "synced")
        wait_for(lambda: engine.status().online is True)
        engine.stop()
        store.close()
        api.close()
    direct.close()


def test_pause_holds_and_resume_goes_on(registry: Registry, tmp_path: Path) -> None:
    api = login(registry, device="ws-pause")
    path = tmp_path / "pause.db"
    store = LocalStore.open(path, None)
    engine = SyncEngine(
        lambda: LocalStore.open(path, None), api, officer=OFFICER, device_id="ws-pause", poll=0.05
    )
    engine.pause()
    engine.start()
    rid = new_id()
    LocalWriter(store, OFFICER).save("persons", rid, person_fields("PAUZE"))
    engine.sync_now()
    time.sleep(0.4)
    assert store.record_state("persons", rid) == "pending" and engine.status().paused
    engine.resume()
    wait_for(lambda: store.record_state("persons", rid) == "synced")
    engine.stop()
    store.close()
    api.close()


def test_one_sync_at_a_time(registry: Registry, tmp_path: Path) -> None:
    api = login(registry, device="ws-one")
    path = tmp_path / "one.db"
    store = LocalStore.open(path, None)
    writer = LocalWriter(store, OFFICER)
    ids = [new_id() for _ in range(20)]
    for rid in ids:
        writer.save("persons", rid, person_fields("VIENS"))
    engine = SyncEngine(
        lambda: LocalStore.open(path, None), api, officer=OFFICER, device_id="ws-one", batch_size=3
    )
    reports = []
    threads = [threading.Thread(target=lambda: reports.append(engine.run_once())) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r.ok for r in reports) and sum(r.sent for r in reports) == 20
    ops = store.outbox(OFFICER, include_applied=True)
    assert all(o.state == OpState.APPLIED and o.attempts == 1 for o in ops)
    marks = ",".join(f"'{o.op_id}'" for o in ops)
    (n,) = server_rows(registry, f"SELECT count(*) FROM applied_ops WHERE op_id IN ({marks})")[0]
    assert n == 20
    engine.stop()
    store.close()
    api.close()


def test_saves_while_the_engine_syncs_on_its_own_connection(
    registry: Registry, tmp_path: Path
) -> None:
    """The DB worker (here: this thread) keeps saving, also on records being sent, while
    the engine's thread pushes and pulls through its own connection."""
    api = login(registry, device="ws-busy")
    path = tmp_path / "busy.db"
    store = LocalStore.open(path, None)
    writer = LocalWriter(store, OFFICER)
    engine = SyncEngine(
        lambda: LocalStore.open(path, None), api, officer=OFFICER, device_id="ws-busy",
        poll=0.01, batch_size=4,
    )  # fmt: skip
    engine.start()
    rng = random.Random(5)
    ids: list[str] = []
    for n in range(60):
        if ids and rng.random() < 0.6:
            writer.save("persons", rng.choice(ids), {"place_of_birth": f"P{n}"}, kind="update")
        else:
            ids.append(new_id())
            writer.save("persons", ids[-1], person_fields("PARALELA"))
        engine.sync_now()
    wait_for(lambda: all(store.record_state("persons", i) == "synced" for i in ids), 60)
    engine.stop()
    ops = store.outbox(OFFICER, include_applied=True)
    assert len(ops) == 60 and all(o.state == OpState.APPLIED for o in ops)
    for rid in ids:
        mine = [o for o in ops if o.record_id == rid]
        remote = api.get("persons", rid)
        assert remote["version"] == len(mine) == store.get("persons", rid)["version"]
        assert remote.get("place_of_birth") == store.get("persons", rid).get("place_of_birth")
    store.close()
    api.close()
