"""`registry-server dedupe --input persons.csv --output pairs.csv`."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

import pytest

from registry_server.dedupe import add_matching_commands


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="registry-server")
    sub = parser.add_subparsers(dest="command", required=True)
    add_matching_commands(sub)
    args = parser.parse_args(list(argv))
    return int(args.func(args))


ROWS = [
    # id, given_names, surname, date_of_birth, sex, citizenship, document_number, personal_code, place_of_birth, extra
    ["p1", "IULIIA", "SHCHEGLOVA", "1991-03-12", "F", "RUS", "", "", "Pskov", "x"],
    ["p2", "Юлия", "Щеглова", "19911203", "F", "RUS", "", "", "", "y"],
    ["p3", "Jūlija", "Ščeglova", "1991", "", "", "", "", "", ""],
    ["p4", "IVAN", "IVANOV", "1980-05-01", "M", "RUS", "", "", "", ""],
    ["p5", "IVAN", "IVANOV", "1975-11-23", "M", "RUS", "", "", "", ""],
    ["p6", "ANDREJS", "VIDNIJS", "1979-06", "M", "", "", "", "", ""],
    ["p7", "ANDREY", "VIDNYY", "1979-06-02", "M", "RUS", "", "", "", ""],
    ["p8", "ANNA", "OZOLA", "", "F", "LVA", "", "161175-19997", "", ""],
    ["p9", "ANNA", "BERZINA", "1975-11-16", "F", "LVA", "", "16117519997", "", ""],
    ["p10", "MARTA", "KALNINA", "1990-01-01", "F", "", "LV1234567", "", "", ""],
    ["p11", "MARTA", "KALNA", "", "", "", "lv 1234567", "", "", ""],
]


def _write_input(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "given_names", "surname", "date_of_birth", "sex", "citizenship",
                    "document_number", "personal_code", "place_of_birth", "comment"])  # fmt: skip
        w.writerows(ROWS)


def test_dedupe_writes_the_pairs_judged_the_same_person(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "persons.csv", tmp_path / "pairs.csv"
    _write_input(src)
    assert run("dedupe", "--input", str(src), "--output", str(out)) == 0
    with out.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id_a", "id_b", "score"]
    pairs = {(r["id_a"], r["id_b"]) for r in rows}
    assert pairs == {
        ("p1", "p2"), ("p1", "p3"), ("p2", "p3"), ("p6", "p7"), ("p8", "p9"), ("p10", "p11"),
    }  # fmt: skip
    scores = [float(r["score"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and all(0.5 <= s <= 1 for s in scores)
    assert "Persons: 11" in capsys.readouterr().out


def test_dedupe_minimal_columns_and_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("ID,Surname\n1,OZOLS\n2,OZOLS\n", encoding="utf-8")
    assert run("dedupe", "--input", str(src), "--output", str(out)) == 0
    assert out.read_text(encoding="utf-8").splitlines()[0] == "id_a,id_b,score"
    src.write_text("surname\nOZOLS\n", encoding="utf-8")
    assert run("dedupe", "--input", str(src), "--output", str(out)) == 2
    err = capsys.readouterr().err
    assert "Kļūda" in err and "no “id” column" in err
    src.write_text("id,surname\n1,OZOLS\n1,KALNS\n", encoding="utf-8")
    assert run("dedupe", "--input", str(src), "--output", str(out)) == 2
    assert "repeats id 1" in capsys.readouterr().err
    assert run("dedupe", "--input", str(tmp_path / "missing.csv"), "--output", str(out)) == 2
    assert run("dedupe", "--input", str(src), "--output", str(out), "--threshold", "1.5") == 2
