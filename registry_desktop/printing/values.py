"""Printed form of record values, driven by the record schemas' own field metadata.

A code field names its reference list in ``json_schema_extra={"ref": ...}``; its label is
printed instead of the code. Dates print as DD.MM.GGGG, times in Riga time.
"""

from __future__ import annotations

import types
from collections.abc import Mapping
from datetime import date, datetime, tzinfo
from enum import Enum
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from registry_core.records import COLLECTIONS, LegalBasis, Nationality, Record
from registry_core.records.base import PartialDate, _partial_date
from registry_core.reference import label as ref_label
from registry_desktop.printing.labels import pair


@cache
def riga_tz() -> tzinfo | None:
    try:
        return ZoneInfo("Europe/Riga")
    except ZoneInfoNotFoundError:  # Windows without the tzdata package: the machine's zone
        return None


def fmt_date(value: date | str | None) -> str:
    if value is None or value == "":
        return ""
    d = date.fromisoformat(value[:10]) if isinstance(value, str) else value
    return f"{d.day:02d}.{d.month:02d}.{d.year:04d}"


def fmt_datetime(value: datetime | str | None) -> str:
    if value is None or value == "":
        return ""
    dt = datetime.fromisoformat(value) if isinstance(value, str) else value
    if dt.tzinfo is not None:
        dt = dt.astimezone(riga_tz())
    return f"{fmt_date(dt.date())} {dt.hour:02d}:{dt.minute:02d}"


def fmt_partial_date(value: str | None) -> str:
    """ "1991-03-14" → 14.03.1991, "1991-03" → 03.1991, "1991" → 1991."""
    if not value:
        return ""
    parts = value.split("-")
    return ".".join(reversed(parts))


def yes_no(value: bool) -> str:
    return pair("doc.yes" if value else "doc.no")[0]


def fmt_duration(years: int | None, months: int | None) -> str:
    """ "3 gadi 6 mēneši", "1 gads" (nominative; numerals ending in 1, not 11, are singular)."""

    def one(n: int, singular: str, plural: str) -> str:
        return f"{n} {singular if n % 10 == 1 and n % 100 != 11 else plural}"

    parts = []
    if years:
        parts.append(one(years, "gads", "gadi"))
    if months:
        parts.append(one(months, "mēnesis", "mēneši"))
    return " ".join(parts)


def fmt_legal_basis(item: Mapping[str, Any]) -> str:
    code = item.get("code")
    if code:
        return ref_label("legal_basis", code)
    parts = [str(item.get("act") or "")]
    for key, unit in (("section", "pants"), ("part", "daļa"), ("clause", "punkts")):
        if item.get(key):
            parts.append(f"{item[key]}. {unit}")
    return ", ".join(p for p in parts if p)


def fmt_nationality(item: Mapping[str, Any]) -> str:
    country = ref_label("country", item["country"])
    kind = item.get("type") or "citizen"
    if kind == "citizen":
        return country
    return f"{country} ({ref_label('nationality_type', kind)})"


# --- what kind of value a schema field holds ------------------------------------------


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip Optional; report whether it is a list, and return the element type."""
    is_list = False
    while True:
        origin = get_origin(annotation)
        if origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            annotation = args[0]
        elif origin is list:
            is_list = True
            annotation = get_args(annotation)[0]
        else:
            return annotation, is_list


def _is_partial_date(annotation: Any, metadata: list[Any]) -> bool:
    # pydantic moves a required field's Annotated metadata to FieldInfo.metadata.
    if annotation == PartialDate:
        return True
    return any(getattr(m, "func", None) is _partial_date for m in metadata)


@cache
def field_kind(model: type[Record], name: str) -> tuple[str, str | None, bool]:
    """(kind, reference list, is_list) for one field of a record schema."""
    info = model.model_fields[name]
    ref = model.field_meta(name).get("ref")
    annotation, is_list = _unwrap(info.annotation)
    if ref:
        return "ref", str(ref), is_list
    if _is_partial_date(annotation, list(info.metadata)):
        return "partial_date", None, is_list
    if get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    kinds: list[tuple[type, str]] = [
        (bool, "bool"),
        (datetime, "datetime"),
        (date, "date"),
        (LegalBasis, "legal_basis"),
        (Nationality, "nationality"),
    ]
    for typ, kind in kinds:
        if isinstance(annotation, type) and issubclass(annotation, typ):
            return kind, None, is_list
    return "text", None, is_list


def _one(kind: str, ref: str | None, value: Any) -> str:
    if kind == "ref" and ref:
        code = value.value if isinstance(value, Enum) else str(value)
        return ref_label(ref, code)
    if kind == "date":
        return fmt_date(value)
    if kind == "datetime":
        return fmt_datetime(value)
    if kind == "partial_date":
        return fmt_partial_date(value)
    if kind == "bool":
        return yes_no(bool(value))
    if kind == "legal_basis":
        return fmt_legal_basis(value)
    if kind == "nationality":
        return fmt_nationality(value)
    return str(value)


def fmt_field(collection: str, name: str, record: Mapping[str, Any]) -> str:
    """The printed value of `record[name]`; "" when the field is empty (the row is left out)."""
    value = record.get(name)
    if value is None or value == "" or value == []:
        return ""
    kind, ref, is_list = field_kind(COLLECTIONS[collection].model, name)
    if is_list:
        return "; ".join(_one(kind, ref, v) for v in value)
    return _one(kind, ref, value)
