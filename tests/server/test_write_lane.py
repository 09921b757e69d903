"""A large push on PostgreSQL writes its rows in slices on a second thread (the write
lane) while the later ops are still checked. These tests hold the lane to what a push
promises: order, official numbers, search keys, the feed, and all or nothing."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from registry_server import push as push_module
from registry_server.write_lane import WriteLane
from tests.server.conftest import PG_URL, Registry, _pg_admin, _registry
from tests.server.factories import case_fields, new_id, op, person_fields

N = 60  # persons; with their cases and renames a batch of about 180 ops


def _letters(i: int) -> str:
    # Surnames are letters only: a digit would make the search read a document number.
    return "".join("ABCDEFGHIJ"[int(d)] for d in f"{i:03d}")


def test_a_large_batch_applies_in_order_with_numbers_keys_and_feed(registry: Registry) -> None:
    assert push_module._LANE_MIN_OPS <= 3 * N + 2  # on PostgreSQL the lane takes this batch
    api = registry.login("vrs.officer")
    pids = [new_id() for _ in range(N)]
    ops: list[dict[str, Any]] = []
    for i, pid in enumerate(pids):
        ops.append(op("persons", pid, **person_fields(surname_latin=f"LANEA{_letters(i)}")))
    for pid in pids:
        ops.append(op("cases", new_id(), **case_fields(pid)))
    ops.append(op("cases", new_id(), **case_fields(new_id())))  # no such person: rejected
    # Renames of persons the same batch created (by then written, on PostgreSQL): their
    # old search keys must go and the new ones come.
    for i, pid in enumerate(pids):
        ops.append(op("persons", pid, "update", 1, surname_latin=f"LANEB{_letters(i)}"))
    ops.append(ops[5])  # the same op twice in one batch

    results = api.push(*ops)

    statuses = [r["status"] for r in results]
    assert statuses == ["applied"] * (2 * N) + ["rejected"] + ["applied"] * N + ["duplicate"]
    numbers = [r["record"]["case_no"] for r in results[N : 2 * N]]
    year = numbers[0].split("-")[1]
    assert numbers == [f"VRS-{year}-{n:06d}" for n in range(1, N + 1)]
    assert [r["version"] for r in results[2 * N + 1 : 3 * N + 1]] == [2] * N

    for i in (0, N // 2, N - 1):
        hits = api.get(f"/persons/search?q=laneb{_letters(i)}").json()["results"]
        assert [h["id"] for h in hits] == [pids[i]]
        assert api.get(f"/persons/search?q=lanea{_letters(i)}").json()["results"] == []

    seqs, since = [], 0
    while True:
        page = api.get(f"/changes?since={since}&limit=500").json()
        seqs += [c["seq"] for c in page["changes"]]
        since = page["next"]
        if not page["more"]:
            break
    assert seqs == list(range(1, 3 * N + 1))

    # Replayed whole, the batch changes nothing and answers as before.
    again = api.push(*ops[:-1])
    assert [r["status"] for r in again] == ["duplicate"] * (2 * N) + ["rejected"] + [
        "duplicate"
    ] * N
    assert [r["record"]["case_no"] for r in again[N : 2 * N]] == numbers


# -- the lane itself, on a real PostgreSQL connection ---------------------------------------


@pytest.fixture
def pg() -> Iterator[psycopg.Connection[Any]]:
    if not PG_URL:
        pytest.skip("no PostgreSQL")
    with psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql")) as conn:
        conn.execute("CREATE TEMP TABLE lane_t (n int PRIMARY KEY, note text)")
        yield conn
        conn.rollback()


def test_lane_runs_jobs_in_order_and_drain_makes_them_visible(
    pg: psycopg.Connection[Any],
) -> None:
    lane = WriteLane(pg)
    try:
        lane.submit([("copy", "COPY lane_t (n, note) FROM STDIN", "1\tone\n2\ttwo\n")])
        lane.submit([
            ("execute", "UPDATE lane_t SET note = %s WHERE n = %s", ("uno", 1)),
            ("execute", "INSERT INTO lane_t VALUES (%s, %s)", (3, "three")),
            ("copy", "COPY lane_t (n, note) FROM STDIN", "4\tfour\n"),
        ])  # fmt: skip
        lane.drain()
        rows = pg.execute("SELECT n, note FROM lane_t ORDER BY n").fetchall()
    finally:
        lane.close()
    assert rows == [(1, "uno"), (2, "two"), (3, "three"), (4, "four")]


def test_a_failed_job_stops_the_lane_and_reaches_the_engine(pg: psycopg.Connection[Any]) -> None:
    lane = WriteLane(pg)
    try:
        lane.submit([("copy", "COPY lane_t (n, note) FROM STDIN", "1\tone\n1\tagain\n")])
        lane.submit([("execute", "INSERT INTO lane_t VALUES (%s, %s)", (9, "after"))])
        with pytest.raises(psycopg.errors.UniqueViolation):
            lane.drain()
        with pytest.raises(psycopg.errors.UniqueViolation):  # and it stays failed
            lane.submit([("execute", "SELECT 1", ())])
    finally:
        lane.close()  # returns, the thread is gone
    pg.rollback()
    assert pg.execute("SELECT count(*) FROM pg_tables WHERE tablename = 'lane_t'").fetchone()


@pytest.fixture
def pg_registry(pg_template: str) -> Iterator[Registry]:
    """The API on a fresh PostgreSQL database (the lane is PostgreSQL's)."""
    assert PG_URL
    name = f"t_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{pg_template}"')
    try:
        yield from _registry(PG_URL.rsplit("/", 1)[0] + f"/{name}", False)
    finally:
        with _pg_admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_push_whose_slice_fails_keeps_nothing(
    pg_registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write error in a slice (here a failing statement added to the second slice)
    fails the whole push: the batch's transaction is rolled back, so nothing of it is
    kept, and the client's retry applies it cleanly."""
    registry = pg_registry
    monkeypatch.setattr(push_module, "_FLUSH_WRITES", 5)

    class EagerLane(WriteLane):
        @property
        def idle(self) -> bool:  # a slice at every boundary, however fast PostgreSQL is
            self.drain()
            return True

    monkeypatch.setattr(push_module, "WriteLane", EagerLane)
    api = registry.login("vrs.officer")
    pids = [new_id() for _ in range(120)]
    ops = [op("persons", pid, **person_fields(surname_latin="LANEC")) for pid in pids]
    original = push_module._pg_jobs
    calls = {"n": 0}

    def failing_second_slice(batch: Any) -> list[Any]:
        jobs = original(batch)
        calls["n"] += 1
        if calls["n"] == 2:
            jobs.append(("execute", "SELECT * FROM no_such_table", ()))
        return jobs

    monkeypatch.setattr(push_module, "_pg_jobs", failing_second_slice)
    with pytest.raises(psycopg.errors.UndefinedTable):  # the test client re-raises it
        api.client.post(
            "/api/v1/sync/push", json={"device_id": "d", "ops": ops}, headers=api.headers()
        )
    assert calls["n"] >= 2  # the failing slice went to the lane mid-batch
    assert api.get(f"/persons/{pids[0]}").status_code == 404
    assert api.get("/changes?since=0").json()["changes"] == []

    monkeypatch.setattr(push_module, "_pg_jobs", original)
    assert {res["status"] for res in api.push(*ops)} == {"applied"}
    assert api.get(f"/persons/{pids[0]}").status_code == 200
