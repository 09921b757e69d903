"""Small shared widgets and formatting helpers (no I/O)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

TRAINING_TEXT = "MĀCĪBU VIDE — dati nav īsti / TRAINING — data is not real"


class TrainingBanner(QLabel):
    """The permanent orange banner of the training environment (both languages, always)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt  # not at import: `Qt` is costly to build (start-up)

        super().__init__("⚠ " + TRAINING_TEXT, parent)
        self.setObjectName("trainingBanner")
        self.setAccessibleName(TRAINING_TEXT)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet(
            "QLabel#trainingBanner { background: #f28c28; color: black; font-weight: bold; padding: 6px; }"
        )


def parse_dt(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def format_age(when: datetime | None, now: datetime | None = None) -> str:
    """How old data fetched at `when` is, in words ("5 min", "2 h", "3 d")."""
    if when is None:
        return QCoreApplication.translate("Age", "never fetched")
    now = now or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    seconds = max(0.0, (now - when).total_seconds())
    if seconds < 60:
        return QCoreApplication.translate("Age", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("Age", "%1 min ago").replace(
            "%1", str(int(seconds // 60))
        )
    if seconds < 86400:
        return QCoreApplication.translate("Age", "%1 h ago").replace(
            "%1", str(int(seconds // 3600))
        )
    return QCoreApplication.translate("Age", "%1 d ago").replace("%1", str(int(seconds // 86400)))


def format_date(value: Any) -> str:
    """Dates as the officers write them (dd.mm.yyyy); partial dates as given."""
    if isinstance(value, datetime):
        return value.astimezone().strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, str):
        if len(value) == 10 and value[4] == "-" and value[7] == "-":
            try:
                return date.fromisoformat(value).strftime("%d.%m.%Y")
            except ValueError:
                return value
        if len(value) > 10 and value[4] == "-" and "T" in value:
            parsed = parse_dt(value)
            if parsed is not None:
                return parsed.astimezone().strftime("%d.%m.%Y %H:%M")
    return str(value)


def person_name(person: dict[str, Any]) -> str:
    return " ".join(
        part for part in (person.get("given_names_latin"), person.get("surname_latin")) if part
    )


def native_name(person: dict[str, Any]) -> str:
    return " ".join(
        part for part in (person.get("given_names_native"), person.get("surname_native")) if part
    )
