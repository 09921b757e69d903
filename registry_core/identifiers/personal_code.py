"""Latvian personal code (personas kods), domain.md §8.1.

Two formats share the same 11-digit shape:

* legacy ``DDMMYY-CNNNK`` (issued until 30 June 2017): birth date, century digit
  (0 = 1800s, 1 = 1900s, 2 = 2000s), serial number and a check digit;
* new ``3XNNNN-NNNNN`` (from 1 July 2017): first digit 3, second digit 2–9, the rest
  random, no birth data and no published check digit.

Legacy codes never start with ``3[2-9]`` (there is no 32nd day), so the first two
digits decide the format unambiguously; ``30…``/``31…`` are legacy dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, ValidationInfo

from registry_core.messages import DomainError, register

__all__ = [
    "LatvianPersonalCode",
    "PersonalCode",
    "is_valid_personal_code",
    "legacy_check_digit",
    "parse_personal_code",
]

CODE_FORMAT = "personal_code.format"
CODE_DATE = "personal_code.date"
CODE_CHECKSUM = "personal_code.checksum"
WARN_NEW_UNVERIFIED_CHECKSUM = "personal_code.new_unverified_checksum"

register(
    {
        CODE_FORMAT: (
            "Personas kodam jābūt 11 cipariem formā DDMMGG-XXXXX.",
            "A personal code must be 11 digits in the form DDMMYY-XXXXX.",
        ),
        CODE_DATE: (
            "Personas koda sākumā nav derīga dzimšanas datuma.",
            "The personal code does not start with a valid date of birth.",
        ),
        CODE_CHECKSUM: (
            "Personas koda kontrolcipars nav pareizs.",
            "The personal code's check digit is wrong.",
        ),
        WARN_NEW_UNVERIFIED_CHECKSUM: (
            "Jaunā parauga personas kodam kontrolcipars nav publiskots, un šis kods neatbilst "
            "vecā parauga kontrolcipara noteikumam. Pārliecinieties, ka kods ievadīts precīzi.",
            "New-format personal codes have no published check digit, and this code does not "
            "match the old-format check-digit rule. Make sure it was typed exactly.",
        ),
    }
)

_LEGACY_WEIGHTS = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CENTURIES = {"0": 1800, "1": 1900, "2": 2000}
# Hyphen look-alikes that arrive when a code is pasted from a word processor or PDF.
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2212", "-"))
_SHAPE = re.compile(r"[0-9]{6}-?[0-9]{5}", re.ASCII)
_NEW_FORMAT = re.compile(r"3[2-9][0-9]{9}", re.ASCII)

Kind = Literal["legacy", "new"]


@dataclass(frozen=True, slots=True)
class PersonalCode:
    """A parsed code; `warnings` holds message codes that must not block saving."""

    normalized: str
    formatted: str
    kind: Kind
    birth_date: date | None
    warnings: tuple[str, ...] = ()


def legacy_check_digit(first_ten: str) -> int:
    """K = ((1101 − Σ dᵢ·wᵢ) mod 11) mod 10; the final ``mod 10`` is the accepted 10 → 0 rule."""
    if len(first_ten) != 10 or not first_ten.isascii() or not first_ten.isdigit():
        raise ValueError("legacy_check_digit needs exactly 10 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first_ten, _LEGACY_WEIGHTS, strict=True))
    return ((1101 - total) % 11) % 10


def _normalise_input(text: str, field: str | None) -> str:
    """Drop whitespace and unify dashes; refuse anything that is not `6 digits [-] 5 digits`."""
    compact = "".join(text.split()).translate(_DASHES)
    if not _SHAPE.fullmatch(compact):
        raise DomainError(CODE_FORMAT, field=field)
    return compact.replace("-", "")


def _legacy_birth_date(digits: str, field: str | None) -> date:
    century = _CENTURIES.get(digits[6])
    if century is None:
        raise DomainError(CODE_DATE, field=field)
    try:
        return date(century + int(digits[4:6]), int(digits[2:4]), int(digits[0:2]))
    except ValueError:
        raise DomainError(CODE_DATE, field=field) from None


def parse_personal_code(text: str, *, field: str | None = "personal_code") -> PersonalCode:
    """Validate and normalise a personal code, raising `DomainError` when it cannot be one.

    Legacy codes are checked strictly (real date, valid century digit, check digit).

    New-format codes are **never refused for their last digit**: the official wording says
    the digits are random, and the only source that applies the legacy checksum to them uses
    self-generated fixtures (domain.md §8.1). We still compute the legacy rule and, when it
    does not hold, attach the soft warning ``personal_code.new_unverified_checksum``. Its
    text says only that the digit *could not be confirmed* and asks the officer to re-read
    the document; it never claims the code is wrong. This catches a mistyped digit if the
    register does in fact use the legacy rule, at the cost of a routine prompt if it does
    not — a trade-off to revisit once PMLP confirms how new codes are generated.
    """
    digits = _normalise_input(text, field)
    formatted = f"{digits[:6]}-{digits[6:]}"
    if _NEW_FORMAT.fullmatch(digits):
        warnings: tuple[str, ...] = ()
        if legacy_check_digit(digits[:10]) != int(digits[10]):
            warnings = (WARN_NEW_UNVERIFIED_CHECKSUM,)
        return PersonalCode(digits, formatted, "new", None, warnings)
    birth_date = _legacy_birth_date(digits, field)
    if legacy_check_digit(digits[:10]) != int(digits[10]):
        raise DomainError(CODE_CHECKSUM, field=field)
    return PersonalCode(digits, formatted, "legacy", birth_date)


def is_valid_personal_code(text: str) -> bool:
    """True when `parse_personal_code` accepts `text` (warnings do not make it invalid)."""
    try:
        parse_personal_code(text)
    except DomainError:
        return False
    return True


def _validate_for_model(value: str, info: ValidationInfo) -> str:
    """Pydantic hook: returns the formatted code; errors carry the model's field name."""
    return parse_personal_code(value, field=info.field_name).formatted


LatvianPersonalCode = Annotated[str, AfterValidator(_validate_for_model)]
"""A `str` field holding a valid personal code, normalised to ``DDMMYY-CNNNK`` form."""
