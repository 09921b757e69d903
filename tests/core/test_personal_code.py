"""Latvian personal code (domain.md §8.1). All codes here are made up or published examples."""

from __future__ import annotations

import random
from datetime import date

import pytest
from pydantic import BaseModel, ValidationError

from registry_core import messages
from registry_core.identifiers.personal_code import (
    LatvianPersonalCode,
    PersonalCode,
    is_valid_personal_code,
    legacy_check_digit,
    parse_personal_code,
)
from registry_core.messages import DomainError

# --------------------------------------------------------------------------- checksum


@pytest.mark.parametrize(
    ("first_ten", "expected"),
    [
        ("1611751999", 7),  # worked example: S = 291, (1101 − 291) mod 11 = 7
        ("0611930646", 0),  # S = 233, remainder 10 → 0
        ("2902121234", 4),
        ("3112991234", 5),
        ("0101000123", 0),
    ],
)
def test_legacy_check_digit(first_ten: str, expected: int) -> None:
    assert legacy_check_digit(first_ten) == expected


def test_remainder_ten_fixture_really_has_remainder_ten() -> None:
    weights = (1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip("0611930646", weights, strict=True))
    assert total == 233
    assert (1101 - total) % 11 == 10


@pytest.mark.parametrize("bad", ["161175199", "16117519A7", "１６１１７５１９９７"])
def test_legacy_check_digit_needs_ten_ascii_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        legacy_check_digit(bad)


# ----------------------------------------------------------------------- legacy codes


def test_worked_example() -> None:
    assert parse_personal_code("161175-19997") == PersonalCode(
        normalized="16117519997",
        formatted="161175-19997",
        kind="legacy",
        birth_date=date(1975, 11, 16),
        warnings=(),
    )


def test_remainder_ten_maps_to_zero_and_is_accepted() -> None:
    code = parse_personal_code("061193-06460")
    assert code.kind == "legacy"
    assert code.birth_date == date(1893, 11, 6)
    assert code.warnings == ()


def test_remainder_ten_with_check_digit_ten_mod_eleven_style_is_refused() -> None:
    # Any last digit other than 0 is wrong for this code.
    with pytest.raises(DomainError) as exc:
        parse_personal_code("061193-06461")
    assert exc.value.code == "personal_code.checksum"


@pytest.mark.parametrize(
    "text",
    [
        "161175-19997",
        "16117519997",
        " 161175-19997 ",
        "161175 - 19997",
        "161175 19997",
        "\t161175\u00a019997\n",
        "161175\u201319997",  # en dash from a word processor
        "161175\u201119997",  # non-breaking hyphen
    ],
)
def test_hyphen_optional_and_whitespace_tolerated(text: str) -> None:
    code = parse_personal_code(text)
    assert code.normalized == "16117519997"
    assert code.formatted == "161175-19997"


@pytest.mark.parametrize(
    ("text", "birth_date"),
    [
        ("010100-01230", date(1800, 1, 1)),  # century digit 0
        ("290212-12344", date(1912, 2, 29)),  # century digit 1, leap year
        ("290200-23453", date(2000, 2, 29)),  # century digit 2, 2000 is leap
        ("311299-12345", date(1999, 12, 31)),  # starts with 31: a legacy date, not "new"
        ("250190-12345", date(1990, 1, 25)),
        ("301190-12349", date(1990, 11, 30)),
    ],
)
def test_century_digit_and_birth_date(text: str, birth_date: date) -> None:
    code = parse_personal_code(text)
    assert code.kind == "legacy"
    assert code.birth_date == birth_date


@pytest.mark.parametrize(
    "text",
    [
        "290213-12344",  # 29 Feb 1913 does not exist
        "290200-13458",  # 1900 is not a leap year
        "310275-12340",  # 31 February
        "000190-12345",  # day 0
        "011390-12345",  # month 13
        "010101-31237",  # century digit 3 is not defined
        "010101-91234",  # century digit 9 is not defined
    ],
)
def test_impossible_birth_date_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_personal_code(text)
    assert exc.value.code == "personal_code.date"
    assert exc.value.field == "personal_code"


@pytest.mark.parametrize("text", ["161175-19990", "161175-19998", "290212-12345", "311299-12340"])
def test_wrong_check_digit_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_personal_code(text)
    assert exc.value.code == "personal_code.checksum"
    assert exc.value.message("lv") == "Personas koda kontrolcipars nav pareizs."
    assert exc.value.message("en") == "The personal code's check digit is wrong."


def test_every_wrong_last_digit_is_refused() -> None:
    refused = [d for d in "0123456789" if not is_valid_personal_code(f"161175-1999{d}")]
    assert refused == ["0", "1", "2", "3", "4", "5", "6", "8", "9"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "16117519",
        "161175-1999",
        "161175-199977",
        "16117A-19997",
        "1611-7519997",  # hyphen in the wrong place
        "161175--19997",
        "161175/19997",
        "-16117519997",
        "１６１１７５-１９９９７",  # full-width digits
        "161175-19997x",
    ],
)
def test_wrong_shape_is_refused(text: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_personal_code(text, field="person.personal_code")
    assert exc.value.code == "personal_code.format"
    assert exc.value.field == "person.personal_code"


# -------------------------------------------------------------------------- new codes


@pytest.mark.parametrize(
    ("text", "warnings"),
    [
        ("324815-62342", ()),
        ("334815-62347", ()),
        ("344815-62341", ()),
        ("354815-62346", ()),
        ("364815-62340", ()),
        ("374815-62345", ()),
        ("384815-62340", ()),
        ("394815-62344", ()),
        ("324815-62343", ("personal_code.new_unverified_checksum",)),
        ("394815-62340", ("personal_code.new_unverified_checksum",)),
    ],
)
def test_new_format_any_second_digit_two_to_nine(text: str, warnings: tuple[str, ...]) -> None:
    code = parse_personal_code(text)
    assert code.kind == "new"
    assert code.birth_date is None
    assert code.formatted == text
    assert code.normalized == text.replace("-", "")
    assert code.warnings == warnings


def test_new_format_without_hyphen_is_formatted() -> None:
    code = parse_personal_code("32555123458")
    assert code.formatted == "325551-23458"
    assert code.kind == "new"
    assert code.warnings == ()


def test_new_format_is_never_refused_for_its_last_digit() -> None:
    rng = random.Random(20170701)
    for _ in range(300):
        digits = "3" + str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(9))
        code = parse_personal_code(digits)
        assert code.kind == "new"
        matches = legacy_check_digit(digits[:10]) == int(digits[10])
        assert code.warnings == (() if matches else ("personal_code.new_unverified_checksum",))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("311375-12345", "personal_code.date"),  # "31…" is not the new format: month 13
        ("310275-12340", "personal_code.date"),  # 31 February
        ("311299-12341", "personal_code.checksum"),  # real date, wrong check digit
        ("301190-12348", "personal_code.checksum"),
    ],
)
def test_codes_starting_30_or_31_are_judged_as_legacy(text: str, code: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_personal_code(text)
    assert exc.value.code == code


def test_is_valid_personal_code() -> None:
    assert is_valid_personal_code("161175-19997") is True
    assert is_valid_personal_code("324815-62343") is True  # warning only
    assert is_valid_personal_code("161175-19990") is False
    assert is_valid_personal_code("not a code") is False


# ------------------------------------------------------------------- pydantic & texts


class _Person(BaseModel):
    personal_code: LatvianPersonalCode


def test_annotated_type_normalises_to_formatted_form() -> None:
    assert _Person(personal_code=" 16117519997 ").personal_code == "161175-19997"
    assert _Person(personal_code="32555123458").personal_code == "325551-23458"


def test_annotated_type_reports_domain_error_with_field() -> None:
    with pytest.raises(ValidationError) as exc:
        _Person(personal_code="161175-19990")
    error = exc.value.errors()[0]["ctx"]["error"]
    assert isinstance(error, DomainError)
    assert error.code == "personal_code.checksum"
    assert error.field == "personal_code"
    assert messages.field_errors(exc.value, "lv") == {
        "personal_code": "Personas koda kontrolcipars nav pareizs."
    }
    assert messages.field_errors(exc.value, "en") == {
        "personal_code": "The personal code's check digit is wrong."
    }


@pytest.mark.parametrize(
    "code",
    [
        "personal_code.format",
        "personal_code.date",
        "personal_code.checksum",
        "personal_code.new_unverified_checksum",
    ],
)
def test_message_codes_are_registered_in_both_languages(code: str) -> None:
    assert messages.known(code)
    latvian, english = messages.text(code, "lv"), messages.text(code, "en")
    assert latvian != code and english != code
    assert latvian != english
