"""Actions (`kind: action` ops) and the institution rules checked on every write.

Legal acts are never edited once signed or served: signing, serving, amending and
annulling are actions with their own checks, and case status moves only through the
lifecycle in `registry_core.lifecycle`.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from registry_core import permissions
from registry_core.messages import DomainError, register
from registry_core.records import COLLECTIONS, CollectionSpec
from registry_core.records.enums import (
    CaseStatus,
    DecisionStatus,
    EntryBanStatus,
    Institution,
    Role,
)
from registry_server.case_actions import CASE_ACTIONS
from registry_server.push import ActionHandler, Batch, PushEngine, StoredRecord

register(
    {
        "action.already_signed": ("Akts jau ir parakstīts.", "The act is already signed."),
        "action.not_signed": (
            "Lēmumu var paziņot tikai pēc parakstīšanas.",
            "A decision can be served only after it is signed.",
        ),
        "action.already_served": (
            "Lēmums jau ir paziņots.",
            "The decision has already been served.",
        ),
        "action.annulled": ("Akts ir atcelts.", "The act has been annulled."),
        "action.reason_required": ("Jānorāda iemesls.", "Give the reason."),
        "action.status_by_action": (
            "Statusu maina tikai ar darbībām (parakstīt, paziņot, atcelt…).",
            "The status changes only through actions (sign, serve, annul…).",
        ),
        "action.amend_target": (
            "Grozāmajam aktam jābūt parakstītam vai paziņotam un tās pašas personas aktam.",
            "The act being amended must be signed or served and belong to the same person.",
        ),
        "action.new_act_draft": (
            "Jaunu aktu reģistrē kā projektu; parakstiet to ar darbību “Parakstīt”.",
            "A new act is registered as a draft; sign it with the Sign action.",
        ),
    }
)


def _now_param(params: Mapping[str, Any], name: str, batch: Batch) -> str:
    value = params.get(name)
    if value is None:
        return batch.now.isoformat()
    try:
        return datetime.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise DomainError("datetime_parsing", field=name) from None


def _update(
    batch: Batch,
    spec: CollectionSpec,
    rec: StoredRecord,
    changes: dict[str, Any],
    op_id: str,
    kind: str,
) -> StoredRecord:
    engine = batch.engine
    assert engine is not None
    data = {**rec.data, **changes}
    content = engine.validate(batch, spec, rec.id, data, rec)
    changed = {k for k in content if content.get(k) != rec.data.get(k)}
    return engine.write(batch, spec, rec.id, content, rec, kind, op_id, changed)


# -- decisions and entry bans ----------------------------------------------------------


def _institution_of(spec: CollectionSpec, data: Mapping[str, Any]) -> str:
    if spec.name == "decisions":
        return str(data.get("issuing_institution"))
    maker = str(data.get("decision_maker"))
    return Institution.VRS if maker == "vrs_head" else Institution.PMLP


def sign(
    batch: Batch, spec: CollectionSpec, rec: StoredRecord, params: dict[str, Any], op_id: str
) -> StoredRecord:
    if rec.data.get("signed_at"):
        raise DomainError("action.already_signed", field="signed_at")
    if rec.data.get("status") in (DecisionStatus.ANNULLED, EntryBanStatus.ANNULLED):
        raise DomainError("action.annulled", field="status")
    actor = batch.actor
    if (
        spec.name == "entry-bans"
        and rec.data.get("decision_maker") in permissions.MINISTERIAL_BAN_MAKERS
    ):
        if not permissions.can_enter_ministerial_ban(actor.roles, actor.institution):
            raise DomainError("perm.ministerial_ban", field="decision_maker")
    elif not permissions.can_sign(actor.roles, actor.institution, _institution_of(spec, rec.data)):
        raise DomainError("perm.sign", field="signed_at")
    changes: dict[str, Any] = {"signed_at": _now_param(params, "signed_at", batch)}
    if spec.name == "decisions":
        changes["status"] = DecisionStatus.SIGNED
    return _update(batch, spec, rec, changes, op_id, "action:sign")


_SERVE_FIELDS = (
    "service_method",
    "acknowledgment",
    "refusal_note",
    "person_explanation",
    "translation_language",
    "interpreter",
)


def serve(
    batch: Batch, spec: CollectionSpec, rec: StoredRecord, params: dict[str, Any], op_id: str
) -> StoredRecord:
    if not rec.data.get("signed_at"):
        raise DomainError("action.not_signed", field="signed_at")
    if rec.data.get("served_at"):
        raise DomainError("action.already_served", field="served_at")
    served_at = _now_param(params, "served_at", batch)
    changes: dict[str, Any] = {k: params[k] for k in _SERVE_FIELDS if k in params}
    changes.update(served_at=served_at, status=DecisionStatus.SERVED)
    days = rec.data.get("vd_period_days")
    if days and not rec.data.get("vd_deadline"):
        from datetime import timedelta

        changes["vd_deadline"] = (
            datetime.fromisoformat(served_at).date() + timedelta(days=int(days))
        ).isoformat()
    return _update(batch, spec, rec, changes, op_id, "action:serve")


def annul(
    batch: Batch, spec: CollectionSpec, rec: StoredRecord, params: dict[str, Any], op_id: str
) -> StoredRecord:
    reason = str(params.get("reason") or "").strip()
    if not reason:
        raise DomainError("action.reason_required", field="reason")
    actor = batch.actor
    if not (
        permissions.can_sign(actor.roles, actor.institution, _institution_of(spec, rec.data))
        or (
            spec.name == "entry-bans"
            and permissions.can_enter_ministerial_ban(actor.roles, actor.institution)
        )
    ):
        raise DomainError("perm.sign", field="status")
    if spec.name == "decisions":
        changes: dict[str, Any] = {
            "status": DecisionStatus.ANNULLED,
            "annulled_reason": reason[:500],
        }
    else:
        changes = {
            "status": EntryBanStatus.ANNULLED,
            "notes": _append(rec.data.get("notes"), reason),
        }
    return _update(batch, spec, rec, changes, op_id, "action:annul")


def _append(notes: Any, line: str) -> str:
    return f"{notes}\n{line}" if notes else line


# -- rules on create and update --------------------------------------------------------


def _status_unchanged(
    content: Mapping[str, Any], current: StoredRecord | None, default: str
) -> None:
    if current is None:
        if content.get("status", default) != default:
            raise DomainError("action.status_by_action", field="status")
    elif content.get("status") != current.data.get("status"):
        raise DomainError("action.status_by_action", field="status")


def _own_institution(batch: Batch, institution: Any, field: str) -> None:
    actor = batch.actor
    if Role.TRAINER in actor.roles:
        return
    if str(institution) != actor.institution:
        raise DomainError("perm.institution", field=field, institution=str(institution))


def _decision_rule(
    batch: Batch, spec: CollectionSpec, content: dict[str, Any], current: StoredRecord | None
) -> None:
    if current is None or current.data.get("issuing_institution") != content.get(
        "issuing_institution"
    ):
        _own_institution(batch, content.get("issuing_institution"), "issuing_institution")
    if _in_action(batch):
        return
    _status_unchanged(content, current, DecisionStatus.DRAFT)
    if current is None and (content.get("signed_at") or content.get("served_at")):
        raise DomainError("action.new_act_draft", field="signed_at")
    if current is not None and content.get("signed_at") != current.data.get("signed_at"):
        raise DomainError("action.status_by_action", field="signed_at")
    if current is None and content.get("amends_id"):
        _amend(batch, spec, content)


def _ban_rule(
    batch: Batch, spec: CollectionSpec, content: dict[str, Any], current: StoredRecord | None
) -> None:
    actor = batch.actor
    if content.get("decision_maker") in permissions.MINISTERIAL_BAN_MAKERS:
        if not permissions.can_enter_ministerial_ban(actor.roles, actor.institution):
            raise DomainError("perm.ministerial_ban", field="decision_maker")
    if _in_action(batch):
        return
    _status_unchanged(content, current, EntryBanStatus.IMPOSED)
    if current is None and content.get("signed_at"):
        raise DomainError("action.new_act_draft", field="signed_at")
    if current is not None and content.get("signed_at") != current.data.get("signed_at"):
        raise DomainError("action.status_by_action", field="signed_at")


def _case_rule(
    batch: Batch, spec: CollectionSpec, content: dict[str, Any], current: StoredRecord | None
) -> None:
    if current is None:
        _own_institution(batch, content.get("owner_institution"), "owner_institution")
    if _in_action(batch):
        return
    _status_unchanged(content, current, CaseStatus.DETECTED)
    for name in _LIFECYCLE_FIELDS:
        before = current.data.get(name) if current else None
        if content.get(name) not in (before, {} if name == "lifecycle" else None):
            raise DomainError("action.status_by_action", field=name)


# Kept by the lifecycle actions; an edit of the case may not set them.
_LIFECYCLE_FIELDS = ("lifecycle", "vd_deadline", "next_deadline")


def _amend(batch: Batch, spec: CollectionSpec, content: dict[str, Any]) -> None:
    """A new act that amends a signed one: the old one is marked amended in the same op."""
    target_id = str(content["amends_id"])
    batch.load([target_id])
    target = batch.state.get(target_id)
    if (
        target is None
        or target.collection != spec.name
        or not target.data.get("signed_at")
        or target.data.get("person_id") != content.get("person_id")
    ):
        raise DomainError("action.amend_target", field="amends_id")
    batch.after_op.append((spec, target, {"status": DecisionStatus.AMENDED}, "action:amended"))


def _in_action(batch: Batch) -> bool:
    return batch.in_action


def _wrap(handler: ActionHandler) -> ActionHandler:
    """Run an action with the rules relaxed for the fields the action itself sets."""

    def run(
        batch: Batch, spec: CollectionSpec, rec: StoredRecord, params: dict[str, Any], op_id: str
    ) -> StoredRecord:
        batch.in_action = True
        try:
            return handler(batch, spec, rec, params, op_id)
        finally:
            batch.in_action = False

    return run


ACTIONS: dict[str, dict[str, ActionHandler]] = {
    "decisions": {"sign": _wrap(sign), "serve": _wrap(serve), "annul": _wrap(annul)},
    "entry-bans": {"sign": _wrap(sign), "annul": _wrap(annul)},
    "cases": {name: _wrap(handler) for name, handler in CASE_ACTIONS.items()},
}


def install_rules(engine: PushEngine) -> None:
    engine.add_rule("decisions", _decision_rule)
    engine.add_rule("entry-bans", _ban_rule)
    engine.add_rule("cases", _case_rule)
    assert set(ACTIONS) <= set(COLLECTIONS)
