"""`registry-desktop`: start the client.

    registry-desktop --training   the embedded training registry, logged in as trainer
    registry-desktop --smoke      offscreen self-check: start, search, open a person, exit

The full officer client (login, local store, search, person card, outbox) builds on
this entry point; until then the window shows the training registry it is connected to.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import traceback
from collections.abc import Sequence
from pathlib import Path

import requests

from registry_desktop.paths import data_dir

BANNER = "MĀCĪBU VIDE — dati nav īsti / TRAINING — data is not real"


def _session(
    base_url: str, username: str, password: str
) -> tuple[requests.Session, dict[str, object]]:
    session = requests.Session()
    session.headers["Accept-Language"] = "lv"
    r = session.post(
        f"{base_url}/auth/login", json={"username": username, "password": password}, timeout=10
    )
    r.raise_for_status()
    body = r.json()
    session.headers["Authorization"] = f"Bearer {body['access_token']}"
    return session, body["user"]


def run_smoke() -> int:
    """Start offscreen on a throw-away embedded registry, search, open a person, exit."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from registry_desktop.training_server import EmbeddedServer

    with tempfile.TemporaryDirectory(prefix="registry-smoke-") as tmp:
        server = EmbeddedServer(Path(tmp), demo_persons=40)
        try:
            login = server.start()
            session, user = _session(login.base_url, login.username, login.password)
            hits = session.get(f"{login.base_url}/persons/search", params={"q": "A"}, timeout=10)
            hits.raise_for_status()
            results = hits.json()["results"]
            if not results:
                raise RuntimeError("search found no demo person")
            card = session.get(f"{login.base_url}/persons/{results[0]['id']}/dossier", timeout=10)
            card.raise_for_status()
            app, window = _window(login.base_url, str(user["full_name"]), len(results))
            window.show()
            app.processEvents()
            window.close()
        finally:
            server.stop()
    print("smoke: ok")
    return 0


def _window(base_url: str, officer: str, persons: int) -> tuple[object, object]:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QVBoxLayout, QWidget

    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Izraidīto ārzemnieku un ieceļošanas aizliegumu reģistrs")
    body = QWidget()
    layout = QVBoxLayout(body)
    banner = QLabel(BANNER)
    banner.setObjectName("trainingBanner")
    banner.setStyleSheet("background:#f28c28;color:black;font-weight:bold;padding:6px;")
    layout.addWidget(banner)
    layout.addWidget(QLabel(f"Reģistrs / Registry: {base_url}"))
    layout.addWidget(QLabel(f"Lietotājs / Officer: {officer}"))
    layout.addWidget(QLabel(f"Demonstrācijas personas atrastas / Demo persons found: {persons}"))
    window.setCentralWidget(body)
    window.resize(800, 300)
    return app, window


def run_training() -> int:
    from registry_desktop.training_server import EmbeddedServer

    server = EmbeddedServer(data_dir() / "training")
    print("Sagatavo mācību reģistru… / Preparing the training registry…", file=sys.stderr)
    login = server.start()
    try:
        session, user = _session(login.base_url, login.username, login.password)
        hits = session.get(
            f"{login.base_url}/persons/search", params={"q": "A"}, timeout=10
        ).json()["results"]
        app, window = _window(login.base_url, str(user["full_name"]), len(hits))
        window.show()  # type: ignore[attr-defined]
        return int(app.exec())  # type: ignore[attr-defined]
    finally:
        server.stop()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="registry-desktop")
    parser.add_argument(
        "--training", action="store_true", help="start on the embedded training registry"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="offscreen self-check, exit 0 on success"
    )
    args = parser.parse_args(argv)
    try:
        if args.smoke:
            return run_smoke()
        return run_training()
    except Exception as exc:  # the reason, never a bare traceback, for the officer
        print(f"Kļūda / Error: {exc}", file=sys.stderr)
        if os.environ.get("REGISTRY_DEBUG"):
            traceback.print_exc()
        return 1


if __name__ == "__main__":
    sys.exit(main())
