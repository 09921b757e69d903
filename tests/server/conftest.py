"""Server fixtures: the API on a real PostgreSQL (started by .ci/run) and on SQLite.

Each test gets a fresh database cloned from a template that is migrated, seeded with the
reference lists and given one account per role once per session, so tests stay fast and
independent.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from registry_server.app import create_app
from registry_server.config import Settings
from registry_server.db import make_engine, migrate
from registry_server.reference_store import seed_reference
from registry_server.routes.auth import create_user

PG_URL = os.environ.get("REGISTRY_TEST_POSTGRES_URL")
PASSWORD = "Parole-123-drosa"

# username: (institution, unit, roles)
ACCOUNTS: dict[str, tuple[str, str, list[str]]] = {
    "vrs.officer": ("VRS", "VRS-RIP", ["vrs_officer"]),
    "vrs.official": ("VRS", "VRS-RIP", ["vrs_decision_official"]),
    "vrs.removal": ("VRS", "VRS-RIP", ["vrs_removal_officer"]),
    "pmlp.officer": ("PMLP", "PMLP-PSKN", ["pmlp_officer"]),
    "pmlp.official": ("PMLP", "PMLP-PSKN", ["pmlp_decision_official"]),
    "pmlp.banadmin": ("PMLP", "PMLP-PSKN", ["ban_list_admin"]),
    "analyst": ("PMLP", "PMLP-PSKN", ["statistics_analyst"]),
    "consumer": ("VRS", "VRS-GP", ["read_only"]),
    "admin": ("PMLP", "PMLP-PSKN", ["administrator"]),
    "trainer": ("VRS", "VRS-KOL", ["trainer"]),
}


def _prepare(url: str) -> None:
    migrate(url)
    engine = make_engine(url)
    seed_reference(engine)
    with engine.begin() as conn:
        for name, (inst, unit, roles) in ACCOUNTS.items():
            create_user(
                conn, username=name, password=PASSWORD, full_name=name.replace(".", " ").title(),
                institution=inst, unit=unit, roles=roles,
            )  # fmt: skip
    engine.dispose()


def _pg_admin() -> psycopg.Connection[Any]:
    assert PG_URL
    return psycopg.connect(PG_URL.replace("postgresql+psycopg", "postgresql"), autocommit=True)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("tpl") / "template.db"
    _prepare(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("REGISTRY_TEST_POSTGRES_URL is not set: .ci/run must start PostgreSQL")
        pytest.skip("no PostgreSQL (set REGISTRY_TEST_POSTGRES_URL or run .ci/run)")
    name = f"tpl_{uuid.uuid4().hex[:10]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    _prepare(PG_URL.rsplit("/", 1)[0] + f"/{name}")
    yield name
    with _pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["postgres", "sqlite"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path / "registry.db"
        shutil.copy(template, path)
        yield f"sqlite:///{path}"
        return
    template_name: str = request.getfixturevalue("pg_template")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with _pg_admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template_name}"')
    assert PG_URL
    yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    with _pg_admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@dataclass
class Api:
    """A logged-in test client for one account."""

    client: TestClient
    token: str
    user: dict[str, Any]

    def headers(self, **extra: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}", "Accept-Language": "lv", **extra}

    def get(self, path: str, **extra: str) -> Any:
        return self.client.get(f"/api/v1{path}", headers=self.headers(**extra))

    def post(self, path: str, body: Any, **extra: str) -> Any:
        return self.client.post(f"/api/v1{path}", json=body, headers=self.headers(**extra))

    def push(
        self, *ops: dict[str, Any], device: str = "test-device", lang: str = "lv"
    ) -> list[dict[str, Any]]:
        r = self.client.post(
            "/api/v1/sync/push",
            json={"device_id": device, "ops": list(ops)},
            headers=self.headers(**{"Accept-Language": lang}),
        )
        assert r.status_code == 200, r.text
        results: list[dict[str, Any]] = r.json()["results"]
        return results


@dataclass
class Registry:
    client: TestClient
    url: str

    def login(self, username: str, password: str = PASSWORD) -> Api:
        r = self.client.post(
            "/api/v1/auth/login", json={"username": username, "password": password}
        )
        assert r.status_code == 200, r.text
        body = r.json()
        return Api(self.client, body["access_token"], body["user"])


def _registry(url: str, training: bool) -> Iterator[Registry]:
    app = create_app(Settings(database_url=url, training=training))
    with TestClient(app) as client:
        yield Registry(client, url)


@pytest.fixture
def registry(database_url: str) -> Iterator[Registry]:
    yield from _registry(database_url, training=False)


@pytest.fixture
def training_registry(database_url: str) -> Iterator[Registry]:
    yield from _registry(database_url, training=True)
