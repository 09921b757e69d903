"""The registry's database tables (SQLAlchemy Core), the same on PostgreSQL and SQLite.

Records are stored as JSON documents in one table: the record schemas live in
`registry_core` and are validated there, so the database does not repeat them; what the
database must know (identity, version, tombstone, history, the change feed, search keys)
has columns of its own. Migrations (`migrations/versions`) create exactly these tables.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

Json = sa.JSON().with_variant(JSONB(), "postgresql")
Stamp = sa.DateTime(timezone=True)

users = sa.Table(
    "users",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("username", sa.String(100), nullable=False, unique=True),
    sa.Column("full_name", sa.String(200), nullable=False),
    sa.Column("password_hash", sa.String(300), nullable=False),
    sa.Column("institution", sa.String(10), nullable=False),
    sa.Column("unit", sa.String(40), nullable=False),
    sa.Column("roles", Json, nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, default=True),
    sa.Column("created_at", Stamp, nullable=False),
)

tokens = sa.Table(
    "tokens",
    metadata,
    # Only a hash of the bearer token is kept: a leaked table opens no session.
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("user_id", sa.String(36), sa.ForeignKey("users.id"), nullable=False),
    sa.Column("issued_at", Stamp, nullable=False),
    sa.Column("expires_at", Stamp, nullable=False),
    sa.Column("device_id", sa.String(100)),
    sa.Column("revoked", sa.Boolean, nullable=False, default=False),
)

login_attempts = sa.Table(
    "login_attempts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("username", sa.String(100), nullable=False, index=True),
    sa.Column("client", sa.String(100), nullable=False, index=True),
    sa.Column("at", Stamp, nullable=False),
    sa.Column("success", sa.Boolean, nullable=False),
)

reference_lists = sa.Table(
    "reference_lists",
    metadata,
    sa.Column("name", sa.String(60), primary_key=True),
    sa.Column("label_lv", sa.String(200), nullable=False),
    sa.Column("label_en", sa.String(200), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
)

reference_items = sa.Table(
    "reference_items",
    metadata,
    sa.Column("list_name", sa.String(60), primary_key=True),
    sa.Column("code", sa.String(60), primary_key=True),
    sa.Column("label_lv", sa.String(300), nullable=False),
    sa.Column("label_en", sa.String(300), nullable=False),
    sa.Column("valid_from", sa.Date),
    sa.Column("valid_to", sa.Date),
    sa.Column("extra", Json, nullable=False),
    sa.Column("sort", sa.Integer, nullable=False, default=0),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Index("ix_reference_items_list_version", "list_name", "version"),
)

records = sa.Table(
    "records",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("collection", sa.String(40), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("data", Json, nullable=False),
    sa.Column("created_at", Stamp, nullable=False),
    sa.Column("created_by", sa.String(100), nullable=False),
    sa.Column("updated_at", Stamp, nullable=False),
    sa.Column("updated_by", sa.String(100), nullable=False),
    # The record it belongs to (a decision's case, a case's person): lists by parent.
    sa.Column("person_id", sa.String(36), index=True),
    sa.Column("case_id", sa.String(36), index=True),
    sa.Index("ix_records_collection", "collection"),
    # Room on each page for HOT updates (a new version that changes no indexed column).
    postgresql_with={"fillfactor": 80},
)

record_versions = sa.Table(
    "record_versions",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("collection", sa.String(40), nullable=False),
    sa.Column("changed_fields", Json, nullable=False),
    # Plain JSON text, not JSONB: versions are only ever read whole, and the change feed
    # streams this text as it is (no JSONB-to-text conversion on every read).
    sa.Column("data", sa.JSON, nullable=False),
    sa.Column("deleted", sa.Boolean, nullable=False, default=False),
    sa.Column("at", Stamp, nullable=False),
    sa.Column("by", sa.String(100), nullable=False),
    sa.Column("op_id", sa.String(36)),
    sa.Column("kind", sa.String(60), nullable=False),
    # The change feed: each version's position in it. `seq` is handed out under the feed
    # counter's row lock inside the writing transaction, so positions become visible in
    # order and without gaps; rows are appended in seq order, so the feed reads them
    # almost sequentially by this index.
    sa.Column("seq", sa.BigInteger().with_variant(sa.Integer, "sqlite"), nullable=True),
    sa.Index("ix_record_versions_seq", "seq", unique=True),
)

counters = sa.Table(
    "counters",
    metadata,
    sa.Column("name", sa.String(60), primary_key=True),
    sa.Column("value", sa.BigInteger().with_variant(sa.Integer, "sqlite"), nullable=False),
)

applied_ops = sa.Table(
    "applied_ops",
    metadata,
    sa.Column("op_id", sa.String(36), primary_key=True),  # unique: an op applies once
    sa.Column("device_id", sa.String(100), nullable=False),
    sa.Column("username", sa.String(100), nullable=False),
    sa.Column("collection", sa.String(40), nullable=False),
    sa.Column("record_id", sa.String(36), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("at", Stamp, nullable=False),
)

search_keys = sa.Table(
    "search_keys",
    metadata,
    sa.Column("person_id", sa.String(36), nullable=False, index=True),
    sa.Column("key", sa.String(200), nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    # LIKE 'prefix%' uses a B-tree on PostgreSQL only with pattern ops (any collation);
    # the same index serves equality.
    sa.Index("ix_search_keys_key_pattern", "key", postgresql_ops={"key": "text_pattern_ops"}),
)

audit_log = sa.Table(
    "audit_log",
    metadata,
    sa.Column(
        "id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("at", Stamp, nullable=False),
    sa.Column("username", sa.String(100), nullable=False, index=True),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("collection", sa.String(40)),
    sa.Column("record_id", sa.String(36), index=True),
    sa.Column("fields", Json),
    sa.Column("device_id", sa.String(100)),
    sa.Column("purpose", sa.String(300)),
    sa.Column("client", sa.String(100)),
    sa.Column("detail", Json),
    # The log only grows, in time order: BRIN on PostgreSQL.
    sa.Index("ix_audit_log_at", "at", postgresql_using="brin"),
)

# -- person matching (issue 7): duplicates queue, merges, legacy import log ------------

duplicate_candidates = sa.Table(
    "duplicate_candidates",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),  # uuid5 of the ordered pair
    sa.Column("person_a", sa.String(36), nullable=False, index=True),
    sa.Column("person_b", sa.String(36), nullable=False, index=True),
    sa.Column("score", sa.Float, nullable=False),
    sa.Column("reasons", Json, nullable=False),
    # open → merged | linked | dismissed (a decided pair is not queued again)
    sa.Column("status", sa.String(20), nullable=False, index=True),
    sa.Column("found_at", Stamp, nullable=False),
    sa.Column("updated_at", Stamp, nullable=False),
    sa.Column("decided_at", Stamp),
    sa.Column("decided_by", sa.String(100)),
    sa.UniqueConstraint("person_a", "person_b", name="uq_duplicate_candidates_pair"),
)

person_merges = sa.Table(
    "person_merges",
    metadata,
    sa.Column("id", sa.String(36), primary_key=True),
    sa.Column("survivor_id", sa.String(36), nullable=False, index=True),
    sa.Column("merged_id", sa.String(36), nullable=False, index=True),
    sa.Column("at", Stamp, nullable=False),
    sa.Column("by", sa.String(100), nullable=False),
    sa.Column("status", sa.String(20), nullable=False),  # done | undone
    sa.Column("reason", sa.String(500)),
    # what undo needs: moved records, the survivor's fields before, the tombstone before
    sa.Column("detail", Json, nullable=False),
    sa.Column("undone_at", Stamp),
    sa.Column("undone_by", sa.String(100)),
)

legacy_import_log = sa.Table(
    "legacy_import_log",
    metadata,
    sa.Column(
        "id",
        sa.BigInteger().with_variant(sa.Integer, "sqlite"),
        primary_key=True,
        autoincrement=True,
    ),
    sa.Column("run_id", sa.String(36), nullable=False, index=True),
    sa.Column("at", Stamp, nullable=False),
    sa.Column("username", sa.String(100), nullable=False),
    sa.Column("source", sa.String(10), nullable=False),  # pmlp | vrs
    sa.Column("file_sha256", sa.String(64), nullable=False, index=True),
    sa.Column("row_no", sa.Integer, nullable=False),
    sa.Column("legacy_id", sa.String(60)),
    # created | matched | unchanged | review | rejected
    sa.Column("outcome", sa.String(20), nullable=False),
    sa.Column("person_id", sa.String(36)),
    sa.Column("records", Json),
    sa.Column("message", sa.String(1000)),
)
