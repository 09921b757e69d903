"""SIS alert sub-lifecycle of a case (domain.md §3.2, §5.5).

    (none) --enter_return_alert--> RETURN_ALERT_ENTERED
    RETURN_ALERT_ENTERED --delete_return_alert(reason)--> RETURN_ALERT_DELETED
    RETURN_ALERT_DELETED --enter_refusal_alert--> REFUSAL_ALERT_ENTERED
        (only with an entry ban, and only once the person has left: the return alert was
        deleted because the exit was confirmed or the removal executed — Latvian practice,
        C S22, and Reg. 2018/1860 Art. 8)
    (none) --enter_refusal_alert--> REFUSAL_ALERT_ENTERED   (entry-ban-only cases, e.g. the
        national list, where no return decision exists; needs an entry ban)
    REFUSAL_ALERT_ENTERED --delete_refusal_alert(reason)--> REFUSAL_ALERT_DELETED (ban ends)

The desktop never talks to SIS itself: these are the register's records of what the
national SIS interface has done (alert id, dates, deletion reason).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from registry_core.lifecycle import (
    ParamReader,
    SisDeletionReason,
    StateTransition,
    sub_index,
)
from registry_core.messages import DomainError, register

__all__ = [
    "SIS_EVENT_LABELS",
    "SIS_STATUS_LABELS",
    "SIS_TRANSITIONS",
    "SisChain",
    "SisChainStatus",
    "SisEvent",
    "apply_sis_event",
    "sis_allowed_events",
]


class SisChainStatus(StrEnum):
    RETURN_ALERT_ENTERED = "RETURN_ALERT_ENTERED"
    RETURN_ALERT_DELETED = "RETURN_ALERT_DELETED"
    REFUSAL_ALERT_ENTERED = "REFUSAL_ALERT_ENTERED"
    REFUSAL_ALERT_DELETED = "REFUSAL_ALERT_DELETED"


class SisEvent(StrEnum):
    ENTER_RETURN_ALERT = "enter_return_alert"
    DELETE_RETURN_ALERT = "delete_return_alert"
    ENTER_REFUSAL_ALERT = "enter_refusal_alert"
    DELETE_REFUSAL_ALERT = "delete_refusal_alert"


_C = SisChainStatus
_DEPARTED: Final = frozenset({SisDeletionReason.EXIT_CONFIRMED, SisDeletionReason.REMOVED})

SIS_STATUS_LABELS: Final[Mapping[SisChainStatus, tuple[str, str]]] = MappingProxyType(
    {
        _C.RETURN_ALERT_ENTERED: (
            "Ievadīts SIS brīdinājums par atgriešanu",
            "SIS return alert entered",
        ),
        _C.RETURN_ALERT_DELETED: (
            "SIS brīdinājums par atgriešanu dzēsts",
            "SIS return alert deleted",
        ),
        _C.REFUSAL_ALERT_ENTERED: (
            "Ievadīts SIS brīdinājums par ieceļošanas atteikumu",
            "SIS refusal-of-entry alert entered",
        ),
        _C.REFUSAL_ALERT_DELETED: (
            "SIS brīdinājums par ieceļošanas atteikumu dzēsts",
            "SIS refusal-of-entry alert deleted",
        ),
    }
)

SIS_EVENT_LABELS: Final[Mapping[SisEvent, tuple[str, str]]] = MappingProxyType(
    {
        SisEvent.ENTER_RETURN_ALERT: (
            "Reģistrēt SIS brīdinājumu par atgriešanu",
            "Record SIS return alert",
        ),
        SisEvent.DELETE_RETURN_ALERT: (
            "Reģistrēt SIS brīdinājuma par atgriešanu dzēšanu",
            "Record deletion of SIS return alert",
        ),
        SisEvent.ENTER_REFUSAL_ALERT: (
            "Reģistrēt SIS brīdinājumu par ieceļošanas atteikumu",
            "Record SIS refusal-of-entry alert",
        ),
        SisEvent.DELETE_REFUSAL_ALERT: (
            "Reģistrēt SIS brīdinājuma par ieceļošanas atteikumu dzēšanu",
            "Record deletion of SIS refusal-of-entry alert",
        ),
    }
)

register({f"sis.status.{k.value}": v for k, v in SIS_STATUS_LABELS.items()})
register({f"sis.event.{k.value}": v for k, v in SIS_EVENT_LABELS.items()})
register(
    {
        "sis.not_allowed": (
            "Darbība “{event}” nav atļauta, kad SIS brīdinājuma statuss ir “{from}”.",
            "The action “{event_en}” is not allowed when the SIS alert status is “{from_en}”.",
        ),
        "sis.no_entry_ban": (
            "Brīdinājumu par ieceļošanas atteikumu ievada tikai tad, ja ir ieceļošanas aizliegums.",
            "A refusal-of-entry alert is entered only when there is an entry ban.",
        ),
        "sis.person_not_left": (
            "Ieceļošanas aizliegumu SIS ievada pēc tam, kad persona ir izceļojusi.",
            "The entry ban is entered into SIS after the person has left.",
        ),
    }
)


@dataclass(frozen=True, slots=True)
class SisChain:
    status: SisChainStatus | None
    has_entry_ban: bool = False
    return_alert_id: str | None = None
    return_entered_on: date | None = None
    return_deleted_on: date | None = None
    return_deletion_reason: SisDeletionReason | None = None
    refusal_alert_id: str | None = None
    refusal_entered_on: date | None = None
    refusal_deleted_on: date | None = None
    refusal_deletion_reason: SisDeletionReason | None = None

    @property
    def person_left(self) -> bool:
        return self.return_deletion_reason in _DEPARTED


SIS_TRANSITIONS: Final[tuple[StateTransition[SisChainStatus, SisEvent], ...]] = (
    StateTransition(
        frozenset({None}),
        SisEvent.ENTER_RETURN_ALERT,
        frozenset({_C.RETURN_ALERT_ENTERED}),
        optional=("alert_id", "entered_on"),
    ),
    StateTransition(
        frozenset({_C.RETURN_ALERT_ENTERED}),
        SisEvent.DELETE_RETURN_ALERT,
        frozenset({_C.RETURN_ALERT_DELETED}),
        required=("reason",),
        optional=("deleted_on",),
    ),
    StateTransition(
        frozenset({_C.RETURN_ALERT_DELETED}),
        SisEvent.ENTER_REFUSAL_ALERT,
        frozenset({_C.REFUSAL_ALERT_ENTERED}),
        guards=("entry_ban", "person_left"),
        optional=("alert_id", "entered_on"),
    ),
    StateTransition(
        frozenset({None}),
        SisEvent.ENTER_REFUSAL_ALERT,
        frozenset({_C.REFUSAL_ALERT_ENTERED}),
        guards=("entry_ban",),
        optional=("alert_id", "entered_on"),
    ),
    StateTransition(
        frozenset({_C.REFUSAL_ALERT_ENTERED}),
        SisEvent.DELETE_REFUSAL_ALERT,
        frozenset({_C.REFUSAL_ALERT_DELETED}),
        required=("reason",),
        optional=("deleted_on",),
    ),
)
_INDEX: Final = sub_index(SIS_TRANSITIONS)


def sis_allowed_events(status: SisChainStatus | None) -> tuple[SisEvent, ...]:
    return tuple(e for e in SisEvent if (status, e) in _INDEX)


def _not_allowed(status: SisChainStatus | None, event: SisEvent) -> DomainError:
    lv, en = SIS_STATUS_LABELS[status] if status else ("nav brīdinājuma", "no alert")
    ev_lv, ev_en = SIS_EVENT_LABELS[event]
    return DomainError(
        "sis.not_allowed", **{"from": lv, "from_en": en, "event": ev_lv, "event_en": ev_en}
    )


def apply_sis_event(
    chain: SisChain, event: SisEvent | str, params: Mapping[str, Any], *, now: datetime
) -> SisChain:
    """Record an SIS step; returns the updated chain or raises `DomainError`."""
    try:
        ev = SisEvent(event)
    except ValueError:
        raise DomainError("lifecycle.unknown_event", event=str(event)) from None
    row = _INDEX.get((chain.status, ev))
    if row is None:
        raise _not_allowed(chain.status, ev)
    p = ParamReader(params, row.required + row.optional, now)
    if "entry_ban" in row.guards and not chain.has_entry_ban:
        raise DomainError("sis.no_entry_ban")
    if "person_left" in row.guards and not chain.person_left:
        raise DomainError("sis.person_not_left")
    p.require(row.required)
    target = next(iter(row.targets))
    if ev == SisEvent.ENTER_RETURN_ALERT:
        return replace(
            chain,
            status=target,
            return_alert_id=p.opt_text("alert_id"),
            return_entered_on=p.date_or_today("entered_on"),
        )
    if ev == SisEvent.DELETE_RETURN_ALERT:
        return replace(
            chain,
            status=target,
            return_deletion_reason=p.req_enum("reason", SisDeletionReason),
            return_deleted_on=p.date_or_today("deleted_on"),
        )
    if ev == SisEvent.ENTER_REFUSAL_ALERT:
        return replace(
            chain,
            status=target,
            refusal_alert_id=p.opt_text("alert_id"),
            refusal_entered_on=p.date_or_today("entered_on"),
        )
    return replace(
        chain,
        status=target,
        refusal_deletion_reason=p.req_enum("reason", SisDeletionReason),
        refusal_deleted_on=p.date_or_today("deleted_on"),
    )
