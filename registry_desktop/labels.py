"""Field and section labels of the read-only output forms, through Qt's translation system.

The texts are marked with QT_TRANSLATE_NOOP (context "Field" / "Section") so lupdate
collects them; `field_label()` translates at display time, so a language switch shows
at once. Code values are shown with their reference-list labels (`CodeLabels`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

FIELD_LABELS: dict[str, str] = {
    "given_names_latin": QT_TRANSLATE_NOOP("Field", "Given names (Latin)"),
    "surname_latin": QT_TRANSLATE_NOOP("Field", "Surname (Latin)"),
    "patronymic": QT_TRANSLATE_NOOP("Field", "Patronymic"),
    "given_names_native": QT_TRANSLATE_NOOP("Field", "Given names (original script)"),
    "surname_native": QT_TRANSLATE_NOOP("Field", "Surname (original script)"),
    "name_reproduction_lv": QT_TRANSLATE_NOOP("Field", "Name as reproduced in Latvian"),
    "names_at_birth": QT_TRANSLATE_NOOP("Field", "Names at birth"),
    "previous_surnames": QT_TRANSLATE_NOOP("Field", "Previous surnames"),
    "sex": QT_TRANSLATE_NOOP("Field", "Sex"),
    "nationalities": QT_TRANSLATE_NOOP("Field", "Nationality"),
    "ethnicity": QT_TRANSLATE_NOOP("Field", "Ethnicity"),
    "country_of_birth": QT_TRANSLATE_NOOP("Field", "Country of birth"),
    "place_of_birth": QT_TRANSLATE_NOOP("Field", "Place of birth"),
    "date_of_birth": QT_TRANSLATE_NOOP("Field", "Date of birth"),
    "personal_code": QT_TRANSLATE_NOOP("Field", "Personal code"),
    "foreign_id_number": QT_TRANSLATE_NOOP("Field", "Foreign identity number"),
    "foreign_id_country": QT_TRANSLATE_NOOP("Field", "Issuing country of the foreign number"),
    "marital_status": QT_TRANSLATE_NOOP("Field", "Marital status"),
    "special_features": QT_TRANSLATE_NOOP("Field", "Special features"),
    "warning_flags": QT_TRANSLATE_NOOP("Field", "Warnings"),
    "vulnerabilities": QT_TRANSLATE_NOOP("Field", "Vulnerabilities"),
    "unaccompanied_minor": QT_TRANSLATE_NOOP("Field", "Unaccompanied minor"),
    "guardian": QT_TRANSLATE_NOOP("Field", "Guardian or representative"),
    "languages": QT_TRANSLATE_NOOP("Field", "Languages"),
    "notes": QT_TRANSLATE_NOOP("Field", "Notes"),
    "given_names": QT_TRANSLATE_NOOP("Field", "Given names"),
    "surname": QT_TRANSLATE_NOOP("Field", "Surname"),
    "nationality": QT_TRANSLATE_NOOP("Field", "Nationality"),
    "source": QT_TRANSLATE_NOOP("Field", "Source"),
    # documents
    "doc_type": QT_TRANSLATE_NOOP("Field", "Document type"),
    "series_and_number": QT_TRANSLATE_NOOP("Field", "Series and number"),
    "issue_date": QT_TRANSLATE_NOOP("Field", "Issue date"),
    "valid_until": QT_TRANSLATE_NOOP("Field", "Valid until"),
    "issuing_state": QT_TRANSLATE_NOOP("Field", "Issuing state"),
    "issuing_authority": QT_TRANSLATE_NOOP("Field", "Issuing authority"),
    "mrz_raw": QT_TRANSLATE_NOOP("Field", "MRZ"),
    "doc_status": QT_TRANSLATE_NOOP("Field", "Document status"),
    # addresses
    "address_type": QT_TRANSLATE_NOOP("Field", "Address type"),
    "city": QT_TRANSLATE_NOOP("Field", "City"),
    "municipality": QT_TRANSLATE_NOOP("Field", "Municipality"),
    "parish": QT_TRANSLATE_NOOP("Field", "Parish"),
    "village": QT_TRANSLATE_NOOP("Field", "Village"),
    "street": QT_TRANSLATE_NOOP("Field", "Street"),
    "house": QT_TRANSLATE_NOOP("Field", "House"),
    "building": QT_TRANSLATE_NOOP("Field", "Building"),
    "flat": QT_TRANSLATE_NOOP("Field", "Flat"),
    "postcode": QT_TRANSLATE_NOOP("Field", "Postcode"),
    "address_text": QT_TRANSLATE_NOOP("Field", "Address"),
    "country": QT_TRANSLATE_NOOP("Field", "Country"),
    "valid_from": QT_TRANSLATE_NOOP("Field", "Valid from"),
    "valid_to": QT_TRANSLATE_NOOP("Field", "Valid to"),
    # cases
    "case_no": QT_TRANSLATE_NOOP("Field", "Case number"),
    "owner_institution": QT_TRANSLATE_NOOP("Field", "Institution"),
    "owner_unit": QT_TRANSLATE_NOOP("Field", "Unit"),
    "case_type": QT_TRANSLATE_NOOP("Field", "Case type"),
    "detection_date": QT_TRANSLATE_NOOP("Field", "Detection date"),
    "detection_place": QT_TRANSLATE_NOOP("Field", "Place of detection"),
    "detecting_unit": QT_TRANSLATE_NOOP("Field", "Detecting unit"),
    "illegal_stay_grounds": QT_TRANSLATE_NOOP("Field", "Grounds of the illegal stay"),
    "legal_basis": QT_TRANSLATE_NOOP("Field", "Legal basis"),
    "status": QT_TRANSLATE_NOOP("Field", "Status"),
    "responsible_officer": QT_TRANSLATE_NOOP("Field", "Responsible officer"),
    "vd_deadline": QT_TRANSLATE_NOOP("Field", "Voluntary departure deadline"),
    "next_deadline": QT_TRANSLATE_NOOP("Field", "Next deadline"),
    # detentions
    "detained_at": QT_TRANSLATE_NOOP("Field", "Detained at"),
    "detention_reason": QT_TRANSLATE_NOOP("Field", "Reason for detention"),
    "reason_text": QT_TRANSLATE_NOOP("Field", "Reason (text)"),
    "detaining_unit": QT_TRANSLATE_NOOP("Field", "Detaining unit"),
    "detaining_official": QT_TRANSLATE_NOOP("Field", "Detaining official"),
    "place_of_detention": QT_TRANSLATE_NOOP("Field", "Place of detention"),
    "journal_no": QT_TRANSLATE_NOOP("Field", "Journal number"),
    "court_authorisations": QT_TRANSLATE_NOOP("Field", "Court authorisations"),
    "alternative_measures": QT_TRANSLATE_NOOP("Field", "Alternatives to detention"),
    "released_at": QT_TRANSLATE_NOOP("Field", "Released at"),
    "release_reason": QT_TRANSLATE_NOOP("Field", "Release reason"),
    # decisions
    "decision_type": QT_TRANSLATE_NOOP("Field", "Decision type"),
    "decision_no": QT_TRANSLATE_NOOP("Field", "Decision number"),
    "decision_date": QT_TRANSLATE_NOOP("Field", "Decision date"),
    "issuing_institution": QT_TRANSLATE_NOOP("Field", "Issuing institution"),
    "issuing_unit": QT_TRANSLATE_NOOP("Field", "Issuing unit"),
    "official": QT_TRANSLATE_NOOP("Field", "Decided by"),
    "official_position": QT_TRANSLATE_NOOP("Field", "Position"),
    "facts": QT_TRANSLATE_NOOP("Field", "Facts"),
    "destination_type": QT_TRANSLATE_NOOP("Field", "Destination type"),
    "destination_country": QT_TRANSLATE_NOOP("Field", "Destination country"),
    "vd_period_days": QT_TRANSLATE_NOOP("Field", "Voluntary departure period (days)"),
    "obligations": QT_TRANSLATE_NOOP("Field", "Obligations"),
    "signed_at": QT_TRANSLATE_NOOP("Field", "Signed at"),
    "served_at": QT_TRANSLATE_NOOP("Field", "Served at"),
    "service_method": QT_TRANSLATE_NOOP("Field", "Service method"),
    "acknowledgment": QT_TRANSLATE_NOOP("Field", "Acknowledgment"),
    "refusal_note": QT_TRANSLATE_NOOP("Field", "Refusal note"),
    "person_explanation": QT_TRANSLATE_NOOP("Field", "Explanation of the person"),
    "translation_language": QT_TRANSLATE_NOOP("Field", "Translation language"),
    "interpreter": QT_TRANSLATE_NOOP("Field", "Interpreter"),
    "in_force_date": QT_TRANSLATE_NOOP("Field", "In force from"),
    "suspended": QT_TRANSLATE_NOOP("Field", "Suspended"),
    "suspension_reason": QT_TRANSLATE_NOOP("Field", "Suspension reason"),
    "annulled_reason": QT_TRANSLATE_NOOP("Field", "Reason for annulment"),
    # entry bans
    "ban_decision_date": QT_TRANSLATE_NOOP("Field", "Ban decision date"),
    "start_pending_departure": QT_TRANSLATE_NOOP("Field", "Starts on departure"),
    "duration_years": QT_TRANSLATE_NOOP("Field", "Duration (years)"),
    "duration_months": QT_TRANSLATE_NOOP("Field", "Duration (months)"),
    "indefinite": QT_TRANSLATE_NOOP("Field", "Indefinite"),
    "territorial_scope": QT_TRANSLATE_NOOP("Field", "Territorial scope"),
    "decision_maker": QT_TRANSLATE_NOOP("Field", "Decision maker"),
    "violation_date": QT_TRANSLATE_NOOP("Field", "Date of the violation"),
    "violation_place": QT_TRANSLATE_NOOP("Field", "Place of the violation"),
    "appealable": QT_TRANSLATE_NOOP("Field", "Appealable"),
    "reasons_restricted": QT_TRANSLATE_NOOP("Field", "Reasons restricted"),
    "sis_entered_at": QT_TRANSLATE_NOOP("Field", "Entered in SIS"),
    # appeals
    "kind": QT_TRANSLATE_NOOP("Field", "Kind"),
    "filed_date": QT_TRANSLATE_NOOP("Field", "Filed on"),
    "received_by": QT_TRANSLATE_NOOP("Field", "Received by"),
    "suspensive": QT_TRANSLATE_NOOP("Field", "Suspensive"),
    "interim_relief": QT_TRANSLATE_NOOP("Field", "Interim relief"),
    "interim_relief_date": QT_TRANSLATE_NOOP("Field", "Interim relief date"),
    "outcome": QT_TRANSLATE_NOOP("Field", "Outcome"),
    "outcome_date": QT_TRANSLATE_NOOP("Field", "Outcome date"),
    # departures
    "exit_type": QT_TRANSLATE_NOOP("Field", "Exit type"),
    "exit_at": QT_TRANSLATE_NOOP("Field", "Exit at"),
    "bcp": QT_TRANSLATE_NOOP("Field", "Border crossing point"),
    "foreign_airport": QT_TRANSLATE_NOOP("Field", "Foreign airport"),
    "transport_mode": QT_TRANSLATE_NOOP("Field", "Transport"),
    "travel_doc_used": QT_TRANSLATE_NOOP("Field", "Travel document used"),
    "notice_given_at": QT_TRANSLATE_NOOP("Field", "Notice of planned removal given at"),
    "notice_short_reason": QT_TRANSLATE_NOOP("Field", "Reason for short notice"),
    "escort": QT_TRANSLATE_NOOP("Field", "Escort"),
    "monitor_present": QT_TRANSLATE_NOOP("Field", "Monitor present"),
    "monitor_body": QT_TRANSLATE_NOOP("Field", "Monitoring body"),
    "aborted": QT_TRANSLATE_NOOP("Field", "Aborted"),
    "aborted_reason": QT_TRANSLATE_NOOP("Field", "Reason for abort"),
    "costs": QT_TRANSLATE_NOOP("Field", "Costs"),
    "readmission_agreement": QT_TRANSLATE_NOOP("Field", "Readmission agreement"),
    "assisted": QT_TRANSLATE_NOOP("Field", "Assisted"),
    # SIS alerts
    "alert_type": QT_TRANSLATE_NOOP("Field", "Alert type"),
    "national_alert_id": QT_TRANSLATE_NOOP("Field", "National alert ID"),
    "entered_at": QT_TRANSLATE_NOOP("Field", "Entered at"),
    "deleted_at": QT_TRANSLATE_NOOP("Field", "Deleted at"),
    "deletion_reason": QT_TRANSLATE_NOOP("Field", "Deletion reason"),
    # tasks
    "from_institution": QT_TRANSLATE_NOOP("Field", "From"),
    "to_institution": QT_TRANSLATE_NOOP("Field", "To"),
    "to_unit": QT_TRANSLATE_NOOP("Field", "To unit"),
    "title": QT_TRANSLATE_NOOP("Field", "Title"),
    "due_date": QT_TRANSLATE_NOOP("Field", "Due date"),
    "done_at": QT_TRANSLATE_NOOP("Field", "Done at"),
    # record metadata
    "version": QT_TRANSLATE_NOOP("Field", "Version"),
    "updated_at": QT_TRANSLATE_NOOP("Field", "Changed at"),
    "updated_by": QT_TRANSLATE_NOOP("Field", "Changed by"),
    "created_at": QT_TRANSLATE_NOOP("Field", "Created at"),
    "created_by": QT_TRANSLATE_NOOP("Field", "Created by"),
}

# Fields never shown as values on the card (links, technical references).
HIDDEN_FIELDS = frozenset(
    {
        "id", "deleted", "person_id", "case_id", "decision_id", "entry_ban_id",
        "sis_return_alert_id", "sis_refusal_alert_id", "amends_id", "related_id",
        "merged_into", "photo_ref", "fingerprint_ref", "scan_ref", "other_identities",
        "created_at", "created_by", "version", "updated_at", "updated_by",
    }
)  # fmt: skip

# The person card's sections: (key, collection in the dossier or None for the person).
SECTION_LABELS: dict[str, str] = {
    "identity": QT_TRANSLATE_NOOP("Section", "Identity"),
    "other_identities": QT_TRANSLATE_NOOP("Section", "Other identities"),
    "documents": QT_TRANSLATE_NOOP("Section", "Documents"),
    "addresses": QT_TRANSLATE_NOOP("Section", "Addresses"),
    "cases": QT_TRANSLATE_NOOP("Section", "Cases"),
    "decisions": QT_TRANSLATE_NOOP("Section", "Decisions"),
    "entry-bans": QT_TRANSLATE_NOOP("Section", "Entry bans"),
    "detentions": QT_TRANSLATE_NOOP("Section", "Detentions"),
    "appeals": QT_TRANSLATE_NOOP("Section", "Challenges and appeals"),
    "departures": QT_TRANSLATE_NOOP("Section", "Departures and removals"),
    "sis-alerts": QT_TRANSLATE_NOOP("Section", "SIS alerts"),
    "tasks": QT_TRANSLATE_NOOP("Section", "Tasks"),
    "history": QT_TRANSLATE_NOOP("Section", "History"),
}


def field_label(name: str) -> str:
    text = FIELD_LABELS.get(name)
    if text is None:
        return name.replace("_", " ").capitalize()
    return QCoreApplication.translate("Field", text)


def section_label(key: str) -> str:
    return QCoreApplication.translate("Section", SECTION_LABELS.get(key, key))


def bool_text(value: bool) -> str:
    return (
        QCoreApplication.translate("Field", "yes")
        if value
        else QCoreApplication.translate("Field", "no")
    )


def ref_of(collection: str, field: str) -> str | None:
    """The reference list behind `field` of `collection` (from the registry_core model)."""
    from registry_core.records import COLLECTIONS

    spec = COLLECTIONS.get(collection)
    if spec is None:
        return None
    info = spec.model.model_fields.get(field)
    extra = info.json_schema_extra if info is not None else None
    if isinstance(extra, dict):
        ref = extra.get("ref")
        return str(ref) if ref else None
    return None


class CodeLabels:
    """Code → label in the current language: the cached reference lists first, then the
    lists built into registry_core, then case-status labels, then the code itself."""

    def __init__(self) -> None:
        # {list: {code: (label_lv, label_en)}} from the local store (filled off-thread)
        self.cached: dict[str, dict[str, tuple[str, str]]] = {}

    def update_from_store(self, lists: Mapping[str, Any]) -> None:
        for name, items in lists.items():
            table: dict[str, tuple[str, str]] = {}
            for item in items or []:
                code = str(item.get("code", ""))
                table[code] = (
                    str(item.get("label_lv") or item.get("label") or code),
                    str(item.get("label_en") or item.get("label_lv") or code),
                )
            if table:
                self.cached[name] = table

    def label(self, ref: str, code: Any, lang: str) -> str:
        text = str(code)
        hit = self.cached.get(ref, {}).get(text)
        if hit is not None:
            return hit[0] if lang == "lv" else hit[1]
        if ref == "case_status":
            status = status_label(text, lang)
            if status:
                return status
        try:
            from registry_core.reference import label

            return label(ref, text, lang)
        except Exception:  # unknown list: show the code
            return text


def status_label(code: str, lang: str) -> str | None:
    try:
        from registry_core.lifecycle import STATUS_LABELS
        from registry_core.records.enums import CaseStatus

        pair = STATUS_LABELS.get(CaseStatus(code))
    except Exception:
        return None
    if pair is None:
        return None
    return pair[0] if lang == "lv" else pair[1]
