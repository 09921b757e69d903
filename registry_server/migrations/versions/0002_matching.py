"""person matching: duplicates queue, merges, legacy import log

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

Json = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "duplicate_candidates",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("person_a", sa.String(36), nullable=False),
        sa.Column("person_b", sa.String(36), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reasons", Json, nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("found_at", Stamp, nullable=False),
        sa.Column("updated_at", Stamp, nullable=False),
        sa.Column("decided_at", Stamp, nullable=True),
        sa.Column("decided_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duplicate_candidates")),
        sa.UniqueConstraint("person_a", "person_b", name="uq_duplicate_candidates_pair"),
    )
    with op.batch_alter_table("duplicate_candidates") as batch_op:
        batch_op.create_index("ix_duplicate_candidates_person_a", ["person_a"])
        batch_op.create_index("ix_duplicate_candidates_person_b", ["person_b"])
        batch_op.create_index("ix_duplicate_candidates_status", ["status"])
    op.create_table(
        "person_merges",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("survivor_id", sa.String(36), nullable=False),
        sa.Column("merged_id", sa.String(36), nullable=False),
        sa.Column("at", Stamp, nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("detail", Json, nullable=False),
        sa.Column("undone_at", Stamp, nullable=True),
        sa.Column("undone_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_merges")),
    )
    with op.batch_alter_table("person_merges") as batch_op:
        batch_op.create_index("ix_person_merges_survivor_id", ["survivor_id"])
        batch_op.create_index("ix_person_merges_merged_id", ["merged_id"])
    op.create_table(
        "legacy_import_log",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True,
            nullable=False,
        ),
        sa.Column("run_id", sa.String(36), nullable=False),
        sa.Column("at", Stamp, nullable=False),
        sa.Column("username", sa.String(100), nullable=False),
        sa.Column("source", sa.String(10), nullable=False),
        sa.Column("file_sha256", sa.String(64), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.Column("legacy_id", sa.String(60), nullable=True),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("person_id", sa.String(36), nullable=True),
        sa.Column("records", Json, nullable=True),
        sa.Column("message", sa.String(1000), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_legacy_import_log")),
    )
    with op.batch_alter_table("legacy_import_log") as batch_op:
        batch_op.create_index("ix_legacy_import_log_run_id", ["run_id"])
        batch_op.create_index("ix_legacy_import_log_file_sha256", ["file_sha256"])


def downgrade() -> None:
    op.drop_table("legacy_import_log")
    op.drop_table("person_merges")
    op.drop_table("duplicate_candidates")
