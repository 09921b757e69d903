"""Background work for the desktop (DESIGN.md §4 "Threads").

One `TaskManager` per application:

* one **DB worker** thread owns the views' `LocalStore` connection (every store call of
  the views is queued there, in order); the sync engine has its own connection to the
  same file on its own thread (`LocalStore.opener()`, WAL), so a sync never queues
  behind the views or the other way round;
* a small **HTTP pool** runs `ApiClient` calls and other blocking work (keyring, Argon2)
  in parallel;
* results and errors come back to the GUI thread through a Qt signal, as closures that
  run there.

Widgets never start threads: they call `run_db` / `run_net` with a function and the
callbacks to run on the GUI thread. A callback whose owner widget has been deleted in the
meantime is dropped.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger(__name__)

Success = Callable[[Any], None]
Failure = Callable[[BaseException], None]


def _alive(owner: QObject | None) -> bool:
    if owner is None:
        return True
    try:
        from shiboken6 import isValid

        return bool(isValid(owner))
    except Exception:  # pragma: no cover - shiboken always present with PySide6
        return True


class TaskManager(QObject):
    """Runs store work on one thread and network work on a small pool.

    Signals:
        busy_changed(int): the number of unfinished tasks changed.
        failed(object): a task failed and no failure callback took it (the error).
    """

    busy_changed = Signal(int)
    failed = Signal(object)
    _wake = Signal()

    def __init__(self, parent: QObject | None = None, *, net_workers: int = 4) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="registry-db")
        self._net = ThreadPoolExecutor(max_workers=net_workers, thread_name_prefix="registry-net")
        self._store: Any = None
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False
        self._inbox: list[Callable[[], None]] = []
        self._wired = False  # _wake -> _drain, connected with the first task (_wire)

    def _wire(self) -> None:
        """Connect the worker-to-GUI wake-up, before the first task can post.

        Not in __init__: `Qt` (its namespace of ~90 enums, built for Python on first
        import) is then first needed after the main window's first paint."""
        from PySide6.QtCore import Qt

        with self._lock:
            if self._wired:
                return
            self._wake.connect(self._drain, Qt.ConnectionType.QueuedConnection)
            self._wired = True

    # ------------------------------------------------------------------ state
    @property
    def pending(self) -> int:
        return self._pending

    @property
    def idle(self) -> bool:
        return self._pending == 0

    @property
    def has_store(self) -> bool:
        return self._store is not None

    # ------------------------------------------------------------------ running
    def run_db(
        self,
        fn: Callable[[Any], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        *,
        owner: QObject | None = None,
    ) -> Future[Any]:
        """Run `fn(store)` on the DB worker. `store` is None while no cache is open."""
        return self._submit(self._db, lambda: fn(self._store), success, failure, owner)

    def run_net(
        self,
        fn: Callable[[], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        *,
        owner: QObject | None = None,
    ) -> Future[Any]:
        """Run `fn()` on the HTTP pool (network calls and other blocking work)."""
        return self._submit(self._net, fn, success, failure, owner)

    def open_store(
        self,
        opener: Callable[[], Any],
        success: Success | None = None,
        failure: Failure | None = None,
        *,
        owner: QObject | None = None,
    ) -> Future[Any]:
        """Open the local store on the DB worker (closing any open one first)."""

        def work() -> Any:
            self._close_store_now()
            self._store = opener()
            return self._store

        return self._submit(self._db, work, success, failure, owner)

    def close_store(self, success: Success | None = None) -> Future[Any]:
        return self._submit(self._db, self._close_store_now, success, None, None)

    def _close_store_now(self) -> None:
        store, self._store = self._store, None
        if store is not None:
            try:
                store.close()
            except Exception:  # closing must never take the app down
                log.exception("closing the local store failed")

    def _submit(
        self,
        executor: ThreadPoolExecutor,
        work: Callable[[], Any],
        success: Success | None,
        failure: Failure | None,
        owner: QObject | None,
    ) -> Future[Any]:
        if self._closed:  # the application is closing: late work is dropped quietly
            future: Future[Any] = Future()
            future.cancel()
            return future
        if not self._wired:
            self._wire()
        self._change_pending(+1)

        def run() -> Any:
            try:
                result = work()
            except BaseException as exc:  # delivered to the GUI thread, never lost
                error = exc
                self._post(lambda: self._finish(failure, error, owner, failed=True))
                if not isinstance(exc, Exception):
                    raise
                return None
            self._post(lambda: self._finish(success, result, owner, failed=False))
            return result

        return executor.submit(run)

    def _finish(self, callback: Any, value: Any, owner: QObject | None, *, failed: bool) -> None:
        try:
            if not _alive(owner):
                return
            if callback is not None:
                callback(value)
            elif failed:
                log.warning("background task failed: %r", value)
                self.failed.emit(value)
        finally:
            self._change_pending(-1)

    def _change_pending(self, delta: int) -> None:
        with self._lock:
            self._pending += delta
            pending = self._pending
        from PySide6.QtCore import QThread  # not at import: start-up time

        if QThread.currentThread() is self.thread():
            self.busy_changed.emit(pending)

    def _post(self, closure: Callable[[], None]) -> None:
        """Worker side: queue a closure for the GUI thread and wake it (Anki's run_on_main).

        Only a bare signal crosses the thread boundary; the closures stay in a locked list.
        """
        with self._lock:
            self._inbox.append(closure)
        self._wake.emit()

    @Slot()
    def _drain(self) -> None:
        with self._lock:
            closures, self._inbox = self._inbox, []
        for closure in closures:
            try:
                closure()
            except Exception:  # one callback's bug must not drop the others
                log.exception("callback failed")

    def process_pending(self) -> None:
        """Run the callbacks already delivered (shutdown, tests)."""
        self._drain()

    # ------------------------------------------------------------------ shutdown
    def shutdown(self, wait: bool = True) -> None:
        """Close the store on its own thread and stop both executors."""
        if self._closed:
            return
        self._closed = True
        self._db.submit(self._close_store_now)
        self._net.shutdown(wait=wait, cancel_futures=True)
        self._db.shutdown(wait=wait)
