"""Benchmark: the client's sync engine against the real registry on PostgreSQL (issue 4).

    source .ci/start-postgres && .venv/bin/python bench/sync.py [--quick] [--profile]

Every figure comes from one run, beside its baselines, on loopback:

1. **Push**: 10,000 ops queued in a real client outbox (`LocalWriter.save` into an
   encrypted `LocalStore`: 5,000 person creates, then 5,000 updates of them) and pushed
   by `SyncEngine` to a real `registry-server` (uvicorn subprocess) over a fresh
   PostgreSQL database: ops/s of the push alone (`run_once(pull=False)`).
   Baselines: the server's own bulk path (`registry_server.db.bulk_insert`, COPY) writing
   the same 10,000 records into a fresh `records` table, rows/s; and a naive client, a
   plain loop of `requests.post`, one op per request (500 ops, extrapolated), ops/s.
2. **Pull**: the change feed of a registry seeded with the server's bulk demo loader
   (`seed_demo`, about 100,000 changes) pulled by a fresh client into an empty
   encrypted cache until caught up (`run_once(push=False)`): rows/s.
   Then the same feed again into a second empty cache while an officer saves a new
   person every 0.5 s on the cache's other connection (`LocalWriter.save`, as the
   desktop's DB worker does): how long each save took, median and longest, beside a
   save with no pull running. No goal in the issue; "no waiting" is the mission.
3. **GUI stall**: the real `DesktopApp` (offscreen) logs in to the pull registry; a
   10 ms QTimer probes the GUI thread during its first sync (the whole feed into an
   empty cache: the longest sync an officer meets), then 2,000 ops are queued through
   the DB worker and probed while the engine syncs them (push and pull), with the
   Search page and then with the Outbox page open. Each figure is the longest gap
   between two probes minus 10 ms; `max_gui_stall_ms` is the longest of the three.

The machine's load average is printed beside the figures: other processes share the
cores, so absolute rates are noisy; ratios to the baselines of the same run less so.

Last line: JSON with push_ops_per_s, pull_rows_per_s, max_gui_stall_ms,
baseline_rows_per_s, naive_post_ops_per_s (and the saves during a pull).
Goals: push ≥ 1,000 ops/s, pull ≥ 10,000 rows/s, GUI stall ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import psycopg  # noqa: E402
import requests  # noqa: E402

from registry_server.db import bulk_insert, make_engine, migrate  # noqa: E402
from registry_server.reference_store import seed_reference  # noqa: E402
from registry_server.routes.auth import create_user  # noqa: E402
from registry_server.tables import metadata, records  # noqa: E402

PASSWORD = "bench-password-123"
FULL = {"ops": 10_000, "changes": 100_000, "gui_ops": 2_000, "naive": 500}
QUICK = {"ops": 300, "changes": 2_000, "gui_ops": 150, "naive": 30}
SAVE_EVERY_S = 0.5  # an officer's saves during the second pull (SaveProbe)
GOALS = {"push": 1_000.0, "pull": 10_000.0, "stall": 50.0}
PROBE_MS = 10
RUN = os.getpid()  # the databases of this run (another run may share the cluster)


# --------------------------------------------------------------------------- plumbing


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of a process, from /proc (0 where unavailable)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICK
    except (OSError, IndexError, ValueError):
        return 0.0


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    out.append(int(entry.name))
            except (OSError, IndexError, ValueError):
                continue
    return out


class CpuMeter:
    """CPU seconds spent by this process, the registry server process and this run's
    PostgreSQL cluster (the backends of its postmaster) between `start` and `stop`: a
    figure that depends far less on what else runs on the machine than the wall time."""

    def __init__(self, server_pid: int | None) -> None:
        self.server_pid = server_pid
        self.postmaster = _postmaster_pid()

    def _sample(self) -> tuple[float, float, float]:
        server = _proc_cpu(self.server_pid) if self.server_pid else 0.0
        pg = sum(_proc_cpu(p) for p in _children(self.postmaster)) if self.postmaster else 0.0
        return time.process_time(), server, pg

    def start(self) -> None:
        self._start = self._sample()

    def stop(self) -> dict[str, float]:
        end = self._sample()
        return dict(zip(("client", "server", "postgres"),
                        (b - a for a, b in zip(self._start, end, strict=True)), strict=True))  # fmt: skip


def _postmaster_pid() -> int | None:
    folder = os.environ.get("REGISTRY_PG_DIR")
    try:
        return int((Path(folder) / "data" / "postmaster.pid").read_text().split()[0])
    except (TypeError, OSError, ValueError, IndexError):
        return None


def _cpu_text(cpu: dict[str, float], n: int) -> str:
    return (f"CPU: client {cpu['client']:.2f} s, registry {cpu['server']:.2f} s, PostgreSQL "
            f"{cpu['postgres']:.2f} s = {sum(cpu.values()) / n * 1000:.2f} ms per item")  # fmt: skip


def _fresh_database(base_url: str, name: str) -> str:
    admin = base_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return base_url.rsplit("/", 1)[0] + f"/{name}"


def _drop_database(base_url: str, name: str) -> None:
    admin = base_url.replace("postgresql+psycopg", "postgresql")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _registry_db(base: str, name: str, users: list[str]) -> tuple[str, Any]:
    url = _fresh_database(base, name)
    migrate(url)
    engine = make_engine(url)
    seed_reference(engine)
    with engine.begin() as conn:
        for username in users:
            create_user(
                conn, username=username, password=PASSWORD, full_name=f"Bench {username}",
                institution="VRS", unit="VRS-RIP", roles=["vrs_officer"],
            )  # fmt: skip
    return url, engine


SERVER_PID: list[int] = []  # the running registry server's process id (for CpuMeter)


@contextmanager
def _server(url: str) -> Iterator[str]:
    """A real `registry-server serve` (uvicorn) on loopback over `url`; yields the API URL."""
    port = _free_port()
    env = {**os.environ, "REGISTRY_DATABASE_URL": url}
    proc = subprocess.Popen(
        [sys.executable, "-m", "registry_server.cli", "serve", "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    api = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(600):
            try:
                requests.get(f"{api}/info", timeout=1)
                break
            except requests.ConnectionError:
                if proc.poll() is not None:
                    raise RuntimeError("the registry server did not start") from None
                time.sleep(0.1)
        SERVER_PID[:] = [proc.pid]
        yield api
    finally:
        SERVER_PID.clear()
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@contextmanager
def _profiled(enabled: bool, title: str) -> Iterator[None]:
    if not enabled:
        yield
        return
    profile = cProfile.Profile(time.thread_time)  # CPU time of this thread, not wall time
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        stats.sort_stats("cumulative").print_stats(30)
        stats.sort_stats("tottime").print_stats(25)
        print(f"--- profile: {title} (this thread only) ---\n{out.getvalue()}")


def _person(i: int) -> dict[str, Any]:
    return {
        "given_names_latin": "BENCH",
        "surname_latin": f"PERSONA{i:05d}",
        "sex": "M" if i % 2 else "F",
        "nationalities": [{"country": "UZB", "type": "citizen"}],
        "date_of_birth": f"{1960 + i % 40}-{1 + i % 12:02d}-{1 + i % 28:02d}",
        "place_of_birth": "Samarkanda",
        "languages": ["uz", "ru"],
    }


def _update(i: int) -> dict[str, Any]:
    return {"place_of_birth": "Buhāra", "special_features": f"Pazīme {i}"}


def _client_store(folder: Path, name: str) -> Any:
    from sync.store import LocalStore

    return LocalStore.open(folder / f"{name}.sqlite", os.urandom(32))  # encrypted, as used


def _client_api(api_url: str, username: str, device: str) -> Any:
    from sync.api import ApiClient

    api = ApiClient(api_url, device_id=device, timeout=120.0)
    api.login(username, PASSWORD)
    return api


# --------------------------------------------------------------------------- 1. push


def bench_push(api_url: str, folder: Path, n: int, batch: int, profile: bool) -> dict[str, Any]:
    from sync.engine import SyncEngine
    from sync.local_first import LocalWriter
    from sync.outbox import OpState

    store = _client_store(folder, "push")
    api = _client_api(api_url, "bench", "bench-push")
    writer = LocalWriter(store, "bench")
    ids = [str(uuid.uuid4()) for _ in range(n // 2)]
    started = time.perf_counter()
    for i, pid in enumerate(ids):
        writer.save("persons", pid, _person(i))
    for i, pid in enumerate(ids):
        writer.save("persons", pid, _update(i), kind="update")
    queue_s = time.perf_counter() - started
    engine = SyncEngine(store.opener(), api, officer="bench", device_id="bench-push",
                        batch_size=batch)  # fmt: skip
    meter = CpuMeter(SERVER_PID[0] if SERVER_PID else None)
    with _profiled(profile, "push"):
        meter.start()
        started = time.perf_counter()
        report = engine.run_once(pull=False)
        push_s = time.perf_counter() - started
        cpu = meter.stop()
    engine.stop()
    counts = store.outbox_counts("bench")
    store.close()
    api.close()
    if not report.ok or report.applied != len(ids) * 2 or counts[OpState.APPLIED] != len(ids) * 2:
        raise RuntimeError(f"push incomplete: {report.error} {report.applied} {counts}")
    return {"ops": len(ids) * 2, "queue_s": queue_s, "push_s": push_s,
            "rate": len(ids) * 2 / push_s, "batch": batch, "cpu": cpu}  # fmt: skip


def bench_naive(api_url: str, n: int) -> dict[str, Any]:
    """A plain loop of `requests.post`, one op per request (a new connection each)."""
    token = requests.post(
        f"{api_url}/auth/login", json={"username": "bench", "password": PASSWORD}, timeout=30
    ).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    for i in range(n):
        op = {"op_id": str(uuid.uuid4()), "collection": "persons", "id": str(uuid.uuid4()),
              "kind": "create", "fields": _person(90_000 + i)}  # fmt: skip
        r = requests.post(f"{api_url}/sync/push", json={"device_id": "bench-naive", "ops": [op]},
                          headers=headers, timeout=30)  # fmt: skip
        r.raise_for_status()
        assert r.json()["results"][0]["status"] == "applied", r.text
    seconds = time.perf_counter() - started
    return {"ops": n, "seconds": seconds, "rate": n / seconds}


def bench_bulk_baseline(base: str, n: int) -> dict[str, Any]:
    """The server's own bulk path (COPY) writing the same records into a fresh table."""
    url = _fresh_database(base, f"bench_sync_baseline_{RUN}")
    engine = make_engine(url)
    metadata.create_all(engine, tables=[records])
    now = datetime.now(UTC)
    rows = [
        {"id": str(uuid.uuid4()), "collection": "persons", "version": 1 + i // (n // 2),
         "deleted": False, "data": {**_person(i % (n // 2)), **(_update(i) if i >= n // 2 else {})},
         "created_at": now, "created_by": "bench", "updated_at": now, "updated_by": "bench",
         "person_id": None, "case_id": None}
        for i in range(n)
    ]  # fmt: skip
    started = time.perf_counter()
    with engine.begin() as conn:
        bulk_insert(conn, records, rows)
    seconds = time.perf_counter() - started
    engine.dispose()
    _drop_database(base, f"bench_sync_baseline_{RUN}")
    return {"rows": n, "seconds": seconds, "rate": n / seconds}


# --------------------------------------------------------------------------- 2. pull


def seed_feed(engine: Any, changes: int) -> dict[str, Any]:
    from registry_server.demo import seed_demo

    started = time.perf_counter()
    seed_demo(engine, persons=max(1, changes // 6 + 1))
    seconds = time.perf_counter() - started
    with engine.connect() as conn:
        feed = int(conn.exec_driver_sql("SELECT count(*) FROM record_versions").scalar_one())
    return {"seconds": seconds, "feed": feed}


class SaveProbe:
    """An officer saving a new person every `every` seconds on the desktop's connection
    of the store while the engine pulls on its own: how long each save takes."""

    def __init__(self, store: Any, every: float) -> None:
        from sync.local_first import LocalWriter

        self.writer = LocalWriter(store, "bench")
        self.every = every
        self.took: list[float] = []
        self.error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _save(self, i: int) -> float:
        started = time.perf_counter()
        self.writer.save("persons", str(uuid.uuid4()), _person(1_000_000 + i))
        return (time.perf_counter() - started) * 1000

    def _run(self) -> None:
        i = 0
        try:
            while not self._done.wait(self.every):
                i += 1
                self.took.append(self._save(i))
        except BaseException as exc:  # noqa: BLE001 - raised by stop(): no silent figures
            self.error = exc

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> dict[str, float]:
        self._done.set()
        self._thread.join()
        if self.error is not None:
            raise RuntimeError("a save during the pull failed") from self.error
        took = sorted(self.took)
        quiet = [self._save(1_000_000 + i) for i in range(10)]  # with no pull running
        return {"saves": len(took), "median_ms": statistics.median(took) if took else 0.0,
                "max_ms": took[-1] if took else 0.0, "quiet_ms": statistics.median(quiet)}  # fmt: skip


def bench_pull(
    api_url: str, folder: Path, profile: bool, name: str = "pull", save_every: float | None = None
) -> dict[str, Any]:
    from sync.engine import SyncEngine

    store = _client_store(folder, name)
    api = _client_api(api_url, "bench", f"bench-{name}")
    engine = SyncEngine(store.opener(), api, officer="bench", device_id=f"bench-{name}")
    meter = CpuMeter(SERVER_PID[0] if SERVER_PID else None)
    probe = SaveProbe(store, save_every) if save_every else None
    with _profiled(profile, name):
        meter.start()
        if probe:
            probe.start()
        started = time.perf_counter()
        report = engine.run_once(push=False)
        seconds = time.perf_counter() - started
        cpu = meter.stop()
    saves = probe.stop() if probe else None
    engine.stop()
    cached = store.read(lambda c: c.exec_driver_sql("SELECT count(*) FROM records").scalar_one())
    store.close()
    api.close()
    if not report.ok:
        raise RuntimeError(f"pull failed: {report.error}")
    return {"rows": report.pulled, "cached": int(cached), "seconds": seconds,
            "rate": report.pulled / seconds, "cpu": cpu, "saves": saves}  # fmt: skip


# --------------------------------------------------------------------------- 3. GUI


class _MemoryKeyring:
    """An in-memory keyring for the benchmark's desktop (never the user's)."""

    @staticmethod
    def install() -> None:
        import keyring
        from keyring.backend import KeyringBackend

        class Backend(KeyringBackend):
            priority = 1  # type: ignore[assignment]

            def __init__(self) -> None:
                super().__init__()
                self.entries: dict[tuple[str, str], str] = {}

            def get_password(self, service: str, username: str) -> str | None:
                return self.entries.get((service, username))

            def set_password(self, service: str, username: str, password: str) -> None:
                self.entries[(service, username)] = password

            def delete_password(self, service: str, username: str) -> None:
                self.entries.pop((service, username), None)

        keyring.set_keyring(Backend())


def _run_until(app: Any, cond: Callable[[], bool], timeout: float, what: str) -> None:
    """Spin the real Qt event loop until `cond()` (checked every 20 ms)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + timeout
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        if cond() or time.monotonic() > deadline:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not cond():
        loop.exec()
    timer.stop()
    if not cond():
        import faulthandler

        faulthandler.dump_traceback(all_threads=True)  # where it is stuck
        raise RuntimeError(f"timed out waiting for {what}")


def _measure_sync(app: Any, desktop: Any, engine: Any, n: int) -> tuple[float, float, float]:
    """Queue `n` ops (DB worker) with the engine paused, then probe the GUI thread every
    10 ms while the engine syncs them: (longest gap - 10 ms, seconds of the sync, the
    longest gap - 10 ms over 3 s with no sync, measured just before)."""
    from PySide6.QtCore import QTimer

    session = desktop.session
    engine.pause()
    _run_until(app, lambda: not engine.status().running, 120, "the pause")
    officer = session.username
    tag = uuid.uuid4().hex[:6].upper()

    def queue(store: Any) -> int:
        from sync.local_first import LocalWriter

        writer = LocalWriter(store, officer)
        for i in range(n):
            person = {**_person(i), "surname_latin": f"GUI{tag}{i:05d}"}
            writer.save("persons", str(uuid.uuid4()), person)
        return n

    box: list[Any] = []
    desktop.tasks.run_db(queue, box.append, box.append)
    _run_until(app, lambda: bool(box), 600, "the queueing")
    if isinstance(box[0], BaseException):
        raise box[0]
    session.sync.refresh_status()
    _run_until(app, lambda: session.pending_ops >= n, 60, "the counts")
    _run_until(app, lambda: desktop.tasks.idle, 60, "idle")

    # The same probe with no sync running first: the machine's own noise floor.
    quiet = _probe_idle(app, 3.0)

    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    started = time.perf_counter()
    session.sync.resume()
    _run_until(
        app,
        lambda: session.pending_ops == 0 and not session.sync_paused
        and engine.status().pending == 0 and not engine.status().running,
        600, "the sync",
    )  # fmt: skip
    seconds = time.perf_counter() - started
    _run_until(app, lambda: desktop.tasks.idle, 60, "idle")
    probe.stop()
    return _max_gap_ms(ticks), seconds, quiet


def _max_gap_ms(ticks: list[float]) -> float:
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    return max(0.0, max(gaps, default=0.0) * 1000 - PROBE_MS)


def _probe_idle(app: Any, seconds: float) -> float:
    """The longest gap of the probe while nothing runs (the GUI thread merely waits)."""
    from PySide6.QtCore import QTimer

    ticks: list[float] = []
    probe = QTimer()
    probe.setInterval(PROBE_MS)
    probe.timeout.connect(lambda: ticks.append(time.perf_counter()))
    probe.start()
    until = time.monotonic() + seconds
    _run_until(app, lambda: time.monotonic() > until, seconds + 30, "the quiet probe")
    probe.stop()
    return _max_gap_ms(ticks)


def bench_gui(
    api_url: str, folder: Path, n: int, profile: bool = False,
    pages: tuple[str, ...] = ("search", "outbox"),
) -> dict[str, Any]:  # fmt: skip
    os.environ["REGISTRY_DESKTOP_DATA_DIR"] = str(folder / "desktop")
    os.environ["REGISTRY_DESKTOP_SETTINGS"] = str(folder / "desktop" / "settings.json")
    (folder / "desktop").mkdir(parents=True, exist_ok=True)
    _MemoryKeyring.install()
    from PySide6.QtCore import QTimer

    from registry_desktop.app import DesktopApp, create_qapp
    from registry_desktop.config import Profile, Settings

    app = create_qapp(["bench-sync"])
    settings = Settings(
        profiles=[Profile("bench", api_url)], language="en", device_id="bench-desktop",
        path=folder / "desktop" / "settings.json",
    )  # fmt: skip
    desktop = DesktopApp(app, settings=settings)
    session = desktop.session
    first: list[float] = []  # probe ticks during the first sync (the cache filled)
    first_probe = QTimer()
    first_probe.setInterval(PROBE_MS)
    first_probe.timeout.connect(lambda: first.append(time.perf_counter()))
    try:
        desktop.window.show()
        desktop.window.show_page(pages[0] if pages else "search")
        first_probe.start()
        dialog = desktop.show_login()
        dialog.username.setText("bench.gui")
        dialog.password.setText(PASSWORD)
        dialog.login_button.click()
        _run_until(app, lambda: session.active and session.engine_running, 120, "the login")
        _run_until(app, lambda: session.sync.available, 30, "the engine")
        engine = session.sync.engine
        first_started = time.perf_counter()
        _run_until(
            app, lambda: engine.status().last_success_at is not None and desktop.tasks.idle,
            900, "the first sync",
        )  # fmt: skip
        first_probe.stop()
        stalls: dict[str, float] = {
            "first": _max_gap_ms([t for t in first if t >= first_started]),
            "first_s": time.perf_counter() - first_started,
        }
        for page in pages:
            desktop.window.show_page(page)
            with _profiled(profile, f"GUI thread, {page} page"):
                stall, seconds, quiet = _measure_sync(app, desktop, engine, n)
            stalls[page] = stall
            stalls[f"{page}_sync_s"] = seconds
            stalls[f"{page}_quiet"] = quiet
        return stalls
    finally:
        desktop.window.confirm_unsynced = lambda logout: True  # type: ignore[method-assign]
        desktop.window.close()
        desktop.shutdown()
        desktop.translations.uninstall()


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small counts (a smoke run)")
    parser.add_argument("--profile", action="store_true", help="cProfile the push and the pull")
    parser.add_argument("--batch", type=int, default=0, help="push batch size (engine default)")
    parser.add_argument("--skip-gui", action="store_true", help="no GUI stall measure")
    parser.add_argument("--gui-only", action="store_true", help="only the GUI stall measure")
    for name in FULL:
        parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=0,
                            help=f"override the count {name!r}")  # fmt: skip
    args = parser.parse_args()
    base = os.environ.get("REGISTRY_TEST_POSTGRES_URL")
    if not base:
        sys.exit("Set REGISTRY_TEST_POSTGRES_URL (source .ci/start-postgres)")
    sizes = dict(QUICK if args.quick else FULL)
    for name in FULL:
        sizes[name] = getattr(args, name) or sizes[name]
    from sync.engine import SyncEngine

    batch = args.batch or SyncEngine.__init__.__kwdefaults__["batch_size"]
    load_before = _loadavg()
    print(f"load average before: {load_before}", flush=True)

    with tempfile.TemporaryDirectory(prefix="bench-sync-") as tmp:
        folder = Path(tmp)
        if not args.gui_only:
            # The push registry: reference lists and one officer; nothing else in the feed.
            push_url, push_engine = _registry_db(base, f"bench_sync_push_{RUN}", ["bench"])
            try:
                with _server(push_url) as api_url:
                    push = bench_push(api_url, folder, sizes["ops"], batch, args.profile)
                    print(f"push: {push['ops']} ops in {push['push_s']:.2f} s = "
                          f"{push['rate']:,.0f} ops/s (batches of {batch}; queued locally in "
                          f"{push['queue_s']:.2f} s)\n      {_cpu_text(push['cpu'], push['ops'])}",
                          flush=True)  # fmt: skip
                    naive = bench_naive(api_url, sizes["naive"])
                    print(f"naive: {naive['ops']} POSTs in {naive['seconds']:.2f} s = "
                          f"{naive['rate']:,.1f} ops/s", flush=True)  # fmt: skip
            finally:
                push_engine.dispose()
                _drop_database(base, f"bench_sync_push_{RUN}")
            bulk = bench_bulk_baseline(base, sizes["ops"])
            print(f"baseline: {bulk['rows']} rows by COPY in {bulk['seconds']:.2f} s = "
                  f"{bulk['rate']:,.0f} rows/s", flush=True)  # fmt: skip

        # The pull registry: the demo loader's feed; the desktop's first sync fills its
        # cache from it too (the GUI measures), so both meet a registry of real size.
        pull_url, pull_engine = _registry_db(base, f"bench_sync_pull_{RUN}", ["bench", "bench.gui"])
        try:
            seeded = seed_feed(pull_engine, sizes["changes"])
            print(f"seeded {seeded['feed']:,} changes in {seeded['seconds']:.1f} s", flush=True)
            with _server(pull_url) as api_url:
                if not args.gui_only:
                    pull = bench_pull(api_url, folder, args.profile)
                    print(f"pull: {pull['rows']:,} changes in {pull['seconds']:.2f} s = "
                          f"{pull['rate']:,.0f} rows/s ({pull['cached']:,} records cached)\n      "
                          f"{_cpu_text(pull['cpu'], pull['rows'])}", flush=True)  # fmt: skip
                    busy = bench_pull(api_url, folder, False, "pull-saving", SAVE_EVERY_S)
                    saves = busy["saves"]
                    print(f"saves during a pull: {saves['saves']} saves, one every {SAVE_EVERY_S} s: "
                          f"median {saves['median_ms']:.0f} ms, longest {saves['max_ms']:.0f} ms "
                          f"(no pull running: {saves['quiet_ms']:.1f} ms); that pull "
                          f"{busy['rate']:,.0f} rows/s", flush=True)  # fmt: skip
                gui: dict[str, Any] = {}
                if not args.skip_gui:
                    gui = bench_gui(api_url, folder, sizes["gui_ops"], args.profile)
                    print(f"GUI stall: first sync ({seeded['feed']:,} changes, "
                          f"{gui['first_s']:.1f} s) {gui['first']:.1f} ms; search page "
                          f"{gui['search']:.1f} ms, outbox page {gui['outbox']:.1f} ms "
                          f"({sizes['gui_ops']} ops synced in {gui['search_sync_s']:.2f} s / "
                          f"{gui['outbox_sync_s']:.2f} s); with no sync running "
                          f"{gui['search_quiet']:.1f} / {gui['outbox_quiet']:.1f} ms",
                          flush=True)  # fmt: skip
        finally:
            pull_engine.dispose()
            _drop_database(base, f"bench_sync_pull_{RUN}")
        if args.gui_only:
            return

    load_after = _loadavg()
    nan = float("nan")
    stall = (
        max(gui.get("first", 0.0), gui.get("search", 0.0), gui.get("outbox", 0.0)) if gui else nan
    )
    quiet = max(gui.get("search_quiet", 0.0), gui.get("outbox_quiet", 0.0)) if gui else nan

    def met(ok: bool) -> str:
        return "yes" if ok else "NO"

    rows = [
        ("push, client outbox → registry", f"{push['rate']:,.0f} ops/s",
         f"naive POST loop {naive['rate']:,.1f} ops/s",
         f"{push['rate'] / naive['rate']:.1f}× naive", f"≥ {GOALS['push']:,.0f} ops/s",
         met(push["rate"] >= GOALS["push"])),
        ("", "", f"server COPY {bulk['rate']:,.0f} rows/s",
         f"{push['rate'] / bulk['rate']:.1%} of COPY", "", ""),
        ("pull, feed → empty cache", f"{pull['rate']:,.0f} rows/s",
         f"server COPY {bulk['rate']:,.0f} rows/s", f"{pull['rate'] / bulk['rate']:.1%} of COPY",
         f"≥ {GOALS['pull']:,.0f} rows/s", met(pull["rate"] >= GOALS["pull"])),
        ("longest save during a pull", f"{saves['max_ms']:.0f} ms",
         f"no pull running: {saves['quiet_ms']:.1f} ms", f"median {saves['median_ms']:.0f} ms",
         "", ""),
        ("longest GUI stall during a sync", f"{stall:.1f} ms",
         f"no sync running: {quiet:.1f} ms", f"{stall - quiet:+.1f} ms",
         f"≤ {GOALS['stall']:.0f} ms", met(stall <= GOALS["stall"])),
        ("", f"(first sync {gui.get('first', nan):.1f} ms, search page "
         f"{gui.get('search', nan):.1f} ms, outbox page {gui.get('outbox', nan):.1f} ms)",
         "", "", "", ""),
    ]  # fmt: skip
    header = ("measure", "measured", "baseline (same run)", "ratio", "goal", "met")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))
    print(f"\nload average: before {load_before}, after {load_after} "
          f"({os.cpu_count()} cores){'; QUICK run: small counts' if args.quick else ''}")  # fmt: skip
    print(json.dumps({
        "bench": "sync",
        "push_ops_per_s": round(push["rate"], 1),
        "pull_rows_per_s": round(pull["rate"], 1),
        "max_gui_stall_ms": round(stall, 1),
        "baseline_rows_per_s": round(bulk["rate"], 1),
        "naive_post_ops_per_s": round(naive["rate"], 1),
        "max_save_during_pull_ms": round(saves["max_ms"], 1),
        "median_save_during_pull_ms": round(saves["median_ms"], 1),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
