"""The conflict view on its own (values made in the test): base / mine / registry side by
side, legal fields marked, resolved by the keyboard. The engine-backed run of a real
conflict is in test_outbox_view.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from sync.outbox import Conflict, OpState, OutboxOp


@pytest.fixture
def latvian(qapp: Any) -> Iterator[None]:
    from registry_desktop.i18n import Translations

    translations = Translations()
    translations.install("lv")
    yield
    translations.uninstall()


def conflict_op() -> OutboxOp:
    conflict = Conflict(
        fields=("decision_type", "departure_deadline", "notes_lv"),
        base={"decision_type": "departure_order", "departure_deadline": "2026-12-01",
              "notes_lv": "Sākotnējā piezīme"},
        mine={"decision_type": "removal_decision", "departure_deadline": "2026-12-15",
              "notes_lv": "Mana piezīme — ģērbies siltāk"},
        registry={"decision_type": "departure_order", "departure_deadline": "2026-12-08",
                  "notes_lv": "Reģistra piezīme"},
        registry_version=4,
        legal_fields=("decision_type", "departure_deadline"),
    )  # fmt: skip
    return OutboxOp(
        op_id="op-conflict-1", position=3, officer="j.ozola", collection="decisions",
        record_id="5b0a3c1e-0000-4000-8000-000000000001", kind="update", base_version=3,
        fields=dict(conflict.mine), created_at=datetime(2026, 11, 28, 8, 0, tzinfo=UTC),
        depends_on=(), state=OpState.CONFLICT, attempts=1, last_error_code="conflict",
        last_error={"lv": "Konflikts ar reģistru", "en": "Conflict with the registry"},
        conflict=conflict,
    )  # fmt: skip


def test_model_passes_the_model_tester(qtbot: Any, qtmodeltester: Any) -> None:
    from registry_desktop.conflict_view import ConflictView

    view = ConflictView(conflict_op(), "lv")
    qtbot.addWidget(view)
    qtmodeltester.check(view.model, force_py=True)
    view.model.choose(0, "mine")
    view.model.choose_all("registry")
    qtmodeltester.check(view.model, force_py=True)


def test_sides_shown_and_legal_fields_marked(qtbot: Any, latvian: None) -> None:
    from registry_desktop.conflict_view import ConflictView

    view = ConflictView(conflict_op(), "lv")
    qtbot.addWidget(view)
    model = view.model
    assert model.rowCount() == 3
    texts = [[model.index(r, c).data() for c in range(5)] for r in range(3)]
    assert texts[0][0].startswith("§ decision_type")
    assert texts[1][0].startswith("§ departure_deadline")
    assert not texts[2][0].startswith("§")
    assert texts[1][1:4] == ["2026-12-01", "2026-12-15", "2026-12-08"]
    assert texts[2][2] == "Mana piezīme — ģērbies siltāk"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Mans"
    assert "juridisk" in texts[0][0]  # "legal" in Latvian
    assert "§" in view.heading.text()


def test_resolving_field_by_field_with_the_keyboard(qtbot: Any, latvian: None) -> None:
    from registry_desktop.conflict_view import ConflictView

    view = ConflictView(conflict_op(), "lv")
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    table = view.table
    # Enter before every field has a choice: nothing is sent, the view says what's missing.
    QTest.keyClick(table, Qt.Key.Key_Return)
    assert view.isVisible() and "decision_type" in view.message.text()
    QTest.keyClick(table, Qt.Key.Key_R)  # decision type: the registry's; moves on
    assert view.current_row() == 1
    QTest.keyClick(table, Qt.Key.Key_M)  # deadline: mine
    QTest.keyClick(table, Qt.Key.Key_Tab)  # wraps to the first field
    assert view.current_row() == 0
    QTest.keyClick(table, Qt.Key.Key_Down)  # arrows move too
    QTest.keyClick(table, Qt.Key.Key_Down)
    assert view.current_row() == 2
    assert not view.apply_button.isEnabled()
    QTest.keyClick(table, Qt.Key.Key_M)
    assert view.apply_button.isEnabled()
    assert view.model.index(2, 2).data().startswith("▶ ")  # the kept value is marked
    with qtbot.waitSignal(view.resolved, timeout=1000) as resolved:
        QTest.keyClick(table, Qt.Key.Key_Return)
    assert resolved.args == [
        "op-conflict-1",
        {"decision_type": "registry", "departure_deadline": "mine", "notes_lv": "mine"},
    ]
    assert not view.isVisible()


def test_shift_keys_choose_one_side_for_every_field(qtbot: Any, latvian: None) -> None:
    from registry_desktop.conflict_view import ConflictView

    view = ConflictView(conflict_op(), "lv")
    qtbot.addWidget(view)
    view.show()
    QTest.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(view.resolved, timeout=1000) as resolved:
        QTest.keyClick(view.table, Qt.Key.Key_Enter)
    assert resolved.args == ["op-conflict-1", "registry"]
    view2 = ConflictView(conflict_op(), "lv")
    qtbot.addWidget(view2)
    view2.show()
    QTest.keyClick(view2.table, Qt.Key.Key_M, Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(view2.resolved, timeout=1000) as resolved:
        view2.apply_button.click()
    assert resolved.args == ["op-conflict-1", "mine"]
