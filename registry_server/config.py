"""Server settings, read from arguments or the environment."""

from __future__ import annotations

import os
from dataclasses import dataclass

DATABASE_ENV = "REGISTRY_DATABASE_URL"


@dataclass(frozen=True)
class Settings:
    database_url: str
    # A training server accepts trainer accounts and marks everything as training.
    training: bool = False
    token_ttl_minutes: int = 8 * 60
    # Login throttling: this many failures in the window lock the name (and the client).
    login_max_failures: int = 5
    login_window_minutes: int = 15
    max_push_ops: int = 1000
    max_changes_page: int = 5000


def database_url_from(arg: str | None) -> str:
    url = arg or os.environ.get(DATABASE_ENV)
    if not url:
        raise SystemExit(
            f"Norādiet datubāzi ar --database vai {DATABASE_ENV}. / "
            f"Give the database with --database or {DATABASE_ENV}."
        )
    return url
