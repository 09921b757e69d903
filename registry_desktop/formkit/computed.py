"""Live computed figures of the forms (no Qt): the voluntary-departure deadline, the end
of an entry ban, cumulative detention days and the days left on a court authorisation.

`COMPUTED[name](values, lang)` → the text shown in the form (or None: not computable
yet). The text is a `ComputedText`: a `str` whose `alert` is True when the figure needs
the officer's attention (a deadline in 3 days or less, or past); the renderer shows it in
red together with a warning sign, never by colour alone. The arithmetic is
`registry_core`'s (lifecycle configuration, `ban_valid_until`,
`cumulative_detention_days`), so the form shows what the registry will compute.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from registry_core.messages import register, text
from registry_desktop.formkit import validation as v

ALERT_DAYS = 3

register(
    {
        "formkit.computed.days_left": (
            "{date} (atlikušas {days} d.)",
            "{date} ({days} d. left)",
        ),
        "formkit.computed.today": ("{date} (šodien)", "{date} (today)"),
        "formkit.computed.overdue": (
            "{date} (nokavēts par {days} d.)",
            "{date} ({days} d. overdue)",
        ),
        "formkit.computed.indefinite": ("uz nenoteiktu laiku", "indefinite"),
        "formkit.computed.after_departure": (
            "sāksies izceļošanas dienā",
            "starts on the day of departure",
        ),
        "formkit.computed.days": ("{days} d.", "{days} d."),
        "formkit.computed.days_until": (
            "{days} d. (līdz {date})",
            "{days} d. (until {date})",
        ),
        "formkit.computed.expired": (
            "beidzies {date}",
            "expired on {date}",
        ),
        "formkit.computed.after_service": (
            "{days} d. pēc paziņošanas",
            "{days} d. after service",
        ),
    }
)


class ComputedText(str):
    """A computed figure's text; `alert` marks one that needs attention."""

    alert: bool = False

    def __new__(cls, value: str, alert: bool = False) -> ComputedText:
        obj = super().__new__(cls, value)
        obj.alert = alert
        return obj


def today() -> date:
    """Today in Riga (tests replace it)."""
    return v.today_riga()


def _deadline_text(deadline: date, lang: str, *, show_left: bool = True) -> ComputedText:
    shown = deadline.strftime("%d.%m.%Y")
    left = (deadline - today()).days
    if not show_left:
        return ComputedText(shown)
    if left < 0:
        return ComputedText(text("formkit.computed.overdue", lang, date=shown, days=-left), True)
    if left == 0:
        return ComputedText(text("formkit.computed.today", lang, date=shown), True)
    return ComputedText(
        text("formkit.computed.days_left", lang, date=shown, days=left), left <= ALERT_DAYS
    )


def vd_deadline(values: Mapping[str, Any], lang: str) -> str | None:
    """Served date + the voluntary-departure period in calendar days (lifecycle config)."""
    from registry_core.lifecycle import DEFAULT_CONFIG

    days = v.as_int(values.get("vd_period_days"))
    if days is None or days <= 0:
        return None
    served = v.as_date(values.get("served_at"))
    if served is None:
        return ComputedText(text("formkit.computed.after_service", lang, days=days))
    deadline = served + timedelta(days=days)
    if DEFAULT_CONFIG.vd_deadline_roll_to_working_day:
        deadline = DEFAULT_CONFIG.calendar.next_working_day(deadline)
    return _deadline_text(deadline, lang)


def ban_end_date(values: Mapping[str, Any], lang: str) -> str | None:
    """The last day of an entry ban (`lifecycle_ban.ban_valid_until`)."""
    from registry_core.lifecycle_ban import ban_valid_until

    if values.get("indefinite"):
        return ComputedText(text("formkit.computed.indefinite", lang))
    years = v.as_int(values.get("duration_years")) or 0
    months = v.as_int(values.get("duration_months")) or 0
    if years < 0 or months < 0 or (years == 0 and months == 0):
        explicit = v.as_date(values.get("valid_until"))
        return explicit.strftime("%d.%m.%Y") if explicit else None
    start = v.as_date(values.get("valid_from"))
    if start is None:
        if values.get("start_pending_departure"):
            return ComputedText(text("formkit.computed.after_departure", lang))
        return None
    try:
        end = ban_valid_until(start, years, months)
    except (ValueError, OverflowError):
        return None
    return end.strftime("%d.%m.%Y") if end else None


def detention_days_total(values: Mapping[str, Any], lang: str) -> str | None:
    """Calendar days of this detention up to today (or the release), each day once."""
    from registry_core.lifecycle_detention import DetentionPeriod, cumulative_detention_days

    start = v.as_date(values.get("detained_at"))
    if start is None:
        return None
    end = v.as_date(values.get("released_at"))
    days = cumulative_detention_days([DetentionPeriod(start, end)], today())
    return ComputedText(text("formkit.computed.days", lang, days=days))


def court_days_left(values: Mapping[str, Any], lang: str) -> str | None:
    """Days until the latest court authorisation's `authorised_until`."""
    until = v.latest_authorisation(values.get("court_authorisations"))
    if until is None:
        return None
    if v.as_date(values.get("released_at")) is not None:
        return until.strftime("%d.%m.%Y")
    left = (until - today()).days
    shown = until.strftime("%d.%m.%Y")
    if left < 0:
        return ComputedText(text("formkit.computed.expired", lang, date=shown), True)
    return ComputedText(
        text("formkit.computed.days_until", lang, days=left, date=shown), left <= ALERT_DAYS
    )


COMPUTED: dict[str, Callable[[Mapping[str, Any], str], str | None]] = {
    "vd_deadline": vd_deadline,
    "ban_end_date": ban_end_date,
    "detention_days_total": detention_days_total,
    "court_days_left": court_days_left,
}


def compute(name: str | None, values: Mapping[str, Any], lang: str) -> str | None:
    """COMPUTED[name] that never raises (an unknown name or odd input shows nothing)."""
    fn = COMPUTED.get(name or "")
    if fn is None:
        return None
    try:
        return fn(values, lang)
    except Exception:
        return None


def is_alert(value: str | None) -> bool:
    return bool(getattr(value, "alert", False))
