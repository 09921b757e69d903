"""The record collections of the API (DESIGN.md §3) and what each one needs to know.

One table of facts used by the server (routing, validation, locks, dependencies), the
sync engine (which op depends on which) and the desktop (labels).
"""

from __future__ import annotations

from dataclasses import dataclass

from registry_core.records.base import Record
from registry_core.records.case import (
    Appeal,
    Case,
    Departure,
    Detention,
    DiscardedOp,
    EntryBan,
    PrintJob,
    ReturnDecision,
    SisAlert,
    Task,
)
from registry_core.records.person import Address, IdentityDocument, Person


@dataclass(frozen=True)
class CollectionSpec:
    name: str  # as in the URL: /api/v1/{name}/{id}
    model: type[Record]
    label_lv: str
    label_en: str
    # Fields that point at the record this one depends on (a decision on its case,
    # a case on its person), as {field: collection}.
    parents: tuple[tuple[str, str], ...] = ()
    # Server-allocated official number: (field, kind) — kind picks the number series.
    number_field: str | None = None
    # Every read of these is written to the audit log (DESIGN.md §3).
    audit_reads: bool = False


COLLECTIONS: dict[str, CollectionSpec] = {
    spec.name: spec
    for spec in (
        CollectionSpec("persons", Person, "Personas", "Persons", audit_reads=True),
        CollectionSpec(
            "documents",
            IdentityDocument,
            "Dokumenti",
            "Documents",
            parents=(("person_id", "persons"),),
            audit_reads=True,
        ),
        CollectionSpec(
            "addresses",
            Address,
            "Adreses",
            "Addresses",
            parents=(("person_id", "persons"),),
            audit_reads=True,
        ),
        CollectionSpec(
            "cases",
            Case,
            "Lietas",
            "Cases",
            parents=(("person_id", "persons"),),
            number_field="case_no",
            audit_reads=True,
        ),
        CollectionSpec(
            "detentions",
            Detention,
            "Aizturēšanas",
            "Detentions",
            parents=(("case_id", "cases"), ("person_id", "persons")),
            audit_reads=True,
        ),
        CollectionSpec(
            "decisions",
            ReturnDecision,
            "Lēmumi",
            "Decisions",
            parents=(("case_id", "cases"), ("person_id", "persons")),
            number_field="decision_no",
            audit_reads=True,
        ),
        CollectionSpec(
            "entry-bans",
            EntryBan,
            "Ieceļošanas aizliegumi",
            "Entry bans",
            parents=(("person_id", "persons"), ("case_id", "cases"), ("decision_id", "decisions")),
            audit_reads=True,
        ),
        CollectionSpec(
            "appeals",
            Appeal,
            "Apstrīdēšanas un pārsūdzības",
            "Challenges and appeals",
            parents=(
                ("case_id", "cases"),
                ("decision_id", "decisions"),
                ("entry_ban_id", "entry-bans"),
            ),
            audit_reads=True,
        ),
        CollectionSpec(
            "departures",
            Departure,
            "Izceļošanas un izraidīšanas",
            "Departures and removals",
            parents=(("case_id", "cases"), ("person_id", "persons"), ("decision_id", "decisions")),
            audit_reads=True,
        ),
        CollectionSpec(
            "sis-alerts",
            SisAlert,
            "SIS brīdinājumi",
            "SIS alerts",
            parents=(("person_id", "persons"), ("case_id", "cases")),
            audit_reads=True,
        ),
        CollectionSpec(
            "print-jobs",
            PrintJob,
            "Izdrukas",
            "Print log",
        ),
        CollectionSpec(
            "discarded-ops",
            DiscardedOp,
            "Atmestās izmaiņas",
            "Discarded changes",
        ),
        CollectionSpec(
            "tasks",
            Task,
            "Uzdevumi",
            "Tasks",
            parents=(("case_id", "cases"),),
        ),
    )
}


def spec_for(name: str) -> CollectionSpec | None:
    return COLLECTIONS.get(name)
