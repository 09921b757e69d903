"""The Outbox: the officer's changes that wait for the registry, and what became of them.

Each op shows its state (text and a mark, never colour alone), the attempts, the last
error in the officer's language, and the record and field it concerns. Ops that depend
on another op (a decision on its case, a case on its person) are drawn as children of
that op, so a rejected op and the chain it blocks read as one tree.

Keyboard: Enter resolves a conflict (conflict view) or goes to the field; Ctrl+G go to
field; Ctrl+R resend; Delete discard (after a confirmation naming what is lost); F5 sync
now; Ctrl+Shift+P pause/resume. The commands run on the engine (SyncController).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.session import Session, error_text
from registry_desktop.widgets import format_date

Index = QModelIndex | QPersistentModelIndex

STATE_LABELS = {
    "pending": QT_TRANSLATE_NOOP("OutboxModel", "pending"),
    "sending": QT_TRANSLATE_NOOP("OutboxModel", "sending"),
    "applied": QT_TRANSLATE_NOOP("OutboxModel", "applied"),
    "conflict": QT_TRANSLATE_NOOP("OutboxModel", "conflict"),
    "rejected": QT_TRANSLATE_NOOP("OutboxModel", "rejected"),
    "blocked": QT_TRANSLATE_NOOP("OutboxModel", "blocked"),
}
# A mark beside every state's text: colour is never the only carrier of meaning.
STATE_MARKS = {
    "pending": "◷",
    "sending": "⇡",
    "applied": "✓",
    "conflict": "⚠",
    "rejected": "✖",
    "blocked": "⛔",
}
STATE_COLOURS = {
    "pending": "#8a5a00",
    "sending": "#1f4e9c",
    "applied": "#1b6e20",
    "conflict": "#a00000",
    "rejected": "#a00000",
    "blocked": "#a00000",
}
PROBLEM_STATES = frozenset({"conflict", "rejected", "blocked"})


def state_of(op: Any) -> str:
    return str(getattr(op.state, "value", op.state))


def state_text(state: str) -> str:
    label = STATE_LABELS.get(state)
    text = QCoreApplication.translate("OutboxModel", label) if label else state
    return f"{STATE_MARKS.get(state, '•')} {text}"


def op_fields(op: Any) -> list[str]:
    """The fields an op's trouble concerns (rejected fields, clashing fields), else none."""
    if op.error_fields:
        return list(op.error_fields)
    if op.conflict is not None:
        return list(op.conflict.fields)
    return []


@dataclass
class _Node:
    nid: int
    op: Any
    parent: _Node | None
    children: list[_Node] = field(default_factory=list)

    @property
    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)


class OutboxModel(QAbstractItemModel):
    """A tree of outbox ops: an op that depends on another op is that op's child."""

    COLUMNS = (
        QT_TRANSLATE_NOOP("OutboxModel", "State"),
        QT_TRANSLATE_NOOP("OutboxModel", "Record"),
        QT_TRANSLATE_NOOP("OutboxModel", "Field"),
        QT_TRANSLATE_NOOP("OutboxModel", "Attempts"),
        QT_TRANSLATE_NOOP("OutboxModel", "Last error"),
        QT_TRANSLATE_NOOP("OutboxModel", "Saved"),
    )
    OpRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, language: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._language = language or (lambda: "lv")
        self._roots: list[_Node] = []
        self._nodes: dict[int, _Node] = {}
        self._by_op: dict[str, _Node] = {}

    # ------------------------------------------------------------------ content
    def set_ops(self, ops: list[Any]) -> None:
        self.beginResetModel()
        self._roots, self._nodes, self._by_op = [], {}, {}
        for op in sorted(ops, key=lambda o: (o.position, str(o.op_id))):
            parent = next((self._by_op[d] for d in op.depends_on if d in self._by_op), None)
            node = _Node(len(self._nodes) + 1, op, parent)
            self._nodes[node.nid] = node
            self._by_op[str(op.op_id)] = node
            (parent.children if parent is not None else self._roots).append(node)
        self.endResetModel()

    def op(self, index: Index) -> Any:
        node = self._node(index)
        return node.op if node is not None else None

    def index_of(self, op_id: str, column: int = 0) -> QModelIndex:
        node = self._by_op.get(str(op_id))
        if node is None:
            return QModelIndex()
        return self.createIndex(node.row, column, node.nid)

    def ops(self) -> list[Any]:
        return [n.op for n in self._nodes.values()]

    def dependants(self, op_id: str) -> list[Any]:
        """Every op below `op_id` in its chain."""
        node = self._by_op.get(str(op_id))
        out: list[Any] = []
        stack = list(node.children) if node is not None else []
        while stack:
            child = stack.pop(0)
            out.append(child.op)
            stack.extend(child.children)
        return out

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid():
            return None
        return self._nodes.get(int(index.internalId()))

    # ------------------------------------------------------------------ Qt API
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.COLUMNS) or row < 0:
            return QModelIndex()
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        pnode = self._node(parent)
        siblings = pnode.children if pnode is not None else self._roots
        if row >= len(siblings):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row].nid)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent.nid)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        pnode = self._node(parent)
        return len(pnode.children) if pnode is not None else len(self._roots)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.COLUMNS)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.COLUMNS)
        ):
            return QCoreApplication.translate("OutboxModel", self.COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        op = node.op
        state = state_of(op)
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(op, state, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == 4:
            return self._error(op) or None
        if role == Qt.ItemDataRole.ForegroundRole and column == 0:
            return QBrush(QColor(STATE_COLOURS.get(state, "#000000")))
        if role == self.OpRole:
            return str(op.op_id)
        if role == self.StateRole:
            return state
        return None

    def _error(self, op: Any) -> str:
        error = op.last_error
        if not error:
            return ""
        if isinstance(error, dict):
            lang = self._language()
            return str(error.get(lang) or error.get("lv") or error.get("en") or "")
        return str(error)

    def _text(self, op: Any, state: str, column: int) -> str:
        if column == 0:
            return state_text(state)
        if column == 1:
            kind = {
                "create": QCoreApplication.translate("OutboxModel", "new"),
                "update": QCoreApplication.translate("OutboxModel", "change"),
                "delete": QCoreApplication.translate("OutboxModel", "removal"),
            }.get(str(op.kind), str(op.kind))
            return f"{op.collection} {str(op.record_id)[:8]} · {kind}"
        if column == 2:
            return ", ".join(op_fields(op))
        if column == 3:
            return str(op.attempts)
        if column == 4:
            return self._error(op)
        if column == 5:
            created = op.created_at
            if isinstance(created, str):
                try:
                    created = datetime.fromisoformat(created)
                except ValueError:
                    return created
            return format_date(created)
        return ""


class DiscardDialog(QDialog):
    """Confirms a discard: names the record, the fields and the dependants that go too."""

    def __init__(self, op: Any, dependants: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discardDialog")
        self.op = op
        self.setWindowTitle(self.tr("Discard change"))
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setObjectName("discardText")
        self.text.setWordWrap(True)
        fields = ", ".join(sorted(op.fields)) or "—"
        message = (
            self.tr("Discard the change to %1 %2? These values are lost and never reach the registry: %3.")
            .replace("%1", str(op.collection)).replace("%2", str(op.record_id))
            .replace("%3", fields)
        )  # fmt: skip
        if dependants:
            message += " " + self.tr(
                "%1 changes that depend on it stay blocked until they are discarded too."
            ).replace("%1", str(len(dependants)))
        message += " " + self.tr("The registry records that you discarded it.")
        self.text.setText(message)
        self.reason_label = QLabel(self.tr("&Reason:"), self)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("discardReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason_label.setBuddy(self.reason)
        self.buttons = QDialogButtonBox(self)
        self.discard_button = self.buttons.addButton(
            self.tr("&Discard"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.discard_button.setObjectName("discardConfirm")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.discard_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.returnPressed.connect(self.accept)
        for widget in (self.text, self.reason_label, self.reason, self.buttons):
            layout.addWidget(widget)
        self.reason.setFocus()

    def reason_text(self) -> str:
        return self.reason.text().strip() or self.tr("Discarded by the officer")


class OutboxView(QWidget):
    """The officer's outbox (rail page "Izsūtne").

    Signals:
        go_to_field(str, str, str): collection, record id, field — open the record at the
            field (the forms issue connects the form; the main window opens the card).
        loaded(int): the outbox was read (number of ops).
        conflict_opened(object): the ConflictView opened for an op.
    """

    go_to_field = Signal(str, str, str)
    loaded = Signal(int)
    conflict_opened = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxView")
        self.session = session
        self.discard_dialog: DiscardDialog | None = None
        self.conflict_view: Any = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("outboxStatus")
        self.status.setWordWrap(True)
        self.model = OutboxModel(lambda: session.language, self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("outboxTree")
        self.tree.setModel(self.model)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.activated.connect(lambda _i: self.open_current())
        buttons = QHBoxLayout()
        self.resolve_button = self._button("outboxResolve", self.open_current, buttons)
        self.goto_button = self._button("outboxGoToField", self.go_to_current, buttons)
        self.resend_button = self._button("outboxResend", self.resend_current, buttons)
        self.discard_button = self._button("outboxDiscard", self.discard_current, buttons)
        buttons.addStretch(1)
        self.pause_button = self._button("outboxPause", self.toggle_pause, buttons)
        self.sync_button = self._button("outboxSyncNow", self.sync_now, buttons)
        for key, slot in (
            ("Ctrl+G", self.go_to_current),
            ("Ctrl+R", self.resend_current),
            ("Delete", self.discard_current),
            ("F5", self.sync_now),
            ("Ctrl+Shift+P", self.toggle_pause),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.tree.selectionModel().currentRowChanged.connect(lambda *_a: self._update_buttons())
        session.changed.connect(self._update_buttons)
        self._count: int | None = None
        self.retranslate()
        self._connected_sync: Any = None
        self._connect_sync()
        session.started.connect(self._connect_sync)
        session.started.connect(self.refresh)
        if session.active:
            self.refresh()

    def _button(self, name: str, slot: Any, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.clicked.connect(lambda _c=False: slot())
        row.addWidget(button)
        return button

    def _connect_sync(self) -> None:
        sync = self.session.sync
        if sync is not None and sync is not self._connected_sync:
            self._connected_sync = sync
            sync.outbox_changed.connect(self.refresh)
            sync.command_failed.connect(self._command_failed)

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        officer = self.session.username

        def read(store: Any) -> list[Any]:
            if store is None or not hasattr(store, "outbox"):
                return []
            try:
                return list(store.outbox(officer, include_applied=True))
            except TypeError:
                return list(store.outbox(officer))

        self.session.tasks.run_db(read, self.set_ops, self._failed, owner=self)

    def set_ops(self, ops: list[Any]) -> None:
        current = self.current_op()
        self.model.set_ops(ops)
        self.tree.expandAll()
        index = self.model.index_of(str(current.op_id)) if current is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._count = len(ops)
        self._update_status()
        self._update_buttons()
        self.loaded.emit(len(ops))

    def _failed(self, exc: BaseException) -> None:
        self.status.setText("⚠ " + error_text(exc, self.session.language))
        self.loaded.emit(0)

    def _command_failed(self, exc: BaseException) -> None:
        self.status.setText("⚠ " + error_text(exc, self.session.language))

    def current_op(self) -> Any:
        return self.model.op(self.tree.currentIndex())

    def select(self, op_id: str) -> bool:
        index = self.model.index_of(op_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.setFocus()
        return index.isValid()

    # ------------------------------------------------------------------ commands
    @property
    def _engine_ok(self) -> bool:
        return self.session.sync is not None and self.session.sync.available

    def open_current(self) -> None:
        """Enter: a conflict opens the conflict view; anything else goes to its field."""
        op = self.current_op()
        if op is None:
            return
        if state_of(op) == "conflict" and op.conflict is not None:
            self.open_conflict(op)
        else:
            self.go_to_current()

    def open_conflict(self, op: Any) -> Any:
        from registry_desktop.conflict_view import ConflictView

        view = ConflictView(op, self.session.language, self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.resolved.connect(self._resolve)
        self.conflict_view = view
        view.open()
        self.conflict_opened.emit(view)
        return view

    def _resolve(self, op_id: str, choice: Any) -> None:
        if self.session.sync is not None:
            self.session.sync.resolve(op_id, choice)

    def go_to_current(self) -> None:
        op = self.current_op()
        if op is None:
            return
        fields = op_fields(op) or sorted(op.fields)
        self.go_to_field.emit(str(op.collection), str(op.record_id), fields[0] if fields else "")

    def resend_current(self) -> None:
        op = self.current_op()
        if op is None or state_of(op) not in PROBLEM_STATES or self.session.sync is None:
            return
        self.session.sync.resend(str(op.op_id), dict(op.fields))

    def discard_current(self) -> None:
        op = self.current_op()
        if op is None or state_of(op) == "applied" or self.session.sync is None:
            return
        dialog = DiscardDialog(op, self.model.dependants(str(op.op_id)), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        op_id = str(op.op_id)
        dialog.accepted.connect(lambda: self._discard(op_id, dialog.reason_text()))
        self.discard_dialog = dialog
        dialog.open()

    def _discard(self, op_id: str, reason: str) -> None:
        if self.session.sync is not None:
            self.session.sync.discard(op_id, reason)

    def toggle_pause(self) -> None:
        sync = self.session.sync
        if sync is None or not sync.available:
            return
        if self.session.sync_paused:
            sync.resume()
        else:
            sync.pause()

    def sync_now(self) -> None:
        if self.session.sync is not None:
            self.session.sync.sync_now()
        else:
            self.refresh()

    # ------------------------------------------------------------------ text
    def _update_buttons(self) -> None:
        op = self.current_op()
        state = state_of(op) if op is not None else ""
        engine = self._engine_ok
        self.resolve_button.setEnabled(state == "conflict" and engine)
        self.goto_button.setEnabled(op is not None)
        self.resend_button.setEnabled(state in PROBLEM_STATES and engine)
        self.discard_button.setEnabled(op is not None and state != "applied" and engine)
        self.pause_button.setEnabled(engine)
        self.pause_button.setText(
            self.tr("Resume s&ync") if self.session.sync_paused else self.tr("&Pause sync")
        )

    def _update_status(self) -> None:
        if self._count is None:
            self.status.setText(self.tr("Reading the outbox…"))
        elif self._count == 0:
            self.status.setText(self.tr("Nothing is waiting: every change is in the registry."))
        else:
            ops = self.model.ops()
            problems = sum(1 for op in ops if state_of(op) in PROBLEM_STATES)
            self.status.setText(
                self.tr("%1 changes in the outbox, %2 need your attention.")
                .replace("%1", str(len(ops)))
                .replace("%2", str(problems))
            )

    def retranslate(self) -> None:
        self.title.setText(self.tr("Outbox"))
        self.tree.setAccessibleName(self.tr("Outbox"))
        self.resolve_button.setText(self.tr("Resolve &conflict"))
        self.goto_button.setText(self.tr("&Go to field"))
        self.resend_button.setText(self.tr("&Resend"))
        self.discard_button.setText(self.tr("&Discard…"))
        self.sync_button.setText(self.tr("Sync &now"))
        self._update_buttons()
        for button in (self.resolve_button, self.goto_button, self.resend_button,
                       self.discard_button, self.pause_button, self.sync_button):  # fmt: skip
            button.setAccessibleName(button.text().replace("&", ""))
        self._update_status()
        # Headers and cells ask the model again when painted: a repaint retranslates them.
        self.tree.header().viewport().update()
        self.tree.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
