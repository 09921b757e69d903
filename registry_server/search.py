"""Person search in the registry: names in any case, diacritics or script, dates of
birth (full or partial), personal codes and document numbers.

The index is a table of keys per person (`search_keys`), refreshed when a person or one
of their documents changes. Full person matching with transliteration variants and
scores (`POST /persons/match`) has its own module; this is the quick look-up behind the
search box.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from registry_core.names import search_tokens
from registry_core.records.base import format_partial_date, parse_partial_date
from registry_server.tables import records, search_keys

_CODE_RE = re.compile(r"^\d{6}-?\d{5}$")
_DOCNO_RE = re.compile(r"^(?=.*\d)[A-Z0-9<]{5,}$")


def person_keys(
    person: Mapping[str, Any], documents: Iterable[Mapping[str, Any]]
) -> list[tuple[str, str]]:
    """(key, kind) pairs under which a person can be found."""
    keys: dict[tuple[str, str], None] = {}
    names = [
        person.get("given_names_latin"),
        person.get("surname_latin"),
        person.get("patronymic"),
        person.get("given_names_native"),
        person.get("surname_native"),
        person.get("name_reproduction_lv"),
        *(person.get("names_at_birth") or []),
        *(person.get("previous_surnames") or []),
    ]
    for other in person.get("other_identities") or []:
        names += [other.get("given_names"), other.get("surname")]
    for token in search_tokens(*names):
        keys[(token[:200], "name")] = None
    dob = person.get("date_of_birth")
    if dob:
        keys[(str(dob), "dob")] = None
    code = person.get("personal_code")
    if code:
        keys[(str(code).replace("-", ""), "code")] = None
    if person.get("foreign_id_number"):
        keys[(_docno(str(person["foreign_id_number"])), "doc")] = None
    for doc in documents:
        number = doc.get("series_and_number")
        if number:
            keys[(_docno(str(number)), "doc")] = None
    return list(keys)


def _docno(text: str) -> str:
    return re.sub(r"[\s\-]", "", text).upper()


def parse_query(q: str) -> list[tuple[str, str, bool]]:
    """Split a query into (kind, key, prefix) conditions, all of which must hold."""
    conditions: list[tuple[str, str, bool]] = []
    words = q.split()
    rest: list[str] = []
    for word in words:
        compact = word.strip(",;")
        if _CODE_RE.match(compact):
            conditions.append(("code", compact.replace("-", ""), False))
            continue
        try:
            if re.match(r"^[\d.\-]+$", compact) and any(ch.isdigit() for ch in compact):
                parts = parse_partial_date(compact)
                conditions.append(("dob", format_partial_date(parts), True))
                continue
        except ValueError:
            pass
        if _DOCNO_RE.match(_docno(compact)):
            conditions.append(("doc", _docno(compact), False))
            continue
        rest.append(compact)
    for token in search_tokens(" ".join(rest)):
        conditions.append(("name", token, True))
    return conditions


def search_person_ids(conn: Connection, q: str, limit: int = 50) -> list[str]:
    conditions = parse_query(q)
    if not conditions:
        return []
    subs = []
    for kind, key, prefix in conditions:
        match = (
            search_keys.c.key.startswith(key, autoescape=True)
            if prefix
            else search_keys.c.key == key
        )
        # A document number may also have been typed where a personal code was meant.
        kinds = ("doc", "code") if kind == "doc" else (kind,)
        subs.append(sa.select(search_keys.c.person_id).where(search_keys.c.kind.in_(kinds), match))
    query = subs[0] if len(subs) == 1 else sa.intersect(*subs)
    ids = [row[0] for row in conn.execute(query.limit(limit))]
    return ids


def load_persons(conn: Connection, ids: list[str]) -> list[dict[str, Any]]:
    if not ids:
        return []
    rows = conn.execute(
        sa.select(records).where(
            records.c.id.in_(ids), records.c.collection == "persons", records.c.deleted.is_(False)
        )
    )
    by_id = {row.id: row for row in rows}
    out = []
    for pid in ids:
        row = by_id.get(pid)
        if row is None:
            continue
        out.append(
            {
                **row.data,
                "id": row.id,
                "version": row.version,
                "deleted": row.deleted,
                "updated_at": row.updated_at.isoformat(),
            }
        )
    return out
