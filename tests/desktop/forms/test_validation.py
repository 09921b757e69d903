"""Form validation without Qt: typed-text parsing, the registry's model under each field,
warnings apart from errors, nested paths naming the row, computed figures."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest

from registry_core.messages import DomainError
from registry_desktop.formdefs import load_form
from registry_desktop.formkit import computed
from registry_desktop.formkit import validation as v

PERSON_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c11"
CASE_ID = "7b0e5d4c-6c65-4f9a-9a57-0a4c2d5d7c12"


# --------------------------------------------------------------------------- typed text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("14.03.2026", date(2026, 3, 14)),
        ("4.3.2026", date(2026, 3, 4)),
        ("2026-03-14", date(2026, 3, 14)),
        ("14032026", date(2026, 3, 14)),
        (" 14.03.2026 ", date(2026, 3, 14)),
        ("", None),
    ],
)
def test_dates_as_officers_type_them(typed: str, expected: date | None) -> None:
    assert v.parse_date_text(typed) == expected


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("31.02.2026", "formkit.date_invalid"),
        ("14.13.2026", "formkit.date_invalid"),
        ("14.03.26", "formkit.date_format"),
        ("vakar", "formkit.date_format"),
    ],
)
def test_bad_dates_say_why(typed: str, code: str) -> None:
    with pytest.raises(DomainError) as caught:
        v.parse_date_text(typed)
    assert caught.value.code == code


def test_datetimes_are_riga_time_with_offset() -> None:
    winter = v.parse_datetime_text("14.01.2026 09:30")
    summer = v.parse_datetime_text("14.07.2026 09:30")
    assert winter is not None and winter.isoformat() == "2026-01-14T09:30:00+02:00"
    assert summer is not None and summer.isoformat() == "2026-07-14T09:30:00+03:00"
    assert v.format_datetime("2026-07-14T06:30:00+00:00") == "14.07.2026 09:30"
    with pytest.raises(DomainError) as caught:
        v.parse_datetime_text("14.07.2026 25:00")
    assert caught.value.code == "formkit.time_invalid"
    with pytest.raises(DomainError) as caught:
        v.parse_datetime_text("14.07.2026")
    assert caught.value.code == "formkit.datetime_format"


def test_numbers() -> None:
    assert v.parse_int_text(" 30 ") == 30
    assert v.parse_decimal_text("1 250,50") == "1250.50"
    with pytest.raises(DomainError):
        v.parse_int_text("trīsdesmit")
    with pytest.raises(DomainError):
        v.parse_decimal_text("12,5,0")


def test_partial_date_display() -> None:
    assert v.format_partial("1990") == "1990"
    assert v.format_partial("1990-07") == "07.1990"
    assert v.format_partial("1990-07-14") == "14.07.1990"


# --------------------------------------------------------------------------- validate


def test_missing_required_fields_in_latvian_and_english() -> None:
    form = load_form("sis_alert")
    problems = v.validate(form, {"person_id": PERSON_ID}, lang="lv")
    by_key = {p.key: p for p in problems}
    assert {"alert_type", "national_alert_id", "entered_at"} <= set(by_key)
    assert by_key["entered_at"].message == "Obligāts lauks."
    assert all(p.severity == "error" for p in problems)
    english = v.validate(form, {"person_id": PERSON_ID}, lang="en")
    assert {p.key: p.message for p in english}["entered_at"] == "This field is required."


def test_valid_values_have_no_problems() -> None:
    form = load_form("sis_alert")
    values = {
        "person_id": PERSON_ID,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
    }
    assert v.validate(form, values, lang="lv") == []


def test_cross_field_rule_goes_under_the_field_it_names() -> None:
    form = load_form("sis_alert")
    values = {
        "person_id": PERSON_ID,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "deleted",
    }
    problems = v.validate(form, values, lang="lv")
    assert any(p.key == "deletion_reason" and p.is_error for p in problems)


def test_hidden_fields_are_not_sent_to_the_model() -> None:
    form = load_form("sis_alert")
    values = {
        "person_id": PERSON_ID,
        "alert_type": "return",
        "national_alert_id": "LV-SIS-000123",
        "entered_at": "2026-03-14",
        "status": "entered",
        "deleted_at": "not a date",  # the deletion section is hidden for "entered"
    }
    assert v.validate(form, values, lang="lv") == []
    assert not v.field_visible(form, "deleted_at", values)
    assert v.field_visible(form, "deleted_at", {**values, "status": "deleted"})


def test_a_problem_off_the_form_is_never_lost() -> None:
    form = load_form("sis_alert")
    # person_id is context (not an editor): its error lands on the first field.
    problems = v.validate(
        form,
        {"alert_type": "return", "national_alert_id": "X", "entered_at": "2026-03-14"},
        lang="lv",
    )
    assert problems and problems[0].key == "alert_type"
    (problem,) = problems
    assert problem.path == "person_id" and problem.message == "person_id: Obligāts lauks."


def _case_values(**extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "person_id": PERSON_ID,
        "owner_institution": "VRS",
        "owner_unit": "VRS-RIP",
        "case_type": "return",
        "responsible_officer": "j.ozola",
        "detection_date": "2026-03-14",
        "detection_place": "Lidosta “Rīga”",
        "detecting_unit": "VRS-RIP",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
    }
    values.update(extra)
    return values


def test_nested_paths_name_the_row_and_column() -> None:
    form = load_form("case")
    assert v.validate(form, _case_values(), lang="lv") == []
    values = _case_values(legal_basis=[{"act": "Imigrācijas likums"}, {"section": "41"}])
    problems = v.validate(form, values, lang="lv")
    (problem,) = problems
    assert problem.key == "legal_basis" and problem.path == "legal_basis.1.act"
    assert problem.message.startswith("2. rinda, “")
    assert problem.message.endswith("Obligāts lauks.")
    english = v.validate(form, values, lang="en")
    assert english[0].message.startswith("Row 2, “")


def test_required_by_the_definition_though_not_by_the_model() -> None:
    form = load_form("person")
    guardian = form.field("guardian")
    assert guardian.required is True
    values = {
        "surname_latin": "BĒRZIŅŠ-OZOLIŅA",
        "given_names_latin": "JĀNIS",
        "sex": "M",
        "date_of_birth": "1990",
        "nationalities": [{"country": "UKR", "type": "citizen"}],
        "unaccompanied_minor": True,
    }
    problems = v.validate(form, values, lang="lv")
    assert [p.key for p in problems if p.is_error] == ["guardian"]
    values["unaccompanied_minor"] = False
    assert v.validate(form, values, lang="lv") == []


def _decision_values(**extra: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "case_id": CASE_ID,
        "person_id": PERSON_ID,
        "decision_type": "departure_order",
        "decision_date": "2026-03-14",
        "issuing_institution": "VRS",
        "issuing_unit": "VRS-RIP",
        "official": "J. Ozola",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
        "facts": "Persona uzturējās bez derīgas vīzas.",
        "destination_type": "citizenship",
        "destination_country": "UKR",
        "vd_period_days": 30,
    }
    values.update(extra)
    return values


def test_vd_period_outside_7_to_30_days_is_a_warning_not_an_error() -> None:
    form = load_form("decision")
    assert v.validate(form, _decision_values(), lang="lv") == []
    problems = v.validate(form, _decision_values(vd_period_days=45), lang="lv")
    assert [(p.key, p.severity) for p in problems] == [("vd_period_days", "warning")]
    assert "45" in problems[0].message and "7–30" in problems[0].message


def test_decision_rules_of_the_model() -> None:
    form = load_form("decision")
    problems = v.validate(form, _decision_values(vd_period_days=None), lang="lv")
    assert [p.key for p in problems] == ["vd_period_days"]
    refused = _decision_values(acknowledgment="refused_to_sign")
    assert [p.key for p in v.validate(form, refused, lang="lv")] == ["refusal_note"]


def test_entry_ban_over_five_years_warns() -> None:
    form = load_form("entry_ban")
    values = {
        "person_id": PERSON_ID,
        "ban_decision_date": "2026-03-14",
        "valid_from": "2026-03-20",
        "duration_years": 7,
        "territorial_scope": "LV_SCHENGEN",
        "decision_maker": "vrs_head",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "61"}],
    }
    problems = v.validate(form, values, lang="lv")
    warnings = [p for p in problems if p.severity == "warning"]
    assert [p.key for p in warnings] == ["duration_years"]
    assert not [p for p in problems if p.is_error], problems


def test_personal_code_soft_warning() -> None:
    form = load_form("person")
    values = {
        "surname_latin": "OZOLA",
        "given_names_latin": "JANA",
        "sex": "F",
        "date_of_birth": "1990",
        "nationalities": [{"country": "LVA", "type": "citizen"}],
        "personal_code": "32000000000",
    }
    problems = v.validate(form, values, lang="lv")
    assert [(p.key, p.severity) for p in problems] == [("personal_code", "warning")]


# --------------------------------------------------------------------------- computed


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> date:
    fixed = date(2026, 3, 10)
    monkeypatch.setattr(computed, "today", lambda: fixed)
    return fixed


def test_vd_deadline(today: date) -> None:
    shown = computed.vd_deadline(
        {"vd_period_days": 30, "served_at": "2026-03-01T10:00:00+02:00"}, "lv"
    )
    assert shown is not None and shown.startswith("31.03.2026")
    assert not computed.is_alert(shown)
    soon = computed.vd_deadline(
        {"vd_period_days": 10, "served_at": "2026-03-01T10:00:00+02:00"}, "lv"
    )
    assert soon is not None and soon.startswith("11.03.2026") and computed.is_alert(soon)
    assert "1" in soon
    before = computed.vd_deadline({"vd_period_days": 30}, "en")
    assert before == "30 d. after service"
    assert computed.vd_deadline({}, "lv") is None
    assert computed.vd_deadline({"vd_period_days": "x"}, "lv") is None


def test_ban_end_date(today: date) -> None:
    values = {"valid_from": "2026-03-20", "duration_years": 3}
    assert computed.ban_end_date(values, "lv") == "19.03.2029"
    assert computed.ban_end_date({"indefinite": True}, "en") == "indefinite"
    pending = computed.ban_end_date({"start_pending_departure": True, "duration_years": 2}, "lv")
    assert pending == "sāksies izceļošanas dienā"


def test_detention_days_and_court_days(today: date) -> None:
    days = computed.detention_days_total({"detained_at": "2026-03-01T08:00:00+02:00"}, "lv")
    assert days == "10 d."
    released = computed.detention_days_total(
        {"detained_at": "2026-03-01T08:00:00+02:00", "released_at": "2026-03-03T08:00:00+02:00"},
        "lv",
    )
    assert released == "3 d."
    rows = [
        {"authorised_until": "2026-03-12"},
        {"authorised_until": "2026-05-01"},
    ]
    far = computed.court_days_left({"court_authorisations": rows}, "lv")
    assert far is not None and far.startswith("52 d.") and not computed.is_alert(far)
    near = computed.court_days_left({"court_authorisations": rows[:1]}, "lv")
    assert near is not None and computed.is_alert(near)
    gone = computed.court_days_left(
        {"court_authorisations": [{"authorised_until": "2026-03-01"}]}, "en"
    )
    assert gone == "expired on 01.03.2026" and computed.is_alert(gone)


def test_every_computed_name_of_the_definitions_exists() -> None:
    from registry_desktop.formdefs import all_forms

    names = {
        f.compute or f.key
        for form in all_forms().values()
        for f in form.fields()
        if f.widget == "computed"
    }
    assert names <= set(computed.COMPUTED)


def test_computed_never_raises() -> None:
    for fn in computed.COMPUTED.values():
        for values in ({}, {"served_at": "x", "vd_period_days": -1}, {"court_authorisations": "x"}):
            fn(values, "lv")
    assert computed.compute("nope", {}, "lv") is None
    assert v.add_days(date(2026, 1, 31), 1) == date(2026, 2, 1)
    assert v.days_between(date(2026, 1, 1), date(2026, 1, 1) + timedelta(days=3)) == 3


def test_decimal_limits_in_the_officers_language() -> None:
    form = load_form("departure")
    values = {"costs": [{"item": "x", "amount_eur": "1.234", "payer_type": "state"}]}
    (problem,) = [p for p in v.validate(form, values, lang="lv") if p.key == "costs"]
    assert problem.message.endswith("Ne vairāk kā 2 zīmes aiz komata.")
    (english,) = [p for p in v.validate(form, values, lang="en") if p.key == "costs"]
    assert english.message.endswith("At most 2 decimal places.")


def test_a_time_without_offset_is_a_message_not_a_crash() -> None:
    form = load_form("detention")
    values = {
        "case_id": CASE_ID,
        "person_id": PERSON_ID,
        "detained_at": "2026-10-02T10:00:00+03:00",
        "released_at": "2026-10-03T10:00:00",
        "release_reason": "other",
        "detaining_unit": "VRS-RIP",
        "detaining_official": "Jānis Bērziņš",
        "place_of_detention": "OTHER",
        "detention_reason": "other",
    }
    problems = v.validate(form, values, lang="lv")
    assert [(p.key, p.severity) for p in problems] == [("released_at", "error")]
