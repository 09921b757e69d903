"""Detention sub-lifecycle (domain.md §2.5, §4.5, §5.3) and the detention clock.

    (none | RELEASED) --detain--> DETAINED_VRS --court_authorise--> DETAINED_COURT
    DETAINED_COURT | EXTENDED --court_extend--> EXTENDED
    DETAINED_VRS | DETAINED_COURT | EXTENDED --release(reason)--> RELEASED

"DETAINED_COURT ⇄ EXTENDED" in domain.md is read as: every further court extension keeps
the detention in EXTENDED (EXTENDED --court_extend--> EXTENDED); there is no way back to
the initial court authorisation. A new detention in the same case (after release, e.g. a
person found after absconding) starts again at DETAINED_VRS; the earlier periods stay in
`DetentionState.previous_periods` and count towards the cumulative clock.

Clock rules: every calendar day on which the person was detained counts once (the day of
detention and the day of release both count; overlapping periods are not double-counted).
The Return Directive caps (6 months, 18 in total; `LifecycleConfig.detention_warn_months`)
are converted to days from the first day of detention, which is exact for one continuous
detention and an approximation when it was interrupted. The national periods (initial VRS
period up to 10 days, court authorisation up to 2 months) are [B] in domain.md and live in
`LifecycleConfig`; exceeding them is a warning, not a refusal.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from registry_core.lifecycle import (
    DEFAULT_CONFIG,
    LifecycleConfig,
    ParamReader,
    ReleaseReason,
    StateTransition,
    sub_index,
)
from registry_core.messages import DomainError, register
from registry_core.records.enums import DetentionStatus
from registry_core.workdays import add_months

__all__ = [
    "DETENTION_EVENT_LABELS",
    "DETENTION_STATUS_LABELS",
    "DETENTION_TRANSITIONS",
    "DetentionEvent",
    "DetentionPeriod",
    "DetentionResult",
    "DetentionState",
    "apply_detention_event",
    "cumulative_detention_days",
    "detention_allowed_events",
    "detention_limit_days",
    "detention_warnings",
]


class DetentionEvent(StrEnum):
    DETAIN = "detain"
    COURT_AUTHORISE = "court_authorise"
    COURT_EXTEND = "court_extend"
    RELEASE = "release"


_D = DetentionStatus
_ACTIVE: Final = frozenset({_D.DETAINED_VRS, _D.DETAINED_COURT, _D.EXTENDED})

DETENTION_STATUS_LABELS: Final[Mapping[DetentionStatus, tuple[str, str]]] = MappingProxyType(
    {
        _D.DETAINED_VRS: (
            "Aizturēts (VRS, bez tiesas atļaujas)",
            "Detained (VRS, without a court order)",
        ),
        _D.DETAINED_COURT: ("Aizturēts ar tiesas atļauju", "Detained with court authorisation"),
        _D.EXTENDED: ("Aizturēšana pagarināta", "Detention extended"),
        _D.RELEASED: ("Atbrīvots", "Released"),
    }
)

DETENTION_EVENT_LABELS: Final[Mapping[DetentionEvent, tuple[str, str]]] = MappingProxyType(
    {
        DetentionEvent.DETAIN: ("Aizturēt", "Detain"),
        DetentionEvent.COURT_AUTHORISE: (
            "Reģistrēt tiesas atļauju aizturēšanai",
            "Record court authorisation",
        ),
        DetentionEvent.COURT_EXTEND: (
            "Reģistrēt aizturēšanas termiņa pagarinājumu",
            "Record court extension",
        ),
        DetentionEvent.RELEASE: ("Atbrīvot", "Release"),
    }
)

register({f"detention.status.{k.value}": v for k, v in DETENTION_STATUS_LABELS.items()})
register({f"detention.event.{k.value}": v for k, v in DETENTION_EVENT_LABELS.items()})
register(
    {
        "detention.not_allowed": (
            "Darbība “{event}” nav atļauta, kad aizturēšanas statuss ir “{from}”.",
            "The action “{event_en}” is not allowed when the detention status is “{from_en}”.",
        ),
        "detention.until_not_after_decision": (
            "Atļautajam termiņam jābeidzas pēc tiesas lēmuma datuma.",
            "The authorised period must end after the date of the court decision.",
        ),
        "detention.extension_not_later": (
            "Pagarinājumam jābeidzas vēlāk par pašreizējo atļauto termiņu ({until}).",
            "The extension must end later than the current authorisation ({until}).",
        ),
        "detention.authorisation_too_long": (
            "Tiesa aizturēšanu parasti atļauj ne ilgāk kā uz {months} mēnešiem vienā reizē.",
            "A court usually authorises detention for at most {months} months at a time.",
        ),
        "detention.extension_beyond_limit": (
            "Ar šo pagarinājumu kopējais aizturēšanas laiks pārsniegtu {months} mēnešus.",
            "This extension would take the total detention beyond {months} months.",
        ),
        "detention.initial_period_exceeded": (
            "Sākotnējais VRS aizturēšanas termiņš bez tiesas atļaujas beidzās {until}.",
            "The initial VRS detention period without a court order ended on {until}.",
        ),
        "detention.initial_period_expiring": (
            "Sākotnējais VRS aizturēšanas termiņš bez tiesas atļaujas beidzas {until} "
            "(pēc {days} dienām); vajadzīga tiesas atļauja.",
            "The initial VRS detention period without a court order ends on {until} "
            "(in {days} days); a court authorisation is needed.",
        ),
        "detention.authorisation_expiring": (
            "Tiesas atļauja aizturēšanai beidzas {until} (pēc {days} dienām).",
            "The court authorisation of detention ends on {until} (in {days} days).",
        ),
        "detention.authorisation_expired": (
            "Tiesas atļauja aizturēšanai beidzās {until}.",
            "The court authorisation of detention ended on {until}.",
        ),
        "detention.limit_nearing": (
            "Kopējais aizturēšanas laiks tuvojas {months} mēnešiem: pēdējā diena {last_day} "
            "(atlikušas {days} dienas).",
            "The total detention is nearing {months} months: last day {last_day} "
            "({days} days left).",
        ),
        "detention.limit_exceeded": (
            "Kopējais aizturēšanas laiks pārsniedz {months} mēnešus (pēdējā diena bija "
            "{last_day}).",
            "The total detention exceeds {months} months (the last day was {last_day}).",
        ),
    }
)


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True, slots=True)
class DetentionPeriod:
    """One stretch of detention; `end` None while it lasts. Datetimes count by their date."""

    start: date
    end: date | None = None


@dataclass(frozen=True, slots=True)
class DetentionState:
    status: DetentionStatus | None
    detained_at: datetime | None = None
    authorised_until: date | None = None
    released_at: datetime | None = None
    release_reason: ReleaseReason | None = None
    previous_periods: tuple[DetentionPeriod, ...] = ()

    @property
    def is_detained(self) -> bool:
        return self.status in _ACTIVE

    def periods(self) -> tuple[DetentionPeriod, ...]:
        """All periods of this case, the current one last."""
        if self.detained_at is None:
            return self.previous_periods
        end = self.released_at.date() if self.released_at is not None else None
        return (*self.previous_periods, DetentionPeriod(self.detained_at.date(), end))


@dataclass(frozen=True, slots=True)
class DetentionResult:
    event: DetentionEvent
    old_status: DetentionStatus | None
    new_status: DetentionStatus
    state: DetentionState
    deadlines: dict[str, date | datetime] = field(default_factory=dict)
    warnings: tuple[DomainError, ...] = ()


DETENTION_TRANSITIONS: Final[tuple[StateTransition[DetentionStatus, DetentionEvent], ...]] = (
    StateTransition(
        frozenset({None, _D.RELEASED}),
        DetentionEvent.DETAIN,
        frozenset({_D.DETAINED_VRS}),
        required=("detained_at",),
    ),
    StateTransition(
        frozenset({_D.DETAINED_VRS}),
        DetentionEvent.COURT_AUTHORISE,
        frozenset({_D.DETAINED_COURT}),
        required=("decided_on", "authorised_until"),
        optional=("court",),
    ),
    StateTransition(
        frozenset({_D.DETAINED_COURT, _D.EXTENDED}),
        DetentionEvent.COURT_EXTEND,
        frozenset({_D.EXTENDED}),
        required=("decided_on", "authorised_until"),
        optional=("court",),
    ),
    StateTransition(
        frozenset(_ACTIVE),
        DetentionEvent.RELEASE,
        frozenset({_D.RELEASED}),
        required=("released_at", "release_reason"),
    ),
)
_INDEX: Final = sub_index(DETENTION_TRANSITIONS)


def detention_allowed_events(status: DetentionStatus | None) -> tuple[DetentionEvent, ...]:
    return tuple(e for e in DetentionEvent if (status, e) in _INDEX)


# --------------------------------------------------------------------------- clock


def cumulative_detention_days(periods: Iterable[DetentionPeriod], today: date) -> int:
    """Calendar days of detention up to and including `today`, each day counted once.

    An open period (end None) runs to `today`; days after `today` and periods that start
    after it are ignored.
    """
    spans: list[tuple[date, date]] = []
    for p in periods:
        start = _as_date(p.start)
        end = today if p.end is None else min(_as_date(p.end), today)
        if start <= end:
            spans.append((start, end))
    spans.sort()
    total = 0
    cur_start: date | None = None
    cur_end: date | None = None
    for start, end in spans:
        if cur_end is not None and start <= cur_end + timedelta(days=1):
            cur_end = max(cur_end, end)
            continue
        if cur_start is not None and cur_end is not None:
            total += (cur_end - cur_start).days + 1
        cur_start, cur_end = start, end
    if cur_start is not None and cur_end is not None:
        total += (cur_end - cur_start).days + 1
    return total


def detention_limit_days(first_day: date, months: int) -> int:
    """Detention days allowed by a cap of `months`, counted from `first_day`.

    6 months from 1 January is 181 days: 1 January to 30 June inclusive.
    """
    first = _as_date(first_day)
    return (add_months(first, months) - first).days


def detention_warnings(
    state: DetentionState, *, today: date, config: LifecycleConfig = DEFAULT_CONFIG
) -> tuple[DomainError, ...]:
    """Clock warnings for the officer: initial VRS period, court authorisation, 6/18 months."""
    out: list[DomainError] = []
    if state.is_detained and state.detained_at is not None:
        if state.status == _D.DETAINED_VRS:
            initial_end = state.detained_at.date() + timedelta(
                days=config.detention_initial_vrs_days
            )
            left = (initial_end - today).days
            if left < 0:
                out.append(
                    DomainError("detention.initial_period_exceeded", until=initial_end.isoformat())
                )
            elif left <= config.court_expiry_warn_days:
                out.append(
                    DomainError(
                        "detention.initial_period_expiring",
                        until=initial_end.isoformat(),
                        days=left,
                    )
                )
        elif state.authorised_until is not None:
            left = (state.authorised_until - today).days
            until = state.authorised_until.isoformat()
            if left < 0:
                out.append(DomainError("detention.authorisation_expired", until=until))
            elif left <= config.court_expiry_warn_days:
                out.append(DomainError("detention.authorisation_expiring", until=until, days=left))
    periods = state.periods()
    if not periods:
        return tuple(out)
    first = min(_as_date(p.start) for p in periods)
    used = cumulative_detention_days(periods, today)
    for months in sorted(config.detention_warn_months):
        limit = detention_limit_days(first, months)
        left = limit - used
        last_day = today + timedelta(days=left)
        if left < 0:
            # Past a cap: informational once it is behind us, but still worth showing
            # while detained (an extension past 6 months needs the Art. 15(6) grounds).
            if state.is_detained:
                out.append(
                    DomainError(
                        "detention.limit_exceeded", months=months, last_day=last_day.isoformat()
                    )
                )
        elif state.is_detained and left <= config.detention_warn_days_before:
            out.append(
                DomainError(
                    "detention.limit_nearing",
                    months=months,
                    days=left,
                    last_day=last_day.isoformat(),
                )
            )
    return tuple(out)


# --------------------------------------------------------------------------- events


def _not_allowed(status: DetentionStatus | None, event: DetentionEvent) -> DomainError:
    lv, en = DETENTION_STATUS_LABELS[status] if status else ("nav aizturēts", "not detained")
    ev_lv, ev_en = DETENTION_EVENT_LABELS[event]
    return DomainError(
        "detention.not_allowed",
        **{"from": lv, "from_en": en, "event": ev_lv, "event_en": ev_en},
    )


def apply_detention_event(
    state: DetentionState,
    event: DetentionEvent | str,
    params: Mapping[str, Any],
    *,
    now: datetime,
    config: LifecycleConfig = DEFAULT_CONFIG,
) -> DetentionResult:
    """Apply a detention event; blocking problems raise `DomainError`."""
    try:
        ev = DetentionEvent(event)
    except ValueError:
        raise DomainError("lifecycle.unknown_event", event=str(event)) from None
    row = _INDEX.get((state.status, ev))
    if row is None:
        raise _not_allowed(state.status, ev)
    p = ParamReader(params, row.required + row.optional, now)
    p.require(row.required)
    deadlines: dict[str, date | datetime] = {}
    warnings: list[DomainError] = []
    target = next(iter(row.targets))

    if ev == DetentionEvent.DETAIN:
        at = p.req_datetime("detained_at", not_future=True)
        previous = state.periods() if state.status == _D.RELEASED else state.previous_periods
        if previous and previous[-1].end is not None and at.date() < previous[-1].end:
            raise DomainError(
                "lifecycle.date_before", field="detained_at", other=previous[-1].end.isoformat()
            )
        new_state = DetentionState(status=target, detained_at=at, previous_periods=previous)
        deadlines["court_authorisation_due"] = at + timedelta(
            days=config.detention_initial_vrs_days
        )
        return DetentionResult(ev, state.status, target, new_state, deadlines, ())

    assert state.detained_at is not None, "an active detention has a start"
    start = state.detained_at
    if ev == DetentionEvent.RELEASE:
        released = p.req_datetime("released_at", not_future=True)
        reason = p.req_enum("release_reason", ReleaseReason)
        if released < start:
            raise DomainError("lifecycle.date_before", field="released_at", other=start.isoformat())
        new_state = replace(state, status=target, released_at=released, release_reason=reason)
        return DetentionResult(ev, state.status, target, new_state, deadlines, ())

    # court_authorise / court_extend
    decided = p.req_date("decided_on", not_future=True)
    until = p.req_date("authorised_until")
    p.opt_text("court")
    if decided < start.date():
        raise DomainError(
            "lifecycle.date_before", field="decided_on", other=start.date().isoformat()
        )
    if until <= decided:
        raise DomainError("detention.until_not_after_decision", field="authorised_until")
    if ev == DetentionEvent.COURT_AUTHORISE:
        initial_end = start.date() + timedelta(days=config.detention_initial_vrs_days)
        if decided > initial_end:
            warnings.append(
                DomainError(
                    "detention.initial_period_exceeded",
                    field="decided_on",
                    until=initial_end.isoformat(),
                )
            )
        base = decided
    else:
        current = state.authorised_until
        if current is not None and until <= current:
            raise DomainError(
                "detention.extension_not_later",
                field="authorised_until",
                until=current.isoformat(),
            )
        base = max(decided, current) if current is not None else decided
    if until > add_months(base, config.court_authorisation_max_months):
        warnings.append(
            DomainError(
                "detention.authorisation_too_long",
                field="authorised_until",
                months=config.court_authorisation_max_months,
            )
        )
    if config.detention_warn_months:
        cap = max(config.detention_warn_months)
        periods = (*state.previous_periods, DetentionPeriod(start.date(), until))
        first = min(_as_date(x.start) for x in periods)
        if cumulative_detention_days(periods, until) > detention_limit_days(first, cap):
            warnings.append(
                DomainError(
                    "detention.extension_beyond_limit", field="authorised_until", months=cap
                )
            )
    deadlines["authorised_until"] = until
    new_state = replace(state, status=target, authorised_until=until)
    return DetentionResult(ev, state.status, target, new_state, deadlines, tuple(warnings))
