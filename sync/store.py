"""The local store: the officer's cache of records and reference lists, and its search.

SQLAlchemy on SQLite, encrypted with SQLCipher when a key is given (see
`sync.store_schema`), in one file per (server profile, officer) under the user's data
folder (`sync.paths.cache_path`). One thread owns a `LocalStore` (the desktop's DB
worker); it holds a single connection and is not meant to be shared between threads.
The sync engine works on the same file through a second `LocalStore` of its own
(`opener()`: same path, same key kept in memory), on its own thread; WAL mode lets the
two read while the other writes, and writes take the lock first (BEGIN IMMEDIATE).
The officer comes first. In this process, write transactions on a file take a gate (a
lock per file) before BEGIN IMMEDIATE: a thread waiting for it is woken the moment the
other commits, where SQLite's busy handler would poll for the lock at up to 100 ms
intervals and may lose it again. Transactions waiting at the gate are counted
(`officer_waiting`); the engine's long pull transactions (`background=True`) look at
that count and commit early to let a save in, instead of making it wait for a whole
catch-up batch.

Errors of the file itself (wrong key, not a database, damaged pages, made by a newer
version) become `CacheUnreadable`, whose way forward is `LocalStore.rebuild(path)`.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from sync.errors import CacheUnreadable
from sync.query import parse_query
from sync.store_schema import (
    APPLICATION_ID,
    LATEST,
    application_id,
    insert_rows,
    make_engine,
    migrate,
)
from sync.store_schema import user_version as _user_version
from sync.store_search import (
    KeyRow,
    PersonEntry,
    SearchHit,
    document_entry,
    find_rids,
    load_hits,
    merge_hits,
    person_entry,
    write_index,
)

if TYPE_CHECKING:
    from sync.outbox import OpState, OutboxOp

__all__ = ["LocalStore", "Prepared", "SearchHit", "merge_hits", "prepare_records"]

T = TypeVar("T")
_BATCH = 5000  # records per batch of `cache_records` (a pull page is one batch)


def _now() -> datetime:
    return datetime.now(UTC)


def _iso(value: datetime) -> str:
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(UTC).isoformat()


def _dumps(value: Any) -> str:
    # orjson: the same compact UTF-8 JSON as json.dumps(ensure_ascii=False), several
    # times faster (a pull page writes a thousand records).
    return orjson.dumps(value, default=str, option=orjson.OPT_NON_STR_KEYS).decode()


# A record ready to be cached: (collection, id, version, deleted, person_id, case_id,
# data as JSON, its search-index entry: `person_entry` of a person, `document_entry`
# of a document, else None), the first seven in the column order of `records`.
Prepared = tuple[str, str, int, int, str | None, str | None, str, Any]


def prepare_records(records: Iterable[tuple[str, Mapping[str, Any]]]) -> list[Prepared]:
    """What `LocalStore.cache_prepared` writes; made without the database."""
    return [_prepare(collection, record) for collection, record in records]


def _prepare(collection: str, data: Mapping[str, Any]) -> Prepared:
    person_id = data.get("person_id") if collection != "persons" else None
    case_id = data.get("case_id")
    entry: Any = None
    if collection == "persons":
        entry = person_entry(data)
    elif collection == "documents":
        entry = document_entry(data)
    return (
        collection,
        str(data["id"]),
        int(data.get("version") or 0),
        1 if data.get("deleted") else 0,
        str(person_id) if person_id else None,
        str(case_id) if case_id else None,
        _dumps(data),
        entry,
    )


def _unreadable(exc: sa.exc.DBAPIError) -> bool:
    """A damaged or undecryptable file (SQLITE_CORRUPT / SQLITE_NOTADB), not a busy lock
    or a constraint: the driver raises its bare DatabaseError for exactly these."""
    if type(exc.orig).__name__ == "DatabaseError":
        return True
    text = str(exc.orig).lower()
    return any(s in text for s in ("not a database", "malformed", "vtable constructor"))


# Per store file (resolved path), in this process (the desktop and its sync engine are
# one process with two connections): the write gate, and how many foreground write
# transactions wait at it. A gate not taken within GATE_WAIT_S is passed by, leaving the
# wait to SQLite's busy timeout as before, so a mistake can cost time but never hang.
_gates: dict[str, threading.RLock] = {}
_waiting: Counter[str] = Counter()
_waiting_lock = threading.Lock()
GATE_WAIT_S = 10.0


def _gate(key: str) -> threading.RLock:
    with _waiting_lock:
        gate = _gates.get(key)
        if gate is None:
            gate = _gates[key] = threading.RLock()
        return gate


@contextmanager
def _counted_wait(key: str) -> Iterator[None]:
    with _waiting_lock:
        _waiting[key] += 1
    try:
        yield
    finally:
        with _waiting_lock:
            _waiting[key] -= 1
            if not _waiting[key]:
                del _waiting[key]


class LocalStore:
    def __init__(self, path: Path, engine: Engine, key: bytes | None = None) -> None:
        self.path = path
        self._engine = engine
        self._lock_key = str(path.resolve())
        # Kept in memory only, for `opener` (a second connection for the sync engine).
        self._key = key

    def __repr__(self) -> str:  # never shows the key
        return f"LocalStore({str(self.path)!r})"

    # -- lifecycle ------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path, key: bytes | None) -> LocalStore:
        """Open (creating and migrating as needed) the store at `path`.

        Raises CacheUnreadable on a wrong key, a damaged or foreign file, or a file made
        by a newer version of the program.
        """
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = make_engine(path, key)
        try:
            with engine.connect() as conn:
                version = _user_version(conn)
                app_id = application_id(conn)
                tables = conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar_one()
                conn.rollback()
            if version > LATEST:
                raise CacheUnreadable("cache.too_new")
            if (version or tables) and app_id != APPLICATION_ID:
                raise CacheUnreadable()
            migrate(engine)
        except CacheUnreadable:
            engine.dispose()
            raise
        except (sa.exc.DBAPIError, OSError) as exc:
            engine.dispose()
            raise CacheUnreadable() from exc
        return cls(path, engine, key)

    @classmethod
    def attach(cls, path: Path, key: bytes | None) -> LocalStore:
        """Another connection to a store file that `open` has already checked and migrated
        (the sync engine's own connection, see `opener`). Raises CacheUnreadable if the
        file cannot be read with `key`."""
        engine = make_engine(path, key)
        try:
            with engine.connect() as conn:
                version = _user_version(conn)
                conn.rollback()
        except (sa.exc.DBAPIError, OSError) as exc:
            engine.dispose()
            raise CacheUnreadable() from exc
        if version != LATEST:
            engine.dispose()
            raise CacheUnreadable("cache.too_new" if version > LATEST else None)
        return cls(path, engine, key)

    def opener(self) -> Callable[[], LocalStore]:
        """A factory of a second connection to this store, for another thread (the sync
        engine). The key stays in memory, inside the returned closure: it is not written
        to any file, setting or log."""
        path, key = self.path, self._key
        return lambda: LocalStore.attach(path, key)

    @staticmethod
    def rebuild(path: Path) -> None:
        """Delete the file (and its -wal/-shm) so that the next open starts empty."""
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> LocalStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self, background: bool = False) -> Iterator[Connection]:
        """A write transaction: the file's gate, then BEGIN IMMEDIATE (see
        `sync.store_schema.make_engine`). Unless `background`, its wait at the gate is
        counted (`officer_waiting`)."""
        gate = _gate(self._lock_key)
        if background:
            got = gate.acquire(timeout=GATE_WAIT_S)
        else:
            with _counted_wait(self._lock_key):
                got = gate.acquire(timeout=GATE_WAIT_S)
        try:
            with self._engine.connect() as conn:
                conn.execution_options(sqlite_write=True)
                with conn.begin():
                    yield conn
        except sa.exc.DBAPIError as exc:
            if _unreadable(exc):
                raise CacheUnreadable() from exc
            raise
        finally:
            if got:
                gate.release()

    def _read(self, fn: Callable[[Connection], T]) -> T:
        try:
            with self._engine.connect() as conn:
                try:
                    return fn(conn)
                finally:
                    conn.rollback()
        except sa.exc.DBAPIError as exc:
            if _unreadable(exc):
                raise CacheUnreadable() from exc
            raise

    @contextmanager
    def transaction(self, *, background: bool = False) -> Iterator[Connection]:
        """One write transaction (for `sync.outbox` / `sync.local_first`). Another
        connection's writer may make it fail with "database is locked"; see
        `sync.outbox.retry_busy`. `background`: a long transaction of the sync engine
        that yields to the officer (`officer_waiting`) and is not counted itself."""
        with self._write(background) as conn:
            yield conn

    def manual_checkpoints(self) -> None:
        """This connection no longer checkpoints the WAL when it commits (SQLite's
        automatic checkpoint runs inside COMMIT, so inside the gate: every save would
        wait for it); its owner calls `checkpoint` after committing instead. The sync
        engine's connection does this: it checkpoints after each pull transaction and
        after every cycle, the desktop's saves included, so the desktop's connection
        (`WAL_AUTOCHECKPOINT`) rarely finds a WAL long enough to do it in a save."""
        with self._engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_autocheckpoint = 0")

    def checkpoint(self) -> None:
        """Copy committed WAL pages into the file, outside any transaction and the gate:
        writers go on meanwhile (PASSIVE), and the WAL restarts from its beginning."""
        with self._engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    def officer_waiting(self) -> bool:
        """Whether another write transaction on this file (in this process) is waiting at
        its gate: a background writer should commit soon and let it in."""
        with _waiting_lock:
            return _waiting[self._lock_key] > 0

    def read(self, fn: Callable[[Connection], T]) -> T:
        return self._read(fn)

    def cache_in(
        self, conn: Connection, records: list[tuple[str, dict[str, Any]]], stamp: datetime
    ) -> None:
        """`cache_records` inside the caller's transaction (one batch)."""
        self.cache_prepared(conn, prepare_records(records), stamp)

    # -- the outbox (sync.outbox) ---------------------------------------------------

    def outbox(self, officer: str, *, include_applied: bool = False) -> list[OutboxOp]:
        """This officer's ops in push order; another officer's are never listed."""
        from sync import outbox

        return self._read(lambda c: outbox.list_ops(c, officer, include_applied=include_applied))

    def outbox_counts(self, officer: str) -> dict[OpState, int]:
        from sync import outbox

        return self._read(lambda c: outbox.counts(c, officer))

    def record_state(self, collection: str, record_id: str) -> str:
        """ "synced", "pending", "conflict" or "rejected" (blocked counts as rejected)."""
        from sync import outbox

        return self._read(lambda c: outbox.record_state(c, collection, record_id))

    @property
    def schema_version(self) -> int:
        return self._read(_user_version)

    # -- metadata -------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        def q(conn: Connection) -> str | None:
            row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (key,)).first()
            return str(row[0]) if row else None

        return self._read(q)

    def set_meta(self, key: str, value: str) -> None:
        with self._write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    # -- reference lists ------------------------------------------------------------

    def reference_versions(self) -> dict[str, int]:
        return self._read(
            lambda c: {
                str(r[0]): int(r[1])
                for r in c.exec_driver_sql("SELECT name, version FROM reference_lists")
            }
        )

    def apply_reference(
        self,
        name: str,
        version: int,
        items: list[dict[str, Any]],
        label_lv: str = "",
        label_en: str = "",
    ) -> None:
        """Upsert the changed items of one list and move the list to `version`."""
        now = _iso(_now())
        with self._write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO reference_lists (name, label_lv, label_en, version, refreshed_at) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET "
                "version = max(version, excluded.version), refreshed_at = excluded.refreshed_at, "
                "label_lv = coalesce(nullif(excluded.label_lv, ''), label_lv), "
                "label_en = coalesce(nullif(excluded.label_en, ''), label_en)",
                (name, label_lv, label_en, version, now),
            )
            if items:
                conn.exec_driver_sql(
                    "INSERT INTO reference_items (list_name, code, label_lv, label_en, "
                    "valid_from, valid_to, extra, sort, version) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (list_name, code) DO UPDATE "
                    "SET label_lv = excluded.label_lv, label_en = excluded.label_en, "
                    "valid_from = excluded.valid_from, valid_to = excluded.valid_to, "
                    "extra = excluded.extra, sort = excluded.sort, version = excluded.version",
                    [
                        (
                            name,
                            str(i["code"]),
                            str(i.get("label_lv") or ""),
                            str(i.get("label_en") or ""),
                            i.get("valid_from"),
                            i.get("valid_to"),
                            _dumps(i.get("extra") or {}),
                            int(i.get("sort") or 0),
                            int(i.get("version") or version),
                        )
                        for i in items
                    ],
                )
            conn.exec_driver_sql(
                "INSERT INTO meta (key, value) VALUES ('reference_checked_at', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (now,),
            )

    def mark_reference_checked(self, at: datetime | None = None) -> None:
        """A refresh found every list current: the cached lists are as fresh as now."""
        self.set_meta("reference_checked_at", _iso(at or _now()))

    def reference_lists(self) -> list[dict[str, Any]]:
        return self._read(
            lambda c: [
                {"name": r[0], "label_lv": r[1], "label_en": r[2], "version": r[3]}
                for r in c.exec_driver_sql(
                    "SELECT name, label_lv, label_en, version FROM reference_lists ORDER BY name"
                )
            ]
        )

    def reference_items(self, name: str) -> list[dict[str, Any]]:
        return self._read(
            lambda c: [
                {
                    "code": r[0],
                    "label_lv": r[1],
                    "label_en": r[2],
                    "valid_from": r[3],
                    "valid_to": r[4],
                    "extra": json.loads(r[5]),
                    "sort": r[6],
                    "version": r[7],
                }
                for r in c.exec_driver_sql(
                    "SELECT code, label_lv, label_en, valid_from, valid_to, extra, sort, version "
                    "FROM reference_items WHERE list_name = ? ORDER BY sort, code",
                    (name,),
                )
            ]
        )

    def reference_age(self) -> datetime | None:
        value = self.get_meta("reference_checked_at")
        return datetime.fromisoformat(value) if value else None

    # -- records --------------------------------------------------------------------

    def cache_records(
        self,
        records: Iterable[tuple[str, dict[str, Any]]],
        fetched_at: datetime | None = None,
    ) -> None:
        """Keep the newest version of each record; index persons and documents.

        A version older than the cached one is ignored; the same version refreshes the
        fetch time (and completes fields a shorter answer, such as a search result, lacked).
        """
        stamp = _iso(fetched_at or _now())
        batch: list[tuple[str, dict[str, Any]]] = []
        with self._write() as conn:
            for item in records:
                batch.append(item)
                if len(batch) >= _BATCH:
                    self._cache_batch(conn, batch, stamp)
                    batch = []
            if batch:
                self._cache_batch(conn, batch, stamp)

    def _cache_batch(
        self, conn: Connection, batch: list[tuple[str, dict[str, Any]]], stamp: str
    ) -> None:
        self.cache_prepared(conn, prepare_records(batch), stamp)

    def cache_prepared(self, conn: Connection, rows: list[Prepared], stamp: datetime | str) -> None:
        """`cache_records` of records made ready by `prepare_records` (which needs no
        database, so the sync engine runs it on its HTTP thread), inside the caller's
        transaction, in a few statements for the whole batch."""
        if not rows:
            return
        if isinstance(stamp, datetime):
            stamp = _iso(stamp)
        # The last copy of a record within the batch wins only if it is not older.
        latest = {(r[0], r[1]): r for r in rows}
        if len(latest) < len(rows):
            latest = {}
            for r in rows:
                prev = latest.get((r[0], r[1]))
                if prev is None or r[2] >= prev[2]:
                    latest[(r[0], r[1])] = r
        # One look-up for the whole batch (json_each rather than thousands of host
        # parameters); the cached data only of rows that get merged (same version).
        existing: dict[tuple[str, str], tuple[int, int]] = {
            (str(r[0]), str(r[1])): (int(r[2]), int(r[3]))
            for r in conn.exec_driver_sql(
                "SELECT collection, id, rid, version FROM records "
                "WHERE id IN (SELECT value FROM json_each(?))",
                (_dumps(sorted({rid for _, rid in latest})),),
            )
        }
        same = [old[0] for k, old in existing.items() if k in latest and latest[k][2] == old[1]]
        old_data: dict[int, str] = {}
        if same:
            old_data = {
                int(r[0]): str(r[1])
                for r in conn.exec_driver_sql(
                    "SELECT rid, data FROM records WHERE rid IN (SELECT value FROM json_each(?))",
                    (_dumps(same),),
                )
            }
        next_rid = int(
            conn.exec_driver_sql("SELECT coalesce(max(rid), 0) FROM records").scalar_one()
        )
        inserts: list[tuple[Any, ...]] = []
        updates: list[tuple[Any, ...]] = []
        persons: list[tuple[int, PersonEntry, bool, str]] = []
        docs: list[tuple[list[KeyRow], bool, str]] = []
        for key, row in latest.items():
            old = existing.get(key)
            if old is None:
                next_rid += 1
                rid = next_rid
                inserts.append((rid, *row[:7], stamp))
            elif row[2] < old[1]:
                continue
            elif row[2] == old[1]:
                # Same version: refresh the fetch time, complete the fields it lacked.
                merged = _prepare(
                    key[0], {**orjson.loads(old_data[old[0]]), **orjson.loads(row[6])}
                )
                updates.append((*merged[2:7], stamp, old[0]))
                continue  # same content: the index is current
            else:
                rid = old[0]
                updates.append((*row[2:7], stamp, rid))
            if key[0] == "persons":
                persons.append((rid, row[7], old is not None, key[1]))
            elif key[0] == "documents":
                docs.append((row[7] or [], old is not None, key[1]))
        insert_rows(
            conn,
            "INSERT INTO records (rid, collection, id, version, deleted, person_id, case_id, "
            "data, fetched_at)",
            inserts,
        )
        if updates:
            conn.exec_driver_sql(
                "UPDATE records SET version = ?, deleted = ?, person_id = ?, case_id = ?, "
                "data = ?, fetched_at = ? WHERE rid = ?",
                updates,
            )
        write_index(conn, persons, docs)

    def cache_dossier(self, dossier: dict[str, Any], fetched_at: datetime | None = None) -> None:
        """The person and every related record, as `ApiClient.dossier` returns them."""
        at = fetched_at or _now()
        person = dossier["person"]
        related: Mapping[str, list[dict[str, Any]]] = dossier.get("related") or {}
        items: list[tuple[str, dict[str, Any]]] = [("persons", person)]
        for collection, rows in related.items():
            items.extend((collection, row) for row in rows)
        self.cache_records(items, fetched_at=at)
        with self._write() as conn:
            conn.exec_driver_sql(
                "INSERT INTO dossiers (person_id, collections, fetched_at) VALUES (?, ?, ?) "
                "ON CONFLICT (person_id) DO UPDATE SET collections = excluded.collections, "
                "fetched_at = excluded.fetched_at",
                (str(person["id"]), _dumps(sorted(related)), _iso(at)),
            )

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        def q(conn: Connection) -> dict[str, Any] | None:
            row = conn.exec_driver_sql(
                "SELECT data FROM records WHERE id = ? AND collection = ?",
                (str(record_id), collection),
            ).first()
            return dict(orjson.loads(row[0])) if row else None

        return self._read(q)

    def fetched_at(self, collection: str, record_id: str) -> datetime | None:
        def q(conn: Connection) -> datetime | None:
            row = conn.exec_driver_sql(
                "SELECT fetched_at FROM records WHERE id = ? AND collection = ?",
                (str(record_id), collection),
            ).first()
            return datetime.fromisoformat(row[0]) if row else None

        return self._read(q)

    def dossier(self, person_id: str) -> dict[str, Any] | None:
        """The API's dossier shape from the cache, plus `fetched_at` (ISO) of the dossier
        (or of the person when no dossier was fetched); None if the person is not cached."""

        def q(conn: Connection) -> dict[str, Any] | None:
            pid = str(person_id)
            person = conn.exec_driver_sql(
                "SELECT data, fetched_at FROM records WHERE id = ? AND collection = 'persons'",
                (pid,),
            ).first()
            if person is None:
                return None
            meta = conn.exec_driver_sql(
                "SELECT collections, fetched_at FROM dossiers WHERE person_id = ?", (pid,)
            ).first()
            related: dict[str, list[dict[str, Any]]] = (
                {name: [] for name in json.loads(meta[0])} if meta else {}
            )
            case_ids = [
                str(r[0])
                for r in conn.exec_driver_sql(
                    "SELECT id FROM records WHERE collection = 'cases' AND person_id = ?", (pid,)
                )
            ]
            marks = ",".join("?" for _ in case_ids)
            cond = "person_id = ?" + (f" OR case_id IN ({marks})" if case_ids else "")
            for row in conn.exec_driver_sql(
                f"SELECT collection, data FROM records WHERE ({cond}) "
                f"AND collection != 'persons' AND deleted = 0 ORDER BY rid",
                (pid, *case_ids),
            ):
                related.setdefault(str(row[0]), []).append(orjson.loads(row[1]))
            return {
                "person": orjson.loads(person[0]),
                "related": related,
                "fetched_at": meta[1] if meta else person[1],
            }

        return self._read(q)

    def person_count(self) -> int:
        return self._read(
            lambda c: int(
                c.exec_driver_sql(
                    "SELECT count(*) FROM records WHERE collection = 'persons' AND deleted = 0"
                ).scalar_one()
            )
        )

    # -- search ---------------------------------------------------------------------

    def search(self, q: str, limit: int = 50) -> list[SearchHit]:
        """Persons in the cache that match the search box's text, best first."""
        query = parse_query(q)
        if query.empty or query.invalid:
            return []
        return self._read(lambda c: load_hits(c, find_rids(c, query, limit), query))

    def optimize(self) -> None:
        """Merge the search index's segments (after a large import); takes a while."""
        with self._write() as conn:
            conn.exec_driver_sql("INSERT INTO person_fts (person_fts) VALUES ('optimize')")
            conn.exec_driver_sql("PRAGMA optimize")
