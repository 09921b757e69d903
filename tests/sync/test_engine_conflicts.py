"""Two workstations edit the same case offline (issue 4, item 6, third point).

Different fields merge; notes append; the same legal field ends in a conflict that the
second officer decides ("mine", "registry", per field); no value is silently lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from sync.outbox import OpState
from tests.sync.conftest import OFFICER, Registry
from tests.sync.test_engine_basic import (
    SECOND,
    Client,
    case_fields,
    ensure_user,
    login,
    new_id,
    person_fields,
    server_rows,
)


@pytest.fixture
def pair(registry: Registry, tmp_path: Path) -> Iterator[tuple[Client, Client, str]]:
    ensure_user(registry, SECOND)
    api_a, api_b = login(registry, device="ws-a"), login(registry, SECOND, device="ws-b")
    a = Client(tmp_path / "a.db", api_a)
    b = Client(tmp_path / "b.db", api_b, officer=SECOND)
    pid, case_id = new_id(), new_id()
    a.writer.save("persons", pid, person_fields("KRUMINA"))
    a.writer.save("cases", case_id, case_fields(pid))
    assert a.engine.run_once().ok
    assert b.engine.run_once().ok
    assert b.store.get("cases", case_id)["version"] == 1
    yield a, b, case_id
    for c, api in ((a, api_a), (b, api_b)):
        c.close()
        api.close()


def test_different_fields_merge_and_notes_append(pair: tuple[Client, Client, str]) -> None:
    a, b, case_id = pair
    a.writer.save("cases", case_id, {"detection_place": "Daugavpils"}, kind="update")
    a.writer.save("cases", case_id, {"notes": "A: tulks pieaicināts"}, kind="update")
    b.writer.save("cases", case_id, {"detection_date": "2026-11-19"}, kind="update")
    b.writer.save("cases", case_id, {"notes": "B: persona slima"}, kind="update")
    assert a.engine.run_once().ok
    report = b.engine.run_once()
    assert report.ok and report.conflicts == 0 and report.applied == 2
    assert a.engine.run_once().ok
    for c in (a, b):
        case = c.store.get("cases", case_id)
        assert case["detection_place"] == "Daugavpils"
        assert case["detection_date"] == "2026-11-19"
        assert "A: tulks pieaicināts" in case["notes"] and "B: persona slima" in case["notes"]
        assert c.store.record_state("cases", case_id) == "synced"
    envelope = {"created_at", "created_by", "updated_at", "updated_by"}
    same_a, same_b = (
        {k: v for k, v in c.store.get("cases", case_id).items() if k not in envelope}
        for c in (a, b)
    )
    assert same_a == same_b


def _clash(a: Client, b: Client, case_id: str, mine: str, theirs: str) -> str:
    a.writer.save("cases", case_id, {"detection_date": theirs}, kind="update")
    op = b.writer.save("cases", case_id, {"detection_date": mine, "detection_place": "Rēzekne"},
                       kind="update")  # fmt: skip
    assert a.engine.run_once().ok
    report = b.engine.run_once()
    assert report.ok and report.conflicts == 1
    (held,) = b.store.outbox(SECOND)
    assert held.op_id == op.op_id and held.state == OpState.CONFLICT
    c = held.conflict
    assert c is not None
    assert c.fields == ("detection_date",) and c.legal_fields == ("detection_date",)
    assert c.mine == {"detection_date": mine} and c.registry == {"detection_date": theirs}
    assert c.base == {"detection_date": "2026-11-20"}  # what both officers started from
    assert b.store.record_state("cases", case_id) == "conflict"
    assert b.engine.status().conflicts == 1
    # Nothing lost while undecided: the officer's view keeps his value, the registry's
    # copy has theirs, and the conflict keeps both (plus the base).
    assert b.store.get("cases", case_id)["detection_date"] == mine
    assert a.engine.api.get("cases", case_id)["detection_date"] == theirs
    return op.op_id


def test_same_legal_field_conflict_decided_mine(
    pair: tuple[Client, Client, str], registry: Registry
) -> None:
    a, b, case_id = pair
    op_id = _clash(a, b, case_id, mine="2026-11-18", theirs="2026-11-17")
    b.engine.resolve(op_id, "mine")
    assert b.engine.run_once().ok
    remote = a.engine.api.get("cases", case_id)
    assert remote["detection_date"] == "2026-11-18" and remote["detection_place"] == "Rēzekne"
    assert b.store.record_state("cases", case_id) == "synced"
    assert a.engine.run_once().ok
    assert a.store.get("cases", case_id)["detection_date"] == "2026-11-18"
    audit = b.store.read(
        lambda c: c.exec_driver_sql("SELECT action, op_id, detail FROM sync_audit").all()
    )
    assert audit[0][0] == "resolve" and audit[0][1] == op_id
    assert json.loads(audit[0][2])["choices"] == {"detection_date": "mine"}
    # The registry's audit: SECOND changed detection_date, based on the version he saw.
    rows = server_rows(
        registry,
        "SELECT username, fields FROM audit_log WHERE record_id = :r AND action = 'update' "
        "ORDER BY id",
        r=case_id,
    )
    assert rows[-1][0] == SECOND and "detection_date" in str(rows[-1][1])


def test_same_legal_field_conflict_decided_registry(
    pair: tuple[Client, Client, str], registry: Registry
) -> None:
    a, b, case_id = pair
    op_id = _clash(a, b, case_id, mine="2026-11-16", theirs="2026-11-15")
    b.engine.resolve(op_id, "registry")
    assert b.engine.run_once().ok
    remote = a.engine.api.get("cases", case_id)
    # The registry's date stays; the non-clashing field of the op still went through.
    assert remote["detection_date"] == "2026-11-15" and remote["detection_place"] == "Rēzekne"
    assert b.store.get("cases", case_id)["detection_date"] == "2026-11-15"
    assert b.store.outbox(SECOND) == []
    rows = server_rows(registry, "SELECT data FROM records WHERE collection = 'discarded-ops'")
    found = [json.loads(r[0]) if isinstance(r[0], str) else r[0] for r in rows]
    dropped = [d for d in found if d["op_id"] == op_id]
    assert dropped and dropped[0]["fields"] == ["detection_date"]
    assert dropped[0]["state"] == "conflict"


def test_conflict_decided_per_field(pair: tuple[Client, Client, str]) -> None:
    a, b, case_id = pair
    a.writer.save(
        "cases", case_id, {"detection_date": "2026-11-10", "detection_place": "Valka"},
        kind="update",
    )  # fmt: skip
    op = b.writer.save(
        "cases", case_id, {"detection_date": "2026-11-11", "detection_place": "Valmiera"},
        kind="update",
    )  # fmt: skip
    assert a.engine.run_once().ok
    assert b.engine.run_once().conflicts == 1
    (held,) = b.store.outbox(SECOND)
    assert held.conflict is not None
    assert held.conflict.fields == ("detection_date", "detection_place")
    assert held.conflict.legal_fields == ("detection_date",)
    b.engine.resolve(op.op_id, {"detection_date": "registry", "detection_place": "mine"})
    assert b.engine.run_once().ok
    remote = b.engine.api.get("cases", case_id)
    assert remote["detection_date"] == "2026-11-10" and remote["detection_place"] == "Valmiera"
    assert OFFICER != SECOND
