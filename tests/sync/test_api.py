"""The API client against the real registry on loopback (uvicorn, real HTTP, no mocks)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
import pytest
import requests
import sqlalchemy as sa

from registry_server.db import make_engine, write_transaction
from registry_server.tables import tokens, users
from sync.api import ApiClient, decode_page, split_page
from sync.errors import ApiFailure, AuthFailed, SessionExpired, SyncError, Unreachable
from tests.sync.conftest import DEVICE, OFFICER, PASSWORD, Registry, free_port


def test_login_right_password(registry: Registry) -> None:
    client = registry.client()
    result = client.login(OFFICER, PASSWORD)
    assert result.token and client.token == result.token
    assert result.user["username"] == OFFICER
    assert result.user["roles"] == ["vrs_officer"]
    assert result.expires_at > datetime.now(UTC)
    assert client.info()["training"] is False
    client.logout()
    assert client.token is None


def test_wrong_password_bilingual(registry: Registry) -> None:
    client = registry.client("en")
    with pytest.raises(AuthFailed) as err:
        client.login(OFFICER, "not-the-password")
    assert err.value.code == "auth.bad_credentials"
    assert err.value.message("en") == "Wrong username or password."
    assert err.value.message("lv") == "Nepareizs lietotājvārds vai parole."
    assert client.token is None


def test_disabled_account(registry: Registry) -> None:
    engine = make_engine(registry.database_url)
    with write_transaction(engine) as conn:
        conn.execute(users.update().where(users.c.username == "vrs.disabled").values(active=False))
    engine.dispose()
    with pytest.raises(AuthFailed) as err:
        registry.client().login("vrs.disabled", PASSWORD)
    assert err.value.code == "auth.inactive"
    assert "bloķēts" in err.value.message_lv


def test_unreachable_closed_port() -> None:
    client = ApiClient(f"http://127.0.0.1:{free_port()}/api/v1", device_id=DEVICE, timeout=2)
    with pytest.raises(Unreachable) as err:
        client.login(OFFICER, PASSWORD)
    assert err.value.code == "net.unreachable"
    assert "bezsaistē" in err.value.message("lv")
    assert "offline" in err.value.message("en")
    with pytest.raises(Unreachable):
        client.info()


def test_unknown_host_is_unreachable() -> None:
    client = ApiClient("http://registry.invalid/api/v1", device_id=DEVICE, timeout=2)
    with pytest.raises(Unreachable):
        client.info()


class _Gateway(http.server.BaseHTTPRequestHandler):
    """A proxy in front of a registry that is down: 503 with an HTML page."""

    def do_GET(self) -> None:
        body = b"<html><body>Service Unavailable</body></html>"
        self.send_response(503)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def gateway() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Gateway)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1"
    server.shutdown()
    server.server_close()
    thread.join()


def test_gateway_503_is_unreachable(gateway: str) -> None:
    client = ApiClient(gateway, device_id=DEVICE)
    with pytest.raises(Unreachable) as err:
        client.login(OFFICER, PASSWORD)
    assert err.value.code == "net.gateway"
    assert "503" in err.value.message("en")


def test_expired_token_is_session_expired(registry: Registry) -> None:
    client = registry.client()
    client.login("vrs.expiring", PASSWORD)
    assert client.search("SHCHEGLOVA")
    engine = make_engine(registry.database_url)
    with write_transaction(engine) as conn:
        uid = conn.execute(sa.select(users.c.id).where(users.c.username == "vrs.expiring")).scalar()
        conn.execute(
            tokens.update()
            .where(tokens.c.user_id == uid)
            .values(expires_at=datetime.now(UTC) - timedelta(minutes=1))
        )
    engine.dispose()
    with pytest.raises(SessionExpired) as err:
        client.search("SHCHEGLOVA")
    assert err.value.code == "auth.invalid_token"
    assert "Piesakieties vēlreiz" in err.value.message("lv")


def test_no_token_is_session_expired(registry: Registry) -> None:
    with pytest.raises(SessionExpired):
        registry.client().search("IVANOV")


def test_throttled(registry: Registry) -> None:
    client = registry.client("en")
    for _ in range(5):
        with pytest.raises(AuthFailed) as err:
            client.login("vrs.throttled", "wrong-password")
        assert err.value.code == "auth.bad_credentials"
    with pytest.raises(AuthFailed) as err:
        client.login("vrs.throttled", PASSWORD)  # even the right password now waits
    assert err.value.code == "auth.throttled"
    assert "15 min" in err.value.message("en")
    assert "15 min" in err.value.message("lv")


def test_api_failure_carries_fields(api: ApiClient) -> None:
    with pytest.raises(ApiFailure) as err:
        api.search("x" * 400)
    assert err.value.status == 422
    assert err.value.code == "request.invalid"
    assert "q" in err.value.fields
    assert err.value.message_lv and err.value.message_en


def test_not_found(api: ApiClient) -> None:
    with pytest.raises(ApiFailure) as err:
        api.get("persons", "00000000-0000-4000-8000-000000000000")
    assert err.value.status == 404
    assert err.value.message("lv") == "Ieraksts nav atrasts."


def test_language_switch(api: ApiClient) -> None:
    api.set_language("en")
    with pytest.raises(ApiFailure) as err:
        api.get("persons", "00000000-0000-4000-8000-000000000000")
    assert err.value.message("en") == "Record not found."


@pytest.mark.parametrize(
    ("q", "label"),
    [
        ("Jūlija Ščeglova", "juliia"),
        ("Юлия Щеглова", "juliia"),
        ("SHCHEGLOVA 14.03.1991", "juliia"),
        ("752012345", "juliia"),
        ("Ivanov 07.1985", "sergei"),
    ],
)
def test_remote_search(api: ApiClient, registry: Registry, q: str, label: str) -> None:
    ids = [p["id"] for p in api.search(q)]
    assert registry.seeded.persons[label] in ids


def test_remote_search_personal_code(api: ApiClient, registry: Registry) -> None:
    ids = [p["id"] for p in api.search(registry.seeded.codes["sergei"])]
    assert ids == [registry.seeded.persons["sergei"]]


def test_get_dossier_history(api: ApiClient, registry: Registry) -> None:
    pid = registry.seeded.persons["juliia"]
    person = api.get("persons", pid)
    assert person["surname_latin"] == "SHCHEGLOVA" and person["version"] == 1
    dossier = api.dossier(pid)
    assert dossier["person"]["id"] == pid
    assert [c["id"] for c in dossier["related"]["cases"]] == [registry.seeded.cases["juliia"]]
    assert dossier["related"]["documents"][0]["series_and_number"] == "752012345"
    versions = api.history("persons", pid)
    assert [v["version"] for v in versions] == [1]
    assert versions[0]["by"] == OFFICER


def test_reference_and_changes(api: ApiClient) -> None:
    lists = {x["name"]: x for x in api.reference_index()}
    assert "country" in lists and lists["country"]["label_lv"]
    version, items = api.reference_items("sex", 0)
    assert version == lists["sex"]["version"]
    assert {i["code"] for i in items} >= {"M", "F"}
    assert api.reference_items("sex", version) == (version, [])
    feed = api.changes(0, limit=2)
    assert len(feed["changes"]) == 2 and feed["more"] is True
    rest = api.changes(feed["next"], limit=1000)
    assert rest["more"] is False


def test_the_registrys_pages_are_decoded_entry_by_entry(registry: Registry) -> None:
    """The client decodes a pull page one entry at a time (`decode_page`), splitting the
    text where the registry puts its separator: if the registry wrote its pages another
    way, the split would silently never happen and a big pull would stall the GUI again."""
    client = registry.client()
    client.login(OFFICER, PASSWORD)
    raw = requests.get(
        f"{registry.base_url}/changes",
        params={"since": 0, "limit": 1000},
        headers={"Authorization": f"Bearer {client.token}"},
        timeout=10,
    ).content
    whole = orjson.loads(raw)
    split = split_page(raw)
    assert split is not None and len(whole["changes"]) > 3
    assert split[0] == {"next": whole["next"], "more": whole["more"]}
    assert [orjson.loads(p) for p in split[1]] == whole["changes"]
    assert decode_page(raw) == whole


def _page(changes: list[dict[str, Any]], nxt: int = 9, more: bool = False) -> bytes:
    entries = b",".join(orjson.dumps(c) for c in changes)
    return (
        b'{"changes":['
        + entries
        + b'],"next":'
        + str(nxt).encode()
        + b',"more":'
        + (b"true" if more else b"false")
        + b"}"
    )


@pytest.mark.parametrize(
    "record",
    [
        {"surname_latin": "OZOLA"},
        {"notes": 'it says },{"seq": inside a text'},  # escaped: never a separator
        {"costs": [{"item": "ticket"}, {"seq": 2, "item": "escort"}]},  # nested: falls back
        {"aliases": [{"seq": 1}, {"seq": 2}], "x": {"y": [{}, {"seq": 0}]}},
    ],
)
def test_decode_page_gives_what_one_decode_gives(record: dict[str, Any]) -> None:
    changes = [
        {"seq": n, "collection": "persons", "id": f"p{n}", "version": 1, "deleted": False,
         "record": {"id": f"p{n}", **record}}
        for n in (3, 4, 7)
    ]  # fmt: skip
    raw = _page(changes, nxt=7, more=True)
    assert decode_page(raw) == orjson.loads(raw) == {"changes": changes, "next": 7, "more": True}


@pytest.mark.parametrize(
    "raw",
    [
        b'{"changes":[],"next":12,"more":false}',
        b'{"error":"auth.expired","message":"x"}',
        b'{"changes":[{"seq":1}],"next":1,"more":false,"extra":1}',
        b"[1, 2]",
    ],
)
def test_decode_page_other_shapes_decode_whole(raw: bytes) -> None:
    assert decode_page(raw) == orjson.loads(raw)


def test_push_answer(api: ApiClient) -> None:
    results = api.push(
        DEVICE,
        [
            {
                "op_id": "6d1f0b8e-3c55-4e0b-9b7a-0c8a4f1a2b3c",
                "collection": "persons",
                "id": "a3b7c9d1-2e4f-4a6b-8c0d-1e2f3a4b5c6d",
                "kind": "create",
                "base_version": None,
                "fields": {"given_names_latin": "ZANE"},  # far from a valid person
            }
        ],
    )
    assert results[0]["status"] == "rejected"


def test_every_error_is_a_sync_error() -> None:
    for cls in (Unreachable, AuthFailed, SessionExpired, ApiFailure):
        err = cls()
        assert isinstance(err, SyncError)
        assert err.message("lv") and err.message("en") and err.message("lv") != err.code


def test_silent_server_times_out() -> None:
    """A server that accepts the connection and never answers: a timeout, not a hang."""
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        client = ApiClient(f"http://127.0.0.1:{port}/api/v1", device_id=DEVICE, timeout=0.5)
        with pytest.raises(Unreachable) as err:
            client.info()
        assert err.value.code == "net.timeout"
        client.close()


def test_pool_of_threads(api: ApiClient, registry: Registry) -> None:
    """The desktop's small HTTP pool shares one client: one session per thread."""
    from concurrent.futures import ThreadPoolExecutor

    queries = ["Ščeglova", "IVANOV", "752012345", "1978", "OSMANOVA", "Юлия"] * 4
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(api.search, queries))
    assert all(answers)
    assert len(api._sessions) <= 5  # the login thread + the four workers
