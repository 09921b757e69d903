"""Duplicate check before a new person is saved (issue 5, item 4).

Unit level: a real `Session` with its real `TaskManager` (DB thread, HTTP pool) over a
real `LocalStore` holding fictitious persons; the guard finds "ANNA KUZNETSOVA
1985-04-02 RUS" when "Anna Kuzņecova" is typed with the same date of birth, and not an
unrelated person; each of the three choices has the right effect on the outbox; Esc goes
back to the form with nothing saved. Registry level: the real embedded registry of
tests/desktop/conftest.py (SCENARIO_PERSONS) — candidates only the registry knows, and
end to end with the logged-in desktop (`officer_desktop`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from registry_desktop.formkit.duplicate_check import (
    IDENTITY_SOURCE,
    DuplicateCheckDialog,
    DuplicateGuard,
    duplicate_guard,
    typed_identity,
)
from sync.local_first import LocalWriter
from sync.store import LocalStore
from tests.desktop.conftest import Registry, wait_idle

OFFICER = "j.ozola"

ANNA = {
    "given_names_latin": "ANNA", "surname_latin": "KUZNETSOVA", "given_names_native": "Анна",
    "surname_native": "Кузнецова", "name_reproduction_lv": "Anna Kuzņecova", "sex": "F",
    "nationalities": [{"country": "RUS", "type": "citizen"}], "date_of_birth": "1985-04-02",
}  # fmt: skip
OLGA = {
    "given_names_latin": "OLGA", "surname_latin": "PETROVA", "sex": "F",
    "nationalities": [{"country": "UKR", "type": "citizen"}], "date_of_birth": "1990-05-05",
}  # fmt: skip
TYPED = {
    "given_names_latin": "Anna",
    "surname_latin": "Kuzņecova",
    "date_of_birth": "1985-04-02",
    "sex": "F",
    "nationalities": [{"country": "RUS", "type": "citizen"}],
}


class FormHost(QWidget):
    """Stands in for the form and its window: a typed field, and `open_person`."""

    def __init__(self) -> None:
        super().__init__()
        self.record_id = str(uuid.uuid4())
        layout = QVBoxLayout(self)
        self.surname = QLineEdit("Kuzņecova", self)
        layout.addWidget(self.surname)
        self.opened: list[tuple[str, Any]] = []

    def open_person(self, person_id: str, seed: Any = None) -> None:
        self.opened.append((person_id, seed))


@dataclass
class Env:
    qtbot: Any
    session: Any
    host: FormHost
    ids: dict[str, str] = field(default_factory=dict)
    proceeded: list[bool] = field(default_factory=list)

    def db(self, fn: Any, timeout: int = 20_000) -> Any:
        box: list[Any] = []
        self.session.tasks.run_db(fn, box.append, box.append)
        self.qtbot.waitUntil(lambda: bool(box), timeout=timeout)
        if isinstance(box[0], BaseException):
            raise box[0]
        return box[0]

    def ops(self) -> list[Any]:
        return list(self.db(lambda s: s.outbox(OFFICER)))

    def proceed(self) -> None:
        """What the renderer does when the guard lets the save go: queue the create."""
        self.proceeded.append(True)
        values = {**TYPED, "surname_latin": self.host.surname.text()}
        self.session.tasks.run_db(
            lambda store: LocalWriter(store, OFFICER).save("persons", self.host.record_id, values)
        )

    def run(self, guard: DuplicateGuard, values: dict[str, Any] | None = None) -> None:
        guard(dict(values or TYPED), self.proceed)
        self.qtbot.waitUntil(
            lambda: guard.dialog is not None or bool(self.proceeded), timeout=20_000
        )


@pytest.fixture
def env(qtbot: Any, tmp_path: Path, desktop_data_dir: Path) -> Iterator[Env]:
    from registry_desktop.config import Settings
    from registry_desktop.session import Session
    from registry_desktop.tasks import TaskManager

    tasks = TaskManager()
    settings = Settings(language="lv", device_id="t", path=desktop_data_dir / "settings.json")
    session = Session(settings, tasks)
    session.username = OFFICER
    session.active = True
    host = FormHost()
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    e = Env(qtbot, session, host)
    opened: list[Any] = []
    tasks.open_store(lambda: LocalStore.open(tmp_path / "cache.db", None), opened.append)
    qtbot.waitUntil(lambda: bool(opened), timeout=20_000)
    records = {"anna": dict(ANNA), "olga": dict(OLGA)}
    rows = []
    for label, data in records.items():
        e.ids[label] = str(uuid.uuid4())
        rows.append(("persons", {**data, "id": e.ids[label], "version": 3, "deleted": False}))
    e.db(lambda s: s.cache_records(rows))
    e.db(lambda s: s.set_meta("sync.pulled_at", "2026-11-30T08:00:00+00:00"))
    yield e
    tasks.shutdown()


def test_local_candidate_offline(env: Env) -> None:
    guard = duplicate_guard(env.session, env.host)
    env.run(guard)
    dialog = guard.dialog
    assert isinstance(dialog, DuplicateCheckDialog) and not env.proceeded
    assert dialog.objectName() == "duplicateCheck" and dialog.isVisible()
    assert [c.id for c in dialog.candidates()] == [env.ids["anna"]]  # Petrova not proposed
    score, name, dob, nationality, documents, source, reasons = dialog.row_texts(0)
    assert score.endswith(" %") and int(score[:-2]) >= 50
    assert name == "ANNA KUZNETSOVA (Анна Кузнецова)"
    assert dob == "02.04.1985"
    assert nationality == "Krievijas Federācija"
    assert source.startswith("◇ lokālā kopija")
    assert "tas pats dzimšanas datums" in reasons and "kopīga pilsonība" in reasons
    sources = dialog.sources.text()
    assert "Pārbaudīts: lokālā kopija (dati atjaunināti:" in sources
    assert "Reģistrs netika vaicāts — darbs bezsaistē" in sources
    assert dialog.detail.text().startswith("ANNA KUZNETSOVA (Анна Кузнецова) — atbilstība")
    assert "＋ tas pats dzimšanas datums" in dialog.detail.text()
    labels = [b.text() for b in (dialog.same_button, dialog.link_button, dialog.new_button)]
    assert labels == [
        "&Tā pati persona — atvērt",
        "Citas personas &identitāte — piesaistīt",
        "&Jauna persona",
    ]
    dialog.reject()


def test_new_person_proceeds(env: Env) -> None:
    guard = duplicate_guard(env.session, env.host)
    chosen: list[bool] = []
    guard.outcome.new_person.connect(lambda: chosen.append(True))
    env.run(guard)
    assert guard.dialog is not None
    QTest.mouseClick(guard.dialog.new_button, Qt.MouseButton.LeftButton)
    assert env.proceeded == [True] and chosen == [True] and guard.dialog is None
    env.qtbot.waitUntil(lambda: len(env.ops()) == 1, timeout=10_000)
    (op,) = env.ops()
    assert (op.collection, op.kind, op.record_id) == ("persons", "create", env.host.record_id)


def test_same_person_opens_it_and_saves_nothing(env: Env) -> None:
    guard = duplicate_guard(env.session, env.host)
    opened: list[tuple[str, Any]] = []
    guard.outcome.open_person.connect(lambda pid, person: opened.append((pid, person)))
    env.run(guard)
    assert guard.dialog is not None
    QTest.mouseClick(guard.dialog.same_button, Qt.MouseButton.LeftButton)
    env.qtbot.waitUntil(lambda: bool(env.host.opened), timeout=10_000)
    assert env.host.opened[0][0] == env.ids["anna"]  # form_widget.window().open_person
    assert opened[0][0] == env.ids["anna"] and opened[0][1]["surname_latin"] == "KUZNETSOVA"
    assert env.proceeded == [] and env.ops() == []
    assert env.host.surname.text() == "Kuzņecova"  # the form is left as it was


def test_other_identity_links_and_creates_nothing(env: Env) -> None:
    opened: list[str] = []
    guard = duplicate_guard(env.session, env.host, on_open=opened.append)
    linked: list[tuple[str, str]] = []
    guard.outcome.linked.connect(lambda pid, op: linked.append((pid, op)))
    env.run(guard)
    assert guard.dialog is not None
    QTest.mouseClick(guard.dialog.link_button, Qt.MouseButton.LeftButton)
    env.qtbot.waitUntil(lambda: bool(linked), timeout=10_000)
    assert opened == [env.ids["anna"]] and env.host.opened == []  # on_open wins
    assert env.proceeded == []
    (op,) = env.ops()
    assert (op.collection, op.kind, op.record_id) == ("persons", "update", env.ids["anna"])
    assert op.op_id == linked[0][1] and op.base_version == 3
    assert op.fields == {
        "other_identities": [
            {"surname": "Kuzņecova", "given_names": "Anna", "date_of_birth": "1985-04-02",
             "nationality": "RUS", "source": IDENTITY_SOURCE}
        ]
    }  # fmt: skip
    view = env.db(lambda s: s.get("persons", env.ids["anna"]))
    assert view["other_identities"][0]["source"] == "duplicate check"
    assert env.db(lambda s: s.record_state("persons", env.ids["anna"])) == "pending"


def test_escape_goes_back_to_the_form(env: Env) -> None:
    guard = duplicate_guard(env.session, env.host)
    cancelled: list[bool] = []
    guard.outcome.cancelled.connect(lambda: cancelled.append(True))
    env.run(guard)
    dialog = guard.dialog
    assert dialog is not None
    dialog.activateWindow()
    QTest.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert cancelled == [True] and guard.dialog is None and not dialog.isVisible()
    assert env.proceeded == [] and env.ops() == []
    assert env.host.surname.text() == "Kuzņecova"  # nothing typed is lost
    env.run(guard)  # and the officer can save again: the check runs again
    assert guard.dialog is not None
    guard.dialog.reject()


def test_keyboard_only(env: Env) -> None:
    rows = [("persons", {**ANNA, "id": str(uuid.uuid4()), "version": 1, "deleted": False,
                         "given_names_latin": "ANNA MARIA"})]  # fmt: skip
    env.db(lambda s: s.cache_records(rows))
    guard = duplicate_guard(env.session, env.host, on_open=lambda _pid: None)
    env.run(guard)
    dialog = guard.dialog
    assert dialog is not None and len(dialog.candidates()) == 2
    dialog.activateWindow()
    dialog.table.setFocus()
    assert dialog.table.currentRow() == 0
    QTest.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.table.currentRow() == 1
    second = dialog.current_candidate()
    assert second is not None
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)  # Enter picks nothing by itself
    assert guard.dialog is dialog and dialog.isVisible()
    assert dialog.focusWidget() is dialog.same_button  # the choices are next
    QTest.keyClick(dialog.same_button, Qt.Key.Key_Space)
    assert dialog.choice == "same" and dialog.chosen is second
    assert env.proceeded == []


def test_no_candidate_above_the_threshold_saves_at_once(env: Env) -> None:
    guard = duplicate_guard(env.session, env.host)
    env.run(guard, {**TYPED, "surname_latin": "Zariņa", "given_names_latin": "Lelde",
                    "date_of_birth": "2003-12-24", "nationalities": [{"country": "LVA"}]})  # fmt: skip
    assert env.proceeded == [True] and guard.dialog is None
    assert guard.report is not None and guard.report.consulted == ("local",)


def test_english(env: Env) -> None:
    env.session.translations.language = "en"
    guard = duplicate_guard(env.session, env.host)
    env.run(guard)
    dialog = guard.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Possible duplicates"
    assert dialog.row_texts(0)[5].startswith("◇ local cache")
    assert "same date of birth" in dialog.row_texts(0)[6]
    assert "The registry was not asked — working offline" in dialog.sources.text()
    assert dialog.same_button.text() == "&Same person — open it"
    assert dialog.link_button.text() == "Other &identity of — link"
    assert dialog.new_button.text() == "&New person"
    dialog.reject()


def test_typed_identity_keeps_what_validates() -> None:
    assert typed_identity({**TYPED, "date_of_birth": "02.04.85"}) == {
        "surname": "Kuzņecova", "given_names": "Anna", "nationality": "RUS",
        "source": "duplicate check",
    }  # fmt: skip
    with pytest.raises(ValueError):
        typed_identity({"given_names_latin": "Anna"})


# --------------------------------------------------------------------------- registry


def test_registry_only_candidate_linked(env: Env, registry: Registry) -> None:
    """Online, with an empty local cache: the registry's candidate; linking keeps the
    registry's copy in the cache and queues the update over its version."""
    from sync.api import ApiClient

    env.db(lambda s: s.cache_records([("persons", {**ANNA, "id": env.ids["anna"],
                                                   "version": 4, "deleted": True})]))  # fmt: skip
    api = ApiClient(registry.base_url, device_id="dup-test")
    api.login(registry.officer, registry.officer_password)
    env.session.api = api
    env.session.online = True
    try:
        guard = duplicate_guard(env.session, env.host, on_open=lambda _pid: None)
        env.run(guard)
        dialog = guard.dialog
        assert dialog is not None
        first = dialog.candidates()[0]
        assert first.sources == ("registry",) and first.person["surname_latin"] == "KUZNETSOVA"
        assert dialog.row_texts(0)[5] == "◆ reģistrs"
        assert "325547-19401" in dialog.row_texts(0)[4]  # the personal code
        assert "reģistrs (tiešsaistē)" in dialog.sources.text()
        linked: list[str] = []
        guard.outcome.linked.connect(lambda pid, _op: linked.append(pid))
        dialog.select(first.id)
        QTest.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
        env.qtbot.waitUntil(lambda: bool(linked), timeout=10_000)
        (op,) = env.ops()
        assert (op.kind, op.record_id) == ("update", first.id)
        assert op.base_version == first.person["version"]
        cached = env.db(lambda s: s.get("persons", first.id))
        assert cached["surname_latin"] == "KUZNETSOVA"
        assert cached["other_identities"][-1]["source"] == IDENTITY_SOURCE
    finally:
        api.close()


def test_registry_unreachable_falls_back_to_local(env: Env) -> None:
    from sync.api import ApiClient
    from tests.sync.conftest import free_port

    api = ApiClient(f"http://127.0.0.1:{free_port()}/api/v1", device_id="dup-test", timeout=2)
    api.token = "t"
    env.session.api = api
    env.session.online = True
    try:
        guard = duplicate_guard(env.session, env.host)
        env.run(guard)
        dialog = guard.dialog
        assert dialog is not None
        assert [c.id for c in dialog.candidates()] == [env.ids["anna"]]
        sources = dialog.sources.text()
        assert "Pārbaudīts: lokālā kopija" in sources
        assert "Reģistrs neatbildēja" in sources and "tikai no lokālās kopijas" in sources
        assert env.session.online is False  # the session learnt it is offline
        dialog.reject()
    finally:
        api.close()


@pytest.fixture
def desktop(officer_desktop: Any) -> Iterator[Any]:
    yield officer_desktop
    officer_desktop.session.end()  # no unsynced-ops question at closing


def test_end_to_end_same_person_opens_the_card(qtbot: Any, desktop: Any) -> None:
    from registry_desktop.person_card import PersonCard

    form = QWidget()
    desktop.window.tabs.addTab(form, "Jauna persona")
    guard = duplicate_guard(desktop.session, form)
    proceeded: list[bool] = []
    guard(dict(TYPED), lambda: proceeded.append(True))
    qtbot.waitUntil(lambda: guard.dialog is not None or bool(proceeded), timeout=30_000)
    dialog = guard.dialog
    assert dialog is not None and not proceeded
    first = dialog.candidates()[0]
    assert first.person["surname_latin"] == "KUZNETSOVA"
    assert first.source == "registry"  # the registry answered (and the cache, after login)
    assert "registry" in guard.report.consulted  # type: ignore[union-attr]
    QTest.mouseClick(dialog.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, PersonCard) and w.person_id == first.id
            for w in desktop.window.record_tabs()
        ),
        timeout=30_000,
    )
    wait_idle(qtbot, desktop)
    officer = desktop.session.username
    box: list[Any] = []
    desktop.tasks.run_db(lambda s: s.outbox(officer), box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    assert box[0] == [] and proceeded == []


def test_end_to_end_new_person_form_with_mrz(qtbot: Any, desktop: Any) -> None:
    """The real new-person form: the MRZ of a (fictitious) passport of the person already
    in the registry fills the form; Save runs the duplicate check; "same person" opens the
    registry's person, closes the form and queues nothing."""
    from datetime import date

    from PySide6.QtGui import QGuiApplication

    from registry_core.identifiers.mrz import build_td3
    from registry_desktop.formkit.mrz_field import MrzField
    from registry_desktop.person_card import PersonCard

    window = desktop.window
    window.new_person()
    tab = next(w for w in window.record_tabs() if getattr(w, "duplicate_guard", None))
    guard: DuplicateGuard = tab.duplicate_guard
    mrz = tab.form_widget.findChild(MrzField)
    assert mrz is not None
    line1, line2 = build_td3(
        surname="KUZNETSOVA", given_names="ANNA", document_number="7512345RU",
        issuing_state="RUS", nationality="RUS", birth_date=date(1985, 4, 2), sex="F",
        expiry_date=date(2031, 5, 1),
    )  # fmt: skip
    QGuiApplication.clipboard().setText(f"{line1}\n{line2}")
    mrz.edit.setFocus()
    mrz.edit.paste()
    values = tab.form_widget.values()
    assert values["surname_latin"] == "KUZNETSOVA" and values["date_of_birth"] == "1985-04-02"
    assert tab.form_widget.save()
    qtbot.waitUntil(lambda: guard.dialog is not None, timeout=30_000)
    dialog = guard.dialog
    assert dialog is not None
    first = dialog.candidates()[0]
    assert first.person["surname_latin"] == "KUZNETSOVA" and first.source == "registry"
    QTest.mouseClick(dialog.same_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, PersonCard) and w.person_id == first.id for w in window.record_tabs()
        ),
        timeout=30_000,
    )
    qtbot.waitUntil(lambda: tab not in window.record_tabs(), timeout=10_000)
    wait_idle(qtbot, desktop)
    officer = desktop.session.username
    box: list[Any] = []
    desktop.tasks.run_db(lambda s: s.outbox(officer), box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    assert box[0] == []


def test_other_identity_takes_the_scanned_passport_to_that_person(env: Env) -> None:
    """A zone read on the form goes with the identity: the chosen person gets the
    document, once (a second link with the same passport adds no copy)."""
    from registry_core.identifiers.mrz import MrzFields, format_mrz
    from registry_desktop.formkit.mrz_field import MrzField

    zone = MrzField(env.host, language="lv")
    zone.set_text("\n".join(format_mrz(MrzFields(
        format="TD3", document_code="P", issuing_state="RUS", surname="KUZNETSOVA",
        given_names="ANNA", document_number="751234567", nationality="RUS",
        birth_date=date(1985, 4, 2), sex="F", expiry_date=date(2030, 1, 31),
    ))))  # fmt: skip
    linked: list[str] = []
    for n in (1, 2):
        guard = duplicate_guard(env.session, env.host, on_open=lambda _pid: None)
        guard.outcome.linked.connect(lambda pid, _op: linked.append(pid))
        env.run(guard)
        assert guard.dialog is not None
        QTest.mouseClick(guard.dialog.link_button, Qt.MouseButton.LeftButton)
        env.qtbot.waitUntil(lambda n=n: len(linked) == n, timeout=10_000)
    docs = [op for op in env.ops() if op.collection == "documents"]
    assert len(docs) == 1 and docs[0].kind == "create"
    assert docs[0].fields["person_id"] == env.ids["anna"]
    assert docs[0].fields["series_and_number"] == "751234567"
