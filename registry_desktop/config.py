"""The desktop's settings file: registry profiles, language, idle lock, device id.

`settings.json` in the user data folder (`REGISTRY_DESKTOP_SETTINGS` points elsewhere).
An administrator deploys the registry URLs; the officer's choices (language, last
profile and username) are written back. Nothing secret is ever stored here.

Example::

    {"profiles": [{"name": "rigas-birojs", "label": "Rīga", "url": "https://registry.example/api/v1"}],
     "idle_lock_minutes": 10, "language": "lv"}
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from registry_desktop.paths import data_dir

SETTINGS_ENV = "REGISTRY_DESKTOP_SETTINGS"
TRAINING_PROFILE = "training"
DEFAULT_IDLE_MINUTES = 10.0


@dataclass(frozen=True)
class Profile:
    name: str  # stable key: verifier, keyring entry and cache folder hang on it
    url: str
    label: str = ""
    verify: bool | str = True  # TLS verification on; a CA bundle path where needed
    training: bool = False

    @property
    def display(self) -> str:
        return self.label or self.name


@dataclass
class Settings:
    profiles: list[Profile] = field(default_factory=list)
    language: str = "lv"
    idle_lock_minutes: float = DEFAULT_IDLE_MINUTES
    device_id: str = ""
    last_profile: str = ""
    last_username: str = ""
    path: Path | None = None

    def profile(self, name: str) -> Profile | None:
        return next((p for p in self.profiles if p.name == name), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "profiles": [
                {"name": p.name, "url": p.url, "label": p.label, "verify": p.verify}
                for p in self.profiles
                if not p.training
            ],
            "language": self.language,
            "idle_lock_minutes": self.idle_lock_minutes,
            "device_id": self.device_id,
            "last_profile": self.last_profile,
            "last_username": self.last_username,
        }


def settings_path() -> Path:
    override = os.environ.get(SETTINGS_ENV)
    return Path(override) if override else data_dir() / "settings.json"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings; a missing or damaged file gives the defaults (never an error)."""
    path = path or settings_path()
    raw: dict[str, Any] = {}
    try:
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict):
            raw = loaded
    except (OSError, ValueError):
        raw = {}
    profiles = []
    for item in raw.get("profiles") or []:
        if isinstance(item, dict) and item.get("name") and item.get("url"):
            profiles.append(
                Profile(
                    name=str(item["name"]),
                    url=str(item["url"]).rstrip("/"),
                    label=str(item.get("label") or ""),
                    verify=item.get("verify", True),
                )
            )
    try:
        idle = float(raw.get("idle_lock_minutes", DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        idle = DEFAULT_IDLE_MINUTES
    language = raw.get("language") if raw.get("language") in ("lv", "en") else "lv"
    settings = Settings(
        profiles=profiles,
        language=str(language),
        idle_lock_minutes=idle,
        device_id=str(raw.get("device_id") or ""),
        last_profile=str(raw.get("last_profile") or ""),
        last_username=str(raw.get("last_username") or ""),
        path=path,
    )
    if not settings.device_id:  # a random UUID (version 4) without importing uuid (start-up)
        b = bytearray(os.urandom(16))
        b[6], b[8] = (b[6] & 0x0F) | 0x40, (b[8] & 0x3F) | 0x80
        h = b.hex()
        settings.device_id = f"desktop-{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return settings


def save_settings(settings: Settings) -> None:
    """Write the settings back (atomically); failures are ignored, the choices are minor."""
    path = settings.path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(settings.to_json(), ensure_ascii=False, indent=2), "utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
