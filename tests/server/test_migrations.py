"""The migrations build exactly the tables the code uses, on PostgreSQL and SQLite."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from registry_server.db import alembic_config, current_revision, make_engine, migrate
from registry_server.tables import metadata


def test_migrated_schema_matches_the_tables(database_url: str) -> None:
    engine = make_engine(database_url)
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), metadata
        )
    engine.dispose()
    assert diff == []


def test_downgrade_to_nothing_and_up_again(database_url: str) -> None:
    command.downgrade(alembic_config(database_url), "base")
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    migrate(database_url)
    assert current_revision(engine) is not None
    engine.dispose()
