"""Reference lists with versions and delta reads."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query

from registry_server.deps import ActorDep, ConnDep
from registry_server.errors import ApiError
from registry_server.reference_store import items_since, list_versions

router = APIRouter(tags=["reference"])


@router.get("/reference")
def reference_index(conn: ConnDep, actor: ActorDep) -> dict[str, Any]:
    return {"lists": list(list_versions(conn).values())}


@router.get("/reference/{name}")
def reference_list(
    conn: ConnDep, actor: ActorDep, name: str, since: int = Query(0, ge=0)
) -> dict[str, Any]:
    versions = list_versions(conn)
    if name not in versions:
        raise ApiError(404, "reference.unknown_list")
    return {
        "name": name,
        "version": versions[name]["version"],
        "since": since,
        "items": items_since(conn, name, since),
    }
