"""Case commands (registry_desktop.case_commands): which actions the state and the
officer's rights allow, and that the ops each command makes are exactly what the real
registry accepts — pushed, in order, to the embedded registry over HTTP."""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from registry_core.lifecycle import CaseEvent
from registry_core.messages import text
from registry_desktop import case_commands as cc
from tests.desktop.conftest import OFFICER_PASSWORD, Registry

OFFICIAL = "a.kalnina"  # fictitious VRS decision official


class Api:
    """A thin client of the registry's API for the tests (push ops, read records)."""

    def __init__(self, base_url: str, username: str, password: str) -> None:
        self.base = base_url
        answer = requests.post(
            f"{base_url}/auth/login", json={"username": username, "password": password},
            timeout=30,
        )  # fmt: skip
        answer.raise_for_status()
        body = answer.json()
        self.user = dict(body["user"])
        self.headers = {"Authorization": f"Bearer {body['access_token']}"}

    def get(self, collection: str, record_id: str) -> dict[str, Any]:
        answer = requests.get(
            f"{self.base}/{collection}/{record_id}", headers=self.headers, timeout=30
        )
        answer.raise_for_status()
        return dict(answer.json())

    def dossier(self, person_id: str) -> dict[str, Any]:
        answer = requests.get(
            f"{self.base}/persons/{person_id}/dossier", headers=self.headers, timeout=30
        )
        answer.raise_for_status()
        return dict(answer.json())

    def push(self, ops: list[cc.Op]) -> list[dict[str, Any]]:
        wire = []
        for op in ops:
            entry: dict[str, Any] = {
                "op_id": str(uuid.uuid4()), "collection": op.collection, "id": op.record_id,
                "kind": op.kind, "fields": op.fields,
            }  # fmt: skip
            if op.kind == "update":
                entry["base_version"] = self.get(op.collection, op.record_id)["version"]
            wire.append(entry)
        answer = requests.post(
            f"{self.base}/sync/push", json={"device_id": "case-tests", "ops": wire},
            headers=self.headers, timeout=60,
        )  # fmt: skip
        answer.raise_for_status()
        return list(answer.json()["results"])

    def apply(self, ops: list[cc.Op]) -> None:
        """Push one op at a time (as the outbox does) and insist that each is applied."""
        for op in ops:
            if op.kind == "update" and not op.fields:
                continue  # LocalWriter queues nothing for an update that changes nothing
            results = self.push([op])
            assert [r["status"] for r in results] == ["applied"], (op, results)


def make_official(registry: Registry) -> None:
    import sqlalchemy as sa

    from registry_server.db import make_engine
    from registry_server.routes.auth import create_user
    from registry_server.tables import users

    engine = make_engine(registry.server.url)
    try:
        with engine.begin() as conn:
            exists = conn.execute(sa.select(users.c.id).where(users.c.username == OFFICIAL)).first()
            if exists is None:
                create_user(
                    conn, username=OFFICIAL, password=OFFICER_PASSWORD, full_name="Anna Kalniņa",
                    institution="VRS", unit="VRS-RIP", roles=["vrs_decision_official"],
                )  # fmt: skip
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def official(registry: Registry) -> Iterator[Api]:
    make_official(registry)
    yield Api(registry.base_url, OFFICIAL, OFFICER_PASSWORD)


@pytest.fixture(scope="module")
def officer(registry: Registry) -> Api:
    return Api(registry.base_url, registry.officer, registry.officer_password)


def new_person(api: Api, surname: str) -> dict[str, Any]:
    pid = str(uuid.uuid4())
    person = {
        "given_names_latin": "TESTS", "surname_latin": surname, "sex": "M",
        "nationalities": [{"country": "UZB", "type": "citizen"}], "date_of_birth": "1990",
    }  # fmt: skip
    api.apply([cc.Op("persons", pid, person, "create")])
    return api.get("persons", pid)


def open_case(api: Api, person: dict[str, Any]) -> dict[str, Any]:
    plan = cc.new_record_plan("case", "cases", api.user, person=person)
    values = {
        **plan.context, **plan.prefill, "detection_place": "Rīga, Brīvības iela 1",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
        "case_no": None, "status": "DETECTED",
    }  # fmt: skip
    ops = plan.ops(values, api.user)
    assert [(o.collection, o.kind) for o in ops] == [("cases", "create")]
    assert "status" not in ops[0].fields and "case_no" not in ops[0].fields
    api.apply(ops)
    return api.get("cases", plan.record_id)


def related(api: Api, case: Mapping[str, Any]) -> cc.Related:
    dossier = api.dossier(str(case["person_id"]))
    return cc.Related.of(dossier["related"], str(case["id"]), dossier["person"])


def form_values(plan: cc.CommandPlan, **typed: Any) -> dict[str, Any]:
    """What the form gives back: the act as it was, the context, the prefill, the typing."""
    return {**(plan.record or {}), **plan.context, **plan.prefill, **typed}


def ago(**kw: float) -> str:
    return (datetime.now().astimezone() - timedelta(**kw)).replace(microsecond=0).isoformat()


def run(api: Api, event: CaseEvent, case: Mapping[str, Any], **typed: Any) -> dict[str, Any]:
    """Start the command as the officer would, fill its form, push its ops; the case after."""
    cmd = cc.command(event)
    assert cmd.enabled(case, user=api.user, related=related(api, case)), cmd.refusal(
        case, user=api.user, related=related(api, case)
    )
    plan = cmd.plan(case, related(api, case), api.user)
    values = form_values(plan, **typed)
    assert plan.check(values) == []
    ops = plan.ops(values, api.user)
    assert ops[-1].collection == "cases" and ops[-1].kind == "action"
    assert ops[-1].fields["action"] == event.value
    api.apply(ops)
    return api.get("cases", str(case["id"]))


DECISION_TEXT = {
    "facts": "Persona uzturas Latvijā bez derīgas vīzas vai uzturēšanās atļaujas.",
}


# --------------------------------------------------------------------------- pure


def test_enabled_follows_the_state_machine_and_says_why() -> None:
    case = {"id": str(uuid.uuid4()), "status": "DETECTED", "owner_institution": "VRS"}
    user = {"roles": ["vrs_officer"], "institution": "VRS", "unit": "VRS-RIP"}
    enabled = {c.event for c in cc.commands_for(user) if c.enabled(case, user=user)}
    assert {CaseEvent.RECORD_DETENTION, CaseEvent.START_DECISION} <= enabled
    assert CaseEvent.SERVE_DEPARTURE_ORDER not in enabled
    refusal = cc.command(CaseEvent.SERVE_DEPARTURE_ORDER).refusal(case, user=user)
    assert refusal is not None and refusal.code == "lifecycle.not_allowed"
    assert "Konstatēts" in refusal.message("lv")
    # Decision pending: serving needs a signature this officer cannot give.
    pending = {**case, "status": "DECISION_PENDING"}
    refusal = cc.command(CaseEvent.SERVE_DEPARTURE_ORDER).refusal(pending, user=user)
    assert refusal is not None and refusal.code == "desktop.case.needs_signing"
    official = {**user, "roles": ["vrs_decision_official"]}
    assert cc.command(CaseEvent.SERVE_DEPARTURE_ORDER).enabled(pending, user=official)
    # Guards: a VD deadline still running refuses "mark absconded" with the deadline.
    ordered = {**case, "status": "VD_ORDERED",
               "lifecycle": {"vd_deadline": "2099-01-01", "decision_type": "departure_order"}}  # fmt: skip
    refusal = cc.command(CaseEvent.MARK_ABSCONDED).refusal(ordered, user=user)
    assert refusal is not None and refusal.code == "lifecycle.vd_not_expired"
    assert "2099-01-01" in refusal.message("en")


def test_commands_cover_the_issue_and_hide_what_the_roles_cannot_do() -> None:
    named = {
        CaseEvent.RECORD_DETENTION, CaseEvent.SERVE_DEPARTURE_ORDER, CaseEvent.EXTEND_VD,
        CaseEvent.CONFIRM_EXIT, CaseEvent.TAKE_REMOVAL_DECISION, CaseEvent.FILE_CHALLENGE,
        CaseEvent.FILE_APPEAL, CaseEvent.GRANT_INTERIM_RELIEF, CaseEvent.POSTPONE,
        CaseEvent.EXECUTE_REMOVAL, CaseEvent.ABORT_REMOVAL, CaseEvent.ANNUL, CaseEvent.ARCHIVE,
    }  # fmt: skip
    assert named <= {c.event for c in cc.COMMANDS}
    # Register detection is the new-case form (the case is created in status DETECTED).
    assert {c.event for c in cc.COMMANDS} == set(CaseEvent) - {CaseEvent.REGISTER_DETECTION}
    for cmd in cc.COMMANDS:
        assert cmd.label("lv") and cmd.label("en") and cmd.label("lv") != cmd.label("en")
    reader = {"roles": ["read_only"], "institution": "VRS"}
    assert cc.commands_for(reader) == []
    staff = {"roles": ["detention_staff"], "institution": "VRS"}
    assert cc.commands_for(staff) == []  # detention staff do not move cases
    pmlp = {"roles": ["pmlp_officer"], "institution": "PMLP"}
    events = {c.event for c in cc.commands_for(pmlp)}
    assert CaseEvent.FILE_APPEAL in events
    assert CaseEvent.RECORD_DETENTION not in events  # detentions are VRS work
    assert CaseEvent.CONFIRM_EXIT not in events  # departures are VRS work


def test_pending_actions_are_laid_over_the_state() -> None:
    case = {"id": str(uuid.uuid4()), "status": "DETECTED", "owner_institution": "VRS"}
    ctx, applied = cc.predicted_context(
        case, [{"action": "record_detention", "detained_at": ago(hours=1)}]
    )
    assert applied == [CaseEvent.RECORD_DETENTION] and ctx.status == "DETAINED"
    assert not cc.command(CaseEvent.RECORD_DETENTION).enabled(case, ctx=ctx)
    # An action the lifecycle refuses stops the prediction.
    ctx, applied = cc.predicted_context(
        case, [{"action": "confirm_exit", "exit_date": "2020-01-01"}]
    )
    assert applied == [] and ctx.status == "DETECTED"


def test_decision_ops_keep_service_out_of_the_record() -> None:
    case = {
        "id": str(uuid.uuid4()), "person_id": str(uuid.uuid4()), "status": "DECISION_PENDING",
        "owner_institution": "VRS", "legal_basis": [{"act": "Imigrācijas likums"}],
    }  # fmt: skip
    user = {"roles": ["vrs_decision_official"], "institution": "VRS", "unit": "VRS-RIP",
            "full_name": "Anna Kalniņa"}  # fmt: skip
    plan = cc.command(CaseEvent.SERVE_DEPARTURE_ORDER).plan(case, cc.Related(), user)
    assert plan.form == "decision" and plan.is_new and plan.focus == "served_at"
    assert plan.context == {"case_id": case["id"], "person_id": case["person_id"]}
    assert plan.prefill["decision_type"] == "departure_order"
    assert plan.prefill["issuing_institution"] == "VRS" and plan.prefill["official"]
    values = form_values(plan, destination_country="UZB", served_at=ago(minutes=5), **DECISION_TEXT)
    ops = plan.ops(values, user)
    assert [(o.collection, o.kind, o.fields.get("action")) for o in ops] == [
        ("decisions", "create", None), ("decisions", "action", "sign"),
        ("decisions", "action", "serve"), ("cases", "action", "serve_departure_order"),
    ]  # fmt: skip
    assert not {"served_at", "service_method", "acknowledgment", "status"} & set(ops[0].fields)
    assert ops[2].fields["served_at"] == values["served_at"]
    assert ops[2].fields["service_method"] == "in_person"
    assert ops[3].fields == {
        "action": "serve_departure_order", "served_at": values["served_at"],
        "vd_period_days": 30, "issued_by": "VRS",
    }  # fmt: skip


def test_parameter_check_uses_the_lifecycle() -> None:
    case = {"id": str(uuid.uuid4()), "status": "REMOVAL_ORDERED", "owner_institution": "VRS",
            "lifecycle": {"decision_type": "removal_decision", "decided_by": "VRS"}}  # fmt: skip
    plan = cc.command(CaseEvent.POSTPONE).plan(case, cc.Related(), {})
    assert plan.form is None and [p.name for p in plan.params] == ["reason", "ground", "until"]
    problems = plan.check({"ground": "health"})
    assert problems and problems[0].field == "reason"
    assert problems[0].message("lv") == text("lifecycle.reason_required", "lv")
    assert plan.check({"reason": "Slimnīcā", "ground": "health"}) == []
    assert plan.ops({"reason": "Slimnīcā", "until": None}, {})[0].fields == {
        "action": "postpone",
        "reason": "Slimnīcā",
    }


# --------------------------------------------------------------------------- registry


def test_voluntary_departure_path_on_the_registry(official: Api) -> None:
    person = new_person(official, "IZBRAUCEJS")
    case = open_case(official, person)
    assert case["status"] == "DETECTED" and case["case_no"].startswith("VRS-")
    case = run(official, CaseEvent.RECORD_DETENTION, case,
               detained_at=ago(hours=3), detention_reason="absconding_risk",
               place_of_detention="HOLD-VRS-RIP")  # fmt: skip
    assert case["status"] == "DETAINED"
    case = run(official, CaseEvent.RELEASE_FROM_DETENTION, case,
               released_at=ago(hours=1), release_reason="alternative_measure")  # fmt: skip
    assert case["status"] == "DETECTED"
    case = run(official, CaseEvent.START_DECISION, case, destination_country="UZB",
               **DECISION_TEXT)  # fmt: skip
    assert case["status"] == "DECISION_PENDING"
    draft = cc.current_decision(related(official, case).acts)
    assert draft is not None and draft["status"] == "draft"
    # Serve: the draft opens with the service section; sign + serve + the case action.
    plan = cc.command(CaseEvent.SERVE_DEPARTURE_ORDER).plan(
        case, related(official, case), official.user
    )
    assert plan.record_id == draft["id"] and plan.form == "decision"
    case = run(official, CaseEvent.SERVE_DEPARTURE_ORDER, case, served_at=ago(minutes=30),
               acknowledgment="refused_to_sign", refusal_note="Atteicās parakstīt.")  # fmt: skip
    assert case["status"] == "VD_ORDERED" and case["vd_deadline"]
    decision = official.get("decisions", draft["id"])
    assert decision["status"] == "served" and decision["acknowledgment"] == "refused_to_sign"
    assert cc.act_locked("decisions", decision)
    before = case["vd_deadline"]
    case = run(official, CaseEvent.EXTEND_VD, case, reason="Gaida lidojumu", extend_by_days=5)
    assert case["vd_deadline"] > before
    case = run(official, CaseEvent.CONFIRM_EXIT, case, exit_at=ago(minutes=10), bcp="RIX",
               transport_mode="air", travel_doc_used="national_passport")  # fmt: skip
    assert case["status"] == "DEPARTED_VOLUNTARILY"
    assert official.get("decisions", draft["id"])["status"] == "executed"
    case = run(official, CaseEvent.ARCHIVE, case)
    assert case["status"] == "CLOSED"


def test_removal_path_with_remedies_on_the_registry(official: Api) -> None:
    person = new_person(official, "IZRAIDAMAIS")
    case = open_case(official, person)
    case = run(official, CaseEvent.START_DECISION, case, decision_type="removal_decision",
               vd_period_days=None, destination_country="UZB", **DECISION_TEXT)  # fmt: skip
    case = run(official, CaseEvent.TAKE_REMOVAL_DECISION, case)
    assert case["status"] == "REMOVAL_ORDERED"
    # Detained to secure the removal: the case keeps its state, the detention is on record.
    case = run(official, CaseEvent.RECORD_DETENTION, case,
               detained_at=ago(hours=5), detention_reason="absconding_risk",
               place_of_detention="HOLD-VRS-RIP")  # fmt: skip
    assert case["status"] == "REMOVAL_ORDERED" and case["lifecycle"]["detained"] is True
    assert not cc.command(CaseEvent.RECORD_DETENTION).enabled(
        case, user=official.user, related=related(official, case)
    )
    (detention,) = related(official, case).acts["detentions"]
    assert detention["released_at"] is None
    case = run(official, CaseEvent.RELEASE_FROM_DETENTION, case,
               released_at=ago(hours=4), release_reason="alternative_measure")  # fmt: skip
    assert case["status"] == "REMOVAL_ORDERED" and not case["lifecycle"].get("detained")
    (detention,) = related(official, case).acts["detentions"]
    assert detention["released_at"] is not None
    tasks = related(official, case).acts["tasks"]
    assert any(t["kind"] == "inform_pmlp" for t in tasks)  # VRS decided: inform PMLP
    case = run(official, CaseEvent.FILE_CHALLENGE, case, received_by="VRS priekšnieks")
    assert case["status"] == "CHALLENGED"
    case = run(official, CaseEvent.UPHOLD_CHALLENGE, case)
    assert case["status"] == "REMOVAL_ORDERED"
    appeals = related(official, case).acts["appeals"]
    assert [a["outcome"] for a in appeals] == ["upheld"]
    case = run(official, CaseEvent.FILE_APPEAL, case, received_by="Administratīvā rajona tiesa")
    assert case["status"] == "APPEALED"
    case = run(official, CaseEvent.GRANT_INTERIM_RELIEF, case)
    assert case["status"] == "POSTPONED"
    case = run(official, CaseEvent.DISMISS_APPEAL, case)
    assert case["status"] == "REMOVAL_ORDERED"
    case = run(official, CaseEvent.START_PREPARATION, case,
               planned_removal_at=(datetime.now().astimezone() + timedelta(hours=2)).isoformat(),
               notice_given_at=ago(hours=13))  # fmt: skip
    assert case["status"] == "REMOVAL_PREPARATION"
    case = run(official, CaseEvent.ABORT_REMOVAL, case, aborted_reason="Pasažieris atteicās",
               transport_mode="air", travel_doc_used="eu_travel_document")  # fmt: skip
    assert case["status"] == "REMOVAL_ORDERED"
    case = run(official, CaseEvent.START_PREPARATION, case, notice_given_at=ago(hours=14),
               planned_removal_at=ago(minutes=-90))  # fmt: skip
    plan = cc.command(CaseEvent.EXECUTE_REMOVAL).plan(case, related(official, case), official.user)
    assert plan.prefill["notice_given_at"]  # the notice the preparation recorded
    case = run(official, CaseEvent.EXECUTE_REMOVAL, case, bcp="RIX", transport_mode="air",
               travel_doc_used="eu_travel_document",
               escort={"count": 2, "organisation": "VRS"})  # fmt: skip
    assert case["status"] == "REMOVED"


def test_amend_and_annul_a_signed_act_on_the_registry(official: Api) -> None:
    person = new_person(official, "GROZAMAIS")
    case = open_case(official, person)
    case = run(official, CaseEvent.START_DECISION, case, decision_type="removal_decision",
               vd_period_days=None, destination_country="UZB", **DECISION_TEXT)  # fmt: skip
    case = run(official, CaseEvent.TAKE_REMOVAL_DECISION, case)
    signed = cc.current_decision(related(official, case).acts)
    assert signed is not None and signed["signed_at"] and cc.act_locked("decisions", signed)
    plan = cc.amend_plan("decisions", signed, case)
    assert plan.is_new and plan.prefill["amends_id"] == signed["id"]
    assert "signed_at" not in plan.prefill and "decision_no" not in plan.prefill
    values = form_values(plan, facts="Precizēti faktiskie apstākļi.")
    official.apply(plan.ops(values, official.user))
    assert official.get("decisions", signed["id"])["status"] == "amended"
    amended = official.get("decisions", plan.record_id)
    assert amended["amends_id"] == signed["id"] and amended["status"] == "draft"
    official.apply(cc.sign_ops("decisions", plan.record_id))
    official.apply(cc.annul_ops("decisions", plan.record_id, "Kļūda personas datos"))
    annulled = official.get("decisions", plan.record_id)
    assert annulled["status"] == "annulled" and annulled["annulled_reason"]


def test_officer_without_signing_rights_drafts_but_cannot_serve(
    officer: Api, official: Api
) -> None:
    person = new_person(officer, "PROJEKTS")
    case = open_case(officer, person)
    case = run(officer, CaseEvent.START_DECISION, case, destination_country="UZB",
               **DECISION_TEXT)  # fmt: skip
    rel = related(officer, case)
    serve = cc.command(CaseEvent.SERVE_DEPARTURE_ORDER)
    refusal = serve.refusal(case, user=officer.user, related=rel)
    assert refusal is not None and refusal.code == "desktop.case.needs_signing"
    # The official signs the draft; now the officer serves it with the parameters only.
    draft = cc.current_decision(rel.acts)
    assert draft is not None
    official.apply(cc.sign_ops("decisions", draft["id"]))
    rel = related(officer, case)
    assert serve.enabled(case, user=officer.user, related=rel)
    plan = serve.plan(case, rel, officer.user)
    assert plan.form is None and plan.params == cc.SERVE_PARAMS
    case = run(officer, CaseEvent.SERVE_DEPARTURE_ORDER, case, served_at=ago(minutes=3))
    assert case["status"] == "VD_ORDERED"
