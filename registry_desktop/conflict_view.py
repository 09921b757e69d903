"""The conflict view: base / mine / registry side by side for each clashing field.

DESIGN.md §4: conflicts are never resolved silently; legal fields always go to the
officer. Driven by the keyboard: Up/Down (or Tab/Shift+Tab) move between fields, M keeps
mine, R takes the registry's (Shift+M / Shift+R for every field), Enter applies once every
field has a choice. Legal fields are marked (§ and the word "legal") and never pre-chosen.
The choice goes to `SyncEngine.resolve` ("mine", "registry" or {field: "mine"|"registry"}),
which records it in the audit.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
MINE, REGISTRY = "mine", "registry"


def _show(value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictModel(QAbstractTableModel):
    """One row per clashing field: field, base, mine, registry, the officer's choice."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("ConflictModel", "Field"),
        QT_TRANSLATE_NOOP("ConflictModel", "Before"),
        QT_TRANSLATE_NOOP("ConflictModel", "Mine"),
        QT_TRANSLATE_NOOP("ConflictModel", "Registry"),
        QT_TRANSLATE_NOOP("ConflictModel", "Keep"),
    )
    FieldRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, conflict: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.fields: list[str] = list(conflict.fields)
        self.legal = set(conflict.legal_fields)
        self.choices: dict[str, str] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.fields)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("ConflictModel", self.COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.fields):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.fields):
            return None
        name = self.fields[index.row()]
        column = index.column()
        choice = self.choices.get(name)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                if name in self.legal:
                    legal = QCoreApplication.translate("ConflictModel", "legal")
                    return f"§ {name} ({legal})"
                return name
            if column == 1:
                return _show(self.conflict.base.get(name))
            if column == 2:
                return ("▶ " if choice == MINE else "") + _show(self.conflict.mine.get(name))
            if column == 3:
                return ("▶ " if choice == REGISTRY else "") + _show(
                    self.conflict.registry.get(name)
                )
            if column == 4:
                if choice == MINE:
                    return "✓ " + QCoreApplication.translate("ConflictModel", "mine")
                if choice == REGISTRY:
                    return "✓ " + QCoreApplication.translate("ConflictModel", "registry's")
                return "? " + QCoreApplication.translate("ConflictModel", "not chosen")
        if role == Qt.ItemDataRole.FontRole and (
            (column == 2 and choice == MINE) or (column == 3 and choice == REGISTRY)
        ):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and name in self.legal:
            return QBrush(QColor("#a00000"))
        if role == self.FieldRole:
            return name
        return None

    def choose(self, row: int, side: str) -> None:
        if 0 <= row < len(self.fields):
            self.choices[self.fields[row]] = side
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def choose_all(self, side: str) -> None:
        for row in range(len(self.fields)):
            self.choose(row, side)

    @property
    def complete(self) -> bool:
        return all(f in self.choices for f in self.fields)

    def resolution(self) -> Any:
        """What `SyncEngine.resolve` takes: "mine", "registry" or a per-field mapping."""
        sides = {self.choices[f] for f in self.fields}
        if len(sides) == 1:
            return next(iter(sides))
        return {f: self.choices[f] for f in self.fields}


class ConflictView(QDialog):
    """Signals:
    resolved(str, object): op id and the choice, once the officer applied it."""

    resolved = Signal(str, object)

    def __init__(self, op: Any, language: str = "lv", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictView")
        self.op = op
        self.model = ConflictModel(op.conflict, self)
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.help = QLabel(self)
        self.help.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("conflictTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.message = QLabel(self)
        self.message.setObjectName("conflictMessage")
        self.buttons = QDialogButtonBox(self)
        self.mine_button = QPushButton(self)
        self.mine_button.setObjectName("conflictKeepMine")
        self.registry_button = QPushButton(self)
        self.registry_button.setObjectName("conflictTakeRegistry")
        self.apply_button = QPushButton(self)
        self.apply_button.setObjectName("conflictApply")
        self.buttons.addButton(self.mine_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.registry_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.apply_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        self.mine_button.clicked.connect(lambda: self.choose(MINE))
        self.registry_button.clicked.connect(lambda: self.choose(REGISTRY))
        self.apply_button.clicked.connect(self.apply)
        self.model.dataChanged.connect(lambda *_a: self._update())
        for widget in (self.heading, self.help, self.table, self.message, self.buttons):
            layout.addWidget(widget)
        self.retranslate()
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.table.setFocus()
        self.resize(820, 360)

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_M:
            self.model.choose_all(MINE) if shift else self.choose(MINE)
            return True
        if key == Qt.Key.Key_R:
            self.model.choose_all(REGISTRY) if shift else self.choose(REGISTRY)
            return True
        if key == Qt.Key.Key_Tab:
            self._move(+1)
            return True
        if key == Qt.Key.Key_Backtab:
            self._move(-1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.apply()
            return True
        return False

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = (max(0, self.table.currentIndex().row()) + step) % rows
            self.table.setCurrentIndex(self.model.index(row, 0))

    def current_row(self) -> int:
        return self.table.currentIndex().row()

    def choose(self, side: str) -> None:
        """Choose `side` for the current field and move on to the next unchosen one."""
        row = self.current_row()
        if row < 0:
            return
        self.model.choose(row, side)
        for step in range(1, self.model.rowCount()):
            candidate = (row + step) % self.model.rowCount()
            if self.model.fields[candidate] not in self.model.choices:
                self.table.setCurrentIndex(self.model.index(candidate, 0))
                break

    def apply(self) -> None:
        if not self.model.complete:
            missing = [f for f in self.model.fields if f not in self.model.choices]
            self.message.setText(
                "⚠ " + self.tr("Choose a value for: %1").replace("%1", ", ".join(missing))
            )
            self.table.setCurrentIndex(self.model.index(self.model.fields.index(missing[0]), 0))
            return
        self.resolved.emit(str(self.op.op_id), self.model.resolution())
        self.accept()

    # ------------------------------------------------------------------ text
    def _update(self) -> None:
        self.apply_button.setEnabled(self.model.complete)
        if self.model.complete:
            self.message.clear()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflict"))
        legal = len(self.model.legal)
        text = (
            self.tr("The registry changed %1 %2 while your change waited. Decide field by field which value stays.")
            .replace("%1", str(self.op.collection)).replace("%2", str(self.op.record_id))
        )  # fmt: skip
        if legal:
            text += " " + self.tr(
                "Fields marked § are legal fields: they are never merged automatically."
            )
        self.heading.setText(text)
        self.help.setText(
            self.tr("Keys: M keep mine, R take the registry's, Shift+M / Shift+R for every field, Up/Down or Tab between fields, Enter apply.")
        )  # fmt: skip
        self.table.setAccessibleName(self.tr("Clashing fields"))
        self.mine_button.setText(self.tr("Keep &mine"))
        self.registry_button.setText(self.tr("Take the &registry's"))
        self.apply_button.setText(self.tr("&Apply"))
        for button in (self.mine_button, self.registry_button, self.apply_button):
            button.setAccessibleName(button.text().replace("&", ""))
        # Headers and cells ask the model again when painted: a repaint retranslates them.
        self.table.horizontalHeader().viewport().update()
        self.table.viewport().update()
        self._update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
