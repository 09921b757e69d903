"""Every form filled by keyboard alone (issue 5, item 7), as an officer does it.

The cursor starts in the form's first field; each field is filled by typing (Latvian
letters and Cyrillic as key events), type-ahead lists by typing part of a Latvian label,
check boxes with Space, table rows added with Space on the add-row button, and Enter moves
on — the test checks after every Enter that the cursor really is in the next field the
form reads. Then `validate()` has no errors and `values()` is exactly the JSON-ready record
(ISO dates, codes, tables as lists of dicts). Also: Tab order is reading order, sections
and fields show and hide as the officer chooses, computed figures follow live.

Real widgets, offscreen; nothing is saved (saving is proven in the save tests).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from registry_core.lifecycle import DEFAULT_CONFIG
from registry_core.lifecycle_ban import ban_valid_until
from registry_core.lifecycle_detention import DetentionPeriod, cumulative_detention_days
from registry_core.messages import text
from registry_desktop.formdefs import form_names, load_form
from registry_desktop.formkit import computed
from registry_desktop.formkit import widgets as w
from registry_desktop.formkit.renderer import FormWidget
from tests.desktop.forms.fill import (
    QT_NOISE_MARK,
    SCRIPTS,
    Choose,
    Keyboard,
    Pick,
    Script,
    Tick,
    Typed,
    close_host_window,  # noqa: F401 (the module's shared window)
    expected_values,
    field_focus_widgets,
    fill_field,
    open_tab,
    reading_order,
    reading_widgets,
)

TODAY = date(2026, 11, 28)


def describe(widget: QWidget | None) -> str:
    if widget is None:
        return "<nothing>"
    return f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()!r})"


def walk(kb: Keyboard, fw: FormWidget, script: Script) -> list[str]:
    """Fill the form from its first field to its last with Enter between the fields;
    return the fields the cursor went through."""
    order = reading_order(fw)
    kb.focus(order[0])
    visited: list[str] = []
    while True:
        key = kb.focused_key()
        first = field_focus_widgets(fw, key)[0]
        assert kb.focus_widget() is first, (
            f"{key}: the cursor is in {describe(kb.focus_widget())}, not the field's first "
            f"widget {describe(first)}"
        )
        visited.append(key)
        editor = fw.editor(key)
        spec = script.inputs.get(key)
        if spec is not None:
            spec.enter(kb, editor)
        if isinstance(editor, w.TableEditor):
            # Enter from the last cell goes to the add-row button (where Enter adds a
            # row): Tab leaves the table.
            if kb.focus_widget() is not editor.add_button:
                kb.leave()
            assert kb.focus_widget() is editor.add_button
            kb.tab()
        else:
            kb.leave()
        order = reading_order(fw)
        position = order.index(key)
        if position + 1 == len(order):
            return visited
        following = order[position + 1]
        assert kb.focused_key() == following, (
            f"Enter in {key!r} moved the cursor to {describe(kb.focus_widget())} "
            f"(field {kb.focused_key()!r}), not to the next field {following!r}"
        )


@QT_NOISE_MARK
def test_every_form_has_a_keyboard_fill() -> None:
    assert {s.form for s in SCRIPTS} == set(form_names())
    for s in SCRIPTS:
        form = load_form(s.form)
        keys = {f.key for f in form.fields()}
        assert set(s.inputs) <= keys, s.id
        assert set(s.filled) <= keys, s.id


ENGLISH = ("person", "address_abroad", "decision_departure_order", "departure_forced_escorted")


@QT_NOISE_MARK
@pytest.mark.parametrize(
    ("script", "lang"),
    [pytest.param(s, "lv", id=s.id) for s in SCRIPTS]
    + [pytest.param(s, "en", id=f"{s.id}-en") for s in SCRIPTS if s.id in ENGLISH],
)
def test_fill_every_form_by_keyboard(qtbot: Any, script: Script, lang: str) -> None:
    """(In English the lists show English labels; typing part of the Latvian label still
    finds the entry, as officers type in Latvian.)"""
    tab = open_tab(qtbot, script.form, lang)
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)

    visited = walk(kb, fw, script)

    assert visited == reading_order(fw), "Enter skipped or repeated a field"
    untouched = set(script.inputs) - set(visited)
    assert not untouched, f"fields the walk never reached: {untouched}"
    problems = fw.validate()
    assert [(p.key, p.message) for p in problems if p.is_error] == []
    form = load_form(script.form)
    values = fw.values()
    assert values == expected_values(form, script.filled)
    for key, spec in script.inputs.items():
        editor = fw.editor(key)
        if isinstance(spec, Pick) and isinstance(editor, w.RefEditor) and key in values:
            # the officer sees the entry taken: its label and code, in the form's language
            row = editor.currentIndex()
            assert row >= 0 and editor.itemData(row, w.CODE_ROLE) == values[key], key
            assert fw.raw_text(key) == editor.itemText(row), key
    # what a save would send is a valid record for the registry
    kind, fields = fw.payload()
    assert kind == "create"
    form.model.model_validate({**fields, "id": fw.record_id})


@QT_NOISE_MARK
@pytest.mark.parametrize("script", SCRIPTS, ids=[s.id for s in SCRIPTS])
def test_tab_order_is_reading_order(qtbot: Any, script: Script) -> None:
    tab = open_tab(qtbot, script.form)
    fw = tab.form_widget
    fw.set_values(dict(script.filled))  # conditional sections of this fill shown
    fw.flush()
    kb = Keyboard(qtbot, fw)
    expected = reading_widgets(fw)
    kb.focus(reading_order(fw)[0])
    forward = []
    for _ in expected:
        forward.append(kb.focus_widget())
        kb.tab()
    assert [describe(x) for x in forward] == [describe(x) for x in expected]
    assert forward == expected
    kb.focus_widget_of(expected[-1])
    backward = []
    for _ in expected:
        backward.append(kb.focus_widget())
        kb.backtab()
    assert backward == list(reversed(expected))


# --------------------------------------------------------------------------- Enter


@QT_NOISE_MARK
def test_enter_in_a_long_text_is_a_new_line_and_ctrl_enter_moves_on(qtbot: Any) -> None:
    tab = open_tab(qtbot, "decision")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    kb.focus("facts")
    kb.type("Pirmā rinda")
    kb.enter()
    kb.type("otrā rinda")
    assert kb.focused_key() == "facts"
    assert fw.raw_text("facts") == "Pirmā rinda\notrā rinda"
    kb.ctrl_enter()
    assert kb.focused_key() == "legal_basis"


@QT_NOISE_MARK
@pytest.mark.parametrize(
    ("name", "key"), [("person", "unaccompanied_minor"), ("appeal", "suspensive")]
)
def test_enter_on_a_check_box_moves_on(qtbot: Any, name: str, key: str) -> None:
    tab = open_tab(qtbot, name)
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    kb.focus(key)
    kb.space()
    kb.enter()
    order = reading_order(fw)
    assert kb.focused_key() == order[order.index(key) + 1]
    assert fw.editor(key).isChecked()


@QT_NOISE_MARK
def test_enter_on_the_add_row_button_adds_a_row(qtbot: Any) -> None:
    tab = open_tab(qtbot, "person")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    kb.focus("nationalities")
    table = fw.editor("nationalities")
    assert kb.focus_widget() is table.add_button
    kb.enter()
    assert len(table.rows) == 1
    assert kb.focus_widget() is table.cell(0, "country")
    kb.press(Qt.Key.Key_Insert)  # Ins in a row adds the next one
    assert len(table.rows) == 2
    assert kb.focus_widget() is table.cell(1, "country")
    kb.press(Qt.Key.Key_Delete)  # Del in an empty row removes it
    assert len(table.rows) == 1


@QT_NOISE_MARK
def test_enter_takes_the_best_match_of_a_partly_typed_label(qtbot: Any) -> None:
    """“Ķīn” is inside more than one name: Enter takes the first match of the list."""
    tab = open_tab(qtbot, "document")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    kb.focus("issuing_state")
    kb.type("Ķīn")  # Ķīna; also inside “United Kingdom” and others
    editor = fw.editor("issuing_state")
    assert len(editor.matches("Ķīn")) > 1
    assert editor.matches("Ķīn")[0] == "CHN"
    kb.enter()
    assert kb.focused_key() == "issuing_authority"
    assert editor.value() == "CHN"


@QT_NOISE_MARK
def test_one_enter_leaves_a_type_ahead_cell_of_a_table(qtbot: Any) -> None:
    tab = open_tab(qtbot, "person")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    kb.focus("nationalities")
    kb.space()
    table = fw.editor("nationalities")
    kb.type("uzbek")
    kb.enter()
    assert kb.focus_widget() is table.cell(0, "type")
    assert fw.values()["nationalities"] == [{"country": "UZB", "type": "citizen"}]


@QT_NOISE_MARK
def test_enter_in_the_search_line_of_a_long_code_list(qtbot: Any) -> None:
    """A search text that leaves one code: Enter ticks it and moves on."""
    tab = open_tab(qtbot, "person")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    kb.focus("languages")
    kb.type("uzbeku")
    kb.enter()
    assert fw.values()["languages"] == ["uz"]
    assert kb.focused_key() == "vulnerabilities"


# --------------------------------------------------------------------------- conditions


def shown(fw: FormWidget, key: str) -> bool:
    return fw.is_visible_field(key) and fw.editor(key).isVisibleTo(fw)


@QT_NOISE_MARK
def test_address_abroad_or_in_latvia(qtbot: Any) -> None:
    tab = open_tab(qtbot, "address")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    latvian = ("city", "municipality", "street", "house", "postcode")
    abroad = ("country", "address_text")
    assert all(shown(fw, k) for k in latvian) and not any(shown(fw, k) for k in abroad)
    fill_field(kb, "city", Typed("Daugavpils"))
    fill_field(kb, "address_type", Choose("Adrese ār"))
    assert fw.values()["address_type"] == "abroad"
    assert not any(shown(fw, k) for k in latvian) and all(shown(fw, k) for k in abroad)
    assert "city" not in fw.values()  # a hidden part is not sent…
    assert fw.raw_text("city") == "Daugavpils"  # …but what was typed is kept
    fill_field(kb, "address_type", Choose("Adrese L"))
    assert all(shown(fw, k) for k in latvian) and not any(shown(fw, k) for k in abroad)
    assert fw.values()["city"] == "Daugavpils"


@QT_NOISE_MARK
def test_departure_order_shows_the_period_forced_removal_hides_it(qtbot: Any) -> None:
    tab = open_tab(qtbot, "decision")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    vd = ("vd_period_days", "vd_deadline", "obligations")
    assert not any(shown(fw, k) for k in vd)  # no type chosen yet
    fill_field(kb, "decision_type", Choose("Izb"))
    assert all(shown(fw, k) for k in vd)
    fill_field(kb, "vd_period_days", Typed("30"))
    assert fw.values()["vd_period_days"] == 30
    fill_field(kb, "decision_type", Choose("Lēm"))
    assert fw.values()["decision_type"] == "removal_decision"
    assert not any(shown(fw, k) for k in vd)
    assert "vd_period_days" not in fw.values()
    assert "vd_period_days" not in {p.key for p in fw.validate()}
    fill_field(kb, "decision_type", Choose("Izb"))
    assert fw.values()["vd_period_days"] == 30


@QT_NOISE_MARK
def test_refusal_to_sign_shows_the_officials_note(qtbot: Any) -> None:
    tab = open_tab(qtbot, "decision")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    assert fw.values()["acknowledgment"] == "not_yet"
    assert not shown(fw, "refusal_note")
    fill_field(kb, "acknowledgment", Pick("atteicās"))
    kb.leave()
    assert fw.values()["acknowledgment"] == "refused_to_sign"
    assert shown(fw, "refusal_note")
    assert kb.focused_key() == "refusal_note"  # Enter went into the field that appeared
    fill_field(kb, "acknowledgment", Pick("parakstījās"))
    kb.leave()
    assert fw.values()["acknowledgment"] == "signed"
    assert not shown(fw, "refusal_note")


@QT_NOISE_MARK
def test_unaccompanied_minor_shows_the_guardian(qtbot: Any) -> None:
    tab = open_tab(qtbot, "person")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    assert not shown(fw, "guardian")
    fill_field(kb, "unaccompanied_minor", Tick())
    assert shown(fw, "guardian")
    fill_field(kb, "unaccompanied_minor", Tick())
    assert not shown(fw, "guardian")


@QT_NOISE_MARK
def test_indefinite_ban_hides_its_duration(qtbot: Any) -> None:
    tab = open_tab(qtbot, "entry_ban")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    duration = ("duration_years", "duration_months", "valid_until")
    assert all(shown(fw, k) for k in duration)
    fill_field(kb, "indefinite", Tick())
    assert not any(shown(fw, k) for k in duration)
    fill_field(kb, "indefinite", Tick())
    assert all(shown(fw, k) for k in duration)


@QT_NOISE_MARK
def test_challenge_has_no_interim_relief(qtbot: Any) -> None:
    tab = open_tab(qtbot, "appeal")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    assert shown(fw, "interim_relief") and not shown(fw, "interim_relief_date")
    fill_field(kb, "interim_relief", Pick("piemērota"))
    kb.leave()
    assert shown(fw, "interim_relief_date")
    fill_field(kb, "kind", Pick("iestādes vadītājam"))
    kb.leave()
    assert fw.values()["kind"] == "challenge"
    assert not shown(fw, "interim_relief") and not shown(fw, "interim_relief_date")
    assert "interim_relief" not in fw.values()


@QT_NOISE_MARK
@pytest.mark.parametrize(
    ("exit_type", "code", "visible", "hidden"),
    [
        (
            "ar saviem līdzekļiem",
            "voluntary",
            (),
            ("notice_given_at", "notice_short_reason", "escort", "monitor_present"),
        ),
        (
            "bez pavadības",
            "forced_unescorted",
            ("notice_given_at", "notice_short_reason", "monitor_present"),
            ("escort",),
        ),
        (
            "ar pavadību",
            "forced_escorted",
            ("notice_given_at", "escort", "monitor_present"),
            (),
        ),
        ("frontex", "frontex_operation", ("notice_given_at", "escort", "monitor_present"), ()),
    ],
)
def test_removal_parts_follow_the_exit_type(
    qtbot: Any, exit_type: str, code: str, visible: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    tab = open_tab(qtbot, "departure")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    fill_field(kb, "exit_type", Pick(exit_type))
    kb.leave()
    assert fw.values()["exit_type"] == code
    assert all(shown(fw, k) for k in visible)
    assert not any(shown(fw, k) for k in hidden)
    if "monitor_present" in visible:
        assert not shown(fw, "monitor_body")
        fill_field(kb, "monitor_present", Tick())
        assert shown(fw, "monitor_body")
    assert not shown(fw, "aborted_reason")
    fill_field(kb, "aborted", Tick())
    assert shown(fw, "aborted_reason")


@QT_NOISE_MARK
def test_deleted_sis_alert_asks_when_and_why(qtbot: Any) -> None:
    tab = open_tab(qtbot, "sis_alert")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    assert not shown(fw, "deleted_at") and not shown(fw, "deletion_reason")
    fill_field(kb, "status", Pick("dzēsts"))
    kb.leave()
    assert kb.focused_key() == "deleted_at"
    assert shown(fw, "deletion_reason")


# --------------------------------------------------------------------------- computed


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    monkeypatch.setattr(computed, "today", lambda: TODAY)
    return TODAY


def computed_text(fw: FormWidget, key: str) -> str:
    editor = fw.editor(key)
    assert isinstance(editor, w.ComputedEditor)
    return editor.raw_text()


def vd_deadline(served: date, days: int) -> date:
    deadline = served + timedelta(days=days)
    if DEFAULT_CONFIG.vd_deadline_roll_to_working_day:
        deadline = DEFAULT_CONFIG.calendar.next_working_day(deadline)
    return deadline


def left_text(deadline: date, lang: str = "lv") -> str:
    left = (deadline - TODAY).days
    shown_date = deadline.strftime("%d.%m.%Y")
    if left < 0:
        return text("formkit.computed.overdue", lang, date=shown_date, days=-left)
    if left == 0:
        return text("formkit.computed.today", lang, date=shown_date)
    return text("formkit.computed.days_left", lang, date=shown_date, days=left)


@QT_NOISE_MARK
def test_vd_deadline_follows_service_and_period(qtbot: Any, today: date) -> None:
    tab = open_tab(qtbot, "decision")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    fill_field(kb, "decision_type", Choose("Izb"))
    assert computed_text(fw, "vd_deadline") == ""
    fill_field(kb, "vd_period_days", Typed("30"))
    assert computed_text(fw, "vd_deadline") == text("formkit.computed.after_service", days=30)
    fill_field(kb, "served_at", Typed("27.11.2026 10:00"))
    assert computed_text(fw, "vd_deadline") == left_text(vd_deadline(date(2026, 11, 27), 30))
    fill_field(kb, "vd_period_days", Typed("7"))
    assert computed_text(fw, "vd_deadline") == left_text(vd_deadline(date(2026, 11, 27), 7))
    fill_field(kb, "served_at", Typed("02.10.2026 10:00"))  # long past: overdue, in red
    assert computed_text(fw, "vd_deadline") == left_text(vd_deadline(date(2026, 10, 2), 7))
    assert fw.editor("vd_deadline").alert


@QT_NOISE_MARK
def test_ban_end_date_follows_start_and_duration(qtbot: Any, today: date) -> None:
    tab = open_tab(qtbot, "entry_ban")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    fill_field(kb, "duration_years", Typed("3"))
    assert computed_text(fw, "ban_end_date") == ""
    fill_field(kb, "start_pending_departure", Tick())
    assert computed_text(fw, "ban_end_date") == text("formkit.computed.after_departure")
    fill_field(kb, "valid_from", Typed("10.10.2026"))
    end = ban_valid_until(date(2026, 10, 10), 3, 0)
    assert end is not None
    assert computed_text(fw, "ban_end_date") == end.strftime("%d.%m.%Y")
    fill_field(kb, "duration_months", Typed("6"))
    end = ban_valid_until(date(2026, 10, 10), 3, 6)
    assert end is not None
    assert computed_text(fw, "ban_end_date") == end.strftime("%d.%m.%Y")
    fill_field(kb, "indefinite", Tick())
    assert computed_text(fw, "ban_end_date") == text("formkit.computed.indefinite")


@QT_NOISE_MARK
def test_detention_days_follow_detention_and_release(qtbot: Any, today: date) -> None:
    tab = open_tab(qtbot, "detention")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    assert computed_text(fw, "detention_days_total") == ""
    fill_field(kb, "detained_at", Typed("02.10.2026 14:30"))
    days = cumulative_detention_days([DetentionPeriod(date(2026, 10, 2), None)], TODAY)
    assert computed_text(fw, "detention_days_total") == text("formkit.computed.days", days=days)
    fill_field(kb, "released_at", Typed("20.10.2026 12:00"))
    days = cumulative_detention_days(
        [DetentionPeriod(date(2026, 10, 2), date(2026, 10, 20))], TODAY
    )
    assert computed_text(fw, "detention_days_total") == text("formkit.computed.days", days=days)


@QT_NOISE_MARK
def test_court_days_left_follow_the_authorisation_typed(qtbot: Any, today: date) -> None:
    tab = open_tab(qtbot, "detention")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    assert computed_text(fw, "court_days_left") == ""
    kb.focus("court_authorisations")
    kb.space()  # a row
    table = fw.editor("court_authorisations")
    kb.focus_widget_of(table.cell(0, "authorised_until"))
    kb.type("02.12.2026")
    kb.leave()
    left = (date(2026, 12, 2) - TODAY).days
    assert computed_text(fw, "court_days_left") == text(
        "formkit.computed.days_until", days=left, date="02.12.2026"
    )
    kb.focus_widget_of(table.cell(0, "authorised_until"))
    kb.select_all_and_delete()
    kb.type("20.11.2026")
    kb.leave()
    assert computed_text(fw, "court_days_left") == text(
        "formkit.computed.expired", date="20.11.2026"
    )
    assert fw.editor("court_days_left").alert


@QT_NOISE_MARK
def test_datetimes_typed_in_winter_and_summer_keep_riga_offsets(qtbot: Any) -> None:
    tab = open_tab(qtbot, "detention")
    fw = tab.form_widget
    kb = Keyboard(qtbot, fw)
    fill_field(kb, "detained_at", Typed("14.07.2026 09:30"))
    fill_field(kb, "released_at", Typed("14.01.2027 09:30"))
    values = fw.values()
    assert values["detained_at"] == "2026-07-14T09:30:00+03:00"
    assert values["released_at"] == "2027-01-14T09:30:00+02:00"
    assert datetime.fromisoformat(values["released_at"]).utcoffset() == timedelta(hours=2)
