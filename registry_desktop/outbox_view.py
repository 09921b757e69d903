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
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QStandardItem, QStandardItemModel
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
# The rows of the view are bounded, so that reading the outbox again never makes the GUI
# thread lay out thousands of rows: every op that needs the officer (conflict, rejected,
# blocked), the first WAITING_SHOWN still to send, the latest APPLIED_SHOWN answered. The
# status line gives the whole outbox's counts.
WAITING_SHOWN = 100
APPLIED_SHOWN = 50


@dataclass(frozen=True)
class OutboxRead:
    """What the view shows of the outbox, and the outbox's totals."""

    ops: list[Any]
    total: int  # ops in the outbox (applied ones of the last week included)
    problems: int  # conflict, rejected, blocked
    waiting: int  # pending, sending
    last_position: int  # of the newest op in the outbox


def visible_ops(
    ops: list[Any],
    shown: frozenset[str] = frozenset(),
    since: int | None = None,
    *,
    waiting_shown: int = WAITING_SHOWN,
    applied_shown: int = APPLIED_SHOWN,
) -> OutboxRead:
    """The rows to show (DB worker): see WAITING_SHOWN. While a sync runs the caller
    passes `shown` (the rows on screen) and `since` (the newest position it read): the
    rows stay exactly those, with their new states, plus the ops saved since, so that the
    view updates rows in place instead of laying them all out again."""
    states = [state_of(op) for op in ops]
    problems = sum(1 for st in states if st in PROBLEM_STATES)
    waiting = sum(1 for st in states if st in ("pending", "sending"))
    newest = max((op.position for op in ops), default=0)
    if since is not None:
        keep = [
            op
            for op, st in zip(ops, states, strict=True)
            if str(op.op_id) in shown or (op.position > since and st != "applied")
        ]
        return OutboxRead(keep, len(ops), problems, waiting, max(newest, since))
    applied = [op for op, st in zip(ops, states, strict=True) if st == "applied"]
    pending = [op for op, st in zip(ops, states, strict=True) if st in ("pending", "sending")]
    keep_ids = {id(op) for op in applied[-applied_shown:] if applied_shown}
    keep_ids |= {id(op) for op in pending[:waiting_shown]}
    keep = [
        op for op, st in zip(ops, states, strict=True) if st in PROBLEM_STATES or id(op) in keep_ids
    ]
    return OutboxRead(keep, len(ops), problems, waiting, newest)


def state_of(op: Any) -> str:
    state = op.state
    return state if type(state) is str else str(getattr(state, "value", state))


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


# The columns whose text an answer from the registry can change (state, field, attempts,
# last error); the record and the time saved never change.
_CHANGING = (0, 2, 3, 4)


def _shown_state(op: Any) -> tuple[Any, ...]:
    """What of an op the row shows and a sync can change."""
    return (op.state, op.attempts, op.last_error_code, op.last_error, op.error_fields,
            op.conflict is not None)  # fmt: skip


@dataclass
class _Node:
    op: Any
    parent: _Node | None
    items: list[QStandardItem]  # the row's cells
    children: list[_Node] = field(default_factory=list)


class OutboxModel(QStandardItemModel):
    """A tree of outbox ops: an op that depends on another op is that op's child.

    The cells are QStandardItems: the view lays out and paints them without calling
    back into Python, so a long outbox and a sync running beside it (its threads want
    the GIL too) never make the GUI thread wait for each cell."""

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
    _FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def __init__(self, language: Any = None, parent: Any = None) -> None:
        super().__init__(0, len(self.COLUMNS), parent)
        self._language = language or (lambda: "lv")
        self._roots: list[_Node] = []
        self._by_op: dict[str, _Node] = {}
        self.retranslate_headers()

    # ------------------------------------------------------------------ content
    def set_ops(self, ops: list[Any]) -> None:
        """Show these ops. When the rows stay the same (same ops, same chains: a sync
        only changed their states), the changed rows' cells are updated in place;
        otherwise the rows are built again."""
        ordered = sorted(ops, key=lambda o: (o.position, str(o.op_id)))
        if self._same_shape(ordered):
            changed = []
            self.blockSignals(True)  # one dataChanged per span below, not one per cell
            try:
                for op in ordered:
                    node = self._by_op[str(op.op_id)]
                    if _shown_state(node.op) != _shown_state(op):
                        node.op = op
                        self._fill(node, _CHANGING)
                        changed.append(node)
                    else:
                        node.op = op
            finally:
                self.blockSignals(False)
            self._changed(changed)
            return
        self.beginResetModel()
        self.blockSignals(True)  # one reset for the whole rebuild
        try:
            self.removeRows(0, self.rowCount())
            self._roots, self._by_op = [], {}
            for op in ordered:
                parent = next((self._by_op[d] for d in op.depends_on if d in self._by_op), None)
                items = [QStandardItem() for _ in self.COLUMNS]
                for item in items:
                    item.setFlags(self._FLAGS)
                node = _Node(op, parent, items)
                self._fill(node)
                if parent is None:
                    self._roots.append(node)
                    self.appendRow(items)
                else:
                    parent.children.append(node)
                    parent.items[0].appendRow(items)
                self._by_op[str(op.op_id)] = node
        finally:
            self.blockSignals(False)
        self.endResetModel()

    def _changed(self, nodes: list[_Node]) -> None:
        """dataChanged from the first to the last changed row, per parent."""
        spans: dict[int, tuple[int, int, QStandardItem]] = {}
        for node in nodes:
            row = node.items[0].row()
            key = id(node.parent)
            first, last, _ = spans.get(key, (row, row, node.items[0]))
            spans[key] = (min(first, row), max(last, row), node.items[0])
        column = len(self.COLUMNS) - 1
        for first, last, item in spans.values():
            index = item.index()
            self.dataChanged.emit(index.siblingAtRow(first), index.sibling(last, column))

    def _same_shape(self, ordered: list[Any]) -> bool:
        if len(ordered) != len(self._by_op):
            return False
        seen: set[str] = set()
        for op in ordered:
            op_id = str(op.op_id)
            node = self._by_op.get(op_id)
            if node is None:
                return False
            parent = next((d for d in op.depends_on if d in seen), None)
            if (str(node.parent.op.op_id) if node.parent is not None else None) != parent:
                return False
            seen.add(op_id)
        return True

    def _fill(self, node: _Node, columns: tuple[int, ...] = ()) -> None:
        op = node.op
        state = state_of(op)
        for column in columns or range(len(self.COLUMNS)):
            text = self._text(op, state, column)
            item = node.items[column]
            if item.text() != text:
                item.setText(text)
        first = node.items[0]
        if first.data(self.OpRole) != str(op.op_id):
            first.setData(str(op.op_id), self.OpRole)
        if first.data(self.StateRole) != state:
            first.setData(state, self.StateRole)
            first.setForeground(QBrush(QColor(STATE_COLOURS.get(state, "#000000"))))
        tip = self._error(op)
        if node.items[4].toolTip() != tip:
            node.items[4].setToolTip(tip)

    def retranslate(self) -> None:
        """The texts again, in the language now installed."""
        self.retranslate_headers()
        for node in self._by_op.values():
            self._fill(node)

    def retranslate_headers(self) -> None:
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("OutboxModel", c) for c in self.COLUMNS]
        )

    def chain_heads(self) -> list[QModelIndex]:
        """The rows that have dependants (to be shown expanded)."""
        return [n.items[0].index() for n in self._by_op.values() if n.children]

    def op(self, index: Index) -> Any:
        if not index.isValid():
            return None
        item = self.itemFromIndex(index.siblingAtColumn(0))
        node = self._by_op.get(str(item.data(self.OpRole))) if item is not None else None
        return node.op if node is not None else None

    def index_of(self, op_id: str, column: int = 0) -> QModelIndex:
        node = self._by_op.get(str(op_id))
        if node is None:
            return QModelIndex()
        return node.items[column].index()

    def ops(self) -> list[Any]:
        return [n.op for n in self._by_op.values()]

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
        # Size the columns from the first rows only: a long outbox must not make every
        # reload measure every row on the GUI thread.
        self.tree.header().setResizeContentsPrecision(50)
        self.tree.setUniformRowHeights(True)
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
        session.changed.connect(self._session_changed)
        self._count: int | None = None
        self._totals: OutboxRead | None = None
        self._dirty = False
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

    def _session_changed(self) -> None:
        if not self.session.active and self._count:
            self.set_ops([])  # logged out: the next officer never sees these ops
            self._count = None
            self._update_status()
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        """Read the outbox again (DB worker). While the page is hidden, only remember to
        read it when it shows: a sync answering thousands of ops costs nothing here."""
        if not self.isVisible() and self._count is not None:
            self._dirty = True
            return
        self._dirty = False
        officer = self.session.username
        if not self.session.active:
            return
        status = getattr(self.session.sync, "status", None)
        syncing = bool(getattr(status, "running", False)) and self._totals is not None
        shown = frozenset(str(op.op_id) for op in self.model.ops()) if syncing else frozenset()
        since = self._totals.last_position if syncing and self._totals is not None else None

        def read(store: Any) -> OutboxRead:
            if store is None or not hasattr(store, "outbox"):
                return OutboxRead([], 0, 0, 0, 0)
            ops = list(store.outbox(officer, include_applied=True))
            return visible_ops(ops, shown, since)

        self.session.tasks.run_db(read, self._read_done, self._failed, owner=self)

    def _read_done(self, read: OutboxRead) -> None:
        self._totals = read
        self.set_ops(read.ops, _totals=read)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def set_ops(self, ops: list[Any], *, _totals: OutboxRead | None = None) -> None:
        """Show these ops (the whole outbox unless read by `refresh`, which passes the
        totals of what it left out)."""
        self._totals = _totals
        current = self.current_op()
        self.model.set_ops(ops)
        # Open the chains only: expandAll() would ask the model about every row.
        for index in self.model.chain_heads():
            self.tree.expand(index)
        index = self.model.index_of(str(current.op_id)) if current is not None else QModelIndex()
        if not index.isValid() and self.model.rowCount() > 0:
            index = self.model.index(0, 0)
        # (After an update in place the current row is still current: setting it again
        # would make the view lay out every row.)
        if index.isValid() and index != self.tree.currentIndex():
            self.tree.setCurrentIndex(index)
        self._count = _totals.total if _totals is not None else len(ops)
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
            totals = self._totals
            problems = (
                totals.problems
                if totals is not None
                else sum(1 for op in ops if state_of(op) in PROBLEM_STATES)
            )
            text = (
                self.tr("%1 changes in the outbox, %2 need your attention.")
                .replace("%1", str(self._count))
                .replace("%2", str(problems))
            )
            if totals is not None and len(ops) < totals.total:
                text += " " + self.tr(
                    "Shown: %1 (all that need attention, the first waiting, the latest sent)."
                ).replace("%1", str(len(ops)))
            self.status.setText(text)

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
        self.model.retranslate()  # the cells hold their texts

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
