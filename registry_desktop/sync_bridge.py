"""The sync engine seen from the GUI thread.

`SyncEngine` (sync/engine.py, no Qt) runs on its own worker thread and reports through a
plain callback. `SyncBridge` turns those callbacks into Qt signals delivered on the GUI
thread (queued connection). `SyncController` owns the engine of the logged-in officer:
it starts it after the login, stops it at the logout, keeps the session's status values
(online, pending, conflicts, rejected, last success, reference age) up to date from the
engine's status, and runs the officer's commands (pause, resume, sync now, resolve,
resend, discard) off the GUI thread through the TaskManager.

Without the engine (not installed yet, or the store without an outbox), the controller
still reads the outbox counts from the local store so that the status bar tells the truth.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

log = logging.getLogger(__name__)


class SyncBridge(QObject):
    """Carries the engine's callbacks (any thread) to the GUI thread.

    Signals:
        event(object): an engine event, delivered on the GUI thread.
    """

    event = Signal(object)
    _received = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._received.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def callback(self, event: Any = None) -> None:
        """Give this to the engine as `on_event`: safe to call from any thread."""
        self._received.emit(event)

    @Slot(object)
    def _deliver(self, event: Any) -> None:
        self.event.emit(event)


def _value(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


class SyncController(QObject):
    """The officer's sync engine, driven from the GUI thread.

    Signals:
        status_changed(object): a new SyncStatus (or None without an engine).
        outbox_changed(): the outbox may have changed (reload the outbox view).
        command_failed(object): an engine command failed (the error).
    """

    status_changed = Signal(object)
    outbox_changed = Signal()
    command_failed = Signal(object)

    def __init__(self, session: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.tasks = session.tasks
        self.bridge = SyncBridge(self)
        self.bridge.event.connect(self._on_event)
        self.engine: Any = None
        self.status: Any = None
        self._status_pending = False

    # ------------------------------------------------------------------ lifecycle
    @property
    def available(self) -> bool:
        return self.engine is not None

    def start(self, open_store: Callable[[], Any], api: Any, *, officer: str,
              device_id: str) -> bool:  # fmt: skip
        """Create and start the engine; False when the sync engine is not available."""
        self.stop()
        try:
            from sync.engine import SyncEngine
        except ImportError:
            self.refresh_status()
            return False
        self.engine = SyncEngine(
            open_store, api, officer=officer, device_id=device_id or "desktop",
            on_event=self.bridge.callback,
        )  # fmt: skip
        self.engine.start()
        self.refresh_status()
        return True

    def stop(self) -> None:
        engine, self.engine = self.engine, None
        if engine is not None:
            try:
                engine.stop()
            except Exception:  # stopping must never take the app down
                log.exception("stopping the sync engine failed")

    # ------------------------------------------------------------------ status
    @Slot(object)
    def _on_event(self, event: Any) -> None:
        if _value(event, "kind") == "pulled":
            self.session.reload_cache_info()
        status = _value(event, "status")
        if status is not None and hasattr(status, "pending"):
            self._apply_status(status)
        else:
            self.refresh_status()
        self.outbox_changed.emit()

    def refresh_status(self) -> None:
        """Ask the engine (or the store) for the counts; the answer updates the session."""
        if self._status_pending:
            return
        self._status_pending = True
        engine = self.engine
        officer = self.session.username
        if engine is not None:
            recount = getattr(engine, "refresh_status", engine.status)  # recount, off the GUI
            self.tasks.run_net(recount, self._apply_status, self._status_failed)
        else:
            self.tasks.run_db(
                lambda store: _store_counts(store, officer), self._apply_counts,
                self._status_failed,
            )  # fmt: skip

    def _status_failed(self, exc: BaseException) -> None:
        self._status_pending = False
        log.info("sync status failed: %r", exc)

    def _apply_counts(self, counts: dict[str, int] | None) -> None:
        self._status_pending = False
        if counts is None:
            return
        s = self.session
        s.pending_ops = counts.get("pending", 0) + counts.get("sending", 0)
        s.conflicts = counts.get("conflict", 0)
        s.rejected = counts.get("rejected", 0)
        s.blocked = counts.get("blocked", 0)
        s.changed.emit()
        self.status_changed.emit(None)

    def _apply_status(self, status: Any) -> None:
        self._status_pending = False
        if status is None:
            return
        self.status = status
        s = self.session
        online = _value(status, "online")
        if online is not None:  # None: the engine has not tried yet
            s.online = bool(online)
        s.pending_ops = int(_value(status, "pending", 0) or 0) + int(
            _value(status, "sending", 0) or 0
        )
        s.conflicts = int(_value(status, "conflicts", 0) or 0)
        s.rejected = int(_value(status, "rejected", 0) or 0)
        s.blocked = int(_value(status, "blocked", 0) or 0)
        s.last_sync_at = _value(status, "last_success_at", s.last_sync_at)
        age = _value(status, "reference_age")
        if age is not None and not isinstance(age, int | float):
            s.reference_age = age
        s.sync_paused = bool(_value(status, "paused", False))
        s.changed.emit()
        self.status_changed.emit(status)

    # ------------------------------------------------------------------ commands
    def _command(self, fn: Callable[[], Any], done: Callable[[Any], None] | None = None) -> None:
        def ok(result: Any) -> None:
            if done is not None:
                done(result)
            self.refresh_status()
            self.outbox_changed.emit()

        def failed(exc: BaseException) -> None:
            log.warning("sync command failed: %r", exc)
            self.command_failed.emit(exc)
            self.refresh_status()
            self.outbox_changed.emit()

        self.tasks.run_net(fn, ok, failed)

    def _engine(self) -> Any:
        if self.engine is None:
            raise RuntimeError("sync engine not running")
        return self.engine

    def sync_now(self) -> None:
        if self.engine is not None:
            self._command(lambda: self._engine().sync_now())
        else:
            self.refresh_status()
            self.outbox_changed.emit()

    def pause(self) -> None:
        self._command(lambda: self._engine().pause())

    def resume(self) -> None:
        self._command(lambda: self._engine().resume())

    def resolve(self, op_id: str, choice: Any, done: Callable[[Any], None] | None = None) -> None:
        self._command(lambda: self._engine().resolve(op_id, choice), done)

    def resend(self, op_id: str, fields: dict[str, Any] | None = None,
               done: Callable[[Any], None] | None = None) -> None:  # fmt: skip
        self._command(lambda: self._engine().resend(op_id, fields or {}), done)

    def discard(self, op_id: str, reason: str, done: Callable[[Any], None] | None = None) -> None:
        self._command(lambda: self._engine().discard(op_id, reason), done)


def _store_counts(store: Any, officer: str) -> dict[str, int] | None:
    """DB worker: the outbox counts by state (values of OpState), None without an outbox."""
    counts = getattr(store, "outbox_counts", None) if store is not None else None
    if counts is None:
        return None
    return {str(getattr(k, "value", k)): int(v) for k, v in dict(counts(officer)).items()}


class StoreProxy:
    """The engine's view of the local store: every call runs on the TaskManager's DB worker.

    The store holds one SQLite connection (StaticPool) owned by the desktop's DB worker
    (DESIGN.md §4), and the session does not keep the cache key that a second connection
    would need. So the engine's calls are queued on the DB worker and awaited; a
    `transaction()` is opened on the DB worker, which then waits while the engine's thread
    uses the connection and resumes to commit (or roll back) when the block ends: the
    connection is never used by two threads at once. `close()` does nothing: the
    TaskManager owns the store.
    """

    def __init__(self, tasks: Any) -> None:
        self._tasks = tasks
        # Inside a transaction the engine's thread holds the connection: store calls it
        # makes there run directly (the DB worker waits for the block to end).
        self._lent = threading.local()

    def close(self) -> None:
        return None

    def __enter__(self) -> StoreProxy:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def _run(self, work: Callable[[Any], Any]) -> Future[Any]:
        def guarded(store: Any) -> Any:
            if store is None:
                raise RuntimeError("the local store is closed")
            return work(store)

        future = self._tasks.run_db(guarded, None, lambda _exc: None)
        if future.cancelled():
            raise RuntimeError("the application is closing")
        return future

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        handed: queue.Queue[tuple[str, Any]] = queue.Queue()
        finished: queue.Queue[BaseException | None] = queue.Queue()

        def work(store: Any) -> None:
            try:
                with store.transaction() as conn:
                    handed.put(("conn", (conn, store)))
                    error = finished.get()
                    if error is not None:
                        raise error
            except BaseException as exc:
                handed.put(("error", exc))
                raise

        future = self._run(work)
        while True:
            try:
                kind, value = handed.get(timeout=0.5)
                break
            except queue.Empty:
                if future.done():
                    future.result()
                    raise RuntimeError("the store transaction did not start") from None
        if kind == "error":
            raise value
        conn, store = value
        outer = getattr(self._lent, "store", None)
        self._lent.store = store
        try:
            yield conn
        except BaseException as exc:
            self._lent.store = outer
            finished.put(exc)
            with suppress(BaseException):
                future.result()
            raise
        self._lent.store = outer
        finished.put(None)
        future.result()  # a failed commit (busy, full disk) reaches the engine

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)

        def call(*args: Any, **kwargs: Any) -> Any:
            lent = getattr(self._lent, "store", None)
            if lent is not None:
                return getattr(lent, name)(*args, **kwargs)
            return self._run(lambda store: getattr(store, name)(*args, **kwargs)).result()

        return call


def store_proxy_opener(tasks: Any) -> Callable[[], Any]:
    return lambda: StoreProxy(tasks)
