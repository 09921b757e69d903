"""Print jobs: what to print, for whom, and which records it shows (for the audit).

A `PrintJob` is cheap to make on the GUI thread (it only looks up ids and versions);
`render()` does the work and belongs on a worker (see preview.py).

This module is imported by the main window's print flow at start-up, so it stays light:
reportlab, the templates and the record schemas (pydantic) are imported when a job is
first built or rendered, not when the window opens.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from registry_desktop.printing import labels
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, PrintedRecord, RecordDict

if TYPE_CHECKING:
    from registry_desktop.printing.blocks import DocumentSpec
    from registry_desktop.printing.render import Progress


class DocumentKind(StrEnum):
    CASE_SHEET = "case_sheet"
    DEPARTURE_ORDER = "departure_order"
    REMOVAL_DECISION = "removal_decision"
    REMOVAL_NOTICE = "removal_notice"
    ENTRY_BAN_DECISION = "entry_ban_decision"
    DETENTION_RECORD = "detention_record"
    SUBMISSION_PROOF = "submission_proof"
    CASE_SHEET_BATCH = "case_sheet_batch"


_TITLE_KEYS = {
    DocumentKind.CASE_SHEET: "doc.case_sheet",
    DocumentKind.DEPARTURE_ORDER: "doc.departure_order",
    DocumentKind.REMOVAL_DECISION: "doc.removal_decision",
    DocumentKind.REMOVAL_NOTICE: "doc.removal_notice",
    DocumentKind.ENTRY_BAN_DECISION: "doc.entry_ban_decision",
    DocumentKind.DETENTION_RECORD: "doc.detention_record",
    DocumentKind.SUBMISSION_PROOF: "doc.submission_proof",
    DocumentKind.CASE_SHEET_BATCH: "doc.case_sheet",
}
# Decision types with a printed form (templates/return_decision.py titles them).
DECISION_KINDS = frozenset({DocumentKind.DEPARTURE_ORDER, DocumentKind.REMOVAL_DECISION})
_FORCED_EXITS = frozenset({"forced_unescorted", "forced_escorted", "frontex_operation"})


@dataclass(frozen=True)
class SheetRequest:
    """One case sheet of a batch; `provisional` overrides the context's flag for this case."""

    dossier: Mapping[str, Any]
    case_id: str
    provisional: bool | None = None


@dataclass(frozen=True)
class PrintJob:
    kind: DocumentKind
    ctx: PrintContext
    records: tuple[PrintedRecord, ...]  # every record the pages show (QR codes, audit)
    _specs: Callable[[], Sequence[DocumentSpec]]

    @property
    def title(self) -> str:
        return labels.text(_TITLE_KEYS[self.kind], self.ctx)

    def specs(self) -> Sequence[DocumentSpec]:
        return self._specs()

    def render(self, progress: Progress | None = None) -> bytes:
        from registry_desktop.printing.render import render_specs

        return render_specs(self._specs(), self.ctx, progress)


def _single(
    kind: DocumentKind,
    collection: str,
    dossier: Mapping[str, Any],
    record_id: str,
    ctx: PrintContext,
    build: Callable[[Dossier, str, PrintContext], DocumentSpec],
) -> PrintJob:
    d = Dossier(dossier)
    record = d.get(collection, record_id)  # fail now, on the caller's thread, not in a worker
    return PrintJob(
        kind, ctx, (PrintedRecord.of(collection, record),), lambda: [build(d, record_id, ctx)]
    )


def case_sheet_job(dossier: Mapping[str, Any], case_id: str, ctx: PrintContext) -> PrintJob:
    from registry_desktop.printing.templates import case_sheet

    return _single(DocumentKind.CASE_SHEET, "cases", dossier, case_id, ctx, case_sheet.build)


def decision_job(dossier: Mapping[str, Any], decision_id: str, ctx: PrintContext) -> PrintJob:
    """The departure order or forced-removal decision, by the decision's type."""
    from registry_desktop.printing.templates import return_decision

    decision = Dossier(dossier).get("decisions", decision_id)
    kind = (
        DocumentKind(decision["decision_type"])
        if decision["decision_type"] in DECISION_KINDS
        else None
    )
    if kind is None:
        raise ValueError(f"no printed form for decision type {decision['decision_type']!r}")
    return _single(kind, "decisions", dossier, decision_id, ctx, return_decision.build)


def removal_notice_job(
    dossier: Mapping[str, Any], departure_id: str, ctx: PrintContext
) -> PrintJob:
    from registry_desktop.printing.templates import removal_notice

    return _single(
        DocumentKind.REMOVAL_NOTICE, "departures", dossier, departure_id, ctx, removal_notice.build
    )


def entry_ban_job(dossier: Mapping[str, Any], ban_id: str, ctx: PrintContext) -> PrintJob:
    from registry_desktop.printing.templates import entry_ban

    return _single(
        DocumentKind.ENTRY_BAN_DECISION, "entry-bans", dossier, ban_id, ctx, entry_ban.build
    )


def detention_record_job(
    dossier: Mapping[str, Any], detention_id: str, ctx: PrintContext
) -> PrintJob:
    from registry_desktop.printing.templates import detention_record

    return _single(
        DocumentKind.DETENTION_RECORD,
        "detentions",
        dossier,
        detention_id,
        ctx,
        detention_record.build,
    )


def submission_proof_job(collection: str, record: RecordDict, ctx: PrintContext) -> PrintJob:
    from registry_desktop.printing.templates import submission_proof

    return PrintJob(
        DocumentKind.SUBMISSION_PROOF,
        ctx,
        (PrintedRecord.of(collection, record),),
        lambda: [submission_proof.build(collection, record, ctx)],
    )


def batch_job(requests: Iterable[SheetRequest], ctx: PrintContext) -> PrintJob:
    """Many case sheets in one PDF (e.g. today's removals); each sheet numbered on its own."""
    from registry_desktop.printing.templates import case_sheet

    items = [(Dossier(r.dossier), r.case_id, r.provisional) for r in requests]
    records = tuple(PrintedRecord.of("cases", d.get("cases", cid)) for d, cid, _ in items)

    def specs() -> list[DocumentSpec]:
        return [case_sheet.build(d, cid, ctx, provisional=p) for d, cid, p in items]

    return PrintJob(DocumentKind.CASE_SHEET_BATCH, ctx, records, specs)


def available_documents(collection: str, record: RecordDict) -> list[DocumentKind]:
    """What the Print menu offers for one record (the proof of submission always)."""
    kinds: list[DocumentKind] = []
    if collection == "cases":
        kinds.append(DocumentKind.CASE_SHEET)
    elif collection == "decisions" and record.get("decision_type") in DECISION_KINDS:
        kinds.append(DocumentKind(record["decision_type"]))
    elif collection == "departures" and record.get("exit_type") in _FORCED_EXITS:
        kinds.append(DocumentKind.REMOVAL_NOTICE)
    elif collection == "entry-bans":
        kinds.append(DocumentKind.ENTRY_BAN_DECISION)
    elif collection == "detentions":
        kinds.append(DocumentKind.DETENTION_RECORD)
    kinds.append(DocumentKind.SUBMISSION_PROOF)
    return kinds
