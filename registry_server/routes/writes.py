"""Single-record writes over plain REST, for integrations without an outbox.

Each call is one op through the same engine as `/sync/push` (same checks, same audit,
same change feed), answered with the usual HTTP status: 201/200 applied, 409 conflict,
422 invalid, 403 not allowed, 404 missing. `Idempotency-Key` (a UUID) makes a retried
call safe: the op_id is taken from it, so a resend is recognised as a duplicate.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from fastapi import APIRouter, Body, Header, Request
from fastapi.responses import JSONResponse

from registry_core.messages import text
from registry_server.db import write_transaction
from registry_server.deps import ActorDep, EngineDep, LangDep
from registry_server.errors import ApiError
from registry_server.push import OpIn, PushEngine

router = APIRouter(tags=["records"])

_STATUS_BY_ERROR = {"perm.": 403, "op.missing": 404, "op.collection": 404, "op.deleted": 410}


def _base_version(if_match: str | None) -> int | None:
    if if_match is None:
        return None
    try:
        return int(if_match.strip().strip('"').removeprefix("W/").strip('"'))
    except ValueError:
        raise ApiError(422, "request.invalid", fields={"If-Match": text("int_parsing")}) from None


def _op_id(key: str | None) -> uuid.UUID:
    if not key:
        return uuid.uuid4()
    try:
        return uuid.UUID(key)
    except ValueError:
        raise ApiError(
            422, "request.invalid", fields={"Idempotency-Key": text("uuid_parsing")}
        ) from None


def _run(request: Request, engine: Any, actor: Any, lang: str, op: OpIn) -> JSONResponse:
    push_engine: PushEngine = request.app.state.push_engine
    with write_transaction(engine) as conn:
        (answer,) = push_engine.push(conn, actor, [op], lang)
    status = answer["status"]
    if status in ("applied", "duplicate"):
        code = 201 if op.kind == "create" and status == "applied" else 200
        return JSONResponse(
            answer["record"], status_code=code, headers={"ETag": f'"{answer["version"]}"'}
        )
    if status == "conflict":
        return JSONResponse(
            {
                "error": "op.conflict",
                "message": answer["message"],
                "fields": dict.fromkeys(answer["fields"], answer["message"]),
                "record": answer["record"],
            },
            status_code=409,
            headers={"ETag": f'"{answer["version"]}"'},
        )
    error = answer["error"]
    http = next((s for prefix, s in _STATUS_BY_ERROR.items() if error.startswith(prefix)), 422)
    return JSONResponse(
        {"error": error, "message": answer["message"], "fields": answer["fields"]}, status_code=http
    )


def _write(
    request: Request,
    engine: Any,
    actor: Any,
    lang: str,
    collection: str,
    record_id: uuid.UUID,
    kind: Literal["create", "update", "delete", "action"],
    fields: dict[str, Any],
    base_version: int | None,
    idempotency_key: str | None,
) -> JSONResponse:
    op = OpIn(
        op_id=_op_id(idempotency_key), collection=collection, id=record_id, kind=kind,
        base_version=base_version, fields=fields,
    )  # fmt: skip
    device = request.headers.get("x-device-id") or "rest"
    who = actor.__class__(**{**actor.__dict__, "device_id": device})
    return _run(request, engine, who, lang, op)


@router.post("/{collection}", status_code=201)
def create_record(
    request: Request, engine: EngineDep, actor: ActorDep, lang: LangDep, collection: str,
    body: dict[str, Any] = Body(...), idempotency_key: str | None = Header(None),
) -> JSONResponse:  # fmt: skip
    fields = dict(body)
    raw_id = fields.pop("id", None)
    try:
        record_id = uuid.UUID(str(raw_id)) if raw_id else uuid.uuid4()
    except ValueError:
        raise ApiError(422, "request.invalid", fields={"id": text("uuid_parsing", lang)}) from None
    return _write(
        request, engine, actor, lang, collection, record_id, "create", fields, None, idempotency_key
    )


@router.patch("/{collection}/{record_id}")
def update_record(
    request: Request, engine: EngineDep, actor: ActorDep, lang: LangDep, collection: str, record_id: uuid.UUID,
    body: dict[str, Any] = Body(...), if_match: str | None = Header(None), idempotency_key: str | None = Header(None),
) -> JSONResponse:  # fmt: skip
    base = _base_version(if_match)
    if base is None:
        raise ApiError(428, "op.base_required", fields={"If-Match": text("op.base_required", lang)})
    return _write(
        request, engine, actor, lang, collection, record_id, "update", body, base, idempotency_key
    )


@router.delete("/{collection}/{record_id}")
def delete_record(
    request: Request, engine: EngineDep, actor: ActorDep, lang: LangDep, collection: str, record_id: uuid.UUID,
    if_match: str | None = Header(None), idempotency_key: str | None = Header(None),
) -> JSONResponse:  # fmt: skip
    base = _base_version(if_match)
    if base is None:
        raise ApiError(428, "op.base_required", fields={"If-Match": text("op.base_required", lang)})
    return _write(
        request, engine, actor, lang, collection, record_id, "delete", {}, base, idempotency_key
    )


@router.post("/{collection}/{record_id}/actions/{action}")
def run_action(
    request: Request, engine: EngineDep, actor: ActorDep, lang: LangDep, collection: str, record_id: uuid.UUID,
    action: str, body: dict[str, Any] | None = Body(None), idempotency_key: str | None = Header(None),
) -> JSONResponse:  # fmt: skip
    fields = {**(body or {}), "action": action}
    return _write(
        request, engine, actor, lang, collection, record_id, "action", fields, None, idempotency_key
    )
