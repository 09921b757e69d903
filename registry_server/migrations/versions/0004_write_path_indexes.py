"""cheaper writes: one search-key index, a BRIN audit time index, room for HOT updates

- `search_keys.key` had two B-trees on PostgreSQL; the `text_pattern_ops` one serves both
  equality and prefix search, so the plain one only cost writes (on SQLite the two were
  the same index).
- `audit_log.at` only grows: a BRIN index answers time-range questions at a fraction of
  a B-tree's upkeep (PostgreSQL; SQLite keeps its B-tree).
- `records` leaves a fifth of each page free, so an update that changes no indexed
  column stays on its page without new index entries (PostgreSQL HOT updates).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _postgres() -> bool:
    return op.get_bind().dialect.name == "postgresql"


def upgrade() -> None:
    op.drop_index("ix_search_keys_key", table_name="search_keys")
    if _postgres():
        op.drop_index("ix_audit_log_at", table_name="audit_log")
        op.create_index("ix_audit_log_at", "audit_log", ["at"], postgresql_using="brin")
        op.execute("ALTER TABLE records SET (fillfactor = 80)")


def downgrade() -> None:
    if _postgres():
        op.execute("ALTER TABLE records RESET (fillfactor)")
        op.drop_index("ix_audit_log_at", table_name="audit_log")
        op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_search_keys_key", "search_keys", ["key"])
