from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import Any

import pytest

from registry_core.lifecycle import LifecycleConfig, ReleaseReason, SisDeletionReason
from registry_core.lifecycle_ban import (
    BAN_STATUS_LABELS,
    BAN_TRANSITIONS,
    EntryBan,
    EntryBanEvent,
    apply_ban_event,
    ban_allowed_events,
    ban_appealable,
    ban_status_on,
    ban_valid_from,
    ban_valid_until,
    ban_warnings,
)
from registry_core.lifecycle_detention import (
    DETENTION_STATUS_LABELS,
    DETENTION_TRANSITIONS,
    DetentionEvent,
    DetentionPeriod,
    DetentionState,
    apply_detention_event,
    cumulative_detention_days,
    detention_allowed_events,
    detention_limit_days,
    detention_warnings,
)
from registry_core.lifecycle_sis import (
    SIS_TRANSITIONS,
    SisChain,
    SisChainStatus,
    SisEvent,
    apply_sis_event,
    sis_allowed_events,
)
from registry_core.messages import DomainError
from registry_core.records.enums import BanDecisionMaker, DetentionStatus, EntryBanStatus

D = DetentionStatus
B = EntryBanStatus
NOW = datetime(2026, 3, 16, 10, 0)


def codes(errors: tuple[DomainError, ...]) -> list[str]:
    return [e.code for e in errors]


# =========================================================================== detention clock


def test_cumulative_days_single_open_period() -> None:
    periods = [DetentionPeriod(date(2026, 1, 1))]
    assert cumulative_detention_days(periods, date(2026, 1, 1)) == 1
    assert cumulative_detention_days(periods, date(2026, 1, 10)) == 10


def test_cumulative_days_overlap_adjacent_gap_future() -> None:
    overlap = [
        DetentionPeriod(date(2026, 1, 1), date(2026, 1, 10)),
        DetentionPeriod(date(2026, 1, 5), date(2026, 1, 12)),
    ]
    assert cumulative_detention_days(overlap, date(2026, 3, 1)) == 12
    adjacent = [
        DetentionPeriod(date(2026, 1, 11), date(2026, 1, 20)),
        DetentionPeriod(date(2026, 1, 1), date(2026, 1, 10)),
    ]
    assert cumulative_detention_days(adjacent, date(2026, 3, 1)) == 20
    gap = [
        DetentionPeriod(date(2026, 1, 1), date(2026, 1, 10)),
        DetentionPeriod(date(2026, 2, 1)),
        DetentionPeriod(date(2026, 4, 1)),  # starts after today: ignored
    ]
    assert cumulative_detention_days(gap, date(2026, 2, 5)) == 15
    # A planned end after today counts only to today; datetimes count by their date.
    assert (
        cumulative_detention_days(
            [DetentionPeriod(datetime(2026, 2, 1, 23, 0), date(2026, 5, 1))], date(2026, 2, 2)
        )
        == 2
    )
    assert cumulative_detention_days([], date(2026, 2, 2)) == 0


def test_detention_limit_days() -> None:
    assert detention_limit_days(date(2026, 1, 1), 6) == 181  # 1 Jan – 30 Jun
    assert detention_limit_days(date(2026, 1, 1), 18) == 546  # 1 Jan 2026 – 30 Jun 2027


def _court_state(until: date) -> DetentionState:
    return DetentionState(
        status=D.EXTENDED, detained_at=datetime(2026, 1, 1, 8, 0), authorised_until=until
    )


def test_warnings_nearing_six_months() -> None:
    state = _court_state(date(2026, 6, 30))
    (warning,) = detention_warnings(state, today=date(2026, 6, 5))
    assert warning.code == "detention.limit_nearing"
    assert warning.params == {"months": 6, "days": 25, "last_day": "2026-06-30"}
    assert detention_warnings(state, today=date(2026, 5, 20)) == ()  # 41 days left


def test_warnings_court_authorisation_expiring_and_expired() -> None:
    state = _court_state(date(2026, 6, 30))
    warnings = detention_warnings(state, today=date(2026, 6, 25))
    assert codes(warnings) == ["detention.authorisation_expiring", "detention.limit_nearing"]
    assert warnings[0].params == {"until": "2026-06-30", "days": 5}
    warnings = detention_warnings(state, today=date(2026, 7, 2))
    assert codes(warnings) == ["detention.authorisation_expired", "detention.limit_exceeded"]
    assert warnings[1].params == {"months": 6, "last_day": "2026-06-30"}


def test_warnings_nearing_eighteen_months() -> None:
    state = _court_state(date(2027, 8, 1))
    warnings = detention_warnings(state, today=date(2027, 6, 10))
    assert codes(warnings) == ["detention.limit_exceeded", "detention.limit_nearing"]
    assert warnings[1].params == {"months": 18, "days": 20, "last_day": "2027-06-30"}


def test_warnings_count_earlier_periods() -> None:
    state = DetentionState(
        status=D.EXTENDED,
        detained_at=datetime(2026, 5, 1, 8, 0),
        authorised_until=date(2026, 8, 1),
        previous_periods=(DetentionPeriod(date(2026, 1, 1), date(2026, 3, 31)),),
    )
    # 90 days before + 1 May..10 Jul (71) = 161 of 181 days: 20 left.
    (warning,) = detention_warnings(state, today=date(2026, 7, 10))
    assert warning.params["days"] == 20


def test_warnings_initial_vrs_period() -> None:
    state = DetentionState(status=D.DETAINED_VRS, detained_at=datetime(2026, 3, 1, 8, 0))
    assert detention_warnings(state, today=date(2026, 3, 3)) == ()
    (warning,) = detention_warnings(state, today=date(2026, 3, 6))
    assert warning.code == "detention.initial_period_expiring"
    assert warning.params == {"until": "2026-03-11", "days": 5}
    (warning,) = detention_warnings(state, today=date(2026, 3, 12))
    assert warning.code == "detention.initial_period_exceeded"


def test_no_warnings_after_release() -> None:
    state = replace(
        _court_state(date(2026, 6, 30)),
        status=D.RELEASED,
        released_at=datetime(2026, 6, 20, 9, 0),
        release_reason=ReleaseReason.REMOVED,
    )
    assert detention_warnings(state, today=date(2026, 6, 25)) == ()


def test_warning_thresholds_are_configurable() -> None:
    config = LifecycleConfig(detention_warn_months=(3,), detention_warn_days_before=5)
    state = _court_state(date(2026, 6, 30))
    assert detention_warnings(state, today=date(2026, 3, 20), config=config) == ()
    (warning,) = detention_warnings(state, today=date(2026, 3, 28), config=config)
    assert warning.params == {"months": 3, "days": 3, "last_day": "2026-03-31"}


# =========================================================================== detention events

_DET_PARAMS: dict[DetentionEvent, dict[str, Any]] = {
    DetentionEvent.DETAIN: {"detained_at": datetime(2026, 3, 14, 8, 0)},
    DetentionEvent.COURT_AUTHORISE: {
        "decided_on": date(2026, 3, 10),
        "authorised_until": date(2026, 5, 10),
    },
    DetentionEvent.COURT_EXTEND: {
        "decided_on": date(2026, 3, 15),
        "authorised_until": date(2026, 5, 15),
    },
    DetentionEvent.RELEASE: {
        "released_at": datetime(2026, 3, 16, 9, 0),
        "release_reason": "court_order",
    },
}


def _det_state(status: DetentionStatus | None) -> DetentionState:
    if status is None:
        return DetentionState(status=None)
    state = DetentionState(status=status, detained_at=datetime(2026, 3, 5, 8, 0))
    if status in (D.DETAINED_COURT, D.EXTENDED):
        state = replace(state, authorised_until=date(2026, 4, 1))
    if status == D.RELEASED:
        state = replace(
            state,
            released_at=datetime(2026, 3, 10, 8, 0),
            release_reason=ReleaseReason.ALTERNATIVE_MEASURE,
        )
    return state


@pytest.mark.parametrize(
    ("source", "event", "target"),
    [
        pytest.param(s, row.event, t, id=f"{s}-{row.event}")
        for row in DETENTION_TRANSITIONS
        for s in sorted(row.sources, key=lambda x: x or "")
        for t in row.targets
    ],
)
def test_detention_allowed_transitions(
    source: DetentionStatus | None, event: DetentionEvent, target: DetentionStatus
) -> None:
    result = apply_detention_event(_det_state(source), event, _DET_PARAMS[event], now=NOW)
    assert result.new_status == target == result.state.status


@pytest.mark.parametrize(
    ("status", "event"),
    [
        (s, e)
        for s in [None, *DetentionStatus]
        for e in DetentionEvent
        if e not in detention_allowed_events(s)
    ],
)
def test_detention_refused_transitions(
    status: DetentionStatus | None, event: DetentionEvent
) -> None:
    with pytest.raises(DomainError) as info:
        apply_detention_event(_det_state(status), event, _DET_PARAMS[event], now=NOW)
    assert info.value.code == "detention.not_allowed"
    if status is not None:
        assert info.value.params["from"] == DETENTION_STATUS_LABELS[status][0]


def test_detention_table_shape() -> None:
    assert detention_allowed_events(None) == (DetentionEvent.DETAIN,)
    assert detention_allowed_events(D.EXTENDED) == (
        DetentionEvent.COURT_EXTEND,
        DetentionEvent.RELEASE,
    )
    assert detention_allowed_events(D.RELEASED) == (DetentionEvent.DETAIN,)


def test_detain_sets_court_deadline() -> None:
    result = apply_detention_event(
        DetentionState(None), "detain", {"detained_at": datetime(2026, 3, 5, 8, 0)}, now=NOW
    )
    assert result.new_status == D.DETAINED_VRS
    assert result.deadlines == {"court_authorisation_due": datetime(2026, 3, 15, 8, 0)}


def test_court_authorisation_checks_and_warnings() -> None:
    state = _det_state(D.DETAINED_VRS)  # detained 5 March
    with pytest.raises(DomainError) as info:
        apply_detention_event(
            state,
            DetentionEvent.COURT_AUTHORISE,
            {"decided_on": date(2026, 3, 10), "authorised_until": date(2026, 3, 10)},
            now=NOW,
        )
    assert (info.value.code, info.value.field) == (
        "detention.until_not_after_decision",
        "authorised_until",
    )
    with pytest.raises(DomainError) as info:
        apply_detention_event(
            state,
            DetentionEvent.COURT_AUTHORISE,
            {"decided_on": date(2026, 3, 4), "authorised_until": date(2026, 4, 4)},
            now=NOW,
        )
    assert (info.value.code, info.value.field) == ("lifecycle.date_before", "decided_on")
    ok = apply_detention_event(
        state,
        DetentionEvent.COURT_AUTHORISE,
        {"decided_on": date(2026, 3, 10), "authorised_until": date(2026, 5, 10)},
        now=NOW,
    )
    assert ok.warnings == ()
    assert ok.deadlines == {"authorised_until": date(2026, 5, 10)}
    late_and_long = apply_detention_event(
        state,
        DetentionEvent.COURT_AUTHORISE,
        {"decided_on": date(2026, 3, 16), "authorised_until": date(2026, 5, 17)},
        now=NOW,
    )
    assert codes(late_and_long.warnings) == [
        "detention.initial_period_exceeded",
        "detention.authorisation_too_long",
    ]


def test_court_extension_checks_and_limit_warning() -> None:
    state = _det_state(D.DETAINED_COURT)  # authorised until 1 April
    with pytest.raises(DomainError) as info:
        apply_detention_event(
            state,
            DetentionEvent.COURT_EXTEND,
            {"decided_on": date(2026, 3, 15), "authorised_until": date(2026, 4, 1)},
            now=NOW,
        )
    assert info.value.code == "detention.extension_not_later"
    result = apply_detention_event(
        state, DetentionEvent.COURT_EXTEND, _DET_PARAMS[DetentionEvent.COURT_EXTEND], now=NOW
    )
    assert result.new_status == D.EXTENDED and result.warnings == ()
    long_state = DetentionState(
        status=D.EXTENDED,
        detained_at=datetime(2025, 1, 1, 8, 0),
        authorised_until=date(2026, 6, 1),
    )
    beyond = apply_detention_event(
        long_state,
        DetentionEvent.COURT_EXTEND,
        {"decided_on": date(2026, 3, 15), "authorised_until": date(2026, 8, 1)},
        now=NOW,
    )
    assert codes(beyond.warnings) == ["detention.extension_beyond_limit"]
    assert beyond.warnings[0].params == {"months": 18}


def test_release_checks_and_redetention_keeps_history() -> None:
    state = _det_state(D.DETAINED_COURT)
    with pytest.raises(DomainError) as info:
        apply_detention_event(
            state,
            DetentionEvent.RELEASE,
            {"released_at": datetime(2026, 3, 12, 9, 0), "release_reason": "bored"},
            now=NOW,
        )
    assert (info.value.code, info.value.field) == ("enum", "release_reason")
    with pytest.raises(DomainError) as info:
        apply_detention_event(
            state,
            DetentionEvent.RELEASE,
            {"released_at": datetime(2026, 3, 1, 9, 0), "release_reason": "other"},
            now=NOW,
        )
    assert info.value.code == "lifecycle.date_before"
    released = apply_detention_event(
        state,
        DetentionEvent.RELEASE,
        {"released_at": datetime(2026, 3, 10, 9, 0), "release_reason": "alternative_measure"},
        now=NOW,
    ).state
    assert released.release_reason == ReleaseReason.ALTERNATIVE_MEASURE
    again = apply_detention_event(
        released, DetentionEvent.DETAIN, {"detained_at": datetime(2026, 3, 14, 8, 0)}, now=NOW
    ).state
    assert again.status == D.DETAINED_VRS
    assert again.previous_periods == (DetentionPeriod(date(2026, 3, 5), date(2026, 3, 10)),)
    assert cumulative_detention_days(again.periods(), date(2026, 3, 16)) == 6 + 3
    with pytest.raises(DomainError) as info:
        apply_detention_event(
            released, DetentionEvent.DETAIN, {"detained_at": datetime(2026, 3, 9, 8, 0)}, now=NOW
        )
    assert info.value.code == "lifecycle.date_before"


# =========================================================================== entry ban


@pytest.mark.parametrize(
    ("valid_from", "years", "months", "until"),
    [
        (date(2026, 3, 10), 3, 0, date(2029, 3, 9)),
        (date(2026, 3, 10), 0, 6, date(2026, 9, 9)),
        (date(2026, 1, 1), 5, 0, date(2030, 12, 31)),
        (date(2024, 2, 29), 1, 0, date(2025, 2, 27)),
        (date(2026, 8, 31), 0, 6, date(2027, 2, 27)),
    ],
)
def test_ban_valid_until(valid_from: date, years: int, months: int, until: date) -> None:
    assert ban_valid_until(valid_from, years, months) == until


def test_ban_valid_until_indefinite_and_invalid() -> None:
    assert ban_valid_until(date(2026, 3, 10), indefinite=True) is None
    with pytest.raises(ValueError):
        ban_valid_until(date(2026, 3, 10))
    with pytest.raises(ValueError):
        ban_valid_until(date(2026, 3, 10), -1)


def test_ban_valid_from() -> None:
    decided = date(2026, 3, 10)
    assert ban_valid_from(decision_date=decided, exit_date=None, outside_eu=False) is None
    assert ban_valid_from(decision_date=decided, exit_date=None, outside_eu=True) == decided
    assert ban_valid_from(decision_date=decided, exit_date=date(2026, 4, 2), outside_eu=False) == (
        date(2026, 4, 2)
    )
    assert ban_valid_from(decision_date=decided, exit_date=date(2026, 3, 1), outside_eu=False) == (
        decided
    )


def test_ban_status_on_dates() -> None:
    pending = EntryBan(decision_date=date(2026, 3, 10), years=3)
    assert ban_status_on(pending, date(2040, 1, 1)) == B.IMPOSED
    assert pending.valid_until is None
    started = replace(pending, valid_from=date(2026, 4, 2))
    assert ban_status_on(started, date(2026, 4, 1)) == B.IMPOSED
    assert ban_status_on(started, date(2026, 4, 2)) == B.ACTIVE
    assert ban_status_on(started, date(2029, 4, 1)) == B.ACTIVE
    assert ban_status_on(started, date(2029, 4, 2)) == B.EXPIRED
    indefinite = EntryBan(
        decision_date=date(2014, 5, 1), indefinite=True, valid_from=date(2014, 5, 1)
    )
    assert ban_status_on(indefinite, date(2099, 12, 31)) == B.ACTIVE
    annulled = replace(started, ended_status=B.ANNULLED, ended_on=date(2027, 1, 1))
    assert ban_status_on(annulled, date(2026, 12, 31)) == B.ACTIVE
    assert ban_status_on(annulled, date(2027, 1, 1)) == B.ANNULLED
    suspended = replace(started, suspended_on=date(2026, 6, 1))
    assert ban_status_on(suspended, date(2026, 5, 31)) == B.ACTIVE
    assert ban_status_on(suspended, date(2026, 6, 1)) == B.SUSPENDED
    assert ban_status_on(suspended, date(2029, 4, 2)) == B.EXPIRED


def test_foreign_minister_bans_are_not_appealable() -> None:
    assert not ban_appealable(BanDecisionMaker.FOREIGN_MINISTER)
    assert ban_appealable(BanDecisionMaker.PMLP_HEAD)
    ban = EntryBan(
        date(2014, 5, 1), indefinite=True, decision_maker=BanDecisionMaker.FOREIGN_MINISTER
    )
    assert not ban.appealable


def test_ban_duration_warnings() -> None:
    assert ban_warnings(EntryBan(date(2026, 3, 10), years=5)) == ()
    assert codes(ban_warnings(EntryBan(date(2026, 3, 10), years=5, months=1))) == [
        "ban.duration_over_limit"
    ]
    assert codes(ban_warnings(EntryBan(date(2026, 3, 10), indefinite=True))) == [
        "ban.duration_over_limit"
    ]


def _ban_for(status: EntryBanStatus | None) -> EntryBan | None:
    base = EntryBan(decision_date=date(2026, 1, 10), years=3)
    return {
        None: None,
        B.IMPOSED: base,
        B.ACTIVE: replace(base, valid_from=date(2026, 2, 1)),
        B.SUSPENDED: replace(base, valid_from=date(2026, 2, 1), suspended_on=date(2026, 3, 1)),
        B.ANNULLED: replace(base, ended_status=B.ANNULLED, ended_on=date(2026, 3, 1)),
        B.EXPIRED: EntryBan(date(2020, 1, 10), years=1, valid_from=date(2020, 2, 1)),
        B.REMOVED_FROM_LIST: replace(
            base, ended_status=B.REMOVED_FROM_LIST, ended_on=date(2026, 3, 1)
        ),
    }[status]


_BAN_PARAMS: dict[EntryBanEvent, dict[str, Any]] = {
    EntryBanEvent.IMPOSE: {"decision_date": date(2026, 3, 10), "years": 3},
    EntryBanEvent.START: {"exit_date": date(2026, 3, 12)},
    EntryBanEvent.SUSPEND: {"reason": "Tiesas nolēmums"},
    EntryBanEvent.REINSTATE: {},
    EntryBanEvent.ANNUL: {},
    EntryBanEvent.REMOVE_FROM_LIST: {"reason": "Ministra lēmums"},
}


def _ban_scenario(
    source: EntryBanStatus | None, event: EntryBanEvent, target: EntryBanStatus
) -> tuple[EntryBan | None, dict[str, Any]]:
    ban = _ban_for(source)
    params = dict(_BAN_PARAMS[event])
    if event == EntryBanEvent.IMPOSE:
        if target == B.ACTIVE:
            params["outside_eu"] = True
        elif target == B.EXPIRED:
            params.update(decision_date=date(2020, 1, 10), years=1, exit_date=date(2020, 2, 1))
    if event == EntryBanEvent.START and target == B.EXPIRED:
        ban = EntryBan(decision_date=date(2020, 1, 10), years=1)
        params["exit_date"] = date(2020, 2, 1)
    if event == EntryBanEvent.REINSTATE and target == B.IMPOSED:
        ban = EntryBan(date(2026, 1, 10), years=3, suspended_on=date(2026, 3, 1))
    return ban, params


@pytest.mark.parametrize(
    ("source", "event", "target"),
    [
        pytest.param(s, row.event, t, id=f"{s}-{row.event}-{t}")
        for row in BAN_TRANSITIONS
        for s in sorted(row.sources, key=lambda x: x or "")
        for t in sorted(row.targets)
    ],
)
def test_ban_allowed_transitions(
    source: EntryBanStatus | None, event: EntryBanEvent, target: EntryBanStatus
) -> None:
    ban, params = _ban_scenario(source, event, target)
    result = apply_ban_event(ban, event, params, now=NOW)
    assert result.old_status == source
    assert result.new_status == target


@pytest.mark.parametrize(
    ("status", "event"),
    [
        (s, e)
        for s in [None, *EntryBanStatus]
        for e in EntryBanEvent
        if e not in ban_allowed_events(s)
    ],
)
def test_ban_refused_transitions(status: EntryBanStatus | None, event: EntryBanEvent) -> None:
    with pytest.raises(DomainError) as info:
        apply_ban_event(_ban_for(status), event, _BAN_PARAMS[event], now=NOW)
    assert info.value.code == "ban.not_allowed"
    if status is not None:
        assert info.value.params["from"] == BAN_STATUS_LABELS[status][0]


def test_impose_pending_then_start_from_exit_date() -> None:
    imposed = apply_ban_event(
        None, EntryBanEvent.IMPOSE, {"decision_date": date(2026, 3, 10), "years": 5}, now=NOW
    )
    assert imposed.new_status == B.IMPOSED
    assert imposed.ban.valid_from is None and imposed.deadlines == {}
    started = apply_ban_event(
        imposed.ban, EntryBanEvent.START, {"exit_date": date(2026, 3, 14)}, now=NOW
    )
    assert started.new_status == B.ACTIVE
    assert started.deadlines == {"valid_from": date(2026, 3, 14), "valid_until": date(2031, 3, 13)}


def test_impose_for_person_outside_eu_is_active_from_decision_date() -> None:
    result = apply_ban_event(
        None,
        EntryBanEvent.IMPOSE,
        {
            "decision_date": date(2026, 3, 10),
            "indefinite": True,
            "outside_eu": True,
            "decision_maker": "foreign_minister",
        },
        now=NOW,
    )
    assert result.new_status == B.ACTIVE
    assert result.ban.valid_from == date(2026, 3, 10)
    assert result.ban.valid_until is None
    assert not result.ban.appealable
    assert codes(result.warnings) == ["ban.duration_over_limit"]


@pytest.mark.parametrize(
    ("params", "code", "field"),
    [
        ({}, "ban.duration_missing", "years"),
        ({"years": 2, "indefinite": True}, "ban.duration_conflict", "years"),
        ({"months": -1}, "ban.duration_negative", "months"),
        ({"years": 2, "exit_date": date(2026, 3, 20)}, "lifecycle.date_in_future", "exit_date"),
    ],
)
def test_impose_refusals(params: dict[str, Any], code: str, field: str) -> None:
    with pytest.raises(DomainError) as info:
        apply_ban_event(
            None, EntryBanEvent.IMPOSE, {"decision_date": date(2026, 3, 10), **params}, now=NOW
        )
    assert (info.value.code, info.value.field) == (code, field)


def test_suspend_reinstate_annul_remove() -> None:
    active = _ban_for(B.ACTIVE)
    with pytest.raises(DomainError) as info:
        apply_ban_event(active, EntryBanEvent.SUSPEND, {}, now=NOW)
    assert (info.value.code, info.value.field) == ("lifecycle.reason_required", "reason")
    suspended = apply_ban_event(active, EntryBanEvent.SUSPEND, {"reason": "Tiesa"}, now=NOW)
    assert suspended.new_status == B.SUSPENDED
    reinstated = apply_ban_event(suspended.ban, EntryBanEvent.REINSTATE, {}, now=NOW)
    assert reinstated.new_status == B.ACTIVE
    annulled = apply_ban_event(
        reinstated.ban, EntryBanEvent.ANNUL, {"decided_on": date(2026, 3, 12)}, now=NOW
    )
    assert annulled.new_status == B.ANNULLED
    assert annulled.ban.ended_on == date(2026, 3, 12)
    with pytest.raises(DomainError) as info:
        apply_ban_event(active, EntryBanEvent.REMOVE_FROM_LIST, {}, now=NOW)
    assert info.value.code == "lifecycle.reason_required"
    removed = apply_ban_event(active, EntryBanEvent.REMOVE_FROM_LIST, {"reason": "X"}, now=NOW)
    assert removed.new_status == B.REMOVED_FROM_LIST


# =========================================================================== SIS alerts


def _chain_for(status: SisChainStatus | None) -> SisChain:
    chain = SisChain(status=status, has_entry_ban=True)
    if status in (
        SisChainStatus.RETURN_ALERT_DELETED,
        SisChainStatus.REFUSAL_ALERT_ENTERED,
        SisChainStatus.REFUSAL_ALERT_DELETED,
    ):
        chain = replace(chain, return_deletion_reason=SisDeletionReason.EXIT_CONFIRMED)
    return chain


_SIS_PARAMS: dict[SisEvent, dict[str, Any]] = {
    SisEvent.ENTER_RETURN_ALERT: {"alert_id": "LV-R-1"},
    SisEvent.DELETE_RETURN_ALERT: {"reason": "exit_confirmed"},
    SisEvent.ENTER_REFUSAL_ALERT: {"alert_id": "LV-E-1"},
    SisEvent.DELETE_REFUSAL_ALERT: {"reason": "ban_ended"},
}


@pytest.mark.parametrize(
    ("source", "event", "target"),
    [
        pytest.param(s, row.event, t, id=f"{s}-{row.event}")
        for row in SIS_TRANSITIONS
        for s in sorted(row.sources, key=lambda x: x or "")
        for t in row.targets
    ],
)
def test_sis_allowed_transitions(
    source: SisChainStatus | None, event: SisEvent, target: SisChainStatus
) -> None:
    assert apply_sis_event(_chain_for(source), event, _SIS_PARAMS[event], now=NOW).status == target


@pytest.mark.parametrize(
    ("status", "event"),
    [(s, e) for s in [None, *SisChainStatus] for e in SisEvent if e not in sis_allowed_events(s)],
)
def test_sis_refused_transitions(status: SisChainStatus | None, event: SisEvent) -> None:
    with pytest.raises(DomainError) as info:
        apply_sis_event(_chain_for(status), event, _SIS_PARAMS[event], now=NOW)
    assert info.value.code == "sis.not_allowed"


def test_sis_full_chain_after_exit() -> None:
    chain = SisChain(status=None, has_entry_ban=True)
    chain = apply_sis_event(chain, SisEvent.ENTER_RETURN_ALERT, {"alert_id": "R1"}, now=NOW)
    assert chain.return_entered_on == date(2026, 3, 16)
    chain = apply_sis_event(
        chain,
        SisEvent.DELETE_RETURN_ALERT,
        {"reason": "removed", "deleted_on": date(2026, 3, 15)},
        now=NOW,
    )
    assert chain.person_left
    chain = apply_sis_event(chain, SisEvent.ENTER_REFUSAL_ALERT, {"alert_id": "E1"}, now=NOW)
    assert (chain.status, chain.refusal_alert_id) == (SisChainStatus.REFUSAL_ALERT_ENTERED, "E1")
    chain = apply_sis_event(chain, SisEvent.DELETE_REFUSAL_ALERT, {"reason": "ban_ended"}, now=NOW)
    assert chain.status == SisChainStatus.REFUSAL_ALERT_DELETED


def test_sis_refusal_alert_guards() -> None:
    annulled = SisChain(
        status=SisChainStatus.RETURN_ALERT_DELETED,
        has_entry_ban=True,
        return_deletion_reason=SisDeletionReason.ANNULLED,
    )
    with pytest.raises(DomainError) as info:
        apply_sis_event(annulled, SisEvent.ENTER_REFUSAL_ALERT, {}, now=NOW)
    assert info.value.code == "sis.person_not_left"
    no_ban = replace(_chain_for(SisChainStatus.RETURN_ALERT_DELETED), has_entry_ban=False)
    with pytest.raises(DomainError) as info:
        apply_sis_event(no_ban, SisEvent.ENTER_REFUSAL_ALERT, {}, now=NOW)
    assert info.value.code == "sis.no_entry_ban"
    with pytest.raises(DomainError) as info:
        apply_sis_event(SisChain(None), SisEvent.ENTER_REFUSAL_ALERT, {}, now=NOW)
    assert info.value.code == "sis.no_entry_ban"
    with pytest.raises(DomainError) as info:
        apply_sis_event(
            _chain_for(SisChainStatus.RETURN_ALERT_ENTERED),
            SisEvent.DELETE_RETURN_ALERT,
            {},
            now=NOW,
        )
    assert (info.value.code, info.value.field) == ("lifecycle.reason_required", "reason")
