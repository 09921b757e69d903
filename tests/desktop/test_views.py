"""The person card, switching language, auto-lock, My work, the main window's keys,
and training mode with its reset — on the real registry and the real widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from tests.desktop.conftest import Registry, link_down, type_text, wait_idle


def _open_first(qtbot: Any, desktop: Any, query: str) -> Any:
    view = desktop.window.search_view
    desktop.window.focus_search()
    view.box.clear()
    type_text(view.box, query)
    view.search_now()
    qtbot.waitUntil(lambda: view.remote_done and view.model.rowCount() > 0, timeout=20_000)
    hit = view.model.hit(0)
    card = desktop.window.open_person(hit.person["id"], hit.person)
    qtbot.waitUntil(lambda: card.state == "registry" and card.history is not None, timeout=20_000)
    return card


def _texts(widget: Any) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel)]


def test_person_card_shows_sections_values_and_history(qtbot: Any, officer_desktop: Any) -> None:
    card = _open_first(qtbot, officer_desktop, "P08888888")
    assert card.name.text() == "NAJIB HAIDARI"
    assert card.native.text() == "نجیب حیدری"
    assert "03.11.1992" in card.dob.text()
    assert "Afganistāna" in card.nationality.text()  # code shown with its Latvian label
    assert card.photo.text() == "Foto"
    for key in ("identity", "other_identities", "documents", "addresses", "cases", "decisions",
                "entry-bans", "detentions", "appeals", "departures", "sis-alerts", "history"):  # fmt: skip
        assert key in card.sections
    assert card.sections["identity"].toggle.text() == "Identitāte"
    assert card.sections["documents"].toggle.text() == "Dokumenti (1)"
    texts = _texts(card)
    assert "P08888888" in texts
    assert "Dokumenta veids:" in texts
    cases = card.sections["cases"]
    titles = [w.text() for w in cases.findChildren(QLabel) if w.objectName() == "recordTitle_cases"]
    assert titles and all("-" in t for t in titles)  # case number · status label
    from registry_core.lifecycle import STATUS_LABELS

    assert any(lv in t for t in titles for lv, _en in STATUS_LABELS.values())
    history = [w.text() for w in card.findChildren(QLabel) if w.objectName() == "historyEntry"]
    assert history and "Versija 1" in history[0] and "demo.vrs" in history[0]
    assert "Mainīts:" in history[0]
    # Sections fold with their toggle.
    QTest.mouseClick(card.sections["documents"].toggle, Qt.MouseButton.LeftButton)
    assert not card.sections["documents"].body.isVisible()
    # Ctrl+P hands the record to printing.
    with qtbot.waitSignal(officer_desktop.window.print_requested, timeout=2000) as printed:
        officer_desktop.window.act_print.trigger()
    assert officer_desktop.window.act_print.shortcut().toString() == "Ctrl+P"
    assert printed.args[0]["dossier"]["person"]["id"] == card.person_id
    # Ctrl+W closes the record tab.
    assert officer_desktop.window.act_close_tab.shortcut().toString() == "Ctrl+W"
    officer_desktop.window.act_close_tab.trigger()
    assert officer_desktop.window.record_tabs() == []
    wait_idle(qtbot, officer_desktop)


def test_person_card_offline_from_the_cache(qtbot: Any, officer_desktop: Any) -> None:
    card = _open_first(qtbot, officer_desktop, "Кузнецова")
    wait_idle(qtbot, officer_desktop)
    person_id = card.person_id
    officer_desktop.window.close_record_tabs()
    with link_down(qtbot, officer_desktop):
        again = officer_desktop.window.open_person(person_id)
        qtbot.waitUntil(lambda: again.state in ("local", "missing"), timeout=10_000)
        assert again.state == "local"
        assert again.name.text() == "ANNA KUZNETSOVA"
        assert "Lokālā kopija" in again.source.text()
        wait_idle(qtbot, officer_desktop)


def test_switching_language_retranslates_open_widgets(qtbot: Any, officer_desktop: Any) -> None:
    window = officer_desktop.window
    card = _open_first(qtbot, officer_desktop, "P08888888")
    window.show_page("search")
    assert window.rail.item(0).text() == "Meklēt"
    assert window.menu_file.title() == "&Fails"
    window.act_en.trigger()
    qtbot.waitUntil(lambda: window.rail.item(0).text() == "Search", timeout=5000)
    assert window.rail.item(1).text() == "My work"
    assert window.menu_file.title() == "&File"
    assert "Online" in window.status_connection.text()
    assert window.search_view.label.text() == "&Search:"
    assert window.search_view.model.headerData(1, Qt.Orientation.Horizontal) == "Surname"
    assert card.sections["documents"].toggle.text() == "Documents (1)"
    assert "Afghanistan" in card.nationality.text()
    assert officer_desktop.session.api.language == "en"
    window.act_lv.trigger()
    qtbot.waitUntil(lambda: window.rail.item(0).text() == "Meklēt", timeout=5000)
    assert card.sections["documents"].toggle.text() == "Dokumenti (1)"
    wait_idle(qtbot, officer_desktop)


def test_auto_lock_after_idle_and_unlock_with_the_password(
    qtbot: Any, make_desktop: Any, registry: Registry
) -> None:
    from tests.desktop.conftest import login

    desktop = make_desktop([("riga", registry.base_url)], idle_lock_minutes=0.01)  # 0.6 s
    login(qtbot, desktop, registry.officer, registry.officer_password)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    window = desktop.window
    window.new_person()  # an open tab that must survive the lock
    qtbot.waitUntil(lambda: window.locked, timeout=10_000)
    assert window.stack.currentWidget() is window.lock_page
    assert not window.menuBar().isEnabled()
    type_text(window.lock_page.password, "nepareiza")
    QTest.keyClick(window.lock_page.password, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(window.lock_page.message.text()), timeout=10_000)
    assert window.locked
    window.lock_page.password.clear()
    type_text(window.lock_page.password, registry.officer_password)
    QTest.mouseClick(window.lock_page.button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.locked, timeout=10_000)
    assert len(window.record_tabs()) == 1
    desktop.idle.stop()
    wait_idle(qtbot, desktop, 60_000)


def test_my_work_lists_the_units_deadlines(
    qtbot: Any, officer_desktop: Any, qtmodeltester: Any
) -> None:
    window = officer_desktop.window
    view = window.view("mywork")
    with qtbot.waitSignal(view.refreshed, timeout=10_000):
        window.show_page("mywork")
    model = view.model
    qtmodeltester.check(model, force_py=True)
    unit = officer_desktop.session.user["unit"]
    assert unit in view.status.text() or "Nav" in view.status.text() or "nav" in view.status.text()
    for row in range(model.rowCount()):
        assert model.index(row, 1).data()
    wait_idle(qtbot, officer_desktop)


def test_training_mode_banner_and_reset_restores_the_seeded_state(
    qtbot: Any, make_desktop: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    desktop = make_desktop(training=True, training_folder=tmp_path / "training", demo_persons=20)
    desktop.start()
    qtbot.waitUntil(lambda: desktop.session.active, timeout=120_000)
    qtbot.waitUntil(lambda: not desktop.session.refreshing, timeout=60_000)
    window = desktop.window
    assert window.banner is not None and window.banner.isVisible()
    assert "MĀCĪBU VIDE — dati nav īsti / TRAINING — data is not real" in window.banner.text()
    assert "MĀCĪBU VIDE" in window.status_server.text()
    assert window.menu_training.menuAction().isVisible()
    api = desktop.session.api
    first = api.search("1")[0] if api.search("1") else None
    persons = api.changes(0, limit=1000)["changes"]
    person = next(c for c in persons if c["collection"] == "persons")
    before = api.get("persons", person["id"])
    # A trainee changes a person.
    answers = api.push("desktop-test", [{
        "op_id": "11111111-1111-4111-8111-111111111111", "collection": "persons",
        "id": person["id"], "kind": "update", "base_version": before["version"],
        "fields": {"special_features": "Mācību izmaiņa"},
    }])  # fmt: skip
    assert answers[0]["status"] == "applied", answers
    assert api.get("persons", person["id"])["version"] == before["version"] + 1
    card = window.open_person(person["id"])
    qtbot.waitUntil(lambda: card.state == "registry", timeout=20_000)
    # Reset, confirmed.
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(desktop.training.reset_done, timeout=120_000):
        window.act_reset.trigger()
    assert window.record_tabs() == []
    after = desktop.session.api.get("persons", person["id"])
    assert after["version"] == before["version"]
    assert after.get("special_features") == before.get("special_features")
    assert first is None or first["id"]
    qtbot.waitUntil(lambda: not desktop.session.refreshing, timeout=60_000)
    wait_idle(qtbot, desktop, 60_000)


def test_rail_shortcuts_and_tabs(qtbot: Any, officer_desktop: Any) -> None:
    window = officer_desktop.window
    shortcuts = {a.objectName(): a.shortcut().toString() for a in window.actions()}
    assert shortcuts["actSearch"] == "Ctrl+F"
    assert shortcuts["actNewPerson"] == "Ctrl+N"
    assert shortcuts["actHelp"] == "F1"
    assert shortcuts["actNextTab"] == "Ctrl+Tab"
    window.act_help.trigger()
    assert window.pages.currentWidget().objectName() == "helpView"
    window.act_new_person.trigger()
    window.act_new_person.trigger()
    assert len(window.record_tabs()) == 1  # one placeholder, not two
    window.show_page("outbox")
    assert window.tabs.currentIndex() == 0
    window.next_tab()
    assert window.tabs.currentIndex() == 1
    for widget in window.findChildren(object):
        name = getattr(widget, "objectName", lambda: "x")()
        if type(widget).__name__ in ("QLineEdit", "QComboBox", "QCheckBox"):
            assert name, widget
            assert widget.accessibleName(), name
    wait_idle(qtbot, officer_desktop)
