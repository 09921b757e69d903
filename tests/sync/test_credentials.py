"""Keyring present and absent, the cache key, the offline verifier, the paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sync import credentials, paths
from sync.api import ApiClient
from sync.credentials import (
    OfflineVerifier,
    cache_key,
    forget,
    forget_cache_key,
    keyring_available,
    recall,
    remember,
    salt_path,
)
from sync.errors import AuthFailed, CacheKeyMissing, CacheUnreadable, NoOfflineLogin
from sync.store import LocalStore
from tests.sync.conftest import OFFICER, PASSWORD, MemoryKeyring, Registry

PROFILE = "https://registry.example.lv"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its production cost is slow on a CI box; the logic is what is tested."""
    monkeypatch.setattr(credentials, "KDF_MEMORY_KIB", 1024)
    monkeypatch.setattr(credentials, "KDF_TIME_COST", 1)


def test_paths_under_override(data_dir: Path) -> None:
    path = paths.cache_path(PROFILE, "VRS.Officer")
    assert path.parent == data_dir / "cache"
    assert path == paths.cache_path(PROFILE, "vrs.officer")
    assert path != paths.cache_path(PROFILE, "pmlp.officer")
    assert path != paths.cache_path("training", "vrs.officer")
    assert "/" not in path.name and ":" not in path.name


def test_remember_with_keyring(memory_keyring: MemoryKeyring) -> None:
    assert keyring_available()
    assert recall(PROFILE) is None
    assert remember(PROFILE, "VRS.Officer", "s3cret-Parole")
    assert recall(PROFILE) == ("vrs.officer", "s3cret-Parole")
    assert recall("other-profile") is None
    forget(PROFILE)
    assert recall(PROFILE) is None
    assert memory_keyring.store == {}
    forget(PROFILE)  # twice is fine


@pytest.mark.usefixtures("no_keyring")
def test_without_keyring_nothing_is_written(data_dir: Path) -> None:
    assert not keyring_available()
    assert remember(PROFILE, OFFICER, "s3cret-Parole") is False
    assert recall(PROFILE) is None
    forget(PROFILE)
    written = [p for p in data_dir.rglob("*") if p.is_file()] if data_dir.exists() else []
    assert all(b"s3cret-Parole" not in p.read_bytes() for p in written)


def test_cache_key_in_keyring(memory_keyring: MemoryKeyring, tmp_path: Path) -> None:
    cache = tmp_path / "c.db"
    key = cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache)
    assert len(key) == 32
    assert cache_key(PROFILE, OFFICER, "another password", cache_path=cache) == key
    assert not salt_path(cache).exists()
    assert cache_key(PROFILE, "pmlp.officer", PASSWORD, cache_path=tmp_path / "d.db") != key
    LocalStore.open(cache, key).close()
    # The keyring loses the key while the cache stays: the way forward is a rebuild.
    memory_keyring.store.clear()
    with pytest.raises(CacheKeyMissing) as err:
        cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache)
    assert "no jauna" in err.value.message("lv")
    LocalStore.rebuild(cache)
    new_key = cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache)
    assert new_key != key
    LocalStore.open(cache, new_key).close()


def test_cache_key_default_path(data_dir: Path) -> None:
    key = cache_key(PROFILE, OFFICER, PASSWORD)
    store = LocalStore.open(paths.cache_path(PROFILE, OFFICER), key)
    store.close()
    assert paths.cache_path(PROFILE, OFFICER).exists()
    assert str(paths.cache_path(PROFILE, OFFICER)).startswith(str(data_dir))


@pytest.mark.usefixtures("no_keyring")
def test_cache_key_derived_without_keyring(tmp_path: Path) -> None:
    cache = tmp_path / "c.db"
    key = cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache)
    salt = salt_path(cache)
    assert salt.exists() and len(salt.read_bytes()) == credentials.SALT_BYTES
    assert PASSWORD.encode() not in salt.read_bytes()
    assert cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache) == key
    store = LocalStore.open(cache, key)
    store.set_meta("x", "1")
    store.close()
    wrong = cache_key(PROFILE, OFFICER, "not the password", cache_path=cache)
    assert wrong != key
    with pytest.raises(CacheUnreadable):
        LocalStore.open(cache, wrong)
    # The salt is gone but the cache stays: nothing to derive from.
    salt.unlink()
    with pytest.raises(CacheKeyMissing):
        cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache)


def test_derived_mode_sticks_when_keyring_appears(
    memory_keyring: MemoryKeyring, tmp_path: Path, no_keyring: None
) -> None:
    cache = tmp_path / "c.db"
    key = cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache)
    LocalStore.open(cache, key).close()
    import keyring

    keyring.set_keyring(memory_keyring)
    assert cache_key(PROFILE, OFFICER, PASSWORD, cache_path=cache) == key
    assert memory_keyring.store == {}
    forget_cache_key(PROFILE, OFFICER, cache_path=cache)
    assert not salt_path(cache).exists()


def test_offline_verifier(tmp_path: Path, data_dir: Path) -> None:
    verifier = OfflineVerifier(paths.offline_dir())
    user = {
        "id": "u1",
        "username": OFFICER,
        "full_name": "Vrs Officer",
        "institution": "VRS",
        "unit": "VRS-RIP",
        "roles": ["vrs_officer"],
    }
    with pytest.raises(NoOfflineLogin) as err:
        verifier.check(PROFILE, OFFICER, PASSWORD)
    assert "tiešsaistē" in err.value.message("lv")
    verifier.save(PROFILE, OFFICER, PASSWORD, user)
    assert verifier.check(PROFILE, "VRS.Officer", PASSWORD) == user
    with pytest.raises(AuthFailed) as bad:
        verifier.check(PROFILE, OFFICER, "wrong-password")
    assert bad.value.code == "offline.bad_credentials"
    with pytest.raises(NoOfflineLogin):
        verifier.check(PROFILE, "someone.else", PASSWORD)
    with pytest.raises(NoOfflineLogin):
        verifier.check("other-profile", OFFICER, PASSWORD)
    files = list((data_dir / "offline").iterdir())
    assert len(files) == 1
    body = json.loads(files[0].read_text())
    assert PASSWORD not in files[0].read_text()
    assert body["verifier"].startswith("$argon2id$")
    files[0].write_text("{broken")
    with pytest.raises(NoOfflineLogin):
        verifier.check(PROFILE, OFFICER, PASSWORD)


def test_online_then_offline_unlock(registry: Registry, data_dir: Path) -> None:
    """The login flow: online once (verifier saved), then unlock with the registry gone."""
    verifier = OfflineVerifier(paths.offline_dir())
    client = registry.client()
    result = client.login(OFFICER, PASSWORD)
    verifier.save(registry.base_url, OFFICER, PASSWORD, result.user)
    key = cache_key(registry.base_url, OFFICER, PASSWORD)
    store = LocalStore.open(paths.cache_path(registry.base_url, OFFICER), key)
    store.cache_records([("persons", client.get("persons", registry.seeded.persons["sergei"]))])
    store.close()
    offline = ApiClient("http://127.0.0.1:9/api/v1", device_id="x", timeout=1)
    with pytest.raises(Exception) as err:
        offline.login(OFFICER, PASSWORD)
    assert type(err.value).__name__ == "Unreachable"
    user = verifier.check(registry.base_url, OFFICER, PASSWORD)
    assert user["username"] == OFFICER
    again = LocalStore.open(
        paths.cache_path(registry.base_url, OFFICER),
        cache_key(registry.base_url, OFFICER, PASSWORD),
    )
    assert [h.person["surname_latin"] for h in again.search("Ivanovs")] == ["IVANOV"]
    again.close()
