"""The user manual as PDF: A4, the bundled DejaVu fonts, the look of the printed documents.

Title page, table of contents (with page numbers, two passes of reportlab's multiBuild),
PDF outline (bookmarks) per chapter and section, a footer with the register's name and
the page number. No Qt.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageTemplate,
    Paragraph,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus.tableofcontents import TableOfContents

from registry_desktop.manual.content import (
    FieldBlock,
    Heading,
    Manual,
    PageBreak,
    Pair,
    Para,
    TableBlock,
)
from registry_desktop.printing import fonts
from registry_desktop.printing.grid import CellStyle, TextGrid

MARGIN_X = 18 * mm  # as the printed documents (printing.page_canvas)
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
FRAME_WIDTH = A4[0] - 2 * MARGIN_X
GREY = colors.Color(0.4, 0.4, 0.4)
RULE = colors.Color(0.7, 0.7, 0.7)
SHADE = colors.Color(0.92, 0.92, 0.92)


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register_fonts()
    r, b = fonts.REGULAR, fonts.BOLD
    return {
        "register": ParagraphStyle("register", fontName=r, fontSize=11, leading=15, textColor=GREY),
        "title": ParagraphStyle("title", fontName=b, fontSize=26, leading=32, spaceBefore=60 * mm, spaceAfter=8 * mm),
        "subtitle": ParagraphStyle("subtitle", fontName=r, fontSize=13, leading=18, spaceAfter=6 * mm),
        "small": ParagraphStyle("small", fontName=r, fontSize=9, leading=12, textColor=GREY),
        "h1": ParagraphStyle("h1", fontName=b, fontSize=17, leading=22, spaceAfter=4 * mm),
        "h2": ParagraphStyle(
            "h2", fontName=b, fontSize=11.5, leading=15, spaceBefore=5 * mm, spaceAfter=2 * mm,
            backColor=SHADE, borderPadding=(2, 3, 2, 3),
        ),
        "h3": ParagraphStyle("h3", fontName=b, fontSize=10.5, leading=14, spaceBefore=4 * mm, spaceAfter=1.5 * mm),
        "text": ParagraphStyle("text", fontName=r, fontSize=9.5, leading=13, spaceAfter=2 * mm),
        "lead": ParagraphStyle("lead", fontName=r, fontSize=10.5, leading=14.5, spaceAfter=3 * mm),
        "note": ParagraphStyle("note", fontName=r, fontSize=9, leading=12, textColor=GREY, spaceAfter=2 * mm),
        "field": ParagraphStyle("field", fontName=b, fontSize=10, leading=13, spaceBefore=2.5 * mm, spaceAfter=1 * mm),
        "toc0": ParagraphStyle("toc0", fontName=b, fontSize=10.5, leading=15, leftIndent=0, spaceBefore=2 * mm),
        "toc1": ParagraphStyle("toc1", fontName=r, fontSize=9, leading=12, leftIndent=6 * mm),
    }  # fmt: skip


class _Anchor(Flowable):  # type: ignore[misc]
    """A zero-size mark: a PDF destination (and a TOC / outline entry) at this spot."""

    def __init__(self, key: str, text: str, level: int) -> None:
        super().__init__()
        self.key, self.text, self.level = key, text, level

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


class _ManualDoc(BaseDocTemplate):  # type: ignore[misc]
    def __init__(self, buffer: io.BytesIO, manual: Manual) -> None:
        super().__init__(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=f"{manual.title} — {manual.register}",
            author=manual.register,
            subject=manual.subtitle,
            lang=manual.lang,
        )
        self.manual = manual
        self._outline_level = -1
        frame = Frame(
            MARGIN_X, MARGIN_BOTTOM, FRAME_WIDTH, A4[1] - MARGIN_TOP - MARGIN_BOTTOM, id="body"
        )
        self.addPageTemplates(
            [
                PageTemplate("title", [frame]),
                PageTemplate("body", [frame], onPage=self._footer),
            ]
        )

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab's name; once per pass)
        self._outline_level = -1

    def _footer(self, canv: Any, doc: Any) -> None:
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        y = MARGIN_BOTTOM - 7 * mm
        canv.line(MARGIN_X, y + 4 * mm, A4[0] - MARGIN_X, y + 4 * mm)
        canv.setFillColor(GREY)
        canv.setFont(fonts.REGULAR, 7.5)
        canv.drawString(MARGIN_X, y, f"{self.manual.register} — {self.manual.title}")
        canv.drawRightString(A4[0] - MARGIN_X, y, f"{self.manual.page_word} {doc.page}")
        canv.restoreState()

    def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 (reportlab's name)
        if isinstance(flowable, _Anchor):
            # An outline may go one level deeper at a time only.
            level = min(flowable.level, self._outline_level + 1)
            self._outline_level = level
            self.canv.bookmarkPage(flowable.key)
            self.canv.addOutlineEntry(flowable.text, flowable.key, level=level, closed=level > 0)
            if flowable.level <= 1:
                self.notify("TOCEntry", (flowable.level, flowable.text, self.page, flowable.key))


# Marks the application shows that DejaVu Sans has no glyph for, and what the PDF prints.
_NO_GLYPH = str.maketrans({"⛔": "⊘", "🔒": "⊠"})


def _x(text: str) -> str:
    """Paragraph markup for plain text: escaped, glyphs the font lacks replaced."""
    return escape(text.translate(_NO_GLYPH))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(_x(text), style)


def _cells() -> dict[str, CellStyle]:
    r, b = fonts.REGULAR, fonts.BOLD
    return {
        "key": CellStyle(r, 8, 11, GREY),
        "value": CellStyle(r, 9, 12),
        "th": CellStyle(b, 8.5, 11),
        "td": CellStyle(r, 8.5, 11),
    }


def _plain(text: str) -> str:
    return text.translate(_NO_GLYPH)


def _table(block: TableBlock) -> Flowable:
    """The printed documents' fast text grid (plain word wrap, rows split across pages)."""
    cells = _cells()
    return TextGrid(
        [[_plain(c) for c in row] for row in block.rows],
        [FRAME_WIDTH * w for w in block.widths],
        [cells["td"]] * len(block.widths),
        header=[_plain(h) for h in block.header],
        header_style=cells["th"],
        pad_y=2.2,
    )


def _field(block: FieldBlock, st: dict[str, ParagraphStyle]) -> Flowable:
    indent = 7 * mm * block.depth
    label_style = ParagraphStyle(f"field{block.depth}", parent=st["field"], leftIndent=indent)
    if block.depth:
        label_style.fontSize, label_style.leading = 9.5, 12.5
    cells = _cells()
    key_width = 33 * mm
    widths = [key_width, FRAME_WIDTH - indent - key_width]
    styles = [cells["key"], cells["value"]]
    rows = [[_plain(head), _plain(text)] for head, text in block.rows]
    if indent:
        widths.insert(0, indent)
        styles.insert(0, cells["key"])
        rows = [["", *row] for row in rows]
    grid = TextGrid(rows, widths, styles, pad_x=2, pad_y=0.9, rules=False)
    return KeepTogether([_Anchor(block.anchor, block.label, 3), _p(block.label, label_style), grid])


def _story(manual: Manual) -> list[Flowable]:
    st = _styles()
    story: list[Flowable] = [
        _p(manual.register, st["register"]),
        _p(manual.title, st["title"]),
        _p(manual.subtitle, st["subtitle"]),
        _p(f"{manual.generated}, {date.today().strftime('%d.%m.%Y')}", st["small"]),
        Spacer(1, 4 * mm),
        _p(manual.fictitious, st["small"]),
        NextPageTemplate("body"),
        RLPageBreak(),
        _p(manual.contents_title, st["h1"]),
    ]
    toc = TableOfContents()
    toc.levelStyles = [st["toc0"], st["toc1"]]
    toc.dotsMinLevel = 0
    story.append(toc)
    for heading, blocks in manual.chapters:
        story.append(RLPageBreak())
        story.append(_Anchor(heading.anchor, heading.text, 0))
        story.append(_p(heading.text, st["h1"]))
        for block in blocks:
            if isinstance(block, Heading):
                level = min(block.level - 1, 2)
                story.append(CondPageBreak(25 * mm))
                story.append(_Anchor(block.anchor or f"h-{id(block)}", block.text, level))
                story.append(_p(block.text, st["h2" if block.level <= 2 else "h3"]))
            elif isinstance(block, Para):
                story.append(_p(block.text, st.get(block.style, st["text"])))
            elif isinstance(block, Pair):
                story.append(Paragraph(f"<b>{_x(block.head)}.</b> {_x(block.text)}", st["text"]))
            elif isinstance(block, TableBlock):
                story.append(_table(block))
                story.append(Spacer(1, 3 * mm))
            elif isinstance(block, FieldBlock):
                story.append(_field(block, st))
            elif isinstance(block, PageBreak):
                story.append(RLPageBreak())
    return story


def manual_pdf(manual: Manual) -> bytes:
    buffer = io.BytesIO()
    doc = _ManualDoc(buffer, manual)
    doc.multiBuild(_story(manual))
    return buffer.getvalue()
