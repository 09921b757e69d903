"""Local-first saves: the single entry point every form and action uses (issue 4, item 1).

`LocalWriter.save` writes, in one SQLite transaction, the officer's view of the record
(marked pending: `LocalStore.record_state` answers "pending") and appends the op to the
outbox. The record shows at once; the sync engine sends the op later. Use it on the
thread that owns the `LocalStore` (the desktop's DB worker).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from registry_core.records import COLLECTIONS
from sync import outbox
from sync.outbox import KINDS, WRITE_ONLY, OutboxOp
from sync.store import LocalStore


@dataclass(frozen=True)
class SaveResult:
    op_id: str  # "" when an update changed nothing (no op was queued)
    record: dict[str, Any]  # the officer's view after the save ({} for write-only collections)


class LocalWriter:
    def __init__(self, store: LocalStore, officer: str) -> None:
        self.store = store
        self.officer = officer

    def save(
        self,
        collection: str,
        record_id: str,
        fields: dict[str, Any],
        *,
        kind: str = "create",
        base_version: int | None = None,
        depends_on: Sequence[str] = (),
    ) -> SaveResult:
        """Queue a change and show it locally, atomically.

        `fields`: for create the record's content; for update only what the form changed
        (fields equal to the local view are dropped, so the registry's field-level merge
        sees only real changes); for action `{"action": name, ...params}`.
        `base_version` defaults to the registry version the local view is based on.
        `depends_on`: op ids this op must wait for beyond the automatic ones (same record,
        parent records), e.g. a case action on the act saved just before it: if the act
        is rejected, the action is held back instead of being sent alone.
        """
        if kind not in KINDS:
            raise ValueError(f"unknown op kind {kind!r}")
        if collection not in COLLECTIONS:
            raise ValueError(f"unknown collection {collection!r}")
        record_id = str(record_id)
        clean = outbox.plain(fields)

        def tx() -> SaveResult:
            with self.store.transaction() as conn:
                return self._save(
                    conn, collection, record_id, clean, kind, base_version, depends_on
                )

        return outbox.retry_busy(tx)

    def _save(
        self,
        conn: Connection,
        collection: str,
        record_id: str,
        fields: dict[str, Any],
        kind: str,
        base_version: int | None,
        extra_depends: Sequence[str] = (),
    ) -> SaveResult:
        write_only = collection in WRITE_ONLY
        if not write_only:
            outbox.ensure_shadow(conn, collection, record_id)
        view = outbox.local_record(conn, collection, record_id) or {}
        if kind == "update":
            fields = {k: v for k, v in fields.items() if view.get(k, _MISSING) != v}
            if not fields:
                return SaveResult("", view)
        known = outbox.shadow(conn, collection, record_id)
        if base_version is None and kind != "create":
            base_version = known[0] if known else None  # None: after this outbox's create
        depends: list[str] = []
        same = outbox.latest_unsettled(conn, self.officer, collection, record_id)
        if same:
            depends.append(same)
        merged = {**view, **fields}
        for field_name, parent in COLLECTIONS[collection].parents:
            value = merged.get(field_name)
            if value:
                dep = outbox.latest_unsettled(conn, self.officer, parent, str(value))
                if dep and dep not in depends:
                    depends.append(dep)
        for dep in extra_depends:
            if dep and dep not in depends:
                depends.append(dep)
        base = {k: known[1].get(k) for k in fields} if known and kind == "update" else {}
        op_id = str(uuid.uuid4())
        outbox.insert_op(
            conn,
            op_id=op_id,
            officer=self.officer,
            collection=collection,
            record_id=record_id,
            kind=kind,
            base_version=base_version,
            fields=fields,
            depends_on=depends,
            base=base,
        )
        record = outbox.recompute_view(conn, collection, record_id)
        return SaveResult(op_id, record or {})

    def pending_for(self, collection: str, record_id: str) -> list[OutboxOp]:
        """This officer's unsettled ops on one record, in order."""
        return self.store.read(
            lambda c: outbox.ops_for_record(c, collection, str(record_id), self.officer)
        )


_MISSING: Any = object()
