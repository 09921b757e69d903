"""Desktop test fixtures: isolated folders and keyring, a real embedded registry over
HTTP, the real application controller and widgets.

Every test gets its own data folder (REGISTRY_DESKTOP_DATA_DIR → tmp_path) and an
in-memory keyring, so no test touches the user's real folders or keyring.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

# Noise of Qt's offscreen platform plugin, not of this application.
QT_NOISE = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",
)

OFFICER = "j.ozola"
OFFICER_PASSWORD = "Mācības-2026!"  # fictitious
DEMO_PERSONS = 60


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            # pytest-qt reads only the first qt_log_ignore mark: one mark, every pattern.
            item.add_marker(pytest.mark.qt_log_ignore(*QT_NOISE))


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict for the length of one test."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.entries[(service, username)]
        except KeyError:
            raise keyring.errors.PasswordDeleteError(username) from None


@pytest.fixture(autouse=True)
def desktop_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "desktop-data"
    folder.mkdir()
    monkeypatch.setenv("REGISTRY_DESKTOP_DATA_DIR", str(folder))
    monkeypatch.setenv("REGISTRY_DESKTOP_SETTINGS", str(folder / "settings.json"))
    return folder


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session", autouse=True)
def translations_built() -> None:
    """The install builds the .qm files; build them here too when they are missing."""
    from registry_desktop import i18n

    if any(i18n.qm_path(lang) is None for lang in i18n.LANGUAGES):
        i18n.build()


@dataclass
class Registry:
    server: Any
    base_url: str
    trainer: str
    trainer_password: str
    officer: str = OFFICER
    officer_password: str = OFFICER_PASSWORD


@pytest.fixture(scope="session")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """The real registry service, embedded, over HTTP on 127.0.0.1, with demo persons and
    a VRS officer account."""
    from registry_desktop.training_server import EmbeddedServer
    from registry_server.db import make_engine
    from registry_server.routes.auth import create_user

    folder = tmp_path_factory.mktemp("registry")
    server = EmbeddedServer(folder, demo_persons=DEMO_PERSONS)
    login = server.start()
    engine = make_engine(server.url)
    try:
        with engine.begin() as conn:
            create_user(
                conn, username=OFFICER, password=OFFICER_PASSWORD, full_name="Jana Ozola",
                institution="VRS", unit="VRS-RIP", roles=["vrs_officer"],
            )  # fmt: skip
            create_user(
                conn, username=SCENARIO_AUTHOR, password=OFFICER_PASSWORD, full_name="Demo VRS",
                institution="VRS", unit="VRS-RIP", roles=["vrs_officer"],
            )  # fmt: skip
    finally:
        engine.dispose()
    _push_scenario_persons(login.base_url)
    yield Registry(server, login.base_url, login.username, login.password)
    server.stop()


SCENARIO_AUTHOR = "demo.vrs"

# The persons the desktop tests look for, entered through the registry's API beside the
# generated demo data, so that the tests do not depend on what the generator draws.
# (given Latin, surname Latin, given native, surname native, Latvian form, sex, country,
# date of birth, personal code, passport number)
SCENARIO_PERSONS = [
    ("NAJIB", "HAIDARI", "نجیب", "حیدری", None, "M", "AFG", "1992-11-03", None, "P08888888"),
    ("ANNA", "KUZNETSOVA", "Анна", "Кузнецова", "Anna Kuzņecova", "F", "RUS", "1985-04-02", "325547-19401", None),
    ("OLEG", "LISENKO", "Олег", "Лисенко", "Oļegs Ļisenko", "M", "UKR", "1979-08-21", None, "FA1234567"),
    ("ERION", "CELA", None, "Çela", None, "M", "ALB", "1996-02-10", None, "BC7654321"),
    ("DMITRII", "TSAREV", "Дмитрий", "Царёв", "Dmitrijs Carevs", "M", "RUS", "1988", None, None),
]  # fmt: skip


def _push_scenario_persons(base_url: str) -> None:
    import uuid

    import requests

    login = requests.post(
        f"{base_url}/auth/login",
        json={"username": SCENARIO_AUTHOR, "password": OFFICER_PASSWORD},
        timeout=30,
    )
    login.raise_for_status()
    headers = {"Authorization": f"Bearer {login.json()['access_token']}"}
    ops: list[dict[str, Any]] = []

    def add(collection: str, fields: dict[str, Any]) -> str:
        rid = str(uuid.uuid4())
        ops.append(
            {
                "op_id": str(uuid.uuid4()),
                "collection": collection,
                "id": rid,
                "kind": "create",
                "fields": fields,
            }
        )
        return rid

    for (
        given,
        surname,
        given_n,
        surname_n,
        lv,
        sex,
        country,
        dob,
        code,
        passport,
    ) in SCENARIO_PERSONS:
        person = {
            "given_names_latin": given, "surname_latin": surname, "given_names_native": given_n,
            "surname_native": surname_n, "name_reproduction_lv": lv, "sex": sex,
            "nationalities": [{"country": country, "type": "citizen"}], "date_of_birth": dob,
            "personal_code": code,
        }  # fmt: skip
        pid = add("persons", {k: v for k, v in person.items() if v is not None})
        if passport:
            add(
                "documents",
                {
                    "person_id": pid,
                    "doc_type": "P",
                    "series_and_number": passport,
                    "issuing_state": country,
                },
            )
        if surname == "HAIDARI":
            add(
                "cases",
                {
                    "person_id": pid, "owner_institution": "VRS", "owner_unit": "VRS-RIP",
                    "detection_date": "2026-10-02", "detection_place": "Lidosta “Rīga”",
                    "detecting_unit": "VRS-RIP", "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
                    "responsible_officer": SCENARIO_AUTHOR,
                },
            )  # fmt: skip
    answer = requests.post(
        f"{base_url}/sync/push",
        json={"device_id": "desktop-tests", "ops": ops},
        headers=headers,
        timeout=60,
    )
    answer.raise_for_status()
    statuses = [r["status"] for r in answer.json()["results"]]
    assert statuses == ["applied"] * len(ops), answer.json()


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Latvian letters and Cyrillic included, as key events.

    (QTest.keyClicks aborts on non-ASCII text on this platform.)"""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char)
            QCoreApplication.sendEvent(widget, event)


def wait_idle(qtbot: Any, desktop: Any, timeout: int = 30_000) -> None:
    qtbot.waitUntil(lambda: desktop.tasks.idle, timeout=timeout)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def link_down(qtbot: Any, desktop: Any) -> Iterator[None]:
    """The registry becomes unreachable, as when a border post loses its link: the client
    (shared by the session and the sync engine) points at a closed port until the block
    ends. The app finds out by itself: its next sync cycle fails and reports offline."""
    session = desktop.session
    api = session.api
    address = api.base_url
    api.base_url = f"http://127.0.0.1:{_closed_port()}"
    try:
        session.sync.sync_now()
        qtbot.waitUntil(lambda: not session.online, timeout=20_000)
        wait_idle(qtbot, desktop)
        yield
    finally:
        api.base_url = address
        session.sync.sync_now()
        qtbot.waitUntil(lambda: session.online, timeout=20_000)
        wait_idle(qtbot, desktop)


def shutdown(desktop: Any) -> None:
    desktop.window.close()
    desktop.shutdown()
    desktop.translations.uninstall()
    app = QApplication.instance()
    deadline = time.monotonic() + 2
    while time.monotonic() < deadline and app is not None:
        app.processEvents()
        if desktop.tasks.idle:
            break
    desktop.setParent(None)
    desktop.deleteLater()


@pytest.fixture
def make_desktop(qapp: QApplication, qtbot: Any, desktop_data_dir: Path) -> Iterator[Any]:
    """Build DesktopApp instances (closed and shut down after the test)."""
    from registry_desktop.app import DesktopApp
    from registry_desktop.config import Profile, Settings

    made: list[Any] = []

    def make(
        profiles: list[tuple[str, str]] | None = None,
        *,
        training: bool = False,
        idle_lock_minutes: float = 30.0,
        language: str = "lv",
        **kwargs: Any,
    ) -> Any:
        settings = Settings(
            profiles=[Profile(name, url) for name, url in (profiles or [])],
            language=language,
            idle_lock_minutes=idle_lock_minutes,
            device_id="desktop-test",
            path=desktop_data_dir / "settings.json",
        )
        desktop = DesktopApp(qapp, training=training, settings=settings, **kwargs)
        qtbot.addWidget(desktop.window)
        made.append(desktop)
        return desktop

    yield make
    for desktop in made:
        if desktop.login_dialog is not None:
            desktop.login_dialog.close()
        shutdown(desktop)


def login(qtbot: Any, desktop: Any, username: str, password: str, *, profile: str = "") -> Any:
    """Show the login dialog, type the credentials (as key events), click Log in."""
    from PySide6.QtTest import QTest

    desktop.window.show()
    dialog = desktop.show_login()
    if profile:
        dialog.profile_box.setCurrentIndex(dialog.profile_box.findData(profile))
    dialog.username.clear()
    type_text(dialog.username, username)
    dialog.password.clear()
    type_text(dialog.password, password)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    return dialog


@pytest.fixture
def officer_desktop(qtbot: Any, make_desktop: Any, registry: Registry) -> Any:
    """An officer logged in online; the working set pulled into the local cache."""
    desktop = make_desktop([("riga", registry.base_url)])
    login(qtbot, desktop, registry.officer, registry.officer_password)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    qtbot.waitUntil(lambda: not desktop.session.refreshing, timeout=60_000)
    wait_idle(qtbot, desktop)
    return desktop
