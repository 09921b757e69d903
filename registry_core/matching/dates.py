"""Dates of birth for matching: partial dates, swapped day and month, typing slips."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from registry_core.matching.normalize import edit_distance_at_most_one

_ISO = re.compile(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$")
_LV = re.compile(r"^(?:(?:(\d{1,2})[./])?(\d{1,2})[./])?(\d{4})\.?$")


@dataclass(frozen=True, slots=True)
class Dob:
    """A date of birth that may be partial: year, year+month or the full date."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def digits(self) -> str:
        return f"{self.year:04d}{self.month or 0:02d}{self.day or 0:02d}"

    @property
    def full(self) -> bool:
        return self.month is not None and self.day is not None


def parse_dob(value: object) -> Dob | None:
    """YYYY-MM-DD, YYYY-MM, YYYY, YYYYMMDD, DD.MM.YYYY, MM.YYYY or a date; else None.

    00 for the month or day means unknown (as in legacy registers: 00.00.1980).
    """
    if value is None:
        return None
    if isinstance(value, date):
        return Dob(value.year, value.month, value.day)
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        year, month, day = int(m[1]), _part(m[2]), _part(m[3])
    else:
        m = _LV.match(text)
        if not m:
            return None
        year, month, day = int(m[3]), _part(m[2]), _part(m[1])
    if month is None:
        day = None
    if month is not None and month > 12 and day is not None and day <= 12:
        month, day = day, month  # written year-day-month: read it the only way it exists
    if year < 1800 or year > 2200 or (month is not None and not 1 <= month <= 12):
        return None
    if day is not None:
        try:
            date(year, month or 1, day)
        except ValueError:
            return None
    return Dob(year, month, day)


def _part(text: str | None) -> int | None:
    if not text:
        return None
    number = int(text)
    return number or None


class DobAgreement(StrEnum):
    UNKNOWN = "unknown"  # one side has no date
    SAME = "same"
    SWAPPED = "swapped"  # day and month swapped
    PARTIAL_MONTH = "partial_month"  # one side year+month only, compatible
    PARTIAL_YEAR = "partial_year"  # one side year only, compatible
    TYPO = "typo"  # one digit changed or two neighbouring digits swapped
    YEAR_ONLY = "year_only"  # both full, same year, otherwise different
    DIFFERENT = "different"


def compare_dob(a: Dob | None, b: Dob | None) -> DobAgreement:
    if a is None or b is None:
        return DobAgreement.UNKNOWN
    if a == b:
        return DobAgreement.SAME if a.full else (
            DobAgreement.PARTIAL_MONTH if a.month else DobAgreement.PARTIAL_YEAR
        )  # fmt: skip
    if a.full and b.full:
        if a.year == b.year and a.day == b.month and a.month == b.day:
            return DobAgreement.SWAPPED
        if edit_distance_at_most_one(a.digits, b.digits) and len(a.digits) == len(b.digits):
            return DobAgreement.TYPO
        if a.year == b.year:
            return DobAgreement.YEAR_ONLY
        return DobAgreement.DIFFERENT
    if a.year != b.year:
        # a slip in the year shows only when the month agrees as well
        if a.month and a.month == b.month and edit_distance_at_most_one(str(a.year), str(b.year)):
            return DobAgreement.TYPO
        return DobAgreement.DIFFERENT
    if a.month is None or b.month is None:
        return DobAgreement.PARTIAL_YEAR
    if a.month == b.month:
        return DobAgreement.PARTIAL_MONTH
    if a.day is None and b.day is not None and a.month == b.day:
        return DobAgreement.SWAPPED  # "1991-03" against 1991-11-03 written day-first
    if b.day is None and a.day is not None and b.month == a.day:
        return DobAgreement.SWAPPED
    return DobAgreement.DIFFERENT
