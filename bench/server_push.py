"""Benchmark: the registry's push and change-feed rates on PostgreSQL, through real HTTP.

    source .ci/start-postgres && .venv/bin/python bench/server_push.py

1. A real `registry-server` (uvicorn) on loopback over a fresh PostgreSQL database.
2. Push 10,000 ops in batches of 200 (5,000 person creates, then 5,000 updates of them),
   timed end to end through the API: ops/s. Two batches are in flight at once, as the
   desktop's sync client sends them (`--in-flight 1`: one after another).
3. Baseline in the same run: the same 10,000 record rows written with one SQLAlchemy
   bulk insert into a fresh `records` table: rows/s. The push does far more per op
   (checks, history, feed, audit, search keys), so the goal is a share of this.
   For information, also every row the push itself wrote for those ops (records,
   versions, applied ops, audit rows, search keys), bulk-inserted into fresh tables with
   the same indexes: the floor of the push's own writes, as ops/s.
4. Pull 100,000 changes (demo data loaded before step 1, then the pushed ops) through
   `/changes` in pages of 5,000: rows/s.

Steps 2 and 3 run `--rounds` times (default 3, fresh ops and a fresh baseline table each
time) and the medians are reported: on a shared machine single runs scatter widely. Each
round also prints the CPU seconds the server process and this client spent on the push,
and the load average, so that a slow round can be told from a slow server.

Last line: JSON with push_ops_per_s, baseline_rows_per_s, changes_rows_per_s (medians),
push_share_of_baseline, the per-round figures and the load average.
Goals (2 cores): push ≥ 1,500 ops/s and ≥ 30 % of the baseline; changes ≥ 10,000 rows/s.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import uuid
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import psycopg
import requests
import sqlalchemy as sa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from registry_server.db import make_engine, migrate  # noqa: E402
from registry_server.demo import seed_demo  # noqa: E402
from registry_server.reference_store import seed_reference  # noqa: E402
from registry_server.routes.auth import create_user  # noqa: E402
from registry_server.tables import (  # noqa: E402
    applied_ops,
    audit_log,
    metadata,
    record_versions,
    records,
    search_keys,
)

OPS = 10_000
BATCH = 200
IN_FLIGHT = 2  # batches in flight: SyncEngine.pipeline
CHANGES = 100_000
PAGE = 5_000
PASSWORD = "bench-password-123"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _fresh_database(base_url: str, name: str) -> str:
    admin = base_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + f"/{name}"


def _person(i: int) -> dict[str, Any]:
    return {
        "given_names_latin": "BENCH",
        "surname_latin": f"PERSONA{i:05d}",
        "sex": "M" if i % 2 else "F",
        "nationalities": [{"country": "UZB", "type": "citizen"}],
        "date_of_birth": f"{1960 + i % 40}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "place_of_birth": "Samarkanda",
        "languages": ["uz", "ru"],
    }


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux), None where /proc is not there."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _load() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def _ops(n: int) -> list[dict[str, Any]]:
    """n/2 person creates, then an update of each."""
    ids = [str(uuid.uuid4()) for _ in range(n // 2)]
    return [
        {"op_id": str(uuid.uuid4()), "collection": "persons", "id": pid, "kind": "create", "fields": _person(i)}
        for i, pid in enumerate(ids)
    ] + [
        {"op_id": str(uuid.uuid4()), "collection": "persons", "id": pid, "kind": "update", "base_version": 1,
         "fields": {"place_of_birth": "Buhāra", "special_features": f"Pazīme {i}"}}
        for i, pid in enumerate(ids)
    ]  # fmt: skip


def _push_round(
    sessions: list[requests.Session], api: str, server_pid: int, batch: int
) -> dict[str, Any]:
    """Push the ops with up to len(sessions) batches in flight, as the sync client does
    (`SyncEngine.pipeline`): batches in flight never touch the same record (here the
    updates follow their creates by thousands of ops), so the registry may apply them in
    either order."""
    ops = _ops(OPS)
    batches = [ops[start : start + batch] for start in range(0, len(ops), batch)]
    in_flight = len(sessions)
    for i in range(len(batches)):
        touched = {op["id"] for b in batches[max(0, i - in_flight + 1) : i] for op in b}
        assert touched.isdisjoint(op["id"] for op in batches[i]), "dependent batches in flight"

    def send(i: int) -> None:
        # Encoded and decoded with orjson, as the desktop's sync client does (sync/api.py).
        r = sessions[i % in_flight].post(
            f"{api}/sync/push",
            data=orjson.dumps({"device_id": "bench", "ops": batches[i]}),
            headers={"Content-Type": "application/json"},
        )
        r.raise_for_status()
        statuses = {a["status"] for a in orjson.loads(r.content)["results"]}
        assert statuses == {"applied"}, statuses

    server_cpu, load = _cpu_seconds(server_pid), _load()
    started, client_cpu = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(max_workers=in_flight) as pool:
        flight: deque[Future[None]] = deque()
        for i in range(len(batches)):
            if len(flight) == in_flight:
                flight.popleft().result()
            flight.append(pool.submit(send, i))
        while flight:
            flight.popleft().result()
    seconds = time.perf_counter() - started
    client_cpu = time.process_time() - client_cpu
    server_after = _cpu_seconds(server_pid)
    return {
        "ops_per_s": OPS / seconds,
        "seconds": seconds,
        "server_cpu_s": None if server_cpu is None or server_after is None
        else server_after - server_cpu,
        "client_cpu_s": client_cpu,
        "load_before": load,
        "load_after": _load(),
        "ops": ops,
    }  # fmt: skip


def _baseline_round(base: str, ops: list[dict[str, Any]]) -> float:
    """The same record rows, one SQLAlchemy bulk insert, into a fresh `records` table."""
    base_url = _fresh_database(base, "bench_baseline")
    base_engine = make_engine(base_url)
    metadata.create_all(base_engine, tables=[records])
    now = datetime.now(UTC)
    rows = [
        {"id": op["id"] if op["kind"] == "create" else str(uuid.uuid4()), "collection": "persons", "version": 1,
         "deleted": False, "data": {**_person(i), **op["fields"]}, "created_at": now, "created_by": "bench",
         "updated_at": now, "updated_by": "bench", "person_id": None, "case_id": None}
        for i, op in enumerate(ops)
    ]  # fmt: skip
    started = time.perf_counter()
    with base_engine.begin() as conn:
        conn.execute(records.insert(), rows)
    seconds = time.perf_counter() - started
    base_engine.dispose()
    return len(rows) / seconds


def _all_rows_round(base: str, url: str, ops: list[dict[str, Any]]) -> tuple[float, int]:
    """For information, beside the baseline: every row the push wrote for these ops
    (records, versions, applied ops, audit rows, search keys), copied into fresh tables
    with the same indexes by one SQLAlchemy bulk insert per table, in one transaction.
    The floor of the push's own writes: ops/s, and how many rows that is."""
    ids = sorted({op["id"] for op in ops})
    op_ids = [op["op_id"] for op in ops]
    wanted = [
        (records, records.c.id.in_(ids)),
        (record_versions, record_versions.c.id.in_(ids)),
        (applied_ops, applied_ops.c.op_id.in_(op_ids)),
        (audit_log, audit_log.c.record_id.in_(ids)),
        (search_keys, search_keys.c.person_id.in_(ids)),
    ]
    source = make_engine(url)
    with source.connect() as conn:
        rows = {
            table: [
                {k: v for k, v in row._mapping.items() if not (table is audit_log and k == "id")}
                for row in conn.execute(sa.select(table).where(where))
            ]
            for table, where in wanted
        }
    source.dispose()
    target = make_engine(_fresh_database(base, "bench_all_rows"))
    metadata.create_all(target, tables=[t for t, _ in wanted])
    started = time.perf_counter()
    with target.begin() as conn:
        for table, _ in wanted:
            conn.execute(table.insert(), rows[table])
    seconds = time.perf_counter() - started
    target.dispose()
    return len(ops) / seconds, sum(len(r) for r in rows.values())


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "?" if value is None else format(value, spec)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3, help="push/baseline rounds (median)")
    parser.add_argument(
        "--batch", type=int, default=BATCH, help="ops per push request (the sync client sends 200)"
    )
    parser.add_argument(
        "--in-flight", type=int, default=IN_FLIGHT,
        help="push requests in flight at once (the sync client keeps 2; 1: one after another)",
    )  # fmt: skip
    args = parser.parse_args()
    base = os.environ.get("REGISTRY_TEST_POSTGRES_URL")
    if not base:
        sys.exit("Set REGISTRY_TEST_POSTGRES_URL (source .ci/start-postgres)")
    url = _fresh_database(base, "bench_push")
    migrate(url)
    engine = make_engine(url)
    seed_reference(engine)
    with engine.begin() as conn:
        create_user(
            conn,
            username="bench",
            password=PASSWORD,
            full_name="Bench",
            institution="VRS",
            unit="VRS-RIP",
            roles=["vrs_officer"],
        )

    # The feed must hold more than 100,000 changes: demo data goes in first (the demo
    # loader only fills an empty registry), then the pushed ops follow it in the feed.
    seed_demo(engine, persons=CHANGES // 6)

    port = _free_port()
    env = {**os.environ, "REGISTRY_DATABASE_URL": url}
    server = subprocess.Popen(
        [sys.executable, "-m", "registry_server.cli", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(200):
            try:
                requests.get(f"{api}/info", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        session = requests.Session()
        token = session.post(
            f"{api}/auth/login", json={"username": "bench", "password": PASSWORD}
        ).json()["access_token"]
        session.headers["Authorization"] = f"Bearer {token}"
        sessions = [session] + [requests.Session() for _ in range(args.in_flight - 1)]
        for other in sessions[1:]:
            other.headers["Authorization"] = f"Bearer {token}"

        pushes, baselines, floors = [], [], []
        for round_no in range(1, args.rounds + 1):
            push = _push_round(sessions, api, server.pid, args.batch)
            ops = push.pop("ops")
            baseline = _baseline_round(base, ops)
            floor, floor_rows = _all_rows_round(base, url, ops)
            pushes.append(push)
            baselines.append(baseline)
            floors.append(floor)
            print(
                f"round {round_no}: push {OPS} ops in {push['seconds']:.2f} s = "
                f"{push['ops_per_s']:,.0f} ops/s (batches of {args.batch}, {args.in_flight} in flight; CPU s: server "
                f"{_fmt(push['server_cpu_s'])}, client {_fmt(push['client_cpu_s'])}; load "
                f"{_fmt(push['load_before'])}→{_fmt(push['load_after'])}); baseline one bulk "
                f"insert {baseline:,.0f} rows/s; push/baseline {push['ops_per_s'] / baseline:.0%}; "
                f"the push's own {floor_rows:,} rows bulk-inserted: {floor:,.0f} ops/s"
            )
        push_rate = statistics.median(p["ops_per_s"] for p in pushes)
        baseline_rate = statistics.median(baselines)
        share = statistics.median(
            p["ops_per_s"] / b for p, b in zip(pushes, baselines, strict=True)
        )
        print(f"push: median {push_rate:,.0f} ops/s over {args.rounds} rounds (goal ≥ 1,500)")
        print(f"baseline: median {baseline_rate:,.0f} rows/s (one SQLAlchemy bulk insert)")
        print(f"push / baseline = {share:.0%} (median of the rounds; goal ≥ 30 %)")
        floor_rate = statistics.median(floors)
        print(
            f"for information: every row the push writes, bulk-inserted: median "
            f"{floor_rate:,.0f} ops/s; push / that = "
            f"{statistics.median(p['ops_per_s'] / f for p, f in zip(pushes, floors, strict=True)):.0%}"
        )

        # Read 100,000 changes through the API.
        started = time.perf_counter()
        since, got = 0, 0
        while got < CHANGES:
            r = session.get(f"{api}/changes", params={"since": since, "limit": PAGE})
            r.raise_for_status()
            page = orjson.loads(r.content)
            got += len(page["changes"])
            since = page["next"]
            if not page["more"]:
                break
        pull_s = time.perf_counter() - started
        changes_rate = got / pull_s
        print(
            f"changes: {got} rows in {pull_s:.2f} s = {changes_rate:,.0f} rows/s (pages of {PAGE}; goal ≥ 10,000)"
        )
        if got < CHANGES:
            sys.exit(f"only {got} changes in the feed")
    finally:
        server.terminate()
        server.wait(timeout=10)
        engine.dispose()
    print(json.dumps({
        "bench": "server_push",
        "push_ops_per_s": round(push_rate, 1),
        "baseline_rows_per_s": round(baseline_rate, 1),
        "changes_rows_per_s": round(changes_rate, 1),
        "push_share_of_baseline": round(share, 3),
        "all_rows_bulk_ops_per_s": round(floor_rate, 1),
        "batch": args.batch,
        "in_flight": args.in_flight,
        "rounds": [
            {"push_ops_per_s": round(p["ops_per_s"], 1), "baseline_rows_per_s": round(b, 1),
             "server_cpu_s": None if p["server_cpu_s"] is None else round(p["server_cpu_s"], 2), "client_cpu_s": round(p["client_cpu_s"], 2),
             "load_avg_1m": p["load_before"]}
            for p, b in zip(pushes, baselines, strict=True)
        ],
    }))  # fmt: skip


if __name__ == "__main__":
    main()
