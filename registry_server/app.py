"""The registry service: `create_app(settings)` builds the FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI

from registry_server import errors, matching
from registry_server.actions import ACTIONS, install_rules
from registry_server.config import Settings
from registry_server.db import make_engine
from registry_server.deps import SettingsDep
from registry_server.push import PushEngine
from registry_server.reference_store import ReferenceCache
from registry_server.routes import auth, records, reference, sync, writes

API_PREFIX = "/api/v1"
VERSION = "0.1.0"


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.engine.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs",
        description="Register of Returned Foreigners and Entry Bans — central registry API",
        version=VERSION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings.database_url)
    push_engine = PushEngine(ReferenceCache(), ACTIONS)
    install_rules(push_engine)
    app.state.push_engine = push_engine
    errors.install(app)

    info = APIRouter(tags=["info"])

    @info.get("/info")
    def server_info(settings: SettingsDep) -> dict[str, Any]:
        return {"name": "registry", "version": VERSION, "training": settings.training}

    api = APIRouter(prefix=API_PREFIX)
    for router in (
        info,
        auth.router,
        reference.router,
        sync.router,
        matching.router,
        records.router,
        writes.router,
    ):
        api.include_router(router)
    app.include_router(api)

    return app
