"""Form validation without Qt: the same `registry_core` model the registry runs.

`validate(form, values, lang=…)` builds the record from the form's values, runs
`form.model.model_validate` and maps every error to the form field it belongs to
(`registry_core.messages.field_errors`), so the officer reads under the field exactly
the words the registry would answer. Non-blocking warnings from `registry_core`
(voluntary-departure period outside 7–30 days, entry-ban length, detention clocks, an
unverified personal-code digit) come back as problems of severity "warning".

Also here: parsing of what officers type into date, date-time and number fields
(dd.mm.yyyy, yyyy-mm-dd, ddmmyyyy; dd.mm.yyyy hh:mm in Europe/Riga), used by the
editors and by the computed fields.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from registry_core.messages import DomainError, field_errors, register, text
from registry_desktop.formdefs import FieldDef, FormDef

RIGA = ZoneInfo("Europe/Riga")

register(
    {
        "formkit.date_format": (
            "Datumam jābūt formā DD.MM.GGGG.",
            "Date must be DD.MM.YYYY.",
        ),
        "formkit.datetime_format": (
            "Datumam un laikam jābūt formā DD.MM.GGGG hh:mm.",
            "Date and time must be DD.MM.YYYY hh:mm.",
        ),
        "formkit.date_invalid": ("Šāda datuma nav.", "There is no such date."),
        "formkit.time_invalid": ("Šāda laika nav.", "There is no such time."),
        "formkit.ref_unknown": (
            "Izvēlieties vērtību no saraksta.",
            "Choose a value from the list.",
        ),
        "formkit.row": ("{n}. rinda", "Row {n}"),
        "formkit.required": ("Obligāts lauks", "Required field"),
        "formkit.future": ("Datums nevar būt nākotnē.", "The date cannot be in the future."),
        "formkit.datetime_offset": (
            "Laikam jānorāda laika josla (ievadiet DD.MM.GGGG hh:mm).",
            "The time needs its time zone (type DD.MM.YYYY hh:mm).",
        ),
    }
)


@dataclass(frozen=True)
class Problem:
    """One message for the officer, attached to a top-level field of the form."""

    key: str  # top-level field key of the form ("legal_basis" for "legal_basis.0.act")
    path: str  # full path ("legal_basis.0.act"), == key for plain fields
    severity: str  # "error" | "warning"
    message: str  # in the requested language

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


# --------------------------------------------------------------------------- typed text

_DATE_LV = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{4})\.?$")
_DATE_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DATE_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$")


def parse_date_text(raw: str) -> date | None:
    """A typed date: dd.mm.yyyy (d.m.yyyy), yyyy-mm-dd or ddmmyyyy; "" is None.

    Raises DomainError `formkit.date_format` / `formkit.date_invalid`."""
    value = raw.strip()
    if not value:
        return None
    if m := _DATE_LV.match(value):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    elif m := _DATE_ISO.match(value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    elif m := _DATE_COMPACT.match(value):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
    else:
        raise DomainError("formkit.date_format")
    try:
        return date(year, month, day)
    except ValueError:
        raise DomainError("formkit.date_invalid") from None


def parse_datetime_text(raw: str) -> datetime | None:
    """A typed date and time "dd.mm.yyyy hh:mm" (or an ISO date-time) in Europe/Riga."""
    value = raw.strip()
    if not value:
        return None
    if "T" in value and _DATE_ISO.match(value.split("T", 1)[0]):
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            raise DomainError("formkit.datetime_format") from None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=RIGA)
    parts = value.split()
    if len(parts) != 2:
        raise DomainError("formkit.datetime_format")
    try:
        day = parse_date_text(parts[0])
    except DomainError as exc:
        if exc.code == "formkit.date_invalid":
            raise
        raise DomainError("formkit.datetime_format") from None
    m = _TIME.match(parts[1])
    if day is None or m is None:
        raise DomainError("formkit.datetime_format")
    hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
    if hour > 23 or minute > 59 or second > 59:
        raise DomainError("formkit.time_invalid")
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=RIGA)


def format_date(value: Any) -> str:
    """ISO date (or date) → dd.mm.yyyy; anything unreadable as given."""
    if isinstance(value, datetime):
        return value.astimezone(RIGA).strftime("%d.%m.%Y")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value[:10]).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return "" if value is None else str(value)


def format_datetime(value: Any) -> str:
    """ISO date-time → dd.mm.yyyy hh:mm in Europe/Riga."""
    parsed = as_datetime(value)
    if parsed is None:
        return "" if value is None else str(value)
    local = parsed.astimezone(RIGA)
    if local.second:
        return local.strftime("%d.%m.%Y %H:%M:%S")
    return local.strftime("%d.%m.%Y %H:%M")


def format_partial(value: Any) -> str:
    """ISO partial date ("1990", "1990-07", "1990-07-14") → "1990", "07.1990", "14.07.1990"."""
    if not isinstance(value, str) or not value:
        return "" if value is None else str(value)
    parts = value.split("-")
    if len(parts) == 3:
        return f"{parts[2]}.{parts[1]}.{parts[0]}"
    if len(parts) == 2:
        return f"{parts[1]}.{parts[0]}"
    return value


def as_date(value: Any) -> date | None:
    """A JSON-ready (or typed) value read as a date; None when it is not one."""
    if isinstance(value, datetime):
        return value.astimezone(RIGA).date() if value.tzinfo else value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        if "T" in value or " " in value.strip():
            parsed = as_datetime(value)
            return parsed.astimezone(RIGA).date() if parsed else None
        try:
            return parse_date_text(value)
        except DomainError:
            return None
    return None


def as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=RIGA)
    if isinstance(value, str) and value:
        try:
            return parse_datetime_text(value)
        except DomainError:
            return None
    return None


def as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return int(value.strip())
        except ValueError:
            return None
    return None


def parse_int_text(raw: str) -> int | None:
    value = raw.strip().replace(" ", "").replace("\u00a0", "")
    if not value:
        return None
    try:
        return int(value)
    except ValueError:
        raise DomainError("int_parsing") from None


def parse_decimal_text(raw: str) -> str | None:
    """A typed amount ("12,50" or "12.50"; spaces as thousands separators) → "12.50"."""
    value = raw.strip().replace(" ", "").replace("\u00a0", "").replace(",", ".")
    if not value:
        return None
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise DomainError("decimal_parsing") from None
    if not number.is_finite():
        raise DomainError("decimal_parsing")
    return str(number)


def today_riga() -> date:
    return datetime.now(RIGA).date()


# --------------------------------------------------------------------------- visibility


def field_visible(form: FormDef, key: str, values: Mapping[str, Any]) -> bool:
    """Whether top-level field `key` shows for `values` (its section's and its own condition)."""
    for section in form.sections:
        for f in section.fields:
            if f.key == key:
                if section.visible_if is not None and not section.visible_if.holds(values):
                    return False
                return f.visible_if is None or f.visible_if.holds(values)
    return False


def visible_keys(form: FormDef, values: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    for section in form.sections:
        if section.visible_if is not None and not section.visible_if.holds(values):
            continue
        for f in section.fields:
            if f.visible_if is None or f.visible_if.holds(values):
                out.add(f.key)
    return out


# --------------------------------------------------------------------------- model facts


def model_field_required(model: Any, name: str) -> bool:
    info = getattr(model, "model_fields", {}).get(name)
    return info is not None and info.is_required()


def field_required(form: FormDef, f: FieldDef, model: Any | None = None) -> bool:
    """Required as the definition says, else as the model says (bound fields only)."""
    if f.required is not None:
        return bool(f.required)
    if not f.bind or f.widget in ("bool", "computed", "mrz"):
        return False
    return model_field_required(model if model is not None else form.model, f.bind)


def sub_model(model: Any, name: str) -> Any | None:
    """The pydantic model of the items of list field `name` (or of the field itself)."""
    info = getattr(model, "model_fields", {}).get(name)
    if info is None:
        return None
    return _find_model(info.annotation)


def _find_model(annotation: Any) -> Any | None:
    from typing import get_args

    if isinstance(annotation, type) and hasattr(annotation, "model_fields"):
        return annotation
    for arg in get_args(annotation):
        found = _find_model(arg)
        if found is not None:
            return found
    return None


def field_ref(model: Any, name: str) -> str | None:
    """The reference list named in a model field's metadata."""
    info = getattr(model, "model_fields", {}).get(name) if model is not None else None
    extra = info.json_schema_extra if info is not None else None
    if isinstance(extra, dict) and extra.get("ref"):
        return str(extra["ref"])
    return None


def field_enum(model: Any, name: str) -> Any | None:
    """The StrEnum behind a model field (for `choice` without options)."""
    from enum import Enum
    from typing import get_args

    info = getattr(model, "model_fields", {}).get(name) if model is not None else None
    if info is None:
        return None
    stack = [info.annotation]
    while stack:
        ann = stack.pop()
        if isinstance(ann, type) and issubclass(ann, Enum):
            return ann
        stack.extend(get_args(ann))
    return None


def model_default(model: Any, name: str) -> Any:
    """The model's simple default of `name` (a str/int/bool), else None."""
    info = getattr(model, "model_fields", {}).get(name) if model is not None else None
    if info is None or info.is_required() or info.default_factory is not None:
        return None
    default = info.default
    if isinstance(default, bool | int | str):
        return default.value if hasattr(default, "value") else default
    return None


# --------------------------------------------------------------------------- validate


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {}


def build_payload(form: FormDef, values: Mapping[str, Any]) -> dict[str, Any]:
    """What goes to the model: known fields only, empty values left to the model's default."""
    model_fields = getattr(form.model, "model_fields", {})
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in model_fields or _empty(value):
            continue
        out[key] = value
    return out


def _field_order(form: FormDef) -> dict[str, int]:
    return {f.key: i for i, f in enumerate(form.fields())}


def _target_key(form: FormDef, path: str, keys: set[str], fallback: str) -> str:
    head = path.split(".", 1)[0]
    return head if head in keys else fallback


def describe_path(form: FormDef, key: str, path: str, message: str, lang: str) -> str:
    """Name the row (and column) of a nested path: "2. rinda, “Akts”: Obligāts lauks."."""
    if path == key or not path.startswith(key + "."):
        return message
    rest = path[len(key) + 1 :].split(".")
    try:
        f = form.field(key)
    except KeyError:
        return message
    prefix: list[str] = []
    columns = {c.key: c for c in f.columns}
    if rest and rest[0].isdigit():
        prefix.append(text("formkit.row", lang, n=int(rest[0]) + 1))
        rest = rest[1:]
    if rest and rest[0] in columns:
        prefix.append(f"“{columns[rest[0]].label.get(lang)}”")
    return f"{', '.join(prefix)}: {message}" if prefix else message


def validate(
    form: FormDef,
    values: Mapping[str, Any],
    *,
    lang: str,
    record_id: str | None = None,
    today: date | None = None,
) -> list[Problem]:
    """Every problem of `values` (content + context) in `lang`, errors and warnings,
    in reading order; each attached to a field of the form (never lost)."""
    fields = list(form.fields())
    if not fields:
        return []
    visible = visible_keys(form, values)
    keys = {f.key for f in fields}
    first = next((f.key for f in fields if f.key in visible), fields[0].key)
    data = {k: v for k, v in values.items() if k not in keys or k in visible}
    payload = build_payload(form, data)
    payload["id"] = record_id or str(uuid.uuid4())
    problems: list[Problem] = []
    seen: set[str] = set()

    def add(path: str, severity: str, message: str) -> None:
        key = _target_key(form, path, keys, first)
        if path.split(".", 1)[0] not in keys:
            message = f"{path}: {message}"  # not a field of this form: say which one
        if key not in visible:
            hidden_target = key
            key = _controller(form, hidden_target, visible) or first
            path = key if path.split(".", 1)[0] == hidden_target else path
        marker = f"{severity}|{path}|{message}"
        if marker in seen:
            return
        seen.add(marker)
        problems.append(Problem(key, path, severity, describe_path(form, key, path, message, lang)))

    try:
        form.model.model_validate(payload)
    except ValidationError as exc:
        for path, message in field_errors(exc, lang).items():
            add(path, "error", message)
    except DomainError as exc:  # a rule raised outside pydantic's wrapping
        add(exc.field or first, "error", exc.message(lang))
    except (TypeError, ArithmeticError):  # a rule that could not compare what it got
        add(_naive_datetime(form, data) or first, "error", text("formkit.datetime_offset", lang))
    # Fields the definition marks required although the model does not.
    failed = {p.key for p in problems}
    for f in fields:
        if (
            f.required
            and f.bind
            and f.key in visible
            and f.key not in failed
            and _empty(values.get(f.key))
        ):
            add(f.key, "error", text("missing", lang))
    for path, warning in _warnings(form, data, today or today_riga()):
        add(path, "warning", warning.message(lang))
    order = _field_order(form)
    problems.sort(key=lambda p: (order.get(p.key, 10**6), p.severity != "error"))
    return problems


def _naive_datetime(form: FormDef, values: Mapping[str, Any]) -> str | None:
    """A date-time field whose value has no UTC offset (a model rule cannot compare it
    with one that has): the field to name."""
    for f in form.fields():
        value = values.get(f.key)
        if f.widget == "datetime" and isinstance(value, str) and value.strip():
            try:
                parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
            except ValueError:
                continue
            if parsed.tzinfo is None:
                return f.key
    return None


def _controller(form: FormDef, key: str, visible: set[str]) -> str | None:
    """The visible field whose value hides `key` (so the officer can make it show)."""
    for section in form.sections:
        for f in section.fields:
            if f.key != key:
                continue
            for cond in (f.visible_if, section.visible_if):
                if cond is not None and cond.field in visible:
                    return cond.field
    return None


# --------------------------------------------------------------------------- warnings


def _warnings(
    form: FormDef, values: Mapping[str, Any], today: date
) -> Iterable[tuple[str, DomainError]]:
    out: list[tuple[str, DomainError]] = []
    model_fields = getattr(form.model, "model_fields", {})
    try:
        if "vd_period_days" in model_fields:
            out.extend(_vd_warnings(values))
        if "duration_years" in model_fields and "indefinite" in model_fields:
            out.extend(_ban_warnings(values))
        if "detained_at" in model_fields:
            out.extend(_detention_warnings(values, today))
        if "personal_code" in model_fields:
            out.extend(_personal_code_warnings(values))
    except Exception:  # a warning must never stop the officer
        pass
    return out


def _vd_warnings(values: Mapping[str, Any]) -> list[tuple[str, DomainError]]:
    from registry_core.lifecycle import DEFAULT_CONFIG

    if values.get("decision_type") not in (None, "departure_order"):
        return []
    days = as_int(values.get("vd_period_days"))
    cfg = DEFAULT_CONFIG
    if days is None or days <= 0 or cfg.vd_min_days <= days <= cfg.vd_max_days:
        return []
    return [
        (
            "vd_period_days",
            DomainError(
                "lifecycle.vd_period_range",
                field="vd_period_days",
                days=days,
                min=cfg.vd_min_days,
                max=cfg.vd_max_days,
            ),
        )
    ]


def _ban_warnings(values: Mapping[str, Any]) -> list[tuple[str, DomainError]]:
    from registry_core.lifecycle_ban import EntryBan, ban_warnings

    decided = as_date(values.get("ban_decision_date")) or today_riga()
    years = as_int(values.get("duration_years")) or 0
    months = as_int(values.get("duration_months")) or 0
    indefinite = bool(values.get("indefinite"))
    if not indefinite and years == 0 and months == 0:
        return []
    ban = EntryBan(decision_date=decided, years=years, months=months, indefinite=indefinite)
    return [("duration_years", w) for w in ban_warnings(ban)]


def _detention_warnings(values: Mapping[str, Any], today: date) -> list[tuple[str, DomainError]]:
    from registry_core.lifecycle_detention import DetentionState, detention_warnings
    from registry_core.records.enums import DetentionStatus

    detained = as_datetime(values.get("detained_at"))
    if detained is None:
        return []
    released = as_datetime(values.get("released_at"))
    until = latest_authorisation(values.get("court_authorisations"))
    status_raw = values.get("status")
    try:
        status = DetentionStatus(status_raw) if status_raw else None
    except ValueError:
        status = None
    if status is None:
        status = DetentionStatus.DETAINED_COURT if until else DetentionStatus.DETAINED_VRS
    if released is not None:
        status = DetentionStatus.RELEASED
    state = DetentionState(
        status=status, detained_at=detained, authorised_until=until, released_at=released
    )
    target = "court_authorisations" if until is not None else "detained_at"
    return [(target, w) for w in detention_warnings(state, today=today)]


def latest_authorisation(rows: Any) -> date | None:
    """The latest `authorised_until` among court-authorisation rows."""
    if not isinstance(rows, list):
        return None
    dates = [as_date(r.get("authorised_until")) for r in rows if isinstance(r, Mapping)]
    known = [d for d in dates if d is not None]
    return max(known) if known else None


def _personal_code_warnings(values: Mapping[str, Any]) -> list[tuple[str, DomainError]]:
    from registry_core.identifiers.personal_code import parse_personal_code

    code = values.get("personal_code")
    if not isinstance(code, str) or not code.strip():
        return []
    try:
        parsed = parse_personal_code(code)
    except DomainError:
        return []
    return [("personal_code", DomainError(w, field="personal_code")) for w in parsed.warnings]


def days_between(start: date, end: date) -> int:
    return (end - start).days


def add_days(start: date, days: int) -> date:
    return start + timedelta(days=days)
