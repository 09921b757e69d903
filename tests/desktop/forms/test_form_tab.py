"""A form in its tab: the problem list that jumps to each field, Ctrl+S, Esc that asks
before discarding typed data, F1 and the help panel, read-only tabs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListWidget, QMessageBox

from registry_desktop.formdefs import load_form
from registry_desktop.formkit.form_tab import FormTab
from tests.desktop.conftest import type_text

PERSON_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c11"
POPUP_NOISE = r"This plugin does not support (raise|grabbing the keyboard)"


@pytest.fixture(autouse=True)
def popup_noise(request: pytest.FixtureRequest) -> None:
    """The offscreen platform cannot raise or grab the type-ahead popup (its noise)."""
    capture = getattr(request.node, "qt_log_capture", None)
    if capture is not None:
        capture._ignore_regexes = [*capture._ignore_regexes, POPUP_NOISE]


_TABS: list[FormTab] = []


@pytest.fixture(autouse=True)
def keep_tabs() -> Iterator[None]:
    yield
    _TABS.clear()


def open_tab(qtbot: Any, name: str = "sis_alert", **kwargs: Any) -> FormTab:
    kwargs.setdefault("context", {"person_id": PERSON_ID})
    tab = FormTab(load_form(name), None, **kwargs)
    qtbot.addWidget(tab)
    _TABS.append(tab)  # qtbot holds widgets weakly
    tab.resize(1200, 800)
    with qtbot.waitActive(tab):
        tab.show()
        tab.activateWindow()
    return tab


def test_tab_identity(qtbot: Any) -> None:
    tab = open_tab(qtbot)
    assert tab.objectName() == "formTab_sis_alert"
    assert tab.key == f"form:sis_alert:{tab.form_widget.record_id}"
    assert tab.title() == "Jauns: SIS brīdinājums"
    assert isinstance(tab.problems, QListWidget) and tab.problems.objectName() == "problems"
    assert not tab.problems.isVisible()
    assert tab.help_panel.objectName() == "helpPanel" and not tab.help_panel.isVisible()


def test_problem_list_jumps_to_each_field(qtbot: Any) -> None:
    tab = open_tab(qtbot)
    form = tab.form_widget
    type_text(form.editor("entered_at"), "31.02.2026")
    form.editor("notes").setFocus()
    QTest.keyClick(form.editor("notes"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert tab.problems.isVisible()
    rows = [tab.problems.item(i).text() for i in range(tab.problems.count())]
    assert rows[0] == "✖ Brīdinājuma veids: Obligāts lauks."
    assert "✖ Ievadīts: Šāda datuma nav." in rows
    assert QApplication.focusWidget() is form.editor("alert_type")  # the first problem
    index = rows.index("✖ Ievadīts: Šāda datuma nav.")
    tab.problems.setFocus()
    tab.problems.setCurrentRow(index)
    QTest.keyClick(tab.problems, Qt.Key.Key_Return)  # activate
    assert QApplication.focusWidget() is form.editor("entered_at")
    assert form.raw_text("entered_at") == "31.02.2026"


def test_escape_asks_before_discarding(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = open_tab(qtbot)
    asked: list[Any] = []

    def answer(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    national = tab.form_widget.editor("national_alert_id")
    national.setFocus()
    type_text(national, "LV-SIS-1")
    closed: list[bool] = []
    tab.closed.connect(lambda: closed.append(True))
    QTest.keyClick(national, Qt.Key.Key_Escape)
    assert len(asked) == 1 and closed == []
    assert asked[0][4] == QMessageBox.StandardButton.No  # the default is No
    assert tab.form_widget.raw_text("national_alert_id") == "LV-SIS-1"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    QTest.keyClick(national, Qt.Key.Key_Escape)
    assert closed == [True]


def test_escape_on_an_untouched_form_closes_at_once(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = open_tab(qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("asked"))
    with qtbot.waitSignal(tab.closed):
        QTest.keyClick(tab.form_widget.editor("national_alert_id"), Qt.Key.Key_Escape)


def test_f1_shows_and_hides_the_fields_help(qtbot: Any) -> None:
    tab = open_tab(qtbot)
    entered = tab.form_widget.editor("entered_at")
    entered.setFocus()
    QTest.keyClick(entered, Qt.Key.Key_F1)
    assert tab.help_panel.isVisible()
    shown = tab.help_panel.plain_text() if hasattr(tab.help_panel, "plain_text") else ""
    shown = shown or tab.help_panel.toPlainText()
    assert "Datums, kad brīdinājums ievadīts SIS." in shown
    QTest.keyClick(entered, Qt.Key.Key_F1)
    assert not tab.help_panel.isVisible()


def test_readonly_tab(qtbot: Any) -> None:
    record = {
        "id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c13",
        "version": 1,
        "person_id": PERSON_ID,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
    }
    tab = open_tab(qtbot, record=record, readonly=True)
    assert tab.title() == "SIS brīdinājums"
    assert not tab.save_button.isVisible()
    assert tab.cancel_button.text() == "Aizvērt (Esc)"
    assert tab.save() is False
