"""Departure order and forced-removal decision (domain.md §10.1): the decision the person signs."""

from __future__ import annotations

from registry_desktop.printing import blocks, labels, operative_text
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, PrintedRecord, RecordDict
from registry_desktop.printing.templates.common import (
    PERSON_SHORT,
    document_line,
    field_rows,
    institution_lines,
    number_or_unassigned,
    unit_city,
)
from registry_desktop.printing.templates.operative import numbered
from registry_desktop.printing.values import fmt_date, fmt_datetime, fmt_field

TITLES = {"departure_order": "doc.departure_order", "removal_decision": "doc.removal_decision"}
OFFICIAL_FIELDS = ("official", "official_position", "issuing_unit")
STATUS_FIELDS = ("status", "in_force_date", "suspended", "suspension_reason", "sis_return_alert_id")


def acknowledgment(decision: RecordDict, ctx: PrintContext, text_key: str) -> list[blocks.Block]:
    """The person's signature block, pre-filled with what the record already knows."""
    served = fmt_datetime(decision.get("served_at"))
    language = fmt_field("decisions", "translation_language", decision)
    interpreter = ", ".join(p for p in (decision.get("interpreter") or "", language) if p)
    return [
        blocks.Heading(labels.text("doc.section.acknowledgment", ctx)),
        blocks.Text(labels.text(text_key, ctx)),
        blocks.SignatureLines(
            (
                (labels.text("doc.person_signature", ctx), ""),
                (labels.text("doc.date_time", ctx), served),
                (labels.text("doc.interpreter_signature", ctx), interpreter),
                (labels.text("doc.refused_to_sign", ctx), decision.get("refusal_note") or ""),
                (labels.text("doc.explanation", ctx), decision.get("person_explanation") or ""),
            )
        ),
    ]


def build(
    dossier: Dossier, decision_id: str, ctx: PrintContext, *, provisional: bool | None = None
) -> blocks.DocumentSpec:
    d = dossier.get("decisions", decision_id)
    kind = d["decision_type"]
    if kind not in TITLES:
        raise ValueError(f"no printed form for decision type {kind!r}")
    person = dossier.person
    ban = dossier.find("entry-bans", d.get("entry_ban_id"))
    case = dossier.find("cases", d.get("case_id"))
    place = unit_city(d.get("issuing_unit"))
    header = (
        *institution_lines(d["issuing_institution"], d.get("issuing_unit")),
        f"{labels.field('decisions', 'decision_no', ctx)}: {number_or_unassigned(d.get('decision_no'), ctx)}",
        f"{labels.text('doc.date_place', ctx)}: {', '.join(p for p in (fmt_date(d['decision_date']), place) if p)}",
    )
    if case is not None:
        header += (
            f"{labels.text('doc.case_ref', ctx)}: {number_or_unassigned(case.get('case_no'), ctx)}",
        )
    person_rows = field_rows("persons", person, PERSON_SHORT, ctx)
    doc = document_line(dossier)
    if doc:
        person_rows += ((labels.text("doc.section.documents", ctx), doc),)

    def points(lang: operative_text.Lang) -> list[str]:
        if kind == "departure_order":
            return operative_text.departure_order(d, person, ban, lang)
        return operative_text.removal_decision(d, person, ban, lang)

    def appeal(lang: operative_text.Lang) -> list[str]:
        return operative_text.appeal_info(
            d["issuing_institution"], lang, removal=kind == "removal_decision"
        )

    content: list[blocks.Block] = [
        blocks.Heading(labels.text("doc.section.official", ctx)),
        blocks.Fields(
            field_rows("decisions", d, OFFICIAL_FIELDS, ctx)
            + field_rows("decisions", d, STATUS_FIELDS, ctx)
        ),
        blocks.Heading(labels.text("doc.section.person", ctx)),
        blocks.Fields(person_rows),
        blocks.Heading(labels.text("doc.section.facts", ctx)),
        blocks.Text(d["facts"]),
        blocks.Fields(field_rows("decisions", d, ("legal_basis",), ctx)),
        blocks.Heading(labels.text("doc.section.operative", ctx)),
        numbered(points, ctx),
        blocks.Heading(labels.text("doc.section.appeal_info", ctx)),
        numbered(appeal, ctx),
        blocks.Heading(labels.text("doc.section.signature", ctx)),
        blocks.SignatureLines(
            (
                (
                    labels.text("doc.official_signature", ctx),
                    f"{d['official']}"
                    + (f", {d['official_position']}" if d.get("official_position") else ""),
                ),
                (labels.text("doc.stamp", ctx), ""),
            )
        ),
        *acknowledgment(d, ctx, "doc.acknowledgment_text"),
    ]
    return blocks.DocumentSpec(
        kind=kind,
        title=labels.text(TITLES[kind], ctx),
        record=PrintedRecord.of("decisions", d),
        header=header,
        blocks=tuple(content),
        provisional=provisional,
    )
