"""Lietas kartīte / case sheet (domain.md §10.3): a one- or two-page summary of one case."""

from __future__ import annotations

from registry_core.reference import label as ref_label
from registry_desktop.printing import blocks, labels
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, PrintedRecord, RecordDict
from registry_desktop.printing.templates.common import (
    Column,
    field_rows,
    number_or_unassigned,
    other_identities_table,
    person_block,
    record_table,
)
from registry_desktop.printing.values import fmt_date, fmt_duration, fmt_field

CASE_FIELDS = (
    "case_type",
    "owner_institution",
    "owner_unit",
    "detection_date",
    "detection_place",
    "detecting_unit",
    "illegal_stay_grounds",
    "legal_basis",
    "vd_deadline",
    "next_deadline",
    "responsible_officer",
)


def _court_lines(d: RecordDict) -> str:
    """One line per court authorisation: "Rīgas pilsētas tiesa 12.11.2026 – 12.01.2027"."""
    return "\n".join(
        f"{ref_label('court', c['court'])} {fmt_date(c['decision_date'])} – {fmt_date(c['authorised_until'])}"
        for c in d.get("court_authorisations") or []
    )


def _ban_start(b: RecordDict) -> str:
    return fmt_date(b.get("valid_from")) or labels.pair("doc.pending_departure")[0]


def _ban_end(b: RecordDict) -> str:
    if b.get("indefinite"):
        return labels.pair("doc.indefinite")[0]
    if b.get("valid_until"):
        return fmt_date(b["valid_until"])
    return fmt_duration(b.get("duration_years"), b.get("duration_months"))


def _escort(d: RecordDict) -> str:
    e = d.get("escort")
    if not e:
        return ""
    return ", ".join(str(p) for p in (e.get("count"), e.get("organisation"), e.get("leader")) if p)


def _place(d: RecordDict) -> str:
    return fmt_field("departures", "bcp", d) or d.get("foreign_airport") or ""


DOCUMENT_COLUMNS: tuple[Column, ...] = (
    ("doc_type", 3, None),
    ("series_and_number", 2.2, None),
    ("issuing_state", 2.5, None),
    ("issue_date", 1.6, None),
    ("valid_until", 1.6, None),
    ("doc_status", 1.8, None),
)
DETENTION_COLUMNS: tuple[Column, ...] = (
    ("detained_at", 1.8, None),
    ("place_of_detention", 3, None),
    ("detention_reason", 3, None),
    ("status", 1.8, None),
    ("court_authorisations", 3, _court_lines),
    ("released_at", 1.8, None),
)
DECISION_COLUMNS: tuple[Column, ...] = (
    ("decision_type", 2.6, None),
    ("decision_no", 2, None),
    ("decision_date", 1.5, None),
    ("status", 1.6, None),
    ("served_at", 1.8, None),
    ("vd_deadline", 1.5, None),
    ("destination_country", 2, None),
)
APPEAL_COLUMNS: tuple[Column, ...] = (
    ("kind", 3, None),
    ("filed_date", 1.5, None),
    ("suspensive", 1.3, None),
    ("interim_relief", 1.8, None),
    ("outcome", 1.8, None),
    ("outcome_date", 1.5, None),
)
BAN_COLUMNS: tuple[Column, ...] = (
    ("ban_decision_date", 1.5, None),
    ("valid_from", 1.8, _ban_start),
    ("valid_until", 1.8, _ban_end),
    ("territorial_scope", 2, None),
    ("decision_maker", 3, None),
    ("status", 1.5, None),
)
DEPARTURE_COLUMNS: tuple[Column, ...] = (
    ("exit_at", 1.8, None),
    ("exit_type", 2.6, None),
    ("bcp", 2, _place),
    ("destination_country", 2, None),
    ("transport_mode", 1.4, None),
    ("escort", 2.4, _escort),
    ("aborted_reason", 2, None),
)
SIS_COLUMNS: tuple[Column, ...] = (
    ("alert_type", 2.5, None),
    ("national_alert_id", 3, None),
    ("entered_at", 1.5, None),
    ("status", 1.5, None),
    ("deleted_at", 1.5, None),
    ("deletion_reason", 3, None),
)


def build(
    dossier: Dossier, case_id: str, ctx: PrintContext, *, provisional: bool | None = None
) -> blocks.DocumentSpec:
    case = dossier.get("cases", case_id)
    cid = str(case["id"])
    status = fmt_field("cases", "status", case)
    header = (
        f"{labels.field('cases', 'case_no', ctx)}: {number_or_unassigned(case.get('case_no'), ctx)}",
        f"{labels.field('cases', 'status', ctx)}: {status}",
    )
    person = dossier.person
    content: list[blocks.Block] = [
        blocks.Heading(labels.text("doc.section.case", ctx)),
        blocks.Fields(field_rows("cases", case, CASE_FIELDS, ctx)),
        blocks.Heading(labels.text("doc.section.person", ctx)),
        person_block(dossier, ctx, photo=True),
    ]
    if person.get("other_identities"):
        content += [
            blocks.Text(labels.field("persons", "other_identities", ctx), bold=True),
            other_identities_table(person, ctx),
        ]
    sections: tuple[tuple[str, str, list[RecordDict], tuple[Column, ...]], ...] = (
        ("doc.section.documents", "documents", dossier.documents(), DOCUMENT_COLUMNS),
        (
            "doc.section.detentions",
            "detentions",
            dossier.for_case("detentions", cid, sort_key="detained_at"),
            DETENTION_COLUMNS,
        ),
        (
            "doc.section.decisions",
            "decisions",
            dossier.for_case("decisions", cid, sort_key="decision_date"),
            DECISION_COLUMNS,
        ),
        (
            "doc.section.appeals",
            "appeals",
            dossier.for_case("appeals", cid, sort_key="filed_date"),
            APPEAL_COLUMNS,
        ),
        (
            "doc.section.entry_bans",
            "entry-bans",
            dossier.for_case("entry-bans", cid, sort_key="ban_decision_date"),
            BAN_COLUMNS,
        ),
        (
            "doc.section.departures",
            "departures",
            dossier.for_case("departures", cid, sort_key="exit_at"),
            DEPARTURE_COLUMNS,
        ),
        (
            "doc.section.sis_alerts",
            "sis-alerts",
            dossier.for_case("sis-alerts", cid, sort_key="entered_at"),
            SIS_COLUMNS,
        ),
    )
    for heading, collection, records, columns in sections:
        content += [
            blocks.Heading(labels.text(heading, ctx)),
            record_table(collection, records, columns, ctx),
        ]
    content.append(
        blocks.SignatureLines(
            (
                (
                    labels.field("cases", "responsible_officer", ctx),
                    case.get("responsible_officer", ""),
                ),
            )
        )
    )
    return blocks.DocumentSpec(
        kind="case_sheet",
        title=labels.text("doc.case_sheet", ctx),
        record=PrintedRecord.of("cases", case),
        header=header,
        blocks=tuple(content),
        provisional=provisional,
    )
