"""Fictitious demo data for training, demonstrations and load tests.

`seed_demo(engine, persons=N, seed=S)` writes N invented persons with their identity
documents, addresses and cases, and every record each case's status implies (detention,
return decisions, challenges and appeals, departures and removals, entry bans, SIS alerts,
tasks), exactly as the server would have stored them: a `records` row, version 1 in
`record_versions` (kind "create", every field changed) with the next gap-free feed
`seq`, search keys, and the official number series in `counters`.

Choices
-------
* **Deterministic.** The same (persons, seed) gives the same records, ids and timestamps:
  every random draw comes from `random.Random` streams seeded from (seed, chunk), and all
  dates hang off `REFERENCE_DATE` (2026-06-30), never the clock.
* **Fictitious.** Names are random combinations of common given names and surnames
  (`registry_server.demo_names`); document numbers, personal codes and alert ids are
  random or derived from a sequence. Nothing describes a real person.
* **Two passes.** A cheap planning pass draws each case's timeline (status, institution,
  dates of detection and decisions) to number cases and decisions in date order within
  each series (``VRS-2025-000001`` is the earliest VRS case of 2025), as the live server
  would have; the second pass replays the same plans and builds the records.
* **Only into an empty registry.** Seeding refuses (`DemoSeedRefused`, a bilingual
  `SystemExit` the CLI prints) when the `records` table holds anything: demo data belongs
  in a training or test database, and mixing it with real records must never happen by
  accident. The change feed and the number counters still continue from whatever the
  `counters` table holds, so a server started afterwards carries on the same series.
* **Fast.** Persons are generated in chunks of `CHUNK_PERSONS`; from `4 × CHUNK_PERSONS`
  persons on, forked worker processes build the chunks (records and their JSON) while the
  parent writes. Everything goes in one transaction: COPY on PostgreSQL, `executemany`
  with synchronous=OFF on SQLite; `record_versions` is filled at the end by one
  INSERT … SELECT from `records` (the JSON is sent and parsed once), and from
  `DEFER_INDEXES_FROM` persons on the indexes of the loaded tables are dropped and rebuilt
  after the load (definitions read from the catalogue, inside the same transaction).
  Records are built as plain dicts in the exact shape the server stores
  (`model_dump(mode="json")` without the envelope); validating millions of records with
  pydantic would dominate the run time, so the first `VALIDATE_FIRST` records and one in
  `VALIDATE_EVERY` after that are validated against their model and reference lists, and
  any difference stops the run (a programming error, not bad input).
* **Unique identifiers.** Document numbers are an affine bijection of (person index,
  document ordinal), so they never repeat up to 1.25 million persons (7-digit series);
  personal codes are drawn in the planning pass against the set already given out.
* No user accounts: the CLI (`create-user`) and training mode make those. Records name
  the demo users ``demo.vrs`` and ``demo.pmlp`` as their authors.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import sys
import time
from array import array
from bisect import bisect
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from functools import cache
from itertools import islice
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from registry_core.identifiers.personal_code import legacy_check_digit
from registry_core.lifecycle import TaskKind
from registry_core.messages import register, text
from registry_core.names import transliterate_icao
from registry_core.records import COLLECTIONS
from registry_core.records.base import SYSTEM_FIELDS
from registry_core.records.enums import CaseStatus
from registry_core.reference import item_codes, seed_items
from registry_core.workdays import add_working_days
from registry_server import demo_names as dn
from registry_server.search import person_keys
from registry_server.tables import audit_log, counters, records

register(
    {
        "demo.not_empty": (
            "Reģistrā jau ir {count} ieraksti. Demonstrācijas datus var ielādēt tikai tukšā "
            "datubāzē (mācību vai testa vidē).",
            "The registry already holds {count} records. Demo data can be loaded only into an "
            "empty database (a training or test environment).",
        ),
        "demo.persons": (
            "Personu skaitam jābūt vismaz 1.",
            "The number of persons must be at least 1.",
        ),
    }
)

REFERENCE_DATE = date(2026, 6, 30)
_DAY_START, _DAY_END = 6 * 3600, 15 * 3600  # office hours in UTC (09:00–18:00 in Riga)
REFERENCE_END = datetime(2026, 6, 30, tzinfo=UTC) + timedelta(seconds=_DAY_END)
HISTORY_START = date(2014, 1, 1)
SIS_RETURN_ALERTS_FROM = date(2023, 3, 7)  # Reg. (EU) 2018/1860 applies from 7 March 2023
CHUNK_PERSONS = 5000
VALIDATE_FIRST = 3000
VALIDATE_EVERY = 250
DEFER_INDEXES_FROM = 20_000  # persons; below this, keeping the indexes is as fast
USERS = {"VRS": "demo.vrs", "PMLP": "demo.pmlp"}


@dataclass(frozen=True)
class DemoReport:
    persons: int
    records: int


class DemoSeedRefused(SystemExit):
    """Seeding refused; `str(exc)` is the bilingual message (Latvian first)."""

    def __init__(self, message_code: str, **params: Any) -> None:
        self.message_code = message_code
        self.params = params
        super().__init__(
            f"Kļūda: {text(message_code, 'lv', **params)}\n"
            f"Error: {text(message_code, 'en', **params)}"
        )


# =========================================================================== reference


@cache
def _items(name: str) -> dict[str, Any]:
    return {item.code: item for item in seed_items(name)}


def _label(name: str, code: str) -> str:
    item = _items(name).get(code)
    return item.label_lv if item is not None else code


@cache
def _legal(code: str) -> dict[str, Any]:
    """A LegalBasis as stored (every key), built from the `legal_basis` reference item."""
    extra = _items("legal_basis")[code].extra
    return {
        "code": code,
        "act": extra["act"],
        "section": extra.get("section"),
        "part": extra.get("part"),
        "clause": extra.get("clause"),
    }


def _bcp_open(code: str, day: date) -> bool:
    item = _items("bcp").get(code)
    return item is not None and item.is_valid_on(day)


# =========================================================================== small helpers


def _cum(weights: Sequence[float]) -> list[float]:
    out, total = [], 0.0
    for w in weights:
        total += w
        out.append(total)
    return out


class _Choice:
    """Weighted choice with a precomputed cumulative table (faster than rng.choices)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.items = [p[0] for p in pairs]
        self.cum = _cum([p[1] for p in pairs])
        self.total = self.cum[-1]

    def __call__(self, rng: random.Random) -> Any:
        return self.items[bisect(self.cum, rng.random() * self.total)]


def _at(rng: random.Random, day: date) -> datetime:
    """A moment in office hours on `day` (UTC), never after REFERENCE_END."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(
        seconds=_DAY_START + int(rng.random() * (_DAY_END - _DAY_START))
    )


def _pick(rng: random.Random, items: Sequence[Any]) -> Any:
    """rng.choice, cheaper: one float instead of rejection sampling (same for every run)."""
    return items[int(rng.random() * len(items))]


def _rint(rng: random.Random, lo: int, hi: int) -> int:
    """rng.randint(lo, hi), cheaper."""
    return lo + int(rng.random() * (hi - lo + 1))


def _cap(moment: datetime) -> datetime:
    return moment if moment <= REFERENCE_END else REFERENCE_END


def _days_ago(rng: random.Random, lo: int, hi: int) -> date:
    return REFERENCE_DATE - timedelta(days=_rint(rng, lo, hi))


def _min_date(*days: date) -> date:
    return min(days)


def _iso(moment: datetime | None) -> str | None:
    """As pydantic writes an aware UTC datetime in JSON (whole seconds throughout)."""
    return None if moment is None else moment.isoformat()[:19] + "Z"


def _d(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


_UUID_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_UUID_SET = (0x4000 << 64) | (0x8000 << 48)


def _uuid(rng: random.Random) -> str:
    """`str(uuid.UUID(int=rng.getrandbits(128), version=4))`, without the object."""
    h = f"{(rng.getrandbits(128) & _UUID_CLEAR) | _UUID_SET:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _add_years(day: date, years: int, months: int = 0) -> date:
    month0 = day.month - 1 + months
    year = day.year + years + month0 // 12
    month = month0 % 12 + 1
    for dd in (day.day, 30, 29, 28):
        try:
            return date(year, month, dd)
        except ValueError:
            continue
    raise AssertionError("unreachable")


@cache
def _template(collection: str) -> dict[str, Any]:
    """Every content field of a collection with its default, in the model's field order."""
    model = COLLECTIONS[collection].model
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in SYSTEM_FIELDS:
            continue
        if info.is_required():
            out[name] = None
            continue
        value = info.get_default(call_default_factory=True)
        if hasattr(value, "value"):
            value = value.value
        out[name] = value
    return out


def _rec(collection: str, **fields: Any) -> dict[str, Any]:
    data = dict(_template(collection))
    data.update(fields)
    return data


# =========================================================================== MRZ

_MRZ_VALUES = {ch: i for i, ch in enumerate("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {"<": 0}
_MRZ_WEIGHTS = (7, 3, 1) * 30


def _check(data: str) -> str:
    return str(sum(_MRZ_VALUES[ch] * w for ch, w in zip(data, _MRZ_WEIGHTS, strict=False)) % 10)


def _mrz_name(surname: str, given_names: str, width: int) -> str:
    def clean(text_: str) -> str:
        return "<".join(text_.upper().replace("'", "").replace("-", " ").replace(",", " ").split())

    given = clean(given_names)
    joined = clean(surname) + ("<<" + given if given else "")
    return joined[:width].ljust(width, "<")


def mrz_lines(
    fmt: str, *, issuing_state: str, surname: str, given_names: str, number: str,
    nationality: str, birth: date | None, sex: str, expiry: date, optional: str = "",
) -> tuple[str, ...]:  # fmt: skip
    """TD3 (passport) or TD1 (ID card) lines for ASCII Latin names and numbers of at most
    9 characters: the same lines as `registry_core.identifiers.mrz.format_mrz` (the tests
    compare them), written out for speed because a million persons carry a passport each."""
    birth_f = f"{birth:%y%m%d}" if birth else "<<<<<<"
    birth_f += _check(birth_f)
    expiry_f = f"{expiry:%y%m%d}"
    expiry_f += _check(expiry_f)
    sex_f = sex if sex in ("M", "F") else "<"
    number_f = number.ljust(9, "<")
    number_f += _check(number_f)
    if fmt == "TD3":
        line1 = "P<" + issuing_state + _mrz_name(surname, given_names, 39)
        optional_f = optional.ljust(14, "<") + (
            _check(optional.ljust(14, "<")) if optional else "<"
        )
        body = number_f + nationality + birth_f + sex_f + expiry_f + optional_f
        return line1, body + _check(body[0:10] + body[13:20] + body[21:43])
    line1 = "I<" + issuing_state + number_f + "<" * 15
    body = birth_f + sex_f + expiry_f + nationality + optional.ljust(11, "<")
    composite = _check(line1[5:30] + body[0:7] + body[8:15] + body[18:29])
    return line1, body + composite, _mrz_name(surname, given_names, 30)


# =========================================================================== places and units

_VRS_UNITS = _Choice(
    [("VRS-RIP", 36), ("VRS-LUP", 14), ("VRS-DAP", 15), ("VRS-VIP", 7), ("VRS-ASOP", 14),
     ("VRS-VEN", 3), ("VRS-RIP-VIDZ", 8), ("VRS-VIP-VIL", 3)]
)  # fmt: skip
_PMLP_UNITS = _Choice(
    [("PMLP-PSKN", 60), ("PMLP-RZK", 10), ("PMLP-KUR", 10), ("PMLP-ZEM", 10), ("PMLP-VID", 10)]
)

# Detection places per unit; a BCP code makes the place valid only while the BCP is open.
_PLACES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "VRS-RIP": (("Rīga, Centrālā stacija", None), ("Rīga, Maskavas forštate", None),
                ("Rīga, Starptautiskā autoosta", None), ("Rīgas osta", "RIGA_PORT"),
                ("Rīga, būvobjekts Skanstes ielā", None), ("Jūrmala", None), ("Olaine", None)),
    "VRS-RIP-VIDZ": (("Valmiera", None), ("Cēsis", None), ("Sigulda", None), ("Salacgrīva", None)),
    "VRS-LUP": (("Terehova", "TEREHOVA"), ("Grebņeva", "GREBNEVA"), ("Ludza", None),
                ("Zilupe", "ZILUPE"), ("Kārsava", "KARSAVA"), ("Rēzekne", None)),
    "VRS-DAP": (("Daugavpils", None), ("Pāternieki", "PATERNIEKI"), ("Silene", "SILENE"),
                ("Indra", "INDRA"), ("Krāslava", None), ("Robežjoslā pie Piedrujas", None)),
    "VRS-VIP": (("Viļaka", None), ("Vientuļi", "VIENTULI"), ("Pededze", "PEDEDZE"),
                ("Balvi", None)),
    "VRS-VIP-VIL": (("Viļaka", None), ("Robežjoslā pie Šķilbēniem", None)),
    "VRS-ASOP": (('Lidosta "Rīga"', "RIX"),),
    "VRS-VEN": (("Ventspils osta", "VENTSPILS_PORT"),),
    "PMLP-PSKN": (("Rīga, PMLP Čiekurkalna 1. līnija 1", None),),
    "PMLP-RZK": (("Rēzekne, PMLP nodaļa", None),),
    "PMLP-KUR": (("Liepāja, PMLP nodaļa", None),),
    "PMLP-ZEM": (("Jelgava, PMLP nodaļa", None),),
    "PMLP-VID": (("Valmiera, PMLP nodaļa", None),),
}  # fmt: skip

_HOLDING = {"VRS-RIP": "HOLD-VRS-RIP", "VRS-LUP": "HOLD-VRS-LUP", "VRS-DAP": "HOLD-VRS-DAP",
            "VRS-VIP": "HOLD-VRS-VIP", "VRS-ASOP": "HOLD-VRS-ASOP"}  # fmt: skip
_DETENTION_COURT = {"VRS-RIP": "RPT", "VRS-RIP-VIDZ": "VRT", "VRS-LUP": "LRT", "VRS-DAP": "LRT",
                    "VRS-VIP": "LRT", "VRS-VIP-VIL": "LRT", "VRS-ASOP": "RRT", "VRS-VEN": "KRT"}  # fmt: skip

_GROUNDS_VRS = _Choice(
    [("visa_free_overstay", 30), ("visa_overstay", 20), ("no_visa_or_permit", 20),
     ("illegal_border_crossing", 12), ("unauthorised_work", 12), ("false_documents", 4),
     ("security_threat", 1), ("other", 1)]
)  # fmt: skip
_GROUNDS_PMLP = _Choice(
    [("permit_annulled_or_expired", 45), ("visa_overstay", 20), ("asylum_rejected", 15),
     ("unauthorised_work", 10), ("visa_free_overstay", 7), ("security_threat", 3)]
)  # fmt: skip

_STATUS = _Choice(
    [(CaseStatus.CLOSED, 40), (CaseStatus.DEPARTED_VOLUNTARILY, 13), (CaseStatus.REMOVED, 6),
     (CaseStatus.CANCELLED, 3), (CaseStatus.ABSCONDED, 6), (CaseStatus.VD_ORDERED, 9),
     (CaseStatus.REMOVAL_ORDERED, 4), (CaseStatus.CHALLENGED, 1.5), (CaseStatus.APPEALED, 2),
     (CaseStatus.POSTPONED, 1.5), (CaseStatus.REMOVAL_PREPARATION, 2),
     (CaseStatus.DETAINED, 2.5), (CaseStatus.DECISION_PENDING, 4.5), (CaseStatus.DETECTED, 4)]
)  # fmt: skip
_CLOSED_OUTCOME = _Choice(
    [(CaseStatus.DEPARTED_VOLUNTARILY, 55), (CaseStatus.REMOVED, 30), (CaseStatus.CANCELLED, 15)]
)
_VD_DAYS = _Choice([(7, 10), (10, 10), (14, 20), (15, 8), (20, 10), (21, 7), (30, 35)])
_BAN_YEARS = _Choice([(1, 20), (2, 25), (3, 30), (4, 5), (5, 20)])
_NATIONALITY = _Choice([(n, n.weight) for n in dn.NATIONALITIES])
_BAN_NATIONALITY = _Choice([(dn.NATIONALITY_BY_CODE[c], w) for c, w in dn.BAN_LIST_WEIGHTS.items()])
_KIND = _Choice([("return", 93.0), ("ban_case", 2.5), ("ban_only", 2.0), ("refusal", 1.5)])

# =========================================================================== the plan


@dataclass(slots=True)
class DecisionPlan:
    dtype: str  # departure_order | removal_decision
    inst: str
    unit: str
    signed_at: datetime
    served_at: datetime
    vd_days: int | None = None
    vd_deadline: date | None = None
    status: str = "served"
    suspended: bool = False
    suspension_reason: str | None = None
    annulled_reason: str | None = None
    in_force: date | None = None
    sis_alert: bool = False


@dataclass(slots=True)
class DetentionPlan:
    detained_at: datetime
    unit: str
    place: str
    courts: list[tuple[str, date, date, str]]
    status: str
    released_at: datetime | None = None
    release_reason: str | None = None
    alternative: tuple[str, date] | None = None


@dataclass(slots=True)
class AppealPlan:
    kind: str
    filed: date
    outcome: str | None = None
    outcome_date: date | None = None
    relief: str | None = None
    relief_date: date | None = None


@dataclass(slots=True)
class BanPlan:
    decided: date
    maker: str
    valid_from: date | None
    years: int | None
    indefinite: bool
    scope: str
    status: str
    legal: tuple[str, ...]
    ministerial: bool = False


@dataclass(slots=True)
class CasePlan:
    case_type: str
    status: CaseStatus
    outcome: CaseStatus  # for CLOSED: what the case ended with
    inst: str
    unit: str
    t0: datetime
    place: str
    decisions: list[DecisionPlan] = field(default_factory=list)
    detention: DetentionPlan | None = None
    appeals: list[AppealPlan] = field(default_factory=list)
    exit_at: datetime | None = None
    forced: bool = False
    ban: BanPlan | None = None
    cancel_date: date | None = None
    cancel_kind: str | None = None
    postponed: tuple[date, str] | None = None
    absconded: date | None = None
    closed: date | None = None


@dataclass(slots=True)
class PersonPlan:
    index: int
    nat: dn.Nationality
    cases: list[CasePlan]
    ban: BanPlan | None = None  # a ministerial ban without a case
    created: datetime = REFERENCE_END
    sex: str = "M"
    age: int = 30
    born: date = REFERENCE_DATE
    dob: str = ""
    wants_code: bool = False  # a former residence permit: a Latvian personal code


def _pick_place(rng: random.Random, unit: str, day: date) -> str:
    options = [p for p, bcp in _PLACES[unit] if bcp is None or _bcp_open(bcp, day)]
    return str(_pick(rng, options or [_PLACES[unit][0][0]]))


def _detention(
    rng: random.Random, unit: str, start: datetime, end: datetime | None, reason: str | None
) -> DetentionPlan:
    """Initial VRS detention, then court authorisations of two months while it lasts."""
    vrs_unit = unit if unit.startswith("VRS") else "VRS-RIP"
    until = end or REFERENCE_END
    courts: list[tuple[str, date, date, str]] = []
    if until - start > timedelta(days=2):
        court = _DETENTION_COURT.get(vrs_unit, "RPT")
        decided = (start + timedelta(days=_rint(rng, 1, 2))).date()
        authorised = _add_years(decided, 0, 2)
        courts.append((court, decided, authorised, "initial"))
        while authorised < until.date() and len(courts) < 9:
            decided = authorised - timedelta(days=_rint(rng, 3, 7))
            authorised = _add_years(decided, 0, 2)
            courts.append((court, decided, authorised, "extension"))
    if end is not None:
        status = "RELEASED"
    else:
        status = (
            "DETAINED_VRS" if not courts else "DETAINED_COURT" if len(courts) == 1 else "EXTENDED"
        )
    if courts:
        place = (
            "AAIC-MUC"
            if vrs_unit in ("VRS-RIP", "VRS-RIP-VIDZ", "VRS-ASOP", "VRS-VEN")
            else "AAIC-DAU"
        )
    else:
        place = _HOLDING.get(vrs_unit, "HOLD-VRS-RIP")
    return DetentionPlan(start, vrs_unit, place, courts, status, end, reason if end else None)


def _decision(
    rng: random.Random, dtype: str, inst: str, unit: str, day: date, *, post: bool = False
) -> DecisionPlan:
    signed = _at(rng, day)
    if post:
        served = _cap(_at(rng, day + timedelta(days=_rint(rng, 3, 8))))
    else:
        served = _cap(signed + timedelta(minutes=_rint(rng, 10, 120)))
    plan = DecisionPlan(dtype, inst, unit, signed, served)
    plan.sis_alert = day >= SIS_RETURN_ALERTS_FROM and rng.random() < 0.85
    return plan


def _departure_order(
    rng: random.Random, inst: str, unit: str, served_day: date, days: int
) -> DecisionPlan:
    post = inst == "PMLP" and rng.random() < 0.3
    day = served_day - timedelta(days=_rint(rng, 3, 8)) if post else served_day
    plan = _decision(rng, "departure_order", inst, unit, day, post=post)
    plan.vd_days = days
    plan.vd_deadline = plan.served_at.date() + timedelta(days=days)
    return plan


def _plan_ban(
    rng: random.Random,
    inst: str,
    decided: date,
    valid_from: date | None,
    *,
    pending_status: str = "IMPOSED",
) -> BanPlan:
    indefinite = rng.random() < 0.015
    years = None if indefinite else _BAN_YEARS(rng)
    if valid_from is None:
        status = pending_status
    elif indefinite or _add_years(valid_from, years or 0) > REFERENCE_DATE:
        status = "ACTIVE"
    else:
        status = "EXPIRED"
    return BanPlan(
        decided, "vrs_head" if inst == "VRS" else "pmlp_head", valid_from, years, indefinite,
        "LV_SCHENGEN" if rng.random() < 0.85 else "LV", status, ("RD-11",),
    )  # fmt: skip


class _Planner:
    """Draws the timeline of every case; used twice with the same seeds (see module doc)."""

    def __init__(self, persons: int) -> None:
        self.persons = persons
        states = list(CaseStatus)
        self.forced: dict[int, CaseStatus] = {}
        if persons >= 30:  # every lifecycle state at least once
            step = persons / len(states)
            self.forced = {int(i * step + step / 2): s for i, s in enumerate(states)}

    def person(self, rng: random.Random, index: int) -> PersonPlan:
        plan = self._person(rng, index)
        first = plan.cases[0] if plan.cases else None
        plan.created = (
            first.t0 if first else _at(rng, plan.ban.decided if plan.ban else REFERENCE_DATE)
        )
        plan.sex = "M" if rng.random() < 0.77 else "F"
        if rng.random() < 0.002:
            plan.sex = "U"
        age_kind = rng.random()
        if age_kind < 0.02:
            plan.age = _rint(rng, 8, 17)
        elif age_kind < 0.025:
            plan.age = _rint(rng, 65, 76)
        else:
            plan.age = int(rng.triangular(18, 62, 29))
        plan.born = plan.created.date() - timedelta(days=plan.age * 365 + _rint(rng, 0, 364))
        plan.dob = plan.born.isoformat()
        if rng.random() < plan.nat.partial_dob:
            year, month = plan.born.year, plan.born.month
            plan.dob = f"{year:04d}" if rng.random() < 0.65 else f"{year:04d}-{month:02d}"
        plan.wants_code = len(plan.dob) == 10 and (
            rng.random() < 0.01
            or (first is not None and first.inst == "PMLP" and rng.random() < 0.25)
        )
        return plan

    def _person(self, rng: random.Random, index: int) -> PersonPlan:
        forced = self.forced.get(index)
        kind = "return" if forced else _KIND(rng)
        if kind in ("ban_case", "ban_only"):
            nat = _BAN_NATIONALITY(rng)
            ban = self._ministerial_ban(rng)
            if kind == "ban_only":
                return PersonPlan(index, nat, [], ban)
            day = ban.decided
            case = CasePlan(
                "entry_ban_only", CaseStatus.CLOSED, CaseStatus.CLOSED, "PMLP", "PMLP-PSKN",
                _at(rng, day), "", ban=ban, closed=day,
            )  # fmt: skip
            return PersonPlan(index, nat, [case])
        nat = _NATIONALITY(rng)
        if kind == "refusal":
            return PersonPlan(index, nat, [self._refusal(rng)])
        cases = [self.return_case(rng, forced or _STATUS(rng))]
        if not forced and rng.random() < 0.04 and cases[0].t0.date() > date(2017, 1, 1):
            # a repeat: an earlier case, closed, before this one
            earlier = self.return_case(rng, CaseStatus.CLOSED, before=cases[0].t0.date())
            if earlier is not None:
                cases.insert(0, earlier)
        return PersonPlan(index, nat, cases)

    def _ministerial_ban(self, rng: random.Random) -> BanPlan:
        decided = HISTORY_START + timedelta(
            days=int(
                rng.triangular(
                    0,
                    (REFERENCE_DATE - HISTORY_START).days - 1,
                    (REFERENCE_DATE - HISTORY_START).days - 1,
                )
            )
        )
        foreign = rng.random() < 0.25
        indefinite = rng.random() < 0.4
        years = None if indefinite else _pick(rng, (3, 5, 5, 10))
        r = rng.random()
        if r < 0.05:
            status = "REMOVED_FROM_LIST"
        elif r < 0.07 and not foreign:
            status = "ANNULLED"
        elif indefinite or _add_years(decided, years or 0) > REFERENCE_DATE:
            status = "ACTIVE"
        else:
            status = "EXPIRED"
        return BanPlan(
            decided, "foreign_minister" if foreign else "interior_minister", decided, years,
            indefinite, "LV_SCHENGEN" if rng.random() < 0.6 else "LV", status,
            ("IL-61-2",) if foreign else ("IL-61",), ministerial=True,
        )  # fmt: skip

    def _refusal(self, rng: random.Random) -> CasePlan:
        day = _days_ago(rng, 1, (REFERENCE_DATE - HISTORY_START).days)
        unit = _pick(rng, ("VRS-LUP", "VRS-DAP", "VRS-ASOP", "VRS-VIP"))
        return CasePlan(
            "border_refusal", CaseStatus.CLOSED, CaseStatus.CLOSED, "VRS", unit, _at(rng, day),
            _pick_place(rng, unit, day), closed=day,
        )  # fmt: skip

    def return_case(
        self, rng: random.Random, status: CaseStatus, before: date | None = None
    ) -> CasePlan:
        vrs_only = status in (CaseStatus.DETAINED, CaseStatus.REMOVAL_PREPARATION)
        inst = "VRS" if vrs_only or rng.random() < 0.85 else "PMLP"
        unit = _VRS_UNITS(rng) if inst == "VRS" else _PMLP_UNITS(rng)
        c = CasePlan("return", status, status, inst, unit, REFERENCE_END, "")
        S = CaseStatus
        if status == S.CLOSED:
            c.outcome = _CLOSED_OUTCOME(rng)
            span = ((before or REFERENCE_DATE) - HISTORY_START).days - 200
            if span < 30:
                return c if before is None else None  # type: ignore[return-value]
            end = HISTORY_START + timedelta(days=int(rng.triangular(0, span, span)) + 60)
            self._outcome(rng, c, c.outcome, end)
            c.closed = _min_date(
                end + timedelta(days=_rint(rng, 30, 180)), REFERENCE_DATE - timedelta(days=1)
            )
        elif status in (S.DEPARTED_VOLUNTARILY, S.REMOVED, S.CANCELLED):
            self._outcome(rng, c, status, _days_ago(rng, 1, 180))
        elif status == S.DETECTED:
            c.t0 = _at(rng, _days_ago(rng, 0, 4))
        elif status == S.DETAINED:
            c.t0 = _at(rng, _days_ago(rng, 0, 25))
            c.detention = _detention(
                rng, unit, _cap(c.t0 + timedelta(hours=_rint(rng, 1, 3))), None, None
            )
        elif status == S.DECISION_PENDING:
            c.t0 = _at(rng, _days_ago(rng, 1, 20))
            if inst == "VRS" and rng.random() < 0.25:
                c.detention = _detention(rng, unit, _cap(c.t0 + timedelta(hours=1)), None, None)
        elif status == S.VD_ORDERED:
            days = _VD_DAYS(rng)
            served = _days_ago(rng, 0, days)
            order = _departure_order(rng, inst, unit, served, days)
            c.decisions.append(order)
            c.t0 = _at(rng, order.signed_at.date() - timedelta(days=_rint(rng, 0, 3)))
        elif status == S.ABSCONDED:
            if rng.random() < 0.65:
                days = _VD_DAYS(rng)
                served = _days_ago(rng, days + 31, 1500)
                order = _departure_order(rng, inst, unit, served, days)
                order.status = "in_force"
                c.decisions.append(order)
                c.t0 = _at(rng, order.signed_at.date() - timedelta(days=_rint(rng, 0, 3)))
                assert order.vd_deadline is not None
                c.absconded = _min_date(
                    order.vd_deadline + timedelta(days=_rint(rng, 1, 30)), REFERENCE_DATE
                )
            else:
                dec_day = _days_ago(rng, 20, 1000)
                self._removal(rng, c, dec_day, detained_share=0.3, prior_vd=0.3)
                c.absconded = _min_date(dec_day + timedelta(days=_rint(rng, 3, 60)), REFERENCE_DATE)
                c.decisions[-1].status = "in_force"
                if c.detention is not None:
                    c.detention = _detention(
                        rng, unit, c.detention.detained_at, _at(rng, c.absconded), "other"
                    )
                if rng.random() < 0.6:
                    c.ban = _plan_ban(rng, inst, dec_day, None)
        else:
            self._open_removal(rng, c, status)
        return c

    # -- removal-decision states ----------------------------------------------------------

    def _removal(
        self, rng: random.Random, c: CasePlan, dec_day: date, *, detained_share: float,
        prior_vd: float, release: datetime | None = None, release_reason: str | None = None,
    ) -> DecisionPlan:  # fmt: skip
        if rng.random() < prior_vd:
            days = _VD_DAYS(rng)
            served = dec_day - timedelta(days=days + _rint(rng, 1, 20))
            order = _departure_order(rng, c.inst, c.unit, served, days)
            order.status = "in_force"
            c.decisions.append(order)
            c.t0 = _at(rng, order.signed_at.date() - timedelta(days=_rint(rng, 0, 3)))
            found = dec_day - timedelta(days=_rint(rng, 0, 3))
        else:
            c.t0 = _at(rng, dec_day - timedelta(days=_rint(rng, 0, 10)))
            found = c.t0.date()
        removal = _decision(rng, "removal_decision", c.inst, c.unit, dec_day)
        if c.decisions and c.decisions[0].sis_alert:
            removal.sis_alert = (
                False  # the alert of the departure order stays (Reg. 2018/1860 Art. 7)
            )
        if removal.served_at < c.t0:
            removal.served_at = _cap(c.t0 + timedelta(hours=2))
        c.decisions.append(removal)
        if rng.random() < detained_share:
            start = max(_at(rng, found), c.t0)
            if (release or REFERENCE_END) - start < timedelta(days=540):
                c.detention = _detention(rng, c.unit, start, release, release_reason)
        return removal

    def _open_removal(self, rng: random.Random, c: CasePlan, status: CaseStatus) -> None:
        S = CaseStatus
        if status == S.REMOVAL_ORDERED:
            dec_day = _days_ago(rng, 0, 60)
            removal = self._removal(rng, c, dec_day, detained_share=0.4, prior_vd=0.25)
            if (REFERENCE_DATE - dec_day).days > 30:
                removal.status, removal.in_force = "in_force", dec_day + timedelta(days=30)
        elif status == S.CHALLENGED:
            dec_day = _days_ago(rng, 5, 45)
            removal = self._removal(rng, c, dec_day, detained_share=0.3, prior_vd=0.15)
            filed = _min_date(dec_day + timedelta(days=_rint(rng, 2, 10)), REFERENCE_DATE)
            c.appeals.append(AppealPlan("challenge", filed))
            removal.status, removal.suspended = "suspended", True
            removal.suspension_reason = "Lēmums apstrīdēts iestādes vadītājam (izpilde apturēta)."
        elif status == S.APPEALED:
            dec_day = _days_ago(rng, 20, 300)
            removal = self._removal(rng, c, dec_day, detained_share=0.2, prior_vd=0.15)
            start = dec_day
            if rng.random() < 0.5:
                filed = dec_day + timedelta(days=_rint(rng, 2, 7))
                upheld = _min_date(filed + timedelta(days=_rint(rng, 14, 30)), REFERENCE_DATE)
                c.appeals.append(AppealPlan("challenge", filed, "upheld", upheld))
                start = upheld
            filed = _min_date(start + timedelta(days=_rint(rng, 5, 30)), REFERENCE_DATE)
            appeal = AppealPlan("district_court", filed)
            if rng.random() < 0.3:
                appeal.relief = "refused"
                appeal.relief_date = _min_date(
                    filed + timedelta(days=_rint(rng, 3, 14)), REFERENCE_DATE
                )
            c.appeals.append(appeal)
            removal.status, removal.in_force = (
                "in_force",
                _min_date(dec_day + timedelta(days=30), REFERENCE_DATE),
            )
        elif status == S.POSTPONED:
            dec_day = _days_ago(rng, 30, 500)
            if rng.random() < 0.5:
                filed = _min_date(dec_day + timedelta(days=_rint(rng, 5, 25)), REFERENCE_DATE)
                relief = _min_date(filed + timedelta(days=_rint(rng, 3, 14)), REFERENCE_DATE)
                postponed = (relief, "interim_relief")
                c.appeals.append(
                    AppealPlan("district_court", filed, relief="granted", relief_date=relief)
                )
            else:
                postponed = (
                    _min_date(dec_day + timedelta(days=_rint(rng, 10, 60)), REFERENCE_DATE),
                    _pick(rng, ("health", "non_refoulement", "technical", "no_documents")),
                )
            release = _at(rng, postponed[0]) if rng.random() < 0.4 else None
            removal = self._removal(
                rng, c, dec_day, detained_share=0.4 if release else 0.0, prior_vd=0.1,
                release=release, release_reason="alternative_measure",
            )  # fmt: skip
            if c.detention is not None and c.detention.released_at is not None:
                c.detention.alternative = ("reporting", postponed[0])
            c.postponed = postponed
            removal.status, removal.suspended = "suspended", True
            removal.suspension_reason = _POSTPONEMENT[postponed[1]]
        else:  # REMOVAL_PREPARATION
            dec_day = _days_ago(rng, 5, 90)
            removal = self._removal(rng, c, dec_day, detained_share=0.7, prior_vd=0.2)
            removal.status, removal.in_force = (
                "in_force",
                _min_date(dec_day + timedelta(days=30), REFERENCE_DATE),
            )
        if rng.random() < 0.6:
            c.ban = _plan_ban(
                rng, c.inst, dec_day, None,
                pending_status="SUSPENDED" if status == S.CHALLENGED else "IMPOSED",
            )  # fmt: skip
        c.place = ""

    # -- outcomes -------------------------------------------------------------------------

    def _outcome(self, rng: random.Random, c: CasePlan, outcome: CaseStatus, day: date) -> None:
        """A departed, removed or cancelled case whose outcome happened on `day`."""
        if outcome == CaseStatus.DEPARTED_VOLUNTARILY:
            days = _VD_DAYS(rng)
            served = day - timedelta(days=_rint(rng, 1, days))
            order = _departure_order(rng, c.inst, c.unit, served, days)
            order.status = "executed"
            c.decisions.append(order)
            c.t0 = _at(rng, order.signed_at.date() - timedelta(days=_rint(rng, 0, 3)))
            exit_day = max(day, order.served_at.date())
            c.exit_at = _at(rng, exit_day)
            if c.exit_at < order.served_at:
                c.exit_at = _cap(order.served_at + timedelta(hours=3))
            if rng.random() < 0.1:
                c.ban = _plan_ban(rng, c.inst, order.signed_at.date(), c.exit_at.date())
        elif outcome == CaseStatus.REMOVED:
            dec_day = day - timedelta(days=_rint(rng, 3, 90))
            exit_at = _at(rng, day)
            removal = self._removal(
                rng, c, dec_day, detained_share=0.6, prior_vd=0.2, release=exit_at,
                release_reason="removed",
            )  # fmt: skip
            removal.status = "executed"
            removal.in_force = dec_day + timedelta(days=_rint(rng, 0, 30))
            if removal.in_force > day:
                removal.in_force = day
            c.exit_at = max(exit_at, _cap(removal.served_at + timedelta(hours=14)))
            if c.detention is not None and c.detention.released_at is not None:
                c.detention.released_at = c.exit_at
            c.forced = True
            if rng.random() < 0.85:
                c.ban = _plan_ban(rng, c.inst, dec_day, c.exit_at.date())
        else:
            c.cancel_date = day
            r = rng.random()
            if r < 0.25:  # legal stay granted before any decision
                c.cancel_kind = "legal_stay"
                c.t0 = _at(rng, day - timedelta(days=_rint(rng, 3, 40)))
                return
            dec_day = day - timedelta(days=_rint(rng, 20, 120))
            if r < 0.65:
                c.cancel_kind = "annulled"
                removal = self._removal(
                    rng, c, dec_day, detained_share=0.15, prior_vd=0.0,
                    release=_at(rng, day), release_reason="court_order",
                )  # fmt: skip
                filed = dec_day + timedelta(days=_rint(rng, 2, 10))
                c.appeals.append(AppealPlan("challenge", filed, "annulled", day))
                decision = removal
                if rng.random() < 0.6:
                    c.ban = _plan_ban(rng, c.inst, dec_day, None, pending_status="ANNULLED")
            else:
                c.cancel_kind = "legal_stay" if r < 0.85 else "asylum"
                days = _VD_DAYS(rng)
                decision = _departure_order(rng, c.inst, c.unit, dec_day, days)
                c.decisions.append(decision)
                c.t0 = _at(rng, decision.signed_at.date() - timedelta(days=_rint(rng, 0, 3)))
            decision.status = "annulled"
            decision.annulled_reason = _ANNULLED[c.cancel_kind]


_POSTPONEMENT = {
    "interim_relief": "Tiesa piemērojusi pagaidu aizsardzību; izpilde atlikta.",
    "health": "Izpilde atlikta ārzemnieka veselības stāvokļa dēļ.",
    "non_refoulement": "Izpilde atlikta: izraidīšana pārkāptu neizraidīšanas principu.",
    "technical": "Izpilde atlikta tehnisku iemeslu dēļ (nav transporta iespēju).",
    "no_documents": "Izpilde atlikta: nav ceļošanas dokumenta, pieprasīts vēstniecībā.",
}
_ANNULLED = {
    "annulled": "Lēmumu atcēla iestādes vadītājs pēc apstrīdēšanas.",
    "legal_stay": "Ārzemniekam izsniegta uzturēšanās atļauja.",
    "asylum": "Ārzemnieks iesniedzis patvēruma iesniegumu; lēmums atcelts.",
}

# =========================================================================== numbering


class _Numbers:
    """Official numbers in date order within each series, continuing the counters.

    `add` is called for every case and decision in generation order; `finish` ranks them
    within their series. A number is kept as (series, rank) in two arrays, so that a
    million cases cost a few megabytes; `number(i)` formats the i-th one.
    """

    def __init__(self, offsets: dict[str, int]) -> None:
        self.offsets = offsets
        self.keys: dict[str, list[int]] = {}
        self.prefixes: list[str] = []
        self.series_ids = array("H")
        self.ranks = array("I")
        self.seq = 0

    def add(self, series: str, stamp: int) -> None:
        self.keys.setdefault(series, []).append((stamp << 26) | self.seq)
        self.seq += 1

    def finish(self) -> dict[str, int]:
        """Give out the numbers; returns the last number of each series."""
        last: dict[str, int] = {}
        mask = (1 << 26) - 1
        self.series_ids = array("H", bytes(2 * self.seq))
        self.ranks = array("I", bytes(4 * self.seq))
        for series, keys in sorted(self.keys.items()):
            keys.sort()
            start = self.offsets.get(series, 0)
            series_id = len(self.prefixes)
            self.prefixes.append("-".join(series.split(":")[1:]))
            for rank, key in enumerate(keys, start + 1):
                self.series_ids[key & mask] = series_id
                self.ranks[key & mask] = rank
            last[series] = start + len(keys)
        self.keys = {}
        return last

    def slice(self, start: int, end: int) -> list[str]:
        return [
            f"{self.prefixes[self.series_ids[i]]}-{self.ranks[i]:06d}" for i in range(start, end)
        ]


def _personal_code(rng: random.Random, born: date, ref_day: date, used: set[str]) -> str:
    """Legacy DDMMYY-CNNNK for permits before 2019, else mostly the new 3[2-9]… form;
    both with the legacy check digit. `used` keeps them unique over the whole run."""
    for _ in range(50):
        if ref_day < date(2019, 1, 1) or rng.random() < 0.6:
            century = {18: "0", 19: "1", 20: "2"}[born.year // 100]
            first = f"{born:%d%m%y}{century}{rng.randrange(1000):03d}"
        else:
            first = f"3{_rint(rng, 2, 9)}{rng.randrange(10**8):08d}"
        code = f"{first}{legacy_check_digit(first)}"
        code = f"{code[:6]}-{code[6:]}"
        if code not in used:
            used.add(code)
            return code
    raise AssertionError("personal code space exhausted")


def _case_series(c: CasePlan) -> str:
    return f"case:{c.inst}:{c.t0.year}"


def _decision_series(d: DecisionPlan) -> str:
    kind = "IR" if d.dtype == "departure_order" else "PIL"
    return f"decision:{d.inst}:{kind}:{d.signed_at.year}"


# =========================================================================== record building


@dataclass(slots=True)
class Row:
    id: str
    collection: str
    data: dict[str, Any]
    created_at: datetime
    created_by: str
    person_id: str | None
    case_id: str | None


class _Builder:
    """Turns person plans into records (the detail pass)."""

    def __init__(self, numbers: Sequence[str], codes: dict[int, str]) -> None:
        self.numbers = numbers
        self.number_seq = 0
        self.codes = codes
        self.index = 0  # the person being built, for numbers derived from it
        self.doc_no = 0
        self.alert_no = 0
        self.passport_valid_until = REFERENCE_DATE
        self.rows: list[Row] = []
        self.keys: list[tuple[str, str, str]] = []

    # -- ids and numbers ------------------------------------------------------------------

    def _number(self) -> str:
        number = self.numbers[self.number_seq]
        self.number_seq += 1
        return number

    def _digits(self, width: int) -> str:
        """Document digits: an affine bijection of (person index, document ordinal), so
        numbers never repeat in a run of up to 10**width / 8 persons."""
        self.doc_no += 1
        seq = self.index * 8 + self.doc_no
        return str((seq * 2_862_933_555_777_941_757 + 97_531_864_213) % 10**width).zfill(width)

    def _doc_number(self, rng: random.Random, pattern: str, letters: str) -> str:
        digits = iter(self._digits(pattern.count("#")))
        return "".join(next(digits) if ch == "#" else _pick(rng, letters) for ch in pattern)

    def _alert_id(self, kind: str, day: date) -> str:
        self.alert_no += 1
        return f"LV{kind}{day.year}{self.index:08d}{self.alert_no}"

    def add(self, rng: random.Random, collection: str, data: dict[str, Any], at: datetime, by: str,
            person_id: str | None, case_id: str | None, record_id: str | None = None) -> str:  # fmt: skip
        rid = record_id or _uuid(rng)
        self.rows.append(Row(rid, collection, data, at, by, person_id, case_id))
        return rid

    # -- persons --------------------------------------------------------------------------

    def person(self, rng: random.Random, plan: PersonPlan) -> None:
        nat = plan.nat
        first_case = plan.cases[0] if plan.cases else None
        created = plan.created
        inst = first_case.inst if first_case else "PMLP"
        by = USERS[inst]
        pid = _uuid(rng)
        self.index, self.doc_no, self.alert_no = plan.index, 0, 0
        sex, age, born, dob = plan.sex, plan.age, plan.born, plan.dob
        female = sex == "F"
        person = self._names(rng, nat, female)
        nationalities = [{"country": nat.code, "type": "citizen"}]
        country_of_birth = nat.code
        r = rng.random()
        if r < 0.005 and nat.names.script == "cyrillic":
            nationalities = [{"country": "XXA", "type": "stateless"}]
        elif r < 0.012 and nat.code in ("ARM", "GEO", "AZE", "KAZ", "UKR", "MDA"):
            nationalities.append({"country": "RUS", "type": "citizen"})
        elif r < 0.05 and nat.code in ("RUS", "UKR", "BLR", "KAZ", "UZB") and age > 35:
            country_of_birth = _pick(rng, ("RUS", "UKR", "BLR", "KAZ", "UZB", "LVA"))
        vulnerabilities: list[str] = []
        guardian = None
        unaccompanied = False
        if age < 18:
            vulnerabilities.append("minor")
            if age >= 14 and rng.random() < 0.2:
                unaccompanied = True
                vulnerabilities.append("unaccompanied_minor")
                guardian = "Bāriņtiesas iecelts pārstāvis " + self._official(rng)[0]
        elif age >= 65:
            vulnerabilities.append("pension_age")
        elif female and age < 42 and rng.random() < 0.01:
            vulnerabilities.append("pregnant")
        elif rng.random() < 0.006:
            vulnerabilities.append(_pick(rng, ("disabled", "single_parent", "violence_victim")))
        flags: list[str] = []
        if any(c.status == CaseStatus.ABSCONDED for c in plan.cases):
            flags.append("escaped")
        if rng.random() < 0.008:
            flags.append(
                _pick(rng, ("violent", "violent", "suicide_risk", "public_health_threat", "armed"))
            )
        languages = [nat.languages[0]]
        for extra in nat.languages[1:]:
            if rng.random() < 0.55:
                languages.append(extra)
        if "en" not in languages and rng.random() < 0.1:
            languages.append("en")
        personal_code = self.codes.get(plan.index)
        foreign_id = None
        if nat.foreign_id and rng.random() < 0.3:
            foreign_id = self._foreign_id(rng, nat.foreign_id, born, female)
        data = _rec(
            "persons",
            **person,
            sex=sex,
            nationalities=nationalities,
            country_of_birth=country_of_birth,
            place_of_birth=_pick(rng, nat.cities) if rng.random() < 0.8 else None,
            date_of_birth=dob,
            personal_code=personal_code,
            foreign_id_number=foreign_id,
            foreign_id_country=nat.code if foreign_id else None,
            marital_status=_pick(rng, ("single", "married", "married", "divorced", "unknown"))
            if rng.random() < 0.5
            else None,
            special_features=_pick(rng, dn.SPECIAL_FEATURES) if rng.random() < 0.02 else None,
            warning_flags=flags,
            vulnerabilities=vulnerabilities,
            unaccompanied_minor=unaccompanied,
            guardian=guardian,
            languages=languages,
        )
        if rng.random() < 0.02:  # known under another name (e.g. a forged passport)
            alias = self._names(rng, nat, female)
            alias_born = born - timedelta(days=_rint(rng, 200, 2000))
            data["other_identities"] = [
                *person["other_identities"],
                {"given_names": alias["given_names_latin"], "surname": alias["surname_latin"],
                 "date_of_birth": alias_born.isoformat(), "nationality": nat.code,
                 "source": "Viltota pase", "person_id": None},
            ]  # fmt: skip
        self.add(rng, "persons", data, created, by, pid, None, pid)
        docs = self._documents(rng, plan, pid, data, born, created, by)
        for key, kind in person_keys(data, docs):
            self.keys.append((pid, key, kind))
        if rng.random() < 0.2 or personal_code:
            self._address(rng, pid, nat, created, by, latvian=bool(personal_code) or inst == "PMLP")
        for case in plan.cases:
            self._case(rng, case, pid, data, nat)
        if plan.ban is not None:
            self._ban(rng, plan.ban, pid, None, None, "PMLP")

    def _names(self, rng: random.Random, nat: dn.Nationality, female: bool) -> dict[str, Any]:
        ns = nat.names
        given = _pick(rng, ns.female if female else ns.male)
        surname_g = _pick(rng, ns.surnames)
        out: dict[str, Any] = {
            "patronymic": None, "given_names_native": None, "surname_native": None,
            "name_reproduction_lv": None, "other_identities": [], "previous_surnames": [],
        }  # fmt: skip
        if ns.script == "cyrillic":
            surname = (
                dn.feminine_surname(surname_g.native, ns.rules) if female else surname_g.native
            )
            out["given_names_native"] = given.native
            out["surname_native"] = surname
            out["given_names_latin"] = transliterate_icao(given.native)
            out["surname_latin"] = transliterate_icao(surname)
            if ns.patronymic and rng.random() < 0.8:
                father = _pick(rng, ns.male).native
                out["patronymic"] = transliterate_icao(
                    dn.patronymic(father, female=female, rules=ns.rules)
                )
            if rng.random() < 0.35:
                out["name_reproduction_lv"] = (
                    f"{given.lv} {dn.latvian_reproduction(surname, female=female, lang=ns.lang)}"
                )
            if rng.random() < 0.25:
                old = dn.ukrainian_national if ns.rules == "uk" else dn.bgn
                g_old, s_old = old(given.native), old(surname)
                if (g_old, s_old) != (out["given_names_latin"], out["surname_latin"]):
                    source = (
                        "Ukrainas pase (nacionālā transliterācija)"
                        if ns.rules == "uk"
                        else "Iepriekšējā pase (BGN/PCGN transliterācija)"
                    )
                    out["other_identities"] = [
                        {"given_names": g_old, "surname": s_old, "date_of_birth": None,
                         "nationality": nat.code, "source": source, "person_id": None}
                    ]  # fmt: skip
            if female and rng.random() < 0.05:
                maiden = _pick(rng, ns.surnames).native
                out["previous_surnames"] = [
                    transliterate_icao(dn.feminine_surname(maiden, ns.rules))
                ]
        elif ns.script in ("georgian", "pairs"):
            latin = dn.georgian_latin if ns.script == "georgian" else None
            out["given_names_native"] = given.native
            out["surname_native"] = surname_g.native
            out["given_names_latin"] = latin(given.native) if latin else given.latin
            out["surname_latin"] = latin(surname_g.native) if latin else surname_g.latin
        else:
            surname = surname_g.native
            if female:
                surname = dn.feminine_surname(surname, ns.rules)
                if surname == "Singh":
                    surname = "Kaur"
            given_text = given.native
            if ns.middle_male:
                given_text = (
                    f"{_pick(rng, ns.middle_female if female else ns.middle_male)} {given_text}"
                )
            elif (
                nat.code == "PAK" and not female and given_text != "Muhammad" and rng.random() < 0.3
            ):
                given_text = f"Muhammad {given_text}"
            out["given_names_latin"] = dn.latin_upper(given_text)
            out["surname_latin"] = dn.latin_upper(surname)
            if (
                out["given_names_latin"] != given_text.upper()
                or out["surname_latin"] != surname.upper()
            ):
                out["given_names_native"] = given_text
                out["surname_native"] = surname
        return out

    def _foreign_id(self, rng: random.Random, kind: str, born: date, female: bool) -> str:
        if kind == "iin":
            century = (3 if born.year < 2000 else 5) + (1 if female else 0)
            return f"{born:%y%m%d}{century}{rng.randrange(10**5):05d}"
        if kind == "pinfl":
            century = (3 if born.year < 2000 else 5) + (1 if female else 0)
            return f"{century}{born:%d%m%y}{rng.randrange(10**7):07d}"
        if kind == "rnokpp":
            return f"{(born - date(1899, 12, 31)).days:05d}{rng.randrange(10**5):05d}"
        if kind == "geo":
            return f"01{rng.randrange(10**9):09d}"
        if kind == "idnp":
            return f"200{rng.randrange(10**10):010d}"
        if kind == "cnic":
            return f"3{rng.randrange(10**4):04d}{rng.randrange(10**7):07d}{_rint(rng, 1, 9)}"
        return f"{_pick(rng, 'IJK')}{rng.randrange(10**8):08d}{_pick(rng, 'ABCDE')}"

    # -- documents and addresses ----------------------------------------------------------

    def _documents(self, rng: random.Random, plan: PersonPlan, pid: str, person: dict[str, Any],
                   born: date, created: datetime, by: str) -> list[dict[str, Any]]:  # fmt: skip
        nat = plan.nat
        day = created.date()
        docs: list[dict[str, Any]] = []
        statuses = {c.status for c in plan.cases} | {c.outcome for c in plan.cases}
        forged = rng.random() < 0.02
        detained = any(c.detention is not None for c in plan.cases)
        removed = CaseStatus.REMOVED in statuses
        # the passport
        expired = rng.random() < 0.15
        issued = day - timedelta(days=_rint(rng, 3660, 5400) if expired else _rint(rng, 30, 3500))
        valid_until = _add_years(issued, 10) - timedelta(days=1)
        if issued <= born:
            issued = born + timedelta(days=30)
            valid_until = _add_years(issued, 5)
        status = "presented"
        if forged:
            status = "forged"
        elif removed:
            status = "returned"
        elif detained:
            status = "seized"
        elif valid_until < day:
            status = "expired"
        use_id_card = nat.id_card and rng.random() < 0.15
        doc_type = "ID" if use_id_card else "P"
        if person["nationalities"][0]["country"] == "XXA":
            doc_type = "STATELESS_TD"
        number = self._doc_number(rng, nat.passport, nat.passport_letters)
        mrz = self._mrz(person, nat, "ID" if doc_type == "ID" else "P", number, born, valid_until)
        docs.append(self._doc(rng, pid, doc_type, number, issued, valid_until, nat.code,
                              nat.authority or None, mrz, status, created, by))  # fmt: skip
        self.passport_valid_until = valid_until
        self.passport_number = number
        if rng.random() < 0.08:  # an older, expired passport as well
            old_issued = _add_years(issued, -10)
            if old_issued > born:
                old_number = self._doc_number(rng, nat.passport, nat.passport_letters)
                docs.append(self._doc(rng, pid, "P", old_number, old_issued, issued - timedelta(days=1),
                                      nat.code, nat.authority or None, None, "expired", created, by))  # fmt: skip
        if person.get("personal_code"):
            permit_issued = day - timedelta(days=_rint(rng, 400, 2000))
            docs.append(self._doc(
                rng, pid, "RESIDENCE_PERMIT", f"RP{self._digits(7)}", permit_issued,
                _add_years(permit_issued, 1), "LVA", "PMLP", None,
                "expired" if _add_years(permit_issued, 1) < day else "presented", created, by,
            ))  # fmt: skip
        return docs

    def _doc(self, rng: random.Random, pid: str, doc_type: str, number: str, issued: date,
             valid_until: date | None, state: str, authority: str | None, mrz: str | None,
             status: str | None, created: datetime, by: str) -> dict[str, Any]:  # fmt: skip
        data = _rec(
            "documents",
            person_id=pid,
            doc_type=doc_type,
            series_and_number=number,
            issue_date=_d(issued),
            valid_until=_d(valid_until),
            issuing_state=state,
            issuing_authority=authority,
            mrz_raw=mrz,
            doc_status=status,
        )
        self.add(rng, "documents", data, created, by, pid, None)
        return data

    def _mrz(self, person: dict[str, Any], nat: dn.Nationality, doc_type: str, number: str,
             born: date, valid_until: date) -> str:  # fmt: skip
        optional = person.get("foreign_id_number") or ""
        if not optional.isalnum() or len(optional) > (14 if doc_type == "P" else 11):
            optional = ""
        return "\n".join(
            mrz_lines(
                "TD3" if doc_type == "P" else "TD1",
                issuing_state=nat.code,
                surname=person["surname_latin"],
                given_names=person["given_names_latin"],
                number=number,
                nationality=person["nationalities"][0]["country"],
                birth=born if len(person["date_of_birth"]) == 10 else None,
                sex=person["sex"],
                expiry=valid_until,
                optional=optional,
            )
        )

    def _address(self, rng: random.Random, pid: str, nat: dn.Nationality, created: datetime,
                 by: str, *, latvian: bool) -> None:  # fmt: skip
        if latvian or rng.random() < 0.5:
            city, municipality, postcodes, streets = _pick(rng, dn.LV_ADDRESS_PLACES)
            data = _rec(
                "addresses",
                person_id=pid,
                address_type="latvia",
                city=city,
                municipality=municipality,
                street=_pick(rng, streets),
                house=str(_rint(rng, 1, 120)),
                flat=str(_rint(rng, 1, 80)) if rng.random() < 0.75 else None,
                postcode=f"LV-{_rint(rng, *postcodes):04d}",
                valid_from=_d(created.date() - timedelta(days=_rint(rng, 30, 900))),
                source="Fizisko personu reģistrs" if latvian else "Personas sniegtā informācija",
            )
        else:
            city = _pick(rng, nat.cities)
            data = _rec(
                "addresses",
                person_id=pid,
                address_type="abroad",
                address_text=f"{city}, {_pick(rng, dn.ABROAD_STREETS)} {_rint(rng, 1, 200)}-{_rint(rng, 1, 90)}",
                country=nat.code,
                source="Personas sniegtā informācija",
            )
        self.add(rng, "addresses", data, created, by, pid, None)

    # -- cases ----------------------------------------------------------------------------

    def _official(self, rng: random.Random) -> tuple[str, str]:
        female = rng.random() < 0.5
        given = _pick(rng, dn.OFFICIAL_FEMALE if female else dn.OFFICIAL_MALE)
        surname = _pick(rng, dn.OFFICIAL_SURNAMES)[1 if female else 0]
        position = _pick(rng, dn.POSITIONS)[1 if female else 0]
        return f"{given} {surname}", position

    def _case(self, rng: random.Random, c: CasePlan, pid: str, person: dict[str, Any],
              nat: dn.Nationality) -> None:  # fmt: skip
        by = USERS[c.inst]
        grounds: list[str] = []
        legal: list[dict[str, Any]]
        if c.case_type == "return":
            first = (_GROUNDS_VRS if c.inst == "VRS" else _GROUNDS_PMLP)(rng)
            grounds.append(first)
            if rng.random() < 0.2:
                second = (_GROUNDS_VRS if c.inst == "VRS" else _GROUNDS_PMLP)(rng)
                if second != first:
                    grounds.append(second)
            legal = [_legal("IL-41")]
            if any(d.dtype == "removal_decision" for d in c.decisions):
                legal.append(_legal("IL-46"))
            place = _pick_place(rng, c.unit, c.t0.date())
        elif c.case_type == "border_refusal":
            grounds = [
                _pick(rng, ("no_visa_or_permit", "false_documents", "security_threat", "other"))
            ]
            legal = [_legal("SBC-14")]
            place = c.place
        else:
            legal = [_legal(code) for code in (c.ban.legal if c.ban else ("IL-61",))]
            place = None
        c.place = place or ""
        next_deadline = None
        vd_deadline = None
        if c.status == CaseStatus.VD_ORDERED:
            vd_deadline = c.decisions[-1].vd_deadline
            next_deadline = vd_deadline
        elif c.detention is not None and c.detention.released_at is None and c.detention.courts:
            next_deadline = c.detention.courts[-1][2]
        case_no = self._number()
        data = _rec(
            "cases",
            case_no=case_no,
            person_id=pid,
            owner_institution=c.inst,
            owner_unit=c.unit,
            case_type=c.case_type,
            detection_date=_d(c.t0.date()) if c.case_type != "entry_ban_only" else None,
            detection_place=place,
            detecting_unit=c.unit if c.case_type != "entry_ban_only" else None,
            illegal_stay_grounds=grounds,
            legal_basis=legal,
            status=c.status.value,
            responsible_officer=by,
            vd_deadline=_d(vd_deadline),
            next_deadline=_d(next_deadline),
        )
        cid = self.add(rng, "cases", data, c.t0, by, pid, None)
        if c.detention is not None:
            self._detention(rng, c.detention, cid, pid)
        decision_ids: list[str] = []
        alert_id: str | None = None
        alert_record: str | None = None
        for d in c.decisions:
            did, alert = self._decision(rng, c, d, cid, pid, person, nat, grounds)
            decision_ids.append(did)
            if alert:
                alert_id, alert_record = alert, did
        ban_id = None
        if c.ban is not None:
            ban_id = self._ban(
                rng, c.ban, pid, cid, decision_ids[-1] if decision_ids else None, c.inst
            )
            if decision_ids:
                for row in reversed(self.rows):
                    if row.id == decision_ids[-1]:
                        row.data["entry_ban_id"] = ban_id
                        break
        for a in c.appeals:
            self._appeal(rng, c, a, cid, decision_ids[-1] if decision_ids else None)
        if c.exit_at is not None:
            self._departure(rng, c, cid, pid, nat, decision_ids[-1])
        if alert_id is not None and alert_record is not None:
            self._return_alert(rng, c, alert_id, cid, pid, alert_record)
        self._tasks(rng, c, cid, decision_ids, alert_id is not None, ban_id)

    def _detention(self, rng: random.Random, p: DetentionPlan, cid: str, pid: str) -> None:
        official, position = self._official(rng)
        data = _rec(
            "detentions",
            case_id=cid,
            person_id=pid,
            detained_at=_iso(p.detained_at),
            detention_reason=_pick(rng, ("avoid_removal", "avoid_removal", "absconding_risk",
                                         "hiding_identity", "non_cooperation", "false_information")),  # fmt: skip
            detaining_unit=p.unit,
            detaining_official=f"{position} {official}",
            place_of_detention=p.place,
            journal_no=f"{p.place}-{p.detained_at.year}/{_rint(rng, 1, 999):03d}",
            court_authorisations=[
                {"court": court, "decision_date": _d(decided), "authorised_until": _d(until), "type": kind}
                for court, decided, until, kind in p.courts
            ],
            alternative_measures=[
                {"measure": p.alternative[0], "date_from": _d(p.alternative[1]), "date_to": None}
            ] if p.alternative else [],
            status=p.status,
            released_at=_iso(p.released_at),
            release_reason=p.release_reason,
        )  # fmt: skip
        self.add(rng, "detentions", data, p.detained_at, USERS["VRS"], pid, cid)

    def _decision(self, rng: random.Random, c: CasePlan, d: DecisionPlan, cid: str, pid: str,
                  person: dict[str, Any], nat: dn.Nationality, grounds: list[str]) -> tuple[str, str | None]:  # fmt: skip
        official, position = self._official(rng)
        ground_text = (
            "; ".join(_label("illegal_stay_reason", g).lower() for g in grounds)
            or "nelikumīga uzturēšanās"
        )
        facts = (
            f"{c.t0:%d.%m.%Y} ({c.place or 'Latvija'}) konstatēts, ka ārzemnieks uzturas "
            f"Latvijas Republikā nelikumīgi: {ground_text}."
        )
        removal = d.dtype == "removal_decision"
        if removal:
            legal = [_legal("IL-46"), _legal("RD-6")]
            if c.decisions[0] is not d:
                facts += " Ārzemnieks brīvprātīgas izbraukšanas termiņā no Latvijas neizceļoja."
        else:
            legal = [_legal("IL-41"), _legal("RD-7")]
        lang = person["languages"][0]
        translation = (
            None
            if lang == "lv"
            else ("ru" if "ru" in person["languages"] and rng.random() < 0.6 else lang)
        )
        refused = rng.random() < 0.05
        alert = None
        if d.sis_alert:
            alert = self._alert_id("RET", d.served_at.date())
        obligations: list[str] = []
        if not removal and rng.random() < 0.3:
            obligations = rng.sample(
                ("reporting", "stay_at_address", "surrender_document"), _rint(rng, 1, 2)
            )
        data = _rec(
            "decisions",
            decision_no=self._number(),
            case_id=cid,
            person_id=pid,
            decision_type=d.dtype,
            decision_date=_d(d.signed_at.date()),
            issuing_institution=d.inst,
            issuing_unit=d.unit,
            official=official,
            official_position=position,
            legal_basis=legal,
            facts=facts,
            destination_type="citizenship",
            destination_country=person["nationalities"][0]["country"] if person["nationalities"][0]["country"] != "XXA" else nat.code,
            vd_period_days=d.vd_days,
            vd_deadline=_d(d.vd_deadline),
            obligations=obligations,
            signed_at=_iso(d.signed_at),
            served_at=_iso(d.served_at),
            service_method="post" if d.served_at.date() > d.signed_at.date() else "in_person",
            acknowledgment="refused_to_sign" if refused else ("not_yet" if d.served_at.date() > d.signed_at.date() else "signed"),
            refusal_note="Ārzemnieks atteicās parakstīt; lēmums nolasīts tulka klātbūtnē." if refused else None,
            translation_language=translation,
            interpreter=f"{self._official(rng)[0]} (tulks)" if translation and rng.random() < 0.5 else None,
            in_force_date=_d(d.in_force),
            suspended=d.suspended,
            suspension_reason=d.suspension_reason,
            sis_return_alert_id=alert,
            status=d.status,
            annulled_reason=d.annulled_reason,
        )  # fmt: skip
        did = self.add(rng, "decisions", data, d.signed_at, USERS[d.inst], pid, cid)
        return did, alert

    def _ban(self, rng: random.Random, b: BanPlan, pid: str, cid: str | None, did: str | None,
             inst: str) -> str:  # fmt: skip
        valid_until = None
        if b.valid_from is not None and not b.indefinite and b.years:
            valid_until = _add_years(b.valid_from, b.years) - timedelta(days=1)
        alert = None
        alert_day = None
        # SIS keeps the refusal alert while the ban runs; one deleted long ago is gone.
        recent = valid_until is not None and valid_until >= REFERENCE_DATE - timedelta(days=3 * 365)
        if (
            b.scope == "LV_SCHENGEN"
            and b.valid_from is not None
            and (b.status == "ACTIVE" or (b.status in ("EXPIRED", "REMOVED_FROM_LIST") and recent))
        ):
            alert_day = _min_date(b.valid_from + timedelta(days=_rint(rng, 0, 2)), REFERENCE_DATE)
            alert = self._alert_id("REF", alert_day)
        signed = _at(rng, b.decided)
        data = _rec(
            "entry-bans",
            person_id=pid,
            case_id=cid,
            decision_id=did,
            ban_decision_date=_d(b.decided),
            valid_from=_d(b.valid_from),
            start_pending_departure=b.valid_from is None,
            duration_years=b.years,
            valid_until=_d(valid_until),
            indefinite=b.indefinite,
            territorial_scope=b.scope,
            decision_maker=b.maker,
            legal_basis=[_legal(code) for code in b.legal],
            appealable=b.maker != "foreign_minister",
            reasons_restricted=b.ministerial and rng.random() < 0.7,
            status=b.status,
            signed_at=_iso(signed),
            sis_refusal_alert_id=alert,
            sis_entered_at=_d(alert_day),
        )
        by = USERS[inst]
        bid = self.add(rng, "entry-bans", data, signed, by, pid, cid)
        if alert is not None and alert_day is not None:
            ended = b.status in ("EXPIRED", "REMOVED_FROM_LIST")
            deleted_at = None
            if ended:
                deleted_at = _min_date(
                    (valid_until + timedelta(days=1)) if valid_until else alert_day, REFERENCE_DATE
                )
            self._alert(rng, "refusal", alert, alert_day, pid, cid, None, bid, deleted_at,
                        "Ieceļošanas aizlieguma termiņš beidzies" if ended else None, by)  # fmt: skip
        if b.ministerial and b.maker == "interior_minister" and cid and rng.random() < 0.15:
            filed = _min_date(b.decided + timedelta(days=_rint(rng, 10, 30)), REFERENCE_DATE)
            outcome_day = _min_date(filed + timedelta(days=_rint(rng, 60, 300)), REFERENCE_DATE)
            annulled = b.status == "ANNULLED"
            data = _rec(
                "appeals",
                case_id=cid,
                entry_ban_id=bid,
                kind="court_minister_list",
                filed_date=_d(filed),
                received_by="Administratīvā rajona tiesa",
                suspensive=False,
                outcome="annulled" if annulled else "upheld",
                outcome_date=_d(outcome_day),
            )
            self.add(rng, "appeals", data, _at(rng, filed), by, None, cid)
        return bid

    def _appeal(
        self, rng: random.Random, c: CasePlan, a: AppealPlan, cid: str, did: str | None
    ) -> None:
        received = {
            "challenge": "VRS priekšnieks" if c.inst == "VRS" else "PMLP priekšnieks",
            "district_court": "Administratīvā rajona tiesa",
        }.get(a.kind, "Administratīvā apgabaltiesa")
        data = _rec(
            "appeals",
            case_id=cid,
            decision_id=did,
            kind=a.kind,
            filed_date=_d(a.filed),
            received_by=received,
            suspensive=a.kind == "challenge" or a.relief == "granted",
            interim_relief=a.relief,
            interim_relief_date=_d(a.relief_date),
            outcome=a.outcome,
            outcome_date=_d(a.outcome_date),
        )
        self.add(rng, "appeals", data, _at(rng, a.filed), USERS[c.inst], None, cid)

    def _departure(self, rng: random.Random, c: CasePlan, cid: str, pid: str, nat: dn.Nationality,
                   did: str) -> None:  # fmt: skip
        assert c.exit_at is not None
        day = c.exit_at.date()
        if c.forced:
            exit_type = _Choice([("forced_escorted", 55), ("forced_unescorted", 25),
                                 ("frontex_operation", 10), ("readmission", 10)])(rng)  # fmt: skip
        else:
            exit_type = "assisted_voluntary" if rng.random() < 0.12 else "voluntary"
        bcp, mode, airport = self._route(rng, nat.code, day, exit_type)
        passport_ok = self.passport_valid_until >= day
        travel_doc = "national_passport"
        if not passport_ok or (c.forced and rng.random() < 0.25):
            travel_doc = _pick(rng, ("embassy_document", "eu_travel_document", "lv_exit_document"))
            doc_type, state, authority = {
                "embassy_document": ("EMBASSY_RETURN_CERT", nat.code, "Vēstniecība Rīgā"),
                "eu_travel_document": ("EU_RETURN_TD", "LVA", "Valsts robežsardze"),
                "lv_exit_document": ("LV_EXIT_DOC", "LVA", "PMLP"),
            }[travel_doc]
            issued = day - timedelta(days=_rint(rng, 2, 20))
            number = f"{doc_type[:2]}{self._digits(7)}"
            data = self._doc(rng, pid, doc_type, number, issued, issued + timedelta(days=30), state,
                             authority, None, "returned" if c.forced else "presented",
                             _at(rng, issued), USERS["VRS"])  # fmt: skip
            for key, kind in person_keys({}, [data]):
                self.keys.append((pid, key, kind))
        notice = None
        short_reason = None
        escort = None
        monitor = None
        costs: list[dict[str, Any]] = []
        if c.forced:
            hours = _rint(rng, 12, 96)
            if rng.random() < 0.05:
                hours = _rint(rng, 1, 11)
                short_reason = (
                    "Lidojums apstiprināts īsi pirms izlidošanas; paziņots ar pamatojumu."
                )
            notice = c.exit_at - timedelta(hours=hours, minutes=_rint(rng, 0, 59))
            if exit_type in ("forced_escorted", "frontex_operation"):
                escort = {
                    "count": _rint(rng, 2, 4),
                    "organisation": "Frontex pool" if exit_type == "frontex_operation" else "VRS",
                    "leader": f"{self._official(rng)[0]}",
                }
            if rng.random() < 0.3:
                monitor = "Tiesībsarga birojs"
            payer = _Choice(
                [("state", 60), ("foreigner", 25), ("employer", 8), ("inviter", 4), ("carrier", 3)]
            )(rng)
            recovery = (
                "not_due"
                if payer == "state"
                else _pick(rng, ("outstanding", "outstanding", "recovered", "written_off"))
            )
            costs.append(self._cost("ticket", _rint(rng, 90, 900), payer, recovery))
            if escort:
                costs.append(self._cost("escort", _rint(rng, 300, 2500), "state", "not_due"))
            if c.detention is not None:
                costs.append(self._cost("detention", _rint(rng, 200, 4000), payer, recovery))
        elif rng.random() < 0.4:
            costs.append(self._cost("ticket", _rint(rng, 60, 700), "foreigner", "not_due"))
        readmission = None
        if exit_type == "readmission" or (c.forced and rng.random() < 0.5):
            readmission = (
                "eu"
                if nat.code in ("RUS", "UKR", "MDA", "GEO", "ARM", "AZE", "BLR", "PAK", "ALB")
                else "none"
            )
        data = _rec(
            "departures",
            case_id=cid,
            person_id=pid,
            decision_id=did,
            exit_type=exit_type,
            exit_at=_iso(c.exit_at),
            bcp=bcp,
            foreign_airport=airport,
            transport_mode=mode,
            destination_country=nat.code,
            travel_doc_used=travel_doc,
            notice_given_at=_iso(notice),
            notice_short_reason=short_reason,
            escort=escort,
            monitor_present=monitor is not None,
            monitor_body=monitor,
            costs=costs,
            readmission_agreement=readmission,
            assisted=exit_type == "assisted_voluntary",
        )
        self.add(rng, "departures", data, c.exit_at, USERS["VRS"], pid, cid)

    @staticmethod
    def _cost(item: str, amount: int, payer: str, recovery: str) -> dict[str, Any]:
        return {"item": item, "amount_eur": f"{Decimal(amount):.2f}", "payer_type": payer,
                "recovery_status": recovery}  # fmt: skip

    def _route(
        self, rng: random.Random, country: str, day: date, exit_type: str
    ) -> tuple[str | None, str, str | None]:
        """(BCP, transport mode, foreign airport): land to Russia/Belarus while open, else air."""
        if exit_type == "frontex_operation":
            return "RIX", "air", None
        land: list[tuple[str, str]] = []
        if country in ("RUS", "KAZ", "KGZ", "TJK", "UZB", "ARM", "AZE", "GEO"):
            land = [
                ("TEREHOVA", "road"),
                ("GREBNEVA", "road"),
                ("ZILUPE", "rail"),
                ("VIENTULI", "road"),
            ]
        elif country in ("BLR", "UKR", "MDA"):
            land = [("PATERNIEKI", "road"), ("SILENE", "road"), ("INDRA", "rail")]
        land = [(b, m) for b, m in land if _bcp_open(b, day)]
        r = rng.random()
        if land and r < (0.55 if country in ("RUS", "BLR") else 0.25):
            bcp, mode = _pick(rng, land)
            return bcp, mode, None
        if r > 0.97:
            return "RIGA_PORT", "sea", None
        return "RIX", "air", None

    def _alert(self, rng: random.Random, kind: str, national_id: str, entered: date, pid: str,
               cid: str | None, did: str | None, bid: str | None, deleted_at: date | None,
               reason: str | None, by: str) -> None:  # fmt: skip
        data = _rec(
            "sis-alerts",
            person_id=pid,
            case_id=cid,
            decision_id=did,
            entry_ban_id=bid,
            alert_type=kind,
            national_alert_id=national_id,
            entered_at=_d(entered),
            status="deleted" if deleted_at else "entered",
            deleted_at=_d(deleted_at),
            deletion_reason=reason if deleted_at else None,
        )
        self.add(rng, "sis-alerts", data, _at(rng, entered), by, pid, cid)

    def _return_alert(
        self, rng: random.Random, c: CasePlan, alert: str, cid: str, pid: str, did: str
    ) -> None:
        first = next(d for d in c.decisions if d.sis_alert)
        entered = _min_date(
            first.served_at.date() + timedelta(days=_rint(rng, 0, 1)), REFERENCE_DATE
        )
        deleted, reason = None, None
        if c.exit_at is not None:
            deleted = _min_date(c.exit_at.date() + timedelta(days=_rint(rng, 0, 2)), REFERENCE_DATE)
            reason = "Izraidīts" if c.forced else "Izceļošana apstiprināta"
        elif c.cancel_date is not None:
            deleted, reason = c.cancel_date, "Lēmums atcelts"
        if deleted is not None and deleted < entered:
            deleted = entered
        self._alert(
            rng, "return", alert, entered, pid, cid, did, None, deleted, reason, USERS[first.inst]
        )

    def _task(self, rng: random.Random, cid: str, kind: str, from_inst: str, to_inst: str,
              due: date, *, done_at: datetime | None, related: str | None,
              title: str | None = None, to_unit: str | None = None) -> None:  # fmt: skip
        created = _at(rng, min(due, REFERENCE_DATE) - timedelta(days=1))
        if done_at is not None and done_at < created:
            created = done_at - timedelta(hours=1)
        data = _rec(
            "tasks",
            case_id=cid,
            kind=str(kind),
            from_institution=from_inst,
            to_institution=to_inst,
            to_unit=to_unit,
            title=title or _label("task_kind", str(kind)),
            due_date=_d(due),
            status="done" if done_at else "open",
            done_at=_iso(done_at),
            related_id=related,
        )
        self.add(rng, "tasks", data, created, USERS[from_inst], None, cid)

    def _tasks(self, rng: random.Random, c: CasePlan, cid: str, decision_ids: list[str],
               alert: bool, ban_id: str | None) -> None:  # fmt: skip
        S = CaseStatus
        status = c.status
        if status in (S.CLOSED, S.CANCELLED, S.DETECTED) or c.case_type != "return":
            return
        if c.detention is not None and c.detention.released_at is None and c.detention.courts:
            until = c.detention.courts[-1][2]
            self._task(rng, cid, "detention_review", "VRS", "VRS", until - timedelta(days=7),
                       done_at=None, related=None, to_unit=c.detention.unit)  # fmt: skip
        if not c.decisions:
            return
        d, did = c.decisions[-1], decision_ids[-1]
        if status == S.VD_ORDERED:
            assert d.vd_deadline is not None
            self._task(
                rng, cid, "vd_deadline", d.inst, d.inst, d.vd_deadline, done_at=None, related=did
            )
            due = add_working_days(d.served_at.date(), 1)
            done = _cap(d.served_at + timedelta(hours=_rint(rng, 2, 20))) if alert else None
            self._task(
                rng,
                cid,
                TaskKind.SIS_ENTER_RETURN_ALERT,
                d.inst,
                d.inst,
                due,
                done_at=done,
                related=did,
            )
        elif d.dtype == "removal_decision" and status in (
            S.REMOVAL_ORDERED, S.CHALLENGED, S.APPEALED, S.POSTPONED, S.REMOVAL_PREPARATION, S.REMOVED,
        ):  # fmt: skip
            if d.inst == "PMLP":
                due = add_working_days(d.signed_at.date(), 1)
                done = _cap(d.signed_at + timedelta(hours=_rint(rng, 1, 20)))
                self._task(rng, cid, TaskKind.SEND_TO_VRS, "PMLP", "VRS", due,
                           done_at=None if due >= REFERENCE_DATE else done, related=did)  # fmt: skip
            else:
                due = add_working_days(d.signed_at.date(), 3)
                done = _cap(d.signed_at + timedelta(days=_rint(rng, 1, 3)))
                self._task(rng, cid, TaskKind.INFORM_PMLP, "VRS", "PMLP", due,
                           done_at=None if due >= REFERENCE_DATE else done, related=did)  # fmt: skip
        if status == S.REMOVAL_PREPARATION:
            due = _min_date(
                REFERENCE_DATE + timedelta(days=_rint(rng, 3, 20)),
                REFERENCE_DATE + timedelta(days=20),
            )
            self._task(rng, cid, "other", "VRS", "VRS", due, done_at=None, related=did,
                       title=_pick(rng, ("Pieprasīt ceļošanas dokumentu vēstniecībā",
                                         "Rezervēt biļetes un saskaņot pavadīšanu",
                                         "Paziņot ārzemniekam par plānoto izraidīšanu (≥ 12 h)")))  # fmt: skip
        if status in (S.REMOVED, S.DEPARTED_VOLUNTARILY) and c.exit_at is not None:
            exit_day = c.exit_at.date()
            if status == S.REMOVED:
                due = add_working_days(exit_day, 3)
                done = _cap(c.exit_at + timedelta(days=_rint(rng, 1, 3)))
                self._task(rng, cid, TaskKind.INFORM_PMLP_EXECUTION, "VRS", "PMLP", due,
                           done_at=None if due >= REFERENCE_DATE else done, related=did)  # fmt: skip
            if alert:
                due = add_working_days(exit_day, 1)
                self._task(rng, cid, TaskKind.SIS_DELETE_RETURN_ALERT, d.inst, d.inst, due,
                           done_at=_cap(c.exit_at + timedelta(hours=_rint(rng, 2, 30))), related=did)  # fmt: skip
            if ban_id is not None and c.ban is not None and c.ban.scope == "LV_SCHENGEN":
                due = add_working_days(exit_day, 1)
                self._task(rng, cid, TaskKind.SIS_ENTER_REFUSAL_ALERT, c.inst, c.inst, due,
                           done_at=_cap(c.exit_at + timedelta(hours=_rint(rng, 2, 30))), related=ban_id)  # fmt: skip


# =========================================================================== writers


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _json(data: Any) -> str:
    return _ENCODER.encode(data)


class _Writer:
    def write(self, rows: list[Any], keys: list[tuple[str, str, str]], seq: int) -> None:
        """Rows are (id, collection, data JSON, created_at, created_by, person_id, case_id);
        the first change gets seq + 1. Versions are written at the end by `versions`."""
        raise NotImplementedError


def _write_versions(conn: Connection) -> None:
    """Version 1 of every record, copied inside the database from `records` (which held
    nothing before this run): the JSON is parsed and sent once instead of twice."""
    names = sorted(COLLECTIONS)
    params = {f"c{i}": name for i, name in enumerate(names)}
    params.update({f"f{i}": _changed_fields(name) for i, name in enumerate(names)})
    cast = "CAST(:f{i} AS JSONB)" if conn.dialect.name == "postgresql" else ":f{i}"
    json_text = "::json" if conn.dialect.name == "postgresql" else ""  # versions keep JSON text
    whens = " ".join(f"WHEN :c{i} THEN {cast.format(i=i)}" for i in range(len(names)))
    conn.execute(
        sa.text(
            "INSERT INTO record_versions (id, version, collection, changed_fields, data, deleted, "
            "at, by, op_id, kind, seq) SELECT r.id, 1, r.collection, CASE r.collection "
            f"{whens} END, r.data{json_text}, r.deleted, r.created_at, r.created_by, NULL, "
            "'create', f.seq FROM records r JOIN demo_feed f ON f.record_id = r.id"
        ),
        params,
    )
    conn.exec_driver_sql("DROP TABLE demo_feed")


def _create_feed_table(conn: Connection) -> None:
    """Each record's feed position while seeding: `_write_versions` copies it into the
    versions (the feed) at the end."""
    conn.exec_driver_sql("CREATE TEMPORARY TABLE demo_feed (seq BIGINT, record_id VARCHAR(36))")


NULL = "\\N"  # COPY text format
_CHANGED: dict[str, str] = {}


def _changed_fields(collection: str) -> str:
    """`changed_fields` of a create: every content field, as push.py writes it."""
    text_ = _CHANGED.get(collection)
    if text_ is None:
        text_ = _CHANGED[collection] = _json(sorted(_template(collection)))
    return text_


class _PostgresWriter(_Writer):
    """COPY … FROM STDIN in text format; JSON goes in as text with backslashes doubled
    (json.dumps escapes every control character, so no tab or newline can occur)."""

    def __init__(self, conn: Connection) -> None:
        self.raw: Any = conn.connection.driver_connection

    def write(self, rows: list[Any], keys: list[tuple[str, str, str]], seq: int) -> None:
        rec_lines: list[str] = []
        chg_lines: list[str] = []
        stamps: dict[datetime, str] = {}
        for rid, coll, data, at, by, pid, cid in rows:
            seq += 1
            data = data.replace("\\", "\\\\")
            ts = stamps.get(at)
            if ts is None:
                ts = stamps[at] = at.isoformat(sep=" ")
            rec_lines.append(
                f"{rid}\t{coll}\t1\tf\t{data}\t{ts}\t{by}\t{ts}\t{by}\t{pid or NULL}\t{cid or NULL}\n"
            )
            chg_lines.append(f"{seq}\t{rid}\n")
        key_lines = [f"{p}\t{k}\t{kind}\n" for p, k, kind in keys]
        with self.raw.cursor() as cur:
            for sql, lines in (
                ("COPY records (id, collection, version, deleted, data, created_at, created_by, "
                 "updated_at, updated_by, person_id, case_id) FROM STDIN", rec_lines),
                ("COPY demo_feed (seq, record_id) FROM STDIN", chg_lines),
                ("COPY search_keys (person_id, key, kind) FROM STDIN", key_lines),
            ):  # fmt: skip
                with cur.copy(sql) as copy:
                    copy.write("".join(lines))


class _SqliteWriter(_Writer):
    """executemany on the driver connection, timestamps as SQLAlchemy stores them."""

    def __init__(self, conn: Connection) -> None:
        self.raw: Any = conn.connection.driver_connection
        dialect = conn.dialect
        self.stamp: Callable[[datetime], str] = records.c.created_at.type.dialect_impl(
            dialect
        ).bind_processor(dialect)  # type: ignore[assignment]

    def write(self, rows: list[Any], keys: list[tuple[str, str, str]], seq: int) -> None:
        rec, chg = [], []
        stamps: dict[datetime, str] = {}
        for rid, coll, data, at, by, pid, cid in rows:
            seq += 1
            ts = stamps.get(at)
            if ts is None:
                ts = stamps[at] = self.stamp(at)
            rec.append((rid, coll, 1, 0, data, ts, by, ts, by, pid, cid))
            chg.append((seq, rid))
        cur = self.raw.cursor()
        cur.executemany(
            "INSERT INTO records (id, collection, version, deleted, data, created_at, created_by, "
            "updated_at, updated_by, person_id, case_id) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rec
        )  # fmt: skip
        cur.executemany(
            "INSERT INTO demo_feed (seq, record_id) VALUES (?,?)",
            chg,
        )
        cur.executemany("INSERT INTO search_keys (person_id, key, kind) VALUES (?,?,?)", keys)
        cur.close()


# =========================================================================== validation


def validate_row(row: Row) -> None:
    """The record must be exactly what its model would store, with known reference codes."""
    from registry_server.reference_store import ref_checks

    spec = COLLECTIONS[row.collection]
    model = spec.model.model_validate({**row.data, "id": row.id})
    dumped = model.model_dump(mode="json", exclude=set(SYSTEM_FIELDS))
    if dumped != row.data:
        diff = {
            k: (row.data.get(k), dumped.get(k)) for k in dumped if dumped.get(k) != row.data.get(k)
        }
        raise AssertionError(f"demo {row.collection} record differs from its model: {diff}")
    for path, list_name, code in ref_checks(model, row.data):
        try:
            codes = item_codes(list_name)
        except KeyError:
            continue
        if code not in codes:
            raise AssertionError(f"demo {row.collection}.{path}: {code!r} is not in {list_name}")


# =========================================================================== the entry point


def _rng(seed: int, chunk: int, stream: int) -> random.Random:
    return random.Random((seed * 1_000_003 + chunk) * 4 + stream)


@dataclass(frozen=True)
class _Task:
    """One chunk to build: everything it needs, so that a worker process can build it."""

    seed: int
    persons: int
    chunk: int
    start: int
    end: int
    numbers: list[str]
    codes: dict[int, str]
    validate_first: int  # validate this many records fully, then one in VALIDATE_EVERY


@dataclass(frozen=True)
class _Plan:
    tasks: list[_Task]
    last: dict[str, int]  # the last number of each series


# What the planning pass needs from one chunk: every case and decision (series, time) in
# generation order, and the persons who get a personal code (index, birth date, day).
Summary = tuple[list[tuple[str, int]], list[tuple[int, date, date]]]


def _summarise(args: tuple[int, int, int, int, int]) -> Summary:
    seed, persons, chunk, start, end = args
    planner = _Planner(persons)
    rng = _rng(seed, chunk, 0)
    numbered: list[tuple[str, int]] = []
    wants: list[tuple[int, date, date]] = []
    for index in range(start, end):
        plan = planner.person(rng, index)
        for c in plan.cases:
            numbered.append((_case_series(c), int(c.t0.timestamp())))
            for d in c.decisions:
                numbered.append((_decision_series(d), int(d.signed_at.timestamp())))
        if plan.wants_code:
            wants.append((index, plan.born, plan.created.date()))
    return numbered, wants


def _plan(persons: int, seed: int, offsets: dict[str, int], pool: Any = None) -> _Plan:
    """The planning pass: number every case and decision, give out personal codes."""
    spans = [
        (chunk, start, min(start + CHUNK_PERSONS, persons))
        for chunk, start in enumerate(range(0, persons, CHUNK_PERSONS))
    ]
    jobs = [(seed, persons, chunk, start, end) for chunk, start, end in spans]
    summaries = pool.imap(_summarise, jobs) if pool is not None else map(_summarise, jobs)
    numbering = _Numbers(offsets)
    used_codes: set[str] = set()
    ranges = []
    for (chunk, _start, _end), (numbered, wants) in zip(spans, summaries, strict=True):
        first = numbering.seq
        for series, stamp in numbered:
            numbering.add(series, stamp)
        code_rng = _rng(seed, chunk, 2)
        codes = {
            index: _personal_code(code_rng, born, day, used_codes) for index, born, day in wants
        }
        ranges.append((first, numbering.seq, codes))
    last = numbering.finish()
    tasks = [
        _Task(seed, persons, chunk, start, end, numbering.slice(n0, n1), codes,
              VALIDATE_FIRST if chunk == 0 else 0)
        for (chunk, start, end), (n0, n1, codes) in zip(spans, ranges, strict=True)
    ]  # fmt: skip
    return _Plan(tasks, last)


def _build(task: _Task) -> tuple[list[Row], list[tuple[str, str, str]]]:
    """The detail pass for one chunk: replay its plans and build (and sample-check) records."""
    planner = _Planner(task.persons)
    builder = _Builder(task.numbers, task.codes)
    plan_rng, detail_rng = _rng(task.seed, task.chunk, 0), _rng(task.seed, task.chunk, 1)
    for index in range(task.start, task.end):
        builder.person(detail_rng, planner.person(plan_rng, index))
    if builder.number_seq != len(task.numbers):
        raise AssertionError("demo: the detail pass did not replay the plan")
    rows = builder.rows
    for row in rows[: task.validate_first]:
        validate_row(row)
    for row in rows[task.validate_first :: VALIDATE_EVERY]:
        validate_row(row)
    return rows, builder.keys


# A built chunk as it crosses a process boundary: rows with their JSON already made.
Packed = tuple[
    list[tuple[str, str, str, datetime, str, str | None, str | None]], list[tuple[str, str, str]]
]


def _build_packed(task: _Task) -> Packed:
    rows, keys = _build(task)
    return [
        (r.id, r.collection, _json(r.data), r.created_at, r.created_by, r.person_id, r.case_id)
        for r in rows
    ], keys


def generate(
    persons: int, seed: int = 2026, offsets: dict[str, int] | None = None
) -> Iterator[tuple[list[Row], list[tuple[str, str, str]]]]:
    """Yield (records, search keys) chunk by chunk, without a database (for tests)."""
    for task in _plan(persons, seed, offsets or {}).tasks:
        yield _build(task)


def _workers(persons: int) -> int:
    """Worker processes for the detail pass: none for small runs (start-up costs more) or
    where processes cannot be forked."""
    if persons < 4 * CHUNK_PERSONS or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return max(1, min(os.cpu_count() or 1, 4))


def _packed_chunks(tasks: list[_Task], pool: Any, workers: int) -> Iterator[Packed]:
    """Built chunks in order; at most 2 × workers in flight, so memory stays bounded when
    the database is slower than the workers."""
    if pool is None:
        for task in tasks:
            yield _build_packed(task)
        return
    queue = iter(tasks)
    pending: deque[Any] = deque(
        pool.apply_async(_build_packed, (t,)) for t in islice(queue, 2 * workers)
    )
    while pending:
        result = pending.popleft().get()
        following = next(queue, None)
        if following is not None:
            pending.append(pool.apply_async(_build_packed, (following,)))
        yield result


def seed_demo(
    engine: Engine, *, persons: int, seed: int = 2026, progress: bool = False
) -> DemoReport:
    """Write `persons` invented persons and their cases (see the module docstring)."""
    if persons < 1:
        raise DemoSeedRefused("demo.persons")
    started = time.monotonic()
    postgres = engine.dialect.name == "postgresql"
    workers = _workers(persons)
    # Fork the workers before this call opens its connection; they only compute and leave
    # through os._exit, so they never use or close a connection they inherited.
    pool = multiprocessing.get_context("fork").Pool(workers) if workers else None
    try:
        return _seed(engine, pool, workers, persons, seed, progress, started, postgres)
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


def _seed(engine: Engine, pool: Any, workers: int, persons: int, seed: int, progress: bool,
          started: float, postgres: bool) -> DemoReport:  # fmt: skip
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        if not postgres:
            raw.execute("PRAGMA synchronous=OFF")  # type: ignore[union-attr]
            raw.execute("PRAGMA cache_size=-262144")  # type: ignore[union-attr]
        try:
            with conn.begin():
                feed = conn.execute(
                    sa.select(counters.c.value).where(counters.c.name == "feed").with_for_update()
                ).scalar()
                count = conn.execute(sa.select(sa.func.count()).select_from(records)).scalar_one()
                if count:
                    raise DemoSeedRefused("demo.not_empty", count=count)
                if postgres:
                    conn.exec_driver_sql("SET LOCAL synchronous_commit = off")
                offsets = {
                    row.name: int(row.value)
                    for row in conn.execute(
                        sa.select(counters).where(
                            sa.or_(
                                counters.c.name.like("case:%"), counters.c.name.like("decision:%")
                            )
                        )
                    )
                }
                plan = _plan(persons, seed, offsets, pool)
                deferred = _drop_indexes(conn) if persons >= DEFER_INDEXES_FROM else []
                writer: _Writer = _PostgresWriter(conn) if postgres else _SqliteWriter(conn)
                _create_feed_table(conn)
                seq = int(feed or 0)
                total = done = 0
                for rows, keys in _packed_chunks(plan.tasks, pool, workers):
                    writer.write(rows, keys, seq)
                    seq += len(rows)
                    total += len(rows)
                    done = min(done + CHUNK_PERSONS, persons)
                    if progress:
                        elapsed = time.monotonic() - started
                        sys.stderr.write(
                            f"\r{done}/{persons} personas / persons, {total} ieraksti / records, "
                            f"{done / elapsed:,.0f} personas/s / persons/s   "
                        )
                        sys.stderr.flush()
                if progress:
                    sys.stderr.write(f"\n{time.monotonic() - started:.0f} s: versijas / versions…")
                _write_versions(conn)
                if deferred:
                    if progress:
                        sys.stderr.write(
                            f"\n{time.monotonic() - started:.0f} s: indeksi / indexes…"
                        )
                    _restore_indexes(conn, deferred)
                _save_counters(conn, seq, plan.last)
                conn.execute(
                    audit_log.insert().values(
                        at=datetime.now(UTC),
                        username="demo",
                        action="seed_demo",
                        detail={"persons": persons, "seed": seed, "records": total},
                    )  # fmt: skip
                )
        finally:
            if not postgres:
                raw.execute("PRAGMA synchronous=NORMAL")  # type: ignore[union-attr]
    # Fresh statistics after a bulk load, so the planner does not take the new tables for
    # empty ones (it would sort the whole change feed instead of walking its index).
    with engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    if progress:
        sys.stderr.write(f"\n{time.monotonic() - started:.1f} s\n")
    return DemoReport(persons, total)


def _drop_indexes(conn: Connection) -> list[str]:
    """Drop the indexes of the bulk-loaded tables; returns the statements that rebuild them.

    Building an index once over millions of rows is much faster than keeping it up to date
    row by row (the ids are random UUIDs). The definitions are read from the catalogue, so
    they come back exactly as the migrations made them; all of it happens inside the
    seeding transaction, so a failure leaves the indexes as they were.
    """
    tables = ("records", "record_versions", "search_keys")
    restore: list[str] = []
    if conn.dialect.name == "postgresql":
        rows = conn.execute(
            sa.text(
                "SELECT t.relname AS tbl, i.relname AS idx, pg_get_indexdef(i.oid) AS idxdef, "
                "c.conname AS con, pg_get_constraintdef(c.oid) AS condef "
                "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                "JOIN pg_class t ON t.oid = x.indrelid "
                "LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.contype IN ('p', 'u') "
                "WHERE t.relname IN :tables AND t.relnamespace = current_schema()::regnamespace"
            ).bindparams(sa.bindparam("tables", expanding=True)),
            {"tables": list(tables)},
        ).all()
        for row in rows:
            if row.con:
                conn.exec_driver_sql(f'ALTER TABLE "{row.tbl}" DROP CONSTRAINT "{row.con}"')
                restore.append(f'ALTER TABLE "{row.tbl}" ADD CONSTRAINT "{row.con}" {row.condef}')
            else:
                conn.exec_driver_sql(f'DROP INDEX "{row.idx}"')
                restore.append(row.idxdef)
        conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    else:  # SQLite: the primary keys' own indexes cannot be dropped; the others can
        rows = conn.execute(
            sa.text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                "AND tbl_name IN :tables"
            ).bindparams(sa.bindparam("tables", expanding=True)),
            {"tables": list(tables)},
        ).all()
        for row in rows:
            conn.exec_driver_sql(f'DROP INDEX "{row.name}"')
            restore.append(row.sql)
    return restore


def _restore_indexes(conn: Connection, statements: list[str]) -> None:
    for statement in statements:
        conn.exec_driver_sql(statement)


def _save_counters(conn: Connection, feed: int, last: dict[str, int]) -> None:
    values = {"feed": feed, **last}
    existing = set(
        conn.execute(sa.select(counters.c.name).where(counters.c.name.in_(list(values)))).scalars()
    )
    for name, value in values.items():
        if name in existing:
            conn.execute(counters.update().where(counters.c.name == name).values(value=value))
        else:
            conn.execute(counters.insert().values(name=name, value=value))
