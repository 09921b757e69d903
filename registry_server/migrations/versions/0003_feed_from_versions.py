"""record_versions carries its feed position and keeps its JSON as text

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

BigInt = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    with op.batch_alter_table("record_versions") as batch:
        batch.add_column(sa.Column("seq", BigInt, nullable=True))
    op.execute(
        "UPDATE record_versions SET seq = (SELECT c.seq FROM changes c "
        "WHERE c.record_id = record_versions.id AND c.version = record_versions.version)"
    )
    op.create_index("ix_record_versions_seq", "record_versions", ["seq"], unique=True)
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "record_versions",
            "data",
            type_=sa.JSON(),
            existing_type=postgresql.JSONB(),
            postgresql_using="data::json",
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "record_versions",
            "data",
            type_=postgresql.JSONB(),
            existing_type=sa.JSON(),
            postgresql_using="data::jsonb",
        )
    op.drop_index("ix_record_versions_seq", table_name="record_versions")
    with op.batch_alter_table("record_versions") as batch:
        batch.drop_column("seq")
