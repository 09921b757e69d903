"""Field editors of the forms: one class per widget kind of `forms/*.yaml`.

Every editor keeps exactly the text the officer typed: `value()` returns the JSON-ready
value (codes as strings, ISO dates, datetimes with the Europe/Riga offset, partial dates as
their ISO prefix, tables as lists of dicts) or raises `DomainError` with the message code
when the text does not parse — the text itself is never rewritten. `collect(path, errors)`
is `value()` that records the failure and returns the raw text instead, so that nothing
typed is lost. A value set with `set_value()` and left untouched comes back exactly as it
was set (no spurious changes on update). Signal `edited()` fires on the officer's edits.

Editors never start threads or touch the store; reference lists come from the session's
cached lists (`session.code_labels.cached`), else the lists built into `registry_core`,
each loaded once per process into a shared item model.
"""

from __future__ import annotations

import atexit
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from registry_core.messages import DomainError, register, text
from registry_desktop.formdefs import FieldDef, Text
from registry_desktop.formkit import validation as v

register(
    {
        "formkit.add_row": ("+ Pievienot rindu (Ins)", "+ Add row (Ins)"),
        "formkit.remove_row": ("Dzēst {n}. rindu (Ctrl+Del)", "Remove row {n} (Ctrl+Del)"),
        "formkit.cell": ("{label}, {n}. rinda", "{label}, row {n}"),
        "formkit.filter": ("Meklēt sarakstā…", "Search the list…"),
        "formkit.date_hint": ("dd.mm.gggg", "dd.mm.yyyy"),
        "formkit.datetime_hint": ("dd.mm.gggg hh:mm", "dd.mm.yyyy hh:mm"),
        "formkit.partial_hint": ("gggg, mm.gggg vai dd.mm.gggg", "yyyy, mm.yyyy or dd.mm.yyyy"),
        "formkit.list_hint": ("atdaliet ar semikolu", "separate with semicolons"),
        "formkit.ref_hint": ("rakstiet kodu vai nosaukumu", "type a code or a name"),
        "formkit.mrz_hint": (
            "Ielīmējiet vai noskenējiet MRZ rindas",
            "Paste or scan the MRZ lines",
        ),
        "formkit.none": ("—", "—"),
    }
)

CODE_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
PARTS_ROLE = Qt.ItemDataRole.UserRole + 2  # (code, label lv, label en), folded

# Widgets whose Enter is their own (new line; scanners end MRZ lines with Enter).
MULTILINE_WIDGETS = frozenset({"longtext", "mrz"})


def fold(value: str) -> str:
    """Case- and accent-insensitive form of a text ("Ķīna" → "kina")."""
    decomposed = unicodedata.normalize("NFD", value.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


# --------------------------------------------------------------------------- references

_SEED_CACHE: dict[str, list[tuple[str, str, str]]] = {}
_MODEL_CACHE: dict[tuple[str, str, str], tuple[Any, QStandardItemModel]] = {}
_RETIRED: list[QStandardItemModel] = []
_ENUM_LISTS: dict[Any, str] | None = None


def reference_items(ref: str, session: Any | None = None) -> list[tuple[str, str, str]]:
    """(code, label_lv, label_en) of list `ref`: the session's cached list first, else the
    list built into registry_core (loaded once per process); [] for an unknown list."""
    cached = _cached_table(ref, session)
    if cached:
        return [(code, lv, en) for code, (lv, en) in cached.items()]
    return _seed(ref)


def _cached_table(ref: str, session: Any | None) -> Any:
    labels = getattr(session, "code_labels", None)
    table = getattr(labels, "cached", {}).get(ref) if labels is not None else None
    return table or None


def _seed(ref: str) -> list[tuple[str, str, str]]:
    items = _SEED_CACHE.get(ref)
    if items is None:
        try:
            from registry_core.reference import seed_items

            items = [(i.code, i.label_lv, i.label_en) for i in seed_items(ref)]
        except Exception:  # unknown list: a free-text code field
            items = []
        _SEED_CACHE[ref] = items
    return items


def enum_list_name(enum: Any) -> str | None:
    """The reference list that mirrors a registry_core enum (for its labels)."""
    global _ENUM_LISTS
    if _ENUM_LISTS is None:
        from registry_core.reference.lists import REFERENCE_LISTS

        _ENUM_LISTS = {d.enum: n for n, d in REFERENCE_LISTS.items() if d.enum is not None}
    return _ENUM_LISTS.get(enum)


def display_text(code: str, label: str) -> str:
    return label if not code or label == code else f"{label} ({code})"


def reference_model(ref: str, lang: str, session: Any | None = None) -> QStandardItemModel:
    """The shared item model of list `ref` in `lang`: of the session's cached list (built
    again when that list is replaced), else of the list built into registry_core."""
    source = _cached_table(ref, session)
    key = (ref, "en" if lang == "en" else "lv", "seed" if source is None else "cached")
    hit = _MODEL_CACHE.get(key)
    if hit is not None and (source is None or hit[0] is source):
        return hit[1]
    items = reference_items(ref, session)
    model = QStandardItemModel(QCoreApplication.instance())
    for code, lv, en in items:
        item = QStandardItem(display_text(code, en if lang == "en" else lv))
        item.setData(code, CODE_ROLE)
        parts = (fold(code), fold(lv), fold(en))
        item.setData(" ".join(parts), SEARCH_ROLE)
        item.setData(parts, PARTS_ROLE)
        item.setEditable(False)
        model.appendRow(item)
    if hit is not None:
        _RETIRED.append(hit[1])  # forms still open keep showing it
    _MODEL_CACHE[key] = (source, model)
    return model


def _drop_models() -> None:
    """Delete the shared models before Qt tears the application down (at exit): views
    still showing them then react while Qt can still run their timers."""
    from shiboken6 import delete, isValid

    for model in [m for _s, m in _MODEL_CACHE.values()] + _RETIRED:
        if isValid(model):
            delete(model)
    _MODEL_CACHE.clear()
    _RETIRED.clear()


atexit.register(_drop_models)


class FoldingCompleter(QCompleter):
    """Matches what is typed anywhere in the code, Latvian or English label, ignoring case
    and accents ("kina" finds "Ķīna"); inserts the item's display text."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt API)
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


# --------------------------------------------------------------------------- base


class _Editor:
    """What the renderer relies on; each editor class implements these."""

    widget_kind = "text"

    def value(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    def set_value(self, value: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def raw_text(self) -> str:  # pragma: no cover - interface
        raise NotImplementedError

    def collect(self, path: str, errors: list[tuple[str, DomainError]]) -> Any:
        try:
            return self.value()
        except DomainError as exc:
            errors.append((path, exc))
            return self.raw_text() or None
        except (TypeError, ValueError, AttributeError):  # a malformed value set from outside
            errors.append((path, DomainError("invalid")))
            return self.raw_text() or None

    def is_empty(self) -> bool:
        return not self.raw_text().strip()

    def focus_widgets(self) -> list[QWidget]:
        return [self] if isinstance(self, QWidget) else []

    def focus_path(self, rest: str) -> bool:
        """Focus the part of the editor named by `rest` (a table's "2.act")."""
        widgets = self.focus_widgets()
        if widgets:
            widgets[0].setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    def set_readonly(self, readonly: bool) -> None:  # pragma: no cover - interface
        raise NotImplementedError

    def retranslate(self, lang: str) -> None:
        pass

    def commit_typed(self, explicit: bool) -> None:
        """Finish a type-ahead pick (Enter: best match; focus out: a unique match)."""


class LineEditor(QLineEdit, _Editor):
    """One line of text; subclasses parse and format."""

    edited = Signal()
    hint_code: str | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._shown: str | None = None
        self._original: Any = None
        self.textEdited.connect(self.edited)

    def parse(self, raw: str) -> Any:
        stripped = raw.strip()
        return stripped or None

    def format(self, value: Any) -> str:
        return str(value)

    def value(self) -> Any:
        raw = self.text()
        if self._shown is not None and raw == self._shown:
            return self._original
        return self.parse(raw)

    def set_value(self, value: Any) -> None:
        shown = "" if value is None else self.format(value)
        self.setText(shown)
        self._shown = shown
        self._original = value

    def raw_text(self) -> str:
        return self.text()

    def set_readonly(self, readonly: bool) -> None:
        self.setReadOnly(readonly)

    def retranslate(self, lang: str) -> None:
        if self.hint_code:
            self.setPlaceholderText(text(self.hint_code, lang))


class TextEditor(LineEditor):
    widget_kind = "text"


class IntEditor(LineEditor):
    widget_kind = "int"

    def parse(self, raw: str) -> Any:
        return v.parse_int_text(raw)


class DecimalEditor(LineEditor):
    widget_kind = "decimal"

    def parse(self, raw: str) -> Any:
        return v.parse_decimal_text(raw)

    def format(self, value: Any) -> str:
        return str(value).replace(".", ",")


class DateEditor(LineEditor):
    widget_kind = "date"
    hint_code = "formkit.date_hint"

    def parse(self, raw: str) -> Any:
        parsed = v.parse_date_text(raw)
        return parsed.isoformat() if parsed else None

    def format(self, value: Any) -> str:
        return v.format_date(value)


class DateTimeEditor(LineEditor):
    widget_kind = "datetime"
    hint_code = "formkit.datetime_hint"

    def parse(self, raw: str) -> Any:
        parsed = v.parse_datetime_text(raw)
        return parsed.isoformat() if parsed else None

    def format(self, value: Any) -> str:
        return v.format_datetime(value)


class PartialDateEditor(LineEditor):
    widget_kind = "partial_date"
    hint_code = "formkit.partial_hint"

    def parse(self, raw: str) -> Any:
        from registry_core.records.base import format_partial_date, parse_partial_date

        stripped = raw.strip()
        if not stripped:
            return None
        return format_partial_date(parse_partial_date(stripped))

    def format(self, value: Any) -> str:
        return v.format_partial(value)


class TextListEditor(LineEditor):
    """Several short texts on one line, separated by semicolons (or commas)."""

    widget_kind = "text_list"
    hint_code = "formkit.list_hint"

    def parse(self, raw: str) -> Any:
        parts = raw.replace(",", ";").replace("\n", ";").split(";")
        return [p.strip() for p in parts if p.strip()]

    def format(self, value: Any) -> str:
        if isinstance(value, list | tuple):
            return "; ".join(str(p) for p in value)
        return str(value)

    def set_value(self, value: Any) -> None:
        super().set_value(value if value else None)
        if not value:
            self._original = []

    def value(self) -> Any:
        result = super().value()
        if isinstance(result, str):  # a single text set as the value
            result = self.parse(result)
        if not result:
            return []
        if not isinstance(result, list | tuple):
            return [str(result)]
        return [str(x) for x in result]


class LongTextEditor(QPlainTextEdit, _Editor):
    """Several lines; Enter is a new line, Tab leaves, Ctrl+Enter goes to the next field."""

    widget_kind = "longtext"
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self._setting = False
        self._shown: str | None = None
        self._original: Any = None
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * 3 + 12)
        self.setMaximumHeight(line * 8 + 12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> Any:
        raw = self.toPlainText()
        if self._shown is not None and raw == self._shown:
            return self._original
        return raw.strip() or None

    def set_value(self, value: Any) -> None:
        shown = "" if value is None else str(value)
        self._setting = True
        try:
            self.setPlainText(shown)
        finally:
            self._setting = False
        self._shown = shown
        self._original = value

    def raw_text(self) -> str:
        return self.toPlainText()

    def set_readonly(self, readonly: bool) -> None:
        self.setReadOnly(readonly)


class BoolEditor(QCheckBox, _Editor):
    widget_kind = "bool"
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._readonly = False
        self._setting = False
        self.toggled.connect(self._changed)

    def _changed(self, _on: bool) -> None:
        if not self._setting:
            self.edited.emit()

    def nextCheckState(self) -> None:  # noqa: N802 (Qt API)
        if not self._readonly:
            super().nextCheckState()

    def value(self) -> Any:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            self.setChecked(bool(value))
        finally:
            self._setting = False

    def raw_text(self) -> str:
        return "1" if self.isChecked() else ""

    def is_empty(self) -> bool:
        return True  # an unticked or ticked box alone does not make a table row

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly


class _ReadOnlyCombo(QComboBox):
    """A combo box that can be made read-only (still focusable and readable)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._readonly = False
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def showPopup(self) -> None:  # noqa: N802 (Qt API)
        if not self._readonly:
            super().showPopup()

    def wheelEvent(self, event: Any) -> None:  # noqa: N802 (Qt API)
        event.ignore()  # never change a value by scrolling past it

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if self._readonly and event.key() not in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            event.ignore()
            return
        super().keyPressEvent(event)


class RefEditor(_ReadOnlyCombo, _Editor):
    """One code of a reference list: an editable type-ahead combo over the cached list.

    Signals:
        edited(): typed or picked.
        entered(): Enter reached the combo's line (also from the open type-ahead list).
    """

    widget_kind = "ref"
    edited = Signal()
    entered = Signal()

    def __init__(self, ref: str, session: Any | None, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ref = ref
        self.session = session
        self.lang = lang
        self._setting = False
        self._shown: str | None = None
        self._original: Any = None
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setModel(reference_model(ref, lang, session))
        completer = FoldingCompleter(self)
        completer.setModel(self.model())
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(12)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        self.typeahead: FoldingCompleter = completer
        line = self.lineEdit()
        assert line is not None  # editable
        self.line: QLineEdit = line
        line.textEdited.connect(self.edited)
        line.returnPressed.connect(self.entered)
        line.textEdited.connect(lambda _t: QTimer.singleShot(0, self, self._highlight_best))
        self.currentIndexChanged.connect(self._index_changed)

    # The line edit inside the combo is what takes the typing: it carries the combo's
    # names too, so screen readers and tests find every input (DESIGN.md §8).
    def setObjectName(self, name: str) -> None:  # noqa: N802 (Qt API)
        super().setObjectName(name)
        line = getattr(self, "line", None)
        if line is not None:
            line.setObjectName(f"{name}_text")

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt API)
        super().setAccessibleName(name)
        line = getattr(self, "line", None)
        if line is not None:
            line.setAccessibleName(name)

    def _index_changed(self, _index: int) -> None:
        if not self._setting:
            self.edited.emit()

    # ---------------------------------------------------------------- matching
    def _row_of(self, code: str) -> int:
        model = self.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(CODE_ROLE) == code:
                return row
        return -1

    def _exact(self, raw: str) -> str | None:
        wanted = fold(raw)
        if not wanted:
            return None
        model = self.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            code = str(index.data(CODE_ROLE))
            if fold(code) == wanted or fold(str(index.data())) == wanted:
                return code
        for code, lv, en in reference_items(self.ref, self.session):
            if wanted in (fold(lv), fold(en)):
                return code
        return None

    def matches(self, raw: str) -> list[str]:
        """Codes whose code or labels contain `raw` (case and accents ignored), best
        first: the code itself, then labels that start so, then words that do."""
        return [code for _rank, _row, code in self._ranked(raw)]

    def _ranked(self, raw: str) -> list[tuple[int, int, str]]:
        wanted = fold(raw)
        if not wanted:
            return []
        model = self.model()
        out = []
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if wanted not in str(index.data(SEARCH_ROLE)):
                continue
            code, lv, en = index.data(PARTS_ROLE) or ("", "", "")
            if code == wanted:
                rank = 0
            elif lv.startswith(wanted) or en.startswith(wanted) or code.startswith(wanted):
                rank = 1
            elif any(word.startswith(wanted) for word in f"{lv} {en}".split()):
                rank = 2
            else:
                rank = 3
            out.append((rank, row, str(index.data(CODE_ROLE))))
        out.sort()
        return out

    def _highlight_best(self) -> None:
        """Put the popup's highlight on the best match, so that Enter picks what it shows."""
        completer = self.typeahead
        popup = completer.popup()
        if popup is None or not popup.isVisible():
            return
        ranked = self._ranked(self.currentText())
        if not ranked:
            return
        best = ranked[0][2]
        model = completer.completionModel()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if str(index.data(CODE_ROLE)) == best:
                popup.setCurrentIndex(index)
                return

    def commit_typed(self, explicit: bool) -> None:
        raw = self.currentText()
        if self._readonly or not raw.strip() or raw == self._shown:
            return
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == raw:
            return
        code = self._exact(raw)
        if code is None:
            found = self.matches(raw)
            if explicit:
                popup = self.typeahead.popup()
                visible = popup is not None and popup.isVisible()
                current = popup.currentIndex() if popup is not None and visible else QModelIndex()
                if current.isValid():
                    code = str(current.data(CODE_ROLE))
                elif found:
                    code = found[0]
            elif len(found) == 1:
                code = found[0]
        if code is not None:
            row = self._row_of(code)
            if row >= 0:
                self.setCurrentIndex(row)
                self.setEditText(self.itemText(row))
        popup = self.typeahead.popup()
        if popup is not None:
            popup.hide()

    # ---------------------------------------------------------------- value
    def value(self) -> Any:
        raw = self.currentText()
        if self._shown is not None and raw == self._shown:
            return self._original
        if not raw.strip():
            return None
        index = self.currentIndex()
        if index >= 0 and self.itemText(index) == raw:
            return str(self.itemData(index, CODE_ROLE))
        code = self._exact(raw)
        if code is None:
            raise DomainError("formkit.ref_unknown")
        return code

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            if value is None or value == "":
                self.setCurrentIndex(-1)
                self.setEditText("")
                shown = ""
            else:
                code = str(value)
                row = self._row_of(code)
                self.setCurrentIndex(row)
                shown = self.itemText(row) if row >= 0 else code
                self.setEditText(shown)
        finally:
            self._setting = False
        self._shown = shown
        self._original = value if value != "" else None

    def raw_text(self) -> str:
        return self.currentText()

    def focus_widgets(self) -> list[QWidget]:
        return [self]

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.line.setReadOnly(readonly)

    def retranslate(self, lang: str) -> None:
        if lang == self.lang:
            self.line.setPlaceholderText(text("formkit.ref_hint", lang))
            return
        raw = self.currentText()
        selected = self.currentIndex() >= 0 and self.itemText(self.currentIndex()) == raw
        code = str(self.itemData(self.currentIndex(), CODE_ROLE)) if selected else None
        was_shown = raw == self._shown
        self.lang = lang
        self._setting = True
        try:
            model = reference_model(self.ref, lang, self.session)
            self.setModel(model)
            self.typeahead.setModel(model)
            if code is not None:
                row = self._row_of(code)
                self.setCurrentIndex(row)
                self.setEditText(self.itemText(row))
            else:
                self.setCurrentIndex(-1)
                self.setEditText(raw)
        finally:
            self._setting = False
        if was_shown:
            self._shown = self.currentText()
        self.line.setPlaceholderText(text("formkit.ref_hint", lang))


class ChoiceEditor(_ReadOnlyCombo, _Editor):
    """One value of a closed set (the definition's options, else the model's enum)."""

    widget_kind = "choice"
    edited = Signal()

    def __init__(
        self,
        options: Sequence[tuple[str, Text]],
        lang: str,
        *,
        allow_empty: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.options = list(options)
        self.allow_empty = allow_empty
        self._setting = False
        if allow_empty:
            self.addItem("", None)
        for key, label in self.options:
            self.addItem(label.get(lang), key)
        self.currentIndexChanged.connect(self._changed)

    def _changed(self, _index: int) -> None:
        if not self._setting:
            self.edited.emit()

    def value(self) -> Any:
        data = self.currentData()
        return None if data is None else str(data)

    def set_value(self, value: Any) -> None:
        self._setting = True
        try:
            if value is None:
                self.setCurrentIndex(0 if self.allow_empty else -1)
                return
            row = self.findData(str(value))
            if row < 0:
                self.addItem(str(value), str(value))
                row = self.count() - 1
            self.setCurrentIndex(row)
        finally:
            self._setting = False

    def raw_text(self) -> str:
        return self.currentText()

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly

    def retranslate(self, lang: str) -> None:
        labels = {key: label.get(lang) for key, label in self.options}
        for row in range(self.count()):
            key = self.itemData(row)
            if key in labels:
                self.setItemText(row, labels[key])


class CheckedCodes(QIdentityProxyModel):
    """A shared reference-list model seen with this editor's ticks (check states by code)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.checked: set[str] = set()
        self.readonly = False

    def code(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(super().data(index, CODE_ROLE))

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and not self.readonly:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid():
            checked = self.code(index) in self.checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return super().data(index, role)

    def setData(  # noqa: N802 (Qt API)
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 2
    ) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or self.readonly:
            return False
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        code = self.code(index)
        if state == Qt.CheckState.Checked:
            self.checked.add(code)
        else:
            self.checked.discard(code)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True


class RefMultiEditor(QWidget, _Editor):
    """Several codes of a reference list: a checkable list (Space ticks), with a search
    line above long lists (Down goes into the list; Enter ticks a single match)."""

    widget_kind = "ref_multi"
    edited = Signal()
    FILTER_FROM = 12

    def __init__(self, ref: str, session: Any | None, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ref = ref
        self.session = session
        self.lang = lang
        self._readonly = False
        self.unknown: list[str] = []  # codes no longer in the list: kept, shown below
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        source = reference_model(ref, lang, session)
        self.filter: QLineEdit | None = None
        if source.rowCount() > self.FILTER_FROM:
            self.filter = QLineEdit(self)
            self.filter.setClearButtonEnabled(True)
            self.filter.textChanged.connect(self._apply_filter)
            self.filter.installEventFilter(self)
            layout.addWidget(self.filter)
        self.codes = CheckedCodes(self)
        self.codes.setSourceModel(source)
        self.list = QListView(self)
        self.list.setUniformItemSizes(True)
        self.list.setModel(self.codes)
        rows = min(max(source.rowCount(), 2), 6)
        line = self.list.fontMetrics().lineSpacing() + 6
        self.list.setFixedHeight(line * rows + 2 * self.list.frameWidth())
        self.codes.dataChanged.connect(self._changed)
        layout.addWidget(self.list)
        self.unknown_label: QLabel | None = None
        self.retranslate(lang)

    def _changed(self, *_args: Any) -> None:
        self.edited.emit()

    def _apply_filter(self, typed: str) -> None:
        wanted = fold(typed)
        first = -1
        for row in range(self.codes.rowCount()):
            index = self.codes.index(row, 0)
            hidden = bool(wanted) and wanted not in str(index.data(SEARCH_ROLE))
            self.list.setRowHidden(row, hidden)
            if not hidden and first < 0:
                first = row
        if first >= 0:
            self.list.setCurrentIndex(self.codes.index(first, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        ):
            self.list.setFocus()
            return True
        return False

    def visible_rows(self) -> list[int]:
        return [r for r in range(self.codes.rowCount()) if not self.list.isRowHidden(r)]

    def row_of(self, code: str) -> int:
        for row in range(self.codes.rowCount()):
            if self.codes.code(self.codes.index(row, 0)) == code:
                return row
        return -1

    def toggle(self, row: int) -> None:
        index = self.codes.index(row, 0)
        if not index.isValid() or self._readonly:
            return
        checked = self.codes.code(index) in self.codes.checked
        self.codes.setData(
            index,
            Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
            Qt.ItemDataRole.CheckStateRole,
        )

    def toggle_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid() and not self.list.isRowHidden(index.row()):
            self.toggle(index.row())

    def value(self) -> Any:
        ordered = [
            self.codes.code(self.codes.index(r, 0))
            for r in range(self.codes.rowCount())
            if self.codes.code(self.codes.index(r, 0)) in self.codes.checked
        ]
        return ordered + [c for c in self.unknown if c in self.codes.checked]

    def set_value(self, value: Any) -> None:
        wanted = [str(c) for c in (value or [])] if isinstance(value, list | tuple) else []
        if isinstance(value, str) and value:
            wanted = [value]
        self.codes.checked = set(wanted)
        self.unknown = [c for c in wanted if self.row_of(c) < 0]
        if self.codes.rowCount():
            self.codes.dataChanged.disconnect(self._changed)
            try:
                last = self.codes.index(self.codes.rowCount() - 1, 0)
                self.codes.dataChanged.emit(self.codes.index(0, 0), last)
            finally:
                self.codes.dataChanged.connect(self._changed)
        self._show_unknown()

    def _show_unknown(self) -> None:
        if not self.unknown and self.unknown_label is None:
            return
        if self.unknown_label is None:
            self.unknown_label = QLabel(self)
            self.unknown_label.setWordWrap(True)
            layout = self.layout()
            if layout is not None:
                layout.addWidget(self.unknown_label)
        self.unknown_label.setText("+ " + ", ".join(self.unknown) if self.unknown else "")
        self.unknown_label.setVisible(bool(self.unknown))

    def raw_text(self) -> str:
        return "; ".join(self.value())

    def focus_widgets(self) -> list[QWidget]:
        return [x for x in (self.filter, self.list) if x is not None]

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.codes.readonly = readonly
        if self.filter is not None:
            self.filter.setVisible(not readonly)

    def retranslate(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self.codes.setSourceModel(reference_model(self.ref, lang, self.session))
            if self.filter is not None:
                self._apply_filter(self.filter.text())
        if self.filter is not None:
            self.filter.setPlaceholderText(text("formkit.filter", lang))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt API)
        super().setAccessibleName(name)
        self.list.setAccessibleName(name)
        if self.filter is not None:
            self.filter.setAccessibleName(name)

    def setObjectName(self, name: str) -> None:  # noqa: N802 (Qt API)
        super().setObjectName(name)
        self.list.setObjectName(f"{name}_list")
        if self.filter is not None:
            self.filter.setObjectName(f"{name}_filter")


class ComputedEditor(QLabel, _Editor):
    """A live figure computed from other fields (read-only)."""

    widget_kind = "computed"
    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setWordWrap(True)
        self.shown: str | None = None
        self.alert = False
        self.set_display(None)

    def set_display(self, shown: str | None, alert: bool = False) -> None:
        self.shown = shown
        self.alert = alert and shown is not None
        if shown is None:
            self.setText("—")
            self.setStyleSheet("")
        elif self.alert:
            self.setText(f"⚠ {shown}")
            self.setStyleSheet("color: #b00020; font-weight: bold;")
        else:
            self.setText(shown)
            self.setStyleSheet("font-weight: bold;")
        self.setAccessibleDescription(self.text())

    def value(self) -> Any:
        return None

    def set_value(self, value: Any) -> None:
        pass

    def raw_text(self) -> str:
        return self.shown or ""

    def is_empty(self) -> bool:
        return True

    def focus_widgets(self) -> list[QWidget]:
        return []

    def set_readonly(self, readonly: bool) -> None:
        pass


class PlainMrzEditor(QPlainTextEdit, _Editor):
    """The MRZ box until `MrzField` is there: the lines are kept, nothing is parsed."""

    widget_kind = "mrz"
    edited = Signal()
    parsed = Signal(dict)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.textChanged.connect(self.edited)
        self.retranslate(lang)

    def value(self) -> Any:
        return self.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))

    def raw_text(self) -> str:
        return self.toPlainText()

    def set_readonly(self, readonly: bool) -> None:
        self.setReadOnly(readonly)

    def retranslate(self, lang: str) -> None:
        self.setPlaceholderText(text("formkit.mrz_hint", lang))


_MRZ_CLASS: list[Any] = []


def _mrz_class() -> Any:
    """`MrzField` with the editor interface (None while mrz_field.py is missing)."""
    if _MRZ_CLASS:
        return _MRZ_CLASS[0]
    try:
        from registry_desktop.formkit.mrz_field import MrzField
    except ImportError:
        _MRZ_CLASS.append(None)
        return None

    class MrzEditor(MrzField, _Editor):
        widget_kind = "mrz"

        def value(self) -> Any:
            return str(self.text()).strip() or None

        def set_value(self, value: Any) -> None:
            self.set_text("" if value is None else str(value))

        def raw_text(self) -> str:
            return str(self.text())

        def focus_widgets(self) -> list[QWidget]:
            proxy = self.focusProxy()
            return [proxy] if proxy is not None else [self]

        def set_readonly(self, readonly: bool) -> None:
            self.setReadOnly(readonly)

        def retranslate(self, lang: str | None = None) -> None:
            if lang is None:
                super().retranslate()
            else:
                self.set_language(lang)

        def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt API)
            super().setAccessibleName(name)
            proxy = self.focusProxy()
            if proxy is not None:
                proxy.setAccessibleName(name)

    _MRZ_CLASS.append(MrzEditor)
    return MrzEditor


def make_mrz_editor(lang: str, parent: QWidget) -> Any:
    cls = _mrz_class()
    if cls is None:
        return PlainMrzEditor(lang, parent)
    return cls(parent, language=lang)


# --------------------------------------------------------------------------- sub-records

EditorFactory = Callable[[FieldDef, Any, QWidget], Any]


class _Row:
    def __init__(self) -> None:
        self.editors: dict[str, Any] = {}
        self.extra: dict[str, Any] = {}
        self.pristine: dict[str, str] = {}  # raw texts of a new row (defaults)
        self.remove: QToolButton | None = None


class TableEditor(QWidget, _Editor):
    """A list of sub-records: one row of editors per record, one column per sub-field.

    Keyboard: Ins adds a row after the current one, Ctrl+Del (or Del in an empty row)
    removes the current row; Tab walks the cells row by row. Enter on "+ add row" adds
    a row, unless the last row is still empty: then it leaves the table."""

    widget_kind = "table"
    edited = Signal()
    structure_changed = Signal()

    def __init__(
        self,
        key: str,
        columns: Sequence[FieldDef],
        sub_model: Any,
        factory: EditorFactory,
        lang: str,
        *,
        min_rows: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.columns = list(columns)
        self.sub_model = sub_model
        self.factory = factory
        self.lang = lang
        self.min_rows = min_rows
        self.rows: list[_Row] = []
        self._readonly = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        self.grid = QGridLayout()
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(2)
        self.headers: list[QLabel] = []
        for col, column in enumerate(self.columns):
            header = QLabel(self)
            header.setObjectName(f"header_{key}_{column.key}")
            self.headers.append(header)
            self.grid.addWidget(header, 0, col)
            self.grid.setColumnStretch(col, 1)
        outer.addLayout(self.grid)
        bottom = QHBoxLayout()
        self.add_button = QPushButton(self)
        self.add_button.setObjectName(f"field_{key}_add")
        self.add_button.setAutoDefault(True)  # Enter on it adds a row
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        bottom.addWidget(self.add_button)
        bottom.addStretch(1)
        outer.addLayout(bottom)
        for _ in range(min_rows):
            self.add_row(emit=False)
        self.retranslate(lang)

    # ---------------------------------------------------------------- rows
    def _required(self, column: FieldDef) -> bool:
        if column.required is not None:
            return bool(column.required)
        return bool(column.bind) and v.model_field_required(self.sub_model, column.bind or "")

    def add_row(self, after: int | None = None, *, focus: bool = False, emit: bool = True) -> _Row:
        row = _Row()
        for column in self.columns:
            editor = self.factory(column, self.sub_model, self)
            default = column.default
            if default is None and column.bind:
                default = v.model_default(self.sub_model, column.bind)
            if default is not None:
                editor.set_value(default)
            editor.set_readonly(self._readonly or column.readonly)
            editor.edited.connect(self.edited)
            editor.installEventFilter(self)
            for w in editor.focus_widgets():
                if w is not editor:
                    w.installEventFilter(self)
            row.editors[column.key] = editor
            row.pristine[column.key] = editor.raw_text()
        remove = QToolButton(self)
        remove.setText("✕")
        remove.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        remove.setAutoRaise(True)
        remove.setVisible(not self._readonly)
        remove.clicked.connect(lambda: self.remove_row(self.rows.index(row)))
        row.remove = remove
        index = len(self.rows) if after is None else min(after + 1, len(self.rows))
        self.rows.insert(index, row)
        self._relayout()
        for editor in row.editors.values():
            editor.show()  # a layout shows a late child only on the next event loop turn
        if emit:
            self.structure_changed.emit()
            self.edited.emit()
        if focus:
            self.focus_cell(index, 0)
        return row

    def remove_row(self, index: int, *, focus: bool = False) -> None:
        if not 0 <= index < len(self.rows) or self._readonly:
            return
        row = self.rows.pop(index)
        for editor in row.editors.values():
            self.grid.removeWidget(editor)
            editor.hide()
            editor.deleteLater()
        if row.remove is not None:
            self.grid.removeWidget(row.remove)
            row.remove.hide()
            row.remove.deleteLater()
        self._relayout()
        self.structure_changed.emit()
        self.edited.emit()
        if focus:
            if self.rows:
                self.focus_cell(min(index, len(self.rows) - 1), 0)
            else:
                self.add_button.setFocus()

    def _relayout(self) -> None:
        for r, row in enumerate(self.rows):
            for c, column in enumerate(self.columns):
                editor = row.editors[column.key]
                self.grid.addWidget(editor, r + 1, c)
                editor.setObjectName(f"field_{self.key}_{r}_{column.key}")
                editor.setAccessibleName(
                    text("formkit.cell", self.lang, label=column.label.get(self.lang), n=r + 1)
                )
            if row.remove is not None:
                self.grid.addWidget(row.remove, r + 1, len(self.columns))
                row.remove.setObjectName(f"remove_{self.key}_{r}")
                row.remove.setToolTip(text("formkit.remove_row", self.lang, n=r + 1))
                row.remove.setAccessibleName(text("formkit.remove_row", self.lang, n=r + 1))
        for r in range(len(self.rows) + 1, self.grid.rowCount()):
            self.grid.setRowStretch(r, 0)

    def focus_cell(self, row: int, col: int | str = 0) -> None:
        if not 0 <= row < len(self.rows):
            return
        editors = self.rows[row].editors
        key = col if isinstance(col, str) else self.columns[min(col, len(self.columns) - 1)].key
        editor = editors.get(key) or next(iter(editors.values()))
        widgets = editor.focus_widgets()
        (widgets[0] if widgets else editor).setFocus(Qt.FocusReason.OtherFocusReason)

    def row_of(self, widget: QObject) -> int:
        for r, row in enumerate(self.rows):
            for editor in row.editors.values():
                if widget is editor or widget in editor.focus_widgets():
                    return r
        return -1

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            mods = event.modifiers()
            if key == Qt.Key.Key_Insert and not self._readonly:
                r = self.row_of(watched)
                self.add_row(after=r if r >= 0 else None, focus=True)
                return True
            if key == Qt.Key.Key_Delete and not self._readonly:
                r = self.row_of(watched)
                ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
                if r >= 0 and (ctrl or self._row_empty(self.rows[r])):
                    self.remove_row(r, focus=True)
                    return True
        return False

    def last_row_empty(self) -> bool:
        return bool(self.rows) and self._row_empty(self.rows[-1])

    def _row_empty(self, row: _Row) -> bool:
        return all(
            editor.is_empty() or editor.raw_text() == row.pristine.get(key)
            for key, editor in row.editors.items()
        )

    # ---------------------------------------------------------------- value
    def _last_used(self) -> int:
        last = -1
        for r, row in enumerate(self.rows):
            if not self._row_empty(row):
                last = r
        return last

    def collect(self, path: str, errors: list[tuple[str, DomainError]]) -> Any:
        out: list[dict[str, Any]] = []
        for r, row in enumerate(self.rows[: self._last_used() + 1]):
            record = dict(row.extra)  # sub-fields not on the form (a linked person) stay
            for column in self.columns:
                if column.widget == "computed":
                    continue
                value = row.editors[column.key].collect(f"{path}.{r}.{column.key}", errors)
                if value is not None and value != []:
                    record[column.key] = value
            out.append(record)
        return out

    def value(self) -> Any:
        errors: list[tuple[str, DomainError]] = []
        result = self.collect(self.key, errors)
        if errors:
            raise errors[0][1]
        return result

    def set_value(self, value: Any) -> None:
        rows = [r for r in (value or []) if isinstance(r, Mapping)]
        while self.rows:
            self._drop_last()
        known = {c.key for c in self.columns}
        for data in rows:
            row = self.add_row(emit=False)
            row.extra = {k: val for k, val in data.items() if k not in known}
            for column in self.columns:
                row.editors[column.key].set_value(data.get(column.key))
        for _ in range(len(self.rows), self.min_rows if not rows else 0):
            self.add_row(emit=False)
        self.structure_changed.emit()

    def _drop_last(self) -> None:
        row = self.rows.pop()
        for editor in row.editors.values():
            self.grid.removeWidget(editor)
            editor.hide()
            editor.deleteLater()
        if row.remove is not None:
            self.grid.removeWidget(row.remove)
            row.remove.hide()
            row.remove.deleteLater()

    def raw_text(self) -> str:
        return " | ".join(
            "; ".join(e.raw_text() for e in row.editors.values() if e.raw_text())
            for row in self.rows
        )

    def is_empty(self) -> bool:
        return self._last_used() < 0

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for row in self.rows:
            for column in self.columns:
                out.extend(row.editors[column.key].focus_widgets())
        if not self._readonly:
            out.append(self.add_button)
        return out

    def focus_path(self, rest: str) -> bool:
        parts = rest.split(".") if rest else []
        if parts and parts[0].isdigit():
            row = int(parts[0])
            col: int | str = parts[1] if len(parts) > 1 else 0
            if row < len(self.rows):
                if isinstance(col, str) and col not in self.rows[row].editors:
                    col = 0
                self.focus_cell(row, col)
                return True
        if self.rows:
            self.focus_cell(0, 0)
        else:
            self.add_button.setFocus()
        return True

    def cell(self, row: int, key: str) -> Any:
        return self.rows[row].editors[key]

    def editors(self) -> list[Any]:
        return [e for row in self.rows for e in row.editors.values()]

    def set_readonly(self, readonly: bool) -> None:
        self._readonly = readonly
        self.add_button.setVisible(not readonly)
        for row in self.rows:
            if row.remove is not None:
                row.remove.setVisible(not readonly)
            for column in self.columns:
                row.editors[column.key].set_readonly(readonly or column.readonly)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for header, column in zip(self.headers, self.columns, strict=True):
            label = column.label.get(lang)
            header.setText(f"{label} *" if self._required(column) else label)
        self.add_button.setText(text("formkit.add_row", lang))
        self.add_button.setAccessibleName(text("formkit.add_row", lang))
        for row in self.rows:
            for editor in row.editors.values():
                editor.retranslate(lang)
        self._relayout()


class GroupEditor(QWidget, _Editor):
    """One sub-record (an escort): its sub-fields with labels above, two columns."""

    widget_kind = "group"
    edited = Signal()

    def __init__(
        self,
        key: str,
        columns: Sequence[FieldDef],
        sub_model: Any,
        factory: EditorFactory,
        lang: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.columns = list(columns)
        self.sub_model = sub_model
        self.lang = lang
        self.extra: dict[str, Any] = {}
        self.editors: dict[str, Any] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, column in enumerate(self.columns):
            label = QLabel(self)
            editor = factory(column, sub_model, self)
            editor.setObjectName(f"field_{key}_{column.key}")
            default = column.default
            if default is None and column.bind:
                default = v.model_default(sub_model, column.bind)
            if default is not None:
                editor.set_value(default)
            if column.readonly:
                editor.set_readonly(True)
            editor.edited.connect(self.edited)
            self.labels[column.key] = label
            self.editors[column.key] = editor
            r, c = divmod(i, 2)
            grid.addWidget(label, r * 2, c)
            grid.addWidget(editor, r * 2 + 1, c)
            if isinstance(editor, QWidget):
                label.setBuddy(editor)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.retranslate(lang)

    def collect(self, path: str, errors: list[tuple[str, DomainError]]) -> Any:
        ticked = any(e.value() for e in self.editors.values() if isinstance(e, BoolEditor))
        if self.is_empty() and not ticked:
            return None
        record = dict(self.extra)
        for column in self.columns:
            value = self.editors[column.key].collect(f"{path}.{column.key}", errors)
            if value is not None and value != []:
                record[column.key] = value
        return record

    def value(self) -> Any:
        errors: list[tuple[str, DomainError]] = []
        result = self.collect(self.key, errors)
        if errors:
            raise errors[0][1]
        return result

    def set_value(self, value: Any) -> None:
        data = dict(value) if isinstance(value, Mapping) else {}
        known = {c.key for c in self.columns}
        self.extra = {k: val for k, val in data.items() if k not in known}
        for column in self.columns:
            self.editors[column.key].set_value(data.get(column.key))

    def raw_text(self) -> str:
        return "; ".join(e.raw_text() for e in self.editors.values() if e.raw_text())

    def is_empty(self) -> bool:
        return all(e.is_empty() for e in self.editors.values())

    def focus_widgets(self) -> list[QWidget]:
        out: list[QWidget] = []
        for column in self.columns:
            out.extend(self.editors[column.key].focus_widgets())
        return out

    def focus_path(self, rest: str) -> bool:
        key = rest.split(".", 1)[0] if rest else ""
        editor = self.editors.get(key) or next(iter(self.editors.values()), None)
        if editor is None:
            return False
        return bool(editor.focus_path(""))

    def set_readonly(self, readonly: bool) -> None:
        for column in self.columns:
            self.editors[column.key].set_readonly(readonly or column.readonly)

    def retranslate(self, lang: str) -> None:
        self.lang = lang
        for column in self.columns:
            label = column.label.get(lang)
            required = column.required
            if required is None and column.bind:
                required = v.model_field_required(self.sub_model, column.bind)
            self.labels[column.key].setText(f"{label} *" if required else label)
            editor = self.editors[column.key]
            editor.setAccessibleName(label)
            editor.retranslate(lang)


# --------------------------------------------------------------------------- factory


def choice_options(f: FieldDef, model: Any) -> list[tuple[str, Text]]:
    """`options` of the definition, else the model's enum with its reference-list labels."""
    if f.options:
        return [(k, t) for k, t in f.options.items()]
    enum = v.field_enum(model, f.bind or "") if f.bind else None
    if enum is None:
        return []
    labels: dict[str, tuple[str, str]] = {}
    for ref in (f.ref, v.field_ref(model, f.bind or ""), enum_list_name(enum)):
        if ref:
            labels = {code: (lv, en) for code, lv, en in _seed(ref)}
            if labels:
                break
    out = []
    for member in enum:
        lv, en = labels.get(member.value, (member.value, member.value))
        out.append((str(member.value), Text(lv, en)))
    return out


def make_editor(
    f: FieldDef,
    model: Any,
    parent: QWidget,
    *,
    session: Any | None = None,
    lang: str = "lv",
    required: bool = False,
) -> Any:
    """An editor for field `f` of `model` (the record model, or a sub-model for columns)."""

    def sub_factory(column: FieldDef, sub: Any, owner: QWidget) -> Any:
        return make_editor(column, sub, owner, session=session, lang=lang)

    kind = f.widget
    editor: Any
    if kind in ("ref", "ref_multi"):
        ref = f.ref or (v.field_ref(model, f.bind) if f.bind else None)
        if ref is None and f.bind:
            enum = v.field_enum(model, f.bind)
            ref = enum_list_name(enum) if enum is not None else None
        if ref is None:
            editor = TextEditor(parent) if kind == "ref" else TextListEditor(parent)
        elif kind == "ref":
            editor = RefEditor(ref, session, lang, parent)
        else:
            editor = RefMultiEditor(ref, session, lang, parent)
    elif kind == "choice":
        has_default = f.default is not None or (
            f.bind is not None and v.model_default(model, f.bind) is not None
        )
        editor = ChoiceEditor(
            choice_options(f, model), lang, allow_empty=not (required and has_default),
            parent=parent,
        )  # fmt: skip
    elif kind == "table":
        sub = v.sub_model(model, f.bind or f.key)
        min_rows = 1 if required else 0
        editor = TableEditor(
            f.key, f.columns, sub, sub_factory, lang, min_rows=min_rows, parent=parent
        )
    elif kind == "group":
        sub = v.sub_model(model, f.bind or f.key)
        editor = GroupEditor(f.key, f.columns, sub, sub_factory, lang, parent=parent)
    elif kind == "mrz":
        editor = make_mrz_editor(lang, parent)
    elif kind == "computed":
        editor = ComputedEditor(parent)
    else:
        cls = {
            "text": TextEditor,
            "longtext": LongTextEditor,
            "int": IntEditor,
            "decimal": DecimalEditor,
            "bool": BoolEditor,
            "date": DateEditor,
            "datetime": DateTimeEditor,
            "partial_date": PartialDateEditor,
            "text_list": TextListEditor,
        }.get(kind, TextEditor)
        editor = cls(parent)
    editor.retranslate(lang)
    if isinstance(editor, BoolEditor):
        editor.setText(f.label.get(lang))
    if f.readonly:
        editor.set_readonly(True)
    return editor
