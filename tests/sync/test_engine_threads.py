"""The engine's own connection and threads (the desktop's threading design, issue 4):

- `LocalStore.opener()` gives a second connection to the same encrypted cache (same key,
  kept in memory), and the two connections write concurrently without "database is
  locked" (WAL, BEGIN IMMEDIATE, busy timeout);
- saves keep going on the DB worker's connection while the engine pushes and pulls on its
  own, and every op reaches the registry exactly once;
- batches in flight never hold an op that depends on another op in flight (the update of
  a record waits for its create's answer), so pipelining changes nothing of the order;
- `stop(wait=False)` returns at once and the loop's thread closes its connection.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from sync.engine import SyncEngine
from sync.local_first import LocalWriter
from sync.outbox import OpState
from sync.store import LocalStore
from tests.sync.conftest import OFFICER, Registry
from tests.sync.test_engine_basic import Client, login, new_id, person_fields, server_rows


def test_opener_gives_a_second_connection_that_writes_beside_the_first(tmp_path: Path) -> None:
    key = os.urandom(32)
    first = LocalStore.open(tmp_path / "cache.db", key)
    second = first.opener()()
    try:
        assert "key" not in repr(first) and key.hex() not in repr(first.opener())
        first.set_meta("a", "1")
        assert second.get_meta("a") == "1"  # the same file, the same key
        errors: list[BaseException] = []

        def writes(store: LocalStore, name: str) -> None:
            try:
                writer = LocalWriter(store, OFFICER)
                for i in range(40):
                    writer.save("persons", new_id(), person_fields(f"{name}{i:03d}"))
                    store.set_meta(f"{name}.last", str(i))
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [
            threading.Thread(target=writes, args=(first, "PIRMAIS")),
            threading.Thread(target=writes, args=(second, "OTRAIS")),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
        assert len(first.outbox(OFFICER)) == 80
        assert second.get_meta("PIRMAIS.last") == "39" and first.get_meta("OTRAIS.last") == "39"
    finally:
        second.close()
        first.close()


def test_saves_go_on_while_the_engine_syncs_on_its_own_connection(
    registry: Registry, tmp_path: Path
) -> None:
    store = LocalStore.open(tmp_path / "ws.db", os.urandom(32))
    writer = LocalWriter(store, OFFICER)
    api = login(registry, device="ws-threads")
    engine = SyncEngine(store.opener(), api, officer=OFFICER, device_id="ws-threads",
                        batch_size=7, poll=0.05)  # fmt: skip
    ids = [new_id() for _ in range(60)]
    try:
        engine.start()
        for i, pid in enumerate(ids):  # the "DB worker": saves while the engine pushes
            writer.save("persons", pid, person_fields(f"VIRKNE{i:03d}"))
            if i % 3 == 0:
                writer.save("persons", pid, {"place_of_birth": "Daugavpils"}, kind="update")
            engine.sync_now()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            counts = store.outbox_counts(OFFICER)
            if counts[OpState.APPLIED] == 80 and not engine.status().running:
                break
            time.sleep(0.1)
        counts = store.outbox_counts(OFFICER)
        assert counts[OpState.APPLIED] == 80, counts
        assert counts[OpState.REJECTED] == counts[OpState.BLOCKED] == 0
    finally:
        engine.stop()
        api.close()
    wanted = set(ids)
    applied = [
        (rid, version)
        for rid, version in server_rows(
            registry, "SELECT id, version FROM records WHERE collection = 'persons'"
        )
        if rid in wanted
    ]
    assert len(applied) == 60
    for rid, version in applied:
        i = ids.index(rid)
        assert version == (2 if i % 3 == 0 else 1)  # exactly once each
    store.close()


def test_batches_in_flight_never_hold_an_op_waiting_for_another(
    registry: Registry, tmp_path: Path
) -> None:
    store = LocalStore.open(tmp_path / "ws.db", None)
    writer = LocalWriter(store, OFFICER)
    ids = [new_id() for _ in range(12)]
    for i, pid in enumerate(ids):
        writer.save("persons", pid, person_fields(f"KARTIBA{i:03d}"))
    for pid in ids:
        writer.save("persons", pid, {"special_features": "Otrais"}, kind="update")
    api = login(registry, device="ws-pipeline")
    sent: list[list[dict[str, object]]] = []
    log: list[tuple[str, int]] = []  # ("send" | "answered" | "recorded", batch), in order
    lock = threading.Lock()
    push = api.push

    def recording_push(device: str, ops: list[dict[str, object]]) -> list[dict[str, object]]:
        with lock:
            n = len(sent)
            sent.append(ops)
            log.append(("send", n))
        answers = push(device, ops)
        with lock:
            log.append(("answered", n))
        return answers

    api.push = recording_push  # type: ignore[method-assign]
    engine = SyncEngine(store.opener(), api, officer=OFFICER, device_id="ws-pipeline",
                        batch_size=5, pipeline=2)  # fmt: skip
    record = engine._record

    def recording_record(batch: list[Any], answers: list[Any], report: Any) -> None:
        record(batch, answers, report)
        with lock:
            log.append(("recorded", next(n for n, b in enumerate(sent)
                                         if b[0]["op_id"] == batch[0].op_id)))  # fmt: skip

    engine._record = recording_record  # type: ignore[method-assign]
    try:
        report = engine.run_once(pull=False)
    finally:
        engine.stop()
        api.close()
    assert report.ok and report.applied == 24 and report.rejected == 0, report.error
    assert all(len(batch) <= 5 for batch in sent) and len(sent) >= 5
    # The next batch went out while the previous answers were still being written ...
    overlap = any(
        log.index(("send", n + 1)) < log.index(("recorded", n)) for n in range(len(sent) - 1)
    )
    assert overlap, log
    # ... yet every update was chosen only once its create's answer had been recorded.
    batch_of = {(op["id"], op["kind"]): n for n, batch in enumerate(sent) for op in batch}
    for pid in ids:
        create, update = batch_of[(pid, "create")], batch_of[(pid, "update")]
        assert log.index(("recorded", create)) < log.index(("send", update)), (pid, log)
    store.close()


def test_stop_without_waiting_returns_at_once_and_the_thread_closes_its_store(
    registry: Registry, tmp_path: Path
) -> None:
    store = LocalStore.open(tmp_path / "ws.db", None)
    opened: list[LocalStore] = []

    def opener() -> LocalStore:
        opened.append(LocalStore.attach(tmp_path / "ws.db", None))
        return opened[-1]

    api = login(registry, device="ws-stop")
    engine = SyncEngine(opener, api, officer=OFFICER, device_id="ws-stop", poll=0.05)
    engine.start()
    deadline = time.monotonic() + 60
    while engine.status().last_success_at is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert opened, "the engine opened its own connection"
    started = time.monotonic()
    engine.stop(wait=False)
    assert time.monotonic() - started < 0.5
    assert engine.stopping
    assert engine.join(30)
    assert engine._store is None  # closed by the loop's own thread
    api.close()
    store.close()


def test_sync_now_pulls_the_registrys_news_before_the_cycle_is_due(
    registry: Registry, tmp_path: Path
) -> None:
    """F5 with nothing to push still asks the registry: before, a wake-up with an empty
    outbox waited for the next full cycle (minutes), and a dropped link went unnoticed."""
    store = LocalStore.open(tmp_path / "news.db", os.urandom(32))
    api = login(registry, device="ws-news")
    engine = SyncEngine(store.opener(), api, officer=OFFICER, device_id="ws-news",
                        interval=3600, poll=0.05)  # fmt: skip
    other = Client(tmp_path / "other.db", login(registry, device="ws-news-other"))
    try:
        engine.start()
        deadline = time.monotonic() + 60
        while engine.status().last_success_at is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert engine.status().online is True
        pid = new_id()
        other.writer.save("persons", pid, person_fields("ZINAS"))
        assert other.engine.run_once().ok
        time.sleep(0.5)  # the engine idles: its next full cycle is an hour away
        assert store.get("persons", pid) is None
        engine.sync_now()
        deadline = time.monotonic() + 60
        while store.get("persons", pid) is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert (store.get("persons", pid) or {}).get("surname_latin") == "ZINAS"
        # The link drops: the next F5 finds out at once, not at the next due cycle.
        address, api.base_url = api.base_url, "http://127.0.0.1:9"
        engine.sync_now()
        deadline = time.monotonic() + 60
        while engine.status().online is not False and time.monotonic() < deadline:
            time.sleep(0.05)
        assert engine.status().online is False
        assert engine.status().last_error == "net.unreachable"
        api.base_url = address
    finally:
        engine.stop()
        other.close()
        store.close()
