"""Request dependencies: the database, the calling officer, the language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated
from urllib.parse import unquote

import sqlalchemy as sa
from fastapi import Depends, Request
from sqlalchemy.engine import Connection, Engine

from registry_core import permissions
from registry_core.messages import pick_language
from registry_core.records.enums import Role
from registry_server.config import Settings
from registry_server.db import write_transaction
from registry_server.errors import ApiError
from registry_server.push import Actor
from registry_server.security import token_digest
from registry_server.tables import tokens, users


def get_engine(request: Request) -> Engine:
    engine: Engine = request.app.state.engine
    return engine


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_conn(engine: Annotated[Engine, Depends(get_engine)]) -> Iterator[Connection]:
    """A connection in one transaction: committed when the handler returns normally."""
    with write_transaction(engine) as conn:
        yield conn


def get_language(request: Request) -> str:
    return pick_language(request.headers.get("accept-language"))


def get_actor(
    request: Request,
    engine: Annotated[Engine, Depends(get_engine)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> Actor:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "auth.required", headers={"WWW-Authenticate": "Bearer"})
    now = datetime.now(UTC)
    with engine.connect() as conn:
        row = conn.execute(
            sa.select(users, tokens.c.expires_at, tokens.c.revoked, tokens.c.device_id)
            .join(tokens, tokens.c.user_id == users.c.id)
            .where(tokens.c.token_hash == token_digest(token))
        ).first()
    if row is None or row.revoked or _aware(row.expires_at) <= now or not row.active:
        raise ApiError(401, "auth.invalid_token", headers={"WWW-Authenticate": "Bearer"})
    roles = tuple(row.roles)
    if Role.TRAINER in roles and not settings.training:
        raise ApiError(403, "auth.trainer_only_training")
    # Header values are ASCII: clients percent-encode a purpose written in Latvian.
    raw_purpose = request.headers.get("x-purpose")
    purpose = unquote(raw_purpose) if raw_purpose else None
    return Actor(
        user_id=row.id,
        username=row.username,
        full_name=row.full_name,
        institution=row.institution,
        unit=row.unit,
        roles=roles,
        device_id=request.headers.get("x-device-id") or row.device_id,
        purpose=purpose.strip()[:300] if purpose else None,
        client=request.client.host if request.client else None,
        training=settings.training,
    )


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def require_reader(actor: Actor, collection: str) -> None:
    if not permissions.can_read(actor.roles, collection):
        raise ApiError(403, "perm.read")
    if permissions.needs_purpose(actor.roles) and not actor.purpose:
        raise ApiError(400, "perm.purpose_required", fields={"X-Purpose": ""})


ActorDep = Annotated[Actor, Depends(get_actor)]
ConnDep = Annotated[Connection, Depends(get_conn)]
EngineDep = Annotated[Engine, Depends(get_engine)]
LangDep = Annotated[str, Depends(get_language)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
