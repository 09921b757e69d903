"""Duplicate check before a new person is saved (issue 5, item 4; domain.md §8.4).

The renderer's save guard for the person form::

    guard = duplicate_guard(session, form_widget)          # a DuplicateGuard
    guard(form_widget.values(), proceed)                    # proceed() = really save

The guard looks for candidates off the GUI thread — the local cache on the DB thread
(`sync.matching_client.local_candidates`, scored by `registry_core.matching.score_pair`),
then, when online, the registry's `POST /persons/match` on the HTTP pool (offline or
failing → local only) — and then:

- no candidate at or above `THRESHOLD` (0.5) → `proceed()`;
- else `DuplicateCheckDialog`: the candidates (name, date of birth, nationality,
  documents, score as %, the reasons in the UI language, source and age), with three
  choices:

  * **Tā pati persona — atvērt / Same person — open it**: nothing is saved; the chosen
    person is opened (`on_open(person_id)` if given, else `form_widget.window()
    .open_person(person_id, person)` if the window has it); `outcome.open_person` fires;
  * **Citas personas identitāte — piesaistīt / Other identity of — link**: no new
    person; an update of the chosen person is queued through `LocalWriter` (DB thread)
    appending the typed identity (surname, given names, date of birth, nationality,
    source "duplicate check") to its `other_identities`; then that person is opened;
    `outcome.linked(person_id, op_id)` fires;
  * **Jauna persona / New person** → `proceed()`; `outcome.new_person` fires.

  Esc (or "Back to the form") closes the dialog and changes nothing: the form keeps
  every character typed; `outcome.cancelled` fires.

The form is never touched by the guard, whatever the outcome: closing its tab after
"same person" or "other identity" is the form tab's decision (connect to `outcome`).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from registry_core.messages import register, text
from registry_core.records.person import OtherIdentity
from registry_desktop.formkit.renderer import scanned_document
from registry_desktop.widgets import format_age, format_date
from sync.matching_client import (
    MIN_SCORE,
    THRESHOLD,
    Candidate,
    MatchReport,
    Source,
    cache_age,
    documents_of,
    local_candidates,
    match_body,
    merge_candidates,
    query_documents,
    registry_candidates,
    with_documents,
)

__all__ = [
    "IDENTITY_SOURCE",
    "DuplicateCheckDialog",
    "DuplicateGuard",
    "DuplicateOutcome",
    "duplicate_guard",
    "typed_identity",
]

IDENTITY_SOURCE = "duplicate check"

register(
    {
        "dupcheck.title": ("Iespējamie dublikāti", "Possible duplicates"),
        "dupcheck.intro": (
            "Šī persona, iespējams, jau ir reģistrā. Salīdziniet kandidātus un izvēlieties, "
            "kā rīkoties. Nekas netiek saglabāts, kamēr neizvēlaties.",
            "This person may already be in the registry. Compare the candidates and choose "
            "what to do. Nothing is saved until you choose.",
        ),
        "dupcheck.typed": ("Ievadīts: {person}", "Entered: {person}"),
        "dupcheck.col.score": ("Atbilstība", "Match"),
        "dupcheck.col.name": ("Vārds, uzvārds", "Name"),
        "dupcheck.col.dob": ("Dzimšanas datums", "Date of birth"),
        "dupcheck.col.nationality": ("Pilsonība", "Nationality"),
        "dupcheck.col.documents": ("Dokumenti", "Documents"),
        "dupcheck.col.source": ("Avots", "Source"),
        "dupcheck.col.reasons": ("Pamatojums", "Reasons"),
        "dupcheck.candidates": ("Kandidāti", "Candidates"),
        "dupcheck.source.registry": ("◆ reģistrs", "◆ registry"),
        "dupcheck.source.both": ("◆ reģistrs un lokālā kopija", "◆ registry and local cache"),
        "dupcheck.source.local": ("◇ lokālā kopija ({age})", "◇ local cache ({age})"),
        "dupcheck.consulted": ("Pārbaudīts: {sources}.", "Checked: {sources}."),
        "dupcheck.consulted_none": (
            "⚠ Dublikātus pārbaudīt neizdevās: ne lokālā kopija, ne reģistrs neatbildēja.",
            "⚠ The duplicate check could not run: neither the local cache nor the registry "
            "answered.",
        ),
        "dupcheck.local": (
            "lokālā kopija (dati atjaunināti: {age})",
            "local cache (data updated: {age})",
        ),
        "dupcheck.registry": ("reģistrs (tiešsaistē)", "registry (online)"),
        "dupcheck.registry_offline": (
            "Reģistrs netika vaicāts — darbs bezsaistē; rezultāti tikai no lokālās kopijas.",
            "The registry was not asked — working offline; results from the local cache only.",
        ),
        "dupcheck.registry_no_key": (
            "Reģistrs netika vaicāts — nav uzvārda, dokumenta vai personas koda.",
            "The registry was not asked — no surname, document or personal code.",
        ),
        "dupcheck.registry_failed": (
            "⚠ Reģistrs neatbildēja ({error}); rezultāti tikai no lokālās kopijas.",
            "⚠ The registry did not answer ({error}); results from the local cache only.",
        ),
        "dupcheck.local_failed": (
            "⚠ Lokālo kopiju pārbaudīt neizdevās ({error}).",
            "⚠ The local cache could not be checked ({error}).",
        ),
        "dupcheck.same": ("&Tā pati persona — atvērt", "&Same person — open it"),
        "dupcheck.link": (
            "Citas personas &identitāte — piesaistīt",
            "Other &identity of — link",
        ),
        "dupcheck.new": ("&Jauna persona", "&New person"),
        "dupcheck.back": ("Atpakaļ uz formu (Esc)", "Back to the form (Esc)"),
        "dupcheck.same_help": (
            "Neko nesaglabā un atver izvēlēto personu.",
            "Saves nothing and opens the chosen person.",
        ),
        "dupcheck.link_help": (
            "Jaunu personu neveido: ievadīto vārdu, dzimšanas datumu un pilsonību pievieno "
            "izvēlētās personas citām identitātēm un atver to.",
            "Creates no new person: the name, date of birth and nationality entered are "
            "added to the chosen person's other identities, and the person is opened.",
        ),
        "dupcheck.new_help": (
            "Saglabā ievadīto kā jaunu personu.",
            "Saves what was entered as a new person.",
        ),
        "dupcheck.linking": ("Piesaista identitāti…", "Linking the identity…"),
        "dupcheck.link_failed": (
            "⚠ Identitāti piesaistīt neizdevās: {error}",
            "⚠ The identity could not be linked: {error}",
        ),
        "dupcheck.detail": (
            "{name} — atbilstība {score}. Pamatojums: {reasons}",
            "{name} — match {score}. Reasons: {reasons}",
        ),
        "dupcheck.none": ("Kandidātu nav.", "No candidates."),
    }
)


def _name(person: Mapping[str, Any]) -> str:
    latin = " ".join(
        str(p) for p in (person.get("given_names_latin"), person.get("surname_latin")) if p
    )
    native = " ".join(
        str(p) for p in (person.get("given_names_native"), person.get("surname_native")) if p
    )
    return f"{latin} ({native})" if native and native != latin else latin


def _pct(score: float) -> str:
    return f"{round(score * 100)} %"


def typed_identity(values: Mapping[str, Any]) -> dict[str, Any]:
    """The identity typed in the form as an `other_identities` item (validated by the
    `OtherIdentity` model; a part that does not validate is left out, never the whole)."""
    nats = values.get("nationalities") or []
    first = nats[0] if nats else None
    nationality = first.get("country") if isinstance(first, Mapping) else first
    identity: dict[str, Any] = {
        "surname": values.get("surname_latin") or values.get("surname_native"),
        "given_names": values.get("given_names_latin") or values.get("given_names_native"),
        "date_of_birth": values.get("date_of_birth"),
        "nationality": nationality,
        "source": IDENTITY_SOURCE,
    }
    identity = {k: v for k, v in identity.items() if isinstance(v, str) and v.strip()}
    for optional in ("date_of_birth", "nationality", "given_names", None):
        try:
            model = OtherIdentity.model_validate(identity)
        except ValidationError:
            if optional is not None:
                identity.pop(optional, None)
            continue
        return model.model_dump(mode="json", exclude_none=True)
    raise ValueError("the typed person has no surname to keep as another identity")


# --------------------------------------------------------------------------- outcome


class DuplicateOutcome(QObject):
    """What the officer chose in the duplicate check (for the form tab and the window).

    Signals:
        open_person(str, object): open this person (id, the person as found) — after
            "same person" and after "other identity".
        linked(str, str): the typed identity was queued on this person (id, op id; the op
            id is "" when the person already had exactly that identity).
        new_person(): the new person is being saved (`proceed()` was called).
        cancelled(): back to the form; nothing saved.
    """

    open_person = Signal(str, object)
    linked = Signal(str, str)
    new_person = Signal()
    cancelled = Signal()


# --------------------------------------------------------------------------- dialog


class _CandidateTable(QTableWidget):
    """Enter on a row selects it and hands the focus to the choices (it never presses a
    button by itself: a stray Enter must not save or link anything)."""

    row_confirmed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            self.row_confirmed.emit()
            return
        super().keyPressEvent(event)


class DuplicateCheckDialog(QDialog):
    """The candidates and the three choices; keyboard-driven (arrows move in the list,
    Enter moves to the choices, Alt+letter picks one, Esc goes back to the form).

    Signals:
        decided(str, object): "same" | "link" | "new", and the chosen `Candidate` (None
            for "new"). The dialog stays open; the guard closes it (`accept()`) when the
            choice has been carried out, or shows why not (`show_error`).
    """

    decided = Signal(str, object)
    COLUMNS = ("score", "name", "dob", "nationality", "documents", "source", "reasons")

    def __init__(
        self,
        session: Any,
        report: MatchReport,
        typed: Mapping[str, Any],
        parent: QWidget | None = None,
        *,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateCheck")
        self.setModal(True)
        self.session = session
        self.report = report
        self.typed = dict(typed)
        self._now = now or datetime.now(UTC)
        self._busy = False
        self.choice: str | None = None
        self.chosen: Candidate | None = None

        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setObjectName("duplicateIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.typed_label = QLabel(self)
        self.typed_label.setObjectName("duplicateTyped")
        layout.addWidget(self.typed_label)
        self.sources = QLabel(self)
        self.sources.setObjectName("duplicateSources")
        self.sources.setWordWrap(True)
        layout.addWidget(self.sources)

        self.list_label = QLabel(self)
        layout.addWidget(self.list_label)
        self.table = _CandidateTable(0, len(self.COLUMNS), self)
        self.table.setObjectName("candidates")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.list_label.setBuddy(self.table)
        layout.addWidget(self.table, 1)
        self.detail = QLabel(self)
        self.detail.setObjectName("candidateDetail")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)

        self.status = QLabel(self)
        self.status.setObjectName("duplicateStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QHBoxLayout()
        self.same_button = QPushButton(self)
        self.same_button.setObjectName("sameButton")
        self.link_button = QPushButton(self)
        self.link_button.setObjectName("linkButton")
        self.new_button = QPushButton(self)
        self.new_button.setObjectName("newButton")
        self.back_button = QPushButton(self)
        self.back_button.setObjectName("backButton")
        for button in (self.same_button, self.link_button, self.new_button, self.back_button):
            button.setDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.same_button.clicked.connect(lambda: self._decide("same"))
        self.link_button.clicked.connect(lambda: self._decide("link"))
        self.new_button.clicked.connect(lambda: self._decide("new"))
        self.back_button.clicked.connect(self.reject)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.row_confirmed.connect(lambda: self.same_button.setFocus())
        self.table.doubleClicked.connect(lambda _i: self.same_button.setFocus())

        self.retranslate()
        if self.report.candidates:
            self.table.selectRow(0)
            self.table.setFocus()
        else:
            self.new_button.setFocus()
        self._selection_changed()
        self.resize(980, 420)

    # ------------------------------------------------------------------ content
    @property
    def lang(self) -> str:
        lang = getattr(self.session, "language", "lv")
        return "en" if lang == "en" else "lv"

    def candidates(self) -> list[Candidate]:
        return list(self.report.candidates)

    def current_candidate(self) -> Candidate | None:
        row = self.table.currentRow()
        rows = self.report.candidates
        return rows[row] if 0 <= row < len(rows) else None

    def select(self, person_id: str) -> None:
        for row, cand in enumerate(self.report.candidates):
            if cand.id == person_id:
                self.table.selectRow(row)
                return
        raise KeyError(person_id)

    def row_texts(self, row: int) -> list[str]:
        return [self._cell(self.report.candidates[row], key) for key in self.COLUMNS]

    def _label(self, ref: str, code: Any) -> str:
        labels = getattr(self.session, "code_labels", None)
        if labels is not None:
            return str(labels.label(ref, code, self.lang))
        return str(code)

    def _cell(self, cand: Candidate, key: str) -> str:
        person = cand.person
        lang = self.lang
        if key == "score":
            return _pct(cand.score)
        if key == "name":
            return _name(person)
        if key == "dob":
            return format_date(person.get("date_of_birth") or "")
        if key == "nationality":
            codes = [
                n.get("country") if isinstance(n, Mapping) else n
                for n in person.get("nationalities") or []
            ]
            return ", ".join(self._label("country", c) for c in codes if c)
        if key == "documents":
            parts = [str(person["personal_code"])] if person.get("personal_code") else []
            for doc in cand.documents:
                number = doc.get("series_and_number")
                if number:
                    state = doc.get("issuing_state")
                    parts.append(f"{number} ({state})" if state else str(number))
            return ", ".join(parts)
        if key == "source":
            if cand.sources == ("registry", "local"):
                return text("dupcheck.source.both", lang)
            if cand.source == "registry":
                return text("dupcheck.source.registry", lang)
            return text("dupcheck.source.local", lang, age=format_age(cand.fetched_at, self._now))
        if key == "reasons":
            return "; ".join(cand.reason_texts(lang))
        return ""

    def _sources_text(self) -> str:
        lang = self.lang
        report = self.report
        parts: list[str] = []
        if "local" in report.consulted:
            parts.append(text("dupcheck.local", lang, age=format_age(report.cache_age, self._now)))
        if "registry" in report.consulted:
            parts.append(text("dupcheck.registry", lang))
        lines = (
            [text("dupcheck.consulted", lang, sources="; ".join(parts))]
            if parts
            else [text("dupcheck.consulted_none", lang)]
        )
        if report.local_error is not None:
            lines.append(
                text("dupcheck.local_failed", lang, error=_error(report.local_error, lang))
            )
        if report.registry_error is not None:
            lines.append(
                text("dupcheck.registry_failed", lang, error=_error(report.registry_error, lang))
            )
        elif not report.registry_asked:
            online = bool(getattr(self.session, "online", False))
            lines.append(
                text("dupcheck.registry_no_key" if online else "dupcheck.registry_offline", lang)
            )
        return "\n".join(lines)

    def retranslate(self) -> None:
        lang = self.lang
        self.setWindowTitle(text("dupcheck.title", lang))
        self.intro.setText(text("dupcheck.intro", lang))
        typed = _name(
            {k: self.typed.get(k) for k in (
                "given_names_latin", "surname_latin", "given_names_native", "surname_native")}
        )  # fmt: skip
        details = [typed, format_date(self.typed.get("date_of_birth") or "")]
        nats = [
            n.get("country") if isinstance(n, Mapping) else n
            for n in self.typed.get("nationalities") or []
        ]
        details.append(", ".join(self._label("country", c) for c in nats if c))
        self.typed_label.setText(
            text("dupcheck.typed", lang, person=", ".join(d for d in details if d))
        )
        self.sources.setText(self._sources_text())
        self.sources.setAccessibleName(self.sources.text())
        self.list_label.setText(text("dupcheck.candidates", lang))
        self.table.setAccessibleName(text("dupcheck.candidates", lang))
        self.table.setHorizontalHeaderLabels(
            [text(f"dupcheck.col.{key}", lang) for key in self.COLUMNS]
        )
        self.table.setRowCount(len(self.report.candidates))
        for row, cand in enumerate(self.report.candidates):
            for col, key in enumerate(self.COLUMNS):
                value = self._cell(cand, key)
                item = self.table.item(row, col)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(row, col, item)
                item.setText(value)
                item.setToolTip(value)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, value)
                item.setData(Qt.ItemDataRole.UserRole, cand.id)
        for button, key in (
            (self.same_button, "same"),
            (self.link_button, "link"),
            (self.new_button, "new"),
        ):
            button.setText(text(f"dupcheck.{key}", lang))
            button.setAccessibleName(button.text().replace("&", ""))
            button.setToolTip(text(f"dupcheck.{key}_help", lang))
            button.setAccessibleDescription(button.toolTip())
        self.back_button.setText(text("dupcheck.back", lang))
        self.back_button.setAccessibleName(self.back_button.text())
        self._selection_changed()

    def _selection_changed(self) -> None:
        cand = self.current_candidate()
        has = cand is not None and not self._busy
        self.same_button.setEnabled(has)
        self.link_button.setEnabled(has)
        self.new_button.setEnabled(not self._busy)
        if cand is None:
            self.detail.setText(text("dupcheck.none", self.lang) if not self.report.candidates
                                else "")  # fmt: skip
            return
        reasons = [("＋ " if r.weight >= 0 else "－ ") + r.text(self.lang) for r in cand.reasons]
        self.detail.setText(
            text("dupcheck.detail", self.lang, name=_name(cand.person), score=_pct(cand.score),
                 reasons="; ".join(reasons) or "—")
        )  # fmt: skip
        self.detail.setAccessibleName(self.detail.text())

    # ------------------------------------------------------------------ choosing
    def _decide(self, choice: str) -> None:
        if self._busy:
            return
        cand = None if choice == "new" else self.current_candidate()
        if choice != "new" and cand is None:
            return
        self.choice = choice
        self.chosen = cand
        self.decided.emit(choice, cand)

    def set_busy(self, busy: bool, message: str = "") -> None:
        self._busy = busy
        self.status.setText(message)
        self.status.setAccessibleName(message)
        self.table.setEnabled(not busy)
        self.back_button.setEnabled(not busy)
        self._selection_changed()

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.status.setText(message)
        self.status.setAccessibleName(message)

    def reject(self) -> None:
        if self._busy:  # an identity is being linked: wait for it
            return
        super().reject()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _error(exc: BaseException, lang: str) -> str:
    from registry_desktop.session import error_text

    return error_text(exc, lang)


# --------------------------------------------------------------------------- the guard


class DuplicateGuard:
    """The save guard of a new person's form: `guard(values, proceed)`; see the module
    docstring. `outcome` carries what was chosen; `dialog` is the open dialog (or None);
    `report` the last check's `MatchReport`."""

    def __init__(
        self,
        session: Any,
        form_widget: QWidget,
        *,
        on_open: Callable[[str], None] | None = None,
        threshold: float = THRESHOLD,
        min_score: float = MIN_SCORE,
        limit: int = 20,
    ) -> None:
        self.session = session
        self.form_widget = form_widget
        self.on_open = on_open
        self.threshold = threshold
        self.min_score = min_score
        self.limit = limit
        self.outcome = DuplicateOutcome(form_widget)
        self.dialog: DuplicateCheckDialog | None = None
        self.report: MatchReport | None = None
        self.running = False

    # ------------------------------------------------------------------ the check
    def _documents(self, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The document typed on the form: an MRZ field's, or `documents` in the values."""
        from registry_desktop.formkit.mrz_field import MrzField

        docs: list[dict[str, Any]] = []
        for field in self.form_widget.findChildren(MrzField):
            result = field.result()
            if result and result.get("document"):
                docs.append(dict(result["document"]))
        return query_documents(values, docs)

    def _exclude(self) -> list[str]:
        rid = getattr(self.form_widget, "record_id", None)
        return [str(rid)] if rid else []

    def __call__(self, values: Mapping[str, Any], proceed: Callable[[], None]) -> None:
        if self.running:  # a second Ctrl+S while the first check runs
            return
        self.running = True
        typed = dict(values)
        docs = self._documents(typed)
        exclude = self._exclude()
        tasks = self.session.tasks
        kwargs: dict[str, Any] = {
            "exclude_ids": exclude, "limit": self.limit, "min_score": self.min_score
        }  # fmt: skip

        def local(store: Any) -> tuple[list[Candidate], datetime | None]:
            if store is None:
                raise RuntimeError("no local cache is open")
            return local_candidates(store, typed, docs, **kwargs), cache_age(store)

        def local_ok(result: tuple[list[Candidate], datetime | None]) -> None:
            found, age = result
            self._ask_registry(typed, docs, kwargs, found, age, None, proceed)

        def local_failed(exc: BaseException) -> None:
            self._ask_registry(typed, docs, kwargs, [], None, exc, proceed)

        tasks.run_db(local, local_ok, local_failed, owner=self.form_widget)

    def _ask_registry(
        self,
        typed: dict[str, Any],
        docs: list[dict[str, Any]],
        kwargs: dict[str, Any],
        local: list[Candidate],
        age: datetime | None,
        local_error: BaseException | None,
        proceed: Callable[[], None],
    ) -> None:
        session = self.session
        api = session.api
        consulted: tuple[Source, ...] = () if local_error is not None else ("local",)
        if not (session.online and api is not None and match_body(typed, docs) is not None):
            report = MatchReport(
                candidates=list(local), consulted=consulted, local_error=local_error,
                cache_age=age,
            )  # fmt: skip
            self._finish(report, typed, proceed)
            return

        def ok(remote: list[Candidate]) -> None:
            merged = merge_candidates(local, remote)
            report = MatchReport(
                candidates=merged[: self.limit], consulted=(*consulted, "registry"),
                registry_asked=True, local_error=local_error, cache_age=age,
            )  # fmt: skip
            missing = [c.id for c in report.candidates if not c.documents]
            if not missing or local_error is not None:
                self._finish(report, typed, proceed)
                return
            self.session.tasks.run_db(
                lambda store: documents_of(store, missing) if store is not None else {},
                lambda docs_by_id: self._finish(
                    _replace(report, with_documents(report.candidates, docs_by_id)), typed,
                    proceed,
                ),
                lambda _exc: self._finish(report, typed, proceed),
                owner=self.form_widget,
            )  # fmt: skip

        def failed(exc: BaseException) -> None:
            session.handle_error(exc)
            report = MatchReport(
                candidates=list(local), consulted=consulted, registry_asked=True,
                local_error=local_error, registry_error=exc, cache_age=age,
            )  # fmt: skip
            self._finish(report, typed, proceed)

        session.tasks.run_net(
            lambda: registry_candidates(api, typed, docs, **kwargs),
            ok,
            failed,
            owner=self.form_widget,
        )

    def _finish(
        self, report: MatchReport, typed: dict[str, Any], proceed: Callable[[], None]
    ) -> None:
        self.report = report
        if report.checked and not report.above(self.threshold):
            self.running = False
            self.outcome.new_person.emit()
            proceed()
            return
        window = self.form_widget.window()
        dialog = DuplicateCheckDialog(self.session, report, typed, window)
        self.dialog = dialog
        dialog.decided.connect(lambda choice, cand: self._decided(choice, cand, typed, proceed))
        dialog.rejected.connect(self._cancelled)
        dialog.open()

    # ------------------------------------------------------------------ the choices
    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        self.running = False
        if dialog is not None:
            dialog.done(QDialog.DialogCode.Accepted)
            dialog.deleteLater()

    def _cancelled(self) -> None:
        dialog, self.dialog = self.dialog, None
        self.running = False
        if dialog is not None:
            dialog.deleteLater()
        self.outcome.cancelled.emit()

    def _decided(
        self,
        choice: str,
        cand: Candidate | None,
        typed: dict[str, Any],
        proceed: Callable[[], None],
    ) -> None:
        if choice == "new":
            self._close_dialog()
            self.outcome.new_person.emit()
            proceed()
            return
        assert cand is not None
        if choice == "same":
            self._close_dialog()
            self._open(cand)
            return
        self._link(cand, typed)

    def _link(self, cand: Candidate, typed: dict[str, Any]) -> None:
        session = self.session
        dialog = self.dialog
        lang = "en" if session.language == "en" else "lv"
        try:
            identity = typed_identity(typed)
        except ValueError as exc:
            if dialog is not None:
                dialog.show_error(text("dupcheck.link_failed", lang, error=str(exc)))
            return
        officer = session.username
        person = dict(cand.person)
        document = scanned_document(self.form_widget, cand.id)

        def work(store: Any) -> str:
            from sync.local_first import LocalWriter

            if store is None:
                raise RuntimeError("no local cache is open")
            pid = cand.id
            if store.get("persons", pid) is None:
                # A registry candidate not yet cached: keep its copy so the update has a
                # base (the registry's version) and the person card opens at once.
                store.cache_records([("persons", person)])
            view = store.get("persons", pid) or person
            identities = [dict(o) for o in view.get("other_identities") or []]
            if identity not in identities:
                identities.append(identity)
            writer = LocalWriter(store, officer)
            result = writer.save("persons", pid, {"other_identities": identities}, kind="update")
            if document is not None and not _has_document(store, pid, document):
                # The passport scanned on the form goes with the identity to that person.
                writer.save("documents", str(uuid.uuid4()), document)
            return result.op_id

        def ok(op_id: str) -> None:
            self._close_dialog()
            if op_id:
                session.outbox_changed()
            self.outcome.linked.emit(cand.id, op_id)
            self._open(cand, cache=False)

        def failed(exc: BaseException) -> None:
            if self.dialog is not None:
                self.dialog.show_error(text("dupcheck.link_failed", lang, error=_error(exc, lang)))

        if dialog is not None:
            dialog.set_busy(True, text("dupcheck.linking", lang))
        session.tasks.run_db(work, ok, failed, owner=self.form_widget)

    def _open(self, cand: Candidate, *, cache: bool = True) -> None:
        person = dict(cand.person)
        pid = cand.id

        def show(_result: Any = None) -> None:
            self.outcome.open_person.emit(pid, person)
            if self.on_open is not None:
                self.on_open(pid)
                return
            opener = getattr(self.form_widget.window(), "open_person", None)
            if callable(opener):
                opener(pid, person)

        if cache and cand.source == "registry":

            def keep(store: Any) -> None:
                if store is not None and store.get("persons", pid) is None:
                    store.cache_records([("persons", person)])

            self.session.tasks.run_db(keep, show, show, owner=self.form_widget)
        else:
            show()


def _replace(report: MatchReport, candidates: list[Candidate]) -> MatchReport:
    return MatchReport(
        candidates=candidates,
        consulted=report.consulted,
        registry_asked=report.registry_asked,
        local_error=report.local_error,
        registry_error=report.registry_error,
        cache_age=report.cache_age,
    )


def duplicate_guard(
    session: Any,
    form_widget: QWidget,
    *,
    on_open: Callable[[str], None] | None = None,
    threshold: float = THRESHOLD,
) -> DuplicateGuard:
    """The save guard for a new person's form: call it as `guard(values, proceed)`.

    `on_open(person_id)` opens a person (default: `form_widget.window().open_person(id,
    person)` when the window has it). Connect to `guard.outcome` (DuplicateOutcome) to
    learn what the officer chose."""
    return DuplicateGuard(session, form_widget, on_open=on_open, threshold=threshold)


def _has_document(store: Any, person_id: str, document: Mapping[str, Any]) -> bool:
    """The person already has this document (same number and issuing state) in the cache."""
    dossier = store.dossier(person_id) or {}
    return any(
        d.get("series_and_number") == document.get("series_and_number")
        and d.get("issuing_state") == document.get("issuing_state")
        for d in (dossier.get("related") or {}).get("documents") or []
    )
