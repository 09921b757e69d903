"""The case view on the real desktop and the real embedded registry: the state strip, the
actions the state allows (and why the others are not), a lifecycle action done through
its form by keyboard and synced to the registry, and signed acts read-only with Amend and
Annul."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton
from shiboken6 import isValid

from registry_core.lifecycle import CaseEvent
from registry_desktop import case_commands as cc
from tests.desktop.conftest import OFFICER_PASSWORD, Registry, type_text, wait_idle
from tests.desktop.test_case_commands import (
    DECISION_TEXT,
    OFFICIAL,
    Api,
    ago,
    make_official,
    new_person,
    open_case,
    run,
)

# The completer popups of the type-ahead combos: noise of the offscreen platform.
OFFSCREEN_NOISE = pytest.mark.qt_log_ignore("This plugin does not support")


def haidari_case(desktop: Any) -> dict[str, Any]:
    api = desktop.session.api
    person = next(p for p in api.search("HAIDARI") if p["surname_latin"] == "HAIDARI")
    cases = api.dossier(person["id"])["related"]["cases"]
    assert len(cases) == 1
    return dict(cases[0])


def open_view(qtbot: Any, desktop: Any, case_id: str) -> Any:
    view = desktop.window.open_case(case_id)
    qtbot.waitUntil(lambda: view.state == "registry" and view.case is not None, timeout=20_000)
    return view


def registry_case(registry: Registry, case_id: str) -> dict[str, Any]:
    api = Api(registry.base_url, registry.officer, registry.officer_password)
    return api.get("cases", case_id)


@pytest.fixture
def desktop(officer_desktop: Any) -> Iterator[Any]:
    """The logged-in officer's desktop; no unsynced-ops question may block the window's
    closing when the test ends (pytest-qt closes the window before fixtures end)."""
    settle(officer_desktop)
    yield officer_desktop


def settle(desktop: Any) -> None:
    desktop.window.confirm_unsynced = lambda logout: True


@pytest.fixture(scope="module")
def official(registry: Registry) -> Api:
    make_official(registry)
    return Api(registry.base_url, OFFICIAL, OFFICER_PASSWORD)


def test_haidari_case_view_offers_what_the_state_allows(qtbot: Any, desktop: Any) -> None:
    case = haidari_case(desktop)
    assert case["status"] == "DETECTED"
    view = open_view(qtbot, desktop, case["id"])
    window = desktop.window
    assert window.tabs.currentWidget() is view
    assert window.tabs.tabText(window.tabs.currentIndex()) == f"Lieta {case['case_no']}"
    # The strip marks the current step in words, not only by colour.
    assert view.steps.current_index == 0
    assert "pašreizējais" in view.steps.labels[0].text()
    assert "Konstatēts" in view.steps.current.text()
    assert view.status_label.text() == "Statuss: Konstatēts"
    # Allowed actions are enabled and have buttons; serving is not, and says why.
    actions = view.command_actions
    assert actions[CaseEvent.RECORD_DETENTION].isEnabled()
    assert actions[CaseEvent.START_DECISION].isEnabled()
    serve = actions[CaseEvent.SERVE_DEPARTURE_ORDER]
    assert not serve.isEnabled()
    assert "nav atļauta" in serve.toolTip() and "Konstatēts" in serve.toolTip()
    assert not actions[CaseEvent.CONFIRM_EXIT].isEnabled()
    assert set(view.command_buttons) == {CaseEvent.RECORD_DETENTION, CaseEvent.START_DECISION}
    button = view.command_buttons[CaseEvent.RECORD_DETENTION]
    qtbot.waitUntil(button.isVisible, timeout=5000)
    assert "&" in button.text()  # a keyboard mnemonic
    assert view.actions_button.menu().actions()  # the full command list (Ctrl+K)
    # The acts and deadlines sections render; the case has no acts yet.
    titles = [w.text() for w in view.findChildren(QLabel)]
    assert "Akti" in titles and "Termiņi" in titles
    assert "Uzdevumi citai iestādei un no tās" in titles
    # English follows the language switch.
    window.act_en.trigger()
    qtbot.waitUntil(lambda: view.status_label.text() == "Status: Detected", timeout=5000)
    english = view.command_actions[CaseEvent.SERVE_DEPARTURE_ORDER]
    assert english.text() == "Serve departure order"
    assert "is not allowed" in english.toolTip()
    window.act_lv.trigger()
    qtbot.waitUntil(lambda: view.status_label.text() == "Statuss: Konstatēts", timeout=5000)
    # Acts outside the lifecycle: a VRS officer records SIS alerts, not entry bans.
    assert not view.new_act_buttons["entry-bans"].isVisibleTo(view)
    assert view.new_act_buttons["sis-alerts"].isVisibleTo(view)
    QTest.keyClick(view.new_act_buttons["sis-alerts"], Qt.Key.Key_Space)
    alert = desktop.window.tabs.currentWidget()
    assert alert.objectName() == "formTab_sis_alert"
    assert alert.form_widget.context == {"person_id": case["person_id"], "case_id": case["id"]}
    desktop.window.close_tab(desktop.window.tabs.currentIndex())
    assert desktop.window.tabs.currentWidget() is view
    wait_idle(qtbot, desktop)


@OFFSCREEN_NOISE
def test_record_detention_by_keyboard_syncs_to_the_registry(
    qtbot: Any, desktop: Any, registry: Registry
) -> None:
    officer = Api(registry.base_url, registry.officer, registry.officer_password)
    person = new_person(officer, "AIZTURETAIS")
    case = open_case(officer, person)
    view = open_view(qtbot, desktop, case["id"])
    window = desktop.window
    QTest.mouseClick(view.command_buttons[CaseEvent.RECORD_DETENTION], Qt.MouseButton.LeftButton)
    tab = window.tabs.currentWidget()
    assert tab.objectName() == "formTab_detention"
    form = tab.form_widget
    # Pre-filled from the case and the officer.
    assert form.context == {"case_id": case["id"], "person_id": person["id"]}
    assert form.values()["detaining_unit"] == "VRS-RIP"
    assert form.values()["detaining_official"] == "Jana Ozola"
    assert form.values()["detained_at"]
    # The officer types the rest (codes typed as text resolve in the type-ahead combos).
    type_text(form.editor("detention_reason").lineEdit(), "absconding_risk")
    type_text(form.editor("place_of_detention").lineEdit(), "HOLD-VRS-RIP")
    type_text(form.editor("journal_no"), "Ž-2026/17")
    detained_at = form.values()["detained_at"]
    # Ctrl+S (the offscreen platform has no active window to route the key through).
    assert tab.save_shortcut.key().toString() == "Ctrl+S"
    tab.save_shortcut.activated.emit()
    qtbot.waitUntil(lambda: not isValid(tab) or window.tabs.indexOf(tab) < 0, timeout=10_000)
    # The outbox: the detention's create, then the case action, in that order.
    store_ops = desktop.tasks.run_db(
        lambda store: store.outbox(desktop.session.username, include_applied=True)
    ).result(timeout=10)
    mine = [o for o in store_ops if o.record_id in (case["id"],) or o.collection == "detentions"]
    mine = [
        o for o in mine if o.collection != "detentions" or o.fields.get("case_id") == case["id"]
    ]
    assert [(o.collection, o.kind) for o in mine][-2:] == [
        ("detentions", "create"),
        ("cases", "action"),
    ]
    assert mine[-1].fields == {"action": "record_detention", "detained_at": detained_at}
    assert mine[-2].fields["journal_no"] == "Ž-2026/17"
    assert mine[-2].position < mine[-1].position
    # After the sync the registry's case is detained, and the view says so.
    qtbot.waitUntil(
        lambda: registry_case(registry, case["id"])["status"] == "DETAINED", timeout=30_000
    )
    view.load()
    qtbot.waitUntil(lambda: view.status_label.text() == "Statuss: Aizturēts", timeout=20_000)
    assert not view.command_actions[CaseEvent.RECORD_DETENTION].isEnabled()
    assert view.command_actions[CaseEvent.RELEASE_FROM_DETENTION].isEnabled()
    assert any("Aizturēšana" in w.text() for w in view.findChildren(QLabel, "actTitle"))
    deadlines = [w.text() for w in view.findChildren(QLabel, "caseDeadline")]
    assert any("Tiesas atļauja" in d and "atlikušas" in d for d in deadlines)
    wait_idle(qtbot, desktop)


def test_queued_action_is_not_offered_twice(qtbot: Any, desktop: Any,
                                            registry: Registry) -> None:  # fmt: skip
    officer = Api(registry.base_url, registry.officer, registry.officer_password)
    case = open_case(officer, new_person(officer, "GAIDOSAIS"))
    view = open_view(qtbot, desktop, case["id"])
    desktop.session.sync.pause()
    qtbot.waitUntil(lambda: desktop.session.sync_paused, timeout=10_000)
    try:
        view.run_command(CaseEvent.START_DECISION)
        tab = desktop.window.tabs.currentWidget()
        assert tab.objectName() == "formTab_decision"
        assert tab.form_widget.values()["decision_type"] == "departure_order"
        desktop.window.close_tab(desktop.window.tabs.currentIndex())
        # A parameter-only action: Ctrl+K list → postpone is not allowed here; use asylum.
        view.run_command(CaseEvent.ASYLUM_APPLICATION)
        dialog = view.param_dialog
        assert dialog is not None and dialog.editors["filed_on"].text()
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: bool(view.pending_actions), timeout=10_000)
        qtbot.waitUntil(lambda: "nav reģistrā" in view.pending_label.text(), timeout=10_000)
        assert "Izpilde atlikta" in view.pending_label.text()  # the expected status
        assert not view.command_actions[CaseEvent.ASYLUM_APPLICATION].isEnabled() or (
            view.context() is not None and view.context().status == "POSTPONED"
        )
        assert view.command_actions[CaseEvent.RESUME].isEnabled()
    finally:
        desktop.session.sync.resume()
    qtbot.waitUntil(
        lambda: registry_case(registry, case["id"])["status"] == "POSTPONED", timeout=30_000
    )
    wait_idle(qtbot, desktop)


def test_parameter_dialog_shows_the_lifecycle_refusal(qtbot: Any, desktop: Any,
                                                      official: Api) -> None:  # fmt: skip
    case = open_case(official, new_person(official, "ATLIEKAMAIS"))
    case = run(official, CaseEvent.START_DECISION, case, decision_type="removal_decision",
               vd_period_days=None, destination_country="UZB", **DECISION_TEXT)  # fmt: skip
    case = run(official, CaseEvent.TAKE_REMOVAL_DECISION, case)
    view = open_view(qtbot, desktop, case["id"])
    assert view.command_actions[CaseEvent.POSTPONE].isEnabled()
    view.run_command(CaseEvent.POSTPONE)
    dialog = view.param_dialog
    assert dialog is not None
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.messages["reason"].text() == "⚠ Obligāts lauks."
    type_text(dialog.editors["until"], "01.01.2020")
    type_text(dialog.editors["reason"], "Ārsta izziņa")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()  # the lifecycle refuses a date in the past, under its field
    assert "agrāks" in dialog.messages["until"].text()
    dialog.editors["until"].clear()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(view.pending_actions) or view.case.get("status") == "POSTPONED",
                    timeout=10_000)  # fmt: skip
    qtbot.waitUntil(
        lambda: official.get("cases", case["id"])["status"] == "POSTPONED", timeout=30_000
    )
    wait_idle(qtbot, desktop)


def test_served_decision_is_read_only_with_amend_and_annul(
    qtbot: Any, desktop: Any, official: Api
) -> None:
    case = open_case(official, new_person(official, "PAZINOTAIS"))
    case = run(official, CaseEvent.START_DECISION, case, destination_country="UZB",
               **DECISION_TEXT)  # fmt: skip
    case = run(official, CaseEvent.SERVE_DEPARTURE_ORDER, case, served_at=ago(minutes=20))
    assert case["status"] == "VD_ORDERED"
    decision = cc.current_decision(
        cc.case_acts(official.dossier(case["person_id"])["related"], case["id"])
    )
    assert decision is not None and decision["status"] == "served"
    view = open_view(qtbot, desktop, case["id"])
    assert view.steps.current_index == 2
    deadlines = [w.text() for w in view.findChildren(QLabel, "caseDeadline")]
    assert any("Brīvprātīgas izbraukšanas termiņš" in d for d in deadlines)
    row = view.act_rows[decision["id"]]
    title = row.findChild(QLabel, "actTitle").text()
    assert "🔒" in title and "paziņots" in title and "tikai lasāms" in title
    names = {b.objectName() for b in row.findChildren(QPushButton)}
    assert names == {"actButton_open", "actButton_amend"}  # no Edit; Annul needs a signatory
    QTest.mouseClick(row.findChild(QPushButton, "actButton_open"), Qt.MouseButton.LeftButton)
    act = desktop.window.tabs.currentWidget()
    assert act.objectName() == "actView" and act.key == f"act:decisions:{decision['id']}"
    assert act.amend_button.text() == "&Grozīt" and act.amend_button.isEnabled()
    assert act.annul_button.text() == "&Atcelt"
    assert not act.annul_button.isEnabled()  # a VRS officer cannot annul a signed decision
    assert act.output.objectName() == "output_decision"
    assert not act.findChildren(QPushButton, "saveButton")
    # Amend: a new draft decision that carries the old one's content and amends_id.
    QTest.mouseClick(act.amend_button, Qt.MouseButton.LeftButton)
    tab = desktop.window.tabs.currentWidget()
    assert tab.objectName() == "formTab_decision" and tab.form_widget.is_new
    values = tab.form_widget.values()
    assert values["facts"] == DECISION_TEXT["facts"]
    assert not tab.form_widget.readonly
    assert tab.plan.prefill["amends_id"] == decision["id"]
    desktop.window.close_tab(desktop.window.tabs.currentIndex())
    # The decision's own form (e.g. from the outbox) opens read-only.
    desktop.window.go_to_record("decisions", decision["id"], "facts")
    qtbot.waitUntil(
        lambda: (
            getattr(desktop.window.tabs.currentWidget(), "key", "")
            == f"form:decision:{decision['id']}"
        ),
        timeout=10_000,
    )
    locked = desktop.window.tabs.currentWidget()
    assert locked.form_widget.readonly and not locked.save_button.isVisible()
    wait_idle(qtbot, desktop)


def test_official_annuls_a_signed_act_from_its_view(
    qtbot: Any, make_desktop: Any, registry: Registry, official: Api
) -> None:
    from tests.desktop.conftest import login

    case = open_case(official, new_person(official, "ATCELTAIS"))
    case = run(official, CaseEvent.START_DECISION, case, decision_type="removal_decision",
               vd_period_days=None, destination_country="UZB", **DECISION_TEXT)  # fmt: skip
    case = run(official, CaseEvent.TAKE_REMOVAL_DECISION, case)
    decision = cc.current_decision(
        cc.case_acts(official.dossier(case["person_id"])["related"], case["id"])
    )
    assert decision is not None and decision["signed_at"]
    desktop = make_desktop([("riga", registry.base_url)])
    login(qtbot, desktop, OFFICIAL, OFFICER_PASSWORD)
    qtbot.waitUntil(lambda: desktop.session.active, timeout=30_000)
    qtbot.waitUntil(lambda: not desktop.session.refreshing, timeout=60_000)
    settle(desktop)
    annul_from_the_act_view(qtbot, desktop, case, decision, official)


def annul_from_the_act_view(
    qtbot: Any, desktop: Any, case: dict[str, Any], decision: dict[str, Any], official: Api
) -> None:
    view = open_view(qtbot, desktop, case["id"])
    assert view.steps.current_index == 2
    assert view.command_actions[CaseEvent.FILE_CHALLENGE].isEnabled()
    act = desktop.window.open_act("decisions", decision, view.case)
    assert act.annul_button.isEnabled()
    dialog = act.annul()
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.messages["reason"].isVisible()  # a reason is required
    type_text(dialog.editors["reason"], "Lēmums pieņemts kļūdaini")
    QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: official.get("decisions", decision["id"])["status"] == "annulled", timeout=30_000
    )
    wait_idle(qtbot, desktop)
