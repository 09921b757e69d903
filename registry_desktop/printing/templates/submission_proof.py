"""Apliecinājums par iesniegšanu / proof of submission: registry number, time, who, what."""

from __future__ import annotations

from registry_core.records import COLLECTIONS
from registry_desktop.printing import blocks, labels
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import PrintedRecord, RecordDict
from registry_desktop.printing.values import fmt_datetime, fmt_field

# What identifies a record to a person holding the paper: its official number if it has one.
SUMMARY_FIELDS: dict[str, tuple[str, ...]] = {
    "persons": ("surname_latin", "given_names_latin", "date_of_birth"),
    "documents": ("doc_type", "series_and_number", "issuing_state"),
    "cases": ("case_no", "case_type", "status"),
    "decisions": ("decision_type", "decision_no", "decision_date", "status"),
    "detentions": ("detained_at", "place_of_detention", "status"),
    "entry-bans": ("ban_decision_date", "territorial_scope", "status"),
    "appeals": ("kind", "filed_date"),
    "departures": ("exit_type", "exit_at", "destination_country"),
    "sis-alerts": ("alert_type", "national_alert_id", "entered_at"),
}


def build(
    collection: str, record: RecordDict, ctx: PrintContext, *, provisional: bool | None = None
) -> blocks.DocumentSpec:
    spec = COLLECTIONS[collection]
    number = record.get(spec.number_field) if spec.number_field else None
    what = labels.text("doc.submitted_what", ctx)
    kind = spec.label_lv if not ctx.bilingual_labels else f"{spec.label_lv} / {spec.label_en}"
    rows = (
        (labels.text("doc.registry_number", ctx), str(number) if number else str(record["id"])),
        (
            labels.text("doc.registry_time", ctx),
            fmt_datetime(record.get("updated_at") or record.get("created_at"))
            or labels.text("doc.not_assigned", ctx),
        ),
        (
            labels.text("doc.submitted_by", ctx),
            str(record.get("updated_by") or record.get("created_by") or ""),
        ),
        (what, kind),
        (labels.text("doc.record_id", ctx), str(record["id"])),
        (labels.text("doc.record_version", ctx), str(record.get("version") or 0)),
    )
    summary = tuple(
        (labels.field(collection, name, ctx), fmt_field(collection, name, record))
        for name in SUMMARY_FIELDS.get(collection, ())
    )
    content: list[blocks.Block] = [
        blocks.Text(labels.text("doc.submission_text", ctx)),
        blocks.Fields(rows),
        blocks.Heading(labels.text("doc.section.submission", ctx)),
        blocks.Fields(summary),
    ]
    return blocks.DocumentSpec(
        kind="submission_proof",
        title=labels.text("doc.submission_proof", ctx),
        record=PrintedRecord.of(collection, record),
        blocks=tuple(content),
        provisional=provisional,
    )
