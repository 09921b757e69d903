"""Search by every kind of key, through the real search box, against the real registry
(merged with the local cache) — and offline from the cache alone."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest

from tests.desktop.conftest import type_text, wait_idle


def _search(qtbot: Any, desktop: Any, text: str, *, typed: bool = True) -> list[Any]:
    window = desktop.window
    QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # Ctrl+F
    view = window.search_view
    assert view.box.hasFocus() or view.box.isVisible()
    view.box.clear()
    if typed:
        type_text(view.box, text)
    QTest.keyClick(view.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.remote_done, timeout=20_000)
    return [view.model.hit(r) for r in range(view.model.rowCount())]


def _surnames(hits: list[Any]) -> set[str]:
    return {h.person["surname_latin"] for h in hits}


@pytest.mark.parametrize(
    ("query", "surname"),
    [
        ("Ļisenko", "LISENKO"),  # Latvian letters, typed as key events
        ("Čela", "CELA"),
        ("Кузнецова", "KUZNETSOVA"),  # Cyrillic original
        ("Царёв", "TSAREV"),
        ("P08888888", "HAIDARI"),  # document number
        ("325547-19401", "KUZNETSOVA"),  # Latvian personal code
        ("32554719401", "KUZNETSOVA"),
        ("04.1985", "KUZNETSOVA"),  # partial date of birth
        ("1985-04-02", "KUZNETSOVA"),  # full date of birth
    ],
)
def test_search_by_each_kind_of_key(
    qtbot: Any, officer_desktop: Any, query: str, surname: str
) -> None:
    hits = _search(qtbot, officer_desktop, query)
    assert surname in _surnames(hits), (query, officer_desktop.window.search_view.status.text())
    hit = next(h for h in hits if h.person["surname_latin"] == surname)
    assert hit.source in ("local", "registry")
    view = officer_desktop.window.search_view
    row = hits.index(hit)
    source_text = view.model.index(row, 0).data()
    assert source_text in ("◆ Reģistrs", "◇ Lokālā kešatmiņa")
    assert view.model.index(row, 7).data()  # how old
    wait_idle(qtbot, officer_desktop)


def test_pasted_mrz_finds_the_document_holder(qtbot: Any, officer_desktop: Any) -> None:
    mrz = (
        "P<AFGHAIDARI<<NAJIB<<<<<<<<<<<<<<<<<<<<<<<<<\nP088888889AFG9211030M2403144<<<<<<<<<<<<<<<8"
    )
    view = officer_desktop.window.search_view
    officer_desktop.window.focus_search()
    QGuiApplication.clipboard().setText(mrz)
    QTest.keyClick(view.box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "\n" not in view.box.text()
    QTest.keyClick(view.box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.remote_done, timeout=20_000)
    hits = [view.model.hit(r) for r in range(view.model.rowCount())]
    assert "HAIDARI" in _surnames(hits)
    assert "P08888888" in view.hint.text()
    wait_idle(qtbot, officer_desktop)


def test_registry_results_merge_and_offline_uses_the_cache(
    qtbot: Any, officer_desktop: Any
) -> None:
    online = _search(qtbot, officer_desktop, "Кузнецова")
    assert any(h.source == "registry" for h in online)
    officer_desktop.session.online = False  # the link drops
    offline = _search(qtbot, officer_desktop, "Кузнецова")
    assert "KUZNETSOVA" in _surnames(offline)
    assert {h.source for h in offline} == {"local"}
    assert "Bezsaistē" in officer_desktop.window.search_view.status.text()


def test_enter_on_a_result_opens_the_person_card(qtbot: Any, officer_desktop: Any) -> None:
    _search(qtbot, officer_desktop, "Кузнецова")
    view = officer_desktop.window.search_view
    QTest.keyClick(view.box, Qt.Key.Key_Down)
    assert view.table.hasFocus() or view.table.currentIndex().isValid()
    view.table.setCurrentIndex(view.model.index(0, 1))
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    card = officer_desktop.window.tabs.currentWidget()
    assert getattr(card, "person_id", None) == view.model.hit(0).person["id"]
    qtbot.waitUntil(lambda: card.state == "registry", timeout=20_000)
    wait_idle(qtbot, officer_desktop)


def test_search_model_passes_the_model_tester(
    qtbot: Any, officer_desktop: Any, qtmodeltester: Any
) -> None:
    _search(qtbot, officer_desktop, "1985")
    model = officer_desktop.window.search_view.model
    assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    wait_idle(qtbot, officer_desktop)
