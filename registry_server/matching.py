"""Person matching in the registry: `/persons/match`, the duplicates queue, merge and
undo, and "other identity" links (issue 7, domain.md §8.4).

- **Look-up.** Each app keeps one `registry_core.matching.BlockingIndex` over the
  active persons (not deleted, not merged) with their documents. It is built on the
  first look-up and then kept current from the change feed: before every look-up the
  changes after the last seen `seq` for persons and documents are read and the persons
  they touch are re-read (one indexed query when nothing changed). Several server
  processes each keep their own copy; the feed makes them agree.
- **Duplicates queue.** `registry-server find-duplicates` scores every blocked pair
  and queues those above the threshold in `duplicate_candidates`; a pair already
  decided (merged, linked, dismissed) is not queued again.
- **Merge.** The survivor takes, field by field, the value chosen from either record;
  the merged person's name and date of birth are kept as another identity of the
  survivor; every record of the merged person (documents, addresses, cases, decisions,
  detentions, entry bans, departures, SIS alerts…) moves to the survivor; the merged
  person stays as a tombstone (`deleted`, `merged_into`). All of it is written through
  `PushEngine.write` in one transaction (versions, change feed, audit, search keys).
  `person_merges` keeps what undo needs; undo moves back what still points to the
  survivor and restores the fields the merge set, unless they were changed since.
- **Links.** Two records of one person that must stay separate (say, two legal
  identities) are linked as each other's other identity (Reg. 122 5.1.4).

Routes (prefix /api/v1): POST /persons/match; GET /persons/duplicates/queue; POST
/persons/duplicates/{id}/dismiss; POST /persons/merge; GET /persons/merges/{id};
POST /persons/merges/{id}/undo; POST /persons/{id}/links; DELETE
/persons/{id}/links/{other_id}.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlalchemy.engine import Connection, Engine

from registry_core.matching import BlockingIndex, Prepared, parse_dob, prepare
from registry_core.messages import register, text
from registry_core.records import COLLECTIONS
from registry_core.records.enums import Role
from registry_server.audit import record_reads
from registry_server.db import write_transaction
from registry_server.deps import ActorDep, ConnDep, LangDep, require_reader
from registry_server.errors import ApiError
from registry_server.push import Actor, Batch, PushEngine, Refusal, StoredRecord, fetch_records
from registry_server.search import load_persons
from registry_server.tables import (
    audit_log,
    counters,
    duplicate_candidates,
    person_merges,
    record_versions,
    records,
)

register(
    {
        "match.need_identity": (
            "Norādiet uzvārdu, dokumenta numuru vai personas kodu.",
            "Give a surname, a document number or a personal code.",
        ),
        "match.dob_format": (
            "Dzimšanas datumam jābūt formā GGGG-MM-DD, GGGG-MM, GGGG vai DD.MM.GGGG.",
            "The date of birth must be YYYY-MM-DD, YYYY-MM, YYYY or DD.MM.YYYY.",
        ),
        "merge.not_allowed": (
            "Personu apvienošana ir atļauta tikai pilnvarotām amatpersonām un administratoriem.",
            "Only authorised officials and administrators may merge persons.",
        ),
        "merge.undo_not_allowed": (
            "Apvienošanu atcelt var tikai administrators.",
            "Only an administrator may undo a merge.",
        ),
        "merge.same_person": (
            "Personu nevar apvienot pašu ar sevi.",
            "A person cannot be merged with itself.",
        ),
        "merge.not_person": ("Persona nav atrasta.", "Person not found."),
        "merge.inactive": (
            "Persona jau ir apvienota vai dzēsta.",
            "The person has already been merged or deleted.",
        ),
        "merge.field_unknown": ("Personai nav šāda lauka.", "A person has no such field."),
        "merge.undone": ("Apvienošana jau ir atcelta.", "The merge has already been undone."),
        "merge.not_found": ("Apvienošana nav atrasta.", "Merge not found."),
        "link.self": (
            "Personu nevar sasaistīt pašu ar sevi.",
            "A person cannot be linked to itself.",
        ),
        "duplicates.not_found": ("Dublikātu pāris nav atrasts.", "Duplicate pair not found."),
        "duplicates.not_allowed": (
            "Dublikātu rindu var skatīt tikai administratori un pilnvarotas amatpersonas.",
            "Only administrators and authorised officials may see the duplicates queue.",
        ),
    }
)

router = APIRouter(tags=["matching"])

MERGE_ROLES = frozenset(
    {
        Role.ADMINISTRATOR,
        Role.VRS_DECISION_OFFICIAL,
        Role.PMLP_DECISION_OFFICIAL,
        Role.BAN_LIST_ADMIN,
        Role.TRAINER,
    }
)
UNDO_ROLES = frozenset({Role.ADMINISTRATOR, Role.TRAINER})
_NS = uuid.UUID("6f1c2a4e-5b7d-4c1e-9a3f-2d8e0b7c6a51")
_PERSON_SYSTEM = frozenset({"merged_into"})

# -- the look-up index ------------------------------------------------------------------


def _person_active(data: dict[str, Any]) -> bool:
    return not data.get("merged_into")


class PersonIndex:
    """A `BlockingIndex` over the registry's active persons, kept current from the feed."""

    def __init__(self) -> None:
        self.index = BlockingIndex()
        self.last_seq: int | None = None
        self.lock = threading.Lock()

    def refresh(self, conn: Connection) -> None:
        with self.lock:
            if self.last_seq is None:
                self._build(conn)
            else:
                self._catch_up(conn)

    def _build(self, conn: Connection) -> None:
        seq = conn.execute(sa.select(sa.func.max(record_versions.c.seq))).scalar() or 0
        docs: dict[str, list[dict[str, Any]]] = {}
        for row in conn.execute(
            sa.select(records.c.person_id, records.c.data).where(
                records.c.collection == "documents", records.c.deleted.is_(False)
            )
        ):
            docs.setdefault(str(row.person_id), []).append(row.data)
        index = BlockingIndex()
        for row in conn.execute(
            sa.select(records.c.id, records.c.data).where(
                records.c.collection == "persons", records.c.deleted.is_(False)
            )
        ):
            if _person_active(row.data):
                index.upsert(prepare(row.data, docs.get(row.id, ()), record_id=row.id))
        self.index = index
        self.last_seq = int(seq)

    def _catch_up(self, conn: Connection) -> None:
        v = record_versions.c
        rows = conn.execute(
            sa.select(v.seq, v.collection, v.id.label("record_id"))
            .where(v.seq > self.last_seq, v.collection.in_(("persons", "documents")))
            .order_by(v.seq)
        ).all()
        if not rows:
            return
        person_ids = {r.record_id for r in rows if r.collection == "persons"}
        doc_ids = [r.record_id for r in rows if r.collection == "documents"]
        if doc_ids:
            for rec in fetch_records(conn, doc_ids):
                if rec.data.get("person_id"):
                    person_ids.add(str(rec.data["person_id"]))
        self.apply(conn, person_ids)
        self.last_seq = max(int(r.seq) for r in rows)

    def apply(self, conn: Connection, person_ids: Iterable[str]) -> None:
        ids = sorted(set(person_ids))
        if not ids:
            return
        docs: dict[str, list[dict[str, Any]]] = {}
        for row in conn.execute(
            sa.select(records.c.person_id, records.c.data).where(
                records.c.collection == "documents",
                records.c.person_id.in_(ids),
                records.c.deleted.is_(False),
            )
        ):
            docs.setdefault(str(row.person_id), []).append(row.data)
        found = {r.id: r for r in fetch_records(conn, ids)}
        for pid in ids:
            rec = found.get(pid)
            if (
                rec is None
                or rec.deleted
                or rec.collection != "persons"
                or not _person_active(rec.data)
            ):
                self.index.remove(pid)
            else:
                self.index.upsert(prepare(rec.data, docs.get(pid, ()), record_id=pid))


_INDEX_LOCK = threading.Lock()


def person_index(request: Request) -> PersonIndex:
    state = request.app.state
    holder: PersonIndex | None = getattr(state, "person_index", None)
    if holder is None:
        with _INDEX_LOCK:
            holder = getattr(state, "person_index", None)
            if holder is None:
                holder = PersonIndex()
                state.person_index = holder
    return holder


# -- POST /persons/match -------------------------------------------------------------------

Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Country = Annotated[str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z]{3}$")]


class DocumentIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]
    issuing_state: Country | None = None


class MatchIn(BaseModel):
    """A person as the officer has typed them; every field is optional but one of
    surname, a document or a personal code must be given."""

    model_config = ConfigDict(extra="forbid")

    given_names: Short | None = None
    surname: Short | None = None
    patronymic: Short | None = None
    given_names_native: Short | None = None
    surname_native: Short | None = None
    name_reproduction_lv: Short | None = None
    previous_surnames: list[Short] = Field(default_factory=list, max_length=20)
    date_of_birth: Annotated[str, StringConstraints(max_length=20)] | None = None
    sex: Literal["M", "F", "X", "U"] | None = None
    nationalities: list[Country] = Field(default_factory=list, max_length=10)
    place_of_birth: Short | None = None
    documents: list[DocumentIn] = Field(default_factory=list, max_length=20)
    personal_code: Annotated[str, StringConstraints(max_length=20)] | None = None
    foreign_id_number: Annotated[str, StringConstraints(max_length=40)] | None = None
    exclude_ids: list[uuid.UUID] = Field(default_factory=list, max_length=50)
    limit: int = Field(default=20, ge=1, le=100)
    min_score: float = Field(default=0.3, ge=0.0, le=1.0)


def _query_person(body: MatchIn, lang: str) -> Prepared:
    if body.date_of_birth and parse_dob(body.date_of_birth) is None:
        raise ApiError(
            422, "request.invalid", fields={"date_of_birth": text("match.dob_format", lang)}
        )
    if not (
        body.surname or body.surname_native or body.name_reproduction_lv or body.documents
        or body.personal_code or body.foreign_id_number
    ):  # fmt: skip
        raise ApiError(
            422, "request.invalid", fields={"surname": text("match.need_identity", lang)}
        )
    data = body.model_dump(exclude={"documents", "exclude_ids", "limit", "min_score"})
    data["nationalities"] = [c.upper() for c in body.nationalities]
    docs = [d.model_dump() for d in body.documents]
    return prepare(data, docs, record_id="")


@router.post("/persons/match")
def match_person(
    request: Request, conn: ConnDep, actor: ActorDep, lang: LangDep, body: MatchIn
) -> dict[str, Any]:
    """Ranked candidates for a person, with a score 0..1 and the reasons in both languages."""
    require_reader(actor, "persons")
    query = _query_person(body, lang)
    holder = person_index(request)
    holder.refresh(conn)
    excluded = {str(i) for i in body.exclude_ids}
    found = [
        (p, r)
        for p, r in holder.index.lookup(
            query, limit=body.limit + len(excluded), min_score=body.min_score
        )
        if p.id not in excluded
    ][: body.limit]
    persons = {p["id"]: p for p in load_persons(conn, [p.id for p, _ in found])}
    out: list[dict[str, Any]] = []
    for p, result in found:
        person = persons.get(p.id)
        if person is None:
            continue
        out.append(
            {
                "person": person,
                "score": result.score,
                "reasons": [r.as_dict() for r in result.reasons],
                "summary": "; ".join(result.explain(lang)),
            }
        )
    if out:  # every candidate shown is a read of that person (one insert for all)
        now = datetime.now(UTC)
        conn.execute(
            audit_log.insert(),
            [
                {"at": now, "username": actor.username, "action": "match", "collection": "persons",
                 "record_id": item["person"]["id"], "fields": None, "device_id": actor.device_id,
                 "purpose": actor.purpose, "client": actor.client,
                 "detail": {"score": item["score"]}}
                for item in out
            ],
        )  # fmt: skip
    return {"candidates": out, "indexed": len(holder.index)}


# -- writing through the push engine -----------------------------------------------------------


def _has_role(actor: Actor, allowed: frozenset[Role]) -> bool:
    return any(r in allowed for r in actor.roles)


def run_batch(
    request: Request, conn: Connection, actor: Actor, lang: str, body: Callable[[Batch], Any]
) -> Any:
    """Run `body` as one push batch: feed lock, PushEngine.write for each record, commit."""
    engine: PushEngine = request.app.state.push_engine
    return run_batch_with(engine, conn, actor, lang, body)


def run_batch_with(
    engine: PushEngine, conn: Connection, actor: Actor, lang: str, body: Callable[[Batch], Any]
) -> Any:
    seq = conn.execute(
        sa.select(counters.c.value).where(counters.c.name == "feed").with_for_update()
    ).scalar_one()
    engine.refs.refresh(conn)
    batch = Batch(conn, actor, lang, datetime.now(UTC), {}, seq, engine=engine)
    try:
        result = body(batch)
    except Refusal as exc:
        raise ApiError(422, exc.code, fields=exc.fields, **exc.params) from None
    engine._write(batch, seq)  # noqa: SLF001 — the engine's own bulk write of a batch
    return result


def _write(batch: Batch, rec: StoredRecord, content: dict[str, Any], kind: str,
           op_id: str, *, deleted: bool | None = None) -> StoredRecord:  # fmt: skip
    assert batch.engine is not None
    changed = {k for k in set(content) | set(rec.data) if content.get(k) != rec.data.get(k)}
    if deleted is not None and deleted != rec.deleted:
        changed.add("deleted")
    return batch.engine.write(
        batch, COLLECTIONS[rec.collection], rec.id, content, rec, kind, op_id, changed,
        deleted=rec.deleted if deleted is None else deleted,
    )  # fmt: skip


def _active_person(batch: Batch, person_id: str, field: str) -> StoredRecord:
    batch.load([person_id])
    rec = batch.state.get(person_id)
    if rec is None or rec.collection != "persons":
        raise ApiError(
            404, "merge.not_person", fields={field: text("merge.not_person", batch.lang)}
        )
    if rec.deleted or rec.data.get("merged_into"):
        raise ApiError(409, "merge.inactive", fields={field: text("merge.inactive", batch.lang)})
    return rec


def _identity_of(rec: StoredRecord, source: str) -> dict[str, Any]:
    data = rec.data
    nats = data.get("nationalities") or []
    identity: dict[str, Any] = {
        "surname": data.get("surname_latin"),
        "given_names": data.get("given_names_latin"),
        "date_of_birth": data.get("date_of_birth"),
        "nationality": nats[0].get("country") if nats else None,
        "source": source,
        "person_id": rec.id,
    }
    return {k: v for k, v in identity.items() if v is not None}


# -- merge and undo ---------------------------------------------------------------------------


class MergeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    # field → which record's value the survivor keeps; fields not named keep the survivor's
    choose: dict[str, Literal["survivor", "merged"]] = Field(default_factory=dict)
    reason: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = None


@router.post("/persons/merge")
def merge_persons(
    request: Request, conn: ConnDep, actor: ActorDep, lang: LangDep, body: MergeIn
) -> dict[str, Any]:
    if not _has_role(actor, MERGE_ROLES):
        raise ApiError(403, "merge.not_allowed")
    survivor_id, merged_id = str(body.survivor_id), str(body.merged_id)
    if survivor_id == merged_id:
        raise ApiError(
            422, "request.invalid", fields={"merged_id": text("merge.same_person", lang)}
        )
    person_fields = COLLECTIONS["persons"].model.content_fields() - _PERSON_SYSTEM
    unknown = sorted(set(body.choose) - person_fields)
    if unknown:
        raise ApiError(
            422, "request.invalid",
            fields={f"choose.{f}": text("merge.field_unknown", lang) for f in unknown},
        )  # fmt: skip
    merge_id = str(uuid.uuid4())
    op_id = merge_id

    def work(batch: Batch) -> dict[str, Any]:
        survivor = _active_person(batch, survivor_id, "survivor_id")
        merged = _active_person(batch, merged_id, "merged_id")
        assert batch.engine is not None
        data = dict(survivor.data)
        for name, side in body.choose.items():
            if side == "merged":
                if name in merged.data:
                    data[name] = merged.data[name]
                else:
                    data.pop(name, None)
        identities = [
            o for o in data.get("other_identities") or [] if o.get("person_id") != merged_id
        ]
        identities.append(_identity_of(merged, "merge"))
        data["other_identities"] = identities
        content = batch.engine.validate(batch, COLLECTIONS["persons"], survivor_id, data, survivor)
        new_survivor = _write(batch, survivor, content, "merge", op_id)
        moved: list[list[str]] = []
        for row in conn.execute(
            sa.select(records.c.id).where(
                records.c.person_id == merged_id,
                records.c.collection != "persons",
                records.c.deleted.is_(False),
            )
        ):
            batch.load([row.id])
            rec = batch.state[row.id]
            if str(rec.data.get("person_id")) != merged_id:
                continue
            _write(batch, rec, {**rec.data, "person_id": survivor_id}, "merge", op_id)
            moved.append([rec.id, rec.collection])
        tomb = {**merged.data, "merged_into": survivor_id}
        _write(batch, merged, tomb, "merge", op_id, deleted=True)
        conn.execute(
            person_merges.insert().values(
                id=merge_id, survivor_id=survivor_id, merged_id=merged_id, at=batch.now,
                by=actor.username, status="done", reason=body.reason,
                detail={
                    "moved": moved,
                    "survivor_before": survivor.data,
                    "survivor_after": new_survivor.data,
                    "merged_before": merged.data,
                    "choose": body.choose,
                },
            )
        )  # fmt: skip
        _decide_pair(conn, survivor_id, merged_id, "merged", actor.username, batch.now)
        record_reads(
            conn, actor, "persons", [survivor_id, merged_id], action="person_merge",
            detail={"merge_id": merge_id, "survivor_id": survivor_id, "merged_id": merged_id,
                    "moved": len(moved), "reason": body.reason},
        )  # fmt: skip
        return {
            "merge_id": merge_id,
            "survivor": _public(new_survivor),
            "moved": [{"id": i, "collection": c} for i, c in moved],
        }

    return dict(run_batch(request, conn, actor, lang, work))


@router.get("/persons/merges/{merge_id}")
def get_merge(conn: ConnDep, actor: ActorDep, merge_id: uuid.UUID) -> dict[str, Any]:
    if not _has_role(actor, MERGE_ROLES):
        raise ApiError(403, "merge.not_allowed")
    row = conn.execute(sa.select(person_merges).where(person_merges.c.id == str(merge_id))).first()
    if row is None:
        raise ApiError(404, "merge.not_found")
    return {
        "id": row.id, "survivor_id": row.survivor_id, "merged_id": row.merged_id,
        "at": row.at.isoformat(), "by": row.by, "status": row.status, "reason": row.reason,
        "moved": [{"id": i, "collection": c} for i, c in row.detail["moved"]],
        "undone_at": row.undone_at.isoformat() if row.undone_at else None,
        "undone_by": row.undone_by,
    }  # fmt: skip


@router.post("/persons/merges/{merge_id}/undo")
def undo_merge(
    request: Request, conn: ConnDep, actor: ActorDep, lang: LangDep, merge_id: uuid.UUID
) -> dict[str, Any]:
    if not _has_role(actor, UNDO_ROLES):
        raise ApiError(403, "merge.undo_not_allowed")
    row = conn.execute(sa.select(person_merges).where(person_merges.c.id == str(merge_id))).first()
    if row is None:
        raise ApiError(404, "merge.not_found")
    if row.status != "done":
        raise ApiError(409, "merge.undone")
    detail = row.detail
    op_id = str(uuid.uuid4())

    def work(batch: Batch) -> dict[str, Any]:
        ids = [row.survivor_id, row.merged_id, *(i for i, _ in detail["moved"])]
        batch.load(ids)
        kept: list[str] = []  # survivor fields changed again since the merge
        survivor = batch.state[row.survivor_id]
        data = dict(survivor.data)
        before, after = detail["survivor_before"], detail["survivor_after"]
        for name in set(before) | set(after):
            if name == "other_identities":
                continue
            if before.get(name) == after.get(name):
                continue
            if data.get(name) == after.get(name):
                if name in before:
                    data[name] = before[name]
                else:
                    data.pop(name, None)
            else:
                kept.append(name)
        data["other_identities"] = [
            o for o in data.get("other_identities") or []
            if not (o.get("person_id") == row.merged_id and o.get("source") == "merge")
        ]  # fmt: skip
        if data != survivor.data:
            _write(batch, survivor, data, "unmerge", op_id)
        moved_back = []
        for rec_id, _coll in detail["moved"]:
            rec = batch.state.get(rec_id)
            if rec is None or str(rec.data.get("person_id")) != row.survivor_id:
                continue
            _write(batch, rec, {**rec.data, "person_id": row.merged_id}, "unmerge", op_id)
            moved_back.append(rec_id)
        tomb = batch.state[row.merged_id]
        restored = {k: v for k, v in tomb.data.items() if k != "merged_into"}
        _write(batch, tomb, restored, "unmerge", op_id, deleted=False)
        conn.execute(
            person_merges.update().where(person_merges.c.id == row.id)
            .values(status="undone", undone_at=batch.now, undone_by=actor.username)
        )  # fmt: skip
        conn.execute(
            duplicate_candidates.update()
            .where(duplicate_candidates.c.id == pair_id(row.survivor_id, row.merged_id))
            .values(status="open", decided_at=None, decided_by=None, updated_at=batch.now)
        )
        record_reads(
            conn, actor, "persons", [row.survivor_id, row.merged_id], action="person_unmerge",
            detail={"merge_id": row.id, "moved_back": len(moved_back), "kept": sorted(kept)},
        )  # fmt: skip
        return {"merge_id": row.id, "status": "undone", "moved_back": moved_back,
                "kept_fields": sorted(kept)}  # fmt: skip

    return dict(run_batch(request, conn, actor, lang, work))


def _public(rec: StoredRecord) -> dict[str, Any]:
    return {**rec.data, "id": rec.id, "version": rec.version, "deleted": rec.deleted}


# -- other-identity links ----------------------------------------------------------------------


class LinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    other_person_id: uuid.UUID
    source: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None


def _check_person_writer(actor: Actor) -> None:
    from registry_core import permissions

    if not permissions.can_write(actor.roles, "persons"):
        raise ApiError(403, "perm.write")


@router.post("/persons/{person_id}/links")
def link_identity(
    request: Request, conn: ConnDep, actor: ActorDep, lang: LangDep, person_id: uuid.UUID,
    body: LinkIn,
) -> dict[str, Any]:  # fmt: skip
    _check_person_writer(actor)
    a_id, b_id = str(person_id), str(body.other_person_id)
    if a_id == b_id:
        raise ApiError(422, "request.invalid", fields={"other_person_id": text("link.self", lang)})
    op_id = str(uuid.uuid4())

    def work(batch: Batch) -> dict[str, Any]:
        a = _active_person(batch, a_id, "person_id")
        b = _active_person(batch, b_id, "other_person_id")
        out = {}
        for me, other in ((a, b), (b, a)):
            ids = [
                o for o in me.data.get("other_identities") or [] if o.get("person_id") != other.id
            ]
            ids.append(_identity_of(other, body.source or "link"))
            out[me.id] = _public(
                _write(batch, me, {**me.data, "other_identities": ids}, "link", op_id)
            )
        _decide_pair(conn, a_id, b_id, "linked", actor.username, batch.now)
        return {"person": out[a_id], "other": out[b_id]}

    return dict(run_batch(request, conn, actor, lang, work))


@router.delete("/persons/{person_id}/links/{other_id}")
def unlink_identity(
    request: Request, conn: ConnDep, actor: ActorDep, lang: LangDep, person_id: uuid.UUID,
    other_id: uuid.UUID,
) -> dict[str, Any]:  # fmt: skip
    _check_person_writer(actor)
    a_id, b_id = str(person_id), str(other_id)
    op_id = str(uuid.uuid4())

    def work(batch: Batch) -> dict[str, Any]:
        batch.load([a_id, b_id])
        changed = []
        for me, other in ((a_id, b_id), (b_id, a_id)):
            rec = batch.state.get(me)
            if rec is None or rec.collection != "persons":
                continue
            ids = rec.data.get("other_identities") or []
            kept = [o for o in ids if o.get("person_id") != other]
            if len(kept) != len(ids):
                _write(batch, rec, {**rec.data, "other_identities": kept}, "unlink", op_id)
                changed.append(me)
        if not changed:
            raise ApiError(404, "not_found")
        return {"unlinked": changed}

    return dict(run_batch(request, conn, actor, lang, work))


# -- the duplicates queue ----------------------------------------------------------------------


def pair_id(a: str, b: str) -> str:
    x, y = sorted((a, b))
    return str(uuid.uuid5(_NS, f"{x}|{y}"))


def _decide_pair(conn: Connection, a: str, b: str, status: str, by: str, now: datetime) -> None:
    conn.execute(
        duplicate_candidates.update()
        .where(duplicate_candidates.c.id == pair_id(a, b))
        .values(status=status, decided_at=now, decided_by=by, updated_at=now)
    )


def find_duplicates(engine: Engine, *, threshold: float = 0.8) -> dict[str, int]:
    """Score every blocked pair of active persons; queue new pairs above `threshold`."""
    holder = PersonIndex()
    with engine.connect() as conn:
        holder.refresh(conn)
    now = datetime.now(UTC)
    found = {
        pair_id(a.id, b.id): (a.id, b.id, r) for a, b, r in holder.index.pairs(min_score=threshold)
    }
    added = updated = 0
    with write_transaction(engine) as conn:
        existing = {
            row.id: row.status
            for row in conn.execute(
                sa.select(duplicate_candidates.c.id, duplicate_candidates.c.status)
            )
        }
        new_rows = []
        for pid, (a, b, result) in found.items():
            x, y = sorted((a, b))
            reasons = [r.as_dict() for r in result.reasons]
            status = existing.get(pid)
            if status is None:
                new_rows.append({
                    "id": pid, "person_a": x, "person_b": y, "score": result.score,
                    "reasons": reasons, "status": "open", "found_at": now, "updated_at": now,
                })  # fmt: skip
                added += 1
            elif status == "open":
                conn.execute(
                    duplicate_candidates.update().where(duplicate_candidates.c.id == pid)
                    .values(score=result.score, reasons=reasons, updated_at=now)
                )  # fmt: skip
                updated += 1
        if new_rows:
            conn.execute(duplicate_candidates.insert(), new_rows)
    return {"persons": len(holder.index), "added": added, "updated": updated}


def _summary(person: dict[str, Any] | None) -> dict[str, Any] | None:
    if person is None:
        return None
    keys = ("id", "version", "given_names_latin", "surname_latin", "date_of_birth", "sex",
            "nationalities", "personal_code", "merged_into", "deleted")  # fmt: skip
    return {k: person.get(k) for k in keys}


@router.get("/persons/duplicates/queue")
def list_duplicates(
    conn: ConnDep,
    actor: ActorDep,
    status: Literal["open", "merged", "linked", "dismissed"] = "open",
    limit: int = Query(50, ge=1, le=500),
    offset: int = Query(0, ge=0),
) -> dict[str, Any]:
    if not _has_role(actor, MERGE_ROLES):
        raise ApiError(403, "duplicates.not_allowed")
    rows = conn.execute(
        sa.select(duplicate_candidates)
        .where(duplicate_candidates.c.status == status)
        .order_by(duplicate_candidates.c.score.desc(), duplicate_candidates.c.id)
        .limit(limit)
        .offset(offset)
    ).all()
    ids = sorted({r.person_a for r in rows} | {r.person_b for r in rows})
    persons = {
        r.id: {**r.data, "id": r.id, "version": r.version, "deleted": r.deleted}
        for r in conn.execute(sa.select(records).where(records.c.id.in_(ids)))
    } if ids else {}  # fmt: skip
    record_reads(conn, actor, "persons", ids, action="duplicates_queue")
    return {
        "items": [
            {
                "id": r.id,
                "score": r.score,
                "status": r.status,
                "reasons": r.reasons,
                "found_at": r.found_at.isoformat(),
                "person_a": _summary(persons.get(r.person_a)),
                "person_b": _summary(persons.get(r.person_b)),
            }  # fmt: skip
            for r in rows
        ]
    }


@router.post("/persons/duplicates/{pair}/dismiss")
def dismiss_duplicate(conn: ConnDep, actor: ActorDep, pair: uuid.UUID) -> dict[str, Any]:
    if not _has_role(actor, MERGE_ROLES):
        raise ApiError(403, "duplicates.not_allowed")
    row = conn.execute(
        sa.select(duplicate_candidates).where(duplicate_candidates.c.id == str(pair))
    ).first()
    if row is None:
        raise ApiError(404, "duplicates.not_found")
    now = datetime.now(UTC)
    _decide_pair(conn, row.person_a, row.person_b, "dismissed", actor.username, now)
    record_reads(
        conn, actor, "persons", [row.person_a, row.person_b], action="duplicate_dismissed",
        detail={"pair": row.id},
    )  # fmt: skip
    return {"id": row.id, "status": "dismissed"}
