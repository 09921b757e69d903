"""What the one search box accepts, split into keys.

A name in any script or spelling, a full or partial date of birth (dd.mm.yyyy, mm.yyyy,
yyyy, ISO yyyy-mm-dd / yyyy-mm), a document number, a Latvian personal code, or a pasted
MRZ (two or three lines, or joined by a scanner). All the keys of one query must hold,
except for an MRZ, which finds the document number OR the holder's name with the date of
birth.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from registry_core.identifiers.mrz import MrzResult, parse_mrz
from registry_core.messages import DomainError
from registry_core.names import search_tokens
from registry_core.records.base import format_partial_date, parse_partial_date

_CODE = re.compile(r"^\d{6}-?\d{5}$")
_DATE_LIKE = re.compile(r"^\d{1,4}([.\-/]\d{1,4}){0,2}$|^\d{8}$")
_DATE_SHAPED = re.compile(r"^\d{1,2}[./]\d{1,2}[./]\d{4}$|^\d{4}-\d{1,2}(-\d{1,2})?$")
_DOCNO = re.compile(r"^(?=.*\d)[A-Z0-9<]{5,}$")
_MRZ_LINE = re.compile(r"^[A-Z0-9<]{30,}$")


@dataclass(frozen=True)
class Query:
    names: list[str] = field(default_factory=list)  # folded tokens (registry_core.names)
    dob: str | None = None  # ISO prefix: "1991", "1991-03", "1991-03-14"
    document_numbers: list[str] = field(default_factory=list)  # upper, no spaces/hyphens
    personal_codes: list[str] = field(default_factory=list)  # 11 digits, no hyphen
    mrz: MrzResult | None = None
    # Words that look like a date but are none (31.02.1991): nothing can match them.
    invalid: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.names or self.dob or self.document_numbers or self.personal_codes or self.mrz
        )


def normalize_document_number(text: str) -> str:
    return re.sub(r"[\s\-/.]", "", text).upper()


def _parse_mrz(q: str) -> MrzResult | None:
    lines = [re.sub(r"\s", "", line).upper() for line in q.strip().splitlines() if line.strip()]
    if not lines or not all(_MRZ_LINE.match(line) for line in lines) or "<" not in q:
        return None
    try:
        return parse_mrz("\n".join(lines), field=None)
    except DomainError:
        return None


def _date(word: str) -> str | None:
    if not _DATE_LIKE.match(word):
        return None
    try:
        return format_partial_date(parse_partial_date(word.replace("/", ".")))
    except (DomainError, ValueError):
        return None


def parse_query(q: str) -> Query:
    """Split the search box's text into the keys the store and the registry look up."""
    mrz = _parse_mrz(q)
    if mrz is not None:
        return Query(
            names=search_tokens(mrz.surname, mrz.given_names),
            dob=mrz.birth_date.isoformat() if mrz.birth_date else None,
            document_numbers=[mrz.document_number] if mrz.document_number else [],
            mrz=mrz,
        )
    names: list[str] = []
    dob: str | None = None
    docs: list[str] = []
    codes: list[str] = []
    invalid: list[str] = []
    for raw in q.split():
        word = raw.strip(",;")
        if not word:
            continue
        if _CODE.match(word):
            codes.append(word.replace("-", ""))
            continue
        as_date = _date(word)
        if as_date is not None and dob is None:
            dob = as_date
            continue
        if as_date is None and _DATE_SHAPED.match(word):
            invalid.append(word)
            continue
        compact = normalize_document_number(word)
        if _DOCNO.match(compact):
            docs.append(compact)
            continue
        names.append(word)
    return Query(
        names=search_tokens(" ".join(names)),
        dob=dob,
        document_numbers=docs,
        personal_codes=codes,
        invalid=invalid,
    )


def registry_queries(query: Query, original: str) -> list[str]:
    """The texts to send to the registry's search for this query (merge the answers).

    The registry understands names, dates, codes and document numbers itself; an MRZ
    becomes two look-ups: its document number, and the holder's surname with the birth
    date (the given names would narrow the same hit; the registry's quick search currently
    fails on three or more keys, see the data layer's report).
    """
    if query.mrz is None:
        text = " ".join(original.split())
        return [text] if text else []
    out = list(query.document_numbers)
    surname = search_tokens(query.mrz.surname)
    if surname and query.dob:
        out.append(" ".join([surname[0], query.dob]))
    return out
