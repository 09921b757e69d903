"""The case view (DESIGN.md §8 "Case view") and the read-only view of a signed act.

`CaseView` shows one case in a tab: the state as a strip of steps (detected → decision →
served → departed/removed → closed) with the current step marked in words, the acts in
the order they happened (detentions, decisions, appeals, departures, entry bans, SIS
alerts) with their status and a lock for signed or served acts, the lifecycle actions the
state allows (`registry_desktop.case_commands`; a refused action is disabled and its
tooltip says why, in the lifecycle's own words), the deadlines with days left, and the
tasks to and from the other institution.

A command that needs a form asks the main window to open it (`form_requested`); a command
with a few parameters opens `ParamDialog` here. Saving goes through the outbox's single
entry point (`sync.local_first.LocalWriter`), one DB task, in the order the registry needs
(`queue_ops`).

`ActView` is the read-only output form of a signed or served act, with Amend and Annul
instead of Edit.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from registry_core import lifecycle as lc
from registry_core import permissions
from registry_core.messages import DomainError, register, text
from registry_core.records.enums import CaseStatus, DecisionStatus, DecisionType
from registry_desktop import case_commands as cc
from registry_desktop.case_commands import CaseCommand, CommandPlan, Op, ParamSpec
from registry_desktop.labels import ref_of, section_label
from registry_desktop.session import Session, error_text
from registry_desktop.widgets import format_age, format_date, parse_dt, person_name

register(
    {
        "desktop.case.title": ("Lieta {case_no}", "Case {case_no}"),
        "desktop.case.new_title": ("Lieta (nav reģistrā)", "Case (not yet in the registry)"),
        "desktop.case.status": ("Statuss: {status}", "Status: {status}"),
        "desktop.case.predicted": (
            "Gaidāmais statuss pēc nenosūtītajām darbībām: {status} (nav reģistrā)",
            "Expected status after the unsent actions: {status} (not yet in the registry)",
        ),
        "desktop.case.pending_action": (
            "◇ nav reģistrā: {actions}",
            "◇ not yet in the registry: {actions}",
        ),
        "desktop.case.rejected_action": (
            "⚠ Reģistrs nepieņēma darbību: {actions}. Atveriet izsūtni.",
            "⚠ The registry did not accept the action: {actions}. Open the outbox.",
        ),
        "desktop.case.source_registry": ("◆ No reģistra, {age}.", "◆ From the registry, {age}."),
        "desktop.case.source_local": (
            "◇ Lokālā kopija ({age}). Nav atjaunota no reģistra.",
            "◇ Local copy ({age}). Not refreshed from the registry.",
        ),
        "desktop.case.missing": (
            "⚠ Lieta nav lokālajā kešatmiņā. Pieslēdzieties reģistram, lai to atvērtu.",
            "⚠ The case is not in the local cache. Connect to the registry to open it.",
        ),
        "desktop.case.loading": ("Ielādē…", "Loading…"),
        "desktop.case.person": ("Persona: {name}", "Person: {name}"),
        "desktop.case.owner": ("Vada: {institution}, {unit}", "Run by: {institution}, {unit}"),
        "desktop.case.steps": ("Lietas gaita", "Progress of the case"),
        "desktop.case.current_step": (
            "Pašreizējais solis: {step} ({status})",
            "Current step: {step} ({status})",
        ),
        "desktop.case.step_done": ("✓ {step}", "✓ {step}"),
        "desktop.case.step_current": ("▶ {step} (pašreizējais)", "▶ {step} (current)"),
        "desktop.case.step_todo": ("○ {step}", "○ {step}"),
        "desktop.step.detected": ("Konstatēts", "Detected"),
        "desktop.step.decision": ("Lēmums", "Decision"),
        "desktop.step.served": ("Paziņots / izpilde", "Served / enforcement"),
        "desktop.step.departed": ("Izceļojis / izraidīts", "Departed / removed"),
        "desktop.step.cancelled": ("Atcelts", "Cancelled"),
        "desktop.step.closed": ("Slēgts", "Closed"),
        "desktop.case.actions": ("&Darbības…", "&Actions…"),
        "desktop.case.actions_title": ("Darbības", "Actions"),
        "desktop.case.no_actions": (
            "Lietas statuss šobrīd neatļauj nevienu darbību.",
            "The case status allows no action now.",
        ),
        "desktop.case.refresh": ("Atsvaidzināt", "Refresh"),
        "desktop.case.open_person": ("Atvērt personu", "Open person"),
        "desktop.case.acts": ("Akti", "Acts"),
        "desktop.case.no_acts": ("Aktu vēl nav.", "No acts yet."),
        "desktop.case.deadlines": ("Termiņi", "Deadlines"),
        "desktop.case.no_deadlines": ("Termiņu nav.", "No deadlines."),
        "desktop.case.tasks": (
            "Uzdevumi citai iestādei un no tās",
            "Tasks to and from the other institution",
        ),
        "desktop.case.no_tasks": ("Uzdevumu nav.", "No tasks."),
        "desktop.case.locked": (
            "🔒 {state} — tikai lasāms",
            "🔒 {state} — read-only",
        ),
        "desktop.case.state_signed": ("parakstīts", "signed"),
        "desktop.case.state_served": ("paziņots", "served"),
        "desktop.case.not_in_registry": ("◇ nav reģistrā", "◇ not yet in the registry"),
        "desktop.case.conflict": ("⚠ konflikts", "⚠ conflict"),
        "desktop.case.rejected": ("⚠ noraidīts", "⚠ rejected"),
        "desktop.deadline.vd": (
            "Brīvprātīgas izbraukšanas termiņš",
            "Voluntary departure deadline",
        ),
        "desktop.deadline.next": ("Nākamais termiņš", "Next deadline"),
        "desktop.deadline.court_order": (
            "Tiesas atļauja aizturēšanai vajadzīga līdz",
            "Court authorisation for the detention needed by",
        ),
        "desktop.deadline.court_until": (
            "Tiesas atļauja aizturēšanai līdz",
            "Court authorisation of the detention until",
        ),
        "desktop.deadline.planned_removal": ("Plānotā izraidīšana", "Planned removal"),
        "desktop.deadline.left": (
            "{label}: {date} — atlikušas {days} dienas",
            "{label}: {date} — {days} days left",
        ),
        "desktop.deadline.today": ("{label}: {date} — šodien", "{label}: {date} — today"),
        "desktop.deadline.overdue": (
            "⚠ {label}: {date} — nokavēts par {days} dienām",
            "⚠ {label}: {date} — overdue by {days} days",
        ),
        "desktop.task.outgoing": ("→ {to}", "→ {to}"),
        "desktop.task.incoming": ("← {frm}", "← {frm}"),
        "desktop.task.line": (
            "{direction}: {title} · {due} · {status}",
            "{direction}: {title} · {due} · {status}",
        ),
        "desktop.param.title": ("{action}", "{action}"),
        "desktop.param.confirm": (
            "Apstipriniet darbību “{action}”.",
            "Confirm the action “{action}”.",
        ),
        "desktop.param.ok": ("Saglabāt", "Save"),
        "desktop.param.cancel": ("Atcelt", "Cancel"),
        "desktop.param.date_format": (
            "Datumam jābūt formā DD.MM.GGGG.",
            "The date must be DD.MM.YYYY.",
        ),
        "desktop.param.datetime_format": (
            "Datumam un laikam jābūt formā DD.MM.GGGG hh:mm.",
            "The date and time must be DD.MM.YYYY hh:mm.",
        ),
        "desktop.param.int_format": ("Jābūt veselam skaitlim.", "Must be a whole number."),
        "desktop.param.annul_title": ("Atcelt aktu", "Annul the act"),
        "desktop.param.queued": (
            "Darbība saglabāta un gaida nosūtīšanu uz reģistru.",
            "The action is saved and waits to be sent to the registry.",
        ),
        "desktop.act.kind.detentions": ("Aizturēšana", "Detention"),
        "desktop.act.kind.decisions": ("Lēmums", "Decision"),
        "desktop.act.kind.appeals": ("Apstrīdēšana / pārsūdzība", "Challenge / appeal"),
        "desktop.act.kind.departures": ("Izceļošana / izraidīšana", "Departure / removal"),
        "desktop.act.kind.entry-bans": ("Ieceļošanas aizliegums", "Entry ban"),
        "desktop.act.kind.sis-alerts": ("SIS brīdinājums", "SIS alert"),
        "desktop.act.kind.tasks": ("Uzdevums", "Task"),
        "desktop.act.readonly_title": ("{kind} (tikai lasāms)", "{kind} (read-only)"),
        "desktop.param.reason_required": ("Jānorāda iemesls.", "Give the reason."),
    }
)

# Acts recorded on a case outside the lifecycle actions (their own "new" buttons).
NEW_ACTS = ("entry-bans", "sis-alerts")
register(
    {
        "desktop.case.new_act.entry-bans": (
            "Jauns ieceļošanas aizliegums",
            "New entry ban",
        ),
        "desktop.case.new_act.sis-alerts": ("Jauns SIS brīdinājums", "New SIS alert"),
    }
)

# Which step of the strip each status belongs to.
STEPS = ("detected", "decision", "served", "departed", "closed")
_STEP_OF: dict[CaseStatus, int] = {
    CaseStatus.DETECTED: 0,
    CaseStatus.DETAINED: 0,
    CaseStatus.DECISION_PENDING: 1,
    CaseStatus.VD_ORDERED: 2,
    CaseStatus.REMOVAL_ORDERED: 2,
    CaseStatus.CHALLENGED: 2,
    CaseStatus.APPEALED: 2,
    CaseStatus.POSTPONED: 2,
    CaseStatus.REMOVAL_PREPARATION: 2,
    CaseStatus.ABSCONDED: 2,
    CaseStatus.DEPARTED_VOLUNTARILY: 3,
    CaseStatus.REMOVED: 3,
    CaseStatus.CANCELLED: 3,
    CaseStatus.CLOSED: 4,
}
# Main date of an act (for the order of the acts and its title).
ACT_DATE = {
    "detentions": "detained_at",
    "decisions": "decision_date",
    "appeals": "filed_date",
    "departures": "exit_at",
    "entry-bans": "ban_decision_date",
    "sis-alerts": "entered_at",
}
ACT_TITLE = {
    "detentions": ("place_of_detention", "status"),
    "decisions": ("decision_type", "decision_no", "status"),
    "appeals": ("kind", "outcome"),
    "departures": ("exit_type", "destination_country"),
    "entry-bans": ("territorial_scope", "status"),
    "sis-alerts": ("alert_type", "national_alert_id", "status"),
}
ACT_FORMS = {
    "detentions": "detention",
    "decisions": "decision",
    "appeals": "appeal",
    "departures": "departure",
    "entry-bans": "entry_ban",
    "sis-alerts": "sis_alert",
}


def step_index(status: CaseStatus | str | None) -> int:
    if status is None:
        return 0
    try:
        return _STEP_OF[CaseStatus(status)]
    except ValueError:
        return 0


def deadline_text(label: str, value: Any, lang: str, today: date | None = None) -> tuple[str, bool]:
    """ "<label>: dd.mm.yyyy — N days left" (or overdue, in words); True when overdue."""
    days = cc.vd_days_left(value, today)
    when = format_date(str(value)[:10]) if value else ""
    if days is None:
        return f"{label}: {when}", False
    if days < 0:
        return text("desktop.deadline.overdue", lang, label=label, date=when, days=-days), True
    if days == 0:
        return text("desktop.deadline.today", lang, label=label, date=when), True
    return text("desktop.deadline.left", lang, label=label, date=when, days=days), False


def with_mnemonic(label: str, used: set[str]) -> str:
    """The label with an & before its first letter not yet taken (keyboard access)."""
    for i, ch in enumerate(label):
        low = ch.lower()
        if low.isascii() and low.isalpha() and low not in used:
            used.add(low)
            return label[:i] + "&" + label[i:]
    return label


# --------------------------------------------------------------------------- saving


def queue_ops(
    session: Session,
    ops: Sequence[Op],
    done: Callable[[list[str]], None] | None = None,
    failed: Callable[[BaseException], None] | None = None,
    *,
    owner: Any = None,
) -> None:
    """Save `ops` in order through the outbox's single entry point, on the DB thread, then
    tell the sync engine. `done(op_ids)` runs on the GUI thread."""
    officer = session.username
    wanted = list(ops)

    def work(store: Any) -> list[str]:
        from sync.local_first import LocalWriter

        if store is None:
            raise RuntimeError("no local store")
        writer = LocalWriter(store, officer)
        op_ids: list[str] = []
        for op in wanted:
            # Each op of a plan waits for the ones before it: a rejected act holds back
            # its sign, serve and case action instead of letting them go alone.
            result = writer.save(
                op.collection, op.record_id, dict(op.fields), kind=op.kind,
                depends_on=[i for i in op_ids if i],
            )  # fmt: skip
            op_ids.append(result.op_id)
        return op_ids

    def ok(op_ids: list[str]) -> None:
        session.outbox_changed()
        if done is not None:
            done(op_ids)

    def bad(exc: BaseException) -> None:
        session.handle_error(exc)
        if failed is not None:
            failed(exc)

    session.tasks.run_db(work, ok, bad, owner=owner)


# --------------------------------------------------------------------------- parameters


def _display(spec: ParamSpec, value: Any) -> str:
    if value is None or value == "":
        return ""
    if spec.widget in ("date", "datetime"):
        return format_date(value)
    return str(value)


def parse_date_text(raw: str) -> str:
    """dd.mm.yyyy (or ISO) → ISO date; DomainError on anything else."""
    s = raw.strip()
    try:
        if "." in s:
            d, m, y = s.split(".")
            return date(int(y), int(m), int(d)).isoformat()
        return date.fromisoformat(s).isoformat()
    except ValueError:
        raise DomainError("desktop.param.date_format") from None


def parse_datetime_text(raw: str) -> str:
    """dd.mm.yyyy hh:mm (or ISO) → ISO datetime with the local offset."""
    s = raw.strip()
    try:
        if "." in s.split(" ")[0]:
            day, _, clock = s.partition(" ")
            d, m, y = day.split(".")
            hh, mm = (clock or "00:00").split(":")[:2]
            value = datetime(int(y), int(m), int(d), int(hh), int(mm))
        else:
            value = datetime.fromisoformat(s)
    except ValueError:
        raise DomainError("desktop.param.datetime_format") from None
    if value.tzinfo is None:
        value = value.astimezone()
    return value.isoformat()


class ParamDialog(QDialog):
    """The parameters of a lifecycle action without a form (or an act's annulment).

    `check(values)` returns the refusals (DomainError with `field`) the lifecycle gives;
    each is shown under its field and the dialog stays open. Accepted: `values()`.
    """

    def __init__(
        self,
        title: str,
        params: Sequence[ParamSpec],
        prefill: Mapping[str, Any],
        lang: str,
        check: Callable[[dict[str, Any]], list[DomainError]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("paramDialog")
        self.setWindowTitle(title)
        self.lang = lang
        self.params = tuple(params)
        self.check = check
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        self.intro = QLabel(text("desktop.param.confirm", lang, action=title), self)
        self.intro.setObjectName("paramIntro")
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        form = QFormLayout()
        for spec in self.params:
            editor = self._editor(spec, prefill.get(spec.name))
            label = QLabel(spec.label(lang) + (" *" if spec.required else ""), self)
            label.setBuddy(editor)
            message = QLabel(self)
            message.setObjectName(f"msg_{spec.name}")
            message.setStyleSheet("color: #a00000;")
            message.setWordWrap(True)
            message.hide()
            box = QWidget(self)
            col = QVBoxLayout(box)
            col.setContentsMargins(0, 0, 0, 0)
            col.addWidget(editor)
            col.addWidget(message)
            form.addRow(label, box)
            self.editors[spec.name] = editor
            self.messages[spec.name] = message
        layout.addLayout(form)
        self.general = QLabel(self)
        self.general.setObjectName("paramError")
        self.general.setStyleSheet("color: #a00000;")
        self.general.setWordWrap(True)
        self.general.hide()
        layout.addWidget(self.general)
        self.buttons = QDialogButtonBox(self)
        self.ok_button = self.buttons.addButton(
            text("desktop.param.ok", lang), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setObjectName("paramOk")
        self.ok_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(
            text("desktop.param.cancel", lang), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setObjectName("paramCancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        if self.params:
            self.editors[self.params[0].name].setFocus()

    def _editor(self, spec: ParamSpec, value: Any) -> QWidget:
        name = f"param_{spec.name}"
        label = spec.label(self.lang)
        editor: QWidget
        if spec.widget == "choice":
            combo = QComboBox(self)
            if not spec.required:
                combo.addItem("", None)
            for option, code in spec.options:
                combo.addItem(text(code, self.lang), option)
            index = combo.findData(value)
            combo.setCurrentIndex(max(0, index))
            editor = combo
        elif spec.widget == "bool":
            check = QCheckBox(label, self)
            check.setChecked(bool(value))
            editor = check
        elif spec.widget == "longtext":
            area = QPlainTextEdit(self)
            area.setTabChangesFocus(True)
            area.setPlainText(str(value or ""))
            area.setFixedHeight(70)
            editor = area
        else:
            line = QLineEdit(self)
            line.setText(_display(spec, value))
            if spec.widget == "date":
                line.setPlaceholderText("DD.MM.GGGG" if self.lang == "lv" else "DD.MM.YYYY")
            elif spec.widget == "datetime":
                line.setPlaceholderText(
                    "DD.MM.GGGG hh:mm" if self.lang == "lv" else "DD.MM.YYYY hh:mm"
                )
            line.setReadOnly(spec.readonly)
            editor = line
        editor.setObjectName(name)
        editor.setAccessibleName(label)
        return editor

    def _value(self, spec: ParamSpec) -> Any:
        editor = self.editors[spec.name]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QPlainTextEdit):
            raw = editor.toPlainText().strip()
            return raw or None
        assert isinstance(editor, QLineEdit)
        raw = editor.text().strip()
        if not raw:
            return None
        if spec.widget == "date":
            return parse_date_text(raw)
        if spec.widget == "datetime":
            return parse_datetime_text(raw)
        if spec.widget == "int":
            try:
                return int(raw)
            except ValueError:
                raise DomainError("desktop.param.int_format") from None
        return raw

    def values(self) -> dict[str, Any]:
        """The parameters (JSON-ready); raises DomainError(field=name) on unreadable text."""
        out: dict[str, Any] = {}
        for spec in self.params:
            try:
                value = self._value(spec)
            except DomainError as exc:
                raise DomainError(exc.code, field=spec.name, **exc.params) from None
            if value is not None:
                out[spec.name] = value
        return out

    def show_problems(self, problems: Sequence[DomainError]) -> None:
        for message in self.messages.values():
            message.clear()
            message.hide()
        self.general.clear()
        self.general.hide()
        first: QWidget | None = None
        for problem in problems:
            target = self.messages.get(problem.field or "")
            if target is None:
                self.general.setText("⚠ " + problem.message(self.lang))
                self.general.show()
                continue
            target.setText("⚠ " + problem.message(self.lang))
            target.show()
            if first is None:
                first = self.editors[str(problem.field)]
        if first is not None:
            first.setFocus()

    def problems(self) -> list[DomainError]:
        try:
            values = self.values()
        except DomainError as exc:
            return [exc]
        missing = [
            DomainError("missing", field=s.name)
            for s in self.params
            if s.required and s.name not in values
        ]
        if missing:
            return missing
        return list(self.check(values)) if self.check is not None else []

    def accept(self) -> None:
        problems = self.problems()
        if problems:
            self.show_problems(problems)
            return
        super().accept()


# --------------------------------------------------------------------------- the view


class StepStrip(QFrame):
    """The case's progress as steps; the current one marked in words, not only colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseSteps")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        self.labels: list[QLabel] = []
        for key in STEPS:
            label = QLabel(self)
            label.setObjectName(f"step_{key}")
            row.addWidget(label)
            self.labels.append(label)
        row.addStretch(1)
        outer.addLayout(row)
        self.current = QLabel(self)
        self.current.setObjectName("currentStep")
        outer.addWidget(self.current)
        self.current_index = 0

    def show_status(self, status: CaseStatus | None, lang: str) -> None:
        index = step_index(status)
        self.current_index = index
        names = [text(f"desktop.step.{k}", lang) for k in STEPS]
        if status == CaseStatus.CANCELLED:
            names[3] = text("desktop.step.cancelled", lang)
        for i, label in enumerate(self.labels):
            if i < index:
                label.setText(text("desktop.case.step_done", lang, step=names[i]))
                label.setStyleSheet("color: #1b6e20;")
            elif i == index:
                label.setText(text("desktop.case.step_current", lang, step=names[i]))
                label.setStyleSheet(
                    "font-weight: bold; border: 2px solid #1f4e9c; padding: 2px 6px;"
                )
            else:
                label.setText(text("desktop.case.step_todo", lang, step=names[i]))
                label.setStyleSheet("color: #666;")
            label.setAccessibleName(label.text())
        status_label = text(lc.status_code(status), lang) if status is not None else names[index]
        self.current.setText(
            text("desktop.case.current_step", lang, step=names[index], status=status_label)
        )


class CaseView(QWidget):
    """One case, opened in a tab (`key` = "case:<id>").

    Signals:
        loaded(str): the view shows data ("local", "registry") or "missing".
        form_requested(object): a CommandPlan whose form the main window opens in a tab.
        act_requested(str, object): open the read-only view of a signed or served act
            (collection, record).
        person_requested(str): open the person's card.
        queued(list): a command's ops were saved to the outbox (their op ids).
    """

    loaded = Signal(str)
    form_requested = Signal(object)
    act_requested = Signal(str, object)
    person_requested = Signal(str)
    queued = Signal(list)

    def __init__(self, session: Session, case_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseView")
        self.session = session
        self.case_id = str(case_id)
        self.key = f"case:{self.case_id}"
        self.case: dict[str, Any] | None = None
        self.person: dict[str, Any] = {}
        self.related: dict[str, Any] = {}
        self.acts: dict[str, list[dict[str, Any]]] = {}
        self.pending_actions: list[dict[str, Any]] = []
        self.rejected_actions: list[dict[str, Any]] = []
        self.states: dict[tuple[str, str], str] = {}
        self.ctx: lc.CaseContext | None = None
        self.state = "loading"
        self.fetched_at: datetime | None = None
        self.param_dialog: ParamDialog | None = None
        self.command_actions: dict[lc.CaseEvent, QAction] = {}
        self.command_buttons: dict[lc.CaseEvent, QPushButton] = {}
        self.act_rows: dict[str, QFrame] = {}
        self._message = ""

        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title_label = QLabel(self)
        self.title_label.setObjectName("caseTitle")
        self.title_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.person_label = QLabel(self)
        self.person_label.setObjectName("casePerson")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("caseStatus")
        self.status_label.setStyleSheet("font-weight: bold;")
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("casePending")
        self.pending_label.setWordWrap(True)
        self.pending_label.setStyleSheet("color: #8a5a00;")
        self.source_label = QLabel(self)
        self.source_label.setObjectName("caseSource")
        self.source_label.setWordWrap(True)
        for widget in (
            self.title_label,
            self.person_label,
            self.status_label,
            self.pending_label,
            self.source_label,
        ):
            titles.addWidget(widget)
        header.addLayout(titles, 1)
        side = QVBoxLayout()
        self.person_button = QPushButton(self)
        self.person_button.setObjectName("casePersonButton")
        self.person_button.clicked.connect(self._open_person)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("caseRefreshButton")
        self.refresh_button.clicked.connect(self.load)
        side.addWidget(self.person_button)
        side.addWidget(self.refresh_button)
        side.addStretch(1)
        header.addLayout(side)
        outer.addLayout(header)

        self.steps = StepStrip(self)
        outer.addWidget(self.steps)

        actions_row = QHBoxLayout()
        self.actions_bar = QWidget(self)
        self.actions_bar.setObjectName("caseActions")
        self.actions_layout = QHBoxLayout(self.actions_bar)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        actions_row.addWidget(self.actions_bar, 1)
        self.actions_menu = QMenu(self)
        self.actions_menu.setObjectName("caseActionsMenu")
        self.actions_menu.setToolTipsVisible(True)
        self.actions_button = QToolButton(self)
        self.actions_button.setObjectName("caseActionsButton")
        self.actions_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.actions_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.actions_button.setMenu(self.actions_menu)
        actions_row.addWidget(self.actions_button)
        outer.addLayout(actions_row)
        self.no_actions = QLabel(self)
        self.no_actions.setObjectName("caseNoActions")
        outer.addWidget(self.no_actions)
        # Ctrl+K: the command list at the keyboard.
        self.command_shortcut = QShortcut(QKeySequence("Ctrl+K"), self)
        self.command_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.command_shortcut.activated.connect(self.show_command_list)

        scroll = QScrollArea(self)
        scroll.setObjectName("caseScroll")
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.body_layout = QVBoxLayout(body)
        self.deadlines_title = self._heading(body, "caseDeadlinesTitle")
        self.deadlines_box = QVBoxLayout()
        self.body_layout.addLayout(self.deadlines_box)
        self.acts_title = self._heading(body, "caseActsTitle")
        new_acts = QHBoxLayout()
        self.new_act_buttons: dict[str, QPushButton] = {}
        for collection in NEW_ACTS:
            button = QPushButton(body)
            button.setObjectName(f"newAct_{collection}")
            button.clicked.connect(lambda _c=False, c=collection: self.new_act(c))
            new_acts.addWidget(button)
            self.new_act_buttons[collection] = button
        new_acts.addStretch(1)
        self.body_layout.addLayout(new_acts)
        self.acts_box = QVBoxLayout()
        self.body_layout.addLayout(self.acts_box)
        self.tasks_title = self._heading(body, "caseTasksTitle")
        self.tasks_box = QVBoxLayout()
        self.body_layout.addLayout(self.tasks_box)
        self.body_layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(300)
        self._reload_timer.timeout.connect(self.load_local)
        sync = getattr(session, "sync", None)
        if sync is not None and hasattr(sync, "outbox_changed"):
            sync.outbox_changed.connect(self._reload_timer.start)
        self.render()
        self.load()

    def _heading(self, parent: QWidget, name: str) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setStyleSheet("font-size: 12pt; font-weight: bold; margin-top: 8px;")
        self.body_layout.addWidget(label)
        return label

    # ------------------------------------------------------------------ data
    @property
    def lang(self) -> str:
        return self.session.language

    @property
    def user(self) -> dict[str, Any]:
        return dict(self.session.user or {})

    def title(self) -> str:
        case = self.case or {}
        if case.get("case_no"):
            return text("desktop.case.title", self.lang, case_no=case["case_no"])
        return text("desktop.case.new_title", self.lang)

    def load(self) -> None:
        """The local copy at once, then the registry's (when online)."""
        self._read_local(then_remote=True)

    def load_local(self) -> None:
        self._read_local(then_remote=False)

    def _read_local(self, then_remote: bool, after: Callable[[], None] | None = None) -> None:
        cid = self.case_id
        officer = self.session.username

        def read(store: Any) -> dict[str, Any] | None:
            if store is None:
                return None
            case = store.get("cases", cid)
            if case is None:
                return None
            dossier = store.dossier(str(case.get("person_id"))) or {}
            from sync import outbox

            def ops(conn: Any) -> list[Any]:
                return outbox.ops_for_record(conn, "cases", cid, officer)

            pending = store.read(ops)
            related = dict(dossier.get("related") or {})
            states: dict[tuple[str, str], str] = {}
            for name in ("cases", *cc.ACT_COLLECTIONS):
                for rec in related.get(name) or []:
                    rid = str(rec.get("id"))
                    if name == "cases" and rid != cid:
                        continue
                    if name != "cases" and str(rec.get("case_id") or "") != cid:
                        continue
                    states[(name, rid)] = store.record_state(name, rid)
            return {
                "case": case,
                "person": dossier.get("person") or {},
                "related": related,
                "fetched_at": dossier.get("fetched_at"),
                "pending": [
                    {"fields": dict(op.fields), "state": str(op.state)}
                    for op in pending
                    if op.kind == "action"
                ],
                "states": states,
            }

        def done(result: dict[str, Any] | None) -> None:
            if result is not None:
                self._apply(result, "local")
            if then_remote:
                self._fetch_remote(had_local=result is not None)
            elif after is not None:
                after()

        def failed(exc: BaseException) -> None:
            self._message = error_text(exc, self.lang)
            if then_remote:
                self._fetch_remote(had_local=False)
            elif after is not None:
                after()

        self.session.tasks.run_db(read, done, failed, owner=self)

    def _apply(self, result: dict[str, Any], state: str) -> None:
        self.case = dict(result["case"])
        self.person = dict(result.get("person") or {})
        self.related = dict(result.get("related") or {})
        self.acts = cc.case_acts(self.related, self.case_id)
        pending = list(result.get("pending") or [])
        self.pending_actions = [
            p["fields"] for p in pending if p["state"] in ("pending", "sending")
        ]
        self.rejected_actions = [
            p["fields"] for p in pending if p["state"] not in ("pending", "sending")
        ]
        self.states = dict(result.get("states") or {})
        if state == "local":
            self.fetched_at = parse_dt(result.get("fetched_at"))
            if self.state != "registry":
                self.state = "local"
        self.render()
        if state == "local" and self.state == "local":
            self.loaded.emit("local")

    def _fetch_remote(self, had_local: bool) -> None:
        api = self.session.api
        case = self.case
        if not (self.session.online and api is not None):
            if not had_local:
                self.state = "missing"
                self.render()
            self.loaded.emit(self.state)
            return
        cid = self.case_id

        def fetch() -> dict[str, Any]:
            person_id = (case or {}).get("person_id")
            if not person_id:
                person_id = api.get("cases", cid).get("person_id")
            return dict(api.dossier(str(person_id)))

        def cached(store: Any, dossier: dict[str, Any]) -> None:
            if store is not None:
                store.cache_dossier(dossier)

        def got(dossier: dict[str, Any]) -> None:
            self.session.tasks.run_db(
                lambda store: cached(store, dossier),
                lambda _r: self._remote_cached(),
                self._remote_failed,
                owner=self,
            )

        self.session.tasks.run_net(fetch, got, self._remote_failed, owner=self)

    def _remote_cached(self) -> None:
        from datetime import UTC

        self.state = "registry"
        self.fetched_at = datetime.now(UTC)
        self._message = ""

        def after() -> None:
            if self.case is None:
                self.state = "missing"
                self.render()
            self.loaded.emit(self.state)

        self._read_local(then_remote=False, after=after)

    def _remote_failed(self, exc: BaseException) -> None:
        self.session.handle_error(exc)
        self._message = error_text(exc, self.lang)
        if self.case is None:
            self.state = "missing"
        self.render()
        self.loaded.emit(self.state)

    # ------------------------------------------------------------------ state
    def context(self) -> lc.CaseContext | None:
        """The case's context with this officer's unsent actions laid over it."""
        if self.case is None:
            return None
        ctx, _applied = cc.predicted_context(self.case, self.pending_actions)
        return ctx

    def related_info(self) -> cc.Related:
        return cc.Related(self.acts, self.person)

    def refusal(self, event: lc.CaseEvent) -> DomainError | None:
        """Why the action cannot run now (None: it can)."""
        if self.case is None:
            return DomainError("desktop.case.no_case")
        return cc.command(event).refusal(
            self.case, cc.utc_now(), user=self.user, related=self.related_info(),
            ctx=self.context(),
        )  # fmt: skip

    def enabled_events(self) -> list[lc.CaseEvent]:
        return [e for e, a in self.command_actions.items() if a.isEnabled()]

    # ------------------------------------------------------------------ rendering
    def render(self) -> None:
        lang = self.lang
        case = self.case or {}
        self.title_label.setText(self.title())
        name = person_name(self.person) or str(case.get("person_id") or "")[:8]
        self.person_label.setText(text("desktop.case.person", lang, name=name) if name else "")
        self.person_button.setText(text("desktop.case.open_person", lang))
        self.person_button.setEnabled(bool(case.get("person_id")))
        self.refresh_button.setText(text("desktop.case.refresh", lang))
        self.ctx = self.context()
        status = self.ctx.status if self.ctx is not None else None
        registry_status = CaseStatus(case["status"]) if case.get("status") else None
        shown = registry_status or status
        self.status_label.setText(
            text("desktop.case.status", lang, status=text(lc.status_code(shown), lang))
            if shown is not None
            else ""
        )
        pending_lines = []
        if self.pending_actions:
            names = ", ".join(
                text(lc.event_code(lc.CaseEvent(p["action"])), lang)
                for p in self.pending_actions
                if p.get("action") in lc.CaseEvent.__members__.values()
            )
            pending_lines.append(text("desktop.case.pending_action", lang, actions=names))
            if status is not None and status != registry_status:
                pending_lines.append(
                    text("desktop.case.predicted", lang, status=text(lc.status_code(status), lang))
                )
        if self.rejected_actions:
            names = ", ".join(
                text(lc.event_code(lc.CaseEvent(p["action"])), lang)
                for p in self.rejected_actions
                if p.get("action") in lc.CaseEvent.__members__.values()
            )
            pending_lines.append(text("desktop.case.rejected_action", lang, actions=names))
        self.pending_label.setText("\n".join(pending_lines))
        self.pending_label.setVisible(bool(pending_lines))
        self.source_label.setText(self._source_text())
        self.steps.show_status(status, lang)
        self._render_actions()
        # The body only when what it shows changed (a sync event must not move the focus).
        import json

        body = json.dumps(
            [lang, case, self.acts, sorted(map(list, self.states.items())),
             self.pending_actions, self.user.get("roles"), date.today().isoformat()],
            sort_keys=True, default=str,
        )  # fmt: skip
        if body != getattr(self, "_body_signature", None):
            self._body_signature = body
            self._render_deadlines()
            self._render_acts()
            self._render_tasks()

    def _source_text(self) -> str:
        lang = self.lang
        if self.state == "registry":
            out = text("desktop.case.source_registry", lang, age=format_age(self.fetched_at))
        elif self.state == "local":
            out = text("desktop.case.source_local", lang, age=format_age(self.fetched_at))
        elif self.state == "missing":
            out = text("desktop.case.missing", lang)
        else:
            out = text("desktop.case.loading", lang)
        if self._message:
            out += "\n⚠ " + self._message
        return out

    def _render_actions(self) -> None:
        lang = self.lang
        refusals = (
            {c.event: self.refusal(c.event) for c in cc.commands_for(self.user)}
            if self.case is not None
            else {}
        )
        signature = (
            lang,
            self.case is None,
            tuple((e.value, r.message(lang) if r else None) for e, r in refusals.items()),
        )
        if signature == getattr(self, "_actions_signature", None):
            return  # unchanged: keep the buttons (and the focus) where they are
        self._actions_signature = signature
        while self.actions_layout.count():
            item = self.actions_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.actions_menu.clear()
        for action in self.command_actions.values():
            action.deleteLater()
        self.command_actions = {}
        self.command_buttons = {}
        used = {"d" if lang == "lv" else "a"}  # the menu button's own mnemonic
        self.actions_button.setText(text("desktop.case.actions", lang))
        self.actions_button.setAccessibleName(text("desktop.case.actions_title", lang))
        if self.case is None:
            self.actions_button.setEnabled(False)
            self.no_actions.hide()
            return
        self.actions_button.setEnabled(True)
        any_enabled = False
        for cmd in cc.commands_for(self.user):
            refusal = refusals[cmd.event]
            label = cmd.label(lang)
            action = QAction(label, self)
            action.setObjectName(f"act_{cmd.key}")
            action.setEnabled(refusal is None)
            action.setToolTip(refusal.message(lang) if refusal is not None else label)
            action.triggered.connect(lambda _c=False, e=cmd.event: self.run_command(e))
            self.command_actions[cmd.event] = action
            self.actions_menu.addAction(action)
            if refusal is None:
                any_enabled = True
                if cmd.primary:
                    button = QPushButton(with_mnemonic(label, used), self.actions_bar)
                    button.setObjectName(f"cmd_{cmd.key}")
                    button.setAccessibleName(label)
                    button.setToolTip(label)
                    button.clicked.connect(lambda _c=False, a=action: a.trigger())
                    self.actions_layout.addWidget(button)
                    self.command_buttons[cmd.event] = button
        self.actions_layout.addStretch(1)
        self.no_actions.setText(text("desktop.case.no_actions", lang))
        self.no_actions.setVisible(not any_enabled)

    def show_command_list(self) -> None:
        """The actions as a menu at the keyboard (Ctrl+K, or Alt+the button's letter)."""
        self.actions_button.showMenu()

    def _render_deadlines(self) -> None:
        lang = self.lang
        self.deadlines_title.setText(text("desktop.case.deadlines", lang))
        _clear(self.deadlines_box)
        case = self.case or {}
        ctx = self.ctx
        lines: list[tuple[str, Any]] = []
        vd = case.get("vd_deadline") or (
            ctx.vd_deadline.isoformat() if ctx and ctx.vd_deadline else None
        )
        if vd:
            lines.append((text("desktop.deadline.vd", lang), vd))
        if case.get("next_deadline") and case.get("next_deadline") != vd:
            lines.append((text("desktop.deadline.next", lang), case["next_deadline"]))
        detention = cc.open_detention(self.acts)
        if detention is not None:
            courts = [c for c in detention.get("court_authorisations") or [] if c]
            if courts:
                until = max(str(c.get("authorised_until") or "") for c in courts)
                lines.append((text("desktop.deadline.court_until", lang), until))
            else:
                at = parse_dt(detention.get("detained_at"))
                if at is not None:
                    due = (at + _days(lc.DEFAULT_CONFIG.detention_initial_vrs_days)).date()
                    lines.append((text("desktop.deadline.court_order", lang), due.isoformat()))
        if ctx is not None and ctx.planned_removal_at is not None:
            lines.append(
                (text("desktop.deadline.planned_removal", lang), ctx.planned_removal_at.date())
            )
        if not lines:
            self.deadlines_box.addWidget(_label(text("desktop.case.no_deadlines", lang), self))
        for name, value in lines:
            line, overdue = deadline_text(name, value, lang)
            label = _label(line, self)
            label.setObjectName("caseDeadline")
            if overdue:
                label.setStyleSheet("color: #a00000; font-weight: bold;")
            self.deadlines_box.addWidget(label)

    def _fmt(self, collection: str, field: str, value: Any) -> str:
        if value is None or value == "" or value == []:
            return ""
        if isinstance(value, bool):
            return ""
        ref = ref_of(collection, field)
        if ref:
            return self.session.code_labels.label(ref, value, self.lang)
        return format_date(value)

    def act_title(self, collection: str, record: Mapping[str, Any]) -> str:
        lang = self.lang
        parts = [text(f"desktop.act.kind.{collection}", lang)]
        when = self._fmt(
            collection, ACT_DATE.get(collection, ""), record.get(ACT_DATE.get(collection, ""))
        )
        if when:
            parts.append(when)
        for name in ACT_TITLE.get(collection, ()):
            value = self._fmt(collection, name, record.get(name))
            if value:
                parts.append(value)
        return " · ".join(parts)

    def _lock_text(self, collection: str, record: Mapping[str, Any]) -> str:
        if not cc.act_locked(collection, record):
            return ""
        state = "served" if record.get("served_at") else "signed"
        return text(
            "desktop.case.locked", self.lang, state=text(f"desktop.case.state_{state}", self.lang)
        )

    def ordered_acts(self) -> list[tuple[str, dict[str, Any]]]:
        out: list[tuple[str, dict[str, Any]]] = []
        for collection in ACT_DATE:
            for record in self.acts.get(collection) or []:
                out.append((collection, record))
        return sorted(out, key=lambda pair: str(pair[1].get(ACT_DATE[pair[0]]) or "")[:19])

    def _render_acts(self) -> None:
        lang = self.lang
        self.acts_title.setText(text("desktop.case.acts", lang))
        roles = [str(r) for r in self.user.get("roles") or []]
        for collection, button in self.new_act_buttons.items():
            label = text(f"desktop.case.new_act.{collection}", lang)
            button.setText(label)
            button.setAccessibleName(label)
            button.setVisible(
                self.case is not None and (not roles or permissions.can_write(roles, collection))
            )
        _clear(self.acts_box)
        self.act_rows = {}
        acts = self.ordered_acts()
        if not acts:
            self.acts_box.addWidget(_label(text("desktop.case.no_acts", lang), self))
        for collection, record in acts:
            row = self._act_row(collection, record)
            self.acts_box.addWidget(row)
            self.act_rows[str(record.get("id"))] = row

    def _act_row(self, collection: str, record: dict[str, Any]) -> QFrame:
        lang = self.lang
        rid = str(record.get("id"))
        row = QFrame(self)
        row.setObjectName(f"act_{collection}_{rid}")
        row.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(6, 2, 6, 2)
        texts = [self.act_title(collection, record)]
        lock = self._lock_text(collection, record)
        if lock:
            texts.append(lock)
        mark = {
            "pending": "desktop.case.not_in_registry",
            "conflict": "desktop.case.conflict",
            "rejected": "desktop.case.rejected",
        }.get(self.states.get((collection, rid), "synced"))
        if mark:
            texts.append(text(mark, lang))
        title = _label("  ".join(texts), row)
        title.setObjectName("actTitle")
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(title, 1)
        for key, slot in self._act_buttons(collection, record):
            button = QPushButton(text(f"desktop.act.{key}", lang), row)
            button.setObjectName(f"actButton_{key}")
            button.setAccessibleName(f"{text(f'desktop.act.{key}', lang)}: {texts[0]}")
            button.clicked.connect(lambda _c=False, s=slot: s())
            layout.addWidget(button)
        return row

    def _act_buttons(
        self, collection: str, record: dict[str, Any]
    ) -> list[tuple[str, Callable[[], None]]]:
        user = self.user
        locked = cc.act_locked(collection, record)
        out: list[tuple[str, Callable[[], None]]] = []
        if collection == "tasks":
            return out
        if not locked:
            out.append(("edit", lambda: self.edit_act(collection, record)))
            if collection in ("decisions", "entry-bans") and not record.get("signed_at"):
                if cc.can_sign(user, record, collection):
                    out.append(("sign", lambda: self.sign_act(collection, record)))
            return out
        out.append(("open", lambda: self.act_requested.emit(collection, record)))
        finished = record.get("status") in (
            DecisionStatus.ANNULLED,
            DecisionStatus.AMENDED,
            "ANNULLED",
        )
        if collection in ("decisions", "entry-bans") and not finished:
            if (
                collection == "decisions"
                and record.get("signed_at")
                and not record.get("served_at")
            ):
                out.append(("serve", lambda: self.serve_act(record)))
            out.append(("amend", lambda: self.amend_act(collection, record)))
            if cc.can_annul(user, record, collection):
                out.append(("annul", lambda: self.annul_act(collection, record)))
        return out

    def _render_tasks(self) -> None:
        lang = self.lang
        self.tasks_title.setText(text("desktop.case.tasks", lang))
        _clear(self.tasks_box)
        tasks = sorted(self.acts.get("tasks") or [], key=lambda t: str(t.get("due_date") or ""))
        if not tasks:
            self.tasks_box.addWidget(_label(text("desktop.case.no_tasks", lang), self))
        mine = str(self.user.get("institution") or "")
        for task in tasks:
            frm = str(task.get("from_institution") or "")
            to = str(task.get("to_institution") or task.get("to_other") or "—")
            direction = (
                text("desktop.task.incoming", lang, frm=frm)
                if mine and to == mine and frm != mine
                else text("desktop.task.outgoing", lang, to=to)
            )
            status = self._fmt("tasks", "status", task.get("status"))
            overdue = False
            due = format_date(task.get("due_date") or "")
            if str(task.get("status") or "open") == "open" and task.get("due_date"):
                due, overdue = deadline_text(
                    text("desktop.deadline.next", lang), task.get("due_date"), lang
                )
            line = text(
                "desktop.task.line", lang, direction=direction,
                title=str(task.get("title") or ""), due=due, status=status,
            )  # fmt: skip
            label = _label(line, self)
            label.setObjectName("caseTask")
            if overdue:
                label.setStyleSheet("color: #a00000; font-weight: bold;")
            self.tasks_box.addWidget(label)

    # ------------------------------------------------------------------ commands
    def run_command(self, event: lc.CaseEvent | str) -> CommandPlan | None:
        """Start a lifecycle action: its form (through the main window) or its dialog."""
        ev = lc.CaseEvent(event)
        if self.case is None:
            return None
        refusal = self.refusal(ev)
        if refusal is not None:
            self._status(refusal.message(self.lang))
            return None
        cmd = cc.command(ev)
        plan = cmd.plan(self.case, self.related_info(), self.user)
        if plan.form is not None:
            self.form_requested.emit(plan)
            return plan
        self.open_param_dialog(plan, cmd)
        return plan

    def open_param_dialog(self, plan: CommandPlan, cmd: CaseCommand | None) -> ParamDialog:
        title = cmd.label(self.lang) if cmd is not None else ""

        def check(values: dict[str, Any]) -> list[DomainError]:
            return plan.check(values)

        dialog = ParamDialog(title, plan.params, plan.prefill, self.lang, check, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._queue_plan(plan, dialog.values()))
        self.param_dialog = dialog
        dialog.open()
        return dialog

    def _queue_plan(self, plan: CommandPlan, values: Mapping[str, Any]) -> None:
        self.queue(plan.ops(values, self.user))

    def queue(self, ops: Sequence[Op]) -> None:
        def done(op_ids: list[str]) -> None:
            self._status(text("desktop.param.queued", self.lang))
            self.queued.emit(op_ids)
            self.load_local()

        queue_ops(self.session, ops, done, lambda exc: self._status(error_text(exc, self.lang)),
                  owner=self)  # fmt: skip

    def _status(self, message: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(message, 8000)

    # ------------------------------------------------------------------ acts
    def edit_act(self, collection: str, record: dict[str, Any]) -> None:
        form = ACT_FORMS.get(collection)
        if form is None:
            return
        plan = cc.new_record_plan(
            form, collection, self.user, case=self.case, record=record,
            related=self.related_info(),
        )  # fmt: skip
        self.form_requested.emit(plan)

    def new_act(self, collection: str) -> None:
        form = ACT_FORMS.get(collection)
        if form is None or self.case is None:
            return
        plan = cc.new_record_plan(form, collection, self.user, case=self.case,
                                  person=self.person, related=self.related_info())  # fmt: skip
        self.form_requested.emit(plan)

    def sign_act(self, collection: str, record: Mapping[str, Any]) -> None:
        self.queue(cc.sign_ops(collection, str(record["id"])))

    def serve_act(self, record: Mapping[str, Any]) -> None:
        """Serve a signed decision: the case's lifecycle action when it is the case's
        departure order to serve now, else the decision's own `serve` action."""
        ev = lc.CaseEvent.SERVE_DEPARTURE_ORDER
        if (
            record.get("decision_type") == DecisionType.DEPARTURE_ORDER
            and ev in self.command_actions
            and self.command_actions[ev].isEnabled()
        ):
            self.run_command(ev)
            return
        rid = str(record["id"])
        plan = CommandPlan(
            command=None, case=dict(self.case or {}), collection="decisions", record=dict(record),
            record_id=rid, params=cc.SERVE_PARAMS,
            prefill={p.name: p.initial() for p in cc.SERVE_PARAMS if p.initial() is not None},
            build_ops=lambda _p, values, _u: cc.serve_ops(rid, values),
        )  # fmt: skip
        dialog = ParamDialog(
            text("desktop.act.serve", self.lang), plan.params, plan.prefill, self.lang, None, self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._queue_plan(plan, dialog.values()))
        self.param_dialog = dialog
        dialog.open()

    def amend_act(self, collection: str, record: Mapping[str, Any]) -> None:
        self.form_requested.emit(cc.amend_plan(collection, record, self.case or {}))

    def annul_act(self, collection: str, record: Mapping[str, Any]) -> ParamDialog:
        dialog = annul_dialog(self.lang, self)
        rid = str(record["id"])
        dialog.accepted.connect(
            lambda: self.queue(cc.annul_ops(collection, rid, str(dialog.values()["reason"])))
        )
        self.param_dialog = dialog
        dialog.open()
        return dialog

    def _open_person(self) -> None:
        if self.case and self.case.get("person_id"):
            self.person_requested.emit(str(self.case["person_id"]))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)


def annul_dialog(lang: str, parent: QWidget | None) -> ParamDialog:
    spec = ParamSpec("reason", "longtext", required=True)
    dialog = ParamDialog(text("desktop.param.annul_title", lang), (spec,), {}, lang, None, parent)
    dialog.setObjectName("annulDialog")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


# --------------------------------------------------------------------------- signed acts


class ActView(QWidget):
    """A signed or served act: its read-only output form, with Amend and Annul.

    Signals:
        form_requested(object): the amendment's CommandPlan (a new draft act) to open.
        queued(list): the annulment was saved to the outbox (op ids).
    """

    form_requested = Signal(object)
    queued = Signal(list)

    def __init__(
        self,
        session: Session,
        collection: str,
        record: Mapping[str, Any],
        case: Mapping[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("actView")
        self.session = session
        self.collection = collection
        self.record = dict(record)
        self.case = dict(case or {})
        self.record_id = str(record.get("id"))
        self.key = f"act:{collection}:{self.record_id}"
        self.param_dialog: ParamDialog | None = None
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("actHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.lock_label = QLabel(self)
        self.lock_label.setObjectName("actLock")
        layout.addWidget(self.heading)
        layout.addWidget(self.lock_label)
        buttons = QHBoxLayout()
        self.amend_button = QPushButton(self)
        self.amend_button.setObjectName("amendButton")
        self.amend_button.clicked.connect(self.amend)
        self.annul_button = QPushButton(self)
        self.annul_button.setObjectName("annulButton")
        self.annul_button.clicked.connect(self.annul)
        buttons.addWidget(self.amend_button)
        buttons.addWidget(self.annul_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.output = self._output()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.output)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def _output(self) -> QWidget:
        form_name = ACT_FORMS.get(self.collection)
        try:
            from registry_desktop.formdefs import load_form
            from registry_desktop.formkit.output import OutputForm

            assert form_name is not None
            return _make_output(OutputForm, load_form(form_name), self.record, self.session)
        except Exception:  # the output form is not available: a plain field list
            return _plain_output(self.collection, self.record, self.session)

    def title(self) -> str:
        kind = text(f"desktop.act.kind.{self.collection}", self.session.language)
        return text("desktop.act.readonly_title", self.session.language, kind=kind)

    def retranslate(self) -> None:
        lang = self.session.language
        self.heading.setText(self.title())
        state = "served" if self.record.get("served_at") else "signed"
        self.lock_label.setText(
            text("desktop.case.locked", lang, state=text(f"desktop.case.state_{state}", lang))
        )
        self.amend_button.setText("&" + text("desktop.act.amend", lang))
        self.annul_button.setText(text("desktop.act.annul", lang).replace("A", "&A", 1))
        finished = self.record.get("status") in (
            DecisionStatus.ANNULLED,
            DecisionStatus.AMENDED,
            "ANNULLED",
        )
        self.amend_button.setEnabled(not finished)
        user = dict(self.session.user or {})
        allowed = cc.can_annul(user, self.record, self.collection)
        self.annul_button.setEnabled(not finished and allowed)
        if not allowed:
            self.annul_button.setToolTip(text("perm.sign", lang))

    def amend(self) -> None:
        self.form_requested.emit(cc.amend_plan(self.collection, self.record, self.case))

    def annul(self) -> ParamDialog:
        dialog = annul_dialog(self.session.language, self)
        rid = self.record_id

        def go() -> None:
            ops = cc.annul_ops(self.collection, rid, str(dialog.values()["reason"]))
            queue_ops(self.session, ops, self.queued.emit, owner=self)

        dialog.accepted.connect(go)
        self.param_dialog = dialog
        dialog.open()
        return dialog

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _make_output(cls: Any, form: Any, record: Mapping[str, Any], session: Session) -> QWidget:
    """Build the formkit OutputForm whatever its keyword names turn out to be."""
    import inspect

    params = inspect.signature(cls).parameters
    kwargs: dict[str, Any] = {}
    if "session" in params:
        kwargs["session"] = session
    if "lang" in params:
        kwargs["lang"] = session.language
    if "record" in params:
        kwargs["record"] = dict(record)
        return cls(form, **kwargs)  # type: ignore[no-any-return]
    return cls(form, dict(record), **kwargs)  # type: ignore[no-any-return]


def _plain_output(collection: str, record: Mapping[str, Any], session: Session) -> QWidget:
    from registry_desktop.labels import HIDDEN_FIELDS, field_label

    box = QWidget()
    form = QFormLayout(box)
    for name, value in record.items():
        if name in HIDDEN_FIELDS or value in (None, "", []):
            continue
        ref = ref_of(collection, name)
        shown = (
            session.code_labels.label(ref, value, session.language)
            if ref and not isinstance(value, list | dict)
            else format_date(value)
        )
        label = _label(shown, box)
        label.setObjectName(f"value_{collection}_{name}")
        form.addRow(field_label(name) + ":", label)
    return box


# --------------------------------------------------------------------------- helpers


def _label(value: str, parent: QWidget) -> QLabel:
    label = QLabel(value, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _clear(layout: Any) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def _days(n: int) -> Any:
    from datetime import timedelta

    return timedelta(days=n)


__all__ = [
    "ActView",
    "CaseView",
    "ParamDialog",
    "StepStrip",
    "annul_dialog",
    "deadline_text",
    "queue_ops",
    "section_label",
    "step_index",
    "with_mnemonic",
]
