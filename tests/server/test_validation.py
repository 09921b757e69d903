"""Every validator's bad input answers 422 with the message under its field, in Latvian
and in English, and never a 500."""

from __future__ import annotations

from typing import Any

import pytest

from tests.server.conftest import Registry
from tests.server.factories import case_fields, decision_fields, new_id, op, person_fields

BAN = {
    "ban_decision_date": "2026-11-01",
    "valid_from": "2026-11-01",
    "duration_years": 3,
    "territorial_scope": "LV_SCHENGEN",
    "decision_maker": "vrs_head",
    "legal_basis": [{"act": "Imigrācijas likums", "section": "61"}],
}
DETENTION = {
    "detained_at": "2026-11-20T08:30:00+02:00",
    "detention_reason": "absconding_risk",
    "detaining_unit": "VRS-RIP",
    "detaining_official": "Inspektore Laila Kalniņa",
    "place_of_detention": "AAIC-MUC",
}
DEPARTURE = {
    "exit_type": "forced_escorted",
    "exit_at": "2026-11-25T06:10:00+02:00",
    "bcp": "RIX",
    "transport_mode": "air",
    "destination_country": "UZB",
    "travel_doc_used": "national_passport",
    "notice_given_at": "2026-11-24T12:00:00+02:00",
}

# (collection, fields on top of a valid record, field, Latvian message, English message)
NUL = (
    "Teksts satur neatļautu vadības rakstzīmi (NUL).",
    "The text contains a control character that is not allowed (NUL).",
)

CASES: list[tuple[str, dict[str, Any], str, str, str]] = [
    (
        "persons",
        {"date_of_birth": "1990-13"},
        "date_of_birth",
        "Šāda datuma nav.",
        "There is no such date.",
    ),
    (
        "persons",
        {"date_of_birth": "14/03/1990"},
        "date_of_birth",
        "Datumam jābūt formā DD.MM.GGGG, MM.GGGG vai GGGG.",
        "Date must be DD.MM.YYYY, MM.YYYY or YYYY.",
    ),
    (
        "persons",
        {"date_of_birth": "2999"},
        "date_of_birth",
        "Datums nevar būt nākotnē.",
        "The date cannot be in the future.",
    ),
    (
        "persons",
        {"country_of_birth": "RU"},
        "country_of_birth",
        "Valsts kodam jābūt trim latīņu lielajiem burtiem (ISO 3166 alpha-3).",
        "Country code must be three capital letters (ISO 3166 alpha-3).",
    ),
    (
        "persons",
        {"country_of_birth": "QQQ"},
        "country_of_birth",
        "Kods nav atrodams klasifikatorā.",
        "The code is not in the reference list.",
    ),
    (
        "persons",
        {"personal_code": "161175-19998"},
        "personal_code",
        "Personas koda kontrolcipars nav pareizs.",
        "The personal code's check digit is wrong.",
    ),
    (
        "persons",
        {"nationalities": []},
        "nationalities",
        "Norādiet vismaz vienu pilsonību (vai “nezināma”).",
        "Give at least one nationality (or “unknown”).",
    ),
    (
        "departures",
        {"bcp": None},
        "bcp",
        "Jānorāda robežšķērsošanas vieta vai ārvalsts lidosta.",
        "Give the border crossing point or the foreign airport.",
    ),
    (
        "persons",
        {"nationalities": [{"country": "XYZ"}]},
        "nationalities.0.country",
        "Kods nav atrodams klasifikatorā.",
        "The code is not in the reference list.",
    ),
    (
        "persons",
        {"surname_latin": "  "},
        "surname_latin",
        "Lauks nedrīkst būt tukšs.",
        "This field must not be empty.",
    ),
    ("persons", {"sex": "Q"}, "sex", "Neatļauta vērtība.", "Value not allowed."),
    (
        "persons",
        {"unaccompanied_minor": True},
        "guardian",
        "Nepavadītam nepilngadīgajam jānorāda aizbildnis vai pārstāvis.",
        "An unaccompanied minor needs a guardian or representative.",
    ),
    (
        "persons",
        {"foreign_id_number": "AB123"},
        "foreign_id_country",
        "Ārvalsts identifikācijas numuram jānorāda izdevēja valsts.",
        "A foreign identity number needs its issuing country.",
    ),
    (
        "persons",
        {"warning_flags": ["dangerous"]},
        "warning_flags.0",
        "Kods nav atrodams klasifikatorā.",
        "The code is not in the reference list.",
    ),
    ("persons", {"eye_colour": "blue"}, "eye_colour", "Nezināms lauks.", "Unknown field."),
    # NUL: PostgreSQL cannot store it; refused under its field, in any text, at any depth.
    ("persons", {"surname_latin": "IVA\x00NOVA"}, "surname_latin", *NUL),
    ("persons", {"notes": "Piezīme\x00"}, "notes", *NUL),
    (
        "persons",
        {"other_identities": [{"surname": "PET\x00ROVA", "given_names": "ANNA"}]},
        "other_identities.0.surname",
        *NUL,
    ),
    (
        "documents",
        {"valid_until": "2020-01-01", "issue_date": "2021-01-01"},
        "valid_until",
        "Derīguma termiņš nevar būt pirms izdošanas datuma.",
        "Valid-until cannot be before the issue date.",
    ),
    (
        "documents",
        {"series_and_number": "AB-12#4"},
        "series_and_number",
        "Nepareizs formāts.",
        "Wrong format.",
    ),
    (
        "addresses",
        {"address_type": "latvia", "city": None},
        "city",
        "Latvijas adresei jānorāda vismaz pilsēta vai novads un iela vai mājas nosaukums.",
        "A Latvian address needs at least a city or municipality and a street or house name.",
    ),
    (
        "addresses",
        {"address_type": "abroad", "address_text": None},
        "address_text",
        "Ārvalsts adresei jānorāda valsts un adreses teksts.",
        "An address abroad needs a country and the address text.",
    ),
    ("addresses", {"postcode": "1050"}, "__none__", "", ""),  # LV-1050 and 1050 are both accepted
    ("addresses", {"postcode": "LV-105"}, "postcode", "Nepareizs formāts.", "Wrong format."),
    (
        "cases",
        {"detection_place": None},
        "detection_date",
        "Atgriešanas lietai jānorāda konstatēšanas datums, vieta un struktūrvienība.",
        "A return case needs the detection date, place and unit.",
    ),
    ("cases", {"legal_basis": []}, "legal_basis", "Jānorāda vismaz 1.", "Give at least 1."),
    (
        "cases",
        {"owner_unit": "VRS-NOWHERE"},
        "owner_unit",
        "Kods nav atrodams klasifikatorā.",
        "The code is not in the reference list.",
    ),
    (
        "cases",
        {"detection_date": "28.11.2026"},
        "detection_date",
        "Nepareizs datums.",
        "Invalid date.",
    ),
    (
        "detentions",
        {"released_at": "2026-11-21T08:00:00+02:00"},
        "release_reason",
        "Atbrīvošanai jānorāda iemesls.",
        "A release needs a reason.",
    ),
    (
        "detentions",
        {
            "court_authorisations": [
                {"court": "RRT", "decision_date": "2026-11-22", "authorised_until": "2026-11-01"}
            ]
        },
        "court_authorisations.0.authorised_until",
        "Beigu datums nevar būt pirms sākuma datuma.",
        "The end date cannot be before the start date.",
    ),
    (
        "decisions",
        {"vd_period_days": None},
        "vd_period_days",
        "Izbraukšanas rīkojumam jānorāda brīvprātīgas izbraukšanas termiņš dienās.",
        "A departure order needs the voluntary departure period in days.",
    ),
    (
        "decisions",
        {"decision_type": "removal_decision"},
        "vd_period_days",
        "Brīvprātīgas izbraukšanas termiņš attiecas tikai uz izbraukšanas rīkojumu.",
        "A voluntary departure period belongs only to a departure order.",
    ),
    (
        "decisions",
        {"vd_period_days": 0},
        "vd_period_days",
        "Jābūt vismaz 1.",
        "Must be at least 1.",
    ),
    (
        "decisions",
        {"vd_period_days": "divas nedēļas"},
        "vd_period_days",
        "Jābūt veselam skaitlim.",
        "Must be a whole number.",
    ),
    (
        "decisions",
        {"acknowledgment": "refused_to_sign"},
        "refusal_note",
        "Ja persona atteicās parakstīt, ierakstiet amatpersonas atzīmi.",
        "When the person refused to sign, write the official's note.",
    ),
    (
        "decisions",
        {"facts": ""},
        "facts",
        "Lauks nedrīkst būt tukšs.",
        "This field must not be empty.",
    ),
    (
        "entry-bans",
        {"duration_years": None},
        "duration_years",
        "Norādiet ilgumu vai beigu datumu, vai atzīmējiet “uz nenoteiktu laiku”.",
        "Give a duration or an end date, or mark it “indefinite”.",
    ),
    (
        "entry-bans",
        {"indefinite": True, "valid_until": "2030-01-01"},
        "valid_until",
        "Aizliegumam uz nenoteiktu laiku nevar būt beigu datuma.",
        "An indefinite ban cannot have an end date.",
    ),
    (
        "entry-bans",
        {"decision_maker": "foreign_minister", "appealable": True},
        "appealable",
        "Ārlietu ministra lēmums nav pārsūdzams.",
        "A decision of the Minister of Foreign Affairs cannot be appealed.",
    ),
    (
        "entry-bans",
        {"valid_from": None},
        "valid_from",
        "Sākuma datums jānorāda vai jāatzīmē “gaida izceļošanu”.",
        "Give the start date or mark it “pending departure”.",
    ),
    (
        "entry-bans",
        {"valid_until": "2020-01-01"},
        "valid_until",
        "Beigu datums nevar būt pirms sākuma datuma.",
        "The end date cannot be before the start date.",
    ),
    (
        "appeals",
        {"outcome": "upheld"},
        "outcome_date",
        "Lēmumam par sūdzību jānorāda datums.",
        "Give the date of the outcome.",
    ),
    (
        "departures",
        {"aborted": True},
        "aborted_reason",
        "Pārtrauktai izraidīšanai jānorāda iemesls.",
        "An aborted removal needs a reason.",
    ),
    (
        "departures",
        {"notice_given_at": None},
        "notice_given_at",
        "Piespiedu izraidīšanai jānorāda paziņošanas laiks.",
        "A forced removal needs the time the notice was given.",
    ),
    (
        "sis-alerts",
        {"status": "deleted"},
        "deletion_reason",
        "Dzēstam brīdinājumam jānorāda dzēšanas datums un iemesls.",
        "A deleted alert needs the deletion date and reason.",
    ),
    ("tasks", {"due_date": None}, "due_date", "Nepareizs datums.", "Invalid date."),
]


def _valid(collection: str, pid: str, cid: str, did: str) -> dict[str, Any]:
    return {
        "persons": person_fields(),
        "documents": {
            "person_id": pid,
            "doc_type": "P",
            "series_and_number": "75 1234567",
            "issuing_state": "RUS",
        },
        "addresses": {
            "person_id": pid,
            "address_type": "latvia",
            "city": "Rīga",
            "street": "Brīvības iela",
            "house": "1",
        },
        "cases": case_fields(pid),
        "detentions": {"case_id": cid, "person_id": pid, **DETENTION},
        "decisions": decision_fields(cid, pid),
        "entry-bans": {"person_id": pid, **BAN},
        "appeals": {
            "case_id": cid,
            "decision_id": did,
            "kind": "challenge",
            "filed_date": "2026-11-23",
            "received_by": "VRS RIP",
            "suspensive": True,
        },
        "departures": {"case_id": cid, "person_id": pid, **DEPARTURE},
        "sis-alerts": {
            "person_id": pid,
            "alert_type": "return",
            "national_alert_id": "LV-RET-0001",
            "entered_at": "2026-11-22",
        },
        "tasks": {
            "case_id": cid,
            "kind": "send_to_vrs",
            "from_institution": "PMLP",
            "to_institution": "VRS",
            "title": "Nosūtīt lēmumu VRS",
            "due_date": "2026-11-24",
        },
    }[collection]


@pytest.fixture
def parents(training_registry: Registry) -> tuple[Any, str, str, str]:
    api = training_registry.login("trainer")
    pid, cid, did = new_id(), new_id(), new_id()
    results = api.push(
        op("persons", pid, **person_fields()),
        op("cases", cid, **case_fields(pid)),
        op(
            "decisions",
            did,
            **decision_fields(cid, pid, decision_type="removal_decision", vd_period_days=None),
        ),
    )
    assert [r["status"] for r in results] == ["applied"] * 3, results
    return api, pid, cid, did


def test_every_valid_record_is_accepted(parents: tuple[Any, str, str, str]) -> None:
    api, pid, cid, did = parents
    for collection in sorted({c[0] for c in CASES}):
        r = api.post(f"/{collection}", _valid(collection, pid, cid, did))
        assert r.status_code == 201, (collection, r.text)


@pytest.mark.parametrize(
    ("collection", "bad", "field", "lv", "en"),
    CASES,
    ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)],
)
def test_bad_input_answers_422_under_its_field(
    parents: tuple[Any, str, str, str],
    collection: str,
    bad: dict[str, Any],
    field: str,
    lv: str,
    en: str,
) -> None:
    api, pid, cid, did = parents
    body = {**_valid(collection, pid, cid, did), **bad}
    r = api.post(f"/{collection}", body)
    if field == "__none__":
        assert r.status_code == 201, r.text
        return
    assert r.status_code == 422, r.text
    answer = r.json()
    assert answer["error"] == "op.invalid"
    assert answer["fields"] == {field: lv}
    r_en = api.client.post(
        f"/api/v1/{collection}", json=body, headers=api.headers(**{"Accept-Language": "en"})
    )
    assert r_en.json()["fields"] == {field: en}


def test_malformed_requests_answer_422_with_field_messages(
    parents: tuple[Any, str, str, str],
) -> None:
    api, *_ = parents
    r = api.get("/changes?since=-1")
    assert r.status_code == 422
    assert r.json()["fields"] == {"since": "Jābūt vismaz 0."}
    r = api.client.post("/api/v1/sync/push", json={"ops": "none"}, headers=api.headers())
    assert r.status_code == 422
    assert set(r.json()["fields"]) == {"device_id", "ops"}
    r = api.client.post(
        "/api/v1/sync/push",
        content=b"{not json",
        headers={**api.headers(), "Content-Type": "application/json"},
    )
    assert r.status_code == 422
    r = api.client.post("/api/v1/auth/login", json={"username": "", "password": "x"})
    assert r.status_code == 422 and "username" in r.json()["fields"]


def test_a_nul_character_anywhere_else_is_bad_input_not_a_server_fault(
    parents: tuple[Any, str, str, str],
) -> None:
    api, pid, *_ = parents
    (res,) = api.push(op("persons", pid, "update", 1, place_of_birth="Ri\x00ga"))
    assert res["status"] == "rejected"
    assert res["fields"] == {"place_of_birth": NUL[0]}
    r = api.client.post("/api/v1/auth/login", json={"username": "tr\x00iner", "password": "x"})
    assert r.status_code in (401, 422), r.text
    r = api.get("/persons/search?q=IVA%00NOVA")  # folded away like any punctuation
    assert r.status_code == 200 and r.json()["results"] == [], r.text
    r = api.get(f"/persons/{pid}%00")
    assert r.status_code in (404, 422), r.text
    assert set(r.json()) == {"error", "message", "fields"}
    r = api.post("/persons/match", {"surname_latin": "PET\x00ROVA", "given_names_latin": "A"})
    assert r.status_code in (200, 422), r.text


def test_rest_update_needs_if_match_and_reports_conflicts(
    parents: tuple[Any, str, str, str],
) -> None:
    api, pid, *_ = parents
    r = api.client.patch(
        f"/api/v1/persons/{pid}", json={"place_of_birth": "Ostrov"}, headers=api.headers()
    )
    assert r.status_code == 428
    r = api.client.patch(
        f"/api/v1/persons/{pid}",
        json={"place_of_birth": "Ostrov"},
        headers=api.headers(**{"If-Match": '"1"'}),
    )
    assert r.status_code == 200 and r.headers["ETag"] == '"2"'
    r = api.client.patch(
        f"/api/v1/persons/{pid}",
        json={"place_of_birth": "Opochka"},
        headers=api.headers(**{"If-Match": '"1"'}),
    )
    assert r.status_code == 409
    assert r.json()["record"]["place_of_birth"] == "Ostrov"


def test_idempotency_key_makes_a_retried_create_safe(parents: tuple[Any, str, str, str]) -> None:
    api, *_ = parents
    key = new_id()
    body = {"id": new_id(), **person_fields(surname_latin="KARIMOVA")}
    first = api.client.post(
        "/api/v1/persons", json=body, headers=api.headers(**{"Idempotency-Key": key})
    )
    again = api.client.post(
        "/api/v1/persons", json=body, headers=api.headers(**{"Idempotency-Key": key})
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["id"] == again.json()["id"] and again.json()["version"] == 1
