"""A light text grid flowable: the printed tables, field grids and headings.

reportlab's Table with Paragraph cells costs about a millisecond per wrapped cell; a case
sheet has a hundred cells. This grid wraps with `simpleSplit` (plain word wrap, which is
all a form needs), draws every cell into one PDF text object and splits across pages by
whole rows, repeating the header row. It keeps the sheet inside the 40 ms budget.

The text object's operators are written here (`_TextRun`) rather than through reportlab's
PDFTextObject, line by line: the same operators, byte for byte, without its per-line
bookkeeping (a case sheet draws some two hundred lines).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus.flowables import Flowable

BLACK = Color(0, 0, 0)
GREY = Color(0.4, 0.4, 0.4)
RULE = Color(0.7, 0.7, 0.7)
SHADE = Color(0.92, 0.92, 0.92)


@dataclass(frozen=True)
class CellStyle:
    font: str
    size: float
    leading: float
    color: Color = BLACK


@dataclass(frozen=True)
class Photo:
    """A photo placeholder in the top-right corner of the grid."""

    caption: str
    width: float
    height: float
    style: CellStyle


class TextGrid(Flowable):  # type: ignore[misc]  # reportlab is untyped
    def __init__(
        self,
        rows: Sequence[Sequence[str]],
        col_widths: Sequence[float],
        col_styles: Sequence[CellStyle],
        *,
        header: Sequence[str] | None = None,
        header_style: CellStyle | None = None,
        pad_x: float = 3.0,
        pad_y: float = 1.8,
        min_row_height: float = 0.0,
        underline_cols: Sequence[int] = (),
        rules: bool = True,
        photo: Photo | None = None,
    ) -> None:
        super().__init__()
        self.rows = [list(r) for r in rows]
        self.col_widths = list(col_widths)
        self.col_styles = list(col_styles)
        self.header = list(header) if header is not None else None
        self.header_style = header_style
        self.pad_x, self.pad_y = pad_x, pad_y
        self.min_row_height = min_row_height
        self.underline_cols = tuple(underline_cols)
        self.rules = rules
        self.photo = photo
        self._laid: list[tuple[float, list[list[str]]]] | None = None
        self._head: tuple[float, list[list[str]]] | None = None

    # --- layout -----------------------------------------------------------------------

    def _lay_row(
        self, row: Sequence[str], styles: Sequence[CellStyle]
    ) -> tuple[float, list[list[str]]]:
        cells: list[list[str]] = []
        height = 0.0
        for text, width, st in zip(row, self.col_widths, styles, strict=True):
            lines = simpleSplit(text, st.font, st.size, width - 2 * self.pad_x) if text else []
            cells.append(lines)
            height = max(height, len(lines) * st.leading)
        return max(height + 2 * self.pad_y, self.min_row_height), cells

    def _layout(self) -> list[tuple[float, list[list[str]]]]:
        if self._laid is None:
            self._laid = [self._lay_row(r, self.col_styles) for r in self.rows]
            if self.header is not None and self.header_style is not None:
                self._head = self._lay_row(self.header, [self.header_style] * len(self.header))
        return self._laid

    def _head_height(self) -> float:
        self._layout()
        return self._head[0] if self._head else 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        height = self._head_height() + sum(h for h, _ in self._layout())
        if self.photo is not None:
            height = max(height, self.photo.height + 2 * self.pad_y)
        self.width, self.height = (
            sum(self.col_widths) + (self.photo.width if self.photo else 0),
            height,
        )
        return self.width, self.height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        room = availHeight - self._head_height()
        fit = 0
        for h, _ in self._layout():
            if h > room:
                break
            room -= h
            fit += 1
        if fit == 0 or fit == len(self.rows):
            return []
        return [self._part(self.rows[:fit], self.photo), self._part(self.rows[fit:], None)]

    def _part(self, rows: list[list[str]], photo: Photo | None) -> TextGrid:
        return TextGrid(
            rows,
            self.col_widths,
            self.col_styles,
            header=self.header,
            header_style=self.header_style,
            pad_x=self.pad_x,
            pad_y=self.pad_y,
            min_row_height=self.min_row_height,
            underline_cols=self.underline_cols,
            rules=self.rules,
            photo=photo,
        )

    # --- drawing ----------------------------------------------------------------------

    def draw(self) -> None:
        canv = self.canv
        laid = self._layout()
        table_width = sum(self.col_widths)
        y = self.height
        rows: list[tuple[float, list[list[str]], Sequence[CellStyle]]] = []
        if self._head is not None and self.header_style is not None:
            rows.append((self._head[0], self._head[1], [self.header_style] * len(self._head[1])))
            canv.setFillColor(SHADE)
            canv.rect(0, y - self._head[0], table_width, self._head[0], stroke=0, fill=1)
        rows += [(h, cells, self.col_styles) for h, cells in laid]

        text = _TextRun(canv)
        rule_ys: list[float] = []
        underlines: list[tuple[float, float, float]] = []
        for height, cells, styles in rows:
            x = 0.0
            for col, (lines, width, st) in enumerate(
                zip(cells, self.col_widths, styles, strict=True)
            ):
                if lines:
                    text.style(st)
                    # First baseline about one ascent (0.9 em for DejaVu) below the cell top.
                    text.origin(x + self.pad_x, y - self.pad_y - st.size * 0.9)
                    for line in lines:
                        text.line(line)
                if col in self.underline_cols:
                    underlines.append((x, x + width, y - height + 1))
                x += width
            y -= height
            rule_ys.append(y)
        text.draw()

        if self.rules or underlines:
            path = canv.beginPath()
            if self.rules:
                for ry in rule_ys:
                    path.moveTo(0, ry)
                    path.lineTo(table_width, ry)
            for x0, x1, uy in underlines:
                path.moveTo(x0 + self.pad_x, uy)
                path.lineTo(x1 - self.pad_x, uy)
            canv.setStrokeColor(RULE if self.rules else BLACK)
            canv.setLineWidth(0.4)
            canv.drawPath(path, stroke=1, fill=0)
        if self.photo is not None:
            self._draw_photo(table_width)

    def _draw_photo(self, left: float) -> None:
        photo, canv = self.photo, self.canv
        assert photo is not None
        x = left + 4  # the photo column starts where the text columns end
        top = self.height - self.pad_y
        canv.setStrokeColor(GREY)
        canv.setLineWidth(0.75)
        canv.rect(x, top - photo.height, photo.width - 4, photo.height, stroke=1, fill=0)
        canv.setFillColor(photo.style.color)
        canv.setFont(photo.style.font, photo.style.size)
        canv.drawCentredString(x + (photo.width - 4) / 2, top - photo.height / 2, photo.caption)


class _TextRun:
    """One PDF text object (BT ... ET) of embedded TrueType text, written directly.

    What reportlab's PDFTextObject writes for `setFont` / `setFillColor` /
    `setTextOrigin` / `textLine` with a subsetted TrueType font (the fonts of these
    documents), in the same order and format: the subset's font and size before the
    first text of a subset, `rg` for the fill colour, `Tm` for each cell, `Tj T*` per
    line. reportlab's font object still assigns the glyphs to subsets (`splitString`).
    """

    def __init__(self, canv: Any) -> None:
        self.canv = canv
        self.doc = canv._doc
        self.escape = canv._escape
        self.code: list[str] = ["BT", "1 0 0 1 0 0 Tm"]  # beginText() at (0, 0)
        self.current: tuple[str, float, float, Color] | None = None
        self.font: Any = None
        self.tf = ""
        self.subset = -1

    def style(self, st: CellStyle) -> None:
        key = (st.font, st.size, st.leading, st.color)
        if key == self.current:
            return
        self.current = key
        self.font = getFont(st.font)
        if not self.font._dynamicFont:  # only embedded TrueType fonts are written here
            raise ValueError(f"TextGrid needs an embedded TrueType font, not {st.font!r}")
        self.tf = f"{fp_str(st.size)} Tf {fp_str(st.leading)} TL"
        self.subset = -1
        color = st.color
        self.code.append(f"{fp_str((color.red, color.green, color.blue))} rg")

    def origin(self, x: float, y: float) -> None:
        self.code.append(f"1 0 0 1 {fp_str(x, y)} Tm")

    def line(self, text: str) -> None:
        parts: list[str] = []
        for subset, chunk in self.font.splitString(text, self.doc):
            if subset != self.subset:
                parts.append(f"{self.font.getSubsetInternalName(subset, self.doc)} {self.tf}")
                self.subset = subset
            parts.append(f"({self.escape(chunk)}) Tj")
        self.code.append(f"{' '.join(parts)} T*")

    def draw(self) -> None:
        self.code.append("ET")
        self.canv._code.append(" ".join(self.code))


class SectionHeading(Flowable):  # type: ignore[misc]
    """A shaded bar with the section title; stays with what follows it."""

    def __init__(
        self, text: str, width: float, style: CellStyle, space_before: float = 8.0
    ) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.bar_width = width
        self.space_before = space_before
        self.bar_height = style.leading + 4
        self.keepWithNext = True

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.bar_width, self.bar_height

    def getSpaceBefore(self) -> float:  # noqa: N802 (reportlab's name)
        return self.space_before

    def draw(self) -> None:
        canv = self.canv
        canv.setFillColor(SHADE)
        canv.rect(0, 0, self.bar_width, self.bar_height, stroke=0, fill=1)
        canv.setFillColor(self.style.color)
        canv.setFont(self.style.font, self.style.size)
        canv.drawString(3, (self.bar_height - self.style.size) / 2 + 1.5, self.text)
