"""The push engine's batch writes: what a batch leaves in every table, on both databases.

On PostgreSQL the batch is read in one pipelined round trip and written as COPY text the
engine formats itself, and updates go through one UPDATE … FROM jsonb_to_recordset. These
tests pin that path down: values that COPY text must escape, several ops on one record in
one batch (merges, refusals undone), the reference cache following a changed list, the
garbage collector pause, and row-for-row equality with the generic SQLAlchemy writer.
"""

from __future__ import annotations

import gc
import threading
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import Any

import orjson
import pytest
import sqlalchemy as sa

from registry_core.gc_pause import gc_paused
from registry_server import push as push_module
from registry_server.db import make_engine
from registry_server.routes import sync as sync_routes
from registry_server.tables import (
    applied_ops,
    audit_log,
    counters,
    record_versions,
    records,
    reference_items,
    reference_lists,
    search_keys,
)
from tests.server.conftest import PG_URL, Registry, _pg_admin, _registry
from tests.server.factories import case_fields, decision_fields, new_id, op, person_fields

# Every character COPY text treats specially, a literal \N (COPY's NULL), quotes, and
# text in three scripts.
TRICKY = "a\\b\tc\nd\re \\N \"q\" 's' Ščeglova Щеглова 李"


def _rows(url: str, table: sa.Table, *order: str) -> list[dict[str, Any]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        query = sa.select(table).order_by(*(table.c[o] for o in order))
        rows = [dict(r._mapping) for r in conn.execute(query)]
    engine.dispose()
    return rows


def _writes(url: str) -> list[dict[str, Any]]:
    """The audit rows of writes (the log also holds reads and logins)."""
    return [r for r in _rows(url, audit_log, "id") if r["action"] in ("create", "update", "delete")]


def test_values_that_copy_must_escape_round_trip(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid, cid = new_id(), new_id()
    device = "dev\\N\t1"
    results = api.push(
        op("persons", pid, **person_fields(place_of_birth=TRICKY, notes=TRICKY)),
        op("cases", cid, **case_fields(pid, detection_place=TRICKY)),
        op("persons", pid, "update", 1, special_features=TRICKY + "!"),
        device=device,
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    (upd,) = api.push(op("persons", pid, "update", 2, place_of_birth=TRICKY + "?"), device=device)
    assert upd["status"] == "applied" and upd["version"] == 3

    person = api.get(f"/persons/{pid}").json()
    assert person["place_of_birth"] == TRICKY + "?"
    assert person["special_features"] == TRICKY + "!"
    assert person["notes"] == TRICKY
    assert api.get(f"/cases/{cid}").json()["detection_place"] == TRICKY

    versions = _rows(registry.url, record_versions, "seq")
    assert [(v["id"], v["version"]) for v in versions] == [(pid, 1), (cid, 1), (pid, 2), (pid, 3)]
    assert versions[0]["data"]["place_of_birth"] == TRICKY
    assert versions[2]["data"]["special_features"] == TRICKY + "!"
    assert {r["device_id"] for r in _rows(registry.url, applied_ops, "at")} == {device}
    audit = [r for r in _writes(registry.url) if r["record_id"] in (pid, cid)]
    assert [(r["action"], r["device_id"]) for r in audit] == [
        ("create", device),
        ("create", device),
        ("update", device),
        ("update", device),
    ]
    # The feed splices the stored JSON text into its answer: it must still parse.
    feed = api.get("/changes?since=0").json()["changes"]
    assert [c["record"]["place_of_birth"] for c in feed if c["collection"] == "persons"] == [
        TRICKY,
        TRICKY,
        TRICKY + "?",
    ]


def test_several_ops_on_one_record_in_one_batch(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid = new_id()
    results = api.push(
        op("persons", pid, **person_fields()),
        op("persons", pid, "update", 1, place_of_birth="Ostrov"),
        op("persons", pid, "update", 2, date_of_birth="31.02.1990"),  # refused: undone
        op("persons", pid, "update", 1, special_features="Rēta"),  # stale, other field: merged
        op("persons", pid, "update", 1, place_of_birth="Pleskava"),  # stale, same field
        op("persons", pid, "update", 3, surname_latin="SHCHEGLOVA-IVANOVA"),
    )
    assert [r["status"] for r in results] == [
        "applied",
        "applied",
        "rejected",
        "applied",
        "conflict",
        "applied",
    ], results
    assert [r.get("version") for r in results] == [1, 2, None, 3, 3, 4]
    assert results[4]["fields"] == ["place_of_birth"]
    assert results[4]["record"]["place_of_birth"] == "Ostrov"

    person = api.get(f"/persons/{pid}").json()
    assert person["version"] == 4
    assert (person["place_of_birth"], person["special_features"]) == ("Ostrov", "Rēta")
    assert person["surname_latin"] == "SHCHEGLOVA-IVANOVA"
    versions = _rows(registry.url, record_versions, "seq")
    assert [(v["version"], v["seq"], v["changed_fields"]) for v in versions] == [
        (1, 1, sorted(versions[0]["data"])),
        (2, 2, ["place_of_birth"]),
        (3, 3, ["special_features"]),
        (4, 4, ["surname_latin"]),
    ]
    audit = [r for r in _writes(registry.url) if r["record_id"] == pid]
    assert [(r["action"], r["detail"]["version"]) for r in audit] == [
        ("create", 1),
        ("update", 2),
        ("update", 3),
        ("update", 4),
    ]
    assert [r["detail"]["op_id"] for r in audit] == [results[i]["op_id"] for i in (0, 1, 3, 5)]
    assert len(_rows(registry.url, applied_ops, "at")) == 4
    (counter,) = [c for c in _rows(registry.url, counters, "name") if c["name"] == "feed"]
    assert counter["value"] == 4
    # the search index holds the final name only
    keys = {k["key"] for k in _rows(registry.url, search_keys, "key") if k["person_id"] == pid}
    assert "IVANOVA" in {k.upper() for k in keys}
    hits = api.get("/persons/search?q=shcheglova-ivanova").json()["results"]
    assert [h["id"] for h in hits] == [pid]


def test_a_changed_reference_list_is_seen_by_the_next_push(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    fields = person_fields(languages=["xq"])
    (refused,) = api.push(op("persons", new_id(), **fields))
    assert refused["status"] == "rejected" and "languages.0" in refused["fields"]
    (other,) = api.push(op("persons", new_id(), **person_fields()))
    assert other["status"] == "applied"  # the cache is now warm and unchanged

    engine = make_engine(registry.url)
    with engine.begin() as conn:
        version = conn.execute(
            sa.select(reference_lists.c.version).where(reference_lists.c.name == "language")
        ).scalar_one()
        conn.execute(
            reference_items.insert().values(
                list_name="language", code="xq", label_lv="Testa", label_en="Test",
                extra={}, sort=0, version=version + 1,
            )
        )  # fmt: skip
        conn.execute(
            reference_lists.update()
            .where(reference_lists.c.name == "language")
            .values(version=version + 1)
        )
    engine.dispose()
    (accepted,) = api.push(op("persons", new_id(), **fields))
    assert accepted["status"] == "applied", accepted


def test_replay_of_a_batch_is_all_duplicates_with_the_same_records(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid = new_id()
    ops = [
        op("persons", pid, **person_fields()),
        op("persons", pid, "update", 1, place_of_birth="Ostrov"),
        op("persons", new_id(), **person_fields(surname_latin="IVANOVA")),
    ]
    first = api.push(*ops)
    again = api.push(*ops)
    assert [r["status"] for r in again] == ["duplicate"] * 3
    assert [(r["op_id"], r["id"], r["version"]) for r in again] == [
        (r["op_id"], r["id"], r["version"]) for r in first
    ]
    assert again[1]["record"]["place_of_birth"] == "Ostrov"
    assert again[0]["record"]["place_of_birth"] == "Pskov"  # the version that op made
    assert len(_rows(registry.url, record_versions, "seq")) == 3


# -- the collector pause ---------------------------------------------------------------------


def test_gc_is_paused_only_while_batches_run() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():  # nested or concurrent batches
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()


def test_gc_resumes_when_concurrent_batches_end_in_any_order() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with gc_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with gc_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())  # the first batch ended, this one still runs

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert seen == [False]
    assert gc.isenabled()


def test_push_runs_with_the_collector_paused_and_resumes_it(
    registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = registry.login("vrs.officer")
    during: list[bool] = []
    real_push = push_module.PushEngine.push

    def watched(self: Any, *args: Any, **kwargs: Any) -> Any:
        during.append(gc.isenabled())
        return real_push(self, *args, **kwargs)

    monkeypatch.setattr(push_module.PushEngine, "push", watched)
    (res,) = api.push(op("persons", new_id(), **person_fields()))
    assert res["status"] == "applied"
    assert during == [False]
    assert gc.isenabled()
    assert api.get("/changes?since=0").status_code == 200  # other routes: untouched
    r = registry.client.post(
        "/api/v1/sync/push",
        json={"device_id": "d", "ops": [{"op_id": "not-a-uuid"}]},
        headers=api.headers(),
    )
    assert r.status_code == 422
    assert gc.isenabled()


# -- the PostgreSQL fast path writes what the generic writer writes ------------------------


@pytest.fixture
def two_pg_registries(pg_template: str) -> Iterator[list[Registry]]:
    assert PG_URL
    names = [f"t_{uuid.uuid4().hex[:12]}" for _ in range(2)]
    with _pg_admin() as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        with ExitStack() as stack:
            yield [
                stack.enter_context(
                    contextmanager(_registry)(PG_URL.rsplit("/", 1)[0] + f"/{name}", False)
                )
                for name in names
            ]
    finally:
        with _pg_admin() as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _scenario() -> list[list[dict[str, Any]]]:
    pid, pid2, cid, did = new_id(), new_id(), new_id(), new_id()
    doc = op("documents", new_id(), person_id=pid, doc_type="P",
             series_and_number="7512 345678", issuing_state="RUS")  # fmt: skip
    doc_update = op("documents", doc["id"], "update", 1, series_and_number="7512 999999")
    return [
        [
            op("persons", pid, **person_fields(notes=TRICKY)),
            op("persons", pid2, **person_fields(surname_latin="IVANOVA")),
            op("cases", cid, **case_fields(pid)),
            doc,
            op("persons", pid, "update", 1, place_of_birth="Ostrov"),
        ],
        [
            op("persons", pid, "update", 1, special_features="Rēta"),
            op("persons", pid, "update", 1, place_of_birth="Pleskava"),
            op("persons", pid2, "update", 1, surname_latin="PETROVA", date_of_birth="1980"),
            op("persons", pid2, "delete", 2),
            doc_update,
            op("decisions", did, **decision_fields(cid, pid)),
        ],
        [doc, op("decisions", did, "update", 1, facts=TRICKY)],
    ]


def _snapshot(url: str) -> dict[str, list[bytes]]:
    """Every row the pushes wrote, less the timestamps (and the audit log's serial id)."""
    out: dict[str, list[bytes]] = {}
    for table, order in (
        (records, ("id",)),
        (record_versions, ("seq",)),
        (applied_ops, ("op_id",)),
        (audit_log, ("id",)),
        (search_keys, ("person_id", "key", "kind")),
        (counters, ("name",)),
    ):
        ignored = {"at", "created_at", "updated_at"} | ({"id"} if table is audit_log else set())
        out[table.name] = [
            orjson.dumps(
                {str(k): v for k, v in row.items() if k not in ignored},
                default=str,
                option=orjson.OPT_SORT_KEYS,
            )
            for row in _rows(url, table, *order)
            if table is not audit_log or row["action"] in ("create", "update", "delete")
        ]
    return out


def _answers(results: list[list[dict[str, Any]]]) -> list[Any]:
    out = []
    for batch in results:
        for r in batch:
            record = {
                k: v
                for k, v in (r.get("record") or {}).items()
                if k not in ("created_at", "updated_at")
            }
            out.append((r["status"], r["op_id"], r.get("version"), r.get("fields"), record))
    return out


@pytest.mark.parametrize(
    "flush_writes",
    [None, 1, 2, 3],
    ids=["one-write", "lane-every-write", "lane-every-2", "lane-every-3"],
)
def test_fast_writer_matches_the_generic_writer(
    two_pg_registries: list[Registry], monkeypatch: pytest.MonkeyPatch, flush_writes: int | None
) -> None:
    """The COPY writer, at the end of the batch or in slices through the write lane
    (slice boundaries falling between every pair of ops in turn), leaves exactly the
    rows and answers that the generic SQLAlchemy writer does."""
    scenario = _scenario()
    fast_registry, generic_registry = two_pg_registries
    slices: list[int] = []

    class CountingLane(push_module.WriteLane):
        def submit(self, jobs: list[Any]) -> None:
            slices.append(len(jobs))
            super().submit(jobs)

        @property
        def idle(self) -> bool:  # slice at every boundary, however fast PostgreSQL is
            self.drain()
            return True

    monkeypatch.setattr(push_module, "WriteLane", CountingLane)
    if flush_writes is not None:
        monkeypatch.setattr(push_module, "_LANE_MIN_OPS", 1)
        monkeypatch.setattr(push_module, "_FLUSH_WRITES", flush_writes)
    fast_api = fast_registry.login("vrs.officer")
    fast = [fast_api.push(*batch) for batch in scenario]
    # Without the lane nothing is sliced; with it, batches go in several slices.
    assert (len(slices) > len(scenario)) if flush_writes else not slices
    monkeypatch.setattr(push_module, "_LANE_MIN_OPS", 10**9)
    # The same ops again, in the other database, read and written through SQLAlchemy.
    monkeypatch.setattr(push_module, "_write_pg", push_module._write_generic)
    monkeypatch.setattr(push_module, "_begin_pg", _generic_begin)
    generic_api = generic_registry.login("vrs.officer")
    generic = [generic_api.push(*batch) for batch in scenario]

    assert [r["status"] for batch in fast for r in batch] == [
        "applied", "applied", "applied", "applied", "applied",
        "applied", "conflict", "applied", "applied", "applied", "applied",
        "duplicate", "applied",
    ]  # fmt: skip
    assert _answers(fast) == _answers(generic)
    assert _snapshot(fast_registry.url) == _snapshot(generic_registry.url)


def _generic_begin(
    conn: Any, op_ids: list[str], ids: set[str]
) -> tuple[int, list[str], list[push_module.StoredRecord], dict[str, int]]:
    """A batch's first reads the generic way (SQLAlchemy), for the comparison above."""
    seq = conn.execute(
        sa.select(counters.c.value).where(counters.c.name == "feed").with_for_update()
    ).scalar_one()
    done = conn.execute(
        sa.select(applied_ops.c.op_id).where(applied_ops.c.op_id.in_(op_ids))
    ).scalars()
    found = conn.execute(sa.select(records).where(records.c.id.in_(list(ids)))).all()
    recs = [
        push_module.StoredRecord(
            r.id, r.collection, r.version, r.deleted, dict(r.data), r.created_at, r.created_by
        )
        for r in found
    ]
    versions = conn.execute(sa.select(reference_lists.c.name, reference_lists.c.version))
    return int(seq), list(done), recs, {row.name: row.version for row in versions}


def test_feed_built_by_postgresql_matches_the_generic_feed(
    two_pg_registries: list[Registry],
) -> None:
    """PostgreSQL builds each feed entry's JSON itself; it must say exactly what the
    generic builder (SQLite's) says about the same versions: escapes, Unicode, deletes
    and timestamps included."""
    registry = two_pg_registries[0]
    api = registry.login("vrs.officer")
    for batch in _scenario():
        api.push(*batch)
    fast = api.get("/changes?since=0&limit=5").json()
    engine = make_engine(registry.url)
    with engine.connect() as conn:
        rows = sync_routes._generic_page(conn, 0, ["persons", "cases", "documents", "decisions"], 5)
    engine.dispose()
    generic = orjson.loads("[" + ",".join(sync_routes._feed_entry(r) for r in rows[:5]) + "]")
    assert len(fast["changes"]) == 5 and fast["more"] is True
    assert fast["changes"] == generic
    everything = api.get("/changes?since=0").json()["changes"]
    assert any(c["deleted"] for c in everything)
    assert any(c["record"].get("notes") == TRICKY for c in everything)
