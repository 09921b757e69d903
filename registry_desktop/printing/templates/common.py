"""Pieces shared by the templates: field rows, record tables, the person block, headers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from registry_core.records import COLLECTIONS
from registry_core.reference import find_item
from registry_core.reference import label as ref_label
from registry_desktop.printing import blocks, labels
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import Dossier, RecordDict
from registry_desktop.printing.layout import widths
from registry_desktop.printing.values import field_kind, fmt_date, fmt_field, fmt_partial_date

# A table column: (field name or computed key, relative width, optional computed value).
Column = tuple[str, float, Callable[[RecordDict], str] | None]

PERSON_FIELDS = (
    "surname_latin",
    "given_names_latin",
    "patronymic",
    "surname_native",
    "given_names_native",
    "name_reproduction_lv",
    "names_at_birth",
    "previous_surnames",
    "sex",
    "date_of_birth",
    "place_of_birth",
    "country_of_birth",
    "nationalities",
    "personal_code",
    "foreign_id_number",
    "ethnicity",
    "marital_status",
    "languages",
    "special_features",
    "warning_flags",
    "vulnerabilities",
    "unaccompanied_minor",
    "guardian",
)
# The decision forms show the person briefly (domain.md §10.1 item 2).
PERSON_SHORT = (
    "surname_latin",
    "given_names_latin",
    "date_of_birth",
    "nationalities",
    "personal_code",
)


def field_rows(
    collection: str, record: RecordDict, names: Sequence[str], ctx: PrintContext
) -> tuple[tuple[str, str], ...]:
    """Label/value rows for the filled fields; a False flag is a default and is left out."""
    model = COLLECTIONS[collection].model
    rows = []
    for name in names:
        if field_kind(model, name)[0] == "bool" and not record.get(name):
            continue
        value = fmt_field(collection, name, record)
        if value:
            rows.append((labels.field(collection, name, ctx), value))
    return tuple(rows)


def record_table(
    collection: str, records: Sequence[RecordDict], columns: Sequence[Column], ctx: PrintContext
) -> blocks.Table:
    header = tuple(labels.field(collection, key, ctx) for key, _, _ in columns)
    rows = tuple(
        tuple(
            compute(r) if compute else fmt_field(collection, key, r) for key, _, compute in columns
        )
        for r in records
    )
    return blocks.Table(
        header, rows, widths(*(w for _, w, _ in columns)), labels.text("doc.none", ctx)
    )


def person_name(person: RecordDict) -> str:
    return f"{person.get('surname_latin', '')}, {person.get('given_names_latin', '')}"


def person_block(
    dossier: Dossier,
    ctx: PrintContext,
    names: Sequence[str] = PERSON_FIELDS,
    *,
    photo: bool = False,
) -> blocks.Fields:
    rows = field_rows("persons", dossier.person, names, ctx)
    return blocks.Fields(rows, photo=labels.text("doc.photo", ctx) if photo else None)


def document_line(dossier: Dossier) -> str:
    """The person's current travel document in one line, for the decision forms."""
    docs = dossier.documents()
    if not docs:
        return ""
    d = docs[0]
    parts = [
        fmt_field("documents", "doc_type", d),
        d.get("series_and_number", ""),
        fmt_field("documents", "issuing_state", d),
    ]
    if d.get("valid_until"):
        parts.append(
            f"{labels.pair('documents.valid_until')[0].lower()} {fmt_date(d['valid_until'])}"
        )
    return ", ".join(p for p in parts if p)


def other_identities_table(person: RecordDict, ctx: PrintContext) -> blocks.Table:
    keys = ("surname", "given_names", "date_of_birth", "nationality", "source")
    header = tuple(labels.text(f"persons.other_identities.{k}", ctx) for k in keys)
    rows = tuple(
        (
            i.get("surname") or "",
            i.get("given_names") or "",
            fmt_partial_date(i.get("date_of_birth")),
            ref_label("country", i["nationality"]) if i.get("nationality") else "",
            i.get("source") or "",
        )
        for i in person.get("other_identities") or []
    )
    return blocks.Table(header, rows, widths(3, 3, 2, 3, 3), labels.text("doc.none", ctx))


def unit_city(unit: str | None) -> str:
    item = find_item("unit", unit) if unit else None
    city = item.extra.get("city") if item is not None else None
    return str(city) if city else ""


def institution_lines(institution: str, unit: str | None) -> tuple[str, ...]:
    """ "Valsts robežsardze (VRS)" and "Rīgas pārvalde, Rīga" (the unit with its city)."""
    lines = [ref_label("institution", institution)]
    if unit:
        city = unit_city(unit)
        lines.append(ref_label("unit", unit) + (f", {city}" if city else ""))
    return tuple(lines)


def number_or_unassigned(value: Any, ctx: PrintContext) -> str:
    return str(value) if value else labels.text("doc.not_assigned", ctx)
