"""`registry-server import-legacy`: the exports of the two predecessor registers.

The register replaced two older ones (domain.md §1.2): PMLP's **Entry Ban Register**
(ieceļošanas aizliegumu reģistrs, Cabinet Reg. 216/2003 → 605/2005) and the VRS
**Illegal Immigration Register** (Nelegālās imigrācijas reģistrs, Cabinet Reg.
502/2008). Both are read from CSV exports with a header row, UTF-8 (with or without
BOM) or Windows-1257, separated by `;` or `,`. Column names are case-insensitive;
unknown columns are ignored. Dates are DD.MM.YYYY (or YYYY-MM-DD); a date of birth may
have 00 for an unknown day or month (00.00.1980).

PMLP entry-ban register (``--source pmlp``), one row per ban (§2.6, §4.7)::

    IER_NR       legacy record number (required, unique in the export)
    UZVARDS      surname in Latin script (required)     VARDS       given names
    UZVARDS_ORIG / VARDS_ORIG  the name in the original script (Cyrillic …)
    DZ_DATUMS    date of birth (required)              DZIMUMS     V | S | N (M/F/unknown)
    PILSONIBA    citizenship: ISO alpha-3, alpha-2 or BEZV (stateless) / NEZ (unknown)
    PERS_KODS    personal code                          DOK_NR, DOK_VALSTS  passport no., state
    LIKUMS, PANTS, DALA, PUNKTS  legal basis: act, section, part (daļa), clause (punkts)
    PARK_DATUMS, PARK_VIETA      date and place the violation was detected
    LEM_DATUMS   ban decision date (required)
    DER_NO       valid from (empty: starts when the person leaves)
    DER_LIDZ     valid until (empty or NENOTEIKTS: indefinite)
    LEM_PIEN     decision maker: IEM (Interior Minister), AM (Foreign Minister),
                 KD (MFA Consular Dept), PMLP, VRS
    TERIT        LV | LV+SCH (Latvia and the Schengen area); default LV
    LEMUMS       the decision that placed the person on the list (kept in the notes)

VRS illegal-immigration register (``--source vrs``), one row per person (Reg. 502 6.1)::

    REG_NR       legacy record number (required)
    UZVARDS (required), VARDS, UZVARDS_DZ (surname at birth), TEVVARDS (patronymic)
    DZ_DATUMS (required), DZIMUMS, PILSONIBA, PERS_KODS, DZ_VIETA (place of birth)
    DOK_VEIDS    PASE | ID | UZT_ATL (residence permit) | CITS;  DOK_NR, DOK_VALSTS
    IPAS_PAZIMES special features
    AIZT_DATUMS, AIZT_VIETA, PIEZIMES  detention date/place and remarks (kept in the notes)

What is imported: the person (and the document), and for PMLP the entry ban as a
draft (status "imposed": the register's own lifecycle actions take it further). Each
row is matched against the registry first: a person with the same personal code or
document number and a score ≥ 0.9 receives the row's records instead of a new person;
a weaker candidate (score ≥ 0.5) gives a new person and a pair in the duplicates queue.
Every id and op_id is a uuid5 of the source and legacy number, so a second import of
the same file is answered `duplicate` by the push engine and creates nothing. Each run
writes one line per row to `legacy_import_log`; `--dry-run` does the whole import in a
transaction that is rolled back and only reports.
"""

from __future__ import annotations

import argparse
import csv
import getpass
import hashlib
import io
import sys
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pycountry
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from registry_core.matching import BlockingIndex, parse_dob, prepare
from registry_server.db import write_transaction
from registry_server.matching import PersonIndex, pair_id
from registry_server.push import Actor, OpIn, PushEngine
from registry_server.tables import duplicate_candidates, legacy_import_log, records

NAMESPACE = uuid.UUID("0b5e7c1a-3f7e-4e02-8c55-7d3a9e1f4b20")
STRONG_MATCH = 0.9
REVIEW_MATCH = 0.5

SEX = {"V": "M", "M": "M", "S": "F", "F": "F", "N": "U", "": "U"}
COUNTRY_SPECIAL = {"BEZV": "XXA", "BV": "XXA", "NEZ": "XXX", "SU": "XXX", "PSRS": "XXX"}
DECISION_MAKER = {
    "IEM": "interior_minister",
    "AM": "foreign_minister",
    "KD": "mfa_consular",
    "AM KD": "mfa_consular",
    "PMLP": "pmlp_head",
    "VRS": "vrs_head",
}
SCOPE = {"LV": "LV", "LV+SCH": "LV_SCHENGEN", "SCH": "LV_SCHENGEN", "LV_SCHENGEN": "LV_SCHENGEN"}
DOC_TYPE = {"PASE": "P", "P": "P", "ID": "ID", "UZT_ATL": "RP", "CITS": "OTHER"}
REQUIRED = {"pmlp": ("ier_nr", "uzvards", "dz_datums", "lem_datums"),
            "vrs": ("reg_nr", "uzvards", "dz_datums")}  # fmt: skip


class RowError(Exception):
    def __init__(self, column: str, lv: str, en: str) -> None:
        super().__init__(en)
        self.column, self.lv, self.en = column, lv, en


def _uid(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def country(value: str, column: str) -> str | None:
    code = value.strip().upper()
    if not code:
        return None
    if code in COUNTRY_SPECIAL:
        return COUNTRY_SPECIAL[code]
    if len(code) == 3 and code.isalpha():
        return code
    if len(code) == 2:
        found = pycountry.countries.get(alpha_2=code)
        if found is not None:
            return str(found.alpha_3)
    raise RowError(column, f"nezināms valsts kods “{value}”", f"unknown country code “{value}”")


def full_date(value: str, column: str) -> str | None:
    text = value.strip()
    if not text:
        return None
    for fmt in ("%d.%m.%Y", "%Y-%m-%d", "%Y%m%d"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise RowError(column, f"nepareizs datums “{value}”", f"invalid date “{value}”")


def _dob(value: str) -> str:
    dob = parse_dob(value)
    if dob is None:
        raise RowError(
            "dz_datums", f"nepareizs dzimšanas datums “{value}”", f"invalid date of birth “{value}”"
        )
    if dob.month and dob.day:
        return f"{dob.year:04d}-{dob.month:02d}-{dob.day:02d}"
    return f"{dob.year:04d}-{dob.month:02d}" if dob.month else f"{dob.year:04d}"


@dataclass
class Mapped:
    legacy_id: str
    person: dict[str, Any]
    document: dict[str, Any] | None = None
    ban: dict[str, Any] | None = None


def map_row(source: str, row: dict[str, str]) -> Mapped:
    """One export row → registry records (without ids). Raises RowError."""
    for col in REQUIRED[source]:
        if not row.get(col, "").strip():
            raise RowError(col, "obligāta kolonna ir tukša", "a required column is empty")

    def g(name: str) -> str:
        return row.get(name, "").strip()

    legacy_id = g("ier_nr") if source == "pmlp" else g("reg_nr")
    nat = country(g("pilsoniba"), "pilsoniba")
    nat_type = {"XXA": "stateless", "XXX": "unknown"}.get(nat or "XXX", "citizen")
    notes = [f"{'PMLP IAR' if source == 'pmlp' else 'VRS NIR'} {legacy_id}"]
    person: dict[str, Any] = {
        "surname_latin": g("uzvards"),
        "given_names_latin": g("vards") or "-",
        "sex": SEX.get(g("dzimums").upper(), "U"),
        "nationalities": [{"country": nat or "XXX", "type": nat_type}],
        "date_of_birth": _dob(g("dz_datums")),
    }
    if source == "pmlp":
        person["surname_native"] = g("uzvards_orig") or None
        person["given_names_native"] = g("vards_orig") or None
    else:
        if g("uzvards_dz"):
            person["names_at_birth"] = [g("uzvards_dz")]
        person["patronymic"] = g("tevvards") or None
        person["place_of_birth"] = g("dz_vieta") or None
        person["special_features"] = g("ipas_pazimes") or None
        if g("aizt_datums") or g("aizt_vieta"):
            notes.append(f"aizturēts {g('aizt_datums')} {g('aizt_vieta')}".strip())
        if g("piezimes"):
            notes.append(g("piezimes"))
    if g("pers_kods"):
        person["personal_code"] = g("pers_kods")
    person["notes"] = "; ".join(notes)
    person = {k: v for k, v in person.items() if v is not None}
    document = None
    if g("dok_nr"):
        document = {
            "doc_type": DOC_TYPE.get(g("dok_veids").upper(), "P") if source == "vrs" else "P",
            "series_and_number": g("dok_nr"),
            "issuing_state": country(g("dok_valsts"), "dok_valsts") or nat or "XXX",
        }
    ban = None
    if source == "pmlp":
        maker_code = g("lem_pien").upper()
        if maker_code not in DECISION_MAKER:
            raise RowError("lem_pien", f"nezināms lēmuma pieņēmējs “{maker_code}”",
                           f"unknown decision maker “{maker_code}”")  # fmt: skip
        scope = SCOPE.get(g("terit").upper() or "LV")
        if scope is None:
            raise RowError("terit", "nezināma teritorija", "unknown territorial scope")
        until_raw = g("der_lidz")
        indefinite = until_raw.upper() in ("", "NENOTEIKTS", "NENOTEIKTI")
        valid_from = full_date(g("der_no"), "der_no")
        basis = {"act": g("likums") or "Imigrācijas likums", "section": g("pants") or None,
                 "part": g("dala") or None, "clause": g("punkts") or None}  # fmt: skip
        ban = {
            "ban_decision_date": full_date(g("lem_datums"), "lem_datums"),
            "valid_from": valid_from,
            "start_pending_departure": valid_from is None,
            "valid_until": None if indefinite else full_date(until_raw, "der_lidz"),
            "indefinite": indefinite,
            "territorial_scope": scope,
            "decision_maker": DECISION_MAKER[maker_code],
            "appealable": DECISION_MAKER[maker_code] != "foreign_minister",
            "legal_basis": [{k: v for k, v in basis.items() if v}],
            "violation_date": full_date(g("park_datums"), "park_datums"),
            "violation_place": g("park_vieta") or None,
            "notes": f"PMLP IAR {legacy_id}" + (f"; {g('lemums')}" if g("lemums") else ""),
        }
        ban = {k: v for k, v in ban.items() if v is not None}
    return Mapped(legacy_id, person, document, ban)


def read_export(data: bytes) -> list[dict[str, str]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1257")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    reader.fieldnames = [h.strip().lower() for h in reader.fieldnames or []]
    return [{k: (v or "") for k, v in row.items() if k} for row in reader]


@dataclass
class RowReport:
    row_no: int
    legacy_id: str
    outcome: str  # created | matched | unchanged | review | rejected
    person_id: str | None = None
    records: list[str] = field(default_factory=list)
    message: str = ""


@dataclass
class ImportReport:
    run_id: str
    source: str
    sha256: str
    dry_run: bool
    rows: list[RowReport] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for r in self.rows:
            out[r.outcome] = out.get(r.outcome, 0) + 1
        return out


def import_actor(source: str) -> Actor:
    user = f"legacy-import:{getpass.getuser()}"
    if source == "pmlp":
        return Actor("legacy-import", user, "Legacy import (PMLP)", "PMLP", "PMLP-PSKN",
                     ("pmlp_decision_official", "ban_list_admin"), device_id="legacy-import")  # fmt: skip
    return Actor("legacy-import", user, "Legacy import (VRS)", "VRS", "VRS-RIP",
                 ("vrs_decision_official",), device_id="legacy-import")  # fmt: skip


def run_import(
    engine: Engine,
    push_engine: PushEngine,
    source: str,
    data: bytes,
    *,
    dry_run: bool = False,
    lang: str = "lv",
    actor: Actor | None = None,
) -> ImportReport:
    actor = actor or import_actor(source)
    sha = hashlib.sha256(data).hexdigest()
    report = ImportReport(str(uuid.uuid4()), source, sha, dry_run)
    rows = read_export(data)
    holder = PersonIndex()
    with engine.connect() as conn:
        holder.refresh(conn)
    index: BlockingIndex = holder.index
    try:
        with write_transaction(engine) as conn:
            _import_rows(conn, push_engine, actor, source, rows, index, report, lang)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


class _DryRun(Exception):
    """Raised inside the transaction of a dry run so that it is rolled back."""


def _import_rows(
    conn: Any,
    push_engine: PushEngine,
    actor: Actor,
    source: str,
    rows: list[dict[str, str]],
    index: BlockingIndex,
    report: ImportReport,
    lang: str,
) -> None:
    now = datetime.now(UTC)
    existing_ids: set[str] = set()
    for row_no, row in enumerate(rows, start=2):
        try:
            mapped = map_row(source, row)
        except RowError as exc:
            message = f"{exc.column}: {exc.en if lang == 'en' else exc.lv}"
            report.rows.append(RowReport(row_no, row.get("ier_nr") or row.get("reg_nr") or "",
                                         "rejected", message=message))  # fmt: skip
            continue
        key = f"{source}:{mapped.legacy_id}"
        own_pid = _uid(key, "person")
        docs = [mapped.document] if mapped.document else []
        query = prepare(mapped.person, docs, record_id=own_pid)
        outcome, pid, review_with = "created", own_pid, None
        if not existing_ids or own_pid not in existing_ids:
            hit = conn.execute(sa.select(records.c.id).where(records.c.id == own_pid)).first()
            if hit is not None:
                existing_ids.add(own_pid)
        if own_pid in existing_ids or own_pid in index:
            outcome = "unchanged"
        else:
            best = index.lookup(query, limit=1, min_score=REVIEW_MATCH)
            if best:
                other, result = best[0]
                strong = {r.code for r in result.reasons} & {
                    "match.same_personal_code", "match.same_passport", "match.same_id_number",
                }  # fmt: skip
                if result.score >= STRONG_MATCH and strong:
                    outcome, pid = "matched", other.id
                else:
                    outcome, review_with = "review", (other.id, result)
        ops: list[OpIn] = []
        if outcome in ("created", "review"):
            ops.append(_op(key, "person", "persons", own_pid, mapped.person))
        if mapped.document:
            ops.append(_op(key, "doc", "documents", _uid(key, "doc"),
                           {**mapped.document, "person_id": pid}))  # fmt: skip
        if mapped.ban:
            ops.append(_op(key, "ban", "entry-bans", _uid(key, "ban"),
                           {**mapped.ban, "person_id": pid}))  # fmt: skip
        answers = push_engine.push(conn, actor, ops, lang)
        rejected = [a for a in answers if a["status"] == "rejected"]
        applied = [a["id"] for a in answers if a["status"] == "applied"]
        rr = RowReport(row_no, mapped.legacy_id, outcome, pid, [a["id"] for a in answers])
        if rejected:
            rr.outcome = "rejected"
            rr.message = "; ".join(
                f"{a['message']} {a.get('fields') or ''}".strip() for a in rejected
            )
        elif not applied and outcome != "review":
            rr.outcome = "unchanged"
        elif outcome == "review" and review_with is not None:
            other_id, result = review_with
            rr.message = f"{other_id} ({result.score:.2f}): " + "; ".join(result.explain(lang))
            _queue_pair(conn, own_pid, other_id, result.score,
                        [r.as_dict() for r in result.reasons], now)  # fmt: skip
        if rr.outcome in ("created", "review"):
            index.upsert(query)
        report.rows.append(rr)
    log_rows = [
        {"run_id": report.run_id, "at": now, "username": actor.username, "source": source,
         "file_sha256": report.sha256, "row_no": r.row_no, "legacy_id": r.legacy_id[:60],
         "outcome": r.outcome, "person_id": r.person_id, "records": r.records,
         "message": r.message[:1000]}
        for r in report.rows
    ]  # fmt: skip
    if log_rows:
        conn.execute(legacy_import_log.insert(), log_rows)


def _op(key: str, what: str, collection: str, record_id: str, fields: dict[str, Any]) -> OpIn:
    return OpIn(op_id=uuid.UUID(_uid(key, what, "op")), collection=collection,
                id=uuid.UUID(record_id), kind="create", fields=fields)  # fmt: skip


def _queue_pair(conn: Any, a: str, b: str, score: float, reasons: Any, now: datetime) -> None:
    pid = pair_id(a, b)
    if conn.execute(
        sa.select(duplicate_candidates.c.id).where(duplicate_candidates.c.id == pid)
    ).first():
        return
    x, y = sorted((a, b))
    conn.execute(duplicate_candidates.insert().values(
        id=pid, person_a=x, person_b=y, score=score, reasons=reasons, status="open",
        found_at=now, updated_at=now,
    ))  # fmt: skip


def write_report(path: Path, report: ImportReport) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["row", "legacy_id", "outcome", "person_id", "records", "message"])
        for r in report.rows:
            w.writerow([r.row_no, r.legacy_id, r.outcome, r.person_id or "", " ".join(r.records),
                        r.message])  # fmt: skip


def cmd_import_legacy(args: argparse.Namespace) -> int:
    from registry_server.actions import ACTIONS, install_rules
    from registry_server.config import database_url_from
    from registry_server.db import make_engine
    from registry_server.reference_store import ReferenceCache

    path = Path(args.input)
    if not path.is_file():
        print(f"Kļūda: fails {path} nav atrasts.\nError: file {path} not found.", file=sys.stderr)  # noqa: T201
        return 2
    engine = make_engine(database_url_from(args.database))
    push_engine = PushEngine(ReferenceCache(), ACTIONS)
    install_rules(push_engine)
    try:
        report = run_import(
            engine, push_engine, args.source, path.read_bytes(), dry_run=args.dry_run
        )
    finally:
        engine.dispose()
    if args.report:
        write_report(Path(args.report), report)
    counts = report.counts()
    label = "IZMĒĢINĀJUMS, nekas nav saglabāts / DRY RUN, nothing saved. " if args.dry_run else ""
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items()))
    print(f"{label}{args.source.upper()} {path.name}: {len(report.rows)} rows — {summary}")  # noqa: T201
    for r in report.rows:
        if r.outcome in ("rejected", "review"):
            print(f"  {r.row_no}: {r.legacy_id} {r.outcome} {r.message}")  # noqa: T201
    return 1 if counts.get("rejected") else 0
