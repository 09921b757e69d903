"""Record schemas: the API contract shared by server, sync engine and desktop."""

from registry_core.records.base import LegalBasis, PartialDateParts, Record, parse_partial_date
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
from registry_core.records.collections import COLLECTIONS, CollectionSpec, spec_for
from registry_core.records.person import (
    Address,
    IdentityDocument,
    Nationality,
    OtherIdentity,
    Person,
)

__all__ = [
    "COLLECTIONS",
    "Address",
    "Appeal",
    "Case",
    "CollectionSpec",
    "Departure",
    "Detention",
    "DiscardedOp",
    "EntryBan",
    "IdentityDocument",
    "LegalBasis",
    "Nationality",
    "OtherIdentity",
    "PartialDateParts",
    "Person",
    "PrintJob",
    "Record",
    "ReturnDecision",
    "SisAlert",
    "Task",
    "parse_partial_date",
    "spec_for",
]
