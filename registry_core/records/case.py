"""Case and the acts recorded on it (domain.md §4.4–4.10)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any
from uuid import UUID

from pydantic import Field, StringConstraints, model_validator

from registry_core.messages import DomainError, register
from registry_core.records.base import (
    Code,
    CountryCode,
    LegalBasis,
    LongText,
    Record,
    Strict,
    Text,
    legal_field,
    ref_field,
)
from registry_core.records.enums import (
    Acknowledgment,
    AppealKind,
    AppealOutcome,
    BanDecisionMaker,
    CaseStatus,
    CaseType,
    CourtDecisionType,
    DecisionStatus,
    DecisionType,
    DestinationType,
    DetentionStatus,
    EntryBanStatus,
    ExitType,
    Institution,
    InterimRelief,
    PayerType,
    ReadmissionAgreement,
    RecoveryStatus,
    ServiceMethod,
    SisAlertStatus,
    SisAlertType,
    TaskStatus,
    TerritorialScope,
    TransportMode,
    TravelDocUsed,
)

register(
    {
        "case.detection_required": (
            "Atgriešanas lietai jānorāda konstatēšanas datums, vieta un struktūrvienība.",
            "A return case needs the detection date, place and unit.",
        ),
        "decision.vd_period_required": (
            "Izbraukšanas rīkojumam jānorāda brīvprātīgas izbraukšanas termiņš dienās.",
            "A departure order needs the voluntary departure period in days.",
        ),
        "decision.vd_only_departure_order": (
            "Brīvprātīgas izbraukšanas termiņš attiecas tikai uz izbraukšanas rīkojumu.",
            "A voluntary departure period belongs only to a departure order.",
        ),
        "decision.destination_country_required": (
            "Jānorāda galamērķa valsts.",
            "Give the destination country.",
        ),
        "decision.refusal_note_required": (
            "Ja persona atteicās parakstīt, ierakstiet amatpersonas atzīmi.",
            "When the person refused to sign, write the official's note.",
        ),
        "ban.end_or_indefinite": (
            "Norādiet ilgumu vai beigu datumu, vai atzīmējiet “uz nenoteiktu laiku”.",
            "Give a duration or an end date, or mark it “indefinite”.",
        ),
        "ban.indefinite_with_end": (
            "Aizliegumam uz nenoteiktu laiku nevar būt beigu datuma.",
            "An indefinite ban cannot have an end date.",
        ),
        "ban.foreign_minister_appealable": (
            "Ārlietu ministra lēmums nav pārsūdzams.",
            "A decision of the Minister of Foreign Affairs cannot be appealed.",
        ),
        "ban.valid_from_pending": (
            "Sākuma datums jānorāda vai jāatzīmē “gaida izceļošanu”.",
            "Give the start date or mark it “pending departure”.",
        ),
        "appeal.outcome_date_required": (
            "Lēmumam par sūdzību jānorāda datums.",
            "Give the date of the outcome.",
        ),
        "departure.aborted_reason_required": (
            "Pārtrauktai izraidīšanai jānorāda iemesls.",
            "An aborted removal needs a reason.",
        ),
        "departure.exit_point_required": (
            "Jānorāda robežšķērsošanas vieta vai ārvalsts lidosta.",
            "Give the border crossing point or the foreign airport.",
        ),
        "departure.notice_required": (
            "Piespiedu izraidīšanai jānorāda paziņošanas laiks.",
            "A forced removal needs the time the notice was given.",
        ),
        "detention.release_reason_required": (
            "Atbrīvošanai jānorāda iemesls.",
            "A release needs a reason.",
        ),
        "sis.deleted_reason_required": (
            "Dzēstam brīdinājumam jānorāda dzēšanas datums un iemesls.",
            "A deleted alert needs the deletion date and reason.",
        ),
    }
)

CaseNumber = Annotated[str, StringConstraints(pattern=r"^(VRS|PMLP)-\d{4}-\d{6}$")]


class Case(Record):
    case_no: CaseNumber | None = None  # allocated by the server
    person_id: UUID
    owner_institution: Institution = ref_field("institution")
    owner_unit: Code = ref_field("unit")
    case_type: CaseType = ref_field("case_type", default=CaseType.RETURN)
    detection_date: date | None = legal_field(default=None)
    detection_place: Text | None = None
    detecting_unit: Code | None = ref_field("unit", default=None)
    illegal_stay_grounds: list[Code] = ref_field(
        "illegal_stay_reason", legal=True, default_factory=list
    )
    legal_basis: list[LegalBasis] = legal_field(min_length=1)
    status: CaseStatus = ref_field("case_status", default=CaseStatus.DETECTED)
    responsible_officer: Text
    vd_deadline: date | None = None  # computed by the lifecycle
    next_deadline: date | None = None
    # What the lifecycle remembers between events (pending challenge, interim relief…):
    # kept by the registry, changed only by lifecycle actions.
    lifecycle: dict[str, Any] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _detection(self) -> Case:
        if self.case_type == CaseType.RETURN and not (
            self.detection_date and self.detection_place and self.detecting_unit
        ):
            raise DomainError("case.detection_required", field="detection_date")
        return self


class CourtAuthorisation(Strict):
    court: Code = ref_field("court")
    decision_date: date
    authorised_until: date
    type: CourtDecisionType = CourtDecisionType.INITIAL

    @model_validator(mode="after")
    def _order(self) -> CourtAuthorisation:
        if self.authorised_until < self.decision_date:
            raise DomainError("range.order", field="authorised_until")
        return self


class AlternativeMeasure(Strict):
    measure: Code = ref_field("alternative_measure")
    date_from: date
    date_to: date | None = None

    @model_validator(mode="after")
    def _order(self) -> AlternativeMeasure:
        if self.date_to and self.date_to < self.date_from:
            raise DomainError("range.order", field="date_to")
        return self


class Detention(Record):
    case_id: UUID
    person_id: UUID
    detained_at: datetime = legal_field()
    detention_reason: Code = ref_field("detention_reason", legal=True)
    reason_text: LongText | None = None
    detaining_unit: Code = ref_field("unit")
    detaining_official: Text
    place_of_detention: Code = ref_field("detention_place")
    journal_no: Text | None = None
    court_authorisations: list[CourtAuthorisation] = Field(default_factory=list)
    alternative_measures: list[AlternativeMeasure] = Field(default_factory=list)
    status: DetentionStatus = ref_field("detention_status", default=DetentionStatus.DETAINED_VRS)
    released_at: datetime | None = legal_field(default=None)
    release_reason: Code | None = ref_field("release_reason", default=None)

    @model_validator(mode="after")
    def _release(self) -> Detention:
        if self.released_at and not self.release_reason:
            raise DomainError("detention.release_reason_required", field="release_reason")
        if self.released_at:
            # A time with its zone and one without cannot be ordered: ask for the zone.
            if (self.released_at.tzinfo is None) != (self.detained_at.tzinfo is None):
                raise DomainError("timezone_aware", field="released_at")
            if self.released_at < self.detained_at:
                raise DomainError("range.order", field="released_at")
        return self


class ReturnDecision(Record):
    """Departure order or forced-removal decision (domain.md §4.6)."""

    case_id: UUID
    person_id: UUID
    decision_type: DecisionType = ref_field("decision_type", legal=True)
    decision_no: Annotated[str, StringConstraints(max_length=40)] | None = None  # server
    decision_date: date = legal_field()
    issuing_institution: Institution = ref_field("institution")
    issuing_unit: Code = ref_field("unit")
    official: Text
    official_position: Text | None = None
    legal_basis: list[LegalBasis] = legal_field(min_length=1)
    facts: LongText
    destination_type: DestinationType = ref_field("destination_type", legal=True)
    destination_country: CountryCode = ref_field("country", legal=True)
    vd_period_days: int | None = legal_field(default=None, ge=1, le=365)
    vd_deadline: date | None = legal_field(default=None)
    obligations: list[Code] = ref_field("obligation", default_factory=list)
    signed_at: datetime | None = None
    served_at: datetime | None = legal_field(default=None)
    service_method: ServiceMethod | None = ref_field("service_method", default=None)
    acknowledgment: Acknowledgment = ref_field("acknowledgment", default=Acknowledgment.NOT_YET)
    refusal_note: Text | None = None
    person_explanation: LongText | None = None
    translation_language: Code | None = ref_field("language", default=None)
    interpreter: Text | None = None
    in_force_date: date | None = legal_field(default=None)
    entry_ban_id: UUID | None = None
    suspended: bool = False
    suspension_reason: Text | None = None
    sis_return_alert_id: Text | None = None
    status: DecisionStatus = ref_field("decision_status", default=DecisionStatus.DRAFT)
    amends_id: UUID | None = None
    annulled_reason: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> ReturnDecision:
        if self.decision_type == DecisionType.DEPARTURE_ORDER:
            if self.vd_period_days is None:
                raise DomainError("decision.vd_period_required", field="vd_period_days")
        elif self.vd_period_days is not None:
            raise DomainError("decision.vd_only_departure_order", field="vd_period_days")
        if self.acknowledgment == Acknowledgment.REFUSED_TO_SIGN and not self.refusal_note:
            raise DomainError("decision.refusal_note_required", field="refusal_note")
        return self

    def is_locked(self) -> bool:
        return (
            self.served_at is not None
            or self.signed_at is not None
            or self.status
            in (
                DecisionStatus.SIGNED,
                DecisionStatus.SERVED,
                DecisionStatus.IN_FORCE,
                DecisionStatus.EXECUTED,
                DecisionStatus.AMENDED,
                DecisionStatus.ANNULLED,
            )
        )


class EntryBan(Record):
    person_id: UUID
    case_id: UUID | None = None
    decision_id: UUID | None = None
    ban_decision_date: date = legal_field()
    valid_from: date | None = legal_field(default=None)
    start_pending_departure: bool = legal_field(default=False)
    duration_years: int | None = legal_field(default=None, ge=0, le=99)
    duration_months: int | None = legal_field(default=None, ge=0, le=11)
    valid_until: date | None = legal_field(default=None)
    indefinite: bool = legal_field(default=False)
    territorial_scope: TerritorialScope = ref_field("territorial_scope", legal=True)
    decision_maker: BanDecisionMaker = ref_field("ban_decision_maker", legal=True)
    legal_basis: list[LegalBasis] = legal_field(min_length=1)
    violation_date: date | None = None
    violation_place: Text | None = None
    appealable: bool = True
    reasons_restricted: bool = False  # classified reasons shown only as "restricted"
    status: EntryBanStatus = ref_field("entry_ban_status", default=EntryBanStatus.IMPOSED)
    signed_at: datetime | None = None
    sis_refusal_alert_id: Text | None = None
    sis_entered_at: date | None = None
    amends_id: UUID | None = None

    @model_validator(mode="after")
    def _rules(self) -> EntryBan:
        if self.indefinite and self.valid_until:
            raise DomainError("ban.indefinite_with_end", field="valid_until")
        if not self.indefinite and not (
            self.valid_until or self.duration_years or self.duration_months
        ):
            raise DomainError("ban.end_or_indefinite", field="duration_years")
        if self.decision_maker == BanDecisionMaker.FOREIGN_MINISTER and self.appealable:
            raise DomainError("ban.foreign_minister_appealable", field="appealable")
        if self.valid_from is None and not self.start_pending_departure:
            raise DomainError("ban.valid_from_pending", field="valid_from")
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise DomainError("range.order", field="valid_until")
        return self

    def is_locked(self) -> bool:
        return self.signed_at is not None


class Appeal(Record):
    """A challenge to the head of the institution or an appeal to a court."""

    case_id: UUID
    decision_id: UUID | None = None
    entry_ban_id: UUID | None = None
    kind: AppealKind = ref_field("appeal_kind", legal=True)
    filed_date: date = legal_field()
    received_by: Text
    suspensive: bool = legal_field()
    interim_relief: InterimRelief | None = ref_field("interim_relief", default=None)
    interim_relief_date: date | None = None
    outcome: AppealOutcome | None = ref_field("appeal_outcome", default=None)
    outcome_date: date | None = legal_field(default=None)

    @model_validator(mode="after")
    def _rules(self) -> Appeal:
        if self.outcome and not self.outcome_date:
            raise DomainError("appeal.outcome_date_required", field="outcome_date")
        return self


class Escort(Strict):
    count: int = Field(ge=0, le=50)
    organisation: Text
    leader: Text | None = None


class CostLine(Strict):
    item: Code = ref_field("cost_item")
    amount_eur: Decimal = Field(ge=0, max_digits=12, decimal_places=2)
    payer_type: PayerType = ref_field("payer_type")
    recovery_status: RecoveryStatus = ref_field("recovery_status", default=RecoveryStatus.NOT_DUE)


_FORCED = (ExitType.FORCED_ESCORTED, ExitType.FORCED_UNESCORTED, ExitType.FRONTEX_OPERATION)


class Departure(Record):
    """Voluntary exit or removal execution (domain.md §4.9)."""

    case_id: UUID
    person_id: UUID
    decision_id: UUID | None = None
    exit_type: ExitType = ref_field("exit_type", legal=True)
    exit_at: datetime = legal_field()
    bcp: Code | None = ref_field("bcp", default=None)
    foreign_airport: Text | None = None
    transport_mode: TransportMode = ref_field("transport_mode")
    destination_country: CountryCode = ref_field("country", legal=True)
    travel_doc_used: TravelDocUsed = ref_field("travel_doc_used")
    notice_given_at: datetime | None = None
    notice_short_reason: Text | None = None
    escort: Escort | None = None
    monitor_present: bool = False
    monitor_body: Text | None = None
    aborted: bool = False
    aborted_reason: Text | None = None
    costs: list[CostLine] = Field(default_factory=list)
    readmission_agreement: ReadmissionAgreement | None = ref_field(
        "readmission_agreement", default=None
    )
    assisted: bool = False

    @model_validator(mode="after")
    def _rules(self) -> Departure:
        if self.aborted and not self.aborted_reason:
            raise DomainError("departure.aborted_reason_required", field="aborted_reason")
        if not self.aborted and not (self.bcp or self.foreign_airport):
            raise DomainError("departure.exit_point_required", field="bcp")
        if self.exit_type in _FORCED and not self.notice_given_at and not self.aborted:
            raise DomainError("departure.notice_required", field="notice_given_at")
        return self


class SisAlert(Record):
    person_id: UUID
    case_id: UUID | None = None
    decision_id: UUID | None = None
    entry_ban_id: UUID | None = None
    alert_type: SisAlertType = ref_field("sis_alert_type")
    national_alert_id: Text
    entered_at: date
    status: SisAlertStatus = ref_field("sis_alert_status", default=SisAlertStatus.ENTERED)
    deleted_at: date | None = None
    deletion_reason: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> SisAlert:
        if self.status == SisAlertStatus.DELETED and not (self.deleted_at and self.deletion_reason):
            raise DomainError("sis.deleted_reason_required", field="deletion_reason")
        return self


class Task(Record):
    """A deadline passed between PMLP and VRS, e.g. "send to VRS within 1 working day"."""

    case_id: UUID
    kind: Code = ref_field("task_kind")
    from_institution: Institution = ref_field("institution")
    to_institution: Institution | None = ref_field("institution", default=None)
    to_other: Text | None = None  # e.g. the prison to be informed
    to_unit: Code | None = ref_field("unit", default=None)
    title: Text
    due_date: date
    status: TaskStatus = ref_field("task_status", default=TaskStatus.OPEN)
    done_at: datetime | None = None
    related_id: UUID | None = None


class PrintedRecord(Strict):
    collection: Code
    id: UUID
    version: int = Field(ge=0)


class PrintJob(Record):
    """Who printed which records, when (domain.md §4.10): printed copies carry personal data.

    Created by the desktop for every print or PDF save, through the outbox like any
    other write, so a print made offline is still logged once the link is back.
    """

    kind: Code  # case_sheet, departure_order, removal_decision, …
    action: Code  # print or save_pdf
    records: list[PrintedRecord] = Field(min_length=1)
    printed_at: datetime
    pages: int = Field(ge=0, le=100000)
    training: bool = False
    provisional: bool = False


class DiscardedOp(Record):
    """An officer discarded an unsent change from the outbox after a confirmation.

    The change itself never reached the registry; this record is the audit that it
    existed and who dropped it, and why (issue: nothing may vanish silently).
    """

    op_id: UUID
    op_collection: Code
    op_record_id: UUID
    op_kind: Code
    fields: list[Code] = Field(default_factory=list)
    state: Code  # pending, conflict, rejected or blocked when discarded
    reason: LongText
    discarded_at: datetime
