"""Case lifecycle actions through the registry: state, tasks, deadlines, effects."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from registry_core.workdays import add_working_days
from tests.server.conftest import Registry
from tests.server.factories import case_fields, decision_fields, new_id, op, person_fields


def _case(api: Any, **over: Any) -> tuple[str, str]:
    pid, cid = new_id(), new_id()
    results = api.push(
        op("persons", pid, **person_fields()), op("cases", cid, **case_fields(pid, **over))
    )
    assert [r["status"] for r in results] == ["applied", "applied"], results
    return pid, cid


def _act(api: Any, cid: str, action: str, **params: Any) -> dict[str, Any]:
    (res,) = api.push(op("cases", cid, "action", action=action, **params))
    return res


def _tasks(api: Any, cid: str) -> list[dict[str, Any]]:
    feed = api.get("/changes?since=0&limit=5000").json()["changes"]
    latest: dict[str, dict[str, Any]] = {}
    for change in feed:
        if change["collection"] == "tasks" and change["record"]["case_id"] == cid:
            latest[change["id"]] = change["record"]
    return list(latest.values())


def test_voluntary_departure_path_with_tasks_and_entry_ban(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    pid, cid = _case(officer)
    assert _act(officer, cid, "start_decision")["record"]["status"] == "DECISION_PENDING"
    served_at = (datetime.now(UTC) - timedelta(days=2)).replace(microsecond=0)
    res = _act(
        officer, cid, "serve_departure_order", served_at=served_at.isoformat(), vd_period_days=14
    )
    assert res["status"] == "applied", res
    case = res["record"]
    assert case["status"] == "VD_ORDERED"
    assert case["vd_deadline"] == (served_at.date() + timedelta(days=14)).isoformat()
    kinds = {t["kind"] for t in _tasks(officer, cid)}
    assert "sis_enter_return_alert" in kinds
    # a ban imposed with the order starts only when the person leaves
    official = registry.login("vrs.official")
    ban_id = new_id()
    (ban,) = official.push(
        op("entry-bans", ban_id, person_id=pid, case_id=cid, ban_decision_date=served_at.date().isoformat(),
           start_pending_departure=True, duration_years=2, territorial_scope="LV_SCHENGEN",
           decision_maker="vrs_head", legal_basis=[{"act": "Imigrācijas likums", "section": "61"}])
    )  # fmt: skip
    assert ban["status"] == "applied", ban
    exit_day = date.today() - timedelta(days=1)
    res = _act(officer, cid, "confirm_exit", exit_date=exit_day.isoformat())
    assert res["record"]["status"] == "DEPARTED_VOLUNTARILY", res
    started = officer.get(f"/entry-bans/{ban_id}").json()
    assert started["status"] == "ACTIVE"
    assert started["valid_from"] == exit_day.isoformat()
    assert (
        started["valid_until"]
        == (exit_day.replace(year=exit_day.year + 2) - timedelta(days=1)).isoformat()
    )
    assert "sis_delete_return_alert" in {t["kind"] for t in _tasks(officer, cid)}
    assert _act(officer, cid, "archive")["record"]["status"] == "CLOSED"


def test_pmlp_removal_decision_sends_a_task_to_vrs_due_next_working_day(registry: Registry) -> None:
    officer = registry.login("pmlp.officer")
    _, cid = _case(
        officer, owner_institution="PMLP", owner_unit="PMLP-PSKN", detecting_unit="PMLP-PSKN"
    )
    _act(officer, cid, "start_decision")
    today = date.today()
    res = _act(
        officer, cid, "take_removal_decision", decided_by="PMLP", decided_on=today.isoformat()
    )
    assert res["record"]["status"] == "REMOVAL_ORDERED", res
    (task,) = [t for t in _tasks(officer, cid) if t["kind"] == "send_to_vrs"]
    assert task["from_institution"] == "PMLP" and task["to_institution"] == "VRS"
    assert task["due_date"] == add_working_days(today, 1).isoformat()
    assert task["title"]
    assert res["record"]["next_deadline"] == task["due_date"]


def test_refused_transition_is_explained_in_latvian(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    _, cid = _case(officer)
    res = _act(officer, cid, "execute_removal", removed_at=datetime.now(UTC).isoformat())
    assert res["status"] == "rejected"
    assert res["error"] == "lifecycle.not_allowed"
    assert "Konstatēts" in res["message"]
    assert officer.get(f"/cases/{cid}").json()["status"] == "DETECTED"


def test_challenge_suspends_enforcement(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    pid, cid = _case(officer)
    did = new_id()
    officer.push(
        op(
            "decisions",
            did,
            **decision_fields(cid, pid, decision_type="removal_decision", vd_period_days=None),
        )
    )
    _act(officer, cid, "start_decision")
    _act(
        officer, cid, "take_removal_decision", decided_by="VRS", decided_on=date.today().isoformat()
    )
    res = _act(officer, cid, "file_challenge", filed_on=date.today().isoformat())
    assert res["record"]["status"] == "CHALLENGED", res
    assert officer.get(f"/decisions/{did}").json()["suspended"] is True
    res = _act(officer, cid, "start_preparation")
    assert res["status"] == "rejected" and res["error"] == "lifecycle.enforcement_suspended"


def test_case_status_and_lifecycle_cannot_be_edited(registry: Registry) -> None:
    officer = registry.login("vrs.officer")
    _, cid = _case(officer)
    (res,) = officer.push(op("cases", cid, "update", 1, status="REMOVED"))
    assert res["status"] == "rejected" and "status" in res["fields"]
    (res,) = officer.push(op("cases", cid, "update", 1, lifecycle={"interim_relief": True}))
    assert res["status"] == "rejected" and "lifecycle" in res["fields"]
