"""Bad input for every check a form can trigger (issue 5, item 7): the message under the
right field, in Latvian and in English, the problem list naming it, nothing typed lost.

Each case starts from a good record (the keyboard fill's values, prefilled), then the
officer breaks one thing by keyboard: clears a required field, types a date that does not
exist, a number where a number cannot be, a code with illegal characters, a text longer
than the registry keeps, or sets up a combination that a rule of the registry's model
refuses. Then `validate()`: the message is exactly `registry_core.messages.text(code,
lang)` (a cell's message names its row and column), shown under that field and no other,
listed in the problem list (Enter on it goes back to the field), and every field still
holds exactly what was typed.

The list of cases is checked against the models: every rule (`DomainError` code) of the
form's record and sub-records, every required field and every constrained field
(max_length, pattern, ge/le, decimal digits) has a case, or a stated reason why no form
can reach it.
"""

from __future__ import annotations

import inspect
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pytest

from registry_core.identifiers.personal_code import LatvianPersonalCode, legacy_check_digit
from registry_core.lifecycle import DEFAULT_CONFIG
from registry_core.messages import known, text
from registry_core.records.base import CountryCode, PartialDate
from registry_desktop.formdefs import FieldDef, FormDef, form_names, load_form
from registry_desktop.formkit import validation as val
from registry_desktop.formkit.form_tab import FormTab
from tests.desktop.forms.fill import (
    QT_NOISE_MARK,
    Choose,
    Home,
    Input,
    Keyboard,
    Paste,
    Pick,
    RemoveRows,
    Tick,
    Typed,
    close_host_window,  # noqa: F401 (the module's shared window)
    context_for,
    do,
    error_lines,
    good_values,
    message_lines,
    open_tab,
    raw_texts,
)


@dataclass(frozen=True)
class Bad:
    """One way to break a good record by keyboard, and the message it must give."""

    form: str
    target: str  # where the bad value is typed: "key", "key.0.column", "key.part"
    spec: Input
    code: str  # registry_core.messages code of the expected message
    key: str = ""  # field the message belongs under (default: the target's field)
    path: str = ""  # the problem's full path (default: the target, or `key` if given)
    params: Mapping[str, Any] = field(default_factory=dict)
    before: tuple[tuple[str, Input], ...] = ()  # good steps that set the case up
    also: frozenset[str] = frozenset()  # other fields that rightly show an error too
    severity: str = "error"
    covers: tuple[str, ...] = ()  # extra coverage tags (see `tags`)
    name: str = ""

    @property
    def field_key(self) -> str:
        return self.key or self.target.split(".", 1)[0]

    @property
    def full_path(self) -> str:
        if self.path:
            return self.path
        return self.key if self.key else self.target

    @property
    def id(self) -> str:
        detail = self.name or self.code
        return f"{self.form}-{self.full_path}-{detail}"


KIND_OF_CODE = {
    "missing": "missing",
    "string_too_long": "max_length",
    "too_long": "max_length",
    "string_pattern_mismatch": "pattern",
    "greater_than_equal": "ge",
    "less_than_equal": "le",
    "decimal_max_digits": "max_digits",
    "decimal_max_places": "decimal_places",
    "decimal_whole_digits": "max_digits",
}


def plain_path(path: str) -> str:
    """The path without row numbers: legal_basis.0.act → legal_basis.act."""
    return ".".join(p for p in path.split(".") if not p.isdigit())


def tags(case: Bad) -> set[str]:
    kind = KIND_OF_CODE.get(case.code, case.code)
    out = {f"{case.form}:{plain_path(case.full_path)}:{kind}", f"{case.form}:*:{case.code}"}
    out.update(case.covers)
    return out


def bad(form: str, target: str, spec: Input, code: str, **kw: Any) -> Bad:
    return Bad(form, target, spec, code, **kw)


def missing(form: str, target: str, spec: Input | None = None, **kw: Any) -> Bad:
    return Bad(form, target, spec or Typed(""), "missing", name="missing", **kw)


def new_format_code_with_a_wrong_digit() -> str:
    first = "3214567890"
    return f"{first[:6]}-{first[6:]}{(legacy_check_digit(first) + 1) % 10}"


RANGE = {"min": DEFAULT_CONFIG.vd_min_days, "max": DEFAULT_CONFIG.vd_max_days}

RULES_AND_PARSING: tuple[Bad, ...] = (
    # ---------------------------------------------------------------- person
    missing("person", "surname_latin"),
    missing("person", "given_names_latin"),
    missing("person", "sex"),
    missing("person", "date_of_birth"),
    bad(
        "person",
        "nationalities",
        RemoveRows(),
        "person.nationality_required",
        covers=("person:nationalities:missing",),
    ),
    missing("person", "nationalities.0.country"),
    bad("person", "nationalities.1.country", Typed("Atlantīda"), "formkit.ref_unknown"),
    bad("person", "nationalities.1.type", Typed("pusē"), "formkit.ref_unknown"),
    missing("person", "other_identities.0.surname"),
    bad(
        "person",
        "other_identities.0.date_of_birth",
        Typed("13.1985"),
        "partial_date.invalid",
        name="month_13",
    ),
    bad("person", "other_identities.0.nationality", Typed("Narnija"), "formkit.ref_unknown"),
    bad(
        "person",
        "unaccompanied_minor",
        Tick(),
        "person.guardian_required",
        key="guardian",
        covers=("person:guardian:missing",),
    ),
    bad("person", "foreign_id_country", Typed(""), "person.foreign_id_country"),
    bad("person", "foreign_id_country", Typed("Atlantīda"), "formkit.ref_unknown"),
    bad("person", "date_of_birth", Typed("13.1985"), "partial_date.invalid", name="month_13"),
    bad("person", "date_of_birth", Typed("31.02.1985"), "partial_date.invalid", name="31_feb"),
    bad("person", "date_of_birth", Typed("1849"), "partial_date.invalid", name="before_1850"),
    bad("person", "date_of_birth", Typed("14/07/85"), "partial_date.format", name="slashes"),
    bad("person", "date_of_birth", Typed("pavasarī 1985"), "partial_date.format", name="words"),
    bad("person", "date_of_birth", Typed("12.2099"), "partial_date.future", name="future_month"),
    bad("person", "date_of_birth", Typed("2099"), "partial_date.future", name="future_year"),
    bad("person", "sex", Typed("sieviešu?"), "formkit.ref_unknown"),
    bad("person", "personal_code", Typed("15048512"), "personal_code.format"),
    bad("person", "personal_code", Typed("310285-12345"), "personal_code.date"),
    bad("person", "personal_code", Typed("150485-12341"), "personal_code.checksum"),
    bad(
        "person",
        "personal_code",
        Typed(new_format_code_with_a_wrong_digit()),
        "personal_code.new_unverified_checksum",
        severity="warning",
    ),
    # ---------------------------------------------------------------- document
    missing("document", "doc_type"),
    missing("document", "series_and_number"),
    missing("document", "issuing_state"),
    bad("document", "issuing_state", Typed("Atlantīda"), "formkit.ref_unknown"),
    bad("document", "doc_type", Typed("vēstule"), "formkit.ref_unknown"),
    bad(
        "document",
        "series_and_number",
        Typed("AB#1234"),
        "string_pattern_mismatch",
        name="hash_sign",
    ),
    bad(
        "document",
        "series_and_number",
        Typed("ĀB1234567"),
        "string_pattern_mismatch",
        name="latvian_letter",
    ),
    bad("document", "issue_date", Typed("31.02.2020"), "formkit.date_invalid"),
    bad("document", "issue_date", Typed("15.3.20"), "formkit.date_format"),
    bad("document", "valid_until", Typed("14.03.2019"), "document.validity_order"),
    # ---------------------------------------------------------------- address
    bad("address", "city", Typed(""), "address.lv_fields", name="no_city"),
    bad(
        "address",
        "house",
        Typed(""),
        "address.lv_fields",
        key="city",
        before=(("street", Typed("")),),
        name="no_street_or_house",
    ),
    bad("address", "postcode", Typed("LV-10100"), "string_pattern_mismatch", name="5_digits"),
    bad("address", "postcode", Typed("Rīga"), "string_pattern_mismatch", name="words"),
    bad(
        "address",
        "address_text",
        Typed(""),
        "address.abroad_fields",
        before=(
            ("address_type", Choose("Adrese ār", en="Address ab")),
            ("country", Pick("gruzij")),
        ),
        covers=("address:address_text:missing",),
    ),
    missing(
        "address",
        "country",
        before=(
            ("address_type", Choose("Adrese ār", en="Address ab")),
            ("address_text", Typed("Tbilisi, Rustaveli gatve 12")),
        ),
        also=frozenset({"address_text"}),
    ),
    bad("address", "valid_from", Typed("1.13.2026"), "formkit.date_invalid"),
    bad("address", "valid_to", Typed("septembris"), "formkit.date_format"),
    # ---------------------------------------------------------------- case
    missing("case", "owner_institution"),
    missing("case", "owner_unit"),
    missing("case", "responsible_officer"),
    missing("case", "legal_basis", RemoveRows()),
    missing("case", "legal_basis.0.act"),
    bad("case", "legal_basis.0.code", Typed("IL-999"), "formkit.ref_unknown"),
    bad("case", "detection_place", Typed(""), "case.detection_required", key="detection_date"),
    bad("case", "detection_date", Typed("2.10.26"), "formkit.date_format"),
    bad("case", "detection_date", Typed("30.02.2026"), "formkit.date_invalid"),
    bad("case", "case_type", Typed("Nezināms veids"), "formkit.ref_unknown"),
    # ---------------------------------------------------------------- detention
    missing("detention", "detained_at"),
    missing("detention", "detaining_unit"),
    missing("detention", "detaining_official"),
    missing("detention", "place_of_detention"),
    missing("detention", "detention_reason"),
    bad("detention", "detained_at", Typed("02.10.2026"), "formkit.datetime_format", name="no_time"),
    bad("detention", "detained_at", Typed("02.10.2026 24:30"), "formkit.time_invalid"),
    bad("detention", "detained_at", Typed("31.09.2026 10:00"), "formkit.date_invalid"),
    bad(
        "detention",
        "released_at",
        Typed("20.10.2026 12:00"),
        "detention.release_reason_required",
        key="release_reason",
    ),
    bad(
        "detention",
        "released_at",
        Typed("01.10.2026 12:00"),
        "range.order",
        before=(("release_reason", Pick("tiesas lēmums")),),
    ),
    missing("detention", "court_authorisations.0.court"),
    missing("detention", "court_authorisations.0.decision_date"),
    missing("detention", "court_authorisations.0.authorised_until"),
    bad("detention", "court_authorisations.0.authorised_until", Typed("01.10.2026"), "range.order"),
    bad(
        "detention",
        "court_authorisations.0.decision_date",
        Typed("31.11.2026"),
        "formkit.date_invalid",
    ),
    missing("detention", "alternative_measures.0.measure"),
    missing("detention", "alternative_measures.0.date_from"),
    bad("detention", "alternative_measures.0.date_to", Typed("01.10.2026"), "range.order"),
    # ---------------------------------------------------------------- decision
    missing("decision", "decision_type", Home()),
    missing("decision", "decision_date"),
    missing("decision", "issuing_institution"),
    missing("decision", "issuing_unit"),
    missing("decision", "official"),
    missing("decision", "facts"),
    missing("decision", "legal_basis", RemoveRows()),
    missing("decision", "legal_basis.0.act"),
    missing("decision", "destination_type"),
    missing("decision", "destination_country"),
    bad("decision", "destination_country", Typed("Atlantīda"), "formkit.ref_unknown"),
    bad(
        "decision",
        "vd_period_days",
        Typed(""),
        "decision.vd_period_required",
        covers=("decision:vd_period_days:missing",),
    ),
    bad("decision", "vd_period_days", Typed("0"), "greater_than_equal", params={"ge": 1}),
    bad("decision", "vd_period_days", Typed("366"), "less_than_equal", params={"le": 365}),
    bad("decision", "vd_period_days", Typed("trīsdesmit"), "int_parsing"),
    bad("decision", "vd_period_days", Typed("30,5"), "int_parsing", name="fraction"),
    bad(
        "decision",
        "vd_period_days",
        Typed("5"),
        "lifecycle.vd_period_range",
        params={"days": 5, **RANGE},
        severity="warning",
    ),
    bad(
        "decision",
        "refusal_note",
        Typed(""),
        "decision.refusal_note_required",
        covers=("decision:refusal_note:missing",),
    ),
    bad("decision", "decision_date", Typed("5.10.26"), "formkit.date_format"),
    bad("decision", "served_at", Typed("06.10.2026 10"), "formkit.datetime_format"),
    bad("decision", "in_force_date", Typed("32.10.2026"), "formkit.date_invalid"),
    # ---------------------------------------------------------------- entry ban
    missing("entry_ban", "ban_decision_date"),
    missing("entry_ban", "decision_maker"),
    missing("entry_ban", "territorial_scope"),
    missing("entry_ban", "legal_basis", RemoveRows()),
    missing("entry_ban", "legal_basis.0.act"),
    bad(
        "entry_ban",
        "duration_months",
        Typed(""),
        "ban.end_or_indefinite",
        key="duration_years",
        before=(("duration_years", Typed("")),),
    ),
    bad(
        "entry_ban",
        "decision_maker",
        Pick("ārlietu ministrs"),
        "ban.foreign_minister_appealable",
        key="appealable",
    ),
    bad("entry_ban", "valid_from", Typed(""), "ban.valid_from_pending"),
    bad("entry_ban", "valid_until", Typed("01.01.2026"), "range.order"),
    bad("entry_ban", "duration_years", Typed("-1"), "greater_than_equal", params={"ge": 0}),
    bad("entry_ban", "duration_years", Typed("100"), "less_than_equal", params={"le": 99}),
    bad("entry_ban", "duration_months", Typed("-1"), "greater_than_equal", params={"ge": 0}),
    bad("entry_ban", "duration_months", Typed("12"), "less_than_equal", params={"le": 11}),
    bad("entry_ban", "duration_years", Typed("pieci"), "int_parsing"),
    bad(
        "entry_ban",
        "duration_years",
        Typed("6"),
        "ban.duration_over_limit",
        params={"years": DEFAULT_CONFIG.ban_max_years},
        severity="warning",
    ),
    bad(
        "entry_ban",
        "ban_decision_date",
        Typed("07.10.2026 10:00"),
        "formkit.date_format",
        name="with_time",
    ),
    # ---------------------------------------------------------------- appeal
    missing("appeal", "kind"),
    missing("appeal", "filed_date"),
    missing("appeal", "received_by"),
    bad("appeal", "outcome_date", Typed(""), "appeal.outcome_date_required"),
    bad("appeal", "filed_date", Typed("12.10"), "formkit.date_format"),
    bad("appeal", "kind", Typed("sūdzība Saeimai"), "formkit.ref_unknown"),
    # ---------------------------------------------------------------- departure
    missing("departure", "exit_type"),
    missing("departure", "exit_at"),
    missing("departure", "transport_mode"),
    missing("departure", "destination_country"),
    missing("departure", "travel_doc_used"),
    bad(
        "departure",
        "aborted",
        Tick(),
        "departure.aborted_reason_required",
        key="aborted_reason",
        covers=("departure:aborted_reason:missing",),
    ),
    bad("departure", "notice_given_at", Typed(""), "departure.notice_required"),
    bad(
        "departure",
        "foreign_airport",
        Typed(""),
        "departure.exit_point_required",
        key="bcp",
        before=(("bcp", Typed("")),),
    ),
    bad("departure", "bcp", Typed("Rīgas stacija"), "formkit.ref_unknown"),
    bad("departure", "exit_at", Typed("20.11.2026 06:75"), "formkit.time_invalid"),
    missing("departure", "escort.count"),
    missing("departure", "escort.organisation"),
    bad("departure", "escort.count", Typed("-1"), "greater_than_equal", params={"ge": 0}),
    bad("departure", "escort.count", Typed("51"), "less_than_equal", params={"le": 50}),
    bad("departure", "escort.count", Typed("divi"), "int_parsing"),
    missing("departure", "costs.0.item"),
    missing("departure", "costs.0.amount_eur"),
    missing("departure", "costs.0.payer_type"),
    bad("departure", "costs.0.amount_eur", Typed("daudz"), "decimal_parsing"),
    bad("departure", "costs.0.amount_eur", Typed("-5"), "greater_than_equal", params={"ge": 0}),
    bad(
        "departure",
        "costs.0.amount_eur",
        Typed("1,234"),
        "decimal_max_places",
        params={"decimal_places": 2},
    ),
    bad(
        "departure",
        "costs.0.amount_eur",
        Typed("1234567890123"),
        "decimal_max_digits",
        params={"max_digits": 12},
    ),
    bad(
        "departure",
        "costs.0.amount_eur",
        Typed("12 345 678 901,5"),
        "decimal_whole_digits",
        params={"whole_digits": 10},
    ),
    # ---------------------------------------------------------------- SIS alert
    missing("sis_alert", "alert_type"),
    missing("sis_alert", "national_alert_id"),
    missing("sis_alert", "entered_at"),
    bad(
        "sis_alert",
        "deletion_reason",
        Typed(""),
        "sis.deleted_reason_required",
        covers=("sis_alert:deletion_reason:missing",),
    ),
    missing("sis_alert", "deleted_at", also=frozenset({"deletion_reason"})),
    bad("sis_alert", "entered_at", Typed("8. oktobris"), "formkit.date_format"),
    bad("sis_alert", "deleted_at", Typed("29.02.2026"), "formkit.date_invalid"),
)

# Fields that only show when something else is chosen: how the officer gets there.
SHOWN_BY: dict[tuple[str, str], tuple[tuple[str, Input], ...]] = {
    ("person", "guardian"): (("unaccompanied_minor", Tick()),),
    ("departure", "aborted_reason"): (("aborted", Tick()),),
    ("address", "address_text"): (
        ("address_type", Choose("Adrese ār", en="Address ab")),
        ("country", Pick("gruzij")),
    ),
}

TEXT_WIDGETS = frozenset({"text", "longtext", "text_list"})


def constraints(model: Any, name: str) -> dict[str, Any]:
    """max_length, pattern, ge, le, max_digits, decimal_places of a model field."""
    info = model.model_fields[name]
    out: dict[str, Any] = {}

    def read(meta: Any) -> None:
        for item in meta:
            for attr in ("max_length", "pattern", "ge", "le", "max_digits", "decimal_places"):
                value = getattr(item, attr, None)
                if value is not None:
                    out[attr] = value

    def walk(annotation: Any) -> None:
        if hasattr(annotation, "__metadata__"):
            read(annotation.__metadata__)
        for arg in typing.get_args(annotation):
            walk(arg)

    read(info.metadata)
    walk(info.annotation)
    return out


def form_fields(form: FormDef) -> Iterator[tuple[str, FieldDef, Any, FieldDef | None]]:
    """(path, field or column, its model, the table/group it is in) of every bound field."""
    for f in form.fields():
        if not f.bind:
            continue
        yield f.key, f, form.model, None
        if f.columns:
            sub = val.sub_model(form.model, f.bind)
            for column in f.columns:
                if column.bind:
                    yield f"{f.key}.{column.key}", column, sub, f


def cell_target(path: str, owner: FieldDef | None) -> str:
    if owner is None or owner.widget == "group":
        return path
    key, column = path.split(".")
    return f"{key}.0.{column}"


def too_long_cases() -> Iterator[Bad]:
    """A text one character longer than the registry keeps, for every text field."""
    for name in form_names():
        form = load_form(name)
        for path, f, model, owner in form_fields(form):
            if f.widget not in TEXT_WIDGETS or f.readonly or (owner and owner.readonly):
                continue
            limit = constraints(model, f.bind or f.key).get("max_length")
            if limit is None:
                continue
            pattern = constraints(model, f.bind or f.key).get("pattern")
            value = ("A" if pattern else "ā") * (limit + 1)
            spec: Input = Typed(value) if limit <= 200 else Paste(value)
            target = cell_target(path, owner)
            full = f"{target}.0" if f.widget == "text_list" else target
            # A document number is upper-cased and stripped of spaces before its checks,
            # and then pydantic names the length error as for a list ("Ne vairāk kā 40.").
            code = "too_long" if pattern else "string_too_long"
            yield Bad(
                name,
                target,
                spec,
                code,
                path=full,
                params={"max_length": limit},
                before=SHOWN_BY.get((name, path), ()),
                name="too_long",
            )


TOO_LONG = tuple(too_long_cases())
CASES = RULES_AND_PARSING + TOO_LONG

# Checks of the models that no form can reach, and why.
NOT_FROM_A_FORM: dict[str, str] = {
    "country.format": "country fields are type-ahead lists of ISO codes: unknown text gives "
    "formkit.ref_unknown (cases *-ref_unknown)",
    "decision:*:decision.vd_only_departure_order": "vd_period_days shows only for a departure "
    "order; a hidden field is not sent",
    "entry_ban:*:ban.indefinite_with_end": "valid_until hides when the ban is indefinite",
    "address:address_type:missing": "a closed list with a default and no empty entry",
    "appeal:suspensive:missing": "a check box always says yes or no",
    "detention:*:timezone_aware": "the date-time editor always adds the Riga offset (a time "
    "without one is checked in test_random_input)",
}


def model_codes(model: Any) -> set[str]:
    """DomainError codes raised by a model's own rules."""
    return set(re.findall(r'DomainError\(\s*"([\w.]+)"', inspect.getsource(model)))


ANNOTATED_CODES: list[tuple[Any, tuple[str, ...]]] = [
    (PartialDate, ("partial_date.format", "partial_date.invalid", "partial_date.future")),
    (CountryCode, ("country.format",)),
    (LatvianPersonalCode, ("personal_code.format", "personal_code.date", "personal_code.checksum")),
]


def annotation_codes(annotation: Any) -> set[str]:
    out: set[str] = set()
    for known_type, codes in ANNOTATED_CODES:
        if annotation == known_type:
            out.update(codes)
    for arg in typing.get_args(annotation):
        out |= annotation_codes(arg)
    return out


def required_tags(name: str) -> set[str]:
    """What the cases of form `name` must cover, read from its model and definition."""
    form = load_form(name)
    out: set[str] = set()
    models = {form.model}
    for path, f, model, owner in form_fields(form):
        if model is not form.model:
            models.add(model)
        info = model.model_fields[f.bind or f.key]
        readonly = f.readonly or bool(owner and owner.readonly)
        if readonly:
            continue
        for code in annotation_codes(info.annotation):
            out.add(f"{name}:*:{code}" if code != "country.format" else code)
        required = f.required if f.required is not None else info.is_required()
        if required and f.widget != "bool" and f.key not in form.context:
            out.add(f"{name}:{path}:missing")
        for kind in constraints(model, f.bind or f.key):
            if kind == "max_length" and f.widget not in TEXT_WIDGETS:
                continue  # codes from a list, never typed
            out.add(f"{name}:{path}:{kind}")
    for model in models:
        out.update(f"{name}:*:{code}" for code in model_codes(model))
    return out


# --------------------------------------------------------------------------- expected


def expected_message(form: FormDef, key: str, path: str, message: str, lang: str) -> str:
    """The message as the form shows it: a cell's or a part's names its row and column
    ("1. rinda, “Akts”: Obligāts lauks.")."""
    if path == key:
        return message
    rest = path[len(key) + 1 :].split(".")
    columns = {c.key: c for c in form.field(key).columns}
    prefix: list[str] = []
    if rest and rest[0].isdigit():
        prefix.append(text("formkit.row", lang, n=int(rest[0]) + 1))
        rest = rest[1:]
    if rest and rest[0] in columns:
        prefix.append(f"“{columns[rest[0]].label.get(lang)}”")
    return f"{', '.join(prefix)}: {message}"


def typed_text(spec: Input) -> str | None:
    return getattr(spec, "text", None) if isinstance(spec, Typed | Paste) else None


# --------------------------------------------------------------------------- tests


def test_the_good_values_of_every_form_are_valid() -> None:
    for name in form_names():
        form = load_form(name)
        values = {**good_values(name), **context_for(form)}
        problems = val.validate(form, values, lang="lv")
        assert [p for p in problems if p.is_error] == [], name


def test_every_check_of_every_model_has_a_case() -> None:
    covered = set().union(*(tags(c) for c in CASES))
    missing_cases = {}
    for name in form_names():
        for tag in sorted(required_tags(name)):
            if tag not in covered and tag not in NOT_FROM_A_FORM:
                missing_cases[tag] = name
    assert not missing_cases, f"checks without a bad-input case: {sorted(missing_cases)}"


def test_every_expected_message_is_a_registered_text() -> None:
    for case in CASES:
        assert known(case.code), case.id


def test_case_ids_are_unique() -> None:
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]


def check_messages(tab: FormTab, case: Bad, lang: str) -> None:
    """The case's message under its field (and no other), in `lang`, and in the list."""
    fw = tab.form_widget
    form = fw.form
    problems = fw.problems
    key = case.field_key
    expected = expected_message(
        form, key, case.full_path, text(case.code, lang, **case.params), lang
    )
    mark = "✖" if case.severity == "error" else "⚠"
    assert any(
        p.key == key
        and p.path == case.full_path
        and p.severity == case.severity
        and p.message == expected
        for p in problems
    ), [(p.key, p.path, p.severity, p.message) for p in problems]
    assert f"{mark} {expected}" in message_lines(fw, key), message_lines(fw, key)
    wrong = {
        f.key: error_lines(fw, f.key)
        for f in form.fields()
        if f.key != key and f.key not in case.also and error_lines(fw, f.key)
    }
    assert not wrong, f"messages under other fields: {wrong}"
    if case.severity == "warning":
        assert [p for p in problems if p.is_error] == []
        assert error_lines(fw, key) == []
    label = form.field(key).label.get(lang)
    items = [tab.problems.item(i).text() for i in range(tab.problems.count())]
    assert f"{mark} {label}: {expected}" in items, items
    assert tab.problems.isVisibleTo(tab)


@QT_NOISE_MARK
@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_bad_input_is_named_under_its_field(qtbot: Any, case: Bad) -> None:
    """Typed in a Latvian form; then the officer switches to English: the same message
    in English, nothing typed lost (for "text too long" on one field per form)."""
    tab = open_tab(qtbot, case.form, "lv")
    fw = tab.form_widget
    fw.set_values(good_values(case.form))
    fw.flush()
    kb = Keyboard(qtbot, fw)
    for target, spec in case.before:
        do(kb, target, spec)
    do(kb, case.target, case.spec)

    typed = raw_texts(fw)
    wanted = typed_text(case.spec)
    if wanted is not None:
        assert typed[case.target] == wanted, "the editor does not hold what was typed"

    problems = fw.validate()
    assert raw_texts(fw) == typed, "validation changed what was typed"
    check_messages(tab, case, "lv")

    # Enter on the problem in the list goes back to the field.
    key = case.field_key
    mark = "✖" if case.severity == "error" else "⚠"
    row = next(
        i
        for i in range(tab.problems.count())
        if tab.problems.item(i).text().startswith(f"{mark} {form_label(case, 'lv')}: ")
    )
    tab.problems.setCurrentRow(row)
    kb.focus_widget_of(tab.problems)
    kb.enter()
    assert kb.focused_key() == key
    assert raw_texts(fw) == typed

    if case.severity == "error":
        assert fw.save() is False  # refused, nothing lost, the first error focused
        assert raw_texts(fw) == typed
        first = next(p for p in problems if p.is_error)
        assert kb.focused_key() == first.key

    if case in TOO_LONG and case is not next(c for c in TOO_LONG if c.form == case.form):
        return  # one text in English per form is enough for this one message
    values = fw.values()
    fw.set_language("en")
    check_messages(tab, case, "en")
    assert fw.values() == values
    if wanted is not None:
        assert raw_texts(fw)[case.target] == wanted


def form_label(case: Bad, lang: str) -> str:
    return load_form(case.form).field(case.field_key).label.get(lang)


@QT_NOISE_MARK
@pytest.mark.parametrize(
    ("name", "controller", "show", "hide", "target", "typed"),
    [
        ("decision", "decision_type", Choose("Izb"), Choose("Lēm"), "vd_period_days", "abc"),
        ("entry_ban", "indefinite", None, Tick(), "duration_years", "pieci"),
        ("sis_alert", "status", Pick("dzēsts"), Pick("ievadīts"), "deleted_at", "vakar"),
        ("appeal", "interim_relief", Pick("piemērota"), Typed(""), "interim_relief_date", "rīt"),
    ],
)
def test_text_in_a_field_that_gets_hidden_does_not_block(
    qtbot: Any,
    name: str,
    controller: str,
    show: Input | None,
    hide: Input,
    target: str,
    typed: str,
) -> None:
    """A hidden field is not sent, so what it holds is no error either (it is kept)."""
    tab = open_tab(qtbot, name)
    fw = tab.form_widget
    fw.set_values(good_values(name))
    fw.flush()
    kb = Keyboard(qtbot, fw)
    if show is not None:
        do(kb, controller, show)
    do(kb, target, Typed(typed))
    do(kb, controller, hide)
    assert not fw.is_visible_field(target)
    problems = fw.validate()
    assert [p.message for p in problems if p.key == target] == []
    assert fw.raw_text(target) == typed


@QT_NOISE_MARK
def test_a_link_missing_from_the_context_is_never_lost(qtbot: Any) -> None:
    """A document opened without its person: the problem shows on the form's first field."""
    from registry_desktop.formkit.form_tab import FormTab
    from tests.desktop.forms.fill import SessionStandIn

    form = load_form("document")
    tab = FormTab(form, SessionStandIn("lv"))  # type: ignore[arg-type]
    qtbot.addWidget(tab)
    fw = tab.form_widget
    fw.set_values(good_values("document"))
    problems = fw.validate()
    errors = [p for p in problems if p.is_error]
    assert [p.path for p in errors] == ["person_id"]
    assert errors[0].message.endswith(text("missing"))
    first = next(f.key for f in form.fields())
    assert errors[0].key == first
    assert f"✖ {errors[0].message}" in fw.message_label(first).text().split("\n")
    assert tab.problems.count() == 1


@QT_NOISE_MARK
def test_messages_follow_a_change_of_language(qtbot: Any) -> None:
    tab = open_tab(qtbot, "decision")
    fw = tab.form_widget
    fw.set_values(good_values("decision"))
    kb = Keyboard(qtbot, fw)
    do(kb, "vd_period_days", Typed("trīsdesmit"))
    fw.validate()
    assert error_lines(fw, "vd_period_days") == [text("int_parsing", "lv")]
    fw.set_language("en")
    assert error_lines(fw, "vd_period_days") == [text("int_parsing", "en")]
    assert fw.raw_text("vd_period_days") == "trīsdesmit"


@QT_NOISE_MARK
@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, id=c.id)
        for c in RULES_AND_PARSING
        if c.id
        in {
            "person-date_of_birth-month_13",
            "decision-refusal_note-decision.refusal_note_required",
            "detention-court_authorisations.0.authorised_until-range.order",
            "departure-escort.count-missing",
        }
    ],
)
def test_a_form_opened_in_english_names_it_in_english(qtbot: Any, case: Bad) -> None:
    tab = open_tab(qtbot, case.form, "en")
    fw = tab.form_widget
    fw.set_values(good_values(case.form))
    kb = Keyboard(qtbot, fw)
    for target, spec in case.before:
        do(kb, target, spec)
    do(kb, case.target, case.spec)
    typed = raw_texts(fw)
    fw.validate()
    assert raw_texts(fw) == typed
    check_messages(tab, case, "en")
