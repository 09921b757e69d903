"""Pulling the change feed into the cache: pages fetched ahead and written together, the
cursor never ahead of what was written, search current after a pull (no registry: a
scripted feed)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sync.engine import CURSOR_KEY, SyncEngine
from sync.errors import Unreachable
from sync.local_first import LocalWriter
from sync.store import LocalStore

KEY = bytes(range(32))


def person(n: int, **over: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=n)),
        "given_names_latin": "IULIIA",
        "surname_latin": "KALNA" + chr(65 + n // 26 % 26) + chr(65 + n % 26),
        "surname_native": "Щеглова",
        "date_of_birth": "1991-03-14",
        "personal_code": f"140391-1{n:04d}",
        **over,
    }


def change(
    seq: int, rec: dict[str, Any], collection: str = "persons", version: int = 1
) -> dict[str, Any]:
    return {"seq": seq, "collection": collection, "id": rec["id"], "version": version,
            "deleted": bool(rec.get("deleted")), "record": dict(rec)}  # fmt: skip


class Feed:
    """`ApiClient.changes` over scripted pages; `fail_at`: the page index that fails."""

    def __init__(self, pages: list[list[dict[str, Any]]], fail_at: int | None = None) -> None:
        self.pages = pages
        self.fail_at = fail_at
        self.calls: list[int] = []
        self.lock = threading.Lock()

    def changes(self, since: int, limit: int = 1000) -> dict[str, Any]:
        with self.lock:
            self.calls.append(since)
        starts = [0]
        for page in self.pages:
            starts.append(starts[-1] + len(page))
        index = starts.index(since)
        if index == self.fail_at:
            raise Unreachable()
        page = self.pages[index] if index < len(self.pages) else []
        return {"changes": page, "next": starts[index + 1] if page else since,
                "more": index + 1 < len(self.pages)}  # fmt: skip


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore.open(tmp_path / "cache.db", KEY)
    yield s
    s.close()


def pages_of(n_pages: int, size: int) -> list[list[dict[str, Any]]]:
    seq = 0
    pages = []
    for _ in range(n_pages):
        page = []
        for _i in range(size):
            seq += 1
            page.append(change(seq, person(seq)))
        pages.append(page)
    return pages


def engine(store: LocalStore, feed: Feed, **kw: Any) -> SyncEngine:
    return SyncEngine(store.opener(), feed, officer="officer", device_id="ws", **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("pipeline", [1, 2])
def test_pages_written_in_order_and_searchable(store: LocalStore, pipeline: int) -> None:
    feed = Feed(pages_of(7, 30))
    eng = engine(store, feed, pull_page=30, pull_batch=90, pipeline=pipeline)
    report = eng.run_once(push=False)
    eng.stop()
    assert report.ok and report.pulled == 210 and report.cursor == 210
    assert store.get_meta(CURSOR_KEY) == "210"
    assert store.person_count() == 210
    assert feed.calls == [0, 30, 60, 90, 120, 150, 180]  # each page once, in order
    hits = store.search("KALNACZ")  # person 77
    assert hits and hits[0].person["id"] == str(uuid.UUID(int=77))
    assert [h.person["id"] for h in store.search("14039110077")] == [str(uuid.UUID(int=77))]


def test_failure_leaves_the_cursor_at_the_last_written_page(store: LocalStore) -> None:
    pages = pages_of(5, 20)
    eng = engine(store, Feed(pages, fail_at=3), pull_page=20, pull_batch=40)
    report = eng.run_once(push=False)
    eng.stop()
    assert report.error == "net.unreachable"
    assert store.get_meta(CURSOR_KEY) == "60"  # pages 0-2 written with their cursor
    assert store.person_count() == 60
    assert store.get("persons", str(uuid.UUID(int=61))) is None
    # The next cycle resumes from the cursor: nothing lost, nothing twice.
    feed = Feed(pages)
    eng = engine(store, feed, pull_page=20, pull_batch=40)
    assert eng.run_once(push=False).ok
    eng.stop()
    assert feed.calls[0] == 60 and store.person_count() == 100
    assert store.get_meta(CURSOR_KEY) == "100"


def test_newer_versions_replace_the_index_older_ones_are_ignored(store: LocalStore) -> None:
    old = person(1, surname_latin="BERZINA")
    new = {**old, "surname_latin": "KALNINA", "personal_code": "010101-10000"}
    doc = {"id": str(uuid.UUID(int=900)), "person_id": old["id"], "series_and_number": "LV1234567"}
    moved = {**doc, "series_and_number": "LV7654321"}
    pages = [
        [change(1, old), change(2, doc, "documents")],
        # In one page: the newer version of the person, then an older copy of it.
        [change(3, new, version=2), change(4, old, version=1), change(5, moved, "documents", 2)],
        [change(6, {**new, "deleted": True}, version=3)],
    ]
    eng = engine(store, Feed(pages[:2]), pull_page=3, pull_batch=3)
    assert eng.run_once(push=False).ok
    assert store.get("persons", old["id"])["surname_latin"] == "KALNINA"  # type: ignore[index]
    assert [h.person["surname_latin"] for h in store.search("KALNINA")] == ["KALNINA"]
    assert store.search("BERZINA") == [] and store.search("LV1234567") == []
    assert [h.person["id"] for h in store.search("LV7654321")] == [old["id"]]
    assert [h.person["id"] for h in store.search("010101-10000")] == [old["id"]]
    eng.stop()
    eng = engine(store, Feed(pages), pull_page=3, pull_batch=3)
    assert eng.run_once(push=False).ok
    eng.stop()
    assert store.search("KALNINA") == [] and store.search("010101-10000") == []
    assert store.get("persons", old["id"])["deleted"] is True  # type: ignore[index]


def test_pulled_rows_keep_an_unsent_local_edit(store: LocalStore) -> None:
    mine = person(5)
    LocalWriter(store, "officer").save(
        "persons", mine["id"], {k: v for k, v in mine.items() if k != "id"}
    )
    registry_copy = {**mine, "surname_latin": "REGISTRY", "place_of_birth": "Kyiv"}
    feed = Feed([[change(1, person(4)), change(2, registry_copy, version=3)]])
    eng = engine(store, feed, pull_page=2)
    assert eng.run_once(push=False).ok
    eng.stop()
    view = store.get("persons", mine["id"])
    assert view is not None
    assert view["surname_latin"] == "KALNAAF"  # the officer's unsent value stays
    assert view["place_of_birth"] == "Kyiv"  # the registry's other fields arrive
    assert store.record_state("persons", mine["id"]) == "pending"


def test_a_save_during_a_long_pull_gets_in_before_the_page_is_written(
    store: LocalStore,
) -> None:
    """One page of 8,000 changes (one transaction, were nobody waiting) while the officer
    saves again and again: a save waits for a chunk of the page, not for all of it, so
    some save sees the page half written, its cursor at the last row written. Nothing
    pulled or saved is lost, and the cursor ends at the page's end."""
    size = 8000
    eng = engine(store, Feed(pages_of(1, size)), pull_page=size, pull_batch=size)
    writer = LocalWriter(store, "officer")
    seen: list[int] = []
    saved: list[str] = []
    pulling = threading.Event()
    pulling.set()

    def officer() -> None:
        n = 100_000
        while pulling.is_set():
            n += 1
            saved.append(
                writer.save("persons", str(uuid.UUID(int=n)), {"surname_latin": "SAVED"}).op_id
            )
            seen.append(int(store.get_meta(CURSOR_KEY) or 0))

    thread = threading.Thread(target=officer)
    thread.start()
    try:
        report = eng.run_once(push=False)
    finally:
        pulling.clear()
        thread.join()
        eng.stop()
    assert report.ok and report.pulled == size
    assert any(0 < c < size for c in seen), seen  # a save got in mid-page
    assert seen == sorted(seen)  # the cursor never goes back
    assert store.get_meta(CURSOR_KEY) == str(size)
    assert store.person_count() == size + len(saved)
    assert {op.op_id for op in store.outbox("officer")} == set(saved)


@pytest.mark.parametrize("officer_saving", [False, True])
def test_pull_transactions_stay_small_only_while_the_officer_saves(
    store: LocalStore, monkeypatch: pytest.MonkeyPatch, officer_saving: bool
) -> None:
    """A page is one transaction while nobody saves (fewer commits: a faster catch-up);
    shortly after a save had to wait for the pull, at most `ACTIVE_TX_ROWS` rows go in
    one, so the officer's next save waits for less."""
    import time

    import sqlalchemy as sa

    from sync import engine as engine_module

    monkeypatch.setattr(engine_module, "ACTIVE_TX_ROWS", 1000)
    commits: list[int] = []

    def open_store() -> LocalStore:
        s = store.opener()()
        sa.event.listen(s._engine, "commit", lambda conn: commits.append(1))
        return s

    size = 4000
    eng = SyncEngine(open_store, Feed(pages_of(1, size)), officer="officer", device_id="ws",  # type: ignore[arg-type]
                     pull_page=size, pull_batch=size)  # fmt: skip
    if officer_saving:
        eng._officer_seen = time.monotonic()  # a save waited for the pull just now
    eng._db_store()  # opened (and its setup committed) before counting
    commits.clear()
    report = eng.run_once(push=False)
    eng.stop()
    assert report.ok and report.pulled == size
    assert store.person_count() == size and store.get_meta(CURSOR_KEY) == str(size)
    pull_commits = len(commits)
    if officer_saving:
        assert pull_commits >= size // 1000  # 4 transactions of 1,000 rows at most
    else:
        assert pull_commits < size // 1000  # the page in one
