"""Lēmums par ieceļošanas aizliegumu / entry-ban decision (domain.md §4.7)."""

from __future__ import annotations

from registry_desktop.printing import blocks, labels, operative_text
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, PrintedRecord, RecordDict
from registry_desktop.printing.templates.common import (
    PERSON_SHORT,
    document_line,
    field_rows,
    number_or_unassigned,
)
from registry_desktop.printing.templates.operative import numbered
from registry_desktop.printing.values import fmt_date, fmt_duration

BAN_FIELDS = (
    "decision_maker",
    "legal_basis",
    "violation_date",
    "violation_place",
    "territorial_scope",
    "appealable",
    "status",
    "sis_refusal_alert_id",
    "sis_entered_at",
)
# Who answers a challenge of an appealable ban, by decision maker (ministers: the court).
_INSTITUTION_OF = {"pmlp_head": "PMLP", "vrs_head": "VRS"}


def _terms(ban: RecordDict, ctx: PrintContext) -> tuple[tuple[str, str], ...]:
    start = fmt_date(ban.get("valid_from")) or labels.pair("doc.pending_departure")[0]
    if ban.get("indefinite"):
        end = labels.pair("doc.indefinite")[0]
    else:
        end = fmt_date(ban.get("valid_until"))
    duration = fmt_duration(ban.get("duration_years"), ban.get("duration_months"))
    return tuple(
        (labels.field("entry-bans", key, ctx), value)
        for key, value in (("valid_from", start), ("duration", duration), ("valid_until", end))
        if value
    )


def build(
    dossier: Dossier, ban_id: str, ctx: PrintContext, *, provisional: bool | None = None
) -> blocks.DocumentSpec:
    ban = dossier.get("entry-bans", ban_id)
    person = dossier.person
    case = dossier.find("cases", ban.get("case_id"))
    header: tuple[str, ...] = (
        f"{labels.field('entry-bans', 'ban_decision_date', ctx)}: {fmt_date(ban['ban_decision_date'])}",
    )
    if case is not None:
        header += (
            f"{labels.text('doc.case_ref', ctx)}: {number_or_unassigned(case.get('case_no'), ctx)}",
        )
    person_rows = field_rows("persons", person, PERSON_SHORT, ctx)
    doc = document_line(dossier)
    if doc:
        person_rows += ((labels.text("doc.section.documents", ctx), doc),)
    grounds: list[blocks.Block] = []
    if ban.get("reasons_restricted"):
        # Classified reasons never reach paper; the form says that they exist.
        grounds.append(blocks.Text(labels.text("doc.restricted", ctx)))
    content: list[blocks.Block] = [
        blocks.Heading(labels.text("doc.section.person", ctx)),
        blocks.Fields(person_rows),
        blocks.Heading(labels.text("doc.section.facts", ctx)),
        *grounds,
        blocks.Fields(field_rows("entry-bans", ban, BAN_FIELDS, ctx)),
        blocks.Heading(labels.text("doc.section.ban_terms", ctx)),
        blocks.Fields(_terms(ban, ctx)),
        blocks.Heading(labels.text("doc.section.operative", ctx)),
        numbered(lambda lang: operative_text.entry_ban_decision(ban, person, lang), ctx),
    ]
    institution = _INSTITUTION_OF.get(ban["decision_maker"])
    if ban.get("appealable") and institution:
        content += [
            blocks.Heading(labels.text("doc.section.appeal_info", ctx)),
            numbered(
                lambda lang: operative_text.appeal_info(institution, lang, removal=False), ctx
            ),
        ]
    content += [
        blocks.Heading(labels.text("doc.section.signature", ctx)),
        blocks.SignatureLines(
            ((labels.text("doc.official_signature", ctx), ""), (labels.text("doc.stamp", ctx), ""))
        ),
        blocks.Heading(labels.text("doc.section.acknowledgment", ctx)),
        blocks.Text(labels.text("doc.acknowledgment_text", ctx)),
        blocks.SignatureLines(
            (
                (labels.text("doc.person_signature", ctx), ""),
                (labels.text("doc.date_time", ctx), ""),
                (labels.text("doc.interpreter_signature", ctx), ""),
                (labels.text("doc.refused_to_sign", ctx), ""),
            )
        ),
    ]
    return blocks.DocumentSpec(
        kind="entry_ban_decision",
        title=labels.text("doc.entry_ban_decision", ctx),
        record=PrintedRecord.of("entry-bans", ban),
        header=header,
        blocks=tuple(content),
        provisional=provisional,
    )
