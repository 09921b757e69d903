"""Demo data: deterministic, valid against the record models and reference lists, coherent
for every lifecycle state, and written exactly as the server writes (feed, counters, keys)."""

from __future__ import annotations

import random
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from registry_core.identifiers.mrz import MrzFields, format_mrz, parse_mrz
from registry_core.identifiers.personal_code import is_valid_personal_code
from registry_core.names import transliterate_icao
from registry_core.records import COLLECTIONS
from registry_core.records.enums import CaseStatus
from registry_core.reference import seed_items
from registry_core.workdays import add_working_days
from registry_server.db import make_engine, migrate
from registry_server.demo import (
    REFERENCE_DATE,
    DemoSeedRefused,
    Row,
    generate,
    mrz_lines,
    seed_demo,
    validate_row,
)
from registry_server.push import Actor, Batch, allocate_number
from registry_server.reference_store import seed_reference
from registry_server.search import search_person_ids
from registry_server.tables import record_versions, records

PERSONS = 200
CYRILLIC = set("АБВГҐДЕЁЄЖЗИІЇЙКЛМНОПРСТУЎФХЦЧШЩЪЫЬЭЮЯ")


def _database(path: Path, persons: int = PERSONS, seed: int = 2026) -> Engine:
    url = f"sqlite:///{path}"
    migrate(url)
    engine = make_engine(url)
    seed_reference(engine)
    seed_demo(engine, persons=persons, seed=seed)
    return engine


@dataclass
class Demo:
    engine: Engine
    by_collection: dict[str, list[dict[str, Any]]]
    rows: list[Any]

    def of(self, collection: str) -> list[dict[str, Any]]:
        return self.by_collection[collection]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    engine = _database(tmp_path_factory.mktemp("demo") / "demo.db")
    with engine.connect() as conn:
        rows = conn.execute(sa.select(records).order_by(records.c.id)).mappings().all()
    by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by[row["collection"]].append({**row["data"], "id": row["id"]})
    yield Demo(engine, by, list(rows))
    engine.dispose()


def _table(engine: Engine, sql: str) -> list[tuple[Any, ...]]:
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(sa.text(sql))]


# --------------------------------------------------------------------------- determinism


def test_same_arguments_give_the_same_database(demo: Demo, tmp_path: Path) -> None:
    other = _database(tmp_path / "again.db")
    for sql in (
        "SELECT id, collection, version, data, created_at, created_by, person_id, case_id "
        "FROM records ORDER BY id",
        "SELECT seq, collection, id FROM record_versions ORDER BY seq",
        "SELECT person_id, key, kind FROM search_keys ORDER BY person_id, key, kind",
        "SELECT name, value FROM counters ORDER BY name",
    ):
        assert _table(demo.engine, sql) == _table(other, sql), sql
    other.dispose()


def test_another_seed_gives_other_records(demo: Demo, tmp_path: Path) -> None:
    other = _database(tmp_path / "other.db", persons=50, seed=7)
    ids = {r[0] for r in _table(other, "SELECT id FROM records")}
    assert ids and not ids & {r["id"] for rows in demo.by_collection.values() for r in rows}
    other.dispose()


def test_generation_does_not_depend_on_the_clock_or_chunking() -> None:
    first = [r.data for rows, _ in generate(40, seed=5) for r in rows]
    second = [r.data for rows, _ in generate(40, seed=5) for r in rows]
    assert first == second


# --------------------------------------------------------------------------- validity


def test_every_record_validates_and_uses_known_codes(demo: Demo) -> None:
    domain = {"persons", "documents", "addresses", "cases", "detentions", "decisions", "entry-bans",
              "appeals", "departures", "sis-alerts", "tasks"}  # fmt: skip
    assert set(demo.by_collection) == domain
    for row in demo.rows:
        validate_row(Row(row["id"], row["collection"], row["data"], row["created_at"], row["created_by"],
                         row["person_id"], row["case_id"]))  # fmt: skip


def test_envelope_and_links(demo: Demo) -> None:
    ids = {r["id"]: c for c, rows in demo.by_collection.items() for r in rows}
    for row in demo.rows:
        assert row["version"] == 1 and not row["deleted"]
        assert row["created_by"] in ("demo.vrs", "demo.pmlp")
        assert row["created_at"] <= datetime(2026, 6, 30, 23, 59)
        spec = COLLECTIONS[row["collection"]]
        data = row["data"]
        for field_name, collection in spec.parents:
            if data.get(field_name):
                assert ids[data[field_name]] == collection, (row["collection"], field_name)
    with demo.engine.connect() as conn:
        versions = conn.execute(sa.select(record_versions)).mappings().all()
    assert len(versions) == len(demo.rows)
    by_id = {r["id"]: r for r in demo.rows}
    for v in versions:
        row = by_id[v["id"]]
        assert (v["version"], v["kind"], v["op_id"], v["deleted"]) == (1, "create", None, False)
        assert v["data"] == row["data"] and v["collection"] == row["collection"]
        assert (v["at"], v["by"]) == (row["created_at"], row["created_by"])
        assert v["changed_fields"] == sorted(row["data"])


def test_bcps_units_and_dates_are_real_and_in_order(demo: Demo) -> None:
    bcps = {item.code: item for item in seed_items("bcp")}
    units = {item.code: item for item in seed_items("unit")}
    for dep in demo.of("departures"):
        exit_day = date.fromisoformat(dep["exit_at"][:10])
        assert exit_day <= REFERENCE_DATE
        if dep["bcp"]:
            assert bcps[dep["bcp"]].is_valid_on(exit_day), (dep["bcp"], exit_day)
            assert (
                bcps[dep["bcp"]].extra["kind"]
                == {"road": "road", "rail": "rail", "air": "air", "sea": "sea"}[
                    dep["transport_mode"]
                ]
            )
    for case in demo.of("cases"):
        assert units[case["owner_unit"]].extra["institution"] == case["owner_institution"]
    for decision in demo.of("decisions"):
        assert (
            units[decision["issuing_unit"]].extra["institution"] == decision["issuing_institution"]
        )
        assert decision["signed_at"] <= decision["served_at"]
    owners = Counter(c["owner_institution"] for c in demo.of("cases") if c["case_type"] == "return")
    assert 0.7 < owners["VRS"] / sum(owners.values()) < 0.95


# --------------------------------------------------------------------------- lifecycle


def _by_case(demo: Demo, collection: str) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in demo.of(collection):
        out[rec["case_id"]].append(rec)
    for recs in out.values():  # in the order they happened
        recs.sort(
            key=lambda r: r.get("signed_at") or r.get("filed_date") or r.get("detained_at") or ""
        )
    return out


def test_every_state_occurs_with_the_records_it_implies(demo: Demo) -> None:
    cases = [c for c in demo.of("cases") if c["case_type"] == "return"]
    assert {c["status"] for c in cases} == {s.value for s in CaseStatus}
    decisions = _by_case(demo, "decisions")
    detentions = _by_case(demo, "detentions")
    appeals = _by_case(demo, "appeals")
    departures = _by_case(demo, "departures")
    tasks = _by_case(demo, "tasks")
    bans = _by_case(demo, "entry-bans")
    removal_states = {
        "REMOVAL_ORDERED",
        "CHALLENGED",
        "APPEALED",
        "POSTPONED",
        "REMOVAL_PREPARATION",
        "REMOVED",
    }
    for case in cases:
        cid, status = case["id"], case["status"]
        decs = decisions[cid]
        last = decs[-1] if decs else None
        if status in ("DETECTED", "DETAINED", "DECISION_PENDING"):
            assert not decs and not departures[cid]
        if status == "DETAINED":
            assert [d["status"] for d in detentions[cid]] != [] and detentions[cid][0][
                "released_at"
            ] is None
        if status == "VD_ORDERED":
            assert (
                last and last["decision_type"] == "departure_order" and last["status"] == "served"
            )
            assert 7 <= last["vd_period_days"] <= 30 and last["signed_at"] and last["served_at"]
            deadline = date.fromisoformat(last["vd_deadline"])
            assert deadline >= REFERENCE_DATE and case["vd_deadline"] == last["vd_deadline"]
            assert deadline == date.fromisoformat(last["served_at"][:10]) + timedelta(
                days=last["vd_period_days"]
            )
            assert "vd_deadline" in {t["kind"] for t in tasks[cid]}
        if status in removal_states:
            assert (
                last
                and last["decision_type"] == "removal_decision"
                and last["vd_period_days"] is None
            )
            assert last["served_at"] and last["decision_no"].split("-")[1] == "PIL"
        if status == "CHALLENGED":
            assert last and last["suspended"] and last["status"] == "suspended"
            assert any(
                a["kind"] == "challenge" and a["outcome"] is None and a["suspensive"]
                for a in appeals[cid]
            )
        if status == "APPEALED":
            assert any(a["kind"] == "district_court" and a["outcome"] is None for a in appeals[cid])
        if status == "POSTPONED":
            assert last and last["suspended"] and last["suspension_reason"]
            for a in appeals[cid]:
                assert a["interim_relief"] == "granted" and a["suspensive"]
        if status in ("DEPARTED_VOLUNTARILY", "REMOVED"):
            (dep,) = departures[cid]
            assert last and last["status"] == "executed"
            assert dep["exit_at"] >= last["served_at"]
            forced = dep["exit_type"] in (
                "forced_escorted",
                "forced_unescorted",
                "frontex_operation",
                "readmission",
            )
            assert forced == (status == "REMOVED")
            if dep["exit_type"] in ("forced_escorted", "forced_unescorted", "frontex_operation"):
                assert dep["notice_given_at"] and dep["notice_given_at"] < dep["exit_at"]
            if dep["exit_type"] in ("forced_escorted", "frontex_operation"):
                assert dep["escort"] and dep["escort"]["count"] >= 2
            if status == "DEPARTED_VOLUNTARILY":
                assert dep["exit_at"][:10] <= last["vd_deadline"]
            for ban in bans[cid]:
                assert ban["valid_from"] == dep["exit_at"][:10]
        if status in (
            "REMOVAL_ORDERED",
            "CHALLENGED",
            "APPEALED",
            "POSTPONED",
            "REMOVAL_PREPARATION",
        ):
            for ban in bans[cid]:
                assert ban["valid_from"] is None and ban["start_pending_departure"]
        if status == "CANCELLED":
            assert all(d["status"] == "annulled" and d["annulled_reason"] for d in decs)
            assert not departures[cid]
        if status == "ABSCONDED":
            assert last and (
                last["decision_type"] == "removal_decision"
                or last["vd_deadline"] < REFERENCE_DATE.isoformat()
            )
        for d in detentions[cid]:
            if status not in (
                "DETAINED",
                "DECISION_PENDING",
                *removal_states,
                "ABSCONDED",
                "CANCELLED",
                "CLOSED",
            ):
                raise AssertionError(f"detention in a {status} case")
            if status == "REMOVED" and d["released_at"]:
                assert d["release_reason"] == "removed"


def test_tasks_follow_the_working_day_rules(demo: Demo) -> None:
    decisions = {d["id"]: d for d in demo.of("decisions")}
    kinds = Counter(t["kind"] for t in demo.of("tasks"))
    assert kinds["send_to_vrs"] and kinds["inform_pmlp"] and kinds["vd_deadline"]
    for task in demo.of("tasks"):
        if task["kind"] == "send_to_vrs":
            decision = decisions[task["related_id"]]
            assert (
                decision["issuing_institution"] == "PMLP"
                and decision["decision_type"] == "removal_decision"
            )
            assert (
                task["due_date"]
                == add_working_days(date.fromisoformat(decision["decision_date"]), 1).isoformat()
            )
            assert (task["from_institution"], task["to_institution"]) == ("PMLP", "VRS")
        if task["kind"] == "inform_pmlp":
            decision = decisions[task["related_id"]]
            assert (
                task["due_date"]
                == add_working_days(date.fromisoformat(decision["decision_date"]), 3).isoformat()
            )
        assert (task["status"] == "done") == (task["done_at"] is not None)


def test_entry_bans(demo: Demo) -> None:
    bans = demo.of("entry-bans")
    makers = Counter(b["decision_maker"] for b in bans)
    assert makers["vrs_head"] and makers["interior_minister"]
    for ban in bans:
        if ban["decision_maker"] == "foreign_minister":
            assert not ban["appealable"]
        if ban["valid_from"] and ban["valid_until"]:
            assert ban["valid_from"] < ban["valid_until"]
        if ban["status"] == "ACTIVE":
            assert ban["indefinite"] or ban["valid_until"] >= REFERENCE_DATE.isoformat()
        if ban["status"] == "EXPIRED":
            assert ban["valid_until"] < REFERENCE_DATE.isoformat()
    only = [c for c in demo.of("cases") if c["case_type"] == "entry_ban_only"]
    assert only and all(c["detection_date"] is None for c in only)


# --------------------------------------------------------------------------- feed, counters


def test_feed_is_gap_free_and_counters_continue_the_series(demo: Demo) -> None:
    changes = _table(demo.engine, "SELECT seq, id FROM record_versions ORDER BY seq")
    assert [c[0] for c in changes] == list(range(1, len(demo.rows) + 1))
    assert {c[1] for c in changes} == {r["id"] for r in demo.rows}
    counters = dict(_table(demo.engine, "SELECT name, value FROM counters"))
    assert counters["feed"] == len(demo.rows)
    series: dict[str, list[int]] = defaultdict(list)
    for case in demo.of("cases"):
        inst, year, number = case["case_no"].split("-")
        series[f"case:{inst}:{year}"].append(int(number))
    for decision in demo.of("decisions"):
        inst, kind, year, number = decision["decision_no"].split("-")
        series[f"decision:{inst}:{kind}:{year}"].append(int(number))
    for name, numbers in series.items():
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), name
        assert counters[name] == len(numbers)
    # numbers follow the dates within a series
    ordered = sorted(demo.of("cases"), key=lambda c: c["case_no"])
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a["case_no"][:-7] == b["case_no"][:-7] and a["detection_date"] and b["detection_date"]:
            assert a["detection_date"] <= b["detection_date"]
    # the live server's next number continues the series
    with demo.engine.begin() as conn:
        actor = Actor("u", "demo.vrs", "Demo", "VRS", "VRS-RIP", ("vrs_officer",))
        batch = Batch(conn, actor, "lv", datetime(2026, 7, 1, tzinfo=UTC), {}, counters["feed"])
        spec = COLLECTIONS["cases"]
        number = allocate_number(batch, spec, {"owner_institution": "VRS"})
        assert number == f"VRS-2026-{counters['case:VRS:2026'] + 1:06d}"
        conn.rollback()


def test_seeding_a_registry_with_records_is_refused(demo: Demo) -> None:
    before = _table(demo.engine, "SELECT count(*) FROM records")
    with pytest.raises(DemoSeedRefused) as info:
        seed_demo(demo.engine, persons=5)
    message = str(info.value)
    assert "Kļūda" in message and "Error" in message and "empty" in message
    assert _table(demo.engine, "SELECT count(*) FROM records") == before


# --------------------------------------------------------------------------- persons


def test_persons_names_and_identifiers(demo: Demo) -> None:
    persons = demo.of("persons")
    assert len(persons) == PERSONS == len({p["id"] for p in persons})
    cyrillic = [
        p for p in persons if p["surname_native"] and p["surname_native"][0].upper() in CYRILLIC
    ]
    assert len(cyrillic) > PERSONS // 10
    for p in cyrillic:
        assert transliterate_icao(p["given_names_native"]) == p["given_names_latin"]
        assert transliterate_icao(p["surname_native"]) == p["surname_latin"]
    for p in persons:
        assert p["given_names_latin"] == p["given_names_latin"].upper()
        assert all(ord(ch) < 128 for ch in p["given_names_latin"] + p["surname_latin"])
        if p["personal_code"]:
            assert is_valid_personal_code(p["personal_code"])
    assert any(p["name_reproduction_lv"] for p in persons)
    assert {p["sex"] for p in persons} >= {"M", "F"}
    nationalities = Counter(p["nationalities"][0]["country"] for p in persons)
    assert len(nationalities) >= 12 and nationalities.most_common(1)[0][0] in ("UZB", "RUS")
    # every person has an identity document; numbers never repeat
    docs = demo.of("documents")
    assert {d["person_id"] for d in docs} == {p["id"] for p in persons}
    numbers = [d["series_and_number"] for d in docs]
    assert len(numbers) == len(set(numbers))


def test_partial_dates_of_birth_and_personal_codes_occur() -> None:
    persons = [
        r.data for rows, _ in generate(3000, seed=11) for r in rows if r.collection == "persons"
    ]
    dobs = Counter(len(p["date_of_birth"]) for p in persons)
    assert dobs[4] and dobs[7] and dobs[10] > 0.9 * len(persons)
    codes = [p["personal_code"] for p in persons if p["personal_code"]]
    assert codes and len(codes) == len(set(codes)) and all(map(is_valid_personal_code, codes))
    assert 0.005 < len(codes) / len(persons) < 0.06


def test_passports_carry_a_valid_mrz(demo: Demo) -> None:
    persons = {p["id"]: p for p in demo.of("persons")}
    checked = 0
    for doc in demo.of("documents"):
        if not doc["mrz_raw"]:
            continue
        parsed = parse_mrz(doc["mrz_raw"], today=date(2026, 6, 30))
        assert parsed.valid, doc["mrz_raw"]
        fields = parsed.to_fields()
        assert fields.document_number == doc["series_and_number"]
        assert fields.surname.replace("<", " ").strip() or persons[doc["person_id"]]
        checked += 1
    assert checked >= PERSONS * 0.9


def test_fast_mrz_matches_the_library_builder() -> None:
    rng = random.Random(3)
    for _ in range(500):
        fmt = rng.choice(("TD3", "TD1"))
        optional = rng.choice(("", "930101300123" if fmt == "TD3" else "12345678901"))
        surname = rng.choice(("IVANOV", "AL-JUBOORI", "NGUYEN", "A" * 45))
        given = rng.choice(("VAN HUNG", "IULIIA", "", "JEAN PAUL"))
        number = rng.choice(("751234567", "FE123456", "N12345678"))
        birth = rng.choice((None, date(1990, 3, 4)))
        sex = rng.choice("MFX")
        expiry = date(2030, 1, 2)
        mine = mrz_lines(
            fmt, issuing_state="UZB", surname=surname, given_names=given, number=number,
            nationality="UZB", birth=birth, sex=sex, expiry=expiry, optional=optional,
        )  # fmt: skip
        theirs = format_mrz(
            MrzFields(
                format="TD3" if fmt == "TD3" else "TD1",
                document_code="P" if fmt == "TD3" else "I",
                issuing_state="UZB",
                surname=surname,
                given_names=given,
                document_number=number,
                nationality="UZB",
                birth_date=birth,
                sex="M" if sex == "M" else "F" if sex == "F" else "X",
                expiry_date=expiry,
                optional_data=optional if fmt == "TD3" else "",
                optional_data_2=optional if fmt == "TD1" else "",
            )
        )
        assert mine == theirs


def test_demo_persons_are_found_by_search(demo: Demo) -> None:
    doc = demo.of("documents")[0]
    person = next(p for p in demo.of("persons") if p["id"] == doc["person_id"])
    with demo.engine.connect() as conn:
        assert person["id"] in search_person_ids(conn, doc["series_and_number"])
        found = search_person_ids(
            conn, f"{person['surname_latin']} {person['given_names_latin']}", limit=500
        )
        assert person["id"] in found


def test_ids_are_version_4_uuids(demo: Demo) -> None:
    for row in demo.rows[:500]:
        assert uuid.UUID(row["id"]).version == 4


def test_worker_processes_and_deferred_indexes_give_the_same_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The large-run path (forked workers, indexes rebuilt at the end) on a small run."""
    import registry_server.demo as demo_module

    monkeypatch.setattr(demo_module, "CHUNK_PERSONS", 40)
    plain = _database(tmp_path / "plain.db", persons=120)
    monkeypatch.setattr(demo_module, "_workers", lambda persons: 2)
    monkeypatch.setattr(demo_module, "DEFER_INDEXES_FROM", 1)
    fast = _database(tmp_path / "fast.db", persons=120)
    sql = "SELECT id, data, created_at FROM records ORDER BY id"
    assert _table(plain, sql) == _table(fast, sql)
    assert _table(plain, "SELECT seq, id FROM record_versions ORDER BY seq") == _table(
        fast, "SELECT seq, id FROM record_versions ORDER BY seq"
    )
    indexes = "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    assert _table(plain, indexes) == _table(fast, indexes)
    plain.dispose()
    fast.dispose()


def _index_definitions(engine: Engine) -> list[tuple[Any, ...]]:
    if engine.dialect.name == "postgresql":
        return _table(
            engine,
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY 1",
        )
    return _table(engine, "SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")


def test_seeding_on_each_backend(database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """PostgreSQL takes the COPY path; both rebuild the indexes they dropped for the load."""
    import registry_server.demo as demo_module

    monkeypatch.setattr(demo_module, "DEFER_INDEXES_FROM", 1)
    engine = make_engine(database_url)
    indexes = _index_definitions(engine)
    report = seed_demo(engine, persons=60, seed=9)
    assert _index_definitions(engine) == indexes
    with engine.connect() as conn:
        rows = conn.execute(sa.select(records)).mappings().all()
        versions = conn.execute(
            sa.select(sa.func.count()).select_from(record_versions)
        ).scalar_one()
        seqs = [r[0] for r in conn.execute(sa.text("SELECT seq FROM record_versions ORDER BY seq"))]
        feed = conn.execute(sa.text("SELECT value FROM counters WHERE name = 'feed'")).scalar_one()
        keys = conn.execute(sa.text("SELECT count(*) FROM search_keys")).scalar_one()
    assert report.persons == 60 and report.records == len(rows) == versions == feed
    assert seqs == list(range(1, len(rows) + 1)) and keys > 60 * 3
    for row in rows[:: max(1, len(rows) // 100)]:
        validate_row(Row(row["id"], row["collection"], row["data"], row["created_at"],
                         row["created_by"], row["person_id"], row["case_id"]))  # fmt: skip
    sqlite_like = [r for r in generate(60, seed=9) for r in r[0]]
    assert {r.id for r in sqlite_like} == {r["id"] for r in rows}
    engine.dispose()
