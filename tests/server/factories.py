"""Fictitious records and ops for the server tests."""

from __future__ import annotations

import uuid
from typing import Any


def new_id() -> str:
    return str(uuid.uuid4())


def op(
    collection: str,
    record_id: str,
    kind: str = "create",
    base_version: int | None = None,
    **fields: Any,
) -> dict[str, Any]:
    return {
        "op_id": new_id(),
        "collection": collection,
        "id": record_id,
        "kind": kind,
        "base_version": base_version,
        "fields": fields,
    }


def person_fields(**over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "given_names_latin": "IULIIA",
        "surname_latin": "SHCHEGLOVA",
        "given_names_native": "Юлия",
        "surname_native": "Щеглова",
        "name_reproduction_lv": "Jūlija Ščeglova",
        "sex": "F",
        "nationalities": [{"country": "RUS", "type": "citizen"}],
        "date_of_birth": "1991-03-14",
        "place_of_birth": "Pskov",
        "country_of_birth": "RUS",
        "languages": ["ru"],
    }
    fields.update(over)
    return fields


def case_fields(person_id: str, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "person_id": person_id,
        "owner_institution": "VRS",
        "owner_unit": "VRS-RIP",
        "case_type": "return",
        "detection_date": "2026-11-20",
        "detection_place": "Rīga, Centrālā stacija",
        "detecting_unit": "VRS-RIP",
        "illegal_stay_grounds": [],
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41"}],
        "responsible_officer": "vrs.officer",
    }
    fields.update(over)
    return fields


def decision_fields(case_id: str, person_id: str, **over: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "case_id": case_id,
        "person_id": person_id,
        "decision_type": "departure_order",
        "decision_date": "2026-11-21",
        "issuing_institution": "VRS",
        "issuing_unit": "VRS-RIP",
        "official": "Inspektors Ivars Paraudziņš",
        "legal_basis": [{"act": "Imigrācijas likums", "section": "41", "part": "1"}],
        "facts": "Persona uzturējās Latvijā pēc vīzas derīguma termiņa beigām.",
        "destination_type": "citizenship",
        "destination_country": "RUS",
        "vd_period_days": 14,
    }
    fields.update(over)
    return fields
