"""The rendered input forms, driven by the keyboard: Enter advances, typed dates parse,
type-ahead picks by Latvian label, tables by keyboard, conditional fields, live computed
figures, messages under the right field, read-only and locked acts, output forms."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QWidget

from registry_desktop.formdefs import all_forms, load_form
from registry_desktop.formkit import computed
from registry_desktop.formkit import widgets as w
from registry_desktop.formkit.output import OutputForm
from registry_desktop.formkit.renderer import FormWidget
from tests.desktop.conftest import type_text

PERSON_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c11"
CASE_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c12"
POPUP_NOISE = r"This plugin does not support (raise|grabbing the keyboard)"


@pytest.fixture(autouse=True)
def popup_noise(request: pytest.FixtureRequest) -> None:
    """The offscreen platform cannot raise or grab the type-ahead popup (its noise)."""
    capture = getattr(request.node, "qt_log_capture", None)
    if capture is not None:
        capture._ignore_regexes = [*capture._ignore_regexes, POPUP_NOISE]


class FakeSession(QObject):
    """What the renderer reads from a session, without a store (saving: test_form_save)."""

    language_changed = Signal(str)

    def __init__(self, language: str = "lv") -> None:
        super().__init__()
        self.language = language
        self.tasks = None

    def set_language(self, lang: str) -> None:
        self.language = lang
        self.language_changed.emit(lang)


_SHOWN: list[QScrollArea] = []


@pytest.fixture(autouse=True)
def keep_shown() -> Any:
    yield
    _SHOWN.clear()


def show(qtbot: Any, form_name: str, **kwargs: Any) -> FormWidget:
    """The form in a scroll area on screen, as a FormTab shows it."""
    form = load_form(form_name)
    session = kwargs.pop("session", None)
    widget = FormWidget(form, session, **kwargs)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(widget)
    scroll.resize(1000, 800)
    qtbot.addWidget(scroll)
    _SHOWN.append(scroll)  # qtbot holds widgets weakly
    with qtbot.waitActive(scroll):
        scroll.show()
        scroll.activateWindow()
    return widget


def focused() -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def enter(widget: QWidget) -> None:
    QTest.keyClick(widget, Qt.Key.Key_Return)


def type_and_enter(form: FormWidget, key: str, typed: str) -> None:
    editor = form.editor(key)
    target = editor.focus_widgets()[0]
    target.setFocus()
    type_text(target, typed)
    enter(target)


# --------------------------------------------------------------------------- structure


def test_every_form_renders_with_names_labels_and_required_marks(qtbot: Any) -> None:
    for form in all_forms().values():
        widget = FormWidget(form)
        qtbot.addWidget(widget)
        assert widget.objectName() == f"form_{form.name}"
        for f in form.fields():
            editor = widget.editor(f.key)
            assert editor.objectName() == f"field_{f.key}"
            assert editor.accessibleName() == f.label.get("lv")
            label = widget.cells[f.key].label
            required = widget._required[f.key]
            if f.widget != "bool":
                assert label.text().endswith(" *") == required, (form.name, f.key)
            if required:
                assert "Obligāts lauks" in editor.accessibleDescription()


def test_sis_alert_by_keyboard(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    first = form.editor("alert_type")
    first.setFocus()
    type_text(first, "atgrie")  # the Latvian label: "Brīdinājums par atgriešanu …"
    enter(first)
    assert focused() == "field_national_alert_id"
    type_text(form.editor("national_alert_id"), "LV-SIS-000123")
    enter(form.editor("national_alert_id"))
    assert focused() == "field_entered_at"
    type_text(form.editor("entered_at"), "14.03.2026")
    enter(form.editor("entered_at"))
    assert focused() == "field_status"
    assert not form.is_visible_field("deleted_at")
    type_text(form.editor("status"), "dzēs")
    enter(form.editor("status"))
    assert form.is_visible_field("deleted_at")
    assert focused() == "field_deleted_at"  # the section that just appeared is next
    type_text(form.editor("deleted_at"), "02.04.2026")
    enter(form.editor("deleted_at"))
    type_text(form.editor("deletion_reason"), "Izceļošana apstiprināta")
    enter(form.editor("deletion_reason"))
    assert focused() == "field_notes"
    type_text(form.editor("notes"), "Pārbaudīts")
    QTest.keyClick(form.editor("notes"), Qt.Key.Key_Return)  # a new line in a long text
    assert focused() == "field_notes"
    assert form.values() == {
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "deleted",
        "deleted_at": "2026-04-02",
        "deletion_reason": "Izceļošana apstiprināta",
        "notes": "Pārbaudīts",
        "person_id": PERSON_ID,
    }
    assert form.validate() == []
    assert form.is_dirty()


def test_hidden_fields_values_are_not_sent(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    form.set_values({"status": "deleted", "deleted_at": "2026-04-02"})
    assert form.values()["deleted_at"] == "2026-04-02"
    form.set_values({"status": "entered"})
    assert "deleted_at" not in form.values()
    assert not form.editor("deleted_at").isVisibleTo(form)


def test_tab_order_is_reading_order(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    form.editor("alert_type").setFocus()
    seen = [focused()]
    for _ in range(3):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(focused())
    assert seen == [
        "field_alert_type",
        "field_national_alert_id",
        "field_entered_at",
        "field_status",
    ]


def test_two_columns_when_wide_one_when_narrow(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    cells = form.cells
    assert cells["national_alert_id"].place is not None and cells["national_alert_id"].place[1] == 1
    assert cells["deletion_reason"].place is None or cells["deletion_reason"].place[2] == 2
    form.parentWidget().parentWidget().resize(500, 800)  # the scroll area's viewport
    qtbot.waitUntil(lambda: form._columns == 1)
    assert cells["national_alert_id"].place is not None and cells["national_alert_id"].place[1] == 0


def test_person_by_keyboard_with_latvian_text(qtbot: Any) -> None:
    form = show(qtbot, "person")
    type_and_enter(form, "surname_latin", "BĒRZIŅŠ-OZOLIŅA")
    assert focused() == "field_given_names_latin"
    type_and_enter(form, "given_names_latin", "Jānis")
    type_and_enter(form, "previous_surnames", "Kalniņš; Ozoliņš")
    sex = form.editor("sex")
    sex.setFocus()
    type_text(sex, "vīrie")  # "Vīrietis"
    enter(sex)
    assert focused() == "field_date_of_birth"
    type_and_enter(form, "date_of_birth", "07.1990")
    table = form.editor("nationalities")
    assert table.rows == []
    table.add_button.setFocus()
    enter(table.add_button)  # a row, and the focus in its first cell
    country = table.cell(0, "country")
    assert QApplication.focusWidget() is country
    type_text(country, "ukraina")
    QTest.keyClick(country, Qt.Key.Key_Insert)  # a second nationality
    type_text(table.cell(1, "country"), "krievija")
    enter(table.cell(1, "country"))
    assert QApplication.focusWidget() is table.cell(1, "type")
    values = form.values()
    assert values["surname_latin"] == "BĒRZIŅŠ-OZOLIŅA"
    assert values["given_names_latin"] == "Jānis"
    assert values["previous_surnames"] == ["Kalniņš", "Ozoliņš"]
    assert values["sex"] == "M"
    assert values["date_of_birth"] == "1990-07"
    assert values["nationalities"] == [
        {"country": "UKR", "type": "citizen"},
        {"country": "RUS", "type": "citizen"},
    ]
    assert [p for p in form.validate() if p.is_error] == []


def test_enter_on_add_row_adds_a_row_until_the_last_row_is_empty_then_leaves(
    qtbot: Any,
) -> None:
    form = show(qtbot, "person")
    table = form.editor("nationalities")
    table.add_button.setFocus()
    enter(table.add_button)  # no rows yet: a row, focus in its first cell
    assert len(table.rows) == 1
    type_text(table.cell(0, "country"), "ukraina")
    table.add_button.setFocus()
    enter(table.add_button)  # the last row is filled: another row
    assert len(table.rows) == 2
    assert QApplication.focusWidget() is table.cell(1, "country").focus_widgets()[0]
    table.add_button.setFocus()
    enter(table.add_button)  # the new row is still empty: Enter leaves the table
    assert len(table.rows) == 2
    assert focused() == "field_ethnicity"
    assert form.values()["nationalities"] == [{"country": "UKR", "type": "citizen"}]


def test_guardian_shows_for_an_unaccompanied_minor(qtbot: Any) -> None:
    form = show(qtbot, "person")
    assert not form.is_visible_field("guardian")
    minor = form.editor("unaccompanied_minor")
    minor.setFocus()
    QTest.keyClick(minor, Qt.Key.Key_Space)
    enter(minor)
    assert form.is_visible_field("guardian")
    assert focused() == "field_guardian"
    problems = form.validate()
    assert any(p.key == "guardian" and p.message == "Obligāts lauks." for p in problems)


def test_bad_date_keeps_the_text_and_says_why_under_the_field(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    entered = form.editor("entered_at")
    entered.setFocus()
    type_text(entered, "31.02.2026")
    QTest.keyClick(entered, Qt.Key.Key_Tab)  # leaving the field checks it
    message = form.message_label("entered_at")
    assert message.objectName() == "msg_entered_at"
    assert message.isVisible() and message.text() == "✖ Šāda datuma nav."
    assert form.raw_text("entered_at") == "31.02.2026"
    problems = form.validate()
    assert [p.message for p in problems if p.key == "entered_at"] == ["Šāda datuma nav."]
    assert form.raw_text("entered_at") == "31.02.2026"
    assert form.values()["entered_at"] == "31.02.2026"  # kept, never lost
    assert "Šāda datuma nav." in entered.accessibleDescription()
    entered.clear()
    type_text(entered, "28.02.2026")
    form._check_field("entered_at")
    form.validate()
    assert not form.message_label("entered_at").isVisible()


def test_messages_in_english(qtbot: Any) -> None:
    session = FakeSession("en")
    form = show(qtbot, "sis_alert", session=session, context={"person_id": PERSON_ID})
    assert form.cells["entered_at"].label.text() == "Entered on *"
    type_text(form.editor("entered_at"), "31.02.2026")
    form.validate()
    assert form.message_label("entered_at").text() == "✖ There is no such date."
    session.set_language("lv")
    assert form.cells["entered_at"].label.text() == "Ievadīts *"
    assert form.message_label("entered_at").text() == "✖ Šāda datuma nav."
    assert form.editor("status").currentText().startswith("Ievadīts")


def test_nested_error_goes_under_the_table_naming_the_row(qtbot: Any) -> None:
    form = show(qtbot, "case", context={"person_id": PERSON_ID})
    form.set_values(
        {
            "owner_institution": "VRS",
            "owner_unit": "VRS-RIP",
            "responsible_officer": "j.ozola",
            "detection_date": "2026-03-14",
            "detection_place": "Lidosta “Rīga”",
            "detecting_unit": "VRS-RIP",
            "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}, {"section": "42"}],
        }
    )
    problems = form.validate()
    assert [p.path for p in problems] == ["legal_basis.1.act"]
    text = form.message_label("legal_basis").text()
    assert text.startswith("✖ 2. rinda, “") and text.endswith("Obligāts lauks.")
    form.focus_path("legal_basis.1.act")
    assert QApplication.focusWidget() is form.editor("legal_basis").cell(1, "act")


def test_warning_is_amber_and_not_an_error(qtbot: Any) -> None:
    form = show(qtbot, "decision", context={"person_id": PERSON_ID, "case_id": CASE_ID})
    form.set_values({"decision_type": "departure_order", "vd_period_days": 45})
    form.validate()
    label = form.message_label("vd_period_days")
    assert label.text().startswith("⚠ ")
    assert "#8a5300" in label.styleSheet()


def test_vd_deadline_updates_live(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(computed, "today", lambda: date(2026, 3, 10))
    form = show(qtbot, "decision", context={"person_id": PERSON_ID, "case_id": CASE_ID})
    deadline = form.editor("vd_deadline")
    assert isinstance(deadline, w.ComputedEditor)
    form.set_values({"decision_type": "departure_order"})
    assert deadline.text() == "—"
    served = form.editor("served_at")
    type_text(served, "01.03.2026 10:00")
    days = form.editor("vd_period_days")
    type_text(days, "30")
    qtbot.waitUntil(lambda: deadline.text().startswith("31.03.2026"))
    assert not deadline.alert
    days.clear()
    type_text(days, "10")
    qtbot.waitUntil(lambda: deadline.text().startswith("⚠ 11.03.2026"))
    assert deadline.alert and "#b00020" in deadline.styleSheet()


def test_readonly_form(qtbot: Any) -> None:
    record = {
        "id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c13",
        "version": 3,
        "person_id": PERSON_ID,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
    }
    form = show(qtbot, "sis_alert", record=record, readonly=True)
    assert form.readonly and not form.is_new
    national = form.editor("national_alert_id")
    assert national.isReadOnly()
    national.setFocus()
    type_text(national, "X")
    assert national.text() == "LV-SIS-000123"
    type_text(form.editor("status"), "dz")
    assert form.values()["status"] == "entered"
    assert form.save() is False


def test_served_decision_opens_locked(qtbot: Any) -> None:
    record = {
        "id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c14",
        "version": 2,
        "case_id": CASE_ID,
        "person_id": PERSON_ID,
        "decision_type": "departure_order",
        "decision_date": "2026-03-01",
        "issuing_institution": "VRS",
        "issuing_unit": "VRS-RIP",
        "official": "J. Ozola",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
        "facts": "Fakti.",
        "destination_type": "citizenship",
        "destination_country": "UKR",
        "vd_period_days": 30,
        "served_at": "2026-03-01T10:00:00+02:00",
        "status": "served",
    }
    form = show(qtbot, "decision", record=record)
    assert form.locked and form.readonly
    assert form.status.isVisible() and "🔒" in form.status.text()
    assert form.editor("facts").isReadOnly()
    table = form.editor("legal_basis")
    assert not table.add_button.isVisible()
    draft = show(qtbot, "decision", record={**record, "served_at": None, "status": "draft"})
    assert not draft.readonly


def test_f1_asks_for_the_fields_help(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    with qtbot.waitSignal(form.help_requested) as blocker:
        QTest.keyClick(form.editor("entered_at"), Qt.Key.Key_F1)
    assert blocker.args == ["entered_at"]


def test_mrz_fills_empty_fields_and_never_overwrites(qtbot: Any) -> None:
    form = show(qtbot, "person")
    type_text(form.editor("surname_latin"), "KOVALENKO")
    form.apply_mrz(
        {
            "person": {
                "surname_latin": "KOVALENKA",
                "given_names_latin": "OLENA",
                "sex": "F",
                "date_of_birth": "1991-04-12",
                "nationalities": [{"country": "UKR", "type": "citizen"}],
            },
            "document": {"series_and_number": "FA1234567"},
        }
    )
    values = form.values()
    assert values["surname_latin"] == "KOVALENKO"  # typed: kept
    assert values["given_names_latin"] == "OLENA"
    assert values["sex"] == "F" and values["date_of_birth"] == "1991-04-12"
    assert values["nationalities"] == [{"country": "UKR", "type": "citizen"}]
    note = form.message_label("mrz").text()
    assert "Nav pārrakstīts" in note and "Uzvārds" in note or "KOVALENKO" not in note


def test_mrz_parsed_signal_is_connected(qtbot: Any) -> None:
    form = show(qtbot, "document", context={"person_id": PERSON_ID})
    mrz = form.editor("mrz") if "mrz" in form.editors else None
    if mrz is None:
        pytest.skip("the document form has no MRZ field")
    mrz.parsed.emit({"document": {"series_and_number": "FA1234567", "issuing_state": "UKR"}})
    assert form.values()["series_and_number"] == "FA1234567"
    assert form.values()["issuing_state"] == "UKR"


def test_set_values_and_dirty(qtbot: Any) -> None:
    form = show(qtbot, "sis_alert", context={"person_id": PERSON_ID})
    assert not form.is_dirty()
    applied = form.set_values({"national_alert_id": "LV-1", "unknown": 1, "case_id": CASE_ID})
    assert applied == ["national_alert_id", "case_id"]
    assert form.is_dirty()
    form.set_values({}, mark_clean=True)
    assert not form.is_dirty()
    assert form.values()["case_id"] == CASE_ID


# --------------------------------------------------------------------------- output


def test_output_form_shows_labels_not_codes(qtbot: Any) -> None:
    record = {
        "id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c13",
        "person_id": PERSON_ID,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
    }
    out = OutputForm(load_form("sis_alert"), record)
    qtbot.addWidget(out)
    assert out.objectName() == "output_sis_alert"
    assert out.value_text("entered_at") == "14.03.2026"
    assert out.value_text("alert_type").startswith("Brīdinājums par atgriešanu")
    assert "deleted_at" not in out.values  # its section shows only for a deleted alert
    assert out.findChild(QLabel, "outLabel_entered_at").text() == "Ievadīts"
    out.set_language("en")
    assert out.findChild(QLabel, "outLabel_entered_at").text() == "Entered on"


def test_output_form_of_a_person(qtbot: Any) -> None:
    record = {
        "id": PERSON_ID,
        "surname_latin": "BĒRZIŅŠ-OZOLIŅA",
        "given_names_latin": "JĀNIS",
        "sex": "M",
        "date_of_birth": "1990-07",
        "nationalities": [{"country": "UKR", "type": "citizen"}],
        "languages": ["uk", "ru"],
        "unaccompanied_minor": False,
    }
    out = OutputForm(load_form("person"), record, lang="lv")
    qtbot.addWidget(out)
    assert out.value_text("date_of_birth") == "07.1990"
    assert out.value_text("sex") == "Vīrietis"
    assert out.value_text("languages") == "ukraiņu valoda, krievu valoda"
    assert out.value_text("nationalities").startswith("1. ")
    assert "Ukraina" in out.value_text("nationalities")
    assert out.value_text("unaccompanied_minor") == "nē"
    assert out.value_text("patronymic") == "—"


def test_text_left_in_a_field_that_gets_hidden_does_not_block(qtbot: Any) -> None:
    form = show(qtbot, "decision", context={"person_id": PERSON_ID, "case_id": CASE_ID})
    form.set_values({"decision_type": "departure_order"})
    type_text(form.editor("vd_period_days"), "abc")
    assert any(p.key == "vd_period_days" for p in form.validate())
    form.set_values({"decision_type": "removal_decision"})
    assert not any(p.key == "vd_period_days" for p in form.validate())
    assert form.raw_text("vd_period_days") == "abc"  # kept in the editor all the same
    assert "vd_period_days" not in form.values()


def test_court_days_left_follow_the_table(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(computed, "today", lambda: date(2026, 11, 28))
    form = show(qtbot, "detention", context={"person_id": PERSON_ID, "case_id": CASE_ID})
    table = form.editor("court_authorisations")
    table.add_button.setFocus()
    QTest.keyClick(table.add_button, Qt.Key.Key_Space)
    until = table.cell(0, "authorised_until")
    until.setFocus()
    type_text(until, "02.12.2026")
    enter(until)
    shown = form.editor("court_days_left")
    qtbot.waitUntil(lambda: shown.text() != "—")
    assert shown.text() == "4 d. (līdz 02.12.2026)"  # ⚠ only from 3 days


def test_enter_in_the_search_line_ticks_the_single_match(qtbot: Any) -> None:
    form = show(qtbot, "person")
    languages = form.editor("languages")
    languages.filter.setFocus()
    type_text(languages.filter, "uzbeku")
    enter(languages.filter)
    assert form.values()["languages"] == ["uz"]
    assert form.focused_key() == "vulnerabilities"


def test_ctrl_enter_leaves_a_long_text(qtbot: Any) -> None:
    form = show(qtbot, "decision", context={"person_id": PERSON_ID, "case_id": CASE_ID})
    facts = form.editor("facts")
    facts.setFocus()
    type_text(facts, "Persona uzturējās bez vīzas.")
    QTest.keyClick(facts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert form.focused_key() == "legal_basis"
    assert form.values()["facts"] == "Persona uzturējās bez vīzas."


def test_stored_mrz_is_shown_again_without_filling(qtbot: Any) -> None:
    mrz = (
        "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
    )
    record = {
        "id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c16",
        "version": 1,
        "person_id": PERSON_ID,
        "doc_type": "P",
        "series_and_number": "X1",
        "issuing_state": "LVA",
        "mrz_raw": mrz,
    }
    form = show(qtbot, "document", record=record)
    assert form.raw_text("mrz") == mrz
    assert form.values()["series_and_number"] == "X1"
    assert not form.is_dirty()
