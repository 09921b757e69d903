"""The read-only output form of a record, from the same definition as its input form.

Sections with their titles, each field's label in the officer's language and its value
as officers read it: reference codes as their labels, dates as dd.mm.yyyy, date-times in
Riga time, partial dates as given, yes/no, tables as numbered rows. Fields marked
`print: false` and fields hidden by their condition are left out; computed figures are
shown computed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from registry_core.messages import register, text
from registry_desktop.formdefs import FieldDef, FormDef
from registry_desktop.formkit import computed as comp
from registry_desktop.formkit import validation as val
from registry_desktop.formkit import widgets as w

register({"formkit.yes": ("jā", "yes"), "formkit.no": ("nē", "no")})

EMPTY = "—"


def _ref_of(f: FieldDef, model: Any) -> str | None:
    if f.ref:
        return f.ref
    if not f.bind:
        return None
    ref = val.field_ref(model, f.bind)
    if ref is None:
        enum = val.field_enum(model, f.bind)
        ref = w.enum_list_name(enum) if enum is not None else None
    return ref


def code_label(ref: str, code: Any, lang: str, session: Any | None = None) -> str:
    labels = getattr(session, "code_labels", None)
    if labels is not None:
        try:
            return str(labels.label(ref, code, lang))
        except Exception:
            pass
    for item_code, lv, en in w.reference_items(ref, session):
        if item_code == str(code):
            return en if lang == "en" else lv
    return str(code)


def format_value(f: FieldDef, value: Any, model: Any, lang: str, session: Any | None = None) -> str:
    """`value` of field `f` as text for reading."""
    if value is None or value == "" or value == []:
        return EMPTY
    kind = f.widget
    if kind == "bool":
        return text("formkit.yes" if value else "formkit.no", lang)
    if kind == "date":
        return val.format_date(value)
    if kind == "datetime":
        return val.format_datetime(value)
    if kind == "partial_date":
        return val.format_partial(value)
    if kind in ("ref", "ref_multi"):
        ref = _ref_of(f, model)
        codes = value if isinstance(value, list) else [value]
        shown = [code_label(ref, c, lang, session) if ref else str(c) for c in codes]
        return ", ".join(shown)
    if kind == "choice":
        option = f.options.get(str(value))
        if option is not None:
            return option.get(lang)
        for key, label in w.choice_options(f, model):
            if key == str(value):
                return label.get(lang)
        return str(value)
    if kind == "text_list":
        return "; ".join(str(x) for x in value) if isinstance(value, list) else str(value)
    if kind == "decimal":
        return str(value).replace(".", ",")
    if kind in ("table", "group"):
        sub = val.sub_model(model, f.bind or f.key)
        rows = value if isinstance(value, list) else [value]
        lines = []
        for index, row in enumerate(rows, start=1):
            if not isinstance(row, Mapping):
                continue
            cells = [
                f"{c.label.get(lang)}: {format_value(c, row.get(c.key), sub, lang, session)}"
                for c in f.columns
                if row.get(c.key) not in (None, "", [])
            ]
            prefix = f"{index}. " if kind == "table" else ""
            lines.append(prefix + "; ".join(cells))
        return "\n".join(lines) or EMPTY
    return str(value)


class OutputForm(QWidget):
    """The read-only output form of `record` (objectName `output_<form>`; each value
    label `out_<key>`)."""

    def __init__(
        self,
        form: FormDef,
        record: Mapping[str, Any],
        session: Any | None = None,
        *,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.form = form
        self.session = session
        self.record = dict(record)
        self.lang = lang or getattr(session, "language", None) or "lv"
        self.setObjectName(f"output_{form.name}")
        self.values: dict[str, QLabel] = {}
        self.names: dict[str, QLabel] = {}
        self._layout = QVBoxLayout(self)
        self._boxes: list[QGroupBox] = []
        self.rebuild()
        if session is not None and hasattr(session, "language_changed"):
            session.language_changed.connect(self.set_language)

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.rebuild()

    def set_record(self, record: Mapping[str, Any]) -> None:
        self.record = dict(record)
        self.rebuild()

    def rebuild(self) -> None:
        for box in self._boxes:
            self._layout.removeWidget(box)
            box.hide()
            box.setParent(None)  # gone at once: findChild never sees the old labels
            box.deleteLater()
        self._boxes = []
        self.values = {}
        self.names = {}
        while self._layout.count():
            self._layout.takeAt(0)
        model = self.form.model
        data = dict(self.record)
        shown = val.visible_keys(self.form, data)
        for section in self.form.sections:
            fields = [f for f in section.fields if f.print and f.key in shown and f.widget != "mrz"]
            if not fields:
                continue
            box = QGroupBox(section.title.get(self.lang), self)
            box.setObjectName(f"outSection_{section.id}")
            layout = QFormLayout(box)
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for f in fields:
                if f.widget == "computed":
                    shown_text = comp.compute(f.compute or f.key, data, self.lang)
                    value = str(shown_text) if shown_text else EMPTY
                    if comp.is_alert(shown_text):
                        value = f"⚠ {value}"
                else:
                    value = format_value(f, data.get(f.key), model, self.lang, self.session)
                name = QLabel(f.label.get(self.lang), box)
                name.setObjectName(f"outLabel_{f.key}")
                shown_label = QLabel(value, box)
                shown_label.setObjectName(f"out_{f.key}")
                shown_label.setWordWrap(True)
                shown_label.setTextFormat(Qt.TextFormat.PlainText)
                shown_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                shown_label.setAccessibleName(f.label.get(self.lang))
                name.setBuddy(shown_label)
                layout.addRow(name, shown_label)
                self.values[f.key] = shown_label
                self.names[f.key] = name
            self._layout.addWidget(box)
            self._boxes.append(box)
        self._layout.addStretch(1)

    def value_text(self, key: str) -> str:
        label = self.values.get(key)
        return label.text() if label is not None else ""
