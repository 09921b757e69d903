"""Login against the real embedded registry: right and wrong password, registry
unreachable, offline unlock, keyring missing, a foreign cache file, expired token."""

from __future__ import annotations

import socket
from typing import Any

import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.desktop.conftest import Registry, login, type_text, wait_idle


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v1"


def test_right_password_opens_the_session(
    qtbot: Any, make_desktop: Any, registry: Registry
) -> None:
    desktop = make_desktop([("riga", registry.base_url)])
    dialog = login(qtbot, desktop, registry.officer, registry.officer_password)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    assert not dialog.isVisible()
    assert desktop.session.online
    assert desktop.session.user["full_name"] == "Jana Ozola"
    window = desktop.window
    assert "Jana Ozola" in window.status_officer.text()
    assert "Tiešsaistē" in window.status_connection.text()
    assert "riga" in window.status_server.text()
    wait_idle(qtbot, desktop, 60_000)
    assert desktop.idle.running  # auto-lock armed


def test_wrong_password_says_so_and_keeps_the_dialog(
    qtbot: Any, make_desktop: Any, registry: Registry
) -> None:
    desktop = make_desktop([("riga", registry.base_url)])
    dialog = login(qtbot, desktop, registry.officer, "nepareiza-parole")
    qtbot.waitUntil(
        lambda: dialog.message.isVisible() and dialog.login_button.isEnabled(), timeout=30_000
    )
    assert "Nepareizs lietotājvārds vai parole" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert dialog.isVisible()
    assert not desktop.session.active
    assert not dialog.offline_button.isVisible()


def test_unreachable_registry_offers_offline_work_and_unlocks_offline(
    qtbot: Any, make_desktop: Any, registry: Registry
) -> None:
    # First, an online login on this workstation keeps the offline verifier.
    first = make_desktop([("riga", registry.base_url)])
    login(qtbot, first, registry.officer, registry.officer_password)
    qtbot.waitUntil(lambda: first.session.active, timeout=30_000)
    qtbot.waitUntil(lambda: not first.session.refreshing, timeout=60_000)
    wait_idle(qtbot, first, 60_000)
    first.shutdown()
    first.window.close()

    # The same profile, but the registry is now out of reach.
    desktop = make_desktop([("riga", _closed_port_url())])
    dialog = login(qtbot, desktop, registry.officer, registry.officer_password)
    qtbot.waitUntil(lambda: dialog.offline_button.isVisible(), timeout=30_000)
    assert "Reģistrs nav sasniedzams" in dialog.message.text()
    assert "Strādāt bezsaistē" in dialog.message.text()
    QTest.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    assert not desktop.session.online
    assert "Bezsaistē" in desktop.window.status_connection.text()
    assert desktop.session.user["full_name"] == "Jana Ozola"
    # The cache filled online is readable offline.
    view = desktop.window.search_view
    type_text(view.box, "Кузнецова")
    view.search_now()
    qtbot.waitUntil(lambda: view.remote_done, timeout=10_000)
    surnames = [view.model.hit(r).person["surname_latin"] for r in range(view.model.rowCount())]
    assert "KUZNETSOVA" in surnames
    assert all(view.model.hit(r).source == "local" for r in range(view.model.rowCount()))


def test_offline_unlock_without_earlier_login_explains_the_way_forward(
    qtbot: Any, make_desktop: Any
) -> None:
    desktop = make_desktop([("riga", _closed_port_url())])
    dialog = login(qtbot, desktop, "nekad.nav.bijis", "parole")
    qtbot.waitUntil(lambda: dialog.offline_button.isVisible(), timeout=30_000)
    QTest.mouseClick(dialog.offline_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "vēl nav pieteikts" in dialog.message.text(), timeout=30_000)
    assert not desktop.session.active


def test_remember_me_uses_the_keyring_and_copes_without_one(
    qtbot: Any, make_desktop: Any, registry: Registry, memory_keyring: Any
) -> None:
    desktop = make_desktop([("riga", registry.base_url)])
    desktop.window.show()
    dialog = desktop.show_login()
    qtbot.waitUntil(lambda: dialog.remember.isEnabled(), timeout=10_000)
    type_text(dialog.username, registry.officer)
    type_text(dialog.password, registry.officer_password)
    dialog.remember.setChecked(True)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    wait_idle(qtbot, desktop, 60_000)
    assert registry.officer_password in memory_keyring.entries.values()

    # No keyring at all: "remember me" is off, with the reason, and login still works.
    keyring.set_keyring(fail.Keyring())
    other = make_desktop([("riga", registry.base_url)])
    other.window.show()
    dialog2 = other.show_login()
    qtbot.waitUntil(lambda: not dialog2.remember.isEnabled(), timeout=10_000)
    assert dialog2.remember.toolTip()
    assert dialog2.password.text() == ""


def test_foreign_cache_file_offers_a_rebuild(
    qtbot: Any, make_desktop: Any, registry: Registry
) -> None:
    from sync.paths import cache_path

    path = cache_path("riga", registry.officer)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"this is not a registry cache" * 100)
    desktop = make_desktop([("riga", registry.base_url)])
    dialog = login(qtbot, desktop, registry.officer, registry.officer_password)
    qtbot.waitUntil(
        lambda: dialog.rebuild_button.isVisible() or desktop.session.active, timeout=30_000
    )
    assert dialog.rebuild_button.isVisible(), dialog.message.text()
    assert "kešatmiņ" in dialog.message.text()
    QTest.mouseClick(dialog.rebuild_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    wait_idle(qtbot, desktop, 60_000)


def test_expired_token_asks_to_log_in_again_and_keeps_the_tabs(
    qtbot: Any, officer_desktop: Any, registry: Registry
) -> None:
    desktop = officer_desktop
    window = desktop.window
    view = window.search_view
    type_text(view.box, "Кузнецова")
    view.search_now()
    qtbot.waitUntil(lambda: view.remote_done and view.model.rowCount() > 0, timeout=20_000)
    card = window.open_person(view.model.hit(0).person["id"], view.model.hit(0).person)
    qtbot.waitUntil(lambda: card.state == "registry", timeout=20_000)
    # The registry forgets the token (as when it expires).
    desktop.session.api.token = "expired-token"
    card.load()
    qtbot.waitUntil(lambda: desktop.login_dialog is not None and desktop.login_dialog.relogin
                    and desktop.login_dialog.isVisible(), timeout=20_000)  # fmt: skip
    dialog = desktop.login_dialog
    assert "beigusies" in dialog.intro.text()
    assert window.record_tabs() == [card]
    type_text(dialog.password, registry.officer_password)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=30_000)
    assert desktop.session.online
    assert window.record_tabs() == [card]
    card.load()
    qtbot.waitUntil(lambda: card.state == "registry", timeout=20_000)
    wait_idle(qtbot, desktop, 60_000)
