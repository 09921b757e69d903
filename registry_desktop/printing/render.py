"""DocumentSpecs → one PDF (bytes). Many specs make one PDF with per-document numbering."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageBreak, PageTemplate

from registry_desktop.printing import fonts, layout
from registry_desktop.printing.blocks import DocumentSpec
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.labels import pair
from registry_desktop.printing.page_canvas import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    DecoratedCanvas,
    DocumentMark,
    DocumentStart,
)

# Called after each document of a batch has started drawing: (documents done, total).
Progress = Callable[[int, int], None]


def _template(buffer: io.BytesIO, title: str, ctx: PrintContext) -> BaseDocTemplate:
    width, height = A4
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        width - 2 * MARGIN_X,
        height - MARGIN_TOP - MARGIN_BOTTOM,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    return BaseDocTemplate(
        buffer,
        pagesize=A4,
        pageTemplates=[PageTemplate(id="a4", frames=[frame])],
        title=title,
        author=ctx.printed_by,
        subject=pair("doc.register")[0],
        creator="Registry Desktop",
        # The canvas starts in DejaVu so no un-embedded Helvetica lands in the PDF.
        initialFontName=fonts.REGULAR,
        lang="lv-LV",
    )


def render_specs(
    specs: Sequence[DocumentSpec], ctx: PrintContext, progress: Progress | None = None
) -> bytes:
    if not specs:
        raise ValueError("nothing to print")
    fonts.register_fonts()
    register_name = pair("doc.register")[0]
    story: list[Flowable] = []
    total = len(specs)
    for index, spec in enumerate(specs):
        if index:
            story.append(PageBreak())
        provisional = ctx.provisional if spec.provisional is None else spec.provisional
        mark = DocumentMark(spec.record, spec.title, provisional)
        callback = (lambda done=index + 1: progress(done, total)) if progress else None
        story.append(DocumentStart(mark, callback))
        story += layout.flowables(spec, register_name)
    buffer = io.BytesIO()
    doc = _template(buffer, specs[0].title if total == 1 else register_name, ctx)

    def canvasmaker(*args: Any, **kwargs: Any) -> DecoratedCanvas:
        return DecoratedCanvas(*args, ctx=ctx, **kwargs)

    doc.build(story, canvasmaker=canvasmaker)
    return buffer.getvalue()
