"""The printed document as plain data: templates build these, `layout` turns them into PDF.

Keeping the templates free of reportlab makes them small, testable and reusable by the
benchmark (the bare baseline prints the same strings, `DocumentSpec.strings()`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from registry_desktop.printing.dossier import PrintedRecord


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Fields:
    """Label/value pairs in a two-column grid (pairs whose value is empty are left out)."""

    rows: tuple[tuple[str, str], ...]
    photo: str | None = None  # caption of a photo placeholder beside the grid


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # fractions of the frame width
    empty: str = ""  # printed instead of the table when there are no rows


@dataclass(frozen=True)
class Text:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Numbered:
    """Numbered points (the operative part), optionally with a translation beside them."""

    items: tuple[str, ...]
    translation: tuple[str, ...] = ()
    headings: tuple[str, str] = ("", "")


@dataclass(frozen=True)
class SignatureLines:
    """Blank lines to sign on: (caption, pre-filled value or "")."""

    lines: tuple[tuple[str, str], ...]


Block = Heading | Fields | Table | Text | Numbered | SignatureLines


@dataclass(frozen=True)
class DocumentSpec:
    kind: str
    title: str
    record: PrintedRecord  # shown in the QR code on every page
    header: tuple[str, ...] = ()  # lines under the title: number, date, institution
    blocks: tuple[Block, ...] = field(default_factory=tuple)
    provisional: bool | None = None  # None: as PrintContext.provisional

    def strings(self) -> Iterator[str]:
        """Every string the document prints in its body, in order."""
        yield self.title
        yield from self.header
        for block in self.blocks:
            if isinstance(block, Heading | Text):
                yield block.text
            elif isinstance(block, Fields):
                for label, value in block.rows:
                    yield f"{label}: {value}"
            elif isinstance(block, Table):
                yield " | ".join(block.header)
                for row in block.rows:
                    yield " | ".join(row)
                if not block.rows and block.empty:
                    yield block.empty
            elif isinstance(block, Numbered):
                yield from block.items
                yield from block.translation
            elif isinstance(block, SignatureLines):
                for caption, value in block.lines:
                    yield f"{caption}: {value}"
