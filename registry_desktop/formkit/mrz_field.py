"""The MRZ field: paste or scan a machine-readable zone, see every check digit, fill the form.

`MrzField` is the editor of the form widget `mrz` (forms/person.yaml, forms/document.yaml).
A monospace box takes the two or three lines however they come:

- **pasted** (Ctrl+V, the context menu, drag and drop) — parsed at once;
- **typed by a keyboard-wedge scanner** — characters arrive as key events and each line
  ends with Enter, which here is always a new line (never "next field"); the zone is
  parsed as soon as two (TD2/TD3) or three (TD1) complete lines are there, without
  waiting for the focus to leave. A scanner that sends the lines joined (no Enter) is
  parsed after a short pause in the typing, so a TD1 on its way to 90 characters is not
  taken for a TD2 at 72;
- lower case, spaces, stray CR, full-width characters, the lookalikes « ‹ ＜ of the
  filler and Cyrillic letters that look like Latin ones are tolerated.

The result shows the detected format and one row per check digit (document number, date
of birth, expiry, optional data / personal number, composite) with ✓ or ✗ **and** words.
A failed check digit warns (amber, "Kontrolcipars neatbilst — pārbaudiet dokumentu") but
never blocks: `parsed(dict)` is emitted anyway — damaged and forged documents are what
officers meet. Text that cannot be an MRZ shows why and stays in the box.

The `parsed` payload (see `mrz_values`)::

    {"format": "TD3", "valid": bool, "warnings": [message codes], "document_code": "P",
     "person": {"surname_latin", "given_names_latin", "sex", "date_of_birth",
                "nationalities": [{"country", "type"}], "personal_code"?},
     "document": {"doc_type", "series_and_number", "issuing_state", "valid_until",
                  "mrz_raw"},
     "checks": [{"field", "ok", "expected", "found"}]}

Keys whose value the zone does not hold (an incomplete date, an empty name) are left out,
so applying the payload never blanks a field the officer filled.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QFontDatabase, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from registry_core.identifiers.mrz import (
    CODE_CHARSET,
    CheckResult,
    MrzResult,
    parse_mrz,
)
from registry_core.identifiers.personal_code import parse_personal_code
from registry_core.messages import DomainError, register, text

__all__ = ["JOINED_PAUSE_MS", "MrzField", "MrzTextEdit", "doc_type_for", "mrz_values",
           "normalise_mrz_text"]  # fmt: skip

register(
    {
        "mrzfield.check.document_number": ("Dokumenta numurs", "Document number"),
        "mrzfield.check.birth_date": ("Dzimšanas datums", "Date of birth"),
        "mrzfield.check.expiry_date": ("Derīguma termiņš", "Date of expiry"),
        "mrzfield.check.optional_data": (
            "Personas kods / papildu dati",
            "Personal number / optional data",
        ),
        "mrzfield.check.composite": ("Kopējais kontrolcipars", "Composite check digit"),
        "mrzfield.check_ok": (
            "✓ {field}: kontrolcipars atbilst",
            "✓ {field}: check digit correct",
        ),
        "mrzfield.check_bad": (
            "✗ {field}: kontrolcipars neatbilst (dokumentā „{found}”, aprēķināts {expected})",
            "✗ {field}: check digit does not match (document shows '{found}', computed {expected})",
        ),
        "mrzfield.all_ok": ("✓ Visi kontrolcipari atbilst.", "✓ All check digits are correct."),
        "mrzfield.checks_failed": (
            "⚠ Kontrolcipars neatbilst — pārbaudiet dokumentu. Datus var saglabāt, taču "
            "dokuments var būt bojāts vai viltots, vai MRZ nolasīta kļūdaini.",
            "⚠ Check digit does not match — check the document. The data can be saved, but "
            "the document may be damaged or forged, or the MRZ was misread.",
        ),
        "mrzfield.format": ("Formāts: {format} — {kind}", "Format: {format} — {kind}"),
        "mrzfield.kind.TD1": (
            "ID karte, 3 rindas × 30 zīmes",
            "ID card, 3 lines × 30 characters",
        ),
        "mrzfield.kind.TD2": (
            "ID dokuments, 2 rindas × 36 zīmes",
            "ID document, 2 lines × 36 characters",
        ),
        "mrzfield.kind.TD3": ("pase, 2 rindas × 44 zīmes", "passport, 2 lines × 44 characters"),
        "mrzfield.empty": (
            "Ielīmējiet vai noskenējiet MRZ (2 vai 3 rindas).",
            "Paste or scan the MRZ (2 or 3 lines).",
        ),
        "mrzfield.incomplete": (
            "… MRZ vēl nav pilnīga: rindu garumi {lengths} (TD1: 3 × 30, TD2: 2 × 36, "
            "TD3: 2 × 44 zīmes).",
            "… The MRZ is not complete yet: line lengths {lengths} (TD1: 3 × 30, "
            "TD2: 2 × 36, TD3: 2 × 44 characters).",
        ),
        "mrzfield.unreadable": (
            "✗ MRZ nevar nolasīt. {reason} Teksts ir saglabāts laukā — izlabojiet to vai "
            "ievadiet datus laukos.",
            "✗ The MRZ cannot be read. {reason} The text is kept in the box — correct it "
            "or fill in the fields by hand.",
        ),
        "mrzfield.filled": (
            "Dati no MRZ pārnesti formas laukos — salīdziniet tos ar dokumentu.",
            "The MRZ data were copied into the form's fields — compare them with the document.",
        ),
    }
)

# A keyboard-wedge scanner types a whole zone in well under a second; a pause this long
# after a single joined line means the line is complete.
JOINED_PAUSE_MS = 300

_CHECK_ORDER = ("document_number", "birth_date", "expiry_date", "optional_data", "composite")
_SHAPES = {"TD1": (3, 30), "TD2": (2, 36), "TD3": (2, 44)}
_FILLER_LOOKALIKES = {"‹": "<", "〈": "<", "⟨": "<", "˂": "<", "❮": "<", "≪": "<<"}
# Cyrillic and Greek capitals that look like Latin ones (a document text copied from a
# Russian-language system, or a scanner on a Cyrillic keyboard layout sending letters).
_HOMOGLYPHS = str.maketrans(
    {
        "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
        "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q",
        "Ԝ": "W", "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K",
        "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
    }
)  # fmt: skip
_NATIONALITY_TYPE = {"XXA": "stateless", "XXB": "refugee", "XXC": "refugee", "XXX": "unknown"}
_STYLE = {
    "ok": "color: #1b5e20;",
    "warn": "color: #6d4c00; background: #fff3c4; padding: 2px;",
    "error": "color: #b00020; background: #fde7ea; padding: 2px;",
    "info": "color: palette(text);",
}


# --------------------------------------------------------------------------- no Qt


def normalise_mrz_text(raw: str, *, guillemet: str = "<<") -> str:
    """What the officer or scanner gave, made parseable: NFKC (full-width forms), upper
    case, Cyrillic/Greek lookalikes → Latin, « ‹ ＜ … → filler, CR and U+2028 → line
    breaks. `guillemet` is what « stands for (OCR reads "<<" as one «)."""
    text_value = unicodedata.normalize("NFKC", raw)
    text_value = text_value.replace("\r\n", "\n").replace("\r", "\n")
    text_value = text_value.replace("\u2028", "\n").replace("\u2029", "\n")
    text_value = text_value.replace("«", guillemet).replace("»", guillemet)
    for bad, good in _FILLER_LOOKALIKES.items():
        text_value = text_value.replace(bad, good)
    return text_value.upper().translate(_HOMOGLYPHS)


def _lines(text_value: str) -> list[str]:
    return [
        "".join(ch for ch in line if not ch.isspace() and unicodedata.category(ch) != "Cc")
        for line in text_value.split("\n")
        if line.strip()
    ]


def _could_grow(lines: list[str]) -> bool:
    """True when more characters could still make these lines a valid zone."""
    if not lines:
        return True
    total = sum(len(line) for line in lines)
    for count, width in _SHAPES.values():
        if len(lines) > count or total >= count * width:
            continue
        if all(len(line) % width == 0 for line in lines[:-1]):
            return True
    return False


def doc_type_for(document_code: str) -> str:
    """The `document_type` reference code for an ICAO document code (P, PD, I, ID, V…):
    an exact `mrz_code` of the list first, then by the first letter (P → passport,
    I → identity card), else OTHER."""
    from registry_core.reference import seed_items

    items = seed_items("document_type")
    codes = {item.code for item in items}
    for item in items:
        if item.extra.get("mrz_code") == document_code:
            return item.code
    first = document_code[:1]
    if first == "P" and "P" in codes:
        return "P"
    if first == "I" and "ID" in codes:
        return "ID"
    return "OTHER"


def _sex(mrz: MrzResult) -> str:
    raw = mrz.lines[1][7] if mrz.format == "TD1" else mrz.lines[1][20]
    return {"M": "M", "F": "F", "X": "X"}.get(raw, "U")


def _personal_code(mrz: MrzResult) -> str | None:
    """A Latvian personal code in the optional data of a Latvian-issued document."""
    if "LVA" not in (mrz.issuing_state, mrz.nationality):
        return None
    for raw in (mrz.optional_data, mrz.optional_data_2):
        digits = raw.replace("<", "")
        if re.fullmatch(r"\d{11}", digits):
            try:
                return parse_personal_code(digits, field=None).formatted
            except DomainError:
                continue
    return None


def mrz_values(mrz: MrzResult) -> dict[str, Any]:
    """The `parsed` payload for one parsed zone (see the module docstring)."""
    person: dict[str, Any] = {}
    if mrz.surname:
        person["surname_latin"] = mrz.surname
    if mrz.given_names:
        person["given_names_latin"] = mrz.given_names
    person["sex"] = _sex(mrz)
    if mrz.birth_date is not None:
        person["date_of_birth"] = mrz.birth_date.isoformat()
    if mrz.nationality:
        person["nationalities"] = [
            {"country": mrz.nationality, "type": _NATIONALITY_TYPE.get(mrz.nationality, "citizen")}
        ]
    code = _personal_code(mrz)
    if code:
        person["personal_code"] = code
    document: dict[str, Any] = {"doc_type": doc_type_for(mrz.document_code)}
    if mrz.document_number:
        document["series_and_number"] = mrz.document_number
    if mrz.issuing_state:
        document["issuing_state"] = mrz.issuing_state
    if mrz.expiry_date is not None:
        document["valid_until"] = mrz.expiry_date.isoformat()
    document["mrz_raw"] = "\n".join(mrz.lines)
    return {
        "format": mrz.format,
        "valid": mrz.valid,
        "warnings": list(mrz.warnings),
        "document_code": mrz.document_code,
        "person": person,
        "document": document,
        "checks": [
            {"field": c.name, "ok": c.ok, "expected": c.expected, "found": c.found}
            for c in mrz.checks
        ],
    }


def _parse(raw: str, today: date | None) -> MrzResult:
    """Parse with « read as "<<", then (if the lengths do not fit) as "<"."""
    first: DomainError | None = None
    variants = ["<<", "<"] if ("«" in raw or "»" in raw) else ["<<"]
    for guillemet in variants:
        try:
            return parse_mrz(normalise_mrz_text(raw, guillemet=guillemet), today=today)
        except DomainError as exc:
            first = first or exc
    assert first is not None
    raise first


# --------------------------------------------------------------------------- widgets


class MrzTextEdit(QPlainTextEdit):
    """The box: Enter is a new line (a scanner's line end); Tab leaves the box;
    Ctrl+Enter is left to the form (next field).

    Signals:
        pasted(): text was pasted or dropped in.
        focus_lost(): the box lost the keyboard focus.
    """

    pasted = Signal()
    focus_lost = Signal()

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt API)
        super().insertFromMimeData(source)
        self.pasted.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                event.ignore()  # the form's "next field"
                return
            self.insertPlainText("\n")  # also Shift+Enter: a plain line break
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt API)
        super().focusOutEvent(event)
        self.focus_lost.emit()


class MrzField(QWidget):
    """Paste/scan box for an ICAO 9303 machine-readable zone (TD1, TD2, TD3).

    Signals:
        parsed(dict): a zone was read (also with failed check digits); see `mrz_values`.
            Emitted once per distinct zone: re-reading the same lines does not emit again.
        edited(): the officer changed the text.

    `language`: "lv"/"en", or a callable returning it; None = the `session.language` of
    the nearest ancestor that has a session, else Latvian. `today` fixes the two-digit
    year windows (tests).
    """

    parsed = Signal(dict)
    edited = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        language: str | Callable[[], str] | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("field_mrz")
        self._language = language
        self._today = today
        self._result: dict[str, Any] | None = None
        self._mrz: MrzResult | None = None
        self._state = "empty"  # empty | incomplete | error | parsed
        self._error: DomainError | None = None
        self._lengths = ""
        self._last_lines: tuple[str, ...] | None = None
        self._setting = False
        self._own_name = ""

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = MrzTextEdit(self)
        self.edit.setObjectName("mrzText")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(font.StyleHint.TypeWriter)
        self.edit.setFont(font)
        self.edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.edit.setTabChangesFocus(True)
        line_height = self.edit.fontMetrics().lineSpacing()
        self.edit.setFixedHeight(line_height * 4 + 12)
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("M" * 46) + 16)
        layout.addWidget(self.edit)
        self.setFocusProxy(self.edit)

        self.format_label = QLabel(self)
        self.format_label.setObjectName("mrzFormat")
        layout.addWidget(self.format_label)
        self.check_labels: dict[str, QLabel] = {}
        for name in _CHECK_ORDER:
            label = QLabel(self)
            label.setObjectName(f"mrzCheck_{name}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
            self.check_labels[name] = label
        self.status = QLabel(self)
        self.status.setObjectName("mrzStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(JOINED_PAUSE_MS)
        self._pause.timeout.connect(lambda: self._update(final=False, accept_joined=True))
        self.edit.textChanged.connect(self._text_changed)
        self.edit.pasted.connect(lambda: self._update(final=True, accept_joined=True))
        self.edit.focus_lost.connect(self._focus_lost)
        self.retranslate()

    # ------------------------------------------------------------------ public API
    def text(self) -> str:
        """The text exactly as typed or pasted."""
        return self.edit.toPlainText()

    raw_text = text

    def set_text(self, value: str, *, emit: bool = False) -> None:
        """Put `value` in the box and read it at once. `emit=False` (the default: a stored
        zone shown again) shows the checks without `parsed`; `emit=True` acts like a paste."""
        self._setting = True
        try:
            self.edit.setPlainText(value or "")
        finally:
            self._setting = False
        self._update(final=True, accept_joined=True, emit=emit)

    def clear(self) -> None:
        self.set_text("")

    def setReadOnly(self, readonly: bool) -> None:  # noqa: N802 (Qt naming: the form calls it)
        """A locked record: the zone can be read and copied, not changed."""
        self.edit.setReadOnly(readonly)

    def isReadOnly(self) -> bool:  # noqa: N802 (Qt naming)
        return self.edit.isReadOnly()

    def result(self) -> dict[str, Any] | None:
        """The payload of the zone in the box now; None when it is empty or unreadable."""
        return self._result

    def mrz(self) -> MrzResult | None:
        return self._mrz

    @property
    def state(self) -> str:
        """ "empty", "incomplete" (still arriving), "error" (cannot be an MRZ), "parsed"."""
        return self._state

    def check_rows(self) -> list[tuple[str, bool, str]]:
        """(check name, ok, the row's text) of each check digit shown."""
        if self._mrz is None:
            return []
        return [(c.name, c.ok, self.check_labels[c.name].text()) for c in self._mrz.checks]

    def status_text(self) -> str:
        return self.status.text()

    def language(self) -> str:
        lang = self._language
        if callable(lang):
            lang = lang()
        if lang in ("lv", "en"):
            return str(lang)
        widget: QWidget | None = self.parentWidget()
        while widget is not None:
            session = getattr(widget, "session", None)
            found = getattr(session, "language", None)
            if found in ("lv", "en"):
                return str(found)
            widget = widget.parentWidget()
        return "lv"

    def set_language(self, lang: str | Callable[[], str] | None) -> None:
        self._language = lang
        self.retranslate()

    # ------------------------------------------------------------------ reading
    def _text_changed(self) -> None:
        if self._setting:
            return
        self.edited.emit()
        self._update(final=False, accept_joined=False)

    def _focus_lost(self) -> None:
        if self._state == "incomplete":
            self._update(final=True, accept_joined=True)

    def _update(self, *, final: bool, accept_joined: bool, emit: bool = True) -> None:
        raw = self.edit.toPlainText()
        self._pause.stop()
        if not raw.strip():
            self._set_state("empty", None)
            self._last_lines = None
            return
        lines = _lines(normalise_mrz_text(raw))
        self._lengths = " + ".join(str(len(line)) for line in lines)
        try:
            mrz = _parse(raw, self._today)
        except DomainError as exc:
            if not final and exc.code != CODE_CHARSET and _could_grow(lines):
                self._set_state("incomplete", None)
                if len(lines) == 1:
                    self._pause.start()
            else:
                self._set_state("error", None, exc)
            return
        if len(lines) == 1 and not accept_joined:
            # One joined line typed so far: a TD1 passes 72 (TD2) and 88 (TD3) characters
            # on its way to 90 — wait for the scanner to pause.
            self._set_state("incomplete", None)
            self._pause.start()
            return
        self._set_state("parsed", mrz)
        if mrz.lines != self._last_lines:
            self._last_lines = mrz.lines
            if emit and self._result is not None:
                self.parsed.emit(dict(self._result))

    def _set_state(
        self, state: str, mrz: MrzResult | None, error: DomainError | None = None
    ) -> None:
        self._state = state
        self._mrz = mrz
        self._error = error
        self._result = mrz_values(mrz) if mrz is not None else None
        self._render()

    # ------------------------------------------------------------------ display
    def _render(self) -> None:
        lang = self.language()
        self.edit.setPlaceholderText(text("mrzfield.empty", lang))
        mrz = self._mrz
        self.format_label.setVisible(mrz is not None)
        shown: dict[str, CheckResult] = {c.name: c for c in mrz.checks} if mrz else {}
        for name, label in self.check_labels.items():
            check = shown.get(name)
            label.setVisible(check is not None)
            if check is None:
                label.clear()
                continue
            field_name = text(f"mrzfield.check.{name}", lang)
            row = (
                text("mrzfield.check_ok", lang, field=field_name)
                if check.ok
                else text(
                    "mrzfield.check_bad",
                    lang,
                    field=field_name,
                    found=check.found,
                    expected=check.expected,
                )  # fmt: skip
            )
            label.setText(row)
            label.setAccessibleName(row)
            label.setStyleSheet(_STYLE["ok" if check.ok else "warn"])
        if mrz is not None:
            self.format_label.setText(
                text("mrzfield.format", lang, format=mrz.format,
                     kind=text(f"mrzfield.kind.{mrz.format}", lang))
            )  # fmt: skip
            parts = [text("mrzfield.all_ok" if mrz.valid else "mrzfield.checks_failed", lang)]
            parts += [
                text(code, lang) for code in mrz.warnings if code != "mrz.check_digit_mismatch"
            ]
            self._show_status(" ".join(parts), "ok" if mrz.valid else "warn")
        elif self._state == "incomplete":
            self._show_status(text("mrzfield.incomplete", lang, lengths=self._lengths), "info")
        elif self._state == "error" and self._error is not None:
            reason = self._error.message(lang)
            self._show_status(text("mrzfield.unreadable", lang, reason=reason), "error")
        else:
            self._show_status(text("mrzfield.empty", lang), "info")

    def _show_status(self, value: str, kind: str) -> None:
        self.status.setText(value)
        self.status.setAccessibleName(value)
        self.status.setStyleSheet(_STYLE[kind])
        self.edit.setAccessibleDescription(value)

    def retranslate(self) -> None:
        label = self.tr("MRZ (machine-readable zone)")
        if not self.accessibleName() or self.accessibleName() == self._own_name:
            self.setAccessibleName(label)
            self._own_name = label
        self.edit.setAccessibleName(self.accessibleName())
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        # The form sets the field's label as the accessible name; the box inside carries it.
        self.edit.setAccessibleName(self.accessibleName())
        super().showEvent(event)
