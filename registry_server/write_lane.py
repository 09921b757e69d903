"""A second thread that sends a push batch's rows to PostgreSQL while the engine goes on.

A push spends about as long checking ops in Python as PostgreSQL spends writing their
rows. Done one after the other, each of the two cores waits half of the time. With the
lane, the engine hands over the rows of the ops it has decided so far (COPY text or a
statement with its parameters) and checks the next ops while PostgreSQL writes.

Rules that keep this correct:
- The lane runs its jobs in the order they were handed over, on the batch's own
  connection, inside the batch's transaction.
- Only the lane uses the connection while it has work. Whoever else needs the
  connection calls `drain()` first (`Batch.conn` does), so every read sees every row
  handed over before it.
- A job that fails stops the lane; the error is raised in the engine's thread at the
  next `drain()` or `submit()`, and the batch's transaction is rolled back as usual.

The GIL: the lane needs it for a moment between its waits on PostgreSQL, while the
engine's thread holds it for long stretches of checking. With Python's default switch
interval (5 ms) each of those moments cost the lane up to 5 ms, and a slice of 50 ops
took three times as long as PostgreSQL needed for it (measured). While a lane runs, the
interval is 0.2 ms; it only matters when the lane is ready to run.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from typing import Any, Literal

# ("copy", statement, COPY text) or ("execute", statement, parameters).
Job = tuple[Literal["copy", "execute"], str, Any]


def run_jobs(raw: Any, jobs: list[Job]) -> None:
    """Jobs in order on a psycopg connection, in the calling thread. Statements next to
    each other go in one round trip (pipeline); a COPY cannot join a pipeline."""
    i = 0
    while i < len(jobs):
        kind, statement, payload = jobs[i]
        if kind == "copy":
            with raw.cursor() as cur, cur.copy(statement) as copy:
                copy.write(payload.encode() if isinstance(payload, str) else payload)
            i += 1
            continue
        j = i
        while j < len(jobs) and jobs[j][0] == "execute":
            j += 1
        if j - i == 1:
            raw.execute(statement, payload)
        else:
            with raw.pipeline():
                for _kind, stmt, params in jobs[i:j]:
                    raw.execute(stmt, params)
        i = j


_SWITCH_INTERVAL = 0.0002
_switch_lock = threading.Lock()
_lanes_running = 0
_switch_before = 0.0


def _lane_started() -> None:
    global _lanes_running, _switch_before
    with _switch_lock:
        if _lanes_running == 0:
            _switch_before = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_before, _SWITCH_INTERVAL))
        _lanes_running += 1


def _lane_stopped() -> None:
    global _lanes_running
    with _switch_lock:
        _lanes_running -= 1
        if _lanes_running == 0:
            sys.setswitchinterval(_switch_before)


class WriteLane:
    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self._jobs: deque[Job] = deque()
        self._cond = threading.Condition()
        self._busy = False
        self._closed = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="push-write-lane", daemon=True)
        _lane_started()
        self._thread.start()

    def submit(self, jobs: list[Job]) -> None:
        if not jobs:
            return
        with self._cond:
            self._raise_error()
            self._jobs.extend(jobs)
            self._cond.notify_all()

    def drain(self) -> None:
        """Wait until every job handed over has run; raise the failure if one failed."""
        with self._cond:
            while (self._jobs or self._busy) and self._error is None:
                self._cond.wait()
            self._raise_error()

    def close(self) -> None:
        """Stop the thread once its jobs are done (or one failed). Never raises."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        self._thread.join()
        _lane_stopped()

    def _raise_error(self) -> None:
        # Sticky: after a failed job the transaction is broken, so is every later call.
        if self._error is not None:
            raise self._error

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._jobs and not self._closed:
                    self._cond.wait()
                if not self._jobs:
                    return
                jobs = list(self._jobs)
                self._jobs.clear()
                self._busy = True
            try:
                run_jobs(self._raw, jobs)
            except BaseException as exc:  # noqa: BLE001 — handed to the engine's thread
                with self._cond:
                    self._error = exc
                    self._jobs.clear()
                    self._busy = False
                    self._cond.notify_all()
                return
            with self._cond:
                self._busy = False
                self._cond.notify_all()
