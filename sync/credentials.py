"""Secrets on the workstation: remembered credentials, the cache key, offline unlock.

- Remember me: the username and password in the operating system's keyring (service
  `RegistryDesktop/<profile>`). Without a keyring backend (a headless Linux session, a
  locked-down Windows profile) remember-me is simply unavailable; nothing secret is
  written to disk instead.
- Cache key: a random 32-byte key per (profile, username), kept in the keyring (service
  `RegistryDesktop/<profile>/cache-key`). Where no keyring exists, the key is derived
  from the officer's password with Argon2id (`hash_secret_raw`, 64 MiB, t=3, p=2) and a
  random per-cache salt stored beside the cache (`<cache>.salt`, not secret). The file
  is then as strong as the password plus Argon2id's cost; the choice of mode sticks to
  the cache: a cache that has a salt file keeps being derived, one without is keyed from
  the keyring, and a keyring key that has vanished while its cache remains is
  `CacheKeyMissing` (the way forward is to rebuild the cache).
- Offline unlock: an Argon2 verifier of the password (argon2-cffi `PasswordHasher`, its
  own salt) with the user's public info (name, institution, unit, roles; no secret),
  saved after each online login, one JSON file per (profile, username) in a folder the
  caller gives (normally `sync.paths.offline_dir()`).
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from argon2.low_level import Type, hash_secret_raw

from sync import paths
from sync.errors import AuthFailed, CacheKeyMissing, NoOfflineLogin

SERVICE = "RegistryDesktop"
_LAST_USER = "__last_username__"
KEY_BYTES = 32
SALT_BYTES = 16
# Argon2id for the cache key without a keyring (RFC 9106's second recommended option).
KDF_TIME_COST = 3
KDF_MEMORY_KIB = 64 * 1024
KDF_PARALLELISM = 2


def _service(profile: str) -> str:
    return f"{SERVICE}/{profile}"


def _user(username: str) -> str:
    return username.strip().lower()


def keyring_available() -> bool:
    """True when a real keyring backend is configured (not the fail/null placeholders)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration is no keyring
        return False
    return _usable(backend)


def _usable(backend: Any) -> bool:
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if module.startswith("keyring.backends.chainer"):
        return any(_usable(b) for b in getattr(backend, "backends", []))
    try:
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:
        return True


def remember(profile: str, username: str, password: str) -> bool:
    """Keep the credentials for the next login; False when there is no keyring."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(_service(profile), _user(username), password)
        keyring.set_password(_service(profile), _LAST_USER, _user(username))
    except keyring.errors.KeyringError:
        return False
    return True


def recall(profile: str) -> tuple[str, str] | None:
    """The last remembered (username, password) for the profile, if any."""
    if not keyring_available():
        return None
    try:
        username = keyring.get_password(_service(profile), _LAST_USER)
        if not username:
            return None
        password = keyring.get_password(_service(profile), username)
    except keyring.errors.KeyringError:
        return None
    return (username, password) if password else None


def forget(profile: str) -> None:
    """Remove the remembered credentials of the profile (the cache key stays)."""
    if not keyring_available():
        return
    service = _service(profile)
    try:
        username = keyring.get_password(service, _LAST_USER)
    except keyring.errors.KeyringError:
        return
    for account in (username, _LAST_USER):
        if not account:
            continue
        try:
            keyring.delete_password(service, account)
        except keyring.errors.KeyringError:  # PasswordDeleteError included
            pass


# --------------------------------------------------------------------------- cache key


def salt_path(cache: Path) -> Path:
    return cache.with_name(cache.name + ".salt")


def derive_key(password: str, salt: bytes) -> bytes:
    return hash_secret_raw(
        password.encode("utf-8"),
        salt,
        time_cost=KDF_TIME_COST,
        memory_cost=KDF_MEMORY_KIB,
        parallelism=KDF_PARALLELISM,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def _derived(password: str, cache: Path, *, create: bool) -> bytes:
    salt_file = salt_path(cache)
    if not salt_file.exists():
        if not create:
            raise CacheKeyMissing()
        cache.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(salt_file, secrets.token_bytes(SALT_BYTES))
    salt = salt_file.read_bytes()
    if len(salt) < 8:
        raise CacheKeyMissing()
    return derive_key(password, salt)


def cache_key(
    profile: str, username: str, password: str, *, cache_path: Path | None = None
) -> bytes:
    """The key of the officer's local cache (see the module docstring for the modes).

    `cache_path` defaults to `sync.paths.cache_path(profile, username)`; it decides the
    mode and where the salt lives. Raises CacheKeyMissing when the cache exists but its
    key can be neither read nor derived.
    """
    cache = cache_path or paths.cache_path(profile, username)
    service, account = f"{_service(profile)}/cache-key", _user(username)
    if salt_path(cache).exists():
        return _derived(password, cache, create=False)
    if keyring_available():
        try:
            stored = keyring.get_password(service, account)
        except keyring.errors.KeyringError:
            stored = None
        if stored:
            try:
                key = base64.b64decode(stored, validate=True)
            except ValueError:
                key = b""
            if len(key) == KEY_BYTES:
                return key
        if cache.exists():
            raise CacheKeyMissing()
        key = secrets.token_bytes(KEY_BYTES)
        try:
            keyring.set_password(service, account, base64.b64encode(key).decode("ascii"))
            if keyring.get_password(service, account):
                return key
        except keyring.errors.KeyringError:
            pass
        # The keyring refused to keep it: fall back to a derived key for this new cache.
    elif cache.exists():
        raise CacheKeyMissing()
    return _derived(password, cache, create=True)


def forget_cache_key(profile: str, username: str, *, cache_path: Path | None = None) -> None:
    """Drop the key (after `LocalStore.rebuild`, so that a fresh key is made)."""
    cache = cache_path or paths.cache_path(profile, username)
    salt_path(cache).unlink(missing_ok=True)
    if keyring_available():
        try:
            keyring.delete_password(f"{_service(profile)}/cache-key", _user(username))
        except keyring.errors.KeyringError:
            pass


# --------------------------------------------------------------------------- offline login


class OfflineVerifier:
    """Unlock offline: an Argon2 verifier of the password saved at each online login."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._hasher = PasswordHasher()

    def _file(self, profile: str, username: str) -> Path:
        return self.folder / f"{paths.slug(profile, username)}.json"

    def save(self, profile: str, username: str, password: str, user: dict[str, Any]) -> None:
        public = {
            k: user.get(k) for k in ("id", "username", "full_name", "institution", "unit", "roles")
        }
        body = {
            "profile": profile,
            "username": _user(username),
            "verifier": self._hasher.hash(password),
            "user": public,
            "saved_at": datetime.now(UTC).isoformat(),
        }
        self.folder.mkdir(parents=True, exist_ok=True)
        _write_atomic(self._file(profile, username), json.dumps(body).encode("utf-8"))

    def known(self, profile: str, username: str) -> bool:
        return self._file(profile, username).exists()

    def check(self, profile: str, username: str, password: str) -> dict[str, Any]:
        """The user's public info when the password is right; NoOfflineLogin / AuthFailed."""
        path = self._file(profile, username)
        try:
            body = json.loads(path.read_text("utf-8"))
            verifier = str(body["verifier"])
            user = dict(body["user"])
            same = body.get("profile") == profile and body.get("username") == _user(username)
        except FileNotFoundError:
            raise NoOfflineLogin() from None
        except (OSError, ValueError, KeyError, TypeError):
            raise NoOfflineLogin() from None
        if not same:
            raise NoOfflineLogin()
        try:
            self._hasher.verify(verifier, password)
        except VerifyMismatchError:
            raise AuthFailed("offline.bad_credentials") from None
        except (VerificationError, InvalidHashError):
            raise NoOfflineLogin() from None
        return user

    def forget(self, profile: str, username: str) -> None:
        self._file(profile, username).unlink(missing_ok=True)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write via a temporary file in the same folder, owner-only where the OS allows."""
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
