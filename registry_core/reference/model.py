"""Reference-list building blocks: one item of a classifier and the definition of a list.

A reference list (classifier, domain.md §7) is a versioned set of codes with Latvian and
English labels. Items carry a validity window so that historical records stay readable
after a code is retired (a suspended border crossing point, a renamed unit):

- ``valid_from`` is the first day the code applies (inclusive), ``None`` = always;
- ``valid_to`` is the day from which the code **no longer** applies (exclusive),
  ``None`` = open-ended. A BCP "suspended since 16 Oct 2023" has ``valid_to`` 2023-10-16.

``extra`` holds list-specific attributes (Eurostat code, BCP kind, unit institution…).
By convention ``extra["confirmed"] is False`` marks an entry that domain.md tags [B]
(background knowledge, to be checked against the consolidated law before relying on it);
an absent key means nothing was flagged.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

ExtraValue = str | int | bool | None

ItemCode = Annotated[
    str, StringConstraints(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
]
Label = Annotated[str, StringConstraints(min_length=1, max_length=300)]


class ReferenceItem(BaseModel):
    """One code of a reference list, with its Latvian and English labels."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: ItemCode
    label_lv: Label
    label_en: Label
    valid_from: date | None = None
    valid_to: date | None = None
    extra: dict[str, ExtraValue] = Field(default_factory=dict)
    sort: int = 0

    @model_validator(mode="after")
    def _check(self) -> ReferenceItem:
        if self.label_lv != self.label_lv.strip() or self.label_en != self.label_en.strip():
            raise ValueError(f"{self.code}: labels must not start or end with whitespace")
        if self.valid_from and self.valid_to and self.valid_to <= self.valid_from:
            raise ValueError(f"{self.code}: valid_to must be after valid_from")
        return self

    def label(self, lang: str = "lv") -> str:
        """The label in `lang` ('lv' or 'en'); anything but 'en' gives Latvian."""
        return self.label_en if lang == "en" else self.label_lv

    def is_valid_on(self, day: date) -> bool:
        """True when the code may be chosen for a fact dated `day`."""
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day < self.valid_to


@dataclass(frozen=True, slots=True)
class ReferenceListDef:
    """A named reference list and the factory that builds its seed items.

    `enum` is set when the list mirrors a closed value set of
    `registry_core.records.enums`: its codes are fixed by the code (administrators may
    edit labels, not add or remove codes).
    """

    name: str
    label_lv: str
    label_en: str
    items_factory: Callable[[], list[ReferenceItem]]
    enum: type[StrEnum] | None = None

    @property
    def closed(self) -> bool:
        return self.enum is not None


class Row(NamedTuple):
    """Authoring shorthand for one seed item; `make_items` turns rows into items."""

    code: str
    label_lv: str
    label_en: str
    extra: Mapping[str, ExtraValue] | None = None
    valid_from: date | None = None
    valid_to: date | None = None


SORT_STEP = 10


def make_items(rows: Iterable[Row]) -> list[ReferenceItem]:
    """Items in the given order; `sort` = 10, 20, 30… (gaps leave room for local additions)."""
    return [
        ReferenceItem(
            code=row.code,
            label_lv=row.label_lv,
            label_en=row.label_en,
            valid_from=row.valid_from,
            valid_to=row.valid_to,
            extra=dict(row.extra or {}),
            sort=(index + 1) * SORT_STEP,
        )
        for index, row in enumerate(rows)
    ]


def make_sorted_items(rows: Iterable[Row]) -> list[ReferenceItem]:
    """Items ordered by their Latvian label (Latvian alphabet), ties broken by code."""
    ordered = sorted(rows, key=lambda row: (latvian_sort_key(row.label_lv), row.code))
    return make_items(ordered)


# --- Latvian collation ------------------------------------------------------------
# Latvian alphabet order (CLDR "lv"): č ģ ķ ļ ņ š ž are letters of their own that follow
# c g k l n s z; the long vowels ā ē ī ū (and the historic ō) sort with their short vowel
# at the primary level and after it at the secondary level.

_ALPHABET_GROUPS = (
    "0",
    "1",
    "2",
    "3",
    "4",
    "5",
    "6",
    "7",
    "8",
    "9",
    "aā",
    "b",
    "c",
    "č",
    "d",
    "eē",
    "f",
    "g",
    "ģ",
    "h",
    "iī",
    "y",
    "j",
    "k",
    "ķ",
    "l",
    "ļ",
    "m",
    "n",
    "ņ",
    "oō",
    "p",
    "q",
    "r",
    "ŗ",
    "s",
    "š",
    "t",
    "uū",
    "v",
    "w",
    "x",
    "z",
    "ž",
)
_PRIMARY: dict[str, int] = {
    char: weight for weight, group in enumerate(_ALPHABET_GROUPS, start=2) for char in group
}


def _primary_weight(char: str) -> int:
    if char in _PRIMARY:
        return _PRIMARY[char]
    if char.isspace():
        return 1
    base = unicodedata.normalize("NFD", char)[0]
    if base in _PRIMARY:
        return _PRIMARY[base]
    if not base.isalnum():
        return 0  # punctuation (quotes, dots, hyphens) is ignored at the primary level
    return 1000 + ord(base)


def latvian_sort_key(text: str) -> tuple[tuple[int, ...], str]:
    """Sort key following the Latvian alphabet (a ā b c č d e ē … s š t u ū v z ž)."""
    lowered = text.casefold()
    primary = tuple(w for w in (_primary_weight(c) for c in lowered) if w)
    return primary, lowered
