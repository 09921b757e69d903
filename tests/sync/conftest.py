"""Fixtures of the data-layer tests: a real registry on loopback, keyrings, folders.

The registry is the real service (`registry_server.app.create_app`) under uvicorn in a
thread, on SQLite, with real HTTP between it and `sync.api.ApiClient`: no mocks. It is
seeded once per session with fictitious persons through `POST /sync/push`.

No test touches the user's real folders (REGISTRY_DESKTOP_DATA_DIR points into tmp_path)
or keyring (an in-memory backend, or none at all).
"""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import keyring
import keyring.backend
import keyring.errors
import pytest
import uvicorn
from keyring.backends import fail

from registry_core.identifiers.mrz import build_td3
from registry_core.identifiers.personal_code import legacy_check_digit
from registry_server.app import create_app
from registry_server.config import Settings
from registry_server.db import make_engine, migrate
from registry_server.reference_store import seed_reference
from registry_server.routes.auth import create_user
from sync import paths
from sync.api import ApiClient

PASSWORD = "Parole-123-drosa"
OFFICER = "vrs.officer"
DEVICE = "test-workstation-1"


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this process only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "userdata"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(folder))
    return folder


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test starts with an empty in-memory keyring (never the user's)."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(memory_keyring: MemoryKeyring) -> Iterator[None]:
    """A workstation without any keyring backend (headless Linux, locked-down profile)."""
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(memory_keyring)


# --------------------------------------------------------------------------- registry


def personal_code(day: int, month: int, year: int, serial: int) -> str:
    century = {18: "0", 19: "1", 20: "2"}[year // 100]
    first_ten = f"{day:02d}{month:02d}{year % 100:02d}{century}{serial:03d}"
    return f"{first_ten[:6]}-{first_ten[6:]}{legacy_check_digit(first_ten)}"


def new_id() -> str:
    return str(uuid.uuid4())


def op(collection: str, record_id: str, **fields: Any) -> dict[str, Any]:
    return {
        "op_id": new_id(),
        "collection": collection,
        "id": record_id,
        "kind": "create",
        "base_version": None,
        "fields": fields,
    }


@dataclass
class Seeded:
    """Ids and keys of the fictitious persons in the session registry."""

    persons: dict[str, str] = field(default_factory=dict)  # label → id
    documents: dict[str, str] = field(default_factory=dict)  # label → number
    cases: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    mrz: str = ""


@dataclass
class Registry:
    base_url: str
    database_url: str
    seeded: Seeded

    def client(self, language: str = "lv") -> ApiClient:
        return ApiClient(self.base_url, device_id=DEVICE, language=language, timeout=10)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class ServerThread:
    def __init__(self, app: Any) -> None:
        self.port = free_port()
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on"
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name="registry", daemon=True)

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("registry did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


PERSONS: dict[str, dict[str, Any]] = {
    "juliia": {
        "given_names_latin": "IULIIA",
        "surname_latin": "SHCHEGLOVA",
        "given_names_native": "Юлия",
        "surname_native": "Щеглова",
        "name_reproduction_lv": "Jūlija Ščeglova",
        "sex": "F",
        "nationalities": [{"country": "RUS", "type": "citizen"}],
        "date_of_birth": "1991-03-14",
        "country_of_birth": "RUS",
    },
    "sergei": {
        "given_names_latin": "SERGEI",
        "surname_latin": "IVANOV",
        "given_names_native": "Сергей",
        "surname_native": "Иванов",
        "name_reproduction_lv": "Sergejs Ivanovs",
        "sex": "M",
        "nationalities": [{"country": "BLR", "type": "citizen"}],
        "date_of_birth": "1985-07",
        "personal_code": personal_code(15, 7, 1985, 101),
    },
    "dmitrii": {
        "given_names_latin": "DMITRII",
        "surname_latin": "KOVALEVSKII",
        "given_names_native": "Дмитрий",
        "surname_native": "Ковалевский",
        "sex": "M",
        "nationalities": [{"country": "UKR", "type": "citizen"}],
        "date_of_birth": "1978",
    },
    "amina": {
        "given_names_latin": "AMINA",
        "surname_latin": "OSMANOVA",
        "sex": "F",
        "nationalities": [{"country": "UZB", "type": "citizen"}],
        "date_of_birth": "2001-11-30",
        "foreign_id_number": "UZ-4471-0093",
        "foreign_id_country": "UZB",
    },
}


def _seed(base_url: str) -> Seeded:
    seeded = Seeded()
    api = ApiClient(base_url, device_id="seeder")
    api.login(OFFICER, PASSWORD)
    ops: list[dict[str, Any]] = []
    for label, fields in PERSONS.items():
        pid = new_id()
        seeded.persons[label] = pid
        ops.append(op("persons", pid, **fields))
        if fields.get("personal_code"):
            seeded.codes[label] = fields["personal_code"]
    numbers = {"juliia": "752012345", "sergei": "MP3380071", "dmitrii": "FE1122334"}
    for label, number in numbers.items():
        seeded.documents[label] = number
        ops.append(
            op(
                "documents",
                new_id(),
                person_id=seeded.persons[label],
                doc_type="P",
                series_and_number=number,
                issuing_state=PERSONS[label]["nationalities"][0]["country"],
                valid_until="2031-01-01",
            )
        )
    case_id = new_id()
    seeded.cases["juliia"] = case_id
    ops.append(
        op(
            "cases",
            case_id,
            person_id=seeded.persons["juliia"],
            owner_institution="VRS",
            owner_unit="VRS-RIP",
            case_type="return",
            detection_date="2026-11-20",
            detection_place="Rīga, Centrālā stacija",
            detecting_unit="VRS-RIP",
            illegal_stay_grounds=[],
            legal_basis=[{"act": "Imigrācijas likums", "section": "41"}],
            responsible_officer=OFFICER,
        )
    )
    results = api.push("seeder", ops)
    bad = [r for r in results if r.get("status") != "applied"]
    assert not bad, bad
    line1, line2 = build_td3(
        surname="SHCHEGLOVA",
        given_names="IULIIA",
        document_number="752012345",
        issuing_state="RUS",
        nationality="RUS",
        birth_date=date(1991, 3, 14),
        sex="F",
        expiry_date=date(2031, 1, 1),
    )
    seeded.mrz = f"{line1}\n{line2}"
    api.close()
    return seeded


ACCOUNTS = {
    OFFICER: ("VRS", "VRS-RIP", ["vrs_officer"]),
    "vrs.throttled": ("VRS", "VRS-RIP", ["vrs_officer"]),
    "vrs.expiring": ("VRS", "VRS-RIP", ["vrs_officer"]),
    "vrs.disabled": ("VRS", "VRS-RIP", ["vrs_officer"]),
}


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    folder = tmp_path_factory.mktemp("registry")
    url = f"sqlite:///{folder / 'registry.db'}"
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
    server = ServerThread(create_app(Settings(database_url=url)))
    server.start()
    base_url = f"http://127.0.0.1:{server.port}/api/v1"
    try:
        yield Registry(base_url, url, _seed(base_url))
    finally:
        server.stop()


@pytest.fixture
def api(registry: Registry) -> Iterator[ApiClient]:
    client = registry.client()
    client.login(OFFICER, PASSWORD)
    yield client
    client.close()
