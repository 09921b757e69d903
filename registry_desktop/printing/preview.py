"""Print preview dialog: the PDF rendered in the app, with Print and Save as PDF.

User-visible strings are English sources for Qt's translation layer (registry_desktop.i18n).
PySide6-Essentials has no QtPdf, so pages are rasterised with pypdfium2. The PDF itself
is built on a worker (QThreadPool) because a batch of case sheets takes seconds; pages
are rasterised one at a time, on demand, on the GUI thread (pdfium is not thread-safe
and one page takes a few milliseconds).

Audit hook: after a successful print or save the dialog emits `printed` with a
`PrintAuditEvent` (who printed which records, when, how); the main window forwards it
to the registry's audit through the outbox.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QCloseEvent, QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from registry_desktop.printing.dossier import PrintedRecord
from registry_desktop.printing.jobs import DocumentKind, PrintJob

_POINTS_PER_INCH = 72.0
_ZOOMS = (75, 100, 125, 150, 200)


@dataclass(frozen=True)
class PrintAuditEvent:
    """One print for the audit log: who printed which records (and versions), when, how."""

    kind: DocumentKind
    records: tuple[PrintedRecord, ...]
    printed_by: str
    printed_at: datetime
    action: str  # "print" or "save_pdf"
    pages: int
    training: bool
    provisional: bool


class _Cancelled(Exception):
    """Raised inside the worker's progress callback once the dialog has gone away."""


class _RenderSignals(QObject):
    done = Signal(bytes)
    failed = Signal(str)
    progress = Signal(int, int)


class _RenderTask(QRunnable):
    def __init__(self, job: PrintJob, signals: _RenderSignals) -> None:
        super().__init__()
        self.job = job
        self.signals = signals  # a Python reference keeps the QObject alive with the task
        self.cancelled = False

    def _progress(self, done: int, total: int) -> None:
        if self.cancelled:
            raise _Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            pdf = self.job.render(self._progress)
        except _Cancelled:
            return
        except Exception as exc:  # shown to the officer; the dialog stays usable
            if not self.cancelled:
                self.signals.failed.emit(str(exc))
            return
        if not self.cancelled:
            self.signals.done.emit(pdf)


class PrintPreviewDialog(QDialog):
    rendered = Signal(int)  # page count, once the PDF is ready
    printed = Signal(object)  # PrintAuditEvent

    def __init__(self, job: PrintJob, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.job = job
        self.pdf: bytes | None = None
        self._document: pdfium.PdfDocument | None = None
        self._page = 0
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", job.title))
        self.setAccessibleName(self.tr("Print preview"))
        self._build()
        self._signals = _RenderSignals()
        self._signals.done.connect(self._on_rendered)
        self._signals.failed.connect(self._on_failed)
        self._signals.progress.connect(self._on_progress)
        self._task = _RenderTask(job, self._signals)
        self._pool.start(self._task)

    # --- widgets ----------------------------------------------------------------------

    def _named(self, widget: QWidget, name: str, accessible: str) -> QWidget:
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        return widget

    def _build(self) -> None:
        self.status_label = QLabel(self.tr("Preparing the document…"))
        self._named(self.status_label, "printPreviewStatus", self.tr("Status"))
        self.progress_bar = QProgressBar()
        self._named(self.progress_bar, "printPreviewProgress", self.tr("Progress"))
        self.progress_bar.setRange(0, 0)

        self.prev_button = QPushButton(self.tr("Previous page"))
        self._named(self.prev_button, "printPreviewPrevious", self.tr("Previous page"))
        self.next_button = QPushButton(self.tr("Next page"))
        self._named(self.next_button, "printPreviewNext", self.tr("Next page"))
        self.page_spin = QSpinBox()
        self._named(self.page_spin, "printPreviewPage", self.tr("Page"))
        self.page_count_label = QLabel("")
        self._named(self.page_count_label, "printPreviewPageCount", self.tr("Page count"))
        self.zoom_box = QComboBox()
        self._named(self.zoom_box, "printPreviewZoom", self.tr("Zoom"))
        for zoom in _ZOOMS:
            self.zoom_box.addItem(f"{zoom} %", zoom)
        self.zoom_box.setCurrentIndex(_ZOOMS.index(100))
        self.print_button = QPushButton(self.tr("Print…"))
        self._named(self.print_button, "printPreviewPrint", self.tr("Print"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self._named(self.save_button, "printPreviewSave", self.tr("Save as PDF"))
        self.close_button = QPushButton(self.tr("Close"))
        self._named(self.close_button, "printPreviewClose", self.tr("Close"))

        self.page_label = QLabel()
        self._named(self.page_label, "printPreviewPageImage", self.tr("Page image"))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea()
        self._named(self.scroll_area, "printPreviewScroll", self.tr("Preview"))
        self.scroll_area.setWidget(self.page_label)
        self.scroll_area.setWidgetResizable(True)

        bar = QHBoxLayout()
        for w in (
            self.prev_button,
            self.page_spin,
            self.page_count_label,
            self.next_button,
            self.zoom_box,
        ):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.print_button, self.save_button, self.close_button):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addWidget(self.progress_bar)
        layout.addLayout(bar)
        layout.addWidget(self.scroll_area, 1)

        self.prev_button.clicked.connect(lambda: self.show_page(self._page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self._page + 1))
        self.page_spin.valueChanged.connect(lambda value: self.show_page(value - 1))
        self.zoom_box.currentIndexChanged.connect(lambda _: self.show_page(self._page))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, self.print_with_dialog)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.MoveToNextPage),
            self,
            lambda: self.show_page(self._page + 1),
        )
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.MoveToPreviousPage),
            self,
            lambda: self.show_page(self._page - 1),
        )
        self._set_ready(False)
        self.resize(900, 1000)

    def _set_ready(self, ready: bool) -> None:
        for w in (
            self.prev_button,
            self.next_button,
            self.page_spin,
            self.zoom_box,
            self.print_button,
            self.save_button,
        ):
            w.setEnabled(ready)

    # --- worker results ---------------------------------------------------------------

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.status_label.setText(
            self.tr("Preparing the document… %1 of %2")
            .replace("%1", str(done))
            .replace("%2", str(total))
        )

    @Slot(bytes)
    def _on_rendered(self, pdf: bytes) -> None:
        self.pdf = pdf
        self._document = pdfium.PdfDocument(pdf)
        pages = len(self._document)
        self.progress_bar.hide()
        self.status_label.setText(self.tr("Ready: %1 pages").replace("%1", str(pages)))
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1, pages)
        self.page_spin.blockSignals(False)
        self.page_count_label.setText(self.tr("of %1").replace("%1", str(pages)))
        self._set_ready(True)
        self.show_page(0)
        self.rendered.emit(pages)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.progress_bar.hide()
        self.status_label.setText(
            self.tr("The document could not be prepared: %1").replace("%1", message)
        )

    # --- pages ------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self._document) if self._document is not None else 0

    @property
    def current_page(self) -> int:
        return self._page

    def page_image(self, index: int, dpi: float) -> QImage:
        """Page `index` as an image at `dpi` (white background)."""
        if self._document is None:
            raise RuntimeError("the document is not ready yet")
        bitmap = self._document[index].render(scale=dpi / _POINTS_PER_INCH, rev_byteorder=True)
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
        )
        return image.copy()  # own the pixels: the pdfium bitmap is freed after this call

    def show_page(self, index: int) -> None:
        if self._document is None:
            return
        index = max(0, min(index, self.page_count - 1))
        self._page = index
        zoom = int(self.zoom_box.currentData() or 100)
        # 96 dpi on screen at 100 % zoom.
        self.page_label.setPixmap(QPixmap.fromImage(self.page_image(index, 0.96 * zoom)))
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(index + 1)
        self.page_spin.blockSignals(False)
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < self.page_count - 1)

    # --- print and save ---------------------------------------------------------------

    def _audit(self, action: str) -> None:
        ctx = self.job.ctx
        self.printed.emit(
            PrintAuditEvent(
                kind=self.job.kind,
                records=self.job.records,
                printed_by=ctx.printed_by,
                printed_at=datetime.now(UTC),
                action=action,
                pages=self.page_count,
                training=ctx.training,
                provisional=ctx.provisional,
            )
        )

    def save_pdf(self, path: Path) -> None:
        if self.pdf is None:
            raise RuntimeError("the document is not ready yet")
        path.write_bytes(self.pdf)
        self._audit("save_pdf")

    def save_with_dialog(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            f"{self.job.kind.value}.pdf",
            self.tr("PDF documents (*.pdf)"),
        )
        if name:
            try:
                self.save_pdf(Path(name))
            except OSError as exc:
                QMessageBox.warning(self, self.tr("Save as PDF"), str(exc))

    def print_to(self, printer: QPrinter) -> None:
        """Paint every page (rasterised at the printer's resolution, at most 300 dpi)."""
        if self._document is None:
            raise RuntimeError("the document is not ready yet")
        dpi = min(printer.resolution(), 300)
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError("the printer could not be opened")
        try:
            for index in range(self.page_count):
                if index:
                    printer.newPage()
                target = painter.viewport()
                image = self.page_image(index, dpi)
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(
                    target.x(),
                    target.y(),
                    image.scaled(
                        size,
                        Qt.AspectRatioMode.IgnoreAspectRatio,
                        Qt.TransformationMode.SmoothTransformation,
                    ),
                )
        finally:
            painter.end()
        self._audit("print")

    def print_with_dialog(self) -> None:
        if self._document is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.print_to(printer)
            except RuntimeError as exc:
                QMessageBox.warning(self, self.tr("Print"), str(exc))

    # --- closing ----------------------------------------------------------------------

    def done(self, result: int) -> None:
        self._shutdown()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self._shutdown()
        super().closeEvent(event)

    def _shutdown(self) -> None:
        self._task.cancelled = True
        self._pool.waitForDone(10_000)
        if self._document is not None:
            self._document.close()
            self._document = None
