"""The administrator's CLI, run as a real process on PostgreSQL and SQLite."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import requests

from tests.server.conftest import PG_URL


@pytest.fixture(params=["postgres", "sqlite"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cli.db'}"
        return
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("REGISTRY_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL")
    name = f"cli_{uuid.uuid4().hex[:10]}"
    admin = PG_URL.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield PG_URL.rsplit("/", 1)[0] + f"/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cli(*args: str, database: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "registry_server.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "REGISTRY_DATABASE_URL": database},
        timeout=300,
        check=False,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_full_admin_cycle(empty_database: str) -> None:
    r = cli("migrate", database=empty_database)
    assert r.returncode == 0, r.stderr
    r = cli("seed-reference", database=empty_database)
    assert r.returncode == 0 and "items added: 0" not in r.stdout, r.stdout + r.stderr
    again = cli("seed-reference", database=empty_database)
    assert "items added: 0, changed: 0" in again.stdout
    r = cli("seed-demo", "--persons", "60", "--quiet", database=empty_database)
    assert r.returncode == 0, r.stderr
    assert "60 persons" in r.stdout
    r = cli(
        "create-user", "--username", "Ilze.Ozola", "--role", "pmlp_officer", "--institution", "PMLP",
        "--unit", "PMLP-PSKN", "--full-name", "Ilze Ozola", database=empty_database, stdin="ļoti-droša-parole\n",
    )  # fmt: skip
    assert r.returncode == 0, r.stderr
    dup = cli(
        "create-user", "--username", "ilze.ozola", "--role", "pmlp_officer", "--institution", "PMLP",
        "--unit", "PMLP-PSKN", database=empty_database, stdin="ļoti-droša-parole\n",
    )  # fmt: skip
    assert dup.returncode != 0 and "already exists" in dup.stderr and "jau ir" in dup.stderr

    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "registry_server.cli", "serve", "--port", str(port)],
        env={**os.environ, "REGISTRY_DATABASE_URL": empty_database},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(300):
            try:
                if requests.get(f"{base}/info", timeout=1).ok:
                    break
            except requests.ConnectionError:
                time.sleep(0.1)
        login = requests.post(
            f"{base}/auth/login",
            json={"username": "ilze.ozola", "password": "ļoti-droša-parole"},
            timeout=10,
        )
        assert login.status_code == 200, login.text
        headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
        feed = requests.get(
            f"{base}/changes", params={"since": 0, "limit": 5}, headers=headers, timeout=10
        ).json()
        assert len(feed["changes"]) == 5 and feed["more"] is True
        person = next(c for c in feed["changes"] if c["collection"] == "persons")["record"]
        hits = requests.get(
            f"{base}/persons/search",
            params={"q": person["surname_latin"]},
            headers=headers,
            timeout=10,
        ).json()
        assert person["id"] in [h["id"] for h in hits["results"]]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_short_password_and_missing_database_are_explained(tmp_path: Path) -> None:
    r = cli(
        "create-user", "--username", "x", "--role", "vrs_officer", "--institution", "VRS", "--unit", "VRS-RIP",
        database=f"sqlite:///{tmp_path / 'x.db'}", stdin="short\n",
    )  # fmt: skip
    assert r.returncode == 2
    assert "vismaz 10" in r.stderr and "at least 10" in r.stderr
    env = {k: v for k, v in os.environ.items() if k != "REGISTRY_DATABASE_URL"}
    r = subprocess.run(
        [sys.executable, "-m", "registry_server.cli", "migrate"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert r.returncode != 0 and "REGISTRY_DATABASE_URL" in r.stderr
