"""Translations: Qt's own system (`tr()`, `.ts` sources, compiled `.qm`).

Source strings are English; `resources/translations/registry_desktop_lv.ts` holds the
Latvian (the default language) and `registry_desktop_en.ts` the English. The `.qm` files
are built by the install, never committed::

    python -m registry_desktop.i18n build     # .ts -> .qm (pyside6-lrelease)
    python -m registry_desktop.i18n update    # refresh the .ts from the sources (lupdate)

At run time the `.qm` is loaded from the PyInstaller bundle or the source tree; switching
language replaces the installed QTranslator, Qt then sends QEvent.LanguageChange to every
widget and each one retranslates itself.
"""

from __future__ import annotations

import sys
from pathlib import Path

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"
BASENAME = "registry_desktop"
PACKAGE_DIR = Path(__file__).resolve().parent
SOURCE_DIR = PACKAGE_DIR.parent / "resources" / "translations"


def translation_dirs() -> list[Path]:
    """Where to look for `.qm` files: the bundle first, then the source tree."""
    dirs: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        dirs.append(Path(bundle) / "resources" / "translations")
    dirs.append(PACKAGE_DIR / "translations")
    dirs.append(SOURCE_DIR)
    return dirs


def qm_path(lang: str) -> Path | None:
    for folder in translation_dirs():
        candidate = folder / f"{BASENAME}_{lang}.qm"
        if candidate.is_file():
            return candidate
    return None


class Translations:
    """Holds the installed QTranslator and switches it."""

    def __init__(self) -> None:
        self.language = DEFAULT_LANGUAGE
        self._translator: object | None = None

    def install(self, lang: str) -> bool:
        """Install `lang` on the running QApplication; False if its `.qm` is missing."""
        from PySide6.QtCore import QCoreApplication, QTranslator

        lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("no QApplication")
        translator = QTranslator(app)
        path = qm_path(lang)
        loaded = bool(path and translator.load(str(path)))
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)  # type: ignore[arg-type]
            self._translator.deleteLater()  # type: ignore[attr-defined]
            self._translator = None
        if loaded:
            QCoreApplication.installTranslator(translator)
            self._translator = translator
        else:
            translator.deleteLater()
        self.language = lang
        return loaded or lang == "en"  # English is the source language

    def uninstall(self) -> None:
        """Remove this object's translator (tests create several applications' worth)."""
        from PySide6.QtCore import QCoreApplication

        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)  # type: ignore[arg-type]
            self._translator = None


# ---------------------------------------------------------------------- build tools
def _tool(name: str) -> str:
    """pyside6-<name> from the venv, or the binary bundled inside the PySide6 package."""
    import shutil

    scripts = Path(sys.executable).parent
    for candidate in (scripts / f"pyside6-{name}", scripts / f"pyside6-{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    base = Path(PySide6.__file__).parent
    for candidate in (base / name, base / f"{name}.exe", base / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"pyside6-{name} not found")


def build(out_dir: Path | None = None) -> list[Path]:
    """Compile every `.ts` under resources/translations into `.qm` (beside it by default)."""
    import subprocess

    out_dir = out_dir or SOURCE_DIR
    out_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for ts in sorted(SOURCE_DIR.glob(f"{BASENAME}_*.ts")):
        qm = out_dir / (ts.stem + ".qm")
        subprocess.run(
            [_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        built.append(qm)
    return built


def update() -> None:
    """Refresh the `.ts` sources from the Python files (keeps existing translations)."""
    import subprocess

    sources = sorted(str(p) for p in PACKAGE_DIR.rglob("*.py"))
    targets = [str(SOURCE_DIR / f"{BASENAME}_{lang}.ts") for lang in LANGUAGES]
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", *targets],
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "build"
    if command == "build":
        out = Path(args[1]) if len(args) > 1 else None
        for qm in build(out):
            print(f"built {qm}")  # noqa: T201
        return 0
    if command == "update":
        update()
        return 0
    print("usage: python -m registry_desktop.i18n [build [OUT_DIR] | update]")  # noqa: T201
    return 2


if __name__ == "__main__":
    sys.exit(main())
