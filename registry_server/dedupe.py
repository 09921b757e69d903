"""Batch matching tools of the `registry-server` command line.

    registry-server dedupe --input persons.csv --output pairs.csv [--threshold 0.5]
    registry-server find-duplicates [--database URL] [--threshold 0.5]
    registry-server import-legacy   [--database URL] --source pmlp|vrs --input FILE
                                    [--dry-run] [--report FILE]

`dedupe` needs no database. Its input is a CSV file (UTF-8, comma-separated, a header
row) with the columns

    id, given_names, surname, date_of_birth, sex, citizenship, document_number,
    personal_code, place_of_birth

of which only `id` is required; other columns are ignored. Dates may be YYYY-MM-DD,
YYYY-MM, YYYY, YYYYMMDD or DD.MM.YYYY. Names may be in any script or transliteration.
The output lists the pairs judged to be the same person: `id_a, id_b, score`, one pair
per line, `id_a` < `id_b`, highest score first.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from registry_core.matching import MATCH_THRESHOLD, BlockingIndex, Prepared, prepare

COLUMNS = (
    "id",
    "given_names",
    "surname",
    "date_of_birth",
    "sex",
    "citizenship",
    "document_number",
    "personal_code",
    "place_of_birth",
)


class InputError(Exception):
    def __init__(self, lv: str, en: str) -> None:
        super().__init__(en)
        self.lv = lv
        self.en = en


def read_persons(stream: TextIO) -> Iterator[Prepared]:
    reader = csv.DictReader(stream)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "id" not in header:
        raise InputError("ievades failā nav kolonnas “id”.", "the input has no “id” column.")
    reader.fieldnames = header
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        rid = (row.get("id") or "").strip()
        if not rid:
            raise InputError(f"{line}. rindā nav id.", f"line {line} has no id.")
        if rid in seen:
            raise InputError(
                f"{line}. rindā atkārtojas id {rid}.", f"line {line} repeats id {rid}."
            )
        seen.add(rid)
        data = {k: (v or "").strip() for k, v in row.items() if k in COLUMNS}
        yield prepare(data, record_id=rid)


@dataclass(frozen=True)
class Pair:
    id_a: str
    id_b: str
    score: float


def find_pairs(persons: Iterable[Prepared], threshold: float = MATCH_THRESHOLD) -> list[Pair]:
    index = BlockingIndex()
    index.add_many(persons)
    out = []
    for a, b, result in index.pairs(min_score=threshold):
        x, y = sorted((a.id, b.id))
        out.append(Pair(x, y, result.score))
    out.sort(key=lambda p: (-p.score, p.id_a, p.id_b))
    return out


def dedupe_rows(
    rows: Iterable[Mapping[str, Any]], threshold: float = MATCH_THRESHOLD
) -> list[Pair]:
    """The same as the CLI for rows already in memory (used by the benchmark)."""
    return find_pairs(
        (
            prepare({k: v for k, v in r.items() if k in COLUMNS}, record_id=str(r["id"]))
            for r in rows
        ),
        threshold,
    )


def write_pairs(stream: TextIO, pairs: Iterable[Pair]) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(["id_a", "id_b", "score"])
    n = 0
    for pair in pairs:
        writer.writerow([pair.id_a, pair.id_b, f"{pair.score:.4f}"])
        n += 1
    return n


def _die(lv: str, en: str, code: int = 2) -> int:
    print(f"Kļūda: {lv}\nError: {en}", file=sys.stderr)  # noqa: T201
    return code


def cmd_dedupe(args: argparse.Namespace) -> int:
    if not 0 < args.threshold < 1:
        return _die("--threshold jābūt starp 0 un 1.", "--threshold must be between 0 and 1.")
    source = Path(args.input)
    if not source.is_file():
        return _die(f"fails {source} nav atrasts.", f"file {source} not found.")
    try:
        with source.open(encoding="utf-8-sig", newline="") as stream:
            persons = list(read_persons(stream))
    except InputError as exc:
        return _die(exc.lv, exc.en)
    except UnicodeDecodeError:
        return _die("ievades failam jābūt UTF-8 kodējumā.", "the input must be UTF-8.")
    pairs = find_pairs(persons, args.threshold)
    with Path(args.output).open("w", encoding="utf-8", newline="") as out:
        n = write_pairs(out, pairs)
    print(  # noqa: T201
        f"Personas: {len(persons)}, iespējami dublikāti: {n} pāri. / "
        f"Persons: {len(persons)}, likely duplicates: {n} pairs."
    )
    return 0


def cmd_find_duplicates(args: argparse.Namespace) -> int:
    from registry_server.config import database_url_from
    from registry_server.db import make_engine
    from registry_server.matching import find_duplicates

    engine = make_engine(database_url_from(args.database))
    try:
        report = find_duplicates(engine, threshold=args.threshold)
    finally:
        engine.dispose()
    print(  # noqa: T201
        f"Pārbaudītas personas: {report['persons']}, jauni pāri rindā: {report['added']}, "
        f"atjaunināti: {report['updated']}. / Persons checked: {report['persons']}, "
        f"new pairs queued: {report['added']}, updated: {report['updated']}."
    )
    return 0


def cmd_import_legacy(args: argparse.Namespace) -> int:
    from registry_server.legacy_import import cmd_import_legacy as run

    return int(run(args))


def add_matching_commands(sub: Any) -> None:
    """Add `dedupe`, `find-duplicates` and `import-legacy` to the CLI's subparsers."""
    p = sub.add_parser("dedupe", help="find likely duplicate persons in a CSV file")
    p.add_argument("--input", required=True, help="persons.csv (id, given_names, surname, …)")
    p.add_argument("--output", required=True, help="pairs.csv (id_a, id_b, score)")
    p.add_argument("--threshold", type=float, default=MATCH_THRESHOLD)
    p.set_defaults(func=cmd_dedupe)

    p = sub.add_parser("find-duplicates", help="fill the administrators' duplicates queue")
    p.add_argument("--database", help="postgresql+psycopg://… or sqlite:///…")
    p.add_argument("--threshold", type=float, default=0.8)
    p.set_defaults(func=cmd_find_duplicates)

    p = sub.add_parser("import-legacy", help="import a PMLP or VRS legacy register export")
    p.add_argument("--database", help="postgresql+psycopg://… or sqlite:///…")
    p.add_argument("--source", required=True, choices=["pmlp", "vrs"])
    p.add_argument("--input", required=True)
    p.add_argument("--dry-run", action="store_true", help="report only; change nothing")
    p.add_argument("--report", help="also write the row-by-row report to this CSV file")
    p.set_defaults(func=cmd_import_legacy)
