from __future__ import annotations

from datetime import date, timedelta

import pytest

from registry_core.workdays import (
    WorkCalendar,
    add_months,
    add_working_days,
    easter_sunday,
    is_public_holiday,
    is_working_day,
    latvian_public_holidays,
    next_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2008, date(2008, 3, 23)),
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2038, date(2038, 4, 25)),
        (2285, date(2285, 3, 22)),
    ],
)
def test_easter_sunday(year: int, easter: date) -> None:
    assert easter_sunday(year) == easter


def test_easter_before_gregorian_calendar_is_refused() -> None:
    with pytest.raises(ValueError):
        easter_sunday(1500)


def test_holidays_2026_are_exactly_the_statutory_list() -> None:
    assert set(latvian_public_holidays(2026)) == {
        date(2026, 1, 1),
        date(2026, 4, 3),  # Good Friday
        date(2026, 4, 5),  # Easter Sunday
        date(2026, 4, 6),  # Easter Monday
        date(2026, 5, 1),
        date(2026, 5, 4),  # a Monday: no transfer needed
        date(2026, 5, 10),  # Mother's Day (second Sunday of May)
        date(2026, 5, 24),  # Whitsunday
        date(2026, 6, 23),
        date(2026, 6, 24),
        date(2026, 11, 18),
        date(2026, 12, 24),
        date(2026, 12, 25),
        date(2026, 12, 26),
        date(2026, 12, 31),
    }


@pytest.mark.parametrize(
    ("weekend_day", "monday"),
    [
        (date(2024, 5, 4), date(2024, 5, 6)),  # Saturday
        (date(2025, 5, 4), date(2025, 5, 5)),  # Sunday
        (date(2023, 11, 18), date(2023, 11, 20)),  # Saturday
        (date(2029, 11, 18), date(2029, 11, 19)),  # Sunday
    ],
)
def test_4_may_and_18_november_on_a_weekend_move_to_monday(weekend_day: date, monday: date) -> None:
    assert is_public_holiday(weekend_day)
    assert is_public_holiday(monday)
    assert not is_working_day(monday)
    assert latvian_public_holidays(monday.year)[monday].endswith("_transferred")


def test_no_transfer_when_4_may_is_a_weekday() -> None:
    assert not is_public_holiday(date(2026, 5, 5))
    assert is_working_day(date(2026, 5, 5))


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 3, 6), True),  # Friday
        (date(2026, 3, 7), False),  # Saturday
        (date(2026, 3, 8), False),  # Sunday
        (date(2026, 3, 9), True),  # Monday
        (date(2026, 6, 23), False),  # Līgo, Tuesday
        (date(2026, 6, 24), False),  # Jāņi, Wednesday
        (date(2026, 6, 25), True),
        (date(2026, 12, 31), False),  # Thursday
        (date(2027, 3, 26), False),  # Good Friday 2027
        (date(2027, 3, 29), False),  # Easter Monday 2027
    ],
)
def test_is_working_day(day: date, working: bool) -> None:
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2026, 3, 6), 1, date(2026, 3, 9)),  # Friday + 1 = Monday
        (date(2026, 3, 7), 1, date(2026, 3, 9)),  # from a Saturday
        (date(2026, 3, 9), 3, date(2026, 3, 12)),  # plain week
        (date(2026, 5, 1), 1, date(2026, 5, 5)),  # 1 May Fri, 4 May Mon holiday
        (date(2027, 3, 25), 1, date(2027, 3, 30)),  # Good Friday + Easter Monday 2027
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Easter 2026
        (date(2026, 6, 22), 3, date(2026, 6, 29)),  # Midsummer
        (date(2026, 12, 23), 1, date(2026, 12, 28)),  # Christmas
        (date(2026, 12, 23), 4, date(2027, 1, 4)),  # over New Year's Eve and Day
        (date(2028, 11, 17), 1, date(2028, 11, 21)),  # 18 Nov 2028 Sat -> Mon 20 off
        (date(2026, 3, 10), 0, date(2026, 3, 10)),
    ],
)
def test_add_working_days(start: date, n: int, expected: date) -> None:
    assert add_working_days(start, n) == expected


def test_add_working_days_refuses_negative() -> None:
    with pytest.raises(ValueError):
        add_working_days(date(2026, 3, 10), -1)


def test_working_days_between() -> None:
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 6)) == 0
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 1
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 6)) == -1
    # Dec 2026 after the 1st: 22 weekdays minus 24, 25 and 31 December.
    assert working_days_between(date(2026, 12, 1), date(2027, 1, 1)) == 19


def test_working_days_between_inverts_add_working_days() -> None:
    start = date(2026, 1, 1)
    for offset in range(0, 400, 3):
        d = start + timedelta(days=offset)
        for n in (1, 3, 10):
            assert working_days_between(d, add_working_days(d, n)) == n


def test_next_working_day() -> None:
    assert next_working_day(date(2026, 3, 9)) == date(2026, 3, 9)
    assert next_working_day(date(2026, 3, 7)) == date(2026, 3, 9)
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 28)


def test_calendar_with_one_off_holiday_and_working_saturday() -> None:
    cal = WorkCalendar(
        extra_holidays=frozenset({date(2023, 5, 29)}),  # one-off day off (a Monday)
        extra_working_days=frozenset({date(2026, 3, 7)}),  # a working Saturday
    )
    assert add_working_days(date(2023, 5, 26), 1, cal) == date(2023, 5, 30)
    assert add_working_days(date(2023, 5, 26), 1) == date(2023, 5, 29)
    assert add_working_days(date(2026, 3, 6), 1, cal) == date(2026, 3, 7)
    assert is_working_day(date(2026, 3, 7), cal)
    assert is_public_holiday(date(2023, 5, 29), cal)


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2026, 11, 30), 2, date(2027, 1, 30)),
        (date(2026, 3, 10), -3, date(2025, 12, 10)),
        (date(2026, 1, 1), 18, date(2027, 7, 1)),
    ],
)
def test_add_months(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected
