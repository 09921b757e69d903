"""The embedded registry for training and demonstrations.

The one module of the desktop that imports the server (DESIGN.md §1): it runs the real
registry service on 127.0.0.1, on a free port, over SQLite in the user's data folder,
seeded with reference lists and fictitious demo persons on first start.
"""

from __future__ import annotations

import secrets
import socket
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
import uvicorn

from registry_server.app import create_app
from registry_server.config import Settings
from registry_server.db import make_engine, migrate
from registry_server.demo import seed_demo
from registry_server.reference_store import seed_reference
from registry_server.routes.auth import create_user
from registry_server.security import hash_password
from registry_server.tables import records, users

TRAINER = "macibu.instruktors"
DEMO_PERSONS = 300


@dataclass(frozen=True)
class TrainingLogin:
    base_url: str
    username: str
    password: str


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class EmbeddedServer:
    def __init__(self, folder: Path, demo_persons: int = DEMO_PERSONS) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db_path = folder / "training-registry.db"
        self.demo_persons = demo_persons
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"sqlite:///{self.db_path}"

    def prepare(self) -> str:
        """Migrate and, on first start, seed; returns a fresh one-off trainer password.

        The trainer's password is replaced at every start and handed straight to the
        login, so no secret is ever written down.
        """
        migrate(self.url)
        engine = make_engine(self.url)
        try:
            seed_reference(engine)
            with engine.connect() as conn:
                empty = (
                    conn.execute(sa.select(sa.func.count()).select_from(records)).scalar_one() == 0
                )
            if empty:
                seed_demo(engine, persons=self.demo_persons)
            password = secrets.token_urlsafe(18)
            with engine.begin() as conn:
                row = conn.execute(sa.select(users.c.id).where(users.c.username == TRAINER)).first()
                if row is None:
                    create_user(
                        conn, username=TRAINER, password=password, full_name="Mācību instruktors",
                        institution="VRS", unit="VRS-KOL", roles=["trainer"],
                    )  # fmt: skip
                else:
                    conn.execute(
                        users.update()
                        .where(users.c.id == row.id)
                        .values(password_hash=hash_password(password))
                    )
        finally:
            engine.dispose()
        return password

    def start(self) -> TrainingLogin:
        password = self.prepare()
        port = _free_port()
        app = create_app(Settings(database_url=self.url, training=True))
        config = uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, name="training-registry", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("training registry did not start")
            time.sleep(0.05)
        return TrainingLogin(f"http://127.0.0.1:{port}/api/v1", TRAINER, password)

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None

    def reset(self) -> TrainingLogin:
        """Restore the seeded state: a new database, seeded as on first start."""
        self.stop()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db_path}{suffix}").unlink(missing_ok=True)
        return self.start()
