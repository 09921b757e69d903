"""The outbox contract: exactly once, field-level merge, conflicts, locks, the feed."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import sqlalchemy as sa

from registry_server.db import make_engine
from tests.server.conftest import Registry
from tests.server.factories import case_fields, decision_fields, new_id, op, person_fields


def _create_person(api: Any, **over: Any) -> dict[str, Any]:
    pid = new_id()
    (res,) = api.push(op("persons", pid, **person_fields(**over)))
    assert res["status"] == "applied", res
    return res


def _count(url: str, table: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
    engine.dispose()
    return int(n)


def test_replayed_op_applies_once_and_answers_duplicate(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid = new_id()
    create = op("persons", pid, **person_fields())
    (first,) = api.push(create)
    (second,) = api.push(create)
    assert first["status"] == "applied" and first["version"] == 1
    assert second["status"] == "duplicate"
    assert second["version"] == 1 and second["record"]["surname_latin"] == "SHCHEGLOVA"
    # the same op twice in one batch is also applied once
    other = op("persons", new_id(), **person_fields(surname_latin="IVANOVA"))
    a, b = api.push(other, other)
    assert (a["status"], b["status"]) == ("applied", "duplicate")
    assert _count(registry.url, "records") == 2
    assert _count(registry.url, "applied_ops") == 2
    assert api.get(f"/persons/{pid}").json()["version"] == 1


def test_stale_update_of_same_field_is_a_conflict_with_current_record(registry: Registry) -> None:
    officer_a = registry.login("vrs.officer")
    officer_b = registry.login("pmlp.officer")
    person = _create_person(officer_a)
    pid = person["id"]
    (a,) = officer_a.push(op("persons", pid, "update", 1, place_of_birth="Pleskava"))
    assert a["status"] == "applied" and a["version"] == 2
    (b,) = officer_b.push(op("persons", pid, "update", 1, place_of_birth="Pskov oblast"))
    assert b["status"] == "conflict"
    assert b["fields"] == ["place_of_birth"]
    assert b["record"]["place_of_birth"] == "Pleskava" and b["version"] == 2
    assert "place_of_birth" in b["message"]
    assert officer_a.get(f"/persons/{pid}").json()["place_of_birth"] == "Pleskava"


def test_stale_updates_of_different_fields_are_merged(registry: Registry) -> None:
    officer_a = registry.login("vrs.officer")
    officer_b = registry.login("pmlp.officer")
    pid = _create_person(officer_a)["id"]
    (a,) = officer_a.push(op("persons", pid, "update", 1, place_of_birth="Pleskava"))
    (b,) = officer_b.push(op("persons", pid, "update", 1, special_features="Rēta uz kreisās rokas"))
    assert (a["status"], b["status"]) == ("applied", "applied")
    assert b["version"] == 3
    record = officer_b.get(f"/persons/{pid}").json()
    assert record["place_of_birth"] == "Pleskava"
    assert record["special_features"] == "Rēta uz kreisās rokas"


def test_notes_from_both_sides_are_appended_not_overwritten(registry: Registry) -> None:
    a = registry.login("vrs.officer")
    b = registry.login("pmlp.officer")
    pid = _create_person(a, notes="Sākotnējā piezīme.")["id"]
    a.push(op("persons", pid, "update", 1, notes="Sākotnējā piezīme.\nVRS: persona ieradās."))
    (res,) = b.push(
        op("persons", pid, "update", 1, notes="Sākotnējā piezīme.\nPMLP: iesniegums saņemts.")
    )
    assert res["status"] == "applied"
    notes = res["record"]["notes"]
    assert "VRS: persona ieradās." in notes and "PMLP: iesniegums saņemts." in notes


def test_same_value_on_both_sides_is_not_a_conflict(registry: Registry) -> None:
    a = registry.login("vrs.officer")
    pid = _create_person(a)["id"]
    a.push(op("persons", pid, "update", 1, place_of_birth="Pleskava"))
    (res,) = a.push(op("persons", pid, "update", 1, place_of_birth="Pleskava"))
    assert res["status"] == "applied"


def test_rejected_op_does_not_stop_the_others(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    good1 = op("persons", new_id(), **person_fields(surname_latin="PETROVA"))
    bad = op("persons", new_id(), **person_fields(date_of_birth="31.02.1990"))
    good2 = op("persons", new_id(), **person_fields(surname_latin="SIDOROVA"))
    results = api.push(good1, bad, good2)
    assert [r["status"] for r in results] == ["applied", "rejected", "applied"]
    assert results[1]["fields"] == {"date_of_birth": "Šāda datuma nav."}
    assert _count(registry.url, "records") == 2


def test_ops_in_one_batch_see_each_other(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid, cid = new_id(), new_id()
    results = api.push(
        op("persons", pid, **person_fields()),
        op("cases", cid, **case_fields(pid)),
        op("persons", pid, "update", 1, place_of_birth="Ostrov"),
    )
    assert [r["status"] for r in results] == ["applied", "applied", "applied"]
    assert results[1]["record"]["case_no"].startswith("VRS-")
    assert results[2]["version"] == 2


def test_dependant_of_missing_parent_is_rejected_on_its_field(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    (res,) = api.push(op("cases", new_id(), **case_fields(new_id())))
    assert res["status"] == "rejected"
    assert res["fields"] == {"person_id": "Saistītais ieraksts nav atrasts reģistrā."}


def test_case_and_decision_numbers_are_allocated_by_the_server(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid = _create_person(api)["id"]
    cids = [new_id(), new_id()]
    results = api.push(
        *(op("cases", c, **case_fields(pid, case_no="VRS-1999-000001")) for c in cids)
    )
    numbers = [r["record"]["case_no"] for r in results]
    year = numbers[0].split("-")[1]
    assert numbers == [f"VRS-{year}-000001", f"VRS-{year}-000002"]
    (dec,) = api.push(op("decisions", new_id(), **decision_fields(cids[0], pid)))
    assert dec["record"]["decision_no"] == f"VRS-IR-{year}-000001"


def _signed_and_served_decision(registry: Registry) -> tuple[Any, str, str]:
    officer = registry.login("vrs.officer")
    official = registry.login("vrs.official")
    pid = _create_person(officer)["id"]
    cid, did = new_id(), new_id()
    results = officer.push(
        op("cases", cid, **case_fields(pid)), op("decisions", did, **decision_fields(cid, pid))
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    (signed,) = official.push(op("decisions", did, "action", action="sign"))
    assert signed["status"] == "applied" and signed["record"]["status"] == "signed", signed
    (served,) = officer.push(
        op("decisions", did, "action", action="serve", served_at="2026-11-22T10:00:00+02:00",
           service_method="in_person", acknowledgment="refused_to_sign", refusal_note="Atteicās parakstīt.")
    )  # fmt: skip
    assert served["status"] == "applied", served
    assert served["record"]["vd_deadline"] == "2026-12-06"
    return officer, did, served["record"]["status"]


def test_served_decision_refuses_an_update(registry: Registry) -> None:
    officer, did, status = _signed_and_served_decision(registry)
    assert status == "served"
    version = officer.get(f"/decisions/{did}").json()["version"]
    (res,) = officer.push(op("decisions", did, "update", version, vd_period_days=30))
    assert res["status"] == "rejected"
    assert res["error"] == "op.locked"
    assert "Grozīt" in res["message"]
    (res_en,) = officer.push(op("decisions", did, "update", version, facts="x"), lang="en")
    assert res_en["message"] == "A served or signed legal act is read-only; use Amend or Annul."
    (delete,) = officer.push(op("decisions", did, "delete", version))
    assert delete["error"] == "op.locked"


def test_amending_a_served_decision_makes_a_new_act(registry: Registry) -> None:
    officer, did, _ = _signed_and_served_decision(registry)
    old = officer.get(f"/decisions/{did}").json()
    new = decision_fields(old["case_id"], old["person_id"], vd_period_days=21, amends_id=did)
    (res,) = officer.push(op("decisions", new_id(), **new))
    assert res["status"] == "applied", res
    assert officer.get(f"/decisions/{did}").json()["status"] == "amended"


def test_only_officials_of_the_deciding_institution_sign(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    pid = _create_person(officer)["id"]
    cid, did = new_id(), new_id()
    officer.push(
        op("cases", cid, **case_fields(pid)), op("decisions", did, **decision_fields(cid, pid))
    )
    (by_officer,) = officer.push(op("decisions", did, "action", action="sign"))
    assert by_officer["status"] == "rejected" and by_officer["error"] == "perm.sign"
    pmlp_official = registry.login("pmlp.official")
    (by_pmlp,) = pmlp_official.push(op("decisions", did, "action", action="sign"))
    assert by_pmlp["error"] == "perm.sign"


def test_status_changes_only_through_actions(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    pid = _create_person(officer)["id"]
    cid, did = new_id(), new_id()
    officer.push(
        op("cases", cid, **case_fields(pid)), op("decisions", did, **decision_fields(cid, pid))
    )
    (res,) = officer.push(op("decisions", did, "update", 1, status="served"))
    assert res["status"] == "rejected" and "status" in res["fields"]


def test_delete_leaves_a_tombstone_in_the_feed(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid = _create_person(api)["id"]
    (res,) = api.push(op("persons", pid, "delete", 1))
    assert res["status"] == "applied" and res["record"]["deleted"] is True
    feed = api.get("/changes?since=0").json()
    assert [c["deleted"] for c in feed["changes"]] == [False, True]


def test_change_feed_is_ordered_gap_free_and_paged(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    for i in range(7):
        api.push(op("persons", new_id(), **person_fields(surname_latin=f"TESTOVA{'ABCDEFG'[i]}")))
    seen: list[int] = []
    since = 0
    while True:
        page = api.get(f"/changes?since={since}&limit=3").json()
        seen += [c["seq"] for c in page["changes"]]
        since = page["next"]
        if not page["more"]:
            break
    assert seen == list(range(1, 8))
    assert api.get(f"/changes?since={since}").json() == {"changes": [], "next": 7, "more": False}


def test_change_feed_shows_only_what_the_caller_may_see(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    pid = _create_person(officer)["id"]
    officer.push(op("cases", new_id(), **case_fields(pid)))
    consumer = registry.login("consumer")
    feed = consumer.get("/changes?since=0", **{"X-Purpose": quote("Robežkontrole")}).json()
    assert [c["collection"] for c in feed["changes"]] == ["persons"]
    assert feed["next"] == 2


def test_base_version_ahead_of_registry_is_rejected(registry: Registry) -> None:
    api = registry.login("vrs.officer")
    pid = _create_person(api)["id"]
    (res,) = api.push(op("persons", pid, "update", 5, place_of_birth="X"))
    assert res["status"] == "rejected" and res["error"] == "op.base_version"
