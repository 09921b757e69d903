"""Fictitious dossiers in every case state, for the preview's demo, tests and the benchmark.

Every record is validated by its `registry_core` schema and dumped as the API sends it,
so the printing layer sees exactly what `GET /persons/{id}/dossier` would answer.
All names, numbers and events are invented.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from registry_core.records import COLLECTIONS
from registry_core.records.enums import CaseStatus

Json = dict[str, Any]

# A facts text that holds every Latvian letter with a diacritic (ā č ē ģ ī ķ ļ ņ š ū ž).
FACTS_LV = (
    "Persona konstatēta Rīgā, Ķengaraga ielā 8, bez derīgas vīzas vai uzturēšanās atļaujas. "
    "Pasē nav Šengenas zonas ieceļošanas spiedoga; ceļošanas dokumentā ir Čehijas vīza, kuras "
    "derīguma termiņš beidzies. Ģimenes locekļu Latvijā nav. Persona paskaidroja, ka ļoti vēlas "
    "atgriezties mājās; ņemts vērā, ka persona ir vesela un darbspējīga. Žēlumu par notikušo "
    "izteica rakstveidā; ūdens un pārtika nodrošināta, čemodāns izsniegts."
)
DETECTION_PLACE = "Rīga, Ķengaraga iela 8, tirdzniecības centra “Ģertrūde” stāvvieta"
OFFICER = "Inspektore Žanete Čūkurņeca"

_PEOPLE = (
    ("IULIIA", "SHCHEGLOVA", "Юлия", "Щеглова", "Jūlija Ščeglova", "F", "RUS", "ru"),
    ("RUSTAM", "KHOLMATOV", "Рустам", "Холматов", "Rustams Holmatovs", "M", "UZB", "ru"),
    ("OKSANA", "BONDARENKO", "Оксана", "Бондаренко", "Oksana Bondarenko", "F", "UKR", "uk"),
    ("GIORGI", "BERIDZE", None, None, "Giorgi Beridze", "M", "GEO", "ka"),
    ("NGUYEN VAN", "THANH", None, None, None, "M", "VNM", "vi"),
)

_NS = uuid.UUID("5f0c3a52-8f0e-4c59-9f55-6a1d2b7c0e11")  # ids stable per (index, kind, n)


def _id(index: int, kind: str, n: int = 0) -> str:
    return str(uuid.uuid5(_NS, f"{index}/{kind}/{n}"))


def _record(collection: str, record_id: str, version: int, at: datetime, **fields: Any) -> Json:
    """Validate through the schema, then dump as JSON the way the API answers."""
    model = COLLECTIONS[collection].model
    stamps = {
        "created_at": at,
        "created_by": "vrs.officer",
        "updated_at": at,
        "updated_by": "vrs.officer",
    }
    rec = model.model_validate({"id": record_id, "version": version, **stamps, **fields})
    return rec.model_dump(mode="json")


def sample_dossier(
    status: CaseStatus | str = CaseStatus.REMOVED, index: int = 0, *, detentions: int = 1
) -> Json:
    """One person with one return case in `status`, with the acts that state implies."""
    status = CaseStatus(status)
    given, surname, given_n, surname_n, lv_name, sex, nat, lang = _PEOPLE[index % len(_PEOPLE)]
    base = datetime(2026, 9, 1, 8, 30, tzinfo=UTC) + timedelta(days=index % 40)
    day0 = base.date()
    pid, cid = _id(index, "person"), _id(index, "case")
    person = _record(
        "persons",
        pid,
        3,
        base,
        given_names_latin=given,
        surname_latin=surname,
        given_names_native=given_n,
        surname_native=surname_n,
        name_reproduction_lv=lv_name,
        sex=sex,
        nationalities=[{"country": nat, "type": "citizen"}],
        date_of_birth=f"{1980 + index % 20}-0{1 + index % 9}-1{index % 10}",
        place_of_birth="Pskov" if nat == "RUS" else None,
        country_of_birth=nat,
        foreign_id_number=f"{7400000 + index}",
        foreign_id_country=nat,
        languages=[lang, "en"],
        special_features="Rēta virs labās uzacs",
        other_identities=[
            {
                "surname": f"{surname}A",
                "given_names": given,
                "date_of_birth": "1985",
                "nationality": nat,
                "source": "VRS aptauja",
            }
        ],
    )
    related: dict[str, list[Json]] = {name: [] for name in COLLECTIONS if name != "persons"}
    related["documents"].append(
        _record(
            "documents",
            _id(index, "doc"),
            1,
            base,
            person_id=pid,
            doc_type="P",
            series_and_number=f"75{index:07d}",
            issue_date="2019-05-20",
            valid_until="2029-05-19",
            issuing_state=nat,
            issuing_authority="МВД 78001",
            doc_status="seized",
        )
    )
    s = CaseStatus
    detained = status in (
        s.DETAINED,
        s.REMOVAL_ORDERED,
        s.CHALLENGED,
        s.APPEALED,
        s.REMOVAL_PREPARATION,
        s.REMOVED,
        s.CLOSED,
        s.ABSCONDED,
    )
    if detained:
        for n in range(detentions):
            at = base + timedelta(hours=2, days=n)
            released = status in (s.REMOVED, s.CLOSED, s.ABSCONDED) or n < detentions - 1
            related["detentions"].append(
                _record(
                    "detentions",
                    _id(index, "detention", n),
                    2,
                    at,
                    case_id=cid,
                    person_id=pid,
                    detained_at=at,
                    detention_reason="absconding_risk",
                    reason_text="Personai nav dzīvesvietas Latvijā.",
                    detaining_unit="VRS-RIP",
                    detaining_official="Inspektors Ivars Paraudziņš",
                    place_of_detention="HOLD-VRS-RIP",
                    journal_no=f"RIP-{2026}-{index:04d}-{n}",
                    court_authorisations=[
                        {
                            "court": "RPT",
                            "decision_date": (at + timedelta(days=2)).date(),
                            "authorised_until": (at + timedelta(days=60)).date(),
                            "type": "initial",
                        }
                    ],
                    status="RELEASED" if released else "DETAINED_COURT",
                    released_at=at + timedelta(hours=20) if released else None,
                    release_reason="removed" if released else None,
                )
            )
    departure_order = status in (s.VD_ORDERED, s.DEPARTED_VOLUNTARILY, s.ABSCONDED)
    has_decision = status not in (s.DETECTED, s.DETAINED)
    decision_id = _id(index, "decision")
    ban_id = _id(index, "ban")
    with_ban = status in (
        s.REMOVAL_ORDERED,
        s.CHALLENGED,
        s.APPEALED,
        s.POSTPONED,
        s.REMOVAL_PREPARATION,
        s.REMOVED,
        s.CLOSED,
        s.CANCELLED,
    )
    if has_decision:
        served = status != s.DECISION_PENDING
        decision_status = {
            s.DECISION_PENDING: "draft",
            s.POSTPONED: "suspended",
            s.REMOVED: "executed",
            s.CLOSED: "executed",
            s.DEPARTED_VOLUNTARILY: "executed",
            s.CANCELLED: "annulled",
        }.get(status, "served")
        served_at = base + timedelta(days=2, hours=1)
        fields: Json = {
            "case_id": cid,
            "person_id": pid,
            "decision_type": "departure_order" if departure_order else "removal_decision",
            "decision_no": f"VRS-L-2026-{index:06d}" if served else None,
            "decision_date": day0 + timedelta(days=2),
            "issuing_institution": "VRS",
            "issuing_unit": "VRS-RIP",
            "official": "Priekšnieka vietnieks Oskars Vītoliņš",
            "official_position": "Rīgas pārvaldes priekšnieka vietnieks",
            "legal_basis": [
                {
                    "code": "IL-41" if departure_order else "IL-46",
                    "act": "Imigrācijas likums",
                    "section": "41" if departure_order else "46",
                }
            ],
            "facts": FACTS_LV,
            "destination_type": "citizenship",
            "destination_country": nat,
            "obligations": ["reporting", "surrender_document"] if departure_order else [],
            "translation_language": "ru",
            "interpreter": "Tulks Aleksandrs Ņikiforovs",
            "status": decision_status,
            "entry_ban_id": ban_id if with_ban else None,
        }
        if departure_order:
            fields["vd_period_days"] = 21
            fields["vd_deadline"] = day0 + timedelta(days=23) if served else None
        if served:
            fields.update(
                served_at=served_at,
                service_method="in_person",
                signed_at=served_at - timedelta(hours=1),
            )
            if index % 2:
                fields.update(
                    acknowledgment="refused_to_sign",
                    refusal_note="Persona atteicās parakstīt, kopija izsniegta.",
                )
            else:
                fields.update(acknowledgment="signed")
        if status == s.POSTPONED:
            fields.update(suspended=True, suspension_reason="Persona slimnīcā")
        related["decisions"].append(
            _record(
                "decisions", decision_id, 4 if served else 1, base + timedelta(days=2), **fields
            )
        )
    if with_ban:
        related["entry-bans"].append(
            _record(
                "entry-bans",
                ban_id,
                2,
                base + timedelta(days=2),
                person_id=pid,
                case_id=cid,
                decision_id=decision_id,
                ban_decision_date=day0 + timedelta(days=2),
                start_pending_departure=status not in (s.REMOVED, s.CLOSED),
                valid_from=day0 + timedelta(days=30) if status in (s.REMOVED, s.CLOSED) else None,
                duration_years=3,
                territorial_scope="LV_SCHENGEN",
                decision_maker="vrs_head",
                legal_basis=[{"act": "Imigrācijas likums", "section": "61", "part": "1"}],
                violation_date=day0,
                violation_place=DETECTION_PLACE,
                appealable=True,
                status={s.REMOVED: "ACTIVE", s.CLOSED: "ACTIVE", s.CANCELLED: "ANNULLED"}.get(
                    status, "IMPOSED"
                ),
                signed_at=base + timedelta(days=2),
            )
        )
    if status in (s.CHALLENGED, s.APPEALED, s.CANCELLED):
        related["appeals"].append(
            _record(
                "appeals",
                _id(index, "appeal"),
                1,
                base + timedelta(days=4),
                case_id=cid,
                decision_id=decision_id,
                kind="challenge",
                filed_date=day0 + timedelta(days=4),
                received_by="VRS Rīgas pārvalde",
                suspensive=True,
                outcome="annulled"
                if status == s.CANCELLED
                else ("upheld" if status == s.APPEALED else None),
                outcome_date=day0 + timedelta(days=12)
                if status in (s.APPEALED, s.CANCELLED)
                else None,
            )
        )
    if status == s.APPEALED:
        related["appeals"].append(
            _record(
                "appeals",
                _id(index, "appeal", 1),
                1,
                base + timedelta(days=14),
                case_id=cid,
                decision_id=decision_id,
                kind="district_court",
                filed_date=day0 + timedelta(days=14),
                received_by="Administratīvā rajona tiesa",
                suspensive=False,
                interim_relief="refused",
                interim_relief_date=day0 + timedelta(days=16),
            )
        )
    if status in (s.REMOVAL_PREPARATION, s.REMOVED, s.CLOSED, s.DEPARTED_VOLUNTARILY):
        exit_at = base + timedelta(days=29, hours=4)
        forced = status != s.DEPARTED_VOLUNTARILY
        related["departures"].append(
            _record(
                "departures",
                _id(index, "departure"),
                2,
                exit_at,
                case_id=cid,
                person_id=pid,
                decision_id=decision_id,
                exit_type="forced_escorted" if forced else "voluntary",
                exit_at=exit_at,
                bcp="RIX" if forced else "TEREHOVA",
                transport_mode="air" if forced else "road",
                destination_country=nat,
                travel_doc_used="national_passport",
                notice_given_at=exit_at - timedelta(hours=26) if forced else None,
                escort={
                    "count": 2,
                    "organisation": "VRS",
                    "leader": "Virsleitnants Raimonds Kļaviņš",
                }
                if forced
                else None,
            )
        )
    if status in (s.REMOVAL_ORDERED, s.REMOVED, s.CLOSED, s.ABSCONDED):
        related["sis-alerts"].append(
            _record(
                "sis-alerts",
                _id(index, "sis"),
                1,
                base + timedelta(days=3),
                person_id=pid,
                case_id=cid,
                decision_id=decision_id,
                alert_type="refusal" if status in (s.REMOVED, s.CLOSED) else "return",
                national_alert_id=f"LV-SIS-2026-{index:06d}",
                entered_at=day0 + timedelta(days=3),
            )
        )
    case = _record(
        "cases",
        cid,
        7,
        base,
        case_no=f"VRS-2026-{index + 1:06d}",
        person_id=pid,
        owner_institution="VRS",
        owner_unit="VRS-RIP",
        case_type="return",
        detection_date=day0,
        detection_place=DETECTION_PLACE,
        detecting_unit="VRS-RIP",
        illegal_stay_grounds=["visa_overstay"],
        legal_basis=[{"code": "IL-41", "act": "Imigrācijas likums", "section": "41"}],
        status=status.value,
        responsible_officer=OFFICER,
        vd_deadline=day0 + timedelta(days=23) if departure_order else None,
        next_deadline=day0 + timedelta(days=30)
        if status not in (s.REMOVED, s.CLOSED, s.CANCELLED)
        else None,
    )
    related["cases"].append(case)
    return {"person": person, "related": related}


def case_id_of(dossier: Json) -> str:
    return str(dossier["related"]["cases"][0]["id"])
