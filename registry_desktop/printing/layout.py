"""DocumentSpec → reportlab flowables (A4 portrait, DejaVu Sans).

Everything the templates print goes through `grid.TextGrid` (fast plain word wrap);
`bare_flowables` is the benchmark's baseline: the same strings as plain Paragraphs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from registry_desktop.printing import blocks, fonts
from registry_desktop.printing.grid import GREY, CellStyle, Photo, SectionHeading, TextGrid
from registry_desktop.printing.page_canvas import MARGIN_X

FRAME_WIDTH = A4[0] - 2 * MARGIN_X
PHOTO_WIDTH = 34 * mm
PHOTO_HEIGHT = 38 * mm
NUMBER_WIDTH = 6 * mm


@cache
def styles() -> dict[str, CellStyle]:
    fonts.register_fonts()
    r, b = fonts.REGULAR, fonts.BOLD
    return {
        "register": CellStyle(r, 8.5, 11, GREY),
        "title": CellStyle(b, 14, 18),
        "header": CellStyle(r, 9, 12),
        "heading": CellStyle(b, 10, 13),
        "text": CellStyle(r, 9, 12),
        "bold": CellStyle(b, 9, 12),
        "label": CellStyle(r, 7.5, 9.5, GREY),
        "value": CellStyle(r, 9, 11.5),
        "cell": CellStyle(r, 8, 10),
        "th": CellStyle(b, 7.5, 9.5),
    }


def _lines(texts: Iterable[str], style: str, space_after: float = 0) -> TextGrid:
    st = styles()[style]
    return TextGrid(
        [[t] for t in texts], [FRAME_WIDTH], [st], pad_x=0, pad_y=space_after / 2, rules=False
    )


def fields(block: blocks.Fields) -> Flowable:
    st = styles()
    rows = [r for r in block.rows if r[1]]
    grid_width = FRAME_WIDTH - (PHOTO_WIDTH if block.photo is not None else 0)
    lw, vw = grid_width * 0.21, grid_width * 0.29
    data: list[list[str]] = []
    for i in range(0, len(rows), 2):
        line: list[str] = []
        for label, value in rows[i : i + 2]:
            line += [label, value]
        data.append(line + [""] * (4 - len(line)))
    photo = (
        Photo(block.photo, PHOTO_WIDTH, PHOTO_HEIGHT, st["label"])
        if block.photo is not None
        else None
    )
    return TextGrid(
        data, [lw, vw, lw, vw], [st["label"], st["value"], st["label"], st["value"]], photo=photo
    )


def table(block: blocks.Table) -> Flowable:
    st = styles()
    if not block.rows:
        return _lines([block.empty], "label", 3)
    widths = [FRAME_WIDTH * f for f in block.widths]
    return TextGrid(
        block.rows, widths, [st["cell"]] * len(widths), header=block.header, header_style=st["th"]
    )


def numbered(block: blocks.Numbered) -> Flowable:
    st = styles()
    numbers = [f"{i}." for i in range(1, len(block.items) + 1)]
    if not block.translation:
        rows = [[n, t] for n, t in zip(numbers, block.items, strict=True)]
        return TextGrid(
            rows, [NUMBER_WIDTH, FRAME_WIDTH - NUMBER_WIDTH], [st["text"]] * 2, rules=False
        )
    half = FRAME_WIDTH / 2
    rows = [[n, a, n, b] for n, a, b in zip(numbers, block.items, block.translation, strict=True)]
    return TextGrid(
        rows,
        [NUMBER_WIDTH, half - NUMBER_WIDTH] * 2,
        [st["text"]] * 4,
        header=["", block.headings[0], "", block.headings[1]],
        header_style=st["th"],
    )


def signature_lines(block: blocks.SignatureLines) -> Flowable:
    st = styles()
    return TextGrid(
        [list(line) for line in block.lines],
        [FRAME_WIDTH * 0.38, FRAME_WIDTH * 0.62],
        [st["label"], st["value"]],
        min_row_height=9 * mm,
        underline_cols=(1,),
        rules=False,
    )


_BUILDERS: dict[type, Callable[..., Flowable]] = {
    blocks.Heading: lambda b: SectionHeading(b.text, FRAME_WIDTH, styles()["heading"]),
    blocks.Fields: fields,
    blocks.Table: table,
    blocks.Text: lambda b: _lines([b.text], "bold" if b.bold else "text", 3),
    blocks.Numbered: numbered,
    blocks.SignatureLines: signature_lines,
}


def flowables(spec: blocks.DocumentSpec, register_name: str) -> list[Flowable]:
    out: list[Flowable] = [_lines([register_name], "register"), _lines([spec.title], "title", 3)]
    if spec.header:
        out.append(_lines(spec.header, "header"))
    after_heading = False
    for block in spec.blocks:
        # No spacer straight after a heading: it would end the heading's keepWithNext chain.
        if not isinstance(block, blocks.Heading) and not after_heading:
            out.append(Spacer(0, 1.5 * mm))
        out.append(_BUILDERS[type(block)](block))
        after_heading = isinstance(block, blocks.Heading)
    return out


@cache
def _bare_style() -> ParagraphStyle:
    fonts.register_fonts()
    return ParagraphStyle("bare", fontName=fonts.REGULAR, fontSize=9, leading=12)


def bare_flowables(lines: Iterable[str]) -> list[Flowable]:
    """The benchmark's baseline: the same strings, one plain paragraph each."""
    return [Paragraph(escape(line), _bare_style()) for line in lines]


def widths(*fractions: float) -> tuple[float, ...]:
    total = sum(fractions)
    return tuple(f / total for f in fractions)
