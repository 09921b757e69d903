"""The sync engine (issue 4, item 2): push the outbox, pull the change feed, no Qt.

One cycle (`run_once`):

1. **Push** this officer's outbox in order, in batches of `batch_size` (`POST
   /sync/push`). Before a batch is sent its ops are marked `sending` (committed); the
   answers are applied in one transaction. A crash or a lost answer leaves ops in
   `sending`; they are sent again with the same `op_id` and the registry answers
   `duplicate`, which is handled exactly like `applied`: exactly once, nothing lost.
   A batch holds at most one op per record (the next op on a record is based on the
   version the previous one produced), and an op waits for the ops it depends on.
   A 4xx refusal of a whole batch (not a per-op answer) is split in halves until the
   op that causes it is found and set aside as rejected, so one bad op never stalls
   the queue. Up to `pipeline` (2) batches are in flight: the next batch is on the wire
   (the engine's one HTTP thread) while the previous answers are written; a batch never
   holds an op that depends on, or touches the record of, an op still in flight, so
   batches in flight are independent and may be applied by the registry in any order.
2. **Pull** `/changes` from the stored cursor (`meta.sync.changes_cursor`) in pages of
   `pull_page` (5,000, the registry's largest); each page is applied and the cursor
   saved *in the same transaction*, so the cursor never runs ahead of what was applied.
   The engine's HTTP thread fetches and prepares (`sync.store.prepare_records`) the next
   pages while one is written; pages already waiting are written in the same
   transaction, up to `pull_batch` (20,000) rows, so a cache that is far behind catches
   up with fewer commits. The officer's saves come first: the rows are written
   `IDLE_YIELD_ROWS` at a time (`YIELD_ROWS` while the officer is saving), and when a
   save is waiting for the write lock
   (`LocalStore.officer_waiting`) the transaction ends early, its cursor at the last
   row written (each change carries its `seq`), and the pull goes on once the save is
   in. A save waits for one chunk and a commit, not for a whole batch; for a while
   after a save had to wait (`OFFICER_ACTIVE_S`), pull transactions hold at most
   `ACTIVE_TX_ROWS`, so the next save waits for the commit of less (bench/sync.py's
   saves during a pull, one every 0.5 s: median 105-128 → 42-63 ms, the pull about
   15 % slower while the officer saves, unchanged otherwise).
   Records with unsettled local ops keep the officer's changes laid over the
   registry's new copy (see `sync.outbox`).
3. **Reference lists** are refreshed in the same cycle.

Threads: the engine has **its own connection** to the store file (`open_store` is a
factory, called on first use on the engine's thread; the desktop passes
`LocalStore.opener()` of its own store), not the desktop's DB worker. SQLite in WAL mode
lets it write in short transactions (one batch's answers, one pull page) while the DB
worker reads and saves; write transactions begin IMMEDIATE, so a writer that meets the
other's lock waits (busy timeout) and, should a lock error still come, runs its
transaction again (`sync.outbox.retry_busy`). Network calls are made outside any
transaction. The loop runs on one daemon thread (`start`); `run_once` holds a lock, so
only one sync runs at a time. `stop(wait=False)` only asks: the cycle ends at the next
batch or page (every step is its own committed transaction, so nothing is half done) and
the loop's thread closes its connection itself, so a GUI never waits for it. `resolve`,
`resend` and `discard` use the engine's connection under a lock and may be called from
any thread except the GUI thread (they touch the database): run them on the desktop's
task pool. Applying a batch's answers or a pull page holds the cyclic garbage collector
off (`gc_paused`): its passes would stop every thread, the GUI's included. `status()`
only returns the last snapshot and is safe on the GUI thread; `on_event` is called on the
engine's thread, or on the thread that called `resolve`/`resend`/`discard` (the Qt side
emits a signal from it, which Qt queues to the GUI thread).

Registry audit of the officer's decisions: a resolution sends the kept fields as a new
update based on the registry version the officer saw (the registry's audit log and
version history show who changed which fields, with the op id); the values given up
(the registry's taken, or a whole op discarded) are sent as a `discarded-ops` record
(op id, collection, record, fields, state, reason). Every decision is also written to
the local `sync_audit` table with base/mine/registry.

Retries: after a network failure the loop waits `min(cap, base * 2**n)` seconds with
full jitter, capped at `offline_cap` (60 s), so a returning link is noticed within a
minute without hammering the registry; `sync_now()` wakes it at once. `SessionExpired`
pauses the engine and reports it; after a new login `resume()` goes on, nothing lost.
"""

from __future__ import annotations

import contextlib
import functools
import logging
import queue
import random
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Literal, TypeVar

import orjson
from sqlalchemy.engine import Connection

from registry_core.gc_pause import gc_paused
from sync import outbox
from sync.api import ApiClient
from sync.errors import ApiFailure, SessionExpired, SyncError, Unreachable
from sync.outbox import OpState, OutboxOp
from sync.store import LocalStore, Prepared, prepare_records

log = logging.getLogger(__name__)
T = TypeVar("T")

CURSOR_KEY = "sync.changes_cursor"
OLD_CURSOR_KEY = "desktop.changes_cursor"  # registry_desktop.session before the engine
PULLED_KEY = "sync.pulled_at"
OLD_PULLED_KEY = "desktop.pulled_at"
SUCCESS_KEY = "sync.last_success_at"
PULL_PAGE = 5000  # the registry's largest page: fewer requests and commits
PULL_BATCH = 20_000  # at most this many pulled rows per transaction (pages ready at once)
# Pulled rows written between two looks for a waiting save: 500 (~40 ms) while the
# officer saves (see ACTIVE_TX_ROWS), else 2,500: each look splits the rows' writing in
# two statements, and a look every 500 rows made a pull with nobody saving 6-17 % slower.
YIELD_ROWS = 500
IDLE_YIELD_ROWS = 2500
ACTIVE_TX_ROWS = 5000  # at most this many per pull transaction while the officer saves
OFFICER_ACTIVE_S = 10.0  # ... that is, within this long of a save that had to wait
LET_IN_S = 1.0  # how long a yielding pull waits for the waiting save to take the lock
APPLIED_KEEP_S = 7 * 24 * 3600  # applied ops stay listed for a week

Choice = Literal["mine", "registry"]
EventKind = Literal["status", "applied", "conflict", "rejected", "pulled", "error"]


@dataclass(frozen=True)
class SyncStatus:
    online: bool | None = None  # None: not tried yet
    pending: int = 0
    sending: int = 0
    conflicts: int = 0
    rejected: int = 0
    blocked: int = 0
    last_success_at: datetime | None = None
    reference_age: datetime | None = None  # when the reference lists were last checked
    paused: bool = False
    running: bool = False
    last_error: str | None = None  # error code
    last_error_text: dict[str, str] | None = None  # {"lv": …, "en": …}


@dataclass(frozen=True)
class SyncEvent:
    kind: EventKind
    op_id: str | None = None
    collection: str | None = None
    record_id: str | None = None
    count: int = 0
    error_code: str | None = None
    message: dict[str, str] | None = None
    status: SyncStatus | None = None


@dataclass
class SyncReport:
    sent: int = 0
    applied: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    blocked: int = 0
    pulled: int = 0
    reference_lists: int = 0
    cursor: int = 0
    error: str | None = None  # error code of the failure that ended the cycle
    events: list[SyncEvent] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


class _Stopped(Exception):
    """`stop()` was asked: the cycle ends between two committed steps."""


class SyncEngine:
    def __init__(
        self,
        open_store: Callable[[], LocalStore],
        api: ApiClient,
        *,
        officer: str,
        device_id: str,
        on_event: Callable[[SyncEvent], None] | None = None,
        batch_size: int = 200,
        pipeline: int = 2,
        pull_page: int = PULL_PAGE,
        pull_batch: int = PULL_BATCH,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] | None = None,
        interval: float = 60.0,
        poll: float = 2.0,
        backoff_base: float = 1.0,
        backoff_cap: float = 300.0,
        offline_cap: float = 60.0,
        rng: random.Random | None = None,
    ) -> None:
        self._open_store = open_store
        self.api = api
        self.officer = officer
        self.device_id = device_id
        self.on_event = on_event
        self.batch_size = max(1, batch_size)
        self.pipeline = max(1, pipeline)  # batches (or pages) in flight at once
        self.pull_page = max(1, pull_page)
        self.pull_batch = max(self.pull_page, pull_batch)
        self._pool: ThreadPoolExecutor | None = None
        self.clock = clock
        self._sleep = sleep
        self.interval = interval
        self.poll = poll
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.offline_cap = offline_cap
        self._rng = rng or random.Random()
        self._store: LocalStore | None = None
        self._officer_seen = -OFFICER_ACTIVE_S  # when a save last waited for the pull
        self._db = threading.RLock()
        self._sync_lock = threading.Lock()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._paused = False
        self._asked = False  # sync_now()/resume(): a whole cycle, even before it is due
        self._thread: threading.Thread | None = None
        self._status = SyncStatus()
        self._failures = 0

    # -- lifecycle ------------------------------------------------------------------

    def start(self, *, after: SyncEngine | None = None) -> None:
        """Run the loop on a daemon thread. `after`: an engine being stopped (the same
        officer's previous one): this loop waits until it has ended (one sync at a time)."""
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(
            target=self._loop, args=(after,), name="sync-engine", daemon=True
        )
        self._thread.start()

    def stop(self, *, wait: bool = True) -> None:
        """Stop the loop after the current request (the cycle ends at the next batch or
        page) and close the engine's connection.

        `wait=False` (the GUI thread): only ask; the loop's thread closes the connection
        when it ends, and `join` waits for that."""
        self._stop.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread.is_alive():
            if not wait or thread is threading.current_thread():
                return
            thread.join(timeout=30)
        self._close_store()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the loop's thread has ended; True if it has (or never ran)."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            return not thread.is_alive()
        return True

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def _close_store(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        with self._db:
            if self._store is not None:
                self._store.close()
                self._store = None

    def pause(self) -> None:
        self._paused = True
        self._set_status(paused=True)

    def resume(self) -> None:
        self._paused = False
        self._failures = 0
        self._set_status(paused=False)
        self.sync_now()

    def sync_now(self) -> None:
        """Run a whole cycle (push, pull, reference lists) now, not only when it is due
        or ops wait: an officer pressing F5 expects the registry's news, and a link that
        came back (or went) is found at once."""
        self._asked = True
        self._wake.set()

    def status(self) -> SyncStatus:
        return self._status

    # -- the loop -------------------------------------------------------------------

    def _wait(self, seconds: float) -> None:
        if self._stop.is_set():
            return
        if self._sleep is not None:
            self._sleep(seconds)
            return
        self._wake.wait(max(0.0, seconds))
        self._wake.clear()

    def backoff_delay(self, failures: int) -> float:
        """Full jitter: uniform in [0, min(cap, base * 2**(failures-1))]."""
        top = min(self.backoff_cap, self.backoff_base * 2 ** max(0, failures - 1))
        return self._rng.uniform(0, top)

    def _loop(self, after: SyncEngine | None = None) -> None:
        try:
            if after is not None:
                after.join()
            self._run_loop()
        finally:
            if self._stop.is_set():
                self._close_store()

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise _Stopped

    def _run_loop(self) -> None:
        next_full = 0.0
        while not self._stop.is_set():
            if self._paused:
                self._wait(self.poll)
                continue
            try:
                due, self._asked = self._asked or self.clock() >= next_full, False
                if not due:
                    self.refresh_status()
                    due = self._status.pending > 0 or self._status.sending > 0
                if due:
                    report = self.run_once()
                    if report.ok:
                        self._failures = 0
                        next_full = self.clock() + self.interval
                    elif report.error is not None and not self._paused:
                        self._failures += 1
                        delay = self.backoff_delay(self._failures)
                        if self._status.online is False:
                            delay = min(delay, self.offline_cap)
                        next_full = self.clock() + delay
                        self._wait(delay)
                        continue
            except Exception:  # the loop must survive anything; the status says what
                log.exception("sync cycle failed")
                self._failures += 1
                self._wait(self.backoff_delay(self._failures))
                continue
            self._wait(self.poll)

    # -- one cycle ------------------------------------------------------------------

    def _db_store(self) -> LocalStore:
        if self._store is None:
            self._store = self._open_store()
            # The engine's big writes are checkpointed after their commit, outside the
            # store's write gate (see `_apply`), so a save never waits for a checkpoint.
            self._store.manual_checkpoints()
        return self._store

    def _tx(self, fn: Callable[[Connection], Any], *, background: bool = False) -> Any:
        with self._db:
            store = self._db_store()

            def run() -> Any:
                with store.transaction(background=background) as conn:
                    return fn(conn)

            return outbox.retry_busy(run)

    def _in_tx(self, report: SyncReport, fn: Callable[[Connection, SyncReport], T]) -> T:
        """A transaction that counts into a fresh report: if it has to run again (busy),
        nothing is counted twice; its events are sent only once it committed."""
        scratch: list[SyncReport] = []

        def run(conn: Connection) -> T:
            scratch[:] = [SyncReport()]
            return fn(conn, scratch[0])

        result: T = self._tx(run)
        part = scratch[0]
        for name in ("sent", "applied", "duplicates", "conflicts", "rejected", "blocked"):
            setattr(report, name, getattr(report, name) + getattr(part, name))
        for event in part.events:
            self._emit(report, event)
        return result

    def _read(self, fn: Callable[[Connection], Any]) -> Any:
        with self._db:
            return self._db_store().read(fn)

    def run_once(self, *, push: bool = True, pull: bool = True) -> SyncReport:
        """Push, pull, refresh reference lists. Never raises for network or session
        errors: they end the cycle and are in `report.error` (and in the status).

        `push=False` / `pull=False` run one half alone (benchmarks); only a whole cycle
        counts as the last successful sync."""
        report = SyncReport()
        with self._sync_lock:
            self._set_status(running=True)
            try:
                self._check_stop()
                if push:
                    self._push(report)
                if pull:
                    self._pull(report)
                if push and pull:
                    self._check_stop()
                    self._reference(report)
                    self._check_stop()
                    self._prune()
                    stamp = outbox.iso(outbox.now())
                    self._tx(lambda c: _set_meta(c, SUCCESS_KEY, stamp))
                self._set_status(online=True, last_error=None, last_error_text=None)
            except _Stopped:
                report.error = "sync.stopped"
            except SessionExpired as exc:
                report.error = exc.code
                self._paused = True
                self._set_status(
                    online=True, paused=True, last_error=exc.code, last_error_text=_texts(exc)
                )
                self._emit(report, SyncEvent("error", error_code=exc.code, message=_texts(exc)))
            except Unreachable as exc:
                report.error = exc.code
                self._set_status(online=False, last_error=exc.code, last_error_text=_texts(exc))
                self._emit(report, SyncEvent("error", error_code=exc.code, message=_texts(exc)))
            except SyncError as exc:
                report.error = exc.code
                self._set_status(last_error=exc.code, last_error_text=_texts(exc))
                self._emit(report, SyncEvent("error", error_code=exc.code, message=_texts(exc)))
            finally:
                self._set_status(running=False)
                self.refresh_status()
                if self._store is not None:
                    try:
                        self._checkpoint()  # what this cycle wrote, outside the gate
                    except Exception:  # noqa: BLE001 - the next cycle tries again
                        log.warning("WAL checkpoint failed", exc_info=True)
        return report

    # -- push -----------------------------------------------------------------------

    def _http(self) -> ThreadPoolExecutor:
        """The engine's one extra thread: the request of the next batch or page is on the
        wire while this thread writes the answers of the previous one."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-http")
        return self._pool

    def _push(self, report: SyncReport) -> None:
        """Send batches with up to `pipeline` of them in flight. A batch in flight is never
        followed by an op that depends on one of its ops or touches one of its records
        (`_next_batch(inflight=...)`), so batches in flight are independent: the registry
        may apply them in either order. Answers are applied in the order sent."""
        flight: deque[tuple[list[OutboxOp], Future[list[dict[str, Any]]]]] = deque()
        try:
            while True:
                self._check_stop()
                inflight = [op for sent, _ in flight for op in sent]
                batch = self._in_tx(report, functools.partial(self._next_batch, inflight=inflight))
                if batch:
                    wire = [_wire(op) for op in batch]
                    flight.append((batch, self._http().submit(self.api.push, self.device_id, wire)))
                    if len(flight) < self.pipeline:
                        continue
                if not flight:
                    return
                sent, answer = flight.popleft()
                self._answered(sent, answer, report)
        finally:
            # A failure (or stop) ends the push: what is still in flight is answered and
            # recorded, or goes back to pending; nothing is left behind as `sending`.
            while flight:
                sent, answer = flight.popleft()
                try:
                    self._answered(sent, answer, report)
                except Exception as exc:  # the first failure is the one reported
                    log.info("a batch in flight failed too: %r", exc)

    def _answered(
        self, batch: list[OutboxOp], answer: Future[list[dict[str, Any]]], report: SyncReport
    ) -> None:
        """Wait for a batch's answer (sent by `_push`) and record it."""
        self._answer(batch, answer.result, report)

    def _answer(
        self,
        batch: list[OutboxOp],
        answers_of: Callable[[], list[dict[str, Any]]],
        report: SyncReport,
    ) -> None:
        """Record the registry's answers to a batch. A 4xx refusal of the whole batch is
        narrowed down to its op (`_refused`); any other failure (the link, a 5xx, an
        expired session, stopping, a bug) puts the batch back to pending, to be resent,
        and is raised."""
        try:
            answers = answers_of()
        except ApiFailure as exc:
            if exc.status >= 500 or exc.status in (0, 401, 408, 429):
                self._tx(lambda c: _back_to_pending(c, batch))
                raise
            self._refused(batch, exc, report)
            return
        except BaseException:
            self._tx(lambda c: _back_to_pending(c, batch))
            raise
        self._record(batch, answers, report)

    def _next_batch(
        self, conn: Connection, report: SyncReport, inflight: list[OutboxOp] | None = None
    ) -> list[OutboxOp]:
        """Pick the next ops to send, mark them `sending`; block those whose dependency
        was rejected, blocked or discarded (create); unblock those whose no longer is.
        `inflight`: ops sent and not yet answered; ops that depend on them or touch their
        records wait (they stay out of this batch and so does everything after them)."""
        flying = {op.op_id for op in inflight or ()}
        dep_state: dict[str, str] = dict.fromkeys(flying, "sending")
        chosen: list[OutboxOp] = []
        chosen_ids: set[str] = set()
        records: set[tuple[str, str]] = {(op.collection, op.record_id) for op in inflight or ()}
        blocked_now: set[str] = set()
        for op in self._queue_ops(conn, dep_state, flying):
            unknown = {d for d in op.depends_on if d not in dep_state}
            if unknown:
                dep_state.update(dict.fromkeys(unknown, "absent"))
                dep_state.update(_dep_states(conn, unknown))
            bad = next(
                (
                    d
                    for d in op.depends_on
                    if d in blocked_now
                    or (d not in chosen_ids and dep_state.get(d) in ("rejected", "blocked", "gone"))
                ),
                None,
            )
            if bad is not None:
                blocked_now.add(op.op_id)
                if op.state != OpState.BLOCKED:
                    _set_blocked(conn, op, bad)
                    report.blocked += 1
                    report.events.append(
                        SyncEvent("rejected", op.op_id, op.collection, op.record_id)
                    )
                continue
            waiting = any(
                dep_state.get(d) in ("pending", "sending") and d not in chosen_ids
                for d in op.depends_on
            )
            key = (op.collection, op.record_id)
            if waiting or key in records:
                break  # keep the order: the rest waits for the next batch
            if op.state == OpState.BLOCKED:
                conn.exec_driver_sql(
                    "UPDATE outbox SET state = 'pending', last_error_code = NULL, "
                    "last_error = NULL WHERE op_id = ?",
                    (op.op_id,),
                )
            chosen.append(op)
            chosen_ids.add(op.op_id)
            records.add(key)
            if len(chosen) >= self.batch_size:
                break
        if chosen:
            marks = ",".join("?" for _ in chosen)
            conn.exec_driver_sql(
                f"UPDATE outbox SET state = 'sending', attempts = attempts + 1 "
                f"WHERE op_id IN ({marks})",
                tuple(op.op_id for op in chosen),
            )
        return chosen

    def _queue_ops(
        self, conn: Connection, dep_state: dict[str, str], skip: set[str]
    ) -> Iterator[OutboxOp]:
        """This officer's ops still to send (pending, sending, blocked) in push order,
        read in pages along the primary key from the first of them, so that a long queue
        (or a week of applied ops before it) is never read and sorted whole per batch;
        the states of each page's dependencies are read at once into `dep_state`. Ops
        in `skip` (in flight) are passed over unparsed."""
        for rows in self._queue_pages(conn):
            ops = [outbox._op(r) for r in rows if str(r[0]) not in skip]
            unknown = {d for op in ops for d in op.depends_on if d not in dep_state}
            if unknown:
                dep_state.update(dict.fromkeys(unknown, "absent"))
                dep_state.update(_dep_states(conn, unknown))
            yield from ops

    def _queue_pages(self, conn: Connection) -> Iterator[list[Any]]:
        first = conn.exec_driver_sql(
            "SELECT min(position) FROM outbox WHERE officer = ? "
            "AND state IN ('pending','sending','blocked')",
            (self.officer,),
        ).scalar()
        if first is None:
            return
        page = self.batch_size + 20
        last = int(first) - 1
        while True:
            # "+": filter on the columns, walk the primary key (position) in order.
            rows = conn.exec_driver_sql(
                f"SELECT {outbox._COLUMNS} FROM outbox WHERE position > ? AND +officer = ? "
                f"AND +state IN ('pending','sending','blocked') ORDER BY position LIMIT ?",
                (last, self.officer, page),
            ).fetchall()
            yield list(rows)
            if len(rows) < page:
                return
            last = int(rows[-1][1])

    def _send(self, batch: list[OutboxOp], report: SyncReport) -> None:
        """Send one batch and wait for its answer (a refused batch's halves)."""
        wire = [_wire(op) for op in batch]
        self._answer(batch, lambda: self.api.push(self.device_id, wire), report)

    def _refused(self, batch: list[OutboxOp], exc: ApiFailure, report: SyncReport) -> None:
        """The registry refused a whole batch (4xx, not per-op answers): split it in halves
        until the op that causes it is found; that op alone is set aside as rejected."""
        if exc.status == 413 and len(batch) > 1:
            self.batch_size = max(1, len(batch) // 2)
        if len(batch) > 1:
            half = len(batch) // 2
            self._send(batch[:half], report)
            self._send(batch[half:], report)
            return
        answer = {
            "op_id": batch[0].op_id,
            "status": "rejected",
            "error": exc.code,
            "message": exc.message(self.api.language),
            "fields": exc.fields,
            "_texts": _texts(exc),
        }
        self._record(batch, [answer], report)

    def _record(
        self, batch: list[OutboxOp], answers: list[dict[str, Any]], report: SyncReport
    ) -> None:
        by_id = {str(a.get("op_id")): a for a in answers}
        missing = [op for op in batch if op.op_id not in by_id]
        report.sent += len(batch)
        with gc_paused():
            self._in_tx(report, functools.partial(self._apply_answers, batch=batch, answers=by_id))
        if missing:  # an answer without every op: those go back to pending
            self._tx(lambda c: _back_to_pending(c, missing))
            raise ApiFailure("net.bad_answer", status=200)

    def _apply_answers(
        self,
        conn: Connection,
        report: SyncReport,
        *,
        batch: list[OutboxOp],
        answers: Mapping[str, Mapping[str, Any]],
    ) -> None:
        refused: set[str] = set()
        sending, others = _batch_context(conn, batch)
        quick: list[tuple[OutboxOp, int, dict[str, Any]]] = []
        settled: list[tuple[OutboxOp, int, Any]] = []
        views: list[tuple[str, str]] = []  # records whose view is recomputed (in bulk)
        for op in batch:
            answer = answers.get(op.op_id)
            if answer is None or op.op_id not in sending:
                continue  # discarded meanwhile (the UI refuses that, but be safe)
            status = str(answer.get("status"))
            record = answer.get("record")
            version = int(answer.get("version") or 0)
            if status in ("applied", "duplicate"):
                if status == "duplicate":
                    report.duplicates += 1
                else:
                    report.applied += 1
                report.events.append(SyncEvent("applied", op.op_id, op.collection, op.record_id))
                if (op.collection, op.record_id) not in others and (
                    op.collection in outbox.WRITE_ONLY or (isinstance(record, dict) and version)
                ):
                    # The usual case: nothing else pending on the record, so its view is
                    # simply the registry's answer. Done in bulk below.
                    quick.append((op, version, record if isinstance(record, dict) else {}))
                    continue
                settled.append((op, version, record))
            elif status == "conflict":
                self._conflicted(conn, op, answer)
                report.conflicts += 1
                report.events.append(SyncEvent("conflict", op.op_id, op.collection, op.record_id))
            else:
                dep = next((d for d in op.depends_on if d in refused), None)
                if dep is not None:
                    _set_blocked(conn, op, dep)
                    report.blocked += 1
                else:
                    _set_rejected(conn, op, answer, self.api.language)
                    report.rejected += 1
                refused.add(op.op_id)
                report.events.append(SyncEvent("rejected", op.op_id, op.collection, op.record_id))
            views.append((op.collection, op.record_id))
        if settled:
            self._applied(conn, settled)
            views.extend((op.collection, op.record_id) for op, _, _ in settled)
        # A batch holds one op per record: the records' views are independent of each
        # other, so they are recomputed together once every answer is recorded.
        outbox.recompute_views(conn, views)
        if quick:
            outbox.settle_applied(conn, quick)

    def _applied(self, conn: Connection, done: list[tuple[OutboxOp, int, Any]]) -> None:
        """Applied ops whose records have other unsettled ops (their views are recomputed
        by the caller), in a few statements for the whole batch."""
        conn.exec_driver_sql(
            "UPDATE outbox SET state = 'applied', applied_version = ?, answered_at = ?, "
            "last_error_code = NULL, last_error = NULL, error_fields = '{}', conflict = NULL "
            "WHERE op_id = ?",
            [(version, outbox.iso(outbox.now()), op.op_id) for op, version, _ in done],
        )
        kept = [(op, v, r) for op, v, r in done if op.collection not in outbox.WRITE_ONLY]
        shadows = [
            (op.collection, op.record_id, version, outbox.dumps(dict(record)))
            for op, version, record in kept
            if isinstance(record, dict) and version
        ]
        if shadows:
            conn.exec_driver_sql(
                "INSERT INTO record_shadow (collection, id, version, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id, collection) DO UPDATE SET version = excluded.version, "
                "data = excluded.data WHERE excluded.version >= record_shadow.version",
                shadows,
            )
        # Later ops on this record were based on the view that already held this op's
        # change: they continue from the version it made, unless someone else's change
        # came in between (then the registry's field check must still see it).
        after_create: list[tuple[Any, ...]] = []
        after_update: list[tuple[Any, ...]] = []
        for op, version, _ in kept:
            if not version:
                continue
            if op.base_version is None:
                after_create.append((version, op.record_id, op.collection, op.position))
            elif version == op.base_version + 1:
                after_update.append(
                    (version, op.record_id, op.collection, op.position, op.base_version)
                )
        rebase = (
            "UPDATE outbox SET base_version = ? WHERE record_id = ? AND collection = ? "
            "AND kind != 'create' AND position > ? AND state IN ('pending','blocked') AND "
        )
        if after_create:
            conn.exec_driver_sql(rebase + "base_version IS NULL", after_create)
        if after_update:
            conn.exec_driver_sql(
                rebase + "(base_version IS NULL OR base_version = ?)", after_update
            )

    def _conflicted(self, conn: Connection, op: OutboxOp, answer: Mapping[str, Any]) -> None:
        record = dict(answer.get("record") or {})
        version = int(answer.get("version") or record.get("version") or 0)
        clash = tuple(str(f) for f in answer.get("fields") or ())
        if clash == ("deleted",):  # a delete against a changed record
            mine: dict[str, Any] = {"deleted": True}
        else:
            mine = {f: op.fields.get(f) for f in clash}
        # The registry's values when the officer made the change; for a field this op
        # did not record (a resolution's op), the registry copy known before this answer.
        base_data = outbox.op_base(conn, op.op_id)
        known = outbox.shadow(conn, op.collection, op.record_id)
        for f in clash:
            if f not in base_data and known is not None:
                base_data[f] = known[1].get(f)
        conflict = outbox.Conflict(
            fields=clash,
            base={f: base_data.get(f) for f in clash},
            mine=mine,
            registry={f: record.get(f) for f in clash},
            registry_version=version,
            legal_fields=outbox.legal_fields(op.collection, clash),
        )
        message = str(answer.get("message") or "")
        conn.exec_driver_sql(
            "UPDATE outbox SET state = 'conflict', conflict = ?, last_error_code = 'op.conflict', "
            "last_error = ?, answered_at = ? WHERE op_id = ?",
            (
                outbox.conflict_json(conflict),
                outbox.dumps(_both("op.conflict", message, self.api.language, clash)),
                outbox.iso(outbox.now()),
                op.op_id,
            ),
        )
        if record and version:
            outbox.set_shadow(conn, op.collection, op.record_id, version, record)

    # -- pull -----------------------------------------------------------------------

    def _pull(self, report: SyncReport) -> None:
        """Page by page from the stored cursor; the next page is fetched (by the engine's
        HTTP thread) while this one is written, and each page is written together with
        its cursor, so the cursor never runs ahead of what was applied.

        The collector stays off for the whole pull, not page by page: each page decoded
        ahead is half a million young objects, which a pass right after each page would
        walk again (and a full pass walks every page still held). The pages are gone
        before it resumes."""
        cursor = int(self._read(lambda c: _cursor(c)))
        with gc_paused():
            cursor = self._pull_pages(cursor, report)
        report.cursor = cursor
        if report.pulled:
            self._emit(report, SyncEvent("pulled", count=report.pulled))

    def _pull_pages(self, cursor: int, report: SyncReport) -> int:
        if self.pipeline < 2:
            while True:
                self._check_stop()
                rows, seqs, nxt, more = self._fetch(cursor)
                self._apply(rows, seqs, nxt, report)
                cursor = nxt
                if not more:
                    return cursor
        # The HTTP thread fetches and prepares pages ahead (decoding, JSON and index text:
        # Python that needs no database) while this thread writes. Pages that are ready
        # when one is written go into the same transaction, up to `pull_batch` rows: a
        # cache that is behind catches up with fewer commits (each rewrites the pages of
        # the id indexes it touched).
        ready: queue.Queue[_Page | BaseException] = queue.Queue(
            maxsize=max(1, self.pull_batch // self.pull_page)
        )
        halt = threading.Event()
        producer = self._http().submit(self._fetch_ahead, cursor, ready, halt)
        held: list[_Page | BaseException] = []
        try:
            while True:
                self._check_stop()
                item = held.pop() if held else ready.get()
                if isinstance(item, BaseException):
                    raise item
                rows, seqs, nxt, more = item
                while more and len(rows) < self.pull_batch:
                    try:
                        item = ready.get_nowait()
                    except queue.Empty:
                        break
                    if isinstance(item, BaseException):
                        held.append(item)  # raised after what came before is written
                        break
                    rows = rows + item[0]
                    seqs = None if seqs is None or item[1] is None else seqs + item[1]
                    nxt, more = item[2], item[3]
                self._apply(rows, seqs, nxt, report)
                cursor = nxt
                if not more:
                    return cursor
        finally:
            halt.set()
            with contextlib.suppress(queue.Empty):
                while True:
                    ready.get_nowait()  # the pages fetched ahead are dropped
            with contextlib.suppress(Exception):
                producer.result()

    def _fetch(self, since: int) -> _Page:
        page = self.api.changes(since, limit=self.pull_page)
        more = bool(page.get("more"))
        nxt = int(page.get("next") or since)
        return prepare_records(_page_rows(page)), _page_seqs(page, since), nxt, more

    def _fetch_ahead(
        self,
        cursor: int,
        ready: queue.Queue[_Page | BaseException],
        halt: threading.Event,
    ) -> None:
        """The HTTP thread's part of a pull: pages in order until the last, `halt` or a
        failure (handed over to be raised by the writing thread)."""
        item: _Page | BaseException
        while not halt.is_set():
            try:
                item = self._fetch(cursor)
            except BaseException as exc:  # noqa: BLE001 - raised on the writing thread
                item = exc
            while not halt.is_set():
                try:
                    ready.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if isinstance(item, BaseException) or not item[3]:
                return
            cursor = item[2]

    def _apply(
        self, rows: list[Prepared], seqs: list[int] | None, nxt: int, report: SyncReport
    ) -> None:
        """Write pulled rows and their cursor, in one transaction unless a save is
        waiting: then in several, each with the cursor of its last row."""
        start = 0
        while True:
            end = self._tx(
                functools.partial(self._apply_rows, rows=rows, seqs=seqs, start=start, nxt=nxt),
                background=True,
            )
            report.pulled += end - start
            start = end
            self._checkpoint()
            if start >= len(rows):
                return
            self._check_stop()
            self._let_officer_in()

    def _checkpoint(self) -> None:
        with self._db:
            self._db_store().checkpoint()

    def _let_officer_in(self) -> None:
        """After a pull committed early: wait (briefly) until the waiting save has the
        lock, so that the pull's next transaction does not take it first."""
        with self._db:
            store = self._db_store()
        deadline = time.monotonic() + LET_IN_S
        while store.officer_waiting() and time.monotonic() < deadline:
            time.sleep(0.002)

    def _apply_rows(
        self,
        conn: Connection,
        *,
        rows: list[Prepared],
        seqs: list[int] | None,
        start: int,
        nxt: int,
    ) -> int:
        """rows[start:] up to the end, or up to a chunk boundary where a save is waiting,
        or, while the officer is saving (one waited in the last `OFFICER_ACTIVE_S`), up
        to `ACTIVE_TX_ROWS`: the next save then waits for the commit of less. Returns
        where it stopped. The cursor saved is `nxt` at the end, else the feed position
        of the last row written (only possible when the rows' seqs are known)."""
        store = self._db_store()
        touched = {
            (str(r[0]), str(r[1]))
            for r in conn.exec_driver_sql(
                f"SELECT DISTINCT collection, record_id FROM outbox WHERE state IN "
                f"{outbox._UNSETTLED_SQL}"
            )
        }
        stamp = outbox.now()
        active = time.monotonic() - self._officer_seen < OFFICER_ACTIVE_S
        cap = start + ACTIVE_TX_ROWS if active else len(rows)
        step = YIELD_ROWS if active else IDLE_YIELD_ROWS
        end = start
        while True:
            chunk = rows[end : end + step] if seqs is not None else rows[end:]
            self._write_rows(conn, store, chunk, touched, stamp)
            end += len(chunk)
            if end >= len(rows):
                break
            if store.officer_waiting():
                self._officer_seen = time.monotonic()
                break
            if end >= cap:
                break
        _set_meta(conn, CURSOR_KEY, str(nxt if end >= len(rows) else seqs[end - 1]))  # type: ignore[index]
        _set_meta(conn, PULLED_KEY, outbox.iso(stamp))
        _set_meta(conn, OLD_PULLED_KEY, outbox.iso(stamp))  # read by the desktop's cache age
        return end

    @staticmethod
    def _write_rows(
        conn: Connection,
        store: LocalStore,
        rows: list[Prepared],
        touched: set[tuple[str, str]],
        stamp: datetime,
    ) -> None:
        plain = rows
        overlay: set[tuple[str, str]] = set()
        if touched:
            plain = []
            for row in rows:
                key = (row[0], row[1])
                if key in touched:
                    outbox.set_shadow(conn, row[0], row[1], row[2], orjson.loads(row[6]))
                    overlay.add(key)
                else:
                    plain.append(row)
        store.cache_prepared(conn, plain, stamp)
        for collection, record_id in overlay:
            outbox.recompute_view(conn, collection, record_id)

    # -- reference lists ------------------------------------------------------------

    def _reference(self, report: SyncReport) -> None:
        with self._db:
            store = self._db_store()
            local = store.reference_versions()
        fetched = []
        for entry in self.api.reference_index():
            name = str(entry.get("name"))
            version = int(entry.get("version") or 0)
            have = local.get(name, 0)
            if version <= have:
                continue
            new_version, items = self.api.reference_items(name, have)
            fetched.append(
                (name, new_version, items, str(entry.get("label_lv") or ""),
                 str(entry.get("label_en") or ""))
            )  # fmt: skip
        with self._db:
            store = self._db_store()
            for name, version, items, lv, en in fetched:
                outbox.retry_busy(
                    functools.partial(
                        store.apply_reference, name, version, items, label_lv=lv, label_en=en
                    )
                )
            if not fetched:
                outbox.retry_busy(store.mark_reference_checked)
        report.reference_lists = len(fetched)

    def _prune(self) -> None:
        cutoff = outbox.iso(
            datetime.fromtimestamp(time.time() - APPLIED_KEEP_S, tz=outbox.now().tzinfo)
        )
        self._tx(
            lambda c: c.exec_driver_sql(
                "DELETE FROM outbox WHERE officer = ? AND state = 'applied' AND answered_at < ?",
                (self.officer, cutoff),
            )
        )

    # -- the officer's decisions ----------------------------------------------------

    def resolve(self, op_id: str, choice: Choice | Mapping[str, Choice]) -> None:
        """Decide a conflict: keep mine, take the registry's, or per field.

        The conflicting op leaves the outbox (`outbox_done`, outcome "resolved") and:
        - the fields kept as "mine", plus the op's fields that did not clash, go out as a
          new update op based on the registry version the officer saw (so the registry's
          audit shows this officer's deliberate change of exactly those fields, at that
          version; a further change meanwhile makes a new conflict, never an overwrite);
        - the fields where the registry's value was taken are recorded in the registry by
          a `discarded-ops` record (which op, which fields, "conflict: registry kept");
        - the whole decision (base/mine/registry and the choices) goes to `sync_audit`.
        """

        def tx(conn: Connection) -> None:
            op = outbox.get_op(conn, op_id)
            if op is None or op.state != OpState.CONFLICT or op.conflict is None:
                raise ValueError(f"op {op_id} is not in conflict")
            c = op.conflict
            picks = {f: (choice if isinstance(choice, str) else choice[f]) for f in c.fields}
            if any(v not in ("mine", "registry") for v in picks.values()):
                raise ValueError("choice must be 'mine' or 'registry'")
            keep = {k: v for k, v in op.fields.items() if k not in c.fields}
            keep.update({f: c.mine.get(f) for f in c.fields if picks[f] == "mine"})
            dropped = sorted(f for f in c.fields if picks[f] == "registry")
            outbox.retire(conn, op, "resolved")
            outbox.audit(
                conn,
                self.officer,
                "resolve",
                op.op_id,
                {
                    "choices": picks,
                    "base": c.base,
                    "mine": c.mine,
                    "registry": c.registry,
                    "registry_version": c.registry_version,
                },
            )
            if op.kind == "delete" and picks.get("deleted") == "mine":
                new_kind, keep = "delete", {}
            else:
                new_kind = "update" if op.kind != "action" else "action"
            if keep or new_kind == "delete":
                outbox.insert_op(
                    conn,
                    op_id=str(uuid.uuid4()),
                    officer=self.officer,
                    collection=op.collection,
                    record_id=op.record_id,
                    kind=new_kind,
                    base_version=c.registry_version,
                    fields=keep,
                    depends_on=[],
                )
            if dropped:
                _queue_discard(conn, self.officer, op, dropped, "conflict", _RESOLVED_REASON)
            outbox.recompute_view(conn, op.collection, op.record_id)

        self._tx(tx)
        self.refresh_status()
        self._wake.set()

    def resend(self, op_id: str, fields: dict[str, Any]) -> None:
        """After the officer fixed a rejected op: its fields replace the op's, and it goes
        back in the queue with the same op_id (a refused op was never applied)."""

        def tx(conn: Connection) -> None:
            op = outbox.get_op(conn, op_id)
            if op is None or op.state not in (OpState.REJECTED, OpState.BLOCKED):
                raise ValueError(f"op {op_id} is not rejected")
            outbox.audit(conn, self.officer, "resend", op_id, {"before": op.fields})
            conn.exec_driver_sql(
                "UPDATE outbox SET fields = ?, state = 'pending', last_error_code = NULL, "
                "last_error = NULL, error_fields = '{}' WHERE op_id = ?",
                (outbox.dumps(outbox.plain(fields)), op_id),
            )
            outbox.recompute_view(conn, op.collection, op.record_id)

        self._tx(tx)
        self.refresh_status()
        self._wake.set()

    def discard(self, op_id: str, reason: str) -> None:
        """Drop an unsent op (after the UI's confirmation), audited in the registry by a
        `discarded-ops` record sent through the outbox. Dependants are not dropped: if the
        discarded op created a record, they become `blocked` (they can never apply, and
        the officer sees why and discards or re-targets them); otherwise they go on."""

        def tx(conn: Connection) -> None:
            op = outbox.get_op(conn, op_id)
            if op is None or op.state in (OpState.SENDING, OpState.APPLIED):
                raise ValueError(f"op {op_id} cannot be discarded now")
            outbox.retire(conn, op, "discarded")
            outbox.audit(conn, self.officer, "discard", op_id, {"reason": reason, **op.wire()})
            if op.collection != "discarded-ops":
                _queue_discard(conn, self.officer, op, sorted(op.fields), op.state.value, reason)
            outbox.recompute_view(conn, op.collection, op.record_id)

        self._tx(tx)
        self.refresh_status()
        self._wake.set()

    # -- status ---------------------------------------------------------------------

    def refresh_status(self) -> SyncStatus:
        """Recount from the store (engine thread or a worker; never the GUI thread)."""

        def q(conn: Connection) -> tuple[dict[OpState, int], str | None, str | None]:
            return (
                outbox.counts(conn, self.officer),
                _get_meta(conn, SUCCESS_KEY),
                _get_meta(conn, "reference_checked_at"),
            )

        try:
            n, success, ref = self._read(q)
        except Exception:  # a status refresh must never break a cycle
            log.exception("status refresh failed")
            return self._status
        return self._set_status(
            pending=n[OpState.PENDING],
            sending=n[OpState.SENDING],
            conflicts=n[OpState.CONFLICT],
            rejected=n[OpState.REJECTED],
            blocked=n[OpState.BLOCKED],
            last_success_at=datetime.fromisoformat(success) if success else None,
            reference_age=datetime.fromisoformat(ref) if ref else None,
        )

    def _set_status(self, **changes: Any) -> SyncStatus:
        old = self._status
        new = replace(old, **changes)
        self._status = new
        if new != old and self.on_event is not None:
            self._call(SyncEvent("status", status=new))
        return new

    def _emit(self, report: SyncReport, event: SyncEvent) -> None:
        report.events.append(event)
        self._call(event)

    def _call(self, event: SyncEvent) -> None:
        if self.on_event is None:
            return
        try:
            self.on_event(event)
        except Exception:
            log.exception("on_event failed")


# --------------------------------------------------------------------------- helpers

_RESOLVED_REASON = "Konflikts: paturēta reģistra vērtība / Conflict: the registry's value kept"


def _queue_discard(
    conn: Connection, officer: str, op: OutboxOp, fields: list[str], state: str, reason: str
) -> None:
    outbox.insert_op(
        conn,
        op_id=str(uuid.uuid4()),
        officer=officer,
        collection="discarded-ops",
        record_id=str(uuid.uuid4()),
        kind="create",
        base_version=None,
        fields={
            "op_id": op.op_id,
            "op_collection": op.collection,
            "op_record_id": op.record_id,
            "op_kind": op.kind,
            "fields": fields,
            "state": state,
            "reason": reason.strip() or "-",
            "discarded_at": outbox.iso(outbox.now()),
        },
        depends_on=[],
    )


def _batch_context(
    conn: Connection, batch: list[OutboxOp]
) -> tuple[set[str], set[tuple[str, str]]]:
    """Which of the batch's ops are still `sending`, and which of its records have other
    unsettled ops (those need the full recompute of their view)."""
    marks = ",".join("?" for _ in batch)
    ids = tuple(op.op_id for op in batch)
    sending = {
        str(r[0])
        for r in conn.exec_driver_sql(
            f"SELECT op_id FROM outbox WHERE op_id IN ({marks}) AND state = 'sending'", ids
        )
    }
    records = tuple(sorted({op.record_id for op in batch}))
    rmarks = ",".join("?" for _ in records)
    others = {
        (str(r[0]), str(r[1]))
        for r in conn.exec_driver_sql(
            f"SELECT collection, record_id FROM outbox WHERE record_id IN ({rmarks}) "
            f"AND state IN {outbox._UNSETTLED_SQL} AND op_id NOT IN ({marks})",
            records + ids,
        )
    }
    return sending, others


def _wire(op: OutboxOp) -> dict[str, Any]:
    wire = op.wire()
    if wire["base_version"] is None and op.kind in ("update", "delete"):
        wire["base_version"] = 0  # never happens in a healthy chain; the registry decides
    return wire


def _dep_states(conn: Connection, ids: set[str]) -> dict[str, str]:
    """State of each dependency: outbox state, "gone" (a discarded create), or absent
    (applied and pruned, resolved, discarded update: no longer in the way)."""
    out: dict[str, str] = {}
    listed = sorted(ids)
    for start in range(0, len(listed), 500):
        chunk = listed[start : start + 500]
        marks = ",".join("?" for _ in chunk)
        for op_id, state in conn.exec_driver_sql(
            f"SELECT op_id, state FROM outbox WHERE op_id IN ({marks})", tuple(chunk)
        ):
            out[str(op_id)] = str(state)
        for op_id, outcome, kind in conn.exec_driver_sql(
            f"SELECT op_id, outcome, kind FROM outbox_done WHERE op_id IN ({marks})", tuple(chunk)
        ):
            if outcome == "discarded" and kind == "create":
                out[str(op_id)] = "gone"
    return out


def _set_blocked(conn: Connection, op: OutboxOp, dep: str) -> None:
    conn.exec_driver_sql(
        "UPDATE outbox SET state = 'blocked', last_error_code = 'outbox.blocked', "
        "last_error = ?, error_fields = ? WHERE op_id = ?",
        (
            outbox.dumps(outbox.bilingual("outbox.blocked")),
            outbox.dumps({"depends_on": dep}),
            op.op_id,
        ),
    )


def _set_rejected(conn: Connection, op: OutboxOp, answer: Mapping[str, Any], lang: str) -> None:
    code = str(answer.get("error") or "op.invalid")
    texts = answer.get("_texts")
    if not isinstance(texts, dict):
        texts = _both(code, str(answer.get("message") or ""), lang, ())
    raw = answer.get("fields")
    fields = {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}
    conn.exec_driver_sql(
        "UPDATE outbox SET state = 'rejected', last_error_code = ?, last_error = ?, "
        "error_fields = ?, answered_at = ? WHERE op_id = ?",
        (code, outbox.dumps(texts), outbox.dumps(fields), outbox.iso(outbox.now()), op.op_id),
    )


def _both(code: str, message: str, lang: str, clash: tuple[str, ...]) -> dict[str, str]:
    """The registry's message in the API's language; the other from the catalogue."""
    texts = outbox.bilingual(code, fields=", ".join(clash))
    if message:
        texts["en" if lang == "en" else "lv"] = message
    return texts


def _back_to_pending(conn: Connection, ops: list[OutboxOp]) -> None:
    marks = ",".join("?" for _ in ops)
    conn.exec_driver_sql(
        f"UPDATE outbox SET state = 'pending' WHERE state = 'sending' AND op_id IN ({marks})",
        tuple(op.op_id for op in ops),
    )


def _texts(exc: SyncError) -> dict[str, str]:
    return {"lv": exc.message_lv, "en": exc.message_en}


# A pulled page, or pages ready at once: prepared rows, each row's feed position (None
# when a change lacks its seq: then the rows are written in one transaction), the cursor
# after the last row, and whether the feed has more.
_Page = tuple[list[Prepared], list[int] | None, int, bool]


def _page_seqs(page: Mapping[str, Any], since: int) -> list[int] | None:
    """The changes' seqs, if every change has one and they rise after `since`."""
    seqs: list[int] = []
    last = since
    for change in page.get("changes") or []:
        seq = change.get("seq")
        if not isinstance(seq, int) or seq <= last:
            return None
        seqs.append(seq)
        last = seq
    return seqs


def _page_rows(page: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(collection, record) of each change, the record completed with the change's id,
    version and deleted flag (the page is ours: its records are completed in place)."""
    rows: list[tuple[str, dict[str, Any]]] = []
    for change in page.get("changes") or []:
        rec = change.get("record")
        rec = rec if isinstance(rec, dict) else {}
        rec.setdefault("id", change.get("id"))
        rec["version"] = int(change.get("version") or rec.get("version") or 0)
        rec["deleted"] = bool(change.get("deleted"))
        rows.append((str(change.get("collection")), rec))
    return rows


def _get_meta(conn: Connection, key: str) -> str | None:
    row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (key,)).first()
    return str(row[0]) if row else None


def _set_meta(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _cursor(conn: Connection) -> int:
    value = _get_meta(conn, CURSOR_KEY) or _get_meta(conn, OLD_CURSOR_KEY)
    return int(value or 0)


__all__ = [
    "SyncEngine",
    "SyncEvent",
    "SyncReport",
    "SyncStatus",
]
