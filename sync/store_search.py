"""Offline person search: the index kept beside the cached records, and the look-up.

Index (see `store_schema._v2`):
- `person_fts` (FTS5, rowid = the person's `records.rid`): column `names` holds the folded
  tokens of every name of the person (exact spelling, diacritics and script removed by
  `registry_core.names.fold`); column `keys` holds the equivalence keys of every token
  of every spelling (`sync.name_variants`), so transliteration variants meet;
- `person_index`: the same texts (for scoring) and the date of birth (ISO prefix);
- `search_keys`: personal codes and document numbers, exact or by prefix.

Look-up: the query's name tokens are matched by prefix on `names` first (the spelling the
officer typed); when that gives fewer than `limit` persons, by prefix on `keys` (the
variants). Dates of birth, personal codes and document numbers narrow through ordinary
indexes. Every query is bounded by LIMIT, so its cost does not grow with the cache.

Most of a name look-up's time is FTS5 expanding each prefix into its terms ("VLADIMIR"*
has over a thousand in a million persons) and merging their doclists; a second query over
the same prefixes pays it again. When every token is "key-safe" (`_key_safe`), a name
that starts with the token always has a key that starts with the token's key, so the
`keys` query alone finds both sets, and the `names` query runs only when there are more
than `limit` (to keep the typed spelling first). The hits are the same either way.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any, Literal

from sqlalchemy.engine import Connection

from registry_core.names import fold
from sync.name_variants import equivalence_key, index_tokens
from sync.query import Query, normalize_document_number
from sync.store_schema import insert_rows

# A bound on the candidates taken from a key table before intersecting with names.
_KEY_CAP = 2000
_HIGH = "~"  # sorts after digits, letters, '<' and '-': key range [p, p + "~")


@dataclass(frozen=True)
class SearchHit:
    person: dict[str, Any]
    source: Literal["local", "registry"]
    fetched_at: datetime | None
    score: float


# --------------------------------------------------------------------------- indexing


def person_names(person: Mapping[str, Any]) -> list[str | None]:
    names: list[str | None] = [
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
        if isinstance(other, Mapping):
            names += [other.get("given_names"), other.get("surname")]
    return [n if isinstance(n, str) else None for n in names]


def person_index_texts(person: Mapping[str, Any]) -> tuple[str, str, str | None]:
    """(folded names, equivalence keys, date of birth) of one person."""
    folded, keys = index_tokens(*person_names(person))
    dob = person.get("date_of_birth")
    return " ".join(folded), " ".join(keys), str(dob) if dob else None


def person_key_rows(person: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    pid = str(person["id"])
    rows: list[tuple[str, str, str, str]] = []
    code = person.get("personal_code")
    if code:
        rows.append(("code", str(code).replace("-", ""), pid, pid))
    foreign = person.get("foreign_id_number")
    if foreign:
        rows.append(("doc", normalize_document_number(str(foreign)), pid, pid))
    return rows


def document_key_rows(doc: Mapping[str, Any]) -> list[tuple[str, str, str, str]]:
    number, person_id = doc.get("series_and_number"), doc.get("person_id")
    if not number or not person_id:
        return []
    return [("doc", normalize_document_number(str(number)), str(person_id), str(doc["id"]))]


KeyRow = tuple[str, str, str, str]  # search_keys: kind, key, person_id, src_id
# A person's index rows: (folded names, keys, date of birth, key rows); None if deleted.
PersonEntry = tuple[str, str, str | None, list[KeyRow]] | None


def person_entry(person: Mapping[str, Any]) -> PersonEntry:
    if person.get("deleted"):
        return None
    names, keys, dob = person_index_texts(person)
    return names, keys, dob, person_key_rows(person)


def document_entry(doc: Mapping[str, Any]) -> list[KeyRow]:
    return [] if doc.get("deleted") else document_key_rows(doc)


def index_persons(
    conn: Connection,
    persons: Sequence[tuple[int, Mapping[str, Any], bool]],
) -> None:
    """(rid, person, was indexed before) → index rows; deleted persons leave the index."""
    rows = [(rid, person_entry(p), existed, str(p["id"])) for rid, p, existed in persons]
    write_index(conn, rows, [], stale=[r[3] for r in rows])


def index_documents(conn: Connection, docs: Sequence[Mapping[str, Any]]) -> None:
    rows = [(document_entry(d), True, str(d["id"])) for d in docs]
    write_index(conn, [], rows)


def write_index(
    conn: Connection,
    persons: Sequence[tuple[int, PersonEntry, bool, str]],
    docs: Sequence[tuple[list[KeyRow], bool, str]],
    stale: Sequence[str] | None = None,
) -> None:
    """The index rows of a batch of persons (rid, entry, was indexed before, id) and
    documents (key rows, was cached before, id), a few statements in all. Key rows of
    `stale` ids (by default: the records cached before) are replaced; a record that was
    not cached has none (they leave with it)."""
    old = [(rid,) for rid, _, existed, _ in persons if existed]
    if old:
        conn.exec_driver_sql("DELETE FROM person_fts WHERE rowid = ?", old)
        conn.exec_driver_sql("DELETE FROM person_index WHERE rid = ?", old)
    if stale is None:
        stale = [i for _, _, existed, i in persons if existed]
        stale += [i for _, existed, i in docs if existed]
    if stale:
        conn.exec_driver_sql("DELETE FROM search_keys WHERE src_id = ?", [(i,) for i in stale])
    index_rows: list[tuple[int, str, str, str | None]] = []
    fts_rows: list[tuple[int, str, str]] = []
    key_rows: list[KeyRow] = []
    for rid, entry, _, _ in persons:
        if entry is not None:
            names, keys, dob, person_keys = entry
            index_rows.append((rid, names, keys, dob))
            fts_rows.append((rid, names, keys))
            key_rows += person_keys
    for doc_keys, _, _ in docs:
        key_rows += doc_keys
    insert_rows(conn, "INSERT INTO person_index (rid, names, keys, dob)", index_rows)
    insert_rows(conn, "INSERT INTO person_fts (rowid, names, keys)", fts_rows)
    insert_rows(conn, "INSERT OR IGNORE INTO search_keys (kind, key, person_id, src_id)", key_rows)


def reindex_all(conn: Connection, batch: int = 5000) -> None:
    """Build the index from the cached records (a migration, or after a repair)."""
    conn.exec_driver_sql("DELETE FROM person_fts")
    conn.exec_driver_sql("DELETE FROM person_index")
    conn.exec_driver_sql("DELETE FROM search_keys")
    for collection in ("persons", "documents"):
        last = 0
        while True:
            rows = conn.exec_driver_sql(
                "SELECT rid, data FROM records WHERE collection = ? AND rid > ? "
                "ORDER BY rid LIMIT ?",
                (collection, last, batch),
            ).all()
            if not rows:
                break
            last = rows[-1][0]
            if collection == "persons":
                index_persons(conn, [(r[0], json.loads(r[1]), False) for r in rows])
            else:
                index_documents(conn, [json.loads(r[1]) for r in rows])


# --------------------------------------------------------------------------- look-up


def _fts_expr(column: str, tokens: Iterable[str]) -> str:
    terms = " AND ".join(f'"{t}"*' for t in tokens if t)
    return f"{column} : ({terms})"


def _in(values: Sequence[int]) -> str:
    return ",".join(str(int(v)) for v in values)


def _key_rids(conn: Connection, kinds: tuple[str, ...], key: str) -> set[int]:
    marks = ",".join("?" for _ in kinds)
    rows = conn.exec_driver_sql(
        f"SELECT DISTINCT r.rid FROM search_keys k "
        f"JOIN records r ON r.id = k.person_id AND r.collection = 'persons' "
        f"WHERE k.kind IN ({marks}) AND k.key >= ? AND k.key < ? AND r.deleted = 0 "
        f"LIMIT {_KEY_CAP}",
        (*kinds, key, key + _HIGH),
    )
    return {int(r[0]) for r in rows}


def _name_rids(
    conn: Connection,
    column: str,
    tokens: list[str],
    dob: str | None,
    within: set[int] | None,
    exclude: set[int],
    limit: int,
) -> list[int]:
    """Persons whose `column` has every token as a prefix, narrowed by DOB / a rid set."""
    expr = _fts_expr(column, tokens)
    wanted = limit + len(exclude)
    sql = "SELECT person_fts.rowid FROM person_fts"
    params: list[Any] = []
    where = ["person_fts MATCH ?"]
    params.append(expr)
    if dob:
        # CROSS JOIN keeps FTS as the outer loop: the planner would otherwise walk the
        # DOB range (a whole year) and run the full-text query once per row.
        sql += " CROSS JOIN person_index p ON p.rid = person_fts.rowid"
        where.append("p.dob >= ? AND p.dob < ?")
        params += [dob, dob + _HIGH]
    if within is not None:
        if not within:
            return []
        where.append(f"person_fts.rowid IN ({_in(sorted(within))})")
    sql += " WHERE " + " AND ".join(where) + f" LIMIT {int(wanted)}"
    out = [int(r[0]) for r in conn.exec_driver_sql(sql, tuple(params))]
    return [rid for rid in out if rid not in exclude][:limit]


def _dob_rids(conn: Connection, dob: str, within: set[int] | None, limit: int) -> list[int]:
    sql = "SELECT rid FROM person_index WHERE dob >= ? AND dob < ?"
    if within is not None:
        if not within:
            return []
        sql += f" AND rid IN ({_in(sorted(within))})"
    rows = conn.exec_driver_sql(sql + f" LIMIT {int(limit)}", (dob, dob + _HIGH))
    return [int(r[0]) for r in rows]


def _key_safe(token: str) -> bool:
    """True when every folded token that starts with `token` has an equivalence key that
    starts with `equivalence_key(token)` (so a `names` prefix match is a `keys` one too).

    `equivalence_key` rewrites digraphs (SH, ZH, CH, KH, TS, CZ, TZ, IE), IO after a
    consonant, a final -AIA and a final -S; a token that ends where one of those could
    begin (S Z C K T I, J/Y that become I, IO, AIA) may be keyed differently from its
    longer continuations. Every other token is keyed as a prefix of them (checked
    exhaustively over the prefixes of 262,502 distinct indexed names; see the tests)."""
    if not token or token.isdigit():
        return True
    if token[-1] in "SZCKTIJY":
        return False
    mapped = token.replace("J", "I").replace("Y", "I")
    return not mapped.endswith(("IO", "AIA"))


def _names_and_dob(
    conn: Connection, query: Query, within: set[int] | None, limit: int
) -> list[int]:
    if not query.names:
        if query.dob:
            return _dob_rids(conn, query.dob, within, limit)
        return sorted(within)[:limit] if within is not None else []
    if query.dob and len(query.dob) == 10 and within is None:
        # A full date holds a few dozen persons: take them all and check names here.
        return _dob_then_names(conn, query, limit)
    keys = [equivalence_key(t) for t in query.names]
    by_key: list[int] | None = None
    if all(_key_safe(t) for t in query.names):
        # The keys column alone holds the names matches too (see _key_safe).
        by_key = _name_rids(conn, "keys", keys, query.dob, within, set(), limit + 1)
        if len(by_key) <= limit:
            return by_key  # load_hits puts the typed spelling first (names_first)
    found = _name_rids(conn, "names", query.names, query.dob, within, set(), limit)
    if len(found) < limit:
        if by_key is not None:  # the first `limit` key matches, as the query below
            seen = set(found)
            found += [rid for rid in by_key[:limit] if rid not in seen][: limit - len(found)]
        else:
            found += _name_rids(
                conn, "keys", keys, query.dob, within, set(found), limit - len(found)
            )
    return found


def _dob_then_names(conn: Connection, query: Query, limit: int) -> list[int]:
    assert query.dob
    rows = conn.exec_driver_sql(
        f"SELECT rid, names, keys FROM person_index WHERE dob >= ? AND dob < ? LIMIT {_KEY_CAP}",
        (query.dob, query.dob + _HIGH),
    ).all()
    keys = [equivalence_key(t) for t in query.names]
    exact: list[int] = []
    variant: list[int] = []
    for rid, names, key_text in rows:
        tokens, key_tokens = names.split(), key_text.split()
        if all(any(x.startswith(t) for x in tokens) for t in query.names):
            exact.append(int(rid))
        elif all(any(x.startswith(k) for x in key_tokens) for k in keys):
            variant.append(int(rid))
    return (exact + variant)[:limit]


def find_rids(conn: Connection, query: Query, limit: int) -> list[int]:
    """The rids of the persons that match, best spelling first, at most `limit`."""
    if query.empty or query.invalid:
        return []
    if query.mrz is not None:
        by_doc: set[int] = set()
        for number in query.document_numbers:
            by_doc |= _key_rids(conn, ("doc",), number)
        ordered = sorted(by_doc)[:limit]
        if query.names and len(ordered) < limit:
            rest = _names_and_dob(conn, query, None, limit)
            ordered += [rid for rid in rest if rid not in by_doc][: limit - len(ordered)]
        return ordered
    within: set[int] | None = None
    for code in query.personal_codes:
        rids = _key_rids(conn, ("code",), code)
        within = rids if within is None else within & rids
    for number in query.document_numbers:
        # A number typed in the box may be a document's or a personal code without hyphen.
        rids = _key_rids(conn, ("doc", "code"), number)
        within = rids if within is None else within & rids
    return _names_and_dob(conn, query, within, limit)


def load_hits(conn: Connection, rids: Sequence[int], query: Query) -> list[SearchHit]:
    """The persons of `rids`, scored and sorted. One read per hit: the scoring texts are
    made from the record (folds cached), not read from `person_index` (a second page)."""
    if not rids:
        return []
    rows = conn.exec_driver_sql(
        f"SELECT rid, data, fetched_at FROM records WHERE rid IN ({_in(rids)})"
    ).all()
    by_rid = {int(r[0]): r for r in rows}
    ranked: list[tuple[float, bool, SearchHit]] = []
    for rid in rids:
        row = by_rid.get(rid)
        if row is None:
            continue
        person = json.loads(row[1])
        names, keys, dob = scoring_texts(person)
        score = score_texts(query, names, keys, dob, matched_key=True)
        hit = SearchHit(person, "local", _parse_time(row[2]), score)
        ranked.append((score, _typed_spelling(query, names), hit))
    # Best score first; on a tie the typed spelling before a variant (find_rids may list
    # them in either order), else in the order found.
    ranked.sort(key=lambda r: (-r[0], not r[1]))
    return [hit for _, _, hit in ranked]


def _typed_spelling(query: Query, names: str) -> bool:
    """Every name token of the query starts one of the person's folded names."""
    if not query.names:
        return True
    tokens = names.split()
    return all(any(x.startswith(t) for x in tokens) for t in query.names)


# --------------------------------------------------------------------------- scoring


def score_texts(
    query: Query, names: str, keys: str, dob: str | None, *, matched_key: bool
) -> float:
    """0..1: how well a person's indexed texts answer the query.

    Per name token: 1.0 the same folded token, 0.9 a prefix of one, 0.75 the same
    variant key, 0.6 a prefix of a key, 0 none; averaged. A DOB counts 1.0 exact, 0.8
    by prefix; a matched personal code or document number counts 1.0.
    """
    parts: list[float] = []
    if query.names:
        tokens = names.split()
        key_tokens = keys.split()
        total = 0.0
        for t in query.names:
            if t in tokens:
                total += 1.0
                continue
            if any(x.startswith(t) for x in tokens):
                total += 0.9
                continue
            k = equivalence_key(t)
            if k in key_tokens:
                total += 0.75
            elif any(x.startswith(k) for x in key_tokens):
                total += 0.6
        parts.append(total / len(query.names))
    if query.dob:
        parts.append(1.0 if dob == query.dob else 0.8 if dob and dob.startswith(query.dob) else 0)
    if (query.personal_codes or query.document_numbers) and matched_key:
        parts.append(1.0)
    return round(sum(parts) / len(parts), 4) if parts else 0.0


_fold = lru_cache(maxsize=131072)(fold)


def scoring_texts(person: Mapping[str, Any]) -> tuple[str, str, str | None]:
    """Folded tokens, their keys and the DOB: what scoring needs, cheaper than indexing
    (no alternative spellings; the keys of the ICAO form stand for them)."""
    folded: dict[str, None] = {}
    for name in person_names(person):
        if name:
            for token in _fold(name).split(" "):
                if token:
                    folded.setdefault(token, None)
    keys = " ".join(equivalence_key(t) for t in folded)
    dob = person.get("date_of_birth")
    return " ".join(folded), keys, str(dob) if dob else None


def score_person(query: Query, person: Mapping[str, Any]) -> float:
    """The same score for a person that is not in the index (a registry result)."""
    names, keys, dob = scoring_texts(person)
    matched = False
    if query.personal_codes or query.document_numbers:
        code = str(person.get("personal_code") or "").replace("-", "")
        foreign = normalize_document_number(str(person.get("foreign_id_number") or ""))
        wanted = [*query.personal_codes, *query.document_numbers]
        matched = any(w and (code.startswith(w) or foreign.startswith(w)) for w in wanted)
        # The registry found it by a document we may not hold: trust its answer.
        matched = matched or bool(query.document_numbers)
    return score_texts(query, names, keys, dob, matched_key=matched)


def merge_hits(
    local: list[SearchHit],
    remote: list[dict[str, Any]],
    fetched_at: datetime,
    *,
    query: Query | None = None,
) -> list[SearchHit]:
    """Registry results replace the local copy of the same person (they are newer); the
    rest of the local hits stay; ordered by score (registry first on a tie).

    With `query`, registry results are scored like local ones; without, a registry result
    keeps the score of its local copy, or 1.0 when there was none (the registry matched
    it on keys the local cache may not hold).
    """
    local_scores = {str(h.person.get("id")): h.score for h in local}
    merged: dict[str, SearchHit] = {}
    for person in remote:
        pid = str(person.get("id"))
        if query is not None:
            score = score_person(query, person)
        else:
            score = local_scores.get(pid, 1.0)
        merged[pid] = SearchHit(dict(person), "registry", fetched_at, score)
    for hit in local:
        pid = str(hit.person.get("id"))
        if pid not in merged:
            merged[pid] = hit
    order = {pid: i for i, pid in enumerate(merged)}
    return sorted(
        merged.values(),
        key=lambda h: (-h.score, h.source != "registry", order[str(h.person.get("id"))]),
    )


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
