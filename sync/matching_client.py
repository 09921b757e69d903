"""Duplicate check before a new person is saved (issue 5, item 4): the candidates.

Two sources, one scale:

- **local cache**: the `LocalStore`'s person index is searched by every key the typed
  person has (personal code, document and foreign identity numbers, each spelling of the
  name with the date of birth, the surname or the given names alone with the date, the
  name alone, the date alone); every person found is scored with
  `registry_core.matching.score_pair` — the scorer the registry's `POST /persons/match`
  uses — so the score and the reasons mean the same wherever they come from;
- **registry** (when online): `ApiClient.match_persons`, the registry's own blocking
  index over every active person.

`merge_candidates` keeps one row per person: the registry's answer wins (it is newer and
scored over the whole registry), the local copy adds the documents the registry's answer
does not carry. No Qt here: the desktop runs `local_candidates` on its DB thread and
`registry_candidates` on its HTTP pool (`registry_desktop.formkit.duplicate_check`).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy.engine import Connection

from registry_core.matching import MATCH_THRESHOLD, Prepared, parse_dob, prepare, score_pair
from registry_core.matching.scorer import offset_for
from registry_core.messages import text
from registry_core.names import search_tokens
from sync.query import Query, normalize_document_number
from sync.store import LocalStore
from sync.store_search import find_rids

__all__ = [
    "MIN_SCORE",
    "THRESHOLD",
    "Candidate",
    "MatchReason",
    "MatchReport",
    "cache_age",
    "documents_of",
    "find_candidates",
    "local_candidates",
    "match_body",
    "merge_candidates",
    "query_documents",
    "registry_candidates",
]

MIN_SCORE = 0.3  # listed in the dialog (the registry's default `min_score`)
THRESHOLD = MATCH_THRESHOLD  # 0.5: at least one candidate this high opens the dialog
_PER_KEY = 50  # persons taken from the cache per look-up key
_SEX = frozenset({"M", "F", "X", "U"})
_COUNTRY = re.compile(r"^[A-Za-z]{3}$")

Source = Literal["local", "registry"]


@dataclass(frozen=True)
class MatchReason:
    """One piece of evidence, in both languages (as the registry sends it)."""

    code: str
    lv: str
    en: str
    weight: float

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.lv


@dataclass(frozen=True)
class Candidate:
    """A person who may be the one being entered.

    `sources` is ("local",), ("registry",) or ("registry", "local"); `fetched_at` is when
    the data shown was fetched (the registry's answer: now; the cache: its copy's age).
    `documents` are the person's identity documents known here (dicts with
    `series_and_number`, `issuing_state`, `doc_type`).
    """

    person: dict[str, Any]
    score: float
    reasons: tuple[MatchReason, ...]
    sources: tuple[Source, ...]
    fetched_at: datetime | None
    documents: tuple[dict[str, Any], ...] = ()

    @property
    def id(self) -> str:
        return str(self.person.get("id") or "")

    @property
    def source(self) -> Source:
        return "registry" if "registry" in self.sources else "local"

    def reason_texts(self, lang: str) -> list[str]:
        return [r.text(lang) for r in self.reasons]


@dataclass(frozen=True)
class MatchReport:
    """What the duplicate check found and where it looked.

    `consulted`: the sources that answered. `local_error` / `registry_error`: why a
    source did not answer (None when it did, or was not asked). `registry_asked` is False
    when offline (or when the person has nothing the registry can look up by).
    `cache_age`: when the local cache was last brought up to date (None: never).
    """

    candidates: list[Candidate] = field(default_factory=list)
    consulted: tuple[Source, ...] = ()
    registry_asked: bool = False
    local_error: BaseException | None = None
    registry_error: BaseException | None = None
    cache_age: datetime | None = None

    def above(self, threshold: float = THRESHOLD) -> list[Candidate]:
        return [c for c in self.candidates if c.score >= threshold]

    @property
    def checked(self) -> bool:
        """True when at least one source answered."""
        return bool(self.consulted)


# ----------------------------------------------------------------------------- the query


def _text(value: Any) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def query_documents(
    values: Mapping[str, Any], documents: Iterable[Mapping[str, Any]] = ()
) -> list[dict[str, Any]]:
    """The typed person's documents: `documents` given (e.g. the MRZ field's) plus any
    `documents` list or `document` dict in the form values; numbers normalised."""
    found: list[dict[str, Any]] = []
    extra = values.get("documents")
    single = values.get("document")
    pool: list[Any] = [*documents]
    if isinstance(extra, list):
        pool += extra
    if isinstance(single, Mapping):
        pool.append(single)
    seen: set[str] = set()
    for doc in pool:
        if not isinstance(doc, Mapping):
            continue
        number = _text(doc.get("series_and_number") or doc.get("number"))
        if not number:
            continue
        number = normalize_document_number(number)
        if number in seen:
            continue
        seen.add(number)
        state = _text(doc.get("issuing_state"))
        found.append(
            {
                "series_and_number": number,
                "issuing_state": state.upper() if state and _COUNTRY.match(state) else None,
                "doc_type": doc.get("doc_type"),
            }
        )
    return found


def _nationality_codes(values: Mapping[str, Any]) -> list[str]:
    codes: list[str] = []
    for nat in values.get("nationalities") or []:
        code = nat.get("country") if isinstance(nat, Mapping) else nat
        if isinstance(code, str) and _COUNTRY.match(code.strip()):
            upper = code.strip().upper()
            if upper not in codes:
                codes.append(upper)
    return codes


def _uuid(value: Any) -> str | None:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        return None


def match_body(
    values: Mapping[str, Any],
    documents: Iterable[Mapping[str, Any]] = (),
    *,
    exclude_ids: Iterable[str] = (),
    limit: int = 20,
    min_score: float = MIN_SCORE,
) -> dict[str, Any] | None:
    """The body of `POST /persons/match` for the person as typed (form values with the
    `Person` field names); None when it has nothing the registry can look up by."""
    body: dict[str, Any] = {}
    for source, target in (
        ("given_names_latin", "given_names"),
        ("surname_latin", "surname"),
        ("patronymic", "patronymic"),
        ("given_names_native", "given_names_native"),
        ("surname_native", "surname_native"),
        ("name_reproduction_lv", "name_reproduction_lv"),
        ("place_of_birth", "place_of_birth"),
    ):
        value = _text(values.get(source))
        if value:
            body[target] = value[:200]
    previous = [v[:200] for v in (_text(p) for p in values.get("previous_surnames") or []) if v]
    if previous:
        body["previous_surnames"] = previous[:20]
    dob = _text(values.get("date_of_birth"))
    if dob and parse_dob(dob) is not None:
        body["date_of_birth"] = dob
    sex = _text(values.get("sex"))
    if sex and sex.upper() in _SEX:
        body["sex"] = sex.upper()
    nationalities = _nationality_codes(values)
    if nationalities:
        body["nationalities"] = nationalities[:10]
    docs = [
        {"number": d["series_and_number"][:40], **({"issuing_state": d["issuing_state"]}
                                                     if d["issuing_state"] else {})}
        for d in query_documents(values, documents)
    ][:20]  # fmt: skip
    if docs:
        body["documents"] = docs
    code = _text(values.get("personal_code"))
    if code:
        body["personal_code"] = code[:20]
    foreign = _text(values.get("foreign_id_number"))
    if foreign:
        body["foreign_id_number"] = foreign[:40]
    if not (
        body.get("surname") or body.get("surname_native") or body.get("name_reproduction_lv")
        or docs or code or foreign
    ):  # fmt: skip
        return None
    excluded = [u for u in (_uuid(i) for i in exclude_ids) if u]
    if excluded:
        body["exclude_ids"] = excluded[:50]
    body["limit"] = max(1, min(100, int(limit)))
    body["min_score"] = max(0.0, min(1.0, float(min_score)))
    return body


def _query_person(values: Mapping[str, Any], documents: Sequence[Mapping[str, Any]]) -> Prepared:
    data = {k: v for k, v in values.items() if k not in ("id", "documents", "document")}
    if parse_dob(data.get("date_of_birth")) is None:
        data.pop("date_of_birth", None)
    return prepare(data, documents, record_id="")


# ------------------------------------------------------------------------- local cache


def _lookups(values: Mapping[str, Any], documents: Sequence[Mapping[str, Any]]) -> list[Query]:
    """Every look-up of the cache's index the typed person allows."""
    queries: list[Query] = []
    code = _text(values.get("personal_code"))
    if code:
        digits = re.sub(r"\D", "", code)
        if len(digits) == 11:
            queries.append(Query(personal_codes=[digits]))
    numbers = [d["series_and_number"] for d in documents]
    foreign = _text(values.get("foreign_id_number"))
    if foreign:
        numbers.append(normalize_document_number(foreign))
    for number in numbers:
        if len(number) >= 4:
            queries.append(Query(document_numbers=[number]))

    dob_value = parse_dob(values.get("date_of_birth"))
    dobs: list[str] = []
    year: str | None = None
    if dob_value is not None:
        year = f"{dob_value.year:04d}"
        if dob_value.month and dob_value.day:
            dobs.append(f"{year}-{dob_value.month:02d}-{dob_value.day:02d}")
            if dob_value.day <= 12 and dob_value.day != dob_value.month:
                dobs.append(f"{year}-{dob_value.day:02d}-{dob_value.month:02d}")
        elif dob_value.month:
            dobs.append(f"{year}-{dob_value.month:02d}")
        else:
            dobs.append(year)

    surname_sets = [
        search_tokens(_text(values.get("surname_latin"))),
        search_tokens(_text(values.get("surname_native"))),
        *(search_tokens(_text(p)) for p in values.get("previous_surnames") or []),
    ]
    given_sets = [
        search_tokens(_text(values.get("given_names_latin"))),
        search_tokens(_text(values.get("given_names_native"))),
    ]
    full_sets = [
        search_tokens(_text(values.get("given_names_latin")), _text(values.get("surname_latin"))),
        search_tokens(_text(values.get("given_names_native")), _text(values.get("surname_native"))),
        search_tokens(_text(values.get("name_reproduction_lv"))),
    ]
    surname_sets = [s for s in surname_sets if s]
    given_sets = [g for g in given_sets if g]
    full_sets = [f for f in full_sets if f]

    for names in full_sets:
        for dob in dobs:
            queries.append(Query(names=names, dob=dob))
        if year and year not in dobs:
            queries.append(Query(names=names, dob=year))  # a slip in day or month
        queries.append(Query(names=names))  # a slip in the date, or no date
    for names in surname_sets + given_sets:
        for dob in dobs:
            queries.append(Query(names=names, dob=dob))  # the other name changed
    for names in surname_sets:
        queries.append(Query(names=names))  # a slip in the given name and in the date
    for dob in dobs:
        if len(dob) == 10:
            queries.append(Query(dob=dob))  # a full date holds few persons: score them all
    return queries


def _store_rids(conn: Connection, queries: list[Query], limit: int) -> list[int]:
    rids: dict[int, None] = {}
    for query in queries:
        for rid in find_rids(conn, query, limit):
            rids.setdefault(rid, None)
    return list(rids)


def _parse_time(value: Any) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _documents_in(conn: Connection, person_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        for row in conn.exec_driver_sql(
            f"SELECT person_id, data FROM records WHERE collection = 'documents' "
            f"AND deleted = 0 AND person_id IN ({marks}) ORDER BY rid",
            tuple(chunk),
        ):
            out.setdefault(str(row[0]), []).append(json.loads(row[1]))
    return out


def _doc_summary(doc: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "series_and_number": doc.get("series_and_number"),
        "issuing_state": doc.get("issuing_state"),
        "doc_type": doc.get("doc_type"),
    }


def _reasons(result_reasons: Iterable[Any]) -> tuple[MatchReason, ...]:
    out: list[MatchReason] = []
    for r in result_reasons:
        if isinstance(r, Mapping):
            code = str(r.get("code") or "")
            out.append(
                MatchReason(
                    code,
                    str(r.get("lv") or text(code, "lv")),
                    str(r.get("en") or text(code, "en")),
                    float(r.get("weight") or 0.0),
                )
            )
        else:  # registry_core.matching.Reason
            out.append(
                MatchReason(r.code, text(r.code, "lv"), text(r.code, "en"), round(r.points, 2))
            )
    return tuple(out)


def local_candidates(
    store: LocalStore,
    values: Mapping[str, Any],
    documents: Iterable[Mapping[str, Any]] = (),
    *,
    exclude_ids: Iterable[str] = (),
    limit: int = 20,
    min_score: float = MIN_SCORE,
) -> list[Candidate]:
    """Persons in the local cache (registry copies and this officer's pending records)
    who may be the typed person, scored by `score_pair`, best first. DB thread only."""
    docs = query_documents(values, documents)
    query = _query_person(values, docs)
    lookups = _lookups(values, docs)
    excluded = {str(i) for i in exclude_ids}
    if not lookups:
        return []

    def read(conn: Connection) -> list[Candidate]:
        rids = _store_rids(conn, lookups, _PER_KEY)
        if not rids:
            return []
        rows = conn.exec_driver_sql(
            f"SELECT id, data, fetched_at FROM records WHERE collection = 'persons' "
            f"AND deleted = 0 AND rid IN ({','.join(str(int(r)) for r in rids)})"
        ).all()
        persons = [(json.loads(r[1]), _parse_time(r[2])) for r in rows if str(r[0]) not in excluded]
        persons = [(p, t) for p, t in persons if not p.get("merged_into")]
        if not persons:
            return []
        count = int(
            conn.exec_driver_sql(
                "SELECT count(*) FROM records WHERE collection = 'persons' AND deleted = 0"
            ).scalar_one()
        )
        offset = offset_for(count)
        their_docs = _documents_in(conn, [str(p["id"]) for p, _ in persons])
        out: list[Candidate] = []
        for person, fetched in persons:
            pid = str(person["id"])
            pdocs = their_docs.get(pid, [])
            result = score_pair(query, prepare(person, pdocs, record_id=pid), None, offset)
            if result.score < min_score:
                continue
            out.append(
                Candidate(
                    person=person,
                    score=result.score,
                    reasons=_reasons(result.reasons),
                    sources=("local",),
                    fetched_at=fetched,
                    documents=tuple(_doc_summary(d) for d in pdocs),
                )
            )
        out.sort(key=lambda c: (-c.score, c.id))
        return out[:limit]

    return store.read(read)


def documents_of(store: LocalStore, person_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """The cached documents of these persons (summaries), by person id. DB thread only."""
    found = store.read(lambda conn: _documents_in(conn, person_ids))
    return {pid: [_doc_summary(d) for d in docs] for pid, docs in found.items()}


def cache_age(store: LocalStore) -> datetime | None:
    """When the cache last took the registry's changes (the sync engine's or the
    desktop's own pull); None when it never did. DB thread only."""
    times = [_parse_time(store.get_meta(k)) for k in ("sync.pulled_at", "desktop.pulled_at")]
    found = [t for t in times if t is not None]
    return max(found) if found else None


# ---------------------------------------------------------------------------- registry


def registry_candidates(
    api: Any,
    values: Mapping[str, Any],
    documents: Iterable[Mapping[str, Any]] = (),
    *,
    exclude_ids: Iterable[str] = (),
    limit: int = 20,
    min_score: float = MIN_SCORE,
    now: datetime | None = None,
) -> list[Candidate]:
    """The registry's candidates (`ApiClient.match_persons`); HTTP pool only. Raises the
    client's `SyncError`s; [] without calling when the person has no look-up key."""
    body = match_body(values, documents, exclude_ids=exclude_ids, limit=limit, min_score=min_score)
    if body is None:
        return []
    answer = api.match_persons(body)
    at = now or datetime.now(UTC)
    out: list[Candidate] = []
    for item in answer.get("candidates") or []:
        person = item.get("person") if isinstance(item, Mapping) else None
        if not isinstance(person, Mapping) or not person.get("id"):
            continue
        out.append(
            Candidate(
                person=dict(person),
                score=float(item.get("score") or 0.0),
                reasons=_reasons(item.get("reasons") or []),
                sources=("registry",),
                fetched_at=at,
            )
        )
    return out


def merge_candidates(local: Sequence[Candidate], remote: Sequence[Candidate]) -> list[Candidate]:
    """One row per person, best first: the registry's answer wins (newer, scored over the
    whole registry) and keeps the documents the local copy knows; ties: registry first."""
    local_by_id = {c.id: c for c in local}
    merged: dict[str, Candidate] = {}
    for cand in remote:
        mine = local_by_id.get(cand.id)
        if mine is not None:
            cand = Candidate(
                person=cand.person,
                score=cand.score,
                reasons=cand.reasons,
                sources=("registry", "local"),
                fetched_at=cand.fetched_at,
                documents=cand.documents or mine.documents,
            )
        merged[cand.id] = cand
    for cand in local:
        merged.setdefault(cand.id, cand)
    return sorted(merged.values(), key=lambda c: (-c.score, c.source != "registry", c.id))


def with_documents(
    candidates: Sequence[Candidate], documents: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[Candidate]:
    """Candidates without documents take the ones known locally (registry answers)."""
    out = []
    for cand in candidates:
        docs = documents.get(cand.id)
        if not cand.documents and docs:
            cand = Candidate(
                cand.person, cand.score, cand.reasons, cand.sources, cand.fetched_at,
                tuple(dict(d) for d in docs),
            )  # fmt: skip
        out.append(cand)
    return out


def find_candidates(
    store: LocalStore | None,
    api: Any | None,
    values: Mapping[str, Any],
    documents: Iterable[Mapping[str, Any]] = (),
    *,
    exclude_ids: Iterable[str] = (),
    limit: int = 20,
    min_score: float = MIN_SCORE,
) -> MatchReport:
    """The whole check in one call, on one thread (tools and tests; the desktop splits
    it over its DB thread and HTTP pool). `api` None = offline."""
    docs = list(documents)
    excluded = list(exclude_ids)
    local: list[Candidate] = []
    consulted: list[Source] = []
    local_error: BaseException | None = None
    age: datetime | None = None
    if store is not None:
        try:
            local = local_candidates(
                store, values, docs, exclude_ids=excluded, limit=limit, min_score=min_score
            )
            age = cache_age(store)
            consulted.append("local")
        except Exception as exc:
            local_error = exc
    remote: list[Candidate] = []
    registry_error: BaseException | None = None
    asked = api is not None and match_body(values, docs) is not None
    if asked:
        try:
            remote = registry_candidates(
                api, values, docs, exclude_ids=excluded, limit=limit, min_score=min_score
            )
            consulted.append("registry")
        except Exception as exc:
            registry_error = exc
    merged = merge_candidates(local, remote)
    if store is not None and remote and local_error is None:
        try:
            merged = with_documents(merged, documents_of(store, [c.id for c in merged]))
        except Exception as exc:  # documents are a nicety; the candidates stand
            local_error = local_error or exc
    return MatchReport(
        candidates=merged[:limit],
        consulted=tuple(consulted),
        registry_asked=asked,
        local_error=local_error,
        registry_error=registry_error,
        cache_age=age,
    )
