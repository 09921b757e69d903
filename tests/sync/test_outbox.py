"""The outbox and local-first saves, without a registry: one transaction, dependencies,
base versions, per-officer listing, the upgrade of an existing cache file."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from sync.local_first import LocalWriter
from sync.outbox import OpState
from sync.store import LocalStore
from sync.store_schema import LATEST, make_engine, migrate


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore.open(tmp_path / "o.db", bytes(range(32)))
    yield s
    s.close()


def pid() -> str:
    return str(uuid.uuid4())


PERSON: dict[str, Any] = {
    "given_names_latin": "ANNA",
    "surname_latin": "OZOLA",
    "sex": "F",
    "nationalities": [{"country": "UKR", "type": "citizen"}],
    "date_of_birth": "1990-05-01",
}


def test_save_writes_view_and_op_together(store: LocalStore) -> None:
    w = LocalWriter(store, "a")
    rid = pid()
    result = w.save("persons", rid, PERSON)
    assert result.record["surname_latin"] == "OZOLA" and result.record["id"] == rid
    (op,) = store.outbox("a")
    assert op.op_id == result.op_id and op.state == OpState.PENDING and op.kind == "create"
    assert op.fields == PERSON and op.base_version is None and op.attempts == 0
    assert store.record_state("persons", rid) == "pending"
    assert store.outbox_counts("a")[OpState.PENDING] == 1
    assert w.pending_for("persons", rid) == [op]


def test_a_failed_save_leaves_nothing(store: LocalStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from sync import outbox

    def boom(*a: Any, **k: Any) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(outbox, "recompute_view", boom)
    with pytest.raises(RuntimeError):
        LocalWriter(store, "a").save("persons", pid(), PERSON)
    assert store.outbox("a") == [] and store.person_count() == 0


def test_update_sends_only_changed_fields_with_base_version(store: LocalStore) -> None:
    rid = pid()
    store.cache_records([("persons", {**PERSON, "id": rid, "version": 4, "deleted": False})])
    w = LocalWriter(store, "a")
    same = w.save("persons", rid, {"surname_latin": "OZOLA"}, kind="update")
    assert same.op_id == "" and store.outbox("a") == []
    r = w.save("persons", rid, {"surname_latin": "OZOLA", "place_of_birth": "Rīga"}, kind="update")
    (op,) = store.outbox("a")
    assert op.op_id == r.op_id and op.fields == {"place_of_birth": "Rīga"}
    assert op.base_version == 4
    assert store.get("persons", rid)["place_of_birth"] == "Rīga"
    assert store.get("persons", rid)["version"] == 4


def test_dependencies_follow_parents_and_the_same_record(store: LocalStore) -> None:
    w = LocalWriter(store, "a")
    person, case, decision = pid(), pid(), pid()
    p = w.save("persons", person, PERSON)
    c = w.save("cases", case, {"person_id": person, "owner_institution": "VRS"})
    d = w.save("decisions", decision, {"case_id": case, "person_id": person})
    u = w.save("cases", case, {"owner_unit": "VRS-RIP"}, kind="update")
    ops = {o.op_id: o for o in store.outbox("a")}
    assert ops[c.op_id].depends_on == (p.op_id,)
    assert set(ops[d.op_id].depends_on) == {c.op_id, p.op_id}
    assert ops[u.op_id].depends_on == (c.op_id, p.op_id)
    # Another officer's ops are neither listed nor depended on.
    other = LocalWriter(store, "b").save("cases", pid(), {"person_id": person})
    assert store.outbox("b")[0].depends_on == ()
    assert other.op_id not in {o.op_id for o in store.outbox("a")}
    assert store.outbox_counts("b")[OpState.PENDING] == 1


def test_an_action_can_wait_for_the_act_saved_before_it(store: LocalStore) -> None:
    """A case action queued after its detention waits for it (it is not the case's child)."""
    w = LocalWriter(store, "a")
    person, case, detention = pid(), pid(), pid()
    w.save("persons", person, PERSON)
    c = w.save("cases", case, {"person_id": person, "owner_institution": "VRS"})
    d = w.save("detentions", detention, {"case_id": case, "person_id": person})
    act = w.save("cases", case, {"action": "record_detention"}, kind="action", depends_on=[d.op_id])
    plain = w.save("cases", case, {"action": "start_decision"}, kind="action")
    ops = {o.op_id: o for o in store.outbox("a")}
    assert d.op_id in ops[act.op_id].depends_on
    assert c.op_id in ops[act.op_id].depends_on
    assert d.op_id not in ops[plain.op_id].depends_on


def test_write_only_collections_keep_no_local_record(store: LocalStore) -> None:
    rid = pid()
    LocalWriter(store, "a").save("print-jobs", rid, {"what": "case sheet"})
    assert store.get("print-jobs", rid) is None and len(store.outbox("a")) == 1


def test_bad_kind_or_collection_is_refused(store: LocalStore) -> None:
    w = LocalWriter(store, "a")
    with pytest.raises(ValueError):
        w.save("persons", pid(), PERSON, kind="upsert")
    with pytest.raises(ValueError):
        w.save("nowhere", pid(), PERSON)


def test_existing_cache_is_upgraded_keeping_its_records(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    engine = make_engine(path, None)
    migrate(engine, target=2)
    engine.dispose()
    s = LocalStore.open(path, None)
    assert s.schema_version == LATEST == 3
    assert s.outbox("a") == []
    s.close()
    engine = make_engine(path, None)
    with engine.connect() as conn:
        names = {
            r[0] for r in conn.execute(sa.text("SELECT name FROM sqlite_master WHERE type='table'"))
        }
    engine.dispose()
    assert {"outbox", "record_shadow", "outbox_done", "sync_audit"} <= names
