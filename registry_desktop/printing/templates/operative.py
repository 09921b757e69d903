"""The operative part as a `Numbered` block, in Latvian with the optional translation beside it."""

from __future__ import annotations

from collections.abc import Callable

from registry_desktop.printing import blocks
from registry_desktop.printing.context import PrintContext
from registry_desktop.printing.operative_text import HEADINGS, Lang


def numbered(points: Callable[[Lang], list[str]], ctx: PrintContext) -> blocks.Numbered:
    lv = tuple(points("lv"))
    other = ctx.operative_translation
    if other is None:
        return blocks.Numbered(lv)
    return blocks.Numbered(lv, tuple(points(other)), (HEADINGS["lv"], HEADINGS[other]))
