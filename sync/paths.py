"""Where the data layer keeps its files: the user's data folder (platformdirs).

`REGISTRY_DESKTOP_DATA_DIR` overrides the folder (tests, portable installs). The same
five lines live in `registry_desktop/paths.py`; the desktop may import them from here
instead (`sync` must not import `registry_desktop`).
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "RegistryDesktop"
APP_AUTHOR = "PMLP"
DATA_DIR_ENV = "REGISTRY_DESKTOP_DATA_DIR"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def slug(profile: str, username: str) -> str:
    """A file-name-safe, readable and collision-free name for (profile, username)."""
    readable = _UNSAFE.sub("-", f"{profile}--{username.strip().lower()}").strip("-.")[:60]
    digest = hashlib.sha256(f"{profile}\0{username.strip().lower()}".encode()).hexdigest()
    return f"{readable}-{digest[:10]}"


def cache_dir() -> Path:
    path = data_dir() / "cache"
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_path(profile: str, username: str) -> Path:
    """The local store of one officer on one server profile."""
    return cache_dir() / f"{slug(profile, username)}.db"


def offline_dir() -> Path:
    """Where the offline-login verifiers live."""
    path = data_dir() / "offline"
    path.mkdir(parents=True, exist_ok=True)
    return path
