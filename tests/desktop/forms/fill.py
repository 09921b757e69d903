"""Keyboard-driving helpers shared by the form tests (keyboard fill, bad input, random input).

Key events go where a real keyboard would send them: to the active popup (a type-ahead
list) when one is open, else to the focused widget, through `QCoreApplication.sendEvent`,
so that event filters (the renderer's Enter handling) and parent propagation apply.
Text is sent one character at a time as key events with the character as the event's text
(Latvian letters and Cyrillic included; `QTest.keyClicks` aborts on non-ASCII here).

Also here: the fictitious context ids a form is opened with, the session stand-in
(language only: no store, so nothing is saved — saving is proven elsewhere) and the
good, JSON-ready values of every form.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from registry_desktop.formdefs import FieldDef, FormDef, load_form
from registry_desktop.formkit import widgets as w
from registry_desktop.formkit.form_tab import FormTab
from registry_desktop.formkit.renderer import FormWidget

# Noise of Qt's offscreen platform plugin when a type-ahead popup opens.
QT_NOISE = (
    r"This plugin does not support raise\(\)",
    "This plugin does not support grabbing the keyboard",
    r"This plugin does not support propagateSizeHints\(\)",
)
QT_NOISE_MARK = pytest.mark.qt_log_ignore(*QT_NOISE)

# Fictitious records the forms are opened from (person card, case view…).
CONTEXT_IDS = {
    "person_id": "0b6f3a52-5d1e-4c1a-9f0e-3a5c1d2e4f01",
    "case_id": "0b6f3a52-5d1e-4c1a-9f0e-3a5c1d2e4f02",
    "decision_id": "0b6f3a52-5d1e-4c1a-9f0e-3a5c1d2e4f03",
    "entry_ban_id": "0b6f3a52-5d1e-4c1a-9f0e-3a5c1d2e4f04",
}

NO_MODS = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@dataclass
class SessionStandIn:
    """What the renderer reads from a session when nothing is saved: the language.
    (No `code_labels`: the reference lists built into registry_core are used; no
    `tasks`: `save()` queues nothing.)"""

    language: str = "lv"


def context_for(form: FormDef) -> dict[str, str]:
    return {key: CONTEXT_IDS[key] for key in form.context}


_HOST: list[QWidget] = []


def host_window(qtbot: Any) -> QWidget:
    """One shown, active window the tests' forms are put in, as the main window holds
    its tabs (showing and activating a new window for every test costs more than the
    test). Made active again when another test's window took the focus."""
    if not _HOST:
        host = QWidget()
        host.setObjectName("formTestHost")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        host.resize(1200, 900)
        # Nobody looks at the screen: painting the whole form after every key is most of
        # a test's time, and no check depends on pixels.
        host.setUpdatesEnabled(False)
        _HOST.append(host)
    host = _HOST[0]
    if not host.isVisible():
        host.show()
        qtbot.waitExposed(host)
    if not host.isActiveWindow():
        host.activateWindow()
        qtbot.waitUntil(host.isActiveWindow, timeout=5000)
    return host


@pytest.fixture(scope="module", autouse=True)
def close_host_window() -> Iterator[None]:
    """Import this into a test module: the shared window goes when the module is done."""
    yield
    while _HOST:
        host = _HOST.pop()
        host.close()
        host.deleteLater()
        QCoreApplication.processEvents()


def open_tab(qtbot: Any, name: str, lang: str = "lv", *, show: bool = True) -> FormTab:
    """A new record's form in its tab (form, problem list, help panel), on screen in the
    active window (closed and deleted after the test)."""
    form = load_form(name)
    tab = FormTab(form, SessionStandIn(lang), context=context_for(form))  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    if show:
        host = host_window(qtbot)
        layout = host.layout()
        assert layout is not None
        layout.addWidget(tab)
        tab.show()
        QCoreApplication.processEvents()
    return tab


# --------------------------------------------------------------------------- reading order


def takes_focus(widget: QWidget, owner: QWidget) -> bool:
    return (
        widget.isVisibleTo(owner)
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def field_focus_widgets(fw: FormWidget, key: str) -> list[QWidget]:
    """The widgets of field `key` that Tab visits, in order (cells row by row, then the
    add-row button of a table; the search line and the list of a long code list)."""
    if not fw.is_visible_field(key):
        return []
    return [x for x in fw.editor(key).focus_widgets() if takes_focus(x, fw)]


def reading_order(fw: FormWidget) -> list[str]:
    """Keys of the shown fields that take the keyboard, in the order the form reads."""
    return [f.key for f in fw.form.fields() if field_focus_widgets(fw, f.key)]


def reading_widgets(fw: FormWidget) -> list[QWidget]:
    return [x for key in reading_order(fw) for x in field_focus_widgets(fw, key)]


def message_lines(fw: FormWidget, key: str) -> list[str]:
    """The lines shown under field `key` ([] when no message is shown)."""
    label: QLabel = fw.message_label(key)
    if not label.text() or not label.isVisibleTo(fw):
        return []
    return label.text().split("\n")


def error_lines(fw: FormWidget, key: str) -> list[str]:
    return [line[2:] for line in message_lines(fw, key) if line.startswith("✖ ")]


def raw_texts(fw: FormWidget) -> dict[str, str]:
    """Everything the officer typed, field by field (table cells and group parts apart)."""
    out: dict[str, str] = {}
    for f in fw.form.fields():
        editor = fw.editor(f.key)
        out[f.key] = fw.raw_text(f.key)
        if isinstance(editor, w.TableEditor):
            for r, row in enumerate(editor.rows):
                for col, cell in row.editors.items():
                    out[f"{f.key}.{r}.{col}"] = cell.raw_text()
        elif isinstance(editor, w.GroupEditor):
            for col, part in editor.editors.items():
                out[f"{f.key}.{col}"] = part.raw_text()
    return out


# --------------------------------------------------------------------------- the keyboard


class Keyboard:
    """Presses keys on the form like an officer: into the popup or the focused widget."""

    def __init__(self, qtbot: Any, fw: FormWidget) -> None:
        self.qtbot = qtbot
        self.fw = fw

    # ------------------------------------------------------------ low level
    @staticmethod
    def focus_widget() -> QWidget | None:
        return QApplication.focusWidget()

    @staticmethod
    def target() -> QWidget | None:
        popup = QApplication.activePopupWidget()
        if popup is not None:
            return popup.focusWidget() or popup
        return QApplication.focusWidget()

    def settle(self) -> None:
        """Let deferred work run (the renderer's 0 ms refresh and deferred Enter)."""
        QCoreApplication.processEvents()
        QCoreApplication.processEvents()

    def press(self, key: Qt.Key | int, text: str = "", mods: Qt.KeyboardModifier = NO_MODS) -> None:
        target = self.target()
        assert target is not None, "no widget has the keyboard focus"
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(target, QKeyEvent(kind, int(key), mods, text))
        self.settle()

    def type(self, text: str) -> None:
        """Type `text` as key events; a newline is the Enter key (a new line in a long
        text)."""
        for char in text:
            if char == "\n":
                self.press(Qt.Key.Key_Return, "\r")
                continue
            target = self.target()
            assert target is not None, "no widget has the keyboard focus"
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(target, QKeyEvent(kind, 0, NO_MODS, char))
        self.settle()

    def enter(self) -> None:
        self.press(Qt.Key.Key_Return, "\r")

    def ctrl_enter(self) -> None:
        self.press(Qt.Key.Key_Return, "\r", CTRL)

    def tab(self) -> None:
        self.press(Qt.Key.Key_Tab, "\t")

    def backtab(self) -> None:
        self.press(Qt.Key.Key_Backtab, "", SHIFT)

    def space(self) -> None:
        self.press(Qt.Key.Key_Space, " ")

    def down(self) -> None:
        self.press(Qt.Key.Key_Down)

    def home(self) -> None:
        self.press(Qt.Key.Key_Home)

    def select_all_and_delete(self) -> None:
        self.press(Qt.Key.Key_A, "", CTRL)
        self.press(Qt.Key.Key_Backspace, "\b")

    # ------------------------------------------------------------ fields
    def focused_key(self) -> str:
        return self.fw.focused_key()

    def focus(self, key: str) -> None:
        """Put the cursor in field `key` (as the problem list or a mouse click would)."""
        self.fw.focus_field(key)
        self.settle()
        assert self.focused_key() == key, f"focus is on {self.focused_key()!r}, not {key!r}"

    def focus_widget_of(self, widget: QWidget) -> None:
        widget.setFocus(Qt.FocusReason.MouseFocusReason)
        self.settle()
        assert widget.hasFocus()

    def leave(self) -> None:
        """Leave the focused editor for the next one with Enter (Ctrl+Enter in a long text
        and in the MRZ box, where Enter is a new line)."""
        key = self.focused_key()
        multiline = bool(key) and self.fw.form.field(key).widget in w.MULTILINE_WIDGETS
        if multiline:
            self.ctrl_enter()
        else:
            self.enter()


# --------------------------------------------------------------------------- inputs


class Input:
    """What the officer does in one field (or one cell) by keyboard; the focus is on the
    field's first widget when `enter` starts and inside the field when it returns."""

    leaves = True  # whether `do()` leaves the field with Enter afterwards

    def enter(self, kb: Keyboard, editor: Any) -> None:  # pragma: no cover - interface
        raise NotImplementedError


@dataclass(frozen=True)
class Typed(Input):
    """Type a text (replacing what is there); "\\n" is Enter (long texts only)."""

    text: str

    def enter(self, kb: Keyboard, editor: Any) -> None:
        kb.select_all_and_delete()
        kb.type(self.text)


@dataclass(frozen=True)
class Pick(Input):
    """Type part of a label (or the code) into a type-ahead combo; leaving the field with
    Enter takes the match."""

    text: str

    def enter(self, kb: Keyboard, editor: Any) -> None:
        kb.select_all_and_delete()
        kb.type(self.text)


@dataclass(frozen=True)
class Paste(Input):
    """Paste a text with Ctrl+V (replacing what is there): long texts come that way."""

    text: str

    def enter(self, kb: Keyboard, editor: Any) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(self.text)
        kb.select_all_and_delete()
        kb.press(Qt.Key.Key_V, "\x16", CTRL)


@dataclass(frozen=True)
class Choose(Input):
    """A closed list (non-editable combo): type the first letters of the label (of the
    English label when the form is in English)."""

    text: str
    en: str | None = None

    def enter(self, kb: Keyboard, editor: Any) -> None:
        # A list searches the letters typed within QApplication.keyboardInputInterval()
        # as one word: pause first, as a person does between two fields (with a shorter
        # interval for the moment, so that the pause is short too).
        interval = QApplication.keyboardInputInterval()
        QApplication.setKeyboardInputInterval(60)
        try:
            kb.qtbot.wait(80)
            kb.type(self.en if self.en is not None and kb.fw.lang == "en" else self.text)
        finally:
            QApplication.setKeyboardInputInterval(interval)


@dataclass(frozen=True)
class Home(Input):
    """Home in a closed list: its first entry (the empty one of an optional list)."""

    def enter(self, kb: Keyboard, editor: Any) -> None:
        kb.home()


@dataclass(frozen=True)
class RemoveRows(Input):
    """Ctrl+Del in the first cell until the table has no row (the cursor then sits on
    the add-row button, where Enter would add one: not left)."""

    leaves = False

    def enter(self, kb: Keyboard, editor: Any) -> None:
        assert isinstance(editor, w.TableEditor)
        while editor.rows:
            kb.focus_widget_of(editor.cell(0, editor.columns[0].key).focus_widgets()[0])
            kb.press(Qt.Key.Key_Delete, "\x7f", CTRL)
        assert kb.focus_widget() is editor.add_button


@dataclass(frozen=True)
class Tick(Input):
    """Space on a check box (ticks it when unticked, and the other way round)."""

    def enter(self, kb: Keyboard, editor: Any) -> None:
        kb.space()


@dataclass(frozen=True)
class Codes(Input):
    """Tick codes in a checkable code list: in a long list type the search text first
    (Down goes into the list), then Down to the code and Space."""

    picks: tuple[tuple[str | None, str], ...]  # (search text, code)

    def enter(self, kb: Keyboard, editor: Any) -> None:
        assert isinstance(editor, w.RefMultiEditor)
        for i, (search, code) in enumerate(self.picks):
            if editor.filter is not None:
                if i:
                    kb.backtab()  # from the list back to the search line
                assert kb.focus_widget() is editor.filter
                kb.select_all_and_delete()
                kb.type(search or "")
                kb.down()
            else:
                assert kb.focus_widget() is editor.list
                kb.home()
            assert kb.focus_widget() is editor.list
            for _ in range(editor.codes.rowCount()):
                if editor.codes.code(editor.list.currentIndex()) == code:
                    break
                kb.down()
            assert editor.codes.code(editor.list.currentIndex()) == code
            kb.space()
            assert code in editor.value()


@dataclass(frozen=True)
class Rows(Input):
    """Add rows to a table by keyboard and fill their cells: Space on the add-row button
    (when the table has no free row), then type cell by cell with Enter between."""

    rows: tuple[Mapping[str, Input], ...]

    def enter(self, kb: Keyboard, editor: Any) -> None:
        assert isinstance(editor, w.TableEditor)
        for r, cells in enumerate(self.rows):
            if r >= len(editor.rows):
                assert kb.focus_widget() is editor.add_button, "expected the add-row button"
                kb.space()
                assert len(editor.rows) == r + 1
            first = editor.cell(r, editor.columns[0].key).focus_widgets()[0]
            assert kb.focus_widget() is first, f"expected row {r + 1}'s first cell"
            for c, column in enumerate(editor.columns):
                cell = editor.cell(r, column.key)
                assert kb.focus_widget() in cell.focus_widgets()
                spec = cells.get(column.key)
                if spec is not None:
                    spec.enter(kb, cell)
                kb.leave()
                if c + 1 < len(editor.columns):
                    nxt = editor.cell(r, editor.columns[c + 1].key).focus_widgets()[0]
                    assert kb.focus_widget() is nxt, (
                        f"Enter did not move to {column.key}'s next cell"
                    )
        # the last cell's Enter leads to the add-row button


@dataclass(frozen=True)
class Group(Input):
    """The parts of a sub-record (an escort), Enter between them."""

    parts: Mapping[str, Input]

    def enter(self, kb: Keyboard, editor: Any) -> None:
        assert isinstance(editor, w.GroupEditor)
        columns = editor.columns
        for c, column in enumerate(columns):
            part = editor.editors[column.key]
            assert kb.focus_widget() in part.focus_widgets()
            spec = self.parts.get(column.key)
            if spec is not None:
                spec.enter(kb, part)
            if c + 1 < len(columns):
                kb.leave()


def fill_field(kb: Keyboard, key: str, spec: Input) -> None:
    """Focus field `key` and do `spec` there (the focus stays in the field)."""
    kb.focus(key)
    spec.enter(kb, kb.fw.editor(key))


def do(kb: Keyboard, target: str, spec: Input) -> None:
    """Do `spec` in `target` — a field ("postcode"), a table cell ("legal_basis.0.act";
    rows added by keyboard as needed) or a part of a group ("escort.count") — and leave
    it with Enter, as the officer goes on to the next field."""
    key, _, rest = target.partition(".")
    editor = kb.fw.editor(key)
    if not rest:
        fill_field(kb, key, spec)
    elif isinstance(editor, w.TableEditor):
        row_text, _, column = rest.partition(".")
        row = int(row_text)
        while len(editor.rows) <= row:
            kb.focus_widget_of(editor.add_button)
            kb.space()
        cell = editor.cell(row, column)
        kb.focus_widget_of(cell.focus_widgets()[0])
        spec.enter(kb, cell)
    else:
        assert isinstance(editor, w.GroupEditor)
        part = editor.editors[rest]
        kb.focus_widget_of(part.focus_widgets()[0])
        spec.enter(kb, part)
    if spec.leaves:
        kb.leave()


# --------------------------------------------------------------------------- values


def empty_value(f: FieldDef) -> Any:
    """What `values()` holds for a field nobody touched and without a default."""
    if f.widget == "bool":
        return False
    if f.widget in ("ref_multi", "text_list", "table"):
        return []
    return None


def model_default(form: FormDef, key: str) -> Any:
    """The model's plain default of a field (an enum's value, a bool, a str)."""
    info = form.model.model_fields.get(key)
    if info is None or info.is_required() or info.default_factory is not None:
        return None
    default = info.default
    if default is None or not isinstance(default, str | bool | int):
        return None
    return getattr(default, "value", default)


def new_form_values(form: FormDef, visible: set[str]) -> dict[str, Any]:
    """`values()` of a new, untouched form with the given fields shown: empty fields,
    the definition's or the model's defaults, and the context it was opened from."""
    out: dict[str, Any] = {}
    for f in form.fields():
        if not f.bind or f.key not in visible:
            continue
        default = f.default if f.default is not None else model_default(form, f.key)
        out[f.key] = default if default is not None else empty_value(f)
    out.update(context_for(form))
    return out


def visible_after(form: FormDef, values: Mapping[str, Any]) -> set[str]:
    """The fields a form shows for `values` (sections' and fields' conditions)."""
    out: set[str] = set()
    for section in form.sections:
        if section.visible_if is not None and not section.visible_if.holds(values):
            continue
        for f in section.fields:
            if f.visible_if is None or f.visible_if.holds(values):
                out.add(f.key)
    return out


def expected_values(form: FormDef, filled: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON-ready `values()` of a new form after the officer typed `filled`."""
    base = new_form_values(form, {f.key for f in form.fields()})
    merged = {**base, **filled}
    shown = visible_after(form, merged)
    out = new_form_values(form, shown)
    out.update({k: v for k, v in filled.items() if k in shown or k in form.context})
    return out


# --------------------------------------------------------------------------- good values


@dataclass(frozen=True)
class Script:
    """One keyboard fill of a form: what is typed where, and what `values()` must be."""

    id: str
    form: str
    inputs: Mapping[str, Input]
    filled: Mapping[str, Any]  # the JSON-ready values of the fields touched


VALID_PERSONAL_CODE = "150485-12340"  # fictitious, legacy format with a right check digit

SCRIPTS: tuple[Script, ...] = (
    Script(
        "person",
        "person",
        {
            "surname_latin": Typed("SNORE"),
            "given_names_latin": Typed("LENA"),
            "surname_native": Typed("Шнорэ"),
            "given_names_native": Typed("Лена"),
            "name_reproduction_lv": Typed("Ļena Šņore"),
            "patronymic": Typed("IVANOVNA"),
            "names_at_birth": Typed("LENA IVANOVA"),
            "previous_surnames": Typed("IVANOVA; PETROVA"),
            "sex": Pick("sievi"),
            "date_of_birth": Typed("04.1985"),
            "country_of_birth": Pick("uzbek"),
            "place_of_birth": Typed("Samarkanda"),
            "nationalities": Rows(
                ({"country": Pick("krievij")}, {"country": Pick("ukrain"), "type": Pick("bēgl")})
            ),
            "ethnicity": Typed("krieviete"),
            "personal_code": Typed(VALID_PERSONAL_CODE),
            "foreign_id_number": Typed("AB1234567"),
            "foreign_id_country": Pick("krievij"),
            "photo_ref": Typed("BIO-F-000777"),
            "other_identities": Rows(
                (
                    {
                        "surname": Typed("ŠŅORE"),
                        "given_names": Typed("Jeļena"),
                        "date_of_birth": Typed("1985"),
                        "nationality": Pick("kazah"),
                        "source": Typed("Paskaidrojums, 2026. gada 3. oktobris"),
                    },
                )
            ),
            "languages": Codes((("krie", "ru"), ("uzbe", "uz"))),
            "vulnerabilities": Codes(((None, "pregnant"),)),
            "marital_status": Pick("šķīries"),
            "warning_flags": Codes(((None, "violent"),)),
            "special_features": Typed("Rēta uz kreisā vaiga"),
            "notes": Typed("Ziņas salīdzinātas ar pasi.\nTulks: Jānis Bērziņš."),
        },
        {
            "surname_latin": "SNORE",
            "given_names_latin": "LENA",
            "surname_native": "Шнорэ",
            "given_names_native": "Лена",
            "name_reproduction_lv": "Ļena Šņore",
            "patronymic": "IVANOVNA",
            "names_at_birth": ["LENA IVANOVA"],
            "previous_surnames": ["IVANOVA", "PETROVA"],
            "sex": "F",
            "date_of_birth": "1985-04",
            "country_of_birth": "UZB",
            "place_of_birth": "Samarkanda",
            "nationalities": [
                {"country": "RUS", "type": "citizen"},
                {"country": "UKR", "type": "refugee"},
            ],
            "ethnicity": "krieviete",
            "personal_code": VALID_PERSONAL_CODE,
            "foreign_id_number": "AB1234567",
            "foreign_id_country": "RUS",
            "photo_ref": "BIO-F-000777",
            "other_identities": [
                {
                    "surname": "ŠŅORE",
                    "given_names": "Jeļena",
                    "date_of_birth": "1985",
                    "nationality": "KAZ",
                    "source": "Paskaidrojums, 2026. gada 3. oktobris",
                }
            ],
            "languages": ["ru", "uz"],
            "vulnerabilities": ["pregnant"],
            "marital_status": "divorced",
            "warning_flags": ["violent"],
            "special_features": "Rēta uz kreisā vaiga",
            "notes": "Ziņas salīdzinātas ar pasi.\nTulks: Jānis Bērziņš.",
        },
    ),
    Script(
        "person_unaccompanied_minor",
        "person",
        {
            "surname_latin": Typed("BERZINS"),
            "given_names_latin": Typed("JANIS"),
            "name_reproduction_lv": Typed("Jānis Bērziņš"),
            "sex": Pick("vīriet"),
            "date_of_birth": Typed("14.07.2012"),
            "nationalities": Rows(({"country": Pick("XXA"), "type": Pick("bezvalst")},)),
            "unaccompanied_minor": Tick(),
            "guardian": Typed("Anna Bērziņa, Rīgas bāriņtiesa"),
        },
        {
            "surname_latin": "BERZINS",
            "given_names_latin": "JANIS",
            "name_reproduction_lv": "Jānis Bērziņš",
            "sex": "M",
            "date_of_birth": "2012-07-14",
            "nationalities": [{"country": "XXA", "type": "stateless"}],
            "unaccompanied_minor": True,
            "guardian": "Anna Bērziņa, Rīgas bāriņtiesa",
        },
    ),
    Script(
        "document",
        "document",
        {
            "doc_type": Pick("id kart"),
            "series_and_number": Typed("AB1234567"),
            "issuing_state": Pick("kazah"),
            "issuing_authority": Typed("МВД Республики Казахстан"),
            "issue_date": Typed("15.03.2020"),
            "valid_until": Typed("14.03.2030"),
            "doc_status": Pick("izņem"),
            "scan_ref": Typed("SCAN-2026-000123"),
            "notes": Typed("Dokuments izņemts robežkontrolē."),
        },
        {
            "doc_type": "ID",
            "series_and_number": "AB1234567",
            "issuing_state": "KAZ",
            "issuing_authority": "МВД Республики Казахстан",
            "issue_date": "2020-03-15",
            "valid_until": "2030-03-14",
            "doc_status": "seized",
            "scan_ref": "SCAN-2026-000123",
            "notes": "Dokuments izņemts robežkontrolē.",
        },
    ),
    Script(
        "address_latvia",
        "address",
        {
            "city": Typed("Rīga"),
            "street": Typed("Brīvības iela"),
            "house": Typed("21"),
            "flat": Typed("7"),
            "postcode": Typed("LV-1010"),
            "valid_from": Typed("01.09.2026"),
            "source": Typed("Personas paskaidrojums"),
        },
        {
            "address_type": "latvia",
            "city": "Rīga",
            "street": "Brīvības iela",
            "house": "21",
            "flat": "7",
            "postcode": "LV-1010",
            "valid_from": "2026-09-01",
            "source": "Personas paskaidrojums",
        },
    ),
    Script(
        "address_abroad",
        "address",
        {
            "address_type": Choose("Adrese ār", en="Address ab"),
            "country": Pick("gruzij"),
            "address_text": Typed("Tbilisi, Rustaveli gatve 12, dz. 4\nთბილისი"),
            "valid_from": Typed("01.01.2025"),
            "valid_to": Typed("30.09.2026"),
        },
        {
            "address_type": "abroad",
            "country": "GEO",
            "address_text": "Tbilisi, Rustaveli gatve 12, dz. 4\nთბილისი",
            "valid_from": "2025-01-01",
            "valid_to": "2026-09-30",
        },
    ),
    Script(
        "case",
        "case",
        {
            "owner_institution": Pick("robežs"),
            "owner_unit": Pick("ludzas"),
            "responsible_officer": Typed("Jānis Bērziņš"),
            "detection_date": Typed("02.10.2026"),
            "detection_place": Typed("Rēzekne, Atbrīvošanas aleja 93"),
            "detecting_unit": Pick("ludzas"),
            "illegal_stay_grounds": Codes(((None, "visa_free_overstay"),)),
            "legal_basis": Rows(
                (
                    {
                        "code": Pick("izbraukšanas rīkojums"),
                        "act": Typed("Imigrācijas likums"),
                        "section": Typed("41"),
                        "part": Typed("1"),
                    },
                )
            ),
            "notes": Typed("Konstatēts kopīgā pārbaudē ar Valsts policiju."),
        },
        {
            "status": "DETECTED",
            "case_type": "return",
            "owner_institution": "VRS",
            "owner_unit": "VRS-LUP",
            "responsible_officer": "Jānis Bērziņš",
            "detection_date": "2026-10-02",
            "detection_place": "Rēzekne, Atbrīvošanas aleja 93",
            "detecting_unit": "VRS-LUP",
            "illegal_stay_grounds": ["visa_free_overstay"],
            "legal_basis": [
                {"code": "IL-41", "act": "Imigrācijas likums", "section": "41", "part": "1"}
            ],
            "notes": "Konstatēts kopīgā pārbaudē ar Valsts policiju.",
        },
    ),
    Script(
        "detention",
        "detention",
        {
            "detained_at": Typed("02.10.2026 14:30"),
            "detaining_unit": Pick("daugavpils pārv"),
            "detaining_official": Typed("Ļena Šņore"),
            "place_of_detention": Pick("mucenieki"),
            "journal_no": Typed("Ž-2026/0153"),
            "detention_reason": Pick("bēgšanas"),
            "reason_text": Typed("Personai nav dzīvesvietas Latvijā."),
            "court_authorisations": Rows(
                (
                    {
                        "court": Pick("latgales"),
                        "decision_date": Typed("04.10.2026"),
                        "authorised_until": Typed("02.12.2026"),
                    },
                )
            ),
            "alternative_measures": Rows(
                ({"measure": Pick("drošības nauda"), "date_from": Typed("05.10.2026")},)
            ),
        },
        {
            "detained_at": "2026-10-02T14:30:00+03:00",
            "detaining_unit": "VRS-DAP",
            "detaining_official": "Ļena Šņore",
            "place_of_detention": "AAIC-MUC",
            "journal_no": "Ž-2026/0153",
            "status": "DETAINED_VRS",
            "detention_reason": "absconding_risk",
            "reason_text": "Personai nav dzīvesvietas Latvijā.",
            "court_authorisations": [
                {
                    "court": "LRT",
                    "decision_date": "2026-10-04",
                    "authorised_until": "2026-12-02",
                    "type": "initial",
                }
            ],
            "alternative_measures": [{"measure": "financial_guarantee", "date_from": "2026-10-05"}],
        },
    ),
    Script(
        "decision_departure_order",
        "decision",
        {
            "decision_type": Choose("Izb", en="Dep"),
            "decision_date": Typed("05.10.2026"),
            "issuing_institution": Pick("robežs"),
            "issuing_unit": Pick("ludzas"),
            "official": Typed("Jānis Bērziņš"),
            "official_position": Typed("vecākais inspektors"),
            "facts": Typed("Persona uzturējās Latvijā bez derīgas vīzas.\nKonstatēta 02.10.2026."),
            "legal_basis": Rows(
                (
                    {
                        "code": Pick("izbraukšanas rīkojums"),
                        "act": Typed("Imigrācijas likums"),
                        "section": Typed("41"),
                    },
                )
            ),
            "destination_type": Pick("pilsonības"),
            "destination_country": Pick("uzbek"),
            "vd_period_days": Typed("30"),
            "obligations": Codes(((None, "reporting"),)),
            "served_at": Typed("06.10.2026 10:00"),
            "service_method": Pick("personīg"),
            "acknowledgment": Pick("atteicās"),
            "refusal_note": Typed("Persona atteicās parakstīt, klātesot tulkam."),
            "person_explanation": Typed("Я хочу уехать сам."),
            "translation_language": Pick("krievu"),
            "interpreter": Typed("Иван Петров"),
        },
        {
            "decision_type": "departure_order",
            "status": "draft",
            "decision_date": "2026-10-05",
            "issuing_institution": "VRS",
            "issuing_unit": "VRS-LUP",
            "official": "Jānis Bērziņš",
            "official_position": "vecākais inspektors",
            "facts": "Persona uzturējās Latvijā bez derīgas vīzas.\nKonstatēta 02.10.2026.",
            "legal_basis": [{"code": "IL-41", "act": "Imigrācijas likums", "section": "41"}],
            "destination_type": "citizenship",
            "destination_country": "UZB",
            "vd_period_days": 30,
            "obligations": ["reporting"],
            "served_at": "2026-10-06T10:00:00+03:00",
            "service_method": "in_person",
            "acknowledgment": "refused_to_sign",
            "refusal_note": "Persona atteicās parakstīt, klātesot tulkam.",
            "person_explanation": "Я хочу уехать сам.",
            "translation_language": "ru",
            "interpreter": "Иван Петров",
        },
    ),
    Script(
        "decision_removal",
        "decision",
        {
            "decision_type": Choose("Lēm", en="For"),
            "decision_date": Typed("20.11.2026"),
            "issuing_institution": Pick("pilsonības un migr"),
            "issuing_unit": Pick("latgales reģ"),
            "official": Typed("Ļena Šņore"),
            "facts": Typed("Brīvprātīgas izbraukšanas termiņš beidzies 05.11.2026."),
            "legal_basis": Rows(({"code": Pick("46. pants"), "act": Typed("Imigrācijas likums")},)),
            "destination_type": Pick("tranzīta"),
            "destination_country": Pick("turcij"),
            "acknowledgment": Pick("parakstījās"),
        },
        {
            "decision_type": "removal_decision",
            "status": "draft",
            "decision_date": "2026-11-20",
            "issuing_institution": "PMLP",
            "issuing_unit": "PMLP-RZK",
            "official": "Ļena Šņore",
            "facts": "Brīvprātīgas izbraukšanas termiņš beidzies 05.11.2026.",
            "legal_basis": [{"code": "IL-46", "act": "Imigrācijas likums"}],
            "destination_type": "transit_country",
            "destination_country": "TUR",
            "acknowledgment": "signed",
        },
    ),
    Script(
        "entry_ban",
        "entry_ban",
        {
            "ban_decision_date": Typed("07.10.2026"),
            "decision_maker": Pick("vrs priekšnieks"),
            "territorial_scope": Pick("šengen"),
            "legal_basis": Rows(
                (
                    {
                        "code": Pick("ieceļošanas aizliegums"),
                        "act": Typed("Atgriešanas direktīva"),
                        "section": Typed("11"),
                    },
                )
            ),
            "duration_years": Typed("3"),
            "duration_months": Typed("6"),
            "valid_from": Typed("10.10.2026"),
            "violation_date": Typed("02.10.2026"),
            "violation_place": Typed("Rēzekne"),
        },
        {
            "ban_decision_date": "2026-10-07",
            "decision_maker": "vrs_head",
            "territorial_scope": "LV_SCHENGEN",
            "status": "IMPOSED",
            "legal_basis": [{"code": "RD-11", "act": "Atgriešanas direktīva", "section": "11"}],
            "duration_years": 3,
            "duration_months": 6,
            "valid_from": "2026-10-10",
            "violation_date": "2026-10-02",
            "violation_place": "Rēzekne",
        },
    ),
    Script(
        "entry_ban_indefinite_pending",
        "entry_ban",
        {
            "ban_decision_date": Typed("07.10.2026"),
            "decision_maker": Pick("ārlietu ministrs"),
            "territorial_scope": Pick("tikai latvija"),
            "appealable": Tick(),
            "reasons_restricted": Tick(),
            "legal_basis": Rows(
                ({"code": Pick("ārlietu ministra lēmums"), "act": Typed("Imigrācijas likums")},)
            ),
            "indefinite": Tick(),
            "start_pending_departure": Tick(),
        },
        {
            "ban_decision_date": "2026-10-07",
            "decision_maker": "foreign_minister",
            "territorial_scope": "LV",
            "appealable": False,
            "reasons_restricted": True,
            "status": "IMPOSED",
            "legal_basis": [{"code": "IL-61-2", "act": "Imigrācijas likums"}],
            "indefinite": True,
            "start_pending_departure": True,
        },
    ),
    Script(
        "appeal",
        "appeal",
        {
            "kind": Pick("rajona tiesā"),
            "filed_date": Typed("12.10.2026"),
            "received_by": Typed("Administratīvā rajona tiesa, Rīgas tiesu nams"),
            "suspensive": Tick(),
            "interim_relief": Pick("atteikt"),
            "interim_relief_date": Typed("20.10.2026"),
            "outcome": Pick("negrozīts"),
            "outcome_date": Typed("15.11.2026"),
            "notes": Typed("Sūdzību iesniedza pārstāve Ļena Šņore."),
        },
        {
            "kind": "district_court",
            "filed_date": "2026-10-12",
            "received_by": "Administratīvā rajona tiesa, Rīgas tiesu nams",
            "suspensive": True,
            "interim_relief": "refused",
            "interim_relief_date": "2026-10-20",
            "outcome": "upheld",
            "outcome_date": "2026-11-15",
            "notes": "Sūdzību iesniedza pārstāve Ļena Šņore.",
        },
    ),
    Script(
        "departure_forced_escorted",
        "departure",
        {
            "exit_type": Pick("ar pavadību"),
            "exit_at": Typed("20.11.2026 06:15"),
            "transport_mode": Pick("gaisa"),
            "bcp": Pick("lidosta"),
            "foreign_airport": Typed("Taškenta (TAS)"),
            "destination_country": Pick("uzbek"),
            "travel_doc_used": Pick("nacionālā"),
            "readmission_agreement": Pick("divpus"),
            "notice_given_at": Typed("13.11.2026 09:00"),
            "escort": Group(
                {
                    "count": Typed("2"),
                    "organisation": Typed("VRS Aviācijas un speciālo operāciju pārvalde"),
                    "leader": Typed("Ļena Šņore"),
                }
            ),
            "monitor_present": Tick(),
            "monitor_body": Typed("Tiesībsarga birojs"),
            "costs": Rows(
                (
                    {
                        "item": Pick("biļete"),
                        "amount_eur": Typed("350,50"),
                        "payer_type": Pick("ārzemn"),
                    },
                )
            ),
        },
        {
            "exit_type": "forced_escorted",
            "exit_at": "2026-11-20T06:15:00+02:00",
            "transport_mode": "air",
            "bcp": "RIX",
            "foreign_airport": "Taškenta (TAS)",
            "destination_country": "UZB",
            "travel_doc_used": "national_passport",
            "readmission_agreement": "bilateral",
            "notice_given_at": "2026-11-13T09:00:00+02:00",
            "escort": {
                "count": 2,
                "organisation": "VRS Aviācijas un speciālo operāciju pārvalde",
                "leader": "Ļena Šņore",
            },
            "monitor_present": True,
            "monitor_body": "Tiesībsarga birojs",
            "costs": [
                {
                    "item": "ticket",
                    "amount_eur": "350.50",
                    "payer_type": "foreigner",
                    "recovery_status": "not_due",
                }
            ],
        },
    ),
    Script(
        "departure_voluntary",
        "departure",
        {
            "exit_type": Pick("ar saviem līdzekļiem"),
            "exit_at": Typed("03.11.2026 22:40"),
            "transport_mode": Pick("dzelzceļš"),
            "bcp": Pick("zilupe"),
            "destination_country": Pick("krievij"),
            "travel_doc_used": Pick("nacionālā"),
        },
        {
            "exit_type": "voluntary",
            "exit_at": "2026-11-03T22:40:00+02:00",
            "transport_mode": "rail",
            "bcp": "ZILUPE",
            "destination_country": "RUS",
            "travel_doc_used": "national_passport",
        },
    ),
    Script(
        "sis_alert",
        "sis_alert",
        {
            "alert_type": Pick("atgriešanu"),
            "national_alert_id": Typed("LV-SIS-2026-000321"),
            "entered_at": Typed("08.10.2026"),
            "status": Pick("dzēsts"),
            "deleted_at": Typed("21.11.2026"),
            "deletion_reason": Typed("Persona izceļojusi 20.11.2026."),
        },
        {
            "alert_type": "return",
            "national_alert_id": "LV-SIS-2026-000321",
            "entered_at": "2026-10-08",
            "status": "deleted",
            "deleted_at": "2026-11-21",
            "deletion_reason": "Persona izceļojusi 20.11.2026.",
        },
    ),
)


# The good values of each form (the first script of the form): the base that the bad-input
# tests break one field at a time.
GOOD: dict[str, Mapping[str, Any]] = {}
for _s in SCRIPTS:
    GOOD.setdefault(_s.form, _s.filled)


def good_values(name: str) -> dict[str, Any]:
    import copy

    return copy.deepcopy(dict(GOOD[name]))
