"""The local store: encryption, migrations, records, reference lists, offline search."""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from sync.api import ApiClient
from sync.errors import CacheUnreadable
from sync.query import parse_query, registry_queries
from sync.store import LocalStore, SearchHit, merge_hits
from sync.store_schema import LATEST, make_engine, migrate
from tests.sync.conftest import Registry

KEY = bytes(range(32))


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "officer.db"


@pytest.fixture
def store(store_path: Path) -> Iterator[LocalStore]:
    s = LocalStore.open(store_path, KEY)
    yield s
    s.close()


def person(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": str(uuid.uuid4()),
        "version": 1,
        "deleted": False,
        "given_names_latin": "IULIIA",
        "surname_latin": "SHCHEGLOVA",
        "given_names_native": "Юлия",
        "surname_native": "Щеглова",
        "name_reproduction_lv": "Jūlija Ščeglova",
        "sex": "F",
        "nationalities": [{"country": "RUS", "type": "citizen"}],
        "date_of_birth": "1991-03-14",
    }
    base.update(over)
    return base


# --------------------------------------------------------------------------- the file


def test_encrypted_at_rest(store: LocalStore, store_path: Path) -> None:
    store.cache_records([("persons", person())])
    store.close()
    raw = store_path.read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    assert b"SHCHEGLOVA" not in raw
    with sqlite3.connect(store_path) as plain, pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT count(*) FROM sqlite_master").fetchall()


def test_unreadable_without_key_or_with_wrong_key(store: LocalStore, store_path: Path) -> None:
    store.cache_records([("persons", person())])
    store.close()
    with pytest.raises(CacheUnreadable) as err:
        LocalStore.open(store_path, None)
    assert "no jauna" in err.value.message("lv") and "rebuilt" in err.value.message("en")
    with pytest.raises(CacheUnreadable):
        LocalStore.open(store_path, os.urandom(32))
    again = LocalStore.open(store_path, KEY)
    assert again.person_count() == 1
    again.close()


def _cipher_settings(store: LocalStore) -> tuple[int, str]:
    return store.read(
        lambda c: (
            int(c.exec_driver_sql("PRAGMA page_size").scalar_one()),
            str(c.exec_driver_sql("PRAGMA cipher_hmac_algorithm").scalar_one()),
        )
    )


def test_new_files_use_the_fast_cipher_format(store: LocalStore) -> None:
    assert _cipher_settings(store) == (8192, "HMAC_SHA256")


def test_a_file_in_sqlcipher_default_format_opens_and_keeps_its_outbox(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache written before the 8 KB / HMAC-SHA256 format (SQLCipher 4's defaults) is
    found on opening and used as it is: unsent ops are never given up for speed."""
    from sync import store_schema
    from sync.local_first import LocalWriter

    with monkeypatch.context() as m:  # the earlier release: no format pragmas at all
        m.setattr(store_schema, "CIPHER_FORMAT", store_schema.LEGACY_FORMAT)
        old = LocalStore.open(store_path, KEY)
        assert _cipher_settings(old) == (4096, "HMAC_SHA512")
        op = LocalWriter(old, "j.ozola").save("persons", str(uuid.uuid4()), {
            "given_names_latin": "ANNA", "surname_latin": "VECAIS", "sex": "F",
        })  # fmt: skip
        old.close()
    again = LocalStore.open(store_path, KEY)
    second = again.opener()()  # the sync engine's connection finds it too
    try:
        assert _cipher_settings(again) == (4096, "HMAC_SHA512")
        assert [o.op_id for o in second.outbox("j.ozola")] == [op.op_id]
        assert again.search("VECAIS")  # and it goes on being written
    finally:
        second.close()
        again.close()
    with pytest.raises(CacheUnreadable):  # a wrong key fails in either format
        LocalStore.open(store_path, os.urandom(32))


def test_a_save_waiting_for_a_background_writer_is_seen_and_let_in(store: LocalStore) -> None:
    """The sync engine's connection writes in the background; the officer's save on the
    desktop's connection waits at the file's gate, the engine sees it waiting, commits,
    and the save goes in at once (not after SQLite's busy handler polls for the lock)."""
    from sync.local_first import LocalWriter

    engine_side = store.opener()()
    done = threading.Event()
    result: list[str] = []

    def save() -> None:
        result.append(
            LocalWriter(store, "j.ozola")
            .save("persons", str(uuid.uuid4()), {"surname_latin": "GAIDA"})
            .op_id
        )
        done.set()

    try:
        assert not engine_side.officer_waiting()
        with engine_side.transaction(background=True) as conn:
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('bench.x', '1')")
            officer = threading.Thread(target=save)
            officer.start()
            deadline = time.monotonic() + 30
            while not engine_side.officer_waiting() and time.monotonic() < deadline:
                time.sleep(0.001)
            assert engine_side.officer_waiting()  # counted while it waits
            assert not done.is_set()  # and it does wait: the background transaction holds the lock
        officer.join(timeout=30)
        assert done.is_set() and not engine_side.officer_waiting()
        assert [op.op_id for op in store.outbox("j.ozola")] == result
        assert store.get_meta("bench.x") == "1"
        engine_side.checkpoint()  # outside any transaction: the WAL copied into the file
    finally:
        engine_side.close()


def test_corrupt_file(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(os.urandom(8192))
    with pytest.raises(CacheUnreadable):
        LocalStore.open(store_path, KEY)
    with pytest.raises(CacheUnreadable):
        LocalStore.open(store_path, None)


def test_damaged_pages(store: LocalStore, store_path: Path) -> None:
    store.cache_records([("persons", person(id=str(uuid.uuid4()))) for _ in range(300)])
    store.close()
    data = bytearray(store_path.read_bytes())
    for offset in range(4096, len(data), 4096):
        data[offset + 100 : offset + 200] = os.urandom(100)
    store_path.write_bytes(bytes(data))
    Path(f"{store_path}-wal").unlink(missing_ok=True)
    with pytest.raises(CacheUnreadable):
        s = LocalStore.open(store_path, KEY)
        s.search("SHCHEGLOVA")


def test_foreign_sqlite_file(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    with sqlite3.connect(store_path) as other:
        other.execute("CREATE TABLE something_else (x)")
    with pytest.raises(CacheUnreadable):
        LocalStore.open(store_path, None)
    with pytest.raises(CacheUnreadable):
        LocalStore.open(store_path, KEY)


def test_too_new(store: LocalStore, store_path: Path) -> None:
    store.close()
    engine = make_engine(store_path, KEY)
    with engine.begin() as conn:
        conn.exec_driver_sql(f"PRAGMA user_version = {LATEST + 1}")
    engine.dispose()
    with pytest.raises(CacheUnreadable) as err:
        LocalStore.open(store_path, KEY)
    assert err.value.code == "cache.too_new"


def test_rebuild(store_path: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.write_bytes(b"not a database at all" * 100)
    Path(f"{store_path}-wal").write_bytes(b"x")
    with pytest.raises(CacheUnreadable):
        LocalStore.open(store_path, KEY)
    LocalStore.rebuild(store_path)
    assert not store_path.exists() and not Path(f"{store_path}-wal").exists()
    fresh = LocalStore.open(store_path, KEY)
    assert fresh.person_count() == 0 and fresh.schema_version == LATEST
    fresh.close()


def test_unencrypted_store_works(store_path: Path) -> None:
    s = LocalStore.open(store_path, None)
    s.cache_records([("persons", person())])
    assert len(s.search("Ščeglova")) == 1
    s.close()


def test_migration_from_v1(store_path: Path) -> None:
    """A cache written by the first release (no search index) is upgraded and indexed."""
    store_path.parent.mkdir(parents=True)
    engine = make_engine(store_path, KEY)
    assert migrate(engine, target=1) == 1
    p = person()
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO records (collection, id, version, deleted, data, fetched_at) "
            "VALUES ('persons', ?, 1, 0, ?, ?)",
            (p["id"], json.dumps(p), datetime.now(UTC).isoformat()),
        )
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('cursor', '17')")
    engine.dispose()
    s = LocalStore.open(store_path, KEY)
    assert s.schema_version == LATEST
    assert s.get_meta("cursor") == "17"
    assert [h.person["id"] for h in s.search("YULIYA SHCHEGLOVA")] == [p["id"]]
    s.close()
    # Opening again runs no step twice.
    again = LocalStore.open(store_path, KEY)
    assert again.schema_version == LATEST
    again.close()


# --------------------------------------------------------------------------- records


def test_keeps_newest_version(store: LocalStore) -> None:
    p2 = person(version=2, surname_latin="SHCHEGLOVA-PETROVA")
    store.cache_records([("persons", p2)])
    store.cache_records([("persons", {**p2, "version": 1, "surname_latin": "OLD"})])
    assert store.get("persons", p2["id"])["surname_latin"] == "SHCHEGLOVA-PETROVA"  # type: ignore[index]
    assert store.search("PETROVA")
    p3 = {**p2, "version": 3, "surname_latin": "ZARINA", "surname_native": None}
    store.cache_records([("persons", p3)])
    assert store.get("persons", p2["id"])["version"] == 3  # type: ignore[index]
    assert not store.search("PETROVA")  # the index follows the newest version
    assert [h.person["id"] for h in store.search("Zariņa")] == [p2["id"]]
    store.cache_records([("persons", {**p3, "version": 4, "deleted": True})])
    assert not store.search("ZARINA")
    assert store.person_count() == 0


def test_same_version_completes_fields(store: LocalStore) -> None:
    p = person()
    store.cache_records([("persons", {k: v for k, v in p.items() if k != "sex"})])
    old = datetime.now(UTC) - timedelta(days=2)
    store.cache_records([("persons", p)], fetched_at=old)
    assert store.get("persons", p["id"])["sex"] == "F"  # type: ignore[index]
    assert store.fetched_at("persons", p["id"]) == old


def test_meta(store: LocalStore) -> None:
    assert store.get_meta("cursor") is None
    store.set_meta("cursor", "5")
    store.set_meta("cursor", "6")
    assert store.get_meta("cursor") == "6"


# --------------------------------------------------------------------------- search


@pytest.fixture
def people(store: LocalStore) -> dict[str, dict[str, Any]]:
    out = {
        "juliia": person(personal_code="140391-10211"),
        "sergei": person(
            given_names_latin="SERGEI",
            surname_latin="IVANOV",
            given_names_native="Сергей",
            surname_native="Иванов",
            name_reproduction_lv="Sergejs Ivanovs",
            date_of_birth="1985-07",
            foreign_id_number="BY-5511",
        ),
        "dmitrii": person(
            given_names_latin="DMITRII",
            surname_latin="KOVALEVSKII",
            given_names_native="Дмитрий",
            surname_native="Ковалевский",
            name_reproduction_lv=None,
            date_of_birth="1978",
        ),
        "elena": person(
            given_names_latin="ELENA",
            surname_latin="ANDREEVA",
            given_names_native="Елена",
            surname_native="Андреева",
            name_reproduction_lv="Jeļena Andrejeva",
            date_of_birth="1991-03-02",
        ),
    }
    doc = {
        "id": str(uuid.uuid4()),
        "version": 1,
        "person_id": out["juliia"]["id"],
        "doc_type": "P",
        "series_and_number": "752012345",
        "issuing_state": "RUS",
    }
    store.cache_records([*(("persons", p) for p in out.values()), ("documents", doc)])
    return out


@pytest.mark.parametrize(
    ("q", "label"),
    [
        ("Jūlija Ščeglova", "juliia"),
        ("IULIIA SHCHEGLOVA", "juliia"),
        ("YULIYA SHCHEGLOVA", "juliia"),
        ("Юлия Щеглова", "juliia"),
        ("julija sceglova", "juliia"),
        ("ščegl", "juliia"),
        ("Sergejs Ivanovs", "sergei"),
        ("SERGEY IVANOV", "sergei"),
        ("Сергей", "sergei"),
        ("Dmitrijs Kovaļevskis", "dmitrii"),
        ("DMITRIY KOVALEVSKIY", "dmitrii"),
        ("YELENA ANDREYEVA", "elena"),
        ("Jeļena", "elena"),
    ],
)
def test_search_names_any_spelling(
    store: LocalStore, people: dict[str, dict[str, Any]], q: str, label: str
) -> None:
    hits = store.search(q)
    assert [h.person["id"] for h in hits] == [people[label]["id"]], q
    assert hits[0].source == "local" and hits[0].fetched_at is not None
    assert 0 < hits[0].score <= 1


def test_exact_spelling_scores_higher(store: LocalStore, people: dict[str, Any]) -> None:
    exact = store.search("IULIIA")[0].score
    variant = store.search("YULIYA")[0].score
    assert exact > variant


@pytest.mark.parametrize(
    ("q", "labels"),
    [
        ("14.03.1991", {"juliia"}),
        ("1991-03-14", {"juliia"}),
        ("03.1991", {"juliia", "elena"}),
        ("1991", {"juliia", "elena"}),
        ("07.1985", {"sergei"}),
        ("Ivanov 1985", {"sergei"}),
        ("Ivanov 1991", set()),
        ("140391-10211", {"juliia"}),
        ("14039110211", {"juliia"}),
        ("752012345", {"juliia"}),
        ("7520", set()),  # too short to be a number: a name prefix, which nobody has
        ("75201", {"juliia"}),  # document number prefix
        ("BY-5511", {"sergei"}),  # foreign identity number
        ("Щеглова 752012345", {"juliia"}),
        ("Ivanov 752012345", set()),
        ("Ščeglova 31.02.1991", set()),  # an impossible date finds nobody
    ],
)
def test_search_keys(
    store: LocalStore, people: dict[str, dict[str, Any]], q: str, labels: set[str]
) -> None:
    found = {h.person["id"] for h in store.search(q)}
    assert found == {people[label]["id"] for label in labels}, q


def test_search_mrz(store: LocalStore, people: dict[str, Any], registry: Registry) -> None:
    mrz = registry.seeded.mrz  # SHCHEGLOVA IULIIA, 752012345, 14.03.1991
    hits = store.search(mrz)
    assert [h.person["id"] for h in hits] == [people["juliia"]["id"]]
    # Without the document in the cache, the name and the date of birth still find her.
    one_line = mrz.replace("752012345", "999999999").replace("\n", "")
    query = parse_query(mrz)
    assert query.mrz is not None and query.dob == "1991-03-14"
    assert registry_queries(query, mrz) == ["752012345", "SHCHEGLOVA 1991-03-14"]
    assert parse_query(one_line).mrz is not None
    assert [h.person["id"] for h in store.search(one_line)] == [people["juliia"]["id"]]


def test_search_limit_and_empty(store: LocalStore) -> None:
    store.cache_records(
        ("persons", person(id=str(uuid.uuid4()), surname_latin=f"BERZINA{i}")) for i in range(30)
    )
    assert len(store.search("Ščeglova", limit=10)) == 10
    assert store.search("   ") == []
    assert store.search("nobody-like-this") == []


def test_merge_hits_marks_sources_and_ages(store: LocalStore, people: dict[str, Any]) -> None:
    local = store.search("1991")
    assert {h.source for h in local} == {"local"}
    juliia, elena = people["juliia"], people["elena"]
    newer = {**juliia, "version": 2, "surname_latin": "SHCHEGLOVA"}
    stranger = person(id=str(uuid.uuid4()), given_names_latin="OLGA", surname_latin="ORLOVA")
    now = datetime.now(UTC)
    merged = merge_hits(local, [newer, stranger], now, query=parse_query("1991"))
    by_id = {h.person["id"]: h for h in merged}
    assert by_id[juliia["id"]].source == "registry"
    assert by_id[juliia["id"]].person["version"] == 2
    assert by_id[juliia["id"]].fetched_at == now
    assert by_id[elena["id"]].source == "local"
    elena_age = by_id[elena["id"]].fetched_at
    assert elena_age is not None and elena_age < now
    assert by_id[stranger["id"]].source == "registry"
    assert [h.score for h in merged] == sorted((h.score for h in merged), reverse=True)
    assert len(merged) == 3
    # Without the query the registry's hits keep their local score or count as certain.
    plain = merge_hits(local, [newer], now)
    assert plain[0].person["id"] == juliia["id"] and plain[0].source == "registry"


def test_merge_hits_prefers_registry_on_tie() -> None:
    pid = str(uuid.uuid4())
    local = [SearchHit({"id": pid, "version": 1}, "local", datetime.now(UTC), 1.0)]
    other = SearchHit({"id": "x", "version": 1}, "local", datetime.now(UTC), 1.0)
    merged = merge_hits([other, *local], [{"id": pid, "version": 1}], datetime.now(UTC))
    assert merged[0].source == "registry"


# --------------------------------------------------------------------------- with the registry


def test_remote_and_local_search_by_each_key(
    api: ApiClient, registry: Registry, store: LocalStore
) -> None:
    seeded = registry.seeded
    queries = {
        "Jūlija Ščeglova": "juliia",
        "Юлия Щеглова": "juliia",
        "14.03.1991": "juliia",
        "752012345": "juliia",
        seeded.codes["sergei"]: "sergei",
        "Sergejs 07.1985": "sergei",
        "UZ-4471-0093": "amina",
        seeded.mrz: "juliia",
    }
    # Offline first: nothing cached, nothing found.
    for q in queries:
        assert store.search(q) == []
    for q, label in queries.items():
        query = parse_query(q)
        fetched = datetime.now(UTC)
        remote = [p for text in registry_queries(query, q) for p in api.search(text)]
        assert seeded.persons[label] in {p["id"] for p in remote}, q
        store.cache_records((("persons", p) for p in remote), fetched_at=fetched)
        for doc_pid in {p["id"] for p in remote}:
            store.cache_dossier(api.dossier(doc_pid))
        merged = merge_hits(store.search(q), remote, fetched, query=query)
        assert merged and merged[0].person["id"] == seeded.persons[label], q
        assert merged[0].source == "registry"
    # Now everything is cached: the same queries work offline, and so do spellings the
    # registry's quick search does not know (it folds, but has no transliteration variants).
    queries.update({"YULIYA SHCHEGLOVA": "juliia", "Sergey Ivanovs": "sergei"})
    for q, label in queries.items():
        hits = store.search(q)
        assert hits and hits[0].person["id"] == seeded.persons[label], q
        assert hits[0].source == "local"


def test_dossier_cached_and_read_offline(
    api: ApiClient, registry: Registry, store: LocalStore
) -> None:
    pid = registry.seeded.persons["juliia"]
    assert store.dossier(pid) is None
    online = api.dossier(pid)
    store.cache_dossier(online)
    api.close()  # offline from here on
    offline = store.dossier(pid)
    assert offline is not None
    assert offline["person"] == online["person"]
    assert set(offline["related"]) == set(online["related"])
    for collection, rows in online["related"].items():
        assert sorted(r["id"] for r in offline["related"][collection]) == sorted(
            r["id"] for r in rows
        ), collection
    assert offline["related"]["cases"][0]["id"] == registry.seeded.cases["juliia"]
    assert datetime.fromisoformat(offline["fetched_at"]) <= datetime.now(UTC)
    case = store.get("cases", registry.seeded.cases["juliia"])
    assert case is not None and case["person_id"] == pid


def refresh_reference(api: ApiClient, store: LocalStore) -> int:
    """What the desktop's refresh does: fetch only the lists that moved, by delta."""
    fetched = 0
    local = store.reference_versions()
    for entry in api.reference_index():
        name, version = entry["name"], int(entry["version"])
        if local.get(name, 0) >= version:
            continue
        new_version, items = api.reference_items(name, local.get(name, 0))
        fetched += len(items)
        store.apply_reference(name, new_version, items, entry["label_lv"], entry["label_en"])
    store.mark_reference_checked()
    return fetched


def test_reference_delta_refresh(api: ApiClient, store: LocalStore) -> None:
    assert store.reference_age() is None
    first = refresh_reference(api, store)
    assert first > 100
    age1 = store.reference_age()
    assert age1 is not None
    sexes = store.reference_items("sex")
    assert [i["code"] for i in sexes] == [i["code"] for i in api.reference_items("sex", 0)[1]]
    assert sexes[0]["label_lv"] and sexes[0]["label_en"]
    assert refresh_reference(api, store) == 0  # second refresh fetches nothing new
    age2 = store.reference_age()
    assert age2 is not None and age2 >= age1
    assert store.reference_versions() == {x["name"]: x["version"] for x in api.reference_index()}


def test_apply_reference_delta(store: LocalStore) -> None:
    items = [
        {"code": "B", "label_lv": "Bē", "label_en": "Bee", "sort": 2, "version": 1},
        {"code": "A", "label_lv": "Ā", "label_en": "Ay", "sort": 2, "version": 1},
        {"code": "Z", "label_lv": "Zē", "label_en": "Zed", "sort": 1, "version": 1},
    ]
    store.apply_reference("demo", 1, items, "Demo", "Demo")
    store.apply_reference(
        "demo", 2, [{"code": "A", "label_lv": "Ā2", "label_en": "Ay2", "sort": 2, "version": 2}]
    )
    assert [i["code"] for i in store.reference_items("demo")] == ["Z", "A", "B"]
    assert store.reference_items("demo")[1]["label_lv"] == "Ā2"
    assert store.reference_versions()["demo"] == 2
    assert store.reference_lists()[0]["label_lv"] == "Demo"
