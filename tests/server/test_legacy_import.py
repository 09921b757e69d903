"""`registry-server import-legacy`: PMLP and VRS exports, matching, dry run, idempotence."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from registry_server.actions import ACTIONS, install_rules
from registry_server.db import make_engine
from registry_server.dedupe import add_matching_commands
from registry_server.legacy_import import run_import
from registry_server.push import PushEngine
from registry_server.reference_store import ReferenceCache
from tests.server.conftest import Registry
from tests.server.factories import new_id, op, person_fields

PMLP = (
    "IER_NR;UZVARDS;VARDS;UZVARDS_ORIG;VARDS_ORIG;DZ_DATUMS;DZIMUMS;PILSONIBA;PERS_KODS;"
    "DOK_NR;DOK_VALSTS;LIKUMS;PANTS;DALA;PUNKTS;PARK_DATUMS;PARK_VIETA;LEM_DATUMS;DER_NO;"
    "DER_LIDZ;LEM_PIEN;TERIT;LEMUMS\n"
    "1001;SHCHEGLOV;ANDREY;Щеглов;Андрей;12.03.1975;V;RU;;7512345;RU;Imigrācijas likums;61;2;;"
    "01.02.2009;Terehova;15.02.2009;;NENOTEIKTS;AM;LV;AM rīkojums Nr. 12\n"
    "1002;BERZINS;JANIS;;;16.11.1975;V;LVA;161175-19997;;;Imigrācijas likums;61;1;;;;"
    "10.10.2010;10.10.2010;10.10.2015;IEM;LV+SCH;\n"
    "1003;KOVALENKO;OLEG;;;00.00.1980;V;UA;;;;Imigrācijas likums;61;1;;;;10.10.2010;;;XYZ;LV;\n"
    "1004;SCEGLOVS;ANDREJS;;;1975-03-12;V;RUS;;7512345;RUS;Imigrācijas likums;61;1;;;;"
    "05.05.2012;05.05.2012;05.05.2017;PMLP;LV;\n"
)

VRS = (
    "REG_NR,UZVARDS,VARDS,UZVARDS_DZ,TEVVARDS,DZ_DATUMS,DZIMUMS,PILSONIBA,PERS_KODS,DZ_VIETA,"
    "DOK_VEIDS,DOK_NR,DOK_VALSTS,IPAS_PAZIMES,AIZT_DATUMS,AIZT_VIETA,PIEZIMES,ETNISKA\n"
    "V-77,SHCHEGLOV,ANDREI,,ANDREEVICH,12.03.1975,V,RUS,,Pskov,PASE,,,,03.03.2013,Daugavpils,,x\n"
    "V-78,NAZAROVA,AIGUL,,,1990,S,KAZ,,,ID,KZ998877,KAZ,rēta uz kreisās rokas,,,,y\n"
)


def _engines(url: str) -> tuple[Any, PushEngine]:
    engine = make_engine(url)
    push_engine = PushEngine(ReferenceCache(), ACTIONS)
    install_rules(push_engine)
    return engine, push_engine


def _count(engine: Any, collection: str) -> int:
    with engine.connect() as conn:
        return int(
            conn.execute(
                sa.text("SELECT count(*) FROM records WHERE collection = :c"), {"c": collection}
            ).scalar_one()
        )


def test_pmlp_import_maps_codes_matches_and_is_idempotent(registry: Registry) -> None:
    officer = registry.login("pmlp.officer")
    known = new_id()
    (res,) = officer.push(op("persons", known, **person_fields(
        given_names_latin="JANIS", surname_latin="BERZINS", given_names_native=None,
        surname_native=None, name_reproduction_lv=None, sex="M", date_of_birth="1975-11-16",
        personal_code="161175-19997", nationalities=[{"country": "LVA"}],
    )))  # fmt: skip
    assert res["status"] == "applied", res
    engine, push_engine = _engines(registry.url)
    data = PMLP.encode("utf-8-sig")  # with a BOM, as spreadsheet exports write it

    dry = run_import(engine, push_engine, "pmlp", data, dry_run=True)
    assert [r.outcome for r in dry.rows] == ["created", "matched", "rejected", "matched"]
    assert _count(engine, "persons") == 1 and _count(engine, "entry-bans") == 0

    first = run_import(engine, push_engine, "pmlp", data, lang="en")
    outcomes = {r.legacy_id: r for r in first.rows}
    assert [r.outcome for r in first.rows] == ["created", "matched", "rejected", "matched"]
    assert outcomes["1002"].person_id == known
    assert outcomes["1004"].person_id == outcomes["1001"].person_id  # same passport
    assert outcomes["1003"].message.startswith("lem_pien: unknown decision maker")
    assert _count(engine, "persons") == 2 and _count(engine, "entry-bans") == 3
    ban = officer.get(f"/entry-bans/{outcomes['1001'].records[-1]}").json()
    assert ban["decision_maker"] == "foreign_minister" and ban["appealable"] is False
    assert ban["indefinite"] is True and ban["start_pending_departure"] is True
    basis = ban["legal_basis"][0]
    assert (basis["act"], basis["section"], basis["part"]) == ("Imigrācijas likums", "61", "2")
    person = officer.get(f"/persons/{outcomes['1001'].person_id}").json()
    assert person["nationalities"][0]["country"] == "RUS" and person["surname_native"] == "Щеглов"
    ban2 = officer.get(f"/entry-bans/{outcomes['1002'].records[-1]}").json()
    assert ban2["territorial_scope"] == "LV_SCHENGEN" and ban2["valid_until"] == "2015-10-10"

    second = run_import(engine, push_engine, "pmlp", data)
    assert [r.outcome for r in second.rows] == ["unchanged", "unchanged", "rejected", "unchanged"]
    assert _count(engine, "persons") == 2 and _count(engine, "entry-bans") == 3
    with engine.connect() as conn:
        runs = conn.execute(
            sa.text("SELECT count(DISTINCT run_id), count(*) FROM legacy_import_log")
        ).one()
    assert tuple(runs) == (2, 8)  # the dry run left no log
    engine.dispose()


def test_vrs_import_queues_uncertain_match_and_cli_dry_run(
    registry: Registry, tmp_path: Path, capsys: Any
) -> None:
    engine, push_engine = _engines(registry.url)
    run_import(engine, push_engine, "pmlp", PMLP.encode("utf-8"))
    src = tmp_path / "nir.csv"
    src.write_text(VRS, encoding="utf-8")
    report_csv = tmp_path / "report.csv"

    parser = argparse.ArgumentParser()
    add_matching_commands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["import-legacy", "--database", registry.url, "--source", "vrs",
                              "--input", str(src), "--dry-run", "--report", str(report_csv)])  # fmt: skip
    assert args.func(args) == 0
    assert "DRY RUN" in capsys.readouterr().out
    assert "V-77,review" in report_csv.read_text(encoding="utf-8")
    assert _count(engine, "persons") == 2

    report = run_import(engine, push_engine, "vrs", VRS.encode("utf-8"))
    assert [r.outcome for r in report.rows] == ["review", "created"]
    with engine.connect() as conn:
        pairs = conn.execute(
            sa.text("SELECT person_a, person_b, status FROM duplicate_candidates")
        ).all()
    assert len(pairs) == 1 and report.rows[0].person_id in pairs[0][:2]
    officer = registry.login("vrs.officer")
    nir = officer.get(f"/persons/{report.rows[0].person_id}").json()
    assert nir["patronymic"] == "ANDREEVICH" and "VRS NIR V-77" in nir["notes"]
    assert "Daugavpils" in nir["notes"] and nir.get("ethnicity") is None
    kaz = officer.get(f"/persons/{report.rows[1].person_id}").json()
    assert kaz["date_of_birth"] == "1990" and kaz["sex"] == "F"
    again = run_import(engine, push_engine, "vrs", VRS.encode("utf-8"))
    assert [r.outcome for r in again.rows] == ["unchanged", "unchanged"]
    engine.dispose()
