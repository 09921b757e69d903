"""The user manual, generated from the form definitions and help texts (issue 5, item 6).

    registry-desktop --manual rokasgramata.pdf          Latvian PDF (the default)
    registry-desktop --manual manual.html --lang en     English, one self-contained HTML file

`write_manual(path, lang)` builds the manual in memory and writes it; no Qt, no login,
no display needed. The content (`content.py`) is shared with the F1 help panel and the
Help page, so the manual and the application always say the same thing.
"""

from __future__ import annotations

from pathlib import Path

HTML_SUFFIXES = (".html", ".htm")


class ManualWriteError(OSError):
    """The manual could not be written; `str()` is the bilingual message for the console."""

    def __init__(self, path: Path, reason_lv: str, reason_en: str) -> None:
        self.path = path
        self.reason = reason_en
        super().__init__(
            f"Kļūda: rokasgrāmatu nevar ierakstīt failā {path}: {reason_lv}.\n"
            f"Error: cannot write the manual to {path}: {reason_en}."
        )

    def __str__(self) -> str:
        return str(self.args[0])


def render_manual(lang: str = "lv", *, html: bool = False) -> bytes:
    """The manual in `lang` as PDF bytes (or UTF-8 HTML)."""
    from registry_desktop.manual.content import build_manual, manual_html

    manual = build_manual(lang)
    if html:
        return manual_html(manual).encode("utf-8")
    from registry_desktop.manual.pdf import manual_pdf

    return manual_pdf(manual)


def write_manual(path: str | Path, lang: str = "lv") -> Path:
    """Write the manual to `path`: HTML when it ends in .html (or .htm), PDF otherwise.

    Raises ManualWriteError when the file cannot be written (no such folder, no
    permission, a folder of that name); nothing half-written is left behind.
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise ManualWriteError(target, "tā ir mape, nevis fails", "it is a folder, not a file")
    folder = target.parent
    if not folder.is_dir():
        raise ManualWriteError(target, "tādas mapes nav", "no such folder")
    data = render_manual(lang, html=target.suffix.lower() in HTML_SUFFIXES)
    partial = target.with_name(f".{target.name}.part")
    try:
        partial.write_bytes(data)
        partial.replace(target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        reason = exc.strerror or type(exc).__name__
        raise ManualWriteError(target, f"sistēma atbild “{reason}”", reason) from exc
    return target.resolve()


__all__ = ["HTML_SUFFIXES", "ManualWriteError", "render_manual", "write_manual"]
