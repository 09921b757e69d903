"""The embedded DejaVu fonts: Latvian (ā č ē ģ ī ķ ļ ņ š ū ž) and Cyrillic glyphs in every PDF."""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from registry_desktop.printing.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the fonts with reportlab once per process (safe from worker threads)."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
        # <b> inside a Paragraph must map to the bold face, not to Helvetica-Bold.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _registered = True
