"""Lifecycle actions on a case as commands (issue 5, item 5). No widgets here.

A `CaseCommand` is one `registry_core.lifecycle.CaseEvent` seen from the desktop: its label
(Latvian, English), whether the case's state and the officer's rights allow it now (and
if not, why — the guard's own message), which form opens and with what pre-filled, and
how the officer's save becomes outbox ops, in order:

1. the act the form edits (a detention, a decision, an appeal, a departure…) is created or
   updated through `LocalWriter.save` (kind create / update);
2. for a decision, the registry's `sign` and `serve` actions where the registry needs them
   (a decision is registered as a draft; only an authorised official signs it; service
   details go with the `serve` action, never with the record);
3. the case action `{"action": <event>, ...params}` (kind action) with exactly the
   parameters the lifecycle row of `registry_core.lifecycle.TRANSITIONS` takes.

The ops are saved in one DB task, in that order, so the outbox sends them in that order.
Commands that need no act (extend the voluntary-departure period, postpone, resume,
close…) open a small parameter dialog described by `ParamSpec`s.

The state is read the way the registry reads it (`context_of`, the same rules as
`registry_server.case_actions.context_of`), with the case's own pending actions from the
outbox laid over it (`predicted_context`), so that an action queued offline is not offered
twice.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import UTC, date, datetime
from typing import Any, Final

from registry_core import lifecycle as lc
from registry_core import permissions
from registry_core.lifecycle import CaseEvent
from registry_core.messages import DomainError, register, text
from registry_core.records import COLLECTIONS
from registry_core.records.enums import (
    Acknowledgment,
    AppealKind,
    AppealOutcome,
    BanDecisionMaker,
    CaseStatus,
    CaseType,
    DecisionStatus,
    DecisionType,
    DestinationType,
    DetentionStatus,
    EntryBanStatus,
    ExitType,
    Institution,
    InterimRelief,
    Role,
    ServiceMethod,
    TerritorialScope,
)

__all__ = [
    "COMMANDS",
    "CaseCommand",
    "CommandPlan",
    "Op",
    "ParamSpec",
    "act_locked",
    "amend_plan",
    "annul_ops",
    "can_annul",
    "can_sign",
    "case_acts",
    "command",
    "commands_for",
    "context_of",
    "current_decision",
    "label",
    "new_record_plan",
    "pending_appeal",
    "predicted_context",
    "serve_ops",
    "sign_ops",
    "utc_now",
]

register(
    {
        "desktop.case.needs_signing": (
            "Lēmums vēl nav parakstīts; to paraksta pilnvarota amatpersona ({institution}).",
            "The decision is not signed yet; an authorised official ({institution}) signs it.",
        ),
        "desktop.case.no_decision": (
            "Lietā nav lēmuma, uz kuru attiecas šī darbība.",
            "The case has no decision this action applies to.",
        ),
        "desktop.case.action_pending": (
            "Iepriekšējā darbība vēl nav reģistrā; pagaidiet sinhronizāciju.",
            "The previous action is not in the registry yet; wait for the sync.",
        ),
        "desktop.case.no_case": ("Lieta nav atrasta.", "The case was not found."),
        # parameter labels
        "desktop.param.reason": ("Iemesls", "Reason"),
        "desktop.param.extend_by_days": ("Pagarināt par (dienām)", "Extend by (days)"),
        "desktop.param.new_deadline": ("Jaunais termiņš", "New deadline"),
        "desktop.param.ground": ("Pamats", "Ground"),
        "desktop.param.until": ("Līdz", "Until"),
        "desktop.param.noted_on": ("Konstatēts", "Noted on"),
        "desktop.param.note": ("Piezīme", "Note"),
        "desktop.param.decided_on": ("Lēmuma datums", "Date of the ruling"),
        "desktop.param.granted_on": ("Datums", "Date"),
        "desktop.param.filed_on": ("Iesniegšanas datums", "Date filed"),
        "desktop.param.found_on": ("Atrasta", "Found on"),
        "desktop.param.detained_at": ("Aizturēta (datums, laiks)", "Detained at (date, time)"),
        "desktop.param.planned_removal_at": (
            "Plānotā izraidīšana (datums, laiks)",
            "Planned removal (date, time)",
        ),
        "desktop.param.notice_given_at": (
            "Paziņojums sniegts (datums, laiks)",
            "Notice given at (date, time)",
        ),
        "desktop.param.notice_justification": (
            "Pamatojums īsākam paziņošanas laikam",
            "Justification for a shorter notice",
        ),
        "desktop.param.served_at": ("Paziņots (datums, laiks)", "Served at (date, time)"),
        "desktop.param.service_method": ("Paziņošanas veids", "Service method"),
        "desktop.param.acknowledgment": ("Apliecinājums", "Acknowledgment"),
        "desktop.param.refusal_note": ("Atzīme par atteikumu parakstīt", "Note on refusal to sign"),
        "desktop.param.translation_language": ("Tulkojuma valoda", "Translation language"),
        "desktop.param.interpreter": ("Tulks", "Interpreter"),
        "desktop.param.release_reason": ("Atbrīvošanas iemesls", "Reason for release"),
        "desktop.param.released_at": ("Atbrīvota (datums, laiks)", "Released at (date, time)"),
        "desktop.param.postpone": ("Atlikt izpildi", "Postpone enforcement"),
        # choices
        "desktop.ground.health": ("Veselības stāvoklis", "Health"),
        "desktop.ground.non_refoulement": ("Neizraidīšanas princips", "Non-refoulement"),
        "desktop.ground.technical": ("Tehniski iemesli", "Technical reasons"),
        "desktop.ground.no_documents": ("Nav ceļošanas dokumentu", "No travel documents"),
        "desktop.ground.other": ("Cits", "Other"),
        "desktop.service.in_person": ("Personīgi", "In person"),
        "desktop.service.post": ("Pa pastu", "By post"),
        "desktop.service.electronic": ("Elektroniski", "Electronically"),
        "desktop.ack.signed": ("Parakstīja", "Signed"),
        "desktop.ack.refused_to_sign": ("Atteicās parakstīt", "Refused to sign"),
        "desktop.ack.not_yet": ("Vēl nav", "Not yet"),
        # act-level actions
        "desktop.act.sign": ("Parakstīt", "Sign"),
        "desktop.act.serve": ("Paziņot", "Serve"),
        "desktop.act.amend": ("Grozīt", "Amend"),
        "desktop.act.annul": ("Atcelt", "Annul"),
        "desktop.act.edit": ("Labot", "Edit"),
        "desktop.act.open": ("Atvērt", "Open"),
    }
)

# --------------------------------------------------------------------------- helpers


def label(code: str, lang: str, **params: Any) -> str:
    """A registered message in `lang` (shorthand for `registry_core.messages.text`)."""
    return text(code, lang, **params)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _local_now() -> datetime:
    return datetime.now().astimezone().replace(second=0, microsecond=0)


def _iso_now() -> str:
    return _local_now().isoformat()


def _today() -> str:
    return date.today().isoformat()


_CONTEXT_FIELDS: Final = [
    f.name for f in fields(lc.CaseContext) if f.name not in ("status", "owner_institution")
]


def context_of(case: Mapping[str, Any]) -> lc.CaseContext:
    """The lifecycle context of a case record: its status plus the `lifecycle` dict the
    registry keeps (same reading as `registry_server.case_actions.context_of`)."""
    saved = dict(case.get("lifecycle") or {})
    kwargs: dict[str, Any] = {}
    for name in _CONTEXT_FIELDS:
        value = saved.get(name)
        if value is None:
            continue
        try:
            if name in ("detecting_institution", "decided_by"):
                value = Institution(value)
            elif name == "decision_type":
                value = DecisionType(value)
            elif name == "postponed_by":
                value = lc.EnforcementBlock(value)
            elif name in ("decision_date", "vd_deadline"):
                value = date.fromisoformat(str(value)[:10])
            elif name in ("planned_removal_at", "notice_given_at"):
                value = datetime.fromisoformat(str(value))
        except ValueError:
            continue  # an unreadable remembered value: the registry still decides
        kwargs[name] = value
    status = case.get("status")
    owner = case.get("owner_institution") or Institution.VRS
    return lc.CaseContext(
        status=CaseStatus(status) if status else None,
        owner_institution=Institution(owner),
        **kwargs,
    )


def predicted_context(
    case: Mapping[str, Any],
    pending: Iterable[Mapping[str, Any]] = (),
    now: datetime | None = None,
) -> tuple[lc.CaseContext, list[CaseEvent]]:
    """The case's context with this officer's unsent case actions applied in order.

    `pending`: the `fields` of the case's action ops still in the outbox. Returns the
    predicted context and the events that were laid over (an action the lifecycle refuses
    stops the prediction: the registry will refuse it too)."""
    ctx = context_of(case)
    now = now or utc_now()
    applied: list[CaseEvent] = []
    for fields_ in pending:
        params = dict(fields_)
        name = params.pop("action", None)
        try:
            event = CaseEvent(str(name))
            ctx = lc.apply_event(ctx, event, params, now=now).context
        except (ValueError, DomainError):
            break
        applied.append(event)
    return ctx, applied


def _roles(user: Mapping[str, Any]) -> list[str]:
    return [str(r) for r in user.get("roles") or []]


def _institution(user: Mapping[str, Any]) -> str:
    return str(user.get("institution") or "")


def can_sign(user: Mapping[str, Any], act: Mapping[str, Any], collection: str) -> bool:
    """Whether the officer may sign (and annul) `act`, as the registry's rule says."""
    if collection == "entry-bans":
        if act.get("decision_maker") in {m.value for m in permissions.MINISTERIAL_BAN_MAKERS}:
            return permissions.can_enter_ministerial_ban(_roles(user), _institution(user))
        maker = str(act.get("decision_maker") or "")
        institution = Institution.VRS if maker == BanDecisionMaker.VRS_HEAD else Institution.PMLP
    else:
        institution = str(act.get("issuing_institution") or _institution(user))
    return permissions.can_sign(_roles(user), _institution(user), str(institution))


def can_annul(user: Mapping[str, Any], act: Mapping[str, Any], collection: str) -> bool:
    if can_sign(user, act, collection):
        return True
    return collection == "entry-bans" and permissions.can_enter_ministerial_ban(
        _roles(user), _institution(user)
    )


_LOCKED_DECISION: Final = frozenset(
    s.value
    for s in (
        DecisionStatus.SIGNED,
        DecisionStatus.SERVED,
        DecisionStatus.IN_FORCE,
        DecisionStatus.EXECUTED,
        DecisionStatus.AMENDED,
        DecisionStatus.ANNULLED,
        DecisionStatus.SUSPENDED,
    )
)


def act_locked(collection: str, record: Mapping[str, Any]) -> bool:
    """A served or signed legal act: read-only, only Amend and Annul change it."""
    if collection == "decisions":
        return bool(
            record.get("served_at")
            or record.get("signed_at")
            or record.get("status") in _LOCKED_DECISION
        )
    if collection == "entry-bans":
        return bool(record.get("signed_at"))
    return False


# --------------------------------------------------------------------------- acts of a case

ACT_COLLECTIONS: Final = (
    "detentions",
    "decisions",
    "appeals",
    "departures",
    "entry-bans",
    "sis-alerts",
    "tasks",
)


def case_acts(related: Mapping[str, Any], case_id: str) -> dict[str, list[dict[str, Any]]]:
    """The records of a dossier's `related` that belong to the case, by collection."""
    out: dict[str, list[dict[str, Any]]] = {}
    for name in ACT_COLLECTIONS:
        rows = [
            dict(r)
            for r in related.get(name) or []
            if str(r.get("case_id") or "") == str(case_id) and not r.get("deleted")
        ]
        out[name] = rows
    return out


def _sort_key(record: Mapping[str, Any], *names: str) -> tuple[str, ...]:
    return tuple(str(record.get(n) or "") for n in names)


def current_decision(
    acts: Mapping[str, Sequence[Mapping[str, Any]]],
    decision_type: DecisionType | str | None = None,
) -> dict[str, Any] | None:
    """The case's live decision (not annulled or amended), latest first, as the registry
    picks it; of `decision_type` when given."""
    live = [
        dict(d)
        for d in acts.get("decisions") or []
        if d.get("status") not in (DecisionStatus.ANNULLED, DecisionStatus.AMENDED)
        and (decision_type is None or d.get("decision_type") == str(decision_type))
    ]
    return max(
        live,
        key=lambda d: _sort_key(d, "decision_date", "created_at", "updated_at"),
        default=None,
    )


def pending_appeal(
    acts: Mapping[str, Sequence[Mapping[str, Any]]], kinds: Iterable[str] | None = None
) -> dict[str, Any] | None:
    """The latest challenge or appeal of the case without an outcome (of `kinds`)."""
    wanted = set(kinds) if kinds is not None else None
    open_ = [
        dict(a)
        for a in acts.get("appeals") or []
        if not a.get("outcome") and (wanted is None or a.get("kind") in wanted)
    ]
    return max(open_, key=lambda a: _sort_key(a, "filed_date", "created_at"), default=None)


def open_detention(acts: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, Any] | None:
    open_ = [dict(d) for d in acts.get("detentions") or [] if not d.get("released_at")]
    return max(open_, key=lambda d: _sort_key(d, "detained_at"), default=None)


# --------------------------------------------------------------------------- ops


@dataclass(frozen=True)
class Op:
    """One `LocalWriter.save` call: collection, record id, fields, kind."""

    collection: str
    record_id: str
    fields: dict[str, Any]
    kind: str = "create"


# Fields the registry (or an action) sets; a form's save never sends them.
_ACTION_FIELDS: Final[Mapping[str, frozenset[str]]] = {
    "decisions": frozenset(
        {
            "decision_no", "status", "signed_at", "served_at", "service_method",
            "acknowledgment", "refusal_note", "person_explanation", "translation_language",
            "interpreter", "annulled_reason", "suspended", "suspension_reason", "vd_deadline",
        }
    ),
    "entry-bans": frozenset({"status", "signed_at"}),
    "cases": frozenset({"case_no", "status", "lifecycle", "vd_deadline", "next_deadline"}),
}  # fmt: skip
SERVE_FIELDS: Final = (
    "service_method",
    "acknowledgment",
    "refusal_note",
    "person_explanation",
    "translation_language",
    "interpreter",
)


def record_fields(collection: str, values: Mapping[str, Any], *, new: bool) -> dict[str, Any]:
    """The part of a form's values the record op carries: the model's content fields,
    without those only the registry or an action sets."""
    model = COLLECTIONS[collection].model
    allowed = model.content_fields() - _ACTION_FIELDS.get(collection, frozenset())
    out = {k: v for k, v in values.items() if k in allowed}
    if new:
        out = {k: v for k, v in out.items() if v is not None}
    return out


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def case_action(case_id: str, event: CaseEvent, params: Mapping[str, Any]) -> Op:
    """The case action op with the lifecycle parameters that are given (blank ones left
    out: the lifecycle refuses unknown names, and an empty value means "not given")."""
    row_names = _param_names(event)
    fields_: dict[str, Any] = {"action": event.value}
    for name, value in params.items():
        if name in row_names and not _blank(value):
            fields_[name] = value
    return Op("cases", str(case_id), fields_, "action")


def _param_names(event: CaseEvent) -> frozenset[str]:
    names: set[str] = set()
    for row in lc.TRANSITIONS:
        if row.event == event:
            names.update(row.required)
            names.update(row.optional)
    return frozenset(names)


def sign_ops(collection: str, record_id: str) -> list[Op]:
    return [Op(collection, str(record_id), {"action": "sign"}, "action")]


def serve_ops(record_id: str, values: Mapping[str, Any]) -> list[Op]:
    """The decision's `serve` action with the service details the officer gave."""
    params: dict[str, Any] = {"action": "serve"}
    served = values.get("served_at")
    if not _blank(served):
        params["served_at"] = served
    for name in SERVE_FIELDS:
        value = values.get(name)
        if not _blank(value):
            params[name] = value
    return [Op("decisions", str(record_id), params, "action")]


def annul_ops(collection: str, record_id: str, reason: str) -> list[Op]:
    return [Op(collection, str(record_id), {"action": "annul", "reason": reason.strip()}, "action")]


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True)
class ParamSpec:
    """A parameter of a command without a form (the parameter dialog builds an editor
    per spec). `widget`: date | datetime | int | text | longtext | choice | bool."""

    name: str
    widget: str
    required: bool = False
    options: tuple[tuple[str, str], ...] = ()  # (value, message code of its label)
    default: Any = None  # a value, or "today" / "now"
    readonly: bool = False

    def label(self, lang: str) -> str:
        return text(f"desktop.param.{self.name}", lang)

    def initial(self) -> Any:
        if self.default == "today":
            return _today()
        if self.default == "now":
            return _iso_now()
        return self.default


def _choice(prefix: str, values: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((v, f"{prefix}.{v}") for v in values)


_GROUNDS: Final = _choice("desktop.ground", [g.value for g in lc.PostponementGround])
_SERVICE: Final = _choice("desktop.service", [m.value for m in ServiceMethod])
_ACK: Final = _choice("desktop.ack", [a.value for a in Acknowledgment])
_RELEASE: Final = tuple((r.value, f"lifecycle.release.{r.value}") for r in lc.ReleaseReason)
register(
    {
        "lifecycle.release.removed": ("Izraidīts", "Removed"),
        "lifecycle.release.maximum_reached": ("Sasniegts maksimālais termiņš", "Maximum reached"),
        "lifecycle.release.alternative_measure": ("Alternatīvs līdzeklis", "Alternative measure"),
        "lifecycle.release.court_order": ("Tiesas nolēmums", "Court order"),
        "lifecycle.release.asylum": ("Patvēruma iesniegums", "Asylum application"),
        "lifecycle.release.escaped": ("Aizbēga", "Escaped"),
        "lifecycle.release.other": ("Cits", "Other"),
    }
)

SERVE_PARAMS: Final = (
    ParamSpec("served_at", "datetime", required=True, default="now"),
    ParamSpec("service_method", "choice", options=_SERVICE, default="in_person"),
    ParamSpec("acknowledgment", "choice", options=_ACK, default="signed"),
    ParamSpec("refusal_note", "text"),
    ParamSpec("translation_language", "text"),
    ParamSpec("interpreter", "text"),
)


# --------------------------------------------------------------------------- plans


@dataclass
class CommandPlan:
    """What starting a command opens: a form on an act (new or existing) with context and
    pre-filled values, or a parameter dialog; and how the officer's values become ops."""

    command: CaseCommand | None
    case: dict[str, Any]
    form: str | None = None  # form name (forms/<name>.yaml); None = parameter dialog
    collection: str | None = None
    record: dict[str, Any] | None = None  # the existing act edited (None: a new one)
    record_id: str = ""
    context: dict[str, Any] = field(default_factory=dict)
    prefill: dict[str, Any] = field(default_factory=dict)
    focus: str | None = None
    params: tuple[ParamSpec, ...] = ()
    readonly: bool = False
    build_ops: Callable[[CommandPlan, Mapping[str, Any], Mapping[str, Any]], list[Op]] | None = None

    field_map: dict[str, str] = field(default_factory=dict)  # lifecycle param → form field
    changed: dict[str, Any] | None = None  # an update's changed fields (set by `ops`)

    @property
    def is_new(self) -> bool:
        return self.record is None

    def field_for(self, param: str | None) -> str:
        """The form field where a refusal of lifecycle parameter `param` is shown."""
        if not param:
            return self.focus or ""
        return self.field_map.get(param, param)

    @property
    def case_id(self) -> str:
        return str(self.case.get("id") or "")

    def ops(
        self,
        values: Mapping[str, Any],
        user: Mapping[str, Any],
        *,
        changed: Mapping[str, Any] | None = None,
    ) -> list[Op]:
        """The outbox ops for the officer's `values` (form values or parameters), in the
        order they must reach the registry. `changed`: for an existing act, the fields
        the officer changed (the form's own comparison); default: every value (the
        local writer drops those equal to the local copy)."""
        if self.build_ops is None:
            return []
        self.changed = dict(changed) if changed is not None else None
        try:
            return self.build_ops(self, values, user)
        finally:
            self.changed = None

    def check(self, values: Mapping[str, Any], now: datetime | None = None) -> list[DomainError]:
        """Run the lifecycle on the case action these values make: the refusals the
        registry would give (field = the lifecycle parameter), before anything is queued."""
        if self.command is None:
            return []
        ops = self.ops(values, {})
        actions = [o for o in ops if o.collection == "cases" and o.kind == "action"]
        if not actions:
            return []
        params = dict(actions[-1].fields)
        params.pop("action", None)
        try:
            lc.apply_event(context_of(self.case), self.command.event, params, now=now or utc_now())
        except DomainError as exc:
            return [exc]
        return []


def _record_op(plan: CommandPlan, values: Mapping[str, Any]) -> Op:
    assert plan.collection is not None
    new = plan.record is None
    source = values if new or plan.changed is None else plan.changed
    return Op(
        plan.collection,
        plan.record_id,
        record_fields(plan.collection, source, new=new),
        "create" if new else "update",
    )


def _split_context(form_context: Iterable[str], data: Mapping[str, Any]) -> tuple[dict, dict]:
    """Values whose key the form takes as context go to `context`, the rest to prefill."""
    names = set(form_context)
    context = {k: v for k, v in data.items() if k in names and v is not None}
    prefill = {k: v for k, v in data.items() if k not in names and v is not None}
    return context, prefill


def _form_context(form: str) -> tuple[str, ...]:
    try:
        from registry_desktop.formdefs import load_form

        return load_form(form).context
    except (FileNotFoundError, KeyError, OSError):
        return ("person_id", "case_id", "decision_id", "entry_ban_id")


def _plan_form(
    command: CaseCommand | None,
    case: Mapping[str, Any],
    form: str,
    collection: str,
    record: Mapping[str, Any] | None,
    data: Mapping[str, Any],
    *,
    focus: str | None = None,
    build: Callable[[CommandPlan, Mapping[str, Any], Mapping[str, Any]], list[Op]] | None = None,
    fields_of: Mapping[str, str] | None = None,
) -> CommandPlan:
    context, prefill = _split_context(_form_context(form), data)
    if record is not None:
        # An existing act: its own links are the context; the command's values prefill.
        context = {k: record.get(k) for k in _form_context(form) if record.get(k) is not None}
        prefill = {k: v for k, v in data.items() if k not in context}
    rid = str(record.get("id")) if record is not None else str(uuid.uuid4())
    return CommandPlan(
        command=command, case=dict(case), form=form, collection=collection,
        record=dict(record) if record is not None else None, record_id=rid,
        context=context, prefill=prefill, focus=focus, build_ops=build,
        field_map=dict(fields_of or {}),
    )  # fmt: skip


def _user_unit(user: Mapping[str, Any]) -> str | None:
    unit = user.get("unit")
    return str(unit) if unit else None


def _user_name(user: Mapping[str, Any]) -> str:
    return str(user.get("full_name") or user.get("username") or "")


def _nationality(person: Mapping[str, Any] | None) -> str | None:
    for nat in (person or {}).get("nationalities") or []:
        if isinstance(nat, Mapping) and nat.get("country"):
            return str(nat["country"])
    return None


# --------------------------------------------------------------------------- commands


@dataclass(frozen=True)
class Related:
    """What a command needs to know besides the case: its acts and the person."""

    acts: Mapping[str, Sequence[Mapping[str, Any]]] = field(default_factory=dict)
    person: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, related: Mapping[str, Any], case_id: str, person: Mapping[str, Any]) -> Related:
        return cls(case_acts(related, case_id), dict(person))


Planner = Callable[["CaseCommand", Mapping[str, Any], Related, Mapping[str, Any]], CommandPlan]
Precheck = Callable[
    ["CaseCommand", Mapping[str, Any], Related, Mapping[str, Any], lc.CaseContext],
    DomainError | None,
]


@dataclass(frozen=True)
class CaseCommand:
    """One lifecycle action on a case."""

    event: CaseEvent
    writes: tuple[str, ...]  # collections it writes (checked with registry_core.permissions)
    form: str | None = None  # the form that opens (None: the parameter dialog)
    params: tuple[ParamSpec, ...] = ()
    planner: Planner | None = None
    precheck: Precheck | None = None
    primary: bool = True  # shown as a button (else only in the actions menu)

    @property
    def key(self) -> str:
        return self.event.value

    def label(self, lang: str) -> str:
        return text(lc.event_code(self.event), lang)

    # -- who and when -----------------------------------------------------------------
    def permitted(self, user: Mapping[str, Any]) -> bool:
        """The officer's roles allow every write the command makes (else it is hidden)."""
        roles = _roles(user)
        if not roles:
            return True  # unknown user (offline without a profile): the registry decides
        return all(permissions.can_write(roles, c) for c in self.writes)

    def refusal(
        self,
        case: Mapping[str, Any],
        now: datetime | None = None,
        *,
        user: Mapping[str, Any] | None = None,
        related: Related | None = None,
        ctx: lc.CaseContext | None = None,
    ) -> DomainError | None:
        """Why the command cannot run now (the lifecycle's or the registry's message), or
        None. `ctx`: the (predicted) context; by default read from the case."""
        now = now or utc_now()
        ctx = ctx or context_of(case)
        row = lc.find_transition(ctx.status, self.event)
        if row is None:
            try:
                lc.apply_event(ctx, self.event, {}, now=now)
            except DomainError as exc:
                return exc
            return DomainError("lifecycle.not_allowed")  # pragma: no cover
        for name in row.guards:
            try:
                lc.GUARDS[name](ctx, now)
            except DomainError as exc:
                return exc
        if self.precheck is not None:
            return self.precheck(self, case, related or Related(), user or {}, ctx)
        return None

    def enabled(
        self,
        case: Mapping[str, Any],
        now: datetime | None = None,
        *,
        user: Mapping[str, Any] | None = None,
        related: Related | None = None,
        ctx: lc.CaseContext | None = None,
    ) -> bool:
        return self.refusal(case, now, user=user, related=related, ctx=ctx) is None

    # -- what opens ---------------------------------------------------------------------
    def plan(
        self, case: Mapping[str, Any], related: Related | None, user: Mapping[str, Any]
    ) -> CommandPlan:
        related = related or Related()
        if self.planner is not None:
            return self.planner(self, case, related, user)
        return _param_plan(self, case)


def _param_plan(cmd: CaseCommand, case: Mapping[str, Any]) -> CommandPlan:
    def build(plan: CommandPlan, values: Mapping[str, Any], _user: Mapping[str, Any]) -> list[Op]:
        return [case_action(plan.case_id, cmd.event, values)]

    return CommandPlan(
        command=cmd,
        case=dict(case),
        params=cmd.params,
        prefill={p.name: p.initial() for p in cmd.params if p.initial() is not None},
        build_ops=build,
    )


# -- planners ------------------------------------------------------------------------


def _detention_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    data = {
        "case_id": case.get("id"),
        "person_id": case.get("person_id"),
        "detained_at": _iso_now(),
        "detaining_unit": _user_unit(user),
        "detaining_official": _user_name(user),
        "status": DetentionStatus.DETAINED_VRS.value,
    }

    def build(plan: CommandPlan, values: Mapping[str, Any], _user: Mapping[str, Any]) -> list[Op]:
        return [
            _record_op(plan, values),
            case_action(plan.case_id, cmd.event, {"detained_at": values.get("detained_at")}),
        ]

    return _plan_form(
        cmd, case, "detention", "detentions", None, data, focus="detained_at", build=build
    )


def _release_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    detention = open_detention(related.acts)
    if detention is None:  # no detention record (e.g. legacy): the parameters only
        return _param_plan(cmd, case)
    data = {"released_at": _iso_now(), "status": DetentionStatus.RELEASED.value}

    def build(plan: CommandPlan, values: Mapping[str, Any], _user: Mapping[str, Any]) -> list[Op]:
        params = {
            "released_at": values.get("released_at"),
            "release_reason": values.get("release_reason"),
        }
        return [_record_op(plan, values), case_action(plan.case_id, cmd.event, params)]

    return _plan_form(
        cmd, case, "detention", "detentions", detention, data, focus="released_at", build=build
    )


def _decision_data(
    case: Mapping[str, Any],
    related: Related,
    user: Mapping[str, Any],
    decision_type: DecisionType,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "case_id": case.get("id"),
        "person_id": case.get("person_id"),
        "decision_type": decision_type.value,
        "decision_date": _today(),
        "issuing_institution": _institution(user) or case.get("owner_institution"),
        "issuing_unit": _user_unit(user) or case.get("owner_unit"),
        "official": _user_name(user),
        "legal_basis": [dict(b) for b in case.get("legal_basis") or []] or None,
        "destination_type": DestinationType.CITIZENSHIP.value,
        "destination_country": _nationality(related.person),
    }
    if decision_type == DecisionType.DEPARTURE_ORDER:
        data["vd_period_days"] = 30
    return data


def _decision_ops(
    plan: CommandPlan,
    values: Mapping[str, Any],
    user: Mapping[str, Any],
    *,
    serve: bool,
) -> list[Op]:
    """Decision create/update, then sign (unless signed), then serve (when asked)."""
    ops: list[Op] = []
    record = plan.record or {}
    if not act_locked("decisions", record):
        ops.append(_record_op(plan, values))
    if not record.get("signed_at"):
        ops += sign_ops("decisions", plan.record_id)
    if serve and not record.get("served_at"):
        ops += serve_ops(plan.record_id, {"served_at": _iso_now(), **values})
    return ops


def _decision_precheck(
    cmd: CaseCommand,
    case: Mapping[str, Any],
    related: Related,
    user: Mapping[str, Any],
    ctx: lc.CaseContext,
    decision_type: DecisionType,
) -> DomainError | None:
    if not _roles(user):
        return None
    target = _target_decision(related, decision_type)
    if target is not None and target.get("signed_at"):
        return None
    institution = str((target or {}).get("issuing_institution") or _institution(user))
    if not permissions.can_sign(_roles(user), _institution(user), institution):
        return DomainError("desktop.case.needs_signing", institution=institution)
    if (
        decision_type == DecisionType.DEPARTURE_ORDER
        and ctx.detecting_institution is not None
        and Role.TRAINER not in _roles(user)
        and institution != ctx.detecting_institution
    ):
        return DomainError(
            "lifecycle.vd_wrong_institution",
            field="issued_by",
            institution=ctx.detecting_institution.value,
        )
    return None


def _target_decision(related: Related, decision_type: DecisionType) -> dict[str, Any] | None:
    """The case's decision of this type still to be signed or served."""
    current = current_decision(related.acts, decision_type)
    if current is None or current.get("served_at"):
        return None
    if current.get("status") not in (DecisionStatus.DRAFT, DecisionStatus.SIGNED, None):
        return None
    return current


def _serve_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    target = _target_decision(related, DecisionType.DEPARTURE_ORDER)
    service = {p.name: p.initial() for p in SERVE_PARAMS if p.initial() is not None}

    def case_op(plan: CommandPlan, decision: Mapping[str, Any], values: Mapping[str, Any]) -> Op:
        params = {
            "served_at": values.get("served_at") or _iso_now(),
            "vd_period_days": decision.get("vd_period_days"),
            "issued_by": decision.get("issuing_institution"),
        }
        return case_action(plan.case_id, cmd.event, params)

    if target is not None and target.get("signed_at"):
        # Signed already: the act is read-only; the service details are the parameters.
        def build_signed(
            plan: CommandPlan, values: Mapping[str, Any], _user: Mapping[str, Any]
        ) -> list[Op]:
            assert target is not None
            return [*serve_ops(str(target["id"]), values), case_op(plan, target, values)]

        return CommandPlan(
            command=cmd, case=dict(case), collection="decisions", record=target,
            record_id=str(target["id"]), params=SERVE_PARAMS, prefill=service,
            build_ops=build_signed,
        )  # fmt: skip

    data = {**_decision_data(case, related, user, DecisionType.DEPARTURE_ORDER), **service}

    def build(plan: CommandPlan, values: Mapping[str, Any], u: Mapping[str, Any]) -> list[Op]:
        merged = {**(plan.record or {}), **values}
        return [*_decision_ops(plan, values, u, serve=True), case_op(plan, merged, values)]

    if target is not None:  # the draft: keep what it says, add the service
        data = {**service}
    return _plan_form(
        cmd,
        case,
        "decision",
        "decisions",
        target,
        data,
        focus="served_at",
        build=build,
        fields_of={"issued_by": "issuing_institution"},
    )


def _removal_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    target = _target_decision(related, DecisionType.REMOVAL_DECISION)

    def build(plan: CommandPlan, values: Mapping[str, Any], u: Mapping[str, Any]) -> list[Op]:
        merged = {**(plan.record or {}), **values}
        serve = not _blank(values.get("served_at"))
        params = {
            "decided_by": merged.get("issuing_institution"),
            "decided_on": merged.get("decision_date"),
        }
        return [
            *_decision_ops(plan, values, u, serve=serve),
            case_action(plan.case_id, cmd.event, params),
        ]

    data = (
        {"decision_type": DecisionType.REMOVAL_DECISION.value}
        if target is not None
        else _decision_data(case, related, user, DecisionType.REMOVAL_DECISION)
    )
    if target is not None and target.get("signed_at"):
        # Signed: nothing to edit; the case action only (the act opens read-only).
        def build_signed(
            plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]
        ) -> list[Op]:
            assert target is not None
            params = {
                "decided_by": target.get("issuing_institution"),
                "decided_on": target.get("decision_date"),
            }
            return [case_action(plan.case_id, cmd.event, params)]

        return CommandPlan(
            command=cmd, case=dict(case), collection="decisions", record=target,
            record_id=str(target["id"]), build_ops=build_signed,
        )  # fmt: skip
    return _plan_form(
        cmd,
        case,
        "decision",
        "decisions",
        target,
        data,
        focus="decision_type",
        build=build,
        fields_of={"decided_by": "issuing_institution", "decided_on": "decision_date"},
    )


def _start_decision_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    """Start preparing a decision: a new draft decision (departure order by default)."""
    data = _decision_data(case, related, user, DecisionType.DEPARTURE_ORDER)

    def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
        return [_record_op(plan, values), case_action(plan.case_id, cmd.event, {})]

    return _plan_form(
        cmd, case, "decision", "decisions", None, data, focus="decision_type", build=build
    )


def _departure_data(
    case: Mapping[str, Any], related: Related, exit_type: ExitType
) -> dict[str, Any]:
    decision = current_decision(related.acts) or {}
    return {
        "case_id": case.get("id"),
        "person_id": case.get("person_id"),
        "decision_id": decision.get("id"),
        "exit_type": exit_type.value,
        "exit_at": _iso_now(),
        "destination_country": decision.get("destination_country") or _nationality(related.person),
    }


def _confirm_exit_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    data = _departure_data(case, related, ExitType.VOLUNTARY)

    def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
        return [
            _record_op(plan, values),
            case_action(plan.case_id, cmd.event, {"exit_date": values.get("exit_at")}),
        ]

    return _plan_form(cmd, case, "departure", "departures", None, data, focus="exit_at",
                      build=build,
                      fields_of={"exit_date": "exit_at"})  # fmt: skip


def _execute_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    data = _departure_data(case, related, ExitType.FORCED_ESCORTED)
    notice = (case.get("lifecycle") or {}).get("notice_given_at")
    if notice:
        data["notice_given_at"] = notice

    def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
        params = {
            "removed_at": values.get("exit_at"),
            "notice_given_at": values.get("notice_given_at"),
            "notice_justification": values.get("notice_short_reason"),
        }
        return [_record_op(plan, values), case_action(plan.case_id, cmd.event, params)]

    return _plan_form(cmd, case, "departure", "departures", None, data, focus="exit_at",
                      build=build,
                      fields_of={"removed_at": "exit_at", "notice_justification": "notice_short_reason"})  # fmt: skip


def _abort_plan(
    cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
) -> CommandPlan:
    data = {**_departure_data(case, related, ExitType.FORCED_ESCORTED), "aborted": True}

    def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
        params = {"reason": values.get("aborted_reason")}
        return [_record_op(plan, values), case_action(plan.case_id, cmd.event, params)]

    return _plan_form(cmd, case, "departure", "departures", None, data,
                      focus="aborted_reason", build=build,
                      fields_of={"reason": "aborted_reason"})  # fmt: skip


def _new_appeal_plan(kind: AppealKind, suspensive: bool) -> Planner:
    def planner(
        cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
    ) -> CommandPlan:
        decision = current_decision(related.acts) or {}
        data = {
            "case_id": case.get("id"),
            "decision_id": decision.get("id"),
            "kind": kind.value,
            "filed_date": _today(),
            "received_by": _user_unit(user) or _institution(user) or None,
            "suspensive": suspensive,
        }

        def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
            return [
                _record_op(plan, values),
                case_action(plan.case_id, cmd.event, {"filed_on": values.get("filed_date")}),
            ]

        return _plan_form(cmd, case, "appeal", "appeals", None, data, focus="filed_date",
                          build=build, fields_of={"filed_on": "filed_date"})  # fmt: skip

    return planner


_CHALLENGE_KINDS: Final = (AppealKind.CHALLENGE.value,)
_COURT_KINDS: Final = tuple(k.value for k in AppealKind if k != AppealKind.CHALLENGE)


def _appeal_outcome_plan(
    kinds: tuple[str, ...] | None,
    changes: Callable[[], dict[str, Any]],
    param: str,
    value_field: str,
    focus: str,
) -> Planner:
    """A ruling on the pending challenge/appeal: its record with the outcome, then the case
    action with the ruling's date (the parameter dialog when no such record exists)."""

    def planner(
        cmd: CaseCommand, case: Mapping[str, Any], related: Related, user: Mapping[str, Any]
    ) -> CommandPlan:
        appeal = pending_appeal(related.acts, kinds)
        if appeal is None:
            return _param_plan(cmd, case)

        def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
            return [
                _record_op(plan, values),
                case_action(plan.case_id, cmd.event, {param: values.get(value_field)}),
            ]

        return _plan_form(cmd, case, "appeal", "appeals", appeal, changes(), focus=focus,
                          build=build, fields_of={param: value_field})  # fmt: skip

    return planner


def _outcome(outcome: AppealOutcome) -> Callable[[], dict[str, Any]]:
    return lambda: {"outcome": outcome.value, "outcome_date": _today()}


def _interim() -> dict[str, Any]:
    return {"interim_relief": InterimRelief.GRANTED.value, "interim_relief_date": _today()}


def _needs_removal_signing(
    cmd: CaseCommand,
    case: Mapping[str, Any],
    related: Related,
    user: Mapping[str, Any],
    ctx: lc.CaseContext,
) -> DomainError | None:
    return _decision_precheck(cmd, case, related, user, ctx, DecisionType.REMOVAL_DECISION)


def _needs_departure_signing(
    cmd: CaseCommand,
    case: Mapping[str, Any],
    related: Related,
    user: Mapping[str, Any],
    ctx: lc.CaseContext,
) -> DomainError | None:
    return _decision_precheck(cmd, case, related, user, ctx, DecisionType.DEPARTURE_ORDER)


_E = CaseEvent
_P = ParamSpec

COMMANDS: Final[tuple[CaseCommand, ...]] = (
    CaseCommand(_E.RECORD_DETENTION, ("detentions", "cases"), "detention",
                planner=_detention_plan),
    CaseCommand(_E.RELEASE_FROM_DETENTION, ("detentions", "cases"), "detention",
                params=(_P("released_at", "datetime", True, default="now"),
                        _P("release_reason", "choice", True, options=_RELEASE)),
                planner=_release_plan),
    CaseCommand(_E.START_DECISION, ("decisions", "cases"), "decision",
                planner=_start_decision_plan),
    CaseCommand(_E.SERVE_DEPARTURE_ORDER, ("decisions", "cases"), "decision",
                planner=_serve_plan, precheck=_needs_departure_signing),
    CaseCommand(_E.TAKE_REMOVAL_DECISION, ("decisions", "cases"), "decision",
                planner=_removal_plan, precheck=_needs_removal_signing),
    CaseCommand(_E.EXTEND_VD, ("cases",),
                params=(_P("reason", "text", True), _P("extend_by_days", "int"),
                        _P("new_deadline", "date"))),
    CaseCommand(_E.CONFIRM_EXIT, ("departures", "cases"), "departure",
                planner=_confirm_exit_plan),
    CaseCommand(_E.VD_EXPIRED_REMOVAL, ("decisions", "cases"), "decision",
                planner=_removal_plan, precheck=_needs_removal_signing),
    CaseCommand(_E.MARK_ABSCONDED, ("cases",),
                params=(_P("noted_on", "date", default="today"), _P("note", "text")),
                primary=False),
    CaseCommand(_E.FILE_CHALLENGE, ("appeals", "cases"), "appeal",
                planner=_new_appeal_plan(AppealKind.CHALLENGE, True)),
    CaseCommand(_E.UPHOLD_CHALLENGE, ("appeals", "cases"), "appeal",
                params=(_P("decided_on", "date", default="today"),),
                planner=_appeal_outcome_plan(_CHALLENGE_KINDS, _outcome(AppealOutcome.UPHELD),
                                             "decided_on", "outcome_date", "outcome")),
    CaseCommand(_E.ANNUL, ("appeals", "cases"), "appeal",
                params=(_P("decided_on", "date", default="today"),),
                planner=_appeal_outcome_plan(None, _outcome(AppealOutcome.ANNULLED),
                                             "decided_on", "outcome_date", "outcome")),
    CaseCommand(_E.FILE_APPEAL, ("appeals", "cases"), "appeal",
                planner=_new_appeal_plan(AppealKind.DISTRICT_COURT, False)),
    CaseCommand(_E.GRANT_INTERIM_RELIEF, ("appeals", "cases"), "appeal",
                params=(_P("granted_on", "date", default="today"),),
                planner=_appeal_outcome_plan(_COURT_KINDS, _interim, "granted_on",
                                             "interim_relief_date", "interim_relief")),
    CaseCommand(_E.DISMISS_APPEAL, ("appeals", "cases"), "appeal",
                params=(_P("decided_on", "date", default="today"),),
                planner=_appeal_outcome_plan(_COURT_KINDS, _outcome(AppealOutcome.UPHELD),
                                             "decided_on", "outcome_date", "outcome")),
    CaseCommand(_E.START_PREPARATION, ("cases",),
                params=(_P("planned_removal_at", "datetime"), _P("notice_given_at", "datetime"),
                        _P("notice_justification", "text"))),
    CaseCommand(_E.EXECUTE_REMOVAL, ("departures", "cases"), "departure",
                planner=_execute_plan),
    CaseCommand(_E.ABORT_REMOVAL, ("departures", "cases"), "departure", planner=_abort_plan),
    CaseCommand(_E.POSTPONE, ("cases",),
                params=(_P("reason", "text", True), _P("ground", "choice", options=_GROUNDS),
                        _P("until", "date"))),
    CaseCommand(_E.RESUME, ("cases",), params=(_P("reason", "text"),)),
    CaseCommand(_E.GRANT_LEGAL_STAY, ("cases",),
                params=(_P("granted_on", "date", default="today"), _P("reason", "text")),
                primary=False),
    CaseCommand(_E.ASYLUM_APPLICATION, ("cases",),
                params=(_P("filed_on", "date", default="today"),), primary=False),
    CaseCommand(_E.PERSON_FOUND, ("cases",),
                params=(_P("found_on", "date", True, default="today"),
                        _P("detained_at", "datetime"))),
    CaseCommand(_E.ARCHIVE, ("cases",)),
)  # fmt: skip

_BY_EVENT: Final = {c.event: c for c in COMMANDS}


def command(event: CaseEvent | str) -> CaseCommand:
    return _BY_EVENT[CaseEvent(event)]


def commands_for(user: Mapping[str, Any]) -> list[CaseCommand]:
    """The commands the officer's roles allow (the others are not shown)."""
    return [c for c in COMMANDS if c.permitted(user)]


# --------------------------------------------------------------------------- records


def new_record_plan(
    form: str,
    collection: str,
    user: Mapping[str, Any],
    *,
    person: Mapping[str, Any] | None = None,
    case: Mapping[str, Any] | None = None,
    record: Mapping[str, Any] | None = None,
    related: Related | None = None,
    extra: Mapping[str, Any] | None = None,
) -> CommandPlan:
    """A plain record form (no lifecycle action): a new record with the context of where it
    was opened, or an existing record to edit (`record`)."""
    person_id = (person or {}).get("id") or (case or {}).get("person_id")
    data: dict[str, Any] = {"person_id": person_id}
    if case is not None and collection != "cases":
        data["case_id"] = case.get("id")
    unit = _user_unit(user)
    institution = _institution(user) or None
    if collection == "cases":
        data.update(
            owner_institution=institution, owner_unit=unit, case_type=CaseType.RETURN.value,
            detection_date=_today(), detecting_unit=unit,
            responsible_officer=str(user.get("username") or "") or None,
        )  # fmt: skip
    elif collection == "entry-bans":
        decision = current_decision(related.acts) if related is not None else None
        data.update(decision_id=(decision or {}).get("id"))
        data.update(
            ban_decision_date=_today(), start_pending_departure=True,
            territorial_scope=TerritorialScope.LV_SCHENGEN.value,
            decision_maker=(BanDecisionMaker.VRS_HEAD if institution == Institution.VRS
                            else BanDecisionMaker.PMLP_HEAD).value,
            appealable=True, status=EntryBanStatus.IMPOSED.value,
        )  # fmt: skip
    if collection == "persons":
        data = {}
    data.update(extra or {})
    data = {k: v for k, v in data.items() if v is not None}

    def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
        return [_record_op(plan, values)]

    plan = _plan_form(None, case or {}, form, collection, record, data, build=build)
    if record is not None:
        plan.prefill = {}
        plan.readonly = act_locked(collection, record)
    return plan


_AMEND_DROP: Final[Mapping[str, frozenset[str]]] = {
    "decisions": _ACTION_FIELDS["decisions"] | {"amends_id", "sis_return_alert_id",
                                                "in_force_date"},
    "entry-bans": _ACTION_FIELDS["entry-bans"] | {"amends_id", "sis_refusal_alert_id",
                                                 "sis_entered_at"},
}  # fmt: skip


def amend_plan(collection: str, record: Mapping[str, Any], case: Mapping[str, Any]) -> CommandPlan:
    """Amend a signed or served act: a new draft act carrying its content and
    `amends_id` (the registry marks the old one amended when the new one arrives)."""
    form = "decision" if collection == "decisions" else "entry_ban"
    model = COLLECTIONS[collection].model
    keep = model.content_fields() - _AMEND_DROP.get(collection, frozenset())
    data = {k: v for k, v in record.items() if k in keep and v is not None}
    data["amends_id"] = str(record["id"])
    if collection == "decisions":
        data["decision_date"] = _today()

    def build(plan: CommandPlan, values: Mapping[str, Any], _u: Mapping[str, Any]) -> list[Op]:
        fields_ = record_fields(collection, {**values, "amends_id": str(record["id"])}, new=True)
        return [Op(collection, plan.record_id, fields_, "create")]

    return _plan_form(None, case, form, collection, None, data, build=build)


def vd_days_left(deadline: Any, today: date | None = None) -> int | None:
    """Days from today to an ISO date (negative: overdue)."""
    if not deadline:
        return None
    try:
        due = date.fromisoformat(str(deadline)[:10])
    except ValueError:
        return None
    return (due - (today or date.today())).days
