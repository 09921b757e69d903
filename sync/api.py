"""The client of the central registry API (DESIGN.md §3), over `requests`.

TLS verification is on (`verify=True`, or the path of a CA bundle); every call has a
timeout and sends `Accept-Language` and `X-Device-Id`. Every failure becomes a
`SyncError` subclass with bilingual text (see `sync.errors`).

Threads: the desktop runs calls on a small pool. Each thread gets its own
`requests.Session` (sessions are not guaranteed thread-safe); the token and the language
are shared, read under a lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

import orjson
import requests

from sync.errors import (
    ApiFailure,
    AuthFailed,
    SessionExpired,
    SyncError,
    Unreachable,
    known,
    text,
)

_GATEWAY = frozenset({502, 503, 504})
_LOGIN_CODES = frozenset(
    {"auth.bad_credentials", "auth.inactive", "auth.trainer_only_training", "auth.throttled"}
)


@dataclass(frozen=True)
class LoginResult:
    token: str
    expires_at: datetime
    user: dict[str, Any]


class ApiClient:
    def __init__(
        self,
        base_url: str,
        *,
        device_id: str,
        language: str = "lv",
        verify: bool | str = True,
        timeout: float = 10.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.device_id = device_id
        self.verify = verify
        self.timeout = timeout
        self._lock = threading.Lock()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._language = "en" if language == "en" else "lv"
        self._purpose: str | None = None
        self.token: str | None = None

    # -- settings -------------------------------------------------------------------

    def set_language(self, lang: str) -> None:
        with self._lock:
            self._language = "en" if lang == "en" else "lv"

    @property
    def language(self) -> str:
        return self._language

    def set_purpose(self, purpose: str | None) -> None:
        """The purpose of the following reads (required of read-only consumers)."""
        with self._lock:
            self._purpose = purpose.strip() or None if purpose else None

    def close(self) -> None:
        with self._lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    # -- calls ----------------------------------------------------------------------

    def login(self, username: str, password: str) -> LoginResult:
        body = self._call(
            "POST",
            "/auth/login",
            json={"username": username, "password": password, "device_id": self.device_id},
            login=True,
        )
        try:
            token = str(body["access_token"])
            expires_at = datetime.fromisoformat(str(body["expires_at"]))
            user = dict(body["user"])
        except (KeyError, TypeError, ValueError):
            raise ApiFailure("net.bad_answer", status=200) from None
        with self._lock:
            self.token = token
        return LoginResult(token=token, expires_at=expires_at, user=user)

    def logout(self) -> None:
        """Revoke the token on the server (best effort) and forget it here."""
        if self.token is None:
            return
        try:
            self._call("POST", "/auth/logout", json={})
        except (Unreachable, SessionExpired):
            pass
        finally:
            with self._lock:
                self.token = None

    def info(self) -> dict[str, Any]:
        return dict(self._call("GET", "/info", auth=False))

    def me(self) -> dict[str, Any]:
        return dict(self._call("GET", "/auth/me"))

    def search(self, q: str, limit: int = 50) -> list[dict[str, Any]]:
        body = self._call("GET", "/persons/search", params={"q": q, "limit": limit})
        return list(body.get("results") or [])

    def dossier(self, person_id: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/persons/{_seg(person_id)}/dossier"))

    def history(self, collection: str, record_id: str) -> list[dict[str, Any]]:
        body = self._call("GET", f"/{_seg(collection)}/{_seg(record_id)}/history")
        return list(body.get("versions") or [])

    def get(self, collection: str, record_id: str) -> dict[str, Any]:
        return dict(self._call("GET", f"/{_seg(collection)}/{_seg(record_id)}"))

    def match_persons(self, query: dict[str, Any]) -> dict[str, Any]:
        """POST /persons/match: the registry's ranked candidates for a person as typed.

        `query` is the body of `registry_server.matching.MatchIn` (see
        `sync.matching_client.match_body`); the answer is ``{"candidates": [{"person",
        "score", "reasons": [{"code", "lv", "en", "weight"}], "summary"}], "indexed": n}``.
        """
        return dict(self._call("POST", "/persons/match", json=query))

    def reference_index(self) -> list[dict[str, Any]]:
        body = self._call("GET", "/reference")
        return list(body.get("lists") or [])

    def reference_items(self, name: str, since: int) -> tuple[int, list[dict[str, Any]]]:
        body = self._call("GET", f"/reference/{_seg(name)}", params={"since": since})
        return int(body["version"]), list(body.get("items") or [])

    def changes(self, since: int, limit: int = 1000) -> dict[str, Any]:
        return dict(
            self._call(
                "GET", "/changes", params={"since": since, "limit": limit}, decode=decode_page
            )
        )

    def push(self, device_id: str, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
        body = self._call("POST", "/sync/push", json={"device_id": device_id, "ops": ops})
        return list(body.get("results") or [])

    # -- plumbing -------------------------------------------------------------------

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = True
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    def _headers(self, auth: bool) -> dict[str, str]:
        with self._lock:
            lang, token, purpose = self._language, self.token, self._purpose
        headers = {
            "Accept": "application/json",
            "Accept-Language": f"{lang}, {'lv' if lang == 'en' else 'en'};q=0.5",
            "X-Device-Id": self.device_id,
        }
        if auth:
            if token is None:
                raise SessionExpired("auth.required")
            headers["Authorization"] = f"Bearer {token}"
        if purpose:
            headers["X-Purpose"] = quote(purpose, safe="")
        return headers

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, Any] | None = None,
        json: Any = None,
        auth: bool = True,
        login: bool = False,
        decode: Callable[[bytes], Any] = orjson.loads,
    ) -> Any:
        headers = self._headers(auth and not login)
        body = None
        if json is not None:  # orjson: a push batch or a pull page encodes several times faster
            body = orjson.dumps(json)
            headers["Content-Type"] = "application/json"
        try:
            response = self._session().request(
                method,
                self.base_url + path,
                params=params,
                data=body,
                headers=headers,
                timeout=(min(self.timeout, 5.0), self.timeout),
                verify=self.verify,
                allow_redirects=False,
                stream=True,
            )
            # Read the body in large pieces (requests' own reading goes by 10 KB): a pull
            # page is megabytes. A cut or truncated body fails here, as it did in request().
            with response:
                content = b"".join(response.iter_content(chunk_size=1 << 20))
        except requests.exceptions.SSLError:
            raise Unreachable("net.tls") from None
        except requests.exceptions.Timeout:
            raise Unreachable("net.timeout") from None
        except (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError):
            raise Unreachable("net.unreachable") from None
        except requests.exceptions.RequestException:
            raise Unreachable("net.unreachable") from None
        if response.status_code >= 400:
            raise self._failure(response, content, login=login)
        if response.status_code >= 300:
            raise ApiFailure("net.bad_answer", status=response.status_code)
        try:
            return decode(content)
        except ValueError:  # orjson.JSONDecodeError is a ValueError
            raise ApiFailure("net.bad_answer", status=response.status_code) from None

    def _failure(self, response: requests.Response, content: bytes, *, login: bool) -> SyncError:
        status = response.status_code
        code, message, fields = _error_body(content)
        if status in _GATEWAY and code is None:
            return Unreachable("net.gateway", status=status)
        lang = self._language
        # The server wrote its message in one language; the other comes from the catalogue.
        minutes = _retry_minutes(response)
        lv, en = _texts(
            code,
            status,
            message if lang == "lv" else None,
            message if lang == "en" else None,
            minutes,
        )
        if code in _LOGIN_CODES and (login or code == "auth.trainer_only_training"):
            return AuthFailed(code, lv, en, minutes=minutes)
        if status == 429:
            return AuthFailed("auth.throttled", lv, en, minutes=minutes)
        if status == 401 and not login:
            return SessionExpired(code or "auth.invalid_token", lv, en)
        if status == 401:
            return AuthFailed(code or "auth.bad_credentials", lv, en)
        if status in _GATEWAY:
            return Unreachable("net.gateway", status=status)
        return ApiFailure(code or "api.failed", lv, en, status=status, fields=fields)


_PAGE_HEAD = b'{"changes":['
_PAGE_TAIL = b'],"next":'
_ENTRY_SEP = b'},{"seq":'  # between two entries, as the registry writes a page


def decode_page(content: bytes) -> Any:
    """A `/changes` page, decoded entry by entry (`split_page`) where it can be.

    orjson holds the GIL for the whole of one call: a page of 5,000 changes is 50-80 ms
    in which no other thread, the GUI's included, runs a line of Python (bench/sync.py's
    GUI probe saw 60 ms stalls while a big pull ran). One small call per entry lets the
    others in between."""
    split = split_page(content)
    if split is None:
        return orjson.loads(content)
    page, pieces = split
    changes = []
    try:
        for piece in pieces:
            changes.append(orjson.loads(piece))
    except orjson.JSONDecodeError:
        return orjson.loads(content)
    if not all(isinstance(c, dict) for c in changes):
        return orjson.loads(content)
    page["changes"] = changes
    return page


def split_page(content: bytes) -> tuple[dict[str, Any], list[bytes]] | None:
    """The page's `next`/`more`, and the text of each entry, split at the separator the
    registry writes between two entries; None for a page of another shape. A separator
    can occur elsewhere only inside an entry, nested in a list of objects (never inside a
    string, where its quote would be escaped); a split there leaves pieces that are not
    whole objects, which `decode_page` finds when it decodes them."""
    if not content.startswith(_PAGE_HEAD):
        return None
    end = content.rfind(_PAGE_TAIL)
    if end < 0:
        return None
    try:
        page = orjson.loads(b"{" + content[end + 2 :])  # {"next": ..., "more": ...}
    except orjson.JSONDecodeError:
        return None
    if not isinstance(page, dict) or set(page) != {"next", "more"}:
        return None
    body = content[len(_PAGE_HEAD) : end]
    pieces = body.split(_ENTRY_SEP) if body else []
    last = len(pieces) - 1
    for i in range(len(pieces)):
        if i:
            pieces[i] = b'{"seq":' + pieces[i]
        if i < last:
            pieces[i] += b"}"
    return page, pieces


def _seg(value: str) -> str:
    return quote(str(value), safe="")


def _error_body(content: bytes) -> tuple[str | None, str | None, dict[str, str]]:
    try:
        body = orjson.loads(content)
    except ValueError:
        return None, None, {}
    if not isinstance(body, dict):
        return None, None, {}
    code = body.get("error")
    message = body.get("message")
    raw_fields = body.get("fields")
    fields = {str(k): str(v) for k, v in raw_fields.items()} if isinstance(raw_fields, dict) else {}
    return (
        str(code) if code else None,
        str(message) if message else None,
        fields,
    )


def _texts(
    code: str | None, status: int, lv: str | None, en: str | None, minutes: int
) -> tuple[str, str]:
    """Keep the server's words for its language; fill the other from the catalogue."""
    params = {"status": status, "minutes": minutes}
    if not (code and known(code)):
        code = "api.failed"
    return lv or text(code, "lv", **params), en or text(code, "en", **params)


def _retry_minutes(response: requests.Response) -> int:
    try:
        return max(1, int(response.headers.get("Retry-After", "900")) // 60)
    except ValueError:
        return 15
