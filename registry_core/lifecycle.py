"""Return-case lifecycle (domain.md §5.1–5.2) as data plus pure functions.

The state machine is the table `TRANSITIONS`; `apply_event` looks up the row for
(status, event), checks the row's parameters and named guards, runs the event's handler
and returns a `TransitionResult`: the new status, the updated `CaseContext`, deadlines,
tasks for PMLP/VRS, effects on other records (entry ban, SIS alert, decision, detention)
and non-blocking warnings. Nothing here touches a database; the caller (server, desktop
command) persists the result. Blocking problems raise `DomainError` with a message code
registered in `registry_core.messages`; the offending parameter is the error's `field`.

Design choices
--------------
* **DETAINED.** domain.md calls detention a *parallel* sub-state. Detention itself has
  its own sub-lifecycle (`registry_core.lifecycle_detention`), which runs at any point of
  the case. In the main machine DETAINED is only the early state "detected and detained,
  no return decision yet": DETECTED --record_detention--> DETAINED, DETAINED behaves like
  DETECTED for `start_decision`, and `release_from_detention` takes it back to DETECTED.
  Once a decision is in preparation the case follows the decision, and the fact that the
  person is (still) detained is the context flag `CaseContext.detained`, kept by the
  detention sub-lifecycle. A detention can start and end at any open point of the case
  after the decision is in preparation too (typically to secure a removal): then
  `record_detention` and `release_from_detention` leave the state as it is and only set
  the flag (guards `not_detained` / `detained`). A person found after absconding goes to
  DETAINED when detained and no removal decision exists yet (a removal decision must now
  be taken).
* **Remedies.** A challenge to the head of the institution suspends enforcement:
  CHALLENGED has no enforcement event, and `start_preparation` / `execute_removal` there
  (and in POSTPONED) are refused with `lifecycle.enforcement_suspended` rather than the
  generic `lifecycle.not_allowed`. A court appeal does not suspend (C S16): APPEALED
  allows `start_preparation`, and the case keeps `appeal_pending` so that interim relief,
  a dismissal or an annulment can still be recorded while the removal is in preparation
  or postponed. An appeal filed during preparation leaves the case in preparation.
* **Returning from POSTPONED / ABSCONDED.** `resume` and `person_found` go back to where
  the case stood: CHALLENGED while a challenge is pending, APPEALED while an appeal is
  pending, REMOVAL_ORDERED when a removal decision exists, else DECISION_PENDING (a
  departure order whose period has run out, or a case that had no decision, needs a new
  decision). `resume` is refused while interim relief is in force: only the court's
  judgment (`dismiss_appeal` / `annul`) ends it.
* **Absconding** is recorded from VD_ORDERED once the VD deadline has passed
  (`mark_absconded`; the alternative `vd_expired_removal` takes the removal decision) and,
  as an escape, from any state with a removal decision.
* **Open/terminal.** DEPARTED_VOLUNTARILY, REMOVED, CANCELLED (outcomes) and CLOSED are
  terminal; every other state is open. "Any open state" events (`grant_legal_stay`,
  `asylum_application`) apply to all open states; a new asylum application while POSTPONED
  leaves the case POSTPONED.
* **Dates of facts** (detection, service, exit, removal…) may not lie after `now`.
  Date parameters accept `date`, `datetime` (its date is used) or an ISO string; datetime
  parameters need a time (a `datetime` or an ISO string) with the same time-zone convention
  as `now`. Unknown parameters are refused, so a typo cannot silently drop a value.
* **Periods** all live in `LifecycleConfig` (with the working-day calendar); none is
  hard-coded in the logic.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final, Generic, Literal, TypeAlias, TypeVar

from registry_core.messages import DomainError, register
from registry_core.records.enums import (
    CaseStatus,
    DecisionStatus,
    DecisionType,
    Institution,
)
from registry_core.workdays import DEFAULT_CALENDAR, WorkCalendar

__all__ = [
    "ANY_OPEN",
    "DEFAULT_CONFIG",
    "ENFORCEMENT_EVENTS",
    "EVENT_LABELS",
    "GUARDS",
    "NEW_CASE",
    "OPEN_STATES",
    "PERSON_FLAG_ABSCONDED",
    "STATUS_LABELS",
    "TERMINAL_STATES",
    "TRANSITIONS",
    "AllowEnforcement",
    "AnnulEntryBan",
    "BlockEnforcement",
    "CancelTasks",
    "CaseContext",
    "CaseEvent",
    "DeleteSisReturnAlert",
    "Effect",
    "EndDetention",
    "EnforcementBlock",
    "EnterSisRefusalAlert",
    "EnterSisReturnAlert",
    "FlagPerson",
    "LifecycleConfig",
    "ParamReader",
    "PostponementGround",
    "ReleaseReason",
    "SetDecisionStatus",
    "SisDeletionReason",
    "StartDetention",
    "StartEntryBan",
    "StateTransition",
    "TaskKind",
    "TaskSpec",
    "Transition",
    "TransitionResult",
    "UpdateSisReturnAlert",
    "allowed_events",
    "apply_event",
    "available_events",
    "can_apply",
    "event_code",
    "find_transition",
    "status_code",
    "sub_index",
    "task_title_code",
    "transition_sources",
]


# --------------------------------------------------------------------------- enums


class CaseEvent(StrEnum):
    """Commands that move a return case (domain.md §5.2)."""

    REGISTER_DETECTION = "register_detection"
    RECORD_DETENTION = "record_detention"
    RELEASE_FROM_DETENTION = "release_from_detention"
    START_DECISION = "start_decision"
    SERVE_DEPARTURE_ORDER = "serve_departure_order"
    TAKE_REMOVAL_DECISION = "take_removal_decision"
    EXTEND_VD = "extend_vd"
    CONFIRM_EXIT = "confirm_exit"
    VD_EXPIRED_REMOVAL = "vd_expired_removal"
    MARK_ABSCONDED = "mark_absconded"
    FILE_CHALLENGE = "file_challenge"
    UPHOLD_CHALLENGE = "uphold_challenge"
    ANNUL = "annul"
    FILE_APPEAL = "file_appeal"
    GRANT_INTERIM_RELIEF = "grant_interim_relief"
    DISMISS_APPEAL = "dismiss_appeal"
    START_PREPARATION = "start_preparation"
    EXECUTE_REMOVAL = "execute_removal"
    ABORT_REMOVAL = "abort_removal"
    POSTPONE = "postpone"
    RESUME = "resume"
    GRANT_LEGAL_STAY = "grant_legal_stay"
    ASYLUM_APPLICATION = "asylum_application"
    PERSON_FOUND = "person_found"
    ARCHIVE = "archive"


class TaskKind(StrEnum):
    """Tasks the lifecycle creates (domain.md §4.10)."""

    SEND_TO_VRS = "send_to_vrs"
    INFORM_PMLP = "inform_pmlp"
    INFORM_PRISON = "inform_prison"
    INFORM_PMLP_EXECUTION = "inform_pmlp_execution"
    SIS_ENTER_RETURN_ALERT = "sis_enter_return_alert"
    SIS_UPDATE_RETURN_ALERT = "sis_update_return_alert"
    SIS_DELETE_RETURN_ALERT = "sis_delete_return_alert"
    SIS_ENTER_REFUSAL_ALERT = "sis_enter_refusal_alert"


class ReleaseReason(StrEnum):
    """Why detention ended (domain.md §5.3; `ESCAPED` added for the absconded/escaped flag)."""

    REMOVED = "removed"
    MAXIMUM_REACHED = "maximum_reached"
    ALTERNATIVE_MEASURE = "alternative_measure"
    COURT_ORDER = "court_order"
    ASYLUM = "asylum"
    ESCAPED = "escaped"
    OTHER = "other"


class EnforcementBlock(StrEnum):
    """Why enforcement of the return decision is suspended (SIS return alert field (y))."""

    CHALLENGE = "challenge"
    INTERIM_RELIEF = "interim_relief"
    POSTPONEMENT = "postponement"
    ASYLUM = "asylum"


class PostponementGround(StrEnum):
    """Grounds for postponing removal (domain.md §5.1, Return Directive Art. 9)."""

    HEALTH = "health"
    NON_REFOULEMENT = "non_refoulement"
    TECHNICAL = "technical"
    NO_DOCUMENTS = "no_documents"
    OTHER = "other"


class SisDeletionReason(StrEnum):
    EXIT_CONFIRMED = "exit_confirmed"
    REMOVED = "removed"
    ANNULLED = "annulled"
    LEGAL_STAY = "legal_stay"
    BAN_ENDED = "ban_ended"
    OTHER = "other"


PERSON_FLAG_ABSCONDED: Final = "absconded"


# --------------------------------------------------------------------------- labels

_NEW_LABEL: Final = ("Jauna lieta", "New case")

STATUS_LABELS: Final[Mapping[CaseStatus, tuple[str, str]]] = MappingProxyType(
    {
        CaseStatus.DETECTED: ("Konstatēts", "Detected"),
        CaseStatus.DETAINED: ("Aizturēts", "Detained"),
        CaseStatus.DECISION_PENDING: ("Lēmums gatavošanā", "Decision pending"),
        CaseStatus.VD_ORDERED: ("Izdots izbraukšanas rīkojums", "Departure order issued"),
        CaseStatus.REMOVAL_ORDERED: (
            "Pieņemts lēmums par piespiedu izraidīšanu",
            "Forced-removal decision taken",
        ),
        CaseStatus.CHALLENGED: ("Apstrīdēts", "Challenged"),
        CaseStatus.APPEALED: ("Pārsūdzēts tiesā", "Appealed to court"),
        CaseStatus.POSTPONED: ("Izpilde atlikta", "Enforcement postponed"),
        CaseStatus.REMOVAL_PREPARATION: ("Izraidīšanas sagatavošana", "Removal in preparation"),
        CaseStatus.DEPARTED_VOLUNTARILY: ("Izceļojis labprātīgi", "Departed voluntarily"),
        CaseStatus.REMOVED: ("Izraidīts", "Removed"),
        CaseStatus.ABSCONDED: ("Atrašanās vieta nezināma", "Whereabouts unknown"),
        CaseStatus.CANCELLED: ("Atcelts", "Cancelled"),
        CaseStatus.CLOSED: ("Slēgts", "Closed"),
    }
)

EVENT_LABELS: Final[Mapping[CaseEvent, tuple[str, str]]] = MappingProxyType(
    {
        CaseEvent.REGISTER_DETECTION: (
            "Reģistrēt nelikumīgas uzturēšanās konstatēšanu",
            "Register detection of illegal stay",
        ),
        CaseEvent.RECORD_DETENTION: ("Reģistrēt aizturēšanu", "Record detention"),
        CaseEvent.RELEASE_FROM_DETENTION: ("Atbrīvot no aizturēšanas", "Release from detention"),
        CaseEvent.START_DECISION: ("Sākt lēmuma sagatavošanu", "Start preparing a decision"),
        CaseEvent.SERVE_DEPARTURE_ORDER: (
            "Izsniegt izbraukšanas rīkojumu",
            "Serve departure order",
        ),
        CaseEvent.TAKE_REMOVAL_DECISION: (
            "Pieņemt lēmumu par piespiedu izraidīšanu",
            "Take forced-removal decision",
        ),
        CaseEvent.EXTEND_VD: (
            "Pagarināt brīvprātīgas izbraukšanas termiņu",
            "Extend voluntary departure period",
        ),
        CaseEvent.CONFIRM_EXIT: ("Apstiprināt izceļošanu", "Confirm exit"),
        CaseEvent.VD_EXPIRED_REMOVAL: (
            "Termiņš beidzies: pieņemt lēmumu par piespiedu izraidīšanu",
            "Deadline passed: take forced-removal decision",
        ),
        CaseEvent.MARK_ABSCONDED: (
            "Atzīmēt, ka atrašanās vieta nav zināma",
            "Mark whereabouts unknown",
        ),
        CaseEvent.FILE_CHALLENGE: ("Reģistrēt apstrīdēšanu", "Register challenge"),
        CaseEvent.UPHOLD_CHALLENGE: (
            "Apstrīdēto lēmumu atstāt spēkā",
            "Uphold the challenged decision",
        ),
        CaseEvent.ANNUL: ("Atcelt lēmumu", "Annul decision"),
        CaseEvent.FILE_APPEAL: ("Reģistrēt pārsūdzību tiesā", "Register court appeal"),
        CaseEvent.GRANT_INTERIM_RELIEF: ("Piemērot pagaidu aizsardzību", "Grant interim relief"),
        CaseEvent.DISMISS_APPEAL: ("Pārsūdzība noraidīta", "Appeal dismissed"),
        CaseEvent.START_PREPARATION: (
            "Sākt izraidīšanas sagatavošanu",
            "Start removal preparation",
        ),
        CaseEvent.EXECUTE_REMOVAL: ("Reģistrēt izraidīšanas izpildi", "Record removal execution"),
        CaseEvent.ABORT_REMOVAL: ("Pārtraukt izraidīšanu", "Abort removal"),
        CaseEvent.POSTPONE: ("Atlikt izpildi", "Postpone enforcement"),
        CaseEvent.RESUME: ("Atsākt izpildi", "Resume enforcement"),
        CaseEvent.GRANT_LEGAL_STAY: (
            "Piešķirtas tiesības uzturēties",
            "Legal stay granted",
        ),
        CaseEvent.ASYLUM_APPLICATION: (
            "Iesniegts patvēruma iesniegums",
            "Asylum application lodged",
        ),
        CaseEvent.PERSON_FOUND: ("Persona atrasta", "Person found"),
        CaseEvent.ARCHIVE: ("Slēgt lietu", "Close case"),
    }
)

_TASK_TITLES: Final[Mapping[TaskKind, tuple[str, str]]] = MappingProxyType(
    {
        TaskKind.SEND_TO_VRS: (
            "Nosūtīt lēmumu par piespiedu izraidīšanu VRS izpildei",
            "Send the forced-removal decision to VRS for execution",
        ),
        TaskKind.INFORM_PMLP: (
            "Informēt PMLP par pieņemto lēmumu par piespiedu izraidīšanu",
            "Inform PMLP of the forced-removal decision",
        ),
        TaskKind.INFORM_PRISON: (
            "Rakstiski informēt ieslodzījuma vietu par lēmumu",
            "Inform the prison of the decision in writing",
        ),
        TaskKind.INFORM_PMLP_EXECUTION: (
            "Rakstiski informēt PMLP par lēmuma izpildi",
            "Inform PMLP in writing that the decision has been executed",
        ),
        TaskKind.SIS_ENTER_RETURN_ALERT: (
            "Ievadīt SIS brīdinājumu par atgriešanu",
            "Enter the SIS return alert",
        ),
        TaskKind.SIS_UPDATE_RETURN_ALERT: (
            "Aktualizēt SIS brīdinājumu par atgriešanu",
            "Update the SIS return alert",
        ),
        TaskKind.SIS_DELETE_RETURN_ALERT: (
            "Dzēst SIS brīdinājumu par atgriešanu",
            "Delete the SIS return alert",
        ),
        TaskKind.SIS_ENTER_REFUSAL_ALERT: (
            "Ievadīt SIS brīdinājumu par ieceļošanas atteikumu (ieceļošanas aizliegums)",
            "Enter the SIS refusal-of-entry alert (entry ban)",
        ),
    }
)


def status_code(status: CaseStatus) -> str:
    """Message code of a status label (`text(status_code(s), lang)`)."""
    return f"lifecycle.status.{status.value}"


def event_code(event: CaseEvent) -> str:
    return f"lifecycle.event.{event.value}"


def task_title_code(kind: TaskKind) -> str:
    return f"lifecycle.task.{kind.value}"


register({status_code(s): pair for s, pair in STATUS_LABELS.items()})
register({event_code(e): pair for e, pair in EVENT_LABELS.items()})
register({task_title_code(k): pair for k, pair in _TASK_TITLES.items()})
register(
    {
        "lifecycle.not_allowed": (
            "Darbība “{event}” nav atļauta, kad lietas statuss ir “{from}”.",
            "The action “{event_en}” is not allowed when the case status is “{from_en}”.",
        ),
        "lifecycle.unknown_event": ("Nezināma darbība “{event}”.", "Unknown action “{event}”."),
        "lifecycle.enforcement_suspended": (
            "Izpilde ir apturēta (statuss “{from}”): izraidīšanu nevar sagatavot vai izpildīt.",
            "Enforcement is suspended (status “{from_en}”): removal cannot be prepared or executed.",
        ),
        "lifecycle.reason_required": ("Jānorāda iemesls.", "A reason is required."),
        "lifecycle.date_in_future": (
            "Datums nevar būt nākotnē.",
            "The date cannot be in the future.",
        ),
        "lifecycle.date_before": (
            "Datums nevar būt agrāks par {other}.",
            "The date cannot be earlier than {other}.",
        ),
        "lifecycle.timezone_mismatch": (
            "Laikam jābūt norādītam tajā pašā laika joslā kā sistēmas laikam.",
            "The time must use the same time-zone convention as the system clock.",
        ),
        "lifecycle.vd_period_invalid": (
            "Norādiet brīvprātīgas izbraukšanas termiņu dienās (pozitīvs skaitlis).",
            "Give the voluntary departure period in days (a positive number).",
        ),
        "lifecycle.vd_period_range": (
            "Brīvprātīgas izbraukšanas termiņš {days} dienas ir ārpus parastā {min}–{max} dienu "
            "robežām; pamatojiet to lēmumā.",
            "The voluntary departure period of {days} days is outside the usual {min}–{max} "
            "days; give the reasons in the decision.",
        ),
        "lifecycle.vd_wrong_institution": (
            "Izbraukšanas rīkojumu izdod iestāde, kas konstatēja nelikumīgo uzturēšanos "
            "({institution}).",
            "The departure order is issued by the institution that detected the illegal stay "
            "({institution}).",
        ),
        "lifecycle.vd_deadline_unknown": (
            "Brīvprātīgas izbraukšanas termiņš nav zināms.",
            "The voluntary departure deadline is not known.",
        ),
        "lifecycle.vd_not_expired": (
            "Brīvprātīgas izbraukšanas termiņš vēl nav beidzies ({deadline}).",
            "The voluntary departure period has not yet ended ({deadline}).",
        ),
        "lifecycle.vd_extension_missing": (
            "Norādiet pagarinājumu dienās vai jauno termiņu (tikai vienu no tiem).",
            "Give the extension in days or the new deadline (exactly one of them).",
        ),
        "lifecycle.vd_extension_not_later": (
            "Jaunajam termiņam jābūt vēlākam par pašreizējo ({deadline}).",
            "The new deadline must be later than the current one ({deadline}).",
        ),
        "lifecycle.exit_after_vd_deadline": (
            "Izceļošana notika pēc brīvprātīgas izbraukšanas termiņa beigām ({deadline}).",
            "The exit took place after the voluntary departure deadline ({deadline}).",
        ),
        "lifecycle.removal_decision_required": (
            "Darbība attiecas tikai uz lēmumu par piespiedu izraidīšanu.",
            "This action applies only to a forced-removal decision.",
        ),
        "lifecycle.no_pending_appeal": (
            "Lietā nav neizskatītas pārsūdzības tiesā.",
            "There is no pending court appeal in this case.",
        ),
        "lifecycle.no_pending_remedy": (
            "Lietā nav neizskatītas apstrīdēšanas vai pārsūdzības.",
            "There is no pending challenge or appeal in this case.",
        ),
        "lifecycle.appeal_already_pending": (
            "Pārsūdzība tiesā jau ir reģistrēta.",
            "A court appeal is already registered.",
        ),
        "lifecycle.interim_relief_in_force": (
            "Ir piemērota pagaidu aizsardzība; izpildi var atsākt tikai pēc tiesas nolēmuma.",
            "Interim relief is in force; enforcement can resume only after the court's ruling.",
        ),
        "lifecycle.appeal_not_suspensive": (
            "Pārsūdzība tiesā neaptur izpildi, ja vien tiesa nepiemēro pagaidu aizsardzību.",
            "A court appeal does not suspend enforcement unless the court grants interim relief.",
        ),
        "lifecycle.notice_too_short": (
            "Paziņojums par plānoto izraidīšanu jāsniedz vismaz {hours} h pirms izraidīšanas "
            "(sniegts {given} h iepriekš).",
            "The notice of planned removal must be given at least {hours} h before the removal "
            "(given {given} h before).",
        ),
        "lifecycle.notice_missing": (
            "Nav reģistrēts paziņojums par plānoto izraidīšanu.",
            "No notice of the planned removal is recorded.",
        ),
        "lifecycle.removal_before_notice": (
            "Izraidīšana nevar notikt pirms paziņojuma par to.",
            "The removal cannot take place before the notice of it.",
        ),
        "lifecycle.execution_vrs_only": (
            "Piespiedu izraidīšanu izpilda tikai VRS.",
            "Forced removal is executed only by VRS.",
        ),
        "lifecycle.already_detained": (
            "Persona jau ir aizturēta; vispirms reģistrējiet atbrīvošanu.",
            "The person is already detained; record the release first.",
        ),
        "lifecycle.not_detained": (
            "Persona nav aizturēta.",
            "The person is not detained.",
        ),
        "lifecycle.detention_without_basis": (
            "Persona joprojām ir aizturēta; reģistrējiet atbrīvošanu.",
            "The person is still detained; record the release.",
        ),
    }
)


# --------------------------------------------------------------------------- config


@dataclass(frozen=True, slots=True)
class LifecycleConfig:
    """Every period the lifecycle uses. Defaults follow domain.md (sources in brackets).

    Detention figures marked [B] in domain.md (initial VRS period, court period) must be
    confirmed against the current Immigration Law before production use.
    """

    vd_min_days: int = 7  # Return Directive Art. 7(1) [C S26]
    vd_max_days: int = 30
    vd_deadline_roll_to_working_day: bool = False  # move a weekend/holiday deadline on
    pmlp_to_vrs_working_days: int = 1  # Reg. 454 §3 [C S12]
    vrs_to_pmlp_working_days: int = 3  # Reg. 454 §4 [C S12]
    execution_notice_working_days: int = 3  # "informs PMLP when executed": no period in law [I]
    sis_task_working_days: int = 1  # SIS entry/update/deletion tasks [I]
    notice_min_hours: int = 12  # Reg. 454 §21 [C S13]
    notice_min_hours_justified: int = 1  # Reg. 454 §21.1 [C S13]
    detention_initial_vrs_days: int = 10  # [B]
    court_authorisation_max_months: int = 2  # [B]
    detention_warn_months: tuple[int, ...] = (6, 18)  # Return Directive Art. 15 [C S26]
    detention_warn_days_before: int = 30
    court_expiry_warn_days: int = 7
    ban_max_years: int = 5  # Return Directive Art. 11(2) [C S26]
    calendar: WorkCalendar = DEFAULT_CALENDAR

    def __post_init__(self) -> None:
        counts = {
            name: getattr(self, name)
            for name in (
                "pmlp_to_vrs_working_days",
                "vrs_to_pmlp_working_days",
                "execution_notice_working_days",
                "sis_task_working_days",
                "notice_min_hours",
                "notice_min_hours_justified",
                "detention_initial_vrs_days",
                "court_authorisation_max_months",
                "detention_warn_days_before",
                "court_expiry_warn_days",
                "ban_max_years",
            )
        }
        bad = [name for name, value in counts.items() if value < 0]
        if not 0 < self.vd_min_days <= self.vd_max_days:
            bad.append("vd_min_days/vd_max_days")
        if self.notice_min_hours_justified > self.notice_min_hours:
            bad.append("notice_min_hours_justified")
        if any(m <= 0 for m in self.detention_warn_months):
            bad.append("detention_warn_months")
        if bad:
            raise ValueError(f"invalid lifecycle configuration: {', '.join(bad)}")

    def add_working_days(self, d: date, n: int) -> date:
        return self.calendar.add_working_days(d, n)


DEFAULT_CONFIG: Final = LifecycleConfig()


# --------------------------------------------------------------------------- states

TERMINAL_STATES: Final[frozenset[CaseStatus]] = frozenset(
    {
        CaseStatus.DEPARTED_VOLUNTARILY,
        CaseStatus.REMOVED,
        CaseStatus.CANCELLED,
        CaseStatus.CLOSED,
    }
)
OPEN_STATES: Final[frozenset[CaseStatus]] = frozenset(CaseStatus) - TERMINAL_STATES
# Where a detention starts or ends without changing the state (DETECTED ⇄ DETAINED is the
# early case; an absconded person is detained through `person_found`).
MID_CASE_DETENTION_STATES: Final[tuple[CaseStatus, ...]] = (
    CaseStatus.DECISION_PENDING,
    CaseStatus.VD_ORDERED,
    CaseStatus.REMOVAL_ORDERED,
    CaseStatus.CHALLENGED,
    CaseStatus.APPEALED,
    CaseStatus.POSTPONED,
    CaseStatus.REMOVAL_PREPARATION,
)
ENFORCEMENT_EVENTS: Final[frozenset[CaseEvent]] = frozenset(
    {CaseEvent.START_PREPARATION, CaseEvent.EXECUTE_REMOVAL}
)
_SUSPENDED_STATES: Final = frozenset({CaseStatus.CHALLENGED, CaseStatus.POSTPONED})

ANY_OPEN: Final = "any_open"
NEW_CASE: Final = "new"
Source: TypeAlias = frozenset[CaseStatus] | Literal["any_open", "new"]


@dataclass(frozen=True, slots=True)
class Transition:
    """One row of the state table.

    `source`: the states the event applies in, `"any_open"` (every open state) or `"new"`
    (a case not yet created, status None). `targets`: the possible new states; the handler
    picks one from the context and parameters. `guards`: names of context guards
    (`GUARDS`); `required` / `optional`: parameter names.
    """

    source: Source
    event: CaseEvent
    targets: frozenset[CaseStatus]
    guards: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

    @property
    def sources(self) -> frozenset[CaseStatus | None]:
        return transition_sources(self.source)


def transition_sources(source: Source) -> frozenset[CaseStatus | None]:
    if source == ANY_OPEN:
        return frozenset(OPEN_STATES)
    if source == NEW_CASE:
        return frozenset({None})
    assert isinstance(source, frozenset)
    return frozenset(source)


_S = CaseStatus
_E = CaseEvent
_DECISION_PARAMS: Final = ("decided_by", "decided_on")


def _row(
    source: Source | Iterable[CaseStatus],
    event: CaseEvent,
    targets: Iterable[CaseStatus],
    *,
    guards: tuple[str, ...] = (),
    required: tuple[str, ...] = (),
    optional: tuple[str, ...] = (),
) -> Transition:
    src: Source = source if isinstance(source, str) else frozenset(source)
    return Transition(src, event, frozenset(targets), guards, required, optional)


TRANSITIONS: Final[tuple[Transition, ...]] = (
    _row(
        NEW_CASE,
        _E.REGISTER_DETECTION,
        {_S.DETECTED},
        required=("detection_date",),
        optional=("detecting_institution",),
    ),
    _row({_S.DETECTED}, _E.RECORD_DETENTION, {_S.DETAINED}, required=("detained_at",)),
    _row(
        {_S.DETAINED},
        _E.RELEASE_FROM_DETENTION,
        {_S.DETECTED},
        required=("released_at", "release_reason"),
    ),
    # Detention later in the case: the state stays, the flag changes.
    *(
        _row(
            {state},
            _E.RECORD_DETENTION,
            {state},
            guards=("not_detained",),
            required=("detained_at",),
        )
        for state in MID_CASE_DETENTION_STATES
    ),
    *(
        _row(
            {state},
            _E.RELEASE_FROM_DETENTION,
            {state},
            guards=("detained",),
            required=("released_at", "release_reason"),
        )
        for state in MID_CASE_DETENTION_STATES
    ),
    _row({_S.DETECTED, _S.DETAINED}, _E.START_DECISION, {_S.DECISION_PENDING}),
    _row(
        {_S.DECISION_PENDING},
        _E.SERVE_DEPARTURE_ORDER,
        {_S.VD_ORDERED},
        required=("served_at", "vd_period_days"),
        optional=("issued_by",),
    ),
    _row(
        {_S.DECISION_PENDING},
        _E.TAKE_REMOVAL_DECISION,
        {_S.REMOVAL_ORDERED},
        required=_DECISION_PARAMS,
        optional=("in_prison",),
    ),
    _row(
        {_S.VD_ORDERED},
        _E.EXTEND_VD,
        {_S.VD_ORDERED},
        guards=("vd_deadline_known",),
        required=("reason",),
        optional=("extend_by_days", "new_deadline"),
    ),
    _row({_S.VD_ORDERED}, _E.CONFIRM_EXIT, {_S.DEPARTED_VOLUNTARILY}, required=("exit_date",)),
    _row(
        {_S.VD_ORDERED},
        _E.VD_EXPIRED_REMOVAL,
        {_S.REMOVAL_ORDERED},
        guards=("vd_deadline_passed",),
        required=_DECISION_PARAMS,
        optional=("in_prison",),
    ),
    _row(
        {_S.VD_ORDERED},
        _E.MARK_ABSCONDED,
        {_S.ABSCONDED},
        guards=("vd_deadline_passed",),
        optional=("noted_on", "note"),
    ),
    _row(
        {_S.REMOVAL_ORDERED, _S.CHALLENGED, _S.APPEALED, _S.POSTPONED, _S.REMOVAL_PREPARATION},
        _E.MARK_ABSCONDED,
        {_S.ABSCONDED},
        optional=("noted_on", "note"),
    ),
    _row(
        {_S.REMOVAL_ORDERED, _S.REMOVAL_PREPARATION},
        _E.FILE_CHALLENGE,
        {_S.CHALLENGED},
        guards=("removal_decision",),
        optional=("filed_on",),
    ),
    _row({_S.CHALLENGED}, _E.UPHOLD_CHALLENGE, {_S.REMOVAL_ORDERED}, optional=("decided_on",)),
    _row({_S.CHALLENGED, _S.APPEALED}, _E.ANNUL, {_S.CANCELLED}, optional=("decided_on",)),
    _row(
        {_S.POSTPONED, _S.REMOVAL_PREPARATION},
        _E.ANNUL,
        {_S.CANCELLED},
        guards=("remedy_pending",),
        optional=("decided_on",),
    ),
    _row(
        {_S.REMOVAL_ORDERED},
        _E.FILE_APPEAL,
        {_S.APPEALED},
        guards=("removal_decision", "no_appeal_pending"),
        optional=("filed_on",),
    ),
    _row(
        {_S.REMOVAL_PREPARATION},
        _E.FILE_APPEAL,
        {_S.REMOVAL_PREPARATION},
        guards=("removal_decision", "no_appeal_pending"),
        optional=("filed_on",),
    ),
    _row({_S.APPEALED}, _E.GRANT_INTERIM_RELIEF, {_S.POSTPONED}, optional=("granted_on",)),
    _row(
        {_S.REMOVAL_PREPARATION},
        _E.GRANT_INTERIM_RELIEF,
        {_S.POSTPONED},
        guards=("appeal_pending",),
        optional=("granted_on",),
    ),
    _row({_S.APPEALED}, _E.DISMISS_APPEAL, {_S.REMOVAL_ORDERED}, optional=("decided_on",)),
    _row(
        {_S.REMOVAL_PREPARATION},
        _E.DISMISS_APPEAL,
        {_S.REMOVAL_PREPARATION},
        guards=("appeal_pending",),
        optional=("decided_on",),
    ),
    _row(
        {_S.POSTPONED},
        _E.DISMISS_APPEAL,
        {_S.REMOVAL_ORDERED, _S.POSTPONED},
        guards=("appeal_pending",),
        optional=("decided_on",),
    ),
    _row(
        {_S.REMOVAL_ORDERED, _S.APPEALED},
        _E.START_PREPARATION,
        {_S.REMOVAL_PREPARATION},
        guards=("removal_decision",),
        optional=("planned_removal_at", "notice_given_at", "notice_justification"),
    ),
    _row(
        {_S.REMOVAL_PREPARATION},
        _E.EXECUTE_REMOVAL,
        {_S.REMOVED},
        required=("removed_at",),
        optional=("notice_given_at", "notice_justification", "executed_by"),
    ),
    _row(
        {_S.REMOVAL_PREPARATION},
        _E.ABORT_REMOVAL,
        {_S.REMOVAL_ORDERED, _S.POSTPONED},
        required=("reason",),
        optional=("postpone", "ground", "until"),
    ),
    _row(
        {_S.REMOVAL_ORDERED, _S.APPEALED, _S.REMOVAL_PREPARATION},
        _E.POSTPONE,
        {_S.POSTPONED},
        required=("reason",),
        optional=("ground", "until"),
    ),
    _row(
        {_S.POSTPONED},
        _E.RESUME,
        {_S.CHALLENGED, _S.APPEALED, _S.REMOVAL_ORDERED, _S.DECISION_PENDING},
        guards=("no_interim_relief",),
        optional=("reason",),
    ),
    _row(ANY_OPEN, _E.GRANT_LEGAL_STAY, {_S.CANCELLED}, optional=("granted_on", "reason")),
    _row(ANY_OPEN, _E.ASYLUM_APPLICATION, {_S.POSTPONED}, optional=("filed_on",)),
    _row(
        {_S.ABSCONDED},
        _E.PERSON_FOUND,
        {
            _S.POSTPONED,
            _S.CHALLENGED,
            _S.APPEALED,
            _S.REMOVAL_ORDERED,
            _S.DETAINED,
            _S.DECISION_PENDING,
        },
        required=("found_on",),
        optional=("detained_at",),
    ),
    _row({_S.DEPARTED_VOLUNTARILY, _S.REMOVED, _S.CANCELLED}, _E.ARCHIVE, {_S.CLOSED}),
)


def _build_index() -> Mapping[tuple[CaseStatus | None, CaseEvent], Transition]:
    index: dict[tuple[CaseStatus | None, CaseEvent], Transition] = {}
    for row in TRANSITIONS:
        for status in row.sources:
            key = (status, row.event)
            if key in index:
                raise AssertionError(f"transition {key} defined twice")
            index[key] = row
    return MappingProxyType(index)


_INDEX: Final = _build_index()


def find_transition(status: CaseStatus | None, event: CaseEvent) -> Transition | None:
    """The table row for (status, event); None when the event is not allowed in `status`."""
    return _INDEX.get((status, event))


def can_apply(status: CaseStatus | None, event: CaseEvent) -> bool:
    """Whether the table allows `event` in `status` (None = a case not yet created).

    Context guards (e.g. "the VD deadline has passed") are not checked; see
    `available_events`.
    """
    return (status, event) in _INDEX


def allowed_events(status: CaseStatus | None) -> tuple[CaseEvent, ...]:
    """Events the table allows in `status`, in `CaseEvent` order (for enabling UI commands)."""
    return tuple(e for e in CaseEvent if (status, e) in _INDEX)


# --------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class CaseContext:
    """What the guards and handlers need to know about a case.

    `decision_type` / `decided_by` / `decision_date` describe the current return decision
    (`decided_by` of a removal decision is the institution that took it). `postponed_by` is
    set while the case is POSTPONED (or absconded from there).
    """

    status: CaseStatus | None
    owner_institution: Institution
    detecting_institution: Institution | None = None
    decision_type: DecisionType | None = None
    decided_by: Institution | None = None
    decision_date: date | None = None
    vd_deadline: date | None = None
    entry_ban_pending: bool = False
    detained: bool = False
    challenge_pending: bool = False
    appeal_pending: bool = False
    interim_relief: bool = False
    postponed_by: EnforcementBlock | None = None
    planned_removal_at: datetime | None = None
    notice_given_at: datetime | None = None
    notice_justified: bool = False

    @property
    def has_removal_decision(self) -> bool:
        return self.decision_type == DecisionType.REMOVAL_DECISION

    @property
    def alert_institution(self) -> Institution:
        """The institution that keeps the SIS return alert: the decision's issuer."""
        return self.decided_by or self.owner_institution


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """A task to create on the case. `to_institution` None: an outside body (e.g. the prison)."""

    kind: TaskKind
    from_institution: Institution
    to_institution: Institution | None
    due: date
    title: str  # message code


@dataclass(frozen=True, slots=True)
class StartEntryBan:
    """The entry ban imposed with the decision starts to run (valid_from = exit/removal date)."""

    valid_from: date


@dataclass(frozen=True, slots=True)
class AnnulEntryBan:
    on: date


@dataclass(frozen=True, slots=True)
class EnterSisReturnAlert:
    vd_last_day: date | None  # SIS field (x), for a departure order


@dataclass(frozen=True, slots=True)
class UpdateSisReturnAlert:
    vd_last_day: date | None = None
    enforcement_suspended: bool | None = None  # SIS field (y)


@dataclass(frozen=True, slots=True)
class DeleteSisReturnAlert:
    reason: SisDeletionReason


@dataclass(frozen=True, slots=True)
class EnterSisRefusalAlert:
    """Latvian practice: the entry ban goes into SIS once the person has left (C S22)."""

    valid_from: date


@dataclass(frozen=True, slots=True)
class BlockEnforcement:
    reason: EnforcementBlock


@dataclass(frozen=True, slots=True)
class AllowEnforcement:
    pass


@dataclass(frozen=True, slots=True)
class SetDecisionStatus:
    status: DecisionStatus


@dataclass(frozen=True, slots=True)
class StartDetention:
    at: datetime


@dataclass(frozen=True, slots=True)
class EndDetention:
    at: datetime
    reason: ReleaseReason


@dataclass(frozen=True, slots=True)
class CancelTasks:
    kinds: frozenset[TaskKind]


@dataclass(frozen=True, slots=True)
class FlagPerson:
    flag: str


Effect: TypeAlias = (
    StartEntryBan
    | AnnulEntryBan
    | EnterSisReturnAlert
    | UpdateSisReturnAlert
    | DeleteSisReturnAlert
    | EnterSisRefusalAlert
    | BlockEnforcement
    | AllowEnforcement
    | SetDecisionStatus
    | StartDetention
    | EndDetention
    | CancelTasks
    | FlagPerson
)


@dataclass(frozen=True, slots=True)
class TransitionResult:
    event: CaseEvent
    old_status: CaseStatus | None
    new_status: CaseStatus
    context: CaseContext  # the input context with the changes applied
    deadlines: dict[str, date | datetime] = field(default_factory=dict)
    tasks: tuple[TaskSpec, ...] = ()
    effects: tuple[Effect, ...] = ()
    warnings: tuple[DomainError, ...] = ()


# --------------------------------------------------------------------------- params


def _label_params(status: CaseStatus | None, event: CaseEvent | None = None) -> dict[str, str]:
    lv, en = STATUS_LABELS[status] if status is not None else _NEW_LABEL
    out = {"from": lv, "from_en": en, "status": status.value if status else NEW_CASE}
    if event is not None:
        out.update(event=EVENT_LABELS[event][0], event_en=EVENT_LABELS[event][1])
        out["event_code"] = event.value
    return out


_EnumT = TypeVar("_EnumT", bound=StrEnum)


class ParamReader:
    """Typed access to an event's parameters; every problem is a `DomainError` with a field.

    `allowed` lists the parameter names the event takes; any other name is refused
    (`extra_forbidden`). Shared by the sub-lifecycles.
    """

    MISSING_CODES: Final[Mapping[str, str]] = MappingProxyType(
        {"reason": "lifecycle.reason_required", "vd_period_days": "lifecycle.vd_period_invalid"}
    )

    def __init__(self, params: Mapping[str, Any], allowed: Iterable[str], now: datetime) -> None:
        allowed_set = frozenset(allowed)
        for name in params:
            if name not in allowed_set:
                raise DomainError("extra_forbidden", field=str(name))
        self._params = params
        self.now = now
        self.today = now.date()

    def _missing(self, name: str) -> DomainError:
        return DomainError(self.MISSING_CODES.get(name, "missing"), field=name)

    def _raw(self, name: str) -> Any:
        value = self._params.get(name)
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def present(self, name: str) -> bool:
        return self._raw(name) is not None

    def require(self, names: Iterable[str]) -> None:
        for name in names:
            if not self.present(name):
                raise self._missing(name)

    # dates ---------------------------------------------------------------
    def opt_date(self, name: str, *, not_future: bool = False) -> date | None:
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, datetime):
            d = value.date()
        elif isinstance(value, date):
            d = value
        elif isinstance(value, str):
            try:
                d = date.fromisoformat(value.strip()[:10])
            except ValueError:
                raise DomainError("date_parsing", field=name) from None
        else:
            raise DomainError("date_type", field=name)
        if not_future and d > self.today:
            raise DomainError("lifecycle.date_in_future", field=name)
        return d

    def req_date(self, name: str, *, not_future: bool = False) -> date:
        d = self.opt_date(name, not_future=not_future)
        if d is None:
            raise self._missing(name)
        return d

    def date_or_today(self, name: str) -> date:
        d = self.opt_date(name, not_future=True)
        return self.today if d is None else d

    def opt_datetime(self, name: str, *, not_future: bool = False) -> datetime | None:
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, datetime):
            dt = value
        elif isinstance(value, str):
            try:
                dt = datetime.fromisoformat(value.strip())
            except ValueError:
                raise DomainError("datetime_parsing", field=name) from None
        else:
            raise DomainError("datetime_type", field=name)
        if (dt.tzinfo is None) != (self.now.tzinfo is None):
            raise DomainError("lifecycle.timezone_mismatch", field=name)
        if not_future and dt > self.now:
            raise DomainError("lifecycle.date_in_future", field=name)
        return dt

    def req_datetime(self, name: str, *, not_future: bool = False) -> datetime:
        dt = self.opt_datetime(name, not_future=not_future)
        if dt is None:
            raise self._missing(name)
        return dt

    # scalars -------------------------------------------------------------
    def opt_int(self, name: str) -> int | None:
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, bool):
            raise DomainError("int_type", field=name)
        if isinstance(value, int):
            return value
        if isinstance(value, str):
            try:
                return int(value.strip())
            except ValueError:
                raise DomainError("int_parsing", field=name) from None
        raise DomainError("int_type", field=name)

    def opt_bool(self, name: str) -> bool:
        value = self._raw(name)
        if value is None:
            return False
        if isinstance(value, bool):
            return value
        raise DomainError("bool_type", field=name)

    def opt_text(self, name: str) -> str | None:
        value = self._raw(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise DomainError("string_type", field=name)
        return value.strip()

    def req_text(self, name: str) -> str:
        value = self.opt_text(name)
        if value is None:
            raise self._missing(name)
        return value

    def opt_enum(self, name: str, cls: type[_EnumT]) -> _EnumT | None:
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, cls):
            return value
        try:
            return cls(value)
        except ValueError:
            raise DomainError("enum", field=name) from None

    def req_enum(self, name: str, cls: type[_EnumT]) -> _EnumT:
        value = self.opt_enum(name, cls)
        if value is None:
            raise self._missing(name)
        return value


# --------------------------------------------------------------------------- guards

Guard = Callable[[CaseContext, datetime], None]


def _guard_vd_deadline_known(ctx: CaseContext, _now: datetime) -> None:
    if ctx.vd_deadline is None:
        raise DomainError("lifecycle.vd_deadline_unknown", field="vd_deadline")


def _guard_vd_deadline_passed(ctx: CaseContext, now: datetime) -> None:
    _guard_vd_deadline_known(ctx, now)
    assert ctx.vd_deadline is not None
    if now.date() <= ctx.vd_deadline:
        raise DomainError(
            "lifecycle.vd_not_expired", field="vd_deadline", deadline=ctx.vd_deadline.isoformat()
        )


def _guard_removal_decision(ctx: CaseContext, _now: datetime) -> None:
    if not ctx.has_removal_decision:
        raise DomainError("lifecycle.removal_decision_required")


def _guard_appeal_pending(ctx: CaseContext, _now: datetime) -> None:
    if not ctx.appeal_pending:
        raise DomainError("lifecycle.no_pending_appeal")


def _guard_no_appeal_pending(ctx: CaseContext, _now: datetime) -> None:
    if ctx.appeal_pending:
        raise DomainError("lifecycle.appeal_already_pending")


def _guard_remedy_pending(ctx: CaseContext, _now: datetime) -> None:
    if not (ctx.appeal_pending or ctx.challenge_pending):
        raise DomainError("lifecycle.no_pending_remedy")


def _guard_not_detained(ctx: CaseContext, _now: datetime) -> None:
    if ctx.detained:
        raise DomainError("lifecycle.already_detained")


def _guard_detained(ctx: CaseContext, _now: datetime) -> None:
    if not ctx.detained:
        raise DomainError("lifecycle.not_detained")


def _guard_no_interim_relief(ctx: CaseContext, _now: datetime) -> None:
    if ctx.interim_relief:
        raise DomainError("lifecycle.interim_relief_in_force")


GUARDS: Final[Mapping[str, Guard]] = MappingProxyType(
    {
        "vd_deadline_known": _guard_vd_deadline_known,
        "vd_deadline_passed": _guard_vd_deadline_passed,
        "removal_decision": _guard_removal_decision,
        "appeal_pending": _guard_appeal_pending,
        "no_appeal_pending": _guard_no_appeal_pending,
        "remedy_pending": _guard_remedy_pending,
        "no_interim_relief": _guard_no_interim_relief,
        "not_detained": _guard_not_detained,
        "detained": _guard_detained,
    }
)


def available_events(ctx: CaseContext, *, now: datetime) -> tuple[CaseEvent, ...]:
    """Events allowed in the context's status whose context guards pass right now.

    Parameter checks still happen in `apply_event`; this is what the UI should enable.
    """
    out: list[CaseEvent] = []
    for event in allowed_events(ctx.status):
        row = _INDEX[(ctx.status, event)]
        try:
            for name in row.guards:
                GUARDS[name](ctx, now)
        except DomainError:
            continue
        out.append(event)
    return tuple(out)


# --------------------------------------------------------------------------- handlers


class _Outcome:
    """Mutable collector used by the handlers; frozen into a `TransitionResult`."""

    def __init__(
        self, ctx: CaseContext, p: ParamReader, config: LifecycleConfig, target: CaseStatus
    ) -> None:
        self.ctx = ctx
        self.p = p
        self.config = config
        self.target = target
        self.changes: dict[str, Any] = {}
        self.deadlines: dict[str, date | datetime] = {}
        self.tasks: list[TaskSpec] = []
        self.effects: list[Effect] = []
        self.warnings: list[DomainError] = []

    def task(
        self,
        kind: TaskKind,
        frm: Institution,
        to: Institution | None,
        start: date,
        working_days: int,
    ) -> None:
        due = self.config.add_working_days(start, working_days)
        self.tasks.append(TaskSpec(kind, frm, to, due, task_title_code(kind)))

    def sis_task(self, kind: TaskKind, start: date, institution: Institution | None = None) -> None:
        inst = institution or self.ctx.alert_institution
        self.task(kind, inst, inst, start, self.config.sis_task_working_days)

    def suspend_enforcement(self, reason: EnforcementBlock, on: date) -> None:
        self.effects.append(BlockEnforcement(reason))
        if self.ctx.decision_type is not None:
            self.effects.append(UpdateSisReturnAlert(enforcement_suspended=True))
            self.sis_task(TaskKind.SIS_UPDATE_RETURN_ALERT, on)

    def lift_suspension(self, on: date) -> None:
        self.effects.append(AllowEnforcement())
        self.effects.append(SetDecisionStatus(DecisionStatus.IN_FORCE))
        self.effects.append(UpdateSisReturnAlert(enforcement_suspended=False))
        self.sis_task(TaskKind.SIS_UPDATE_RETURN_ALERT, on)

    def clear_removal_plan(self) -> None:
        self.changes.update(planned_removal_at=None, notice_given_at=None, notice_justified=False)


Handler = Callable[[_Outcome], None]


def _h_register_detection(o: _Outcome) -> None:
    o.p.req_date("detection_date", not_future=True)
    detecting = o.p.opt_enum("detecting_institution", Institution)
    o.changes["detecting_institution"] = (
        detecting or o.ctx.detecting_institution or o.ctx.owner_institution
    )


def _h_record_detention(o: _Outcome) -> None:
    at = o.p.req_datetime("detained_at", not_future=True)
    o.changes["detained"] = True
    o.effects.append(StartDetention(at))
    o.deadlines["detention_court_order_due"] = at + timedelta(
        days=o.config.detention_initial_vrs_days
    )


def _h_release_from_detention(o: _Outcome) -> None:
    at = o.p.req_datetime("released_at", not_future=True)
    reason = o.p.req_enum("release_reason", ReleaseReason)
    o.changes["detained"] = False
    o.effects.append(EndDetention(at, reason))


def _h_start_decision(o: _Outcome) -> None:
    pass


def _h_serve_departure_order(o: _Outcome) -> None:
    cfg = o.config
    served = o.p.req_date("served_at", not_future=True)
    days = o.p.opt_int("vd_period_days")
    if days is None or days <= 0:
        raise DomainError("lifecycle.vd_period_invalid", field="vd_period_days")
    issuer = o.p.opt_enum("issued_by", Institution) or o.ctx.owner_institution
    detecting = o.ctx.detecting_institution
    if detecting is not None and issuer != detecting:
        raise DomainError(
            "lifecycle.vd_wrong_institution", field="issued_by", institution=detecting.value
        )
    if not cfg.vd_min_days <= days <= cfg.vd_max_days:
        o.warnings.append(
            DomainError(
                "lifecycle.vd_period_range",
                field="vd_period_days",
                days=days,
                min=cfg.vd_min_days,
                max=cfg.vd_max_days,
            )
        )
    deadline = served + timedelta(days=days)
    if cfg.vd_deadline_roll_to_working_day:
        deadline = cfg.calendar.next_working_day(deadline)
    o.deadlines["vd_deadline"] = deadline
    o.changes.update(
        decision_type=DecisionType.DEPARTURE_ORDER,
        decided_by=issuer,
        decision_date=served,
        vd_deadline=deadline,
    )
    o.effects.append(EnterSisReturnAlert(vd_last_day=deadline))
    o.sis_task(TaskKind.SIS_ENTER_RETURN_ALERT, served, issuer)


def _removal_decision(o: _Outcome, *, new_alert: bool) -> None:
    cfg = o.config
    by = o.p.req_enum("decided_by", Institution)
    on = o.p.req_date("decided_on", not_future=True)
    in_prison = o.p.opt_bool("in_prison")
    if o.ctx.vd_deadline is not None and o.ctx.status == CaseStatus.VD_ORDERED:
        if on <= o.ctx.vd_deadline:
            raise DomainError(
                "lifecycle.vd_not_expired",
                field="decided_on",
                deadline=o.ctx.vd_deadline.isoformat(),
            )
    o.changes.update(decision_type=DecisionType.REMOVAL_DECISION, decided_by=by, decision_date=on)
    if by == Institution.PMLP:
        o.task(TaskKind.SEND_TO_VRS, by, Institution.VRS, on, cfg.pmlp_to_vrs_working_days)
        if in_prison:
            o.task(TaskKind.INFORM_PRISON, by, None, on, cfg.pmlp_to_vrs_working_days)
    else:
        o.task(TaskKind.INFORM_PMLP, by, Institution.PMLP, on, cfg.vrs_to_pmlp_working_days)
    if new_alert:
        o.effects.append(EnterSisReturnAlert(vd_last_day=None))
        o.sis_task(TaskKind.SIS_ENTER_RETURN_ALERT, on, by)


def _h_take_removal_decision(o: _Outcome) -> None:
    _removal_decision(o, new_alert=True)


def _h_vd_expired_removal(o: _Outcome) -> None:
    # The return alert entered with the departure order stays; central SIS has already
    # notified the expiry of the VD period (Reg. 2018/1860 Art. 7).
    _removal_decision(o, new_alert=False)


def _h_extend_vd(o: _Outcome) -> None:
    o.p.req_text("reason")
    current = o.ctx.vd_deadline
    assert current is not None  # guard vd_deadline_known
    by_days = o.p.opt_int("extend_by_days")
    new_deadline = o.p.opt_date("new_deadline")
    if (by_days is None) == (new_deadline is None):
        raise DomainError("lifecycle.vd_extension_missing", field="extend_by_days")
    if by_days is not None:
        if by_days <= 0:
            raise DomainError("lifecycle.vd_period_invalid", field="extend_by_days")
        new_deadline = current + timedelta(days=by_days)
    assert new_deadline is not None
    if o.config.vd_deadline_roll_to_working_day:
        new_deadline = o.config.calendar.next_working_day(new_deadline)
    if new_deadline <= current:
        raise DomainError(
            "lifecycle.vd_extension_not_later",
            field="new_deadline",
            deadline=current.isoformat(),
        )
    o.deadlines["vd_deadline"] = new_deadline
    o.changes["vd_deadline"] = new_deadline
    o.effects.append(UpdateSisReturnAlert(vd_last_day=new_deadline))
    o.sis_task(TaskKind.SIS_UPDATE_RETURN_ALERT, o.p.today)


def _departure_effects(o: _Outcome, left_on: date, reason: SisDeletionReason) -> None:
    """Person has left: SIS return alert goes, a pending entry ban starts and goes into SIS."""
    o.effects.append(DeleteSisReturnAlert(reason))
    o.sis_task(TaskKind.SIS_DELETE_RETURN_ALERT, left_on)
    if o.ctx.entry_ban_pending:
        o.effects.append(StartEntryBan(valid_from=left_on))
        o.effects.append(EnterSisRefusalAlert(valid_from=left_on))
        o.sis_task(TaskKind.SIS_ENTER_REFUSAL_ALERT, left_on)
        o.changes["entry_ban_pending"] = False


def _h_confirm_exit(o: _Outcome) -> None:
    exit_date = o.p.req_date("exit_date", not_future=True)
    if o.ctx.decision_date is not None and exit_date < o.ctx.decision_date:
        raise DomainError(
            "lifecycle.date_before", field="exit_date", other=o.ctx.decision_date.isoformat()
        )
    if o.ctx.vd_deadline is not None and exit_date > o.ctx.vd_deadline:
        o.warnings.append(
            DomainError(
                "lifecycle.exit_after_vd_deadline",
                field="exit_date",
                deadline=o.ctx.vd_deadline.isoformat(),
            )
        )
    o.effects.append(SetDecisionStatus(DecisionStatus.EXECUTED))
    _departure_effects(o, exit_date, SisDeletionReason.EXIT_CONFIRMED)


def _h_mark_absconded(o: _Outcome) -> None:
    o.p.opt_date("noted_on", not_future=True)
    o.p.opt_text("note")
    o.effects.append(FlagPerson(PERSON_FLAG_ABSCONDED))
    if o.ctx.detained:
        o.effects.append(EndDetention(o.p.now, ReleaseReason.ESCAPED))
        o.changes["detained"] = False
    o.clear_removal_plan()


def _h_file_challenge(o: _Outcome) -> None:
    on = o.p.date_or_today("filed_on")
    o.changes["challenge_pending"] = True
    o.effects.append(SetDecisionStatus(DecisionStatus.SUSPENDED))
    o.suspend_enforcement(EnforcementBlock.CHALLENGE, on)
    o.clear_removal_plan()


def _h_uphold_challenge(o: _Outcome) -> None:
    on = o.p.date_or_today("decided_on")
    o.changes["challenge_pending"] = False
    o.lift_suspension(on)


_OUTCOME_TASKS: Final = frozenset(
    {
        TaskKind.SEND_TO_VRS,
        TaskKind.INFORM_PRISON,
        TaskKind.SIS_ENTER_RETURN_ALERT,
        TaskKind.SIS_UPDATE_RETURN_ALERT,
        TaskKind.SIS_ENTER_REFUSAL_ALERT,
    }
)


def _cancellation(o: _Outcome, on: date, reason: SisDeletionReason) -> None:
    """The return decision falls away: close the SIS alert, the ban and their open tasks."""
    o.effects.append(CancelTasks(_OUTCOME_TASKS))
    if o.ctx.decision_type is not None:
        o.effects.append(SetDecisionStatus(DecisionStatus.ANNULLED))
        o.effects.append(DeleteSisReturnAlert(reason))
        o.sis_task(TaskKind.SIS_DELETE_RETURN_ALERT, on)
    if o.ctx.entry_ban_pending:
        o.effects.append(AnnulEntryBan(on))
        o.changes["entry_ban_pending"] = False
    if o.ctx.detained:
        o.warnings.append(DomainError("lifecycle.detention_without_basis"))
    o.changes.update(
        challenge_pending=False, appeal_pending=False, interim_relief=False, postponed_by=None
    )
    o.clear_removal_plan()


def _h_annul(o: _Outcome) -> None:
    _cancellation(o, o.p.date_or_today("decided_on"), SisDeletionReason.ANNULLED)


def _h_grant_legal_stay(o: _Outcome) -> None:
    o.p.opt_text("reason")
    _cancellation(o, o.p.date_or_today("granted_on"), SisDeletionReason.LEGAL_STAY)


def _h_file_appeal(o: _Outcome) -> None:
    o.p.date_or_today("filed_on")
    o.changes["appeal_pending"] = True
    o.warnings.append(DomainError("lifecycle.appeal_not_suspensive"))


def _h_grant_interim_relief(o: _Outcome) -> None:
    on = o.p.date_or_today("granted_on")
    o.changes.update(interim_relief=True, postponed_by=EnforcementBlock.INTERIM_RELIEF)
    o.effects.append(SetDecisionStatus(DecisionStatus.SUSPENDED))
    o.suspend_enforcement(EnforcementBlock.INTERIM_RELIEF, on)
    o.clear_removal_plan()


def _h_dismiss_appeal(o: _Outcome) -> None:
    on = o.p.date_or_today("decided_on")
    o.changes["appeal_pending"] = False
    if o.ctx.interim_relief:
        # The judgment ends the interim relief; the postponement it caused ends with it.
        o.changes.update(interim_relief=False, postponed_by=None)
        o.lift_suspension(on)
        if o.ctx.status == CaseStatus.POSTPONED:
            o.target = CaseStatus.REMOVAL_ORDERED


def _check_notice(
    o: _Outcome, notice: datetime, removal: datetime, justified: bool, field_name: str
) -> None:
    if removal < notice:
        raise DomainError("lifecycle.removal_before_notice", field=field_name)
    hours = o.config.notice_min_hours_justified if justified else o.config.notice_min_hours
    lead = removal - notice
    if lead < timedelta(hours=hours):
        given = round(lead.total_seconds() / 3600, 1)
        raise DomainError(
            "lifecycle.notice_too_short", field="notice_given_at", hours=hours, given=given
        )


def _h_start_preparation(o: _Outcome) -> None:
    planned = o.p.opt_datetime("planned_removal_at")
    notice = o.p.opt_datetime("notice_given_at", not_future=True)
    justification = o.p.opt_text("notice_justification")
    if notice is not None:
        if planned is None:
            raise DomainError("missing", field="planned_removal_at")
        _check_notice(o, notice, planned, justification is not None, "planned_removal_at")
    if o.ctx.status == CaseStatus.APPEALED:
        o.warnings.append(DomainError("lifecycle.appeal_not_suspensive"))
    o.changes.update(
        planned_removal_at=planned,
        notice_given_at=notice,
        notice_justified=justification is not None,
    )
    if planned is not None:
        o.deadlines["planned_removal_at"] = planned


def _h_execute_removal(o: _Outcome) -> None:
    removed_at = o.p.req_datetime("removed_at", not_future=True)
    executed_by = o.p.opt_enum("executed_by", Institution)
    if executed_by is not None and executed_by != Institution.VRS:
        raise DomainError("lifecycle.execution_vrs_only", field="executed_by")
    notice = o.p.opt_datetime("notice_given_at", not_future=True)
    justified = o.p.present("notice_justification")
    if notice is None:
        notice = o.ctx.notice_given_at
        justified = justified or o.ctx.notice_justified
    if notice is None:
        raise DomainError("lifecycle.notice_missing", field="notice_given_at")
    _check_notice(o, notice, removed_at, justified, "removed_at")
    removed_on = removed_at.date()
    o.effects.append(SetDecisionStatus(DecisionStatus.EXECUTED))
    o.task(
        TaskKind.INFORM_PMLP_EXECUTION,
        Institution.VRS,
        Institution.PMLP,
        removed_on,
        o.config.execution_notice_working_days,
    )
    _departure_effects(o, removed_on, SisDeletionReason.REMOVED)
    if o.ctx.detained:
        o.effects.append(EndDetention(removed_at, ReleaseReason.REMOVED))
        o.changes["detained"] = False
    o.changes["notice_given_at"] = notice


def _postponement(o: _Outcome, reason: EnforcementBlock) -> None:
    o.p.opt_enum("ground", PostponementGround)
    until = o.p.opt_date("until")
    if until is not None:
        if until < o.p.today:
            raise DomainError("lifecycle.date_before", field="until", other=o.p.today.isoformat())
        o.deadlines["postponed_until"] = until
    o.changes["postponed_by"] = reason
    o.suspend_enforcement(reason, o.p.today)
    o.clear_removal_plan()


def _h_abort_removal(o: _Outcome) -> None:
    o.p.req_text("reason")
    o.clear_removal_plan()
    if o.p.opt_bool("postpone"):
        o.target = CaseStatus.POSTPONED
        _postponement(o, EnforcementBlock.POSTPONEMENT)
    else:
        for name in ("ground", "until"):
            if o.p.present(name):
                raise DomainError("extra_forbidden", field=name)
        o.target = CaseStatus.REMOVAL_ORDERED


def _h_postpone(o: _Outcome) -> None:
    o.p.req_text("reason")
    _postponement(o, EnforcementBlock.POSTPONEMENT)


def _return_state(ctx: CaseContext) -> CaseStatus | None:
    """Where a case goes back to after an obstacle; None when a new decision is needed."""
    if ctx.challenge_pending:
        return CaseStatus.CHALLENGED
    if ctx.appeal_pending:
        return CaseStatus.APPEALED
    if ctx.has_removal_decision:
        return CaseStatus.REMOVAL_ORDERED
    return None


def _h_resume(o: _Outcome) -> None:
    o.p.opt_text("reason")
    back = _return_state(o.ctx)
    o.changes["postponed_by"] = None
    if back is None:
        # No removal decision to enforce: a new return decision has to be prepared.
        o.target = CaseStatus.DECISION_PENDING
        o.changes.update(decision_type=None, decided_by=None, decision_date=None)
        return
    o.target = back
    if back == CaseStatus.CHALLENGED:
        # The obstacle is gone but the pending challenge still suspends enforcement.
        o.effects.append(BlockEnforcement(EnforcementBlock.CHALLENGE))
        return
    o.effects.append(AllowEnforcement())
    o.effects.append(UpdateSisReturnAlert(enforcement_suspended=False))
    o.sis_task(TaskKind.SIS_UPDATE_RETURN_ALERT, o.p.today)


def _h_asylum_application(o: _Outcome) -> None:
    on = o.p.date_or_today("filed_on")
    o.changes["postponed_by"] = EnforcementBlock.ASYLUM
    o.suspend_enforcement(EnforcementBlock.ASYLUM, on)
    o.clear_removal_plan()


def _h_person_found(o: _Outcome) -> None:
    o.p.req_date("found_on", not_future=True)
    detained_at = o.p.opt_datetime("detained_at", not_future=True)
    if detained_at is not None:
        o.effects.append(StartDetention(detained_at))
        o.changes["detained"] = True
    if o.ctx.postponed_by is not None:
        o.target = CaseStatus.POSTPONED
        return
    back = _return_state(o.ctx)
    if back is not None:
        o.target = back
        return
    o.changes.update(decision_type=None, decided_by=None, decision_date=None)
    o.target = CaseStatus.DETAINED if detained_at is not None else CaseStatus.DECISION_PENDING


def _h_archive(o: _Outcome) -> None:
    pass


_HANDLERS: Final[Mapping[CaseEvent, Handler]] = MappingProxyType(
    {
        _E.REGISTER_DETECTION: _h_register_detection,
        _E.RECORD_DETENTION: _h_record_detention,
        _E.RELEASE_FROM_DETENTION: _h_release_from_detention,
        _E.START_DECISION: _h_start_decision,
        _E.SERVE_DEPARTURE_ORDER: _h_serve_departure_order,
        _E.TAKE_REMOVAL_DECISION: _h_take_removal_decision,
        _E.EXTEND_VD: _h_extend_vd,
        _E.CONFIRM_EXIT: _h_confirm_exit,
        _E.VD_EXPIRED_REMOVAL: _h_vd_expired_removal,
        _E.MARK_ABSCONDED: _h_mark_absconded,
        _E.FILE_CHALLENGE: _h_file_challenge,
        _E.UPHOLD_CHALLENGE: _h_uphold_challenge,
        _E.ANNUL: _h_annul,
        _E.FILE_APPEAL: _h_file_appeal,
        _E.GRANT_INTERIM_RELIEF: _h_grant_interim_relief,
        _E.DISMISS_APPEAL: _h_dismiss_appeal,
        _E.START_PREPARATION: _h_start_preparation,
        _E.EXECUTE_REMOVAL: _h_execute_removal,
        _E.ABORT_REMOVAL: _h_abort_removal,
        _E.POSTPONE: _h_postpone,
        _E.RESUME: _h_resume,
        _E.GRANT_LEGAL_STAY: _h_grant_legal_stay,
        _E.ASYLUM_APPLICATION: _h_asylum_application,
        _E.PERSON_FOUND: _h_person_found,
        _E.ARCHIVE: _h_archive,
    }
)


def _refusal(status: CaseStatus | None, event: CaseEvent) -> DomainError:
    if status in _SUSPENDED_STATES and event in ENFORCEMENT_EVENTS:
        return DomainError("lifecycle.enforcement_suspended", **_label_params(status, event))
    return DomainError("lifecycle.not_allowed", **_label_params(status, event))


def apply_event(
    ctx: CaseContext,
    event: CaseEvent | str,
    params: Mapping[str, Any],
    *,
    now: datetime,
    config: LifecycleConfig = DEFAULT_CONFIG,
) -> TransitionResult:
    """Apply `event` to the case described by `ctx`, or raise `DomainError` (blocking)."""
    try:
        ev = CaseEvent(event)
    except ValueError:
        raise DomainError("lifecycle.unknown_event", event=str(event)) from None
    row = _INDEX.get((ctx.status, ev))
    if row is None:
        raise _refusal(ctx.status, ev)
    reader = ParamReader(params, row.required + row.optional, now)
    for name in row.guards:
        GUARDS[name](ctx, now)
    reader.require(row.required)
    default_target = next(iter(row.targets)) if len(row.targets) == 1 else ctx.status
    assert default_target is not None
    outcome = _Outcome(ctx, reader, config, default_target)
    _HANDLERS[ev](outcome)
    if outcome.target not in row.targets:  # pragma: no cover - a handler bug
        raise AssertionError(f"{ev} chose {outcome.target}, not one of {set(row.targets)}")
    new_ctx = replace(ctx, status=outcome.target, **outcome.changes)
    return TransitionResult(
        event=ev,
        old_status=ctx.status,
        new_status=outcome.target,
        context=new_ctx,
        deadlines=outcome.deadlines,
        tasks=tuple(outcome.tasks),
        effects=tuple(outcome.effects),
        warnings=tuple(outcome.warnings),
    )


# --------------------------------------------------------------------------- sub-lifecycles

_StatusT = TypeVar("_StatusT", bound=StrEnum)
_EventT = TypeVar("_EventT", bound=StrEnum)


@dataclass(frozen=True, slots=True)
class StateTransition(Generic[_StatusT, _EventT]):
    """A row of a sub-lifecycle table (detention, entry ban, SIS alert).

    `sources` may contain None: the record does not exist yet.
    """

    sources: frozenset[_StatusT | None]
    event: _EventT
    targets: frozenset[_StatusT]
    guards: tuple[str, ...] = ()
    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()


def sub_index(
    table: Iterable[StateTransition[_StatusT, _EventT]],
) -> Mapping[tuple[_StatusT | None, _EventT], StateTransition[_StatusT, _EventT]]:
    index: dict[tuple[_StatusT | None, _EventT], StateTransition[_StatusT, _EventT]] = {}
    for row in table:
        for status in row.sources:
            key = (status, row.event)
            if key in index:
                raise AssertionError(f"transition {key} defined twice")
            index[key] = row
    return MappingProxyType(index)
