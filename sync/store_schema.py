"""The local store's file: connection (SQLCipher), identity check and numbered migrations.

The schema version is `PRAGMA user_version`; `MIGRATIONS[n - 1]` brings a file from
version n - 1 to n, inside one transaction, and is never edited once released (a change
is a new step). `PRAGMA application_id` marks the file as ours, so a foreign SQLite file
is recognised instead of being migrated.

The driver is `sqlcipher3` for every file, encrypted or not: it carries a recent SQLite
(FTS5 with `contentless_delete`), while the interpreter's own sqlite3 may be older. It is
plugged into SQLAlchemy's pysqlite dialect with `module=` and a `creator`, rather than
through the `sqlite+pysqlcipher://` URL, because that dialect always sends `PRAGMA key`
(an empty key is an error for an unencrypted file) and the key is raw bytes, not a
passphrase: `PRAGMA key = "x'<hex>'"` skips SQLCipher's PBKDF2, since the key is already
random (keyring) or derived with Argon2id (see `sync.credentials`).

Encrypted files are written in 8 KB pages authenticated with HMAC-SHA256
(`CIPHER_FORMAT`) rather than SQLCipher 4's default of 4 KB pages with HMAC-SHA512: a
pull writes megabytes, and per-page encryption and HMAC were most of the client's time.
bench/sync.py, same machine: pull 10,214 → 12,360–12,925 rows/s, a save as fast as
before; 16 KB pages pulled a little faster still but made each save a third slower.
Files made before keep SQLCipher's defaults, found on opening (`LEGACY_FORMAT`):
nothing in them (the outbox above all) is given up for speed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import StaticPool

APPLICATION_ID = 0x52524431  # "RRD1"


def _dbapi() -> Any:
    import sqlcipher3.dbapi2

    return sqlcipher3.dbapi2


BUSY_TIMEOUT_S = 10.0  # a writer waits this long for the other connection's write lock


def make_engine(path: Path, key: bytes | None) -> Engine:
    """One connection (StaticPool) for the one thread that owns it.

    A store file may have two connections, each owned by one thread: the desktop's DB
    worker and the sync engine (`LocalStore.opener`). WAL lets readers go on while the
    other writes; a write transaction starts with BEGIN IMMEDIATE (see `_begin`), so it
    takes the write lock first and waits for it (busy timeout) instead of failing when
    the other connection committed after it had read.
    """
    module = _dbapi()

    def attempt(cipher_format: Sequence[str]) -> Any:
        conn = module.connect(
            str(path), check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_S
        )
        conn.execute("PRAGMA cipher_log_level = NONE")
        try:
            if key is not None:
                conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
                for pragma in cipher_format:
                    conn.execute(pragma)
            # The first read proves the key and the format (or that the file is a
            # database at all).
            conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
            for pragma in _PRAGMAS:
                conn.execute(pragma)
        except BaseException:
            conn.close()
            raise
        return conn

    def connect() -> Any:
        try:
            return attempt(CIPHER_FORMAT)
        except module.DatabaseError:
            if key is None or not _has_content(path):
                raise
        # A file written before CIPHER_FORMAT (or a wrong key: then this fails too).
        return attempt(LEGACY_FORMAT)

    engine = sa.create_engine(
        "sqlite+pysqlite://", module=module, creator=connect, poolclass=StaticPool
    )

    # pysqlite's own transaction handling emits BEGIN late (and never for DDL); with the
    # driver in autocommit mode SQLAlchemy's begin() is the real BEGIN (SQLAlchemy docs,
    # "Serializable isolation / Savepoints / Transactional DDL").
    # A connection marked `execution_options(sqlite_write=True)` (LocalStore._write) takes
    # the write lock at once: BEGIN IMMEDIATE.
    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("sqlite_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


# Rows per multi-row INSERT of `insert_rows` (at most 9 columns: far below SQLite's
# 32,766 host parameters).
ROWS_PER_INSERT = 1000


def insert_rows(conn: Connection, head: str, rows: Sequence[Sequence[Any]]) -> None:
    """`head` ("INSERT INTO t (a, b)") VALUES (...), (...) with up to `ROWS_PER_INSERT`
    rows per statement, not `executemany`: that releases and retakes the GIL around
    every row, and while another thread runs Python (the sync engine's HTTP thread
    preparing the next page) each retake waits for a switch interval (5 ms)."""
    if not rows:
        return
    one = "(" + ",".join("?" * len(rows[0])) + ")"
    for start in range(0, len(rows), ROWS_PER_INSERT):
        chunk = rows[start : start + ROWS_PER_INSERT]
        conn.exec_driver_sql(
            f"{head} VALUES {','.join([one] * len(chunk))}",
            tuple(value for row in chunk for value in row),
        )


# Set after the key, before the first read; they must match the file's own settings.
CIPHER_FORMAT = (
    "PRAGMA cipher_page_size = 8192",
    "PRAGMA cipher_hmac_algorithm = HMAC_SHA256",
)
LEGACY_FORMAT: tuple[str, ...] = ()  # SQLCipher 4's defaults: 4 KB pages, HMAC-SHA512


def _has_content(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


# WAL frames (8 KB pages) after which a commit checkpoints by itself. The sync engine
# checkpoints by hand, outside the write lock (`LocalStore.manual_checkpoints`); this
# limit, far above what it leaves behind, is a backstop for a connection without it.
WAL_AUTOCHECKPOINT = 20_000

_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32000",
    f"PRAGMA wal_autocheckpoint = {WAL_AUTOCHECKPOINT}",
)


# --------------------------------------------------------------------------- migrations


def _v1(conn: Connection) -> None:
    """Metadata, the record cache, reference lists, fetched dossiers."""
    for ddl in (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE records (
            rid INTEGER PRIMARY KEY,
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            deleted INTEGER NOT NULL DEFAULT 0,
            person_id TEXT,
            case_id TEXT,
            data TEXT NOT NULL,
            fetched_at TEXT NOT NULL,
            UNIQUE (id, collection)
        )""",
        "CREATE INDEX records_person ON records (person_id) WHERE person_id IS NOT NULL",
        "CREATE INDEX records_case ON records (case_id) WHERE case_id IS NOT NULL",
        """CREATE TABLE reference_lists (
            name TEXT PRIMARY KEY,
            label_lv TEXT NOT NULL DEFAULT '',
            label_en TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL,
            refreshed_at TEXT NOT NULL
        )""",
        """CREATE TABLE reference_items (
            list_name TEXT NOT NULL REFERENCES reference_lists (name) ON DELETE CASCADE,
            code TEXT NOT NULL,
            label_lv TEXT NOT NULL,
            label_en TEXT NOT NULL,
            valid_from TEXT,
            valid_to TEXT,
            extra TEXT NOT NULL DEFAULT '{}',
            sort INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL,
            PRIMARY KEY (list_name, code)
        ) WITHOUT ROWID""",
        """CREATE TABLE dossiers (
            person_id TEXT PRIMARY KEY,
            collections TEXT NOT NULL,
            fetched_at TEXT NOT NULL
        )""",
    ):
        conn.exec_driver_sql(ddl)


def _v2(conn: Connection) -> None:
    """The person search index: FTS5 over names and their variants, plus key tables."""
    from sync.store_search import reindex_all

    for ddl in (
        # One row per cached, not deleted person: what scoring and the DOB filter need.
        """CREATE TABLE person_index (
            rid INTEGER PRIMARY KEY REFERENCES records (rid) ON DELETE CASCADE,
            names TEXT NOT NULL,
            keys TEXT NOT NULL,
            dob TEXT
        )""",
        "CREATE INDEX person_index_dob ON person_index (dob) WHERE dob IS NOT NULL",
        # Folded tokens (exact spelling) and equivalence keys (variants); rowid = rid.
        # Contentless: the text lives in person_index; detail=column is enough for
        # column filters and keeps the index small; prefix indexes for short prefixes.
        """CREATE VIRTUAL TABLE person_fts USING fts5(
            names, keys,
            content = '', contentless_delete = 1, detail = column,
            tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3'
        )""",
        # Personal codes and document numbers, exact or prefix; person_id may name a
        # person not (yet) cached; src_id is the record the key came from.
        """CREATE TABLE search_keys (
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            person_id TEXT NOT NULL,
            src_id TEXT NOT NULL,
            PRIMARY KEY (kind, key, person_id, src_id)
        ) WITHOUT ROWID""",
        "CREATE INDEX search_keys_src ON search_keys (src_id)",
    ):
        conn.exec_driver_sql(ddl)
    reindex_all(conn)


def _v3(conn: Connection) -> None:
    """The outbox (issue 4): local ops in order, the registry's copy of records that have
    unsent local changes, a local audit of the officer's sync decisions."""
    for ddl in (
        # position = the order in which ops were saved and must be pushed.
        """CREATE TABLE outbox (
            position INTEGER PRIMARY KEY AUTOINCREMENT,
            op_id TEXT NOT NULL UNIQUE,
            officer TEXT NOT NULL,
            collection TEXT NOT NULL,
            record_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            base_version INTEGER,
            fields TEXT NOT NULL,
            created_at TEXT NOT NULL,
            depends_on TEXT NOT NULL DEFAULT '[]',
            state TEXT NOT NULL DEFAULT 'pending',
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error_code TEXT,
            last_error TEXT,
            error_fields TEXT NOT NULL DEFAULT '{}',
            conflict TEXT,
            applied_version INTEGER,
            answered_at TEXT,
            base TEXT NOT NULL DEFAULT '{}'
        )""",
        "CREATE INDEX outbox_officer_state ON outbox (officer, state, position)",
        "CREATE INDEX outbox_record ON outbox (record_id, collection)",
        # The registry's own copy (data, version) of a record while local ops are unsettled;
        # the records table then holds the officer's view (this copy + the ops' fields).
        """CREATE TABLE record_shadow (
            collection TEXT NOT NULL,
            id TEXT NOT NULL,
            version INTEGER NOT NULL,
            data TEXT NOT NULL,
            PRIMARY KEY (id, collection)
        ) WITHOUT ROWID""",
        # Ops that left the outbox without being applied: discarded, or superseded by a
        # conflict resolution. Dependants look here; the audit view reads it.
        """CREATE TABLE outbox_done (
            op_id TEXT PRIMARY KEY,
            officer TEXT NOT NULL,
            outcome TEXT NOT NULL,
            kind TEXT NOT NULL,
            op TEXT NOT NULL,
            at TEXT NOT NULL
        )""",
        """CREATE TABLE sync_audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            officer TEXT NOT NULL,
            action TEXT NOT NULL,
            op_id TEXT NOT NULL,
            detail TEXT NOT NULL
        )""",
    ):
        conn.exec_driver_sql(ddl)


MIGRATIONS: tuple[Callable[[Connection], None], ...] = (_v1, _v2, _v3)
LATEST = len(MIGRATIONS)


def user_version(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA user_version").scalar_one())


def application_id(conn: Connection) -> int:
    return int(conn.exec_driver_sql("PRAGMA application_id").scalar_one())


def migrate(engine: Engine, target: int = LATEST) -> int:
    """Run the missing steps up to `target`, each in its own transaction; the new version."""
    with engine.connect() as conn:
        current = user_version(conn)
        conn.rollback()
    for step in range(current, target):
        with engine.begin() as conn:
            if step == 0:
                conn.exec_driver_sql(f"PRAGMA application_id = {APPLICATION_ID}")
            MIGRATIONS[step](conn)
            conn.exec_driver_sql(f"PRAGMA user_version = {step + 1}")
    return max(current, target)
