"""My work: the unit's cases with deadlines due and the tasks sent by the other
institution, read from the local cache (DB worker), soonest first."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.session import Session, error_text
from registry_desktop.widgets import format_date, person_name

TERMINAL = frozenset({"REMOVED", "DEPARTED_VOLUNTARILY", "CANCELLED", "CLOSED"})
OPEN_TASK = frozenset({"OPEN", "open", "PENDING"})


@dataclass(frozen=True)
class WorkItem:
    kind: str  # "case" | "task"
    due: date | None
    case_no: str
    person_id: str
    person: str
    subject_ref: str  # reference list of `subject` ("case_status") or "" for free text
    subject: str
    case_id: str = ""


def _records(store: Any, collection: str) -> list[dict[str, Any]]:
    """Every cached record of a collection (the store's public method when it has one)."""
    for name in ("records", "list_records", "all_records"):
        method = getattr(store, name, None)
        if callable(method):
            return [dict(r) for r in method(collection)]
    read = store._read  # interim: until LocalStore offers a listing of a collection

    def q(conn: Any) -> list[dict[str, Any]]:
        return [
            json.loads(row[0])
            for row in conn.exec_driver_sql(
                "SELECT data FROM records WHERE collection = ? AND deleted = 0", (collection,)
            )
        ]

    return list(read(q))


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def collect_work(store: Any, user: dict[str, Any]) -> list[WorkItem]:
    """DB worker: the officer's unit's open cases with a deadline, and incoming tasks."""
    if store is None:
        return []
    unit = str(user.get("unit") or "")
    institution = str(user.get("institution") or "")
    cases = {str(c["id"]): c for c in _records(store, "cases")}
    persons: dict[str, str] = {}

    def name_of(pid: str) -> str:
        if pid not in persons:
            person = store.get("persons", pid) if pid else None
            persons[pid] = person_name(person) if person else ""
        return persons[pid]

    items: list[WorkItem] = []
    for case in cases.values():
        if unit and case.get("owner_unit") != unit:
            continue
        if case.get("status") in TERMINAL:
            continue
        due = _date(case.get("next_deadline")) or _date(case.get("vd_deadline"))
        if due is None:
            continue
        pid = str(case.get("person_id") or "")
        items.append(
            WorkItem("case", due, str(case.get("case_no") or ""), pid, name_of(pid),
                     "case_status", str(case.get("status") or ""), str(case.get("id") or ""))
        )  # fmt: skip
    for task in _records(store, "tasks"):
        if institution and task.get("to_institution") != institution:
            continue
        if task.get("from_institution") == institution:
            continue
        if str(task.get("status") or "OPEN") not in OPEN_TASK:
            continue
        case = cases.get(str(task.get("case_id") or ""), {})
        pid = str(case.get("person_id") or "")
        items.append(
            WorkItem("task", _date(task.get("due_date")), str(case.get("case_no") or ""), pid,
                     name_of(pid), "", str(task.get("title") or ""), str(case.get("id") or ""))
        )  # fmt: skip
    items.sort(key=lambda i: (i.due or date.max, i.case_no))
    return items


class MyWorkModel(QAbstractTableModel):
    COLUMNS = (
        QT_TRANSLATE_NOOP("MyWorkModel", "Kind"),
        QT_TRANSLATE_NOOP("MyWorkModel", "Due"),
        QT_TRANSLATE_NOOP("MyWorkModel", "Days left"),
        QT_TRANSLATE_NOOP("MyWorkModel", "Case number"),
        QT_TRANSLATE_NOOP("MyWorkModel", "Person"),
        QT_TRANSLATE_NOOP("MyWorkModel", "Subject"),
    )

    def __init__(self, labeler: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[WorkItem] = []
        self._labeler = labeler or (lambda _ref, code: str(code))
        self.today = date.today()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("MyWorkModel", self.COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._items):
            return str(section + 1)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._items)):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(item, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == 2 and self._overdue(item):
            return QBrush(QColor("#a00000"))  # with the ⚠ mark and the words, never alone
        if role == Qt.ItemDataRole.UserRole:
            return item.person_id
        return None

    def _overdue(self, item: WorkItem) -> bool:
        return item.due is not None and item.due < self.today

    def _text(self, item: WorkItem, column: int) -> str:
        if column == 0:
            return (
                QCoreApplication.translate("MyWorkModel", "Case deadline")
                if item.kind == "case"
                else QCoreApplication.translate("MyWorkModel", "Task from the other institution")
            )
        if column == 1:
            return format_date(item.due) if item.due else "—"
        if column == 2:
            if item.due is None:
                return ""
            days = (item.due - self.today).days
            if days < 0:
                return "⚠ " + QCoreApplication.translate("MyWorkModel", "overdue by %1 d").replace(
                    "%1", str(-days)
                )
            if days == 0:
                return "⚠ " + QCoreApplication.translate("MyWorkModel", "today")
            return QCoreApplication.translate("MyWorkModel", "%1 d").replace("%1", str(days))
        if column == 3:
            return item.case_no
        if column == 4:
            return item.person
        if column == 5:
            return (
                self._labeler(item.subject_ref, item.subject) if item.subject_ref else item.subject
            )
        return ""

    def set_items(self, items: list[WorkItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.today = date.today()
        self.endResetModel()

    def item(self, row: int) -> WorkItem:
        return self._items[row]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(self.COLUMNS) - 1)
            )


class MyWorkView(QWidget):
    """Signals:
    open_person(str): open the card of the person of the chosen case.
    print_cases(list): print the case sheets of these case ids (one PDF).
    refreshed(int): the list was read (number of items)."""

    open_person = Signal(str)
    print_cases = Signal(list)
    refreshed = Signal(int)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myWorkView")
        self.session = session
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("myWorkStatus")
        self.status.setWordWrap(True)
        self.model = MyWorkModel(
            lambda ref, code: session.code_labels.label(ref, code, session.language), self
        )
        self.table = QTableView(self)
        self.table.setObjectName("myWorkTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printCaseSheets")
        self.print_button.clicked.connect(self.request_print)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.print_button)
        layout.addLayout(header)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        self.retranslate()
        session.started.connect(self.refresh)
        session.data_reset.connect(self.refresh)

    def refresh(self) -> None:
        user = dict(self.session.user)
        self.session.tasks.run_db(
            lambda store: collect_work(store, user), self._loaded, self._failed, owner=self
        )

    def _loaded(self, items: list[WorkItem]) -> None:
        self.model.set_items(items)
        self._count = len(items)
        self._update_status()
        self.refreshed.emit(len(items))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("⚠ " + error_text(exc, self.session.language))
        self.refreshed.emit(0)

    def _update_status(self) -> None:
        count = getattr(self, "_count", None)
        if count is None:
            self.status.setText(self.tr("Reading the local cache…"))
        elif count == 0:
            self.status.setText(self.tr("Nothing due for your unit in the local cache."))
        else:
            self.status.setText(
                self.tr("%1 items for unit %2, from the local cache.")
                .replace("%1", str(count))
                .replace("%2", str(self.session.user.get("unit") or "—"))
            )

    def case_ids(self) -> list[str]:
        """The cases of the selected rows, or of the whole list when none is selected."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if len(rows) < 2:
            rows = list(range(self.model.rowCount()))
        ids = [self.model.item(r).case_id for r in rows]
        return list(dict.fromkeys(i for i in ids if i))

    def request_print(self) -> None:
        self.print_cases.emit(self.case_ids())

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            pid = self.model.item(index.row()).person_id
            if pid:
                self.open_person.emit(pid)

    def retranslate(self) -> None:
        self.title.setText(self.tr("My work"))
        self.print_button.setText(self.tr("Print case &sheets"))
        self.print_button.setAccessibleName(self.tr("Print case sheets"))
        self.table.setAccessibleName(self.tr("My work"))
        self._update_status()
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
