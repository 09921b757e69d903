"""Closed value sets of the domain (domain.md §4, §5, §7.9).

Open, versioned classifiers (countries, units, legal bases…) are reference lists
(`registry_core.reference`); the sets here are fixed by law or by the lifecycle and
change only with the code.
"""

from __future__ import annotations

from enum import StrEnum


class Institution(StrEnum):
    PMLP = "PMLP"
    VRS = "VRS"


class Role(StrEnum):
    """Roles of domain.md §6."""

    VRS_OFFICER = "vrs_officer"
    VRS_DECISION_OFFICIAL = "vrs_decision_official"
    VRS_REMOVAL_OFFICER = "vrs_removal_officer"
    DETENTION_STAFF = "detention_staff"
    PMLP_OFFICER = "pmlp_officer"
    PMLP_DECISION_OFFICIAL = "pmlp_decision_official"
    BAN_LIST_ADMIN = "ban_list_admin"
    STATISTICS_ANALYST = "statistics_analyst"
    TRAINER = "trainer"
    READ_ONLY = "read_only"
    ADMINISTRATOR = "administrator"


class Sex(StrEnum):
    MALE = "M"
    FEMALE = "F"
    OTHER = "X"
    UNKNOWN = "U"


class NationalityType(StrEnum):
    CITIZEN = "citizen"
    STATELESS = "stateless"
    REFUGEE = "refugee"
    NON_CITIZEN_OTHER_STATE = "non_citizen_other_state"
    UNKNOWN = "unknown"


class DocumentStatus(StrEnum):
    PRESENTED = "presented"
    SEIZED = "seized"
    RETURNED = "returned"
    LOST = "lost"
    STOLEN = "stolen"
    FORGED = "forged"
    EXPIRED = "expired"


class AddressType(StrEnum):
    LATVIA = "latvia"
    ABROAD = "abroad"


class CaseType(StrEnum):
    RETURN = "return"
    ENTRY_BAN_ONLY = "entry_ban_only"
    BORDER_REFUSAL = "border_refusal"


class CaseStatus(StrEnum):
    """Main return-case states (domain.md §5.1)."""

    DETECTED = "DETECTED"
    DETAINED = "DETAINED"
    DECISION_PENDING = "DECISION_PENDING"
    VD_ORDERED = "VD_ORDERED"
    REMOVAL_ORDERED = "REMOVAL_ORDERED"
    CHALLENGED = "CHALLENGED"
    APPEALED = "APPEALED"
    POSTPONED = "POSTPONED"
    REMOVAL_PREPARATION = "REMOVAL_PREPARATION"
    DEPARTED_VOLUNTARILY = "DEPARTED_VOLUNTARILY"
    REMOVED = "REMOVED"
    ABSCONDED = "ABSCONDED"
    CANCELLED = "CANCELLED"
    CLOSED = "CLOSED"


class DetentionStatus(StrEnum):
    """Detention sub-lifecycle (domain.md §5.3)."""

    DETAINED_VRS = "DETAINED_VRS"
    DETAINED_COURT = "DETAINED_COURT"
    EXTENDED = "EXTENDED"
    RELEASED = "RELEASED"


class CourtDecisionType(StrEnum):
    INITIAL = "initial"
    EXTENSION = "extension"


class DecisionType(StrEnum):
    DEPARTURE_ORDER = "departure_order"
    REMOVAL_DECISION = "removal_decision"


class DecisionStatus(StrEnum):
    DRAFT = "draft"
    SIGNED = "signed"
    SERVED = "served"
    IN_FORCE = "in_force"
    SUSPENDED = "suspended"
    EXECUTED = "executed"
    AMENDED = "amended"
    ANNULLED = "annulled"


class DestinationType(StrEnum):
    CITIZENSHIP = "citizenship"
    TRANSIT_COUNTRY = "transit_country"
    OTHER_ADMITTING = "other_admitting"


class ServiceMethod(StrEnum):
    IN_PERSON = "in_person"
    POST = "post"
    ELECTRONIC = "electronic"


class Acknowledgment(StrEnum):
    SIGNED = "signed"
    REFUSED_TO_SIGN = "refused_to_sign"
    NOT_YET = "not_yet"


class TerritorialScope(StrEnum):
    LV = "LV"
    LV_SCHENGEN = "LV_SCHENGEN"


class BanDecisionMaker(StrEnum):
    INTERIOR_MINISTER = "interior_minister"
    FOREIGN_MINISTER = "foreign_minister"
    MFA_CONSULAR = "mfa_consular"
    PMLP_HEAD = "pmlp_head"
    VRS_HEAD = "vrs_head"


class EntryBanStatus(StrEnum):
    """Entry-ban sub-lifecycle (domain.md §5.4)."""

    IMPOSED = "IMPOSED"
    ACTIVE = "ACTIVE"
    SUSPENDED = "SUSPENDED"
    ANNULLED = "ANNULLED"
    EXPIRED = "EXPIRED"
    REMOVED_FROM_LIST = "REMOVED_FROM_LIST"


class AppealKind(StrEnum):
    CHALLENGE = "challenge"
    DISTRICT_COURT = "district_court"
    HIGHER_COURT = "higher_court"
    COURT_MINISTER_LIST = "court_minister_list"


class AppealOutcome(StrEnum):
    UPHELD = "upheld"
    ANNULLED = "annulled"
    AMENDED = "amended"
    WITHDRAWN = "withdrawn"


class InterimRelief(StrEnum):
    GRANTED = "granted"
    REFUSED = "refused"


class ExitType(StrEnum):
    VOLUNTARY = "voluntary"
    ASSISTED_VOLUNTARY = "assisted_voluntary"
    FORCED_UNESCORTED = "forced_unescorted"
    FORCED_ESCORTED = "forced_escorted"
    READMISSION = "readmission"
    FRONTEX_OPERATION = "frontex_operation"


class TransportMode(StrEnum):
    AIR = "air"
    ROAD = "road"
    RAIL = "rail"
    SEA = "sea"


class TravelDocUsed(StrEnum):
    NATIONAL_PASSPORT = "national_passport"
    EMBASSY_DOCUMENT = "embassy_document"
    EU_TRAVEL_DOCUMENT = "eu_travel_document"
    LV_EXIT_DOCUMENT = "lv_exit_document"


class PayerType(StrEnum):
    FOREIGNER = "foreigner"
    INVITER = "inviter"
    CARRIER = "carrier"
    EMPLOYER = "employer"
    STATE = "state"


class RecoveryStatus(StrEnum):
    NOT_DUE = "not_due"
    OUTSTANDING = "outstanding"
    RECOVERED = "recovered"
    WRITTEN_OFF = "written_off"


class ReadmissionAgreement(StrEnum):
    EU = "eu"
    BILATERAL = "bilateral"
    NONE = "none"


class SisAlertType(StrEnum):
    RETURN = "return"
    REFUSAL = "refusal"


class SisAlertStatus(StrEnum):
    ENTERED = "entered"
    DELETED = "deleted"


class TaskStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"
