"""Scoring a pair of person records: a score 0..1 and the reasons behind it.

Each piece of evidence adds or removes points (log-odds, roughly Fellegi–Sunter); the
score is the logistic of the sum less an offset, so 0.5 is the decision line used by
the batch tools. Strong identifiers dominate: the same Latvian personal code is a
certain match, the same document number of the same issuing state a near-certain one;
two different valid personal codes are strong evidence against. Names are compared
through every spelling we hold (as written, re-transliterated from the native script
by ICAO 9303 and the older systems, the Latvian reproduction, previous surnames,
other identities). Patronymic is only a weak tiebreaker; ethnicity is never used.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from registry_core.matching.dates import Dob, DobAgreement, compare_dob, parse_dob
from registry_core.matching.normalize import (
    NameForm,
    edit_distance_at_most_one,
    jaro_winkler,
    name_forms,
    skeleton,
    split_full_name,
)
from registry_core.messages import register, text

register(
    {
        "match.same_personal_code": ("tas pats personas kods", "same personal code"),
        "match.different_personal_code": ("atšķirīgi personas kodi", "different personal codes"),
        "match.same_id_number": (
            "tas pats personas identifikācijas numurs",
            "same personal identity number",
        ),
        "match.id_number_typo": (
            "identifikācijas numurs atšķiras par vienu zīmi",
            "identity number differs by one character",
        ),
        "match.different_id_number": (
            "atšķirīgi identifikācijas numuri",
            "different identity numbers",
        ),
        "match.same_passport": ("tas pats pases numurs", "same passport number"),
        "match.same_document_other_state": (
            "tas pats dokumenta numurs, cita izdevēja valsts",
            "same document number, another issuing state",
        ),
        "match.document_typo": (
            "dokumenta numurs atšķiras par vienu zīmi",
            "document number differs by one character",
        ),
        "match.surname_same": ("tas pats uzvārds", "same surname"),
        "match.surname_translit": (
            "uzvārds ir transliterācijas variants",
            "surname is a transliteration variant",
        ),
        "match.surname_latvian": (
            "uzvārds ir latviskotā forma",
            "surname is the Latvian reproduction",
        ),
        "match.surname_previous": (
            "sakrīt ar iepriekšējo uzvārdu vai citu identitāti",
            "matches a previous surname or another identity",
        ),
        "match.surname_typo": ("uzvārds gandrīz sakrīt", "surname nearly the same"),
        "match.surname_different": ("atšķirīgs uzvārds", "different surname"),
        "match.given_same": ("tas pats vārds", "same given name"),
        "match.given_translit": (
            "vārds ir transliterācijas variants",
            "given name is a transliteration variant",
        ),
        "match.given_latvian": (
            "vārds ir latviskotā forma",
            "given name is the Latvian reproduction",
        ),
        "match.given_partial": (
            "sakrīt daļa vārdu",
            "some of the given names are the same",
        ),
        "match.given_typo": ("vārds gandrīz sakrīt", "given name nearly the same"),
        "match.given_different": ("atšķirīgs vārds", "different given name"),
        "match.names_swapped": (
            "vārds un uzvārds samainīti vietām",
            "given name and surname swapped",
        ),
        "match.dob_same": ("tas pats dzimšanas datums", "same date of birth"),
        "match.dob_swapped": (
            "dzimšanas datumā samainīta diena un mēnesis",
            "day and month swapped",
        ),
        "match.dob_partial_month": (
            "dzimšanas gads un mēnesis sakrīt (daļējs datums)",
            "same year and month of birth (partial date)",
        ),
        "match.dob_partial_year": (
            "dzimšanas gads sakrīt (daļējs datums)",
            "same year of birth (partial date)",
        ),
        "match.dob_typo": (
            "dzimšanas datums atšķiras par vienu ciparu",
            "date of birth differs by one digit",
        ),
        "match.dob_year_only": (
            "sakrīt tikai dzimšanas gads",
            "only the year of birth is the same",
        ),
        "match.dob_different": ("atšķirīgs dzimšanas datums", "different date of birth"),
        "match.dob_unknown": ("dzimšanas datums nav zināms", "date of birth not known"),
        "match.sex_different": ("atšķirīgs dzimums", "different sex"),
        "match.nationality_same": ("kopīga pilsonība", "a nationality in common"),
        "match.nationality_different": ("atšķirīga pilsonība", "different nationality"),
        "match.place_same": ("tā pati dzimšanas vieta", "same place of birth"),
        "match.patronymic_same": ("tas pats tēvvārds", "same patronymic"),
        "match.patronymic_different": ("atšķirīgs tēvvārds", "different patronymic"),
    }
)

OFFSET = 7.9  # offset_for(1000): a registry of a thousand persons
MATCH_THRESHOLD = 0.5

_DOB_POINTS = {
    DobAgreement.SAME: 8.0,
    DobAgreement.SWAPPED: 6.0,
    DobAgreement.PARTIAL_MONTH: 4.5,
    DobAgreement.PARTIAL_YEAR: 2.0,
    DobAgreement.TYPO: 1.5,
    DobAgreement.YEAR_ONLY: -5.0,
    DobAgreement.DIFFERENT: -5.0,
    DobAgreement.UNKNOWN: -3.0,  # a registry person always has at least a year
}
_UNKNOWN_COUNTRIES = frozenset({"XXX", "XXA", "XXB", "XXC", "ZZZ", "UNK", ""})
_LV_CODE = re.compile(r"^(\d{6})(\d{5})$")


@dataclass(frozen=True, slots=True)
class Prepared:
    """A person reduced to what matching compares; made once, compared many times."""

    id: str
    surnames: tuple[NameForm, ...]
    given: tuple[NameForm, ...]
    dob: Dob | None = None
    sex: str | None = None
    nationalities: frozenset[str] = frozenset()
    documents: tuple[tuple[str, str | None], ...] = ()
    personal_codes: frozenset[str] = frozenset()
    id_numbers: frozenset[str] = frozenset()
    place: str = ""
    patronymic: str = ""
    surname_skels: frozenset[str] = field(default=frozenset())
    given_skels: frozenset[str] = field(default=frozenset())


def _docno(value: object) -> str:
    return re.sub(r"[^A-Z0-9]", "", str(value).upper())


def _country(value: object) -> str | None:
    text_value = str(value or "").strip().upper()
    return None if text_value in _UNKNOWN_COUNTRIES else text_value


def is_latvian_code(digits: str) -> bool:
    return bool(_LV_CODE.match(digits))


def prepare(
    data: Mapping[str, Any],
    documents: Iterable[Mapping[str, Any]] = (),
    *,
    record_id: str | None = None,
) -> Prepared:
    """Features of a person given as a Person record (registry field names) or a flat
    row (`given_names`, `surname`, `citizenship`, `document_number`, `personal_code`)."""
    surnames: dict[str, NameForm] = {}
    given: dict[str, NameForm] = {}

    def add(target: dict[str, NameForm], name: Any, kind: str) -> None:
        if isinstance(name, str):
            for form in name_forms(name, kind):
                target.setdefault(form.skel, form)

    add(surnames, data.get("surname_latin") or data.get("surname"), "latin")
    add(given, data.get("given_names_latin") or data.get("given_names"), "latin")
    add(surnames, data.get("surname_native"), "translit")
    add(given, data.get("given_names_native"), "translit")
    lv_given, lv_surname = split_full_name(data.get("name_reproduction_lv"))
    add(surnames, lv_surname, "latvian")
    add(given, lv_given, "latvian")
    for prev in [*(data.get("previous_surnames") or []), *(data.get("names_at_birth") or [])]:
        add(surnames, prev, "previous")
    for other in data.get("other_identities") or []:
        if isinstance(other, Mapping):
            add(surnames, other.get("surname"), "alias")
            add(given, other.get("given_names"), "alias")

    nationalities: set[str] = set()
    for nat in data.get("nationalities") or []:
        code = _country(nat.get("country") if isinstance(nat, Mapping) else nat)
        if code:
            nationalities.add(code)
    for key in ("citizenship", "nationality"):
        raw = data.get(key)
        if isinstance(raw, str):
            for part in re.split(r"[;,/ ]+", raw):
                code = _country(part)
                if code:
                    nationalities.add(code)

    docs: dict[str, str | None] = {}
    for doc in documents:
        number = _docno(doc.get("series_and_number") or doc.get("number") or "")
        if len(number) >= 4:
            docs[number] = _country(doc.get("issuing_state"))
    if data.get("document_number"):
        number = _docno(data["document_number"])
        if len(number) >= 4:
            docs.setdefault(number, _country(data.get("document_issuing_state")))

    codes: set[str] = set()
    id_numbers: set[str] = set()
    code_raw = data.get("personal_code")
    if code_raw:
        digits = _docno(code_raw)
        if is_latvian_code(digits):
            codes.add(digits)
        elif digits:
            id_numbers.add(digits)
    if data.get("foreign_id_number"):
        digits = _docno(data["foreign_id_number"])
        if digits:
            id_numbers.add(digits)

    sex_raw = str(data.get("sex") or "").strip().upper()[:1]
    sex = sex_raw if sex_raw in ("M", "F") else None
    rid = record_id if record_id is not None else str(data.get("id") or "")
    return Prepared(
        id=rid,
        surnames=tuple(surnames.values()),
        given=tuple(given.values()),
        dob=parse_dob(data.get("date_of_birth")),
        sex=sex,
        nationalities=frozenset(nationalities),
        documents=tuple(docs.items()),
        personal_codes=frozenset(codes),
        id_numbers=frozenset(id_numbers),
        place=skeleton(data.get("place_of_birth")),
        patronymic=skeleton(data.get("patronymic")),
        surname_skels=frozenset(surnames),
        given_skels=frozenset(given),
    )


# -- names ---------------------------------------------------------------------------


@lru_cache(maxsize=400_000)
def _jw(a: str, b: str) -> float:
    return jaro_winkler(a, b) if a <= b else jaro_winkler(b, a)


def _tokens_sim(a: str, b: str) -> tuple[float, bool]:
    """Similarity of two multi-word skeletons; the flag is True for a word subset."""
    if a == b:
        return 1.0, False
    ta, tb = a.split(" "), b.split(" ")
    if len(ta) == 1 and len(tb) == 1:
        return _jw(a, b), False
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    best = [max(_jw(s, t) for t in long_) for s in short]
    mean = sum(best) / len(best)
    joined = _jw(a.replace(" ", ""), b.replace(" ", ""))
    if len(short) < len(long_) and min(best) >= 0.97:
        return max(0.96, joined), True
    return max(mean, joined), False


@dataclass(frozen=True, slots=True)
class NameAgreement:
    level: str  # same, translit, latvian, previous, partial, typo, weak, different, unknown
    similarity: float
    skel: str = ""  # the spelling that agreed (for its frequency)


def compare_names(a: tuple[NameForm, ...], b: tuple[NameForm, ...]) -> NameAgreement:
    if not a or not b:
        return NameAgreement("unknown", 0.0)
    a_skels = {f.skel: f for f in a}
    common = [s for s in b if s.skel in a_skels]
    if common:
        best = "previous"
        for fb in common:
            fa = a_skels[fb.skel]
            kinds = {fa.kind, fb.kind}
            if kinds <= {"latin", "translit", "latvian"}:
                same = kinds == {"latin"} and fa.folded == fb.folded
                best = "same" if same else "translit"
                if best == "same":
                    break
        return NameAgreement(best, 1.0, common[0].skel)
    a_stems = {f.stem: f for f in a}
    for fb in b:
        hit = a_stems.get(fb.stem)
        if hit is not None:
            kinds = {hit.kind, fb.kind}
            level = "previous" if kinds & {"previous", "alias"} else "latvian"
            return NameAgreement(level, 0.98, fb.skel)
    best_sim, partial = 0.0, False
    for fa in a:
        for fb in b:
            sim, subset = _tokens_sim(fa.stem, fb.stem)
            if sim > best_sim:
                best_sim, partial = sim, subset
    if partial:
        return NameAgreement("partial", best_sim, b[0].skel)
    if best_sim >= 0.92:
        return NameAgreement("typo", best_sim, b[0].skel)
    if best_sim >= 0.85:
        return NameAgreement("weak", best_sim)
    return NameAgreement("different", best_sim)


_SURNAME_POINTS = {
    "same": (3.9, "match.surname_same"),
    "translit": (3.9, "match.surname_translit"),
    "latvian": (3.7, "match.surname_latvian"),
    "previous": (3.4, "match.surname_previous"),
    "partial": (2.9, "match.surname_typo"),
    "typo": (2.4, "match.surname_typo"),
    "weak": (0.0, None),
    "different": (-3.0, "match.surname_different"),
    "unknown": (0.0, None),
}
_GIVEN_POINTS = {
    "same": (3.9, "match.given_same"),
    "translit": (3.9, "match.given_translit"),
    "latvian": (3.7, "match.given_latvian"),
    "previous": (3.4, "match.given_translit"),
    "partial": (2.9, "match.given_partial"),
    "typo": (2.4, "match.given_typo"),
    "weak": (0.0, None),
    "different": (-3.0, "match.given_different"),
    "unknown": (0.0, None),
}
_DOB_REASON = {
    DobAgreement.SAME: "match.dob_same",
    DobAgreement.SWAPPED: "match.dob_swapped",
    DobAgreement.PARTIAL_MONTH: "match.dob_partial_month",
    DobAgreement.PARTIAL_YEAR: "match.dob_partial_year",
    DobAgreement.TYPO: "match.dob_typo",
    DobAgreement.YEAR_ONLY: "match.dob_year_only",
    DobAgreement.DIFFERENT: "match.dob_different",
    DobAgreement.UNKNOWN: "match.dob_unknown",
}


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    points: float

    def text(self, lang: str) -> str:
        return text(self.code, lang)

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "lv": text(self.code, "lv"),
            "en": text(self.code, "en"),
            "weight": round(self.points, 2),
        }


@dataclass(frozen=True, slots=True)
class MatchResult:
    score: float
    points: float
    reasons: tuple[Reason, ...]

    @property
    def is_match(self) -> bool:
        return self.score >= MATCH_THRESHOLD

    def explain(self, lang: str = "en") -> list[str]:
        return [r.text(lang) for r in self.reasons]


# How much of a name's agreement weight each level keeps.
_LEVEL_SHARE = {"same": 1.0, "translit": 1.0, "latvian": 0.95, "previous": 0.875,
                "partial": 0.75, "typo": 0.625}  # fmt: skip
# A frequency function: ("S" surname | "G" given name, skeleton) → share of persons.
Frequency = Callable[[str, str], float]
DEFAULT_FREQUENCY = 0.02


def _name_points(kind: str, agreement: NameAgreement, freq: Frequency | None) -> float:
    """Agreement weight ln(1/f): a rare name says more than IVANOV (Fellegi–Sunter u)."""
    base = (_SURNAME_POINTS if kind == "S" else _GIVEN_POINTS)[agreement.level][0]
    share = _LEVEL_SHARE.get(agreement.level)
    if share is None or freq is None or not agreement.skel:
        return base
    f = max(freq(kind, agreement.skel), 1e-7)
    full = min(9.0, max(1.5, math.log(1 / f)))
    return round(full * share, 2)


def offset_for(persons: int) -> float:
    """Prior log-odds that two persons of a registry of this size are one: ~ln N."""
    return math.log(max(persons, 1000)) + 1.0


def score_pair(
    a: Prepared, b: Prepared, freq: Frequency | None = None, offset: float | None = None
) -> MatchResult:
    """How likely `a` and `b` are the same person, and why.

    `freq` (from the index the candidates come from) makes agreement on a common name
    count for less than agreement on a rare one; without it every name counts as one
    borne by 2 % of persons."""
    reasons: list[Reason] = []

    def add(points: float, code: str | None) -> None:
        if code is not None:
            reasons.append(Reason(code, points))

    total = 0.0
    # strong identifiers
    if a.personal_codes and b.personal_codes:
        if a.personal_codes & b.personal_codes:
            total += 16.0
            add(16.0, "match.same_personal_code")
        else:
            total -= 8.0
            add(-8.0, "match.different_personal_code")
    if a.id_numbers and b.id_numbers:
        if a.id_numbers & b.id_numbers:
            total += 10.0
            add(10.0, "match.same_id_number")
        elif any(edit_distance_at_most_one(x, y) for x in a.id_numbers for y in b.id_numbers):
            total += 1.5
            add(1.5, "match.id_number_typo")
        else:
            total -= 2.0
            add(-2.0, "match.different_id_number")
    if a.documents and b.documents:
        b_docs = dict(b.documents)
        doc_points, doc_code = 0.0, ""
        for number, state in a.documents:
            if number in b_docs:
                other = b_docs[number]
                if state is None or other is None or state == other:
                    doc_points, doc_code = 12.0, "match.same_passport"
                    break
                doc_points, doc_code = 3.0, "match.same_document_other_state"
        if not doc_points and any(
            edit_distance_at_most_one(x, y) for x, _ in a.documents for y in b_docs
        ):
            doc_points, doc_code = 1.5, "match.document_typo"
        if doc_points:
            total += doc_points
            add(doc_points, doc_code)

    # names
    sur = compare_names(a.surnames, b.surnames)
    giv = compare_names(a.given, b.given)
    s_code = _SURNAME_POINTS[sur.level][1]
    g_code = _GIVEN_POINTS[giv.level][1]
    s_points = _name_points("S", sur, freq)
    g_points = _name_points("G", giv, freq)
    name_points = s_points + g_points
    if s_points < 1.0 and g_points < 1.0:
        cross1 = compare_names(a.surnames, b.given)
        cross2 = compare_names(a.given, b.surnames)
        swapped = 0.8 * (_SURNAME_POINTS[cross1.level][0] + _GIVEN_POINTS[cross2.level][0])
        if cross1.similarity >= 0.92 and cross2.similarity >= 0.92 and swapped > name_points:
            total += swapped
            add(swapped, "match.names_swapped")
            s_code = g_code = None
            name_points = swapped
        else:
            total += name_points
    else:
        total += name_points
    if s_code is not None:
        add(s_points, s_code)
    if g_code is not None:
        add(g_points, g_code)

    # date of birth
    dob = compare_dob(a.dob, b.dob)
    dob_points = _DOB_POINTS[dob]
    total += dob_points
    add(dob_points, _DOB_REASON.get(dob))

    # sex, nationality, place of birth, patronymic
    if a.sex and b.sex:
        if a.sex == b.sex:
            total += 0.6
        else:
            total -= 3.0
            add(-3.0, "match.sex_different")
    if a.nationalities and b.nationalities:
        if a.nationalities & b.nationalities:
            total += 1.0
            add(1.0, "match.nationality_same")
        else:
            total -= 2.5
            add(-2.5, "match.nationality_different")
    if a.place and b.place:
        if _tokens_sim(a.place, b.place)[0] >= 0.9:
            total += 1.5
            add(1.5, "match.place_same")
        else:
            total -= 1.5
    if a.patronymic and b.patronymic:
        if _jw(a.patronymic, b.patronymic) >= 0.9:
            total += 0.4
            add(0.4, "match.patronymic_same")
        else:
            total -= 0.4
            add(-0.4, "match.patronymic_different")

    shift = OFFSET if offset is None else offset
    score = 1.0 / (1.0 + math.exp(-(total - shift)))
    reasons.sort(key=lambda r: -abs(r.points))
    return MatchResult(round(score, 4), round(total, 2), tuple(reasons))
