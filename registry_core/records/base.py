"""Building blocks shared by every record schema.

Field metadata (`json_schema_extra`) carries what the rest of the system needs to know
about a field without a second table of facts:

- ``ref``: the reference list its codes come from (checked by the server);
- ``legal``: a legal field (decision type, dates, periods, legal basis, destination,
  ban duration): never merged automatically on a conflict (DESIGN.md §4);
- ``merge: "append"``: free notes, appended rather than replaced on a conflict.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from registry_core.messages import DomainError, register

register(
    {
        "partial_date.format": (
            "Datumam jābūt formā DD.MM.GGGG, MM.GGGG vai GGGG.",
            "Date must be DD.MM.YYYY, MM.YYYY or YYYY.",
        ),
        "partial_date.invalid": ("Šāda datuma nav.", "There is no such date."),
        "partial_date.future": ("Datums nevar būt nākotnē.", "The date cannot be in the future."),
        "country.format": (
            "Valsts kodam jābūt trim latīņu lielajiem burtiem (ISO 3166 alpha-3).",
            "Country code must be three capital letters (ISO 3166 alpha-3).",
        ),
        "code.format": ("Nepareizs klasifikatora kods.", "Invalid classifier code."),
        "range.order": (
            "Beigu datums nevar būt pirms sākuma datuma.",
            "The end date cannot be before the start date.",
        ),
    }
)

SYSTEM_FIELDS = frozenset(
    {"id", "version", "deleted", "created_at", "created_by", "updated_at", "updated_by"}
)


def ref_field(ref: str, *, legal: bool = False, **kwargs: Any) -> Any:
    """A field whose value is a code from reference list `ref`."""
    extra: dict[str, Any] = {"ref": ref}
    if legal:
        extra["legal"] = True
    return Field(json_schema_extra=extra, **kwargs)


def legal_field(**kwargs: Any) -> Any:
    return Field(json_schema_extra={"legal": True}, **kwargs)


def notes_field(**kwargs: Any) -> Any:
    return Field(default=None, max_length=20000, json_schema_extra={"merge": "append"}, **kwargs)


# --- small value types ------------------------------------------------------------

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
LongText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20000)]
Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]

_COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


def _country(value: str) -> str:
    value = value.strip().upper()
    if value in ("D", "D<<"):
        value = "DEU"
    if not _COUNTRY_RE.match(value):
        raise DomainError("country.format")
    return value


CountryCode = Annotated[str, AfterValidator(_country)]


def _upper_no_space(value: str) -> str:
    return re.sub(r"[\s\-]", "", value).upper()


DocumentNumber = Annotated[
    str,
    BeforeValidator(lambda v: _upper_no_space(v) if isinstance(v, str) else v),
    StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Z0-9<]+$"),
]


@dataclass(frozen=True, order=True)
class PartialDateParts:
    year: int
    month: int | None
    day: int | None

    @property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"


_PD_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_PD_LV = re.compile(r"^(?:(?:(\d{1,2})\.)?(\d{1,2})\.)?(\d{4})\.?$")
_PD_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_partial_date(value: str) -> PartialDateParts:
    """Read YYYY, YYYY-MM, YYYY-MM-DD, YYYYMMDD, DD.MM.YYYY, MM.YYYY; 00 means unknown."""
    text = value.strip()
    year: int
    month: int | None
    day: int | None
    if m := _PD_ISO.match(text):
        year, month, day = int(m[1]), _opt(m[2]), _opt(m[3])
    elif m := _PD_COMPACT.match(text):
        year, month, day = int(m[1]), _opt(m[2]), _opt(m[3])
    elif m := _PD_LV.match(text):
        year, month, day = int(m[3]), _opt(m[2]), _opt(m[1])
    else:
        raise DomainError("partial_date.format")
    if month is None and day is not None:
        raise DomainError("partial_date.format")
    try:
        date(year, month or 1, day or 1)
    except ValueError:
        raise DomainError("partial_date.invalid") from None
    if year < 1850:
        raise DomainError("partial_date.invalid")
    return PartialDateParts(year, month, day)


def _opt(part: str | None) -> int | None:
    if part is None:
        return None
    number = int(part)
    return number or None


def format_partial_date(parts: PartialDateParts) -> str:
    if parts.day and parts.month:
        return f"{parts.year:04d}-{parts.month:02d}-{parts.day:02d}"
    if parts.month:
        return f"{parts.year:04d}-{parts.month:02d}"
    return f"{parts.year:04d}"


def _partial_date(value: Any) -> Any:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value.isoformat()
    if not isinstance(value, str):
        return value
    return _partial_date_text(value)


@functools.lru_cache(maxsize=16_384)
def _partial_date_text(value: str) -> str:
    """Cached: every update validates the whole record again, dates of birth included.
    Only accepted dates are kept (a refusal raises), and a date accepted today is still
    accepted tomorrow, so the cache never outlives a "not in the future" check."""
    parts = parse_partial_date(value)
    if parts.earliest > date.today():
        raise DomainError("partial_date.future")
    return format_partial_date(parts)


# Stored and sent as the ISO prefix ("1990", "1990-07", "1990-07-14"), so that string
# comparison orders dates and a prefix search finds year or month matches.
PartialDate = Annotated[str, BeforeValidator(_partial_date)]


class Strict(BaseModel):
    """Sub-structures: unknown keys are refused so that a typo never vanishes silently."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=True)


class LegalBasis(Strict):
    """Act + section + part + clause (domain.md §7.4); `code` points into `legal_basis`."""

    code: Code | None = Field(default=None, json_schema_extra={"ref": "legal_basis"})
    act: Text
    section: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] | None = None
    part: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] | None = None
    clause: Annotated[str, StringConstraints(strip_whitespace=True, max_length=20)] | None = None


class Record(BaseModel):
    """Envelope shared by every record: client-made UUID, server-made version and stamps."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=True)

    id: UUID
    version: int = 0
    deleted: bool = False
    created_at: datetime | None = None
    created_by: str | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    notes: str | None = notes_field()

    @classmethod
    def content_fields(cls) -> frozenset[str]:
        return frozenset(cls.model_fields) - SYSTEM_FIELDS

    @classmethod
    def field_meta(cls, name: str) -> dict[str, Any]:
        info = cls.model_fields[name]
        extra = info.json_schema_extra
        return dict(extra) if isinstance(extra, dict) else {}

    @classmethod
    def legal_fields(cls) -> frozenset[str]:
        return frozenset(n for n in cls.model_fields if cls.field_meta(n).get("legal"))

    @classmethod
    def append_fields(cls) -> frozenset[str]:
        return frozenset(n for n in cls.model_fields if cls.field_meta(n).get("merge") == "append")

    def is_locked(self) -> bool:
        """True for a served or signed legal act: only amend/annul may change it."""
        return False
