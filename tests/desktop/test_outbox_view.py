"""The Outbox view: states and chains (unit, with ops made in the test), and end to end
with the real sync engine and the real embedded registry: a rejected change and the
change that depends on it, discarded after a confirmation (recorded in the registry);
a conflict resolved by the keyboard; logging out with unsynced ops (warned, kept for
that officer, never seen or sent by the next officer on the workstation)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from sync.outbox import Conflict, OpState, OutboxOp
from tests.desktop.conftest import type_text, wait_idle
from tests.desktop.test_print_flow import case_person, db, ops, pause


def make_op(op_id: str, position: int, state: OpState, *, depends: tuple[str, ...] = (),
            collection: str = "persons", error: dict[str, str] | None = None,
            error_fields: dict[str, str] | None = None, conflict: Conflict | None = None,
            attempts: int = 0) -> OutboxOp:  # fmt: skip
    return OutboxOp(
        op_id=op_id, position=position, officer="j.ozola", collection=collection,
        record_id=f"00000000-0000-4000-8000-00000000000{position}", kind="update",
        base_version=1, fields={"special_features": "Rēta"},
        created_at=datetime(2026, 11, 28, 9, position, tzinfo=UTC), depends_on=depends,
        state=state, attempts=attempts, last_error_code="x" if error else None,
        last_error=error, error_fields=error_fields or {}, conflict=conflict,
    )  # fmt: skip


def sample_ops() -> list[OutboxOp]:
    clash = Conflict(("surname_latin",), {"surname_latin": "OZOLS"}, {"surname_latin": "OZOLIŅŠ"},
                     {"surname_latin": "OZOLINS"}, 3, ())  # fmt: skip
    return [
        make_op(
            "a",
            1,
            OpState.REJECTED,
            error={"lv": "Nederīgs datums", "en": "Invalid date"},
            error_fields={"date_of_birth": "invalid"},
            attempts=1,
        ),  # fmt: skip
        make_op("b", 2, OpState.BLOCKED, depends=("a",), collection="cases"),
        make_op("c", 3, OpState.BLOCKED, depends=("b",), collection="decisions"),
        make_op("d", 4, OpState.PENDING),
        make_op("e", 5, OpState.SENDING, attempts=2),
        make_op("f", 6, OpState.CONFLICT, conflict=clash),
        make_op("g", 7, OpState.APPLIED),
    ]


class FakeSession(QObject):
    """Just what the view reads; no engine (unit test of the view)."""

    changed = Signal()
    started = Signal()

    def __init__(self, tasks: Any) -> None:
        super().__init__()
        self.tasks = tasks
        self.language = "lv"
        self.username = "j.ozola"
        self.active = False
        self.sync = None
        self.sync_paused = False


@pytest.fixture
def latvian(qapp: Any) -> Iterator[None]:
    from registry_desktop.i18n import Translations

    translations = Translations()
    translations.install("lv")
    yield
    translations.uninstall()


def test_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    from registry_desktop.outbox_view import OutboxModel

    model = OutboxModel()
    qtmodeltester.check(model, force_py=True)
    model.set_ops(sample_ops())
    qtmodeltester.check(model, force_py=True)


def test_states_marks_errors_and_chains(qtbot: Any, latvian: None) -> None:
    from registry_desktop.outbox_view import OutboxModel
    from registry_desktop.tasks import TaskManager

    tasks = TaskManager()
    try:
        from registry_desktop.outbox_view import OutboxView

        view = OutboxView(FakeSession(tasks))  # type: ignore[arg-type]
        qtbot.addWidget(view)
        view.set_ops(sample_ops())
        model: OutboxModel = view.model
        roots = [model.index(r, 0).data(model.OpRole) for r in range(model.rowCount())]
        assert roots == ["a", "d", "e", "f", "g"]  # b and c hang below a: a chain
        a = model.index_of("a")
        b = model.index(0, 0, a)
        c = model.index(0, 0, b)
        assert b.data(model.OpRole) == "b" and c.data(model.OpRole) == "c"
        assert model.parent(c) == b and model.parent(b).data(model.OpRole) == "a"
        texts = {model.index_of(o).data(model.OpRole): model.index_of(o).data()
                 for o in "abcdefg"}  # fmt: skip
        assert texts == {"a": "✖ noraidīts", "b": "⛔ bloķēts", "c": "⛔ bloķēts",
                         "d": "◷ gaida", "e": "⇡ sūta", "f": "⚠ konflikts",
                         "g": "✓ pieņemts"}  # fmt: skip
        assert model.index_of("a", 2).data() == "date_of_birth"  # the field concerned
        assert model.index_of("a", 3).data() == "1"
        assert model.index_of("a", 4).data() == "Nederīgs datums"  # the officer's language
        assert model.index_of("f", 2).data() == "surname_latin"
        assert model.index_of("b", 1).data().startswith("cases ")
        assert [o.op_id for o in model.dependants("a")] == ["b", "c"]
        assert view.status.text() == "Izsūtnē 7 izmaiņas, 4 prasa jūsu uzmanību."
        # Go to field, from the keyboard.
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        view.select("a")
        with qtbot.waitSignal(view.go_to_field, timeout=1000) as went:
            QTest.keyClick(view.tree, Qt.Key.Key_Return)  # Enter on a rejected op
        assert went.args == ["persons", "00000000-0000-4000-8000-000000000001", "date_of_birth"]
    finally:
        tasks.shutdown()


@pytest.fixture
def desktop_e2e(officer_desktop: Any, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The logged-in desktop; its session ends after the test. pytest-qt closes the
    window before fixtures end, so the quit warning (tested in test_app_logout) is
    answered "go on" here: a failed test must not leave a modal box waiting forever."""
    monkeypatch.setattr(officer_desktop.window, "confirm_unsynced", lambda logout: True)
    yield officer_desktop
    officer_desktop.session.end()


# ------------------------------------------------------------------ with the engine
def _save(qtbot: Any, desktop: Any, collection: str, rid: str, fields: dict[str, Any]) -> str:
    officer = desktop.session.username

    def save(store: Any) -> str:
        from sync.local_first import LocalWriter

        return LocalWriter(store, officer).save(collection, rid, fields, kind="update").op_id

    op_id = db(qtbot, desktop, save)
    assert op_id
    return op_id


def _activate(qtbot: Any, window: Any) -> None:
    """Keyboard shortcuts reach only the active window (the login dialog was last)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _state(qtbot: Any, desktop: Any, op_id: str) -> str:
    found = [o.state.value for o in ops(qtbot, desktop) if o.op_id == op_id]
    return found[0] if found else "gone"


def test_rejected_chain_shown_and_discarded_after_confirmation(
    qtbot: Any, desktop_e2e: Any
) -> None:
    desktop = desktop_e2e
    window = desktop.window
    _case_id, person_id = case_person(qtbot, desktop)
    engine = pause(qtbot, desktop)
    bad = _save(qtbot, desktop, "persons", person_id, {"date_of_birth": "31.02.1990"})
    follow = _save(qtbot, desktop, "persons", person_id, {"special_features": "Tetovējums"})
    engine.resume()
    qtbot.waitUntil(lambda: _state(qtbot, desktop, bad) == "rejected", timeout=60_000)
    qtbot.waitUntil(lambda: _state(qtbot, desktop, follow) == "blocked", timeout=60_000)

    window.show_page("outbox")
    view = window.view("outbox")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.index_of(bad).isValid(), timeout=10_000)
    model = view.model
    assert model.index_of(bad).data() == "✖ noraidīts"
    assert model.parent(model.index_of(follow)) == model.index_of(bad)  # the chain
    assert model.index_of(bad, 4).data()  # the registry's reason
    qtbot.waitUntil(lambda: "noraidīti" in window.status_outbox.text()
                    and "⚠" in window.status_outbox.text(), timeout=10_000)  # fmt: skip

    # Discard: Delete asks first and names what is lost.
    _activate(qtbot, window)
    view.select(bad)
    QTest.keyClick(view.tree, Qt.Key.Key_Delete)
    dialog = view.discard_dialog
    assert dialog is not None and dialog.isVisible()
    assert "31.02.1990" not in dialog.text.text() and "date_of_birth" in dialog.text.text()
    assert "1 no tās atkarīgās" in dialog.text.text()
    type_text(dialog.reason, "Kļūdains datums, ievadīšu no jauna")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(qtbot, desktop, bad) == "gone", timeout=30_000)
    # The discard is recorded in the registry (a discarded-ops record, sent and applied).
    qtbot.waitUntil(
        lambda: [o.state.value for o in ops(qtbot, desktop, "discarded-ops")] == ["applied"],
        timeout=60_000,
    )
    [audit] = ops(qtbot, desktop, "discarded-ops")
    assert audit.fields["op_id"] == bad
    assert "Kļūdains datums" in str(audit.fields)
    # Its dependant goes on (the discarded op did not create the record).
    qtbot.waitUntil(lambda: _state(qtbot, desktop, follow) == "applied", timeout=60_000)
    qtbot.waitUntil(lambda: desktop.session.unsynced == 0, timeout=20_000)
    wait_idle(qtbot, desktop)


def test_conflict_resolved_by_keyboard(qtbot: Any, desktop_e2e: Any) -> None:
    desktop = desktop_e2e
    window = desktop.window
    _case_id, person_id = case_person(qtbot, desktop)
    engine = pause(qtbot, desktop)
    mine = _save(qtbot, desktop, "persons", person_id, {"special_features": "Mana versija"})
    # Meanwhile someone changes the same field in the registry.
    api = desktop.session.api
    current = api.get("persons", person_id)
    answer = api.push("other-workstation", [{
        "op_id": "22222222-2222-4222-8222-222222222222", "collection": "persons",
        "id": person_id, "kind": "update", "base_version": current["version"],
        "fields": {"special_features": "Reģistra versija"},
    }])  # fmt: skip
    assert answer[0]["status"] == "applied", answer
    engine.resume()
    qtbot.waitUntil(lambda: _state(qtbot, desktop, mine) == "conflict", timeout=60_000)
    qtbot.waitUntil(lambda: "1 konflikti" in window.status_outbox.text(), timeout=20_000)

    window.show_page("outbox")
    view = window.view("outbox")
    view.refresh()
    qtbot.waitUntil(lambda: view.model.index_of(mine).isValid(), timeout=10_000)
    _activate(qtbot, window)
    view.select(mine)
    with qtbot.waitSignal(view.conflict_opened, timeout=5000) as opened:
        QTest.keyClick(view.tree, Qt.Key.Key_Return)
    conflict = opened.args[0]
    row = conflict.model.fields.index("special_features")
    assert conflict.model.index(row, 2).data() == "Mana versija"
    assert conflict.model.index(row, 3).data() == "Reģistra versija"
    conflict.table.setCurrentIndex(conflict.model.index(row, 0))
    QTest.keyClick(conflict.table, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClick(conflict.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _state(qtbot, desktop, mine) == "gone", timeout=30_000)
    qtbot.waitUntil(lambda: desktop.session.unsynced == 0 and desktop.session.conflicts == 0,
                    timeout=60_000)  # fmt: skip
    assert api.get("persons", person_id)["special_features"] == "Reģistra versija"
    wait_idle(qtbot, desktop)


# ------------------------------------------------------------------ logout
def _answer_unsynced_warning(button: QMessageBox.StandardButton) -> list[str]:
    """Answer the unsynced-ops box (a modal exec()) as soon as it shows; its text goes
    into the returned list."""
    seen: list[str] = []
    tries = [0]

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "unsyncedWarning":
            seen.append(box.text())
            box.button(button).click()
        elif tries[0] < 500:
            tries[0] += 1
            QTimer.singleShot(20, answer)

    QTimer.singleShot(0, answer)
    return seen


def _log_in_again(qtbot: Any, desktop: Any, previous: Any, username: str, password: str) -> None:
    """Type the credentials into the login dialog the logout opened."""
    qtbot.waitUntil(
        lambda: desktop.login_dialog is not previous and desktop.login_dialog.isVisible(),
        timeout=10_000,
    )
    dialog = desktop.login_dialog
    dialog.username.clear()
    type_text(dialog.username, username)
    dialog.password.clear()
    type_text(dialog.password, password)
    QTest.mouseClick(dialog.login_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: desktop.session.active and desktop.session.username == username, timeout=30_000
    )
    qtbot.waitUntil(lambda: desktop.session.sync.available, timeout=10_000)


def test_logout_warns_and_keeps_the_ops_for_that_officer_only(
    qtbot: Any, officer_desktop: Any, registry: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    try:
        _logout_scenario(qtbot, officer_desktop, registry)
    finally:
        # pytest-qt closes the window before fixtures end: a failure must not leave the
        # real warning waiting on a modal box.
        monkeypatch.setattr(officer_desktop.window, "confirm_unsynced", lambda logout: True)
        officer_desktop.session.end()


def _logout_scenario(qtbot: Any, desktop: Any, registry: Any) -> None:
    from tests.desktop.conftest import SCENARIO_AUTHOR

    window = desktop.window
    session = desktop.session
    _case_id, person_id = case_person(qtbot, desktop)
    engine = pause(qtbot, desktop)
    value = f"Gaida izsūtnē {uuid.uuid4().hex[:6]}"
    op_id = _save(qtbot, desktop, "persons", person_id, {"special_features": value})
    session.sync.refresh_status()
    qtbot.waitUntil(lambda: session.unsynced == 1, timeout=10_000)
    # The warning's Cancel keeps the officer logged in.
    seen = _answer_unsynced_warning(QMessageBox.StandardButton.Cancel)
    window.act_logout.trigger()
    assert seen and "1" in seen[0] and "Jana Ozola" in seen[0]
    assert session.active and session.username == registry.officer
    # Yes: logged out; the engine stops by itself (the GUI does not wait for it); the
    # login dialog asks for the next officer.
    dialog = desktop.login_dialog
    seen = _answer_unsynced_warning(QMessageBox.StandardButton.Yes)
    window.act_logout.trigger()
    assert seen and not session.active and session.unsynced == 0
    assert engine.stopping
    qtbot.waitUntil(lambda: engine.join(0), timeout=30_000)

    # Another officer on the same workstation: neither sees nor pushes the op.
    _log_in_again(qtbot, desktop, dialog, SCENARIO_AUTHOR, registry.officer_password)
    other = session.sync.engine
    assert other is not engine and other.officer == SCENARIO_AUTHOR
    qtbot.waitUntil(lambda: other.status().last_success_at is not None, timeout=60_000)
    assert ops(qtbot, desktop) == []
    assert db(qtbot, desktop, lambda s: s.outbox(registry.officer, include_applied=True)) == []
    window.show_page("outbox")
    outbox = window.view("outbox")
    outbox.refresh()
    qtbot.waitUntil(lambda: outbox._count == 0, timeout=10_000)
    assert session.unsynced == 0
    assert session.api.get("persons", person_id).get("special_features") != value

    # The first officer comes back: the op was kept and goes out now.
    dialog = desktop.login_dialog
    window.act_logout.trigger()  # nothing unsynced: no warning
    assert not session.active
    qtbot.waitUntil(lambda: other.join(0), timeout=30_000)
    _log_in_again(qtbot, desktop, dialog, registry.officer, registry.officer_password)
    qtbot.waitUntil(lambda: _state(qtbot, desktop, op_id) == "applied", timeout=60_000)
    assert session.api.get("persons", person_id)["special_features"] == value
    qtbot.waitUntil(lambda: session.unsynced == 0, timeout=20_000)
    wait_idle(qtbot, desktop)
