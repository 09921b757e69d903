"""The audit log: every read of personal data and every write (DESIGN.md §3)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.engine import Connection

from registry_server.push import Actor
from registry_server.tables import audit_log


def record_reads(
    conn: Connection,
    actor: Actor,
    collection: str,
    record_ids: Iterable[str],
    *,
    action: str = "read",
    detail: dict[str, Any] | None = None,
) -> None:
    now = datetime.now(UTC)
    rows = [
        {
            "at": now,
            "username": actor.username,
            "action": action,
            "collection": collection,
            "record_id": rid,
            "fields": None,
            "device_id": actor.device_id,
            "purpose": actor.purpose,
            "client": actor.client,
            "detail": detail,
        }
        for rid in record_ids
    ]
    if rows:
        conn.execute(audit_log.insert(), rows)


def record_event(
    conn: Connection,
    username: str,
    action: str,
    *,
    actor: Actor | None = None,
    client: str | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        audit_log.insert().values(
            at=datetime.now(UTC),
            username=username,
            action=action,
            device_id=actor.device_id if actor else None,
            purpose=actor.purpose if actor else None,
            client=client or (actor.client if actor else None),
            detail=detail,
        )
    )
