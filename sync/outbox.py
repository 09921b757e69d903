"""The outbox: the officer's local changes, in order, until the registry has answered.

Tables (`sync.store_schema._v3`):

- `outbox`: one row per op, `position` is the push order. An op stays here until the
  registry answered `applied`/`duplicate` (state `applied`, pruned later), or the officer
  resolved a conflict or discarded it (then it moves to `outbox_done`). Nothing is
  deleted on a network error or a crash: an op caught in `sending` is simply sent again
  with the same `op_id`, and the registry answers `duplicate`.
- `record_shadow`: the registry's own copy (data, version) of a record that has unsettled
  local ops. The `records` row then holds the officer's view: that copy with the ops'
  fields laid over it (`recompute_view`). A pull updates the copy and lays the ops over
  again, so a download never overwrites an unsent edit (DHIS2's rule), and a conflict
  still has the registry's value next to the officer's.
- `outbox_done`: ops that left the outbox unapplied (`discarded`, `resolved`).
- `sync_audit`: the officer's decisions (resolve, resend, discard) on this workstation.

Every function here takes the caller's `Connection` (one transaction), so a save, an
answer or a pull page is applied atomically.

Dependencies: an op depends on the latest unsettled op of the same officer on the same
record and on each parent record (`COLLECTIONS[...].parents`: a decision on its case, a
case on its person). A dependency that is rejected or blocked blocks the op; a
discarded *create* blocks it too (the record will never exist); an applied, resolved or
conflicting dependency does not (the record exists in the registry).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from registry_core import messages
from registry_core.records import COLLECTIONS
from sync.store_search import index_documents, index_persons

T = TypeVar("T")

KINDS = ("create", "update", "delete", "action")
# Collections the desktop writes but never reads back (administrators review them): an
# op is queued, but no local record is kept.
WRITE_ONLY = frozenset({"print-jobs", "discarded-ops"})


class OpState(StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    APPLIED = "applied"
    CONFLICT = "conflict"
    REJECTED = "rejected"
    BLOCKED = "blocked"


UNSETTLED = (
    OpState.PENDING,
    OpState.SENDING,
    OpState.CONFLICT,
    OpState.REJECTED,
    OpState.BLOCKED,
)
_UNSETTLED_SQL = "('pending','sending','conflict','rejected','blocked')"


@dataclass(frozen=True)
class Conflict:
    """The registry changed, since this op's base version, a field the op changes."""

    fields: tuple[str, ...]  # the clashing fields
    base: dict[str, Any]  # their values at the op's base version (as known here)
    mine: dict[str, Any]  # the officer's values
    registry: dict[str, Any]  # the registry's values now
    registry_version: int
    legal_fields: tuple[str, ...]  # those of `fields` that are legal fields


@dataclass(frozen=True)
class OutboxOp:
    op_id: str
    position: int
    officer: str
    collection: str
    record_id: str
    kind: str
    base_version: int | None
    fields: dict[str, Any]
    created_at: datetime
    depends_on: tuple[str, ...]
    state: OpState
    attempts: int
    last_error_code: str | None
    last_error: dict[str, str] | None  # {"lv": …, "en": …}
    error_fields: dict[str, str] = field(default_factory=dict)
    conflict: Conflict | None = None
    applied_version: int | None = None

    def wire(self) -> dict[str, Any]:
        """The op as `POST /sync/push` takes it."""
        return {
            "op_id": self.op_id,
            "collection": self.collection,
            "id": self.record_id,
            "kind": self.kind,
            "base_version": self.base_version,
            "fields": self.fields,
        }


# Texts of the client's own outbox states (the registry's codes come from its answer).
_TEXTS: dict[str, tuple[str, str]] = {
    "outbox.blocked": (
        "Gaida saistītu izmaiņu, ko reģistrs noraidīja vai kas tika atmesta.",
        "Waits for a linked change that the registry rejected or that was discarded.",
    ),
    "outbox.bad_request": (
        "Reģistrs nepieņēma šo izmaiņu (kods {status}).",
        "The registry did not accept this change (code {status}).",
    ),
}


def bilingual(code: str, **params: Any) -> dict[str, str]:
    pair = _TEXTS.get(code)
    if pair is None:
        return {lang: messages.text(code, lang, **params) for lang in ("lv", "en")}
    out = {}
    for lang, template in (("lv", pair[0]), ("en", pair[1])):
        try:
            out[lang] = template.format(**params)
        except (KeyError, IndexError, ValueError):
            out[lang] = template
    return out


# --------------------------------------------------------------------------- helpers


def now() -> datetime:
    return datetime.now(UTC)


def iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def dumps(value: Any) -> str:
    """Compact UTF-8 JSON (as json.dumps with ensure_ascii=False), by orjson."""
    return orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode()


def plain(value: Mapping[str, Any]) -> dict[str, Any]:
    """Fields as they travel (dates as ISO text, UUIDs as text)."""
    out: dict[str, Any] = orjson.loads(dumps(dict(value)))
    return out


def retry_busy(fn: Callable[[], T], attempts: int = 20) -> T:
    """Run a write transaction again when another connection held the write lock.

    The sqlcipher driver waits 5 s for a lock, but a deferred transaction that read
    before another connection committed fails at once (SQLITE_BUSY_SNAPSHOT); the
    transaction was rolled back, so running it again from the start is safe.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except sa.exc.OperationalError as exc:
            text = str(exc.orig).lower()
            if "locked" not in text and "busy" not in text or attempt == attempts - 1:
                raise
            time.sleep(0.01 * (attempt + 1))
    raise AssertionError("unreachable")


_COLUMNS = (
    "op_id, position, officer, collection, record_id, kind, base_version, fields, "
    "created_at, depends_on, state, attempts, last_error_code, last_error, error_fields, "
    "conflict, applied_version"
)


def _op(row: Sequence[Any]) -> OutboxOp:
    conflict = None
    if row[15]:
        c = orjson.loads(row[15])
        conflict = Conflict(
            fields=tuple(c["fields"]),
            base=c["base"],
            mine=c["mine"],
            registry=c["registry"],
            registry_version=int(c["registry_version"]),
            legal_fields=tuple(c["legal_fields"]),
        )
    return OutboxOp(
        op_id=str(row[0]),
        position=int(row[1]),
        officer=str(row[2]),
        collection=str(row[3]),
        record_id=str(row[4]),
        kind=str(row[5]),
        base_version=None if row[6] is None else int(row[6]),
        fields=orjson.loads(row[7]),
        created_at=datetime.fromisoformat(row[8]),
        depends_on=tuple(orjson.loads(row[9])),
        state=OpState(row[10]),
        attempts=int(row[11]),
        last_error_code=row[12],
        last_error=orjson.loads(row[13]) if row[13] else None,
        error_fields=orjson.loads(row[14] or "{}"),
        conflict=conflict,
        applied_version=None if row[16] is None else int(row[16]),
    )


def conflict_json(c: Conflict) -> str:
    return dumps(
        {
            "fields": list(c.fields),
            "base": c.base,
            "mine": c.mine,
            "registry": c.registry,
            "registry_version": c.registry_version,
            "legal_fields": list(c.legal_fields),
        }
    )


# --------------------------------------------------------------------------- reading


def list_ops(conn: Connection, officer: str, *, include_applied: bool = False) -> list[OutboxOp]:
    where = "" if include_applied else f" AND state IN {_UNSETTLED_SQL}"
    rows = conn.exec_driver_sql(
        f"SELECT {_COLUMNS} FROM outbox WHERE officer = ?{where} ORDER BY position", (officer,)
    )
    return [_op(r) for r in rows]


def op_base(conn: Connection, op_id: str) -> dict[str, Any]:
    row = conn.exec_driver_sql("SELECT base FROM outbox WHERE op_id = ?", (op_id,)).first()
    return dict(orjson.loads(row[0])) if row else {}


def get_op(conn: Connection, op_id: str) -> OutboxOp | None:
    row = conn.exec_driver_sql(f"SELECT {_COLUMNS} FROM outbox WHERE op_id = ?", (op_id,)).first()
    return _op(row) if row else None


def ops_for_record(
    conn: Connection, collection: str, record_id: str, officer: str | None = None
) -> list[OutboxOp]:
    """Unsettled ops on one record, in order (of every officer unless one is named)."""
    sql = (
        f"SELECT {_COLUMNS} FROM outbox WHERE record_id = ? AND collection = ? "
        f"AND state IN {_UNSETTLED_SQL}"
    )
    params: tuple[Any, ...] = (record_id, collection)
    if officer is not None:
        sql += " AND officer = ?"
        params += (officer,)
    return [_op(r) for r in conn.exec_driver_sql(sql + " ORDER BY position", params)]


def counts(conn: Connection, officer: str) -> dict[OpState, int]:
    out = dict.fromkeys(OpState, 0)
    for state, n in conn.exec_driver_sql(
        "SELECT state, count(*) FROM outbox WHERE officer = ? GROUP BY state", (officer,)
    ):
        out[OpState(state)] = int(n)
    return out


def record_state(conn: Connection, collection: str, record_id: str) -> str:
    states = {
        str(r[0])
        for r in conn.exec_driver_sql(
            f"SELECT DISTINCT state FROM outbox WHERE record_id = ? AND collection = ? "
            f"AND state IN {_UNSETTLED_SQL}",
            (record_id, collection),
        )
    }
    if OpState.CONFLICT in states:
        return "conflict"
    if OpState.REJECTED in states or OpState.BLOCKED in states:
        return "rejected"
    if states:
        return "pending"
    return "synced"


def shadow(conn: Connection, collection: str, record_id: str) -> tuple[int, dict[str, Any]] | None:
    row = conn.exec_driver_sql(
        "SELECT version, data FROM record_shadow WHERE id = ? AND collection = ?",
        (record_id, collection),
    ).first()
    return (int(row[0]), orjson.loads(row[1])) if row else None


def local_record(conn: Connection, collection: str, record_id: str) -> dict[str, Any] | None:
    row = conn.exec_driver_sql(
        "SELECT data FROM records WHERE id = ? AND collection = ?", (record_id, collection)
    ).first()
    return dict(orjson.loads(row[0])) if row else None


def latest_unsettled(conn: Connection, officer: str, collection: str, record_id: str) -> str | None:
    row = conn.exec_driver_sql(
        f"SELECT op_id FROM outbox WHERE record_id = ? AND collection = ? AND officer = ? "
        f"AND state IN {_UNSETTLED_SQL} ORDER BY position DESC LIMIT 1",
        (record_id, collection, officer),
    ).first()
    return str(row[0]) if row else None


# --------------------------------------------------------------------------- writing


def insert_op(
    conn: Connection,
    *,
    op_id: str,
    officer: str,
    collection: str,
    record_id: str,
    kind: str,
    base_version: int | None,
    fields: Mapping[str, Any],
    depends_on: Iterable[str],
    created_at: datetime | None = None,
    base: Mapping[str, Any] | None = None,
) -> None:
    """`base`: the registry's values of the changed fields when the op was made (what
    a conflict view shows as "base")."""
    conn.exec_driver_sql(
        "INSERT INTO outbox (op_id, officer, collection, record_id, kind, base_version, fields, "
        "created_at, depends_on, base, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
        (
            op_id,
            officer,
            collection,
            record_id,
            kind,
            base_version,
            dumps(dict(fields)),
            iso(created_at or now()),
            dumps(list(depends_on)),
            dumps(dict(base or {})),
        ),
    )


def ensure_shadow(conn: Connection, collection: str, record_id: str) -> None:
    """Before the first local op on a cached record, keep the registry's copy of it."""
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO record_shadow (collection, id, version, data) "
        "SELECT collection, id, version, data FROM records "
        "WHERE id = ? AND collection = ? AND version > 0",
        (record_id, collection),
    )


def set_shadow(
    conn: Connection, collection: str, record_id: str, version: int, data: Mapping[str, Any]
) -> None:
    """The registry's copy moves forward only (a late duplicate answer is older)."""
    conn.exec_driver_sql(
        "INSERT INTO record_shadow (collection, id, version, data) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (id, collection) DO UPDATE SET version = excluded.version, "
        "data = excluded.data WHERE excluded.version >= record_shadow.version",
        (collection, record_id, version, dumps(dict(data))),
    )


def recompute_view(conn: Connection, collection: str, record_id: str) -> dict[str, Any] | None:
    """Write the officer's view of a record: the registry's copy with the unsettled ops'
    fields over it; drop the copy once no op is unsettled. Returns the view."""
    if collection in WRITE_ONLY:
        return None
    ops = ops_for_record(conn, collection, record_id)
    base = shadow(conn, collection, record_id)
    if base is None:
        row = conn.exec_driver_sql(
            "SELECT version, data FROM records WHERE id = ? AND collection = ?",
            (record_id, collection),
        ).first()
        if row is not None and int(row[0]) > 0 and not ops:
            return dict(orjson.loads(row[1]))  # a plain cached record: nothing to lay over
    version, view = (base[0], dict(base[1])) if base else (0, {})
    for op in ops:
        if op.kind in ("create", "update"):
            view.update(op.fields)
        elif op.kind == "delete":
            view["deleted"] = True
    if not ops:
        conn.exec_driver_sql(
            "DELETE FROM record_shadow WHERE id = ? AND collection = ?", (record_id, collection)
        )
    if not ops and base is None:
        _drop_record(conn, collection, record_id)  # created here, then discarded
        return None
    view["id"] = record_id
    view["version"] = version
    view.setdefault("deleted", False)
    _put_record(conn, collection, record_id, version, view)
    return view


def recompute_views(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """`recompute_view` of many records at once (one batch's answers): the same views,
    read and written with a few statements per 500 records instead of five per record;
    the search index is rebuilt only for records whose indexed content changed."""
    todo = [k for k in dict.fromkeys(keys) if k[0] not in WRITE_ONLY]
    for start in range(0, len(todo), 500):
        _recompute_chunk(conn, todo[start : start + 500])


def _recompute_chunk(conn: Connection, keys: list[tuple[str, str]]) -> None:
    wanted = set(keys)
    ids = tuple(sorted({rid for _, rid in keys}))
    marks = ",".join("?" for _ in ids)
    ops: dict[tuple[str, str], list[OutboxOp]] = {}
    for row in conn.exec_driver_sql(
        f"SELECT {_COLUMNS} FROM outbox WHERE record_id IN ({marks}) "
        f"AND state IN {_UNSETTLED_SQL} ORDER BY position",
        ids,
    ):
        key = (str(row[3]), str(row[4]))
        if key in wanted:
            ops.setdefault(key, []).append(_op(row))
    shadows = {
        (str(r[0]), str(r[1])): (int(r[2]), orjson.loads(r[3]))
        for r in conn.exec_driver_sql(
            f"SELECT collection, id, version, data FROM record_shadow WHERE id IN ({marks})", ids
        )
    }
    existing = {
        (str(r[0]), str(r[1])): (int(r[2]), int(r[3]), str(r[4]))
        for r in conn.exec_driver_sql(
            f"SELECT collection, id, rid, version, data FROM records WHERE id IN ({marks})", ids
        )
    }
    settled: list[tuple[str, str]] = []
    puts: list[tuple[str, str, int, dict[str, Any]]] = []
    for key in keys:
        collection, record_id = key
        mine = ops.get(key, [])
        base = shadows.get(key)
        old = existing.get(key)
        if base is None and old is not None and old[1] > 0 and not mine:
            continue  # a plain cached record: nothing to lay over
        version, view = (base[0], dict(base[1])) if base else (0, {})
        for op in mine:
            if op.kind in ("create", "update"):
                view.update(op.fields)
            elif op.kind == "delete":
                view["deleted"] = True
        if not mine:
            settled.append((record_id, collection))
            if base is None:
                _drop_record(conn, collection, record_id)  # created here, then discarded
                continue
        view["id"] = record_id
        view["version"] = version
        view.setdefault("deleted", False)
        puts.append((collection, record_id, version, view))
    if settled:
        conn.exec_driver_sql("DELETE FROM record_shadow WHERE id = ? AND collection = ?", settled)
    _put_records(conn, puts, existing)


def _put_records(
    conn: Connection,
    puts: list[tuple[str, str, int, dict[str, Any]]],
    existing: Mapping[tuple[str, str], tuple[int, int, str]],
) -> None:
    """Write views in bulk; `existing`: (collection, id) → (rid, version, data) as read."""
    stamp = iso(now())
    updates: list[tuple[Any, ...]] = []
    persons: list[tuple[int, Mapping[str, Any], bool]] = []
    documents: list[Mapping[str, Any]] = []
    for collection, record_id, version, data in puts:
        old = existing.get((collection, record_id))
        if old is None:
            _put_record(conn, collection, record_id, version, data)
            continue
        updates.append(
            (
                version,
                1 if data.get("deleted") else 0,
                _opt(data.get("person_id")) if collection != "persons" else None,
                _opt(data.get("case_id")),
                dumps(data),
                stamp,
                old[0],
            )
        )
        keys = _INDEXED.get(collection, ())
        if keys:
            before = orjson.loads(old[2])
            if any((before.get(k) or None) != (data.get(k) or None) for k in keys):
                if collection == "persons":
                    persons.append((old[0], data, True))
                else:
                    documents.append(data)
    if updates:
        conn.exec_driver_sql(
            "UPDATE records SET version = ?, deleted = ?, person_id = ?, case_id = ?, data = ?, "
            "fetched_at = ? WHERE rid = ?",
            updates,
        )
    index_persons(conn, persons)
    index_documents(conn, documents)


def _put_record(
    conn: Connection, collection: str, record_id: str, version: int, data: dict[str, Any]
) -> None:
    values = (
        version,
        1 if data.get("deleted") else 0,
        _opt(data.get("person_id")) if collection != "persons" else None,
        _opt(data.get("case_id")),
        dumps(data),
        iso(now()),
    )
    row = conn.exec_driver_sql(
        "SELECT rid FROM records WHERE id = ? AND collection = ?", (record_id, collection)
    ).first()
    if row is None:
        rid = int(
            conn.exec_driver_sql(
                "INSERT INTO records (collection, id, version, deleted, person_id, case_id, "
                "data, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING rid",
                (collection, record_id, *values),
            ).scalar_one()
        )
        existed = False
    else:
        rid = int(row[0])
        existed = True
        conn.exec_driver_sql(
            "UPDATE records SET version = ?, deleted = ?, person_id = ?, case_id = ?, data = ?, "
            "fetched_at = ? WHERE rid = ?",
            (*values, rid),
        )
    if collection == "persons":
        index_persons(conn, [(rid, data, existed)])
    elif collection == "documents":
        index_documents(conn, [data])


# What the local search index is built from (sync.store_search): if the registry's answer
# differs from the view in none of these, the index is current.
_INDEXED: dict[str, tuple[str, ...]] = {
    "persons": (
        "given_names_latin", "surname_latin", "patronymic", "given_names_native",
        "surname_native", "name_reproduction_lv", "names_at_birth", "previous_surnames",
        "other_identities", "date_of_birth", "personal_code", "foreign_id_number",
        "foreign_id_country", "nationalities", "sex", "deleted", "merged_into",
    ),
    "documents": ("series_and_number", "person_id", "doc_type", "issuing_state", "deleted"),
}  # fmt: skip


def settle_applied(conn: Connection, done: Sequence[tuple[OutboxOp, int, dict[str, Any]]]) -> None:
    """Applied ops whose records have no other unsettled op: mark them applied, and make
    each record's view the registry's answer, in a few statements for the whole batch.
    The search index is rebuilt only where the registry's content differs from the view
    (say it normalised a name)."""
    stamp = iso(now())
    conn.exec_driver_sql(
        "UPDATE outbox SET state = 'applied', applied_version = ?, answered_at = ?, "
        "last_error_code = NULL, last_error = NULL, error_fields = '{}', conflict = NULL "
        "WHERE op_id = ?",
        [(version, stamp, op.op_id) for op, version, _ in done],
    )
    rows = [(op, v, r) for op, v, r in done if op.collection not in WRITE_ONLY]
    if not rows:
        return
    conn.exec_driver_sql(
        "DELETE FROM record_shadow WHERE id = ? AND collection = ?",
        [(op.record_id, op.collection) for op, _, _ in rows],
    )
    ids = tuple(sorted({op.record_id for op, _, _ in rows}))
    marks = ",".join("?" for _ in ids)
    existing = {
        (str(r[0]), str(r[1])): (int(r[2]), int(r[3]), orjson.loads(r[4]))
        for r in conn.exec_driver_sql(
            f"SELECT collection, id, rid, version, data FROM records WHERE id IN ({marks})", ids
        )
    }
    updates = []
    for op, version, record in rows:
        old = existing.get((op.collection, op.record_id))
        data = {**record, "id": op.record_id, "version": version}
        data["deleted"] = bool(record.get("deleted"))
        if old is None or old[1] > version:
            if old is None:
                _put_record(conn, op.collection, op.record_id, version, data)
            continue  # a pull already brought a newer version: keep it
        updates.append(
            (
                version,
                1 if data["deleted"] else 0,
                _opt(data.get("person_id")) if op.collection != "persons" else None,
                _opt(data.get("case_id")),
                dumps(data),
                stamp,
                old[0],
            )
        )
        keys = _INDEXED.get(op.collection, ())
        if any((old[2].get(k) or None) != (data.get(k) or None) for k in keys):
            if op.collection == "persons":
                index_persons(conn, [(old[0], data, True)])
            elif op.collection == "documents":
                index_documents(conn, [data])
    if updates:
        conn.exec_driver_sql(
            "UPDATE records SET version = ?, deleted = ?, person_id = ?, case_id = ?, data = ?, "
            "fetched_at = ? WHERE rid = ?",
            updates,
        )


def _drop_record(conn: Connection, collection: str, record_id: str) -> None:
    row = conn.exec_driver_sql(
        "SELECT rid, data FROM records WHERE id = ? AND collection = ?", (record_id, collection)
    ).first()
    if row is None:
        return
    data = {**orjson.loads(row[1]), "deleted": True}
    if collection == "persons":
        index_persons(conn, [(int(row[0]), data, True)])
    elif collection == "documents":
        index_documents(conn, [data])
    conn.exec_driver_sql("DELETE FROM records WHERE rid = ?", (int(row[0]),))


def _opt(value: Any) -> str | None:
    return str(value) if value else None


def audit(conn: Connection, officer: str, action: str, op_id: str, detail: Any) -> None:
    conn.exec_driver_sql(
        "INSERT INTO sync_audit (at, officer, action, op_id, detail) VALUES (?, ?, ?, ?, ?)",
        (iso(now()), officer, action, op_id, dumps(detail)),
    )


def retire(conn: Connection, op: OutboxOp, outcome: str) -> None:
    """Move an op out of the outbox (discarded, or superseded by a resolution)."""
    conn.exec_driver_sql(
        "INSERT OR REPLACE INTO outbox_done (op_id, officer, outcome, kind, op, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (op.op_id, op.officer, outcome, op.kind, dumps(op.wire()), iso(now())),
    )
    conn.exec_driver_sql("DELETE FROM outbox WHERE op_id = ?", (op.op_id,))


def legal_fields(collection: str, names: Iterable[str]) -> tuple[str, ...]:
    spec = COLLECTIONS.get(collection)
    if spec is None:
        return ()
    legal = spec.model.legal_fields()
    return tuple(n for n in names if n in legal)
