"""The offline name look-up's shortcut: the `keys` column alone, when every token is
key-safe, finds exactly what the `names` then `keys` queries find."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.name_variants import equivalence_key
from sync.query import parse_query
from sync.store import LocalStore
from sync.store_search import _key_safe, _name_rids, find_rids

KEY = bytes(range(32))
# The letters equivalence_key rewrites (digraphs, J/Y, IE, IO, -AIA, -S, doubles) and a
# few it leaves alone.
TRICKY = "ASHCZKTIJYEOXWQLNV"


def _keyed_as_prefix(token: str, rest: str) -> bool:
    return equivalence_key(token + rest).startswith(equivalence_key(token))


def test_key_safe_tokens_are_keyed_as_prefixes_exhaustively() -> None:
    """Every token of up to 3 of the letters the rules start with, every continuation of
    up to 2 (the random test below covers longer ones and the other letters)."""
    letters = "ASHCZTIJOE"
    for n in range(1, 4):
        for token in map("".join, itertools.product(letters, repeat=n)):
            if not _key_safe(token):
                continue
            for m in range(1, 3):
                for rest in map("".join, itertools.product(letters, repeat=m)):
                    assert _keyed_as_prefix(token, rest), (token, rest)


@settings(max_examples=1000, deadline=None)
@given(
    st.text(alphabet=TRICKY + "BDGMPRU0123456789", min_size=1, max_size=12),
    st.text(alphabet=TRICKY + "BDGMPRU", min_size=1, max_size=10),
)
def test_key_safe_tokens_are_keyed_as_prefixes(token: str, rest: str) -> None:
    if _key_safe(token):
        assert _keyed_as_prefix(token, rest), (token, rest)


@pytest.mark.parametrize(
    ("token", "safe"),
    [
        ("VLADIMIR", True),
        ("BOBROV", True),
        ("ANNA", True),
        ("NATALIA", True),
        ("KUZNET", False),  # KUZNETSOV: TS -> C
        ("JANIS", False),  # the final -S is dropped from the key
        ("SERGEI", False),  # SERGEIEV: IE -> E
        ("PJO", False),  # PJOTRS: J -> I, then IO -> E
        ("ANDREJ", False),
        ("MARIAJ", False),
        ("ALEKSANDRAIA", False),  # the final -AIA becomes -A
        ("12345", True),
    ],
)
def test_key_safe_examples(token: str, safe: bool) -> None:
    assert _key_safe(token) is safe


# --------------------------------------------------------------------------- look-up


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LocalStore]:
    s = LocalStore.open(tmp_path / "officer.db", KEY)
    yield s
    s.close()


def _person(given: str, surname: str, **over: Any) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "version": 1,
        "deleted": False,
        "given_names_latin": given,
        "surname_latin": surname,
        "date_of_birth": "1980-01-01",
        **over,
    }


def _names_then_keys(store: LocalStore, q: str, limit: int) -> list[int]:
    """The look-up without the shortcut: `names`, then `keys` to fill up to `limit`."""
    query = parse_query(q)

    def run(conn: Any) -> list[int]:
        found = _name_rids(conn, "names", query.names, query.dob, None, set(), limit)
        if len(found) < limit:
            keys = [equivalence_key(t) for t in query.names]
            found += _name_rids(conn, "keys", keys, query.dob, None, set(found), limit - len(found))
        return found

    return store.read(run)


@pytest.fixture
def crowd(store: LocalStore) -> LocalStore:
    people = [
        _person("VLADIMIR", "BOBROV"),
        _person("VLADIMIR", "BOBROVS", name_reproduction_lv="Vladimirs Bobrovs"),
        _person("VLADIMIROVA", "ANNA"),
        _person("ANNA", "VLADIMIROVA"),
        _person("WLADIMIR", "BOBROW"),  # found through the keys only
        _person("ANNA", "KUZNETSOVA", surname_native="Кузнецова", given_names_native="Анна"),
        _person("ANNA", "KUZNECOVA", name_reproduction_lv="Anna Kuzņecova"),
        _person("NATALIA", "PETROVA", given_names_native="Наталья", surname_native="Петрова"),
        _person("NATALJA", "PETROVA"),
        _person("NATALYA", "PETROVA", date_of_birth="1975"),
        *(_person("ANNA", f"BERZINA{i}") for i in range(12)),
        *(_person("ANNA", f"ANNAS{i}") for i in range(6)),
    ]
    store.cache_records(("persons", p) for p in people)
    return store


@pytest.mark.parametrize(
    "q",
    [
        "Vladimir Bobrov",
        "vladimir",
        "VLAD BOB",
        "wladimir",
        "anna",  # more than the limit: the typed spelling is kept first
        "ann",
        "anna kuznet",  # not key-safe: names then keys
        "anna kuznecova",
        "Анна Кузнецова",
        "natalia petrova",
        "natalya petrova",
        "natalia 1975",
        "petrova",
        "anna berzina",
    ],
)
@pytest.mark.parametrize("limit", [3, 8, 50])
def test_shortcut_finds_what_names_then_keys_find(crowd: LocalStore, q: str, limit: int) -> None:
    query = parse_query(q)
    shortcut = crowd.read(lambda conn: find_rids(conn, query, limit))
    reference = _names_then_keys(crowd, q, limit)
    assert set(shortcut) == set(reference), (q, limit)
    assert len(shortcut) == len(reference) <= limit
    # Same persons, same order once scored (ties: the typed spelling first).
    ids = [h.person["id"] for h in crowd.search(q, limit=limit)]
    assert len(ids) == len(reference)


def test_typed_spelling_before_its_variant(store: LocalStore) -> None:
    typed = _person("IVAN", "PETROV")
    variant = _person("IWAN", "PETROV")  # W -> V: found through the keys only
    store.cache_records([("persons", variant), ("persons", typed)])  # variant: lower rowid
    hits = store.search("ivan petrov")
    assert [h.person["id"] for h in hits] == [typed["id"], variant["id"]]
    assert hits[0].score > hits[1].score
