"""The editors one by one: typed text kept, values JSON-ready, parse failures as
DomainError, type-ahead over the reference lists, tables by keyboard."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from registry_core.messages import DomainError
from registry_core.records import Case, Person
from registry_desktop.formdefs import load_form
from registry_desktop.formkit import widgets as w
from tests.desktop.conftest import type_text

# The offscreen platform cannot raise or grab the type-ahead popup: noise of the platform
# plugin (tests/desktop/conftest.py's own marker takes precedence over a module's marker,
# so the pattern is added to this test's capture directly).
POPUP_NOISE = r"This plugin does not support (raise|grabbing the keyboard)"


@pytest.fixture(autouse=True)
def popup_noise(request: pytest.FixtureRequest) -> None:
    capture = getattr(request.node, "qt_log_capture", None)
    if capture is not None:
        capture._ignore_regexes = [*capture._ignore_regexes, POPUP_NOISE]


@pytest.fixture
def host(qtbot: Any) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(600, 400)
    widget.show()
    return widget


def test_text_keeps_latvian_text(host: QWidget) -> None:
    editor = w.TextEditor(host)
    type_text(editor, "Jānis Bērziņš-Ozoliņa")
    assert editor.value() == "Jānis Bērziņš-Ozoliņa"
    assert editor.raw_text() == "Jānis Bērziņš-Ozoliņa"
    editor.set_value(None)
    assert editor.value() is None


@pytest.mark.parametrize(
    ("typed", "iso"),
    [("14.03.2026", "2026-03-14"), ("2026-03-14", "2026-03-14"), ("14032026", "2026-03-14")],
)
def test_date_editor_parses_typed_dates(host: QWidget, typed: str, iso: str) -> None:
    editor = w.DateEditor(host)
    type_text(editor, typed)
    assert editor.value() == iso
    assert editor.raw_text() == typed  # never rewritten


def test_bad_date_raises_and_keeps_the_text(host: QWidget) -> None:
    editor = w.DateEditor(host)
    type_text(editor, "31.02.2026")
    with pytest.raises(DomainError) as caught:
        editor.value()
    assert caught.value.code == "formkit.date_invalid"
    errors: list[tuple[str, DomainError]] = []
    assert editor.collect("entered_at", errors) == "31.02.2026"
    assert errors[0][0] == "entered_at"
    assert editor.text() == "31.02.2026"


def test_untouched_values_come_back_exactly(host: QWidget) -> None:
    when = w.DateTimeEditor(host)
    when.set_value("2026-03-14T08:30:15.250000+00:00")
    assert when.text() == "14.03.2026 10:30:15"
    assert when.value() == "2026-03-14T08:30:15.250000+00:00"
    when.clear()
    type_text(when, "14.03.2026 10:30")
    assert when.value() == "2026-03-14T10:30:00+02:00"
    amount = w.DecimalEditor(host)
    amount.set_value("1250.5")
    assert amount.text() == "1250,5" and amount.value() == "1250.5"


def test_partial_dates(host: QWidget) -> None:
    editor = w.PartialDateEditor(host)
    for typed, iso in (("1990", "1990"), ("07.1990", "1990-07"), ("14.07.1990", "1990-07-14")):
        editor.clear()
        type_text(editor, typed)
        assert editor.value() == iso
    editor.set_value("1990-07")
    assert editor.text() == "07.1990"
    editor.clear()
    type_text(editor, "32.07.1990")
    with pytest.raises(DomainError) as caught:
        editor.value()
    assert caught.value.code.startswith("partial_date.")


def test_int_and_text_list(host: QWidget) -> None:
    number = w.IntEditor(host)
    type_text(number, "trīsdesmit")
    with pytest.raises(DomainError):
        number.value()
    assert number.raw_text() == "trīsdesmit"
    names = w.TextListEditor(host)
    type_text(names, "Bērziņa; Kalniņa, Ozoliņa")
    assert names.value() == ["Bērziņa", "Kalniņa", "Ozoliņa"]
    names.set_value([])
    assert names.value() == []


def test_longtext_enter_is_a_new_line(host: QWidget) -> None:
    editor = w.LongTextEditor(host)
    type_text(editor, "Pirmā rinda")
    QTest.keyClick(editor, Qt.Key.Key_Return)
    type_text(editor, "otrā")
    assert editor.value() == "Pirmā rinda\notrā"


def test_bool_readonly(host: QWidget) -> None:
    editor = w.BoolEditor(host)
    QTest.keyClick(editor, Qt.Key.Key_Space)
    assert editor.value() is True
    editor.set_readonly(True)
    QTest.keyClick(editor, Qt.Key.Key_Space)
    assert editor.value() is True


def test_ref_matches_code_latvian_and_english_labels_without_accents(host: QWidget) -> None:
    editor = w.RefEditor("country", None, "lv", host)
    assert "UKR" in editor.matches("ukr")
    assert "UKR" in editor.matches("Ukraina")  # "Ukraina" without the accent of "Ukraina"
    assert "CHN" in editor.matches("kina")  # Ķīna
    assert "DEU" in editor.matches("Germany")  # English label
    type_text(editor, "Ukrain")
    assert editor.completer().completionCount() >= 1
    editor.commit_typed(True)
    assert editor.value() == "UKR"
    assert "UKR" in editor.currentText()


def test_ref_keeps_unknown_typed_text(host: QWidget) -> None:
    editor = w.RefEditor("country", None, "lv", host)
    type_text(editor, "Atlantīda")
    editor.commit_typed(False)
    with pytest.raises(DomainError) as caught:
        editor.value()
    assert caught.value.code == "formkit.ref_unknown"
    assert editor.currentText() == "Atlantīda"


def test_ref_exact_code_and_retired_codes(host: QWidget) -> None:
    editor = w.RefEditor("sex", None, "lv", host)
    type_text(editor, "f")
    assert editor.value() == "F"
    editor.set_value("Q")  # not in the list (an old record): shown and kept as it is
    assert editor.currentText() == "Q" and editor.value() == "Q"
    editor.set_value("M")
    assert editor.value() == "M"
    editor.retranslate("en")
    assert editor.currentText().startswith("Male") and editor.value() == "M"


def test_ref_uses_the_sessions_cached_list(host: QWidget) -> None:
    class Labels:
        def __init__(self) -> None:
            self.cached = {"unit": {"VRS-XX": ("Mācību nodaļa", "Training unit")}}

    class Session:
        code_labels = Labels()

    editor = w.RefEditor("unit", Session(), "lv", host)
    assert editor.count() == 1
    type_text(editor, "mācību")
    editor.commit_typed(False)
    assert editor.value() == "VRS-XX"
    # without a session: the list built into registry_core, not the last session's
    assert w.RefEditor("unit", None, "lv", host).count() > 1


def test_choice_from_the_models_enum(host: QWidget) -> None:
    form = load_form("detention")
    column = next(c for c in form.field("court_authorisations").columns if c.key == "type")
    from registry_core.records.case import CourtAuthorisation

    editor = w.make_editor(column, CourtAuthorisation, host)
    assert isinstance(editor, w.ChoiceEditor)
    assert editor.value() is None
    assert [editor.itemData(i) for i in range(editor.count())] == [None, "initial", "extension"]
    editor.set_value("extension")
    assert editor.value() == "extension"


def test_ref_multi_ticks_by_keyboard(host: QWidget, qtmodeltester: Any) -> None:
    editor = w.RefMultiEditor("language", None, "lv", host)
    qtmodeltester.check(editor.codes)
    assert editor.filter is not None
    type_text(editor.filter, "ukrain")
    assert len(editor.visible_rows()) == 1
    QTest.keyClick(editor.filter, Qt.Key.Key_Down)
    assert editor.list.hasFocus()
    QTest.keyClick(editor.list, Qt.Key.Key_Space)
    assert editor.value() == ["uk"]
    editor.filter.clear()
    assert len(editor.visible_rows()) > 50
    editor.set_value(["xx-old"])
    assert editor.value() == ["xx-old"]  # a code no longer in the list is kept
    editor.set_readonly(True)
    editor.toggle(0)
    assert editor.value() == ["xx-old"]


def _person_table(host: QWidget) -> Any:
    form = load_form("person")
    return w.make_editor(form.field("nationalities"), Person, host, required=True)


def test_table_rows_by_keyboard(host: QWidget) -> None:
    table = _person_table(host)
    assert isinstance(table, w.TableEditor)
    assert len(table.rows) == 1  # a required table starts with a row to type in
    country = table.cell(0, "country")
    type_text(country, "UKR")
    QTest.keyClick(country, Qt.Key.Key_Insert)
    assert len(table.rows) == 2
    second = table.cell(1, "country")
    assert second.hasFocus()
    type_text(second, "RUS")
    assert table.value() == [
        {"country": "UKR", "type": "citizen"},
        {"country": "RUS", "type": "citizen"},
    ]
    QTest.keyClick(second, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert len(table.rows) == 1
    assert table.value() == [{"country": "UKR", "type": "citizen"}]
    assert table.cell(0, "country").objectName() == "field_nationalities_0_country"
    assert table.cell(0, "country").accessibleName().endswith("1. rinda")


def test_table_keeps_sub_fields_not_on_the_form(host: QWidget) -> None:
    form = load_form("person")
    table = w.make_editor(form.field("other_identities"), Person, host)
    linked = {"surname": "KOVAL", "person_id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c11"}
    table.set_value([linked])
    assert table.value() == [linked]
    errors: list[tuple[str, DomainError]] = []
    table.cell(0, "date_of_birth").setText("1990-13")
    table.collect("other_identities", errors)
    assert errors[0][0] == "other_identities.0.date_of_birth"


def test_trailing_empty_rows_are_dropped(host: QWidget) -> None:
    form = load_form("case")
    table = w.make_editor(form.field("legal_basis"), Case, host, required=True)
    assert table.value() == []
    table.add_row()
    type_text(table.cell(1, "act"), "Imigrācijas likums")
    assert table.value() == [{}, {"act": "Imigrācijas likums"}]  # a gap is the officer's to see
    QTest.keyClick(table.cell(0, "act"), Qt.Key.Key_Delete)  # Del in an empty row removes it
    assert table.value() == [{"act": "Imigrācijas likums"}]


def test_group_editor(host: QWidget) -> None:
    from registry_core.records import Departure

    form = load_form("departure")
    group = w.make_editor(form.field("escort"), Departure, host)
    assert isinstance(group, w.GroupEditor)
    assert group.value() is None
    type_text(group.editors["count"], "2")
    type_text(group.editors["organisation"], "VRS Rīgas pārvalde")
    assert group.value() == {"count": 2, "organisation": "VRS Rīgas pārvalde"}
