"""Registry Desktop: the officers' Qt client."""

import sys

if sys.version_info < (3, 12):  # pragma: no branch
    # WORKAROUND for PySide6 6.12.0 on CPython 3.11: some bindings drop a reference they
    # never took — QCoreApplication.processEvents() returns None and Signal.emit() returns
    # a bool without the incref — so a long session (or test run) ends with "Fatal Python
    # error: none_dealloc / bool_dealloc". CPython 3.12 made None, True and False
    # immortal; this gives them the same property here. Remove with a fixed PySide6 or
    # Python >= 3.12 (see the lead's report).
    # The C type is made from _ctypes directly: importing the ctypes package costs more
    # than the rest of this package's import (start-up time); it is Py_ssize_t all the same.
    import struct
    from _ctypes import _SimpleCData

    class _PySsizeT(_SimpleCData):  # type: ignore[type-arg]
        _type_ = "l" if struct.calcsize("l") == struct.calcsize("P") else "q"

    for _singleton in (None, True, False):
        _PySsizeT.from_address(id(_singleton)).value += 1 << 40
    del _singleton, _PySsizeT
