"""Sending a push batch's rows to PostgreSQL while the engine goes on checking ops.

A push spends about as long checking ops in Python as PostgreSQL spends writing their
rows. Done one after the other, each of the two cores waits half of the time. With the
lane, the engine hands over the rows of the ops it has decided so far (COPY text, or a
statement with its parameters) and checks the next ops while PostgreSQL writes.

The lane runs in the engine's own thread, without blocking: libpq's non-blocking calls
send a statement or a slice of COPY data and return at once; `pump()`, which the engine
calls between ops, takes each step that can be taken without waiting (send the next
part, read an answer that has arrived) and returns. A first version used a second
thread, but it needed the GIL for a moment after each of its waits on PostgreSQL and
got it only after the engine's thread gave it up: a slice of 50 ops took three times as
long as PostgreSQL needed for it, and more on a busy machine (measured).

Rules that keep this correct:
- Jobs run in the order they were handed over, on the batch's own connection, inside
  the batch's transaction.
- Nobody else uses the connection while the lane has work: whoever needs it calls
  `drain()` first (`Batch.conn` does), so every read sees every row handed over before.
- A failed job stops the lane; the error is raised in `pump()`, `submit()` or `drain()`
  and stays raised, and the batch's transaction is rolled back as usual.
"""

from __future__ import annotations

import functools
import select
from collections import deque
from datetime import date, datetime
from typing import Any, Literal

import psycopg
from psycopg import pq

# ("copy", statement, COPY text) or ("execute", statement with %s placeholders, parameters).
Job = tuple[Literal["copy", "execute"], str, Any]


def run_jobs(raw: Any, jobs: list[Job]) -> None:
    """Jobs in order on a psycopg connection, waiting for each (no lane). Statements next
    to each other go in one round trip (pipeline); a COPY cannot join a pipeline."""
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


@functools.cache
def _numbered(statement: str) -> bytes:
    """psycopg's %s placeholders as libpq's $1, $2…"""
    parts = statement.split("%s")
    out = parts[0]
    for n, part in enumerate(parts[1:], start=1):
        out += f"${n}{part}"
    return out.encode()


def _param(value: Any) -> bytes | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return b"t" if value else b"f"
    if isinstance(value, datetime | date):
        return value.isoformat().encode()
    return str(value).encode()


# What a job in flight waits for before its next step.
_SEND, _READ = "send", "read"


class WriteLane:
    def __init__(self, raw: Any) -> None:
        self._raw = raw
        self._pg: Any = raw.pgconn
        self._jobs: deque[Job] = deque()
        self._phase: str | None = None  # the job in flight: None, "query", "data", "end"
        self._job: Job | None = None
        self._error: BaseException | None = None

    # -- the engine's side ------------------------------------------------------------

    def submit(self, jobs: list[Job]) -> None:
        self._raise_error()
        self._jobs.extend(jobs)
        self.pump()

    def pump(self) -> None:
        """Take every step that needs no waiting."""
        self._raise_error()
        try:
            while self._step() is None:
                pass
        except BaseException as exc:
            self._error = exc
            raise

    @property
    def idle(self) -> bool:
        """Every job handed over has run."""
        return self._phase is None and not self._jobs

    def drain(self) -> None:
        """Wait until every job handed over has run; raise the failure if one failed."""
        self._raise_error()
        try:
            while (waiting := self._step()) != "idle":
                if waiting is None:
                    continue
                sock = self._pg.socket
                if waiting == _SEND:
                    select.select([sock], [sock], [])
                else:
                    select.select([sock], [], [])
        except BaseException as exc:
            self._error = exc
            raise

    def close(self) -> None:
        """Leave the connection idle, whatever happened (the batch may be ending on an
        error, and its transaction still has to be rolled back). Never raises."""
        try:
            self.drain()
        except BaseException:  # noqa: BLE001 — already raised where it happened
            pass

    # -- the steps ----------------------------------------------------------------------

    def _raise_error(self) -> None:
        # Sticky: after a failed job the transaction is broken, so is every later call.
        if self._error is not None:
            raise self._error

    def _step(self) -> str | None:
        """One step of the job in flight, or start the next job. Returns None when it
        made progress, "idle" when there is no work, or what it waits for."""
        pg = self._pg
        if self._phase is None:
            if not self._jobs:
                return "idle"
            self._job = self._jobs.popleft()
            kind, statement, payload = self._job
            if kind == "copy":
                pg.send_query(statement.encode())
            else:
                params = [_param(p) for p in payload]
                pg.send_query_params(_numbered(statement), params)
            self._phase = "query"
            return None
        if self._phase == "data":  # COPY: the rows, then the end of the data
            assert self._job is not None
            data = self._job[2]
            if data is not None:
                if pg.put_copy_data(data.encode() if isinstance(data, str) else data) == 0:
                    return _SEND
                self._job = (self._job[0], self._job[1], None)
            if pg.put_copy_end() == 0:
                return _SEND
            self._phase = "end"
            return None
        # "query" or "end": send what is buffered, then read the answers that are in.
        if pg.flush() != 0:
            return _SEND
        pg.consume_input()
        while not pg.is_busy():
            result = pg.get_result()
            if result is None:  # the statement is done
                self._phase = self._job = None
                return None
            status = result.status
            if status == pq.ExecStatus.COPY_IN:
                self._phase = "data"
                return None
            if status not in (pq.ExecStatus.COMMAND_OK, pq.ExecStatus.TUPLES_OK):
                self._fail(result)
        return _READ

    def _fail(self, result: Any) -> None:
        # libpq wants every result read before the connection is used again.
        while self._pg.get_result() is not None:
            pass
        self._phase = self._job = None
        self._jobs.clear()
        raise psycopg.errors.error_from_result(result, encoding=self._raw.info.encoding)
