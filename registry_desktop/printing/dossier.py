"""Reading a person's dossier (`GET /persons/{id}/dossier`) as the templates need it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

RecordDict = Mapping[str, Any]


class RecordNotFound(LookupError):
    """The id asked for is not in the dossier (or not readable for the caller's role)."""


@dataclass(frozen=True)
class PrintedRecord:
    """Which record (and which version of it) a printed document shows: QR code and audit."""

    collection: str
    id: str
    version: int

    @classmethod
    def of(cls, collection: str, record: RecordDict) -> PrintedRecord:
        return cls(collection, str(record["id"]), int(record.get("version") or 0))


class Dossier:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.person: RecordDict = data["person"]
        self._related: Mapping[str, Sequence[RecordDict]] = data.get("related", {})

    def all(self, collection: str) -> list[RecordDict]:
        return [r for r in self._related.get(collection, ()) if not r.get("deleted")]

    def get(self, collection: str, record_id: str) -> RecordDict:
        for record in self._related.get(collection, ()):
            if str(record["id"]) == str(record_id):
                return record
        raise RecordNotFound(f"{collection}/{record_id}")

    def find(self, collection: str, record_id: Any) -> RecordDict | None:
        if record_id is None:
            return None
        try:
            return self.get(collection, str(record_id))
        except RecordNotFound:
            return None

    def for_case(
        self, collection: str, case_id: str, *, sort_key: str | None = None
    ) -> list[RecordDict]:
        """Records of `collection` on the case (entry bans and SIS alerts may hang on a decision)."""
        decision_ids = {
            str(d["id"])
            for d in self._related.get("decisions", ())
            if str(d.get("case_id")) == case_id
        }
        out = [
            r
            for r in self.all(collection)
            if str(r.get("case_id")) == case_id or str(r.get("decision_id")) in decision_ids
        ]
        if sort_key:
            out.sort(key=lambda r: str(r.get(sort_key) or ""))
        return out

    def documents(self) -> list[RecordDict]:
        return sorted(
            self.all("documents"), key=lambda r: str(r.get("valid_until") or ""), reverse=True
        )
