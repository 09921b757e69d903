"""QR code with the printed record's id and version, drawn as vector rectangles."""

from __future__ import annotations

import re
from functools import lru_cache

import segno
from reportlab.pdfgen.canvas import Canvas

from registry_desktop.printing.dossier import PrintedRecord

_PAYLOAD = re.compile(r"^(?P<collection>[a-z-]+)/(?P<id>[0-9a-fA-F-]{36})@(?P<version>\d+)$")


def qr_payload(record: PrintedRecord) -> str:
    """ "cases/<uuid>@7": short enough for a small code, enough to open the exact version."""
    return f"{record.collection}/{record.id}@{record.version}"


def parse_qr_payload(payload: str) -> PrintedRecord:
    m = _PAYLOAD.match(payload.strip())
    if not m:
        raise ValueError(f"not a registry QR payload: {payload!r}")
    return PrintedRecord(m["collection"], m["id"], int(m["version"]))


@lru_cache(maxsize=256)
def qr_modules(payload: str) -> tuple[int, str]:
    """(modules per side, PDF path operators in module units), cached per payload because
    every page of a document carries the same code. Dark modules of a row are merged into
    runs, so a code is a few hundred rectangles, built once and pasted as one literal."""
    code = segno.make(payload, error="m", micro=False)
    ops: list[str] = []
    size = 0
    for y, row in enumerate(code.matrix_iter(border=0)):
        size += 1
        start = -1
        for x, dark in enumerate([*row, False]):
            if dark and start < 0:
                start = x
            elif not dark and start >= 0:
                ops.append(f"{start} {-(y + 1)} {x - start} 1 re")
                start = -1
    return size, "\n".join(ops)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, side: float) -> None:
    """Draw the code with its lower-left corner at (x, y), `side` points wide (no quiet zone:
    the caller leaves white space around it)."""
    size, ops = qr_modules(payload)
    scale = side / size
    # Origin at the top-left corner, one unit per module; rows run downwards (negative y).
    canvas.addLiteral(f"q 0 g {scale:.4f} 0 0 {scale:.4f} {x:.2f} {y + side:.2f} cm\n{ops}\nf Q")
