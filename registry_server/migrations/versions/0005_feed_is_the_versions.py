"""the change feed is `record_versions.seq`: the `changes` table goes

Since 0003 every version carries its feed position and `/changes` reads the versions;
the separate `changes` table only repeated (seq, collection, id, version, deleted) of
each version and cost a row per write.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

BigInt = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.drop_table("changes")


def downgrade() -> None:
    op.create_table(
        "changes",
        sa.Column("seq", BigInt, autoincrement=False, nullable=False),
        sa.Column("collection", sa.String(40), nullable=False),
        sa.Column("record_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_changes"),
    )
    op.execute(
        "INSERT INTO changes (seq, collection, record_id, version, deleted) "
        "SELECT seq, collection, id, version, deleted FROM record_versions "
        "WHERE seq IS NOT NULL"
    )
