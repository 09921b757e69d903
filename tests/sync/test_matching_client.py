"""Duplicate-check candidates (issue 5, item 4): the local cache searched by every key of
the typed person and scored by `registry_core.matching.score_pair`; the registry's
`POST /persons/match` through `ApiClient.match_persons` (the real registry of
tests/sync/conftest.py); the two merged, one row per person. Fictitious persons only."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from sync.api import ApiClient
from sync.errors import Unreachable
from sync.local_first import LocalWriter
from sync.matching_client import (
    THRESHOLD,
    cache_age,
    find_candidates,
    local_candidates,
    match_body,
    merge_candidates,
    registry_candidates,
)
from sync.store import LocalStore
from tests.sync.conftest import DEVICE, PERSONS, Registry, free_port

KEY = bytes(range(32))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore.open(tmp_path / "cache" / "officer.db", KEY)
    yield s
    s.close()


def person(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "version": 1,
        "deleted": False,
        "sex": "F",
        "nationalities": [{"country": "RUS", "type": "citizen"}],
    }
    base.update(over)
    return base


ANNA = {
    "given_names_latin": "ANNA", "surname_latin": "KUZNETSOVA", "given_names_native": "Анна",
    "surname_native": "Кузнецова", "name_reproduction_lv": "Anna Kuzņecova",
    "date_of_birth": "1985-04-02",
}  # fmt: skip
TYPED_ANNA = {
    "given_names_latin": "Anna",
    "surname_latin": "Kuzņecova",
    "date_of_birth": "1985-04-02",
    "sex": "F",
    "nationalities": [{"country": "RUS", "type": "citizen"}],
}


@pytest.fixture
def people(store: LocalStore) -> dict[str, dict[str, Any]]:
    out = {
        "anna": person(**ANNA),
        "olga": person(given_names_latin="OLGA", surname_latin="PETROVA",
                       date_of_birth="1990-05-05", nationalities=[{"country": "UKR"}]),
        "martins": person(given_names_latin="MARTINS", surname_latin="OZOLS", sex="M",
                          date_of_birth="1985-04-02", nationalities=[{"country": "LVA"}],
                          personal_code="020485-10018"),
        "gone": person(**{**ANNA, "deleted": True}),
    }  # fmt: skip
    doc = {
        "id": str(uuid.uuid4()), "version": 1, "person_id": out["olga"]["id"], "doc_type": "P",
        "series_and_number": "FB7654321", "issuing_state": "UKR",
    }  # fmt: skip
    store.cache_records([*(("persons", p) for p in out.values()), ("documents", doc)])
    return out


def ids(candidates: list[Any]) -> list[str]:
    return [c.id for c in candidates]


# --------------------------------------------------------------------------- local


def test_latvian_spelling_finds_the_person_and_not_the_unrelated(
    store: LocalStore, people: dict[str, dict[str, Any]]
) -> None:
    found = local_candidates(store, TYPED_ANNA)
    assert ids(found) == [people["anna"]["id"]]  # not Ozols (same date), not the deleted copy
    anna = found[0]
    assert anna.score >= THRESHOLD and anna.sources == ("local",)
    codes = {r.code for r in anna.reasons}
    assert {"match.dob_same", "match.given_same", "match.nationality_same"} <= codes
    assert codes & {"match.surname_latvian", "match.surname_translit"}
    assert "tas pats dzimšanas datums" in anna.reason_texts("lv")
    assert "same date of birth" in anna.reason_texts("en")
    assert anna.fetched_at is not None


@pytest.mark.parametrize(
    ("typed", "who", "reason"),
    [
        ({"surname_latin": "Ozols", "personal_code": "020485-10018"}, "martins",
         "match.same_personal_code"),
        ({"surname_latin": "PETROVA", "given_names_latin": "OLHA", "date_of_birth": "1990",
          "documents": [{"series_and_number": "fb 765 4321", "issuing_state": "UKR"}]},
         "olga", "match.same_passport"),
        ({**TYPED_ANNA, "date_of_birth": "1985-02-04"}, "anna", "match.dob_swapped"),
        ({**TYPED_ANNA, "surname_latin": "Kuznecova", "date_of_birth": "1986-04-02"}, "anna",
         "match.dob_typo"),
        ({"surname_native": "Кузнецова", "given_names_native": "Анна",
          "date_of_birth": "1985-04"}, "anna", "match.dob_partial_month"),
    ],
)  # fmt: skip
def test_found_by_every_key(
    store: LocalStore,
    people: dict[str, dict[str, Any]],
    typed: dict[str, Any],
    who: str,
    reason: str,
) -> None:
    found = local_candidates(store, typed)
    assert found and found[0].id == people[who]["id"], [c.person["surname_latin"] for c in found]
    assert reason in {r.code for r in found[0].reasons}
    if who == "olga":
        assert found[0].documents[0]["series_and_number"] == "FB7654321"


def test_pending_person_found_and_excluded_ids_left_out(store: LocalStore) -> None:
    pid = str(uuid.uuid4())
    LocalWriter(store, "vrs.officer").save("persons", pid, dict(ANNA, sex="F",
        nationalities=[{"country": "RUS", "type": "citizen"}]))  # fmt: skip
    assert ids(local_candidates(store, TYPED_ANNA)) == [pid]  # not yet in the registry
    assert local_candidates(store, TYPED_ANNA, exclude_ids=[pid]) == []


def test_nothing_to_look_up_by(store: LocalStore, people: dict[str, dict[str, Any]]) -> None:
    assert local_candidates(store, {"sex": "F"}) == []
    assert match_body({"sex": "F", "given_names_latin": "Anna"}) is None


def test_match_body_shape() -> None:
    body = match_body(
        {**TYPED_ANNA, "patronymic": "  ", "date_of_birth": "31.02.1985", "sex": "U",
         "personal_code": "020485-10018", "previous_surnames": ["Ivanova", ""],
         "nationalities": [{"country": "rus"}, {"country": "??"}]},
        [{"series_and_number": "75 20 12345", "issuing_state": "RUS"}],
        exclude_ids=["not-a-uuid", "6f1c2a4e-5b7d-4c1e-9a3f-2d8e0b7c6a51"],
    )  # fmt: skip
    assert body == {
        "given_names": "Anna",
        "surname": "Kuzņecova",
        "previous_surnames": ["Ivanova"],
        "sex": "U",
        "nationalities": ["RUS"],
        "documents": [{"number": "752012345", "issuing_state": "RUS"}],
        "personal_code": "020485-10018",
        "exclude_ids": ["6f1c2a4e-5b7d-4c1e-9a3f-2d8e0b7c6a51"],
        "limit": 20,
        "min_score": 0.3,
    }  # fmt: skip  (an impossible date is not sent: the registry would refuse the call)


# --------------------------------------------------------------------------- registry

JULIIA_TYPED = {
    "given_names_latin": "Jūlija",
    "surname_latin": "Ščeglova",
    "date_of_birth": "1991-03-14",
    "nationalities": [{"country": "RUS", "type": "citizen"}],
}


def test_registry_candidates(api: ApiClient, registry: Registry) -> None:
    found = registry_candidates(api, JULIIA_TYPED)
    assert found[0].id == registry.seeded.persons["juliia"]
    first = found[0]
    assert first.sources == ("registry",) and first.score >= THRESHOLD
    assert first.person["surname_latin"] == "SHCHEGLOVA"
    assert "tas pats dzimšanas datums" in first.reason_texts("lv")
    assert "same date of birth" in first.reason_texts("en")
    assert registry.seeded.persons["sergei"] not in ids(found)
    # Every field the client sends is one the registry accepts.
    body = match_body(
        {**PERSONS["sergei"], "previous_surnames": ["Ivanovs"], "place_of_birth": "Minska",
         "foreign_id_number": "BY-5511", "patronymic": "Petrovich"},
        [{"series_and_number": "MP3380071", "issuing_state": "BLR"}],
    )  # fmt: skip
    assert body is not None
    answer = api.match_persons(body)
    assert answer["candidates"][0]["person"]["id"] == registry.seeded.persons["sergei"]


def test_local_and_registry_scores_agree(
    api: ApiClient, registry: Registry, store: LocalStore
) -> None:
    pid = registry.seeded.persons["juliia"]
    store.cache_dossier(api.dossier(pid))
    local = local_candidates(store, JULIIA_TYPED)
    remote = registry_candidates(api, JULIIA_TYPED)
    mine = next(c for c in local if c.id == pid)
    theirs = next(c for c in remote if c.id == pid)
    assert {r.code for r in mine.reasons} == {r.code for r in theirs.reasons}
    assert abs(mine.score - theirs.score) < 0.05


def test_find_candidates_merges_the_sources(
    api: ApiClient, registry: Registry, store: LocalStore
) -> None:
    pid = registry.seeded.persons["juliia"]
    store.cache_dossier(api.dossier(pid))
    pulled = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
    store.set_meta("sync.pulled_at", pulled.isoformat())
    local_only = person(given_names_latin="JULIJA", surname_latin="SCEGLOVA",
                        date_of_birth="1991-03-14")  # fmt: skip
    store.cache_records([("persons", local_only)])
    report = find_candidates(store, api, JULIIA_TYPED)
    assert report.consulted == ("local", "registry") and report.registry_asked
    assert report.cache_age == pulled == cache_age(store)
    rows = {c.id: c for c in report.candidates}
    assert rows[pid].sources == ("registry", "local")
    assert [d["series_and_number"] for d in rows[pid].documents] == ["752012345"]
    assert rows[local_only["id"]].sources == ("local",)  # not (yet) in the registry
    assert len(rows) == len(report.candidates)  # one row per person
    scores = [c.score for c in report.candidates]
    assert scores == sorted(scores, reverse=True)


def test_offline_and_unreachable(store: LocalStore, people: dict[str, dict[str, Any]]) -> None:
    offline = find_candidates(store, None, TYPED_ANNA)
    assert offline.consulted == ("local",) and not offline.registry_asked
    assert ids(offline.candidates) == [people["anna"]["id"]]
    dead = ApiClient(f"http://127.0.0.1:{free_port()}/api/v1", device_id=DEVICE, timeout=2)
    dead.token = "expired-anyway"
    failing = find_candidates(store, dead, TYPED_ANNA)
    assert failing.consulted == ("local",) and failing.registry_asked
    assert isinstance(failing.registry_error, Unreachable)
    assert ids(failing.candidates) == [people["anna"]["id"]]
    dead.close()


def test_merge_prefers_the_registry_and_keeps_local_documents(
    store: LocalStore, people: dict[str, dict[str, Any]]
) -> None:
    local = local_candidates(store, {"surname_latin": "Petrova", "date_of_birth": "1990-05-05"})
    olga = local[0]
    newer = dict(olga.person, version=2, surname_latin="PETROVA-SIDOROVA")
    remote = [type(olga)(newer, 0.97, olga.reasons, ("registry",), datetime.now(UTC))]
    merged = merge_candidates(local, remote)
    assert len(merged) == 1
    assert merged[0].person["version"] == 2 and merged[0].score == 0.97
    assert merged[0].sources == ("registry", "local")
    assert merged[0].documents == olga.documents
