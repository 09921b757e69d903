"""`POST /sync/push`: apply a device's outbox, op by op, exactly once.

How a batch runs (one database transaction):

1. Take the feed lock (the `counters` row, FOR UPDATE on PostgreSQL; SQLite has one
   writer anyway). Pushes therefore apply one after another, and every change gets the
   next `seq` in commit order, which is what makes `/changes` gap-free.
2. Load, in a few queries, every op_id already applied and every record the ops touch
   (on PostgreSQL the lock and these reads go in one round trip).
3. Decide each op in order against that in-memory state: duplicate, rejected, conflict
   or applied. An op sees the effects of the ops before it in the batch, and a refused
   op changes nothing, so each op stands on its own as if it were its own transaction.
4. Write what the applied ops produced (records, versions, which carry the change feed's
   `seq`, applied op_ids, search keys, audit) in bulk, and commit. On PostgreSQL the
   rows go by COPY, whose text the engine formats itself (see `_pg_jobs`); a large batch
   writes them in slices while its later ops are still checked (see `write_lane`).

If the commit fails (say a concurrent request applied the same op_id first), nothing of
the batch is kept and the client retries; the retry then meets `duplicate`.
"""

from __future__ import annotations

import functools
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import orjson
import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy.engine import Connection

from registry_core import permissions
from registry_core.messages import DomainError, field_errors, register, text
from registry_core.records import COLLECTIONS, CollectionSpec
from registry_core.records.base import SYSTEM_FIELDS, Record
from registry_server.db import bulk_insert
from registry_server.reference_store import ReferenceCache
from registry_server.search import person_keys
from registry_server.tables import (
    applied_ops,
    audit_log,
    counters,
    record_versions,
    records,
    search_keys,
)
from registry_server.write_lane import Job, WriteLane, run_jobs

register(
    {
        "op.collection": ("Nezināma ierakstu kolekcija.", "Unknown record collection."),
        "op.exists": (
            "Ieraksts ar šo identifikatoru jau ir reģistrā.",
            "A record with this identifier is already in the registry.",
        ),
        "op.missing": ("Ieraksts reģistrā nav atrasts.", "The record is not in the registry."),
        "op.deleted": ("Ieraksts ir dzēsts.", "The record has been deleted."),
        "op.base_version": (
            "Nepareiza bāzes versija {base_version} (reģistrā ir {version}).",
            "Invalid base version {base_version} (the registry has {version}).",
        ),
        "op.base_required": (
            "Izmaiņām jānorāda bāzes versija.",
            "An update needs its base version.",
        ),
        "op.system_field": (
            "Šo lauku aizpilda reģistrs.",
            "This field is set by the registry.",
        ),
        "op.conflict": (
            "Kopš jūsu versijas šos laukus ir mainījis cits lietotājs: {fields}.",
            "Since your version another user has changed these fields: {fields}.",
        ),
        "op.locked": (
            "Paziņots vai parakstīts tiesību akts ir tikai lasāms; izmantojiet “Grozīt” vai “Atcelt”.",
            "A served or signed legal act is read-only; use Amend or Annul.",
        ),
        "op.parent_missing": (
            "Saistītais ieraksts nav atrasts reģistrā.",
            "The linked record is not in the registry.",
        ),
        "op.parent_kind": (
            "Saistītais ieraksts ir nepareiza veida.",
            "The linked record is of the wrong kind.",
        ),
        "op.reference_code": (
            "Kods nav atrodams klasifikatorā.",
            "The code is not in the reference list.",
        ),
        "op.action_unknown": ("Nezināma darbība.", "Unknown action."),
        "op.action_missing": ("Jānorāda darbība.", "Give the action."),
        "op.invalid": ("Ierakstā ir kļūdas.", "The record has errors."),
        "op.nul": (
            "Teksts satur neatļautu vadības rakstzīmi (NUL).",
            "The text contains a control character that is not allowed (NUL).",
        ),
        "op.person_merged": (
            "Persona ir apvienota ar citu ierakstu.",
            "The person has been merged into another record.",
        ),
    }
)


class OpIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    op_id: uuid.UUID
    collection: str = Field(min_length=1, max_length=40)
    id: uuid.UUID
    kind: Literal["create", "update", "delete", "action"]
    base_version: int | None = Field(default=None, ge=0)
    fields: dict[str, Any] = Field(default_factory=dict)


class PushIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    device_id: str = Field(min_length=1, max_length=100)
    ops: list[OpIn]


@dataclass(frozen=True)
class Actor:
    user_id: str
    username: str
    full_name: str
    institution: str
    unit: str
    roles: tuple[str, ...]
    device_id: str | None = None
    purpose: str | None = None
    client: str | None = None
    training: bool = False


class Refusal(Exception):
    """An op is rejected: a message code and, where it applies, per-field messages."""

    def __init__(self, code: str, fields: dict[str, str] | None = None, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.fields = fields or {}
        self.params = params


class Conflict(Exception):
    def __init__(self, fields: list[str]) -> None:
        super().__init__(",".join(fields))
        self.fields = fields


@dataclass
class StoredRecord:
    id: str
    collection: str
    version: int
    deleted: bool
    data: dict[str, Any]
    created_at: datetime
    created_by: str
    is_new: bool = False  # created in this batch, not yet in the table


# A new version made in a batch: (seq, record, kind, op_id, changed fields, sorted).
Written = tuple[int, StoredRecord, str, str | None, list[str]]


@dataclass
class Batch:
    """What the ops of one push produce, written in bulk (at the end, or on PostgreSQL
    in slices while the later ops are checked: see `flush` and `write_lane`)."""

    connection: Connection
    actor: Actor
    lang: str
    now: datetime
    state: dict[str, StoredRecord]
    seq: int
    # One entry per new version: (seq, the record as written, kind, op_id, changed fields
    # sorted). Its version row (which holds its feed position) and its audit row are made
    # from it when the batch is written.
    writes: list[Written] = field(default_factory=list)
    # (op_id, collection, record id, version) of each applied op.
    applied: list[tuple[str, str, str, int]] = field(default_factory=list)
    touched: dict[str, StoredRecord] = field(default_factory=dict)
    numbers: dict[str, int] = field(default_factory=dict)
    # (record id, its state before, its touched entry before) for every write, so that a
    # refused op can be undone without copying the whole state.
    journal: list[tuple[str, StoredRecord | None, StoredRecord | None]] = field(
        default_factory=list
    )
    engine: PushEngine | None = None
    # Records as they were in the table before this batch, and ids known not to exist.
    original: dict[str, StoredRecord] = field(default_factory=dict)
    absent: set[str] = field(default_factory=set)
    in_action: bool = False  # an action may set fields (status, signed_at) that edits may not
    # Writes that follow from the op being applied, e.g. marking the act it amends.
    after_op: list[tuple[CollectionSpec, StoredRecord, dict[str, Any], str]] = field(
        default_factory=list
    )

    # Per batch: which collections the officer may write, checked once each.
    _may_write: dict[str, bool] = field(default_factory=dict)
    lane: WriteLane | None = None

    @property
    def conn(self) -> Connection:
        """The batch's connection, once the write lane (if any) has sent everything."""
        if self.lane is not None:
            self.lane.drain()
        return self.connection

    @functools.cached_property
    def now_iso(self) -> str:
        return self.now.isoformat()

    def iso(self, value: Any) -> Any:
        return self.now_iso if value is self.now else _iso(value)

    def may_write(self, collection: str) -> bool:
        allowed = self._may_write.get(collection)
        if allowed is None:
            allowed = self._may_write[collection] = permissions.can_write(
                self.actor.roles, collection
            )
        return allowed

    def mark(self) -> tuple[int, int, int, dict[str, int] | None]:
        return (len(self.writes), len(self.journal), self.seq, dict(self.numbers) or None)

    def undo(self, mark: tuple[int, int, int, dict[str, int] | None]) -> None:
        n_writes, n_journal, seq, numbers = mark
        if numbers is not None or self.numbers:  # a refused op gives its number back
            self.numbers = numbers or {}
        del self.writes[n_writes:]
        for record_id, before, touched_before in reversed(self.journal[n_journal:]):
            if before is None:
                self.state.pop(record_id, None)
            else:
                self.state[record_id] = before
            if touched_before is None:
                self.touched.pop(record_id, None)
            else:
                self.touched[record_id] = touched_before
        del self.journal[n_journal:]
        self.seq = seq

    def load(self, ids: Iterable[str]) -> None:
        state, absent = self.state, self.absent
        missing = [i for i in set(ids) if i not in state and i not in absent]
        if missing:
            for rec in fetch_records(self.conn, missing):
                self.state[rec.id] = rec
                self.original[rec.id] = rec
            self.absent.update(i for i in missing if i not in self.state)


# An action handler changes records through `Batch.write` and returns the main record.
ActionHandler = Callable[[Batch, CollectionSpec, StoredRecord, dict[str, Any], str], StoredRecord]


def fetch_records(conn: Connection, ids: list[str]) -> list[StoredRecord]:
    if conn.dialect.name == "postgresql":
        return _records_from_rows(pg_conn(conn).execute(_PG_RECORDS, (_keys(ids),)).fetchall())
    out: list[StoredRecord] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        for row in conn.execute(sa.select(records).where(records.c.id.in_(chunk))):
            out.append(
                StoredRecord(
                    row.id, row.collection, row.version, row.deleted, dict(row.data),
                    row.created_at, row.created_by,
                )
            )  # fmt: skip
    return out


_NOT_CONTENT = set(SYSTEM_FIELDS)


def _json_safe(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json", exclude=_NOT_CONTENT)


@functools.cache
def _content_fields(spec: CollectionSpec) -> frozenset[str]:
    return spec.model.content_fields()


@functools.cache
def _append_fields(spec: CollectionSpec) -> frozenset[str]:
    return spec.model.append_fields()


def public_record(
    rec: StoredRecord, updated_at: Any = None, updated_by: Any = None
) -> dict[str, Any]:
    """The record as the API shows it: content plus the envelope."""
    out = dict(rec.data)
    out.update(
        id=rec.id,
        version=rec.version,
        deleted=rec.deleted,
        created_at=_iso(rec.created_at),
        created_by=rec.created_by,
    )
    if updated_at is not None:
        out["updated_at"] = _iso(updated_at)
        out["updated_by"] = updated_by
    return out


def _written_record(batch: Batch, rec: StoredRecord) -> dict[str, Any]:
    """`public_record` of a record this batch wrote (stamped now, by this officer)."""
    out = dict(rec.data)
    out.update(
        id=rec.id,
        version=rec.version,
        deleted=rec.deleted,
        created_at=batch.iso(rec.created_at),
        created_by=rec.created_by,
        updated_at=batch.now_iso,
        updated_by=batch.actor.username,
    )
    return out


def _iso(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value


# On PostgreSQL a batch of at least this many ops writes through a `WriteLane`, in
# slices of at least `_FLUSH_WRITES` new versions, each handed over when the one before
# is written: the last slice (which nothing overlaps) stays short, and a slice's
# statements (about 0.5 ms of PostgreSQL's time each, measured) are not spent in vain.
_LANE_MIN_OPS = 100
_FLUSH_WRITES = 50


class PushEngine:
    def __init__(
        self,
        refs: ReferenceCache,
        actions: Mapping[str, Mapping[str, ActionHandler]] | None = None,
    ) -> None:
        self.refs = refs
        self.actions = actions or {}
        self._validators: dict[
            str, Callable[[Batch, CollectionSpec, dict[str, Any], StoredRecord | None], None]
        ] = {}
        # The reference list versions the cache was last refreshed against (PostgreSQL
        # reads them with the batch's first statements and asks the cache to reload
        # only when one moved).
        self._ref_versions: dict[str, int] | None = None

    def add_rule(
        self,
        collection: str,
        rule: Callable[[Batch, CollectionSpec, dict[str, Any], StoredRecord | None], None],
    ) -> None:
        """Extra checks for a collection (institution rules and the like)."""
        self._validators[collection] = rule

    # -- the batch ---------------------------------------------------------------------

    def push(
        self, conn: Connection, actor: Actor, ops: list[OpIn], lang: str
    ) -> list[dict[str, Any]]:
        op_ids = [str(op.op_id) for op in ops]
        record_ids = [str(op.id) for op in ops]
        wanted = _ids_to_prefetch(ops, record_ids)
        if conn.dialect.name == "postgresql":
            seq, applied_ids, found, ref_versions = _begin_pg(conn, op_ids, wanted)
            done = _applied_answers(conn, applied_ids) if applied_ids else {}
            if ref_versions != self._ref_versions:
                self.refs.refresh(conn)
                self._ref_versions = ref_versions
        else:
            seq = conn.execute(
                sa.select(counters.c.value).where(counters.c.name == "feed").with_for_update()
            ).scalar_one()
            done = _applied_answers(conn, op_ids)
            found = None
            self.refs.refresh(conn)
        batch = Batch(conn, actor, lang, datetime.now(UTC), {}, seq, engine=self)
        if found is None:
            batch.load(wanted)
        else:
            for rec in found:
                batch.state[rec.id] = batch.original[rec.id] = rec
            batch.absent.update(i for i in wanted if i not in batch.state)
        if found is not None and len(ops) >= _LANE_MIN_OPS:
            batch.lane = WriteLane(pg_conn(conn))
        try:
            answers: list[dict[str, Any]] = []
            seen_in_batch: dict[str, dict[str, Any]] = {}
            for op, key, rid in zip(ops, op_ids, record_ids, strict=True):
                earlier = done.get(key) or seen_in_batch.get(key)
                if earlier is not None:
                    answers.append({**earlier, "status": "duplicate"})
                    continue
                answer = self._one(batch, op, key, rid)
                if answer["status"] == "applied":
                    seen_in_batch[key] = answer
                answers.append(answer)
                if batch.lane is not None:
                    batch.lane.pump()  # move the rows handed over along
                    # A new slice once the last one is written: slices grow while
                    # PostgreSQL is the slower side, and each statement costs too.
                    if len(batch.writes) >= _FLUSH_WRITES and batch.lane.idle:
                        self._flush(batch)
            self._write(batch, seq)
        finally:
            if batch.lane is not None:
                batch.lane.close()
                batch.lane = None
        return answers

    def _one(self, batch: Batch, op: OpIn, op_id: str, rid: str) -> dict[str, Any]:
        base = {"op_id": op_id, "id": rid}
        mark = batch.mark()
        batch.after_op.clear()
        try:
            rec = self._apply(batch, op, op_id, rid)
            for spec, target, changes, kind in batch.after_op:
                target = batch.state[target.id]
                self.write(
                    batch,
                    spec,
                    target.id,
                    {**target.data, **changes},
                    target,
                    kind,
                    op_id,
                    set(changes),
                )
        except Refusal as exc:
            batch.undo(mark)
            return {
                **base,
                "status": "rejected",
                "error": exc.code,
                "message": text(exc.code, batch.lang, **exc.params),
                "fields": exc.fields,
            }
        except Conflict as exc:
            batch.undo(mark)
            current = batch.state[rid]
            return {
                **base,
                "status": "conflict",
                "version": current.version,
                "record": public_record(current),
                "fields": exc.fields,
                "message": text("op.conflict", batch.lang, fields=", ".join(exc.fields)),
            }
        batch.applied.append((op_id, op.collection, rid, rec.version))
        return {
            **base,
            "status": "applied",
            "version": rec.version,
            "record": _written_record(batch, rec),
        }

    def _apply(self, batch: Batch, op: OpIn, op_id: str, rid: str) -> StoredRecord:
        spec = COLLECTIONS.get(op.collection)
        if spec is None:
            raise Refusal("op.collection", {"collection": text("op.collection", batch.lang)})
        if not batch.may_write(spec.name):
            raise Refusal("perm.write")
        current = batch.state.get(rid)
        if current is not None and current.collection != spec.name:
            raise Refusal("op.exists", {"id": text("op.exists", batch.lang)})
        if op.kind == "create":
            return self._create(batch, spec, op, op_id, rid, current)
        if current is None:
            raise Refusal("op.missing")
        if current.deleted:
            raise Refusal("op.deleted")
        if op.kind == "action":
            return self._action(batch, spec, op, op_id, current)
        if op.base_version is None:
            raise Refusal(
                "op.base_required", {"base_version": text("op.base_required", batch.lang)}
            )
        if op.base_version > current.version:
            raise Refusal("op.base_version", base_version=op.base_version, version=current.version)
        if op.kind == "delete":
            return self._delete(batch, spec, op, op_id, current)
        return self._update(batch, spec, op, op_id, current)

    # -- kinds ---------------------------------------------------------------------------

    def _create(
        self,
        batch: Batch,
        spec: CollectionSpec,
        op: OpIn,
        op_id: str,
        rid: str,
        current: StoredRecord | None,
    ) -> StoredRecord:
        if current is not None:
            raise Refusal("op.exists")
        self._no_system_fields(batch, op.fields)
        data = dict(op.fields)
        if spec.number_field:
            data.pop(spec.number_field, None)  # official numbers are the registry's to give
        content = self.validate(batch, spec, rid, data, None)
        if spec.number_field:
            content[spec.number_field] = allocate_number(batch, spec, content)
        return self.write(batch, spec, rid, content, None, "create", op_id, set(content))

    def _update(
        self, batch: Batch, spec: CollectionSpec, op: OpIn, op_id: str, current: StoredRecord
    ) -> StoredRecord:
        self._no_system_fields(batch, op.fields)
        if _locked(spec, current.data, current.id):
            raise Refusal("op.locked")
        unknown = op.fields.keys() - _content_fields(spec)
        if unknown:
            raise Refusal(
                "op.invalid", {f: text("extra_forbidden", batch.lang) for f in sorted(unknown)}
            )
        incoming = dict(op.fields)
        assert op.base_version is not None
        if op.base_version < current.version:
            incoming = self._merge_stale(batch, spec, current, op.base_version, incoming)
        data = {**current.data, **incoming}
        if spec.number_field:
            data[spec.number_field] = current.data.get(spec.number_field)
        content = self.validate(batch, spec, current.id, data, current)
        before = current.data
        changed = {k for k, v in content.items() if v != before.get(k)}
        if not changed:
            return current
        return self.write(batch, spec, current.id, content, current, "update", op_id, changed)

    def _merge_stale(
        self,
        batch: Batch,
        spec: CollectionSpec,
        current: StoredRecord,
        base_version: int,
        incoming: dict[str, Any],
    ) -> dict[str, Any]:
        """Field-level merge: clash only where both sides changed the same field."""
        since, base_data = _changes_since(batch, current.id, base_version)
        clashes = []
        for name, value in incoming.items():
            if name not in since or _same(value, current.data.get(name)):
                continue
            if name in _append_fields(spec):
                incoming[name] = _append_note(base_data.get(name), value, current.data.get(name))
                continue
            clashes.append(name)
        if clashes:
            raise Conflict(sorted(clashes))
        return incoming

    def _delete(
        self, batch: Batch, spec: CollectionSpec, op: OpIn, op_id: str, current: StoredRecord
    ) -> StoredRecord:
        if _locked(spec, current.data, current.id):
            raise Refusal("op.locked")
        assert op.base_version is not None
        if op.base_version < current.version:
            raise Conflict(["deleted"])
        return self.write(
            batch, spec, current.id, dict(current.data), current, "delete", op_id, {"deleted"},
            deleted=True,
        )  # fmt: skip

    def _action(
        self, batch: Batch, spec: CollectionSpec, op: OpIn, op_id: str, current: StoredRecord
    ) -> StoredRecord:
        params = dict(op.fields)
        name = params.pop("action", None)
        if not name:
            raise Refusal("op.action_missing", {"action": text("op.action_missing", batch.lang)})
        handler = self.actions.get(spec.name, {}).get(str(name))
        if handler is None:
            raise Refusal("op.action_unknown", {"action": text("op.action_unknown", batch.lang)})
        try:
            return handler(batch, spec, current, params, op_id)
        except DomainError as exc:
            field_name = exc.field or "action"
            raise Refusal(exc.code, {field_name: exc.message(batch.lang)}, **exc.params) from None

    # -- shared steps --------------------------------------------------------------------

    def _no_system_fields(self, batch: Batch, fields: Mapping[str, Any]) -> None:
        if SYSTEM_FIELDS.isdisjoint(fields):
            return
        bad = sorted(set(fields) & SYSTEM_FIELDS)
        if bad:
            raise Refusal("op.invalid", {f: text("op.system_field", batch.lang) for f in bad})

    def validate(
        self,
        batch: Batch,
        spec: CollectionSpec,
        record_id: str,
        data: dict[str, Any],
        current: StoredRecord | None,
    ) -> dict[str, Any]:
        """Schema, reference codes, links and collection rules; returns the clean content."""
        try:
            model = spec.model.model_validate({**data, "id": record_id})
        except ValidationError as exc:
            raise Refusal("op.invalid", field_errors(exc, batch.lang)) from None
        except DomainError as exc:
            raise Refusal(
                "op.invalid", {exc.field or "__root__": exc.message(batch.lang)}
            ) from None
        unknown = self.refs.unknown_in(model)
        if unknown:
            raise Refusal("op.invalid", {p: text("op.reference_code", batch.lang) for p in unknown})
        content = _json_safe(model)
        nul = _nul_paths(content)
        if nul:  # PostgreSQL cannot store it, and no officer means to type it
            raise Refusal("op.invalid", {p: text("op.nul", batch.lang) for p in nul})
        if spec.parents:
            self._check_parents(batch, spec, content)
        rule = self._validators.get(spec.name)
        if rule is not None:
            try:
                rule(batch, spec, content, current)
            except DomainError as exc:
                raise Refusal(
                    exc.code, {exc.field or "__root__": exc.message(batch.lang)}, **exc.params
                ) from None
        return content

    def _check_parents(self, batch: Batch, spec: CollectionSpec, content: dict[str, Any]) -> None:
        wanted = {f: content.get(f) for f, _ in spec.parents if content.get(f)}
        batch.load(str(v) for v in wanted.values())
        errors: dict[str, str] = {}
        for field_name, coll in spec.parents:
            value = wanted.get(field_name)
            if not value:
                continue
            parent = batch.state.get(str(value))
            if parent is None or parent.deleted:
                errors[field_name] = text("op.parent_missing", batch.lang)
            elif parent.collection != coll:
                errors[field_name] = text("op.parent_kind", batch.lang)
            elif coll == "persons" and parent.data.get("merged_into"):
                errors[field_name] = text("op.person_merged", batch.lang)
        if errors:
            raise Refusal("op.invalid", errors)

    def write(
        self,
        batch: Batch,
        spec: CollectionSpec,
        record_id: str,
        content: dict[str, Any],
        current: StoredRecord | None,
        kind: str,
        op_id: uuid.UUID | str | None,
        changed: set[str],
        *,
        deleted: bool = False,
    ) -> StoredRecord:
        """Record a new version of a record in the batch (and in its in-memory state)."""
        version = (current.version if current else 0) + 1
        rec = StoredRecord(
            record_id,
            spec.name,
            version,
            deleted,
            content,
            current.created_at if current else batch.now,
            current.created_by if current else batch.actor.username,
            is_new=current is None or current.is_new,
        )
        state, touched = batch.state, batch.touched
        batch.journal.append((record_id, state.get(record_id), touched.get(record_id)))
        state[record_id] = rec
        touched[record_id] = rec
        batch.seq += 1
        batch.writes.append((batch.seq, rec, kind, str(op_id) if op_id else None, sorted(changed)))
        return rec

    def _write(self, batch: Batch, seq_before: int) -> None:
        """Write what the batch has not written yet, and the counters."""
        if batch.connection.dialect.name == "postgresql":
            _write_pg(batch, seq_before)
        else:
            _write_generic(batch, seq_before)
        _settle(batch)

    def _flush(self, batch: Batch) -> None:
        """Hand the rows of the ops decided so far to the write lane."""
        assert batch.lane is not None
        batch.lane.submit(_pg_jobs(batch))
        _settle(batch)


def _write_generic(batch: Batch, seq_before: int) -> None:
    """The batch's rows through SQLAlchemy (SQLite)."""
    conn = batch.conn
    now, actor = batch.now, batch.actor
    if batch.seq != seq_before:
        conn.execute(counters.update().where(counters.c.name == "feed").values(value=batch.seq))
    for name, value in batch.numbers.items():
        conn.execute(counters.update().where(counters.c.name == name).values(value=value))
    new_rows: list[dict[str, Any]] = []
    upd_rows: list[dict[str, Any]] = []
    for rec in batch.touched.values():
        row = {
            "id": rec.id,
            "collection": rec.collection,
            "version": rec.version,
            "deleted": rec.deleted,
            "data": rec.data,
            "created_at": rec.created_at,
            "created_by": rec.created_by,
            "updated_at": now,
            "updated_by": actor.username,
            "person_id": _link(rec, "person_id"),
            "case_id": _link(rec, "case_id"),
        }
        (new_rows if rec.is_new else upd_rows).append(row)
    bulk_insert(conn, records, new_rows)
    if upd_rows:
        _update_records(conn, upd_rows)
    versions, audit = [], []
    for seq, rec, kind, op_id, fields in batch.writes:
        versions.append(
            {
                "seq": seq,
                "id": rec.id,
                "version": rec.version,
                "collection": rec.collection,
                "changed_fields": fields,
                "data": rec.data,
                "deleted": rec.deleted,
                "at": now,
                "by": actor.username,
                "op_id": op_id,
                "kind": kind,
            }
        )
        audit.append(
            {
                "at": now,
                "username": actor.username,
                "action": kind,
                "collection": rec.collection,
                "record_id": rec.id,
                "fields": fields,
                "device_id": actor.device_id,
                "purpose": actor.purpose,
                "client": actor.client,
                "detail": {"version": rec.version, "op_id": op_id},
            }
        )
    bulk_insert(conn, record_versions, versions)
    bulk_insert(
        conn,
        applied_ops,
        [
            {
                "op_id": op_id,
                "device_id": actor.device_id or "-",
                "username": actor.username,
                "collection": collection,
                "record_id": record_id,
                "version": version,
                "at": now,
            }
            for op_id, collection, record_id, version in batch.applied
        ],
    )
    bulk_insert(conn, audit_log, audit)
    refresh_search_keys(conn, batch)


# -- PostgreSQL: the batch in a few round trips ---------------------------------------------
#
# The rows are formatted here as COPY text, one string per table, rather than handed to
# the driver row by row: at some 7 rows per op that formatting was most of a push's time.
# Each record's JSON is serialised once and serves its row, its version and the update.

# Look-ups by a list of keys are written as one index probe per key (LATERAL … LIMIT 1):
# `= ANY(%s)` under a prepared (generic) plan may compare every row with every key. The
# keys travel as one JSON array (see `_keys`).
_PG_RECORDS = (
    "SELECT r.id, r.collection, r.version, r.deleted, r.data::text, r.created_at, "
    "r.created_by FROM json_array_elements_text(%s::json) AS k(id) CROSS JOIN LATERAL "
    "(SELECT * FROM records WHERE records.id = k.id LIMIT 1) AS r"
)
_PG_APPLIED = (
    "SELECT a.op_id FROM json_array_elements_text(%s::json) AS k(id) CROSS JOIN LATERAL "
    "(SELECT op_id FROM applied_ops WHERE applied_ops.op_id = k.id LIMIT 1) AS a"
)
_PG_REF_VERSIONS = "SELECT name, version FROM reference_lists"
# jsonb: the document is parsed once, each record's data taken from it as it is.
_PG_UPDATE = (
    "UPDATE records AS r SET version = u.version, deleted = u.deleted, data = u.data, "
    "updated_at = %s, updated_by = %s, person_id = u.person_id, case_id = u.case_id "
    "FROM jsonb_to_recordset(%s::jsonb) AS u(id text, version int, deleted bool, data jsonb, "
    "person_id text, case_id text) WHERE r.id = u.id"
)
_COPY_RECORDS = (
    "COPY records (id, collection, version, deleted, data, created_at, created_by, "
    "updated_at, updated_by, person_id, case_id) FROM STDIN"
)
_COPY_VERSIONS = (
    "COPY record_versions (id, version, collection, changed_fields, data, deleted, at, by, "
    "op_id, kind, seq) FROM STDIN"
)
_COPY_APPLIED = (
    "COPY applied_ops (op_id, device_id, username, collection, record_id, version, at) FROM STDIN"
)
_COPY_AUDIT = (
    "COPY audit_log (at, username, action, collection, record_id, fields, device_id, "
    "purpose, client, detail) FROM STDIN"
)
_COPY_KEYS = "COPY search_keys (person_id, key, kind) FROM STDIN"
_PG_COUNTER = "UPDATE counters SET value = %s WHERE name = %s"
_PG_PERSON_DOCS = (
    "SELECT r.id, r.data::text, r.person_id FROM json_array_elements_text(%s::json) "
    "AS k(id) JOIN records AS r ON r.person_id = k.id "
    "WHERE r.collection = 'documents' AND NOT r.deleted"
)
_PG_DELETE_KEYS = (
    "DELETE FROM search_keys AS s USING json_array_elements_text(%s::json) AS k(id) "
    "WHERE s.person_id = k.id"
)


def pg_conn(conn: Connection) -> Any:
    """The psycopg connection under a SQLAlchemy one (same transaction)."""
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def _keys(values: Iterable[str]) -> str:
    """A list of keys as a query parameter: a JSON array, which psycopg passes as one
    string (its list adapter costs some microseconds per element)."""
    return orjson.dumps(list(values)).decode()


def _records_from_rows(rows: Iterable[Any]) -> list[StoredRecord]:
    loads = orjson.loads
    return [
        StoredRecord(rid, coll, version, deleted, loads(data), created_at, created_by)
        for rid, coll, version, deleted, data, created_at, created_by in rows
    ]


_COPY_SPECIAL = re.compile(r"[\\\t\n\r]")


def _esc(value: str) -> str:
    """A text value for COPY: backslash, tab, newline and carriage return escaped."""
    if _COPY_SPECIAL.search(value) is None:
        return value
    return (
        value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
    )


def _esc_opt(value: str | None) -> str:
    return "\\N" if value is None else _esc(value)


def _json_copy(text: str) -> str:
    # orjson never writes a raw control character, so only backslashes need doubling.
    return text.replace("\\", "\\\\") if "\\" in text else text


def _pg_jobs(batch: Batch) -> list[Job]:
    """The rows of the ops decided since the last flush, as PostgreSQL statements:
    records (COPY the new ones, one UPDATE for the changed ones), versions, the feed,
    applied op_ids, audit and search keys."""
    actor = batch.actor
    now_s = batch.now_iso
    user = _esc(actor.username)
    dumps = orjson.dumps
    texts: dict[int, str] = {}  # id(data) -> its JSON: one dumps per content dict

    def as_json(data: dict[str, Any]) -> str:
        text = texts.get(id(data))
        if text is None:
            text = texts[id(data)] = dumps(data).decode()
        return text

    new_lines: list[str] = []
    updates: list[str] = []
    for rec in batch.touched.values():
        data = as_json(rec.data)
        person_id, case_id = _link(rec, "person_id"), _link(rec, "case_id")
        if rec.is_new:
            new_lines.append(
                f"{_esc(rec.id)}\t{rec.collection}\t{rec.version}\t{'t' if rec.deleted else 'f'}\t"
                f"{_json_copy(data)}\t{batch.iso(rec.created_at)}\t{_esc(rec.created_by)}\t"
                f"{now_s}\t{user}\t{_esc_opt(person_id)}\t{_esc_opt(case_id)}\n"
            )
        else:
            updates.append(
                f'{{"id":{_jstr(rec.id)},"version":{rec.version},'
                f'"deleted":{"true" if rec.deleted else "false"},"data":{data},'
                f'"person_id":{_jstr(person_id)},"case_id":{_jstr(case_id)}}}'
            )
    version_lines, audit_lines = [], []
    device, purpose, client = (
        _esc_opt(actor.device_id),
        _esc_opt(actor.purpose),
        _esc_opt(actor.client),
    )
    for seq, rec, kind, op_id, fields in batch.writes:
        deleted = "t" if rec.deleted else "f"
        rid, coll, kind_s = _esc(rec.id), rec.collection, _esc(kind)
        fields_s = _json_copy(dumps(fields).decode())
        version_lines.append(
            f"{rid}\t{rec.version}\t{coll}\t{fields_s}\t{_json_copy(as_json(rec.data))}\t"
            f"{deleted}\t{now_s}\t{user}\t{_esc_opt(op_id)}\t{kind_s}\t{seq}\n"
        )
        detail = _json_copy(dumps({"version": rec.version, "op_id": op_id}).decode())
        audit_lines.append(
            f"{now_s}\t{user}\t{kind_s}\t{coll}\t{rid}\t{fields_s}\t{device}\t{purpose}\t"
            f"{client}\t{detail}\n"
        )
    device_or_dash = _esc(actor.device_id or "-")
    applied_lines = [
        f"{_esc(op_id)}\t{device_or_dash}\t{user}\t{_esc(coll)}\t{_esc(rid)}\t{version}\t{now_s}\n"
        for op_id, coll, rid, version in batch.applied
    ]
    jobs: list[Job] = []
    if updates:
        jobs.append(
            ("execute", _PG_UPDATE, (batch.now, actor.username, "[" + ",".join(updates) + "]"))
        )
    for statement, lines in (
        (_COPY_RECORDS, new_lines),
        (_COPY_VERSIONS, version_lines),
        (_COPY_APPLIED, applied_lines),
        (_COPY_AUDIT, audit_lines),
    ):
        if lines:
            jobs.append(("copy", statement, "".join(lines)))
    jobs.extend(_search_key_jobs(batch))
    return jobs


def _write_pg(batch: Batch, seq_before: int) -> None:
    jobs = _pg_jobs(batch) + _counter_jobs(batch, seq_before)
    if batch.lane is not None:
        batch.lane.submit(jobs)
        batch.lane.drain()
    else:
        run_jobs(pg_conn(batch.connection), jobs)


def _counter_jobs(batch: Batch, seq_before: int) -> list[Job]:
    """The feed counter and the official number series this batch moved."""
    jobs: list[Job] = []
    if batch.seq != seq_before:
        jobs.append(("execute", _PG_COUNTER, (batch.seq, "feed")))
    jobs.extend(("execute", _PG_COUNTER, (value, name)) for name, value in batch.numbers.items())
    return jobs


def _settle(batch: Batch) -> None:
    """After the pending rows went to the database: they are now the tables' state, and
    the ops that made them can no longer be undone (each op is decided by then)."""
    for rec in batch.touched.values():
        rec.is_new = False
        batch.original[rec.id] = rec
    batch.touched.clear()
    batch.writes.clear()
    batch.applied.clear()
    batch.journal.clear()


def _jstr(value: str | None) -> str:
    return "null" if value is None else orjson.dumps(value).decode()


_UPDATED = ("version", "deleted", "data", "updated_at", "updated_by", "person_id", "case_id")


def _update_records(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Write the new state of changed records (SQLite; PostgreSQL uses `_PG_UPDATE`)."""
    stmt = (
        records.update()
        .where(records.c.id == sa.bindparam("b_id"))
        .values({name: sa.bindparam(name) for name in _UPDATED})
    )
    conn.execute(stmt, [{**r, "b_id": r["id"]} for r in rows])


def _link(rec: StoredRecord, name: str) -> str | None:
    if rec.collection == "persons" and name == "person_id":
        return rec.id
    if rec.collection == "cases" and name == "case_id":
        return rec.id
    value = rec.data.get(name)
    return str(value) if value else None


# Fields that feed the search index; a change elsewhere leaves a person's keys alone.
_KEY_FIELDS = (
    "given_names_latin", "surname_latin", "patronymic", "given_names_native", "surname_native",
    "name_reproduction_lv", "names_at_birth", "previous_surnames", "other_identities",
    "date_of_birth", "personal_code", "foreign_id_number",
)  # fmt: skip


def _persons_to_reindex(batch: Batch) -> tuple[set[str], set[str]]:
    """(persons whose keys must be rebuilt, those of them new in this batch)."""
    recompute: set[str] = set()
    new_persons: set[str] = set()
    for rec in batch.touched.values():
        before = batch.original.get(rec.id)
        if rec.collection == "persons":
            if before is None:
                new_persons.add(rec.id)
                recompute.add(rec.id)
            elif before.deleted != rec.deleted or any(
                before.data.get(f) != rec.data.get(f) for f in _KEY_FIELDS
            ):
                recompute.add(rec.id)
        elif rec.collection == "documents":
            if (
                before is None
                or before.deleted != rec.deleted
                or before.data.get("series_and_number") != rec.data.get("series_and_number")
                or before.data.get("person_id") != rec.data.get("person_id")
            ):
                recompute.add(str(rec.data.get("person_id")))
                if before is not None:
                    recompute.add(str(before.data.get("person_id")))
    return recompute, new_persons


def _key_rows(
    batch: Batch, recompute: set[str], docs: dict[str, dict[str, dict[str, Any]]]
) -> list[tuple[str, str, str]]:
    """(person id, key, kind) for each person in `recompute`; `docs` holds their
    documents as the tables have them."""
    for rec in batch.touched.values():  # documents written since: not in the tables yet
        if rec.collection == "documents":
            for person_docs in docs.values():
                person_docs.pop(rec.id, None)
            if not rec.deleted:
                docs.setdefault(str(rec.data.get("person_id")), {})[rec.id] = rec.data
    batch.load(recompute)
    rows = []
    for pid in sorted(recompute):
        person = batch.state.get(pid)
        if person is None or person.deleted or person.collection != "persons":
            continue
        for key, kind in person_keys(person.data, docs.get(pid, {}).values()):
            rows.append((pid, key, kind))
    return rows


def refresh_search_keys(conn: Connection, batch: Batch) -> None:
    """Rebuild the search keys of the persons whose names, dates or documents changed
    (SQLite; PostgreSQL goes through `_search_key_jobs`)."""
    recompute, new_persons = _persons_to_reindex(batch)
    if not recompute:
        return
    existing = sorted(recompute - new_persons)
    docs: dict[str, dict[str, dict[str, Any]]] = {}
    if existing:
        conn.execute(search_keys.delete().where(search_keys.c.person_id.in_(existing)))
        for row in conn.execute(
            sa.select(records.c.id, records.c.data, records.c.person_id).where(
                records.c.collection == "documents",
                records.c.person_id.in_(existing),
                records.c.deleted.is_(False),
            )
        ):
            docs.setdefault(str(row.person_id), {})[row.id] = dict(row.data)
    rows = _key_rows(batch, recompute, docs)
    bulk_insert(conn, search_keys, [{"person_id": p, "key": k, "kind": t} for p, k, t in rows])


def _search_key_jobs(batch: Batch) -> list[Job]:
    """`refresh_search_keys` for PostgreSQL, as jobs. Only persons that were already in
    the tables need a read (their documents) and a delete of their old keys."""
    recompute, new_persons = _persons_to_reindex(batch)
    if not recompute:
        return []
    existing = sorted(recompute - new_persons)
    docs: dict[str, dict[str, dict[str, Any]]] = {}
    jobs: list[Job] = []
    if existing:
        keys = _keys(existing)
        for doc_id, data, person_id in pg_conn(batch.conn).execute(_PG_PERSON_DOCS, (keys,)):
            docs.setdefault(str(person_id), {})[doc_id] = orjson.loads(data)
        jobs.append(("execute", _PG_DELETE_KEYS, (keys,)))
    rows = _key_rows(batch, recompute, docs)
    if rows:
        escaped = {pid: _esc(pid) for pid in recompute}
        jobs.append((
            "copy",
            _COPY_KEYS,
            "".join(f"{escaped[pid]}\t{_esc(key)}\t{_esc(kind)}\n" for pid, key, kind in rows),
        ))  # fmt: skip
    return jobs


def _nul_paths(content: dict[str, Any]) -> list[str]:
    """Paths of the strings in a record that hold a NUL character (usually none: one
    quick look at the record's JSON first)."""
    if b"\\u0000" not in orjson.dumps(content):
        return []
    out: list[str] = []

    def walk(value: Any, path: str) -> None:
        if isinstance(value, str):
            if "\x00" in value:
                out.append(path)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                walk(item, f"{path}.{i}")

    walk(content, "")
    return out


def _same(a: Any, b: Any) -> bool:
    return bool(a == b)


def _append_note(base: Any, mine: Any, theirs: Any) -> Any:
    """Notes append: keep the registry's text and add what this side wrote after base."""
    base_s, mine_s, theirs_s = str(base or ""), str(mine or ""), str(theirs or "")
    added = mine_s[len(base_s) :] if mine_s.startswith(base_s) else mine_s
    added = added.strip("\n")
    if not added:
        return theirs
    return f"{theirs_s}\n{added}" if theirs_s else added


def _changes_since(
    batch: Batch, record_id: str, base_version: int
) -> tuple[set[str], dict[str, Any]]:
    """Fields changed after `base_version`, and the record as it was at that version."""
    changed: set[str] = set()
    base: dict[str, Any] = {}
    rows = batch.conn.execute(
        sa.select(
            record_versions.c.version, record_versions.c.changed_fields, record_versions.c.data
        )
        .where(record_versions.c.id == record_id, record_versions.c.version >= base_version)
        .order_by(record_versions.c.version)
    ).all()
    for row in rows:
        if row.version == base_version:
            base = dict(row.data)
        else:
            changed.update(row.changed_fields)
    for _seq, rec, _kind, _op_id, fields in batch.writes:  # versions made earlier in this batch
        if rec.id == record_id and rec.version > base_version:
            changed.update(fields)
    return changed, base


def _locked(spec: CollectionSpec, data: dict[str, Any], record_id: str) -> bool:
    if spec.model.is_locked is Record.is_locked:
        return False  # this kind of record is never a legal act
    try:
        model = spec.model.model_validate({**data, "id": record_id})
    except ValidationError:
        return False
    return model.is_locked()


def _applied_answers(conn: Connection, op_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The answer each already-applied op got, rebuilt from the version it made."""
    out: dict[str, dict[str, Any]] = {}
    if not op_ids:
        return out
    rows = conn.execute(
        sa.select(
            applied_ops,
            record_versions.c.data,
            record_versions.c.deleted,
            records.c.created_at,
            records.c.created_by,
        )
        .join(
            record_versions,
            sa.and_(
                record_versions.c.id == applied_ops.c.record_id,
                record_versions.c.version == applied_ops.c.version,
            ),
            isouter=True,
        )
        .join(records, records.c.id == applied_ops.c.record_id, isouter=True)
        .where(applied_ops.c.op_id.in_(op_ids))
    )
    for row in rows:
        rec = StoredRecord(
            row.record_id, row.collection, row.version, bool(row.deleted),
            dict(row.data or {}), row.created_at, row.created_by,
        )  # fmt: skip
        out[row.op_id] = {
            "op_id": row.op_id,
            "id": row.record_id,
            "version": row.version,
            "record": public_record(rec),
        }
    return out


def _begin_pg(
    conn: Connection, op_ids: list[str], ids: set[str]
) -> tuple[int, list[str], list[StoredRecord], dict[str, int]]:
    """Take the feed lock, find the ops already applied, read the records the batch
    touches and the reference list versions: four statements in one round trip
    (pipeline). The lock comes first, so the reads see everything committed by the push
    before this one."""
    raw = pg_conn(conn)
    with raw.pipeline():
        lock = raw.execute("SELECT value FROM counters WHERE name = 'feed' FOR UPDATE")
        applied = raw.execute(_PG_APPLIED, (_keys(op_ids),))
        found = raw.execute(_PG_RECORDS, (_keys(ids),))
        refs = raw.execute(_PG_REF_VERSIONS)
    row = lock.fetchone()
    if row is None:
        raise RuntimeError("the feed counter is missing")
    return (
        int(row[0]),
        [r[0] for r in applied.fetchall()],
        _records_from_rows(found.fetchall()),
        dict(refs.fetchall()),
    )


def _ids_to_prefetch(ops: list[OpIn], record_ids: list[str]) -> set[str]:
    ids = set(record_ids)
    for op in ops:
        for key in ("person_id", "case_id", "decision_id", "entry_ban_id"):
            value = op.fields.get(key)
            if isinstance(value, str):
                ids.add(value)
    return ids


# -- official numbers --------------------------------------------------------------------

_DECISION_SERIES = {"departure_order": "IR", "removal_decision": "PIL"}


def allocate_number(batch: Batch, spec: CollectionSpec, content: dict[str, Any]) -> str:
    """Next official number in its series, e.g. VRS-2026-000123 or PMLP-IR-2026-000045.

    Taken under the same lock as the feed, so numbers are gap-free and never repeat. The
    series' counter row is locked on first use and written once, with the feed counter,
    when the batch is written (a refused op gives its number back: see `Batch.undo`).
    """
    year = batch.now.year
    if spec.name == "cases":
        inst = str(content.get("owner_institution"))
        series, prefix = f"case:{inst}:{year}", f"{inst}-{year}"
    else:
        inst = str(content.get("issuing_institution"))
        kind = _DECISION_SERIES.get(str(content.get("decision_type")), "L")
        series, prefix = f"decision:{inst}:{kind}:{year}", f"{inst}-{kind}-{year}"
    value = batch.numbers.get(series)
    if value is None:
        value = batch.conn.execute(
            sa.select(counters.c.value).where(counters.c.name == series).with_for_update()
        ).scalar()
        if value is None:
            batch.conn.execute(counters.insert().values(name=series, value=0))
            value = 0
    value += 1
    batch.numbers[series] = value
    return f"{prefix}-{value:06d}"
