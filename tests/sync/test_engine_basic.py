"""The sync engine against the real registry on loopback: push, pull, dependencies,
resend and discard, per-officer outboxes, conflicts decided by the officer.

The helpers at the top are shared by the other `test_engine_*` modules.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from registry_server.db import make_engine
from registry_server.routes.auth import create_user
from sync.api import ApiClient
from sync.engine import SyncEngine, SyncEvent, SyncReport
from sync.local_first import LocalWriter
from sync.outbox import OpState
from sync.store import LocalStore
from tests.sync.conftest import OFFICER, PASSWORD, Registry

SECOND = "vrs.engine.second"


def new_id() -> str:
    return str(uuid.uuid4())


def person_fields(surname: str = "OZOLA", **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "given_names_latin": "ANNA",
        "surname_latin": surname,
        "sex": "F",
        "nationalities": [{"country": "UKR", "type": "citizen"}],
        "date_of_birth": "1990-05-01",
    }
    fields.update(over)
    return fields


def case_fields(person_id: str, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "person_id": person_id,
        "owner_institution": "VRS",
        "owner_unit": "VRS-RIP",
        "case_type": "return",
        "detection_date": "2026-11-20",
        "detection_place": "Rīga, Centrālā stacija",
        "detecting_unit": "VRS-RIP",
        "illegal_stay_grounds": [],
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
        "responsible_officer": OFFICER,
    }
    fields.update(over)
    return fields


def login(registry: Registry, username: str = OFFICER, device: str = "ws-engine") -> ApiClient:
    api = ApiClient(registry.base_url, device_id=device, timeout=10)
    api.login(username, PASSWORD)
    return api


def server_rows(registry: Registry, sql: str, **params: Any) -> list[Any]:
    engine = make_engine(registry.database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(sql), params))
    finally:
        engine.dispose()


def ensure_user(registry: Registry, username: str) -> None:
    if server_rows(registry, "SELECT 1 FROM users WHERE username = :u", u=username):
        return
    engine = make_engine(registry.database_url)
    with engine.begin() as conn:
        create_user(
            conn, username=username, password=PASSWORD, full_name="Engine Second",
            institution="VRS", unit="VRS-RIP", roles=["vrs_officer"],
        )  # fmt: skip
    engine.dispose()


class Client:
    """One workstation: its store, a writer for the officer, an engine."""

    def __init__(self, path: Path, api: ApiClient, officer: str = OFFICER) -> None:
        self.path = path
        self.store = LocalStore.open(path, None)
        self.writer = LocalWriter(self.store, officer)
        self.events: list[SyncEvent] = []
        self.engine = SyncEngine(
            lambda: LocalStore.open(path, None),
            api,
            officer=officer,
            device_id=api.device_id,
            on_event=self.events.append,
        )

    def close(self) -> None:
        self.engine.stop()
        self.store.close()


@pytest.fixture
def client(registry: Registry, tmp_path: Path) -> Iterator[Client]:
    api = login(registry)
    c = Client(tmp_path / "ws1.db", api)
    yield c
    c.close()
    api.close()


# --------------------------------------------------------------------------- push, pull


def test_save_shows_at_once_and_sync_applies_it_once(client: Client, registry: Registry) -> None:
    pid = new_id()
    saved = client.writer.save("persons", pid, person_fields("KALNINA"))
    assert saved.record["surname_latin"] == "KALNINA" and saved.record["version"] == 0
    assert client.store.record_state("persons", pid) == "pending"
    assert client.store.get("persons", pid)["surname_latin"] == "KALNINA"
    # The view is indexed like any cached record: the search finds it offline.
    assert any(h.person["id"] == pid for h in client.store.search("Kalnina"))

    update = client.writer.save("persons", pid, {"surname_latin": "KALNA"}, kind="update")
    ops = client.store.outbox(OFFICER)
    assert [o.op_id for o in ops] == [saved.op_id, update.op_id]
    assert ops[1].depends_on == (saved.op_id,) and ops[1].base_version is None

    report = client.engine.run_once()
    assert report.ok, report.error
    assert report.applied == 2 and report.sent == 2
    assert client.store.record_state("persons", pid) == "synced"
    local = client.store.get("persons", pid)
    assert local["surname_latin"] == "KALNA" and local["version"] == 2
    remote = client.engine.api.get("persons", pid)
    assert remote["surname_latin"] == "KALNA" and remote["version"] == 2
    applied = client.store.outbox(OFFICER, include_applied=True)
    assert [o.state for o in applied] == [OpState.APPLIED, OpState.APPLIED]
    assert [o.applied_version for o in applied] == [1, 2]
    # Nothing is sent twice; the cursor moved and the reference lists are cached.
    again = client.engine.run_once()
    assert again.ok and again.sent == 0
    assert client.store.reference_versions()
    status = client.engine.status()
    assert status.online and status.pending == 0 and status.last_success_at is not None
    assert status.reference_age is not None
    n = server_rows(
        registry,
        "SELECT count(*) FROM applied_ops WHERE op_id IN (:a, :b)",
        a=saved.op_id,
        b=update.op_id,
    )[0][0]
    assert n == 2


def test_pull_never_overwrites_an_unsent_edit(client: Client, registry: Registry) -> None:
    client.engine.run_once()
    pid = registry.seeded.persons["dmitrii"]
    base = client.store.get("persons", pid)
    assert base is not None
    client.writer.save("persons", pid, {"place_of_birth": "Kyiv"}, kind="update")
    other = login(registry, device="ws-other")
    answer = other.push(
        "ws-other",
        [
            {
                "op_id": new_id(), "collection": "persons", "id": pid, "kind": "update",
                "base_version": base["version"], "fields": {"patronymic": "PETROVICH"},
            }
        ],
    )  # fmt: skip
    assert answer[0]["status"] == "applied"
    client.engine.pause()  # pull only: the op stays pending while the registry moved
    client.engine._pull(SyncReport())
    view = client.store.get("persons", pid)
    assert view["patronymic"] == "PETROVICH" and view["place_of_birth"] == "Kyiv"
    assert client.store.record_state("persons", pid) == "pending"
    client.engine.resume()
    assert client.engine.run_once().ok
    remote = other.get("persons", pid)
    assert remote["patronymic"] == "PETROVICH" and remote["place_of_birth"] == "Kyiv"
    assert client.store.record_state("persons", pid) == "synced"
    other.close()


# --------------------------------------------------------------------------- dependencies


def test_rejected_op_blocks_only_its_dependants_resend_unblocks(
    client: Client, registry: Registry
) -> None:
    bad = new_id()
    good = new_id()
    case_id = new_id()
    w = client.writer
    p1 = w.save("persons", bad, person_fields("BERZINA", date_of_birth="not-a-date"))
    u1 = w.save("persons", bad, {"place_of_birth": "Cēsis"}, kind="update")
    c1 = w.save("cases", case_id, case_fields(bad))
    p2 = w.save("persons", good, person_fields("LIEPA"))
    ops = {o.op_id: o for o in client.store.outbox(OFFICER)}
    assert ops[u1.op_id].depends_on == (p1.op_id,)
    assert ops[c1.op_id].depends_on == (u1.op_id,)  # chain: case → update → create
    assert ops[p2.op_id].depends_on == ()

    report = client.engine.run_once()
    assert report.ok
    ops = {o.op_id: o for o in client.store.outbox(OFFICER, include_applied=True)}
    assert ops[p1.op_id].state == OpState.REJECTED
    assert ops[p1.op_id].last_error_code == "op.invalid"
    assert "date_of_birth" in ops[p1.op_id].error_fields
    assert set(ops[p1.op_id].last_error or {}) == {"lv", "en"}
    assert ops[u1.op_id].state == OpState.BLOCKED
    assert ops[u1.op_id].error_fields == {"depends_on": p1.op_id}
    assert ops[c1.op_id].state == OpState.BLOCKED
    assert ops[c1.op_id].error_fields == {"depends_on": u1.op_id}
    assert ops[p2.op_id].state == OpState.APPLIED
    assert client.store.record_state("cases", case_id) == "rejected"
    assert client.engine.status().rejected == 1 and client.engine.status().blocked == 2
    # The officer's typing is still there (not lost), marked rejected.
    assert client.store.get("persons", bad)["date_of_birth"] == "not-a-date"

    client.engine.resend(p1.op_id, person_fields("BERZINA"))
    assert client.engine.run_once().ok
    ops = {o.op_id: o for o in client.store.outbox(OFFICER, include_applied=True)}
    assert {ops[o.op_id].state for o in (p1, u1, c1)} == {OpState.APPLIED}
    assert client.engine.api.get("persons", bad)["place_of_birth"] == "Cēsis"
    case = client.engine.api.get("cases", case_id)
    assert case["person_id"] == bad and case["case_no"].startswith("VRS-")
    assert client.store.get("cases", case_id)["case_no"] == case["case_no"]


def test_discard_is_audited_in_the_registry_and_blocks_dependants(
    client: Client, registry: Registry
) -> None:
    pid, case_id = new_id(), new_id()
    p = client.writer.save("persons", pid, person_fields("SALNA", sex="?"))
    c = client.writer.save("cases", case_id, case_fields(pid))
    client.engine.run_once()
    assert [o.state for o in client.store.outbox(OFFICER)] == [OpState.REJECTED, OpState.BLOCKED]
    client.engine.discard(p.op_id, "Ievadīts kļūdaini")
    assert client.store.get("persons", pid) is None  # created here, never in the registry
    assert client.engine.run_once().ok
    left = client.store.outbox(OFFICER)
    assert [(o.op_id, o.state) for o in left] == [(c.op_id, OpState.BLOCKED)]
    rows = server_rows(registry, "SELECT data FROM records WHERE collection = 'discarded-ops'")
    found = [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]
    mine = [d for d in found if d["op_id"] == p.op_id]
    assert mine and mine[0]["state"] == "rejected" and mine[0]["reason"] == "Ievadīts kļūdaini"
    client.engine.discard(c.op_id, "Persona nav reģistrā")
    assert client.engine.run_once().ok
    assert client.store.outbox(OFFICER) == []
    assert client.store.get("cases", case_id) is None


def test_a_request_the_registry_refuses_whole_is_split_to_find_the_bad_op(
    client: Client,
) -> None:
    good = new_id()
    client.writer.save("persons", good, person_fields("AUSMA"))
    bad = client.writer.save("persons", "not-a-uuid", person_fields("KLUDA"))
    client.writer.save("persons", new_id(), person_fields("RASA"))
    report = client.engine.run_once()
    assert report.ok and report.applied == 2 and report.rejected == 1
    (left,) = client.store.outbox(OFFICER)
    assert left.op_id == bad.op_id and left.state == OpState.REJECTED
    assert left.last_error and left.last_error["lv"] and left.last_error["en"]


# --------------------------------------------------------------------------- officers


def test_outbox_per_officer_and_kept_over_logout(registry: Registry, tmp_path: Path) -> None:
    ensure_user(registry, SECOND)
    path = tmp_path / "shared.db"
    store = LocalStore.open(path, None)
    mine = LocalWriter(store, OFFICER).save("persons", new_id(), person_fields("EGLE"))
    theirs = LocalWriter(store, SECOND).save("persons", new_id(), person_fields("PRIEDE"))
    assert [o.op_id for o in store.outbox(OFFICER)] == [mine.op_id]
    assert [o.op_id for o in store.outbox(SECOND)] == [theirs.op_id]
    store.close()  # logout / quit with unsynced ops

    api2 = login(registry, SECOND, device="ws-shared")
    second = SyncEngine(
        lambda: LocalStore.open(path, None), api2, officer=SECOND, device_id="ws-shared"
    )
    assert second.run_once().ok
    second.stop()
    store = LocalStore.open(path, None)
    assert store.outbox(OFFICER)[0].state == OpState.PENDING  # not pushed by the other
    assert store.outbox_counts(OFFICER)[OpState.PENDING] == 1
    assert store.outbox(SECOND) == []
    store.close()
    api1 = login(registry, device="ws-shared")
    first = SyncEngine(lambda: LocalStore.open(path, None), api1, officer=OFFICER, device_id="x")
    assert first.run_once().ok
    first.stop()
    store = LocalStore.open(path, None)
    assert store.outbox(OFFICER) == []
    store.close()
    who = server_rows(
        registry,
        "SELECT username FROM applied_ops WHERE op_id IN (:a, :b) ORDER BY username",
        a=mine.op_id,
        b=theirs.op_id,
    )
    assert [r[0] for r in who] == sorted([OFFICER, SECOND])  # each pushed by its own officer
    api1.close()
    api2.close()


def test_session_expired_pauses_and_keeps_the_ops(client: Client) -> None:
    pid = new_id()
    op = client.writer.save("persons", pid, person_fields("VITOLA"))
    token = client.engine.api.token
    client.engine.api.token = "not-a-token"
    report = client.engine.run_once()
    assert report.error == "auth.invalid_token"
    status = client.engine.status()
    assert status.paused and status.last_error == "auth.invalid_token"
    assert client.store.outbox(OFFICER)[0].op_id == op.op_id
    assert client.store.outbox(OFFICER)[0].state == OpState.PENDING
    client.engine.api.token = token
    client.engine.resume()
    assert client.engine.run_once().ok
    assert client.store.record_state("persons", pid) == "synced"


def test_background_loop_syncs_by_itself(client: Client) -> None:
    client.engine.poll = 0.05
    client.engine.start()
    pid = new_id()
    client.writer.save("persons", pid, person_fields("DZENE"))
    client.engine.sync_now()
    deadline = time.monotonic() + 15
    while client.store.record_state("persons", pid) != "synced":
        assert time.monotonic() < deadline, client.engine.status()
        time.sleep(0.05)
    assert any(e.kind == "applied" for e in client.events)
    client.engine.stop()
