"""Case lifecycle actions: each `CaseEvent` of `registry_core.lifecycle` is an action on a
case (`{"kind": "action", "fields": {"action": "<event>", ...params}}`).

The lifecycle decides (state, guards, deadlines, tasks, effects); this module applies its
answer to the registry's records in the same op: the case, the tasks it creates, and the
records its effects touch (entry bans start, decisions suspended or executed, tasks
cancelled, a person flagged). Every record changed gets its own version and feed entry.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa

from registry_core import lifecycle as lc
from registry_core.lifecycle_ban import ban_valid_until
from registry_core.messages import text
from registry_core.records import COLLECTIONS, CollectionSpec
from registry_core.records.enums import (
    CaseStatus,
    DecisionStatus,
    DecisionType,
    EntryBanStatus,
    Institution,
    TaskStatus,
)
from registry_server.push import ActionHandler, Batch, StoredRecord
from registry_server.tables import records

_CONTEXT_FIELDS = [
    f.name
    for f in dataclasses.fields(lc.CaseContext)
    if f.name not in ("status", "owner_institution")
]
_FLAG_TO_WARNING = {lc.PERSON_FLAG_ABSCONDED: "escaped"}


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def context_of(case: dict[str, Any]) -> lc.CaseContext:
    saved = dict(case.get("lifecycle") or {})
    kwargs: dict[str, Any] = {}
    for name in _CONTEXT_FIELDS:
        value = saved.get(name)
        if value is None:
            continue
        if name in ("detecting_institution", "decided_by"):
            value = Institution(value)
        elif name == "decision_type":
            value = DecisionType(value)
        elif name == "postponed_by":
            value = lc.EnforcementBlock(value)
        elif name in ("decision_date", "vd_deadline"):
            value = date.fromisoformat(value)
        elif name in ("planned_removal_at", "notice_given_at"):
            value = datetime.fromisoformat(value)
        kwargs[name] = value
    return lc.CaseContext(
        status=CaseStatus(case["status"]) if case.get("status") else None,
        owner_institution=Institution(case["owner_institution"]),
        **kwargs,
    )


def _saved_context(ctx: lc.CaseContext) -> dict[str, Any]:
    return {
        name: _jsonable(getattr(ctx, name))
        for name in _CONTEXT_FIELDS
        if getattr(ctx, name) not in (None, False)
    }


def _related(batch: Batch, case: StoredRecord, collection: str) -> list[StoredRecord]:
    """Records of `collection` belonging to the case, as this batch sees them."""
    ids = [
        row.id
        for row in batch.conn.execute(
            sa.select(records.c.id).where(
                records.c.case_id == case.id, records.c.collection == collection
            )
        )
    ]
    batch.load(ids)
    found = {i: batch.state[i] for i in ids if i in batch.state}
    for rec in batch.touched.values():
        if rec.collection == collection and str(rec.data.get("case_id")) == case.id:
            found[rec.id] = rec
    return [r for r in found.values() if not r.deleted]


def _person_bans(batch: Batch, person_id: str) -> list[StoredRecord]:
    ids = [
        row.id
        for row in batch.conn.execute(
            sa.select(records.c.id).where(
                records.c.person_id == person_id, records.c.collection == "entry-bans"
            )
        )
    ]
    batch.load(ids)
    out = {i: batch.state[i] for i in ids if i in batch.state}
    for rec in batch.touched.values():
        if rec.collection == "entry-bans" and str(rec.data.get("person_id")) == person_id:
            out[rec.id] = rec
    return [r for r in out.values() if not r.deleted]


def _change(
    batch: Batch, rec: StoredRecord, changes: dict[str, Any], kind: str, op_id: str
) -> StoredRecord:
    engine = batch.engine
    assert engine is not None
    spec: CollectionSpec = COLLECTIONS[rec.collection]
    content = engine.validate(batch, spec, rec.id, {**rec.data, **changes}, rec)
    changed = {k for k in content if content.get(k) != rec.data.get(k)}
    if not changed:
        return rec
    return engine.write(batch, spec, rec.id, content, rec, kind, op_id, changed)


def _current_decision(batch: Batch, case: StoredRecord) -> StoredRecord | None:
    live = [
        d
        for d in _related(batch, case, "decisions")
        if d.data.get("status") not in (DecisionStatus.ANNULLED, DecisionStatus.AMENDED)
    ]
    return max(live, key=lambda d: (str(d.data.get("decision_date")), d.created_at), default=None)


def _apply_effects(
    batch: Batch, case: StoredRecord, result: lc.TransitionResult, op_id: str
) -> None:
    kind = f"effect:{result.event.value}"
    person_id = str(case.data["person_id"])
    for effect in result.effects:
        if isinstance(effect, lc.StartEntryBan):
            for ban in _person_bans(batch, person_id):
                if (
                    ban.data.get("start_pending_departure")
                    and ban.data.get("status") == EntryBanStatus.IMPOSED
                ):
                    years = int(ban.data.get("duration_years") or 0)
                    months = int(ban.data.get("duration_months") or 0)
                    indefinite = bool(ban.data.get("indefinite"))
                    until = (
                        ban_valid_until(effect.valid_from, years, months, indefinite=indefinite)
                        if indefinite or years or months
                        else None  # a fixed end date was decided: it stays
                    )
                    _change(
                        batch, ban,
                        {"valid_from": effect.valid_from.isoformat(), "status": EntryBanStatus.ACTIVE,
                         "valid_until": until.isoformat() if until else ban.data.get("valid_until")},
                        kind, op_id,
                    )  # fmt: skip
        elif isinstance(effect, lc.AnnulEntryBan):
            for ban in _person_bans(batch, person_id):
                if (
                    str(ban.data.get("case_id")) == case.id
                    and ban.data.get("status") != EntryBanStatus.ANNULLED
                ):
                    _change(batch, ban, {"status": EntryBanStatus.ANNULLED}, kind, op_id)
        elif isinstance(effect, lc.SetDecisionStatus | lc.BlockEnforcement | lc.AllowEnforcement):
            decision = _current_decision(batch, case)
            if decision is None:
                continue
            if isinstance(effect, lc.SetDecisionStatus):
                changes: dict[str, Any] = {"status": effect.status}
            elif isinstance(effect, lc.BlockEnforcement):
                changes = {"suspended": True, "suspension_reason": effect.reason.value}
            else:
                changes = {"suspended": False, "suspension_reason": None}
            _change(batch, decision, changes, kind, op_id)
        elif isinstance(effect, lc.CancelTasks):
            wanted = {k.value for k in effect.kinds}
            for task in _related(batch, case, "tasks"):
                if task.data.get("kind") in wanted and task.data.get("status") == TaskStatus.OPEN:
                    _change(batch, task, {"status": TaskStatus.CANCELLED}, kind, op_id)
        elif isinstance(effect, lc.FlagPerson):
            flag = _FLAG_TO_WARNING.get(effect.flag)
            batch.load([person_id])
            person = batch.state.get(person_id)
            if flag and person is not None and flag not in (person.data.get("warning_flags") or []):
                _change(
                    batch,
                    person,
                    {"warning_flags": [*(person.data.get("warning_flags") or []), flag]},
                    kind,
                    op_id,
                )
        # SIS alert effects become SIS tasks (the lifecycle adds them): the SIS itself is
        # reached through the national SIS interface, not from here. Detention effects are
        # recorded on the detention record by its own form.


def _create_tasks(
    batch: Batch, case: StoredRecord, result: lc.TransitionResult, op_id: str
) -> None:
    engine = batch.engine
    assert engine is not None
    spec = COLLECTIONS["tasks"]
    for i, task in enumerate(result.tasks):
        # Derived from the op, so a replayed op could never make the same task twice.
        task_id = str(uuid.uuid5(uuid.UUID(op_id), f"task-{i}"))
        content = engine.validate(
            batch, spec, task_id,
            {"case_id": case.id, "kind": task.kind.value, "from_institution": task.from_institution.value,
             "to_institution": task.to_institution.value if task.to_institution else None,
             "title": text(task.title, "lv"), "due_date": task.due.isoformat(), "related_id": case.id},
            None,
        )  # fmt: skip
        engine.write(batch, spec, task_id, content, None, "effect:task", op_id, set(content))


def _handler(event: lc.CaseEvent) -> ActionHandler:
    def run(
        batch: Batch, spec: CollectionSpec, case: StoredRecord, params: dict[str, Any], op_id: str
    ) -> StoredRecord:
        ctx = context_of(case.data)
        # Facts kept in other records win over the remembered context.
        pending_ban = any(
            b.data.get("start_pending_departure") and b.data.get("status") == EntryBanStatus.IMPOSED
            for b in _person_bans(batch, str(case.data["person_id"]))
        )
        ctx = dataclasses.replace(ctx, entry_ban_pending=pending_ban)
        result = lc.apply_event(ctx, event, params, now=batch.now)
        deadlines = list(result.deadlines.values())
        due = [t.due for t in result.tasks]
        next_deadline = min(
            [d.date() if isinstance(d, datetime) else d for d in deadlines] + due, default=None
        )
        changes: dict[str, Any] = {
            "status": result.new_status.value,
            "lifecycle": _saved_context(result.context),
            "vd_deadline": result.context.vd_deadline.isoformat()
            if result.context.vd_deadline
            else None,
        }
        if next_deadline is not None:
            changes["next_deadline"] = next_deadline.isoformat()
        updated = _change(batch, case, changes, f"action:{event.value}", op_id)
        _create_tasks(batch, updated, result, op_id)
        _apply_effects(batch, updated, result, op_id)
        return batch.state[updated.id]

    return run


CASE_ACTIONS: dict[str, ActionHandler] = {event.value: _handler(event) for event in lc.CaseEvent}
