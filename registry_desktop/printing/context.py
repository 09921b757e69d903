"""What the caller tells the printing layer about one print: who, when, which marks, languages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

# Languages in which the operative part of a decision can be repeated beside the Latvian.
Translation = Literal["en", "ru"]
TRANSLATIONS: tuple[Translation, ...] = ("en", "ru")


@dataclass(frozen=True)
class PrintContext:
    """Flags for one print job; the desktop fills it from the session and the local store.

    ``training``: printed from the training server (MĀCĪBU VIDE mark on every page).
    ``provisional``: the record has changes still in the outbox (PROVIZORISKS mark).
    ``bilingual_labels``: field labels in Latvian and English ("Uzvārds / Surname").
    ``operative_translation``: repeat the operative part in English or Russian, side by side.
    """

    printed_by: str
    printed_at: datetime
    training: bool = False
    provisional: bool = False
    bilingual_labels: bool = False
    operative_translation: Translation | None = None

    def __post_init__(self) -> None:
        if self.operative_translation not in (None, *TRANSLATIONS):
            raise ValueError(f"no operative translation into {self.operative_translation!r}")
