"""The forms wired into the main window and the person card, on the real desktop and the
real embedded registry: New person (with the duplicate check), the card's section
buttons, the outbox's "Go to field", Ctrl+W on form tabs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from shiboken6 import isValid

from registry_desktop.formkit.form_tab import FormTab
from registry_desktop.formkit.renderer import FormWidget
from tests.desktop.conftest import Registry, type_text, wait_idle
from tests.desktop.test_case_commands import Api, new_person, open_case

OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support")


@pytest.fixture
def desktop(officer_desktop: Any) -> Iterator[Any]:
    # No unsynced-ops question may block the window's closing after the test
    # (pytest-qt closes the window before the fixtures end).
    officer_desktop.window.confirm_unsynced = lambda logout: True
    yield officer_desktop


@pytest.fixture
def focused(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """The fields the forms were asked to focus (the offscreen platform has no focus)."""
    calls: list[tuple[str, str]] = []
    original = FormWidget.focus_field

    def spy(self: FormWidget, key: str) -> None:
        calls.append((self.form.name, key))
        original(self, key)

    monkeypatch.setattr(FormWidget, "focus_field", spy)
    return calls


def open_card(qtbot: Any, desktop: Any, person_id: str) -> Any:
    card = desktop.window.open_person(person_id, None)
    qtbot.waitUntil(lambda: card.state == "registry", timeout=20_000)
    return card


def haidari(desktop: Any) -> dict[str, Any]:
    api = desktop.session.api
    person = next(p for p in api.search("HAIDARI") if p["surname_latin"] == "HAIDARI")
    return dict(api.dossier(person["id"]))


def current(desktop: Any) -> Any:
    return desktop.window.tabs.currentWidget()


def gone(desktop: Any, tab: Any) -> bool:
    return not isValid(tab) or desktop.window.tabs.indexOf(tab) < 0


@OFFSCREEN_NOISE
def test_new_person_form_opens_and_saves_after_the_duplicate_check(
    qtbot: Any, desktop: Any, registry: Registry
) -> None:
    window = desktop.window
    window.act_new_person.trigger()
    tab = current(desktop)
    assert isinstance(tab, FormTab) and tab.objectName() == "formTab_person"
    assert tab.form_widget.is_new and tab.key.startswith("form:person:")
    assert window.tabs.tabText(window.tabs.currentIndex()) == tab.title()
    assert hasattr(tab, "duplicate_guard")  # the duplicate check runs before the save
    window.act_new_person.trigger()
    assert len(window.record_tabs()) == 1  # one new-person form, not two
    form = tab.form_widget
    type_text(form.editor("surname_latin"), "ZVAIGZNĪTE")
    type_text(form.editor("given_names_latin"), "ILZE")
    type_text(form.editor("sex").lineEdit(), "F")
    type_text(form.editor("date_of_birth"), "1977")
    table = form.editor("nationalities")
    QTest.mouseClick(table.add_button, Qt.MouseButton.LeftButton)
    type_text(table.rows[0].editors["country"].lineEdit(), "MDA")
    assert table.value()[0]["type"] == "citizen"  # the row's default
    assert form.is_dirty()
    tab.save_shortcut.activated.emit()  # Ctrl+S
    guard = tab.duplicate_guard
    qtbot.waitUntil(lambda: gone(desktop, tab) or guard.dialog is not None, timeout=20_000)
    if not gone(desktop, tab):  # a look-alike in the demo data: "new person"
        QTest.mouseClick(guard.dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: gone(desktop, tab), timeout=20_000)
    # The new person's card opens; the registry has the person after the sync.
    card = current(desktop)
    assert hasattr(card, "dossier")
    person_id = card.person_id
    api = Api(registry.base_url, registry.officer, registry.officer_password)

    def arrived() -> bool:
        try:
            return api.get("persons", person_id)["surname_latin"] == "ZVAIGZNĪTE"
        except Exception:
            return False

    qtbot.waitUntil(arrived, timeout=30_000)
    wait_idle(qtbot, desktop)


def test_person_card_buttons_open_the_forms(
    qtbot: Any, desktop: Any, focused: list[tuple[str, str]]
) -> None:
    dossier = haidari(desktop)
    person = dossier["person"]
    card = open_card(qtbot, desktop, person["id"])
    window = desktop.window

    def click(name: str) -> Any:
        assert current(desktop) is card
        buttons = [b for b in card.findChildren(QPushButton, name) if b.isVisible()]
        assert buttons, name
        QTest.keyClick(buttons[0], Qt.Key.Key_Space)  # by keyboard (it may be scrolled away)
        return current(desktop)

    # Edit person: the person's form with the record.
    tab = click("editPerson")
    assert tab.objectName() == "formTab_person" and not tab.form_widget.is_new
    assert tab.form_widget.values()["surname_latin"] == "HAIDARI"
    window.act_close_tab.trigger()
    # New document / new address: the person is the form's context.
    tab = click("new_documents")
    assert tab.objectName() == "formTab_document" and tab.form_widget.is_new
    assert tab.form_widget.context == {"person_id": person["id"]}
    window.act_close_tab.trigger()
    tab = click("new_addresses")
    assert tab.objectName() == "formTab_address"
    assert tab.form_widget.context.get("person_id") == person["id"]
    window.act_close_tab.trigger()
    # Open case: a new case with the person and the officer's institution and unit.
    tab = click("new_cases")
    assert tab.objectName() == "formTab_case" and tab.form_widget.is_new
    values = tab.form_widget.values()
    assert values["person_id"] == person["id"]
    assert values["owner_institution"] == "VRS" and values["owner_unit"] == "VRS-RIP"
    assert values["detecting_unit"] == "VRS-RIP" and values["detection_date"]
    window.act_close_tab.trigger()
    # A VRS officer may not enter entry bans: no button.
    assert not card.findChildren(QPushButton, "new_entry-bans")
    # An existing document opens its form, editable.
    tab = click("editRecord_documents")
    assert tab.objectName() == "formTab_document" and not tab.form_widget.readonly
    assert tab.form_widget.values()["series_and_number"] == "P08888888"
    window.act_close_tab.trigger()
    # The case opens its case view.
    view = click("openCase")
    assert view.objectName() == "caseView"
    assert view.case_id == dossier["related"]["cases"][0]["id"]
    assert window.record_tabs() == [card, view]
    wait_idle(qtbot, desktop)


@OFFSCREEN_NOISE
def test_saving_a_new_document_refreshes_the_card(
    qtbot: Any, desktop: Any, registry: Registry
) -> None:
    api = Api(registry.base_url, registry.officer, registry.officer_password)
    person = new_person(api, "DOKUMENTETAIS")
    card = open_card(qtbot, desktop, person["id"])
    assert card.sections["documents"].toggle.text() == "Dokumenti (0)"
    QTest.mouseClick(card.findChild(QPushButton, "new_documents"), Qt.MouseButton.LeftButton)
    tab = current(desktop)
    form = tab.form_widget
    type_text(form.editor("doc_type").lineEdit(), "P")
    type_text(form.editor("series_and_number"), "UZ1234567")
    type_text(form.editor("issuing_state").lineEdit(), "UZB")
    tab.save_shortcut.activated.emit()
    qtbot.waitUntil(lambda: gone(desktop, tab), timeout=10_000)
    assert current(desktop) is card
    qtbot.waitUntil(
        lambda: card.sections["documents"].toggle.text() == "Dokumenti (1)", timeout=30_000
    )
    wait_idle(qtbot, desktop)


def test_go_to_record_opens_the_form_at_the_field(
    qtbot: Any, desktop: Any, registry: Registry, focused: list[tuple[str, str]]
) -> None:
    dossier = haidari(desktop)
    window = desktop.window
    document = dossier["related"]["documents"][0]
    window.go_to_record("documents", document["id"], "series_and_number")
    qtbot.waitUntil(
        lambda: getattr(current(desktop), "key", "") == f"form:document:{document['id']}",
        timeout=10_000,
    )
    assert focused[-1] == ("document", "series_and_number")
    assert current(desktop).form_widget.values()["series_and_number"] == "P08888888"
    # The person record at a field of the person form.
    window.go_to_record("persons", dossier["person"]["id"], "date_of_birth")
    qtbot.waitUntil(
        lambda: getattr(current(desktop), "key", "") == f"form:person:{dossier['person']['id']}",
        timeout=10_000,
    )
    assert focused[-1] == ("person", "date_of_birth")
    # A case action's parameter is not a field of the case form: the case view opens.
    case = dossier["related"]["cases"][0]
    window.go_to_record("cases", case["id"], "detained_at")
    qtbot.waitUntil(lambda: getattr(current(desktop), "key", "") == f"case:{case['id']}",
                    timeout=10_000)  # fmt: skip
    # A field of the case form opens the case form there.
    window.go_to_record("cases", case["id"], "detection_place")
    qtbot.waitUntil(
        lambda: getattr(current(desktop), "key", "") == f"form:case:{case['id']}", timeout=10_000
    )
    assert focused[-1] == ("case", "detection_place")
    # The outbox's signal is connected to it.
    outbox = window.view("outbox")
    outbox.go_to_field.emit("documents", document["id"], "issuing_state")
    qtbot.waitUntil(lambda: focused[-1] == ("document", "issuing_state"), timeout=10_000)
    wait_idle(qtbot, desktop)


def test_ctrl_w_closes_form_tabs_and_asks_when_typed(
    qtbot: Any, desktop: Any, registry: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    api = Api(registry.base_url, registry.officer, registry.officer_password)
    case = open_case(api, new_person(api, "AIZVERAMAIS"))
    window = desktop.window
    window.go_to_record("cases", case["id"], "detection_place")
    qtbot.waitUntil(lambda: isinstance(current(desktop), FormTab), timeout=10_000)
    tab = current(desktop)
    assert window.act_close_tab.shortcut().toString() == "Ctrl+W"
    window.act_close_tab.trigger()  # nothing typed: closes at once
    assert gone(desktop, tab)
    window.go_to_record("cases", case["id"], "detection_place")
    qtbot.waitUntil(lambda: isinstance(current(desktop), FormTab), timeout=10_000)
    tab = current(desktop)
    type_text(tab.form_widget.editor("detection_place"), " 2")
    asked: list[bool] = []
    monkeypatch.setattr(FormTab, "confirm_discard", lambda self: asked.append(True) or False)
    window.act_close_tab.trigger()
    assert asked == [True] and not gone(desktop, tab)  # "No": the typed data stays
    assert tab.form_widget.raw_text("detection_place").endswith(" 2")
    monkeypatch.setattr(FormTab, "confirm_discard", lambda self: True)
    window.act_close_tab.trigger()
    assert gone(desktop, tab)
    # F1 belongs to the form's help while a form tab is current.
    window.go_to_record("cases", case["id"], "detection_place")
    qtbot.waitUntil(lambda: isinstance(current(desktop), FormTab), timeout=10_000)
    assert window.act_help.shortcut().isEmpty()
    window.show_page("search")
    assert window.act_help.shortcut().toString() == "F1"
    wait_idle(qtbot, desktop)
