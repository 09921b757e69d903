"""Random input into every form (issue 5, item 7): every input ends in a record the
registry accepts or in messages under the form's fields — never in an exception.

`test_random_text_in_every_field`: for each form, hypothesis draws what the officer types
into each field he can reach (random Unicode with Latvian letters and Cyrillic, date-like
and time-like strings, numbers, codes and labels of the field's list, empty, whitespace,
very long texts), into a new form or over a good record, entered through the editors' typed-text path (the text set and the
editor's own "edited by the user" signal fired, as typing does) in reading order, table
rows and group parts included. Then `validate()` must not raise, must keep every text as
typed, and either find no error — and then what a save would queue is a valid record of
the form's model — or show every problem under a field of the form that is on screen.

`test_random_values_into_validation`: `validation.validate` fed random dicts (known and
unknown keys, values of any JSON type) for each form: no exception, every problem attached
to a field of the form.
"""

from __future__ import annotations

import string
import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QCoreApplication

from registry_core.messages import text
from registry_desktop.formdefs import FieldDef, FormDef, form_names, load_form
from registry_desktop.formkit import validation as val
from registry_desktop.formkit import widgets as w
from registry_desktop.formkit.renderer import FormWidget
from tests.desktop.forms.fill import (
    QT_NOISE_MARK,
    SessionStandIn,
    context_for,
    good_values,
    message_lines,
    raw_texts,
)

NAMES = form_names()

RANDOM = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure is reproducible
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)

LATVIAN = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
LETTERS = string.ascii_letters + string.digits + LATVIAN + CYRILLIC + " .,-/:;'\"()<#"

# --------------------------------------------------------------------------- strategies

any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
name_text = st.text(LETTERS, max_size=40)
blank = st.sampled_from(["", " ", "   ", "\t", "\u00a0"])
# Just over the registry's limits (20 for a legal-basis part, 40 for codes and numbers,
# 200 for names, 500 for texts, 1000 for an address, 20000 for notes), and a paste-sized one.
long_text = st.sampled_from(
    ["1" * 21, "A" * 41, "ā" * 201, "Ж" * 501, "x" * 1001, "Š" * 20001, "Ļ ž " * 3000]
)


@st.composite
def date_like(draw: st.DrawFn) -> str:
    day = draw(st.integers(0, 40))
    month = draw(st.integers(0, 14))
    year = draw(st.one_of(st.integers(1840, 2110), st.integers(0, 99)))
    shape = draw(st.sampled_from(["dmy", "my", "y", "iso", "compact", "dmy-dash"]))
    out = {
        "dmy": f"{day:02d}.{month:02d}.{year}",
        "my": f"{month:02d}.{year}",
        "y": f"{year}",
        "iso": f"{year:04d}-{month:02d}-{day:02d}",
        "compact": f"{day:02d}{month:02d}{year:04d}",
        "dmy-dash": f"{day}-{month}-{year}",
    }[shape]
    if draw(st.booleans()):
        out += f" {draw(st.integers(0, 30)):02d}:{draw(st.integers(0, 70)):02d}"
    return out


good_date = st.dates(date(1900, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%d.%m.%Y"))
good_datetime = st.datetimes(datetime(2000, 1, 1), datetime(2030, 12, 31)).map(
    lambda d: d.strftime("%d.%m.%Y %H:%M")
)
number_text = st.one_of(
    st.integers(-1000, 100000).map(str),
    st.decimals(allow_nan=True, allow_infinity=True, places=3).map(str),
    st.sampled_from(["1e3", "NaN", "Infinity", "1 250,50", "12,5,0", "0", "-0", "٣"]),
)


def ref_texts(ref: str | None) -> st.SearchStrategy[str]:
    """Codes and labels (whole or in part) of a reference list, and anything else."""
    items = w.reference_items(ref) if ref else []
    if not items:
        return any_text
    pieces = [p for code, lv, en in items for p in (code, lv, en, lv[:4])]
    return st.one_of(st.sampled_from(pieces), name_text, blank)


def text_for(widget: str, ref: str | None = None) -> st.SearchStrategy[str]:
    if widget in ("date",):
        base: st.SearchStrategy[str] = st.one_of(good_date, date_like())
    elif widget == "datetime":
        base = st.one_of(good_datetime, date_like())
    elif widget == "partial_date":
        base = st.one_of(good_date, date_like())
    elif widget in ("int", "decimal"):
        base = number_text
    elif widget == "ref":
        base = ref_texts(ref)
    else:
        base = st.one_of(name_text, any_text)
    return st.one_of(base, blank, st.just(""), any_text, long_text)


# --------------------------------------------------------------------------- typing


def typed(editor: Any, text: str) -> None:
    """Set `text` as if the officer typed it: the text, then the editor's user-edit
    signal (which is what typing fires; the form reacts to it)."""
    if isinstance(editor, w.RefEditor):
        line = editor.lineEdit()
        line.setText(text)
        line.textEdited.emit(text)
        editor.commit_typed(False)  # leaving the field takes a unique match
    elif isinstance(editor, w.LineEditor):
        editor.setText(text)
        editor.textEdited.emit(text)
    elif isinstance(editor, w.LongTextEditor):
        editor.setPlainText(text)  # textChanged → edited
    else:  # the MRZ box
        proxy = editor.focusProxy() or editor
        set_plain = getattr(proxy, "setPlainText", None)
        if callable(set_plain):
            set_plain(text)


@st.composite
def enter_editor(draw: st.DrawFn, f: FieldDef, editor: Any) -> Callable[[], None]:
    """What the officer does in one editor (drawn now, done later)."""
    if isinstance(editor, w.BoolEditor):
        on = draw(st.booleans())
        return lambda: editor.setChecked(on)
    if isinstance(editor, w.ChoiceEditor):
        index = draw(st.integers(0, max(editor.count() - 1, 0)))
        return lambda: editor.setCurrentIndex(index)
    if isinstance(editor, w.RefMultiEditor):
        rows = draw(st.lists(st.integers(0, max(editor.codes.rowCount() - 1, 0)), max_size=4))
        return lambda: [editor.toggle(r) for r in rows]  # type: ignore[func-returns-value]
    how = draw(st.sampled_from(["type", "type", "pick", "retype"]))
    if how == "pick" and isinstance(editor, w.RefEditor):
        index = draw(st.integers(-1, editor.count() - 1))
        return lambda: editor.setCurrentIndex(index)  # picked from the list
    if how == "retype":  # what the field shows, typed again (a date, a label…)
        return lambda: typed(editor, editor.raw_text())
    value = draw(text_for(f.widget, getattr(editor, "ref", None)))
    return lambda: typed(editor, value)


@st.composite
def form_actions(draw: st.DrawFn, fw: FormWidget) -> list[tuple[str, Callable[[], None]]]:
    """(field key, action) in reading order, for some of the fields."""
    reachable = [
        f.key
        for f in fw.form.fields()
        if not f.readonly and not isinstance(fw.editor(f.key), w.ComputedEditor)
    ]
    chosen = set(draw(st.lists(st.sampled_from(reachable), unique=True)))
    out: list[tuple[str, Callable[[], None]]] = []
    for f in fw.form.fields():
        editor = fw.editor(f.key)
        if f.key not in chosen:
            continue
        if isinstance(editor, w.TableEditor):
            out.append((f.key, draw(table_actions(f, editor))))
        elif isinstance(editor, w.GroupEditor):
            parts = [draw(enter_editor(c, editor.editors[c.key])) for c in f.columns]
            out.append((f.key, lambda parts=parts: [p() for p in parts]))  # type: ignore[misc]
        else:
            out.append((f.key, draw(enter_editor(f, editor))))
    return out


@st.composite
def table_actions(draw: st.DrawFn, f: FieldDef, table: w.TableEditor) -> Callable[[], None]:
    count = draw(st.integers(0, 2))
    cells = [[draw(st.one_of(st.none(), st.just(c))) for c in f.columns] for _ in range(count)]
    refs = [c.ref or val.field_ref(table.sub_model, c.bind or c.key) for c in f.columns]
    texts = [
        [None if c is None else draw(text_for(c.widget, refs[i])) for i, c in enumerate(row)]
        for row in cells
    ]
    choices = [[draw(st.integers(0, 3)) for _ in f.columns] for _ in range(count)]

    def act() -> None:
        while len(table.rows) < count:
            table.add_row()
        for r in range(count):
            for c, column in enumerate(f.columns):
                if cells[r][c] is None:
                    continue
                cell = table.cell(r, column.key)
                if isinstance(cell, w.ChoiceEditor):
                    cell.setCurrentIndex(min(choices[r][c], cell.count() - 1))
                elif isinstance(cell, w.BoolEditor):
                    cell.setChecked(bool(choices[r][c] % 2))
                else:
                    raw = texts[r][c] or ""
                    if isinstance(cell, w.RefEditor) and choices[r][c] == 0:
                        cell.setCurrentIndex(min(choices[r][c], cell.count() - 1))
                    else:
                        typed(cell, raw)

    return act


# --------------------------------------------------------------------------- the checks


def new_form(name: str) -> FormWidget:
    form = load_form(name)
    return FormWidget(form, SessionStandIn("lv"), context=context_for(form))  # type: ignore[arg-type]


def dispose(fw: FormWidget) -> None:
    fw.setParent(None)
    fw.deleteLater()
    QCoreApplication.processEvents()


def check_outcome(fw: FormWidget) -> None:
    form = fw.form
    keys = {f.key for f in form.fields()}
    before = raw_texts(fw)
    problems = fw.validate()
    assert raw_texts(fw) == before, "validation changed what was typed"
    errors = [p for p in problems if p.is_error]
    if not errors:
        kind, fields = fw.payload()
        assert kind == "create"
        form.model.model_validate({**fields, "id": fw.record_id})
    for p in problems:
        assert p.key in keys, f"problem on a field not on the form: {p}"
        assert p.severity in ("error", "warning")
        assert isinstance(p.message, str) and p.message.strip()
        assert fw.is_visible_field(p.key), f"message under a hidden field: {p}"
        mark = "✖" if p.is_error else "⚠"
        assert f"{mark} {p.message}" in message_lines(fw, p.key), (p, message_lines(fw, p.key))


@QT_NOISE_MARK
@pytest.mark.parametrize("name", NAMES)
def test_random_text_in_every_field(qtbot: Any, name: str) -> None:
    @RANDOM
    @given(data=st.data())
    def run(data: st.DataObject) -> None:
        fw = new_form(name)
        try:
            if data.draw(st.booleans(), label="from a good record"):
                fw.set_values(good_values(name))  # then some fields typed over
            actions = data.draw(form_actions(fw), label="typed")
            for key, action in actions:
                fw.flush()
                if not fw.is_visible_field(key):
                    continue  # the officer cannot type into a hidden field
                action()
            fw.flush()
            check_outcome(fw)
        finally:
            dispose(fw)

    run()


# --------------------------------------------------------------------------- validate()

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    any_text,
    date_like(),
    st.datetimes(timezones=st.just(timezone(timedelta(hours=2)))).map(lambda d: d.isoformat()),
    st.uuids().map(str),
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(
            st.one_of(any_text, st.sampled_from(["act", "country", "type", "count"])),
            inner,
            max_size=3,
        ),
    ),
    max_leaves=8,
)


def value_keys(form: FormDef) -> list[str]:
    keys = [f.key for f in form.fields()] + list(form.context)
    keys += list(form.model.model_fields)
    return sorted(set(keys))


@pytest.mark.parametrize("name", NAMES)
def test_random_values_into_validation(name: str) -> None:
    form = load_form(name)
    keys = value_keys(form)
    field_keys = {f.key for f in form.fields()}

    @settings(RANDOM, max_examples=30)
    @given(
        values=st.dictionaries(
            st.one_of(st.sampled_from(keys), any_text), json_values, max_size=12
        ),
        lang=st.sampled_from(["lv", "en"]),
    )
    def run(values: dict[str, Any], lang: str) -> None:
        problems = val.validate(form, values, lang=lang, record_id=str(uuid.uuid4()))
        for p in problems:
            assert p.key in field_keys, p
            assert p.severity in ("error", "warning"), p
            assert isinstance(p.message, str) and p.message.strip(), p
        if not [p for p in problems if p.is_error]:
            shown = val.visible_keys(form, values)
            data = {k: v for k, v in values.items() if k not in field_keys or k in shown}
            form.model.model_validate({**val.build_payload(form, data), "id": str(uuid.uuid4())})

    run()


def test_a_release_time_without_offset_is_a_message_not_a_crash() -> None:
    form = load_form("detention")
    values = {
        **context_for(form),
        "detained_at": "2026-10-02T10:00:00+03:00",
        "released_at": "2026-10-03T10:00:00",
        "release_reason": "other",
        "detaining_unit": "VRS-RIP",
        "detaining_official": "Jānis Bērziņš",
        "place_of_detention": "OTHER",
        "detention_reason": "other",
    }
    problems = val.validate(form, values, lang="lv")
    assert [(p.key, p.message) for p in problems if p.is_error] == [
        ("released_at", text("timezone_aware", "lv"))
    ]
