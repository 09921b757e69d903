"""Login with throttling, logout, and who am I."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from registry_core.records.enums import Role
from registry_server.audit import record_event
from registry_server.db import write_transaction
from registry_server.deps import ActorDep, EngineDep, SettingsDep
from registry_server.errors import ApiError
from registry_server.security import (
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from registry_server.tables import login_attempts, tokens, users

router = APIRouter(tags=["auth"])


class LoginIn(BaseModel):
    username: str = Field(min_length=1, max_length=100)
    password: str = Field(min_length=1, max_length=500)
    device_id: str | None = Field(default=None, max_length=100)


def user_public(row: Any) -> dict[str, Any]:
    return {
        "id": row.id,
        "username": row.username,
        "full_name": row.full_name,
        "institution": row.institution,
        "unit": row.unit,
        "roles": list(row.roles),
    }


@router.post("/auth/login")
def login(
    body: LoginIn, request: Request, engine: EngineDep, settings: SettingsDep
) -> dict[str, Any]:
    now = datetime.now(UTC)
    client = request.client.host if request.client else "-"
    username = body.username.strip().lower()
    window_start = now - timedelta(minutes=settings.login_window_minutes)
    with write_transaction(engine) as conn:
        failures = conn.execute(
            sa.select(sa.func.count())
            .select_from(login_attempts)
            .where(
                login_attempts.c.username == username,
                login_attempts.c.success.is_(False),
                login_attempts.c.at >= window_start,
            )
        ).scalar_one()
        if failures >= settings.login_max_failures:
            minutes = settings.login_window_minutes
            raise ApiError(
                429, "auth.throttled", headers={"Retry-After": str(minutes * 60)}, minutes=minutes
            )
        row = conn.execute(sa.select(users).where(users.c.username == username)).first()
        ok = verify_password(row.password_hash if row else None, body.password)
        conn.execute(
            login_attempts.insert().values(username=username, client=client, at=now, success=ok)
        )
        if not ok or row is None:
            record_event(conn, username, "login_failed", client=client)
    # The failed attempt is committed above before we answer, so throttling counts it.
    if not ok or row is None:
        raise ApiError(401, "auth.bad_credentials")
    if not row.active:
        raise ApiError(403, "auth.inactive")
    if Role.TRAINER in row.roles and not settings.training:
        raise ApiError(403, "auth.trainer_only_training")
    token = new_token()
    expires = now + timedelta(minutes=settings.token_ttl_minutes)
    with write_transaction(engine) as conn:
        conn.execute(
            tokens.insert().values(
                token_hash=token_digest(token), user_id=row.id, issued_at=now, expires_at=expires,
                device_id=body.device_id, revoked=False,
            )
        )  # fmt: skip
        if needs_rehash(row.password_hash):
            conn.execute(
                users.update()
                .where(users.c.id == row.id)
                .values(password_hash=hash_password(body.password))
            )
        record_event(conn, username, "login", client=client, detail={"device_id": body.device_id})
    return {
        "access_token": token,
        "token_type": "bearer",
        "expires_at": expires.isoformat(),
        "user": user_public(row),
    }


@router.post("/auth/logout")
def logout(request: Request, actor: ActorDep, engine: EngineDep) -> dict[str, Any]:
    token = request.headers.get("authorization", "").partition(" ")[2]
    with write_transaction(engine) as conn:
        conn.execute(
            tokens.update().where(tokens.c.token_hash == token_digest(token)).values(revoked=True)
        )
        record_event(conn, actor.username, "logout", actor=actor)
    return {"ok": True}


@router.get("/auth/me")
def me(actor: ActorDep) -> dict[str, Any]:
    return {
        "id": actor.user_id,
        "username": actor.username,
        "full_name": actor.full_name,
        "institution": actor.institution,
        "unit": actor.unit,
        "roles": list(actor.roles),
        "training": actor.training,
    }


def create_user(
    conn: sa.Connection,
    *,
    username: str,
    password: str,
    full_name: str,
    institution: str,
    unit: str,
    roles: list[str],
) -> str:
    user_id = str(uuid.uuid4())
    conn.execute(
        users.insert().values(
            id=user_id, username=username.strip().lower(), full_name=full_name,
            password_hash=hash_password(password), institution=institution, unit=unit,
            roles=roles, active=True, created_at=datetime.now(UTC),
        )
    )  # fmt: skip
    return user_id
