"""Page furniture drawn on every page once the page count is known (canvasmaker pattern).

Pages are kept until `save()`; then each one gets its footer ("Satur personas datus",
printed by/at, page x / y), the QR code of its record and the training / provisional
marks. Page numbers count per document, so a batch of case sheets numbers each sheet
"1 / 2", "2 / 2" on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus.flowables import Flowable

from registry_desktop.printing import fonts
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.dossier import PrintedRecord
from registry_desktop.printing.labels import both, pair
from registry_desktop.printing.qr import draw_qr, qr_payload
from registry_desktop.printing.values import fmt_datetime

MARGIN_X = 18 * mm
MARGIN_TOP = 24 * mm  # room for up to two banners
MARGIN_BOTTOM = 30 * mm  # footer and QR code
QR_SIDE = 19 * mm

_TRAINING_RGB = (0.95, 0.55, 0.16)  # the desktop's orange training banner
_PROVISIONAL_RGB = (0.75, 0.1, 0.1)


@dataclass(frozen=True)
class DocumentMark:
    """Placed at the start of each document in the flow: which record its pages show."""

    record: PrintedRecord
    title: str
    provisional: bool


class DocumentStart(Flowable):  # type: ignore[misc]  # reportlab is untyped
    """Zero-size flowable that tells the canvas a new document (new numbering) begins."""

    def __init__(self, mark: DocumentMark, on_drawn: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.mark = mark
        self._on_drawn = on_drawn

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0.0, 0.0

    def draw(self) -> None:
        self.canv._document_mark = self.mark
        if self._on_drawn is not None:
            self._on_drawn()


class DecoratedCanvas(Canvas):  # type: ignore[misc]
    def __init__(self, *args: Any, ctx: PrintContext, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._print_ctx = ctx
        self._document_mark: DocumentMark | None = None
        self._page_states: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._page_states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        marks = [state["_document_mark"] for state in self._page_states]
        totals: dict[int, int] = {}
        for mark in marks:
            totals[id(mark)] = totals.get(id(mark), 0) + 1
        seen: dict[int, int] = {}
        for state, mark in zip(self._page_states, marks, strict=True):
            self.__dict__.update(state)
            seen[id(mark)] = seen.get(id(mark), 0) + 1
            if mark is not None:
                self._decorate(mark, seen[id(mark)], totals[id(mark)])
            Canvas.showPage(self)
        Canvas.save(self)

    # --- drawing ----------------------------------------------------------------------

    def _decorate(self, mark: DocumentMark, page: int, pages: int) -> None:
        ctx = self._print_ctx
        width, height = self._pagesize
        self.saveState()
        banners: list[tuple[str, tuple[float, float, float]]] = []
        if ctx.training:
            banners.append((both("doc.training"), _TRAINING_RGB))
        if mark.provisional:
            banners.append((both("doc.provisional"), _PROVISIONAL_RGB))
        self._banners(banners, width, height)
        self._watermarks(mark, width, height)
        self._footer(mark, page, pages, width)
        self.restoreState()

    def _banners(
        self, banners: list[tuple[str, tuple[float, float, float]]], width: float, height: float
    ) -> None:
        y = height - 10 * mm
        for text, rgb in banners:
            self.setFillColorRGB(*rgb)
            self.rect(MARGIN_X, y - 1.6 * mm, width - 2 * MARGIN_X, 5.6 * mm, stroke=0, fill=1)
            # White on the dark red, black on the orange: both stay legible in greyscale.
            ink = 1.0 if rgb == _PROVISIONAL_RGB else 0.0
            self.setFillColorRGB(ink, ink, ink)
            self.setFont(fonts.BOLD, 9)
            self.drawCentredString(width / 2, y, text)
            y -= 6.5 * mm

    def _watermarks(self, mark: DocumentMark, width: float, height: float) -> None:
        marks: list[tuple[str, str, tuple[float, float, float]]] = []
        if self._print_ctx.training:
            marks.append((*pair("doc.training_short"), _TRAINING_RGB))
        if mark.provisional:
            marks.append((*pair("doc.provisional_short"), _PROVISIONAL_RGB))
        for index, (lv, en, rgb) in enumerate(marks):
            # Two marks share the page: one in the upper, one in the lower half.
            cy = height / 2 if len(marks) == 1 else height * (0.68 - 0.36 * index)
            self.saveState()
            self.setFillColorRGB(*rgb)
            self.setFillAlpha(0.16)
            self.translate(width / 2, cy)
            self.rotate(35)
            self.setFont(fonts.BOLD, 54)
            self.drawCentredString(0, 8, lv)
            self.setFont(fonts.BOLD, 30)
            self.drawCentredString(0, -30, en)
            self.restoreState()

    def _footer(self, mark: DocumentMark, page: int, pages: int, width: float) -> None:
        ctx = self._print_ctx
        rec = mark.record
        qr_x = width - MARGIN_X - QR_SIDE
        base = 9 * mm
        self.setStrokeColorRGB(0.6, 0.6, 0.6)
        self.setLineWidth(0.5)
        self.line(MARGIN_X, base + QR_SIDE + 1.5 * mm, width - MARGIN_X, base + QR_SIDE + 1.5 * mm)
        self.setFillColorRGB(0, 0, 0)
        self.setFont(fonts.BOLD, 8)
        self.drawString(MARGIN_X, base + 13 * mm, both("doc.personal_data"))
        self.setFont(fonts.REGULAR, 7.5)
        self.drawString(MARGIN_X, base + 8.5 * mm, f"{both('doc.printed_by')}: {ctx.printed_by}")
        self.drawString(
            MARGIN_X, base + 4.5 * mm, f"{both('doc.printed_at')}: {fmt_datetime(ctx.printed_at)}"
        )
        self.setFillColorRGB(0.35, 0.35, 0.35)
        self.setFont(fonts.REGULAR, 6)
        self.drawString(
            MARGIN_X,
            base + 0.5 * mm,
            f"{both('doc.record')}: {mark.title} · {rec.id} · v{rec.version}",
        )
        self.setFillColorRGB(0, 0, 0)
        self.setFont(fonts.BOLD, 9)
        self.drawRightString(qr_x - 4 * mm, base + 13 * mm, f"{both('doc.page')}: {page} / {pages}")
        draw_qr(self, qr_payload(rec), qr_x, base, QR_SIDE)
