"""`gc_paused()`: hold Python's cyclic garbage collector off during bulk work.

A push batch on the registry, or a pull page applied by the desktop's sync engine,
allocates tens of thousands of small containers that make no reference cycles and that
reference counting frees when the step ends. The collector would only walk them again
and again (over a tenth of a push's CPU, measured), and each of its passes stops every
thread of the process, the desktop's GUI thread included.

One counter for the whole process: the desktop runs its embedded training registry in
the same process as its sync engine, and two counters there would each re-enable the
collector while the other still held it off. The collector resumes when the last
pauser ends, and runs then if its thresholds were passed.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _pausers, _was_enabled
    with _lock:
        if _pausers == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausers += 1
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _was_enabled:
                gc.enable()
