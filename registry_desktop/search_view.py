"""Search: one box for names in any script or spelling, dates of birth (full or partial),
document numbers, personal codes and pasted MRZs.

Local results come at once from the cache (DB worker); when online, the registry's
results are merged in (HTTP pool). Every hit says where it came from and how old it is.

Several results can be selected (Shift/Ctrl with the arrows or the mouse, Ctrl+A) and
their case sheets printed as one PDF ("Print case sheets", Ctrl+Shift+P): the cases of
the selected persons are read from the local cache; a person found only in the registry
(or with no case cached) has the dossier fetched and cached first, when online. The
case ids go out through `print_cases`, which the main window hands to
`PrintFlow.print_case_sheets` (the preview, the print log in the outbox).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.session import Session
from registry_desktop.widgets import format_age, format_date, parse_dt

DEBOUNCE_MS = 250
_MRZ_CHARS = re.compile(r"^[A-Za-z0-9<]+$")

Labeler = Callable[[str, Any], str]


@dataclass(frozen=True)
class PreparedQuery:
    text: str  # what goes to the store and the registry
    mrz: Any = None  # the parsed MRZ, when the box held one


def looks_like_mrz(text: str) -> bool:
    compact = re.sub(r"\s+", "", text)
    return len(compact) >= 60 and compact.count("<") >= 3 and bool(_MRZ_CHARS.match(compact))


def prepare_query(text: str) -> PreparedQuery:
    """Turn a pasted MRZ into its document number; anything else goes as typed."""
    text = " ".join(text.split())
    if looks_like_mrz(text):
        try:
            from registry_core.identifiers.mrz import parse_mrz

            parsed = parse_mrz(text)
        except Exception:  # not an MRZ after all: search the text
            return PreparedQuery(text)
        if parsed.document_number:
            return PreparedQuery(parsed.document_number.replace("<", ""), parsed)
    return PreparedQuery(text)


class SearchModel(QAbstractTableModel):
    """Search hits (sync.store.SearchHit: person, source, fetched_at, score)."""

    COLUMNS = (
        ("source", QT_TRANSLATE_NOOP("SearchModel", "Source")),
        ("surname", QT_TRANSLATE_NOOP("SearchModel", "Surname")),
        ("given", QT_TRANSLATE_NOOP("SearchModel", "Given names")),
        ("native", QT_TRANSLATE_NOOP("SearchModel", "Original script")),
        ("dob", QT_TRANSLATE_NOOP("SearchModel", "Date of birth")),
        ("nationality", QT_TRANSLATE_NOOP("SearchModel", "Nationality")),
        ("ids", QT_TRANSLATE_NOOP("SearchModel", "Personal code / document")),
        ("age", QT_TRANSLATE_NOOP("SearchModel", "Data age")),
    )

    def __init__(self, labeler: Labeler | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[Any] = []
        self._labeler = labeler or (lambda _ref, code: str(code))
        self._now = datetime.now(UTC)

    # -- Qt API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("SearchModel", self.COLUMNS[section][1])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._hits):
            return str(section + 1)
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._hits)):
            return None
        hit = self._hits[index.row()]
        key = self.COLUMNS[index.column()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(hit, key)
        if role == Qt.ItemDataRole.ToolTipRole and key in ("source", "age"):
            fetched = _hit_fetched(hit)
            return QCoreApplication.translate("SearchModel", "Fetched: %1").replace(
                "%1", format_date(fetched) if fetched else "—"
            )
        if role == Qt.ItemDataRole.UserRole:
            return _hit_person(hit).get("id")
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # -- content
    def set_hits(self, hits: list[Any]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self._now = datetime.now(UTC)
        self.endResetModel()

    def hit(self, row: int) -> Any:
        return self._hits[row]

    def hits(self) -> list[Any]:
        return list(self._hits)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._hits:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._hits) - 1, len(self.COLUMNS) - 1)
            )

    def _display(self, hit: Any, key: str) -> str:
        person = _hit_person(hit)
        if key == "source":
            source = _hit_source(hit)
            return (
                "◆ " + QCoreApplication.translate("SearchModel", "Registry")
                if source == "registry"
                else "◇ " + QCoreApplication.translate("SearchModel", "Local cache")
            )
        if key == "surname":
            return str(person.get("surname_latin") or "")
        if key == "given":
            return str(person.get("given_names_latin") or "")
        if key == "native":
            return " ".join(
                str(p)
                for p in (person.get("given_names_native"), person.get("surname_native"))
                if p
            )
        if key == "dob":
            return format_date(person.get("date_of_birth") or "")
        if key == "nationality":
            codes = [
                n.get("country") for n in person.get("nationalities") or [] if isinstance(n, dict)
            ]
            return ", ".join(self._labeler("country", c) for c in codes if c)
        if key == "ids":
            parts = [person.get("personal_code"), person.get("foreign_id_number")]
            parts += list(person.get("document_numbers") or [])
            return ", ".join(str(p) for p in parts if p)
        if key == "age":
            return format_age(_hit_fetched(hit), self._now)
        return ""


def _hit_person(hit: Any) -> dict[str, Any]:
    person = getattr(hit, "person", None)
    if person is None and isinstance(hit, dict):
        person = hit.get("person", hit)
    return dict(person or {})


def _hit_source(hit: Any) -> str:
    return str(
        getattr(hit, "source", None) or (hit.get("source") if isinstance(hit, dict) else "local")
    )


def _hit_fetched(hit: Any) -> datetime | None:
    value = getattr(hit, "fetched_at", None)
    if value is None and isinstance(hit, dict):
        value = hit.get("fetched_at")
    return parse_dt(value)


class SearchBox(QLineEdit):
    """The search line: a pasted multi-line MRZ arrives as one line."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.matches(QKeySequence.StandardKey.Paste):
            text = QGuiApplication.clipboard().text()
            self.insert(" ".join(text.split()))
            event.accept()
            return
        super().keyPressEvent(event)


def cases_of(store: Any, person_ids: list[str]) -> tuple[list[str], list[str]]:
    """DB worker: the cached cases of the persons, in the persons' order (each person's
    in the order cached), and the persons with no case in the cache (whose dossier is
    worth fetching from the registry)."""
    cases: list[str] = []
    without: list[str] = []
    for pid in person_ids:
        dossier = store.dossier(pid) if store is not None else None
        found = [
            str(c["id"])
            for c in ((dossier or {}).get("related") or {}).get("cases") or ()
            if c.get("id") and not c.get("deleted")
        ]
        if not found:
            without.append(pid)
        cases.extend(found)
    return list(dict.fromkeys(cases)), without


class SearchView(QWidget):
    """The Search page.

    Signals:
        open_person(str, object): open the card of a person (id, the person as found).
        searched(int): a search finished (number of hits) — local or merged.
        print_cases(list): print the case sheets of these case ids as one PDF (the main
            window connects `PrintFlow.print_case_sheets`).
    """

    open_person = Signal(str, object)
    searched = Signal(int)
    print_cases = Signal(list)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchView")
        self.session = session
        self._seq = 0
        self._last_query = ""
        self.remote_done = True
        layout = QVBoxLayout(self)

        row = QHBoxLayout()
        self.label = QLabel(self)
        self.box = SearchBox(self)
        self.box.setObjectName("searchBox")
        self.box.setClearButtonEnabled(True)
        self.label.setBuddy(self.box)
        row.addWidget(self.label)
        row.addWidget(self.box, 1)
        layout.addLayout(row)

        self.hint = QLabel(self)
        self.hint.setObjectName("searchHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.model = SearchModel(self._label, self)
        self.table = QTableView(self)
        self.table.setObjectName("searchResults")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        layout.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setObjectName("searchStatus")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("searchPrintCaseSheets")
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(lambda _c=False: self.request_print())
        bottom.addWidget(self.print_button)
        layout.addLayout(bottom)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+P"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.request_print)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_print())
        self.model.modelReset.connect(self._update_print)
        self._collecting = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        self.box.textEdited.connect(lambda _t: self._timer.start())
        self.box.returnPressed.connect(self.search_now)
        self.box.installEventFilter(self)
        self.retranslate()
        session.changed.connect(self._session_changed)

    def _session_changed(self) -> None:
        if not self.session.active and (self.model.rowCount() or self.box.text()):
            self.clear()  # logged out: the next officer does not see these results

    def _label(self, ref: str, code: Any) -> str:
        return self.session.code_labels.label(ref, code, self.session.language)

    # ------------------------------------------------------------------ searching
    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def search_now(self) -> None:
        self._timer.stop()
        text = self.box.text().strip()
        self._seq += 1
        seq = self._seq
        if not text:
            self.model.set_hits([])
            self.status.clear()
            self.remote_done = True
            return
        self.remote_done = False
        self.status.setText(self.tr("Searching…"))

        def local(store: Any) -> tuple[PreparedQuery, list[Any]]:
            prepared = prepare_query(text)
            hits = store.search(prepared.text) if store is not None else []
            return prepared, list(hits)

        self.session.tasks.run_db(
            local, lambda r: self._local_done(seq, r), lambda e: self._failed(seq, e), owner=self
        )

    def _local_done(self, seq: int, result: tuple[PreparedQuery, list[Any]]) -> None:
        if seq != self._seq:
            return
        prepared, hits = result
        self._last_query = prepared.text
        self._show_mrz(prepared)
        self.model.set_hits(hits)
        api = self.session.api
        if self.session.online and api is not None:
            self.status.setText(
                self.tr("%1 found in the local cache; asking the registry…").replace(
                    "%1", str(len(hits))
                )
            )
            self.session.tasks.run_net(
                lambda: api.search(prepared.text),
                lambda remote: self._remote_done(seq, hits, remote),
                lambda e: self._failed(seq, e, hits),
                owner=self,
            )
        else:
            self.remote_done = True
            self.status.setText(
                self.tr("Offline: %1 found in the local cache.").replace("%1", str(len(hits)))
            )
            self.searched.emit(len(hits))

    def _remote_done(self, seq: int, local: list[Any], remote: list[dict[str, Any]]) -> None:
        if seq != self._seq:
            return
        from sync.store import merge_hits

        now = datetime.now(UTC)
        merged = merge_hits(local, remote, now)
        self.model.set_hits(merged)
        self.remote_done = True
        n_remote = sum(1 for h in merged if _hit_source(h) == "registry")
        self.status.setText(
            self.tr("%1 found (%2 from the registry, %3 only in the local cache).")
            .replace("%1", str(len(merged)))
            .replace("%2", str(n_remote))
            .replace("%3", str(len(merged) - n_remote))
        )
        self.searched.emit(len(merged))
        if remote:
            rows = [("persons", dict(p)) for p in remote]
            self.session.tasks.run_db(
                lambda store: store.cache_records(rows, fetched_at=now) if store else None,
                None,
                lambda _e: None,
            )

    def _failed(self, seq: int, exc: BaseException, local: list[Any] | None = None) -> None:
        from registry_desktop.session import error_text

        self.session.handle_error(exc)
        if seq != self._seq:
            return
        self.remote_done = True
        message = error_text(exc, self.session.language)
        if local is not None:
            message = (
                self.tr("%1 found in the local cache only. %2")
                .replace("%1", str(len(local)))
                .replace("%2", message)
            )
        self.status.setText("⚠ " + message)
        self.searched.emit(len(local or []))

    def _show_mrz(self, prepared: PreparedQuery) -> None:
        if prepared.mrz is None:
            self.hint.setText(self._hint_text())
            return
        mrz = prepared.mrz
        self.hint.setText(
            self.tr("MRZ read: document %1, %2 %3, born %4.")
            .replace("%1", prepared.text)
            .replace("%2", str(mrz.surname))
            .replace("%3", str(mrz.given_names))
            .replace("%4", format_date(mrz.birth_date) if mrz.birth_date else "—")
        )

    # ------------------------------------------------------------------ batch print
    def selected_person_ids(self) -> list[str]:
        """The persons of the selected rows (else of the current row), in row order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        ids = [_hit_person(self.model.hit(r)).get("id") for r in rows]
        return list(dict.fromkeys(str(i) for i in ids if i))

    def _update_print(self) -> None:
        self.print_button.setEnabled(
            not self._collecting and self.table.selectionModel().hasSelection()
        )

    def request_print(self) -> None:
        """Print the case sheets of the selected persons (one PDF, through the print flow)."""
        pids = self.selected_person_ids()
        if not pids or self._collecting:
            return
        self._collecting = True
        self._update_print()
        self.status.setText(self.tr("Collecting the cases of the selected persons…"))
        session = self.session
        api = session.api if session.online else None

        def local_done(result: tuple[list[str], list[str]]) -> None:
            case_ids, without = result
            if not without or api is None:
                self._print_collected(case_ids)
                return

            def fetch() -> list[dict[str, Any]]:
                from sync.errors import ApiFailure

                out = []
                for pid in without:
                    try:
                        out.append(api.dossier(pid))
                    except ApiFailure:  # gone or not allowed: print the others
                        continue
                return out

            def cache(dossiers: list[dict[str, Any]]) -> None:
                def store_and_read(store: Any) -> tuple[list[str], list[str]]:
                    if store is not None:
                        for dossier in dossiers:
                            store.cache_dossier(dossier)
                    return cases_of(store, pids)

                session.tasks.run_db(
                    store_and_read, lambda r: self._print_collected(r[0]),
                    self._print_failed, owner=self,
                )  # fmt: skip

            session.tasks.run_net(fetch, cache, self._print_failed, owner=self)

        session.tasks.run_db(
            lambda store: cases_of(store, pids), local_done, self._print_failed, owner=self
        )

    def _print_collected(self, case_ids: list[str]) -> None:
        self._collecting = False
        self._update_print()
        if case_ids:
            self.status.setText(
                self.tr("%1 case sheets go to the print preview.").replace("%1", str(len(case_ids)))
            )
        else:
            self.status.setText(self.tr("The selected persons have no cases to print."))
        self.print_cases.emit(case_ids)

    def _print_failed(self, exc: BaseException) -> None:
        from registry_desktop.session import error_text

        self._collecting = False
        self._update_print()
        self.session.handle_error(exc)
        self.status.setText("⚠ " + error_text(exc, self.session.language))

    def clear(self) -> None:
        """Forget the box and the results (the officer logged out)."""
        self._seq += 1
        self._timer.stop()
        self.box.clear()
        self.model.set_hits([])
        self.status.clear()
        self.remote_done = True

    def _activated(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        hit = self.model.hit(index.row())
        person = _hit_person(hit)
        if person.get("id"):
            self.open_person.emit(str(person["id"]), person)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Down and self.model.rowCount() > 0:
                self.table.setFocus()
                self.table.selectRow(0)
                return True
        return False

    # ------------------------------------------------------------------ language
    def _hint_text(self) -> str:
        return self.tr(
            "Name in any script or spelling, date of birth (e.g. 1990 or 12.03.1990), document number, personal code, or paste a machine-readable zone (MRZ)."
        )

    def retranslate(self) -> None:
        self.label.setText(self.tr("&Search:"))
        self.box.setPlaceholderText(self.tr("Name, date of birth, document, personal code or MRZ"))
        self.box.setAccessibleName(self.tr("Search"))
        self.table.setAccessibleName(self.tr("Search results"))
        self.print_button.setText(self.tr("Print case s&heets"))
        self.print_button.setAccessibleName(
            self.tr("Print the case sheets of the selected persons")
        )
        self.print_button.setToolTip(
            self.tr("Print the case sheets of the selected persons (Ctrl+Shift+P)")
        )
        self.hint.setText(self._hint_text())
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
