"""Where bundled resources (fonts) live: a source checkout or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path

# registry_desktop/printing/resources.py → the repository root is three levels up.
_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """The `resources/` folder: under `sys._MEIPASS` when frozen (build.spec copies it there)."""
    bundle = getattr(sys, "_MEIPASS", None)
    root = Path(bundle) if bundle else _SOURCE_ROOT
    return root / "resources"


def resource_path(*parts: str) -> Path:
    path = resources_dir().joinpath(*parts)
    if not path.is_file():
        raise FileNotFoundError(f"bundled resource missing: {path}")
    return path
