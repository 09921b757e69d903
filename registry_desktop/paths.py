"""Where the desktop keeps its files (platformdirs; overridable for tests)."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "RegistryDesktop"
APP_AUTHOR = "PMLP"
DATA_DIR_ENV = "REGISTRY_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir  # not at import: start-up time

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
