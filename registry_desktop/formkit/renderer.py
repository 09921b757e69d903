"""The form renderer: a `FormDef` (forms/*.yaml) turned into a Qt input form.

Sections are group boxes with the fields in two columns on a wide screen (one on a narrow
one), labels above the fields, required fields marked with * (and said so in the
accessible description). Tab order is reading order; Enter goes to the next field
(Ctrl+Enter in a long text; the MRZ box keeps its Enter for scanners). Conditional
sections and fields show and hide as the officer types, hidden fields' values are not
sent, computed figures update live. Messages — errors in red with ✖, warnings in amber
with ⚠ — appear under their field with the words of the shared validation
(`formkit.validation`, the registry's own model).

`save()` validates and queues the change through the outbox's single entry point
(`sync.local_first.LocalWriter.save`) on the DB thread: create with all the content, or
update with only the fields the officer changed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from registry_core.messages import DomainError, register, text
from registry_core.records.base import SYSTEM_FIELDS
from registry_desktop.formdefs import FieldDef, FormDef, SectionDef
from registry_desktop.formkit import computed as comp
from registry_desktop.formkit import validation as val
from registry_desktop.formkit import widgets as w
from registry_desktop.formkit.validation import Problem

register(
    {
        "formkit.mrz_kept": (
            "Nav pārrakstīts (lauks jau aizpildīts): {fields}.",
            "Not overwritten (the field was already filled): {fields}.",
        ),
        "formkit.mrz_filled": ("No MRZ aizpildīts: {fields}.", "Filled from the MRZ: {fields}."),
        "formkit.locked": (
            "Paziņots vai parakstīts akts: tikai lasīšanai (grozīt vai atcelt ar darbību).",
            "A served or signed act: read-only (amend or annul it with an action).",
        ),
        "formkit.save_failed": (
            "Neizdevās saglabāt: {error}. Ievadītais nav zaudēts.",
            "Could not save: {error}. Nothing you typed was lost.",
        ),
        "formkit.scan_saved": (
            "Dokuments {number} tiks saglabāts kopā ar personu.",
            "Document {number} will be saved with the person.",
        ),
        "formkit.scan_not_saved": (
            "Dokuments no šīs MRZ netiks saglabāts: {reason} Pievienojiet to ar "
            "“Jauns dokuments”, kad persona saglabāta.",
            "The document of this MRZ will not be saved: {reason} Add it with "
            "“New document” once the person is saved.",
        ),
        "formkit.scan_unchecked": (
            "kontrolcipari nesakrīt, numurs var būt nolasīts kļūdaini.",
            "the check digits do not match, so the number may be misread.",
        ),
        "formkit.no_store": (
            "Lokālā krātuve nav atvērta.",
            "The local store is not open.",
        ),
    }
)

ERROR_COLOUR = "#b00020"
WARNING_COLOUR = "#8a5300"
WIDE = 720  # px: two columns from this width


def _norm(value: Any) -> Any:
    """Compare values as the registry would: empty is empty, None-valued keys absent."""
    if isinstance(value, Mapping):
        out = {k: _norm(x) for k, x in value.items()}
        return {k: x for k, x in out.items() if x is not None}
    if isinstance(value, list | tuple):
        items = [_norm(x) for x in value]
        return items or None
    if isinstance(value, str):
        return value.strip() or None
    return value


def record_locked(form: FormDef, record: Mapping[str, Any] | None) -> bool:
    """A served or signed act (`Record.is_locked()`) opens read-only."""
    if not record:
        return False
    model = form.model
    fields = getattr(model, "model_fields", {})
    data = {k: x for k, x in record.items() if k in fields}
    try:
        return bool(model.model_construct(**data).is_locked())
    except Exception:
        return False


class _Cell:
    """One field's widgets in its section's grid: the label above, the editor, the
    message below (created when there is first something to say)."""

    def __init__(self, f: FieldDef, box: QGroupBox, grid: QGridLayout) -> None:
        self.field = f
        self.box = box
        self.grid = grid
        self.label = QLabel(box)
        self.label.setObjectName(f"label_{f.key}")
        self.label.setWordWrap(True)
        self.label.setContentsMargins(0, 4, 0, 0)
        self.editor: Any = None
        self.shown = True  # its condition holds
        self.place: tuple[int, int, int] | None = None  # (row, column, column span)
        self._message: QLabel | None = None

    @property
    def has_message(self) -> bool:
        return self._message is not None

    @property
    def message(self) -> QLabel:
        if self._message is None:
            label = QLabel(self.box)
            label.setObjectName(f"msg_{self.field.key}")
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            label.hide()
            self._message = label
            if self.place is not None:
                row, col, span = self.place
                self.grid.addWidget(label, row + 2, col, 1, span)
        return self._message

    def widgets(self) -> list[QWidget]:
        out: list[QWidget] = [self.label, self.editor]
        if self._message is not None:
            out.append(self._message)
        return out

    def put(self, row: int, col: int, span: int) -> None:
        self.place = (row, col, span)
        self.grid.addWidget(self.label, row, col, 1, span)
        self.grid.addWidget(self.editor, row + 1, col, 1, span)
        if self._message is not None:
            self.grid.addWidget(self._message, row + 2, col, 1, span)

    def remove(self) -> None:
        for widget in self.widgets():
            self.grid.removeWidget(widget)
        self.place = None

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        self.label.setVisible(shown and not isinstance(self.editor, w.BoolEditor))
        self.editor.setVisible(shown)
        if self._message is not None:
            self._message.setVisible(shown and bool(self._message.text()))


class FormWidget(QWidget):
    """An input form rendered from a definition.

    Signals:
        saved(str, dict): the change is queued: collection, the officer's view after it.
        problems_changed(list): list[Problem] after each validation.
        help_requested(str): F1 on a field: its key ("" = the form's help page).
        values_changed(): a value changed (typed or set).
        save_failed(str): queuing the change failed (the message; nothing typed is lost).
    """

    saved = Signal(str, dict)
    problems_changed = Signal(list)
    help_requested = Signal(str)
    values_changed = Signal()
    save_failed = Signal(str)

    def __init__(
        self,
        form: FormDef,
        session: Any | None = None,
        *,
        record: Mapping[str, Any] | None = None,
        context: Mapping[str, Any] | None = None,
        readonly: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.session = session
        self.setObjectName(f"form_{form.name}")
        self.record: dict[str, Any] = dict(record or {})
        self.is_new = not self.record.get("id")
        self.record_id = str(self.record.get("id") or uuid.uuid4())
        self.context: dict[str, Any] = {k: x for k, x in (context or {}).items() if x is not None}
        for key in form.context:
            if key not in self.context and self.record.get(key) is not None:
                self.context[key] = self.record[key]
        self.locked = record_locked(form, self.record)
        self.readonly = bool(readonly or self.locked)
        self.lang = getattr(session, "language", None) or "lv"
        self.problems: list[Problem] = []
        self._widget_errors: dict[str, list[Problem]] = {}
        self._validated = False
        self._saving = False
        self._guards: list[Callable[[dict[str, Any], Callable[[], None]], None]] = []
        self._columns = 2
        self._chain: list[QWidget] = []
        self._owner: dict[int, str] = {}
        self._notes: dict[str, tuple[str, str]] = {}  # key → (severity, text) outside validation

        self.editors: dict[str, Any] = {}
        self.cells: dict[str, _Cell] = {}
        self._required: dict[str, bool] = {}
        self._fields = {f.key: f for f in form.fields()}
        self.sections: list[tuple[SectionDef, QGroupBox, QGridLayout]] = []
        self._build()
        self._watched = self._watched_keys()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh_dynamic)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(250)
        self._validate_timer.timeout.connect(self.validate)
        self._fill_initial()
        self._refresh_dynamic()
        self._rebuild_chain()
        if self.readonly:
            self._apply_readonly()
        self._baseline = self._snapshot()
        if session is not None and hasattr(session, "language_changed"):
            session.language_changed.connect(self.set_language)

    # ------------------------------------------------------------------ building
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        self.status = QLabel(self)
        self.status.setObjectName("formStatus")
        self.status.setWordWrap(True)
        self.status.hide()
        outer.addWidget(self.status)
        model = self.form.model
        for section in self.form.sections:
            box = QGroupBox(self)
            box.setObjectName(f"section_{section.id}")
            grid = QGridLayout(box)
            grid.setHorizontalSpacing(16)
            grid.setVerticalSpacing(2)
            grid.setColumnStretch(0, 1)
            grid.setColumnStretch(1, 1)
            for f in section.fields:
                cell = _Cell(f, box, grid)
                required = val.field_required(self.form, f, model)
                self._required[f.key] = required
                editor = w.make_editor(
                    f, model, box, session=self.session, lang=self.lang, required=required
                )
                editor.setObjectName(f"field_{f.key}")
                cell.editor = editor
                if isinstance(editor, w.BoolEditor):
                    cell.label.hide()
                else:
                    focus = editor.focus_widgets()
                    if focus:
                        cell.label.setBuddy(focus[0])
                editor.edited.connect(lambda key=f.key: self._edited(key))
                if isinstance(editor, w.TableEditor):
                    editor.structure_changed.connect(self._rebuild_chain)
                if f.widget == "mrz":
                    editor.parsed.connect(self.apply_mrz)
                self.editors[f.key] = editor
                self.cells[f.key] = cell
            self.sections.append((section, box, grid))
            outer.addWidget(box)
        outer.addStretch(1)
        self._place_all()
        self._retranslate()

    def _place_all(self) -> None:
        for section, _box, grid in self.sections:
            self._place(section, grid)

    def _place(self, section: SectionDef, grid: QGridLayout) -> None:
        """Lay the section's shown fields out in reading order, `self._columns` wide
        (three grid rows per line of fields: labels, editors, messages)."""
        for f in section.fields:
            self.cells[f.key].remove()
        line = col = 0
        for f in section.fields:
            cell = self.cells[f.key]
            if not cell.shown:
                continue
            if f.span >= 2 or self._columns == 1:
                if col:
                    line, col = line + 1, 0
                cell.put(line * 3, 0, 2 if self._columns == 2 else 1)
                line += 1
                continue
            cell.put(line * 3, col, 1)
            col += 1
            if col >= self._columns:
                line, col = line + 1, 0

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        columns = 2 if self.width() >= WIDE else 1
        if columns != self._columns:
            self._columns = columns
            self._place_all()

    def _fill_initial(self) -> None:
        model = self.form.model
        for f in self.form.fields():
            editor = self.editors[f.key]
            if f.widget == "mrz" and not f.bind and self.record.get("mrz_raw"):
                editor.set_value(self.record["mrz_raw"])  # its checks shown again, no fill
                continue
            if f.widget in ("computed", "mrz", "table", "group") and not f.bind:
                continue
            if self.is_new:
                default = f.default
                if default is None and f.bind:
                    default = val.model_default(model, f.bind)
                if default is not None and f.widget not in ("table", "group"):
                    editor.set_value(default)
            if f.bind and f.bind in self.record:
                editor.set_value(self.record[f.bind])

    def _watched_keys(self) -> set[str] | None:
        """Fields whose change can show/hide something or move a computed figure
        (None: any field can)."""
        keys: set[str] = set()
        for section in self.form.sections:
            if section.visible_if is not None:
                keys.add(section.visible_if.field)
            for f in section.fields:
                if f.visible_if is not None:
                    keys.add(f.visible_if.field)
                if f.widget == "computed":
                    if not f.inputs:
                        return None
                    keys.update(f.inputs)
        return keys

    # ------------------------------------------------------------------ editing
    def _edited(self, key: str) -> None:
        if self._watched is None or key in self._watched:
            self._refresh_timer.start()
        if key in self._widget_errors:
            self._check_field(key)
        if self._validated:
            self._validate_timer.start()
        self.values_changed.emit()

    def _refresh_dynamic(self) -> None:
        """Show/hide conditional sections and fields; recompute the computed figures."""
        values = self._collect_all([])
        values.update(self.context)
        relayout: list[tuple[SectionDef, QGridLayout]] = []
        for section, box, grid in self.sections:
            shown = section.visible_if is None or section.visible_if.holds(values)
            if box.isHidden() == shown:
                box.setVisible(shown)
            changed = False
            for f in section.fields:
                if f.visible_if is None:
                    continue
                cell = self.cells[f.key]
                visible = f.visible_if.holds(values)
                if cell.shown != visible:
                    cell.set_shown(visible)
                    changed = True
            if changed:
                relayout.append((section, grid))
        for section, grid in relayout:
            self._place(section, grid)
        for f in self.form.fields():
            if f.widget == "computed":
                shown_text = comp.compute(f.compute or f.key, values, self.lang)
                self.editors[f.key].set_display(shown_text, comp.is_alert(shown_text))
        if relayout:
            self._rebuild_chain()

    def flush(self) -> None:
        """Apply a pending show/hide and recomputation now (before moving the focus)."""
        if self._refresh_timer.isActive():
            self._refresh_timer.stop()
            self._refresh_dynamic()

    def is_visible_field(self, key: str) -> bool:
        cell = self.cells.get(key)
        return cell is not None and cell.shown and not cell.box.isHidden()

    # ------------------------------------------------------------------ focus & keys
    def _rebuild_chain(self) -> None:
        chain: list[QWidget] = []
        owner: dict[int, str] = {}
        for f in self.form.fields():
            editor = self.editors[f.key]
            for widget in editor.focus_widgets():
                chain.append(widget)
                owner[id(widget)] = f.key
                widget.installEventFilter(self)  # installing twice keeps one filter
                if isinstance(widget, w.RefEditor) and not widget.property("formkitEnter"):
                    # Enter in the open type-ahead list reaches the combo past the event
                    # filters: take the best match there, then go on.
                    widget.setProperty("formkitEnter", True)
                    widget.entered.connect(lambda e=widget: self._popup_enter(e))
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._chain = chain
        self._owner = owner

    def _key_of(self, widget: QObject) -> str:
        return self._owner.get(id(widget), "")

    def focused_key(self) -> str:
        """The field that has the keyboard focus ("" when none)."""
        from PySide6.QtWidgets import QApplication

        widget: QWidget | None = QApplication.focusWidget()
        while widget is not None and widget is not self:
            key = self._key_of(widget)
            if key:
                return key
            widget = widget.parentWidget()
        return ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(watched, event)
        if kind == QEvent.Type.FocusOut:
            key = self._key_of(watched)
            if key:
                editor = self.editors[key]
                editor.commit_typed(False)
                if isinstance(editor, w.TableEditor):
                    for cell in editor.editors():
                        if watched is cell or watched in cell.focus_widgets():
                            cell.commit_typed(False)
                self._check_field(key)
        return False

    def _key(self, watched: QObject, event: QKeyEvent) -> bool:
        key = self._key_of(watched)
        if not key:
            return False
        if event.key() == Qt.Key.Key_F1:
            self.help_requested.emit(key)
            return True
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return False
        if isinstance(watched, QPushButton | QToolButton):
            table = self.editors.get(key)
            if (
                isinstance(table, w.TableEditor)
                and watched is table.add_button
                and table.last_row_empty()
            ):
                self.advance(watched)  # the last row is still empty: Enter leaves the table
                return True
            return False  # Enter on a button presses it
        f = self._fields[key]
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if f.widget in w.MULTILINE_WIDGETS and not ctrl:
            return False
        if isinstance(watched, w.LongTextEditor) and not ctrl:
            return False
        if mods & ~Qt.KeyboardModifier.ControlModifier:
            return False
        self._commit(watched)
        self.advance(watched)
        return True

    def _commit(self, widget: QObject) -> None:
        commit = getattr(widget, "commit_typed", None)
        if callable(commit):
            commit(True)
        elif isinstance(widget, QWidget) and isinstance(widget.parentWidget(), w.RefMultiEditor):
            multi = widget.parentWidget()
            assert isinstance(multi, w.RefMultiEditor)
            if multi.filter is not None and widget is multi.filter and multi.filter.text().strip():
                rows = multi.visible_rows()
                if len(rows) == 1:  # Enter in the search line ticks its single match
                    multi.list.setCurrentIndex(multi.codes.index(rows[0], 0))
                    if multi.codes.code(multi.codes.index(rows[0], 0)) not in multi.codes.checked:
                        multi.toggle_current()

    def _popup_enter(self, editor: Any) -> None:
        def go() -> None:  # after the list's own pick has landed
            editor.commit_typed(True)
            self.advance(editor)

        QTimer.singleShot(0, self, go)

    def advance(self, widget: QObject) -> None:
        """Focus the next field after `widget` in reading order (Enter); in a table,
        the next cell."""
        self.flush()
        try:
            index = self._chain.index(widget)  # type: ignore[arg-type]
        except ValueError:
            return
        key = self._key_of(widget)
        # The parts of one field (a code list's search line and list) are one stop.
        same_field_ok = isinstance(self.editors.get(key), w.TableEditor | w.GroupEditor)
        for candidate in self._chain[index + 1 :]:
            if not same_field_ok and self._key_of(candidate) == key:
                continue
            if (
                candidate.isVisibleTo(self)
                and candidate.isEnabled()
                and self._takes_focus(candidate)
            ):
                candidate.setFocus(Qt.FocusReason.TabFocusReason)
                self._ensure_visible(candidate)
                return

    @staticmethod
    def _takes_focus(widget: QWidget) -> bool:
        return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)

    def _ensure_visible(self, widget: QWidget) -> None:
        parent = self.parentWidget()
        while parent is not None:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget, 40, 40)
                return
            parent = parent.parentWidget()

    def focus_field(self, key: str) -> None:
        """Show the field's section and focus its editor (or the field that shows it)."""
        self.focus_path(key)

    def focus_path(self, path: str) -> None:
        key, _, rest = path.partition(".")
        if key not in self.editors:
            return
        if not self.is_visible_field(key):
            controller = self._controller(key)
            if controller and controller != key:
                self.focus_field(controller)
            return
        editor = self.editors[key]
        editor.focus_path(rest)
        self._ensure_visible(editor)

    def _controller(self, key: str) -> str | None:
        for section in self.form.sections:
            for f in section.fields:
                if f.key == key:
                    for cond in (f.visible_if, section.visible_if):
                        if cond is not None and cond.field in self.editors:
                            return cond.field
        return None

    # ------------------------------------------------------------------ values
    def editor(self, key: str) -> Any:
        return self.editors[key]

    def message_label(self, key: str) -> QLabel:
        return self.cells[key].message

    def raw_text(self, key: str) -> str:
        return str(self.editors[key].raw_text())

    def _collect_all(self, errors: list[tuple[str, DomainError]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.form.fields():
            if not f.bind:
                continue
            out[f.key] = self.editors[f.key].collect(f.key, errors)
        return out

    def _visible_values(self, errors: list[tuple[str, DomainError]]) -> dict[str, Any]:
        """Values of the fields that show (+ context); `errors` only of those: text left
        in a field that its condition then hid is kept in the editor but neither sent nor
        held against the officer."""
        found: list[tuple[str, DomainError]] = []
        everything = self._collect_all(found)
        values = {**everything, **self.context}
        shown = val.visible_keys(self.form, values)
        errors.extend(e for e in found if e[0].split(".", 1)[0] in shown)
        out = {k: x for k, x in everything.items() if k in shown}
        out.update(self.context)
        return out

    def values(self) -> dict[str, Any]:
        """Content (visible fields) + context, JSON-ready; unparsable text kept as typed."""
        return self._visible_values([])

    def set_values(self, values: Mapping[str, Any], *, mark_clean: bool = False) -> list[str]:
        """Prefill (MRZ, duplicate check, lifecycle actions): the keys that were applied."""
        applied: list[str] = []
        for key, value in values.items():
            if key in self.form.context:
                if value is None:
                    self.context.pop(key, None)
                else:
                    self.context[key] = value
                applied.append(key)
                continue
            editor = self.editors.get(key)
            if editor is None or isinstance(editor, w.ComputedEditor):
                continue
            try:
                editor.set_value(value)
            except (TypeError, ValueError, AttributeError):
                continue
            applied.append(key)
        if applied:
            self._refresh_dynamic()
            self._rebuild_chain()
            for key in applied:
                if key in self._widget_errors:
                    self._check_field(key)
            if self._validated:
                self._validate_timer.start()
            self.values_changed.emit()
        if mark_clean:
            self._baseline = self._snapshot()
        return applied

    def _snapshot(self) -> Any:
        return _norm({**self._collect_all([]), **self.context})

    def is_dirty(self) -> bool:
        return bool(self._snapshot() != self._baseline)

    def apply_mrz(self, result: Mapping[str, Any]) -> None:
        """Fill empty fields from a parsed MRZ; never overwrite what is typed (say so)."""
        parts: list[Mapping[str, Any]] = []
        preferred = "person" if self.form.collection == "persons" else "document"
        for name in (preferred, "document" if preferred == "person" else "person"):
            part = result.get(name)
            if isinstance(part, Mapping):
                parts.append(part)
        fill: dict[str, Any] = {}
        kept: list[str] = []
        for part in parts:
            for key, value in part.items():
                editor = self.editors.get(key)
                if editor is None or key in fill or value in (None, "", []):
                    continue
                f = self._fields[key]
                if f.widget in ("computed", "mrz") or f.readonly:
                    continue
                if editor.is_empty():
                    fill[key] = value
                elif _norm(editor.collect(key, [])) != _norm(value):
                    kept.append(key)
        self.set_values(fill)
        mrz_key = next((f.key for f in self.form.fields() if f.widget == "mrz"), None)
        if mrz_key is not None:
            lines = []
            if fill:
                lines.append(("info", self._labels_text("formkit.mrz_filled", fill)))
            if kept:
                lines.append(("warning", self._labels_text("formkit.mrz_kept", kept)))
            if self.is_new and self.form.collection == "persons":
                lines.append(self._scan_note(result))
            if lines:
                severity = "warning" if kept else "info"
                self._notes[mrz_key] = (severity, "\n".join(t for _s, t in lines))
            else:
                self._notes.pop(mrz_key, None)
            self._show_messages()

    def _scan_note(self, result: Mapping[str, Any]) -> tuple[str, str]:
        """What becomes of the zone's document when this new person is saved."""
        problem = scanned_document_problem(self, self.lang)
        if problem is not None:
            return "warning", text("formkit.scan_not_saved", self.lang, reason=problem)
        number = dict(result.get("document") or {}).get("series_and_number", "")
        return "info", text("formkit.scan_saved", self.lang, number=number)

    def _labels_text(self, code: str, keys: Any) -> str:
        names = ", ".join(self.form.field(k).label.get(self.lang) for k in keys)
        return text(code, self.lang, fields=names)

    # ------------------------------------------------------------------ validation
    def _field_problems(self, key: str, errors: list[tuple[str, DomainError]]) -> list[Problem]:
        return [
            Problem(
                key,
                path,
                "error",
                val.describe_path(self.form, key, path, exc.message(self.lang), self.lang),
            )
            for path, exc in errors
        ]

    def _check_field(self, key: str) -> None:
        """The widget-level check of one field (typed text that does not parse)."""
        if key not in self.editors:
            return
        errors: list[tuple[str, DomainError]] = []
        self.editors[key].collect(key, errors)
        problems = self._field_problems(key, errors)
        if problems:
            self._widget_errors[key] = problems
        else:
            self._widget_errors.pop(key, None)
        self._show_messages()

    def validate(self) -> list[Problem]:
        """Validate as the registry would; show the messages; return every problem."""
        self._validate_timer.stop()
        errors: list[tuple[str, DomainError]] = []
        values = self._visible_values(errors)
        widget_problems: list[Problem] = []
        self._widget_errors = {}
        for path, exc in errors:
            key = path.split(".", 1)[0]
            problem = self._field_problems(key, [(path, exc)])[0]
            widget_problems.append(problem)
            self._widget_errors.setdefault(key, []).append(problem)
        merged = dict(values)
        if not self.is_new:
            model_fields = getattr(self.form.model, "model_fields", {})
            form_keys = {f.key for f in self.form.fields()}
            for key, value in self.record.items():
                if key in model_fields and key not in SYSTEM_FIELDS and key not in form_keys:
                    merged.setdefault(key, value)
        bad_paths = {p.path for p in widget_problems}
        model_problems = [
            p
            for p in val.validate(self.form, merged, lang=self.lang, record_id=self.record_id)
            if p.path not in bad_paths
        ]
        order = {f.key: i for i, f in enumerate(self.form.fields())}
        problems = sorted(
            widget_problems + model_problems,
            key=lambda p: (order.get(p.key, 10**6), p.severity != "error"),
        )
        self.problems = problems
        self._validated = True
        self._show_messages()
        self.problems_changed.emit(problems)
        return problems

    def _show_messages(self) -> None:
        by_key: dict[str, list[Problem]] = {}
        source = self.problems if self._validated else []
        seen: set[tuple[str, str]] = set()
        for problem in [p for ps in self._widget_errors.values() for p in ps] + source:
            marker = (problem.path, problem.message)
            if marker in seen:
                continue
            seen.add(marker)
            by_key.setdefault(problem.key, []).append(problem)
        for key, cell in self.cells.items():
            problems = by_key.get(key, [])
            note = self._notes.get(key)
            lines = [("✖ " if p.is_error else "⚠ ") + p.message for p in problems]
            if note is not None:
                lines.append(("⚠ " if note[0] == "warning" else "ℹ ") + note[1])
            if not lines:
                if cell.has_message and cell.message.text():
                    cell.message.hide()
                    cell.message.clear()
                    self._describe(key, "")
                continue
            label = cell.message
            has_error = any(p.is_error for p in problems)
            colour = ERROR_COLOUR if has_error else WARNING_COLOUR
            if not problems and note is not None and note[0] == "info":
                colour = "palette(text)"
            shown = "\n".join(lines)
            if label.text() != shown:
                label.setStyleSheet(f"color: {colour};")
                label.setText(shown)
                self._describe(key, shown)
            label.setVisible(cell.shown)

    def _describe(self, key: str, message: str) -> None:
        editor = self.editors[key]
        parts = []
        if self._required.get(key):
            parts.append(text("formkit.required", self.lang))
        if message:
            parts.append(message)
        description = ". ".join(parts)
        editor.setAccessibleDescription(description)
        for widget in editor.focus_widgets():
            if widget is not editor:
                widget.setAccessibleDescription(description)

    def add_save_guard(self, guard: Callable[[dict[str, Any], Callable[[], None]], None]) -> None:
        """`guard(values, proceed)` runs before the save is queued; `proceed()` goes on
        (e.g. the duplicate check of a new person)."""
        self._guards.append(guard)

    # ------------------------------------------------------------------ saving
    def changed_fields(self) -> dict[str, Any]:
        """What an update would send: visible fields whose value differs from the record."""
        values = self.values()
        out: dict[str, Any] = {}
        for key, value in values.items():
            if key in self.form.context:
                if self.record.get(key) is None and value is not None:
                    out[key] = value
                continue
            if _norm(value) != _norm(self.record.get(key)):
                out[key] = value
        return out

    def payload(self) -> tuple[str, dict[str, Any]]:
        """(kind, fields) the save would queue."""
        if self.is_new:
            values = self.values()
            return "create", {k: x for k, x in values.items() if x is not None and x != []}
        return "update", self.changed_fields()

    def save(self, after: Callable[[Any], Any] | None = None) -> bool:
        """Validate; on errors focus the first and return False (nothing queued). Else
        run the save guards, then queue through LocalWriter on the DB thread."""
        if self.readonly or self._saving:
            return False
        problems = self.validate()
        errors = [p for p in problems if p.is_error]
        if errors:
            self.focus_path(errors[0].path)
            return False
        if self.session is None or getattr(self.session, "tasks", None) is None:
            return False
        values = self.values()
        guards = list(self._guards)

        def step(index: int) -> None:
            if index < len(guards):
                guards[index](dict(values), lambda: step(index + 1))
            else:
                self._queue(after)

        step(0)
        return True

    def _queue(self, after: Callable[[Any], Any] | None) -> None:
        from sync.local_first import LocalWriter

        session = self.session
        assert session is not None  # save() checked
        kind, fields = self.payload()
        collection = self.form.collection
        record_id = self.record_id
        officer = str(getattr(session, "username", "") or "")
        version = self.record.get("version")
        base_version = int(version) if kind == "update" and version else None
        document = scanned_document(self, record_id) if kind == "create" else None
        self._saving = True

        def work(store: Any) -> Any:
            if store is None:
                raise RuntimeError(text("formkit.no_store", self.lang))
            writer = LocalWriter(store, officer)
            result = writer.save(
                collection, record_id, fields, kind=kind, base_version=base_version
            )
            if document is not None:  # the passport scanned on a new person's form
                writer.save("documents", str(uuid.uuid4()), document, depends_on=[result.op_id])
            if after is not None:
                after(store)
            return result

        session.tasks.run_db(work, self._queued, self._queue_failed, owner=self)

    def _queued(self, result: Any) -> None:
        self._saving = False
        view = dict(getattr(result, "record", None) or {})
        if not view:
            view = {**self.record, **self.payload()[1], "id": self.record_id}
        self.record = view
        self.is_new = False
        self._baseline = self._snapshot()
        self.status.hide()
        self.saved.emit(self.form.collection, view)
        outbox_changed = getattr(self.session, "outbox_changed", None)
        if callable(outbox_changed):
            outbox_changed()

    def _queue_failed(self, exc: BaseException) -> None:
        self._saving = False
        try:
            from registry_desktop.session import error_text

            reason = error_text(exc, self.lang)
        except Exception:
            reason = str(exc)
        message = text("formkit.save_failed", self.lang, error=reason)
        self.status.setText("✖ " + message)
        self.status.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.status.show()
        self.save_failed.emit(message)

    # ------------------------------------------------------------------ read-only & language
    def _apply_readonly(self) -> None:
        for editor in self.editors.values():
            editor.set_readonly(True)
        if self.locked:
            self.status.setText("🔒 " + text("formkit.locked", self.lang))
            self.status.setStyleSheet("")
            self.status.show()

    def set_language(self, lang: str) -> None:
        self.lang = lang if lang in ("lv", "en") else "lv"
        self._retranslate()
        for editor in self.editors.values():
            editor.retranslate(self.lang)
        if self.readonly and self.locked:
            self.status.setText("🔒 " + text("formkit.locked", self.lang))
        self._refresh_dynamic()
        if self._validated:
            self.validate()
        else:
            for key in list(self._widget_errors):
                self._check_field(key)

    def _retranslate(self) -> None:
        lang = self.lang
        for section, box, _grid in self.sections:
            box.setTitle(section.title.get(lang))
            box.setToolTip(section.help.get(lang) if section.help else "")
        for f in self.form.fields():
            cell = self.cells[f.key]
            editor = self.editors[f.key]
            label = f.label.get(lang)
            required = self._required.get(f.key, False)
            cell.label.setText(f"{label} *" if required else label)
            if isinstance(editor, w.BoolEditor):
                editor.setText(f"{label} *" if required else label)
            editor.setAccessibleName(label)
            for widget in editor.focus_widgets():
                if widget is not editor and not isinstance(editor, w.TableEditor | w.GroupEditor):
                    widget.setAccessibleName(label)
            tip = f.help.get(lang)
            if f.example:
                tip = f"{tip}\n{f.example}" if tip else f.example
            editor.setToolTip(tip)
            self._describe(f.key, cell.message.text() if cell.has_message else "")


def scanned_document(form: QWidget, person_id: str) -> dict[str, Any] | None:
    """The identity document read from an MRZ on a person's form, as a document record of
    `person_id`; None when no zone was read, or it cannot be trusted or does not make a
    valid document (`scanned_document_problem` says why; the officer then adds the
    document with its own form)."""
    return _scanned(form, person_id)[0]


def scanned_document_problem(form: QWidget, lang: str) -> str | None:
    """Why the zone read on a person's form will not be saved as a document (in `lang`);
    None when it will be, or when no zone was read."""
    return _scanned(form, str(uuid.uuid4()), lang)[1]


def _scanned(
    form: QWidget, person_id: str, lang: str = "lv"
) -> tuple[dict[str, Any] | None, str | None]:
    from pydantic import ValidationError

    from registry_core.messages import field_errors
    from registry_core.records import COLLECTIONS
    from registry_desktop.formkit.mrz_field import MrzField

    if getattr(getattr(form, "form", None), "collection", "persons") != "persons":
        return None, None
    for field in form.findChildren(MrzField):
        result = field.result() or {}
        document = {k: v for k, v in dict(result.get("document") or {}).items() if v}
        if not document.get("series_and_number"):
            continue
        if not result.get("valid"):
            # A check digit failed: the number may be misread. The person's fields are
            # on the form for the officer to see; a document record would be unseen.
            return None, text("formkit.scan_unchecked", lang)
        document["person_id"] = person_id
        try:
            COLLECTIONS["documents"].model.model_validate({**document, "id": str(uuid.uuid4())})
        except ValidationError as exc:
            return None, "; ".join(field_errors(exc, lang).values())
        except DomainError as exc:
            return None, exc.message(lang)
        return document, None
    return None, None
