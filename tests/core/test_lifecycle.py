from __future__ import annotations

from collections import deque
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from registry_core.lifecycle import (
    ENFORCEMENT_EVENTS,
    EVENT_LABELS,
    GUARDS,
    OPEN_STATES,
    STATUS_LABELS,
    TERMINAL_STATES,
    TRANSITIONS,
    AllowEnforcement,
    AnnulEntryBan,
    BlockEnforcement,
    CancelTasks,
    CaseContext,
    CaseEvent,
    DeleteSisReturnAlert,
    EndDetention,
    EnforcementBlock,
    EnterSisRefusalAlert,
    EnterSisReturnAlert,
    FlagPerson,
    LifecycleConfig,
    ReleaseReason,
    SetDecisionStatus,
    SisDeletionReason,
    StartDetention,
    StartEntryBan,
    TaskKind,
    TaskSpec,
    TransitionResult,
    UpdateSisReturnAlert,
    allowed_events,
    apply_event,
    available_events,
    can_apply,
    find_transition,
    task_title_code,
)
from registry_core.messages import DomainError, known, text
from registry_core.records.enums import (
    CaseStatus,
    DecisionStatus,
    DecisionType,
    Institution,
)

S = CaseStatus
E = CaseEvent
NOW = datetime(2026, 3, 16, 10, 0)  # Monday


# --------------------------------------------------------------------------- scenario data

_REMOVAL_STATES = {
    S.REMOVAL_ORDERED,
    S.CHALLENGED,
    S.APPEALED,
    S.POSTPONED,
    S.REMOVAL_PREPARATION,
    S.ABSCONDED,
    S.REMOVED,
    S.CANCELLED,
}


def base_ctx(status: CaseStatus | None) -> CaseContext:
    """A consistent context for a case that has reached `status`."""
    ctx = CaseContext(
        status=status, owner_institution=Institution.VRS, detecting_institution=Institution.VRS
    )
    if status in (S.VD_ORDERED, S.DEPARTED_VOLUNTARILY):
        ctx = replace(
            ctx,
            decision_type=DecisionType.DEPARTURE_ORDER,
            decided_by=Institution.VRS,
            decision_date=date(2026, 2, 2),
            vd_deadline=date(2026, 3, 4),  # passed at NOW
        )
    if status in _REMOVAL_STATES:
        ctx = replace(
            ctx,
            decision_type=DecisionType.REMOVAL_DECISION,
            decided_by=Institution.VRS,
            decision_date=date(2026, 3, 2),
        )
    if status == S.CHALLENGED:
        ctx = replace(ctx, challenge_pending=True)
    if status == S.APPEALED:
        ctx = replace(ctx, appeal_pending=True)
    if status == S.POSTPONED:
        ctx = replace(ctx, postponed_by=EnforcementBlock.POSTPONEMENT)
    if status == S.REMOVAL_PREPARATION:
        ctx = replace(
            ctx,
            planned_removal_at=datetime(2026, 3, 16, 8, 0),
            notice_given_at=datetime(2026, 3, 15, 8, 0),
        )
    if status == S.DETAINED:
        ctx = replace(ctx, detained=True)
    return ctx


BASE_PARAMS: dict[CaseEvent, dict[str, Any]] = {
    E.REGISTER_DETECTION: {"detection_date": date(2026, 3, 10)},
    E.RECORD_DETENTION: {"detained_at": datetime(2026, 3, 10, 9, 0)},
    E.RELEASE_FROM_DETENTION: {
        "released_at": datetime(2026, 3, 12, 9, 0),
        "release_reason": "alternative_measure",
    },
    E.START_DECISION: {},
    E.SERVE_DEPARTURE_ORDER: {"served_at": date(2026, 3, 16), "vd_period_days": 30},
    E.TAKE_REMOVAL_DECISION: {"decided_by": "PMLP", "decided_on": date(2026, 3, 12)},
    E.EXTEND_VD: {"reason": "Bērns pabeidz mācību gadu", "extend_by_days": 10},
    E.CONFIRM_EXIT: {"exit_date": date(2026, 3, 3)},
    E.VD_EXPIRED_REMOVAL: {"decided_by": "VRS", "decided_on": date(2026, 3, 10)},
    E.MARK_ABSCONDED: {},
    E.FILE_CHALLENGE: {"filed_on": date(2026, 3, 10)},
    E.UPHOLD_CHALLENGE: {},
    E.ANNUL: {},
    E.FILE_APPEAL: {},
    E.GRANT_INTERIM_RELIEF: {},
    E.DISMISS_APPEAL: {},
    E.START_PREPARATION: {
        "planned_removal_at": datetime(2026, 3, 20, 8, 0),
        "notice_given_at": datetime(2026, 3, 16, 8, 0),
    },
    E.EXECUTE_REMOVAL: {"removed_at": datetime(2026, 3, 16, 9, 0)},
    E.ABORT_REMOVAL: {"reason": "Reiss atcelts"},
    E.POSTPONE: {"reason": "Veselības stāvoklis"},
    E.RESUME: {},
    E.GRANT_LEGAL_STAY: {},
    E.ASYLUM_APPLICATION: {},
    E.PERSON_FOUND: {"found_on": date(2026, 3, 14)},
    E.ARCHIVE: {},
}


def scenario(
    source: CaseStatus | None, event: CaseEvent, target: CaseStatus
) -> tuple[CaseContext, dict[str, Any]]:
    """Context and parameters with which `event` in `source` should reach `target`."""
    ctx = base_ctx(source)
    params = dict(BASE_PARAMS[event])
    row = find_transition(source, event)
    assert row is not None
    if "appeal_pending" in row.guards or "remedy_pending" in row.guards:
        ctx = replace(ctx, appeal_pending=True)
    if "detained" in row.guards:
        ctx = replace(ctx, detained=True)
    if event == E.ABORT_REMOVAL and target == S.POSTPONED:
        params["postpone"] = True
    if event == E.DISMISS_APPEAL and source == S.POSTPONED:
        ctx = replace(ctx, interim_relief=target == S.REMOVAL_ORDERED)
    if event in (E.RESUME, E.PERSON_FOUND):
        ctx = replace(ctx, postponed_by=None, challenge_pending=False, appeal_pending=False)
        if target == S.POSTPONED:
            ctx = replace(ctx, postponed_by=EnforcementBlock.ASYLUM)
        elif target == S.CHALLENGED:
            ctx = replace(ctx, challenge_pending=True)
        elif target == S.APPEALED:
            ctx = replace(ctx, appeal_pending=True)
        elif target in (S.DECISION_PENDING, S.DETAINED):
            ctx = replace(
                ctx,
                decision_type=DecisionType.DEPARTURE_ORDER,
                vd_deadline=date(2026, 3, 4),
            )
        if target == S.DETAINED:
            params["detained_at"] = datetime(2026, 3, 14, 12, 0)
    return ctx, params


ALLOWED = [
    pytest.param(source, row.event, target, id=f"{source or 'new'}-{row.event}-{target}")
    for row in TRANSITIONS
    for source in sorted(row.sources, key=lambda s: s or "")
    for target in sorted(row.targets)
]

REFUSED = [
    pytest.param(status, event, id=f"{status or 'new'}-{event}")
    for status in [None, *CaseStatus]
    for event in CaseEvent
    if not can_apply(status, event)
]


def run(ctx: CaseContext, event: CaseEvent | str, **params: Any) -> TransitionResult:
    return apply_event(ctx, event, params, now=NOW)


def raises(code: str, ctx: CaseContext, event: CaseEvent, **params: Any) -> DomainError:
    with pytest.raises(DomainError) as info:
        apply_event(ctx, event, params, now=NOW)
    assert info.value.code == code, info.value.code
    return info.value


def task(result: TransitionResult, kind: TaskKind) -> TaskSpec:
    found = [t for t in result.tasks if t.kind == kind]
    assert len(found) == 1, result.tasks
    return found[0]


def codes(errors: tuple[DomainError, ...]) -> list[str]:
    return [e.code for e in errors]


# --------------------------------------------------------------------------- the table


@pytest.mark.parametrize(("source", "event", "target"), ALLOWED)
def test_every_allowed_transition_reaches_its_target(
    source: CaseStatus | None, event: CaseEvent, target: CaseStatus
) -> None:
    ctx, params = scenario(source, event, target)
    result = apply_event(ctx, event, params, now=NOW)
    assert result.old_status == source
    assert result.new_status == target
    assert result.context.status == target
    assert result.event == event


@pytest.mark.parametrize(("status", "event"), REFUSED)
def test_every_other_pair_is_refused(status: CaseStatus | None, event: CaseEvent) -> None:
    with pytest.raises(DomainError) as info:
        apply_event(base_ctx(status), event, BASE_PARAMS[event], now=NOW)
    err = info.value
    if status in (S.CHALLENGED, S.POSTPONED) and event in ENFORCEMENT_EVENTS:
        assert err.code == "lifecycle.enforcement_suspended"
    else:
        assert err.code == "lifecycle.not_allowed"
        assert err.params["event"] == EVENT_LABELS[event][0]
        assert err.params["event_code"] == event.value
    if status is not None:
        assert err.params["from"] == STATUS_LABELS[status][0]
    assert not can_apply(status, event)
    assert event not in allowed_events(status)


def test_refused_and_allowed_cover_every_pair() -> None:
    pairs = {(p.values[0], p.values[1]) for p in ALLOWED}
    assert len(pairs) + len(REFUSED) == (len(CaseStatus) + 1) * len(CaseEvent)


_OPEN = set(CaseStatus) - {S.DEPARTED_VOLUNTARILY, S.REMOVED, S.CANCELLED, S.CLOSED}
_ENFORCEABLE = {S.REMOVAL_ORDERED, S.CHALLENGED, S.APPEALED, S.POSTPONED, S.REMOVAL_PREPARATION}
# A detention starts and ends later in the case without changing its state.
_MID_CASE = _ENFORCEABLE | {S.DECISION_PENDING, S.VD_ORDERED}

# The table written out by hand from domain.md §5.2 (plus the documented additions), so
# that an accidental edit of TRANSITIONS fails here: {(source, event): targets}.
EXPECTED_TABLE: dict[tuple[CaseStatus | None, CaseEvent], set[CaseStatus]] = {
    (None, E.REGISTER_DETECTION): {S.DETECTED},
    (S.DETECTED, E.RECORD_DETENTION): {S.DETAINED},
    (S.DETAINED, E.RELEASE_FROM_DETENTION): {S.DETECTED},
    **{(s, E.RECORD_DETENTION): {s} for s in _MID_CASE},
    **{(s, E.RELEASE_FROM_DETENTION): {s} for s in _MID_CASE},
    (S.DETECTED, E.START_DECISION): {S.DECISION_PENDING},
    (S.DETAINED, E.START_DECISION): {S.DECISION_PENDING},
    (S.DECISION_PENDING, E.SERVE_DEPARTURE_ORDER): {S.VD_ORDERED},
    (S.DECISION_PENDING, E.TAKE_REMOVAL_DECISION): {S.REMOVAL_ORDERED},
    (S.VD_ORDERED, E.EXTEND_VD): {S.VD_ORDERED},
    (S.VD_ORDERED, E.CONFIRM_EXIT): {S.DEPARTED_VOLUNTARILY},
    (S.VD_ORDERED, E.VD_EXPIRED_REMOVAL): {S.REMOVAL_ORDERED},
    (S.VD_ORDERED, E.MARK_ABSCONDED): {S.ABSCONDED},
    **{(s, E.MARK_ABSCONDED): {S.ABSCONDED} for s in _ENFORCEABLE},
    (S.REMOVAL_ORDERED, E.FILE_CHALLENGE): {S.CHALLENGED},
    (S.REMOVAL_PREPARATION, E.FILE_CHALLENGE): {S.CHALLENGED},
    (S.CHALLENGED, E.UPHOLD_CHALLENGE): {S.REMOVAL_ORDERED},
    (S.CHALLENGED, E.ANNUL): {S.CANCELLED},
    (S.APPEALED, E.ANNUL): {S.CANCELLED},
    (S.POSTPONED, E.ANNUL): {S.CANCELLED},
    (S.REMOVAL_PREPARATION, E.ANNUL): {S.CANCELLED},
    (S.REMOVAL_ORDERED, E.FILE_APPEAL): {S.APPEALED},
    (S.REMOVAL_PREPARATION, E.FILE_APPEAL): {S.REMOVAL_PREPARATION},
    (S.APPEALED, E.GRANT_INTERIM_RELIEF): {S.POSTPONED},
    (S.REMOVAL_PREPARATION, E.GRANT_INTERIM_RELIEF): {S.POSTPONED},
    (S.APPEALED, E.DISMISS_APPEAL): {S.REMOVAL_ORDERED},
    (S.REMOVAL_PREPARATION, E.DISMISS_APPEAL): {S.REMOVAL_PREPARATION},
    (S.POSTPONED, E.DISMISS_APPEAL): {S.REMOVAL_ORDERED, S.POSTPONED},
    (S.REMOVAL_ORDERED, E.START_PREPARATION): {S.REMOVAL_PREPARATION},
    (S.APPEALED, E.START_PREPARATION): {S.REMOVAL_PREPARATION},
    (S.REMOVAL_PREPARATION, E.EXECUTE_REMOVAL): {S.REMOVED},
    (S.REMOVAL_PREPARATION, E.ABORT_REMOVAL): {S.REMOVAL_ORDERED, S.POSTPONED},
    (S.REMOVAL_ORDERED, E.POSTPONE): {S.POSTPONED},
    (S.APPEALED, E.POSTPONE): {S.POSTPONED},
    (S.REMOVAL_PREPARATION, E.POSTPONE): {S.POSTPONED},
    (S.POSTPONED, E.RESUME): {S.CHALLENGED, S.APPEALED, S.REMOVAL_ORDERED, S.DECISION_PENDING},
    **{(s, E.GRANT_LEGAL_STAY): {S.CANCELLED} for s in _OPEN},
    **{(s, E.ASYLUM_APPLICATION): {S.POSTPONED} for s in _OPEN},
    (S.ABSCONDED, E.PERSON_FOUND): {
        S.POSTPONED,
        S.CHALLENGED,
        S.APPEALED,
        S.REMOVAL_ORDERED,
        S.DETAINED,
        S.DECISION_PENDING,
    },
    (S.DEPARTED_VOLUNTARILY, E.ARCHIVE): {S.CLOSED},
    (S.REMOVED, E.ARCHIVE): {S.CLOSED},
    (S.CANCELLED, E.ARCHIVE): {S.CLOSED},
}


def test_table_matches_the_specification() -> None:
    actual = {
        (source, row.event): set(row.targets) for row in TRANSITIONS for source in row.sources
    }
    assert actual == EXPECTED_TABLE


def test_not_allowed_message_is_bilingual_with_labels() -> None:
    err = raises("lifecycle.not_allowed", base_ctx(S.DETECTED), E.EXECUTE_REMOVAL)
    lv, en = err.message("lv"), err.message("en")
    assert "Konstatēts" in lv and "Reģistrēt izraidīšanas izpildi" in lv
    assert "Detected" in en and "Record removal execution" in en
    assert "{" not in lv + en


def test_table_is_complete_and_consistent() -> None:
    events_in_table = {row.event for row in TRANSITIONS}
    assert events_in_table == set(CaseEvent)
    assert set(STATUS_LABELS) == set(CaseStatus)
    assert set(EVENT_LABELS) == set(CaseEvent)
    assert OPEN_STATES | TERMINAL_STATES == set(CaseStatus)
    assert not OPEN_STATES & TERMINAL_STATES
    for row in TRANSITIONS:
        assert set(row.guards) <= set(GUARDS), row
        assert not set(row.required) & set(row.optional), row
    assert allowed_events(S.CLOSED) == ()
    for status in set(CaseStatus) - {S.CLOSED}:
        assert allowed_events(status), status
    assert allowed_events(None) == (E.REGISTER_DETECTION,)


def test_every_state_is_reachable_from_a_new_case() -> None:
    seen: set[CaseStatus | None] = {None}
    queue: deque[CaseStatus | None] = deque([None])
    while queue:
        status = queue.popleft()
        for event in allowed_events(status):
            row = find_transition(status, event)
            assert row is not None
            for target in row.targets - seen:
                seen.add(target)
                queue.append(target)
    assert seen == {None, *CaseStatus}


def test_labels_are_registered_messages() -> None:
    assert text("lifecycle.status.VD_ORDERED", "lv") == "Izdots izbraukšanas rīkojums"
    assert text("lifecycle.status.REMOVAL_ORDERED", "lv") == (
        "Pieņemts lēmums par piespiedu izraidīšanu"
    )
    assert STATUS_LABELS[S.ABSCONDED][0] == "Atrašanās vieta nezināma"
    assert text("lifecycle.event.confirm_exit", "en") == "Confirm exit"
    for kind in TaskKind:
        assert known(task_title_code(kind))


def test_transitions_table_is_immutable() -> None:
    assert isinstance(TRANSITIONS, tuple)
    with pytest.raises(AttributeError):
        TRANSITIONS[0].event = E.ARCHIVE  # type: ignore[misc]


# --------------------------------------------------------------------------- UI helpers


def test_allowed_events_for_ui() -> None:
    assert allowed_events(S.DETECTED) == (
        E.RECORD_DETENTION,
        E.START_DECISION,
        E.GRANT_LEGAL_STAY,
        E.ASYLUM_APPLICATION,
    )
    assert E.START_PREPARATION in allowed_events(S.APPEALED)
    assert E.START_PREPARATION not in allowed_events(S.CHALLENGED)
    assert E.EXECUTE_REMOVAL not in allowed_events(S.CHALLENGED)
    assert allowed_events(S.REMOVED) == (E.ARCHIVE,)


def test_available_events_apply_context_guards() -> None:
    ctx = replace(base_ctx(S.VD_ORDERED), vd_deadline=date(2026, 3, 20))
    before = available_events(ctx, now=NOW)
    assert E.VD_EXPIRED_REMOVAL not in before
    assert E.MARK_ABSCONDED not in before
    assert E.CONFIRM_EXIT in before and E.EXTEND_VD in before
    after = available_events(ctx, now=datetime(2026, 3, 21, 9, 0))
    assert E.VD_EXPIRED_REMOVAL in after and E.MARK_ABSCONDED in after

    prep = base_ctx(S.REMOVAL_PREPARATION)
    assert E.GRANT_INTERIM_RELIEF not in available_events(prep, now=NOW)
    assert E.GRANT_INTERIM_RELIEF in available_events(replace(prep, appeal_pending=True), now=NOW)


# --------------------------------------------------------------------------- parameters


def test_unknown_parameter_is_refused() -> None:
    err = raises("extra_forbidden", base_ctx(S.DETECTED), E.START_DECISION, colour="red")
    assert err.field == "colour"


def test_unknown_event_is_refused() -> None:
    err = raises("lifecycle.unknown_event", base_ctx(S.DETECTED), "fly_away")  # type: ignore[arg-type]
    assert err.params["event"] == "fly_away"


def test_event_and_enum_params_accept_plain_strings() -> None:
    result = run(
        base_ctx(S.DECISION_PENDING),
        "take_removal_decision",
        decided_by="VRS",
        decided_on="2026-03-12",
    )
    assert result.new_status == S.REMOVAL_ORDERED
    assert result.context.decided_by == Institution.VRS


@pytest.mark.parametrize(
    ("value", "code"),
    [("tomorrow", "date_parsing"), (12, "date_type")],
)
def test_bad_date_parameter(value: object, code: str) -> None:
    err = raises(code, new_ctx(), E.REGISTER_DETECTION, detection_date=value)
    assert err.field == "detection_date"


def new_ctx() -> CaseContext:
    """The context of a case not yet created."""
    return base_ctx(None)


def test_fact_dates_cannot_be_in_the_future() -> None:
    err = raises(
        "lifecycle.date_in_future", new_ctx(), E.REGISTER_DETECTION, detection_date="2026-03-17"
    )
    assert err.field == "detection_date"
    err = raises(
        "lifecycle.date_in_future",
        base_ctx(S.DETECTED),
        E.RECORD_DETENTION,
        detained_at=NOW + timedelta(minutes=1),
    )
    assert err.field == "detained_at"


def test_datetime_parameter_needs_a_time_and_the_same_tz_convention() -> None:
    raises("datetime_type", base_ctx(S.DETECTED), E.RECORD_DETENTION, detained_at=date(2026, 3, 1))
    err = raises(
        "lifecycle.timezone_mismatch",
        base_ctx(S.DETECTED),
        E.RECORD_DETENTION,
        detained_at=datetime(2026, 3, 1, 9, 0, tzinfo=UTC),
    )
    assert err.field == "detained_at"


def test_required_parameter_missing_names_the_field() -> None:
    err = raises("missing", new_ctx(), E.REGISTER_DETECTION)
    assert err.field == "detection_date"
    err = raises(
        "missing",
        base_ctx(S.DECISION_PENDING),
        E.TAKE_REMOVAL_DECISION,
        decided_on=date(2026, 3, 12),
    )
    assert err.field == "decided_by"
    err = raises(
        "enum",
        base_ctx(S.DECISION_PENDING),
        E.TAKE_REMOVAL_DECISION,
        decided_by="POLICE",
        decided_on=date(2026, 3, 12),
    )
    assert err.field == "decided_by"


# --------------------------------------------------------------------------- detection, detention


def test_register_detection_sets_detecting_institution() -> None:
    ctx = CaseContext(status=None, owner_institution=Institution.PMLP)
    result = run(ctx, E.REGISTER_DETECTION, detection_date=date(2026, 3, 10))
    assert result.new_status == S.DETECTED
    assert result.context.detecting_institution == Institution.PMLP


def test_record_detention_starts_detention_and_court_deadline() -> None:
    at = datetime(2026, 3, 10, 9, 30)
    result = run(base_ctx(S.DETECTED), E.RECORD_DETENTION, detained_at=at)
    assert result.context.detained
    assert StartDetention(at) in result.effects
    assert result.deadlines["detention_court_order_due"] == datetime(2026, 3, 20, 9, 30)


def test_release_from_detention_needs_a_valid_reason() -> None:
    ctx = base_ctx(S.DETAINED)
    raises("missing", ctx, E.RELEASE_FROM_DETENTION, released_at=datetime(2026, 3, 12, 9, 0))
    raises(
        "enum",
        ctx,
        E.RELEASE_FROM_DETENTION,
        released_at=datetime(2026, 3, 12, 9, 0),
        release_reason="bored",
    )
    result = run(ctx, E.RELEASE_FROM_DETENTION, **BASE_PARAMS[E.RELEASE_FROM_DETENTION])
    assert not result.context.detained
    assert EndDetention(datetime(2026, 3, 12, 9, 0), ReleaseReason.ALTERNATIVE_MEASURE) in (
        result.effects
    )


@pytest.mark.parametrize("state", sorted(_MID_CASE))
def test_detention_later_in_the_case_keeps_the_state_and_sets_the_flag(
    state: CaseStatus,
) -> None:
    at = datetime(2026, 3, 10, 9, 30)
    ctx = base_ctx(state)
    assert E.RECORD_DETENTION in available_events(ctx, now=NOW)
    assert E.RELEASE_FROM_DETENTION not in available_events(ctx, now=NOW)
    raises("lifecycle.not_detained", ctx, E.RELEASE_FROM_DETENTION,
           **BASE_PARAMS[E.RELEASE_FROM_DETENTION])  # fmt: skip
    detained = run(ctx, E.RECORD_DETENTION, detained_at=at)
    assert detained.new_status == state and detained.context.detained
    assert StartDetention(at) in detained.effects
    assert detained.deadlines["detention_court_order_due"] == datetime(2026, 3, 20, 9, 30)
    ctx = detained.context
    assert E.RECORD_DETENTION not in available_events(ctx, now=NOW)
    raises("lifecycle.already_detained", ctx, E.RECORD_DETENTION, detained_at=at)
    released = run(ctx, E.RELEASE_FROM_DETENTION, **BASE_PARAMS[E.RELEASE_FROM_DETENTION])
    assert released.new_status == state and not released.context.detained
    assert EndDetention(datetime(2026, 3, 12, 9, 0), ReleaseReason.ALTERNATIVE_MEASURE) in (
        released.effects
    )


def test_detained_behaves_like_detected_for_start_decision() -> None:
    result = run(base_ctx(S.DETAINED), E.START_DECISION)
    assert result.new_status == S.DECISION_PENDING
    assert result.context.detained  # detention continues as a parallel sub-state


# --------------------------------------------------------------------------- departure order


@pytest.mark.parametrize(
    ("days", "deadline", "warned"),
    [
        (5, date(2026, 3, 21), True),
        (7, date(2026, 3, 23), False),
        (30, date(2026, 4, 15), False),
        (31, date(2026, 4, 16), True),
    ],
)
def test_serve_departure_order_deadline_and_range_warning(
    days: int, deadline: date, warned: bool
) -> None:
    result = run(
        base_ctx(S.DECISION_PENDING),
        E.SERVE_DEPARTURE_ORDER,
        served_at=date(2026, 3, 16),
        vd_period_days=days,
    )
    assert result.deadlines["vd_deadline"] == deadline
    assert result.context.vd_deadline == deadline
    assert result.context.decision_type == DecisionType.DEPARTURE_ORDER
    assert result.context.decision_date == date(2026, 3, 16)
    assert EnterSisReturnAlert(vd_last_day=deadline) in result.effects
    if warned:
        (warning,) = result.warnings
        assert warning.code == "lifecycle.vd_period_range"
        assert warning.field == "vd_period_days"
        assert warning.params == {"days": days, "min": 7, "max": 30}
        assert str(days) in warning.message("lv") and "7–30" in warning.message("lv")
    else:
        assert result.warnings == ()


@pytest.mark.parametrize("bad", [None, 0, -3])
def test_vd_period_must_be_positive(bad: int | None) -> None:
    params: dict[str, Any] = {"served_at": date(2026, 3, 16)}
    if bad is not None:
        params["vd_period_days"] = bad
    err = raises(
        "lifecycle.vd_period_invalid",
        base_ctx(S.DECISION_PENDING),
        E.SERVE_DEPARTURE_ORDER,
        **params,
    )
    assert err.field == "vd_period_days"


def test_vd_period_type_errors() -> None:
    ctx = base_ctx(S.DECISION_PENDING)
    raises(
        "int_parsing",
        ctx,
        E.SERVE_DEPARTURE_ORDER,
        served_at=date(2026, 3, 16),
        vd_period_days="ten",
    )
    raises(
        "int_type", ctx, E.SERVE_DEPARTURE_ORDER, served_at=date(2026, 3, 16), vd_period_days=True
    )


def test_vd_range_is_configurable() -> None:
    config = LifecycleConfig(vd_min_days=10, vd_max_days=20)
    result = apply_event(
        base_ctx(S.DECISION_PENDING),
        E.SERVE_DEPARTURE_ORDER,
        {"served_at": date(2026, 3, 16), "vd_period_days": 8},
        now=NOW,
        config=config,
    )
    assert codes(result.warnings) == ["lifecycle.vd_period_range"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"vd_min_days": 31},
        {"vd_min_days": 0},
        {"pmlp_to_vrs_working_days": -1},
        {"notice_min_hours": 1, "notice_min_hours_justified": 2},
        {"detention_warn_months": (6, 0)},
    ],
)
def test_inconsistent_config_is_refused(kwargs: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        LifecycleConfig(**kwargs)


def test_vd_deadline_can_roll_to_next_working_day() -> None:
    config = LifecycleConfig(vd_deadline_roll_to_working_day=True)
    now = datetime(2026, 5, 1, 12, 0)
    result = apply_event(
        base_ctx(S.DECISION_PENDING),
        E.SERVE_DEPARTURE_ORDER,
        {"served_at": date(2026, 4, 30), "vd_period_days": 4},  # 4 May: holiday
        now=now,
        config=config,
    )
    assert result.deadlines["vd_deadline"] == date(2026, 5, 5)


def test_departure_order_sis_task_due_in_working_days() -> None:
    result = apply_event(
        base_ctx(S.DECISION_PENDING),
        E.SERVE_DEPARTURE_ORDER,
        {"served_at": date(2026, 4, 2), "vd_period_days": 14},
        now=datetime(2026, 4, 2, 15, 0),
    )
    assert task(result, TaskKind.SIS_ENTER_RETURN_ALERT) == TaskSpec(
        TaskKind.SIS_ENTER_RETURN_ALERT,
        Institution.VRS,
        Institution.VRS,
        date(2026, 4, 7),  # Good Friday, weekend, Easter Monday
        "lifecycle.task.sis_enter_return_alert",
    )


def test_departure_order_competence_follows_detection() -> None:
    ctx = replace(base_ctx(S.DECISION_PENDING), detecting_institution=Institution.PMLP)
    err = raises(
        "lifecycle.vd_wrong_institution",
        ctx,
        E.SERVE_DEPARTURE_ORDER,
        served_at=date(2026, 3, 16),
        vd_period_days=30,
        issued_by="VRS",
    )
    assert err.field == "issued_by"
    result = run(
        ctx,
        E.SERVE_DEPARTURE_ORDER,
        served_at=date(2026, 3, 16),
        vd_period_days=30,
        issued_by="PMLP",
    )
    assert result.context.decided_by == Institution.PMLP
    assert task(result, TaskKind.SIS_ENTER_RETURN_ALERT).from_institution == Institution.PMLP


def test_extend_vd() -> None:
    ctx = replace(base_ctx(S.VD_ORDERED), vd_deadline=date(2026, 3, 20))
    err = raises("lifecycle.reason_required", ctx, E.EXTEND_VD, extend_by_days=10)
    assert err.field == "reason"
    raises("lifecycle.reason_required", ctx, E.EXTEND_VD, reason="   ", extend_by_days=10)
    raises("lifecycle.vd_extension_missing", ctx, E.EXTEND_VD, reason="Skola")
    raises(
        "lifecycle.vd_extension_missing",
        ctx,
        E.EXTEND_VD,
        reason="Skola",
        extend_by_days=3,
        new_deadline=date(2026, 4, 1),
    )
    raises("lifecycle.vd_period_invalid", ctx, E.EXTEND_VD, reason="Skola", extend_by_days=0)
    err = raises(
        "lifecycle.vd_extension_not_later",
        ctx,
        E.EXTEND_VD,
        reason="Skola",
        new_deadline=date(2026, 3, 20),
    )
    assert err.field == "new_deadline"

    result = run(ctx, E.EXTEND_VD, reason="Skola", extend_by_days=10)
    assert result.new_status == S.VD_ORDERED
    assert result.deadlines == {"vd_deadline": date(2026, 3, 30)}
    assert result.context.vd_deadline == date(2026, 3, 30)
    assert UpdateSisReturnAlert(vd_last_day=date(2026, 3, 30)) in result.effects
    assert task(result, TaskKind.SIS_UPDATE_RETURN_ALERT).due == date(2026, 3, 17)
    result = run(ctx, E.EXTEND_VD, reason="Skola", new_deadline="2026-04-10")
    assert result.context.vd_deadline == date(2026, 4, 10)


def test_extend_vd_needs_a_known_deadline() -> None:
    ctx = replace(base_ctx(S.VD_ORDERED), vd_deadline=None)
    raises("lifecycle.vd_deadline_unknown", ctx, E.EXTEND_VD, reason="Skola", extend_by_days=5)


def test_confirm_exit_with_pending_entry_ban() -> None:
    ctx = replace(base_ctx(S.VD_ORDERED), entry_ban_pending=True)
    result = run(ctx, E.CONFIRM_EXIT, exit_date=date(2026, 3, 3))
    assert result.new_status == S.DEPARTED_VOLUNTARILY
    assert StartEntryBan(valid_from=date(2026, 3, 3)) in result.effects
    assert EnterSisRefusalAlert(valid_from=date(2026, 3, 3)) in result.effects
    assert DeleteSisReturnAlert(SisDeletionReason.EXIT_CONFIRMED) in result.effects
    assert SetDecisionStatus(DecisionStatus.EXECUTED) in result.effects
    assert task(result, TaskKind.SIS_DELETE_RETURN_ALERT).due == date(2026, 3, 4)
    assert task(result, TaskKind.SIS_ENTER_REFUSAL_ALERT).due == date(2026, 3, 4)
    assert not result.context.entry_ban_pending
    assert result.warnings == ()


def test_confirm_exit_without_entry_ban_and_late_exit_warning() -> None:
    result = run(base_ctx(S.VD_ORDERED), E.CONFIRM_EXIT, exit_date=date(2026, 3, 6))
    assert not any(isinstance(e, StartEntryBan | EnterSisRefusalAlert) for e in result.effects)
    assert [t.kind for t in result.tasks] == [TaskKind.SIS_DELETE_RETURN_ALERT]
    assert codes(result.warnings) == ["lifecycle.exit_after_vd_deadline"]
    # Friday exit: the SIS deletion task falls due on Monday.
    assert task(result, TaskKind.SIS_DELETE_RETURN_ALERT).due == date(2026, 3, 9)


def test_confirm_exit_date_checks() -> None:
    ctx = base_ctx(S.VD_ORDERED)
    err = raises("lifecycle.date_before", ctx, E.CONFIRM_EXIT, exit_date=date(2026, 2, 1))
    assert err.params == {"other": "2026-02-02"}
    raises("lifecycle.date_in_future", ctx, E.CONFIRM_EXIT, exit_date=date(2026, 3, 17))


# --------------------------------------------------------------------------- removal decision


def test_pmlp_removal_decision_sends_to_vrs_in_one_working_day() -> None:
    now = datetime(2026, 4, 2, 16, 0)
    result = apply_event(
        base_ctx(S.DECISION_PENDING),
        E.TAKE_REMOVAL_DECISION,
        {"decided_by": "PMLP", "decided_on": date(2026, 4, 2), "in_prison": True},
        now=now,
    )
    assert result.new_status == S.REMOVAL_ORDERED
    assert result.context.decision_type == DecisionType.REMOVAL_DECISION
    assert result.context.decided_by == Institution.PMLP
    assert task(result, TaskKind.SEND_TO_VRS) == TaskSpec(
        TaskKind.SEND_TO_VRS,
        Institution.PMLP,
        Institution.VRS,
        date(2026, 4, 7),  # Thu + 1 wd: Good Friday, weekend, Easter Monday
        "lifecycle.task.send_to_vrs",
    )
    prison = task(result, TaskKind.INFORM_PRISON)
    assert prison.to_institution is None and prison.due == date(2026, 4, 7)
    assert not [t for t in result.tasks if t.kind == TaskKind.INFORM_PMLP]
    assert task(result, TaskKind.SIS_ENTER_RETURN_ALERT).from_institution == Institution.PMLP
    assert EnterSisReturnAlert(vd_last_day=None) in result.effects


@pytest.mark.parametrize(
    ("decided_on", "due"),
    [
        (date(2026, 6, 22), date(2026, 6, 29)),  # Mon; Līgo and Jāņi on Tue/Wed
        (date(2026, 12, 23), date(2026, 12, 30)),  # Christmas Eve/Day, weekend
        (date(2026, 3, 13), date(2026, 3, 18)),  # Friday: Mon, Tue, Wed
    ],
)
def test_vrs_removal_decision_informs_pmlp_in_three_working_days(
    decided_on: date, due: date
) -> None:
    result = apply_event(
        base_ctx(S.DECISION_PENDING),
        E.TAKE_REMOVAL_DECISION,
        {"decided_by": Institution.VRS, "decided_on": decided_on, "in_prison": True},
        now=datetime.combine(decided_on, datetime.min.time()) + timedelta(hours=17),
    )
    inform = task(result, TaskKind.INFORM_PMLP)
    assert (inform.from_institution, inform.to_institution, inform.due) == (
        Institution.VRS,
        Institution.PMLP,
        due,
    )
    assert inform.title == "lifecycle.task.inform_pmlp"
    assert not [t for t in result.tasks if t.kind in (TaskKind.SEND_TO_VRS, TaskKind.INFORM_PRISON)]


def test_task_periods_are_configurable() -> None:
    config = LifecycleConfig(pmlp_to_vrs_working_days=2)
    result = apply_event(
        base_ctx(S.DECISION_PENDING),
        E.TAKE_REMOVAL_DECISION,
        {"decided_by": "PMLP", "decided_on": date(2026, 3, 12)},
        now=NOW,
        config=config,
    )
    assert task(result, TaskKind.SEND_TO_VRS).due == date(2026, 3, 16)


def test_vd_expired_removal() -> None:
    ctx = replace(base_ctx(S.VD_ORDERED), vd_deadline=date(2026, 3, 16))
    err = raises(
        "lifecycle.vd_not_expired",
        ctx,
        E.VD_EXPIRED_REMOVAL,
        decided_by="VRS",
        decided_on=date(2026, 3, 16),
    )
    assert err.params == {"deadline": "2026-03-16"}
    ctx = base_ctx(S.VD_ORDERED)  # deadline 4 March
    err = raises(
        "lifecycle.vd_not_expired",
        ctx,
        E.VD_EXPIRED_REMOVAL,
        decided_by="VRS",
        decided_on=date(2026, 3, 4),
    )
    assert err.field == "decided_on"
    result = run(ctx, E.VD_EXPIRED_REMOVAL, decided_by="PMLP", decided_on=date(2026, 3, 5))
    assert result.new_status == S.REMOVAL_ORDERED
    assert result.context.decision_type == DecisionType.REMOVAL_DECISION
    assert task(result, TaskKind.SEND_TO_VRS).due == date(2026, 3, 6)
    # The alert entered with the departure order stays: no new SIS entry.
    assert not [t for t in result.tasks if t.kind == TaskKind.SIS_ENTER_RETURN_ALERT]


def test_mark_absconded() -> None:
    ctx = replace(base_ctx(S.VD_ORDERED), vd_deadline=date(2026, 3, 20))
    raises("lifecycle.vd_not_expired", ctx, E.MARK_ABSCONDED)
    result = run(base_ctx(S.VD_ORDERED), E.MARK_ABSCONDED, note="Nav sastopams adresē")
    assert result.new_status == S.ABSCONDED
    assert FlagPerson("absconded") in result.effects
    escaped = run(replace(base_ctx(S.REMOVAL_PREPARATION), detained=True), E.MARK_ABSCONDED)
    assert EndDetention(NOW, ReleaseReason.ESCAPED) in escaped.effects
    assert escaped.context.planned_removal_at is None
    assert not escaped.context.detained


# --------------------------------------------------------------------------- remedies


def test_challenge_only_against_a_removal_decision() -> None:
    ctx = replace(base_ctx(S.REMOVAL_ORDERED), decision_type=DecisionType.DEPARTURE_ORDER)
    raises("lifecycle.removal_decision_required", ctx, E.FILE_CHALLENGE)
    raises("lifecycle.removal_decision_required", ctx, E.START_PREPARATION)


def test_challenge_suspends_enforcement() -> None:
    result = run(base_ctx(S.REMOVAL_ORDERED), E.FILE_CHALLENGE, filed_on=date(2026, 3, 13))
    assert result.new_status == S.CHALLENGED
    assert result.context.challenge_pending
    assert BlockEnforcement(EnforcementBlock.CHALLENGE) in result.effects
    assert SetDecisionStatus(DecisionStatus.SUSPENDED) in result.effects
    assert UpdateSisReturnAlert(enforcement_suspended=True) in result.effects
    assert task(result, TaskKind.SIS_UPDATE_RETURN_ALERT).due == date(2026, 3, 16)
    challenged = result.context
    for event in ENFORCEMENT_EVENTS:
        err = raises("lifecycle.enforcement_suspended", challenged, event, **BASE_PARAMS[event])
        assert "Apstrīdēts" in err.message("lv")


def test_challenge_during_preparation_cancels_the_plan() -> None:
    result = run(base_ctx(S.REMOVAL_PREPARATION), E.FILE_CHALLENGE)
    assert result.new_status == S.CHALLENGED
    assert result.context.planned_removal_at is None
    assert result.context.notice_given_at is None


def test_uphold_challenge_allows_enforcement_again() -> None:
    result = run(base_ctx(S.CHALLENGED), E.UPHOLD_CHALLENGE, decided_on=date(2026, 3, 13))
    assert result.new_status == S.REMOVAL_ORDERED
    assert not result.context.challenge_pending
    assert AllowEnforcement() in result.effects
    assert SetDecisionStatus(DecisionStatus.IN_FORCE) in result.effects
    assert UpdateSisReturnAlert(enforcement_suspended=False) in result.effects


def test_court_appeal_is_not_suspensive() -> None:
    appealed = run(base_ctx(S.REMOVAL_ORDERED), E.FILE_APPEAL)
    assert appealed.new_status == S.APPEALED
    assert appealed.context.appeal_pending
    assert not any(isinstance(e, BlockEnforcement) for e in appealed.effects)
    assert codes(appealed.warnings) == ["lifecycle.appeal_not_suspensive"]

    prep = run(appealed.context, E.START_PREPARATION, **BASE_PARAMS[E.START_PREPARATION])
    assert prep.new_status == S.REMOVAL_PREPARATION
    assert prep.context.appeal_pending
    assert codes(prep.warnings) == ["lifecycle.appeal_not_suspensive"]

    relief = run(prep.context, E.GRANT_INTERIM_RELIEF, granted_on=date(2026, 3, 16))
    assert relief.new_status == S.POSTPONED
    assert relief.context.interim_relief
    assert relief.context.planned_removal_at is None
    assert BlockEnforcement(EnforcementBlock.INTERIM_RELIEF) in relief.effects

    raises("lifecycle.interim_relief_in_force", relief.context, E.RESUME)
    raises("lifecycle.enforcement_suspended", relief.context, E.START_PREPARATION)

    dismissed = run(relief.context, E.DISMISS_APPEAL)
    assert dismissed.new_status == S.REMOVAL_ORDERED
    assert not dismissed.context.appeal_pending and not dismissed.context.interim_relief
    assert AllowEnforcement() in dismissed.effects


def test_appeal_during_preparation_keeps_preparing() -> None:
    result = run(base_ctx(S.REMOVAL_PREPARATION), E.FILE_APPEAL)
    assert result.new_status == S.REMOVAL_PREPARATION
    assert result.context.appeal_pending
    assert result.context.planned_removal_at == datetime(2026, 3, 16, 8, 0)
    raises("lifecycle.appeal_already_pending", result.context, E.FILE_APPEAL)
    dismissed = run(result.context, E.DISMISS_APPEAL)
    assert dismissed.new_status == S.REMOVAL_PREPARATION
    assert not dismissed.context.appeal_pending


def test_remedy_guards_without_pending_appeal() -> None:
    prep = base_ctx(S.REMOVAL_PREPARATION)
    raises("lifecycle.no_pending_appeal", prep, E.GRANT_INTERIM_RELIEF)
    raises("lifecycle.no_pending_appeal", prep, E.DISMISS_APPEAL)
    raises("lifecycle.no_pending_remedy", prep, E.ANNUL)
    raises("lifecycle.no_pending_remedy", base_ctx(S.POSTPONED), E.ANNUL)


def test_dismissal_while_postponed_for_another_reason_keeps_postponement() -> None:
    ctx = replace(base_ctx(S.POSTPONED), appeal_pending=True)
    result = run(ctx, E.DISMISS_APPEAL)
    assert result.new_status == S.POSTPONED
    assert not result.context.appeal_pending
    assert not any(isinstance(e, AllowEnforcement) for e in result.effects)


def test_annulment_closes_ban_sis_and_tasks() -> None:
    ctx = replace(base_ctx(S.CHALLENGED), entry_ban_pending=True, detained=True)
    result = run(ctx, E.ANNUL, decided_on=date(2026, 3, 13))
    assert result.new_status == S.CANCELLED
    assert SetDecisionStatus(DecisionStatus.ANNULLED) in result.effects
    assert DeleteSisReturnAlert(SisDeletionReason.ANNULLED) in result.effects
    assert AnnulEntryBan(date(2026, 3, 13)) in result.effects
    (cancel,) = [e for e in result.effects if isinstance(e, CancelTasks)]
    assert {
        TaskKind.SEND_TO_VRS,
        TaskKind.SIS_ENTER_RETURN_ALERT,
        TaskKind.SIS_UPDATE_RETURN_ALERT,
        TaskKind.SIS_ENTER_REFUSAL_ALERT,
    } <= cancel.kinds
    assert task(result, TaskKind.SIS_DELETE_RETURN_ALERT).due == date(2026, 3, 16)
    assert codes(result.warnings) == ["lifecycle.detention_without_basis"]
    assert not result.context.entry_ban_pending
    assert not result.context.challenge_pending


def test_grant_legal_stay_before_any_decision() -> None:
    result = run(base_ctx(S.DETECTED), E.GRANT_LEGAL_STAY, reason="Uzturēšanās atļauja")
    assert result.new_status == S.CANCELLED
    assert not any(isinstance(e, DeleteSisReturnAlert) for e in result.effects)
    assert result.tasks == ()


def test_grant_legal_stay_deletes_the_return_alert() -> None:
    result = run(base_ctx(S.VD_ORDERED), E.GRANT_LEGAL_STAY)
    assert DeleteSisReturnAlert(SisDeletionReason.LEGAL_STAY) in result.effects


# --------------------------------------------------------------------------- removal


def test_start_preparation_notice_rules() -> None:
    ctx = base_ctx(S.REMOVAL_ORDERED)
    planned = datetime(2026, 3, 17, 8, 0)
    ok = run(
        ctx,
        E.START_PREPARATION,
        planned_removal_at=planned,
        notice_given_at=datetime(2026, 3, 15, 20, 0),
    )
    assert ok.new_status == S.REMOVAL_PREPARATION
    assert ok.deadlines == {"planned_removal_at": planned}
    assert ok.context.notice_given_at == datetime(2026, 3, 15, 20, 0)

    exactly_12h = run(
        ctx,
        E.START_PREPARATION,
        planned_removal_at=datetime(2026, 3, 16, 20, 0),
        notice_given_at=datetime(2026, 3, 16, 8, 0),
    )
    assert exactly_12h.new_status == S.REMOVAL_PREPARATION

    err = raises(
        "lifecycle.notice_too_short",
        ctx,
        E.START_PREPARATION,
        planned_removal_at=datetime(2026, 3, 16, 19, 0),
        notice_given_at=datetime(2026, 3, 16, 8, 0),
    )
    assert err.field == "notice_given_at"
    assert err.params == {"hours": 12, "given": 11.0}

    justified = run(
        ctx,
        E.START_PREPARATION,
        planned_removal_at=datetime(2026, 3, 16, 9, 30),
        notice_given_at=datetime(2026, 3, 16, 8, 0),
        notice_justification="Draudi sabiedriskajai kārtībai",
    )
    assert justified.context.notice_justified

    err = raises(
        "lifecycle.notice_too_short",
        ctx,
        E.START_PREPARATION,
        planned_removal_at=datetime(2026, 3, 16, 8, 30),
        notice_given_at=datetime(2026, 3, 16, 8, 0),
        notice_justification="Draudi valsts drošībai",
    )
    assert err.params["hours"] == 1

    err = raises("missing", ctx, E.START_PREPARATION, notice_given_at=datetime(2026, 3, 16, 8, 0))
    assert err.field == "planned_removal_at"
    raises(
        "lifecycle.removal_before_notice",
        ctx,
        E.START_PREPARATION,
        planned_removal_at=datetime(2026, 3, 15, 8, 0),
        notice_given_at=datetime(2026, 3, 16, 8, 0),
    )
    no_notice_yet = run(ctx, E.START_PREPARATION)
    assert no_notice_yet.new_status == S.REMOVAL_PREPARATION
    assert no_notice_yet.deadlines == {}


def test_notice_periods_are_configurable() -> None:
    config = LifecycleConfig(notice_min_hours=24)
    with pytest.raises(DomainError) as info:
        apply_event(
            base_ctx(S.REMOVAL_ORDERED),
            E.START_PREPARATION,
            {
                "planned_removal_at": datetime(2026, 3, 17, 8, 0),
                "notice_given_at": datetime(2026, 3, 16, 8, 30),
            },
            now=NOW,
            config=config,
        )
    assert info.value.params["hours"] == 24


def test_execute_removal_effects_and_tasks() -> None:
    ctx = replace(
        base_ctx(S.REMOVAL_PREPARATION),
        entry_ban_pending=True,
        detained=True,
        decided_by=Institution.PMLP,
        notice_given_at=datetime(2026, 4, 1, 8, 0),
    )
    removed_at = datetime(2026, 4, 2, 6, 0)
    result = apply_event(
        ctx,
        E.EXECUTE_REMOVAL,
        {"removed_at": removed_at, "executed_by": "VRS"},
        now=datetime(2026, 4, 2, 12, 0),
    )
    assert result.new_status == S.REMOVED
    assert task(result, TaskKind.INFORM_PMLP_EXECUTION) == TaskSpec(
        TaskKind.INFORM_PMLP_EXECUTION,
        Institution.VRS,
        Institution.PMLP,
        date(2026, 4, 9),  # Thu + 3 wd over Easter
        "lifecycle.task.inform_pmlp_execution",
    )
    assert StartEntryBan(valid_from=date(2026, 4, 2)) in result.effects
    assert EnterSisRefusalAlert(valid_from=date(2026, 4, 2)) in result.effects
    assert DeleteSisReturnAlert(SisDeletionReason.REMOVED) in result.effects
    assert SetDecisionStatus(DecisionStatus.EXECUTED) in result.effects
    assert EndDetention(removed_at, ReleaseReason.REMOVED) in result.effects
    # SIS tasks belong to the issuer of the decision (PMLP here).
    assert task(result, TaskKind.SIS_DELETE_RETURN_ALERT).from_institution == Institution.PMLP
    assert task(result, TaskKind.SIS_ENTER_REFUSAL_ALERT).due == date(2026, 4, 7)
    assert not result.context.detained and not result.context.entry_ban_pending


def test_execute_removal_guards() -> None:
    ctx = base_ctx(S.REMOVAL_PREPARATION)  # notice 15 March 08:00
    err = raises(
        "lifecycle.removal_before_notice",
        ctx,
        E.EXECUTE_REMOVAL,
        removed_at=datetime(2026, 3, 15, 7, 0),
    )
    assert err.field == "removed_at"
    raises(
        "lifecycle.notice_too_short",
        ctx,
        E.EXECUTE_REMOVAL,
        removed_at=datetime(2026, 3, 15, 19, 0),
    )
    no_notice = replace(ctx, notice_given_at=None)
    err = raises(
        "lifecycle.notice_missing",
        no_notice,
        E.EXECUTE_REMOVAL,
        removed_at=datetime(2026, 3, 16, 9, 0),
    )
    assert err.field == "notice_given_at"
    late_notice = run(
        no_notice,
        E.EXECUTE_REMOVAL,
        removed_at=datetime(2026, 3, 16, 9, 0),
        notice_given_at=datetime(2026, 3, 16, 7, 0),
        notice_justification="Draudi sabiedriskajai kārtībai",
    )
    assert late_notice.new_status == S.REMOVED
    err = raises(
        "lifecycle.execution_vrs_only",
        ctx,
        E.EXECUTE_REMOVAL,
        removed_at=datetime(2026, 3, 16, 9, 0),
        executed_by="PMLP",
    )
    assert err.field == "executed_by"
    raises(
        "lifecycle.date_in_future", ctx, E.EXECUTE_REMOVAL, removed_at=datetime(2026, 3, 16, 11, 0)
    )


def test_abort_removal() -> None:
    ctx = base_ctx(S.REMOVAL_PREPARATION)
    err = raises("lifecycle.reason_required", ctx, E.ABORT_REMOVAL)
    assert err.field == "reason"
    back = run(ctx, E.ABORT_REMOVAL, reason="Reiss atcelts")
    assert back.new_status == S.REMOVAL_ORDERED
    assert back.context.planned_removal_at is None and back.context.notice_given_at is None
    postponed = run(
        ctx,
        E.ABORT_REMOVAL,
        reason="Slimība",
        postpone=True,
        ground="health",
        until=date(2026, 4, 1),
    )
    assert postponed.new_status == S.POSTPONED
    assert postponed.context.postponed_by == EnforcementBlock.POSTPONEMENT
    assert BlockEnforcement(EnforcementBlock.POSTPONEMENT) in postponed.effects
    assert postponed.deadlines == {"postponed_until": date(2026, 4, 1)}
    err = raises(
        "extra_forbidden", ctx, E.ABORT_REMOVAL, reason="Reiss atcelts", until=date(2026, 4, 1)
    )
    assert err.field == "until"


def test_postpone_and_resume() -> None:
    ctx = base_ctx(S.REMOVAL_ORDERED)
    err = raises("lifecycle.reason_required", ctx, E.POSTPONE)
    assert err.field == "reason"
    err = raises(
        "lifecycle.date_before", ctx, E.POSTPONE, reason="Nav dokumentu", until=date(2026, 3, 1)
    )
    assert err.field == "until"
    raises("enum", ctx, E.POSTPONE, reason="Nav dokumentu", ground="weather")
    postponed = run(ctx, E.POSTPONE, reason="Nav ceļošanas dokumenta", ground="no_documents")
    assert postponed.new_status == S.POSTPONED
    assert UpdateSisReturnAlert(enforcement_suspended=True) in postponed.effects
    resumed = run(postponed.context, E.RESUME)
    assert resumed.new_status == S.REMOVAL_ORDERED
    assert resumed.context.postponed_by is None
    assert AllowEnforcement() in resumed.effects
    assert UpdateSisReturnAlert(enforcement_suspended=False) in resumed.effects


def test_asylum_application_postpones_and_resume_needs_new_decision() -> None:
    asylum = run(base_ctx(S.VD_ORDERED), E.ASYLUM_APPLICATION, filed_on=date(2026, 3, 12))
    assert asylum.new_status == S.POSTPONED
    assert BlockEnforcement(EnforcementBlock.ASYLUM) in asylum.effects
    resumed = run(asylum.context, E.RESUME, reason="Patvērums atteikts")
    assert resumed.new_status == S.DECISION_PENDING
    assert resumed.context.decision_type is None
    assert resumed.effects == ()


def test_asylum_during_challenge_returns_to_challenged() -> None:
    asylum = run(base_ctx(S.CHALLENGED), E.ASYLUM_APPLICATION)
    assert asylum.new_status == S.POSTPONED
    resumed = run(asylum.context, E.RESUME)
    assert resumed.new_status == S.CHALLENGED
    assert BlockEnforcement(EnforcementBlock.CHALLENGE) in resumed.effects
    assert not any(isinstance(e, AllowEnforcement) for e in resumed.effects)
    assert run(asylum.context, E.ANNUL).new_status == S.CANCELLED


def test_person_found_with_removal_decision_and_detention() -> None:
    ctx = base_ctx(S.ABSCONDED)
    at = datetime(2026, 3, 14, 12, 0)
    result = run(ctx, E.PERSON_FOUND, found_on=date(2026, 3, 14), detained_at=at)
    assert result.new_status == S.REMOVAL_ORDERED
    assert StartDetention(at) in result.effects
    assert result.context.detained
    raises("missing", ctx, E.PERSON_FOUND)


def test_full_voluntary_departure_path() -> None:
    ctx = CaseContext(status=None, owner_institution=Institution.PMLP)
    steps: list[tuple[CaseEvent, dict[str, Any], CaseStatus]] = [
        (E.REGISTER_DETECTION, {"detection_date": date(2026, 2, 1)}, S.DETECTED),
        (E.START_DECISION, {}, S.DECISION_PENDING),
        (
            E.SERVE_DEPARTURE_ORDER,
            {"served_at": date(2026, 2, 10), "vd_period_days": 20},
            S.VD_ORDERED,
        ),
        (E.CONFIRM_EXIT, {"exit_date": date(2026, 2, 25)}, S.DEPARTED_VOLUNTARILY),
        (E.ARCHIVE, {}, S.CLOSED),
    ]
    for event, params, expected in steps:
        result = apply_event(ctx, event, params, now=NOW)
        assert result.new_status == expected
        ctx = result.context
    assert ctx.vd_deadline == date(2026, 3, 2)
    assert allowed_events(ctx.status) == ()


def test_result_keeps_input_context_untouched() -> None:
    ctx = base_ctx(S.DECISION_PENDING)
    result = run(ctx, E.SERVE_DEPARTURE_ORDER, **BASE_PARAMS[E.SERVE_DEPARTURE_ORDER])
    assert ctx.status == S.DECISION_PENDING and ctx.vd_deadline is None
    assert result.context is not ctx
