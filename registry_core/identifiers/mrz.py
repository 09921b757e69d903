"""ICAO Doc 9303 machine-readable zone: parsing and building TD1, TD2 and TD3 (domain.md §8.2).

The parser is deliberately forgiving about *how* the text arrives (pasted with line breaks
and spaces, lower case, or as one joined line from a keyboard-wedge scanner) and strict
about *what* it is: only text that cannot be an MRZ at all is refused with a
`DomainError`. A wrong check digit is never an error — damaged and forged documents are
exactly what officers meet — so it is reported in `MrzResult.checks` / `valid` instead,
and the client lets the officer save with a warning.
"""

from __future__ import annotations

import dataclasses
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Literal

import pycountry

from registry_core.messages import DomainError, register

__all__ = [
    "ICAO_SPECIAL_CODES",
    "CheckName",
    "CheckResult",
    "MrzFields",
    "MrzFormat",
    "MrzResult",
    "MrzSex",
    "build_td3",
    "check_digit",
    "format_mrz",
    "normalize_country_code",
    "parse_mrz",
]

MrzFormat = Literal["TD1", "TD2", "TD3"]
CheckName = Literal["document_number", "birth_date", "expiry_date", "optional_data", "composite"]
MrzSex = Literal["M", "F", "X"]

# Refusals: the text cannot be an MRZ.
CODE_FORMAT = "mrz.format"
CODE_CHARSET = "mrz.charset"
CODE_LENGTH = "mrz.length"
CODE_FIELD_TOO_LONG = "mrz.field_too_long"
# Soft warnings: shown to the officer, never block saving.
WARN_CHECK_DIGIT = "mrz.check_digit_mismatch"
WARN_BIRTH_INCOMPLETE = "mrz.birth_date_incomplete"
WARN_BIRTH_INVALID = "mrz.birth_date_invalid"
WARN_EXPIRY_INCOMPLETE = "mrz.expiry_date_incomplete"
WARN_EXPIRY_INVALID = "mrz.expiry_date_invalid"
WARN_EXPIRED = "mrz.document_expired"
WARN_SEX_INVALID = "mrz.sex_invalid"
WARN_NAME_TRUNCATED = "mrz.name_truncated"
WARN_NAME_DIGITS = "mrz.name_has_digits"
WARN_ISSUER_UNKNOWN = "mrz.issuing_state_unknown"
WARN_NATIONALITY_UNKNOWN = "mrz.nationality_unknown"

register(
    {
        CODE_FORMAT: (
            "Teksts nav mašīnlasāmā zona (MRZ).",
            "The text is not a machine-readable zone (MRZ).",
        ),
        CODE_CHARSET: (
            "MRZ drīkst saturēt tikai burtus A–Z, ciparus 0–9 un aizpildītāju „<”; "
            "neatļautās zīmes: {chars}.",
            "An MRZ may contain only the letters A–Z, the digits 0–9 and the filler '<'; "
            "characters not allowed: {chars}.",
        ),
        CODE_LENGTH: (
            "MRZ rindu garums neatbilst nevienam formātam (TD1: 3 × 30, TD2: 2 × 36, "
            "TD3: 2 × 44 zīmes); saņemtie garumi: {lengths}.",
            "The MRZ line lengths match no format (TD1: 3 × 30, TD2: 2 × 36, "
            "TD3: 2 × 44 characters); lengths received: {lengths}.",
        ),
        CODE_FIELD_TOO_LONG: (
            "MRZ lauks „{name}” ir par garu (ne vairāk kā {max_length} zīmes).",
            "The MRZ field '{name}' is too long (at most {max_length} characters).",
        ),
        WARN_CHECK_DIGIT: (
            "Viens vai vairāki MRZ kontrolcipari nesakrīt — dokuments var būt bojāts vai "
            "viltots, vai arī MRZ nolasīta kļūdaini.",
            "One or more MRZ check digits do not match — the document may be damaged or "
            "forged, or the MRZ was misread.",
        ),
        WARN_BIRTH_INCOMPLETE: (
            "Dzimšanas datums MRZ nav norādīts pilnībā.",
            "The date of birth in the MRZ is incomplete.",
        ),
        WARN_BIRTH_INVALID: (
            "Dzimšanas datums MRZ nav derīgs datums.",
            "The date of birth in the MRZ is not a real date.",
        ),
        WARN_EXPIRY_INCOMPLETE: (
            "Dokumenta derīguma termiņš MRZ nav norādīts pilnībā.",
            "The document's expiry date in the MRZ is incomplete.",
        ),
        WARN_EXPIRY_INVALID: (
            "Dokumenta derīguma termiņš MRZ nav derīgs datums.",
            "The document's expiry date in the MRZ is not a real date.",
        ),
        WARN_EXPIRED: (
            "Dokumenta derīguma termiņš ir beidzies.",
            "The document has expired.",
        ),
        WARN_SEX_INVALID: (
            "Dzimuma apzīmējums MRZ nav atpazīts.",
            "The sex marker in the MRZ is not recognised.",
        ),
        WARN_NAME_TRUNCATED: (
            "Vārds un uzvārds MRZ aizpilda visu lauku un, iespējams, ir saīsināts.",
            "The name fills the whole MRZ field and may be truncated.",
        ),
        WARN_NAME_DIGITS: (
            "Vārdā vai uzvārdā MRZ ir cipari — iespējama nolasīšanas kļūda.",
            "The name in the MRZ contains digits — possibly a reading error.",
        ),
        WARN_ISSUER_UNKNOWN: (
            "Izdevējvalsts kods MRZ nav atpazīts.",
            "The issuing state code in the MRZ is not recognised.",
        ),
        WARN_NATIONALITY_UNKNOWN: (
            "Pilsonības kods MRZ nav atpazīts.",
            "The nationality code in the MRZ is not recognised.",
        ),
    }
)

FILLER = "<"
_CHARSET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_WEIGHTS = (7, 3, 1)
# (lines, characters per line); the joined totals 90 / 72 / 88 are distinct.
_SHAPES: dict[MrzFormat, tuple[int, int]] = {"TD1": (3, 30), "TD2": (2, 36), "TD3": (2, 44)}

ICAO_SPECIAL_CODES = frozenset(
    {
        "XXA",  # stateless person (1954 Convention)
        "XXB",  # refugee (1951 Convention)
        "XXC",  # refugee (other)
        "XXX",  # unspecified nationality
        "UTO",  # Utopia, ICAO specimen state
        "GBD",  # British Overseas Territories citizen
        "GBN",  # British National (Overseas)
        "GBO",  # British Overseas citizen
        "GBP",  # British protected person
        "GBS",  # British subject
        "UNO",  # United Nations Organization
        "UNA",  # UN specialised agency
        "UNK",  # Kosovo (UNMIK-issued)
        "RKS",  # Kosovo
        "XOM",  # Sovereign Military Order of Malta
        "EUE",  # European Union
    }
)
# Other issuing organisations of Doc 9303 Part 3; only used to avoid a false
# "unknown code" warning, never to change a code.
_ICAO_ORGANISATION_CODES = frozenset(
    {"XBA", "XIM", "XCC", "XCE", "XCO", "XDC", "XEC", "XES", "XMP", "XPO"}
)


def normalize_country_code(raw: str) -> str:
    """Strip filler and map Germany's one-letter ``D`` (``D<<``) to ``DEU``; keep all else."""
    code = raw.rstrip(FILLER)
    return "DEU" if code == "D" else code


def _known_country(code: str) -> bool:
    if code in ICAO_SPECIAL_CODES or code in _ICAO_ORGANISATION_CODES:
        return True
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def _char_value(ch: str) -> int:
    if "0" <= ch <= "9":
        return ord(ch) - ord("0")
    if "A" <= ch <= "Z":
        return ord(ch) - ord("A") + 10
    if ch == FILLER:
        return 0
    raise DomainError(CODE_CHARSET, field=None, chars=ch)


def check_digit(s: str) -> int:
    """ICAO 9303 check digit: values 0–9 / A–Z = 10–35 / ``<`` = 0, weights 7, 3, 1, mod 10."""
    return sum(_char_value(ch) * _WEIGHTS[i % 3] for i, ch in enumerate(s)) % 10


@dataclass(frozen=True, slots=True)
class CheckResult:
    """One check digit: `expected` is recomputed, `found` is the character on the document."""

    name: CheckName
    expected: int
    found: str
    ok: bool


@dataclass(frozen=True, slots=True)
class MrzFields:
    """The data an MRZ encodes — the input of `format_mrz` and the output of `to_fields()`.

    `optional_data_2` is TD1's second optional field (line 2); it is empty for TD2/TD3.
    """

    format: MrzFormat
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    sex: MrzSex
    expiry_date: date | None
    optional_data: str = ""
    optional_data_2: str = ""


@dataclass(frozen=True, slots=True)
class MrzResult:
    """A parsed MRZ. `valid` is derived from `checks`; `warnings` are message codes.

    Dates that are incomplete (``<``) or not real are ``None``; the six characters as
    printed stay in `birth_date_raw` / `expiry_date_raw`. `lines` are the normalised lines.
    """

    format: MrzFormat
    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: date | None
    birth_date_raw: str
    sex: MrzSex
    expiry_date: date | None
    expiry_date_raw: str
    optional_data: str
    optional_data_2: str
    checks: tuple[CheckResult, ...]
    warnings: tuple[str, ...]
    lines: tuple[str, ...]
    valid: bool = dataclasses.field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "valid", all(check.ok for check in self.checks))

    def check(self, name: CheckName) -> CheckResult | None:
        """The result of one named check, or None when this format has no such check."""
        return next((c for c in self.checks if c.name == name), None)

    def to_fields(self) -> MrzFields:
        return MrzFields(
            format=self.format,
            document_code=self.document_code,
            issuing_state=self.issuing_state,
            surname=self.surname,
            given_names=self.given_names,
            document_number=self.document_number,
            nationality=self.nationality,
            birth_date=self.birth_date,
            sex=self.sex,
            expiry_date=self.expiry_date,
            optional_data=self.optional_data,
            optional_data_2=self.optional_data_2,
        )


# --------------------------------------------------------------------------- parsing


def _clean_line(line: str) -> str:
    """Remove whitespace and control characters (scanner prefixes/suffixes, tabs, NBSP)."""
    return "".join(ch for ch in line if not ch.isspace() and unicodedata.category(ch) != "Cc")


def _split_lines(text: str, field_name: str | None) -> tuple[MrzFormat, tuple[str, ...]]:
    """Normalise pasted or scanned text into the format's lines.

    Lines may arrive separately or joined (a keyboard-wedge scanner often sends no line
    break); every given line must be a whole number of MRZ lines of one format, so a line
    break in the wrong place is refused rather than silently re-aligned.
    """
    lines = [cleaned for raw in text.upper().splitlines() if (cleaned := _clean_line(raw))]
    if not lines:
        raise DomainError(CODE_FORMAT, field=field_name)
    bad = sorted({ch for line in lines for ch in line if ch not in _CHARSET})
    if bad:
        raise DomainError(CODE_CHARSET, field=field_name, chars=", ".join(bad))
    total = sum(len(line) for line in lines)
    for fmt, (count, width) in _SHAPES.items():
        if total == count * width and all(len(line) % width == 0 for line in lines):
            joined = "".join(lines)
            return fmt, tuple(joined[i : i + width] for i in range(0, total, width))
    raise DomainError(
        CODE_LENGTH, field=field_name, lengths=" + ".join(str(len(line)) for line in lines)
    )


def _check(name: CheckName, data: str, found: str, *, filler_if_empty: bool = False) -> CheckResult:
    """Compare a printed check digit; `filler_if_empty` allows ``<`` over an all-filler field."""
    expected = check_digit(data)
    ok = found.isdigit() and int(found) == expected
    if filler_if_empty and found == FILLER and set(data) <= {FILLER}:
        ok = True
    return CheckResult(name, expected, found, ok)


def _names(name_field: str) -> tuple[str, str, list[str]]:
    """Split ``SURNAME<<GIVEN<NAMES`` into (surname, given names) with words space-separated."""
    warnings: list[str] = []
    if not name_field.endswith(FILLER):
        warnings.append(WARN_NAME_TRUNCATED)
    primary, _, secondary = name_field.rstrip(FILLER).partition(FILLER * 2)
    surname = " ".join(word for word in primary.split(FILLER) if word)
    given = " ".join(word for word in secondary.split(FILLER) if word)
    if any(ch.isdigit() for ch in name_field):
        warnings.append(WARN_NAME_DIGITS)
    return surname, given, warnings


def _date_parts(raw: str) -> tuple[int, int, int] | None:
    return (int(raw[0:2]), int(raw[2:4]), int(raw[4:6])) if raw.isdigit() else None


def _birth_date(raw: str, today: date) -> tuple[date | None, str | None]:
    """YYMMDD resolved to the most recent matching date not after `today`."""
    if FILLER in raw:
        return None, WARN_BIRTH_INCOMPLETE
    parts = _date_parts(raw)
    if parts is None:
        return None, WARN_BIRTH_INVALID
    yy, month, day = parts
    year = today.year - ((today.year - yy) % 100)
    for candidate in (year, year - 100):
        try:
            resolved = date(candidate, month, day)
        except ValueError:
            continue
        if resolved <= today:
            return resolved, None
    return None, WARN_BIRTH_INVALID


def _expiry_date(raw: str, today: date) -> tuple[date | None, str | None]:
    """YYMMDD resolved into the window from 49 years before to 50 years after `today`.

    In practice that is 20YY unless 20YY would lie more than ~50 years ahead (old
    documents with 19YY expiry dates still turn up).
    """
    if FILLER in raw:
        return None, WARN_EXPIRY_INCOMPLETE
    parts = _date_parts(raw)
    if parts is None:
        return None, WARN_EXPIRY_INVALID
    yy, month, day = parts
    base = today.year - 49
    try:
        return date(base + (yy - base) % 100, month, day), None
    except ValueError:
        return None, WARN_EXPIRY_INVALID


def _sex(raw: str) -> tuple[MrzSex, str | None]:
    if raw == "M":
        return "M", None
    if raw == "F":
        return "F", None
    if raw in (FILLER, "X"):
        return "X", None
    return "X", WARN_SEX_INVALID


def _long_document_number(first9: str, found: str, optional: str) -> tuple[str, str, str, str]:
    """TD1/TD2 document number with the 9303 overflow rule.

    When the number is longer than nine characters its check-digit position holds ``<``
    and the optional data starts with the remaining characters followed by the check
    digit (then ``<``). Returns (number, check-digit data, found digit, rest of optional).
    """
    if found == FILLER and optional[:1] not in ("", FILLER):
        segment = optional.split(FILLER, 1)[0]
        number = first9 + segment[:-1]
        return number, number, segment[-1], optional[len(segment) :].strip(FILLER)
    return first9.rstrip(FILLER), first9, found, optional.rstrip(FILLER)


def _code(raw: str) -> str:
    return raw.rstrip(FILLER)


def parse_mrz(text: str, *, today: date | None = None, field: str | None = "mrz") -> MrzResult:
    """Parse TD1, TD2 or TD3 text; see the module docstring for what raises and what warns.

    `today` fixes the two-digit-year windows and the "expired" warning (tests pass it).
    """
    today = today or date.today()
    fmt, lines = _split_lines(text, field)
    if not lines[0][0].isalpha():
        # Document codes start with a letter (P, V, I, A, C); a digit here means the
        # lines are in the wrong order or the text is something else.
        raise DomainError(CODE_FORMAT, field=field)

    l1, l2 = lines[0], lines[1]
    document_code, issuing_raw = _code(l1[0:2]), l1[2:5]
    optional_2 = ""
    if fmt == "TD3":
        name_field = l1[5:44]
        document_number = l2[0:9].rstrip(FILLER)
        doc_check = _check("document_number", l2[0:9], l2[9])
        nationality_raw, birth_raw, birth_cd = l2[10:13], l2[13:19], l2[19]
        sex_raw, expiry_raw, expiry_cd = l2[20], l2[21:27], l2[27]
        optional = l2[28:42].rstrip(FILLER)
        extra = [_check("optional_data", l2[28:42], l2[42], filler_if_empty=True)]
        composite = _check("composite", l2[0:10] + l2[13:20] + l2[21:43], l2[43])
    elif fmt == "TD2":
        name_field = l1[5:36]
        document_number, doc_data, doc_found, optional = _long_document_number(
            l2[0:9], l2[9], l2[28:35]
        )
        doc_check = _check("document_number", doc_data, doc_found)
        nationality_raw, birth_raw, birth_cd = l2[10:13], l2[13:19], l2[19]
        sex_raw, expiry_raw, expiry_cd = l2[20], l2[21:27], l2[27]
        extra = []
        composite = _check("composite", l2[0:10] + l2[13:20] + l2[21:35], l2[35])
    else:
        l3 = lines[2]
        name_field = l3
        document_number, doc_data, doc_found, optional = _long_document_number(
            l1[5:14], l1[14], l1[15:30]
        )
        doc_check = _check("document_number", doc_data, doc_found)
        birth_raw, birth_cd, sex_raw = l2[0:6], l2[6], l2[7]
        expiry_raw, expiry_cd, nationality_raw = l2[8:14], l2[14], l2[15:18]
        optional_2 = l2[18:29].rstrip(FILLER)
        extra = []
        composite = _check("composite", l1[5:30] + l2[0:7] + l2[8:15] + l2[18:29], l2[29])

    checks = (
        doc_check,
        _check("birth_date", birth_raw, birth_cd),
        _check("expiry_date", expiry_raw, expiry_cd),
        *extra,
        composite,
    )
    surname, given_names, warnings = _names(name_field)
    birth_date, birth_warning = _birth_date(birth_raw, today)
    expiry_date, expiry_warning = _expiry_date(expiry_raw, today)
    sex, sex_warning = _sex(sex_raw)
    issuing_state = normalize_country_code(issuing_raw)
    nationality = normalize_country_code(nationality_raw)

    if not all(check.ok for check in checks):
        warnings.insert(0, WARN_CHECK_DIGIT)
    warnings.extend(w for w in (birth_warning, expiry_warning, sex_warning) if w)
    if expiry_date is not None and expiry_date < today:
        warnings.append(WARN_EXPIRED)
    if not _known_country(issuing_state):
        warnings.append(WARN_ISSUER_UNKNOWN)
    if not _known_country(nationality):
        warnings.append(WARN_NATIONALITY_UNKNOWN)

    return MrzResult(
        format=fmt,
        document_code=document_code,
        issuing_state=issuing_state,
        surname=surname,
        given_names=given_names,
        document_number=document_number,
        nationality=nationality,
        birth_date=birth_date,
        birth_date_raw=birth_raw,
        sex=sex,
        expiry_date=expiry_date,
        expiry_date_raw=expiry_raw,
        optional_data=optional,
        optional_data_2=optional_2,
        checks=checks,
        warnings=tuple(warnings),
        lines=lines,
    )


# -------------------------------------------------------------------------- building


def _mrz_text(value: str, name: str, *, name_like: bool = False) -> str:
    """Upper-case, strip diacritics (Ā → A) and map separators to ``<``.

    This is the plain fallback for demo data and tests; the 9303 transliteration tables
    of domain.md §8.3 belong to the name-handling module.
    """
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).upper().strip()
    if name_like:
        plain = plain.replace("'", "").replace("-", " ").replace(",", " ")
    out = FILLER.join(plain.split())
    bad = sorted({ch for ch in out if ch not in _CHARSET})
    if bad:
        raise DomainError(CODE_CHARSET, field=name, chars=", ".join(bad))
    return out


def _pad(value: str, width: int, name: str) -> str:
    if len(value) > width:
        raise DomainError(CODE_FIELD_TOO_LONG, field=name, name=name, max_length=width)
    return value.ljust(width, FILLER)


def _country_field(code: str, name: str) -> str:
    return _pad(_mrz_text(code, name), 3, name)


def _date_field(value: date | None) -> str:
    return value.strftime("%y%m%d") if value is not None else FILLER * 6


def _name_field(surname: str, given_names: str, width: int) -> str:
    """``SURNAME<<GIVEN<NAMES``, cut to the field width when too long (9303 truncation)."""
    primary = _mrz_text(surname, "surname", name_like=True)
    secondary = _mrz_text(given_names, "given_names", name_like=True)
    joined = primary + (FILLER * 2 + secondary if secondary else "")
    return joined[:width].ljust(width, FILLER)


def _number_and_optional(number: str, optional: str, width: int) -> tuple[str, str]:
    """The 10-character number + check digit block and the optional field (TD1/TD2)."""
    if len(number) <= 9:
        first = _pad(number, 9, "document_number")
        return first + str(check_digit(first)), _pad(optional, width, "optional_data")
    overflow = number[9:] + str(check_digit(number))
    rest = overflow + (FILLER + optional if optional else "")
    return number[:9] + FILLER, _pad(rest, width, "optional_data")


def format_mrz(fields: MrzFields) -> tuple[str, ...]:
    """Build the MRZ lines for `fields`, with every check digit computed.

    Used by tests and demo-data generation. Round trip: for upper-case, already
    MRZ-clean values and dates inside the parser's windows,
    ``parse_mrz("\\n".join(format_mrz(f)), today=t).to_fields() == f``.
    """
    doc_code = _pad(_mrz_text(fields.document_code, "document_code"), 2, "document_code")
    issuer = _country_field(fields.issuing_state, "issuing_state")
    nationality = _country_field(fields.nationality, "nationality")
    number = _mrz_text(fields.document_number, "document_number")
    optional = _mrz_text(fields.optional_data, "optional_data")
    birth, expiry = _date_field(fields.birth_date), _date_field(fields.expiry_date)
    birth += str(check_digit(birth))
    expiry += str(check_digit(expiry))
    sex = FILLER if fields.sex == "X" else fields.sex

    if fields.format != "TD1":
        # Only TD1 has a second optional field; refuse rather than drop data silently.
        _pad(_mrz_text(fields.optional_data_2, "optional_data_2"), 0, "optional_data_2")
    if fields.format == "TD3":
        line1 = doc_code + issuer + _name_field(fields.surname, fields.given_names, 39)
        number_block = _pad(number, 9, "document_number")
        number_block += str(check_digit(number_block))
        optional_block = _pad(optional, 14, "optional_data")
        optional_block += str(check_digit(optional_block)) if optional else FILLER
        body = number_block + nationality + birth + sex + expiry + optional_block
        composite = check_digit(body[0:10] + body[13:20] + body[21:43])
        return line1, body + str(composite)
    if fields.format == "TD2":
        line1 = doc_code + issuer + _name_field(fields.surname, fields.given_names, 31)
        number_block, optional_block = _number_and_optional(number, optional, 7)
        body = number_block + nationality + birth + sex + expiry + optional_block
        composite = check_digit(body[0:10] + body[13:20] + body[21:35])
        return line1, body + str(composite)

    number_block, optional_block = _number_and_optional(number, optional, 15)
    line1 = doc_code + issuer + number_block + optional_block
    optional_2 = _pad(_mrz_text(fields.optional_data_2, "optional_data_2"), 11, "optional_data_2")
    body = birth + sex + expiry + nationality + optional_2
    composite = check_digit(line1[5:30] + body[0:7] + body[8:15] + body[18:29])
    return line1, body + str(composite), _name_field(fields.surname, fields.given_names, 30)


def build_td3(
    *,
    surname: str,
    given_names: str,
    document_number: str,
    issuing_state: str,
    nationality: str,
    birth_date: date | None,
    sex: MrzSex,
    expiry_date: date | None,
    document_code: str = "P",
    optional_data: str = "",
) -> tuple[str, str]:
    """Passport (TD3) lines from keyword fields — the common case for demo data."""
    line1, line2 = format_mrz(
        MrzFields(
            format="TD3",
            document_code=document_code,
            issuing_state=issuing_state,
            surname=surname,
            given_names=given_names,
            document_number=document_number,
            nationality=nationality,
            birth_date=birth_date,
            sex=sex,
            expiry_date=expiry_date,
            optional_data=optional_data,
        )
    )
    return line1, line2
