"""Latvian public holidays and working-day arithmetic.

Legal deadlines between PMLP and VRS are counted in working days (Cabinet Reg. 454/2011:
"within 1 working day", "within 3 working days"; domain.md §2.2). A working day is a
Monday to Friday that is not a public holiday under the Law on Public Holidays,
Commemoration Days and Celebration Days:

* 1 January (Jaungada diena);
* Good Friday, Easter Sunday, Easter Monday (Western Easter);
* 1 May (Darba svētki, Satversmes sapulces sasaukšanas diena);
* 4 May (Neatkarības atjaunošanas diena) — when it falls on a Saturday or Sunday, the
  next Monday is a holiday;
* Mother's Day (second Sunday of May) and Whitsunday (Easter + 49) — always Sundays, listed
  for completeness;
* 23 and 24 June (Līgo, Jāņi);
* 18 November (Proclamation Day) — same Monday transfer rule as 4 May;
* 24, 25, 26 and 31 December.

The Cabinet sometimes adds one-off holidays (e.g. the closing day of the Song and Dance
Festival) and moves a working day to a Saturday to bridge a holiday. Those are not
computable: put them in a `WorkCalendar(extra_holidays=..., extra_working_days=...)` and
pass that calendar to the functions here (the lifecycle takes it from its config).
Historical rule changes (the transfer rule and 24/31 December date from 2007) are not
modelled; the current rules are applied to every year.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from types import MappingProxyType
from typing import Final

__all__ = [
    "DEFAULT_CALENDAR",
    "WorkCalendar",
    "add_months",
    "add_working_days",
    "easter_sunday",
    "is_public_holiday",
    "is_working_day",
    "latvian_public_holidays",
    "next_working_day",
    "working_days_between",
]

_SATURDAY: Final = 5


def easter_sunday(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    if year < 1583:
        raise ValueError("the Gregorian Easter computation starts in 1583")
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def add_months(d: date, months: int) -> date:
    """`d` plus calendar months; a day missing in the target month becomes its last day
    (31 Jan + 1 month = 28/29 Feb). Negative `months` go back."""
    index = d.year * 12 + d.month - 1 + months
    year, month0 = divmod(index, 12)
    month = month0 + 1
    next_first = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_first - timedelta(days=1)).day
    return date(year, month, min(d.day, last_day))


def _transferred(d: date) -> date | None:
    """The Monday that replaces a holiday falling on a weekend (4 May, 18 November)."""
    if d.weekday() >= _SATURDAY:
        return d + timedelta(days=7 - d.weekday())
    return None


@lru_cache(maxsize=256)
def _holidays(year: int) -> MappingProxyType[date, str]:
    easter = easter_sunday(year)
    days: dict[date, str] = {
        date(year, 1, 1): "new_year",
        easter - timedelta(days=2): "good_friday",
        easter: "easter_sunday",
        easter + timedelta(days=1): "easter_monday",
        date(year, 5, 1): "labour_day",
        date(year, 5, 4): "restoration_of_independence",
        easter + timedelta(days=49): "whitsunday",
        date(year, 6, 23): "ligo",
        date(year, 6, 24): "jani",
        date(year, 11, 18): "proclamation_day",
        date(year, 12, 24): "christmas_eve",
        date(year, 12, 25): "christmas",
        date(year, 12, 26): "second_christmas",
        date(year, 12, 31): "new_years_eve",
    }
    first_may = date(year, 5, 1)
    mothers_day = first_may + timedelta(days=(6 - first_may.weekday()) % 7 + 7)
    days.setdefault(mothers_day, "mothers_day")
    for fixed, code in (
        (date(year, 5, 4), "restoration_of_independence"),
        (date(year, 11, 18), "proclamation_day"),
    ):
        monday = _transferred(fixed)
        if monday is not None:
            days.setdefault(monday, f"{code}_transferred")
    return MappingProxyType(dict(sorted(days.items())))


def latvian_public_holidays(year: int) -> MappingProxyType[date, str]:
    """The statutory public holidays of `year` as {date: holiday code}, in date order."""
    return _holidays(year)


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Statutory holidays plus the Cabinet's one-off changes.

    `extra_holidays`: additional days off (one-off holidays, bridge days);
    `extra_working_days`: Saturdays declared working days to bridge a holiday.
    """

    extra_holidays: frozenset[date] = field(default_factory=frozenset)
    extra_working_days: frozenset[date] = field(default_factory=frozenset)

    def is_holiday(self, d: date) -> bool:
        return d in _holidays(d.year) or d in self.extra_holidays

    def is_working_day(self, d: date) -> bool:
        if d in self.extra_working_days:
            return True
        return d.weekday() < _SATURDAY and not self.is_holiday(d)

    def next_working_day(self, d: date) -> date:
        """`d` itself when it is a working day, otherwise the first working day after it."""
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (n ≥ 0; n = 0 gives `d` unchanged)."""
        if n < 0:
            raise ValueError("n must not be negative")
        while n > 0:
            d += timedelta(days=1)
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, start: date, end: date) -> int:
        """Working days in the half-open interval (start, end]; negative when end < start.

        The inverse of `add_working_days`: `working_days_between(d, add_working_days(d, n)) == n`.
        """
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        d = start
        while d < end:
            d += timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count


DEFAULT_CALENDAR: Final = WorkCalendar()


def is_public_holiday(d: date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> bool:
    return calendar.is_holiday(d)


def is_working_day(d: date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> bool:
    """Monday–Friday and not a public holiday (or a Saturday the Cabinet made a working day)."""
    return calendar.is_working_day(d)


def next_working_day(d: date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> date:
    return calendar.next_working_day(d)


def add_working_days(d: date, n: int, calendar: WorkCalendar = DEFAULT_CALENDAR) -> date:
    """The n-th working day after `d` (n ≥ 0): Friday + 1 is Monday (absent holidays)."""
    return calendar.add_working_days(d, n)


def working_days_between(start: date, end: date, calendar: WorkCalendar = DEFAULT_CALENDAR) -> int:
    """Working days in (start, end]; negative when end < start."""
    return calendar.working_days_between(start, end)
