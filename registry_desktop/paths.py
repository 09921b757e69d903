"""Where the desktop keeps its files (platformdirs; overridable for tests)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "RegistryDesktop"
APP_AUTHOR = "PMLP"
DATA_DIR_ENV = "REGISTRY_DESKTOP_DATA_DIR"


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
