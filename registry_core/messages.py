"""Bilingual (Latvian first, English second) messages for every user-facing error.

Each module that can refuse input registers its own message codes here with
`register({...})`; validators raise `DomainError(code, **params)` (or pydantic's
`PydanticCustomError(code, ...)` inside models) and the boundary (server, forms)
turns the code into text with `text(code, lang, **params)`. Keeping the catalogue
keyed by code means client and server show the same words for the same problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

LANGUAGES = ("lv", "en")
DEFAULT_LANGUAGE = "lv"

_CATALOGUE: dict[str, tuple[str, str]] = {}


def register(messages: Mapping[str, tuple[str, str]]) -> None:
    """Add `{code: (latvian, english)}` templates; `{name}` placeholders allowed."""
    for code, pair in messages.items():
        existing = _CATALOGUE.get(code)
        if existing is not None and existing != pair:
            raise ValueError(f"message code {code!r} registered twice with different text")
        _CATALOGUE[code] = pair


def known(code: str) -> bool:
    return code in _CATALOGUE


def text(code: str, lang: str = DEFAULT_LANGUAGE, **params: Any) -> str:
    """The message for `code` in `lang` ('lv' or 'en'); unknown codes fall back to the code."""
    pair = _CATALOGUE.get(code)
    if pair is None:
        return code
    template = pair[1] if lang == "en" else pair[0]
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def both(code: str, **params: Any) -> dict[str, str]:
    return {lang: text(code, lang, **params) for lang in LANGUAGES}


def pick_language(accept_language: str | None) -> str:
    """Choose 'lv' or 'en' from an Accept-Language header; Latvian unless English ranks higher."""
    if not accept_language:
        return DEFAULT_LANGUAGE
    best, best_q = DEFAULT_LANGUAGE, -1.0
    for part in accept_language.split(","):
        piece = part.strip()
        if not piece:
            continue
        tag, _, q_part = piece.partition(";")
        lang = tag.strip().lower().split("-")[0]
        q = 1.0
        if q_part.strip().startswith("q="):
            try:
                q = float(q_part.strip()[2:])
            except ValueError:
                q = 0.0
        if lang in LANGUAGES and q > best_q:
            best, best_q = lang, q
    return best


class DomainError(ValueError):
    """A refusal with a message code; `field` names the offending field when there is one."""

    def __init__(self, code: str, field: str | None = None, **params: Any) -> None:
        super().__init__(text(code, "en", **params))
        self.code = code
        self.field = field
        self.params = params

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return text(self.code, lang, **self.params)


# Messages for pydantic's own error types, so a missing field or a malformed date
# reads the same in Latvian as our own checks do.
register(
    {
        "missing": ("Obligāts lauks.", "This field is required."),
        "extra_forbidden": ("Nezināms lauks.", "Unknown field."),
        "string_too_short": ("Lauks nedrīkst būt tukšs.", "This field must not be empty."),
        "string_too_long": (
            "Teksts ir par garu (ne vairāk kā {max_length} zīmes).",
            "Text is too long (at most {max_length} characters).",
        ),
        "string_pattern_mismatch": ("Nepareizs formāts.", "Wrong format."),
        "string_type": ("Jābūt tekstam.", "Must be text."),
        "int_parsing": ("Jābūt veselam skaitlim.", "Must be a whole number."),
        "int_type": ("Jābūt veselam skaitlim.", "Must be a whole number."),
        "int_from_float": ("Jābūt veselam skaitlim.", "Must be a whole number."),
        "decimal_parsing": ("Jābūt skaitlim.", "Must be a number."),
        "decimal_type": ("Jābūt skaitlim.", "Must be a number."),
        "float_parsing": ("Jābūt skaitlim.", "Must be a number."),
        "greater_than_equal": ("Jābūt vismaz {ge}.", "Must be at least {ge}."),
        "greater_than": ("Jābūt lielākam par {gt}.", "Must be greater than {gt}."),
        "less_than_equal": ("Jābūt ne vairāk kā {le}.", "Must be at most {le}."),
        "less_than": ("Jābūt mazākam par {lt}.", "Must be less than {lt}."),
        "bool_parsing": ("Jābūt jā vai nē.", "Must be yes or no."),
        "bool_type": ("Jābūt jā vai nē.", "Must be yes or no."),
        "date_parsing": ("Nepareizs datums.", "Invalid date."),
        "date_from_datetime_parsing": ("Nepareizs datums.", "Invalid date."),
        "date_type": ("Nepareizs datums.", "Invalid date."),
        "datetime_parsing": ("Nepareizs datums vai laiks.", "Invalid date or time."),
        "datetime_from_date_parsing": ("Nepareizs datums vai laiks.", "Invalid date or time."),
        "datetime_type": ("Nepareizs datums vai laiks.", "Invalid date or time."),
        "uuid_parsing": ("Nepareizs identifikators.", "Invalid identifier."),
        "uuid_type": ("Nepareizs identifikators.", "Invalid identifier."),
        "enum": ("Neatļauta vērtība.", "Value not allowed."),
        "literal_error": ("Neatļauta vērtība.", "Value not allowed."),
        "list_type": ("Jābūt sarakstam.", "Must be a list."),
        "too_short": ("Jānorāda vismaz {min_length}.", "Give at least {min_length}."),
        "too_long": ("Ne vairāk kā {max_length}.", "At most {max_length}."),
        "model_type": ("Nepareiza struktūra.", "Wrong structure."),
        "dict_type": ("Nepareiza struktūra.", "Wrong structure."),
        "value_error": ("Nepareiza vērtība.", "Invalid value."),
        "invalid": ("Nepareiza vērtība.", "Invalid value."),
        "decimal_max_places": (
            "Ne vairāk kā {decimal_places} zīmes aiz komata.",
            "At most {decimal_places} decimal places.",
        ),
        "decimal_max_digits": (
            "Ne vairāk kā {max_digits} cipari kopā.",
            "At most {max_digits} digits in all.",
        ),
        "decimal_whole_digits": (
            "Ne vairāk kā {whole_digits} cipari pirms komata.",
            "At most {whole_digits} digits before the decimal point.",
        ),
        "decimal_finite": ("Jābūt galīgam skaitlim.", "Must be a finite number."),
        "finite_number": ("Jābūt galīgam skaitlim.", "Must be a finite number."),
        "int_parsing_size": ("Skaitlis ir par lielu.", "The number is too large."),
        "timezone_aware": (
            "Laikam jānorāda laika josla.",
            "The time needs its time zone.",
        ),
    }
)


def _loc_path(loc: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in loc) or "__root__"


def field_errors(exc: ValidationError, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Map a pydantic ValidationError to {field path: message in `lang`}.

    Codes we registered (ours or pydantic's) are translated; anything else keeps
    pydantic's English text so that no problem goes unreported.
    """
    out: dict[str, str] = {}
    for err in exc.errors(include_url=False):
        loc = tuple(err.get("loc", ()))
        # Tagged unions and function validators add noise to the location.
        loc = tuple(p for p in loc if not (isinstance(p, str) and p.startswith("function-")))
        path = _loc_path(loc)
        code = str(err.get("type", "invalid"))
        ctx = dict(err.get("ctx") or {})
        if code == "value_error" and isinstance(ctx.get("error"), DomainError):
            derr: DomainError = ctx["error"]
            msg = derr.message(lang)
            if derr.field and (not loc or loc[-1] != derr.field):
                # A rule across fields names the field the officer should fix.
                path = _loc_path((*loc, derr.field))
        elif known(code):
            msg = text(code, lang, **{k: v for k, v in ctx.items() if k != "error"})
        else:
            msg = str(err.get("msg", code))
        out.setdefault(path, msg)
    return out
