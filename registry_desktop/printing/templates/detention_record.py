"""Aizturēšanas protokols / detention record (domain.md §4.5)."""

from __future__ import annotations

from registry_core.reference import label as ref_label
from registry_desktop.printing import blocks, labels
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, PrintedRecord
from registry_desktop.printing.layout import widths
from registry_desktop.printing.templates.common import (
    PERSON_SHORT,
    document_line,
    field_rows,
    number_or_unassigned,
)
from registry_desktop.printing.values import fmt_date

DETENTION_FIELDS = (
    "detained_at",
    "detention_reason",
    "detaining_unit",
    "detaining_official",
    "place_of_detention",
    "journal_no",
    "status",
)
RELEASE_FIELDS = ("released_at", "release_reason")


def build(
    dossier: Dossier, detention_id: str, ctx: PrintContext, *, provisional: bool | None = None
) -> blocks.DocumentSpec:
    det = dossier.get("detentions", detention_id)
    case = dossier.find("cases", det.get("case_id"))
    header: tuple[str, ...] = ()
    if case is not None:
        header += (
            f"{labels.text('doc.case_ref', ctx)}: {number_or_unassigned(case.get('case_no'), ctx)}",
        )
    person_rows = field_rows("persons", dossier.person, PERSON_SHORT, ctx)
    doc = document_line(dossier)
    if doc:
        person_rows += ((labels.text("doc.section.documents", ctx), doc),)
    courts = det.get("court_authorisations") or []
    measures = det.get("alternative_measures") or []
    content: list[blocks.Block] = [
        blocks.Heading(labels.text("doc.section.person", ctx)),
        blocks.Fields(person_rows),
        blocks.Heading(labels.text("doc.section.detention", ctx)),
        blocks.Fields(field_rows("detentions", det, DETENTION_FIELDS, ctx)),
    ]
    if det.get("reason_text"):
        content.append(blocks.Text(det["reason_text"]))
    if courts:
        court_keys = ("court", "decision_date", "authorised_until", "type")
        content += [
            blocks.Text(labels.field("detentions", "court_authorisations", ctx), bold=True),
            blocks.Table(
                tuple(labels.text(f"detentions.court_authorisations.{k}", ctx) for k in court_keys),
                tuple(
                    (
                        ref_label("court", c["court"]),
                        fmt_date(c["decision_date"]),
                        fmt_date(c["authorised_until"]),
                        ref_label("court_decision_type", c["type"]),
                    )
                    for c in courts
                ),
                widths(4, 2, 2, 2),
            ),
        ]
    if measures:
        measure_keys = ("measure", "date_from", "date_to")
        content += [
            blocks.Text(labels.field("detentions", "alternative_measures", ctx), bold=True),
            blocks.Table(
                tuple(
                    labels.text(f"detentions.alternative_measures.{k}", ctx) for k in measure_keys
                ),
                tuple(
                    (
                        ref_label("alternative_measure", m["measure"]),
                        fmt_date(m["date_from"]),
                        fmt_date(m.get("date_to")),
                    )
                    for m in measures
                ),
                widths(5, 2, 2),
            ),
        ]
    release = field_rows("detentions", det, RELEASE_FIELDS, ctx)
    if release:
        content += [blocks.Heading(labels.text("doc.section.release", ctx)), blocks.Fields(release)]
    content += [
        blocks.Heading(labels.text("doc.section.acknowledgment", ctx)),
        blocks.Text(labels.text("doc.detention_ack_text", ctx)),
        blocks.SignatureLines(
            (
                (labels.text("doc.person_signature", ctx), ""),
                (labels.text("doc.interpreter_signature", ctx), ""),
                (labels.text("doc.refused_to_sign", ctx), ""),
                (labels.text("doc.official_signature", ctx), det.get("detaining_official", "")),
            )
        ),
    ]
    return blocks.DocumentSpec(
        kind="detention_record",
        title=labels.text("doc.detention_record", ctx),
        record=PrintedRecord.of("detentions", det),
        header=header,
        blocks=tuple(content),
        provisional=provisional,
    )
