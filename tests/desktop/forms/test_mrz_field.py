"""The MRZ field (issue 5, item 3): fictitious TD1, TD2 and TD3 specimens made with the
core builder, valid and with each kind of broken check digit; the keyboard-wedge path
(lines typed as key events, Enter between them), the paste path, and text that is no MRZ.

A broken check digit warns (✗ row with words, amber status) and `parsed` is still
emitted with the fields read correctly.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from registry_core.identifiers.mrz import MrzFields, format_mrz
from registry_core.identifiers.personal_code import legacy_check_digit
from registry_desktop.formkit.mrz_field import (
    JOINED_PAUSE_MS,
    MrzField,
    doc_type_for,
    normalise_mrz_text,
)
from tests.desktop.conftest import type_text

TODAY = date(2026, 6, 1)

# Fictitious holders; UTO is ICAO's specimen state.
SPECIMENS: dict[str, MrzFields] = {
    "TD3": MrzFields(
        format="TD3", document_code="P", issuing_state="UTO", surname="OZOLINA",
        given_names="ILZE MARA", document_number="XK1234567", nationality="UTO",
        birth_date=date(1984, 9, 21), sex="F", expiry_date=date(2031, 4, 30),
        optional_data="ZE184226B",
    ),
    "TD2": MrzFields(
        format="TD2", document_code="I", issuing_state="UTO", surname="KALNINS",
        given_names="JANIS", document_number="D23145890", nationality="UTO",
        birth_date=date(1974, 8, 12), sex="M", expiry_date=date(2032, 4, 15),
    ),
    "TD1": MrzFields(
        format="TD1", document_code="ID", issuing_state="UTO", surname="BERZINA",
        given_names="ANNA", document_number="L898902C3", nationality="UTO",
        birth_date=date(2001, 2, 3), sex="F", expiry_date=date(2030, 12, 31),
    ),
}  # fmt: skip

# Where each check digit sits: (line, column) per format.
CHECK_POSITIONS: dict[str, dict[str, tuple[int, int]]] = {
    "TD3": {"document_number": (1, 9), "birth_date": (1, 19), "expiry_date": (1, 27),
            "optional_data": (1, 42), "composite": (1, 43)},
    "TD2": {"document_number": (1, 9), "birth_date": (1, 19), "expiry_date": (1, 27),
            "composite": (1, 35)},
    "TD1": {"document_number": (0, 14), "birth_date": (1, 6), "expiry_date": (1, 14),
            "composite": (1, 29)},
}  # fmt: skip

EXPECTED_PERSON = {
    "TD3": {"surname_latin": "OZOLINA", "given_names_latin": "ILZE MARA", "sex": "F",
            "date_of_birth": "1984-09-21",
            "nationalities": [{"country": "UTO", "type": "citizen"}]},
    "TD2": {"surname_latin": "KALNINS", "given_names_latin": "JANIS", "sex": "M",
            "date_of_birth": "1974-08-12",
            "nationalities": [{"country": "UTO", "type": "citizen"}]},
    "TD1": {"surname_latin": "BERZINA", "given_names_latin": "ANNA", "sex": "F",
            "date_of_birth": "2001-02-03",
            "nationalities": [{"country": "UTO", "type": "citizen"}]},
}  # fmt: skip
EXPECTED_DOCUMENT = {
    "TD3": {"doc_type": "P", "series_and_number": "XK1234567", "issuing_state": "UTO",
            "valid_until": "2031-04-30"},
    "TD2": {"doc_type": "ID", "series_and_number": "D23145890", "issuing_state": "UTO",
            "valid_until": "2032-04-15"},
    "TD1": {"doc_type": "ID", "series_and_number": "L898902C3", "issuing_state": "UTO",
            "valid_until": "2030-12-31"},
}  # fmt: skip


def lines_of(fmt: str) -> list[str]:
    return list(format_mrz(SPECIMENS[fmt]))


def broken(fmt: str, check: str) -> list[str]:
    """The specimen with one check digit changed."""
    lines = lines_of(fmt)
    row, col = CHECK_POSITIONS[fmt][check]
    line = lines[row]
    digit = line[col]
    replacement = str((int(digit) + 1) % 10) if digit.isdigit() else "1"
    lines[row] = line[:col] + replacement + line[col + 1 :]
    return lines


@pytest.fixture
def field(qtbot: Any) -> MrzField:
    widget = MrzField(language="lv", today=TODAY)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def paste(field: MrzField, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    field.edit.setFocus()
    field.edit.paste()


def press_return(widget: QWidget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r")
        QCoreApplication.sendEvent(widget, event)


def record(field: MrzField) -> list[dict[str, Any]]:
    got: list[dict[str, Any]] = []
    field.parsed.connect(got.append)
    return got


# --------------------------------------------------------------------------- valid


@pytest.mark.parametrize("fmt", ["TD1", "TD2", "TD3"])
def test_valid_specimen_parsed_on_paste(field: MrzField, fmt: str) -> None:
    got = record(field)
    paste(field, "\n".join(lines_of(fmt)))
    assert len(got) == 1  # at once: no waiting for the focus to leave
    result = got[0]
    assert result == field.result()
    assert result["format"] == fmt and result["valid"] is True
    assert result["person"] == EXPECTED_PERSON[fmt]
    document = dict(result["document"])
    assert document.pop("mrz_raw") == "\n".join(lines_of(fmt))
    assert document == EXPECTED_DOCUMENT[fmt]
    assert [c["field"] for c in result["checks"]] == list(CHECK_POSITIONS[fmt])
    assert all(c["ok"] for c in result["checks"])
    # Shown: the format and one row per check digit, each with a mark AND words.
    assert field.format_label.text().startswith(f"Formāts: {fmt}")
    rows = field.check_rows()
    assert [name for name, _ok, _text in rows] == list(CHECK_POSITIONS[fmt])
    for _name, ok, row_text in rows:
        assert ok and row_text.startswith("✓ ") and "kontrolcipars atbilst" in row_text
    assert field.status_text() == "✓ Visi kontrolcipari atbilst."
    assert field.state == "parsed"


# --------------------------------------------------------------------------- broken


@pytest.mark.parametrize(
    ("fmt", "check"),
    [(fmt, check) for fmt, checks in CHECK_POSITIONS.items() for check in checks],
)
def test_broken_check_digit_warns_but_still_fills(field: MrzField, fmt: str, check: str) -> None:
    got = record(field)
    paste(field, "\n".join(broken(fmt, check)))
    assert len(got) == 1, "a failed check digit must not block"
    result = got[0]
    failed = {c["field"] for c in result["checks"] if not c["ok"]}
    # The composite covers every other check digit, so changing one fails it too.
    assert failed == {check, "composite"}
    assert result["valid"] is False
    assert "mrz.check_digit_mismatch" in result["warnings"]
    assert result["person"] == EXPECTED_PERSON[fmt]  # the fields are read all the same
    document = dict(result["document"])
    document.pop("mrz_raw")
    assert document == EXPECTED_DOCUMENT[fmt]
    rows = {name: (ok, row_text) for name, ok, row_text in field.check_rows()}
    for name, (ok, row_text) in rows.items():
        if name in failed:
            assert not ok and row_text.startswith("✗ ") and "kontrolcipars neatbilst" in row_text
            assert "aprēķināts" in row_text  # what the document shows and what it should
        else:
            assert ok and row_text.startswith("✓ ")
    status = field.status_text()
    assert status.startswith("⚠ Kontrolcipars neatbilst — pārbaudiet dokumentu")
    assert "amber" not in status  # the words carry it; the colour only adds to them
    assert "fff3c4" in field.status.styleSheet()


def test_broken_check_in_english(field: MrzField) -> None:
    field.set_language("en")
    paste(field, "\n".join(broken("TD3", "birth_date")))
    rows = {name: text for name, _ok, text in field.check_rows()}
    assert rows["birth_date"].startswith("✗ Date of birth: check digit does not match")
    assert rows["document_number"] == "✓ Document number: check digit correct"
    assert field.status_text().startswith("⚠ Check digit does not match — check the document")
    assert field.format_label.text() == "Format: TD3 — passport, 2 lines × 44 characters"


# --------------------------------------------------------------------------- wedge scanner


@pytest.mark.parametrize("fmt", ["TD1", "TD2", "TD3"])
def test_wedge_scanner_lines_with_enter(qtbot: Any, field: MrzField, fmt: str) -> None:
    got = record(field)
    lines = lines_of(fmt)
    for i, line in enumerate(lines):
        type_text(field.edit, line)
        if i < len(lines) - 1:
            assert got == [], "nothing read before the last line is complete"
            assert field.state == "incomplete"
            press_return(field.edit)
    # Read as soon as the last line is complete; the focus never left the box.
    assert field.edit.hasFocus() or not field.isActiveWindow()
    assert len(got) == 1 and got[0]["format"] == fmt and got[0]["valid"]
    assert got[0]["person"] == EXPECTED_PERSON[fmt]
    assert field.text() == "\n".join(lines)  # Enter stayed in the box as a line break
    # The scanner's final Enter does not read the same zone again.
    press_return(field.edit)
    assert len(got) == 1 and field.state == "parsed"


def test_wedge_scanner_td1_not_taken_for_td2_on_the_way(qtbot: Any, field: MrzField) -> None:
    got = record(field)
    lines = lines_of("TD1")
    type_text(field.edit, lines[0])
    press_return(field.edit)
    type_text(field.edit, lines[1])  # two lines of 30: could be nothing but a TD1 start
    assert got == [] and field.state == "incomplete"
    assert "30 + 30" in field.status_text()
    press_return(field.edit)
    type_text(field.edit, lines[2])
    assert len(got) == 1 and got[0]["format"] == "TD1"


def test_wedge_scanner_without_line_breaks(qtbot: Any, field: MrzField) -> None:
    """A scanner that sends the lines joined: a TD1 passes 72 (TD2) and 88 (TD3)
    characters on its way to 90 — it is read after the pause, once, as a TD1."""
    got = record(field)
    type_text(field.edit, "".join(lines_of("TD1")))
    assert got == [] and field.state == "incomplete"
    qtbot.waitUntil(lambda: len(got) == 1, timeout=JOINED_PAUSE_MS * 10)
    assert got[0]["format"] == "TD1" and got[0]["person"] == EXPECTED_PERSON["TD1"]
    qtbot.wait(JOINED_PAUSE_MS + 100)
    assert len(got) == 1


def test_lowercase_spaces_cr_and_lookalikes(field: MrzField) -> None:
    l1, l2 = lines_of("TD3")
    messy = "  " + l1.lower().replace("<<", "«") + " \r\n" + " ".join([l2[:20], l2[20:]]) + "\r\n"
    got = record(field)
    paste(field, messy)
    assert len(got) == 1 and got[0]["valid"]
    assert got[0]["person"]["surname_latin"] == "OZOLINA"
    assert l1.lower().replace("<<", "«") in field.text()  # the box keeps what was pasted


def test_cyrillic_lookalikes_and_fullwidth(field: MrzField) -> None:
    l1, l2 = lines_of("TD2")
    # "KALNINS" with a Cyrillic К and А, the filler as full-width ＜.
    odd = l1.replace("KALNINS", "КАLNINS").replace("<", "＜")
    assert normalise_mrz_text(odd) == l1
    got = record(field)
    paste(field, odd + "\n" + l2)
    assert len(got) == 1 and got[0]["person"]["surname_latin"] == "KALNINS"


# --------------------------------------------------------------------------- not an MRZ


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Anna Bērziņa, dzimusi 03.02.2001", "neatļautās zīmes"),
        ("P<UTOBERZINA<<ANNA\nX123", "saņemtie garumi"),
    ],
)
def test_unreadable_text_is_kept_with_a_message(field: MrzField, text: str, reason: str) -> None:
    got = record(field)
    paste(field, text)
    assert got == [] and field.result() is None
    assert field.state == "error"
    status = field.status_text()
    assert status.startswith("✗ MRZ nevar nolasīt.") and reason in status
    assert "Teksts ir saglabāts" in status
    assert field.text() == text  # nothing the officer pasted is lost
    field.set_language("en")
    assert field.status_text().startswith("✗ The MRZ cannot be read.")


def test_incomplete_typing_becomes_an_error_when_the_focus_leaves(
    qtbot: Any, field: MrzField
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    field.setParent(host)
    other = QLineEdit(host)
    layout.addWidget(field)
    layout.addWidget(other)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    l1, _l2 = lines_of("TD3")
    type_text(field.edit, l1)
    press_return(field.edit)
    type_text(field.edit, "XK12")
    assert field.state == "incomplete"
    assert field.status_text().startswith("… MRZ vēl nav pilnīga")
    other.setFocus()
    if field.edit.hasFocus() or field.state != "error":  # no window focus offscreen
        QCoreApplication.sendEvent(
            field.edit, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.TabFocusReason)
        )
    assert field.state == "error"
    assert "saņemtie garumi: 44 + 4" in field.status_text()
    assert field.text() == l1 + "\nXK12"


def test_same_zone_again_is_not_emitted_twice_and_empty_resets(field: MrzField) -> None:
    got = record(field)
    text = "\n".join(lines_of("TD3"))
    paste(field, text)
    field.edit.appendPlainText("")  # a trailing line break
    assert len(got) == 1
    field.clear()
    assert field.state == "empty" and field.result() is None
    assert field.status_text() == "Ielīmējiet vai noskenējiet MRZ (2 vai 3 rindas)."
    paste(field, text)
    assert len(got) == 2


def test_set_text_shows_checks_without_emitting_unless_asked(field: MrzField) -> None:
    got = record(field)
    field.set_text("\n".join(broken("TD2", "expiry_date")))
    assert got == [] and field.state == "parsed"
    assert field.result() is not None and field.result()["valid"] is False  # type: ignore[index]
    field.set_text("\n".join(lines_of("TD2")), emit=True)
    assert len(got) == 1 and got[0]["valid"]


# --------------------------------------------------------------------------- details


def test_latvian_personal_code_from_optional_data(field: MrzField) -> None:
    first_ten = "2107851123"  # fictitious: 21.07.1985, century 1
    code = first_ten + str(legacy_check_digit(first_ten))
    lines = format_mrz(
        MrzFields(
            format="TD3", document_code="P", issuing_state="LVA", surname="LIEPA",
            given_names="KRISTAPS", document_number="LV1234567", nationality="LVA",
            birth_date=date(1985, 7, 21), sex="M", expiry_date=date(2029, 1, 1),
            optional_data=code,
        )
    )  # fmt: skip
    got = record(field)
    paste(field, "\n".join(lines))
    assert got[0]["person"]["personal_code"] == f"{code[:6]}-{code[6:]}"


def test_optional_number_of_a_foreign_document_is_no_personal_code(field: MrzField) -> None:
    got = record(field)
    paste(field, "\n".join(lines_of("TD3")))
    assert "personal_code" not in got[0]["person"]


def test_german_d_sex_unspecified_and_stateless(field: MrzField) -> None:
    lines = format_mrz(
        MrzFields(
            format="TD3", document_code="P", issuing_state="D", surname="MUSTER",
            given_names="ALEX", document_number="C01X00T47", nationality="XXA",
            birth_date=date(1990, 1, 1), sex="X", expiry_date=date(2030, 1, 1),
        )
    )  # fmt: skip
    got = record(field)
    paste(field, "\n".join(lines))
    result = got[0]
    assert result["document"]["issuing_state"] == "DEU"
    assert result["person"]["sex"] == "U"  # '<' on the document: not specified
    assert result["person"]["nationalities"] == [{"country": "XXA", "type": "stateless"}]


@pytest.mark.parametrize(
    ("code", "doc_type"),
    [("P", "P"), ("PD", "PD"), ("PS", "PS"), ("PO", "P"), ("I", "ID"), ("ID", "ID"),
     ("IR", "ID"), ("V", "OTHER"), ("AC", "OTHER")],
)  # fmt: skip
def test_document_code_maps_to_the_document_type_list(code: str, doc_type: str) -> None:
    assert doc_type_for(code) == doc_type


def test_accessible_names_and_object_names(field: MrzField) -> None:
    assert field.objectName() == "field_mrz"
    assert field.edit.objectName() == "mrzText"
    assert field.accessibleName() == "MRZ (machine-readable zone)"  # source text of tr()
    assert field.edit.accessibleName() == field.accessibleName()
    assert field.focusProxy() is field.edit
    assert (
        field.edit.font().fixedPitch()
        or field.edit.font().styleHint() == field.edit.font().StyleHint.TypeWriter
    )
    # A label set by the form is kept and carried to the box.
    field.setAccessibleName("Mašīnlasāmā zona (MRZ)")
    field.hide()
    field.show()
    assert field.edit.accessibleName() == "Mašīnlasāmā zona (MRZ)"


def test_language_from_the_session_of_an_ancestor(qtbot: Any) -> None:
    class Host(QWidget):
        def __init__(self) -> None:
            super().__init__()
            self.session = type("S", (), {"language": "en"})()

    host = Host()
    qtbot.addWidget(host)
    field = MrzField(host, today=TODAY)
    assert field.language() == "en"
    assert field.status_text() == "Paste or scan the MRZ (2 or 3 lines)."
