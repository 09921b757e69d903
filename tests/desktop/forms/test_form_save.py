"""Saving a form: through LocalWriter on the DB thread into a real LocalStore; the outbox op
carries the right fields (all content on create, only the changes on update), the record
shows at once as pending; errors queue nothing; save guards and `after` run in order."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

from registry_desktop.config import Settings
from registry_desktop.formdefs import load_form
from registry_desktop.formkit.renderer import FormWidget, scanned_document
from registry_desktop.session import Session
from registry_desktop.tasks import TaskManager
from sync.store import LocalStore
from tests.desktop.conftest import type_text

OFFICER = "j.ozola"
PERSON_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c11"
CASE_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c12"
ALERT_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c13"
POPUP_NOISE = r"This plugin does not support (raise|grabbing the keyboard)"


@pytest.fixture(autouse=True)
def popup_noise(request: pytest.FixtureRequest) -> None:
    """The offscreen platform cannot raise or grab the type-ahead popup (its noise)."""
    capture = getattr(request.node, "qt_log_capture", None)
    if capture is not None:
        capture._ignore_regexes = [*capture._ignore_regexes, POPUP_NOISE]


@pytest.fixture
def session(qtbot: Any, tmp_path: Path) -> Iterator[Session]:
    """A session with the real DB thread and a real local store (no registry needed)."""
    tasks = TaskManager()
    session = Session(Settings(path=tmp_path / "settings.json"), tasks)
    session.username = OFFICER
    session.pushes = 0  # type: ignore[attr-defined]

    def pushed() -> None:
        session.pushes += 1  # type: ignore[attr-defined]

    session.outbox_changed = pushed  # type: ignore[method-assign]
    path = tmp_path / "cache.sqlite"
    tasks.open_store(lambda: LocalStore.open(path, None))
    qtbot.waitUntil(lambda: tasks.idle and tasks.has_store)
    yield session
    tasks.shutdown(wait=True)


def db(qtbot: Any, session: Session, fn: Any) -> Any:
    """Run `fn(store)` on the DB thread and wait for its answer."""
    box: list[Any] = []
    session.tasks.run_db(fn, box.append, box.append)
    qtbot.waitUntil(lambda: bool(box))
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


_SHOWN: list[Any] = []


@pytest.fixture(autouse=True)
def keep_shown() -> Iterator[None]:
    yield
    _SHOWN.clear()


def show(qtbot: Any, form: FormWidget) -> FormWidget:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    scroll.resize(1000, 800)
    qtbot.addWidget(scroll)
    _SHOWN.append(scroll)
    with qtbot.waitActive(scroll):
        scroll.show()
        scroll.activateWindow()
    return form


def fill_alert(form: FormWidget) -> None:
    for key, typed in (
        ("alert_type", "atgrie"),
        ("national_alert_id", "LV-SIS-000123"),
        ("entered_at", "14.03.2026"),
    ):
        editor = form.editor(key)
        editor.setFocus()
        type_text(editor, typed)
        QTest.keyClick(editor, Qt.Key.Key_Return)
    type_text(form.editor("notes"), "Ievadīts pēc lēmuma paziņošanas.")


def test_create_queues_all_content_and_shows_pending(qtbot: Any, session: Session) -> None:
    form = show(
        qtbot,
        FormWidget(load_form("sis_alert"), session, context={"person_id": PERSON_ID}),
    )
    fill_alert(form)
    with qtbot.waitSignal(form.saved, timeout=10_000) as saved:
        assert form.save() is True
    collection, view = saved.args
    assert collection == "sis-alerts"
    assert view["id"] == form.record_id and view["national_alert_id"] == "LV-SIS-000123"
    assert not form.is_new and not form.is_dirty()
    assert session.pushes == 1  # type: ignore[attr-defined]
    ops = db(qtbot, session, lambda store: store.outbox(OFFICER))
    (op,) = ops
    assert op.kind == "create" and op.collection == "sis-alerts"
    assert op.record_id == form.record_id
    assert op.fields == {
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
        "notes": "Ievadīts pēc lēmuma paziņošanas.",
        "person_id": PERSON_ID,
    }
    state = db(qtbot, session, lambda store: store.record_state("sis-alerts", form.record_id))
    assert state == "pending"
    local = db(qtbot, session, lambda store: store.get("sis-alerts", form.record_id))
    assert local is not None and local["entered_at"] == "2026-03-14"


def test_errors_queue_nothing_and_focus_the_first_problem(qtbot: Any, session: Session) -> None:
    form = show(
        qtbot,
        FormWidget(load_form("sis_alert"), session, context={"person_id": PERSON_ID}),
    )
    fill_alert(form)
    entered = form.editor("entered_at")
    entered.clear()
    type_text(entered, "31.02.2026")
    form.editor("notes").setFocus()
    assert form.save() is False
    assert QApplication.focusWidget() is entered
    assert form.message_label("entered_at").text() == "✖ Šāda datuma nav."
    assert form.raw_text("entered_at") == "31.02.2026"
    assert db(qtbot, session, lambda store: store.outbox(OFFICER)) == []
    # fixing the date clears the message once it is validated again
    entered.clear()
    type_text(entered, "14.03.2026")
    qtbot.waitUntil(lambda: not form.message_label("entered_at").isVisible())


def test_update_sends_only_the_changes_with_the_base_version(qtbot: Any, session: Session) -> None:
    record = {
        "id": ALERT_ID,
        "version": 3,
        "person_id": PERSON_ID,
        "case_id": None,
        "decision_id": None,
        "entry_ban_id": None,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
        "deleted_at": None,
        "deletion_reason": None,
        "notes": None,
        "deleted": False,
    }
    db(qtbot, session, lambda store: store.cache_records([("sis-alerts", dict(record))]))
    form = show(qtbot, FormWidget(load_form("sis_alert"), session, record=record))
    assert not form.is_new and not form.is_dirty()
    assert form.changed_fields() == {}
    status = form.editor("status")
    status.setFocus()
    QTest.keyClick(status, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)  # select all
    type_text(status, "dzēsts")
    QTest.keyClick(status, Qt.Key.Key_Return)
    type_text(form.editor("deleted_at"), "02.04.2026")
    type_text(form.editor("deletion_reason"), "Izceļošana apstiprināta")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        assert form.save() is True
    (op,) = db(qtbot, session, lambda store: store.outbox(OFFICER))
    assert op.kind == "update" and op.base_version == 3
    assert op.fields == {
        "status": "deleted",
        "deleted_at": "2026-04-02",
        "deletion_reason": "Izceļošana apstiprināta",
    }
    assert db(qtbot, session, lambda store: store.record_state("sis-alerts", ALERT_ID)) == "pending"


def test_save_guard_runs_first_and_proceed_goes_on(qtbot: Any, session: Session) -> None:
    form = show(
        qtbot,
        FormWidget(load_form("sis_alert"), session, context={"person_id": PERSON_ID}),
    )
    fill_alert(form)
    held: list[Any] = []
    form.add_save_guard(lambda values, proceed: held.append((values, proceed)))
    assert form.save() is True
    ((values, proceed),) = held
    assert values["national_alert_id"] == "LV-SIS-000123"
    assert db(qtbot, session, lambda store: store.outbox(OFFICER)) == []
    ran: list[str] = []

    def after(store: Any) -> None:
        ran.append(type(store).__name__)

    form._guards.clear()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        proceed()
    assert len(db(qtbot, session, lambda store: store.outbox(OFFICER))) == 1
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.set_values({"notes": "Papildināts."})
        assert form.save(after=after) is True
    assert ran == ["LocalStore"]
    ops = db(qtbot, session, lambda store: store.outbox(OFFICER))
    assert [op.kind for op in ops] == ["create", "update"]
    assert ops[1].fields == {"notes": "Papildināts."}


def test_person_created_by_keyboard_with_latvian_names(qtbot: Any, session: Session) -> None:
    form = show(qtbot, FormWidget(load_form("person"), session))
    for key, typed in (
        ("surname_latin", "BĒRZIŅŠ-OZOLIŅA"),
        ("given_names_latin", "JĀNIS"),
        ("sex", "vīr"),
        ("date_of_birth", "1990"),
    ):
        editor = form.editor(key)
        editor.setFocus()
        type_text(editor, typed)
        QTest.keyClick(editor, Qt.Key.Key_Return)
    table = form.editor("nationalities")
    table.add_button.setFocus()
    QTest.keyClick(table.add_button, Qt.Key.Key_Return)
    type_text(table.cell(0, "country"), "LVA")
    with qtbot.waitSignal(form.saved, timeout=10_000):
        assert form.save() is True
    (op,) = db(qtbot, session, lambda store: store.outbox(OFFICER))
    assert op.collection == "persons" and op.kind == "create"
    assert op.fields["surname_latin"] == "BĒRZIŅŠ-OZOLIŅA"
    assert op.fields["date_of_birth"] == "1990"
    assert op.fields["nationalities"] == [{"country": "LVA", "type": "citizen"}]
    hits = db(qtbot, session, lambda store: store.search("Bērziņš"))
    assert [h.person["id"] for h in hits] == [form.record_id]  # findable at once, offline


def test_locked_act_cannot_be_saved(qtbot: Any, session: Session) -> None:
    record = {
        "id": "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c15",
        "version": 1,
        "person_id": PERSON_ID,
        "ban_decision_date": "2026-03-01",
        "valid_from": "2026-03-02",
        "duration_years": 3,
        "territorial_scope": "LV_SCHENGEN",
        "decision_maker": "vrs_head",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "61"}],
        "signed_at": "2026-03-01T12:00:00+02:00",
    }
    form = show(qtbot, FormWidget(load_form("entry_ban"), session, record=record))
    assert form.locked and form.readonly
    assert form.save() is False
    assert db(qtbot, session, lambda store: store.outbox(OFFICER)) == []


def test_save_failure_keeps_everything(qtbot: Any, session: Session) -> None:
    form = show(
        qtbot,
        FormWidget(load_form("sis_alert"), session, context={"person_id": PERSON_ID}),
    )
    fill_alert(form)

    def broken(_store: Any) -> None:
        raise RuntimeError("disk full")

    with qtbot.waitSignal(form.save_failed, timeout=10_000):
        assert form.save(after=broken) is True
    assert form.status.isVisible() and form.status.text().startswith("✖ ")
    assert form.is_new and form.is_dirty()
    assert form.raw_text("national_alert_id") == "LV-SIS-000123"


def test_form_tab_saves_with_ctrl_s_and_closes(qtbot: Any, session: Session) -> None:
    from registry_desktop.formkit.form_tab import FormTab

    tab = FormTab(load_form("sis_alert"), session, context={"person_id": PERSON_ID})
    qtbot.addWidget(tab)
    _SHOWN.append(tab)
    with qtbot.waitActive(tab):
        tab.show()
        tab.activateWindow()
    fill_alert(tab.form_widget)
    with qtbot.waitSignals([tab.saved, tab.closed], timeout=10_000):
        QTest.keyClick(
            tab.form_widget.editor("notes"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
        )
    assert len(db(qtbot, session, lambda store: store.outbox(OFFICER))) == 1


def _zone(number: str = "XK1234567") -> str:
    from registry_core.identifiers.mrz import MrzFields, format_mrz

    return "\n".join(
        format_mrz(
            MrzFields(
                format="TD3",
                document_code="P",
                issuing_state="UTO",
                surname="OZOLINA",
                given_names="ILZE MARA",
                document_number=number,
                nationality="UTO",
                birth_date=date(1984, 9, 21),
                sex="F",
                expiry_date=date(2031, 4, 30),
            )  # fmt: skip
        )
    )


def test_scanned_passport_is_saved_with_the_new_person(qtbot: Any, session: Session) -> None:
    """A zone read on the person form fills the person and, on save, makes the document
    record too (after the person, depending on it), so the officer does not type the
    passport twice."""
    from registry_desktop.formkit.mrz_field import MrzField

    form = show(qtbot, FormWidget(load_form("person"), session))
    (field,) = form.findChildren(MrzField)
    field.set_text(_zone(), emit=True)
    assert form.values()["surname_latin"] == "OZOLINA"
    # Said under the zone, before the save.
    assert "XK1234567 tiks saglabāts kopā ar personu" in form.cells["mrz"].message.text()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        assert form.save() is True
    person_op, doc_op = db(qtbot, session, lambda store: store.outbox(OFFICER))
    assert person_op.collection == "persons" and person_op.record_id == form.record_id
    assert doc_op.collection == "documents" and doc_op.kind == "create"
    assert person_op.op_id in doc_op.depends_on
    assert {k: doc_op.fields[k] for k in ("doc_type", "series_and_number", "issuing_state",
                                          "valid_until", "person_id")} == {
        "doc_type": "P", "series_and_number": "XK1234567", "issuing_state": "UTO",
        "valid_until": "2031-04-30", "person_id": form.record_id,
    }  # fmt: skip
    hits = db(qtbot, session, lambda store: store.search("XK1234567"))
    assert [h.person["id"] for h in hits] == [form.record_id]  # found by its passport


def test_a_zone_with_a_failed_check_digit_saves_no_document_and_says_so(
    qtbot: Any, session: Session
) -> None:
    """A misread number must not become an unseen document record: the person is saved,
    the zone's field says before the save that its document will not be, and why."""
    from registry_desktop.formkit.mrz_field import MrzField

    good = _zone().split("\n")
    # One character of the number misread (its check digit no longer matches).
    bad = "\n".join([good[0], "XK1234568" + good[1][9:]])
    form = show(qtbot, FormWidget(load_form("person"), session))
    (field,) = form.findChildren(MrzField)
    field.set_text(bad, emit=True)
    assert form.values()["surname_latin"] == "OZOLINA"  # the person's fields are filled
    note = form.cells["mrz"].message.text()
    assert "netiks saglabāts" in note and "kontrolcipari nesakrīt" in note
    assert "Jauns dokuments" in note
    assert scanned_document(form, form.record_id) is None
    form.set_language("en")
    field.set_text(_zone(), emit=True)  # read again, correctly: now it will be saved
    assert "Document XK1234567 will be saved with the person" in form.cells["mrz"].message.text()
    field.set_text(bad, emit=True)
    assert "check digits do not match" in form.cells["mrz"].message.text()
    with qtbot.waitSignal(form.saved, timeout=10_000):
        assert form.save() is True
    (person_op,) = db(qtbot, session, lambda store: store.outbox(OFFICER))
    assert person_op.collection == "persons"


def test_a_person_typed_without_a_zone_saves_no_document(qtbot: Any, session: Session) -> None:
    form = show(qtbot, FormWidget(load_form("person"), session))
    form.set_values({"surname_latin": "KALNA", "sex": "F"})
    assert scanned_document(form, form.record_id) is None
