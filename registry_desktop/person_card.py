"""The person card: the read-only output form of a person and everything about them.

A header (names in Latin and original script, date of birth, nationality, photo
placeholder, warning flags) and sections that fold: identity, other identities,
documents, addresses, cases (status and next deadline), decisions, entry bans,
detentions, appeals, departures, SIS alerts and the history of the person record.
The local copy shows at once; the registry's copy replaces it when online. Codes are
shown with their reference-list labels in the officer's language.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from registry_core.messages import register, text
from registry_desktop.labels import (
    HIDDEN_FIELDS,
    bool_text,
    field_label,
    ref_of,
    section_label,
)
from registry_desktop.session import Session, error_text
from registry_desktop.widgets import format_age, format_date, native_name, parse_dt, person_name

# Sections in the order of the card; (key, dossier collection or None for the person).
RELATED_SECTIONS = (
    "documents", "addresses", "cases", "decisions", "entry-bans", "detentions", "appeals",
    "departures", "sis-alerts", "tasks",
)  # fmt: skip
IDENTITY_FIELDS = (
    "surname_latin", "given_names_latin", "patronymic", "surname_native", "given_names_native",
    "name_reproduction_lv", "names_at_birth", "previous_surnames", "sex", "date_of_birth",
    "country_of_birth", "place_of_birth", "nationalities", "personal_code",
    "foreign_id_number", "foreign_id_country", "ethnicity", "marital_status", "languages",
    "special_features", "vulnerabilities", "unaccompanied_minor", "guardian", "notes",
)  # fmt: skip
# Fields that make the one-line title of a record in its section.
TITLE_FIELDS = {
    "documents": ("doc_type", "series_and_number", "valid_until"),
    "addresses": ("address_type", "city", "street", "house", "address_text", "country"),
    "cases": ("case_no", "status"),
    "decisions": ("decision_type", "decision_no", "decision_date"),
    "entry-bans": ("status", "valid_from", "valid_until"),
    "detentions": ("status", "detained_at", "place_of_detention"),
    "appeals": ("kind", "filed_date", "outcome"),
    "departures": ("exit_type", "exit_at", "destination_country"),
    "sis-alerts": ("alert_type", "national_alert_id", "status"),
    "tasks": ("title", "due_date", "status"),
}


register(
    {
        "desktop.card.edit_person": ("Labot personu", "Edit person"),
        "desktop.card.new_document": ("Jauns dokuments", "New document"),
        "desktop.card.new_address": ("Jauna adrese", "New address"),
        "desktop.card.open_case": ("Atvērt lietu", "Open case"),
        "desktop.card.new_entry_ban": ("Jauns ieceļošanas aizliegums", "New entry ban"),
        "desktop.card.view_case": ("Lietas skats", "Case view"),
        "desktop.card.edit": ("Labot", "Edit"),
        "desktop.card.open": ("Atvērt", "Open"),
        "desktop.card.locked": ("🔒 parakstīts — tikai lasāms", "🔒 signed — read-only"),
    }
)

# Section → (form, collection, message code of its "new" button) for records made here.
NEW_BUTTONS = {
    "identity": ("person", "persons", "desktop.card.edit_person"),
    "documents": ("document", "documents", "desktop.card.new_document"),
    "addresses": ("address", "addresses", "desktop.card.new_address"),
    "cases": ("case", "cases", "desktop.card.open_case"),
    "entry-bans": ("entry_ban", "entry-bans", "desktop.card.new_entry_ban"),
}
# Collection → form of its records (opened from the record's button).
RECORD_FORMS = {
    "documents": "document", "addresses": "address", "cases": "case",
    "decisions": "decision", "entry-bans": "entry_ban", "detentions": "detention",
    "appeals": "appeal", "departures": "departure", "sis-alerts": "sis_alert",
}  # fmt: skip


class Section(QWidget):
    """A titled section that folds (its toggle is keyboard-reachable)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"section_{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName(f"sectionToggle_{key}")
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setStyleSheet("QToolButton { border: none; font-weight: bold; }")
        self.toggle.toggled.connect(self.set_expanded)
        layout.addWidget(self.toggle)
        self.body = QFrame(self)
        self.body.setObjectName(f"sectionBody_{key}")
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(18, 0, 0, 0)
        layout.addWidget(self.body)

    def set_title(self, text: str, count: int | None = None) -> None:
        title = text if count is None else f"{text} ({count})"
        self.toggle.setText(title)
        self.toggle.setAccessibleName(title)

    def set_expanded(self, expanded: bool) -> None:
        self.toggle.setChecked(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.body.setVisible(expanded)

    @property
    def expanded(self) -> bool:
        return self.toggle.isChecked()

    def clear(self) -> None:
        while self.body_layout.count():
            item = self.body_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()

    def add(self, widget: QWidget) -> None:
        self.body_layout.addWidget(widget)


def _value_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    return label


class PersonCard(QWidget):
    """One person's card, opened in a tab.

    Signals:
        loaded(str): the card shows data ("local" or "registry") or "missing".
        history_loaded(): the history section is filled.
        print_requested(object): the officer asked to print this person.
        form_requested(object): open a form (a CommandPlan of registry_desktop.case_commands:
            edit the person, a new document, address, case or entry ban, or a record's form).
        case_requested(str): open the case view of a case id.
        act_requested(str, object): open a signed or served act read-only (collection,
            record).
    """

    loaded = Signal(str)
    history_loaded = Signal()
    print_requested = Signal(object)
    form_requested = Signal(object)
    case_requested = Signal(str)
    act_requested = Signal(str, object)

    def __init__(
        self,
        session: Session,
        person_id: str,
        seed: dict[str, Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("personCard")
        self.session = session
        self.person_id = person_id
        self.dossier: dict[str, Any] | None = None
        self.history: list[dict[str, Any]] | None = None
        self.seed = dict(seed or {})
        self.state = "loading"  # loading | local | registry | missing
        self.fetched_at: datetime | None = None
        self._message = ""

        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        self.photo = QLabel(self)
        self.photo.setObjectName("cardPhoto")
        self.photo.setFixedSize(96, 120)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo.setFrameShape(QFrame.Shape.Box)
        header.addWidget(self.photo)
        names = QVBoxLayout()
        self.name = QLabel(self)
        self.name.setObjectName("cardName")
        self.name.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.native = QLabel(self)
        self.native.setObjectName("cardNativeName")
        self.native.setStyleSheet("font-size: 13pt;")
        self.native.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.dob = QLabel(self)
        self.dob.setObjectName("cardDob")
        self.nationality = QLabel(self)
        self.nationality.setObjectName("cardNationality")
        self.warnings = QLabel(self)
        self.warnings.setObjectName("cardWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet("color: #a00000; font-weight: bold;")
        self.source = QLabel(self)
        self.source.setObjectName("cardSource")
        self.source.setWordWrap(True)
        for widget in (
            self.name,
            self.native,
            self.dob,
            self.nationality,
            self.warnings,
            self.source,
        ):
            names.addWidget(widget)
        header.addLayout(names, 1)
        buttons = QVBoxLayout()
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printButton")
        self.print_button.clicked.connect(self.request_print)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.load)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        header.addLayout(buttons)
        outer.addLayout(header)

        scroll = QScrollArea(self)
        scroll.setObjectName("cardScroll")
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        self.sections_layout = QVBoxLayout(body)
        self.sections: dict[str, Section] = {}
        for key in ("identity", "other_identities", *RELATED_SECTIONS, "history"):
            section = Section(key, body)
            self.sections[key] = section
            self.sections_layout.addWidget(section)
        self.sections_layout.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        self.render()
        self.load()

    # ------------------------------------------------------------------ loading
    @property
    def person(self) -> dict[str, Any]:
        if self.dossier is not None:
            return dict(self.dossier.get("person") or {})
        return self.seed

    def title(self) -> str:
        return person_name(self.person) or self.person_id[:8]

    def load(self) -> None:
        pid = self.person_id
        self.session.tasks.run_db(
            lambda store: store.dossier(pid) if store is not None else None,
            self._local_loaded,
            self._local_failed,
            owner=self,
        )

    def _local_loaded(self, dossier: dict[str, Any] | None) -> None:
        if dossier:
            self.dossier = dossier
            self.fetched_at = parse_dt(dossier.get("fetched_at"))
            self.state = "local"
            self.render()
        self._fetch_remote(had_local=bool(dossier))

    def _local_failed(self, exc: BaseException) -> None:
        self._message = error_text(exc, self.session.language)
        self._fetch_remote(had_local=False)

    def _fetch_remote(self, had_local: bool) -> None:
        api = self.session.api
        pid = self.person_id
        if not (self.session.online and api is not None):
            if had_local:
                self.loaded.emit(self.state)
            else:
                self.state = "missing"
                self.render()
                self.loaded.emit(self.state)
            return
        self.session.tasks.run_net(
            lambda: api.dossier(pid),
            self._remote_loaded,
            lambda exc: self._remote_failed(exc, had_local),
            owner=self,
        )
        self.session.tasks.run_net(
            lambda: api.history("persons", pid),
            self._history_loaded,
            self._history_failed,
            owner=self,
        )

    def _remote_loaded(self, dossier: dict[str, Any]) -> None:
        now = datetime.now(UTC)
        self.dossier = dossier
        self.fetched_at = now
        self.state = "registry"
        self._message = ""
        self.render()
        self.loaded.emit(self.state)
        self.session.tasks.run_db(
            lambda store: store.cache_dossier(dossier) if store is not None else None,
            None,
            lambda _e: None,
        )

    def _remote_failed(self, exc: BaseException, had_local: bool) -> None:
        self.session.handle_error(exc)
        self._message = error_text(exc, self.session.language)
        if not had_local:
            self.state = "missing"
        self.render()
        self.loaded.emit(self.state)

    def _history_loaded(self, versions: list[dict[str, Any]]) -> None:
        self.history = list(versions)
        self._render_history()
        self.history_loaded.emit()

    def _history_failed(self, exc: BaseException) -> None:
        self.session.handle_error(exc)
        self.history = None
        self._render_history(error_text(exc, self.session.language))
        self.history_loaded.emit()

    def highlight_field(self, collection: str, record_id: str, field: str) -> Section | None:
        """Show where a field of the card lives (the outbox's "Go to field"): unfold its
        section, scroll to it and give its toggle the focus. Returns the section."""
        key = collection if collection in self.sections else "identity"
        if collection == "persons" and field not in IDENTITY_FIELDS and field:
            key = "other_identities" if "identit" in field else "identity"
        section = self.sections.get(key)
        if section is None:
            return None
        section.set_expanded(True)
        self.highlighted = (collection, record_id, field)
        scroll = self.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(section)
        section.toggle.setFocus()
        return section

    def request_print(self) -> None:
        if self.dossier is not None:
            self.print_requested.emit(
                {"collection": "persons", "id": self.person_id, "dossier": self.dossier,
                 "history": self.history, "source": self.state}
            )  # fmt: skip

    # ------------------------------------------------------------------ rendering
    @property
    def lang(self) -> str:
        return self.session.language

    def _code(self, ref: str, code: Any) -> str:
        return self.session.code_labels.label(ref, code, self.lang)

    def format_value(self, collection: str, field: str, value: Any) -> str:
        if value is None or value == "" or value == []:
            return ""
        if field == "nationalities":
            return ", ".join(
                self._code("country", n.get("country")) for n in value if isinstance(n, dict)
            )
        if field == "legal_basis" and isinstance(value, list):
            return "; ".join(_legal_basis(item) for item in value if isinstance(item, dict))
        ref = ref_of(collection, field)
        if isinstance(value, bool):
            return bool_text(value)
        if isinstance(value, list):
            parts = [self.format_value(collection, field, v) for v in value]
            return ", ".join(p for p in parts if p)
        if isinstance(value, dict):
            return ", ".join(
                f"{field_label(k)}: {self.format_value(collection, k, v)}"
                for k, v in value.items()
                if v not in (None, "", [])
            )
        if ref:
            return self._code(ref, value)
        return format_date(value)

    def render(self) -> None:
        person = self.person
        self.photo.setText(self.tr("Photo"))
        self.photo.setAccessibleName(self.tr("Photo"))
        self.print_button.setText(self.tr("&Print"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.print_button.setEnabled(self.dossier is not None)
        self.name.setText(person_name(person) or "—")
        self.native.setText(native_name(person))
        self.native.setVisible(bool(native_name(person)))
        self.dob.setText(
            self.tr("Date of birth: %1").replace(
                "%1",
                format_date(person.get("date_of_birth")) if person.get("date_of_birth") else "—",
            )
        )
        self.nationality.setText(
            self.tr("Nationality: %1").replace(
                "%1",
                self.format_value("persons", "nationalities", person.get("nationalities")) or "—",
            )
        )
        flags = [self._code("warning_flag", f) for f in person.get("warning_flags") or []]
        if person.get("unaccompanied_minor"):
            flags.append(field_label("unaccompanied_minor"))
        self.warnings.setText(("⚠ " + ", ".join(flags)) if flags else "")
        self.warnings.setVisible(bool(flags))
        self.source.setText(self._source_text())

        self._render_identity(person)
        self._render_other_identities(person)
        related = (self.dossier or {}).get("related") or {}
        for key in RELATED_SECTIONS:
            self._render_related(key, list(related.get(key) or []), key in related)
        self._render_history()

    def _source_text(self) -> str:
        if self.state == "registry":
            text = "◆ " + self.tr("From the registry, %1.").replace(
                "%1", format_age(self.fetched_at)
            )
        elif self.state == "local":
            text = "◇ " + self.tr("Local copy (%1). Not refreshed from the registry.").replace(
                "%1", format_age(self.fetched_at)
            )
        elif self.state == "missing":
            text = "⚠ " + self.tr(
                "This person's card is not in the local cache. Connect to the registry to open it."
            )
        else:
            text = self.tr("Loading…")
        if self._message:
            text += "\n⚠ " + self._message
        return text

    def _form(self, collection: str, record: dict[str, Any], fields: Any) -> QWidget:
        box = QWidget(self)
        form = QFormLayout(box)
        form.setContentsMargins(0, 0, 0, 6)
        for field in fields:
            if field in HIDDEN_FIELDS:
                continue
            text = self.format_value(collection, field, record.get(field))
            if not text:
                continue
            name = QLabel(field_label(field) + ":", box)
            name.setObjectName(f"label_{collection}_{field}")
            value = _value_label(text, box)
            value.setObjectName(f"value_{collection}_{field}")
            value.setAccessibleName(field_label(field))
            form.addRow(name, value)
        return box

    # ------------------------------------------------------------------ forms
    @property
    def user(self) -> dict[str, Any]:
        return dict(self.session.user or {})

    def _may_write(self, collection: str) -> bool:
        from registry_core import permissions

        roles = [str(r) for r in self.user.get("roles") or []]
        return not roles or permissions.can_write(roles, collection)

    def _button(self, code: str, name: str, slot: Any, parent: QWidget) -> QPushButton:
        button = QPushButton(text(code, self.lang), parent)
        button.setObjectName(name)
        button.setAccessibleName(text(code, self.lang))
        button.clicked.connect(lambda _c=False: slot())
        return button

    def _section_buttons(self, key: str) -> QWidget | None:
        """The section's action button (New document, Open case…), when allowed."""
        spec = NEW_BUTTONS.get(key)
        if spec is None or self.dossier is None:
            return None
        form, collection, code = spec
        if not self._may_write(collection):
            return None
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 4)
        name = f"new_{key}" if key != "identity" else "editPerson"
        row.addWidget(self._button(code, name, lambda: self.new_record(key), bar))
        row.addStretch(1)
        return bar

    def new_record(self, key: str) -> Any:
        """Open the section's form: edit the person, or a new record with the person."""
        from registry_desktop import case_commands as cc

        form, collection, _code = NEW_BUTTONS[key]
        if key == "identity":
            plan = cc.new_record_plan(form, collection, self.user, record=self.person)
        else:
            plan = cc.new_record_plan(form, collection, self.user, person=self.person)
        self.form_requested.emit(plan)
        return plan

    def open_record(self, collection: str, record: dict[str, Any]) -> None:
        """A record's form; a signed or served act opens read-only (Amend/Annul there);
        a case opens its case view."""
        from registry_desktop import case_commands as cc

        if collection == "cases":
            self.case_requested.emit(str(record.get("id")))
            return
        if cc.act_locked(collection, record):
            self.act_requested.emit(collection, record)
            return
        form = RECORD_FORMS.get(collection)
        if form is None:
            return
        case = None
        if record.get("case_id"):
            for row in ((self.dossier or {}).get("related") or {}).get("cases") or []:
                if str(row.get("id")) == str(record["case_id"]):
                    case = row
        plan = cc.new_record_plan(form, collection, self.user, case=case, record=record)
        self.form_requested.emit(plan)

    def _record_buttons(self, key: str, record: dict[str, Any]) -> QWidget | None:
        from registry_desktop import case_commands as cc

        if key not in RECORD_FORMS:
            return None
        bar = QWidget(self)
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        rid = str(record.get("id"))
        if key == "cases":
            button = self._button("desktop.card.view_case", "openCase",
                                  lambda: self.open_record(key, record), bar)  # fmt: skip
        elif cc.act_locked(key, record):
            row.addWidget(_value_label(text("desktop.card.locked", self.lang), bar))
            button = self._button("desktop.card.open", f"openRecord_{key}",
                                  lambda: self.open_record(key, record), bar)  # fmt: skip
        elif self._may_write(key):
            button = self._button("desktop.card.edit", f"editRecord_{key}",
                                  lambda: self.open_record(key, record), bar)  # fmt: skip
        else:
            return None
        button.setProperty("record_id", rid)
        row.addWidget(button)
        row.addStretch(1)
        return bar

    def _render_identity(self, person: dict[str, Any]) -> None:
        section = self.sections["identity"]
        section.set_title(section_label("identity"))
        section.clear()
        buttons = self._section_buttons("identity")
        if buttons is not None:
            section.add(buttons)
        if person:
            section.add(self._form("persons", person, IDENTITY_FIELDS))

    def _render_other_identities(self, person: dict[str, Any]) -> None:
        section = self.sections["other_identities"]
        others = list(person.get("other_identities") or [])
        section.set_title(section_label("other_identities"), len(others))
        section.clear()
        for other in others:
            section.add(
                self._form(
                    "persons", other,
                    ("surname", "given_names", "date_of_birth", "nationality", "source"),
                )
            )  # fmt: skip
        if not others:
            section.add(_value_label(self.tr("None recorded."), self))

    def _render_related(self, key: str, records: list[dict[str, Any]], readable: bool) -> None:
        section = self.sections[key]
        section.setVisible(readable or self.dossier is None)
        section.set_title(section_label(key), len(records) if self.dossier is not None else None)
        section.clear()
        if self.dossier is None:
            return
        buttons = self._section_buttons(key)
        if buttons is not None:
            section.add(buttons)
        if not records:
            section.add(_value_label(self.tr("None recorded."), self))
            return
        for record in records:
            title = _value_label(self._record_title(key, record), self)
            title.setObjectName(f"recordTitle_{key}")
            title.setStyleSheet("font-weight: bold;")
            section.add(title)
            actions = self._record_buttons(key, record)
            if actions is not None:
                section.add(actions)
            if key == "cases":
                deadline = self._deadline_text(record.get("next_deadline"))
                if deadline:
                    label = _value_label(deadline, self)
                    label.setObjectName("caseDeadline")
                    section.add(label)
            fields = [f for f in record if f not in HIDDEN_FIELDS]
            section.add(self._form(key, record, fields))

    def _record_title(self, key: str, record: dict[str, Any]) -> str:
        parts = []
        for field in TITLE_FIELDS.get(key, ()):
            text = self.format_value(key, field, record.get(field))
            if text:
                parts.append(text)
        if key == "entry-bans" and record.get("indefinite"):
            parts.append(field_label("indefinite"))
        return " · ".join(parts) or section_label(key)

    def _deadline_text(self, value: Any) -> str:
        if not value:
            return ""
        try:
            due = date.fromisoformat(str(value)[:10])
        except ValueError:
            return ""
        days = (due - date.today()).days
        when = format_date(due)
        if days < 0:
            return "⚠ " + self.tr("Next deadline %1 — overdue by %2 days").replace(
                "%1", when
            ).replace("%2", str(-days))
        if days == 0:
            return "⚠ " + self.tr("Next deadline %1 — today").replace("%1", when)
        return "⏱ " + self.tr("Next deadline %1 — %2 days left").replace("%1", when).replace(
            "%2", str(days)
        )

    def _render_history(self, message: str = "") -> None:
        section = self.sections["history"]
        section.clear()
        versions = self.history or []
        section.set_title(
            section_label("history"), len(versions) if self.history is not None else None
        )
        if message:
            section.add(_value_label("⚠ " + message, self))
            return
        if self.history is None:
            section.add(
                _value_label(
                    self.tr("The history is read from the registry when online.")
                    if not self.session.online
                    else self.tr("Loading…"),
                    self,
                )
            )
            return
        for version in reversed(versions):
            changed = [field_label(f) for f in version.get("changed_fields") or []]
            line = (
                self.tr("Version %1 · %2 · %3 · %4")
                .replace("%1", str(version.get("version", "")))
                .replace("%2", format_date(version.get("at", "")))
                .replace("%3", str(version.get("by", "")))
                .replace("%4", _kind_text(str(version.get("kind", ""))))
            )
            if changed:
                line += "\n" + self.tr("Changed: %1").replace("%1", ", ".join(changed))
            label = _value_label(line, self)
            label.setObjectName("historyEntry")
            section.add(label)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.render()
        super().changeEvent(event)


def _legal_basis(item: dict[str, Any]) -> str:
    parts = [str(item.get("act") or "")]
    for key, mark in (
        ("section", "§"),
        ("part", QCoreApplication.translate("PersonCard", "part")),
        ("clause", QCoreApplication.translate("PersonCard", "clause")),
    ):
        if item.get(key):
            parts.append(f"{item[key]}{mark}" if mark == "§" else f"{mark} {item[key]}")
    return " ".join(p for p in parts if p)


def _kind_text(kind: str) -> str:
    kinds = {
        "create": QCoreApplication.translate("PersonCard", "created"),
        "update": QCoreApplication.translate("PersonCard", "changed"),
        "delete": QCoreApplication.translate("PersonCard", "deleted"),
        "action": QCoreApplication.translate("PersonCard", "action"),
        "merge": QCoreApplication.translate("PersonCard", "merged"),
    }
    return kinds.get(kind, kind)
