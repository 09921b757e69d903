"""The sync engine seen from the GUI thread.

`SyncEngine` (sync/engine.py, no Qt) runs on its own worker thread with **its own
connection** to the officer's local store (the session hands it `LocalStore.opener()` of
the store the DB worker opened: same file and key, WAL, busy timeout), so the engine's
transactions never queue behind the views' reads on the DB worker, and the DB worker never
waits for the network. It reports through a plain callback. `SyncBridge` turns those
callbacks into Qt signals delivered on the GUI thread: events are collected under a lock
and handed over in one batch per turn of the event loop, so a push of thousands of ops
costs the GUI thread a few short slot calls, not one per op. `SyncController` owns the
engine of the logged-in officer: it starts it after the login, asks it to stop at the
logout (without waiting: the engine's thread closes its own connection), keeps the
session's status values (online, pending, conflicts, rejected, last success, reference
age) up to date from the engine's status, and runs the officer's commands (pause,
resume, sync now, resolve, resend, discard) off the GUI thread through the TaskManager.
The GUI thread never calls into the engine except for snapshot reads and flag setters.

Without the engine (not installed yet, or the store without an outbox), the controller
still reads the outbox counts from the local store so that the status bar tells the truth.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

log = logging.getLogger(__name__)

# The outbox view reloads at most this often while a sync answers many ops.
OUTBOX_REFRESH_MS = 500


class SyncBridge(QObject):
    """Carries the engine's callbacks (any thread) to the GUI thread, in batches.

    Signals:
        events(object): the list of engine events received since the last delivery,
            delivered on the GUI thread.
    """

    events = Signal(object)
    _wake = Signal()
    REWAKE_S = 0.25  # an undelivered batch older than this asks again (belt and braces)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._inbox: list[Any] = []
        self._woken = 0.0
        self._wake.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        # Should a wake-up ever go missing, a slow timer delivers what waits.
        self._safety = QTimer(self)
        self._safety.setInterval(1000)
        self._safety.timeout.connect(self._deliver)
        self._safety.start()

    def callback(self, event: Any = None) -> None:
        """Give this to the engine as `on_event`: safe to call from any thread."""
        now = time.monotonic()
        with self._lock:
            self._inbox.append(event)
            wake = len(self._inbox) == 1 or now - self._woken > self.REWAKE_S
            if wake:
                self._woken = now
        if wake:  # one wake-up per batch; later events join the waiting batch
            self._wake.emit()

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            if not self._inbox:
                return
            batch, self._inbox = self._inbox, []
        self.events.emit(batch)


def _value(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


class SyncController(QObject):
    """The officer's sync engine, driven from the GUI thread.

    Signals:
        status_changed(object): a new SyncStatus (or None without an engine).
        outbox_changed(): the outbox may have changed (reload the outbox view); at most
            every OUTBOX_REFRESH_MS while the engine reports.
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
        self.bridge.events.connect(self._on_events)
        self.engine: Any = None
        self.status: Any = None
        self.starting = False  # the session asked for an engine; it starts shortly
        self._status_pending = False
        self._stopping: list[Any] = []  # engines asked to stop, until their thread ends
        self._outbox_timer = QTimer(self)
        self._outbox_timer.setSingleShot(True)
        self._outbox_timer.setInterval(OUTBOX_REFRESH_MS)
        self._outbox_timer.timeout.connect(self.outbox_changed)

    # ------------------------------------------------------------------ lifecycle
    @property
    def available(self) -> bool:
        return self.engine is not None

    def start(self, open_store: Callable[[], Any], api: Any, *, officer: str,
              device_id: str) -> bool:  # fmt: skip
        """Create and start the engine; False when the sync engine is not available.

        `open_store` opens the engine's own connection (on the engine's thread). An
        engine still stopping (this officer's previous one) ends before the new one
        syncs."""
        self.starting = False
        previous = self.engine
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
        if api is None:  # unlocked offline: local commands work; a login resumes it
            self.engine.pause()
        same = previous is not None and getattr(previous, "officer", None) == officer
        self.engine.start(after=previous if same else None)
        self.refresh_status()
        return True

    def use_api(self, api: Any) -> None:
        """A new token after logging in again: the running engine goes on with it."""
        engine = self.engine
        if engine is None:
            return
        engine.api = api
        self._command(engine.resume)

    def stop(self) -> None:
        """Ask the engine to stop; never waits (its thread closes its own connection)."""
        self.starting = False
        engine, self.engine = self.engine, None
        if engine is not None:
            try:
                engine.stop(wait=False)
            except Exception:  # stopping must never take the app down
                log.exception("stopping the sync engine failed")
            self._stopping = [e for e in self._stopping if not e.join(0)] + [engine]

    def wait_stopped(self, timeout: float = 15.0) -> bool:
        """Wait (at most `timeout` s in all) for stopped engines to end: at the end of
        the application only, never while it runs."""
        deadline = time.monotonic() + timeout
        for engine in self._stopping:
            engine.join(max(0.0, deadline - time.monotonic()))
        self._stopping = [e for e in self._stopping if not e.join(0)]
        return not self._stopping

    # ------------------------------------------------------------------ status
    @Slot(object)
    def _on_events(self, events: list[Any]) -> None:
        pulled = False
        status: Any = None
        for event in events:
            pulled = pulled or _value(event, "kind") == "pulled"
            candidate = _value(event, "status")
            if candidate is not None and hasattr(candidate, "pending"):
                status = candidate
        if pulled:
            self.session.reload_cache_info()
        if status is not None:
            self._apply_status(status)
        else:
            self.refresh_status()
        if not self._outbox_timer.isActive():
            self._outbox_timer.start()

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
        if status is None or not self.session.active:
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
