"""Printing from the desktop: choose the document, preview it, record the print.

Ctrl+P (or a card's Print button) hands the person's dossier here. `PrintFlow` offers
the documents that the dossier's records allow (`available_documents`), builds the
`PrintContext` (the officer's full name, now, training, provisional = the records printed
have changes still in the outbox), opens `PrintPreviewDialog`, and on every print or PDF
save writes a `print-jobs` record through the local-first writer: that record is the
registry's audit of the print, and it waits in the outbox while the link is down.

Batch printing (`print_case_sheets`) renders the case sheets of a list of cases (My work,
today's removals) into one PDF; each sheet carries its own provisional mark.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.jobs import (
    DocumentKind,
    PrintJob,
    SheetRequest,
    available_documents,
    batch_job,
    case_sheet_job,
    decision_job,
    detention_record_job,
    entry_ban_job,
    removal_notice_job,
    submission_proof_job,
)
from registry_desktop.session import Session, error_text

log = logging.getLogger(__name__)

PRINT_COLLECTION = "print-jobs"
# Collections of the dossier whose records have a printed form, in the order offered.
_PRINTABLE = ("cases", "decisions", "departures", "entry-bans", "detentions")


@dataclass(frozen=True)
class DocumentChoice:
    """One document the officer may print from a dossier."""

    kind: DocumentKind
    collection: str
    record_id: str
    detail: str  # case number, date… (data, not a UI string)


def document_choices(dossier: Mapping[str, Any]) -> list[DocumentChoice]:
    """The documents a person's dossier allows: each record's forms, then the proof of
    submission of the person record."""
    out: list[DocumentChoice] = []
    related = dossier.get("related") or {}
    for collection in _PRINTABLE:
        for record in related.get(collection) or ():
            if record.get("deleted"):
                continue
            for kind in available_documents(collection, record):
                if kind is DocumentKind.SUBMISSION_PROOF:
                    continue
                out.append(DocumentChoice(kind, collection, str(record["id"]), _detail(record)))
    person = dossier.get("person") or {}
    if person.get("id"):
        out.append(DocumentChoice(DocumentKind.SUBMISSION_PROOF, "persons", str(person["id"]), ""))
    return out


def _detail(record: Mapping[str, Any]) -> str:
    for key in ("case_no", "decision_no", "decision_date", "start_date", "detained_at",
                "planned_date", "departure_date", "valid_from"):  # fmt: skip
        value = record.get(key)
        if value:
            return str(value)[:19]
    return str(record.get("id", ""))[:8]


def build_job(dossier: Mapping[str, Any], choice: DocumentChoice, ctx: PrintContext) -> PrintJob:
    kind = choice.kind
    rid = choice.record_id
    if kind is DocumentKind.CASE_SHEET:
        return case_sheet_job(dossier, rid, ctx)
    if kind in (DocumentKind.DEPARTURE_ORDER, DocumentKind.REMOVAL_DECISION):
        return decision_job(dossier, rid, ctx)
    if kind is DocumentKind.REMOVAL_NOTICE:
        return removal_notice_job(dossier, rid, ctx)
    if kind is DocumentKind.ENTRY_BAN_DECISION:
        return entry_ban_job(dossier, rid, ctx)
    if kind is DocumentKind.DETENTION_RECORD:
        return detention_record_job(dossier, rid, ctx)
    if kind is DocumentKind.SUBMISSION_PROOF:
        if choice.collection == "persons":
            record = dossier["person"]
        else:
            record = next(
                r for r in (dossier.get("related") or {}).get(choice.collection, ())
                if str(r.get("id")) == rid
            )  # fmt: skip
        return submission_proof_job(choice.collection, record, ctx)
    raise ValueError(f"no single print job for {kind}")


# ---------------------------------------------------------------- DB worker helpers
def unsynced(store: Any, keys: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
    """DB worker: which of the (collection, id) have changes not yet in the registry."""
    if store is None:
        return set()
    state = getattr(store, "record_state", None)
    if state is None:  # a store without an outbox: nothing can be pending
        return set()
    return {key for key in keys if str(state(*key)) != "synced"}


def audit_fields(event: Any) -> dict[str, Any]:
    """The `print-jobs` record of one PrintAuditEvent."""
    printed_at = event.printed_at
    if printed_at.tzinfo is None:
        printed_at = printed_at.replace(tzinfo=UTC)
    return {
        "kind": str(event.kind.value if hasattr(event.kind, "value") else event.kind),
        "action": str(event.action),
        "records": [
            {"collection": r.collection, "id": str(r.id), "version": int(r.version)}
            for r in event.records
        ],
        "printed_at": printed_at.isoformat(),
        "pages": int(event.pages),
        "training": bool(event.training),
        "provisional": bool(event.provisional),
    }


def save_print_job(store: Any, officer: str, fields: dict[str, Any]) -> str:
    """DB worker: the print's audit record, local first (it waits in the outbox)."""
    from sync.local_first import LocalWriter

    result = LocalWriter(store, officer).save(PRINT_COLLECTION, str(uuid.uuid4()), fields)
    return str(result.op_id)


def batch_requests(store: Any, case_ids: Sequence[str]) -> list[SheetRequest]:
    """DB worker: one SheetRequest per case found in the cache, provisional per case."""
    if store is None:
        return []
    dossiers: dict[str, dict[str, Any] | None] = {}
    out: list[SheetRequest] = []
    for cid in case_ids:
        case = store.get("cases", cid)
        if not case:
            continue
        pid = str(case.get("person_id") or "")
        if pid not in dossiers:
            dossiers[pid] = store.dossier(pid) if pid else None
        dossier = dossiers[pid]
        if not dossier:
            continue
        related = dossier.setdefault("related", {})
        cases = related.setdefault("cases", [])
        if not any(str(c.get("id")) == str(cid) for c in cases):
            cases.append(dict(case))
        pending = unsynced(store, [("cases", str(cid)), ("persons", pid)])
        out.append(SheetRequest(dossier, str(cid), provisional=bool(pending)))
    return out


# ---------------------------------------------------------------- widgets
class DocumentChooser(QDialog):
    """Which document to print, and the language options. Enter prints the selected one."""

    def __init__(self, choices: list[DocumentChoice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printChooser")
        self.choices = choices
        layout = QVBoxLayout(self)
        self.label = QLabel(self)
        self.list = QListWidget(self)
        self.list.setObjectName("printChoices")
        self.label.setBuddy(self.list)
        self.bilingual = QCheckBox(self)
        self.bilingual.setObjectName("printBilingual")
        self.translation_label = QLabel(self)
        self.translation = QComboBox(self)
        self.translation.setObjectName("printTranslation")
        self.translation_label.setBuddy(self.translation)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemActivated.connect(lambda _item: self.accept())
        for widget in (self.label, self.list, self.bilingual, self.translation_label,
                       self.translation, self.buttons):  # fmt: skip
            layout.addWidget(widget)
        self.retranslate()
        if choices:
            self.list.setCurrentRow(0)
        self.list.setFocus()

    def kind_text(self, kind: DocumentKind) -> str:
        return {
            DocumentKind.CASE_SHEET: self.tr("Case sheet"),
            DocumentKind.DEPARTURE_ORDER: self.tr("Departure order"),
            DocumentKind.REMOVAL_DECISION: self.tr("Forced-removal decision"),
            DocumentKind.REMOVAL_NOTICE: self.tr("Notice of planned removal"),
            DocumentKind.ENTRY_BAN_DECISION: self.tr("Entry-ban decision"),
            DocumentKind.DETENTION_RECORD: self.tr("Detention record"),
            DocumentKind.SUBMISSION_PROOF: self.tr("Proof of submission"),
            DocumentKind.CASE_SHEET_BATCH: self.tr("Case sheets"),
        }[kind]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print"))
        self.label.setText(self.tr("&Document to print:"))
        self.list.setAccessibleName(self.tr("Document to print"))
        row = self.list.currentRow()
        self.list.clear()
        for choice in self.choices:
            text = self.kind_text(choice.kind)
            if choice.detail:
                text += f" — {choice.detail}"
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, choice)
        if row >= 0:
            self.list.setCurrentRow(row)
        self.bilingual.setText(self.tr("Field labels also in &English"))
        self.bilingual.setAccessibleName(self.tr("Field labels also in English"))
        self.translation_label.setText(self.tr("&Operative part repeated in:"))
        self.translation.setAccessibleName(self.tr("Operative part repeated in"))
        current = self.translation.currentIndex()
        self.translation.clear()
        self.translation.addItem(self.tr("No translation"), None)
        self.translation.addItem(self.tr("English"), "en")
        self.translation.addItem(self.tr("Russian"), "ru")
        self.translation.setCurrentIndex(max(0, current))

    def selected(self) -> DocumentChoice | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class PrintFlow(QObject):
    """Print requests → chooser → preview → audit record in the outbox.

    Signals:
        chooser_opened(object): the DocumentChooser shown to the officer.
        preview_opened(object): the PrintPreviewDialog shown.
        recorded(str): a print's audit op was saved in the outbox (its op id).
        message(str): something to tell the officer in the status bar.
    """

    chooser_opened = Signal(object)
    preview_opened = Signal(object)
    recorded = Signal(str)
    message = Signal(str)

    def __init__(self, session: Session, window: QWidget) -> None:
        super().__init__(window)
        self.session = session
        self.window = window
        self.chooser: DocumentChooser | None = None
        self.preview: Any = None

    # ------------------------------------------------------------------ context
    def context(self, *, provisional: bool = False, **options: Any) -> PrintContext:
        return PrintContext(
            printed_by=self.session.officer,
            printed_at=datetime.now(UTC),
            training=bool(self.session.training),
            provisional=provisional,
            bilingual_labels=bool(options.get("bilingual_labels")),
            operative_translation=options.get("operative_translation"),
        )

    # ------------------------------------------------------------------ single
    def request(self, payload: Mapping[str, Any]) -> None:
        """A print request from a card: {"collection", "id", "dossier", …}."""
        dossier = payload.get("dossier")
        if not dossier:
            self.message.emit(self.tr("Open a record to print it."))
            return
        choices = document_choices(dossier)
        chooser = DocumentChooser(choices, self.window)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.chooser = chooser

        def accepted() -> None:
            choice = chooser.selected()
            if choice is not None:
                self.print_document(
                    dossier, choice, bilingual_labels=chooser.bilingual.isChecked(),
                    operative_translation=chooser.translation.currentData(),
                )  # fmt: skip

        chooser.accepted.connect(accepted)
        chooser.open()
        self.chooser_opened.emit(chooser)

    def print_document(
        self, dossier: Mapping[str, Any], choice: DocumentChoice, **options: Any
    ) -> None:
        """Check the outbox for the records printed (DB worker), then open the preview."""
        try:
            probe = build_job(dossier, choice, self.context(**options))
        except Exception as exc:  # a record the dossier lacks: say so, keep working
            self.message.emit(error_text(exc, self.session.language))
            return
        keys = [(r.collection, r.id) for r in probe.records]
        pid = str((dossier.get("person") or {}).get("id") or "")
        if pid:
            keys.append(("persons", pid))

        def opened(pending: set[tuple[str, str]]) -> None:
            job = build_job(dossier, choice, self.context(provisional=bool(pending), **options))
            self.open_preview(job)

        self.session.tasks.run_db(lambda store: unsynced(store, keys), opened, self._failed)

    # ------------------------------------------------------------------ batch
    def print_case_sheets(self, case_ids: Sequence[str]) -> None:
        """One PDF with the case sheets of the listed cases (read from the local cache)."""
        ids = [str(c) for c in dict.fromkeys(case_ids) if c]
        if not ids:
            self.message.emit(self.tr("There are no cases in the list to print."))
            return

        def opened(requests: list[SheetRequest]) -> None:
            if not requests:
                self.message.emit(self.tr("The cases of the list are not in the local cache."))
                return
            self.open_preview(batch_job(requests, self.context()))

        self.session.tasks.run_db(lambda store: batch_requests(store, ids), opened, self._failed)

    # ------------------------------------------------------------------ preview, audit
    def open_preview(self, job: PrintJob) -> Any:
        from registry_desktop.printing.preview import PrintPreviewDialog

        dialog = PrintPreviewDialog(job, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printed.connect(self.record)
        self.preview = dialog
        dialog.open()
        self.preview_opened.emit(dialog)
        return dialog

    def record(self, event: Any) -> None:
        """Save the print's audit record through the outbox (DB worker)."""
        fields = audit_fields(event)
        officer = self.session.username

        def saved(op_id: str) -> None:
            self.recorded.emit(op_id)
            self.session.outbox_changed()

        self.session.tasks.run_db(
            lambda store: save_print_job(store, officer, fields), saved, self._failed
        )

    def _failed(self, exc: BaseException) -> None:
        log.warning("printing step failed: %r", exc)
        self.message.emit(error_text(exc, self.session.language))
