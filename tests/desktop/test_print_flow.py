"""Printing from the desktop, end to end: Ctrl+P → document chooser → preview → the print's
audit record (`print-jobs`) saved local first and sent by the real sync engine to the
real embedded registry; batch printing from My work; the status bar and the quit warning
following the engine."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.desktop.conftest import wait_idle


@pytest.fixture
def desktop_e2e(officer_desktop: Any) -> Iterator[Any]:
    """The logged-in desktop; its session ends after the test, so a failed test leaves no
    unsynced-ops warning to block the window's closing."""
    yield officer_desktop
    officer_desktop.session.end()


def db(qtbot: Any, desktop: Any, fn: Any, timeout: int = 20_000) -> Any:
    """Run fn(store) on the DB worker and wait for its result."""
    box: list[Any] = []
    desktop.tasks.run_db(fn, box.append, lambda exc: box.append(exc))
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]


def ops(qtbot: Any, desktop: Any, collection: str | None = None) -> list[Any]:
    officer = desktop.session.username
    found = db(qtbot, desktop, lambda s: s.outbox(officer, include_applied=True))
    return [op for op in found if collection is None or op.collection == collection]


def pause(qtbot: Any, desktop: Any) -> Any:
    engine = desktop.session.sync.engine
    assert engine is not None, "the sync engine runs after the login"
    engine.pause()
    qtbot.waitUntil(lambda: not engine.status().running, timeout=30_000)
    qtbot.waitUntil(lambda: desktop.session.sync_paused, timeout=10_000)
    return engine


def case_person(qtbot: Any, desktop: Any) -> tuple[str, str]:
    def find(store: Any) -> tuple[str, str]:
        from registry_desktop.my_work import _records

        for case in _records(store, "cases"):
            if case.get("person_id"):
                return str(case["id"]), str(case["person_id"])
        raise AssertionError("no case in the cache")

    return db(qtbot, desktop, find)


def open_card(qtbot: Any, desktop: Any, person_id: str) -> Any:
    card = desktop.window.open_person(person_id)
    qtbot.waitUntil(lambda: card.dossier is not None and card.state == "registry", timeout=30_000)
    return card


def print_case_sheet(qtbot: Any, desktop: Any, case_id: str) -> Any:
    """Ctrl+P on the open card, choose the case's sheet by the keyboard; the preview."""
    flow = desktop.window.print_flow
    with qtbot.waitSignal(flow.chooser_opened, timeout=5000) as opened:
        desktop.window.act_print.trigger()
    chooser = opened.args[0]
    rows = [
        r for r in range(chooser.list.count())
        if chooser.list.item(r).data(Qt.ItemDataRole.UserRole).record_id == case_id
    ]  # fmt: skip
    assert rows, "the case sheet is offered"
    assert chooser.list.item(rows[0]).text().startswith("Lietas lapa")
    chooser.list.setCurrentRow(rows[0])
    with qtbot.waitSignal(flow.preview_opened, timeout=20_000) as shown:
        QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    preview = shown.args[0]
    qtbot.waitUntil(lambda: preview.page_count > 0, timeout=30_000)
    return preview


def test_print_through_the_preview_queues_the_audit_and_the_engine_sends_it(
    qtbot: Any, desktop_e2e: Any, tmp_path: Path
) -> None:
    desktop = desktop_e2e
    window = desktop.window
    assert desktop.session.sync.available
    case_id, person_id = case_person(qtbot, desktop)
    open_card(qtbot, desktop, person_id)
    engine = pause(qtbot, desktop)  # offline-like: the audit must wait in the outbox

    preview = print_case_sheet(qtbot, desktop, case_id)
    ctx = preview.job.ctx
    assert ctx.printed_by == "Jana Ozola" and not ctx.training and not ctx.provisional
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000) as recorded:
        preview.save_pdf(tmp_path / "sheet.pdf")
    op_id = recorded.args[0]
    [op] = [o for o in ops(qtbot, desktop, "print-jobs") if o.op_id == op_id]
    assert op.state.value == "pending" and op.kind == "create"
    assert op.fields["kind"] == "case_sheet" and op.fields["action"] == "save_pdf"
    assert op.fields["records"] == [
        {"collection": "cases", "id": case_id, "version": preview.job.records[0].version}
    ]
    assert op.fields["pages"] == preview.page_count and op.fields["provisional"] is False
    preview.close()
    # The status bar counts follow the engine.
    desktop.session.sync.refresh_status()
    qtbot.waitUntil(lambda: "1 gaida" in window.status_outbox.text(), timeout=10_000)
    assert "apturēta" in window.status_outbox.text()  # "sync paused"

    engine.resume()
    qtbot.waitUntil(
        lambda: (
            [o.state.value for o in ops(qtbot, desktop, "print-jobs") if o.op_id == op_id]
            == ["applied"]
        ),
        timeout=60_000,
    )
    qtbot.waitUntil(lambda: "0 gaida" in window.status_outbox.text(), timeout=20_000)
    assert "Pēdējā sinhronizācija" in window.status_sync.text()
    wait_idle(qtbot, desktop)


def test_a_record_waiting_in_the_outbox_prints_provisional(qtbot: Any, desktop_e2e: Any) -> None:
    desktop = desktop_e2e
    case_id, person_id = case_person(qtbot, desktop)
    pause(qtbot, desktop)
    officer = desktop.session.username

    def edit(store: Any) -> str:
        from sync.local_first import LocalWriter

        result = LocalWriter(store, officer).save(
            "persons", person_id, {"special_features": "Rēta uz kreisās plaukstas"},
            kind="update",
        )  # fmt: skip
        return result.op_id

    assert db(qtbot, desktop, edit)
    open_card(qtbot, desktop, person_id)
    preview = print_case_sheet(qtbot, desktop, case_id)
    assert preview.job.ctx.provisional
    with qtbot.waitSignal(desktop.window.print_flow.recorded, timeout=20_000):
        preview._audit("print")
    printed = ops(qtbot, desktop, "print-jobs")
    assert printed and printed[-1].fields["provisional"] is True
    preview.close()
    # Quitting with unsynced ops warns, names the count, and keeps them.
    desktop.session.sync.refresh_status()
    qtbot.waitUntil(lambda: desktop.session.unsynced == 2, timeout=10_000)
    seen: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "unsyncedWarning"
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.Cancel))
    desktop.window.close()
    assert desktop.window.isVisible()
    assert seen and seen[0].startswith("2 izmaiņas") and "Jana Ozola" in seen[0]
    QTimer.singleShot(50, lambda: answer(QMessageBox.StandardButton.Yes))
    desktop.window.close()
    assert not desktop.window.isVisible() and len(seen) == 2
    assert len([o for o in ops(qtbot, desktop) if o.state.value == "pending"]) == 2
    desktop.session.end()  # the ops stay in this officer's store for the next login
    wait_idle(qtbot, desktop)


def test_batch_of_case_sheets_from_my_work(qtbot: Any, desktop_e2e: Any) -> None:
    desktop = desktop_e2e
    window = desktop.window
    window.show_page("mywork")
    view = window.view("mywork")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0, timeout=20_000)
    wanted = view.case_ids()
    assert wanted
    with qtbot.waitSignal(window.print_flow.preview_opened, timeout=60_000) as shown:
        view.print_button.click()
    preview = shown.args[0]
    assert preview.job.kind.value == "case_sheet_batch"
    assert [r.id for r in preview.job.records] == wanted
    qtbot.waitUntil(lambda: preview.page_count >= len(wanted), timeout=120_000)
    with qtbot.waitSignal(window.print_flow.recorded, timeout=20_000) as recorded:
        preview._audit("print")
    [op] = [o for o in ops(qtbot, desktop, "print-jobs") if o.op_id == recorded.args[0]]
    assert op.fields["kind"] == "case_sheet_batch"
    assert [r["id"] for r in op.fields["records"]] == wanted
    preview.close()
    # The engine sends the audit record; nothing is left to warn about.
    desktop.session.sync.sync_now()
    qtbot.waitUntil(lambda: desktop.session.unsynced == 0 and not desktop.session.sync_paused
                    and ops(qtbot, desktop, "print-jobs")[-1].state.value == "applied",
                    timeout=60_000)  # fmt: skip
    wait_idle(qtbot, desktop)
