"""Printed case sheets and decision documents (issue 6): PDF with reportlab, no Qt.

Inputs are the JSON records the registry API answers (a person's dossier); every page
carries the personal-data footer, printed by / at, page x / y, a QR code of the record id
and version, and the training / provisional marks the `PrintContext` asks for.

    ctx = PrintContext(printed_by="Inspektore …", printed_at=now, training=True)
    pdf = render_case_sheet(dossier, case_id, ctx)

The preview dialog (`registry_desktop.printing.preview`, Qt) takes a `PrintJob`.

Importing the package is light (the main window imports it at start-up): reportlab,
segno and the record schemas load when the first document is built.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from registry_desktop.printing.context import TRANSLATIONS, PrintContext, Translation
from registry_desktop.printing.dossier import PrintedRecord, RecordDict, RecordNotFound
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
from registry_desktop.printing.labels import register_labels

if TYPE_CHECKING:
    from registry_desktop.printing.qr import parse_qr_payload, qr_payload
    from registry_desktop.printing.render import Progress

_LAZY = {
    "parse_qr_payload": "registry_desktop.printing.qr",
    "qr_payload": "registry_desktop.printing.qr",
    "Progress": "registry_desktop.printing.render",
}


def __getattr__(name: str) -> Any:
    """The names whose modules import reportlab or segno, loaded on first use."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def render_case_sheet(dossier: Mapping[str, Any], case_id: str, ctx: PrintContext) -> bytes:
    return case_sheet_job(dossier, case_id, ctx).render()


def render_decision(dossier: Mapping[str, Any], decision_id: str, ctx: PrintContext) -> bytes:
    """Departure order or forced-removal decision, chosen by the decision's type."""
    return decision_job(dossier, decision_id, ctx).render()


def render_removal_notice(
    dossier: Mapping[str, Any], departure_id: str, ctx: PrintContext
) -> bytes:
    return removal_notice_job(dossier, departure_id, ctx).render()


def render_entry_ban_decision(dossier: Mapping[str, Any], ban_id: str, ctx: PrintContext) -> bytes:
    return entry_ban_job(dossier, ban_id, ctx).render()


def render_detention_record(
    dossier: Mapping[str, Any], detention_id: str, ctx: PrintContext
) -> bytes:
    return detention_record_job(dossier, detention_id, ctx).render()


def render_submission_proof(collection: str, record: RecordDict, ctx: PrintContext) -> bytes:
    return submission_proof_job(collection, record, ctx).render()


def render_batch(
    requests: Iterable[SheetRequest], ctx: PrintContext, progress: Progress | None = None
) -> bytes:
    return batch_job(requests, ctx).render(progress)


__all__ = [
    "TRANSLATIONS",
    "DocumentKind",
    "PrintContext",
    "PrintJob",
    "PrintedRecord",
    "Progress",
    "RecordNotFound",
    "SheetRequest",
    "Translation",
    "available_documents",
    "batch_job",
    "case_sheet_job",
    "decision_job",
    "detention_record_job",
    "entry_ban_job",
    "parse_qr_payload",
    "qr_payload",
    "register_labels",
    "removal_notice_job",
    "render_batch",
    "render_case_sheet",
    "render_decision",
    "render_detention_record",
    "render_entry_ban_decision",
    "render_removal_notice",
    "render_submission_proof",
    "submission_proof_job",
]
