"""`/persons/match`, the duplicates queue, merge and undo, other-identity links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from fastapi.testclient import TestClient

from registry_server.app import create_app
from registry_server.config import Settings
from registry_server.db import make_engine
from registry_server.matching import find_duplicates
from registry_server.matching import router as matching_router
from tests.server.conftest import Api, Registry
from tests.server.factories import case_fields, new_id, op, person_fields


def with_matching(app: FastAPI) -> FastAPI:
    """Include the matching router unless the app already does (once the lead wires it)."""
    if not any(getattr(r, "path", "") == "/api/v1/persons/match" for r in app.routes):
        app.include_router(matching_router, prefix="/api/v1")
    return app


@pytest.fixture
def reg(database_url: str) -> Iterator[Registry]:
    app = with_matching(create_app(Settings(database_url=database_url, training=False)))
    with TestClient(app) as client:
        yield Registry(client, database_url)


def _person(api: Api, **over: Any) -> str:
    pid = new_id()
    (res,) = api.push(op("persons", pid, **person_fields(**over)))
    assert res["status"] == "applied", res
    return pid


def _doc(api: Api, pid: str, number: str, state: str = "RUS") -> str:
    did = new_id()
    (res,) = api.push(
        op("documents", did, person_id=pid, doc_type="P", series_and_number=number,
           issuing_state=state)
    )  # fmt: skip
    assert res["status"] == "applied", res
    return did


def _audit(url: str, action: str) -> list[Any]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT record_id, username FROM audit_log WHERE action = :a ORDER BY id"),
            {"a": action},
        ).all()
    engine.dispose()
    return list(rows)


def test_match_ranks_transliteration_variants_with_reasons_and_audits(reg: Registry) -> None:
    api = reg.login("vrs.officer")
    target = _person(api)  # Юлия Щеглова, 1991-03-14
    _doc(api, target, "751234567")
    namesake = _person(
        api, given_names_latin="IULIIA", surname_latin="SHCHEGLOVA", given_names_native=None,
        surname_native=None, name_reproduction_lv=None, date_of_birth="1968-08-30",
    )  # fmt: skip
    stranger = _person(
        api, given_names_latin="OKSANA", surname_latin="BONDARENKO", given_names_native=None,
        surname_native=None, name_reproduction_lv=None, date_of_birth="1991-03-14",
    )  # fmt: skip
    r = api.post(
        "/persons/match",
        {"given_names": "YULIYA", "surname": "SHCHEGLOVA", "date_of_birth": "1991-14-03",
         "nationalities": ["rus"]},
        **{"Accept-Language": "en"},
    )  # fmt: skip
    assert r.status_code == 200, r.text
    cands = r.json()["candidates"]
    assert cands[0]["person"]["id"] == target
    assert cands[0]["score"] > 0.9
    codes = [x["code"] for x in cands[0]["reasons"]]
    assert "match.surname_same" in codes and "match.given_translit" in codes
    assert "match.dob_same" in codes  # 1991-14-03 can only be read day-month swapped
    assert {"lv", "en"} <= set(cands[0]["reasons"][0])
    ids = [c["person"]["id"] for c in cands]
    assert stranger not in ids
    assert namesake not in ids or cands[ids.index(namesake)]["score"] < 0.3
    # by document number only, with the Latvian reason text
    r = api.post("/persons/match", {"documents": [{"number": "75 1234567"}]})
    top = r.json()["candidates"][0]
    assert top["person"]["id"] == target
    assert "tas pats pases numurs" in top["summary"]
    # every candidate shown is audited as a read
    reads = _audit(reg.url, "match")
    assert (target, "vrs.officer") in [tuple(x) for x in reads]


def test_match_index_follows_writes_through_the_feed(reg: Registry) -> None:
    api = reg.login("pmlp.officer")
    body = {"given_names": "ANDREY", "surname": "VIDNYY", "date_of_birth": "1979-06-02"}
    assert api.post("/persons/match", body).json()["candidates"] == []  # builds the index
    pid = _person(
        api, given_names_latin="ANDREI", surname_latin="VIDNYI", given_names_native="Андрей",
        surname_native="Видный", name_reproduction_lv="Andrejs Vidnijs",
        date_of_birth="1979-06-02", sex="M",
    )  # fmt: skip
    found = api.post("/persons/match", body).json()["candidates"]
    assert [c["person"]["id"] for c in found] == [pid]
    (upd,) = api.push(op("persons", pid, "update", 1, date_of_birth="1955-01-01"))
    assert upd["status"] == "applied"
    again = api.post("/persons/match", {**body, "min_score": 0.5}).json()["candidates"]
    assert again == []


def test_match_rejects_bad_input_with_bilingual_field_messages(reg: Registry) -> None:
    api = reg.login("vrs.officer")
    r = api.post("/persons/match", {"given_names": "ANNA"})
    assert r.status_code == 422
    assert r.json()["fields"]["surname"].startswith("Norādiet uzvārdu")
    r = api.post("/persons/match", {"surname": "OZOLS", "date_of_birth": "31.02.1990"},
                 **{"Accept-Language": "en"})  # fmt: skip
    assert r.status_code == 422 and "YYYY-MM-DD" in r.json()["fields"]["date_of_birth"]
    r = api.post("/persons/match", {"surname": "OZOLS", "limit": 0, "colour": "red"})
    assert r.status_code == 422
    assert set(r.json()["fields"]) == {"limit", "colour"}
    stats = reg.login("analyst")
    assert stats.post("/persons/match", {"surname": "OZOLS"}).status_code == 403


def test_merge_moves_records_leaves_tombstone_and_undo_restores(reg: Registry) -> None:
    officer = reg.login("vrs.officer")
    admin = reg.login("admin")
    keep = _person(officer, place_of_birth="Pskov")
    gone = _person(
        officer, given_names_latin="YULIYA", surname_latin="SHCHEGLOVA",
        date_of_birth="1991-03-14", place_of_birth="Pskov oblast", given_names_native=None,
    )  # fmt: skip
    doc = _doc(officer, gone, "AB1234567")
    case_id = new_id()
    (c,) = officer.push(op("cases", case_id, **case_fields(gone)))
    assert c["status"] == "applied", c
    # an officer may not merge
    body = {"survivor_id": keep, "merged_id": gone, "choose": {"place_of_birth": "merged"}}
    assert officer.post("/persons/merge", body).status_code == 403
    r = admin.post("/persons/merge", {**body, "choose": {"colour": "merged"}})
    assert r.status_code == 422 and "choose.colour" in r.json()["fields"]
    r = admin.post("/persons/merge", {**body, "reason": "one person, two records"})
    assert r.status_code == 200, r.text
    merge = r.json()
    assert {m["id"] for m in merge["moved"]} == {doc, case_id}
    assert merge["survivor"]["place_of_birth"] == "Pskov oblast"
    assert merge["survivor"]["other_identities"][-1]["person_id"] == gone
    tomb = officer.get(f"/persons/{gone}").json()
    assert tomb["merged_into"] == keep and tomb["deleted"] is True
    assert officer.get(f"/cases/{case_id}").json()["person_id"] == keep
    assert officer.get(f"/documents/{doc}").json()["version"] == 2
    # every move is in the change feed, and the merge is audited
    feed = officer.get("/changes?since=0&limit=1000").json()["changes"]
    assert {(x["record_id"] if "record_id" in x else x["id"]) for x in feed} >= {doc, case_id, gone}
    assert _audit(reg.url, "person_merge")
    # the tombstone cannot be merged again, nor can new records be hung on it
    assert admin.post("/persons/merge", body).status_code == 409
    (late,) = officer.push(op("documents", new_id(), person_id=gone, doc_type="P",
                              series_and_number="ZZ9999999", issuing_state="RUS"))  # fmt: skip
    assert late["status"] == "rejected"
    # undo: only an administrator
    url = f"/persons/merges/{merge['merge_id']}/undo"
    assert reg.login("pmlp.official").post(url, {}).status_code == 403
    r = admin.post(url, {})
    assert r.status_code == 200, r.text
    assert set(r.json()["moved_back"]) == {doc, case_id}
    back = officer.get(f"/persons/{gone}").json()
    assert back["deleted"] is False and back.get("merged_into") is None
    survivor = officer.get(f"/persons/{keep}").json()
    assert survivor["place_of_birth"] == "Pskov" and survivor["other_identities"] == []
    assert officer.get(f"/cases/{case_id}").json()["person_id"] == gone
    assert admin.post(url, {}).status_code == 409
    assert admin.get(f"/persons/merges/{merge['merge_id']}").json()["status"] == "undone"


def test_duplicates_queue_filled_by_batch_run_dismiss_and_links(reg: Registry) -> None:
    officer = reg.login("pmlp.officer")
    admin = reg.login("admin")
    a = _person(officer)
    b = _person(
        officer, given_names_latin="JULIJA", surname_latin="SCEGLOVA", given_names_native=None,
        surname_native=None, name_reproduction_lv=None, date_of_birth="1991-03-14",
    )  # fmt: skip
    c = _person(officer, given_names_latin="OLEG", surname_latin="PETROV",
                given_names_native=None, surname_native=None, name_reproduction_lv=None,
                sex="M", date_of_birth="1960")  # fmt: skip
    engine = make_engine(reg.url)
    report = find_duplicates(engine, threshold=0.8)
    assert report == {"persons": 3, "added": 1, "updated": 0}
    assert find_duplicates(engine, threshold=0.8)["added"] == 0  # rerun adds nothing
    assert officer.get("/persons/duplicates/queue").status_code == 403
    items = admin.get("/persons/duplicates/queue").json()["items"]
    assert len(items) == 1 and {items[0]["person_a"]["id"], items[0]["person_b"]["id"]} == {a, b}
    assert c not in (items[0]["person_a"]["id"], items[0]["person_b"]["id"])
    # linking marks the pair as decided; the link is on both records
    r = officer.post(f"/persons/{a}/links", {"other_person_id": b, "source": "two passports"})
    assert r.status_code == 200, r.text
    assert officer.get(f"/persons/{b}").json()["other_identities"][0]["person_id"] == a
    assert admin.get("/persons/duplicates/queue").json()["items"] == []
    assert (
        admin.get("/persons/duplicates/queue?status=linked").json()["items"][0]["id"]
        == items[0]["id"]
    )
    assert find_duplicates(engine, threshold=0.8)["added"] == 0  # decided: not queued again
    r = officer.client.delete(f"/api/v1/persons/{a}/links/{b}", headers=officer.headers())
    assert r.status_code == 200 and set(r.json()["unlinked"]) == {a, b}
    assert officer.post(f"/persons/{a}/links", {"other_person_id": a}).status_code == 422
    # dismiss
    d = _person(officer, given_names_latin="OLEGS", surname_latin="PETROVS",
                given_names_native=None, surname_native=None, name_reproduction_lv=None,
                sex="M", date_of_birth="1960-02-02")  # fmt: skip
    assert find_duplicates(engine, threshold=0.8)["added"] == 1
    (pair,) = admin.get("/persons/duplicates/queue").json()["items"]
    assert {pair["person_a"]["id"], pair["person_b"]["id"]} == {c, d}
    assert (
        admin.post(f"/persons/duplicates/{pair['id']}/dismiss", {}).json()["status"] == "dismissed"
    )
    assert admin.get("/persons/duplicates/queue").json()["items"] == []
    engine.dispose()
