"""The embedded DejaVu fonts: Latvian (ā č ē ģ ī ķ ļ ņ š ū ž) and Cyrillic glyphs in every PDF."""

from __future__ import annotations

import struct
import threading
from typing import Any

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
            font = TTFont(name, str(resource_path("fonts", file_name)))
            _embed_short_names(font.face)
            pdfmetrics.registerFont(font)
        # <b> inside a Paragraph must map to the bold face, not to Helvetica-Bold.
        pdfmetrics.registerFontFamily(
            REGULAR, normal=REGULAR, bold=BOLD, italic=REGULAR, boldItalic=BOLD
        )
        _registered = True


# Name records kept in the embedded subsets: copyright, family, subfamily, unique id, full
# name, version, PostScript name (what fontTools' subsetter keeps by default).
_KEPT_NAME_IDS = frozenset(range(7))


def _embed_short_names(face: Any) -> None:
    """Embed the font's `name` table without its long records.

    reportlab copies the whole table into every subset it embeds. DejaVu's holds the
    licence text (name id 13, 14 KB): more than the glyphs a page uses, embedded, and
    compressed, twice per PDF (regular and bold). The subset keeps the records a PDF
    reader or printer uses (ids 0-6); the licence stays with the bundled font files.
    reportlab reads the names it needs itself from the file, not through `get_table`.
    """
    full = face.get_table("name")
    short = short_name_table(full)
    read = face.get_table

    def get_table(tag: str) -> bytes:
        return short if tag == "name" else read(tag)

    face.get_table = get_table


def short_name_table(table: bytes, keep: frozenset[int] = _KEPT_NAME_IDS) -> bytes:
    """A format-0 TrueType `name` table with only the records whose name id is in `keep`."""
    fmt, count, storage = struct.unpack(">HHH", table[:6])
    if fmt != 0:  # format 1 (language tags): leave it as it is
        return table
    records: list[tuple[int, int, int, int, bytes]] = []
    for i in range(count):
        pid, eid, lid, nid, length, offset = struct.unpack(">6H", table[6 + 12 * i : 18 + 12 * i])
        if nid in keep:
            start = storage + offset
            records.append((pid, eid, lid, nid, table[start : start + length]))
    header = struct.pack(">HHH", 0, len(records), 6 + 12 * len(records))
    entries, strings, pos = [], [], 0
    for pid, eid, lid, nid, text in records:
        entries.append(struct.pack(">6H", pid, eid, lid, nid, len(text), pos))
        strings.append(text)
        pos += len(text)
    return header + b"".join(entries) + b"".join(strings)
