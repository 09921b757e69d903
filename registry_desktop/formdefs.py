"""Form definitions (`forms/*.yaml`) read into plain objects; no Qt here.

One definition is the single source of a record type's input form, read-only output form,
field help (F1), help page and user-manual chapter (DESIGN.md §5). The YAML shape is fixed
by `forms/schema.json`, which the test suite checks every file against; this module only
turns the YAML into typed objects and answers questions about it.

A field `bind`s to a field of the `registry_core` model of the form's collection; a
column of a `table` or `group` field binds to a field of the sub-model (e.g.
`legal_basis` → `LegalBasis.act`). Fields without a binding are `mrz` (fills other
fields) and `computed` (a live figure such as the voluntary-departure deadline).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

# registry_desktop/formdefs.py → the repository root is two levels up.
_SOURCE_ROOT = Path(__file__).resolve().parents[1]

WIDGETS = frozenset(
    {
        "text",  # one line of text
        "longtext",  # several lines (facts, explanations, notes)
        "int",
        "decimal",
        "bool",
        "date",  # dd.mm.yyyy typed, ISO stored
        "datetime",  # dd.mm.yyyy hh:mm typed, ISO with time zone stored
        "partial_date",  # yyyy, mm.yyyy or dd.mm.yyyy (date of birth)
        "ref",  # one code from a reference list (type-ahead combo)
        "ref_multi",  # several codes from a reference list
        "choice",  # one value of a closed set given by `options` (or the model's enum)
        "text_list",  # several short texts (previous surnames)
        "table",  # a list of sub-records (nationalities, legal bases, court authorisations)
        "group",  # one sub-record (escort)
        "mrz",  # machine-readable zone: fills other fields, binds to none
        "computed",  # a live figure computed from other fields, binds to none
    }
)
UNBOUND_WIDGETS = frozenset({"mrz", "computed"})


def forms_dir() -> Path:
    """The `forms/` folder: under `sys._MEIPASS` when frozen (build.spec copies it there)."""
    bundle = getattr(sys, "_MEIPASS", None)
    return (Path(bundle) if bundle else _SOURCE_ROOT) / "forms"


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    lv: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.lv

    @classmethod
    def of(cls, raw: Any) -> Text | None:
        if raw is None:
            return None
        if isinstance(raw, str):
            return cls(raw, raw)
        return cls(str(raw.get("lv", "")), str(raw.get("en", "")))


@dataclass(frozen=True)
class Condition:
    """When a section or field shows: `field` equals one of `values` (or is truthy)."""

    field: str
    values: tuple[Any, ...] = ()
    truthy: bool | None = None
    negate: bool = False

    def holds(self, values: Mapping[str, Any]) -> bool:
        value = values.get(self.field)
        if self.truthy is not None:
            result = bool(value) == self.truthy
        else:
            result = value in self.values
        return result != self.negate

    @classmethod
    def of(cls, raw: Any) -> Condition | None:
        if raw is None:
            return None
        if "truthy" in raw:
            return cls(str(raw["field"]), truthy=bool(raw["truthy"]))
        negate = "not_in" in raw or "not_equals" in raw
        if "equals" in raw or "not_equals" in raw:
            values: tuple[Any, ...] = (raw.get("equals", raw.get("not_equals")),)
        else:
            values = tuple(raw.get("in", raw.get("not_in", ())))
        return cls(str(raw["field"]), values, negate=negate)


@dataclass(frozen=True)
class FieldDef:
    key: str  # the binding, or the id of an unbound field
    widget: str
    label: Text
    help: Text
    bind: str | None = None
    rules: Text | None = None
    example: str | None = None
    required: bool | None = None  # None: as the model says
    readonly: bool = False  # set by the registry or by lifecycle actions only
    visible_if: Condition | None = None
    ref: str | None = None  # None: the model's `ref` metadata
    options: Mapping[str, Text] = field(default_factory=dict)
    columns: tuple[FieldDef, ...] = ()
    compute: str | None = None
    inputs: tuple[str, ...] = ()
    default: Any = None
    span: int = 1
    print: bool = True  # shown on printed sheets and output forms

    def text(self, attr: str, lang: str) -> str:
        value = getattr(self, attr)
        return value.get(lang) if isinstance(value, Text) else ""


@dataclass(frozen=True)
class SectionDef:
    id: str
    title: Text
    fields: tuple[FieldDef, ...]
    help: Text | None = None
    visible_if: Condition | None = None


@dataclass(frozen=True)
class HowTo:
    title: Text
    text: Text


@dataclass(frozen=True)
class TypicalError:
    problem: Text
    fix: Text
    code: str | None = None  # the registry_core.messages code of the message quoted in `problem`


@dataclass(frozen=True)
class FormDef:
    name: str  # file stem: person, document, decision…
    collection: str  # registry_core COLLECTIONS key
    title: Text
    summary: Text
    sections: tuple[SectionDef, ...]
    context: tuple[str, ...] = ()  # bindings filled from where the form was opened
    howto: tuple[HowTo, ...] = ()
    typical_errors: tuple[TypicalError, ...] = ()

    def fields(self) -> Iterator[FieldDef]:
        """Every top-level field, in reading (and tab) order."""
        for section in self.sections:
            yield from section.fields

    def field(self, key: str) -> FieldDef:
        for f in self.fields():
            if f.key == key:
                return f
        raise KeyError(key)

    def bindings(self) -> list[str]:
        return [f.bind for f in self.fields() if f.bind]

    @property
    def model(self) -> Any:
        from registry_core.records import COLLECTIONS

        return COLLECTIONS[self.collection].model


def _field(raw: Mapping[str, Any]) -> FieldDef:
    widget = str(raw["widget"])
    bind = raw.get("bind")
    key = str(bind or raw.get("id"))
    options = {str(k): Text.of(v) for k, v in (raw.get("options") or {}).items()}
    return FieldDef(
        key=key,
        widget=widget,
        label=Text.of(raw["label"]) or Text(key, key),
        help=Text.of(raw.get("help")) or Text("", ""),
        bind=str(bind) if bind else None,
        rules=Text.of(raw.get("rules")),
        example=None if raw.get("example") is None else str(raw["example"]),
        required=raw.get("required"),
        readonly=bool(raw.get("readonly", False)),
        visible_if=Condition.of(raw.get("visible_if")),
        ref=raw.get("ref"),
        options={k: v for k, v in options.items() if v is not None},
        columns=tuple(_field(c) for c in raw.get("columns") or ()),
        compute=raw.get("compute"),
        inputs=tuple(raw.get("inputs") or ()),
        default=raw.get("default"),
        span=int(raw.get("span", 1)),
        print=bool(raw.get("print", True)),
    )


def parse_form(name: str, raw: Mapping[str, Any]) -> FormDef:
    sections = tuple(
        SectionDef(
            id=str(s["id"]),
            title=Text.of(s["title"]) or Text(s["id"], s["id"]),
            fields=tuple(_field(f) for f in s.get("fields") or ()),
            help=Text.of(s.get("help")),
            visible_if=Condition.of(s.get("visible_if")),
        )
        for s in raw["sections"]
    )
    return FormDef(
        name=name,
        collection=str(raw["collection"]),
        title=Text.of(raw["title"]) or Text(name, name),
        summary=Text.of(raw.get("summary")) or Text("", ""),
        sections=sections,
        context=tuple(raw.get("context") or ()),
        howto=tuple(
            HowTo(Text.of(h["title"]) or Text("", ""), Text.of(h["text"]) or Text("", ""))
            for h in raw.get("howto") or ()
        ),
        typical_errors=tuple(
            TypicalError(
                Text.of(e["problem"]) or Text("", ""),
                Text.of(e["fix"]) or Text("", ""),
                None if e.get("code") is None else str(e["code"]),
            )
            for e in raw.get("typical_errors") or ()
        ),
    )


def read_yaml(path: Path) -> Any:
    # libyaml's loader when the wheel has it: several times faster than pure Python.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with path.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)  # noqa: S506 (a safe loader)


@cache
def load_form(name: str) -> FormDef:
    """The definition `forms/<name>.yaml` (read once per process)."""
    return parse_form(name, read_yaml(forms_dir() / f"{name}.yaml"))


def form_names() -> list[str]:
    """Every form, in the order of the user manual (`forms/index.yaml`)."""
    index = read_yaml(forms_dir() / "index.yaml")
    return [str(n) for n in index["forms"]]


def all_forms() -> dict[str, FormDef]:
    return {name: load_form(name) for name in form_names()}


def form_for(collection: str) -> FormDef:
    """The (first) form that edits records of `collection`."""
    for form in all_forms().values():
        if form.collection == collection:
            return form
    raise KeyError(collection)
