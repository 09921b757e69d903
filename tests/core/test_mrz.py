"""ICAO 9303 MRZ (domain.md §8.2). Only ICAO "Utopia" specimens and made-up people."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from registry_core import messages
from registry_core.identifiers.mrz import (
    ICAO_SPECIAL_CODES,
    CheckResult,
    MrzFields,
    MrzResult,
    build_td3,
    check_digit,
    format_mrz,
    normalize_country_code,
    parse_mrz,
)
from registry_core.messages import DomainError

TODAY = date(2025, 6, 1)

TD3 = (
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
)
TD2 = (
    "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<",
    "D231458907UTO7408122F1204159<<<<<<<6",
)
TD1 = (
    "I<UTOD231458907<<<<<<<<<<<<<<<",
    "7408122F1204159UTO<<<<<<<<<<<6",
    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
)


def _parse(lines: tuple[str, ...] | list[str], today: date = TODAY) -> MrzResult:
    return parse_mrz("\n".join(lines), today=today)


def _failed(result: MrzResult) -> set[str]:
    return {c.name for c in result.checks if not c.ok}


def _corrupt(lines: tuple[str, ...], line: int, pos: int, char: str) -> list[str]:
    out = list(lines)
    assert out[line][pos] != char, "fixture must really change a character"
    out[line] = out[line][:pos] + char + out[line][pos + 1 :]
    return out


# ------------------------------------------------------------------------ check digit


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("L898902C3", 6),
        ("740812", 2),
        ("120415", 9),
        ("ZE184226B<<<<<", 1),
        ("D23145890", 7),
        ("<<<<<<", 0),
        ("", 0),
        ("1", 7),
        ("01", 3),
        ("001", 1),
        ("A", 0),  # 10 × 7 = 70
        ("B", 7),  # 11 × 7 = 77
        ("Z", 5),  # 35 × 7 = 245
        ("L898902C3674081221204159ZE184226B<<<<<1", 0),  # TD3 specimen composite
    ],
)
def test_check_digit(data: str, expected: int) -> None:
    assert check_digit(data) == expected


@pytest.mark.parametrize("bad", ["a", " ", "-", "É"])
def test_check_digit_refuses_non_mrz_characters(bad: str) -> None:
    with pytest.raises(DomainError) as exc:
        check_digit("AB" + bad)
    assert exc.value.code == "mrz.charset"


# --------------------------------------------------------------------------- specimens


def test_td3_specimen() -> None:
    r = _parse(TD3)
    assert r.format == "TD3"
    assert r.document_code == "P"
    assert r.issuing_state == "UTO"
    assert r.surname == "ERIKSSON"
    assert r.given_names == "ANNA MARIA"
    assert r.document_number == "L898902C3"
    assert r.nationality == "UTO"
    assert r.birth_date == date(1974, 8, 12)
    assert r.birth_date_raw == "740812"
    assert r.sex == "F"
    assert r.expiry_date == date(2012, 4, 15)
    assert r.expiry_date_raw == "120415"
    assert r.optional_data == "ZE184226B"
    assert r.optional_data_2 == ""
    assert r.checks == (
        CheckResult("document_number", 6, "6", True),
        CheckResult("birth_date", 2, "2", True),
        CheckResult("expiry_date", 9, "9", True),
        CheckResult("optional_data", 1, "1", True),
        CheckResult("composite", 0, "0", True),
    )
    assert r.valid is True
    assert r.warnings == ("mrz.document_expired",)
    assert r.lines == TD3


def test_td2_specimen() -> None:
    r = _parse(TD2)
    assert (r.format, r.document_code, r.issuing_state, r.nationality) == ("TD2", "I", "UTO", "UTO")
    assert (r.surname, r.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert r.document_number == "D23145890"
    assert (r.birth_date, r.sex, r.expiry_date) == (date(1974, 8, 12), "F", date(2012, 4, 15))
    assert r.optional_data == ""
    assert r.checks == (
        CheckResult("document_number", 7, "7", True),
        CheckResult("birth_date", 2, "2", True),
        CheckResult("expiry_date", 9, "9", True),
        CheckResult("composite", 6, "6", True),
    )
    assert r.valid is True
    assert r.warnings == ("mrz.document_expired",)


def test_td1_specimen() -> None:
    r = _parse(TD1)
    assert (r.format, r.document_code, r.issuing_state, r.nationality) == ("TD1", "I", "UTO", "UTO")
    assert (r.surname, r.given_names) == ("ERIKSSON", "ANNA MARIA")
    assert r.document_number == "D23145890"
    assert (r.birth_date, r.sex, r.expiry_date) == (date(1974, 8, 12), "F", date(2012, 4, 15))
    assert (r.optional_data, r.optional_data_2) == ("", "")
    assert r.checks == (
        CheckResult("document_number", 7, "7", True),
        CheckResult("birth_date", 2, "2", True),
        CheckResult("expiry_date", 9, "9", True),
        CheckResult("composite", 6, "6", True),
    )
    assert r.valid is True
    assert r.lines == TD1


def test_check_lookup_by_name() -> None:
    r = _parse(TD2)
    assert r.check("composite") == CheckResult("composite", 6, "6", True)
    assert r.check("optional_data") is None


def test_specimen_not_expired_before_its_expiry() -> None:
    assert _parse(TD3, today=date(2011, 1, 1)).warnings == ()


# ------------------------------------------------------------------ corrupted characters


@pytest.mark.parametrize(
    ("line", "pos", "char", "failed"),
    [
        (1, 2, "7", {"document_number", "composite"}),
        (1, 9, "5", {"document_number", "composite"}),
        (1, 11, "S", set()),  # nationality is outside every check
        (1, 18, "3", {"birth_date", "composite"}),
        (1, 19, "3", {"birth_date", "composite"}),
        (1, 20, "M", set()),  # sex is outside every check
        (1, 26, "6", {"expiry_date", "composite"}),
        (1, 27, "8", {"expiry_date", "composite"}),
        (1, 30, "2", {"optional_data", "composite"}),
        (1, 42, "2", {"optional_data", "composite"}),
        (1, 43, "1", {"composite"}),
        (0, 7, "X", set()),  # name
    ],
)
def test_td3_corruption_flips_exactly_the_right_checks(
    line: int, pos: int, char: str, failed: set[str]
) -> None:
    r = _parse(_corrupt(TD3, line, pos, char))
    assert _failed(r) == failed
    assert r.valid is (not failed)
    assert ("mrz.check_digit_mismatch" in r.warnings) is bool(failed)


def test_failed_check_reports_expected_and_found() -> None:
    r = _parse(_corrupt(TD3, 1, 9, "5"))
    assert r.check("document_number") == CheckResult("document_number", 6, "5", False)
    # composite index 9 has weight 7: one less there moves the expected digit 0 → 3
    assert r.check("composite") == CheckResult("composite", 3, "0", False)
    assert r.document_number == "L898902C3"  # data still returned for the officer
    assert r.warnings[0] == "mrz.check_digit_mismatch"


@pytest.mark.parametrize(
    ("line", "pos", "char", "failed"),
    [
        (1, 3, "2", {"document_number", "composite"}),
        (1, 9, "1", {"document_number", "composite"}),
        (1, 11, "S", set()),
        (1, 15, "9", {"birth_date", "composite"}),
        (1, 24, "5", {"expiry_date", "composite"}),
        # optional data: covered by the composite only ("A" would go unnoticed: 10 × w ≡ 0)
        (1, 30, "B", {"composite"}),
        (1, 35, "7", {"composite"}),
    ],
)
def test_td2_corruption_flips_exactly_the_right_checks(
    line: int, pos: int, char: str, failed: set[str]
) -> None:
    assert _failed(_parse(_corrupt(TD2, line, pos, char))) == failed


@pytest.mark.parametrize(
    ("line", "pos", "char", "failed"),
    [
        (0, 6, "4", {"document_number", "composite"}),
        (0, 14, "1", {"document_number", "composite"}),
        (0, 20, "B", {"composite"}),  # line 1 optional data
        (1, 3, "9", {"birth_date", "composite"}),
        (1, 7, "M", set()),
        (1, 12, "2", {"expiry_date", "composite"}),
        (1, 16, "S", set()),  # nationality
        (1, 20, "Z", {"composite"}),  # line 2 optional data
        (1, 29, "1", {"composite"}),
        (2, 0, "F", set()),
    ],
)
def test_td1_corruption_flips_exactly_the_right_checks(
    line: int, pos: int, char: str, failed: set[str]
) -> None:
    assert _failed(_parse(_corrupt(TD1, line, pos, char))) == failed


# ---------------------------------------------------------------------- pasted input


def test_pasted_text_with_crlf_spaces_lowercase_and_trailing_blanks() -> None:
    text = (
        "\r\n  p<utoeriksson<<anna<maria<<<<<<<<<<<<<<<<<<<   \r\n"
        "L898902C36 UTO7408122F 1204159ZE184226B<<<<<10\t \r\n\r\n"
    )
    r = parse_mrz(text, today=TODAY)
    assert r.lines == TD3
    assert r == _parse(TD3)


def test_pasted_text_with_non_breaking_spaces_and_scanner_control_characters() -> None:
    text = "\x02" + TD2[0] + "\u00a0\r" + TD2[1] + "\x03"
    assert parse_mrz(text, today=TODAY).lines == TD2


@pytest.mark.parametrize("lines", [TD1, TD2, TD3], ids=["TD1", "TD2", "TD3"])
def test_joined_scanner_input_is_split_by_length(lines: tuple[str, ...]) -> None:
    joined = "".join(lines)
    assert len(joined) in (90, 72, 88)
    r = parse_mrz(joined, today=TODAY)
    assert r.lines == lines
    assert r.valid is True


def test_td1_partly_joined_lines() -> None:
    assert parse_mrz(TD1[0] + TD1[1] + "\n" + TD1[2], today=TODAY).lines == TD1


# ---------------------------------------------------------------------- refusals


@pytest.mark.parametrize("text", ["", "   ", "\r\n\r\n", "\x02\x03"])
def test_empty_text_is_not_an_mrz(text: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_mrz(text, today=TODAY)
    assert exc.value.code == "mrz.format"
    assert exc.value.field == "mrz"


def test_line_order_swapped_is_not_an_mrz() -> None:
    with pytest.raises(DomainError) as exc:
        parse_mrz("\n".join((TD1[1], TD1[0], TD1[2])), today=TODAY)
    assert exc.value.code == "mrz.format"


@pytest.mark.parametrize(
    ("text", "chars"),
    [
        (TD3[0][:-1] + "É\n" + TD3[1], "É"),
        (TD3[0].replace("<", "-") + "\n" + TD3[1], "-"),
        ("Passport: " + TD3[1], ":"),
        (TD2[0][:-2] + "«\n" + TD2[1], "«"),
    ],
)
def test_foreign_characters_are_refused(text: str, chars: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_mrz(text, today=TODAY, field="document.mrz")
    assert exc.value.code == "mrz.charset"
    assert exc.value.field == "document.mrz"
    assert exc.value.params == {"chars": chars}
    assert chars in exc.value.message("lv")


@pytest.mark.parametrize(
    ("text", "lengths"),
    [
        (TD3[0][:-1] + "\n" + TD3[1], "43 + 44"),
        (TD3[0] + "\n" + TD3[1] + "<", "44 + 45"),
        (TD3[0], "44"),
        (TD2[0] + "\n" + TD3[1], "36 + 44"),
        (TD1[0] + "\n" + TD1[1], "30 + 30"),
        # right total (88) but a line break in the wrong place is not silently re-aligned
        (TD3[0][:-1] + "\n" + TD3[0][-1] + TD3[1], "43 + 45"),
        ("HELLO", "5"),
    ],
)
def test_wrong_lengths_are_refused(text: str, lengths: str) -> None:
    with pytest.raises(DomainError) as exc:
        parse_mrz(text, today=TODAY)
    assert exc.value.code == "mrz.length"
    assert exc.value.params == {"lengths": lengths}


# ------------------------------------------------------------------ two-digit years


def _td3_with_dates(birth_raw: str, expiry_raw: str) -> tuple[str, str]:
    """The TD3 specimen with other date characters and correctly recomputed check digits."""
    body = (
        "L898902C36UTO"
        + birth_raw
        + str(check_digit(birth_raw))
        + "F"
        + expiry_raw
        + str(check_digit(expiry_raw))
        + "ZE184226B<<<<<1"
    )
    return TD3[0], body + str(check_digit(body[0:10] + body[13:20] + body[21:43]))


@pytest.mark.parametrize(
    ("raw", "today", "expected"),
    [
        ("740812", TODAY, date(1974, 8, 12)),
        ("250601", TODAY, date(2025, 6, 1)),  # born today
        ("250602", TODAY, date(1925, 6, 2)),  # tomorrow → a century ago
        ("991231", TODAY, date(1999, 12, 31)),
        ("000229", TODAY, date(2000, 2, 29)),
        ("100101", TODAY, date(2010, 1, 1)),
        ("300101", TODAY, date(1930, 1, 1)),
        ("300101", date(2031, 1, 1), date(2030, 1, 1)),
        ("050505", date(2101, 1, 1), date(2005, 5, 5)),
    ],
)
def test_birth_year_resolved_to_the_past(raw: str, today: date, expected: date) -> None:
    r = _parse(_td3_with_dates(raw, "300101"), today=today)
    assert r.birth_date == expected
    assert r.birth_date_raw == raw
    assert r.valid is True


@pytest.mark.parametrize(
    ("raw", "today", "expected"),
    [
        ("300101", TODAY, date(2030, 1, 1)),
        ("750101", TODAY, date(2075, 1, 1)),  # 50 years ahead: still the future
        ("760101", TODAY, date(1976, 1, 1)),  # 51 years ahead: an old document instead
        ("991231", TODAY, date(1999, 12, 31)),
        ("120415", TODAY, date(2012, 4, 15)),
        ("050505", date(2090, 1, 1), date(2105, 5, 5)),
    ],
)
def test_expiry_year_resolved_to_the_future_window(raw: str, today: date, expected: date) -> None:
    r = _parse(_td3_with_dates("740812", raw), today=today)
    assert r.expiry_date == expected
    assert ("mrz.document_expired" in r.warnings) is (expected < today)


@pytest.mark.parametrize(
    ("birth_raw", "warning"),
    [
        ("74<<<<", "mrz.birth_date_incomplete"),
        ("<<<<<<", "mrz.birth_date_incomplete"),
        ("7408<<", "mrz.birth_date_incomplete"),
        ("741332", "mrz.birth_date_invalid"),
        ("740230", "mrz.birth_date_invalid"),
        ("74O812", "mrz.birth_date_invalid"),  # letter O read instead of zero
    ],
)
def test_unknown_or_impossible_birth_date_keeps_raw(birth_raw: str, warning: str) -> None:
    r = _parse(_td3_with_dates(birth_raw, "300101"))
    assert r.birth_date is None
    assert r.birth_date_raw == birth_raw
    assert warning in r.warnings
    assert r.valid is True  # check digits were recomputed, so only the date is odd


@pytest.mark.parametrize(
    ("expiry_raw", "warning"),
    [("<<<<<<", "mrz.expiry_date_incomplete"), ("301301", "mrz.expiry_date_invalid")],
)
def test_unknown_or_impossible_expiry_keeps_raw(expiry_raw: str, warning: str) -> None:
    r = _parse(_td3_with_dates("740812", expiry_raw))
    assert r.expiry_date is None
    assert r.expiry_date_raw == expiry_raw
    assert warning in r.warnings
    assert "mrz.document_expired" not in r.warnings


# ----------------------------------------------------------------- names, sex, codes


@pytest.mark.parametrize(
    ("name_field", "surname", "given", "warnings"),
    [
        ("ERIKSSON<<ANNA<MARIA", "ERIKSSON", "ANNA MARIA", ()),
        ("VAN<DER<BERG<<JAN<<<PIETER", "VAN DER BERG", "JAN PIETER", ()),
        ("OZOLINA", "OZOLINA", "", ()),
        ("<<ANNA", "", "ANNA", ()),
        ("ER1KSSON<<ANNA", "ER1KSSON", "ANNA", ("mrz.name_has_digits",)),
        ("B" * 39, "B" * 39, "", ("mrz.name_truncated",)),
    ],
)
def test_name_splitting(
    name_field: str, surname: str, given: str, warnings: tuple[str, ...]
) -> None:
    line1 = ("P<UTO" + name_field).ljust(44, "<")
    r = _parse((line1, TD3[1]))
    assert (r.surname, r.given_names) == (surname, given)
    assert r.warnings == (*warnings, "mrz.document_expired")


@pytest.mark.parametrize(
    ("char", "sex", "warned"),
    [("M", "M", False), ("F", "F", False), ("<", "X", False), ("X", "X", False), ("Q", "X", True)],
)
def test_sex(char: str, sex: str, warned: bool) -> None:
    r = _parse((TD3[0], TD3[1][:20] + char + TD3[1][21:]))
    assert r.sex == sex
    assert ("mrz.sex_invalid" in r.warnings) is warned
    assert r.valid is True  # the sex character is not covered by any check digit


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [("D<<", "DEU"), ("D", "DEU"), ("DEU", "DEU"), ("LVA", "LVA"), ("UTO", "UTO"), ("XXA", "XXA")],
)
def test_normalize_country_code(raw: str, normalised: str) -> None:
    assert normalize_country_code(raw) == normalised


def test_german_d_filler_becomes_deu_on_parse() -> None:
    fields = replace(_round_trip_cases()[0], issuing_state="D", nationality="D")
    line1, line2 = format_mrz(fields)
    assert line1.startswith("P<D<<OZOLS<<JANIS<")
    assert line2[10:13] == "D<<"
    r = _parse((line1, line2))
    assert (r.issuing_state, r.nationality) == ("DEU", "DEU")
    assert r.valid is True
    assert not {"mrz.issuing_state_unknown", "mrz.nationality_unknown"} & set(r.warnings)


@pytest.mark.parametrize("code", sorted(ICAO_SPECIAL_CODES))
def test_icao_special_codes_are_kept(code: str) -> None:
    line1 = ("P<" + code + "ERIKSSON<<ANNA").ljust(44, "<")
    line2 = TD3[1][:10] + code + TD3[1][13:]  # nationality is outside the composite
    r = _parse((line1, line2), today=date(2011, 1, 1))
    assert (r.issuing_state, r.nationality) == (code, code)
    assert r.warnings == ()


def test_unknown_country_codes_are_warned_not_refused() -> None:
    line1 = "P<ZZQERIKSSON<<ANNA".ljust(44, "<")
    line2 = TD3[1][:10] + "QQZ" + TD3[1][13:]
    r = _parse((line1, line2), today=date(2011, 1, 1))
    assert (r.issuing_state, r.nationality) == ("ZZQ", "QQZ")
    assert r.warnings == ("mrz.issuing_state_unknown", "mrz.nationality_unknown")
    assert r.valid is True


# --------------------------------------------------------------- optional-data rules


def test_td3_empty_personal_number_may_have_filler_check_digit() -> None:
    for check_char in ("<", "0"):
        body = "L898902C36UTO7408122F1204159" + "<" * 14 + check_char
        line2 = body + str(check_digit(body[0:10] + body[13:20] + body[21:43]))
        r = _parse((TD3[0], line2))
        assert r.check("optional_data") == CheckResult("optional_data", 0, check_char, True)
        assert r.optional_data == ""
        assert r.valid is True


def test_td3_filler_check_digit_over_real_personal_number_fails() -> None:
    line2 = TD3[1][:42] + "<" + TD3[1][43]
    r = _parse((TD3[0], line2))
    assert r.check("optional_data") == CheckResult("optional_data", 1, "<", False)


def test_td1_long_document_number_overflows_into_optional_data() -> None:
    fields = MrzFields(
        format="TD1",
        document_code="I",
        issuing_state="UTO",
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="D23145890734",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2012, 4, 15),
    )
    lines = format_mrz(fields)
    assert lines[0] == "I<UTOD23145890<7349<<<<<<<<<<<"
    r = _parse(lines)
    assert r.document_number == "D23145890734"
    assert r.check("document_number") == CheckResult("document_number", 9, "9", True)
    assert r.optional_data == ""
    assert r.valid is True
    damaged = _parse(_corrupt(lines, 0, 16, "4"))
    assert damaged.document_number == "D23145890744"
    assert _failed(damaged) == {"document_number", "composite"}


def test_td1_overflow_followed_by_optional_data() -> None:
    lines = (
        "I<UTOD23145890<7349<AB12<<<<<<",
        "7408122F1204159UTO<<<<<<<<<<<",
        "ERIKSSON<<ANNA<MARIA<<<<<<<<<<",
    )
    composite = check_digit(lines[0][5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29])
    lines = (lines[0], lines[1] + str(composite), lines[2])
    r = _parse(lines)
    assert (r.document_number, r.optional_data) == ("D23145890734", "AB12")
    assert r.valid is True


def test_td2_long_document_number_overflows_into_optional_data() -> None:
    fields = replace(
        _round_trip_cases()[1], format="TD2", document_number="X1234567890", optional_data=""
    )
    assert fields.surname == "BERZINA OZOLINA"
    lines = format_mrz(fields)
    assert lines[1][:10] == "X12345678<"
    assert lines[1][28:31] == "90" + str(check_digit("X1234567890"))
    assert _parse(lines).to_fields() == fields


# -------------------------------------------------------------------------- building


def test_build_td3_reproduces_the_specimen() -> None:
    lines = build_td3(
        surname="Eriksson",
        given_names="Anna Maria",
        document_number="L898902C3",
        issuing_state="UTO",
        nationality="UTO",
        birth_date=date(1974, 8, 12),
        sex="F",
        expiry_date=date(2012, 4, 15),
        optional_data="ZE184226B",
    )
    assert lines == TD3


@pytest.mark.parametrize("fmt", ["TD1", "TD2"])
def test_format_mrz_reproduces_the_id_specimens(fmt: str) -> None:
    fields = _parse(TD1 if fmt == "TD1" else TD2).to_fields()
    assert format_mrz(fields) == (TD1 if fmt == "TD1" else TD2)


def test_builder_strips_diacritics_and_separators() -> None:
    line1, _ = build_td3(
        surname="Bērziņa-Ozoliņa",
        given_names="Līga Anna",
        document_number="LV0000001",
        issuing_state="UTO",
        nationality="UTO",
        birth_date=date(1990, 1, 2),
        sex="F",
        expiry_date=date(2030, 1, 2),
    )
    assert line1 == "P<UTOBERZINA<OZOLINA<<LIGA<ANNA".ljust(44, "<")


def test_builder_truncates_long_names() -> None:
    line1, line2 = build_td3(
        surname="Piemērsonovskis-Paraudziņšteins",
        given_names="Kristaps Jānis",
        document_number="AB1234567",
        issuing_state="UTO",
        nationality="UTO",
        birth_date=date(1990, 1, 2),
        sex="M",
        expiry_date=date(2030, 1, 2),
    )
    assert line1 == "P<UTOPIEMERSONOVSKIS<PARAUDZINSTEINS<<KRISTA"
    assert len(line1) == 44
    assert "mrz.name_truncated" in _parse((line1, line2)).warnings


@pytest.mark.parametrize(
    ("change", "code", "field"),
    [
        ({"document_number": "L898902C3X"}, "mrz.field_too_long", "document_number"),
        ({"optional_data": "ZE184226B123456"}, "mrz.field_too_long", "optional_data"),
        ({"optional_data_2": "X"}, "mrz.field_too_long", "optional_data_2"),
        ({"issuing_state": "UTOP"}, "mrz.field_too_long", "issuing_state"),
        ({"surname": "Øster"}, "mrz.charset", "surname"),
        ({"document_number": "L89#902C3"}, "mrz.charset", "document_number"),
    ],
)
def test_builder_refuses_what_cannot_be_encoded(
    change: dict[str, str], code: str, field: str
) -> None:
    fields = replace(_parse(TD3).to_fields(), **change)
    with pytest.raises(DomainError) as exc:
        format_mrz(fields)
    assert (exc.value.code, exc.value.field) == (code, field)


def _round_trip_cases() -> list[MrzFields]:
    base = MrzFields(
        format="TD3",
        document_code="P",
        issuing_state="UTO",
        surname="OZOLS",
        given_names="JANIS",
        document_number="AA0000001",
        nationality="UTO",
        birth_date=date(1988, 3, 14),
        sex="M",
        expiry_date=date(2031, 12, 31),
    )
    return [
        base,
        replace(
            base,
            surname="BERZINA OZOLINA",
            given_names="LIGA ANNA",
            sex="F",
            optional_data="PERS0NAL1",
        ),
        replace(base, sex="X", given_names="", birth_date=None, expiry_date=None),
        replace(base, issuing_state="DEU", nationality="XXA", document_code="PD"),
        replace(base, format="TD2", document_code="I", optional_data="ABC"),
        replace(
            base, format="TD2", document_code="AC", document_number="UTO12345678", optional_data="Z"
        ),
        replace(
            base,
            format="TD1",
            document_code="ID",
            optional_data="121282<88882",
            optional_data_2="EXTRA1",
        ),
        replace(
            base,
            format="TD1",
            document_code="I",
            document_number="AB1234567890123",
            birth_date=date(2000, 2, 29),
            expiry_date=date(2075, 1, 1),
        ),
        replace(
            base,
            format="TD1",
            document_code="C",
            surname="LONGNAMEFORTHEIDCARD",
            given_names="ANNA",
            nationality="RKS",
        ),
    ]


@pytest.mark.parametrize("fields", _round_trip_cases(), ids=lambda f: f"{f.format}-{f.surname}")
def test_round_trip(fields: MrzFields) -> None:
    lines = format_mrz(fields)
    width = {"TD1": 30, "TD2": 36, "TD3": 44}[fields.format]
    assert len(lines) == (3 if fields.format == "TD1" else 2)
    assert all(len(line) == width for line in lines)
    result = _parse(lines)
    assert result.valid is True
    assert result.to_fields() == fields
    assert format_mrz(result.to_fields()) == lines


# -------------------------------------------------------------------------- messages


@pytest.mark.parametrize(
    "code",
    [
        "mrz.format",
        "mrz.charset",
        "mrz.length",
        "mrz.field_too_long",
        "mrz.check_digit_mismatch",
        "mrz.birth_date_incomplete",
        "mrz.birth_date_invalid",
        "mrz.expiry_date_incomplete",
        "mrz.expiry_date_invalid",
        "mrz.document_expired",
        "mrz.sex_invalid",
        "mrz.name_truncated",
        "mrz.name_has_digits",
        "mrz.issuing_state_unknown",
        "mrz.nationality_unknown",
    ],
)
def test_message_codes_are_registered_in_both_languages(code: str) -> None:
    assert messages.known(code)
    latvian, english = messages.text(code, "lv"), messages.text(code, "en")
    assert latvian != code and english != code
    assert latvian != english


def test_length_message_names_the_lengths() -> None:
    with pytest.raises(DomainError) as exc:
        parse_mrz("P<UTO\nL898", today=TODAY)
    assert exc.value.message("en").endswith("lengths received: 5 + 4.")
    assert exc.value.message("lv").endswith("saņemtie garumi: 5 + 4.")
