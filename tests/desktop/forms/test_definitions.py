"""The form definitions (`forms/*.yaml`) against their schema and the `registry_core` models.

No Qt here. Every check is a function returning a list of problems, so that the negative
tests can feed it a broken definition and see it complain: a check that cannot fail
proves nothing.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import re
import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any
from uuid import UUID

import jsonschema
import pytest
from pydantic import BaseModel, TypeAdapter, ValidationError

# Importing these registers their message codes (typical_errors quote them).
import registry_core.identifiers.mrz
import registry_core.identifiers.personal_code
import registry_core.lifecycle
import registry_core.lifecycle_ban
import registry_core.lifecycle_detention
import registry_core.lifecycle_sis  # noqa: F401
from registry_core import messages
from registry_core.identifiers.mrz import parse_mrz
from registry_core.records import COLLECTIONS
from registry_core.records.base import SYSTEM_FIELDS, PartialDate, parse_partial_date
from registry_core.reference import REFERENCE_LISTS, item_codes
from registry_desktop.formdefs import (
    UNBOUND_WIDGETS,
    WIDGETS,
    FieldDef,
    FormDef,
    form_names,
    forms_dir,
    load_form,
    parse_form,
    read_yaml,
)

FORMS = forms_dir()
SCHEMA_PATH = FORMS / "schema.json"
COMPUTED_NAMES = ("vd_deadline", "ban_end_date", "detention_days_total", "court_days_left")
# Kept by the registry or by lifecycle actions: never an editor on a form.
INTERNAL_FIELDS = frozenset({"lifecycle", "merged_into", "amends_id"})
LATVIAN_LETTERS = re.compile("[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")


# --------------------------------------------------------------------------- helpers


@cache
def schema() -> dict[str, Any]:
    with SCHEMA_PATH.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = json.load(handle)
    return loaded


def schema_errors(raw: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(schema())
    return [
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}"
        for e in validator.iter_errors(raw)
    ]


def raw_form(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = read_yaml(FORMS / f"{name}.yaml")
    return loaded


def all_fields(form: FormDef) -> Iterator[FieldDef]:
    """Top-level fields and the columns of tables and groups."""
    for f in form.fields():
        yield f
        yield from f.columns


@dataclass(frozen=True)
class Kind:
    """What a model field holds, as far as the choice of widget is concerned."""

    base: str  # str, partial_date, int, decimal, bool, date, datetime, enum, uuid, model, dict
    many: bool = False
    enum: type[Enum] | None = None
    model: type[BaseModel] | None = None


_PARTIAL_DATE_META = typing.get_args(PartialDate)[1:]


def _kind(annotation: Any, metadata: tuple[Any, ...] = ()) -> Kind:
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _kind(base, (*metadata, *extra))
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        assert len(args) == 1, f"unsupported union {annotation!r}"
        return _kind(args[0], metadata)
    if origin is list:
        (inner,) = typing.get_args(annotation)
        return replace(_kind(inner), many=True)
    if origin is dict:
        return Kind("dict")
    assert isinstance(annotation, type), f"unsupported annotation {annotation!r}"
    checks: tuple[tuple[type, str], ...] = (
        (bool, "bool"),
        (datetime, "datetime"),  # before date: datetime is a date
        (date, "date"),
        (int, "int"),
        (Decimal, "decimal"),
        (UUID, "uuid"),
    )
    if issubclass(annotation, Enum):
        return Kind("enum", enum=annotation)
    if issubclass(annotation, BaseModel):
        return Kind("model", model=annotation)
    for cls, name in checks:
        if issubclass(annotation, cls):
            return Kind(name)
    if issubclass(annotation, str):
        if any(m in _PARTIAL_DATE_META for m in metadata):
            return Kind("partial_date")
        return Kind("str")
    raise AssertionError(f"unsupported annotation {annotation!r}")


def field_kind(model: type[BaseModel], name: str) -> Kind:
    info = model.model_fields[name]
    return _kind(info.annotation, tuple(info.metadata))


def meta_ref(model: type[BaseModel], name: str) -> str | None:
    extra = model.model_fields[name].json_schema_extra
    return extra.get("ref") if isinstance(extra, dict) else None  # type: ignore[return-value]


def widget_fits(widget: str, kind: Kind) -> bool:
    single = not kind.many
    fits: dict[str, bool] = {
        "text": single and kind.base == "str",
        "longtext": single and kind.base == "str",
        "int": single and kind.base == "int",
        "decimal": single and kind.base == "decimal",
        "bool": single and kind.base == "bool",
        "date": single and kind.base == "date",
        "datetime": single and kind.base == "datetime",
        "partial_date": single and kind.base == "partial_date",
        "ref": single and kind.base in ("str", "enum"),
        "ref_multi": kind.many and kind.base in ("str", "enum"),
        "choice": single and kind.base == "enum",
        "text_list": kind.many and kind.base == "str",
        "table": kind.many and kind.base == "model",
        "group": single and kind.base == "model",
    }
    return fits.get(widget, False)


def _subject(f: FieldDef) -> str:
    return f"field {f.key!r}"


# --------------------------------------------------------------------------- checks


def check_bindings(form: FormDef) -> list[str]:
    """Bindings name real model fields of the right type; sub-fields likewise."""
    out: list[str] = []
    model = form.model
    for f in form.fields():
        if f.widget not in WIDGETS:
            out.append(f"{_subject(f)}: unknown widget {f.widget!r}")
            continue
        if f.widget in UNBOUND_WIDGETS:
            if f.bind is not None:
                out.append(f"{_subject(f)}: a {f.widget} field binds to nothing")
            continue
        if f.bind is None:
            out.append(f"{_subject(f)}: no binding")
            continue
        if f.bind not in model.model_fields:
            out.append(f"{_subject(f)}: {model.__name__} has no field {f.bind!r}")
            continue
        if f.bind in SYSTEM_FIELDS or f.bind in INTERNAL_FIELDS:
            out.append(f"{_subject(f)}: {f.bind!r} is a system or internal field")
            continue
        kind = field_kind(model, f.bind)
        if kind.base == "uuid":
            out.append(f"{_subject(f)}: link {f.bind!r} belongs in `context`, not on the form")
            continue
        out.extend(_check_type(f, model, f.bind, kind))
        if f.widget in ("table", "group"):
            assert kind.model is not None or not widget_fits(f.widget, kind)
            if kind.model is not None:
                out.extend(_check_columns(f, kind.model))
        elif f.columns:
            out.append(f"{_subject(f)}: columns on a {f.widget} field")
    return out


def _check_type(f: FieldDef, model: type[BaseModel], name: str, kind: Kind) -> list[str]:
    out: list[str] = []
    where = f"{_subject(f)} ({model.__name__}.{name})"
    if not widget_fits(f.widget, kind):
        many = "list of " if kind.many else ""
        out.append(f"{where}: widget {f.widget!r} does not fit a {many}{kind.base}")
        return out
    model_ref = meta_ref(model, name)
    if f.widget in ("ref", "ref_multi"):
        ref = f.ref or model_ref
        if ref is None:
            out.append(f"{where}: no reference list (model has no `ref`, form gives none)")
        elif ref not in REFERENCE_LISTS:
            out.append(f"{where}: unknown reference list {ref!r}")
        else:
            if f.ref and model_ref and f.ref != model_ref:
                out.append(f"{where}: list {f.ref!r} differs from the model's {model_ref!r}")
            if kind.enum is not None:
                extra = item_codes(ref) - {m.value for m in kind.enum}
                if extra:
                    out.append(
                        f"{where}: list {ref!r} offers codes the model refuses: {sorted(extra)}"
                        " (use `choice`)"
                    )
    elif model_ref is not None and kind.base == "str":
        out.append(f"{where}: a code from list {model_ref!r} needs a ref/ref_multi widget")
    if f.widget == "choice":
        assert kind.enum is not None
        if not f.options:
            out.append(f"{where}: a choice needs options")
        members = {m.value for m in kind.enum}
        strangers = set(f.options) - members
        if strangers:
            out.append(f"{where}: options not in {kind.enum.__name__}: {sorted(strangers)}")
    elif f.options:
        out.append(f"{where}: options on a {f.widget} field")
    return out


def _check_columns(f: FieldDef, sub: type[BaseModel]) -> list[str]:
    out: list[str] = []
    if not f.columns:
        out.append(f"{_subject(f)}: a {f.widget} needs columns")
    seen: set[str] = set()
    for col in f.columns:
        where = f"{_subject(f)} column {col.key!r}"
        if col.bind is None or col.bind not in sub.model_fields:
            out.append(f"{where}: {sub.__name__} has no field {col.bind!r}")
            continue
        if col.bind in seen:
            out.append(f"{where}: bound twice")
        seen.add(col.bind)
        kind = field_kind(sub, col.bind)
        if kind.base == "uuid":
            out.append(f"{where}: link {col.bind!r} is not an editable column")
            continue
        if col.widget in ("table", "group", "mrz", "computed", "text_list", "ref_multi"):
            out.append(f"{where}: widget {col.widget!r} not allowed in a column")
            continue
        out.extend(_check_type(col, sub, col.bind, kind))
    for name, info in sub.model_fields.items():
        if info.is_required() and name not in seen:
            out.append(f"{_subject(f)}: required {sub.__name__}.{name} has no column")
    return out


def check_required(form: FormDef) -> list[str]:
    """Every required model field is on the form (editable) or in its context."""
    out: list[str] = []
    model = form.model
    bound = {f.bind: f for f in form.fields() if f.bind}
    for name in form.context:
        if name not in model.model_fields:
            out.append(f"context {name!r}: {model.__name__} has no such field")
        elif field_kind(model, name).base != "uuid":
            out.append(f"context {name!r}: only links (ids) come from the context")
        if name in bound:
            out.append(f"context {name!r}: also bound on the form")
    for name, info in model.model_fields.items():
        if not info.is_required() or name in SYSTEM_FIELDS:
            continue
        if name in form.context:
            continue
        f = bound.get(name)
        if f is None:
            out.append(f"required {model.__name__}.{name} is neither on the form nor in context")
        elif f.readonly:
            out.append(f"required {model.__name__}.{name} is read-only: nobody can fill it in")
        elif f.required is False:
            out.append(f"required {model.__name__}.{name} is marked not required")
    return out


def check_keys_and_conditions(form: FormDef) -> list[str]:
    """Unique keys; visible_if and computed inputs name fields of the same form."""
    out: list[str] = []
    keys: list[str] = [f.key for f in form.fields()]
    dupes = sorted({k for k in keys if keys.count(k) > 1})
    if dupes:
        out.append(f"duplicate keys {dupes}")
    sections = [s.id for s in form.sections]
    if len(set(sections)) != len(sections):
        out.append(f"duplicate section ids {sections}")
    by_key = {f.key: f for f in form.fields()}
    model = form.model
    conditions = [(f"section {s.id!r}", s.visible_if) for s in form.sections]
    conditions += [(_subject(f), f.visible_if) for f in form.fields()]
    for where, cond in conditions:
        if cond is None:
            continue
        target = by_key.get(cond.field)
        if target is None:
            out.append(f"{where}: visible_if names {cond.field!r}, not a field of this form")
            continue
        if target.bind and cond.truthy is None:
            kind = field_kind(model, target.bind)
            if kind.enum is not None:
                strangers = set(cond.values) - {m.value for m in kind.enum}
                if strangers:
                    out.append(f"{where}: visible_if values {sorted(strangers)} never occur")
    for f in form.fields():
        if f.widget == "computed":
            if f.compute not in COMPUTED_NAMES:
                out.append(f"{_subject(f)}: unknown compute {f.compute!r}")
            if not f.inputs:
                out.append(f"{_subject(f)}: a computed field needs inputs")
            for name in f.inputs:
                if name not in by_key:
                    out.append(f"{_subject(f)}: input {name!r} is not a field of this form")
        elif f.compute or f.inputs:
            out.append(f"{_subject(f)}: compute/inputs on a {f.widget} field")
    return out


def check_texts(form: FormDef) -> list[str]:
    """Both languages everywhere the manual and the help panel read."""
    out: list[str] = []

    def need(where: str, text: Any) -> None:
        if text is None or not text.lv.strip() or not text.en.strip():
            out.append(f"{where}: needs Latvian and English text")

    need("title", form.title)
    need("summary", form.summary)
    if not LATVIAN_LETTERS.search(form.summary.lv):
        out.append("summary: the Latvian text has no Latvian letters")
    if len(form.howto) < 2:
        out.append("needs at least two how-tos")
    if len(form.typical_errors) < 2:
        out.append("needs at least two typical errors")
    for i, h in enumerate(form.howto):
        need(f"howto {i} title", h.title)
        need(f"howto {i} text", h.text)
    for i, e in enumerate(form.typical_errors):
        need(f"typical error {i} problem", e.problem)
        need(f"typical error {i} fix", e.fix)
    for s in form.sections:
        need(f"section {s.id!r} title", s.title)
        if s.help is not None:
            need(f"section {s.id!r} help", s.help)
    for f in all_fields(form):
        need(f"{_subject(f)} label", f.label)
        need(f"{_subject(f)} help", f.help)
        if f.rules is not None:
            need(f"{_subject(f)} rules", f.rules)
        for code, text in f.options.items():
            need(f"{_subject(f)} option {code!r}", text)
    return out


def _template_pattern(template: str) -> re.Pattern[str]:
    escaped = re.escape(template)
    return re.compile(re.sub(r"\\\{\w+\\\}", ".+?", escaped))


def check_typical_errors(form: FormDef) -> list[str]:
    """A typical error quotes the real message of its code, in both languages."""
    out: list[str] = []
    for i, e in enumerate(form.typical_errors):
        if e.code is None:
            out.append(f"typical error {i}: no message code")
            continue
        if not messages.known(e.code):
            out.append(f"typical error {i}: unknown message code {e.code!r}")
            continue
        for lang in messages.LANGUAGES:
            template = messages.text(e.code, lang)
            # `text` fills no placeholders when they are missing: it returns the template.
            if not _template_pattern(template).search(e.problem.get(lang)):
                out.append(f"typical error {i} ({lang}): does not quote {template!r}")
    return out


def _example_problem(f: FieldDef, model: type[BaseModel] | None, ref: str | None) -> str | None:
    ex = f.example
    if ex is None:
        return None
    try:
        if f.widget == "date":
            datetime.strptime(ex, "%d.%m.%Y")
        elif f.widget == "datetime":
            datetime.strptime(ex, "%d.%m.%Y %H:%M")
        elif f.widget == "partial_date":
            parse_partial_date(ex)
        elif f.widget == "int":
            int(ex)
        elif f.widget == "decimal":
            Decimal(ex)
        elif f.widget in ("ref", "ref_multi"):
            if ref is None or ref not in REFERENCE_LISTS:
                return None  # check_bindings reports the list itself
            codes = [c.strip() for c in ex.split(",")] if f.widget == "ref_multi" else [ex]
            unknown = [c for c in codes if c not in item_codes(ref)]
            if unknown:
                return f"codes {unknown} are not in list {ref!r}"
        elif f.widget == "choice":
            if ex not in f.options:
                return f"{ex!r} is not one of the options"
        elif f.widget == "mrz":
            result = parse_mrz(ex, today=date(2026, 1, 1))
            if not result.valid:
                return "the MRZ example has failing check digits"
        if model is not None and f.bind and f.widget in ("text", "longtext", "text_list"):
            info = model.model_fields[f.bind]
            annotation: Any = info.annotation
            if info.metadata:  # constraints pydantic lifted off the annotation
                annotation = typing.Annotated[(annotation, *info.metadata)]
            TypeAdapter(annotation).validate_python([ex] if f.widget == "text_list" else ex)
    except (ValueError, InvalidOperation, ValidationError, messages.DomainError) as exc:
        return f"example {ex!r} does not parse: {exc}"
    return None


def check_examples(form: FormDef) -> list[str]:
    """Examples are values the field accepts, typed as the officer would type them."""
    out: list[str] = []
    model = form.model
    for f in form.fields():
        bound = f.bind is not None and f.bind in model.model_fields
        ref = f.ref or (meta_ref(model, f.bind) if f.bind and bound else None)
        problem = _example_problem(f, model if bound else None, ref)
        if problem:
            out.append(f"{_subject(f)}: {problem}")
        if f.widget in ("table", "group") and f.bind and bound:
            sub = field_kind(model, f.bind).model
            assert sub is not None
            for col in f.columns:
                if col.bind is None or col.bind not in sub.model_fields:
                    continue
                col_ref = col.ref or meta_ref(sub, col.bind)
                problem = _example_problem(col, sub, col_ref)
                if problem:
                    out.append(f"{_subject(f)} column {col.key!r}: {problem}")
    return out


CHECKS: tuple[Callable[[FormDef], list[str]], ...] = (
    check_bindings,
    check_required,
    check_keys_and_conditions,
    check_texts,
    check_typical_errors,
    check_examples,
)


def problems(form: FormDef) -> list[str]:
    out: list[str] = []
    for check in CHECKS:
        out.extend(check(form))
    return out


# --------------------------------------------------------------------------- the real forms

NAMES = form_names()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    assert schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema())


def test_index_lists_every_form_once_in_manual_order() -> None:
    files = {p.stem for p in FORMS.glob("*.yaml")} - {"index"}
    assert len(NAMES) == len(set(NAMES)), NAMES
    assert set(NAMES) == files
    assert NAMES == [
        "person",
        "document",
        "address",
        "case",
        "detention",
        "decision",
        "entry_ban",
        "appeal",
        "departure",
        "sis_alert",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_definition_validates_against_the_schema(name: str) -> None:
    assert schema_errors(raw_form(name)) == []


@pytest.mark.parametrize("name", NAMES)
def test_definition_agrees_with_the_model(name: str) -> None:
    form = load_form(name)
    assert form.name == name
    assert form.collection in COLLECTIONS
    assert problems(form) == []


def test_every_form_edits_its_own_collection() -> None:
    collections = [load_form(n).collection for n in NAMES]
    assert len(collections) == len(set(collections))
    assert set(collections) == {
        "persons",
        "documents",
        "addresses",
        "cases",
        "detentions",
        "decisions",
        "entry-bans",
        "appeals",
        "departures",
        "sis-alerts",
    }


def test_mrz_field_heads_the_person_and_document_forms() -> None:
    for name in ("person", "document"):
        first = next(load_form(name).fields())
        assert (first.key, first.widget) == ("mrz", "mrz")


def test_conditional_parts_the_issue_asks_for() -> None:
    decision = load_form("decision")
    vd = decision.field("vd_period_days").visible_if
    assert vd is not None and vd.field == "decision_type"
    assert vd.holds({"decision_type": "departure_order"})
    assert not vd.holds({"decision_type": "removal_decision"})
    note = decision.field("refusal_note").visible_if
    assert note is not None and note.holds({"acknowledgment": "refused_to_sign"})
    assert not note.holds({"acknowledgment": "signed"})
    for key in ("decision_no", "status", "signed_at"):
        assert decision.field(key).readonly, key
    assert load_form("case").field("case_no").readonly
    assert load_form("case").field("status").readonly
    address = load_form("address")
    shown = {s.id: s.visible_if for s in address.sections}
    assert shown["latvia"] is not None and shown["latvia"].holds({"address_type": "latvia"})
    assert shown["abroad"] is not None and shown["abroad"].holds({"address_type": "abroad"})
    assert not shown["abroad"].holds({"address_type": "latvia"})


def test_computed_fields_where_the_issue_asks_for_them() -> None:
    found = {
        (name, f.key, f.compute)
        for name in NAMES
        for f in load_form(name).fields()
        if f.widget == "computed"
    }
    assert found == {
        ("decision", "vd_deadline", "vd_deadline"),
        ("entry_ban", "ban_end_date", "ban_end_date"),
        ("detention", "detention_days_total", "detention_days_total"),
        ("detention", "court_days_left", "court_days_left"),
    }


def test_computed_names_exist_in_formkit() -> None:
    if importlib.util.find_spec("registry_desktop.formkit") is None:
        pytest.skip("registry_desktop.formkit is not there yet (written in parallel)")
    computed = importlib.import_module("registry_desktop.formkit.computed")
    assert set(COMPUTED_NAMES) <= set(computed.COMPUTED)
    for name in NAMES:
        for f in load_form(name).fields():
            if f.widget == "computed":
                fn = computed.COMPUTED[f.compute]
                result = fn({}, "lv")  # nothing typed yet: no figure, no exception
                assert result is None or isinstance(result, str)


def test_every_reference_list_named_by_a_form_exists() -> None:
    named = {f.ref for n in NAMES for f in all_fields(load_form(n)) if f.ref}
    assert named <= set(REFERENCE_LISTS)


# --------------------------------------------------------------------------- negative: schema


def _first_field(raw: dict[str, Any]) -> dict[str, Any]:
    field: dict[str, Any] = raw["sections"][0]["fields"][0]
    return field


def _mutate_bind_and_id(raw: dict[str, Any]) -> None:
    _first_field(raw)["id"] = "alert_kind"


def _mutate_no_bind_no_id(raw: dict[str, Any]) -> None:
    del _first_field(raw)["bind"]


def _mutate_widget(raw: dict[str, Any]) -> None:
    _first_field(raw)["widget"] = "combo"


def _mutate_label_lv_only(raw: dict[str, Any]) -> None:
    _first_field(raw)["label"] = {"lv": "Veids"}


def _mutate_label_plain_string(raw: dict[str, Any]) -> None:
    _first_field(raw)["label"] = "Veids"


def _mutate_empty_help(raw: dict[str, Any]) -> None:
    _first_field(raw)["help"] = {"lv": " ", "en": "Kind"}


def _mutate_unknown_key(raw: dict[str, Any]) -> None:
    _first_field(raw)["lable"] = {"lv": "Veids", "en": "Kind"}


def _mutate_unknown_top_key(raw: dict[str, Any]) -> None:
    raw["colection"] = raw["collection"]


def _mutate_columns_on_text(raw: dict[str, Any]) -> None:
    f = _first_field(raw)
    f["widget"] = "text"
    f["columns"] = [
        {
            "bind": "act",
            "widget": "text",
            "label": {"lv": "A", "en": "A"},
            "help": {"lv": "A", "en": "A"},
        }
    ]


def _mutate_table_without_columns(raw: dict[str, Any]) -> None:
    _first_field(raw)["widget"] = "table"


def _mutate_computed_without_compute(raw: dict[str, Any]) -> None:
    f = _first_field(raw)
    del f["bind"]
    f.update(id="x", widget="computed", inputs=["status"])


def _mutate_unknown_compute(raw: dict[str, Any]) -> None:
    f = _first_field(raw)
    del f["bind"]
    f.update(id="x", widget="computed", compute="age_today", inputs=["status"])


def _mutate_computed_with_bind(raw: dict[str, Any]) -> None:
    _first_field(raw).update(widget="computed", compute="vd_deadline", inputs=["status"])


def _mutate_compute_on_text(raw: dict[str, Any]) -> None:
    _first_field(raw).update(widget="text", compute="vd_deadline")


def _mutate_choice_without_options(raw: dict[str, Any]) -> None:
    _first_field(raw)["widget"] = "choice"


def _mutate_options_on_ref(raw: dict[str, Any]) -> None:
    _first_field(raw)["options"] = {"return": {"lv": "Atgriešana", "en": "Return"}}


def _mutate_ref_on_text(raw: dict[str, Any]) -> None:
    _first_field(raw).update(widget="text", ref="country")


def _mutate_bad_condition(raw: dict[str, Any]) -> None:
    raw["sections"][1]["visible_if"] = {"field": "status", "equal": "deleted"}


def _mutate_condition_two_shapes(raw: dict[str, Any]) -> None:
    raw["sections"][1]["visible_if"] = {"field": "status", "equals": "deleted", "truthy": True}


def _mutate_one_howto(raw: dict[str, Any]) -> None:
    raw["howto"] = raw["howto"][:1]


def _mutate_no_typical_errors(raw: dict[str, Any]) -> None:
    del raw["typical_errors"]


def _mutate_mrz_with_bind(raw: dict[str, Any]) -> None:
    _first_field(raw)["widget"] = "mrz"


def _mutate_numeric_example(raw: dict[str, Any]) -> None:
    _first_field(raw)["example"] = 7


def _mutate_span_three(raw: dict[str, Any]) -> None:
    _first_field(raw)["span"] = 3


def _mutate_empty_section(raw: dict[str, Any]) -> None:
    raw["sections"][0]["fields"] = []


SCHEMA_BREAKERS: dict[str, Callable[[dict[str, Any]], None]] = {
    name.removeprefix("_mutate_"): fn
    for name, fn in dict(globals()).items()
    if name.startswith("_mutate_") and callable(fn)
}


def test_the_worked_example_is_valid_before_it_is_broken() -> None:
    assert schema_errors(raw_form("sis_alert")) == []
    assert len(SCHEMA_BREAKERS) >= 20


@pytest.mark.parametrize("breaker", sorted(SCHEMA_BREAKERS))
def test_schema_refuses_a_broken_definition(breaker: str) -> None:
    raw = copy.deepcopy(raw_form("sis_alert"))
    SCHEMA_BREAKERS[breaker](raw)
    assert schema_errors(raw), f"the schema accepted: {breaker}"


# --------------------------------------------------------------------------- negative: model checks


def _section(raw: dict[str, Any], section_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(s for s in raw["sections"] if s["id"] == section_id)
    return found


def _field(raw: dict[str, Any], key: str) -> dict[str, Any]:
    for s in raw["sections"]:
        for f in s["fields"]:
            if f.get("bind", f.get("id")) == key:
                found: dict[str, Any] = f
                return found
    raise KeyError(key)


def _drop_field(raw: dict[str, Any], key: str) -> None:
    for s in raw["sections"]:
        s["fields"] = [f for f in s["fields"] if f.get("bind", f.get("id")) != key]


def _broken(name: str, change: Callable[[dict[str, Any]], None]) -> FormDef:
    raw = copy.deepcopy(raw_form(name))
    change(raw)
    return parse_form(name, raw)


def _fresh_column(bind: str, widget: str = "text") -> dict[str, Any]:
    text = {"lv": "Lauks", "en": "Field"}
    return {"bind": bind, "widget": widget, "label": text, "help": text}


BINDING_BREAKERS: list[tuple[str, str, Callable[[dict[str, Any]], None], str]] = [
    (
        "unknown binding",
        "person",
        lambda raw: _field(raw, "patronymic").update(bind="fathers_name"),
        "has no field 'fathers_name'",
    ),
    (
        "unknown column binding",
        "case",
        lambda raw: _field(raw, "legal_basis")["columns"].append(_fresh_column("paragraph")),
        "LegalBasis has no field 'paragraph'",
    ),
    (
        "required field missing",
        "person",
        lambda raw: _drop_field(raw, "surname_latin"),
        "required Person.surname_latin",
    ),
    (
        "required field read-only",
        "case",
        lambda raw: _field(raw, "owner_unit").update(readonly=True),
        "required Case.owner_unit is read-only",
    ),
    (
        "required parent link not in context",
        "decision",
        lambda raw: raw.update(context=["person_id"]),
        "required ReturnDecision.case_id",
    ),
    (
        "required sub-field missing",
        "decision",
        lambda raw: _field(raw, "legal_basis").update(
            columns=[c for c in _field(raw, "legal_basis")["columns"] if c["bind"] != "act"]
        ),
        "required LegalBasis.act has no column",
    ),
    (
        "required group sub-field missing",
        "departure",
        lambda raw: _field(raw, "escort").update(
            columns=[c for c in _field(raw, "escort")["columns"] if c["bind"] != "organisation"]
        ),
        "required Escort.organisation has no column",
    ),
    (
        "date widget on a partial date",
        "person",
        lambda raw: _field(raw, "date_of_birth").update(widget="date"),
        "does not fit a partial_date",
    ),
    (
        "text widget on a datetime",
        "detention",
        lambda raw: _field(raw, "detained_at").update(widget="text"),
        "does not fit a datetime",
    ),
    (
        "ref widget on a list",
        "person",
        lambda raw: _field(raw, "languages").update(widget="ref"),
        "does not fit a list of str",
    ),
    (
        "table widget on a single sub-record",
        "departure",
        lambda raw: _field(raw, "escort").update(widget="table"),
        "does not fit a model",
    ),
    (
        "text widget on a coded field",
        "person",
        lambda raw: _field(raw, "country_of_birth").update(widget="text"),
        "needs a ref/ref_multi widget",
    ),
    (
        "system field bound",
        "sis_alert",
        lambda raw: _field(raw, "notes").update(bind="created_by", widget="text"),
        "system or internal field",
    ),
    (
        "internal field bound",
        "person",
        lambda raw: _field(raw, "notes").update(bind="merged_into", widget="text"),
        "system or internal field",
    ),
    (
        "parent link as an editor",
        "document",
        lambda raw: _field(raw, "scan_ref").update(bind="person_id"),
        "belongs in `context`",
    ),
    (
        "context names a non-link",
        "address",
        lambda raw: raw.update(context=["person_id", "city"]),
        "only links (ids) come from the context",
    ),
    (
        "reference list over an enum with foreign codes",
        "decision",
        lambda raw: _field(raw, "decision_type").update(widget="ref", options=None),
        "offers codes the model refuses",
    ),
    (
        "unknown reference list",
        "case",
        lambda raw: _field(raw, "detecting_unit").update(ref="units_of_measure"),
        "unknown reference list 'units_of_measure'",
    ),
    (
        "reference list different from the model's",
        "case",
        lambda raw: _field(raw, "detecting_unit").update(ref="court"),
        "differs from the model's 'unit'",
    ),
    (
        "choice option outside the enum",
        "address",
        lambda raw: _field(raw, "address_type")["options"].update(
            moon={"lv": "Mēness", "en": "Moon"}
        ),
        "options not in AddressType: ['moon']",
    ),
    (
        "visible_if on a missing field",
        "decision",
        lambda raw: _section(raw, "voluntary_departure").update(
            visible_if={"field": "decision_kind", "equals": "departure_order"}
        ),
        "visible_if names 'decision_kind'",
    ),
    (
        "visible_if value that never occurs",
        "address",
        lambda raw: _section(raw, "abroad").update(
            visible_if={"field": "address_type", "equals": "foreign"}
        ),
        "visible_if values ['foreign'] never occur",
    ),
    (
        "computed input missing",
        "entry_ban",
        lambda raw: _field(raw, "ban_end_date").update(inputs=["valid_from", "duration_days"]),
        "input 'duration_days' is not a field of this form",
    ),
    (
        "duplicate key",
        "appeal",
        lambda raw: _section(raw, "outcome")["fields"].append(copy.deepcopy(_field(raw, "kind"))),
        "duplicate keys ['kind']",
    ),
    (
        "missing English help",
        "address",
        lambda raw: _field(raw, "city").update(help={"lv": "Pilsēta.", "en": ""}),
        "field 'city' help: needs Latvian and English text",
    ),
    (
        "one how-to only",
        "appeal",
        lambda raw: raw.update(howto=raw["howto"][:1]),
        "at least two how-tos",
    ),
    (
        "typical error with an unknown code",
        "appeal",
        lambda raw: raw["typical_errors"][0].update(code="appeal.no_such_message"),
        "unknown message code",
    ),
    (
        "typical error that misquotes its message",
        "entry_ban",
        lambda raw: raw["typical_errors"][0]["problem"].update(lv="“Ilgums nav norādīts.”"),
        "does not quote",
    ),
    (
        "example that is not a date",
        "document",
        lambda raw: _field(raw, "issue_date").update(example="2022-04-15"),
        "does not parse",
    ),
    (
        "example code not in the list",
        "departure",
        lambda raw: _field(raw, "bcp").update(example="RIGA_AIRPORT"),
        "not in list 'bcp'",
    ),
    (
        "example the model refuses",
        "person",
        lambda raw: _field(raw, "personal_code").update(example="161175-19990"),
        "does not parse",
    ),
    (
        "MRZ example with a broken check digit",
        "document",
        lambda raw: _field(raw, "mrz").update(
            example="I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<5\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
        ),
        "failing check digits",
    ),
]


def test_every_form_passes_before_it_is_broken() -> None:
    for name in {b[1] for b in BINDING_BREAKERS}:
        assert problems(load_form(name)) == [], name


@pytest.mark.parametrize(
    ("form_name", "change", "expected"),
    [pytest.param(b[1], b[2], b[3], id=b[0]) for b in BINDING_BREAKERS],
)
def test_model_checks_refuse_a_broken_definition(
    form_name: str, change: Callable[[dict[str, Any]], None], expected: str
) -> None:
    found = problems(_broken(form_name, change))
    assert any(expected in p for p in found), found


def test_kind_reads_the_model_annotations() -> None:
    person = COLLECTIONS["persons"].model
    departure = COLLECTIONS["departures"].model
    assert field_kind(person, "date_of_birth") == Kind("partial_date")
    assert field_kind(person, "sex").base == "enum"
    assert field_kind(person, "languages") == Kind("str", many=True)
    assert field_kind(person, "nationalities").many
    assert field_kind(person, "nationalities").model is not None
    assert field_kind(person, "merged_into") == Kind("uuid")
    escort = field_kind(departure, "escort")
    assert escort.base == "model" and not escort.many
    assert field_kind(departure, "exit_at") == Kind("datetime")
    assert field_kind(COLLECTIONS["entry-bans"].model, "valid_from") == Kind("date")
    other = field_kind(person, "other_identities").model
    assert other is not None
    assert field_kind(other, "date_of_birth") == Kind("partial_date")
    costs = field_kind(departure, "costs").model
    assert costs is not None
    assert field_kind(costs, "amount_eur") == Kind("decimal")


def test_typical_error_pattern_fills_placeholders() -> None:
    pattern = _template_pattern(messages.text("lifecycle.vd_period_range", "lv"))
    assert pattern.search(
        "“Brīvprātīgas izbraukšanas termiņš 45 dienas ir ārpus parastā 7–30 dienu robežām; "
        "pamatojiet to lēmumā.”"
    )
    assert not pattern.search("“Termiņš ir par garu.”")


def test_forms_dir_is_the_repository_folder() -> None:
    assert FORMS == Path(__file__).resolve().parents[3] / "forms"
