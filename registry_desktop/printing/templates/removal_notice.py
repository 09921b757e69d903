"""Paziņojums par plānoto izraidīšanu / notice of planned removal (domain.md §10.2)."""

from __future__ import annotations

from registry_desktop.printing import blocks, labels, operative_text
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, PrintedRecord
from registry_desktop.printing.templates.common import (
    PERSON_SHORT,
    document_line,
    field_rows,
    number_or_unassigned,
)
from registry_desktop.printing.templates.operative import numbered
from registry_desktop.printing.values import fmt_datetime, fmt_field

DEPARTURE_FIELDS = (
    "exit_at",
    "exit_type",
    "bcp",
    "foreign_airport",
    "transport_mode",
    "destination_country",
    "travel_doc_used",
    "notice_given_at",
    "notice_short_reason",
)


def build(
    dossier: Dossier, departure_id: str, ctx: PrintContext, *, provisional: bool | None = None
) -> blocks.DocumentSpec:
    dep = dossier.get("departures", departure_id)
    decision = dossier.find("decisions", dep.get("decision_id"))
    case = dossier.find("cases", dep.get("case_id"))
    header: tuple[str, ...] = ()
    if case is not None:
        header += (
            f"{labels.text('doc.case_ref', ctx)}: {number_or_unassigned(case.get('case_no'), ctx)}",
        )
    if decision is not None:
        ref = ", ".join(
            p
            for p in (
                fmt_field("decisions", "decision_type", decision),
                decision.get("decision_no") or "",
                fmt_field("decisions", "decision_date", decision),
            )
            if p
        )
        header += (f"{labels.text('doc.decision_ref', ctx)}: {ref}",)
    person_rows = field_rows("persons", dossier.person, PERSON_SHORT, ctx)
    doc = document_line(dossier)
    if doc:
        person_rows += ((labels.text("doc.section.documents", ctx), doc),)
    language = ""
    if decision is not None and decision.get("translation_language"):
        language = fmt_field("decisions", "translation_language", decision)
    content: list[blocks.Block] = [
        blocks.Heading(labels.text("doc.section.person", ctx)),
        blocks.Fields(person_rows),
        blocks.Heading(labels.text("doc.section.removal", ctx)),
        blocks.Fields(field_rows("departures", dep, DEPARTURE_FIELDS, ctx)),
        numbered(lambda lang: operative_text.removal_notice(dep, lang), ctx),
        blocks.Text(labels.text("doc.notice_rules", ctx)),
        blocks.Heading(labels.text("doc.section.acknowledgment", ctx)),
        blocks.Text(labels.text("doc.notice_ack_text", ctx)),
        blocks.SignatureLines(
            (
                (labels.text("doc.person_signature", ctx), ""),
                (labels.text("doc.date_time", ctx), fmt_datetime(dep.get("notice_given_at"))),
                (labels.text("doc.language_used", ctx), language),
                (labels.text("doc.interpreter_signature", ctx), ""),
                (labels.text("doc.refused_to_sign", ctx), ""),
                (labels.text("doc.official_signature", ctx), ""),
            )
        ),
    ]
    return blocks.DocumentSpec(
        kind="removal_notice",
        title=labels.text("doc.removal_notice", ctx),
        record=PrintedRecord.of("departures", dep),
        header=header,
        blocks=tuple(content),
        provisional=provisional,
    )
