"""Reading records: one record with its ETag, its history, a person's dossier, search."""

from __future__ import annotations

import uuid
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response

from registry_core import permissions
from registry_core.records import COLLECTIONS
from registry_server.audit import record_reads
from registry_server.deps import ActorDep, ConnDep, require_reader
from registry_server.errors import ApiError
from registry_server.search import load_persons, search_person_ids
from registry_server.tables import record_versions, records

router = APIRouter(tags=["records"])


def _row_public(row: Any) -> dict[str, Any]:
    out = dict(row.data)
    out.update(
        id=row.id,
        version=row.version,
        deleted=row.deleted,
        created_at=row.created_at.isoformat(),
        created_by=row.created_by,
        updated_at=row.updated_at.isoformat(),
        updated_by=row.updated_by,
    )
    return out


def _check_collection(collection: str) -> None:
    if collection not in COLLECTIONS:
        raise ApiError(404, "collection.unknown")


@router.get("/persons/search")
def search_persons(
    conn: ConnDep,
    actor: ActorDep,
    q: str = Query(min_length=1, max_length=300),
    limit: int = Query(50, ge=1, le=200),
) -> dict[str, Any]:
    require_reader(actor, "persons")
    persons = load_persons(conn, search_person_ids(conn, q, limit))
    record_reads(
        conn, actor, "persons", [p["id"] for p in persons], action="search", detail={"q": q}
    )
    return {"query": q, "results": persons}


@router.get("/persons/{record_id}/dossier")
def dossier(conn: ConnDep, actor: ActorDep, record_id: uuid.UUID) -> dict[str, Any]:
    """The person and every record that belongs to them, in one answer (the person card)."""
    require_reader(actor, "persons")
    rid = str(record_id)
    person = conn.execute(
        sa.select(records).where(records.c.id == rid, records.c.collection == "persons")
    ).first()
    if person is None:
        raise ApiError(404, "not_found")
    readable = permissions.readable_collections(actor.roles)
    related: dict[str, list[dict[str, Any]]] = {
        name: [] for name in sorted(readable) if name != "persons"
    }
    case_ids = [
        r.id
        for r in conn.execute(
            sa.select(records.c.id).where(
                records.c.collection == "cases", records.c.person_id == rid
            )
        )
    ]
    cond = records.c.person_id == rid
    if case_ids:
        cond = sa.or_(cond, records.c.case_id.in_(case_ids))
    for row in conn.execute(
        sa.select(records).where(
            cond, records.c.collection != "persons", records.c.deleted.is_(False)
        )
    ):
        if row.collection in related:
            related[row.collection].append(_row_public(row))
    record_reads(conn, actor, "persons", [rid], action="read", detail={"view": "dossier"})
    if case_ids and "cases" in readable:
        record_reads(conn, actor, "cases", case_ids, action="read", detail={"view": "dossier"})
    return {"person": _row_public(person), "related": related}


@router.get("/{collection}/{record_id}")
def get_record(
    conn: ConnDep, actor: ActorDep, request: Request, collection: str, record_id: uuid.UUID
) -> Response:
    _check_collection(collection)
    require_reader(actor, collection)
    row = conn.execute(
        sa.select(records).where(records.c.id == str(record_id), records.c.collection == collection)
    ).first()
    if row is None:
        raise ApiError(404, "not_found")
    etag = f'"{row.version}"'
    if COLLECTIONS[collection].audit_reads:
        record_reads(conn, actor, collection, [row.id])
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers={"ETag": etag})
    return JSONResponse(_row_public(row), headers={"ETag": etag})


@router.get("/{collection}/{record_id}/history")
def history(
    conn: ConnDep, actor: ActorDep, collection: str, record_id: uuid.UUID
) -> dict[str, Any]:
    """Every version: who changed which fields, when, and the record as it was."""
    _check_collection(collection)
    require_reader(actor, collection)
    rows = conn.execute(
        sa.select(record_versions)
        .where(record_versions.c.id == str(record_id), record_versions.c.collection == collection)
        .order_by(record_versions.c.version)
    ).all()
    if not rows:
        raise ApiError(404, "not_found")
    if COLLECTIONS[collection].audit_reads:
        record_reads(conn, actor, collection, [str(record_id)], action="read_history")
    return {
        "id": str(record_id),
        "versions": [
            {
                "version": r.version,
                "at": r.at.isoformat(),
                "by": r.by,
                "kind": r.kind,
                "changed_fields": r.changed_fields,
                "deleted": r.deleted,
                "record": r.data,
            }
            for r in rows
        ],
    }
