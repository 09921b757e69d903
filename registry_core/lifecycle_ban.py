"""Entry-ban sub-lifecycle (domain.md §2.6, §4.7, §5.4).

    (none) --impose--> IMPOSED (start pending departure) | ACTIVE (person outside the EU,
           or already left) | EXPIRED
    IMPOSED --start(exit_date)--> ACTIVE | EXPIRED
    IMPOSED | ACTIVE --suspend(reason)--> SUSPENDED --reinstate--> IMPOSED | ACTIVE
    IMPOSED | ACTIVE | SUSPENDED --annul--> ANNULLED
    IMPOSED | ACTIVE | SUSPENDED --remove_from_list(reason)--> REMOVED_FROM_LIST

ACTIVE → EXPIRED is not an event: it follows from the calendar (`ban_status_on`), and
a suspended ban past its end date reads as EXPIRED too. An indefinite ban never expires. The ban runs from the day the person actually leaves the
EU (CJEU case law, C S26), or from the decision date when the person is already outside
it; `valid_until` is the last day of the ban: valid_from + duration − 1 day (a 3-year ban
from 10 March 2026 is in force through 9 March 2029), with the month-end rule of
`add_months` (29 February + 1 year → 28 February).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from registry_core.lifecycle import (
    DEFAULT_CONFIG,
    LifecycleConfig,
    ParamReader,
    StateTransition,
    sub_index,
)
from registry_core.messages import DomainError, register
from registry_core.records.enums import BanDecisionMaker, EntryBanStatus
from registry_core.workdays import add_months

__all__ = [
    "BAN_EVENT_LABELS",
    "BAN_STATUS_LABELS",
    "BAN_TRANSITIONS",
    "BanResult",
    "EntryBan",
    "EntryBanEvent",
    "apply_ban_event",
    "ban_allowed_events",
    "ban_appealable",
    "ban_status_on",
    "ban_valid_from",
    "ban_valid_until",
    "ban_warnings",
]


class EntryBanEvent(StrEnum):
    IMPOSE = "impose"
    START = "start"
    SUSPEND = "suspend"
    REINSTATE = "reinstate"
    ANNUL = "annul"
    REMOVE_FROM_LIST = "remove_from_list"


_B = EntryBanStatus

BAN_STATUS_LABELS: Final[Mapping[EntryBanStatus, tuple[str, str]]] = MappingProxyType(
    {
        _B.IMPOSED: ("Piemērots (sākums gaidāms)", "Imposed (start pending)"),
        _B.ACTIVE: ("Spēkā", "In force"),
        _B.SUSPENDED: ("Apturēts", "Suspended"),
        _B.ANNULLED: ("Atcelts", "Annulled"),
        _B.EXPIRED: ("Beidzies", "Expired"),
        _B.REMOVED_FROM_LIST: ("Izslēgts no saraksta", "Removed from the list"),
    }
)

BAN_EVENT_LABELS: Final[Mapping[EntryBanEvent, tuple[str, str]]] = MappingProxyType(
    {
        EntryBanEvent.IMPOSE: ("Piemērot ieceļošanas aizliegumu", "Impose entry ban"),
        EntryBanEvent.START: ("Sākt aizlieguma termiņu", "Start the ban period"),
        EntryBanEvent.SUSPEND: ("Apturēt aizliegumu", "Suspend the ban"),
        EntryBanEvent.REINSTATE: ("Atjaunot aizliegumu", "Reinstate the ban"),
        EntryBanEvent.ANNUL: ("Atcelt aizliegumu", "Annul the ban"),
        EntryBanEvent.REMOVE_FROM_LIST: ("Izslēgt no saraksta", "Remove from the list"),
    }
)

register({f"ban.status.{k.value}": v for k, v in BAN_STATUS_LABELS.items()})
register({f"ban.event.{k.value}": v for k, v in BAN_EVENT_LABELS.items()})
register(
    {
        "ban.not_allowed": (
            "Darbība “{event}” nav atļauta, kad aizlieguma statuss ir “{from}”.",
            "The action “{event_en}” is not allowed when the ban status is “{from_en}”.",
        ),
        "ban.duration_missing": (
            "Norādiet aizlieguma ilgumu (gadi/mēneši) vai atzīmējiet “uz nenoteiktu laiku”.",
            "Give the ban's duration (years/months) or mark it “indefinite”.",
        ),
        "ban.duration_conflict": (
            "Aizliegumam uz nenoteiktu laiku nenorāda ilgumu.",
            "An indefinite ban has no duration.",
        ),
        "ban.duration_negative": (
            "Ilgums nevar būt negatīvs.",
            "The duration cannot be negative.",
        ),
        "ban.duration_over_limit": (
            "Aizliegums ir ilgāks par {years} gadiem: tas pieļaujams tikai nopietna apdraudējuma "
            "gadījumā pēc individuāla izvērtējuma (Direktīvas 2008/115/EK 11. panta 2. punkts).",
            "The ban is longer than {years} years: allowed only for a serious threat, after an "
            "individual assessment (Directive 2008/115/EC Art. 11(2)).",
        ),
    }
)


def ban_valid_until(
    valid_from: date, years: int = 0, months: int = 0, *, indefinite: bool = False
) -> date | None:
    """The last day of the ban; None for an indefinite ban (it never expires)."""
    if indefinite:
        return None
    if years < 0 or months < 0:
        raise ValueError("duration must not be negative")
    if years == 0 and months == 0:
        raise ValueError("a ban that is not indefinite needs a duration")
    return add_months(valid_from, 12 * years + months) - timedelta(days=1)


def ban_valid_from(*, decision_date: date, exit_date: date | None, outside_eu: bool) -> date | None:
    """When the ban starts: the exit date (never before the decision), the decision date for a
    person already outside the EU, None while departure is pending."""
    if exit_date is not None:
        return max(exit_date, decision_date)
    if outside_eu:
        return decision_date
    return None


def ban_appealable(decision_maker: BanDecisionMaker | None) -> bool:
    """Foreign Minister decisions cannot be appealed (C S10)."""
    return decision_maker != BanDecisionMaker.FOREIGN_MINISTER


@dataclass(frozen=True, slots=True)
class EntryBan:
    """The lifecycle-relevant part of an entry-ban record (domain.md §4.7)."""

    decision_date: date
    years: int = 0
    months: int = 0
    indefinite: bool = False
    valid_from: date | None = None  # None: start pending departure
    decision_maker: BanDecisionMaker | None = None
    suspended_on: date | None = None
    ended_status: EntryBanStatus | None = None  # ANNULLED or REMOVED_FROM_LIST
    ended_on: date | None = None

    @property
    def valid_until(self) -> date | None:
        """Last day of the ban; None while the start is pending or when indefinite."""
        if self.valid_from is None:
            return None
        return ban_valid_until(self.valid_from, self.years, self.months, indefinite=self.indefinite)

    @property
    def appealable(self) -> bool:
        return ban_appealable(self.decision_maker)


def ban_status_on(ban: EntryBan, day: date) -> EntryBanStatus:
    """The ban's status on `day`.

    An annulment or removal from the list counts from its date; past `valid_until` the ban
    is EXPIRED (an indefinite one never is); a suspension counts from its date; before the
    start (or while it is pending) the ban is IMPOSED; otherwise ACTIVE.
    """
    if ban.ended_status is not None and (ban.ended_on is None or ban.ended_on <= day):
        return ban.ended_status
    until = ban.valid_until
    if until is not None and day > until:
        return _B.EXPIRED
    if ban.suspended_on is not None and ban.suspended_on <= day:
        return _B.SUSPENDED
    if ban.valid_from is None or day < ban.valid_from:
        return _B.IMPOSED
    return _B.ACTIVE


def ban_warnings(
    ban: EntryBan, config: LifecycleConfig = DEFAULT_CONFIG
) -> tuple[DomainError, ...]:
    """Non-blocking warnings on a ban's duration (Return Directive Art. 11(2))."""
    total_months = 12 * ban.years + ban.months
    if ban.indefinite or total_months > 12 * config.ban_max_years:
        return (DomainError("ban.duration_over_limit", field="years", years=config.ban_max_years),)
    return ()


@dataclass(frozen=True, slots=True)
class BanResult:
    event: EntryBanEvent
    old_status: EntryBanStatus | None
    new_status: EntryBanStatus
    ban: EntryBan
    deadlines: dict[str, date] = field(default_factory=dict)
    warnings: tuple[DomainError, ...] = ()


_OPEN: Final = frozenset({_B.IMPOSED, _B.ACTIVE, _B.SUSPENDED})

BAN_TRANSITIONS: Final[tuple[StateTransition[EntryBanStatus, EntryBanEvent], ...]] = (
    StateTransition(
        frozenset({None}),
        EntryBanEvent.IMPOSE,
        frozenset({_B.IMPOSED, _B.ACTIVE, _B.EXPIRED}),
        required=("decision_date",),
        optional=(
            "years",
            "months",
            "indefinite",
            "outside_eu",
            "exit_date",
            "decision_maker",
        ),
    ),
    StateTransition(
        frozenset({_B.IMPOSED}),
        EntryBanEvent.START,
        frozenset({_B.ACTIVE, _B.EXPIRED}),
        required=("exit_date",),
    ),
    StateTransition(
        frozenset({_B.IMPOSED, _B.ACTIVE}),
        EntryBanEvent.SUSPEND,
        frozenset({_B.SUSPENDED}),
        required=("reason",),
        optional=("on",),
    ),
    StateTransition(
        frozenset({_B.SUSPENDED}),
        EntryBanEvent.REINSTATE,
        frozenset({_B.IMPOSED, _B.ACTIVE}),
        optional=("on",),
    ),
    StateTransition(
        _OPEN,
        EntryBanEvent.ANNUL,
        frozenset({_B.ANNULLED}),
        optional=("decided_on", "reason"),
    ),
    StateTransition(
        _OPEN,
        EntryBanEvent.REMOVE_FROM_LIST,
        frozenset({_B.REMOVED_FROM_LIST}),
        required=("reason",),
        optional=("decided_on",),
    ),
)
_INDEX: Final = sub_index(BAN_TRANSITIONS)


def ban_allowed_events(status: EntryBanStatus | None) -> tuple[EntryBanEvent, ...]:
    return tuple(e for e in EntryBanEvent if (status, e) in _INDEX)


def _not_allowed(status: EntryBanStatus | None, event: EntryBanEvent) -> DomainError:
    lv, en = BAN_STATUS_LABELS[status] if status else ("nav piemērots", "not imposed")
    ev_lv, ev_en = BAN_EVENT_LABELS[event]
    return DomainError(
        "ban.not_allowed", **{"from": lv, "from_en": en, "event": ev_lv, "event_en": ev_en}
    )


def _impose(p: ParamReader, config: LifecycleConfig) -> tuple[EntryBan, list[DomainError]]:
    decision_date = p.req_date("decision_date", not_future=True)
    years = p.opt_int("years") or 0
    months = p.opt_int("months") or 0
    indefinite = p.opt_bool("indefinite")
    if years < 0 or months < 0:
        raise DomainError("ban.duration_negative", field="years" if years < 0 else "months")
    if indefinite and (years or months):
        raise DomainError("ban.duration_conflict", field="years")
    if not indefinite and not (years or months):
        raise DomainError("ban.duration_missing", field="years")
    exit_date = p.opt_date("exit_date", not_future=True)
    valid_from = ban_valid_from(
        decision_date=decision_date, exit_date=exit_date, outside_eu=p.opt_bool("outside_eu")
    )
    ban = EntryBan(
        decision_date=decision_date,
        years=years,
        months=months,
        indefinite=indefinite,
        valid_from=valid_from,
        decision_maker=p.opt_enum("decision_maker", BanDecisionMaker),
    )
    return ban, list(ban_warnings(ban, config))


def apply_ban_event(
    ban: EntryBan | None,
    event: EntryBanEvent | str,
    params: Mapping[str, Any],
    *,
    now: datetime,
    config: LifecycleConfig = DEFAULT_CONFIG,
) -> BanResult:
    """Apply an entry-ban event; the source status is `ban_status_on(ban, now.date())`."""
    try:
        ev = EntryBanEvent(event)
    except ValueError:
        raise DomainError("lifecycle.unknown_event", event=str(event)) from None
    today = now.date()
    status = ban_status_on(ban, today) if ban is not None else None
    row = _INDEX.get((status, ev))
    if row is None:
        raise _not_allowed(status, ev)
    p = ParamReader(params, row.required + row.optional, now)
    p.require(row.required)
    warnings: list[DomainError] = []

    if ev == EntryBanEvent.IMPOSE:
        new_ban, warnings = _impose(p, config)
    else:
        assert ban is not None
        if ev == EntryBanEvent.START:
            exit_date = p.req_date("exit_date", not_future=True)
            start = ban_valid_from(
                decision_date=ban.decision_date, exit_date=exit_date, outside_eu=False
            )
            new_ban = replace(ban, valid_from=start)
        elif ev == EntryBanEvent.SUSPEND:
            p.req_text("reason")
            new_ban = replace(ban, suspended_on=p.date_or_today("on"))
        elif ev == EntryBanEvent.REINSTATE:
            p.date_or_today("on")
            new_ban = replace(ban, suspended_on=None)
        else:
            p.opt_text("reason")
            ended = _B.ANNULLED if ev == EntryBanEvent.ANNUL else _B.REMOVED_FROM_LIST
            new_ban = replace(ban, ended_status=ended, ended_on=p.date_or_today("decided_on"))
    new_status = ban_status_on(new_ban, today)
    if new_status not in row.targets:  # pragma: no cover - a table/handler mismatch
        raise AssertionError(f"{ev} led to {new_status}")
    deadlines: dict[str, date] = {}
    if new_ban.valid_from is not None:
        deadlines["valid_from"] = new_ban.valid_from
    if new_ban.valid_until is not None:
        deadlines["valid_until"] = new_ban.valid_until
    return BanResult(ev, status, new_status, new_ban, deadlines, tuple(warnings))
